// Hand-written 2015 checks: no rule file, no interpretation, just the logic in C++.
#include "bench/baseline.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <string_view>

#include "engine/text_match.hpp"

namespace activ::bench {

namespace {

bool in(std::string_view word, std::initializer_list<std::string_view> words) {
    return std::find(words.begin(), words.end(), word) != words.end();
}

const std::vector<std::string>& folded(std::initializer_list<const char*> words) {
    static thread_local std::vector<std::string> out;
    out.clear();
    for (const char* w : words) out.push_back(fold_text(w));
    return out;
}

struct Words {
    std::vector<std::string> professional, social;
    Words() {
        professional = folded({"recherche d'emploi", "recherche active d'emploi",
                               "chercher un emploi", "CV", "curriculum vitae",
                               "lettre de motivation", "lettres de motivation",
                               "entretien d'embauche", "candidature", "sollicitation",
                               "offres d'emploi", "article 60", "art. 60", "mise à l'emploi",
                               "formation qualifiante", "préformation métier",
                               "stage préalable à l'emploi", "werkzoek", "sollicitatie",
                               "sollicitatietraining", "vacature", "artikel 60", "tewerkstelling",
                               "beroepsopleiding", "kwalificerende opleiding", "job zoeken",
                               "werk zoeken"});
        social = folded({"cours de langue", "français", "néerlandais", "alphabétisation",
                         "estime de soi", "confiance en soi", "transport en commun", "mobilité",
                         "ponctualité", "horaire", "remobilisation", "participation sociale",
                         "bénévolat", "taalles", "nederlands", "oefenkansen", "zelfvertrouwen",
                         "openbaar vervoer", "mobiliteit", "stiptheid", "remobilisering",
                         "vrijwilligerswerk", "maatschappelijke participatie"});
    }
};

bool mentions_any(const std::string& text, const std::vector<std::string>& words) {
    std::string const f = fold_text(text);
    return std::any_of(words.begin(), words.end(), [&](const auto& w) { return mentions(f, w); });
}

// The engine's findings cite their source: the hand-written ones carry a line as long.
const std::string citation_line =
    "Groupe de travail Activation sociale, SPP Intégration sociale (2015-12-08), point 3.C";

void find(Result& r, const char* rule, Severity s, SubjectKind k, const std::string& id,
          std::string message) {
    Finding f;
    f.cite = citation_line;
    f.rule = rule;
    f.severity = s;
    f.subject_kind = k;
    f.subject_id = id;
    f.message = std::move(message);
    r.findings.push_back(std::move(f));
}

void add_indicator(Result& r, const char* name, IndicatorValue::Kind kind, std::string value) {
    IndicatorValue v;
    v.name = name;
    v.kind = value.empty() ? IndicatorValue::Kind::missing : kind;
    v.value = std::move(value);
    r.indicators.push_back(std::move(v));
}

// The ruleset's indicators: counts of eligible people who progressed, and eligible
// amounts in all and per cost type.
void add_indicators(Result& r, const Convention& c, const std::set<std::string>& refused) {
    int64_t participants = 0, socioprofessional = 0, autonomy = 0, volunteering = 0, any = 0;
    for (size_t i = 0; i < c.beneficiaries.size(); ++i) {
        if (r.beneficiaries[i].outcome != "eligible") continue;
        ++participants;
        const auto& a = c.beneficiaries[i].assessment;
        if (!a || !a->start || !a->end) continue;
        auto progressed = [](const auto& start, const auto& end) {
            return start && end && *end > *start;
        };
        bool const s = progressed(a->start->socioprofessional, a->end->socioprofessional);
        bool const au = progressed(a->start->autonomy, a->end->autonomy);
        bool const v = progressed(a->start->volunteering, a->end->volunteering);
        socioprofessional += s;
        autonomy += au;
        volunteering += v;
        any += s || au || v;
    }
    const char* const types[] = {"personnel", "operating", "participant", "investment", "overhead"};
    int64_t per_type[5] = {};
    for (const auto& e : c.expenses) {
        if (refused.count(e.id)) continue;
        for (size_t t = 0; t < 5; ++t) {
            if (e.cost_type == types[t]) per_type[t] += charge_of(e.amount, e.share).cents;
        }
    }
    using Kind = IndicatorValue::Kind;
    Money const eligible = r.totals.eligible;
    add_indicator(r, "participants", Kind::count, std::to_string(participants));
    add_indicator(r, "progress_socioprofessional", Kind::count, std::to_string(socioprofessional));
    add_indicator(r, "progress_autonomy", Kind::count, std::to_string(autonomy));
    add_indicator(r, "progress_volunteering", Kind::count, std::to_string(volunteering));
    add_indicator(r, "progress_share", Kind::decimal,
                  participants ? std::to_string(any * 10'000 / participants) : std::string());
    add_indicator(r, "eligible_amount", Kind::amount, format_money(eligible));
    add_indicator(r, "cost_per_participant", Kind::amount,
                  participants ? format_money(Money{eligible.cents / participants}) : std::string());
    const char* const names[] = {"eligible_personnel", "eligible_operating", "eligible_participant",
                                 "eligible_investment", "eligible_overhead"};
    for (size_t t = 0; t < 5; ++t) add_indicator(r, names[t], Kind::amount, format_money(Money{per_type[t]}));
}

}  // namespace

Result check_2015_by_hand(const Convention& c) {
    static const Words words;
    Result r;
    r.convention_id = c.id;
    std::vector<std::string> activation;
    for (const auto& a : c.actions) {
        std::string const text = a.title + " " + a.description;
        std::string cls = "unclassified";
        if (in(a.category, {"trade_pretraining", "qualifying_training", "job_search_workshop",
                            "pre_employment_internship", "article60_employment"})) {
            cls = "professional";
        } else if (in(a.category, {"language_course", "communication_workshop", "mobility_training",
                                   "punctuality_workshop", "self_esteem_workshop",
                                   "basic_skills_pretraining", "remobilisation_internship",
                                   "work_discovery_internship", "social_participation",
                                   "volunteering"})) {
            bool const internship =
                in(a.category, {"remobilisation_internship", "work_discovery_internship"});
            if (internship && !a.target_ready_for_work) {
                cls = "unclassified";
            } else {
                cls = internship && *a.target_ready_for_work ? "professional" : "social";
            }
        } else if (a.category == "other" && mentions_any(text, words.professional)) {
            cls = "professional";
        } else if (a.category == "other" && mentions_any(text, words.social)) {
            cls = "social";
        }
        activation.push_back(cls);
        r.actions.push_back({a.id, cls, "", "", "", {}, {}});
        if (cls == "unclassified") {
            find(r, "action.unclassified", Severity::warning, SubjectKind::action, a.id,
                 "Action " + a.id + " « " + a.title + " » : impossible de dire");
        } else if (cls == "social" && mentions_any(text, words.professional)) {
            find(r, "action.professional-words-in-social-category", Severity::warning,
                 SubjectKind::action, a.id, "Action " + a.id + " déclarée " + a.category);
        }
    }
    auto const year_start = make_date(c.year, 1, 1), year_end = make_date(c.year, 12, 31);
    if (c.period.start != *year_start || c.period.end != *year_end) {
        find(r, "convention.period-is-subsidy-year", Severity::error, SubjectKind::convention,
             c.id, "La convention couvre " + format_date(c.period.start));
    }
    if (c.submitted_on > *make_date(2015, 8, 31)) {
        find(r, "convention.submission-deadline", Severity::error, SubjectKind::convention, c.id,
             "Convention introduite le " + format_date(c.submitted_on));
    }
    if (c.evaluation && c.evaluation->submitted_on &&
        *c.evaluation->submitted_on > *make_date(2016, 2, 28)) {
        find(r, "convention.evaluation-deadline", Severity::error, SubjectKind::convention, c.id,
             "Formulaire d'évaluation introduit le " + format_date(*c.evaluation->submitted_on));
    }
    if (std::none_of(c.actions.begin(), c.actions.end(),
                     [](const Action& a) { return a.kind == "collective"; })) {
        find(r, "convention.concrete-collective-action", Severity::error, SubjectKind::convention,
             c.id, "Aucune action collective concrète");
    }
    for (const auto& e : c.expenses) {
        auto error = [&](const char* rule, std::string message) {
            find(r, rule, Severity::error, SubjectKind::expense, e.id, std::move(message));
        };
        if (e.date < c.period.start || e.date > c.period.end) {
            error("expense.in-period", "Dépense " + e.id + " du " + format_date(e.date));
        }
        if (e.action_index < 0) {
            error("expense.direct-link", "Dépense " + e.id + " : aucun lien direct");
        } else if (activation[static_cast<size_t>(e.action_index)] == "professional") {
            error("expense.professional-action", "Dépense " + e.id + " liée à l'action " +
                                                     c.actions[static_cast<size_t>(e.action_index)].id);
        } else if (activation[static_cast<size_t>(e.action_index)] == "unclassified") {
            find(r, "expense.unclassified-action", Severity::warning, SubjectKind::expense, e.id,
                 "Dépense " + e.id);
        }
        if (!e.document) error("expense.supporting-document", "Dépense " + e.id + " sans pièce");
        if (e.share.millionths < Share::one && !e.share_basis) {
            error("expense.share-basis", "Dépense " + e.id + " imputée à " + format_share(e.share));
        }
        if (e.amount.cents < 0 && !e.credit) error("expense.negative-amount", "Dépense " + e.id);
        Money const charge = charge_of(e.amount, e.share);
        if (charge.cents + e.other_funding.cents > e.amount.cents && e.amount.cents > 0) {
            error("expense.double-funding", "Dépense " + e.id + " : " + format_money(charge));
        }
    }
    for (const auto& b : c.beneficiaries) {
        std::string outcome = "undetermined";
        bool const eligible_income =
            b.income && in(*b.income, {"integration_income", "equivalent_social_aid"});
        if (b.income && !eligible_income) {
            outcome = "not_eligible";
        } else if (!b.piis) {
            outcome = "not_eligible";
        } else if (b.piis->kind && *b.piis->kind != "social_activation") {
            outcome = "not_eligible";
        } else if (!b.action_indices.empty() &&
                   std::all_of(b.action_indices.begin(), b.action_indices.end(), [&](int i) {
                       return activation[static_cast<size_t>(i)] == "professional";
                   })) {
            outcome = "not_eligible";
        } else if (b.piis->signed_on && b.assessment && b.assessment->start &&
                   b.assessment->start->date && eligible_income) {
            outcome = *b.piis->signed_on > *b.assessment->start->date ? "not_eligible" : "eligible";
        }
        r.beneficiaries.push_back({b.id, outcome, "", "", "", {}, {}});
    }
    if (c.evaluation) {
        for (const auto& o : c.evaluation->objectives) {
            if (o.achieved != "yes" && !o.reasons) {
                find(r, "objective.reasons-when-not-achieved", Severity::warning,
                     SubjectKind::objective, o.id, "Objectif " + o.id);
            }
        }
    }
    std::set<std::string> refused;
    for (const auto& f : r.findings) {
        if (f.severity == Severity::error && f.subject_kind == SubjectKind::expense) {
            refused.insert(f.subject_id);
        }
    }
    for (const auto& e : c.expenses) {
        Money const charge = charge_of(e.amount, e.share);
        r.totals.declared.cents += charge.cents;
        if (!refused.count(e.id)) r.totals.eligible.cents += charge.cents;
    }
    r.totals.ineligible.cents = r.totals.declared.cents - r.totals.eligible.cents;
    r.totals.eligible_capped = std::min(r.totals.eligible, c.subsidy);
    add_indicators(r, c, refused);
    return r;
}

}  // namespace activ::bench
