// Why one subject came out as it did (engine/explain): on the shipped examples and small
// made-up rules, the checks on a subject with the value of each part of their condition,
// the classification branches tried, the parameters read; and tracing changes no result.
#include <catch2/catch.hpp>

#include "engine/explain.hpp"
#include "engine/load_convention.hpp"
#include "engine/report.hpp"
#include "engine/ruleset.hpp"
#include "engine/trace.hpp"
#include "tests/support/check_convention.hpp"

using namespace activ;

namespace {

using Lines = std::vector<std::string>;

const CompiledRuleset& rules_2015() {
    static const CompiledRuleset rules =
        compile_ruleset_file(ACTIV_SOURCE_DIR "/rules/be/social-activation-2015.rules");
    return rules;
}

Convention example(const std::string& name) {
    LoadedConvention loaded = load_convention_file(ACTIV_SOURCE_DIR "/examples/" + name);
    REQUIRE(loaded.convention);
    return std::move(*loaded.convention);
}

SubjectExplanation explain(const Convention& convention, const std::string& id,
                           const CompiledRuleset& rules = rules_2015()) {
    REQUIRE(rules.program);
    UnknownSubject unknown;
    auto explained = explain_subject(*rules.program, rules.info, convention, id, {}, unknown);
    INFO(unknown.message);
    REQUIRE(explained);
    return std::move(*explained);
}

/// A condition's tree as a clerk reads it: "text: value", two spaces per level.
void add_lines(const ExplainedNode& n, int depth, Lines& out) {
    std::string line(static_cast<size_t>(depth) * 2, ' ');
    line += n.text + ": " + (n.evaluated ? n.value : "not evaluated");
    if (n.matched >= 0) {
        line += " (" + std::to_string(n.matched) + " of " + std::to_string(n.items) + ")";
    }
    out.push_back(line);
    for (const auto& child : n.children) add_lines(child, depth + 1, out);
}

Lines tree(const ExplainedNode& n) {
    Lines out;
    add_lines(n, 0, out);
    return out;
}

const ExplainedCheck& check(const SubjectExplanation& e, const std::string& id) {
    for (const auto& c : e.checks) {
        if (c.id == id) return c;
    }
    FAIL("no check " << id);
    static const ExplainedCheck none;
    return none;
}

/// Each branch tried, as "id: result".
Lines branches(const ExplainedDecision& d) {
    Lines out;
    for (const auto& b : d.branches) out.push_back(b.id + ": " + b.result);
    return out;
}

/// The decision as "field: outcome", then each branch tried as "id: result".
Lines decision_lines(const ExplainedDecision& d) {
    Lines out{d.field + ": " + d.decision.outcome};
    for (auto& b : branches(d)) out.push_back(std::move(b));
    return out;
}

}  // namespace

TEST_CASE("an expense after the period: the check fired on its date and the period's end",
          "[explain]") {
    Convention const liege = example("liege-2015.yaml");
    SubjectExplanation const x5 = explain(liege, "X5");
    CHECK(x5.kind == SubjectKind::expense);
    CHECK(x5.line == 44);
    CHECK(x5.status == "error");

    const ExplainedCheck& in_period = check(x5, "expense.in-period");
    CHECK(in_period.result == "fired");
    REQUIRE(in_period.finding);
    CHECK(in_period.finding->message ==
          "Dépense X5 du 2016-01-08 hors de la période de la convention (2015-01-01..2015-12-31)");
    CHECK(in_period.source.file.ends_with("rules/be/social-activation-2015.rules"));
    CHECK(in_period.source.line == 143);
    CHECK(in_period.source.citation.point == "point 3.C (dépenses faites au courant de l'an 2015)");
    CHECK(tree(in_period.condition) ==
          Lines{"expense.date < convention.period.start or expense.date > convention.period.end: true",
                "  expense.date < convention.period.start: false",
                "    expense.date: 2016-01-08",
                "    convention.period.start: 2015-01-01",
                "  expense.date > convention.period.end: true",
                "    expense.date: 2016-01-08",
                "    convention.period.end: 2015-12-31"});
    CHECK(in_period.condition.kind == "or");
    CHECK(in_period.condition.children[0].kind == "comparison");
    CHECK(in_period.condition.children[0].children[0].kind == "field");
}

