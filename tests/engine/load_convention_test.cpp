// Reading convention files: the shipped examples come out as typed values, and every
// kind of bad input is one precise diagnostic (line, column, what was expected), with
// no convention at all when anything is wrong.
#include "engine/load_convention.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace activ;

namespace {

const std::string examples = ACTIV_SOURCE_DIR "/examples/";

// A valid convention of 10 lines; tests append their own lines from line 11 on.
const std::string head = R"(format: convention/1
convention:
  id: T-1
  year: 2015
  cpas: {name: CPAS de Test, nis: "99999"}
  period: {start: 2015-01-01, end: 2015-12-31}
  submitted_on: 2015-06-01
  subsidy: 1000
  actions:
    - {id: A1, kind: collective, title: Atelier, category: language_course}
)";

LoadedConvention load(const std::string& text) { return load_convention_text(text, "test.yaml"); }

// The only diagnostic of a file that must fail to load.
Diagnostic only_error(const LoadedConvention& loaded) {
    std::string rendered;
    for (const auto& d : loaded.diagnostics) rendered += render(d);
    INFO(rendered);
    REQUIRE_FALSE(loaded.convention);
    REQUIRE(loaded.diagnostics.size() == 1);
    CHECK(loaded.diagnostics[0].level == Diagnostic::Level::error);
    CHECK(loaded.diagnostics[0].file == "test.yaml");
    return loaded.diagnostics[0];
}

std::string position(const Diagnostic& d) {
    return std::to_string(d.line) + ":" + std::to_string(d.column);
}

Date day(const char* text) { return parse_date(text).value(); }

}  // namespace

TEST_CASE("the Liège example loads with every value typed", "[load]") {
    const auto loaded = load_convention_file(examples + "liege-2015.yaml");
    REQUIRE(loaded.diagnostics.empty());
    REQUIRE(loaded.convention);
    const Convention& c = *loaded.convention;

    CHECK(c.file == examples + "liege-2015.yaml");
    CHECK(c.id == "AS-2015-0117");
    CHECK(c.year == 2015);
    CHECK(c.cpas.name == "CPAS de Liège");
    CHECK(c.cpas.nis == "62063");
    CHECK(c.cpas.pos.line == 7);
    CHECK(c.cpas.pos.column == 9);
    CHECK_FALSE(c.scheme);
    CHECK(c.cluster.empty());
    CHECK(c.period.start == day("2015-01-01"));
    CHECK(c.period.end == day("2015-12-31"));
    CHECK(c.submitted_on == day("2015-08-27"));
    CHECK(c.signed_on == day("2015-11-24"));
    CHECK(c.subsidy.cents == 3200000);
    CHECK_FALSE(c.advance_paid);

    REQUIRE(c.actions.size() == 4);
    const Action& l1 = c.actions[0];
    CHECK(l1.id == "L1");
    CHECK(l1.kind == "collective");
    CHECK(l1.category == "language_course");
    CHECK(l1.planned_participants == 14);
    CHECK(l1.start == day("2015-02-02"));
    CHECK(l1.partners == std::vector<std::string>{"Lire et Écrire Liège-Verviers"});
    CHECK(l1.pos.line == 13);
    CHECK(l1.pos.column == 7);
    CHECK_FALSE(l1.target_ready_for_work);
    CHECK(c.actions[2].category == "other");
    CHECK(c.actions[3].kind == "individual");
    CHECK(c.actions[3].target_ready_for_work == false);
    CHECK(c.actions[1].description ==
          "Respecter un horaire, prévenir d'une absence, tenir un agenda");

    REQUIRE(c.expenses.size() == 7);
    const Expense& x1 = c.expenses[0];
    CHECK(x1.amount.cents == 148000);
    CHECK(x1.date == day("2015-03-31"));
    CHECK(x1.cost_type == "personnel");
    CHECK(x1.document == "PAIE-2015-03");
    CHECK(x1.share.millionths == Share::one);  // defaults
    CHECK(x1.other_funding.cents == 0);
    CHECK_FALSE(x1.credit);
    CHECK_FALSE(x1.paid_on);
    CHECK(x1.pos.line == 40);
    CHECK(x1.pos.column == 7);
    CHECK(c.expenses[2].amount.cents == 21235);
    CHECK(c.expenses[3].id == "X4");
    CHECK(c.expenses[3].action_id == "L3");
    CHECK(c.expenses[3].action_index == 2);
    CHECK(c.expenses[5].id == "X6");
    CHECK(c.expenses[5].share.millionths == 400000);
    CHECK_FALSE(c.expenses[5].share_basis);
    CHECK(charge_of(c.expenses[5].amount, c.expenses[5].share).cents == 96000);
    CHECK(c.expenses[6].id == "X7");
    CHECK_FALSE(c.expenses[6].document);
    CHECK(c.expenses[6].action_index == 3);

    REQUIRE(c.beneficiaries.size() == 3);
    const Beneficiary& lg1 = c.beneficiaries[0];
    CHECK(lg1.id == "LG-001");
    CHECK(lg1.income == "integration_income");
    REQUIRE(lg1.piis);
    CHECK(lg1.piis->kind == "social_activation");
    CHECK(lg1.piis->signed_on == day("2015-02-02"));
    CHECK(lg1.ready_for_work == false);
    CHECK(lg1.action_ids == std::vector<std::string>{"L1", "L2"});
    CHECK(lg1.action_indices == std::vector<int>{0, 1});
    REQUIRE(lg1.assessment);
    REQUIRE(lg1.assessment->start);
    CHECK(lg1.assessment->start->socioprofessional == 2);
    CHECK(lg1.assessment->end->autonomy == 4);
    CHECK(lg1.trajectory.empty());
    CHECK(lg1.pos.line == 48);
    CHECK_FALSE(c.beneficiaries[1].ready_for_work);
    CHECK_FALSE(c.beneficiaries[2].piis);
    CHECK_FALSE(c.beneficiaries[2].assessment);

    REQUIRE(c.evaluation);
    CHECK(c.evaluation->submitted_on == day("2016-02-25"));
    REQUIRE(c.evaluation->objectives.size() == 2);
    CHECK(c.evaluation->objectives[0].achieved == "yes");  // YAML 1.1 would make it a boolean
    CHECK(c.evaluation->objectives[0].pos.line == 69);
    CHECK(c.evaluation->objectives[0].pos.column == 9);
    CHECK(c.evaluation->objectives[1].achieved == "partly");
    CHECK_FALSE(c.evaluation->objectives[1].reasons);
}

