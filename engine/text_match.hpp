// Matching words in free text the way a clerk reads it: without regard to case,
// accents or the kind of apostrophe (`recherche d'emploi` matches `Recherche d’EMPLOI`).
#pragma once
#include <string>
#include <string_view>

namespace activ {

/// Case-folded, accents stripped, compatibility-normalised (utf8proc), typographic
/// apostrophes and quotes made plain, runs of blanks made one space. Invalid UTF-8
/// is kept byte for byte, lower-cased where ASCII.
std::string fold_text(std::string_view text);

/// Whether `folded_needle` occurs in `folded_haystack` starting at the beginning of a
/// word (so `cv` matches "CV" and "CVs" but not "recvoir"). Both already folded.
bool mentions(std::string_view folded_haystack, std::string_view folded_needle);

}  // namespace activ