TEST_CASE("every check on the subject is listed in rule order, fired or not", "[explain]") {
    SubjectExplanation const x5 = explain(example("liege-2015.yaml"), "X5");
    Lines results;
    for (const auto& c : x5.checks) results.push_back(c.id + ": " + c.result);
    CHECK(results == Lines{"expense.in-period: fired", "expense.direct-link: not_fired",
                           "expense.professional-action: not_fired",
                           "expense.unclassified-action: not_fired",
                           "expense.supporting-document: not_fired",
                           "expense.share-basis: not_fired", "expense.negative-amount: not_fired",
                           "expense.double-funding: not_fired"});
    // A record reads as its kind and id; the right side of a false `and` is never evaluated.
    CHECK(tree(check(x5, "expense.direct-link").condition) ==
          Lines{"expense.action is missing: false", "  expense.action: action L1"});
    CHECK(tree(check(x5, "expense.share-basis").condition) ==
          Lines{"expense.share < 1 and expense.share_basis is missing: false",
                "  expense.share < 1: false", "    expense.share: 1",
                "  expense.share_basis is missing: not evaluated"});
    CHECK(x5.decision == std::nullopt);
    CHECK(x5.parameters.empty());
}

TEST_CASE("an action: the branch that decided its class, and the earlier ones not taken",
          "[explain]") {
    SubjectExplanation const l3 = explain(example("liege-2015.yaml"), "L3");
    REQUIRE(l3.decision);
    CHECK(decision_lines(*l3.decision) == Lines{"activation: professional",
                                                "activation.professional-category: not_taken",
                                                "activation.social-category: not_taken",
                                                "activation.professional-words: decided"});
    const ExplainedBranch& decided = l3.decision->branches[2];
    CHECK(decided.source.line == 77);
    CHECK(tree(decided.condition) ==
          Lines{"action.category = other and action.text mentions any professional_words: true",
                "  action.category = other: true",
                "    action.category: other",
                "  action.text mentions any professional_words: true",
                "    action.text: Atelier CV et lettres de motivation Rédaction de CV, réponses "
                "aux offres",
                "    professional_words: {CV, \"art. 60\", \"article 60\", \"artikel 60\", "
                "beroepsopleiding, candidature, \"chercher un emploi\", \"curriculum vitae\", "
                "... (27 in all)}"});
    CHECK(tree(l3.decision->branches[0].condition) ==
          Lines{"action.category in professional_categories: false",
                "  action.category: other",
                "  professional_categories: {article60_employment, job_search_workshop, "
                "pre_employment_internship, qualifying_training, trade_pretraining}"});
    CHECK_FALSE(l3.decision->by_otherwise);
}

TEST_CASE("an exception that did not apply is shown under the branch that decided",
          "[explain]") {
    SubjectExplanation const l4 = explain(example("liege-2015.yaml"), "L4");
    REQUIRE(l4.decision);
    CHECK(l4.decision->decision.outcome == "social");
    CHECK(branches(*l4.decision) == Lines{"activation.professional-category: not_taken",
                                          "activation.social-category: decided"});
    const auto& exceptions = l4.decision->branches[1].exceptions;
    REQUIRE(exceptions.size() == 1);
    CHECK(exceptions[0].then_outcome == "professional");
    CHECK(exceptions[0].result == "not_applied");
    CHECK(tree(exceptions[0].condition) ==
          Lines{"action.category in internships_for_people_not_ready and "
                "action.target_ready_for_work: false",
                "  action.category in internships_for_people_not_ready: true",
                "    action.category: work_discovery_internship",
                "    internships_for_people_not_ready: {remobilisation_internship, "
                "work_discovery_internship}",
                "  action.target_ready_for_work: false"});
}

