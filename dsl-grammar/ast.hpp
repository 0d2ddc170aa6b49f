// The rules language as plain data: what the grammar fills and the compiler reads.
// Every node an error can point at derives from `located`, which holds the byte offset
// of its first character in the rule file (turned into line:column only when needed).
#pragma once
#include <boost/optional.hpp>
#include <boost/spirit/home/x3/support/ast/variant.hpp>
#include <cstddef>
#include <string>
#include <vector>

namespace activ::ast {

namespace x3 = boost::spirit::x3;

struct located {
    std::size_t offset = 0;
};

struct nil {};

struct date_literal : located {
    int year = 0, month = 0, day = 0;
};

/// Digits with an optional fraction, kept as written so that no precision is lost.
struct number_literal : located {
    std::string text;
};

struct string_literal : located {
    std::string value;
};

struct bool_literal : located {
    bool value = false;
};

/// `a.b.c`: a field, a subject, a parameter or (beside a symbol field) a bare word.
struct path : located {
    std::vector<std::string> names;
};

/// `{language_course, "recherche d'emploi"}`: words and texts alike.
struct set_literal : located {
    std::vector<std::string> items;
};

struct unary;
struct aggregate;
struct expression;

struct operand
    : x3::variant<nil, date_literal, number_literal, string_literal, bool_literal, set_literal,
                  path, x3::forward_ast<unary>, x3::forward_ast<aggregate>,
                  x3::forward_ast<expression>> {
    using base_type::base_type;
    using base_type::operator=;
};

/// One step of a left-to-right chain: `or x`, `< x`, `in x`, `is missing`, `mentions any x`.
/// `is missing` and `is present` carry a nil operand.
struct operation : located {
    std::string op;
    operand right;
};

/// `first op1 x1 op2 x2 ...`, all operators of one precedence level.
struct expression : located {
    operand first;
    std::vector<operation> rest;
};

/// `not x`, `-x`.
struct unary : located {
    std::string op;
    operand right;
};

/// `count(actions where kind = collective)`; `where` is optional.
struct aggregate : located {
    std::string function;
    path collection;
    boost::optional<expression> filter;
};

struct header : located {
    std::string name;
    std::string version;
    boost::optional<std::string> title;
    std::vector<std::string> sources;
    date_literal applies_from;
    date_literal applies_to;
};

struct parameter : located {
    std::string name;
    expression value;
};

/// `then outcome [because "..."]`: what an exception decides instead.
struct then_clause : located {
    std::string outcome;
    boost::optional<std::string> because;
};

/// `unless cond [then outcome [because "..."]]`: an exception to a branch. Without
/// `then`, the branch simply does not decide and the next branch is tried.
struct exception_clause : located {
    expression condition;
    boost::optional<then_clause> then;
};

/// `rule id  outcome when cond  unless ...  because "..."  cite "..."`.
struct branch : located {
    std::string id;
    std::string outcome;
    expression condition;
    std::vector<exception_clause> exceptions;
    boost::optional<std::string> because;
    boost::optional<std::string> cite;
};

struct otherwise_clause : located {
    std::string outcome;
    boost::optional<std::string> because;
};

/// `classify action  branch...  otherwise unclassified`.
struct classification : located {
    std::string subject;
    std::vector<branch> branches;
    otherwise_clause otherwise;
};

/// `fr "..."`: a message template in one language.
struct message : located {
    std::string language;
    std::string text;
};

/// `check id on subject  severity when cond  message fr "..." en "..."  cite "..."`.
struct check : located {
    std::string id;
    std::string subject;
    std::string severity;
    expression condition;
    std::vector<message> messages;
    boost::optional<std::string> cite;
};

struct item : x3::variant<parameter, classification, check> {
    using base_type::base_type;
    using base_type::operator=;
};

struct rule_file : located {
    header head;
    std::vector<item> items;
};

using RuleFile = rule_file;

}  // namespace activ::ast
