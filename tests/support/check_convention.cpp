// Test support: inline conventions checked against the shipped 2015 rules.
#include "tests/support/check_convention.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "engine/load_convention.hpp"
#include "engine/ruleset.hpp"

namespace activ::testing {

std::string convention_2015(const std::string& actions, const std::string& expenses,
                            const std::string& tail) {
    std::string yaml = R"(format: convention/1
convention:
  id: T-2015-1
  year: 2015
  cpas: {name: CPAS de Test, nis: "99999"}
  period: {start: 2015-01-01, end: 2015-12-31}
  submitted_on: 2015-08-20
  subsidy: 10000.00
)";
    yaml += "  actions:\n";
    yaml += actions.empty() ? "    - {id: A1, kind: collective, title: Atelier de français, "
                              "category: language_course}\n"
                            : actions;
    yaml += "  expenses:\n";
    yaml += expenses.empty() ? "    - {id: E1, date: 2015-03-31, amount: 100.00, action: A1, "
                               "cost_type: operating, document: F-1}\n"
                             : expenses;
    return yaml + tail;
}

CheckedConvention check_text(const std::string& yaml, const std::string& name,
                             const std::string& language) {
    LoadedConvention loaded = load_convention_text(yaml, name);
    for (const auto& d : loaded.diagnostics) INFO(render(d));
    REQUIRE(loaded.convention);
    RulesetChoice const choice = choose_ruleset(ACTIV_SOURCE_DIR "/rules", loaded.convention->year);
    REQUIRE(!choice.path.empty());
    CompiledRuleset const rules = compile_ruleset_file(choice.path);
    REQUIRE(rules.program);
    Result result =
        evaluate(*rules.program, rules.info, *loaded.convention, EvaluationOptions{language});
    return {std::move(*loaded.convention), std::move(result)};
}

std::string example_text(const std::string& name) {
    std::ifstream in(std::string(ACTIV_SOURCE_DIR "/examples/") + name);
    REQUIRE(in);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

CheckedConvention check_example(const std::string& name) {
    return check_text(example_text(name), name);
}

Result check_2015(const std::string& yaml) {
    static const CompiledRuleset rules =
        compile_ruleset_file(ACTIV_SOURCE_DIR "/rules/be/social-activation-2015.rules");
    REQUIRE(rules.program);
    LoadedConvention loaded = load_convention_text(yaml, "test.yaml");
    for (const auto& d : loaded.diagnostics) INFO(render(d));
    REQUIRE(loaded.convention);
    return evaluate(*rules.program, rules.info, *loaded.convention);
}

std::vector<std::string> fired(const Result& result, const std::string& rule) {
    std::vector<std::string> ids;
    for (const auto& f : result.findings) {
        if (f.rule == rule) ids.push_back(f.subject_id);
    }
    return ids;
}

const Finding& finding(const Result& result, const std::string& rule,
                       const std::string& subject_id) {
    const Finding* found = nullptr;
    int count = 0;
    for (const auto& f : result.findings) {
        if (f.rule == rule && f.subject_id == subject_id) {
            found = &f;
            ++count;
        }
    }
    INFO("rule " << rule << " on " << subject_id);
    REQUIRE(count == 1);
    return *found;
}

std::string activation_of(const Result& result, const std::string& action_id) {
    for (const auto& d : result.actions) {
        if (d.subject_id == action_id) return d.outcome;
    }
    FAIL("no action " << action_id);
    return {};
}

}  // namespace activ::testing
