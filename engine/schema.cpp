// The field tables of the rules language: one row per field a rule may read.
#include "engine/schema.hpp"

#include <array>

namespace activ::schema {

const char* record_name(RecordKind kind) {
    static const char* const names[] = {"convention", "cpas",       "period",      "action",
                                        "expense",    "piis",       "step",        "score",
                                        "assessment", "beneficiary", "objective", "evaluation"};
    return names[static_cast<int>(kind)];
}

const char* type_name(Type type) {
    static const char* const names[] = {"a true/false value", "a whole number", "a decimal number",
                                        "an amount",          "a share",        "a date",
                                        "a text",             "a word",         "a record",
                                        "a list",             "a set",          "a number of days"};
    return names[static_cast<int>(type)];
}

namespace {

template <typename T>
Value optional_date(const std::optional<T>& d) {
    return d ? date_value(*d) : missing_value(Type::date);
}
Value optional_text(const std::optional<std::string>& t, Type type = Type::text) {
    return t ? text_value(*t, type) : missing_value(type);
}
Value optional_bool(const std::optional<bool>& b) {
    return b ? bool_value(*b) : missing_value(Type::boolean);
}
Value optional_number(const std::optional<int64_t>& n) {
    return n ? number_value(*n) : missing_value(Type::number);
}
Value record_value(const void* record, RecordKind kind) {
    Value v;
    v.type = Type::record;
    v.record = record;
    v.record_kind = kind;
    return v;
}
Value missing_record(RecordKind kind) {
    Value v = missing_value(Type::record);
    v.record_kind = kind;
    return v;
}
template <typename T>
Value list_value(const std::vector<T>& items, RecordKind kind) {
    Value v;
    v.type = Type::list;
    v.record_kind = kind;
    v.list = ListRef{reinterpret_cast<const char*>(items.data()), nullptr,
                     static_cast<uint32_t>(items.size()), sizeof(T)};
    return v;
}
Value action_list(const std::vector<int>& indices, const EvalContext& c) {
    Value v = list_value(c.convention->actions, RecordKind::action);
    v.list.indices = indices.data();
    v.list.size = static_cast<uint32_t>(indices.size());
    return v;
}
Value text_list_count(const std::vector<std::string>& items) {
    return number_value(static_cast<int64_t>(items.size()));
}

template <typename T>
const T& as(const void* record) {
    return *static_cast<const T*>(record);
}

using C = EvalContext;

const std::array convention_fields = {
    Field{"id", Type::text, {}, [](const void* r, const C&) { return text_value(as<Convention>(r).id); }, {}, "the convention's id"},
    Field{"year", Type::number, {}, [](const void* r, const C&) { return number_value(as<Convention>(r).year); }, {}, "the subsidy year"},
    Field{"cpas", Type::record, RecordKind::cpas, [](const void* r, const C&) { return record_value(&as<Convention>(r).cpas, RecordKind::cpas); }, {}, "the CPAS that signs"},
    Field{"scheme", Type::symbol, {}, [](const void* r, const C&) { return optional_text(as<Convention>(r).scheme, Type::symbol); }, "cluster city", "cluster or city"},
    Field{"cluster", Type::list, RecordKind::cpas, [](const void* r, const C&) { return list_value(as<Convention>(r).cluster, RecordKind::cpas); }, {}, "the other CPAS of a cluster"},
    Field{"cpas_count", Type::number, {}, [](const void* r, const C&) { return number_value(1 + static_cast<int64_t>(as<Convention>(r).cluster.size())); }, {}, "the signing CPAS plus the other CPAS of the cluster"},
    Field{"period", Type::record, RecordKind::period, [](const void* r, const C&) { return record_value(&as<Convention>(r).period, RecordKind::period); }, {}, "the convention's duration"},
    Field{"submitted_on", Type::date, {}, [](const void* r, const C&) { return date_value(as<Convention>(r).submitted_on); }, {}, "when the convention was filed"},
    Field{"signed_on", Type::date, {}, [](const void* r, const C&) { return optional_date(as<Convention>(r).signed_on); }, {}, "when the CPAS signed"},
    Field{"subsidy", Type::money, {}, [](const void* r, const C&) { return money_value(as<Convention>(r).subsidy); }, {}, "the amount granted or requested"},
    Field{"advance_paid", Type::money, {}, [](const void* r, const C&) { const auto& a = as<Convention>(r).advance_paid; return a ? money_value(*a) : missing_value(Type::money); }, {}, "the advance already paid"},
    Field{"actions", Type::list, RecordKind::action, [](const void* r, const C&) { return list_value(as<Convention>(r).actions, RecordKind::action); }, {}, "the declared actions"},
    Field{"expenses", Type::list, RecordKind::expense, [](const void* r, const C&) { return list_value(as<Convention>(r).expenses, RecordKind::expense); }, {}, "the financial report"},
    Field{"beneficiaries", Type::list, RecordKind::beneficiary, [](const void* r, const C&) { return list_value(as<Convention>(r).beneficiaries, RecordKind::beneficiary); }, {}, "the people followed"},
    Field{"evaluation", Type::record, RecordKind::evaluation, [](const void* r, const C&) { const auto& e = as<Convention>(r).evaluation; return e ? record_value(&*e, RecordKind::evaluation) : missing_record(RecordKind::evaluation); }, {}, "the evaluation form"},
};

const std::array cpas_fields = {
    Field{"name", Type::text, {}, [](const void* r, const C&) { return text_value(as<Cpas>(r).name); }, {}, "the CPAS's name"},
    Field{"nis", Type::text, {}, [](const void* r, const C&) { return text_value(as<Cpas>(r).nis); }, {}, "the commune's NIS code"},
};

const std::array period_fields = {
    Field{"start", Type::date, {}, [](const void* r, const C&) { return date_value(as<Period>(r).start); }, {}, "first day"},
    Field{"end", Type::date, {}, [](const void* r, const C&) { return date_value(as<Period>(r).end); }, {}, "last day"},
};

const std::array action_fields = {
    Field{"id", Type::text, {}, [](const void* r, const C&) { return text_value(as<Action>(r).id); }, {}, "the action's id"},
    Field{"kind", Type::symbol, {}, [](const void* r, const C&) { return text_value(as<Action>(r).kind, Type::symbol); }, "collective individual", "collective or individual"},
    Field{"title", Type::text, {}, [](const void* r, const C&) { return text_value(as<Action>(r).title); }, {}, "the title"},
    Field{"description", Type::text, {}, [](const void* r, const C&) { return text_value(as<Action>(r).description); }, {}, "the description"},
    Field{"text", Type::text, {}, [](const void* r, const C& c) { return text_value(c.action_text[static_cast<size_t>(&as<Action>(r) - c.convention->actions.data())]); }, {}, "title and description together"},
    Field{"category", Type::symbol, {}, [](const void* r, const C&) { return text_value(as<Action>(r).category, Type::symbol); }, {}, "the declared category"},
    Field{"target_ready_for_work", Type::boolean, {}, [](const void* r, const C&) { return optional_bool(as<Action>(r).target_ready_for_work); }, {}, "whether the public is ready for a professional trajectory"},
    Field{"planned_participants", Type::number, {}, [](const void* r, const C&) { return optional_number(as<Action>(r).planned_participants); }, {}, "planned number of participants"},
    Field{"start", Type::date, {}, [](const void* r, const C&) { return optional_date(as<Action>(r).start); }, {}, "first day"},
    Field{"end", Type::date, {}, [](const void* r, const C&) { return optional_date(as<Action>(r).end); }, {}, "last day"},
    Field{"partner_count", Type::number, {}, [](const void* r, const C&) { return text_list_count(as<Action>(r).partners); }, {}, "how many partners are named"},
    Field{"activation", Type::symbol, {}, [](const void* r, const C& c) { return text_value(c.activation[static_cast<size_t>(&as<Action>(r) - c.convention->actions.data())], Type::symbol); }, "social professional unclassified", "the class the classification gave: social, professional or unclassified"},
};

const std::array expense_fields = {
    Field{"id", Type::text, {}, [](const void* r, const C&) { return text_value(as<Expense>(r).id); }, {}, "the expense's id"},
    Field{"date", Type::date, {}, [](const void* r, const C&) { return date_value(as<Expense>(r).date); }, {}, "when the cost was incurred"},
    Field{"amount", Type::money, {}, [](const void* r, const C&) { return money_value(as<Expense>(r).amount); }, {}, "the amount"},
    Field{"description", Type::text, {}, [](const void* r, const C&) { return text_value(as<Expense>(r).description); }, {}, "the description"},
    Field{"action", Type::record, RecordKind::action, [](const void* r, const C& c) { int i = as<Expense>(r).action_index; return i < 0 ? missing_record(RecordKind::action) : record_value(&c.convention->actions[static_cast<size_t>(i)], RecordKind::action); }, {}, "the action it serves"},
    Field{"cost_type", Type::symbol, {}, [](const void* r, const C&) { return text_value(as<Expense>(r).cost_type, Type::symbol); }, "personnel operating participant investment overhead", "the type of cost"},
    Field{"document", Type::text, {}, [](const void* r, const C&) { return optional_text(as<Expense>(r).document); }, {}, "the supporting document"},
    Field{"share", Type::share, {}, [](const void* r, const C&) { return share_value(as<Expense>(r).share); }, {}, "the part charged to the project"},
    Field{"share_basis", Type::text, {}, [](const void* r, const C&) { return optional_text(as<Expense>(r).share_basis); }, {}, "how the share was set"},
    Field{"other_funding", Type::money, {}, [](const void* r, const C&) { return money_value(as<Expense>(r).other_funding); }, {}, "the part paid by another subsidy"},
    Field{"credit", Type::boolean, {}, [](const void* r, const C&) { return bool_value(as<Expense>(r).credit); }, {}, "whether it is a credit note"},
    Field{"paid_on", Type::date, {}, [](const void* r, const C&) { return optional_date(as<Expense>(r).paid_on); }, {}, "when it was paid"},
    Field{"eligible", Type::boolean, {}, [](const void* r, const C& c) { return bool_value(!c.refused[static_cast<size_t>(&as<Expense>(r) - c.convention->expenses.data())]); }, {}, "whether no error finding refuses it (indicators only)"},
    Field{"charge", Type::money, {}, [](const void* r, const C&) { const auto& e = as<Expense>(r); return money_value(charge_of(e.amount, e.share)); }, {}, "amount x share, rounded half-up to the cent"},
};

const std::array piis_fields = {
    Field{"signed_on", Type::date, {}, [](const void* r, const C&) { return optional_date(as<Piis>(r).signed_on); }, {}, "when the PIIS was signed"},
    Field{"kind", Type::symbol, {}, [](const void* r, const C&) { return optional_text(as<Piis>(r).kind, Type::symbol); }, "social_activation professional training other", "the PIIS's kind"},
};

/// The steps before (`after` false) or after a step, in order.
Value neighbour_steps(const TrajectoryStep& step, bool after) {
    const TrajectoryStep* first = &step - step.position;
    Value v;
    v.type = Type::list;
    v.record_kind = RecordKind::step;
    v.list = ListRef{reinterpret_cast<const char*>(after ? &step + 1 : first), nullptr,
                     static_cast<uint32_t>(after ? step.count - step.position - 1 : step.position),
                     sizeof(TrajectoryStep)};
    return v;
}

const std::array step_fields = {
    Field{"step", Type::symbol, {}, [](const void* r, const C&) { return text_value(as<TrajectoryStep>(r).step, Type::symbol); }, "intake screening orientation social_activation training on_the_job job_search_support follow_up", "the kind of step"},
    Field{"date", Type::date, {}, [](const void* r, const C&) { return optional_date(as<TrajectoryStep>(r).date); }, {}, "the step's day"},
    Field{"from", Type::date, {}, [](const void* r, const C&) { return optional_date(as<TrajectoryStep>(r).from); }, {}, "the span's first day"},
    Field{"to", Type::date, {}, [](const void* r, const C&) { return optional_date(as<TrajectoryStep>(r).to); }, {}, "the span's last day"},
    Field{"ready_for_work", Type::boolean, {}, [](const void* r, const C&) { return optional_bool(as<TrajectoryStep>(r).ready_for_work); }, {}, "the screening's conclusion"},
    Field{"position", Type::number, {}, [](const void* r, const C&) { return number_value(as<TrajectoryStep>(r).position + 1); }, {}, "1 for the first step of the trajectory"},
    Field{"first_day", Type::date, {}, [](const void* r, const C&) { const auto& s = as<TrajectoryStep>(r); return optional_date(s.date ? s.date : s.from); }, {}, "the step's day, or the first day of its span"},
    Field{"last_day", Type::date, {}, [](const void* r, const C&) { const auto& s = as<TrajectoryStep>(r); return optional_date(s.date ? s.date : s.to); }, {}, "the step's day, or the last day of its span"},
    Field{"previous_steps", Type::list, RecordKind::step, [](const void* r, const C&) { return neighbour_steps(as<TrajectoryStep>(r), false); }, {}, "the steps before it"},
    Field{"next_steps", Type::list, RecordKind::step, [](const void* r, const C&) { return neighbour_steps(as<TrajectoryStep>(r), true); }, {}, "the steps after it"},
    Field{"actions", Type::list, RecordKind::action, [](const void* r, const C& c) { return action_list(as<TrajectoryStep>(r).action_indices, c); }, {}, "the declared actions it used"},
    Field{"undeclared_action_count", Type::number, {}, [](const void* r, const C&) { return text_list_count(as<TrajectoryStep>(r).undeclared_actions); }, {}, "how many of its actions the convention does not declare"},
};

const std::array score_fields = {
    Field{"date", Type::date, {}, [](const void* r, const C&) { return optional_date(as<Score>(r).date); }, {}, "when the score was taken"},
    Field{"socioprofessional", Type::number, {}, [](const void* r, const C&) { return optional_number(as<Score>(r).socioprofessional); }, {}, "score 0..10"},
    Field{"autonomy", Type::number, {}, [](const void* r, const C&) { return optional_number(as<Score>(r).autonomy); }, {}, "score 0..10"},
    Field{"volunteering", Type::number, {}, [](const void* r, const C&) { return optional_number(as<Score>(r).volunteering); }, {}, "score 0..10"},
};

const std::array assessment_fields = {
    Field{"start", Type::record, RecordKind::score, [](const void* r, const C&) { const auto& s = as<Assessment>(r).start; return s ? record_value(&*s, RecordKind::score) : missing_record(RecordKind::score); }, {}, "the situation at the start"},
    Field{"end", Type::record, RecordKind::score, [](const void* r, const C&) { const auto& s = as<Assessment>(r).end; return s ? record_value(&*s, RecordKind::score) : missing_record(RecordKind::score); }, {}, "the situation at the end"},
};

const std::array beneficiary_fields = {
    Field{"id", Type::text, {}, [](const void* r, const C&) { return text_value(as<Beneficiary>(r).id); }, {}, "the beneficiary's pseudonymous id"},
    Field{"income", Type::symbol, {}, [](const void* r, const C&) { return optional_text(as<Beneficiary>(r).income, Type::symbol); }, "integration_income equivalent_social_aid none other", "the kind of income"},
    Field{"piis", Type::record, RecordKind::piis, [](const void* r, const C&) { const auto& p = as<Beneficiary>(r).piis; return p ? record_value(&*p, RecordKind::piis) : missing_record(RecordKind::piis); }, {}, "the individualised social integration project"},
    Field{"ready_for_work", Type::boolean, {}, [](const void* r, const C&) { return optional_bool(as<Beneficiary>(r).ready_for_work); }, {}, "the screening's conclusion"},
    Field{"eligibility", Type::symbol, {}, [](const void* r, const C& c) { return text_value(c.eligibility[static_cast<size_t>(&as<Beneficiary>(r) - c.convention->beneficiaries.data())], Type::symbol); }, "eligible not_eligible undetermined", "whether the person is in an eligible social activation trajectory"},
    Field{"actions", Type::list, RecordKind::action, [](const void* r, const C& c) { return action_list(as<Beneficiary>(r).action_indices, c); }, {}, "the actions this person took part in"},
    Field{"trajectory", Type::list, RecordKind::step, [](const void* r, const C&) { return list_value(as<Beneficiary>(r).trajectory, RecordKind::step); }, {}, "the steps this person went through"},
    Field{"assessment", Type::record, RecordKind::assessment, [](const void* r, const C&) { const auto& a = as<Beneficiary>(r).assessment; return a ? record_value(&*a, RecordKind::assessment) : missing_record(RecordKind::assessment); }, {}, "the CPAS's own scores"},
};

const std::array objective_fields = {
    Field{"id", Type::text, {}, [](const void* r, const C&) { return text_value(as<Objective>(r).id); }, {}, "the objective's id"},
    Field{"text", Type::text, {}, [](const void* r, const C&) { return text_value(as<Objective>(r).text); }, {}, "the objective as written"},
    Field{"achieved", Type::symbol, {}, [](const void* r, const C&) { return text_value(as<Objective>(r).achieved, Type::symbol); }, "yes partly no", "yes, partly or no"},
    Field{"partnership_count", Type::number, {}, [](const void* r, const C&) { return text_list_count(as<Objective>(r).partnerships); }, {}, "how many partnerships are named"},
    Field{"reasons", Type::text, {}, [](const void* r, const C&) { return optional_text(as<Objective>(r).reasons); }, {}, "why it was not fully achieved"},
};

const std::array evaluation_fields = {
    Field{"submitted_on", Type::date, {}, [](const void* r, const C&) { return optional_date(as<Evaluation>(r).submitted_on); }, {}, "when the evaluation form was filed"},
    Field{"objectives", Type::list, RecordKind::objective, [](const void* r, const C&) { return list_value(as<Evaluation>(r).objectives, RecordKind::objective); }, {}, "the objectives"},
};

}  // namespace

std::span<const Field> fields_of(RecordKind kind) {
    switch (kind) {
        case RecordKind::convention: return convention_fields;
        case RecordKind::cpas: return cpas_fields;
        case RecordKind::period: return period_fields;
        case RecordKind::action: return action_fields;
        case RecordKind::expense: return expense_fields;
        case RecordKind::piis: return piis_fields;
        case RecordKind::step: return step_fields;
        case RecordKind::score: return score_fields;
        case RecordKind::assessment: return assessment_fields;
        case RecordKind::beneficiary: return beneficiary_fields;
        case RecordKind::objective: return objective_fields;
        case RecordKind::evaluation: return evaluation_fields;
    }
    return {};
}

const Field* find_field(RecordKind kind, std::string_view name) {
    for (const Field& f : fields_of(kind)) {
        if (f.name == name) return &f;
    }
    return nullptr;
}

std::string format_value(const Value& v) {
    if (v.missing) return "(missing)";
    switch (v.type) {
        case Type::boolean: return v.boolean ? "true" : "false";
        case Type::number: return std::to_string(v.integer);
        case Type::decimal: {
            int64_t unit = 1;
            for (int i = 0; i < v.scale; ++i) unit *= 10;
            int64_t const magnitude = v.integer < 0 ? -v.integer : v.integer;
            std::string out = v.integer < 0 ? "-" : "";
            out += std::to_string(magnitude / unit);
            if (v.scale > 0) {
                std::string fraction = std::to_string(magnitude % unit + unit);  // keeps zeros
                fraction[0] = '.';
                out += fraction;
            }
            return out;
        }
        case Type::money: return format_money(Money{v.integer});
        case Type::share: return format_share(Share{v.integer});
        case Type::date: return format_date(Date{static_cast<int32_t>(v.integer)});
        case Type::days: return std::to_string(v.integer) + (v.integer == 1 || v.integer == -1 ? " day" : " days");
        case Type::text:
        case Type::symbol: return std::string(v.text);
        case Type::record: return record_name(v.record_kind);
        case Type::list: return std::to_string(v.list.size) + " " + record_name(v.record_kind);
        case Type::set: {
            std::string out = "{";
            for (size_t i = 0; v.set && i < v.set->items.size(); ++i) {
                out += (i ? ", " : "") + v.set->items[i];
            }
            return out + "}";
        }
    }
    return {};
}

}  // namespace activ::schema
