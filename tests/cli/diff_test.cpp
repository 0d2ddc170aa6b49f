// `activ diff` as a policy officer runs it before a changed rule file decides anything:
// what the change is, what it does to a convention, as text or JSON, and the exit status.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/support/run_activ.hpp"
#include "tests/support/temp_folder.hpp"

namespace {

using activ::testing::run_activ;
using activ::testing::slurp;
using activ::testing::TempFolder;

const std::string source_dir = ACTIV_SOURCE_DIR;

void replace_once(std::string& text, const std::string& from, const std::string& to) {
    auto const at = text.find(from);
    REQUIRE(at != std::string::npos);
    REQUIRE(text.find(from, at + 1) == std::string::npos);
    text.replace(at, from.size(), to);
}

/// The first lines of `activ diff rules/be/social-activation-2015.rules FILE`, FILE being a
/// copy of the 2015 rules.
std::string against_2015(const std::string& file) {
    std::string out = "--- be.social-activation 2015 (rules/be/social-activation-2015.rules)\n";
    out += "+++ be.social-activation 2015 (";
    out += file;
    out += ")\n";
    return out;
}

/// A copy of the 2015 rules in `folder`, changed by `change`.
template <typename Change>
std::string changed_2015(const TempFolder& folder, const std::string& name, Change change) {
    std::string text = slurp(source_dir + "/rules/be/social-activation-2015.rules");
    REQUIRE(!text.empty());
    change(text);
    std::string const path = (folder.path / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

}  // namespace

TEST_CASE("activ diff: what the 2016 rules change over 2015", "[diff][cli]") {
    auto const run = run_activ(
        "diff rules/be/social-activation-2015.rules rules/be/social-activation-2016.rules");
    CHECK(run.status == 1);
    CHECK(run.err.empty());
    CHECK(run.out.rfind("--- be.social-activation 2015 (rules/be/social-activation-2015.rules)\n"
                        "+++ be.social-activation 2016 (rules/be/social-activation-2016.rules)\n"
                        "\n"
                        "Ruleset:\n"
                        "  version: 2015 -> 2016\n"
                        "  title: Subside activation sociale des CPAS 2015 -> Subside activation "
                        "sociale des CPAS 2016\n"
                        "  applies: 2015-01-01 .. 2015-12-31 -> 2016-01-01 .. 2016-12-31\n"
                        "\n"
                        "Sources: 2 added\n"
                        "  added   source ar2016\n",
                        0) == 0);
    CHECK(run.out.find("\nParameters: 4 changed\n"
                       "  changed year_start: 2015-01-01 -> 2016-01-01\n"
                       "  changed year_end: 2015-12-31 -> 2016-12-31\n"
                       "  changed submission_deadline: 2015-08-31 -> 2016-08-31\n"
                       "  changed evaluation_deadline: 2016-02-28 -> 2017-02-28\n"
                       "\n"
                       "Rules: 2 added, 4 changed\n"
                       "  changed check convention.period-is-subsidy-year\n") != std::string::npos);
    CHECK(run.out.find("\n    -  cite wg2015 \"point 3 (durée des conventions : 1/1 - "
                       "31/12/2015)\"\n"
                       "    +  cite ar2016 \"durée de la convention : l'année civile\"\n") !=
          std::string::npos);
    CHECK(run.out.find("\n  changed check action.unclassified\n"
                       "     check action.unclassified on action\n"
                       "    -  warning when activation = unclassified\n") != std::string::npos);
    CHECK(run.out.find("\n    +  error when activation = unclassified\n") != std::string::npos);
    CHECK(run.out.find("\n  added   check convention.types-of-individual-actions\n"
                       "    +check convention.types-of-individual-actions on convention\n") !=
          std::string::npos);
    CHECK(run.out.find("\n  added   check action.professional-in-convention\n") !=
          std::string::npos);
}

TEST_CASE("activ diff: one check's severity changed, exactly", "[diff][cli]") {
    TempFolder folder("activ-diff-cli-severity");
    std::string const changed = changed_2015(folder, "changed.rules", [](std::string& text) {
        replace_once(text, "  error when document is missing",
                     "  warning when document is missing");
    });
    auto const run = run_activ("diff rules/be/social-activation-2015.rules " + changed);
    CHECK(run.status == 1);
    CHECK(run.err.empty());
    CHECK(run.out == against_2015(changed) +
                         "\n"
                         "Rules: 1 changed\n"
                         "  changed check expense.supporting-document\n"
                         "     check expense.supporting-document on expense\n"
                         "    -  error when document is missing\n"
                         "    +  warning when document is missing\n"
                         "       message fr \"Dépense {id} sans pièce justificative\"\n"
                         "               nl \"Uitgave {id} zonder bewijsstuk\"\n"
                         "               en \"Expense {id} has no supporting document\"\n"
                         "       cite wg2015 \"point 3.C (pièces justificatives)\"\n");
}

TEST_CASE("activ diff: a parameter changed, a check added and one removed", "[diff][cli]") {
    TempFolder folder("activ-diff-cli-small");
    std::string const changed = changed_2015(folder, "changed.rules", [](std::string& text) {
        replace_once(text, "param cluster_minimum_cpas = 3", "param cluster_minimum_cpas = 4");
        replace_once(text, "  from 2015-01-01: 10000.00\n", "  from 2015-01-01: 9000.00\n");
        replace_once(text, "check convention.advance-share on convention",
                     "check convention.advance-paid on convention");
    });
    auto const run = run_activ("diff rules/be/social-activation-2015.rules " + changed);
    CHECK(run.status == 1);
    CHECK(run.out.find("\nParameters: 2 changed\n"
                       "  changed cluster_minimum_cpas: 3 -> 4\n"
                       "  changed cluster_amount\n"
                       "     from 2014-01-01: 12500.00\n"
                       "    -from 2015-01-01: 10000.00\n"
                       "    +from 2015-01-01: 9000.00\n"
                       "\n"
                       "Rules: 1 added, 1 removed\n"
                       "  added   check convention.advance-paid\n"
                       "    +check convention.advance-paid on convention\n") != std::string::npos);
    CHECK(run.out.find("\n  removed check convention.advance-share\n"
                       "    -check convention.advance-share on convention\n") != std::string::npos);
}

TEST_CASE("activ diff: comments and layout only are no change, exit 0", "[diff][cli]") {
    TempFolder folder("activ-diff-cli-comments");
    std::string const commented = changed_2015(folder, "commented.rules", [](std::string& text) {
        replace_once(text, "param cluster_minimum_cpas = 3",
                     "# Three CPAS at least, the promoter included.\n"
                     "param   cluster_minimum_cpas =   3   # art. 1");
        text += "\n# The end.\n";
    });
    auto const run = run_activ("diff rules/be/social-activation-2015.rules " + commented);
    CHECK(run.status == 0);
    CHECK(run.err.empty());
    CHECK(run.out == against_2015(commented) +
                         "\n"
                         "No change: both rulesets say the same (comments and layout aside).\n");
}

TEST_CASE("activ diff --on: the Liège expense a changed rule refuses, with its charge",
          "[diff][cli]") {
    TempFolder folder("activ-diff-cli-on");
    // A punctuality workshop is professional activation: Liège's L2 and its X3 (212.35).
    std::string const changed = changed_2015(folder, "changed.rules", [](std::string& text) {
        replace_once(text, "punctuality_workshop, self_esteem_workshop", "self_esteem_workshop");
        replace_once(text, "pre_employment_internship, article60_employment}",
                     "pre_employment_internship, article60_employment, punctuality_workshop}");
    });
    auto const run = run_activ("diff rules/be/social-activation-2015.rules " + changed +
                               " --on examples/liege-2015.yaml");
    CHECK(run.status == 1);
    CHECK(run.err.empty());
    CHECK(run.out.find("\nParameters: 2 changed\n"
                       "  changed social_categories: {language_course, communication_workshop, "
                       "mobility_training, punctuality_workshop, self_esteem_workshop, ") !=
          std::string::npos);
    CHECK(run.out.find("\n    -punctuality_workshop\n") != std::string::npos);
    CHECK(run.out.find("\n    +punctuality_workshop\n") != std::string::npos);
    CHECK(run.out.find("\nConventions: 1 of 1 changed\n"
                       "  examples/liege-2015.yaml (AS-2015-0117, 2015, CPAS de Liège 62063)\n"
                       "    eligible 3172.35 -> 2960.00 (-212.35); status error\n"
                       "    newly refused   expense X3               212.35  by "
                       "expense.professional-action\n"
                       "    class changed   action L2: social -> professional "
                       "(activation.professional-category)\n"
                       "    finding added   expense.professional-action (error) on expense X3\n") !=
          std::string::npos);

    // The same as one JSON document, the same bytes every time.
    std::string const arguments =
        "diff rules/be/social-activation-2015.rules " + changed + " --on examples --format json";
    auto const json_run = run_activ(arguments);
    CHECK(json_run.status == 1);
    CHECK(json_run.out.rfind("{\n  \"schema\": \"activ.rules-diff/1\",\n  \"changed\": true,\n",
                             0) == 0);
    CHECK(run_activ(arguments).out == json_run.out);
    auto const document = nlohmann::json::parse(json_run.out);
    auto const in_order = nlohmann::ordered_json::parse(json_run.out);
    std::vector<std::string> keys;
    for (const auto& item : in_order.items()) keys.push_back(item.key());
    CHECK(keys == std::vector<std::string>{"schema", "changed", "old", "new", "header", "sources",
                                           "parameters", "rules", "conventions"});
    CHECK(document["parameters"][1]["name"] == "professional_categories");
    CHECK(document["parameters"][1]["items_added"] ==
          nlohmann::json::array({"punctuality_workshop"}));
    // examples/ holds gent-2016, liege-2015 and namur-2015, in path order.
    REQUIRE(document["conventions"].size() == 3);
    const auto& liege = document["conventions"][1];
    CHECK(liege["file"] == "examples/liege-2015.yaml");
    CHECK(liege["changed"] == true);
    CHECK(liege["eligible"] ==
          nlohmann::json{{"before", "3172.35"}, {"after", "2960.00"}, {"moved", "-212.35"}});
    CHECK(
        liege["newly_refused"] ==
        nlohmann::json::parse(
            R"([{"expense": "X3", "amount": "212.35", "rules": ["expense.professional-action"]}])"));
    CHECK(liege["findings_added"][0]["subject"] ==
          nlohmann::json{{"kind", "expense"}, {"id", "X3"}});
    CHECK(document["conventions"][0]["changed"] == false);
}

TEST_CASE("activ diff: a rule file that cannot be read or compiled exits 2 with file:line:col",
          "[diff][cli]") {
    TempFolder folder("activ-diff-cli-broken");
    std::string const broken = changed_2015(folder, "broken.rules", [](std::string& text) {
        replace_once(text, "  error when document is missing", "  fatal when document is missing");
    });
    auto const run = run_activ("diff rules/be/social-activation-2015.rules " + broken);
    CHECK(run.status == 2);
    CHECK(run.out.empty());
    CHECK(run.err.rfind(broken + ":172:3: error: expected a severity (error, warning or info), "
                                 "found 'fatal'\n"
                                 "      fatal when document is missing\n"
                                 "      ^\n",
                        0) == 0);

    auto const missing = run_activ("diff rules/be/social-activation-2015.rules no-such.rules");
    CHECK(missing.status == 2);
    CHECK(missing.out.empty());
    CHECK(missing.err ==
          "no-such.rules: error: cannot read rule file: No such file or directory\n");

    // A convention that cannot be read is said, and the others are still compared.
    std::string const bad_yaml = (folder.path / "bad.yaml").string();
    std::ofstream(bad_yaml, std::ios::binary) << "format: convention/1\nid: [\n";
    auto const on = run_activ(
        "diff rules/be/social-activation-2015.rules "
        "rules/be/social-activation-2015.rules --on " +
        bad_yaml + " examples/namur-2015.yaml");
    CHECK(on.status == 2);
    CHECK(on.err.rfind(bad_yaml + ":3:1: error: ", 0) == 0);
    CHECK(on.out.find("\nConventions: 0 of 1 changed\n"
                      "  examples/namur-2015.yaml (AS-2015-0311, 2015, CPAS de Namur 92094): no "
                      "change, eligible 3614.00\n") != std::string::npos);
}

TEST_CASE("activ diff --help explains the command", "[diff][cli]") {
    auto const run = run_activ("diff --help");
    CHECK(run.status == 0);
    CHECK(run.out.find("activ diff [OPTIONS] old new") != std::string::npos);
    CHECK(run.out.find("--on") != std::string::npos);
    CHECK(run.out.find("Exit status: 0 when both rulesets say the same, 1 when they differ, 2") !=
          std::string::npos);
}
