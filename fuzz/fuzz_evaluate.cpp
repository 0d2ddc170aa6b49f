// Fuzz target: any bytes as a convention that, when it loads, is evaluated against the
// shipped rules and rendered as text and JSON (the JSON checked against nlohmann's). The loader only checks shapes and types,
// so this reaches what it lets through: odd dates, huge amounts, dangling references.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "engine/load_convention.hpp"
#include "engine/report.hpp"
#include "engine/ruleset.hpp"

namespace {

activ::CompiledRuleset compile_shipped(const std::string& name) {
    activ::CompiledRuleset rules =
        activ::compile_ruleset_file(ACTIV_SOURCE_DIR "/rules/be/" + name);
    if (!rules.program) {
        std::cerr << "fuzz_evaluate: the shipped rules " << name << " do not compile\n";
        std::abort();
    }
    return rules;
}

// The rules are not what this target varies, so they are compiled once per process.
const activ::CompiledRuleset& rules_2015() {
    static const activ::CompiledRuleset rules = compile_shipped("social-activation-2015.rules");
    return rules;
}
const activ::CompiledRuleset& rules_2016() {
    static const activ::CompiledRuleset rules = compile_shipped("social-activation-2016.rules");
    return rules;
}

void evaluate_and_render(const activ::CompiledRuleset& rules, const activ::Convention& convention,
                         const std::string& language) {
    activ::Result const result =
        activ::evaluate(*rules.program, rules.info, convention, {language});
    // The report's own writer must give the bytes nlohmann gives for the same document,
    // whatever text the convention holds: stored reports were written by nlohmann.
    std::string const json = activ::render_json(result);
    auto const parsed = nlohmann::ordered_json::parse(json);
    if (parsed.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n" !=
        json) {
        std::cerr << "fuzz_evaluate: the JSON report is not what nlohmann writes\n";
        std::abort();
    }
    activ::render_text(result, language);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    rules_2015();
    rules_2016();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view const text(reinterpret_cast<const char*>(data), size);
    activ::LoadedConvention const loaded = activ::load_convention_text(text, "fuzz.yaml");
    if (!loaded.convention) return 0;
    // The language varies with the input so that all three message tables are reached.
    static const char* const languages[] = {"fr", "nl", "en"};
    std::string const language = languages[size % 3];
    evaluate_and_render(rules_2015(), *loaded.convention, language);
    // The 2016 rules override and add checks that only a 2016 convention reaches.
    if (loaded.convention->year == 2016)
        evaluate_and_render(rules_2016(), *loaded.convention, language);
    return 0;
}
