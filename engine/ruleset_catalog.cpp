// Picks, among the rule files of a folder, the one whose `applies` period covers a year.
#include <algorithm>
#include <filesystem>

#include "dsl-grammar/parse_rules.hpp"
#include "engine/read_file.hpp"
#include "engine/ruleset.hpp"

namespace activ {

namespace {

Diagnostic file_problem(const std::string& file, std::string message) {
    Diagnostic d;
    d.file = file;
    d.message = std::move(message);
    return d;
}

}  // namespace

RulesetChoice choose_ruleset(const std::string& folder, int year) {
    namespace fs = std::filesystem;
    RulesetChoice choice;
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) {
        choice.diagnostics.push_back(file_problem(folder, "rules folder not found"));
        return choice;
    }
    std::vector<std::string> files;
    for (fs::recursive_directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec) && it->path().extension() == ".rules") {
            files.push_back(it->path().string());
        }
    }
    std::sort(files.begin(), files.end());

    auto const january_first = make_date(year, 1, 1);
    std::vector<std::string> matches;
    std::string known;
    for (const auto& file : files) {
        std::string reason;
        auto text = read_whole_file(file, reason, rule_limits::max_file_bytes);
        if (!text) {
            choice.diagnostics.push_back(file_problem(file, "cannot read rule file: " + reason));
            continue;
        }
        ParseResult parsed = parse_rules(*text, file);
        if (!parsed.file) {
            for (auto& d : parsed.diagnostics) choice.diagnostics.push_back(std::move(d));
            continue;
        }
        const auto& h = parsed.file->head;
        auto const from = make_date(h.applies_from.year, h.applies_from.month, h.applies_from.day);
        auto const to = make_date(h.applies_to.year, h.applies_to.month, h.applies_to.day);
        known += "\n  " + file + ": " + h.name + " version " + h.version + ", applies " +
                 (from ? format_date(*from) : "?") + " .. " + (to ? format_date(*to) : "?");
        if (january_first && from && to && *from <= *january_first && *january_first <= *to) {
            matches.push_back(file);
        }
    }
    if (!choice.diagnostics.empty()) return choice;
    if (matches.empty()) {
        choice.diagnostics.push_back(file_problem(
            folder, "no ruleset for " + std::to_string(year) + " in " + folder +
                        (known.empty() ? std::string(" (it holds no .rules file)")
                                       : "; the rulesets found are:" + known)));
    } else if (matches.size() > 1) {
        std::string names;
        for (const auto& m : matches) names += "\n  " + m;
        choice.diagnostics.push_back(file_problem(
            folder, "several rulesets in " + folder + " apply to " + std::to_string(year) +
                        "; keep one or make their periods distinct:" + names));
    } else {
        choice.path = matches.front();
    }
    return choice;
}

}  // namespace activ
