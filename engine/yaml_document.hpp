// A parsed YAML or JSON document as values that can be changed and written out again as
// YAML: `activ convert` writes a convention this way, and rule tests merge a change into
// their base convention before the loader reads it.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "engine/yaml_tree.hpp"

namespace activ {

struct YamlEntry;

/// A copy of one node of a strict_yaml tree that owns its text.
struct YamlValue {
    enum class Kind { null, scalar, sequence, map } kind = Kind::null;
    std::string text;  // a scalar's
    bool quoted = false;
    std::vector<YamlValue> items;    // a sequence's
    std::vector<YamlEntry> entries;  // a mapping's, in file order

    // Defined out of the class, where YamlEntry is complete.
    YamlValue* find(const std::string& key);
    const YamlValue* find(const std::string& key) const;
};

struct YamlEntry {
    std::string key;
    YamlValue value;
};

/// A copy of `node` and everything under it.
YamlValue yaml_value_of(strict_yaml::NodeRef node);

/// `value` in YAML block style. A plain scalar is written plain; a quoted one (a JSON
/// string) plain where YAML reads it back as the same text, else double-quoted; a mapping
/// key likewise. So the result loads as the value it was written from.
std::string write_yaml(const YamlValue& value);

/// Appends `text` double-quoted and escaped, as JSON and YAML both read it.
void append_quoted(std::string_view text, std::string& out);

}  // namespace activ
