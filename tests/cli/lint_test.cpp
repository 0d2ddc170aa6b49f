// `activ lint` from the command line: errors exit 2, warnings 0 or 1 with --strict.
#include <catch2/catch.hpp>

#include "tests/support/run_activ.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using Run = activ::testing::ActivRun;

Run lint(const std::string& arguments) { return activ::testing::run_activ("lint " + arguments); }

std::string temp_rules(const std::string& body) {
    std::string const path = "/tmp/activ-lint-" + std::to_string(::getpid()) + ".rules";
    std::ofstream(path) << "ruleset \"t\" version 1 applies 2015-01-01 .. 2015-12-31\n" << body;
    return path;
}

}  // namespace

TEST_CASE("the shipped rules pass lint --strict", "[cli][lint]") {
    Run r = lint("--strict rules/be/social-activation-2015.rules rules/be/social-activation-2016.rules");
    CHECK(r.status == 0);
    CHECK(r.err == "rules/be/social-activation-2015.rules: 0 errors, 0 warnings\n"
                   "rules/be/social-activation-2016.rules: 0 errors, 0 warnings\n");
}

TEST_CASE("warnings exit 0, or 1 with --strict, and show their position", "[cli][lint]") {
    std::string const path = temp_rules("param unused = 1\n");
    Run plain = lint(path);
    Run strict = lint("--strict " + path);
    std::remove(path.c_str());
    CHECK(plain.status == 0);
    CHECK(strict.status == 1);
    CHECK(plain.err.find(path + ":2:1: warning: parameter 'unused' is never used") == 0);
}

TEST_CASE("errors exit 2 with file, line and column", "[cli][lint]") {
    std::string const path =
        temp_rules("check r.1 on expense error when amout > 1\n  message en \"m\"\n");
    Run r = lint(path);
    std::remove(path.c_str());
    CHECK(r.status == 2);
    CHECK(r.err.find(path + ":2:33: error: unknown name 'amout'; did you mean 'amount'?") == 0);
}

TEST_CASE("the shipped rules are in the canonical layout", "[cli][fmt]") {
    CHECK(activ::testing::run_activ("fmt --check rules/be/social-activation-2015.rules "
                                    "rules/be/social-activation-2016.rules")
              .status == 0);
}
