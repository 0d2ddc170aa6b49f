// The grammar, table-driven: each input is either printed back as the AST the parser
// built (every nested chain in parentheses) or refused with its exact diagnostic.
#include <catch2/catch.hpp>

#include "dsl-grammar/parse_rules.hpp"

using namespace activ;

namespace {

const std::string header = "ruleset \"t\" version 1 applies 2015-01-01 .. 2015-12-31\n";
const std::string printed_header = "ruleset \"t\" version 1\n  applies 2015-01-01 .. 2015-12-31\n";

/// The printed AST after the header, or the rendered diagnostics.
std::string parse(const std::string& body) {
    ParseResult r = parse_rules(header + body, "t.rules");
    if (!r.file) {
        std::string out;
        for (const auto& d : r.diagnostics) out += render(d);
        return out;
    }
    std::string printed = print_ast(*r.file);
    REQUIRE(printed.rfind(printed_header, 0) == 0);
    return printed.substr(printed_header.size());
}

struct Case {
    std::string input;
    std::string expected;
};

}  // namespace

TEST_CASE("parameters hold dates, numbers, texts and sets", "[grammar]") {
    const Case cases[] = {
        {"param deadline = 2015-08-31", "param deadline = 2015-08-31\n"},
        {"param amount = 1200.00", "param amount = 1200.00\n"},
        {"param minimum = 3", "param minimum = 3\n"},
        {"param name = \"Lire et \\\"Écrire\\\"\"", "param name = \"Lire et \\\"Écrire\\\"\"\n"},
        {"param words = {language_course, \"recherche d'emploi\"}",
         "param words = {\"language_course\", \"recherche d'emploi\"}\n"},
        {"param nothing = {}", "param nothing = {}\n"},
    };
    for (const auto& c : cases) {
        INFO(c.input);
        CHECK(parse(c.input) == c.expected);
    }
}

TEST_CASE("conditions: not binds looser than comparisons, and than not, or than and",
          "[grammar]") {
    auto check_when = [](const std::string& condition) {
        std::string printed = parse("check a.b on expense error when " + condition +
                                    "\n  message en \"m\"");
        auto const start = printed.find(" when ") + 6;
        return printed.substr(start, printed.find('\n') - start);
    };
    CHECK(check_when("a = b") == "a = b");
    CHECK(check_when("a and b or c") == "(a and b) or c");
    CHECK(check_when("a or b and c") == "a or (b and c)");
    CHECK(check_when("not a = b") == "not (a = b)");
    CHECK(check_when("not a and b") == "not a and b");
    CHECK(check_when("a = (not b)") == "a = (not b)");
    CHECK(check_when("(a or b) and c") == "(a or b) and c");
    CHECK(check_when("charge + other_funding > amount") == "(charge + other_funding) > amount");
    CHECK(check_when("amount < -5") == "amount < -5");
    CHECK(check_when("x in {a, b}") == "x in {\"a\", \"b\"}");
    CHECK(check_when("x not in s") == "x not in s");
    CHECK(check_when("document is missing") == "document is missing");
    CHECK(check_when("document is present") == "document is present");
    CHECK(check_when("text mentions any of words") == "text mentions any words");
    CHECK(check_when("text mentions all words") == "text mentions all words");
    CHECK(check_when("expense.action.activation = social") == "expense.action.activation = social");
    CHECK(check_when("count(actions where kind = collective) = 0") ==
          "count(actions where kind = collective) = 0");
    CHECK(check_when("any(expenses where credit)") == "any(expenses where credit)");
    CHECK(check_when("count(cluster) < 2") == "count(cluster) < 2");
    CHECK(check_when("done = true") == "done = true");
    CHECK(check_when("order = 1") == "order = 1");  // `or` inside a name is not `or`
}

TEST_CASE("a classification lists branches with exceptions, then otherwise", "[grammar]") {
    CHECK(parse("classify action\n"
                "  rule activation.x social when category in s  # a comment\n"
                "    unless ready then professional because \"ready\"\n"
                "    unless other_thing\n"
                "    because \"basic skills\" cite \"point 4\"\n"
                "  otherwise unclassified because \"no idea\"\n") ==
          "classify action\n"
          "  rule activation.x social when category in s\n"
          "    unless ready then professional because \"ready\"\n"
          "    unless other_thing\n"
          "    because \"basic skills\"\n"
          "    cite \"point 4\"\n"
          "  otherwise unclassified because \"no idea\"\n");
}

