// Strict reading of a parsed YAML document into typed values: every problem becomes a
// Diagnostic at its line and column, and reading goes on so that a file's problems
// are all reported at once. Nothing here knows about conventions: the loader
// (engine/load_convention.cpp) says which keys and value kinds each mapping holds.
//
// Reading is cheap when the file is right: keys, places and vocabularies are static
// text, scalars are views into the tree, and a message is only built for an error.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "dsl-grammar/diagnostic.hpp"
#include "engine/model.hpp"
#include "engine/values.hpp"
#include "engine/yaml_tree.hpp"

// Nested so that its short names (Field, MapReader, read_text) stay out of the way of the
// rest of the engine.
namespace activ::strict_yaml {

/// A list of words fixed in the program: the keys of a mapping, a vocabulary.
using Words = std::span<const std::string_view>;

/// The parts one after the other, in one allocation: messages are built this way
/// (GCC 12 warns wrongly on `"text" + std::string` in optimised builds).
template <class... Parts>
std::string cat(const Parts&... parts) {
    std::string out;
    out.reserve((std::string_view(parts).size() + ...));
    (out.append(std::string_view(parts)), ...);
    return out;
}

/// "a, b, c"
std::string join(Words words);

/// The candidate nearest to `word` by edit distance, when near enough to be a typo of it.
std::optional<std::string_view> closest_match(std::string_view word, Words candidates);

/// Collects the diagnostics of one source text and turns yaml-cpp marks
/// (0-based, columns in bytes) into 1-based positions counted in code points.
class YamlReader {
  public:
    /// Past this many errors a file's further errors are only counted: a broken file of
    /// millions of lines must not print millions of diagnostics.
    static constexpr size_t max_errors = 100;

    YamlReader(std::string_view text, std::string file);

    std::string_view text() const { return text_; }
    /// Line `line` (1-based) without its line ending; empty past the end.
    std::string_view line(int line) const;
    SourcePos pos_of(Mark mark) const;
    void error(Mark mark, std::string message);
    /// `show_source` false leaves out a source line that would not print (binary bytes).
    void error_at(SourcePos pos, std::string message, bool show_source = true);

    bool has_errors() const;
    /// False once max_errors are held: a caller may then skip the cost of a message.
    bool reporting() const { return diagnostics_.size() < max_errors; }
    /// The diagnostics so far, sorted by position, then a note counting those left out.
    std::vector<Diagnostic> take_diagnostics();

  private:
    std::string_view text_;
    std::string file_;
    std::vector<size_t> line_starts_;  // byte offset of each line: positions stay cheap
    std::vector<Diagnostic> diagnostics_;
    size_t errors_left_out_ = 0;
    struct Counted {
        int line = 0;
        size_t bytes = 0;
        int column = 1;
    };
    mutable Counted counted_;  // the last position pos_of computed
};

/// A value found in a mapping, with what is needed to talk about it in a message.
/// `key` and `place` view static text or the tree, which outlive every Field.
struct Field {
    NodeRef node;
    std::string_view key;
    std::string_view place;  // "in an expense"
    Mark key_mark;
    bool item = false;  // an item of the list named `key`, not the value under `key`

    /// "'amount' in an expense", or "an item of 'actions' in a beneficiary"
    std::string name() const;
    /// Where an error about the value points: the value, or its key when the value is null.
    Mark mark() const {
        if (node.is_null() || node.mark().line < 0) return key_mark;
        return node.mark();
    }
};

/// "a mapping", "a list", "the value '12'", "nothing": what a node holds, for messages.
std::string describe(NodeRef node);

/// One YAML mapping whose keys are checked against the keys it may hold: an unknown
/// key (with the closest known one suggested) and a key given twice are reported
/// when the reader is made, and a null value counts as an absent key.
class MapReader {
  public:
    /// The most keys a mapping may be given.
    static constexpr size_t max_known_keys = 16;

    /// `what` names the value in a type error ("'cpas' in the convention"); `place`
    /// names the mapping in key errors ("in the cpas"). `place` and `known_keys` must
    /// outlive the reader (static text).
    MapReader(YamlReader& reader, NodeRef node, std::string_view what, std::string_view place,
              Words known_keys);
    /// The same for a field's value.
    MapReader(YamlReader& reader, const Field& field, std::string_view place, Words known_keys);

