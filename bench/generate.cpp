// Writes a deterministic synthetic national batch of conventions (one YAML file per CPAS)
// with defects planted at known rates, in French and Dutch, for the benchmark and for
// re-checking at scale. Same arguments, same bytes.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "engine/convert.hpp"

namespace {

/// splitmix64: small, fast and the same on every machine.
class Random {
public:
    explicit Random(uint64_t seed) : state_(seed) {}
    uint64_t next() {
        uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<uint64_t>(n)); }
    /// True with probability per_thousand / 1000.
    bool chance(int per_thousand) { return below(1000) < per_thousand; }

private:
    uint64_t state_;
};

struct Options {
    int cpas = 580;
    int expenses = 300;
    uint64_t seed = 1;
    int year = 2015;
    std::string out = "bench/data/national";
    std::string jsonl;  // also the batch as JSON Lines, when given
};

/// Planted defects, per thousand items: what the rules must find.
struct Rates {
    int late_filing = 20;          // convention filed after the deadline
    int outside_period = 20;       // expense dated outside the period
    int no_document = 30;          // expense without supporting document
    int share_without_basis = 20;  // share < 1 without share_basis
    int no_action = 10;            // expense linked to no action
    int professional_action = 60;  // action of a professional category
    int job_search_words = 40;     // `other` action whose words betray job search
};

struct Counts {
    long files = 0, bytes = 0, actions = 0, expenses = 0, beneficiaries = 0;
    long late = 0, outside = 0, no_document = 0, no_basis = 0, no_action = 0, professional = 0,
         words = 0;
};

const char* const social_categories[] = {"language_course",      "communication_workshop",
                                         "mobility_training",    "punctuality_workshop",
                                         "self_esteem_workshop", "basic_skills_pretraining",
                                         "social_participation", "volunteering"};
const char* const professional_categories[] = {"trade_pretraining", "qualifying_training",
                                               "job_search_workshop", "pre_employment_internship"};
const char* const titles_fr[] = {"Atelier de français oral", "Apprivoiser le bus",
                                 "Estime de soi en groupe", "À l'heure, tous les jours",
                                 "Table de conversation", "Potager collectif"};
const char* const titles_nl[] = {"Oefenkansen Nederlands", "Met de tram naar de stad",
                                 "Zelfvertrouwen in groep", "Stipt op afspraak",
                                 "Babbelgroep", "Buurtmoestuin"};
const char* const job_search_fr[] = {"Atelier CV et lettres de motivation",
                                     "Recherche d’emploi accompagnée"};
const char* const job_search_nl[] = {"Sollicitatietraining", "Werkzoeken in groep"};
const char* const cost_types[] = {"personnel", "operating", "participant", "investment",
                                  "overhead"};

std::string two(int n) {
    std::string digits = std::to_string(n);
    if (digits.size() < 2) digits.insert(digits.begin(), '0');
    return digits;
}

/// "AS-2015-0042": a convention id, also its file's name.
std::string convention_id(int year, int index) {
    std::string digits = std::to_string(index);
    std::string id = "AS-";
    id += std::to_string(year);
    id += '-';
    id.append(4 - std::min<size_t>(4, digits.size()), '0');
    id += digits;
    return id;
}

std::string day_of_year(int year, int day) {  // day 0..359, on 30-day months of 12
    return std::to_string(year) + "-" + two(day / 30 + 1) + "-" + two(day % 28 + 1);
}

std::string amount(Random& r, int max_euros) {
    return std::to_string(1 + r.below(max_euros)) + "." + two(r.below(100));
}

