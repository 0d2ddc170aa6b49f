// Formats a Result for people (text) and for programs (JSON, spec/convention-format.md).
#pragma once
#include <string>

#include "engine/result.hpp"

namespace activ {

/// A plain-text report: verdict, actions, beneficiaries, findings, totals, indicators.
/// The report's own words are in `language` ("fr", "nl"; anything else is English);
/// messages and reasons are already in the result, in whatever language evaluation chose.
std::string render_text(const Result& result, const std::string& language = "en");

/// The version of the JSON document, its first key: readers check it before anything else.
inline constexpr const char* result_schema = "activ.result/2";

/// One JSON document (pretty-printed, keys in a fixed order and in English whatever the
/// language of the messages, ending in a newline).
std::string render_json(const Result& result);

}  // namespace activ
