//! Figures: numbers in text, read as a reader reads them.
//!
//! A [`Figure`] is a number with its meaning: value (and upper end for ranges), scale, unit,
//! kind, whether it is approximate, and its byte range in the paragraph. [`extract`] reads all
//! figures of a paragraph in a given language.
//!
//! What it understands, for Swedish, Dutch, German and English (other languages fall back to
//! digits and symbols):
//! - decimal marks and grouping by language: `5,83` and `1,176` are decimals in sv/nl/de and
//!   `100.000`, `100 000` (space, no-break space, narrow no-break space) are groupings; English
//!   writes `5.83` and `100,000`. `3 700-faldig` is 3700; a Unicode minus is a minus.
//! - scale words and their false friends: sv miljon/miljard/biljon, nl miljoen/miljard/biljoen,
//!   de Million/Milliarde/Billion (Mio., Mrd., Bio.), en million/billion/trillion (m, bn, tn).
//!   German *Billion* and Dutch *biljoen* are 10¹², English *trillion*, not *billion*.
//! - units: currencies as symbols, words or ISO codes before or after the number (`$ 5,83
//!   miljard`, `5,83 miljarder dollar`, `5,83 Milliarden US-Dollar` are all USD), percentages,
//!   percentage points, and common counted things (shares, jobs, gigawatts, years, …).
//! - ranges (`150 till 200 miljarder dollar`, `tussen de $ 700 miljoen en $ 4 miljard`): both
//!   ends, with a scale or unit written once applied to both.
//! - years, fiscal years (`2019/2020`), dates (`11 november 2025`, `oktober 2025`,
//!   `June 21`), ordinals (`19. Jahrhundert`, `21st`), counts.
//! - approximation words before a number (cirka, ungefär, ongeveer, zo'n, etwa, about, over, …).
//!
//! ```
//! use parallel_reader::figures::{extract, FigureKind};
//! let sv = extract("För 5,83 miljarder dollar sålde SoftBank.", "sv");
//! let nl = extract("Voor $ 5,83 miljard verkocht SoftBank.", "nl");
//! let de = extract("für 5,83 Milliarden US-Dollar verkauft", "de");
//! for figures in [&sv, &nl, &de] {
//!     assert_eq!(figures[0].value, 5.83e9);
//!     assert_eq!(figures[0].unit.as_deref(), Some("USD"));
//!     assert_eq!(figures[0].kind, FigureKind::Amount);
//! }
//! assert_eq!(sv[0].text, "5,83 miljarder dollar");
//! assert_eq!(extract("2,5 Billionen Yen", "de")[0].value, 2.5e12);
//! assert_eq!(extract("$2.5 trillion", "en")[0].value, 2.5e12);
//! ```

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// What a figure counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FigureKind {
    /// Money.
    Amount,
    /// A percentage or percentage points.
    Percent,
    /// A calendar year (or fiscal year, as a range).
    Year,
    /// A date: day and/or month with or without year, as `YYYYMMDD` (unknown parts are 0).
    Date,
    /// An ordinal ("19.", "21st").
    Ordinal,
    /// A count or other number.
    Count,
}

impl FigureKind {
    /// The lower-case name used in exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Amount => "amount",
            Self::Percent => "percent",
            Self::Year => "year",
            Self::Date => "date",
            Self::Ordinal => "ordinal",
            Self::Count => "count",
        }
    }
}

/// A number in the text with its meaning.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The text read, e.g. `5,83 miljarder dollar`.
    pub text: String,
    /// Where it is in the paragraph (bytes).
    pub byte_range: Range<usize>,
    /// The value, scale applied (5.83e9). Dates are `YYYYMMDD`.
    pub value: f64,
    /// The upper end of a range.
    pub upper: Option<f64>,
    /// ISO 4217 currency code, `percent`, `percentage_points`, or another unit (`shares`, `GW`).
    pub unit: Option<String>,
    /// What it counts.
    pub kind: FigureKind,
    /// Written with an approximation word (cirka, about, …).
    pub approx: bool,
    /// The smallest step the writing can express: the value of the last written digit, scale
    /// applied (0.01e9 for `5,83 miljarder`). Values closer than half a step are equal.
    pub precision: f64,
    /// The scale word as written (`miljarder`), if any.
    pub scale_word: Option<String>,
    /// The factor of the scale word (1e9 for `miljarder`; 1 without one).
    pub scale: f64,
    /// The digits as written, without separators (`583`): tells a moved decimal mark or
    /// a changed scale from a changed value.
    pub digits: String,
}

