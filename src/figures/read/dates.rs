//! Dates and times of day as the figure reader reads them: "11 november 2025", "12.11.2025",
//! "kl. 14.30", "16 Uhr", "2:30 pm", ISO dates, month names in their inflected forms.

use super::super::lexer::{Tok, Token};
use super::super::tables::{self, Meaning};
use super::super::{Figure, FigureKind};
use super::{FigureEnd, Reader, With as _};

impl Reader<'_, '_> {
    /// A date around the number token `idx`: (YYYYMMDD, first token, end token).
    pub(super) fn date(&self, idx: usize, first: &FigureEnd) -> Option<(f64, usize, usize)> {
        let literal = self.tokens[idx].text;
        if self.tokens[idx].tok != Tok::Num
            || !literal.chars().all(|c| c.is_ascii_digit())
            || first.scale.is_some()
        {
            return None;
        }
        let value = first.value as u32;
        if let Some(date) = self.iso_date(idx, value) {
            return Some(date);
        }
        if (1..=31).contains(&value) && literal.len() <= 2 && first.unit.is_none() {
            // Day first: "11 november 2025", "11. November 2025", "11 de noviembre de 2025".
            let mut month_at = idx + 1;
            if first.ordinal {
                month_at = first.end_tok;
            }
            if self.sym(month_at) == Some('.') && self.glued(month_at) {
                month_at += 1;
            }
            if let Some((_, joined)) = self.matches(month_at, |m| m == Meaning::DateJoiner) {
                month_at = joined;
            }
            if let Some((month, after)) = self.month_at(month_at) {
                let mut end = after;
                let mut year_at = end;
                if let Some((_, joined)) = self.matches(year_at, |m| m == Meaning::DateJoiner) {
                    year_at = joined;
                }
                let year = self.year_at(year_at);
                if year.is_some() {
                    end = year_at + 1;
                }
                let date = year.unwrap_or(0) * 10_000 + month * 100 + value;
                return Some((f64::from(date), idx, end));
            }
        }
        if idx == 0 {
            return None;
        }
        // A month inside a compound before a year: "decemberkvartalet 2020".
        if first.looks_like_year()
            && let Some(month) = self.word(idx - 1).and_then(|w| self.compound_month(w))
        {
            return Some((f64::from(value * 10_000 + month * 100), idx - 1, idx + 1));
        }
        // Month first: "oktober 2025"; in English also "November 11, 2025", "June 21".
        let (month, month_start) = self.month_before(idx)?;
        if first.looks_like_year() {
            return Some((
                f64::from(value * 10_000 + month * 100),
                month_start,
                idx + 1,
            ));
        }
        if (1..=31).contains(&value)
            && literal.len() <= 2
            && first.unit.is_none()
            && self.lexicon.table.day_after_month
        {
            let mut end = if first.ordinal {
                first.end_tok
            } else {
                idx + 1
            };
            let mut year = None;
            if self.sym(end) == Some(',')
                && let Some(y) = self.year_at(end + 1)
            {
                year = Some(y);
                end += 2;
            }
            let date = year.unwrap_or(0) * 10_000 + month * 100 + value;
            return Some((f64::from(date), month_start, end));
        }
        None
    }

