// Runs rule test files: each test is a convention (whole, or a change merged into the
// file's base convention) and what the rules must decide on it. The convention goes
// through the real loader and the real evaluation, so a test passes only if a CPAS's
// file would be decided that way.
#include "engine/rule_tests.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <tuple>

#include "engine/file_search.hpp"
#include "engine/load_convention.hpp"
#include "engine/program.hpp"
#include "engine/read_file.hpp"
#include "engine/ruleset.hpp"
#include "engine/yaml_document.hpp"
#include "engine/yaml_reader.hpp"

namespace activ {

namespace {

namespace fs = std::filesystem;
using strict_yaml::cat;
using strict_yaml::Mark;
using strict_yaml::NodeRef;
using strict_yaml::YamlReader;

// ------------------------------------------------------------------ merging a change

using Doc = YamlValue;  // the base convention, a change to it, and the two merged

const Doc* id_of(const Doc& item) {
    return item.kind == Doc::Kind::map ? item.find("id") : nullptr;
}

/// Merges `change` into `base`: mappings key by key, lists of items with an `id` item by
/// item (a new id is added; `remove: true` takes the item out), anything else replaced;
/// a null value removes the key.
void merge(Doc& base, const Doc& change) {
    if (base.kind == Doc::Kind::map && change.kind == Doc::Kind::map) {
        for (const auto& entry : change.entries) {
            const std::string& key = entry.key;
            const Doc& value = entry.value;
            Doc* here = base.find(key);
            if (value.kind == Doc::Kind::null) {
                std::erase_if(base.entries, [&](const YamlEntry& e) { return e.key == key; });
            } else if (here) {
                merge(*here, value);
            } else {
                base.entries.push_back(YamlEntry{key, value});
            }
        }
        return;
    }
    bool const by_id = base.kind == Doc::Kind::sequence && change.kind == Doc::Kind::sequence &&
                       !change.items.empty() &&
                       std::all_of(change.items.begin(), change.items.end(),
                                   [](const Doc& item) { return id_of(item) != nullptr; });
    if (!by_id) {
        base = change;
        return;
    }
    for (const Doc& item : change.items) {
        const std::string& id = id_of(item)->text;
        auto same = std::find_if(base.items.begin(), base.items.end(), [&](const Doc& b) {
            const Doc* other = id_of(b);
            return other && other->text == id;
        });
        const Doc* remove = item.find("remove");
        if (remove && remove->text == "true") {
            if (same != base.items.end()) base.items.erase(same);
        } else if (same != base.items.end()) {
            merge(*same, item);
        } else {
            base.items.push_back(item);
        }
    }
}

// ------------------------------------------------------------------ reading a test file

struct FindingPattern {
    std::string rule;
    std::string subject;  // empty: any subject
    std::string text;     // as written, for messages
};

struct Expectations {
    std::optional<std::string> status;
    std::vector<std::pair<std::string, std::string>> actions, beneficiaries;
    std::optional<std::vector<FindingPattern>> findings;  // exactly these
    std::vector<FindingPattern> fires, does_not_fire;
    std::vector<std::pair<std::string, std::string>> totals;
    std::vector<std::pair<std::string, std::optional<std::string>>> indicators;
};

struct RuleTest {
    std::string name;
    Mark mark;
    Doc convention;  // the whole convention document, base and change merged
    Expectations expect;
};

struct TestFile {
    std::string path;
    std::string rules;  // resolved
    std::vector<RuleTest> tests;
};

constexpr std::string_view file_keys_list[] = {"format", "rules", "base", "tests"};
constexpr std::string_view test_keys_list[] = {"name", "convention", "change", "expect"};
constexpr std::string_view expect_keys_list[] = {"status",   "actions",       "beneficiaries",
                                                 "findings", "fires",         "does_not_fire",
                                                 "totals",   "indicators"};
constexpr std::string_view total_keys_list[] = {"declared", "eligible",     "ineligible",
                                                "eligible_capped", "subsidy", "advance_paid",
                                                "balance_due", "to_recover"};

/// Reads one test file's shape, reporting every problem at its line and column.
class TestFileReader {
  public:
    TestFileReader(YamlReader& reader, std::string path) : r_(reader), path_(std::move(path)) {}

