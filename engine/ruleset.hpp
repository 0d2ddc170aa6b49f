// Rule files in, a compiled program out; a program and a convention in, a result out.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dsl-grammar/diagnostic.hpp"
#include "engine/model.hpp"
#include "engine/result.hpp"

namespace activ {

struct Program;  // compiled rules: names resolved to slots, constants folded

struct CompiledRuleset {
    std::shared_ptr<const Program> program;  // null when diagnostics holds an error
    RulesetInfo info;
    std::vector<Diagnostic> diagnostics;  // errors and warnings, sorted by position
    /// What `activ lint` adds: parameters never used, branches that can never decide,
    /// a category two branches decide differently, checks that can never fire.
    std::vector<Diagnostic> lint;
};

/// Parses, checks and compiles one rule file's text. A file that `extends` another reads
/// it from disk, relative to `file`'s folder.
CompiledRuleset compile_ruleset_text(std::string_view text, const std::string& file);
/// The same, reading `path`; an unreadable file is a diagnostic.
CompiledRuleset compile_ruleset_file(const std::string& path);


struct EvaluationOptions {
    std::string language;  // fr, nl or en; a rule without it uses its first language
};

/// Classifies every action, runs every check, computes the totals and the indicators.
Result evaluate(const Program& program, const RulesetInfo& info, const Convention& convention,
                const EvaluationOptions& options = {});

/// The rule file under `folder` (searched recursively, *.rules) whose `applies`
/// period covers 1 January of `year`. Diagnostics when none does, when two do,
/// or when a candidate cannot be read.
struct RulesetChoice {
    std::string path;  // empty on error
    std::vector<Diagnostic> diagnostics;
};
RulesetChoice choose_ruleset(const std::string& folder, int year);

}  // namespace activ
