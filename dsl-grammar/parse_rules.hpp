// The facade of the grammar: text in, AST or diagnostics out. Includes no Spirit header,
// so engine/ and cli/ never compile X3 templates.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dsl-grammar/ast.hpp"
#include "dsl-grammar/diagnostic.hpp"

namespace activ {

/// What a rule file may hold; beyond, parsing or compiling stops with a diagnostic
/// instead of exhausting memory, the stack or the evaluator's time.
namespace rule_limits {
inline constexpr size_t max_file_bytes = 4 * 1024 * 1024;
inline constexpr size_t max_line_bytes = 64 * 1024;
inline constexpr int max_nesting = 64;  // parentheses, braces, `not` and `-` in a row
inline constexpr size_t max_chain = 1000;  // operators in one chain (a or b or c ...)
// One value with the definitions it uses written out in full: a definition used twice
// costs twice, so that ten lines of definitions could otherwise stand for 2^10 steps per
// subject, and the evaluator recurses once per level.
inline constexpr size_t max_expanded_operations = 100000;
inline constexpr int max_expanded_depth = 2000;
}  // namespace rule_limits

struct ParseResult {
    std::optional<ast::RuleFile> file;  // empty on a syntax error
    std::vector<Diagnostic> diagnostics;
};

/// Parses a whole rule file. `file` names the source in diagnostics and positions.
ParseResult parse_rules(std::string_view text, const std::string& file);

/// The AST printed back as canonical text, one construct per line (for dump-ast and tests).
std::string print_ast(const ast::RuleFile& file);

}  // namespace activ

namespace activ {
/// `count(actions where kind = collective)`, as an explanation names it.
std::string print_aggregate_text(const ast::aggregate& aggregate);
}  // namespace activ
