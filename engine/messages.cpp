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


constexpr ReportWords english = {
    .language = "en",
    .convention = "Convention",
    .year = "year",
    .file = "file",
    .ruleset = "Ruleset",
    .verdict = "Verdict",
    .colon = ": ",
    .clean = "clean",
    .error = "error",
    .errors = "errors",
    .warning = "warning",
    .warnings = "warnings",
    .info = "info",
    .infos = "info",
    .actions = "Actions",
    .beneficiaries = "Beneficiaries",
    .findings = "Findings",
    .totals = "Totals",
    .indicators = "Indicators",
    .none = "(none)",
    .rule = "rule",
    .cite = "cite",
    .because = "because",
    .secondary_source = "secondary source",
    .declared = "declared",
    .eligible = "eligible",
    .ineligible = "ineligible",
    .eligible_capped = "eligible capped at subsidy",
    .subsidy = "subsidy",
    .advance_paid = "advance paid",
    .balance_due = "balance due",
    .to_recover = "to recover",
    .missing_value = "—",
    .report_title = "Convention check",
    .cpas = "CPAS",
    .identifier = "identifier",
    .per_cost_type = "Eligible and refused per cost type",
    .cost_type = "cost type",
    .refused = "refused",
    .activation_class = "class",
    .eligibility = "eligibility",
    .reason = "reason",
    .subject = "subject",
    .decided_by = "values that decided",
    .indicator = "indicator",
    .value = "value",
    .amount = "amount",
    .cost_types = {{"personnel", "personnel"},
                   {"operating", "operating"},
                   {"participant", "participant"},
                   {"investment", "investment"},
                   {"overhead", "overhead"}},
    .outcomes = {{"social", "social"},
                 {"professional", "professional"},
                 {"unclassified", "unclassified"},
                 {"eligible", "eligible"},
                 {"not_eligible", "not eligible"},
                 {"undetermined", "undetermined"}},
};

constexpr ReportWords french = {
    .language = "fr",
    .convention = "Convention",
    .year = "année",
    .file = "fichier",
    .ruleset = "Règles",
    .verdict = "Verdict",
    .colon = " : ",
    .clean = "conforme",
    .error = "erreur",
    .errors = "erreurs",
    .warning = "avertissement",
    .warnings = "avertissements",
    .info = "info",
    .infos = "infos",
    .actions = "Actions",
    .beneficiaries = "Bénéficiaires",
    .findings = "Constats",
    .totals = "Totaux",
    .indicators = "Indicateurs",
    .none = "(aucun)",
    .rule = "règle",
    .cite = "source",
    .because = "parce que",
    .secondary_source = "source secondaire",
    .declared = "déclaré",
    .eligible = "éligible",
    .ineligible = "inéligible",
    .eligible_capped = "éligible plafonné à la subvention",
    .subsidy = "subvention",
    .advance_paid = "avance versée",
    .balance_due = "solde dû",
    .to_recover = "à récupérer",
    .missing_value = "—",
    .report_title = "Contrôle de la convention",
    .cpas = "CPAS",
    .identifier = "identifiant",
    .per_cost_type = "Éligible et refusé par type de coût",
    .cost_type = "type de coût",
    .refused = "refusé",
    .activation_class = "classe",
    .eligibility = "éligibilité",
    .reason = "raison",
    .subject = "objet",
    .decided_by = "valeurs qui ont décidé",
    .indicator = "indicateur",
    .value = "valeur",
    .amount = "montant",
    .cost_types = {{"personnel", "personnel"},
                   {"operating", "fonctionnement"},
                   {"participant", "participants"},
                   {"investment", "investissement"},
                   {"overhead", "frais généraux"}},
    .outcomes = {{"social", "sociale"},
                 {"professional", "professionnelle"},
                 {"unclassified", "non classée"},
                 {"eligible", "éligible"},
                 {"not_eligible", "non éligible"},
                 {"undetermined", "indéterminée"}},
};

