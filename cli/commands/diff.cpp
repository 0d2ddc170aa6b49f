// `activ diff`: what a change to the rules changes, in the rules and (--on) in what they
// decide over convention files (engine/ruleset_diff).
#include <fmt/core.h>

#include <memory>
#include <string>
#include <vector>

#include "cli/commands/commands.hpp"
#include "engine/batch.hpp"
#include "engine/ruleset_diff.hpp"

namespace activ::cli {

namespace {

struct DiffOptions {
    RulesetDiffOptions diff;
    std::vector<std::string> on;
    std::string format = "text";
};

int run_diff(DiffOptions& options) {
    options.diff.evaluate = !options.on.empty();
    if (options.diff.evaluate) {
        std::string error;
        options.diff.conventions = expand_convention_paths(options.on, error);
        if (!error.empty()) {
            fmt::print(stderr, "error: {}\n", error);
            return status_unreadable;
        }
    }
    RulesetDiff const diff = diff_rulesets(options.diff);
    print_diagnostics(diff.diagnostics);
    if (!diff.compiled) return status_unreadable;
    fmt::print("{}", options.format == "json" ? render_rules_diff_json(diff)
                                              : render_rules_diff_text(diff));
    if (diff.unreadable_conventions > 0) return status_unreadable;
    return diff.rules_differ() ? status_findings : status_clean;
}

}  // namespace

std::function<int()> setup_diff(CLI::App& sub) {
    auto options = std::make_shared<DiffOptions>();
    sub.add_option("old", options->diff.old_rules, "The rule file as it is")
        ->type_name("OLD.rules")
        ->required();
    sub.add_option("new", options->diff.new_rules, "The rule file as it would be")
        ->type_name("NEW.rules")
        ->required();
    sub.add_option("--on", options->on,
                   "Convention files, or folders (every *.yaml and *.yml under them): evaluate "
                   "each under both rulesets and list what it decides differently")
        ->type_name("PATH")
        ->expected(1, -1);
    sub.add_option("--format", options->format,
                   "text (for people) or json (one document, schema activ.rules-diff/1)")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    sub.footer(
        "Compares the effective rulesets of two rule files (each with the files it extends,\n"
        "overrides applied), declaration by declaration in the canonical form of `activ fmt`,\n"
        "so that comments and layout do not count. Lists, by id, the header fields, sources,\n"
        "parameters (old value -> new value, or the `from DAY: value` lines) and rules\n"
        "(classification branches, checks, definitions, indicators) added, removed or\n"
        "changed, with `-`/`+` lines of their canonical text. With --on, each convention is\n"
        "evaluated under both: expenses newly refused or accepted with their charge and the\n"
        "rules that refuse them, actions and beneficiaries classified otherwise, findings\n"
        "added or removed, the eligible total before and after.\n"
        "Exit status: 0 when both rulesets say the same, 1 when they differ, 2 when a rule\n"
        "file or a convention cannot be read or compiled (file:line:col: error: ...).");
    return [options] { return run_diff(*options); };
}

}  // namespace activ::cli
