// The HTML and CSV reports of `activ check`: the shipped examples rendered, and their
// structure read back from the page: the verdict, the findings, the money, the chart,
// nothing fetched from elsewhere, every element closed, every submitted text escaped.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "engine/load_convention.hpp"
#include "engine/report.hpp"
#include "engine/ruleset.hpp"
#include "tests/support/check_convention.hpp"

namespace {

using activ::testing::check_text;
using activ::testing::example_text;

size_t count_of(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

bool contains(const std::string& text, const std::string& what) {
    return text.find(what) != std::string::npos;
}

// Every element opened is closed, in the reverse order: a stack of tag names. Void
// elements and self-closed SVG ones (`/>`) open nothing; <style> is skipped whole.
// Returns the first problem, empty when the nesting is sound.
std::string nesting_problem(const std::string& html) {
    static const std::vector<std::string> void_elements = {"meta", "br", "link", "img", "hr",
                                                           "input"};
    std::vector<std::string> open;
    size_t at = 0;
    while ((at = html.find('<', at)) != std::string::npos) {
        size_t const end = html.find('>', at);
        if (end == std::string::npos) return "a tag is not ended";
        std::string tag = html.substr(at + 1, end - at - 1);
        at = end + 1;
        if (tag.empty() || tag[0] == '!') continue;
        bool const closing = tag[0] == '/';
        bool const self_closed = tag.back() == '/';
        std::string name = tag.substr(closing ? 1 : 0);
        name = name.substr(0, name.find_first_of(" \t\n/"));
        if (closing) {
            if (open.empty() || open.back() != name) {
                return "</" + name + "> closes " + (open.empty() ? "nothing" : open.back());
            }
            open.pop_back();
        } else if (!self_closed &&
                   std::find(void_elements.begin(), void_elements.end(), name) ==
                       void_elements.end()) {
            open.push_back(name);
            if (name == "style") {
                size_t const close = html.find("</style>", at);
                if (close == std::string::npos) return "<style> is not closed";
                at = close;
            }
        }
    }
    if (!open.empty()) return "<" + open.back() + "> is not closed";
    return {};
}

// No script, and nothing a browser would fetch: no outside address at all.
void check_self_contained(const std::string& html) {
    CHECK_FALSE(contains(html, "<script"));
    CHECK_FALSE(contains(html, "http://"));
    CHECK_FALSE(contains(html, "https://"));
    CHECK_FALSE(contains(html, "src="));
    CHECK_FALSE(contains(html, "href="));
    CHECK_FALSE(contains(html, "@import"));
    CHECK_FALSE(contains(html, "url("));
    INFO(nesting_problem(html));
    CHECK(nesting_problem(html).empty());
}

}  // namespace

TEST_CASE("the HTML report of liege-2015 shows its verdict, findings, money and chart",
          "[html]") {
    activ::testing::CheckedConvention const c = check_text(example_text("liege-2015.yaml"), "examples/liege-2015.yaml");
    std::string const html = activ::render_html_page(c.result, c.convention, "en");
    check_self_contained(html);

    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
    CHECK(count_of(html, "<article class=\"report\">") == 1);
    CHECK(contains(html, "<h1>Convention check AS-2015-0117</h1>"));
    CHECK(contains(html, "<dd>CPAS de Liège (NIS 62063)</dd>"));
    CHECK(contains(html, "<dd>examples/liege-2015.yaml</dd>"));
    CHECK(contains(html, "<dd>be.social-activation 2015</dd>"));

    CHECK(contains(html, "<section class=\"verdict verdict-error\" data-verdict=\"error\">\n"
                         "<p>Verdict: 4 errors, 1 warning</p>"));
    CHECK(count_of(html, "class=\"finding\"") == 5);
    CHECK(count_of(html, "class=\"finding\"") == c.result.findings.size());
    // Errors first, grouped by subject; then the warning.
    size_t const errors = html.find("<h3>Errors (4)</h3>");
    size_t const warnings = html.find("<h3>Warnings (1)</h3>");
    REQUIRE(errors != std::string::npos);
    REQUIRE(warnings != std::string::npos);
    CHECK(errors < warnings);
    CHECK(html.find("<h4>expense X5</h4>") > errors);
    CHECK(html.find("<h4>objective O2</h4>") > warnings);
    CHECK(count_of(html, "<section class=\"subject\">") == 5);
    // The finding on X5: its rule, its source and the value that decided.
    CHECK(contains(html, "<div class=\"finding\" data-rule=\"expense.in-period\">"));
    CHECK(contains(html, "point 3.C"));
    CHECK(contains(html, "<code>expense.date</code> = 2016-01-08"));

    CHECK(contains(html, "<tr data-total=\"declared\"><th>declared</th>"
                         "<td class=\"amount\">5167.35 EUR</td></tr>"));
    CHECK(contains(html, "<tr data-total=\"eligible\"><th>eligible</th>"
                         "<td class=\"amount\">3172.35 EUR</td></tr>"));
    CHECK(contains(html, "<tr data-total=\"ineligible\"><th>ineligible</th>"
                         "<td class=\"amount\">1995.00 EUR</td></tr>"));
    CHECK(contains(html, "<tr data-total=\"eligible_capped\"><th>eligible capped at subsidy</th>"
                         "<td class=\"amount\">3172.35 EUR</td></tr>"));

    // Per cost type: X1 + X2 personnel kept; X3 kept and X4 refused (operating); X5 and
    // X7 refused (participant); 40 % of X6 refused (overhead).
    CHECK(count_of(html, "<svg class=\"chart\"") == 1);
    CHECK(count_of(html, "<g class=\"bar\"") == 4);
    CHECK(contains(html, "<td>personnel</td><td class=\"amount\">2960.00 EUR</td>"
                         "<td class=\"amount\">0.00 EUR</td>"));
    CHECK(contains(html, "<td>operating</td><td class=\"amount\">212.35 EUR</td>"
                         "<td class=\"amount\">640.00 EUR</td>"));
    CHECK(contains(html, "<td>participant</td><td class=\"amount\">0.00 EUR</td>"
                         "<td class=\"amount\">395.00 EUR</td>"));
    CHECK(contains(html, "<td>overhead</td><td class=\"amount\">0.00 EUR</td>"
                         "<td class=\"amount\">960.00 EUR</td>"));
    // The largest cost type (personnel, 2960.00) fills the bar's 420 units.
    CHECK(contains(html, "<g class=\"bar\" data-cost-type=\"personnel\"><text x=\"0\" y=\"39\">"
                         "personnel</text><rect class=\"eligible\" x=\"150\" y=\"24\" "
                         "width=\"420\""));

    CHECK(count_of(html, "<tr class=\"decision\"") == 4 + 3);
    CHECK(contains(html, "<tr class=\"decision\" data-outcome=\"professional\"><td>L3<br>"
                         "Atelier CV et lettres de motivation</td><td>professional</td>"));
    CHECK(contains(html, "<section class=\"indicators\">"));
    CHECK(count_of(html, "<tr class=\"indicator\"") == c.result.indicators.size());

    // Printed on A4 with its colours.
    CHECK(contains(html, "@page { size: A4;"));
    CHECK(contains(html, "print-color-adjust: exact"));
}

TEST_CASE("the nesting check of these tests finds what is left open or crossed", "[html]") {
    CHECK(nesting_problem("<section><div><br><rect/></div></section>").empty());
    CHECK(nesting_problem("<section><div></section></div>") == "</section> closes div");
    CHECK(nesting_problem("<article><section></section>") == "<article> is not closed");
}

TEST_CASE("a clean convention gets a green banner and no finding", "[html]") {
    // Only the sound expenses and objective, and no beneficiary without a PIIS.
    activ::testing::CheckedConvention const c = check_text(R"(format: convention/1
convention:
  id: T-2015-1
  year: 2015
  cpas: {name: CPAS de Test, nis: "99999"}
  period: {start: 2015-01-01, end: 2015-12-31}
  submitted_on: 2015-08-20
  subsidy: 50.00
  actions:
    - {id: A1, kind: collective, title: Atelier de français, category: language_course}
  expenses:
    - {id: E1, date: 2015-03-31, amount: 100.00, action: A1, cost_type: operating, document: F-1}
)",
                                 "clean.yaml");
    REQUIRE(c.result.findings.empty());
    std::string const html = activ::render_html_page(c.result, c.convention, "fr");
    check_self_contained(html);
    CHECK(contains(html, "data-verdict=\"clean\""));
    CHECK(contains(html, "<p>Verdict : conforme</p>"));
    CHECK(count_of(html, "class=\"finding\"") == 0);
    CHECK(contains(html, "<section class=\"findings\">\n<h2>Constats</h2>\n<p>(aucun)</p>"));
    CHECK(contains(html, "<td>fonctionnement</td><td class=\"amount\">100.00 EUR</td>"));
    CHECK(contains(html, "<tr data-total=\"eligible_capped\"><th>éligible plafonné à la "
                         "subvention</th><td class=\"amount\">50.00 EUR</td></tr>"));
}

