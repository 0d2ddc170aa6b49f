// Stored submissions and results as people and programs read them.
#pragma once
#include <string>
#include <vector>

#include "engine/store.hpp"

namespace activ {

/// A convention's submissions (newest first), each with its results (newest first), and
/// the findings of the latest one: as text, or as JSON ("activ.store-show/1") where the
/// newest result carries its whole report.
std::string render_store_history(const std::string& convention_id,
                                 const std::vector<SubmissionRow>& submissions,
                                 const std::vector<std::vector<StoredResult>>& results,
                                 const std::string& format);

/// The same history as one HTML page (`language` as for render_text): the latest
/// result's report, read back from the store, when there is one (`latest` and the
/// `convention` it was decided on), then every submission and result.
std::string render_store_history_html(const std::string& convention_id,
                                      const std::vector<SubmissionRow>& submissions,
                                      const std::vector<std::vector<StoredResult>>& results,
                                      const Result* latest, const Convention* convention,
                                      const std::string& language);

/// One CSV row per finding (RFC 4180, CRLF), after a header.
std::string render_findings_csv(const std::vector<StoredFinding>& findings);

}  // namespace activ
