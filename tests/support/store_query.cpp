// Test support: a store of the examples, and one value out of an SQLite file.
#include "tests/support/store_query.hpp"

#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <vector>

#include "engine/store_batch.hpp"

namespace activ::testing {

std::string example_store(const std::filesystem::path& folder) {
    std::string const source_dir = ACTIV_SOURCE_DIR;
    std::string const path = (folder / "store.sqlite").string();
    activ::Store store(path, activ::Store::Mode::create);
    std::vector<std::string> const files = {source_dir + "/examples/gent-2016.yaml",
                                            source_dir + "/examples/liege-2015.yaml",
                                            source_dir + "/examples/namur-2015.yaml"};
    activ::import_files(store, activ::sources_of(files), {}, 2,
                        [](const activ::ImportOutcome& o) { REQUIRE(o.accepted); });
    activ::StoreCheckOptions options;
    options.rules_dir = source_dir + "/rules";
    options.engine_version = "test";
    options.jobs = 2;
    auto const summary = activ::check_store(
        store, options, [](size_t, size_t) {}, [](const std::string&) {});
    REQUIRE(summary.checked == 3);
    return path;
}

std::string query_store(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    std::string out;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_busy_timeout(db, 5000);
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
            sqlite3_step(stmt) == SQLITE_ROW) {
            const unsigned char* text = sqlite3_column_text(stmt, 0);
            out = text ? reinterpret_cast<const char*>(text) : "";
        }
        sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    return out;
}

long long count_in_store(const std::string& path, const std::string& sql) {
    std::string const text = query_store(path, sql);
    return text.empty() ? -1 : std::stoll(text);
}

}  // namespace activ::testing