impl Figure {
    /// A reading for people: `5.83 × 10⁹ USD, approx.`
    pub fn reading(&self) -> String {
        let mut out = format_value(self.value, self.kind);
        if let Some(upper) = self.upper {
            out.push_str(" – ");
            out.push_str(&format_value(upper, self.kind));
        }
        if let Some(unit) = &self.unit {
            out.push(' ');
            out.push_str(match unit.as_str() {
                "percent" => "%",
                "percentage_points" => "percentage points",
                other => other,
            });
        }
        if self.kind != FigureKind::Amount && self.kind != FigureKind::Percent {
            out.push_str(&format!(" ({})", self.kind.as_str()));
        }
        if self.approx {
            out.push_str(", approx.");
        }
        out
    }
}

/// Split `text` into runs of plain text and figures, in order: `(run, Some(figure index))` for
/// a figure's text, `(run, None)` between them. Every renderer of highlighted text uses it.
///
/// ```
/// use parallel_reader::figures::{extract, segments};
/// let text = "Sålt för 5,83 miljarder dollar i oktober 2025.";
/// let figures = extract(text, "sv");
/// let runs: Vec<(&str, Option<usize>)> = segments(text, &figures);
/// assert_eq!(runs, [("Sålt för ", None), ("5,83 miljarder dollar", Some(0)), (" i ", None),
///                   ("oktober 2025", Some(1)), (".", None)]);
/// ```
pub fn segments<'a>(text: &'a str, figures: &[Figure]) -> Vec<(&'a str, Option<usize>)> {
    let mut runs = Vec::with_capacity(2 * figures.len() + 1);
    let mut pos = 0;
    for (idx, figure) in figures.iter().enumerate() {
        let range = figure.byte_range.clone();
        let valid = range.start >= pos
            && range.end <= text.len()
            && text.is_char_boundary(range.start)
            && text.is_char_boundary(range.end);
        if !valid {
            continue;
        }
        if range.start > pos {
            runs.push((&text[pos..range.start], None));
        }
        runs.push((&text[range.clone()], Some(idx)));
        pos = range.end;
    }
    if pos < text.len() {
        runs.push((&text[pos..], None));
    }
    runs
}

