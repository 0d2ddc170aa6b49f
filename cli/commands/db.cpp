// `activ db`: the administrators' store (engine/store). init, import, check, list, show
// and export; each parses its options and calls the engine.
#include <fmt/core.h>

#include <algorithm>

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "cli/commands/commands.hpp"
#include "cli/commands/progress.hpp"
#include "engine/batch.hpp"
#include "engine/report.hpp"
#include "engine/store_batch.hpp"
#include "engine/store_report.hpp"

#ifndef ACTIV_VERSION
#define ACTIV_VERSION "unknown"
#endif

namespace activ::cli {

namespace {

struct DbOptions {
    std::string store;
    std::vector<std::string> paths;  // import
    ConventionLimits limits;
    std::string rules;      // check
    std::string rules_dir;  // check
    unsigned jobs = 1;
    std::optional<std::string> cpas;  // list
    std::optional<int> year;
    std::optional<std::string> status;
    std::string convention_id;  // show
    std::string format = "text";
    std::string language = "en";  // show --format html
    std::string input;             // import: yaml, json or jsonl; empty: by the names
};

std::string euros(std::optional<Money> m) { return m ? format_money(*m) : std::string("-"); }

int run_init(const DbOptions& o) {
    Store store(o.store, Store::Mode::create);
    fmt::print("{}: store ready (schema version {})\n", o.store, store_schema_version());
    return status_clean;
}

int run_import(const DbOptions& o) {
    std::string error;
    std::vector<ConventionSource> files = convention_sources(o.paths, o.input, error);
    if (!error.empty()) {
        fmt::print(stderr, "error: {}\n", error);
        return status_unreadable;
    }
    Store store(o.store, Store::Mode::read_write);
    size_t accepted = 0, rejected = 0, already = 0, unreadable = 0, done = 0;
    Progress progress("import");
    import_files(store, files, o.limits, o.jobs, [&](const ImportOutcome& outcome) {
        // A rejected file is stored with its reasons; they are shown once, when it comes in.
        if (!outcome.readable || outcome.added) fmt::print(stderr, "{}", outcome.diagnostics);
        if (!outcome.readable)
            ++unreadable;
        else if (!outcome.added)
            ++already;
        else if (outcome.accepted)
            ++accepted;
        else
            ++rejected;
        progress(++done, files.size());
    });
    // A line of a JSON Lines file is a convention, not a file.
    bool const lines = std::any_of(files.begin(), files.end(), [](const ConventionSource& s) {
        return s.length != std::string::npos;
    });
    fmt::print(
        "imported {} {}{}: {} accepted, {} rejected (kept with their errors), {} "
        "already stored{}\n",
        files.size(), lines ? "convention" : "file", files.size() == 1 ? "" : "s", accepted,
        rejected, already,
        unreadable ? fmt::format(", {} unreadable", unreadable) : std::string());
    return unreadable ? status_unreadable : status_clean;
}

int run_db_check(const DbOptions& o) {
    Store store(o.store, Store::Mode::read_write);
    StoreCheckOptions options;
    options.rules = o.rules;
    options.rules_dir = o.rules_dir.empty() ? default_rules_dir() : o.rules_dir;
    options.engine_version = ACTIV_VERSION;
    options.jobs = o.jobs;
    StoreCheckSummary summary;
    {
        Progress progress("check");
        summary = check_store(
            store, options, [&](size_t done, size_t total) { progress(done, total); },
            [](const std::string& problem) { fmt::print(stderr, "{}", problem); });
    }
    fmt::print(
        "checked {} submission{}: {} with errors, {} with warnings, {} clean; {} already "
        "checked under these rules{}\n",
        summary.checked, summary.checked == 1 ? "" : "s", summary.error, summary.warning,
        summary.clean, summary.already,
        summary.failed ? fmt::format("; {} could not be checked", summary.failed) : std::string());
    return summary.failed ? status_unreadable : status_clean;
}

int run_list(const DbOptions& o) {
    Store store(o.store, Store::Mode::read_only);
    ListFilter filter{o.cpas, o.year, o.status};
    auto const rows = store.list(filter);
    fmt::print("{:>6}  {:<16}  {:>4}  {:<5}  {:<9}  {:>12}  {}\n", "#", "convention", "year", "nis",
               "status", "eligible", "cpas");
    for (const auto& r : rows) {
        fmt::print("{:>6}  {:<16}  {:>4}  {:<5}  {:<9}  {:>12}  {}\n", r.id,
                   r.accepted ? r.convention_id : r.source_path,
                   r.year ? std::to_string(r.year) : "", r.cpas_nis, r.status, euros(r.eligible),
                   r.cpas_name);
    }
    fmt::print(stderr, "{} submission{}\n", rows.size(), rows.size() == 1 ? "" : "s");
    return status_clean;
}

int run_show(const DbOptions& o) {
    Store store(o.store, Store::Mode::read_only);
    auto const submissions = store.submissions_of(o.convention_id);
    if (submissions.empty()) {
        fmt::print(stderr, "error: {}: no submission of convention '{}'\n", o.store,
                   o.convention_id);
        return status_unreadable;
    }
    std::vector<std::vector<StoredResult>> results;
    for (const auto& s : submissions) results.push_back(store.results_of(s.id));
    if (o.format != "html") {
        fmt::print("{}", render_store_history(o.convention_id, submissions, results, o.format));
        return status_clean;
    }
    // The page shows the newest submission's latest result as it was decided: its stored
    // report, on the model it was decided on.
    std::optional<Result> latest;
    std::optional<Convention> convention;
    const SubmissionRow& newest = submissions.front();
    if (newest.accepted && !results.front().empty()) {
        try {
            latest = read_json_report(results.front().front().report_json);
        } catch (const std::runtime_error& e) {
            throw StoreError(o.store + ": result #" + std::to_string(results.front().front().id) +
                             ": " + e.what());
        }
        std::string error;
        convention = stored_convention(
            store, StoredModel{newest.id, newest.convention_id, newest.year,
                               store.model_of(newest.id), newest.source_path},
            error);
        if (!convention) throw StoreError(o.store + ": submission #" + std::to_string(newest.id) + ": " + error);
        set_amounts_at_stake(*latest, *convention);
    }
    fmt::print("{}", render_store_history_html(o.convention_id, submissions, results,
                                               latest ? &*latest : nullptr,
                                               convention ? &*convention : nullptr, o.language));
    return status_clean;
}

int run_export(const DbOptions& o) {
    Store store(o.store, Store::Mode::read_only);
    fmt::print("{}", render_findings_csv(store.latest_findings()));
    return status_clean;
}

void add_store_argument(CLI::App& sub, DbOptions& o) {
    sub.add_option("store", o.store, "The store: an SQLite file")->type_name("STORE")->required();
}

void add_jobs(CLI::App& sub, DbOptions& o) {
    o.jobs = std::max(1u, std::thread::hardware_concurrency());
    sub.add_option("-j,--jobs", o.jobs, "Conventions loaded or evaluated at once")
        ->check(CLI::Range(1u, 256u))
        ->capture_default_str();
}

}  // namespace

std::function<int()> setup_db(CLI::App& db) {
    auto o = std::make_shared<DbOptions>();
    db.require_subcommand(1);
    using Run = int (*)(const DbOptions&);
    std::vector<std::pair<CLI::App*, Run>> subs;

    auto* init = db.add_subcommand("init", "Make a store, or bring an older one up to date");
    add_store_argument(*init, *o);
    subs.emplace_back(init, run_init);

    auto* import = db.add_subcommand(
        "import", "Store convention files as submissions; the same bytes twice are one submission");
    add_store_argument(*import, *o);
    import->add_option("paths", o->paths,
                       "Convention files (YAML, JSON, or JSON Lines: one per line), folders of "
                       "them, or - for standard input")
        ->type_name("PATH")
        ->required();
    add_input_option(*import, o->input);
    add_jobs(*import, *o);
    import->footer(
        "A file the loader refuses is stored as rejected, with its errors. Exit status: 0, "
        "or 2 when a file could not be read at all.");
    subs.emplace_back(import, run_import);

    auto* check = db.add_subcommand(
        "check", "Check every submission that has no result under the current rules");
    add_store_argument(*check, *o);
    auto* rules = check->add_option("--rules", o->rules, "Use this rule file for every submission")
                      ->type_name("FILE");
    check
        ->add_option("--rules-dir", o->rules_dir,
                     "Folder of rule files chosen by year; default: $ACTIV_RULES_DIR, else the "
                     "shipped rules")
        ->type_name("DIR")
        ->excludes(rules);
    add_jobs(*check, *o);
    subs.emplace_back(check, run_db_check);

    auto* list =
        db.add_subcommand("list", "List the submissions and the status of their latest result");
    add_store_argument(*list, *o);
    list->add_option("--cpas", o->cpas, "Only this CPAS (its NIS code)")->type_name("NIS");
    list->add_option("--year", o->year, "Only this year")->type_name("YEAR");
    list->add_option("--status", o->status, "Only this status")
        ->check(CLI::IsMember({"error", "warning", "clean", "rejected", "unchecked"}));
    subs.emplace_back(list, run_list);

    auto* show = db.add_subcommand("show", "Show a convention's latest result and its history");
    add_store_argument(*show, *o);
    show->add_option("convention", o->convention_id, "The convention id")->required();
    show->add_option("--format", o->format,
                     "text, json, or html (the latest report and the history, one page)")
        ->check(CLI::IsMember({"text", "json", "html"}))
        ->capture_default_str();
    show->add_option("--lang", o->language, "Language of the HTML page: fr, nl or en")
        ->check(CLI::IsMember({"fr", "nl", "en"}))
        ->envname("ACTIV_LANG")
        ->type_name("LANG")
        ->capture_default_str();
    subs.emplace_back(show, run_show);

    auto* exporter = db.add_subcommand(
        "export", "Print the findings of the latest results, one row each (CSV, RFC 4180, UTF-8)");
    add_store_argument(*exporter, *o);
    std::string* format = &o->format;
    exporter->add_option("--format", *format, "csv")->check(CLI::IsMember({"csv"}));
    subs.emplace_back(exporter, run_export);

    return [o, subs] {
        for (const auto& [sub, run] : subs) {
            if (!sub->parsed()) continue;
            try {
                return run(*o);
            } catch (const StoreError& e) {
                fmt::print(stderr, "error: {}\n", e.what());
                return static_cast<int>(status_unreadable);
            }
        }
        return static_cast<int>(status_unreadable);
    };
}

}  // namespace activ::cli
