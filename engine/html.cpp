// The few pieces every HTML page of activ is written with.
#include "engine/html.hpp"

namespace activ {

std::string html_escape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '&':
                out += "&amp;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

void html_element(std::string& out, const char* tag, const std::string& text,
                  const char* css_class) {
    out += '<';
    out += tag;
    if (css_class) {
        out += " class=\"";
        out += css_class;
        out += '"';
    }
    out += '>';
    out += html_escape(text);
    out += "</";
    out += tag;
    out += '>';
}

std::string money_text(Money amount) {
    std::string out = format_money(amount);
    out += " EUR";
    return out;
}

}  // namespace activ
