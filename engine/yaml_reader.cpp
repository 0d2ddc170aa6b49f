// Strict, exact reading of YAML values, with diagnostics at their line and column.
#include "engine/yaml_reader.hpp"

#include <yaml-cpp/eventhandler.h>

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <unordered_map>

namespace activ::strict_yaml {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Longest source line a diagnostic shows with a caret.
constexpr size_t max_source_line = 500;
bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Optimal string alignment distance: insertions, deletions, substitutions and swaps of
// two neighbours, the usual typos.
size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
    for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[a.size()][b.size()];
}

std::string join(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& word : words) {
        if (!out.empty()) out += ", ";
        out += word;
    }
    return out;
}

// A quoted scalar is a string in YAML even when it looks like a number or a boolean.
bool is_quoted(const YAML::Node& node) { return node.Tag() == "!"; }

// -?digits(.digits)? : the shape shared by money and shares, so that a value of the
// right shape gets a precise message (too many decimals, out of range).
struct DecimalShape {
    bool negative = false;
    size_t decimals = 0;
};
std::optional<DecimalShape> decimal_shape(std::string_view text) {
    DecimalShape shape;
    size_t i = 0;
    if (i < text.size() && text[i] == '-') {
        shape.negative = true;
        ++i;
    }
    const size_t units_start = i;
    while (i < text.size() && is_digit(text[i])) ++i;
    if (i == units_start) return std::nullopt;
    if (i < text.size() && text[i] == '.') {
        const size_t fraction_start = ++i;
        while (i < text.size() && is_digit(text[i])) ++i;
        shape.decimals = i - fraction_start;
        if (shape.decimals == 0) return std::nullopt;
    }
    if (i != text.size()) return std::nullopt;
    return shape;
}

bool is_date_shaped(std::string_view text) {
    if (text.size() != 10) return false;
    for (size_t i = 0; i < text.size(); ++i) {
        const bool dash = i == 4 || i == 7;
        if (dash ? text[i] != '-' : !is_digit(text[i])) return false;
    }
    return true;
}

// The scalar of a field, or nullopt after reporting that `expected` was wanted.
std::optional<std::string> scalar_of(YamlReader& reader, const Field& field,
                                     std::string_view expected) {
    if (!field.node.IsScalar()) {
        reader.error(field.mark(), "expected " + std::string(expected) + " for " + field.name() +
                                       ", got " + describe(field.node));
        return std::nullopt;
    }
    return field.node.Scalar();
}

}  // namespace

std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates) {
    // Typos are made in short words; the distance costs length x length, so long ones are skipped.
    constexpr size_t longest = 64;
    std::optional<std::string> best;
    size_t best_distance = 0;
    if (word.size() > longest) return best;
    for (const auto& candidate : candidates) {
        if (candidate.size() > longest) continue;
        const size_t distance = edit_distance(word, candidate);
        const size_t tolerated = std::max<size_t>(1, candidate.size() / 3);
        if (distance == 0 || distance > tolerated) continue;
        if (!best || distance < best_distance) {
            best = candidate;
            best_distance = distance;
        }
    }
    return best;
}

// ---------------------------------------------------------------------------- YamlReader

YamlReader::YamlReader(std::string_view text, std::string file)
    : text_(text), file_(std::move(file)) {
    line_starts_.push_back(0);
    for (size_t i = 0; i < text_.size(); ++i) {
        if (text_[i] == '\n') line_starts_.push_back(i + 1);
    }
}

std::string_view YamlReader::line(int line) const {
    if (line < 1 || static_cast<size_t>(line) > line_starts_.size()) return {};
    const size_t begin = line_starts_[static_cast<size_t>(line) - 1];
    size_t end = static_cast<size_t>(line) < line_starts_.size()
                     ? line_starts_[static_cast<size_t>(line)] - 1
                     : text_.size();
    if (end > begin && text_[end - 1] == '\r') --end;
    return text_.substr(begin, end - begin);
}

