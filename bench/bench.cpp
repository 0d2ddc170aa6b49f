// Measures, side by side in one run over a batch of conventions: yaml-cpp parsing alone
// (the floor), activ's loader, the rules engine's evaluation alone, and the same 2015
// checks written by hand (bench/baseline). Prints the figures and the ratios.
// With --jsonl FILE: the same batch as JSON Lines, read by hand with simdjson and checked
// by hand (bench/json_baseline), against activ's loading of the file and its evaluation.
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "bench/baseline.hpp"
#include "bench/json_baseline.hpp"
#include "engine/convention_source.hpp"
#include "engine/load_convention.hpp"
#include "engine/read_file.hpp"
#include "engine/ruleset.hpp"
#include "engine/process_memory.hpp"

namespace {

using clock_type = std::chrono::steady_clock;

double seconds_since(clock_type::time_point start) {
    return std::chrono::duration<double>(clock_type::now() - start).count();
}

/// The best of `rounds` runs: the machine's noise only ever adds time.
template <typename F>
double best_of(int rounds, F&& run) {
    double best = 1e30;
    for (int i = 0; i < rounds; ++i) {
        auto const start = clock_type::now();
        run();
        best = std::min(best, seconds_since(start));
    }
    return best;
}

/// yaml-cpp's event parser with nothing done on the events: the floor of any loader
/// built on yaml-cpp.
struct NoHandler : YAML::EventHandler {
    void OnDocumentStart(const YAML::Mark&) override {}
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
};

int usage() {
    std::fprintf(stderr,
                 "usage: bench [--parse-only] [--rounds N] [--rules FILE] DIR\n"
                 "       bench [--rounds N] [--rules FILE] --jsonl FILE\n"
                 "Reads every *.yaml of DIR (see bench/generate), then times yaml-cpp alone,\n"
                 "the loader, the evaluation, and the hand-written 2015 checks.\n"
                 "With --jsonl: simdjson and the 2015 checks by hand, against activ's loading\n"
                 "of FILE and its evaluation.\n");
    return 2;
}

/// JSON mode: the hand-written floor (simdjson On-Demand + the hand-written checks)
/// against activ reading the same .jsonl as `activ check` does, then evaluating.
int bench_jsonl(const std::string& file, int rounds, const std::string& rules) {
    std::string why;
    auto text = activ::read_whole_file(file, why);
    if (!text) {
        std::fprintf(stderr, "bench: %s: %s\n", file.c_str(), why.c_str());
        return 2;
    }
    simdjson::padded_string const padded(*text);
    double const mb = static_cast<double>(text->size()) / 1e6;
    text.reset();

    activ::bench::JsonBaselineRun hand;
    double const by_hand = best_of(rounds, [&] { hand = activ::bench::check_jsonl_by_hand(padded); });

    std::string error;
    auto const sources = activ::convention_sources({file}, "", error);
    if (sources.empty()) {
        std::fprintf(stderr, "bench: %s: %s\n", file.c_str(), error.c_str());
        return 2;
    }
    std::printf("batch: %zu conventions (JSON Lines), %.1f MB, best of %d rounds\n",
                sources.size(), mb, rounds);
    std::printf("simdjson + hand-written checks: %7.3f s  %6.1f MB/s  (%zu conventions, %zu findings%s)\n",
                by_hand, mb / by_hand, hand.conventions, hand.findings,
                hand.failed ? ", SOME LINES UNREADABLE" : "");
    if (hand.failed) std::fprintf(stderr, "bench: %zu lines the hand-written reader could not read\n", hand.failed);

    std::vector<activ::Convention> conventions;
    activ::ConventionLimits const limits;
    double const load = best_of(rounds, [&] {
        conventions.clear();
        for (const auto& source : sources) {
            auto loaded = activ::load_convention_source(source, limits);
            if (loaded.convention) conventions.push_back(std::move(*loaded.convention));
        }
    });
    std::printf("activ loader (JSONL, read + simdjson + validation): %7.3f s  %.2fx hand-written\n",
                load, load / by_hand);

    activ::CompiledRuleset compiled = activ::compile_ruleset_file(rules);
    if (!compiled.program) {
        std::fprintf(stderr, "bench: the rules do not compile\n");
        return 2;
    }
    size_t findings = 0;
    double const eval = best_of(rounds, [&] {
        findings = 0;
        for (const auto& c : conventions) {
            findings += activ::evaluate(*compiled.program, compiled.info, c).findings.size();
        }
    });
    std::printf("rules engine evaluation: %7.3f s  %.0f items/s  (%zu conventions, %zu findings)\n",
                eval, static_cast<double>(hand.items) / eval, conventions.size(), findings);
    std::printf("activ load + evaluation / hand-written: %.2fx (%.3f s)\n",
                (load + eval) / by_hand, load + eval);
    if (findings != hand.findings || conventions.size() != hand.conventions) {
        std::printf("MISMATCH: the engine and the hand-written checks disagree\n");
        return 1;
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    activ::keep_freed_memory();  // as `activ` does
    bool parse_only = false;
    int rounds = 3;
    std::string rules = ACTIV_SOURCE_DIR "/rules/be/social-activation-2015.rules";
    std::string folder, jsonl;
    for (int i = 1; i < argc; ++i) {
        std::string const arg = argv[i];
        if (arg == "--parse-only") parse_only = true;
        else if (arg == "--rounds" && i + 1 < argc) rounds = std::max(1, std::atoi(argv[++i]));
        else if (arg == "--rules" && i + 1 < argc) rules = argv[++i];
        else if (arg == "--jsonl" && i + 1 < argc) jsonl = argv[++i];
        else if (!arg.empty() && arg[0] != '-') folder = arg;
        else return usage();
    }
    if (!jsonl.empty()) return folder.empty() && !parse_only ? bench_jsonl(jsonl, rounds, rules) : usage();
    if (folder.empty()) return usage();

    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.path().extension() == ".yaml") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    std::vector<std::string> texts;
    size_t bytes = 0;
    for (const auto& f : files) {
        std::string why;
        auto text = activ::read_whole_file(f.string(), why);
        if (!text) {
            std::fprintf(stderr, "bench: %s: %s\n", f.c_str(), why.c_str());
            return 2;
        }
        bytes += text->size();
        texts.push_back(std::move(*text));
    }
    double const mb = static_cast<double>(bytes) / 1e6;
    std::printf("batch: %zu files, %.1f MB, best of %d rounds\n", files.size(), mb, rounds);

    double const parse = best_of(rounds, [&] {
        for (const auto& t : texts) YAML::Load(t);
    });
    std::printf("yaml-cpp parse alone:   %7.3f s  %6.1f MB/s\n", parse, mb / parse);
    if (parse_only) return 0;
    double const events = best_of(rounds, [&] {
        NoHandler handler;
        for (const auto& t : texts) {
            std::istringstream stream(t);
            YAML::Parser parser(stream);
            while (parser.HandleNextDocument(handler)) {
            }
        }
    });
    std::printf("yaml-cpp events alone:  %7.3f s  %.2fx parse (no tree built)\n", events,
                events / parse);

    std::vector<activ::Convention> conventions;
    double const load = best_of(rounds, [&] {
        conventions.clear();
        for (size_t i = 0; i < texts.size(); ++i) {
            auto loaded = activ::load_convention_text(texts[i], files[i].string());
            if (loaded.convention) conventions.push_back(std::move(*loaded.convention));
        }
    });
    std::printf("activ loader (yaml-cpp + validation): %7.3f s  %.2fx parse\n", load, load / parse);

    activ::CompiledRuleset compiled = activ::compile_ruleset_file(rules);
    if (!compiled.program) {
        std::fprintf(stderr, "bench: the rules do not compile\n");
        return 2;
    }
    size_t items = 0;
    for (const auto& c : conventions) {
        items += c.actions.size() + c.expenses.size() + c.beneficiaries.size();
    }
    size_t findings = 0, baseline_findings = 0;
    double const eval = best_of(rounds, [&] {
        findings = 0;
        for (const auto& c : conventions) {
            findings += activ::evaluate(*compiled.program, compiled.info, c).findings.size();
        }
    });
    double const by_hand = best_of(rounds, [&] {
        baseline_findings = 0;
        for (const auto& c : conventions) {
            baseline_findings += activ::bench::check_2015_by_hand(c).findings.size();
        }
    });
    std::printf("rules engine evaluation: %7.3f s  %.0f items/s  (%zu findings)\n", eval,
                static_cast<double>(items) / eval, findings);
    std::printf("hand-written checks:     %7.3f s  %.0f items/s  (%zu findings)\n", by_hand,
                static_cast<double>(items) / by_hand, baseline_findings);
    std::printf("evaluation / hand-written: %.2fx\n", eval / by_hand);
    return 0;
}
