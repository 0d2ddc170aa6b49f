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

/// `30 days`: a span of calendar days added to or taken from a date.
struct duration_literal : located {
    std::string amount;
    std::string unit;  // day | days
};

struct unary;
struct aggregate;
struct call;
struct expression;

struct operand
    : x3::variant<nil, date_literal, number_literal, string_literal, bool_literal, set_literal,
                  duration_literal, path, x3::forward_ast<unary>, x3::forward_ast<aggregate>,
                  x3::forward_ast<call>, x3::forward_ast<expression>> {
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

/// `not x`, `-x`, `year of x`.
struct unary : located {
    std::string op;
    operand right;
};

/// `count(actions where kind = collective)`, `sum(charge of expenses where credit)`:
/// count, any and all take no value; sum, min and max need one; `where` is optional.
struct aggregate : located {
    std::string function;
    boost::optional<expression> value;
    path collection;
    boost::optional<expression> filter;
};

/// `next_working_day(evaluation_deadline, holidays)`: a built-in function.
struct call : located {
    std::string function;
    std::vector<expression> arguments;
};

/// `source wg2015 "Groupe de travail Activation sociale" dated 2015-12-08 secondary`:
/// a legal text the rules implement; citations name it by its id.
struct source : located {
    boost::optional<std::string> id;
    std::string title;
    boost::optional<date_literal> dated;
    bool secondary = false;
};

struct header : located {
    std::string name;
    std::string version;
    boost::optional<std::string> extends;  // the base rule file, relative to this one
    boost::optional<std::string> title;
    std::vector<source> sources;
    date_literal applies_from;
    date_literal applies_to;
};

/// `cite wg2015 "point 3.C"` (a declared source and the point) or `cite "free text"`.
struct citation : located {
    boost::optional<std::string> source;
    std::string text;
};

/// `from 2016-01-01: 1200.00`: a value in force from a day on.
struct dated_value : located {
    date_literal from;
    expression value;
};

/// `param name = value`, or `param name` followed by dated values; `override` replaces
/// the parameter of the extended ruleset.
struct parameter : located {
    bool overrides = false;
    std::string name;
    boost::optional<expression> value;
    std::vector<dated_value> dated;
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

/// `[override] rule id  outcome when cond  unless ...  because "..."  cite ...`.
struct branch : located {
    bool overrides = false;
    std::string id;
    std::string outcome;
    expression condition;
    std::vector<exception_clause> exceptions;
    boost::optional<std::string> because;
    boost::optional<citation> cite;
};

struct otherwise_clause : located {
    std::string outcome;
    boost::optional<std::string> because;
};

/// `classify action  branch...  otherwise unclassified`. An extending ruleset may leave
/// `otherwise` out to keep its base's.
struct classification : located {
    std::string subject;
    std::vector<branch> branches;
    boost::optional<otherwise_clause> otherwise;
};

/// `fr "..."`: a message template in one language.
struct message : located {
    std::string language;
    std::string text;
};

/// `[override] check id on subject  severity when cond  message fr "..."  cite ...`.
struct check : located {
    bool overrides = false;
    std::string id;
    std::string subject;
    std::string severity;
    expression condition;
    std::vector<message> messages;
    boost::optional<citation> cite;
};

/// `retire id because "..."`: drops a rule or branch of the extended ruleset.
struct retirement : located {
    std::string id;
    boost::optional<std::string> because;
};

/// `define net on expense = amount - other_funding`: a named value of each subject,
/// usable afterwards like a field.
struct definition : located {
    std::string name;
    std::string subject;
    expression value;
};

/// `indicator participants "..." unit "persons" = count(...)`: a figure per convention.
struct indicator : located {
    std::string name;
    std::string label;
    boost::optional<std::string> unit;
    expression value;
};

struct item
    : x3::variant<parameter, classification, check, retirement, definition, indicator> {
    using base_type::base_type;
    using base_type::operator=;
};

struct rule_file : located {
    header head;
    std::vector<item> items;
};

using RuleFile = rule_file;

}  // namespace activ::ast
