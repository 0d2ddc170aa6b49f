// Trajectory eligibility under the 2015 rules: who is in an eligible social activation
// trajectory framed by a PIIS, which steps make no sense, and what the evaluation counts.
#include <catch2/catch.hpp>

#include <map>

#include "tests/support/check_convention.hpp"

using namespace activ;
using namespace activ::testing;
using Ids = std::vector<std::string>;

namespace {

/// The clean 2015 convention with these beneficiaries (YAML list items, indented by 4).
Result with_beneficiaries(const std::string& items) {
    return check_2015(convention_2015(
        "    - {id: A1, kind: collective, title: Atelier de français, category: language_course}\n"
        "    - {id: A2, kind: individual, title: Article 60, category: article60_employment}\n",
        "", "  beneficiaries:\n" + items));
}

const Decision& eligibility(const Result& r, const std::string& id) {
    for (const auto& d : r.beneficiaries) {
        if (d.subject_id == id) return d;
    }
    FAIL("no beneficiary " << id);
    return r.beneficiaries.front();
}

/// A beneficiary in a sound trajectory; `extra` adds or replaces keys.
std::string person(const std::string& id, const std::string& extra = "") {
    return "    - id: " + id + "\n"
           "      income: integration_income\n"
           "      piis: {signed_on: 2015-02-01, kind: social_activation}\n"
           "      actions: [A1]\n" + extra;
}

const std::string sound_trajectory =
    "      trajectory:\n"
    "        - {step: intake, date: 2015-01-15}\n"
    "        - {step: social_activation, from: 2015-02-02, to: 2015-12-31, actions: [A1]}\n";

}  // namespace

TEST_CASE("eligible: integration income, a social activation PIIS signed by the start",
          "[rules-2015][trajectory]") {
    Result r = with_beneficiaries(person("B1", sound_trajectory));
    CHECK(eligibility(r, "B1").outcome == "eligible");
    CHECK(eligibility(r, "B1").rule == "eligibility.social-trajectory");
    CHECK(r.findings.empty());
}

TEST_CASE("the PIIS may be signed on the day the social activation starts, not after",
          "[rules-2015][trajectory]") {
    auto signed_on = [](const std::string& day) {
        return "    - id: B1\n      income: equivalent_social_aid\n"
               "      piis: {signed_on: " + day + ", kind: social_activation}\n" + sound_trajectory;
    };
    CHECK(eligibility(with_beneficiaries(signed_on("2015-02-02")), "B1").outcome == "eligible");
    Result const r = with_beneficiaries(signed_on("2015-02-03"));
    const Decision& late = eligibility(r, "B1");
    CHECK(late.outcome == "not_eligible");
    CHECK(late.rule == "eligibility.piis-after-start");
    CHECK(late.explanation == Explanation{{"beneficiary.piis.signed_on", "2015-02-03"},
                                          {"beneficiary.social_activation_start", "2015-02-02"}});
}

TEST_CASE("without a trajectory, the social activation starts with the assessment",
          "[rules-2015][trajectory]") {
    Result r = with_beneficiaries(person(
        "B1", "      assessment:\n"
              "        start: {date: 2015-01-20, socioprofessional: 1, autonomy: 1, volunteering: 0}\n"));
    CHECK(eligibility(r, "B1").outcome == "not_eligible");  // PIIS of 1 February, after
    CHECK(eligibility(r, "B1").rule == "eligibility.piis-after-start");
}

