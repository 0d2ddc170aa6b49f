// One pass of yaml-cpp's event parser: the tree is built and the document's shape checked
// as the events come, with no node tree of yaml-cpp's own.
#include "engine/yaml_tree.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <istream>
#include <stdexcept>
#include <streambuf>

#include "engine/yaml_reader.hpp"

namespace activ::strict_yaml {

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

Mark mark_of(const YAML::Mark& mark) { return {mark.line, mark.column}; }

// yaml-cpp reads from a std::istream: this one reads the text where it lies, uncopied.
class TextBuffer : public std::streambuf {
  public:
    explicit TextBuffer(std::string_view text) {
        // Never written through: the get area only reads, and a putback of the character
        // just read (all yaml-cpp does) moves the pointer back without writing.
        char* begin = const_cast<char*>(text.data());
        setg(begin, begin, begin + text.size());
    }
};

constexpr uint32_t no_node = UINT32_MAX;

}  // namespace

// Builds the tree from the event stream, and sees what yaml-cpp's own node builder hides:
// anchors and aliases (which it silently shares), the start of every document, and the
// shape of the document, measured while the parser goes.
class TreeBuilder : public YAML::EventHandler {
  public:
    TreeBuilder(YamlReader& reader, const DocumentLimits& limits, YamlTree& tree)
        : reader_(reader), limits_(limits), tree_(tree) {
        // A convention holds about a node for every 10 bytes.
        tree_.nodes_.reserve(reader.text().size() / 8 + 16);
    }

    /// After the last document: a text without any reads as one null document.
    void finish() {
        if (tree_.nodes_.empty()) tree_.nodes_.emplace_back();
    }

    std::vector<YAML::Mark> documents;
    bool refused = false;  // the document must not be read

    void OnDocumentStart(const YAML::Mark& mark) override {
        if (!documents.empty() && documents.back().pos == mark.pos) throw Stalled{mark};
        documents.push_back(mark);
    }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        node(mark, anchor);
        after_leaf(add(NodeKind::null, mark));
    }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
        node(mark, YAML::NullAnchor);
        refuse(mark, "aliases (*name) are not supported: write the value out in full");
        after_leaf(add(NodeKind::null, mark));
    }
    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        node(mark, anchor);
        if (value.size() > limits_.max_text_bytes) {
            refuse(mark, long_text_message(value.size(), limits_.max_text_bytes));
        }
        const uint32_t id = add(NodeKind::scalar, mark);
        YamlTree::Node& n = tree_.nodes_[id];
        // What yaml-cpp's Node::Tag() gave: "!" for a quoted or block scalar without a tag.
        n.quoted = tag.size() == 1 && tag[0] == '!';
        n.size = checked(value.size());
        // Most scalars read as they are written, plain or just after their quote: those
        // are viewed in the source rather than copied.
        const std::string_view source = tree_.source_;
        if (mark.pos >= 0) {
            auto at = static_cast<size_t>(mark.pos);
            if (n.quoted && at < source.size() && (source[at] == '"' || source[at] == '\'')) ++at;
            if (at <= source.size() && source.size() - at >= value.size() &&
                source.compare(at, value.size(), value) == 0) {
                n.in_source = true;
                n.text_begin = checked(at);
                after_leaf(id);
                return;
            }
        }
        n.text_begin = checked(tree_.text_.size());
        tree_.text_ += value;
        checked(tree_.text_.size());
        after_leaf(id);
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
        uint32_t id = 0;
        uint32_t children = 0;        // nodes seen: keys and values alike in a mapping
        uint32_t name = no_node;      // the key this collection is the value of, for messages
        uint32_t last_key = no_node;  // a mapping's key whose value comes next
        bool is_map = false;
    };

    // Offsets and counts are held in 32 bits: far beyond what yaml-cpp's int positions allow.
    static uint32_t checked(size_t n) {
        if (n >= UINT32_MAX) throw std::length_error("a YAML text too large to read");
        return static_cast<uint32_t>(n);
    }

    uint32_t add(NodeKind kind, const YAML::Mark& mark) {
        const uint32_t id = checked(tree_.nodes_.size());
        YamlTree::Node& n = tree_.nodes_.emplace_back();
        n.kind = kind;
        n.mark = mark_of(mark);
        n.end = id + 1;
        return id;
    }

    void refuse(const YAML::Mark& mark, std::string message) {
        refuse(mark_of(mark), std::move(message));
    }
    void refuse(Mark mark, std::string message) {
        reader_.error(mark, std::move(message));
        refused = true;
    }

    // Every node, before it is added: counts it in its parent and refuses anchors.
    void node(const YAML::Mark& mark, YAML::anchor_t anchor) {
        if (anchor != YAML::NullAnchor) {
            refuse(mark, "anchors (&name) are not supported: write the value out in full");
        }
        if (open_.empty()) return;
        Collection& parent = open_.back();
        ++parent.children;
        // Mappings are not counted: their keys are few and checked one by one.
        if (!parent.is_map && parent.children == limits_.max_items + 1) {
            std::string_view name;
            if (parent.name != no_node) name = tree_.text(tree_.nodes_[parent.name]);
            std::string message = long_list_message(name, limits_.max_items);
            refuse(tree_.nodes_[parent.id].mark, std::move(message));
        }
    }

    // A scalar, null or alias has been added: in a mapping, a key names the next value.
    void after_leaf(uint32_t id) {
        if (open_.empty() || !open_.back().is_map) return;
        Collection& parent = open_.back();
        if (parent.children % 2 == 1) parent.last_key = id;
    }

    void open(const YAML::Mark& mark, YAML::anchor_t anchor, bool is_map) {
        uint32_t name = no_node;
        if (!open_.empty() && open_.back().is_map && open_.back().children % 2 == 1) {
            name = open_.back().last_key;
        }
        node(mark, anchor);
        if (!open_.empty() && open_.back().is_map && open_.back().children % 2 == 1) {
            open_.back().last_key = no_node;  // a collection as a key names nothing
        }
        if (open_.size() >= static_cast<size_t>(limits_.max_depth)) throw TooDeep{mark};
        const uint32_t id = add(is_map ? NodeKind::map : NodeKind::sequence, mark);
        open_.push_back({id, 0, name, no_node, is_map});
    }

    void close() {
        if (open_.empty()) return;
        YamlTree::Node& n = tree_.nodes_[open_.back().id];
        n.end = static_cast<uint32_t>(tree_.nodes_.size());
        n.size = open_.back().children;
        open_.pop_back();
    }

    YamlReader& reader_;
    const DocumentLimits& limits_;
    YamlTree& tree_;
    std::vector<Collection> open_;
};

