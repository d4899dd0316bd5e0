//! The reader: a tokeniser for the text around numbers, and the reading of each figure (its
//! literal, scale, unit, range, date, approximation).

use std::ops::Range;

use super::words::*;
use super::{Figure, FigureKind};

/// Minus signs.
const MINUS: char = '\u{2212}';
/// Characters that group digits besides `.`, `,` and `'`: space, no-break space, narrow
/// no-break space, thin space.
const SPACES: [char; 4] = [' ', '\u{a0}', '\u{202f}', '\u{2009}'];

/// A token of the text around numbers.
#[derive(Clone, Debug, PartialEq)]
enum Tok {
    /// A number literal as written.
    Num(String),
    /// A word (letters, inner `'`, `.` of abbreviations kept apart).
    Word(String),
    /// Any other single character that is not white space.
    Sym(char),
}

#[derive(Clone, Debug)]
struct Token {
    tok: Tok,
    byte_range: Range<usize>,
    /// White space directly before it.
    space_before: bool,
}

fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |idx: usize| chars.get(idx).map_or(text.len(), |(pos, _)| *pos);
    let mut tokens = Vec::new();
    let mut idx = 0;
    let mut space_before = true;
    while idx < chars.len() {
        let (start, c) = chars[idx];
        if c.is_whitespace() {
            space_before = true;
            idx += 1;
            continue;
        }
        if c.is_ascii_digit() {
            let mut end = idx + 1;
            let mut group_len = 1;
            let mut first_group = true;
            let mut first_group_len = 1;
            loop {
                if end < chars.len() && chars[end].1.is_ascii_digit() {
                    group_len += 1;
                    if first_group {
                        first_group_len += 1;
                    }
                    end += 1;
                    continue;
                }
                let Some(&(_, sep)) = chars.get(end) else {
                    break;
                };
                let digits_after = chars[end + 1..]
                    .iter()
                    .take_while(|(_, c)| c.is_ascii_digit())
                    .count();
                let continues = if SPACES.contains(&sep) || sep == '\'' {
                    // A space only groups thousands: "100 000", not "2025 1".
                    digits_after == 3 && (1..=3).contains(&group_len) && first_group_len <= 3
                } else {
                    matches!(sep, '.' | ',') && digits_after > 0
                };
                if !continues {
                    break;
                }
                first_group = false;
                group_len = 0;
                end += 1;
            }
            let literal: String = chars[idx..end].iter().map(|(_, c)| *c).collect();
            tokens.push(Token {
                tok: Tok::Num(literal),
                byte_range: start..end_of(end),
                space_before,
            });
            idx = end;
        } else if c.is_alphabetic() {
            let mut end = idx + 1;
            while end < chars.len() {
                let c = chars[end].1;
                let inner_apostrophe = (c == '\'' || c == '’')
                    && chars.get(end + 1).is_some_and(|(_, n)| n.is_alphabetic());
                if c.is_alphabetic() || inner_apostrophe {
                    end += 1;
                } else {
                    break;
                }
            }
            let word: String = chars[idx..end].iter().map(|(_, c)| *c).collect();
            tokens.push(Token {
                tok: Tok::Word(word),
                byte_range: start..end_of(end),
                space_before,
            });
            idx = end;
        } else {
            tokens.push(Token {
                tok: Tok::Sym(c),
                byte_range: start..end_of(idx + 1),
                space_before,
            });
            idx += 1;
        }
        space_before = false;
    }
    tokens
}

