// The constructs policy officers use to follow the instructions over time: extending a
// ruleset, overriding and retiring rules, dated parameters, definitions, indicators,
// arithmetic on money and dates, working days, cited sources.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "engine/load_convention.hpp"
#include "engine/ruleset.hpp"

using namespace activ;
namespace fs = std::filesystem;

namespace {

const std::string header = "ruleset \"t\" version 1 applies 2015-01-01 .. 2015-12-31\n";

const std::string convention_yaml = R"(format: convention/1
convention:
  id: C1
  year: 2015
  cpas: {name: CPAS X, nis: "12345"}
  period: {start: 2015-01-01, end: 2015-12-31}
  submitted_on: 2015-08-31
  subsidy: 1000
  actions:
    - {id: A1, kind: collective, title: Un, category: language_course}
  expenses:
    - {id: E1, date: 2015-02-01, amount: 10.01, action: A1, cost_type: operating, document: D1}
    - {id: E2, date: 2015-03-01, amount: 20, action: A1, cost_type: personnel}
    - {id: E3, date: 2015-04-01, amount: 30, action: A1, cost_type: personnel, document: D3, other_funding: 5}
  beneficiaries:
    - {id: B1, income: integration_income, piis: {kind: social_activation}}
    - {id: B2, income: none}
    - {id: B3, income: integration_income, piis: {kind: social_activation}}
)";

Convention convention() {
    LoadedConvention loaded = load_convention_text(convention_yaml, "c.yaml");
    REQUIRE(loaded.convention);
    return *loaded.convention;
}

Result run_text(const std::string& text, const std::string& file = "t.rules",
                const EvaluationOptions& options = {}) {
    CompiledRuleset rules = compile_ruleset_text(text, file);
    for (const auto& d : rules.diagnostics) FAIL_CHECK(render(d));
    REQUIRE(rules.program);
    return evaluate(*rules.program, rules.info, convention(), options);
}

/// Every error of compiling `body` after the test header, as "line:col: message".
std::vector<std::string> errors(const std::string& body) {
    CompiledRuleset rules = compile_ruleset_text(header + body, "t.rules");
    std::vector<std::string> out;
    for (const auto& d : rules.diagnostics) {
        out.push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + d.message);
    }
    return out;
}

/// The message of each finding of rule r.1, by subject.
std::vector<std::string> fired(const Result& r) {
    std::vector<std::string> out;
    for (const auto& f : r.findings) {
        if (f.rule == "r.1") out.push_back(f.subject_id + ": " + f.message);
    }
    return out;
}

std::string check_r1(const std::string& subject, const std::string& condition,
                     const std::string& message = "{id}") {
    return "check r.1 on " + subject + " error when " + condition + "\n  message en \"" +
           message + "\"\n";
}

