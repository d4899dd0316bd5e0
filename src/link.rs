//! Links from every row of the comparison to the coverage paragraphs that report the same thing.
//!
//! No model and no network: the signals are in the texts. Each paragraph becomes a set of
//! features that survive translation: figures by meaning (`5,83 miljarder dollar` and `5,83
//! Milliarden US-Dollar` share the feature `USD 5.83e9`), years and months in any of our
//! languages, names and acronyms, and five-letter stems of longer words (cognates such as
//! *investering*/*Investition*). Every feature is weighted by its class and by how rare it is in
//! the whole set (inverse document frequency), so the company the story is about says little
//! and a shared exact amount says a lot.
//!
//! A row's query is the union of the features of its left and right paragraphs. Coverage
//! paragraphs are found through an inverted index (feature → paragraphs), never by comparing
//! all pairs, and scored by the summed weight of what they share; the score is mapped into
//! 0..1 and links below [`LINK_THRESHOLD`] are dropped. Boilerplate never links; a heading
//! links through the section it heads.
//!
//! Within a link the figures describing the same quantity are compared: agreeing ("5.83 × 10⁹
//! USD in both") or conflicting (the same profit converted at a different rate, the proceeds
//! of the same sale reported differently). A conflict is a finding about sources, not a
//! translation error.
//!
//! ```
//! use parallel_reader::{comparison::Comparison, set};
//! let comparison = Comparison::build(set::bundled());
//! // Every link has evidence and a score in 0..1, best first.
//! for links in &comparison.links {
//!     for pair in links.windows(2) {
//!         assert!(pair[0].score >= pair[1].score);
//!     }
//!     for link in links {
//!         assert!(link.score > 0.0 && link.score <= 1.0 && !link.evidence.is_empty());
//!     }
//! }
//! ```

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::align::Row;
use crate::figures::compare::same_meaning;
use crate::figures::{self, Figure, FigureKind, format_value};
use crate::paragraph::ParagraphKind;
use crate::set::{ArticleSet, Role};
use crate::side::Side;
use crate::tokens;

/// Links weaker than this are not kept.
pub const LINK_THRESHOLD: f32 = 0.45;
/// At most this many links per row.
pub const MAX_LINKS: usize = 6;
/// Scale of the mapping from summed evidence weight to a 0..1 score.
const SCORE_SCALE: f32 = 7.0;

/// A figure of the row: which side, paragraph and position.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowFigure {
    /// The row's side it is on.
    pub side: Side,
    /// Paragraph index in that document.
    pub paragraph: usize,
    /// Index in the paragraph's figures.
    pub figure: usize,
}

/// A figure that agrees between the row and the coverage paragraph.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FigureAgreement {
    /// The row's figure.
    pub row_figure: RowFigure,
    /// Index in the coverage paragraph's figures.
    pub coverage_figure: usize,
    /// "5.83 × 10⁹ USD in both".
    pub reading: String,
}

/// The same quantity reported differently by the coverage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FigureConflict {
    /// The row's figure.
    pub row_figure: RowFigure,
    /// Index in the coverage paragraph's figures.
    pub coverage_figure: usize,
    /// "16.2 × 10⁹ USD (approx.) here, 16.6 × 10⁹ USD in German news".
    pub reason: String,
}

/// A link from a row to a coverage paragraph.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// Index of the coverage document in the set's `documents`.
    pub document: usize,
    /// Paragraph index in that document.
    pub paragraph: usize,
    /// How sure, 0..1.
    pub score: f32,
    /// Short readable items: figures, names, dates, shared words.
    pub evidence: Vec<String>,
    /// Figures that agree.
    pub figures_agree: Vec<FigureAgreement>,
    /// Figures that conflict.
    pub figures_conflict: Vec<FigureConflict>,
    /// Found through the section the row heads (headings only).
    pub via_section: bool,
}

/// Feature classes and their weights.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Class {
    Figure,
    /// A figure near another (within about 6 %): only counts beside other evidence.
    NearFigure,
    Time,
    Name,
    Stem,
}

