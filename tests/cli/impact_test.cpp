// `activ impact` as an administration uses it: a store filled with `activ db`, a changed
// rule file, and what would change, as text, JSON or CSV; the store left as it was.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/support/run_activ.hpp"
#include "tests/support/store_query.hpp"
#include "tests/support/temp_folder.hpp"

namespace fs = std::filesystem;

namespace {

using activ::testing::run_activ;
using activ::testing::slurp;
using Run = activ::testing::ActivRun;

using activ::testing::TempFolder;
using activ::testing::query_store;

void replace_once(std::string& text, const std::string& from, const std::string& to) {
    auto const at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
}

/// The row counts of every table of the store, as one line.
std::string row_counts(const std::string& store) {
    std::string out;
    for (const char* table : {"submission", "ruleset", "result", "decision", "finding"}) {
        out += table;
        out += '=';
        out += query_store(store, std::string("SELECT count(*) FROM ") + table);
        out += ' ';
    }
    return out;
}

}  // namespace

TEST_CASE("impact: what changed 2015 rules would change, as text, JSON and CSV", "[impact][cli]") {
    TempFolder folder("activ-impact-cli");
    std::string const store = (folder.path / "store.sqlite").string();
    REQUIRE(run_activ("db init " + store).status == 0);
    REQUIRE(run_activ("db import " + store + " examples").status == 0);
    REQUIRE(run_activ("db check " + store).status == 0);

    // An expense without a document is only a warning now (liege's X7, 95.00), and a
    // punctuality workshop is professional activation (liege's L2, and so its X3, 212.35).
    std::string text =
        slurp(std::string(ACTIV_SOURCE_DIR) + "/rules/be/social-activation-2015.rules");
    replace_once(text, "  error when document is missing", "  warning when document is missing");
    replace_once(text, "punctuality_workshop, self_esteem_workshop", "self_esteem_workshop");
    replace_once(text, "pre_employment_internship, article60_employment}",
                 "pre_employment_internship, article60_employment, punctuality_workshop}");
    std::string const rules = (folder.path / "new.rules").string();
    std::ofstream(rules, std::ios::binary) << text;

    std::string const bytes = slurp(store);
    REQUIRE(bytes.size() > 0);
    std::string const counts = row_counts(store);
    CHECK(counts == "submission=3 ruleset=2 result=3 decision=25 finding=12 ");

    Run report = run_activ("impact " + store + " --rules " + rules);
    CHECK(report.status == 0);
    CHECK(report.err.empty());
    CHECK(report.out.find("Impact of be.social-activation 2015 (" + rules + ")\n") == 0);
    CHECK(report.out.find("2 compared, 1 left out (2016: the new rules apply from 2015-01-01 to "
                          "2015-12-31)") != std::string::npos);
    CHECK(report.out.find("\nCPAS de Liège (62063): 1 of 1 convention changed\n"
                          "  AS-2015-0117 (2015, submission ") != std::string::npos);
    CHECK(report.out.find("): status error; eligible 3172.35 -> 3055.00 (-117.35); capped "
                          "3172.35 -> 3055.00 (-117.35)\n") != std::string::npos);
    CHECK(report.out.find("newly refused   expense X3               212.35  by "
                          "expense.professional-action\n") != std::string::npos);
    CHECK(report.out.find("newly accepted  expense X7                95.00  was refused by "
                          "expense.supporting-document\n") != std::string::npos);
    CHECK(report.out.find("\nTotal: 1 of 2 conventions changed, in 1 of 2 CPAS; 1 expense "
                          "newly refused (212.35), 1 newly accepted (95.00), 1 class changed; "
                          "eligible 6786.35 -> 6669.00 (-117.35)") != std::string::npos);
    CHECK(report.out.find("Findings: expense.professional-action: 1 added; "
                          "expense.supporting-document: 1 added, 1 removed\n") !=
          std::string::npos);

    Run json = run_activ("impact " + store + " --rules " + rules + " --format json --jobs 1");
    CHECK(json.status == 0);
    CHECK(json.out.find("{\n  \"schema\": \"activ.impact/1\",") == 0);
    auto const doc = nlohmann::json::parse(json.out);
    CHECK(doc["compared"] == 2);
    CHECK(doc["left_out"]["count"] == 1);
    CHECK(doc["totals"]["conventions_changed"] == 1);
    CHECK(doc["totals"]["newly_accepted"]["amount"] == "95.00");
    CHECK(doc["totals"]["eligible"]["after"] == "6669.00");
    CHECK(doc["cpas"][0]["changed_conventions"][0]["newly_refused"][0]["expense"] == "X3");
    CHECK(doc["cpas"][0]["changed_conventions"][0]["class_changes"][0]["after"] == "professional");

    Run csv = run_activ("impact " + store + " --rules " + rules + " --format csv");
    CHECK(csv.status == 0);
    CHECK(csv.out ==
          "convention_id,cpas_nis,cpas_name,subject_kind,subject_id,change,amount,before,after,"
          "rules\r\n"
          "AS-2015-0117,62063,CPAS de Liège,expense,X3,newly_refused,212.35,accepted,refused,"
          "expense.professional-action\r\n"
          "AS-2015-0117,62063,CPAS de Liège,expense,X7,newly_accepted,95.00,refused,accepted,"
          "expense.supporting-document\r\n"
          "AS-2015-0117,62063,CPAS de Liège,action,L2,class_changed,,social,professional,"
          "activation.professional-category\r\n");

    Run same = run_activ("impact " + store + " --rules rules/be/social-activation-2015.rules");
    CHECK(same.status == 0);
    CHECK(same.out.find("\nNo change: the new rules decide as the current ones on the 2 "
                        "conventions compared.\n") != std::string::npos);

    // The store is as it was: the same bytes, the same rows.
    CHECK(slurp(store) == bytes);
    CHECK(row_counts(store) == counts);
}