/// Parse a literal's value in `lang`: (value, decimals).
fn parse_literal(literal: &str, lang: Lang) -> Option<(f64, u32)> {
    let seps: Vec<(usize, char)> = literal
        .char_indices()
        .filter(|(_, c)| !c.is_ascii_digit())
        .collect();
    let marks: Vec<&(usize, char)> = seps
        .iter()
        .filter(|(_, c)| matches!(c, '.' | ','))
        .collect();
    let has_space_grouping = seps.iter().any(|(_, c)| SPACES.contains(c) || *c == '\'');
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
            let is_comma = *mark == ',';
            if has_space_grouping {
                Some(*pos)
            } else if lang.decimal_comma() {
                // "5,83" is decimal; "100.000" groups; a lone "5.83" is an English-style decimal.
                if is_comma || !(three && lead <= 3) {
                    Some(*pos)
                } else {
                    None
                }
            } else if !(is_comma && three && lead <= 3) {
                Some(*pos)
            } else {
                None
            }
        }
        many => {
            let &&(last_pos, last_mark) = many.last()?;
            let all_same = many.iter().all(|(_, c)| *c == last_mark);
            if all_same {
                // "1.000.000" or "1,000,000": all grouping.
                None
            } else {
                Some(last_pos)
            }
        }
    };
    let mut digits = String::new();
    let mut decimals = 0;
    for (pos, c) in literal.char_indices() {
        if c.is_ascii_digit() {
            digits.push(c);
            if decimal_at.is_some_and(|d| pos > d) {
                decimals += 1;
            }
        }
    }
    let mut value: f64 = digits.parse().ok()?;
    value /= 10f64.powi(decimals as i32);
    Some((value, decimals))
}

/// One end of a figure while it is being read.
#[derive(Clone, Debug)]
struct Reading {
    start_tok: usize,
    end_tok: usize,
    value: f64,
    decimals: u32,
    scale: Option<(String, f64)>,
    unit: Option<String>,
    digits: String,
    ordinal: bool,
    literal: String,
}

/// Read every figure of `text`, written in the language `lang_code` (`sv`, `nl`, `de`, `en`, …).
pub fn extract(text: &str, lang_code: &str) -> Vec<Figure> {
    let lang = Lang::from_code(lang_code);
    let tokens = tokenize(text);
    let mut figures = Vec::new();
    let mut idx = 0;
    while idx < tokens.len() {
        let Tok::Num(_) = &tokens[idx].tok else {
            idx += 1;
            continue;
        };
        if is_code_digit(&tokens, idx) {
            idx = skip_code(&tokens, idx);
            continue;
        }
        match read_figure(text, &tokens, idx, lang) {
            Some((figure, next)) => {
                figures.push(figure);
                idx = next.max(idx + 1);
            }
            None => idx += 1,
        }
    }
    figures
}

/// Digits that are part of a name or code: "B2B", "COVID-19", "5G", "A380", phone numbers.
fn is_code_digit(tokens: &[Token], idx: usize) -> bool {
    let token = &tokens[idx];
    if !token.space_before && idx > 0 {
        match &tokens[idx - 1].tok {
            Tok::Word(_) => return true,
            Tok::Sym('-') if idx >= 2 && !tokens[idx - 1].space_before => {
                if let Tok::Word(w) = &tokens[idx - 2].tok
                    && w.chars().any(char::is_uppercase)
                    && w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
                {
                    return true;
                }
            }
            Tok::Sym('+') => return true,
            _ => {}
        }
    }
    if let Some(next) = tokens.get(idx + 1)
        && !next.space_before
        && let Tok::Word(w) = &next.tok
    {
        let known = ordinal_suffix(w)
            || scale_factor(w, Lang::En).is_some()
            || unit_word(w).is_some()
            || currency_word(w).is_some()
            || w == "s"
            || w.eq_ignore_ascii_case("er");
        if !known {
            return true;
        }
    }
    false
}

fn skip_code(tokens: &[Token], idx: usize) -> usize {
    let mut next = idx + 1;
    // A phone number: "+49 89 674 804".
    if idx > 0 && sym_at(tokens, idx - 1) == Some('+') {
        while next < tokens.len() && matches!(tokens[next].tok, Tok::Num(_) | Tok::Sym('-' | '/')) {
            next += 1;
        }
        return next;
    }
    while next < tokens.len()
        && !tokens[next].space_before
        && matches!(tokens[next].tok, Tok::Num(_) | Tok::Word(_))
    {
        next += 1;
    }
    next
}

fn word_at(tokens: &[Token], idx: usize) -> Option<&str> {
    match &tokens.get(idx)?.tok {
        Tok::Word(w) => Some(w.as_str()),
        _ => None,
    }
}

fn sym_at(tokens: &[Token], idx: usize) -> Option<char> {
    match &tokens.get(idx)?.tok {
        Tok::Sym(c) => Some(*c),
        _ => None,
    }
}

