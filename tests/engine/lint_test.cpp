// `activ lint`'s warnings: valid rules that cannot mean what their author meant.
#include <catch2/catch.hpp>

#include "engine/ruleset.hpp"

using namespace activ;

namespace {

std::vector<std::string> lint(const std::string& body) {
    CompiledRuleset r = compile_ruleset_text(
        "ruleset \"t\" version 1 applies 2015-01-01 .. 2015-12-31\n" + body, "t.rules");
    for (const auto& d : r.diagnostics) FAIL_CHECK(render(d));
    std::vector<std::string> out;
    for (const auto& d : r.lint) {
        out.push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + d.message);
    }
    return out;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("the shipped rules have nothing to lint", "[lint]") {
    for (const char* file : {"/rules/be/social-activation-2015.rules",
                             "/rules/be/social-activation-2016.rules"}) {
        CompiledRuleset r = compile_ruleset_file(std::string(ACTIV_SOURCE_DIR) + file);
        CHECK(r.diagnostics.empty());
        for (const auto& d : r.lint) FAIL_CHECK(render(d));
    }
}

TEST_CASE("a parameter never used is reported", "[lint]") {
    CHECK(lint("param used = 1\nparam unused = 2\n"
               "check r.1 on convention error when cpas_count > used\n  message en \"m\"\n") ==
          Lines{"3:1: parameter 'unused' is never used"});
}

TEST_CASE("a category two branches decide differently, and a branch that cannot decide",
          "[lint]") {
    CHECK(lint("param social = {language_course, volunteering}\n"
               "classify action\n"
               "  rule a.1 social when category in social\n"
               "  rule a.2 professional when category = volunteering\n"
               "  rule a.3 professional when category = volunteering and kind = collective\n"
               "  rule a.4 social when category = other\n"
               "  otherwise unclassified\n") ==
          Lines{"5:3: category 'volunteering' is decided social by rule a.1 (line 4) and "
                "professional by rule a.2: the earlier rule always wins",
                "5:3: rule a.2 can never decide: earlier rules decide every category it tests",
                "6:3: category 'volunteering' is decided social by rule a.1 (line 4) and "
                "professional by rule a.3: the earlier rule always wins",
                "6:3: rule a.3 can never decide: earlier rules decide every category it tests"});
}

TEST_CASE("an exception that falls through leaves the category open", "[lint]") {
    CHECK(lint("classify action\n"
               "  rule a.1 social when category = volunteering\n"
               "    unless kind = individual\n"
               "  rule a.2 professional when category = volunteering\n"
               "  otherwise unclassified\n")
              .empty());
}

TEST_CASE("a check whose condition is constant is reported", "[lint]") {
    CHECK(lint("check r.1 on convention error when false\n  message en \"m\"\n") ==
          Lines{"2:36: this check can never fire: its condition is always false"});
}
