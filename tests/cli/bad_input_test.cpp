// Adversarial input end to end: every malformed convention and rule file of
// tests/bad-input/ gives its stated exit status and message, nothing crashes, and a
// refused file prints no report. The huge and deeply nested inputs are generated here
// at run time rather than committed.
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "tests/support/run_activ.hpp"

namespace fs = std::filesystem;

namespace {

using activ::testing::ActivRun;
using activ::testing::run_activ;
using activ::testing::slurp;

const std::string rules_2015 = "rules/be/social-activation-2015.rules";

struct Expectation {
    int status = -1;
    std::string fragment;
};

// NAME.expect beside each input: "exit N", then a fragment of what activ prints.
Expectation read_expectation(const fs::path& file) {
    std::ifstream in(file);
    std::string first;
    Expectation e;
    std::getline(in, first);
    std::getline(in, e.fragment);
    if (first.rfind("exit ", 0) == 0) e.status = std::stoi(first.substr(5));
    return e;
}

// The inputs of one corpus folder with their expectations, sorted by name.
std::vector<std::pair<std::string, Expectation>> corpus(const std::string& folder,
                                                        const std::string& extension) {
    std::vector<std::pair<std::string, Expectation>> out;
    const fs::path root = fs::path(ACTIV_SOURCE_DIR) / "tests/bad-input" / folder;
    for (const auto& entry : fs::directory_iterator(root)) {
        if (entry.path().extension() != extension) continue;
        fs::path expect = entry.path();
        expect.replace_extension(".expect");
        std::string relative = "tests/bad-input/";
        relative += folder;
        relative += '/';
        relative += entry.path().filename().string();
        out.emplace_back(relative, read_expectation(expect));
    }
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    return out;
}

std::string head_of(const std::string& text) {
    return text.size() > 3000 ? text.substr(0, 3000) + "..." : text;
}

// What every run on bad input must do, whatever the input.
void check_run(const std::string& command, const ActivRun& r, const Expectation& e) {
    std::string shown = "activ ";
    shown += command;
    shown += "\n--- stdout\n";
    shown += head_of(r.out);
    shown += "\n--- stderr\n";
    shown += head_of(r.err);
    INFO(shown);
    CHECK((r.status == 0 || r.status == 1 || r.status == 2));  // no crash, no signal
    CHECK(r.status == e.status);
    CHECK((r.out + r.err).find(e.fragment) != std::string::npos);
    if (r.status == 2) CHECK(r.out.empty());
}

/// A scratch folder for generated inputs, removed with its content.
class Scratch {
  public:
    Scratch()
        : path_(fs::temp_directory_path() / ("activ-bad-input-" + std::to_string(::getpid()))) {
        fs::create_directories(path_);
    }
    ~Scratch() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;

    std::string write(const std::string& name, const std::string& text) const {
        const std::string file = (path_ / name).string();
        std::ofstream(file, std::ios::binary) << text;
        return file;
    }

  private:
    fs::path path_;
};

// The head of a valid convention; generated files append their own lists.
const std::string convention_head = R"(format: convention/1
convention:
  id: GEN-1
  year: 2015
  cpas: {name: CPAS de Test, nis: "99999"}
  period: {start: 2015-01-01, end: 2015-12-31}
  submitted_on: 2015-06-01
  subsidy: 1000
  actions:
    - {id: A1, kind: collective, title: Atelier, category: language_course}
)";

std::string expenses(int count, const std::string& extra = "") {
    std::string out = "  expenses:\n";
    for (int i = 0; i < count; ++i) {
        out += "    - {id: E";
        out += std::to_string(i);
        out += ", date: 2015-03-31, amount: 10, action: A1, cost_type: operating, document: D";
        out += extra;
        out += "}\n";
    }
    return out;
}

const std::string rules_head =
    "ruleset \"generated\" version 1\n"
    "  applies 2015-01-01 .. 2015-12-31\n\n";

}  // namespace

TEST_CASE("every malformed convention gives its stated status and message", "[bad-input]") {
    const auto inputs = corpus("conventions", ".yaml");
    CHECK(inputs.size() >= 40);
    for (const auto& [file, expectation] : inputs) {
        REQUIRE(expectation.status >= 0);
        const std::string command = "check --rules " + rules_2015 + " " + file;
        check_run(command, run_activ(command), expectation);
    }
}

