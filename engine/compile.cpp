// From AST to Program: resolves every name to a field getter, a scope or a parameter
// constant, checks types, and reports every problem with its position.
#include <algorithm>
#include <map>

#include "dsl-grammar/parse_rules.hpp"
#include "engine/program.hpp"
#include "engine/read_file.hpp"
#include "engine/ruleset.hpp"
#include "engine/sha256.hpp"
#include "engine/text_match.hpp"

namespace activ {

using schema::RecordKind;
using schema::Type;
using schema::Value;
namespace x3 = boost::spirit::x3;

namespace {

size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t const above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = above;
        }
    }
    return row[b.size()];
}

/// " (did you mean 'x'?)" when one candidate is close enough to be a likely typo.
std::string suggestion(std::string_view wrong, const std::vector<std::string>& candidates) {
    const std::string* best = nullptr;
    size_t best_distance = std::max<size_t>(2, wrong.size() / 3) + 1;
    for (const auto& c : candidates) {
        size_t const d = edit_distance(wrong, c);
        if (d < best_distance) {
            best_distance = d;
            best = &c;
        }
    }
    return best ? "; did you mean '" + *best + "'?" : "";
}

bool is_numeric(Type t) {
    return t == Type::number || t == Type::decimal || t == Type::money || t == Type::share;
}
bool is_ordered(Type t) { return is_numeric(t) || t == Type::date; }

const std::vector<std::string> action_outcomes = {"social", "professional", "unclassified"};

struct BareWord {
    std::string name;
    size_t offset = 0;
};

class Compiler {
public:
    Compiler(std::string_view text, std::string file, Program& program,
             std::vector<Diagnostic>& diagnostics)
        : text_(text), file_(std::move(file)), p_(program), diagnostics_(diagnostics) {}

    void compile(const ast::rule_file& file) {
        for (const auto& item : file.items) {
            if (auto const* param = boost::get<ast::parameter>(&item)) compile_parameter(*param);
            if (auto const* c = boost::get<ast::classification>(&item)) compile_classification(*c);
            if (auto const* c = boost::get<ast::check>(&item)) compile_check(*c);
        }
    }

private:
    struct Parameter {
        int node = -1;
        size_t offset = 0;
    };
    struct Scope {
        RecordKind kind;
        std::string name;
    };

    std::string_view text_;
    std::string file_;
    Program& p_;
    std::vector<Diagnostic>& diagnostics_;
    std::map<std::string, Parameter> parameters_;
    std::vector<Scope> scopes_;
    std::map<std::string, size_t> rule_ids_;
    bool classifying_actions_ = false;

    void error(size_t offset, std::string message) {
        Diagnostic d;
        d.file = file_;
        line_column_of(text_, offset, d.line, d.column);
        d.source_line = line_of(text_, d.line);
        d.message = std::move(message);
        diagnostics_.push_back(std::move(d));
    }

    int add(Node node) {
        p_.nodes.push_back(std::move(node));
        return static_cast<int>(p_.nodes.size()) - 1;
    }
    Node& node(int i) { return p_.nodes[static_cast<size_t>(i)]; }
    Type type_of(int i) { return node(i).type; }

    int constant(Value v, std::string label = {}) {
        Node n;
        n.op = Op::constant;
        n.type = v.type;
        n.value = v;
        n.label = std::move(label);
        return add(std::move(n));
    }

    void claim_rule_id(const std::string& id, size_t offset) {
        auto [it, inserted] = rule_ids_.emplace(id, offset);
        if (!inserted) {
            int line = 0, column = 0;
            line_column_of(text_, it->second, line, column);
            error(offset, "rule id '" + id + "' is already used at line " + std::to_string(line));
        }
    }

    // ------------------------------------------------------------------ declarations

    void compile_parameter(const ast::parameter& param) {
        if (parameters_.count(param.name)) {
            error(param.offset, "parameter '" + param.name + "' is declared twice");
            return;
        }
        scopes_.clear();
        int const value = compile_expression(param.value);
        if (value < 0) return;
        if (node(value).op != Op::constant) {
            error(param.offset, "parameter '" + param.name +
                                    "' must be a constant: a date, a number, a text or a set");
            return;
        }
        node(value).label = param.name;
        node(value).explain = true;
        parameters_[param.name] = {value, param.offset};
    }

