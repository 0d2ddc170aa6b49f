// Fuzzing only: recognises the inputs on which yaml-cpp 0.7's Parser::HandleNextDocument
// returns true forever without consuming anything (a stray top-level `,`, e.g. the file
// ","; upstream jbeder/yaml-cpp#1040, fixed by #1319). engine/yaml_reader.cpp loops on
// HandleNextDocument and so hangs on them. Until the loader bounds that loop, the targets
// skip such inputs so that a campaign can look past this one known hang; the input is
// kept in tests/fuzz-regressions/open/. Delete this file when the loader is fixed.
#pragma once
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <sstream>
#include <string>
#include <string_view>

namespace activ::fuzz {

/// True when yaml-cpp would start a document twice at the same place, which it then
/// does for ever.
inline bool hangs_yaml_cpp(std::string_view text) {
    struct DocumentStarts : YAML::EventHandler {
        int last = -1;
        bool repeated = false;
        void OnDocumentStart(const YAML::Mark& mark) override {
            repeated = repeated || mark.pos == last;
            last = mark.pos;
        }
        void OnDocumentEnd() override {}
        void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
        void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
        void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                      const std::string&) override {}
        void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                             YAML::EmitterStyle::value) override {}
        void OnSequenceEnd() override {}
        void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                        YAML::EmitterStyle::value) override {}
        void OnMapEnd() override {}
    } starts;
    std::istringstream stream{std::string(text)};
    try {
        YAML::Parser parser(stream);
        while (!starts.repeated && parser.HandleNextDocument(starts)) {
        }
    } catch (const YAML::Exception&) {
        return false;  // a syntax error ends the loop in the loader too
    }
    return starts.repeated;
}

}  // namespace activ::fuzz
