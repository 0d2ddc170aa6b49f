// The few pieces every HTML page of activ is written with: escaping, one element, money.
#pragma once
#include <string>

#include "engine/values.hpp"

namespace activ {

/// `text` with `<`, `>`, `&`, `"` and `'` escaped for HTML text and attribute values.
std::string html_escape(const std::string& text);

/// Appends `<tag class="css_class">escaped text</tag>`.
void html_element(std::string& out, const char* tag, const std::string& text,
                  const char* css_class = nullptr);

/// "1234.50 EUR".
std::string money_text(Money amount);

}  // namespace activ
