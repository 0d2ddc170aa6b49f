// Runs the grammar over one rule file and returns its AST or the first syntax error.
#include "dsl-grammar/parse_rules.hpp"

#include <algorithm>
#include <cctype>

#include "dsl-grammar/config.hpp"
#include "dsl-grammar/rules.hpp"

namespace activ {

namespace {

/// The first place where parentheses, braces or prefix operators nest too deep. The
/// grammar recurses once per level, so nesting is bounded before parsing rather than by
/// the stack.
std::optional<std::pair<size_t, std::string>> too_deep(std::string_view text) {
    int depth = 0;
    int prefix_run = 0;  // consecutive `not` and `-` before a value
    for (size_t i = 0; i < text.size(); ++i) {
        char const c = text[i];
        if (c == '\n') continue;
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

/// The first place where a rule file goes beyond what the parser may safely take, or
/// nullopt.
std::optional<std::pair<size_t, std::string>> beyond_limits(std::string_view text) {
    if (text.size() > rule_limits::max_file_bytes) {
        return std::pair{size_t{0}, "the rule file is larger than " +
                                        std::to_string(rule_limits::max_file_bytes) + " bytes"};
    }
    // Bytes that are not text would end up in messages, and a JSON report cannot hold them.
    if (size_t const bad = first_non_text_byte(text); bad != std::string_view::npos) {
        return std::pair{bad, non_text_message(text, bad)};
    }
    // Lines are counted by their LF: with CR alone every position would be on line 1.
    for (size_t cr = text.find('\r'); cr != std::string_view::npos; cr = text.find('\r', cr + 1)) {
        if (cr + 1 == text.size() || text[cr + 1] != '\n') {
            return std::pair{cr, std::string("a carriage return (CR) without a line feed: save the "
                                             "file with LF or CRLF line ends")};
        }
    }
    // On its own pass, as the scan below steps over strings and comments whole; the
    // problem reported is the first in the text, whichever pass finds it.
    std::optional<std::pair<size_t, std::string>> long_line;
    for (size_t line_start = 0; line_start < text.size() && !long_line;) {
        size_t end = text.find('\n', line_start);
        if (end == std::string_view::npos) end = text.size();
        if (end - line_start > rule_limits::max_line_bytes) {
            long_line = std::pair{
                line_start + rule_limits::max_line_bytes,
                "line longer than " + std::to_string(rule_limits::max_line_bytes) + " bytes"};
        }
        line_start = end + 1;
    }
    auto nesting = too_deep(text);
    if (nesting && (!long_line || nesting->first < long_line->first)) return nesting;
    return long_line;
}

}  // namespace

ParseResult parse_rules(std::string_view text, const std::string& file) {
    namespace x3 = boost::spirit::x3;
    if (auto problem = beyond_limits(text)) {
        Diagnostic d;
        d.file = file;
        line_column_of(text, problem->first, d.line, d.column);
        d.source_line = line_of(text, d.line);
        // No caret under a huge line, nor a line that would print bytes that are not text.
        if (d.source_line.size() > 200 || first_non_text_byte(d.source_line) != std::string::npos) {
            d.source_line.clear();
        }
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
    // The offsets stay those of the whole text, byte order mark included, so that callers
    // that hold the text find positions where the parser saw them.
    grammar::iterator_type first = text.data() + (text.starts_with(utf8_bom) ? utf8_bom.size() : 0);
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