    bool is_map() const { return is_map_; }
    Mark mark() const { return node_.mark(); }
    SourcePos pos() const { return reader_.pos_of(node_.mark()); }

    /// The value under `key`; nullopt when absent or null.
    std::optional<Field> optional(std::string_view key) const;
    /// The same, reporting a missing key or value as an error.
    std::optional<Field> required(std::string_view key) const;

    /// Reads `key` with `read` (a value reader below) into `out`; reports when missing.
    template <class T, class Read>
    void required_value(std::string_view key, Read&& read, T& out) const {
        if (auto field = required(key)) {
            if (auto value = read(reader_, *field)) out = std::move(*value);
        }
    }
    /// Reads `key` into `out` when present; `out` keeps its value otherwise.
    template <class T, class Read>
    void optional_value(std::string_view key, Read&& read, T& out) const {
        if (auto field = optional(key)) {
            if (auto value = read(reader_, *field)) out = std::move(*value);
        }
    }

  private:
    void check_keys();
    size_t index_of(std::string_view key) const;
    Field field_at(size_t index) const;

    YamlReader& reader_;
    NodeRef node_;
    std::string_view place_;
    Words known_keys_;
    // For each known key, the first key node naming it (0, never a key, when absent).
    std::array<uint32_t, max_known_keys> keys_{};
    bool is_map_ = false;
};

// Value readers: each returns nullopt after reporting why the field's value is not
// of its kind. Scalars are always read as their text, never through a number type;
// texts are views into the tree.

/// Any scalar, as written.
std::optional<std::string_view> read_text(YamlReader& reader, const Field& field);
/// A string or integer scalar, not empty.
std::optional<std::string_view> read_id(YamlReader& reader, const Field& field);
/// Unquoted `true` or `false`.
std::optional<bool> read_bool(YamlReader& reader, const Field& field);
/// YYYY-MM-DD, a real day.
std::optional<Date> read_date(YamlReader& reader, const Field& field);
/// A number or a quoted string, at most 2 decimals.
std::optional<Money> read_money(YamlReader& reader, const Field& field);
/// A number or a quoted string in [0, 1], at most 6 decimals.
std::optional<Share> read_share(YamlReader& reader, const Field& field);

/// A reader of unquoted decimal integers within [min, max].
struct IntegerIn {
    int64_t min;
    int64_t max;
    std::optional<int64_t> operator()(YamlReader& reader, const Field& field) const;
};
constexpr IntegerIn integer_in(int64_t min, int64_t max) { return {min, max}; }

/// A reader of one word of a closed vocabulary (static text).
struct OneOf {
    Words words;
    std::optional<std::string_view> operator()(YamlReader& reader, const Field& field) const;
};
constexpr OneOf one_of(Words words) { return {words}; }

/// False, after reporting, when the field's value is not a list.
bool check_list(YamlReader& reader, const Field& field);
/// Where an error about an item of a list points (see for_each_item).
Mark item_mark(const YamlReader& reader, const Field& list, NodeRef item);

/// Calls `each` with every item of a list field (as a Field named after the list);
/// false, after reporting, when the value is not a list.
template <class Each>
bool for_each_item(YamlReader& reader, const Field& field, Each&& each) {
    if (!check_list(reader, field)) return false;
    for (const NodeRef node : field.node) {
        // An empty item has no place of its own (yaml-cpp marks the token after it), so
        // errors about it point at the list; a written `~` or `null` is pointed at directly.
        const Mark mark = node.is_null() ? item_mark(reader, field, node) : field.node.mark();
        each(Field{node, field.key, field.place, mark, true});
    }
    return true;
}

/// A reader of a list whose items are read by `read`; bad items are reported and skipped.
/// Texts are kept as std::string.
template <class Read>
auto list_of(Read read) {
    using Value = typename std::invoke_result_t<Read, YamlReader&, const Field&>::value_type;
    using Item = std::conditional_t<std::is_same_v<Value, std::string_view>, std::string, Value>;
    return [read](YamlReader& reader, const Field& field) -> std::optional<std::vector<Item>> {
        std::vector<Item> items;
        if (field.node.is_sequence()) items.reserve(field.node.child_count());
        const bool ok = for_each_item(reader, field, [&](const Field& item) {
            if (auto value = read(reader, item)) items.emplace_back(std::move(*value));
        });
        if (!ok) return std::nullopt;
        return items;
    };
}

}  // namespace activ::strict_yaml
