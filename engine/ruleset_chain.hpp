// A ruleset and the rulesets it extends, read and merged into one list of declarations:
// what a later version overrides replaces the earlier one in place, what it retires is
// gone, what it adds comes after. The compiler then sees one ruleset.
#pragma once
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dsl-grammar/ast.hpp"
#include "dsl-grammar/diagnostic.hpp"

namespace activ {

struct RuleSource {
    std::string path;
    std::string text;
    ast::rule_file ast;
};

/// A declaration and the index of the file (in MergedRules::sources) it comes from.
template <typename T>
struct Placed {
    const T* node = nullptr;
    int source = 0;
};

struct MergedRules {
    std::deque<RuleSource> sources;  // the base first, the file asked for last
    std::vector<Placed<ast::source>> legal_sources;
    std::vector<Placed<ast::parameter>> parameters;
    std::vector<Placed<ast::definition>> definitions;
    /// `classify action` and `classify beneficiary`, each merged on its own.
    struct Classification {
        Placed<ast::classification> block;  // the latest classify block, for positions
        std::vector<Placed<ast::branch>> branches;
        std::optional<Placed<ast::otherwise_clause>> otherwise;
    };
    std::optional<Classification> actions;
    std::optional<Classification> beneficiaries;
    std::vector<Placed<ast::check>> checks;
    std::vector<Placed<ast::indicator>> indicators;
};

/// Reads `file` (whose text is given) and, through `extends`, its bases; merges them.
/// Unreadable bases, cycles, syntax errors and overrides or retirements that name
/// nothing are diagnostics.
MergedRules merge_rules(std::string_view text, const std::string& file,
                        std::vector<Diagnostic>& diagnostics);

/// A diagnostic pointing at byte `offset` of a rule file.
Diagnostic diagnostic_at(const RuleSource& source, size_t offset, std::string message,
                         Diagnostic::Level level = Diagnostic::Level::error);

}  // namespace activ
