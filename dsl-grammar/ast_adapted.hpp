// Fusion adaptations of the AST, so that X3 can fill the structs member by member.
// Only the grammar includes this file.
#pragma once
#include <boost/fusion/include/adapt_struct.hpp>

#include "dsl-grammar/ast.hpp"

BOOST_FUSION_ADAPT_STRUCT(activ::ast::date_literal, year, month, day)
BOOST_FUSION_ADAPT_STRUCT(activ::ast::number_literal, offset, text)
BOOST_FUSION_ADAPT_STRUCT(activ::ast::string_literal, offset, value)
BOOST_FUSION_ADAPT_STRUCT(activ::ast::bool_literal, offset, value)
BOOST_FUSION_ADAPT_STRUCT(activ::ast::path, offset, names)
BOOST_FUSION_ADAPT_STRUCT(activ::ast::set_literal, offset, items)
BOOST_FUSION_ADAPT_STRUCT(activ::ast::operation, op, right)
BOOST_FUSION_ADAPT_STRUCT(activ::ast::expression, first, rest)
BOOST_FUSION_ADAPT_STRUCT(activ::ast::unary, op, right)
BOOST_FUSION_ADAPT_STRUCT(activ::ast::duration_literal, offset, amount, unit)
BOOST_FUSION_ADAPT_STRUCT(activ::ast::aggregate, function, value, collection, filter)
BOOST_FUSION_ADAPT_STRUCT(activ::ast::call, function, arguments)
BOOST_FUSION_ADAPT_STRUCT(activ::ast::source, id, title, dated, secondary)
BOOST_FUSION_ADAPT_STRUCT(activ::ast::header, name, version, extends, title, sources,
                          applies_from, applies_to)
BOOST_FUSION_ADAPT_STRUCT(activ::ast::citation, source, text)
BOOST_FUSION_ADAPT_STRUCT(activ::ast::dated_value, from, value)
BOOST_FUSION_ADAPT_STRUCT(activ::ast::parameter, overrides, name, value, dated)
BOOST_FUSION_ADAPT_STRUCT(activ::ast::then_clause, outcome, because)
BOOST_FUSION_ADAPT_STRUCT(activ::ast::exception_clause, condition, then)
BOOST_FUSION_ADAPT_STRUCT(activ::ast::branch, overrides, id, outcome, condition, exceptions,
                          because, cite)
BOOST_FUSION_ADAPT_STRUCT(activ::ast::otherwise_clause, outcome, because)
BOOST_FUSION_ADAPT_STRUCT(activ::ast::classification, subject, branches, otherwise)
BOOST_FUSION_ADAPT_STRUCT(activ::ast::message, language, text)
BOOST_FUSION_ADAPT_STRUCT(activ::ast::check, overrides, id, subject, severity, condition,
                          messages, cite)
BOOST_FUSION_ADAPT_STRUCT(activ::ast::retirement, id, because)
BOOST_FUSION_ADAPT_STRUCT(activ::ast::definition, name, subject, value)
BOOST_FUSION_ADAPT_STRUCT(activ::ast::indicator, name, label, unit, value)
BOOST_FUSION_ADAPT_STRUCT(activ::ast::rule_file, head, items)
