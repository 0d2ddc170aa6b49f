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

// The layout: `indent` spaces at this level, or one line (a JSON Lines record) when
// negative. A JSON string never holds a raw newline, so a record is one line.
int next(int indent) { return indent < 0 ? indent : indent + 2; }

void new_line(int indent, std::string& out) {
    if (indent < 0) return;
    out += '\n';
    out.append(static_cast<size_t>(indent), ' ');
}

void write_json(NodeRef node, int indent, std::string& out) {
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
            out += '[';
            bool first = true;
            for (NodeRef item : node) {
                if (!first) out += ',';
                first = false;
                new_line(next(indent), out);
                write_json(item, next(indent), out);
            }
            new_line(indent, out);
            out += ']';
            return;
        }
        case NodeKind::map: {
            if (node.child_count() == 0) {
                out += "{}";
                return;
            }
            out += '{';
            bool key = true;
            bool first = true;
            for (NodeRef child : node) {
                if (key) {
                    if (!first) out += ',';
                    first = false;
                    new_line(next(indent), out);
                    append_quoted(child.text(), out);
                    out += indent < 0 ? ":" : ": ";
                } else {
                    write_json(child, next(indent), out);
                }
                key = !key;
            }
            new_line(indent, out);
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
                              OutputFormat to, const ConventionLimits& limits) {
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
    if (to != OutputFormat::yaml) {
        write_json(tree->root(), to == OutputFormat::json_line ? -1 : 0, written);
        written += '\n';
    } else {
        written = write_yaml(yaml_value_of(tree->root()));
    }
    out.text = std::move(written);
    out.diagnostics = load_convention_text(text, file, limits, from).diagnostics;
    return out;
}

Conversion convert_source(const ConventionSource& source, OutputFormat to,
                          const ConventionLimits& limits) {
    Conversion conversion;
    auto const unreadable = with_source_text(source, limits, [&](std::string_view text) {
        conversion = convert_convention(text, text_name(source), source.format, to, limits);
    });
    if (unreadable) return Conversion{std::nullopt, {*unreadable}};
    place_in_source(source, conversion.diagnostics);
    return conversion;
}

}  // namespace activ