    void compile_classification(const ast::classification& c) {
        if (c.subject != "action") {
            error(c.offset, "only actions can be classified (classify action); '" + c.subject +
                                "' cannot");
            return;
        }
        if (p_.action_classification) {
            error(c.offset, "actions are classified twice: keep one 'classify action'");
            return;
        }
        scopes_ = {{RecordKind::convention, "convention"}, {RecordKind::action, "action"}};
        classifying_actions_ = true;
        CompiledClassification out;
        for (const auto& b : c.branches) {
            claim_rule_id(b.id, b.offset);
            CompiledBranch branch;
            branch.id = b.id;
            branch.outcome = checked_outcome(b.outcome, b.offset);
            branch.condition = compile_condition(b.condition);
            for (const auto& x : b.exceptions) {
                CompiledException e;
                e.condition = compile_condition(x.condition);
                if (x.then) {
                    e.then_outcome = checked_outcome(x.then->outcome, x.then->offset);
                    e.because = x.then->because.value_or("");
                }
                branch.exceptions.push_back(std::move(e));
            }
            branch.because = b.because.value_or("");
            branch.cite = b.cite.value_or("");
            out.branches.push_back(std::move(branch));
        }
        out.otherwise_outcome = checked_outcome(c.otherwise.outcome, c.otherwise.offset);
        out.otherwise_because = c.otherwise.because.value_or("");
        out.otherwise_id = "activation.otherwise";
        classifying_actions_ = false;
        p_.action_classification = std::move(out);
    }

    std::string checked_outcome(const std::string& outcome, size_t offset) {
        if (std::find(action_outcomes.begin(), action_outcomes.end(), outcome) ==
            action_outcomes.end()) {
            error(offset, "an action is classified social, professional or unclassified, not '" +
                              outcome + "'" + suggestion(outcome, action_outcomes));
        }
        return outcome;
    }

    void compile_check(const ast::check& c) {
        claim_rule_id(c.id, c.offset);
        CompiledCheck check;
        check.id = c.id;
        check.severity = c.severity == "error"     ? Severity::error
                         : c.severity == "warning" ? Severity::warning
                                                   : Severity::info;
        static const std::map<std::string, RecordKind> subjects = {
            {"convention", RecordKind::convention}, {"action", RecordKind::action},
            {"expense", RecordKind::expense},       {"beneficiary", RecordKind::beneficiary},
            {"objective", RecordKind::objective}};
        check.subject = subjects.at(c.subject);
        scopes_ = {{RecordKind::convention, "convention"}};
        if (check.subject != RecordKind::convention) scopes_.push_back({check.subject, c.subject});
        check.condition = compile_condition(c.condition);
        for (const auto& m : c.messages) {
            check.messages.push_back({m.language, compile_template(m.text, m.offset)});
        }
        check.cite = c.cite.value_or("");
        int column = 0;
        line_column_of(text_, c.offset, check.line, column);
        p_.checks.push_back(std::move(check));
    }

