// Fuzz target: any bytes as a rule file, through the parser, the extends chain, the type
// checker, the compiler and lint. Diagnostics are the expected outcome of garbage; a crash,
// a sanitizer report, a hang or an escaping exception is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "engine/ruleset.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view const text(reinterpret_cast<const char*>(data), size);
    // Relative to the working folder: scripts/fuzz runs this target beside a copy of the
    // shipped rules, so that `extends "social-activation-2015.rules"` finds its base.
    activ::compile_ruleset_text(text, "fuzz.rules");
    return 0;
}
