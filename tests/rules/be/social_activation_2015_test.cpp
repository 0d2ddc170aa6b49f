// The 2015 rules, one rule at a time: each fires on the case it is for and stays
// silent on its neighbour, at the boundaries the instructions draw.
#include <catch2/catch.hpp>

#include "tests/support/check_convention.hpp"

using namespace activ;
using namespace activ::testing;
using Ids = std::vector<std::string>;

namespace {

std::string one_action(const std::string& fields) {
    return "    - {id: A1, kind: collective, " + fields + "}\n";
}

std::string one_expense(const std::string& fields) {
    return "    - {id: E1, action: A1, cost_type: operating, " + fields + "}\n";
}

}  // namespace

TEST_CASE("a clean convention has no finding and all of its expense is eligible", "[rules-2015]") {
    Result r = check_2015(convention_2015());
    CHECK(r.findings.empty());
    CHECK(activation_of(r, "A1") == "social");
    CHECK(r.totals.eligible.cents == 10000);
    CHECK(r.totals.ineligible.cents == 0);
}

TEST_CASE("classification: categories decide first", "[rules-2015][classify]") {
    Result r = check_2015(convention_2015(
        one_action("title: Cours de langue, category: language_course") +
        "    - {id: A2, kind: collective, title: Préformation cuisine, category: trade_pretraining}\n"
        "    - {id: A3, kind: individual, title: Stage, category: article60_employment}\n"));
    CHECK(activation_of(r, "A1") == "social");
    CHECK(activation_of(r, "A2") == "professional");
    CHECK(activation_of(r, "A3") == "professional");
    CHECK(r.actions[1].rule == "activation.professional-category");
}

TEST_CASE("classification: an internship is social unless its public is ready for work",
          "[rules-2015][classify]") {
    Result r = check_2015(convention_2015(
        one_action("title: Remobilisation, category: remobilisation_internship, "
                   "target_ready_for_work: false") +
        "    - {id: A2, kind: individual, title: Découverte, category: work_discovery_internship, "
        "target_ready_for_work: true}\n"));
    CHECK(activation_of(r, "A1") == "social");
    CHECK(activation_of(r, "A2") == "professional");
    CHECK(r.actions[1].rule == "activation.social-category");
    CHECK(r.actions[1].reason.find("prêt pour une trajectoire professionnelle") != std::string::npos);
}

TEST_CASE("classification: an internship whose public is not described stays unclassified, "
          "and says which field is missing", "[rules-2015][classify][missing]") {
    Result r = check_2015(
        convention_2015(one_action("title: Stage, category: remobilisation_internship")));
    CHECK(activation_of(r, "A1") == "unclassified");
    CHECK(r.actions[0].reason == "cannot decide: action.target_ready_for_work is missing");
    const Finding& f = finding(r, "activation.social-category", "A1");
    CHECK(f.severity == Severity::warning);
    CHECK(f.explanation == Explanation{{"action.target_ready_for_work", "(missing)"}});
    CHECK(fired(r, "action.unclassified") == Ids{"A1"});
    CHECK(fired(r, "expense.unclassified-action") == Ids{"E1"});
}

TEST_CASE("classification: words of an `other` action decide, whatever their case, accents "
          "and apostrophes", "[rules-2015][classify][words]") {
    Result r = check_2015(convention_2015(
        one_action("title: \"Atelier RECHERCHE D’EMPLOI\", category: other") +
        "    - {id: A2, kind: collective, title: Sollicitatietraining, category: other}\n"
        "    - {id: A3, kind: collective, title: Table de conversation, description: En francais, category: other}\n"
        "    - {id: A4, kind: collective, title: Babbelgroep, description: Oefenkansen Nederlands, category: other}\n"
        "    - {id: A5, kind: collective, title: Atelier créatif, category: other}\n"
        "    - {id: A6, kind: collective, title: Recevoir ses voisins, category: other}\n"));
    CHECK(activation_of(r, "A1") == "professional");
    CHECK(activation_of(r, "A2") == "professional");
    CHECK(activation_of(r, "A3") == "social");
    CHECK(activation_of(r, "A4") == "social");
    CHECK(activation_of(r, "A5") == "unclassified");
    CHECK(activation_of(r, "A6") == "unclassified");  // "cv" only at the start of a word
    CHECK(fired(r, "action.unclassified") == Ids{"A5", "A6"});
}

TEST_CASE("a social category whose words speak of job search is flagged for a human look",
          "[rules-2015][words]") {
    Result r = check_2015(convention_2015(
        one_action("title: Néerlandais et CV, category: language_course") +
        "    - {id: A2, kind: collective, title: Néerlandais oral, category: language_course}\n"));
    CHECK(activation_of(r, "A1") == "social");
    CHECK(fired(r, "action.professional-words-in-social-category") == Ids{"A1"});
    CHECK(finding(r, "action.professional-words-in-social-category", "A1").severity ==
          Severity::warning);
}