    /// `{path}` placeholders: a field of the subject, else of the convention, else a parameter.
    std::vector<TemplatePart> compile_template(const std::string& text, size_t offset) {
        std::vector<TemplatePart> parts;
        size_t at = 0;
        while (at < text.size()) {
            size_t const open = text.find('{', at);
            if (open == std::string::npos) {
                parts.push_back({text.substr(at), -1});
                break;
            }
            size_t const close = text.find('}', open);
            if (close == std::string::npos) {
                error(offset, "message has a '{' without its '}'");
                break;
            }
            if (open > at) parts.push_back({text.substr(at, open - at), -1});
            std::string const placeholder = text.substr(open + 1, close - open - 1);
            ast::path path;
            path.offset = offset;
            for (size_t start = 0;;) {
                size_t const dot = placeholder.find('.', start);
                path.names.push_back(placeholder.substr(start, dot - start));
                if (dot == std::string::npos) break;
                start = dot + 1;
            }
            std::vector<Diagnostic> first_try;
            std::swap(first_try, diagnostics_);
            int value = compile_path(path, nullptr);
            if (value < 0 && path.names.front() != "convention") {
                ast::path on_convention = path;
                on_convention.names.insert(on_convention.names.begin(), "convention");
                std::vector<Diagnostic> ignored;
                std::swap(ignored, diagnostics_);
                value = compile_path(on_convention, nullptr);
                std::swap(ignored, diagnostics_);
            }
            std::swap(first_try, diagnostics_);
            if (value < 0) {
                error(offset, "message quotes {" + placeholder +
                                  "}, which is no field of the subject or the convention, and no "
                                  "parameter");
            }
            parts.push_back({{}, value});
            at = close + 1;
        }
        return parts;
    }

    // ------------------------------------------------------------------ expressions

    int compile_condition(const ast::expression& e) {
        int const n = compile_expression(e);
        if (n >= 0 && type_of(n) != Type::boolean) {
            error(e.offset, std::string("a condition must be true or false, but this is ") +
                                schema::type_name(type_of(n)));
            return -1;
        }
        return n;
    }

    int compile_operand(const ast::operand& o, BareWord* bare) {
        struct visitor {
            Compiler& c;
            BareWord* bare;
            int operator()(const ast::nil&) const { return -1; }
            int operator()(const ast::date_literal& d) const { return c.compile_date(d); }
            int operator()(const ast::number_literal& n) const { return c.compile_number(n); }
            int operator()(const ast::string_literal& s) const {
                c.p_.sets.emplace_back();  // keep text storage stable
                c.p_.sets.back().items.push_back(s.value);
                return c.constant(schema::text_value(c.p_.sets.back().items.back()));
            }
            int operator()(const ast::bool_literal& b) const {
                return c.constant(schema::bool_value(b.value));
            }
            int operator()(const ast::set_literal& s) const { return c.compile_set(s); }
            int operator()(const ast::path& p) const { return c.compile_path(p, bare); }
            int operator()(const ast::unary& u) const { return c.compile_unary(u); }
            int operator()(const ast::aggregate& a) const { return c.compile_aggregate(a); }
            int operator()(const ast::expression& e) const { return c.compile_expression(e, bare); }
        };
        return boost::apply_visitor(visitor{*this, bare}, o);
    }

    int compile_date(const ast::date_literal& d) {
        auto const date = make_date(d.year, d.month, d.day);
        if (!date) {
            error(d.offset, "no such day in the calendar");
            return -1;
        }
        return constant(schema::date_value(*date));
    }

    int compile_number(const ast::number_literal& n) {
        std::string digits;
        int scale = 0;
        bool fraction = false;
        for (char ch : n.text) {
            if (ch == '.') {
                fraction = true;
                continue;
            }
            digits += ch;
            scale += fraction;
        }
        if (digits.size() > 17) {
            error(n.offset, "number too large");
            return -1;
        }
        Value v = schema::number_value(std::stoll(digits));
        if (scale > 0) {
            v.type = Type::decimal;
            v.scale = scale;
        }
        return constant(v);
    }

    int compile_set(const ast::set_literal& s) {
        schema::TextSet set;
        set.items = s.items;
        std::sort(set.items.begin(), set.items.end());
        set.items.erase(std::unique(set.items.begin(), set.items.end()), set.items.end());
        for (const auto& item : set.items) set.folded.push_back(fold_text(item));
        p_.sets.push_back(std::move(set));
        Value v;
        v.type = Type::set;
        v.set = &p_.sets.back();
        return constant(v);
    }

    std::vector<std::string> names_in_scope() {
        std::vector<std::string> names;
        for (const auto& s : scopes_) names.push_back(s.name);
        if (!scopes_.empty()) {
            for (const auto& f : schema::fields_of(scopes_.back().kind)) {
                names.emplace_back(f.name);
            }
        }
        for (const auto& [name, p] : parameters_) names.push_back(name);
        return names;
    }

