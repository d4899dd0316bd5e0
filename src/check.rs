//! The `check` report: one line per figure mismatch, then a summary. Made for scripts and QA
//! gates as much as for people.
//!
//! ```
//! use parallel_reader::{check, comparison::Comparison, set};
//! let comparison = Comparison::build(set::bundled());
//! let mut out = Vec::new();
//! check::write_report(&comparison, &mut out).unwrap();
//! assert!(String::from_utf8(out).unwrap().contains("0 mismatches.\n"));
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
    )?;
    // Coverage conflicts are findings about sources, kept apart from translation mismatches.
    let conflicts = coverage_conflicts(comparison);
    writeln!(
        out,
        "Coverage: {} links, {} conflicts (sources disagree; not translation errors){}",
        comparison.links.iter().map(Vec::len).sum::<usize>(),
        conflicts.len(),
        if conflicts.is_empty() { "." } else { ":" }
    )?;
    for line in &conflicts {
        writeln!(out, "  {line}")?;
    }
    Ok(())
}

/// One line per figure conflict between a row and a linked coverage paragraph.
pub fn coverage_conflicts(comparison: &Comparison) -> Vec<String> {
    let mut lines = Vec::new();
    for (row_idx, links) in comparison.links.iter().enumerate() {
        for link in links {
            let doc = &comparison.set.documents[link.document];
            for conflict in &link.figures_conflict {
                lines.push(format!(
                    "row {row_idx} ↔ {} ¶{}: {}",
                    doc.label, link.paragraph, conflict.reason
                ));
            }
        }
    }
    lines
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
