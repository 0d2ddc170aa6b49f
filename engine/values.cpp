// Exact parsing, formatting and arithmetic of the domain's value types (dates, money,
// shares). Text is converted digit by digit so that no amount ever passes through a
// binary floating-point number.
#include "engine/values.hpp"

#include <chrono>
#include <cstdio>

namespace activ {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads a run of decimal digits into `value`; false on overflow of int64.
// `count` receives the number of digits read.
bool read_digits(std::string_view text, size_t& i, int64_t& value, size_t& count) {
    value = 0;
    count = 0;
    for (; i < text.size() && is_digit(text[i]); ++i, ++count) {
        if (__builtin_mul_overflow(value, 10, &value) ||
            __builtin_add_overflow(value, text[i] - '0', &value)) {
            return false;
        }
    }
    return true;
}

// The magnitude as unsigned, so that INT64_MIN formats without overflow.
uint64_t magnitude(int64_t value) {
    return value < 0 ? uint64_t{0} - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
}

}  // namespace

std::optional<Date> make_date(int year, int month, int day) {
    // std::chrono::year holds a short: reject what it cannot represent before converting.
    if (year < -32767 || year > 32767 || month < 1 || month > 12 || day < 1 || day > 31) {
        return std::nullopt;
    }
    const std::chrono::year_month_day ymd{std::chrono::year{year},
                                          std::chrono::month{static_cast<unsigned>(month)},
                                          std::chrono::day{static_cast<unsigned>(day)}};
    if (!ymd.ok()) return std::nullopt;
    const auto days = std::chrono::sys_days{ymd}.time_since_epoch().count();
    return Date{static_cast<int32_t>(days)};
}

std::optional<Date> parse_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    int fields[3] = {0, 0, 0};
    const size_t starts[3] = {0, 5, 8};
    const size_t lengths[3] = {4, 2, 2};
    for (int f = 0; f < 3; ++f) {
        for (size_t i = starts[f]; i < starts[f] + lengths[f]; ++i) {
            if (!is_digit(text[i])) return std::nullopt;
            fields[f] = fields[f] * 10 + (text[i] - '0');
        }
    }
    return make_date(fields[0], fields[1], fields[2]);
}

std::string format_date(Date date) {
    const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{date.days}}};
    const int year = static_cast<int>(ymd.year());
    if (year < 0 || year > 9999) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", year,
                      static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
        return buffer;
    }
    // Reports print thousands of dates: digits by hand rather than through printf.
    std::string out = "0000-00-00";
    auto put = [&](size_t end, unsigned value) {
        for (size_t i = end; value > 0; --i, value /= 10) out[i] = static_cast<char>('0' + value % 10);
    };
    put(3, static_cast<unsigned>(year));
    put(6, static_cast<unsigned>(ymd.month()));
    put(9, static_cast<unsigned>(ymd.day()));
    return out;
}

int year_of(Date date) {
    const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{date.days}}};
    return static_cast<int>(ymd.year());
}

std::optional<Money> parse_money(std::string_view text) {
    size_t i = 0;
    const bool negative = !text.empty() && text[0] == '-';
    if (negative) ++i;
    int64_t units = 0;
    size_t unit_digits = 0;
    if (!read_digits(text, i, units, unit_digits) || unit_digits == 0) return std::nullopt;
    int64_t cents = 0;
    if (i < text.size() && text[i] == '.') {
        ++i;
        size_t decimals = 0;
        if (!read_digits(text, i, cents, decimals) || decimals == 0 || decimals > 2) {
            return std::nullopt;
        }
        if (decimals == 1) cents *= 10;
    }
    if (i != text.size()) return std::nullopt;
    int64_t total = 0;
    if (__builtin_mul_overflow(units, 100, &total) ||
        __builtin_add_overflow(total, cents, &total)) {
        return std::nullopt;
    }
    return Money{negative ? -total : total};
}

std::string format_money(Money money) {
    const uint64_t abs = magnitude(money.cents);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%s%llu.%02llu", money.cents < 0 ? "-" : "",
                  static_cast<unsigned long long>(abs / 100),
                  static_cast<unsigned long long>(abs % 100));
    return buffer;
}

std::optional<Share> parse_share(std::string_view text) {
    size_t i = 0;
    int64_t units = 0;
    size_t unit_digits = 0;
    if (!read_digits(text, i, units, unit_digits) || unit_digits == 0 || units > 1) {
        return std::nullopt;
    }
    int64_t fraction = 0;
    if (i < text.size() && text[i] == '.') {
        ++i;
        size_t decimals = 0;
        if (!read_digits(text, i, fraction, decimals) || decimals == 0 || decimals > 6) {
            return std::nullopt;
        }
        for (; decimals < 6; ++decimals) fraction *= 10;
    }
    if (i != text.size()) return std::nullopt;
    const int64_t millionths = units * Share::one + fraction;
    if (millionths > Share::one) return std::nullopt;
    return Share{millionths};
}

std::string format_share(Share share) {
    const uint64_t abs = magnitude(share.millionths);
    std::string out = share.millionths < 0 ? "-" : "";
    out += std::to_string(abs / Share::one);
    uint64_t fraction = abs % Share::one;
    if (fraction == 0) return out;
    std::string digits = std::to_string(fraction);
    digits.insert(0, 6 - digits.size(), '0');
    digits.erase(digits.find_last_not_of('0') + 1);
    return out + '.' + digits;
}

Money charge_of(Money amount, Share share) {
    if (share.millionths == Share::one) return amount;  // the common case
    // cents x millionths can exceed int64; the product and its rounding are done in 128 bits.
    const __int128 product = static_cast<__int128>(amount.cents) * share.millionths;
    __int128 cents = product / Share::one;
    const __int128 remainder = product % Share::one;
    const __int128 twice = remainder < 0 ? -2 * remainder : 2 * remainder;
    if (twice >= Share::one) cents += product < 0 ? -1 : 1;
    return Money{static_cast<int64_t>(cents)};
}

}  // namespace activ
