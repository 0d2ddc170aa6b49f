// `activ fmt`'s layout: exact output for a messy file, and the properties that make it
// safe to run on every rule file: idempotent, same AST, every comment kept.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "dsl-grammar/format_rules.hpp"
#include "dsl-grammar/parse_rules.hpp"

using namespace activ;

namespace {

const std::string header = "ruleset \"t\" version 1\n  applies 2015-01-01 .. 2015-12-31\n";

std::string format(const std::string& text) {
    FormatResult r = format_rules(text, "t.rules");
    INFO(text);
    for (const auto& d : r.diagnostics) INFO(render(d));
    REQUIRE(r.text);
    CHECK(r.diagnostics.empty());
    return *r.text;
}

/// The declarations after the canonical header.
std::string format_body(const std::string& body) {
    std::string const out = format(header + "\n" + body);
    REQUIRE(out.rfind(header + "\n", 0) == 0);
    return out.substr(header.size() + 1);
}

/// `#` outside double-quoted texts, as the grammar's skipper sees them.
std::size_t count_comments(const std::string& text) {
    std::size_t n = 0;
    bool in_text = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char const c = text[i];
        if (in_text) {
            if (c == '\\') ++i;
            else if (c == '"' || c == '\n') in_text = false;
        } else if (c == '"') {
            in_text = true;
        } else if (c == '#') {
            ++n;
            while (i < text.size() && text[i] != '\n') ++i;
        }
    }
    return n;
}

std::string printed_ast(const std::string& text) {
    ParseResult r = parse_rules(text, "t.rules");
    REQUIRE(r.file);
    return print_ast(*r.file);
}

/// format(x) parses to the same AST as x, keeps every comment, and is a fixed point.
void check_properties(const std::string& text) {
    std::string const once = format(text);
    CHECK(format(once) == once);
    CHECK(printed_ast(once) == printed_ast(text));
    CHECK(count_comments(once) == count_comments(text));
}

const std::string messy = R"(   # Test rules: a messy layout.

ruleset "t.messy"   version 2015 extends "base.rules" title "Messy # not a comment"
source wg "Groupe de \"travail\" #1" dated 2015-12-08   secondary source "Free"
      applies 2015-01-01..2015-12-31
param a = 1 param b = "x # y"   # trailing on b
param c = ((2015-01-01))


# about the words
param words = {alpha, "beta gamma", "and", language_course, communication_workshop, mobility_training, punctuality_workshop}
override param amount
from 2014-01-01 : 12500.00   from 2015-01-01: 10000.00 # new amount
classify action rule r.one social when (category in {a, b} and (x or y)) unless target_ready_for_work then professional because "ready" because "basic" cite wg "point 4"
  # the second rule
  override rule r.two
 professional when text mentions any of words or not (a = b) and -(1 + 2) * 3 > 4   # words
  otherwise unclassified because "none"
check e.x on expense error when (date < convention.period.start) or ((date > convention.period.end))
  message fr "Dépense {id}" en "Expense {id}"   cite "free text"
retire old.rule because "gone"    # retired
define net on expense = amount - other_funding
define d on expense = 1
indicator n "count" unit "persons" = count(beneficiaries where piis.kind = social_activation)
# the end
)";

const std::string messy_formatted = R"(# Test rules: a messy layout.

ruleset "t.messy" version 2015
  extends "base.rules"
  title "Messy # not a comment"
  source wg "Groupe de \"travail\" #1" dated 2015-12-08 secondary
  source "Free"
  applies 2015-01-01 .. 2015-12-31

param a = 1
param b = "x # y"  # trailing on b
param c = 2015-01-01

# about the words
param words = {alpha, "beta gamma", "and", language_course, communication_workshop,
               mobility_training, punctuality_workshop}
override param amount
  from 2014-01-01: 12500.00
  from 2015-01-01: 10000.00  # new amount

classify action
  rule r.one
    social when category in {a, b} and (x or y)
    unless target_ready_for_work
      then professional
      because "ready"
    because "basic"
    cite wg "point 4"
  # the second rule
  override rule r.two
    professional when text mentions any words or not a = b and -(1 + 2) * 3 > 4  # words
  otherwise unclassified
    because "none"

