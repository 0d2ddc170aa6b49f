// `activ convert`: conventions from YAML to JSON or back, or into one JSON Lines batch,
// on stdout.
#include <fmt/core.h>

#include <memory>
#include <string>
#include <vector>

#include "cli/commands/commands.hpp"
#include "engine/convert.hpp"

namespace activ::cli {

namespace {

struct ConvertOptions {
    std::vector<std::string> paths;
    std::string to;
    std::string input;  // yaml, json or jsonl; empty: by the file's name
};

int run_convert(const ConvertOptions& o) {
    std::string error;
    std::vector<ConventionSource> const sources = convention_sources(o.paths, o.input, error);
    if (!error.empty()) {
        fmt::print(stderr, "error: {}\n", error);
        return status_unreadable;
    }
    OutputFormat const to = o.to == "json"    ? OutputFormat::json
                            : o.to == "jsonl" ? OutputFormat::json_line
                                              : OutputFormat::yaml;
    if (to != OutputFormat::json_line && sources.size() != 1) {
        fmt::print(stderr,
                   "error: --to {} writes one convention, and {} were given{}; write them all "
                   "as one batch with --to jsonl, or name one line of a batch as "
                   "FILE.jsonl:LINE\n",
                   o.to, sources.size(), sources.empty() ? "" : fmt::format(" ({}, ...)", sources[0].name));
        return status_unreadable;
    }
    int status = status_clean;
    for (const auto& source : sources) {
        Conversion const conversion = convert_source(source, to);
        bool const invalid = print_diagnostics(conversion.diagnostics);
        if (!conversion.text) {
            status = status_unreadable;
            continue;
        }
        fmt::print("{}", *conversion.text);
        if (invalid && status == status_clean) status = status_findings;
    }
    return status;
}

}  // namespace

std::function<int()> setup_convert(CLI::App& sub) {
    auto o = std::make_shared<ConvertOptions>();
    sub.add_option("PATH", o->paths,
                   "Convention files (YAML, JSON or JSON Lines), folders of them, - for standard "
                   "input, or FILE.jsonl:LINE for one line of a batch, as reports name it")
        ->required();
    sub.add_option("--to", o->to,
                   "json or yaml: one convention, pretty-printed or in block style; jsonl: every "
                   "convention given, one per line, as a batch for activ check and db import")
        ->check(CLI::IsMember({"json", "yaml", "jsonl"}))
        ->required();
    add_input_option(sub, o->input);
    sub.footer(
        "Writes on stdout, value for value (comments are not carried over). Problems the "
        "loader finds in an input are printed on stderr, with its file, line and column; the "
        "conversion is still written. A convention that cannot be parsed is left out.\n"
        "Exit status: 0; 1 when an input is not a valid convention; 2 when one cannot be read "
        "or parsed (the worst over all inputs).");
    return [o] { return run_convert(*o); };
}

}  // namespace activ::cli
