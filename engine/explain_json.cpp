// The explanation of one subject for programs: one JSON document, `schema` first, every
// key always present (null when it does not apply) and in a fixed order, so that two runs
// give the same bytes.
#include <nlohmann/json.hpp>

#include "engine/explain.hpp"
#include "engine/report_json_parts.hpp"

namespace activ {

namespace {

using json = nlohmann::ordered_json;

json optional_count(int64_t n) { return n >= 0 ? json(n) : json(nullptr); }

json node_of(const ExplainedNode& n) {
    json out;
    out["text"] = n.text;
    out["kind"] = n.kind;
    out["evaluated"] = n.evaluated;
    out["value"] = n.evaluated ? json(n.value) : json(nullptr);
    out["missing"] = n.missing_path.empty() ? json(nullptr) : json(n.missing_path);
    out["matched"] = optional_count(n.matched);
    out["items"] = optional_count(n.items);
    out["children"] = json::array();
    for (const auto& child : n.children) out["children"].push_back(node_of(child));
    return out;
}

json source_of(const RuleSourceRef& s) {
    json out;
    out["file"] = s.file;
    out["line"] = s.line;
    out["cite"] = s.cite;
    out["citation"] = citation_json(s.citation);
    return out;
}

json finding_of(const Finding& f) {
    json out;
    out["rule"] = f.rule;
    out["severity"] = to_string(f.severity);
    out["message"] = f.message;
    out["cite"] = f.cite;
    return out;
}

json decision_of(const ExplainedDecision& d) {
    json out;
    out["field"] = d.field;
    out["outcome"] = d.decision.outcome;
    out["rule"] = d.decision.rule;
    out["reason"] = d.decision.reason;
    out["cite"] = d.decision.cite;
    out["citation"] = citation_json(d.decision.citation);
    out["branches"] = json::array();
    for (const auto& b : d.branches) {
        json branch;
        branch["id"] = b.id;
        branch["outcome"] = b.outcome;
        branch["result"] = b.result;
        branch["source"] = source_of(b.source);
        branch["condition"] = node_of(b.condition);
        branch["exceptions"] = json::array();
        for (const auto& x : b.exceptions) {
            json exception;
            exception["then"] = x.then_outcome ? json(*x.then_outcome) : json(nullptr);
            exception["because"] = x.because;
            exception["result"] = x.result;
            exception["condition"] = node_of(x.condition);
            branch["exceptions"].push_back(std::move(exception));
        }
        out["branches"].push_back(std::move(branch));
    }
    out["by_otherwise"] = d.by_otherwise;
    out["otherwise_source"] = source_of(d.otherwise_source);
    return out;
}

json check_of(const ExplainedCheck& c) {
    json out;
    out["id"] = c.id;
    out["severity"] = to_string(c.severity);
    out["source"] = source_of(c.source);
    if (c.step) {
        out["step"] = {{"position", *c.step}, {"step", c.step_kind}};
    } else {
        out["step"] = nullptr;
    }
    out["result"] = c.result;
    out["finding"] = c.finding ? finding_of(*c.finding) : json(nullptr);
    out["condition"] = node_of(c.condition);
    return out;
}

json parameter_of(const ExplainedParameter& p) {
    json out;
    out["name"] = p.name;
    out["value"] = p.value;
    out["dated"] = json::array();
    for (const auto& d : p.dated) {
        out["dated"].push_back({{"from", d.from}, {"value", d.value}, {"in_force", d.in_force}});
    }
    return out;
}

}  // namespace

std::string render_explanation_json(const SubjectExplanation& e) {
    json doc;
    doc["schema"] = explanation_schema;
    doc["convention"] = {{"id", e.convention_id}, {"year", e.year}, {"file", e.file}};
    doc["ruleset"] = {{"name", e.ruleset.name},
                      {"version", e.ruleset.version},
                      {"hash", "sha256:" + e.ruleset.sha256},
                      {"file", e.ruleset.file}};
    doc["subject"] = {{"kind", to_string(e.kind)}, {"id", e.id}, {"line", e.line}};
    doc["status"] = e.status;
    doc["reference_day"] = e.reference_day;
    doc["decision"] = e.decision ? decision_of(*e.decision) : json(nullptr);
    doc["checks"] = json::array();
    for (const auto& c : e.checks) doc["checks"].push_back(check_of(c));
    doc["other_findings"] = json::array();
    for (const auto& f : e.other_findings) doc["other_findings"].push_back(finding_of(f));
    doc["parameters"] = json::array();
    for (const auto& p : e.parameters) doc["parameters"].push_back(parameter_of(p));
    return doc.dump(2, ' ', false, json::error_handler_t::replace) + '\n';
}

}  // namespace activ
