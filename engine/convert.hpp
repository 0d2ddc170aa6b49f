// `activ convert`: a convention written in YAML shown as JSON, or the reverse, value for
// value, so that a clerk can read what a program sent and a program can take what a
// person wrote. Comments are not carried over; everything the loader reads is.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dsl-grammar/diagnostic.hpp"
#include "engine/convention_source.hpp"
#include "engine/load_convention.hpp"

namespace activ {

struct Conversion {
    std::optional<std::string> text;      // none when the input could not be parsed
    std::vector<Diagnostic> diagnostics;  // the parser's, then the loader's on the input
};

/// json: pretty-printed with two spaces; json_line: one line, a record of a JSON Lines
/// batch; yaml: block style.
enum class OutputFormat { json, json_line, yaml };

/// Parses `text` as `from` and writes it as `to`, ending with a newline. A string stays a
/// string and a number a number, so the result loads to the same convention, or fails
/// with the same errors.
Conversion convert_convention(std::string_view text, const std::string& file, InputFormat from,
                              OutputFormat to, const ConventionLimits& limits = {});

/// Reads a source (a file, a line of a batch, standard input) and converts it; the
/// diagnostics name it and give the file's line and column.
Conversion convert_source(const ConventionSource& source, OutputFormat to,
                          const ConventionLimits& limits = {});

}  // namespace activ
