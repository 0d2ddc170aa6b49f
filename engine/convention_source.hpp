// Where conventions come from on a command line: files (YAML or JSON), every line of a
// JSON Lines file, or standard input. A source is read when it is checked, so that a
// batch of any size holds a few conventions in memory, not the batch.
#pragma once
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/load_convention.hpp"

namespace activ {

struct ConventionSource {
    std::string path;  // the file it is read from; "-" for standard input
    std::string name;  // how reports and the store name it: the path, or PATH:LINE for a line
    InputFormat format = InputFormat::yaml;
    /// A part of the file (a line of a .jsonl file): its first byte, its size, and the
    /// number of lines before it, so that positions are the file's. Whole file: npos.
    size_t offset = 0;
    size_t length = std::string::npos;
    int lines_before = 0;
    std::shared_ptr<const std::string> text;  // standard input, read once
};

/// How `paths` are read: by their names (.json: JSON, .jsonl: one convention per line,
/// else YAML), or all as `input` says ("yaml", "json" or "jsonl"). A folder stands for its
/// *.yaml, *.yml, *.json and *.jsonl files; "-" for standard input (YAML unless `input`
/// says otherwise); "national.jsonl:17", as reports name a line of a batch, for that line
/// alone. `error` says why nothing can be read.
std::vector<ConventionSource> convention_sources(const std::vector<std::string>& paths,
                                                 const std::string& input, std::string& error);

/// One source per file, each read as its name says (a .jsonl file as one convention per
/// line): for callers that already hold a list of files.
std::vector<ConventionSource> sources_of(const std::vector<std::string>& files);

/// The bytes of a source, at most `max_bytes` + 1 of them (so that a caller sees a limit
/// exceeded); nullopt with `error` when it cannot be read.
std::optional<std::string> read_source(const ConventionSource& source, size_t max_bytes,
                                       std::string& error);

/// Reads a source's bytes as the loader takes them (its limit, and a byte past it so
/// that the limit is seen exceeded) and hands them to `use`, which must not keep a view
/// of them. When they cannot be read: the diagnostic that says so, naming the source.
std::optional<Diagnostic> with_source_text(const ConventionSource& source,
                                           const ConventionLimits& limits,
                                           const std::function<void(std::string_view)>& use);

/// The name a source's bytes are parsed under: its file, or <stdin>. place_in_source then
/// names what has no position by the source's own name (PATH:LINE for a line of a batch).
std::string text_name(const ConventionSource& source);

/// Reads and loads a source; diagnostics name its file and the file's line and column.
LoadedConvention load_convention_source(const ConventionSource& source,
                                        const ConventionLimits& limits);

/// Loads a source's bytes, once read.
LoadedConvention load_source_text(const ConventionSource& source, std::string_view text,
                                  const ConventionLimits& limits);

/// Diagnostics on a source's bytes, placed in its file: a line of a .jsonl file gets the
/// file's line numbers, and what has no position is named as the line (PATH:LINE).
void place_in_source(const ConventionSource& source, std::vector<Diagnostic>& diagnostics);

}  // namespace activ
