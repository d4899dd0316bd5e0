//! A multilingual glossary of news vocabulary: the words of business, finance, technology and
//! public affairs in ten languages, each standing for a concept (`assets/glossary/news.txt`).
//!
//! Cognates relate *investering* and *Investition*; only a glossary relates *bubbla*, *Blase*
//! and *zeepbel*, or *ångrade*, *bedauerte* and *regretted*. Every word of the set is looked up
//! once (with its stem, in its language): a word listed in the glossary stands for its concepts;
//! a German, Dutch or Scandinavian compound that is not listed stands for the concepts of its
//! last part (*Investitionsblase* → *Blase*) and of its first (*Aktienverkauf* → *Aktie*).
//! Linking counts the concepts a row and a coverage paragraph share, like names.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::stem::{fold_and_stem, stemmer};
use crate::tokens::hash_of;

/// The glossary compiled into the program.
const SOURCE: &str = include_str!("../../assets/glossary/news.txt");

/// Languages that write compounds as one word, whose parts are looked up.
const COMPOUNDING: [&str; 5] = ["de", "nl", "sv", "da", "nb"];
/// The shortest part of a compound looked up (letters): shorter ones meet by chance.
const MIN_PART: usize = 4;
/// At most this many concepts a word.
pub const MAX_CONCEPTS: usize = 3;

/// A word's concepts (ids from 1; 0 = none).
pub type Concepts = [u16; MAX_CONCEPTS];

/// What is wrong with a line of a glossary.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("glossary line {line}: {what}")]
pub struct GlossaryError {
    /// The line, from 1.
    pub line: usize,
    /// What is wrong.
    pub what: String,
}

/// The concepts of every listed word, by language.
#[derive(Debug, Default)]
pub struct Glossary {
    /// Hash of (language, stem) → concepts.
    stems: FxHashMap<u64, Vec<u16>>,
    /// Hash of (language, folded word) → concepts: irregular forms, and first parts of
    /// compounds.
    forms: FxHashMap<u64, Vec<u16>>,
    /// The concepts' keys, by id − 1.
    keys: Vec<String>,
}

impl Glossary {
    /// The glossary compiled into the program, read once.
    pub fn get() -> &'static Self {
        static GLOSSARY: OnceLock<Glossary> = OnceLock::new();
        GLOSSARY.get_or_init(|| {
            // The compiled-in glossary is checked by the tests.
            Self::parse(SOURCE).unwrap_or_default()
        })
    }

    /// Read a glossary: one concept a line, `key | xx word, word | yy word …`; `#` starts a
    /// comment. Entries of several words are skipped (words are matched one by one).
    pub fn parse(source: &str) -> Result<Self, GlossaryError> {
        let mut glossary = Self::default();
        let mut stemmers: FxHashMap<&str, Option<rust_stemmers::Stemmer>> = FxHashMap::default();
        for (n, line) in source.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let error = |what: String| GlossaryError { line: n + 1, what };
            let mut fields = line.split(" | ");
            let key = fields.next().unwrap_or_default().trim();
            if key.is_empty() {
                return Err(error("no key".into()));
            }
            let id = u16::try_from(glossary.keys.len() + 1)
                .map_err(|_| error("more than 65,535 concepts".into()))?;
            glossary.keys.push(key.to_owned());
            let mut languages = 0;
            for field in fields {
                let Some((lang, words)) = field.trim().split_once(' ') else {
                    return Err(error(format!("'{field}' has no words")));
                };
                if lang.len() != 2 || !lang.chars().all(|c| c.is_ascii_lowercase()) {
                    return Err(error(format!("'{lang}' is not a language code")));
                }
                languages += 1;
                let stemmer = stemmers.entry(lang).or_insert_with(|| stemmer(lang));
                for word in words.split(',').map(str::trim) {
                    if word.is_empty() || !word.chars().all(char::is_alphabetic) {
                        continue;
                    }
                    let (folded, stem) = fold_and_stem(word, stemmer.as_ref());
                    add(&mut glossary.stems, hash_of(("g", lang, stem.as_str())), id);
                    add(
                        &mut glossary.forms,
                        hash_of(("g", lang, folded.as_str())),
                        id,
                    );
                    add(&mut glossary.forms, hash_of(("g", lang, stem.as_str())), id);
                }
            }
            if languages < 2 {
                return Err(error(format!(
                    "'{key}' is given in fewer than two languages"
                )));
            }
        }
        Ok(glossary)
    }

    /// How many concepts.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// No concepts.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The key of a concept ("bubble").
    pub fn key(&self, id: u16) -> Option<&str> {
        self.keys
            .get(usize::from(id).checked_sub(1)?)
            .map(String::as_str)
    }

    /// The concepts a word of `lang` stands for, given folded and stemmed (as
    /// [`fold_and_stem`] gives them).
    pub fn concepts(&self, lang: &str, folded: &str, stem: &str) -> Concepts {
        let mut out = [0; MAX_CONCEPTS];
        let direct = self
            .stems
            .get(&hash_of(("g", lang, stem)))
            .or_else(|| self.forms.get(&hash_of(("g", lang, folded))));
        if let Some(ids) = direct {
            put(&mut out, ids);
            return out;
        }
        if !COMPOUNDING.contains(&lang) || folded.chars().count() < 2 * MIN_PART {
            return out;
        }
        // The last part: the longest ending of the stem that is a listed stem.
        let starts: Vec<usize> = stem.char_indices().map(|(at, _)| at).collect();
        let head = starts
            .iter()
            .enumerate()
            .filter(|&(i, _)| i >= 3 && starts.len() - i >= MIN_PART)
            .find_map(|(_, &at)| self.stems.get(&hash_of(("g", lang, &stem[at..]))));
        if let Some(ids) = head {
            put(&mut out, ids);
        }
        // The first part: the longest beginning of the word that is a listed word, also
        // without a linking -s (Investitions-, aktie-).
        let ends: Vec<usize> = folded.char_indices().map(|(at, _)| at).skip(1).collect();
        let letters = ends.len() + 1;
        let modifier = ends.iter().enumerate().rev().find_map(|(i, &at)| {
            let (length, rest) = (i + 1, letters - i - 1);
            if length < MIN_PART || rest < 3 {
                return None;
            }
            let part = &folded[..at];
            self.forms.get(&hash_of(("g", lang, part))).or_else(|| {
                let part = part.strip_suffix('s')?;
                self.forms.get(&hash_of(("g", lang, part)))
            })
        });
        if let Some(ids) = modifier {
            put(&mut out, ids);
        }
        out
    }
}