std::string convention(const Options& o, int index, Random& r, const Rates& rates, Counts& c) {
    bool const dutch = index % 3 == 0;
    std::string const id = convention_id(o.year, index);
    std::string y = "format: convention/1\nconvention:\n";
    y += "  id: " + id + "\n";
    y += "  year: " + std::to_string(o.year) + "\n";
    y += std::string("  cpas: {name: ") + (dutch ? "OCMW " : "CPAS ") + "Gemeente-" +
         std::to_string(index) + ", nis: \"" + std::to_string(10000 + index * 97 % 89999) + "\"}\n";
    y += "  period: {start: " + std::to_string(o.year) + "-01-01, end: " + std::to_string(o.year) + "-12-31}\n";
    bool const late = r.chance(rates.late_filing);
    c.late += late;
    y += "  submitted_on: " + std::to_string(o.year) + (late ? "-09-15" : "-07-" + two(1 + r.below(28))) + "\n";
    y += "  subsidy: " + std::to_string(20000 + r.below(40000)) + ".00\n";
    y += "  actions:\n";
    int const action_count = 6 + r.below(5);
    for (int a = 0; a < action_count; ++a) {
        std::string category = social_categories[r.below(8)];
        std::string title = dutch ? titles_nl[r.below(6)] : titles_fr[r.below(6)];
        if (r.chance(rates.professional_action)) {
            category = professional_categories[r.below(4)];
            ++c.professional;
        } else if (r.chance(rates.job_search_words)) {
            category = "other";
            title = dutch ? job_search_nl[r.below(2)] : job_search_fr[r.below(2)];
            ++c.words;
        }
        y += "    - {id: A" + std::to_string(a + 1) + ", kind: " +
             (a == 0 || r.chance(600) ? "collective" : "individual") + ", title: \"" + title +
             "\", category: " + category + ", planned_participants: " + std::to_string(4 + r.below(12)) + "}\n";
    }
    c.actions += action_count;
    y += "  expenses:\n";
    for (int e = 0; e < o.expenses; ++e) {
        bool const outside = r.chance(rates.outside_period);
        bool const no_document = r.chance(rates.no_document);
        bool const no_basis = r.chance(rates.share_without_basis);
        bool const no_action = r.chance(rates.no_action);
        c.outside += outside;
        c.no_document += no_document;
        c.no_basis += no_basis;
        c.no_action += no_action;
        y += "    - {id: E" + std::to_string(e + 1) + ", date: " +
             (outside ? day_of_year(o.year + 1, r.below(60)) : day_of_year(o.year, r.below(360))) +
             ", amount: " + amount(r, 3000) + ", description: \"" +
             (dutch ? "Factuur " : "Facture ") + std::to_string(e + 1) + "\"";
        if (!no_action) y += ", action: A" + std::to_string(1 + r.below(action_count));
        y += std::string(", cost_type: ") + cost_types[r.below(5)];
        if (!no_document) y += ", document: DOC-" + std::to_string(index) + "-" + std::to_string(e + 1);
        if (no_basis) {
            y += ", share: 0.5";
        } else if (r.chance(100)) {
            y += ", share: 0.25, share_basis: \"" + std::string(dutch ? "kwarttijds volgens tijdsregistratie" : "quart-temps selon les fiches horaires") + "\"";
        }
        y += "}\n";
    }
    c.expenses += o.expenses;
    int const people = 10 + r.below(20);
    y += "  beneficiaries:\n";
    for (int b = 0; b < people; ++b) {
        int const start = r.below(200);
        y += "    - id: B" + std::to_string(b + 1) + "\n";
        y += std::string("      income: ") + (r.chance(900) ? "integration_income" : "equivalent_social_aid") + "\n";
        y += "      piis: {signed_on: " + day_of_year(o.year, start) + ", kind: social_activation}\n";
        y += "      actions: [A" + std::to_string(1 + r.below(action_count)) + "]\n";
        y += "      assessment:\n";
        y += "        start: {date: " + day_of_year(o.year, start) + ", socioprofessional: " + std::to_string(r.below(5)) +
             ", autonomy: " + std::to_string(r.below(5)) + ", volunteering: " + std::to_string(r.below(5)) + "}\n";
        y += "        end: {date: " + std::to_string(o.year) + "-12-31, socioprofessional: " + std::to_string(r.below(8)) +
             ", autonomy: " + std::to_string(r.below(8)) + ", volunteering: " + std::to_string(r.below(8)) + "}\n";
    }
    c.beneficiaries += people;
    y += "  evaluation:\n    submitted_on: " + std::to_string(o.year + 1) + "-02-" + two(1 + r.below(27)) + "\n";
    y += "    objectives:\n      - {id: O1, text: \"" + std::string(dutch ? "Wekelijkse groep" : "Atelier hebdomadaire") + "\", achieved: yes}\n";
    return y;
}

