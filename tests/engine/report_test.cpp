// The JSON report is a contract with other programs, so it is asserted byte for byte;
// the text report is for people, so only its load-bearing lines are.
#include "engine/report.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <utility>

namespace {

using activ::Money;

// Built field by field: Decision and Finding grow fields, and a positional initializer
// would silently shift values into the new ones.
activ::Decision decision(std::string id, std::string outcome, std::string rule, std::string reason,
                         activ::Citation citation, activ::Explanation explanation) {
    activ::Decision d;
    d.subject_id = std::move(id);
    d.outcome = std::move(outcome);
    d.rule = std::move(rule);
    d.reason = std::move(reason);
    d.cite = activ::format_citation(citation);
    d.citation = std::move(citation);
    d.explanation = std::move(explanation);
    return d;
}

activ::Finding finding(std::string rule, activ::Severity severity, activ::SubjectKind kind,
                       std::string id, std::string message, activ::Citation citation,
                       activ::Explanation explanation) {
    activ::Finding f;
    f.rule = std::move(rule);
    f.severity = severity;
    f.subject_kind = kind;
    f.subject_id = std::move(id);
    f.message = std::move(message);
    f.cite = activ::format_citation(citation);
    f.citation = std::move(citation);
    f.explanation = std::move(explanation);
    return f;
}

activ::IndicatorValue indicator(std::string name, std::string label, std::string unit,
                                activ::IndicatorValue::Kind kind, std::string value,
                                bool additive = false) {
    activ::IndicatorValue v;
    v.additive = additive;
    v.name = std::move(name);
    v.label = std::move(label);
    v.unit = std::move(unit);
    v.kind = kind;
    v.value = std::move(value);
    return v;
}

activ::Result sample_result() {
    using Kind = activ::IndicatorValue::Kind;
    activ::Result r;
    r.file = "examples/liege-2015.yaml";
    r.convention_id = "AS-2015-0117";
    r.year = 2015;
    r.cpas_name = "CPAS de Liège";
    r.cpas_nis = "62063";
    r.ruleset.name = "be.social-activation";
    r.ruleset.version = "2015";
    r.ruleset.file = "rules/be/social-activation-2015.rules";
    r.ruleset.sha256 = "00ff";
    r.actions = {
        decision("L1", "social", "action.activation#1", "language lessons are a basic skill",
                 {"Instructions 2015", "", "2.1", false}, {{"action.category", "language_course"}}),
        decision("L3", "professional", "action.activation#4", "job search prepares for work", {},
                 {}),
    };
    r.findings = {
        finding("expense.in_period", activ::Severity::error, activ::SubjectKind::expense, "X5",
                "Expense X5 is dated after the convention period",
                {"AR 2015", "2015-06-01", "art. 3", false},
                {{"expense.date", "2016-01-08"}, {"convention.period.end", "2015-12-31"}}),
        finding("expense.share_basis", activ::Severity::warning, activ::SubjectKind::expense, "X6",
                "Share 0.4 without a basis", {}, {}),
    };
    r.totals.declared = Money{660735};
    r.totals.eligible = Money{285640};
    r.totals.ineligible = Money{375095};
    r.totals.eligible_capped = Money{285640};
    r.totals.subsidy = Money{3200000};
    r.totals.advance_paid = Money{2400000};
    r.totals.to_recover = Money{2114360};
    r.indicators = {
        indicator("participants", "Participants", "persons", Kind::count, "12", true),
        indicator("cost_per_participant", "Cost per participant", "EUR", Kind::amount, "264.36"),
        indicator("objectives_achieved", "Objectives achieved", "", Kind::decimal, "0.5000"),
        indicator("average_trajectory", "Average trajectory", "days", Kind::days, "45"),
        indicator("found_work", "Found work", "persons", Kind::missing, "", true),
    };
    return r;
}

const char* const expected_json = R"({
  "schema": "activ.result/2",
  "convention": {
    "id": "AS-2015-0117",
    "year": 2015,
    "cpas": {
      "name": "CPAS de Liège",
      "nis": "62063"
    },
    "file": "examples/liege-2015.yaml"
  },
  "ruleset": {
    "name": "be.social-activation",
    "version": "2015",
    "hash": "sha256:00ff",
    "file": "rules/be/social-activation-2015.rules"
  },
  "actions": [
    {
      "id": "L1",
      "activation": "social",
      "rule": "action.activation#1",
      "reason": "language lessons are a basic skill",
      "cite": "Instructions 2015, 2.1",
      "citation": {
        "source": "Instructions 2015",
        "dated": "",
        "point": "2.1",
        "secondary": false
      },
      "explanation": {
        "action.category": "language_course"
      }
    },
    {
      "id": "L3",
      "activation": "professional",
      "rule": "action.activation#4",
      "reason": "job search prepares for work",
      "cite": "",
      "citation": {
        "source": "",
        "dated": "",
        "point": "",
        "secondary": false
      },
      "explanation": {}
    }
  ],
  "beneficiaries": [],
  "findings": [
    {
      "rule": "expense.in_period",
      "severity": "error",
      "subject": {
        "kind": "expense",
        "id": "X5"
      },
      "message": "Expense X5 is dated after the convention period",
      "cite": "AR 2015 (2015-06-01), art. 3",
      "citation": {
        "source": "AR 2015",
        "dated": "2015-06-01",
        "point": "art. 3",
        "secondary": false
      },
      "explanation": {
        "expense.date": "2016-01-08",
        "convention.period.end": "2015-12-31"
      }
    },
    {
      "rule": "expense.share_basis",
      "severity": "warning",
      "subject": {
        "kind": "expense",
        "id": "X6"
      },
      "message": "Share 0.4 without a basis",
      "cite": "",
      "citation": {
        "source": "",
        "dated": "",
        "point": "",
        "secondary": false
      },
      "explanation": {}
    }
  ],
  "totals": {
    "declared": "6607.35",
    "eligible": "2856.40",
    "ineligible": "3750.95",
    "eligible_capped": "2856.40",
    "subsidy": "32000.00",
    "advance_paid": "24000.00",
    "to_recover": "21143.60"
  },
  "indicators": {
    "participants": 12,
    "cost_per_participant": "264.36",
    "objectives_achieved": "0.5000",
    "average_trajectory": "45",
    "found_work": null
  },
  "indicator_units": {
    "participants": {
      "label": "Participants",
      "unit": "persons",
      "additive": true
    },
    "cost_per_participant": {
      "label": "Cost per participant",
      "unit": "EUR",
      "additive": false
    },
    "objectives_achieved": {
      "label": "Objectives achieved",
      "unit": "",
      "additive": false
    },
    "average_trajectory": {
      "label": "Average trajectory",
      "unit": "days",
      "additive": false
    },
    "found_work": {
      "label": "Found work",
      "unit": "persons",
      "additive": true
    }
  }
}
)";

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("severity and subject kinds are spelled as the JSON contract says", "[report]") {
    CHECK(std::string(activ::to_string(activ::Severity::error)) == "error");
    CHECK(std::string(activ::to_string(activ::Severity::warning)) == "warning");
    CHECK(std::string(activ::to_string(activ::Severity::info)) == "info");
    CHECK(std::string(activ::to_string(activ::SubjectKind::convention)) == "convention");
    CHECK(std::string(activ::to_string(activ::SubjectKind::action)) == "action");
    CHECK(std::string(activ::to_string(activ::SubjectKind::expense)) == "expense");
    CHECK(std::string(activ::to_string(activ::SubjectKind::beneficiary)) == "beneficiary");
    CHECK(std::string(activ::to_string(activ::SubjectKind::objective)) == "objective");
}

