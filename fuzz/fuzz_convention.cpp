// Fuzz target: any bytes as a convention file, through yaml-cpp and the strict loader,
// then through simdjson and the same loader.
// Diagnostics are the expected outcome of garbage; a crash, a sanitizer report, a hang or
// an escaping exception is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "engine/load_convention.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view const text(reinterpret_cast<const char*>(data), size);
    activ::load_convention_text(text, "fuzz.yaml");
    activ::load_convention_text(text, "fuzz.json", {}, activ::InputFormat::json);
    return 0;
}
