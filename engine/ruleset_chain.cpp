// Reading the `extends` chain of a ruleset and merging its declarations by id.
#include "engine/ruleset_chain.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

#include "dsl-grammar/parse_rules.hpp"
#include "engine/read_file.hpp"

namespace activ {

namespace {

constexpr int max_chain = 16;

/// Reads the chain, base first. False when a file cannot be read or parsed.
bool read_chain(std::string text, const std::string& file, std::deque<RuleSource>& chain,
                std::vector<Diagnostic>& diagnostics) {
    ParseResult parsed = parse_rules(text, file);
    if (!parsed.file) {
        for (auto& d : parsed.diagnostics) diagnostics.push_back(std::move(d));
        return false;
    }
    chain.push_front({file, std::move(text), std::move(*parsed.file)});
    const RuleSource& child = chain.front();
    if (!child.ast.head.extends) return true;

    namespace fs = std::filesystem;
    std::string const base =
        (fs::path(file).parent_path() / *child.ast.head.extends).lexically_normal().string();
    size_t const at = child.ast.head.offset;
    if (chain.size() >= max_chain) {
        diagnostics.push_back(diagnostic_at(child, at, "rulesets extend each other more than " +
                                                           std::to_string(max_chain) + " deep"));
        return false;
    }
    for (const auto& s : chain) {
        if (fs::path(s.path).lexically_normal() == fs::path(base)) {
            diagnostics.push_back(
                diagnostic_at(child, at, "'" + base + "' extends itself through this file"));
            return false;
        }
    }
    std::string reason;
    // Bounded: beyond the limit parse_rules refuses the text anyway (and /dev/zero never ends).
    auto base_text = read_whole_file(base, reason, rule_limits::max_file_bytes);
    if (!base_text) {
        diagnostics.push_back(
            diagnostic_at(child, at, "cannot read the extended ruleset '" + base + "': " + reason));
        return false;
    }
    return read_chain(std::move(*base_text), base, chain, diagnostics);
}

/// Ordered declarations with an id: a later file overrides or retires by id.
template <typename T>
class ById {
public:
    ById(MergedRules& rules, std::vector<Diagnostic>& diagnostics, const char* what)
        : rules_(rules), diagnostics_(diagnostics), what_(what) {}

    void declare(const std::string& id, const T* node, int source, size_t offset, bool overrides) {
        auto found = index_.find(id);
        if (found == index_.end()) {
            if (overrides) {
                error(source, offset, std::string("override of ") + what_ + " '" + id +
                                          "', which no extended ruleset declares");
                return;
            }
            index_[id] = items_.size();
            items_.push_back({node, source});
            return;
        }
        Placed<T>& earlier = items_[found->second];
        if (earlier.source == source || !overrides) {
            int line = 0, column = 0;
            line_column_of(rules_.sources[static_cast<size_t>(earlier.source)].text,
                           earlier.node ? earlier.node->offset : 0, line, column);
            error(source, offset,
                  std::string(what_) + " '" + id + "' is already declared (" +
                      rules_.sources[static_cast<size_t>(earlier.source)].path + ":" +
                      std::to_string(line) + ")" +
                      (earlier.source == source ? "" : "; write 'override' to replace it"));
            return;
        }
        earlier = {node, source};
    }

    bool declared_in_earlier_file(const std::string& id, int source) const {
        auto found = index_.find(id);
        return found != index_.end() && items_[found->second].source < source;
    }

    bool retire(const std::string& id) {
        auto found = index_.find(id);
        if (found == index_.end() || !items_[found->second].node) return false;
        items_[found->second].node = nullptr;
        return true;
    }

    std::vector<Placed<T>> take() {
        std::vector<Placed<T>> out;
        for (auto& item : items_) {
            if (item.node) out.push_back(item);
        }
        return out;
    }

private:
    void error(int source, size_t offset, std::string message) {
        diagnostics_.push_back(
            diagnostic_at(rules_.sources[static_cast<size_t>(source)], offset, std::move(message)));
    }

