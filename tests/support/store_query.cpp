// Test support: one value out of an SQLite file.
#include "tests/support/store_query.hpp"

#include <sqlite3.h>

namespace activ::testing {

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
