// The canonical layout of rule files (see format_rules.hpp for the rules it follows).
// Three passes: print the AST as lines, wrap long sets, then weave the source's comments
// back in by aligning the tokens of the source with those of the printed text.
#include "dsl-grammar/format_rules.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <memory>
#include <utility>

#include "dsl-grammar/parse_rules.hpp"
#include "dsl-grammar/quoted_text.hpp"

namespace activ {

namespace x3 = boost::spirit::x3;

namespace {

constexpr std::size_t column_limit = 100;
constexpr std::size_t none = static_cast<std::size_t>(-1);
constexpr std::size_t search_window = 1024;

///////////////////////////////////////////////////////////////////////////////
// Tokens and comments
///////////////////////////////////////////////////////////////////////////////

/// A token only needs to be spelled the same way in the source and in the printed text,
/// so words, numbers and dates are runs of word characters and punctuation is one byte.
struct token {
    std::size_t begin = 0, end = 0;
    bool text = false;  // a double-quoted text
};

struct comment {
    std::size_t begin = 0, end = 0;  // from '#' to the end of the line, trailing blanks left out
    bool own_line = false;           // nothing but blanks before it on its line
};

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

bool is_word_char(char c) {
    auto const u = static_cast<unsigned char>(c);
    return std::isalnum(u) || c == '_' || u >= 0x80;
}

void scan(std::string_view s, std::vector<token>& tokens, std::vector<comment>* comments) {
    std::size_t i = 0;
    bool code_on_line = false;
    while (i < s.size()) {
        char const c = s[i];
        if (c == '\n') {
            ++i;
            code_on_line = false;
        } else if (is_blank(c)) {
            ++i;
        } else if (c == '#') {
            std::size_t end = s.find('\n', i);
            if (end == std::string_view::npos) end = s.size();
            std::size_t trimmed = end;
            while (trimmed > i && is_blank(s[trimmed - 1])) --trimmed;
            if (comments) comments->push_back({i, trimmed, !code_on_line});
            i = end;
        } else {
            code_on_line = true;
            token t;
            t.begin = i;
            if (c == '"') {
                t.text = true;
                ++i;
                while (i < s.size() && s[i] != '\n') {
                    if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] != '\n') {
                        i += 2;
                    } else if (s[i++] == '"') {
                        break;
                    }
                }
            } else if (is_word_char(c)) {
                while (i < s.size() && is_word_char(s[i])) ++i;
            } else {
                ++i;
            }
            t.end = i;
            tokens.push_back(t);
        }
    }
}

/// Whether what starts at `offset` is the first thing on its line and the line above is
/// blank: the one fact about the source's blank lines that the layout keeps.
bool blank_line_before(std::string_view s, std::size_t offset) {
    std::size_t i = std::min(offset, s.size());
    while (i > 0 && is_blank(s[i - 1])) --i;
    if (i == 0 || s[i - 1] != '\n') return false;
    for (std::size_t j = i - 1; j > 0 && s[j - 1] != '\n'; --j) {
        if (!is_blank(s[j - 1])) return false;
    }
    return true;
}

/// Columns are counted in code points, as diagnostics count them.
std::size_t width(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

///////////////////////////////////////////////////////////////////////////////
// Printing the AST
///////////////////////////////////////////////////////////////////////////////

/// What a line starts, for the blank lines between top-level declarations. Runs of the
/// one-line kinds (param, retire, define, indicator) keep the source's blank lines.
enum class starts { nothing, header, declaration, parameter, retirement, definition, indicator };

/// One printed line before wrapping. `breaks` are the blanks after the commas of sets,
/// each with the column its continuation line starts at.
struct logical_line {
    std::string text;
    std::vector<std::pair<std::size_t, std::size_t>> breaks;
    starts kind = starts::nothing;
    std::size_t offset = 0;  // of the declaration's first token, when kind != nothing
};

std::string print_date(const ast::date_literal& d) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", d.year % 10000, d.month % 100,
                  d.day % 100);
    return buffer;
}

bool is_bare_version(const std::string& v) {
    return !v.empty() && std::all_of(v.begin(), v.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-';
    });
}

/// Precedence levels of the grammar, loosest first: a chain of level L takes operands of
/// level L + 1 or tighter, so an operand needs parentheses when its level is below that.
enum level : int {
    or_level = 1,
    and_level,
    not_level,
    comparison_level,
    sum_level,
    product_level,
    primary_level
};

