// `activ convert` and reading conventions from standard input, as a clerk and a program use
// them: what a program sent, shown in YAML; what a person wrote, sent as JSON.
#include <catch2/catch.hpp>
#include <algorithm>
#include <fstream>
#include <string>

#include "tests/support/run_activ.hpp"
#include "tests/support/temp_folder.hpp"

using activ::testing::run_activ;

TEST_CASE("convert: YAML to JSON and back gives the same report", "[cli][json]") {
    activ::testing::TempFolder folder("activ-convert");
    std::string const json = (folder.path / "liege.json").string();
    auto const to_json = run_activ("convert examples/liege-2015.yaml --to json");
    REQUIRE(to_json.status == 0);
    CHECK(to_json.out.find("\"subsidy\": 32000.00,") != std::string::npos);
    CHECK(to_json.out.find("\"nis\": \"62063\"") != std::string::npos);
    std::ofstream(json, std::ios::binary) << to_json.out;
    auto const to_yaml = run_activ("convert " + json + " --to yaml");
    REQUIRE(to_yaml.status == 0);
    CHECK(to_yaml.out.find("    nis: \"62063\"\n") != std::string::npos);
    CHECK(to_yaml.out.find("  subsidy: 32000.00\n") != std::string::npos);
    std::string const yaml = (folder.path / "liege.yaml").string();
    std::ofstream(yaml, std::ios::binary) << to_yaml.out;

    auto const original = run_activ("check examples/liege-2015.yaml --format csv");
    CHECK(run_activ("check " + json + " --format csv").out == original.out);
    CHECK(run_activ("check " + yaml + " --format csv").out == original.out);
    // Standard input, as JSON.
    auto const piped = run_activ("check - --input json --format csv", ACTIV_SOURCE_DIR, json);
    CHECK(piped.out == original.out);
    CHECK(piped.status == 1);
}

TEST_CASE("convert: an invalid convention is converted, with its errors", "[cli][json]") {
    auto const run = run_activ("convert tests/bad-input/conventions/date-slashes.yaml --to json");
    CHECK(run.status == 1);
    CHECK(run.out.find("\"date\": \"31/03/2015\"") != std::string::npos);
    CHECK(run.err.find("expected a date (YYYY-MM-DD)") != std::string::npos);
    auto const unparsable = run_activ("convert tests/bad-input/conventions/alias-in-known-list.yaml --to json");
    CHECK(unparsable.status == 2);
    CHECK(unparsable.out.empty());
}

TEST_CASE("db import takes a JSON Lines batch, one submission per line", "[cli][json][db]") {
    activ::testing::TempFolder folder("activ-import-jsonl");
    std::string lines;
    for (const char* name : {"examples/gent-2016.yaml", "examples/liege-2015.yaml"}) {
        std::string one = run_activ(std::string("convert ") + name + " --to json").out;
        one.erase(std::remove(one.begin(), one.end(), '\n'), one.end());
        lines += one + "\n";
    }
    std::string const batch = (folder.path / "batch.jsonl").string();
    std::ofstream(batch, std::ios::binary) << lines;
    std::string const store = (folder.path / "s.sqlite").string();
    REQUIRE(run_activ("db init " + store).status == 0);
    auto const imported = run_activ("db import " + store + " " + batch);
    CHECK(imported.status == 0);
    CHECK(imported.out ==
          "imported 2 conventions: 2 accepted, 0 rejected (kept with their errors), 0 already "
          "stored\n");
    REQUIRE(run_activ("db check " + store).status == 0);
    auto const shown = run_activ("db show " + store + " AS-2015-0117");
    CHECK(shown.out.find("from " + batch + ":2 (error)") != std::string::npos);
}