    MergedRules& rules_;
    std::vector<Diagnostic>& diagnostics_;
    const char* what_;
    std::map<std::string, size_t> index_;
    std::vector<Placed<T>> items_;
};

}  // namespace

Diagnostic diagnostic_at(const RuleSource& source, size_t offset, std::string message,
                         Diagnostic::Level level) {
    Diagnostic d;
    d.level = level;
    d.file = source.path;
    line_column_of(source.text, offset, d.line, d.column);
    d.source_line = line_of(source.text, d.line);
    d.message = std::move(message);
    return d;
}

MergedRules merge_rules(std::string_view text, const std::string& file,
                        std::vector<Diagnostic>& diagnostics) {
    MergedRules rules;
    if (!read_chain(std::string(text), file, rules.sources, diagnostics)) {
        rules.sources.clear();
        return rules;
    }
    ById<ast::parameter> parameters(rules, diagnostics, "parameter");
    ById<ast::definition> definitions(rules, diagnostics, "definition");
    ById<ast::branch> action_branches(rules, diagnostics, "rule");
    ById<ast::branch> beneficiary_branches(rules, diagnostics, "rule");
    ById<ast::check> checks(rules, diagnostics, "rule");
    ById<ast::indicator> indicators(rules, diagnostics, "indicator");
    std::map<std::string, size_t> source_ids;
    // Checks and branches share one namespace of rule ids: a finding names either.
    std::map<std::string, std::string> rule_kinds;
    auto claim_rule_id = [&](const std::string& id, const std::string& kind, int source,
                             size_t offset) {
        auto [it, inserted] = rule_kinds.emplace(id, kind);
        if (inserted || it->second == kind) return true;
        diagnostics.push_back(diagnostic_at(rules.sources[static_cast<size_t>(source)], offset,
                                            "rule id '" + id + "' is already used by a " +
                                                it->second));
        return false;
    };

    for (size_t s = 0; s < rules.sources.size(); ++s) {
        int const source = static_cast<int>(s);
        const ast::rule_file& file_ast = rules.sources[s].ast;
        for (const auto& legal : file_ast.head.sources) {
            if (legal.id) {
                auto [it, inserted] = source_ids.emplace(*legal.id, rules.legal_sources.size());
                if (!inserted) {
                    // A later version restates a source; the same file saying it twice is a slip.
                    Placed<ast::source> const& earlier = rules.legal_sources[it->second];
                    if (earlier.source == source) {
                        int line = 0;
                        int column = 0;
                        line_column_of(rules.sources[s].text, earlier.node->offset, line, column);
                        diagnostics.push_back(diagnostic_at(rules.sources[s], legal.offset,
                                                            "source '" + *legal.id +
                                                                "' is already declared at line " +
                                                                std::to_string(line)));
                        continue;
                    }
                    rules.legal_sources[it->second] = {&legal, source};
                    continue;
                }
            }
            rules.legal_sources.push_back({&legal, source});
        }
        bool actions_here = false;
        bool beneficiaries_here = false;
        for (const auto& item : file_ast.items) {
            if (auto const* p = boost::get<ast::parameter>(&item)) {
                parameters.declare(p->name, p, source, p->offset, p->overrides);
            } else if (auto const* d = boost::get<ast::definition>(&item)) {
                definitions.declare(d->name + " on " + d->subject, d, source, d->offset, false);
            } else if (auto const* c = boost::get<ast::check>(&item)) {
                if (claim_rule_id(c->id, "check", source, c->offset)) {
                    checks.declare(c->id, c, source, c->offset, c->overrides);
                }
            } else if (auto const* i = boost::get<ast::indicator>(&item)) {
                // A later version redefines an indicator by naming it again.
                indicators.declare(i->name, i, source, i->offset,
                                   indicators.declared_in_earlier_file(i->name, source));
            } else if (auto const* r = boost::get<ast::retirement>(&item)) {
                if (!checks.retire(r->id) && !action_branches.retire(r->id) &&
                    !beneficiary_branches.retire(r->id)) {
                    diagnostics.push_back(diagnostic_at(
                        rules.sources[s], r->offset,
                        "retire '" + r->id + "', which no extended ruleset declares"));
                }
            } else if (auto const* k = boost::get<ast::classification>(&item)) {
                bool const on_actions = k->subject == "action";
                if (!on_actions && k->subject != "beneficiary") {
                    diagnostics.push_back(diagnostic_at(
                        rules.sources[s], k->offset,
                        "actions and beneficiaries can be classified (classify action, classify "
                        "beneficiary); '" + k->subject + "' cannot"));
                    continue;
                }
                bool& seen = on_actions ? actions_here : beneficiaries_here;
                if (seen) {
                    diagnostics.push_back(diagnostic_at(
                        rules.sources[s], k->offset,
                        k->subject + "s are classified twice in this file: keep one 'classify " +
                            k->subject + "'"));
                    continue;
                }
                seen = true;
                auto& merged = on_actions ? rules.actions : rules.beneficiaries;
                if (!merged) merged.emplace();
                merged->block = Placed<ast::classification>{k, source};
                auto& branches = on_actions ? action_branches : beneficiary_branches;
                for (const auto& b : k->branches) {
                    if (claim_rule_id(b.id, "classification branch", source, b.offset)) {
                        branches.declare(b.id, &b, source, b.offset, b.overrides);
                    }
                }
                if (k->otherwise) merged->otherwise = Placed<ast::otherwise_clause>{&*k->otherwise, source};
            }
        }
    }
    rules.parameters = parameters.take();
    rules.definitions = definitions.take();
    if (rules.actions) rules.actions->branches = action_branches.take();
    if (rules.beneficiaries) rules.beneficiaries->branches = beneficiary_branches.take();
    rules.checks = checks.take();
    rules.indicators = indicators.take();
    return rules;
}

}  // namespace activ
