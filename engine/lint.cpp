// Reading the classification's branches as category claims: `category in {...}` or
// `category = word`, alone or joined with `and` to other conditions.
#include "engine/lint.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace activ {

namespace x3 = boost::spirit::x3;

namespace {

const ast::expression& innermost(const ast::expression& e) {
    if (e.rest.empty()) {
        if (auto const* inner = boost::get<x3::forward_ast<ast::expression>>(&e.first)) {
            return innermost(inner->get());
        }
    }
    return e;
}

const ast::expression* as_expression(const ast::operand& o) {
    if (auto const* e = boost::get<x3::forward_ast<ast::expression>>(&o)) return &innermost(e->get());
    return nullptr;
}

bool is_category(const ast::operand& o) {
    const ast::path* p = boost::get<ast::path>(&o);
    if (!p) {
        if (auto const* e = as_expression(o); e && e->rest.empty()) return is_category(e->first);
        return false;
    }
    return p->names == std::vector<std::string>{"category"} ||
           p->names == std::vector<std::string>{"action", "category"};
}

/// The set of categories a set literal or a set parameter names.
std::optional<std::set<std::string>> named_set(
    const ast::operand& o, const std::map<std::string, const ast::expression*>& sets) {
    if (auto const* s = boost::get<ast::set_literal>(&o)) {
        return std::set<std::string>(s->items.begin(), s->items.end());
    }
    if (auto const* p = boost::get<ast::path>(&o); p && p->names.size() == 1) {
        auto found = sets.find(p->names.front());
        if (found != sets.end()) return named_set(innermost(*found->second).first, sets);
        return std::set<std::string>{p->names.front()};  // a bare word: `category = other`
    }
    if (auto const* e = as_expression(o); e && e->rest.empty()) return named_set(e->first, sets);
    return std::nullopt;
}

using Sets = std::map<std::string, const ast::expression*>;

/// The categories one test claims, when it is a test on the category.
std::optional<std::set<std::string>> category_test(const ast::expression& e, const Sets& sets) {
    if (e.rest.size() != 1 || !is_category(e.first)) return std::nullopt;
    const std::string& op = e.rest.front().op;
    if (op != "in" && op != "=") return std::nullopt;
    return named_set(e.rest.front().right, sets);
}

struct Claim {
    std::string rule;
    std::string outcome;
    int line = 0;
};

}  // namespace

void lint_classification(const MergedRules& rules, std::vector<Diagnostic>& lint) {
    std::map<std::string, const ast::expression*> sets;
    for (const auto& p : rules.parameters) {
        if (p.node->value) sets[p.node->name] = &*p.node->value;
    }
    std::map<std::string, Claim> claimed;  // category -> the branch that always decides it
    if (!rules.actions) return;
    for (const auto& placed : rules.actions->branches) {
        const ast::branch& b = *placed.node;
        const RuleSource& source = rules.sources[static_cast<size_t>(placed.source)];
        const ast::expression& condition = innermost(b.condition);

        // A pure test (`category in S`), or one conjunct of an `and` chain that tests it.
        std::optional<std::set<std::string>> categories = category_test(condition, sets);
        bool const pure = categories.has_value();
        bool const only_and = std::all_of(condition.rest.begin(), condition.rest.end(),
                                          [](const auto& op) { return op.op == "and"; });
        if (!categories && only_and) {
            std::vector<const ast::operand*> conjuncts{&condition.first};
            for (const auto& op : condition.rest) conjuncts.push_back(&op.right);
            for (const ast::operand* c : conjuncts) {
                const ast::expression* e = as_expression(*c);
                if (e && (categories = category_test(*e, sets))) break;
            }
        }
        if (!categories) continue;

        std::vector<std::string> decided_earlier;
        for (const auto& category : *categories) {
            auto found = claimed.find(category);
            if (found == claimed.end()) continue;
            decided_earlier.push_back(category);
            if (found->second.outcome != b.outcome) {
                lint.push_back(diagnostic_at(
                    source, b.offset,
                    "category '" + category + "' is decided " + found->second.outcome +
                        " by rule " + found->second.rule + " (line " +
                        std::to_string(found->second.line) + ") and " + b.outcome +
                        " by rule " + b.id + ": the earlier rule always wins",
                    Diagnostic::Level::warning));
            }
        }
        if (!decided_earlier.empty() && decided_earlier.size() == categories->size()) {
            lint.push_back(diagnostic_at(source, b.offset,
                                         "rule " + b.id +
                                             " can never decide: earlier rules decide every "
                                             "category it tests",
                                         Diagnostic::Level::warning));
        }
        // A branch claims its categories for good when nothing lets them fall through.
        bool const falls_through = std::any_of(b.exceptions.begin(), b.exceptions.end(),
                                               [](const auto& x) { return !x.then; });
        if (pure && !falls_through) {
            int line = 0, column = 0;
            line_column_of(source.text, b.offset, line, column);
            for (const auto& category : *categories) {
                claimed.emplace(category, Claim{b.id, b.outcome, line});
            }
        }
    }
}

}  // namespace activ
