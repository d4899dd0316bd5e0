//! The reader: a tokeniser for the text around numbers, and the reading of each figure — its
//! literal or number words, scale, currency or unit, range, date, approximation — with the
//! words of the text's language from its [`PhraseTable`].

use std::ops::Range;

use super::lexer::{MINUS, SPACES, Tok, Token, tokenize};
use super::tables::{self, Meaning, PhraseTable, Place};
use super::{Figure, FigureKind};

mod dates;
mod ordinals;

/// Parse a literal's value with the language's decimal mark: (value, decimals).
fn parse_literal(literal: &str, decimal: char) -> Option<(f64, u32)> {
    let marks: Vec<(usize, char)> = literal
        .char_indices()
        .filter(|(_, c)| matches!(c, '.' | ','))
        .collect();
    let has_space_grouping = literal.chars().any(|c| SPACES.contains(&c) || c == '\'');
    let group_after = |pos: usize| {
        literal[pos + 1..]
            .chars()
            .take_while(char::is_ascii_digit)
            .count()
    };
    let decimal_at: Option<usize> = match marks.as_slice() {
        [] => None,
        [(pos, mark)] => {
            let three = group_after(*pos) == 3;
            let lead = literal[..*pos].chars().filter(char::is_ascii_digit).count();
            let groups = three && lead <= 3;
            if has_space_grouping || *mark == decimal {
                // "5,83" in Swedish; "100 000,5"; but "100,000" in English groups.
                (*mark == decimal || has_space_grouping || !groups).then_some(*pos)
            } else if decimal == ',' {
                // "100.000" groups; a lone "5.83" is an English-style decimal.
                (!groups).then_some(*pos)
            } else {
                (!groups).then_some(*pos)
            }
        }
        many => {
            let &(last_pos, last_mark) = many.last()?;
            let all_same = many.iter().all(|(_, c)| *c == last_mark);
            // "1.000.000" or "1,000,000": all grouping; "1.234,5": the last one is decimal.
            (!all_same).then_some(last_pos)
        }
    };
    let mut digits: u64 = 0;
    let mut decimals = 0;
    let mut count = 0;
    for (pos, c) in literal.char_indices() {
        if let Some(d) = c.to_digit(10) {
            count += 1;
            if count > 18 {
                return None;
            }
            digits = digits * 10 + u64::from(d);
            if decimal_at.is_some_and(|at| pos > at) {
                decimals += 1;
            }
        }
    }
    Some((digits as f64 / 10f64.powi(decimals as i32), decimals))
}

/// One end of a figure while it is being read.
#[derive(Clone, Debug, Default)]
struct FigureEnd {
    start_tok: usize,
    end_tok: usize,
    value: f64,
    decimals: u32,
    /// The scale words as written, and their product.
    scale: Option<(String, f64)>,
    unit: Option<String>,
    digits: String,
    ordinal: bool,
    /// A plain four-digit literal (a year candidate).
    four_digits: bool,
    in_words: bool,
    /// An article or a half ("en", "halv"): a figure only with a scale or a unit.
    needs_scale: bool,
    /// Read a compound to its end (`500-Milliarden-Dollar`): nothing may follow.
    closed: bool,
}

impl FigureEnd {
    fn factor(&self) -> f64 {
        self.scale.as_ref().map_or(1.0, |(_, f)| *f)
    }

    fn looks_like_year(&self) -> bool {
        self.four_digits
            && self.scale.is_none()
            && self.unit.is_none()
            && !self.ordinal
            && (1000.0..=2100.0).contains(&self.value)
    }

    fn add_scale(&mut self, word: &str, factor: f64) {
        match &mut self.scale {
            Some((words, product)) => {
                words.push(' ');
                words.push_str(word);
                *product *= factor;
            }
            None => self.scale = Some((word.to_owned(), factor)),
        }
    }
}

