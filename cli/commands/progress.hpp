// A progress line for long store jobs, on stderr.
#pragma once
#include <fmt/core.h>
#include <unistd.h>

#include <chrono>
#include <cstddef>

namespace activ::cli {

/// "12 / 580, 95/s, 6 s left" on stderr, rewritten in place, at most five times a second;
/// nothing when stderr is not a terminal (a log file gets the summary only).
class Progress {
  public:
    explicit Progress(const char* what) : what_(what), shown_(::isatty(2) == 1) {}
    ~Progress() {
        if (drawn_) fmt::print(stderr, "\n");
    }
    /// `total` 0: not known beforehand; the line then gives the count and the rate.
    void operator()(size_t done, size_t total) {
        if (!shown_) return;
        auto const now = std::chrono::steady_clock::now();
        if (done != total && now - last_ < std::chrono::milliseconds(200)) return;
        last_ = now;
        double const seconds = std::chrono::duration<double>(now - start_).count();
        double const rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
        if (total == 0) {
            fmt::print(stderr, "\r{}: {}, {:.0f}/s   ", what_, done, rate);
        } else {
            double const left = rate > 0 ? static_cast<double>(total - done) / rate : 0;
            fmt::print(stderr, "\r{}: {} / {}, {:.0f}/s, {:.0f} s left   ", what_, done, total,
                       rate, left);
        }
        drawn_ = true;
    }

  private:
    const char* what_;
    bool shown_;
    bool drawn_ = false;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point last_{};
};

}  // namespace activ::cli
