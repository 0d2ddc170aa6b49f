// `activ explain` from a file name: the convention is loaded and its rules chosen and
// compiled exactly as `activ check` does, so that the explanation is of the same verdict.
#include "engine/convention_source.hpp"
#include "engine/explain.hpp"

namespace activ {

ExplainOutcome explain_file(const ExplainRequest& request) {
    ExplainOutcome out;
    // A file, or one line of a batch named as reports name it (national.jsonl:17).
    std::string error;
    std::vector<ConventionSource> const sources = convention_sources({request.file}, "", error);
    if (error.empty() && sources.size() != 1) {
        error = request.file + ": holds " + std::to_string(sources.size()) +
                " conventions; name one line of a batch as FILE.jsonl:LINE";
    }
    if (!error.empty()) {
        out.diagnostics = "error: " + error + "\n";
        return out;
    }
    LoadedConvention loaded = load_convention_source(sources.front(), request.limits);
    out.diagnostics = render_all(loaded.diagnostics);
    if (has_error(loaded.diagnostics) || !loaded.convention) return out;
    const Convention& convention = *loaded.convention;

    std::string rules = request.rules;
    if (rules.empty()) {
        RulesetChoice choice = choose_ruleset(request.rules_dir, convention.year);
        if (choice.path.empty()) {
            // "No ruleset for 2016" is about this convention: name it, not the folder.
            for (auto& d : choice.diagnostics) {
                if (d.file == request.rules_dir && d.line == 0) d.file = request.file;
            }
            out.diagnostics += render_all(choice.diagnostics);
            return out;
        }
        rules = choice.path;
    }
    CompiledRuleset compiled = compile_ruleset_file(rules);
    out.diagnostics += render_all(compiled.diagnostics);
    if (!compiled.program) return out;

    UnknownSubject unknown;
    out.explanation = explain_subject(*compiled.program, compiled.info, convention,
                                      request.subject_id, EvaluationOptions{request.language},
                                      unknown);
    if (!out.explanation) out.unknown_subject = unknown.message;
    return out;
}

}  // namespace activ
