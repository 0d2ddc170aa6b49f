// The grammar of rule files. Included only by rules.cpp, which instantiates it once.
#pragma once
#include <boost/spirit/home/x3.hpp>
#include <boost/spirit/home/x3/support/utility/annotate_on_success.hpp>
#include <string>

#include "dsl-grammar/ast.hpp"
#include "dsl-grammar/ast_adapted.hpp"
#include "dsl-grammar/config.hpp"
#include "dsl-grammar/rules.hpp"

namespace activ::grammar {

namespace ascii = x3::ascii;

///////////////////////////////////////////////////////////////////////////////
// Keywords: a word that must not run on into a name (`order` is not `or`).
///////////////////////////////////////////////////////////////////////////////
struct keyword_parser : x3::parser<keyword_parser> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    const char* word;
    constexpr explicit keyword_parser(const char* w) : word(w) {}

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& context, RContext&,
               Attribute&) const {
        x3::skip_over(first, last, context);
        Iterator it = first;
        for (const char* w = word; *w; ++w, ++it) {
            if (it == last || *it != *w) return false;
        }
        if (it != last && (std::isalnum(static_cast<unsigned char>(*it)) || *it == '_')) {
            return false;
        }
        first = it;
        return true;
    }
};

constexpr keyword_parser kw(const char* word) { return keyword_parser(word); }

/// The keyword, producing its own text as the attribute.
inline auto kw_text(const char* word, const char* text) {
    return kw(word) >> x3::attr(std::string(text));
}

}  // namespace activ::grammar

namespace boost::spirit::x3 {
template <>
struct get_info<activ::grammar::keyword_parser> {
    using result_type = std::string;
    std::string operator()(activ::grammar::keyword_parser const& p) const {
        return std::string("'") + p.word + "'";
    }
};
}  // namespace boost::spirit::x3

namespace activ::grammar {

///////////////////////////////////////////////////////////////////////////////
// Annotation and error handling
///////////////////////////////////////////////////////////////////////////////

/// Byte offset of the first token at or after `it` (blanks and comments skipped).
template <typename Iterator, typename Context>
std::size_t token_offset(Iterator it, Iterator const& last, Context const& context) {
    parse_state& state = x3::get<parse_state_tag>(context).get();
    while (it != last) {
        if (std::isspace(static_cast<unsigned char>(*it))) {
            ++it;
        } else if (*it == '#') {
            while (it != last && *it != '\n') ++it;
        } else {
            break;
        }
    }
    return static_cast<std::size_t>(it - state.begin);
}

/// Produces the offset of the next token without consuming it: the first member of the
/// AST leaves, so that they need no semantic action (which would hide them from on_success).
struct current_offset_parser : x3::parser<current_offset_parser> {
    using attribute_type = std::size_t;
    static bool const has_attribute = true;

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& context, RContext&,
               Attribute& attribute) const {
        x3::traits::move_to(token_offset(first, last, context), attribute);
        return true;
    }
};
constexpr current_offset_parser current_offset{};

/// Records where a node starts.
struct annotate_position {
    template <typename T, typename Iterator, typename Context>
    void on_success(Iterator const& first, Iterator const& last, T& node,
                    Context const& context) const {
        if constexpr (std::is_base_of_v<ast::located, T>) {
            node.offset = token_offset(first, last, context);
        }
    }
};

/// Turns the first expectation failure into a Diagnostic and stops the parse.
struct report_expectation_failure {
    template <typename Iterator, typename Exception, typename Context>
    x3::error_handler_result on_error(Iterator&, Iterator const& last, Exception const& x,
                                      Context const& context) const {
        parse_state& state = x3::get<parse_state_tag>(context).get();
        Iterator where = x.where();
        while (where != last && std::isspace(static_cast<unsigned char>(*where))) ++where;
        Diagnostic d;
        d.file = state.file;
        line_column_of(state.text, static_cast<std::size_t>(where - state.begin), d.line,
                       d.column);
        d.source_line = line_of(state.text, d.line);
        std::string found;
        if (where == last) {
            found = "the end of the file";
        } else {
            Iterator end = where;
            while (end != last && !std::isspace(static_cast<unsigned char>(*end)) &&
                   end - where < 24) {
                ++end;
            }
            found = "'" + std::string(where, end) + "'";
        }
        d.message = "expected " + x.which() + ", found " + found;
        state.diagnostics.push_back(std::move(d));
        return x3::error_handler_result::fail;
    }
};

