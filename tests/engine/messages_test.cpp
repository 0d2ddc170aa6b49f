// The engine's own sentences, whole, in each language: a clerk reads them as they are,
// and the English ones are what other tests and scripts match on.
#include "engine/messages.hpp"

#include <catch2/catch.hpp>
#include <string>

TEST_CASE("a language code chooses French, Dutch or else English", "[messages]") {
    CHECK(activ::language_of("fr") == activ::Language::fr);
    CHECK(activ::language_of("nl") == activ::Language::nl);
    CHECK(activ::language_of("en") == activ::Language::en);
    CHECK(activ::language_of("") == activ::Language::en);
    CHECK(activ::language_of("de") == activ::Language::en);
    CHECK(activ::language_of("FR") == activ::Language::en);
}

TEST_CASE("subject kinds are translated, unknown kinds kept", "[messages]") {
    using activ::subject_kind_word;
    CHECK(subject_kind_word("fr", "convention") == "convention");
    CHECK(subject_kind_word("fr", "action") == "action");
    CHECK(subject_kind_word("fr", "expense") == "dépense");
    CHECK(subject_kind_word("fr", "beneficiary") == "bénéficiaire");
    CHECK(subject_kind_word("fr", "objective") == "objectif");
    CHECK(subject_kind_word("nl", "convention") == "overeenkomst");
    CHECK(subject_kind_word("nl", "action") == "actie");
    CHECK(subject_kind_word("nl", "expense") == "uitgave");
    CHECK(subject_kind_word("nl", "beneficiary") == "begunstigde");
    CHECK(subject_kind_word("nl", "objective") == "doelstelling");
    CHECK(subject_kind_word("en", "expense") == "expense");
    CHECK(subject_kind_word("", "objective") == "objective");
    CHECK(subject_kind_word("fr", "partner") == "partner");
}

TEST_CASE("a check that cannot be decided says which field is missing", "[messages]") {
    using activ::missing_field_message;
    CHECK(missing_field_message("en", "expense.date", "expense.in-period", "expense", "X5") ==
          "expense.date is missing: rule expense.in-period cannot be decided for expense X5");
    CHECK(missing_field_message("fr", "expense.date", "expense.in-period", "expense", "X5") ==
          "expense.date manque : la règle expense.in-period ne peut pas être tranchée pour "
          "dépense X5");
    CHECK(missing_field_message("nl", "expense.date", "expense.in-period", "expense", "X5") ==
          "expense.date ontbreekt: regel expense.in-period kan niet beslist worden voor "
          "uitgave X5");
    CHECK(
        missing_field_message("de", "objective.reasons", "objective.reasons", "objective", "O2") ==
        "objective.reasons is missing: rule objective.reasons cannot be decided for "
        "objective O2");
}

TEST_CASE("an undecided decision gives its reason", "[messages]") {
    using activ::undecided_reason;
    CHECK(undecided_reason("en", "action.category") == "cannot decide: action.category is missing");
    CHECK(undecided_reason("fr", "action.category") ==
          "impossible de trancher : action.category manque");
    CHECK(undecided_reason("nl", "action.category") ==
          "kan niet beslissen: action.category ontbreekt");
    CHECK(undecided_reason("", "action.category") == "cannot decide: action.category is missing");
}

TEST_CASE("an undecided activation class is a finding about the action", "[messages]") {
    using activ::undecided_action_message;
    CHECK(undecided_action_message("en", "L2", "action.category", "action.activation#1") ==
          "Action L2: action.category is missing, so rule action.activation#1 cannot decide "
          "its activation class");
    CHECK(undecided_action_message("fr", "L2", "action.category", "action.activation#1") ==
          "Action L2 : action.category manque, la règle action.activation#1 ne peut donc pas "
          "trancher sa classe d'activation");
    CHECK(undecided_action_message("nl", "L2", "action.category", "action.activation#1") ==
          "Actie L2: action.category ontbreekt, dus kan regel action.activation#1 de "
          "activeringsklasse niet bepalen");
}

TEST_CASE("an indicator that cannot be computed names the missing field", "[messages]") {
    using activ::indicator_missing_message;
    CHECK(indicator_missing_message("en", "cost_per_participant", "beneficiary.start") ==
          "indicator cost_per_participant cannot be computed: beneficiary.start is missing");
    CHECK(indicator_missing_message("fr", "cost_per_participant", "beneficiary.start") ==
          "l'indicateur cost_per_participant ne peut pas être calculé : beneficiary.start "
          "manque");
    CHECK(indicator_missing_message("nl", "cost_per_participant", "beneficiary.start") ==
          "indicator cost_per_participant kan niet berekend worden: beneficiary.start "
          "ontbreekt");
}

TEST_CASE("a ruleset that decides nothing says so", "[messages]") {
    CHECK(activ::no_classification_reason("en") == "the ruleset classifies no action");
    CHECK(activ::no_classification_reason("fr") == "les règles ne classent aucune action");
    CHECK(activ::no_classification_reason("nl") == "de regels delen geen enkele actie in");
    CHECK(activ::no_eligibility_reason("en") == "the ruleset decides no trajectory eligibility");
    CHECK(activ::no_eligibility_reason("fr") ==
          "les règles ne tranchent aucune éligibilité à un trajet");
    CHECK(activ::no_eligibility_reason("nl") ==
          "de regels beslissen over geen enkel recht op een traject");
    CHECK(activ::no_classification_reason("xx") == activ::no_classification_reason("en"));
}