check e.x on expense
  error when date < convention.period.start or date > convention.period.end
  message fr "Dépense {id}"
          en "Expense {id}"
  cite "free text"

retire old.rule because "gone"  # retired

define net on expense = amount - other_funding
define d on expense = 1

indicator n "count" unit "persons" = count(beneficiaries where piis.kind = social_activation)
# the end
)";

}  // namespace

TEST_CASE("fmt lays a messy file out in the canonical layout", "[fmt]") {
    CHECK(format(messy) == messy_formatted);
    check_properties(messy);
}

TEST_CASE("fmt is idempotent, keeps the AST and every comment of the shipped rules", "[fmt]") {
    std::size_t files = 0;
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(std::string(ACTIV_SOURCE_DIR) + "/rules")) {
        if (entry.path().extension() != ".rules") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        INFO(entry.path().string());
        check_properties(text.str());
        ++files;
    }
    CHECK(files >= 2);
}

TEST_CASE("fmt keeps the parentheses the grammar needs and no others", "[fmt]") {
    auto condition = [](const std::string& written) {
        std::string const body = "check a.b on expense\n  error when " + written +
                                 "\n  message en \"m\"\n";
        check_properties(header + body);
        std::string const out = format_body(body);
        auto const start = out.find(" when ") + 6;
        return out.substr(start, out.find('\n', start) - start);
    };
    CHECK(condition("(a and b) or c") == "a and b or c");
    CHECK(condition("((a or b))") == "a or b");
    CHECK(condition("a or (b and c)") == "a or b and c");
    CHECK(condition("(a or b) and c") == "(a or b) and c");
    CHECK(condition("a or (b or c)") == "a or (b or c)");
    CHECK(condition("(a or b) or c") == "(a or b) or c");
    CHECK(condition("not (a = b)") == "not a = b");
    CHECK(condition("(not a) = b") == "(not a) = b");
    CHECK(condition("a = (not b)") == "a = (not b)");
    CHECK(condition("-(not x) or not not x") == "-(not x) or not not x");
    CHECK(condition("(a + b) > c") == "a + b > c");
    CHECK(condition("a - (b - c) > 0") == "a - (b - c) > 0");
    CHECK(condition("(a * b) + (c / d) > -(1 + 2)") == "a * b + c / d > -(1 + 2)");
    CHECK(condition("(a = b) = c") == "(a = b) = c");
    CHECK(condition("sum((a + b) of expenses where (eligible)) > 0") ==
          "sum(a + b of expenses where eligible) > 0");
    CHECK(condition("sum((a = b) of expenses) > 0") == "sum((a = b) of expenses) > 0");
    CHECK(condition("f(a, (b or c)) and year of (date) = 2015") ==
          "f(a, b or c) and year of date = 2015");
    CHECK(condition("date + 30 days > end and x is missing and y is present") ==
          "date + 30 days > end and x is missing and y is present");
    CHECK(condition("text mentions all of {\"CV\", job} and k not in {}") ==
          "text mentions all {\"CV\", job} and k not in {}");
}

TEST_CASE("fmt wraps sets wider than 100 columns and keeps words apart from texts", "[fmt]") {
    std::string const body =
        "param w = {alpha_one, \"beta two\", \"gamma\", \"and\", delta_four, epsilon_five, "
        "zeta_six, eta_seven, theta_eight, iota_nine, kappa_ten, lambda_eleven}\n";
    CHECK(format_body(body) ==
          "param w = {alpha_one, \"beta two\", \"gamma\", \"and\", delta_four, epsilon_five, "
          "zeta_six, eta_seven,\n"
          "           theta_eight, iota_nine, kappa_ten, lambda_eleven}\n");
    check_properties(header + body);
    // A set in a condition lines up under its own brace, whatever precedes it.
    std::string const check =
        "check a.b on action\n  error when kind = collective and category in {trade_pretraining, "
        "qualifying_training, job_search_workshop, article60_employment}\n  message en \"m\"\n";
    CHECK(format_body(check) ==
          "check a.b on action\n"
          "  error when kind = collective and category in {trade_pretraining, qualifying_training,\n"
          "                                                job_search_workshop, "
          "article60_employment}\n"
          "  message en \"m\"\n");
}

