// Choosing the rule file of a convention's year among those of a folder.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "engine/ruleset.hpp"

using namespace activ;
namespace fs = std::filesystem;

namespace {

struct RulesFolder {
    fs::path path = fs::temp_directory_path() /
                    ("activ-catalog-" + std::to_string(::getpid()) + "-" +
                     std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    RulesFolder() { fs::create_directories(path / "be"); }
    ~RulesFolder() { fs::remove_all(path); }
    void add(const std::string& name, const std::string& applies) {
        std::ofstream(path / "be" / name)
            << "ruleset \"" << name << "\" version 1 applies " << applies << "\n";
    }
};

}  // namespace

TEST_CASE("the shipped folder has a ruleset for 2015 and none for 2014", "[catalog]") {
    RulesetChoice ok = choose_ruleset(ACTIV_SOURCE_DIR "/rules", 2015);
    CHECK(ok.diagnostics.empty());
    CHECK(ok.path == ACTIV_SOURCE_DIR "/rules/be/social-activation-2015.rules");
    RulesetChoice none = choose_ruleset(ACTIV_SOURCE_DIR "/rules", 2014);
    REQUIRE(none.diagnostics.size() == 1);
    CHECK(none.path.empty());
    CHECK(none.diagnostics[0].message.rfind(
              "no ruleset for 2014 in " ACTIV_SOURCE_DIR "/rules; the rulesets found are:", 0) == 0);
}

TEST_CASE("two rule files covering the same year is an error naming both", "[catalog]") {
    RulesFolder folder;
    folder.add("a.rules", "2015-01-01 .. 2015-12-31");
    folder.add("b.rules", "2014-01-01 .. 2016-12-31");
    folder.add("c.rules", "2017-01-01 .. 2017-12-31");
    RulesetChoice choice = choose_ruleset(folder.path.string(), 2015);
    REQUIRE(choice.diagnostics.size() == 1);
    CHECK(choice.diagnostics[0].message.find(" apply to 2015; keep one") != std::string::npos);
    CHECK(choice.diagnostics[0].message.find("a.rules") != std::string::npos);
    CHECK(choice.diagnostics[0].message.find("b.rules") != std::string::npos);
    CHECK(choose_ruleset(folder.path.string(), 2017).path == (folder.path / "be" / "c.rules").string());
}

TEST_CASE("a broken rule file in the folder is reported, not skipped", "[catalog]") {
    RulesFolder folder;
    folder.add("a.rules", "2015-01-01 .. 2015-12-31");
    std::ofstream(folder.path / "be" / "broken.rules") << "ruleset \"x\" versio 1\n";
    RulesetChoice choice = choose_ruleset(folder.path.string(), 2015);
    REQUIRE(choice.diagnostics.size() == 1);
    CHECK(choice.diagnostics[0].line == 1);
    CHECK(choice.diagnostics[0].message.find("expected 'version'") == 0);
}

TEST_CASE("a folder that does not exist is a diagnostic", "[catalog]") {
    RulesetChoice choice = choose_ruleset("/nonexistent/rules", 2015);
    REQUIRE(choice.diagnostics.size() == 1);
    CHECK(choice.diagnostics[0].message == "rules folder not found");
}
