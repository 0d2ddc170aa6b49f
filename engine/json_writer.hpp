// Writes a JSON document straight into a string, indented by two spaces, with the very
// bytes nlohmann::json's dump(2, ' ', false, replace) gives for the same document. The
// reports kept in stores were written by nlohmann, and `db check` compares bytes: a
// report must not change because the engine that wrote it did. Building a tree first
// cost more than evaluating the convention (issue 10).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace activ {

class JsonWriter {
  public:
    /// How strings are checked for bytes that are not UTF-8 (which are written as U+FFFD).
    enum class Utf8 {
        checked,  // each string
        trusted,  // none: the caller checks the whole document (is_utf8) and, when it
                  // finds bad bytes, writes it again checked. A document is valid UTF-8
                  // exactly when each of its strings is, and one pass over it is faster.
    };

    /// Appends to `out`; the caller keeps the string and may reuse its capacity.
    explicit JsonWriter(std::string& out, Utf8 utf8 = Utf8::checked) : out_(out), utf8_(utf8) {}

    void begin_object();
    void end_object();
    void begin_array();
    void end_array();

    /// The key of the next value in the object being written.
    void key(std::string_view name);

    void string(std::string_view text);
    void integer(int64_t n);
    void boolean(bool b);
    void null();

    /// A key and its value in one call: the common case.
    void field(std::string_view name, std::string_view text) {
        key(name);
        string(text);
    }
    void field(std::string_view name, const char* text) { field(name, std::string_view(text)); }
    void field(std::string_view name, const std::string& text) {
        field(name, std::string_view(text));
    }
    void field(std::string_view name, int64_t n) {
        key(name);
        integer(n);
    }
    void field(std::string_view name, int n) { field(name, static_cast<int64_t>(n)); }
    void field(std::string_view name, bool b) {
        key(name);
        boolean(b);
    }

  private:
    struct Level {
        bool empty = true;  // no member written yet: closes on the same line
    };

    /// What goes before a value: in an array, the separator and the indentation; in an
    /// object, key() has written them.
    void before_value();
    void new_line_in_level();
    void open(char bracket);
    void close(char bracket);
    void indent();
    void quoted(std::string_view text);

    std::string& out_;
    Utf8 utf8_;
    std::vector<Level> levels_;
    bool after_key_ = false;
};

/// Whether `text` is entirely valid UTF-8.
bool is_utf8(std::string_view text);

}  // namespace activ
