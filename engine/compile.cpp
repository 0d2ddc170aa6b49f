// From AST to Program: resolves every name to a field getter, a scope or a parameter
// constant, checks types, and reports every problem with its position.
#include <algorithm>
#include <map>

#include "dsl-grammar/parse_rules.hpp"
#include "dsl-grammar/format_rules.hpp"
#include "engine/program.hpp"
#include "engine/read_file.hpp"
#include "engine/ruleset.hpp"
#include "engine/lint.hpp"
#include "engine/ruleset_chain.hpp"
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

struct BareWord {
    std::string name;
    size_t offset = 0;
};

/// What one kind of classification decides: its outcomes and what it may not read.
struct Decides {
    RecordKind subject;
    const char* field;  // the decision, as checks read it
    std::vector<std::string> outcomes;
    const char* undetermined;  // the outcome when a branch reads a missing field
    const char* phrase;        // how a diagnostic states the outcomes
};

class Compiler {
public:
    Compiler(const MergedRules& rules, Program& program, std::vector<Diagnostic>& diagnostics,
             std::vector<Diagnostic>& lint)
        : rules_(rules), p_(program), diagnostics_(diagnostics), lint_(lint) {}

    void compile() {
        for (const auto& s : rules_.legal_sources) declare_source(s);
        for (const auto& p : rules_.parameters) at(p.source, [&] { compile_parameter(*p.node); });
        for (const auto& d : rules_.definitions) at(d.source, [&] { compile_definition(*d.node); });
        compile_classifications();
        for (const auto& c : rules_.checks) at(c.source, [&] { compile_check(*c.node); });
        for (const auto& i : rules_.indicators) at(i.source, [&] { compile_indicator(*i.node); });
        for (const auto& [name, param] : parameters_) {
            if (!param.used) {
                current_ = param.source;
                warn(param.offset, "parameter '" + name + "' is never used");
            }
        }
    }

private:
    struct Parameter {
        int node = -1;
        size_t offset = 0;
        int source = 0;
        bool used = false;
    };
    struct Definition {
        int body = -1;
        Type type = Type::boolean;
        RecordKind record = RecordKind::convention;
        bool reads_eligible = false;  // then only indicators may use it
    };
    struct Scope {
        RecordKind kind;
        std::string name;
    };

    const MergedRules& rules_;
    Program& p_;
    std::vector<Diagnostic>& diagnostics_;
    std::vector<Diagnostic>& lint_;
    int current_ = 0;  // the file whose declaration is being compiled
    std::map<std::string, Citation> citations_;
    std::map<std::string, Parameter> parameters_;
    std::map<std::pair<RecordKind, std::string>, Definition> definitions_;
    std::vector<Scope> scopes_;
    const Decides* deciding_ = nullptr;  // the classification being compiled
    bool in_indicator_ = false;
    bool in_definition_ = false;
    bool read_eligible_ = false;  // while compiling a definition
    struct Expanded {
        size_t operations = 0;
        int depth = 0;
    };
    std::vector<Expanded> expanded_;  // by node

    template <typename F>
    void at(int source, F&& compile_one) {
        current_ = source;
        compile_one();
    }

    const RuleSource& source() const { return rules_.sources[static_cast<size_t>(current_)]; }

    void error(size_t offset, std::string message) {
        diagnostics_.push_back(diagnostic_at(source(), offset, std::move(message)));
    }
    void warn(size_t offset, std::string message) {
        lint_.push_back(
            diagnostic_at(source(), offset, std::move(message), Diagnostic::Level::warning));
    }

