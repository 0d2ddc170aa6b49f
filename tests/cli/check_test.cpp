// `activ check` end to end, as a clerk runs it: the shipped examples give exactly the
// findings their comments announce, with the documented exit statuses.
#include <catch2/catch.hpp>

#include "tests/support/run_activ.hpp"
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

namespace {

using activ::testing::slurp;
using Run = activ::testing::ActivRun;

using activ::testing::run_activ;

using Pairs = std::vector<std::pair<std::string, std::string>>;

}  // namespace

TEST_CASE("check liege-2015 finds what its comments announce, and exits 1", "[cli]") {
    Run r = run_activ("check --format json examples/liege-2015.yaml");
    CHECK(r.status == 1);
    CHECK(r.err.empty());
    auto const doc = nlohmann::json::parse(r.out);

    Pairs findings;
    for (const auto& f : doc["findings"]) {
        findings.emplace_back(f["rule"].get<std::string>() + " " + f["severity"].get<std::string>(),
                              f["subject"]["kind"].get<std::string>() + " " +
                                  f["subject"]["id"].get<std::string>());
    }
    CHECK(findings == Pairs{{"expense.in-period error", "expense X5"},
                            {"expense.professional-action error", "expense X4"},
                            {"expense.supporting-document error", "expense X7"},
                            {"expense.share-basis error", "expense X6"},
                            {"objective.reasons-when-not-achieved warning", "objective O2"}});

    Pairs classes;
    for (const auto& a : doc["actions"]) {
        classes.emplace_back(a["id"], a["activation"]);
    }
    CHECK(classes == Pairs{{"L1", "social"}, {"L2", "social"}, {"L3", "professional"}, {"L4", "social"}});

    CHECK(doc["totals"]["declared"] == "5167.35");
    CHECK(doc["totals"]["eligible"] == "3172.35");
    CHECK(doc["totals"]["ineligible"] == "1995.00");
    CHECK(doc["totals"]["eligible_capped"] == "3172.35");
    CHECK(doc["ruleset"]["name"] == "be.social-activation");
    CHECK(doc["ruleset"]["version"] == "2015");
    CHECK(doc["convention"]["id"] == "AS-2015-0117");
    CHECK(doc["findings"][0]["cite"].get<std::string>().find("point 3.C") != std::string::npos);
    CHECK(doc["findings"][0]["explanation"]["expense.date"] == "2016-01-08");
    CHECK(doc.contains("beneficiaries"));
    CHECK(doc.contains("indicators"));
}

TEST_CASE("the text report names the class of each action and each finding", "[cli]") {
    Run r = run_activ("check examples/liege-2015.yaml");
    CHECK(r.status == 1);
    CHECK(r.out.find("Verdict: 4 errors, 1 warning") != std::string::npos);
    CHECK(r.out.find("L3  professional") != std::string::npos);
    CHECK(r.out.find("Dépense X7 sans pièce justificative") != std::string::npos);
    CHECK(r.out.find("3172.35 EUR") != std::string::npos);
}

TEST_CASE("the same file gives the same bytes", "[cli]") {
    CHECK(run_activ("check --format json examples/liege-2015.yaml").out ==
          run_activ("check --format json examples/liege-2015.yaml").out);
}

TEST_CASE("an explicit --rules file is used whatever the year", "[cli]") {
    Run r = run_activ("check --rules rules/be/social-activation-2015.rules --format json "
                  "examples/liege-2015.yaml");
    CHECK(r.status == 1);
    CHECK(nlohmann::json::parse(r.out)["ruleset"]["file"] == "rules/be/social-activation-2015.rules");
}

/// A copy of the Liège example filed for another year, in a temporary file.
std::string liege_in_year(const std::string& year) {
    std::string text = slurp(std::string(ACTIV_SOURCE_DIR) + "/examples/liege-2015.yaml");
    text.replace(text.find("year: 2015"), 10, "year: " + year);
    std::string const path = "/tmp/activ-cli-" + year + "-" + std::to_string(::getpid()) + ".yaml";
    std::ofstream(path) << text;
    return path;
}