impl Class {
    fn weight(self) -> f32 {
        match self {
            Self::Figure => 3.0,
            Self::NearFigure => 1.0,
            Self::Time => 1.0,
            Self::Name => 1.5,
            Self::Stem => 0.5,
        }
    }
}

/// A feature with the text to show as evidence.
#[derive(Clone, Debug)]
struct Feature {
    /// A hash of the feature's class and text: what matches across paragraphs.
    key: u64,
    class: Class,
    display: String,
    /// Extra factor on the class weight (a figure written with more digits is more specific).
    specificity: f32,
}

/// The features of one paragraph (deduplicated by key).
#[allow(clippy::too_many_lines)] // Split up by the rewrite that follows this restructuring.
fn paragraph_features(
    text: &str,
    words: &[tokens::Word],
    figures: &[Figure],
    names: &HashSet<String>,
) -> Vec<Feature> {
    let mut out: Vec<Feature> = Vec::new();
    for figure in figures {
        match figure.kind {
            FigureKind::Year => {
                let year = figure.value as i64;
                out.push(Feature {
                    key: feature_key("year", &year.to_string()),
                    class: Class::Time,
                    display: year.to_string(),
                    specificity: 1.0,
                });
            }
            FigureKind::Date => {
                let v = figure.value as u64;
                let (year, month) = (v / 10_000, (v / 100) % 100);
                if year > 0 {
                    out.push(Feature {
                        key: feature_key("year", &year.to_string()),
                        class: Class::Time,
                        display: year.to_string(),
                        specificity: 1.0,
                    });
                }
                out.push(Feature {
                    key: feature_key("month", &month.to_string()),
                    class: Class::Time,
                    display: month_name(month as u32, year),
                    specificity: if year > 0 { 1.5 } else { 0.5 },
                });
            }
            FigureKind::Ordinal => {}
            _ => {
                // Small bare counts ("2", "Vision Fund 1") say nothing about the subject.
                if figure.unit.is_none() && figure.value.abs() < 100.0 {
                    continue;
                }
                out.push(Feature {
                    key: feature_key(
                        &format!("figure:{}", figure.unit.as_deref().unwrap_or("-")),
                        &significant(figure.value, 3),
                    ),
                    class: Class::Figure,
                    display: figure_display(figure),
                    specificity: figure_specificity(figure),
                });
                // The same quantity reported a little differently (16.2 and 16.6 billion)
                // still points at the same fact, more weakly; it is how conflicts are found.
                // Two buckets of a twentieth of a decade (about 12 %) each: values within about
                // 6 % of each other always share one.
                let unit = figure.unit.as_deref().unwrap_or("-");
                if figure.unit.is_some() && figure.value > 0.0 && figure_specificity(figure) >= 0.9
                {
                    let position = figure.value.log10() * 20.0;
                    for bucket in [position.floor(), position.ceil()] {
                        out.push(Feature {
                            key: feature_key(&format!("about:{unit}"), &bucket.to_string()),
                            class: Class::NearFigure,
                            display: format!("≈ {}", figure_display(figure)),
                            specificity: 1.0,
                        });
                    }
                }
            }
        }
    }
    let mut surface = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty());
    for word in words {
        let shown = surface.next().unwrap_or_default();
        let may_be_month = shown.len() >= 4
            && shown
                .chars()
                .next()
                .is_some_and(|c| "jfmasondJFMASOND".contains(c));
        if may_be_month
            && let Some(month) = figures::month(shown)
            && shown
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || !word.is_name)
        {
            out.push(Feature {
                key: feature_key("month", &month.to_string()),
                class: Class::Time,
                display: month_name(month, 0),
                specificity: 0.5,
            });
            continue;
        }
        if names.contains(&word.folded) && word.folded.chars().count() >= 2 {
            out.push(Feature {
                key: feature_key("name", &word.folded),
                class: Class::Name,
                display: shown.to_owned(),
                specificity: 1.0,
            });
        } else if word.folded.chars().count() >= 6 && !word.is_name {
            let stem = tokens::stem(&word.folded, 5);
            out.push(Feature {
                key: feature_key("stem", stem),
                class: Class::Stem,
                display: stem.to_owned(),
                specificity: 1.0,
            });
        }
    }
    out.sort_by_key(|f| f.key);
    out.dedup_by(|a, b| a.key == b.key);
    out
}

