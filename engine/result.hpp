// What evaluating one convention against one ruleset decides. Reports only format it.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/values.hpp"

namespace activ {

enum class Severity { error, warning, info };
enum class SubjectKind { convention, action, expense, beneficiary, objective };

const char* to_string(Severity severity);
const char* to_string(SubjectKind kind);

/// Which ruleset decided: enough to find the exact text again.
struct RulesetInfo {
    std::string name;     // e.g. be.social-activation
    std::string version;  // e.g. 2015
    std::string title;
    std::vector<std::string> sources;
    Date applies_from;
    Date applies_to;
    std::string file;
    std::string sha256;  // of the rule file's bytes, hex
    /// Of the canonical text (`activ fmt`) of every file of the chain, base first: what
    /// the rules say, whatever their layout and comments. The store keys results by it.
    std::string canonical_sha256;
};

/// Where a rule comes from: a declared source, its date and the point or article.
/// A free-text citation has only `point`.
struct Citation {
    std::string source;  // e.g. "Groupe de travail Activation sociale, SPP Intégration sociale"
    std::string dated;   // e.g. "2015-12-08", empty when unknown
    std::string point;   // e.g. "point 3.C"
    bool secondary = false;  // training material or federations' notes, not the official text
};

/// "Source (2015-12-08), point 3.C [secondary source]": a citation as one line.
std::string format_citation(const Citation& citation);

/// One field value that took part in a decision, e.g. {"expense.date", "2016-01-08"}.
using Explanation = std::vector<std::pair<std::string, std::string>>;

/// An ineligible, inadmissible or doubtful item, with why.
struct Finding {
    std::string rule;  // the rule's stable id
    Severity severity = Severity::error;
    SubjectKind subject_kind = SubjectKind::convention;
    std::string subject_id;
    std::string message;  // the template filled in
    std::string cite;     // the legal source the rule cites, as one line
    Citation citation;    // the same, in parts
    Explanation explanation;
    /// On an expense: its charge (amount x share), what the finding puts at stake.
    std::optional<Money> amount_at_stake;
};

/// The outcome of a decision on one subject: an action's activation class
/// (social | professional | unclassified) or a beneficiary's eligibility.
struct Decision {
    std::string subject_id;
    std::string outcome;
    std::string rule;    // id of the branch that decided, e.g. action.activation#2
    std::string reason;  // the branch's `because`, or why nothing decided
    std::string cite;
    Citation citation;
    Explanation explanation;
};

/// A figure the ruleset defines per convention (`indicator` in a rule file).
struct IndicatorValue {
    enum class Kind { count, amount, decimal, days, missing };
    std::string name;
    std::string label;
    std::string unit;
    Kind kind = Kind::missing;
    std::string value;  // "12", "3172.35", "0.5000"; empty when missing
    bool additive = false;  // a count or a sum: its total over conventions means something
};

struct Totals {
    Money declared;    // sum of every expense's charge (amount x share, per expense)
    Money eligible;    // charges of the expenses no error-severity finding refuses
    Money ineligible;  // declared - eligible
    Money eligible_capped;  // min(eligible, subsidy)
    Money subsidy;
    std::optional<Money> advance_paid;
    std::optional<Money> balance_due;  // eligible_capped - advance_paid when >= 0
    std::optional<Money> to_recover;   // advance_paid - eligible_capped when > 0
};

struct Result {
    std::string file;
    std::string convention_id;
    int year = 0;
    std::string cpas_name;
    std::string cpas_nis;
    RulesetInfo ruleset;
    std::vector<Decision> actions;        // in declaration order
    std::vector<Decision> beneficiaries;  // in declaration order
    std::vector<Finding> findings;        // in rule order, then subject order
    Totals totals;
    std::vector<IndicatorValue> indicators;  // in the ruleset's order
};

/// Error when any finding is an error, else warning when any is, else info (or none).
bool has_errors(const Result& result);
/// "error" when a finding is an error, else "warning" when one is a warning, else "clean".
const char* result_status(const Result& result);

}  // namespace activ
