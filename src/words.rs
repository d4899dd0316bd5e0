//! Counts for people: thousands grouped, nouns in the singular or the plural ("1 mismatch",
//! "12,900 rows"), never "(s)".
//!
//! ```
//! use parallel_reader::words::{counted, group_thousands};
//! assert_eq!(group_thousands(12_900), "12,900");
//! assert_eq!(counted(1, "mismatch", "mismatches"), "1 mismatch");
//! assert_eq!(counted(12_900, "row", "rows"), "12,900 rows");
//! ```

/// A count, thousands grouped with commas: `12900` → `12,900`.
pub fn group_thousands(count: usize) -> String {
    let digits = count.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (idx, digit) in digits.chars().enumerate() {
        if idx > 0 && (digits.len() - idx).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// The first `max_chars` characters of `text`, with "…" when there was more: a text shown in
/// one line or a title.
pub fn elided(text: &str, max_chars: usize) -> String {
    let mut chars = text.chars();
    let mut out: String = chars.by_ref().take(max_chars).collect();
    if chars.next().is_some() {
        out.push('…');
    }
    out
}

/// A count and its noun: `one` for 1, `many` for any other count.
pub fn counted(count: usize, one: &str, many: &str) -> String {
    let noun = if count == 1 { one } else { many };
    format!("{} {noun}", group_thousands(count))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands_and_agrees_in_number() {
        let cases = [
            (0, "0"),
            (999, "999"),
            (1000, "1,000"),
            (12_900, "12,900"),
            (1_234_567, "1,234,567"),
        ];
        for (count, expected) in cases {
            assert_eq!(group_thousands(count), expected);
        }
        assert_eq!(counted(0, "note", "notes"), "0 notes");
        assert_eq!(counted(1, "note", "notes"), "1 note");
        assert_eq!(counted(2, "note", "notes"), "2 notes");
        assert_eq!(elided("Växjö", 5), "Växjö");
        assert_eq!(elided("Växjö kommun", 5), "Växjö…");
    }
}
