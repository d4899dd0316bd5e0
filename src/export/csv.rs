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
                &(row_idx + 1).to_string(),
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

/// A field a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`, or one of
/// those after a tab or a carriage return) gets a leading apostrophe, as OWASP's CSV injection
/// advice says: spreadsheets show the text as it is and run nothing. A plain signed number
/// (`-3.2`, `+8,4%`) is left alone: a spreadsheet reads it as the number it is.
fn neutralise(field: &str) -> std::borrow::Cow<'_, str> {
    let trigger = field
        .trim_start_matches(['\t', '\r'])
        .starts_with(['=', '+', '-', '@']);
    let starts_with_control = field.starts_with(['\t', '\r']);
    if !(trigger || starts_with_control) || is_plain_number(field) {
        return std::borrow::Cow::Borrowed(field);
    }
    std::borrow::Cow::Owned(format!("'{field}"))
}

/// A signed number with decimal and grouping marks and an optional percent sign: `-3.2`,
/// `+8,4 %`, `-1 234`.
fn is_plain_number(field: &str) -> bool {
    let Some(rest) = field.strip_prefix(['-', '+']) else {
        return false;
    };
    let rest = rest.trim_end_matches('%').trim_end();
    rest.starts_with(|c: char| c.is_ascii_digit())
        && rest
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ' ' | '\u{a0}'))
}

fn write_record(out: &mut dyn io::Write, fields: &[&str]) -> io::Result<()> {
    let line: Vec<String> = fields.iter().map(|f| quote(f)).collect();
    out.write_all(line.join(",").as_bytes())?;
    out.write_all(b"\r\n")
}

/// Quote a field when it holds a comma, a quote or a line break (RFC 4180), after
/// [`neutralise`] has made sure no spreadsheet reads it as a formula.
fn quote(field: &str) -> String {
    let field = neutralise(field);
    let field = field.as_ref();
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_numbers_kept() {
        let cases = [
            (
                "=HYPERLINK(\"http://x\",\"y\")",
                "'=HYPERLINK(\"http://x\",\"y\")",
            ),
            ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
            ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
            ("@SUM(1+1)", "'@SUM(1+1)"),
            ("\t=1+1", "'\t=1+1"),
            ("\r=1+1", "'\r=1+1"),
            ("-3.2", "-3.2"),
            ("+8,4%", "+8,4%"),
            (
                "Nvidia sold 32.1 million shares",
                "Nvidia sold 32.1 million shares",
            ),
            ("a = b", "a = b"),
        ];
        for (field, expected) in cases {
            assert_eq!(neutralise(field), expected, "{field:?}");
        }
    }
}