    std::optional<TestFile> read(NodeRef root) {
        TestFile file;
        file.path = path_;
        if (!root.is_map()) {
            r_.error(root.mark(), "a rule test file is a mapping with format, rules, base and tests");
            return std::nullopt;
        }
        std::optional<NodeRef> format, rules, base, tests;
        for_each_entry(root, file_keys_list, "a rule test file", [&](std::string_view key, NodeRef v) {
            if (key == "format") format = v;
            if (key == "rules") rules = v;
            if (key == "base") base = v;
            if (key == "tests") tests = v;
        });
        if (!format || format->text() != "rules-test/1")
            r_.error(format ? format->mark() : root.mark(),
                     "a rule test file starts with `format: rules-test/1`");
        if (!rules || !rules->is_scalar()) {
            r_.error(rules ? rules->mark() : root.mark(),
                     "expected `rules:` the rule file these tests are for, relative to this file");
        } else {
            file.rules = beside(std::string(rules->text()));
        }
        std::optional<Doc> base_doc;
        if (base) base_doc = read_base(*base);
        if (!tests || !tests->is_sequence() || tests->child_count() == 0) {
            r_.error(tests ? tests->mark() : root.mark(), "expected `tests:` a list of tests");
            return std::nullopt;
        }
        for (NodeRef t : *tests) {
            if (auto test = read_test(t, base_doc, base.has_value())) file.tests.push_back(std::move(*test));
        }
        if (r_.has_errors()) return std::nullopt;
        return file;
    }

  private:
    std::string beside(const std::string& relative) const {
        return (fs::path(path_).parent_path() / relative).lexically_normal().string();
    }

    template <class Each>
    void for_each_entry(NodeRef map, strict_yaml::Words keys, const char* place, Each each) {
        bool is_key = true;
        std::string_view key;
        for (NodeRef child : map) {
            if (is_key) {
                key = child.text();
                if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
                    std::string message = cat("unknown key '", key, "' in ", place, ": expected one of ",
                                              strict_yaml::join(keys));
                    if (auto near = strict_yaml::closest_match(key, keys))
                        message = cat("unknown key '", key, "' in ", place, " (did you mean '", *near,
                                      "'?)");
                    r_.error(child.mark(), std::move(message));
                    key = {};
                }
            } else if (!key.empty()) {
                each(key, child);
            }
            is_key = !is_key;
        }
    }

    std::optional<Doc> read_base(NodeRef base) {
        if (!base.is_scalar()) {
            r_.error(base.mark(), "expected `base:` a convention file, relative to this file");
            return std::nullopt;
        }
        std::string const path = beside(std::string(base.text()));
        std::string error;
        auto text = read_whole_file(path, error, ConventionLimits{}.max_file_bytes);
        if (!text) {
            r_.error(base.mark(), cat("the base convention ", path, " cannot be read: ", error));
            return std::nullopt;
        }
        // The base must load on its own: a test's failure then comes from its change.
        LoadedConvention const loaded = load_convention_text(*text, path);
        if (!loaded.convention) {
            r_.error(base.mark(), cat("the base convention does not load:\n",
                                      render_all(loaded.diagnostics)));
            return std::nullopt;
        }
        YamlReader reader(*text, path);
        auto tree = strict_yaml::parse_single_document(reader, {32, 10000, 64 * 1024});
        if (!tree) return std::nullopt;
        return yaml_value_of(tree->root());
    }

