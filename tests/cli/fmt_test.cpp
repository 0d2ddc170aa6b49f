// `activ fmt` end to end: --check reports without touching, a plain run rewrites in
// place, `-` filters standard input, a syntax error exits 2 with the diagnostic.
#include <catch2/catch.hpp>

#include "tests/support/run_activ.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using activ::testing::slurp;
using Run = activ::testing::ActivRun;

void spit(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

/// Runs `activ ARGUMENTS` in `folder`, standard input from /dev/null unless given.
Run run_in(const std::string& folder, const std::string& arguments,
          const std::string& input = "/dev/null") {
    return activ::testing::run_activ(arguments, folder, input);
}

const std::string unformatted =
    "ruleset \"t\" version 1 applies 2015-01-01 .. 2015-12-31\n"
    "param a = 1   # one\n"
    "check x.y on expense error when (a > 1) message en \"m\"\n";
const std::string formatted =
    "ruleset \"t\" version 1\n"
    "  applies 2015-01-01 .. 2015-12-31\n"
    "\n"
    "param a = 1  # one\n"
    "\n"
    "check x.y on expense\n"
    "  error when a > 1\n"
    "  message en \"m\"\n";

}  // namespace

TEST_CASE("fmt --check exits 1 on an unformatted file, fmt rewrites it, then --check exits 0",
          "[fmt][cli]") {
    std::string const folder = std::filesystem::temp_directory_path().string() +
                               "/activ-fmt-test-" + std::to_string(::getpid());
    std::filesystem::create_directories(folder);
    spit(folder + "/a.rules", unformatted);
    spit(folder + "/b.rules", formatted);

    Run check = run_in(folder, "fmt --check a.rules b.rules");
    CHECK(check.status == 1);
    CHECK(check.err == "a.rules: not formatted\n");
    CHECK(check.out.empty());
    CHECK(slurp(folder + "/a.rules") == unformatted);

    Run rewrite = run_in(folder, "fmt a.rules b.rules");
    CHECK(rewrite.status == 0);
    CHECK(rewrite.err.empty());
    CHECK(slurp(folder + "/a.rules") == formatted);
    CHECK(run_in(folder, "fmt --check a.rules b.rules").status == 0);

    spit(folder + "/in.rules", unformatted);
    Run piped = run_in(folder, "fmt -", "in.rules");
    CHECK(piped.status == 0);
    CHECK(piped.out == formatted);
    CHECK(run_in(folder, "fmt --check -", "in.rules").status == 1);

    spit(folder + "/bad.rules", "ruleset \"t\" version 1 applies 2015-01-01 .. 2015-12-31\n"
                                "check x.y on expense fatal when a\n");
    Run bad = run_in(folder, "fmt bad.rules");
    CHECK(bad.status == 2);
    CHECK(bad.err ==
          "bad.rules:2:22: error: expected a severity (error, warning or info), found 'fatal'\n"
          "    check x.y on expense fatal when a\n"
          "                         ^\n");
    CHECK(run_in(folder, "fmt missing.rules").status == 2);

    // Only the rule files are left: no temporary file beside them.
    std::size_t rules = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        rules += entry.path().extension() == ".rules";
        CHECK(entry.path().filename().string().find(".fmt-") == std::string::npos);
    }
    CHECK(rules == 4);
    std::filesystem::remove_all(folder);
}
