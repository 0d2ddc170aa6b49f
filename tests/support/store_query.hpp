// Test support: reading the store the way an administrator's SQL would, bypassing activ.
#pragma once
#include <filesystem>
#include <string>

namespace activ::testing {

/// A store at FOLDER/store.sqlite holding the three shipped examples, each checked under
/// the shipped rules (engine version "test"); its path.
std::string example_store(const std::filesystem::path& folder);

/// The first column of the first row of `sql` on the store at `path`, opened read-only,
/// as text; "" when the query fails or gives no row (a busy store waits up to 5 s).
std::string query_store(const std::string& path, const std::string& sql);

/// The same, as a number (`SELECT count(*) ...`); -1 when the query fails.
long long count_in_store(const std::string& path, const std::string& sql);

}  // namespace activ::testing