int chain_level(const std::string& op) {
    if (op == "or") return or_level;
    if (op == "and") return and_level;
    if (op == "+" || op == "-") return sum_level;
    if (op == "*" || op == "/") return product_level;
    return comparison_level;  // comparisons, in, not in, is missing, mentions
}

/// Precedence levels wrap a lone operand in expressions without operators: skip them.
const ast::expression& innermost(const ast::expression& e) {
    if (e.rest.empty()) {
        if (auto const* inner = boost::get<x3::forward_ast<ast::expression>>(&e.first)) {
            return innermost(inner->get());
        }
    }
    return e;
}

int level_of(const ast::operand& o) {
    if (auto const* e = boost::get<x3::forward_ast<ast::expression>>(&o)) {
        const ast::expression& chain = innermost(e->get());
        return chain.rest.empty() ? level_of(chain.first) : chain_level(chain.rest.front().op);
    }
    if (auto const* u = boost::get<x3::forward_ast<ast::unary>>(&o)) {
        return u->get().op == "not" ? not_level : primary_level;
    }
    return primary_level;
}

class printer {
  public:
    printer(std::string_view source, const std::vector<token>& tokens)
        : source_(source), tokens_(tokens) {}

    std::vector<logical_line> print(const ast::rule_file& file) {
        header(file.head);
        for (const auto& item : file.items) {
            boost::apply_visitor([this](const auto& declaration) { print_item(declaration); },
                                 item);
        }
        return std::move(lines_);
    }

    /// One declaration alone, as print() lays it out inside its file.
    template <typename Declaration>
    std::vector<logical_line> print_one(const Declaration& declaration) {
        print_item(declaration);
        return std::move(lines_);
    }

    void print_operand(logical_line& out, const ast::operand& o, int required) {
        if (level_of(o) < required) {
            out.text += '(';
            print_operand(out, o, or_level);
            out.text += ')';
            return;
        }
        boost::apply_visitor([&](const auto& node) { print_node(out, node); }, o);
    }

    void print_expression(logical_line& out, const ast::expression& e, int required) {
        const ast::expression& chain = innermost(e);
        if (chain.rest.empty()) return print_operand(out, chain.first, required);
        int const level = chain_level(chain.rest.front().op);
        if (level < required) out.text += '(';
        print_operand(out, chain.first, level + 1);
        for (const auto& op : chain.rest) {
            out.text += ' ';
            out.text += op.op;
            if (boost::get<ast::nil>(&op.right)) continue;  // is missing, is present
            out.text += ' ';
            print_operand(out, op.right, level + 1);
        }
        if (level < required) out.text += ')';
    }

  private:
    std::string_view source_;
    const std::vector<token>& tokens_;
    std::vector<logical_line> lines_;

    logical_line& open(std::size_t indent, starts kind = starts::nothing, std::size_t offset = 0) {
        lines_.emplace_back();
        lines_.back().text.assign(indent, ' ');
        lines_.back().kind = kind;
        lines_.back().offset = offset;
        return lines_.back();
    }

    std::size_t token_at(std::size_t offset) const {
        auto it = std::lower_bound(tokens_.begin(), tokens_.end(), offset,
                                   [](const token& t, std::size_t o) { return t.begin < o; });
        return it != tokens_.end() && it->begin == offset
                   ? static_cast<std::size_t>(it - tokens_.begin())
                   : none;
    }

    std::string_view spelled(std::size_t i) const {
        return source_.substr(tokens_[i].begin, tokens_[i].end - tokens_[i].begin);
    }

    /// Which set items the source wrote in quotes: the AST keeps only their text, and a
    /// word (`volunteering`) reads differently from a text (`"CV"`). Quotes when unsure.
    std::vector<bool> quoting(const ast::set_literal& s) const {
        std::vector<bool> const all_quoted(s.items.size(), true);
        std::size_t i = token_at(s.offset);
        if (i == none || spelled(i) != "{") return all_quoted;
        std::vector<bool> found;
        for (++i; i < tokens_.size() && spelled(i) != "}"; ++i) {
            if (found.size() == s.items.size()) return all_quoted;
            bool const text = tokens_[i].text;
            if (!text && spelled(i) != s.items[found.size()]) return all_quoted;
            found.push_back(text);
            if (i + 1 < tokens_.size() && spelled(i + 1) == ",") ++i;
        }
        return found.size() == s.items.size() ? found : all_quoted;
    }

