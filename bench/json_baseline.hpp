// The JSON floor: a .jsonl batch read by hand with simdjson's On-Demand parser (no
// document tree, no validation beyond what the checks need) into the fields the
// hand-written 2015 checks read, then those checks (bench/baseline) on each convention.
#pragma once
#include <simdjson.h>

#include <cstddef>

namespace activ::bench {

struct JsonBaselineRun {
    size_t conventions = 0;
    size_t items = 0;     // actions, expenses and beneficiaries
    size_t findings = 0;  // of check_2015_by_hand, over all conventions
    size_t failed = 0;    // lines that are not a convention this reader understands
};

/// Parses every non-empty line of `jsonl` as one convention and checks it by hand.
JsonBaselineRun check_jsonl_by_hand(const simdjson::padded_string& jsonl);

}  // namespace activ::bench
