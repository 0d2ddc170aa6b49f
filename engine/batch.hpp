// Checks many convention files: each is loaded, evaluated and rendered on one of a bounded
// pool of threads, and handed back in input order, so that output is the same bytes
// whatever the number of threads, and memory holds a few conventions, not the batch.
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/convention_source.hpp"
#include "engine/load_convention.hpp"

namespace activ {

struct BatchOptions {
    std::string rules;      // one rule file for every convention; empty: chosen by year
    std::string rules_dir;  // where rule files are chosen by year
    std::string format = "text";  // text, json, html (articles) or csv (rows)
    std::string language;   // fr, nl, en; empty: each rule's first language
    ConventionLimits limits;
    unsigned jobs = 1;      // threads that load, evaluate and render
};

/// Exit statuses, as spec/convention-format.md promises them; a batch's is the worst.
enum class FileStatus : int { clean = 0, findings = 1, unreadable = 2 };

/// What checking one file gave, rendered and ready to print.
struct FileOutcome {
    std::string file;
    std::string diagnostics;  // for stderr: the file's, then its rules' the first time they are used
    std::string report;       // for stdout: text or JSON; empty when the file was not checked
    std::string failure;      // what broke the engine on this file, when something did
    FileStatus status = FileStatus::unreadable;
};

/// Time spent in each stage, summed over the threads, and the batch's size.
struct BatchTimings {
    double load = 0;      // reading the file and the YAML, validating
    double compile = 0;   // parsing and compiling rule files
    double evaluate = 0;  // the rules over the convention
    double report = 0;    // rendering text or JSON
    double wall = 0;      // from start to the last outcome handed back
    size_t files = 0;
    size_t bytes = 0;
    size_t items = 0;  // actions + expenses + beneficiaries of the conventions checked
};

/// Checks `files`, calling `emit` once per file in their order, always from the calling
/// thread. `rules_diagnostics` gets the diagnostics of a fixed rule file (`options.rules`)
/// before anything else; when that file does not compile, no file is checked.
FileStatus check_files(const BatchOptions& options, const std::vector<ConventionSource>& files,
                       const std::function<void(std::string_view)>& rules_diagnostics,
                       const std::function<void(const FileOutcome&)>& emit,
                       BatchTimings* timings = nullptr);

/// The convention files named by `paths`: a file as it is; a folder, every *.yaml and
/// *.yml file under it (recursively), sorted by path. `error` names a path that is neither.
std::vector<std::string> expand_convention_paths(const std::vector<std::string>& paths,
                                                 std::string& error);

}  // namespace activ
