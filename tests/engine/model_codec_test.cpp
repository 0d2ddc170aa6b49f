// The binary encoding of the convention model: every field survives a round trip (the shipped
// examples, a convention with every optional absent and one with all present, the same
// evaluation), and a blob that encode_convention did not write (truncated, mutated, another
// version) is refused with an error, never a crash.
#include "engine/model_codec.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "engine/load_convention.hpp"
#include "engine/report.hpp"
#include "engine/ruleset.hpp"

using namespace activ;

namespace {

const std::string examples = ACTIV_SOURCE_DIR "/examples/";

// Every field of a convention as one line "path = value", written here independently of the
// codec, so that a field the codec forgot shows up as a difference.
class Dump {
  public:
    std::string text;

    void line(const std::string& path, const std::string& value, const char* unit = "") {
        text += path;
        text += " = ";
        text += value;
        text += unit;
        text += '\n';
    }
    void put(const std::string& path, const std::string& v) {
        std::string quoted = "\"";
        quoted += v;
        quoted += '"';
        line(path, quoted);
    }
    void put(const std::string& path, int64_t v) { line(path, std::to_string(v)); }
    void put(const std::string& path, int v) { line(path, std::to_string(v)); }
    void put(const std::string& path, bool v) { line(path, v ? "true" : "false"); }
    void put(const std::string& path, Date v) { line(path, std::to_string(v.days), " days"); }
    void put(const std::string& path, Money v) { line(path, std::to_string(v.cents), " cents"); }
    void put(const std::string& path, Share v) { line(path, std::to_string(v.millionths), " ppm"); }
    void put(const std::string& path, SourcePos v) {
        std::string at = std::to_string(v.line);
        at += ':';
        at += std::to_string(v.column);
        line(path, at);
    }
    template <typename T>
    void put(const std::string& path, const std::optional<T>& v) {
        if (v) {
            put(path, *v);
        } else {
            line(path, "absent");
        }
    }
    template <typename T>
    void put(const std::string& path, const std::vector<T>& items) {
        line(path + ".size", std::to_string(items.size()));
        for (size_t i = 0; i < items.size(); ++i) {
            std::string item = path;
            item += '[';
            item += std::to_string(i);
            item += ']';
            put(item, items[i]);
        }
    }

