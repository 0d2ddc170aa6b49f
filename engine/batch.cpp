// A bounded pool of threads over a list of files, with outcomes handed back in order.
#include "engine/batch.hpp"

#include <algorithm>
#include <chrono>
#include <exception>
#include <filesystem>
#include <set>
#include <system_error>

#include "engine/file_search.hpp"
#include "engine/ordered_pool.hpp"
#include "engine/report.hpp"
#include "engine/ruleset.hpp"
#include "engine/ruleset_cache.hpp"

namespace activ {

namespace {

using clock_type = std::chrono::steady_clock;

double seconds_between(clock_type::time_point from, clock_type::time_point to) {
    return std::chrono::duration<double>(to - from).count();
}

/// One file's outcome, with what the ordered hand-back still needs.
struct Work {
    FileOutcome outcome;
    const CompiledRuleset* ruleset = nullptr;  // its diagnostics go with its first use
    BatchTimings timings;
};

Work check_file(const BatchOptions& options, RulesetCache& rulesets, const CompiledRuleset* fixed,
                const ConventionSource& source) {
    Work work;
    FileOutcome& out = work.outcome;
    out.file = source.name;
    const std::string& file = source.name;
    auto start = clock_type::now();
    LoadedConvention loaded = load_convention_source(source, options.limits);
    auto now = clock_type::now();
    work.timings.load = seconds_between(start, now);
    out.diagnostics = render_all(loaded.diagnostics);
    if (has_error(loaded.diagnostics) || !loaded.convention) return work;
    const Convention& convention = *loaded.convention;
    work.timings.files = 1;
    if (source.length != std::string::npos) {
        work.timings.bytes = source.length;
    } else if (source.text) {
        work.timings.bytes = source.text->size();
    } else {
        std::error_code ignored;
        work.timings.bytes = static_cast<size_t>(std::filesystem::file_size(source.path, ignored));
        if (ignored) work.timings.bytes = 0;
    }
    work.timings.items =
        convention.actions.size() + convention.expenses.size() + convention.beneficiaries.size();

    const CompiledRuleset* ruleset = fixed;
    if (!ruleset) {
        RulesetChoice choice = rulesets.choice(convention.year);
        if (choice.path.empty()) {
            // "No ruleset for 2016" is about this convention: name it, not the folder.
            for (auto& d : choice.diagnostics) {
                if (d.file == rulesets.rules_dir() && d.line == 0) d.file = file;
            }
            out.diagnostics += render_all(choice.diagnostics);
            return work;
        }
        ruleset = &rulesets.compiled(choice.path, &work.timings.compile);
        work.ruleset = ruleset;
        if (!ruleset->program) return work;
    }

    start = clock_type::now();
    Result result = evaluate(*ruleset->program, ruleset->info, convention,
                             EvaluationOptions{options.language});
    now = clock_type::now();
    work.timings.evaluate = seconds_between(start, now);
    if (options.format == "json") {
        out.report = render_json(result);
    } else if (options.format == "html") {
        out.report = render_html(result, convention, options.language);
    } else if (options.format == "csv") {
        out.report = render_csv(result);
    } else {
        out.report = render_text(result, options.language);
    }
    work.timings.report = seconds_between(now, clock_type::now());
    out.status = has_errors(result) ? FileStatus::findings : FileStatus::clean;
    return work;
}

Work check_file_safely(const BatchOptions& options, RulesetCache& rulesets,
                       const CompiledRuleset* fixed, const ConventionSource& file) {
    try {
        return check_file(options, rulesets, fixed, file);
    } catch (const std::exception& e) {
        // One file that breaks the engine must not hide the reports of the others.
        Work work;
        work.outcome.file = file.name;
        work.outcome.failure = e.what();
        return work;
    }
}

void add(BatchTimings& total, const BatchTimings& part) {
    total.load += part.load;
    total.compile += part.compile;
    total.evaluate += part.evaluate;
    total.report += part.report;
    total.files += part.files;
    total.bytes += part.bytes;
    total.items += part.items;
}

}  // namespace

FileStatus check_files(const BatchOptions& options, const std::vector<ConventionSource>& files,
                       const std::function<void(std::string_view)>& rules_diagnostics,
                       const std::function<void(const FileOutcome&)>& emit,
                       BatchTimings* timings) {
    auto const started = clock_type::now();
    BatchTimings total;
    RulesetCache rulesets("", options.rules_dir);
    const CompiledRuleset* fixed = nullptr;
    if (!options.rules.empty()) {
        fixed = &rulesets.compiled(options.rules, &total.compile);
        rules_diagnostics(render_all(fixed->diagnostics));
        // Without rules nothing can be checked, so no file gets a report.
        if (!fixed->program) {
            if (timings) *timings = total;
            return FileStatus::unreadable;
        }
    }

    FileStatus worst = FileStatus::clean;
    std::set<const CompiledRuleset*> announced;  // rulesets whose diagnostics were handed back
    auto hand_back = [&](Work& work) {
        if (work.ruleset && announced.insert(work.ruleset).second) {
            work.outcome.diagnostics += render_all(work.ruleset->diagnostics);
        }
        add(total, work.timings);
        worst = std::max(worst, work.outcome.status);
        emit(work.outcome);
    };

    std::vector<Work> ring(ordered_window(options.jobs));
    run_in_order(
        files.size(), options.jobs,
        [&](size_t i) {
            ring[i % ring.size()] = check_file_safely(options, rulesets, fixed, files[i]);
        },
        [&](size_t i) { hand_back(ring[i % ring.size()]); });
    total.wall = seconds_between(started, clock_type::now());
    if (timings) *timings = total;
    return worst;
}

std::vector<std::string> expand_convention_paths(const std::vector<std::string>& paths,
                                                 std::string& error) {
    return files_in(paths, {".yaml", ".yml"}, "convention file (*.yaml, *.yml)", error);
}

}  // namespace activ
