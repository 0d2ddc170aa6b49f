// The check for bytes that are not text reads 8 bytes at a time where it can: a bad byte
// must be found at any place in a word, and good bytes of any kind must pass.
#include "dsl-grammar/diagnostic.hpp"

#include <catch2/catch.hpp>
#include <string>

TEST_CASE("the first byte that is not text is found at any place in a line", "[diagnostic]") {
    const std::string good_bytes[] = {"a", " ", "~", "\t", "\n", "\r", "\xC3\xA9", "\xE2\x82\xAC",
                                      "\xF0\x9F\x98\x80"};
    const std::string bad_bytes[] = {std::string(1, '\0'), "\x01", "\x1F", "\x7F", "\x80",
                                     "\xC0\xAF", "\xED\xA0\x80", "\xFF"};
    for (const auto& good : good_bytes) {
        std::string text;
        for (int i = 0; i < 40; ++i) text += i % 3 == 0 ? good : "x";
        CHECK(activ::first_non_text_byte(text) == std::string::npos);
    }
    for (size_t length = 1; length < 24; ++length) {
        for (size_t at = 0; at < length; ++at) {
            for (const auto& bad : bad_bytes) {
                std::string text(length, 'a');
                text.replace(at, 1, bad);
                text += "\xC3\xA9 and more";
                CAPTURE(length, at, bad);
                CHECK(activ::first_non_text_byte(text) == at);
            }
        }
    }
}