///////////////////////////////////////////////////////////////////////////////
// Rule IDs
///////////////////////////////////////////////////////////////////////////////
// Every rule records where its node starts; only the outermost one reports errors.
struct name_class : annotate_position {};
struct rule_id_class : annotate_position {};
struct text_class : annotate_position {};
struct date_class : annotate_position {};
struct number_class : annotate_position {};
struct string_literal_class : annotate_position {};
struct version_class : annotate_position {};
struct bool_class : annotate_position {};
struct path_class : annotate_position {};
struct set_class : annotate_position {};
struct primary_class : annotate_position {};
struct negation_class : annotate_position {};
struct signed_class : annotate_position {};
struct sum_class : annotate_position {};
struct comparison_tail_class : annotate_position {};
struct comparison_class : annotate_position {};
struct not_class : annotate_position {};
struct conjunction_class : annotate_position {};
struct condition_class : annotate_position {};
struct aggregate_class : annotate_position {};
struct group_class : annotate_position {};
struct header_class : annotate_position {};
struct parameter_class : annotate_position {};
struct exception_class : annotate_position {};
struct branch_class : annotate_position {};
struct otherwise_class : annotate_position {};
struct classification_class : annotate_position {};
struct message_class : annotate_position {};
struct check_class : annotate_position {};
struct item_class : annotate_position {};
struct end_class : annotate_position {};
struct subject_class : annotate_position {};
struct severity_class : annotate_position {};
struct language_class : annotate_position {};
struct comparison_op_class : annotate_position {};
struct outcome_class : annotate_position {};
struct membership_op_class : annotate_position {};
struct presence_op_class : annotate_position {};
struct mention_op_class : annotate_position {};
struct right_operand_class : annotate_position {};
struct set_item_class : annotate_position {};
struct then_class : annotate_position {};
struct product_class : annotate_position {};
struct aggregate_value_class : annotate_position {};
struct product_tail_class : annotate_position {};
struct duration_class : annotate_position {};
struct call_class : annotate_position {};
struct year_of_class : annotate_position {};
struct source_class : annotate_position {};
struct citation_class : annotate_position {};
struct dated_value_class : annotate_position {};
struct overrides_class : annotate_position {};
struct retirement_class : annotate_position {};
struct definition_class : annotate_position {};
struct indicator_class : annotate_position {};
struct sum_tail_class : annotate_position {};
struct and_tail_class : annotate_position {};
struct or_tail_class : annotate_position {};
struct presence_word_class : annotate_position {};
struct mention_word_class : annotate_position {};
struct messages_class : annotate_position {};
struct rule_file_class : annotate_position, report_expectation_failure {};

///////////////////////////////////////////////////////////////////////////////
// Rules
///////////////////////////////////////////////////////////////////////////////
x3::rule<name_class, std::string> const name = "a name";
x3::rule<rule_id_class, std::string> const rule_id = "a rule id (like expense.in-period)";
x3::rule<text_class, std::string> const text = "a text in double quotes";
x3::rule<date_class, ast::date_literal> const date = "a date (YYYY-MM-DD)";
x3::rule<number_class, ast::number_literal> const number = "a number";
x3::rule<string_literal_class, ast::string_literal> const string_literal = "a text in double quotes";
x3::rule<version_class, std::string> const version = "a version (a number or a text)";
x3::rule<bool_class, ast::bool_literal> const boolean = "true or false";
x3::rule<path_class, ast::path> const path = "a field, a parameter or a word";
x3::rule<set_class, ast::set_literal> const set = "a set like {a, \"b c\"}";
x3::rule<aggregate_class, ast::aggregate> const aggregate =
    "count(...), sum(...), min(...), max(...), any(...) or all(...)";
x3::rule<group_class, ast::operand> const group = "a condition in parentheses";
x3::rule<primary_class, ast::operand> const primary = "a value";
x3::rule<signed_class, ast::unary> const negative = "a negative value";
x3::rule<negation_class, ast::unary> const negation = "a negated condition";
x3::rule<sum_class, ast::expression> const sum = "a value";
x3::rule<comparison_op_class, std::string> const comparison_op =
    "a comparison (=, !=, <, <=, >, >=)";
