// The administrators' store: every submission as it was received, its validated model,
// and every result of every check, in one SQLite file. Each write is one transaction, so
// that an interrupted import or check leaves the store as it was before that convention.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/model.hpp"
#include "engine/result.hpp"

struct sqlite3;

namespace activ {

/// What went wrong with the store: the message names the file and says what to do.
struct StoreError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// The schema version this activ writes (`PRAGMA user_version`).
int store_schema_version();

/// A file as it was received, and what the loader made of it.
struct NewSubmission {
    std::string source_path;
    std::string original;  // the bytes received
    std::string sha256;    // of `original`, hex
    bool accepted = false;
    std::string rejection;  // the loader's diagnostics, rendered, when not accepted
    std::string convention_id;  // empty when rejected
    int year = 0;
    std::string cpas_nis;
    std::string cpas_name;
    std::string model;  // engine/model_codec's blob; empty when not read yet, when accepted
};

/// One submission, with the latest result of its latest check.
struct SubmissionRow {
    int64_t id = 0;
    std::string convention_id;
    int year = 0;
    std::string cpas_nis;
    std::string cpas_name;
    std::string source_path;
    std::string sha256;
    std::string imported_at;
    bool accepted = false;
    std::string rejection;
    std::string status;  // clean, warning or error from its latest result; rejected; unchecked
    std::optional<Money> eligible;  // of the latest result
};

/// One result of one check of one submission.
struct StoredResult {
    int64_t id = 0;
    int64_t submission_id = 0;
    std::string ruleset_name;
    std::string ruleset_version;
    std::string ruleset_sha256;  // of the canonical text
    std::string engine_version;
    std::string checked_at;
    std::string status;  // clean, warning or error
    Money declared, eligible, ineligible, eligible_capped;
    int64_t finding_count = 0;
    std::string report_json;  // the JSON report, as `activ check --format json` prints it
};

/// One finding of a latest result, with the convention it belongs to (for exports).
struct StoredFinding {
    std::string convention_id;
    int64_t submission_id = 0;
    int year = 0;
    std::string cpas_nis;
    std::string cpas_name;
    std::string subject_kind;
    std::string subject_id;
    std::string rule;
    std::string severity;
    std::optional<Money> amount;  // the charge of the expense it is about
    std::string message;
    std::string cite;
};

/// An accepted submission to check: its id and validated model.
struct StoredModel {
    int64_t submission_id = 0;
    std::string convention_id;
    int year = 0;
    std::string model;  // engine/model_codec's blob; empty when not read yet
    std::string source_path;
};

struct ListFilter {
    std::optional<std::string> cpas_nis;
    std::optional<int> year;
    std::optional<std::string> status;  // clean, warning, error, rejected, unchecked
};

class Store {
  public:
    enum class Mode {
        create,      // made when missing (db init)
        read_write,  // must exist
        read_only,   // must exist; nothing is written (activ impact)
    };
    /// Opens `path`, bringing an older schema up to date unless read-only.
    Store(const std::string& path, Mode mode);
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    const std::string& path() const { return path_; }

    /// Adds a submission unless one with the same bytes is stored; its id either way.
    struct Added {
        int64_t id = 0;
        bool added = false;
    };
    Added add_submission(const NewSubmission& submission);

    /// Accepted submissions, by id; `newest_only` keeps the newest of each convention id.
    /// Their models are left empty, to be read when each one's turn comes (model_of,
    /// stored_convention), so that a list of the whole store holds no model.
    std::vector<StoredModel> accepted_submissions(bool newest_only);

    /// The validated model of a submission (engine/model_codec); empty when rejected.
    std::string model_of(int64_t submission_id);

    /// The bytes a submission was received as; empty when there is no such submission.
    std::string original_of(int64_t submission_id);

    /// The id of the ruleset `info` names, stored on first use.
    int64_t ruleset_id(const RulesetInfo& info);
    bool has_result(int64_t submission_id, int64_t ruleset_id, const std::string& engine_version);
    /// Stores one result, its decisions, findings and indicators, in one transaction.
    void add_result(int64_t submission_id, int64_t ruleset_id, const std::string& engine_version,
                    const Result& result, const std::string& report_json);

    std::vector<SubmissionRow> list(const ListFilter& filter);
    /// The submissions of one convention id, newest first.
    std::vector<SubmissionRow> submissions_of(const std::string& convention_id);
    /// The results of one submission, newest first.
    std::vector<StoredResult> results_of(int64_t submission_id);
    /// The findings of the latest result of the newest submission of each convention.
    std::vector<StoredFinding> latest_findings();

    /// The newest accepted submission of each convention (of `year`, when given), by CPAS
    /// NIS then convention id, one at a time: its row, its model, and its latest result
    /// with the report (null when it was never checked). Holds one in memory at a time.
    void for_each_latest(std::optional<int> year,
                         const std::function<void(const SubmissionRow&, const StoredModel&,
                                                  const StoredResult*)>& each);

  private:
    void migrate();
    std::string path_;
    sqlite3* db_ = nullptr;
};

}  // namespace activ
