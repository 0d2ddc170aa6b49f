// Formats a Result for people (text) and for programs (JSON, spec/convention-format.md).
#pragma once
#include <string>

#include "engine/result.hpp"

namespace activ {

/// A plain-text report: actions with their class, findings, totals.
std::string render_text(const Result& result);

/// One JSON document (pretty-printed, keys in a fixed order, ending in a newline).
std::string render_json(const Result& result);

}  // namespace activ
