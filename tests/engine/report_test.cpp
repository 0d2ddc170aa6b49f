// The JSON report is a contract with other programs, so it is asserted byte for byte;
// the text report is for people, so only its load-bearing lines are.
#include "engine/report.hpp"

#include <catch2/catch.hpp>
#include <string>

namespace {

using activ::Money;

activ::Result sample_result() {
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
        {"L1",
         "social",
         "action.activation#1",
         "language lessons are a basic skill",
         "Instructions 2015, 2.1",
         {{"action.category", "language_course"}}},
        {"L3", "professional", "action.activation#4", "job search prepares for work", "", {}},
    };
    r.findings = {
        {"expense.in_period",
         activ::Severity::error,
         activ::SubjectKind::expense,
         "X5",
         "Expense X5 is dated after the convention period",
         "AR 2015 art. 3",
         {{"expense.date", "2016-01-08"}, {"convention.period.end", "2015-12-31"}}},
        {"expense.share_basis",
         activ::Severity::warning,
         activ::SubjectKind::expense,
         "X6",
         "Share 0.4 without a basis",
         "",
         {}},
    };
    r.totals.declared = Money{660735};
    r.totals.eligible = Money{285640};
    r.totals.ineligible = Money{375095};
    r.totals.eligible_capped = Money{285640};
    r.totals.subsidy = Money{3200000};
    r.totals.advance_paid = Money{2400000};
    r.totals.to_recover = Money{2114360};
    return r;
}

const char* const expected_json = R"({
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
      "cite": "AR 2015 art. 3",
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
  "indicators": {}
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
                   "           rule: expense.in_period, cite: AR 2015 art. 3\n"
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
    r.beneficiaries = {{"LG-001",
                        "eligible",
                        "beneficiary.eligibility#1",
                        "integration income and a social activation PIIS",
                        "",
                        {}}};
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
