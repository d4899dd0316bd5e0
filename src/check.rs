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

use crate::comparison::{Comparison, Finding};
use crate::figures::compare::FigureRef;
use crate::set::Document;
use crate::words::counted;

/// Write every open mismatch, one per line, a summary line, then the open coverage
/// conflicts. Findings the reviewer accepted are counted apart and not listed.
pub fn write_report(comparison: &Comparison, out: &mut dyn io::Write) -> io::Result<()> {
    let left = comparison.set.left();
    let right = comparison.set.right();
    for row_idx in 0..comparison.rows.len() {
        if let Some(unit) = comparison.untranslated_unit(row_idx)
            && !comparison.is_accepted(row_idx, &Finding::Untranslated(unit))
        {
            line(
                out,
                &format!(
                    "row {}: unit {unit} is untranslated | {}",
                    row_idx + 1,
                    // An untranslated unit is a row of one left paragraph.
                    crate::words::elided(
                        &crate::export::side_text(left, &comparison.rows[row_idx].left),
                        60
                    )
                ),
            )?;
        }
        for mismatch in comparison.open_mismatches(row_idx) {
            line(
                out,
                &format!(
                    "row {}: {} | {}: {}",
                    row_idx + 1,
                    figure_text(left, mismatch.left),
                    figure_text(right, mismatch.right),
                    mismatch.reason
                ),
            )?;
        }
    }
    if let Some(doubt) = comparison.alignment_doubt() {
        line(out, &format!("warning: {doubt}"))?;
    }
    let stats = comparison.stats();
    let accepted = if stats.accepted_mismatches > 0 {
        format!(
            " ({} more accepted in the review)",
            stats.accepted_mismatches
        )
    } else {
        String::new()
    };
    let untranslated = if stats.untranslated > 0 {
        format!(", {} untranslated", stats.untranslated)
    } else {
        String::new()
    };
    line(
        out,
        &format!(
            "{} ({}) ↔ {} ({}): {} in {}, {}{untranslated}{accepted}.",
            left.label,
            left.lang,
            right.label,
            right.lang,
            counted(stats.figures, "figure", "figures"),
            counted(stats.rows, "row", "rows"),
            counted(stats.mismatches, "mismatch", "mismatches")
        ),
    )?;
    // Coverage conflicts are findings about sources, kept apart from translation mismatches.
    let conflicts = coverage_conflicts(comparison);
    let accepted = if stats.accepted_conflicts > 0 {
        format!(", {} more accepted", stats.accepted_conflicts)
    } else {
        String::new()
    };
    line(
        out,
        &format!(
            "Coverage: {}, {}{accepted} (sources disagree; not translation errors){}",
            counted(stats.links, "link", "links"),
            counted(conflicts.len(), "conflict", "conflicts"),
            if conflicts.is_empty() { "." } else { ":" }
        ),
    )?;
    for conflict in &conflicts {
        line(out, &format!("  {conflict}"))?;
    }
    Ok(())
}

/// One line of the report, with what the texts and file names hold escaped: a control
/// character in a file name is shown, never obeyed by the terminal.
fn line(out: &mut dyn io::Write, text: &str) -> io::Result<()> {
    writeln!(out, "{}", crate::terminal::escape(text))
}

/// One line per open figure conflict between a row and a linked coverage paragraph.
pub fn coverage_conflicts(comparison: &Comparison) -> Vec<String> {
    let mut lines = Vec::new();
    for row_idx in 0..comparison.rows.len() {
        for (link, conflict) in comparison.open_conflicts(row_idx) {
            let doc = &comparison.set.documents[link.document];
            lines.push(format!(
                "row {} ↔ {} ¶{}: {}",
                row_idx + 1,
                doc.label,
                link.paragraph,
                conflict.reason
            ));
        }
    }
    lines
}

fn figure_text(doc: &Document, figure: Option<FigureRef>) -> String {
    match figure {
        Some(f) => format!("¶{} “{}”", f.paragraph, doc.figure(f).text),
        None => "—".to_owned(),
    }
}
