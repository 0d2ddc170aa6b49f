// Pieces of JSON that more than one document of the engine writes, so that they write them
// alike: the result report (engine/report_json) and the explanation of one subject
// (engine/explain_json).
#pragma once
#include "engine/json_writer.hpp"
#include "engine/result.hpp"

namespace activ {

/// source, dated, point and secondary, in that order (report_json_read reads them back).
void write_citation(JsonWriter& out, const Citation& citation);

}  // namespace activ
