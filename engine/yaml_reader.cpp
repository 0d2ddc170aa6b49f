// Strict, exact reading of YAML values, with diagnostics at their line and column.
#include "engine/yaml_reader.hpp"

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <unordered_map>

#include "engine/edit_distance.hpp"
#include "engine/json_tree.hpp"

namespace activ::strict_yaml {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Longest source line a diagnostic shows with a caret.
constexpr size_t max_source_line = 500;
bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

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

// The scalar of a field, or nullopt after reporting that `expected` (then the words of
// `vocabulary`, when given) was wanted.
std::optional<std::string_view> scalar_of(YamlReader& reader, const Field& field,
                                          std::string_view expected, Words vocabulary = {}) {
    if (!field.node.is_scalar()) {
        reader.error(field.mark(), cat("expected ", expected, join(vocabulary), " for ",
                                       field.name(), ", got ", describe(field.node)));
        return std::nullopt;
    }
    return field.node.text();
}

}  // namespace

std::string join(Words words) {
    std::string out;
    for (const auto word : words) {
        if (!out.empty()) out += ", ";
        out += word;
    }
    return out;
}

std::optional<std::string_view> closest_match(std::string_view word, Words candidates) {
    // Typos are made in short words; the distance costs length x length, so long ones are skipped.
    constexpr size_t longest = 64;
    std::optional<std::string_view> best;
    size_t best_distance = 0;
    if (word.size() > longest) return best;
    for (const auto candidate : candidates) {
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
    line_starts_.reserve(text_.size() / 32 + 1);
    line_starts_.push_back(0);
    const char* const begin = text_.data();
    const char* const end = begin + text_.size();
    for (const char* p = begin; p != end;) {
        const auto* newline = static_cast<const char*>(std::memchr(p, '\n', end - p));
        if (!newline) break;
        p = newline + 1;
        line_starts_.push_back(static_cast<size_t>(p - begin));
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

SourcePos YamlReader::pos_of(Mark mark) const {
    if (mark.line < 0) return {};
    const int line_number = mark.line + 1;
    const std::string_view source = line(line_number);
    const size_t bytes = std::min(static_cast<size_t>(std::max(mark.column, 0)), source.size());
    // Positions are asked in file order, and a JSON Lines convention is one long line:
    // counting on from the last position asked keeps that linear.
    size_t from = 0;
    int column = 1;
    if (counted_.line == line_number && counted_.bytes <= bytes) {
        from = counted_.bytes;
        column = counted_.column;
    }
    for (size_t i = from; i < bytes; ++i) {
        if (!is_continuation_byte(source[i])) ++column;
    }
    counted_ = {line_number, bytes, column};
    return {line_number, column};
}

void YamlReader::error(Mark mark, std::string message) {
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
        note.message =
            cat(std::to_string(errors_left_out_), " more error", errors_left_out_ == 1 ? "" : "s",
                " not shown (at most ", std::to_string(max_errors), " are)");
        diagnostics_.push_back(std::move(note));
        errors_left_out_ = 0;
    }
    return std::move(diagnostics_);
}

// ---------------------------------------------------------------------------- Field

std::string Field::name() const { return cat(item ? "an item of '" : "'", key, "' ", place); }

std::string describe(NodeRef node) {
    switch (node.kind()) {
        case NodeKind::map:
            return "a mapping";
        case NodeKind::sequence:
            return "a list";
        case NodeKind::scalar: {
            std::string_view text = node.text();
            std::string_view ellipsis;
            if (text.size() > 40) {
                size_t cut = 37;
                while (cut > 0 && is_continuation_byte(text[cut])) --cut;  // keep UTF-8 whole
                text = text.substr(0, cut);
                ellipsis = "...";
            }
            // Quotes matter only where they change what a value is: "12" or "true" is a
            // string, not a number or a yes/no. Elsewhere the text is shown alike, so that
            // YAML and JSON (where every text is quoted) give the same message.
            return node.quoted() && is_json_atom(node.text())
                       ? cat("the quoted string \"", text, ellipsis, "\"")
                       : cat("'", text, ellipsis, "'");
        }
        default:
            return "nothing";
    }
}

// ---------------------------------------------------------------------------- MapReader

MapReader::MapReader(YamlReader& reader, NodeRef node, std::string_view what,
                     std::string_view place, Words known_keys)
    : reader_(reader), node_(node), place_(place), known_keys_(known_keys) {
    if (!node_.is_map()) {
        reader_.error(node_.mark(),
                      cat("expected a mapping for ", what, ", got ", describe(node_)));
        return;
    }
    is_map_ = true;
    check_keys();
}

MapReader::MapReader(YamlReader& reader, const Field& field, std::string_view place,
                     Words known_keys)
    : reader_(reader), node_(field.node), place_(place), known_keys_(known_keys) {
    if (!node_.is_map()) {
        reader_.error(field.mark(),
                      cat("expected a mapping for ", field.name(), ", got ", describe(node_)));
        return;
    }
    is_map_ = true;
    check_keys();
}

size_t MapReader::index_of(std::string_view key) const {
    for (size_t i = 0; i < known_keys_.size(); ++i) {
        if (known_keys_[i] == key) return i;
    }
    return known_keys_.size();
}

void MapReader::check_keys() {
    if (known_keys_.size() > max_known_keys) {
        throw std::logic_error("a mapping with more known keys than MapReader holds");
    }
    // Unknown keys are remembered by line for duplicates, and only when there are some.
    std::unordered_map<std::string_view, int> unknown_lines;
    const NodeRef::iterator end = node_.end();
    for (NodeRef::iterator it = node_.begin(); it != end; ++it) {
        const NodeRef key = *it;
        if (++it == end) break;  // to the value: a mapping's children come in pairs
        if (!key.is_scalar()) {
            reader_.error(key.mark(), cat("expected a key name ", place_, ", got ", describe(key)));
            continue;
        }
        const std::string_view name = key.text();
        // Only known keys are kept, so that a mapping of a million unknown keys costs no
        // more than reading them once.
        const size_t index = index_of(name);
        const bool known = index < known_keys_.size();
        int first_line = 0;
        if (known) {
            if (keys_[index] != 0) first_line = NodeRef(key.tree(), keys_[index]).mark().line + 1;
        } else if (auto [first, inserted] = unknown_lines.emplace(name, key.mark().line + 1);
                   !inserted) {
            first_line = first->second;
        }
        if (first_line > 0) {
            // yaml-cpp's node tree kept both pairs and read the first one: so does this.
            reader_.error(key.mark(),
                          cat("duplicate key '", name, "' ", place_, " (first given at line ",
                              std::to_string(first_line), ")"));
            continue;
        }
        if (known) {
            keys_[index] = key.id();
            continue;
        }
        if (!reader_.reporting()) {
            reader_.error(key.mark(), {});  // counted only: no suggestion to search for
            continue;
        }
        std::string message = cat("unknown key '", name, "' ", place_);
        if (auto suggestion = closest_match(name, known_keys_)) {
            message += "; did you mean '";
            message += *suggestion;
            message += "'?";
        } else {
            message += "; expected one of: ";
            message += join(known_keys_);
        }
        reader_.error(key.mark(), std::move(message));
    }
}

Field MapReader::field_at(size_t index) const {
    const NodeRef key(node_.tree(), keys_[index]);
    return Field{key.next(), known_keys_[index], place_, key.mark()};
}

std::optional<Field> MapReader::optional(std::string_view key) const {
    if (!is_map_) return std::nullopt;
    const size_t index = index_of(key);
    if (index == known_keys_.size() || keys_[index] == 0) return std::nullopt;
    Field field = field_at(index);
    if (field.node.is_null()) return std::nullopt;
    return field;
}

std::optional<Field> MapReader::required(std::string_view key) const {
    if (!is_map_) return std::nullopt;
    const size_t index = index_of(key);
    if (index == known_keys_.size() || keys_[index] == 0) {
        reader_.error(node_.mark(), cat("missing required key '", key, "' ", place_));
        return std::nullopt;
    }
    Field field = field_at(index);
    if (field.node.is_null()) {
        reader_.error(field.key_mark,
                      cat("missing value for required key '", field.key, "' ", place_));
        return std::nullopt;
    }
    return field;
}

// ---------------------------------------------------------------------------- value readers

std::optional<std::string_view> read_text(YamlReader& reader, const Field& field) {
    return scalar_of(reader, field, "text");
}

std::optional<std::string_view> read_id(YamlReader& reader, const Field& field) {
    auto text = scalar_of(reader, field, "an id (text or a whole number)");
    if (text && text->empty()) {
        reader.error(field.mark(), cat("empty id for ", field.name()));
        return std::nullopt;
    }
    return text;
}

std::optional<bool> read_bool(YamlReader& reader, const Field& field) {
    if (field.node.is_scalar() && !field.node.quoted()) {
        if (field.node.text() == "true") return true;
        if (field.node.text() == "false") return false;
    }
    reader.error(field.mark(),
                 cat("expected true or false for ", field.name(), ", got ", describe(field.node)));
    return std::nullopt;
}

std::optional<Date> read_date(YamlReader& reader, const Field& field) {
    auto text = scalar_of(reader, field, "a date (YYYY-MM-DD)");
    if (!text) return std::nullopt;
    if (auto date = parse_date(*text)) return date;
    if (is_date_shaped(*text)) {
        reader.error(field.mark(),
                     cat("invalid date '", *text, "' for ", field.name(), ": no such day"));
    } else {
        reader.error(field.mark(), cat("expected a date (YYYY-MM-DD) for ", field.name(), ", got ",
                                       describe(field.node)));
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
                     cat("money has more than 2 decimals: '", *text, "' for ", field.name()));
    } else if (shape) {
        reader.error(field.mark(), cat("amount too large: '", *text, "' for ", field.name()));
    } else {
        reader.error(field.mark(), cat("expected an amount in euro (such as 1250 or 1250.50) for ",
                                       field.name(), ", got ", describe(field.node)));
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
                     cat("share has more than 6 decimals: '", *text, "' for ", field.name()));
    } else if (shape && shape->negative) {
        // Even -0: a sign on a share is a slip worth pointing out, not a value to guess.
        reader.error(field.mark(), cat("a share is written without a sign, got '", *text, "' for ",
                                       field.name()));
    } else if (shape) {
        reader.error(field.mark(),
                     cat("share must be between 0 and 1, got '", *text, "' for ", field.name()));
    } else {
        reader.error(field.mark(), cat("expected a share between 0 and 1 (such as 0.5) for ",
                                       field.name(), ", got ", describe(field.node)));
    }
    return std::nullopt;
}

