// A text as the rules language writes it, for everything that prints rules back: the
// formatter, the AST printer and `activ explain` spell texts alike, and the grammar
// (dsl-grammar/rules_def.hpp, `text`) reads them back as they were.
#pragma once
#include <string>
#include <string_view>

namespace activ {

/// `say "hi"` -> `"say \"hi\""`: in double quotes, each `"` and `\` after a backslash.
std::string quoted_text(std::string_view text);

}  // namespace activ
