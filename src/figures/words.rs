//! The words around numbers, per language: scale words, currencies, units, months,
//! approximation and range words, ordinal suffixes.

/// How a language writes numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Lang {
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
    pub(super) fn from_code(code: &str) -> Self {
        match code {
            "sv" => Self::Sv,
            "nl" => Self::Nl,
            "de" => Self::De,
            "en" => Self::En,
            "zh" | "ja" | "ko" | "he" | "th" | "hi" => Self::OtherPoint,
            _ => Self::OtherComma,
        }
    }

    pub(super) fn decimal_comma(self) -> bool {
        !matches!(self, Self::En | Self::OtherPoint)
    }
}

/// A scale word's factor, by language. German "Billion" is 10¹², English "billion" 10⁹.
pub(super) fn scale_factor(word: &str, lang: Lang) -> Option<f64> {
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
pub(super) fn currency_word(word: &str) -> Option<&'static str> {
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
pub(super) fn currency_qualifier(word: &str) -> Option<Option<&'static str>> {
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

/// Currency symbols → ISO 4217.
pub(super) fn currency_symbol(c: char) -> Option<&'static str> {
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
pub(super) fn unit_word(word: &str) -> Option<&'static str> {
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
pub(super) fn approx_word(word: &str) -> bool {
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
pub(super) fn approx_pair(first: &str, second: &str) -> bool {
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
pub(super) fn between_word(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "mellan" | "tussen" | "zwischen" | "between"
    )
}

/// Words joining the two ends of a range directly: "150 till 200".
pub(super) fn range_word(word: &str) -> bool {
    matches!(word.to_lowercase().as_str(), "till" | "tot" | "bis" | "to")
}

/// "And" between the two ends of a range opened by a between-word.
pub(super) fn and_word(word: &str) -> bool {
    matches!(word.to_lowercase().as_str(), "och" | "en" | "und" | "and")
}

/// Ordinal suffixes written right after the digits: "21st", "19e", "19:e", "3rd".
pub(super) fn ordinal_suffix(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "st" | "nd" | "rd" | "th" | "e" | "de" | "ste" | "te"
    )
}

/// German ordinals need a following noun that takes them: "19. Jahrhundert", "3. Quartal".
pub(super) fn is_ordinal_noun(word: &str) -> bool {
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
pub(super) fn compound_unit(word: &str) -> Option<&'static str> {
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

/// A compound that starts with a full month name: "decemberkvartalet" → 12.
pub(super) fn compound_month(word: &str) -> Option<u32> {
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
pub(super) fn month_in(lang: Lang) -> impl Fn(&str) -> Option<u32> {
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