x3::rule<comparison_tail_class, ast::operation> const comparison_tail = "a comparison";
x3::rule<membership_op_class, std::string> const membership_op = "'in' or 'not in'";
x3::rule<presence_op_class, std::string> const presence_op = "'is missing' or 'is present'";
x3::rule<mention_op_class, std::string> const mention_op = "'mentions any' or 'mentions all'";
// An expectation names what it expected by its rule's name: an unnamed alternative or
// repetition would be named by its C++ type.
x3::rule<presence_word_class, std::string> const presence_word = "'missing' or 'present'";
x3::rule<mention_word_class, std::string> const mention_word = "'any' or 'all'";
x3::rule<right_operand_class, ast::operand> const right_operand = "a value";
x3::rule<sum_tail_class, ast::operation> const sum_tail = "+ or - and a value";
x3::rule<and_tail_class, ast::operation> const and_tail = "'and' and a condition";
x3::rule<or_tail_class, ast::operation> const or_tail = "'or' and a condition";
x3::rule<set_item_class, std::string> const set_item = "a word or a text in double quotes";
x3::rule<comparison_class, ast::expression> const comparison = "a condition";
x3::rule<not_class, ast::operand> const negated_or_comparison = "a condition";
x3::rule<conjunction_class, ast::expression> const conjunction = "a condition";
x3::rule<condition_class, ast::expression> const condition = "a condition";
x3::rule<header_class, ast::header> const header =
    "the ruleset header (ruleset \"name\" version ... applies ... .. ...)";
x3::rule<parameter_class, ast::parameter> const parameter = "a parameter";
x3::rule<then_class, ast::then_clause> const then = "'then' and an outcome";
x3::rule<product_class, ast::expression> const product = "a value";
x3::rule<aggregate_value_class, ast::expression> const aggregate_value = "a value and 'of'";
x3::rule<product_tail_class, ast::operation> const product_tail = "* or / and a value";
x3::rule<duration_class, ast::duration_literal> const duration = "a number of days";
x3::rule<call_class, ast::call> const call = "a function call";
x3::rule<year_of_class, ast::unary> const year_of = "'year of' a date";
x3::rule<source_class, ast::source> const source =
    "a source (source id \"title\" dated YYYY-MM-DD)";
x3::rule<citation_class, ast::citation> const citation =
    "a citation (a source id and a text, or a text)";
x3::rule<dated_value_class, ast::dated_value> const dated_value =
    "a dated value (from YYYY-MM-DD: value)";
x3::rule<overrides_class, bool> const overrides = "'override'";
x3::rule<retirement_class, ast::retirement> const retirement = "a retirement (retire rule-id)";
x3::rule<definition_class, ast::definition> const definition =
    "a definition (define name on subject = value)";
x3::rule<indicator_class, ast::indicator> const indicator =
    "an indicator (indicator name \"label\" unit \"unit\" = value)";
x3::rule<exception_class, ast::exception_clause> const exception = "an exception (unless ...)";
x3::rule<outcome_class, std::string> const outcome = "an outcome (like social or professional)";
x3::rule<branch_class, ast::branch> const branch = "a branch (rule id outcome when ...)";
x3::rule<otherwise_class, ast::otherwise_clause> const otherwise =
    "'otherwise' and the outcome when no branch decides";
x3::rule<classification_class, ast::classification> const classification = "a classification";
x3::rule<subject_class, std::string> const subject =
    "a subject (convention, action, expense, beneficiary, step or objective)";
x3::rule<severity_class, std::string> const severity = "a severity (error, warning or info)";
x3::rule<language_class, std::string> const language = "a language (fr, nl or en)";
x3::rule<message_class, ast::message> const message = "a message (fr \"...\", nl \"...\", en \"...\")";
x3::rule<messages_class, std::vector<ast::message>> const messages =
    "a message (fr \"...\", nl \"...\", en \"...\")";
x3::rule<check_class, ast::check> const check = "a check";
x3::rule<item_class, ast::item> const item = "a declaration";
x3::rule<end_class> const end_of_file =
    "a declaration (param, classify, check, retire, define or indicator) or the end of the "
    "file";
rule_file_type const rule_file_rule = "a rule file";

