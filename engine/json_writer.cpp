#include "engine/json_writer.hpp"

#include <simdjson.h>

#include <charconv>
#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>

namespace activ {

namespace {

bool needs_escape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

/// Whether one of the 8 bytes of `word` needs an escape. Most strings need none, and
/// testing them 8 bytes at a time makes writing a report a copy.
bool any_needs_escape(uint64_t word) {
    constexpr uint64_t ones = 0x0101010101010101;
    constexpr uint64_t highs = 0x8080808080808080;
    auto has_zero_byte = [](uint64_t w) { return ((w - ones) & ~w & highs) != 0; };
    bool const control = ((word - 0x20 * ones) & ~word & highs) != 0;  // a byte below 0x20
    return control || has_zero_byte(word ^ ('"' * ones)) || has_zero_byte(word ^ ('\\' * ones));
}

}  // namespace

void JsonWriter::indent() { out_.append(2 * levels_.size(), ' '); }

void JsonWriter::new_line_in_level() {
    Level& level = levels_.back();
    out_ += level.empty ? "\n" : ",\n";
    level.empty = false;
    indent();
}

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
    } else if (!levels_.empty()) {
        new_line_in_level();
    }
}

void JsonWriter::key(std::string_view name) {
    new_line_in_level();
    quoted(name);
    out_ += ": ";
    after_key_ = true;
}

void JsonWriter::open(char bracket) {
    before_value();
    out_ += bracket;
    levels_.push_back({});
}

void JsonWriter::close(char bracket) {
    bool const empty = levels_.back().empty;
    levels_.pop_back();
    if (!empty) {
        out_ += '\n';
        indent();
    }
    out_ += bracket;
}

void JsonWriter::begin_object() { open('{'); }
void JsonWriter::end_object() { close('}'); }
void JsonWriter::begin_array() { open('['); }
void JsonWriter::end_array() { close(']'); }

void JsonWriter::string(std::string_view text) {
    before_value();
    quoted(text);
}

void JsonWriter::integer(int64_t n) {
    before_value();
    char digits[24];
    auto const end = std::to_chars(digits, digits + sizeof digits, n).ptr;
    out_.append(digits, end);
}

void JsonWriter::boolean(bool b) {
    before_value();
    out_ += b ? "true" : "false";
}

void JsonWriter::null() {
    before_value();
    out_ += "null";
}

void JsonWriter::quoted(std::string_view text) {
    // Text from a convention file is meant to be UTF-8 but is not guaranteed to be.
    // nlohmann replaces bad bytes by U+FFFD in a way of its own; it writes such a
    // string itself so that the bytes stay the same. It is rare: the check is cheap.
    if (utf8_ == Utf8::checked && !is_utf8(text)) {
        out_ += nlohmann::json(std::string(text)).dump(-1, ' ', false,
                                                        nlohmann::json::error_handler_t::replace);
        return;
    }
    out_ += '"';
    size_t run = 0;  // start of the bytes not yet copied
    size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        uint64_t word;
        std::memcpy(&word, text.data() + i, 8);
        if (any_needs_escape(word)) break;
    }
    for (; i < text.size(); ++i) {
        auto const c = static_cast<unsigned char>(text[i]);
        if (!needs_escape(c)) continue;
        out_.append(text.data() + run, i - run);
        run = i + 1;
        switch (c) {
            case '"': out_ += "\\\""; break;
            case '\\': out_ += "\\\\"; break;
            case '\b': out_ += "\\b"; break;
            case '\t': out_ += "\\t"; break;
            case '\n': out_ += "\\n"; break;
            case '\f': out_ += "\\f"; break;
            case '\r': out_ += "\\r"; break;
            default: {
                static constexpr char hex[] = "0123456789abcdef";
                char const escaped[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
                out_.append(escaped, sizeof escaped);
            }
        }
    }
    out_.append(text.data() + run, text.size() - run);
    out_ += '"';
}

bool is_utf8(std::string_view text) { return simdjson::validate_utf8(text.data(), text.size()); }

}  // namespace activ