std::optional<int64_t> IntegerIn::operator()(YamlReader& reader, const Field& field) const {
    const std::string_view text = field.node.text();  // empty when not a scalar
    const bool digits = !text.empty() && std::all_of(text.begin(), text.end(), is_digit);
    if (!field.node.is_scalar() || field.node.quoted() || !digits) {
        reader.error(field.mark(), cat("expected a whole number (digits only) for ", field.name(),
                                       ", got ", describe(field.node)));
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
        reader.error(field.mark(), cat(field.name(), " must be between ", std::to_string(min),
                                       " and ", std::to_string(max), ", got '", text, "'"));
        return std::nullopt;
    }
    return value;
}

std::optional<std::string_view> OneOf::operator()(YamlReader& reader, const Field& field) const {
    auto text = scalar_of(reader, field, "one of: ", words);
    if (!text) return std::nullopt;
    if (std::find(words.begin(), words.end(), *text) != words.end()) return text;
    std::string message = cat("unknown value '", *text, "' for ", field.name());
    if (auto suggestion = closest_match(*text, words)) {
        message += " (did you mean '";
        message += *suggestion;
        message += "'?)";
    }
    message += "; expected one of: ";
    message += join(words);
    reader.error(field.mark(), std::move(message));
    return std::nullopt;
}

bool check_list(YamlReader& reader, const Field& field) {
    if (field.node.is_sequence()) return true;
    reader.error(field.mark(),
                 cat("expected a list for ", field.name(), ", got ", describe(field.node)));
    return false;
}

Mark item_mark(const YamlReader& reader, const Field& list, NodeRef item) {
    // yaml-cpp marks an empty item with the token after it: an error about it points at the
    // list, and only a written `~` or `null` is pointed at directly.
    const Mark at = item.mark();
    if (item.is_null() && at.line >= 0) {
        const std::string_view line = reader.line(at.line + 1);
        const std::string_view rest =
            line.substr(std::min(static_cast<size_t>(at.column), line.size()));
        if (rest.starts_with('~') || rest.starts_with("null") || rest.starts_with("Null") ||
            rest.starts_with("NULL")) {
            return at;
        }
    }
    return list.node.mark();
}

}  // namespace activ::strict_yaml
