// Runs a compiled Program over one convention: classifies the actions, runs every check
// on every subject, explains what fired, and totals the expenses.
#include <algorithm>
#include <limits>

#include "engine/messages.hpp"
#include "engine/program.hpp"
#include "engine/ruleset.hpp"
#include "engine/text_match.hpp"
#include "engine/trace.hpp"

namespace activ {

using schema::RecordKind;
using schema::Type;
using schema::Value;

namespace {

constexpr int max_scopes = 16;
constexpr int64_t decimal_unit = 10'000;  // runtime ratios keep 4 decimals

/// numerator / denominator, rounded half away from zero (half-up for positive values).
/// The denominator fits 64 bits, so that twice the remainder cannot overflow.
__int128 rounded_division(__int128 numerator, __int128 denominator) {
    bool const negative = (numerator < 0) != (denominator < 0);
    if (numerator < 0) numerator = -numerator;
    if (denominator < 0) denominator = -denominator;
    __int128 q = numerator / denominator;
    if (2 * (numerator % denominator) >= denominator) ++q;
    return negative ? -q : q;
}

/// `wide` as a value's 64-bit integer; false when it does not fit.
bool narrow(__int128 wide, int64_t& out) {
    if (wide > std::numeric_limits<int64_t>::max() || wide < std::numeric_limits<int64_t>::min()) {
        return false;
    }
    out = static_cast<int64_t>(wide);
    return true;
}

/// Saturday or Sunday; 1970-01-01 was a Thursday.
bool is_weekend(int64_t day) {
    int64_t const weekday = ((day + 4) % 7 + 7) % 7;  // 0 = Sunday
    return weekday == 0 || weekday == 6;
}

bool is_working_day(int64_t day, const schema::TextSet& holidays) {
    return !is_weekend(day) &&
           !std::binary_search(holidays.days.begin(), holidays.days.end(), static_cast<int32_t>(day));
}

/// `count` working days after `day`. The count can come from the convention, so the
/// calendar is crossed a week at a time (any seven days hold five weekdays), each holiday
/// on a weekday in a crossed week adding one day to go; only the last days are walked.
int64_t add_working_days(int64_t day, int64_t count, const schema::TextSet& holidays) {
    // A billion working days end past any calendar (int32 days); beyond, 7 * weeks would
    // overflow.
    count = std::min<int64_t>(count, 1'000'000'000);
    auto next_holiday =
        std::upper_bound(holidays.days.begin(), holidays.days.end(), static_cast<int32_t>(day));
    while (count > 5) {
        int64_t const weeks = (count - 1) / 5;  // leaves 1 to 5 days to go
        int64_t const end = day + 7 * weeks;
        count -= 5 * weeks;
        for (; next_holiday != holidays.days.end() && *next_holiday <= end; ++next_holiday) {
            bool const repeated =
                next_holiday != holidays.days.begin() && *(next_holiday - 1) == *next_holiday;
            if (!is_weekend(*next_holiday) && !repeated) ++count;
        }
        day = end;
    }
    while (count > 0) {
        ++day;
        if (is_working_day(day, holidays)) --count;
    }
    return day;
}

class Evaluator {
public:
    Evaluator(const Program& program, const Convention& convention) : p_(program) {
        context_.convention = &convention;
        context_.reference_day = convention.period.start;
        context_.refused.assign(convention.expenses.size(), false);
        context_.activation.assign(convention.actions.size(), "unclassified");
        context_.eligibility.assign(convention.beneficiaries.size(), "undetermined");
        for (const auto& a : convention.actions) {
            context_.action_text.push_back(a.title + " " + a.description);
        }
        scopes_[0] = &convention;
    }

    schema::EvalContext& context() { return context_; }

    /// From now on, definitions on the convention are evaluated once. Called when what
    /// they may read is settled: after the classifications, and again (forgetting what
    /// was remembered) once the checks have refused their expenses.
    void remember_convention_definitions() {
        remembered_.clear();
        remembering_ = true;
    }
    void set_scope(int level, const void* record) { scopes_[level] = record; }

    Value eval(int index) {
        const Node& n = p_.nodes[static_cast<size_t>(index)];
        Value v = eval_node(n);
        // One predictable branch when nobody watches: checks run with it off.
        if (__builtin_expect(observed_, 0)) observe(index, n, v);
        return v;
    }

    /// The value of node `index`, read directly when it is a constant that no
    /// explanation is waiting for: most comparisons are with a word or a parameter.
    Value operand(int index) {
        const Node& n = p_.nodes[static_cast<size_t>(index)];
        if (n.op == Op::constant && !recording_) return n.value;
        return eval(index);
    }

    /// Evaluates with every explained value recorded into `explanation`.
    Value eval_explained(int index, Explanation& explanation) {
        recording_ = &explanation;
        observed_ = true;
        Value v = eval(index);
        recording_ = nullptr;
        observed_ = tracing_ != nullptr;
        return v;
    }

    /// From now on, until called with null, the value of every node evaluated outside an
    /// aggregate's items goes into `values`, definitions' bodies included. Definitions on
    /// the convention are then evaluated afresh, so that their bodies are traced too.
    void trace_into(NodeValues* values) {
        if (values && !tracing_) {
            remembering_while_tracing_ = remembering_;
            remembering_ = false;
        } else if (!values && tracing_) {
            remembering_ = remembering_while_tracing_;
        }
        tracing_ = values;
        observed_ = recording_ != nullptr || tracing_ != nullptr;
    }

    std::string fill(const std::vector<TemplatePart>& parts) {
        std::string out;
        for (const auto& part : parts) {
            out += part.node < 0 ? part.text : schema::format_value(eval(part.node));
        }
        return out;
    }

private:
    const Program& p_;
    schema::EvalContext context_;
    const void* scopes_[max_scopes] = {};
    Explanation* recording_ = nullptr;
    NodeValues* tracing_ = nullptr;
    bool observed_ = false;  // recording_ or tracing_: eval tests one flag
    int aggregate_depth_ = 0;   // inside an aggregate's items
    int definition_depth_ = 0;  // inside a definition's body
    bool remembering_ = false;
    bool remembering_while_tracing_ = false;
    std::vector<std::pair<int, Value>> remembered_;  // definition body, its value
    // What the last aggregate evaluated counted, for a trace: set at the end of each one,
    // read right after by eval. A store per aggregate, not per item.
    struct Counted {
        int64_t matched = -1;
        int64_t items = -1;
    } counted_;

    [[gnu::cold, gnu::noinline]] void observe(int index, const Node& n, const Value& v) {
        // A present record says nothing a clerk can read; its fields are recorded instead.
        if (recording_ && aggregate_depth_ == 0 && definition_depth_ == 0 && n.explain &&
            (v.missing || (v.type != Type::record && v.type != Type::list))) {
            record(n.label, v);
        }
        if (tracing_ && aggregate_depth_ == 0) trace(index, n, v);
    }

    void trace(int index, const Node& n, const Value& v) {
        // The first value stays: within one subject a node reads the same data each time.
        auto [it, added] = tracing_->try_emplace(index);
        if (!added) return;
        TracedValue& out = it->second;
        out.missing = v.missing;
        if (v.missing && v.missing_path) out.missing_path = *v.missing_path;
        out.text = traced_text(v);
        bool const aggregate = n.op == Op::count || n.op == Op::any || n.op == Op::all ||
                               n.op == Op::sum || n.op == Op::min || n.op == Op::max;
        if (aggregate) {
            out.matched = counted_.matched;
            out.items = counted_.items;
        }
    }

    /// A record by its kind and id ("action L1"), so that a clerk can find it; one without
    /// an id (a PIIS, a period) only is there.
    std::string traced_text(const Value& v) {
        if (v.missing || (v.type != Type::record && v.type != Type::list)) {
            return schema::format_value(v);
        }
        if (v.type == Type::list) return std::to_string(v.list.size) + " items";
        const schema::Field* id = schema::find_field(v.record_kind, "id");
        if (!id) return "(present)";
        std::string text = schema::record_name(v.record_kind);
        text += ' ';
        text += schema::format_value(id->get(v.record, context_));
        return text;
    }

    void record(const std::string& label, const Value& v) {
        for (const auto& [l, _] : *recording_) {
            if (l == label) return;
        }
        recording_->emplace_back(label, schema::format_value(v));
    }

    static Value missing_bool(const Value& cause) {
        Value v = schema::missing_value(Type::boolean);
        v.missing_path = cause.missing_path;
        return v;
    }

    static int compare(const Value& a, const Value& b) {
        if (a.type == Type::text || a.type == Type::symbol) return a.text.compare(b.text);
        if (a.type == Type::boolean) return static_cast<int>(a.boolean) - static_cast<int>(b.boolean);
        return a.integer < b.integer ? -1 : a.integer > b.integer ? 1 : 0;
    }

    Value eval_node(const Node& n) {
        switch (n.op) {
            case Op::constant: return n.value;
            case Op::dated: {
                const DatedParameter& dated = p_.dated[static_cast<size_t>(n.level)];
                const Value* in_force = nullptr;
                for (const auto& [from, value] : dated.values) {
                    if (from <= context_.reference_day) in_force = &value;
                }
                if (in_force) return *in_force;
                Value v = schema::missing_value(n.type);
                v.missing_path = &n.label;
                return v;
            }
            case Op::derived: {
                Value holder = eval_node(p_.nodes[static_cast<size_t>(n.left)]);
                if (holder.missing) {
                    Value v = schema::missing_value(n.type);
                    v.missing_path = holder.missing_path;
                    return v;
                }
                // A definition on the convention reads the same data every time within
                // a phase: `eligible_total` is summed once however many rules use it.
                bool const convention_wide = remembering_ && holder.record == context_.convention;
                if (convention_wide) {
                    for (const auto& [body, value] : remembered_) {
                        if (body == n.right) return value;
                    }
                }
                // The definition was compiled for its own subject: give it the scopes it
                // expects, and hide its inner reads from the explanation.
                const void* saved[max_scopes];
                std::copy(std::begin(scopes_), std::end(scopes_), saved);
                scopes_[n.level] = holder.record;
                ++definition_depth_;
                Value v = eval(n.right);
                --definition_depth_;
                std::copy(std::begin(saved), std::end(saved), scopes_);
                if (convention_wide) remembered_.emplace_back(n.right, v);
                return v;
            }
            case Op::either: {
                Value first = eval(n.left);
                return first.missing ? eval(n.right) : first;
            }
            case Op::year_of: {
                Value v = eval(n.left);
                if (v.missing) return v;
                return schema::number_value(year_of(Date{static_cast<int32_t>(v.integer)}));
            }
            case Op::next_working_day:
            case Op::add_working_days: return eval_working_day(n);
            case Op::mul:
            case Op::div: return eval_product(n);
            case Op::scope: {
                Value v;
                v.type = Type::record;
                v.record = scopes_[n.level];
                v.record_kind = n.value.record_kind;
                return v;
            }
            case Op::field: {
                // Most reads are of the subject or the convention: no detour through
                // the scope's node.
                const Node& h = p_.nodes[static_cast<size_t>(n.left)];
                if (h.op == Op::scope) {
                    Value v = n.field->get(scopes_[h.level], context_);
                    if (v.missing) v.missing_path = &n.label;
                    return v;
                }
                Value holder = eval_node(h);
                if (holder.missing) {
                    Value v = schema::missing_value(n.type);
                    v.missing_path = holder.missing_path;
                    v.record_kind = n.value.record_kind;
                    return v;
                }
                Value v = n.field->get(holder.record, context_);
                if (v.missing) v.missing_path = &n.label;
                return v;
            }
            case Op::is_missing:
            case Op::is_present: {
                bool const missing = eval(n.left).missing;
                return schema::bool_value(n.op == Op::is_missing ? missing : !missing);
            }
            case Op::not_: {
                Value v = eval(n.left);
                if (!v.missing) v.boolean = !v.boolean;
                return v;
            }
            case Op::and_:
            case Op::or_: {
                // Three-valued: a decided side wins over a missing one.
                bool const decisive = n.op == Op::or_;
                Value l = eval(n.left);
                if (!l.missing && l.boolean == decisive) return l;
                Value r = eval(n.right);
                if (!r.missing && r.boolean == decisive) return r;
                if (l.missing) return l;
                return r;
            }
            case Op::eq: case Op::ne: case Op::lt: case Op::le: case Op::gt: case Op::ge: {
                Value l = eval(n.left);
                Value r = operand(n.right);
                if (l.missing) return missing_bool(l);
                if (r.missing) return missing_bool(r);
                if ((n.op == Op::eq || n.op == Op::ne) &&
                    (l.type == Type::text || l.type == Type::symbol)) {
                    return schema::bool_value((l.text == r.text) == (n.op == Op::eq));
                }
                int const c = compare(l, r);
                bool result = false;
                switch (n.op) {
                    case Op::eq: result = c == 0; break;
                    case Op::ne: result = c != 0; break;
                    case Op::lt: result = c < 0; break;
                    case Op::le: result = c <= 0; break;
                    case Op::gt: result = c > 0; break;
                    default: result = c >= 0; break;
                }
                return schema::bool_value(result);
            }
            case Op::in_set:
            case Op::not_in_set: {
                Value l = eval(n.left);
                if (l.missing) return missing_bool(l);
                const auto& items = p_.nodes[static_cast<size_t>(n.right)].value.set->items;
                bool const found = std::binary_search(items.begin(), items.end(), l.text);
                return schema::bool_value(n.op == Op::in_set ? found : !found);
            }
            case Op::mentions_any:
            case Op::mentions_all: {
                Value l = eval(n.left);
                if (l.missing) return missing_bool(l);
                std::string const folded = fold_text(l.text);
                const auto& needles = p_.nodes[static_cast<size_t>(n.right)].value.set->folded;
                bool const want_all = n.op == Op::mentions_all;
                for (const auto& needle : needles) {
                    if (mentions(folded, needle) != want_all) return schema::bool_value(!want_all);
                }
                return schema::bool_value(want_all);
            }
            case Op::add:
            case Op::sub: {
                Value l = eval(n.left);
                Value r = eval(n.right);
                if (l.missing) return l;
                if (r.missing) return r;
                bool const overflow =
                    n.op == Op::add ? __builtin_add_overflow(l.integer, r.integer, &l.integer)
                                    : __builtin_sub_overflow(l.integer, r.integer, &l.integer);
                if (overflow) return too_large(n.type);
                l.type = n.type;
                return l;
            }
            case Op::neg: {
                Value v = eval(n.left);
                if (v.missing) return v;
                if (__builtin_sub_overflow(int64_t{0}, v.integer, &v.integer)) {
                    return too_large(n.type);
                }
                return v;
            }
            case Op::count:
            case Op::any:
            case Op::all:
            case Op::sum:
            case Op::min:
            case Op::max: return eval_aggregate(n);
        }
        return {};
    }

    Value eval_working_day(const Node& n) {
        Value start = eval(n.left);
        if (start.missing) return start;
        const schema::TextSet& holidays = *p_.nodes[static_cast<size_t>(n.right)].value.set;
        int64_t day = start.integer;
        if (n.op == Op::next_working_day) {
            while (!is_working_day(day, holidays)) ++day;
        } else {
            Value count = eval(n.extra);
            if (count.missing) return count;
            day = add_working_days(day, count.integer, holidays);
        }
        start.integer = day;
        return start;
    }

    /// A value as (integer, decimals): whole numbers 0, ratios 4, amounts 2 are kept apart.
    static int scale_of(Type t) { return t == Type::decimal ? 4 : 0; }

    Value eval_product(const Node& n) {
        Value l = eval(n.left);
        Value r = eval(n.right);
        if (l.missing) return l;
        if (r.missing) return r;
        Value out;
        out.type = n.type;
        Type const lt = l.type, rt = r.type;
        // Every result is worked out in 128 bits (two 64-bit factors always fit), then must
        // fit 64 bits again: a huge amount in a convention or a rule is a missing value
        // that names the overflow, never a wrapped-around number.
        __int128 wide = 0;
        if (n.op == Op::mul) {
            __int128 const product = static_cast<__int128>(l.integer) * r.integer;
            if (lt == Type::money || rt == Type::money) {
                const Value& money = lt == Type::money ? l : r;
                const Value& factor = lt == Type::money ? r : l;
                if (factor.type == Type::share) {
                    wide = charge_of(Money{money.integer}, Share{factor.integer}).cents;
                } else {
                    wide = rounded_division(product,
                                            factor.type == Type::decimal ? decimal_unit : 1);
                }
            } else if (n.type == Type::number) {
                wide = product;
            } else {
                int const scale = scale_of(lt) + scale_of(rt);  // 0, 4 or 8
                if (scale == 8) {
                    wide = rounded_division(product, decimal_unit);
                } else if (scale == 4) {
                    wide = product;
                } else if (!narrow(product, out.integer)) {
                    return too_large(n.type);
                } else {
                    wide = static_cast<__int128>(out.integer) * decimal_unit;
                }
            }
        } else {
            if (r.integer == 0) {
                Value v = schema::missing_value(n.type);
                v.missing_path = &n.label;
                return v;
            }
            if (n.type == Type::money) {  // money / number
                wide = rounded_division(l.integer, r.integer);
            } else {
                // A ratio with 4 decimals: money/money, and numbers or ratios. At most
                // 10^8 times a 64-bit value: within 128 bits.
                int const shift = 4 + scale_of(rt) - scale_of(lt);
                __int128 numerator = l.integer;
                for (int i = 0; i < shift; ++i) numerator *= 10;
                wide = rounded_division(numerator, r.integer);
                out.scale = 4;
            }
        }
        if (!narrow(wide, out.integer)) return too_large(n.type);
        return out;
    }

    Value too_large(Type type) const {
        Value v = schema::missing_value(type);
        v.missing_path = &value_too_large;
        return v;
    }

    Value eval_aggregate(const Node& n) {
        Value list = eval_node(p_.nodes[static_cast<size_t>(n.left)]);
        if (list.missing) {
            counted_ = {};
            Value v = schema::missing_value(n.type);
            v.missing_path = list.missing_path;
            return v;
        }
        ++aggregate_depth_;
        int64_t matches = 0, failures = 0;
        Value missing;
        std::optional<Value> folded;  // sum, min or max of the values so far
        bool overflow = false;        // the sum left 64 bits
        for (uint32_t i = 0; i < list.list.size; ++i) {
            scopes_[n.level] = list.list.at(i);
            if (n.right >= 0) {
                Value c = eval(n.right);
                if (c.missing) {
                    if (!missing.missing) missing = c;
                    continue;
                }
                if (!c.boolean) {
                    ++failures;
                    continue;
                }
            }
            ++matches;
            if (n.extra < 0) continue;
            Value v = eval(n.extra);
            if (v.missing) {
                if (!missing.missing) missing = v;
            } else if (!folded) {
                folded = v;
            } else if (n.op == Op::sum) {
                overflow = overflow || __builtin_add_overflow(folded->integer, v.integer,
                                                              &folded->integer);
            } else if ((n.op == Op::min) == (v.integer < folded->integer) && v.integer != folded->integer) {
                folded = v;
            }
        }
        --aggregate_depth_;
        counted_ = {matches, list.list.size};
        // A decided element settles any() and all() even when another is missing.
        if (n.op == Op::any && matches > 0) return schema::bool_value(true);
        if (n.op == Op::all && failures > 0) return schema::bool_value(false);
        if (missing.missing) {
            Value v = schema::missing_value(n.type);
            v.missing_path = missing.missing_path;
            return v;
        }
        if (overflow) return too_large(n.type);
        switch (n.op) {
            case Op::count: return schema::number_value(matches);
            case Op::any: return schema::bool_value(false);
            case Op::all: return schema::bool_value(true);
            case Op::sum:
                if (folded) return *folded;
                {
                    Value zero = schema::number_value(0);
                    zero.type = n.type;
                    zero.scale = scale_of(n.type);
                    return zero;
                }
            default:
                if (folded) return *folded;
                {
                    Value none = schema::missing_value(n.type);
                    none.missing_path = &n.label;  // min or max of nothing
                    return none;
                }
        }
    }
};

std::string missing_name(const Value& v) {
    return v.missing_path ? *v.missing_path : std::string("a field");
}

SubjectKind subject_kind_of(RecordKind kind) {
    switch (kind) {
        case RecordKind::action: return SubjectKind::action;
        case RecordKind::expense: return SubjectKind::expense;
        case RecordKind::beneficiary:
        case RecordKind::step: return SubjectKind::beneficiary;
        case RecordKind::objective: return SubjectKind::objective;
        default: return SubjectKind::convention;
    }
}

/// Calls `each(record, parent, id, index)` for every subject a check runs on, in
/// declaration order: `index` is its place in its list; a step also brings the
/// beneficiary it belongs to (`parent`), whose id the finding carries.
template <typename Each>
void for_each_subject(RecordKind kind, const Convention& c, Each&& each) {
    auto all = [&](const auto& items) {
        for (size_t i = 0; i < items.size(); ++i) each(&items[i], nullptr, items[i].id, i);
    };
    switch (kind) {
        case RecordKind::convention: each(&c, nullptr, c.id, 0); break;
        case RecordKind::action: all(c.actions); break;
        case RecordKind::expense: all(c.expenses); break;
        case RecordKind::beneficiary: all(c.beneficiaries); break;
        case RecordKind::step:
            for (const auto& b : c.beneficiaries) {
                for (size_t i = 0; i < b.trajectory.size(); ++i) each(&b.trajectory[i], &b, b.id, i);
            }
            break;
        case RecordKind::objective:
            if (c.evaluation) all(c.evaluation->objectives);
            break;
        default: break;
    }
}

/// Runs a classification's branches on one subject (an action or a beneficiary).
Decision classify(Evaluator& ev, const CompiledClassification& rules, const void* subject,
                  const std::string& id, SubjectKind kind, const std::string& language,
                  std::vector<Finding>& findings) {
    Decision d;
    d.subject_id = id;
    ev.set_scope(1, subject);
    auto decide = [&](const CompiledBranch& b, const std::string& outcome,
                      const std::string& reason, Explanation explanation) {
        d.outcome = outcome;
        d.rule = b.id;
        d.reason = reason;
        d.citation = b.citation;
        d.cite = b.cite;
        d.explanation = std::move(explanation);
    };
    auto undetermined = [&](const CompiledBranch& b, const Value& cause) {
        std::string const path = missing_name(cause);
        decide(b, rules.undetermined_outcome, undecided_reason(language, path),
               {{path, "(missing)"}});
        Finding f;
        f.rule = b.id;
        f.severity = Severity::warning;
        f.subject_kind = kind;
        f.subject_id = id;
        f.message = kind == SubjectKind::action
                        ? undecided_action_message(language, id, path, b.id)
                        : missing_field_message(language, path, b.id, to_string(kind), id);
        f.citation = d.citation;
        f.cite = d.cite;
        f.explanation = d.explanation;
        findings.push_back(std::move(f));
    };
    // Explaining formats every value read: only the branch that decides is evaluated
    // again, with its conditions recorded, up to the exception that settled it.
    auto explain = [&](const CompiledBranch& b, size_t exceptions_read) {
        Explanation explanation;
        ev.eval_explained(b.condition, explanation);
        for (size_t i = 0; i < exceptions_read; ++i) {
            ev.eval_explained(b.exceptions[i].condition, explanation);
        }
        return explanation;
    };
    for (const auto& b : rules.branches) {
        Value when = ev.eval(b.condition);
        if (when.missing) {
            undetermined(b, when);
            return d;
        }
        if (!when.boolean) continue;
        bool excepted = false;
        for (size_t i = 0; i < b.exceptions.size(); ++i) {
            const CompiledException& x = b.exceptions[i];
            Value unless = ev.eval(x.condition);
            if (unless.missing) {
                undetermined(b, unless);
                return d;
            }
            if (!unless.boolean) continue;
            if (x.then_outcome) {
                decide(b, *x.then_outcome, x.because, explain(b, i + 1));
                return d;
            }
            excepted = true;
            break;
        }
        if (excepted) continue;
        decide(b, b.outcome, b.because, explain(b, b.exceptions.size()));
        return d;
    }
    d.outcome = rules.otherwise_outcome;
    d.rule = rules.otherwise_id;
    d.reason = rules.otherwise_because;
    return d;
}

/// The message in the asked language, else the rule's first one.
const CompiledMessage* message_in(const CompiledCheck& check, const std::string& language) {
    for (const auto& m : check.messages) {
        if (m.language == language) return &m;
    }
    return check.messages.empty() ? nullptr : &check.messages.front();
}

IndicatorValue indicator_value(const CompiledIndicator& indicator, const Value& v) {
    IndicatorValue out;
    out.name = indicator.name;
    out.label = indicator.label;
    out.unit = indicator.unit;
    out.additive = indicator.additive;
    if (v.missing) return out;
    switch (v.type) {
        case Type::number: out.kind = IndicatorValue::Kind::count; break;
        case Type::money: out.kind = IndicatorValue::Kind::amount; break;
        case Type::days: out.kind = IndicatorValue::Kind::days; break;
        default: out.kind = IndicatorValue::Kind::decimal; break;
    }
    Value plain = v;
    if (v.type == Type::decimal) plain.scale = 4;
    out.value = v.type == Type::days ? std::to_string(v.integer) : schema::format_value(plain);
    return out;
}

/// The totals; nullopt when one of them leaves 64 bits. The loader bounds each amount
/// only by what 64 bits hold, so a few huge ones can add up to more.
std::optional<Totals> total(const Convention& c, const std::vector<bool>& refused) {
    // 128 bits hold the sum of 2^64 64-bit charges: only the results need checking.
    __int128 declared = 0;
    __int128 eligible = 0;
    for (size_t i = 0; i < c.expenses.size(); ++i) {
        Money const charge = charge_of(c.expenses[i].amount, c.expenses[i].share);
        declared += charge.cents;
        if (!refused[i]) eligible += charge.cents;
    }
    Totals t;
    t.subsidy = c.subsidy;
    if (!narrow(declared, t.declared.cents) || !narrow(eligible, t.eligible.cents) ||
        !narrow(declared - eligible, t.ineligible.cents)) {
        return std::nullopt;
    }
    t.eligible_capped = std::min(t.eligible, c.subsidy);
    if (c.advance_paid) {
        t.advance_paid = c.advance_paid;
        __int128 const balance =
            static_cast<__int128>(t.eligible_capped.cents) - c.advance_paid->cents;
        Money& side = balance >= 0 ? t.balance_due.emplace() : t.to_recover.emplace();
        if (!narrow(balance >= 0 ? balance : -balance, side.cents)) return std::nullopt;
    }
    return t;
}

/// Evaluates the convention; with a `trace`, traces every condition on its subject.
Result evaluate_rules(const Program& program, const RulesetInfo& info, const Convention& c,
                      const EvaluationOptions& options, SubjectTrace* trace) {
    const std::string& language = options.language;
    Result r;
    r.file = c.file;
    r.convention_id = c.id;
    r.year = c.year;
    r.cpas_name = c.cpas.name;
    r.cpas_nis = c.cpas.nis;
    r.ruleset = info;
    Evaluator ev(program, c);

    std::vector<Finding> classification_findings;
    for (size_t i = 0; i < c.actions.size(); ++i) {
        if (program.action_classification) {
            bool const traced = trace && trace->subject == &c.actions[i];
            if (traced) ev.trace_into(&trace->classification);
            r.actions.push_back(classify(ev, *program.action_classification, &c.actions[i],
                                         c.actions[i].id, SubjectKind::action, language,
                                         classification_findings));
            if (traced) ev.trace_into(nullptr);
        } else {
            Decision d;
            d.subject_id = c.actions[i].id;
            d.outcome = "unclassified";
            d.reason = no_classification_reason(language);
            r.actions.push_back(std::move(d));
        }
        ev.context().activation[i] = r.actions.back().outcome;
    }
    // Eligibility comes second: it may read the actions' classes.
    for (size_t i = 0; i < c.beneficiaries.size(); ++i) {
        const Beneficiary& b = c.beneficiaries[i];
        if (program.beneficiary_classification) {
            bool const traced = trace && trace->subject == &b;
            if (traced) ev.trace_into(&trace->classification);
            r.beneficiaries.push_back(classify(ev, *program.beneficiary_classification, &b, b.id,
                                               SubjectKind::beneficiary, language,
                                               classification_findings));
            if (traced) ev.trace_into(nullptr);
        } else {
            Decision d;
            d.subject_id = b.id;
            d.outcome = "undetermined";
            d.reason = no_eligibility_reason(language);
            r.beneficiaries.push_back(std::move(d));
        }
        ev.context().eligibility[i] = r.beneficiaries.back().outcome;
    }
    r.findings = std::move(classification_findings);

    ev.remember_convention_definitions();
    // The expenses an error refuses: the totals leave them out, and indicators may read it.
    std::vector<bool> refused(c.expenses.size(), false);
    for (size_t check_index = 0; check_index < program.checks.size(); ++check_index) {
        const CompiledCheck& check = program.checks[check_index];
        for_each_subject(check.subject, c, [&](const void* subject, const void* parent,
                                               const std::string& id, size_t index) {
            if (parent) {
                ev.set_scope(1, parent);
                ev.set_scope(2, subject);
            } else if (check.subject != RecordKind::convention) {
                ev.set_scope(1, subject);
            }
            TracedCheck* traced = nullptr;
            if (__builtin_expect(trace != nullptr, 0) &&
                (subject == trace->subject || parent == trace->subject)) {
                traced = &trace->checks.emplace_back();
                traced->check = check_index;
                traced->step = parent ? static_cast<int>(index) : -1;
                ev.trace_into(&traced->values);
            }
            Value fired = ev.eval(check.condition);
            if (__builtin_expect(traced != nullptr, 0)) {
                ev.trace_into(nullptr);
                if (fired.missing || fired.boolean) traced->finding = r.findings.size();
            }
            if (!fired.missing && !fired.boolean) return;
            Finding f;
            f.rule = check.id;
            f.subject_kind = subject_kind_of(check.subject);
            f.subject_id = id;
            f.citation = check.citation;
            f.cite = check.cite;
            if (fired.missing) {
                f.severity = Severity::warning;
                f.message = missing_field_message(language, missing_name(fired), check.id,
                                                  to_string(f.subject_kind), id);
                f.explanation = {{missing_name(fired), "(missing)"}};
            } else {
                f.severity = check.severity;
                const CompiledMessage* message = message_in(check, language);
                f.message = message ? ev.fill(message->parts) : check.id;
                // Most subjects pass: the values are formatted only for those that do not.
                ev.eval_explained(check.condition, f.explanation);
            }
            if (check.subject == RecordKind::expense) {
                const Expense& e = c.expenses[index];
                f.amount_at_stake = charge_of(e.amount, e.share);
                if (f.severity == Severity::error) refused[index] = true;
            }
            r.findings.push_back(std::move(f));
        });
    }
    if (auto totals = total(c, refused)) {
        r.totals = *totals;
    } else {
        r.totals.subsidy = c.subsidy;
        Finding f;
        f.rule = "convention.totals-too-large";
        f.severity = Severity::error;
        f.subject_kind = SubjectKind::convention;
        f.subject_id = c.id;
        f.message = totals_too_large_message(language, c.id);
        r.findings.push_back(std::move(f));
    }
    ev.context().refused = std::move(refused);
    ev.remember_convention_definitions();
    for (const auto& indicator : program.indicators) {
        Value v = ev.eval(indicator.value);
        r.indicators.push_back(indicator_value(indicator, v));
        // A ratio over nobody is undefined, not a gap in the file: no finding for it.
        if (v.missing && !(v.missing_path && *v.missing_path == division_by_zero)) {
            Finding f;
            f.rule = "indicator." + indicator.name;
            f.severity = Severity::warning;
            f.subject_kind = SubjectKind::convention;
            f.subject_id = c.id;
            f.message = indicator_missing_message(language, indicator.name, missing_name(v));
            f.explanation = {{missing_name(v), "(missing)"}};
            r.findings.push_back(std::move(f));
        }
    }
    return r;
}

}  // namespace

Result evaluate(const Program& program, const RulesetInfo& info, const Convention& c,
                const EvaluationOptions& options) {
    return evaluate_rules(program, info, c, options, nullptr);
}

Result evaluate_traced(const Program& program, const RulesetInfo& info,
                       const Convention& convention, const EvaluationOptions& options,
                       SubjectTrace& trace) {
    return evaluate_rules(program, info, convention, options, &trace);
}

}  // namespace activ
