// Import and check over the store: threads load or evaluate, the calling thread writes.
#include "engine/store_batch.hpp"

#include <algorithm>
#include <exception>
#include <map>

#include "engine/model_codec.hpp"
#include "engine/ordered_pool.hpp"
#include "engine/read_file.hpp"
#include "engine/report.hpp"
#include "engine/ruleset_cache.hpp"
#include "engine/sha256.hpp"

namespace activ {

void import_files(Store& store, const std::vector<ConventionSource>& files,
                  const ConventionLimits& limits, unsigned jobs,
                  const std::function<void(const ImportOutcome&)>& each) {
    struct Loaded {
        ImportOutcome outcome;
        NewSubmission submission;
    };
    std::vector<Loaded> ring(ordered_window(jobs));
    run_in_order(
        files.size(), jobs,
        [&](size_t i) {
            Loaded& slot = ring[i % ring.size()];
            slot = Loaded{};
            const ConventionSource& source = files[i];
            slot.outcome.file = source.name;
            try {
                std::string why;
                auto text = read_source(source, limits.max_file_bytes + 3, why);
                if (!text) {
                    slot.outcome.diagnostics = source.name + ": error: cannot read file: " + why + "\n";
                    return;
                }
                slot.outcome.readable = true;
                NewSubmission& s = slot.submission;
                s.source_path = source.name;
                s.sha256 = sha256_hex(*text);
                LoadedConvention loaded = load_source_text(source, *text, limits);
                slot.outcome.diagnostics = render_all(loaded.diagnostics);
                if (loaded.convention && !has_error(loaded.diagnostics)) {
                    const Convention& c = *loaded.convention;
                    s.accepted = true;
                    s.convention_id = c.id;
                    s.year = c.year;
                    s.cpas_nis = c.cpas.nis;
                    s.cpas_name = c.cpas.name;
                    s.model = encode_convention(c);
                } else {
                    s.rejection = slot.outcome.diagnostics;
                }
                s.original = std::move(*text);
            } catch (const std::exception& e) {
                slot.outcome.readable = false;
                slot.outcome.diagnostics = files[i].name + ": error: " + e.what() + "\n";
            }
        },
        [&](size_t i) {
            Loaded& slot = ring[i % ring.size()];
            if (slot.outcome.readable) {
                Store::Added const added = store.add_submission(slot.submission);
                slot.outcome.accepted = slot.submission.accepted;
                slot.outcome.added = added.added;
                slot.outcome.submission_id = added.id;
            }
            each(slot.outcome);
            slot = Loaded{};  // the bytes are stored: free them now
        });
}

std::optional<Convention> stored_convention(Store& store, const StoredModel& stored,
                                           std::string& error) {
    std::string why;
    std::string const read_now = stored.model.empty() ? store.model_of(stored.submission_id) : "";
    if (auto convention = decode_convention(stored.model.empty() ? read_now : stored.model, why)) {
        convention->file = stored.source_path;
        return convention;
    }
    // Another version of the model, or a damaged blob: the bytes received still say it.
    std::string const original = store.original_of(stored.submission_id);
    LoadedConvention loaded = load_convention_text(original, stored.source_path, {},
                                                   input_format_of(stored.source_path));
    if (loaded.convention && !has_error(loaded.diagnostics)) return std::move(loaded.convention);
    error = "submission " + std::to_string(stored.submission_id) + " (" + stored.convention_id +
            "): its stored model cannot be read (" + why + ") and its text no longer loads";
    return std::nullopt;
}

void run_over_stored(Store& store, size_t count, unsigned jobs,
                     const std::function<StoredModel&(size_t)>& stored,
                     const std::function<void(size_t)>& produce,
                     const std::function<void(size_t)>& consume) {
    size_t const window = ordered_window(jobs);
    auto read = [&](size_t i) {
        if (i >= count) return;
        StoredModel& s = stored(i);
        s.model = store.model_of(s.submission_id);
    };
    for (size_t i = 0; i < window; ++i) read(i);
    // produce(i + window) starts only once consume(i) has returned: its model is read by then.
    run_in_order(
        count, jobs,
        [&](size_t i) {
            produce(i);
            std::string().swap(stored(i).model);
        },
        [&](size_t i) {
            consume(i);
            read(i + window);
        });
}

StoreCheckSummary check_store(Store& store, const StoreCheckOptions& options,
                              const std::function<void(size_t, size_t)>& progress,
                              const std::function<void(const std::string&)>& problem) {
    StoreCheckSummary summary;
    RulesetCache picker(options.rules, options.rules_dir);
    struct Todo {
        StoredModel stored;
        const CompiledRuleset* ruleset = nullptr;
        int64_t ruleset_id = 0;
    };
    // What needs a check is decided first, on this thread: the store answers, and a year
    // without rules is said once per submission before any work starts.
    std::vector<Todo> todo;
    std::map<const CompiledRuleset*, int64_t> ruleset_ids;
    for (auto& stored : store.accepted_submissions(false)) {
        std::string error;
        const CompiledRuleset* ruleset = picker.for_year(stored.year, error);
        if (!ruleset) {
            ++summary.failed;
            problem(stored.convention_id + " (submission " + std::to_string(stored.submission_id) +
                    "): no rules to check it with\n" + error);
            continue;
        }
        auto [known, added] = ruleset_ids.emplace(ruleset, 0);
        if (added) known->second = store.ruleset_id(ruleset->info);
        if (store.has_result(stored.submission_id, known->second, options.engine_version)) {
            ++summary.already;
            continue;
        }
        todo.push_back({std::move(stored), ruleset, known->second});
    }

    struct Checked {
        std::optional<Result> result;
        std::string report_json;
        std::string error;
    };
    std::vector<Checked> ring(ordered_window(options.jobs));
    run_over_stored(
        store, todo.size(), options.jobs, [&](size_t i) -> StoredModel& { return todo[i].stored; },
        [&](size_t i) {
            Checked& slot = ring[i % ring.size()];
            slot = Checked{};
            try {
                auto convention = stored_convention(store, todo[i].stored, slot.error);
                if (!convention) return;
                const CompiledRuleset& rules = *todo[i].ruleset;
                slot.result = evaluate(*rules.program, rules.info, *convention);
                slot.report_json = render_json(*slot.result);
            } catch (const std::exception& e) {
                slot.result.reset();
                slot.error = todo[i].stored.convention_id + ": " + e.what();
            }
        },
        [&](size_t i) {
            Checked& slot = ring[i % ring.size()];
            if (!slot.result) {
                ++summary.failed;
                problem(slot.error + "\n");
            } else {
                store.add_result(todo[i].stored.submission_id, todo[i].ruleset_id,
                                 options.engine_version, *slot.result, slot.report_json);
                ++summary.checked;
                std::string const status = result_status(*slot.result);
                if (status == "error") ++summary.error;
                else if (status == "warning") ++summary.warning;
                else ++summary.clean;
            }
            slot = Checked{};
            progress(i + 1, todo.size());
        });
    return summary;
}

}  // namespace activ
