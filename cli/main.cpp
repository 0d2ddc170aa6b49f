// The `activ` command: parses the command line and hands over to one subcommand.
// Domain logic lives in engine/; this only chooses, prints and sets the exit status.
#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>
#include <functional>
#include <utility>
#include <vector>

#include "cli/commands/commands.hpp"
#include "engine/process_memory.hpp"

#ifndef ACTIV_VERSION
#define ACTIV_VERSION "unknown"
#endif

namespace {

using namespace activ::cli;

std::function<int()> setup_version(CLI::App&) {
    return [] {
        fmt::print("activ {}\n", ACTIV_VERSION);
        return status_clean;
    };
}

const Command commands[] = {
    {"check", "Check convention files against the rules and report actions, findings and totals",
     setup_check},
    {"convert", "Write a convention in the other format (YAML as JSON, JSON as YAML), or "
                "conventions as one JSON Lines batch",
     setup_convert},
    {"db", "The administrators' store: init, import, check, list, show, export", setup_db},
    {"diff", "What changes between two rule files, and (--on) in what they decide over "
             "conventions",
     setup_diff},
    {"dump-ast", "Print a rule file as the grammar parsed it", setup_dump_ast},
    {"explain", "Why one action, expense, beneficiary, objective or the convention came out as "
                "it did: every rule on it and the value of each part of its conditions",
     setup_explain},
    {"fmt", "Rewrite rule files in the canonical layout (--check: only report)", setup_fmt},
    {"impact", "What would change if these rules replaced the current ones, over the store",
     setup_impact},
    {"lint", "Check rule files for errors and doubtful rules before they decide anything",
     setup_lint},
    {"report", "The overview of a store for managers: conventions by status, amounts per CPAS, "
               "frequent findings, indicators (HTML)",
     setup_report},
    {"test", "Run the rule tests kept beside the rules (*.test.yaml), and their coverage",
     setup_test},
    {"version", "Print the version of activ", setup_version},
};

int run(int argc, char** argv) {
    CLI::App app{
        "activ checks Belgian CPAS social-activation subsidy conventions against rule files.",
        "activ"};
    app.set_version_flag("--version", "activ " ACTIV_VERSION);
    app.require_subcommand(1);
    app.footer("Run `activ SUBCOMMAND --help` for the options of one subcommand.");
    std::vector<std::pair<CLI::App*, std::function<int()>>> chosen;
    for (const auto& command : commands) {
        CLI::App* sub = app.add_subcommand(command.name, command.help);
        chosen.emplace_back(sub, command.setup(*sub));
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {  // --help, --version
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return status_unreadable;
    }
    for (auto& [sub, action] : chosen)
        if (sub->parsed()) return action();
    return status_unreadable;  // unreachable: require_subcommand(1)
}

}  // namespace

int main(int argc, char** argv) {
    activ::keep_freed_memory();
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::fflush(stdout);
        fmt::print(stderr, "activ: {}\n", e.what());
    } catch (...) {
        std::fflush(stdout);
        fmt::print(stderr, "activ: unexpected failure\n");
    }
    return status_unreadable;
}