SourcePos YamlReader::pos_of(const YAML::Mark& mark) const {
    if (mark.line < 0) return {};
    const int line_number = mark.line + 1;
    const std::string_view source = line(line_number);
    const size_t bytes = std::min(static_cast<size_t>(std::max(mark.column, 0)), source.size());
    int column = 1;
    for (size_t i = 0; i < bytes; ++i) {
        if (!is_continuation_byte(source[i])) ++column;
    }
    return {line_number, column};
}

void YamlReader::error(const YAML::Mark& mark, std::string message) {
    // A position costs the length of its line: on a one-line file of a million errors,
    // computing those that will not be shown would take minutes.
    if (!reporting()) {
        ++errors_left_out_;
        return;
    }
    error_at(pos_of(mark), std::move(message));
}

void YamlReader::error_at(SourcePos pos, std::string message, bool show_source) {
    if (diagnostics_.size() >= max_errors) {
        ++errors_left_out_;
        return;
    }
    Diagnostic diagnostic;
    diagnostic.level = Diagnostic::Level::error;
    diagnostic.file = file_;
    diagnostic.line = pos.line;
    diagnostic.column = pos.column;
    diagnostic.message = std::move(message);
    if (show_source && pos.line > 0) diagnostic.source_line = line(pos.line);
    // A caret under a line of a megabyte helps nobody.
    if (diagnostic.source_line.size() > max_source_line) diagnostic.source_line.clear();
    diagnostics_.push_back(std::move(diagnostic));
}

bool YamlReader::has_errors() const {
    return std::any_of(diagnostics_.begin(), diagnostics_.end(),
                       [](const Diagnostic& d) { return d.level == Diagnostic::Level::error; });
}

std::vector<Diagnostic> YamlReader::take_diagnostics() {
    sort_by_position(diagnostics_);
    if (errors_left_out_ > 0) {
        Diagnostic note;
        note.level = Diagnostic::Level::note;
        note.file = file_;
        note.message = std::to_string(errors_left_out_) + " more error" +
                       (errors_left_out_ == 1 ? "" : "s") + " not shown (at most " +
                       std::to_string(max_errors) + " are)";
        diagnostics_.push_back(std::move(note));
        errors_left_out_ = 0;
    }
    return std::move(diagnostics_);
}

// ---------------------------------------------------------------------------- parsing

namespace {

// Thrown from inside yaml-cpp's recursion to stop it before it goes deeper.
struct TooDeep {
    YAML::Mark mark;
};
// Thrown when yaml-cpp starts a document where the last one started: on a stray ','
// after a document, its Parser hands out empty documents for ever without reading on
// (yaml-cpp 0.7, upstream issue 1040).
struct Stalled {
    YAML::Mark mark;
};

// Sees the event stream that yaml-cpp's node builder hides: anchors and aliases (which
// the builder silently shares), the start of every document, and the shape of the
// document, measured while the parser goes rather than on a tree built afterwards.
class StructureFinder : public YAML::EventHandler {
  public:
    StructureFinder(YamlReader& reader, const DocumentLimits& limits)
        : reader_(reader), limits_(limits) {}

    std::vector<YAML::Mark> documents;
    bool refused = false;  // the document must not be built

