// Rule test failures and coverage as a policy officer reads them: each failure at the
// test's line with what was expected and what the rules decided; coverage in the terms
// of the legal texts, "point 3.C: 5 of 7 rules tested both ways".
#include <fmt/core.h>

#include <algorithm>
#include <map>

#include "engine/rule_tests.hpp"

namespace activ {

namespace {

bool covered(const CoverageItem& item) { return item.fired > 0 && item.not_fired > 0; }

// "point 3.C (pièces justificatives)" -> "point 3.C": rules citing one point group together.
std::string point_of(const Citation& c) {
    std::string point = c.point.substr(0, c.point.find(" ("));
    return point.empty() ? std::string("(no point cited)") : point;
}

std::string source_of(const Citation& c) {
    std::string out = c.source.empty() ? std::string("(no declared source)") : c.source;
    if (!c.dated.empty()) out += fmt::format(" ({})", c.dated);
    if (c.secondary) out += " [secondary source]";
    return out;
}

std::string tested(size_t done, size_t all) {
    return fmt::format("{} of {} tested both ways", done, all);
}

}  // namespace

int coverage_percent(const std::vector<CoverageItem>& coverage) {
    if (coverage.empty()) return 100;
    size_t const done = static_cast<size_t>(std::count_if(coverage.begin(), coverage.end(), covered));
    return static_cast<int>(done * 100 / coverage.size());
}

std::string render_rule_test_failures(const std::vector<RuleTestFailure>& failures) {
    std::string out;
    for (const auto& f : failures) {
        out += fmt::format("{}:{}:{}: test \"{}\" failed\n", f.file, f.line, f.column, f.name);
        for (const auto& problem : f.problems) out += fmt::format("  - {}\n", problem);
    }
    return out;
}

std::string render_coverage(const std::vector<CoverageItem>& coverage) {
    // File, then source, then point, each in the order of the first rule that cites it.
    std::vector<std::string> files;
    for (const auto& item : coverage)
        if (std::find(files.begin(), files.end(), item.file) == files.end()) files.push_back(item.file);
    std::string out;
    for (const auto& file : files) {
        std::vector<const CoverageItem*> items;
        for (const auto& item : coverage)
            if (item.file == file) items.push_back(&item);
        std::sort(items.begin(), items.end(),
                  [](const CoverageItem* a, const CoverageItem* b) { return a->line < b->line; });
        size_t const done = static_cast<size_t>(
            std::count_if(items.begin(), items.end(), [](const CoverageItem* i) { return covered(*i); }));
        out += fmt::format("{}: {} ({} rules and classification branches)\n", file,
                           tested(done, items.size()), items.size());
        std::vector<std::string> sources;
        for (const auto* item : items) {
            std::string const source = source_of(item->citation);
            if (std::find(sources.begin(), sources.end(), source) == sources.end())
                sources.push_back(source);
        }
        for (const auto& source : sources) {
            out += fmt::format("\n  {}\n", source);
            std::vector<std::string> points;
            for (const auto* item : items) {
                if (source_of(item->citation) != source) continue;
                std::string const point = point_of(item->citation);
                if (std::find(points.begin(), points.end(), point) == points.end())
                    points.push_back(point);
            }
            for (const auto& point : points) {
                std::vector<const CoverageItem*> here;
                for (const auto* item : items)
                    if (source_of(item->citation) == source && point_of(item->citation) == point)
                        here.push_back(item);
                size_t const here_done = static_cast<size_t>(std::count_if(
                    here.begin(), here.end(), [](const CoverageItem* i) { return covered(*i); }));
                out += fmt::format("    {}: {}\n", point, tested(here_done, here.size()));
                for (const auto* item : here) {
                    const char* verb = item->branch ? "decided" : "fired";
                    std::string note;
                    if (item->fired == 0) note = item->branch ? "  NEVER DECIDED" : "  NEVER FIRED";
                    if (item->not_fired == 0) note += item->branch ? "  DECIDED EVERY TIME" : "  NEVER SEEN NOT FIRING";
                    out += fmt::format("      {:<44} line {:>4}: {} in {}, not in {}{}\n",
                                       item->rule, item->line, verb, item->fired, item->not_fired,
                                       note);
                }
            }
        }
        out += '\n';
    }
    size_t const done = static_cast<size_t>(std::count_if(coverage.begin(), coverage.end(), covered));
    out += fmt::format("Coverage: {} rules and branches of {} tested both ways ({}%)\n", done,
                       coverage.size(), coverage_percent(coverage));
    return out;
}

}  // namespace activ