TEST_CASE("has_errors looks only at error findings", "[report]") {
    auto r = sample_result();
    CHECK(activ::has_errors(r));
    r.findings.erase(r.findings.begin());
    CHECK_FALSE(activ::has_errors(r));
    r.findings.clear();
    CHECK_FALSE(activ::has_errors(r));
}

TEST_CASE("the JSON report is the documented document, byte for byte", "[report]") {
    CHECK(activ::render_json(sample_result()) == expected_json);
}

TEST_CASE("the JSON report leaves out the settlement when no advance was paid", "[report]") {
    auto r = sample_result();
    r.totals.advance_paid.reset();
    r.totals.to_recover.reset();
    const auto json = activ::render_json(r);
    CHECK_FALSE(contains(json, "advance_paid"));
    CHECK_FALSE(contains(json, "to_recover"));
    CHECK_FALSE(contains(json, "balance_due"));
    CHECK(contains(json, "\"eligible_capped\": \"2856.40\",\n    \"subsidy\": \"32000.00\"\n  },"));
}

TEST_CASE("the text report shows verdict, decisions, findings and totals", "[report]") {
    const auto text = activ::render_text(sample_result());
    CHECK(contains(text,
                   "Convention AS-2015-0117, CPAS de Liège (NIS 62063), year 2015, "
                   "file examples/liege-2015.yaml\n"));
    CHECK(contains(text,
                   "Ruleset be.social-activation 2015, file "
                   "rules/be/social-activation-2015.rules\n"));
    CHECK(contains(text, "Verdict: 1 error, 1 warning\n"));
    CHECK(contains(text,
                   "\nActions\n"
                   "  L1  social        language lessons are a basic skill  "
                   "[action.activation#1]\n"
                   "  L3  professional  job search prepares for work  "
                   "[action.activation#4]\n"));
    CHECK_FALSE(contains(text, "Beneficiaries"));
    CHECK(contains(text,
                   "  error    expense X5: Expense X5 is dated after the convention period\n"
                   "           rule: expense.in_period, cite: AR 2015 (2015-06-01), art. 3\n"
                   "           because: expense.date = 2016-01-08, "
                   "convention.period.end = 2015-12-31\n"));
    CHECK(contains(text,
                   "  warning  expense X6: Share 0.4 without a basis\n"
                   "           rule: expense.share_basis\n"));
    CHECK(contains(text,
                   "\nTotals\n"
                   "  declared                     6607.35 EUR\n"
                   "  eligible                     2856.40 EUR\n"
                   "  ineligible                   3750.95 EUR\n"
                   "  eligible capped at subsidy   2856.40 EUR\n"
                   "  subsidy                     32000.00 EUR\n"
                   "  advance paid                24000.00 EUR\n"
                   "  to recover                  21143.60 EUR\n"));
    CHECK(text.find('\x1b') == std::string::npos);
}