impl Feature {
    /// The evidence text.
    fn shown(&self) -> String {
        match self.class {
            Class::Stem => format!("{}…", self.display),
            _ => self.display.clone(),
        }
    }
}

/// The key of a feature: a hash of its class and text.
fn feature_key(class: &str, text: &str) -> u64 {
    use std::hash::{Hash as _, Hasher as _};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    class.hash(&mut hasher);
    text.hash(&mut hasher);
    hasher.finish()
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

/// `value` rounded to `digits` significant digits, as a stable key.
fn significant(value: f64, digits: i32) -> String {
    if value == 0.0 {
        return "0".to_owned();
    }
    let magnitude = value.abs().log10().floor() as i32;
    let factor = 10f64.powi(digits - 1 - magnitude);
    format!("{:e}", (value * factor).round() / factor)
}

fn figure_display(figure: &Figure) -> String {
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

/// The words written as names somewhere in the set (a name at the start of a sentence is still
/// a name). German capitalises every noun, so German texts contribute only acronyms and words
/// with inner capitals; a word also written in lower case in running text is not a name.
fn set_names(set: &ArticleSet, words: &[Vec<Vec<tokens::Word>>]) -> HashSet<String> {
    let per_document: Vec<_> = set
        .documents
        .iter()
        .zip(words)
        .map(|(doc, doc_words)| document_names(doc, doc_words))
        .collect();
    let mut names: HashMap<String, (HashSet<&str>, bool)> = HashMap::new();
    let mut lower_case: HashMap<String, u32> = HashMap::new();
    for (doc, (doc_names, doc_lower)) in set.documents.iter().zip(per_document) {
        for (name, strong) in doc_names {
            let entry = names.entry(name).or_default();
            entry.0.insert(doc.lang.as_str());
            entry.1 |= strong;
        }
        for (word, count) in doc_lower {
            *lower_case.entry(word).or_default() += count;
        }
    }
    // In a set of several languages a name is written the same in at least two of them:
    // "Stargate" and "Altman" are, "Japanse" (Dutch for Japanese) is not.
    let languages: HashSet<&str> = set.documents.iter().map(|d| d.lang.as_str()).collect();
    names
        .into_iter()
        .filter(|(name, (langs, strong))| {
            let across = langs.len() >= 2 || (languages.len() < 2 && *strong);
            lower_case.get(name).copied().unwrap_or(0) < 2 && across
        })
        .map(|(name, _)| name)
        .collect()
}

/// The names of one document, and how often each word is written in lower case.
fn document_names(
    doc: &crate::set::Document,
    words: &[Vec<tokens::Word>],
) -> (HashMap<String, bool>, HashMap<String, u32>) {
    // Capitalised words, true when seen inside a sentence (surely a name).
    let mut names: HashMap<String, bool> = HashMap::new();
    let mut lower_case: HashMap<String, u32> = HashMap::new();
    let capitalises_nouns = doc.lang == "de";
    {
        for (paragraph, paragraph_words) in doc.paragraphs.iter().zip(words) {
            for (word, surface) in paragraph_words.iter().zip(
                paragraph
                    .text
                    .split(|c: char| !c.is_alphabetic())
                    .filter(|w| !w.is_empty()),
            ) {
                let acronym_like = surface.chars().skip(1).any(char::is_uppercase);
                if surface.starts_with(char::is_lowercase) {
                    if !capitalises_nouns {
                        *lower_case.entry(word.folded.clone()).or_default() += 1;
                    }
                } else if acronym_like || !capitalises_nouns {
                    // Capitalised: mid-sentence (a name), or at a sentence start (a name only
                    // if it is capitalised the same way in another language).
                    let long_enough = word.folded.chars().count() >= 3 || acronym_like;
                    if long_enough {
                        let strong = word.is_name || acronym_like;
                        let entry = names.entry(word.folded.clone()).or_insert(false);
                        *entry |= strong;
                    }
                }
            }
        }
    }
    (names, lower_case)
}

/// A coverage paragraph found for a row: summed weight and the shared features.
type Candidate<'a> = (f32, Vec<(&'a Feature, f32)>);