/// `5.83e9` → `5.83 × 10⁹`; dates as `2025-11-11`; small numbers as they are.
pub fn format_value(value: f64, kind: FigureKind) -> String {
    if kind == FigureKind::Date {
        let v = value as u64;
        let (year, month, day) = (v / 10_000, (v / 100) % 100, v % 100);
        return match (year, day) {
            (0, 0) => format!("month {month:02}"),
            (0, _) => format!("--{month:02}-{day:02}"),
            (_, 0) => format!("{year}-{month:02}"),
            _ => format!("{year}-{month:02}-{day:02}"),
        };
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

/// Minus signs.
const MINUS: char = '\u{2212}';
/// Characters that group digits besides `.`, `,` and `'`: space, no-break space, narrow
/// no-break space, thin space.
const SPACES: [char; 4] = [' ', '\u{a0}', '\u{202f}', '\u{2009}'];

/// How a language writes numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lang {
    Sv,
    Nl,
    De,
    En,
    /// Decimal comma, unknown words.
    OtherComma,
    /// Decimal point, unknown words.
    OtherPoint,
}

impl Lang {
    fn from_code(code: &str) -> Self {
        match code {
            "sv" => Self::Sv,
            "nl" => Self::Nl,
            "de" => Self::De,
            "en" => Self::En,
            "zh" | "ja" | "ko" | "he" | "th" | "hi" => Self::OtherPoint,
            _ => Self::OtherComma,
        }
    }

    fn decimal_comma(self) -> bool {
        !matches!(self, Self::En | Self::OtherPoint)
    }
}

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

/// A scale word's factor, by language. German "Billion" is 10¹², English "billion" 10⁹.
fn scale_factor(word: &str, lang: Lang) -> Option<f64> {
    let lower = word.to_lowercase();
    let w = lower.trim_end_matches('.');
    let common = match w {
        "tusen" | "duizend" | "tausend" | "thousand" | "thousands" | "tsd" => Some(1e3),
        "miljon" | "miljoner" | "miljonen" | "miljoen" | "miljoenen" | "million" | "millionen"
        | "millions" | "mio" | "mln" | "mn" => Some(1e6),
        "miljard" | "miljarder" | "miljarden" | "milliarde" | "milliarden" | "mrd" | "mld"
        | "mdr" | "md" => Some(1e9),
        "biljon" | "biljoner" | "biljoen" | "biljoenen" | "billionen" | "bio" | "trillion"
        | "trillions" | "tn" | "trn" => Some(1e12),
        "bn" => Some(1e9),
        _ => None,
    };
    if common.is_some() {
        return common;
    }
    match (w, lang) {
        // "Billion" is 10¹² in German (and most continental languages), 10⁹ in English.
        ("billion" | "billions", Lang::En | Lang::OtherPoint) => Some(1e9),
        ("billion", _) => Some(1e12),
        ("m", Lang::En | Lang::OtherPoint) => Some(1e6),
        ("b" | "bln", Lang::En | Lang::OtherPoint) => Some(1e9),
        ("k", _) => Some(1e3),
        _ => None,
    }
}

/// Currency words and symbols → ISO 4217.
fn currency_word(word: &str) -> Option<&'static str> {
    let lower = word.to_lowercase();
    Some(match lower.as_str() {
        "dollar" | "dollars" | "dollarn" | "dollari" | "us-dollar" | "us-dollars" | "usd"
        | "usdollar" => "USD",
        "euro" | "euros" | "euron" | "eur" | "euro's" => "EUR",
        "yen" | "jpy" => "JPY",
        "yuan" | "renminbi" | "cny" | "rmb" => "CNY",
        "pund" | "pond" | "pfund" | "pound" | "pounds" | "gbp" => "GBP",
        "kronor" | "kronen" | "sek" | "kr" => "SEK",
        "franc" | "franken" | "francs" | "chf" => "CHF",
        "won" | "krw" => "KRW",
        _ => return None,
    })
}

/// Words that qualify a currency ("amerikanska dollar"); a different country changes it.
fn currency_qualifier(word: &str) -> Option<Option<&'static str>> {
    let lower = word.to_lowercase();
    Some(match lower.as_str() {
        "amerikanska" | "amerikansk" | "amerikaanse" | "amerikanische" | "amerikanischen"
        | "us" | "american" | "u.s." => None,
        "australiska" | "australische" | "australian" => Some("AUD"),
        "kanadensiska" | "canadese" | "kanadische" | "canadian" => Some("CAD"),
        "japanska" | "japanse" | "japanische" | "japanese" => None,
        "svenska" | "zweedse" | "schwedische" | "swedish" => None,
        _ => return None,
    })
}

fn currency_symbol(c: char) -> Option<&'static str> {
    Some(match c {
        '$' => "USD",
        '€' => "EUR",
        '£' => "GBP",
        '¥' => "JPY",
        '₩' => "KRW",
        '₹' => "INR",
        _ => return None,
    })
}

