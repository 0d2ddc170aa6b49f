// Rendering diagnostics the way compilers do: position, message, source line, caret.
#include "dsl-grammar/diagnostic.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace activ {

namespace {
bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

/// Whether 8 bytes are all printable ASCII (0x20 to 0x7E): most of any text, checked a
/// word at a time instead of byte by byte. A byte below 0x20 borrows, one of 0x7F or
/// above carries, into its high bit (the "haszero" bit trick).
bool printable_ascii(const char* bytes) {
    uint64_t word = 0;
    std::memcpy(&word, bytes, sizeof word);
    constexpr uint64_t ones = 0x0101010101010101;
    constexpr uint64_t highs = 0x8080808080808080;
    const uint64_t below_space = (word - ones * 0x20) & ~word;
    const uint64_t delete_or_above = (word + ones) | word;
    return ((below_space | delete_or_above) & highs) == 0;
}
}  // namespace

std::string render_all(const std::vector<Diagnostic>& diagnostics) {
    std::string out;
    for (const auto& d : diagnostics) out += render(d);
    return out;
}

bool has_error(const std::vector<Diagnostic>& diagnostics) {
    for (const auto& d : diagnostics) {
        if (d.level == Diagnostic::Level::error) return true;
    }
    return false;
}

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

size_t first_non_text_byte(std::string_view text) {
    size_t i = 0;
    while (i < text.size()) {
        if (i + 8 <= text.size() && printable_ascii(text.data() + i)) {
            i += 8;
            continue;
        }
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x80) {
            if ((byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') || byte == 0x7F) {
                return i;
            }
            ++i;
            continue;
        }
        size_t length = 0;
        uint32_t code = 0;
        if (byte >= 0xC2 && byte <= 0xDF) {
            length = 2;
            code = byte & 0x1F;
        } else if (byte >= 0xE0 && byte <= 0xEF) {
            length = 3;
            code = byte & 0x0F;
        } else if (byte >= 0xF0 && byte <= 0xF4) {
            length = 4;
            code = byte & 0x07;
        } else {
            return i;
        }
        if (i + length > text.size()) return i;
        for (size_t k = 1; k < length; ++k) {
            if (!is_continuation_byte(text[i + k])) return i;
            code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        }
        // Overlong forms, code points past U+10FFFF and UTF-16 surrogates are not UTF-8.
        const uint32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
        if (code < smallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
            return i;
        }
        i += length;
    }
    return std::string_view::npos;
}

std::string non_text_message(std::string_view text, size_t offset) {
    const auto byte = static_cast<unsigned char>(text[offset]);
    if (offset == 0 && (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF"))) {
        return "the file is UTF-16 text (it starts with a UTF-16 byte order mark): save it as "
               "UTF-8";
    }
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", byte);
    if (byte < 0x80) return std::string("the file holds a control character (byte ") + hex + ")";
    return std::string("the file is not UTF-8 text: unexpected byte ") + hex;
}

void sort_by_position(std::vector<Diagnostic>& diagnostics) {
    std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const auto& a, const auto& b) {
        if (a.file != b.file) return a.file < b.file;
        if (a.line != b.line) return a.line < b.line;
        return a.column < b.column;
    });
}

}  // namespace activ
