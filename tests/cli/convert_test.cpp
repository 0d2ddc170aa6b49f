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

TEST_CASE("convert --to jsonl: YAML files become one batch, checked as the files are",
          "[cli][json]") {
    activ::testing::TempFolder folder("activ-convert-jsonl");
    std::string const yamls =
        "examples/gent-2016.yaml examples/liege-2015.yaml examples/namur-2015.yaml";
    auto const converted = run_activ("convert " + yamls + " --to jsonl");
    REQUIRE(converted.status == 0);
    CHECK(std::count(converted.out.begin(), converted.out.end(), '\n') == 3);
    CHECK(converted.out.rfind("{\"format\":\"convention/1\",", 0) == 0);
    std::string const batch = (folder.path / "batch.jsonl").string();
    std::ofstream(batch, std::ios::binary) << converted.out;

    auto const from_files = run_activ("check " + yamls + " --format csv");
    auto const from_batch = run_activ("check " + batch + " --format csv");
    CHECK(from_batch.status == from_files.status);
    CHECK(from_batch.out == from_files.out);
    CHECK_FALSE(from_batch.out.empty());
}

TEST_CASE("one line of a batch, named as reports name it: FILE.jsonl:LINE", "[cli][json]") {
    // docs/json-examples/batch.jsonl holds the three examples, in the order of their names.
    auto const yaml = run_activ("convert docs/json-examples/batch.jsonl:2 --to yaml");
    CHECK(yaml.status == 0);
    CHECK(yaml.out == run_activ("convert docs/json-examples/liege-2015.json --to yaml").out);

    auto const checked = run_activ("check docs/json-examples/batch.jsonl:2 --format csv");
    CHECK(checked.status == 1);
    CHECK(checked.out == run_activ("check examples/liege-2015.yaml --format csv").out);

    auto const explained = run_activ("explain docs/json-examples/batch.jsonl:2 X5");
    CHECK(explained.status == 1);
    CHECK(explained.out.find("Expense X5 of convention AS-2015-0117 (year 2015), "
                             "docs/json-examples/batch.jsonl:2") != std::string::npos);

    auto const past_the_end = run_activ("convert docs/json-examples/batch.jsonl:9 --to yaml");
    CHECK(past_the_end.status == 2);
    CHECK(past_the_end.err.find("docs/json-examples/batch.jsonl:9: no convention on this line") !=
          std::string::npos);
    auto const whole = run_activ("convert docs/json-examples/batch.jsonl --to yaml");
    CHECK(whole.status == 2);
    CHECK(whole.out.empty());
    CHECK(whole.err.find("--to yaml writes one convention, and 3 were given") != std::string::npos);
    auto const explain_whole = run_activ("explain docs/json-examples/batch.jsonl X5");
    CHECK(explain_whole.status == 2);
    CHECK(explain_whole.err.find("holds 3 conventions; name one line") != std::string::npos);
}

TEST_CASE("an error on a line of a batch is placed at the file's line and column",
          "[cli][json]") {
    activ::testing::TempFolder folder("activ-convert-line-error");
    std::string lines = run_activ("convert examples/gent-2016.yaml --to jsonl").out;
    std::string second = run_activ("convert examples/liege-2015.yaml --to jsonl").out;
    std::string const date = "\"2015-03-31\"";
    size_t const at = second.find(date);
    REQUIRE(at != std::string::npos);
    second.replace(at, date.size(), "\"31/03/2015\"");
    lines += second;
    std::string const batch = (folder.path / "b.jsonl").string();
    std::ofstream(batch, std::ios::binary) << lines;

    auto const one = run_activ("convert " + batch + ":2 --to yaml");
    CHECK(one.status == 1);  // converted, and said to be invalid
    CHECK(one.out.find("31/03/2015") != std::string::npos);
    // Columns count characters, not bytes: "Liège" and "français" come before the date.
    auto const column = 1 + std::count_if(second.begin(), second.begin() + static_cast<long>(at),
                                           [](char c) { return (c & 0xC0) != 0x80; });
    std::string const where = batch + ":2:" + std::to_string(column) + ": error: ";
    INFO(one.err);
    CHECK(one.err.find(where) != std::string::npos);
    CHECK(one.err.find("expected a date (YYYY-MM-DD)") != std::string::npos);
}

TEST_CASE("the shipped JSON examples are the YAML examples, converted", "[cli][json]") {
    // What a program would send, kept equal to what activ writes from the YAML files.
    using activ::testing::slurp;
    CHECK(slurp(ACTIV_SOURCE_DIR "/docs/json-examples/liege-2015.json") ==
          run_activ("convert examples/liege-2015.yaml --to json").out);
    CHECK(slurp(ACTIV_SOURCE_DIR "/docs/json-examples/batch.jsonl") ==
          run_activ("convert examples/gent-2016.yaml examples/liege-2015.yaml "
                    "examples/namur-2015.yaml --to jsonl")
              .out);
    auto const json = run_activ("check docs/json-examples/liege-2015.json --format csv");
    CHECK(json.status == 1);
    CHECK(json.out == run_activ("check examples/liege-2015.yaml --format csv").out);
}
