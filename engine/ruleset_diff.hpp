// What changes between two versions of the rules, before the change decides anyone's
// subsidy: the effective ruleset of each file (its `extends` chain merged) compared
// declaration by declaration in canonical form, so that comments and layout do not count;
// and, over convention files, what each ruleset decides differently.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "dsl-grammar/diagnostic.hpp"
#include "engine/load_convention.hpp"
#include "engine/result.hpp"
#include "engine/result_comparison.hpp"

namespace activ {

enum class Change { added, removed, changed };
const char* to_string(Change change);

/// `version: 2015 -> 2016`: a field of the header (name, version, title, applies).
struct HeaderChange {
    std::string field;
    std::string before, after;
};

/// A parameter's value as the rule file writes it: one value, or values by day.
struct ParameterValue {
    std::string value;                                       // empty when dated
    std::vector<std::pair<std::string, std::string>> dated;  // {from day, value}, by day
    bool operator==(const ParameterValue&) const = default;
};

struct ParameterChange {
    std::string name;
    Change change = Change::changed;
    std::optional<ParameterValue> before;  // none when added
    std::optional<ParameterValue> after;   // none when removed
    /// When both values are sets: the items one has and the other has not, in set order.
    std::vector<std::string> items_removed, items_added;
};

/// A declaration added, removed or changed, by its id, with its canonical text (`activ
/// fmt`'s, without comments) under each ruleset.
struct DeclarationChange {
    /// What the language calls it: `source` (in the header), `rule` (a classification
    /// branch), `otherwise`, `check`, `define`, `indicator`, or `classify` when branches
    /// that both rulesets have are tried in another order.
    std::string kind;
    std::string id;  // rule id, source id, `NAME on SUBJECT` of a definition, indicator name
    Change change = Change::changed;
    std::string before, after;       // canonical text, lines ending in newlines; empty when absent
    std::vector<std::string> lines;  // before and after line by line (engine/line_diff)
};

/// One convention file evaluated under both rulesets.
struct ConventionDiff : ResultComparison {
    std::string file;
};

struct RulesetDiffOptions {
    std::string old_rules, new_rules;      // rule files
    std::vector<std::string> conventions;  // convention files; none: the rules alone
    bool evaluate = false;                 // `--on` was given (an empty folder is refused before)
    ConventionLimits limits;
};

struct RulesetDiff {
    /// False when a rule file cannot be read or compiled: `diagnostics` says why, and
    /// nothing else is filled.
    bool compiled = false;
    /// The rule files' (errors, or warnings), then each unreadable convention's.
    std::vector<Diagnostic> diagnostics;
    size_t unreadable_conventions = 0;

    RulesetInfo old_rules, new_rules;
    std::vector<HeaderChange> header;        // name, version, title, applies
    std::vector<DeclarationChange> sources;  // legal sources, by id
    std::vector<ParameterChange> parameters;
    std::vector<DeclarationChange> rules;     // classification, checks, definitions, indicators
    bool evaluated = false;                   // conventions were given
    std::vector<ConventionDiff> conventions;  // every convention read, in file order

    /// Whether the two rulesets say something different (comments and layout aside).
    bool rules_differ() const;
};

/// Compiles both rule files (with the files they extend), compares what they declare and,
/// when `options.evaluate`, evaluates every convention under both. Never throws for a
/// problem with a file: that is a diagnostic.
RulesetDiff diff_rulesets(const RulesetDiffOptions& options);

inline constexpr const char* rules_diff_schema = "activ.rules-diff/1";

/// For a policy officer: both rulesets, then what changes in the header, the sources, the
/// parameters (old value -> new value) and the rules (their canonical text, `-`/`+` lines),
/// then each convention's changed outcomes.
std::string render_rules_diff_text(const RulesetDiff& diff);

/// One JSON document, `schema` first, keys in a fixed order, money as decimal strings,
/// ending in a newline.
std::string render_rules_diff_json(const RulesetDiff& diff);

}  // namespace activ
