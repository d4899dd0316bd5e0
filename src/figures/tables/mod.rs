//! Everything language-specific about figures, as data: one [`Table`] per language.
//!
//! A table gives the decimal mark, the scale words (with plural forms and abbreviations), the
//! currency words, symbols and codes and on which side of the number they stand, counted units,
//! month names, number words, ordinal suffixes, approximation and range words. The reader
//! (`figures::read`) knows no word of any language; it asks the [`PhraseTable`] built from a table.
//! Adding a language is adding a table here (and a line in [`TABLES`]).
//!
//! Every entry is a phrase, written as it appears in text (`"mer än"`, `"US-Dollar"`, `"kr."`,
//! `"mil millones"`): it is cut into tokens the way the reader cuts text, and matched token by
//! token, letters case-insensitively unless the entry is listed as written with its case
//! (`"M"`, `"K"`, ISO codes).

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::lexer::{Tok, Token, tokenize};

mod da;
mod de;
mod en;
mod es;
mod fr;
mod intl;
mod it;
mod nb;
mod nl;
mod pl;
mod sv;

/// Every language with a table.
pub const TABLES: [&Table; 10] = [
    &sv::TABLE,
    &nl::TABLE,
    &de::TABLE,
    &en::TABLE,
    &fr::TABLE,
    &es::TABLE,
    &it::TABLE,
    &da::TABLE,
    &nb::TABLE,
    &pl::TABLE,
];

/// Where a currency word, symbol or code stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// Before the number (`$ 5`, `US$5`).
    Before,
    /// After the number (and its scale): `5 dollar`, `5 Mrd. €`.
    After,
    /// Either side (`€ 5`, `5 €`, `SEK 5`, `5 SEK`).
    Both,
}

/// How a language writes 21 in words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compound {
    /// Tens then units, joined by this (`twenty-two`, `tjugotvå`).
    TensUnits(&'static str),
    /// Units then tens, joined by one of these (`zweiundzwanzig`, `tweeëntwintig`).
    UnitsTens(&'static [&'static str]),
}