TEST_CASE("every malformed rule file gives its stated status and message", "[bad-input]") {
    const auto inputs = corpus("rules", ".rules");
    CHECK(inputs.size() >= 40);
    for (const auto& [file, expectation] : inputs) {
        REQUIRE(expectation.status >= 0);
        const std::string command = "lint " + file;
        check_run(command, run_activ(command), expectation);
    }
}

TEST_CASE("deeply nested conventions are refused before the YAML parser recurses", "[bad-input]") {
    Scratch scratch;
    const std::string flow = scratch.write(
        "flow.yaml", convention_head + "  expenses: " + std::string(100000, '[') + "\n");
    const std::string message = "error: lists and mappings nested more than 32 levels deep";
    check_run("check " + flow, run_activ("check --rules " + rules_2015 + " " + flow),
              {2, ":11:28: " + message});

    std::string block = "format: convention/1\nconvention:\n  actions:\n    ";
    for (int i = 0; i < 100000; ++i) block += "- ";
    const std::string blocks = scratch.write("block.yaml", block + "x\n");
    check_run("check " + blocks, run_activ("check --rules " + rules_2015 + " " + blocks),
              {2, message});

    // An unclosed '[' inside a list may be the key of a mapping: yaml-cpp opens both, and
    // the position above is where it reached the limit. Within the limit, a deep value is
    // only an unknown key.
    std::string nested = "format: convention/1\nconvention:\n  unknown: ";
    nested += std::string(30, '[');
    nested += std::string(30, ']');
    const std::string ok_depth = scratch.write("ok-depth.yaml", nested + "\n");
    check_run("check " + ok_depth, run_activ("check --rules " + rules_2015 + " " + ok_depth),
              {2, ":3:3: error: unknown key 'unknown' in the convention"});
}

TEST_CASE("a convention beyond a limit is refused, and the option raises the limit",
          "[bad-input]") {
    Scratch scratch;
    const std::string rules = "check --rules " + rules_2015 + " ";

    const std::string many = scratch.write("many.yaml", convention_head + expenses(10001));
    check_run(rules + many, run_activ(rules + many),
              {2,
               ":12:5: error: a list ('expenses') of more than 10000 items (activ check "
               "--max-list-items raises the limit)"});
    check_run(rules + "--max-list-items 10001 " + many,
              run_activ(rules + "--max-list-items 10001 " + many), {0, "Verdict: clean"});

    // Padding in a comment: only the size is wrong.
    const std::string big =
        scratch.write("big.yaml", convention_head + expenses(1) + "# " +
                                      std::string(16 * 1024 * 1024, 'x') + "\n");
    check_run(rules + big, run_activ(rules + big),
              {2,
               "big.yaml: error: the file is larger than 16777216 bytes, the limit for a "
               "convention (activ check --max-file-size raises it)"});
    check_run(rules + "--max-file-size 17MiB " + big,
              run_activ(rules + "--max-file-size 17MiB " + big), {0, "Verdict: clean"});
    // Reading stops at the limit: an endless file is refused like a big one.
    check_run(rules + "/dev/zero", run_activ(rules + "/dev/zero"),
              {2, "/dev/zero: error: the file is larger than 16777216 bytes"});

    std::string long_text = convention_head;
    long_text += "  evaluation:\n    objectives:\n      - {id: O1, achieved: partly, reasons: ";
    for (int i = 0; i < 14000; ++i) long_text += "très ";
    const std::string text = scratch.write("text.yaml", long_text + "}\n");
    check_run(rules + text, run_activ(rules + text),
              {2,
               ":13:45: error: a text of 83999 bytes, more than the limit of 65536 (activ "
               "check --max-text-length raises it)"});
    check_run(rules + "--max-text-length 100KiB " + text,
              run_activ(rules + "--max-text-length 100KiB " + text), {0, "Verdict: 1 warning"});
}

