//! What linking knows of each paragraph: its figures and dates by meaning, its names, its word
//! stems (in its language) and the cognate prefixes of its words (across languages), with how
//! rare each is in the set.

use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;

use rust_stemmers::Stemmer;

use super::glossary::MAX_CONCEPTS;
use super::text::{self, Word, hash_of};
use crate::classify::ParagraphKind;
use crate::figures::{Figure, FigureKind, format_value};
use crate::set::{ArticleSet, Document};

/// What a figure or date feature is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KeyClass {
    /// An exact figure by meaning (3 significant digits and the unit).
    Figure,
    /// A figure near another (within about 6 %): counts only beside other evidence.
    NearFigure,
    /// A year or a month.
    Time,
}

impl KeyClass {
    /// How much sharing one says, before rarity.
    pub fn weight(self) -> f32 {
        match self {
            Self::Figure => 1.0,
            Self::NearFigure => 0.35,
            Self::Time => 0.35,
        }
    }
}

/// A figure or date feature of a paragraph.
#[derive(Clone, Debug)]
pub struct Key {
    /// What matches across paragraphs.
    pub hash: u64,
    /// What kind of evidence it is.
    pub class: KeyClass,
    /// A figure written with more digits is more specific (5.83 billion over 500 billion).
    pub specificity: f32,
    /// What it stands for, to show as evidence.
    pub source: KeySource,
}

/// What a key stands for; shown as evidence only for the links kept.
#[derive(Clone, Copy, Debug)]
pub enum KeySource {
    /// Figure `n` of the paragraph.
    Figure(u32),
    /// A year.
    Year(u64),
    /// A month (1..=12) of a year (0: any year).
    Month(u32, u64),
}

impl Key {
    /// The evidence text ("5.83 × 10⁹ USD", "October 2025", "≈ 16.6 × 10⁹ USD").
    pub fn display(&self, figures: &[Figure]) -> String {
        match self.source {
            KeySource::Figure(n) => {
                let shown = figures
                    .get(n as usize)
                    .map(figure_display)
                    .unwrap_or_default();
                if self.class == KeyClass::NearFigure {
                    format!("≈ {shown}")
                } else {
                    shown
                }
            }
            KeySource::Year(year) => year.to_string(),
            KeySource::Month(month, year) => month_name(month, year),
        }
    }
}

/// A word of a coverage paragraph, kept to show what a link shares with its row.
#[derive(Clone, Debug)]
pub struct KeptWord {
    /// Where it is in the paragraph (bytes).
    pub byte_range: Range<usize>,
    /// Its stem (in its language).
    pub stem: u64,
    /// The first five letters of its cognate form (across languages).
    pub prefix: u64,
    /// Its name hash, or 0 when it is not a name of the set.
    pub name: u64,
    /// The glossary concepts it stands for, hashed (0: none).
    pub concepts: [u64; MAX_CONCEPTS],
}

/// A paragraph as linking sees it. Lists are sorted by hash, with their counts.
#[derive(Clone, Debug, Default)]
pub struct Profile {
    /// Figures and dates.
    pub keys: Vec<Key>,
    /// Names of the set found in it.
    pub names: Vec<u64>,
    /// Word stems with counts (hashes carry the language).
    pub stems: Vec<(u64, f32)>,
    /// First five letters of the words' cognate forms, across languages.
    pub prefixes: Vec<u64>,
    /// The glossary concepts of its words ([`concept_hash`]), across languages.
    pub concepts: Vec<u64>,
    /// Coverage paragraphs only: the words, for evidence and marks.
    pub words: Vec<KeptWord>,
}

impl Profile {
    /// Nothing to link by (boilerplate, or an empty paragraph).
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty() && self.names.is_empty() && self.stems.is_empty()
    }
}

/// The words of every paragraph of the set, by document.
pub type SetWords = Vec<Vec<Vec<Word>>>;

/// Read the words of every paragraph (on all cores).
pub fn set_words(set: &ArticleSet) -> SetWords {
    let stemmers: Vec<Option<Stemmer>> = set
        .documents
        .iter()
        .map(|doc| super::stem::stemmer(&doc.lang))
        .collect();
    let all: Vec<(usize, &crate::set::Paragraph)> = set
        .documents
        .iter()
        .enumerate()
        .flat_map(|(d, doc)| doc.paragraphs.iter().map(move |p| (d, p)))
        .collect();
    let mut flat = crate::thread_map::map(&all, |(d, p)| {
        if p.kind == ParagraphKind::Boilerplate {
            return Vec::new();
        }
        text::words(&p.text, &set.documents[*d].lang, stemmers[*d].as_ref())
    })
    .into_iter();
    set.documents
        .iter()
        .map(|doc| flat.by_ref().take(doc.paragraphs.len()).collect())
        .collect()
}

