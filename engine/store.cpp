// The store's schema, its migrations, and every statement it runs: SQL lives here only,
// always with bound parameters.
#include "engine/store.hpp"

#include <sqlite3.h>

#include <algorithm>

#include "engine/model_codec.hpp"

namespace activ {

namespace {

// Forward migrations: entry i brings a store from schema i to i + 1. A store is never
// changed backwards; a newer one is refused by an older activ.
const char* const migrations[] = {
    R"sql(
CREATE TABLE submission (
    id            INTEGER PRIMARY KEY,
    sha256        TEXT NOT NULL UNIQUE,  -- of the bytes received: the same bytes, the same submission
    source_path   TEXT NOT NULL,
    imported_at   TEXT NOT NULL,
    original      BLOB NOT NULL,         -- the bytes received, as they were
    accepted      INTEGER NOT NULL,      -- 0: the loader refused it, for the reason below
    rejection     TEXT,
    convention_id TEXT,
    year          INTEGER,
    cpas_nis      TEXT,
    cpas_name     TEXT,
    model         BLOB,                  -- the validated model (engine/model_codec)
    model_version INTEGER
);
CREATE INDEX submission_by_convention ON submission(convention_id, id);

CREATE TABLE ruleset (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    version       TEXT NOT NULL,
    sha256        TEXT NOT NULL UNIQUE,  -- of the canonical text of the whole chain
    file          TEXT NOT NULL,
    file_sha256   TEXT NOT NULL          -- of the files' bytes
);

CREATE TABLE result (
    id              INTEGER PRIMARY KEY,
    submission_id   INTEGER NOT NULL REFERENCES submission(id),
    ruleset_id      INTEGER NOT NULL REFERENCES ruleset(id),
    engine_version  TEXT NOT NULL,
    checked_at      TEXT NOT NULL,
    status          TEXT NOT NULL,       -- clean, warning or error
    declared_cents  INTEGER NOT NULL,
    eligible_cents  INTEGER NOT NULL,
    ineligible_cents INTEGER NOT NULL,
    capped_cents    INTEGER NOT NULL,
    finding_count   INTEGER NOT NULL,
    report_json     TEXT NOT NULL,
    UNIQUE (submission_id, ruleset_id, engine_version)
);

CREATE TABLE decision (
    result_id    INTEGER NOT NULL REFERENCES result(id),
    seq          INTEGER NOT NULL,
    subject_kind TEXT NOT NULL,          -- action or beneficiary
    subject_id   TEXT NOT NULL,
    outcome      TEXT NOT NULL,
    rule         TEXT,
    reason       TEXT,
    PRIMARY KEY (result_id, seq)
) WITHOUT ROWID;

CREATE TABLE finding (
    result_id    INTEGER NOT NULL REFERENCES result(id),
    seq          INTEGER NOT NULL,
    rule         TEXT NOT NULL,
    severity     TEXT NOT NULL,
    subject_kind TEXT NOT NULL,
    subject_id   TEXT NOT NULL,
    message      TEXT NOT NULL,
    cite         TEXT,
    amount_cents INTEGER,                -- the charge of the expense it is about
    PRIMARY KEY (result_id, seq)         -- the values that decided: in result.report_json
) WITHOUT ROWID;

CREATE TABLE indicator (
    result_id INTEGER NOT NULL REFERENCES result(id),
    name      TEXT NOT NULL,
    value     TEXT,
    unit      TEXT,
    PRIMARY KEY (result_id, name)
) WITHOUT ROWID;
)sql",
};
constexpr int latest_version = static_cast<int>(std::size(migrations));

/// A prepared statement, finalized with the object; bind(1, ...) numbers from 1.
class Statement {
  public:
    Statement(sqlite3* db, const char* sql) : db_(db) {
        if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) fail();
    }
    ~Statement() { sqlite3_finalize(stmt_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int i, const std::string& text) {
        check(sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()),
                                SQLITE_TRANSIENT));
        return *this;
    }
    Statement& bind_blob(int i, const std::string& bytes) {
        check(sqlite3_bind_blob(stmt_, i, bytes.data(), static_cast<int>(bytes.size()),
                                SQLITE_TRANSIENT));
        return *this;
    }
    Statement& bind(int i, int64_t value) {
        check(sqlite3_bind_int64(stmt_, i, value));
        return *this;
    }
    Statement& bind_null(int i) {
        check(sqlite3_bind_null(stmt_, i));
        return *this;
    }
    template <typename T>
    Statement& bind_optional(int i, const std::optional<T>& value) {
        return value ? bind(i, *value) : bind_null(i);
    }

    /// True while a row is there to read.
    bool step() {
        int const rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        fail();
        return false;
    }
    void run() {
        while (step()) {
        }
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }

    bool is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
    int64_t integer(int column) const { return sqlite3_column_int64(stmt_, column); }
    std::string text(int column) const {
        const auto* data = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
        int const size = sqlite3_column_bytes(stmt_, column);
        return data ? std::string(data, static_cast<size_t>(size)) : std::string();
    }

  private:
    void check(int rc) {
        if (rc != SQLITE_OK) fail();
    }
    [[noreturn]] void fail() {
        throw StoreError(std::string("SQLite: ") + sqlite3_errmsg(db_));
    }
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

