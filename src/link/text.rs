//! The words of a paragraph as linking sees them: each with its place, its Snowball stem (in
//! its language), whether it is written as a name, and the cognate key that relates it to the
//! same word in a related language.

use std::ops::Range;

use rust_stemmers::Stemmer;

use super::stem::fold_and_stem;
#[cfg(test)]
use super::stem::stemmer;

use rustc_hash::FxHashMap;

pub use crate::tokens::hash_of;
use crate::tokens::word_spans;

/// A word of a paragraph.
#[derive(Clone, Debug)]
pub struct Word {
    /// Where it is in the paragraph (bytes).
    pub byte_range: Range<usize>,
    /// Written with a capital inside a sentence, in capitals or with inner capitals.
    pub is_name: bool,
    /// Written with a capital (anywhere).
    pub capitalised: bool,
    /// What the word is, the same for every occurrence of it.
    pub info: WordInfo,
}

/// What linking knows of a word, computed once per distinct word of a language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WordInfo {
    /// A hash of the word folded (lower case, no diacritics): a name's key.
    pub name: u64,
    /// Letters in the word.
    pub letters: u16,
    /// Its stem in its language (hashed with the language): equal for inflections of one word.
    pub stem: u64,
    /// The first five letters of its cognate form (the stem spelled without what separates
    /// related languages), hashed; 0 for shorter words. An anchored character 5-gram: it
    /// relates *investering*, *Investition* and *investment*.
    pub prefix: u64,
    /// Written with inner capitals (an acronym or a name like "SoftBank").
    pub inner_capitals: bool,
    /// A unit or currency code every language reads (`GW`, `USD`): never a name.
    pub unit: bool,
    /// The month it names (1..=12), or 0.
    pub month: u8,
    /// The concepts of the news glossary it stands for ([`super::glossary`]).
    pub concepts: super::glossary::Concepts,
}

/// The words of `text` in `lang`, stemmed with `stemmer` (a six-letter prefix without one).
/// Each distinct word is analysed once per thread.
pub fn words(text: &str, lang: &str, stemmer: Option<&Stemmer>) -> Vec<Word> {
    thread_local! {
        static CACHE: std::cell::RefCell<FxHashMap<u64, WordInfo>> =
            std::cell::RefCell::new(FxHashMap::default());
    }
    CACHE.with_borrow_mut(|cache| {
        if cache.len() > 500_000 {
            cache.clear();
        }
        word_spans(text)
            .map(|span| {
                let surface = &text[span.range.clone()];
                let info = *cache
                    .entry(hash_of((lang, surface)))
                    .or_insert_with(|| analyse(surface, lang, stemmer));
                let capitalised = surface.chars().next().is_some_and(char::is_uppercase);
                Word {
                    byte_range: span.range,
                    is_name: info.inner_capitals || (capitalised && !span.sentence_start),
                    capitalised,
                    info,
                }
            })
            .collect()
    })
}

/// Everything about a word that does not depend on where it stands.
fn analyse(surface: &str, lang: &str, stemmer: Option<&Stemmer>) -> WordInfo {
    let (folded, stem_folded) = fold_and_stem(surface, stemmer);
    let cognate = cognate(&stem_folded);
    let prefix = if cognate.chars().count() >= 5 {
        let cut: String = cognate.chars().take(5).collect();
        hash_of(("prefix", cut))
    } else {
        0
    };
    WordInfo {
        name: hash_of(("name", folded.as_str())),
        letters: u16::try_from(folded.chars().count()).unwrap_or(u16::MAX),
        stem: hash_of((lang, &stem_folded)),
        prefix,
        inner_capitals: surface.chars().skip(1).any(char::is_uppercase),
        unit: crate::figures::tables::is_unit_symbol(surface),
        month: crate::figures::month(surface).map_or(0, |m| m as u8),
        concepts: super::glossary::Glossary::get().concepts(lang, &folded, &stem_folded),
    }
}

/// A folded stem spelled the way related languages meet: `c`, `q` → `k`; `w` → `v`; `y` →
/// `i`; `z` → `s`; `ph` → `f`; `th` → `t`; doubled letters once. *Kapital*, *kapitaal* and
/// *capital* become `kapital`; *strategie*, *strategi*, *strategy* become `strategi(e)`.
pub fn cognate(folded: &str) -> String {
    let mut out = String::with_capacity(folded.len());
    let mut previous = '\0';
    let mut chars = folded.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        let mapped = match (c, next) {
            ('q', Some('u')) => {
                // German and Romance "qu" is the Scandinavian and Dutch "kv"/"kw".
                chars.next();
                out.push('k');
                previous = 'k';
                'v'
            }
            ('p', Some('h')) | ('t', Some('h')) => {
                chars.next();
                if c == 'p' { 'f' } else { 't' }
            }
            ('c' | 'q', _) => 'k',
            ('w', _) => 'v',
            ('y', _) => 'i',
            ('z', _) => 's',
            _ => c,
        };
        if mapped != previous {
            out.push(mapped);
        }
        previous = mapped;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cognates_meet_across_languages() {
        assert_eq!(cognate("kapitaal"), cognate("capital"));
        assert_eq!(cognate("kapital"), cognate("capital"));
        assert_eq!(cognate("waardering"), cognate("vardering"));
        assert_eq!(&cognate("investering")[..5], &cognate("investition")[..5]);
        assert_eq!(cognate("quartal"), cognate("kvartal"));
    }

    #[test]
    fn stems_join_inflections() {
        let sv = stemmer("sv");
        let words = words("Investeringen och investeringar", "sv", sv.as_ref());
        assert_eq!(words[0].info.stem, words[2].info.stem);
        assert!(words.iter().all(|w| !w.is_name));
        let en = words_of("Microsoft sold Nvidia", "en");
        assert!(en[0].capitalised && !en[0].is_name && en[2].is_name);
    }

    fn words_of(text: &str, lang: &str) -> Vec<Word> {
        words(text, lang, stemmer(lang).as_ref())
    }
}