/// The words written as names somewhere in the set (their name hashes). A name is written the
/// same in at least two languages ("Stargate", "Altman"; not "Japanse"), and almost never in
/// lower case. German capitalises every noun, so German texts contribute only acronyms and
/// inner capitals.
pub fn set_names(set: &ArticleSet, words: &SetWords) -> FxHashSet<u64> {
    #[derive(Default)]
    struct Seen<'a> {
        langs: Vec<&'a str>,
        strong: bool,
        lower: u32,
    }
    let mut seen: FxHashMap<u64, Seen<'_>> = FxHashMap::default();
    for (doc, doc_words) in set.documents.iter().zip(words) {
        let capitalises_nouns = doc.lang == "de";
        for word in doc_words.iter().flatten().filter(|w| !w.info.unit) {
            let info = &word.info;
            let entry = seen.entry(info.name).or_default();
            if !word.capitalised {
                if !capitalises_nouns {
                    entry.lower += 1;
                }
            } else if info.inner_capitals || (!capitalises_nouns && info.letters >= 3) {
                if !entry.langs.contains(&doc.lang.as_str()) {
                    entry.langs.push(doc.lang.as_str());
                }
                entry.strong |= word.is_name || info.inner_capitals;
            }
        }
    }
    let mut languages: Vec<&str> = set.documents.iter().map(|d| d.lang.as_str()).collect();
    languages.sort_unstable();
    languages.dedup();
    seen.into_iter()
        .filter(|(_, s)| {
            let across = s.langs.len() >= 2 || (languages.len() < 2 && s.strong);
            across && s.lower < 2
        })
        .map(|(name, _)| name)
        .collect()
}

/// Build the profile of one paragraph. `keep_words` keeps the words for evidence (coverage).
pub fn profile(
    paragraph: &crate::set::Paragraph,
    words: &[Word],
    names: &FxHashSet<u64>,
    keep_words: bool,
) -> Profile {
    let mut out = Profile::default();
    if paragraph.kind == ParagraphKind::Boilerplate {
        return out;
    }
    figure_keys(&paragraph.figures, &mut out.keys);
    let mut stems = Vec::new();
    for word in words {
        let info = &word.info;
        let is_name = names.contains(&info.name) && info.letters >= 2;
        let month = info.month > 0 && info.letters >= 3 && (word.capitalised || !word.is_name);
        if month {
            out.keys.push(month_key(u32::from(info.month), 0, 0.5));
        }
        let concepts = if is_name || month || info.letters < 3 {
            [0; MAX_CONCEPTS]
        } else {
            info.concepts
                .map(|id| if id == 0 { 0 } else { concept_hash(id) })
        };
        if keep_words {
            out.words.push(KeptWord {
                byte_range: word.byte_range.clone(),
                stem: info.stem,
                prefix: info.prefix,
                name: if is_name { info.name } else { 0 },
                concepts,
            });
        }
        if is_name {
            out.names.push(info.name);
            continue;
        }
        if month || info.letters < 3 {
            continue;
        }
        out.concepts
            .extend(concepts.iter().copied().filter(|&c| c != 0));
        stems.push(info.stem);
        if info.letters >= 4 && info.prefix != 0 {
            out.prefixes.push(info.prefix);
        }
    }
    out.keys.sort_by_key(|k| k.hash);
    out.keys.dedup_by_key(|k| k.hash);
    out.names.sort_unstable();
    out.names.dedup();
    out.prefixes.sort_unstable();
    out.prefixes.dedup();
    out.concepts.sort_unstable();
    out.concepts.dedup();
    out.stems = counted(stems);
    out
}

/// The feature of a glossary concept.
pub fn concept_hash(id: u16) -> u64 {
    hash_of(("concept", id))
}

/// Hashes with their counts, sorted by hash.
fn counted(mut hashes: Vec<u64>) -> Vec<(u64, f32)> {
    hashes.sort_unstable();
    let mut out: Vec<(u64, f32)> = Vec::with_capacity(hashes.len());
    for hash in hashes {
        match out.last_mut() {
            Some((last, count)) if *last == hash => *count += 1.0,
            _ => out.push((hash, 1.0)),
        }
    }
    out
}

fn month_key(month: u32, year: u64, specificity: f32) -> Key {
    Key {
        hash: hash_of(("month", month, year)),
        class: KeyClass::Time,
        specificity,
        source: KeySource::Month(month, year),
    }
}