TEST_CASE("the Gent example loads, with amounts given as strings", "[load]") {
    const auto loaded = load_convention_file(examples + "gent-2016.yaml");
    REQUIRE(loaded.diagnostics.empty());
    REQUIRE(loaded.convention);
    const Convention& c = *loaded.convention;
    CHECK(c.cpas.nis == "44021");
    CHECK(c.subsidy.cents == 4150000);
    CHECK_FALSE(c.signed_on);
    CHECK_FALSE(c.evaluation);
    CHECK(c.actions.size() == 4);
    REQUIRE(c.expenses.size() == 3);
    CHECK(c.expenses[0].date == day("2016-02-29"));
    CHECK(c.expenses[1].amount.cents == 18860);
    CHECK(c.expenses[2].share.millionths == 500000);
    CHECK(c.expenses[2].share_basis == "halftijds op het project volgens tijdsregistratie");
    CHECK(c.expenses[2].action_index == 3);
    REQUIRE(c.beneficiaries.size() == 1);
    CHECK(c.beneficiaries[0].action_indices == std::vector<int>{0, 2});
}

TEST_CASE("optional parts may be left out or null, and defaults apply", "[load]") {
    const auto loaded = load(head + R"(  signed_on: ~
  scheme: cluster
  cluster:
    - {name: CPAS de Zwevegem, nis: 34042}
  expenses:
    - id: 7
      date: 2015-03-31
      amount: -12.5
      credit: true
      cost_type: operating
      action:
      share: "0.35"
  beneficiaries:
    - id: B1
      trajectory:
        - {step: intake, date: 2015-01-20}
        - {step: social_activation, from: 2015-02-10, to: 2015-12-31, actions: [A1, A9]}
)");
    REQUIRE(loaded.diagnostics.empty());
    const Convention& c = *loaded.convention;
    CHECK_FALSE(c.signed_on);
    CHECK(c.scheme == "cluster");
    REQUIRE(c.cluster.size() == 1);
    CHECK(c.cluster[0].nis == "34042");  // an integer NIS is kept as its digits

    const Expense& e = c.expenses.at(0);
    CHECK(e.id == "7");              // integer ids are text
    CHECK(e.amount.cents == -1250);  // negative amounts are a rule's business
    CHECK(e.credit);
    CHECK_FALSE(e.action_id);
    CHECK(e.action_index == -1);
    CHECK(e.share.millionths == 350000);
    CHECK(e.description.empty());

    const Beneficiary& b = c.beneficiaries.at(0);
    CHECK_FALSE(b.income);
    CHECK(b.action_ids.empty());
    REQUIRE(b.trajectory.size() == 2);
    CHECK(b.trajectory[0].date == day("2015-01-20"));
    CHECK(b.trajectory[1].from == day("2015-02-10"));
    // An undeclared action in a trajectory is left for a rule to report.
    CHECK(b.trajectory[1].action_ids == std::vector<std::string>{"A1", "A9"});
    CHECK(b.trajectory[1].action_indices == std::vector<int>{0});
    CHECK(b.trajectory[1].undeclared_actions == std::vector<std::string>{"A9"});
    CHECK(b.trajectory[1].position == 1);
    CHECK(b.trajectory[1].count == 2);
    CHECK(b.trajectory[1].pos.line == 27);
}

