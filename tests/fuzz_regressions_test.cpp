// Inputs the fuzz targets (fuzz/) once crashed or hung on, replayed the way each target
// ran them. Each input runs in a child process with a deadline, so that a crash or a hang
// is one failed check naming the file, not a dead or stuck test executable.
//   tests/fuzz-regressions/rules/       compiled as a rule file beside the shipped rules
//   tests/fuzz-regressions/convention/  loaded as a convention
//   tests/fuzz-regressions/evaluate/    loaded, evaluated against the shipped rules, rendered
//   tests/fuzz-regressions/open/TARGET/ the same, for bugs not fixed yet: reported, not failed
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "dsl-grammar/diagnostic.hpp"
#include "engine/load_convention.hpp"
#include "engine/report.hpp"
#include "engine/ruleset.hpp"
#include "tests/support/run_activ.hpp"

using namespace activ;

namespace {

namespace fs = std::filesystem;

const std::string regressions = ACTIV_SOURCE_DIR "/tests/fuzz-regressions/";
const std::string shipped_rules = ACTIV_SOURCE_DIR "/rules/be/";

std::vector<std::string> inputs_in(const std::string& folder) {
    std::vector<std::string> files;
    if (!fs::is_directory(folder)) return files;
    for (const auto& entry : fs::directory_iterator(folder)) {
        if (entry.is_regular_file()) files.push_back(entry.path().string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

/// Runs `work` in a child process: "" when it returns within `seconds`, else what went wrong.
/// Fuzz inputs hang (yaml-cpp loops) as often as they crash, hence the deadline.
std::string run_isolated(const std::function<void()>& work, int seconds = 10) {
    pid_t const child = ::fork();
    if (child < 0) return "cannot fork";
    if (child == 0) {
        rlimit const no_core{0, 0};
        ::setrlimit(RLIMIT_CORE, &no_core);  // a crash here is expected, its core is not
        work();
        std::_Exit(0);  // no exit handlers: they belong to the parent's Catch2 run
    }
    auto const deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    int status = 0;
    while (::waitpid(child, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(child, SIGKILL);
            ::waitpid(child, &status, 0);
            return "still running after " + std::to_string(seconds) + " s (a hang)";
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    if (WIFSIGNALED(status)) return "killed by signal " + std::to_string(WTERMSIG(status));
    if (WEXITSTATUS(status) != 0) {
        // A sanitizer report (printed above by the child) ends with a failing status.
        return "exited with status " + std::to_string(WEXITSTATUS(status));
    }
    return "";
}

const std::vector<std::string> example_files = {ACTIV_SOURCE_DIR "/examples/liege-2015.yaml",
                                                ACTIV_SOURCE_DIR "/examples/namur-2015.yaml",
                                                ACTIV_SOURCE_DIR "/examples/gent-2016.yaml"};

// The three fuzz targets, as fuzz/fuzz_*.cpp run an input.
void compile_rules(const std::string& text) {
    // Named as if beside the shipped rules, where `extends` finds them, as in scripts/fuzz.
    CompiledRuleset const rules = compile_ruleset_text(text, shipped_rules + "fuzz.rules");
    if (!rules.program) return;
    for (const auto& file : example_files) {
        LoadedConvention const example = load_convention_file(file);
        if (!example.convention) std::abort();
        Result const result = evaluate(*rules.program, rules.info, *example.convention, {"en"});
        render_json(result);
        render_text(result, "en");
    }
}
void load_convention(const std::string& text) {
    load_convention_text(text, "fuzz.yaml");
    load_convention_text(text, "fuzz.json", {}, InputFormat::json);
}
void evaluate_convention(const std::string& text) {
    LoadedConvention const loaded = load_convention_text(text, "fuzz.yaml");
    if (!loaded.convention) return;
    static const char* const languages[] = {"fr", "nl", "en"};
    std::string const language = languages[text.size() % 3];
    for (const char* name : {"social-activation-2015.rules", "social-activation-2016.rules"}) {
        CompiledRuleset const rules = compile_ruleset_file(shipped_rules + name);
        if (!rules.program) std::abort();
        Result const result = evaluate(*rules.program, rules.info, *loaded.convention, {language});
        render_json(result);
        render_text(result, language);
    }
}

void replay(const std::string& folder, void (*target)(const std::string&)) {
    for (const auto& file : inputs_in(folder)) {
        std::string const text = testing::slurp(file);
        INFO(file);
        CHECK(run_isolated([&] { target(text); }) == "");
    }
}

}  // namespace

TEST_CASE("rule files that once crashed the compiler compile to diagnostics", "[fuzz]") {
    replay(regressions + "rules", compile_rules);
}

TEST_CASE("conventions that once crashed the loader load to diagnostics", "[fuzz]") {
    replay(regressions + "convention", load_convention);
}

TEST_CASE("conventions that once crashed the evaluator are evaluated and rendered", "[fuzz]") {
    replay(regressions + "evaluate", evaluate_convention);
}

// Bugs found but not fixed yet (each file says why; none at the moment): the run shows
// them without failing. Once one passes, move it to its target's folder above.
TEST_CASE("open fuzz findings", "[fuzz][!mayfail]") {
    replay(regressions + "open/rules", compile_rules);
    replay(regressions + "open/convention", load_convention);
    replay(regressions + "open/evaluate", evaluate_convention);
}

TEST_CASE("a hang or a crash in a replayed input is a failed check, not a stuck run", "[fuzz]") {
    CHECK(run_isolated([] {}) == "");
    CHECK(run_isolated([] { std::abort(); }) == "killed by signal " + std::to_string(SIGABRT));
    CHECK(run_isolated([] { std::_Exit(3); }) == "exited with status 3");
    auto const hang = [] {
        for (;;) ::pause();
    };
    CHECK(run_isolated(hang, 1) == "still running after 1 s (a hang)");
}

// What the fixed inputs now give, beyond not crashing.

TEST_CASE("a number in a rule too large for the kind it is compared with is a compile error",
          "[fuzz]") {
    CompiledRuleset const rules =
        compile_ruleset_file(regressions + "rules/share-literal-too-large.rules");
    REQUIRE_FALSE(rules.program);
    // Then, as for `share > 2`, the comparison that lost its operand is an error too.
    REQUIRE_FALSE(rules.diagnostics.empty());
    CHECK(rules.diagnostics[0].line == 8);
    CHECK(rules.diagnostics[0].message == "this number is too large for a share");
}

TEST_CASE("arithmetic beyond 64 bits in a rule is a value too large to compute", "[fuzz]") {
    CompiledRuleset const rules =
        compile_ruleset_file(regressions + "rules/arithmetic-overflow.rules");
    REQUIRE(rules.program);
    LoadedConvention const liege = load_convention_file(example_files[0]);
    REQUIRE(liege.convention);
    Result const result = evaluate(*rules.program, rules.info, *liege.convention, {"en"});
    std::vector<std::string> undecided;
    for (const auto& f : result.findings) {
        INFO(f.rule << ": " << f.message);
        CHECK(f.severity == Severity::warning);
        CHECK(f.message.find("a value too large to compute") != std::string::npos);
        undecided.push_back(f.rule);
    }
    CHECK(undecided == std::vector<std::string>{"convention.product", "convention.amount-product",
                                                "convention.quotient", "convention.sum",
                                                "convention.difference", "convention.negation",
                                                "indicator.too_large"});
    REQUIRE(result.indicators.size() == 1);
    CHECK(result.indicators[0].kind == IndicatorValue::Kind::missing);
}

TEST_CASE("expenses that add up beyond 64 bits are an error finding and no totals", "[fuzz]") {
    LoadedConvention const loaded =
        load_convention_file(regressions + "evaluate/totals-too-large.yaml");
    REQUIRE(loaded.convention);
    CompiledRuleset const rules = compile_ruleset_file(shipped_rules + "social-activation-2015.rules");
    REQUIRE(rules.program);
    Result const result = evaluate(*rules.program, rules.info, *loaded.convention, {"en"});
    std::vector<const Finding*> too_large;
    for (const auto& f : result.findings) {
        if (f.rule == "convention.totals-too-large") too_large.push_back(&f);
    }
    REQUIRE(too_large.size() == 1);
    CHECK(too_large[0]->severity == Severity::error);
    CHECK(too_large[0]->subject_id == "T-1");
    CHECK(too_large[0]->message ==
          "the expenses of convention T-1 add up to more than 92233720368547758.07 EUR, which "
          "activ cannot total: no totals are computed");
    CHECK(result.totals.declared.cents == 0);
    CHECK(result.totals.eligible.cents == 0);
    CHECK_FALSE(result.totals.balance_due);
    CHECK_FALSE(result.totals.to_recover);
    CHECK(has_errors(result));
}
