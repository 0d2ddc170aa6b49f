// Runs the grammar over one rule file and returns its AST or the first syntax error.
#include "dsl-grammar/parse_rules.hpp"

#include <algorithm>
#include <cctype>

#include "dsl-grammar/config.hpp"
#include "dsl-grammar/rules.hpp"

namespace activ {

namespace {

/// The first place where a rule file goes beyond what the parser may safely take, or
/// nullopt. The grammar recurses once per nested parenthesis, brace or prefix operator,
/// so nesting is bounded before parsing rather than by the stack.
std::optional<std::pair<size_t, std::string>> beyond_limits(std::string_view text) {
    if (text.size() > rule_limits::max_file_bytes) {
        return std::pair{size_t{0}, "the rule file is larger than " +
                                        std::to_string(rule_limits::max_file_bytes) + " bytes"};
    }
    int depth = 0;
    int prefix_run = 0;  // consecutive `not` and `-` before a value
    size_t line_start = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        char const c = text[i];
        if (c == '\n') {
            line_start = i + 1;
            continue;
        }
        if (i - line_start > rule_limits::max_line_bytes) {
            return std::pair{i, "line longer than " + std::to_string(rule_limits::max_line_bytes) +
                                    " bytes"};
        }
        if (c == '#') {
            while (i + 1 < text.size() && text[i + 1] != '\n') ++i;
        } else if (c == '"') {
            while (i + 1 < text.size() && text[i + 1] != '"' && text[i + 1] != '\n') {
                i += text[i + 1] == '\\' ? 2 : 1;
            }
            ++i;
        } else if (c == '(' || c == '{') {
            if (++depth > rule_limits::max_nesting) {
                return std::pair{i, "nested more than " + std::to_string(rule_limits::max_nesting) +
                                        " levels deep"};
            }
        } else if (c == ')' || c == '}') {
            depth = std::max(0, depth - 1);
        } else if (c == '-' || (text.substr(i, 4) == "not " && (i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1]))))) {
            if (++prefix_run > rule_limits::max_nesting) {
                return std::pair{i, "more than " + std::to_string(rule_limits::max_nesting) +
                                        " 'not' or '-' in a row"};
            }
            if (c == 'n') i += 2;
        } else if (!std::isspace(static_cast<unsigned char>(c))) {
            prefix_run = 0;
        }
    }
    return std::nullopt;
}

}  // namespace

ParseResult parse_rules(std::string_view text, const std::string& file) {
    namespace x3 = boost::spirit::x3;
    if (auto problem = beyond_limits(text)) {
        Diagnostic d;
        d.file = file;
        line_column_of(text, problem->first, d.line, d.column);
        d.source_line = line_of(text, d.line);
        if (d.source_line.size() > 200) d.source_line.clear();  // no caret under a huge line
        d.message = problem->second;
        ParseResult out;
        out.diagnostics.push_back(std::move(d));
        return out;
    }
    grammar::parse_state state;
    state.begin = text.data();
    state.text = text;
    state.file = file;

    ast::rule_file result;
    grammar::iterator_type first = text.data();
    grammar::iterator_type const last = text.data() + text.size();
    auto const parser =
        x3::with<grammar::parse_state_tag>(std::ref(state))[grammar::rule_file()];
    bool const ok = x3::phrase_parse(first, last, parser, grammar::skipper, result);

    ParseResult out;
    out.diagnostics = std::move(state.diagnostics);
    if (ok && out.diagnostics.empty()) {
        out.file = std::move(result);
    } else if (out.diagnostics.empty()) {
        Diagnostic d;
        d.file = file;
        line_column_of(text, static_cast<std::size_t>(first - text.data()), d.line, d.column);
        d.source_line = line_of(text, d.line);
        d.message = "this text is not part of the rules language";
        out.diagnostics.push_back(std::move(d));
    }
    return out;
}

}  // namespace activ