/// One coverage paragraph in the index.
struct Target {
    document: usize,
    paragraph: usize,
}

/// Link every row of `rows` to the coverage of `set`. Returns one list per row, best first.
#[allow(clippy::too_many_lines)] // Split up by the rewrite that follows this restructuring.
pub fn link_rows(set: &ArticleSet, rows: &[Row]) -> Vec<Vec<Link>> {
    let threshold = LINK_THRESHOLD;
    // Tokenise every paragraph once, on all cores, by paragraph (the renderings are most of it).
    let all: Vec<&crate::set::Paragraph> = set
        .documents
        .iter()
        .flat_map(|doc| &doc.paragraphs)
        .collect();
    let mut flat_words = crate::parallel::map(&all, |p| tokens::words(&p.text)).into_iter();
    let words: Vec<Vec<Vec<tokens::Word>>> = set
        .documents
        .iter()
        .map(|doc| flat_words.by_ref().take(doc.paragraphs.len()).collect())
        .collect();
    let names = set_names(set, &words);
    // Features of every paragraph (boilerplate excluded), by document.
    let all_words: Vec<(&crate::set::Paragraph, &Vec<tokens::Word>)> = set
        .documents
        .iter()
        .zip(&words)
        .flat_map(|(doc, doc_words)| doc.paragraphs.iter().zip(doc_words))
        .collect();
    let mut flat = crate::parallel::map(&all_words, |(p, paragraph_words)| {
        if p.kind == ParagraphKind::Boilerplate {
            Vec::new()
        } else {
            paragraph_features(&p.text, paragraph_words, &p.figures, &names)
        }
    })
    .into_iter();
    let features: Vec<Vec<Vec<Feature>>> = set
        .documents
        .iter()
        .map(|doc| flat.by_ref().take(doc.paragraphs.len()).collect())
        .collect();
    // Document frequency over all paragraphs of the set.
    let mut df: HashMap<u64, u32> = HashMap::new();
    let mut paragraphs = 0u32;
    for doc in &features {
        for list in doc {
            if list.is_empty() {
                continue;
            }
            paragraphs += 1;
            for feature in list {
                *df.entry(feature.key).or_default() += 1;
            }
        }
    }
    // Rarity beyond the common: in a set of a hundred paragraphs or more, a feature found in a
    // quarter of them says nothing; a small set cannot tell common from rare that finely.
    let baseline = 4f32.ln() * (paragraphs as f32 / 100.0).min(1.0);
    // Rarity is relative to the size of the set: the rarest feature of a five-paragraph set
    // says as much as the rarest of a five-hundred-paragraph one (the scores are calibrated
    // on a set of a few hundred paragraphs, where ln(N) ≈ 5.5).
    let size_scale = 5.5 / (paragraphs as f32 + 1.0).ln().max(1.0);
    let weight = |feature: &Feature| -> f32 {
        let df = df.get(&feature.key).copied().unwrap_or(1) as f32;
        let idf = ((paragraphs as f32 + 1.0) / df).ln() - baseline;
        feature.class.weight() * feature.specificity * idf.max(0.0) * size_scale
    };
    // Inverted index over coverage paragraphs.
    let mut targets: Vec<Target> = Vec::new();
    let mut index: HashMap<u64, Vec<u32>> = HashMap::new();
    for (doc_idx, doc) in set.documents.iter().enumerate() {
        if doc.role != Role::Coverage {
            continue;
        }
        for (para_idx, list) in features[doc_idx].iter().enumerate() {
            if list.is_empty() {
                continue;
            }
            let target = targets.len() as u32;
            targets.push(Target {
                document: doc_idx,
                paragraph: para_idx,
            });
            for feature in list {
                index.entry(feature.key).or_default().push(target);
            }
        }
    }
    // Features too common to discriminate are not looked up at all.
    let max_postings = (targets.len() / 3).clamp(8, 200);

    // A row's query: its features with their weights, and for stems the languages they were
    // written in (a stem shared within one language is an ordinary word, not a cognate).
    let row_query = |row: &Row| -> Vec<(&Feature, f32, Vec<&str>)> {
        let mut query: HashMap<u64, (&Feature, f32, Vec<&str>)> = HashMap::new();
        for (doc_idx, indices) in [(0, &row.left), (1, &row.right)] {
            let lang = set.documents[doc_idx].lang.as_str();
            for &para in indices {
                for feature in &features[doc_idx][para] {
                    let w = weight(feature);
                    let entry = query.entry(feature.key).or_insert((feature, w, Vec::new()));
                    entry.2.push(lang);
                }
            }
        }
        let mut query: Vec<(&Feature, f32, Vec<&str>)> = query.into_values().collect();
        query.sort_by_key(|q| q.0.key);
        query
    };

    let mut links: Vec<Vec<Link>> = crate::parallel::map(rows, |row| {
        let query = row_query(row);
        let mut scores: HashMap<u32, Candidate<'_>> = HashMap::new();
        for (feature, w, langs) in &query {
            if *w <= 0.0 {
                continue;
            }
            let Some(postings) = index.get(&feature.key) else {
                continue;
            };
            if postings.len() > max_postings {
                continue;
            }
            for &target in postings {
                if feature.class == Class::Stem {
                    let target_lang = set.documents[targets[target as usize].document]
                        .lang
                        .as_str();
                    if langs.iter().all(|l| *l == target_lang) {
                        continue;
                    }
                }
                let entry = scores.entry(target).or_insert((0.0, Vec::new()));
                entry.0 += w;
                entry.1.push((feature, *w));
            }
        }
        let mut found: Vec<Link> = scores
            .into_iter()
            .filter_map(|(target, (sum, mut shared))| {
                // A near figure only counts beside a name, a date or an exact figure.
                let other: f32 = shared
                    .iter()
                    .filter(|(f, _)| matches!(f.class, Class::Figure | Class::Time | Class::Name))
                    .map(|(_, w)| w)
                    .sum();
                let sum = if other >= 1.0 {
                    sum
                } else {
                    sum - shared
                        .iter()
                        .filter(|(f, _)| f.class == Class::NearFigure)
                        .map(|(_, w)| w)
                        .sum::<f32>()
                };
                let score = 1.0 - (-sum / SCORE_SCALE).exp();
                if score < threshold {
                    return None;
                }
                // Evidence needs more than shared stems.
                if shared.iter().all(|(f, _)| f.class == Class::Stem) {
                    return None;
                }
                let target = &targets[target as usize];
                shared.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.key.cmp(&b.0.key)));
                let evidence = shared
                    .iter()
                    .filter(|(f, _)| f.class != Class::Stem)
                    .take(6)
                    .map(|(f, _)| f.display.clone())
                    .chain(
                        shared
                            .iter()
                            .filter(|(f, _)| f.class == Class::Stem)
                            .take(3)
                            .map(|(f, _)| f.shown()),
                    )
                    .collect();
                Some(Link {
                    document: target.document,
                    paragraph: target.paragraph,
                    score,
                    evidence,
                    figures_agree: Vec::new(),
                    figures_conflict: Vec::new(),
                    via_section: false,
                })
            })
            .collect();
        sort_links(&mut found);
        found.truncate(MAX_LINKS);
        found
    });

    // Headings link through the section they head.
    for (row_idx, row) in rows.iter().enumerate() {
        if !is_heading_row(set, row) {
            continue;
        }
        let mut section: Vec<Link> = Vec::new();
        for next in rows.iter().enumerate().skip(row_idx + 1) {
            let (next_idx, next_row) = next;
            if is_heading_row(set, next_row) {
                break;
            }
            for link in &links[next_idx] {
                match section
                    .iter_mut()
                    .find(|l| l.document == link.document && l.paragraph == link.paragraph)
                {
                    Some(existing) => existing.score = existing.score.max(link.score * 0.8),
                    None => section.push(Link {
                        score: link.score * 0.8,
                        via_section: true,
                        ..link.clone()
                    }),
                }
            }
        }
        let own = &mut links[row_idx];
        for link in section {
            if link.score >= threshold
                && !own
                    .iter()
                    .any(|l| l.document == link.document && l.paragraph == link.paragraph)
            {
                own.push(link);
            }
        }
        sort_links(own);
        own.truncate(MAX_LINKS);
    }

    // Figures across sources.
    for (row, row_links) in rows.iter().zip(&mut links) {
        let row_figures = row_figures(set, row);
        for link in row_links.iter_mut() {
            let coverage_doc = &set.documents[link.document];
            let coverage = &coverage_doc.paragraphs[link.paragraph].figures;
            compare_across(&row_figures, coverage, &coverage_doc.label, link);
        }
    }
    links
}

