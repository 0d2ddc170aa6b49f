// Unicode folding through utf8proc, plus the few substitutions clerks' texts need.
#include "engine/text_match.hpp"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

namespace activ {

namespace {

// Apostrophes and quotes that word processors substitute for the ASCII ones.
utf8proc_int32_t plain_punctuation(utf8proc_int32_t c) {
    switch (c) {
        case 0x2018: case 0x2019: case 0x201B: case 0x02BC: case 0x2032: case 0x00B4:
        case 0x0060:
            return '\'';
        case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB:
            return '"';
        case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
            return '-';
        default:
            return c;
    }
}

bool is_word_byte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

std::string fold_bytes_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

}  // namespace

std::string fold_text(std::string_view text) {
    utf8proc_uint8_t* folded = nullptr;
    auto const options = static_cast<utf8proc_option_t>(
        UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
        UTF8PROC_IGNORE);
    utf8proc_ssize_t const length =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                     static_cast<utf8proc_ssize_t>(text.size()), &folded, options);
    if (length < 0) return fold_bytes_ascii(text);
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(folded, &std::free);

    std::string out;
    out.reserve(static_cast<size_t>(length));
    bool pending_space = false;
    for (utf8proc_ssize_t i = 0; i < length;) {
        utf8proc_int32_t c = 0;
        utf8proc_ssize_t const n = utf8proc_iterate(folded + i, length - i, &c);
        if (n <= 0) break;
        i += n;
        c = plain_punctuation(c);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        utf8proc_uint8_t buffer[4];
        utf8proc_ssize_t const written = utf8proc_encode_char(c, buffer);
        out.append(reinterpret_cast<const char*>(buffer), static_cast<size_t>(written));
    }
    return out;
}

bool mentions(std::string_view haystack, std::string_view needle) {
    if (needle.empty()) return false;
    for (size_t at = haystack.find(needle); at != std::string_view::npos;
         at = haystack.find(needle, at + 1)) {
        if (at == 0 || !is_word_byte(static_cast<unsigned char>(haystack[at - 1]))) return true;
    }
    return false;
}

}  // namespace activ
