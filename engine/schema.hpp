// What the rules language can read from a convention: every record kind, its fields,
// their types, and a getter per field, so that compiled rules read a field through a
// resolved slot and never look a name up while evaluating.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model.hpp"

namespace activ::schema {

enum class RecordKind : uint8_t {
    convention, cpas, period, action, expense, piis, step, score, assessment, beneficiary,
    objective, evaluation
};
const char* record_name(RecordKind kind);

/// `decimal` is a computed ratio with 4 decimals (scale 4), or a number literal before it
/// takes the kind of what it is compared with; `days` is a span of calendar days.
enum class Type : uint8_t {
    boolean, number, decimal, money, share, date, text, symbol, record, list, set, days
};
const char* type_name(Type type);

/// Words and texts of a set, as written (sorted, for `in`) and folded (for `mentions`).
struct TextSet {
    std::vector<std::string> items;
    std::vector<std::string> folded;
    std::vector<int32_t> days;  // the items that are dates (holidays), sorted
};

/// A list of records: contiguous (`indices` null) or picked from `base` by index.
/// No member initializers: it lives in Value's union, and is always assigned whole.
struct ListRef {
    const char* base;
    const int* indices;
    uint32_t size;
    uint32_t stride;
    const void* at(uint32_t i) const {
        return base + static_cast<size_t>(indices ? indices[i] : static_cast<int>(i)) * stride;
    }
};

/// A value while evaluating. Evaluation copies values at every node, so a value is small:
/// the payload a type uses shares its bytes with the others (32 bytes in all).
struct Value {
    Value() : integer(0) {}  // GCC 12 deletes the implicit one: the union holds a string_view
    union {
        int64_t integer;  // number; money in cents; share in millionths; date in days;
                              // decimal in units of 10^-scale
        std::string_view text;  // text and symbol
        const void* record;
        ListRef list;
        const TextSet* set;
        const std::string* missing_path;  // a missing value: the path of the field not given
    };
    Type type = Type::boolean;
    bool missing = false;
    bool boolean = false;
    int8_t scale = 0;  // decimal only
    RecordKind record_kind = RecordKind::convention;  // record and list, present or missing
};

// Inline: every node of every evaluation makes one.
inline Value typed_value(Type type, int64_t integer) {
    Value v;
    v.type = type;
    v.integer = integer;
    return v;
}
inline Value missing_value(Type type) {
    Value v;
    v.type = type;
    v.missing = true;
    return v;
}
inline Value bool_value(bool b) {
    Value v;
    v.boolean = b;
    return v;
}
inline Value number_value(int64_t n) { return typed_value(Type::number, n); }
inline Value money_value(Money m) { return typed_value(Type::money, m.cents); }
inline Value share_value(Share s) { return typed_value(Type::share, s.millionths); }
inline Value date_value(Date d) { return typed_value(Type::date, d.days); }
inline Value text_value(std::string_view text, Type type = Type::text) {
    Value v;
    v.type = type;
    v.text = text;
    return v;
}

/// Per-convention state the getters may need beyond the record itself.
struct EvalContext {
    const Convention* convention = nullptr;
    std::vector<std::string> activation;  // per action index, once classified
    std::vector<std::string> action_text;      // per action: title and description
    std::vector<std::string> eligibility;  // per beneficiary index, once classified
    std::vector<bool> refused;                 // per expense index, once checked
    Date reference_day;  // the day dated parameters are read on: the period's start
};

using Getter = Value (*)(const void* record, const EvalContext& context);

struct Field {
    std::string_view name;
    Type type;
    RecordKind record;  // for record and list fields: the kind of record
    Getter get;
    std::string_view vocabulary;  // closed symbol vocabularies, space-separated; empty = open
    std::string_view meaning;
};

std::span<const Field> fields_of(RecordKind kind);
const Field* find_field(RecordKind kind, std::string_view name);

/// The text of a value for messages and explanations: 2015-03-31, 1480.00, 0.4, true.
std::string format_value(const Value& value);

}  // namespace activ::schema
