// The engine's own sentences in three languages. Each sentence is written out whole per
// language rather than assembled from translated fragments, because word order differs
// (Dutch puts the verb last) and a translator must see the full sentence.
#include "engine/messages.hpp"

#include <initializer_list>
#include <string_view>

namespace activ {

namespace {

// Appends instead of chaining operator+: GCC 12 in Release warns (-Wrestrict) on
// some chains of temporaries, and this reads as the sentence it builds.
std::string join(std::initializer_list<std::string_view> parts) {
    std::string out;
    for (std::string_view part : parts) out += part;
    return out;
}

}  // namespace

Language language_of(const std::string& code) {
    if (code == "fr") return Language::fr;
    if (code == "nl") return Language::nl;
    return Language::en;
}

std::string subject_kind_word(const std::string& lang, const std::string& kind) {
    struct Row {
        const char* en;
        const char* fr;
        const char* nl;
    };
    static constexpr Row rows[] = {
        {"convention", "convention", "overeenkomst"},
        {"action", "action", "actie"},
        {"expense", "dépense", "uitgave"},
        {"beneficiary", "bénéficiaire", "begunstigde"},
        {"objective", "objectif", "doelstelling"},
    };
    for (const auto& row : rows) {
        if (kind != row.en) continue;
        switch (language_of(lang)) {
            case Language::fr:
                return row.fr;
            case Language::nl:
                return row.nl;
            case Language::en:
                return row.en;
        }
    }
    return kind;
}

std::string missing_field_message(const std::string& lang, const std::string& path,
                                  const std::string& rule, const std::string& subject_kind,
                                  const std::string& subject_id) {
    const std::string kind = subject_kind_word(lang, subject_kind);
    switch (language_of(lang)) {
        case Language::fr:
            return join({path, " manque : la règle ", rule, " ne peut pas être tranchée pour ",
                         kind, " ", subject_id});
        case Language::nl:
            return join({path, " ontbreekt: regel ", rule, " kan niet beslist worden voor ", kind,
                         " ", subject_id});
        case Language::en:
            break;
    }
    return join(
        {path, " is missing: rule ", rule, " cannot be decided for ", kind, " ", subject_id});
}

std::string undecided_reason(const std::string& lang, const std::string& path) {
    switch (language_of(lang)) {
        case Language::fr:
            return join({"impossible de trancher : ", path, " manque"});
        case Language::nl:
            return join({"kan niet beslissen: ", path, " ontbreekt"});
        case Language::en:
            break;
    }
    return join({"cannot decide: ", path, " is missing"});
}

std::string undecided_action_message(const std::string& lang, const std::string& action_id,
                                     const std::string& path, const std::string& rule) {
    switch (language_of(lang)) {
        case Language::fr:
            return join({"Action ", action_id, " : ", path, " manque, la règle ", rule,
                         " ne peut donc pas trancher sa classe d'activation"});
        case Language::nl:
            return join({"Actie ", action_id, ": ", path, " ontbreekt, dus kan regel ", rule,
                         " de activeringsklasse niet bepalen"});
        case Language::en:
            break;
    }
    return join({"Action ", action_id, ": ", path, " is missing, so rule ", rule,
                 " cannot decide its activation class"});
}

std::string indicator_missing_message(const std::string& lang, const std::string& indicator,
                                      const std::string& path) {
    switch (language_of(lang)) {
        case Language::fr:
            return join(
                {"l'indicateur ", indicator, " ne peut pas être calculé : ", path, " manque"});
        case Language::nl:
            return join(
                {"indicator ", indicator, " kan niet berekend worden: ", path, " ontbreekt"});
        case Language::en:
            break;
    }
    return join({"indicator ", indicator, " cannot be computed: ", path, " is missing"});
}

std::string totals_too_large_message(const std::string& lang, const std::string& convention_id) {
    switch (language_of(lang)) {
        case Language::fr:
            return join({"les dépenses de la convention ", convention_id,
                         " dépassent au total 92233720368547758.07 EUR, ce qu'activ ne peut pas "
                         "additionner : aucun total n'est calculé"});
        case Language::nl:
            return join({"de uitgaven van overeenkomst ", convention_id,
                         " bedragen samen meer dan 92233720368547758.07 EUR, wat activ niet kan "
                         "optellen: er worden geen totalen berekend"});
        case Language::en:
            break;
    }
    return join({"the expenses of convention ", convention_id,
                 " add up to more than 92233720368547758.07 EUR, which activ cannot total: no "
                 "totals are computed"});
}

std::string no_classification_reason(const std::string& lang) {
    switch (language_of(lang)) {
        case Language::fr:
            return "les règles ne classent aucune action";
        case Language::nl:
            return "de regels delen geen enkele actie in";
        case Language::en:
            break;
    }
    return "the ruleset classifies no action";
}

std::string no_eligibility_reason(const std::string& lang) {
    switch (language_of(lang)) {
        case Language::fr:
            return "les règles ne tranchent aucune éligibilité à un trajet";
        case Language::nl:
            return "de regels beslissen over geen enkel recht op een traject";
        case Language::en:
            break;
    }
    return "the ruleset decides no trajectory eligibility";
}

}  // namespace activ
