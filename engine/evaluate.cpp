// Runs a compiled Program over one convention: classifies the actions, runs every check
// on every subject, explains what fired, and totals the expenses.
#include <algorithm>
#include <set>

#include "engine/program.hpp"
#include "engine/ruleset.hpp"
#include "engine/text_match.hpp"

namespace activ {

using schema::RecordKind;
using schema::Type;
using schema::Value;

namespace {

constexpr int max_scopes = 16;

class Evaluator {
public:
    Evaluator(const Program& program, const Convention& convention) : p_(program) {
        context_.convention = &convention;
        context_.activation.assign(convention.actions.size(), "unclassified");
        for (const auto& a : convention.actions) {
            context_.action_text.push_back(a.title + " " + a.description);
        }
        scopes_[0] = &convention;
    }

    schema::EvalContext& context() { return context_; }
    void set_scope(int level, const void* record) { scopes_[level] = record; }

    Value eval(int index) {
        Value v = eval_node(p_.nodes[static_cast<size_t>(index)]);
        const Node& n = p_.nodes[static_cast<size_t>(index)];
        // A present record says nothing a clerk can read; its fields are recorded instead.
        if (recording_ && aggregate_depth_ == 0 && n.explain &&
            (v.missing || (v.type != Type::record && v.type != Type::list))) {
            record(n.label, v);
        }
        return v;
    }

    /// Evaluates with every explained value recorded into `explanation`.
    Value eval_explained(int index, Explanation& explanation) {
        recording_ = &explanation;
        Value v = eval(index);
        recording_ = nullptr;
        return v;
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
    int aggregate_depth_ = 0;

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
            case Op::scope: {
                Value v;
                v.type = Type::record;
                v.record = scopes_[n.level];
                v.record_kind = n.value.record_kind;
                return v;
            }
            case Op::field: {
                Value holder = eval_node(p_.nodes[static_cast<size_t>(n.left)]);
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
                Value r = eval(n.right);
                if (l.missing) return missing_bool(l);
                if (r.missing) return missing_bool(r);
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
                l.integer = n.op == Op::add ? l.integer + r.integer : l.integer - r.integer;
                return l;
            }
            case Op::neg: {
                Value v = eval(n.left);
                if (!v.missing) v.integer = -v.integer;
                return v;
            }
            case Op::count:
            case Op::any:
            case Op::all: return eval_aggregate(n);
        }
        return {};
    }

