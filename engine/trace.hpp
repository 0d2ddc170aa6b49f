// What the evaluator saw while deciding on one subject, for `activ explain`: the value
// each node of a condition took. Internal to the engine: engine/explain turns it into a
// tree a clerk can read, from the Program's node structure.
#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/result.hpp"
#include "engine/ruleset.hpp"

namespace activ {

/// One node's value, formatted while the convention it points into was alive.
struct TracedValue {
    std::string text;          // "2016-01-08", "true", "action L1"; "(missing)" when missing
    bool missing = false;
    std::string missing_path;  // when missing: the field not given, e.g. expense.document
    // An aggregate: how many items its filter kept, out of how many; -1 when not one.
    int64_t matched = -1;
    int64_t items = -1;
};

/// The values of the nodes one condition evaluated, by node index. A node absent was not
/// evaluated (the other side of an `and` or `or` decided); nodes inside an aggregate's
/// items are not traced, so a trace stays as small as its condition.
using NodeValues = std::map<int, TracedValue>;

/// One check run on the traced subject: a beneficiary's step checks run once per step.
struct TracedCheck {
    size_t check = 0;         // into Program::checks
    int step = -1;            // a check on a step: the step's place in the trajectory
    NodeValues values;
    std::optional<size_t> finding;  // into Result::findings, when it fired
};

/// Which subject to trace, and what its evaluation gave.
struct SubjectTrace {
    const void* subject = nullptr;  // the record in the convention: its action, expense...
    NodeValues classification;      // an action's or beneficiary's branches and exceptions
    std::vector<TracedCheck> checks;
};

/// `evaluate`, tracing every condition it evaluates on `trace.subject`.
Result evaluate_traced(const Program& program, const RulesetInfo& info,
                       const Convention& convention, const EvaluationOptions& options,
                       SubjectTrace& trace);

}  // namespace activ
