// The store's views as HTML pages, in the style of the convention report: the national
// overview of `activ report`, and a convention's history with its latest report
// (`activ db show --format html`). Every text that came from a submission is escaped.
#include <string>

#include "engine/messages.hpp"
#include "engine/report.hpp"
#include "engine/store_overview.hpp"
#include "engine/store_report.hpp"

namespace activ {

namespace {

std::string status_word(const ReportWords& r, const OverviewWords& w, const std::string& status) {
    if (status == "error") return r.errors;
    if (status == "warning") return r.warnings;
    if (status == "clean") return r.clean;
    if (status == "unchecked") return w.unchecked;
    if (status == "rejected") return w.rejected;
    return status;
}

std::string severity_word(const ReportWords& r, const std::string& severity) {
    if (severity == "error") return r.error;
    if (severity == "warning") return r.warning;
    return r.info;
}

void status_cell(std::string& out, const ReportWords& r, const OverviewWords& w,
                 const std::string& status) {
    std::string const css = "status-" + status;
    html_element(out, "td", status_word(r, w, status), css.c_str());
}

// "#12". Built by appending: GCC 12 warns falsely on "#" + std::to_string(...).
std::string numbered(int64_t n) {
    std::string out = "#";
    out += std::to_string(n);
    return out;
}

void link_cell(std::string& out, const std::string& href, const std::string& text) {
    out += "<td><a href=\"";
    out += html_escape(href);
    out += "\">";
    out += html_escape(text);
    out += "</a></td>";
}

void by_status(std::string& out, const ReportWords& r, const OverviewWords& w,
               const Overview& o) {
    out += "<section class=\"by-status\">\n";
    html_element(out, "h2", w.by_status);
    out += "\n<table>\n<tr>";
    html_element(out, "th", w.status);
    html_element(out, "th", w.conventions, "amount");
    out += "</tr>\n";
    auto row = [&](const char* status, int64_t count) {
        out += "<tr data-status=\"";
        out += status;
        out += "\">";
        status_cell(out, r, w, status);
        html_element(out, "td", std::to_string(count), "amount");
        out += "</tr>\n";
    };
    row("error", o.error);
    row("warning", o.warning);
    row("clean", o.clean);
    row("unchecked", o.unchecked);
    row("rejected", static_cast<int64_t>(o.rejected.size()));
    out += "</table>\n</section>\n";
}

void per_cpas(std::string& out, const ReportWords& r, const OverviewWords& w, const Overview& o,
              const std::function<std::string(const SubmissionRow&)>& link) {
    out += "<section class=\"per-cpas\">\n";
    html_element(out, "h2", w.per_cpas);
    out += "\n<table>\n<tr>";
    html_element(out, "th", r.cpas);
    html_element(out, "th", r.convention);
    html_element(out, "th", w.status);
    html_element(out, "th", r.declared, "amount");
    html_element(out, "th", r.eligible, "amount");
    html_element(out, "th", r.refused, "amount");
    html_element(out, "th", r.findings, "amount");
    out += "</tr>\n";
    for (const auto& cpas : o.cpas) {
        for (const auto& c : cpas.conventions) {
            out += "<tr class=\"convention\" data-cpas=\"";
            out += html_escape(cpas.nis);
            out += "\" data-status=\"";
            out += html_escape(c.submission.status);
            out += "\">";
            html_element(out, "td", cpas.name + " (" + cpas.nis + ")");
            link_cell(out, link(c.submission), c.submission.convention_id);
            status_cell(out, r, w, c.submission.status);
            if (c.totals) {
                html_element(out, "td", money_text(c.totals->declared), "amount");
                html_element(out, "td", money_text(c.totals->eligible), "amount");
                html_element(out, "td", money_text(c.totals->ineligible), "amount");
                html_element(out, "td", std::to_string(c.finding_count), "amount");
            } else {
                out += "<td></td><td></td><td></td><td></td>";
            }
            out += "</tr>\n";
        }
    }
    out += "<tr class=\"total\">";
    html_element(out, "th", w.total);
    out += "<td></td><td></td>";
    html_element(out, "td", money_text(o.declared), "amount");
    html_element(out, "td", money_text(o.eligible), "amount");
    html_element(out, "td", money_text(o.ineligible), "amount");
    out += "<td></td></tr>\n</table>\n</section>\n";
}

void top_findings(std::string& out, const ReportWords& r, const OverviewWords& w,
                  const Overview& o) {
    out += "<section class=\"top-findings\">\n";
    html_element(out, "h2", w.top_findings);
    out += '\n';
    if (o.rules.empty()) {
        html_element(out, "p", r.none);
        out += "\n</section>\n";
        return;
    }
    out += "<table>\n<tr>";
    html_element(out, "th", r.rule);
    html_element(out, "th", w.severity);
    html_element(out, "th", w.findings_count, "amount");
    html_element(out, "th", w.conventions, "amount");
    html_element(out, "th", w.at_stake, "amount");
    html_element(out, "th", r.cite);
    out += "</tr>\n";
    for (const auto& rule : o.rules) {
        out += "<tr class=\"rule\" data-rule=\"";
        out += html_escape(rule.rule);
        out += "\"><td><code>";
        out += html_escape(rule.rule);
        out += "</code></td>";
        std::string const css = "status-" + rule.severity;
        html_element(out, "td", severity_word(r, rule.severity), css.c_str());
        html_element(out, "td", std::to_string(rule.findings), "amount");
        html_element(out, "td", std::to_string(rule.conventions), "amount");
        html_element(out, "td", rule.at_stake ? money_text(*rule.at_stake) : std::string(),
                     "amount");
        html_element(out, "td", rule.cite);
        out += "</tr>\n";
    }
    out += "</table>\n</section>\n";
}

void indicators(std::string& out, const ReportWords& r, const OverviewWords& w,
                const Overview& o) {
    if (o.indicators.empty()) return;
    out += "<section class=\"indicators-summed\">\n";
    html_element(out, "h2", w.indicators_summed);
    out += "\n<table>\n<tr>";
    html_element(out, "th", r.indicator);
    html_element(out, "th", w.total, "amount");
    html_element(out, "th", w.reported, "amount");
    html_element(out, "th", w.missing, "amount");
    out += "</tr>\n";
    for (const auto& v : o.indicators) {
        out += "<tr class=\"indicator\" data-name=\"";
        out += html_escape(v.name);
        out += "\">";
        html_element(out, "td", v.label.empty() ? v.name : v.label);
        if (!v.total.empty()) {
            html_element(out, "td", v.unit.empty() ? v.total : v.total + " " + v.unit, "amount");
        } else {
            html_element(out, "td", v.additive ? r.missing_value : w.not_additive, "amount");
        }
        html_element(out, "td", std::to_string(v.reported), "amount");
        html_element(out, "td", std::to_string(v.missing), "amount");
        out += "</tr>\n";
    }
    out += "</table>\n</section>\n";
}

void rejected_files(std::string& out, const OverviewWords& w, const Overview& o) {
    if (o.rejected.empty()) return;
    out += "<section class=\"rejected\">\n";
    html_element(out, "h2", w.rejected_files);
    out += '\n';
    html_element(out, "p", w.rejected_note);
    out += "\n<table>\n";
    for (const auto& s : o.rejected) {
        out += "<tr class=\"rejected-file\">";
        html_element(out, "td", numbered(s.id));
        html_element(out, "td", s.source_path);
        out += "<td><pre>";
        out += html_escape(s.rejection);
        out += "</pre></td></tr>\n";
    }
    out += "</table>\n</section>\n";
}

}  // namespace

std::string render_overview_html(const Overview& overview, const std::string& language,
                                 const std::function<std::string(const SubmissionRow&)>& link,
                                 const std::string& details) {
    const ReportWords& r = report_words(language);
    const OverviewWords& w = overview_words(language);
    std::string title = w.title;
    title += " — ";
    title += overview.year ? std::to_string(*overview.year) : std::string(w.all_years);
    std::string out = html_page_start(language, title);
    out += "<article class=\"overview\">\n<header>\n";
    html_element(out, "h1", title);
    out += "\n</header>\n";
    by_status(out, r, w, overview);
    per_cpas(out, r, w, overview, link);
    top_findings(out, r, w, overview);
    indicators(out, r, w, overview);
    rejected_files(out, w, overview);
    out += "</article>\n";
    if (!details.empty()) {
        out += "<section class=\"details\">\n";
        html_element(out, "h2", w.details);
        out += '\n';
        out += details;
        out += "</section>\n";
    }
    out += html_page_end();
    return out;
}

std::string render_store_history_html(const std::string& convention_id,
                                      const std::vector<SubmissionRow>& submissions,
                                      const std::vector<std::vector<StoredResult>>& results,
                                      const Result* latest, const Convention* convention,
                                      const std::string& language) {
    const ReportWords& r = report_words(language);
    const OverviewWords& w = overview_words(language);
    std::string out = html_page_start(language, std::string(r.report_title) + " " + convention_id);
    if (latest && convention) {
        out += render_html(*latest, *convention, language);
    } else {
        out += "<article class=\"report\">\n<header>\n";
        html_element(out, "h1", std::string(r.report_title) + " " + convention_id);
        out += "\n</header>\n";
        html_element(out, "p", submissions.empty() || submissions.front().accepted
                                   ? w.no_result
                                   : w.rejected);
        if (!submissions.empty() && !submissions.front().accepted) {
            out += "\n<pre>";
            out += html_escape(submissions.front().rejection);
            out += "</pre>";
        }
        out += "\n</article>\n";
    }
    out += "<section class=\"history\">\n";
    html_element(out, "h2", w.history);
    out += "\n<table>\n<tr>";
    html_element(out, "th", w.submission);
    html_element(out, "th", w.imported);
    html_element(out, "th", r.file);
    html_element(out, "th", w.result);
    html_element(out, "th", w.checked);
    html_element(out, "th", r.ruleset);
    html_element(out, "th", w.status);
    html_element(out, "th", r.eligible, "amount");
    html_element(out, "th", r.findings, "amount");
    out += "</tr>\n";
    for (size_t i = 0; i < submissions.size(); ++i) {
        const SubmissionRow& s = submissions[i];
        auto submission_cells = [&] {
            html_element(out, "td", numbered(s.id));
            html_element(out, "td", s.imported_at);
            html_element(out, "td", s.source_path);
        };
        if (results[i].empty()) {
            out += "<tr class=\"submission\">";
            submission_cells();
            out += "<td></td><td></td><td></td>";
            status_cell(out, r, w, s.status);
            out += "<td></td><td></td></tr>\n";
        }
        for (const auto& result : results[i]) {
            out += "<tr class=\"result\">";
            submission_cells();
            html_element(out, "td", numbered(result.id));
            html_element(out, "td", result.checked_at);
            html_element(out, "td", result.ruleset_name + " " + result.ruleset_version +
                                        " (engine " + result.engine_version + ")");
            status_cell(out, r, w, result.status);
            html_element(out, "td", money_text(result.eligible), "amount");
            html_element(out, "td", std::to_string(result.finding_count), "amount");
            out += "</tr>\n";
        }
    }
    out += "</table>\n</section>\n";
    out += html_page_end();
    return out;
}

}  // namespace activ
