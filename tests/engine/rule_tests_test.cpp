// Rule tests as a policy officer writes them: a base convention, changes to it, and what
// the rules must decide; failures say what was expected and what the rules did, with the
// rule's file and line; coverage counts each rule seen firing and not firing.
#include "engine/rule_tests.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <string>

#include "tests/support/temp_folder.hpp"

namespace {

using activ::testing::TempFolder;

const std::string rules_2015 = ACTIV_SOURCE_DIR "/rules/be/social-activation-2015.rules";
const std::string base_2015 = ACTIV_SOURCE_DIR "/rules/be/tests/base-2015.yaml";

std::string write(const TempFolder& folder, const std::string& name, const std::string& text) {
    std::string const path = (folder.path / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

std::string test_file(const std::string& tests) {
    return "format: rules-test/1\nrules: " + rules_2015 + "\nbase: " + base_2015 +
           "\ntests:\n" + tests;
}

const activ::CoverageItem& item(const activ::RuleTestRun& run, const std::string& rule) {
    for (const auto& i : run.coverage)
        if (i.rule == rule) return i;
    FAIL("no coverage item " << rule);
    return run.coverage.front();
}

}  // namespace

TEST_CASE("a change merges into the base: by id, added, removed, a key taken out",
          "[rule-tests]") {
    TempFolder folder("activ-rule-tests-merge");
    std::string const path = write(folder, "merge.test.yaml", test_file(R"(
  - name: E1 changed in place, E2 added
    change:
      expenses:
        - {id: E1, amount: 40.00}
        - {id: E2, date: 2015-05-05, amount: 60.00, action: A1, cost_type: operating, document: F-2}
    expect:
      findings: []
      totals: {declared: 100.00}
  - name: E1 removed, so nothing is declared
    change:
      expenses:
        - {id: E1, remove: true}
    expect:
      totals: {declared: 0.00}
  - name: a key set to ~ is taken out
    change:
      expenses:
        - {id: E1, document: ~}
    expect:
      findings: [expense.supporting-document E1]
)"));
    activ::RuleTestRun const run = activ::run_rule_tests({path});
    INFO(activ::render_rule_test_failures(run.failures));
    CHECK(run.diagnostics.empty());
    CHECK(run.tests == 3);
    CHECK(run.passed == 3);
}

TEST_CASE("a failure says what was expected, what the rules decided, and where the rule is",
          "[rule-tests]") {
    TempFolder folder("activ-rule-tests-fail");
    std::string const path = write(folder, "fail.test.yaml", test_file(R"(
  - name: claims the late expense is fine
    change:
      expenses:
        - {id: E1, date: 2016-01-08}
    expect:
      status: clean
      findings: []
      totals: {eligible: 100.00}
  - name: names a rule that does not exist
    expect:
      fires: [expense.in-perod]
)"));
    activ::RuleTestRun const run = activ::run_rule_tests({path});
    REQUIRE(run.failures.size() == 2);
    const auto& late = run.failures[0];
    CHECK(late.line == 6);
    CHECK(late.column == 5);
    CHECK(late.name == "claims the late expense is fine");
    REQUIRE(late.problems.size() == 3);
    CHECK(late.problems[0] == "expected status clean, got error (findings: expense.in-period E1)");
    CHECK(late.problems[1].rfind("unexpected finding expense.in-period E1 from expense.in-period (" +
                                     rules_2015 + ":143): Expense E1 of 2016-01-08",
                                 0) == 0);
    CHECK(late.problems[2] == "expected the total eligible to be 100.00, got 0.00");
    CHECK(run.failures[1].problems ==
          std::vector<std::string>{
              "no rule 'expense.in-perod' in these rules (did you mean 'expense.in-period'?)"});
    CHECK(activ::render_rule_test_failures({late}).rfind(
              path + ":6:5: test \"claims the late expense is fine\" failed\n  - expected status "
                     "clean",
              0) == 0);
}

TEST_CASE("a mistake in a test file is an error at its line and column", "[rule-tests]") {
    TempFolder folder("activ-rule-tests-bad");
    std::string const path = write(folder, "bad.test.yaml", test_file(R"(
  - name: a typo in a key
    expekt: {status: clean}
)"));
    activ::RuleTestRun const run = activ::run_rule_tests({path});
    CHECK(run.tests == 0);
    REQUIRE(run.diagnostics.size() == 2);
    CHECK(run.diagnostics[0].line == 6);
    CHECK(run.diagnostics[1].message == "unknown key 'expekt' in a test (did you mean 'expect'?)");
    CHECK(run.diagnostics[1].line == 7);
    CHECK(run.diagnostics[1].column == 5);

    std::string const no_rules =
        write(folder, "no-rules.test.yaml", "format: rules-test/1\ntests:\n  - name: x\n");
    activ::RuleTestRun const second = activ::run_rule_tests({no_rules});
    REQUIRE_FALSE(second.diagnostics.empty());
    CHECK(second.diagnostics[0].message ==
          "expected `rules:` the rule file these tests are for, relative to this file");
}

TEST_CASE("coverage counts the tests that saw each rule fire, and not fire", "[rule-tests]") {
    TempFolder folder("activ-rule-tests-coverage");
    std::string const path = write(folder, "coverage.test.yaml", test_file(R"(
  - name: nothing fires on the base
    expect: {findings: []}
  - name: a late expense
    change:
      expenses:
        - {id: E1, date: 2016-01-08}
    expect: {findings: [expense.in-period E1]}
  - name: a late expense beside a good one
    change:
      expenses:
        - {id: E2, date: 2016-01-09, amount: 5.00, action: A1, cost_type: operating, document: F-2}
    expect: {findings: [expense.in-period E2]}
)"));
    activ::RuleTestRun const run = activ::run_rule_tests({path});
    INFO(activ::render_rule_test_failures(run.failures));
    REQUIRE(run.passed == 3);
    // Fired in the two tests with a late expense; seen not firing on E1 in the first and
    // the third.
    CHECK(item(run, "expense.in-period").fired == 2);
    CHECK(item(run, "expense.in-period").not_fired == 2);
    CHECK(item(run, "expense.in-period").line == 143);
    CHECK(item(run, "expense.double-funding").fired == 0);
    // The language course is decided by the social branch in every test: the others are
    // seen not deciding, the social one never.
    CHECK(item(run, "activation.social-category").fired == 3);
    CHECK(item(run, "activation.social-category").not_fired == 0);
    CHECK(item(run, "activation.professional-category").not_fired == 3);
    CHECK(item(run, "activation.professional-words").fired == 0);
    CHECK(item(run, "activation.professional-words").not_fired == 3);
    CHECK(activ::coverage_percent(run.coverage) < 100);
    std::string const text = activ::render_coverage(run.coverage);
    CHECK(text.find("    point 3.C: 1 of 4 tested both ways\n") != std::string::npos);
    CHECK(text.find("      expense.in-period                            line  143: fired in 2, "
                    "not in 2\n") != std::string::npos);
}
