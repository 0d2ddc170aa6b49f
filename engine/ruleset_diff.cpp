// Two effective rulesets compared declaration by declaration, each declaration printed
// by the formatter of `activ fmt` (dsl-grammar/format_rules) from the merged chain
// (engine/ruleset_chain); conventions compared by engine/result_comparison.
#include "engine/ruleset_diff.hpp"

#include <algorithm>
#include <exception>
#include <map>
#include <memory>

#include "dsl-grammar/format_rules.hpp"
#include "dsl-grammar/parse_rules.hpp"
#include "engine/line_diff.hpp"
#include "engine/program.hpp"
#include "engine/read_file.hpp"
#include "engine/ruleset.hpp"
#include "engine/ruleset_chain.hpp"

namespace activ {

namespace {

/// One rule file compiled, and its chain merged for reading the declarations back.
struct Side {
    CompiledRuleset compiled;
    MergedRules merged;
    /// One per file of the chain: each declaration is spelled as its own file spells it.
    std::vector<std::unique_ptr<DeclarationFormatter>> formatters;

    const DeclarationFormatter& spelling(int source) const {
        return *formatters[static_cast<size_t>(source)];
    }
};

bool read_side(const std::string& path, Side& side, std::vector<Diagnostic>& diagnostics) {
    std::string reason;
    auto text = read_whole_file(path, reason, rule_limits::max_file_bytes);
    if (!text) {
        diagnostics.push_back(
            {Diagnostic::Level::error, path, 0, 0, "cannot read rule file: " + reason, ""});
        return false;
    }
    side.compiled = compile_ruleset_text(*text, path);
    diagnostics.insert(diagnostics.end(), side.compiled.diagnostics.begin(),
                       side.compiled.diagnostics.end());
    if (!side.compiled.program) return false;
    // It compiled, so its chain merges again without a word (unless a base changed on disk
    // in between, which is then said).
    side.merged = merge_rules(*text, path, diagnostics);
    if (side.merged.sources.empty()) return false;
    for (const auto& source : side.merged.sources) {
        side.formatters.push_back(std::make_unique<DeclarationFormatter>(source.text));
    }
    return true;
}

/// One declaration in canonical form: `key` compares, `text` shows.
struct Declared {
    std::string kind;
    std::string id;
    std::string key;   // with every set item quoted: the same whatever the file's spelling
    std::string text;  // as its file spells it
};

/// What a declaration says, whichever file of the chain says it: `override` is how a
/// later version replaces a declaration, not part of what it declares.
template <typename T>
T as_declared(const T& node) {
    T copy = node;
    if constexpr (requires { copy.overrides; }) copy.overrides = false;
    return copy;
}

template <typename T>
Declared declared(const Side& side, const Placed<T>& placed, std::string kind, std::string id) {
    static const DeclarationFormatter unspelled{""};
    T const node = as_declared(*placed.node);
    return {std::move(kind), std::move(id), unspelled(node), side.spelling(placed.source)(node)};
}

/// Added and changed in the new order, then removed in the old order.
void compare(const std::vector<Declared>& before, const std::vector<Declared>& after,
             std::vector<DeclarationChange>& out) {
    auto find = [](const std::vector<Declared>& list, const Declared& d) {
        return std::find_if(list.begin(), list.end(),
                            [&](const Declared& e) { return e.kind == d.kind && e.id == d.id; });
    };
    for (const auto& d : after) {
        auto const was = find(before, d);
        if (was == before.end()) {
            out.push_back({d.kind, d.id, Change::added, "", d.text, diff_lines("", d.text)});
        } else if (was->key != d.key) {
            out.push_back(
                {d.kind, d.id, Change::changed, was->text, d.text, diff_lines(was->text, d.text)});
        }
    }
    for (const auto& d : before) {
        if (find(after, d) == after.end()) {
            out.push_back({d.kind, d.id, Change::removed, d.text, "", diff_lines(d.text, "")});
        }
    }
}

std::vector<Declared> legal_sources(const Side& side) {
    std::vector<Declared> out;
    for (const auto& placed : side.merged.legal_sources) {
        // A source without an id cannot be cited by one: its title names it.
        std::string id = placed.node->id ? *placed.node->id : "\"" + placed.node->title + "\"";
        out.push_back(declared(side, placed, "source", std::move(id)));
    }
    return out;
}

/// The branches and `otherwise` of the classification of `subject`: action or beneficiary.
std::vector<Declared> classification(const Side& side, SubjectKind subject) {
    bool const actions = subject == SubjectKind::action;
    const auto& merged = actions ? side.merged.actions : side.merged.beneficiaries;
    const Program& program = *side.compiled.program;
    const auto& compiled =
        actions ? program.action_classification : program.beneficiary_classification;
    std::vector<Declared> out;
    if (!merged) return out;
    for (const auto& placed : merged->branches) {
        out.push_back(declared(side, placed, "rule", placed.node->id));
    }
    if (merged->otherwise && compiled) {
        out.push_back(declared(side, *merged->otherwise, "otherwise", compiled->otherwise_id));
    }
    return out;
}

/// Branches are tried in order, so the same branches in another order decide otherwise.
void compare_order(const std::string& subject, const std::vector<Declared>& before,
                   const std::vector<Declared>& after, std::vector<DeclarationChange>& out) {
    auto branch_ids = [](const std::vector<Declared>& list) {
        std::vector<std::string> ids;
        for (const auto& d : list) {
            if (d.kind == "rule") ids.push_back(d.id);
        }
        return ids;
    };
    std::vector<std::string> const old_ids = branch_ids(before);
    std::vector<std::string> const new_ids = branch_ids(after);
    auto in = [](const std::vector<std::string>& ids, const std::string& id) {
        return std::find(ids.begin(), ids.end(), id) != ids.end();
    };
    std::vector<std::string> old_common, new_common;
    for (const auto& id : old_ids) {
        if (in(new_ids, id)) old_common.push_back(id);
    }
    for (const auto& id : new_ids) {
        if (in(old_ids, id)) new_common.push_back(id);
    }
    if (old_common == new_common) return;
    auto listing = [](const std::vector<std::string>& ids) {
        std::string text;
        for (const auto& id : ids) {
            text += "  rule ";
            text += id;
            text += '\n';
        }
        return text;
    };
    std::string const old_text = listing(old_ids);
    std::string const new_text = listing(new_ids);
    out.push_back(
        {"classify", subject, Change::changed, old_text, new_text, diff_lines(old_text, new_text)});
}

std::vector<Declared> checks(const Side& side) {
    std::vector<Declared> out;
    for (const auto& placed : side.merged.checks) {
        out.push_back(declared(side, placed, "check", placed.node->id));
    }
    return out;
}

std::vector<Declared> definitions(const Side& side) {
    std::vector<Declared> out;
    for (const auto& placed : side.merged.definitions) {
        out.push_back(
            declared(side, placed, "define", placed.node->name + " on " + placed.node->subject));
    }
    return out;
}

std::vector<Declared> indicators(const Side& side) {
    std::vector<Declared> out;
    for (const auto& placed : side.merged.indicators) {
        out.push_back(declared(side, placed, "indicator", placed.node->name));
    }
    return out;
}

ParameterValue parameter_value(const DeclarationFormatter& format, const ast::parameter& p) {
    ParameterValue out;
    if (p.value) out.value = format(*p.value);
    for (const auto& d : p.dated) out.dated.emplace_back(format(d.from), format(d.value));
    return out;
}

/// The set a value is, through any parentheses; null when it is not one.
const ast::set_literal* set_of(const ast::expression& value) {
    if (!value.rest.empty()) return nullptr;
    if (auto const* set = boost::get<ast::set_literal>(&value.first)) return set;
    if (auto const* inner = boost::get<ast::x3::forward_ast<ast::expression>>(&value.first)) {
        return set_of(inner->get());
    }
    return nullptr;
}

/// The items of `from` that `other` lacks, in the order of `from`.
std::vector<std::string> items_missing(const ast::set_literal& from,
                                       const ast::set_literal& other) {
    std::vector<std::string> out;
    for (const auto& item : from.items) {
        if (std::find(other.items.begin(), other.items.end(), item) == other.items.end()) {
            out.push_back(item);
        }
    }
    return out;
}

void compare_parameters(const Side& before, const Side& after, std::vector<ParameterChange>& out) {
    static const DeclarationFormatter unspelled{""};
    struct Value {
        ParameterValue key, shown;
        const ast::parameter* node = nullptr;
    };
    auto values = [](const Side& side) {
        std::map<std::string, Value> out;
        for (const auto& placed : side.merged.parameters) {
            out[placed.node->name] = {parameter_value(unspelled, *placed.node),
                                      parameter_value(side.spelling(placed.source), *placed.node),
                                      placed.node};
        }
        return out;
    };
    auto const old_values = values(before);
    auto const new_values = values(after);
    for (const auto& placed : after.merged.parameters) {
        const std::string& name = placed.node->name;
        const Value& now = new_values.at(name);
        auto const was = old_values.find(name);
        if (was == old_values.end()) {
            out.push_back({name, Change::added, std::nullopt, now.shown, {}, {}});
        } else if (was->second.key != now.key) {
            ParameterChange change{name, Change::changed, was->second.shown, now.shown, {}, {}};
            const ast::parameter& old_node = *was->second.node;
            const ast::set_literal* old_set = old_node.value ? set_of(*old_node.value) : nullptr;
            const ast::set_literal* new_set =
                placed.node->value ? set_of(*placed.node->value) : nullptr;
            if (old_set && new_set) {
                change.items_removed = items_missing(*old_set, *new_set);
                change.items_added = items_missing(*new_set, *old_set);
            }
            out.push_back(std::move(change));
        }
    }
    for (const auto& placed : before.merged.parameters) {
        const std::string& name = placed.node->name;
        if (!new_values.count(name)) {
            out.push_back({name, Change::removed, old_values.at(name).shown, std::nullopt, {}, {}});
        }
    }
}

void compare_header(const Side& before, const Side& after, std::vector<HeaderChange>& out) {
    auto fields = [](const Side& side) {
        const ast::header& h = side.merged.sources.back().ast.head;
        const RulesetInfo& info = side.compiled.info;
        std::string applies = format_date(info.applies_from);
        applies += " .. ";
        applies += format_date(info.applies_to);
        return std::vector<std::pair<std::string, std::string>>{{"name", h.name},
                                                                {"version", h.version},
                                                                {"title", h.title.value_or("")},
                                                                {"applies", std::move(applies)}};
    };
    auto const old_fields = fields(before);
    auto const new_fields = fields(after);
    for (size_t i = 0; i < old_fields.size(); ++i) {
        if (old_fields[i].second != new_fields[i].second) {
            out.push_back({old_fields[i].first, old_fields[i].second, new_fields[i].second});
        }
    }
}

void compare_rules(const Side& before, const Side& after, std::vector<DeclarationChange>& out) {
    for (SubjectKind subject : {SubjectKind::action, SubjectKind::beneficiary}) {
        auto const old_branches = classification(before, subject);
        auto const new_branches = classification(after, subject);
        compare(old_branches, new_branches, out);
        compare_order(to_string(subject), old_branches, new_branches, out);
    }
    compare(checks(before), checks(after), out);
    compare(definitions(before), definitions(after), out);
    compare(indicators(before), indicators(after), out);
}

void evaluate_conventions(const RulesetDiffOptions& options, const Side& before, const Side& after,
                          RulesetDiff& diff) {
    for (const auto& file : options.conventions) {
        LoadedConvention loaded = load_convention_file(file, options.limits);
        diff.diagnostics.insert(diff.diagnostics.end(), loaded.diagnostics.begin(),
                                loaded.diagnostics.end());
        if (!loaded.convention || has_error(loaded.diagnostics)) {
            ++diff.unreadable_conventions;
            continue;
        }
        const Convention& c = *loaded.convention;
        try {
            Result const old_result = evaluate(*before.compiled.program, before.compiled.info, c);
            Result const new_result = evaluate(*after.compiled.program, after.compiled.info, c);
            ConventionDiff one;
            static_cast<ResultComparison&>(one) = compare_results(c, old_result, new_result);
            one.file = file;
            diff.conventions.push_back(std::move(one));
        } catch (const std::exception& e) {
            // One convention that breaks the engine must not hide what the others show.
            diff.diagnostics.push_back({Diagnostic::Level::error, file, 0, 0,
                                        std::string("cannot be evaluated: ") + e.what(), ""});
            ++diff.unreadable_conventions;
        }
    }
}

}  // namespace

const char* to_string(Change change) {
    switch (change) {
        case Change::added:
            return "added";
        case Change::removed:
            return "removed";
        case Change::changed:
            break;
    }
    return "changed";
}

bool RulesetDiff::rules_differ() const {
    return !header.empty() || !sources.empty() || !parameters.empty() || !rules.empty();
}

RulesetDiff diff_rulesets(const RulesetDiffOptions& options) {
    RulesetDiff diff;
    Side before, after;
    bool const old_ok = read_side(options.old_rules, before, diff.diagnostics);
    bool const new_ok = read_side(options.new_rules, after, diff.diagnostics);
    // A base both files extend is compiled twice: its warnings are said once.
    std::vector<Diagnostic> once;
    for (auto& d : diff.diagnostics) {
        bool const seen = std::any_of(once.begin(), once.end(), [&](const Diagnostic& e) {
            return e.file == d.file && e.line == d.line && e.column == d.column &&
                   e.message == d.message;
        });
        if (!seen) once.push_back(std::move(d));
    }
    diff.diagnostics = std::move(once);
    if (!old_ok || !new_ok) return diff;
    diff.compiled = true;
    diff.old_rules = before.compiled.info;
    diff.new_rules = after.compiled.info;
    compare_header(before, after, diff.header);
    compare(legal_sources(before), legal_sources(after), diff.sources);
    compare_parameters(before, after, diff.parameters);
    compare_rules(before, after, diff.rules);
    diff.evaluated = options.evaluate;
    if (options.evaluate) evaluate_conventions(options, before, after, diff);
    return diff;
}

}  // namespace activ
