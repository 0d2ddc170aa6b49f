// `activ db` as an administration uses it: import what came in, check it, list, show,
// export; and a check killed halfway leaves a sound store that the next run completes.
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "tests/support/run_activ.hpp"

#include "tests/support/store_query.hpp"
#include "tests/support/temp_folder.hpp"

namespace fs = std::filesystem;

namespace {

using activ::testing::run_activ;
using Run = activ::testing::ActivRun;

using activ::testing::TempFolder;
using activ::testing::query_store;

}  // namespace

TEST_CASE("db: import, check, list, show and export the shipped examples", "[cli][db]") {
    TempFolder folder("activ-db-flow");
    std::string const store = (folder.path / "store of 'the' CPAS.sqlite").string();
    std::string const quoted = "'" + store + "'";
    CHECK(run_activ("db init " + quoted).status == 0);

    Run imported = run_activ("db import " + quoted +
                             " examples tests/bad-input/conventions/alias-in-known-list.yaml");
    CHECK(imported.status == 0);
    CHECK(imported.out == "imported 4 files: 3 accepted, 1 rejected (kept with their errors), 0 "
                          "already stored\n");
    CHECK(imported.err.find("alias-in-known-list.yaml:13:25: error:") != std::string::npos);
    // Idempotent: the same bytes are the same submissions.
    Run again = run_activ("db import " + quoted + " examples");
    CHECK(again.out == "imported 3 files: 0 accepted, 0 rejected (kept with their errors), 3 "
                       "already stored\n");

    Run checked = run_activ("db check " + quoted);
    CHECK(checked.status == 0);
    CHECK(checked.out == "checked 3 submissions: 2 with errors, 0 with warnings, 1 clean; 0 "
                         "already checked under these rules\n");
    CHECK(run_activ("db check " + quoted).out ==
          "checked 0 submissions: 0 with errors, 0 with warnings, 0 clean; 3 already checked "
          "under these rules\n");

    Run listed = run_activ("db list " + quoted);
    CHECK(listed.status == 0);
    CHECK(listed.out.find("AS-2015-0117") != std::string::npos);
    CHECK(listed.out.find("rejected") != std::string::npos);
    Run errors = run_activ("db list " + quoted + " --status error --year 2015");
    CHECK(errors.err == "2 submissions\n");
    CHECK(errors.out.find("MA-2016-0203") == std::string::npos);

    Run shown = run_activ("db show " + quoted + " AS-2015-0117 --format json");
    CHECK(shown.status == 0);
    auto const json = nlohmann::json::parse(shown.out);
    CHECK(json["schema"] == "activ.store-show/1");
    REQUIRE(json["submissions"].size() == 1);
    const auto& latest = json["submissions"][0]["results"][0];
    CHECK(latest["status"] == "error");
    CHECK(latest["eligible"] == "3172.35");
    CHECK(latest["report"]["findings"].size() == 5);
    Run text = run_activ("db show " + quoted + " AS-2015-0117");
    CHECK(text.out.find("Convention AS-2015-0117: 1 submission") == 0);
    CHECK(text.out.find("error expense.in-period X5:") != std::string::npos);
    CHECK(run_activ("db show " + quoted + " NO-SUCH-ID").status == 2);

    Run csv = run_activ("db export " + quoted + " --format csv");
    CHECK(csv.status == 0);
    CHECK(csv.out.rfind("convention_id,submission,year,cpas_nis,cpas_name,subject_kind,"
                        "subject_id,rule,severity,amount,message,cite\r\n",
                        0) == 0);
    // liege's 5 findings and namur's, each on its own line.
    CHECK(csv.out.find("AS-2015-0117,") != std::string::npos);
    CHECK(csv.out.find("expense,X5,expense.in-period,error,") != std::string::npos);
}

TEST_CASE("db: a store that is not one, or missing, exits 2 with a clear error", "[cli][db]") {
    TempFolder folder("activ-db-errors");
    std::string const missing = (folder.path / "missing.sqlite").string();
    Run r = run_activ("db list " + missing);
    CHECK(r.status == 2);
    CHECK(r.err.find("activ db init " + missing) != std::string::npos);
    std::string const text = (folder.path / "notes.txt").string();
    std::ofstream(text) << "not a database, just some notes that are long enough to matter\n";
    Run garbage = run_activ("db check " + text);
    CHECK(garbage.status == 2);
    CHECK(garbage.err.find("error: " + text + ": ") == 0);
}

TEST_CASE("db: a check killed halfway leaves a sound store, and the next run completes it",
          "[cli][db]") {
    TempFolder folder("activ-db-kill");
    std::string const batch = (folder.path / "batch").string();
    std::string const store = (folder.path / "store.sqlite").string();
    REQUIRE(std::system((std::string(ACTIV_GENERATE) + " --cpas 200 --expenses 200 --out " +
                         batch + " >/dev/null 2>&1")
                            .c_str()) == 0);
    REQUIRE(run_activ("db init " + store).status == 0);
    REQUIRE(run_activ("db import " + store + " " + batch).status == 0);
    std::string const accepted = query_store(store, "SELECT count(*) FROM submission WHERE accepted");
    REQUIRE(accepted == "200");

    pid_t const child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        (void)!::freopen("/dev/null", "w", stdout);
        (void)!::freopen("/dev/null", "w", stderr);
        ::execl(ACTIV_BINARY, ACTIV_BINARY, "db", "check", "--jobs", "1", store.c_str(),
                static_cast<char*>(nullptr));
        ::_exit(127);
    }
    // Killed as soon as some results are in, while it writes the next ones.
    auto const deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline) {
        std::string const n = query_store(store, "SELECT count(*) FROM result");
        if (!n.empty() && std::stoi(n) >= 20) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    REQUIRE(WIFSIGNALED(status));

    CHECK(query_store(store, "PRAGMA integrity_check") == "ok");
    int const done = std::stoi(query_store(store, "SELECT count(*) FROM result"));
    CHECK(done >= 20);
    CHECK(done < 200);
    // No half-written result: each has all its findings and decisions, or is not there.
    CHECK(query_store(store, "SELECT count(*) FROM result r WHERE finding_count != "
                       "(SELECT count(*) FROM finding f WHERE f.result_id = r.id)") == "0");
    CHECK(query_store(store, "SELECT count(*) FROM result r WHERE NOT EXISTS "
                       "(SELECT 1 FROM decision d WHERE d.result_id = r.id)") == "0");

    Run rest = run_activ("db check " + store);
    CHECK(rest.status == 0);
    CHECK(rest.out.find("checked " + std::to_string(200 - done) + " submissions") == 0);
    CHECK(rest.out.find("; " + std::to_string(done) + " already checked") != std::string::npos);
    CHECK(query_store(store, "SELECT count(*) FROM result") == "200");
    CHECK(query_store(store, "PRAGMA integrity_check") == "ok");
}
