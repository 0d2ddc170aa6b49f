// The one iterator type and the one context type the grammar is instantiated with.
// rules.cpp (instantiation) and parse_rules.cpp (call site) must agree exactly.
#pragma once
#include <boost/spirit/home/x3.hpp>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "dsl-grammar/diagnostic.hpp"

namespace activ::grammar {

namespace x3 = boost::spirit::x3;

using iterator_type = const char*;

/// What the annotation and error handlers need while parsing one file.
struct parse_state {
    iterator_type begin = nullptr;
    std::string_view text;
    std::string file;
    std::vector<Diagnostic> diagnostics;
};
struct parse_state_tag;

/// Blanks and `# comments` between tokens.
inline auto const skipper = x3::ascii::space | x3::lexeme['#' >> *(x3::char_ - x3::eol)];
using skipper_type = std::remove_cv_t<decltype(skipper)>;

using phrase_context_type = x3::phrase_parse_context<skipper_type>::type;
using context_type =
    x3::context<parse_state_tag, std::reference_wrapper<parse_state>, phrase_context_type>;

}  // namespace activ::grammar