    /// The source's spelling of the version: `2015` or `"2015"`.
    bool version_quoted(const ast::header& h) const {
        std::size_t const i = token_at(h.offset);
        if (i != none && i + 3 < tokens_.size()) return tokens_[i + 3].text;
        return !is_bare_version(h.version);
    }

    // Operands ------------------------------------------------------------------------

    void print_node(logical_line&, const ast::nil&) {}
    void print_node(logical_line& out, const ast::date_literal& d) { out.text += print_date(d); }
    void print_node(logical_line& out, const ast::number_literal& n) { out.text += n.text; }
    void print_node(logical_line& out, const ast::string_literal& s) {
        out.text += quoted_text(s.value);
    }
    void print_node(logical_line& out, const ast::bool_literal& b) {
        out.text += b.value ? "true" : "false";
    }
    void print_node(logical_line& out, const ast::duration_literal& d) {
        out.text += d.amount;
        out.text += ' ';
        out.text += d.unit;
    }
    void print_node(logical_line& out, const ast::path& p) {
        for (std::size_t i = 0; i < p.names.size(); ++i) {
            if (i) out.text += '.';
            out.text += p.names[i];
        }
    }
    void print_node(logical_line& out, const ast::set_literal& s) {
        std::vector<bool> const quote = quoting(s);
        out.text += '{';
        std::size_t const continuation = width(out.text);
        for (std::size_t i = 0; i < s.items.size(); ++i) {
            if (i) {
                out.text += ',';
                out.breaks.emplace_back(out.text.size(), continuation);
                out.text += ' ';
            }
            out.text += quote[i] ? quoted_text(s.items[i]) : s.items[i];
        }
        out.text += '}';
    }
    void print_node(logical_line& out, const ast::unary& u) {
        out.text += u.op;
        if (u.op != "-") out.text += ' ';
        print_operand(out, u.right, u.op == "not" ? not_level : primary_level);
    }
    void print_node(logical_line& out, const ast::aggregate& a) {
        out.text += a.function;
        out.text += '(';
        if (a.value) {
            print_expression(out, *a.value, sum_level);
            out.text += " of ";
        }
        print_node(out, a.collection);
        if (a.filter) {
            out.text += " where ";
            print_expression(out, *a.filter, or_level);
        }
        out.text += ')';
    }
    void print_node(logical_line& out, const ast::call& c) {
        out.text += c.function;
        out.text += '(';
        for (std::size_t i = 0; i < c.arguments.size(); ++i) {
            if (i) out.text += ", ";
            print_expression(out, c.arguments[i], or_level);
        }
        out.text += ')';
    }
    void print_node(logical_line& out, const ast::expression& e) {
        print_expression(out, e, or_level);
    }

    // Declarations --------------------------------------------------------------------

    void header(const ast::header& h) {
        logical_line& first = open(0, starts::header, h.offset);
        first.text += "ruleset " + quoted_text(h.name) + " version ";
        first.text += version_quoted(h) ? quoted_text(h.version) : h.version;
        if (h.extends) open(2).text += "extends " + quoted_text(*h.extends);
        if (h.title) open(2).text += "title " + quoted_text(*h.title);
        for (const auto& s : h.sources) print_item(s);
        std::string& applies = open(2).text;
        applies += "applies " + print_date(h.applies_from);
        applies += " .. " + print_date(h.applies_to);
    }

    static void because(std::string& text, const boost::optional<std::string>& reason) {
        if (reason) text += "because " + quoted_text(*reason);
    }

    void cite(std::size_t indent, const boost::optional<ast::citation>& c) {
        if (!c) return;
        std::string& text = open(indent).text;
        text += "cite ";
        if (c->source) text += *c->source + ' ';
        text += quoted_text(c->text);
    }

    void print_item(const ast::source& s) {
        std::string& text = open(2).text;
        text += "source ";
        if (s.id) text += *s.id + ' ';
        text += quoted_text(s.title);
        if (s.dated) text += " dated " + print_date(*s.dated);
        if (s.secondary) text += " secondary";
    }

