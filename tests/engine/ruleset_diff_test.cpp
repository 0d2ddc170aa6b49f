// `activ diff` in the engine: what changes between two rule files, declaration by
// declaration in canonical form, and what the change does to the conventions it judges.
#include "engine/ruleset_diff.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <string>
#include <vector>

#include "engine/line_diff.hpp"
#include "tests/support/run_activ.hpp"
#include "tests/support/temp_folder.hpp"

using namespace activ;

namespace {

const std::string source_dir = ACTIV_SOURCE_DIR;
const std::string shipped_2015 = source_dir + "/rules/be/social-activation-2015.rules";
const std::string shipped_2016 = source_dir + "/rules/be/social-activation-2016.rules";

std::string write(const testing::TempFolder& folder, const std::string& name,
                  const std::string& text) {
    std::string const path = (folder.path / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

void replace_once(std::string& text, const std::string& from, const std::string& to) {
    auto const at = text.find(from);
    REQUIRE(at != std::string::npos);
    REQUIRE(text.find(from, at + 1) == std::string::npos);
    text.replace(at, from.size(), to);
}

RulesetDiff diff(const std::string& old_rules, const std::string& new_rules,
                 const std::vector<std::string>& conventions = {}) {
    RulesetDiffOptions options;
    options.old_rules = old_rules;
    options.new_rules = new_rules;
    options.conventions = conventions;
    options.evaluate = !conventions.empty();
    RulesetDiff out = diff_rulesets(options);
    for (const auto& d : out.diagnostics) INFO(render(d));
    REQUIRE(out.compiled);
    return out;
}

/// "changed check action.unclassified": what changed, for comparing whole lists at once.
std::vector<std::string> summary(const std::vector<DeclarationChange>& changes) {
    std::vector<std::string> out;
    for (const auto& c : changes) {
        out.push_back(std::string(to_string(c.change)) + " " + c.kind + " " + c.id);
    }
    return out;
}

Money euros(const char* text) { return *parse_money(text); }

const std::string small_rules =
    "ruleset \"t\" version 1\n"
    "  applies 2015-01-01 .. 2015-12-31\n"
    "\n"
    "param deadline = 2015-08-31\n"
    "param cluster_amount\n"
    "  from 2014-01-01: 12500.00\n"
    "  from 2015-01-01: 10000.00\n"
    "param words = {CV, \"lettre de motivation\"}\n"
    "\n"
    "check convention.late on convention\n"
    "  error when submitted_on > deadline\n"
    "  message en \"Filed on {submitted_on}, after {deadline}\"\n"
    "\n"
    "check expense.no-document on expense\n"
    "  error when document is missing\n"
    "  message en \"Expense {id} has no document\"\n";

}  // namespace

TEST_CASE("diff: 2016 over 2015 is the new period, deadlines, sources and checks", "[diff]") {
    RulesetDiff const d = diff(shipped_2015, shipped_2016);
    CHECK(d.rules_differ());
    CHECK(d.old_rules.version == "2015");
    CHECK(d.new_rules.version == "2016");

    REQUIRE(d.header.size() == 3);
    CHECK(d.header[0].field == "version");
    CHECK(d.header[0].before == "2015");
    CHECK(d.header[0].after == "2016");
    CHECK(d.header[1].field == "title");
    CHECK(d.header[1].after == "Subside activation sociale des CPAS 2016");
    CHECK(d.header[2].field == "applies");
    CHECK(d.header[2].before == "2015-01-01 .. 2015-12-31");
    CHECK(d.header[2].after == "2016-01-01 .. 2016-12-31");

    CHECK(summary(d.sources) ==
          std::vector<std::string>{"added source ar2016", "added source assumed2016"});

    // 2016 overrides the period and the deadlines, nothing else.
    REQUIRE(d.parameters.size() == 4);
    std::vector<std::string> parameters;
    for (const auto& p : d.parameters) {
        CHECK(p.change == Change::changed);
        parameters.push_back(p.name + ": " + p.before->value + " -> " + p.after->value);
    }
    CHECK(parameters == std::vector<std::string>{"year_start: 2015-01-01 -> 2016-01-01",
                                                 "year_end: 2015-12-31 -> 2016-12-31",
                                                 "submission_deadline: 2015-08-31 -> 2016-08-31",
                                                 "evaluation_deadline: 2016-02-28 -> 2017-02-28"});

    // The overridden checks that say something new, in the order of the rules, then the
    // checks 2016 adds. The classification, definitions and indicators are inherited.
    CHECK(summary(d.rules) ==
          std::vector<std::string>{"changed check convention.period-is-subsidy-year",
                                   "changed check convention.submission-deadline",
                                   "changed check convention.evaluation-deadline",
                                   "changed check action.unclassified",
                                   "added check convention.types-of-individual-actions",
                                   "added check action.professional-in-convention"});
    // An unclear action is an error now, with new messages and a new citation.
    CHECK(d.rules[3].lines ==
          std::vector<std::string>{
              " check action.unclassified on action", "-  warning when activation = unclassified",
              "-  message fr \"Action {id} « {title} » : impossible de dire si elle relève de "
              "l'activation sociale\"",
              "-          nl \"Actie {id} \\\"{title}\\\": niet uit te maken of ze onder "
              "maatschappelijke activering valt\"",
              "-          en \"Action {id} \\\"{title}\\\": cannot tell whether it is social "
              "activation\"",
              "-  cite wg2015 \"point 4 (distinction claire entre activation sociale et "
              "professionnelle)\"",
              "+  error when activation = unclassified",
              "+  message fr \"Action {id} « {title} » : la distinction entre activation sociale "
              "et professionnelle n'est pas claire\"",
              "+          nl \"Actie {id} \\\"{title}\\\": het onderscheid tussen maatschappelijke "
              "en professionele activering is niet duidelijk\"",
              "+          en \"Action {id} \\\"{title}\\\": the distinction between social and "
              "professional activation is not clear\"",
              "+  cite wg2015 \"point 4, points d'attention pour 2016 (distinction claire)\""});
    CHECK(d.rules[4].before.empty());
    CHECK(d.rules[4].after.rfind("check convention.types-of-individual-actions on convention\n"
                                 "  warning when count(actions where kind = individual) = 0\n",
                                 0) == 0);
}

TEST_CASE("diff: one check's severity changed is that check, with its -/+ lines", "[diff]") {
    testing::TempFolder folder("activ-diff-severity");
    std::string text = testing::slurp(shipped_2015);
    replace_once(text, "  error when document is missing", "  warning when document is missing");
    std::string const changed = write(folder, "changed.rules", text);

    RulesetDiff const d = diff(shipped_2015, changed);
    CHECK(d.header.empty());
    CHECK(d.sources.empty());
    CHECK(d.parameters.empty());
    REQUIRE(d.rules.size() == 1);
    CHECK(d.rules[0].kind == "check");
    CHECK(d.rules[0].id == "expense.supporting-document");
    CHECK(d.rules[0].change == Change::changed);
    CHECK(d.rules[0].lines ==
          std::vector<std::string>{" check expense.supporting-document on expense",
                                   "-  error when document is missing",
                                   "+  warning when document is missing",
                                   "   message fr \"Dépense {id} sans pièce justificative\"",
                                   "           nl \"Uitgave {id} zonder bewijsstuk\"",
                                   "           en \"Expense {id} has no supporting document\"",
                                   "   cite wg2015 \"point 3.C (pièces justificatives)\""});
}

TEST_CASE("diff: parameters changed, a rule added and one removed", "[diff]") {
    testing::TempFolder folder("activ-diff-small");
    std::string const old_rules = write(folder, "old.rules", small_rules);
    std::string text = small_rules;
    replace_once(text, "param deadline = 2015-08-31", "param deadline = 2015-09-30");
    replace_once(text, "  from 2015-01-01: 10000.00\n",
                 "  from 2015-01-01: 9000.00\n  from 2016-01-01: 9500.00\n");
    replace_once(text, "{CV, \"lettre de motivation\"}", "{CV, sollicitatie}");
    replace_once(text,
                 "check expense.no-document on expense\n"
                 "  error when document is missing\n"
                 "  message en \"Expense {id} has no document\"\n",
                 "check expense.late on expense\n"
                 "  warning when date > deadline\n"
                 "  message en \"Expense {id} is late\"\n");
    std::string const new_rules = write(folder, "new.rules", text);

    RulesetDiff const d = diff(old_rules, new_rules);
    REQUIRE(d.parameters.size() == 3);
    CHECK(d.parameters[0].name == "deadline");
    CHECK(d.parameters[0].before->value == "2015-08-31");
    CHECK(d.parameters[0].after->value == "2015-09-30");
    // A value by day: every `from DAY: value` line.
    CHECK(d.parameters[1].name == "cluster_amount");
    using Dated = std::vector<std::pair<std::string, std::string>>;
    CHECK(d.parameters[1].before->dated ==
          Dated{{"2014-01-01", "12500.00"}, {"2015-01-01", "10000.00"}});
    CHECK(d.parameters[1].after->dated ==
          Dated{{"2014-01-01", "12500.00"}, {"2015-01-01", "9000.00"}, {"2016-01-01", "9500.00"}});
    // A set: its items as written, and which ones went and came.
    CHECK(d.parameters[2].name == "words");
    CHECK(d.parameters[2].before->value == "{CV, \"lettre de motivation\"}");
    CHECK(d.parameters[2].after->value == "{CV, sollicitatie}");
    CHECK(d.parameters[2].items_removed == std::vector<std::string>{"lettre de motivation"});
    CHECK(d.parameters[2].items_added == std::vector<std::string>{"sollicitatie"});

    CHECK(summary(d.rules) == std::vector<std::string>{"added check expense.late",
                                                       "removed check expense.no-document"});
    CHECK(d.rules[0].lines == std::vector<std::string>{"+check expense.late on expense",
                                                       "+  warning when date > deadline",
                                                       "+  message en \"Expense {id} is late\""});
    CHECK(d.rules[1].lines ==
          std::vector<std::string>{"-check expense.no-document on expense",
                                   "-  error when document is missing",
                                   "-  message en \"Expense {id} has no document\""});
}

TEST_CASE("diff: comments, layout, quotes around words and restated overrides are no change",
          "[diff]") {
    testing::TempFolder folder("activ-diff-same");
    std::string const old_rules = write(folder, "old.rules", small_rules);
    std::string const relaid =
        write(folder, "relaid.rules",
              "# the same rules, laid out otherwise\n"
              "ruleset \"t\" version 1 applies 2015-01-01 .. 2015-12-31\n"
              "param deadline = 2015-08-31   # unchanged\n"
              "param cluster_amount from 2014-01-01: 12500.00 from 2015-01-01: 10000.00\n"
              "param words = {\"CV\", \"lettre de motivation\"}\n"
              "check convention.late on convention error when (submitted_on > deadline)\n"
              "  message en \"Filed on {submitted_on}, after {deadline}\"\n"
              "check expense.no-document on expense error when document is missing\n"
              "  message en \"Expense {id} has no document\"\n");
    CHECK_FALSE(diff(old_rules, relaid).rules_differ());

    // A version that extends the rules and overrides a parameter with its own value says
    // the same as the rules it extends.
    std::string const restated = write(folder, "restated.rules",
                                       "ruleset \"t\" version 1\n"
                                       "  extends \"old.rules\"\n"
                                       "  applies 2015-01-01 .. 2015-12-31\n"
                                       "\n"
                                       "override param deadline = 2015-08-31\n");
    RulesetDiff const d = diff(old_rules, restated);
    CHECK_FALSE(d.rules_differ());
    CHECK(render_rules_diff_text(d) ==
          "--- t 1 (" + old_rules + ")\n+++ t 1 (" + restated +
              ")\n\nNo change: both rulesets say the same (comments and layout aside).\n");
}

TEST_CASE("diff: the same branches tried in another order decide otherwise", "[diff]") {
    testing::TempFolder folder("activ-diff-order");
    std::string const classify =
        "ruleset \"t\" version 1\n"
        "  applies 2015-01-01 .. 2015-12-31\n"
        "\n"
        "classify action\n"
        "  rule a.social\n"
        "    social when category = language_course\n"
        "  rule a.professional\n"
        "    professional when category = trade_pretraining\n"
        "  otherwise unclassified\n";
    std::string swapped = classify;
    replace_once(swapped,
                 "  rule a.social\n"
                 "    social when category = language_course\n",
                 "");
    replace_once(swapped, "  otherwise unclassified\n",
                 "  rule a.social\n"
                 "    social when category = language_course\n"
                 "  otherwise unclassified\n");
    RulesetDiff const d =
        diff(write(folder, "a.rules", classify), write(folder, "b.rules", swapped));
    CHECK(summary(d.rules) == std::vector<std::string>{"changed classify action"});
    CHECK(d.rules[0].lines == std::vector<std::string>{"-  rule a.social", "   rule a.professional",
                                                       "+  rule a.social"});
}

TEST_CASE("diff --on: the expenses a changed rule refuses, with their charge", "[diff]") {
    testing::TempFolder folder("activ-diff-on");
    // A punctuality workshop is professional activation now: liege's action L2 changes
    // class, and its expense X3 (212.35) is refused.
    std::string text = testing::slurp(shipped_2015);
    replace_once(text, "punctuality_workshop, self_esteem_workshop", "self_esteem_workshop");
    replace_once(text, "pre_employment_internship, article60_employment}",
                 "pre_employment_internship, article60_employment, punctuality_workshop}");
    std::string const changed = write(folder, "changed.rules", text);
    std::string const liege = source_dir + "/examples/liege-2015.yaml";
    std::string const namur = source_dir + "/examples/namur-2015.yaml";

    RulesetDiff const d = diff(shipped_2015, changed, {liege, namur});
    CHECK(d.unreadable_conventions == 0);
    REQUIRE(d.conventions.size() == 2);
    const ConventionDiff& c = d.conventions[0];
    CHECK(c.file == liege);
    CHECK(c.convention_id == "AS-2015-0117");
    CHECK(c.changed());
    REQUIRE(c.newly_refused.size() == 1);
    CHECK(c.newly_refused[0].expense_id == "X3");
    CHECK(c.newly_refused[0].charge == euros("212.35"));
    CHECK(c.newly_refused[0].rules == std::vector<std::string>{"expense.professional-action"});
    CHECK(c.newly_accepted.empty());
    REQUIRE(c.class_changes.size() == 1);
    CHECK(c.class_changes[0].subject_id == "L2");
    CHECK(c.class_changes[0].before == "social");
    CHECK(c.class_changes[0].after == "professional");
    REQUIRE(c.findings_added.size() == 1);
    CHECK(c.findings_added[0].rule == "expense.professional-action");
    CHECK(c.findings_added[0].severity == Severity::error);
    CHECK(c.findings_added[0].subject_kind == SubjectKind::expense);
    CHECK(c.findings_added[0].subject_id == "X3");
    CHECK(c.findings_removed.empty());
    CHECK(c.eligible_before == euros("3172.35"));
    CHECK(c.eligible_after == euros("2960.00"));
    CHECK(c.eligible_moved == euros("-212.35"));
    // Namur has no punctuality workshop.
    CHECK_FALSE(d.conventions[1].changed());
    CHECK(d.conventions[1].eligible_after == euros("3614.00"));

    std::string const report = render_rules_diff_text(d);
    CHECK(report.find("\nConventions: 1 of 2 changed\n"
                      "  " +
                      liege +
                      " (AS-2015-0117, 2015, CPAS de Liège 62063)\n"
                      "    eligible 3172.35 -> 2960.00 (-212.35); status error\n"
                      "    newly refused   expense X3               212.35  by "
                      "expense.professional-action\n"
                      "    class changed   action L2: social -> professional "
                      "(activation.professional-category)\n"
                      "    finding added   expense.professional-action (error) on expense X3\n"
                      "  " +
                      namur +
                      " (AS-2015-0311, 2015, CPAS de Namur 92094): no change, "
                      "eligible 3614.00\n") != std::string::npos);
}

TEST_CASE("diff: a rule file that does not compile gives its diagnostics and no diff", "[diff]") {
    testing::TempFolder folder("activ-diff-broken");
    std::string const broken = write(folder, "broken.rules",
                                     "ruleset \"t\" version 1\n"
                                     "  applies 2015-01-01 .. 2015-12-31\n"
                                     "check x.y on expense fatal when amount > 0\n");
    RulesetDiffOptions options;
    options.old_rules = shipped_2015;
    options.new_rules = broken;
    RulesetDiff const d = diff_rulesets(options);
    CHECK_FALSE(d.compiled);
    REQUIRE(d.diagnostics.size() == 1);
    CHECK(d.diagnostics[0].file == broken);
    CHECK(d.diagnostics[0].line == 3);
    CHECK(d.diagnostics[0].column == 22);
    CHECK(d.diagnostics[0].message ==
          "expected a severity (error, warning or info), found 'fatal'");
}

TEST_CASE("line diff: common lines kept, removals before additions", "[diff]") {
    CHECK(diff_lines("a\nb\nc\n", "a\nb\nc\n") == std::vector<std::string>{" a", " b", " c"});
    CHECK(diff_lines("a\nb\nc\n", "a\nx\nc\n") == std::vector<std::string>{" a", "-b", "+x", " c"});
    CHECK(diff_lines("a\nb\n", "b\na\n") == std::vector<std::string>{"-a", " b", "+a"});
    CHECK(diff_lines("", "a\n") == std::vector<std::string>{"+a"});
    CHECK(diff_lines("a\n", "") == std::vector<std::string>{"-a"});
}
