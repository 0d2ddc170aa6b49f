// The impact of new rules over the store: each convention evaluated under both rulesets
// on the pool, compared there, and the differences totalled per CPAS in submission order.
#include "engine/impact.hpp"

#include <algorithm>
#include <exception>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "engine/ordered_pool.hpp"
#include "engine/ruleset.hpp"
#include "engine/ruleset_cache.hpp"
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

ConventionImpact compare(const Convention& c, int64_t submission_id, const Result& before,
                         const Result& after) {
    ConventionImpact out;
    static_cast<ResultComparison&>(out) = compare_results(c, before, after);
    out.submission_id = submission_id;
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
    RulesetCache picker("", options.rules_dir);
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
    run_over_stored(
        store, todo.size(), options.jobs, [&](size_t i) -> StoredModel& { return todo[i].stored; },
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