fn add(map: &mut FxHashMap<u64, Vec<u16>>, hash: u64, id: u16) {
    let ids = map.entry(hash).or_default();
    if !ids.contains(&id) {
        ids.push(id);
    }
}

/// Put `ids` into the free places of `out`, each once.
fn put(out: &mut Concepts, ids: &[u16]) {
    for &id in ids {
        if out.contains(&id) {
            continue;
        }
        if let Some(free) = out.iter_mut().find(|c| **c == 0) {
            *free = id;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn concepts_of(word: &str, lang: &str) -> Vec<&'static str> {
        let glossary = Glossary::get();
        let (folded, stem) = fold_and_stem(word, stemmer(lang).as_ref());
        glossary
            .concepts(lang, &folded, &stem)
            .iter()
            .filter_map(|&id| glossary.key(id))
            .collect()
    }

    #[test]
    fn the_compiled_glossary_reads() {
        let glossary = Glossary::parse(SOURCE).unwrap();
        assert!(glossary.len() > 150, "{}", glossary.len());
    }

    #[test]
    fn words_meet_across_languages() {
        for (word, lang) in [
            ("bubbla", "sv"),
            ("bubblan", "sv"),
            ("Blase", "de"),
            ("zeepbel", "nl"),
            ("bubble", "en"),
            ("bulles", "fr"),
        ] {
            assert_eq!(concepts_of(word, lang), ["bubble"], "{word}");
        }
        for (word, lang) in [
            ("ångrade", "sv"),
            ("bedauerte", "de"),
            ("regrets", "en"),
            ("spijt", "nl"),
        ] {
            assert_eq!(concepts_of(word, lang), ["regret"], "{word}");
        }
        assert_eq!(concepts_of("sålde", "sv"), ["sell"]);
        assert_eq!(concepts_of("verkocht", "nl"), ["sell"]);
        assert!(concepts_of("Regenschirm", "de").is_empty());
    }

    #[test]
    fn compounds_meet_their_parts() {
        assert_eq!(concepts_of("Investitionsblase", "de"), ["bubble", "invest"]);
        assert_eq!(concepts_of("aktieförsäljning", "sv"), ["sell", "share"]);
        assert_eq!(concepts_of("aandelenverkoop", "nl"), ["sell", "share"]);
        // English does not compound so.
        assert!(concepts_of("salesman", "en").is_empty());
    }

    #[test]
    fn bad_lines_are_named() {
        assert_eq!(
            Glossary::parse("# fine\nsell | en sell").unwrap_err(),
            GlossaryError {
                line: 2,
                what: "'sell' is given in fewer than two languages".into()
            }
        );
        assert_eq!(
            Glossary::parse("sell | english sell | de verkaufen")
                .unwrap_err()
                .line,
            1
        );
    }
}