/// Rule files written to a temporary folder, removed at the end of the test.
struct RuleFolder {
    fs::path path = fs::temp_directory_path() /
                    ("activ-lang-" + std::to_string(::getpid()) + "-" +
                     std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    RuleFolder() { fs::create_directories(path); }
    ~RuleFolder() { fs::remove_all(path); }
    std::string write(const std::string& name, const std::string& text) {
        std::ofstream(path / name) << text;
        return (path / name).string();
    }
};

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("a ruleset extends another: overrides in place, retires, adds", "[language][extends]") {
    RuleFolder folder;
    folder.write("base.rules", header +
                                   "param limit = 15.00\n" +
                                   check_r1("expense", "amount > limit", "base {id}") +
                                   "check r.2 on expense warning when document is missing\n"
                                   "  message en \"no document\"\n"
                                   "check r.3 on convention info when true\n  message en \"hello\"\n");
    std::string const child = folder.write(
        "child.rules",
        "ruleset \"t\" version 2 extends \"base.rules\" applies 2016-01-01 .. 2016-12-31\n"
        "override param limit = 25.00\n"
        "override check r.1 on expense error when amount > limit\n  message en \"child {id}\"\n"
        "retire r.3 because \"no longer asked\"\n"
        "check r.4 on convention info when subsidy > 999\n  message en \"new\"\n");
    CompiledRuleset rules = compile_ruleset_file(child);
    for (const auto& d : rules.diagnostics) FAIL_CHECK(render(d));
    REQUIRE(rules.program);
    CHECK(rules.info.version == "2");
    Result r = evaluate(*rules.program, rules.info, convention());
    std::vector<std::string> ids;
    for (const auto& f : r.findings) ids.push_back(f.rule + " " + f.subject_id + " " + f.message);
    CHECK(ids == Lines{"r.1 E3 child E3", "r.2 E2 no document", "r.4 C1 new"});
}

TEST_CASE("overriding or retiring what does not exist is an error", "[language][extends]") {
    RuleFolder folder;
    folder.write("base.rules", header + check_r1("expense", "credit"));
    auto child_errors = [&](const std::string& body) {
        std::string const path = folder.write(
            "child.rules",
            "ruleset \"t\" version 2 extends \"base.rules\" applies 2016-01-01 .. 2016-12-31\n" + body);
        std::vector<std::string> out;
        for (const auto& d : compile_ruleset_file(path).diagnostics) {
            out.push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + d.message);
        }
        return out;
    };
    CHECK(child_errors("override check r.9 on expense error when credit\n  message en \"m\"\n") ==
          Lines{"2:1: override of rule 'r.9', which no extended ruleset declares"});
    CHECK(child_errors("retire r.8\n") ==
          Lines{"2:1: retire 'r.8', which no extended ruleset declares"});
    CHECK(child_errors(check_r1("expense", "credit")) ==
          Lines{"2:1: rule 'r.1' is already declared (" + (folder.path / "base.rules").string() +
                ":2); write 'override' to replace it"});
    CHECK(child_errors("override param nothing = 1\n") ==
          Lines{"2:1: override of parameter 'nothing', which no extended ruleset declares"});
}

TEST_CASE("a ruleset cannot extend itself, nor a file that is not there", "[language][extends]") {
    RuleFolder folder;
    std::string const loop = folder.write(
        "loop.rules", "ruleset \"t\" version 1 extends \"loop.rules\" applies 2015-01-01 .. 2015-12-31\n");
    auto d = compile_ruleset_file(loop).diagnostics;
    REQUIRE(d.size() == 1);
    CHECK(d[0].message.find("extends itself") != std::string::npos);
    std::string const orphan = folder.write(
        "orphan.rules", "ruleset \"t\" version 1 extends \"none.rules\" applies 2015-01-01 .. 2015-12-31\n");
    d = compile_ruleset_file(orphan).diagnostics;
    REQUIRE(d.size() == 1);
    CHECK(d[0].message.find("cannot read the extended ruleset") == 0);
}

TEST_CASE("a dated parameter takes the value in force on the period's first day",
          "[language][dated]") {
    std::string const rules = header +
                              "param limit\n  from 2014-01-01: 5.00\n  from 2015-01-01: 15.00\n"
                              "  from 2016-01-01: 25.00\n" +
                              check_r1("expense", "amount > limit", "{id} over {limit}");
    CHECK(fired(run_text(rules)) == Lines{"E2: E2 over 15.00", "E3: E3 over 15.00"});
    CHECK(errors("param limit\n  from 2016-01-01: 5\n  from 2015-01-01: 6\n") ==
          Lines{"4:3: dated values must follow each other in time"});
    CHECK(errors("param limit\n  from 2015-01-01: 5\n  from 2016-01-01: 2016-01-01\n") ==
          Lines{"4:3: every dated value of 'limit' must be of one kind: this one is a date, the "
                "first a whole number"});
}

TEST_CASE("a dated parameter with no value in force yet is missing, not zero",
          "[language][dated]") {
    Result r = run_text(header + "param limit\n  from 2016-01-01: 25.00\n" +
                        check_r1("convention", "subsidy > limit"));
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].severity == Severity::warning);
    CHECK(r.findings[0].message ==
          "limit is missing: rule r.1 cannot be decided for convention C1");
}

