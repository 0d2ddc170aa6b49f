// The pieces of a ResultComparison that `activ impact` and `activ diff --on` print alike:
// text for people, JSON for programs (keys in a fixed order, money as decimal strings).
#include "engine/result_comparison_report.hpp"

#include <fmt/core.h>

#include <nlohmann/json.hpp>

namespace activ {

namespace {

using json = nlohmann::ordered_json;

/// "+95.00", "-212.35", "0.00".
std::string signed_money(Money m) {
    std::string out = m.cents > 0 ? "+" : "";
    out += format_money(m);
    return out;
}

json expenses_json(const std::vector<ExpenseChange>& changes) {
    json out = json::array();
    for (const auto& e : changes) {
        json one;
        one["expense"] = e.expense_id;
        one["amount"] = format_money(e.charge);
        one["rules"] = e.rules;
        out.push_back(std::move(one));
    }
    return out;
}

json class_changes_json(const std::vector<ClassChange>& changes) {
    json out = json::array();
    for (const auto& k : changes) {
        json one;
        one["kind"] = to_string(k.kind);
        one["id"] = k.subject_id;
        one["before"] = k.before;
        one["after"] = k.after;
        one["rule"] = k.rule;
        out.push_back(std::move(one));
    }
    return out;
}

}  // namespace

std::string joined(const std::vector<std::string>& words, const char* separator) {
    std::string out;
    for (const auto& w : words) {
        if (!out.empty()) out += separator;
        out += w;
    }
    return out;
}

std::string ruleset_label(const RulesetInfo& r) {
    return fmt::format("{} {} ({})", r.name, r.version, r.file);
}

std::string money_movement_text(Money before, Money after, Money moved) {
    return fmt::format("{} -> {} ({})", format_money(before), format_money(after),
                       signed_money(moved));
}

std::string status_text(const ResultComparison& c) {
    if (c.status_after == c.status_before) return c.status_before;
    return fmt::format("{} -> {}", c.status_before, c.status_after);
}

void changed_items_text(std::string& out, const ResultComparison& c) {
    for (const auto& e : c.newly_refused) {
        out += fmt::format("    newly refused   expense {:<10} {:>12}  by {}\n", e.expense_id,
                           format_money(e.charge), joined(e.rules, ", "));
    }
    for (const auto& e : c.newly_accepted) {
        out += fmt::format("    newly accepted  expense {:<10} {:>12}  was refused by {}\n",
                           e.expense_id, format_money(e.charge), joined(e.rules, ", "));
    }
    for (const auto& k : c.class_changes) {
        out += fmt::format("    class changed   {} {}: {} -> {} ({})\n", to_string(k.kind),
                           k.subject_id, k.before, k.after, k.rule);
    }
}

json ruleset_json(const RulesetInfo& r) {
    json out;
    out["name"] = r.name;
    out["version"] = r.version;
    out["file"] = r.file;
    std::string hash = "sha256:";
    hash += r.canonical_sha256;
    out["canonical_hash"] = hash;
    return out;
}

json money_movement_json(Money before, Money after, Money moved) {
    json out;
    out["before"] = format_money(before);
    out["after"] = format_money(after);
    out["moved"] = format_money(moved);
    return out;
}

void add_comparison_json(json& out, const ResultComparison& c) {
    out["status"] = {{"before", c.status_before}, {"after", c.status_after}};
    out["eligible"] = money_movement_json(c.eligible_before, c.eligible_after, c.eligible_moved);
    out["eligible_capped"] = money_movement_json(c.capped_before, c.capped_after, c.capped_moved);
    out["newly_refused"] = expenses_json(c.newly_refused);
    out["newly_accepted"] = expenses_json(c.newly_accepted);
    out["class_changes"] = class_changes_json(c.class_changes);
}

}  // namespace activ
