// Why one subject came out as it did: the evaluator traces the conditions it evaluates on
// the subject (engine/trace.hpp), and this file turns the Program's nodes and the traced
// values into trees a clerk can read, next to the branches tried and the parameters read.
#include "engine/explain.hpp"

#include <algorithm>
#include <set>

#include "dsl-grammar/quoted_text.hpp"
#include "engine/edit_distance.hpp"
#include "engine/program.hpp"
#include "engine/trace.hpp"

namespace activ {

using schema::Type;

namespace {

/// A set is shown up to this many items: the tree stays readable, the count says the rest.
constexpr size_t shown_set_items = 8;

/// How tightly an operator binds, loosest first, for the parentheses its text needs.
enum Precedence : int {
    loosest_or = 1,
    conjunction,
    negation,
    comparison,
    additive,
    multiplicative,
    prefix,
    atom,
};

bool is_aggregate(Op op) {
    return op == Op::count || op == Op::any || op == Op::all || op == Op::sum || op == Op::min ||
           op == Op::max;
}

Precedence precedence_of(const Node& n) {
    switch (n.op) {
        case Op::or_: return loosest_or;
        case Op::and_: return conjunction;
        case Op::not_: return negation;
        case Op::eq: case Op::ne: case Op::lt: case Op::le: case Op::gt: case Op::ge:
        case Op::in_set: case Op::not_in_set: case Op::mentions_any: case Op::mentions_all:
        case Op::is_missing: case Op::is_present: return comparison;
        case Op::add: case Op::sub: return additive;
        case Op::mul: case Op::div: return multiplicative;
        case Op::neg: case Op::year_of: return prefix;
        default: return atom;
    }
}

const char* infix_of(Op op) {
    switch (op) {
        case Op::or_: return " or ";
        case Op::and_: return " and ";
        case Op::eq: return " = ";
        case Op::ne: return " != ";
        case Op::lt: return " < ";
        case Op::le: return " <= ";
        case Op::gt: return " > ";
        case Op::ge: return " >= ";
        case Op::in_set: return " in ";
        case Op::not_in_set: return " not in ";
        case Op::mentions_any: return " mentions any ";
        case Op::mentions_all: return " mentions all ";
        case Op::add: return " + ";
        case Op::sub: return " - ";
        case Op::mul: return " * ";
        case Op::div: return " / ";
        default: return " ";
    }
}

const char* kind_of(const Node& n) {
    switch (n.op) {
        case Op::constant: return n.label.empty() ? "constant" : "parameter";
        case Op::dated: return "parameter";
        case Op::scope:
        case Op::field: return "field";
        case Op::derived: return "define";
        case Op::is_missing:
        case Op::is_present: return "presence";
        case Op::not_: return "not";
        case Op::and_: return "and";
        case Op::or_: return "or";
        case Op::in_set:
        case Op::not_in_set: return "membership";
        case Op::mentions_any:
        case Op::mentions_all: return "mentions";
        case Op::add: case Op::sub: case Op::mul: case Op::div: case Op::neg: return "arithmetic";
        case Op::year_of: case Op::next_working_day: case Op::add_working_days:
        case Op::either: return "function";
        case Op::eq: case Op::ne: case Op::lt: case Op::le: case Op::gt: case Op::ge:
            return "comparison";
        default: return "aggregate";
    }
}

/// A word of a set as the rules write it: bare when it reads as one (a word, a date),
/// else quoted.
std::string set_item_text(const std::string& item) {
    bool const bare = !item.empty() && std::all_of(item.begin(), item.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '-';
    });
    return bare ? item : quoted_text(item);
}

std::string set_text(const schema::TextSet& set, size_t at_most) {
    std::string out = "{";
    size_t const shown = std::min(set.items.size(), at_most);
    for (size_t i = 0; i < shown; ++i) {
        if (i > 0) out += ", ";
        out += set_item_text(set.items[i]);
    }
    if (shown < set.items.size()) {
        out += ", ... (";
        out += std::to_string(set.items.size());
        out += " in all)";
    }
    out += '}';
    return out;
}

/// A constant's value as the tree shows it; a set is cut short.
std::string constant_value(const Node& n) {
    if (n.value.type == Type::set && n.value.set) return set_text(*n.value.set, shown_set_items);
    return schema::format_value(n.value);
}

class TreeBuilder {
public:
    TreeBuilder(const Program& program, const NodeValues& values, Date reference_day,
                std::vector<ExplainedParameter>& parameters)
        : p_(program), values_(values), reference_day_(reference_day), parameters_(parameters) {}