void execute(sqlite3* db, const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        std::string text = message ? message : sqlite3_errmsg(db);
        sqlite3_free(message);
        throw StoreError("SQLite: " + text);
    }
}

/// BEGIN IMMEDIATE ... COMMIT, rolled back when left by an exception. IMMEDIATE takes the
/// write lock at once, so that two clerks' writes wait for each other (busy timeout)
/// instead of failing halfway.
class Transaction {
  public:
    explicit Transaction(sqlite3* db) : db_(db) { execute(db_, "BEGIN IMMEDIATE"); }
    ~Transaction() {
        if (!committed_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    }
    void commit() {
        execute(db_, "COMMIT");
        committed_ = true;
    }

  private:
    sqlite3* db_;
    bool committed_ = false;
};

const char* severity_word(Severity s) {
    switch (s) {
        case Severity::error: return "error";
        case Severity::warning: return "warning";
        default: return "info";
    }
}

SubmissionRow submission_row(const Statement& s) {
    SubmissionRow row;
    row.id = s.integer(0);
    row.convention_id = s.text(1);
    row.year = static_cast<int>(s.integer(2));
    row.cpas_nis = s.text(3);
    row.cpas_name = s.text(4);
    row.source_path = s.text(5);
    row.sha256 = s.text(6);
    row.imported_at = s.text(7);
    row.accepted = s.integer(8) != 0;
    row.rejection = s.text(9);
    if (!row.accepted) {
        row.status = "rejected";
    } else if (s.is_null(10)) {
        row.status = "unchecked";
    } else {
        row.status = s.text(10);
        row.eligible = Money{s.integer(11)};
    }
    return row;
}

// A submission and the latest result of it, for list and show.
const char* const submission_columns = R"sql(
SELECT s.id, s.convention_id, s.year, s.cpas_nis, s.cpas_name, s.source_path, s.sha256,
       s.imported_at, s.accepted, s.rejection, r.status, r.eligible_cents
FROM submission s
LEFT JOIN result r ON r.id = (SELECT max(id) FROM result WHERE submission_id = s.id)
)sql";

// A result's columns, from `r` joined with its ruleset `g`; stored_result reads them.
const char* const result_columns = R"sql(
       r.id, g.name, g.version, g.sha256, r.engine_version, r.checked_at, r.status,
       r.declared_cents, r.eligible_cents, r.ineligible_cents, r.capped_cents, r.finding_count,
       r.report_json
)sql";

StoredResult stored_result(const Statement& s, int64_t submission_id, int first) {
    StoredResult r;
    r.submission_id = submission_id;
    r.id = s.integer(first);
    r.ruleset_name = s.text(first + 1);
    r.ruleset_version = s.text(first + 2);
    r.ruleset_sha256 = s.text(first + 3);
    r.engine_version = s.text(first + 4);
    r.checked_at = s.text(first + 5);
    r.status = s.text(first + 6);
    r.declared = Money{s.integer(first + 7)};
    r.eligible = Money{s.integer(first + 8)};
    r.ineligible = Money{s.integer(first + 9)};
    r.eligible_capped = Money{s.integer(first + 10)};
    r.finding_count = s.integer(first + 11);
    r.report_json = s.text(first + 12);
    return r;
}

}  // namespace

int store_schema_version() { return latest_version; }