TEST_CASE("action categories are open: any lowercase word", "[load]") {
    const auto loaded = load(
        head + R"(    - {id: A2, kind: individual, title: Tablette, category: digital_literacy_2}
)");
    REQUIRE(loaded.convention);
    CHECK(loaded.convention->actions.at(1).category == "digital_literacy_2");

    const auto d = only_error(
        load(head + R"(    - {id: A2, kind: individual, title: Tablette, category: Digital literacy}
)"));
    CHECK(position(d) == "11:61");
    CHECK_THAT(d.message, Catch::Contains("expected a category word"));
}

TEST_CASE("an unknown key is an error that suggests the closest known key", "[load]") {
    const auto loaded = load(head + R"(  expenses:
    - {id: E1, date: 2015-03-31, ammount: 100, cost_type: operating}
)");
    REQUIRE_FALSE(loaded.convention);
    // The typo also leaves `amount` missing: both are reported, in file order.
    REQUIRE(loaded.diagnostics.size() == 2);
    CHECK(position(loaded.diagnostics[0]) == "12:7");
    CHECK(loaded.diagnostics[0].message == "missing required key 'amount' in an expense");
    CHECK(position(loaded.diagnostics[1]) == "12:34");
    CHECK(loaded.diagnostics[1].message ==
          "unknown key 'ammount' in an expense; did you mean 'amount'?");
    CHECK(loaded.diagnostics[1].source_line ==
          "    - {id: E1, date: 2015-03-31, ammount: 100, cost_type: operating}");
}

TEST_CASE("a value of the wrong type says what was expected", "[load]") {
    const auto loaded = load(head + R"(  expenses:
    - id: E1
      date: 2015-03-31
      amount: {eur: 100}
      cost_type: operating
  beneficiaries: {id: B1}
)");
    REQUIRE_FALSE(loaded.convention);
    REQUIRE(loaded.diagnostics.size() == 2);
    CHECK(position(loaded.diagnostics[0]) == "14:15");
    CHECK(loaded.diagnostics[0].message ==
          "expected an amount in euro for 'amount' in an expense, got a mapping");
    CHECK(position(loaded.diagnostics[1]) == "16:18");
    CHECK(loaded.diagnostics[1].message ==
          "expected a list for 'beneficiaries' in the convention, got a mapping");
}

TEST_CASE("booleans are true or false, integers are digits", "[load]") {
    auto d = only_error(load(
        head +
        R"(    - {id: A2, kind: individual, title: T, category: other, target_ready_for_work: yes}
)"));
    CHECK(position(d) == "11:84");
    CHECK_THAT(d.message, Catch::Contains("expected true or false"));

    d = only_error(load(
        head +
        R"(    - {id: A2, kind: individual, title: T, category: other, planned_participants: "12"}
)"));
    CHECK(position(d) == "11:83");
    CHECK_THAT(d.message, Catch::Contains("expected a whole number (digits only)"));
}

TEST_CASE("a date that is not a real day is an error", "[load]") {
    const auto d = only_error(load(head + R"(  expenses:
    - {id: E1, date: 2015-02-30, amount: 100, cost_type: operating}
)"));
    CHECK(position(d) == "12:22");
    CHECK(d.message == "invalid date '2015-02-30' for 'date' in an expense: no such day");
}

TEST_CASE("money with more than 2 decimals is an error", "[load]") {
    const auto d = only_error(load(head + R"(  expenses:
    - {id: E1, date: 2015-03-31, amount: 12.345, cost_type: operating}
)"));
    CHECK(position(d) == "12:42");
    CHECK_THAT(d.message, Catch::Contains("money has more than 2 decimals"));
}

TEST_CASE("a share above 1 is an error", "[load]") {
    const auto d = only_error(load(head + R"(  expenses:
    - {id: E1, date: 2015-03-31, amount: 100, cost_type: operating, share: 1.5}
)"));
    CHECK(position(d) == "12:76");
    CHECK_THAT(d.message, Catch::Contains("share must be between 0 and 1"));
}

TEST_CASE("a duplicate id points at the second and names the first", "[load]") {
    const auto d = only_error(load(head + R"(  expenses:
    - {id: E1, date: 2015-03-31, amount: 100, cost_type: operating}
    - {id: E1, date: 2015-04-30, amount: 100, cost_type: operating}
)"));
    CHECK(position(d) == "13:12");
    CHECK(d.message == "duplicate expense id 'E1' (first declared at line 12)");
}

TEST_CASE("an expense must name a declared action", "[load]") {
    const auto d = only_error(load(head + R"(  expenses:
    - {id: E1, date: 2015-03-31, amount: 100, cost_type: operating, action: A2}
)"));
    CHECK(position(d) == "12:77");
    CHECK(d.message ==
          "'action' in an expense names an undeclared action 'A2'; did you mean 'A1'?");
}

TEST_CASE("a beneficiary must name declared actions", "[load]") {
    const auto d = only_error(load(head + R"(  beneficiaries:
    - {id: B1, actions: [A1, B7]}
)"));
    CHECK(position(d) == "12:30");
    CHECK_THAT(d.message, Catch::Contains("names an undeclared action 'B7'"));
}

TEST_CASE("only format convention/1 is read", "[load]") {
    auto d = only_error(load("format: convention/2\nconvention: {id: X}\n"));
    CHECK(position(d) == "1:9");
    CHECK(d.message == "unsupported format 'convention/2'; this engine reads 'convention/1'");

    const auto loaded = load(head.substr(head.find('\n') + 1));
    REQUIRE_FALSE(loaded.convention);
    REQUIRE(loaded.diagnostics.size() == 1);
    CHECK(position(loaded.diagnostics[0]) == "1:1");
    CHECK_THAT(loaded.diagnostics[0].message, Catch::Contains("missing required key 'format'"));
}

TEST_CASE("a missing required key points at its mapping", "[load]") {
    auto d = only_error(load(head + R"(  expenses:
    - {id: E1, date: 2015-03-31, amount: 100}
)"));
    CHECK(position(d) == "12:7");
    CHECK(d.message == "missing required key 'cost_type' in an expense");

    // A key given without a value is missing too, and the error points at the key.
    d = only_error(load(head + R"(  expenses:
    - {id: E1, date: 2015-03-31, amount: 100, cost_type:}
)"));
    CHECK(position(d) == "12:47");
    CHECK(d.message == "missing value for required key 'cost_type' in an expense");
}

TEST_CASE("a key given twice in one mapping is an error", "[load]") {
    const auto d = only_error(load(head + R"(  expenses:
    - id: E1
      date: 2015-03-31
      amount: 100
      amount: 200
      cost_type: operating
)"));
    CHECK(position(d) == "15:7");
    CHECK(d.message == "duplicate key 'amount' in an expense (first given at line 14)");
}

TEST_CASE("a word outside a closed vocabulary lists the allowed words", "[load]") {
    const auto d = only_error(load(head + R"(  expenses:
    - {id: E1, date: 2015-03-31, amount: 100, cost_type: personal}
)"));
    CHECK(position(d) == "12:58");
    CHECK(d.message ==
          "unknown value 'personal' for 'cost_type' in an expense (did you mean 'personnel'?); "
          "expected one of: personnel, operating, participant, investment, overhead");
}

TEST_CASE("a period or a step that ends before it starts is an error", "[load]") {
    auto d = only_error(load(R"(format: convention/1
convention:
  id: T-1
  year: 2015
  cpas: {name: CPAS de Test, nis: "99999"}
  period: {start: 2015-12-31, end: 2015-01-01}
  submitted_on: 2015-06-01
  subsidy: 1000
)"));
    CHECK(position(d) == "6:36");
    CHECK_THAT(d.message, Catch::Contains("ends (2015-01-01) before it starts (2015-12-31)"));

    d = only_error(load(head + R"(  beneficiaries:
    - id: B1
      trajectory:
        - {step: training, from: 2015-05-01, to: 2015-04-01}
)"));
    CHECK(position(d) == "14:50");

    d = only_error(load(head + R"(  beneficiaries:
    - id: B1
      trajectory: [{step: intake}]
)"));
    CHECK(position(d) == "13:20");
    CHECK_THAT(d.message, Catch::Contains("needs 'date' (a moment) or 'from'/'to'"));
}

TEST_CASE("a YAML syntax error is one diagnostic at its place", "[load]") {
    const auto d = only_error(load(head + R"(  expenses:
    - {id: E1, date: 2015-03-31, amount: 100, cost_type: operating
)"));
    CHECK(position(d) == "13:1");
    CHECK_THAT(d.message, Catch::StartsWith("YAML syntax error: "));
}

TEST_CASE("an empty file, or one that holds no mapping, is a diagnostic", "[load]") {
    auto d = only_error(load(""));
    CHECK(position(d) == "0:0");  // about the whole file
    CHECK_THAT(d.message, Catch::StartsWith("the file is empty"));

    d = only_error(load("# nothing but a comment\n"));
    CHECK_THAT(d.message, Catch::StartsWith("the file holds no convention"));

    d = only_error(load("- format: convention/1\n"));
    CHECK(position(d) == "1:1");
    CHECK(d.message == "expected a mapping for the top level of the file, got a list");
}

TEST_CASE("bytes that are not UTF-8 text are a diagnostic, not a crash", "[load]") {
    auto d = only_error(load(std::string("format: convention/1\nconvention: {id: caf\xE9}\n")));
    CHECK(position(d) == "2:21");
    CHECK_THAT(d.message, Catch::Contains("not UTF-8"));
    CHECK(d.source_line.empty());  // the raw line would not print

    d =
        only_error(load(std::string("\x7F"
                                    "ELF\x02\x01\x01\0\0\0",
                                    10)));
    CHECK(position(d) == "1:1");
}

TEST_CASE("columns count characters, and a byte order mark is not one", "[load]") {
    auto d = only_error(load(
        head + R"(    - {id: A2, kind: individual, title: Été à Liège, category: other, ready: true}
)"));
    CHECK(position(d) == "11:71");  // byte 75: É, é and è take two bytes each
    CHECK_THAT(d.message, Catch::Contains("unknown key 'ready' in an action"));

    d =
        only_error(load("\xEF\xBB\xBF"
                        "format: convention/3\n"));
    CHECK(position(d) == "1:9");
    CHECK(d.source_line == "format: convention/3");
}

TEST_CASE("anchors and aliases are refused", "[load]") {
    const auto loaded = load(head + R"(  expenses:
    - &e {id: E1, date: 2015-03-31, amount: 100, cost_type: operating}
    - *e
)");
    REQUIRE_FALSE(loaded.convention);
    REQUIRE(loaded.diagnostics.size() == 2);
    CHECK(position(loaded.diagnostics[0]) == "12:7");
    CHECK(loaded.diagnostics[0].message ==
          "anchors (&name) are not supported: write the value out in full");
    CHECK(position(loaded.diagnostics[1]) == "13:7");
    CHECK(loaded.diagnostics[1].message ==
          "aliases (*name) are not supported: write the value out in full");
}

TEST_CASE("an unreadable file is a diagnostic without a position", "[load]") {
    const auto loaded = load_convention_file(examples + "no-such-file.yaml");
    REQUIRE_FALSE(loaded.convention);
    REQUIRE(loaded.diagnostics.size() == 1);
    CHECK(loaded.diagnostics[0].line == 0);
    CHECK(loaded.diagnostics[0].message == "cannot read file: No such file or directory");
}