    void print_item(const ast::parameter& p) {
        logical_line& first = open(0, starts::parameter, p.offset);
        if (p.overrides) first.text += "override ";
        first.text += "param " + p.name;
        if (p.value) {
            first.text += " = ";
            print_expression(first, *p.value, or_level);
        }
        for (const auto& d : p.dated) {
            logical_line& line = open(2);
            line.text += "from " + print_date(d.from) + ": ";
            print_expression(line, d.value, or_level);
        }
    }

    void print_item(const ast::classification& c) {
        open(0, starts::declaration, c.offset).text += "classify " + c.subject;
        for (const auto& b : c.branches) print_item(b);
        if (c.otherwise) print_item(*c.otherwise);
    }

    void print_item(const ast::branch& b) {
        std::string& rule = open(2).text;
        if (b.overrides) rule += "override ";
        rule += "rule " + b.id;
        logical_line& when = open(4);
        when.text += b.outcome + " when ";
        print_expression(when, b.condition, or_level);
        for (const auto& x : b.exceptions) {
            logical_line& unless = open(4);
            unless.text += "unless ";
            print_expression(unless, x.condition, or_level);
            if (!x.then) continue;
            open(6).text += "then " + x.then->outcome;
            if (x.then->because) because(open(6).text, x.then->because);
        }
        if (b.because) because(open(4).text, b.because);
        cite(4, b.cite);
    }

    void print_item(const ast::otherwise_clause& o) {
        open(2).text += "otherwise " + o.outcome;
        if (o.because) because(open(4).text, o.because);
    }

    void print_item(const ast::check& c) {
        logical_line& first = open(0, starts::declaration, c.offset);
        if (c.overrides) first.text += "override ";
        first.text += "check " + c.id + " on " + c.subject;
        logical_line& when = open(2);
        when.text += c.severity + " when ";
        print_expression(when, c.condition, or_level);
        for (std::size_t i = 0; i < c.messages.size(); ++i) {
            // Later languages line up under the first: `  message ` is ten columns.
            std::string& text = open(i ? 10 : 2).text;
            if (!i) text += "message ";
            text += c.messages[i].language + ' ' + quoted_text(c.messages[i].text);
        }
        cite(2, c.cite);
    }

    void print_item(const ast::retirement& r) {
        std::string& text = open(0, starts::retirement, r.offset).text;
        text += "retire " + r.id;
        if (r.because) {
            text += ' ';
            because(text, r.because);
        }
    }

    /// `head = value` on one line, or, when that is wider than the column limit, the value
    /// on the next line: `define x on y =` / `  value`, `indicator x "label"` / `  = value`
    /// (the shipped rules' way: a long label reads better with its formula below it).
    void head_and_value(starts kind, std::size_t offset, const std::string& head, bool equals_below,
                        const ast::expression& value) {
        logical_line& line = open(0, kind, offset);
        line.text += head + " = ";
        print_expression(line, value, or_level);
        if (width(line.text) <= column_limit) return;
        lines_.pop_back();
        open(0, kind, offset).text += equals_below ? head : head + " =";
        logical_line& below = open(2);
        if (equals_below) below.text += "= ";
        print_expression(below, value, or_level);
    }

    void print_item(const ast::definition& d) {
        head_and_value(starts::definition, d.offset, "define " + d.name + " on " + d.subject, false,
                       d.value);
    }

    void print_item(const ast::indicator& i) {
        std::string head = "indicator " + i.name + ' ' + quoted_text(i.label);
        if (i.unit) head += " unit " + quoted_text(*i.unit);
        head_and_value(starts::indicator, i.offset, head, true, i.value);
    }
};

///////////////////////////////////////////////////////////////////////////////
// Wrapping
///////////////////////////////////////////////////////////////////////////////

struct physical_line {
    std::string text;
    std::size_t indent = 0;
    starts kind = starts::nothing;
    std::size_t offset = 0;
};

