//! The figure reader against an independent oracle: CLDR, the Unicode locale data behind every
//! operating system's number formatting, through ICU4X.
//!
//! For every supported locale ICU4X writes thousands of figures — plain decimals, percents,
//! amounts with the currency's symbol, narrow symbol, ISO code and full name, compact forms
//! (`5,8 md`, `$5.8B`, `5,8 Milliarden`) and compact amounts — each is put in a sentence of
//! that language, and the reader must recover its value, its currency or percent. Nothing here
//! was written by the people who wrote the reader's tables.

use fixed_decimal::Decimal;
use icu_decimal::{CompactDecimalFormatter, DecimalFormatter};
use icu_experimental::dimension::currency::CurrencyType;
use icu_experimental::dimension::currency::formatter::CurrencyFormatter;
use icu_experimental::dimension::percent::formatter::PercentFormatter;
use icu_locale_core::Locale;
use parallel_reader::figures::extract;

/// A locale, the reader's language code, and a sentence of that language around `{}`.
const LOCALES: [(&str, &str, &str); 11] = [
    ("sv-SE", "sv", "Intäkten var {} i fjol, enligt bolaget."),
    (
        "nl-NL",
        "nl",
        "De omzet was {} vorig jaar, meldt het bedrijf.",
    ),
    (
        "de-DE",
        "de",
        "Der Umsatz lag bei {} im Vorjahr, teilte das Unternehmen mit.",
    ),
    ("en-US", "en", "Revenue was {} last year, the company said."),
    ("en-GB", "en", "Revenue was {} last year, the company said."),
    (
        "fr-FR",
        "fr",
        "Le chiffre d'affaires était de {} l'an dernier, selon le groupe.",
    ),
    (
        "es-ES",
        "es",
        "Los ingresos fueron de {} el año pasado, según la empresa.",
    ),
    (
        "it-IT",
        "it",
        "Il fatturato è stato di {} l'anno scorso, secondo l'azienda.",
    ),
    (
        "da-DK",
        "da",
        "Omsætningen var {} sidste år, oplyser selskabet.",
    ),
    (
        "nb-NO",
        "nb",
        "Inntektene var {} i fjor, opplyser selskapet.",
    ),
    (
        "pl-PL",
        "pl",
        "Przychody wyniosły {} w zeszłym roku, podała spółka.",
    ),
];

/// Sentences without a figure, with the words that look like one (articles, "one", letters
/// that are scale abbreviations elsewhere).
const WITHOUT_FIGURES: [(&str, &str); 10] = [
    (
        "sv",
        "Hon köpte en bil och ett hus på landet, och M. Berg log.",
    ),
    ("nl", "Een man kocht een huis aan de rand van de stad."),
    (
        "de",
        "Eine Frau kaufte ein Haus und einen Wagen in der Stadt.",
    ),
    (
        "en",
        "One of them bought a house, a T-shirt and a B-side record.",
    ),
    ("fr", "Un homme a acheté une maison, dit M. Dupont."),
    ("es", "Un hombre compró una casa en la ciudad."),
    ("it", "Un uomo ha comprato una casa in città."),
    ("da", "En mand købte et hus i byen."),
    ("nb", "En mann kjøpte et hus i byen."),
    ("pl", "Mężczyzna kupił dom w mieście."),
];

const DECIMALS: [&str; 16] = [
    "7",
    "42",
    "250",
    "1234",
    "98765",
    "1234567",
    "5.83",
    "12.5",
    "0.75",
    "3.141",
    "1000000.25",
    "-42.5",
    "-1234.56",
    "45678.9",
    "100000",
    "2.5",
];
const PERCENTS: [&str; 8] = ["5", "4.9", "12.5", "0.5", "-2.5", "100", "33.33", "1234.5"];
const AMOUNTS: [&str; 7] = [
    "1234.5",
    "5.83",
    "42",
    "1000000",
    "-1234.5",
    "0.99",
    "250000.75",
];
const WHOLE_AMOUNTS: [&str; 4] = ["1234", "42", "-1234", "5000000"];
const COMPACT: [&str; 10] = [
    "1200",
    "35000",
    "750000",
    "1200000",
    "35000000",
    "750000000",
    "5800000000",
    "12000000000",
    "2500000000000",
    "640000",
];
const CURRENCIES: [&str; 9] = [
    "USD", "EUR", "GBP", "JPY", "SEK", "NOK", "DKK", "CHF", "PLN",
];
/// Narrow symbols that name one currency ("kr" is any krone, "$" is any dollar).
const NARROW_CURRENCIES: [&str; 4] = ["EUR", "GBP", "JPY", "PLN"];

/// One written figure and what it means.
struct Written {
    text: String,
    value: f64,
    unit: Option<&'static str>,
    what: &'static str,
}

/// Pseudo-random values with `decimals` decimals, across nine orders of magnitude (a fixed
/// sequence, so that a failure repeats).
fn generated(count: usize, decimals: u32, seed: u64) -> Vec<String> {
    let mut state = seed;
    (0..count)
        .map(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let digits = 1 + (state >> 60) % 9;
            let whole = (state >> 20) % 10u64.pow(digits as u32);
            let fraction = (state >> 8) % 10u64.pow(decimals);
            let sign = if state.is_multiple_of(7) { "-" } else { "" };
            if decimals == 0 {
                format!("{sign}{whole}")
            } else {
                format!(
                    "{sign}{whole}.{fraction:0width$}",
                    width = decimals as usize
                )
            }
        })
        .collect()
}

fn decimal(value: &str) -> Decimal {
    value.parse().expect("a decimal")
}

fn number(value: &str) -> f64 {
    value.parse().expect("a number")
}

