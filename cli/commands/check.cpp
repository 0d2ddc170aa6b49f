// `activ check`: turns the command line into a batch (engine/batch) and prints each
// file's diagnostics and report in the order of the files.
#include <fmt/core.h>
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "cli/commands/commands.hpp"
#include "engine/batch.hpp"
#include "engine/messages.hpp"
#include "engine/report.hpp"

#ifndef ACTIV_RULES_DIR
#define ACTIV_RULES_DIR "rules"
#endif

namespace activ::cli {

namespace {

struct CheckOptions {
    BatchOptions batch;
    bool timings = false;
    std::vector<std::string> paths;
    std::string input;  // yaml, json or jsonl; empty: by the files' names
};

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

/// The most memory this process has held so far, in MB.
double peak_memory_mb() {
    struct rusage usage {};
    ::getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux counts in KiB
}

void print_timings(const BatchTimings& t, unsigned jobs) {
    double const per_second = t.wall > 0 ? static_cast<double>(t.items) / t.wall : 0;
    fmt::print(stderr,
               "timings: {} file{}, {:.1f} MB, {} items (actions + expenses + beneficiaries), "
               "{} thread{}\n"
               "timings: load {:.3f} s, compile {:.3f} s, evaluate {:.3f} s, report {:.3f} s "
               "(summed over threads)\n"
               "timings: wall {:.3f} s, {:.0f} items/s, peak memory {:.1f} MB\n",
               t.files, t.files == 1 ? "" : "s", static_cast<double>(t.bytes) / 1e6, t.items, jobs, jobs == 1 ? "" : "s",
               t.load, t.compile, t.evaluate, t.report, t.wall, per_second, peak_memory_mb());
}

int run_check(CheckOptions& options) {
    BatchOptions& batch = options.batch;
    if (batch.rules_dir.empty()) batch.rules_dir = default_rules_dir();
    std::string error;
    std::vector<ConventionSource> files = convention_sources(options.paths, options.input, error);
    if (!error.empty()) {
        fmt::print(stderr, "{}: {}\n", error_word(batch.language), error);
        return status_unreadable;
    }
    // An HTML page holds every file's article; a CSV file has one header for every row.
    if (batch.format == "html") fmt::print("{}", html_page_start(batch.language));
    if (batch.format == "csv") fmt::print("{}", csv_report_header());
    bool first_report = true;
    BatchTimings timings;
    FileStatus const worst = check_files(
        batch, files, [](std::string_view diagnostics) { fmt::print(stderr, "{}", diagnostics); },
        [&](const FileOutcome& outcome) {
            fmt::print(stderr, "{}", outcome.diagnostics);
            if (!outcome.report.empty()) {
                // A blank line between text reports; JSON documents simply follow each other.
                bool const separate = batch.format == "text" && !first_report;
                fmt::print("{}{}", separate ? "\n" : "", outcome.report);
                first_report = false;
            }
            // Keeps each report ahead of the next file's diagnostics on a terminal.
            std::fflush(stdout);
            if (!outcome.failure.empty()) {
                fmt::print(stderr, "{}: {}: {}\n", outcome.file, error_word(batch.language),
                           outcome.failure);
            }
        },
        &timings);
    if (batch.format == "html") fmt::print("{}", html_page_end());
    std::fflush(stdout);
    if (options.timings) print_timings(timings, batch.jobs);
    return static_cast<int>(worst);
}

}  // namespace

std::function<int()> setup_check(CLI::App& sub) {
    auto options = std::make_shared<CheckOptions>();
    auto* rules = sub.add_option("--rules", options->batch.rules,
                                 "Use this rule file for every convention, whatever its year")
                      ->type_name("FILE");
    sub.add_option(
           "--rules-dir", options->batch.rules_dir,
           "Folder searched (recursively, *.rules) for the rule file whose period "
           "covers each convention's year; default: $ACTIV_RULES_DIR, else " ACTIV_RULES_DIR)
        ->type_name("DIR")
        ->excludes(rules);
    sub.add_option("--format", options->batch.format,
                   "Report format: text (for people), json, html (one page to attach to a "
                   "decision, printable on A4) or csv (one row per finding)")
        ->check(CLI::IsMember({"text", "json", "html", "csv"}))
        ->capture_default_str();
    sub.add_option("--lang", options->batch.language,
                   "Language of messages and of the text and HTML reports: fr, nl or en; default: "
                   "$ACTIV_LANG, else each rule's first language and English for the rest")
        ->check(CLI::IsMember({"fr", "nl", "en"}))
        ->envname("ACTIV_LANG")
        ->type_name("LANG");
    // Conventions are checked against these so that no file can exhaust memory or time;
    // a big CPAS may need more, hence the options (README, "Limits").
    sub.add_option("--max-file-size", options->batch.limits.max_file_bytes,
                   "Largest convention file read, in bytes (or with a unit: 32MiB)")
        ->transform(CLI::AsSizeValue(false))
        ->capture_default_str();
    sub.add_option("--max-list-items", options->batch.limits.max_list_items,
                   "Most items in one list of a convention (actions, expenses, ...)")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    sub.add_option("--max-text-length", options->batch.limits.max_text_bytes,
                   "Longest text value in a convention, in bytes (or with a unit: 1MiB)")
        ->transform(CLI::AsSizeValue(false))
        ->capture_default_str();
    options->batch.jobs = std::max(1u, std::thread::hardware_concurrency());
    sub.add_option("-j,--jobs", options->batch.jobs,
                   "Conventions checked at once, each on its own thread; the output is the "
                   "same, in the order of the files, whatever the number")
        ->check(CLI::Range(1u, 256u))
        ->capture_default_str();
    sub.add_flag("--timings", options->timings,
                 "Print to stderr the time spent loading, compiling, evaluating and "
                 "reporting, and the items checked per second");
    sub.add_option("files", options->paths,
                   "Convention files (format convention/1) in YAML (*.yaml, *.yml), JSON "
                   "(*.json) or JSON Lines (*.jsonl: one convention per line); folders: every "
                   "such file under them, in path order; - for standard input; FILE.jsonl:LINE "
                   "for one line of a batch")
        ->type_name("PATH")
        ->required();
    add_input_option(sub, options->input);
    sub.footer(
        "Exit status: 0 when no finding is an error, 1 when some finding is an error,\n"
        "2 when a convention or the rules could not be read (the worst over all files).");
    return [options] { return run_check(*options); };
}

std::string default_rules_dir() {
    if (const char* env = std::getenv("ACTIV_RULES_DIR"); env && *env) return env;
    return ACTIV_RULES_DIR;
}

void add_input_option(CLI::App& sub, std::string& input) {
    sub.add_option("--input", input,
                   "Read every convention as yaml, json or jsonl (one JSON convention per line), "
                   "whatever the files' names; default: by the name (.json, .jsonl), YAML for "
                   "standard input")
        ->check(CLI::IsMember({"yaml", "json", "jsonl"}))
        ->type_name("FORMAT");
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
