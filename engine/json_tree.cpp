// Builds the loader's flat tree from JSON with simdjson's On-Demand parser: no document
// tree of simdjson's own is built, strings are viewed in the source when they hold no
// escape, and numbers keep the text they were written with.
#include "engine/json_tree.hpp"

#include <simdjson.h>

#include <cstdint>
#include <string>

namespace activ::strict_yaml {

namespace {

namespace od = simdjson::ondemand;

struct JsonError {
    size_t offset;
    std::string message;
};

std::string_view trimmed(std::string_view token) {
    while (!token.empty() && (token.back() == ' ' || token.back() == '\t' || token.back() == '\n' ||
                              token.back() == '\r'))
        token.remove_suffix(1);
    return token;
}

}  // namespace

// JSON's number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? . On-Demand does
// not check a number it is not asked to convert, and we only ever keep its text.
bool is_json_number(std::string_view t) {
    size_t i = 0;
    auto digits = [&] {
        size_t const start = i;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
        return i > start;
    };
    if (i < t.size() && t[i] == '-') ++i;
    if (i < t.size() && t[i] == '0') {
        ++i;
    } else if (!digits()) {
        return false;
    }
    if (i < t.size() && t[i] == '.') {
        ++i;
        if (!digits()) return false;
    }
    if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
        if (!digits()) return false;
    }
    return i == t.size();
}

bool is_json_atom(std::string_view text) {
    return text == "true" || text == "false" || text == "null" || is_json_number(text);
}

class JsonTreeBuilder {
  public:
    JsonTreeBuilder(YamlReader& reader, const DocumentLimits& limits, YamlTree& tree,
                    const char* base)
        : reader_(reader), limits_(limits), tree_(tree), base_(base),
          next_newline_(reader.text().find('\n')) {
        tree_.nodes_.reserve(reader.text().size() / 8 + 16);
    }

    bool refused = false;

    void document(od::document& doc) {
        od::json_type type;
        check(doc.type().get(type), doc.current_location());
        switch (type) {
            case od::json_type::object:
            case od::json_type::array: {
                od::value v;
                check(doc.get_value().get(v), doc.current_location());
                value(v, 0);
                break;
            }
            default:
                scalar_document(doc, type);  // simdjson refuses trailing content itself
                return;
        }
        // Past the value, the document must end: one convention per file, or per line of a
        // .jsonl file.
        const char* after = nullptr;
        if (doc.current_location().get(after) == simdjson::SUCCESS && after != nullptr)
            throw JsonError{static_cast<size_t>(after - base_),
                            "JSON syntax error: more after the value (one convention per file, or "
                            "per line of a .jsonl file)"};
    }

    /// The position of a byte of the text, counting lines as the nodes come in order: a
    /// node on the line of the one before costs no scan (a .jsonl line is one line).
    Mark mark_at(size_t offset) {
        const std::string_view text = reader_.text();
        if (offset < line_start_) {  // rare: restart from the top
            line_ = 0;
            line_start_ = 0;
            next_newline_ = text.find('\n');
        }
        while (next_newline_ < offset) {
            ++line_;
            line_start_ = next_newline_ + 1;
            next_newline_ = text.find('\n', line_start_);
        }
        return {line_, static_cast<int>(offset - line_start_)};
    }

    size_t offset_of(simdjson::simdjson_result<const char*> location) {
        const char* at = nullptr;
        if (std::move(location).get(at) != simdjson::SUCCESS || at == nullptr)
            return reader_.text().size();
        return static_cast<size_t>(at - base_);
    }

  private:
    static uint32_t checked(size_t n) {
        if (n >= UINT32_MAX) throw std::length_error("a JSON text too large to read");
        return static_cast<uint32_t>(n);
    }

    void check(simdjson::error_code error, simdjson::simdjson_result<const char*> location) {
        if (error != simdjson::SUCCESS) {
            std::string message = "JSON syntax error: ";
            message += simdjson::error_message(error);
            throw JsonError{offset_of(location), std::move(message)};
        }
    }

