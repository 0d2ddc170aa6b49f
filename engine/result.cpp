// Names of the result's enumerations as reports and the JSON contract spell them,
// a citation as one line, and the one question the CLI asks of a result: does it
// hold an error finding?
#include "engine/result.hpp"

#include <algorithm>

namespace activ {

const char* to_string(Severity severity) {
    switch (severity) {
        case Severity::error:
            return "error";
        case Severity::warning:
            return "warning";
        case Severity::info:
            return "info";
    }
    return "error";  // unreachable for valid enumerators; keeps -Wreturn-type quiet
}

const char* to_string(SubjectKind kind) {
    switch (kind) {
        case SubjectKind::convention:
            return "convention";
        case SubjectKind::action:
            return "action";
        case SubjectKind::expense:
            return "expense";
        case SubjectKind::beneficiary:
            return "beneficiary";
        case SubjectKind::objective:
            return "objective";
    }
    return "convention";
}

std::string format_citation(const Citation& citation) {
    std::string out = citation.source;
    if (!citation.dated.empty()) {
        if (!out.empty()) out += ' ';
        out += '(';
        out += citation.dated;
        out += ')';
    }
    if (!citation.point.empty()) {
        if (!out.empty()) out += ", ";
        out += citation.point;
    }
    // Said at the end so that a reader sees the source first, then how far to trust it.
    if (citation.secondary) {
        if (!out.empty()) out += ' ';
        out += "[secondary source]";
    }
    return out;
}

const char* result_status(const Result& result) {
    bool warning = false;
    for (const auto& f : result.findings) {
        if (f.severity == Severity::error) return "error";
        warning = warning || f.severity == Severity::warning;
    }
    return warning ? "warning" : "clean";
}

bool has_errors(const Result& result) {
    return std::any_of(result.findings.begin(), result.findings.end(),
                       [](const Finding& f) { return f.severity == Severity::error; });
}

}  // namespace activ
