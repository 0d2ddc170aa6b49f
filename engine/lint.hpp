// Static checks that go beyond what compiling requires: they find rules that are valid
// but cannot mean what their author meant. Their findings are warnings.
#pragma once
#include <vector>

#include "dsl-grammar/diagnostic.hpp"
#include "engine/ruleset_chain.hpp"

namespace activ {

/// Branches of `classify action` that can never decide, and categories that two
/// branches decide differently (the earlier one always wins).
void lint_classification(const MergedRules& rules, std::vector<Diagnostic>& lint);

}  // namespace activ
