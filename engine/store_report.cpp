// Stored submissions and results as people and programs read them: `activ db show`'s
// history, and `activ db export`'s CSV.
#include "engine/store_report.hpp"

#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "engine/csv.hpp"

namespace activ {

namespace {

nlohmann::json result_json(const StoredResult& r, bool with_report) {
    nlohmann::json j = {{"result", r.id},
                        {"checked_at", r.checked_at},
                        {"ruleset",
                         {{"name", r.ruleset_name},
                          {"version", r.ruleset_version},
                          {"canonical_hash", "sha256:" + r.ruleset_sha256}}},
                        {"engine_version", r.engine_version},
                        {"status", r.status},
                        {"eligible", format_money(r.eligible)},
                        {"findings", r.finding_count}};
    if (with_report) j["report"] = nlohmann::json::parse(r.report_json);
    return j;
}

}  // namespace

std::string render_store_history(const std::string& convention_id,
                                 const std::vector<SubmissionRow>& submissions,
                                 const std::vector<std::vector<StoredResult>>& results,
                                 const std::string& format) {
    std::string text;
    if (format == "json") {
        nlohmann::json out = {{"schema", "activ.store-show/1"}, {"convention_id", convention_id}};
        nlohmann::json history = nlohmann::json::array();
        bool latest = true;
        for (size_t i = 0; i < submissions.size(); ++i) {
            const auto& s = submissions[i];
            nlohmann::json entry = {{"submission", s.id},
                                    {"imported_at", s.imported_at},
                                    {"source_path", s.source_path},
                                    {"sha256", s.sha256},
                                    {"status", s.status}};
            if (!s.accepted) entry["rejection"] = s.rejection;
            nlohmann::json checks = nlohmann::json::array();
            for (const auto& r : results[i]) {
                checks.push_back(result_json(r, latest));
                latest = false;  // the newest result of the newest submission carries its report
            }
            entry["results"] = std::move(checks);
            history.push_back(std::move(entry));
        }
        out["submissions"] = std::move(history);
        return out.dump(2) + "\n";
    }
    text += fmt::format("Convention {}: {} submission{}, newest first\n", convention_id,
                        submissions.size(), submissions.size() == 1 ? "" : "s");
    for (size_t i = 0; i < submissions.size(); ++i) {
        const auto& s = submissions[i];
        text += fmt::format("\nsubmission #{} imported {} from {} ({})\n", s.id, s.imported_at,
                            s.source_path, s.status);
        if (!s.accepted) text += s.rejection;
        for (const auto& r : results[i]) {
            text += fmt::format(
                "  result #{} of {}: {} {} (engine {}): {}, eligible {}, {} finding{}\n", r.id,
                r.checked_at, r.ruleset_name, r.ruleset_version, r.engine_version, r.status,
                format_money(r.eligible), r.finding_count, r.finding_count == 1 ? "" : "s");
        }
        if (i == 0 && !results[i].empty()) {
            auto const report = nlohmann::json::parse(results[i].front().report_json);
            text += "\nLatest result, findings:\n";
            for (const auto& f : report.value("findings", nlohmann::json::array())) {
                text += fmt::format("  {} {} {}: {} [{}]\n", f.value("severity", ""),
                                    f.value("rule", ""),
                                    f.value("subject", nlohmann::json::object()).value("id", ""),
                                    f.value("message", ""), f.value("cite", ""));
            }
        }
    }
    return text;
}

std::string render_findings_csv(const std::vector<StoredFinding>& findings) {
    std::string out =
        "convention_id,submission,year,cpas_nis,cpas_name,subject_kind,subject_id,rule,"
        "severity,amount,message,cite\r\n";
    for (const auto& f : findings) {
        append_csv_row(out,
                       {f.convention_id, std::to_string(f.submission_id), std::to_string(f.year),
                        f.cpas_nis, f.cpas_name, f.subject_kind, f.subject_id, f.rule, f.severity,
                        f.amount ? format_money(*f.amount) : std::string(), f.message, f.cite});
    }
    return out;
}

}  // namespace activ
