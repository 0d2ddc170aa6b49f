// The JSON writer gives the bytes nlohmann::json's dump(2) gives for the same document:
// reports kept in stores were written by nlohmann, and a report must not change when the
// engine that writes it does.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>

#include "engine/json_writer.hpp"
#include "engine/report.hpp"
#include "tests/support/check_convention.hpp"

namespace {

using ordered_json = nlohmann::ordered_json;

std::string nlohmann_dump(const ordered_json& doc) {
    return doc.dump(2, ' ', false, ordered_json::error_handler_t::replace);
}

std::string written(const std::string& text) {
    std::string out;
    activ::JsonWriter writer(out);
    writer.string(text);
    return out;
}

}  // namespace

TEST_CASE("the JSON writer escapes strings as nlohmann does, bad UTF-8 included",
          "[report][json]") {
    std::string every_control;
    for (char c = 1; c < 0x20; ++c) every_control += c;
    for (const std::string& text : {std::string("plain"), std::string(""),
                                   std::string("quote \" and backslash \\ and slash /"),
                                   every_control, std::string("\x7f del"),
                                   std::string("é, ë, 日本, 🙂"), std::string("nul \0 inside", 12),
                                   std::string("cut \xc3"), std::string("lone \x80 byte"),
                                   std::string("overlong \xc0\xaf"),
                                   std::string("surrogate \xed\xa0\x80 half"),
                                   std::string("\xff\xfe bad start, then é")}) {
        INFO(text);
        CHECK(written(text) == nlohmann_dump(ordered_json(text)));
    }
}

TEST_CASE("the JSON writer finds a character to escape wherever it is in a long string",
          "[report][json]") {
    for (char const special : {'"', '\\', '\n', '\x01', '\x1f'}) {
        for (size_t at = 0; at < 24; ++at) {
            std::string text = "Atelier de français, 24 séances";
            text[at] = special;
            INFO(at);
            CHECK(written(text) == nlohmann_dump(ordered_json(text)));
        }
    }
    std::string const not_special = " !#$%&'()*+,-./0123456789[]^_`{|}~\x7f";
    CHECK(written(not_special) == '"' + not_special + '"');
}

TEST_CASE("the JSON writer nests and indents as nlohmann does", "[report][json]") {
    std::string out;
    activ::JsonWriter w(out);
    w.begin_object();
    w.field("name", "Liège");
    w.field("count", int64_t{-42});
    w.field("ok", true);
    w.key("nothing");
    w.null();
    w.key("empty object");
    w.begin_object();
    w.end_object();
    w.key("empty list");
    w.begin_array();
    w.end_array();
    w.key("list");
    w.begin_array();
    w.integer(1);
    w.begin_object();
    w.field("deep", false);
    w.end_object();
    w.begin_array();
    w.end_array();
    w.end_array();
    w.end_object();

    ordered_json expected;
    expected["name"] = "Liège";
    expected["count"] = -42;
    expected["ok"] = true;
    expected["nothing"] = nullptr;
    expected["empty object"] = ordered_json::object();
    expected["empty list"] = ordered_json::array();
    expected["list"] = {1, {{"deep", false}}, ordered_json::array()};
    CHECK(out == nlohmann_dump(expected));
}

TEST_CASE("a JSON report is what nlohmann writes for the same document", "[report][json]") {
    for (const char* name : {"liege-2015.yaml", "gent-2016.yaml", "namur-2015.yaml"}) {
        INFO(name);
        std::string const json = activ::render_json(activ::testing::check_example(name).result);
        CHECK(nlohmann_dump(ordered_json::parse(json)) + "\n" == json);
    }
}

TEST_CASE("a key given twice in an explanation keeps its place and takes its last value",
          "[report][json]") {
    activ::Result result = activ::testing::check_example("liege-2015.yaml").result;
    REQUIRE_FALSE(result.findings.empty());
    result.findings[0].explanation = {{"a", "1"}, {"b", "2"}, {"a", "3"}, {"c", "\x80"}};
    ordered_json const finding = ordered_json::parse(activ::render_json(result))["findings"][0];
    ordered_json expected;
    expected["a"] = "3";
    expected["b"] = "2";
    expected["c"] = "\xef\xbf\xbd";  // U+FFFD for the byte that is not UTF-8
    CHECK(finding["explanation"].dump() == expected.dump());
}
