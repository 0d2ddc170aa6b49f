// JSON conventions: the same contract as YAML, read by another parser into the same
// loader. Every example and every malformed convention of tests/bad-input/ is written in
// JSON (activ convert) and must give the same convention, or the same errors.
#include <catch2/catch.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "engine/convention_source.hpp"
#include "engine/convert.hpp"
#include "engine/load_convention.hpp"
#include "engine/report.hpp"
#include "engine/ruleset.hpp"
#include "tests/support/run_activ.hpp"
#include "tests/support/temp_folder.hpp"

namespace fs = std::filesystem;

namespace {

using activ::InputFormat;

// The messages, without positions: the JSON is laid out otherwise, so lines differ.
std::vector<std::string> messages(const std::vector<activ::Diagnostic>& diagnostics) {
    std::vector<std::string> out;
    std::regex const line(R"(line [0-9]+)");
    for (const auto& d : diagnostics) out.push_back(std::regex_replace(d.message, line, "line N"));
    std::sort(out.begin(), out.end());  // by position in each file: the layouts differ
    return out;
}

// What the rules decide on a convention, as the JSON report says it: the model itself
// also holds each item's position in its file, which differs between the two layouts.
std::string decided(const activ::Convention& c) {
    static const activ::CompiledRuleset rules_2015 =
        activ::compile_ruleset_file(ACTIV_SOURCE_DIR "/rules/be/social-activation-2015.rules");
    static const activ::CompiledRuleset rules_2016 =
        activ::compile_ruleset_file(ACTIV_SOURCE_DIR "/rules/be/social-activation-2016.rules");
    const activ::CompiledRuleset& rules = c.year == 2016 ? rules_2016 : rules_2015;
    REQUIRE(rules.program);
    return activ::render_json(activ::evaluate(*rules.program, rules.info, c, {}));
}

std::vector<fs::path> yaml_conventions() {
    std::vector<fs::path> out;
    for (const char* folder : {"examples", "tests/bad-input/conventions"}) {
        for (const auto& e : fs::directory_iterator(fs::path(ACTIV_SOURCE_DIR) / folder))
            if (e.path().extension() == ".yaml") out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("every example and malformed convention reads the same in JSON", "[json]") {
    size_t compared = 0;
    for (const auto& path : yaml_conventions()) {
        std::string const yaml = activ::testing::slurp(path.string());
        activ::Conversion const json =
            activ::convert_convention(yaml, path.string(), InputFormat::yaml, activ::OutputFormat::json);
        // Anchors, aliases, YAML syntax errors, empty files: nothing to write in JSON.
        if (!json.text) continue;
        // JSON has no number with a leading zero: 02015 can only be the string "02015".
        if (path.filename() == "year-leading-zero.yaml") continue;
        INFO(path.filename().string() << "\n" << *json.text);
        ++compared;
        auto const from_yaml = activ::load_convention_text(yaml, "c", {}, InputFormat::yaml);
        auto const from_json = activ::load_convention_text(*json.text, "c", {}, InputFormat::json);
        CHECK(messages(from_json.diagnostics) == messages(from_yaml.diagnostics));
        REQUIRE(from_json.convention.has_value() == from_yaml.convention.has_value());
        if (from_yaml.convention) {
            CHECK(decided(*from_json.convention) == decided(*from_yaml.convention));
        }
        // On one line, as a record of a JSON Lines batch: the same again.
        activ::Conversion const record = activ::convert_convention(
            yaml, path.string(), InputFormat::yaml, activ::OutputFormat::json_line);
        REQUIRE(record.text);
        CHECK(std::count(record.text->begin(), record.text->end(), '\n') == 1);
        auto const from_record = activ::load_convention_text(*record.text, "c", {}, InputFormat::json);
        CHECK(messages(from_record.diagnostics) == messages(from_yaml.diagnostics));
        if (from_yaml.convention && from_record.convention) {
            CHECK(decided(*from_record.convention) == decided(*from_yaml.convention));
        }
        // And back: the YAML written from the JSON loads to the same.
        activ::Conversion const back = activ::convert_convention(
            *json.text, "c.json", InputFormat::json, activ::OutputFormat::yaml);
        REQUIRE(back.text);
        auto const again = activ::load_convention_text(*back.text, "c", {}, InputFormat::yaml);
        CHECK(messages(again.diagnostics) == messages(from_yaml.diagnostics));
    }
    CHECK(compared > 60);
}

TEST_CASE("a JSON error names its line and column", "[json]") {
    auto const bad_date = activ::load_convention_text(
        "{\"format\": \"convention/1\",\n \"convention\": {\"id\": \"X\", \"year\": 2015,\n"
        "  \"period\": {\"start\": \"2015-02-30\"}}}",
        "c.json", {}, InputFormat::json);
    REQUIRE_FALSE(bad_date.convention);
    auto const date = std::find_if(bad_date.diagnostics.begin(), bad_date.diagnostics.end(),
                                   [](const activ::Diagnostic& d) {
                                       return d.message == "invalid date '2015-02-30' for 'start' in the period: no such day";
                                   });
    REQUIRE(date != bad_date.diagnostics.end());
    CHECK(date->line == 3);
    CHECK(date->column == 23);  // at the opening quote of the value

    auto const syntax = activ::load_convention_text("{\"format\": \"convention/1\",\n  \"x\": [1, 2,]}",
                                                    "c.json", {}, InputFormat::json);
    REQUIRE(syntax.diagnostics.size() == 1);
    CHECK(syntax.diagnostics[0].line == 2);
    CHECK(syntax.diagnostics[0].message.rfind("JSON syntax error: ", 0) == 0);

    auto const money = activ::load_convention_text(
        "{\"format\": \"convention/1\", \"convention\": {\"subsidy\": 12.345}}", "c.json", {},
        InputFormat::json);
    bool decimals = false;
    for (const auto& d : money.diagnostics)
        decimals = decimals || d.message == "money has more than 2 decimals: '12.345' for 'subsidy' in the convention";
    CHECK(decimals);

    auto const trailing = activ::load_convention_text("{} {}", "c.json", {}, InputFormat::json);
    REQUIRE(trailing.diagnostics.size() == 1);
    CHECK(trailing.diagnostics[0].column == 4);
}

TEST_CASE("money in JSON is exact, written as a number or as a string", "[json]") {
    std::string yaml = activ::testing::slurp(ACTIV_SOURCE_DIR "/examples/liege-2015.yaml");
    auto const json = activ::convert_convention(yaml, "l", InputFormat::yaml, activ::OutputFormat::json);
    REQUIRE(json.text);
    std::string as_strings = *json.text;
    as_strings = std::regex_replace(as_strings, std::regex(R"("amount": ([0-9.]+))"), "\"amount\": \"$1\"");
    CHECK(as_strings != *json.text);
    auto const a = activ::load_convention_text(*json.text, "c", {}, InputFormat::json);
    auto const b = activ::load_convention_text(as_strings, "c", {}, InputFormat::json);
    REQUIRE(a.convention);
    REQUIRE(b.convention);
    CHECK(decided(*a.convention) == decided(*b.convention));
    // 0.1 + 0.2 style amounts stay to the cent.
    CHECK(a.convention->expenses[2].amount.cents == 21235);
}

TEST_CASE("a JSON Lines file is a batch, each line named and placed in the file", "[json]") {
    activ::testing::TempFolder folder("activ-jsonl");
    std::string lines;
    for (const char* name : {"gent-2016.yaml", "liege-2015.yaml"}) {
        std::string const yaml =
            activ::testing::slurp(std::string(ACTIV_SOURCE_DIR "/examples/") + name);
        auto json = activ::convert_convention(yaml, name, InputFormat::yaml, activ::OutputFormat::json);
        REQUIRE(json.text);
        std::string one = *json.text;
        one.erase(std::remove(one.begin(), one.end(), '\n'), one.end());
        lines += one + "\n\n";  // a blank line between is skipped
    }
    lines += "{\"format\": \"convention/1\", \"convention\": {\"id\": 7}}\n";
    std::string const path = (folder.path / "batch.jsonl").string();
    std::ofstream(path, std::ios::binary) << lines;
    std::string error;
    auto const sources = activ::convention_sources({path}, "", error);
    REQUIRE(sources.size() == 3);
    CHECK(sources[0].name == path + ":1");
    CHECK(sources[1].name == path + ":3");
    CHECK(sources[2].name == path + ":5");
    auto const gent = activ::load_convention_source(sources[0], {});
    REQUIRE(gent.convention);
    CHECK(gent.convention->id == "MA-2016-0203");
    CHECK(gent.convention->file == path + ":1");
    auto const broken = activ::load_convention_source(sources[2], {});
    REQUIRE_FALSE(broken.convention);
    CHECK(broken.diagnostics.front().file == path);
    CHECK(broken.diagnostics.front().line == 5);

    auto const run = activ::testing::run_activ("check " + path + " --format json");
    CHECK(run.status == 2);  // the third line is refused; the other two are reported
    CHECK(run.out.find("\"file\": \"" + path + ":3\"") != std::string::npos);
    CHECK(run.err.find(path + ":5:") == 0);
}

TEST_CASE("a line of a JSON Lines file cut short after it was listed cannot be read", "[json]") {
    activ::testing::TempFolder folder("activ-jsonl-cut");
    std::string const line = "{\"format\": \"convention/1\", \"convention\": {\"id\": 7}}\n";
    std::string const path = (folder.path / "batch.jsonl").string();
    std::ofstream(path, std::ios::binary) << line << line;
    std::string error;
    auto const sources = activ::convention_sources({path}, "", error);
    REQUIRE(sources.size() == 2);
    std::ofstream(path, std::ios::binary) << line << line.substr(0, 10);

    auto const cut = activ::load_convention_source(sources[1], {});
    REQUIRE_FALSE(cut.convention);
    REQUIRE(cut.diagnostics.size() == 1);
    CHECK(cut.diagnostics.front().file == path + ":2");
    CHECK(cut.diagnostics.front().message == "cannot read: the file changed while it was read");
    std::string why;  // db import reads the bytes to keep them: the same answer
    CHECK_FALSE(activ::read_source(sources[1], 1000, why));
    CHECK(why == "the file changed while it was read");
    // The first line is still there and read whole: its errors are about the convention.
    auto const first = activ::load_convention_source(sources[0], {});
    REQUIRE_FALSE(first.diagnostics.empty());
    CHECK(first.diagnostics.front().line == 1);
    CHECK_THAT(first.diagnostics.front().message, Catch::StartsWith("missing required key"));
}
