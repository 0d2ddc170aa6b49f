// `activ test`: runs the rule tests kept beside the rules, and shows their coverage.
#include <fmt/core.h>

#include <memory>
#include <string>
#include <vector>

#include "cli/commands/commands.hpp"
#include "engine/rule_tests.hpp"

namespace activ::cli {

namespace {

struct TestOptions {
    std::vector<std::string> paths;
    bool coverage = false;
    int min_coverage = 0;
};

int run_tests(const TestOptions& o) {
    std::string error;
    std::vector<std::string> const files = find_rule_tests(o.paths, error);
    if (!error.empty()) {
        fmt::print(stderr, "error: {}\n", error);
        return status_unreadable;
    }
    RuleTestRun const run = run_rule_tests(files);
    bool const unreadable = print_diagnostics(run.diagnostics);
    fmt::print("{}", render_rule_test_failures(run.failures));
    if (o.coverage || o.min_coverage > 0) fmt::print("\n{}", render_coverage(run.coverage));
    fmt::print("{} test{} in {} file{}: {} passed, {} failed\n", run.tests, run.tests == 1 ? "" : "s",
               run.files, run.files == 1 ? "" : "s", run.passed, run.failures.size());
    if (unreadable) return status_unreadable;
    if (!run.failures.empty()) return status_findings;
    int const percent = coverage_percent(run.coverage);
    if (percent < o.min_coverage) {
        fmt::print(stderr,
                   "error: coverage {}% is below --min-coverage {}%: some rule or branch was never "
                   "seen firing, or never seen not firing (see the list above)\n",
                   percent, o.min_coverage);
        return status_findings;
    }
    return status_clean;
}

}  // namespace

std::function<int()> setup_test(CLI::App& sub) {
    auto o = std::make_shared<TestOptions>();
    sub.add_option("paths", o->paths, "Rule test files, or folders of them (*.test.yaml)")
        ->type_name("PATH")
        ->required();
    sub.add_flag("--coverage", o->coverage,
                 "List, per rule and classification branch, how many tests saw it fire and not "
                 "fire, grouped by the legal source and point it cites");
    sub.add_option("--min-coverage", o->min_coverage,
                   "Fail (exit 1) when fewer than this percent of the rules and branches were "
                   "seen both firing and not firing; implies --coverage")
        ->check(CLI::Range(0, 100))
        ->type_name("PERCENT");
    sub.footer(
        "A test file (docs/changing-rules.md) names its rule file and a base convention; each "
        "test changes the base and says what the rules must decide. Exit status: 0 when every "
        "test passes, 1 when one fails or coverage is too low, 2 when a file cannot be read.");
    return [o] { return run_tests(*o); };
}

}  // namespace activ::cli