/// The figure and date features of a paragraph's figures.
fn figure_keys(figures: &[Figure], out: &mut Vec<Key>) {
    for (n, figure) in figures.iter().enumerate() {
        match figure.kind {
            FigureKind::Year => out.push(year_key(figure.value as u64)),
            FigureKind::Date => {
                let (year, month, _) = crate::figures::date_parts(figure.value);
                if year > 0 {
                    out.push(year_key(year));
                    out.push(month_key(month as u32, year, 1.5));
                }
                out.push(month_key(month as u32, 0, 0.5));
            }
            // An ordinal or a time of day tells little about which fact a paragraph reports.
            FigureKind::Ordinal | FigureKind::Time => {}
            // A bare number joined to a word (`covid-19`, `top-10`) is a name, not a quantity.
            _ if figure.after_word && figure.unit.is_none() => {}
            _ => quantity_keys(figure, n as u32, out),
        }
    }
}

fn year_key(year: u64) -> Key {
    Key {
        hash: hash_of(("year", year)),
        class: KeyClass::Time,
        specificity: 1.0,
        source: KeySource::Year(year),
    }
}

/// An amount, percentage or count: its exact key, and two near keys.
fn quantity_keys(figure: &Figure, n: u32, out: &mut Vec<Key>) {
    // Bare counts under ten ("2", "Vision Fund 1") and numbers in words say nothing of the
    // subject; a bare count of two digits ("38 children died") says a little, as a round
    // figure does.
    if (figure.unit.is_none() && figure.value.abs() < 10.0)
        || (figure.in_words && figure.scale_word.is_none())
    {
        return;
    }
    let bare_small = figure.unit.is_none() && figure.value.abs() < 100.0;
    // Every crown is one: a Polish `koron` is the Danish `kr.` it translates.
    let unit = figure
        .unit
        .as_deref()
        .map_or("-", crate::figures::unit_family);
    out.push(Key {
        hash: hash_of(("figure", unit, significant(figure.value, 3))),
        class: KeyClass::Figure,
        specificity: if bare_small {
            0.4
        } else {
            figure_specificity(figure)
        },
        source: KeySource::Figure(n),
    });
    // The same quantity reported a little differently (16.2 and 16.6 billion) still points at
    // the same fact, more weakly; it is how conflicts are found. Two buckets of a twentieth of
    // a decade (about 12 %) each: values within about 6 % of each other always share one.
    if figure.unit.is_some() && figure.value > 0.0 && figure_specificity(figure) >= 0.9 {
        let position = figure.value.log10() * 20.0;
        for bucket in [position.floor(), position.ceil()] {
            out.push(Key {
                hash: hash_of(("about", unit, bucket as i64)),
                class: KeyClass::NearFigure,
                specificity: 1.0,
                source: KeySource::Figure(n),
            });
        }
    }
}

/// Round figures (500, 10 billion) recur by chance; 5.83 billion or 22.5 billion do not.
fn figure_specificity(figure: &Figure) -> f32 {
    let significant = figure
        .digits
        .split('-')
        .next()
        .unwrap_or("")
        .trim_end_matches('0')
        .len();
    let base = match significant {
        0 | 1 => 0.4,
        2 => 0.9,
        _ => 1.3,
    };
    if figure.upper.is_some() {
        base + 0.4
    } else {
        base
    }
}

/// `value` rounded to `digits` significant digits, as a stable key.
pub fn significant(value: f64, digits: i32) -> i64 {
    if value == 0.0 {
        return 0;
    }
    let magnitude = value.abs().log10().floor() as i32;
    let mantissa = (value / 10f64.powi(magnitude - digits + 1)).round() as i64;
    mantissa * 1000 + i64::from(magnitude)
}

/// A figure for people, as evidence: "5.83 × 10⁹ USD", "4.9 %".
pub fn figure_display(figure: &Figure) -> String {
    let mut text = format_value(figure.value, figure.kind);
    if let Some(upper) = figure.upper {
        text.push_str(" – ");
        text.push_str(&format_value(upper, figure.kind));
    }
    match figure.unit.as_deref() {
        Some("percent") => text.push_str(" %"),
        Some(unit) => {
            text.push(' ');
            text.push_str(unit);
        }
        None => {}
    }
    text
}

fn month_name(month: u32, year: u64) -> String {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let name = NAMES
        .get(month.saturating_sub(1) as usize)
        .copied()
        .unwrap_or("?");
    if year > 0 {
        format!("{name} {year}")
    } else {
        name.to_owned()
    }
}