/// What stands before a number: a sign, a currency, approximation and range words.
#[derive(Clone, Copy, Debug, Default)]
struct Prefix {
    start_tok: usize,
    negative: bool,
    currency: Option<&'static str>,
    approx: bool,
    between: bool,
}

/// The reader of one text in one language.
struct Reader<'t, 'a> {
    text: &'a str,
    tokens: &'t [Token<'a>],
    lexicon: &'static PhraseTable,
}

/// Read every figure of `text`, written in the language `lang_code` (`sv`, `nl`, `de`, `en`,
/// `fr`, `es`, `it`, `da`, `nb`, `pl`; other languages read digits, symbols and ISO codes).
pub fn extract(text: &str, lang_code: &str) -> Vec<Figure> {
    let tokens = tokenize(text);
    let reader = Reader {
        text,
        tokens: &tokens,
        lexicon: tables::lexicon(lang_code),
    };
    let mut figures = Vec::new();
    let mut idx = 0;
    while idx < tokens.len() {
        let found = match tokens[idx].tok {
            Tok::Num
                if let Some((figure, next)) = reader
                    .time_of_day(idx)
                    .or_else(|| reader.numeric_date(idx))
                    .or_else(|| reader.fraction(idx)) =>
            {
                figures.push(figure);
                idx = next;
                continue;
            }
            Tok::Word if let Some((figure, next)) = reader.roman(idx) => {
                figures.push(figure);
                idx = next;
                continue;
            }
            Tok::Num if reader.is_code_digit(idx) => {
                idx = reader.skip_code(idx);
                continue;
            }
            Tok::Num | Tok::Word => reader.figure_at(idx),
            Tok::Sym(_) => None,
        };
        match found {
            Some((figure, next)) => {
                figures.push(figure);
                idx = next.max(idx + 1);
            }
            None => idx += 1,
        }
    }
    figures
}