    std::optional<RuleTest> read_test(NodeRef t, const std::optional<Doc>& base, bool has_base) {
        RuleTest test;
        test.mark = t.mark();
        if (!t.is_map()) {
            r_.error(t.mark(), "a test is a mapping with name, convention or change, and expect");
            return std::nullopt;
        }
        std::optional<NodeRef> name, convention, change, expect;
        for_each_entry(t, test_keys_list, "a test", [&](std::string_view key, NodeRef v) {
            if (key == "name") name = v;
            if (key == "convention") convention = v;
            if (key == "change") change = v;
            if (key == "expect") expect = v;
        });
        if (!name || !name->is_scalar()) {
            r_.error(t.mark(), "a test needs `name:`, which says what it shows");
            return std::nullopt;
        }
        test.name = std::string(name->text());
        if (convention && change) {
            r_.error(change->mark(), "a test has `convention:` (a whole convention) or `change:` "
                                     "(merged into the base), not both");
        } else if (convention) {
            Doc doc;
            doc.kind = Doc::Kind::map;
            doc.entries.push_back(YamlEntry{"format", Doc{Doc::Kind::scalar, "convention/1", false, {}, {}}});
            doc.entries.push_back(YamlEntry{"convention", yaml_value_of(*convention)});
            test.convention = std::move(doc);
        } else if (!has_base) {
            r_.error(t.mark(), cat("test \"", test.name, "\": no `base:` in this file, so the test "
                                   "needs `convention:`, a whole convention"));
        } else if (base) {
            test.convention = *base;
            if (change) {
                if (!change->is_map()) {
                    r_.error(change->mark(), "`change:` is a mapping of convention keys, merged into the base");
                } else if (Doc* c = test.convention.find("convention")) {
                    merge(*c, yaml_value_of(*change));
                }
            }
        }
        if (!expect || !expect->is_map()) {
            r_.error(expect ? expect->mark() : t.mark(),
                     cat("test \"", test.name, "\": expected `expect:` what the rules must decide"));
            return std::nullopt;
        }
        read_expectations(*expect, test.expect);
        return test;
    }

    std::vector<std::pair<std::string, std::string>> scalar_map(NodeRef map, const char* what) {
        std::vector<std::pair<std::string, std::string>> out;
        if (!map.is_map()) {
            r_.error(map.mark(), cat("expected a mapping of ", what));
            return out;
        }
        bool is_key = true;
        std::string key;
        for (NodeRef child : map) {
            if (is_key) {
                key = std::string(child.text());
            } else if (!child.is_scalar()) {
                r_.error(child.mark(), cat("expected one value for '", key, "'"));
            } else {
                out.emplace_back(key, std::string(child.text()));
            }
            is_key = !is_key;
        }
        return out;
    }

    std::vector<FindingPattern> patterns(NodeRef list) {
        std::vector<FindingPattern> out;
        if (!list.is_sequence()) {
            r_.error(list.mark(), "expected a list of `rule` or `rule SUBJECT`");
            return out;
        }
        for (NodeRef item : list) {
            if (!item.is_scalar()) {
                r_.error(item.mark(), "expected `rule` or `rule SUBJECT`, e.g. expense.in-period X5");
                continue;
            }
            std::string const text(item.text());
            FindingPattern p;
            p.text = text;
            auto const space = text.find(' ');
            p.rule = text.substr(0, space);
            if (space != std::string::npos) p.subject = text.substr(text.find_first_not_of(' ', space));
            out.push_back(std::move(p));
        }
        return out;
    }

    void read_expectations(NodeRef expect, Expectations& e) {
        for_each_entry(expect, expect_keys_list, "expect", [&](std::string_view key, NodeRef v) {
            if (key == "status") {
                if (v.text() != "clean" && v.text() != "warning" && v.text() != "error")
                    r_.error(v.mark(), "expected a status: clean, warning or error");
                e.status = std::string(v.text());
            } else if (key == "actions") {
                e.actions = scalar_map(v, "action ids to classes");
            } else if (key == "beneficiaries") {
                e.beneficiaries = scalar_map(v, "beneficiary ids to eligibility");
            } else if (key == "findings") {
                e.findings = patterns(v);
            } else if (key == "fires") {
                e.fires = patterns(v);
            } else if (key == "does_not_fire") {
                e.does_not_fire = patterns(v);
            } else if (key == "totals") {
                e.totals = scalar_map(v, "totals to amounts");
                for (const auto& [name, amount] : e.totals) {
                    if (std::find(std::begin(total_keys_list), std::end(total_keys_list), name) ==
                        std::end(total_keys_list))
                        r_.error(v.mark(), cat("unknown total '", name, "': expected one of ",
                                               strict_yaml::join(total_keys_list)));
                    else if (!parse_money(amount))
                        r_.error(v.mark(), cat("the total '", name, "' is not an amount: ", amount));
                }
            } else if (key == "indicators") {
                if (!v.is_map()) {
                    r_.error(v.mark(), "expected a mapping of indicator names to values (~ when missing)");
                    return;
                }
                bool is_key = true;
                std::string name;
                for (NodeRef child : v) {
                    if (is_key) {
                        name = std::string(child.text());
                    } else {
                        e.indicators.emplace_back(
                            name, child.is_null() ? std::nullopt
                                                  : std::optional<std::string>(std::string(child.text())));
                    }
                    is_key = !is_key;
                }
            }
        });
    }

