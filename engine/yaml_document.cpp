// Values copied out of a strict_yaml tree, and written back as YAML.
#include "engine/yaml_document.hpp"

#include "engine/json_tree.hpp"

namespace activ {

namespace {

using strict_yaml::NodeKind;
using strict_yaml::NodeRef;

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
    if (strict_yaml::is_json_atom(t)) return false;
    for (std::string_view word : {"~", "Null", "NULL", "True", "TRUE", "False", "FALSE", "yes",
                                  "no", "Yes", "No", "on", "off", ".inf", ".nan"})
        if (t == word) return false;
    return true;
}

void write_scalar(const YamlValue& v, std::string& out) {
    if (v.kind == YamlValue::Kind::null) {
        out += '~';
    } else if (!v.quoted || plain_in_yaml(v.text)) {
        out += v.text;
    } else {
        append_quoted(v.text, out);
    }
}

void write_block(const YamlValue& v, int indent, std::string& out);

// After `key:` or `-`: a scalar on the same line, a collection on the following lines.
void write_after(const YamlValue& v, int indent, std::string& out) {
    if (v.kind == YamlValue::Kind::map && v.entries.empty()) {
        out += " {}\n";
    } else if (v.kind == YamlValue::Kind::sequence && v.items.empty()) {
        out += " []\n";
    } else if (v.kind == YamlValue::Kind::map || v.kind == YamlValue::Kind::sequence) {
        out += '\n';
        write_block(v, indent + 2, out);
    } else {
        out += ' ';
        write_scalar(v, out);
        out += '\n';
    }
}

void write_block(const YamlValue& v, int indent, std::string& out) {
    std::string const pad(static_cast<size_t>(indent), ' ');
    if (v.kind == YamlValue::Kind::map) {
        for (const YamlEntry& e : v.entries) {
            out += pad;
            // A key is written as a quoted scalar would be: plain whenever that reads back.
            write_scalar(YamlValue{YamlValue::Kind::scalar, e.key, true, {}, {}}, out);
            out += ':';
            write_after(e.value, indent, out);
        }
    } else if (v.kind == YamlValue::Kind::sequence) {
        for (const YamlValue& item : v.items) {
            out += pad;
            out += '-';
            write_after(item, indent, out);
        }
    } else {
        write_scalar(v, out);
        out += '\n';
    }
}

}  // namespace

YamlValue* YamlValue::find(const std::string& key) {
    for (auto& e : entries)
        if (e.key == key) return &e.value;
    return nullptr;
}

const YamlValue* YamlValue::find(const std::string& key) const {
    return const_cast<YamlValue*>(this)->find(key);
}

YamlValue yaml_value_of(NodeRef node) {
    YamlValue v;
    switch (node.kind()) {
        case NodeKind::null:
            break;
        case NodeKind::scalar:
            v.kind = YamlValue::Kind::scalar;
            v.text = std::string(node.text());
            v.quoted = node.quoted();
            break;
        case NodeKind::sequence:
            v.kind = YamlValue::Kind::sequence;
            for (NodeRef item : node) v.items.push_back(yaml_value_of(item));
            break;
        case NodeKind::map: {
            v.kind = YamlValue::Kind::map;
            bool key = true;
            std::string name;
            for (NodeRef child : node) {
                if (key) {
                    name = std::string(child.text());
                } else {
                    v.entries.push_back(YamlEntry{name, yaml_value_of(child)});
                }
                key = !key;
            }
            break;
        }
    }
    return v;
}

std::string write_yaml(const YamlValue& value) {
    std::string out;
    write_block(value, 0, out);
    return out;
}

void append_quoted(std::string_view text, std::string& out) {
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

}  // namespace activ
