// RFC 4180 fields and records.
#include "engine/csv.hpp"

namespace activ {

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

void append_csv_row(std::string& out, std::initializer_list<std::string> fields) {
    bool first = true;
    for (const auto& field : fields) {
        if (!first) out += ',';
        first = false;
        out += csv_field(field);
    }
    out += "\r\n";
}

}  // namespace activ
