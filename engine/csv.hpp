// CSV as RFC 4180 writes it: what `activ db export` and `activ impact --format csv` print.
#pragma once
#include <initializer_list>
#include <string>

namespace activ {

/// One field: as it is, or quoted when it holds a comma, a quote or a line break, its
/// quotes doubled.
std::string csv_field(const std::string& text);

/// Appends one record to `out`: the fields quoted as needed, separated by commas, ended
/// by CR LF.
void append_csv_row(std::string& out, std::initializer_list<std::string> fields);

}  // namespace activ
