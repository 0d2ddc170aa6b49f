// `activ explain` end to end, as a clerk asks "why?" about one item of the shipped
// examples: the rules on it with the values that decided, the branches tried, the exit
// statuses, and the same facts in JSON.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <string>

#include "tests/support/run_activ.hpp"

namespace {

using activ::testing::ActivRun;
using activ::testing::run_activ;

/// The shipped rules by a relative folder, so that the output names them relatively.
ActivRun explain(const std::string& arguments) {
    return run_activ("explain --rules-dir rules " + arguments);
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

/// Where a rule of the shipped 2015 rules stands and what it cites: a point of the working
/// group's note, as the text shows them under the rule.
std::string rule_2015(int line, const std::string& point) {
    std::string out = "    rules/be/social-activation-2015.rules:" + std::to_string(line);
    out +=
        "\n    cite: Groupe de travail Activation sociale, SPP Intégration sociale (2015-12-08), ";
    out += point;
    out += '\n';
    return out;
}

}  // namespace

TEST_CASE("explain an expense: the check that fired, with the expense's date and the period's "
          "end",
          "[explain][cli]") {
    ActivRun r = explain("examples/liege-2015.yaml X5");
    CHECK(r.status == 1);  // an error fired on X5
    CHECK(r.err.empty());
    CHECK(r.out.starts_with(
        "Expense X5 of convention AS-2015-0117 (year 2015), examples/liege-2015.yaml:44\n"
        "Ruleset: be.social-activation version 2015, rules/be/social-activation-2015.rules\n"
        "Status: error\n"));
    CHECK(has(r.out, "  expense.in-period [error]: fired\n" +
                         rule_2015(143, "point 3.C (dépenses faites au courant de l'an 2015)") +
                         "    error: Dépense X5 du 2016-01-08 hors de la période de la convention "
                         "(2015-01-01..2015-12-31)\n"
                         "    condition:\n"
                         "      expense.date < convention.period.start or expense.date > "
                         "convention.period.end: true\n"
                         "        expense.date < convention.period.start: false\n"
                         "          expense.date: 2016-01-08\n"
                         "          convention.period.start: 2015-01-01\n"
                         "        expense.date > convention.period.end: true\n"
                         "          expense.date: 2016-01-08\n"
                         "          convention.period.end: 2015-12-31\n"));
    // The checks that did not fire are there too, with their values.
    CHECK(has(r.out, "Checks run on this expense: 8\n"));
    CHECK(has(r.out,
              "  expense.supporting-document [error]: not fired\n"
              "    rules/be/social-activation-2015.rules:171\n"));
    CHECK(has(r.out, "      expense.document is missing: false\n"
                     "        expense.document: FACT-8010\n"));
}

TEST_CASE("explain an action: the branch that decided its class, and the earlier branches not "
          "taken",
          "[explain][cli]") {
    ActivRun r = explain("examples/liege-2015.yaml L3");
    CHECK(r.status == 0);  // professional, but no error is on the action itself
    CHECK(has(r.out, "Activation: professional, by activation.professional-words\n"
                     "  because: l'intitulé ou la description relève de la recherche d'emploi "
                     "ou d'une formation à un métier\n"));
    CHECK(has(r.out, "  branch activation.professional-category (professional): not taken\n"
                     "    rules/be/social-activation-2015.rules:66\n"));
    CHECK(has(r.out, "      action.category in social_categories: false\n"
                     "        action.category: other\n"));
    CHECK(has(r.out, "  branch activation.professional-words (professional): decided\n" +
                         rule_2015(77, "point 4") +
                         "    condition:\n"
                         "      action.category = other and action.text mentions any "
                         "professional_words: true\n"));
    // Branches after the one that decided were never tried.
    CHECK_FALSE(has(r.out, "branch activation.social-words"));
}

TEST_CASE("explain an action whose exception was read and did not apply", "[explain][cli]") {
    ActivRun r = explain("examples/liege-2015.yaml L4");
    CHECK(r.status == 0);
    CHECK(has(r.out, "  branch activation.social-category (social): decided\n"));
    CHECK(has(r.out, "    unless, then professional: not applied\n"
                     "      action.category in internships_for_people_not_ready and "
                     "action.target_ready_for_work: false\n"
                     "        action.category in internships_for_people_not_ready: true\n"
                     "          action.category: work_discovery_internship\n"
                     "          internships_for_people_not_ready: {remobilisation_internship, "
                     "work_discovery_internship}\n"
                     "        action.target_ready_for_work: false\n"));
}

TEST_CASE("explain a beneficiary: its eligibility and the checks on it", "[explain][cli]") {
    ActivRun r = explain("examples/liege-2015.yaml LG-003");
    CHECK(r.status == 0);
    CHECK(has(r.out, "Beneficiary LG-003 of convention AS-2015-0117 (year 2015), "
                     "examples/liege-2015.yaml:63\n"));
    CHECK(has(r.out, "Eligibility: not_eligible, by eligibility.no-piis\n"));
    CHECK(has(r.out, "  branch eligibility.income (not_eligible): not taken\n"));
    CHECK(has(r.out, "  branch eligibility.no-piis (not_eligible): decided\n" +
                         rule_2015(244,
                                   "point 3.B (trajectoire d'activation sociale encadrée "
                                   "par un PIIS)") +
                         "    condition:\n"
                         "      beneficiary.piis is missing: true\n"
                         "        beneficiary.piis: (missing)\n"));
    CHECK(has(r.out, "Checks run on this beneficiary: 2\n"));
}

TEST_CASE("explain a beneficiary whose step broke a rule: exit 1", "[explain][cli]") {
    ActivRun r = explain("examples/namur-2015.yaml NA-03");
    CHECK(r.status == 1);
    CHECK(has(r.out, "  trajectory.undeclared-action [error] on step 2 (social_activation): "
                     "fired\n"));
    CHECK(has(r.out, "      step.undeclared_action_count > 0: true\n"
                     "        step.undeclared_action_count: 1\n"));
}

TEST_CASE("explain the convention: its own checks and the parameters with their dated values",
          "[explain][cli]") {
    ActivRun r = explain("examples/liege-2015.yaml AS-2015-0117");
    CHECK(r.status == 0);
    CHECK(r.out.starts_with("Convention AS-2015-0117 (year 2015), examples/liege-2015.yaml\n"));
    CHECK(has(r.out, "Checks run on this convention: 7\n"));
    CHECK(has(r.out, "        count(actions where kind = collective): 3 (3 of 4 matched)\n"));
    CHECK(has(r.out, "Parameters (dated values as in force on 2015-01-01, the first day of the "
                     "convention's period)\n"));
    CHECK(has(r.out, "  submission_deadline = 2015-08-31\n"));
    CHECK(has(r.out, "  cluster_amount = 10000.00\n"
                     "    from 2014-01-01: 12500.00\n"
                     "    from 2015-01-01: 10000.00 (in force)\n"));
}

TEST_CASE("the rules are chosen by the convention's year, as activ check chooses them",
          "[explain][cli]") {
    ActivRun r = explain("examples/gent-2016.yaml G2");
    CHECK(r.status == 0);
    CHECK(has(r.out, "Ruleset: be.social-activation version 2016, "
                     "rules/be/social-activation-2016.rules\n"));
    // An overridden check is where 2016 writes it; an inherited one stays in 2015's file.
    CHECK(has(r.out, "  action.unclassified [error]: not fired\n"
                     "    rules/be/social-activation-2016.rules:51\n"));
    CHECK(has(r.out, "  action.professional-words-in-social-category [warning]: not fired\n"
                     "    rules/be/social-activation-2015.rules:134\n"));

    ActivRun fixed = run_activ(
        "explain --rules rules/be/social-activation-2015.rules examples/gent-2016.yaml G2");
    CHECK(has(fixed.out, "Ruleset: be.social-activation version 2015"));
}

TEST_CASE("the messages come in the language --lang asks for", "[explain][cli]") {
    ActivRun r = explain("--lang en examples/liege-2015.yaml X5");
    CHECK(has(r.out, "    error: Expense X5 of 2016-01-08 falls outside the convention period "
                     "(2015-01-01..2015-12-31)\n"));
}

/// The explanation's own English words, none of which may be left in French or Dutch.
/// ("Status" and "Parameters" are Dutch too, and are checked in French only.)
const char* const english_words[] = {
    " of convention ", "(year ",   "Ruleset",   "Checks run on",   "Other findings on",
    "fired",           "[error]",  "[warning]", "because:",        "cite:",
    "condition:",      "branch ",  "unless",    "otherwise (",     "not evaluated",
    " matched)",       "from 20",  "(in force)", "secondary source", "Parameters: none",
    "Parameters (dated",
};

TEST_CASE("with --lang fr the explanation's own words are French", "[explain][cli]") {
    ActivRun r = explain("--lang fr examples/liege-2015.yaml X5");
    CHECK(r.status == 1);
    CHECK(r.out.starts_with(
        "Dépense X5 de la convention AS-2015-0117 (année 2015), examples/liege-2015.yaml:44\n"
        "Règles : be.social-activation version 2015, rules/be/social-activation-2015.rules\n"
        "Statut : erreur\n"
        "\n"
        "Contrôles appliqués à cette dépense : 8\n"
        "  expense.in-period [erreur] : déclenché\n"
        "    rules/be/social-activation-2015.rules:143\n"
        "    source : Groupe de travail Activation sociale, SPP Intégration sociale "
        "(2015-12-08), point 3.C (dépenses faites au courant de l'an 2015)\n"
        "    erreur : Dépense X5 du 2016-01-08 hors de la période de la convention "
        "(2015-01-01..2015-12-31)\n"
        "    condition :\n"
        // The condition is the rules' own text and its values, as in every language.
        "      expense.date < convention.period.start or expense.date > "
        "convention.period.end: true\n"));
    CHECK(has(r.out, "  expense.supporting-document [erreur] : non déclenché\n"));
    CHECK(has(r.out, "        expense.share_basis is missing: non évalué\n"));
    CHECK(has(r.out, "    source : Notes des fédérations de CPAS sur le double financement, "
                     "interdiction du double financement [source secondaire]\n"));
    CHECK(r.out.ends_with("\nParamètres : aucun\n"));
    for (const char* english : english_words) {
        INFO(english);
        CHECK_FALSE(has(r.out, english));
    }
    CHECK_FALSE(has(r.out, "Status"));
    CHECK_FALSE(has(r.out, "Parameters"));
}

TEST_CASE("with --lang nl, or ACTIV_LANG=nl, the explanation's own words are Dutch",
          "[explain][cli]") {
    ActivRun r = explain("--lang nl examples/liege-2015.yaml X5");
    CHECK(r.status == 1);
    CHECK(r.out.starts_with(
        "Uitgave X5 van overeenkomst AS-2015-0117 (jaar 2015), examples/liege-2015.yaml:44\n"
        "Regels: be.social-activation versie 2015, rules/be/social-activation-2015.rules\n"
        "Status: fout\n"
        "\n"
        "Controles op deze uitgave: 8\n"
        "  expense.in-period [fout]: gesignaleerd\n"
        "    rules/be/social-activation-2015.rules:143\n"
        "    bron: Groupe de travail Activation sociale, SPP Intégration sociale "
        "(2015-12-08), point 3.C (dépenses faites au courant de l'an 2015)\n"
        "    fout: Uitgave X5 van 2016-01-08 valt buiten de looptijd van de overeenkomst "
        "(2015-01-01..2015-12-31)\n"
        "    voorwaarde:\n"));
    CHECK(has(r.out, "  expense.unclassified-action [waarschuwing]: niet gesignaleerd\n"));
    CHECK(has(r.out, "        not expense.credit: niet geëvalueerd\n"));
    CHECK(r.out.ends_with("\nParameters: geen\n"));
    for (const char* english : english_words) {
        INFO(english);
        CHECK_FALSE(has(r.out, english));
    }

    ::setenv("ACTIV_LANG", "nl", 1);
    ActivRun const by_environment = explain("examples/liege-2015.yaml X5");
    ::unsetenv("ACTIV_LANG");
    CHECK(by_environment.out == r.out);
}

TEST_CASE("in French and Dutch: the decision, its branches and exceptions, the dated "
          "parameters",
          "[explain][cli]") {
    ActivRun fr = explain("--lang fr examples/liege-2015.yaml L4");
    CHECK(has(fr.out, "Classe d'activation : sociale, par activation.social-category\n"
                      "  parce que : compétences de base ou préparation d'un parcours "
                      "socioprofessionnel\n"));
    CHECK(has(fr.out, "  branche activation.professional-category (professionnelle) : ne "
                      "s'applique pas\n"));
    CHECK(has(fr.out, "  branche activation.social-category (sociale) : a tranché\n"));
    CHECK(has(fr.out, "    sauf si, alors professionnelle : ne s'applique pas\n"
                      "      action.category in internships_for_people_not_ready and "
                      "action.target_ready_for_work: false\n"));
    CHECK(has(fr.out, "Contrôles appliqués à cette action : 2\n"));

    ActivRun nl = explain("--lang nl examples/liege-2015.yaml L4");
    CHECK(has(nl.out, "Activeringsklasse: sociaal, door activation.social-category\n"));
    CHECK(has(nl.out, "  tak activation.social-category (sociaal): heeft beslist\n"));
    CHECK(has(nl.out, "    tenzij, dan professioneel: niet van toepassing\n"));
    CHECK(has(nl.out, "Controles op deze actie: 2\n"));

    ActivRun beneficiary = explain("--lang fr examples/liege-2015.yaml LG-003");
    CHECK(has(beneficiary.out, "Bénéficiaire LG-003 de la convention AS-2015-0117 (année "
                               "2015), examples/liege-2015.yaml:63\n"));
    CHECK(has(beneficiary.out, "Éligibilité : non éligible, par eligibility.no-piis\n"));
    CHECK(has(beneficiary.out, "Contrôles appliqués à ce bénéficiaire : 2\n"));

    ActivRun convention = explain("--lang fr examples/liege-2015.yaml AS-2015-0117");
    CHECK(convention.out.starts_with(
        "Convention AS-2015-0117 (année 2015), examples/liege-2015.yaml\n"));
    CHECK(has(convention.out, "        count(actions where kind = collective): 3 (3 sur 4 "
                              "retenus)\n"));
    CHECK(has(convention.out, "Paramètres (valeurs datées en vigueur le 2015-01-01, premier "
                              "jour de la période de la convention)\n"));
    CHECK(has(convention.out, "  cluster_amount = 10000.00\n"
                              "    à partir du 2014-01-01 : 12500.00\n"
                              "    à partir du 2015-01-01 : 10000.00 (en vigueur)\n"));
    ActivRun overeenkomst = explain("--lang nl examples/liege-2015.yaml AS-2015-0117");
    CHECK(has(overeenkomst.out, "Parameters (gedateerde waarden zoals van kracht op 2015-01-01, "
                                "de eerste dag van de periode van de overeenkomst)\n"));
    CHECK(has(overeenkomst.out, "    vanaf 2015-01-01: 10000.00 (van kracht)\n"));
    CHECK(has(overeenkomst.out, "(3 van 4 geselecteerd)\n"));
    for (const ActivRun* run : {&fr, &nl, &beneficiary, &convention, &overeenkomst}) {
        for (const char* english : english_words) {
            INFO(english);
            CHECK_FALSE(has(run->out, english));
        }
    }
}

TEST_CASE("with --lang en, or no language, the explanation's words stay English",
          "[explain][cli]") {
    for (const std::string language : {"--lang en ", ""}) {
        ActivRun r = explain(language + "examples/liege-2015.yaml X5");
        INFO(language);
        CHECK(r.out.starts_with(
            "Expense X5 of convention AS-2015-0117 (year 2015), examples/liege-2015.yaml:44\n"
            "Ruleset: be.social-activation version 2015, rules/be/social-activation-2015.rules\n"
            "Status: error\n"
            "\n"
            "Checks run on this expense: 8\n"
            "  expense.in-period [error]: fired\n"));
        CHECK(has(r.out, "    condition:\n"));
        CHECK(has(r.out, "interdiction du double financement [secondary source]\n"));
        CHECK(r.out.ends_with("\nParameters: none\n"));
    }
    // The JSON is a contract: its keys and codes are the same whatever the language.
    auto const l4 =
        nlohmann::json::parse(explain("--format json --lang fr examples/liege-2015.yaml L4").out);
    CHECK(l4["status"] == "clean");
    CHECK(l4["decision"]["outcome"] == "social");
    CHECK(l4["decision"]["branches"][0]["result"] == "not_taken");
    CHECK(l4["decision"]["branches"][1]["result"] == "decided");
    CHECK(l4["decision"]["branches"][1]["exceptions"][0]["result"] == "not_applied");
    CHECK(l4["checks"][0]["severity"] == "warning");
    CHECK(l4["checks"][0]["result"] == "not_fired");
}

TEST_CASE("an unknown id exits 2, says where it looked and suggests close ids",
          "[explain][cli]") {
    ActivRun r = explain("examples/liege-2015.yaml X9");
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err ==
          "examples/liege-2015.yaml: error: no subject 'X9' in convention AS-2015-0117: it is "
          "not the id of an action, an expense, a beneficiary, an objective or the convention; "
          "did you mean X1, X2, X3, X4, X5?\n");
}