/// How rare every feature is in the set: inverse document frequency over its paragraphs.
#[derive(Debug, Default)]
pub struct Rarity {
    /// Paragraphs having each feature, and the feature's idf.
    df: FxHashMap<u64, (u32, f32)>,
    /// Paragraphs with anything to link by.
    pub paragraphs: f32,
    /// The idf of features in a quarter of a large set's paragraphs, and the largest idf.
    baseline: f32,
    top: f32,
}

impl Rarity {
    /// Count the features of every profile.
    pub fn new<'p>(profiles: impl Iterator<Item = &'p Profile>) -> Self {
        let mut rarity = Self::default();
        for profile in profiles {
            if profile.is_empty() {
                continue;
            }
            rarity.paragraphs += 1.0;
            let hashes = profile
                .keys
                .iter()
                .map(|k| k.hash)
                .chain(profile.names.iter().copied())
                .chain(profile.stems.iter().map(|(h, _)| *h))
                .chain(profile.prefixes.iter().copied())
                .chain(profile.concepts.iter().copied());
            for hash in hashes {
                rarity.df.entry(hash).or_default().0 += 1;
            }
        }
        let n = rarity.paragraphs;
        for (df, idf) in rarity.df.values_mut() {
            *idf = ((n + 1.0) / (*df as f32 + 0.5)).ln().max(0.0);
        }
        rarity.baseline = 4f32.ln() * (n / 100.0).min(1.0);
        rarity.top = (n + 1.0).ln().max(1.0);
        rarity
    }

    /// ln((N + 1) / (df + 0.5)), never below zero.
    pub fn idf(&self, hash: u64) -> f32 {
        self.df
            .get(&hash)
            .map_or_else(|| ((self.paragraphs + 1.0) / 0.5).ln(), |(_, idf)| *idf)
            .max(0.0)
    }

    /// The rarity beyond the common, scaled to 0..1 by the largest the set can give: the same
    /// meaning in a set of ten paragraphs and in a book. A feature found in a quarter of the
    /// paragraphs of a set of a hundred or more says nothing (a small set cannot tell common
    /// from rare that finely).
    pub fn idf_norm(&self, hash: u64) -> f32 {
        ((self.idf(hash) - self.baseline) / (self.top - self.baseline)).max(0.0)
    }

    /// How many paragraphs have the feature.
    pub fn df(&self, hash: u64) -> u32 {
        self.df.get(&hash).map_or(0, |(df, _)| *df)
    }
}

/// The profiles of every paragraph of every document (coverage paragraphs keep their words).
pub fn profiles(set: &ArticleSet, words: &SetWords, names: &FxHashSet<u64>) -> Vec<Vec<Profile>> {
    let all: Vec<(usize, usize)> = set
        .documents
        .iter()
        .enumerate()
        .flat_map(|(d, doc)| (0..doc.paragraphs.len()).map(move |p| (d, p)))
        .collect();
    let mut flat = crate::thread_map::map(&all, |&(d, p)| {
        let doc: &Document = &set.documents[d];
        let coverage = d >= 2;
        profile(&doc.paragraphs[p], &words[d][p], names, coverage)
    })
    .into_iter();
    set.documents
        .iter()
        .map(|doc| flat.by_ref().take(doc.paragraphs.len()).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The exact figure keys of a text, with their specificity.
    fn exact_keys(text: &str, lang: &str) -> Vec<(String, f32)> {
        let figures = crate::figures::extract(text, lang);
        let mut keys = Vec::new();
        figure_keys(&figures, &mut keys);
        keys.iter()
            .filter(|k| k.class == KeyClass::Figure)
            .map(|k| match k.source {
                KeySource::Figure(n) => (figures[n as usize].text.clone(), k.specificity),
                _ => (String::new(), k.specificity),
            })
            .collect()
    }

    #[test]
    fn two_digit_counts_are_weak_keys_unless_written_onto_a_word() {
        let keys = exact_keys("Some 38 children died; 5 were treated.", "en");
        assert_eq!(keys.len(), 1, "{keys:?}");
        assert_eq!(keys[0].0, "38");
        assert!(keys[0].1 < 0.5);
        assert!(exact_keys("During the Covid-19 pandemic", "en").is_empty());
        assert!(exact_keys("tijdens de covid-19-pandemie", "nl").is_empty());
        assert!(exact_keys("Die F-35 und die G20", "de").is_empty());
        // A figure with a unit keeps its full weight.
        let keys = exact_keys("It cost 5.83 billion dollars.", "en");
        assert_eq!(keys.len(), 1, "{keys:?}");
        assert!(keys[0].1 > 1.0);
    }
}