TEST_CASE("arithmetic on amounts is exact: products and divisions round half-up to the cent",
          "[language][arithmetic]") {
    auto amount_is = [](const std::string& expression, const std::string& expected) {
        Result r = run_text(header + "indicator v \"v\" = " + expression + "\n");
        REQUIRE(r.indicators.size() == 1);
        return r.indicators[0].value == expected;
    };
    CHECK(amount_is("subsidy / 3", "333.33"));
    CHECK(amount_is("subsidy * 0.75", "750.00"));
    CHECK(amount_is("sum(amount of expenses) / 4", "15.00"));      // 60.01 / 4 = 15.0025
    CHECK(amount_is("sum(amount of expenses) / 8", "7.50"));       // 7.50125
    CHECK(amount_is("sum(amount of expenses where credit)", "0.00"));
    CHECK(amount_is("(subsidy - 0.01) / 2", "500.00"));            // 499.995 rounds up
    CHECK(amount_is("(subsidy - 0.03) / 2", "499.99"));            // 499.985 rounds up
    CHECK(amount_is("count(beneficiaries) / 3", "1.0000"));
    CHECK(amount_is("2 / 3", "0.6667"));
    CHECK(amount_is("max(amount of expenses)", "30.00"));
    CHECK(amount_is("min(amount of expenses where document is present)", "10.01"));
}

TEST_CASE("dates move by days and working days", "[language][dates]") {
    auto day = [](const std::string& expression) {
        Result r = run_text(header + "param holidays = {2016-03-28, 2016-05-05}\n"
                                     "define d on convention = " + expression + "\n" +
                            check_r1("convention", "true", "{d}"));
        REQUIRE(r.findings.size() == 1);
        return r.findings[0].message;
    };
    CHECK(day("submitted_on + 30 days") == "2015-09-30");
    CHECK(day("submitted_on - 1 day") == "2015-08-30");
    CHECK(day("next_working_day(2016-02-28, holidays)") == "2016-02-29");  // a Sunday
    CHECK(day("next_working_day(2016-03-26, holidays)") == "2016-03-29");  // Easter Monday off
    CHECK(day("next_working_day(2016-03-29, holidays)") == "2016-03-29");
    CHECK(day("add_working_days(2016-03-24, 2, holidays)") == "2016-03-29");
    CHECK(day("period.end - period.start") == "364 days");
    CHECK(day("year of submitted_on") == "2015");
    CHECK(errors("define d on convention = submitted_on + 30\n") ==
          Lines{"2:39: cannot compute a date + a whole number (write a number of days: + 30 days)"});
}

TEST_CASE("a definition names a value of each subject, usable like a field",
          "[language][define]") {
    Result r = run_text(header + "define net on expense = amount - other_funding\n" +
                        check_r1("expense", "net > 20", "{id} net {net}"));
    CHECK(fired(r) == Lines{"E3: E3 net 25.00"});
    CHECK(r.findings[0].explanation == Explanation{{"expense.net", "25.00"}});
    CHECK(errors("define amount on expense = 1\n") ==
          Lines{"2:1: 'amount' is already a field of a expense"});
}

TEST_CASE("indicators: counts, amounts and ratios; what the checks refused is not eligible",
          "[language][indicators]") {
    Result r = run_text(header +
                        "check r.1 on expense error when document is missing\n  message en \"m\"\n"
                        "define in_trajectory on beneficiary = piis is present and piis.kind = social_activation\n"
                        "indicator participants \"in a trajectory\" unit \"persons\" = count(beneficiaries where in_trajectory)\n"
                        "indicator eligible_amount \"eligible\" unit \"EUR\" = sum(charge of expenses where eligible)\n"
                        "indicator per_head \"per participant\" unit \"EUR\" = sum(charge of expenses where eligible) / count(beneficiaries where in_trajectory)\n"
                        "indicator nobody \"per nobody\" = subsidy / count(beneficiaries where income = other)\n");
    REQUIRE(r.indicators.size() == 4);
    CHECK(r.indicators[0].value == "2");
    CHECK(r.indicators[0].kind == IndicatorValue::Kind::count);
    CHECK(r.indicators[0].unit == "persons");
    CHECK(r.indicators[1].value == "40.01");
    CHECK(r.indicators[1].kind == IndicatorValue::Kind::amount);
    CHECK(r.indicators[2].value == "20.01");  // 40.01 / 2 = 20.005, half-up
    CHECK(r.indicators[3].kind == IndicatorValue::Kind::missing);  // no division by zero
    CHECK(r.findings.size() == 1);  // only r.1 on E2: a ratio over nobody is no finding
}

