// What two rulesets decide differently on one convention: both Results side by side,
// reduced to the items whose outcome changes. `activ impact` (over the store) and
// `activ diff --on` (over files) both read it.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "engine/model.hpp"
#include "engine/result.hpp"

namespace activ {

/// An expense refused under one ruleset and not under the other.
struct ExpenseChange {
    std::string expense_id;
    Money charge;  // amount x share: what moves
    /// The error rules that refuse it: under the new rules when newly refused, under the
    /// current ones when newly accepted. In rule order.
    std::vector<std::string> rules;
};

/// An action's activation class or a beneficiary's eligibility that the new rules decide
/// otherwise.
struct ClassChange {
    SubjectKind kind = SubjectKind::action;  // action or beneficiary
    std::string subject_id;
    std::string before, after;
    std::string rule;  // the rule (branch) that decides under the new rules
};

/// A finding that one result has (`count` times) and the other has not. A finding is the
/// same when its rule, severity and subject are; its message may differ.
struct FindingChange {
    std::string rule;
    Severity severity = Severity::error;
    SubjectKind subject_kind = SubjectKind::convention;
    std::string subject_id;
    size_t count = 1;
};

/// Findings of one rule added and removed.
struct RuleCount {
    std::string rule;
    size_t added = 0;
    size_t removed = 0;
};

struct ResultComparison {
    // Which convention was compared, for the reports to name it.
    std::string convention_id;
    int year = 0;
    std::string cpas_nis;
    std::string cpas_name;

    std::string status_before, status_after;  // clean, warning or error
    Money eligible_before, eligible_after;
    Money capped_before, capped_after;          // eligible, at most the subsidy
    Money eligible_moved, capped_moved;         // after - before
    std::vector<ExpenseChange> newly_refused;   // in the convention's order
    std::vector<ExpenseChange> newly_accepted;  // in the convention's order
    std::vector<ClassChange> class_changes;     // actions, then beneficiaries
    /// By rule, severity, subject kind and subject id.
    std::vector<FindingChange> findings_added, findings_removed;
    std::vector<RuleCount> findings;  // the same counted per rule, by rule id
    bool changed() const;
};

/// `before` and `after` are two evaluations of `convention`. Throws std::overflow_error
/// when an amount moved leaves 64 bits.
ResultComparison compare_results(const Convention& convention, const Result& before,
                                 const Result& after);

}  // namespace activ