constexpr ReportWords dutch = {
    .language = "nl",
    .convention = "Overeenkomst",
    .year = "jaar",
    .file = "bestand",
    .ruleset = "Regelset",
    .verdict = "Oordeel",
    .colon = ": ",
    .clean = "in orde",
    .error = "fout",
    .errors = "fouten",
    .warning = "waarschuwing",
    .warnings = "waarschuwingen",
    .info = "info",
    .infos = "info",
    .actions = "Acties",
    .beneficiaries = "Begunstigden",
    .findings = "Bevindingen",
    .totals = "Totalen",
    .indicators = "Indicatoren",
    .none = "(geen)",
    .rule = "regel",
    .cite = "bron",
    .because = "omdat",
    .secondary_source = "secundaire bron",
    .declared = "aangegeven",
    .eligible = "subsidieerbaar",
    .ineligible = "niet subsidieerbaar",
    .eligible_capped = "subsidieerbaar, begrensd tot de subsidie",
    .subsidy = "subsidie",
    .advance_paid = "betaald voorschot",
    .balance_due = "verschuldigd saldo",
    .to_recover = "terug te vorderen",
    .missing_value = "—",
    .report_title = "Controle van de overeenkomst",
    .cpas = "OCMW",
    .identifier = "kenmerk",
    .per_cost_type = "Subsidieerbaar en geweigerd per kostensoort",
    .cost_type = "kostensoort",
    .refused = "geweigerd",
    .activation_class = "klasse",
    .eligibility = "recht op traject",
    .reason = "reden",
    .subject = "onderwerp",
    .decided_by = "doorslaggevende waarden",
    .indicator = "indicator",
    .value = "waarde",
    .amount = "bedrag",
    .cost_types = {{"personnel", "personeel"},
                   {"operating", "werking"},
                   {"participant", "deelnemers"},
                   {"investment", "investering"},
                   {"overhead", "overheadkosten"}},
    .outcomes = {{"social", "sociaal"},
                 {"professional", "professioneel"},
                 {"unclassified", "niet ingedeeld"},
                 {"eligible", "in aanmerking"},
                 {"not_eligible", "niet in aanmerking"},
                 {"undetermined", "onbepaald"}},
};


constexpr OverviewWords english_overview = {
    .title = "Social activation conventions: overview",
    .all_years = "all years",
    .by_status = "Conventions by status",
    .status = "status",
    .conventions = "conventions",
    .unchecked = "not checked yet",
    .rejected = "refused at import",
    .total = "total",
    .per_cpas = "Amounts per CPAS",
    .top_findings = "Most frequent findings, per rule",
    .severity = "severity",
    .findings_count = "findings",
    .at_stake = "amount at stake",
    .indicators_summed = "Indicators summed over the CPAS",
    .reported = "conventions reporting it",
    .missing = "could not be computed",
    .not_additive = "not summed: a ratio or an amount per person means nothing added up",
    .rejected_files = "Files refused at import",
    .rejected_note = "The loader could not read their year, so they are listed whatever the year asked.",
    .details = "Each convention",
    .history = "History",
    .submission = "submission",
    .imported = "imported",
    .result = "result",
    .checked = "checked",
    .no_result = "No result yet: run activ db check.",
};

constexpr OverviewWords french_overview = {
    .title = "Conventions d'activation sociale : vue d'ensemble",
    .all_years = "toutes les années",
    .by_status = "Conventions par statut",
    .status = "statut",
    .conventions = "conventions",
    .unchecked = "pas encore contrôlées",
    .rejected = "refusées à l'import",
    .total = "total",
    .per_cpas = "Montants par CPAS",
    .top_findings = "Constats les plus fréquents, par règle",
    .severity = "gravité",
    .findings_count = "constats",
    .at_stake = "montant en jeu",
    .indicators_summed = "Indicateurs additionnés sur les CPAS",
    .reported = "conventions qui le donnent",
    .missing = "non calculable",
    .not_additive = "non additionné : un ratio ou un montant par personne n'a pas de sens en somme",
    .rejected_files = "Fichiers refusés à l'import",
    .rejected_note = "Leur année n'a pas pu être lue : ils sont listés quelle que soit l'année demandée.",
    .details = "Chaque convention",
    .history = "Historique",
    .submission = "dépôt",
    .imported = "importé le",
    .result = "résultat",
    .checked = "contrôlé le",
    .no_result = "Pas encore de résultat : lancez activ db check.",
};

constexpr OverviewWords dutch_overview = {
    .title = "Overeenkomsten sociale activering: overzicht",
    .all_years = "alle jaren",
    .by_status = "Overeenkomsten per status",
    .status = "status",
    .conventions = "overeenkomsten",
    .unchecked = "nog niet gecontroleerd",
    .rejected = "geweigerd bij de import",
    .total = "totaal",
    .per_cpas = "Bedragen per OCMW",
    .top_findings = "Meest voorkomende vaststellingen, per regel",
    .severity = "ernst",
    .findings_count = "vaststellingen",
    .at_stake = "betrokken bedrag",
    .indicators_summed = "Indicatoren opgeteld over de OCMW's",
    .reported = "overeenkomsten die hem geven",
    .missing = "niet te berekenen",
    .not_additive = "niet opgeteld: een verhouding of een bedrag per persoon zegt niets als som",
    .rejected_files = "Bij de import geweigerde bestanden",
    .rejected_note = "Hun jaar kon niet gelezen worden: ze staan er ongeacht het gevraagde jaar.",
    .details = "Elke overeenkomst",
    .history = "Geschiedenis",
    .submission = "indiening",
    .imported = "geïmporteerd op",
    .result = "resultaat",
    .checked = "gecontroleerd op",
    .no_result = "Nog geen resultaat: voer activ db check uit.",
};