TEST_CASE("only indicators read what the checks decide", "[language][indicators]") {
    CHECK(errors(check_r1("expense", "eligible")) ==
          Lines{"2:33: 'eligible' depends on what the checks decide (expense.eligible): only an "
                "indicator can read it"});
    CHECK(errors("define ok on expense = eligible\n" + check_r1("expense", "ok")) ==
          Lines{"3:33: 'ok' depends on what the checks decide (expense.eligible): only an "
                "indicator can read it"});
}

TEST_CASE("a citation names a declared source, its date and the point", "[language][cite]") {
    Result r = run_text(
        "ruleset \"t\" version 1\n"
        "  source wg \"Groupe de travail Activation sociale\" dated 2015-12-08\n"
        "  source notes \"Notes des fédérations\" secondary\n"
        "  applies 2015-01-01 .. 2015-12-31\n" +
        check_r1("convention", "true") + "  cite wg \"point 3.C\"\n" +
        "check r.2 on convention info when true\n  message en \"m\"\n  cite notes \"double financement\"\n");
    REQUIRE(r.findings.size() == 2);
    CHECK(r.findings[0].citation.source == "Groupe de travail Activation sociale");
    CHECK(r.findings[0].citation.dated == "2015-12-08");
    CHECK(r.findings[0].citation.point == "point 3.C");
    CHECK(r.findings[0].cite == "Groupe de travail Activation sociale (2015-12-08), point 3.C");
    CHECK(r.findings[1].citation.secondary);
    CHECK(r.ruleset.sources == Lines{"Groupe de travail Activation sociale (2015-12-08)",
                                     "Notes des fédérations [secondary source]"});
    CHECK(errors(check_r1("convention", "true") + "  cite wq \"x\"\n") ==
          Lines{"4:8: no source 'wq' is declared in the header"});
}

TEST_CASE("messages come in the asked language, else the rule's first", "[language][lang]") {
    std::string const rules = header + "check r.1 on convention error when true\n"
                                       "  message fr \"Bonjour {id}\" nl \"Hallo {id}\"\n";
    CHECK(fired(run_text(rules, "t.rules", {"nl"})) == Lines{"C1: Hallo C1"});
    CHECK(fired(run_text(rules, "t.rules", {"en"})) == Lines{"C1: Bonjour C1"});
    CHECK(fired(run_text(rules, "t.rules", {})) == Lines{"C1: Bonjour C1"});
}

TEST_CASE("pathological rule files are refused, not a crash", "[language][limits]") {
    std::string deep = header + "check r.1 on expense error when " + std::string(100000, '(') +
                       "credit" + std::string(100000, ')') + "\n  message en \"m\"\n";
    CompiledRuleset r = compile_ruleset_text(deep, "deep.rules");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].message == "nested more than 64 levels deep");
    std::string nots = header + "check r.1 on expense error when ";
    for (int i = 0; i < 100; ++i) nots += "not ";
    r = compile_ruleset_text(nots + "credit\n  message en \"m\"\n", "nots.rules");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].message == "more than 64 'not' or '-' in a row");
    std::string wide = header + "check r.1 on expense error when credit";
    for (int i = 0; i < 2000; ++i) wide += " or credit";
    r = compile_ruleset_text(wide + "\n  message en \"m\"\n", "wide.rules");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].message ==
          "more than 1000 operators in one condition; split it with 'define'");
    std::string huge_set = header + "param s = {";
    for (int i = 0; i < 50000; ++i) {
        huge_set += 'w';
        huge_set += std::to_string(i);
        huge_set += ",\n";
    }
    r = compile_ruleset_text(huge_set + "x}\n", "set.rules");
    CHECK(r.diagnostics.empty());
}
