// `activ fmt`: a rule file rewritten to the one canonical layout, comments kept.
//
// The layout is printed from the AST (so it never depends on how the source was spaced),
// in the style of rules/be/social-activation-2015.rules: the header keywords and every
// clause of a declaration on their own line, indented by two per level; conditions on one
// line with parentheses only where the grammar needs them; a set wider than 100 columns
// wrapped after a comma, its continuation lines one column right of its `{`.
//
// Blank lines: exactly one between top-level declarations, none inside one, except that
// two consecutive `param`s are separated by a blank line only when the source had one
// (so that groups of parameters stay groups). Between top-level comments and the
// declaration they precede, a blank line is kept where the source had one.
//
// Comments (`#` outside double-quoted texts) are placed by the tokens around them:
// - a comment alone on its line goes on its own line just before the printed line that
//   holds the first token that followed it, indented like that line;
// - a trailing comment (code before it on its line) goes at the end of the printed line
//   that holds the last token before it, after two spaces; when several trailing comments
//   land on one printed line, all of them go on their own lines just before it instead,
//   in source order, so that no two comments merge into one.
// Both rules place the comments of formatted text where they already are, so formatting
// is idempotent; printing from the AST keeps the meaning (the result is re-parsed and
// compared with the source's AST before it is returned).
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dsl-grammar/ast.hpp"
#include "dsl-grammar/diagnostic.hpp"

namespace activ {

struct FormatResult {
    std::optional<std::string> text;  // empty when the source does not parse
    std::vector<Diagnostic> diagnostics;
};

/// The canonical text of a rule file. `file` names the source in diagnostics.
FormatResult format_rules(std::string_view text, const std::string& file);

/// Single declarations of a parsed rule file in the canonical layout, without comments:
/// the lines `activ fmt` prints for each, indented as in the file, each ending in a
/// newline. `activ diff` compares rulesets declaration by declaration with it.
class DeclarationFormatter {
  public:
    /// `source` is the text the declarations were parsed from, and must outlive this: the
    /// AST does not say whether a set item was written in quotes, the source does. With an
    /// empty `source` every item is quoted: one text for a set however it was spelled.
    explicit DeclarationFormatter(std::string_view source);
    ~DeclarationFormatter();
    DeclarationFormatter(const DeclarationFormatter&) = delete;
    DeclarationFormatter& operator=(const DeclarationFormatter&) = delete;

    std::string operator()(const ast::source& declaration) const;
    std::string operator()(const ast::parameter& declaration) const;
    std::string operator()(const ast::branch& declaration) const;
    std::string operator()(const ast::otherwise_clause& declaration) const;
    std::string operator()(const ast::check& declaration) const;
    std::string operator()(const ast::definition& declaration) const;
    std::string operator()(const ast::indicator& declaration) const;
    /// A value on one line, with only the parentheses it needs, sets not wrapped; no newline.
    std::string operator()(const ast::expression& value) const;
    /// A day as the language writes it: 2016-01-01.
    std::string operator()(const ast::date_literal& day) const;

  private:
    struct Tokens;
    std::string_view source_;
    std::unique_ptr<const Tokens> tokens_;
    template <typename Declaration>
    std::string lines_of(const Declaration& declaration) const;
};

}  // namespace activ
