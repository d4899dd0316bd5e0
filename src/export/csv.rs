//! CSV export: one line per row (row, left text, right text, mismatches, links, status, note,
//! moved paragraph),
//! RFC 4180 quoting, CRLF line ends, UTF-8 with a byte-order mark so spreadsheet programs read
//! å, ä, ö right.

use std::io;

use crate::comparison::Comparison;

/// Write the CSV export.
pub fn write(
    comparison: &Comparison,
    options: super::Options,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    out.write_all("\u{feff}".as_bytes())?;
    write_record(
        out,
        &[
            "row",
            "left",
            "right",
            "mismatches",
            "links",
            "status",
            "note",
            "moved",
        ],
    )?;
    for row_idx in super::exported_rows(comparison, options) {
        let row = &comparison.rows[row_idx];
        let (mismatches, conflicts) = super::finding_lines(comparison, row_idx);
        let findings: Vec<String> = mismatches
            .into_iter()
            .chain(
                conflicts
                    .into_iter()
                    .map(|c| format!("coverage conflict: {c}")),
            )
            .collect();
        let links: Vec<String> = comparison.links[row_idx]
            .iter()
            .map(|l| {
                format!(
                    "{} ¶{} ({:.2})",
                    comparison.set.documents[l.document].label, l.paragraph, l.score
                )
            })
            .collect();
        let review = &comparison.reviews[row_idx];
        write_record(
            out,
            &[
                &row_idx.to_string(),
                &super::side_text(comparison.set.left(), &row.left),
                &super::side_text(comparison.set.right(), &row.right),
                &findings.join("; "),
                &links.join("; "),
                review.status.as_str(),
                &review.note,
                &comparison
                    .moved_note(row_idx)
                    .map(|(_, note)| note)
                    .unwrap_or_default(),
            ],
        )?;
    }
    Ok(())
}

fn write_record(out: &mut dyn io::Write, fields: &[&str]) -> io::Result<()> {
    let line: Vec<String> = fields.iter().map(|f| quote(f)).collect();
    out.write_all(line.join(",").as_bytes())?;
    out.write_all(b"\r\n")
}

/// Quote a field when it holds a comma, a quote or a line break (RFC 4180).
fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}