std::string long_text_message(size_t bytes, size_t limit) {
    std::string message = "a text of ";
    message += std::to_string(bytes);
    message += " bytes, more than the limit of ";
    message += std::to_string(limit);
    message += " (activ check --max-text-length raises it)";
    return message;
}

std::string long_list_message(std::string_view name, size_t limit) {
    std::string message = "a list";
    if (!name.empty()) {
        message += " ('";
        message += name;
        message += "')";
    }
    message += " of more than ";
    message += std::to_string(limit);
    message += " items (activ check --max-list-items raises the limit)";
    return message;
}

std::string deep_message(int limit) {
    std::string message = "lists and mappings nested more than ";
    message += std::to_string(limit);
    message += " levels deep (a convention needs 7)";
    return message;
}

bool refuse_non_text(YamlReader& reader) {
    const std::string_view text = reader.text();
    const size_t bad = first_non_text_byte(text);
    if (bad == std::string_view::npos) return false;
    int line = 0;
    int column = 0;
    line_column_of(text, bad, line, column);
    reader.error_at({line, column}, non_text_message(text, bad), /*show_source=*/false);
    return true;
}

std::optional<YamlTree> parse_single_document(YamlReader& reader, const DocumentLimits& limits) {
    const std::string_view text = reader.text();
    if (refuse_non_text(reader)) return std::nullopt;
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
    try {
        YamlTree tree(text);
        TreeBuilder builder(reader, limits, tree);
        {
            TextBuffer buffer(text);
            std::istream stream(&buffer);
            YAML::Parser parser(stream);
            while (parser.HandleNextDocument(builder)) {
            }
        }
        if (builder.documents.size() > 1) {
            reader.error(mark_of(builder.documents[1]),
                         "only one YAML document is expected in the file");
        }
        if (builder.refused) return std::nullopt;
        builder.finish();
        return tree;
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
        reader.error(mark_of(e.mark), std::move(message));
    } catch (const TooDeep& e) {
        reader.error(mark_of(e.mark), deep_message(limits.max_depth));
    } catch (const YAML::ParserException& e) {
        std::string message = "YAML syntax error: ";
        message += e.msg;
        reader.error(mark_of(e.mark), std::move(message));
    } catch (const YAML::Exception& e) {
        std::string message = "cannot read the YAML: ";
        message += e.msg;
        reader.error(mark_of(e.mark), std::move(message));
    }
    return std::nullopt;
}

}  // namespace activ::strict_yaml