    void OnDocumentStart(const YAML::Mark& mark) override {
        if (!documents.empty() && documents.back().pos == mark.pos) throw Stalled{mark};
        documents.push_back(mark);
    }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        node(mark, anchor);
        after_leaf(nullptr);
    }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
        node(mark, YAML::NullAnchor);
        refuse(mark, "aliases (*name) are not supported: write the value out in full");
        after_leaf(nullptr);
    }
    void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  const std::string& value) override {
        node(mark, anchor);
        if (value.size() > limits_.max_text_bytes) {
            refuse(mark, "a text of " + std::to_string(value.size()) +
                             " bytes, more than the limit of " +
                             std::to_string(limits_.max_text_bytes) +
                             " (activ check --max-text-length raises it)");
        }
        after_leaf(&value);
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        open(mark, anchor, false);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        open(mark, anchor, true);
    }
    void OnMapEnd() override { close(); }

  private:
    struct Collection {
        YAML::Mark mark;
        bool is_map = false;
        size_t children = 0;   // nodes seen: keys and values alike in a mapping
        std::string name;      // the key this collection is the value of, for messages
        std::string last_key;  // a mapping's key whose value comes next
    };

    void refuse(const YAML::Mark& mark, std::string message) {
        reader_.error(mark, std::move(message));
        refused = true;
    }

    // Every node, before it is opened: counts it in its parent and refuses anchors.
    void node(const YAML::Mark& mark, YAML::anchor_t anchor) {
        if (anchor != YAML::NullAnchor) {
            refuse(mark, "anchors (&name) are not supported: write the value out in full");
        }
        if (open_.empty()) return;
        Collection& parent = open_.back();
        ++parent.children;
        // Mappings are not counted: their keys are few and checked one by one.
        if (!parent.is_map && parent.children == limits_.max_items + 1) {
            std::string what = "a list";
            if (!parent.name.empty()) what += " ('" + parent.name + "')";
            refuse(parent.mark, what + " of more than " + std::to_string(limits_.max_items) +
                                    " items (activ check --max-list-items raises the limit)");
        }
    }

    // A scalar, null or alias has been seen: in a mapping, a key names the next value.
    void after_leaf(const std::string* text) {
        if (open_.empty() || !open_.back().is_map) return;
        Collection& parent = open_.back();
        if (parent.children % 2 == 1) parent.last_key = text ? *text : std::string();
    }

    void open(const YAML::Mark& mark, YAML::anchor_t anchor, bool is_map) {
        std::string name;
        if (!open_.empty() && open_.back().is_map && open_.back().children % 2 == 1) {
            name = open_.back().last_key;
        }
        node(mark, anchor);
        if (!open_.empty() && open_.back().is_map && open_.back().children % 2 == 1) {
            open_.back().last_key.clear();  // a collection as a key names nothing
        }
        if (open_.size() >= static_cast<size_t>(limits_.max_depth)) throw TooDeep{mark};
        open_.push_back({mark, is_map, 0, std::move(name), {}});
    }

    void close() {
        if (!open_.empty()) open_.pop_back();
    }

    YamlReader& reader_;
    const DocumentLimits& limits_;
    std::vector<Collection> open_;
};

}  // namespace