    YamlReader& r_;
    std::string path_;
};

// ------------------------------------------------------------------ running

/// Where each rule and branch of a ruleset is written, by id.
struct RuleIndex {
    std::map<std::string, std::string> where;  // id -> file:line
    std::vector<std::string> ids;

    explicit RuleIndex(const Program& p) {
        auto add = [&](const std::string& id, const std::string& file, int line) {
            std::string at = file;
            at += ':';
            at += std::to_string(line);
            if (where.emplace(id, at).second) ids.push_back(id);
        };
        for (const auto& c : p.checks) add(c.id, c.file, c.line);
        // An indicator that cannot be computed is a warning under `indicator.NAME`.
        for (const auto& i : p.indicators) add("indicator." + i.name, "indicator", 0);
        for (const auto* k : {&p.action_classification, &p.beneficiary_classification}) {
            if (!*k) continue;
            for (const auto& b : (*k)->branches) add(b.id, b.file, b.line);
        }
    }

    /// "expense.in-period (rules/be/x.rules:143)", or why the id is unknown.
    std::string describe(const std::string& id) const {
        auto it = where.find(id);
        if (it != where.end() && it->second == "indicator:0") return id;
        if (it != where.end()) return cat(id, " (", it->second, ")");
        return cat(id, " (no such rule in these rules)");
    }
};

bool matches(const FindingPattern& p, const Finding& f) {
    return f.rule == p.rule && (p.subject.empty() || f.subject_id == p.subject);
}

std::string finding_text(const Finding& f) {
    return f.subject_id.empty() ? f.rule : cat(f.rule, " ", f.subject_id);
}

std::string list_findings(const Result& r) {
    if (r.findings.empty()) return "none";
    std::string out;
    for (const auto& f : r.findings) {
        if (!out.empty()) out += ", ";
        out += finding_text(f);
    }
    return out;
}

void check_decisions(const std::vector<std::pair<std::string, std::string>>& expected,
                     const std::vector<Decision>& actual, const char* what,
                     const RuleIndex& rules, std::vector<std::string>& problems) {
    for (const auto& expectation : expected) {
        const std::string& id = expectation.first;  // not a structured binding: the lambda reads it
        const std::string& outcome = expectation.second;
        auto it = std::find_if(actual.begin(), actual.end(),
                               [&](const Decision& d) { return d.subject_id == id; });
        if (it == actual.end()) {
            problems.push_back(cat("expected ", what, " ", id, " to be ", outcome, ", but the convention has no ", what, " ", id));
        } else if (it->outcome != outcome) {
            problems.push_back(cat("expected ", what, " ", id, " to be ", outcome, ", got ", it->outcome,
                                   " by ", rules.describe(it->rule), ": ", it->reason));
        }
    }
}

void check_patterns_known(const std::vector<FindingPattern>& patterns, const RuleIndex& rules,
                          std::vector<std::string>& problems) {
    for (const auto& p : patterns) {
        if (rules.where.count(p.rule)) continue;
        std::vector<std::string_view> ids(rules.ids.begin(), rules.ids.end());
        std::string message = cat("no rule '", p.rule, "' in these rules");
        if (auto near = strict_yaml::closest_match(p.rule, ids)) message += cat(" (did you mean '", *near, "'?)");
        problems.push_back(std::move(message));
    }
}

std::vector<std::string> compare(const Expectations& e, const Result& r, const RuleIndex& rules) {
    std::vector<std::string> problems;
    for (const auto* list : {&e.fires, &e.does_not_fire}) check_patterns_known(*list, rules, problems);
    if (e.findings) check_patterns_known(*e.findings, rules, problems);
    if (!problems.empty()) return problems;

    if (e.status && *e.status != result_status(r))
        problems.push_back(cat("expected status ", *e.status, ", got ", result_status(r),
                               " (findings: ", list_findings(r), ")"));
    check_decisions(e.actions, r.actions, "action", rules, problems);
    check_decisions(e.beneficiaries, r.beneficiaries, "beneficiary", rules, problems);
    for (const auto& p : e.fires) {
        if (std::none_of(r.findings.begin(), r.findings.end(), [&](const Finding& f) { return matches(p, f); }))
            problems.push_back(cat("expected ", rules.describe(p.rule), " to fire",
                                   p.subject.empty() ? std::string() : cat(" on ", p.subject),
                                   "; findings: ", list_findings(r)));
    }
    for (const auto& p : e.does_not_fire) {
        for (const auto& f : r.findings) {
            if (matches(p, f))
                problems.push_back(cat("expected ", rules.describe(p.rule), " not to fire",
                                       p.subject.empty() ? std::string() : cat(" on ", p.subject),
                                       ", but it did on ", f.subject_id, ": ", f.message));
        }
    }
    if (e.findings) {
        std::vector<bool> used(r.findings.size(), false);
        for (const auto& p : *e.findings) {
            bool found = false;
            for (size_t i = 0; i < r.findings.size() && !found; ++i) {
                if (!used[i] && matches(p, r.findings[i])) used[i] = found = true;
            }
            if (!found)
                problems.push_back(cat("expected the finding ", p.text, " from ", rules.describe(p.rule),
                                       "; findings: ", list_findings(r)));
        }
        for (size_t i = 0; i < r.findings.size(); ++i) {
            if (!used[i])
                problems.push_back(cat("unexpected finding ", finding_text(r.findings[i]), " from ",
                                       rules.describe(r.findings[i].rule), ": ", r.findings[i].message));
        }
    }
    const Totals& t = r.totals;
    for (const auto& [name, amount] : e.totals) {
        std::optional<Money> actual;
        if (name == "declared") actual = t.declared;
        if (name == "eligible") actual = t.eligible;
        if (name == "ineligible") actual = t.ineligible;
        if (name == "eligible_capped") actual = t.eligible_capped;
        if (name == "subsidy") actual = t.subsidy;
        if (name == "advance_paid") actual = t.advance_paid;
        if (name == "balance_due") actual = t.balance_due;
        if (name == "to_recover") actual = t.to_recover;
        auto const wanted = parse_money(amount);
        if (!actual || !wanted || actual->cents != wanted->cents)
            problems.push_back(cat("expected the total ", name, " to be ", amount, ", got ",
                                   actual ? format_money(*actual) : std::string("none")));
    }
    for (const auto& expectation : e.indicators) {
        const std::string& name = expectation.first;  // not a structured binding: the lambda reads it
        const std::optional<std::string>& value = expectation.second;
        auto it = std::find_if(r.indicators.begin(), r.indicators.end(),
                               [&](const IndicatorValue& v) { return v.name == name; });
        if (it == r.indicators.end()) {
            problems.push_back(cat("expected the indicator ", name, ", but these rules define none of that name"));
            continue;
        }
        bool const missing = it->kind == IndicatorValue::Kind::missing;
        std::string const got = missing ? std::string("missing (~)") : it->value;
        if (value ? (missing || it->value != *value) : !missing)
            problems.push_back(cat("expected the indicator ", name, " to be ", value ? *value : std::string("missing (~)"),
                                   ", got ", got));
    }
    return problems;
}

// ------------------------------------------------------------------ coverage

using CoverageKey = std::tuple<std::string, int, std::string>;  // file, line, id

size_t subject_count(schema::RecordKind kind, const Convention& c) {
    switch (kind) {
        case schema::RecordKind::action: return c.actions.size();
        case schema::RecordKind::expense: return c.expenses.size();
        case schema::RecordKind::beneficiary: return c.beneficiaries.size();
        case schema::RecordKind::objective: return c.evaluation ? c.evaluation->objectives.size() : 0;
        case schema::RecordKind::step: {
            size_t n = 0;
            for (const auto& b : c.beneficiaries) n += b.trajectory.size();
            return n;
        }
        default: return 1;
    }
}

class CoverageCounter {
  public:
    void know(const Program& p) {
        for (const auto& c : p.checks) item(c.id, false, c.file, c.line, c.citation);
        for (const auto* k : {&p.action_classification, &p.beneficiary_classification}) {
            if (!*k) continue;
            for (const auto& b : (*k)->branches) item(b.id, true, b.file, b.line, b.citation);
        }
    }

