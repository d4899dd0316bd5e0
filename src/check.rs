//! The `check` report: one line per figure mismatch, then a summary. Made for scripts and QA
//! gates as much as for people.
//!
//! ```
//! use parallel_reader::{check, comparison::Comparison, set};
//! let comparison = Comparison::build(set::bundled());
//! let mut out = Vec::new();
//! check::write_report(&comparison, &mut out).unwrap();
//! assert!(String::from_utf8(out).unwrap().ends_with("0 mismatches.\n"));
//! ```

use std::io;

use crate::compare::FigureRef;
use crate::comparison::Comparison;
use crate::set::Document;

/// Write every mismatch, one per line, and a summary line.
pub fn write_report(comparison: &Comparison, out: &mut dyn io::Write) -> io::Result<()> {
    let left = comparison.set.left();
    let right = comparison.set.right();
    for (row_idx, mismatches) in comparison.mismatches.iter().enumerate() {
        for mismatch in mismatches {
            writeln!(
                out,
                "row {row_idx}: {} | {}: {}",
                figure_text(left, mismatch.left),
                figure_text(right, mismatch.right),
                mismatch.reason
            )?;
        }
    }
    let stats = comparison.stats();
    writeln!(
        out,
        "{} ({}) ↔ {} ({}): {} figures in {} rows, {} mismatches.",
        left.label, left.lang, right.label, right.lang, stats.figures, stats.rows, stats.mismatches
    )
}

fn figure_text(doc: &Document, figure: Option<FigureRef>) -> String {
    match figure {
        Some(f) => format!(
            "¶{} “{}”",
            f.paragraph, doc.paragraphs[f.paragraph].figures[f.figure].text
        ),
        None => "—".to_owned(),
    }
}
