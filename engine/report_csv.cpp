// The CSV report (`activ check --format csv`): one row per finding, for a spreadsheet
// that follows many conventions. Column names are fixed English keys, as in the JSON
// report, whatever the language of the messages.
#include <string>

#include "engine/csv.hpp"
#include "engine/report.hpp"

namespace activ {

namespace {

// The charge (amount x share) of the expense a finding is about; empty for any other
// subject, or when the convention does not declare that expense.
std::string amount_at_stake(const Finding& f, const Convention& convention) {
    if (f.subject_kind != SubjectKind::expense) return {};
    for (const auto& e : convention.expenses) {
        if (e.id == f.subject_id) return format_money(charge_of(e.amount, e.share));
    }
    return {};
}

}  // namespace

std::string csv_report_header() {
    std::string out;
    append_csv_row(out, {"convention", "cpas", "subject_kind", "subject_id", "rule", "severity",
                         "amount_at_stake", "message"});
    return out;
}

std::string render_csv(const Result& result, const Convention& convention) {
    std::string out;
    for (const auto& f : result.findings) {
        append_csv_row(out, {result.convention_id, result.cpas_name, to_string(f.subject_kind),
                             f.subject_id, f.rule, to_string(f.severity),
                             amount_at_stake(f, convention), f.message});
    }
    return out;
}

}  // namespace activ
