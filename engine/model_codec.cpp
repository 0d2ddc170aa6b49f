// The binary encoding of the convention model (engine/model_codec.hpp). One `io` function per
// model struct lists its fields once, in declaration order; the writer, the reader and the
// counter of minimum sizes all walk those same lists, so that they cannot disagree on the order.
#include "engine/model_codec.hpp"

#include <algorithm>
#include <bit>
#include <concepts>
#include <cstring>
#include <limits>
#include <type_traits>
#include <vector>

namespace activ {

namespace {

// When the model changes, these fail to compile: encode the new field in its `io` function
// below, bump model_blob_version, and then update the sizes (measured on x86-64 libstdc++).
#if defined(__x86_64__) && defined(__GLIBCXX__)
static_assert(sizeof(SourcePos) == 8 && sizeof(Cpas) == 72 && sizeof(Period) == 8);
static_assert(sizeof(Action) == 232 && sizeof(Expense) == 280 && sizeof(Piis) == 48);
static_assert(sizeof(TrajectoryStep) == 152 && sizeof(Score) == 56 && sizeof(Assessment) == 128);
static_assert(sizeof(Beneficiary) == 352 && sizeof(Objective) == 168 && sizeof(Evaluation) == 32);
static_assert(sizeof(Convention) == 368);
#endif

constexpr char magic[4] = {'A', 'C', 'M', 'B'};
constexpr size_t checksum_bytes = 8;

// `T` is `U` or `const U`: the writer walks const structs, the reader mutable ones.
template <typename T, typename U>
concept model = std::same_as<std::remove_const_t<T>, U>;

// The fields of each struct, in model.hpp's order. A new field goes here, at its place.
template <typename A, model<Date> T>
void io(A& a, T& x) {
    a(x.days);
}
template <typename A, model<Money> T>
void io(A& a, T& x) {
    a(x.cents);
}
template <typename A, model<Share> T>
void io(A& a, T& x) {
    a(x.millionths);
}
template <typename A, model<SourcePos> T>
void io(A& a, T& x) {
    a(x.line);
    a(x.column);
}
template <typename A, model<Cpas> T>
void io(A& a, T& x) {
    a(x.name);
    a(x.nis);
    a(x.pos);
}
template <typename A, model<Period> T>
void io(A& a, T& x) {
    a(x.start);
    a(x.end);
}
template <typename A, model<Action> T>
void io(A& a, T& x) {
    a(x.id);
    a(x.kind);
    a(x.title);
    a(x.description);
    a(x.category);
    a(x.target_ready_for_work);
    a(x.planned_participants);
    a(x.start);
    a(x.end);
    a(x.partners);
    a(x.pos);
}
template <typename A, model<Expense> T>
void io(A& a, T& x) {
    a(x.id);
    a(x.date);
    a(x.amount);
    a(x.description);
    a(x.action_id);
    a(x.action_index);
    a(x.cost_type);
    a(x.document);
    a(x.share);
    a(x.share_basis);
    a(x.other_funding);
    a(x.credit);
    a(x.paid_on);
    a(x.pos);
}
template <typename A, model<Piis> T>
void io(A& a, T& x) {
    a(x.signed_on);
    a(x.kind);
}
template <typename A, model<TrajectoryStep> T>
void io(A& a, T& x) {
    a(x.step);
    a(x.date);
    a(x.from);
    a(x.to);
    a(x.ready_for_work);
    a(x.action_ids);
    a(x.action_indices);
    a(x.undeclared_actions);
    a(x.position);
    a(x.count);
    a(x.pos);
}
template <typename A, model<Score> T>
void io(A& a, T& x) {
    a(x.date);
    a(x.socioprofessional);
    a(x.autonomy);
    a(x.volunteering);
}
template <typename A, model<Assessment> T>
void io(A& a, T& x) {
    a(x.start);
    a(x.end);
}
template <typename A, model<Beneficiary> T>
void io(A& a, T& x) {
    a(x.id);
    a(x.income);
    a(x.piis);
    a(x.ready_for_work);
    a(x.action_ids);
    a(x.action_indices);
    a(x.trajectory);
    a(x.assessment);
    a(x.pos);
}
template <typename A, model<Objective> T>
void io(A& a, T& x) {
    a(x.id);
    a(x.text);
    a(x.achieved);
    a(x.partnerships);
    a(x.reasons);
    a(x.pos);
}
template <typename A, model<Evaluation> T>
void io(A& a, T& x) {
    a(x.submitted_on);
    a(x.objectives);
}
template <typename A, model<Convention> T>
void io(A& a, T& x) {
    a(x.file);
    a(x.id);
    a(x.year);
    a(x.cpas);
    a(x.scheme);
    a(x.cluster);
    a(x.period);
    a(x.submitted_on);
    a(x.signed_on);
    a(x.subsidy);
    a(x.advance_paid);
    a(x.actions);
    a(x.expenses);
    a(x.beneficiaries);
    a(x.evaluation);
}

template <typename T>
struct is_optional : std::false_type {};
template <typename T>
struct is_optional<std::optional<T>> : std::true_type {};
template <typename T>
struct is_vector : std::false_type {};
template <typename T>
struct is_vector<std::vector<T>> : std::true_type {};

// A value written as one varint, one byte or one length-prefixed string: at least one byte.
template <typename T>
constexpr bool is_leaf = std::is_integral_v<T> || std::is_same_v<T, std::string> ||
                         is_optional<T>::value || is_vector<T>::value;

uint64_t zigzag(int64_t v) {
    return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
}
int64_t unzigzag(uint64_t u) { return static_cast<int64_t>(u >> 1) ^ -static_cast<int64_t>(u & 1); }

// The fewest bytes a T takes: every leaf at least one (an empty vector, an absent optional).
struct Counter {
    size_t bytes = 0;
    template <typename T>
    void operator()(const T& value) {
        if constexpr (is_leaf<T>) {
            ++bytes;
        } else {
            io(*this, value);
        }
    }
};

template <typename T>
size_t min_bytes() {
    static const size_t bytes = [] {
        Counter counter;
        counter(T{});
        return counter.bytes;
    }();
    return bytes;
}

class Writer {
  public:
    explicit Writer(std::string& out) : out_(out) {}