TEST_CASE("a missing field that keeps a branch from deciding is named, with its warning",
          "[explain]") {
    LoadedConvention loaded = load_convention_text(
        testing::convention_2015("    - {id: A1, kind: collective, title: Stage, "
                                 "category: remobilisation_internship}\n"),
        "t.yaml");
    REQUIRE(loaded.convention);
    SubjectExplanation const a1 = explain(*loaded.convention, "A1");
    REQUIRE(a1.decision);
    CHECK(a1.decision->decision.outcome == "unclassified");
    CHECK(branches(*a1.decision) == Lines{"activation.professional-category: not_taken",
                                          "activation.social-category: undecided"});
    const ExplainedException& unless = a1.decision->branches[1].exceptions.at(0);
    CHECK(unless.result == "undecided");
    CHECK(unless.condition.missing_path == "action.target_ready_for_work");
    // The warning the classification gave is on the action, outside any check.
    REQUIRE(a1.other_findings.size() == 1);
    CHECK(a1.other_findings[0].rule == "activation.social-category");
    CHECK(a1.status == "warning");
}

TEST_CASE("a beneficiary: its eligibility, with the definitions it reads and their bodies",
          "[explain]") {
    SubjectExplanation const na05 = explain(example("namur-2015.yaml"), "NA-05");
    REQUIRE(na05.decision);
    CHECK(decision_lines(*na05.decision) == Lines{"eligibility: not_eligible",
                                                  "eligibility.income: not_taken",
                                                  "eligibility.no-piis: not_taken",
                                                  "eligibility.piis-kind: not_taken",
                                                  "eligibility.only-professional: not_taken",
                                                  "eligibility.piis-after-start: decided"});
    CHECK(tree(na05.decision->branches[4].condition) ==
          Lines{"beneficiary.piis.signed_on > beneficiary.social_activation_start: true",
                "  beneficiary.piis.signed_on: 2015-05-15",
                "  beneficiary.social_activation_start: 2015-04-20",
                "    either(min(first_day of trajectory where step = social_activation), "
                "beneficiary.assessment.start.date): 2015-04-20",
                "      min(first_day of trajectory where step = social_activation): 2015-04-20 "
                "(1 of 2)",
                "      beneficiary.assessment.start.date: not evaluated"});
    CHECK(na05.decision->branches[4].condition.children[1].kind == "define");
    CHECK(na05.decision->branches[4].condition.children[1].children[0].children[0].kind ==
          "aggregate");
}

TEST_CASE("a beneficiary's step checks run once per step of its trajectory", "[explain]") {
    SubjectExplanation const na03 = explain(example("namur-2015.yaml"), "NA-03");
    CHECK(na03.status == "error");
    Lines fired;
    for (const auto& c : na03.checks) {
        if (c.result == "fired") {
            fired.push_back(c.id + " on step " + std::to_string(c.step.value_or(0)) + " (" +
                            c.step_kind + ")");
        }
    }
    CHECK(fired == Lines{"trajectory.article60-inside-activation on step 3 (on_the_job)",
                         "trajectory.undeclared-action on step 2 (social_activation)"});
}

TEST_CASE("the convention: its checks, an aggregate's count, and the dated parameter in force",
          "[explain]") {
    SubjectExplanation const c = explain(example("liege-2015.yaml"), "AS-2015-0117");
    CHECK(c.kind == SubjectKind::convention);
    CHECK(c.status == "clean");
    CHECK(c.checks.size() == 7);
    CHECK(tree(check(c, "convention.concrete-collective-action").condition) ==
          Lines{"count(actions where kind = collective) = 0: false",
                "  count(actions where kind = collective): 3 (3 of 4)"});
    // cluster_amount is read only for a cluster: not evaluated here, but listed with the
    // value the convention's year gives it.
    const ExplainedParameter* cluster_amount = nullptr;
    for (const auto& p : c.parameters) {
        if (p.name == "cluster_amount") cluster_amount = &p;
    }
    REQUIRE(cluster_amount);
    CHECK(cluster_amount->value == "10000.00");
    REQUIRE(cluster_amount->dated.size() == 2);
    CHECK(cluster_amount->dated[0].from == "2014-01-01");
    CHECK_FALSE(cluster_amount->dated[0].in_force);
    CHECK(cluster_amount->dated[1].from == "2015-01-01");
    CHECK(cluster_amount->dated[1].in_force);
    CHECK(c.reference_day == "2015-01-01");
}

