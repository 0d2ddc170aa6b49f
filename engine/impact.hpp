// What would change if a rule file replaced the current rules: both are run over the
// newest accepted submission of each convention in the store, and the differences are
// grouped per CPAS and totalled. The store is only read.
#pragma once
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "dsl-grammar/diagnostic.hpp"
#include "engine/result.hpp"
#include "engine/result_comparison.hpp"
#include "engine/store.hpp"

namespace activ {

struct ImpactOptions {
    std::string rules;      // the new rule file
    std::string rules_dir;  // where the current rules are chosen by year
    unsigned jobs = 1;
};

/// An impact that cannot be computed: the new rules do not compile, or the totals leave
/// 64 bits. `diagnostics` holds the new rule file's when that is the reason.
struct ImpactError : std::runtime_error {
    ImpactError(const std::string& what, std::vector<Diagnostic> diagnostics = {})
        : std::runtime_error(what), diagnostics(std::move(diagnostics)) {}
    std::vector<Diagnostic> diagnostics;
};

/// One convention of the store compared (engine/result_comparison).
struct ConventionImpact : ResultComparison {
    int64_t submission_id = 0;
};

struct ImpactTotals {
    size_t compared = 0;  // conventions
    size_t changed = 0;
    size_t newly_refused = 0;
    Money refused_amount;
    size_t newly_accepted = 0;
    Money accepted_amount;
    size_t class_changes = 0;
    Money eligible_before, eligible_after;
    Money capped_before, capped_after;
    Money eligible_moved, capped_moved;  // after - before
    std::vector<RuleCount> findings;     // by rule id
};

/// One CPAS: its totals over every convention compared, and the conventions that change.
struct CpasImpact {
    std::string nis;
    std::string name;
    ImpactTotals totals;
    std::vector<ConventionImpact> conventions;  // changed ones, in submission order
};

struct ImpactReport {
    RulesetInfo new_rules;
    std::vector<Diagnostic> diagnostics;     // the new rule file's warnings
    std::vector<RulesetInfo> current_rules;  // those that judged a compared convention
    size_t submissions = 0;                  // the newest accepted submission of each convention
    size_t left_out = 0;                     // of a year the new rules do not apply to
    std::vector<int> left_out_years;         // ascending
    /// Conventions that could not be compared (no current rules for their year, a
    /// damaged model), one rendered problem each.
    std::vector<std::string> problems;
    std::vector<CpasImpact> cpas;  // with at least one convention compared, by NIS then name
    ImpactTotals total;
};

/// Runs the current rules (chosen by year under `rules_dir`) and the new ones over the
/// newest accepted submission of each convention, using the stored models. Throws
/// ImpactError, or StoreError when the store cannot be read.
ImpactReport compute_impact(Store& store, const ImpactOptions& options);

/// For a clerk: both rulesets, what was compared, each CPAS with its changed conventions
/// and totals, then the grand total.
std::string render_impact_text(const ImpactReport& report);

inline constexpr const char* impact_schema = "activ.impact/1";

/// One JSON document, `schema` first, money as decimal strings, ending in a newline.
std::string render_impact_json(const ImpactReport& report);

/// One row per changed item (RFC 4180, CR LF): convention_id, cpas_nis, cpas_name,
/// subject_kind, subject_id, change (newly_refused, newly_accepted, class_changed),
/// amount, before, after, rules.
std::string render_impact_csv(const ImpactReport& report);

}  // namespace activ
