// A parsed YAML document as a flat, read-only tree: what the strict loader needs of
// yaml-cpp's node tree (kinds, scalar texts, quoting, positions), built in one pass of
// yaml-cpp's event parser, with one vector of nodes. A scalar's text is viewed in the
// source where it is written as it reads (most are), else kept in one buffer.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace activ::strict_yaml {

class YamlReader;

/// A position as yaml-cpp gives it: 0-based line, column in bytes; -1 when unknown.
struct Mark {
    int line = -1;
    int column = -1;
};

/// What a node is, as yaml-cpp's Node::Type() told it: an untagged plain `~`, `null`,
/// `Null`, `NULL` or empty value is null, any other scalar (quoted or not) is a scalar.
enum class NodeKind : uint8_t { null, scalar, sequence, map };

class YamlTree;

/// One node of a YamlTree; cheap to copy (a pointer and an index).
class NodeRef {
  public:
    NodeRef() = default;
    NodeRef(const YamlTree* tree, uint32_t id) : tree_(tree), id_(id) {}

    NodeKind kind() const;
    bool is_null() const { return kind() == NodeKind::null; }
    bool is_scalar() const { return kind() == NodeKind::scalar; }
    bool is_sequence() const { return kind() == NodeKind::sequence; }
    bool is_map() const { return kind() == NodeKind::map; }
    /// A scalar written in quotes (or as a block): a string even when it reads as a number.
    /// yaml-cpp tags those "!".
    bool quoted() const;
    /// A scalar's text; empty for anything else.
    std::string_view text() const;
    Mark mark() const;
    /// The children of a collection: items of a list, keys and values in turn in a mapping.
    uint32_t child_count() const;
    /// The node that follows this one's subtree: in a mapping, a key's value.
    NodeRef next() const;

    const YamlTree* tree() const { return tree_; }
    uint32_t id() const { return id_; }

    /// Iteration over the children, in file order.
    class iterator {
      public:
        iterator(const YamlTree* tree, uint32_t id) : tree_(tree), id_(id) {}
        NodeRef operator*() const { return {tree_, id_}; }
        iterator& operator++();
        bool operator==(const iterator& other) const { return id_ == other.id_; }

      private:
        const YamlTree* tree_;
        uint32_t id_;
    };
    iterator begin() const { return {tree_, id_ + 1}; }
    iterator end() const;

  private:
    const YamlTree* tree_ = nullptr;
    uint32_t id_ = 0;
};

class YamlTree {
  public:
    /// Nodes in document order: a node's descendants follow it, up to `end`.
    struct Node {
        NodeKind kind = NodeKind::null;
        bool quoted = false;
        bool in_source = false;  // a scalar's text is in the source, else in the buffer
        Mark mark;
        uint32_t end = 0;         // one past the last node of this node's subtree
        uint32_t size = 0;        // a scalar's length in bytes, a collection's children
        uint32_t text_begin = 0;  // a scalar's first byte, in the source or the buffer
    };

    /// A tree views the text it is parsed from, which must outlive it.
    explicit YamlTree(std::string_view source) : source_(source) {}

    /// The first document's root; a null node when the text holds no document.
    NodeRef root() const { return {this, 0}; }

    const Node& node(uint32_t id) const { return nodes_[id]; }
    std::string_view text(const Node& n) const {
        if (n.kind != NodeKind::scalar) return {};
        return {(n.in_source ? source_.data() : text_.data()) + n.text_begin, n.size};
    }

  private:
    friend class TreeBuilder;
    friend class JsonTreeBuilder;
    std::string_view source_;
    std::vector<Node> nodes_;
    std::string text_;  // the texts of scalars not written as they read (escapes, folds)
};

inline NodeKind NodeRef::kind() const { return tree_->node(id_).kind; }
inline bool NodeRef::quoted() const { return tree_->node(id_).quoted; }
inline std::string_view NodeRef::text() const { return tree_->text(tree_->node(id_)); }
inline Mark NodeRef::mark() const { return tree_->node(id_).mark; }
inline uint32_t NodeRef::child_count() const {
    const auto& n = tree_->node(id_);
    return n.kind == NodeKind::sequence || n.kind == NodeKind::map ? n.size : 0;
}
inline NodeRef NodeRef::next() const { return {tree_, tree_->node(id_).end}; }
inline NodeRef::iterator& NodeRef::iterator::operator++() {
    id_ = tree_->node(id_).end;
    return *this;
}
inline NodeRef::iterator NodeRef::end() const {
    const auto& n = tree_->node(id_);
    // A scalar or null has no children: its end is the node after it, where begin() is.
    return {tree_, n.end};
}

/// Bounds on the shape of a document, checked on the parser's events as the tree is
/// built: yaml-cpp's parser recurses once per level of nesting, and the tree holds
/// every item.
struct DocumentLimits {
    int max_depth = 0;          // lists and mappings inside each other
    size_t max_items = 0;       // items of one list, keys of one mapping
    size_t max_text_bytes = 0;  // one scalar
};

/// Reports the first byte that is not text (not UTF-8, or a control character other than
/// tab, CR and LF), in YAML and JSON alike; true when there is one.
bool refuse_non_text(YamlReader& reader);

/// What a document beyond its limits is told, the same for YAML and JSON.
std::string long_text_message(size_t bytes, size_t limit);
std::string long_list_message(std::string_view list_name, size_t limit);
std::string deep_message(int limit);

/// Parses the reader's text as one YAML document, in one pass of yaml-cpp's event
/// parser. Nullopt, after reporting, when the text is not UTF-8, not YAML, goes beyond
/// `limits`, or holds anchors or aliases (which let a few lines stand for an exponential
/// number of nodes). A second document is reported, but the first is still returned so
/// that its own problems are found too.
std::optional<YamlTree> parse_single_document(YamlReader& reader, const DocumentLimits& limits);

}  // namespace activ::strict_yaml
