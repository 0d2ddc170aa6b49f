// The exact value types: how dates, amounts and shares are written, read back, and
// multiplied, down to the rounding of the last cent.
#include "engine/values.hpp"

#include <catch2/catch.hpp>
#include <limits>

using namespace activ;

namespace {
Money euros(std::string_view text) { return parse_money(text).value(); }
Share share(std::string_view text) { return parse_share(text).value(); }
}  // namespace

TEST_CASE("dates count days since 1970-01-01 and exist only when the calendar has them",
          "[values]") {
    CHECK(parse_date("1970-01-01") == Date{0});
    CHECK(parse_date("2015-01-01") == Date{16436});
    CHECK(parse_date("1969-12-31") == Date{-1});
    CHECK(make_date(2015, 3, 31) == parse_date("2015-03-31"));

    CHECK(parse_date("2016-02-29"));  // leap year
    CHECK_FALSE(parse_date("2015-02-29"));
    CHECK_FALSE(parse_date("2015-02-30"));
    CHECK_FALSE(parse_date("2015-04-31"));
    CHECK_FALSE(parse_date("2015-13-01"));
    CHECK_FALSE(parse_date("2015-00-10"));
    CHECK_FALSE(parse_date("2015-01-00"));
    CHECK_FALSE(make_date(2015, 2, 29));
    CHECK_FALSE(make_date(100000, 1, 1));
}

TEST_CASE("a date is written YYYY-MM-DD and nothing else", "[values]") {
    CHECK_FALSE(parse_date("2015-1-01"));
    CHECK_FALSE(parse_date("2015/01/01"));
    CHECK_FALSE(parse_date(" 2015-01-01"));
    CHECK_FALSE(parse_date("2015-01-01T00:00"));
    CHECK_FALSE(parse_date("31-03-2015"));
    CHECK_FALSE(parse_date(""));

    CHECK(format_date(*parse_date("2015-03-31")) == "2015-03-31");
    CHECK(format_date(*parse_date("2016-02-29")) == "2016-02-29");
    CHECK(format_date(Date{0}) == "1970-01-01");
    CHECK(year_of(*parse_date("2015-12-31")) == 2015);
    CHECK(year_of(*parse_date("2016-01-01")) == 2016);
}

TEST_CASE("money is read exactly, in cents", "[values]") {
    CHECK(euros("1250").cents == 125000);
    CHECK(euros("1250.5").cents == 125050);
    CHECK(euros("1250.50").cents == 125050);
    CHECK(euros("-1250.50").cents == -125050);
    CHECK(euros("0.05").cents == 5);
    CHECK(euros("-0").cents == 0);
    CHECK(euros("0.1").cents == 10);  // 0.1 has no exact binary form; cents do
    CHECK(euros("92233720368547758.07").cents == std::numeric_limits<int64_t>::max());
}

TEST_CASE("money that is not plainly written is refused", "[values]") {
    for (const char* text : {"", "-", "+5", " 5", "5 ", "1e3", ".5", "5.", "1.234", "1,5", "--5",
                             "1.2.3", "0x10", "92233720368547758.08", "99999999999999999999"}) {
        INFO(text);
        CHECK_FALSE(parse_money(text));
    }
}

TEST_CASE("money is formatted with two decimals", "[values]") {
    CHECK(format_money(Money{0}) == "0.00");
    CHECK(format_money(Money{5}) == "0.05");
    CHECK(format_money(Money{-5}) == "-0.05");
    CHECK(format_money(Money{-1200}) == "-12.00");
    CHECK(format_money(Money{285640}) == "2856.40");
    CHECK(format_money(Money{std::numeric_limits<int64_t>::min()}) == "-92233720368547758.08");
}

TEST_CASE("a share is a fraction in [0, 1] with at most 6 decimals", "[values]") {
    CHECK(share("0.5").millionths == 500000);
    CHECK(share("1").millionths == Share::one);
    CHECK(share("1.000000").millionths == Share::one);
    CHECK(share("0").millionths == 0);
    CHECK(share("0.35").millionths == 350000);
    CHECK(share("0.333333").millionths == 333333);
    CHECK(share("0.000001").millionths == 1);
    CHECK(Share{}.millionths == Share::one);  // the default charges the whole cost

    for (const char* text : {"1.000001", "1.5", "2", "-0.5", "0.1234567", ".5", "5.", "", "0,5",
                             "1e-1", "+0.5", "00000000000000000000002"}) {
        INFO(text);
        CHECK_FALSE(parse_share(text));
    }
}

TEST_CASE("a share is formatted in its shortest exact form", "[values]") {
    CHECK(format_share(Share{400000}) == "0.4");
    CHECK(format_share(Share{}) == "1");
    CHECK(format_share(Share{0}) == "0");
    CHECK(format_share(Share{333333}) == "0.333333");
    CHECK(format_share(Share{350000}) == "0.35");
    CHECK(format_share(Share{1}) == "0.000001");
}

TEST_CASE("the charge of an expense is amount x share, rounded half away from zero", "[values]") {
    CHECK(charge_of(euros("2400.00"), share("0.4")) == euros("960.00"));
    CHECK(charge_of(euros("0.05"), share("0.5")) == euros("0.03"));    // 2.5 cents up
    CHECK(charge_of(euros("-0.05"), share("0.5")) == euros("-0.03"));  // credit notes mirror
    CHECK(charge_of(euros("0.05"), share("0.499999")) == euros("0.02"));
    CHECK(charge_of(euros("0.01"), share("0.5")) == euros("0.01"));
    CHECK(charge_of(euros("1.00"), share("0.333333")) == euros("0.33"));
    CHECK(charge_of(euros("3600.00"), share("0.5")) == euros("1800.00"));
    CHECK(charge_of(euros("1480.00"), Share{}) == euros("1480.00"));
    CHECK(charge_of(euros("1480.00"), Share{0}) == Money{0});
    // cents x millionths overflows 64 bits long before the result does.
    const Money largest{std::numeric_limits<int64_t>::max()};
    CHECK(charge_of(largest, Share{}) == largest);
}
