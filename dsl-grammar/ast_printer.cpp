// Prints an AST back as text: one construct per line, every nested chain in parentheses,
// so that tests can compare the structure the parser built, not just its success.
#include <cstdio>

#include "dsl-grammar/parse_rules.hpp"
#include "dsl-grammar/quoted_text.hpp"

namespace activ {

namespace x3 = boost::spirit::x3;

namespace {

std::string print_date(const ast::date_literal& d) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", d.year % 10000, d.month % 100,
                  d.day % 100);
    return buffer;
}

std::string print_expression(const ast::expression& e);

/// Precedence levels wrap a lone operand in expressions without operators: skip them.
const ast::expression& innermost(const ast::expression& e) {
    if (e.rest.empty()) {
        if (auto const* inner = boost::get<x3::forward_ast<ast::expression>>(&e.first)) {
            return innermost(inner->get());
        }
    }
    return e;
}

std::string print_path(const ast::path& p) {
    std::string out;
    for (const auto& n : p.names) out += (out.empty() ? "" : ".") + n;
    return out;
}

struct operand_printer {
    using result_type = std::string;
    std::string operator()(const ast::nil&) const { return {}; }
    std::string operator()(const ast::date_literal& d) const { return print_date(d); }
    std::string operator()(const ast::number_literal& n) const { return n.text; }
    std::string operator()(const ast::string_literal& s) const { return quoted_text(s.value); }
    std::string operator()(const ast::bool_literal& b) const { return b.value ? "true" : "false"; }
    std::string operator()(const ast::path& p) const { return print_path(p); }
    std::string operator()(const ast::set_literal& s) const {
        std::string out = "{";
        for (size_t i = 0; i < s.items.size(); ++i) {
            if (i) out += ", ";
            out += quoted_text(s.items[i]);
        }
        return out + "}";
    }
    std::string operator()(const ast::duration_literal& d) const {
        return d.amount + " " + d.unit;
    }
    std::string operator()(const ast::unary& u) const {
        return u.op == "-" ? u.op + print(u.right) : u.op + " " + print(u.right);
    }
    std::string operator()(const ast::call& c) const {
        std::string out = c.function + "(";
        for (size_t i = 0; i < c.arguments.size(); ++i) {
            if (i) out += ", ";
            out += print_expression(c.arguments[i]);
        }
        return out + ")";
    }
    std::string operator()(const ast::aggregate& a) const {
        std::string out = a.function + "(";
        if (a.value) out += print_expression(*a.value) + " of ";
        out += print_path(a.collection);
        if (a.filter) out += " where " + print_expression(*a.filter);
        return out + ")";
    }
    std::string operator()(const ast::expression& e) const {
        const ast::expression& chain = innermost(e);
        if (chain.rest.empty()) return print_expression(chain);
        std::string out = "(";
        out += print_expression(chain);
        out += ')';
        return out;
    }
    static std::string print(const ast::operand& o) {
        return boost::apply_visitor(operand_printer{}, o);
    }
};

std::string print_expression(const ast::expression& whole) {
    // A lone operand is printed as itself: parentheses only mark a chain inside a chain.
    const ast::expression& e = innermost(whole);
    // `not` binds looser than comparisons and arithmetic: beside them it needs parentheses.
    bool const tight = !e.rest.empty() && e.rest.front().op != "and" && e.rest.front().op != "or";
    auto print = [tight](const ast::operand& o) {
        std::string text = operand_printer::print(o);
        if (tight && text.rfind("not ", 0) == 0) {
            std::string wrapped = "(";
            wrapped += text;
            wrapped += ')';
            return wrapped;
        }
        return text;
    };
    std::string out = print(e.first);
    for (const auto& op : e.rest) {
        out += ' ' + op.op;
        std::string right = print(op.right);
        if (!right.empty()) out += ' ' + right;
    }
    return out;
}

std::string print_citation(const ast::citation& c) {
    return (c.source ? *c.source + " " : std::string()) + quoted_text(c.text);
}

struct item_printer {
    using result_type = void;
    std::string& out;

    void operator()(const ast::parameter& p) const {
        out += std::string(p.overrides ? "override " : "") + "param " + p.name;
        if (p.value) out += " = " + print_expression(*p.value);
        out += '\n';
        for (const auto& d : p.dated) {
            out += "  from " + print_date(d.from) + ": " + print_expression(d.value) + '\n';
        }
    }
    void operator()(const ast::retirement& r) const {
        out += "retire " + r.id;
        if (r.because) out += " because " + quoted_text(*r.because);
        out += '\n';
    }
    void operator()(const ast::definition& d) const {
        out += "define " + d.name + " on " + d.subject + " = " + print_expression(d.value) + '\n';
    }
    void operator()(const ast::indicator& i) const {
        out += "indicator " + i.name + " " + quoted_text(i.label);
        if (i.unit) out += " unit " + quoted_text(*i.unit);
        out += " = " + print_expression(i.value) + '\n';
    }
    void operator()(const ast::classification& c) const {
        out += "classify " + c.subject + '\n';
        for (const auto& b : c.branches) {
            out += std::string(b.overrides ? "  override" : " ") + " rule " + b.id + ' ' + b.outcome + " when " + print_expression(b.condition) +
                   '\n';
            for (const auto& x : b.exceptions) {
                out += "    unless " + print_expression(x.condition);
                if (x.then) {
                    out += " then " + x.then->outcome;
                    if (x.then->because) out += " because " + quoted_text(*x.then->because);
                }
                out += '\n';
            }
            if (b.because) out += "    because " + quoted_text(*b.because) + '\n';
            if (b.cite) out += "    cite " + print_citation(*b.cite) + '\n';
        }
        if (c.otherwise) {
            out += "  otherwise " + c.otherwise->outcome;
            if (c.otherwise->because) out += " because " + quoted_text(*c.otherwise->because);
            out += '\n';
        }
    }
    void operator()(const ast::check& c) const {
        out += std::string(c.overrides ? "override " : "") + "check " + c.id + " on " + c.subject + ' ' + c.severity + " when " +
               print_expression(c.condition) + '\n';
        out += "  message";
        for (const auto& m : c.messages) out += ' ' + m.language + ' ' + quoted_text(m.text);
        out += '\n';
        if (c.cite) out += "  cite " + print_citation(*c.cite) + '\n';
    }
};

}  // namespace

std::string print_aggregate_text(const ast::aggregate& a) { return operand_printer{}(a); }

std::string print_ast(const ast::RuleFile& file) {
    const auto& h = file.head;
    std::string out = "ruleset " + quoted_text(h.name) + " version " + h.version + '\n';
    if (h.extends) out += "  extends " + quoted_text(*h.extends) + '\n';
    if (h.title) out += "  title " + quoted_text(*h.title) + '\n';
    for (const auto& s : h.sources) {
        out += "  source " + (s.id ? *s.id + " " : std::string()) + quoted_text(s.title);
        if (s.dated) out += " dated " + print_date(*s.dated);
        if (s.secondary) out += " secondary";
        out += '\n';
    }
    out += "  applies " + print_date(h.applies_from) + " .. " + print_date(h.applies_to) + '\n';
    for (const auto& item : file.items) boost::apply_visitor(item_printer{out}, item);
    return out;
}

}  // namespace activ
