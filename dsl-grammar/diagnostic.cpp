// Rendering diagnostics the way compilers do: position, message, source line, caret.
#include "dsl-grammar/diagnostic.hpp"

#include <algorithm>

namespace activ {

namespace {
bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
}  // namespace

std::string render(const Diagnostic& d) {
    static const char* const level_names[] = {"error", "warning", "note"};
    std::string out = d.file;
    if (d.line > 0) {
        out += ':' + std::to_string(d.line);
        if (d.column > 0) out += ':' + std::to_string(d.column);
    }
    out += ": ";
    out += level_names[static_cast<int>(d.level)];
    out += ": " + d.message + '\n';
    if (!d.source_line.empty() && d.column > 0) {
        out += "    " + d.source_line + '\n';
        // Tabs are kept so that the caret lines up under them.
        std::string pad;
        int col = 1;
        for (size_t i = 0; i < d.source_line.size() && col < d.column; ++i) {
            if (is_continuation_byte(d.source_line[i])) continue;
            pad += d.source_line[i] == '\t' ? '\t' : ' ';
            ++col;
        }
        out += "    " + pad + "^\n";
    }
    return out;
}

std::string line_of(std::string_view text, int line) {
    size_t begin = 0;
    for (int current = 1; current < line; ++current) {
        size_t next = text.find('\n', begin);
        if (next == std::string_view::npos) return {};
        begin = next + 1;
    }
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    if (end > begin && text[end - 1] == '\r') --end;
    return std::string(text.substr(begin, end - begin));
}

void line_column_of(std::string_view text, size_t offset, int& line, int& column) {
    line = 1;
    column = 1;
    offset = std::min(offset, text.size());
    for (size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if (!is_continuation_byte(text[i])) {
            ++column;
        }
    }
}

void sort_by_position(std::vector<Diagnostic>& diagnostics) {
    std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const auto& a, const auto& b) {
        if (a.file != b.file) return a.file < b.file;
        if (a.line != b.line) return a.line < b.line;
        return a.column < b.column;
    });
}

}  // namespace activ
