//! JSON export, schema `parallel-reader/comparison/1`.
//!
//! ```text
//! {"schema": "parallel-reader/comparison/1", "title": "...",
//!  "documents": [{"id", "role": "left|right|coverage", "lang", "label", "path", "encoding",
//!                 "paragraphs": [{"index", "kind": "heading|body|boilerplate", "text",
//!                                 "figures": [{"text", "start", "end", "value", "upper", "unit",
//!                                              "kind", "approx", "reading"}]}]}],
//!  "rows": [{"left": [0], "right": [0],
//!            "mismatches": [{"left": {"paragraph", "figure"} | null, "right": … | null, "reason",
//!                            "accepted"}],
//!            "links": [{"document": id, "paragraph", "score", "evidence": ["..."],
//!                       "figures_agree": [{"row_figure": {"side", "paragraph", "figure"},
//!                                          "coverage_figure": {"paragraph", "figure"}, "reading"}],
//!                       "figures_conflict": [{"row_figure", "coverage_figure", "reason"}],
//!                       "via_section", "marks": [[start, end]]}],
//!            "review": {"status": "unreviewed|ok|needs_fix|question", "note",
//!                       "accepted": [{"finding", "reason"}]},
//!            "moved_row": N (only on a row whose paragraph moved)}],
//!  "summary": {"rows", "figures", "mismatches", "conflicts", "accepted_mismatches",
//!              "accepted_conflicts", "links", "unmatched_paragraphs"},
//!  "warnings": ["..."]}
//! ```
//! Field names are stable; later versions only add fields. The summary counts open findings
//! (not accepted by the reviewer) the way `check`, the window and every other export do.

use std::io;

use serde::{Deserialize, Serialize};

use crate::comparison::{Comparison, Finding};

/// The schema name written into every export.
pub const SCHEMA: &str = "parallel-reader/comparison/1";

/// The whole export.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ComparisonJson {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The set's title.
    pub title: String,
    /// Left, right, then coverage.
    pub documents: Vec<DocumentJson>,
    /// Aligned rows in reading order.
    pub rows: Vec<RowJson>,
    /// Counts of the whole comparison.
    #[serde(default)]
    pub summary: SummaryJson,
    /// Load warnings.
    #[serde(default)]
    pub warnings: Vec<String>,
}

/// Counts of the whole comparison (open findings: not accepted by the reviewer).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryJson {
    /// Aligned rows.
    pub rows: usize,
    /// Figures read in the two renderings.
    pub figures: usize,
    /// Open figure mismatches.
    pub mismatches: usize,
    /// Open coverage conflicts.
    pub conflicts: usize,
    /// Mismatches the reviewer accepted.
    pub accepted_mismatches: usize,
    /// Coverage conflicts the reviewer accepted.
    pub accepted_conflicts: usize,
    /// Coverage links.
    pub links: usize,
    /// Paragraphs without counterpart.
    pub unmatched_paragraphs: usize,
}

/// One document.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct DocumentJson {
    /// Unique id in the set.
    pub id: String,
    /// `left`, `right` or `coverage`.
    pub role: String,
    /// Language code.
    pub lang: String,
    /// Display label.
    pub label: String,
    /// Source path.
    pub path: String,
    /// Encoding the file was read as.
    #[serde(default)]
    pub encoding: String,
    /// Paragraphs in order.
    pub paragraphs: Vec<ParagraphJson>,
}

/// One paragraph.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ParagraphJson {
    /// 0-based position.
    pub index: usize,
    /// `heading`, `body` or `boilerplate`.
    pub kind: String,
    /// The text.
    pub text: String,
    /// Figures in the text.
    pub figures: Vec<FigureJson>,
}

/// One figure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FigureJson {
    /// The text read.
    pub text: String,
    /// Byte offset of the start in the paragraph text.
    pub start: usize,
    /// Byte offset of the end in the paragraph text.
    pub end: usize,
    /// The value, scale applied (dates: `YYYYMMDD`; times of day: `HHMM`).
    pub value: f64,
    /// The upper end of a range.
    pub upper: Option<f64>,
    /// ISO 4217 code, `crowns` (a crown of no named country), `percent`, or another unit.
    pub unit: Option<String>,
    /// `amount`, `percent`, `year`, `date`, `time`, `ordinal` or `count`.
    pub kind: String,
    /// Written as approximate.
    pub approx: bool,
    /// A reading for people ("5.83 × 10⁹ USD").
    #[serde(default)]
    pub reading: String,
}