fn sort_links(links: &mut [Link]) {
    links.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.document.cmp(&b.document))
            .then(a.paragraph.cmp(&b.paragraph))
    });
}

fn is_heading_row(set: &ArticleSet, row: &Row) -> bool {
    let kinds = row
        .left
        .iter()
        .map(|&i| set.left().paragraphs[i].kind)
        .chain(row.right.iter().map(|&i| set.right().paragraphs[i].kind));
    let mut any = false;
    for kind in kinds {
        if kind != ParagraphKind::Heading {
            return false;
        }
        any = true;
    }
    any
}

/// The figures of a row to compare with coverage: the left side's, plus right-side figures
/// that have no equal on the left.
fn row_figures<'a>(set: &'a ArticleSet, row: &Row) -> Vec<(RowFigure, &'a Figure)> {
    let mut out: Vec<(RowFigure, &Figure)> = Vec::new();
    for (side, doc, indices) in [
        (Side::Left, set.left(), &row.left),
        (Side::Right, set.right(), &row.right),
    ] {
        for &paragraph in indices {
            let p = &doc.paragraphs[paragraph];
            if p.kind == ParagraphKind::Boilerplate {
                continue;
            }
            for (figure, f) in p.figures.iter().enumerate() {
                if side == Side::Right && out.iter().any(|(_, g)| same_meaning(f, g)) {
                    continue;
                }
                out.push((
                    RowFigure {
                        side,
                        paragraph,
                        figure,
                    },
                    f,
                ));
            }
        }
    }
    out
}

