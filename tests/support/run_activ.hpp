// Test support: the activ binary run as a user runs it, with its exit status and output.
#pragma once
#include <string>

namespace activ::testing {

struct ActivRun {
    int status = -1;  // the exit status; -1 when it did not exit normally
    std::string out;
    std::string err;
};

/// Runs `activ ARGUMENTS` in `folder` (by default the source tree), standard input from
/// the file `input`; ACTIV_LANG is unset unless a test sets it.
ActivRun run_activ(const std::string& arguments, const std::string& folder = ACTIV_SOURCE_DIR,
                   const std::string& input = "/dev/null");

/// The bytes of a file, empty when it cannot be read.
std::string slurp(const std::string& path);

}  // namespace activ::testing
