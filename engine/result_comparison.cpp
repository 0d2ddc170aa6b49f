// Two Results of one convention compared item by item: expenses by index, decisions in
// declaration order, findings by what identifies them.
#include "engine/result_comparison.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace activ {

namespace {

Money difference(Money after, Money before) {
    Money out;
    if (__builtin_sub_overflow(after.cents, before.cents, &out.cents)) {
        throw std::overflow_error("an amount moved is more than 64 bits hold");
    }
    return out;
}

/// Per expense (by index), the error rules that refuse it, in rule order.
std::vector<std::vector<std::string>> refusals(
    const Result& result, const std::unordered_map<std::string_view, size_t>& index,
    size_t expenses) {
    std::vector<std::vector<std::string>> out(expenses);
    for (const auto& f : result.findings) {
        if (f.severity != Severity::error || f.subject_kind != SubjectKind::expense) continue;
        auto const it = index.find(f.subject_id);
        if (it != index.end()) out[it->second].push_back(f.rule);
    }
    return out;
}

void compare_decisions(SubjectKind kind, const std::vector<Decision>& before,
                       const std::vector<Decision>& after, std::vector<ClassChange>& out) {
    // Both are in declaration order, one per subject of the same convention.
    size_t const n = std::min(before.size(), after.size());
    for (size_t i = 0; i < n; ++i) {
        if (before[i].outcome == after[i].outcome) continue;
        out.push_back(
            {kind, after[i].subject_id, before[i].outcome, after[i].outcome, after[i].rule});
    }
}

void compare_findings(const Result& before, const Result& after, ResultComparison& out) {
    // The key orders by rule id first, so that the per-rule counts come out by rule id.
    using Key = std::tuple<std::string, std::string, std::string, std::string>;
    auto key = [](const Finding& f) {
        return Key{f.rule, to_string(f.severity), to_string(f.subject_kind), f.subject_id};
    };
    // +1 per finding after, -1 per finding before: what is left differs.
    std::map<Key, std::pair<const Finding*, long>> balance;
    for (const auto& f : before.findings) {
        auto& [finding, n] = balance[key(f)];
        finding = &f;
        --n;
    }
    for (const auto& f : after.findings) {
        auto& [finding, n] = balance[key(f)];
        finding = &f;
        ++n;
    }
    std::map<std::string, RuleCount> per_rule;
    for (const auto& [k, entry] : balance) {
        const auto& [f, n] = entry;
        if (n == 0) continue;
        size_t const count = static_cast<size_t>(n > 0 ? n : -n);
        FindingChange change{f->rule, f->severity, f->subject_kind, f->subject_id, count};
        RuleCount& c = per_rule[f->rule];
        c.rule = f->rule;
        if (n > 0) {
            c.added += count;
            out.findings_added.push_back(std::move(change));
        } else {
            c.removed += count;
            out.findings_removed.push_back(std::move(change));
        }
    }
    out.findings.reserve(per_rule.size());
    for (auto& [rule, c] : per_rule) out.findings.push_back(std::move(c));
}

}  // namespace

bool ResultComparison::changed() const {
    return !newly_refused.empty() || !newly_accepted.empty() || !class_changes.empty() ||
           !findings.empty() || eligible_before != eligible_after ||
           capped_before != capped_after || status_before != status_after;
}

ResultComparison compare_results(const Convention& c, const Result& before, const Result& after) {
    ResultComparison out;
    out.convention_id = c.id;
    out.year = c.year;
    out.cpas_nis = c.cpas.nis;
    out.cpas_name = c.cpas.name;
    out.status_before = result_status(before);
    out.status_after = result_status(after);
    out.eligible_before = before.totals.eligible;
    out.eligible_after = after.totals.eligible;
    out.capped_before = before.totals.eligible_capped;
    out.capped_after = after.totals.eligible_capped;
    out.eligible_moved = difference(out.eligible_after, out.eligible_before);
    out.capped_moved = difference(out.capped_after, out.capped_before);

    std::unordered_map<std::string_view, size_t> index;
    index.reserve(c.expenses.size());
    for (size_t i = 0; i < c.expenses.size(); ++i) index.emplace(c.expenses[i].id, i);
    auto refused_before = refusals(before, index, c.expenses.size());
    auto refused_after = refusals(after, index, c.expenses.size());
    for (size_t i = 0; i < c.expenses.size(); ++i) {
        bool const was = !refused_before[i].empty();
        bool const is = !refused_after[i].empty();
        if (was == is) continue;
        Money const charge = charge_of(c.expenses[i].amount, c.expenses[i].share);
        if (is)
            out.newly_refused.push_back({c.expenses[i].id, charge, std::move(refused_after[i])});
        else
            out.newly_accepted.push_back({c.expenses[i].id, charge, std::move(refused_before[i])});
    }
    compare_decisions(SubjectKind::action, before.actions, after.actions, out.class_changes);
    compare_decisions(SubjectKind::beneficiary, before.beneficiaries, after.beneficiaries,
                      out.class_changes);
    compare_findings(before, after, out);
    return out;
}

}  // namespace activ