TEST_CASE("a definition on the convention is traced into its body", "[explain]") {
    CompiledRuleset const rules = compile_ruleset_text(
        "ruleset \"t\" version 1 applies 2015-01-01 .. 2015-12-31\n"
        "define declared on convention = sum(amount of expenses where cost_type = operating)\n"
        "check c.big on convention warning when declared > 50.00\n"
        "  message en \"{declared}\"\n",
        "t.rules");
    LoadedConvention loaded = load_convention_text(
        testing::convention_2015("", "    - {id: E1, date: 2015-03-31, amount: 100.00, action: A1, "
                                     "cost_type: operating, document: F-1}\n"
                                     "    - {id: E2, date: 2015-03-31, amount: 7.00, action: A1, "
                                     "cost_type: personnel, document: F-2}\n"),
        "t.yaml");
    REQUIRE(loaded.convention);
    SubjectExplanation const c = explain(*loaded.convention, "T-2015-1", rules);
    REQUIRE(c.checks.size() == 1);
    CHECK(tree(c.checks[0].condition) ==
          Lines{"convention.declared > 50.00: true", "  convention.declared: 100.00",
                "    sum(amount of expenses where cost_type = operating): 100.00 (1 of 2)"});
    CHECK(c.status == "warning");
}

TEST_CASE("an unknown id says where it was looked for and suggests close ones", "[explain]") {
    Convention const liege = example("liege-2015.yaml");
    UnknownSubject unknown;
    const CompiledRuleset& rules = rules_2015();
    CHECK_FALSE(explain_subject(*rules.program, rules.info, liege, "X9", {}, unknown));
    CHECK(unknown.message ==
          "no subject 'X9' in convention AS-2015-0117: it is not the id of an action, an "
          "expense, a beneficiary, an objective or the convention; did you mean X1, X2, X3, X4, "
          "X5?");
    CHECK_FALSE(explain_subject(*rules.program, rules.info, liege, "beneficiary:X5", {}, unknown));
    CHECK(unknown.message == "no beneficiary 'X5' in convention AS-2015-0117");
    CHECK(explain(liege, "expense:X5").id == "X5");
}

TEST_CASE("tracing a subject changes nothing in the result", "[explain]") {
    const CompiledRuleset& rules = rules_2015();
    for (const char* name : {"liege-2015.yaml", "namur-2015.yaml"}) {
        Convention const c = example(name);
        std::string const expected = render_json(evaluate(*rules.program, rules.info, c));
        std::vector<const void*> subjects{&c};
        for (const auto& a : c.actions) subjects.push_back(&a);
        for (const auto& e : c.expenses) subjects.push_back(&e);
        for (const auto& b : c.beneficiaries) subjects.push_back(&b);
        for (const void* subject : subjects) {
            SubjectTrace trace;
            trace.subject = subject;
            CHECK(render_json(evaluate_traced(*rules.program, rules.info, c, {}, trace)) ==
                  expected);
            CHECK_FALSE(trace.checks.empty());
        }
    }
}

TEST_CASE("the same subject gives the same text and JSON every time", "[explain]") {
    Convention const namur = example("namur-2015.yaml");
    SubjectExplanation const first = explain(namur, "NA-03");
    SubjectExplanation const second = explain(namur, "NA-03");
    CHECK(render_explanation_text(first) == render_explanation_text(second));
    CHECK(render_explanation_json(first) == render_explanation_json(second));
}
