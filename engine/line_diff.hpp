// Two short texts compared line by line, as a unified diff shows them: how `activ diff`
// shows what a change to one declaration of a rule file changes in its canonical text.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace activ {

/// Every line of `before` and `after` once, in order, each prefixed with ' ' (in both),
/// '-' (only in `before`) or '+' (only in `after`), without line ends. The lines in both
/// are a longest common subsequence; where lines are replaced, removals come first.
std::vector<std::string> diff_lines(std::string_view before, std::string_view after);

}  // namespace activ