Store::Store(const std::string& path, Mode mode) : path_(path) {
    int flags = SQLITE_OPEN_FULLMUTEX;
    switch (mode) {
        case Mode::create: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
        case Mode::read_write: flags |= SQLITE_OPEN_READWRITE; break;
        case Mode::read_only: flags |= SQLITE_OPEN_READONLY; break;
    }
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
        std::string const why = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        db_ = nullptr;
        if (mode != Mode::create) {
            throw StoreError(path + ": cannot open the store (" + why +
                             "); `activ db init " + path + "` makes one");
        }
        throw StoreError(path + ": cannot make the store (" + why + ")");
    }
    try {
        // Two clerks on one file: the second waits up to a minute for the first.
        sqlite3_busy_timeout(db_, 60'000);
        int version = 0;
        {
            Statement s(db_, "PRAGMA user_version");
            if (s.step()) version = static_cast<int>(s.integer(0));
        }
        if (version > latest_version) {
            throw StoreError("the store has schema version " + std::to_string(version) +
                             ", newer than this activ's " + std::to_string(latest_version) +
                             ": use a newer activ");
        }
        if (mode == Mode::read_only) {
            if (version < latest_version) {
                throw StoreError("the store has schema version " + std::to_string(version) +
                                 ", older than this activ's: `activ db init` brings it up to date");
            }
        } else {
            execute(db_, "PRAGMA journal_mode = WAL");
            execute(db_, "PRAGMA synchronous = NORMAL");
            migrate();
        }
        execute(db_, "PRAGMA foreign_keys = ON");
    } catch (const StoreError& e) {
        sqlite3_close(db_);
        db_ = nullptr;
        throw StoreError(path + ": " + e.what());
    }
}

Store::~Store() { sqlite3_close(db_); }

void Store::migrate() {
    for (;;) {
        Transaction transaction(db_);
        int version = 0;
        {
            Statement s(db_, "PRAGMA user_version");
            if (s.step()) version = static_cast<int>(s.integer(0));
        }
        if (version >= latest_version) return;  // another process may have migrated it
        execute(db_, migrations[version]);
        execute(db_, ("PRAGMA user_version = " + std::to_string(version + 1)).c_str());
        transaction.commit();
    }
}

Store::Added Store::add_submission(const NewSubmission& n) {
    Transaction transaction(db_);
    Statement insert(db_, R"sql(
INSERT INTO submission (sha256, source_path, imported_at, original, accepted, rejection,
                        convention_id, year, cpas_nis, cpas_name, model, model_version)
VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
ON CONFLICT (sha256) DO NOTHING
)sql");
    insert.bind(1, n.sha256).bind(2, n.source_path).bind_blob(3, n.original);
    insert.bind(4, int64_t{n.accepted});
    if (n.accepted) {
        insert.bind_null(5).bind(6, n.convention_id).bind(7, int64_t{n.year});
        insert.bind(8, n.cpas_nis).bind(9, n.cpas_name).bind_blob(10, n.model);
        insert.bind(11, int64_t{model_blob_version});
    } else {
        insert.bind(5, n.rejection);
        for (int i = 6; i <= 11; ++i) insert.bind_null(i);
    }
    insert.run();
    Added added;
    added.added = sqlite3_changes(db_) > 0;
    Statement find(db_, "SELECT id FROM submission WHERE sha256 = ?1");
    find.bind(1, n.sha256);
    if (find.step()) added.id = find.integer(0);
    transaction.commit();
    return added;
}

std::vector<StoredModel> Store::accepted_submissions(bool newest_only) {
    Statement s(db_, newest_only ? R"sql(
SELECT id, convention_id, year, source_path FROM submission s
WHERE accepted = 1
  AND id = (SELECT max(id) FROM submission WHERE accepted = 1 AND convention_id = s.convention_id)
ORDER BY id
)sql"
                                 : R"sql(
SELECT id, convention_id, year, source_path FROM submission
WHERE accepted = 1 ORDER BY id
)sql");
    std::vector<StoredModel> out;
    while (s.step()) {
        StoredModel m;
        m.submission_id = s.integer(0);
        m.convention_id = s.text(1);
        m.year = static_cast<int>(s.integer(2));
        m.source_path = s.text(3);
        out.push_back(std::move(m));
    }
    return out;
}

