// `activ explain`: why one item of a convention came out as it did. For one action,
// expense, beneficiary, objective or the convention itself: every check that runs on it,
// whether it fired, and the value of every part of its condition, as a tree; for an action
// or a beneficiary, the classification branches tried and which one decided; the
// parameters read, with the dated value in force. Computed by tracing the one evaluator
// (engine/evaluate), never by evaluating again on the side.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "engine/load_convention.hpp"
#include "engine/result.hpp"
#include "engine/ruleset.hpp"

namespace activ {

/// One part of a condition, with the value it took for the subject.
struct ExplainedNode {
    /// How the rules write it, with every name in full: `expense.date > convention.period.end`,
    /// `count(actions where kind = collective)`.
    std::string text;
    /// What it is: constant, parameter, field, define, presence (is missing / is present),
    /// not, and, or, comparison, membership (in / not in), mentions, arithmetic, function,
    /// aggregate.
    std::string kind;
    bool evaluated = false;    // false: the other side of an `and` or `or` decided first
    std::string value;         // "2016-01-08", "true", "(missing)"; empty when not evaluated
    std::string missing_path;  // when missing: the field not given, e.g. expense.document
    // An aggregate: how many items its filter kept, out of how many; -1 when not one, or
    // when its list itself is missing.
    int64_t matched = -1;
    int64_t items = -1;
    std::vector<ExplainedNode> children;  // operands; constants written in `text` are left out
};

/// Where a rule is written and what it cites.
struct RuleSourceRef {
    std::string file;
    int line = 0;
    std::string cite;  // the citation as one line, empty when the rule cites nothing
    Citation citation;
};

/// One check run on the subject (a check on steps runs once per step of a beneficiary).
struct ExplainedCheck {
    std::string id;
    Severity severity = Severity::error;  // as the rule declares it
    RuleSourceRef source;
    std::optional<int> step;  // a check on a step: the step's position, 1 for the first
    std::string step_kind;    // and what the step is: intake, social_activation...
    /// fired: the condition holds; not_fired; undecided: it reads a missing field, which
    /// gives a warning instead of the declared severity.
    std::string result;
    std::optional<Finding> finding;  // the finding it gave, when it fired or was undecided
    ExplainedNode condition;
};

struct ExplainedException {
    ExplainedNode condition;
    std::optional<std::string> then_outcome;  // `then OUTCOME`; none: it only stops the branch
    std::string because;
    /// applied, not_applied, undecided, or not_evaluated (an earlier exception settled it)
    std::string result;
};

/// One classification branch tried, up to the one that decided.
struct ExplainedBranch {
    std::string id;
    std::string outcome;  // what it decides when its condition holds
    RuleSourceRef source;
    /// decided, not_taken (condition false), excepted (an exception without `then`
    /// applied, so the next branch was tried), or undecided (a missing field).
    std::string result;
    ExplainedNode condition;
    std::vector<ExplainedException> exceptions;  // none when the condition did not hold
};

/// How an action's activation class or a beneficiary's eligibility was decided.
struct ExplainedDecision {
    std::string field;  // activation or eligibility
    Decision decision;  // the outcome, the rule that decided, the reason and citation
    std::vector<ExplainedBranch> branches;  // in order, up to the deciding one
    bool by_otherwise = false;  // no branch decided: `otherwise` did
    RuleSourceRef otherwise_source;
};

/// A parameter a shown condition reads, with the value it had for the convention.
struct ExplainedParameter {
    std::string name;
    std::string value;  // the value used; "(missing)" for a dated one not yet in force
    /// A dated parameter: every `from DAY: value`, and which one was in force.
    struct Dated {
        std::string from;
        std::string value;
        bool in_force = false;
    };
    std::vector<Dated> dated;
};

struct SubjectExplanation {
    SubjectKind kind = SubjectKind::convention;
    std::string id;
    int line = 0;  // where it is declared in the convention file; 0 for the convention
    std::string convention_id;
    int year = 0;
    std::string file;  // as the request named it
    RulesetInfo ruleset;
    std::string reference_day;  // the day dated parameters are read on: the period's start
    std::optional<ExplainedDecision> decision;  // an action or a beneficiary
    std::vector<ExplainedCheck> checks;         // in rule order, then step order
    /// Findings on the subject that no check above gave: a classification that could not
    /// decide, an indicator that could not be computed, totals beyond 64 bits.
    std::vector<Finding> other_findings;
    std::vector<ExplainedParameter> parameters;  // in the order first read
    /// error when an error finding is on the subject, else warning when a warning is,
    /// else clean.
    std::string status;
};

/// Where a subject id was looked for and not found, with the ids close to it.
struct UnknownSubject {
    std::string message;
};

/// Explains the subject named `subject_id` (an action, expense, beneficiary or objective
/// id, or the convention's id; `kind:id`, e.g. `expense:X5`, when two kinds share an id).
/// nullopt and `unknown` set when no subject, or more than one, has that id.
std::optional<SubjectExplanation> explain_subject(const Program& program,
                                                  const RulesetInfo& info,
                                                  const Convention& convention,
                                                  const std::string& subject_id,
                                                  const EvaluationOptions& options,
                                                  UnknownSubject& unknown);

/// `activ explain FILE SUBJECT_ID`: the convention loaded, its rules chosen by year as
/// `activ check` chooses them (or `rules` for any year), compiled, and the subject
/// explained.
struct ExplainRequest {
    std::string file;  // a convention file, or FILE.jsonl:LINE for one line of a batch
    std::string subject_id;
    std::string rules;      // one rule file whatever the year; empty: chosen by year
    std::string rules_dir;  // where rule files are chosen by year
    std::string language;
    ConventionLimits limits;
};

struct ExplainOutcome {
    std::string diagnostics;  // for stderr: the convention's and the rules', file:line:col
    std::optional<SubjectExplanation> explanation;  // empty when something could not be read
    std::string unknown_subject;  // set when the id names no subject of the convention
};

ExplainOutcome explain_file(const ExplainRequest& request);

/// The explanation as an indented tree, for people. Its own words (headings, results,
/// severities, outcomes) are in `language` ("fr", "nl"; anything else is English), as the
/// text report's are; messages and reasons are in the language evaluation chose, and ids,
/// expressions and values are as the rules and the convention write them.
std::string render_explanation_text(const SubjectExplanation& explanation,
                                    const std::string& language = "en");

/// The version of the JSON document, its first key.
inline constexpr const char* explanation_schema = "activ.explain/1";

/// The explanation as one JSON document, keys in a fixed order, ending in a newline.
std::string render_explanation_json(const SubjectExplanation& explanation);

}  // namespace activ