    /// A time of day at the number token `idx`, and the token after it. `14:30` is one in every
    /// language; `14.30`, a bare hour and `14 h 30` are one with the words of the language that
    /// make them so: a strong word before or after (`kl. 16`, `16 Uhr`), two weak ones (`om 16
    /// uur`, `à 14 h`, `verso le 13`), or one weak word and the minutes (`om 14.30`, `14.30 uur`,
    /// `14h30`). A weak word and a bare number is a count: `stieg um 12`, `alle 20 squadre`.
    /// `2:30 pm` is 14:30. Never a number that a currency, scale, unit or percent goes with.
    pub(super) fn time_of_day(&self, idx: usize) -> Option<(Figure, usize)> {
        let token = &self.tokens[idx];
        let two_digits = |t: &Token<'_>| t.tok == Tok::Num && small_number(t.text, 2..=2).is_some();
        let (hour_text, mut minutes_text) = match token.text.split_once('.') {
            Some((hour, minutes)) => (hour, Some(minutes)),
            None => (token.text, None),
        };
        let mut hour = small_number(hour_text, 1..=2)?;
        if hour > 23
            || minutes_text.is_some_and(|m| small_number(m, 2..=2).is_none())
            || self.glued_to(idx, |tok| !matches!(tok, Tok::Sym(_)))
        {
            return None;
        }
        let mut end = idx + 1;
        let mut colon = false;
        if minutes_text.is_none()
            && self.sym(end) == Some(':')
            && self.glued(end)
            && self.glued(end + 1)
            && let Some(next) = self.tokens.get(end + 1).filter(|t| two_digits(t))
        {
            minutes_text = Some(next.text);
            colon = true;
            end += 2;
        }
        if minutes_text.is_some_and(|m| m > "59") {
            return None;
        }
        let (mut strong, mut weak) = self.time_words_before(idx);
        let mut pm = None;
        match self.matches(end, |m| {
            matches!(m, Meaning::TimeSuffix(_) | Meaning::Meridiem(_))
        }) {
            Some((Meaning::TimeSuffix(is_strong), after)) => {
                strong |= is_strong;
                weak += usize::from(!is_strong);
                end = after;
                // "14 h 30", "14h30".
                if minutes_text.is_none()
                    && let Some(next) = self.tokens.get(end).filter(|t| two_digits(t))
                {
                    minutes_text = Some(next.text);
                    end += 1;
                }
            }
            Some((Meaning::Meridiem(afternoon), after)) => {
                pm = Some(afternoon);
                strong = true;
                end = after;
            }
            _ => {}
        }
        let is_time = colon || strong || weak >= 2 || (weak == 1 && minutes_text.is_some());
        if !is_time || self.taken(idx, end) {
            return None;
        }
        let minutes: u32 = minutes_text.map_or(Some(0), |m| m.parse().ok())?;
        if let Some(afternoon) = pm {
            if !(1..=12).contains(&hour) {
                return None;
            }
            hour = hour % 12 + if afternoon { 12 } else { 0 };
        }
        if minutes > 59 {
            return None;
        }
        let figure = self
            .figure(
                idx..end,
                f64::from(hour * 100 + minutes),
                None,
                None,
                FigureKind::Time,
            )
            .with(|f| f.digits = format!("{hour}{minutes:02}"));
        Some((figure, end))
    }

    /// The time words right before the number at `idx` (at most two: `alle ore 14`): whether
    /// one is strong, and how many are weak.
    pub(super) fn time_words_before(&self, idx: usize) -> (bool, usize) {
        let (mut strong, mut weak) = (false, 0);
        let mut before = idx;
        for _ in 0..2 {
            let Some((Meaning::TimeWord(is_strong), start)) =
                self.matches_before(before, |m| matches!(m, Meaning::TimeWord(_)))
            else {
                break;
            };
            strong |= is_strong;
            weak += usize::from(!is_strong);
            before = start;
        }
        (strong, weak)
    }

    /// A date in digits at `idx`, and the token after it: `12.11.2025` (day first) and
    /// `12/11/2025`, day first but in English, which writes the month first unless the first
    /// number is over 12 (`11/12/2025` is 12 November; `25/12/2025` is Christmas). Where the
    /// order is a guess, the date may also be read the other way round
    /// ([`Figure::day_month_swappable`]).
    pub(super) fn numeric_date(&self, idx: usize) -> Option<(Figure, usize)> {
        if self.glued_to(idx, |tok| {
            matches!(tok, Tok::Word | Tok::Num | Tok::Sym('/' | '.'))
        }) {
            return None;
        }
        let token = &self.tokens[idx];
        let (first, second, year, end, slashed) = if token.text.contains('.') {
            let mut parts = token.text.split('.');
            let (a, b, y) = (parts.next()?, parts.next()?, parts.next()?);
            if parts.next().is_some() {
                return None;
            }
            (
                small_number(a, 1..=2)?,
                small_number(b, 1..=2)?,
                small_number(y, 4..=4)?,
                idx + 1,
                false,
            )
        } else {
            let slash = |at: usize| self.slash_between(at);
            if !(slash(idx + 1) && slash(idx + 3)) || slash(idx + 5) {
                return None;
            }
            let text = |at: usize| {
                self.tokens
                    .get(at)
                    .filter(|t| t.tok == Tok::Num)
                    .map(|t| t.text)
            };
            (
                small_number(token.text, 1..=2)?,
                small_number(text(idx + 2)?, 1..=2)?,
                small_number(text(idx + 4)?, 4..=4)?,
                idx + 5,
                true,
            )
        };
        let english = slashed && self.lexicon.table.day_after_month;
        let (day, month) = if english && first <= 12 {
            (second, first)
        } else {
            (first, second)
        };
        let valid = |day: u32, month: u32| (1..=31).contains(&day) && (1..=12).contains(&month);
        if !valid(day, month) || !(1000..2200).contains(&year) {
            return None;
        }
        let figure = self
            .figure(
                idx..end,
                f64::from(year * 10_000 + month * 100 + day),
                None,
                None,
                FigureKind::Date,
            )
            .with(|f| {
                f.digits = format!("{year}{month:02}{day:02}");
                f.day_month_swappable = english && day <= 12 && month <= 12 && day != month;
            });
        Some((figure, end))
    }

