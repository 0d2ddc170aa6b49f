// `activ check --format html` and `--format csv` end to end: one page or one header for
// any number of files, the words of --lang, and the exit statuses of the text report.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <string>

#include "tests/support/run_activ.hpp"
#include "tests/support/temp_folder.hpp"

namespace {

using activ::testing::run_activ;
using activ::testing::slurp;

size_t count_of(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

bool contains(const std::string& text, const std::string& what) {
    return text.find(what) != std::string::npos;
}

}  // namespace

TEST_CASE("check --format html prints one page for liege-2015, and exits 1", "[html][cli]") {
    auto const r = run_activ("check --format html --lang en examples/liege-2015.yaml");
    CHECK(r.status == 1);
    CHECK(r.err.empty());
    CHECK(r.out.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
    CHECK(r.out.size() > 1000);
    CHECK(r.out.substr(r.out.size() - 16) == "</body>\n</html>\n");
    CHECK(count_of(r.out, "<article class=\"report\">") == 1);
    CHECK(contains(r.out, "data-verdict=\"error\""));
    CHECK(contains(r.out, "<p>Verdict: 4 errors, 1 warning</p>"));
    CHECK(count_of(r.out, "class=\"finding\"") == 5);
    CHECK(contains(r.out, "<td class=\"amount\">3172.35 EUR</td>"));
    CHECK(count_of(r.out, "<svg class=\"chart\"") == 1);
    CHECK(count_of(r.out, "<section") == count_of(r.out, "</section>"));
    CHECK_FALSE(contains(r.out, "<script"));
    CHECK_FALSE(contains(r.out, "http"));
}

TEST_CASE("check --format html --lang nl writes the page's words in Dutch", "[html][cli]") {
    auto const r = run_activ("check --format html --lang nl examples/liege-2015.yaml");
    CHECK(r.status == 1);
    CHECK(contains(r.out, "<html lang=\"nl\">"));
    CHECK(contains(r.out, "<p>Oordeel: 4 fouten, 1 waarschuwing</p>"));
    CHECK(contains(r.out, "<h2>Totalen</h2>"));
    CHECK(contains(r.out, "<h2>Bevindingen</h2>"));
    CHECK_FALSE(contains(r.out, "<h2>Findings</h2>"));
}

TEST_CASE("check --format html of several files gives one page with one article each",
          "[html][cli]") {
    auto const r =
        run_activ("check --format html -j 2 examples/liege-2015.yaml examples/namur-2015.yaml");
    CHECK(r.status == 1);
    CHECK(count_of(r.out, "<!DOCTYPE html>") == 1);
    CHECK(count_of(r.out, "</html>") == 1);
    CHECK(count_of(r.out, "<article class=\"report\">") == 2);
    CHECK(r.out.find("AS-2015-0117") < r.out.find("</article>"));
}

TEST_CASE("a title with a script shows as text in the HTML page", "[html][cli]") {
    activ::testing::TempFolder folder("activ-check-html");
    std::string yaml = slurp(ACTIV_SOURCE_DIR "/examples/liege-2015.yaml");
    std::string const title = "title: Atelier de français oral";
    size_t const at = yaml.find(title);
    REQUIRE(at != std::string::npos);
    yaml.replace(at, title.size(), R"(title: '<script>alert(1)</script> & "quotes"')");
    std::string const file = (folder.path / "liege.yaml").string();
    std::ofstream(file) << yaml;
    auto const r = run_activ("check --format html " + file);
    CHECK(r.status == 1);
    CHECK(r.err.empty());
    CHECK_FALSE(contains(r.out, "<script"));
    CHECK(contains(r.out, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"));
}

TEST_CASE("check --format csv prints a header, then one row per finding", "[html][cli]") {
    auto const one = run_activ("check --format csv examples/liege-2015.yaml");
    CHECK(one.status == 1);
    CHECK(one.err.empty());
    std::string const header =
        "convention,cpas,subject_kind,subject_id,rule,severity,amount_at_stake,message\r\n";
    CHECK(one.out.rfind(header, 0) == 0);
    CHECK(count_of(one.out, "\r\n") == 1 + 5);
    CHECK(count_of(one.out, "\n") == 1 + 5);
    CHECK(contains(one.out, "\r\nAS-2015-0117,CPAS de Liège,expense,X7,"
                            "expense.supporting-document,error,95.00,"));
    // The rule's message holds a comma: quoted, as RFC 4180 says.
    CHECK(contains(one.out, "\r\nAS-2015-0117,CPAS de Liège,expense,X4,expense.professional-action,"
                            "error,640.00,\"Dépense X4 liée à l'action L3, qui relève de "
                            "l'activation professionnelle\"\r\n"));

    auto const json = run_activ("check --format json examples/namur-2015.yaml");
    size_t const namur_findings = nlohmann::json::parse(json.out)["findings"].size();
    CHECK(namur_findings > 0);
    auto const two =
        run_activ("check --format csv -j 2 examples/liege-2015.yaml examples/namur-2015.yaml");
    CHECK(count_of(two.out, "convention,cpas,") == 1);
    CHECK(count_of(two.out, "\r\n") == 1 + 5 + namur_findings);
    CHECK(two.out.rfind(one.out, 0) == 0);
}
