//! Sentences inside a paragraph: the Unicode rules (UAX #29, through `unicode-segmentation`),
//! then what they cannot know, from tables: abbreviations of each language (*bl.a.*, *z.B.*,
//! *Mrd.*, *Dr.*), initials (*J. Smith*), an ordinal day before a month (*3. Oktober*), and
//! marks with no words of their own (*[...]*) that belong to a sentence.
//!
//! The Unicode rules already keep decimals and dates in digits whole (*5,83*, *12.11.2025*),
//! do not end a sentence before a lower-case word (*t.ex. företaget*), keep closing quotes and
//! brackets with their sentence, and end one at every line break (a heading without a full
//! stop, a bullet-like line).
//!
//! This is the first part of sentence alignment (issue 23): the sentences of a paragraph as
//! byte ranges; aligning them inside a row comes next.
//!
//! ```
//! use parallel_reader::sentence::split;
//! let text = "SoftBank sålde bl.a. 32,1 miljoner aktier den 11.11.2025. Dr. Son log. Sedan?";
//! let sentences: Vec<&str> = split(text, "sv").into_iter().map(|r| &text[r]).collect();
//! assert_eq!(
//!     sentences,
//!     ["SoftBank sålde bl.a. 32,1 miljoner aktier den 11.11.2025.", "Dr. Son log.", "Sedan?"]
//! );
//! ```

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation as _;

/// Abbreviations that do not end a sentence, by language (lower case, with their dots). Only
/// those a sentence almost never ends with: titles, "for example", scales before a number;
/// "etc." and "usw." end sentences too often to be listed.
const ABBREVIATIONS: [(&str, &[&str]); 11] = [
    (
        "sv",
        &[
            "bl.a.", "t.ex.", "d.v.s.", "dvs.", "m.a.o.", "p.g.a.", "pga.", "ca.", "resp.",
            "inkl.", "exkl.", "jfr.", "kl.", "nr.", "vd.", "st.", "f.d.", "s.k.", "fr.o.m.",
            "t.o.m.", "o.d.", "dr.", "prof.",
        ],
    ),
    (
        "nl",
        &[
            "o.a.", "bijv.", "bv.", "d.w.z.", "i.p.v.", "m.b.t.", "t.a.v.", "ca.", "nr.", "mr.",
            "dr.", "prof.", "ir.", "drs.", "resp.", "incl.", "excl.", "vs.", "jl.", "a.s.",
        ],
    ),
    (
        "de",
        &[
            "z.b.", "d.h.", "u.a.", "bzw.", "vgl.", "ggf.", "ca.", "inkl.", "exkl.", "nr.", "mio.",
            "dr.", "prof.", "hr.", "fr.", "st.", "evtl.", "sog.", "z.t.", "u.u.", "i.d.r.", "v.a.",
            "abs.", "art.", "bzgl.", "gem.",
        ],
    ),
    (
        "en",
        &[
            "mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "e.g.", "i.e.", "vs.", "no.", "approx.",
            "inc.", "corp.", "ltd.", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.",
            "u.s.", "u.k.", "gov.", "sen.", "rep.", "gen.", "jr.", "sr.",
        ],
    ),
    (
        "fr",
        &[
            "m.", "mm.", "mme.", "mlle.", "dr.", "p.ex.", "c.-à-d.", "cf.", "env.", "n°.", "art.",
            "av.", "bd.", "st.", "ste.", "md.",
        ],
    ),
    (
        "es",
        &[
            "sr.", "sra.", "srta.", "dr.", "dra.", "p.ej.", "ej.", "aprox.", "núm.", "art.", "av.",
            "etc.,", "ud.", "uds.", "pág.",
        ],
    ),
    (
        "it",
        &[
            "sig.", "sig.ra", "dott.", "prof.", "ing.", "avv.", "es.", "ca.", "art.", "n.", "pag.",
            "mln.",
        ],
    ),
    (
        "da",
        &[
            "bl.a.", "f.eks.", "dvs.", "m.fl.", "ca.", "nr.", "kl.", "pga.", "jf.", "hhv.",
            "inkl.", "dr.", "prof.", "st.",
        ],
    ),
    (
        "nb",
        &[
            "bl.a.", "f.eks.", "dvs.", "m.fl.", "ca.", "nr.", "kl.", "pga.", "jf.", "hhv.",
            "inkl.", "dr.", "prof.", "st.",
        ],
    ),
    (
        "pl",
        &[
            "m.in.", "np.", "tj.", "tzn.", "ok.", "ul.", "nr.", "art.", "godz.", "mld.", "dr.",
            "prof.", "inż.", "płk.", "gen.", "tzw.", "wg.",
        ],
    ),
    // Abbreviations read in every language.
    ("*", &["e.g.", "i.e.", "vs.", "ca.", "no.", "nr."]),
];

