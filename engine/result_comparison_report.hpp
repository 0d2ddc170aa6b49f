// A ResultComparison as reports show it. `activ impact` (engine/impact_report) and
// `activ diff --on` (engine/ruleset_diff_report) both print what two rulesets decide
// differently on a convention: they share these pieces so that the same change reads the
// same in both, and each frames them with its own headings and findings. Internal to
// engine/: the JSON pieces are nlohmann's.
#pragma once
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "engine/result.hpp"
#include "engine/result_comparison.hpp"

namespace activ {

/// `words` with `separator` between them: the rules that refuse an expense, for one.
std::string joined(const std::vector<std::string>& words, const char* separator);

/// `be.social-activation 2015 (rules/be/social-activation-2015.rules)`.
std::string ruleset_label(const RulesetInfo& ruleset);

/// `1000.00 -> 1095.00 (+95.00)`: an amount before, after, and what moved.
std::string money_movement_text(Money before, Money after, Money moved);

/// `warning`, or `warning -> error` when the status changes.
std::string status_text(const ResultComparison& comparison);

/// One line per expense newly refused, then per expense newly accepted, then per class
/// changed, each indented by four and ending in a newline.
void changed_items_text(std::string& out, const ResultComparison& comparison);

/// name, version, file and canonical_hash, in that order.
nlohmann::ordered_json ruleset_json(const RulesetInfo& ruleset);

/// before, after and moved, money as decimal strings.
nlohmann::ordered_json money_movement_json(Money before, Money after, Money moved);

/// Adds the comparison's status, eligible, eligible_capped, newly_refused, newly_accepted
/// and class_changes to the object `out`, in that order; its findings are left to each
/// report (impact counts them per rule, diff lists them).
void add_comparison_json(nlohmann::ordered_json& out, const ResultComparison& comparison);

}  // namespace activ