    void varint(uint64_t v) {
        while (v >= 0x80) {
            out_.push_back(static_cast<char>(v | 0x80));
            v >>= 7;
        }
        out_.push_back(static_cast<char>(v));
    }

    template <typename T>
    void operator()(const T& value) {
        if constexpr (std::is_same_v<T, bool>) {
            out_.push_back(value ? 1 : 0);
        } else if constexpr (std::is_integral_v<T>) {
            static_assert(std::is_signed_v<T> && sizeof(T) <= 8);
            varint(zigzag(value));
        } else if constexpr (std::is_same_v<T, std::string>) {
            varint(value.size());
            out_.append(value);
        } else if constexpr (is_optional<T>::value) {
            out_.push_back(value ? 1 : 0);
            if (value) (*this)(*value);
        } else if constexpr (is_vector<T>::value) {
            varint(value.size());
            for (const auto& item : value) (*this)(item);
        } else {
            io(*this, value);
        }
    }

  private:
    std::string& out_;
};

class Reader {
  public:
    // Reads [begin, end); errors give their offset from `origin`, the blob's first byte.
    Reader(const char* origin, const char* begin, const char* end)
        : origin_(origin), p_(begin), end_(end) {}

    bool failed() const { return error_ != nullptr; }
    bool at_end() const { return p_ == end_; }
    size_t left() const { return static_cast<size_t>(end_ - p_); }

    // The first problem, where it was found.
    std::string error() const {
        std::string message = error_;
        message += " at byte ";
        message += std::to_string(error_at_);
        return message;
    }

    void fail(const char* what) {
        if (error_ == nullptr) {
            error_ = what;
            error_at_ = static_cast<size_t>(p_ - origin_);
        }
        p_ = end_;  // every later read fails at once
    }