TEST_CASE("a file with countless errors shows the first hundred and counts the rest",
          "[bad-input]") {
    Scratch scratch;
    std::string keys = convention_head + "  expenses:\n    - {id: E1";
    for (int i = 0; i < 100000; ++i) {
        keys += ", k";
        keys += std::to_string(i);
        keys += ": 1";
    }
    const std::string unknown = scratch.write("keys.yaml", keys + "}\n");
    const std::string rules = "check --rules " + rules_2015 + " ";
    ActivRun r = run_activ(rules + unknown);
    check_run(rules + unknown, r,
              {2, "keys.yaml: note: 99903 more errors not shown (at most 100 are)"});
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') < 400);

    // Thousands of references to actions that do not exist: no suggestion search each time.
    std::string refs = convention_head;
    for (int i = 0; i < 5000; ++i) {
        refs += i == 0 ? "  beneficiaries:\n" : "";
        refs += "    - {id: B";
        refs += std::to_string(i);
        refs += ", actions: [X1, X2, X3]}\n";
    }
    const std::string references = scratch.write("refs.yaml", refs);
    check_run(rules + references, run_activ(rules + references),
              {2, "note: 14900 more errors not shown"});

    std::string aliases = convention_head + "  extra: &a [x]\n  more: [";
    for (int i = 0; i < 200000; ++i) aliases += "*a, ";
    const std::string bomb = scratch.write("aliases.yaml", aliases + "*a]\n");
    check_run(rules + bomb, run_activ(rules + bomb),
              {2, ":11:10: error: anchors (&name) are not supported"});
}

TEST_CASE("rule files beyond a limit are refused without exhausting the stack", "[bad-input]") {
    Scratch scratch;
    const std::string check = "check x.y on expense\n  warning when ";

    const std::string big =
        scratch.write("big.rules", rules_head + "# " + std::string(4 * 1024 * 1024, 'x') + "\n");
    check_run("lint " + big, run_activ("lint " + big),
              {2, "big.rules:1:1: error: the rule file is larger than 4194304 bytes"});

    const std::string wide =
        scratch.write("wide.rules", rules_head + check + "description = \"" +
                                        std::string(70000, 'x') + "\"\n  message en \"x\"\n");
    check_run("lint " + wide, run_activ("lint " + wide),
              {2, "wide.rules:5:65537: error: line longer than 65536 bytes"});

    // Sixty groups of a thousand 'or' each: every chain within its limit, but evaluating
    // the whole would recurse sixty thousand levels deep.
    std::string chains = "amount > 0";
    std::string one_chain;
    for (int i = 0; i < 990; ++i) one_chain += "\n    or amount > 1";
    for (int level = 0; level < 60; ++level) {
        std::string wrapped = "(";
        wrapped += chains;
        wrapped += ")";
        wrapped += one_chain;
        chains = std::move(wrapped);
    }
    const std::string deep =
        scratch.write("deep.rules", rules_head + check + chains + "\n  message en \"x\"\n");
    check_run("lint " + deep, run_activ("lint " + deep),
              {2,
               "deep.rules:5:73: error: with the definitions it uses written out, this value "
               "takes more than 2000 levels of nesting to evaluate"});
    const std::string conventions = "tests/bad-input/conventions/bom.yaml";
    check_run("check --rules " + deep, run_activ("check --rules " + deep + " " + conventions),
              {2, "levels of nesting"});

    const std::string endless = scratch.write("endless.rules",
                                              "ruleset \"e\" version 1\n  extends \"/dev/zero\"\n"
                                              "  applies 2015-01-01 .. 2015-12-31\n");
    check_run("lint " + endless, run_activ("lint " + endless),
              {2, "/dev/zero:1:1: error: the rule file is larger than 4194304 bytes"});
}

TEST_CASE("a huge set is read and matched", "[bad-input]") {
    Scratch scratch;
    std::string set = "param words = {";
    for (int i = 0; i < 100000; ++i) {
        set += i == 0 ? "" : ",\n  ";
        set += "\"mot";
        set += std::to_string(i);
        set += '"';
    }
    const std::string rules =
        scratch.write("set.rules", rules_head + set +
                                       "}\n\ncheck x.words on action\n"
                                       "  warning when text mentions any words\n"
                                       "  message en \"{id} names a word\"\n");
    check_run("lint " + rules, run_activ("lint " + rules), {0, "0 errors, 0 warnings"});
    const std::string convention =
        scratch.write("set.yaml", convention_head +
                                      "    - {id: A2, kind: individual, title: Un mot99999 ici, "
                                      "category: other}\n");
    check_run("check --rules " + rules, run_activ("check --rules " + rules + " " + convention),
              {0, "A2 names a word"});
}
