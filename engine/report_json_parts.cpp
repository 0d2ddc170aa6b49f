// Each piece once, so that the documents that share it cannot drift apart.
#include "engine/report_json_parts.hpp"

#include <nlohmann/json.hpp>

namespace activ {

nlohmann::ordered_json citation_json(const Citation& c) {
    nlohmann::ordered_json out;
    out["source"] = c.source;
    out["dated"] = c.dated;
    out["point"] = c.point;
    out["secondary"] = c.secondary;
    return out;
}

}  // namespace activ
