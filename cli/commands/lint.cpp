// `activ lint`: every problem of rule files, before they decide anything: compile errors
// (exit 2) and the warnings of engine/lint (exit 0, or 1 with --strict).
#include <fmt/core.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands/commands.hpp"
#include "engine/ruleset.hpp"

namespace activ::cli {

namespace {

struct LintOptions {
    std::vector<std::string> files;
    bool strict = false;
};

int run_lint(const LintOptions& options) {
    int status = status_clean;
    for (const auto& file : options.files) {
        CompiledRuleset compiled = compile_ruleset_file(file);
        std::vector<Diagnostic> all = compiled.diagnostics;
        all.insert(all.end(), compiled.lint.begin(), compiled.lint.end());
        sort_by_position(all);
        bool const failed = print_diagnostics(all);
        auto const errors = static_cast<size_t>(std::count_if(
            all.begin(), all.end(), [](auto& d) { return d.level == Diagnostic::Level::error; }));
        size_t const warnings = all.size() - errors;
        if (failed || !compiled.program) {
            status = status_unreadable;
        } else if (warnings > 0 && options.strict) {
            status = std::max(status, static_cast<int>(status_findings));
        }
        fmt::print(stderr, "{}: {} error{}, {} warning{}\n", file, errors, errors == 1 ? "" : "s",
                   warnings, warnings == 1 ? "" : "s");
    }
    return status;
}

}  // namespace

std::function<int()> setup_lint(CLI::App& sub) {
    auto options = std::make_shared<LintOptions>();
    sub.add_option("files", options->files, "Rule files (.rules); a file that extends another "
                                            "is checked together with it")
        ->required();
    sub.add_flag("--strict", options->strict, "Exit 1 when there are warnings");
    return [options] { return run_lint(*options); };
}

}  // namespace activ::cli
