// Fuzz target: any bytes as a rule file, through the parser, the extends chain, the type
// checker, the compiler and lint; a file that compiles is then run over the shipped
// examples and rendered, since a rule's constants and arithmetic reach the evaluator.
// Diagnostics are the expected outcome of garbage; a crash, a sanitizer report, a hang or
// an escaping exception is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/load_convention.hpp"
#include "engine/report.hpp"
#include "engine/ruleset.hpp"

namespace {

// Loaded once: the conventions are not what this target varies.
const std::vector<activ::Convention>& examples() {
    static const std::vector<activ::Convention> loaded = [] {
        std::vector<activ::Convention> out;
        for (const char* name : {"liege-2015.yaml", "namur-2015.yaml", "gent-2016.yaml"}) {
            auto example =
                activ::load_convention_file(ACTIV_SOURCE_DIR "/examples/" + std::string(name));
            if (!example.convention) {
                std::cerr << "fuzz_rules: the example " << name << " does not load\n";
                std::abort();
            }
            out.push_back(std::move(*example.convention));
        }
        return out;
    }();
    return loaded;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    examples();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view const text(reinterpret_cast<const char*>(data), size);
    // Relative to the working folder: scripts/fuzz runs this target beside a copy of the
    // shipped rules, so that `extends "social-activation-2015.rules"` finds its base.
    activ::CompiledRuleset const rules = activ::compile_ruleset_text(text, "fuzz.rules");
    if (!rules.program) return 0;
    for (const auto& convention : examples()) {
        activ::Result const result =
            activ::evaluate(*rules.program, rules.info, convention, {"en"});
        activ::render_json(result);
        activ::render_text(result, "en");
    }
    return 0;
}