    uint64_t varint() {
        if (p_ == end_) {
            fail("truncated");
            return 0;
        }
        auto byte = static_cast<uint8_t>(*p_);
        if (byte < 0x80) {  // the common case: one byte
            ++p_;
            return byte;
        }
        const char* const start = p_;
        uint64_t value = 0;
        for (unsigned shift = 0;; shift += 7) {
            if (p_ == end_) {
                p_ = start;
                fail("truncated");
                return 0;
            }
            byte = static_cast<uint8_t>(*p_++);
            if (shift == 63 && byte > 1) {
                p_ = start;
                fail("varint overflows 64 bits");
                return 0;
            }
            value |= static_cast<uint64_t>(byte & 0x7f) << shift;
            if (byte < 0x80) {
                if (byte == 0) {  // a last byte of zero bits: not the shortest form
                    p_ = start;
                    fail("overlong varint");
                    return 0;
                }
                return value;
            }
        }
    }

    // A presence byte or a bool: 0 or 1.
    bool flag(const char* what) {
        if (p_ == end_) {
            fail("truncated");
            return false;
        }
        const auto byte = static_cast<uint8_t>(*p_);
        if (byte > 1) {
            fail(what);
            return false;
        }
        ++p_;
        return byte == 1;
    }

    template <typename T>
    void operator()(T& value) {
        if constexpr (std::is_same_v<T, bool>) {
            value = flag("bad bool");
        } else if constexpr (std::is_integral_v<T>) {
            const char* const start = p_;
            const int64_t v = unzigzag(varint());
            if (v < std::numeric_limits<T>::min() || v > std::numeric_limits<T>::max()) {
                p_ = start;
                fail("integer out of range");
                return;
            }
            value = static_cast<T>(v);
        } else if constexpr (std::is_same_v<T, std::string>) {
            const char* const start = p_;
            const uint64_t size = varint();
            if (size > left()) {
                p_ = start;
                fail("bad length");
                return;
            }
            value.assign(p_, size);
            p_ += size;
        } else if constexpr (is_optional<T>::value) {
            if (flag("bad presence byte")) (*this)(value.emplace());
        } else if constexpr (is_vector<T>::value) {
            using Item = typename T::value_type;
            const char* const start = p_;
            const uint64_t count = varint();
            // Each item takes at least min_bytes: a count beyond what is left is corrupt,
            // and must not reserve memory.
            if (count > left() / min_bytes<Item>()) {
                p_ = start;
                fail("bad count");
                return;
            }
            value.clear();
            value.reserve(count);
            for (uint64_t i = 0; i < count && !failed(); ++i) (*this)(value.emplace_back());
        } else {
            io(*this, value);
        }
    }

