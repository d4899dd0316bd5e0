//! Figures: numbers in text, read as a reader reads them.
//!
//! A [`Figure`] is a number with its meaning: value (and upper end for ranges), scale, unit,
//! kind, whether it is approximate, and its byte range in the paragraph. [`extract`] reads all
//! figures of a paragraph in a given language.
//!
//! Everything language-specific is data: one table per language in [`tables`] (Swedish, Dutch,
//! German, English, French, Spanish, Italian, Danish, Norwegian Bokmål and Polish); the reader
//! knows no word of any language. Other languages read digits, symbols and ISO codes, with the
//! decimal mark guessed from the language code. What it understands:
//! - decimal marks and grouping by language: `5,83` and `1,176` are decimals in sv/nl/de/…
//!   and `100.000`, `100 000` (space, no-break space, narrow no-break space) are groupings;
//!   English writes `5.83` and `100,000`. `3 700-faldig` is 3700; a Unicode minus is a minus.
//! - scale words, abbreviations and false friends: `miljarder`, `md`, `mld.`, `Mrd.`, `Md`,
//!   `mia.`, `bn`; German *Billion*, Dutch *biljoen*, French *billion*, Spanish *billón* and
//!   Swedish `bn` are 10¹² (English *trillion*); compact `$2.5T`, `750M`, `1,2K`; scales that
//!   multiply (`mil millones`, `mila miliardi`).
//! - currencies as symbols, words or ISO codes, before or after the number as each language
//!   writes them (`$ 5,83 miljard`, `5,83 Mrd. $`, `181,00 US$`, `SEK1,234.50`, `750 mkr`,
//!   `dólares estadounidenses`), negative amounts (`-€1,234.00`, `US$ -1.234,50`),
//!   percentages, percentage points and counted things (shares, jobs, gigawatts, years, …).
//! - German compounds that carry scale and currency: `500-Milliarden-Dollar-Initiative`.
//! - numbers in words: `två år`, `tre miljarder dollar`, `en halv miljard`, `twenty-two`,
//!   `zweiundzwanzig`; an article is a number only before a scale word (`en miljard`).
//! - ranges of one kind (`150 till 200 miljarder dollar`, `tussen de $ 700 miljoen en $ 4
//!   miljard`): both ends, with a scale or unit written once applied to both.
//! - years, fiscal years (`2019/2020`), decades (`1990er`, `1990-talet`), dates (`11 november
//!   2025`, `11 de noviembre de 2025`, `November 11, 2025`), times of day (`14:30`, `kl. 14.30`,
//!   `16 Uhr`, `om 16 uur`, `14 h 30`, `2:30 pm`), ordinals (`19. Jahrhundert`, `21st`),
//!   approximation words (cirka, ongeveer, etwa, about, environ, około, …).
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

pub mod compare;
mod format;
mod lexer;
mod read;
pub mod tables;

pub use format::format_value;
pub use read::extract;
pub use tables::month_any as month;

/// The unit of a crown whose country the text does not name: Polish *koron*, German *Kronen*,
/// English *crowns* or *kroner* (Danish or Norwegian). Swedish *kronor*, Danish *kroner* and
/// Norwegian *kroner* are their own country's; a named country (*koron duńskich*, *Danish
/// crowns*) makes any of them that country's.
pub const ANY_CROWN: &str = "crowns";

/// The currencies called crowns.
const CROWNS: [&str; 5] = ["SEK", "NOK", "DKK", "ISK", "CZK"];

/// Two units that may name the same thing: the same unit, a crown of no named country and any
/// crown (`55,2 mia. kr.` in Danish is `55,2 mld koron` in Polish), or years and an age in
/// years, which French and Spanish write alike (`âgé de 58 ans` is `58-year-old`).
///
/// ```
/// use parallel_reader::figures::{units_agree, ANY_CROWN};
/// assert!(units_agree("DKK", ANY_CROWN) && units_agree(ANY_CROWN, "SEK"));
/// assert!(!units_agree("DKK", "SEK") && !units_agree(ANY_CROWN, "EUR"));
/// ```
pub fn units_agree(a: &str, b: &str) -> bool {
    a == b
        || (a == ANY_CROWN && CROWNS.contains(&b))
        || (b == ANY_CROWN && CROWNS.contains(&a))
        || matches!((a, b), ("years", "years_old") | ("years_old", "years"))
}

/// A unit that is money: an ISO 4217 code or a crown of no named country.
pub fn is_currency(unit: &str) -> bool {
    unit == ANY_CROWN || (unit.len() == 3 && unit.bytes().all(|b| b.is_ascii_uppercase()))
}

/// A currency called crowns (SEK, NOK, DKK, ISK, CZK) or a crown of no named country.
pub fn is_crown(unit: &str) -> bool {
    unit == ANY_CROWN || CROWNS.contains(&unit)
}

/// The unit a figure is known by across languages, whatever its country: every crown is one.
pub fn unit_family(unit: &str) -> &str {
    if CROWNS.contains(&unit) {
        ANY_CROWN
    } else {
        unit
    }
}

/// A date's value (`YYYYMMDD`) as year, month and day; unknown parts are 0.
pub fn date_parts(value: f64) -> (u64, u64, u64) {
    let v = value as u64;
    (v / 10_000, (v / 100) % 100, v % 100)
}

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
    /// A time of day, as `HHMM` on the 24-hour clock (`14:30`, `kl. 14.30`, `2:30 pm`).
    Time,
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
            Self::Time => "time",
            Self::Count => "count",
        }
    }
}

/// A figure by its paragraph and its position in that paragraph's figure list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FigureRef {
    /// Paragraph index in its document.
    pub paragraph: usize,
    /// Index in the paragraph's figures.
    pub figure: usize,
}

/// A number in the text with its meaning.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The text read, e.g. `5,83 miljarder dollar`.
    pub text: String,
    /// Where it is in the paragraph (bytes).
    pub byte_range: Range<usize>,
    /// The value, scale applied (5.83e9). Dates are `YYYYMMDD`, times of day `HHMM`.
    pub value: f64,
    /// The upper end of a range.
    pub upper: Option<f64>,
    /// ISO 4217 currency code, [`ANY_CROWN`], `percent`, `percentage_points`, or another unit
    /// (`shares`, `GW`).
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
    /// Written in words (`två år`, `tre miljarder dollar`), not in digits.
    #[serde(default)]
    pub in_words: bool,
    /// Joined by a hyphen to the lower-case word before it (`covid-19`, `topp-10`): as often
    /// part of a name as a count, so never a finding on its own when the other rendering has
    /// no equal (`covid-19-pandemin` is `coronapandemie`). Not after an approximation word
    /// (`über-50-Jährige` counts people) nor for a year (`mid-2025`).
    #[serde(default)]
    pub after_word: bool,
    /// A fraction in digits (`2/3`) or a Roman numeral (`XXIe siècle`), which the other
    /// rendering may write in words that are not read (`dwóch trzecich`, `Fifth Republic`):
    /// never a finding on its own against a rendering with nothing of its kind left.
    #[serde(default)]
    pub may_be_in_words: bool,
    /// A date in digits whose order of day and month is a guess (`11/12/2025`: 11 December in
    /// most languages, November 12 in American English): it also agrees with the date read the
    /// other way round.
    #[serde(default)]
    pub day_month_swappable: bool,
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

#[cfg(test)]
mod tests;
