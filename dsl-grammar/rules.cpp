// The one translation unit that instantiates the grammar: only it pays Spirit's compile time.
#include "dsl-grammar/rules_def.hpp"

namespace activ::grammar {
BOOST_SPIRIT_INSTANTIATE(rule_file_type, iterator_type, context_type)
}  // namespace activ::grammar
