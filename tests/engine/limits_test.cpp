// The limits that keep hostile input from exhausting memory, the stack or time: each
// one refuses with a diagnostic at its place, the numbers come from ConventionLimits and
// rule_limits, and evaluation of rules built to be slow still ends with the right result.
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "dsl-grammar/parse_rules.hpp"
#include "engine/load_convention.hpp"
#include "engine/ruleset.hpp"
#include "engine/values.hpp"

using namespace activ;

namespace {

const std::string head = R"(format: convention/1
convention:
  id: T-1
  year: 2015
  cpas: {name: CPAS de Test, nis: "99999"}
  period: {start: 2015-01-01, end: 2015-12-31}
  submitted_on: 2015-06-01
  subsidy: 1000
  actions:
    - {id: A1, kind: collective, title: Atelier, category: language_course}
)";

const std::string rules_head = "ruleset \"t\" version 1 applies 2015-01-01 .. 2015-12-31\n";

std::string position(const Diagnostic& d) {
    return std::to_string(d.line) + ":" + std::to_string(d.column);
}

// The only diagnostic of a text that must not load under `limits`.
Diagnostic refused(const std::string& text, const ConventionLimits& limits) {
    const LoadedConvention loaded = load_convention_text(text, "t.yaml", limits);
    std::string rendered;
    for (const auto& d : loaded.diagnostics) rendered += render(d);
    INFO(rendered);
    REQUIRE_FALSE(loaded.convention);
    REQUIRE(loaded.diagnostics.size() == 1);
    return loaded.diagnostics[0];
}

std::vector<std::string> compile_errors(const std::string& body) {
    CompiledRuleset rules = compile_ruleset_text(rules_head + body, "t.rules");
    std::vector<std::string> out;
    for (const auto& d : rules.diagnostics) {
        if (d.level == Diagnostic::Level::error) out.push_back(position(d) + ": " + d.message);
    }
    return out;
}

Result evaluate_text(const std::string& rules_text, const std::string& convention_text) {
    CompiledRuleset rules = compile_ruleset_text(rules_text, "t.rules");
    for (const auto& d : rules.diagnostics) FAIL_CHECK(render(d));
    REQUIRE(rules.program);
    LoadedConvention loaded = load_convention_text(convention_text, "t.yaml");
    for (const auto& d : loaded.diagnostics) FAIL_CHECK(render(d));
    REQUIRE(loaded.convention);
    return evaluate(*rules.program, rules.info, *loaded.convention);
}

std::string indicator(const Result& r, const std::string& name) {
    for (const auto& i : r.indicators) {
        if (i.name == name) return i.value;
    }
    FAIL("no indicator " << name);
    return {};
}

}  // namespace

TEST_CASE("each convention limit refuses at its place", "[limits]") {
    ConventionLimits limits;
    limits.max_file_bytes = 100;
    Diagnostic d = refused(head, limits);
    CHECK(d.line == 0);
    CHECK(d.message ==
          "the file is larger than 100 bytes, the limit for a convention (activ check "
          "--max-file-size raises it)");
    // The byte order mark is not part of the limit.
    limits.max_file_bytes = head.size();
    CHECK(load_convention_text("\xEF\xBB\xBF" + head, "t.yaml", limits).convention);

    limits = {};
    limits.max_list_items = 1;
    d = refused(head + "    - {id: A2, kind: collective, title: B, category: other}\n", limits);
    CHECK(position(d) == "10:5");
    CHECK(d.message ==
          "a list ('actions') of more than 1 items (activ check --max-list-items raises the "
          "limit)");

    limits = {};
    limits.max_text_bytes = 12;
    d = refused(head, limits);
    CHECK(position(d) == "10:60");
    CHECK(d.message ==
          "a text of 15 bytes, more than the limit of 12 (activ check --max-text-length raises "
          "it)");

    limits = {};
    limits.max_depth = 3;
    d = refused(head, limits);
    CHECK(position(d) == "10:7");  // the top, the convention, the actions, then this action
    CHECK(d.message == "lists and mappings nested more than 3 levels deep (a convention needs 7)");
}

TEST_CASE("the default limits leave room for the deepest convention", "[limits]") {
    ConventionLimits limits;
    limits.max_depth = 7;
    const LoadedConvention loaded = load_convention_text(head + R"(  beneficiaries:
    - id: B1
      trajectory:
        - {step: social_activation, from: 2015-01-10, to: 2015-12-31, actions: [A1]}
      assessment:
        start: {date: 2015-01-10, autonomy: 2}
)",
                                                         "t.yaml", limits);
    CHECK(loaded.diagnostics.empty());
    CHECK(loaded.convention);
}

TEST_CASE("a file's errors are shown up to a hundred, the rest counted", "[limits]") {
    std::string text = head + "  expenses:\n";
    for (int i = 0; i < 150; ++i) {
        text += "    - {id: E" + std::to_string(i) +
                ", date: 2015-02-30, amount: 1, cost_type: operating}\n";
    }
    const LoadedConvention loaded = load_convention_text(text, "t.yaml");
    REQUIRE(loaded.diagnostics.size() == 101);
    CHECK(loaded.diagnostics[0].line == 12);
    CHECK(loaded.diagnostics[99].line == 111);
    CHECK(loaded.diagnostics[100].level == Diagnostic::Level::note);
    CHECK(loaded.diagnostics[100].message == "50 more errors not shown (at most 100 are)");
}

