// Gathers the national overview from the store: one convention at a time, each latest
// result read back from its stored report, so that the overview says what was decided
// and a convention's detail can be drawn from the same reading.
#include "engine/store_overview.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <stdexcept>

#include "engine/report.hpp"
#include "engine/store_batch.hpp"

namespace activ {

namespace {

void add_to(Money& sum, Money amount) {
    if (__builtin_add_overflow(sum.cents, amount.cents, &sum.cents))
        throw std::overflow_error("a sum over the store leaves 64 bits");
}

void add_totals(CpasOverview& cpas, const Totals& t) {
    add_to(cpas.declared, t.declared);
    add_to(cpas.eligible, t.eligible);
    add_to(cpas.ineligible, t.ineligible);
    add_to(cpas.eligible_capped, t.eligible_capped);
}

// An indicator's sums, exact: counts as integers, amounts in cents.
struct IndicatorSum {
    IndicatorOverview shown;
    int64_t count = 0;
    Money amount;
    bool summable = true;  // every value reported so far was a count, or every one an amount
};

void add_indicator(IndicatorSum& sum, const IndicatorValue& v) {
    if (v.kind == IndicatorValue::Kind::missing) {
        ++sum.shown.missing;
        return;
    }
    ++sum.shown.reported;
    if (!sum.shown.additive || !v.additive) {
        sum.shown.additive = false;
        return;
    }
    if (sum.shown.kind == IndicatorValue::Kind::missing) sum.shown.kind = v.kind;
    if (v.kind != sum.shown.kind) sum.summable = false;
    if (v.kind == IndicatorValue::Kind::count) {
        int64_t n = 0;
        auto [end, error] = std::from_chars(v.value.data(), v.value.data() + v.value.size(), n);
        if (error != std::errc() || end != v.value.data() + v.value.size() ||
            __builtin_add_overflow(sum.count, n, &sum.count))
            sum.summable = false;
    } else if (v.kind == IndicatorValue::Kind::amount) {
        auto const m = parse_money(v.value);
        if (!m || __builtin_add_overflow(sum.amount.cents, m->cents, &sum.amount.cents))
            sum.summable = false;
    } else {
        sum.summable = false;
    }
}

}  // namespace

Overview overview_of_store(Store& store, std::optional<int> year,
                           const std::function<void(const CheckedConvention&)>& each,
                           const std::function<void(size_t)>& progress) {
    Overview out;
    out.year = year;
    std::map<std::string, size_t> rule_index;
    std::vector<IndicatorSum> indicators;
    size_t done = 0;
    store.for_each_latest(year, [&](const SubmissionRow& row, const StoredModel& model,
                                    const StoredResult* stored) {
        if (out.cpas.empty() || out.cpas.back().nis != row.cpas_nis)
            out.cpas.push_back({row.cpas_nis, row.cpas_name, {}, {}, {}, {}, {}, 0});
        CpasOverview& cpas = out.cpas.back();
        OverviewConvention line{row, std::nullopt, 0};
        if (!stored) {
            ++out.unchecked;
            cpas.conventions.push_back(std::move(line));
            if (progress) progress(++done);
            return;
        }
        Result result;
        try {
            result = read_json_report(stored->report_json);
        } catch (const std::runtime_error& e) {
            throw StoreError(store.path() + ": result #" + std::to_string(stored->id) + ": " +
                             e.what());
        }
        std::string error;
        std::optional<Convention> const convention = stored_convention(store, model, error);
        if (!convention)
            throw StoreError(store.path() + ": submission #" + std::to_string(row.id) + ": " +
                             error);
        set_amounts_at_stake(result, *convention);

        line.totals = result.totals;
        line.finding_count = static_cast<int64_t>(result.findings.size());
        std::string const status = result_status(result);
        ++(status == "error" ? out.error : status == "warning" ? out.warning : out.clean);
        add_totals(cpas, result.totals);
        cpas.findings += line.finding_count;

        std::set<size_t> rules_here;
        for (const auto& f : result.findings) {
            auto [it, added] = rule_index.emplace(f.rule, out.rules.size());
            if (added) out.rules.push_back({f.rule, to_string(f.severity), f.cite, 0, 0, std::nullopt});
            RuleOverview& rule = out.rules[it->second];
            ++rule.findings;
            if (f.amount_at_stake) {
                if (!rule.at_stake) rule.at_stake = Money{};
                add_to(*rule.at_stake, *f.amount_at_stake);
            }
            if (rules_here.insert(it->second).second) ++rule.conventions;
        }
        for (const auto& v : result.indicators) {
            auto it = std::find_if(indicators.begin(), indicators.end(),
                                   [&](const IndicatorSum& s) { return s.shown.name == v.name; });
            if (it == indicators.end()) {
                IndicatorSum sum;
                sum.shown.name = v.name;
                sum.shown.label = v.label;
                sum.shown.unit = v.unit;
                sum.shown.additive = true;
                it = indicators.insert(indicators.end(), std::move(sum));
            }
            add_indicator(*it, v);
        }
        each(CheckedConvention{row, result, *convention});
        cpas.conventions.push_back(std::move(line));
        if (progress) progress(++done);
    });

    for (const auto& cpas : out.cpas) {
        add_to(out.declared, cpas.declared);
        add_to(out.eligible, cpas.eligible);
        add_to(out.ineligible, cpas.ineligible);
        add_to(out.eligible_capped, cpas.eligible_capped);
    }
    std::stable_sort(out.rules.begin(), out.rules.end(),
                     [](const RuleOverview& a, const RuleOverview& b) {
                         if (a.findings != b.findings) return a.findings > b.findings;
                         return a.rule < b.rule;
                     });
    for (auto& sum : indicators) {
        IndicatorOverview& shown = sum.shown;
        if (shown.additive && sum.summable && shown.reported > 0) {
            shown.total = shown.kind == IndicatorValue::Kind::count ? std::to_string(sum.count)
                                                                    : format_money(sum.amount);
        }
        out.indicators.push_back(std::move(shown));
    }
    ListFilter rejected;
    rejected.status = "rejected";
    out.rejected = store.list(rejected);
    return out;
}

std::string detail_file_name(const SubmissionRow& submission) {
    std::string name;
    for (char c : submission.convention_id) {
        bool const safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                          (c >= '0' && c <= '9') || c == '-' || c == '_';
        name += safe ? c : '_';
    }
    if (name.size() > 80) name.resize(80);
    name += '.';
    name += std::to_string(submission.id);
    name += ".html";
    return name;
}

}  // namespace activ