    void put(const std::string& p, const Cpas& v) {
        put(p + ".name", v.name);
        put(p + ".nis", v.nis);
        put(p + ".pos", v.pos);
    }
    void put(const std::string& p, const Period& v) {
        put(p + ".start", v.start);
        put(p + ".end", v.end);
    }
    void put(const std::string& p, const Action& v) {
        put(p + ".id", v.id);
        put(p + ".kind", v.kind);
        put(p + ".title", v.title);
        put(p + ".description", v.description);
        put(p + ".category", v.category);
        put(p + ".target_ready_for_work", v.target_ready_for_work);
        put(p + ".planned_participants", v.planned_participants);
        put(p + ".start", v.start);
        put(p + ".end", v.end);
        put(p + ".partners", v.partners);
        put(p + ".pos", v.pos);
    }
    void put(const std::string& p, const Expense& v) {
        put(p + ".id", v.id);
        put(p + ".date", v.date);
        put(p + ".amount", v.amount);
        put(p + ".description", v.description);
        put(p + ".action_id", v.action_id);
        put(p + ".action_index", v.action_index);
        put(p + ".cost_type", v.cost_type);
        put(p + ".document", v.document);
        put(p + ".share", v.share);
        put(p + ".share_basis", v.share_basis);
        put(p + ".other_funding", v.other_funding);
        put(p + ".credit", v.credit);
        put(p + ".paid_on", v.paid_on);
        put(p + ".pos", v.pos);
    }
    void put(const std::string& p, const Piis& v) {
        put(p + ".signed_on", v.signed_on);
        put(p + ".kind", v.kind);
    }
    void put(const std::string& p, const TrajectoryStep& v) {
        put(p + ".step", v.step);
        put(p + ".date", v.date);
        put(p + ".from", v.from);
        put(p + ".to", v.to);
        put(p + ".ready_for_work", v.ready_for_work);
        put(p + ".action_ids", v.action_ids);
        put(p + ".action_indices", v.action_indices);
        put(p + ".undeclared_actions", v.undeclared_actions);
        put(p + ".position", v.position);
        put(p + ".count", v.count);
        put(p + ".pos", v.pos);
    }
    void put(const std::string& p, const Score& v) {
        put(p + ".date", v.date);
        put(p + ".socioprofessional", v.socioprofessional);
        put(p + ".autonomy", v.autonomy);
        put(p + ".volunteering", v.volunteering);
    }
    void put(const std::string& p, const Assessment& v) {
        put(p + ".start", v.start);
        put(p + ".end", v.end);
    }
    void put(const std::string& p, const Beneficiary& v) {
        put(p + ".id", v.id);
        put(p + ".income", v.income);
        put(p + ".piis", v.piis);
        put(p + ".ready_for_work", v.ready_for_work);
        put(p + ".action_ids", v.action_ids);
        put(p + ".action_indices", v.action_indices);
        put(p + ".trajectory", v.trajectory);
        put(p + ".assessment", v.assessment);
        put(p + ".pos", v.pos);
    }
    void put(const std::string& p, const Objective& v) {
        put(p + ".id", v.id);
        put(p + ".text", v.text);
        put(p + ".achieved", v.achieved);
        put(p + ".partnerships", v.partnerships);
        put(p + ".reasons", v.reasons);
        put(p + ".pos", v.pos);
    }
    void put(const std::string& p, const Evaluation& v) {
        put(p + ".submitted_on", v.submitted_on);
        put(p + ".objectives", v.objectives);
    }
    void put(const std::string& p, const Convention& v) {
        put(p + ".file", v.file);
        put(p + ".id", v.id);
        put(p + ".year", v.year);
        put(p + ".cpas", v.cpas);
        put(p + ".scheme", v.scheme);
        put(p + ".cluster", v.cluster);
        put(p + ".period", v.period);
        put(p + ".submitted_on", v.submitted_on);
        put(p + ".signed_on", v.signed_on);
        put(p + ".subsidy", v.subsidy);
        put(p + ".advance_paid", v.advance_paid);
        put(p + ".actions", v.actions);
        put(p + ".expenses", v.expenses);
        put(p + ".beneficiaries", v.beneficiaries);
        put(p + ".evaluation", v.evaluation);
    }
};

std::string dump(const Convention& convention) {
    Dump d;
    d.put("convention", convention);
    return d.text;
}

// The first line where the dumps of two conventions differ, or "" when they are the same.
std::string difference(const Convention& a, const Convention& b) {
    const std::string x = dump(a), y = dump(b);
    size_t line = 0;
    while (line < x.size() && line < y.size()) {
        const size_t end_x = std::min(x.find('\n', line), x.size());
        const size_t end_y = std::min(y.find('\n', line), y.size());
        if (x.compare(line, end_x - line, y, line, end_y - line) != 0) {
            std::string message = x.substr(line, end_x - line);
            message += "  <>  ";
            message += y.substr(line, end_y - line);
            return message;
        }
        line = end_x + 1;
    }
    return x.size() == y.size() ? "" : "one dump is longer";
}

Convention load(const std::string& path) {
    auto loaded = load_convention_file(path);
    REQUIRE(loaded.convention);
    return std::move(*loaded.convention);
}

Convention decode_ok(std::string_view blob) {
    std::string error;
    auto decoded = decode_convention(blob, error);
    INFO(error);
    REQUIRE(decoded);
    CHECK(error.empty());
    return std::move(*decoded);
}

// Decodes, and checks that the blob is refused with an error.
std::string refused(std::string_view blob) {
    std::string error;
    const auto decoded = decode_convention(blob, error);
    CHECK_FALSE(decoded);
    CHECK_FALSE(error.empty());
    return error;
}

void check_round_trip(const Convention& convention) {
    const std::string blob = encode_convention(convention);
    const Convention decoded = decode_ok(blob);
    CHECK(difference(decoded, convention) == "");
    CHECK(encode_convention(decoded) == blob);
}

void put_varint(std::string& out, uint64_t v) {
    for (; v >= 0x80; v >>= 7) out.push_back(static_cast<char>(v | 0x80));
    out.push_back(static_cast<char>(v));
}

uint64_t get_varint(std::string_view blob, size_t& at) {
    uint64_t v = 0;
    for (unsigned shift = 0;; shift += 7) {
        const auto byte = static_cast<uint8_t>(blob.at(at++));
        v |= static_cast<uint64_t>(byte & 0x7f) << shift;
        if (byte < 0x80) return v;
    }
}

// The body of a blob, between its header and its checksum (model_codec.hpp).
std::string body_of(std::string_view blob) {
    size_t at = 4;
    get_varint(blob, at);  // version
    const uint64_t size = get_varint(blob, at);
    REQUIRE(at + size + 8 == blob.size());
    return std::string(blob.substr(at, size));
}

// A blob around `body` with a valid header and checksum, as encode_convention writes them:
// what a corruption that the checksum cannot see would look like.
std::string seal(std::string_view body, uint64_t version = model_blob_version) {
    std::string blob = "ACMB";
    put_varint(blob, version);
    put_varint(blob, body.size());
    blob += body;
    uint64_t checksum = model_blob_checksum(blob);
    for (int i = 0; i < 8; ++i, checksum >>= 8) blob.push_back(static_cast<char>(checksum & 0xff));
    return blob;
}

// Every optional present, every list non-empty, every index set.
Convention everything() {
    Convention c;
    c.file = "dir/everything.yaml";
    c.id = "AS-2016-9999";
    c.year = 2016;
    c.cpas = {"CPAS d'Àrlon — été", "81001", {5, 3}};
    c.scheme = "cluster";
    c.cluster = {{"CPAS de Habay", "85046", {7, 7}}, {"CPAS d'Attert", "81003", {8, 7}}};
    c.period = {parse_date("2016-01-01").value(), parse_date("2016-12-31").value()};
    c.submitted_on = parse_date("2016-07-01").value();
    c.signed_on = parse_date("2016-02-15").value();
    c.subsidy = Money{1'234'567'89};
    c.advance_paid = Money{-5};  // negative: zigzag
    Action a;
    a.id = "A1";
    a.kind = "individual";
    a.title = "Stage";
    a.description = std::string(300, 'x');  // a length over one varint byte
    a.category = "other";
    a.target_ready_for_work = false;
    a.planned_participants = std::numeric_limits<int64_t>::max();
    a.start = Date{-1};
    a.end = Date{std::numeric_limits<int32_t>::max()};
    a.partners = {"Forem", "", "Lire et écrire"};
    a.pos = {12, 7};
    c.actions = {a, a};
    c.actions[1].id = "A2";
    Expense e;
    e.id = "E1";
    e.date = Date{std::numeric_limits<int32_t>::min()};
    e.amount = Money{std::numeric_limits<int64_t>::min()};
    e.description = std::string("nul\0byte", 8);
    e.action_id = "A2";
    e.action_index = 1;
    e.cost_type = "personnel";
    e.document = "PAIE-01";
    e.share = Share{333'333};
    e.share_basis = "a third";
    e.other_funding = Money{42};
    e.credit = true;
    e.paid_on = Date{16'800};
    e.pos = {std::numeric_limits<int>::max(), std::numeric_limits<int>::min()};
    c.expenses = {e};
    Beneficiary b;
    b.id = "B1";
    b.income = "integration_income";
    b.piis = Piis{Date{16'500}, "social_activation"};
    b.ready_for_work = true;
    b.action_ids = {"A1", "A2"};
    b.action_indices = {0, 1};
    TrajectoryStep s;
    s.step = "social_activation";
    s.date = Date{1};
    s.from = Date{2};
    s.to = Date{3};
    s.ready_for_work = false;
    s.action_ids = {"A1", "A9"};
    s.action_indices = {0};
    s.undeclared_actions = {"A9"};
    s.count = 2;
    s.pos = {30, 11};
    b.trajectory = {s, s};
    b.trajectory[1].position = 1;
    b.trajectory[1].step = "follow_up";
    Score score{Date{16'600}, 2, 0, -3};
    b.assessment = Assessment{score, score};
    b.assessment->end->autonomy = 10;
    b.pos = {25, 7};
    c.beneficiaries = {b};
    Objective o{"O1", "Remobiliser", "partly", {"Forem", "ONE"}, "staff left", {40, 9}};
    c.evaluation = Evaluation{Date{16'900}, {o}};
    return c;
}

// Every optional absent, every list empty, every value its default.
Convention nothing() { return Convention{}; }

}  // namespace

TEST_CASE("every shipped example round-trips field for field and evaluates the same", "[codec]") {
    const auto compiled =
        compile_ruleset_file(ACTIV_SOURCE_DIR "/rules/be/social-activation-2015.rules");
    REQUIRE(compiled.program);
    int count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(examples)) {
        if (entry.path().extension() != ".yaml") continue;
        ++count;
        const Convention original = load(entry.path().string());
        INFO(original.file);
        const std::string blob = encode_convention(original);
        const Convention decoded = decode_ok(blob);
        CHECK(decoded.file == original.file);
        CHECK(difference(decoded, original) == "");
        CHECK(encode_convention(decoded) == blob);
        CHECK(render_json(evaluate(*compiled.program, compiled.info, decoded)) ==
              render_json(evaluate(*compiled.program, compiled.info, original)));
    }
    CHECK(count >= 3);
}

TEST_CASE("a convention with every optional field absent round-trips", "[codec]") {
    const Convention c = nothing();
    check_round_trip(c);
    const Convention decoded = decode_ok(encode_convention(c));
    CHECK_FALSE(decoded.scheme);
    CHECK_FALSE(decoded.signed_on);
    CHECK_FALSE(decoded.advance_paid);
    CHECK_FALSE(decoded.evaluation);
    // One with items whose own optionals are all absent.
    Convention items;
    items.actions.emplace_back().id = "A";
    items.expenses.emplace_back().id = "E";
    auto& b = items.beneficiaries.emplace_back();
    b.trajectory.emplace_back().count = 1;
    b.piis.emplace();
    b.assessment.emplace();
    items.evaluation.emplace().objectives.emplace_back();
    check_round_trip(items);
}

TEST_CASE("a convention with every optional field present round-trips", "[codec]") {
    const Convention c = everything();
    check_round_trip(c);
    const Convention d = decode_ok(encode_convention(c));
    // A few by name, beyond the dump comparison.
    CHECK(d.expenses[0].description.size() == 8);
    CHECK(d.expenses[0].amount.cents == std::numeric_limits<int64_t>::min());
    CHECK(d.actions[0].planned_participants == std::numeric_limits<int64_t>::max());
    CHECK(d.beneficiaries[0].trajectory[1].position == 1);
    CHECK(d.beneficiaries[0].trajectory[1].count == 2);
    CHECK(d.beneficiaries[0].assessment->end->autonomy == 10);
    CHECK(d.evaluation->objectives[0].reasons == "staff left");
}

TEST_CASE("every truncation of a blob is refused", "[codec]") {
    const std::string blob = encode_convention(load(examples + "namur-2015.yaml"));
    for (size_t n = 0; n < blob.size(); ++n) {
        INFO(n);
        const std::string error = refused(std::string_view(blob).substr(0, n));
        CHECK_THAT(error, Catch::Contains("truncated"));
    }
    // A body cut short behind a header and a checksum that agree with it reaches the decoder
    // of the fields, which must run out of bytes rather than read beyond them.
    const std::string body = body_of(blob);
    for (size_t n = 0; n < body.size(); ++n) {
        INFO(n);
        const std::string error = refused(seal(std::string_view(body).substr(0, n)));
        const bool expected = error.find("truncated") != std::string::npos ||
                              error.find("bad count") != std::string::npos ||
                              error.find("bad length") != std::string::npos;
        CHECK(expected);
    }
}

TEST_CASE("mutated blobs are refused, or decode to what they encode, and never crash", "[codec]") {
    const std::string blob = encode_convention(load(examples + "namur-2015.yaml"));
    const std::string body = body_of(blob);
    std::mt19937 random(20150311);
    auto index = [&](size_t size) {
        return std::uniform_int_distribution<size_t>(0, size - 1)(random);
    };
    auto mutate = [&](std::string bytes) {
        const int changes = 1 + static_cast<int>(index(3));
        for (int i = 0; i < changes; ++i) {
            auto& byte = bytes[index(bytes.size())];
            switch (index(4)) {
                case 0:
                    byte = static_cast<char>(byte ^ (1 << index(8)));
                    break;
                case 1:
                    byte = static_cast<char>(index(256));
                    break;
                case 2:
                    byte = static_cast<char>(0xff);
                    break;
                default:
                    byte = 0;
                    break;
            }
        }
        return bytes;
    };
    int sealed_decoded = 0;
    for (int round = 0; round < 3000; ++round) {
        // The checksum sees every corruption of the blob as written.
        const std::string mutated = mutate(blob);
        if (mutated != blob) refused(mutated);
        // A corrupted body under a valid checksum: the decoder alone must cope.
        const std::string sealed = seal(mutate(body));
        std::string error;
        if (const auto decoded = decode_convention(sealed, error)) {
            ++sealed_decoded;
            CHECK(encode_convention(*decoded) == sealed);  // canonical: nothing lost or added
        } else {
            CHECK_FALSE(error.empty());
        }
    }
    // Mutations inside strings decode; make sure the test exercised both outcomes.
    CHECK(sealed_decoded > 0);
    CHECK(sealed_decoded < 3000);
}

TEST_CASE("a wrong magic, another version, a bad checksum or trailing bytes are named", "[codec]") {
    const std::string blob = encode_convention(everything());
    std::string wrong = blob;
    wrong[0] = 'X';
    CHECK_THAT(refused(wrong), Catch::Contains("bad magic"));
    CHECK_THAT(refused("format: convention/1\n"), Catch::Contains("bad magic"));
    CHECK_THAT(refused(seal(body_of(blob), 7)),
               Catch::Equals("unknown version 7 (this build reads version 1)"));
    CHECK_THAT(refused(seal(body_of(blob), 0)), Catch::StartsWith("unknown version 0"));

    std::string flipped = blob;
    flipped[blob.size() / 2] = static_cast<char>(flipped[blob.size() / 2] ^ 0x10);
    CHECK_THAT(refused(flipped), Catch::Contains("checksum mismatch"));
    CHECK_THAT(refused(blob + '\0'), Catch::Contains("trailing bytes"));
    CHECK_THAT(refused(seal(body_of(blob) + '\0')), Catch::Contains("trailing bytes in the body"));
}

TEST_CASE("a blob whose indices would read outside the convention is refused", "[codec]") {
    SECTION("an expense's action") {
        Convention c = everything();
        c.expenses[0].action_index = 2;  // two actions
        CHECK_THAT(refused(encode_convention(c)), Catch::Contains("action index out of range"));
    }
    SECTION("a beneficiary's actions") {
        Convention c = everything();
        c.beneficiaries[0].action_indices.push_back(-1);
        CHECK_THAT(refused(encode_convention(c)), Catch::Contains("action index out of range"));
    }
    SECTION("a step's actions") {
        Convention c = everything();
        c.beneficiaries[0].trajectory[0].action_indices = {7};
        CHECK_THAT(refused(encode_convention(c)), Catch::Contains("action index out of range"));
    }
    SECTION("a step's position or count") {
        Convention c = everything();
        c.beneficiaries[0].trajectory[1].position = 5;
        CHECK_THAT(refused(encode_convention(c)), Catch::Contains("position"));
        c = everything();
        c.beneficiaries[0].trajectory[0].count = 3;
        CHECK_THAT(refused(encode_convention(c)), Catch::Contains("count"));
    }
}

TEST_CASE("a count larger than the bytes left is refused before allocating", "[codec]") {
    // The convention's first fields, all empty or zero, then 2^62 actions.
    Convention c;
    const std::string body = body_of(encode_convention(c));
    std::string head;
    // file, id, year, cpas (name, nis, line, column), scheme, cluster, period (2), submitted_on,
    // signed_on, subsidy, advance_paid: 15 bytes of zeros.
    REQUIRE(body.substr(0, 15) == std::string(15, '\0'));
    head = body.substr(0, 15);
    put_varint(head, uint64_t{1} << 62);
    CHECK_THAT(refused(seal(head + body.substr(16))), Catch::Contains("bad count at byte"));
    // A string as long as the bytes left plus one.
    std::string text = body;
    text[0] = static_cast<char>(body.size());  // the file name's length
    CHECK_THAT(refused(seal(text)), Catch::Contains("bad length at byte"));
}

// Not run by default: `activ_tests "[.codec-bench]"` with the national batch generated by
// `build-codec/bench/activ_generate --out /tmp/codec-national` (or ACTIV_CODEC_BENCH_DIR).
TEST_CASE("codec figures over the national batch", "[.codec-bench]") {
    const char* dir = std::getenv("ACTIV_CODEC_BENCH_DIR");
    const std::string folder = dir ? dir : "/tmp/codec-national";
    std::vector<std::string> paths;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
        if (entry.path().extension() == ".yaml") paths.push_back(entry.path().string());
    }
    std::sort(paths.begin(), paths.end());
    REQUIRE(!paths.empty());
    using Clock = std::chrono::steady_clock;
    const auto seconds = [](Clock::time_point from) {
        return std::chrono::duration<double>(Clock::now() - from).count();
    };
    size_t yaml_bytes = 0, blob_bytes = 0, expenses = 0;
    double load_s = 0, encode_s = 0, decode_s = 0;
    std::vector<Convention> conventions;
    for (const auto& path : paths) {
        yaml_bytes += std::filesystem::file_size(path);
        const auto t = Clock::now();
        conventions.push_back(load(path));
        load_s += seconds(t);
        expenses += conventions.back().expenses.size();
    }
    std::vector<std::string> blobs;
    {
        const auto t = Clock::now();
        for (const auto& c : conventions) blobs.push_back(encode_convention(c));
        encode_s = seconds(t);
    }
    for (const auto& b : blobs) blob_bytes += b.size();
    // As a store checks a batch: each convention decoded, used, then dropped.
    double decode_drop_s = 1e9, checksum_s = 1e9;
    for (int run = 0; run < 3; ++run) {
        auto t = Clock::now();
        std::string error;
        size_t items = 0;
        for (const auto& b : blobs) items += decode_convention(b, error)->expenses.size();
        REQUIRE(items == expenses);
        decode_drop_s = std::min(decode_drop_s, seconds(t));
        t = Clock::now();
        volatile uint64_t sink = 0;
        for (const auto& b : blobs) sink = sink + model_blob_checksum(b);
        checksum_s = std::min(checksum_s, seconds(t));
    }
    // Every convention decoded and kept: the memory is new, page faults included.
    std::vector<Convention> decoded;
    decoded.reserve(blobs.size());
    {
        const auto t = Clock::now();
        std::string error;
        for (const auto& b : blobs) decoded.push_back(*decode_convention(b, error));
        decode_s = seconds(t);
    }
    for (size_t i = 0; i < conventions.size(); ++i) {
        REQUIRE(difference(decoded[i], conventions[i]) == "");
    }
    std::printf(
        "%zu conventions, %zu expenses\n"
        "YAML   %8.2f MB, load   %.3f s\n"
        "blobs  %8.2f MB, encode %.3f s, decode %.3f s (all kept), %.3f s (each dropped), "
        "of which checksums %.3f s\n",
        conventions.size(), expenses, yaml_bytes / 1e6, load_s, blob_bytes / 1e6, encode_s,
        decode_s, decode_drop_s, checksum_s);
}
