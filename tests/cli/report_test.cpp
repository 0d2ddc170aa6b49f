// `activ report` and `activ db show --format html` as a manager and a clerk use them:
// one page or a folder of pages, every link leading somewhere, nothing written to the
// store, every submitted text escaped.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <string>

#include "tests/support/run_activ.hpp"
#include "tests/support/store_query.hpp"
#include "tests/support/temp_folder.hpp"

namespace fs = std::filesystem;

namespace {

using activ::testing::run_activ;
using activ::testing::slurp;
using activ::testing::TempFolder;

std::set<std::string> matches(const std::string& text, const std::string& pattern) {
    std::set<std::string> out;
    std::regex const re(pattern);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator();
         ++it)
        out.insert((*it)[1].str());
    return out;
}

size_t count_of(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("report: one page, each convention linked to its report below", "[cli][report]") {
    TempFolder folder("activ-report-page");
    std::string const store = activ::testing::example_store(folder.path);
    std::string const before = slurp(store);
    auto const run = run_activ("report " + store + " --year 2015");
    REQUIRE(run.status == 0);
    const std::string& page = run.out;
    CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(page.find("overview — 2015") != std::string::npos);
    CHECK(page.find("<tr data-status=\"error\"><td class=\"status-error\">errors</td><td "
                    "class=\"amount\">2</td></tr>") != std::string::npos);
    CHECK(count_of(page, "<tr class=\"convention\"") == 2);
    CHECK(page.find("MA-2016-0203") == std::string::npos);
    // The national total of what is refused, and the most frequent rules.
    CHECK(page.find("<tr class=\"total\"><th>total</th><td></td><td></td><td class=\"amount\">"
                    "8781.35 EUR</td><td class=\"amount\">6786.35 EUR</td><td "
                    "class=\"amount\">1995.00 EUR</td>") != std::string::npos);
    CHECK(count_of(page, "<tr class=\"rule\"") == 12);
    CHECK(page.find("data-name=\"participants\"><td>") != std::string::npos);
    // Every link is an anchor of the page, and each convention's report is there.
    auto const links = matches(page, "href=\"#([^\"]+)\"");
    auto const anchors = matches(page, "id=\"([^\"]+)\"");
    CHECK(links.size() == 2);
    for (const auto& link : links) CHECK(anchors.count(link) == 1);
    CHECK(count_of(page, "<article class=\"report\">") == 2);
    CHECK(page.find("<script") == std::string::npos);
    CHECK(slurp(store) == before);  // read-only
}

TEST_CASE("report --out: an index and one page per convention, in French", "[cli][report]") {
    TempFolder folder("activ-report-out");
    std::string const store = activ::testing::example_store(folder.path);
    fs::path const out = folder.path / "national";
    auto const run = run_activ("report " + store + " --out " + out.string() + " --lang fr");
    REQUIRE(run.status == 0);
    CHECK(run.err == out.string() + ": index.html and 3 convention pages\n");
    std::string const index = slurp((out / "index.html").string());
    CHECK(index.find("<html lang=\"fr\">") != std::string::npos);
    CHECK(index.find("Conventions par statut") != std::string::npos);
    auto const links = matches(index, "href=\"([^\"#]+)\"");
    CHECK(links.size() == 3);
    for (const auto& link : links) {
        INFO(link);
        std::string const detail = slurp((out / link).string());
        CHECK(detail.find("<article class=\"report\">") != std::string::npos);
        CHECK(detail.find("data-verdict=") != std::string::npos);
    }
}

TEST_CASE("report: submitted text is escaped, refused files listed", "[cli][report]") {
    TempFolder folder("activ-report-escape");
    std::string text = slurp(ACTIV_SOURCE_DIR "/examples/liege-2015.yaml");
    auto const at = text.find("CPAS de Liège");
    REQUIRE(at != std::string::npos);
    text.replace(at, 13, "<script>alert(1)</script>");
    std::ofstream((folder.path / "evil.yaml").string(), std::ios::binary) << text;
    std::string const store = (folder.path / "s.sqlite").string();
    REQUIRE(run_activ("db init " + store).status == 0);
    run_activ("db import " + store + " " + (folder.path / "evil.yaml").string() +
              " tests/bad-input/conventions/alias-in-known-list.yaml");
    REQUIRE(run_activ("db check " + store).status == 0);
    auto const run = run_activ("report " + store);
    REQUIRE(run.status == 0);
    CHECK(run.out.find("<script") == std::string::npos);
    CHECK(run.out.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(run.out.find("<tr data-status=\"rejected\"><td class=\"status-rejected\">refused at "
                       "import</td><td class=\"amount\">1</td></tr>") != std::string::npos);
    CHECK(run.out.find("alias-in-known-list.yaml") != std::string::npos);
}

TEST_CASE("report: a missing store is an error, not an empty page", "[cli][report]") {
    auto const run = run_activ("report /nonexistent/store.sqlite");
    CHECK(run.status == 2);
    CHECK(run.out.empty());
    CHECK(run.err.find("error: ") == 0);
}

TEST_CASE("db show --format html: the latest report as decided, then the history",
          "[cli][db][report]") {
    TempFolder folder("activ-db-show-html");
    std::string const store = activ::testing::example_store(folder.path);
    auto const run = run_activ("db show " + store + " AS-2015-0117 --format html --lang nl");
    REQUIRE(run.status == 0);
    CHECK(run.out.find("<html lang=\"nl\">") != std::string::npos);
    CHECK(run.out.find("data-verdict=\"error\"") != std::string::npos);
    CHECK(count_of(run.out, "<div class=\"finding\"") == 5);
    CHECK(run.out.find("<tr data-total=\"eligible\"><th>subsidieerbaar</th><td "
                       "class=\"amount\">3172.35 EUR</td></tr>") != std::string::npos);
    CHECK(run.out.find("<section class=\"history\">") != std::string::npos);
    CHECK(count_of(run.out, "<tr class=\"result\">") == 1);
}
