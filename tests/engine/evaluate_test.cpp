// The evaluator's semantics on small made-up rules: missing data is never a silent pass,
// and/or decide when one side is enough, aggregates follow the same logic, and every
// finding explains itself.
#include <catch2/catch.hpp>

#include "engine/load_convention.hpp"
#include "engine/ruleset.hpp"

using namespace activ;

namespace {

const std::string convention_yaml = R"(format: convention/1
convention:
  id: C1
  year: 2015
  cpas: {name: CPAS X, nis: "12345"}
  period: {start: 2015-01-01, end: 2015-12-31}
  submitted_on: 2015-06-01
  subsidy: 1000
  actions:
    - {id: A1, kind: collective, title: Un, category: language_course, target_ready_for_work: false}
    - {id: A2, kind: individual, title: Deux, category: other}
  expenses:
    - {id: E1, date: 2015-02-01, amount: 10, action: A1, cost_type: operating, document: D1}
    - {id: E2, date: 2015-03-01, amount: 20, cost_type: operating}
)";

Result run(const std::string& rules_body) {
    CompiledRuleset rules = compile_ruleset_text(
        "ruleset \"t\" version 1 applies 2015-01-01 .. 2015-12-31\n" + rules_body, "t.rules");
    for (const auto& d : rules.diagnostics) INFO(render(d));
    REQUIRE(rules.program);
    LoadedConvention loaded = load_convention_text(convention_yaml, "c.yaml");
    REQUIRE(loaded.convention);
    return evaluate(*rules.program, rules.info, *loaded.convention);
}

Result check(const std::string& subject, const std::string& condition) {
    return run("check r.1 on " + subject + " error when " + condition +
               "\n  message en \"fired on {id}\"\n  cite \"c\"\n");
}

std::vector<std::string> summary(const Result& r) {
    std::vector<std::string> out;
    for (const auto& f : r.findings) {
        out.push_back(std::string(to_string(f.severity)) + " " + f.subject_id + ": " + f.message);
    }
    return out;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("a condition that reads a missing field gives a warning naming the field",
          "[evaluate][missing]") {
    CHECK(summary(check("expense", "document = \"D1\"")) ==
          Lines{"error E1: fired on E1",
                "warning E2: expense.document is missing: rule r.1 cannot be decided for expense E2"});
    CHECK(summary(check("expense", "action.kind = collective")) ==
          Lines{"error E1: fired on E1",
                "warning E2: expense.action is missing: rule r.1 cannot be decided for expense E2"});
}

TEST_CASE("is missing and is present guard a field explicitly", "[evaluate][missing]") {
    CHECK(summary(check("expense", "document is missing")) == Lines{"error E2: fired on E2"});
    CHECK(summary(check("expense", "action is present and action.kind = collective")) ==
          Lines{"error E1: fired on E1"});
    // a missing record makes its fields missing too
    CHECK(summary(check("expense", "action.title is missing")) == Lines{"error E2: fired on E2"});
}

TEST_CASE("and/or decide when one side is enough, even if the other is missing",
          "[evaluate][missing]") {
    CHECK(summary(check("expense", "amount > 15 and document = \"D1\"")) ==
          Lines{"warning E2: expense.document is missing: rule r.1 cannot be decided for expense E2"});
    CHECK(summary(check("expense", "amount < 15 and document = \"D1\"")) ==
          Lines{"error E1: fired on E1"});
    CHECK(summary(check("expense", "amount > 15 or document = \"D1\"")) ==
          Lines{"error E1: fired on E1", "error E2: fired on E2"});
    CHECK(summary(check("expense", "not (document = \"D1\")")) ==
          Lines{"warning E2: expense.document is missing: rule r.1 cannot be decided for expense E2"});
}

TEST_CASE("aggregates count, and any/all decide like or/and", "[evaluate][aggregate]") {
    CHECK(summary(check("convention", "count(expenses) = 2")) == Lines{"error C1: fired on C1"});
    CHECK(summary(check("convention", "count(actions where kind = individual) = 1")) ==
          Lines{"error C1: fired on C1"});
    CHECK(summary(check("convention", "any(expenses where amount > 15)")) ==
          Lines{"error C1: fired on C1"});
    CHECK(summary(check("convention", "all(expenses where amount > 15)")).empty());
    CHECK(summary(check("convention", "any(actions where target_ready_for_work)")) ==
          Lines{"warning C1: action.target_ready_for_work is missing: rule r.1 cannot be decided "
                "for convention C1"});
    CHECK(summary(check("convention", "all(actions where target_ready_for_work)")).empty());
}

TEST_CASE("arithmetic on amounts is exact, in cents", "[evaluate]") {
    CHECK(summary(check("convention", "subsidy - 999.99 = 0.01")) == Lines{"error C1: fired on C1"});
    CHECK(summary(check("expense", "amount + 0.01 > 20")) == Lines{"error E2: fired on E2"});
}

TEST_CASE("a finding explains the values that made its condition true", "[evaluate][explain]") {
    Result r = run("param limit = 15.00\n"
                   "check r.1 on expense error when amount > limit and date > convention.period.start\n"
                   "  message fr \"Dépense {id} : {amount} > {limit}\" en \"Expense {id}\"\n"
                   "  cite \"point 3.C\"\n");
    REQUIRE(r.findings.size() == 1);
    const Finding& f = r.findings[0];
    CHECK(f.rule == "r.1");
    CHECK(f.subject_kind == SubjectKind::expense);
    CHECK(f.message == "Dépense E2 : 20.00 > 15.00");  // the first language given
    CHECK(f.cite == "point 3.C");
    CHECK(f.explanation == Explanation{{"expense.amount", "20.00"},
                                       {"limit", "15.00"},
                                       {"expense.date", "2015-03-01"},
                                       {"convention.period.start", "2015-01-01"}});
}

TEST_CASE("classification tries branches in order; an exception without 'then' falls through",
          "[evaluate][classify]") {
    Result r = run("classify action\n"
                   "  rule a.1 social when kind = collective\n"
                   "    unless title = \"Un\"\n"
                   "    because \"first\"\n"
                   "  rule a.2 professional when kind = collective because \"second\"\n"
                   "  otherwise unclassified because \"none\"\n");
    REQUIRE(r.actions.size() == 2);
    CHECK(r.actions[0].outcome == "professional");
    CHECK(r.actions[0].rule == "a.2");
    CHECK(r.actions[0].reason == "second");
    CHECK(r.actions[1].outcome == "unclassified");
    CHECK(r.actions[1].rule == "activation.otherwise");
    CHECK(r.actions[1].reason == "none");
}

TEST_CASE("the same input gives the same result", "[evaluate]") {
    Result a = check("expense", "document is missing");
    Result b = check("expense", "document is missing");
    CHECK(summary(a) == summary(b));
    CHECK(a.totals.declared == b.totals.declared);
}
