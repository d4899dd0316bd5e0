//! Figures for people: `5.83 × 10⁹`, `2025-11-11`.

use super::FigureKind;

/// `5.83e9` → `5.83 × 10⁹`; dates as `2025-11-11`, times as `14:30`; small numbers as they are.
pub fn format_value(value: f64, kind: FigureKind) -> String {
    if kind == FigureKind::Date {
        let (year, month, day) = super::date_parts(value);
        return match (year, day) {
            (0, 0) => format!("month {month:02}"),
            (0, _) => format!("--{month:02}-{day:02}"),
            (_, 0) => format!("{year}-{month:02}"),
            _ => format!("{year}-{month:02}-{day:02}"),
        };
    }
    if kind == FigureKind::Time {
        let v = value as u64;
        return format!("{:02}:{:02}", v / 100, v % 100);
    }
    if kind == FigureKind::Year || value.abs() < 1e6 {
        return trim_number(value);
    }
    let exponent = value.abs().log10().floor() as i32;
    let exponent = exponent - exponent.rem_euclid(3);
    let mantissa = value / 10f64.powi(exponent);
    format!("{} × 10{}", trim_number(mantissa), superscript(exponent))
}

fn trim_number(value: f64) -> String {
    let text = format!("{value:.6}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    text.to_owned()
}

fn superscript(n: i32) -> String {
    n.to_string()
        .chars()
        .map(|c| match c {
            '0' => '⁰',
            '1' => '¹',
            '2' => '²',
            '3' => '³',
            '4' => '⁴',
            '5' => '⁵',
            '6' => '⁶',
            '7' => '⁷',
            '8' => '⁸',
            '9' => '⁹',
            '-' => '⁻',
            other => other,
        })
        .collect()
}
