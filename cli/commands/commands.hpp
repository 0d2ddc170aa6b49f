// The subcommands of `activ`: each declares its options on a CLI11 subcommand and
// hands back what to run once the command line is parsed. main.cpp holds the table.
#pragma once
#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

#include "dsl-grammar/diagnostic.hpp"

namespace activ::cli {

/// Exit statuses, as spec/convention-format.md promises them.
enum Status : int { status_clean = 0, status_findings = 1, status_unreadable = 2 };

/// Declares a subcommand's options on `sub`; the returned function runs it and gives
/// the exit status.
using Setup = std::function<int()> (*)(CLI::App& sub);

struct Command {
    const char* name;
    const char* help;
    Setup setup;
};

std::function<int()> setup_check(CLI::App& sub);
std::function<int()> setup_convert(CLI::App& sub);
std::function<int()> setup_db(CLI::App& sub);
std::function<int()> setup_diff(CLI::App& sub);
std::function<int()> setup_dump_ast(CLI::App& sub);
std::function<int()> setup_explain(CLI::App& sub);
std::function<int()> setup_fmt(CLI::App& sub);
std::function<int()> setup_impact(CLI::App& sub);
std::function<int()> setup_lint(CLI::App& sub);
std::function<int()> setup_report(CLI::App& sub);
std::function<int()> setup_test(CLI::App& sub);

/// Where rule files are chosen by year when no folder is given: $ACTIV_RULES_DIR, else
/// the shipped rules.
std::string default_rules_dir();

/// `--input yaml|json|jsonl`: how convention files are read when their names do not say.
void add_input_option(CLI::App& sub, std::string& input);

/// Renders every diagnostic to stderr, warnings too; true when one is an error.
bool print_diagnostics(const std::vector<Diagnostic>& diagnostics);

}  // namespace activ::cli
