// The CSV report (`activ check --format csv`): one row per finding, for a spreadsheet
// that follows many conventions. Column names are fixed English keys, as in the JSON
// report, whatever the language of the messages.
#include <string>

#include "engine/csv.hpp"
#include "engine/report.hpp"

namespace activ {

std::string csv_report_header() {
    std::string out;
    append_csv_row(out, {"convention", "cpas", "subject_kind", "subject_id", "rule", "severity",
                         "amount_at_stake", "message"});
    return out;
}

std::string render_csv(const Result& result) {
    std::string out;
    for (const auto& f : result.findings) {
        append_csv_row(
            out, {result.convention_id, result.cpas_name, to_string(f.subject_kind), f.subject_id,
                  f.rule, to_string(f.severity),
                  f.amount_at_stake ? format_money(*f.amount_at_stake) : std::string(), f.message});
    }
    return out;
}

}  // namespace activ
