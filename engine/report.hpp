// Formats a Result for people (text) and for programs (JSON, spec/convention-format.md).
#pragma once
#include <string>

#include "engine/html.hpp"
#include "engine/model.hpp"
#include "engine/result.hpp"

namespace activ {

/// A plain-text report: verdict, actions, beneficiaries, findings, totals, indicators.
/// The report's own words are in `language` ("fr", "nl"; anything else is English);
/// messages and reasons are already in the result, in whatever language evaluation chose.
std::string render_text(const Result& result, const std::string& language = "en");

/// The version of the JSON document, its first key: readers check it before anything else.
inline constexpr const char* result_schema = "activ.result/2";

/// One JSON document (pretty-printed, keys in a fixed order and in English whatever the
/// language of the messages, ending in a newline).
std::string render_json(const Result& result);

/// The Result a JSON report describes (render_json's output, as the store keeps it).
/// Throws std::runtime_error naming what is wrong when it is not an activ.result/2 report.
/// The findings' amounts at stake are not in a report: set_amounts_at_stake puts them back.
Result read_json_report(const std::string& json);
/// Sets each expense finding's amount at stake to the charge of its expense.
void set_amounts_at_stake(Result& result, const Convention& convention);

/// An HTML report to attach to a decision: one `<article class="report">` per convention,
/// with no outside resource and no script. The convention gives each expense's cost type
/// and charge, for the chart per cost type. Words in `language` as for render_text; every
/// text from the submission is escaped. A page is html_page_start, the articles, then
/// html_page_end; render_html_page makes the page of one convention.
std::string render_html(const Result& result, const Convention& convention,
                        const std::string& language = "en");
std::string html_page_start(const std::string& language = "en", const std::string& title = "");
std::string html_page_end();
std::string render_html_page(const Result& result, const Convention& convention,
                             const std::string& language = "en");


/// The header of the CSV report (RFC 4180, CR LF), printed once before the rows of any
/// number of conventions.
std::string csv_report_header();
/// One CSV row per finding of `result`, in the order of the findings: convention, CPAS,
/// subject kind and id, rule, severity, amount at stake (an expense's charge), message.
std::string render_csv(const Result& result);

}  // namespace activ
