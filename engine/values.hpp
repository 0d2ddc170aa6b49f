// Exact value types of the domain: calendar days, euro cents and shares.
// Decisions never go through binary floating point.
#pragma once
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace activ {

/// A calendar day, counted in days since 1970-01-01.
struct Date {
    int32_t days = 0;
    auto operator<=>(const Date&) const = default;
};

/// An amount in euro, held as integer cents.
struct Money {
    int64_t cents = 0;
    auto operator<=>(const Money&) const = default;
};

/// A fraction in [0, 1], held exactly in millionths.
struct Share {
    static constexpr int64_t one = 1'000'000;
    int64_t millionths = one;
    auto operator<=>(const Share&) const = default;
};

/// Nullopt when the numbers are not a real calendar day.
std::optional<Date> make_date(int year, int month, int day);
/// "YYYY-MM-DD" exactly; nullopt for anything else, including 2015-02-30.
std::optional<Date> parse_date(std::string_view text);
std::string format_date(Date date);
int year_of(Date date);

/// "1250", "1250.5", "-1250.50"; nullopt with more than 2 decimals or anything else.
std::optional<Money> parse_money(std::string_view text);
/// Always two decimals: "2856.40", "-12.00".
std::string format_money(Money money);

/// "0.5", "1", "0.35"; at most 6 decimals; nullopt outside [0, 1] or when malformed.
std::optional<Share> parse_share(std::string_view text);
/// Shortest exact form: "0.4", "1", "0.333333".
std::string format_share(Share share);

/// The part of an amount charged to the project: amount x share, rounded half away
/// from zero to the cent (half-up for positive amounts, symmetric for credit notes).
Money charge_of(Money amount, Share share);

}  // namespace activ
