// The plain-text report a clerk reads: who filed what, which ruleset judged it, the
// verdict first, then every decision and finding with its reason, and the money.
// Plain ASCII layout and no colour, so it can be mailed, printed or diffed as it is.
#include <algorithm>
#include <string>
#include <vector>

#include "engine/report.hpp"

namespace activ {

namespace {

// Columns are counted in code points, not bytes, so that "Liège" lines up.
size_t width_of(const std::string& s) {
    return static_cast<size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string pad_right(const std::string& s, size_t width) {
    size_t w = width_of(s);
    return w >= width ? s : s + std::string(width - w, ' ');
}

std::string pad_left(const std::string& s, size_t width) {
    size_t w = width_of(s);
    return w >= width ? s : std::string(width - w, ' ') + s;
}

std::string counted(size_t n, const char* singular, const char* plural) {
    return std::to_string(n) + ' ' + (n == 1 ? singular : plural);
}

std::string verdict_of(const Result& result) {
    size_t errors = 0, warnings = 0, infos = 0;
    for (const auto& f : result.findings) {
        switch (f.severity) {
            case Severity::error:
                ++errors;
                break;
            case Severity::warning:
                ++warnings;
                break;
            case Severity::info:
                ++infos;
                break;
        }
    }
    std::string out = "Verdict: ";
    if (errors == 0 && warnings == 0) {
        out += "clean";
        if (infos > 0) out += " (" + std::to_string(infos) + " info)";
        return out;
    }
    std::vector<std::string> parts;
    if (errors > 0) parts.push_back(counted(errors, "error", "errors"));
    if (warnings > 0) parts.push_back(counted(warnings, "warning", "warnings"));
    if (infos > 0) parts.push_back(std::to_string(infos) + " info");
    for (size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
    return out;
}

std::string because_of(const Explanation& explanation) {
    std::string out;
    for (const auto& [path, value] : explanation) {
        if (!out.empty()) out += ", ";
        out += path + " = " + value;
    }
    return out;
}

// One line per decision: id, outcome, reason, and the rule that decided in brackets.
void decisions(std::string& out, const char* title, const std::vector<Decision>& list) {
    out += '\n';
    out += title;
    out += '\n';
    if (list.empty()) {
        out += "  (none)\n";
        return;
    }
    size_t id_width = 0, outcome_width = 0;
    for (const auto& d : list) {
        id_width = std::max(id_width, width_of(d.subject_id));
        outcome_width = std::max(outcome_width, width_of(d.outcome));
    }
    for (const auto& d : list) {
        std::string line =
            "  " + pad_right(d.subject_id, id_width) + "  " + pad_right(d.outcome, outcome_width);
        if (!d.reason.empty()) line += "  " + d.reason;
        if (!d.rule.empty()) line += "  [" + d.rule + "]";
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + '\n';
    }
}

void findings(std::string& out, const std::vector<Finding>& list) {
    out += "\nFindings\n";
    if (list.empty()) {
        out += "  (none)\n";
        return;
    }
    const size_t severity_width = width_of("warning");
    const std::string indent(2 + severity_width + 2, ' ');
    for (const auto& f : list) {
        std::string subject = to_string(f.subject_kind);
        if (!f.subject_id.empty()) subject += ' ' + f.subject_id;
        out += "  " + pad_right(to_string(f.severity), severity_width) + "  " + subject + ": " +
               f.message + '\n';
        std::string source = "rule: " + f.rule;
        if (!f.cite.empty()) source += ", cite: " + f.cite;
        out += indent + source + '\n';
        if (!f.explanation.empty()) out += indent + "because: " + because_of(f.explanation) + '\n';
    }
}

void totals(std::string& out, const Totals& t) {
    std::vector<std::pair<std::string, std::string>> rows = {
        {"declared", format_money(t.declared)},
        {"eligible", format_money(t.eligible)},
        {"ineligible", format_money(t.ineligible)},
        {"eligible capped at subsidy", format_money(t.eligible_capped)},
        {"subsidy", format_money(t.subsidy)},
    };
    if (t.advance_paid) rows.emplace_back("advance paid", format_money(*t.advance_paid));
    if (t.balance_due) rows.emplace_back("balance due", format_money(*t.balance_due));
    if (t.to_recover) rows.emplace_back("to recover", format_money(*t.to_recover));
    size_t label_width = 0, amount_width = 0;
    for (const auto& [label, amount] : rows) {
        label_width = std::max(label_width, width_of(label));
        amount_width = std::max(amount_width, width_of(amount));
    }
    out += "\nTotals\n";
    for (const auto& [label, amount] : rows)
        out +=
            "  " + pad_right(label, label_width) + "  " + pad_left(amount, amount_width) + " EUR\n";
}

}  // namespace

std::string render_text(const Result& result) {
    std::string out = "Convention " + result.convention_id + ", " + result.cpas_name + " (NIS " +
                      result.cpas_nis + "), year " + std::to_string(result.year) + ", file " +
                      result.file + '\n';
    out += "Ruleset " + result.ruleset.name + ' ' + result.ruleset.version + ", file " +
           result.ruleset.file + '\n';
    out += verdict_of(result) + '\n';
    decisions(out, "Actions", result.actions);
    if (!result.beneficiaries.empty()) decisions(out, "Beneficiaries", result.beneficiaries);
    findings(out, result.findings);
    totals(out, result.totals);
    return out;
}

}  // namespace activ