    /// The tree of condition `index` as evaluated on the traced subject; `reached` false
    /// for a condition the evaluation never came to. Notes the parameters it reads.
    ExplainedNode build(int index, bool reached = true) {
        note_parameters(index);
        return node_tree(index, reached);
    }

    /// Whether condition `index` was evaluated, and to what; null when it was not.
    const TracedValue* traced(int index) const {
        auto found = values_.find(index);
        return found == values_.end() ? nullptr : &found->second;
    }

private:
    const Program& p_;
    const NodeValues& values_;
    Date reference_day_;
    std::vector<ExplainedParameter>& parameters_;

    const Node& node(int index) const { return p_.nodes[static_cast<size_t>(index)]; }

    ExplainedNode node_tree(int index, bool parent_evaluated) {
        const Node& n = node(index);
        ExplainedNode out;
        out.text = text_of(index);
        out.kind = kind_of(n);
        if (n.op == Op::constant) {
            // A constant is what the rules say: comparisons read it in place, untraced.
            out.evaluated = parent_evaluated;
            if (out.evaluated) out.value = constant_value(n);
        } else if (const TracedValue* v = parent_evaluated ? traced(index) : nullptr) {
            out.evaluated = true;
            out.value = v->text;
            if (v->missing) out.missing_path = v->missing_path;
            out.matched = v->matched;
            out.items = v->items;
            // Without a filter every item counts: the number of items says it all, and
            // a count is that number.
            if (is_aggregate(n.op) && n.right < 0) out.matched = -1;
            if (n.op == Op::count && n.right < 0) out.items = -1;
        }
        if (!out.evaluated) return out;
        std::vector<std::pair<int, bool>> operands;  // node, whether evaluation reached it
        if (n.op == Op::and_ || n.op == Op::or_) {
            // `a and b and c` is one node with three operands, as a clerk reads it.
            chain_operands(n.left, n.op, true, operands);
            chain_operands(n.right, n.op, true, operands);
        } else {
            for (int child : children_of(n)) operands.emplace_back(child, true);
        }
        for (const auto& [child, reached] : operands) {
            const Node& c = node(child);
            // A constant the parent's text already writes out says nothing more.
            if (c.op == Op::constant && c.label.empty()) continue;
            out.children.push_back(node_tree(child, reached));
        }
        return out;
    }

    void chain_operands(int index, Op op, bool reached, std::vector<std::pair<int, bool>>& out) {
        const Node& n = node(index);
        if (n.op != op) {
            out.emplace_back(index, reached);
            return;
        }
        bool const evaluated = reached && traced(index);
        chain_operands(n.left, op, evaluated, out);
        chain_operands(n.right, op, evaluated, out);
    }

    /// The operands a node's value depends on. Fields, parameters and aggregates are
    /// leaves: an aggregate shows its result, not each item's.
    static std::vector<int> children_of(const Node& n) {
        switch (n.op) {
            case Op::constant: case Op::dated: case Op::scope: case Op::field:
            case Op::count: case Op::any: case Op::all: case Op::sum: case Op::min: case Op::max:
                return {};
            case Op::derived: return {n.right};
            case Op::add_working_days: return {n.left, n.extra, n.right};
            default: {
                std::vector<int> out;
                for (int child : {n.left, n.right}) {
                    if (child >= 0) out.push_back(child);
                }
                return out;
            }
        }
    }