    Value eval_aggregate(const Node& n) {
        Value list = eval_node(p_.nodes[static_cast<size_t>(n.left)]);
        if (list.missing) {
            Value v = schema::missing_value(n.type);
            v.missing_path = list.missing_path;
            return v;
        }
        ++aggregate_depth_;
        int64_t matches = 0, failures = 0;
        Value missing;
        for (uint32_t i = 0; i < list.list.size; ++i) {
            if (n.right < 0) {
                ++matches;
                continue;
            }
            scopes_[n.level] = list.list.at(i);
            Value c = eval(n.right);
            if (c.missing) {
                if (!missing.missing) missing = c;
            } else if (c.boolean) {
                ++matches;
            } else {
                ++failures;
            }
        }
        --aggregate_depth_;
        // A decided element settles any() and all() even when another is missing.
        if (n.op == Op::any && matches > 0) return schema::bool_value(true);
        if (n.op == Op::all && failures > 0) return schema::bool_value(false);
        if (missing.missing) {
            Value v = schema::missing_value(n.type);
            v.missing_path = missing.missing_path;
            return v;
        }
        if (n.op == Op::count) return schema::number_value(matches);
        return schema::bool_value(n.op == Op::all);
    }
};

std::string missing_name(const Value& v) {
    return v.missing_path ? *v.missing_path : std::string("a field");
}

SubjectKind subject_kind_of(RecordKind kind) {
    switch (kind) {
        case RecordKind::action: return SubjectKind::action;
        case RecordKind::expense: return SubjectKind::expense;
        case RecordKind::beneficiary: return SubjectKind::beneficiary;
        case RecordKind::objective: return SubjectKind::objective;
        default: return SubjectKind::convention;
    }
}

/// The subjects a check runs on, with their ids, in declaration order.
std::vector<std::pair<const void*, const std::string*>> subjects_of(RecordKind kind,
                                                                    const Convention& c) {
    std::vector<std::pair<const void*, const std::string*>> out;
    auto add_all = [&](const auto& items) {
        for (const auto& item : items) out.emplace_back(&item, &item.id);
    };
    switch (kind) {
        case RecordKind::convention: out.emplace_back(&c, &c.id); break;
        case RecordKind::action: add_all(c.actions); break;
        case RecordKind::expense: add_all(c.expenses); break;
        case RecordKind::beneficiary: add_all(c.beneficiaries); break;
        case RecordKind::objective:
            if (c.evaluation) add_all(c.evaluation->objectives);
            break;
        default: break;
    }
    return out;
}

Decision classify(Evaluator& ev, const CompiledClassification& rules, const Action& action,
                  std::vector<Finding>& findings) {
    Decision d;
    d.subject_id = action.id;
    ev.set_scope(1, &action);
    auto undetermined = [&](const CompiledBranch& b, const Value& cause) {
        d.outcome = "unclassified";
        d.rule = b.id;
        d.reason = "cannot decide: " + missing_name(cause) + " is missing";
        d.cite = b.cite;
        d.explanation = {{missing_name(cause), "(missing)"}};
        Finding f;
        f.rule = b.id;
        f.severity = Severity::warning;
        f.subject_kind = SubjectKind::action;
        f.subject_id = action.id;
        f.message = "Action " + action.id + ": " + missing_name(cause) +
                    " is missing, so rule " + b.id + " cannot decide its activation class";
        f.cite = b.cite;
        f.explanation = d.explanation;
        findings.push_back(std::move(f));
        return d;
    };
    for (const auto& b : rules.branches) {
        Explanation explanation;
        Value when = ev.eval_explained(b.condition, explanation);
        if (when.missing) return undetermined(b, when);
        if (!when.boolean) continue;
        bool excepted = false;
        for (const auto& x : b.exceptions) {
            Value unless = ev.eval_explained(x.condition, explanation);
            if (unless.missing) return undetermined(b, unless);
            if (!unless.boolean) continue;
            if (!x.then_outcome) {
                excepted = true;
                break;
            }
            d.outcome = *x.then_outcome;
            d.rule = b.id;
            d.reason = x.because;
            d.cite = b.cite;
            d.explanation = std::move(explanation);
            return d;
        }
        if (excepted) continue;
        d.outcome = b.outcome;
        d.rule = b.id;
        d.reason = b.because;
        d.cite = b.cite;
        d.explanation = std::move(explanation);
        return d;
    }
    d.outcome = rules.otherwise_outcome;
    d.rule = rules.otherwise_id;
    d.reason = rules.otherwise_because;
    return d;
}

Totals total(const Convention& c, const std::vector<Finding>& findings) {
    std::set<std::string> refused;
    for (const auto& f : findings) {
        if (f.severity == Severity::error && f.subject_kind == SubjectKind::expense) {
            refused.insert(f.subject_id);
        }
    }
    Totals t;
    t.subsidy = c.subsidy;
    for (const auto& e : c.expenses) {
        Money const charge = charge_of(e.amount, e.share);
        t.declared.cents += charge.cents;
        if (!refused.count(e.id)) t.eligible.cents += charge.cents;
    }
    t.ineligible.cents = t.declared.cents - t.eligible.cents;
    t.eligible_capped = std::min(t.eligible, c.subsidy);
    if (c.advance_paid) {
        t.advance_paid = c.advance_paid;
        int64_t const balance = t.eligible_capped.cents - c.advance_paid->cents;
        if (balance >= 0) {
            t.balance_due = Money{balance};
        } else {
            t.to_recover = Money{-balance};
        }
    }
    return t;
}

}  // namespace

Result evaluate(const Program& program, const RulesetInfo& info, const Convention& c) {
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
            r.actions.push_back(
                classify(ev, *program.action_classification, c.actions[i], classification_findings));
        } else {
            r.actions.push_back({c.actions[i].id, "unclassified", "", "the ruleset classifies no action", "", {}});
        }
        ev.context().activation[i] = r.actions.back().outcome;
    }
    for (const auto& b : c.beneficiaries) {
        r.beneficiaries.push_back(
            {b.id, "undetermined", "", "the ruleset decides no trajectory eligibility", "", {}});
    }
    r.findings = std::move(classification_findings);

    for (const auto& check : program.checks) {
        for (const auto& [subject, id] : subjects_of(check.subject, c)) {
            if (check.subject != RecordKind::convention) ev.set_scope(1, subject);
            Explanation explanation;
            Value fired = ev.eval_explained(check.condition, explanation);
            if (!fired.missing && !fired.boolean) continue;
            Finding f;
            f.rule = check.id;
            f.subject_kind = subject_kind_of(check.subject);
            f.subject_id = *id;
            f.cite = check.cite;
            if (fired.missing) {
                f.severity = Severity::warning;
                f.message = missing_name(fired) + " is missing: rule " + check.id +
                            " cannot be decided for " + to_string(f.subject_kind) + " " + *id;
                f.explanation = {{missing_name(fired), "(missing)"}};
            } else {
                f.severity = check.severity;
                f.message = check.messages.empty() ? check.id : ev.fill(check.messages.front().parts);
                f.explanation = std::move(explanation);
            }
            r.findings.push_back(std::move(f));
        }
    }
    r.totals = total(c, r.findings);
    return r;
}

}  // namespace activ