TEST_CASE("fmt places own-line and trailing comments by the tokens around them", "[fmt]") {
    std::string const body =
        "param s = {a, # after a\n"
        "  b} # after the set\n"
        "param t = {c,\n"
        "  # before d\n"
        "  d}  # after t\n"
        "check x.y on expense error\n"
        "  # before the condition\n"
        "  when a  # after a\n"
        "  message en \"m\"\n"
        "  # at the end of the check\n";
    std::string const out = format_body(body);
    // Two trailing comments would merge on `param s`'s one line: both go above it.
    CHECK(out ==
          "# after a\n"
          "# after the set\n"
          "param s = {a, b}\n"
          "# before d\n"
          "param t = {c, d}  # after t\n"
          "\n"
          "check x.y on expense\n"
          "  # before the condition\n"
          "  error when a  # after a\n"
          "  message en \"m\"\n"
          "# at the end of the check\n");
    check_properties(header + body);
}

TEST_CASE("fmt keeps runs of parameters, one blank line between other declarations", "[fmt]") {
    std::string const body =
        "param a = 1\nparam b = 2\n\n\n\nparam c = 3\n"
        "# about d\n\nparam d = 4\n"
        "check x.y on expense error when a message en \"m\"\n"
        "check x.z on expense error when a message en \"m\"\n"
        "retire r.one\nretire r.two\n\n"
        "\n# banner\n\n\ndefine e on expense = 1\n";
    CHECK(format_body(body) ==
          "param a = 1\nparam b = 2\n\nparam c = 3\n# about d\n\nparam d = 4\n\n"
          "check x.y on expense\n  error when a\n  message en \"m\"\n\n"
          "check x.z on expense\n  error when a\n  message en \"m\"\n\n"
          "retire r.one\nretire r.two\n\n"
          "# banner\n\ndefine e on expense = 1\n");
    check_properties(header + body);
}

TEST_CASE("fmt puts a long definition's or indicator's value on the next line", "[fmt]") {
    std::string const body =
        "define progressed_socioprofessional on beneficiary = assessment is present and "
        "assessment.end.socioprofessional > assessment.start.socioprofessional\n"
        "indicator participants \"bénéficiaires dans une trajectoire d'activation sociale "
        "encadrée par un PIIS\" unit \"personnes\" = participant_count\n";
    CHECK(format_body(body) ==
          "define progressed_socioprofessional on beneficiary =\n"
          "  assessment is present and assessment.end.socioprofessional > "
          "assessment.start.socioprofessional\n"
          "\n"
          "indicator participants \"bénéficiaires dans une trajectoire d'activation sociale "
          "encadrée par un PIIS\" unit \"personnes\"\n"
          "  = participant_count\n");
    check_properties(header + body);
}

TEST_CASE("fmt of a file with a syntax error gives the diagnostic and no text", "[fmt]") {
    FormatResult r = format_rules(header + "check x.y on expense fatal when a\n", "bad.rules");
    CHECK(!r.text);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(render(r.diagnostics[0]) ==
          "bad.rules:3:22: error: expected a severity (error, warning or info), found 'fatal'\n"
          "    check x.y on expense fatal when a\n"
          "                         ^\n");
}

TEST_CASE("one declaration in the canonical layout, without its comments", "[fmt][diff]") {
    std::string const text = header +
                             "param words = {CV, \"lettre de motivation\"}  # job search\n"
                             "check x.late on convention error when (submitted_on > 2015-08-31)\n"
                             "  message en \"late\"  # said in English only\n";
    ParseResult parsed = parse_rules(text, "t.rules");
    REQUIRE(parsed.file);
    const auto& words = boost::get<ast::parameter>(parsed.file->items[0]);
    const auto& late = boost::get<ast::check>(parsed.file->items[1]);

    DeclarationFormatter const as_written(text);
    CHECK(as_written(late) ==
          "check x.late on convention\n"
          "  error when submitted_on > 2015-08-31\n"
          "  message en \"late\"\n");
    CHECK(as_written(words) == "param words = {CV, \"lettre de motivation\"}\n");
    CHECK(as_written(*words.value) == "{CV, \"lettre de motivation\"}");
    // Without the source, every item is quoted: one text however the set was spelled.
    CHECK(DeclarationFormatter("")(words) == "param words = {\"CV\", \"lettre de motivation\"}\n");
}