/// The figures vocabulary of one language.
#[derive(Debug)]
pub struct Table {
    /// ISO 639-1 code.
    pub code: &'static str,
    /// Other codes that mean the same table (`no` for `nb`).
    pub aliases: &'static [&'static str],
    /// The decimal mark: `,` or `.`.
    pub decimal: char,
    /// Scale words, plural forms and abbreviations: `("miljarder", 1e9)`, `("Mrd.", 1e9)`.
    /// Consecutive scale words multiply (`mil millones`, `mila miliardi`).
    pub scales: &'static [(&'static str, f64)],
    /// Scale abbreviations that only count glued to the digits (`5bn`, `$2.5T`), as written.
    pub glued_scales: &'static [(&'static str, f64)],
    /// Currency words and abbreviations → ISO 4217, and where they stand.
    pub currencies: &'static [(&'static str, &'static str, Place)],
    /// Currency abbreviations that only count glued to the digits (`345p`, pence): the code.
    pub glued_currencies: &'static [(&'static str, &'static str)],
    /// Currency abbreviations that carry a scale (`mkr` = 10⁶ kronor), after the number.
    pub scaled_currencies: &'static [(&'static str, &'static str, f64)],
    /// Words naming a currency's country, before or after its word (`amerikanska dollar`,
    /// `dólares estadounidenses`): the currency they make, or `None` to keep the word's own.
    pub qualifiers: &'static [(&'static str, Option<&'static str>)],
    /// Counted units → canonical unit names shared by every language (`percent`, `years`).
    pub units: &'static [(&'static str, &'static str)],
    /// Unit words that start a compound after a hyphen (`12-minutersbesök`).
    pub compound_units: &'static [(&'static str, &'static str)],
    /// Month names and abbreviations → 1..=12.
    pub months: &'static [(&'static str, u32)],
    /// Month names that are also ordinary words: months only when capitalised (English May).
    pub capitalised_months: &'static [&'static str],
    /// The day may follow the month (`November 11, 2025`, `June 21`), as in English; where it
    /// may not, `oktober 13 projekt` is a month and a count of 13.
    pub day_after_month: bool,
    /// Words joining day, month and year (`11 de noviembre de 2025`).
    pub date_joiners: &'static [&'static str],
    /// Words for a century, before or after a Roman numeral that they make an ordinal
    /// (`siglo XXI`, `XXI wieku`); a Roman numeral with an ordinal suffix needs none (`XXIe`).
    pub century_words: &'static [&'static str],
    /// Words before a time of day, and whether they are strong: a strong one makes a bare hour
    /// a time (`kl. 16`, `klockan 14.30`); a weak one needs minutes or a time suffix too
    /// (`om 14.30`, `om 16 uur`, `à 14 h`). `14:30` is a time in every language.
    pub time_words: &'static [(&'static str, bool)],
    /// Words after a time of day, strong or weak the same way: `16 Uhr` is a time, `48 uur` and
    /// `12 h` are hours, `14.30 uur` and `14 h 30` are times.
    pub time_suffixes: &'static [(&'static str, bool)],
    /// The marks of the 12-hour clock, and whether they are the afternoon: `("pm", true)`.
    pub meridiems: &'static [(&'static str, bool)],
    /// Number words: 0–20, tens, hundred, thousand, dozen.
    pub numbers: &'static [(&'static str, f64)],
    /// Words for one that are also articles, and halves (`en halv`): a figure only before a
    /// scale word or a unit (`en miljard`, `ett halvt år`).
    pub numbers_before_scale: &'static [(&'static str, f64)],
    /// How 21 is written in words.
    pub compound_numbers: Option<Compound>,
    /// Ordinal suffixes after the digits (`21st`, `19:e`, `3e`).
    pub ordinal_suffixes: &'static [&'static str],
    /// Nouns that make `19.` an ordinal (`19. Jahrhundert`); empty where a dot is not ordinal.
    pub ordinal_nouns: &'static [&'static str],
    /// Suffixes after a year that make it a decade (`1990er`, `1990s`, `1990-talet`).
    pub decade_suffixes: &'static [&'static str],
    /// Approximation words and phrases before a number (`cirka`, `mer än`, `zo'n`).
    pub approx: &'static [&'static str],
    /// Words for a minus sign before a number (`minus 5 grader`).
    pub minus: &'static [&'static str],
    /// Words that open a range closed by an "and" word (`mellan`, `zwischen`).
    pub between: &'static [&'static str],
    /// Words between the two ends of a range (`till`, `bis`, `to`).
    pub range_to: &'static [&'static str],
    /// "And" (`och`, `und`), between the ends of a range opened by a between word.
    pub and: &'static [&'static str],
    /// Articles that may stand between a between word and the number (`tussen de $ 700`).
    pub range_articles: &'static [&'static str],
}

