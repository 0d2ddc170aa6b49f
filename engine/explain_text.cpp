// The explanation of one subject for people: a heading, the decision with the branches
// tried, every check with its condition as an indented tree of values, the parameters
// read. Plain text, two spaces per level, so that it can be mailed or diffed as it is.
// Its own words come in French, Dutch or English from the table in engine/messages;
// what the rules write (ids, expressions, values, messages) is shown as it is.
#include <algorithm>
#include <string>
#include <string_view>
#include <utility>

#include "engine/explain.hpp"
#include "engine/messages.hpp"

namespace activ {

namespace {

class TextWriter {
public:
    std::string text;

    void line(int depth, const std::string& content) {
        text.append(static_cast<size_t>(depth) * 2, ' ');
        text += content;
        text += '\n';
    }
    void blank() { text += '\n'; }
};

std::string located(const std::string& file, int line) {
    std::string out = file;
    if (line > 0) {
        out += ':';
        out += std::to_string(line);
    }
    return out;
}

/// A code as the JSON contract spells it (not_eligible, error) in the table's words; a
/// code the table does not know, such as a ruleset's own outcome, as it is.
template <size_t N>
std::string word_for(const std::pair<const char*, const char*> (&table)[N],
                     const std::string& code) {
    for (const auto& [known, word] : table) {
        if (code == known) return word;
    }
    return code;
}

/// A result (not_taken) in the table's words; one it does not know with spaces for
/// underscores, as the explanation has always written results.
template <size_t N>
std::string result_word(const std::pair<const char*, const char*> (&table)[N],
                        const std::string& result) {
    std::string out = word_for(table, result);
    for (char& c : out) {
        if (c == '_') c = ' ';
    }
    return out;
}

const ExplainWords::Kind* kind_words(const ExplainWords& w, SubjectKind kind) {
    std::string const code = to_string(kind);
    for (const auto& k : w.kinds) {
        if (code == k.code) return &k;
    }
    return nullptr;
}

/// "expense.date < convention.period.start: false", with why a value is missing and how
/// many items an aggregate kept. The colon stays ": " whatever the language: the line is
/// the rules' expression and its value, not a sentence.
std::string node_line(const ExplainWords& w, const ExplainedNode& n) {
    std::string out = n.text;
    out += ": ";
    if (!n.evaluated) {
        out += w.not_evaluated;
        return out;
    }
    out += n.value;
    if (!n.missing_path.empty() && n.missing_path != n.text) {
        out.pop_back();  // "(missing" + ": path)"
        out += ": ";
        out += n.missing_path;
        out += ')';
    }
    auto const singular = [&w](int64_t count) {
        return count == 1 || (count == 0 && w.zero_is_singular);
    };
    if (n.matched >= 0) {
        out += " (";
        out += std::to_string(n.matched);
        out += w.of;
        out += std::to_string(n.items);
        out += singular(n.matched) ? w.matched_singular : w.matched_plural;
        out += ')';
    } else if (n.items >= 0) {
        out += " (";
        out += std::to_string(n.items);
        out += ' ';
        out += singular(n.items) ? w.item : w.items;
        out += ')';
    }
    return out;
}

void write_tree(TextWriter& out, const ExplainWords& w, int depth, const ExplainedNode& n) {
    out.line(depth, node_line(w, n));
    for (const auto& child : n.children) write_tree(out, w, depth + 1, child);
}

/// "condition:" or, in French, "condition :": a heading with what it heads below it.
std::string heading(const ExplainWords& w, const char* word) {
    std::string out = word;
    out += w.colon;
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

/// "because: text", "cite: text" with the language's colon.
std::string labelled(const ExplainWords& w, std::string_view label, std::string_view text) {
    std::string out(label);
    out += w.colon;
    out += text;
    return out;
}

void write_source(TextWriter& out, const ExplainWords& w, int depth, const RuleSourceRef& source) {
    if (!source.file.empty()) out.line(depth, located(source.file, source.line));
    std::string const cite = localized_cite(w.secondary_source, source.citation, source.cite);
    if (!cite.empty()) out.line(depth, labelled(w, w.cite, cite));
}

std::string severity_word(const ExplainWords& w, Severity severity) {
    return word_for(w.severities, to_string(severity));
}

void write_decision(TextWriter& out, const ExplainWords& w, const ExplainedDecision& d) {
    std::string decided =
        labelled(w, word_for(w.decision_fields, d.field), word_for(w.outcomes, d.decision.outcome));
    decided += w.by;
    decided += d.decision.rule;
    out.line(0, decided);
    if (!d.decision.reason.empty()) out.line(1, labelled(w, w.because, d.decision.reason));
    std::string const cite =
        localized_cite(w.secondary_source, d.decision.citation, d.decision.cite);
    if (!cite.empty()) out.line(1, labelled(w, w.cite, cite));
    for (const auto& b : d.branches) {
        std::string branch = w.branch;
        branch += ' ';
        branch += b.id;
        branch += " (";
        branch += word_for(w.outcomes, b.outcome);
        branch += ')';
        out.line(1, labelled(w, branch, result_word(w.branch_results, b.result)));
        write_source(out, w, 2, b.source);
        out.line(2, heading(w, w.condition));
        write_tree(out, w, 3, b.condition);
        for (const auto& x : b.exceptions) {
            std::string unless = w.unless;
            if (x.then_outcome) {
                unless += w.then;
                unless += word_for(w.outcomes, *x.then_outcome);
            }
            out.line(2, labelled(w, unless, result_word(w.exception_results, x.result)));
            write_tree(out, w, 3, x.condition);
        }
    }
    if (d.by_otherwise) {
        std::string otherwise = w.otherwise;
        otherwise += " (";
        otherwise += word_for(w.outcomes, d.decision.outcome);
        otherwise += ')';
        out.line(1, labelled(w, otherwise, w.otherwise_decided));
        write_source(out, w, 2, d.otherwise_source);
    }
}

void write_check(TextWriter& out, const ExplainWords& w, const ExplainedCheck& c) {
    std::string check = c.id;
    check += " [";
    check += severity_word(w, c.severity);
    check += ']';
    if (c.step) {
        check += w.on_step;
        check += std::to_string(*c.step);
        check += " (" + c.step_kind + ")";
    }
    out.line(1, labelled(w, check, result_word(w.check_results, c.result)));
    write_source(out, w, 2, c.source);
    if (c.finding) {
        out.line(2, labelled(w, severity_word(w, c.finding->severity), c.finding->message));
    }
    out.line(2, heading(w, w.condition));
    write_tree(out, w, 3, c.condition);
}

}  // namespace

std::string render_explanation_text(const SubjectExplanation& e, const std::string& language) {
    const ExplainWords& w = explain_words(language);
    TextWriter out;
    std::string const kind = to_string(e.kind);
    const ExplainWords::Kind* words_of_kind = kind_words(w, e.kind);
    std::string const this_one =
        words_of_kind ? words_of_kind->this_one : std::string("this ") + kind;

    std::string title = words_of_kind ? words_of_kind->heading : kind;
    title += ' ';
    title += e.id;
    if (e.kind != SubjectKind::convention) {
        title += w.of_convention;
        title += e.convention_id;
    }
    title += " (";
    title += w.year;
    title += ' ';
    title += std::to_string(e.year);
    title += "), ";
    title += located(e.file, e.line);
    out.line(0, title);
    std::string ruleset = e.ruleset.name;
    ruleset += ' ';
    ruleset += w.version;
    ruleset += ' ';
    ruleset += e.ruleset.version;
    ruleset += ", ";
    ruleset += e.ruleset.file;
    out.line(0, labelled(w, w.ruleset, ruleset));
    out.line(0, labelled(w, w.status, word_for(w.statuses, e.status)));

    if (e.decision) {
        out.blank();
        write_decision(out, w, *e.decision);
    }

    out.blank();
    std::string checks = w.checks_run_on;
    checks += this_one;
    out.line(0, labelled(w, checks, std::to_string(e.checks.size())));
    for (const auto& c : e.checks) write_check(out, w, c);

    if (!e.other_findings.empty()) {
        out.blank();
        out.line(0, w.other_findings_on + this_one);
        for (const auto& f : e.other_findings) {
            std::string finding = severity_word(w, f.severity);
            finding += ' ';
            finding += f.rule;
            out.line(1, labelled(w, finding, f.message));
            std::string const cite = localized_cite(w.secondary_source, f.citation, f.cite);
            if (!cite.empty()) out.line(2, labelled(w, w.cite, cite));
        }
    }

    out.blank();
    if (e.parameters.empty()) {
        out.line(0, labelled(w, w.parameters, w.no_parameters));
    } else {
        bool const dated = std::any_of(e.parameters.begin(), e.parameters.end(),
                                       [](const auto& p) { return !p.dated.empty(); });
        std::string parameters = w.parameters;
        if (dated) {
            parameters = w.dated_parameters_before;
            parameters += e.reference_day;
            parameters += w.dated_parameters_after;
        }
        out.line(0, parameters);
        for (const auto& p : e.parameters) {
            out.line(1, p.name + " = " + p.value);
            for (const auto& d : p.dated) {
                std::string from = w.from;
                from += d.from;
                std::string value = d.value;
                if (d.in_force) value += w.in_force;
                out.line(2, labelled(w, from, value));
            }
        }
    }
    return out.text;
}

}  // namespace activ