/// Scale words written short: a sentence may end with one ("5,83 mld."), and goes on only
/// when a currency or unit follows ("5,83 Mrd. Dollar", "5 mia. kr."), as the figure reader
/// reads them together.
const SCALE_ABBREVIATIONS: [&str; 14] = [
    "mkr.", "mdkr.", "milj.", "mdr.", "mln.", "mld.", "mrd.", "mio.", "tsd.", "mia.", "mill.",
    "tys.", "mds.", "md.",
];

/// The sentences of `text` (a paragraph) in language `lang`, as byte ranges, in order, white
/// space at their ends left out. A text with no words gives one range or none.
pub fn split(text: &str, lang: &str) -> Vec<Range<usize>> {
    let mut sentences: Vec<Range<usize>> = Vec::new();
    let mut open: Option<Range<usize>> = None;
    for range in text
        .split_sentence_bound_indices()
        .flat_map(|(start, piece)| after_ellipses(piece, start))
    {
        let Some(current) = open.take() else {
            open = Some(range);
            continue;
        };
        let so_far = &text[current.clone()];
        let rest = &text[range.clone()];
        if goes_on(so_far, rest, lang) {
            open = Some(current.start..range.end);
        } else {
            sentences.push(current);
            open = Some(range);
        }
    }
    sentences.extend(open);
    sentences
        .into_iter()
        .filter_map(|range| trimmed(text, range))
        .collect()
}

/// A piece cut after every "…" that a capital follows: three dots are a sentence end to the
/// Unicode rules, the one-character ellipsis is not (*mitigés… `WeWork` a coûté*).
fn after_ellipses(piece: &str, start: usize) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut from = 0;
    for (at, _) in piece.match_indices('…') {
        let after = &piece[at + '…'.len_utf8()..];
        let rest = after.trim_start();
        if rest.len() < after.len() && rest.starts_with(char::is_uppercase) {
            let end = piece.len() - rest.len();
            ranges.push(start + from..start + end);
            from = end;
        }
    }
    ranges.push(start + from..start + piece.len());
    ranges
}

/// Whether the sentence `so_far` goes on into `next`: the Unicode rules broke after an
/// abbreviation, an initial or an ordinal day, or before a piece with no words.
fn goes_on(so_far: &str, next: &str, lang: &str) -> bool {
    // A break at a line end is a real one (a heading, a list item).
    if so_far.ends_with(['\n', '\r']) {
        return false;
    }
    // "[...]", "»": no words of their own.
    if !next.chars().any(char::is_alphanumeric) {
        return true;
    }
    if !so_far.chars().any(char::is_alphanumeric) {
        return true;
    }
    let last = so_far
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default();
    let last = last.trim_start_matches(['(', '"', '“', '„', '«', '\'', '‘']);
    if !last.ends_with('.') {
        return false;
    }
    let lower = last.to_lowercase();
    if is_abbreviation(&lower, lang) {
        return true;
    }
    // "3:30 p.m. Tokyo time", "5 p.m. ET": a time of day goes on into its zone.
    if matches!(lower.as_str(), "a.m." | "p.m.") {
        let mut words = next.split_whitespace();
        let zone = words
            .next()
            .unwrap_or_default()
            .trim_end_matches(['.', ',']);
        let is_zone = (2..=4).contains(&zone.len()) && zone.chars().all(|c| c.is_ascii_uppercase());
        return is_zone
            || words
                .next()
                .is_some_and(|w| w.trim_end_matches(['.', ',']) == "time");
    }
    if SCALE_ABBREVIATIONS.contains(&lower.as_str()) {
        let next_word = next.split_whitespace().next().unwrap_or_default();
        let figures = crate::figures::extract(&format!("5 {last} {next_word}"), lang);
        return figures.first().is_some_and(|f| f.unit.is_some());
    }
    // An initial: "J. Smith", "Masayoshi S. Son".
    let letters: Vec<char> = last.trim_end_matches('.').chars().collect();
    if letters.len() == 1 && letters[0].is_uppercase() {
        return true;
    }
    // An ordinal day before a month ("3. Oktober", "den 11. november").
    let digits = last.trim_end_matches('.');
    if !digits.is_empty()
        && digits.len() <= 2
        && digits.bytes().all(|b| b.is_ascii_digit())
        && let Some(word) = next
            .split(|c: char| !c.is_alphabetic())
            .find(|w| !w.is_empty())
    {
        return crate::figures::month(word).is_some();
    }
    false
}