TEST_CASE("definitions that would expand beyond the limits are refused", "[limits]") {
    // Each definition uses the one before twice: 2^n operations for n lines.
    std::string doubling = "define d0 on convention = subsidy\n";
    for (int i = 1; i <= 20; ++i) {
        doubling += "define d" + std::to_string(i) + " on convention = d" + std::to_string(i - 1) +
                    " + d" + std::to_string(i - 1) + "\n";
    }
    const auto errors = compile_errors(doubling);
    REQUIRE_FALSE(errors.empty());
    CHECK(errors[0] ==
          "16:28: with the definitions it uses written out, this value takes more than " +
              std::to_string(rule_limits::max_expanded_operations) +
              " operations to evaluate; simplify it");

    // A chain of definitions, each one deeper: evaluation would recurse through all of them.
    std::string chain = "define c0 on convention = subsidy\n";
    for (int i = 1; i <= 1200; ++i) {
        chain += "define c" + std::to_string(i) + " on convention = c" + std::to_string(i - 1) +
                 " + 1.00\n";
    }
    const auto deep = compile_errors(chain);
    REQUIRE_FALSE(deep.empty());
    CHECK(deep[0].find("takes more than 2000 levels of nesting to evaluate") != std::string::npos);

    // What the shipped rules do stays well within.
    for (const char* file : {"social-activation-2015.rules", "social-activation-2016.rules"}) {
        CompiledRuleset shipped =
            compile_ruleset_file(std::string(ACTIV_SOURCE_DIR) + "/rules/be/" + file);
        CHECK(shipped.program);
    }
}

TEST_CASE("add_working_days crosses years as a walk through the calendar would", "[limits]") {
    // A reference that walks day by day, with holidays on weekdays, a weekend and twice.
    const std::set<int32_t> holidays = {
        parse_date("2015-12-25")->days, parse_date("2016-01-01")->days,
        parse_date("2016-03-28")->days, parse_date("2016-05-07")->days,  // a Saturday
        parse_date("2017-12-25")->days, parse_date("2019-05-01")->days};
    auto walk = [&](int32_t day, int count) {
        while (count > 0) {
            ++day;
            const int weekday = ((day + 4) % 7 + 7) % 7;  // 0 = Sunday
            if (weekday != 0 && weekday != 6 && !holidays.count(day)) --count;
        }
        return day;
    };
    const std::vector<int> counts = {0, 1, 4, 5, 6, 7, 10, 11, 60, 250, 251, 252, 253, 999, 1234};
    std::string rules = rules_head +
                        "param holidays = {2015-12-25, 2016-01-01, 2016-03-28, 2016-05-07, "
                        "2016-01-01, 2017-12-25, 2019-05-01}\n";
    for (size_t i = 0; i < counts.size(); ++i) {
        rules += "indicator w" + std::to_string(i) + " \"w\" unit \"days\" = add_working_days(" +
                 "submitted_on, " + std::to_string(counts[i]) + ", holidays) - submitted_on\n";
    }
    const Result r = evaluate_text(rules, head);
    const int32_t start = parse_date("2015-06-01")->days;
    for (size_t i = 0; i < counts.size(); ++i) {
        INFO(counts[i] << " working days");
        std::string name = "w";
        name += std::to_string(i);
        CHECK(indicator(r, name) == std::to_string(walk(start, counts[i]) - start));
    }
}

TEST_CASE("working days counted from the convention do not walk the calendar", "[limits]") {
    // A million working days: about 3840 years.
    const Result r = evaluate_text(
        rules_head +
            "param holidays = {2015-12-25}\n"
            "define far on action = add_working_days(2015-01-01, planned_participants, holidays)\n"
            "indicator span \"s\" unit \"days\" = max(far of actions where planned_participants "
            "is present) - 2015-01-01\n",
        head +
            "    - {id: A2, kind: individual, title: B, category: other, planned_participants: "
            "1000000}\n");
    // 200000 whole weeks, and one more day for the holiday on a weekday they cross.
    CHECK(indicator(r, "span") == "1400001");

    // The most a file can say ends too, past any calendar.
    const Result most = evaluate_text(
        rules_head + "define far on action = add_working_days(2015-01-01, planned_participants, {})\n"
                     "indicator span \"s\" unit \"days\" = max(far of actions where planned_participants "
                     "is present) - 2015-01-01\n",
        head + "    - {id: A2, kind: individual, title: B, category: other, planned_participants: "
               "9223372036854775807}\n");
    CHECK_FALSE(indicator(most, "span").empty());
}

TEST_CASE("rules built to be slow over a large convention finish with the right result",
          "[limits]") {
    // 2000 expenses; one in ten costs less than 10 euro.
    std::string text = head + "  expenses:\n";
    for (int i = 0; i < 2000; ++i) {
        text += "    - {id: E" + std::to_string(i) +
                ", date: 2015-03-31, amount: " + std::to_string(i % 100) +
                ".50, action: A1, cost_type: operating, document: D}\n";
    }
    // Aggregates nested in aggregates and in definitions: a few million steps, not 2000^3.
    const std::string rules =
        rules_head +
        "define cheap on expense = count(convention.expenses where amount < 10)\n"
        "define dearer on expense = count(convention.expenses where amount > 98 and "
        "any(convention.actions where kind = collective))\n"
        "indicator pairs \"p\" unit \"n\" = sum(cheap of expenses where amount < 10)\n"
        "indicator nested \"n\" unit \"n\" = count(expenses where any(convention.expenses where "
        "amount > 99 and any(convention.actions where kind = collective)))\n"
        "indicator dear \"d\" unit \"n\" = max(dearer of expenses)\n"
        "check expense.cheap on expense\n"
        "  info when cheap > 100 and count(convention.expenses where amount = amount) = 2000\n"
        "  message en \"{id}\"\n";
    const Result r = evaluate_text(rules, text);
    CHECK(indicator(r, "pairs") == "40000");  // 200 cheap expenses, each counting 200
    CHECK(indicator(r, "nested") == "2000");
    CHECK(indicator(r, "dear") == "40");
    CHECK(r.findings.size() == 2000);
}