    int add(Node node) {
        // What evaluating the node costs, definitions counted wherever they are used.
        size_t operations = 1;
        int depth = 1;
        for (int child : {node.left, node.right, node.extra}) {
            if (child < 0) continue;
            operations = std::min(operations + expanded_[static_cast<size_t>(child)].operations,
                                  rule_limits::max_expanded_operations + 1);
            depth = std::max(depth, expanded_[static_cast<size_t>(child)].depth + 1);
        }
        expanded_.push_back({operations, depth});
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

    int text_constant(const std::string& text, Type type) {
        p_.sets.emplace_back();  // owns the text, at a stable address
        p_.sets.back().items.push_back(text);
        return constant(schema::text_value(p_.sets.back().items.back(), type));
    }

    // ------------------------------------------------------------------ declarations

    void declare_source(const Placed<ast::source>& placed) {
        const ast::source& s = *placed.node;
        if (!s.id) return;
        Citation c;
        c.source = s.title;
        if (s.dated) {
            auto const day = make_date(s.dated->year, s.dated->month, s.dated->day);
            current_ = placed.source;
            if (!day) error(s.dated->offset, "no such day in the calendar");
            if (day) c.dated = format_date(*day);
        }
        c.secondary = s.secondary;
        citations_[*s.id] = c;
    }

    Citation compile_citation(const boost::optional<ast::citation>& cite) {
        Citation c;
        if (!cite) return c;
        if (!cite->source) {
            c.point = cite->text;
            return c;
        }
        auto found = citations_.find(*cite->source);
        if (found == citations_.end()) {
            std::vector<std::string> known;
            for (const auto& [id, _] : citations_) known.push_back(id);
            error(cite->offset, "no source '" + *cite->source + "' is declared in the header" +
                                    suggestion(*cite->source, known));
            return c;
        }
        c = found->second;
        c.point = cite->text;
        return c;
    }

    void compile_parameter(const ast::parameter& param) {
        scopes_.clear();
        Parameter declared{-1, param.offset, current_, false};
        if (param.value && !param.dated.empty()) {
            error(param.offset, "parameter '" + param.name +
                                    "' has both a value and dated values; keep one form");
            return;
        }
        if (param.value) {
            int const value = compile_expression(*param.value);
            if (value < 0) return;
            if (node(value).op != Op::constant) {
                error(param.offset, "parameter '" + param.name +
                                        "' must be a constant: a date, a number, a text or a set");
                return;
            }
            declared.node = value;
        } else if (param.dated.empty()) {
            error(param.offset, "parameter '" + param.name +
                                    "' needs a value: '= value' or 'from DAY: value' lines");
            return;
        } else {
            declared.node = compile_dated(param);
            if (declared.node < 0) return;
        }
        node(declared.node).label = param.name;
        node(declared.node).explain = true;
        parameters_[param.name] = declared;
    }

    int compile_dated(const ast::parameter& param) {
        DatedParameter dated;
        dated.name = param.name;
        Type type = Type::boolean;
        for (const auto& d : param.dated) {
            auto const day = make_date(d.from.year, d.from.month, d.from.day);
            int const value = compile_expression(d.value);
            if (!day) error(d.from.offset, "no such day in the calendar");
            if (value < 0 || !day) return -1;
            if (node(value).op != Op::constant) {
                error(d.offset, "a dated value must be a constant");
                return -1;
            }
            if (!dated.values.empty() && type_of(value) != type) {
                error(d.offset, std::string("every dated value of '") + param.name +
                                    "' must be of one kind: this one is " +
                                    schema::type_name(type_of(value)) + ", the first " +
                                    schema::type_name(type));
                return -1;
            }
            if (!dated.values.empty() && !(dated.values.back().first < *day)) {
                error(d.offset, "dated values must follow each other in time");
                return -1;
            }
            type = type_of(value);
            dated.values.emplace_back(*day, node(value).value);
        }
        p_.dated.push_back(std::move(dated));
        Node n;
        n.op = Op::dated;
        n.type = type;
        n.level = static_cast<int>(p_.dated.size()) - 1;
        n.value = p_.dated.back().values.front().second;  // the kind, for coercions
        return add(std::move(n));
    }

    static std::optional<RecordKind> subject_kind(const std::string& word) {
        static const std::map<std::string, RecordKind> subjects = {
            {"convention", RecordKind::convention}, {"action", RecordKind::action},
            {"expense", RecordKind::expense},       {"beneficiary", RecordKind::beneficiary},
            {"objective", RecordKind::objective},   {"step", RecordKind::step}};
        auto found = subjects.find(word);
        if (found == subjects.end()) return std::nullopt;
        return found->second;
    }

    /// The scopes of a check on `kind`: the convention, then the subject. A step sits
    /// inside its beneficiary, which its conditions can name.
    void enter_subject(RecordKind kind) {
        scopes_ = {{RecordKind::convention, "convention"}};
        if (kind == RecordKind::step) scopes_.push_back({RecordKind::beneficiary, "beneficiary"});
        if (kind != RecordKind::convention) scopes_.push_back({kind, schema::record_name(kind)});
    }

    void compile_definition(const ast::definition& d) {
        RecordKind const kind = *subject_kind(d.subject);
        if (schema::find_field(kind, d.name)) {
            error(d.offset, "'" + d.name + "' is already a field of a " + d.subject);
            return;
        }
        enter_subject(kind);
        in_definition_ = true;
        read_eligible_ = false;
        int const body = compile_expression(d.value);
        in_definition_ = false;
        if (body < 0) return;
        Node& b = node(body);
        definitions_[{kind, d.name}] = {body, b.type, b.value.record_kind, read_eligible_};
    }

    void compile_classifications() {
        static const Decides activation{RecordKind::action, "activation",
                                        {"social", "professional", "unclassified"},
                                        "unclassified",
                                        "an action is classified social, professional or "
                                        "unclassified"};
        static const Decides eligibility{RecordKind::beneficiary, "eligibility",
                                         {"eligible", "not_eligible", "undetermined"},
                                         "undetermined",
                                         "a beneficiary is eligible, not_eligible or "
                                         "undetermined"};
        if (rules_.actions) {
            p_.action_classification = compile_classification(*rules_.actions, activation);
        }
        if (rules_.beneficiaries) {
            p_.beneficiary_classification = compile_classification(*rules_.beneficiaries, eligibility);
        }
    }

    std::optional<CompiledClassification> compile_classification(
        const MergedRules::Classification& rules, const Decides& decides) {
        current_ = rules.block.source;
        if (!rules.otherwise) {
            error(rules.block.node->offset,
                  "a classification ends with 'otherwise' and the outcome when no branch "
                  "decides");
            return std::nullopt;
        }
        enter_subject(decides.subject);
        deciding_ = &decides;
        CompiledClassification out;
        for (const auto& placed : rules.branches) {
            current_ = placed.source;
            const ast::branch& b = *placed.node;
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
            branch.citation = compile_citation(b.cite);
            branch.cite = format_citation(branch.citation);
            branch.file = source().path;
            int column = 0;
            line_column_of(source().text, b.offset, branch.line, column);
            out.branches.push_back(std::move(branch));
        }
        current_ = rules.otherwise->source;
        const ast::otherwise_clause& otherwise = *rules.otherwise->node;
        out.otherwise_outcome = checked_outcome(otherwise.outcome, otherwise.offset);
        out.otherwise_because = otherwise.because.value_or("");
        out.otherwise_id = std::string(decides.field) + ".otherwise";
        out.otherwise_file = source().path;
        int column = 0;
        line_column_of(source().text, otherwise.offset, out.otherwise_line, column);
        out.undetermined_outcome = decides.undetermined;
        deciding_ = nullptr;
        return out;
    }

    std::string checked_outcome(const std::string& outcome, size_t offset) {
        const auto& outcomes = deciding_->outcomes;
        if (std::find(outcomes.begin(), outcomes.end(), outcome) == outcomes.end()) {
            error(offset, std::string(deciding_->phrase) + ", not '" + outcome + "'" +
                              suggestion(outcome, outcomes));
        }
        return outcome;
    }

    void compile_check(const ast::check& c) {
        CompiledCheck check;
        check.id = c.id;
        check.severity = c.severity == "error"     ? Severity::error
                         : c.severity == "warning" ? Severity::warning
                                                   : Severity::info;
        check.subject = *subject_kind(c.subject);
        enter_subject(check.subject);
        check.condition = compile_condition(c.condition);
        if (check.condition >= 0 && node(check.condition).op == Op::constant) {
            warn(c.condition.offset, node(check.condition).value.boolean
                                         ? "this condition is always true"
                                         : "this check can never fire: its condition is always "
                                           "false");
        }
        for (const auto& m : c.messages) {
            check.messages.push_back({m.language, compile_template(m.text, m.offset)});
        }
        check.citation = compile_citation(c.cite);
        check.cite = format_citation(check.citation);
        check.file = source().path;
        int column = 0;
        line_column_of(source().text, c.offset, check.line, column);
        p_.checks.push_back(std::move(check));
    }

    void compile_indicator(const ast::indicator& i) {
        enter_subject(RecordKind::convention);
        in_indicator_ = true;
        int const value = compile_expression(i.value);
        in_indicator_ = false;
        if (value < 0) return;
        Type const t = type_of(value);
        if (t != Type::number && t != Type::money && t != Type::decimal && t != Type::days) {
            error(i.value.offset, std::string("an indicator is a count, an amount, a ratio or a "
                                              "number of days, not ") +
                                      schema::type_name(t));
            return;
        }
        p_.indicators.push_back({i.name, i.label, i.unit.value_or(""), value, additive(value)});
    }

    /// A count, a sum, a definition of one, or sums and differences of them: what stays
    /// true when conventions are added up. A quotient, a minimum or a constant does not.
    bool additive(int node) const {
        const Node& n = p_.nodes[static_cast<size_t>(node)];
        switch (n.op) {
            case Op::count:
            case Op::sum: return true;
            case Op::derived: return additive(n.right);
            case Op::add:
            case Op::sub: return additive(n.left) && additive(n.right);
            default: return false;
        }
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
                return c.text_constant(s.value, Type::text);
            }
            int operator()(const ast::bool_literal& b) const {
                return c.constant(schema::bool_value(b.value));
            }
            int operator()(const ast::set_literal& s) const { return c.compile_set(s); }
            int operator()(const ast::duration_literal& d) const { return c.compile_duration(d); }
            int operator()(const ast::path& p) const { return c.compile_path(p, bare); }
            int operator()(const ast::unary& u) const { return c.compile_unary(u); }
            int operator()(const ast::aggregate& a) const { return c.compile_aggregate(a); }
            int operator()(const ast::call& f) const { return c.compile_call(f); }
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
        if (digits.size() > 15) {
            error(n.offset, "number too large");
            return -1;
        }
        Value v = schema::number_value(std::stoll(digits));
        if (scale > 0) {
            v.type = Type::decimal;
            v.scale = static_cast<int8_t>(scale);
        }
        return constant(v);
    }