impl<'a> Reader<'_, 'a> {
    fn word(&self, idx: usize) -> Option<&'a str> {
        self.tokens
            .get(idx)
            .filter(|t| t.tok == Tok::Word)
            .map(|t| t.text)
    }

    fn sym(&self, idx: usize) -> Option<char> {
        match self.tokens.get(idx)?.tok {
            Tok::Sym(c) => Some(c),
            _ => None,
        }
    }

    fn is_num(&self, idx: usize) -> bool {
        self.tokens.get(idx).is_some_and(|t| t.tok == Tok::Num)
    }

    fn glued(&self, idx: usize) -> bool {
        self.tokens.get(idx).is_some_and(|t| !t.space_before)
    }

    fn matches(&self, idx: usize, wanted: impl Fn(Meaning) -> bool) -> Option<(Meaning, usize)> {
        self.lexicon.matches(self.tokens, idx, wanted)
    }

    /// A phrase that fits `wanted` and ends right before `end`: its meaning and first token.
    fn matches_before(
        &self,
        end: usize,
        wanted: impl Fn(Meaning) -> bool,
    ) -> Option<(Meaning, usize)> {
        self.lexicon.matches_ending(self.tokens, end, wanted)
    }

    /// Digits that are part of a name or code: "B2B", "COVID-19", "5G", "A380", phone numbers.
    fn is_code_digit(&self, idx: usize) -> bool {
        let token = &self.tokens[idx];
        if !token.space_before && idx > 0 {
            match self.tokens[idx - 1].tok {
                // "FY2026": a fiscal year.
                Tok::Word if self.tokens[idx - 1].text == "FY" && self.is_year_literal(idx) => {}
                Tok::Word => {
                    // "SEK1,234.50", "US$": a currency glued before the number is no code.
                    let currency = self
                        .matches_before(idx, |m| {
                            matches!(m, Meaning::Currency(_, Place::Before | Place::Both))
                        })
                        .is_some();
                    if !currency {
                        return true;
                    }
                }
                // "COVID-19", "Covid-19", "F-35": a capitalised word joined to the number names
                // something ("über-50-Jährige" counts people), but for a year after a word
                // that only starts a sentence ("Mid-2025").
                Tok::Sym('-') if idx >= 2 && !self.tokens[idx - 1].space_before => {
                    let before = &self.tokens[idx - 2];
                    let all_capitals = before.text.chars().all(char::is_uppercase);
                    let capitalised = before.text.chars().next().is_some_and(char::is_uppercase);
                    let year = self.is_year_literal(idx);
                    if before.tok == Tok::Word && (all_capitals || (capitalised && !year)) {
                        return true;
                    }
                }
                // "+49 89 …" is a telephone number; "+8,4%" a change.
                Tok::Sym('+') => {
                    return self.matches(idx + 1, |m| m == Meaning::Percent).is_none();
                }
                _ => {}
            }
        }
        if self.glued(idx + 1) && self.tokens.get(idx + 1).is_some_and(|t| t.tok == Tok::Word) {
            let known = self.matches(idx + 1, |m| {
                matches!(
                    m,
                    Meaning::OrdinalSuffix
                        | Meaning::Scale(_)
                        | Meaning::GluedScale(_)
                        | Meaning::GluedCurrency(_)
                        | Meaning::Unit(_)
                        | Meaning::Percent
                        | Meaning::Currency(..)
                        | Meaning::ScaledCurrency(..)
                        | Meaning::DecadeSuffix
                )
            });
            if known.is_none() {
                return true;
            }
        }
        false
    }

    /// Four digits that may be a year (1000–2199).
    fn is_year_literal(&self, idx: usize) -> bool {
        let text = self.tokens[idx].text;
        text.len() == 4 && text.parse::<u32>().is_ok_and(|y| (1000..2200).contains(&y))
    }

    /// The token at `idx` is glued to the one before it, and that one is `before`.
    fn glued_to(&self, idx: usize, before: impl Fn(Tok) -> bool) -> bool {
        idx > 0 && self.glued(idx) && before(self.tokens[idx - 1].tok)
    }

    /// A slash at `at` glued to the tokens on both sides of it (`2/3`, `11/12/2025`).
    fn slash_between(&self, at: usize) -> bool {
        self.sym(at) == Some('/') && self.glued(at) && self.glued(at + 1)
    }

    fn skip_code(&self, idx: usize) -> usize {
        let mut next = idx + 1;
        // A phone number: "+49 89 674 804".
        if idx > 0 && self.sym(idx - 1) == Some('+') {
            while next < self.tokens.len()
                && (self.is_num(next) || matches!(self.sym(next), Some('-' | '/')))
            {
                next += 1;
            }
            return next;
        }
        while next < self.tokens.len()
            && self.glued(next)
            && matches!(self.tokens[next].tok, Tok::Num | Tok::Word)
        {
            next += 1;
        }
        next
    }

    /// Read a whole figure whose number (digits or words) starts at `idx`.
    fn figure_at(&self, idx: usize) -> Option<(Figure, usize)> {
        let mut first = self.end_at(idx)?;
        let prefix = self.prefix(idx);
        if first.unit.is_none() {
            first.unit = prefix.currency.map(str::to_owned);
        }
        let mut second = self.range_end(&first, prefix.between);
        if second.is_none() {
            second = self.fiscal_year(&first);
        }
        if let Some(end) = &mut second {
            share_scale_and_unit(&mut first, end, prefix.between);
        }
        if second.is_none()
            && !first.in_words
            && let Some((date, start, end)) = self.date(idx, &first)
        {
            let figure = self
                .figure(start..end, date, None, None, FigureKind::Date)
                .with(|f| {
                    f.approx = prefix.approx;
                    f.digits.clone_from(&first.digits);
                });
            return Some((figure, end));
        }
        let kind = self.kind(&first, second.as_ref());
        let mut end_tok = second.as_ref().map_or(first.end_tok, |e| e.end_tok);
        let mut approx = prefix.approx;
        if kind == FigureKind::Year
            && second.is_none()
            && let Some((_, after)) = self.matches(first.end_tok, |m| m == Meaning::DecadeSuffix)
            && self.glued(first.end_tok)
        {
            // A decade: "1990er", "1990s", "1990-talet".
            end_tok = after;
            approx = true;
        }
        let factor = first.factor();
        let sign = if prefix.negative { -1.0 } else { 1.0 };
        let mut digits = first.digits.clone();
        if let Some(end) = &second {
            digits.push('-');
            digits.push_str(&end.digits);
        }
        let figure = self
            .figure(
                prefix.start_tok.min(first.start_tok)..end_tok,
                sign * first.value * factor,
                second.as_ref().map(|end| end.value * end.factor()),
                first.unit.clone(),
                kind,
            )
            .with(|f| {
                f.approx = approx;
                f.precision = 10f64.powi(-(first.decimals as i32)) * factor;
                f.scale_word = first
                    .scale
                    .as_ref()
                    .or(second.as_ref().and_then(|e| e.scale.as_ref()))
                    .map(|(w, _)| w.clone());
                f.scale = factor;
                f.digits = digits;
                f.in_words = first.in_words;
                f.after_word = kind != FigureKind::Year && self.after_lower_word(first.start_tok);
            });
        Some((figure, end_tok))
    }

    /// The number at `idx` is joined by a hyphen to a lower-case word that is no
    /// approximation: `covid-19`, `topp-10`, not `über-50-Jährige`.
    fn after_lower_word(&self, idx: usize) -> bool {
        if idx < 2 || !self.is_num(idx) || !self.glued(idx) || !self.glued(idx - 1) {
            return false;
        }
        let before = &self.tokens[idx - 2];
        self.sym(idx - 1) == Some('-')
            && before.tok == Tok::Word
            && before.text.chars().next().is_some_and(char::is_lowercase)
            && self
                .matches_before(idx - 1, |m| m == Meaning::Approx)
                .is_none()
    }

    /// A figure covering tokens `tokens`, with the rest of its fields at their defaults.
    fn figure(
        &self,
        tokens: Range<usize>,
        value: f64,
        upper: Option<f64>,
        unit: Option<String>,
        kind: FigureKind,
    ) -> Figure {
        let byte_range =
            self.tokens[tokens.start].byte_range.start..self.tokens[tokens.end - 1].byte_range.end;
        Figure {
            text: self.text[byte_range.clone()].to_owned(),
            byte_range,
            value,
            upper,
            unit,
            kind,
            approx: false,
            precision: 1.0,
            scale_word: None,
            scale: 1.0,
            digits: String::new(),
            in_words: false,
            after_word: false,
            may_be_in_words: false,
            day_month_swappable: false,
        }
    }

    /// One end of a figure at `idx`: a literal or number words, then what follows it.
    fn end_at(&self, idx: usize) -> Option<FigureEnd> {
        let mut end = match self.tokens[idx].tok {
            Tok::Num => self.literal_at(idx)?,
            Tok::Word => self.number_words_at(idx)?,
            Tok::Sym(_) => return None,
        };
        if !end.closed {
            self.read_scales(&mut end);
            self.read_unit(&mut end);
        }
        // "en", "halv" alone are no figure: "en miljard", "ett halvt år" are. An article
        // needs a scale ("un jour" is someday, not one day).
        if end.needs_scale && end.scale.is_none() && (end.unit.is_none() || end.value == 1.0) {
            return None;
        }
        Some(end)
    }

    /// A literal and what is glued to it: "21st", "19:e", "5bn", "10%", "500-Milliarden-Dollar".
    fn literal_at(&self, idx: usize) -> Option<FigureEnd> {
        let literal = self.tokens[idx].text;
        let (value, decimals) = parse_literal(literal, self.lexicon.table.decimal)?;
        let mut end = FigureEnd {
            start_tok: idx,
            end_tok: idx + 1,
            value,
            decimals,
            digits: literal.chars().filter(char::is_ascii_digit).collect(),
            four_digits: literal.len() == 4 && literal.chars().all(|c| c.is_ascii_digit()),
            ..FigureEnd::default()
        };
        let next = idx + 1;
        if !self.glued(next) {
            return Some(end);
        }
        if let Some((_, after)) = self.matches(next, |m| m == Meaning::OrdinalSuffix) {
            end.ordinal = true;
            end.end_tok = after;
        } else if let Some((Meaning::Scale(f) | Meaning::GluedScale(f), after)) = self
            .matches(next, |m| {
                matches!(m, Meaning::Scale(_) | Meaning::GluedScale(_))
            })
        {
            end.add_scale(self.phrase_text(next, after), f);
            end.end_tok = after;
        } else if let Some((Meaning::GluedCurrency(code), after)) =
            self.matches(next, |m| matches!(m, Meaning::GluedCurrency(_)))
        {
            // "345p".
            end.unit = Some(code.to_owned());
            end.end_tok = after;
        } else if self.sym(next) == Some('.')
            && self.tokens.get(next + 1).is_some_and(|t| t.space_before)
            && literal.len() <= 3
            && literal.chars().all(|c| c.is_ascii_digit())
            && self.is_ordinal_noun(next + 1)
        {
            // "19. Jahrhundert", "3. Quartal".
            end.ordinal = true;
            end.end_tok = next + 1;
        } else if self.sym(next) == Some('-')
            && self.glued(next + 1)
            && self.word(next + 1).is_some()
        {
            self.hyphen_compound(&mut end, next);
        }
        Some(end)
    }

    fn is_ordinal_noun(&self, idx: usize) -> bool {
        let Some(word) = self.word(idx) else {
            return false;
        };
        let word = tables::lower(word);
        word.chars().next().is_some()
            && self
                .lexicon
                .table
                .ordinal_nouns
                .iter()
                .any(|noun| word.starts_with(tables::lower(noun).as_ref()))
    }

    /// After "500-": "Milliarden-Dollar-Initiative", "minutersbesök", "faldig", "talet".
    fn hyphen_compound(&self, end: &mut FigureEnd, hyphen: usize) {
        if self.is(hyphen, |m| m == Meaning::DecadeSuffix) {
            return;
        }
        let mut at = hyphen + 1;
        if let Some((Meaning::Scale(f), after)) =
            self.matches(at, |m| matches!(m, Meaning::Scale(_)))
        {
            end.add_scale(self.phrase_text(at, after), f);
            end.end_tok = after;
            at = after;
            if self.sym(at) == Some('-') && self.glued(at) && self.glued(at + 1) {
                at += 1;
            } else {
                return;
            }
        }
        if let Some((meaning, after)) = self.matches(at, |m| {
            matches!(
                m,
                Meaning::Currency(..) | Meaning::Unit(_) | Meaning::Percent
            )
        }) {
            end.unit = Some(unit_name(meaning).to_owned());
            end.end_tok = after;
        } else if let Some(word) = self.word(at) {
            // A unit at the start of a compound word: "12-minutersbesök", "5-årig".
            let lower = tables::lower(word);
            if let Some((_, unit)) = self
                .lexicon
                .table
                .compound_units
                .iter()
                .find(|(prefix, _)| lower.starts_with(tables::lower(prefix).as_ref()))
            {
                end.unit = Some((*unit).to_owned());
            }
            end.end_tok = at + 1;
        }
        end.closed = true;
    }

    fn is(&self, idx: usize, wanted: impl Fn(Meaning) -> bool) -> bool {
        self.lexicon.is(self.tokens, idx, wanted)
    }

    /// The text of tokens `from..to`.
    fn phrase_text(&self, from: usize, to: usize) -> &'a str {
        &self.text[self.tokens[from].byte_range.start..self.tokens[to - 1].byte_range.end]
    }

    /// Number words at `idx`: "tre", "tjugotvå", "twenty-two", "en halv", "ett".
    fn number_words_at(&self, idx: usize) -> Option<FigureEnd> {
        let (value, after, needs_scale) = self.lexicon.number_words(self.tokens, idx)?;
        Some(FigureEnd {
            start_tok: idx,
            end_tok: after,
            value,
            decimals: u32::from(value.fract() != 0.0),
            digits: format!("{value}"),
            in_words: true,
            needs_scale,
            ..FigureEnd::default()
        })
    }

    /// Scale words after the number, multiplied: "miljarder", "Mrd.", "mil millones".
    fn read_scales(&self, end: &mut FigureEnd) {
        loop {
            let at = end.end_tok;
            let found = self.matches(at, |m| matches!(m, Meaning::Scale(_)));
            let Some((Meaning::Scale(factor), after)) = found else {
                break;
            };
            // Scales multiply upwards ("mil millones", "tre hundra tusen"); a smaller scale
            // word after a larger one belongs to something else.
            if end.scale.as_ref().is_some_and(|(_, f)| factor <= *f) {
                break;
            }
            // A hundred counts whole numbers ("deux cents"); "71,2 cents" are cents.
            if factor < 1e3 && end.decimals > 0 {
                break;
            }
            end.add_scale(self.phrase_text(at, after), factor);
            end.end_tok = after;
        }
    }

    /// A currency (with its qualifier), a scaled currency, a unit or a percent sign after the
    /// number and its scale.
    fn read_unit(&self, end: &mut FigureEnd) {
        let at = end.end_tok;
        if let Some((Meaning::ScaledCurrency(code, factor), after)) =
            self.matches(at, |m| matches!(m, Meaning::ScaledCurrency(..)))
        {
            end.add_scale(self.phrase_text(at, after), factor);
            end.unit = Some(code.to_owned());
            end.end_tok = after;
            return;
        }
        // "amerikanska dollar", "US-Dollar": a qualifier, then the currency word.
        let mut currency_at = at;
        let mut qualified = None;
        if let Some((Meaning::Qualifier(code), after)) =
            self.matches(at, |m| matches!(m, Meaning::Qualifier(_)))
            && self.is(
                after + usize::from(self.sym(after) == Some('-')),
                is_currency_after,
            )
        {
            qualified = code;
            currency_at = after + usize::from(self.sym(after) == Some('-'));
        }
        let found = self.matches(currency_at, |m| {
            is_currency_after(m) || matches!(m, Meaning::Unit(_) | Meaning::Percent)
        });
        let Some((meaning, mut after)) = found else {
            return;
        };
        // "… a $10 billion plan": a symbol or code before another number is that number's.
        if matches!(meaning, Meaning::Currency(_, Place::Both)) && self.is_num(after) {
            return;
        }
        // "en", "a" take a unit word ("ett halvt år"), not a symbol.
        if end.needs_scale && end.scale.is_none() && self.tokens[currency_at].tok != Tok::Word {
            return;
        }
        let mut unit = unit_name(meaning);
        if let Meaning::Currency(..) = meaning {
            // "dólares estadounidenses", "dollars des États-Unis": a qualifier after it.
            if let Some((Meaning::Qualifier(code), past)) =
                self.matches(after, |m| matches!(m, Meaning::Qualifier(_)))
            {
                qualified = qualified.or(code);
                after = past;
            }
            unit = qualified.unwrap_or(unit);
            // "21,50 norske kroner …, 1,20 kroner mere": a crown named once is the paragraph's.
            if qualified.is_none()
                && super::is_crown(unit)
                && let Some(named) = self.crown_named_before(currency_at)
            {
                unit = named;
            }
        }
        end.unit = Some(unit.to_owned());
        end.end_tok = after;
    }

    /// The crown whose country the paragraph names last before `idx` (`norske kroner`, `koron
    /// duńskich`).
    fn crown_named_before(&self, idx: usize) -> Option<&'static str> {
        // Within the last few hundred tokens: a paragraph of a whole book stays linear.
        (idx.saturating_sub(CROWN_LOOKBACK)..idx)
            .rev()
            .find_map(
                |at| match self.matches(at, |m| matches!(m, Meaning::Qualifier(Some(_)))) {
                    Some((Meaning::Qualifier(Some(code)), after))
                        if super::is_crown(code)
                            && (self.is(after, is_currency_after)
                                || self.matches_before(at, is_currency_after).is_some()) =>
                    {
                        Some(code)
                    }
                    _ => None,
                },
            )
    }

    /// What stands before the number at `idx`.
    fn prefix(&self, idx: usize) -> Prefix {
        let mut prefix = Prefix {
            start_tok: idx,
            ..Prefix::default()
        };
        let mut look = idx;
        let is_minus = |c: Option<char>| matches!(c, Some('-' | MINUS));
        // "US$ -1.234,50": a minus glued to the number after the currency.
        if look > 0 && is_minus(self.sym(look - 1)) && self.glued(look) {
            let spaced = look == 1 || self.tokens[look - 1].space_before;
            if spaced {
                prefix.negative = true;
                look -= 1;
                prefix.start_tok = look;
            }
        }
        let before_currency = |m| matches!(m, Meaning::Currency(_, Place::Before | Place::Both));
        if let Some((Meaning::Currency(code, _), start)) =
            self.matches_before(look, before_currency)
        {
            prefix.currency = Some(code);
            look = start;
            prefix.start_tok = look;
            // "-$2.50", "−US$2.50", "-USD 1,234.50".
            if look > 0
                && is_minus(self.sym(look - 1))
                && self.glued(look)
                && (look == 1 || self.tokens[look - 1].space_before)
            {
                prefix.negative = true;
                look -= 1;
                prefix.start_tok = look;
            }
        }
        // "minus 5 grader".
        if !prefix.negative
            && let Some((_, start)) = self.matches_before(look, |m| m == Meaning::Minus)
        {
            prefix.negative = true;
            look = start;
            prefix.start_tok = look;
        }
        prefix.approx = self
            .matches_before(look, |m| m == Meaning::Approx)
            .is_some();
        let mut range_at = look;
        if let Some((_, start)) = self.matches_before(range_at, |m| m == Meaning::RangeArticle) {
            range_at = start;
        }
        prefix.between = self
            .matches_before(range_at, |m| m == Meaning::Between)
            .is_some();
        prefix
    }

    /// The upper end of a range after `first`: "150 till 200", "mellan 150 och 200", "2017–2019",
    /// "$ 700 miljoen en $ 4 miljard".
    fn range_end(&self, first: &FigureEnd, between: bool) -> Option<FigureEnd> {
        let after = first.end_tok;
        let connector_end = match self.tokens.get(after)?.tok {
            Tok::Sym('–' | '—') => after + 1,
            Tok::Sym('-') if self.is_num(after + 1) => after + 1,
            _ => {
                let (_, past) = self.matches(after, |m| {
                    m == Meaning::RangeTo || (between && m == Meaning::And)
                })?;
                past
            }
        };
        let mut number_at = connector_end;
        let mut currency = None;
        if let Some((Meaning::Currency(code, _), past)) = self.matches(number_at, |m| {
            matches!(m, Meaning::Currency(_, Place::Before | Place::Both))
        }) {
            currency = Some(code);
            number_at = past;
        }
        if !self.is_num(number_at) || self.is_code_digit(number_at) {
            return None;
        }
        let mut end = self.end_at(number_at)?;
        if end.unit.is_none() {
            end.unit = currency.map(str::to_owned);
        }
        // "5 to 7%" shares the percent; "fell 0.8% to 71.2 cents" is a change and a level.
        let compatible = match (&first.unit, &end.unit) {
            (Some(a), Some(b)) => a == b,
            (Some(a), None) => a != "percent",
            _ => true,
        };
        let same_kind = first.looks_like_year() == end.looks_like_year();
        (compatible && same_kind && !end.ordinal && !first.ordinal).then_some(end)
    }

    /// Fiscal years "2019/2020", "2024/25".
    fn fiscal_year(&self, first: &FigureEnd) -> Option<FigureEnd> {
        let after = first.end_tok;
        if !first.looks_like_year() || self.sym(after) != Some('/') || !self.glued(after) {
            return None;
        }
        let next = self.tokens.get(after + 1)?;
        let lit = next.text;
        if next.tok != Tok::Num
            || next.space_before
            || !(lit.len() == 2 || lit.len() == 4)
            || !lit.chars().all(|c| c.is_ascii_digit())
        {
            return None;
        }
        let mut upper: f64 = lit.parse().ok()?;
        if lit.len() == 2 {
            upper += (first.value / 100.0).floor() * 100.0;
        }
        Some(FigureEnd {
            value: upper,
            end_tok: after + 2,
            digits: format!("{upper:04}"),
            four_digits: true,
            ..first.clone()
        })
    }

    fn kind(&self, first: &FigureEnd, second: Option<&FigureEnd>) -> FigureKind {
        let unit = first.unit.as_deref();
        if unit.is_some_and(super::is_currency) {
            FigureKind::Amount
        } else if matches!(unit, Some("percent" | "percentage_points")) {
            FigureKind::Percent
        } else if first.ordinal {
            FigureKind::Ordinal
        } else if first.looks_like_year() && second.is_none_or(FigureEnd::looks_like_year) {
            FigureKind::Year
        } else {
            FigureKind::Count
        }
    }

    /// The number from `idx` to `end` goes with something that makes it no time of day: a
    /// currency before it, a percent, unit, scale or currency after it (`um 5 Prozent`).
    fn taken(&self, idx: usize, end: usize) -> bool {
        let after = |m: Meaning| {
            matches!(
                m,
                Meaning::Percent
                    | Meaning::Unit(_)
                    | Meaning::Scale(_)
                    | Meaning::GluedScale(_)
                    | Meaning::Currency(..)
                    | Meaning::ScaledCurrency(..)
            )
        };
        self.matches(end, after).is_some()
            || self
                .matches_before(idx, |m| matches!(m, Meaning::Currency(..)))
                .is_some()
    }
}