    /// ISO 8601: "2025-12-22".
    pub(super) fn iso_date(&self, idx: usize, year: u32) -> Option<(f64, usize, usize)> {
        if self.tokens[idx].text.len() != 4 || !(1..=4).all(|k| self.glued(idx + k)) {
            return None;
        }
        let (month, day) = (self.tokens.get(idx + 2)?, self.tokens.get(idx + 4)?);
        if self.sym(idx + 1) != Some('-')
            || self.sym(idx + 3) != Some('-')
            || month.tok != Tok::Num
            || day.tok != Tok::Num
            || month.text.len() != 2
            || day.text.len() != 2
        {
            return None;
        }
        let month: u32 = month.text.parse().ok()?;
        let day: u32 = day.text.parse().ok()?;
        ((1..=12).contains(&month) && (1..=31).contains(&day))
            .then(|| (f64::from(year * 10_000 + month * 100 + day), idx, idx + 5))
    }

    pub(super) fn year_at(&self, idx: usize) -> Option<u32> {
        let token = self.tokens.get(idx)?;
        if token.tok != Tok::Num
            || token.text.len() != 4
            || !token.text.chars().all(|c| c.is_ascii_digit())
        {
            return None;
        }
        let year: u32 = token.text.parse().ok()?;
        (1000..=2100).contains(&year).then_some(year)
    }

    /// A month name at `idx`: (month, token after it).
    pub(super) fn month_at(&self, idx: usize) -> Option<(u32, usize)> {
        let capital = self
            .tokens
            .get(idx)?
            .text
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        match self.matches(idx, |m| {
            matches!(m, Meaning::Month(_) | Meaning::CapitalisedMonth(_))
        })? {
            (Meaning::Month(month), after) => Some((month, after)),
            (Meaning::CapitalisedMonth(month), after) if capital => Some((month, after)),
            _ => None,
        }
    }

    /// A month name ending right before `idx`, or before a joiner that does ("marzo de 2026"):
    /// (month, its first token).
    pub(super) fn month_before(&self, idx: usize) -> Option<(u32, usize)> {
        let end = match self.matches_before(idx, |m| m == Meaning::DateJoiner) {
            Some((_, joiner)) => joiner,
            None => idx,
        };
        (1..=2)
            .filter_map(|len| end.checked_sub(len))
            .find_map(|start| match self.month_at(start) {
                Some((month, after)) if after == end => Some((month, start)),
                _ => None,
            })
    }

    /// A compound that starts with a full month name: "decemberkvartalet" → 12.
    pub(super) fn compound_month(&self, word: &str) -> Option<u32> {
        if self.lexicon.table.code == "en" {
            return None;
        }
        let lower = tables::lower(word);
        self.lexicon
            .table
            .months
            .iter()
            .filter(|(name, _)| name.chars().count() >= 4 && !name.ends_with('.'))
            .find_map(|(name, month)| {
                let name = tables::lower(name);
                let rest = lower.strip_prefix(name.as_ref())?;
                (rest.chars().count() >= 3 && rest.chars().all(char::is_alphabetic))
                    .then_some(*month)
            })
    }
}

/// A number of only digits, `len` of them (`09`, `2025`).
pub(super) fn small_number(text: &str, len: std::ops::RangeInclusive<usize>) -> Option<u32> {
    (len.contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}