/// Agreeing and conflicting figures between a row and a linked coverage paragraph.
///
/// Two figures describe the same quantity when they have the same kind and unit and values
/// within 12 % of each other; equal within the written precision, they agree; otherwise they
/// conflict, unless either already agrees with another figure of the pair.
fn compare_across(
    row: &[(RowFigure, &Figure)],
    coverage: &[Figure],
    coverage_label: &str,
    link: &mut Link,
) {
    let mut row_agrees = vec![false; row.len()];
    let mut coverage_agrees = vec![false; coverage.len()];
    for (r, (row_ref, row_figure)) in row.iter().enumerate() {
        if !is_quantity(row_figure) {
            continue;
        }
        if let Some(c) = (0..coverage.len())
            .find(|&c| !coverage_agrees[c] && same_meaning(row_figure, &coverage[c]))
        {
            row_agrees[r] = true;
            coverage_agrees[c] = true;
            link.figures_agree.push(FigureAgreement {
                row_figure: *row_ref,
                coverage_figure: c,
                reading: format!("{} in both", figure_display(row_figure)),
            });
        }
    }
    for (r, (row_ref, row_figure)) in row.iter().enumerate() {
        if row_agrees[r] || !is_quantity(row_figure) {
            continue;
        }
        let candidate = (0..coverage.len())
            .filter(|&c| !coverage_agrees[c])
            .filter(|&c| same_quantity(row_figure, &coverage[c]))
            .min_by(|&a, &b| {
                relative_gap(row_figure, &coverage[a])
                    .total_cmp(&relative_gap(row_figure, &coverage[b]))
            });
        if let Some(c) = candidate {
            coverage_agrees[c] = true;
            let approx = |f: &Figure| if f.approx { " (approx.)" } else { "" };
            link.figures_conflict.push(FigureConflict {
                row_figure: *row_ref,
                coverage_figure: c,
                reason: format!(
                    "{}{} here, {}{} in {coverage_label}",
                    figure_display(row_figure),
                    approx(row_figure),
                    figure_display(&coverage[c]),
                    approx(&coverage[c])
                ),
            });
        }
    }
}

