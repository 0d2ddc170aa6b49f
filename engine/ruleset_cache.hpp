// Rule files chosen by year (or one for every year) and compiled once, shared by the
// threads of a batch: `activ check`, `db check` and `impact` each compile a ruleset once
// however many conventions it decides.
#pragma once
#include <map>
#include <mutex>
#include <string>

#include "engine/ruleset.hpp"

namespace activ {

class RulesetCache {
  public:
    /// `rules`: one rule file for every year; empty: chosen by year in `rules_dir`.
    RulesetCache(std::string rules, std::string rules_dir);

    /// The rule file for `year` in the folder (its diagnostics when there is none); the
    /// folder is read once per year.
    RulesetChoice choice(int year);

    /// The compiled ruleset of `path`; `seconds`, when given, grows by the time compiling
    /// it took. A thread that needs a ruleset being compiled waits for it.
    const CompiledRuleset& compiled(const std::string& path, double* seconds = nullptr);

    /// The compiled ruleset for `year`: the one rule file, else the folder's choice. Null
    /// with `error` (rendered diagnostics) when there is none or it does not compile.
    const CompiledRuleset* for_year(int year, std::string& error);

    const std::string& rules_dir() const { return rules_dir_; }

  private:
    std::mutex mutex_;
    std::string rules_;
    std::string rules_dir_;
    std::map<int, RulesetChoice> choices_;
    std::map<std::string, CompiledRuleset> compiled_;  // map: references stay valid
};

}  // namespace activ
