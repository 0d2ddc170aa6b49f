// Each piece once, so that the documents that share it cannot drift apart.
#include "engine/report_json_parts.hpp"

namespace activ {

namespace {

void write_citation(JsonWriter& out, const Citation& c) {
    out.begin_object();
    out.field("source", c.source);
    out.field("dated", c.dated);
    out.field("point", c.point);
    out.field("secondary", c.secondary);
    out.end_object();
}

}  // namespace

void write_cited(JsonWriter& out, const std::string& cite, const Citation& citation) {
    out.field("cite", cite);
    out.key("citation");
    write_citation(out, citation);
}

}  // namespace activ