/// How far back a crown's country is looked for (tokens).
const CROWN_LOOKBACK: usize = 400;

/// A currency that may stand after the number.
fn is_currency_after(meaning: Meaning) -> bool {
    matches!(meaning, Meaning::Currency(_, Place::After | Place::Both))
}

/// The unit a meaning gives a figure.
fn unit_name(meaning: Meaning) -> &'static str {
    match meaning {
        Meaning::Currency(code, _) | Meaning::ScaledCurrency(code, _) => code,
        Meaning::Unit(unit) | Meaning::CompoundUnit(unit) => unit,
        _ => "percent",
    }
}

/// A scale or unit written once applies to both ends of a range.
fn share_scale_and_unit(first: &mut FigureEnd, end: &mut FigureEnd, between: bool) {
    // "150 tot 200 miljard" and "7,8 och 2,9 miljarder" are both billions; "met 25.300 tot
    // 2,56 miljoen" (by 25,300 to 2.56 million), a number a thousand times the other's, is
    // not 25.3 billion.
    if first.scale.is_none()
        && end.scale.is_some()
        && first.decimals <= 3
        && first.value <= 1000.0 * end.value
    {
        first.scale.clone_from(&end.scale);
    }
    if first.unit.is_none() {
        first.unit.clone_from(&end.unit);
    }
    if end.unit.is_none() {
        end.unit.clone_from(&first.unit);
    }
    if end.scale.is_none() && first.scale.is_some() && between {
        end.scale.clone_from(&first.scale);
    }
}

trait With: Sized {
    fn with(self, change: impl FnOnce(&mut Self)) -> Self;
}

impl With for Figure {
    fn with(mut self, change: impl FnOnce(&mut Self)) -> Self {
        change(&mut self);
        self
    }
}
