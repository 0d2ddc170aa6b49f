// The impact of new rules over the store: what they refuse or accept that the current ones
// did not, per convention and per CPAS, from the stored models, without writing a byte.
#include "engine/impact.hpp"

#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "engine/csv.hpp"
#include "engine/store_batch.hpp"
#include "tests/support/run_activ.hpp"
#include "tests/support/store_query.hpp"
#include "tests/support/temp_folder.hpp"

namespace fs = std::filesystem;

namespace {

const std::string source_dir = ACTIV_SOURCE_DIR;
const std::string shipped_2015 = source_dir + "/rules/be/social-activation-2015.rules";

using activ::testing::TempFolder;
using activ::testing::count_in_store;
using activ::testing::example_store;

void replace_once(std::string& text, const std::string& from, const std::string& to) {
    auto const at = text.find(from);
    REQUIRE(at != std::string::npos);
    REQUIRE(text.find(from, at + 1) == std::string::npos);
    text.replace(at, from.size(), to);
}

/// The 2015 rules with two changes: an expense without a document is only a warning (so
/// liege's X7, 95.00, is no longer refused), and a punctuality workshop is professional
/// activation (so liege's action L2 changes class and its expense X3, 212.35, is refused).
std::string changed_2015_rules(const fs::path& folder) {
    std::string text = activ::testing::slurp(shipped_2015);
    REQUIRE(!text.empty());
    replace_once(text, "  error when document is missing", "  warning when document is missing");
    replace_once(text, "punctuality_workshop, self_esteem_workshop", "self_esteem_workshop");
    replace_once(text, "pre_employment_internship, article60_employment}",
                 "pre_employment_internship, article60_employment, punctuality_workshop}");
    std::string const path = (folder / "changed-2015.rules").string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

activ::ImpactReport impact(const std::string& store_path, const std::string& rules,
                           unsigned jobs = 2,
                           const std::string& rules_dir = source_dir + "/rules") {
    activ::Store store(store_path, activ::Store::Mode::read_only);
    activ::ImpactOptions options;
    options.rules = rules;
    options.rules_dir = rules_dir;
    options.jobs = jobs;
    return activ::compute_impact(store, options);
}

activ::Money euros(const char* text) { return *activ::parse_money(text); }

}  // namespace

TEST_CASE("impact: changed 2015 rules over the examples, per expense, per CPAS and in total",
          "[impact]") {
    TempFolder folder("activ-impact-engine");
    std::string const store = example_store(folder.path);
    std::string const rules = changed_2015_rules(folder.path);
    std::string const bytes_before = activ::testing::slurp(store);
    int64_t const results_before = count_in_store(store, "SELECT count(*) FROM result");
    int64_t const findings_before = count_in_store(store, "SELECT count(*) FROM finding");

    activ::ImpactReport const report = impact(store, rules);

    CHECK(report.new_rules.name == "be.social-activation");
    CHECK(report.new_rules.version == "2015");
    CHECK(report.new_rules.file == rules);
    REQUIRE(report.current_rules.size() == 1);
    CHECK(report.current_rules[0].file == shipped_2015);
    CHECK(report.submissions == 3);
    // gent-2016 is of a year the new rules do not apply to.
    CHECK(report.left_out == 1);
    CHECK(report.left_out_years == std::vector<int>{2016});
    CHECK(report.problems.empty());

    REQUIRE(report.cpas.size() == 2);
    const activ::CpasImpact& liege = report.cpas[0];
    CHECK(liege.nis == "62063");
    CHECK(liege.name == "CPAS de Liège");
    REQUIRE(liege.conventions.size() == 1);
    const activ::ConventionImpact& c = liege.conventions[0];
    CHECK(c.convention_id == "AS-2015-0117");
    CHECK(c.year == 2015);
    CHECK(c.status_before == "error");
    CHECK(c.status_after == "error");
    // X3 (212.35, supplies for the punctuality workshop L2) is now refused...
    REQUIRE(c.newly_refused.size() == 1);
    CHECK(c.newly_refused[0].expense_id == "X3");
    CHECK(c.newly_refused[0].charge == euros("212.35"));
    CHECK(c.newly_refused[0].rules == std::vector<std::string>{"expense.professional-action"});
    // ...and X7 (95.00 of bus tickets without a document) no longer is.
    REQUIRE(c.newly_accepted.size() == 1);
    CHECK(c.newly_accepted[0].expense_id == "X7");
    CHECK(c.newly_accepted[0].charge == euros("95.00"));
    CHECK(c.newly_accepted[0].rules == std::vector<std::string>{"expense.supporting-document"});
    // X4 (the CV workshop), X5 (after the period) and X6 (no basis for its share) stay refused.
    REQUIRE(c.class_changes.size() == 1);
    CHECK(c.class_changes[0].kind == activ::SubjectKind::action);
    CHECK(c.class_changes[0].subject_id == "L2");
    CHECK(c.class_changes[0].before == "social");
    CHECK(c.class_changes[0].after == "professional");
    CHECK(c.class_changes[0].rule == "activation.professional-category");
    CHECK(c.eligible_before == euros("3172.35"));
    CHECK(c.eligible_after == euros("3055.00"));
    CHECK(c.eligible_moved == euros("-117.35"));
    CHECK(c.capped_after == euros("3055.00"));
    REQUIRE(c.findings.size() == 2);
    CHECK(c.findings[0].rule == "expense.professional-action");
    CHECK(c.findings[0].added == 1);
    CHECK(c.findings[0].removed == 0);
    // The same expense, the same rule, another severity: one finding out, one in.
    CHECK(c.findings[1].rule == "expense.supporting-document");
    CHECK(c.findings[1].added == 1);
    CHECK(c.findings[1].removed == 1);

    CHECK(liege.totals.compared == 1);
    CHECK(liege.totals.changed == 1);
    CHECK(liege.totals.newly_refused == 1);
    CHECK(liege.totals.refused_amount == euros("212.35"));
    CHECK(liege.totals.newly_accepted == 1);
    CHECK(liege.totals.accepted_amount == euros("95.00"));
    CHECK(liege.totals.class_changes == 1);
    CHECK(liege.totals.eligible_moved == euros("-117.35"));

    // Namur is compared, and nothing changes for it.
    const activ::CpasImpact& namur = report.cpas[1];
    CHECK(namur.nis == "92094");
    CHECK(namur.conventions.empty());
    CHECK(namur.totals.compared == 1);
    CHECK(namur.totals.changed == 0);
    CHECK(namur.totals.eligible_before == euros("3614.00"));
    CHECK(namur.totals.eligible_after == euros("3614.00"));

    const activ::ImpactTotals& t = report.total;
    CHECK(t.compared == 2);
    CHECK(t.changed == 1);
    CHECK(t.newly_refused == 1);
    CHECK(t.refused_amount == euros("212.35"));
    CHECK(t.newly_accepted == 1);
    CHECK(t.accepted_amount == euros("95.00"));
    CHECK(t.eligible_before == euros("6786.35"));
    CHECK(t.eligible_after == euros("6669.00"));
    CHECK(t.eligible_moved == euros("-117.35"));
    CHECK(t.capped_moved == euros("-117.35"));

    // Whatever the number of threads, the same report.
    CHECK(activ::render_impact_json(impact(store, rules, 1)) == activ::render_impact_json(report));

    // Nothing was written.
    CHECK(activ::testing::slurp(store) == bytes_before);
    CHECK(count_in_store(store, "SELECT count(*) FROM result") == results_before);
    CHECK(count_in_store(store, "SELECT count(*) FROM finding") == findings_before);
    CHECK(count_in_store(store, "SELECT count(*) FROM submission") == 3);
}

TEST_CASE("impact: rendered as text, JSON and CSV", "[impact]") {
    TempFolder folder("activ-impact-render");
    std::string const store = example_store(folder.path);
    activ::ImpactReport const report = impact(store, changed_2015_rules(folder.path));

    std::string const text = activ::render_impact_text(report);
    CHECK(text.find("Impact of be.social-activation 2015 (") == 0);
    CHECK(text.find("\n  replacing be.social-activation 2015 (" + shipped_2015 + ")\n") !=
          std::string::npos);
    CHECK(text.find("3 conventions in the store (the newest accepted submission of each): 2 "
                    "compared, 1 left out (2016: the new rules apply from 2015-01-01 to "
                    "2015-12-31)\n") != std::string::npos);
    CHECK(text.find("\nCPAS de Liège (62063): 1 of 1 convention changed\n") != std::string::npos);
    CHECK(text.find("    newly refused   expense X3               212.35  by "
                    "expense.professional-action\n") != std::string::npos);
    CHECK(text.find("    newly accepted  expense X7                95.00  was refused by "
                    "expense.supporting-document\n") != std::string::npos);
    CHECK(text.find("    class changed   action L2: social -> professional "
                    "(activation.professional-category)\n") != std::string::npos);
    CHECK(text.find("CPAS de Namur") == std::string::npos);  // nothing changes there
    CHECK(text.find("\nTotal: 1 of 2 conventions changed, in 1 of 2 CPAS; 1 expense newly "
                    "refused (212.35), 1 newly accepted (95.00), 1 class changed; eligible "
                    "6786.35 -> 6669.00 (-117.35), capped at the subsidy 6786.35 -> 6669.00 "
                    "(-117.35)\n") != std::string::npos);

    std::string const json_text = activ::render_impact_json(report);
    CHECK(json_text.find("{\n  \"schema\": \"activ.impact/1\",") == 0);
    auto const json = nlohmann::json::parse(json_text);
    CHECK(json["schema"] == activ::impact_schema);
    CHECK(json["left_out"]["count"] == 1);
    CHECK(json["left_out"]["years"] == nlohmann::json::array({2016}));
    CHECK(json["totals"]["eligible"]["moved"] == "-117.35");
    CHECK(json["totals"]["newly_refused"]["amount"] == "212.35");
    const auto& liege = json["cpas"][0];
    CHECK(liege["nis"] == "62063");
    CHECK(liege["changed_conventions"][0]["newly_accepted"][0]["expense"] == "X7");
    CHECK(liege["changed_conventions"][0]["newly_accepted"][0]["amount"] == "95.00");
    CHECK(json["cpas"][1]["totals"]["eligible"]["before"] == "3614.00");
    CHECK(json["cpas"][1]["changed_conventions"].empty());

    CHECK(activ::render_impact_csv(report) ==
          "convention_id,cpas_nis,cpas_name,subject_kind,subject_id,change,amount,before,after,"
          "rules\r\n"
          "AS-2015-0117,62063,CPAS de Liège,expense,X3,newly_refused,212.35,accepted,refused,"
          "expense.professional-action\r\n"
          "AS-2015-0117,62063,CPAS de Liège,expense,X7,newly_accepted,95.00,refused,accepted,"
          "expense.supporting-document\r\n"
          "AS-2015-0117,62063,CPAS de Liège,action,L2,class_changed,,social,professional,"
          "activation.professional-category\r\n");
}

TEST_CASE("impact: the current rules again change nothing", "[impact]") {
    TempFolder folder("activ-impact-same");
    std::string const store = example_store(folder.path);
    activ::ImpactReport const report = impact(store, shipped_2015);
    CHECK(report.total.compared == 2);
    CHECK(report.total.changed == 0);
    CHECK(report.total.eligible_before == euros("6786.35"));
    CHECK(report.total.eligible_moved == euros("0.00"));
    CHECK(report.total.findings.empty());
    for (const auto& cpas : report.cpas) CHECK(cpas.conventions.empty());
    CHECK(activ::render_impact_text(report).find(
              "\nNo change: the new rules decide as the current ones on the 2 conventions "
              "compared.\n") != std::string::npos);
    CHECK(activ::render_impact_csv(report) ==
          "convention_id,cpas_nis,cpas_name,subject_kind,subject_id,change,amount,before,after,"
          "rules\r\n");
}

TEST_CASE("impact: new rules of another year compare only that year's conventions", "[impact]") {
    TempFolder folder("activ-impact-2016");
    std::string const store = example_store(folder.path);
    activ::ImpactReport const report =
        impact(store, source_dir + "/rules/be/social-activation-2016.rules");
    CHECK(report.left_out == 2);
    CHECK(report.left_out_years == std::vector<int>{2015});
    CHECK(report.total.compared == 1);
    CHECK(report.total.changed == 0);
    REQUIRE(report.cpas.size() == 1);
    CHECK(report.cpas[0].name == "OCMW Gent");

    // Without current rules for 2016, gent cannot be compared, and says why.
    fs::create_directories(folder.path / "only-2015");
    fs::copy_file(shipped_2015, folder.path / "only-2015" / "social-activation-2015.rules");
    activ::ImpactReport const lonely =
        impact(store, source_dir + "/rules/be/social-activation-2016.rules", 2,
               (folder.path / "only-2015").string());
    CHECK(lonely.total.compared == 0);
    REQUIRE(lonely.problems.size() == 1);
    CHECK(lonely.problems[0].find("MA-2016-0203 (submission ") == 0);
    CHECK(lonely.problems[0].find("no ruleset for 2016") != std::string::npos);
}

TEST_CASE("impact: new rules that do not compile are an error with their diagnostics", "[impact]") {
    TempFolder folder("activ-impact-broken");
    std::string const store = example_store(folder.path);
    std::string text = activ::testing::slurp(shipped_2015);
    replace_once(text, "  error when document is missing", "  error when documnt is missing");
    std::string const rules = (folder.path / "broken.rules").string();
    std::ofstream(rules, std::ios::binary) << text;
    try {
        impact(store, rules);
        FAIL("no error");
    } catch (const activ::ImpactError& e) {
        CHECK(std::string(e.what()) == rules + ": the new rules do not compile");
        REQUIRE(!e.diagnostics.empty());
        CHECK(e.diagnostics[0].level == activ::Diagnostic::Level::error);
        CHECK(e.diagnostics[0].message.find("documnt") != std::string::npos);
    }
}

TEST_CASE("csv fields are quoted as RFC 4180 says", "[impact][csv]") {
    CHECK(activ::csv_field("plain text") == "plain text");
    CHECK(activ::csv_field("a,b") == "\"a,b\"");
    CHECK(activ::csv_field("say \"no\"") == "\"say \"\"no\"\"\"");
    CHECK(activ::csv_field("two\nlines") == "\"two\nlines\"");
    std::string row;
    activ::append_csv_row(row, {"x", "", "y,z"});
    CHECK(row == "x,,\"y,z\"\r\n");
}
