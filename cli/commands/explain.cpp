// `activ explain`: why one item of a convention came out as it did (engine/explain).
#include <fmt/core.h>

#include <memory>
#include <string>

#include "cli/commands/commands.hpp"
#include "engine/explain.hpp"

namespace activ::cli {

namespace {

struct ExplainOptions {
    ExplainRequest request;
    std::string format = "text";
};

int run_explain(ExplainOptions& options) {
    ExplainRequest& request = options.request;
    if (request.rules.empty() && request.rules_dir.empty()) request.rules_dir = default_rules_dir();
    ExplainOutcome const outcome = explain_file(request);
    fmt::print(stderr, "{}", outcome.diagnostics);
    if (!outcome.unknown_subject.empty()) {
        fmt::print(stderr, "{}: error: {}\n", request.file, outcome.unknown_subject);
    }
    if (!outcome.explanation) return status_unreadable;
    const SubjectExplanation& e = *outcome.explanation;
    // The JSON is a contract and stays in its codes; the text speaks the clerk's language.
    fmt::print("{}", options.format == "json" ? render_explanation_json(e)
                                                : render_explanation_text(e, request.language));
    return e.status == "error" ? status_findings : status_clean;
}

}  // namespace

std::function<int()> setup_explain(CLI::App& sub) {
    auto options = std::make_shared<ExplainOptions>();
    sub.add_option("FILE", options->request.file, "The convention file (YAML or JSON, format convention/1), or "
                   "FILE.jsonl:LINE for one line of a batch, as reports name it")
        ->type_name("")
        ->required();
    sub.add_option("SUBJECT_ID", options->request.subject_id,
                   "The id of an action, expense, beneficiary or objective, or the convention's "
                   "id; KIND:ID (e.g. expense:X5) when two kinds share an id")
        ->type_name("")
        ->required();
    sub.add_option("--format", options->format,
                   "text (an indented tree, for people) or json (one document, "
                   "\"schema\": \"activ.explain/1\")")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    auto* rules = sub.add_option("--rules", options->request.rules,
                                 "Use this rule file, whatever the convention's year")
                      ->type_name("FILE");
    sub.add_option("--rules-dir", options->request.rules_dir,
                   "Folder searched (recursively, *.rules) for the rule file whose period covers "
                   "the convention's year, as activ check does; default: $ACTIV_RULES_DIR, else "
                   "the shipped rules")
        ->type_name("DIR")
        ->excludes(rules);
    sub.add_option("--lang", options->request.language,
                   "Language of the explanation's own words (text format) and of the rules' "
                   "messages and reasons: fr, nl or en; default: $ACTIV_LANG, else each "
                   "rule's first language for its message and English for the rest")
        ->check(CLI::IsMember({"fr", "nl", "en"}))
        ->envname("ACTIV_LANG")
        ->type_name("LANG");
    sub.footer(
        "Prints, for one subject, every check that runs on it: whether it fired (severity,\n"
        "message), where the rule is written (file:line), what it cites, and its condition as\n"
        "a tree of the values each part took (fields, defines, aggregates with how many items\n"
        "matched, parameters). For an action or a beneficiary, the classification branches\n"
        "tried in order and why each did not decide, up to the one that did. Then the\n"
        "parameters read, with the dated value in force on the first day of the period.\n"
        "\n"
        "Exit status: 0 when no error finding is on the subject, 1 when one is,\n"
        "2 when the convention or the rules cannot be read or no subject has that id.");
    return [options] { return run_explain(*options); };
}

}  // namespace activ::cli