/// Read one end of a figure at `idx` (a number token): literal, suffixes, scale and unit.
fn read_end(tokens: &[Token], idx: usize, lang: Lang) -> Option<Reading> {
    let Tok::Num(literal) = &tokens[idx].tok else {
        return None;
    };
    let (value, decimals) = parse_literal(literal, lang)?;
    let digits: String = literal.chars().filter(char::is_ascii_digit).collect();
    let mut reading = Reading {
        start_tok: idx,
        end_tok: idx + 1,
        value,
        decimals,
        scale: None,
        unit: None,
        digits,
        ordinal: false,
        literal: literal.clone(),
    };
    let mut next = idx + 1;
    // Suffixes glued to the digits: "21st", "19:e", "5bn", "10%", "3 700-faldig", "1990er".
    if let Some(token) = tokens.get(next)
        && !token.space_before
    {
        match &token.tok {
            Tok::Word(w) if ordinal_suffix(w) => {
                reading.ordinal = true;
                next += 1;
            }
            Tok::Word(w) if scale_factor(w, lang).is_some() => {
                reading.scale = scale_factor(w, lang).map(|f| (w.clone(), f));
                next += 1;
            }
            Tok::Word(w) if unit_word(w).is_some() || currency_word(w).is_some() => {
                reading.unit = unit_word(w).or_else(|| currency_word(w)).map(str::to_owned);
                next += 1;
            }
            Tok::Sym(':') if word_at(tokens, next + 1).is_some_and(|w| w == "e" || w == "a") => {
                reading.ordinal = true;
                next += 2;
            }
            Tok::Sym('.')
                if lang == Lang::De
                    && tokens.get(next + 1).is_some_and(|t| t.space_before)
                    && word_at(tokens, next + 1).is_some_and(|w| {
                        w.chars().next().is_some_and(char::is_uppercase) && month(w).is_none()
                    })
                    && literal.chars().all(|c| c.is_ascii_digit())
                    && literal.len() <= 3
                    && is_ordinal_noun(word_at(tokens, next + 1).unwrap_or_default()) =>
            {
                reading.ordinal = true;
                next += 1;
            }
            Tok::Sym('%') => {
                reading.unit = Some("percent".to_owned());
                next += 1;
            }
            Tok::Sym('-') => {
                if let Some(w) = word_at(tokens, next + 1)
                    && !tokens[next + 1].space_before
                {
                    if let Some(unit) = compound_unit(w) {
                        reading.unit = Some(unit.to_owned());
                    }
                    next += 2;
                    reading.end_tok = next;
                    return Some(reading);
                }
            }
            _ => {}
        }
    }
    reading.end_tok = next;
    // A scale word: "5,83 miljarder", "5 Mrd."
    if reading.scale.is_none()
        && let Some(w) = word_at(tokens, next)
        && let Some(factor) = scale_factor(w, lang)
        && !(w.len() == 1 && tokens[next].space_before)
    {
        reading.scale = Some((w.to_owned(), factor));
        next += 1;
        if sym_at(tokens, next) == Some('.') && !tokens[next].space_before && w.len() <= 4 {
            next += 1;
        }
        reading.end_tok = next;
    }
    // A unit: "%", "procent", "dollar", "amerikanska dollar", "US-Dollar", "USD", "aktier".
    if reading.unit.is_none() {
        if sym_at(tokens, next) == Some('%') {
            reading.unit = Some("percent".to_owned());
            reading.end_tok = next + 1;
        } else if let Some((unit, end)) = read_unit(tokens, next) {
            reading.unit = Some(unit);
            reading.end_tok = end;
        }
    }
    Some(reading)
}

/// A unit after the number (and scale): returns the unit and the token after it.
fn read_unit(tokens: &[Token], idx: usize) -> Option<(String, usize)> {
    let word = word_at(tokens, idx)?;
    // "US-Dollar", "US-dollar": a qualifier glued with a hyphen.
    if let Some(qualified) = currency_qualifier(word)
        && sym_at(tokens, idx + 1) == Some('-')
        && let Some(next) = word_at(tokens, idx + 2)
        && let Some(code) = currency_word(next)
    {
        return Some((qualified.unwrap_or(code).to_owned(), idx + 3));
    }
    if let Some(qualified) = currency_qualifier(word)
        && let Some(next) = word_at(tokens, idx + 1)
        && let Some(code) = currency_word(next)
    {
        return Some((qualified.unwrap_or(code).to_owned(), idx + 2));
    }
    if let Some(code) = currency_word(word) {
        return Some((code.to_owned(), idx + 1));
    }
    if let Some(unit) = unit_word(word) {
        // "per cent".
        return Some((unit.to_owned(), idx + 1));
    }
    if word.eq_ignore_ascii_case("per") && word_at(tokens, idx + 1) == Some("cent") {
        return Some(("percent".to_owned(), idx + 2));
    }
    None
}