TEST_CASE("a convention the loader refuses exits 2 with file:line:col", "[explain][cli]") {
    ActivRun r = explain("tests/bad-input/conventions/amount-comma.yaml E1");
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err.starts_with("tests/bad-input/conventions/amount-comma.yaml:12:91: error: "
                            "expected an amount in euro"));
    CHECK(explain("examples/no-such-file.yaml X5").status == 2);
}

TEST_CASE("in JSON: one document with the schema first and the same facts",
          "[explain][cli]") {
    ActivRun r = explain("--format json examples/liege-2015.yaml X5");
    CHECK(r.status == 1);
    CHECK(r.out.starts_with("{\n  \"schema\": \"activ.explain/1\",\n"));
    auto const doc = nlohmann::json::parse(r.out);
    CHECK(doc["subject"] == nlohmann::json{{"id", "X5"}, {"kind", "expense"}, {"line", 44}});
    CHECK(doc["status"] == "error");
    CHECK(doc["ruleset"]["version"] == "2015");
    CHECK(doc["decision"].is_null());
    const auto& in_period = doc["checks"][0];
    CHECK(in_period["id"] == "expense.in-period");
    CHECK(in_period["result"] == "fired");
    CHECK(in_period["source"]["line"] == 143);
    CHECK(in_period["finding"]["severity"] == "error");
    const auto& later = in_period["condition"]["children"][1];
    CHECK(later["text"] == "expense.date > convention.period.end");
    CHECK(later["value"] == "true");
    CHECK(later["children"][0]["value"] == "2016-01-08");
    CHECK(later["children"][1]["text"] == "convention.period.end");
    CHECK(later["children"][1]["value"] == "2015-12-31");

    ActivRun action = explain("--format json examples/liege-2015.yaml L3");
    auto const l3 = nlohmann::json::parse(action.out);
    CHECK(l3["decision"]["outcome"] == "professional");
    CHECK(l3["decision"]["branches"][0]["result"] == "not_taken");
    CHECK(l3["decision"]["branches"][2]["id"] == "activation.professional-words");
    CHECK(l3["decision"]["branches"][2]["result"] == "decided");
    // The same bytes every time.
    CHECK(explain("--format json examples/liege-2015.yaml L3").out == action.out);
}

TEST_CASE("explain --help says what it prints and its exit statuses", "[explain][cli]") {
    ActivRun r = run_activ("explain --help");
    CHECK(r.status == 0);
    CHECK(has(r.out, "Usage: activ explain [OPTIONS] FILE SUBJECT_ID"));
    CHECK(has(r.out, "Exit status: 0 when no error finding is on the subject, 1 when one is,"));
}
