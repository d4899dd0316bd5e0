//! Ordinal notations the figure reader reads apart: Roman numerals (`XXIe siècle`, `World War
//! II`) and fractions in digits (`2/3`).

use super::super::lexer::Tok;
use super::super::tables::Meaning;
use super::super::{Figure, FigureKind};
use super::dates::small_number;
use super::{Reader, With as _};

impl Reader<'_, '_> {
    /// A Roman numeral at the word `idx`, read as an ordinal, and the token after it: with an
    /// ordinal suffix of the language (`XXIe`, `IIe`, `Ier`) or beside a word for a century
    /// (`siglo XXI`, `XXI wieku`). One letter with a suffix is a numeral only for I, V and X:
    /// `Ce`, `De`, `Le` are words.
    pub(super) fn roman(&self, idx: usize) -> Option<(Figure, usize)> {
        let word = self.tokens[idx].text;
        let letters = word.bytes().take_while(|b| b"IVXLCDM".contains(b)).count();
        if letters == 0 {
            return None;
        }
        let (numeral, suffix) = word.split_at(letters);
        let value = roman_value(numeral)?;
        let suffixed = !suffix.is_empty()
            && self.lexicon.table.ordinal_suffixes.contains(&suffix)
            && (letters > 1 || matches!(numeral, "I" | "V" | "X"));
        let century = self
            .matches(idx + 1, |m| m == Meaning::CenturyWord)
            .is_some()
            || self
                .matches_before(idx, |m| m == Meaning::CenturyWord)
                .is_some();
        if !(suffixed || (suffix.is_empty() && century)) {
            return None;
        }
        let figure = self
            .figure(
                idx..idx + 1,
                f64::from(value),
                None,
                None,
                FigureKind::Ordinal,
            )
            .with(|f| {
                f.digits = value.to_string();
                f.may_be_in_words = true;
            });
        Some((figure, idx + 1))
    }

    /// A fraction in digits at `idx`, and the token after it: `2/3`, `3/4` (a numerator under its
    /// denominator, which is at most 12), read as its value. Not a part of a date (`1/3/2025`).
    pub(super) fn fraction(&self, idx: usize) -> Option<(Figure, usize)> {
        let small = |at: usize| {
            self.tokens
                .get(at)
                .filter(|t| t.tok == Tok::Num)
                .and_then(|t| small_number(t.text, 1..=2))
        };
        let numerator = small(idx)?;
        let glued_before = self.glued_to(idx, |tok| {
            matches!(tok, Tok::Word | Tok::Num | Tok::Sym('/'))
        });
        if !self.slash_between(idx + 1) || self.slash_between(idx + 3) || glued_before {
            return None;
        }
        let denominator = small(idx + 2)?;
        if !(2..=12).contains(&denominator) || numerator == 0 || numerator >= denominator {
            return None;
        }
        let figure = self
            .figure(
                idx..idx + 3,
                f64::from(numerator) / f64::from(denominator),
                None,
                None,
                FigureKind::Count,
            )
            .with(|f| {
                f.precision = 1e-3;
                f.digits = format!("{numerator}/{denominator}");
                f.may_be_in_words = true;
            });
        Some((figure, idx + 3))
    }
}

/// The value of a Roman numeral written the usual way (`XXI`, `XIV`, `MCMXC`), from 1 to 3999.
fn roman_value(numeral: &str) -> Option<u32> {
    const DIGITS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut rest = numeral;
    let mut value = 0;
    for (digit, letters) in DIGITS {
        let mut repeats = 0;
        while let Some(after) = rest.strip_prefix(letters) {
            rest = after;
            value += digit;
            repeats += 1;
            // Only I, X, C and M repeat, at most three times; the pairs never.
            if letters.len() == 2 || !matches!(letters, "I" | "X" | "C" | "M") || repeats == 3 {
                break;
            }
        }
    }
    (rest.is_empty() && value > 0).then_some(value)
}