/// Everything CLDR writes for one locale.
fn written(locale: &Locale) -> Vec<Written> {
    let mut out = Vec::new();
    let decimals = DecimalFormatter::try_new(locale.into(), Default::default()).expect("data");
    for value in DECIMALS {
        let text = decimals.format(&decimal(value)).to_string();
        out.push(Written {
            text,
            value: number(value),
            unit: None,
            what: "decimal",
        });
    }
    let percents = PercentFormatter::try_new(locale.into(), Default::default()).expect("data");
    for value in PERCENTS {
        let text = percents.format(&decimal(value)).to_string();
        out.push(Written {
            text,
            value: number(value),
            unit: Some("percent"),
            what: "percent",
        });
    }
    let short =
        CompactDecimalFormatter::try_new_short(locale.into(), Default::default()).expect("data");
    let long =
        CompactDecimalFormatter::try_new_long(locale.into(), Default::default()).expect("data");
    for value in COMPACT {
        for (formatter, what) in [(&short, "compact short"), (&long, "compact long")] {
            let text = formatter.format(&decimal(value)).to_string();
            out.push(Written {
                text,
                value: number(value),
                unit: None,
                what,
            });
        }
    }
    for code in CURRENCIES {
        out.extend(amounts(locale, code));
    }
    out
}

/// Amounts in `code`, every way CLDR writes them in `locale`.
fn amounts(locale: &Locale, code: &'static str) -> Vec<Written> {
    let mut out = Vec::new();
    let currency = CurrencyType::try_from_str(code).expect("a currency code");
    let decimals = if code == "JPY" { 0 } else { 2 };
    let more = generated(12, decimals, code.bytes().map(u64::from).sum());
    let fixed: &[&str] = if code == "JPY" {
        &WHOLE_AMOUNTS
    } else {
        &AMOUNTS
    };
    let values: Vec<&str> = fixed
        .iter()
        .copied()
        .chain(more.iter().map(String::as_str))
        .collect();
    let symbol = CurrencyFormatter::try_new_symbol(locale.into(), currency, Default::default())
        .expect("data");
    let iso =
        CurrencyFormatter::try_new_code(locale.into(), currency, Default::default()).expect("data");
    let name = CurrencyFormatter::try_new_name(locale.into(), currency).expect("data");
    let narrow =
        CurrencyFormatter::try_new_symbol_narrow(locale.into(), currency, Default::default())
            .expect("data");
    for value in &values {
        let mut forms = vec![
            (
                symbol.format_fixed_decimal(&decimal(value)).to_string(),
                "symbol",
            ),
            (
                iso.format_fixed_decimal(&decimal(value)).to_string(),
                "code",
            ),
            (
                name.format_fixed_decimal(&decimal(value)).to_string(),
                "name",
            ),
        ];
        if NARROW_CURRENCIES.contains(&code) {
            forms.push((
                narrow.format_fixed_decimal(&decimal(value)).to_string(),
                "narrow",
            ));
        }
        for (text, what) in forms {
            out.push(Written {
                text,
                value: number(value),
                unit: Some(code),
                what,
            });
        }
    }
    let compact_symbol =
        CurrencyFormatter::try_new_compact_symbol(locale.into(), currency, Default::default())
            .expect("data");
    let compact_code =
        CurrencyFormatter::try_new_compact_code(locale.into(), currency, Default::default())
            .expect("data");
    let compact_name =
        CurrencyFormatter::try_new_compact_long_name(locale.into(), currency).expect("data");
    for value in &COMPACT[3..] {
        for (formatter, what) in [
            (&compact_symbol, "compact symbol"),
            (&compact_code, "compact code"),
        ] {
            let text = formatter.format_fixed_decimal(&decimal(value)).to_string();
            out.push(Written {
                text,
                value: number(value),
                unit: Some(code),
                what,
            });
        }
        let text = compact_name
            .format_fixed_decimal(&decimal(value))
            .to_string();
        out.push(Written {
            text,
            value: number(value),
            unit: Some(code),
            what: "compact name",
        });
    }
    out
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

#[test]
fn the_reader_recovers_what_cldr_writes_in_every_locale() {
    let mut report = Vec::new();
    let mut worst = 1.0f64;
    let mut total = 0;
    for (tag, lang, sentence) in LOCALES {
        let locale: Locale = tag.parse().expect("a locale");
        let cases = written(&locale);
        let mut failures = Vec::new();
        for case in &cases {
            let text = sentence.replace("{}", &case.text);
            let figures = extract(&text, lang);
            let right = figures.len() == 1
                && close(figures[0].value, case.value)
                && figures[0].unit.as_deref() == case.unit;
            if !right {
                let got: Vec<String> = figures
                    .iter()
                    .map(|f| format!("{:?} {} {:?}", f.text, f.value, f.unit))
                    .collect();
                failures.push(format!(
                    "{tag} {}: {:?} → {got:?}, wanted {} {:?}",
                    case.what, case.text, case.value, case.unit
                ));
            }
        }
        let rate = 1.0 - failures.len() as f64 / cases.len() as f64;
        worst = worst.min(rate);
        total += cases.len();
        report.push(format!(
            "{tag}: {:.1} % of {} ({} wrong)",
            rate * 100.0,
            cases.len(),
            failures.len()
        ));
        report.extend(failures.into_iter().take(40));
    }
    eprintln!("{total} figures written by CLDR\n{}", report.join("\n"));
    assert!(total > 3000, "{total}");
    assert!(worst >= 0.99, "{}", report.join("\n"));
}

#[test]
fn sentences_without_a_figure_give_none() {
    for (lang, sentence) in WITHOUT_FIGURES {
        let figures = extract(sentence, lang);
        assert!(figures.is_empty(), "{lang} {sentence:?}: {figures:?}");
    }
}
