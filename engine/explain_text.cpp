// The explanation of one subject for people: a heading, the decision with the branches
// tried, every check with its condition as an indented tree of values, the parameters
// read. Plain text, two spaces per level, so that it can be mailed or diffed as it is.
#include <algorithm>
#include <string>

#include "engine/explain.hpp"

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

std::string capitalized(std::string word) {
    if (!word.empty() && word[0] >= 'a' && word[0] <= 'z') word[0] = static_cast<char>(word[0] - 'a' + 'A');
    return word;
}

std::string located(const std::string& file, int line) {
    std::string out = file;
    if (line > 0) {
        out += ':';
        out += std::to_string(line);
    }
    return out;
}

/// "expense.date < convention.period.start: false", with why a value is missing and how
/// many items an aggregate kept.
std::string node_line(const ExplainedNode& n) {
    std::string out = n.text;
    out += ": ";
    if (!n.evaluated) {
        out += "not evaluated";
        return out;
    }
    out += n.value;
    if (!n.missing_path.empty() && n.missing_path != n.text) {
        out.pop_back();  // "(missing" + ": path)"
        out += ": ";
        out += n.missing_path;
        out += ')';
    }
    if (n.matched >= 0) {
        out += " (";
        out += std::to_string(n.matched);
        out += " of ";
        out += std::to_string(n.items);
        out += " matched)";
    } else if (n.items >= 0) {
        out += " (";
        out += std::to_string(n.items);
        out += n.items == 1 ? " item)" : " items)";
    }
    return out;
}

void write_tree(TextWriter& w, int depth, const ExplainedNode& n) {
    w.line(depth, node_line(n));
    for (const auto& child : n.children) write_tree(w, depth + 1, child);
}

void write_source(TextWriter& w, int depth, const RuleSourceRef& source) {
    if (!source.file.empty()) w.line(depth, located(source.file, source.line));
    if (!source.cite.empty()) w.line(depth, "cite: " + source.cite);
}

std::string words_of(const std::string& result) {
    std::string out = result;
    for (char& c : out) {
        if (c == '_') c = ' ';
    }
    return out;
}

void write_decision(TextWriter& w, const ExplainedDecision& d) {
    w.line(0, capitalized(d.field) + ": " + d.decision.outcome + ", by " + d.decision.rule);
    if (!d.decision.reason.empty()) w.line(1, "because: " + d.decision.reason);
    if (!d.decision.cite.empty()) w.line(1, "cite: " + d.decision.cite);
    for (const auto& b : d.branches) {
        w.line(1, "branch " + b.id + " (" + b.outcome + "): " + words_of(b.result));
        write_source(w, 2, b.source);
        w.line(2, "condition:");
        write_tree(w, 3, b.condition);
        for (const auto& x : b.exceptions) {
            std::string heading = "unless";
            if (x.then_outcome) heading += ", then " + *x.then_outcome;
            w.line(2, heading + ": " + words_of(x.result));
            write_tree(w, 3, x.condition);
        }
    }
    if (d.by_otherwise) {
        w.line(1, "otherwise (" + d.decision.outcome + "): decided, no branch above did");
        write_source(w, 2, d.otherwise_source);
    }
}

void write_check(TextWriter& w, const ExplainedCheck& c) {
    std::string heading = c.id;
    heading += " [";
    heading += to_string(c.severity);
    heading += ']';
    if (c.step) {
        heading += " on step ";
        heading += std::to_string(*c.step);
        heading += " (" + c.step_kind + ")";
    }
    heading += ": ";
    heading += c.result == "undecided" ? "cannot be decided" : words_of(c.result);
    w.line(1, heading);
    write_source(w, 2, c.source);
    if (c.finding) {
        w.line(2, std::string(to_string(c.finding->severity)) + ": " + c.finding->message);
    }
    w.line(2, "condition:");
    write_tree(w, 3, c.condition);
}

}  // namespace

std::string render_explanation_text(const SubjectExplanation& e) {
    TextWriter w;
    std::string const kind = to_string(e.kind);
    std::string heading = capitalized(kind) + " " + e.id;
    if (e.kind != SubjectKind::convention) heading += " of convention " + e.convention_id;
    heading += " (year ";
    heading += std::to_string(e.year);
    heading += "), ";
    heading += located(e.file, e.line);
    w.line(0, heading);
    w.line(0, "Ruleset: " + e.ruleset.name + " version " + e.ruleset.version + ", " +
                  e.ruleset.file);
    w.line(0, "Status: " + e.status);

    if (e.decision) {
        w.blank();
        write_decision(w, *e.decision);
    }

    w.blank();
    std::string checks = "Checks run on this " + kind + ": ";
    checks += std::to_string(e.checks.size());
    w.line(0, checks);
    for (const auto& c : e.checks) write_check(w, c);

    if (!e.other_findings.empty()) {
        w.blank();
        w.line(0, "Other findings on this " + kind);
        for (const auto& f : e.other_findings) {
            w.line(1, std::string(to_string(f.severity)) + " " + f.rule + ": " + f.message);
            if (!f.cite.empty()) w.line(2, "cite: " + f.cite);
        }
    }

    w.blank();
    if (e.parameters.empty()) {
        w.line(0, "Parameters: none");
    } else {
        bool const dated = std::any_of(e.parameters.begin(), e.parameters.end(),
                                       [](const auto& p) { return !p.dated.empty(); });
        w.line(0, dated ? "Parameters (dated values as in force on " + e.reference_day +
                              ", the first day of the convention's period)"
                        : std::string("Parameters"));
        for (const auto& p : e.parameters) {
            w.line(1, p.name + " = " + p.value);
            for (const auto& d : p.dated) {
                w.line(2, "from " + d.from + ": " + d.value + (d.in_force ? " (in force)" : ""));
            }
        }
    }
    return w.text;
}

}  // namespace activ
