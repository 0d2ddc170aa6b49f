#include "engine/ruleset_cache.hpp"

#include <chrono>

namespace activ {

RulesetCache::RulesetCache(std::string rules, std::string rules_dir)
    : rules_(std::move(rules)), rules_dir_(std::move(rules_dir)) {}

RulesetChoice RulesetCache::choice(int year) {
    std::lock_guard lock(mutex_);
    auto known = choices_.find(year);
    if (known == choices_.end()) known = choices_.emplace(year, choose_ruleset(rules_dir_, year)).first;
    return known->second;
}

const CompiledRuleset& RulesetCache::compiled(const std::string& path, double* seconds) {
    std::lock_guard lock(mutex_);
    auto it = compiled_.find(path);
    if (it == compiled_.end()) {
        auto const start = std::chrono::steady_clock::now();
        it = compiled_.emplace(path, compile_ruleset_file(path)).first;
        if (seconds) {
            *seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
                            .count();
        }
    }
    return it->second;
}

const CompiledRuleset* RulesetCache::for_year(int year, std::string& error) {
    std::string path = rules_;
    if (path.empty()) {
        RulesetChoice const chosen = choice(year);
        if (chosen.path.empty()) {
            error = render_all(chosen.diagnostics);
            return nullptr;
        }
        path = chosen.path;
    }
    const CompiledRuleset& ruleset = compiled(path);
    if (!ruleset.program) {
        error = render_all(ruleset.diagnostics);
        return nullptr;
    }
    return &ruleset;
}

}  // namespace activ