std::optional<YAML::Node> parse_single_document(YamlReader& reader, const DocumentLimits& limits) {
    const std::string_view text = reader.text();
    if (const size_t bad = first_non_text_byte(text); bad != std::string_view::npos) {
        int line = 0;
        int column = 0;
        line_column_of(text, bad, line, column);
        reader.error_at({line, column}, non_text_message(text, bad), /*show_source=*/false);
        return std::nullopt;
    }
    // yaml-cpp reads a lone CR (old Mac line ends) as part of the line, and then fails far
    // away with a message about something else.
    for (size_t cr = text.find('\r'); cr != std::string_view::npos; cr = text.find('\r', cr + 1)) {
        if (cr + 1 < text.size() && text[cr + 1] == '\n') continue;
        int line = 0;
        int column = 0;
        line_column_of(text, cr, line, column);
        reader.error_at({line, column},
                        "a carriage return (CR) without a line feed: save the file with LF or "
                        "CRLF line ends",
                        /*show_source=*/false);
        return std::nullopt;
    }
    const std::string owned(text);
    try {
        StructureFinder finder(reader, limits);
        {
            std::istringstream stream(owned);
            YAML::Parser parser(stream);
            while (parser.HandleNextDocument(finder)) {
            }
        }
        if (finder.documents.size() > 1) {
            reader.error(finder.documents[1], "only one YAML document is expected in the file");
        }
        if (finder.refused) return std::nullopt;
        return YAML::Load(owned);
    } catch (const Stalled& e) {
        const auto at = static_cast<size_t>(std::max(e.mark.pos, 0));
        std::string message = "YAML syntax error: unexpected ";
        if (at < text.size()) {
            message += '\'';
            message += text[at];
            message += '\'';
        } else {
            message += "end of file";
        }
        reader.error(e.mark, std::move(message));
    } catch (const TooDeep& e) {
        reader.error(e.mark, "lists and mappings nested more than " +
                                 std::to_string(limits.max_depth) +
                                 " levels deep (a convention needs 7)");
    } catch (const YAML::ParserException& e) {
        reader.error(e.mark, "YAML syntax error: " + e.msg);
    } catch (const YAML::Exception& e) {
        reader.error(e.mark, "cannot read the YAML: " + e.msg);
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------- Field

std::string Field::name() const { return (item ? "an item of '" : "'") + key + "' " + place; }

YAML::Mark Field::mark() const {
    if (node.IsNull() || node.Mark().line < 0) return key_mark;
    return node.Mark();
}

std::string describe(const YAML::Node& node) {
    switch (node.Type()) {
        case YAML::NodeType::Map:
            return "a mapping";
        case YAML::NodeType::Sequence:
            return "a list";
        case YAML::NodeType::Scalar: {
            std::string text = node.Scalar();
            if (text.size() > 40) {
                size_t cut = 37;
                while (cut > 0 && is_continuation_byte(text[cut])) --cut;  // keep UTF-8 whole
                text = text.substr(0, cut) + "...";
            }
            return is_quoted(node) ? "the quoted string \"" + text + "\"" : "'" + text + "'";
        }
        default:
            return "nothing";
    }
}

// ---------------------------------------------------------------------------- MapReader

MapReader::MapReader(YamlReader& reader, const YAML::Node& node, std::string_view what,
                     std::string place, std::vector<std::string> known_keys)
    : reader_(reader), node_(node), place_(std::move(place)), known_keys_(std::move(known_keys)) {
    if (!node_.IsMap()) {
        reader_.error(node_.Mark(),
                      "expected a mapping for " + std::string(what) + ", got " + describe(node_));
        return;
    }
    is_map_ = true;
    check_keys();
}

MapReader::MapReader(YamlReader& reader, const Field& field, std::string place,
                     std::vector<std::string> known_keys)
    : reader_(reader),
      node_(field.node),
      place_(std::move(place)),
      known_keys_(std::move(known_keys)) {
    if (!node_.IsMap()) {
        reader_.error(field.mark(),
                      "expected a mapping for " + field.name() + ", got " + describe(node_));
        return;
    }
    is_map_ = true;
    check_keys();
}

void MapReader::check_keys() {
    std::unordered_map<std::string, int> unknown_lines;
    for (auto it = node_.begin(); it != node_.end(); ++it) {
        // Copies: the iterator hands out a temporary pair that dies with the statement.
        const YAML::Node key = it->first;
        const YAML::Node value = it->second;
        if (!key.IsScalar()) {
            reader_.error(key.Mark(), "expected a key name " + place_ + ", got " + describe(key));
            continue;
        }
        const std::string& name = key.Scalar();
        // Only known keys are kept, so that a mapping of a million unknown keys costs no
        // more than reading them once; unknown ones are remembered by line for duplicates.
        const bool known =
            std::find(known_keys_.begin(), known_keys_.end(), name) != known_keys_.end();
        int first_line = 0;
        if (known) {
            auto first = std::find_if(entries_.begin(), entries_.end(),
                                      [&](const Entry& e) { return e.key == name; });
            if (first != entries_.end()) first_line = first->key_node.Mark().line + 1;
        } else if (auto [first, inserted] = unknown_lines.emplace(name, key.Mark().line + 1);
                   !inserted) {
            first_line = first->second;
        }
        if (first_line > 0) {
            // yaml-cpp keeps both pairs and would silently read the first one.
            reader_.error(key.Mark(), "duplicate key '" + name + "' " + place_ +
                                          " (first given at line " + std::to_string(first_line) +
                                          ")");
            continue;
        }
        if (known) {
            entries_.push_back({name, key, value});
            continue;
        }
        if (!reader_.reporting()) {
            reader_.error(key.Mark(), {});  // counted only: no suggestion to search for
            continue;
        }
        std::string message = "unknown key '" + name + "' " + place_;
        if (auto suggestion = closest_match(name, known_keys_)) {
            message += "; did you mean '" + *suggestion + "'?";
        } else {
            message += "; expected one of: " + join(known_keys_);
        }
        reader_.error(key.Mark(), std::move(message));
    }
}

std::optional<Field> MapReader::optional(std::string_view key) const {
    if (!is_map_) return std::nullopt;
    for (const auto& entry : entries_) {
        if (entry.key != key) continue;
        if (entry.value.IsNull()) return std::nullopt;
        return Field{entry.value, entry.key, place_, entry.key_node.Mark()};
    }
    return std::nullopt;
}

std::optional<Field> MapReader::required(std::string_view key) const {
    if (!is_map_) return std::nullopt;
    for (const auto& entry : entries_) {
        if (entry.key != key) continue;
        if (entry.value.IsNull()) {
            reader_.error(entry.key_node.Mark(),
                          "missing value for required key '" + entry.key + "' " + place_);
            return std::nullopt;
        }
        return Field{entry.value, entry.key, place_, entry.key_node.Mark()};
    }
    reader_.error(node_.Mark(), "missing required key '" + std::string(key) + "' " + place_);
    return std::nullopt;
}

// ---------------------------------------------------------------------------- value readers

std::optional<std::string> read_text(YamlReader& reader, const Field& field) {
    return scalar_of(reader, field, "text");
}

std::optional<std::string> read_id(YamlReader& reader, const Field& field) {
    auto text = scalar_of(reader, field, "an id (text or a whole number)");
    if (text && text->empty()) {
        reader.error(field.mark(), "empty id for " + field.name());
        return std::nullopt;
    }
    return text;
}

std::optional<bool> read_bool(YamlReader& reader, const Field& field) {
    if (field.node.IsScalar() && !is_quoted(field.node)) {
        if (field.node.Scalar() == "true") return true;
        if (field.node.Scalar() == "false") return false;
    }
    reader.error(field.mark(),
                 "expected true or false for " + field.name() + ", got " + describe(field.node));
    return std::nullopt;
}

std::optional<Date> read_date(YamlReader& reader, const Field& field) {
    auto text = scalar_of(reader, field, "a date (YYYY-MM-DD)");
    if (!text) return std::nullopt;
    if (auto date = parse_date(*text)) return date;
    if (is_date_shaped(*text)) {
        reader.error(field.mark(),
                     "invalid date '" + *text + "' for " + field.name() + ": no such day");
    } else {
        reader.error(field.mark(), "expected a date (YYYY-MM-DD) for " + field.name() + ", got " +
                                       describe(field.node));
    }
    return std::nullopt;
}

std::optional<Money> read_money(YamlReader& reader, const Field& field) {
    auto text = scalar_of(reader, field, "an amount in euro");
    if (!text) return std::nullopt;
    if (auto money = parse_money(*text)) return money;
    const auto shape = decimal_shape(*text);
    if (shape && shape->decimals > 2) {
        reader.error(field.mark(),
                     "money has more than 2 decimals: '" + *text + "' for " + field.name());
    } else if (shape) {
        reader.error(field.mark(), "amount too large: '" + *text + "' for " + field.name());
    } else {
        reader.error(field.mark(), "expected an amount in euro (such as 1250 or 1250.50) for " +
                                       field.name() + ", got " + describe(field.node));
    }
    return std::nullopt;
}

std::optional<Share> read_share(YamlReader& reader, const Field& field) {
    auto text = scalar_of(reader, field, "a share between 0 and 1");
    if (!text) return std::nullopt;
    if (auto share = parse_share(*text)) return share;
    const auto shape = decimal_shape(*text);
    if (shape && shape->decimals > 6) {
        reader.error(field.mark(),
                     "share has more than 6 decimals: '" + *text + "' for " + field.name());
    } else if (shape && shape->negative) {
        // Even -0: a sign on a share is a slip worth pointing out, not a value to guess.
        reader.error(field.mark(),
                     "a share is written without a sign, got '" + *text + "' for " + field.name());
    } else if (shape) {
        reader.error(field.mark(),
                     "share must be between 0 and 1, got '" + *text + "' for " + field.name());
    } else {
        reader.error(field.mark(), "expected a share between 0 and 1 (such as 0.5) for " +
                                       field.name() + ", got " + describe(field.node));
    }
    return std::nullopt;
}

std::function<std::optional<int64_t>(YamlReader&, const Field&)> integer_in(int64_t min,
                                                                            int64_t max) {
    return [min, max](YamlReader& reader, const Field& field) -> std::optional<int64_t> {
        const std::string text = field.node.IsScalar() ? field.node.Scalar() : std::string();
        const bool digits = !text.empty() && std::all_of(text.begin(), text.end(), is_digit);
        if (!field.node.IsScalar() || is_quoted(field.node) || !digits) {
            reader.error(field.mark(), "expected a whole number (digits only) for " + field.name() +
                                           ", got " + describe(field.node));
            return std::nullopt;
        }
        int64_t value = 0;
        bool in_range = true;
        for (char c : text) {
            if (__builtin_mul_overflow(value, 10, &value) ||
                __builtin_add_overflow(value, c - '0', &value)) {
                in_range = false;
                break;
            }
        }
        if (!in_range || value < min || value > max) {
            reader.error(field.mark(), field.name() + " must be between " + std::to_string(min) +
                                           " and " + std::to_string(max) + ", got '" + text + "'");
            return std::nullopt;
        }
        return value;
    };
}

std::function<std::optional<std::string>(YamlReader&, const Field&)> one_of(
    std::vector<std::string> words) {
    return [words = std::move(words)](YamlReader& reader,
                                      const Field& field) -> std::optional<std::string> {
        auto text = scalar_of(reader, field, "one of: " + join(words));
        if (!text) return std::nullopt;
        if (std::find(words.begin(), words.end(), *text) != words.end()) return text;
        std::string message = "unknown value '" + *text + "' for " + field.name();
        if (auto suggestion = closest_match(*text, words)) {
            message += " (did you mean '" + *suggestion + "'?)";
        }
        reader.error(field.mark(), message + "; expected one of: " + join(words));
        return std::nullopt;
    };
}

bool for_each_item(YamlReader& reader, const Field& field,
                   const std::function<void(const Field& item)>& each) {
    if (!field.node.IsSequence()) {
        reader.error(field.mark(),
                     "expected a list for " + field.name() + ", got " + describe(field.node));
        return false;
    }
    for (const YAML::Node& node : field.node) {
        // An empty item has no place of its own (yaml-cpp marks the token after it), so errors
        // about it point at the list; a written `~` or `null` is pointed at directly.
        YAML::Mark mark = field.node.Mark();
        if (node.IsNull() && node.Mark().line >= 0) {
            const std::string_view line = reader.line(node.Mark().line + 1);
            const std::string_view rest =
                line.substr(std::min(static_cast<size_t>(node.Mark().column), line.size()));
            if (rest.starts_with('~') || rest.starts_with("null") || rest.starts_with("Null") ||
                rest.starts_with("NULL")) {
                mark = node.Mark();
            }
        }
        each(Field{node, field.key, field.place, mark, true});
    }
    return true;
}

}  // namespace activ::strict_yaml
