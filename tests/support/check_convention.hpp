// Test support: run the shipped 2015 rules over a convention written inline as YAML,
// and ask the result what fired, so that each test reads as an example of a rule.
#pragma once
#include <string>
#include <vector>

#include "engine/model.hpp"
#include "engine/result.hpp"

namespace activ::testing {

/// A clean 2015 convention: one collective language course A1, one documented expense
/// E1 of 100.00 on it. `actions`, `expenses` and `tail` (more top-level keys of the
/// convention, indented by 2) replace or extend it; an empty string keeps the default.
std::string convention_2015(const std::string& actions = "", const std::string& expenses = "",
                            const std::string& tail = "");

/// Loads `yaml` (failing the test on any load error) and evaluates it with
/// rules/be/social-activation-2015.rules.
Result check_2015(const std::string& yaml);

/// A convention and what the shipped rules for its year decided.
struct CheckedConvention {
    Convention convention;
    Result result;
};

/// Loads `yaml` (failing the test on any load error), named `name`, and evaluates it with
/// the shipped rules chosen by its year, messages in `language`.
CheckedConvention check_text(const std::string& yaml, const std::string& name,
                             const std::string& language = "");

/// The text of examples/NAME.
std::string example_text(const std::string& name);

/// examples/NAME checked with the shipped rules for its year.
CheckedConvention check_example(const std::string& name);

/// The ids of the subjects that `rule` fired on, in order.
std::vector<std::string> fired(const Result& result, const std::string& rule);

/// The one finding of `rule` on `subject_id`; fails the test when there is not exactly one.
const Finding& finding(const Result& result, const std::string& rule,
                       const std::string& subject_id);

/// The activation class of an action.
std::string activation_of(const Result& result, const std::string& action_id);

}  // namespace activ::testing
