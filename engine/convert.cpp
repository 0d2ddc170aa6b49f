// Writes the loader's tree of a convention in the other format. What decides a value's
// type in both formats is kept: a quoted scalar (a JSON string) stays quoted where it
// could read otherwise, a plain one (a JSON number, true or false) stays plain.
#include "engine/convert.hpp"

#include "engine/json_tree.hpp"
#include "engine/yaml_document.hpp"
#include "engine/yaml_reader.hpp"

namespace activ {

namespace {

using strict_yaml::NodeKind;
using strict_yaml::NodeRef;
using strict_yaml::is_json_atom;

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
                append_quoted(node.text(), out);
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
                    append_quoted(child.text(), out);
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
        written = write_yaml(yaml_value_of(tree->root()));
    }
    out.text = std::move(written);
    out.diagnostics = load_convention_text(text, file, limits, from).diagnostics;
    return out;
}

}  // namespace activ