TEST_CASE("not eligible: another income, no PIIS, a PIIS about something else, only "
          "professional actions", "[rules-2015][trajectory]") {
    Result r = with_beneficiaries(
        "    - {id: B1, income: none, piis: {signed_on: 2015-02-01, kind: social_activation}}\n"
        "    - {id: B2, income: other, piis: {signed_on: 2015-02-01, kind: social_activation}}\n"
        "    - {id: B3, income: integration_income}\n"
        "    - {id: B4, income: integration_income, piis: {signed_on: 2015-02-01, kind: training}}\n"
        "    - {id: B5, income: integration_income, piis: {signed_on: 2015-02-01, kind: social_activation}, actions: [A2]}\n");
    CHECK(eligibility(r, "B1").rule == "eligibility.income");
    CHECK(eligibility(r, "B2").rule == "eligibility.income");
    CHECK(eligibility(r, "B3").rule == "eligibility.no-piis");
    CHECK(eligibility(r, "B4").rule == "eligibility.piis-kind");
    CHECK(eligibility(r, "B5").rule == "eligibility.only-professional");
    for (const auto& d : r.beneficiaries) CHECK(d.outcome == "not_eligible");
}

TEST_CASE("missing data gives undetermined with the field named, never a quiet eligible",
          "[rules-2015][trajectory][missing]") {
    Result r = with_beneficiaries(
        "    - id: B1\n      piis: {signed_on: 2015-02-01, kind: social_activation}\n" +
        sound_trajectory +
        "    - {id: B2, income: integration_income, piis: {kind: social_activation}}\n");
    CHECK(eligibility(r, "B1").outcome == "undetermined");
    CHECK(eligibility(r, "B1").reason == "cannot decide: beneficiary.income is missing");
    CHECK(eligibility(r, "B2").outcome == "undetermined");
    CHECK(eligibility(r, "B2").reason == "cannot decide: beneficiary.piis.signed_on is missing");
    CHECK(fired(r, "eligibility.social-trajectory") == Ids{"B1"});
    CHECK(fired(r, "eligibility.piis-after-start") == Ids{"B2"});
}

TEST_CASE("social activation with no intake or screening before it is a warning",
          "[rules-2015][trajectory][steps]") {
    Result r = with_beneficiaries(
        person("B1", sound_trajectory) +
        person("B2", "      trajectory:\n"
                     "        - {step: social_activation, from: 2015-02-02, to: 2015-12-31}\n"
                     "        - {step: intake, date: 2015-03-01}\n") +
        person("B3", "      trajectory:\n"
                     "        - {step: screening, date: 2015-01-25, ready_for_work: false}\n"
                     "        - {step: social_activation, from: 2015-02-02, to: 2015-12-31}\n"));
    CHECK(fired(r, "trajectory.activation-before-intake") == Ids{"B2"});
    CHECK(finding(r, "trajectory.activation-before-intake", "B2").message ==
          "Bénéficiaire B2 : activation sociale (étape 1) sans entretien préalable ni screening "
          "avant elle");
}

TEST_CASE("ready for work, then only social activation: a justification is expected",
          "[rules-2015][trajectory][steps]") {
    auto screened = [](const std::string& ready, const std::string& then) {
        return "      trajectory:\n        - {step: screening, date: 2015-01-25, ready_for_work: " +
               ready + "}\n" + then;
    };
    std::string const social = "        - {step: social_activation, from: 2015-02-02, to: 2015-12-31}\n";
    std::string const training = "        - {step: training, from: 2015-06-01, to: 2015-12-31}\n";
    Result r = with_beneficiaries(person("B1", screened("true", social)) +
                                  person("B2", screened("false", social)) +
                                  person("B3", screened("true", social + training)) +
                                  person("B4", screened("true", "")));
    CHECK(fired(r, "trajectory.ready-then-only-social") == Ids{"B1"});
}

TEST_CASE("an article 60 job inside the social activation span is an error",
          "[rules-2015][trajectory][steps]") {
    auto job_on = [](const std::string& day) {
        return sound_trajectory + "        - {step: on_the_job, date: " + day + "}\n";
    };
    Result r = with_beneficiaries(person("B1", job_on("2015-02-02")) +
                                  person("B2", job_on("2015-12-31")) +
                                  person("B3", job_on("2016-01-04")) +
                                  person("B4", "      trajectory:\n"
                                               "        - {step: on_the_job, date: 2015-06-01}\n"));
    CHECK(fired(r, "trajectory.article60-inside-activation") == Ids{"B1", "B2"});
    CHECK(finding(r, "trajectory.article60-inside-activation", "B1").severity == Severity::error);
}

