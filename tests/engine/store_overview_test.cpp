// The national overview over a store of the shipped examples: every figure exact, taken
// from the stored results as they were decided.
#include "engine/store_overview.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "tests/support/store_query.hpp"
#include "tests/support/temp_folder.hpp"

namespace {

using activ::testing::TempFolder;

const activ::RuleOverview& rule(const activ::Overview& o, const std::string& id) {
    for (const auto& r : o.rules)
        if (r.rule == id) return r;
    FAIL("no rule " << id << " in the overview");
    return o.rules.front();
}

const activ::IndicatorOverview& indicator(const activ::Overview& o, const std::string& name) {
    for (const auto& v : o.indicators)
        if (v.name == name) return v;
    FAIL("no indicator " << name << " in the overview");
    return o.indicators.front();
}

}  // namespace

TEST_CASE("the 2015 overview: statuses, money per CPAS, findings per rule, indicators",
          "[store][overview]") {
    TempFolder folder("activ-overview");
    activ::Store store(activ::testing::example_store(folder.path), activ::Store::Mode::read_only);
    std::vector<std::string> detailed;
    activ::Overview const o = activ::overview_of_store(
        store, 2015, [&](const activ::CheckedConvention& c) {
            detailed.push_back(c.submission.convention_id);
            CHECK(c.result.convention_id == c.convention.id);
        });
    // Liège (62063) then Namur (92094): by NIS; Gent is of 2016.
    CHECK(detailed == std::vector<std::string>{"AS-2015-0117", "AS-2015-0311"});
    CHECK(o.error == 2);
    CHECK(o.warning == 0);
    CHECK(o.clean == 0);
    CHECK(o.unchecked == 0);
    CHECK(o.rejected.empty());
    REQUIRE(o.cpas.size() == 2);
    CHECK(o.cpas[0].name == "CPAS de Liège");
    CHECK(format_money(o.cpas[0].declared) == "5167.35");
    CHECK(format_money(o.cpas[0].eligible) == "3172.35");
    CHECK(format_money(o.cpas[0].ineligible) == "1995.00");
    CHECK(o.cpas[0].findings == 5);
    CHECK(format_money(o.declared) == "8781.35");
    CHECK(format_money(o.eligible) == "6786.35");
    CHECK(format_money(o.ineligible) == "1995.00");

    // Every rule that fired, with what it puts at stake when it is about expenses.
    CHECK(o.rules.size() == 12);
    CHECK(rule(o, "expense.share-basis").severity == "error");
    CHECK(format_money(*rule(o, "expense.share-basis").at_stake) == "960.00");
    CHECK(rule(o, "expense.share-basis").conventions == 1);
    CHECK_FALSE(rule(o, "trajectory.undeclared-action").at_stake);

    // Counts and sums add up over the CPAS; a ratio and an amount per person do not.
    CHECK(indicator(o, "participants").total == "6");
    CHECK(indicator(o, "participants").reported == 2);
    CHECK(indicator(o, "eligible_amount").total == "6786.35");
    CHECK(indicator(o, "progress_share").total.empty());
    CHECK_FALSE(indicator(o, "progress_share").additive);
    CHECK(indicator(o, "cost_per_participant").total.empty());
    CHECK(o.indicators.front().name == "participants");
}

TEST_CASE("most frequent rules come first; every year when none is asked", "[store][overview]") {
    TempFolder folder("activ-overview-all");
    activ::Store store(activ::testing::example_store(folder.path), activ::Store::Mode::read_only);
    size_t seen = 0;
    activ::Overview const o =
        activ::overview_of_store(store, std::nullopt, [&](const activ::CheckedConvention&) { ++seen; });
    CHECK(seen == 3);
    CHECK(o.clean + o.warning + o.error == 3);
    for (size_t i = 1; i < o.rules.size(); ++i) {
        CHECK((o.rules[i - 1].findings > o.rules[i].findings ||
               (o.rules[i - 1].findings == o.rules[i].findings &&
                o.rules[i - 1].rule < o.rules[i].rule)));
    }
}

TEST_CASE("a detail page's file name is safe and unique", "[store][overview]") {
    activ::SubmissionRow row;
    row.id = 42;
    row.convention_id = "AS/2015 <0117>";
    CHECK(activ::detail_file_name(row) == "AS_2015__0117_.42.html");
}
