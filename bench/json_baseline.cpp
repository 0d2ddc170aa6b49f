// Hand-written JSON reading for the hand-written checks: the fields bench/baseline.cpp
// reads, taken straight from simdjson's On-Demand values. Money, shares and dates come from
// the value's own text (raw_json_token for numbers), never through a double.
#include "bench/json_baseline.hpp"

#include <string>
#include <string_view>
#include <vector>

#include "bench/baseline.hpp"
#include "engine/model.hpp"

namespace activ::bench {

namespace {

namespace od = simdjson::ondemand;

/// Thrown on anything the checks cannot do without: the line is counted as failed.
struct Unreadable {};

template <typename T>
T need(std::optional<T> value) {
    if (!value) throw Unreadable{};
    return *value;
}

/// A scalar's text: a string's content, or a number's (or boolean's) raw token, trimmed.
std::string_view text_of(od::value v) {
    if (v.type() == od::json_type::string) return v.get_string().value();
    std::string_view token = v.raw_json_token();
    while (!token.empty() && (token.back() == ' ' || token.back() == '\t' ||
                              token.back() == '\n' || token.back() == '\r')) {
        token.remove_suffix(1);
    }
    return token;
}

std::string string_of(od::value v) { return std::string(v.get_string().value()); }
Date date_of(od::value v) { return need(parse_date(text_of(v))); }
Money money_of(od::value v) { return need(parse_money(text_of(v))); }

int index_of(const std::vector<Action>& actions, const std::string& id) {
    for (size_t i = 0; i < actions.size(); ++i) {
        if (actions[i].id == id) return static_cast<int>(i);
    }
    throw Unreadable{};
}

Action action_of(od::object o) {
    Action a;
    for (auto field : o) {
        std::string_view const key = field.unescaped_key().value();
        od::value v = field.value().value();
        if (key == "id") a.id = string_of(v);
        else if (key == "kind") a.kind = string_of(v);
        else if (key == "title") a.title = string_of(v);
        else if (key == "description") a.description = string_of(v);
        else if (key == "category") a.category = string_of(v);
        else if (key == "target_ready_for_work") a.target_ready_for_work = v.get_bool().value();
    }
    return a;
}

Expense expense_of(od::object o) {
    Expense e;
    for (auto field : o) {
        std::string_view const key = field.unescaped_key().value();
        od::value v = field.value().value();
        if (key == "id") e.id = string_of(v);
        else if (key == "date") e.date = date_of(v);
        else if (key == "amount") e.amount = money_of(v);
        else if (key == "action") e.action_id = string_of(v);
        else if (key == "cost_type") e.cost_type = string_of(v);
        else if (key == "document") e.document = string_of(v);
        else if (key == "share") e.share = need(parse_share(text_of(v)));
        else if (key == "share_basis") e.share_basis = string_of(v);
        else if (key == "other_funding") e.other_funding = money_of(v);
        else if (key == "credit") e.credit = v.get_bool().value();
    }
    return e;
}

Score score_of(od::object o) {
    Score s;
    for (auto field : o) {
        std::string_view const key = field.unescaped_key().value();
        od::value v = field.value().value();
        if (key == "date") s.date = date_of(v);
        else if (key == "socioprofessional") s.socioprofessional = v.get_int64().value();
        else if (key == "autonomy") s.autonomy = v.get_int64().value();
        else if (key == "volunteering") s.volunteering = v.get_int64().value();
    }
    return s;
}

Beneficiary beneficiary_of(od::object o) {
    Beneficiary b;
    for (auto field : o) {
        std::string_view const key = field.unescaped_key().value();
        od::value v = field.value().value();
        if (key == "id") {
            b.id = string_of(v);
        } else if (key == "income") {
            b.income = string_of(v);
        } else if (key == "piis") {
            Piis p;
            for (auto f : v.get_object()) {
                std::string_view const k = f.unescaped_key().value();
                if (k == "signed_on") p.signed_on = date_of(f.value().value());
                else if (k == "kind") p.kind = string_of(f.value().value());
            }
            b.piis = p;
        } else if (key == "actions") {
            for (auto id : v.get_array()) b.action_ids.push_back(string_of(id.value()));
        } else if (key == "assessment") {
            Assessment a;
            for (auto f : v.get_object()) {
                std::string_view const k = f.unescaped_key().value();
                if (k == "start") a.start = score_of(f.value().get_object());
                else if (k == "end") a.end = score_of(f.value().get_object());
            }
            b.assessment = a;
        }
    }
    return b;
}

Evaluation evaluation_of(od::object o) {
    Evaluation e;
    for (auto field : o) {
        std::string_view const key = field.unescaped_key().value();
        od::value v = field.value().value();
        if (key == "submitted_on") {
            e.submitted_on = date_of(v);
        } else if (key == "objectives") {
            for (auto item : v.get_array()) {
                Objective objective;
                for (auto f : item.get_object()) {
                    std::string_view const k = f.unescaped_key().value();
                    if (k == "id") objective.id = string_of(f.value().value());
                    else if (k == "achieved") objective.achieved = string_of(f.value().value());
                    else if (k == "reasons") objective.reasons = string_of(f.value().value());
                }
                e.objectives.push_back(std::move(objective));
            }
        }
    }
    return e;
}

Convention convention_of(od::object o) {
    Convention c;
    for (auto field : o) {
        std::string_view const key = field.unescaped_key().value();
        od::value v = field.value().value();
        if (key == "id") {
            c.id = string_of(v);
        } else if (key == "year") {
            c.year = static_cast<int>(v.get_int64().value());
        } else if (key == "period") {
            for (auto f : v.get_object()) {
                std::string_view const k = f.unescaped_key().value();
                if (k == "start") c.period.start = date_of(f.value().value());
                else if (k == "end") c.period.end = date_of(f.value().value());
            }
        } else if (key == "submitted_on") {
            c.submitted_on = date_of(v);
        } else if (key == "subsidy") {
            c.subsidy = money_of(v);
        } else if (key == "actions") {
            for (auto item : v.get_array()) c.actions.push_back(action_of(item.get_object()));
        } else if (key == "expenses") {
            for (auto item : v.get_array()) c.expenses.push_back(expense_of(item.get_object()));
        } else if (key == "beneficiaries") {
            for (auto item : v.get_array()) c.beneficiaries.push_back(beneficiary_of(item.get_object()));
        } else if (key == "evaluation") {
            c.evaluation = evaluation_of(v.get_object());
        }
    }
    // References by id, once every action is known.
    for (auto& e : c.expenses) {
        if (e.action_id) e.action_index = index_of(c.actions, *e.action_id);
    }
    for (auto& b : c.beneficiaries) {
        for (const auto& id : b.action_ids) b.action_indices.push_back(index_of(c.actions, id));
    }
    return c;
}

}  // namespace

JsonBaselineRun check_jsonl_by_hand(const simdjson::padded_string& jsonl) {
    JsonBaselineRun run;
    od::parser parser;
    const char* const data = jsonl.data();
    size_t const size = jsonl.size();
    size_t start = 0;
    while (start < size) {
        size_t end = std::string_view(data, size).find('\n', start);
        if (end == std::string_view::npos) end = size;
        size_t const length = end - start;
        // The rest of the buffer and its padding follow the line: simdjson may read them.
        simdjson::padded_string_view const line(data + start, length,
                                                size - start + simdjson::SIMDJSON_PADDING);
        start = end + 1;
        if (length == 0) continue;
        try {
            od::document doc = parser.iterate(line);
            Convention c;
            bool found = false;
            for (auto field : doc.get_object()) {
                if (field.unescaped_key().value() == "convention") {
                    c = convention_of(field.value().get_object());
                    found = true;
                }
            }
            if (!found) throw Unreadable{};
            ++run.conventions;
            run.items += c.actions.size() + c.expenses.size() + c.beneficiaries.size();
            run.findings += check_2015_by_hand(c).findings.size();
        } catch (const simdjson::simdjson_error&) {
            ++run.failed;
        } catch (const Unreadable&) {
            ++run.failed;
        }
    }
    return run;
}

}  // namespace activ::bench