///////////////////////////////////////////////////////////////////////////////
// Grammar
///////////////////////////////////////////////////////////////////////////////
// clang-format off
// Words that end a condition or start a declaration. Header words (title, source...) are
// not reserved: `title` is also a field of an action.
inline x3::symbols<> const reserved_words = [] {
    x3::symbols<> words;
    for (const char* w : {"and", "or", "not", "in", "is", "missing", "present", "mentions",
                          "any", "all", "of", "where", "count", "when", "unless", "then",
                          "because", "cite", "message", "check", "on", "classify", "rule",
                          "otherwise", "param", "true", "false", "sum", "min", "max",
                          "override", "retire", "define", "indicator", "day", "days",
                          "from", "extends"}) {
        words.add(w);
    }
    return words;
}();

auto const word_end = !(ascii::alnum | '_');
auto const reserved = x3::lexeme[reserved_words >> word_end];

auto const name_def =
    x3::lexeme[!reserved >> (ascii::alpha | x3::char_('_')) >> *(ascii::alnum | x3::char_('_'))];

auto const rule_id_def = x3::lexeme[ascii::alpha >> *(ascii::alnum | x3::char_("_.-"))];

auto const escaped_char = x3::lit('\\') >> x3::char_("\"\\");
auto const text_def =
    x3::lexeme['"' > *(escaped_char | (x3::char_ - '"' - '\\' - x3::eol)) > '"'];

auto const two_digits = x3::uint_parser<int, 10, 2, 2>();
auto const date_def = x3::lexeme[x3::uint_parser<int, 10, 4, 4>() >> '-' >> two_digits >> '-'
                                 >> two_digits >> word_end];

// Leaves with a single member are filled by actions: X3's single-element sequences are fragile.
auto const number_def =
    current_offset >> x3::lexeme[x3::raw[+ascii::digit >> -('.' >> +ascii::digit)] >> word_end];

auto const string_literal_def = current_offset >> text;

auto const version_def = text | x3::lexeme[+(ascii::alnum | x3::char_("._-"))];

auto const boolean_def =
    current_offset >> (kw("true") >> x3::attr(true) | kw("false") >> x3::attr(false));

auto const path_def = current_offset >> (name % '.');

// Dates are items too, so that a set can list holidays.
auto const date_item = x3::lexeme[x3::raw[x3::repeat(4)[ascii::digit] >> '-' >> x3::repeat(2)[ascii::digit]
                                          >> '-' >> x3::repeat(2)[ascii::digit]]];
auto const set_item_def = name | text | date_item;
auto const set_def = current_offset >> ('{' > -(set_item % ',') > '}');

auto const aggregate_function = kw_text("count", "count") | kw_text("any", "any")
                              | kw_text("all", "all") | kw_text("sum", "sum")
                              | kw_text("min", "min") | kw_text("max", "max");
// Its own rule, so that a value tried and given up (`count(actions ...)`) leaves no trace.
auto const aggregate_value_def = sum >> kw("of");
auto const aggregate_def = aggregate_function > '(' > -aggregate_value > path
                         > -(kw("where") > condition) > ')';

auto const call_def = name >> '(' > -(condition % ',') > ')';

auto const duration_def = current_offset >> x3::lexeme[x3::raw[+ascii::digit] >> word_end]
                        >> (kw_text("days", "days") | kw_text("day", "day"));

auto const group_def = '(' > condition > ')';

auto const year_of_def = kw("year") >> kw("of") >> x3::attr(std::string("year of")) > primary;

auto const primary_def = date | duration | number | string_literal | boolean | set | aggregate
                       | year_of | call | path | group | negative;

auto const negative_def = x3::lit('-') >> x3::attr(std::string("-")) > primary;

auto const additive_op = x3::lit('+') >> x3::attr(std::string("+"))
                       | x3::lit('-') >> x3::attr(std::string("-"));
auto const multiplicative_op = x3::lit('*') >> x3::attr(std::string("*"))
                             | x3::lit('/') >> x3::attr(std::string("/"));
auto const product_tail_def = multiplicative_op > primary;
auto const product_def = primary >> *product_tail;
auto const sum_tail_def = additive_op > product;
auto const sum_def = product >> *sum_tail;

inline x3::symbols<std::string> const comparison_ops = [] {
    x3::symbols<std::string> ops;
    for (const char* op : {"=", "!=", "<", "<=", ">", ">="}) ops.add(op, op);
    return ops;
}();
auto const comparison_op_def = comparison_ops;