// The explanation's English is the text as activ first wrote it: codes such as
// not_eligible or error are shown as they are, the result words with spaces.
constexpr ExplainWords english_explain = {
    .colon = ": ",
    .of_convention = " of convention ",
    .year = "year",
    .ruleset = "Ruleset",
    .version = "version",
    .status = "Status",
    .by = ", by ",
    .because = "because",
    .cite = "cite",
    .secondary_source = "secondary source",
    .branch = "branch",
    .condition = "condition",
    .unless = "unless",
    .then = ", then ",
    .otherwise = "otherwise",
    .otherwise_decided = "decided, no branch above did",
    .on_step = " on step ",
    .checks_run_on = "Checks run on ",
    .other_findings_on = "Other findings on ",
    .parameters = "Parameters",
    .no_parameters = "none",
    .dated_parameters_before = "Parameters (dated values as in force on ",
    .dated_parameters_after = ", the first day of the convention's period)",
    .from = "from ",
    .in_force = " (in force)",
    .not_evaluated = "not evaluated",
    .of = " of ",
    .matched_singular = " matched",
    .matched_plural = " matched",
    .item = "item",
    .items = "items",
    .zero_is_singular = false,
    .kinds = {{"convention", "Convention", "this convention"},
              {"action", "Action", "this action"},
              {"expense", "Expense", "this expense"},
              {"beneficiary", "Beneficiary", "this beneficiary"},
              {"objective", "Objective", "this objective"}},
    .decision_fields = {{"activation", "Activation"}, {"eligibility", "Eligibility"}},
    .statuses = {{"clean", "clean"}, {"warning", "warning"}, {"error", "error"}},
    .severities = {{"error", "error"}, {"warning", "warning"}, {"info", "info"}},
    .outcomes = {{"social", "social"},
                 {"professional", "professional"},
                 {"unclassified", "unclassified"},
                 {"eligible", "eligible"},
                 {"not_eligible", "not_eligible"},
                 {"undetermined", "undetermined"}},
    .check_results = {{"fired", "fired"},
                      {"not_fired", "not fired"},
                      {"undecided", "cannot be decided"}},
    .branch_results = {{"decided", "decided"},
                       {"not_taken", "not taken"},
                       {"excepted", "excepted"},
                       {"undecided", "undecided"}},
    .exception_results = {{"applied", "applied"},
                          {"not_applied", "not applied"},
                          {"undecided", "undecided"},
                          {"not_evaluated", "not evaluated"}},
};

// Statuses, severities and outcomes as the French and Dutch reports spell them, so that
// the explanation of an item uses the words of the report that listed it.
constexpr ExplainWords french_explain = {
    .colon = " : ",
    .of_convention = " de la convention ",
    .year = "année",
    .ruleset = "Règles",
    .version = "version",
    .status = "Statut",
    .by = ", par ",
    .because = "parce que",
    .cite = "source",
    .secondary_source = "source secondaire",
    .branch = "branche",
    .condition = "condition",
    .unless = "sauf si",
    .then = ", alors ",
    .otherwise = "sinon",
    .otherwise_decided = "décidé ainsi, aucune branche ci-dessus n'ayant tranché",
    .on_step = " à l'étape ",
    .checks_run_on = "Contrôles appliqués à ",
    .other_findings_on = "Autres constats sur ",
    .parameters = "Paramètres",
    .no_parameters = "aucun",
    .dated_parameters_before = "Paramètres (valeurs datées en vigueur le ",
    .dated_parameters_after = ", premier jour de la période de la convention)",
    .from = "à partir du ",
    .in_force = " (en vigueur)",
    .not_evaluated = "non évalué",
    .of = " sur ",
    .matched_singular = " retenu",
    .matched_plural = " retenus",
    .item = "élément",
    .items = "éléments",
    .zero_is_singular = true,
    .kinds = {{"convention", "Convention", "cette convention"},
              {"action", "Action", "cette action"},
              {"expense", "Dépense", "cette dépense"},
              {"beneficiary", "Bénéficiaire", "ce bénéficiaire"},
              {"objective", "Objectif", "cet objectif"}},
    .decision_fields = {{"activation", "Classe d'activation"}, {"eligibility", "Éligibilité"}},
    .statuses = {{"clean", "conforme"}, {"warning", "avertissement"}, {"error", "erreur"}},
    .severities = {{"error", "erreur"}, {"warning", "avertissement"}, {"info", "info"}},
    .outcomes = {{"social", "sociale"},
                 {"professional", "professionnelle"},
                 {"unclassified", "non classée"},
                 {"eligible", "éligible"},
                 {"not_eligible", "non éligible"},
                 {"undetermined", "indéterminée"}},
    .check_results = {{"fired", "déclenché"},
                      {"not_fired", "non déclenché"},
                      {"undecided", "ne peut pas être tranché"}},
    .branch_results = {{"decided", "a tranché"},
                       {"not_taken", "ne s'applique pas"},
                       {"excepted", "écartée par une exception"},
                       {"undecided", "ne peut pas trancher"}},
    .exception_results = {{"applied", "s'applique"},
                          {"not_applied", "ne s'applique pas"},
                          {"undecided", "ne peut pas être tranché"},
                          {"not_evaluated", "non évalué"}},
};

