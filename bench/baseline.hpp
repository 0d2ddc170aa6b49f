// The 2015 checks written by hand in C++, over the same in-memory convention: the yardstick
// the rules engine's evaluation is measured against (bench/bench prints the ratio).
#pragma once
#include "engine/model.hpp"
#include "engine/result.hpp"

namespace activ::bench {

/// What rules/be/social-activation-2015.rules decides, hard-coded: action classes,
/// beneficiary eligibility, the convention, action, expense and objective checks, totals
/// and indicators.
Result check_2015_by_hand(const Convention& convention);

}  // namespace activ::bench
