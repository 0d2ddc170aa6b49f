// Runs the grammar over one rule file and returns its AST or the first syntax error.
#include "dsl-grammar/parse_rules.hpp"

#include "dsl-grammar/config.hpp"
#include "dsl-grammar/rules.hpp"

namespace activ {

ParseResult parse_rules(std::string_view text, const std::string& file) {
    namespace x3 = boost::spirit::x3;
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