/// Unit words (not currencies) → canonical unit names shared by all languages.
fn unit_word(word: &str) -> Option<&'static str> {
    let lower = word.to_lowercase();
    let w = lower.as_str();
    Some(match w {
        "procent" | "prozent" | "percent" | "pct" | "procents" => "percent",
        "procentenheter" | "procentenhet" | "procentpunt" | "procentpunten" | "prozentpunkte"
        | "prozentpunkten" | "prozentpunkt" => "percentage_points",
        "gigawatt" | "gw" => "GW",
        "megawatt" | "mw" => "MW",
        "terawatt" | "tw" => "TW",
        "kilowatt" | "kw" => "kW",
        "aktier" | "aktie" | "aandelen" | "aandeel" | "aktien" | "shares" | "share" => "shares",
        "jobb" | "banen" | "jobs" | "arbeitsplätze" | "arbetstillfällen" => "jobs",
        "anställda" | "medewerkers" | "werknemers" | "mitarbeiter" | "beschäftigte"
        | "employees" | "staff" => "employees",
        "företag" | "bedrijven" | "unternehmen" | "firmen" | "companies" | "portföljföretag" => {
            "companies"
        }
        "år" | "åren" | "jaar" | "jaren" | "jahre" | "jahren" | "jahr" | "years" | "year" => {
            "years"
        }
        "månader" | "månad" | "maanden" | "maand" | "monate" | "monaten" | "monat" | "months"
        | "month" => "months",
        "veckor" | "vecka" | "weken" | "week" | "wochen" | "woche" | "weeks" => "weeks",
        "dagar" | "dag" | "dagen" | "tage" | "tagen" | "tag" | "days" | "day" => "days",
        "timmar" | "timme" | "uur" | "uren" | "stunden" | "stunde" | "hours" | "hour" => "hours",
        "minuter" | "minuters" | "minuten" | "minute" | "minutes" | "minuut" => "minutes",
        "meilen" | "mijl" | "miles" | "mil" => "miles",
        "kilometer" | "km" | "kilometern" => "km",
        "investeringar" | "investeringen" | "investitionen" | "investments" => "investments",
        "gånger" | "keer" | "mal" | "times" => "times",
        "faldig" | "faldiga" | "voudig" | "voudige" | "fach" | "fache" | "fachen" | "fold" => {
            "fold"
        }
        "årige" | "åriga" | "jarige" | "jährige" | "jähriger" | "jährigen" => "years_old",
        _ => return None,
    })
}

/// Month names (sv, nl, de, en, with common abbreviations) → 1..=12.
///
/// ```
/// assert_eq!(parallel_reader::figures::month("Oktober"), Some(10));
/// assert_eq!(parallel_reader::figures::month("maart"), Some(3));
/// ```
pub fn month(word: &str) -> Option<u32> {
    let lower = word.to_lowercase();
    let w = lower.trim_end_matches('.');
    Some(match w {
        "januari" | "januar" | "january" | "jan" | "jänner" => 1,
        "februari" | "februar" | "february" | "feb" => 2,
        "mars" | "maart" | "märz" | "march" | "mar" | "mrt" => 3,
        "april" | "apr" => 4,
        "maj" | "mei" | "mai" | "may" => 5,
        "juni" | "june" | "jun" => 6,
        "juli" | "july" | "jul" => 7,
        "augusti" | "augustus" | "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "oktober" | "october" | "okt" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dezember" | "dec" | "dez" => 12,
        _ => return None,
    })
}

/// Approximation words that may stand right before a number (or its currency symbol).
fn approx_word(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "cirka"
            | "ca"
            | "circa"
            | "ungefär"
            | "nästan"
            | "drygt"
            | "runt"
            | "omkring"
            | "närmare"
            | "över"
            | "knappt"
            | "uppemot"
            | "ongeveer"
            | "bijna"
            | "ruim"
            | "rond"
            | "zowat"
            | "bijkans"
            | "ruwweg"
            | "etwa"
            | "rund"
            | "fast"
            | "knapp"
            | "ungefähr"
            | "nahezu"
            | "über"
            | "beinahe"
            | "about"
            | "around"
            | "nearly"
            | "almost"
            | "over"
            | "roughly"
            | "approximately"
            | "some"
            | "approx"
            | "circa."
    )
}

/// Two-word approximations: "mer än", "meer dan", "mehr als", "more than", "zo'n" (one word).
fn approx_pair(first: &str, second: &str) -> bool {
    matches!(
        (
            first.to_lowercase().as_str(),
            second.to_lowercase().as_str()
        ),
        ("mer" | "mindre", "än")
            | ("meer" | "minder", "dan")
            | ("mehr" | "weniger", "als")
            | ("more" | "less" | "fewer", "than")
            | ("upp" | "up", "till" | "to")
            | ("bis", "zu")
            | ("tot", "wel")
    ) || first.eq_ignore_ascii_case("zo'n")
        || first.eq_ignore_ascii_case("zo’n")
}