TEST_CASE("impact: broken rules, a missing store and --help", "[impact][cli]") {
    TempFolder folder("activ-impact-cli-errors");
    std::string const store = (folder.path / "store.sqlite").string();
    REQUIRE(run_activ("db init " + store).status == 0);
    REQUIRE(run_activ("db import " + store + " examples").status == 0);

    std::string const broken = (folder.path / "broken.rules").string();
    std::ofstream(broken)
        << "ruleset \"x\" version 1\n  applies 2015-01-01 .. 2015-12-31\n"
           "check a on expense\n  error when nonsense_field > 1\n  message en \"x\"\n";
    Run r = run_activ("impact " + store + " --rules " + broken);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    // The diagnostic, with its place.
    CHECK(r.err.find(broken + ":4:14: error: unknown name 'nonsense_field'") != std::string::npos);
    CHECK(r.err.find("error: " + broken + ": the new rules do not compile\n") != std::string::npos);

    Run missing = run_activ("impact " + (folder.path / "none.sqlite").string() +
                            " --rules rules/be/social-activation-2015.rules");
    CHECK(missing.status == 2);
    CHECK(missing.err.find("activ db init") != std::string::npos);
    CHECK(!fs::exists(folder.path / "none.sqlite"));

    Run no_rules = run_activ("impact " + store);
    CHECK(no_rules.status == 2);
    CHECK(no_rules.err.find("--rules") != std::string::npos);

    // No current rules for 2016: gent is not compared, and the report says so.
    fs::create_directories(folder.path / "only-2015");
    fs::copy_file(std::string(ACTIV_SOURCE_DIR) + "/rules/be/social-activation-2015.rules",
                  folder.path / "only-2015" / "social-activation-2015.rules");
    Run partial = run_activ("impact " + store + " --rules rules/be/social-activation-2016.rules" +
                            " --rules-dir " + (folder.path / "only-2015").string());
    CHECK(partial.status == 2);
    CHECK(partial.out.find("3 conventions in the store (the newest accepted submission of each): "
                           "0 compared, 2 left out (2015: the new rules apply from 2016-01-01 to "
                           "2016-12-31), 1 could not be compared\n") != std::string::npos);
    CHECK(partial.out.find("\nNot compared (1):\nMA-2016-0203 (submission ") != std::string::npos);
    CHECK(partial.out.find("no ruleset for 2016") != std::string::npos);
    CHECK(partial.out.find("\nNo convention compared.\n") != std::string::npos);

    Run help = run_activ("impact --help");
    CHECK(help.status == 0);
    CHECK(help.out.find("--rules-dir") != std::string::npos);
    CHECK(help.out.find("Nothing is written to the store.") != std::string::npos);
    CHECK(run_activ("--help").out.find("impact") != std::string::npos);
}
