// Reads a convention file (YAML, spec/convention-format.md) into the typed model,
// strictly: every problem is a Diagnostic with file, line and column, and a file
// with any error yields no convention at all.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "dsl-grammar/diagnostic.hpp"
#include "engine/model.hpp"

namespace activ {

/// What a convention file may hold. Beyond, loading stops with a diagnostic instead of
/// exhausting memory, the stack or the evaluator's time: these numbers are the one place
/// the limits are set (README, "Limits"); `activ check` can raise the first three.
struct ConventionLimits {
    size_t max_file_bytes = 16 * 1024 * 1024;
    size_t max_list_items = 10000;      // items of any list: actions, expenses, steps, ...
    size_t max_text_bytes = 64 * 1024;  // one value: a description, a title
    int max_depth = 32;                 // lists and mappings inside each other; the format needs 7
};

struct LoadedConvention {
    std::optional<Convention> convention;  // empty when diagnostics holds an error
    std::vector<Diagnostic> diagnostics;   // sorted by position
};

/// The two ways a convention is written, with one contract (spec/convention-format.md):
/// YAML for people, JSON for programs. The same keys and values give the same model, and
/// the same mistakes the same errors.
enum class InputFormat { yaml, json };

/// JSON for a path ending in .json or .jsonl (or PATH:LINE, a line of one), else YAML.
InputFormat input_format_of(std::string_view path);

/// `file` names the source in diagnostics; `text` is its content.
LoadedConvention load_convention_text(std::string_view text, const std::string& file,
                                      const ConventionLimits& limits = {},
                                      InputFormat format = InputFormat::yaml);

/// Reads `path` from disk, as `format` or else as its name says; an unreadable file is a
/// diagnostic too.
LoadedConvention load_convention_file(const std::string& path, const ConventionLimits& limits = {},
                                      std::optional<InputFormat> format = std::nullopt);

}  // namespace activ
