// `activ report`: the national overview of a store, as one HTML page, or as an index
// page with one page per convention in a folder (--out).
#include <fmt/core.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>

#include "cli/commands/commands.hpp"
#include "cli/commands/progress.hpp"
#include "engine/report.hpp"
#include "engine/store_overview.hpp"

namespace activ::cli {

namespace {

struct ReportOptions {
    std::string store;
    std::optional<int> year;
    std::string format = "html";
    std::string out;
    std::string language = "en";
};

std::string anchor_of(const SubmissionRow& s) { return "submission-" + std::to_string(s.id); }

bool write_file(const std::filesystem::path& path, const std::string& text) {
    std::ofstream file(path, std::ios::binary);
    file << text;
    file.close();
    if (file) return true;
    fmt::print(stderr, "error: {}: could not write the file\n", path.string());
    return false;
}

int run_report(const ReportOptions& o) {
    Store store(o.store, Store::Mode::read_only);
    std::filesystem::path const folder(o.out);
    if (!o.out.empty()) {
        std::error_code error;
        std::filesystem::create_directories(folder, error);
        if (error) {
            fmt::print(stderr, "error: {}: could not make the folder: {}\n", o.out,
                       error.message());
            return status_unreadable;
        }
    }
    // In one page, each convention's report follows the overview under an anchor; in a
    // folder, each is a page of its own, written as soon as it is read.
    std::string details;
    bool written = true;
    Overview overview;
    {
        Progress progress("report");
        overview = overview_of_store(
            store, o.year,
            [&](const CheckedConvention& c) {
                std::string const report = render_html(c.result, c.convention, o.language);
                if (o.out.empty()) {
                    details += "<section class=\"detail\" id=\"" + anchor_of(c.submission) +
                               "\">\n" + report + "</section>\n";
                } else {
                    std::string page = html_page_start(o.language);
                    page += report;
                    page += html_page_end();
                    written = write_file(folder / detail_file_name(c.submission), page) && written;
                }
            },
            [&](size_t done) { progress(done, 0); });
    }
    auto const link = [&](const SubmissionRow& s) {
        return o.out.empty() ? "#" + anchor_of(s) : detail_file_name(s);
    };
    std::string const page = render_overview_html(overview, o.language, link, details);
    if (o.out.empty()) {
        fmt::print("{}", page);
    } else {
        written = write_file(folder / "index.html", page) && written;
        size_t pages = 0;
        for (const auto& cpas : overview.cpas)
            for (const auto& c : cpas.conventions) pages += c.totals ? 1 : 0;
        fmt::print(stderr, "{}: index.html and {} convention page{}\n", o.out, pages,
                   pages == 1 ? "" : "s");
    }
    return written ? status_clean : status_unreadable;
}

}  // namespace

std::function<int()> setup_report(CLI::App& sub) {
    auto o = std::make_shared<ReportOptions>();
    sub.add_option("store", o->store, "The store: an SQLite file")->type_name("STORE")->required();
    sub.add_option("--year", o->year, "Only the conventions of this year; default: every year")
        ->type_name("YEAR");
    sub.add_option("--format", o->format, "html")
        ->check(CLI::IsMember({"html"}))
        ->capture_default_str();
    sub.add_option("--out", o->out,
                   "Write index.html and one page per convention into this folder, instead of "
                   "one page (with every convention's report in it) on stdout")
        ->type_name("DIR");
    sub.add_option("--lang", o->language, "Language of the page: fr, nl or en")
        ->check(CLI::IsMember({"fr", "nl", "en"}))
        ->envname("ACTIV_LANG")
        ->type_name("LANG")
        ->capture_default_str();
    sub.footer(
        "Reads the latest result of the newest submission of each convention, as it was "
        "decided: run `activ db check` first. The store is opened read-only.");
    return [o] {
        try {
            return run_report(*o);
        } catch (const StoreError& e) {
            fmt::print(stderr, "error: {}\n", e.what());
            return static_cast<int>(status_unreadable);
        }
    };
}

}  // namespace activ::cli