TEST_CASE("every text from the submission is escaped in the HTML report", "[html]") {
    std::string yaml = example_text("liege-2015.yaml");
    std::string const title = "title: Atelier de français oral";
    size_t const at = yaml.find(title);
    REQUIRE(at != std::string::npos);
    yaml.replace(at, title.size(), R"(title: '<script>alert(1)</script> & "quotes"')");
    std::string const cpas = "name: CPAS de Liège";
    yaml.replace(yaml.find(cpas), cpas.size(), "name: \"CPAS <b>d'Liège</b>\"");
    activ::testing::CheckedConvention const c = check_text(yaml, "liege<x>.yaml");
    std::string const html = activ::render_html_page(c.result, c.convention, "en");
    check_self_contained(html);
    CHECK(contains(html, "<td>L1<br>&lt;script&gt;alert(1)&lt;/script&gt; &amp; "
                         "&quot;quotes&quot;</td>"));
    CHECK(contains(html, "<dd>CPAS &lt;b&gt;d&#39;Liège&lt;/b&gt; (NIS 62063)</dd>"));
    CHECK(contains(html, "<dd>liege&lt;x&gt;.yaml</dd>"));
    CHECK_FALSE(contains(html, "<b>"));
    CHECK(activ::html_escape("<a href='x'>\"&\"</a>") ==
          "&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;");
}