/// A figure by paragraph and position.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FigureRefJson {
    /// Paragraph index.
    pub paragraph: usize,
    /// Index in the paragraph's figures.
    pub figure: usize,
}

/// A figure mismatch between the two sides of a row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MismatchJson {
    /// The left figure, or null.
    pub left: Option<FigureRefJson>,
    /// The right figure, or null.
    pub right: Option<FigureRefJson>,
    /// Why, in words.
    pub reason: String,
    /// The reviewer accepted it (it is not counted).
    #[serde(default)]
    pub accepted: bool,
}

/// One aligned row.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct RowJson {
    /// Left paragraph indices.
    pub left: Vec<usize>,
    /// Right paragraph indices.
    pub right: Vec<usize>,
    /// Figure mismatches between the two sides.
    pub mismatches: Vec<MismatchJson>,
    /// Links to coverage paragraphs, best first.
    pub links: Vec<LinkJson>,
    /// The review of the row.
    #[serde(default)]
    pub review: ReviewJson,
    /// The row at the other end of this row's moved paragraph (a paragraph unmatched here
    /// whose counterpart the translator moved there).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moved_row: Option<usize>,
    /// The id of the row's unit when it is a unit of a bilingual file with no translation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub untranslated_unit: Option<String>,
}

/// A row's review in the export.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewJson {
    /// `unreviewed`, `ok`, `needs_fix` or `question`.
    pub status: String,
    /// The note ("" when none).
    pub note: String,
    /// Accepted findings with their reasons.
    pub accepted: Vec<crate::review::Accepted>,
}

/// A figure of a row: side, paragraph and position.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowFigureJson {
    /// `left` or `right`.
    pub side: String,
    /// Paragraph index.
    pub paragraph: usize,
    /// Index in the paragraph's figures.
    pub figure: usize,
}

/// Figures that agree across sources.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgreementJson {
    /// The row's figure.
    pub row_figure: RowFigureJson,
    /// The coverage paragraph's figure.
    pub coverage_figure: FigureRefJson,
    /// "5.83 × 10⁹ USD in both".
    pub reading: String,
}

/// Figures that conflict across sources.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConflictJson {
    /// The row's figure.
    pub row_figure: RowFigureJson,
    /// The coverage paragraph's figure.
    pub coverage_figure: FigureRefJson,
    /// Why, in words.
    pub reason: String,
}

/// A link from a row to a coverage paragraph.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LinkJson {
    /// The coverage document's id.
    pub document: String,
    /// Paragraph index in that document.
    pub paragraph: usize,
    /// How sure, 0..1 (three decimals).
    pub score: f64,
    /// Readable evidence items.
    pub evidence: Vec<String>,
    /// Figures that agree.
    pub figures_agree: Vec<AgreementJson>,
    /// Figures that conflict.
    pub figures_conflict: Vec<ConflictJson>,
    /// Found through the section a heading heads.
    #[serde(default)]
    pub via_section: bool,
    /// Where the shared names and words are in the coverage paragraph: `[start, end]` bytes.
    #[serde(default)]
    pub marks: Vec<[usize; 2]>,
}

/// Build the export's data model (every row).
pub fn to_json(comparison: &Comparison) -> ComparisonJson {
    let options = super::Options {
        include_boilerplate: true,
        only_findings: false,
    };
    to_json_with(comparison, options)
}