/// Fills each physical line with as many set items as fit in the column limit. Depends
/// on the printed text alone, so formatted text wraps the same way again.
void wrap(const logical_line& line, std::vector<physical_line>& out) {
    std::size_t const indent = line.text.find_first_not_of(' ');
    physical_line first{{}, indent == std::string::npos ? 0 : indent, line.kind, line.offset};
    if (line.breaks.empty() || width(line.text) <= column_limit) {
        first.text = line.text;
        out.push_back(std::move(first));
        return;
    }
    first.text = line.text.substr(0, line.breaks.front().first);
    out.push_back(std::move(first));
    std::size_t column = width(out.back().text);
    for (std::size_t k = 0; k < line.breaks.size(); ++k) {
        std::size_t const from = line.breaks[k].first + 1;
        std::size_t const to =
            k + 1 < line.breaks.size() ? line.breaks[k + 1].first : line.text.size();
        std::string_view const chunk = std::string_view(line.text).substr(from, to - from);
        std::size_t const chunk_width = width(chunk);
        if (column + 1 + chunk_width > column_limit) {
            std::size_t const continuation = line.breaks[k].second;
            physical_line next;
            next.indent = continuation;
            next.text.assign(continuation, ' ');
            next.text += chunk;
            out.push_back(std::move(next));
            column = continuation + chunk_width;
        } else {
            out.back().text += ' ';
            out.back().text += chunk;
            column += 1 + chunk_width;
        }
    }
}

///////////////////////////////////////////////////////////////////////////////
// Comments
///////////////////////////////////////////////////////////////////////////////

/// Where each comment goes: before a physical line, at its end, or after the last one.
struct placement {
    std::vector<std::vector<std::size_t>> before, trailing;
    std::vector<std::size_t> at_end;
};

placement place_comments(std::string_view source, const std::vector<token>& source_tokens,
                         const std::vector<comment>& comments,
                         const std::vector<physical_line>& lines) {
    // The printed tokens are the source's, minus redundant parentheses and optional
    // words (`mentions any of`): match each to the first equal source token left.
    struct matched {
        std::size_t source_index;
        std::size_t line;
    };
    std::vector<matched> matches;
    std::size_t cursor = 0;
    for (std::size_t l = 0; l < lines.size(); ++l) {
        std::vector<token> printed;
        scan(lines[l].text, printed, nullptr);
        for (const token& t : printed) {
            std::string_view const text =
                std::string_view(lines[l].text).substr(t.begin, t.end - t.begin);
            // Dropped tokens come in short runs (nesting is limited), so a token not found
            // nearby was not in the source: leave it unmatched rather than search on.
            std::size_t const stop = std::min(source_tokens.size(), cursor + search_window);
            for (std::size_t s = cursor; s < stop; ++s) {
                auto const& st = source_tokens[s];
                if (source.substr(st.begin, st.end - st.begin) == text) {
                    matches.push_back({s, l});
                    cursor = s + 1;
                    break;
                }
            }
        }
    }

    placement p;
    p.before.resize(lines.size());
    p.trailing.resize(lines.size());
    for (std::size_t c = 0; c < comments.size(); ++c) {
        // Source tokens before the comment.
        auto const after =
            std::lower_bound(source_tokens.begin(), source_tokens.end(), comments[c].begin,
                             [](const token& t, std::size_t offset) { return t.begin < offset; });
        auto const k = static_cast<std::size_t>(after - source_tokens.begin());
        auto const next = std::lower_bound(
            matches.begin(), matches.end(), k,
            [](const matched& m, std::size_t index) { return m.source_index < index; });
        if (comments[c].own_line) {
            if (next == matches.end()) {
                p.at_end.push_back(c);
            } else {
                p.before[next->line].push_back(c);
            }
        } else {
            std::size_t const line = next == matches.begin() ? 0 : std::prev(next)->line;
            p.trailing[line].push_back(c);
        }
    }
    for (std::size_t l = 0; l < lines.size(); ++l) {
        if (p.trailing[l].size() < 2) continue;
        auto& before = p.before[l];
        before.insert(before.end(), p.trailing[l].begin(), p.trailing[l].end());
        std::sort(before.begin(), before.end());  // comments are numbered in source order
        p.trailing[l].clear();
    }
    return p;
}