TEST_CASE("the HTML report's words follow the language asked", "[html]") {
    activ::testing::CheckedConvention const c = check_text(example_text("liege-2015.yaml"), "liege.yaml", "nl");
    std::string const html = activ::render_html_page(c.result, c.convention, "nl");
    check_self_contained(html);
    CHECK(contains(html, "<html lang=\"nl\">"));
    CHECK(contains(html, "<h1>Controle van de overeenkomst AS-2015-0117</h1>"));
    CHECK(contains(html, "<p>Oordeel: 4 fouten, 1 waarschuwing</p>"));
    CHECK(contains(html, "<h2>Bevindingen</h2>"));
    CHECK(contains(html, "<h3>Fouten (4)</h3>"));
    CHECK(contains(html, "<h4>uitgave X5</h4>"));
    CHECK(contains(html, "<td>personeel</td>"));
    CHECK(contains(html, "<th>aangegeven</th><td class=\"amount\">5167.35 EUR</td>"));
    CHECK(contains(html, "<dt>OCMW</dt>"));
}

TEST_CASE("the CSV report has one row per finding, with the charge at stake", "[html]") {
    activ::testing::CheckedConvention const c = check_text(example_text("liege-2015.yaml"), "liege.yaml", "en");
    std::string const csv = activ::render_csv(c.result);
    CHECK(activ::csv_report_header() ==
          "convention,cpas,subject_kind,subject_id,rule,severity,amount_at_stake,message\r\n");
    CHECK(count_of(csv, "\r\n") == 5);
    CHECK(count_of(csv, "\n") == 5);
    CHECK(csv.rfind("AS-2015-0117,CPAS de Liège,expense,X5,expense.in-period,error,300.00,", 0) ==
          0);
    // 40 % of 2400.00 for X6; nothing at stake for an objective.
    CHECK(contains(csv, "\r\nAS-2015-0117,CPAS de Liège,expense,X6,expense.share-basis,error,"
                        "960.00,"));
    CHECK(contains(csv, "\r\nAS-2015-0117,CPAS de Liège,objective,O2,"
                        "objective.reasons-when-not-achieved,warning,,"));

    activ::Result r = c.result;
    r.findings.resize(1);
    r.findings[0].message = "a comma, and \"quotes\"";
    r.cpas_name = "CPAS, \"Liège\"";
    CHECK(activ::render_csv(r) ==
          "AS-2015-0117,\"CPAS, \"\"Liège\"\"\",expense,X5,expense.in-period,error,300.00,"
          "\"a comma, and \"\"quotes\"\"\"\r\n");
}