/// Build the export's data model with options (rows left out by the options are left out).
pub fn to_json_with(comparison: &Comparison, options: super::Options) -> ComparisonJson {
    let exported = super::exported_rows(comparison, options);
    let documents = comparison
        .set
        .documents
        .iter()
        .map(|doc| DocumentJson {
            id: doc.id.clone(),
            role: doc.role.as_str().to_owned(),
            lang: doc.lang.clone(),
            label: doc.label.clone(),
            path: doc.path.display().to_string(),
            encoding: doc.encoding.to_owned(),
            paragraphs: doc
                .paragraphs
                .iter()
                .map(|p| ParagraphJson {
                    index: p.index,
                    kind: p.kind.as_str().to_owned(),
                    text: p.text.clone(),
                    figures: p
                        .figures
                        .iter()
                        .map(|f| FigureJson {
                            text: f.text.clone(),
                            start: f.byte_range.start,
                            end: f.byte_range.end,
                            value: f.value,
                            upper: f.upper,
                            unit: f.unit.clone(),
                            kind: f.kind.as_str().to_owned(),
                            approx: f.approx,
                            reading: f.reading(),
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    let rows = comparison
        .rows
        .iter()
        .zip(&comparison.mismatches)
        .zip(&comparison.links)
        .zip(&comparison.reviews)
        .enumerate()
        .filter(|(idx, _)| exported.binary_search(idx).is_ok())
        .map(|(row_idx, (((row, mismatches), links), review))| RowJson {
            left: row.left.clone(),
            right: row.right.clone(),
            mismatches: mismatches
                .iter()
                .map(|m| MismatchJson {
                    accepted: comparison.is_accepted(row_idx, &Finding::Mismatch(m)),
                    left: m.left.map(|f| FigureRefJson {
                        paragraph: f.paragraph,
                        figure: f.figure,
                    }),
                    right: m.right.map(|f| FigureRefJson {
                        paragraph: f.paragraph,
                        figure: f.figure,
                    }),
                    reason: m.reason.clone(),
                })
                .collect(),
            links: links
                .iter()
                .map(|link| link_json(comparison, link))
                .collect(),
            review: ReviewJson {
                status: review.status.as_str().to_owned(),
                note: review.note.clone(),
                accepted: review.accepted.clone(),
            },
            moved_row: comparison.moved_partner(row_idx),
            untranslated_unit: comparison.untranslated_unit(row_idx).map(str::to_owned),
        })
        .collect();
    let stats = comparison.stats();
    ComparisonJson {
        schema: SCHEMA.to_owned(),
        title: comparison.set.title.clone(),
        documents,
        rows,
        summary: SummaryJson {
            rows: stats.rows,
            figures: stats.figures,
            mismatches: stats.mismatches,
            conflicts: stats.conflicts,
            accepted_mismatches: stats.accepted_mismatches,
            accepted_conflicts: stats.accepted_conflicts,
            links: stats.links,
            unmatched_paragraphs: stats.unmatched_paragraphs,
        },
        warnings: comparison
            .warnings
            .iter()
            .map(ToString::to_string)
            .collect(),
    }
}

fn link_json(comparison: &Comparison, link: &crate::link::Link) -> LinkJson {
    let row_figure = |f: crate::link::RowFigure| RowFigureJson {
        side: f.side.as_str().to_owned(),
        paragraph: f.paragraph,
        figure: f.figure,
    };
    let coverage_figure = |figure: usize| FigureRefJson {
        paragraph: link.paragraph,
        figure,
    };
    LinkJson {
        document: comparison.set.documents[link.document].id.clone(),
        paragraph: link.paragraph,
        score: (f64::from(link.score) * 1000.0).round() / 1000.0,
        evidence: link.evidence.clone(),
        figures_agree: link
            .figures_agree
            .iter()
            .map(|a| AgreementJson {
                row_figure: row_figure(a.row_figure),
                coverage_figure: coverage_figure(a.coverage_figure),
                reading: a.reading.clone(),
            })
            .collect(),
        figures_conflict: link
            .figures_conflict
            .iter()
            .map(|c| ConflictJson {
                row_figure: row_figure(c.row_figure),
                coverage_figure: coverage_figure(c.coverage_figure),
                reason: c.reason.clone(),
            })
            .collect(),
        via_section: link.via_section,
        marks: link.marks.iter().map(|m| [m.start, m.end]).collect(),
    }
}

/// Write the export as pretty-printed JSON.
pub fn write(
    comparison: &Comparison,
    options: super::Options,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &to_json_with(comparison, options))?;
    out.write_all(b"\n")
}
