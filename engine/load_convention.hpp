// Reads a convention file (YAML, spec/convention-format.md) into the typed model,
// strictly: every problem is a Diagnostic with file, line and column, and a file
// with any error yields no convention at all.
#pragma once
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "dsl-grammar/diagnostic.hpp"
#include "engine/model.hpp"

namespace activ {

struct LoadedConvention {
    std::optional<Convention> convention;  // empty when diagnostics holds an error
    std::vector<Diagnostic> diagnostics;   // sorted by position
};

/// `file` names the source in diagnostics; `text` is its content.
LoadedConvention load_convention_text(std::string_view text, const std::string& file);

/// Reads `path` from disk; an unreadable file is a diagnostic too.
LoadedConvention load_convention_file(const std::string& path);

}  // namespace activ
