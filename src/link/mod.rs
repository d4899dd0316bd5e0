//! Links from every row of the comparison to the coverage paragraphs that report the same thing,
//! in any language of the set.
//!
//! No network: the signals are in the texts. Every paragraph becomes a profile ([`profile`]):
//! its figures and dates by meaning (`5,83 miljarder dollar` and `5,83 Milliarden US-Dollar`
//! share the feature `USD 5.83e9`), the names of the set, its words stemmed with the Snowball
//! stemmer of its language ([`stem`], [`text`]), the first five letters of the words' cognate
//! forms (an anchored character n-gram of the stem spelled without what separates related
//! languages), which relate *investering*, *Investition* and *investment*, and the concepts of
//! the news glossary its words stand for ([`glossary`]), which relate *bubbla*, *Blase* and
//! *zeepbel*. Every feature is weighted by how rare it is in the set, so the company the story
//! is about says little and a shared exact amount says a lot.
//!
//! A coverage document in the language of one side of a row is searched with that side's words
//! (monolingual retrieval), with the other side's words carried over by a lexicon learned from
//! the aligned rows themselves ([`lexicon`]). The [`linker`] finds candidates through an
//! inverted index and measures each; the [`model`], a calibrated random forest fitted on the
//! judged links of the bundled set, reads the measures with their context (the neighbouring
//! rows and paragraphs) and gives the probability that the paragraph reports what the row
//! says. Links below [`link_threshold`] are dropped. Boilerplate never links; a heading links
//! through the section it heads.
//!
//! Within a link the figures describing the same quantity are compared ([`across`]): agreeing
//! ("5.83 × 10⁹ USD in both") or conflicting (the same profit converted at a different rate).
//! A conflict is a finding about sources, not a translation error.
//!
//! What it cannot find: a paragraph that reports the same thing in other words, with no figure,
//! name, shared word stem, cognate or glossary concept; facts that only an inference connects.
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

pub mod across;
pub mod glossary;
pub mod lexicon;
pub mod linker;
pub mod model;
pub mod profile;
pub mod stem;
pub mod text;

use serde::{Deserialize, Serialize};

use crate::classify::ParagraphKind;
use crate::progress::{Cancelled, Progress};
use crate::row::Row;
use crate::set::ArticleSet;
use crate::side::Side;

pub use linker::{Candidate, CandidateInput, FEATURES, Linker, Measured, PairFeatures};

/// Links less likely than this are not kept: chosen with the model on the judged links of the
/// bundled set, for precision (see `tests/integration/calibrate.rs`).
pub fn link_threshold() -> f32 {
    model::Forest::get().threshold
}
/// At most this many links per row.
pub const MAX_LINKS: usize = 6;
/// A link with no figure in common with its row must be at least this likely for two of their
/// figures that differ to be a conflict: below it, two figures that differ more likely belong
/// to two different facts.
pub const CONFLICT_CONFIDENCE: f32 = 0.6;

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
    /// Where the shared names and words are in the coverage paragraph (bytes, ascending).
    #[serde(default)]
    pub marks: Vec<std::ops::Range<usize>>,
}

/// Link every row of `rows` to the coverage of `set`. Returns one list per row, best first.
/// Reads the set first; keep a [`Linker`] to link rows again.
pub fn link_rows(set: &ArticleSet, rows: &[Row]) -> Vec<Vec<Link>> {
    if set.coverage().is_empty() {
        return vec![Vec::new(); rows.len()];
    }
    let mut linker = Linker::new(set);
    linker.learn(rows);
    linker.link_rows(set, rows)
}

impl Linker {
    /// Link every row of `rows` to the coverage of `set` (the set the linker read), with the
    /// sections of headings and the figures that agree or conflict across sources.
    pub fn link_rows(&self, set: &ArticleSet, rows: &[Row]) -> Vec<Vec<Link>> {
        match self.link_rows_with(set, rows, &Progress::new()) {
            Ok(links) => links,
            Err(Cancelled) => unreachable!("nobody else holds this progress to cancel it"),
        }
    }

