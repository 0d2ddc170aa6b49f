// A rules diff rendered: text for a policy officer, JSON for programs (keys in a fixed
// order, money as decimal strings).
#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "engine/line_diff.hpp"
#include "engine/result_comparison_report.hpp"
#include "engine/ruleset_diff.hpp"

namespace activ {

namespace {

using json = nlohmann::ordered_json;

/// "2 added, 1 changed": how many of each change, in that order.
template <typename T>
std::string counts(const std::vector<T>& changes) {
    std::string out;
    for (Change kind : {Change::added, Change::removed, Change::changed}) {
        size_t n = 0;
        for (const auto& c : changes) n += c.change == kind;
        if (n == 0) continue;
        if (!out.empty()) out += ", ";
        out += fmt::format("{} {}", n, to_string(kind));
    }
    return out;
}

void lines_text(std::string& out, const std::vector<std::string>& lines) {
    for (const auto& line : lines) {
        out += "    ";
        out += line;
        out += '\n';
    }
}

/// A value by day reads as the rule file writes it: `from 2015-01-01: 10000.00` lines.
std::string value_lines(const std::optional<ParameterValue>& value) {
    std::string out;
    if (!value) return out;
    if (value->dated.empty()) return value->value + '\n';
    for (const auto& [day, v] : value->dated) out += fmt::format("from {}: {}\n", day, v);
    return out;
}

bool one_line(const std::optional<ParameterValue>& value) { return !value || value->dated.empty(); }

void parameter_text(std::string& out, const ParameterChange& p) {
    out += fmt::format("  {:<7} {}", to_string(p.change), p.name);
    if (one_line(p.before) && one_line(p.after)) {
        if (p.before) {
            out += ": ";
            out += p.before->value;
        }
        if (p.after) {
            out += p.before ? " -> " : ": ";
            out += p.after->value;
        }
        out += '\n';
        for (const auto& item : p.items_removed) out += fmt::format("    -{}\n", item);
        for (const auto& item : p.items_added) out += fmt::format("    +{}\n", item);
        return;
    }
    out += '\n';
    lines_text(out, diff_lines(value_lines(p.before), value_lines(p.after)));
}

void declarations_text(std::string& out, const char* heading,
                       const std::vector<DeclarationChange>& changes) {
    if (changes.empty()) return;
    out += fmt::format("\n{}: {}\n", heading, counts(changes));
    for (const auto& d : changes) {
        out += fmt::format("  {:<7} {} {}\n", to_string(d.change), d.kind, d.id);
        lines_text(out, d.lines);
    }
}

std::string times(size_t count) { return count > 1 ? fmt::format(" x{}", count) : ""; }

void convention_text(std::string& out, const ConventionDiff& c) {
    out += fmt::format("  {} ({}, {}, {} {})", c.file, c.convention_id, c.year, c.cpas_name,
                       c.cpas_nis);
    if (!c.changed()) {
        out += fmt::format(": no change, eligible {}\n", format_money(c.eligible_after));
        return;
    }
    out += fmt::format("\n    eligible {}; status {}\n",
                       money_movement_text(c.eligible_before, c.eligible_after, c.eligible_moved),
                       status_text(c));
    changed_items_text(out, c);
    for (const auto& f : c.findings_added) {
        out +=
            fmt::format("    finding added   {} ({}) on {} {}{}\n", f.rule, to_string(f.severity),
                        to_string(f.subject_kind), f.subject_id, times(f.count));
    }
    for (const auto& f : c.findings_removed) {
        out +=
            fmt::format("    finding removed {} ({}) on {} {}{}\n", f.rule, to_string(f.severity),
                        to_string(f.subject_kind), f.subject_id, times(f.count));
    }
}

json text_or_null(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

json declarations_json(const std::vector<DeclarationChange>& changes) {
    json out = json::array();
    for (const auto& d : changes) {
        json one;
        one["kind"] = d.kind;
        one["id"] = d.id;
        one["change"] = to_string(d.change);
        one["before"] = text_or_null(d.before);
        one["after"] = text_or_null(d.after);
        one["diff"] = d.lines;
        out.push_back(std::move(one));
    }
    return out;
}

json parameter_value_json(const std::optional<ParameterValue>& value) {
    if (!value) return nullptr;
    json out;
    if (value->dated.empty()) {
        out["value"] = value->value;
        return out;
    }
    json dated = json::array();
    for (const auto& [day, v] : value->dated) dated.push_back({{"from", day}, {"value", v}});
    out["dated"] = std::move(dated);
    return out;
}

json findings_json(const std::vector<FindingChange>& changes) {
    json out = json::array();
    for (const auto& f : changes) {
        json one;
        one["rule"] = f.rule;
        one["severity"] = to_string(f.severity);
        one["subject"] = {{"kind", to_string(f.subject_kind)}, {"id", f.subject_id}};
        one["count"] = f.count;
        out.push_back(std::move(one));
    }
    return out;
}

json convention_json(const ConventionDiff& c) {
    json out;
    out["file"] = c.file;
    out["id"] = c.convention_id;
    out["year"] = c.year;
    out["cpas"] = {{"name", c.cpas_name}, {"nis", c.cpas_nis}};
    out["changed"] = c.changed();
    add_comparison_json(out, c);
    out["findings_added"] = findings_json(c.findings_added);
    out["findings_removed"] = findings_json(c.findings_removed);
    return out;
}

}  // namespace

std::string render_rules_diff_text(const RulesetDiff& diff) {
    std::string out = "--- ";
    out += ruleset_label(diff.old_rules);
    out += "\n+++ ";
    out += ruleset_label(diff.new_rules);
    out += '\n';
    if (!diff.header.empty()) {
        out += "\nRuleset:\n";
        for (const auto& h : diff.header) {
            out += fmt::format("  {}: {} -> {}\n", h.field, h.before.empty() ? "(none)" : h.before,
                               h.after.empty() ? "(none)" : h.after);
        }
    }
    declarations_text(out, "Sources", diff.sources);
    if (!diff.parameters.empty()) {
        out += fmt::format("\nParameters: {}\n", counts(diff.parameters));
        for (const auto& p : diff.parameters) parameter_text(out, p);
    }
    declarations_text(out, "Rules", diff.rules);
    if (!diff.rules_differ()) {
        out += "\nNo change: both rulesets say the same (comments and layout aside).\n";
    }
    if (diff.evaluated) {
        size_t changed = 0;
        for (const auto& c : diff.conventions) changed += c.changed();
        out += fmt::format("\nConventions: {} of {} changed\n", changed, diff.conventions.size());
        for (const auto& c : diff.conventions) convention_text(out, c);
    }
    return out;
}

std::string render_rules_diff_json(const RulesetDiff& diff) {
    json out;
    out["schema"] = rules_diff_schema;
    out["changed"] = diff.rules_differ();
    out["old"] = ruleset_json(diff.old_rules);
    out["new"] = ruleset_json(diff.new_rules);
    json header = json::array();
    for (const auto& h : diff.header) {
        header.push_back({{"field", h.field}, {"before", h.before}, {"after", h.after}});
    }
    out["header"] = std::move(header);
    out["sources"] = declarations_json(diff.sources);
    json parameters = json::array();
    for (const auto& p : diff.parameters) {
        json one;
        one["name"] = p.name;
        one["change"] = to_string(p.change);
        one["before"] = parameter_value_json(p.before);
        one["after"] = parameter_value_json(p.after);
        one["items_removed"] = p.items_removed;
        one["items_added"] = p.items_added;
        parameters.push_back(std::move(one));
    }
    out["parameters"] = std::move(parameters);
    out["rules"] = declarations_json(diff.rules);
    if (diff.evaluated) {
        json conventions = json::array();
        for (const auto& c : diff.conventions) conventions.push_back(convention_json(c));
        out["conventions"] = std::move(conventions);
    } else {
        out["conventions"] = nullptr;
    }
    // A path given on the command line need not be UTF-8; the document must be.
    std::string text = out.dump(2, ' ', false, json::error_handler_t::replace);
    text += '\n';
    return text;
}

}  // namespace activ
