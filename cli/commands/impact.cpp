// `activ impact`: what would change if a rule file replaced the current rules, over the
// store (engine/impact). Reads the store only.
#include "engine/impact.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <memory>
#include <string>
#include <thread>

#include "cli/commands/commands.hpp"

namespace activ::cli {

namespace {

struct ImpactCommandOptions {
    std::string store;
    ImpactOptions impact;
    std::string format = "text";
};

int run_impact(ImpactCommandOptions& o) {
    if (o.impact.rules_dir.empty()) o.impact.rules_dir = default_rules_dir();
    try {
        Store store(o.store, Store::Mode::read_only);
        ImpactReport const report = compute_impact(store, o.impact);
        print_diagnostics(report.diagnostics);  // the new rules' warnings
        // The text and JSON reports list the conventions not compared; CSV has no place.
        if (o.format == "csv") {
            for (const auto& problem : report.problems) fmt::print(stderr, "{}", problem);
        }
        if (o.format == "json")
            fmt::print("{}", render_impact_json(report));
        else if (o.format == "csv")
            fmt::print("{}", render_impact_csv(report));
        else
            fmt::print("{}", render_impact_text(report));
        // Not all of it compared: the report is incomplete, as `activ db check` says of a
        // store it could not check entirely.
        return report.problems.empty() ? status_clean : status_unreadable;
    } catch (const ImpactError& e) {
        print_diagnostics(e.diagnostics);
        fmt::print(stderr, "error: {}\n", e.what());
    } catch (const StoreError& e) {
        fmt::print(stderr, "error: {}\n", e.what());
    }
    return status_unreadable;
}

}  // namespace

std::function<int()> setup_impact(CLI::App& sub) {
    auto o = std::make_shared<ImpactCommandOptions>();
    sub.add_option("store", o->store, "The store: an SQLite file (`activ db`); only read")
        ->type_name("STORE")
        ->required();
    sub.add_option("--rules", o->impact.rules,
                   "The new rule file; it is compared only on the conventions of the years its "
                   "`applies` period covers")
        ->type_name("FILE")
        ->required();
    sub.add_option("--rules-dir", o->impact.rules_dir,
                   "Folder of the current rule files, chosen by year; default: "
                   "$ACTIV_RULES_DIR, else the shipped rules")
        ->type_name("DIR");
    sub.add_option("--format", o->format,
                   "text (for people), json, or csv (one row per changed item)")
        ->check(CLI::IsMember({"text", "json", "csv"}))
        ->capture_default_str();
    o->impact.jobs = std::max(1u, std::thread::hardware_concurrency());
    sub.add_option("-j,--jobs", o->impact.jobs, "Conventions evaluated at once")
        ->check(CLI::Range(1u, 256u))
        ->capture_default_str();
    sub.footer(
        "Runs the current rules (chosen by year) and the new ones over the newest accepted "
        "submission of each convention in the store, from the stored models, and prints the "
        "differences per CPAS: expenses newly refused or newly accepted with their charge and "
        "the rules that refuse them, the eligible amounts before and after, actions and "
        "beneficiaries classified otherwise, and findings added or removed per rule; then "
        "the totals. Conventions of years the new rules do not apply to are left out, and "
        "counted. Nothing is written to the store.\n"
        "Exit status: 0; 2 when the store cannot be read, the new rules do not compile, or a "
        "convention could not be compared (no current rules for its year, a damaged model: "
        "the report says which).");
    return [o] { return run_impact(*o); };
}

}  // namespace activ::cli
