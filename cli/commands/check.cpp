// `activ check`: loads each convention, picks and compiles its ruleset (once per rule
// file for the whole batch), evaluates, prints one report per convention.
#include <fmt/core.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands/commands.hpp"
#include "engine/load_convention.hpp"
#include "engine/messages.hpp"
#include "engine/report.hpp"
#include "engine/ruleset.hpp"

#ifndef ACTIV_RULES_DIR
#define ACTIV_RULES_DIR "rules"
#endif

namespace activ::cli {

namespace {

struct CheckOptions {
    std::string rules;
    std::string rules_dir;
    std::string format = "text";
    std::string language;  // empty: each rule's first language, English for the rest
    ConventionLimits limits;
    std::vector<std::string> files;
};

std::string default_rules_dir() {
    if (const char* env = std::getenv("ACTIV_RULES_DIR"); env && *env) return env;
    return ACTIV_RULES_DIR;
}

// Compiled rulesets by path; diagnostics are printed on the first compile only, so a
// batch of conventions sharing one year reports a rule-file warning once.
class RulesetCache {
  public:
    const CompiledRuleset& get(const std::string& path) {
        auto it = compiled_.find(path);
        if (it == compiled_.end()) {
            it = compiled_.emplace(path, compile_ruleset_file(path)).first;
            print_diagnostics(it->second.diagnostics);
        }
        return it->second;
    }

  private:
    std::map<std::string, CompiledRuleset> compiled_;
};

struct Batch {
    const CheckOptions& options;
    std::string rules_dir;
    const CompiledRuleset* fixed = nullptr;  // from --rules, else chosen per convention
    RulesetCache cache = {};
    std::map<int, RulesetChoice> choices = {};  // by year: the folder is read once a batch
    bool first_report = true;
};

int check_one(Batch& batch, const std::string& file) {
    LoadedConvention loaded = load_convention_file(file, batch.options.limits);
    if (print_diagnostics(loaded.diagnostics) || !loaded.convention) return status_unreadable;
    const Convention& convention = *loaded.convention;

    const CompiledRuleset* ruleset = batch.fixed;
    if (!ruleset) {
        auto known = batch.choices.find(convention.year);
        if (known == batch.choices.end()) {
            known = batch.choices
                        .emplace(convention.year, choose_ruleset(batch.rules_dir, convention.year))
                        .first;
        }
        const RulesetChoice& choice = known->second;
        if (choice.path.empty()) {
            // "No ruleset for 2016" is about this convention: name it, not the folder.
            std::vector<Diagnostic> about_file = choice.diagnostics;
            for (auto& d : about_file) {
                if (d.file == batch.rules_dir && d.line == 0) d.file = file;
            }
            print_diagnostics(about_file);
            return status_unreadable;
        }
        ruleset = &batch.cache.get(choice.path);
        if (!ruleset->program) return status_unreadable;
    }

    Result result = evaluate(*ruleset->program, ruleset->info, convention,
                             EvaluationOptions{batch.options.language});
    if (batch.options.format == "json") {
        fmt::print("{}", render_json(result));
    } else {
        // A blank line between text reports; JSON documents simply follow each other.
        fmt::print("{}{}", batch.first_report ? "" : "\n",
                   render_text(result, batch.options.language));
    }
    // Keeps each report ahead of the next file's diagnostics when both go to a terminal.
    std::fflush(stdout);
    batch.first_report = false;
    return has_errors(result) ? status_findings : status_clean;
}

// The one word this command writes itself, before the text of a failure that broke the
// engine on one file. That text, and the diagnostics dsl-grammar renders, stay English.
const char* error_word(const std::string& language) {
    switch (language_of(language)) {
        case Language::fr:
            return "erreur";
        case Language::nl:
            return "fout";
        case Language::en:
            break;
    }
    return "error";
}

int run_check(const CheckOptions& options) {
    Batch batch{options, options.rules_dir.empty() ? default_rules_dir() : options.rules_dir};
    if (!options.rules.empty()) {
        batch.fixed = &batch.cache.get(options.rules);
        // Without rules nothing can be checked, so no file gets a report.
        if (!batch.fixed->program) return status_unreadable;
    }
    int worst = status_clean;
    for (const auto& file : options.files) {
        int status = status_unreadable;
        try {
            status = check_one(batch, file);
        } catch (const std::exception& e) {
            // One file that breaks the engine must not hide the reports of the others.
            std::fflush(stdout);
            fmt::print(stderr, "{}: {}: {}\n", file, error_word(options.language), e.what());
        }
        worst = std::max(worst, status);
    }
    return worst;
}

}  // namespace

std::function<int()> setup_check(CLI::App& sub) {
    auto options = std::make_shared<CheckOptions>();
    auto* rules = sub.add_option("--rules", options->rules,
                                 "Use this rule file for every convention, whatever its year")
                      ->type_name("FILE");
    sub.add_option(
           "--rules-dir", options->rules_dir,
           "Folder searched (recursively, *.rules) for the rule file whose period "
           "covers each convention's year; default: $ACTIV_RULES_DIR, else " ACTIV_RULES_DIR)
        ->type_name("DIR")
        ->excludes(rules);
    sub.add_option("--format", options->format, "Report format: text (for people) or json")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    sub.add_option("--lang", options->language,
                   "Language of messages and of the text report: fr, nl or en; default: "
                   "$ACTIV_LANG, else each rule's first language and English for the rest")
        ->check(CLI::IsMember({"fr", "nl", "en"}))
        ->envname("ACTIV_LANG")
        ->type_name("LANG");
    // Conventions are checked against these so that no file can exhaust memory or time;
    // a big CPAS may need more, hence the options (README, "Limits").
    sub.add_option("--max-file-size", options->limits.max_file_bytes,
                   "Largest convention file read, in bytes (or with a unit: 32MiB)")
        ->transform(CLI::AsSizeValue(false))
        ->capture_default_str();
    sub.add_option("--max-list-items", options->limits.max_list_items,
                   "Most items in one list of a convention (actions, expenses, ...)")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    sub.add_option("--max-text-length", options->limits.max_text_bytes,
                   "Longest text value in a convention, in bytes (or with a unit: 1MiB)")
        ->transform(CLI::AsSizeValue(false))
        ->capture_default_str();
    sub.add_option("files", options->files, "Convention files (YAML, format convention/1)")
        ->type_name("FILE")
        ->required();
    sub.footer(
        "Exit status: 0 when no finding is an error, 1 when some finding is an error,\n"
        "2 when a convention or the rules could not be read (the worst over all files).");
    return [options] { return run_check(*options); };
}

bool print_diagnostics(const std::vector<Diagnostic>& diagnostics) {
    bool error = false;
    for (const auto& d : diagnostics) {
        fmt::print(stderr, "{}", render(d));
        error = error || d.level == Diagnostic::Level::error;
    }
    return error;
}

}  // namespace activ::cli
