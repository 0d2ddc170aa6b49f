// A longest common subsequence of lines, by dynamic programming over what is left once the
// common first and last lines are set aside: declarations are a few lines long.
#include "engine/line_diff.hpp"

#include <algorithm>
#include <cstddef>

namespace activ {

namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        size_t const end = text.find('\n');
        lines.push_back(text.substr(0, end));
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return lines;
}

std::string marked(char mark, std::string_view line) {
    std::string out(1, mark);
    out += line;
    return out;
}

/// Beyond this many cells the middle is shown as all removed, then all added: still a
/// true diff, only not the shortest, and no table of gigabytes for a huge declaration.
constexpr size_t max_cells = 4'000'000;

}  // namespace

std::vector<std::string> diff_lines(std::string_view before, std::string_view after) {
    std::vector<std::string_view> const a = split_lines(before);
    std::vector<std::string_view> const b = split_lines(after);
    size_t head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
    size_t tail = 0;
    while (tail < a.size() - head && tail < b.size() - head &&
           a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) {
        ++tail;
    }
    size_t const n = a.size() - head - tail;
    size_t const m = b.size() - head - tail;

    std::vector<std::string> out;
    out.reserve(a.size() + b.size());
    for (size_t i = 0; i < head; ++i) out.push_back(marked(' ', a[i]));
    if (n > 0 && m > 0 && (n + 1) * (m + 1) <= max_cells) {
        // common[i][j]: the longest common subsequence of a[head+i..] and b[head+j..].
        std::vector<size_t> common((n + 1) * (m + 1), 0);
        auto at = [&](size_t i, size_t j) -> size_t& { return common[i * (m + 1) + j]; };
        for (size_t i = n; i-- > 0;) {
            for (size_t j = m; j-- > 0;) {
                at(i, j) = a[head + i] == b[head + j] ? at(i + 1, j + 1) + 1
                                                      : std::max(at(i + 1, j), at(i, j + 1));
            }
        }
        size_t i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[head + i] == b[head + j]) {
                out.push_back(marked(' ', a[head + i]));
                ++i;
                ++j;
            } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
                out.push_back(marked('-', a[head + i++]));
            } else {
                out.push_back(marked('+', b[head + j++]));
            }
        }
    } else {
        for (size_t i = 0; i < n; ++i) out.push_back(marked('-', a[head + i]));
        for (size_t j = 0; j < m; ++j) out.push_back(marked('+', b[head + j]));
    }
    for (size_t i = a.size() - tail; i < a.size(); ++i) out.push_back(marked(' ', a[i]));
    return out;
}

}  // namespace activ