    int compile_duration(const ast::duration_literal& d) {
        if (d.amount.size() > 6) {
            error(d.offset, "too many days");
            return -1;
        }
        Value v = schema::number_value(std::stoll(d.amount));
        v.type = Type::days;
        return constant(v);
    }

    int compile_set(const ast::set_literal& s) {
        schema::TextSet set;
        set.items = s.items;
        std::sort(set.items.begin(), set.items.end());
        set.items.erase(std::unique(set.items.begin(), set.items.end()), set.items.end());
        for (const auto& item : set.items) {
            set.folded.push_back(fold_text(item));
            if (auto const day = parse_date(item)) set.days.push_back(day->days);
        }
        std::sort(set.days.begin(), set.days.end());
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
            for (const auto& [key, _] : definitions_) {
                if (key.first == scopes_.back().kind) names.push_back(key.second);
            }
        }
        for (const auto& [name, p] : parameters_) names.push_back(name);
        return names;
    }

    bool names_member(RecordKind kind, const std::string& name) {
        return schema::find_field(kind, name) || definitions_.count({kind, name});
    }

    int compile_path(const ast::path& path, BareWord* bare) {
        const std::string& first = path.names.front();
        int current = -1;
        std::string label;
        size_t next = 1;
        // A field of the innermost subject, a subject by name, then a parameter.
        if (!scopes_.empty() && names_member(scopes_.back().kind, first)) {
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
            p->second.used = true;
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
            current = member(current, path.names[i], label, path.offset);
            if (current < 0) return -1;
        }
        node(current).explain = true;
        return current;
    }

    /// `holder.name`: a field or a definition of the holder's kind of record.
    int member(int holder, const std::string& name, std::string& label, size_t offset) {
        Node const& h = node(holder);
        if (h.type != Type::record) {
            error(offset, "'" + label + "' is " + schema::type_name(h.type) +
                              ", which has no field '" + name + "'");
            return -1;
        }
        RecordKind const kind = h.value.record_kind;
        label += "." + name;
        if (auto d = definitions_.find({kind, name}); d != definitions_.end()) {
            if (d->second.reads_eligible && !reading_eligible_allowed(offset, name)) return -1;
            Node n;
            n.op = Op::derived;
            n.type = d->second.type;
            n.left = holder;
            n.right = d->second.body;
            n.level = kind == RecordKind::convention ? 0 : 1;
            n.label = label;
            n.value.record_kind = d->second.record;
            return add(std::move(n));
        }
        const schema::Field* f = schema::find_field(kind, name);
        if (!f) {
            std::vector<std::string> known;
            for (const auto& k : schema::fields_of(kind)) known.emplace_back(k.name);
            error(offset, std::string("a ") + schema::record_name(kind) + " has no field '" +
                              name + "'" + suggestion(name, known));
            return -1;
        }
        if (deciding_ && kind == deciding_->subject && name == deciding_->field) {
            error(offset, std::string("'classify ") + schema::record_name(kind) +
                              "' cannot read '" + name + "', what it decides");
            return -1;
        }
        if (kind == RecordKind::expense && name == "eligible" &&
            !reading_eligible_allowed(offset, name)) {
            return -1;
        }
        Node n;
        n.op = Op::field;
        n.type = f->type;
        n.field = f;
        n.left = holder;
        n.label = label;
        n.value.record_kind = f->record;
        return add(std::move(n));
    }

    /// `eligible` is what the checks decide: indicators, and definitions only indicators
    /// use, may read it; checks and classifications may not.
    bool reading_eligible_allowed(size_t offset, const std::string& name) {
        if (in_indicator_) return true;
        if (in_definition_) {
            read_eligible_ = true;
            return true;
        }
        error(offset, "'" + name +
                          "' depends on what the checks decide (expense.eligible): only an "
                          "indicator can read it");
        return false;
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
        } else if (u.op == "year of") {
            if (type_of(right) != Type::date) {
                error(u.offset, std::string("'year of' needs a date, not ") +
                                    schema::type_name(type_of(right)));
                return -1;
            }
            n.op = Op::year_of;
            n.type = Type::number;
        } else {
            Type const t = type_of(right);
            if (!is_numeric(t) && t != Type::days) {
                error(u.offset, std::string("'-' needs a number or an amount, not ") +
                                    schema::type_name(t));
                return -1;
            }
            if (node(right).op == Op::constant) {
                Value v = node(right).value;
                v.integer = -v.integer;
                return constant(v);
            }
            n.op = Op::neg;
            n.type = t;
        }
        return add(std::move(n));
    }

    /// `either(a, b)`: a when the file gives it, else b, of one kind.
    int compile_either(const ast::call& c) {
        if (c.arguments.size() != 2) {
            error(c.offset, "either(value, fallback) takes 2 values");
            return -1;
        }
        int left = compile_expression(c.arguments[0]);
        int right = compile_expression(c.arguments[1]);
        if (left < 0 || right < 0) return -1;
        if (type_of(left) != type_of(right) && !coerce(right, type_of(left), c.offset) &&
            !coerce(left, type_of(right), c.offset)) {
            error(c.offset, std::string("either(...) needs two values of one kind, not ") +
                                schema::type_name(type_of(left)) + " and " +
                                schema::type_name(type_of(right)));
            return -1;
        }
        Node n;
        n.op = Op::either;
        n.type = type_of(left);
        n.left = left;
        n.right = right;
        n.value.record_kind = node(left).value.record_kind;
        return add(std::move(n));
    }

    int compile_call(const ast::call& c) {
        if (c.function == "either") return compile_either(c);
        static const std::vector<std::string> functions = {"next_working_day",
                                                           "add_working_days", "either"};
        bool const next = c.function == "next_working_day";
        if (!next && c.function != "add_working_days") {
            error(c.offset, "unknown function '" + c.function + "'" +
                                suggestion(c.function, functions));
            return -1;
        }
        size_t const wanted = next ? 2 : 3;
        if (c.arguments.size() != wanted) {
            error(c.offset, c.function + (next ? "(day, holidays)" : "(day, count, holidays)") +
                                " takes " + std::to_string(wanted) + " values");
            return -1;
        }
        std::vector<int> args;
        for (const auto& a : c.arguments) {
            args.push_back(compile_expression(a));
            if (args.back() < 0) return -1;
        }
        int const holidays = args.back();
        if (type_of(args[0]) != Type::date) {
            error(c.arguments[0].offset, c.function + " starts from a date");
            return -1;
        }
        if (!next && type_of(args[1]) != Type::number && type_of(args[1]) != Type::days) {
            error(c.arguments[1].offset, "add_working_days needs a number of days");
            return -1;
        }
        const Node& h = node(holidays);
        if (h.type != Type::set || h.op != Op::constant ||
            h.value.set->days.size() != h.value.set->items.size()) {
            error(c.arguments.back().offset,
                  "the holidays are a set of dates, like {2016-03-28, 2016-05-05}");
            return -1;
        }
        node(holidays).explain = false;
        Node n;
        n.op = next ? Op::next_working_day : Op::add_working_days;
        n.type = Type::date;
        n.left = args[0];
        n.right = holidays;
        n.extra = next ? -1 : args[1];
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
        static const std::map<std::string, Op> functions = {
            {"count", Op::count}, {"any", Op::any}, {"all", Op::all},
            {"sum", Op::sum},     {"min", Op::min}, {"max", Op::max}};
        Node n;
        n.op = functions.at(a.function);
        bool const takes_value = n.op == Op::sum || n.op == Op::min || n.op == Op::max;
        if (takes_value && !a.value) {
            error(a.offset, a.function + "(...) needs the value to add up: " + a.function +
                                "(amount of " + node(list).label + ")");
            return -1;
        }
        if (!takes_value && a.value) {
            error(a.offset, a.function + "(...) takes no value before 'of'");
            return -1;
        }
        RecordKind const element = node(list).value.record_kind;
        n.left = list;
        n.level = static_cast<int>(scopes_.size());
        scopes_.push_back({element, schema::record_name(element)});
        if (a.filter) n.right = compile_condition(*a.filter);
        if (a.value) n.extra = compile_expression(*a.value);
        scopes_.pop_back();
        if ((a.filter && n.right < 0) || (a.value && n.extra < 0)) return -1;
        if (!a.filter && (n.op == Op::any || n.op == Op::all)) {
            error(a.offset, a.function + "(...) needs a condition: " + a.function + "(" +
                                node(list).label + " where ...)");
            return -1;
        }
        if (n.op == Op::count || n.op == Op::any || n.op == Op::all) {
            n.type = n.op == Op::count ? Type::number : Type::boolean;
        } else {
            Type const t = type_of(n.extra);
            bool const fits = n.op == Op::sum ? (is_numeric(t) || t == Type::days) && t != Type::share
                                              : is_ordered(t);
            if (!fits) {
                error(a.offset, a.function + "(...) cannot add up " + schema::type_name(t));
                return -1;
            }
            n.type = t;
        }
        n.explain = true;
        n.label = print_aggregate_text(a);
        return add(std::move(n));
    }

    int compile_expression(const ast::expression& e, BareWord* bare = nullptr) {
        int const n = compile_chain(e, bare);
        if (n < 0) return n;
        Expanded const& x = expanded_[static_cast<size_t>(n)];
        if (x.operations > rule_limits::max_expanded_operations ||
            x.depth > rule_limits::max_expanded_depth) {
            std::string message =
                "with the definitions it uses written out, this value takes more than ";
            if (x.depth > rule_limits::max_expanded_depth) {
                message += std::to_string(rule_limits::max_expanded_depth);
                message += " levels of nesting";
            } else {
                message += std::to_string(rule_limits::max_expanded_operations);
                message += " operations";
            }
            message += " to evaluate; simplify it";
            error(e.offset, std::move(message));
            return -1;
        }
        return n;
    }

    int compile_chain(const ast::expression& e, BareWord* bare) {
        if (e.rest.empty()) return compile_operand(e.first, bare);
        if (e.rest.size() > rule_limits::max_chain) {
            // Evaluation recurses once per operator of a chain: keep it shallow.
            error(e.offset, "more than " + std::to_string(rule_limits::max_chain) +
                                " operators in one condition; split it with 'define'");
            return -1;
        }
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
                            ? text_constant(single_path(operation.right)->names.front(),
                                            Type::symbol)
                            : compile_operand(operation.right, &bare_right);
            // A bare word beside a side that failed says nothing more.
            if (left == -1 || right == -1) return -1;
            left = compile_binary(left, right, bare_left, bare_right, operation);
            if (left < 0) return -1;
        }
        return left;
    }

    static bool is_comparison(const std::string& op) {
        return op != "and" && op != "or" && op != "+" && op != "-" && op != "*" && op != "/";
    }

    void unknown_word(const BareWord& bare) {
        error(bare.offset, "unknown name '" + bare.name + "'" +
                               suggestion(bare.name, names_in_scope()));
    }

    int compile_presence(int left, const ast::operation& operation) {
        Op const op = node(left).op;
        if (op != Op::field && op != Op::derived && op != Op::dated) {
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

    static std::vector<std::string> vocabulary_of(const schema::Field& f) {
        std::vector<std::string> words;
        std::string_view v = f.vocabulary;
        while (!v.empty()) {
            size_t const space = v.find(' ');
            words.emplace_back(v.substr(0, space));
            v = space == std::string_view::npos ? "" : v.substr(space + 1);
        }
        return words;
    }

    /// `scheme = cluster`: a word of the field's vocabulary wins over a field of that name.
    bool is_vocabulary_word(int left, const ast::operation& operation) {
        if (left < 0 || (operation.op != "=" && operation.op != "!=")) return false;
        const schema::Field* f = node(left).field;
        const ast::path* path = single_path(operation.right);
        if (!f || f->vocabulary.empty() || !path || path->names.size() != 1) return false;
        auto const words = vocabulary_of(*f);
        return std::find(words.begin(), words.end(), path->names.front()) != words.end();
    }

    /// A bare word beside a word field is one of its values (`kind = collective`).
    int symbol_for(const BareWord& bare, int other) {
        if (type_of(other) != Type::symbol && type_of(other) != Type::text) {
            unknown_word(bare);
            return -1;
        }
        const schema::Field* f = node(other).field;
        if (f && !f->vocabulary.empty()) {
            auto const words = vocabulary_of(*f);
            if (std::find(words.begin(), words.end(), bare.name) == words.end()) {
                std::string all;
                for (const auto& w : words) all += (all.empty() ? "" : ", ") + w;
                error(bare.offset, "'" + bare.name + "' is not a value of " + node(other).label +
                                       " (" + all + ")" + suggestion(bare.name, words));
                return -1;
            }
        }
        return text_constant(bare.name, Type::symbol);
    }

    /// A written number as `target`: 1200.00 as an amount is 120000 cents.
    std::optional<Value> converted(Value v, Type target, size_t offset) {
        int wanted = 0;
        switch (target) {
            case Type::money: wanted = 2; break;
            case Type::share: wanted = 6; break;
            case Type::decimal: wanted = 4; break;
            case Type::number: wanted = 0; break;
            default: return std::nullopt;
        }
        int const scale = v.type == Type::decimal ? v.scale : 0;
        if (scale > wanted) {
            error(offset, std::string("this number has more decimals than ") +
                              schema::type_name(target) + " allows");
            return std::nullopt;
        }
        for (int i = scale; i < wanted; ++i) {
            if (__builtin_mul_overflow(v.integer, 10, &v.integer)) {
                error(offset, std::string("this number is too large for ") +
                                  schema::type_name(target));
                return std::nullopt;
            }
        }
        if (target == Type::share && v.integer > Share::one) {
            error(offset, "a share is between 0 and 1");
            return std::nullopt;
        }
        v.type = target;
        v.scale = target == Type::decimal ? 4 : 0;
        return v;
    }

    /// Turns a number written in the rules (a literal or a parameter, dated or not) into
    /// the other side's kind of value.
    bool coerce(int& literal, Type target, size_t offset) {
        Node const n = node(literal);
        if ((n.op != Op::constant && n.op != Op::dated) ||
            (n.type != Type::number && n.type != Type::decimal)) {
            return false;
        }
        if (n.op == Op::dated) {
            DatedParameter dated = p_.dated[static_cast<size_t>(n.level)];
            for (auto& [from, value] : dated.values) {
                auto v = converted(value, target, offset);
                if (!v) return false;
                value = *v;
            }
            p_.dated.push_back(std::move(dated));
            Node copy = n;
            copy.type = target;
            copy.level = static_cast<int>(p_.dated.size()) - 1;
            literal = add(std::move(copy));
            return true;
        }
        auto v = converted(n.value, target, offset);
        if (!v) return false;
        literal = constant(*v, n.label);
        node(literal).explain = n.explain;
        return true;
    }

    /// The kind of `left op right` for + - * /, or nullopt when they do not combine.
    static std::optional<Type> arithmetic_result(const std::string& op, Type l, Type r) {
        if (op == "+" || op == "-") {
            if (l == Type::date && r == Type::days) return Type::date;
            if (op == "+" && l == Type::days && r == Type::date) return Type::date;
            if (op == "-" && l == Type::date && r == Type::date) return Type::days;
            if (l == r && (l == Type::money || l == Type::number || l == Type::decimal ||
                           l == Type::days)) {
                return l;
            }
            return std::nullopt;
        }
        if (op == "*") {
            if (l == Type::number && r == Type::number) return Type::number;
            if (l == Type::money && (r == Type::number || r == Type::share || r == Type::decimal)) {
                return Type::money;
            }
            if (r == Type::money && (l == Type::number || l == Type::share || l == Type::decimal)) {
                return Type::money;
            }
            if ((l == Type::decimal || l == Type::number) &&
                (r == Type::decimal || r == Type::number)) {
                return Type::decimal;
            }
            return std::nullopt;
        }
        // division
        if (l == Type::money && r == Type::number) return Type::money;
        if (l == Type::money && r == Type::money) return Type::decimal;
        if ((l == Type::number || l == Type::decimal) && (r == Type::number || r == Type::decimal)) {
            return Type::decimal;
        }
        return std::nullopt;
    }

    int compile_arithmetic(int left, int right, const ast::operation& operation) {
        const std::string& op = operation.op;
        Type lt = type_of(left), rt = type_of(right);
        // A written number takes the kind of the other side where the sum needs it.
        bool const additive = op == "+" || op == "-";
        if (additive && lt != rt) {
            if (!coerce(right, lt, operation.offset)) coerce(left, rt, operation.offset);
        } else if (!additive) {
            if (lt == Type::decimal && node(left).op == Op::constant) coerce(left, Type::decimal, operation.offset);
            if (rt == Type::decimal && node(right).op == Op::constant) coerce(right, Type::decimal, operation.offset);
        }
        lt = type_of(left);
        rt = type_of(right);
        auto const result = arithmetic_result(op, lt, rt);
        if (!result) {
            std::string hint;
            if ((lt == Type::date || rt == Type::date) && (lt == Type::number || rt == Type::number)) {
                hint = " (write a number of days: + 30 days)";
            }
            error(operation.offset, "cannot compute " + std::string(schema::type_name(lt)) + " " +
                                        op + " " + schema::type_name(rt) + hint);
            return -1;
        }
        Node n;
        n.op = op == "+" ? Op::add : op == "-" ? Op::sub : op == "*" ? Op::mul : Op::div;
        n.type = *result;
        n.left = left;
        n.right = right;
        if (op == "/") n.label = division_by_zero;
        return add(std::move(n));
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
        if (op == "+" || op == "-" || op == "*" || op == "/") {
            return compile_arithmetic(left, right, operation);
        }

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
            if (rt != Type::set) {
                error(at, "'" + op + "' needs a set on its right, like {a, b} or a set parameter");
                return -1;
            }
            if (lt != Type::text && lt != Type::symbol) {
                error(at, "'" + op + "' needs a text or a word on its left, not " +
                              schema::type_name(lt));
                return -1;
            }
            n.op = op == "in"             ? Op::in_set
                   : op == "not in"       ? Op::not_in_set
                   : op == "mentions any" ? Op::mentions_any
                                          : Op::mentions_all;
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
        }
        static const std::map<std::string, Op> comparisons = {
            {"=", Op::eq}, {"!=", Op::ne}, {"<", Op::lt}, {"<=", Op::le}, {">", Op::gt}, {">=", Op::ge}};
        n.op = comparisons.at(op);
        if (n.op != Op::eq && n.op != Op::ne && !is_ordered(lt) && lt != Type::days) {
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

RulesetInfo header_info(const MergedRules& rules, const std::string& file) {
    const ast::header& h = rules.sources.back().ast.head;
    RulesetInfo info;
    info.name = h.name;
    info.version = h.version;
    info.title = h.title.value_or("");
    for (const auto& placed : rules.legal_sources) {
        const ast::source& legal = *placed.node;
        std::string text = legal.title;
        if (legal.dated) {
            if (auto day = make_date(legal.dated->year, legal.dated->month, legal.dated->day)) {
                text += " (" + format_date(*day) + ")";
            }
        }
        if (legal.secondary) text += " [secondary source]";
        info.sources.push_back(std::move(text));
    }
    info.file = file;
    // The whole chain decides, so the hash covers every file of it, base first.
    std::string all;
    for (const auto& source : rules.sources) all += source.text;
    info.sha256 = sha256_hex(all);
    std::string canonical;
    for (const auto& source : rules.sources) {
        // A source that compiled parses, so it formats; its bytes stand in otherwise.
        canonical += format_rules(source.text, source.path).text.value_or(source.text);
    }
    info.canonical_sha256 = sha256_hex(canonical);
    return info;
}

}  // namespace

CompiledRuleset compile_ruleset_text(std::string_view text, const std::string& file) {
    CompiledRuleset out;
    MergedRules rules = merge_rules(text, file, out.diagnostics);
    if (rules.sources.empty()) return out;
    out.info = header_info(rules, file);
    const RuleSource& leaf = rules.sources.back();
    const ast::header& h = leaf.ast.head;
    auto const from = make_date(h.applies_from.year, h.applies_from.month, h.applies_from.day);
    auto const to = make_date(h.applies_to.year, h.applies_to.month, h.applies_to.day);
    if (!from || !to || *to < *from) {
        out.diagnostics.push_back(diagnostic_at(
            leaf, h.applies_from.offset,
            !from || !to ? "'applies' names a day that is not in the calendar"
                         : "'applies' ends before it starts"));
    } else {
        out.info.applies_from = *from;
        out.info.applies_to = *to;
    }
    auto program = std::make_shared<Program>();
    Compiler(rules, *program, out.diagnostics, out.lint).compile();
    lint_classification(rules, out.lint);
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
    sort_by_position(out.lint);
    bool const failed = std::any_of(out.diagnostics.begin(), out.diagnostics.end(), [](auto& d) {
        return d.level == Diagnostic::Level::error;
    });
    if (!failed) out.program = std::move(program);
    return out;
}

CompiledRuleset compile_ruleset_file(const std::string& path) {
    std::string reason;
    auto text = read_whole_file(path, reason, rule_limits::max_file_bytes);
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