TEST_CASE("the convention covers the calendar year 2015", "[rules-2015][convention]") {
    std::string yaml = convention_2015();
    CHECK(fired(check_2015(yaml), "convention.period-is-subsidy-year").empty());
    auto const at = yaml.find("start: 2015-01-01");
    yaml.replace(at, 17, "start: 2015-02-01");
    Result r = check_2015(yaml);
    CHECK(fired(r, "convention.period-is-subsidy-year") == Ids{"T-2015-1"});
    CHECK(finding(r, "convention.period-is-subsidy-year", "T-2015-1").message ==
          "La convention couvre 2015-02-01..2015-12-31 au lieu de l'année 2015");
}

TEST_CASE("the convention is filed by 31 August 2015", "[rules-2015][convention][deadline]") {
    std::string yaml = convention_2015();
    auto const at = yaml.find("submitted_on: 2015-08-20");
    yaml.replace(at, 24, "submitted_on: 2015-08-31");
    CHECK(fired(check_2015(yaml), "convention.submission-deadline").empty());
    yaml.replace(at, 24, "submitted_on: 2015-09-01");
    Result r = check_2015(yaml);
    const Finding& f = finding(r, "convention.submission-deadline", "T-2015-1");
    CHECK(f.severity == Severity::error);
    CHECK(f.explanation == Explanation{{"convention.submitted_on", "2015-09-01"},
                                       {"submission_deadline", "2015-08-31"}});
}

TEST_CASE("the evaluation form is filed by 28 February 2016", "[rules-2015][deadline]") {
    auto evaluation = [](const std::string& day) {
        return "  evaluation:\n    submitted_on: " + day + "\n    objectives: []\n";
    };
    CHECK(fired(check_2015(convention_2015("", "", evaluation("2016-02-28"))),
                "convention.evaluation-deadline")
              .empty());
    CHECK(fired(check_2015(convention_2015("", "", evaluation("2016-02-29"))),
                "convention.evaluation-deadline") == Ids{"T-2015-1"});
    CHECK(fired(check_2015(convention_2015()), "convention.evaluation-deadline").empty());
}

TEST_CASE("declarations of intent are not enough: one concrete collective action",
          "[rules-2015][convention]") {
    Result individual_only = check_2015(convention_2015(
        "    - {id: A1, kind: individual, title: Suivi, category: self_esteem_workshop}\n"));
    CHECK(fired(individual_only, "convention.concrete-collective-action") == Ids{"T-2015-1"});
    CHECK(finding(individual_only, "convention.concrete-collective-action", "T-2015-1")
              .explanation ==
          Explanation{{"count(actions where kind = collective)", "0"}});
    CHECK(fired(check_2015(convention_2015()), "convention.concrete-collective-action").empty());
}

TEST_CASE("a cluster has at least three CPAS, the promoter included", "[rules-2015][cluster]") {
    CHECK(fired(check_2015(convention_2015("", "",
                                           "  scheme: cluster\n  cluster:\n"
                                           "    - {name: CPAS B, nis: \"11111\"}\n")),
                "convention.cluster-size") == Ids{"T-2015-1"});
    CHECK(fired(check_2015(convention_2015("", "",
                                           "  scheme: cluster\n  cluster:\n"
                                           "    - {name: CPAS B, nis: \"11111\"}\n"
                                           "    - {name: CPAS C, nis: \"22222\"}\n")),
                "convention.cluster-size")
              .empty());
    CHECK(fired(check_2015(convention_2015("", "", "  scheme: city\n")), "convention.cluster-size")
              .empty());
    CHECK(fired(check_2015(convention_2015()), "convention.cluster-size").empty());
}

TEST_CASE("expenses count only within the convention's period, both ends included",
          "[rules-2015][expense][period]") {
    Result r = check_2015(convention_2015(
        "", "    - {id: E1, date: 2015-01-01, amount: 1, action: A1, cost_type: operating, document: D}\n"
            "    - {id: E2, date: 2015-12-31, amount: 1, action: A1, cost_type: operating, document: D}\n"
            "    - {id: E3, date: 2014-12-31, amount: 1, action: A1, cost_type: operating, document: D}\n"
            "    - {id: E4, date: 2016-01-01, amount: 1, action: A1, cost_type: operating, document: D}\n"));
    CHECK(fired(r, "expense.in-period") == Ids{"E3", "E4"});
    CHECK(finding(r, "expense.in-period", "E4").message ==
          "Dépense E4 du 2016-01-01 hors de la période de la convention (2015-01-01..2015-12-31)");
}

TEST_CASE("an expense is directly linked to an action", "[rules-2015][expense]") {
    Result r = check_2015(convention_2015(
        "", "    - {id: E1, date: 2015-03-01, amount: 10, cost_type: operating, document: D}\n"));
    CHECK(fired(r, "expense.direct-link") == Ids{"E1"});
    CHECK(fired(r, "expense.professional-action").empty());
    CHECK(r.totals.eligible.cents == 0);
}

