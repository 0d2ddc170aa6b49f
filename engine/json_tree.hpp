// A JSON convention read into the same flat tree as a YAML one (engine/yaml_tree.hpp), so
// that one strict loader gives both the same validated model and the same errors at the
// same kind of positions. JSON strings are quoted scalars; numbers, true and false are
// plain scalars holding their exact text (money never goes through a double).
#pragma once
#include <optional>
#include <string_view>

#include "engine/yaml_reader.hpp"
#include "engine/yaml_tree.hpp"

namespace activ::strict_yaml {

/// Whether `text` is a JSON number as the grammar writes it (no leading zero, no `+`).
bool is_json_number(std::string_view text);
/// A JSON number, true, false or null: what a plain scalar means the same in both formats.
bool is_json_atom(std::string_view text);

/// Parses the reader's text as one JSON value with simdjson, reporting a syntax error,
/// a document beyond `limits` or trailing content at its line and column.
std::optional<YamlTree> parse_json_document(YamlReader& reader, const DocumentLimits& limits);

}  // namespace activ::strict_yaml