    void count(const Program& p, const Result& r, const Convention& c) {
        std::set<CoverageKey> fired, not_fired;
        for (const auto& check : p.checks) {
            size_t n = 0;
            for (const auto& f : r.findings) n += f.rule == check.id ? 1 : 0;
            CoverageKey const key{check.file, check.line, check.id};
            if (n > 0) fired.insert(key);
            if (n < subject_count(check.subject, c)) not_fired.insert(key);
        }
        // A branch is seen at work when it decides a subject, and seen not deciding when
        // a subject of its classification is decided otherwise: by an earlier branch, a
        // later one, the `otherwise`, or left undetermined. (Some branches are reached
        // only when every earlier one failed, and so can never be tried and fail.)
        auto decisions = [&](const std::optional<CompiledClassification>& k,
                             const std::vector<Decision>& list) {
            if (!k) return;
            for (const auto& d : list) {
                bool const decided = d.outcome != k->undetermined_outcome;
                for (const auto& b : k->branches) {
                    CoverageKey const key{b.file, b.line, b.id};
                    if (decided && b.id == d.rule) {
                        fired.insert(key);
                    } else {
                        not_fired.insert(key);
                    }
                }
            }
        };
        decisions(p.action_classification, r.actions);
        decisions(p.beneficiary_classification, r.beneficiaries);
        for (const auto& key : fired) ++items_[key].fired;
        for (const auto& key : not_fired) ++items_[key].not_fired;
    }

