// The sentences the engine writes itself, as opposed to the rule files' messages, in
// French, Dutch and English: a Belgian CPAS works in one of the first two, the
// administration reads both, and English is the fallback for everyone else.
#pragma once
#include <string>

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

}  // namespace activ
