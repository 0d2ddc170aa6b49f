// Why one subject came out as it did (engine/explain): on the shipped examples and small
// made-up rules, the checks on a subject with the value of each part of their condition,
// the classification branches tried, the parameters read; and tracing changes no result.
#include <catch2/catch.hpp>

#include "engine/explain.hpp"
#include "engine/load_convention.hpp"
#include "engine/messages.hpp"
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

/// `language`: of the messages and reasons, as `activ explain --lang` chooses it.
SubjectExplanation explain(const Convention& convention, const std::string& id,
                           const CompiledRuleset& rules = rules_2015(),
                           const std::string& language = "") {
    REQUIRE(rules.program);
    UnknownSubject unknown;
    auto explained = explain_subject(*rules.program, rules.info, convention, id,
                                     EvaluationOptions{language}, unknown);
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

namespace {

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

/// The text of `e` in `language`, its messages already in that language; fails the test
/// on any of the explanation's own English words left in it.
std::string text_in(const SubjectExplanation& e, const std::string& language) {
    std::string const text = render_explanation_text(e, language);
    for (const char* english :
         {" of convention ", "(year ", "Ruleset", "Checks run on", "Other findings on", "fired",
          "[error]", "[warning]", "because:", "cite:", "condition:", "branch ",
          "unless", "otherwise (", "not evaluated", " matched)", " item)", " items)",
          "cannot be decided", "Parameters: none", "Parameters (dated", "(in force)",
          "secondary source"}) {
        INFO(language << ": " << english << " in\n" << text);
        CHECK_FALSE(has(text, english));
    }
    return text;
}

}  // namespace

TEST_CASE("the text in French and Dutch: undecided branches and checks, otherwise, other "
          "findings, items counted",
          "[explain]") {
    LoadedConvention loaded = load_convention_text(
        testing::convention_2015(
            "    - {id: A1, kind: collective, title: Stage, category: remobilisation_internship}\n"
            "    - {id: A2, kind: collective, title: Balade, category: other}\n",
            "    - {id: E1, date: 2015-03-31, amount: 100.00, action: A1, cost_type: operating, "
            "document: F-1}\n"
            "    - {id: E2, date: 2015-04-30, amount: 7.00, action: A2, cost_type: operating, "
            "document: F-2}\n"),
        "t.yaml");
    REQUIRE(loaded.convention);
    const Convention& c = *loaded.convention;
    CompiledRuleset const made_up = compile_ruleset_text(
        "ruleset \"t\" version 1 applies 2015-01-01 .. 2015-12-31\n"
        "check c.total on convention info when sum(amount of expenses) > 0.00\n"
        "  message en \"total\"\n"
        "check c.credits on convention info when count(expenses where amount < 0.00) > 0\n"
        "  message en \"credits\"\n"
        "check a.ready on action warning when target_ready_for_work\n"
        "  message en \"ready\"\n",
        "t.rules");

    // A branch that cannot decide for a missing field, and the finding that says so.
    std::string a1 = text_in(explain(c, "A1", rules_2015(), "fr"), "fr");
    CHECK(has(a1, "Classe d'activation : non classée, par activation.social-category\n"
                  "  parce que : impossible de trancher : action.target_ready_for_work manque\n"));
    CHECK(has(a1, "  branche activation.social-category (sociale) : ne peut pas trancher\n"));
    CHECK(has(a1, "\nAutres constats sur cette action\n"
                  "  avertissement activation.social-category : Action A1 : "));
    CHECK(has(a1, "\nParamètres\n  professional_categories = {"));
    a1 = text_in(explain(c, "A1", rules_2015(), "nl"), "nl");
    CHECK(has(a1, "  tak activation.social-category (sociaal): kan niet beslissen\n"));
    CHECK(has(a1, "\nAndere bevindingen bij deze actie\n"
                  "  waarschuwing activation.social-category: Actie A1: "));

    // No branch decided: `otherwise` did.
    SubjectExplanation const a2_fr = explain(c, "A2", rules_2015(), "fr");
    REQUIRE(a2_fr.decision);
    CHECK(a2_fr.decision->by_otherwise);
    CHECK(has(text_in(a2_fr, "fr"),
              "  sinon (non classée) : décidé ainsi, aucune branche ci-dessus n'ayant tranché\n"));
    CHECK(has(text_in(explain(c, "A2", rules_2015(), "nl"), "nl"),
              "  anders (niet ingedeeld): zo beslist, want geen tak hierboven besliste\n"));

    // A check that cannot be decided, and aggregates with their items: French counts 0 as
    // one ("0 sur 2 retenu"), Dutch and English do not.
    CHECK(has(text_in(explain(c, "A1", made_up, "fr"), "fr"),
              "  a.ready [avertissement] : ne peut pas être tranché\n"));
    CHECK(has(text_in(explain(c, "A1", made_up, "nl"), "nl"),
              "  a.ready [waarschuwing]: kan niet beslist worden\n"));
    std::string const convention_fr = text_in(explain(c, "T-2015-1", made_up, "fr"), "fr");
    CHECK(has(convention_fr, "  c.total [info] : déclenché\n"));
    CHECK(has(convention_fr, "        sum(amount of expenses): 107.00 (2 éléments)\n"));
    CHECK(has(convention_fr, "        count(expenses where amount < 0.00): 0 (0 sur 2 retenu)\n"));
    std::string const convention_nl = text_in(explain(c, "T-2015-1", made_up, "nl"), "nl");
    CHECK(has(convention_nl, "        sum(amount of expenses): 107.00 (2 elementen)\n"));
    CHECK(has(convention_nl,
              "        count(expenses where amount < 0.00): 0 (0 van 2 geselecteerd)\n"));

    // The same explanations in English, as activ has always written them.
    std::string const convention_en = render_explanation_text(explain(c, "T-2015-1", made_up));
    CHECK(has(convention_en, "        sum(amount of expenses): 107.00 (2 items)\n"));
    CHECK(has(convention_en, "        count(expenses where amount < 0.00): 0 (0 of 2 matched)\n"));
    CHECK(has(render_explanation_text(explain(c, "A1", made_up)),
              "  a.ready [warning]: cannot be decided\n"));
    CHECK(has(render_explanation_text(explain(c, "A2")),
              "  otherwise (unclassified): decided, no branch above did\n"));
}

TEST_CASE("the text's words are English when the language is en, empty or unknown",
          "[explain]") {
    SubjectExplanation const l4 = explain(example("liege-2015.yaml"), "L4");
    std::string const english = render_explanation_text(l4);
    CHECK(english.starts_with("Action L4 of convention AS-2015-0117 (year 2015), "));
    CHECK(render_explanation_text(l4, "en") == english);
    CHECK(render_explanation_text(l4, "") == english);
    CHECK(render_explanation_text(l4, "de") == english);
    CHECK(render_explanation_text(l4, "fr") != english);
}

TEST_CASE("every language's explanation words are filled in", "[explain]") {
    // Aggregate initialisation already refuses a table with a word left out; this checks
    // that none was left empty either, and that the codes are the same in every language.
    const ExplainWords& en = explain_words("en");
    for (const std::string language : {"fr", "nl"}) {
        const ExplainWords& w = explain_words(language);
        INFO(language);
        CHECK(&w != &en);
        for (const char* word : {w.colon, w.of_convention, w.year, w.ruleset, w.version,
                                 w.status, w.by, w.because, w.cite, w.secondary_source, w.branch,
                                 w.condition, w.unless, w.then, w.otherwise,
                                 w.otherwise_decided, w.on_step, w.checks_run_on,
                                 w.other_findings_on, w.parameters, w.no_parameters,
                                 w.dated_parameters_before, w.dated_parameters_after, w.from,
                                 w.in_force, w.not_evaluated, w.of, w.matched_singular,
                                 w.matched_plural, w.item, w.items}) {
            CHECK(word != nullptr);
            CHECK(std::string(word ? word : "").size() > 0);
        }
        for (size_t i = 0; i < std::size(w.kinds); ++i) {
            CHECK(std::string(w.kinds[i].code) == en.kinds[i].code);
        }
        for (size_t i = 0; i < std::size(w.outcomes); ++i) {
            CHECK(std::string(w.outcomes[i].first) == en.outcomes[i].first);
        }
        for (size_t i = 0; i < std::size(w.check_results); ++i) {
            CHECK(std::string(w.check_results[i].first) == en.check_results[i].first);
        }
        for (size_t i = 0; i < std::size(w.branch_results); ++i) {
            CHECK(std::string(w.branch_results[i].first) == en.branch_results[i].first);
        }
        for (size_t i = 0; i < std::size(w.exception_results); ++i) {
            CHECK(std::string(w.exception_results[i].first) == en.exception_results[i].first);
        }
    }
}
