// The store keeps what was received and every result, and refuses what it cannot trust.
#include "engine/store.hpp"

#include <sqlite3.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "engine/model_codec.hpp"
#include "engine/store_batch.hpp"
#include "tests/support/run_activ.hpp"

#include "tests/support/store_query.hpp"
#include "tests/support/temp_folder.hpp"

namespace fs = std::filesystem;

namespace {

const std::string source_dir = ACTIV_SOURCE_DIR;

using activ::testing::TempFolder;
using activ::testing::count_in_store;

std::vector<std::string> examples() {
    return {source_dir + "/examples/gent-2016.yaml", source_dir + "/examples/liege-2015.yaml",
            source_dir + "/examples/namur-2015.yaml"};
}

std::vector<activ::ImportOutcome> import(activ::Store& store, const std::vector<std::string>& files) {
    std::vector<activ::ImportOutcome> out;
    activ::import_files(store, activ::sources_of(files), {}, 2, [&](const activ::ImportOutcome& o) { out.push_back(o); });
    return out;
}

activ::StoreCheckSummary check(activ::Store& store, const std::string& rules = {}) {
    activ::StoreCheckOptions options;
    options.rules = rules;
    options.rules_dir = source_dir + "/rules";
    options.engine_version = "test";
    options.jobs = 2;
    return activ::check_store(store, options, [](size_t, size_t) {}, [](const std::string&) {});
}

}  // namespace

TEST_CASE("a new store has the current schema, in WAL mode", "[store]") {
    TempFolder folder("activ-store-new");
    std::string const path = (folder.path / "store.sqlite").string();
    { activ::Store store(path, activ::Store::Mode::create); }
    CHECK(count_in_store(path, "PRAGMA user_version") == activ::store_schema_version());
    CHECK(count_in_store(path, "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'") == 1);
    // Opening it again changes nothing.
    { activ::Store store(path, activ::Store::Mode::create); }
    CHECK(count_in_store(path, "PRAGMA user_version") == activ::store_schema_version());
}

TEST_CASE("a missing store is an error that says how to make one", "[store]") {
    TempFolder folder("activ-store-missing");
    std::string const path = (folder.path / "none.sqlite").string();
    try {
        activ::Store store(path, activ::Store::Mode::read_write);
        FAIL("opened a store that does not exist");
    } catch (const activ::StoreError& e) {
        CHECK(std::string(e.what()).find("activ db init " + path) != std::string::npos);
    }
    CHECK_FALSE(fs::exists(path));
}

TEST_CASE("a store from a newer activ is refused, not changed", "[store]") {
    TempFolder folder("activ-store-newer");
    std::string const path = (folder.path / "store.sqlite").string();
    { activ::Store store(path, activ::Store::Mode::create); }
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    CHECK_THROWS_WITH(activ::Store(path, activ::Store::Mode::read_write),
                      Catch::Contains("schema version 99, newer than this activ's"));
    CHECK(count_in_store(path, "PRAGMA user_version") == 99);
}

TEST_CASE("the same bytes make one submission; other bytes of the same id, another", "[store]") {
    TempFolder folder("activ-store-import");
    std::string const path = (folder.path / "store.sqlite").string();
    activ::Store store(path, activ::Store::Mode::create);
    auto first = import(store, examples());
    REQUIRE(first.size() == 3);
    for (const auto& o : first) CHECK((o.readable && o.accepted && o.added));
    auto again = import(store, examples());
    for (const auto& o : again) CHECK_FALSE(o.added);
    CHECK(again[1].submission_id == first[1].submission_id);

    // A corrected liege: the same convention id, a second submission.
    std::string text = activ::testing::slurp(source_dir + "/examples/liege-2015.yaml");
    text += "\n# corrected\n";
    std::string const corrected = (folder.path / "liège 'corrigé'.yaml").string();
    std::ofstream(corrected) << text;
    auto corrected_import = import(store, {corrected});
    CHECK(corrected_import[0].added);
    CHECK(store.submissions_of("AS-2015-0117").size() == 2);
    CHECK(store.submissions_of("AS-2015-0117").front().source_path == corrected);
    CHECK(count_in_store(path, "SELECT count(*) FROM submission") == 4);
    // The bytes are kept as they came.
    auto const stored = store.accepted_submissions(true);
    REQUIRE(stored.size() == 3);
    // A list of the store holds no model: each is read when its turn comes.
    CHECK(stored.front().model.empty());
    CHECK(store.original_of(stored.back().submission_id) == text);
}