    /// [`link_rows`](Self::link_rows), counting rows linked in `progress` and stopping when it
    /// is cancelled.
    pub fn link_rows_with(
        &self,
        set: &ArticleSet,
        rows: &[Row],
        progress: &Progress,
    ) -> Result<Vec<Vec<Link>>, Cancelled> {
        let all: Vec<usize> = (0..rows.len()).collect();
        let mut links = self.links_at(set, rows, &all, link_threshold(), progress);
        progress.check()?;
        finish_links(set, rows, &mut links);
        Ok(links)
    }

    /// The rows `which` of `rows` linked again (after an alignment edit), each read with its
    /// neighbouring rows: their own links only, before [`finish_links`] gives headings their
    /// sections and compares the figures of every row's links.
    pub fn link_rows_at(&self, set: &ArticleSet, rows: &[Row], which: &[usize]) -> Vec<Vec<Link>> {
        self.links_at(set, rows, which, link_threshold(), &Progress::new())
    }
}

/// What every row's own links need from the others: headings link through the section they
/// head, and the figures of each link are compared (a conflict depends on what the other rows
/// report). Links already finished are finished again from their own part, so that after an
/// alignment edit the rows that did not change and those linked again give the same links as
/// a whole new linking.
pub fn finish_links(set: &ArticleSet, rows: &[Row], links: &mut [Vec<Link>]) {
    for (row, row_links) in rows.iter().zip(links.iter_mut()) {
        if is_heading_row(set, row) {
            row_links.retain(|link| !link.via_section);
        }
        for link in row_links.iter_mut() {
            link.figures_agree.clear();
            link.figures_conflict.clear();
        }
    }
    link_headings(set, rows, links);
    compare_figures(set, rows.iter(), links);
}

/// The figures that agree or conflict between each row and its links.
///
/// Two figures that differ are a conflict when the link also has a figure that agrees (the same
/// fact, reported with one figure the same and another not); without one, only on a link at
/// least [`CONFLICT_CONFIDENCE`] likely, and not when another row reports the coverage's figure
/// exactly (the coverage then reports that row's fact, not this row's differently).
fn compare_figures<'r>(
    set: &ArticleSet,
    rows: impl Iterator<Item = &'r Row>,
    links: &mut [Vec<Link>],
) {
    for (row, row_links) in rows.zip(links.iter_mut()) {
        let row_figures = across::row_figures(set, row);
        for link in row_links.iter_mut() {
            let coverage_doc = &set.documents[link.document];
            let coverage = &coverage_doc.paragraphs[link.paragraph].figures;
            across::compare_across(&row_figures, coverage, &coverage_doc.label, link);
        }
    }
    let accounted: std::collections::HashSet<(usize, usize, usize)> = links
        .iter()
        .flatten()
        .flat_map(|link| {
            link.figures_agree
                .iter()
                .map(|a| (link.document, link.paragraph, a.coverage_figure))
        })
        .collect();
    for link in links.iter_mut().flatten() {
        if !link.figures_agree.is_empty() {
            continue;
        }
        if link.score < CONFLICT_CONFIDENCE {
            link.figures_conflict.clear();
        }
        let (document, paragraph) = (link.document, link.paragraph);
        link.figures_conflict
            .retain(|c| !accounted.contains(&(document, paragraph, c.coverage_figure)));
    }
}

/// Headings link through the section they head.
fn link_headings(set: &ArticleSet, rows: &[Row], links: &mut [Vec<Link>]) {
    for (row_idx, row) in rows.iter().enumerate() {
        if !is_heading_row(set, row) {
            continue;
        }
        let mut section: Vec<Link> = Vec::new();
        for (next_idx, next_row) in rows.iter().enumerate().skip(row_idx + 1) {
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
            if link.score >= link_threshold()
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
}

pub(crate) fn sort_links(links: &mut [Link]) {
    links.sort_by(|a, b| {
        link_order(
            (a.score, a.document, a.paragraph),
            (b.score, b.document, b.paragraph),
        )
    });
}

/// The order of a row's links, given as (score, document, paragraph): the likeliest first,
/// then by document and paragraph.
pub(crate) fn link_order(
    (a_score, a_document, a_paragraph): (f32, usize, usize),
    (b_score, b_document, b_paragraph): (f32, usize, usize),
) -> std::cmp::Ordering {
    b_score
        .total_cmp(&a_score)
        .then(a_document.cmp(&b_document))
        .then(a_paragraph.cmp(&b_paragraph))
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