    int compile_path(const ast::path& path, BareWord* bare) {
        const std::string& first = path.names.front();
        int current = -1;
        std::string label;
        size_t next = 1;
        // A field of the innermost subject, a subject by name, then a parameter.
        const schema::Field* field =
            scopes_.empty() ? nullptr : schema::find_field(scopes_.back().kind, first);
        if (field) {
            current = scope_node(static_cast<int>(scopes_.size()) - 1);
            label = scopes_.back().name;
            next = 0;
        } else if (auto s = std::find_if(scopes_.rbegin(), scopes_.rend(),
                                         [&](const Scope& sc) { return sc.name == first; });
                   s != scopes_.rend()) {
            current = scope_node(static_cast<int>(scopes_.rend() - s) - 1);
            label = first;
        } else if (auto p = parameters_.find(first); p != parameters_.end()) {
            if (path.names.size() > 1) {
                error(path.offset, "parameter '" + first + "' has no fields");
                return -1;
            }
            return p->second.node;
        } else {
            if (bare && path.names.size() == 1) {
                *bare = {first, path.offset};
                return -2;
            }
            error(path.offset, "unknown name '" + first + "'" +
                                   suggestion(first, names_in_scope()));
            return -1;
        }
        for (size_t i = next; i < path.names.size(); ++i) {
            const std::string& name = path.names[i];
            Node const& holder = node(current);
            if (holder.type != Type::record) {
                error(path.offset, "'" + label + "' is " + schema::type_name(holder.type) +
                                       ", which has no field '" + name + "'");
                return -1;
            }
            RecordKind const kind = holder.value.record_kind;
            const schema::Field* f = schema::find_field(kind, name);
            if (!f) {
                std::vector<std::string> known;
                for (const auto& k : schema::fields_of(kind)) known.emplace_back(k.name);
                error(path.offset, std::string("a ") + schema::record_name(kind) +
                                       " has no field '" + name + "'" + suggestion(name, known));
                return -1;
            }
            if (classifying_actions_ && kind == RecordKind::action && name == "activation") {
                error(path.offset,
                      "the classification of actions cannot read 'activation', the class it "
                      "decides");
                return -1;
            }
            label += "." + name;
            Node n;
            n.op = Op::field;
            n.type = f->type;
            n.field = f;
            n.left = current;
            n.label = label;
            n.value.record_kind = f->record;
            current = add(std::move(n));
        }
        node(current).explain = true;
        return current;
    }

    int scope_node(int level) {
        Node n;
        n.op = Op::scope;
        n.type = Type::record;
        n.level = level;
        n.value.record_kind = scopes_[static_cast<size_t>(level)].kind;
        n.label = scopes_[static_cast<size_t>(level)].name;
        return add(std::move(n));
    }

    int compile_unary(const ast::unary& u) {
        int const right = compile_operand(u.right, nullptr);
        if (right < 0) return -1;
        Node n;
        n.left = right;
        if (u.op == "not") {
            if (type_of(right) != Type::boolean) {
                error(u.offset, std::string("'not' needs a condition, not ") +
                                    schema::type_name(type_of(right)));
                return -1;
            }
            n.op = Op::not_;
            n.type = Type::boolean;
        } else {
            if (!is_numeric(type_of(right))) {
                error(u.offset, std::string("'-' needs a number or an amount, not ") +
                                    schema::type_name(type_of(right)));
                return -1;
            }
            if (node(right).op == Op::constant) {
                Value v = node(right).value;
                v.integer = -v.integer;
                return constant(v);
            }
            n.op = Op::neg;
            n.type = type_of(right);
        }
        return add(std::move(n));
    }

