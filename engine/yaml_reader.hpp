// Strict reading of a parsed YAML document into typed values: every problem becomes a
// Diagnostic at its line and column, and reading goes on so that a file's problems
// are all reported at once. Nothing here knows about conventions: the loader
// (engine/load_convention.cpp) says which keys and value kinds each mapping holds.
#pragma once
#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "dsl-grammar/diagnostic.hpp"
#include "engine/model.hpp"
#include "engine/values.hpp"

// Nested so that its short names (Field, MapReader, read_text) stay out of the way of the
// rest of the engine.
namespace activ::strict_yaml {

/// The candidate nearest to `word` by edit distance, when near enough to be a typo of it.
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates);

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
    SourcePos pos_of(const YAML::Mark& mark) const;
    void error(const YAML::Mark& mark, std::string message);
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
};

/// Bounds on the shape of a document, checked on the parser's events before any node is
/// built: yaml-cpp's parser recurses once per level of nesting, and a node tree holds
/// every item.
struct DocumentLimits {
    int max_depth = 0;          // lists and mappings inside each other
    size_t max_items = 0;       // items of one list, keys of one mapping
    size_t max_text_bytes = 0;  // one scalar
};

/// Parses the reader's text as one YAML document (a null node when the text holds none).
/// Nullopt, after reporting, when the text is not UTF-8, not YAML, goes beyond `limits`,
/// or holds anchors or aliases (which let a few lines stand for an exponential number of
/// nodes). A second document is reported, but the first is still returned so that its
/// own problems are found too.
std::optional<YAML::Node> parse_single_document(YamlReader& reader, const DocumentLimits& limits);

/// A value found in a mapping, with what is needed to talk about it in a message.
struct Field {
    YAML::Node node;
    std::string key;
    std::string place;  // "in an expense"
    YAML::Mark key_mark;
    bool item = false;  // an item of the list named `key`, not the value under `key`

    /// "'amount' in an expense", or "an item of 'actions' in a beneficiary"
    std::string name() const;
    /// Where an error about the value points: the value, or its key when the value is null.
    YAML::Mark mark() const;
};

/// "a mapping", "a list", "the value '12'", "nothing": what a node holds, for messages.
std::string describe(const YAML::Node& node);

/// One YAML mapping whose keys are checked against the keys it may hold: an unknown
/// key (with the closest known one suggested) and a key given twice are reported
/// when the reader is made, and a null value counts as an absent key.
class MapReader {
  public:
    /// `what` names the value in a type error ("'cpas' in the convention"); `place`
    /// names the mapping in key errors ("in the cpas").
    MapReader(YamlReader& reader, const YAML::Node& node, std::string_view what, std::string place,
              std::vector<std::string> known_keys);
    /// The same for a field's value.
    MapReader(YamlReader& reader, const Field& field, std::string place,
              std::vector<std::string> known_keys);

    bool is_map() const { return is_map_; }
    YAML::Mark mark() const { return node_.Mark(); }
    SourcePos pos() const { return reader_.pos_of(node_.Mark()); }

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
    struct Entry {
        std::string key;
        YAML::Node key_node;
        YAML::Node value;
    };
    void check_keys();

    YamlReader& reader_;
    YAML::Node node_;
    std::string place_;
    std::vector<std::string> known_keys_;
    std::vector<Entry> entries_;  // first occurrence of each known key, in file order
    bool is_map_ = false;
};

// Value readers: each returns nullopt after reporting why the field's value is not
// of its kind. Scalars are always read as their text, never through a number type.

/// Any scalar, as written.
std::optional<std::string> read_text(YamlReader& reader, const Field& field);
/// A string or integer scalar, not empty.
std::optional<std::string> read_id(YamlReader& reader, const Field& field);
/// Unquoted `true` or `false`.
std::optional<bool> read_bool(YamlReader& reader, const Field& field);
/// YYYY-MM-DD, a real day.
std::optional<Date> read_date(YamlReader& reader, const Field& field);
/// A number or a quoted string, at most 2 decimals.
std::optional<Money> read_money(YamlReader& reader, const Field& field);
/// A number or a quoted string in [0, 1], at most 6 decimals.
std::optional<Share> read_share(YamlReader& reader, const Field& field);

/// A reader of unquoted decimal integers within [min, max].
std::function<std::optional<int64_t>(YamlReader&, const Field&)> integer_in(int64_t min,
                                                                            int64_t max);
/// A reader of one word of a closed vocabulary.
std::function<std::optional<std::string>(YamlReader&, const Field&)> one_of(
    std::vector<std::string> words);

/// Calls `each` with every item of a list field (as a Field named after the list);
/// false, after reporting, when the value is not a list.
bool for_each_item(YamlReader& reader, const Field& field,
                   const std::function<void(const Field& item)>& each);

/// A reader of a list whose items are read by `read`; bad items are reported and skipped.
template <class Read>
auto list_of(Read read) {
    using Item = typename std::invoke_result_t<Read, YamlReader&, const Field&>::value_type;
    return [read](YamlReader& reader, const Field& field) -> std::optional<std::vector<Item>> {
        std::vector<Item> items;
        const bool ok = for_each_item(reader, field, [&](const Field& item) {
            if (auto value = read(reader, item)) items.push_back(std::move(*value));
        });
        if (!ok) return std::nullopt;
        return items;
    };
}

}  // namespace activ::strict_yaml