TEST_CASE("the text report says clean and lists beneficiaries when there are some", "[report]") {
    auto r = sample_result();
    r.findings.clear();
    r.beneficiaries = {decision("LG-001", "eligible", "beneficiary.eligibility#1",
                                "integration income and a social activation PIIS", {}, {})};
    const auto text = activ::render_text(r);
    CHECK(contains(text, "Verdict: clean\n"));
    CHECK(contains(text,
                   "\nBeneficiaries\n  LG-001  eligible  integration income and a social "
                   "activation PIIS  [beneficiary.eligibility#1]\n"));
    CHECK(contains(text, "\nFindings\n  (none)\n"));
}

TEST_CASE("reports are deterministic and money is a two-decimal string", "[report]") {
    const auto r = sample_result();
    CHECK(activ::render_json(r) == activ::render_json(r));
    CHECK(activ::render_text(r) == activ::render_text(r));
    const auto json = activ::render_json(r);
    CHECK(contains(json, "\"eligible\": \"2856.40\""));
    CHECK_FALSE(contains(json, "2856.4\""));
    CHECK_FALSE(contains(json, ": 2856.4"));
}

TEST_CASE("a citation is one line without its empty parts", "[report]") {
    using activ::Citation;
    using activ::format_citation;
    CHECK(format_citation(
              {"Groupe de travail Activation sociale", "2015-12-08", "point 3.C", false}) ==
          "Groupe de travail Activation sociale (2015-12-08), point 3.C");
    CHECK(format_citation({"AR 2015", "", "art. 3", false}) == "AR 2015, art. 3");
    CHECK(format_citation({"AR 2015", "2015-06-01", "", false}) == "AR 2015 (2015-06-01)");
    CHECK(format_citation({"", "", "point 3.C", false}) == "point 3.C");
    CHECK(format_citation({"Formation FEDCPAS", "2016-03-01", "slide 12", true}) ==
          "Formation FEDCPAS (2016-03-01), slide 12 [secondary source]");
    CHECK(format_citation({"", "", "notes", true}) == "notes [secondary source]");
    CHECK(format_citation({}).empty());
}

TEST_CASE("the JSON report names its schema first", "[report]") {
    const auto json = activ::render_json(sample_result());
    CHECK(json.rfind("{\n  \"schema\": \"activ.result/2\",\n  \"convention\": {", 0) == 0);
}

TEST_CASE("the JSON report gives a missing indicator as null and counts as integers", "[report]") {
    auto r = sample_result();
    r.indicators = {
        indicator("found_work", "Found work", "persons", activ::IndicatorValue::Kind::missing, ""),
        indicator("big", "Big", "", activ::IndicatorValue::Kind::count, "9007199254740993")};
    const auto json = activ::render_json(r);
    CHECK(contains(json,
                   "  \"indicators\": {\n"
                   "    \"found_work\": null,\n"
                   "    \"big\": 9007199254740993\n"
                   "  },\n"));
}

TEST_CASE("the JSON report of a ruleset without indicators has empty objects", "[report]") {
    auto r = sample_result();
    r.indicators.clear();
    CHECK(contains(activ::render_json(r), "  \"indicators\": {},\n  \"indicator_units\": {}\n}\n"));
}

