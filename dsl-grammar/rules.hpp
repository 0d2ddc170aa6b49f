// Declarations of the grammar's entry rule; the definitions live in rules_def.hpp.
#pragma once
#include <boost/spirit/home/x3.hpp>

#include "dsl-grammar/ast.hpp"

namespace activ::grammar {

namespace x3 = boost::spirit::x3;

struct rule_file_class;
using rule_file_type = x3::rule<rule_file_class, ast::rule_file>;
BOOST_SPIRIT_DECLARE(rule_file_type)

rule_file_type const& rule_file();

}  // namespace activ::grammar