    uint32_t add(NodeKind kind, size_t offset) {
        const uint32_t id = checked(tree_.nodes_.size());
        YamlTree::Node& n = tree_.nodes_.emplace_back();
        n.kind = kind;
        n.mark = mark_at(offset);
        n.end = id + 1;
        return id;
    }

    void refuse(Mark mark, std::string message) {
        reader_.error(mark, std::move(message));
        refused = true;
    }

    /// A string whose opening quote is at `offset`: `text` is viewed in the source when
    /// `in_source` (no escape: it reads as written), else copied into the tree's buffer.
    void string(std::string_view text, bool in_source, size_t offset) {
        if (text.size() > limits_.max_text_bytes) {
            refuse(mark_at(offset), long_text_message(text.size(), limits_.max_text_bytes));
        }
        const uint32_t id = add(NodeKind::scalar, offset);
        YamlTree::Node& n = tree_.nodes_[id];
        n.quoted = true;
        n.size = checked(text.size());
        if (in_source) {
            n.in_source = true;
            n.text_begin = checked(offset + 1);
        } else {
            n.text_begin = checked(tree_.text_.size());
            tree_.text_ += text;
            checked(tree_.text_.size());
        }
    }

    /// The same, for a string token as written (quotes included) and as simdjson read it.
    void string(std::string_view raw, std::string_view unescaped, size_t offset) {
        string(unescaped, raw.size() >= 2 && raw.substr(1, raw.size() - 2) == unescaped, offset);
    }

    /// The content of the string whose opening quote is `quote`, when it holds no escape.
    std::optional<std::string_view> without_escape(const char* quote) const {
        const char* const end = base_ + reader_.text().size();
        for (const char* p = quote + 1; p < end; ++p) {
            if (*p == '"') return std::string_view(quote + 1, static_cast<size_t>(p - quote - 1));
            if (*p == '\\') return std::nullopt;
        }
        return std::nullopt;
    }

    void plain(std::string_view token, size_t offset) {
        const uint32_t id = add(NodeKind::scalar, offset);
        YamlTree::Node& n = tree_.nodes_[id];
        n.in_source = true;
        n.text_begin = checked(offset);
        n.size = checked(token.size());
    }

    void value(od::value v, int depth) {
        // Each first step on `v` below reports its error where the iterator stood before
        // the step: asked once, not again for every check.
        auto const location = v.current_location();
        check(location.error(), location);
        const char* const at = location.value_unsafe();
        size_t const offset = static_cast<size_t>(at - base_);
        od::json_type type;
        check(v.type().get(type), location);
        switch (type) {
            case od::json_type::object: {
                if (depth >= limits_.max_depth) throw JsonError{offset, deep_message(limits_.max_depth)};
                const uint32_t id = add(NodeKind::map, offset);
                uint32_t children = 0;
                od::object object;
                check(v.get_object().get(object), location);
                for (auto field_result : object) {
                    od::field field;
                    // get() does not move the iterator: its location is the step's.
                    if (auto error = std::move(field_result).get(field)) check(error, v.current_location());
                    const char* key_at = field.key().raw() - 1;  // at the opening quote
                    // Most keys hold no escape: no need to have simdjson copy them.
                    if (auto key = without_escape(key_at)) {
                        string(*key, true, static_cast<size_t>(key_at - base_));
                    } else {
                        std::string_view unescaped;
                        check(field.unescaped_key().get(unescaped), simdjson::simdjson_result<const char*>(static_cast<const char*>(key_at)));
                        string(unescaped, false, static_cast<size_t>(key_at - base_));
                    }
                    value(field.value(), depth + 1);
                    children += 2;
                }
                close(id, children);
                break;
            }
            case od::json_type::array: {
                if (depth >= limits_.max_depth) throw JsonError{offset, deep_message(limits_.max_depth)};
                const uint32_t id = add(NodeKind::sequence, offset);
                uint32_t children = 0;
                od::array array;
                check(v.get_array().get(array), location);
                for (auto item_result : array) {
                    od::value item;
                    if (auto error = std::move(item_result).get(item)) check(error, v.current_location());
                    if (++children == limits_.max_items + 1) {
                        std::string_view name;
                        if (id > 0 && tree_.nodes_[id - 1].kind == NodeKind::scalar) name = tree_.text(tree_.nodes_[id - 1]);
                        refuse(tree_.nodes_[id].mark, long_list_message(name, limits_.max_items));
                    }
                    value(item, depth + 1);
                }
                close(id, children);
                break;
            }
            case od::json_type::string: {
                std::string_view const raw = trimmed(v.raw_json_token());
                if (raw.size() >= 2 && raw.back() == '"' && raw.find('\\') == std::string_view::npos) {
                    // Read as written: simdjson need only step over it, not copy it.
                    od::raw_json_string ignored;
                    check(v.get_raw_json_string().get(ignored), location);
                    string(raw.substr(1, raw.size() - 2), true, offset);
                } else {
                    std::string_view text;
                    check(v.get_string().get(text), location);
                    string(text, false, offset);
                }
                break;
            }
            case od::json_type::number: {
                std::string_view const token = trimmed(v.raw_json_token());
                if (!is_json_number(token))
                    throw JsonError{offset, "JSON syntax error: '" + std::string(token.substr(0, 40)) + "' is not a number"};
                plain(token, offset);
                break;
            }
            case od::json_type::boolean: {
                bool b = false;
                check(v.get_bool().get(b), location);
                plain(b ? "true" : "false", offset);
                break;
            }
            case od::json_type::null: {
                bool is_null = false;
                check(v.is_null().get(is_null), location);
                if (!is_null) throw JsonError{offset, "JSON syntax error: expected null"};
                add(NodeKind::null, offset);
                break;
            }
        }
    }

