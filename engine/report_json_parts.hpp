// Pieces of JSON that more than one document of the engine writes, so that they write them
// alike: the result report (engine/report_json) and the explanation of one subject
// (engine/explain_json). Internal to engine/: the pieces are nlohmann's.
#pragma once
#include <nlohmann/json_fwd.hpp>

#include "engine/result.hpp"

namespace activ {

/// source, dated, point and secondary, in that order (report_json_read reads them back).
nlohmann::ordered_json citation_json(const Citation& citation);

}  // namespace activ