    int compile_aggregate(const ast::aggregate& a) {
        int const list = compile_path(a.collection, nullptr);
        if (list < 0) return -1;
        if (type_of(list) != Type::list) {
            error(a.offset, a.function + "(...) needs a list, like actions or expenses; '" +
                                node(list).label + "' is " + schema::type_name(type_of(list)));
            return -1;
        }
        RecordKind const element = node(list).value.record_kind;
        Node n;
        n.op = a.function == "count" ? Op::count : a.function == "any" ? Op::any : Op::all;
        n.type = n.op == Op::count ? Type::number : Type::boolean;
        n.left = list;
        n.level = static_cast<int>(scopes_.size());
        if (a.filter) {
            scopes_.push_back({element, schema::record_name(element)});
            n.right = compile_condition(*a.filter);
            scopes_.pop_back();
            if (n.right < 0) return -1;
        } else if (n.op != Op::count) {
            error(a.offset, a.function + "(...) needs a condition: " + a.function + "(" +
                                node(list).label + " where ...)");
            return -1;
        }
        n.explain = true;
        n.label = print_aggregate_text(a);
        return add(std::move(n));
    }

    int compile_expression(const ast::expression& e, BareWord* bare = nullptr) {
        if (e.rest.empty()) return compile_operand(e.first, bare);
        BareWord bare_left;
        int left = compile_operand(e.first, &bare_left);
        bool const comparison_level = is_comparison(e.rest.front().op);
        if (comparison_level && e.rest.size() > 1) {
            error(e.rest[1].offset, "comparisons cannot be chained; join them with 'and'");
            return -1;
        }
        for (const auto& operation : e.rest) {
            if (operation.op == "is missing" || operation.op == "is present") {
                if (left == -2) unknown_word(bare_left);
                if (left < 0) return -1;
                left = compile_presence(left, operation);
                if (left < 0) return -1;
                continue;
            }
            BareWord bare_right;
            int right = is_vocabulary_word(left, operation)
                            ? symbol_constant(single_path(operation.right)->names.front())
                            : compile_operand(operation.right, &bare_right);
            // A bare word beside a side that failed says nothing more.
            if (left == -1 || right == -1) return -1;
            left = compile_binary(left, right, bare_left, bare_right, operation);
            if (left < 0) return -1;
        }
        return left;
    }

    static bool is_comparison(const std::string& op) {
        return op != "and" && op != "or" && op != "+" && op != "-";
    }

    void unknown_word(const BareWord& bare) {
        error(bare.offset, "unknown name '" + bare.name + "'" +
                               suggestion(bare.name, names_in_scope()));
    }

    int compile_presence(int left, const ast::operation& operation) {
        if (node(left).op != Op::field) {
            error(operation.offset, "only a field of the convention can be missing or present");
            return -1;
        }
        Node n;
        n.op = operation.op == "is missing" ? Op::is_missing : Op::is_present;
        n.type = Type::boolean;
        n.left = left;
        return add(std::move(n));
    }

    /// The path an operand is, through any parentheses-free nesting; null otherwise.
    static const ast::path* single_path(const ast::operand& o) {
        if (auto const* p = boost::get<ast::path>(&o)) return p;
        if (auto const* e = boost::get<x3::forward_ast<ast::expression>>(&o)) {
            if (e->get().rest.empty()) return single_path(e->get().first);
        }
        return nullptr;
    }

    /// `scheme = cluster`: a word of the field's vocabulary wins over a field of that name.
    bool is_vocabulary_word(int left, const ast::operation& operation) {
        if (left < 0 || (operation.op != "=" && operation.op != "!=")) return false;
        const schema::Field* f = node(left).field;
        const ast::path* path = single_path(operation.right);
        if (!f || f->vocabulary.empty() || !path || path->names.size() != 1) return false;
        std::string_view const word = path->names.front();
        std::string_view v = f->vocabulary;
        for (size_t at = v.find(word); at != std::string_view::npos; at = v.find(word, at + 1)) {
            bool const starts = at == 0 || v[at - 1] == ' ';
            bool const ends = at + word.size() == v.size() || v[at + word.size()] == ' ';
            if (starts && ends) return true;
        }
        return false;
    }

    int symbol_constant(const std::string& word) {
        p_.sets.emplace_back();
        p_.sets.back().items.push_back(word);
        return constant(schema::text_value(p_.sets.back().items.back(), Type::symbol));
    }

