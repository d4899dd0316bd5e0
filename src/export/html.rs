//! HTML export: one self-contained page (inline CSS, no scripts, no network). A summary of
//! mismatches and coverage conflicts with links to the rows, both renderings side by side row
//! by row with figures highlighted (readings and reasons on hover), statuses and notes, and
//! the linked coverage paragraphs at the end, each an anchor. Reads well on screen and printed.
//! The page is well-formed XML as well as HTML, so tools (and the tests) can parse it back.

use std::collections::BTreeMap;
use std::io;

use crate::classify::ParagraphKind;
use crate::comparison::{Comparison, Mark};
use crate::side::Side;

use super::escape;

const STYLE: &str = r#"
:root { color-scheme: light dark; --fig: #e8f0fb; --fig-line: #3c78c8; --bad: #ffd0d0; --bad-text: #8c0000;
        --conflict: #ffe4aa; --agree: #d6f0dc; --muted: #777; --line: #ddd; --unmatched: #fdf0da; }
@media (prefers-color-scheme: dark) {
  :root { --fig: #1e2a3a; --fig-line: #64a0e6; --bad: #962028; --bad-text: #fff0f0;
          --conflict: #64460a; --agree: #1c462d; --muted: #999; --line: #444; --unmatched: #3e2e1a; } }
body { font: 15px/1.5 system-ui, sans-serif; margin: 2em auto; max-width: 1400px; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
.meta, .pn, .score, .muted { color: var(--muted); }
.warnings { background: var(--unmatched); padding: .4em 1.6em; border-radius: 4px; }
.pn { font: 0.75em monospace; margin-right: 0.3em; }
table.rows { border-collapse: collapse; width: 100%; table-layout: fixed; }
table.rows th, table.rows td { border-top: 1px solid var(--line); padding: 0.5em; vertical-align: top; text-align: left; }
table.rows col.num { width: 3.5em; } table.rows col.side { width: 22%; }
tr.unmatched td.cell { background: var(--unmatched); }
tr.finding td.num { border-left: 4px solid #d22; }
p { margin: 0 0 0.6em; }
p.heading { font-weight: 600; font-size: 1.08em; }
p.boilerplate { color: var(--muted); font-style: italic; font-size: 0.92em; }
mark.fig { background: var(--fig); color: inherit; border-bottom: 1px solid var(--fig-line); }
mark.mismatch { background: var(--bad); color: var(--bad-text); border-bottom: 2px solid #d22; font-weight: 600; }
mark.conflict { background: var(--conflict); color: inherit; }
mark.agree { background: var(--agree); color: inherit; }
.status { display: inline-block; padding: 0 0.5em; border-radius: 0.7em; font-size: 0.85em; border: 1px solid var(--line); }
.status-ok { background: #d6f0dc; color: #164; } .status-needs_fix { background: #ffd0d0; color: #800; }
.status-question { background: #ffe4aa; color: #640; }
.note { white-space: pre-wrap; margin: 0.3em 0; }
ul.findings { margin: 0.3em 0; padding-left: 1.2em; } li.mismatch { color: #c22; } li.conflict { color: #a60; }
li.accepted { color: var(--muted); text-decoration: line-through; }
.links a { display: block; font-size: 0.9em; }
section.coverage article { margin-bottom: 1.5em; } section.coverage p { max-width: 60em; }
@media print { body { margin: 0; max-width: none; font-size: 11px; } a { color: inherit; text-decoration: none; }
  tr { break-inside: avoid; } mark.mismatch { outline: 1px solid #d22; } }
"#;

/// Write the HTML export.
pub fn write(
    comparison: &Comparison,
    options: super::Options,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let rows = super::exported_rows(comparison, options);
    write_head(comparison, out)?;
    write_summary(comparison, &rows, out)?;
    let linked = write_rows(comparison, &rows, out)?;
    write_coverage(comparison, &linked, out)?;
    writeln!(out, "</body>")?;
    writeln!(out, "</html>")
}

/// The page's head, title and the line of counts.
fn write_head(comparison: &Comparison, out: &mut dyn io::Write) -> io::Result<()> {
    let left = comparison.set.left();
    let right = comparison.set.right();
    let stats = comparison.stats();
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(out, r#"<html lang="en">"#)?;
    writeln!(
        out,
        r#"<head><meta charset="utf-8"/><meta name="generator" content="Parallel Reader"/><meta name="viewport" content="width=device-width, initial-scale=1"/><title>{}</title><style>{STYLE}</style></head>"#,
        escape(&comparison.set.title)
    )?;
    writeln!(out, "<body>")?;
    writeln!(out, "<h1>{}</h1>", escape(&comparison.set.title))?;
    writeln!(
        out,
        r#"<p class="meta">Left: <strong>{}</strong> ({}) · Right: <strong>{}</strong> ({}) · {} rows · {} figures · {} mismatches · {} coverage conflicts · {} accepted · exported by Parallel Reader</p>"#,
        escape(&left.label),
        escape(&left.lang),
        escape(&right.label),
        escape(&right.lang),
        stats.rows,
        stats.figures,
        stats.mismatches,
        stats.conflicts,
        stats.accepted
    )?;
    // What loading had to say: files left out, cut or repaired, a declared language the
    // text contradicts.
    if !comparison.warnings.is_empty() {
        writeln!(out, r#"<ul class="warnings">"#)?;
        for warning in &comparison.warnings {
            writeln!(out, "<li>Warning: {}</li>", escape(&warning.to_string()))?;
        }
        writeln!(out, "</ul>")?;
    }
    Ok(())
}

/// The open findings of the exported rows, each linking to its row, and the review counts.
fn write_summary(
    comparison: &Comparison,
    rows: &[usize],
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let stats = comparison.stats();
    writeln!(out, r#"<section class="summary"><h2>Findings</h2>"#)?;
    let mut items = Vec::new();
    for &row_idx in rows {
        let (mismatches, conflicts) = super::finding_lines(comparison, row_idx);
        for mismatch in mismatches {
            items.push(format!(
                r##"<li class="mismatch"><a href="#row-{row_idx}">Row {}</a>: {}</li>"##,
                row_idx + 1,
                escape(&mismatch)
            ));
        }
        for conflict in conflicts {
            items.push(format!(
                r##"<li class="conflict"><a href="#row-{row_idx}">Row {}</a>: coverage conflict: {}</li>"##,
                row_idx + 1,
                escape(&conflict)
            ));
        }
    }
    if items.is_empty() {
        writeln!(
            out,
            "<p>No open findings: the two renderings agree on every figure and no coverage reports one differently.</p>"
        )?;
    } else {
        writeln!(out, r#"<ul class="findings">{}</ul>"#, items.join(""))?;
    }
    writeln!(
        out,
        r#"<p class="muted">Review: {} unreviewed · {} OK · {} need a fix · {} questions · {} notes</p></section>"#,
        stats.statuses[0], stats.statuses[1], stats.statuses[2], stats.statuses[3], stats.notes
    )
}

/// The coverage paragraphs linked from the exported rows, with the rows linking to each.
type Linked = BTreeMap<(usize, usize), Vec<usize>>;

/// The table of rows; returns the coverage paragraphs they link to.
fn write_rows(
    comparison: &Comparison,
    rows: &[usize],
    out: &mut dyn io::Write,
) -> io::Result<Linked> {
    let left = comparison.set.left();
    let right = comparison.set.right();
    writeln!(out, r#"<table class="rows">"#)?;
    writeln!(
        out,
        r#"<colgroup><col class="num"/><col/><col/><col class="side"/></colgroup>"#
    )?;
    writeln!(
        out,
        "<thead><tr><th>Row</th><th>{} ({})</th><th>{} ({})</th><th>Review, findings, coverage</th></tr></thead><tbody>",
        escape(&left.label),
        escape(&left.lang),
        escape(&right.label),
        escape(&right.lang)
    )?;
    let mut linked = Linked::new();
    for &row_idx in rows {
        let row = &comparison.rows[row_idx];
        let mut classes = vec!["row"];
        if row.is_unmatched() {
            classes.push("unmatched");
        }
        if comparison.has_open_findings(row_idx) {
            classes.push("finding");
        }
        writeln!(
            out,
            r#"<tr id="row-{row_idx}" class="{}"><td class="num">{}</td>"#,
            classes.join(" "),
            row_idx + 1
        )?;
        for side in Side::BOTH {
            let doc = comparison.set.side(side);
            let indices = row.side(side);
            write!(out, r#"<td class="cell" lang="{}">"#, escape(&doc.lang))?;
            if indices.is_empty() {
                match comparison.moved_note(row_idx) {
                    Some((partner, note)) => write!(
                        out,
                        r##"<p class="muted moved"><a href="#row-{partner}">{}</a></p>"##,
                        escape(&note)
                    )?,
                    None => write!(out, r#"<p class="muted">no counterpart</p>"#)?,
                }
            }
            for &para in indices {
                write!(out, "{}", paragraph_html(comparison, row_idx, side, para))?;
            }
            writeln!(out, "</td>")?;
        }
        write_review_cell(comparison, row_idx, out)?;
        for link in &comparison.links[row_idx] {
            linked
                .entry((link.document, link.paragraph))
                .or_default()
                .push(row_idx);
        }
    }
    writeln!(out, "</tbody></table>")?;
    Ok(linked)
}

/// A row's review, findings and coverage links.
fn write_review_cell(
    comparison: &Comparison,
    row_idx: usize,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    write!(out, r#"<td class="review">"#)?;
    let review = &comparison.reviews[row_idx];
    write!(
        out,
        r#"<span class="status status-{}">{}</span>"#,
        review.status.as_str(),
        review.status.label()
    )?;
    if !review.note.trim().is_empty() {
        write!(out, r#"<div class="note">{}</div>"#, escape(&review.note))?;
    }
    let (mismatches, conflicts) = super::finding_lines(comparison, row_idx);
    if !mismatches.is_empty() || !conflicts.is_empty() || !review.accepted.is_empty() {
        write!(out, r#"<ul class="findings">"#)?;
        for mismatch in mismatches {
            write!(out, r#"<li class="mismatch">{}</li>"#, escape(&mismatch))?;
        }
        for conflict in conflicts {
            write!(out, r#"<li class="conflict">{}</li>"#, escape(&conflict))?;
        }
        for accepted in &review.accepted {
            write!(
                out,
                r#"<li class="accepted" title="{}">{}</li>"#,
                escape(&accepted.reason),
                escape(&accepted.finding)
            )?;
        }
        write!(out, "</ul>")?;
    }
    if !comparison.links[row_idx].is_empty() {
        write!(out, r#"<div class="links">"#)?;
        for link in &comparison.links[row_idx] {
            let doc = &comparison.set.documents[link.document];
            write!(
                out,
                r##"<a href="#cov-{}-{}" title="{}">{} ¶{} <span class="score">{:.2}</span></a>"##,
                escape(&doc.id),
                link.paragraph,
                escape(&link.evidence.join(" · ")),
                escape(&doc.label),
                link.paragraph,
                link.score
            )?;
        }
        write!(out, "</div>")?;
    }
    writeln!(out, "</td></tr>")
}

/// The linked coverage paragraphs, grouped by document, each with links back to its rows.
fn write_coverage(
    comparison: &Comparison,
    linked: &Linked,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    if linked.is_empty() {
        return Ok(());
    }
    writeln!(out, r#"<section class="coverage"><h2>Coverage</h2>"#)?;
    let mut current_doc = None;
    for ((doc_idx, para), from_rows) in linked {
        let doc = &comparison.set.documents[*doc_idx];
        if current_doc != Some(*doc_idx) {
            if current_doc.is_some() {
                writeln!(out, "</article>")?;
            }
            writeln!(
                out,
                r#"<article id="cov-{}"><h3>{} ({})</h3>"#,
                escape(&doc.id),
                escape(&doc.label),
                escape(&doc.lang)
            )?;
            current_doc = Some(*doc_idx);
        }
        let back: Vec<String> = from_rows
            .iter()
            .map(|r| format!(r##"<a href="#row-{r}">row {}</a>"##, r + 1))
            .collect();
        writeln!(
            out,
            r#"<p id="cov-{}-{para}" lang="{}"><span class="pn">¶{para}</span>{} <span class="muted">← {}</span></p>"#,
            escape(&doc.id),
            escape(&doc.lang),
            escape(&doc.paragraphs[*para].text),
            back.join(", ")
        )?;
    }
    writeln!(out, "</article></section>")
}

/// A paragraph with its figures marked as [`Comparison::figure_marks`] says: readings in
/// `title`, mismatches and coverage conflicts with their reason.
fn paragraph_html(comparison: &Comparison, row_idx: usize, side: Side, para: usize) -> String {
    let paragraph = &comparison.set.side(side).paragraphs[para];
    let class = match paragraph.kind {
        ParagraphKind::Heading => "heading",
        ParagraphKind::Body => "body",
        ParagraphKind::Boilerplate => "boilerplate",
    };
    let mut out = format!(r#"<p class="{class}"><span class="pn">¶{para}</span>"#);
    let marks = comparison.figure_marks(row_idx, side, para);
    for (run, figure_idx) in crate::figures::segments(&paragraph.text, &paragraph.figures) {
        let Some(figure_idx) = figure_idx else {
            out.push_str(&escape(run));
            continue;
        };
        let figure = &paragraph.figures[figure_idx];
        match &marks[figure_idx] {
            Mark::Mismatch(reason) => out.push_str(&format!(
                r#"<mark class="fig mismatch" title="{} — {}">"#,
                escape(&figure.reading()),
                escape(reason)
            )),
            Mark::Conflict(reason) => out.push_str(&format!(
                r#"<mark class="fig conflict" title="{} — coverage conflict, {}">"#,
                escape(&figure.reading()),
                escape(reason)
            )),
            Mark::Figure => out.push_str(&format!(
                r#"<mark class="fig" title="{}">"#,
                escape(&figure.reading())
            )),
        }
        out.push_str(&escape(run));
        out.push_str("</mark>");
    }
    out.push_str("</p>");
    out
}