    std::vector<CoverageItem> items() const {
        std::vector<CoverageItem> out;
        for (const auto& [key, item] : items_) out.push_back(item);
        return out;
    }

  private:
    void item(const std::string& id, bool branch, const std::string& file, int line,
              const Citation& citation) {
        CoverageItem& i = items_[CoverageKey{file, line, id}];
        i.rule = id;
        i.branch = branch;
        i.file = file;
        i.line = line;
        i.citation = citation;
    }
    std::map<CoverageKey, CoverageItem> items_;
};

}  // namespace

std::vector<std::string> find_rule_tests(const std::vector<std::string>& paths, std::string& error) {
    return files_in(paths, {".test.yaml"}, "rule test file (*.test.yaml)", error);
}

RuleTestRun run_rule_tests(const std::vector<std::string>& files) {
    RuleTestRun run;
    std::map<std::string, std::unique_ptr<CompiledRuleset>> rulesets;
    CoverageCounter coverage;
    for (const auto& path : files) {
        ++run.files;
        std::string error;
        auto const text = read_whole_file(path, error, ConventionLimits{}.max_file_bytes);
        if (!text) {
            run.diagnostics.push_back({Diagnostic::Level::error, path, 0, 0, error, ""});
            continue;
        }
        YamlReader reader(*text, path);
        std::optional<TestFile> file;
        if (auto tree = strict_yaml::parse_single_document(reader, {32, 10000, 64 * 1024})) {
            TestFileReader shape(reader, path);
            file = shape.read(tree->root());
        }
        auto diagnostics = reader.take_diagnostics();
        run.diagnostics.insert(run.diagnostics.end(), diagnostics.begin(), diagnostics.end());
        if (!file) continue;

        auto& compiled = rulesets[file->rules];
        if (!compiled) {
            compiled = std::make_unique<CompiledRuleset>(compile_ruleset_file(file->rules));
            for (const auto& d : compiled->diagnostics)
                if (d.level == Diagnostic::Level::error) run.diagnostics.push_back(d);
            if (compiled->program) coverage.know(*compiled->program);
        }
        if (!compiled->program) continue;
        RuleIndex const index(*compiled->program);
        for (const auto& test : file->tests) {
            ++run.tests;
            SourcePos const pos = reader.pos_of(test.mark);
            RuleTestFailure failure{path, pos.line, pos.column, test.name, {}};
            std::string const yaml = write_yaml(test.convention);
            LoadedConvention const loaded =
                load_convention_text(yaml, cat(path, " (test \"", test.name, "\")"));
            if (!loaded.convention) {
                failure.problems.push_back(cat("the test's convention does not load:\n",
                                               render_all(loaded.diagnostics)));
                run.failures.push_back(std::move(failure));
                continue;
            }
            Result const result = evaluate(*compiled->program, compiled->info, *loaded.convention,
                                           EvaluationOptions{"en"});
            coverage.count(*compiled->program, result, *loaded.convention);
            failure.problems = compare(test.expect, result, index);
            if (failure.problems.empty()) {
                ++run.passed;
            } else {
                run.failures.push_back(std::move(failure));
            }
        }
    }
    run.coverage = coverage.items();
    return run;
}

}  // namespace activ
