// The impact of new rules, rendered: text for a clerk, JSON for programs (money as decimal
// strings, keys in a fixed order), CSV for a spreadsheet, one row per changed item.
#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "engine/csv.hpp"
#include "engine/impact.hpp"
#include "engine/result_comparison_report.hpp"

namespace activ {

namespace {

using json = nlohmann::ordered_json;

std::string plural(size_t n, const char* one, const char* many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string totals_text(const ImpactTotals& t) {
    std::string out =
        fmt::format("{} newly refused ({}), {} newly accepted ({}), {}; ",
                    plural(t.newly_refused, "expense", "expenses"), format_money(t.refused_amount),
                    t.newly_accepted, format_money(t.accepted_amount),
                    plural(t.class_changes, "class changed", "classes changed"));
    out += "eligible ";
    out += money_movement_text(t.eligible_before, t.eligible_after, t.eligible_moved);
    out += ", capped at the subsidy ";
    out += money_movement_text(t.capped_before, t.capped_after, t.capped_moved);
    return out;
}

std::string findings_text(const std::vector<RuleCount>& counts) {
    std::string out;
    for (const auto& c : counts) {
        if (!out.empty()) out += "; ";
        out += c.rule;
        out += ": ";
        if (c.added) out += fmt::format("{} added", c.added);
        if (c.added && c.removed) out += ", ";
        if (c.removed) out += fmt::format("{} removed", c.removed);
    }
    return out;
}

void convention_text(std::string& out, const ConventionImpact& c) {
    out += fmt::format("  {} ({}, submission {}): status {}", c.convention_id, c.year,
                       c.submission_id, status_text(c));
    out += "; eligible ";
    out += money_movement_text(c.eligible_before, c.eligible_after, c.eligible_moved);
    out += "; capped ";
    out += money_movement_text(c.capped_before, c.capped_after, c.capped_moved);
    out += '\n';
    changed_items_text(out, c);
    if (!c.findings.empty())
        out += fmt::format("    findings        {}\n", findings_text(c.findings));
}

json counts_json(const std::vector<RuleCount>& counts) {
    json out = json::array();
    for (const auto& c : counts) {
        json one;
        one["rule"] = c.rule;
        one["added"] = c.added;
        one["removed"] = c.removed;
        out.push_back(std::move(one));
    }
    return out;
}

json totals_json(const ImpactTotals& t) {
    json out;
    out["conventions_compared"] = t.compared;
    out["conventions_changed"] = t.changed;
    out["newly_refused"] = {{"count", t.newly_refused}, {"amount", format_money(t.refused_amount)}};
    out["newly_accepted"] = {{"count", t.newly_accepted},
                             {"amount", format_money(t.accepted_amount)}};
    out["class_changes"] = t.class_changes;
    out["eligible"] = money_movement_json(t.eligible_before, t.eligible_after, t.eligible_moved);
    out["eligible_capped"] = money_movement_json(t.capped_before, t.capped_after, t.capped_moved);
    out["findings"] = counts_json(t.findings);
    return out;
}

json convention_json(const ConventionImpact& c) {
    json out;
    out["id"] = c.convention_id;
    out["submission"] = c.submission_id;
    out["year"] = c.year;
    add_comparison_json(out, c);
    out["findings"] = counts_json(c.findings);
    return out;
}

}  // namespace

std::string render_impact_text(const ImpactReport& report) {
    std::string out = "Impact of ";
    out += ruleset_label(report.new_rules);
    out += '\n';
    if (report.current_rules.empty()) {
        out += "  replacing no current rules: nothing was compared\n";
    }
    for (size_t i = 0; i < report.current_rules.size(); ++i) {
        out += i == 0 ? "  replacing " : "        and ";
        out += ruleset_label(report.current_rules[i]);
        out += '\n';
    }
    out +=
        fmt::format("{} in the store (the newest accepted submission of each): {} compared",
                    plural(report.submissions, "convention", "conventions"), report.total.compared);
    if (report.left_out) {
        std::vector<std::string> years;
        for (int y : report.left_out_years) years.push_back(std::to_string(y));
        out += fmt::format(", {} left out ({}: the new rules apply from {} to {})", report.left_out,
                           joined(years, ", "), format_date(report.new_rules.applies_from),
                           format_date(report.new_rules.applies_to));
    }
    if (!report.problems.empty()) {
        out += fmt::format(", {} could not be compared", report.problems.size());
    }
    out += '\n';

    size_t cpas_changed = 0;
    for (const auto& cpas : report.cpas) {
        if (cpas.conventions.empty()) continue;
        ++cpas_changed;
        out +=
            fmt::format("\n{} ({}): {} of {} changed\n", cpas.name, cpas.nis, cpas.totals.changed,
                        plural(cpas.totals.compared, "convention", "conventions"));
        for (const auto& c : cpas.conventions) convention_text(out, c);
        out += "  CPAS total: ";
        out += totals_text(cpas.totals);
        out += '\n';
    }

    out += '\n';
    const ImpactTotals& t = report.total;
    if (t.compared == 0) {
        out += "No convention compared.\n";
    } else if (t.changed == 0) {
        out += fmt::format(
            "No change: the new rules decide as the current ones on the {} "
            "compared.\n",
            plural(t.compared, "convention", "conventions"));
    } else {
        out += fmt::format("Total: {} of {} changed, in {} of {} CPAS; ", t.changed,
                           plural(t.compared, "convention", "conventions"), cpas_changed,
                           report.cpas.size());
        out += totals_text(t);
        out += '\n';
        out += "Findings: ";
        out += findings_text(t.findings);
        out += '\n';
    }
    if (!report.problems.empty()) {
        out += fmt::format("\nNot compared ({}):\n", report.problems.size());
        for (const auto& p : report.problems) out += p;
    }
    return out;
}

std::string render_impact_json(const ImpactReport& report) {
    json out;
    out["schema"] = impact_schema;
    json fresh = ruleset_json(report.new_rules);
    fresh["applies"] = {{"from", format_date(report.new_rules.applies_from)},
                        {"to", format_date(report.new_rules.applies_to)}};
    out["new_ruleset"] = std::move(fresh);
    json current = json::array();
    for (const auto& r : report.current_rules) current.push_back(ruleset_json(r));
    out["current_rulesets"] = std::move(current);
    out["conventions_in_store"] = report.submissions;
    out["compared"] = report.total.compared;
    out["left_out"] = {{"count", report.left_out}, {"years", report.left_out_years}};
    out["not_compared"] = report.problems;
    json cpas_list = json::array();
    for (const auto& cpas : report.cpas) {
        json one;
        one["nis"] = cpas.nis;
        one["name"] = cpas.name;
        one["totals"] = totals_json(cpas.totals);
        json conventions = json::array();
        for (const auto& c : cpas.conventions) conventions.push_back(convention_json(c));
        one["changed_conventions"] = std::move(conventions);
        cpas_list.push_back(std::move(one));
    }
    out["cpas"] = std::move(cpas_list);
    out["totals"] = totals_json(report.total);
    std::string text = out.dump(2);
    text += '\n';
    return text;
}

std::string render_impact_csv(const ImpactReport& report) {
    std::string out =
        "convention_id,cpas_nis,cpas_name,subject_kind,subject_id,change,amount,before,after,"
        "rules\r\n";
    for (const auto& cpas : report.cpas) {
        for (const auto& c : cpas.conventions) {
            for (const auto& e : c.newly_refused) {
                append_csv_row(out, {c.convention_id, c.cpas_nis, c.cpas_name, "expense",
                                     e.expense_id, "newly_refused", format_money(e.charge),
                                     "accepted", "refused", joined(e.rules, " ")});
            }
            for (const auto& e : c.newly_accepted) {
                append_csv_row(out, {c.convention_id, c.cpas_nis, c.cpas_name, "expense",
                                     e.expense_id, "newly_accepted", format_money(e.charge),
                                     "refused", "accepted", joined(e.rules, " ")});
            }
            for (const auto& k : c.class_changes) {
                append_csv_row(out, {c.convention_id, c.cpas_nis, c.cpas_name, to_string(k.kind),
                                     k.subject_id, "class_changed", "", k.before, k.after, k.rule});
            }
        }
    }
    return out;
}

}  // namespace activ
