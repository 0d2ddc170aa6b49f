// How far apart two names are, to suggest the one a typo meant.
#pragma once
#include <cstddef>
#include <string_view>

namespace activ {

/// Optimal string alignment distance: insertions, deletions, substitutions and swaps of
/// two neighbours, the usual typos.
size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace activ
