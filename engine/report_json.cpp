// The JSON report (spec/convention-format.md, "What the engine reports"): one document
// per convention, keys in a fixed order so that two runs give the same bytes and a
// diff between two checks shows only what changed. The first key, `schema`, names the
// document's version so that stored reports stay readable as the format grows.
#include <charconv>
#include <cstdint>

#include "engine/report.hpp"
#include "engine/report_json_parts.hpp"

namespace activ {

namespace {

/// Writes an object whose members were once assigned in turn to a JSON tree: a key given
/// twice stays where it came first, with the value it was given last. Reports in stores
/// were written that way, and a report must keep its bytes.
template <class Items, class KeyOf, class WriteValue>
void write_assigned(JsonWriter& out, const Items& items, KeyOf key_of, WriteValue write_value) {
    out.begin_object();
    for (size_t i = 0; i < items.size(); ++i) {
        std::string_view const key = key_of(items[i]);
        bool repeated = false;
        for (size_t j = 0; j < i && !repeated; ++j) repeated = key_of(items[j]) == key;
        if (repeated) continue;
        size_t last = i;
        for (size_t j = i + 1; j < items.size(); ++j)
            if (key_of(items[j]) == key) last = j;
        out.key(key);
        write_value(items[last]);
    }
    out.end_object();
}

void write_explanation(JsonWriter& out, const Explanation& explanation) {
    write_assigned(
        out, explanation, [](const auto& entry) -> std::string_view { return entry.first; },
        [&](const auto& entry) { out.string(entry.second); });
}

// A count is a JSON integer, since readers sum and compare counts; amounts and ratios
// stay decimal strings for the same reason money does. A count the engine could not
// write as an integer is passed on as text rather than dropped.
void write_indicator_value(JsonWriter& out, const IndicatorValue& v) {
    if (v.kind == IndicatorValue::Kind::missing) {
        out.null();
        return;
    }
    if (v.kind == IndicatorValue::Kind::count) {
        int64_t n = 0;
        const char* const first = v.value.data();
        const char* const last = first + v.value.size();
        auto [end, error] = std::from_chars(first, last, n);
        if (error == std::errc() && end == last) {
            out.integer(n);
            return;
        }
    }
    out.string(v.value);
}

void write_decision(JsonWriter& out, const Decision& d, const char* outcome_key) {
    out.begin_object();
    out.field("id", d.subject_id);
    out.field(outcome_key, d.outcome);
    out.field("rule", d.rule);
    out.field("reason", d.reason);
    write_cited(out, d.cite, d.citation);
    out.key("explanation");
    write_explanation(out, d.explanation);
    out.end_object();
}

void write_finding(JsonWriter& out, const Finding& f) {
    out.begin_object();
    out.field("rule", f.rule);
    out.field("severity", to_string(f.severity));
    out.key("subject");
    out.begin_object();
    out.field("kind", to_string(f.subject_kind));
    out.field("id", f.subject_id);
    out.end_object();
    out.field("message", f.message);
    write_cited(out, f.cite, f.citation);
    out.key("explanation");
    write_explanation(out, f.explanation);
    out.end_object();
}

// Money leaves the engine as a decimal string: a JSON number would invite readers
// to parse it as binary floating point.
void write_totals(JsonWriter& out, const Totals& t) {
    out.begin_object();
    out.field("declared", format_money(t.declared));
    out.field("eligible", format_money(t.eligible));
    out.field("ineligible", format_money(t.ineligible));
    out.field("eligible_capped", format_money(t.eligible_capped));
    out.field("subsidy", format_money(t.subsidy));
    if (t.advance_paid) out.field("advance_paid", format_money(*t.advance_paid));
    if (t.balance_due) out.field("balance_due", format_money(*t.balance_due));
    if (t.to_recover) out.field("to_recover", format_money(*t.to_recover));
    out.end_object();
}

std::string write_report(const Result& result, JsonWriter::Utf8 utf8) {
    std::string text;
    // About 200 bytes per decision and 600 per finding: one allocation in most reports.
    text.reserve(2048 + 200 * (result.actions.size() + result.beneficiaries.size()) +
                 600 * result.findings.size());
    JsonWriter out(text, utf8);
    out.begin_object();
    out.field("schema", result_schema);
    out.key("convention");
    out.begin_object();
    out.field("id", result.convention_id);
    out.field("year", result.year);
    out.key("cpas");
    out.begin_object();
    out.field("name", result.cpas_name);
    out.field("nis", result.cpas_nis);
    out.end_object();
    out.field("file", result.file);
    out.end_object();
    out.key("ruleset");
    out.begin_object();
    out.field("name", result.ruleset.name);
    out.field("version", result.ruleset.version);
    out.field("hash", result.ruleset.sha256.empty() ? std::string() : "sha256:" + result.ruleset.sha256);
    out.field("file", result.ruleset.file);
    out.end_object();
    out.key("actions");
    out.begin_array();
    for (const auto& d : result.actions) write_decision(out, d, "activation");
    out.end_array();
    out.key("beneficiaries");
    out.begin_array();
    for (const auto& d : result.beneficiaries) write_decision(out, d, "eligibility");
    out.end_array();
    out.key("findings");
    out.begin_array();
    for (const auto& f : result.findings) write_finding(out, f);
    out.end_array();
    out.key("totals");
    write_totals(out, result.totals);
    auto const name_of = [](const IndicatorValue& v) -> std::string_view { return v.name; };
    out.key("indicators");
    write_assigned(out, result.indicators, name_of,
                   [&](const IndicatorValue& v) { write_indicator_value(out, v); });
    out.key("indicator_units");
    write_assigned(out, result.indicators, name_of, [&](const IndicatorValue& v) {
        out.begin_object();
        out.field("label", v.label);
        out.field("unit", v.unit);
        out.field("additive", v.additive);
        out.end_object();
    });
    out.end_object();
    text += '\n';
    return text;
}

}  // namespace

std::string render_json(const Result& result) {
    std::string text = write_report(result, JsonWriter::Utf8::trusted);
    if (!is_utf8(text)) text = write_report(result, JsonWriter::Utf8::checked);
    return text;
}

}  // namespace activ