TEST_CASE("gent-2016 comes out clean under the 2016 rules, and exits 0", "[cli]") {
    Run r = run_activ("check --format json examples/gent-2016.yaml");
    CHECK(r.status == 0);
    auto const doc = nlohmann::json::parse(r.out);
    CHECK(doc["ruleset"]["version"] == "2016");
    CHECK(doc["findings"].empty());
    CHECK(doc["totals"]["eligible"] == "4138.60");
}

TEST_CASE("a year without a ruleset exits 2 and says so", "[cli]") {
    std::string const path = liege_in_year("2014");
    Run r = run_activ("check --rules-dir rules " + path);
    std::remove(path.c_str());
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err.rfind(path + ": error: no ruleset for 2014 in rules", 0) == 0);
}

TEST_CASE("several files: one result each, exit status is the worst", "[cli]") {
    std::string const path = liege_in_year("2013");
    Run r = run_activ("check --format json examples/gent-2016.yaml examples/liege-2015.yaml " + path);
    std::remove(path.c_str());
    CHECK(r.status == 2);
    CHECK(r.out.find("MA-2016-0203") < r.out.find("AS-2015-0117"));
    CHECK(run_activ("check examples/gent-2016.yaml examples/liege-2015.yaml").status == 1);
}

TEST_CASE("a broken convention names file, line and column, and prints no report", "[cli]") {
    std::string const path = "/tmp/activ-cli-broken-" + std::to_string(::getpid()) + ".yaml";
    std::ofstream(path) << "format: convention/1\nconvention:\n  id: X\n  yeer: 2015\n";
    Run r = run_activ("check " + path);
    std::remove(path.c_str());
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find(path + ":4:3: error: unknown key 'yeer'") != std::string::npos);
}

TEST_CASE("a broken rule file names file, line and column, and prints no report", "[cli]") {
    std::string const path = "/tmp/activ-cli-broken-" + std::to_string(::getpid()) + ".rules";
    std::ofstream(path) << "ruleset \"x\" version 1 applies 2015-01-01 .. 2015-12-31\n"
                           "check a.b on expense error when amout > 0\n  message en \"m\"\n";
    Run r = run_activ("check --rules " + path + " examples/liege-2015.yaml");
    std::remove(path.c_str());
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find(path + ":2:33: error: unknown name 'amout'; did you mean 'amount'?") !=
          std::string::npos);
}

TEST_CASE("the text report's own words come in Dutch with --lang nl", "[cli]") {
    Run r = run_activ("check --lang nl examples/liege-2015.yaml");
    CHECK(r.status == 1);
    CHECK(r.err.empty());
    CHECK(r.out.rfind("Overeenkomst AS-2015-0117, ", 0) == 0);
    CHECK(r.out.find("\nOordeel: 4 fouten, 1 waarschuwing\n") != std::string::npos);
    CHECK(r.out.find("\nActies\n") != std::string::npos);
    CHECK(r.out.find("\nBevindingen\n") != std::string::npos);
    CHECK(r.out.find("\nTotalen\n") != std::string::npos);
    CHECK(r.out.find("3172.35 EUR") != std::string::npos);
}

TEST_CASE("ACTIV_LANG is the default language and --lang overrides it", "[cli]") {
    ::setenv("ACTIV_LANG", "fr", 1);
    Run const french = run_activ("check examples/liege-2015.yaml");
    Run const english = run_activ("check --lang en examples/liege-2015.yaml");
    ::unsetenv("ACTIV_LANG");
    CHECK(french.status == 1);
    CHECK(french.out.find("\nVerdict : 4 erreurs, 1 avertissement\n") != std::string::npos);
    CHECK(french.out.find("\nConstats\n") != std::string::npos);
    CHECK(english.out.find("\nVerdict: 4 errors, 1 warning\n") != std::string::npos);
}

TEST_CASE("an unknown --lang is a command-line error", "[cli]") {
    Run r = run_activ("check --lang de examples/liege-2015.yaml");
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("--lang") != std::string::npos);
}