std::string Store::model_of(int64_t submission_id) {
    Statement s(db_, "SELECT model FROM submission WHERE id = ?1");
    s.bind(1, submission_id);
    return s.step() ? s.text(0) : std::string();
}

std::string Store::original_of(int64_t submission_id) {
    Statement s(db_, "SELECT original FROM submission WHERE id = ?1");
    s.bind(1, submission_id);
    return s.step() ? s.text(0) : std::string();
}

int64_t Store::ruleset_id(const RulesetInfo& info) {
    Transaction transaction(db_);
    Statement insert(db_, R"sql(
INSERT INTO ruleset (name, version, sha256, file, file_sha256) VALUES (?1, ?2, ?3, ?4, ?5)
ON CONFLICT (sha256) DO NOTHING
)sql");
    insert.bind(1, info.name).bind(2, info.version).bind(3, info.canonical_sha256);
    insert.bind(4, info.file).bind(5, info.sha256).run();
    Statement find(db_, "SELECT id FROM ruleset WHERE sha256 = ?1");
    find.bind(1, info.canonical_sha256);
    int64_t id = 0;
    if (find.step()) id = find.integer(0);
    transaction.commit();
    return id;
}

bool Store::has_result(int64_t submission_id, int64_t ruleset_id,
                       const std::string& engine_version) {
    Statement s(db_, R"sql(
SELECT 1 FROM result WHERE submission_id = ?1 AND ruleset_id = ?2 AND engine_version = ?3
)sql");
    s.bind(1, submission_id).bind(2, ruleset_id).bind(3, engine_version);
    return s.step();
}

void Store::add_result(int64_t submission_id, int64_t ruleset_id,
                       const std::string& engine_version, const Result& r,
                       const std::string& report_json) {
    Transaction transaction(db_);
    Statement insert(db_, R"sql(
INSERT INTO result (submission_id, ruleset_id, engine_version, checked_at, status,
                    declared_cents, eligible_cents, ineligible_cents, capped_cents,
                    finding_count, report_json)
VALUES (?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?4, ?5, ?6, ?7, ?8, ?9, ?10)
)sql");
    insert.bind(1, submission_id).bind(2, ruleset_id).bind(3, engine_version);
    insert.bind(4, std::string(result_status(r))).bind(5, r.totals.declared.cents).bind(6, r.totals.eligible.cents);
    insert.bind(7, r.totals.ineligible.cents).bind(8, r.totals.eligible_capped.cents);
    insert.bind(9, static_cast<int64_t>(r.findings.size())).bind(10, report_json).run();
    int64_t const result_id = sqlite3_last_insert_rowid(db_);

    Statement decision(db_, R"sql(
INSERT INTO decision (result_id, seq, subject_kind, subject_id, outcome, rule, reason)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
)sql");
    int64_t seq = 0;
    auto add_decisions = [&](const std::vector<Decision>& decisions, const char* kind) {
        for (const auto& d : decisions) {
            decision.bind(1, result_id).bind(2, seq++).bind(3, std::string(kind));
            decision.bind(4, d.subject_id).bind(5, d.outcome).bind(6, d.rule).bind(7, d.reason);
            decision.run();
        }
    };
    add_decisions(r.actions, "action");
    add_decisions(r.beneficiaries, "beneficiary");

    Statement finding(db_, R"sql(
INSERT INTO finding (result_id, seq, rule, severity, subject_kind, subject_id, message, cite,
                     amount_cents)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
)sql");
    seq = 0;
    for (const auto& f : r.findings) {
        finding.bind(1, result_id).bind(2, seq++).bind(3, f.rule);
        finding.bind(4, std::string(severity_word(f.severity)));
        finding.bind(5, std::string(to_string(f.subject_kind))).bind(6, f.subject_id);
        finding.bind(7, f.message).bind(8, f.cite);
        if (f.amount_at_stake) {
            finding.bind(9, f.amount_at_stake->cents);
        } else {
            finding.bind_null(9);
        }
        finding.run();
    }

    Statement indicator(db_, R"sql(
INSERT INTO indicator (result_id, name, value, unit) VALUES (?1, ?2, ?3, ?4)
)sql");
    for (const auto& i : r.indicators) {
        indicator.bind(1, result_id).bind(2, i.name);
        if (i.kind == IndicatorValue::Kind::missing) {
            indicator.bind_null(3);
        } else {
            indicator.bind(3, i.value);
        }
        indicator.bind(4, i.unit).run();
    }
    transaction.commit();
}

