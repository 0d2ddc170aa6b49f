// The impact of new rules over the store: each convention evaluated under both rulesets
// on the pool, compared there, and the differences totalled per CPAS in submission order.
#include "engine/impact.hpp"

#include <algorithm>
#include <exception>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "engine/ordered_pool.hpp"
#include "engine/ruleset.hpp"
#include "engine/store_batch.hpp"

namespace activ {

namespace {

Money add(Money a, Money b) {
    Money out;
    if (__builtin_add_overflow(a.cents, b.cents, &out.cents)) {
        throw ImpactError("the amounts compared add up to more than 64 bits hold");
    }
    return out;
}

Money difference(Money after, Money before) {
    Money out;
    if (__builtin_sub_overflow(after.cents, before.cents, &out.cents)) {
        throw ImpactError("an amount moved is more than 64 bits hold");
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

std::vector<RuleCount> compare_findings(const Result& before, const Result& after) {
    auto key = [](const Finding& f) {
        std::string k = f.rule;
        k += '\0';
        k += to_string(f.severity);
        k += '\0';
        k += to_string(f.subject_kind);
        k += '\0';
        k += f.subject_id;
        return k;
    };
    // +1 per finding after, -1 per finding before: what is left differs.
    std::map<std::string, std::pair<std::string, long>> balance;
    for (const auto& f : before.findings) {
        auto& [rule, n] = balance[key(f)];
        rule = f.rule;
        --n;
    }
    for (const auto& f : after.findings) {
        auto& [rule, n] = balance[key(f)];
        rule = f.rule;
        ++n;
    }
    std::map<std::string, RuleCount> per_rule;
    for (const auto& [k, entry] : balance) {
        const auto& [rule, n] = entry;
        if (n == 0) continue;
        RuleCount& c = per_rule[rule];
        c.rule = rule;
        if (n > 0)
            c.added += static_cast<size_t>(n);
        else
            c.removed += static_cast<size_t>(-n);
    }
    std::vector<RuleCount> out;
    out.reserve(per_rule.size());
    for (auto& [rule, c] : per_rule) out.push_back(std::move(c));
    return out;
}

ConventionImpact compare(const Convention& c, int64_t submission_id, const Result& before,
                         const Result& after) {
    ConventionImpact out;
    out.submission_id = submission_id;
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
    out.findings = compare_findings(before, after);
    return out;
}

void add_counts(std::vector<RuleCount>& into, const std::vector<RuleCount>& counts) {
    // Both sorted by rule id: merged in place.
    std::vector<RuleCount> merged;
    merged.reserve(into.size() + counts.size());
    auto a = into.begin();
    auto b = counts.begin();
    while (a != into.end() || b != counts.end()) {
        if (b == counts.end() || (a != into.end() && a->rule < b->rule)) {
            merged.push_back(std::move(*a++));
        } else if (a == into.end() || b->rule < a->rule) {
            merged.push_back(*b++);
        } else {
            RuleCount sum = std::move(*a++);
            sum.added += b->added;
            sum.removed += b->removed;
            ++b;
            merged.push_back(std::move(sum));
        }
    }
    into = std::move(merged);
}

void add_to(ImpactTotals& t, const ConventionImpact& c) {
    ++t.compared;
    if (c.changed()) ++t.changed;
    t.newly_refused += c.newly_refused.size();
    for (const auto& e : c.newly_refused) t.refused_amount = add(t.refused_amount, e.charge);
    t.newly_accepted += c.newly_accepted.size();
    for (const auto& e : c.newly_accepted) t.accepted_amount = add(t.accepted_amount, e.charge);
    t.class_changes += c.class_changes.size();
    t.eligible_before = add(t.eligible_before, c.eligible_before);
    t.eligible_after = add(t.eligible_after, c.eligible_after);
    t.capped_before = add(t.capped_before, c.capped_before);
    t.capped_after = add(t.capped_after, c.capped_after);
    t.eligible_moved = difference(t.eligible_after, t.eligible_before);
    t.capped_moved = difference(t.capped_after, t.capped_before);
    add_counts(t.findings, c.findings);
}

bool applies_to(const RulesetInfo& info, int year) {
    auto const january_first = make_date(year, 1, 1);
    return january_first && info.applies_from <= *january_first &&
           *january_first <= info.applies_to;
}

}  // namespace

bool ConventionImpact::changed() const {
    return !newly_refused.empty() || !newly_accepted.empty() || !class_changes.empty() ||
           !findings.empty() || eligible_before != eligible_after ||
           capped_before != capped_after || status_before != status_after;
}

ImpactReport compute_impact(Store& store, const ImpactOptions& options) {
    ImpactReport report;
    CompiledRuleset fresh = compile_ruleset_file(options.rules);
    if (!fresh.program) {
        throw ImpactError(options.rules + ": the new rules do not compile",
                          std::move(fresh.diagnostics));
    }
    report.new_rules = fresh.info;
    report.diagnostics = std::move(fresh.diagnostics);

    // What to compare is decided first, on this thread: the current rules of each year are
    // chosen and compiled once, and a year without them is said once per convention.
    RulesetPicker picker("", options.rules_dir);
    struct Todo {
        StoredModel stored;
        const CompiledRuleset* current = nullptr;
    };
    std::vector<Todo> todo;
    std::set<int> left_out_years;
    std::vector<const CompiledRuleset*> used;
    for (auto& stored : store.accepted_submissions(true)) {
        ++report.submissions;
        if (!applies_to(report.new_rules, stored.year)) {
            ++report.left_out;
            left_out_years.insert(stored.year);
            continue;
        }
        std::string error;
        const CompiledRuleset* current = picker.for_year(stored.year, error);
        if (!current) {
            std::string problem = stored.convention_id;
            problem += " (submission ";
            problem += std::to_string(stored.submission_id);
            problem += "): no current rules to compare with\n";
            problem += error;
            report.problems.push_back(std::move(problem));
            continue;
        }
        if (std::find(used.begin(), used.end(), current) == used.end()) used.push_back(current);
        todo.push_back({std::move(stored), current});
    }
    report.left_out_years.assign(left_out_years.begin(), left_out_years.end());
    for (const auto* r : used) report.current_rules.push_back(r->info);

    struct Compared {
        std::optional<ConventionImpact> impact;
        std::string error;
    };
    std::vector<Compared> ring(ordered_window(options.jobs));
    std::map<std::pair<std::string, std::string>, CpasImpact> per_cpas;
    const Program& program = *fresh.program;
    run_in_order(
        todo.size(), options.jobs,
        [&](size_t i) {
            Compared& slot = ring[i % ring.size()];
            slot = Compared{};
            Todo& item = todo[i];
            try {
                auto convention = stored_convention(store, item.stored, slot.error);
                if (!convention) return;
                const CompiledRuleset& current = *item.current;
                Result const before = evaluate(*current.program, current.info, *convention);
                Result const after = evaluate(program, report.new_rules, *convention);
                slot.impact = compare(*convention, item.stored.submission_id, before, after);
            } catch (const std::exception& e) {
                slot.impact.reset();
                slot.error = item.stored.convention_id + ": " + e.what();
            }
            item.stored = StoredModel{};  // compared: its blobs are no longer needed
        },
        [&](size_t i) {
            Compared& slot = ring[i % ring.size()];
            if (!slot.impact) {
                report.problems.push_back(slot.error + "\n");
                return;
            }
            ConventionImpact& c = *slot.impact;
            CpasImpact& cpas = per_cpas[{c.cpas_nis, c.cpas_name}];
            if (cpas.totals.compared == 0) {
                cpas.nis = c.cpas_nis;
                cpas.name = c.cpas_name;
            }
            add_to(cpas.totals, c);
            add_to(report.total, c);
            if (c.changed()) cpas.conventions.push_back(std::move(c));
            slot = Compared{};
        });
    report.cpas.reserve(per_cpas.size());
    for (auto& [key, cpas] : per_cpas) report.cpas.push_back(std::move(cpas));
    return report;
}

}  // namespace activ
