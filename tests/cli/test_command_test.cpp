// `activ test` as a policy officer runs it after changing a rule: the shipped rules'
// tests pass and exercise every rule both ways; a failing test is exit 1, a broken file 2.
#include <catch2/catch.hpp>

#include <fstream>
#include <string>

#include "tests/support/run_activ.hpp"
#include "tests/support/temp_folder.hpp"

using activ::testing::run_activ;

TEST_CASE("test: every shipped rule is tested, firing and not firing", "[cli][rule-tests]") {
    auto const run = run_activ("test rules/be/ --min-coverage 100");
    INFO(run.out << run.err);
    CHECK(run.status == 0);
    CHECK(run.out.find(" failed\n") != std::string::npos);
    CHECK(run.out.find(", 0 failed\n") != std::string::npos);
    CHECK(run.out.find("tested both ways (100%)\n") != std::string::npos);
    CHECK(run.out.find("NEVER") == std::string::npos);
}

TEST_CASE("test: a failing test is exit 1 and says why", "[cli][rule-tests]") {
    activ::testing::TempFolder folder("activ-test-command");
    std::string const path = (folder.path / "late.test.yaml").string();
    std::ofstream(path, std::ios::binary) << "format: rules-test/1\n"
                                             "rules: " ACTIV_SOURCE_DIR
                                             "/rules/be/social-activation-2015.rules\n"
                                             "base: " ACTIV_SOURCE_DIR
                                             "/rules/be/tests/base-2015.yaml\n"
                                             "tests:\n"
                                             "  - name: a late expense, wrongly expected clean\n"
                                             "    change: {expenses: [{id: E1, date: 2016-01-08}]}\n"
                                             "    expect: {status: clean}\n";
    auto const run = run_activ("test " + path);
    CHECK(run.status == 1);
    CHECK(run.out == path +
                         ":5:5: test \"a late expense, wrongly expected clean\" failed\n"
                         "  - expected status clean, got error (findings: expense.in-period E1)\n"
                         "1 test in 1 file: 0 passed, 1 failed\n");
    auto const coverage = run_activ("test " + path + " --coverage");
    CHECK(coverage.out.find("expense.in-period                            line  143: fired in 1, "
                            "not in 0  NEVER SEEN NOT FIRING\n") != std::string::npos);
}

TEST_CASE("test: no test files, or a broken one, is exit 2", "[cli][rule-tests]") {
    activ::testing::TempFolder folder("activ-test-command-empty");
    auto const empty = run_activ("test " + folder.path.string());
    CHECK(empty.status == 2);
    CHECK(empty.err == "error: " + folder.path.string() +
                           ": no rule test file (*.test.yaml) in this folder\n");
    std::string const path = (folder.path / "broken.test.yaml").string();
    std::ofstream(path, std::ios::binary) << "format: rules-test/1\nrules: [\n";
    auto const broken = run_activ("test " + path);
    CHECK(broken.status == 2);
    CHECK(broken.err.find(path + ":") == 0);
}
