// The store's batch jobs: importing files as submissions, and checking every submission
// not yet checked under the current rules. Loading and evaluating run on a pool of
// threads; the store is written from the calling thread, one convention per transaction.
#pragma once
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/convention_source.hpp"
#include "engine/load_convention.hpp"
#include "engine/ruleset.hpp"
#include "engine/store.hpp"

namespace activ {

/// What importing one file did.
struct ImportOutcome {
    std::string file;
    bool readable = false;  // false: no bytes to keep (a missing file), nothing stored
    bool accepted = false;  // the loader took it; else stored as rejected
    bool added = false;     // false: the same bytes were stored already
    int64_t submission_id = 0;
    std::string diagnostics;  // the loader's, rendered
};

/// Imports `files` (the same bytes twice make one submission). `each` sees every file, in
/// order, once it is stored.
void import_files(Store& store, const std::vector<ConventionSource>& files,
                  const ConventionLimits& limits, unsigned jobs,
                  const std::function<void(const ImportOutcome&)>& each);

/// The convention a stored submission holds: its model (read from the store when `stored`
/// has none) decoded, or, when the blob is of
/// another version or damaged, its original text loaded again. Nullopt, with `error`, when
/// neither works.
std::optional<Convention> stored_convention(Store& store, const StoredModel& stored,
                                           std::string& error);

/// run_in_order over `count` stored submissions, each one's model read from the store on
/// this thread as its turn nears (a window ahead, into `stored(i).model`) and dropped once
/// `produce(i)` returns: the store's connection stays on one thread, and memory holds a
/// window of models, not the store's.
void run_over_stored(Store& store, size_t count, unsigned jobs,
                     const std::function<StoredModel&(size_t)>& stored,
                     const std::function<void(size_t)>& produce,
                     const std::function<void(size_t)>& consume);

struct StoreCheckOptions {
    std::string rules;      // one rule file for every submission; empty: chosen by year
    std::string rules_dir;  // where rule files are chosen by year
    std::string engine_version;
    unsigned jobs = 1;
};

struct StoreCheckSummary {
    size_t checked = 0;
    size_t already = 0;  // a result under the same rules and engine was stored before
    size_t clean = 0, warning = 0, error = 0;
    size_t failed = 0;   // no rules for its year, rules that do not compile, a damaged model
};

/// Checks every accepted submission without a result under the current rules and this
/// engine. `progress(done, total)` follows each stored result; `problem(text)` tells why
/// a submission could not be checked (it stays unchecked).
StoreCheckSummary check_store(Store& store, const StoreCheckOptions& options,
                              const std::function<void(size_t, size_t)>& progress,
                              const std::function<void(const std::string&)>& problem);

}  // namespace activ
