// Rule tests: files kept beside the rules (`*.test.yaml`) that say, for small conventions,
// what the rules must decide: classes, eligibility, findings, totals, indicators. A policy
// officer runs them after every change (`activ test rules/be/`), and their coverage says
// which rules, grouped by the legal source they cite, were seen both firing and not.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "dsl-grammar/diagnostic.hpp"
#include "engine/result.hpp"

namespace activ {

/// One test that did not hold: where it is written, and each expectation it missed.
struct RuleTestFailure {
    std::string file;
    int line = 0;
    int column = 0;
    std::string name;
    std::vector<std::string> problems;  // "expected ..., got ..." with the rule's file:line
};

/// A rule or a classification branch, where it is written, and how often tests saw it.
struct CoverageItem {
    std::string rule;  // its id: a check's, or a classification branch's
    bool branch = false;
    std::string file;
    int line = 0;
    Citation citation;
    int64_t fired = 0;      // tests in which it fired (a check) or decided (a branch)
    int64_t not_fired = 0;  // tests in which it was tried on a subject and did not
};

struct RuleTestRun {
    size_t files = 0;
    size_t tests = 0;
    size_t passed = 0;
    std::vector<RuleTestFailure> failures;
    /// Test files or rules that could not be read or compiled: nothing of them ran.
    std::vector<Diagnostic> diagnostics;
    /// Every rule and branch of every ruleset the tests used, by file and line.
    std::vector<CoverageItem> coverage;
};

/// The rule test files named by `paths`: files as given, and every *.test.yaml under a
/// folder. `error` says why a folder gave none.
std::vector<std::string> find_rule_tests(const std::vector<std::string>& paths,
                                         std::string& error);

/// Runs every test of every file.
RuleTestRun run_rule_tests(const std::vector<std::string>& files);

/// Failures as people read them: `file:line:col: test "name" failed`, then each problem.
std::string render_rule_test_failures(const std::vector<RuleTestFailure>& failures);

/// The coverage, grouped by rule file, then by the source cited and its point: how many
/// rules and branches were seen both firing and not firing, and which were not.
std::string render_coverage(const std::vector<CoverageItem>& coverage);

/// The share of items seen both firing and not firing, in percent, rounded down; 100
/// when there is none.
int coverage_percent(const std::vector<CoverageItem>& coverage);

}  // namespace activ