    void scalar_document(od::document& doc, od::json_type type) {
        std::string_view token;
        check(doc.raw_json_token().get(token), doc.current_location());
        token = trimmed(token);
        size_t const offset = static_cast<size_t>(token.data() - base_);
        if (type == od::json_type::null) {
            add(NodeKind::null, offset);
        } else if (type == od::json_type::string) {
            std::string_view text;
            check(doc.get_string().get(text), doc.current_location());
            string(token, text, offset);
        } else {
            plain(token, offset);
        }
    }

    void close(uint32_t id, uint32_t children) {
        YamlTree::Node& n = tree_.nodes_[id];
        n.end = checked(tree_.nodes_.size());
        n.size = children;
    }

    YamlReader& reader_;
    const DocumentLimits& limits_;
    YamlTree& tree_;
    const char* base_;
    int line_ = 0;
    size_t line_start_ = 0;
    size_t next_newline_;  // npos past the last line
};

std::optional<YamlTree> parse_json_document(YamlReader& reader, const DocumentLimits& limits) {
    const std::string_view text = reader.text();
    if (refuse_non_text(reader)) return std::nullopt;
    // simdjson reads a few bytes past the end: it wants its own padded copy.
    simdjson::padded_string const padded(text.data(), text.size());
    YamlTree tree(text);
    JsonTreeBuilder builder(reader, limits, tree, padded.data());
    try {
        // A new parser per document would allocate and fault in its buffers for every line
        // of a .jsonl file; one per thread keeps them, sized for the largest document so far.
        thread_local od::parser parser;
        od::document doc;
        auto const error = parser.iterate(padded).get(doc);
        if (error != simdjson::SUCCESS) {
            reader.error(builder.mark_at(0), std::string("JSON syntax error: ") + simdjson::error_message(error));
            return std::nullopt;
        }
        builder.document(doc);
    } catch (const JsonError& e) {
        reader.error(builder.mark_at(std::min(e.offset, text.size())), e.message);
        return std::nullopt;
    } catch (const simdjson::simdjson_error& e) {
        reader.error(builder.mark_at(0), std::string("JSON syntax error: ") + e.what());
        return std::nullopt;
    }
    if (builder.refused) return std::nullopt;
    return tree;
}

}  // namespace activ::strict_yaml
