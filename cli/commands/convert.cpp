// `activ convert`: one convention from YAML to JSON or back, on stdout.
#include <fmt/core.h>

#include <iostream>
#include <iterator>
#include <memory>
#include <string>

#include "cli/commands/commands.hpp"
#include "engine/convert.hpp"
#include "engine/read_file.hpp"

namespace activ::cli {

namespace {

struct ConvertOptions {
    std::string file;
    std::string to;
    std::string input;  // yaml or json; empty: by the file's name
};

int run_convert(const ConvertOptions& o) {
    std::string text;
    std::string const name = o.file == "-" ? std::string("<stdin>") : o.file;
    if (o.file == "-") {
        text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    } else {
        std::string error;
        auto read = read_whole_file(o.file, error, ConventionLimits{}.max_file_bytes + 3);
        if (!read) {
            fmt::print(stderr, "{}: error: cannot read file: {}\n", o.file, error);
            return status_unreadable;
        }
        text = std::move(*read);
    }
    InputFormat const from = o.input.empty() ? input_format_of(o.file)
                             : o.input == "json" ? InputFormat::json
                                                 : InputFormat::yaml;
    InputFormat const to = o.to == "json" ? InputFormat::json : InputFormat::yaml;
    Conversion const conversion = convert_convention(text, name, from, to);
    bool const invalid = print_diagnostics(conversion.diagnostics);
    if (!conversion.text) return status_unreadable;
    fmt::print("{}", *conversion.text);
    return invalid ? status_findings : status_clean;
}

}  // namespace

std::function<int()> setup_convert(CLI::App& sub) {
    auto o = std::make_shared<ConvertOptions>();
    sub.add_option("file", o->file, "A convention file (YAML or JSON), or - for standard input")
        ->required();
    sub.add_option("--to", o->to, "The format to write: json or yaml")
        ->check(CLI::IsMember({"json", "yaml"}))
        ->required();
    sub.add_option("--input", o->input,
                   "The format of the input: json or yaml; default: by its name (.json: JSON), "
                   "YAML for standard input")
        ->check(CLI::IsMember({"json", "yaml"}));
    sub.footer(
        "Writes the convention on stdout, value for value (comments are not carried over). "
        "Problems the loader finds in the input are printed on stderr; the conversion is "
        "still written. Exit status: 0, 1 when the input is not a valid convention, 2 when it "
        "cannot be parsed or read.");
    return [o] { return run_convert(*o); };
}

}  // namespace activ::cli
