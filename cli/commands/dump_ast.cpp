// `activ dump-ast`: the parsed rule file printed back, to see what the grammar
// understood (and to debug a rule file that does not say what its author meant).
#include <fmt/core.h>

#include <memory>
#include <optional>
#include <string>

#include "cli/commands/commands.hpp"
#include "dsl-grammar/parse_rules.hpp"
#include "engine/read_file.hpp"

namespace activ::cli {

namespace {

int run_dump_ast(const std::string& path) {
    std::string why;
    std::optional<std::string> text = read_whole_file(path, why);
    if (!text) {
        print_diagnostics(
            {Diagnostic{Diagnostic::Level::error, path, 0, 0, "cannot read the file: " + why, ""}});
        return status_unreadable;
    }
    ParseResult parsed = parse_rules(*text, path);
    if (print_diagnostics(parsed.diagnostics) || !parsed.file) return status_unreadable;
    fmt::print("{}", print_ast(*parsed.file));
    return status_clean;
}

}  // namespace

std::function<int()> setup_dump_ast(CLI::App& sub) {
    auto path = std::make_shared<std::string>();
    sub.add_option("file", *path, "A rule file (.rules)")->required();
    return [path] { return run_dump_ast(*path); };
}

}  // namespace activ::cli