    /// Every parameter the condition names, evaluated or not, inside aggregates and
    /// definitions too: a parameter's value is the convention's, whatever the subject.
    void note_parameters(int root) {
        std::vector<int> pending{root};
        std::set<int> seen;
        while (!pending.empty()) {
            int const index = pending.back();
            pending.pop_back();
            if (index < 0 || !seen.insert(index).second) continue;
            const Node& n = node(index);
            if (n.op == Op::dated || (n.op == Op::constant && !n.label.empty())) note_parameter(n);
            // The left operand is pushed last, so read first: parameters come in the order
            // the rule writes them.
            for (int child : {n.extra, n.right, n.left}) pending.push_back(child);
        }
    }

    void note_parameter(const Node& n) {
        std::string const& name =
            n.op == Op::dated ? p_.dated[static_cast<size_t>(n.level)].name : n.label;
        for (const auto& known : parameters_) {
            if (known.name == name) return;
        }
        ExplainedParameter parameter;
        parameter.name = name;
        if (n.op == Op::constant) {
            parameter.value = constant_value(n);
        } else {
            const DatedParameter& dated = p_.dated[static_cast<size_t>(n.level)];
            std::optional<size_t> in_force;
            for (size_t i = 0; i < dated.values.size(); ++i) {
                if (dated.values[i].first <= reference_day_) in_force = i;
            }
            parameter.value =
                in_force ? schema::format_value(dated.values[*in_force].second) : "(missing)";
            for (size_t i = 0; i < dated.values.size(); ++i) {
                parameter.dated.push_back({format_date(dated.values[i].first),
                                           schema::format_value(dated.values[i].second),
                                           in_force == i});
            }
        }
        parameters_.push_back(std::move(parameter));
    }

    /// The node as the rules would write it, names in full.
    std::string text_of(int index) const {
        const Node& n = node(index);
        switch (n.op) {
            case Op::constant: {
                if (!n.label.empty()) return n.label;
                const schema::Value& v = n.value;
                if (v.type == Type::text) return quoted_text(v.text);
                if (v.type == Type::set && v.set) return set_text(*v.set, v.set->items.size());
                return schema::format_value(v);
            }
            case Op::dated:
            case Op::scope:
            case Op::field:
            case Op::derived: return n.label;
            case Op::is_missing: return operand_text(n.left, comparison + 1) + " is missing";
            case Op::is_present: return operand_text(n.left, comparison + 1) + " is present";
            case Op::not_: return "not " + operand_text(n.left, negation);
            case Op::neg: return "-" + operand_text(n.left, prefix);
            case Op::year_of: return "year of " + operand_text(n.left, prefix);
            case Op::either:
                return "either(" + text_of(n.left) + ", " + text_of(n.right) + ")";
            case Op::next_working_day:
                return "next_working_day(" + text_of(n.left) + ", " + text_of(n.right) + ")";
            case Op::add_working_days:
                return "add_working_days(" + text_of(n.left) + ", " + text_of(n.extra) + ", " +
                       text_of(n.right) + ")";
            case Op::count: case Op::any: case Op::all: case Op::sum: case Op::min: case Op::max:
                return n.label;
            default: {
                int const level = precedence_of(n);
                // Chains group to the left: only a right operand of the same level needs
                // parentheses, as in a - (b - c).
                return operand_text(n.left, level) + infix_of(n.op) +
                       operand_text(n.right, level + 1);
            }
        }
    }

