// A compiled ruleset: expressions as a flat array of typed nodes whose field reads are
// resolved getters, parameters folded to constants and sets pre-folded for matching.
// Built by engine/compile, run by engine/evaluate; internal to the engine.
#pragma once
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "engine/result.hpp"
#include "engine/schema.hpp"

namespace activ {

enum class Op : uint8_t {
    constant,   // value
    dated,      // the value of parameter `level` (index into Program::dated) in force
    scope,      // the record of scope level `level`
    field,      // field->get(child record)
    derived,    // a `define`: body `right` evaluated with record `left` as subject `level`
    is_missing, is_present,
    not_, and_, or_,
    eq, ne, lt, le, gt, ge,
    in_set, not_in_set, mentions_any, mentions_all,
    add, sub, mul, div, neg,
    year_of, next_working_day, add_working_days,  // arguments: left, right, extra
    either,     // left when present, else right
    count, any, all,  // over the list `left`, filter `right` (-1: none) at scope `level`
    sum, min, max,    // the same, of the value `extra` per item
};

/// What a division by zero reads as, where a missing value names its field.
inline const std::string division_by_zero = "a division by zero";
/// The same for a result beyond what 64 bits hold (e.g. amount x a huge number).
inline const std::string value_too_large = "a value too large to compute";

struct Node {
    Op op = Op::constant;
    schema::Type type = schema::Type::boolean;
    int left = -1;
    int right = -1;
    int extra = -1;
    int level = 0;
    const schema::Field* field = nullptr;
    schema::Value value;  // constant
    std::string label;    // how an explanation names it: expense.date, submission_deadline
    bool explain = false; // whether an explanation lists its value
};

/// A parameter whose value changes over time: `from DAY: value` lines, by day.
struct DatedParameter {
    std::string name;
    std::vector<std::pair<Date, schema::Value>> values;  // sorted by day
};

struct TemplatePart {
    std::string text;  // literal text, or
    int node = -1;     // a value to format
};

struct CompiledMessage {
    std::string language;
    std::vector<TemplatePart> parts;
};

struct CompiledCheck {
    std::string id;
    Severity severity = Severity::error;
    schema::RecordKind subject = schema::RecordKind::convention;
    int condition = -1;
    std::vector<CompiledMessage> messages;
    Citation citation;
    std::string cite;  // the citation as one line, formatted once
    std::string file;
    int line = 0;
};

struct CompiledException {
    int condition = -1;
    std::optional<std::string> then_outcome;
    std::string because;
};

struct CompiledBranch {
    std::string id;
    std::string outcome;
    int condition = -1;
    std::vector<CompiledException> exceptions;
    std::string because;
    Citation citation;
    std::string cite;  // the citation as one line, formatted once
    std::string file;  // where the branch is written: rule tests, coverage, `activ explain`
    int line = 0;
};

struct CompiledClassification {
    std::vector<CompiledBranch> branches;
    std::string otherwise_outcome;
    std::string otherwise_because;
    std::string otherwise_id;
    std::string undetermined_outcome;  // when a branch reads a missing field
    std::string otherwise_file;
    int otherwise_line = 0;
};

struct CompiledIndicator {
    std::string name;
    std::string label;
    std::string unit;
    int value = -1;
    /// Whether summing it over conventions means something: a count or a sum does, a
    /// ratio or a per-participant amount does not.
    bool additive = false;
};

struct Program {
    std::vector<Node> nodes;
    std::deque<schema::TextSet> sets;  // deque: nodes point into it
    std::vector<DatedParameter> dated;
    std::optional<CompiledClassification> action_classification;
    std::optional<CompiledClassification> beneficiary_classification;
    std::vector<CompiledCheck> checks;
    std::vector<CompiledIndicator> indicators;
};

}  // namespace activ