/// Read a whole figure starting at number token `idx`.
#[allow(clippy::too_many_lines)] // Split up by the rewrite that follows this restructuring.
fn read_figure(text: &str, tokens: &[Token], idx: usize, lang: Lang) -> Option<(Figure, usize)> {
    let mut first = read_end(tokens, idx, lang)?;
    let mut start_tok = idx;
    let mut negative = false;

    // Before the number: a minus, a currency symbol or code, approximation and range words.
    let mut look = idx;
    if look > 0
        && !tokens[look].space_before
        && let Some(c) = sym_at(tokens, look - 1)
        && (c == MINUS || c == '-')
        && (look == 1 || tokens[look - 1].space_before)
    {
        negative = true;
        look -= 1;
        start_tok = look;
    }
    let mut prefix_unit = None;
    if look > 0 {
        if let Some(c) = sym_at(tokens, look - 1)
            && let Some(code) = currency_symbol(c)
        {
            prefix_unit = Some(code);
            look -= 1;
            start_tok = look;
            // "US$".
            if look > 0 && word_at(tokens, look - 1) == Some("US") && !tokens[look].space_before {
                look -= 1;
                start_tok = look;
            }
        } else if let Some(w) = word_at(tokens, look - 1)
            && w.len() == 3
            && w.chars().all(|c| c.is_ascii_uppercase())
            && let Some(code) = currency_word(w)
        {
            prefix_unit = Some(code);
            look -= 1;
            start_tok = look;
        }
    }
    let before = |n: usize| look.checked_sub(n).and_then(|i| word_at(tokens, i));
    let mut approx = false;
    let mut between = false;
    // "tussen de $ 700": skip an article after the range word.
    let mut back = 1;
    if before(1).is_some_and(|w| matches!(w, "de" | "den")) && before(2).is_some_and(between_word) {
        back = 2;
    }
    if before(back).is_some_and(between_word) {
        between = true;
    }
    if before(1).is_some_and(approx_word)
        || before(2)
            .zip(before(1))
            .is_some_and(|(a, b)| approx_pair(a, b))
        || before(1).is_some_and(|w| approx_pair(w, ""))
        || (sym_at(tokens, look.wrapping_sub(1)) == Some('.')
            && before(2).is_some_and(|w| w.eq_ignore_ascii_case("ca")))
    {
        approx = true;
    }
    if first.unit.is_none() {
        first.unit = prefix_unit.map(str::to_owned);
    }

    // A range: "150 till 200", "mellan 150 och 200", "2017–2019", "$ 700 miljoen en $ 4 miljard".
    let mut second: Option<Reading> = None;
    let mut end_tok = first.end_tok;
    let after = first.end_tok;
    let connector = match (&tokens.get(after).map(|t| &t.tok), word_at(tokens, after)) {
        (_, Some(w)) if range_word(w) => true,
        (_, Some(w)) if between && and_word(w) => true,
        (Some(Tok::Sym('–' | '—')), _) => true,
        (Some(Tok::Sym('-')), _) => {
            // "2017-2019" (no spaces) or "150 - 200".
            tokens
                .get(after + 1)
                .is_some_and(|t| matches!(t.tok, Tok::Num(_)))
        }
        _ => false,
    };
    if connector {
        let mut number_at = after + 1;
        let mut second_prefix = None;
        if let Some(c) = sym_at(tokens, number_at)
            && let Some(code) = currency_symbol(c)
        {
            second_prefix = Some(code);
            number_at += 1;
        }
        if matches!(tokens.get(number_at).map(|t| &t.tok), Some(Tok::Num(_)))
            && !is_code_digit(tokens, number_at)
            && let Some(mut end) = read_end(tokens, number_at, lang)
        {
            if end.unit.is_none() {
                end.unit = second_prefix.map(str::to_owned);
            }
            let compatible_units = match (&first.unit, &end.unit) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            };
            // Two plain years joined by "and" outside "between" were rejected above; a year
            // range needs years on both sides.
            let first_is_year = looks_like_year(&first);
            let end_is_year = looks_like_year(&end);
            if compatible_units && first_is_year == end_is_year && !end.ordinal && !first.ordinal {
                end_tok = end.end_tok;
                second = Some(end);
            }
        }
    }

    // Fiscal years "2019/2020", "2024/25".
    if second.is_none()
        && looks_like_year(&first)
        && sym_at(tokens, after) == Some('/')
        && !tokens[after].space_before
        && let Some(Tok::Num(lit)) = tokens.get(after + 1).map(|t| &t.tok)
        && !tokens[after + 1].space_before
        && (lit.len() == 2 || lit.len() == 4)
        && lit.chars().all(|c| c.is_ascii_digit())
    {
        let mut upper: f64 = lit.parse().unwrap_or(0.0);
        if lit.len() == 2 {
            upper += (first.value / 100.0).floor() * 100.0;
        }
        let mut end = first.clone();
        end.value = upper;
        end.end_tok = after + 2;
        end.literal = format!("{upper:04}");
        end_tok = after + 2;
        second = Some(end);
    }

    // Apply a scale or unit written once to both ends.
    if let Some(end) = &mut second {
        if first.scale.is_none() && end.scale.is_some() && first.decimals <= 3 {
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

    // Dates: "11 november 2025", "11. November", "oktober 2025", "November 11, 2025", ISO.
    if let Some((date, date_start, date_end)) = read_date(tokens, idx, &first, lang)
        && second.is_none()
    {
        let byte_range = tokens[date_start].byte_range.start..tokens[date_end - 1].byte_range.end;
        return Some((
            Figure {
                text: text[byte_range.clone()].to_owned(),
                byte_range,
                value: date,
                upper: None,
                unit: None,
                kind: FigureKind::Date,
                approx,
                precision: 1.0,
                scale_word: None,
                scale: 1.0,
                digits: first.digits.clone(),
            },
            date_end,
        ));
    }

    let factor = first.scale.as_ref().map_or(1.0, |(_, f)| *f);
    let mut value = first.value * factor;
    if negative {
        value = -value;
    }
    let precision = 10f64.powi(-(first.decimals as i32)) * factor;
    let upper = second.as_ref().map(|end| {
        let end_factor = end.scale.as_ref().map_or(1.0, |(_, f)| *f);
        end.value * end_factor
    });
    let unit = first.unit.clone();
    let kind = if unit
        .as_deref()
        .is_some_and(|u| u.len() == 3 && u.chars().all(|c| c.is_ascii_uppercase()) && u != "GWh")
    {
        FigureKind::Amount
    } else if matches!(unit.as_deref(), Some("percent" | "percentage_points")) {
        FigureKind::Percent
    } else if first.ordinal {
        FigureKind::Ordinal
    } else if looks_like_year(&first)
        && (second.as_ref().is_none_or(looks_like_year))
        && !(second.is_none() && tokens.get(first.end_tok).is_some_and(|t| {
            matches!(&t.tok, Tok::Word(w) if w.starts_with(char::is_lowercase) && unit_word(w).is_some())
        }))
    {
        FigureKind::Year
    } else {
        FigureKind::Count
    };
    // Decades: "1990er", "1990s", "1990-talet".
    let decade = kind == FigureKind::Year
        && tokens.get(first.start_tok + 1).is_some_and(|t| {
            !t.space_before && matches!(&t.tok, Tok::Word(w) if w == "er" || w == "s")
        });
    if decade {
        end_tok = end_tok.max(first.start_tok + 2);
    }
    let mut digits = first.digits.clone();
    if let Some(end) = &second {
        digits.push('-');
        digits.push_str(&end.digits);
    }
    let byte_range = tokens[start_tok].byte_range.start..tokens[end_tok - 1].byte_range.end;
    let scale_word = first.scale.as_ref().map(|(w, _)| w.clone()).or_else(|| {
        second
            .as_ref()
            .and_then(|e| e.scale.as_ref().map(|(w, _)| w.clone()))
    });
    Some((
        Figure {
            text: text[byte_range.clone()].to_owned(),
            byte_range,
            value,
            upper,
            unit,
            kind,
            approx: approx || decade,
            precision,
            scale_word,
            scale: factor,
            digits,
        },
        end_tok,
    ))
}

fn looks_like_year(reading: &Reading) -> bool {
    reading.scale.is_none()
        && reading.unit.is_none()
        && !reading.ordinal
        && reading.literal.len() == 4
        && reading.literal.chars().all(|c| c.is_ascii_digit())
        && (1000.0..=2100.0).contains(&reading.value)
}

/// A date around number token `idx`: returns (YYYYMMDD, first token, end token).
fn read_date(
    tokens: &[Token],
    idx: usize,
    first: &Reading,
    lang: Lang,
) -> Option<(f64, usize, usize)> {
    let is_int = first.literal.chars().all(|c| c.is_ascii_digit());
    if !is_int || first.scale.is_some() {
        return None;
    }
    let value = first.value as u32;
    let year_at = |i: usize| -> Option<u32> {
        match &tokens.get(i)?.tok {
            Tok::Num(lit) if lit.len() == 4 && lit.chars().all(|c| c.is_ascii_digit()) => {
                let y: u32 = lit.parse().ok()?;
                (1000..=2100).contains(&y).then_some(y)
            }
            _ => None,
        }
    };
    // ISO 2025-12-22.
    if first.literal.len() == 4
        && sym_at(tokens, idx + 1) == Some('-')
        && let Some(Tok::Num(m)) = tokens.get(idx + 2).map(|t| &t.tok)
        && sym_at(tokens, idx + 3) == Some('-')
        && let Some(Tok::Num(d)) = tokens.get(idx + 4).map(|t| &t.tok)
        && m.len() == 2
        && d.len() == 2
        && (1..=12).contains(&m.parse::<u32>().unwrap_or(0))
        && (1..=31).contains(&d.parse::<u32>().unwrap_or(0))
        && (1..=4).all(|k| !tokens[idx + k].space_before)
    {
        let date = value * 10_000 + m.parse::<u32>().ok()? * 100 + d.parse::<u32>().ok()?;
        return Some((f64::from(date), idx, idx + 5));
    }
    // Day first: "11 november 2025", "11. November 2025", "30 september".
    if (1..=31).contains(&value) && first.literal.len() <= 2 && first.unit.is_none() {
        let mut month_at = idx + 1;
        if sym_at(tokens, month_at) == Some('.') && !tokens[month_at].space_before {
            month_at += 1;
        }
        if let Some(m) = word_at(tokens, month_at).and_then(month_in(lang)) {
            let mut end = month_at + 1;
            if sym_at(tokens, end) == Some('.') && !tokens[end].space_before {
                end += 1;
            }
            let year = year_at(end);
            if year.is_some() {
                end += 1;
            }
            let date = year.unwrap_or(0) * 10_000 + m * 100 + value;
            return Some((f64::from(date), idx, end));
        }
    }
    // A month inside a compound before a year: "decemberkvartalet 2020", "Dezemberquartal 2020".
    if idx > 0
        && looks_like_year(first)
        && lang != Lang::En
        && let Some(m) = word_at(tokens, idx - 1).and_then(compound_month)
    {
        return Some((f64::from(value * 10_000 + m * 100), idx - 1, idx + 1));
    }
    // Month first: "oktober 2025", "November 11, 2025", "June 21".
    if idx > 0
        && let Some(m) = word_at(tokens, idx - 1).and_then(month_in(lang))
    {
        if looks_like_year(first) {
            return Some((f64::from(value * 10_000 + m * 100), idx - 1, idx + 1));
        }
        if (1..=31).contains(&value) && first.literal.len() <= 2 && first.unit.is_none() {
            let mut end = idx + 1;
            if first.ordinal {
                end = first.end_tok;
            }
            let mut year = None;
            if sym_at(tokens, end) == Some(',')
                && let Some(y) = year_at(end + 1)
            {
                year = Some(y);
                end += 2;
            }
            let date = year.unwrap_or(0) * 10_000 + m * 100 + value;
            return Some((f64::from(date), idx - 1, end));
        }
    }
    None
}