TEST_CASE("a check has a severity, messages in several languages and a citation", "[grammar]") {
    CHECK(parse("check expense.in-period on expense warning when date > end\n"
                "  message fr \"Dépense {id}\" nl \"Uitgave {id}\" en \"Expense {id}\"\n"
                "  cite \"point 3.C\"") ==
          "check expense.in-period on expense warning when date > end\n"
          "  message fr \"Dépense {id}\" nl \"Uitgave {id}\" en \"Expense {id}\"\n"
          "  cite \"point 3.C\"\n");
}

TEST_CASE("the header names the ruleset, its sources and the period it applies to",
          "[grammar]") {
    ParseResult r = parse_rules(
        "# comment first\nruleset \"be.x\" version 2016\n  title \"T\"\n  source \"A\"\n"
        "  source \"B\"\n  applies 2016-01-01 .. 2016-12-31\n",
        "h.rules");
    REQUIRE(r.file);
    CHECK(r.file->head.name == "be.x");
    CHECK(r.file->head.version == "2016");
    REQUIRE(r.file->head.sources.size() == 2);
    CHECK(r.file->head.sources[0].title == "A");
    CHECK(!r.file->head.sources[0].id);
    CHECK(r.file->head.sources[1].title == "B");
    CHECK(r.file->head.applies_to.month == 12);
    CHECK(r.file->head.offset == 16);  // after the comment line
}

TEST_CASE("a syntax error shows file:line:col, the line, a caret and what was expected",
          "[grammar][errors]") {
    const Case cases[] = {
        {"check a.b on expense error when date < and x\n  message en \"m\"",
         "t.rules:2:40: error: expected a value, found 'and'\n"
         "    check a.b on expense error when date < and x\n"
         "                                           ^\n"},
        {"check a.b on expens error when x\n  message en \"m\"",
         "t.rules:2:14: error: expected a subject (convention, action, expense, beneficiary, step "
         "or objective), found 'expens'\n"
         "    check a.b on expens error when x\n"
         "                 ^\n"},
        {"check a.b on expense fatal when x\n  message en \"m\"",
         "t.rules:2:22: error: expected a severity (error, warning or info), found 'fatal'\n"
         "    check a.b on expense fatal when x\n"
         "                         ^\n"},
        {"check a.b on expense error when x",
         "t.rules:2:34: error: expected 'message', found the end of the file\n"
         "    check a.b on expense error when x\n"
         "                                     ^\n"},
        {"param = 3",
         "t.rules:2:7: error: expected a name, found '='\n"
         "    param = 3\n"
         "          ^\n"},
        {"param x = {a, b",
         "t.rules:2:16: error: expected '}', found the end of the file\n"
         "    param x = {a, b\n"
         "                   ^\n"},
        {"chek a.b",
         "t.rules:2:1: error: expected a declaration (param, classify, check, retire, define or "
         "indicator) or the end of the file, found 'chek'\n"
         "    chek a.b\n"
         "    ^\n"},
    };
    for (const auto& c : cases) {
        INFO(c.input);
        CHECK(parse(c.input) == c.expected);
    }
}

TEST_CASE("a missing header is reported at the first line", "[grammar][errors]") {
    ParseResult r = parse_rules("param x = 1\n", "h.rules");
    REQUIRE(!r.file);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].line == 1);
    CHECK(r.diagnostics[0].column == 1);
    CHECK(r.diagnostics[0].message.rfind("expected the ruleset header", 0) == 0);
}

TEST_CASE("columns count characters, not bytes", "[grammar][errors]") {
    ParseResult r = parse_rules(header + "param é = 1\n", "u.rules");
    REQUIRE(!r.file);
    CHECK(r.diagnostics[0].line == 2);
    CHECK(r.diagnostics[0].column == 7);
}