/// Amounts, percentages and counted things: quantities that sources can disagree on.
fn is_quantity(figure: &Figure) -> bool {
    match figure.kind {
        FigureKind::Amount | FigureKind::Percent => true,
        FigureKind::Count => figure.unit.is_some() || figure.value.abs() >= 100.0,
        _ => false,
    }
}

fn relative_gap(a: &Figure, b: &Figure) -> f64 {
    (a.value - b.value).abs() / a.value.abs().max(b.value.abs()).max(1e-9)
}

fn same_quantity(a: &Figure, b: &Figure) -> bool {
    a.kind == b.kind
        && a.unit.is_some()
        && a.unit == b.unit
        && a.upper.is_none()
        && b.upper.is_none()
        && relative_gap(a, b) <= 0.12
        && !same_meaning(a, b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures::extract;

    #[test]
    fn significant_keys_match_across_writings() {
        let sv = &extract("5,83 miljarder dollar", "sv")[0];
        let de = &extract("5,83 Milliarden US-Dollar", "de")[0];
        let en = &extract("$5.83 billion", "en")[0];
        assert_eq!(significant(sv.value, 3), significant(de.value, 3));
        assert_eq!(significant(sv.value, 3), significant(en.value, 3));
        assert_ne!(significant(5.38e9, 3), significant(5.83e9, 3));
    }

    #[test]
    fn conflicts_need_the_same_quantity() {
        let row = extract(
            "nettovinst på 2,5 biljoner yen, cirka 16,2 miljarder dollar",
            "sv",
        );
        let coverage = extract("2,5 Billionen Yen (16,6 Milliarden US-Dollar)", "de");
        let refs: Vec<(RowFigure, &Figure)> = row
            .iter()
            .enumerate()
            .map(|(figure, f)| {
                (
                    RowFigure {
                        side: Side::Left,
                        paragraph: 0,
                        figure,
                    },
                    f,
                )
            })
            .collect();
        let mut link = Link {
            document: 2,
            paragraph: 4,
            score: 0.9,
            evidence: Vec::new(),
            figures_agree: Vec::new(),
            figures_conflict: Vec::new(),
            via_section: false,
        };
        compare_across(&refs, &coverage, "German news", &mut link);
        assert_eq!(link.figures_agree.len(), 1);
        assert_eq!(link.figures_agree[0].reading, "2.5 × 10¹² JPY in both");
        assert_eq!(link.figures_conflict.len(), 1);
        assert_eq!(
            link.figures_conflict[0].reason,
            "16.2 × 10⁹ USD (approx.) here, 16.6 × 10⁹ USD in German news"
        );
        // 500 vs 400 billion are different quantities, not a conflict.
        let row = extract("värt 500 miljarder dollar", "sv");
        let coverage = extract("über 400 Milliarden US-Dollar", "de");
        assert!(!same_quantity(&row[0], &coverage[0]));
    }
}
