// scripts/render-report: where Chromium is installed, an HTML report becomes a PNG and an
// A4 PDF that a person can look at; where it is not, the script says so and succeeds.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <string>

#include "tests/support/run_activ.hpp"
#include "tests/support/temp_folder.hpp"

namespace {

bool chromium_installed() {
    return std::system("command -v chromium >/dev/null 2>&1 || command -v chromium-browser "
                       ">/dev/null 2>&1 || command -v google-chrome >/dev/null 2>&1") == 0;
}

}  // namespace

TEST_CASE("render-report turns a report into a PNG and a PDF", "[html][scripts]") {
    activ::testing::TempFolder folder("activ-render-report");
    auto const check = activ::testing::run_activ("check examples/liege-2015.yaml --format html");
    REQUIRE(check.status == 1);
    std::string const page = (folder.path / "liege.html").string();
    std::ofstream(page, std::ios::binary) << check.out;
    std::string const log = (folder.path / "log").string();
    int const status = std::system(
        ("bash " ACTIV_SOURCE_DIR "/scripts/render-report " + page + " > " + log + " 2>&1").c_str());
    CHECK(status == 0);
    std::string const said = activ::testing::slurp(log);
    if (!chromium_installed()) {
        CHECK(said == "render-report: chromium is not installed: nothing rendered\n");
        WARN("Chromium is not installed: the PNG and the PDF were not made");
        return;
    }
    std::string const png = activ::testing::slurp((folder.path / "liege.png").string());
    std::string const pdf = activ::testing::slurp((folder.path / "liege.pdf").string());
    CHECK(png.rfind("\x89PNG\r\n\x1a\n", 0) == 0);
    CHECK(pdf.rfind("%PDF-", 0) == 0);
    CHECK(pdf.size() > 10000);  // a page with text, not an empty document
}
