// A message about a place in a source file: parse, type, load and lint errors all use it.
// Library code returns diagnostics; only cli/ prints them and picks the exit code.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace activ {

struct Diagnostic {
    enum class Level { error, warning, note };
    Level level = Level::error;
    std::string file;
    int line = 0;    // 1-based; 0 when the problem is the whole file
    int column = 0;  // 1-based, counted in characters (UTF-8 code points)
    std::string message;
    std::string source_line;  // the line the caret points into, without its newline
};

/// `file:line:col: error: message`, then the source line and a caret under the column.
std::string render(const Diagnostic& diagnostic);
/// Every diagnostic rendered, one after the other.
std::string render_all(const std::vector<Diagnostic>& diagnostics);
/// Whether one of them is an error (not a warning or a note).
bool has_error(const std::vector<Diagnostic>& diagnostics);

/// Line `line` (1-based) of `text`, without its line ending.
std::string line_of(std::string_view text, int line);

/// 1-based line and column (in code points) of byte `offset` within `text`.
void line_column_of(std::string_view text, size_t offset, int& line, int& column);

/// The byte offset of the first byte of `text` that is not well-formed UTF-8 or is a
/// control character other than tab and line breaks; npos when the text is clean. Both
/// readers refuse such text, so that a message never carries bytes a terminal or a JSON
/// document cannot hold.
size_t first_non_text_byte(std::string_view text);
/// What is wrong with the byte at `offset` that first_non_text_byte found, for a message.
std::string non_text_message(std::string_view text, size_t offset);

/// The UTF-8 byte order mark, which both readers skip at the start of a file.
inline constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

/// Sorts by file, line, column; keeps the order of equal positions.
void sort_by_position(std::vector<Diagnostic>& diagnostics);

}  // namespace activ
