// The HTML report a clerk attaches to the decision sent to a CPAS: one page, readable in
// any browser and printable on A4, with nothing fetched from elsewhere and no script, so
// that it opens the same way in a mail client years later. The verdict comes first,
// then the money (with a chart per cost type), the decisions, every finding grouped by
// severity then subject, and the indicators. Every text from the submission is escaped.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "engine/html.hpp"
#include "engine/messages.hpp"
#include "engine/report.hpp"

namespace activ {

namespace {

using Words = ReportWords;

constexpr const char* style = R"(
:root { --error: #b3261e; --warning: #9a6700; --clean: #1a7f37; --ink: #1f2328; --rule: #d0d7de; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; box-sizing: border-box; }
body { font-family: "DejaVu Sans", Arial, sans-serif; color: var(--ink); margin: 2em auto;
       max-width: 60em; padding: 0 1em; line-height: 1.4; font-size: 11pt; }
h1 { font-size: 1.5em; margin: 0 0 .3em; }
h2 { font-size: 1.2em; border-bottom: 1px solid var(--rule); padding-bottom: .2em; margin-top: 1.4em; }
h3 { font-size: 1.05em; margin: 1em 0 .3em; }
h4 { font-size: 1em; margin: .8em 0 .2em; }
dl.identity { display: grid; grid-template-columns: max-content 1fr; gap: .1em 1em; margin: 0; }
dl.identity dt { font-weight: bold; }
dl.identity dd { margin: 0; }
.verdict { padding: .6em 1em; border-radius: 4px; color: #fff; font-size: 1.2em; font-weight: bold; margin: 1em 0; }
.verdict-error { background: var(--error); }
.verdict-warning { background: var(--warning); }
.verdict-clean { background: var(--clean); }
table { border-collapse: collapse; width: 100%; margin: .4em 0; }
th, td { text-align: left; padding: .25em .5em; border-bottom: 1px solid var(--rule); vertical-align: top; }
td.amount, th.amount { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.finding { border-left: 4px solid var(--rule); padding: .3em .8em; margin: .4em 0; break-inside: avoid; }
.severity-error .finding { border-left-color: var(--error); }
.severity-warning .finding { border-left-color: var(--warning); }
.finding .message { margin: 0 0 .2em; }
.finding .source, .finding .decided { margin: 0; font-size: .9em; color: #57606a; }
.finding code, td code { font-family: "DejaVu Sans Mono", monospace; font-size: .9em; }
svg.chart { display: block; margin: .6em 0; }
.legend-eligible { color: var(--clean); }
.legend-refused { color: var(--error); }
td.status-error { color: var(--error); font-weight: bold; }
td.status-warning { color: var(--warning); font-weight: bold; }
td.status-clean { color: var(--clean); }
tr.total th, tr.total td { border-top: 2px solid var(--ink); font-weight: bold; }
section.detail { break-before: page; }
section.top-findings td:last-child { font-size: .85em; color: #57606a; }
@page { size: A4; margin: 18mm 15mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
  article.report + article.report { break-before: page; }
  h2, h3, h4 { break-after: avoid; }
  tr { break-inside: avoid; }
}
)";

std::string severity_plural(const Words& w, Severity severity) {
    switch (severity) {
        case Severity::error:
            return w.errors;
        case Severity::warning:
            return w.warnings;
        case Severity::info:
            return w.infos;
    }
    return w.errors;
}

std::string outcome_word(const Words& w, const std::string& outcome) {
    for (const auto& [code, word] : w.outcomes)
        if (outcome == code) return word;
    return outcome;
}

std::string cost_type_word(const Words& w, const std::string& cost_type) {
    for (const auto& [code, word] : w.cost_types)
        if (cost_type == code) return word;
    return cost_type;
}

std::string counted(size_t n, const char* singular, const char* plural) {
    std::string out = std::to_string(n);
    out += ' ';
    out += n == 1 ? singular : plural;
    return out;
}

// "4 errors, 1 warning", or the word for clean (with the infos, if any).
std::string verdict_text(const Words& w, const Result& result) {
    size_t counts[3] = {0, 0, 0};
    for (const auto& f : result.findings) ++counts[static_cast<int>(f.severity)];
    std::string out;
    if (counts[0] == 0 && counts[1] == 0) {
        out = w.clean;
        if (counts[2] > 0) {
            out += " (";
            out += counted(counts[2], w.info, w.infos);
            out += ')';
        }
        return out;
    }
    const char* singular[3] = {w.error, w.warning, w.info};
    const char* plural[3] = {w.errors, w.warnings, w.infos};
    for (int i = 0; i < 3; ++i) {
        if (counts[i] == 0) continue;
        if (!out.empty()) out += ", ";
        out += counted(counts[i], singular[i], plural[i]);
    }
    return out;
}

void identity(std::string& out, const Words& w, const Result& r) {
    out += "<header>\n";
    std::string title = w.report_title;
    title += ' ';
    title += r.convention_id;
    html_element(out, "h1", title);
    out += "\n<dl class=\"identity\">\n";
    auto row = [&](const std::string& label, const std::string& value) {
        html_element(out, "dt", label);
        html_element(out, "dd", value);
        out += '\n';
    };
    row(w.convention, r.convention_id);
    row(w.year, std::to_string(r.year));
    std::string cpas = r.cpas_name;
    cpas += " (NIS ";
    cpas += r.cpas_nis;
    cpas += ')';
    row(w.cpas, cpas);
    row(w.file, r.file);
    std::string ruleset = r.ruleset.name;
    ruleset += ' ';
    ruleset += r.ruleset.version;
    row(w.ruleset, ruleset);
    out += "</dl>\n</header>\n";
}

void verdict(std::string& out, const Words& w, const Result& r) {
    std::string const status = result_status(r);
    out += "<section class=\"verdict verdict-";
    out += status;
    out += "\" data-verdict=\"";
    out += status;
    out += "\">\n";
    std::string text = w.verdict;
    text += w.colon;
    text += verdict_text(w, r);
    html_element(out, "p", text);
    out += "\n</section>\n";
}

struct CostTypeSums {
    std::string cost_type;
    Money eligible;
    Money refused;
};

// Per cost type, in the format's order then any other in order of appearance: the
// charges of the expenses an error refuses, and of the others.
std::vector<CostTypeSums> per_cost_type(const Result& r, const Convention& c) {
    std::vector<std::string> refused_ids;
    for (const auto& f : r.findings) {
        if (f.severity == Severity::error && f.subject_kind == SubjectKind::expense)
            refused_ids.push_back(f.subject_id);
    }
    std::vector<CostTypeSums> sums;
    for (const char* known : {"personnel", "operating", "participant", "investment", "overhead"})
        sums.push_back({known, {}, {}});
    for (const auto& e : c.expenses) {
        auto it = std::find_if(sums.begin(), sums.end(),
                               [&](const CostTypeSums& s) { return s.cost_type == e.cost_type; });
        if (it == sums.end()) it = sums.insert(sums.end(), {e.cost_type, {}, {}});
        Money const charge = charge_of(e.amount, e.share);
        bool const refused =
            std::find(refused_ids.begin(), refused_ids.end(), e.id) != refused_ids.end();
        // Saturating: the chart only draws; the totals say when a sum is too large.
        int64_t& side = refused ? it->refused.cents : it->eligible.cents;
        if (__builtin_add_overflow(side, charge.cents, &side)) side = INT64_MAX;
    }
    std::vector<CostTypeSums> present;
    for (auto& s : sums) {
        if (s.eligible.cents != 0 || s.refused.cents != 0) present.push_back(std::move(s));
    }
    return present;
}

// Horizontal stacked bars, eligible then refused, scaled to the largest cost type.
void chart(std::string& out, const Words& w, const std::vector<CostTypeSums>& sums) {
    constexpr int label_width = 150, bar_width = 420, row_height = 26, top = 24;
    __int128 largest = 1;
    for (const auto& s : sums) {
        __int128 const total = static_cast<__int128>(std::max<int64_t>(s.eligible.cents, 0)) +
                               std::max<int64_t>(s.refused.cents, 0);
        largest = std::max(largest, total);
    }
    auto width_of = [&](int64_t cents) {
        return static_cast<int>(static_cast<__int128>(std::max<int64_t>(cents, 0)) * bar_width /
                                largest);
    };
    int const height = top + row_height * static_cast<int>(sums.size()) + 4;
    std::string const total_width = std::to_string(label_width + bar_width + 170);
    out += "<svg class=\"chart\" role=\"img\" width=\"";
    out += total_width;
    out += "\" height=\"";
    out += std::to_string(height);
    out += "\" viewBox=\"0 0 ";
    out += total_width;
    out += ' ';
    out += std::to_string(height);
    out += "\" font-size=\"12\">\n";
    html_element(out, "title", w.per_cost_type);
    out += "\n<rect x=\"0\" y=\"4\" width=\"12\" height=\"12\" fill=\"#1a7f37\"/>";
    out += "<text x=\"18\" y=\"14\">";
    out += html_escape(w.eligible);
    out += "</text>";
    out += "<rect x=\"140\" y=\"4\" width=\"12\" height=\"12\" fill=\"#b3261e\"/>";
    out += "<text x=\"158\" y=\"14\">";
    out += html_escape(w.refused);
    out += "</text>\n";
    int y = top;
    for (const auto& s : sums) {
        int const eligible = width_of(s.eligible.cents);
        int const refused = width_of(s.refused.cents);
        std::string const ys = std::to_string(y);
        out += "<g class=\"bar\" data-cost-type=\"";
        out += html_escape(s.cost_type);
        out += "\"><text x=\"0\" y=\"";
        out += std::to_string(y + 15);
        out += "\">";
        out += html_escape(cost_type_word(w, s.cost_type));
        out += "</text>";
        out += "<rect class=\"eligible\" x=\"";
        out += std::to_string(label_width);
        out += "\" y=\"";
        out += ys;
        out += "\" width=\"";
        out += std::to_string(eligible);
        out += "\" height=\"20\" fill=\"#1a7f37\"><title>";
        out += html_escape(money_text(s.eligible));
        out += "</title></rect>";
        out += "<rect class=\"refused\" x=\"";
        out += std::to_string(label_width + eligible);
        out += "\" y=\"";
        out += ys;
        out += "\" width=\"";
        out += std::to_string(refused);
        out += "\" height=\"20\" fill=\"#b3261e\"><title>";
        out += html_escape(money_text(s.refused));
        out += "</title></rect>";
        out += "<text x=\"";
        out += std::to_string(label_width + eligible + refused + 6);
        out += "\" y=\"";
        out += std::to_string(y + 15);
        out += "\">";
        out += html_escape(format_money(s.eligible));
        out += " / ";
        out += html_escape(format_money(s.refused));
        out += "</text></g>\n";
        y += row_height;
    }
    out += "</svg>\n";
}

void totals(std::string& out, const Words& w, const Result& r, const Convention& c) {
    const Totals& t = r.totals;
    out += "<section class=\"totals\">\n";
    html_element(out, "h2", w.totals);
    out += "\n<table class=\"totals\">\n";
    auto row = [&](const char* key, const char* label, Money amount) {
        out += "<tr data-total=\"";
        out += key;
        out += "\">";
        html_element(out, "th", label);
        html_element(out, "td", money_text(amount), "amount");
        out += "</tr>\n";
    };
    row("declared", w.declared, t.declared);
    row("eligible", w.eligible, t.eligible);
    row("ineligible", w.ineligible, t.ineligible);
    row("eligible_capped", w.eligible_capped, t.eligible_capped);
    row("subsidy", w.subsidy, t.subsidy);
    if (t.advance_paid) row("advance_paid", w.advance_paid, *t.advance_paid);
    if (t.balance_due) row("balance_due", w.balance_due, *t.balance_due);
    if (t.to_recover) row("to_recover", w.to_recover, *t.to_recover);
    out += "</table>\n";
    std::vector<CostTypeSums> const sums = per_cost_type(r, c);
    if (!sums.empty()) {
        html_element(out, "h3", w.per_cost_type);
        out += '\n';
        chart(out, w, sums);
        out += "<table class=\"cost-types\">\n<tr>";
        html_element(out, "th", w.cost_type);
        html_element(out, "th", w.eligible, "amount");
        html_element(out, "th", w.refused, "amount");
        out += "</tr>\n";
        for (const auto& s : sums) {
            out += "<tr>";
            html_element(out, "td", cost_type_word(w, s.cost_type));
            html_element(out, "td", money_text(s.eligible), "amount");
            html_element(out, "td", money_text(s.refused), "amount");
            out += "</tr>\n";
        }
        out += "</table>\n";
    }
    out += "</section>\n";
}

std::string decided_by(const Explanation& explanation) {
    std::string out;
    for (const auto& [path, value] : explanation) {
        if (!out.empty()) out += ", ";
        out += "<code>";
        out += html_escape(path);
        out += "</code> = ";
        out += html_escape(value);
    }
    return out;
}

void decisions(std::string& out, const Words& w, const char* css_class, const char* title,
               const char* outcome_label, const std::vector<Decision>& list,
               const std::map<std::string, std::string>& titles) {
    out += "<section class=\"";
    out += css_class;
    out += "\">\n";
    html_element(out, "h2", title);
    out += '\n';
    if (list.empty()) {
        html_element(out, "p", w.none);
        out += "\n</section>\n";
        return;
    }
    out += "<table>\n<tr>";
    html_element(out, "th", w.identifier);
    html_element(out, "th", outcome_label);
    html_element(out, "th", w.reason);
    html_element(out, "th", w.rule);
    out += "</tr>\n";
    for (const auto& d : list) {
        out += "<tr class=\"decision\" data-outcome=\"";
        out += html_escape(d.outcome);
        out += "\"><td>";
        out += html_escape(d.subject_id);
        if (auto it = titles.find(d.subject_id); it != titles.end() && !it->second.empty()) {
            out += "<br>";
            out += html_escape(it->second);
        }
        out += "</td>";
        html_element(out, "td", outcome_word(w, d.outcome));
        out += "<td>";
        out += html_escape(d.reason);
        if (!d.explanation.empty()) {
            out += "<br><small>";
            out += decided_by(d.explanation);
            out += "</small>";
        }
        out += "</td><td><code>";
        out += html_escape(d.rule);
        out += "</code></td></tr>\n";
    }
    out += "</table>\n</section>\n";
}

void finding(std::string& out, const Words& w, const Finding& f) {
    out += "<div class=\"finding\" data-rule=\"";
    out += html_escape(f.rule);
    out += "\">\n";
    html_element(out, "p", f.message, "message");
    out += "\n<p class=\"source\">";
    out += html_escape(w.rule);
    out += html_escape(w.colon);
    out += "<code>";
    out += html_escape(f.rule);
    out += "</code>";
    if (std::string const cite = localized_cite(w, f); !cite.empty()) {
        out += ", ";
        out += html_escape(w.cite);
        out += html_escape(w.colon);
        out += "<cite>";
        out += html_escape(cite);
        out += "</cite>";
    }
    out += "</p>\n";
    if (!f.explanation.empty()) {
        out += "<p class=\"decided\">";
        out += html_escape(w.decided_by);
        out += html_escape(w.colon);
        out += decided_by(f.explanation);
        out += "</p>\n";
    }
    out += "</div>\n";
}

// By severity (errors first), then by subject in the order it first appears.
void findings(std::string& out, const Words& w, const std::vector<Finding>& list) {
    out += "<section class=\"findings\">\n";
    html_element(out, "h2", w.findings);
    out += '\n';
    if (list.empty()) html_element(out, "p", w.none);
    for (Severity severity : {Severity::error, Severity::warning, Severity::info}) {
        std::vector<std::pair<std::string, std::vector<const Finding*>>> subjects;
        for (const auto& f : list) {
            if (f.severity != severity) continue;
            std::string subject = subject_kind_word(w.language, to_string(f.subject_kind));
            if (!f.subject_id.empty()) {
                subject += ' ';
                subject += f.subject_id;
            }
            auto it = std::find_if(subjects.begin(), subjects.end(),
                                   [&](const auto& s) { return s.first == subject; });
            if (it == subjects.end()) it = subjects.insert(subjects.end(), {subject, {}});
            it->second.push_back(&f);
        }
        if (subjects.empty()) continue;
        size_t count = 0;
        for (const auto& s : subjects) count += s.second.size();
        out += "<section class=\"severity severity-";
        out += to_string(severity);
        out += "\">\n";
        std::string heading = severity_plural(w, severity);
        heading[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(heading[0])));
        heading += " (";
        heading += std::to_string(count);
        heading += ')';
        html_element(out, "h3", heading);
        out += '\n';
        for (const auto& [subject, items] : subjects) {
            out += "<section class=\"subject\">\n";
            html_element(out, "h4", subject);
            out += '\n';
            for (const Finding* f : items) finding(out, w, *f);
            out += "</section>\n";
        }
        out += "</section>\n";
    }
    out += "</section>\n";
}

void indicators(std::string& out, const Words& w, const std::vector<IndicatorValue>& list) {
    out += "<section class=\"indicators\">\n";
    html_element(out, "h2", w.indicators);
    out += "\n<table>\n<tr>";
    html_element(out, "th", w.indicator);
    html_element(out, "th", w.value, "amount");
    out += "</tr>\n";
    for (const auto& v : list) {
        out += "<tr class=\"indicator\" data-name=\"";
        out += html_escape(v.name);
        out += "\">";
        html_element(out, "td", v.label.empty() ? v.name : v.label);
        std::string value = v.kind == IndicatorValue::Kind::missing ? w.missing_value : v.value;
        if (v.kind != IndicatorValue::Kind::missing && !v.unit.empty()) {
            value += ' ';
            value += v.unit;
        }
        html_element(out, "td", value, "amount");
        out += "</tr>\n";
    }
    out += "</table>\n</section>\n";
}

}  // namespace

std::string html_page_start(const std::string& language, const std::string& title) {
    const Words& w = report_words(language);
    std::string out = "<!DOCTYPE html>\n<html lang=\"";
    out += w.language;
    out += "\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<title>";
    out += html_escape(title.empty() ? std::string(w.report_title) : title);
    out += "</title>\n<style>";
    out += style;
    out += "</style>\n</head>\n<body>\n";
    return out;
}

std::string html_page_end() { return "</body>\n</html>\n"; }

std::string render_html(const Result& result, const Convention& convention,
                        const std::string& language) {
    const Words& w = report_words(language);
    std::string out = "<article class=\"report\">\n";
    identity(out, w, result);
    verdict(out, w, result);
    totals(out, w, result, convention);
    std::map<std::string, std::string> action_titles;
    for (const auto& a : convention.actions) action_titles.emplace(a.id, a.title);
    decisions(out, w, "actions", w.actions, w.activation_class, result.actions, action_titles);
    if (!result.beneficiaries.empty())
        decisions(out, w, "beneficiaries", w.beneficiaries, w.eligibility, result.beneficiaries,
                  {});
    findings(out, w, result.findings);
    if (!result.indicators.empty()) indicators(out, w, result.indicators);
    out += "</article>\n";
    return out;
}

std::string render_html_page(const Result& result, const Convention& convention,
                             const std::string& language) {
    std::string out = html_page_start(language);
    out += render_html(result, convention, language);
    out += html_page_end();
    return out;
}

}  // namespace activ
