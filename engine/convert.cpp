// Writes the loader's tree of a convention in the other format. What decides a value's
// type in both formats is kept: a quoted scalar (a JSON string) stays quoted where it
// could read otherwise, a plain one (a JSON number, true or false) stays plain.
#include "engine/convert.hpp"

#include "engine/json_tree.hpp"
#include "engine/yaml_reader.hpp"

namespace activ {

namespace {

using strict_yaml::NodeKind;
using strict_yaml::NodeRef;
using strict_yaml::is_json_atom;

void json_string(std::string_view text, std::string& out) {
    static const char* const hex = "0123456789abcdef";
    out += '"';
    for (char c : text) {
        auto const u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\r') {
            out += "\\r";
        } else if (u < 0x20) {
            out += "\\u00";
            out += hex[u >> 4];
            out += hex[u & 15];
        } else {
            out += c;
        }
    }
    out += '"';
}

void write_json(NodeRef node, int indent, std::string& out) {
    std::string const pad(static_cast<size_t>(indent + 2), ' ');
    switch (node.kind()) {
        case NodeKind::null:
            out += "null";
            return;
        case NodeKind::scalar:
            if (!node.quoted() && is_json_atom(node.text()))
                out += node.text();
            else
                json_string(node.text(), out);
            return;
        case NodeKind::sequence: {
            if (node.child_count() == 0) {
                out += "[]";
                return;
            }
            out += "[\n";
            bool first = true;
            for (NodeRef item : node) {
                if (!first) out += ",\n";
                first = false;
                out += pad;
                write_json(item, indent + 2, out);
            }
            out += '\n';
            out.append(static_cast<size_t>(indent), ' ');
            out += ']';
            return;
        }
        case NodeKind::map: {
            if (node.child_count() == 0) {
                out += "{}";
                return;
            }
            out += "{\n";
            bool key = true;
            bool first = true;
            for (NodeRef child : node) {
                if (key) {
                    if (!first) out += ",\n";
                    first = false;
                    out += pad;
                    json_string(child.text(), out);
                    out += ": ";
                } else {
                    write_json(child, indent + 2, out);
                }
                key = !key;
            }
            out += '\n';
            out.append(static_cast<size_t>(indent), ' ');
            out += '}';
            return;
        }
    }
}

// A string that YAML reads back as the same string when written plain: no indicator
// first, nothing that starts a comment or a mapping, no space at either end, and not a
// word YAML or the loader would take for something else (a number, true, null).
bool plain_in_yaml(std::string_view t) {
    if (t.empty() || t.front() == ' ' || t.back() == ' ') return false;
    if (std::string_view("-?:,[]{}#&*!|>'\"%@`~").find(t.front()) != std::string_view::npos)
        return false;
    if (t.find(": ") != std::string_view::npos || t.find(" #") != std::string_view::npos ||
        t.back() == ':')
        return false;
    for (char c : t)
        if (c == '\n' || c == '\t' || c == '\r' || c == ',' || c == '[' || c == ']' || c == '{' ||
            c == '}')
            return false;
    if (is_json_atom(t)) return false;
    for (std::string_view word : {"~", "Null", "NULL", "True", "TRUE", "False", "FALSE", "yes",
                                  "no", "Yes", "No", "on", "off", ".inf", ".nan"})
        if (t == word) return false;
    return true;
}

void yaml_scalar(NodeRef node, std::string& out) {
    if (node.kind() == NodeKind::null) {
        out += '~';
        return;
    }
    std::string_view const t = node.text();
    if (node.quoted() ? plain_in_yaml(t) : true) {
        out += t;
        return;
    }
    json_string(t, out);  // a JSON string is a YAML double-quoted scalar
}

void write_yaml(NodeRef node, int indent, std::string& out);

void yaml_value(NodeRef value, int indent, std::string& out) {
    if (value.is_map() && value.child_count() == 0) {
        out += " {}\n";
    } else if (value.is_sequence() && value.child_count() == 0) {
        out += " []\n";
    } else if (value.is_map() || value.is_sequence()) {
        out += '\n';
        write_yaml(value, indent + 2, out);
    } else {
        out += ' ';
        yaml_scalar(value, out);
        out += '\n';
    }
}

void write_yaml(NodeRef node, int indent, std::string& out) {
    std::string const pad(static_cast<size_t>(indent), ' ');
    if (node.is_map()) {
        bool key = true;
        for (NodeRef child : node) {
            if (key) {
                out += pad;
                yaml_scalar(child, out);
                out += ':';
            } else {
                yaml_value(child, indent, out);
            }
            key = !key;
        }
    } else if (node.is_sequence()) {
        for (NodeRef item : node) {
            out += pad;
            out += '-';
            yaml_value(item, indent, out);
        }
    } else {
        yaml_scalar(node, out);
        out += '\n';
    }
}

// A mapping key in JSON is a string: a YAML key that is a list or a mapping has no JSON
// form (the loader refuses it anyway).
void refuse_unwritable_keys(strict_yaml::YamlReader& reader, NodeRef node) {
    if (!node.is_map() && !node.is_sequence()) return;
    bool key = true;
    for (NodeRef child : node) {
        if (node.is_map() && key && !child.is_scalar()) {
            reader.error(child.mark(), "a key that is a list or a mapping cannot be written in JSON");
        } else {
            refuse_unwritable_keys(reader, child);
        }
        if (node.is_map()) key = !key;
    }
}

}  // namespace

Conversion convert_convention(std::string_view text, const std::string& file, InputFormat from,
                              InputFormat to, const ConventionLimits& limits) {
    Conversion out;
    if (text.size() > limits.max_file_bytes) {
        out.diagnostics = load_convention_text(text, file, limits, from).diagnostics;
        return out;
    }
    strict_yaml::YamlReader reader(text, file);
    strict_yaml::DocumentLimits const shape{limits.max_depth, limits.max_list_items,
                                            limits.max_text_bytes};
    auto tree = from == InputFormat::json ? strict_yaml::parse_json_document(reader, shape)
                                          : strict_yaml::parse_single_document(reader, shape);
    if (tree && tree->root().is_null()) {
        reader.error_at({}, "the file holds no convention: nothing to convert");
    } else if (tree) {
        refuse_unwritable_keys(reader, tree->root());
    }
    if (!tree || reader.has_errors()) {
        out.diagnostics = reader.take_diagnostics();
        return out;
    }
    std::string written;
    if (to == InputFormat::json) {
        write_json(tree->root(), 0, written);
        written += '\n';
    } else {
        write_yaml(tree->root(), 0, written);
    }
    out.text = std::move(written);
    out.diagnostics = load_convention_text(text, file, limits, from).diagnostics;
    return out;
}

}  // namespace activ
