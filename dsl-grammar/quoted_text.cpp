#include "dsl-grammar/quoted_text.hpp"

namespace activ {

std::string quoted_text(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    out += '"';
    return out;
}

}  // namespace activ