TEST_CASE("steps outside the convention period are a warning", "[rules-2015][trajectory][steps]") {
    Result r = with_beneficiaries(
        person("B1", "      trajectory:\n"
                     "        - {step: intake, date: 2014-12-31}\n"
                     "        - {step: social_activation, from: 2014-12-01, to: 2015-01-01}\n"
                     "        - {step: follow_up, date: 2016-01-01}\n"));
    CHECK(fired(r, "trajectory.step-outside-period") == Ids{"B1", "B1"});  // intake, follow-up
    CHECK(r.findings.back().message ==
          "Bénéficiaire B1 : l'étape 3 (follow_up, 2016-01-01..2016-01-01) est hors de la "
          "période de la convention");
}

TEST_CASE("a step naming an action the convention does not declare is an error",
          "[rules-2015][trajectory][steps]") {
    Result r = with_beneficiaries(
        person("B1", "      trajectory:\n"
                     "        - {step: intake, date: 2015-01-10}\n"
                     "        - {step: social_activation, from: 2015-02-02, to: 2015-12-31, actions: [A1, A7, A8]}\n") +
        person("B2", sound_trajectory));
    CHECK(fired(r, "trajectory.undeclared-action") == Ids{"B1"});
    CHECK(finding(r, "trajectory.undeclared-action", "B1").message ==
          "Bénéficiaire B1 : l'étape 2 (social_activation) cite 2 action(s) que la convention ne "
          "déclare pas");
}

TEST_CASE("assessments: the end on 31 December, the start no later than the trajectory's",
          "[rules-2015][trajectory][assessment]") {
    auto assessed = [](const std::string& start, const std::string& end) {
        return sound_trajectory + "      assessment:\n        start: {date: " + start +
               ", socioprofessional: 1, autonomy: 1, volunteering: 1}\n        end: {date: " + end +
               ", socioprofessional: 1, autonomy: 2, volunteering: 1}\n";
    };
    Result r = with_beneficiaries(person("B1", assessed("2015-02-02", "2015-12-31")) +
                                  person("B2", assessed("2015-02-02", "2015-12-30")) +
                                  person("B3", assessed("2015-02-03", "2015-12-31")));
    CHECK(fired(r, "beneficiary.assessment-end-date") == Ids{"B2"});
    CHECK(fired(r, "beneficiary.assessment-start-date") == Ids{"B3"});
}

TEST_CASE("indicators count only eligible beneficiaries, and their progress",
          "[rules-2015][trajectory][indicators]") {
    auto scores = [](int start, int end) {
        return sound_trajectory +
               "      assessment:\n        start: {date: 2015-02-02, socioprofessional: " +
               std::to_string(start) + ", autonomy: 5, volunteering: 0}\n"
               "        end: {date: 2015-12-31, socioprofessional: " + std::to_string(end) +
               ", autonomy: 5, volunteering: 0}\n";
    };
    Result r = with_beneficiaries(
        person("B1", scores(2, 4)) + person("B2", scores(3, 3)) + person("B3", scores(4, 2)) +
        "    - {id: B4, income: none, piis: {signed_on: 2015-02-01, kind: social_activation}}\n");
    std::map<std::string, std::string> values;
    for (const auto& i : r.indicators) values[i.name] = i.value;
    CHECK(values["participants"] == "3");
    CHECK(values["progress_socioprofessional"] == "1");
    CHECK(values["progress_autonomy"] == "0");
    CHECK(values["progress_volunteering"] == "0");
    CHECK(values["progress_share"] == "0.3333");
    CHECK(values["cost_per_participant"] == "33.33");  // 100.00 / 3
}