    /// A bare word beside a word field is one of its values (`kind = collective`).
    int symbol_for(const BareWord& bare, int other) {
        if (type_of(other) != Type::symbol && type_of(other) != Type::text) {
            unknown_word(bare);
            return -1;
        }
        const schema::Field* f = node(other).field;
        if (f && !f->vocabulary.empty()) {
            std::vector<std::string> words;
            std::string_view v = f->vocabulary;
            while (!v.empty()) {
                size_t const space = v.find(' ');
                words.emplace_back(v.substr(0, space));
                v = space == std::string_view::npos ? "" : v.substr(space + 1);
            }
            if (std::find(words.begin(), words.end(), bare.name) == words.end()) {
                std::string all;
                for (const auto& w : words) all += (all.empty() ? "" : ", ") + w;
                error(bare.offset, "'" + bare.name + "' is not a value of " + node(other).label +
                                       " (" + all + ")" + suggestion(bare.name, words));
                return -1;
            }
        }
        return symbol_constant(bare.name);
    }

    /// Turns a number written in the rules into the other side's kind of value.
    bool coerce(int& literal, Type target, size_t offset) {
        Node& n = node(literal);
        if (n.op != Op::constant || (n.type != Type::number && n.type != Type::decimal)) {
            return false;
        }
        Value v = n.value;
        int const scale = v.type == Type::decimal ? v.scale : 0;
        int const wanted = target == Type::money ? 2 : target == Type::share ? 6 : 0;
        if (target != Type::money && target != Type::share && target != Type::number) return false;
        if (scale > wanted) {
            error(offset, std::string("this number has more decimals than ") +
                              schema::type_name(target) + " allows");
            return false;
        }
        for (int i = scale; i < wanted; ++i) v.integer *= 10;
        if (target == Type::share && v.integer > Share::one) {
            error(offset, "a share is between 0 and 1");
            return false;
        }
        v.type = target;
        v.scale = 0;
        literal = constant(v, n.label);
        node(literal).explain = node(literal).label.size() > 0;
        return true;
    }

    int compile_binary(int left, int right, const BareWord& bare_left,
                       const BareWord& bare_right, const ast::operation& operation) {
        const std::string& op = operation.op;
        size_t const at = operation.offset;
        if (left == -2 && right == -2) {
            unknown_word(bare_left);
            return -1;
        }
        if (left == -2) left = symbol_for(bare_left, right);
        if (right == -2) right = symbol_for(bare_right, left);
        if (left < 0 || right < 0) return -1;

        Node n;
        n.left = left;
        n.right = right;
        n.type = Type::boolean;
        Type lt = type_of(left), rt = type_of(right);

        if (op == "and" || op == "or") {
            if (lt != Type::boolean || rt != Type::boolean) {
                error(at, "'" + op + "' joins conditions, not " +
                              schema::type_name(lt != Type::boolean ? lt : rt));
                return -1;
            }
            n.op = op == "and" ? Op::and_ : Op::or_;
            return add(std::move(n));
        }
        if (op == "in" || op == "not in" || op == "mentions any" || op == "mentions all") {
            bool const mentions = op.rfind("mentions", 0) == 0;
            if (rt != Type::set) {
                error(at, "'" + op + "' needs a set on its right, like {a, b} or a set parameter");
                return -1;
            }
            if (lt != Type::text && lt != Type::symbol) {
                error(at, "'" + op + "' needs a text or a word on its left, not " +
                              schema::type_name(lt));
                return -1;
            }
            n.op = op == "in"            ? Op::in_set
                   : op == "not in"      ? Op::not_in_set
                   : op == "mentions any" ? Op::mentions_any
                                          : Op::mentions_all;
            (void)mentions;
            node(right).explain = false;
            return add(std::move(n));
        }
        // Same-kind operands from here on.
        if (lt != rt) {
            if (!coerce(right, lt, at) && !coerce(left, rt, at)) {
                if (!(lt == Type::text && rt == Type::symbol) &&
                    !(lt == Type::symbol && rt == Type::text)) {
                    error(at, "cannot compare or combine " + std::string(schema::type_name(lt)) +
                                  " with " + schema::type_name(rt));
                    return -1;
                }
            }
            n.left = left;
            n.right = right;
            lt = type_of(left);
            rt = type_of(right);
        }
        if (op == "+" || op == "-") {
            if (lt != Type::money && lt != Type::number) {
                error(at, "'" + op + "' adds or subtracts amounts and numbers, not " +
                              schema::type_name(lt));
                return -1;
            }
            n.op = op == "+" ? Op::add : Op::sub;
            n.type = lt;
            return add(std::move(n));
        }
        static const std::map<std::string, Op> comparisons = {
            {"=", Op::eq}, {"!=", Op::ne}, {"<", Op::lt}, {"<=", Op::le}, {">", Op::gt}, {">=", Op::ge}};
        n.op = comparisons.at(op);
        if (n.op != Op::eq && n.op != Op::ne && !is_ordered(lt)) {
            error(at, "'" + op + "' compares numbers, amounts, shares or dates, not " +
                          schema::type_name(lt));
            return -1;
        }
        if (lt == Type::set || lt == Type::record || lt == Type::list) {
            error(at, std::string("cannot compare ") + schema::type_name(lt));
            return -1;
        }
        return add(std::move(n));
    }
};