std::vector<SubmissionRow> Store::list(const ListFilter& filter) {
    std::string sql = submission_columns;
    sql += "WHERE (?1 IS NULL OR s.cpas_nis = ?1) AND (?2 IS NULL OR s.year = ?2) ORDER BY s.id";
    Statement s(db_, sql.c_str());
    s.bind_optional(1, filter.cpas_nis);
    s.bind_optional(2, filter.year ? std::optional<int64_t>(*filter.year) : std::nullopt);
    std::vector<SubmissionRow> out;
    while (s.step()) {
        SubmissionRow row = submission_row(s);
        if (filter.status && row.status != *filter.status) continue;
        out.push_back(std::move(row));
    }
    return out;
}

std::vector<SubmissionRow> Store::submissions_of(const std::string& convention_id) {
    std::string sql = submission_columns;
    sql += "WHERE s.convention_id = ?1 ORDER BY s.id DESC";
    Statement s(db_, sql.c_str());
    s.bind(1, convention_id);
    std::vector<SubmissionRow> out;
    while (s.step()) out.push_back(submission_row(s));
    return out;
}

std::vector<StoredResult> Store::results_of(int64_t submission_id) {
    std::string sql = "SELECT r.submission_id, ";
    sql += result_columns;
    sql += "FROM result r JOIN ruleset g ON g.id = r.ruleset_id\n"
           "WHERE r.submission_id = ?1 ORDER BY r.id DESC";
    Statement s(db_, sql.c_str());
    s.bind(1, submission_id);
    std::vector<StoredResult> out;
    while (s.step()) out.push_back(stored_result(s, s.integer(0), 1));
    return out;
}

void Store::for_each_latest(
    std::optional<int> year,
    const std::function<void(const SubmissionRow&, const StoredModel&, const StoredResult*)>& each) {
    std::string sql = submission_columns;
    sql.insert(sql.find("\nFROM"), ", s.model, ");
    sql.insert(sql.find("\nFROM"), result_columns);
    sql += R"sql(LEFT JOIN ruleset g ON g.id = r.ruleset_id
WHERE s.accepted = 1 AND (?1 IS NULL OR s.year = ?1)
  AND s.id = (SELECT max(id) FROM submission WHERE accepted = 1 AND convention_id = s.convention_id)
ORDER BY s.cpas_nis, s.convention_id
)sql";
    Statement s(db_, sql.c_str());
    s.bind_optional(1, year ? std::optional<int64_t>(*year) : std::nullopt);
    while (s.step()) {
        SubmissionRow const row = submission_row(s);
        StoredModel const model{row.id, row.convention_id, row.year, s.text(12), row.source_path};
        if (s.is_null(13)) {
            each(row, model, nullptr);
            continue;
        }
        StoredResult const result = stored_result(s, row.id, 13);
        each(row, model, &result);
    }
}

std::vector<StoredFinding> Store::latest_findings() {
    Statement s(db_, R"sql(
SELECT s.convention_id, s.id, s.year, s.cpas_nis, s.cpas_name, f.subject_kind, f.subject_id,
       f.rule, f.severity, f.amount_cents, f.message, f.cite
FROM submission s
JOIN result r ON r.id = (SELECT max(id) FROM result WHERE submission_id = s.id)
JOIN finding f ON f.result_id = r.id
WHERE s.accepted = 1
  AND s.id = (SELECT max(id) FROM submission WHERE accepted = 1 AND convention_id = s.convention_id)
ORDER BY s.convention_id, s.id, f.seq
)sql");
    std::vector<StoredFinding> out;
    while (s.step()) {
        StoredFinding f;
        f.convention_id = s.text(0);
        f.submission_id = s.integer(1);
        f.year = static_cast<int>(s.integer(2));
        f.cpas_nis = s.text(3);
        f.cpas_name = s.text(4);
        f.subject_kind = s.text(5);
        f.subject_id = s.text(6);
        f.rule = s.text(7);
        f.severity = s.text(8);
        if (!s.is_null(9)) f.amount = Money{s.integer(9)};
        f.message = s.text(10);
        f.cite = s.text(11);
        out.push_back(std::move(f));
    }
    return out;
}

}  // namespace activ