fn is_abbreviation(word: &str, lang: &str) -> bool {
    ABBREVIATIONS
        .iter()
        .filter(|(code, _)| *code == lang || *code == "*")
        .any(|(_, words)| words.contains(&word))
}

/// `range` without white space at either end; `None` when nothing is left.
fn trimmed(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let piece = &text[range.clone()];
    let start = range.start + (piece.len() - piece.trim_start().len());
    let end = range.start + piece.trim_end().len();
    (start < end).then_some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences<'t>(text: &'t str, lang: &str) -> Vec<&'t str> {
        split(text, lang).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn the_traps_of_news_text() {
        let cases: [(&str, &str, &[&str]); 9] = [
            (
                "de",
                "Am 3. Oktober verkaufte SoftBank z.B. Aktien für 5,83 Mrd. Dollar. Das war neu.",
                &[
                    "Am 3. Oktober verkaufte SoftBank z.B. Aktien für 5,83 Mrd. Dollar.",
                    "Das war neu.",
                ],
            ),
            (
                "en",
                "Dr. Son met U.S. officials on 11/12/2025. He said: \"We sold it all.\" Then he left...",
                &[
                    "Dr. Son met U.S. officials on 11/12/2025.",
                    "He said: \"We sold it all.\"",
                    "Then he left...",
                ],
            ),
            (
                "sv",
                "Resultatet blev bl.a. 2,5 biljoner yen. Vad hände sedan? Aktien föll!",
                &[
                    "Resultatet blev bl.a. 2,5 biljoner yen.",
                    "Vad hände sedan?",
                    "Aktien föll!",
                ],
            ),
            (
                "nl",
                "De winst steeg tot € 5,83 mld. Dat meldde o.a. Reuters. [...] Meer volgt.",
                &[
                    "De winst steeg tot € 5,83 mld.",
                    "Dat meldde o.a. Reuters. [...]",
                    "Meer volgt.",
                ],
            ),
            (
                "en",
                "SoftBank sells Nvidia\nThe group sold 32.1 million shares.",
                &[
                    "SoftBank sells Nvidia",
                    "The group sold 32.1 million shares.",
                ],
            ),
            (
                "en",
                "It closed at 3 p.m. ET. The results came at 5 p.m. The CEO left.",
                &[
                    "It closed at 3 p.m. ET.",
                    "The results came at 5 p.m.",
                    "The CEO left.",
                ],
            ),
            (
                "en",
                "Founder Masayoshi S. Son spoke. J. K. Rowling did not.",
                &["Founder Masayoshi S. Son spoke.", "J. K. Rowling did not."],
            ),
            (
                "da",
                "Den 11. november solgte SoftBank f.eks. aktier. Det kostede ca. 5 mia. kr.",
                &[
                    "Den 11. november solgte SoftBank f.eks. aktier.",
                    "Det kostede ca. 5 mia. kr.",
                ],
            ),
            (
                "pl",
                "Sprzedano m.in. 32,1 mln akcji. Koniec.",
                &["Sprzedano m.in. 32,1 mln akcji.", "Koniec."],
            ),
        ];
        for (lang, text, expected) in cases {
            assert_eq!(sentences(text, lang), expected, "{lang}: {text}");
        }
    }

    #[test]
    fn nothing_to_split() {
        assert!(split("", "en").is_empty());
        assert!(split("   \n ", "en").is_empty());
        assert_eq!(sentences("Rubrik utan punkt", "sv"), ["Rubrik utan punkt"]);
    }
}