RulesetInfo header_info(const ast::header& h, const std::string& file, std::string_view text) {
    RulesetInfo info;
    info.name = h.name;
    info.version = h.version;
    info.title = h.title.value_or("");
    info.sources = h.sources;
    info.file = file;
    info.sha256 = sha256_hex(text);
    return info;
}

}  // namespace

CompiledRuleset compile_ruleset_text(std::string_view text, const std::string& file) {
    CompiledRuleset out;
    ParseResult parsed = parse_rules(text, file);
    out.diagnostics = std::move(parsed.diagnostics);
    if (!parsed.file) return out;
    const ast::header& h = parsed.file->head;
    out.info = header_info(h, file, text);
    auto const from = make_date(h.applies_from.year, h.applies_from.month, h.applies_from.day);
    auto const to = make_date(h.applies_to.year, h.applies_to.month, h.applies_to.day);
    auto program = std::make_shared<Program>();
    Compiler compiler(text, file, *program, out.diagnostics);
    if (!from || !to || *to < *from) {
        Diagnostic d;
        d.file = file;
        line_column_of(text, h.applies_from.offset, d.line, d.column);
        d.source_line = line_of(text, d.line);
        d.message = !from || !to ? "'applies' names a day that is not in the calendar"
                                 : "'applies' ends before it starts";
        out.diagnostics.push_back(std::move(d));
    } else {
        out.info.applies_from = *from;
        out.info.applies_to = *to;
    }
    compiler.compile(*parsed.file);
    bool incomplete = std::any_of(program->checks.begin(), program->checks.end(),
                                  [](const CompiledCheck& c) { return c.condition < 0; });
    if (program->action_classification) {
        for (const auto& b : program->action_classification->branches) {
            incomplete = incomplete || b.condition < 0;
            for (const auto& x : b.exceptions) incomplete = incomplete || x.condition < 0;
        }
    }
    if (incomplete && out.diagnostics.empty()) {
        Diagnostic d;
        d.file = file;
        d.message = "a condition could not be compiled (please report this rule file)";
        out.diagnostics.push_back(std::move(d));
    }
    sort_by_position(out.diagnostics);
    bool const failed = std::any_of(out.diagnostics.begin(), out.diagnostics.end(), [](auto& d) {
        return d.level == Diagnostic::Level::error;
    });
    if (!failed) out.program = std::move(program);
    return out;
}

CompiledRuleset compile_ruleset_file(const std::string& path) {
    std::string reason;
    auto text = read_whole_file(path, reason);
    if (!text) {
        CompiledRuleset out;
        Diagnostic d;
        d.file = path;
        d.message = "cannot read rule file: " + reason;
        out.diagnostics.push_back(std::move(d));
        return out;
    }
    return compile_ruleset_text(*text, path);
}

}  // namespace activ