TEST_CASE("the JSON report names its schema first and keeps English keys", "[cli]") {
    Run r = run_activ("check --lang nl --format json examples/liege-2015.yaml");
    CHECK(r.status == 1);
    CHECK(r.out.rfind("{\n  \"schema\": \"activ.result/2\",\n  \"convention\": {", 0) == 0);
    auto const doc = nlohmann::json::parse(r.out);
    CHECK(doc["schema"] == "activ.result/2");
    REQUIRE(doc["findings"].is_array());
    REQUIRE_FALSE(doc["findings"].empty());
    for (const auto& f : doc["findings"]) {
        CHECK(f["citation"].is_object());
        CHECK(f["citation"]["secondary"].is_boolean());
    }
    for (const auto& a : doc["actions"]) CHECK(a["citation"].is_object());
    CHECK(doc["indicators"].is_object());
    CHECK(doc["indicator_units"].is_object());
    CHECK(doc["indicator_units"].size() == doc["indicators"].size());
}

TEST_CASE("check namur-2015 decides each beneficiary's trajectory as its comments say", "[cli]") {
    Run r = run_activ("check --format json examples/namur-2015.yaml");
    CHECK(r.status == 1);
    auto const doc = nlohmann::json::parse(r.out);
    Pairs eligibility;
    for (const auto& b : doc["beneficiaries"]) eligibility.emplace_back(b["id"], b["eligibility"]);
    CHECK(eligibility == Pairs{{"NA-01", "eligible"},     {"NA-02", "eligible"},
                               {"NA-03", "eligible"},     {"NA-04", "eligible"},
                               {"NA-05", "not_eligible"}, {"NA-06", "not_eligible"},
                               {"NA-07", "not_eligible"}, {"NA-08", "undetermined"},
                               {"NA-09", "not_eligible"}});
    Pairs findings;
    for (const auto& f : doc["findings"]) {
        findings.emplace_back(f["rule"].get<std::string>() + " " + f["severity"].get<std::string>(),
                              f["subject"]["id"].get<std::string>());
    }
    CHECK(findings == Pairs{{"eligibility.social-trajectory warning", "NA-08"},
                            {"trajectory.activation-before-intake warning", "NA-02"},
                            {"trajectory.ready-then-only-social warning", "NA-04"},
                            {"trajectory.article60-inside-activation error", "NA-03"},
                            {"trajectory.step-outside-period warning", "NA-05"},
                            {"trajectory.undeclared-action error", "NA-03"},
                            {"beneficiary.assessment-end-date warning", "NA-02"}});
    CHECK(doc["indicators"]["participants"] == 4);
    CHECK(doc["indicators"]["progress_autonomy"] == 2);
    CHECK(doc["indicators"]["progress_share"] == "0.5000");
    CHECK(doc["totals"]["to_recover"] == "17386.00");
}

TEST_CASE("a folder is checked file by file, in path order", "[cli]") {
    Run r = run_activ("check --format json examples");
    CHECK(r.status == 1);
    // gent, liege, namur: the order of their paths.
    size_t const gent = r.out.find("\"MA-2016-0203\"");
    size_t const liege = r.out.find("\"AS-2015-0117\"");
    REQUIRE(gent != std::string::npos);
    REQUIRE(liege != std::string::npos);
    CHECK(gent < liege);
    CHECK(r.out == run_activ("check --format json examples/gent-2016.yaml "
                             "examples/liege-2015.yaml examples/namur-2015.yaml")
                       .out);
}

TEST_CASE("a folder without conventions exits 2 and names it", "[cli]") {
    Run r = run_activ("check dsl-grammar");
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "error: dsl-grammar: no convention file (*.yaml, *.yml, *.json, *.jsonl) in this folder\n");
}

TEST_CASE("check --timings reports the stages on stderr and leaves the reports alone", "[cli]") {
    Run plain = run_activ("check examples/liege-2015.yaml");
    Run timed = run_activ("check --timings examples/liege-2015.yaml");
    CHECK(timed.status == plain.status);
    CHECK(timed.out == plain.out);
    CHECK(timed.err.find("timings: 1 file,") != std::string::npos);
    CHECK(timed.err.find("timings: load ") != std::string::npos);
    CHECK(timed.err.find(" evaluate ") != std::string::npos);
    CHECK(timed.err.find(" items/s, peak memory ") != std::string::npos);
}

TEST_CASE("check --jobs must be a number of threads from 1", "[cli]") {
    Run r = run_activ("check --jobs 0 examples/liege-2015.yaml");
    CHECK(r.status != 0);
    CHECK(r.out.empty());
    CHECK(r.err.find("--jobs") != std::string::npos);
}
