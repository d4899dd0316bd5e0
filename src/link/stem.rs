//! Stems: the Snowball stemmer of a language, and a word folded and stemmed the one way that
//! linking and the glossary share.

use rust_stemmers::{Algorithm, Stemmer};

use crate::tokens::fold;

/// The stemmer of a language, if Snowball has one.
pub fn stemmer(lang: &str) -> Option<Stemmer> {
    let algorithm = match lang {
        "sv" => Algorithm::Swedish,
        "nl" => Algorithm::Dutch,
        "de" => Algorithm::German,
        "en" => Algorithm::English,
        "da" => Algorithm::Danish,
        "nb" | "no" | "nn" => Algorithm::Norwegian,
        "fr" => Algorithm::French,
        "es" => Algorithm::Spanish,
        "it" => Algorithm::Italian,
        "pt" => Algorithm::Portuguese,
        "fi" => Algorithm::Finnish,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "hu" => Algorithm::Hungarian,
        "el" => Algorithm::Greek,
        "tr" => Algorithm::Turkish,
        "ar" => Algorithm::Arabic,
        _ => return None,
    };
    Some(Stemmer::create(algorithm))
}

/// A word folded (lower case, no diacritics), and its stem folded: by `stemmer`, or its first
/// six letters without one.
pub fn fold_and_stem(surface: &str, stemmer: Option<&Stemmer>) -> (String, String) {
    let folded = fold(surface);
    let stem = match stemmer {
        Some(stemmer) => fold(&stemmer.stem(&surface.to_lowercase())),
        None => folded.chars().take(6).collect(),
    };
    (folded, stem)
}