/// The convention as one line of JSON, by activ's own conversion (ends with a newline).
std::string json_line(const std::string& yaml, const std::string& name) {
    auto converted = activ::convert_convention(yaml, name, activ::InputFormat::yaml,
                                               activ::OutputFormat::json_line);
    if (!converted.text) {
        std::cerr << "generate: " << name << " does not convert to JSON\n";
        std::exit(1);
    }
    return std::move(*converted.text);
}

int usage(const char* why) {
    std::cerr << "generate: " << why << "\n"
              << "usage: generate [--cpas N] [--expenses N] [--seed S] [--year Y] [--out DIR]\n"
                 "                [--jsonl FILE]\n"
                 "Writes one convention per CPAS into DIR (default bench/data/national);\n"
                 "with --jsonl, also the same batch into FILE, one convention per line.\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        std::string const arg = argv[i];
        if (arg == "--help" || arg == "-h") return usage("a synthetic national batch") == 2 ? 0 : 0;
        if (i + 1 >= argc) return usage(("missing value after " + arg).c_str());
        std::string const value = argv[++i];
        try {
            if (arg == "--cpas") o.cpas = std::stoi(value);
            else if (arg == "--expenses") o.expenses = std::stoi(value);
            else if (arg == "--seed") o.seed = std::stoull(value);
            else if (arg == "--year") o.year = std::stoi(value);
            else if (arg == "--out") o.out = value;
            else if (arg == "--jsonl") o.jsonl = value;
            else return usage(("unknown option " + arg).c_str());
        } catch (const std::exception&) {
            return usage(("not a number: " + value).c_str());
        }
    }
    if (o.cpas < 1 || o.cpas > 9999 || o.expenses < 0) return usage("--cpas is 1..9999, --expenses >= 0");
    std::filesystem::create_directories(o.out);
    Random r(o.seed);
    Rates const rates;
    Counts c;
    std::ofstream jsonl;
    if (!o.jsonl.empty()) {
        jsonl.open(o.jsonl, std::ios::binary);
        if (!jsonl) return usage(("cannot write " + o.jsonl).c_str());
    }
    for (int i = 1; i <= o.cpas; ++i) {
        std::string const text = convention(o, i, r, rates, c);
        std::string const name = convention_id(o.year, i) + ".yaml";
        std::ofstream(std::filesystem::path(o.out) / name, std::ios::binary) << text;
        if (jsonl.is_open()) jsonl << json_line(text, name);
        ++c.files;
        c.bytes += static_cast<long>(text.size());
        if (i % 100 == 0) std::cerr << "generate: " << i << "/" << o.cpas << " conventions\r" << std::flush;
    }
    std::cerr << "generate: " << c.files << " conventions, " << c.bytes / 1000000.0 << " MB in " << o.out << "\n";
    std::cout << "files " << c.files << "\nbytes " << c.bytes << "\nactions " << c.actions
              << "\nexpenses " << c.expenses << "\nbeneficiaries " << c.beneficiaries
              << "\nplanted.late_filing " << c.late << "\nplanted.expense_outside_period " << c.outside
              << "\nplanted.expense_without_document " << c.no_document
              << "\nplanted.share_without_basis " << c.no_basis << "\nplanted.expense_without_action " << c.no_action
              << "\nplanted.professional_action " << c.professional << "\nplanted.job_search_words " << c.words << "\n";
    return 0;
}
