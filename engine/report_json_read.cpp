// Reads a JSON report back into a Result, so that a stored result can be shown again in
// any format (`activ db show --format html`, `activ report`) exactly as it was decided,
// whatever the rules say today. Only what the report holds comes back: a finding's amount
// at stake is not in it and is set from the convention when one is given.
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "engine/report.hpp"

namespace activ {

namespace {

using json = nlohmann::ordered_json;  // the indicators keep the ruleset's order

std::string text_of(const json& object, const char* key) {
    auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Money money_of(const json& object, const char* key) {
    auto const value = parse_money(text_of(object, key));
    if (!value) throw std::runtime_error(std::string("the report's amount '") + key + "' is not an amount");
    return *value;
}

std::optional<Money> optional_money_of(const json& object, const char* key) {
    if (!object.contains(key)) return std::nullopt;
    return money_of(object, key);
}

Citation citation_of(const json& j) {
    Citation c;
    if (!j.is_object()) return c;
    c.source = text_of(j, "source");
    c.dated = text_of(j, "dated");
    c.point = text_of(j, "point");
    c.secondary = j.value("secondary", false);
    return c;
}

Explanation explanation_of(const json& j) {
    Explanation out;
    if (!j.is_object()) return out;
    for (auto it = j.begin(); it != j.end(); ++it)
        out.emplace_back(it.key(), it->is_string() ? it->get<std::string>() : it->dump());
    return out;
}

template <typename Enum>
Enum enum_of(const std::string& word, std::initializer_list<Enum> values) {
    for (Enum v : values)
        if (word == to_string(v)) return v;
    throw std::runtime_error("the report names an unknown kind '" + word + "'");
}

// What decisions and findings both carry: the source cited and the values that decided.
void read_grounds(const json& j, std::string& cite, Citation& citation, Explanation& explanation) {
    cite = text_of(j, "cite");
    citation = citation_of(j.value("citation", json::object()));
    explanation = explanation_of(j.value("explanation", json::object()));
}

Decision decision_of(const json& j, const char* outcome_key) {
    Decision d;
    d.subject_id = text_of(j, "id");
    d.outcome = text_of(j, outcome_key);
    d.rule = text_of(j, "rule");
    d.reason = text_of(j, "reason");
    read_grounds(j, d.cite, d.citation, d.explanation);
    return d;
}

Finding finding_of(const json& j) {
    Finding f;
    f.rule = text_of(j, "rule");
    f.severity = enum_of(text_of(j, "severity"), {Severity::error, Severity::warning, Severity::info});
    const json subject = j.value("subject", json::object());
    f.subject_kind = enum_of(text_of(subject, "kind"),
                             {SubjectKind::convention, SubjectKind::action, SubjectKind::expense,
                              SubjectKind::beneficiary, SubjectKind::objective});
    f.subject_id = text_of(subject, "id");
    f.message = text_of(j, "message");
    read_grounds(j, f.cite, f.citation, f.explanation);
    return f;
}

// The kind comes back from the JSON type, and the unit tells an amount from a ratio; a
// report older than `additive` leaves it false, so that nothing is summed by guess.
IndicatorValue indicator_of(const std::string& name, const json& value, const json& units) {
    IndicatorValue v;
    v.name = name;
    const json unit = units.value(name, json::object());
    v.label = text_of(unit, "label");
    v.unit = text_of(unit, "unit");
    v.additive = unit.value("additive", false);
    if (value.is_number_integer()) {
        v.kind = IndicatorValue::Kind::count;
        v.value = value.dump();
    } else if (value.is_string()) {
        v.value = value.get<std::string>();
        v.kind = v.unit == "EUR" ? IndicatorValue::Kind::amount : IndicatorValue::Kind::decimal;
    }
    return v;
}

}  // namespace

Result read_json_report(const std::string& text) {
    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::exception& e) {
        throw std::runtime_error(std::string("the report is not JSON: ") + e.what());
    }
    if (!doc.is_object() || doc.value("schema", "") != result_schema)
        throw std::runtime_error(std::string("the report is not an ") + result_schema + " document");
    try {
        Result r;
        const json convention = doc.value("convention", json::object());
        r.convention_id = text_of(convention, "id");
        r.year = convention.value("year", 0);
        const json cpas = convention.value("cpas", json::object());
        r.cpas_name = text_of(cpas, "name");
        r.cpas_nis = text_of(cpas, "nis");
        r.file = text_of(convention, "file");
        const json ruleset = doc.value("ruleset", json::object());
        r.ruleset.name = text_of(ruleset, "name");
        r.ruleset.version = text_of(ruleset, "version");
        std::string hash = text_of(ruleset, "hash");
        if (hash.rfind("sha256:", 0) == 0) hash.erase(0, 7);
        r.ruleset.sha256 = hash;
        r.ruleset.file = text_of(ruleset, "file");
        for (const auto& a : doc.value("actions", json::array()))
            r.actions.push_back(decision_of(a, "activation"));
        for (const auto& b : doc.value("beneficiaries", json::array()))
            r.beneficiaries.push_back(decision_of(b, "eligibility"));
        for (const auto& f : doc.value("findings", json::array())) r.findings.push_back(finding_of(f));
        const json totals = doc.value("totals", json::object());
        r.totals.declared = money_of(totals, "declared");
        r.totals.eligible = money_of(totals, "eligible");
        r.totals.ineligible = money_of(totals, "ineligible");
        r.totals.eligible_capped = money_of(totals, "eligible_capped");
        r.totals.subsidy = money_of(totals, "subsidy");
        r.totals.advance_paid = optional_money_of(totals, "advance_paid");
        r.totals.balance_due = optional_money_of(totals, "balance_due");
        r.totals.to_recover = optional_money_of(totals, "to_recover");
        const json indicators = doc.value("indicators", json::object());
        const json units = doc.value("indicator_units", json::object());
        for (auto it = indicators.begin(); it != indicators.end(); ++it)
            r.indicators.push_back(indicator_of(it.key(), *it, units));
        return r;
    } catch (const json::exception& e) {
        throw std::runtime_error(std::string("the report has a value of the wrong type: ") + e.what());
    }
}

void set_amounts_at_stake(Result& result, const Convention& convention) {
    for (auto& f : result.findings) {
        if (f.subject_kind != SubjectKind::expense) continue;
        for (const auto& e : convention.expenses) {
            if (e.id == f.subject_id) {
                f.amount_at_stake = charge_of(e.amount, e.share);
                break;
            }
        }
    }
}

}  // namespace activ
