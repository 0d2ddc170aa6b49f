// The explanation of one subject for programs: one JSON document, `schema` first, every
// key always present (null when it does not apply) and in a fixed order, so that two runs
// give the same bytes.
#include "engine/explain.hpp"
#include "engine/report_json_parts.hpp"

namespace activ {

namespace {

void optional_count(JsonWriter& out, std::string_view key, int64_t n) {
    out.key(key);
    if (n >= 0) {
        out.integer(n);
    } else {
        out.null();
    }
}

void optional_text(JsonWriter& out, std::string_view key, bool present, std::string_view text) {
    out.key(key);
    if (present) {
        out.string(text);
    } else {
        out.null();
    }
}

void write_node(JsonWriter& out, const ExplainedNode& n) {
    out.begin_object();
    out.field("text", n.text);
    out.field("kind", n.kind);
    out.field("evaluated", n.evaluated);
    optional_text(out, "value", n.evaluated, n.value);
    optional_text(out, "missing", !n.missing_path.empty(), n.missing_path);
    optional_count(out, "matched", n.matched);
    optional_count(out, "items", n.items);
    out.key("children");
    out.begin_array();
    for (const auto& child : n.children) write_node(out, child);
    out.end_array();
    out.end_object();
}

void write_source(JsonWriter& out, const RuleSourceRef& s) {
    out.begin_object();
    out.field("file", s.file);
    out.field("line", s.line);
    write_cited(out, s.cite, s.citation);
    out.end_object();
}

void write_finding(JsonWriter& out, const Finding& f) {
    out.begin_object();
    out.field("rule", f.rule);
    out.field("severity", to_string(f.severity));
    out.field("message", f.message);
    out.field("cite", f.cite);
    out.end_object();
}

void write_branch(JsonWriter& out, const ExplainedBranch& b) {
    out.begin_object();
    out.field("id", b.id);
    out.field("outcome", b.outcome);
    out.field("result", b.result);
    out.key("source");
    write_source(out, b.source);
    out.key("condition");
    write_node(out, b.condition);
    out.key("exceptions");
    out.begin_array();
    for (const auto& x : b.exceptions) {
        out.begin_object();
        optional_text(out, "then", x.then_outcome.has_value(), x.then_outcome.value_or(""));
        out.field("because", x.because);
        out.field("result", x.result);
        out.key("condition");
        write_node(out, x.condition);
        out.end_object();
    }
    out.end_array();
    out.end_object();
}

void write_decision(JsonWriter& out, const ExplainedDecision& d) {
    out.begin_object();
    out.field("field", d.field);
    out.field("outcome", d.decision.outcome);
    out.field("rule", d.decision.rule);
    out.field("reason", d.decision.reason);
    write_cited(out, d.decision.cite, d.decision.citation);
    out.key("branches");
    out.begin_array();
    for (const auto& b : d.branches) write_branch(out, b);
    out.end_array();
    out.field("by_otherwise", d.by_otherwise);
    out.key("otherwise_source");
    write_source(out, d.otherwise_source);
    out.end_object();
}

void write_check(JsonWriter& out, const ExplainedCheck& c) {
    out.begin_object();
    out.field("id", c.id);
    out.field("severity", to_string(c.severity));
    out.key("source");
    write_source(out, c.source);
    out.key("step");
    if (c.step) {
        out.begin_object();
        out.field("position", *c.step);
        out.field("step", c.step_kind);
        out.end_object();
    } else {
        out.null();
    }
    out.field("result", c.result);
    out.key("finding");
    if (c.finding) {
        write_finding(out, *c.finding);
    } else {
        out.null();
    }
    out.key("condition");
    write_node(out, c.condition);
    out.end_object();
}

void write_parameter(JsonWriter& out, const ExplainedParameter& p) {
    out.begin_object();
    out.field("name", p.name);
    out.field("value", p.value);
    out.key("dated");
    out.begin_array();
    for (const auto& d : p.dated) {
        out.begin_object();
        out.field("from", d.from);
        out.field("value", d.value);
        out.field("in_force", d.in_force);
        out.end_object();
    }
    out.end_array();
    out.end_object();
}

}  // namespace

std::string render_explanation_json(const SubjectExplanation& e) {
    std::string text;
    JsonWriter out(text);
    out.begin_object();
    out.field("schema", explanation_schema);
    out.key("convention");
    out.begin_object();
    out.field("id", e.convention_id);
    out.field("year", e.year);
    out.field("file", e.file);
    out.end_object();
    out.key("ruleset");
    out.begin_object();
    out.field("name", e.ruleset.name);
    out.field("version", e.ruleset.version);
    out.field("hash", "sha256:" + e.ruleset.sha256);
    out.field("file", e.ruleset.file);
    out.end_object();
    out.key("subject");
    out.begin_object();
    out.field("kind", to_string(e.kind));
    out.field("id", e.id);
    out.field("line", e.line);
    out.end_object();
    out.field("status", e.status);
    out.field("reference_day", e.reference_day);
    out.key("decision");
    if (e.decision) {
        write_decision(out, *e.decision);
    } else {
        out.null();
    }
    out.key("checks");
    out.begin_array();
    for (const auto& c : e.checks) write_check(out, c);
    out.end_array();
    out.key("other_findings");
    out.begin_array();
    for (const auto& f : e.other_findings) write_finding(out, f);
    out.end_array();
    out.key("parameters");
    out.begin_array();
    for (const auto& p : e.parameters) write_parameter(out, p);
    out.end_array();
    out.end_object();
    text += '\n';
    return text;
}

}  // namespace activ
