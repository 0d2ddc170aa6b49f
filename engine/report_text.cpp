// The plain-text report a clerk reads: who filed what, which ruleset judged it, the
// verdict first, then every decision and finding with its reason, and the money.
// Plain ASCII layout and no colour, so it can be mailed, printed or diffed as it is.
// The report's own words come in French, Dutch and English from one table below.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "engine/messages.hpp"
#include "engine/report.hpp"

namespace activ {

namespace {

// The words live in engine/messages, shared with the HTML report.
using Words = ReportWords;

const Words& words_for(const std::string& language) { return report_words(language); }

// An outcome the table does not know (a ruleset may define its own) is shown as it is.
std::string outcome_word(const Words& w, const std::string& outcome) {
    for (const auto& [code, word] : w.outcomes)
        if (outcome == code) return word;
    return outcome;
}

std::string severity_word(const Words& w, Severity severity) {
    switch (severity) {
        case Severity::error:
            return w.error;
        case Severity::warning:
            return w.warning;
        case Severity::info:
            return w.info;
    }
    return w.error;
}

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
    std::string out = std::to_string(n);
    out += ' ';
    out += n == 1 ? singular : plural;
    return out;
}

std::string verdict_of(const Words& w, const Result& result) {
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
    std::string out = w.verdict;
    out += w.colon;
    if (errors == 0 && warnings == 0) {
        out += w.clean;
        if (infos > 0) {
            out += " (";
            out += counted(infos, w.info, w.infos);
            out += ')';
        }
        return out;
    }
    std::vector<std::string> parts;
    if (errors > 0) parts.push_back(counted(errors, w.error, w.errors));
    if (warnings > 0) parts.push_back(counted(warnings, w.warning, w.warnings));
    if (infos > 0) parts.push_back(counted(infos, w.info, w.infos));
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
void decisions(std::string& out, const Words& w, const char* title,
               const std::vector<Decision>& list) {
    out += '\n';
    out += title;
    out += '\n';
    if (list.empty()) {
        out += "  ";
        out += w.none;
        out += '\n';
        return;
    }
    size_t id_width = 0, outcome_width = 0;
    for (const auto& d : list) {
        id_width = std::max(id_width, width_of(d.subject_id));
        outcome_width = std::max(outcome_width, width_of(outcome_word(w, d.outcome)));
    }
    for (const auto& d : list) {
        std::string line = "  " + pad_right(d.subject_id, id_width) + "  " +
                           pad_right(outcome_word(w, d.outcome), outcome_width);
        if (!d.reason.empty()) line += "  " + d.reason;
        if (!d.rule.empty()) line += "  [" + d.rule + "]";
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + '\n';
    }
}

void findings(std::string& out, const Words& w, const std::vector<Finding>& list) {
    out += '\n';
    out += w.findings;
    out += '\n';
    if (list.empty()) {
        out += "  ";
        out += w.none;
        out += '\n';
        return;
    }
    size_t severity_width = 0;
    for (auto severity : {Severity::error, Severity::warning, Severity::info})
        severity_width = std::max(severity_width, width_of(severity_word(w, severity)));
    const std::string indent(2 + severity_width + 2, ' ');
    for (const auto& f : list) {
        std::string subject = subject_kind_word(w.language, to_string(f.subject_kind));
        if (!f.subject_id.empty()) {
            subject += ' ';
            subject += f.subject_id;
        }
        out += "  " + pad_right(severity_word(w, f.severity), severity_width) + "  " + subject;
        out += w.colon;
        out += f.message;
        out += '\n';
        std::string source = w.rule;
        source += w.colon;
        source += f.rule;
        if (std::string cite = localized_cite(w, f); !cite.empty()) {
            source += ", ";
            source += w.cite;
            source += w.colon;
            source += cite;
        }
        out += indent + source + '\n';
        if (!f.explanation.empty()) {
            out += indent;
            out += w.because;
            out += w.colon;
            out += because_of(f.explanation);
            out += '\n';
        }
    }
}

void totals(std::string& out, const Words& w, const Totals& t) {
    std::vector<std::pair<std::string, std::string>> rows = {
        {w.declared, format_money(t.declared)},
        {w.eligible, format_money(t.eligible)},
        {w.ineligible, format_money(t.ineligible)},
        {w.eligible_capped, format_money(t.eligible_capped)},
        {w.subsidy, format_money(t.subsidy)},
    };
    if (t.advance_paid) rows.emplace_back(w.advance_paid, format_money(*t.advance_paid));
    if (t.balance_due) rows.emplace_back(w.balance_due, format_money(*t.balance_due));
    if (t.to_recover) rows.emplace_back(w.to_recover, format_money(*t.to_recover));
    size_t label_width = 0, amount_width = 0;
    for (const auto& [label, amount] : rows) {
        label_width = std::max(label_width, width_of(label));
        amount_width = std::max(amount_width, width_of(amount));
    }
    out += '\n';
    out += w.totals;
    out += '\n';
    for (const auto& [label, amount] : rows)
        out +=
            "  " + pad_right(label, label_width) + "  " + pad_left(amount, amount_width) + " EUR\n";
}

// Label, value right-aligned so that the digits line up, then the unit. The label is the
// rule file's; an indicator without one is shown by name.
void indicators(std::string& out, const Words& w, const std::vector<IndicatorValue>& list) {
    std::vector<std::pair<std::string, std::string>> rows;
    for (const auto& v : list) {
        rows.emplace_back(v.label.empty() ? v.name : v.label,
                          v.kind == IndicatorValue::Kind::missing ? w.missing_value : v.value);
    }
    size_t label_width = 0, value_width = 0;
    for (const auto& [label, value] : rows) {
        label_width = std::max(label_width, width_of(label));
        value_width = std::max(value_width, width_of(value));
    }
    out += '\n';
    out += w.indicators;
    out += '\n';
    for (size_t i = 0; i < rows.size(); ++i) {
        std::string line = "  " + pad_right(rows[i].first, label_width) + "  " +
                           pad_left(rows[i].second, value_width);
        // A missing value has no quantity to name.
        if (list[i].kind != IndicatorValue::Kind::missing && !list[i].unit.empty()) {
            line += ' ';
            line += list[i].unit;
        }
        out += line;
        out += '\n';
    }
}

}  // namespace

std::string render_text(const Result& result, const std::string& language) {
    const Words& w = words_for(language);
    std::string out = w.convention;
    out += ' ';
    out += result.convention_id;
    out += ", ";
    out += result.cpas_name;
    out += " (NIS ";
    out += result.cpas_nis;
    out += "), ";
    out += w.year;
    out += ' ';
    out += std::to_string(result.year);
    out += ", ";
    out += w.file;
    out += ' ';
    out += result.file;
    out += '\n';
    out += w.ruleset;
    out += ' ';
    out += result.ruleset.name;
    out += ' ';
    out += result.ruleset.version;
    out += ", ";
    out += w.file;
    out += ' ';
    out += result.ruleset.file;
    out += '\n';
    out += verdict_of(w, result);
    out += '\n';
    decisions(out, w, w.actions, result.actions);
    if (!result.beneficiaries.empty()) decisions(out, w, w.beneficiaries, result.beneficiaries);
    findings(out, w, result.findings);
    totals(out, w, result.totals);
    // A ruleset without indicators gets no empty section, as with beneficiaries.
    if (!result.indicators.empty()) indicators(out, w, result.indicators);
    return out;
}

}  // namespace activ