TEST_CASE("a refused file is kept, with why it was refused", "[store]") {
    TempFolder folder("activ-store-rejected");
    std::string const path = (folder.path / "store.sqlite").string();
    activ::Store store(path, activ::Store::Mode::create);
    std::string const bad = source_dir + "/tests/bad-input/conventions/alias-in-known-list.yaml";
    auto outcome = import(store, {bad});
    CHECK(outcome[0].readable);
    CHECK_FALSE(outcome[0].accepted);
    CHECK(outcome[0].added);
    auto rows = store.list({});
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].status == "rejected");
    CHECK(rows[0].rejection.find(":13:25: error: YAML syntax error") != std::string::npos);
    // Nothing to check in it.
    CHECK(check(store).checked == 0);
}

TEST_CASE("a check stores each result once per rules and engine", "[store]") {
    TempFolder folder("activ-store-check");
    std::string const path = (folder.path / "store.sqlite").string();
    activ::Store store(path, activ::Store::Mode::create);
    import(store, examples());
    auto first = check(store);
    CHECK(first.checked == 3);
    CHECK(first.error == 2);  // liege and namur
    CHECK(first.clean + first.warning == 1);
    auto again = check(store);
    CHECK(again.checked == 0);
    CHECK(again.already == 3);
    CHECK(count_in_store(path, "SELECT count(*) FROM result") == 3);
    // The findings are stored with the amount at stake of those on expenses.
    CHECK(count_in_store(path, "SELECT count(*) FROM finding f JOIN result r ON r.id = f.result_id "
                      "WHERE f.subject_kind = 'expense' AND f.amount_cents IS NULL") == 0);
    auto liege = store.results_of(store.submissions_of("AS-2015-0117").front().id);
    REQUIRE(liege.size() == 1);
    CHECK(liege[0].status == "error");
    CHECK(liege[0].eligible.cents == 317235);
    CHECK(liege[0].finding_count == 5);
    CHECK(liege[0].ruleset_name == "be.social-activation");
    CHECK(liege[0].report_json.find("\"schema\"") != std::string::npos);

    // Other rules (here the 2015 file for every year): a new result, the old one kept.
    auto other = check(store, source_dir + "/rules/be/social-activation-2015.rules");
    CHECK(other.checked == 1);  // gent-2016: the 2015 conventions were checked with it already
    CHECK(other.already == 2);
}

TEST_CASE("a read-only store writes nothing", "[store]") {
    TempFolder folder("activ-store-readonly");
    std::string const path = (folder.path / "store.sqlite").string();
    {
        activ::Store store(path, activ::Store::Mode::create);
        import(store, examples());
    }
    activ::Store store(path, activ::Store::Mode::read_only);
    CHECK(store.list({}).size() == 3);
    CHECK_THROWS_AS(store.add_submission({}), activ::StoreError);
}

TEST_CASE("a damaged or outdated model is read again from the bytes received", "[store]") {
    TempFolder folder("activ-store-damaged");
    std::string const path = (folder.path / "store.sqlite").string();
    activ::Store store(path, activ::Store::Mode::create);
    import(store, {source_dir + "/examples/liege-2015.yaml"});
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    REQUIRE(sqlite3_exec(db, "UPDATE submission SET model = x'414342', model_version = 0", nullptr,
                         nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    auto const stored = store.accepted_submissions(true);
    REQUIRE(stored.size() == 1);
    std::string error;
    auto const convention = activ::stored_convention(store, stored[0], error);
    REQUIRE(convention);
    CHECK(error.empty());
    CHECK(convention->id == "AS-2015-0117");
    CHECK(convention->expenses.size() == 7);
    auto const summary = check(store);
    CHECK(summary.checked == 1);
    CHECK(summary.error == 1);
}

TEST_CASE("a pass over the store reads each model as its turn nears, and drops it after",
          "[store]") {
    TempFolder folder("activ-store-window");
    activ::Store store((folder.path / "store.sqlite").string(), activ::Store::Mode::create);
    import(store, examples());
    std::vector<activ::StoredModel> stored = store.accepted_submissions(false);
    REQUIRE(stored.size() == 3);
    std::vector<std::string> decoded(stored.size());
    std::vector<bool> dropped(stored.size(), false);
    activ::run_over_stored(
        store, stored.size(), 1, [&](size_t i) -> activ::StoredModel& { return stored[i]; },
        [&](size_t i) {
            std::string why;
            auto convention = activ::decode_convention(stored[i].model, why);
            decoded[i] = convention ? convention->id : why;
        },
        [&](size_t i) { dropped[i] = stored[i].model.empty(); });
    CHECK(decoded == std::vector<std::string>{"MA-2016-0203", "AS-2015-0117", "AS-2015-0311"});
    CHECK(dropped == std::vector<bool>{true, true, true});
}
