//! TMX 1.4b export: one translation unit per aligned row with both renderings (`srclang` = the
//! left language), the review status, findings and coverage as `<prop>`, the note as `<note>`.
//! Rows with a paragraph on one side only are left out (a unit needs both languages);
//! boilerplate is left out by default. A set read from XLIFF or TMX writes its units back with
//! their ids.

use std::io;

use super::escape;
use crate::comparison::Comparison;

/// Write the TMX export.
pub fn write(
    comparison: &Comparison,
    options: super::Options,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let left = comparison.set.left();
    let right = comparison.set.right();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<!DOCTYPE tmx SYSTEM "tmx14.dtd">"#)?;
    writeln!(out, r#"<tmx version="1.4">"#)?;
    writeln!(
        out,
        r#"  <header creationtool="Parallel Reader" creationtoolversion="{}" segtype="paragraph" o-tmf="parallel-reader" adminlang="en" srclang="{}" datatype="plaintext">"#,
        env!("CARGO_PKG_VERSION"),
        escape(&left.lang)
    )?;
    writeln!(out, "    <note>{}</note>", escape(&comparison.set.title))?;
    writeln!(out, "  </header>")?;
    writeln!(out, "  <body>")?;
    // The units of a bilingual file go back as they came, boilerplate or not.
    let options = match &comparison.set.given {
        Some(_) => super::Options {
            include_boilerplate: true,
            ..options
        },
        None => options,
    };
    for row_idx in super::exported_rows(comparison, options) {
        let row = &comparison.rows[row_idx];
        if row.is_unmatched() {
            continue;
        }
        let review = &comparison.reviews[row_idx];
        // A unit of a bilingual file keeps its id.
        let tuid = row
            .left
            .first()
            .and_then(|&p| left.paragraphs[p].unit.clone())
            .unwrap_or_else(|| row_idx.to_string());
        writeln!(out, r#"    <tu tuid="{}">"#, escape(&tuid))?;
        writeln!(out, r#"      <prop type="x-row">{row_idx}</prop>"#)?;
        writeln!(
            out,
            r#"      <prop type="x-status">{}</prop>"#,
            review.status.as_str()
        )?;
        let (mismatches, conflicts) = super::finding_lines(comparison, row_idx);
        for mismatch in mismatches {
            writeln!(
                out,
                r#"      <prop type="x-mismatch">{}</prop>"#,
                escape(&mismatch)
            )?;
        }
        for conflict in conflicts {
            writeln!(
                out,
                r#"      <prop type="x-coverage-conflict">{}</prop>"#,
                escape(&conflict)
            )?;
        }
        for accepted in &review.accepted {
            writeln!(
                out,
                r#"      <prop type="x-accepted">{}</prop>"#,
                escape(&format!("{} ({})", accepted.finding, accepted.reason))
            )?;
        }
        if !review.note.trim().is_empty() {
            writeln!(out, "      <note>{}</note>", escape(&review.note))?;
        }
        for (doc, indices) in [(left, &row.left), (right, &row.right)] {
            writeln!(
                out,
                r#"      <tuv xml:lang="{}"><seg>{}</seg></tuv>"#,
                escape(&doc.lang),
                escape(&super::side_text(doc, indices))
            )?;
        }
        writeln!(out, "    </tu>")?;
    }
    writeln!(out, "  </body>")?;
    writeln!(out, "</tmx>")
}