/// Words that open a range ended by "and": "mellan 150 och 200".
fn between_word(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "mellan" | "tussen" | "zwischen" | "between"
    )
}

/// Words joining the two ends of a range directly: "150 till 200".
fn range_word(word: &str) -> bool {
    matches!(word.to_lowercase().as_str(), "till" | "tot" | "bis" | "to")
}

fn and_word(word: &str) -> bool {
    matches!(word.to_lowercase().as_str(), "och" | "en" | "und" | "and")
}

/// Ordinal suffixes written right after the digits: "21st", "19e", "19:e", "3rd".
fn ordinal_suffix(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "st" | "nd" | "rd" | "th" | "e" | "de" | "ste" | "te"
    )
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

/// German ordinals need a following noun that takes them: "19. Jahrhundert", "3. Quartal".
fn is_ordinal_noun(word: &str) -> bool {
    let lower = word.to_lowercase();
    [
        "jahrhundert",
        "quartal",
        "platz",
        "stelle",
        "jahrestag",
        "mal",
        "runde",
        "stock",
        "klasse",
    ]
    .iter()
    .any(|noun| lower.starts_with(noun))
}

/// "minuters" in "12-minutersbesök", "faldig" in "3 700-faldig": a unit at the start of a
/// compound.
fn compound_unit(word: &str) -> Option<&'static str> {
    let lower = word.to_lowercase();
    if let Some(unit) = unit_word(&lower) {
        return Some(unit);
    }
    const PREFIXES: [(&str, &str); 14] = [
        ("minuter", "minutes"),
        ("minuten", "minutes"),
        ("minute", "minutes"),
        ("timm", "hours"),
        ("stünd", "hours"),
        ("faldig", "fold"),
        ("voudig", "fold"),
        ("fach", "fold"),
        ("fold", "fold"),
        ("årig", "years_old"),
        ("jarig", "years_old"),
        ("jährig", "years_old"),
        ("year", "years"),
        ("procent", "percent"),
    ];
    PREFIXES
        .iter()
        .find(|(prefix, _)| lower.starts_with(prefix))
        .map(|(_, unit)| *unit)
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

/// A compound that starts with a full month name: "decemberkvartalet" → 12.
fn compound_month(word: &str) -> Option<u32> {
    const MONTHS: [(&str, u32); 24] = [
        ("januar", 1),
        ("februar", 2),
        ("april", 4),
        ("juni", 6),
        ("juli", 7),
        ("august", 8),
        ("september", 9),
        ("oktober", 10),
        ("october", 10),
        ("november", 11),
        ("december", 12),
        ("dezember", 12),
        ("maart", 3),
        ("märz", 3),
        ("janu", 1),
        ("febru", 2),
        ("augusti", 8),
        ("augustus", 8),
        ("sept", 9),
        ("okto", 10),
        ("novem", 11),
        ("decem", 12),
        ("dezem", 12),
        ("mars", 3),
    ];
    let lower = word.to_lowercase();
    let (prefix, m) = MONTHS.iter().find(|(name, _)| lower.starts_with(name))?;
    let rest = &lower[prefix.len()..];
    (rest.chars().count() >= 3 && rest.chars().all(char::is_alphabetic)).then_some(*m)
}

/// Month names are matched in any of our languages, but English "May" and "March" only with a
/// capital (they are also ordinary words), and "mars"/"mar" not in English.
fn month_in(lang: Lang) -> impl Fn(&str) -> Option<u32> {
    move |word: &str| {
        let m = month(word)?;
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        let lower = word.to_lowercase();
        if lang == Lang::En && !capital {
            return None;
        }
        if lang != Lang::En && matches!(lower.as_str(), "may" | "march" | "mar") && !capital {
            return None;
        }
        Some(m)
    }
}

#[cfg(test)]
mod tests;
