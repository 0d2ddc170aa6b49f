// The JSON report (spec/convention-format.md, "What the engine reports"): one document
// per convention, keys in a fixed order so that two runs give the same bytes and a
// diff between two checks shows only what changed. The first key, `schema`, names the
// document's version so that stored reports stay readable as the format grows.
#include <charconv>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "engine/report.hpp"
#include "engine/report_json_parts.hpp"

namespace activ {

namespace {

using json = nlohmann::ordered_json;

// Money leaves the engine as a decimal string: a JSON number would invite readers
// to parse it as binary floating point.
json money(Money m) { return format_money(m); }

json explanation_of(const Explanation& explanation) {
    json out = json::object();
    for (const auto& [path, value] : explanation) out[path] = value;
    return out;
}

// A count is a JSON integer, since readers sum and compare counts; amounts and ratios
// stay decimal strings for the same reason money does. A count the engine could not
// write as an integer is passed on as text rather than dropped.
json indicator_value_of(const IndicatorValue& v) {
    switch (v.kind) {
        case IndicatorValue::Kind::missing:
            return nullptr;
        case IndicatorValue::Kind::count: {
            int64_t n = 0;
            const char* const first = v.value.data();
            const char* const last = first + v.value.size();
            auto [end, error] = std::from_chars(first, last, n);
            if (error == std::errc() && end == last) return n;
            return v.value;
        }
        case IndicatorValue::Kind::amount:
        case IndicatorValue::Kind::decimal:
        case IndicatorValue::Kind::days:
            return v.value;
    }
    return v.value;
}

json decision_of(const Decision& d, const char* outcome_key) {
    json out;
    out["id"] = d.subject_id;
    out[outcome_key] = d.outcome;
    out["rule"] = d.rule;
    out["reason"] = d.reason;
    out["cite"] = d.cite;
    out["citation"] = citation_json(d.citation);
    out["explanation"] = explanation_of(d.explanation);
    return out;
}

json finding_of(const Finding& f) {
    json out;
    out["rule"] = f.rule;
    out["severity"] = to_string(f.severity);
    out["subject"] = {{"kind", to_string(f.subject_kind)}, {"id", f.subject_id}};
    out["message"] = f.message;
    out["cite"] = f.cite;
    out["citation"] = citation_json(f.citation);
    out["explanation"] = explanation_of(f.explanation);
    return out;
}

json totals_of(const Totals& t) {
    json out;
    out["declared"] = money(t.declared);
    out["eligible"] = money(t.eligible);
    out["ineligible"] = money(t.ineligible);
    out["eligible_capped"] = money(t.eligible_capped);
    out["subsidy"] = money(t.subsidy);
    if (t.advance_paid) out["advance_paid"] = money(*t.advance_paid);
    if (t.balance_due) out["balance_due"] = money(*t.balance_due);
    if (t.to_recover) out["to_recover"] = money(*t.to_recover);
    return out;
}

}  // namespace

std::string render_json(const Result& result) {
    json doc;
    doc["schema"] = result_schema;
    doc["convention"] = {
        {"id", result.convention_id},
        {"year", result.year},
        {"cpas", {{"name", result.cpas_name}, {"nis", result.cpas_nis}}},
        {"file", result.file},
    };
    doc["ruleset"] = {
        {"name", result.ruleset.name},
        {"version", result.ruleset.version},
        {"hash", result.ruleset.sha256.empty() ? std::string() : "sha256:" + result.ruleset.sha256},
        {"file", result.ruleset.file},
    };
    doc["actions"] = json::array();
    for (const auto& d : result.actions) doc["actions"].push_back(decision_of(d, "activation"));
    doc["beneficiaries"] = json::array();
    for (const auto& d : result.beneficiaries)
        doc["beneficiaries"].push_back(decision_of(d, "eligibility"));
    doc["findings"] = json::array();
    for (const auto& f : result.findings) doc["findings"].push_back(finding_of(f));
    doc["totals"] = totals_of(result.totals);
    doc["indicators"] = json::object();
    doc["indicator_units"] = json::object();
    for (const auto& v : result.indicators) {
        doc["indicators"][v.name] = indicator_value_of(v);
        doc["indicator_units"][v.name] = {
            {"label", v.label}, {"unit", v.unit}, {"additive", v.additive}};
    }
    // Text from a convention file is meant to be UTF-8 but is not guaranteed to be;
    // replacing bad bytes keeps the report printable instead of throwing.
    return doc.dump(2, ' ', false, json::error_handler_t::replace) + '\n';
}

}  // namespace activ
