// Matching words as a clerk reads them: case, accents and apostrophes do not matter,
// and a word must start where the text's word starts.
#include <catch2/catch.hpp>

#include "engine/text_match.hpp"

using activ::fold_text;
using activ::mentions;

TEST_CASE("folding ignores case, accents, apostrophe kinds and repeated blanks", "[text]") {
    CHECK(fold_text("Recherche d’EMPLOI") == "recherche d'emploi");
    CHECK(fold_text("Recherche d'emploi") == fold_text("RECHERCHE  D‘EMPLOI"));
    CHECK(fold_text("Néerlandais  \t à l'école") == "neerlandais a l'ecole");
    CHECK(fold_text("ﬁnance") == "finance");  // compatibility ligature
    CHECK(fold_text("\xff\xfe bad UTF-8 ABC") == "\xff\xfe bad utf-8 abc");
}

TEST_CASE("a word matches where a word of the text starts", "[text]") {
    std::string const text = fold_text("Atelier CV et lettres de motivation; werkzoekenden");
    CHECK(mentions(text, "cv"));
    CHECK(mentions(text, "lettres de motivation"));
    CHECK(mentions(text, "werkzoek"));
    CHECK(!mentions(fold_text("Recevoir ses voisins"), "cv"));
    CHECK(!mentions(text, ""));
    CHECK(mentions(fold_text("(CV)"), "cv"));
}
