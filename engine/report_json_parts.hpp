// Pieces of JSON that more than one document of the engine writes, so that they write them
// alike: the result report (engine/report_json) and the explanation of one subject
// (engine/explain_json).
#pragma once
#include "engine/json_writer.hpp"
#include "engine/result.hpp"

namespace activ {

/// The members `cite` (the citation as one line) and `citation` (its parts: source, dated,
/// point and secondary, in that order, as report_json_read reads them back), which every
/// decision, finding and rule's source carries.
void write_cited(JsonWriter& out, const std::string& cite, const Citation& citation);

}  // namespace activ
