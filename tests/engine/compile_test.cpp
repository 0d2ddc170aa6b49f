// Compiling rules: every name resolved or refused with a suggestion, every type checked,
// every problem reported with its position before any convention is read.
#include <catch2/catch.hpp>

#include "engine/ruleset.hpp"

using namespace activ;

namespace {

const std::string header = "ruleset \"t\" version 1 applies 2015-01-01 .. 2015-12-31\n";

/// "line:col: message" of each diagnostic, or "ok".
std::vector<std::string> problems(const std::string& body) {
    CompiledRuleset r = compile_ruleset_text(header + body, "t.rules");
    std::vector<std::string> out;
    for (const auto& d : r.diagnostics) {
        out.push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + d.message);
    }
    if (out.empty()) {
        REQUIRE(r.program);
        out.push_back("ok");
    } else {
        CHECK(!r.program);
    }
    return out;
}

std::string check_on(const std::string& subject, const std::string& condition) {
    return "check r.1 on " + subject + " error when " + condition + "\n  message en \"m\"\n";
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("the shipped 2015 rules compile without a diagnostic", "[compile]") {
    CompiledRuleset r = compile_ruleset_file(ACTIV_SOURCE_DIR "/rules/be/social-activation-2015.rules");
    CHECK(r.diagnostics.empty());
    REQUIRE(r.program);
    CHECK(r.info.name == "be.social-activation");
    CHECK(r.info.version == "2015");
    CHECK(format_date(r.info.applies_from) == "2015-01-01");
    CHECK(r.info.sha256.size() == 64);
}

TEST_CASE("names resolve to fields of the subject, subjects, the convention and parameters",
          "[compile]") {
    CHECK(problems(check_on("expense", "date > convention.period.end")) == Lines{"ok"});
    CHECK(problems(check_on("expense", "expense.action.activation = social")) == Lines{"ok"});
    CHECK(problems("param d = 2015-08-31\n" + check_on("convention", "submitted_on > d")) ==
          Lines{"ok"});
    CHECK(problems(check_on("beneficiary", "piis.kind = social_activation")) == Lines{"ok"});
    CHECK(problems(check_on("convention", "count(expenses where amount > 100) > 2")) ==
          Lines{"ok"});
}

TEST_CASE("an unknown field suggests the closest known name", "[compile][errors]") {
    CHECK(problems(check_on("expense", "ammount > 5")) ==
          Lines{"2:33: unknown name 'ammount'; did you mean 'amount'?"});
    CHECK(problems(check_on("expense", "action.activaton = social")) ==
          Lines{"2:33: a action has no field 'activaton'; did you mean 'activation'?"});
    CHECK(problems(check_on("expense", "documnt is missing")) ==
          Lines{"2:33: unknown name 'documnt'; did you mean 'document'?"});
    CHECK(problems(check_on("expense", "date.year = 2015")) ==
          Lines{"2:33: 'expense.date' is a date, which has no field 'year'"});
}

TEST_CASE("a word beside a closed vocabulary must belong to it", "[compile][errors]") {
    CHECK(problems(check_on("action", "kind = colective")) ==
          Lines{"2:39: 'colective' is not a value of action.kind (collective, individual); did "
                "you mean 'collective'?"});
    CHECK(problems(check_on("convention", "scheme = cluster")) == Lines{"ok"});
    CHECK(problems(check_on("action", "category = anything_new")) == Lines{"ok"});
}

TEST_CASE("types are checked before anything is evaluated", "[compile][errors]") {
    CHECK(problems(check_on("expense", "amount")) ==
          Lines{"2:33: a condition must be true or false, but this is an amount"});
    CHECK(problems(check_on("expense", "date < 5")) ==
          Lines{"2:38: cannot compare or combine a date with a whole number"});
    CHECK(problems(check_on("expense", "amount < 1.005")) ==
          Lines{"2:40: this number has more decimals than an amount allows",
                "2:40: cannot compare or combine an amount with a decimal number"});
    CHECK(problems(check_on("expense", "share < 2")) ==
          Lines{"2:39: a share is between 0 and 1",
                "2:39: cannot compare or combine a share with a whole number"});
    CHECK(problems(check_on("expense", "description in 3")) ==
          Lines{"2:45: 'in' needs a set on its right, like {a, b} or a set parameter"});
    CHECK(problems(check_on("expense", "count(amount) = 1")) ==
          Lines{"2:33: count(...) needs a list, like actions or expenses; 'expense.amount' is an "
                "amount"});
    CHECK(problems(check_on("expense", "date < 1 < 2")) ==
          Lines{"2:42: comparisons cannot be chained; join them with 'and'"});
    CHECK(problems(check_on("expense", "(date + 1) is missing")) ==
          Lines{"2:39: cannot compute a date + a whole number (write a number of days: + 30 "
                "days)"});
}

TEST_CASE("rule ids are unique and messages quote only what exists", "[compile][errors]") {
    CHECK(problems(check_on("expense", "credit") + check_on("expense", "credit")) ==
          Lines{"4:1: rule 'r.1' is already declared (t.rules:2)"});
    CHECK(problems("check r.1 on expense error when credit\n  message en \"{id} {amont}\"\n") ==
          Lines{"3:11: message quotes {amont}, which is no field of the subject or the "
                "convention, and no parameter"});
    CHECK(problems("check r.1 on expense error when credit\n"
                   "  message en \"{id} of {period.start} in {year}\"\n") == Lines{"ok"});
}

TEST_CASE("classification decides social, professional or unclassified, without reading "
          "its own result", "[compile][errors]") {
    CHECK(problems("classify action\n  rule a.1 sociale when kind = collective\n"
                   "  otherwise unclassified\n") ==
          Lines{"3:3: an action is classified social, professional or unclassified, not "
                "'sociale'; did you mean 'social'?"});
    CHECK(problems("classify action\n  rule a.1 social when activation = social\n"
                   "  otherwise unclassified\n") ==
          Lines{"3:24: 'classify action' cannot read 'activation', what it decides"});
    CHECK(problems("classify beneficiary\n  rule e.1 eligible when eligibility = eligible\n"
                   "  otherwise undetermined\n") ==
          Lines{"3:26: 'classify beneficiary' cannot read 'eligibility', what it decides"});
    CHECK(problems("classify beneficiary\n  rule e.1 eligble when income = none\n"
                   "  otherwise undetermined\n") ==
          Lines{"3:3: a beneficiary is eligible, not_eligible or undetermined, not 'eligble'; "
                "did you mean 'eligible'?"});
    CHECK(problems("classify expense\n  rule a.1 social when credit\n  otherwise unclassified\n") ==
          Lines{"2:1: actions and beneficiaries can be classified (classify action, classify "
                "beneficiary); 'expense' cannot"});
    CHECK(problems("classify action\n  rule a.1 social when kind = collective\n") ==
          Lines{"2:1: a classification ends with 'otherwise' and the outcome when no branch "
                "decides"});
}

TEST_CASE("parameters are constants declared once", "[compile][errors]") {
    CHECK(problems("param a = 1\nparam a = 2\n") ==
          Lines{"3:1: parameter 'a' is already declared (t.rules:2)"});
    CHECK(problems("param a = 2015-02-30\n") == Lines{"2:11: no such day in the calendar"});
    CHECK(problems("param a = year\n") == Lines{"2:11: unknown name 'year'"});
}
