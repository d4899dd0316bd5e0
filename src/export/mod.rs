//! Exports of a comparison: HTML, Markdown, JSON, TMX and CSV. Each format is a module writing
//! to any `io::Write`; [`write_atomic`] puts the bytes in a file so that a crash never leaves
//! half a file behind.

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod tmx;

use std::io::{self, Write as _};
use std::path::Path;

use crate::comparison::Comparison;

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

/// The rows an export includes, ascending.
pub fn exported_rows(comparison: &Comparison, options: Options) -> Vec<usize> {
    (0..comparison.rows.len())
        .filter(|&idx| options.include_boilerplate || !comparison.is_boilerplate_row(idx))
        .filter(|&idx| {
            !options.only_findings
                || comparison.open_mismatches(idx).next().is_some()
                || comparison.open_conflicts(idx).next().is_some()
                || !comparison.reviews[idx].is_empty()
        })
        .collect()
}

/// Write `bytes` to `path` atomically: a temporary file in the same folder, flushed and synced,
/// then renamed over the target.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, |out| out.write_all(bytes))
}

/// Write to `path` atomically through `write`: if `write` fails half-way, the temporary file is
/// removed and `path` keeps its previous content.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut dyn io::Write) -> io::Result<()>,
) -> io::Result<()> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(folder)?;
    {
        let mut buffered = io::BufWriter::new(file.as_file_mut());
        write(&mut buffered)?;
        buffered.flush()?;
    }
    file.as_file().sync_all()?;
    file.persist(path).map_err(|err| err.error)?;
    Ok(())
}

/// The text of a row's side: its paragraphs joined by blank lines.
pub fn side_text(doc: &crate::set::Document, indices: &[usize]) -> String {
    indices
        .iter()
        .map(|&i| doc.paragraphs[i].text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The findings of a row in words: open mismatches, then coverage conflicts.
pub fn finding_lines(comparison: &Comparison, row: usize) -> (Vec<String>, Vec<String>) {
    let mismatches = comparison
        .open_mismatches(row)
        .map(|m| m.reason.clone())
        .collect();
    let conflicts = comparison
        .open_conflicts(row)
        .map(|(link, c)| {
            format!(
                "{} ¶{}: {}",
                comparison.set.documents[link.document].label, link.paragraph, c.reason
            )
        })
        .collect();
    (mismatches, conflicts)
}