TEST_CASE("an expense on a professional action is refused", "[rules-2015][expense]") {
    Result r = check_2015(convention_2015(
        one_action("title: Français, category: language_course") +
            "    - {id: A2, kind: collective, title: Atelier CV, category: job_search_workshop}\n",
        one_expense("date: 2015-03-01, amount: 10, document: D") +
            "    - {id: E2, date: 2015-03-01, amount: 20, action: A2, cost_type: operating, document: D}\n"));
    CHECK(fired(r, "expense.professional-action") == Ids{"E2"});
    CHECK(finding(r, "expense.professional-action", "E2").explanation ==
          Explanation{{"expense.action.activation", "professional"}});
    CHECK(r.totals.eligible.cents == 1000);
    CHECK(r.totals.ineligible.cents == 2000);
}

TEST_CASE("an expense needs a supporting document", "[rules-2015][expense]") {
    Result r = check_2015(convention_2015("", one_expense("date: 2015-03-01, amount: 10")));
    CHECK(fired(r, "expense.supporting-document") == Ids{"E1"});
    CHECK(finding(r, "expense.supporting-document", "E1").message ==
          "Dépense E1 sans pièce justificative");
}

TEST_CASE("a shared cost states the basis of its share", "[rules-2015][expense][share]") {
    Result r = check_2015(convention_2015(
        "", one_expense("date: 2015-03-01, amount: 2400, document: D, share: 0.4") +
                "    - {id: E2, date: 2015-03-01, amount: 2400, action: A1, cost_type: overhead, "
                "document: D, share: 0.4, share_basis: surface}\n"
                "    - {id: E3, date: 2015-03-01, amount: 2400, action: A1, cost_type: overhead, "
                "document: D, share: 1}\n"));
    CHECK(fired(r, "expense.share-basis") == Ids{"E1"});
    CHECK(r.totals.declared.cents == 96000 + 96000 + 240000);
    CHECK(r.totals.ineligible.cents == 96000);
}

TEST_CASE("a negative amount is only a credit note", "[rules-2015][expense]") {
    Result r = check_2015(convention_2015(
        "", one_expense("date: 2015-03-01, amount: -50, document: D") +
                "    - {id: E2, date: 2015-03-01, amount: -50, action: A1, cost_type: operating, "
                "document: D, credit: true}\n"));
    CHECK(fired(r, "expense.negative-amount") == Ids{"E1"});
    CHECK(r.totals.eligible.cents == -5000);
}

TEST_CASE("no double funding: the charge plus other funding stays within the amount",
          "[rules-2015][expense]") {
    Result r = check_2015(convention_2015(
        "", one_expense("date: 2015-03-01, amount: 100, document: D, other_funding: 0.01") +
                "    - {id: E2, date: 2015-03-01, amount: 100, action: A1, cost_type: operating, "
                "document: D, share: 0.5, share_basis: mi-temps, other_funding: 50}\n"
                "    - {id: E3, date: 2015-03-01, amount: 100, action: A1, cost_type: operating, "
                "document: D, share: 0.5, share_basis: mi-temps, other_funding: 50.01}\n"));
    CHECK(fired(r, "expense.double-funding") == Ids{"E1", "E3"});
    CHECK(finding(r, "expense.double-funding", "E3").explanation ==
          Explanation{{"expense.charge", "50.00"},
                      {"expense.other_funding", "50.01"},
                      {"expense.amount", "100.00"}});
}

TEST_CASE("an objective not achieved gives its reasons", "[rules-2015][evaluation]") {
    Result r = check_2015(convention_2015("", "",
                                          "  evaluation:\n    submitted_on: 2016-02-01\n"
                                          "    objectives:\n"
                                          "      - {id: O1, text: a, achieved: yes}\n"
                                          "      - {id: O2, text: b, achieved: partly}\n"
                                          "      - {id: O3, text: c, achieved: no, reasons: pas d'animateur}\n"));
    CHECK(fired(r, "objective.reasons-when-not-achieved") == Ids{"O2"});
    CHECK(finding(r, "objective.reasons-when-not-achieved", "O2").severity == Severity::warning);
}

TEST_CASE("totals: eligible capped at the subsidy, then the balance after the advance",
          "[rules-2015][totals]") {
    std::string const expenses =
        "    - {id: E1, date: 2015-03-01, amount: 9000, action: A1, cost_type: personnel, document: D}\n"
        "    - {id: E2, date: 2015-04-01, amount: 3000.10, action: A1, cost_type: personnel, document: D}\n"
        "    - {id: E3, date: 2015-04-01, amount: 500, action: A1, cost_type: personnel}\n";
    Result due = check_2015(convention_2015("", expenses, "  advance_paid: 7500.00\n"));
    CHECK(due.totals.declared.cents == 1250010);
    CHECK(due.totals.eligible.cents == 1200010);
    CHECK(due.totals.ineligible.cents == 50000);
    CHECK(due.totals.eligible_capped.cents == 1000000);
    CHECK(due.totals.balance_due == Money{250000});
    CHECK(!due.totals.to_recover);

    Result recover = check_2015(convention_2015(
        "", "    - {id: E1, date: 2015-03-01, amount: 6000, action: A1, cost_type: personnel, document: D}\n",
        "  advance_paid: 7500.00\n"));
    CHECK(recover.totals.to_recover == Money{150000});
    CHECK(!recover.totals.balance_due);
}
