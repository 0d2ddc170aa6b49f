// Reads a convention file (spec/convention-format.md, version 1) into the typed model.
// This file says which keys each mapping holds and what kind each value is; the
// generic strict reading lives in engine/yaml_reader. Every problem is collected, and
// any error means no convention: evaluation never sees a half-read file.
#include "engine/load_convention.hpp"

#include <algorithm>
#include <limits>
#include <unordered_map>

#include "engine/read_file.hpp"
#include "engine/json_tree.hpp"
#include "engine/yaml_reader.hpp"

namespace activ {

using namespace strict_yaml;

namespace {

constexpr std::string_view supported_format = "convention/1";

// Closed vocabularies of the format. Action categories are deliberately absent: rule
// files may add categories, so the loader only checks that one is a word.
constexpr std::string_view action_kinds[] = {"collective", "individual"};
constexpr std::string_view schemes[] = {"cluster", "city"};
constexpr std::string_view cost_types[] = {"personnel", "operating", "participant", "investment",
                                           "overhead"};
constexpr std::string_view incomes[] = {"integration_income", "equivalent_social_aid", "none",
                                        "other"};
constexpr std::string_view piis_kinds[] = {"social_activation", "professional", "training",
                                           "other"};
constexpr std::string_view achievements[] = {"yes", "partly", "no"};
constexpr std::string_view steps[] = {
    "intake",   "screening",  "orientation",        "social_activation",
    "training", "on_the_job", "job_search_support", "follow_up"};

// The keys of each mapping of the format, in the order an unknown key's message lists them.
constexpr std::string_view top_keys[] = {"format", "convention"};
constexpr std::string_view convention_keys[] = {
    "id",        "year",    "cpas",         "scheme",  "cluster",  "period",        "submitted_on",
    "signed_on", "subsidy", "advance_paid", "actions", "expenses", "beneficiaries", "evaluation"};
constexpr std::string_view cpas_keys[] = {"name", "nis"};
constexpr std::string_view period_keys[] = {"start", "end"};
constexpr std::string_view action_keys[] = {"id",
                                            "kind",
                                            "title",
                                            "description",
                                            "category",
                                            "target_ready_for_work",
                                            "planned_participants",
                                            "start",
                                            "end",
                                            "partners"};
constexpr std::string_view expense_keys[] = {
    "id",       "date",  "amount",      "description",   "action", "cost_type",
    "document", "share", "share_basis", "other_funding", "credit", "paid_on"};
constexpr std::string_view beneficiary_keys[] = {
    "id", "income", "piis", "ready_for_work", "actions", "trajectory", "assessment"};
constexpr std::string_view piis_keys[] = {"signed_on", "kind"};
constexpr std::string_view assessment_keys[] = {"start", "end"};
constexpr std::string_view step_keys[] = {"step", "date",           "from",
                                          "to",   "ready_for_work", "actions"};
constexpr std::string_view score_keys[] = {"date", "socioprofessional", "autonomy", "volunteering"};
constexpr std::string_view evaluation_keys[] = {"submitted_on", "objectives"};
constexpr std::string_view objective_keys[] = {"id", "text", "achieved", "partnerships", "reasons"};

constexpr int64_t max_year = 9999;
constexpr int64_t max_score = 10;

bool is_category_word(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

std::optional<std::string_view> read_category(YamlReader& reader, const Field& field) {
    auto text = read_text(reader, field);
    if (text && !is_category_word(*text)) {
        reader.error(field.mark(),
                     cat("expected a category word (lowercase letters, digits and '_', such as "
                         "language_course) for ",
                         field.name(), ", got ", describe(field.node)));
        return std::nullopt;
    }
    return text;
}

// A NIS code is an identifier that happens to be made of digits: "04022" must keep its zero,
// so it is read as text and never as a number.
std::optional<std::string_view> read_nis(YamlReader& reader, const Field& field) {
    auto text = read_id(reader, field);
    if (!text) return std::nullopt;
    const bool five_digits =
        text->size() == 5 &&
        std::all_of(text->begin(), text->end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!five_digits) {
        reader.error(field.mark(), cat("expected a NIS code of 5 digits for ", field.name(),
                                       ", got ", describe(field.node)));
        return std::nullopt;
    }
    return text;
}

// The items of a list field, to size what is read from it; 0 when it is not a list.
size_t items_of(const Field& field) {
    return field.node.is_sequence() ? field.node.child_count() : 0;
}

// Ids must be unique within their list; the second one is the error, pointing back at the first.
class IdRegistry {
  public:
    explicit IdRegistry(std::string_view what, size_t expected = 0) : what_(what) {
        lines_.reserve(expected);
    }
    void reserve(size_t expected) { lines_.reserve(expected); }

    /// `id` views the tree, which outlives the registry.
    void declare(YamlReader& reader, std::string_view id, const Field& field) {
        const Mark mark = field.mark();
        const int line = mark.line < 0 ? 0 : mark.line + 1;  // what pos_of gives, for less
        auto [it, inserted] = lines_.emplace(id, line);
        if (!inserted) {
            reader.error(mark, cat("duplicate ", what_, " id '", id, "' (first declared at line ",
                                   std::to_string(it->second), ")"));
        }
    }

    /// Reads the required `id` of mapping `m` into `id`, and declares it.
    void read_required(YamlReader& reader, MapReader& m, std::string& id) {
        if (auto f = m.required("id")) {
            if (auto text = read_id(reader, *f)) {
                id = *text;
                declare(reader, *text, *f);
            }
        }
    }

  private:
    std::string_view what_;
    std::unordered_map<std::string_view, int> lines_;
};

class ConventionLoader {
  public:
    explicit ConventionLoader(YamlReader& reader) : reader_(reader) {}

    Convention load(NodeRef root) {
        MapReader top(reader_, root, "the top level of the file", "at the top level", top_keys);
        if (!top.is_map()) return {};
        if (!format_is_supported(top)) return {};
        Convention convention;
        if (auto field = top.required("convention")) read_convention(*field, convention);
        return convention;
    }

  private:
    // An unknown format is reported alone: the rest of the file follows another contract,
    // and errors against this one would only be noise.
    bool format_is_supported(const MapReader& top) {
        auto field = top.optional("format");
        if (!field) {
            reader_.error(top.mark(), cat("missing required key 'format' at the top level "
                                          "(expected 'format: ",
                                          supported_format, "')"));
            return true;
        }
        auto format = read_text(reader_, *field);
        if (!format) return false;
        if (*format != supported_format) {
            reader_.error(field->mark(), cat("unsupported format '", *format,
                                             "'; this engine reads '", supported_format, "'"));
            return false;
        }
        return true;
    }

    void read_convention(const Field& field, Convention& c) {
        MapReader m(reader_, field, "in the convention", convention_keys);
        if (!m.is_map()) return;
        m.required_value("id", read_id, c.id);
        int64_t year = 0;
        m.required_value("year", integer_in(1, max_year), year);
        c.year = static_cast<int>(year);
        if (auto f = m.required("cpas")) read_cpas(*f, "in the cpas", c.cpas);
        m.optional_value("scheme", one_of(schemes), c.scheme);
        if (auto f = m.optional("cluster")) {
            for_each_item(reader_, *f, [&](const Field& item) {
                Cpas member;
                if (read_cpas(item, "in a cluster member", member)) c.cluster.push_back(member);
            });
        }
        if (auto f = m.required("period")) read_period(*f, c.period);
        m.required_value("submitted_on", read_date, c.submitted_on);
        m.optional_value("signed_on", read_date, c.signed_on);
        m.required_value("subsidy", read_money, c.subsidy);
        m.optional_value("advance_paid", read_money, c.advance_paid);

        // Actions first, whatever the order in the file: expenses and beneficiaries refer to them.
        if (auto f = m.optional("actions")) {
            c.actions.reserve(items_of(*f));
            action_ids_.reserve(items_of(*f));
            actions_known_ = for_each_item(
                reader_, *f, [&](const Field& item) { read_action(item, c.actions); });
        }
        // Thousands of expenses each naming one of thousands of actions: look ids up by hash.
        action_index_.reserve(c.actions.size());
        for (size_t i = 0; i < c.actions.size(); ++i) {
            action_index_.emplace(c.actions[i].id, static_cast<int>(i));
        }
        if (auto f = m.optional("expenses")) {
            IdRegistry ids("expense", items_of(*f));
            c.expenses.reserve(items_of(*f));
            for_each_item(reader_, *f, [&](const Field& item) {
                read_expense(item, ids, c.actions, c.expenses);
            });
        }
        if (auto f = m.optional("beneficiaries")) {
            IdRegistry ids("beneficiary", items_of(*f));
            c.beneficiaries.reserve(items_of(*f));
            for_each_item(reader_, *f, [&](const Field& item) {
                read_beneficiary(item, ids, c.actions, c.beneficiaries);
            });
        }
        if (auto f = m.optional("evaluation")) {
            Evaluation evaluation;
            if (read_evaluation(*f, evaluation)) c.evaluation = std::move(evaluation);
        }
    }

    bool read_cpas(const Field& field, std::string_view place, Cpas& cpas) {
        MapReader m(reader_, field, place, cpas_keys);
        if (!m.is_map()) return false;
        cpas.pos = m.pos();
        m.required_value("name", read_text, cpas.name);
        m.required_value("nis", read_nis, cpas.nis);
        return true;
    }

    void read_period(const Field& field, Period& period) {
        MapReader m(reader_, field, "in the period", period_keys);
        const auto start_field = m.required("start");
        const auto end_field = m.required("end");
        const auto start = start_field ? read_date(reader_, *start_field) : std::nullopt;
        const auto end = end_field ? read_date(reader_, *end_field) : std::nullopt;
        if (start && end) {
            period = {*start, *end};
            if (*end < *start) {
                reader_.error(end_field->mark(),
                              cat("the period ends (", format_date(*end), ") before it starts (",
                                  format_date(*start), ")"));
            }
        }
    }

    void read_action(const Field& item, std::vector<Action>& actions) {
        MapReader m(reader_, item, "in an action", action_keys);
        if (!m.is_map()) return;
        Action& action = actions.emplace_back();  // read in place: no move
        action.pos = m.pos();
        action_ids_.read_required(reader_, m, action.id);
        m.required_value("kind", one_of(action_kinds), action.kind);
        m.required_value("title", read_text, action.title);
        m.optional_value("description", read_text, action.description);
        m.required_value("category", read_category, action.category);
        m.optional_value("target_ready_for_work", read_bool, action.target_ready_for_work);
        m.optional_value("planned_participants", integer_in(0, std::numeric_limits<int64_t>::max()),
                         action.planned_participants);
        m.optional_value("start", read_date, action.start);
        m.optional_value("end", read_date, action.end);
        m.optional_value("partners", list_of(read_text), action.partners);
    }

    // The index of the action named by `field`'s value, or -1 after reporting an unknown id.
    int resolve_action(const Field& field, std::string_view id,
                       const std::vector<Action>& actions) {
        if (auto found = action_index_.find(id); found != action_index_.end()) {
            return found->second;
        }
        // When the action list itself was unreadable, every reference would be reported
        // again: the error about the list is enough.
        if (!actions_known_) return -1;
        if (!reader_.reporting()) {
            reader_.error(field.mark(), {});  // only counted: no suggestion to search for
            return -1;
        }
        std::string message = cat(field.name(), " names an undeclared action '", id, "'");
        std::vector<std::string_view> ids;
        ids.reserve(actions.size());
        for (const auto& action : actions) ids.emplace_back(action.id);
        if (auto suggestion = closest_match(id, ids)) {
            message += "; did you mean '";
            message += *suggestion;
            message += "'?";
        }
        reader_.error(field.mark(), message);
        return -1;
    }

    void read_expense(const Field& item, IdRegistry& ids, const std::vector<Action>& actions,
                      std::vector<Expense>& expenses) {
        MapReader m(reader_, item, "in an expense", expense_keys);
        if (!m.is_map()) return;
        Expense& expense = expenses.emplace_back();
        expense.pos = m.pos();
        ids.read_required(reader_, m, expense.id);
        m.required_value("date", read_date, expense.date);
        m.required_value("amount", read_money, expense.amount);
        m.optional_value("description", read_text, expense.description);
        if (auto f = m.optional("action")) {
            if (auto id = read_id(reader_, *f)) {
                expense.action_id = *id;
                expense.action_index = resolve_action(*f, *id, actions);
            }
        }
        m.required_value("cost_type", one_of(cost_types), expense.cost_type);
        m.optional_value("document", read_text, expense.document);
        m.optional_value("share", read_share, expense.share);
        m.optional_value("share_basis", read_text, expense.share_basis);
        m.optional_value("other_funding", read_money, expense.other_funding);
        m.optional_value("credit", read_bool, expense.credit);
        m.optional_value("paid_on", read_date, expense.paid_on);
    }

    void read_beneficiary(const Field& item, IdRegistry& ids, const std::vector<Action>& actions,
                          std::vector<Beneficiary>& beneficiaries) {
        MapReader m(reader_, item, "in a beneficiary", beneficiary_keys);
        if (!m.is_map()) return;
        Beneficiary& beneficiary = beneficiaries.emplace_back();
        beneficiary.pos = m.pos();
        ids.read_required(reader_, m, beneficiary.id);
        m.optional_value("income", one_of(incomes), beneficiary.income);
        if (auto f = m.optional("piis")) {
            MapReader p(reader_, *f, "in the piis", piis_keys);
            if (p.is_map()) {
                Piis piis;
                p.optional_value("signed_on", read_date, piis.signed_on);
                p.optional_value("kind", one_of(piis_kinds), piis.kind);
                beneficiary.piis = piis;
            }
        }
        m.optional_value("ready_for_work", read_bool, beneficiary.ready_for_work);
        if (auto f = m.optional("actions")) {
            for_each_item(reader_, *f, [&](const Field& entry) {
                if (auto id = read_id(reader_, entry)) {
                    beneficiary.action_ids.emplace_back(*id);
                    beneficiary.action_indices.push_back(resolve_action(entry, *id, actions));
                }
            });
        }
        if (auto f = m.optional("trajectory")) {
            for_each_item(reader_, *f,
                          [&](const Field& entry) { read_step(entry, beneficiary.trajectory); });
            auto const count = static_cast<int>(beneficiary.trajectory.size());
            for (int i = 0; i < count; ++i) {
                beneficiary.trajectory[static_cast<size_t>(i)].position = i;
                beneficiary.trajectory[static_cast<size_t>(i)].count = count;
            }
        }
        if (auto f = m.optional("assessment")) {
            MapReader a(reader_, *f, "in the assessment", assessment_keys);
            if (a.is_map()) {
                Assessment assessment;
                if (auto s = a.optional("start")) assessment.start = read_score(*s);
                if (auto e = a.optional("end")) assessment.end = read_score(*e);
                beneficiary.assessment = assessment;
            }
        }
    }

    void read_step(const Field& item, std::vector<TrajectoryStep>& trajectory) {
        MapReader m(reader_, item, "in a trajectory step", step_keys);
        if (!m.is_map()) return;
        TrajectoryStep& step = trajectory.emplace_back();
        step.pos = m.pos();
        m.required_value("step", one_of(steps), step.step);
        m.optional_value("date", read_date, step.date);
        m.optional_value("from", read_date, step.from);
        m.optional_value("to", read_date, step.to);
        m.optional_value("ready_for_work", read_bool, step.ready_for_work);
        if (auto f = m.optional("actions")) {
            // An undeclared action here is not a load error: a rule reports it with context.
            for_each_item(reader_, *f, [&](const Field& entry) {
                if (auto id = read_id(reader_, entry)) {
                    step.action_ids.emplace_back(*id);
                    if (auto found = action_index_.find(*id); found == action_index_.end()) {
                        step.undeclared_actions.emplace_back(*id);
                    } else {
                        step.action_indices.push_back(found->second);
                    }
                }
            });
        }
        check_step_dates(m, step);
    }

    void check_step_dates(const MapReader& m, const TrajectoryStep& step) {
        const bool has_date = m.optional("date").has_value();
        const bool has_span = m.optional("from") || m.optional("to");
        if (has_date && has_span) {
            reader_.error(m.mark(),
                          "a trajectory step has either 'date' (a moment) or "
                          "'from'/'to' (a span), not both");
        } else if (!has_date && !has_span) {
            reader_.error(m.mark(),
                          "a trajectory step needs 'date' (a moment) or 'from'/'to' (a span)");
        }
        if (step.from && step.to && *step.to < *step.from) {
            reader_.error(m.optional("to")->mark(),
                          cat("the step ends (", format_date(*step.to), ") before it starts (",
                              format_date(*step.from), ")"));
        }
    }

    std::optional<Score> read_score(const Field& field) {
        MapReader m(reader_, field, "in an assessment score", score_keys);
        if (!m.is_map()) return std::nullopt;
        Score score;
        m.optional_value("date", read_date, score.date);
        m.optional_value("socioprofessional", integer_in(0, max_score), score.socioprofessional);
        m.optional_value("autonomy", integer_in(0, max_score), score.autonomy);
        m.optional_value("volunteering", integer_in(0, max_score), score.volunteering);
        return score;
    }

    bool read_evaluation(const Field& field, Evaluation& evaluation) {
        MapReader m(reader_, field, "in the evaluation", evaluation_keys);
        if (!m.is_map()) return false;
        m.optional_value("submitted_on", read_date, evaluation.submitted_on);
        if (auto f = m.optional("objectives")) {
            IdRegistry ids("objective", items_of(*f));
            evaluation.objectives.reserve(items_of(*f));
            for_each_item(reader_, *f, [&](const Field& item) {
                read_objective(item, ids, evaluation.objectives);
            });
        }
        return true;
    }

    void read_objective(const Field& item, IdRegistry& ids, std::vector<Objective>& objectives) {
        MapReader m(reader_, item, "in an objective", objective_keys);
        if (!m.is_map()) return;
        Objective& objective = objectives.emplace_back();
        objective.pos = m.pos();
        ids.read_required(reader_, m, objective.id);
        m.optional_value("text", read_text, objective.text);
        m.required_value("achieved", one_of(achievements), objective.achieved);
        m.optional_value("partnerships", list_of(read_text), objective.partnerships);
        m.optional_value("reasons", read_text, objective.reasons);
    }

    YamlReader& reader_;
    IdRegistry action_ids_{"action"};
    // The first action of each id; the keys view the convention's actions, which no longer
    // change once the index is made.
    std::unordered_map<std::string_view, int> action_index_;
    bool actions_known_ = true;  // false when `actions` was given but is not a list
};

std::string_view without_bom(std::string_view text) {
    return text.starts_with(utf8_bom) ? text.substr(utf8_bom.size()) : text;
}

}  // namespace

InputFormat input_format_of(std::string_view path) {
    // A line of a .jsonl file is named PATH:LINE.
    if (auto colon = path.rfind(':'); colon != std::string_view::npos && colon + 1 < path.size() &&
        path.find_first_not_of("0123456789", colon + 1) == std::string_view::npos)
        path = path.substr(0, colon);
    auto ends_with = [&](std::string_view ending) {
        return path.size() >= ending.size() &&
               path.compare(path.size() - ending.size(), ending.size(), ending) == 0;
    };
    return ends_with(".json") || ends_with(".jsonl") ? InputFormat::json : InputFormat::yaml;
}

LoadedConvention load_convention_text(std::string_view text, const std::string& file,
                                      const ConventionLimits& limits, InputFormat format) {
    // yaml-cpp does not count the byte order mark in its positions: neither do we.
    text = without_bom(text);
    YamlReader reader(text, file);
    LoadedConvention loaded;
    if (text.size() > limits.max_file_bytes) {
        reader.error_at({}, "the file is larger than " + std::to_string(limits.max_file_bytes) +
                                " bytes, the limit for a convention (activ check "
                                "--max-file-size raises it)");
        loaded.diagnostics = reader.take_diagnostics();
        return loaded;
    }
    try {
        DocumentLimits const shape{limits.max_depth, limits.max_list_items, limits.max_text_bytes};
        const bool blank = text.find_first_not_of(" \t\r\n") == std::string_view::npos;
        std::optional<YamlTree> tree;
        if (format == InputFormat::yaml) {
            tree = parse_single_document(reader, shape);
        } else if (!blank) {  // simdjson has its own words for nothing at all
            tree = parse_json_document(reader, shape);
        } else {
            tree.emplace(text);
        }
        if (tree && (blank || tree->root().is_null())) {
            reader.error_at(
                {}, cat(blank ? "the file is empty" : "the file holds no convention",
                        " (expected 'format: ", supported_format, "' and a 'convention' mapping)"));
        } else if (tree) {
            Convention convention = ConventionLoader(reader).load(tree->root());
            convention.file = file;
            if (!reader.has_errors()) loaded.convention = std::move(convention);
        }
    } catch (const std::exception& e) {
        // A reader bug must still come out as a diagnostic, never as a crash of the caller.
        reader.error_at({}, std::string("internal error while reading the file: ") + e.what());
    }
    loaded.diagnostics = reader.take_diagnostics();
    return loaded;
}

LoadedConvention load_convention_file(const std::string& path, const ConventionLimits& limits,
                                      std::optional<InputFormat> format) {
    std::string reason;
    // The BOM does not count: a file exactly at the limit with one still loads.
    constexpr size_t bom_bytes = utf8_bom.size();
    const size_t most = std::numeric_limits<size_t>::max() - 2 * bom_bytes;
    auto text = read_whole_file(path, reason, std::min(limits.max_file_bytes, most) + bom_bytes);
    if (!text) {
        Diagnostic diagnostic;
        diagnostic.file = path;
        diagnostic.message = "cannot read file: " + reason;
        return LoadedConvention{std::nullopt, {diagnostic}};
    }
    return load_convention_text(*text, path, limits, format.value_or(input_format_of(path)));
}

}  // namespace activ
