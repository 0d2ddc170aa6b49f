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

/// One CSV row per finding (RFC 4180, CRLF), after a header.
std::string render_findings_csv(const std::vector<StoredFinding>& findings);

}  // namespace activ
