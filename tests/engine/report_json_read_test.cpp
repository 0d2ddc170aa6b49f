// A stored JSON report read back into a Result: what `activ db show --format html` and
// `activ report` show is exactly what was decided, whatever the rules say today.
#include <catch2/catch.hpp>

#include <string>

#include "engine/report.hpp"
#include "engine/ruleset.hpp"
#include "tests/support/check_convention.hpp"

using activ::testing::check_example;

TEST_CASE("a JSON report read back renders the same JSON, text and HTML", "[report]") {
    for (const char* name : {"liege-2015.yaml", "gent-2016.yaml", "namur-2015.yaml"}) {
        INFO(name);
        activ::testing::CheckedConvention const checked = check_example(name);
        std::string const json = activ::render_json(checked.result);
        activ::Result back = activ::read_json_report(json);
        CHECK(activ::render_json(back) == json);
        CHECK(activ::render_text(back, "fr") == activ::render_text(checked.result, "fr"));
        CHECK(activ::render_html(back, checked.convention, "nl") ==
              activ::render_html(checked.result, checked.convention, "nl"));
        REQUIRE(back.findings.size() == checked.result.findings.size());
        activ::set_amounts_at_stake(back, checked.convention);
        for (size_t i = 0; i < back.findings.size(); ++i)
            CHECK(back.findings[i].amount_at_stake == checked.result.findings[i].amount_at_stake);
    }
}

TEST_CASE("indicators say whether their sum over conventions means something", "[report]") {
    activ::Result const back =
        activ::read_json_report(activ::render_json(check_example("liege-2015.yaml").result));
    auto additive = [&](const std::string& name) {
        for (const auto& v : back.indicators)
            if (v.name == name) return v.additive;
        FAIL("no indicator " << name);
        return false;
    };
    CHECK(additive("participants"));     // a count
    CHECK(additive("eligible_amount"));  // a sum, through a definition
    CHECK_FALSE(additive("progress_share"));        // a ratio
    CHECK_FALSE(additive("cost_per_participant"));  // an amount per participant
    CHECK(back.indicators.front().name == "participants");  // the ruleset's order, kept
}

TEST_CASE("a report that is not one is refused with a reason", "[report]") {
    CHECK_THROWS_WITH(activ::read_json_report("{"), Catch::Contains("not JSON"));
    CHECK_THROWS_WITH(activ::read_json_report(R"({"schema": "activ.result/1"})"),
                      Catch::Contains("not an activ.result/2"));
    CHECK_THROWS_WITH(
        activ::read_json_report(R"({"schema": "activ.result/2", "totals": {"declared": "x"}})"),
        Catch::Contains("'declared' is not an amount"));
    CHECK_THROWS_WITH(activ::read_json_report(
                          R"({"schema": "activ.result/2", "findings": [{"severity": "fatal"}]})"),
                      Catch::Contains("unknown kind 'fatal'"));
}
