// Checking many files at once: outcomes come back in the files' order whatever the number
// of threads, broken files do not stop the others, and folders expand to their files.
#include "engine/batch.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "tests/support/temp_folder.hpp"

namespace fs = std::filesystem;

namespace {

const std::string source_dir = ACTIV_SOURCE_DIR;

using activ::testing::TempFolder;

/// The three examples, then a broken file, repeated: 4 x `rounds` files in a fixed order.
std::vector<std::string> mixed_batch(int rounds) {
    std::vector<std::string> files;
    for (int i = 0; i < rounds; ++i) {
        files.push_back(source_dir + "/examples/liege-2015.yaml");
        files.push_back(source_dir + "/examples/gent-2016.yaml");
        files.push_back(source_dir + "/examples/namur-2015.yaml");
        files.push_back(source_dir + "/tests/bad-input/conventions/alias-in-known-list.yaml");
    }
    return files;
}

struct Collected {
    std::vector<activ::FileOutcome> outcomes;
    activ::FileStatus worst = activ::FileStatus::clean;
    activ::BatchTimings timings;
};

Collected run_batch(const std::vector<std::string>& files, unsigned jobs,
                    const std::string& format = "json") {
    activ::BatchOptions options;
    options.rules_dir = source_dir + "/rules";
    options.format = format;
    options.language = "en";
    options.jobs = jobs;
    Collected out;
    out.worst = activ::check_files(
        options, activ::sources_of(files), [](std::string_view) {},
        [&](const activ::FileOutcome& o) { out.outcomes.push_back(o); }, &out.timings);
    return out;
}

}  // namespace

TEST_CASE("a batch hands outcomes back in the files' order, whatever the threads", "[batch]") {
    auto const files = mixed_batch(6);
    Collected const alone = run_batch(files, 1);
    Collected const pooled = run_batch(files, 3);
    REQUIRE(alone.outcomes.size() == files.size());
    REQUIRE(pooled.outcomes.size() == files.size());
    for (size_t i = 0; i < files.size(); ++i) {
        INFO("file " << i << ": " << files[i]);
        CHECK(pooled.outcomes[i].file == files[i]);
        CHECK(pooled.outcomes[i].report == alone.outcomes[i].report);
        CHECK(pooled.outcomes[i].diagnostics == alone.outcomes[i].diagnostics);
        CHECK(pooled.outcomes[i].status == alone.outcomes[i].status);
    }
    // liege has errors, gent is clean, the aliased file cannot be read.
    CHECK(alone.outcomes[0].status == activ::FileStatus::findings);
    CHECK(alone.outcomes[1].status == activ::FileStatus::clean);
    CHECK(alone.outcomes[3].status == activ::FileStatus::unreadable);
    CHECK(alone.outcomes[3].report.empty());
    CHECK(alone.outcomes[3].diagnostics.find(":13:25: error: YAML syntax error") != std::string::npos);
    CHECK(alone.worst == activ::FileStatus::unreadable);
    CHECK(pooled.worst == activ::FileStatus::unreadable);
}

TEST_CASE("a batch counts what it checked", "[batch]") {
    Collected const c = run_batch(mixed_batch(2), 2);
    // 6 readable conventions; the broken files count for nothing.
    CHECK(c.timings.files == 6);
    CHECK(c.timings.items > 0);
    CHECK(c.timings.bytes > 0);
    CHECK(c.timings.wall > 0);
    CHECK(c.timings.load > 0);
}

TEST_CASE("a rule file's diagnostics come once, with the first file that uses it", "[batch]") {
    TempFolder folder("activ-batch-rules");
    std::ofstream(folder.path / "typo.rules")
        << "ruleset \"typo\" version 1\n"
           "  applies 2015-01-01 .. 2015-12-31\n"
           "check convention.has-id on convention\n"
           "  error when idd is missing\n"
           "  message en \"no id\"\n";
    activ::BatchOptions options;
    options.rules_dir = folder.path.string();
    options.jobs = 2;
    std::vector<activ::FileOutcome> outcomes;
    auto const files = std::vector<std::string>(5, source_dir + "/examples/liege-2015.yaml");
    auto const worst =
        activ::check_files(options, activ::sources_of(files), [](std::string_view) {},
                           [&](const activ::FileOutcome& o) { outcomes.push_back(o); });
    CHECK(worst == activ::FileStatus::unreadable);
    REQUIRE(outcomes.size() == 5);
    CHECK(outcomes[0].diagnostics.find("typo.rules:4:14: error:") != std::string::npos);
    for (size_t i = 1; i < outcomes.size(); ++i) {
        CHECK(outcomes[i].diagnostics.empty());
        CHECK(outcomes[i].report.empty());
        CHECK(outcomes[i].status == activ::FileStatus::unreadable);
    }
}

TEST_CASE("rules that do not compile check no file", "[batch]") {
    TempFolder folder("activ-batch-broken");
    std::ofstream(folder.path / "broken.rules") << "ruleset \"broken\" version\n";
    activ::BatchOptions options;
    options.rules = (folder.path / "broken.rules").string();
    std::string said;
    int emitted = 0;
    auto const worst = activ::check_files(
        options, activ::sources_of(mixed_batch(1)), [&](std::string_view d) { said += d; },
        [&](const activ::FileOutcome&) { ++emitted; });
    CHECK(worst == activ::FileStatus::unreadable);
    CHECK(emitted == 0);
    CHECK(said.find("broken.rules:2:1: error: expected a version") != std::string::npos);
}

TEST_CASE("a folder stands for its convention files, sorted, under every subfolder", "[batch]") {
    TempFolder folder("activ-batch-expand");
    fs::create_directories(folder.path / "b");
    for (const char* name : {"b/2.yaml", "a.yml", "c.yaml", "notes.txt", "b/1.yaml"}) {
        std::ofstream(folder.path / name) << "x";
    }
    std::string error;
    auto const files = activ::expand_convention_paths({folder.path.string(), "lone.yaml"}, error);
    CHECK(error.empty());
    std::string const base = folder.path.string() + "/";
    CHECK(files == std::vector<std::string>{base + "a.yml", base + "b/1.yaml", base + "b/2.yaml",
                                            base + "c.yaml", "lone.yaml"});
}

TEST_CASE("a folder without convention files is an error that names it", "[batch]") {
    TempFolder folder("activ-batch-empty");
    std::ofstream(folder.path / "readme.txt") << "nothing here";
    std::string error;
    auto const files = activ::expand_convention_paths({folder.path.string()}, error);
    CHECK(files.empty());
    CHECK(error == folder.path.string() + ": no convention file (*.yaml, *.yml) in this folder");
}