  private:
    const char* origin_;
    const char* p_;
    const char* end_;
    const char* error_ = nullptr;
    size_t error_at_ = 0;
};

uint64_t load_le64(const char* p) {
    uint64_t word;
    std::memcpy(&word, p, sizeof word);
    if constexpr (std::endian::native == std::endian::big) word = __builtin_bswap64(word);
    return word;
}

// What evaluation indexes with: nullptr when every index is in range.
const char* check_indices(const Convention& c) {
    const size_t actions = c.actions.size();
    const auto is_action = [&](int i) { return i >= 0 && static_cast<size_t>(i) < actions; };
    for (const auto& expense : c.expenses) {
        if (expense.action_index != -1 && !is_action(expense.action_index)) {
            return "expense action index out of range";
        }
    }
    for (const auto& beneficiary : c.beneficiaries) {
        for (int i : beneficiary.action_indices) {
            if (!is_action(i)) return "beneficiary action index out of range";
        }
        const size_t steps = beneficiary.trajectory.size();
        for (size_t k = 0; k < steps; ++k) {
            const auto& step = beneficiary.trajectory[k];
            if (static_cast<size_t>(step.position) != k ||
                static_cast<size_t>(step.count) != steps) {
                return "step position or count not its place in the trajectory";
            }
            for (int i : step.action_indices) {
                if (!is_action(i)) return "step action index out of range";
            }
        }
    }
    return nullptr;
}

}  // namespace

uint64_t model_blob_checksum(std::string_view bytes) {
    // Each step is a bijection of the state for a given word, so two inputs of the same
    // length that differ in a single 8-byte word always hash differently.
    constexpr uint64_t k = 0x9e3779b97f4a7c15;
    uint64_t h = 0x243f6a8885a308d3 ^ (static_cast<uint64_t>(bytes.size()) * k);
    const auto mix = [&](uint64_t word) {
        h = (h ^ word) * k;
        h ^= h >> 32;
    };
    const char* p = bytes.data();
    size_t n = bytes.size();
    for (; n >= 8; p += 8, n -= 8) mix(load_le64(p));
    if (n > 0) {
        uint64_t tail = 0;
        for (size_t i = 0; i < n; ++i) {
            tail |= static_cast<uint64_t>(static_cast<uint8_t>(p[i])) << (8 * i);
        }
        mix(tail);
    }
    // MurmurHash3's finaliser, so that the last words reach every bit too.
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccd;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53;
    h ^= h >> 33;
    return h;
}

std::string encode_convention(const Convention& convention) {
    std::string body;
    body.reserve(256 + 96 * convention.expenses.size() + 128 * convention.beneficiaries.size());
    Writer writer(body);
    writer(convention);

    std::string blob;
    blob.reserve(body.size() + 32);
    blob.append(magic, sizeof magic);
    Writer header(blob);
    header.varint(model_blob_version);
    header.varint(body.size());
    blob += body;
    uint64_t checksum = model_blob_checksum(blob);
    for (size_t i = 0; i < checksum_bytes; ++i, checksum >>= 8) {
        blob.push_back(static_cast<char>(checksum & 0xff));
    }
    return blob;
}

std::optional<Convention> decode_convention(std::string_view blob, std::string& error) {
    error.clear();
    const size_t magic_seen = std::min(blob.size(), sizeof magic);
    if (blob.substr(0, magic_seen) != std::string_view(magic, magic_seen)) {
        error = "not a convention blob (bad magic)";
        return std::nullopt;
    }
    if (magic_seen < sizeof magic) {
        error = "truncated";
        return std::nullopt;
    }
    Reader header(blob.data(), blob.data() + sizeof magic, blob.data() + blob.size());
    const uint64_t version = header.varint();
    if (header.failed()) {
        error = header.error();
        return std::nullopt;
    }
    if (version != model_blob_version) {
        error = "unknown version ";
        error += std::to_string(version);
        error += " (this build reads version ";
        error += std::to_string(model_blob_version);
        error += ")";
        return std::nullopt;
    }
    const uint64_t body_size = header.varint();
    if (header.failed()) {
        error = header.error();
        return std::nullopt;
    }
    const size_t body_start = blob.size() - header.left();
    const size_t available = header.left();
    if (available < checksum_bytes || available - checksum_bytes < body_size) {
        error = "truncated (a body of ";
        error += std::to_string(body_size);
        error += " bytes announced, ";
        error += std::to_string(available);
        error += " bytes left for it and the checksum)";
        return std::nullopt;
    }
    if (available - checksum_bytes > body_size) {
        error = "trailing bytes after the checksum";
        return std::nullopt;
    }
    const size_t body_end = body_start + body_size;
    if (model_blob_checksum(blob.substr(0, body_end)) != load_le64(blob.data() + body_end)) {
        error = "checksum mismatch (corrupted blob)";
        return std::nullopt;
    }

    Reader body(blob.data(), blob.data() + body_start, blob.data() + body_end);
    std::optional<Convention> convention(std::in_place);
    body(*convention);
    if (!body.failed() && !body.at_end()) body.fail("trailing bytes in the body");
    if (body.failed()) {
        error = body.error();
        return std::nullopt;
    }
    if (const char* problem = check_indices(*convention)) {
        error = problem;
        return std::nullopt;
    }
    return convention;
}

}  // namespace activ
