//! Markdown export: the comparison for a wiki or a pull request. A summary of findings with
//! links to the rows, then one section per row with both renderings (mismatched figures in
//! bold), the review and the coverage links.

use std::io;

use crate::comparison::{Comparison, Mark};
use crate::side::Side;
use crate::words::{counted, group_thousands};

/// Write the Markdown export.
pub fn write(
    comparison: &Comparison,
    options: super::Options,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let left = comparison.set.left();
    let right = comparison.set.right();
    let stats = comparison.stats();
    writeln!(out, "# {}\n", inline(&comparison.set.title))?;
    writeln!(
        out,
        "Left: **{}** ({}) · Right: **{}** ({})\n",
        inline(&left.label),
        left.lang,
        inline(&right.label),
        right.lang
    )?;
    // What loading had to say: files left out, cut or repaired, a declared language the
    // text contradicts.
    for warning in &comparison.warnings {
        writeln!(out, "> Warning: {}\n", inline(&warning.to_string()))?;
    }
    writeln!(out, "## Summary\n")?;
    writeln!(
        out,
        "- {}, {}, {}, {}, {} accepted",
        counted(stats.rows, "row", "rows"),
        counted(stats.figures, "figure", "figures"),
        counted(stats.mismatches, "mismatch", "mismatches"),
        counted(stats.conflicts, "coverage conflict", "coverage conflicts"),
        group_thousands(stats.accepted)
    )?;
    writeln!(
        out,
        "- Review: {} unreviewed, {} OK, {}, {}, {}\n",
        group_thousands(stats.statuses[0]),
        group_thousands(stats.statuses[1]),
        counted(stats.statuses[2], "needs a fix", "need a fix"),
        counted(stats.statuses[3], "question", "questions"),
        counted(stats.notes, "note", "notes")
    )?;
    let rows = super::exported_rows(comparison, options);
    let mut any = false;
    for &row_idx in &rows {
        let (mismatches, conflicts) = super::finding_lines(comparison, row_idx);
        for finding in mismatches.iter().chain(&conflicts) {
            writeln!(
                out,
                "- [Row {}](#row-{}): {}",
                row_idx + 1,
                row_idx + 1,
                inline(finding)
            )?;
            any = true;
        }
    }
    if any {
        writeln!(out)?;
    } else {
        writeln!(out, "No open findings.\n")?;
    }
    writeln!(out, "## Rows\n")?;
    for row_idx in rows {
        write_row(comparison, row_idx, out)?;
    }
    Ok(())
}

/// One row: both sides, the review, findings and coverage.
fn write_row(comparison: &Comparison, row_idx: usize, out: &mut dyn io::Write) -> io::Result<()> {
    let row = &comparison.rows[row_idx];
    writeln!(out, "### Row {}\n", row_idx + 1)?;
    for side in Side::BOTH {
        let doc = comparison.set.side(side);
        let indices = row.side(side);
        if indices.is_empty() {
            match comparison.moved_note(row_idx) {
                Some((partner, note)) => {
                    writeln!(
                        out,
                        "*{}: [{note}](#row-{})*\n",
                        inline(&doc.label),
                        partner + 1
                    )?;
                }
                None => writeln!(out, "*{}: no counterpart*\n", inline(&doc.label))?,
            }
            continue;
        }
        writeln!(out, "**{}** ({})\n", inline(&doc.label), doc.lang)?;
        for &para in indices {
            writeln!(
                out,
                "> ¶{para} {}\n",
                paragraph_markdown(comparison, row_idx, side, para)
            )?;
        }
    }
    let review = &comparison.reviews[row_idx];
    if !review.is_empty() {
        writeln!(out, "- Status: {}", review.status.label())?;
        if !review.note.trim().is_empty() {
            writeln!(out, "- Note: {}", inline(&review.note))?;
        }
        for accepted in &review.accepted {
            writeln!(
                out,
                "- Accepted: {} — {}",
                inline(&accepted.finding),
                inline(&accepted.reason)
            )?;
        }
    }
    for finding in comparison.open_findings(row_idx) {
        let label = match finding {
            crate::comparison::Finding::Mismatch(_) => "Mismatch",
            crate::comparison::Finding::Untranslated(_) => "Untranslated",
            crate::comparison::Finding::Conflict(..) => "Coverage conflict",
        };
        let text = finding.describe(&comparison.set);
        writeln!(out, "- {label}: {}", inline(&text))?;
    }
    for link in &comparison.links[row_idx] {
        let doc = &comparison.set.documents[link.document];
        writeln!(
            out,
            "- Coverage: {} ¶{} (score {:.2}): {}",
            inline(&doc.label),
            link.paragraph,
            link.score,
            inline(&link.evidence.join(", "))
        )?;
    }
    writeln!(out)
}

/// A paragraph with its mismatched figures in bold.
fn paragraph_markdown(comparison: &Comparison, row_idx: usize, side: Side, para: usize) -> String {
    let paragraph = &comparison.set.side(side).paragraphs[para];
    let marks = comparison.figure_marks(row_idx, side, para);
    let mut out = String::new();
    for (run, figure_idx) in crate::figures::segments(&paragraph.text, &paragraph.figures) {
        // Markdown has one emphasis to spare: mismatches in bold (the findings list names the
        // coverage conflicts).
        let mismatched =
            figure_idx.is_some_and(|figure_idx| matches!(marks[figure_idx], Mark::Mismatch(_)));
        if mismatched {
            out.push_str("**");
            out.push_str(&inline(run));
            out.push_str("**");
        } else {
            out.push_str(&inline(run));
        }
    }
    out.replace('\n', "\n> ")
}

/// Escape Markdown's special characters in running text.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
