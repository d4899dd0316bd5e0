//! Exports of a comparison: HTML, Markdown, JSON, TMX and CSV. Each format is a module writing
//! to any `io::Write` (as ripgrep's printers); [`crate::atomic`] puts the bytes in a file so
//! that a crash never leaves half a file behind.

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod tmx;

use std::io;

use crate::comparison::{Comparison, FindingFilter, RowFilter};

/// The export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One self-contained HTML page.
    Html,
    /// Markdown for a wiki or a pull request.
    Markdown,
    /// `parallel-reader/comparison/1` JSON.
    Json,
    /// TMX 1.4b translation memory.
    Tmx,
    /// CSV, one line per row.
    Csv,
}

impl Format {
    /// All formats.
    pub const ALL: [Self; 5] = [Self::Html, Self::Markdown, Self::Json, Self::Tmx, Self::Csv];

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Html => "html",
            Self::Markdown => "md",
            Self::Json => "json",
            Self::Tmx => "tmx",
            Self::Csv => "csv",
        }
    }

    /// The name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Self::Html => "HTML",
            Self::Markdown => "Markdown",
            Self::Json => "JSON",
            Self::Tmx => "TMX",
            Self::Csv => "CSV",
        }
    }
}

/// What to include.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Include rows of only boilerplate.
    pub include_boilerplate: bool,
    /// Only rows with findings (open mismatches or conflicts) or a review.
    pub only_findings: bool,
}

impl Options {
    /// The defaults of a format: TMX leaves boilerplate out, the others keep everything.
    pub fn for_format(format: Format) -> Self {
        Self {
            include_boilerplate: format != Format::Tmx,
            only_findings: false,
        }
    }
}

/// Write `comparison` in `format` to `out`.
pub fn write(
    comparison: &Comparison,
    format: Format,
    options: Options,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    match format {
        Format::Html => html::write(comparison, options, out),
        Format::Markdown => markdown::write(comparison, options, out),
        Format::Json => json::write(comparison, options, out),
        Format::Tmx => tmx::write(comparison, options, out),
        Format::Csv => csv::write(comparison, options, out),
    }
}

impl Options {
    /// The rows these options export.
    pub fn row_filter(self) -> RowFilter {
        RowFilter {
            include_boilerplate: self.include_boilerplate,
            findings: if self.only_findings {
                FindingFilter::OpenFindingsOrReviewed
            } else {
                FindingFilter::Any
            },
            ..RowFilter::ALL
        }
    }
}

/// The rows an export includes, ascending.
pub fn exported_rows(comparison: &Comparison, options: Options) -> Vec<usize> {
    comparison.rows_matching(&options.row_filter())
}

/// The text of a row's side: its paragraphs joined by blank lines.
pub fn side_text(doc: &crate::set::Document, indices: &[usize]) -> String {
    indices
        .iter()
        .map(|&i| doc.paragraphs[i].text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The open findings of a row in words: mismatches, then coverage conflicts.
pub fn finding_lines(comparison: &Comparison, row: usize) -> (Vec<String>, Vec<String>) {
    let (conflicts, mismatches): (Vec<_>, Vec<_>) = comparison
        .open_findings(row)
        .partition(crate::comparison::Finding::is_conflict);
    let describe = |findings: Vec<crate::comparison::Finding<'_>>| -> Vec<String> {
        findings
            .iter()
            .map(|finding| finding.describe(&comparison.set))
            .collect()
    };
    (describe(mismatches), describe(conflicts))
}

/// Escape text for XML content and attributes (HTML and TMX).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 does not allow: C0 controls but white space, and the
            // noncharacters U+FFFE and U+FFFF.
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\t' | '\r') => {}
            '\u{fffe}' | '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}