    std::string operand_text(int index, int at_least) const {
        std::string text = text_of(index);
        if (precedence_of(node(index)) >= at_least) return text;
        return "(" + text + ")";
    }
};

// ---------------------------------------------------------------- finding the subject

struct FoundSubject {
    SubjectKind kind = SubjectKind::convention;
    const void* record = nullptr;
    std::string id;
    int line = 0;
    size_t index = 0;
};

template <typename Each>
void for_each_candidate(const Convention& c, Each&& each) {
    each(FoundSubject{SubjectKind::convention, &c, c.id, 0, 0});
    auto all = [&](SubjectKind kind, const auto& items) {
        for (size_t i = 0; i < items.size(); ++i) {
            each(FoundSubject{kind, &items[i], items[i].id, items[i].pos.line, i});
        }
    };
    all(SubjectKind::action, c.actions);
    all(SubjectKind::expense, c.expenses);
    all(SubjectKind::beneficiary, c.beneficiaries);
    if (c.evaluation) all(SubjectKind::objective, c.evaluation->objectives);
}

std::optional<FoundSubject> find_subject(const Convention& c, const std::string& wanted,
                                         std::string& problem) {
    // `expense:X5` names the kind when two kinds share an id.
    std::string id = wanted;
    std::optional<std::string> kind;
    if (size_t const colon = wanted.find(':'); colon != std::string::npos) {
        std::string const prefix = wanted.substr(0, colon);
        for (SubjectKind k : {SubjectKind::convention, SubjectKind::action, SubjectKind::expense,
                              SubjectKind::beneficiary, SubjectKind::objective}) {
            if (prefix == to_string(k)) {
                kind = prefix;
                id = wanted.substr(colon + 1);
            }
        }
    }
    std::vector<FoundSubject> matches;
    std::vector<std::pair<size_t, std::string>> near;  // distance, id
    size_t const close_enough = std::max<size_t>(1, id.size() / 3);
    for_each_candidate(c, [&](const FoundSubject& s) {
        if (kind && *kind != to_string(s.kind)) return;
        if (s.id == id) {
            matches.push_back(s);
            return;
        }
        size_t const distance = edit_distance(id, s.id);
        if (distance <= close_enough) near.emplace_back(distance, s.id);
    });
    if (matches.size() == 1) return matches.front();
    if (matches.size() > 1) {
        problem = "'" + id + "' is the id of more than one subject of convention " + c.id +
                  "; name the kind:";
        for (const auto& m : matches) {
            problem += ' ';
            problem += to_string(m.kind);
            problem += ':';
            problem += id;
        }
        return std::nullopt;
    }
    if (kind) {
        problem = "no " + *kind + " '" + id + "' in convention " + c.id;
    } else {
        problem = "no subject '" + id + "' in convention " + c.id +
                  ": it is not the id of an action, an expense, a beneficiary, an objective or "
                  "the convention";
    }
    std::stable_sort(near.begin(), near.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    if (!near.empty()) {
        problem += "; did you mean ";
        for (size_t i = 0; i < near.size() && i < 5; ++i) {
            if (i > 0) problem += ", ";
            problem += near[i].second;
        }
        problem += '?';
    }
    return std::nullopt;
}

// ---------------------------------------------------------------- decisions and checks

RuleSourceRef source_of(const std::string& file, int line, const std::string& cite,
                        const Citation& citation) {
    return RuleSourceRef{file, line, cite, citation};
}

bool holds(const TracedValue* v) { return v && !v->missing && v->text == "true"; }

ExplainedDecision explain_decision(const CompiledClassification& rules, const Decision& decision,
                                   const char* field, TreeBuilder& trees) {
    ExplainedDecision out;
    out.field = field;
    out.decision = decision;
    for (const auto& b : rules.branches) {
        const TracedValue* when = trees.traced(b.condition);
        if (!when) break;  // never reached: an earlier branch decided
        ExplainedBranch branch;
        branch.id = b.id;
        branch.outcome = b.outcome;
        branch.source = source_of(b.file, b.line, b.cite, b.citation);
        branch.condition = trees.build(b.condition);
        bool const deciding = b.id == decision.rule;
        if (when->missing) {
            branch.result = "undecided";
        } else if (!holds(when)) {
            branch.result = "not_taken";
        } else {
            // Exceptions are tried in order until one holds or cannot be decided.
            branch.result = "decided";
            bool settled = false;
            for (const auto& x : b.exceptions) {
                ExplainedException exception;
                exception.then_outcome = x.then_outcome;
                exception.because = x.because;
                const TracedValue* unless = settled ? nullptr : trees.traced(x.condition);
                exception.condition = trees.build(x.condition, unless != nullptr);
                if (!unless) {
                    exception.result = "not_evaluated";
                } else if (unless->missing) {
                    exception.result = "undecided";
                    branch.result = "undecided";
                } else if (holds(unless)) {
                    exception.result = "applied";
                    if (!x.then_outcome) branch.result = "excepted";
                } else {
                    exception.result = "not_applied";
                }
                settled = settled || exception.result == "applied" ||
                          exception.result == "undecided";
                branch.exceptions.push_back(std::move(exception));
            }
        }
        out.branches.push_back(std::move(branch));
        if (deciding) break;
    }
    out.by_otherwise = decision.rule == rules.otherwise_id;
    return out;
}

std::string status_of(const std::vector<const Finding*>& findings) {
    bool warning = false;
    for (const Finding* f : findings) {
        if (f->severity == Severity::error) return "error";
        warning = warning || f->severity == Severity::warning;
    }
    return warning ? "warning" : "clean";
}

}  // namespace

std::optional<SubjectExplanation> explain_subject(const Program& program,
                                                  const RulesetInfo& info,
                                                  const Convention& convention,
                                                  const std::string& subject_id,
                                                  const EvaluationOptions& options,
                                                  UnknownSubject& unknown) {
    auto const subject = find_subject(convention, subject_id, unknown.message);
    if (!subject) return std::nullopt;
    SubjectTrace trace;
    trace.subject = subject->record;
    Result const result = evaluate_traced(program, info, convention, options, trace);

    SubjectExplanation out;
    out.kind = subject->kind;
    out.id = subject->id;
    out.line = subject->line;
    out.convention_id = convention.id;
    out.year = convention.year;
    out.file = convention.file;
    out.ruleset = info;
    out.reference_day = format_date(convention.period.start);

    TreeBuilder classification(program, trace.classification, convention.period.start,
                               out.parameters);
    if (subject->kind == SubjectKind::action && program.action_classification) {
        out.decision = explain_decision(*program.action_classification,
                                        result.actions[subject->index], "activation",
                                        classification);
    } else if (subject->kind == SubjectKind::beneficiary && program.beneficiary_classification) {
        out.decision = explain_decision(*program.beneficiary_classification,
                                        result.beneficiaries[subject->index], "eligibility",
                                        classification);
    }
    if (out.decision) {
        const CompiledClassification& rules = subject->kind == SubjectKind::action
                                                  ? *program.action_classification
                                                  : *program.beneficiary_classification;
        out.decision->otherwise_source =
            source_of(rules.otherwise_file, rules.otherwise_line, "", Citation{});
    }

    std::set<size_t> explained_findings;
    for (const TracedCheck& traced : trace.checks) {
        const CompiledCheck& check = program.checks[traced.check];
        TreeBuilder trees(program, traced.values, convention.period.start, out.parameters);
        ExplainedCheck explained;
        explained.id = check.id;
        explained.severity = check.severity;
        explained.source = source_of(check.file, check.line, check.cite, check.citation);
        if (traced.step >= 0) {
            const Beneficiary& b = convention.beneficiaries[subject->index];
            explained.step = traced.step + 1;
            explained.step_kind = b.trajectory[static_cast<size_t>(traced.step)].step;
        }
        const TracedValue* fired = trees.traced(check.condition);
        explained.result = !fired           ? "not_fired"
                           : fired->missing ? "undecided"
                           : holds(fired)   ? "fired"
                                            : "not_fired";
        if (traced.finding) {
            explained.finding = result.findings[*traced.finding];
            explained_findings.insert(*traced.finding);
        }
        explained.condition = trees.build(check.condition);
        out.checks.push_back(std::move(explained));
    }

    std::vector<const Finding*> on_subject;
    for (size_t i = 0; i < result.findings.size(); ++i) {
        const Finding& f = result.findings[i];
        if (f.subject_kind != subject->kind || f.subject_id != subject->id) continue;
        on_subject.push_back(&f);
        if (!explained_findings.count(i)) out.other_findings.push_back(f);
    }
    out.status = status_of(on_subject);
    return out;
}

}  // namespace activ
