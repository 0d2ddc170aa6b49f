// The sentences the engine writes itself, as opposed to the rule files' messages, in
// French, Dutch and English: a Belgian CPAS works in one of the first two, the
// administration reads both, and English is the fallback for everyone else.
#pragma once
#include <string>
#include <utility>

#include "engine/result.hpp"

namespace activ {

enum class Language { en, fr, nl };

/// "fr" and "nl" are themselves; anything else, the empty code included, is English.
Language language_of(const std::string& code);

/// A subject kind as the JSON contract spells it ("expense") in the language of `lang`
/// ("dépense", "uitgave"); an unknown kind is returned as it is.
std::string subject_kind_word(const std::string& lang, const std::string& kind);

/// A finding's message when a check cannot be decided:
/// "expense.date is missing: rule expense.in-period cannot be decided for expense X5".
/// `subject_kind` is spelled as the JSON contract spells it ("expense").
std::string missing_field_message(const std::string& lang, const std::string& path,
                                  const std::string& rule, const std::string& subject_kind,
                                  const std::string& subject_id);

/// A decision's reason when a missing field kept a branch from deciding:
/// "cannot decide: action.category is missing".
std::string undecided_reason(const std::string& lang, const std::string& path);

/// The finding that goes with an undecided activation class: "Action L2: action.category
/// is missing, so rule action.activation#1 cannot decide its activation class".
std::string undecided_action_message(const std::string& lang, const std::string& action_id,
                                     const std::string& path, const std::string& rule);

/// "indicator cost_per_participant cannot be computed: beneficiary.start is missing".
std::string indicator_missing_message(const std::string& lang, const std::string& indicator,
                                      const std::string& path);

/// The error finding of a convention whose totals leave 64 bits: "the expenses of convention
/// T-1 add up to more than 92233720368547758.07 EUR, which activ cannot total".
std::string totals_too_large_message(const std::string& lang, const std::string& convention_id);

/// The reason of every action's decision when the ruleset has no activation classification.
std::string no_classification_reason(const std::string& lang);

/// The reason of every beneficiary's decision when the ruleset decides no eligibility.
std::string no_eligibility_reason(const std::string& lang);

// Every word the report writes itself, per language. One table, so that a translator
// sees all of a language at once; a word left out is a -Wmissing-field-initializers
// error rather than a null pointer at run time.
struct ReportWords {
    const char* language;    // the code messages.hpp reads, for the words kept there
    const char* convention;  // "Convention AS-2015-0117, CPAS ..., year 2015, file ..."
    const char* year;
    const char* file;
    const char* ruleset;
    const char* verdict;
    const char* colon;  // ": ", or " : " since French puts a space before it
    const char* clean;
    const char* error;
    const char* errors;
    const char* warning;
    const char* warnings;
    const char* info;
    const char* infos;
    const char* actions;
    const char* beneficiaries;
    const char* findings;
    const char* totals;
    const char* indicators;
    const char* none;
    const char* rule;
    const char* cite;
    const char* because;
    const char* secondary_source;
    const char* declared;
    const char* eligible;
    const char* ineligible;
    const char* eligible_capped;
    const char* subsidy;
    const char* advance_paid;
    const char* balance_due;
    const char* to_recover;
    const char* missing_value;
    // Words only the HTML report writes.
    const char* report_title;  // the page's title, before the convention's id
    const char* cpas;
    const char* identifier;
    const char* per_cost_type;  // the chart's title
    const char* cost_type;
    const char* refused;
    const char* activation_class;
    const char* eligibility;
    const char* reason;
    const char* subject;
    const char* decided_by;  // the values that decided
    const char* indicator;
    const char* value;
    const char* amount;
    // Cost types, as the convention format spells them, then as people read them.
    std::pair<const char*, const char*> cost_types[5];
    // Outcomes of decisions, as the JSON contract spells them, then as people read them.
    std::pair<const char*, const char*> outcomes[6];
};

/// The words of the national overview (`activ report`) and of a convention's stored
/// history (`activ db show --format html`).
struct OverviewWords {
    const char* title;
    const char* all_years;
    const char* by_status;
    const char* status;
    const char* conventions;
    const char* unchecked;  // accepted, never checked
    const char* rejected;   // refused by the loader at import
    const char* total;
    const char* per_cpas;
    const char* top_findings;
    const char* severity;
    const char* findings_count;
    const char* at_stake;
    const char* indicators_summed;
    const char* reported;
    const char* missing;
    const char* not_additive;  // why an indicator has no sum
    const char* rejected_files;
    const char* rejected_note;
    const char* details;
    const char* history;
    const char* submission;
    const char* imported;
    const char* result;
    const char* checked;
    const char* no_result;
};

const OverviewWords& overview_words(const std::string& language);

/// Every word the text of `activ explain` writes itself, per language; what the rules
/// write (ids, expressions, values, step kinds, messages) stays as it is. A table of
/// pairs maps a code as the JSON contract spells it to the word people read; a code
/// the table does not know is shown with its underscores as spaces.
struct ExplainWords {
    const char* colon;          // ": ", or " : " since French puts a space before it
    const char* of_convention;  // "Expense X5" + " of convention " + "AS-2015-0117"
    const char* year;           // "(year 2015)"
    const char* ruleset;        // "Ruleset: be.social-activation version 2015, FILE"
    const char* version;
    const char* status;
    const char* by;  // "Activation: professional" + ", by " + the rule that decided
    const char* because;
    const char* cite;
    const char* secondary_source;  // a citation's marker, as the report writes it
    const char* branch;
    const char* condition;
    const char* unless;  // an exception to a branch: "unless, then professional"
    const char* then;
    const char* otherwise;  // "otherwise (social): decided, no branch above did"
    const char* otherwise_decided;
    const char* on_step;        // a check on steps: "expense.x [error]" + " on step " + "2 (...)"
    const char* checks_run_on;  // + "this expense" + ": 8"
    const char* other_findings_on;  // + "this expense"
    const char* parameters;
    const char* no_parameters;  // "Parameters: none"
    // "Parameters (dated values as in force on " + the day + ", the first day ... period)"
    const char* dated_parameters_before;
    const char* dated_parameters_after;
    const char* from;      // a dated value: "from 2015-01-01: 10000.00 (in force)"
    const char* in_force;  // with its opening space and brackets
    // In a condition's tree: a part an `and` or `or` never reached, and how many items an
    // aggregate read: "(3 of 4 matched)", "(1 item)", "(4 items)".
    const char* not_evaluated;
    const char* of;
    const char* matched_singular;
    const char* matched_plural;
    const char* item;
    const char* items;
    bool zero_is_singular;  // French counts 0 as one ("0 élément"), English and Dutch not
    // The subject's kind as the JSON contract spells it, as the heading starts with it
    // ("Expense"), and as "this expense" (French needs the gender: "ce bénéficiaire").
    struct Kind {
        const char* code;
        const char* heading;
        const char* this_one;
    } kinds[5];
    // What a decision decides, as the explanation's `field` spells it, then for people.
    std::pair<const char*, const char*> decision_fields[2];
    std::pair<const char*, const char*> statuses[3];    // clean, warning, error
    std::pair<const char*, const char*> severities[3];  // error, warning, info
    // Outcomes of decisions, as the rules and JSON spell them; English shows the code.
    std::pair<const char*, const char*> outcomes[6];
    std::pair<const char*, const char*> check_results[3];      // fired, not_fired, undecided
    std::pair<const char*, const char*> branch_results[4];     // decided, not_taken, ...
    std::pair<const char*, const char*> exception_results[4];  // applied, not_applied, ...
};

/// The words of `activ explain`'s text in `language` ("fr", "nl"; anything else is English).
const ExplainWords& explain_words(const std::string& language);

/// The words of the text and HTML reports in `language` ("fr", "nl"; anything else is
/// English).
const ReportWords& report_words(const std::string& language);

/// A finding's citation as one line in the report's language: the structured citation
/// when the rule has one (its "secondary source" marker translated, which the
/// language-free format_citation cannot do), else the rule's one-line text.
std::string localized_cite(const ReportWords& words, const Finding& finding);

/// The same for any cited thing (a rule in an explanation, a decision): `citation` as one
/// line with `secondary_source` as its marker, or `cite` when the citation is empty.
std::string localized_cite(const char* secondary_source, const Citation& citation,
                           const std::string& cite);

}  // namespace activ