TEST_CASE("the text report lists indicators with their unit, a dash when missing", "[report]") {
    const auto text = activ::render_text(sample_result());
    CHECK(contains(text,
                   "\nIndicators\n"
                   "  Participants              12 persons\n"
                   "  Cost per participant  264.36 EUR\n"
                   "  Objectives achieved   0.5000\n"
                   "  Average trajectory        45 days\n"
                   "  Found work                 —\n"));
    auto r = sample_result();
    r.indicators.clear();
    CHECK_FALSE(contains(activ::render_text(r), "Indicators"));
}

TEST_CASE("the text report cites the structured citation, else the one-line text", "[report]") {
    auto r = sample_result();
    r.findings[1].citation = {"Formation FEDCPAS", "", "slide 12", true};
    r.findings[1].cite = "ignored when the citation has parts";
    auto text = activ::render_text(r);
    CHECK(contains(text,
                   "rule: expense.share_basis, cite: Formation FEDCPAS, slide 12 "
                   "[secondary source]\n"));
    CHECK(contains(activ::render_text(r, "fr"),
                   "règle : expense.share_basis, source : Formation FEDCPAS, slide 12 "
                   "[source secondaire]\n"));
    r.findings[1].citation = {};
    r.findings[1].cite = "Circulaire du 2 mai 2015";
    text = activ::render_text(r);
    CHECK(contains(text, "rule: expense.share_basis, cite: Circulaire du 2 mai 2015\n"));
}

TEST_CASE("the text report speaks French", "[report]") {
    auto r = sample_result();
    r.beneficiaries = {decision("LG-001", "undetermined", "", "", {}, {})};
    const auto text = activ::render_text(r, "fr");
    CHECK(contains(text,
                   "Convention AS-2015-0117, CPAS de Liège (NIS 62063), année 2015, "
                   "fichier examples/liege-2015.yaml\n"));
    CHECK(contains(text, "Règles be.social-activation 2015, fichier "));
    CHECK(contains(text, "Verdict : 1 erreur, 1 avertissement\n"));
    CHECK(contains(text, "\nActions\n  L1  sociale          language lessons"));
    CHECK(contains(text, "\nBénéficiaires\n  LG-001  indéterminée\n"));
    CHECK(contains(text, "\nConstats\n  erreur         dépense X5 : Expense X5"));
    CHECK(contains(text, "                 parce que : expense.date = 2016-01-08"));
    CHECK(contains(text, "\nTotaux\n  déclaré  "));
    CHECK(contains(text, "  éligible plafonné à la subvention   2856.40 EUR\n"));
    CHECK(contains(text, "  à récupérer  "));
    CHECK(contains(text, "\nIndicateurs\n"));
}

TEST_CASE("the text report speaks Dutch", "[report]") {
    auto r = sample_result();
    r.findings.pop_back();
    const auto text = activ::render_text(r, "nl");
    CHECK(contains(text,
                   "Overeenkomst AS-2015-0117, CPAS de Liège (NIS 62063), jaar 2015, "
                   "bestand examples/liege-2015.yaml\n"));
    CHECK(contains(text, "Regelset be.social-activation 2015, bestand "));
    CHECK(contains(text, "Oordeel: 1 fout\n"));
    CHECK(contains(text, "\nActies\n  L1  sociaal        language lessons"));
    CHECK(contains(text, "\nBevindingen\n  fout          uitgave X5: Expense X5"));
    CHECK(contains(text, "regel: expense.in_period, bron: AR 2015 (2015-06-01), art. 3\n"));
    CHECK(contains(text, "omdat: expense.date = 2016-01-08"));
    CHECK(contains(text, "\nTotalen\n  aangegeven  "));
    CHECK(contains(text, "  terug te vorderen  "));
    CHECK(contains(text, "\nIndicatoren\n"));
    r.findings.clear();
    CHECK(contains(activ::render_text(r, "nl"), "Oordeel: in orde\n"));
}

TEST_CASE("the text report counts infos and falls back to English", "[report]") {
    auto r = sample_result();
    for (auto& f : r.findings) f.severity = activ::Severity::info;
    CHECK(contains(activ::render_text(r), "Verdict: clean (2 info)\n"));
    CHECK(contains(activ::render_text(r, "fr"), "Verdict : conforme (2 infos)\n"));
    CHECK(activ::render_text(r, "de") == activ::render_text(r));
    CHECK(activ::render_text(r, "") == activ::render_text(r, "en"));
}
