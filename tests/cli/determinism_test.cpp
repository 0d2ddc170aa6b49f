// The same convention and rules give the same bytes, run after run: reports are compared
// and stored, so nothing in them may depend on addresses, hashing or the clock.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "tests/support/run_activ.hpp"

namespace fs = std::filesystem;

namespace {

using activ::testing::ActivRun;
using activ::testing::run_activ;

std::vector<std::string> examples() {
    std::vector<std::string> out;
    for (const auto& entry : fs::directory_iterator(fs::path(ACTIV_SOURCE_DIR) / "examples")) {
        if (entry.path().extension() == ".yaml") {
            out.push_back("examples/" + entry.path().filename().string());
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

// Runs `arguments` twice: the same status, the same bytes on both streams.
void same_twice(const std::string& arguments) {
    INFO("activ " << arguments);
    const ActivRun first = run_activ(arguments);
    const ActivRun second = run_activ(arguments);
    CHECK((first.status == 0 || first.status == 1));
    CHECK_FALSE(first.out.empty());
    CHECK(first.status == second.status);
    CHECK(first.out == second.out);
    CHECK(first.err == second.err);
}

YAML::Node reversed(const YAML::Node& list) {
    YAML::Node out(YAML::NodeType::Sequence);
    for (size_t i = list.size(); i > 0; --i) out.push_back(list[i - 1]);
    return out;
}

}  // namespace

TEST_CASE("every example gives the same bytes twice, in JSON and in text", "[determinism]") {
    const auto files = examples();
    REQUIRE(files.size() >= 3);
    for (const auto& file : files) {
        same_twice("check --format json " + file);
        same_twice("check --format text " + file);
        same_twice("check --format text --lang nl " + file);
    }
    std::string all;
    for (const auto& file : files) all += " " + file;
    same_twice("check --format json" + all);
}

TEST_CASE("a convention with its lists in another order is as stable", "[determinism]") {
    const fs::path scratch =
        fs::temp_directory_path() / ("activ-determinism-" + std::to_string(::getpid()));
    fs::create_directories(scratch);
    for (const auto& file : examples()) {
        YAML::Node doc = YAML::LoadFile(std::string(ACTIV_SOURCE_DIR) + "/" + file);
        YAML::Node convention = doc["convention"];
        for (const char* list : {"actions", "expenses", "beneficiaries"}) {
            if (convention[list]) convention[list] = reversed(convention[list]);
        }
        if (convention["evaluation"] && convention["evaluation"]["objectives"]) {
            convention["evaluation"]["objectives"] =
                reversed(convention["evaluation"]["objectives"]);
        }
        YAML::Emitter emitter;
        emitter << doc;
        const std::string copy = (scratch / fs::path(file).filename()).string();
        std::ofstream(copy) << emitter.c_str() << "\n";
        same_twice("check --format json " + copy);
        same_twice("check --format text " + copy);
    }
    std::error_code ec;
    fs::remove_all(scratch, ec);
}

TEST_CASE("a batch gives the same bytes on one thread and on four", "[determinism]") {
    // Good and broken files mixed, so that reports and diagnostics interleave.
    std::string const batch = "examples tests/bad-input/conventions examples/liege-2015.yaml";
    for (const char* format : {"text", "json", "html", "csv"}) {
        INFO("format " << format);
        const ActivRun one = run_activ(std::string("check --jobs 1 --format ") + format + " " + batch);
        const ActivRun four = run_activ(std::string("check --jobs 4 --format ") + format + " " + batch);
        CHECK(one.status == 2);
        CHECK_FALSE(one.out.empty());
        CHECK_FALSE(one.err.empty());
        CHECK(four.status == one.status);
        CHECK(four.out == one.out);
        CHECK(four.err == one.err);
    }
}