constexpr ExplainWords dutch_explain = {
    .colon = ": ",
    .of_convention = " van overeenkomst ",
    .year = "jaar",
    .ruleset = "Regels",
    .version = "versie",
    .status = "Status",
    .by = ", door ",
    .because = "omdat",
    .cite = "bron",
    .secondary_source = "secundaire bron",
    .branch = "tak",
    .condition = "voorwaarde",
    .unless = "tenzij",
    .then = ", dan ",
    .otherwise = "anders",
    .otherwise_decided = "zo beslist, want geen tak hierboven besliste",
    .on_step = " bij stap ",
    .checks_run_on = "Controles op ",
    .other_findings_on = "Andere bevindingen bij ",
    .parameters = "Parameters",
    .no_parameters = "geen",
    .dated_parameters_before = "Parameters (gedateerde waarden zoals van kracht op ",
    .dated_parameters_after = ", de eerste dag van de periode van de overeenkomst)",
    .from = "vanaf ",
    .in_force = " (van kracht)",
    .not_evaluated = "niet geëvalueerd",
    .of = " van ",
    .matched_singular = " geselecteerd",
    .matched_plural = " geselecteerd",
    .item = "element",
    .items = "elementen",
    .zero_is_singular = false,
    .kinds = {{"convention", "Overeenkomst", "deze overeenkomst"},
              {"action", "Actie", "deze actie"},
              {"expense", "Uitgave", "deze uitgave"},
              {"beneficiary", "Begunstigde", "deze begunstigde"},
              {"objective", "Doelstelling", "deze doelstelling"}},
    .decision_fields = {{"activation", "Activeringsklasse"}, {"eligibility", "Recht op traject"}},
    .statuses = {{"clean", "in orde"}, {"warning", "waarschuwing"}, {"error", "fout"}},
    .severities = {{"error", "fout"}, {"warning", "waarschuwing"}, {"info", "info"}},
    .outcomes = {{"social", "sociaal"},
                 {"professional", "professioneel"},
                 {"unclassified", "niet ingedeeld"},
                 {"eligible", "in aanmerking"},
                 {"not_eligible", "niet in aanmerking"},
                 {"undetermined", "onbepaald"}},
    .check_results = {{"fired", "gesignaleerd"},
                      {"not_fired", "niet gesignaleerd"},
                      {"undecided", "kan niet beslist worden"}},
    .branch_results = {{"decided", "heeft beslist"},
                       {"not_taken", "niet van toepassing"},
                       {"excepted", "uitgesloten door een uitzondering"},
                       {"undecided", "kan niet beslissen"}},
    .exception_results = {{"applied", "van toepassing"},
                          {"not_applied", "niet van toepassing"},
                          {"undecided", "kan niet beslist worden"},
                          {"not_evaluated", "niet geëvalueerd"}},
};

}  // namespace

const OverviewWords& overview_words(const std::string& language) {
    switch (language_of(language)) {
        case Language::fr:
            return french_overview;
        case Language::nl:
            return dutch_overview;
        case Language::en:
            break;
    }
    return english_overview;
}

const ExplainWords& explain_words(const std::string& language) {
    switch (language_of(language)) {
        case Language::fr:
            return french_explain;
        case Language::nl:
            return dutch_explain;
        case Language::en:
            break;
    }
    return english_explain;
}

const ReportWords& report_words(const std::string& language) {
    switch (language_of(language)) {
        case Language::fr:
            return french;
        case Language::nl:
            return dutch;
        case Language::en:
            break;
    }
    return english;
}

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

std::string localized_cite(const ReportWords& words, const Finding& finding) {
    return localized_cite(words.secondary_source, finding.citation, finding.cite);
}

std::string localized_cite(const char* secondary_source, const Citation& citation,
                           const std::string& cite) {
    if (citation.source.empty() && citation.point.empty()) return cite;
    Citation plain = citation;
    plain.secondary = false;
    std::string out = format_citation(plain);
    if (citation.secondary) {
        out += " [";
        out += secondary_source;
        out += ']';
    }
    return out;
}

}  // namespace activ