/// What a phrase of the lexicon means.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Meaning {
    /// A scale word.
    Scale(f64),
    /// A scale abbreviation that only counts glued to the digits.
    GluedScale(f64),
    /// A currency.
    Currency(&'static str, Place),
    /// A currency abbreviation that only counts glued to the digits (`345p`).
    GluedCurrency(&'static str),
    /// A currency abbreviation with its scale (`mkr`).
    ScaledCurrency(&'static str, f64),
    /// A currency's country.
    Qualifier(Option<&'static str>),
    /// A counted unit.
    Unit(&'static str),
    /// A unit at the start of a compound.
    CompoundUnit(&'static str),
    /// A month.
    Month(u32),
    /// A month only when capitalised.
    CapitalisedMonth(u32),
    /// A word joining the parts of a date.
    DateJoiner,
    /// A word for a century.
    CenturyWord,
    /// A word before a time of day (strong: it makes a bare hour one).
    TimeWord(bool),
    /// A word after a time of day (strong: it makes a bare hour one).
    TimeSuffix(bool),
    /// A mark of the 12-hour clock (true: the afternoon).
    Meridiem(bool),
    /// A number word.
    Number(f64),
    /// A number word that counts only before a scale word or a unit.
    NumberBeforeScale(f64),
    /// An ordinal suffix.
    OrdinalSuffix,
    /// A noun that makes `19.` an ordinal.
    OrdinalNoun,
    /// A decade suffix.
    DecadeSuffix,
    /// An approximation.
    Approx,
    /// A minus sign in words.
    Minus,
    /// Opens a range.
    Between,
    /// Joins the ends of a range.
    RangeTo,
    /// "And".
    And,
    /// An article after a between word.
    RangeArticle,
    /// The percent sign, or a word that is one.
    Percent,
}

/// A token of a phrase: a word (lower case, or as written for entries with their case), or a
/// symbol.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Piece {
    Word(String),
    Sym(char),
}

impl Piece {
    fn fits(&self, token: &Token<'_>, cased: bool) -> bool {
        match (self, token.tok) {
            (Self::Word(word), Tok::Word) if cased => word == token.text,
            (Self::Word(word), Tok::Word) => token
                .text
                .chars()
                .flat_map(char::to_lowercase)
                .eq(word.chars()),
            (Self::Sym(c), Tok::Sym(d)) => *c == d,
            _ => false,
        }
    }
}

#[derive(Clone, Debug)]
struct Entry {
    pieces: Vec<Piece>,
    meaning: Meaning,
    /// Matched with its letter case (`M`, `USD`).
    cased: bool,
}

impl Entry {
    /// Whether the phrase is written at `tokens[at..]`. Inside a phrase symbols are glued to
    /// their neighbours (`US-Dollar`, `kr.`, `US$`); words may be apart (`mer än`).
    fn fits(&self, tokens: &[Token<'_>], at: usize) -> bool {
        at + self.pieces.len() <= tokens.len()
            && self.pieces.iter().enumerate().all(|(k, piece)| {
                let token = &tokens[at + k];
                let glued = k == 0
                    || !token.space_before
                    || !(matches!(piece, Piece::Sym(_))
                        || matches!(self.pieces[k - 1], Piece::Sym(_)));
                glued && piece.fits(token, self.cased)
            })
    }
}

/// A table compiled for lookups: phrases by their first token.
#[derive(Debug)]
pub struct PhraseTable {
    /// The table it was built from.
    pub table: &'static Table,
    /// Phrases starting with a word, by the word in lower case.
    words: FxHashMap<String, Vec<Entry>>,
    /// Phrases starting with a word written with its case, by the word as written.
    cased_words: FxHashMap<String, Vec<Entry>>,
    /// Phrases starting with a symbol.
    symbols: FxHashMap<char, Vec<Entry>>,
    /// The same phrases by their last token, for reading backwards from a number.
    last_words: FxHashMap<String, Vec<Entry>>,
    last_cased_words: FxHashMap<String, Vec<Entry>>,
    last_symbols: FxHashMap<char, Vec<Entry>>,
    /// The tens (20–90) and the units (1–9) in words, in lower case.
    tens: Vec<(String, f64)>,
    units: Vec<(String, f64)>,
    /// Words that can start number words (lower case): a quick no for every other word.
    number_starts: FxHashSet<String>,
    /// First bytes of every word that can start number words, compounds included.
    number_first_bytes: FirstBytes,
}

/// The lower-case form of a word, allocating only when it has capitals.
pub fn lower(word: &str) -> std::borrow::Cow<'_, str> {
    let has_capitals = if word.is_ascii() {
        word.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        word.chars().any(char::is_uppercase)
    };
    if has_capitals {
        std::borrow::Cow::Owned(word.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}

/// A set of first bytes, for a quick no before a lookup.
#[derive(Debug, Default)]
struct FirstBytes([u64; 4]);

impl FirstBytes {
    fn of<'w>(words: impl IntoIterator<Item = &'w str>) -> Self {
        let mut set = Self::default();
        for word in words {
            if let Some(&byte) = word.as_bytes().first() {
                set.0[usize::from(byte / 64)] |= 1 << (byte % 64);
            }
        }
        set
    }

    fn contains(&self, word: &str) -> bool {
        word.as_bytes()
            .first()
            .is_some_and(|&byte| self.0[usize::from(byte / 64)] & (1 << (byte % 64)) != 0)
    }
}

/// Phrases written in capitals (`M`, `K`, `USD`, `US$`) are matched as written; the others in
/// any case.
fn is_cased(phrase: &str) -> bool {
    let mut letters = phrase.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(char::is_uppercase)
}

impl PhraseTable {
    fn new(table: &'static Table) -> Self {
        let numbers: FxHashMap<String, f64> = table
            .numbers
            .iter()
            .map(|(word, value)| (word.to_lowercase(), *value))
            .collect();
        let pick = |keep: fn(f64) -> bool| -> Vec<(String, f64)> {
            let mut list: Vec<(String, f64)> = numbers
                .iter()
                .filter(|(_, v)| keep(**v))
                .map(|(w, v)| (w.clone(), *v))
                .collect();
            list.sort_by(|a, b| a.0.cmp(&b.0));
            list
        };
        let tens = pick(|v| (20.0..100.0).contains(&v) && v % 10.0 == 0.0);
        let units = pick(|v| (1.0..10.0).contains(&v));
        let number_starts: FxHashSet<String> = table
            .numbers
            .iter()
            .chain(table.numbers_before_scale)
            .filter_map(|(phrase, _)| phrase.split([' ', '-']).next())
            .map(str::to_lowercase)
            .collect();
        let number_first_bytes = FirstBytes::of(
            number_starts.iter().map(String::as_str).chain(
                number_starts
                    .iter()
                    .map(|w| w.to_uppercase())
                    .collect::<Vec<_>>()
                    .iter()
                    .map(String::as_str),
            ),
        );
        let mut lexicon = Self {
            table,
            words: FxHashMap::default(),
            cased_words: FxHashMap::default(),
            symbols: FxHashMap::default(),
            last_words: FxHashMap::default(),
            last_cased_words: FxHashMap::default(),
            last_symbols: FxHashMap::default(),
            tens,
            units,
            number_starts,
            number_first_bytes,
        };
        lexicon.add_table(table);
        lexicon.add_table(&intl::TABLE);
        for list in lexicon
            .words
            .values_mut()
            .chain(lexicon.cased_words.values_mut())
            .chain(lexicon.symbols.values_mut())
            .chain(lexicon.last_words.values_mut())
            .chain(lexicon.last_cased_words.values_mut())
            .chain(lexicon.last_symbols.values_mut())
        {
            // Longest phrases first, so that "mil millones" wins over "mil".
            list.sort_by_key(|entry| std::cmp::Reverse(entry.pieces.len()));
        }
        lexicon
    }

    fn add(&mut self, phrase: &str, meaning: Meaning) {
        let cased = is_cased(phrase);
        let pieces: Vec<Piece> = tokenize(phrase)
            .iter()
            .map(|token| match token.tok {
                Tok::Sym(c) => Piece::Sym(c),
                Tok::Word | Tok::Num if cased => Piece::Word(token.text.to_owned()),
                Tok::Word | Tok::Num => Piece::Word(token.text.to_lowercase()),
            })
            .collect();
        let entry = Entry {
            pieces,
            meaning,
            cased,
        };
        let last = match entry.pieces.last() {
            Some(Piece::Word(word)) if cased => {
                self.last_cased_words.entry(word.clone()).or_default()
            }
            Some(Piece::Word(word)) => self.last_words.entry(word.clone()).or_default(),
            Some(Piece::Sym(c)) => self.last_symbols.entry(*c).or_default(),
            None => return,
        };
        last.push(entry.clone());
        let first = match entry.pieces.first() {
            Some(Piece::Word(word)) if cased => self.cased_words.entry(word.clone()).or_default(),
            Some(Piece::Word(word)) => self.words.entry(word.clone()).or_default(),
            Some(Piece::Sym(c)) => self.symbols.entry(*c).or_default(),
            None => return,
        };
        first.push(entry);
    }

    fn add_table(&mut self, table: &'static Table) {
        for &(phrase, factor) in table.scales {
            self.add(phrase, Meaning::Scale(factor));
        }
        for &(phrase, factor) in table.glued_scales {
            self.add(phrase, Meaning::GluedScale(factor));
        }
        for &(phrase, code, place) in table.currencies {
            self.add(phrase, Meaning::Currency(code, place));
        }
        for &(phrase, code) in table.glued_currencies {
            self.add(phrase, Meaning::GluedCurrency(code));
        }
        for &(phrase, code, factor) in table.scaled_currencies {
            self.add(phrase, Meaning::ScaledCurrency(code, factor));
        }
        for &(phrase, code) in table.qualifiers {
            self.add(phrase, Meaning::Qualifier(code));
        }
        for &(phrase, unit) in table.units {
            let meaning = if unit == "percent" {
                Meaning::Percent
            } else {
                Meaning::Unit(unit)
            };
            self.add(phrase, meaning);
        }
        for &(phrase, unit) in table.compound_units {
            self.add(phrase, Meaning::CompoundUnit(unit));
        }
        for &(phrase, month) in table.months {
            let meaning = if table.capitalised_months.contains(&phrase) {
                Meaning::CapitalisedMonth(month)
            } else {
                Meaning::Month(month)
            };
            self.add(phrase, meaning);
        }
        let lists: [(&[&str], Meaning); 11] = [
            (table.date_joiners, Meaning::DateJoiner),
            (table.century_words, Meaning::CenturyWord),
            (table.ordinal_suffixes, Meaning::OrdinalSuffix),
            (table.ordinal_nouns, Meaning::OrdinalNoun),
            (table.decade_suffixes, Meaning::DecadeSuffix),
            (table.approx, Meaning::Approx),
            (table.minus, Meaning::Minus),
            (table.between, Meaning::Between),
            (table.range_to, Meaning::RangeTo),
            (table.and, Meaning::And),
            (table.range_articles, Meaning::RangeArticle),
        ];
        for (phrases, meaning) in lists {
            for phrase in phrases {
                self.add(phrase, meaning);
            }
        }
        for &(phrase, strong) in table.time_words {
            self.add(phrase, Meaning::TimeWord(strong));
        }
        for &(phrase, strong) in table.time_suffixes {
            self.add(phrase, Meaning::TimeSuffix(strong));
        }
        for &(phrase, pm) in table.meridiems {
            self.add(phrase, Meaning::Meridiem(pm));
        }
        for &(phrase, value) in table.numbers {
            self.add(phrase, Meaning::Number(value));
        }
        for &(phrase, value) in table.numbers_before_scale {
            self.add(phrase, Meaning::NumberBeforeScale(value));
        }
    }

    /// The longest phrase that starts at `tokens[at]` and means something that fits `wanted`,
    /// with the index of the token after it. Inside a phrase symbols are glued to their
    /// neighbours (`US-Dollar`, `kr.`, `US$`); words may be apart (`mer än`).
    pub fn matches(
        &self,
        tokens: &[Token<'_>],
        at: usize,
        wanted: impl Fn(Meaning) -> bool,
    ) -> Option<(Meaning, usize)> {
        let first = tokens.get(at)?;
        let none: &[Entry] = &[];
        let (cased, folded): (&[Entry], &[Entry]) = match first.tok {
            Tok::Sym(c) => (self.symbols.get(&c).map_or(none, Vec::as_slice), none),
            Tok::Word | Tok::Num => (
                self.cased_words.get(first.text).map_or(none, Vec::as_slice),
                self.words
                    .get(lower(first.text).as_ref())
                    .map_or(none, Vec::as_slice),
            ),
        };
        let mut best: Option<(Meaning, usize)> = None;
        for entry in cased.iter().chain(folded) {
            let end = at + entry.pieces.len();
            if end > tokens.len()
                || best.is_some_and(|(_, best_end)| best_end >= end)
                || !wanted(entry.meaning)
            {
                continue;
            }
            if entry.fits(tokens, at) {
                best = Some((entry.meaning, end));
            }
        }
        best
    }

    /// The longest phrase that ends right before `tokens[end]` and fits `wanted`, with the
    /// index of its first token.
    pub fn matches_ending(
        &self,
        tokens: &[Token<'_>],
        end: usize,
        wanted: impl Fn(Meaning) -> bool,
    ) -> Option<(Meaning, usize)> {
        let last = tokens.get(end.checked_sub(1)?)?;
        let none: &[Entry] = &[];
        let (cased, folded): (&[Entry], &[Entry]) = match last.tok {
            Tok::Sym(c) => (self.last_symbols.get(&c).map_or(none, Vec::as_slice), none),
            Tok::Word | Tok::Num => (
                self.last_cased_words
                    .get(last.text)
                    .map_or(none, Vec::as_slice),
                self.last_words
                    .get(lower(last.text).as_ref())
                    .map_or(none, Vec::as_slice),
            ),
        };
        for entry in cased.iter().chain(folded) {
            let Some(start) = end.checked_sub(entry.pieces.len()) else {
                continue;
            };
            if wanted(entry.meaning) && entry.fits(tokens, start) {
                return Some((entry.meaning, start));
            }
        }
        None
    }

    /// Number words at `tokens[at]`: (value, token after them, counts only before a scale
    /// word or a unit). "tre", "tjugotvå", "twenty-two", "zweiundzwanzig", "en halv".
    pub fn number_words(&self, tokens: &[Token<'_>], at: usize) -> Option<(f64, usize, bool)> {
        let first = tokens.get(at).filter(|t| t.tok == Tok::Word)?;
        // Compounds start with a tens or a units word too: the first byte tells most words no.
        if !self.number_first_bytes.contains(first.text) {
            return None;
        }
        let lowered = lower(first.text);
        let compound = self.compound_number(tokens, at, &lowered);
        if compound.is_none() && !self.number_starts.contains(lowered.as_ref()) {
            return None;
        }
        let word = match self.matches(tokens, at, |m| {
            matches!(m, Meaning::Number(_) | Meaning::NumberBeforeScale(_))
        }) {
            Some((Meaning::Number(v), after)) => Some((v, after, false)),
            Some((Meaning::NumberBeforeScale(v), after)) => Some((v, after, true)),
            _ => None,
        };
        match (word, compound) {
            (Some((_, after, _)), Some((value, end))) if end > after => Some((value, end, false)),
            (Some(found), _) => Some(found),
            (None, Some((value, end))) => Some((value, end, false)),
            (None, None) => None,
        }
    }

    /// Tens and units in words, the way the language joins them: "tjugotvå", "twenty-two",
    /// "zweiundzwanzig", "treinta y dos". `lowered` is the first word in lower case.
    fn compound_number(
        &self,
        tokens: &[Token<'_>],
        at: usize,
        lowered: &str,
    ) -> Option<(f64, usize)> {
        let compound = self.table.compound_numbers?;
        match compound {
            Compound::TensUnits("") => self.tens.iter().find_map(|(tens_word, tens)| {
                let rest = lowered.strip_prefix(tens_word.as_str())?;
                let (_, unit) = self.units.iter().find(|(word, _)| word == rest)?;
                Some((tens + unit, at + 1))
            }),
            Compound::TensUnits(joiner) => {
                let (_, tens) = self.tens.iter().find(|(word, _)| word == lowered)?;
                let joiner: Vec<Token<'_>> = tokenize(joiner);
                let unit_at = at + 1 + joiner.len();
                let joined = joiner.iter().enumerate().all(|(k, piece)| {
                    tokens.get(at + 1 + k).is_some_and(|t| {
                        t.text.eq_ignore_ascii_case(piece.text)
                            && (piece.tok == Tok::Word || !t.space_before)
                    })
                });
                let unit_token = tokens.get(unit_at).filter(|t| t.tok == Tok::Word)?;
                let glued_joiner = joiner.iter().any(|t| t.tok != Tok::Word);
                if !joined || (glued_joiner && unit_token.space_before) {
                    return None;
                }
                let unit_word = lower(unit_token.text);
                let (_, unit) = self.units.iter().find(|(word, _)| *word == unit_word)?;
                Some((tens + unit, unit_at + 1))
            }
            Compound::UnitsTens(joiners) => self.units.iter().find_map(|(unit_word, unit)| {
                let rest = lowered.strip_prefix(unit_word.as_str())?;
                let tens = joiners.iter().find_map(|joiner| {
                    let tens_word = rest.strip_prefix(joiner)?;
                    self.tens
                        .iter()
                        .find(|(word, _)| word == tens_word)
                        .map(|(_, v)| *v)
                })?;
                Some((tens + unit, at + 1))
            }),
        }
    }

    /// Whether a phrase starting at `tokens[at]` means something that fits `wanted`.
    pub fn is(&self, tokens: &[Token<'_>], at: usize, wanted: impl Fn(Meaning) -> bool) -> bool {
        self.matches(tokens, at, wanted).is_some()
    }
}

/// The table of a language code (`sv`, `nb`, `no`, …); `None` for a language without one.
pub fn table(code: &str) -> Option<&'static Table> {
    TABLES
        .iter()
        .copied()
        .find(|t| t.code == code || t.aliases.contains(&code))
}

/// The lexicon of a language code; languages without a table get the fallback, which knows
/// symbols and ISO codes and guesses the decimal mark.
pub fn lexicon(code: &str) -> &'static PhraseTable {
    static LEXICONS: OnceLock<Vec<PhraseTable>> = OnceLock::new();
    let lexicons = LEXICONS.get_or_init(|| {
        TABLES
            .iter()
            .copied()
            .chain([&intl::POINT, &intl::COMMA])
            .map(PhraseTable::new)
            .collect()
    });
    let position = TABLES
        .iter()
        .position(|t| t.code == code || t.aliases.contains(&code))
        .unwrap_or_else(|| {
            // Languages that write a decimal point; the rest of the world writes a comma.
            if matches!(code, "zh" | "ja" | "ko" | "he" | "th" | "hi" | "ms" | "tl") {
                TABLES.len()
            } else {
                TABLES.len() + 1
            }
        });
    &lexicons[position]
}

/// A word written as a unit or currency code that every language reads (`GW`, `kWh`, `USD`):
/// a symbol, not a name.
pub fn is_unit_symbol(word: &str) -> bool {
    intl::TABLE.units.iter().any(|(phrase, _)| *phrase == word)
        || intl::TABLE
            .currencies
            .iter()
            .any(|(phrase, _, _)| *phrase == word)
}

/// A month name in any language with a table (for matching dates across languages).
pub fn month_any(word: &str) -> Option<u32> {
    struct Month {
        month: u32,
        capitalised_only: bool,
    }
    static MONTHS: OnceLock<FxHashMap<String, Vec<Month>>> = OnceLock::new();
    let months = MONTHS.get_or_init(|| {
        let mut map: FxHashMap<String, Vec<Month>> = FxHashMap::default();
        for table in TABLES {
            for (name, month) in table.months {
                map.entry(name.trim_end_matches('.').to_lowercase())
                    .or_default()
                    .push(Month {
                        month: *month,
                        capitalised_only: table.capitalised_months.contains(name),
                    });
            }
        }
        map
    });
    let capital = word.chars().next().is_some_and(char::is_uppercase);
    months
        .get(lower(word.trim_end_matches('.')).as_ref())?
        .iter()
        .find(|m| capital || !m.capitalised_only)
        .map(|m| m.month)
}