auto const membership_op_def = kw_text("in", "in") | kw("not") >> kw_text("in", "not in");
auto const presence_word_def = kw_text("missing", "is missing") | kw_text("present", "is present");
auto const presence_op_def = kw("is") > presence_word;
auto const mention_word_def = kw_text("any", "mentions any") | kw_text("all", "mentions all");
auto const mention_op_def = kw("mentions") > mention_word > -kw("of");
auto const right_operand_def = sum;
auto const nothing = x3::attr(ast::operand());
auto const comparison_tail_def = (comparison_op > right_operand)
                               | (membership_op > right_operand)
                               | (presence_op >> nothing)
                               | (mention_op > right_operand);
auto const comparison_def = sum >> *comparison_tail;

auto const negation_def = kw_text("not", "not") > negated_or_comparison;
auto const negated_or_comparison_def = negation | comparison;

auto const and_tail_def = kw_text("and", "and") > negated_or_comparison;
auto const conjunction_def = negated_or_comparison >> *and_tail;
auto const or_tail_def = kw_text("or", "or") > conjunction;
auto const condition_def = conjunction >> *or_tail;

auto const source_def = kw("source") > -name > text > -(kw("dated") > date)
                      > (kw("secondary") >> x3::attr(true) | x3::attr(false));
auto const header_def = kw("ruleset") > text > kw("version") > version
                      > -(kw("extends") > text) > -(kw("title") > text) > *source
                      > kw("applies") > date > ".." > date;

auto const citation_def = -name > text;
auto const overrides_def = kw("override") >> x3::attr(true) | x3::attr(false);

auto const dated_value_def = kw("from") > date > ':' > condition;
auto const parameter_def = overrides >> kw("param") > name > -('=' > condition) > *dated_value;

auto const outcome_def = name;
auto const then_def = kw("then") > outcome > -(kw("because") > text);
auto const exception_def = kw("unless") > condition > -then;
auto const branch_def = overrides >> kw("rule") > rule_id > outcome > kw("when") > condition
                      > *exception > -(kw("because") > text) > -(kw("cite") > citation);
auto const otherwise_def = kw("otherwise") > outcome > -(kw("because") > text);
auto const classification_def = kw("classify") > subject > *branch > -otherwise;

auto const retirement_def = kw("retire") > rule_id > -(kw("because") > text);
auto const definition_def = kw("define") > name > kw("on") > subject > '=' > condition;
auto const indicator_def = kw("indicator") > name > text > -(kw("unit") > text) > '='
                         > condition;

inline x3::symbols<std::string> words_of(std::initializer_list<const char*> list) {
    x3::symbols<std::string> words;
    for (const char* w : list) words.add(w, w);
    return words;
}
inline x3::symbols<std::string> const subjects =
    words_of({"convention", "action", "expense", "beneficiary", "objective", "step"});
inline x3::symbols<std::string> const severities = words_of({"error", "warning", "info"});
inline x3::symbols<std::string> const languages = words_of({"fr", "nl", "en"});

auto const subject_def = x3::lexeme[subjects >> word_end];
auto const severity_def = x3::lexeme[severities >> word_end];
auto const language_def = x3::lexeme[languages >> word_end];

auto const message_def = language > text;
auto const messages_def = +message;
auto const check_def = overrides >> kw("check") > rule_id > kw("on") > subject > severity
                     > kw("when") > condition > kw("message") > messages
                     > -(kw("cite") > citation);

auto const item_def = parameter | classification | check | retirement | definition | indicator;
auto const end_of_file_def = x3::eoi;
auto const rule_file_rule_def = x3::eps > header > *item > end_of_file;
// clang-format on

BOOST_SPIRIT_DEFINE(name, rule_id, text, date, number, string_literal, version, boolean, path,
                    set, set_item, aggregate, group, primary, negative, sum, sum_tail, and_tail, or_tail, comparison_op,
                    comparison_tail, membership_op, presence_op, presence_word, mention_op, mention_word, right_operand, comparison, negation, negated_or_comparison, conjunction,
                    condition, header, parameter, outcome, then, exception, branch, otherwise,
                    product, product_tail, aggregate_value, duration, call, year_of, source, citation,
                    dated_value, overrides, retirement, definition, indicator,
                    classification, subject, severity, language, message, messages, check, item,
                    end_of_file, rule_file_rule)

}  // namespace activ::grammar

namespace activ::grammar {
rule_file_type const& rule_file() { return rule_file_rule; }
}  // namespace activ::grammar