std::string weave(std::string_view source, const std::vector<comment>& comments,
                  const std::vector<physical_line>& lines, const placement& p) {
    auto text_of = [&](std::size_t c) {
        return source.substr(comments[c].begin, comments[c].end - comments[c].begin);
    };
    std::string out;
    starts previous = starts::nothing;
    // A top-level group: the comments before a declaration, then the declaration. The
    // blank line before the group is one blank line, or, between two parameters, the
    // source's; inside the group, the source's blank lines are kept.
    auto group = [&](const std::vector<std::size_t>& before, const physical_line* declaration) {
        std::vector<std::size_t> offsets;
        for (std::size_t c : before) offsets.push_back(comments[c].begin);
        if (declaration) offsets.push_back(declaration->offset);
        if (offsets.empty()) return;
        std::size_t const earliest = *std::min_element(offsets.begin(), offsets.end());
        if (!out.empty()) {
            bool const keep_source =
                !declaration || (declaration->kind == previous && previous > starts::declaration);
            if (!keep_source || blank_line_before(source, earliest)) out += '\n';
        }
        for (std::size_t i = 0; i < offsets.size(); ++i) {
            if (i && offsets[i] != earliest && blank_line_before(source, offsets[i])) out += '\n';
            if (i < before.size()) {
                out += text_of(before[i]);
                out += '\n';
            }
        }
    };
    for (std::size_t l = 0; l < lines.size(); ++l) {
        const physical_line& line = lines[l];
        if (line.kind != starts::nothing) {
            group(p.before[l], &line);
            previous = line.kind;
        } else {
            for (std::size_t c : p.before[l]) {
                out.append(line.indent, ' ');
                out += text_of(c);
                out += '\n';
            }
        }
        out += line.text;
        if (!p.trailing[l].empty()) {
            out += "  ";
            out += text_of(p.trailing[l].front());
        }
        out += '\n';
    }
    group(p.at_end, nullptr);
    return out;
}

}  // namespace

FormatResult format_rules(std::string_view text, const std::string& file) {
    FormatResult result;
    ParseResult parsed = parse_rules(text, file);
    if (!parsed.file) {
        result.diagnostics = std::move(parsed.diagnostics);
        return result;
    }
    std::vector<token> tokens;
    std::vector<comment> comments;
    scan(text, tokens, &comments);

    std::vector<physical_line> lines;
    for (const auto& line : printer(text, tokens).print(*parsed.file)) wrap(line, lines);
    std::string formatted =
        weave(text, comments, lines, place_comments(text, tokens, comments, lines));

    // A formatter that rewrites files in place must never change what they say.
    ParseResult again = parse_rules(formatted, file);
    std::vector<token> formatted_tokens;
    std::vector<comment> formatted_comments;
    scan(formatted, formatted_tokens, &formatted_comments);
    if (!again.file || print_ast(*again.file) != print_ast(*parsed.file) ||
        formatted_comments.size() != comments.size()) {
        Diagnostic d;
        d.file = file;
        d.message =
            "activ fmt cannot lay this file out without changing it (a bug in activ fmt); "
            "the file is left as it is";
        result.diagnostics.push_back(std::move(d));
        return result;
    }
    result.text = std::move(formatted);
    return result;
}

struct DeclarationFormatter::Tokens {
    std::vector<token> list;
};

DeclarationFormatter::DeclarationFormatter(std::string_view source) : source_(source) {
    auto tokens = std::make_unique<Tokens>();
    scan(source, tokens->list, nullptr);
    tokens_ = std::move(tokens);
}

DeclarationFormatter::~DeclarationFormatter() = default;

template <typename Declaration>
std::string DeclarationFormatter::lines_of(const Declaration& declaration) const {
    std::vector<physical_line> lines;
    for (const auto& line : printer(source_, tokens_->list).print_one(declaration)) {
        wrap(line, lines);
    }
    std::string out;
    for (const auto& line : lines) {
        out += line.text;
        out += '\n';
    }
    return out;
}

std::string DeclarationFormatter::operator()(const ast::source& d) const { return lines_of(d); }
std::string DeclarationFormatter::operator()(const ast::parameter& d) const { return lines_of(d); }
std::string DeclarationFormatter::operator()(const ast::branch& d) const { return lines_of(d); }
std::string DeclarationFormatter::operator()(const ast::otherwise_clause& d) const {
    return lines_of(d);
}
std::string DeclarationFormatter::operator()(const ast::check& d) const { return lines_of(d); }
std::string DeclarationFormatter::operator()(const ast::definition& d) const { return lines_of(d); }
std::string DeclarationFormatter::operator()(const ast::indicator& d) const { return lines_of(d); }

std::string DeclarationFormatter::operator()(const ast::expression& value) const {
    logical_line line;
    printer(source_, tokens_->list).print_expression(line, value, or_level);
    return std::move(line.text);
}

std::string DeclarationFormatter::operator()(const ast::date_literal& day) const {
    return print_date(day);
}

}  // namespace activ
