//! Table-driven tests of figure reading, per language.

use super::*;

/// (value, upper, unit, kind, approx) of every figure read.
type Read = (f64, Option<f64>, Option<&'static str>, FigureKind, bool);

/// What [`read`] returns for each figure.
type Got = (f64, Option<f64>, Option<String>, FigureKind, bool);

fn read(lang: &str, text: &str) -> Vec<Got> {
    extract(text, lang)
        .into_iter()
        .map(|f| (f.value, f.upper, f.unit, f.kind, f.approx))
        .collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// A language, a text, and the figures it holds.
type Case = (&'static str, &'static str, &'static [Read]);

fn check(cases: &[Case]) {
    for (lang, text, expected) in cases {
        let got = read(lang, text);
        let same = got.len() == expected.len()
            && got.iter().zip(expected.iter()).all(|(g, e)| {
                close(g.0, e.0)
                    && match (g.1, e.1) {
                        (Some(a), Some(b)) => close(a, b),
                        (None, None) => true,
                        _ => false,
                    }
                    && g.2.as_deref() == e.2
                    && g.3 == e.3
                    && g.4 == e.4
            });
        assert!(
            same,
            "{lang} {text:?}\n got      {got:?}\n expected {expected:?}"
        );
    }
}

use FigureKind::{Amount, Count, Date, Ordinal, Percent, Time, Year};

const DECIMAL_MARKS_AND_GROUPING_BY_LANGUAGE: &[Case] = &[
    ("sv", "5,83", &[(5.83, None, None, Count, false)]),
    ("nl", "5,83", &[(5.83, None, None, Count, false)]),
    ("de", "5,83", &[(5.83, None, None, Count, false)]),
    ("en", "5.83", &[(5.83, None, None, Count, false)]),
    ("sv", "1,176", &[(1.176, None, None, Count, false)]),
    ("nl", "1,176", &[(1.176, None, None, Count, false)]),
    ("en", "1,176", &[(1176.0, None, None, Count, false)]),
    ("nl", "100.000", &[(100_000.0, None, None, Count, false)]),
    ("de", "100.000", &[(100_000.0, None, None, Count, false)]),
    ("en", "100,000", &[(100_000.0, None, None, Count, false)]),
    ("sv", "100 000", &[(100_000.0, None, None, Count, false)]),
    (
        "sv",
        "100\u{a0}000",
        &[(100_000.0, None, None, Count, false)],
    ),
    (
        "sv",
        "100\u{202f}000",
        &[(100_000.0, None, None, Count, false)],
    ),
    (
        "sv",
        "1 000 000",
        &[(1_000_000.0, None, None, Count, false)],
    ),
    (
        "de",
        "1.000.000",
        &[(1_000_000.0, None, None, Count, false)],
    ),
    (
        "en",
        "1,000,000.5",
        &[(1_000_000.5, None, None, Count, false)],
    ),
    (
        "de",
        "1.000.000,25",
        &[(1_000_000.25, None, None, Count, false)],
    ),
    (
        "sv",
        "3 700-faldig",
        &[(3700.0, None, Some("fold"), Count, false)],
    ),
    (
        "nl",
        "3700-voudige",
        &[(3700.0, None, Some("fold"), Count, false)],
    ),
    ("sv", "−3,5", &[(-3.5, None, None, Count, false)]),
    ("en", "-3.5", &[(-3.5, None, None, Count, false)]),
    (
        "nl",
        "5.375 miljard",
        &[(5.375e12, None, None, Count, false)],
    ),
    (
        "nl",
        "5,375 miljard",
        &[(5.375e9, None, None, Count, false)],
    ),
    // A copied English decimal in a decimal-comma language.
    ("sv", "5.83", &[(5.83, None, None, Count, false)]),
    // Two numbers, not one: a space only groups thousands.
    (
        "sv",
        "år 2025 1 000 gånger",
        &[
            (2025.0, None, None, Year, false),
            (1000.0, None, Some("times"), Count, false),
        ],
    ),
    (
        "sv",
        "2019, 2020 och 2021",
        &[
            (2019.0, None, None, Year, false),
            (2020.0, None, None, Year, false),
            (2021.0, None, None, Year, false),
        ],
    ),
];

#[test]
fn decimal_marks_and_grouping_by_language() {
    check(DECIMAL_MARKS_AND_GROUPING_BY_LANGUAGE);
}

const SCALE_WORDS_AND_FALSE_FRIENDS: &[Case] = &[
    ("sv", "32,1 miljoner", &[(32.1e6, None, None, Count, false)]),
    ("sv", "1 miljon", &[(1e6, None, None, Count, false)]),
    (
        "sv",
        "5,83 miljarder",
        &[(5.83e9, None, None, Count, false)],
    ),
    ("sv", "1 miljard", &[(1e9, None, None, Count, false)]),
    ("sv", "2,5 biljoner", &[(2.5e12, None, None, Count, false)]),
    ("sv", "1 biljon", &[(1e12, None, None, Count, false)]),
    ("sv", "5 tusen", &[(5e3, None, None, Count, false)]),
    ("nl", "32,1 miljoen", &[(32.1e6, None, None, Count, false)]),
    ("nl", "5,83 miljard", &[(5.83e9, None, None, Count, false)]),
    ("nl", "2,5 biljoen", &[(2.5e12, None, None, Count, false)]),
    ("nl", "3 mln", &[(3e6, None, None, Count, false)]),
    ("nl", "3 mld", &[(3e9, None, None, Count, false)]),
    ("de", "1 Million", &[(1e6, None, None, Count, false)]),
    ("de", "5 Millionen", &[(5e6, None, None, Count, false)]),
    ("de", "1 Milliarde", &[(1e9, None, None, Count, false)]),
    (
        "de",
        "5,83 Milliarden",
        &[(5.83e9, None, None, Count, false)],
    ),
    ("de", "2,5 Billionen", &[(2.5e12, None, None, Count, false)]),
    ("de", "1 Billion", &[(1e12, None, None, Count, false)]),
    ("de", "5 Mio.", &[(5e6, None, None, Count, false)]),
    ("de", "5 Mrd.", &[(5e9, None, None, Count, false)]),
    ("de", "5 Bio.", &[(5e12, None, None, Count, false)]),
    ("en", "5 million", &[(5e6, None, None, Count, false)]),
    ("en", "5.83 billion", &[(5.83e9, None, None, Count, false)]),
    ("en", "2.5 trillion", &[(2.5e12, None, None, Count, false)]),
    ("en", "5m", &[(5e6, None, None, Count, false)]),
    ("en", "5bn", &[(5e9, None, None, Count, false)]),
    ("en", "5 bn", &[(5e9, None, None, Count, false)]),
    ("en", "2tn", &[(2e12, None, None, Count, false)]),
];

#[test]
fn scale_words_and_false_friends() {
    check(SCALE_WORDS_AND_FALSE_FRIENDS);
}

const CURRENCIES_BEFORE_AND_AFTER: &[Case] = &[
    (
        "sv",
        "5,83 miljarder dollar",
        &[(5.83e9, None, Some("USD"), Amount, false)],
    ),
    (
        "sv",
        "5,83 miljarder USD",
        &[(5.83e9, None, Some("USD"), Amount, false)],
    ),
    (
        "sv",
        "14 miljarder amerikanska dollar",
        &[(14e9, None, Some("USD"), Amount, false)],
    ),
    (
        "sv",
        "222 miljarder yen",
        &[(222e9, None, Some("JPY"), Amount, false)],
    ),
    (
        "sv",
        "12,1 miljarder euro",
        &[(12.1e9, None, Some("EUR"), Amount, false)],
    ),
    (
        "sv",
        "500 kronor",
        &[(500.0, None, Some("SEK"), Amount, false)],
    ),
    (
        "sv",
        "3 miljoner SEK",
        &[(3e6, None, Some("SEK"), Amount, false)],
    ),
    (
        "nl",
        "$ 5,83 miljard",
        &[(5.83e9, None, Some("USD"), Amount, false)],
    ),
    (
        "nl",
        "$5,83 miljard",
        &[(5.83e9, None, Some("USD"), Amount, false)],
    ),
    (
        "nl",
        "€ 12,1 miljard",
        &[(12.1e9, None, Some("EUR"), Amount, false)],
    ),
    (
        "nl",
        "16,2 miljard Amerikaanse dollar",
        &[(16.2e9, None, Some("USD"), Amount, false)],
    ),
    (
        "nl",
        "222 miljard yen",
        &[(222e9, None, Some("JPY"), Amount, false)],
    ),
    ("nl", "$235", &[(235.0, None, Some("USD"), Amount, false)]),
    (
        "de",
        "5,83 Milliarden US-Dollar",
        &[(5.83e9, None, Some("USD"), Amount, false)],
    ),
    (
        "de",
        "2,5 Billionen Yen",
        &[(2.5e12, None, Some("JPY"), Amount, false)],
    ),
    (
        "de",
        "500 Millionen Euro",
        &[(500e6, None, Some("EUR"), Amount, false)],
    ),
    (
        "de",
        "5 Mrd. Euro",
        &[(5e9, None, Some("EUR"), Amount, false)],
    ),
    (
        "en",
        "$5.83 billion",
        &[(5.83e9, None, Some("USD"), Amount, false)],
    ),
    (
        "en",
        "US$5.83 billion",
        &[(5.83e9, None, Some("USD"), Amount, false)],
    ),
    (
        "en",
        "USD 5.83 billion",
        &[(5.83e9, None, Some("USD"), Amount, false)],
    ),
    ("en", "EUR 12", &[(12.0, None, Some("EUR"), Amount, false)]),
    (
        "en",
        "£3 million",
        &[(3e6, None, Some("GBP"), Amount, false)],
    ),
    (
        "en",
        "¥222 billion",
        &[(222e9, None, Some("JPY"), Amount, false)],
    ),
    (
        "en",
        "10 Australian dollars",
        &[(10.0, None, Some("AUD"), Amount, false)],
    ),
    (
        "en",
        "$10 billion!",
        &[(10e9, None, Some("USD"), Amount, false)],
    ),
];

#[test]
fn currencies_before_and_after() {
    check(CURRENCIES_BEFORE_AND_AFTER);
}

const PERCENTAGES_AND_OTHER_UNITS: &[Case] = &[
    (
        "sv",
        "4,9 procent",
        &[(4.9, None, Some("percent"), Percent, false)],
    ),
    (
        "sv",
        "4,9 %",
        &[(4.9, None, Some("percent"), Percent, false)],
    ),
    (
        "nl",
        "59,65 procent",
        &[(59.65, None, Some("percent"), Percent, false)],
    ),
    (
        "de",
        "85 %",
        &[(85.0, None, Some("percent"), Percent, false)],
    ),
    (
        "de",
        "90 Prozent",
        &[(90.0, None, Some("percent"), Percent, false)],
    ),
    (
        "en",
        "4.9%",
        &[(4.9, None, Some("percent"), Percent, false)],
    ),
    (
        "en",
        "4.9 percent",
        &[(4.9, None, Some("percent"), Percent, false)],
    ),
    (
        "en",
        "4.9 per cent",
        &[(4.9, None, Some("percent"), Percent, false)],
    ),
    (
        "sv",
        "2 procentenheter",
        &[(2.0, None, Some("percentage_points"), Percent, false)],
    ),
    (
        "de",
        "2 Prozentpunkte",
        &[(2.0, None, Some("percentage_points"), Percent, false)],
    ),
    (
        "sv",
        "1,5 gigawatt",
        &[(1.5, None, Some("GW"), Count, false)],
    ),
    (
        "de",
        "10 Gigawatt",
        &[(10.0, None, Some("GW"), Count, false)],
    ),
    ("en", "10 GW", &[(10.0, None, Some("GW"), Count, false)]),
    (
        "sv",
        "32,1 miljoner aktier",
        &[(32.1e6, None, Some("shares"), Count, false)],
    ),
    (
        "nl",
        "32,1 miljoen aandelen",
        &[(32.1e6, None, Some("shares"), Count, false)],
    ),
    (
        "de",
        "32,1 Millionen Aktien",
        &[(32.1e6, None, Some("shares"), Count, false)],
    ),
    (
        "en",
        "32.1 million shares",
        &[(32.1e6, None, Some("shares"), Count, false)],
    ),
    (
        "sv",
        "inom 18 månader",
        &[(18.0, None, Some("months"), Count, false)],
    ),
    (
        "nl",
        "binnen 18 maanden",
        &[(18.0, None, Some("months"), Count, false)],
    ),
    (
        "sv",
        "på 14 år",
        &[(14.0, None, Some("years"), Count, false)],
    ),
    (
        "nl",
        "in 14 jaar",
        &[(14.0, None, Some("years"), Count, false)],
    ),
    (
        "sv",
        "ett 12-minutersbesök",
        &[(12.0, None, Some("minutes"), Count, false)],
    ),
    (
        "nl",
        "bezoek van 12 minuten",
        &[(12.0, None, Some("minutes"), Count, false)],
    ),
    (
        "sv",
        "Den 68-årige",
        &[(68.0, None, Some("years_old"), Count, false)],
    ),
    (
        "nl",
        "De 68-jarige",
        &[(68.0, None, Some("years_old"), Count, false)],
    ),
    (
        "de",
        "80 Millionen Meilen",
        &[(80e6, None, Some("miles"), Count, false)],
    ),
    (
        "sv",
        "131 företag",
        &[(131.0, None, Some("companies"), Count, false)],
    ),
    (
        "nl",
        "131 bedrijven",
        &[(131.0, None, Some("companies"), Count, false)],
    ),
];

#[test]
fn percentages_and_other_units() {
    check(PERCENTAGES_AND_OTHER_UNITS);
}

const RANGES_KEEP_BOTH_ENDS: &[Case] = &[
    (
        "sv",
        "150 till 200 miljarder dollar",
        &[(150e9, Some(200e9), Some("USD"), Amount, false)],
    ),
    (
        "sv",
        "cirka 150 till 200 miljarder amerikanska dollar",
        &[(150e9, Some(200e9), Some("USD"), Amount, true)],
    ),
    (
        "sv",
        "mellan 150 och 200 miljarder dollar",
        &[(150e9, Some(200e9), Some("USD"), Amount, false)],
    ),
    (
        "sv",
        "mellan 7,8 och 2,9 miljarder dollar",
        &[(7.8e9, Some(2.9e9), Some("USD"), Amount, false)],
    ),
    (
        "sv",
        "ungefär 700 miljoner till 4 miljarder dollar",
        &[(700e6, Some(4e9), Some("USD"), Amount, true)],
    ),
    (
        "sv",
        "100 000 till 25 000 jobb",
        &[(100_000.0, Some(25_000.0), Some("jobs"), Count, false)],
    ),
    (
        "nl",
        "tussen de $ 700 miljoen en $ 4 miljard",
        &[(700e6, Some(4e9), Some("USD"), Amount, false)],
    ),
    (
        "nl",
        "tussen de $ 7,8 en $ 2,9 miljard",
        &[(7.8e9, Some(2.9e9), Some("USD"), Amount, false)],
    ),
    (
        "nl",
        "zo'n 150 tot 200 miljard dollar",
        &[(150e9, Some(200e9), Some("USD"), Amount, true)],
    ),
    (
        "nl",
        "100.000 tot 25.000 banen",
        &[(100_000.0, Some(25_000.0), Some("jobs"), Count, false)],
    ),
    (
        "nl",
        "tussen de 10 en 20 bedrijven",
        &[(10.0, Some(20.0), Some("companies"), Count, false)],
    ),
    (
        "de",
        "zwischen 7,8 und 2,9 Milliarden",
        &[(7.8e9, Some(2.9e9), None, Count, false)],
    ),
    (
        "de",
        "zwischen 7,8 und 2,9 Milliarden US-Dollar",
        &[(7.8e9, Some(2.9e9), Some("USD"), Amount, false)],
    ),
    (
        "en",
        "between $700 million and $4 billion",
        &[(700e6, Some(4e9), Some("USD"), Amount, false)],
    ),
    (
        "en",
        "$150-200 billion",
        &[(150e9, Some(200e9), Some("USD"), Amount, false)],
    ),
    (
        "sv",
        "mellan 2017 och 2019",
        &[(2017.0, Some(2019.0), None, Year, false)],
    ),
    (
        "de",
        "2017–2019",
        &[(2017.0, Some(2019.0), None, Year, false)],
    ),
    // "and" without "between" joins two figures, not a range.
    (
        "sv",
        "2017 och 2019",
        &[
            (2017.0, None, None, Year, false),
            (2019.0, None, None, Year, false),
        ],
    ),
    (
        "nl",
        "$ 2 miljard en € 750 miljoen",
        &[
            (2e9, None, Some("USD"), Amount, false),
            (750e6, None, Some("EUR"), Amount, false),
        ],
    ),
];

#[test]
fn ranges_keep_both_ends() {
    check(RANGES_KEEP_BOTH_ENDS);
}

const YEARS_DATES_ORDINALS: &[Case] = &[
    (
        "sv",
        "I november 2025 bekräftade",
        &[(20251100.0, None, None, Date, false)],
    ),
    (
        "sv",
        "den 11 november 2025",
        &[(20251111.0, None, None, Date, false)],
    ),
    (
        "nl",
        "op 11 november 2025",
        &[(20251111.0, None, None, Date, false)],
    ),
    (
        "de",
        "am 11. November 2025",
        &[(20251111.0, None, None, Date, false)],
    ),
    (
        "en",
        "on November 11, 2025",
        &[(20251111.0, None, None, Date, false)],
    ),
    (
        "en",
        "On June 21, Son reviewed",
        &[(621.0, None, None, Date, false)],
    ),
    (
        "sv",
        "den 30 september",
        &[(930.0, None, None, Date, false)],
    ),
    (
        "en",
        "revenue for FY2026",
        &[(2026.0, None, None, Year, false)],
    ),
    // Dates in digits: day first, but for American English.
    (
        "de",
        "am 12.11.2025 um",
        &[(20251112.0, None, None, Date, false)],
    ),
    (
        "fr",
        "le 11/12/2025",
        &[(20251211.0, None, None, Date, false)],
    ),
    (
        "en",
        "on 11/12/2025",
        &[(20251112.0, None, None, Date, false)],
    ),
    (
        "en",
        "on 25/12/2025",
        &[(20251225.0, None, None, Date, false)],
    ),
    (
        "de",
        "1.234.567 Menschen",
        &[(1_234_567.0, None, None, Count, false)],
    ),
    // Polish months are inflected: "w grudniu" (in December) is the form before a year.
    (
        "pl",
        "w grudniu 2024 r.",
        &[(20241200.0, None, None, Date, false)],
    ),
    (
        "pl",
        "od 15 października 2025",
        &[(20251015.0, None, None, Date, false)],
    ),
    // Only English writes the day after the month: elsewhere a month before a number is a month
    // and a count ("in October, 13 projects").
    (
        "da",
        "afviste i oktober 13 havvindprojekter",
        &[(13.0, None, None, Count, false)],
    ),
    (
        "pl",
        "odrzucił w październiku 13 projektów",
        &[(13.0, None, None, Count, false)],
    ),
    (
        "sv",
        "stoppade i oktober 13 projekt",
        &[(13.0, None, None, Count, false)],
    ),
    (
        "nl",
        "eind maart 2025",
        &[(20250300.0, None, None, Date, false)],
    ),
    (
        "de",
        "im März 2025",
        &[(20250300.0, None, None, Date, false)],
    ),
    (
        "nl",
        " date 2025-12-22 De investering",
        &[(20251222.0, None, None, Date, false)],
    ),
    ("sv", "År 2019 sålde", &[(2019.0, None, None, Year, false)]),
    (
        "sv",
        "Under decemberkvartalet 2020",
        &[(20201200.0, None, None, Date, false)],
    ),
    (
        "de",
        "im Dezemberquartal 2020",
        &[(20201200.0, None, None, Date, false)],
    ),
    ("en", "in 2019 and", &[(2019.0, None, None, Year, false)]),
    (
        "sv",
        "räkenskapsåret 2019/2020",
        &[(2019.0, Some(2020.0), None, Year, false)],
    ),
    (
        "nl",
        "boekjaar 2025/2026",
        &[(2025.0, Some(2026.0), None, Year, false)],
    ),
    (
        "en",
        "fiscal 2024/25",
        &[(2024.0, Some(2025.0), None, Year, false)],
    ),
    (
        "de",
        "im 19. Jahrhundert",
        &[(19.0, None, None, Ordinal, false)],
    ),
    ("de", "im 3. Quartal", &[(3.0, None, None, Ordinal, false)]),
    (
        "en",
        "the 21st century",
        &[(21.0, None, None, Ordinal, false)],
    ),
    ("nl", "de 19e eeuw", &[(19.0, None, None, Ordinal, false)]),
    ("sv", "den 19:e", &[(19.0, None, None, Ordinal, false)]),
    (
        "de",
        "Ende der 1990er Jahre",
        &[(1990.0, None, None, Year, true)],
    ),
    ("en", "in the 1990s", &[(1990.0, None, None, Year, true)]),
    // A German sentence ending in a number is not an ordinal.
    (
        "de",
        "Die Zahl war 19. Danach",
        &[(19.0, None, None, Count, false)],
    ),
];

/// Pence are GBX. A crown whose country the text does not name is any crown; a named country,
/// or a language with a crown of its own, makes it that country's.
const CROWNS: &[Case] = &[
    (
        "fr",
        "un bénéfice de 3,3 G$",
        &[(3.3e9, None, Some("USD"), Amount, false)],
    ),
    (
        "es",
        "pérdidas por 4.500 mdd",
        &[(4.5e9, None, Some("USD"), Amount, false)],
    ),
    // A plus glued to a percentage is a change, not the start of a telephone number.
    (
        "it",
        "2,6 mld €, +8,4% su base annua",
        &[
            (2.6e9, None, Some("EUR"), Amount, false),
            (8.4, None, Some("percent"), Percent, false),
        ],
    ),
    ("de", "Tel. +49 89 674 804", &[]),
    // A hundred counts whole numbers; a change and a level are not a range.
    (
        "fr",
        "deux cents personnes",
        &[(200.0, None, None, Count, false)],
    ),
    ("fr", "à 71,2 cents", &[(71.2, None, None, Count, false)]),
    (
        "en",
        "fell 0.8% to 71.2 cents",
        &[
            (0.8, None, Some("percent"), Percent, false),
            (71.2, None, None, Count, false),
        ],
    ),
    // Pence, glued to the digits in English.
    (
        "en",
        "a 12p rise",
        &[(12.0, None, Some("GBX"), Amount, false)],
    ),
    (
        "en",
        "costs 139.9p a litre",
        &[(139.9, None, Some("GBX"), Amount, false)],
    ),
    (
        "nl",
        "kost 139,9 pence",
        &[(139.9, None, Some("GBX"), Amount, false)],
    ),
    ("en", "at 4 p.m.", &[(1600.0, None, None, Time, false)]),
    (
        "pl",
        "55,2 mld koron",
        &[(55.2e9, None, Some("crowns"), Amount, false)],
    ),
    (
        "pl",
        "55,2 mld koron duńskich",
        &[(55.2e9, None, Some("DKK"), Amount, false)],
    ),
    (
        "en",
        "55.2 billion Danish crowns",
        &[(55.2e9, None, Some("DKK"), Amount, false)],
    ),
    (
        "en",
        "40 billion crowns",
        &[(40e9, None, Some("crowns"), Amount, false)],
    ),
    (
        "en",
        "1.2 billion kroner",
        &[(1.2e9, None, Some("crowns"), Amount, false)],
    ),
    (
        "en",
        "1.2 billion kronor",
        &[(1.2e9, None, Some("SEK"), Amount, false)],
    ),
    (
        "de",
        "3 Milliarden Kronen",
        &[(3e9, None, Some("crowns"), Amount, false)],
    ),
    (
        "de",
        "3 Milliarden dänische Kronen",
        &[(3e9, None, Some("DKK"), Amount, false)],
    ),
    (
        "fr",
        "3 milliards de couronnes",
        &[(3e9, None, Some("crowns"), Amount, false)],
    ),
    (
        "es",
        "3.000 millones de coronas suecas",
        &[(3e9, None, Some("SEK"), Amount, false)],
    ),
    (
        "nl",
        "3 miljard kronen",
        &[(3e9, None, Some("crowns"), Amount, false)],
    ),
    (
        "da",
        "3 mia. kr.",
        &[(3e9, None, Some("DKK"), Amount, false)],
    ),
    (
        "nb",
        "3 milliarder danske kroner",
        &[(3e9, None, Some("DKK"), Amount, false)],
    ),
    (
        "nb",
        "3 milliarder kroner",
        &[(3e9, None, Some("NOK"), Amount, false)],
    ),
    (
        "sv",
        "3 miljarder kronor",
        &[(3e9, None, Some("SEK"), Amount, false)],
    ),
    // A crown named once is the paragraph's.
    (
        "da",
        "21,50 norske kroner pr. liter, 1,20 kroner mere",
        &[
            (21.5, None, Some("NOK"), Amount, false),
            (1.2, None, Some("NOK"), Amount, false),
        ],
    ),
    (
        "pl",
        "55,2 mld koron duńskich, w tym 250 mln koron",
        &[
            (55.2e9, None, Some("DKK"), Amount, false),
            (250e6, None, Some("DKK"), Amount, false),
        ],
    ),
];

#[test]
fn crowns_with_and_without_their_country() {
    check(CROWNS);
}

/// Halves and tenths in words.
const HALVES_AND_TENTHS: &[Case] = &[
    (
        "fr",
        "un demi-million de personnes",
        &[(5e5, None, None, Count, false)],
    ),
    (
        "it",
        "mezzo milione di persone",
        &[(5e5, None, None, Count, false)],
    ),
    (
        "es",
        "dos décimas menos",
        &[(0.2, None, None, Count, false)],
    ),
    (
        "it",
        "due decimi in meno",
        &[(0.2, None, None, Count, false)],
    ),
];

#[test]
fn halves_and_tenths_in_words() {
    check(HALVES_AND_TENTHS);
}

/// A minus in words is a minus sign.
const MINUS_IN_WORDS: &[Case] = &[
    ("da", "minus 5 grader", &[(-5.0, None, None, Count, false)]),
    ("pl", "minus 5 stopni", &[(-5.0, None, None, Count, false)]),
    (
        "de",
        "minus 3,5 Prozent",
        &[(-3.5, None, Some("percent"), Percent, false)],
    ),
    ("sv", "−5 grader", &[(-5.0, None, None, Count, false)]),
];

#[test]
fn minus_in_words() {
    check(MINUS_IN_WORDS);
}

/// Times of day: `HH:MM` everywhere; otherwise with the words that make a number one.
const TIMES_OF_DAY: &[Case] = &[
    (
        "sv",
        "mötet börjar kl. 14.30",
        &[(1430.0, None, None, Time, false)],
    ),
    ("sv", "klockan 9", &[(900.0, None, None, Time, false)]),
    (
        "da",
        "og slutter kl. 16.",
        &[(1600.0, None, None, Time, false)],
    ),
    ("nb", "klokka 07.45", &[(745.0, None, None, Time, false)]),
    ("pl", "o godz. 14:30", &[(1430.0, None, None, Time, false)]),
    (
        "pl",
        "zakończy o 16:00",
        &[(1600.0, None, None, Time, false)],
    ),
    ("de", "um 14.30 Uhr", &[(1430.0, None, None, Time, false)]),
    ("de", "ab 16 Uhr", &[(1600.0, None, None, Time, false)]),
    ("nl", "om 16 uur", &[(1600.0, None, None, Time, false)]),
    (
        "nl",
        "om 14.30 begint",
        &[(1430.0, None, None, Time, false)],
    ),
    ("fr", "à 14 h 30", &[(1430.0, None, None, Time, false)]),
    ("fr", "dès 14h30", &[(1430.0, None, None, Time, false)]),
    (
        "es",
        "a las 14.30 horas",
        &[(1430.0, None, None, Time, false)],
    ),
    ("it", "alle 14.30", &[(1430.0, None, None, Time, false)]),
    (
        "it",
        "finita verso le 13, il",
        &[(1300.0, None, None, Time, false)],
    ),
    ("it", "alle 20 squadre", &[(20.0, None, None, Count, false)]),
    ("de", "stieg um 12.", &[(12.0, None, None, Count, false)]),
    ("fr", "est passé à 5.", &[(5.0, None, None, Count, false)]),
    ("en", "at 2:30 pm", &[(1430.0, None, None, Time, false)]),
    (
        "en",
        "at 9 a.m. on Monday",
        &[(900.0, None, None, Time, false)],
    ),
    ("en", "at 12 pm", &[(1200.0, None, None, Time, false)]),
    ("en", "at 12:15 am", &[(15.0, None, None, Time, false)]),
    (
        "en",
        "from 14:30 to 16:00",
        &[
            (1430.0, None, None, Time, false),
            (1600.0, None, None, Time, false),
        ],
    ),
    // Hours, percentages, prices and scores are no times.
    (
        "nl",
        "binnen 48 uur",
        &[(48.0, None, Some("hours"), Count, false)],
    ),
    (
        "es",
        "durante 24 horas",
        &[(24.0, None, Some("hours"), Count, false)],
    ),
    (
        "it",
        "per 24 ore",
        &[(24.0, None, Some("hours"), Count, false)],
    ),
    (
        "de",
        "um 5 Prozent",
        &[(5.0, None, Some("percent"), Percent, false)],
    ),
    (
        "nl",
        "om 14,5 procent",
        &[(14.5, None, Some("percent"), Percent, false)],
    ),
    ("en", "closed at 1.50", &[(1.5, None, None, Count, false)]),
    ("sv", "kl. 25.10", &[(25.1, None, None, Count, false)]),
    (
        "pl",
        "wygrali 3:1",
        &[
            (3.0, None, None, Count, false),
            (1.0, None, None, Count, false),
        ],
    ),
];

#[test]
fn fractions_in_digits() {
    let read = |text: &str| {
        extract(text, "en")
            .into_iter()
            .map(|f| (f.text, f.may_be_in_words))
            .collect::<Vec<_>>()
    };
    assert_eq!(read("about 2/3 of voters"), [("2/3".to_owned(), true)]);
    assert!((extract("2/3", "en")[0].value - 2.0 / 3.0).abs() < 1e-9);
    // A date, a fiscal year, a numerator over its denominator and 24/7 are no fractions.
    for text in ["on 1/3/2025", "in 2019/2020", "24/7", "7/4", "rated 10/20"] {
        assert!(
            read(text).iter().all(|(_, fraction)| !fraction),
            "{text}: {:?}",
            read(text)
        );
    }
}

#[test]
fn roman_numerals_with_a_suffix_or_a_century() {
    let read = |lang: &str, text: &str| {
        extract(text, lang)
            .into_iter()
            .map(|f| (f.value, f.kind))
            .collect::<Vec<_>>()
    };
    assert_eq!(read("fr", "au XXIe siècle"), [(21.0, Ordinal)]);
    assert_eq!(read("fr", "la Ve République"), [(5.0, Ordinal)]);
    assert_eq!(read("fr", "François Ier"), [(1.0, Ordinal)]);
    assert_eq!(read("es", "en el siglo XXI"), [(21.0, Ordinal)]);
    assert_eq!(read("it", "nel XIX secolo"), [(19.0, Ordinal)]);
    assert_eq!(read("pl", "w XXI wieku"), [(21.0, Ordinal)]);
    // Words that look like numerals, numerals without a suffix or a century, and numerals
    // written the wrong way are no figures.
    for (lang, text) in [
        (
            "fr",
            "Ce matin, De nombreux élus, Le président, Mme Dupont, la Cie",
        ),
        ("en", "World War II, Henry VIII, Washington DC, MIX"),
        ("fr", "au IIIIe siècle, au VXe siècle"),
    ] {
        assert!(
            read(lang, text).is_empty(),
            "{lang} {text}: {:?}",
            read(lang, text)
        );
    }
}

#[test]
fn times_of_day() {
    check(TIMES_OF_DAY);
}

#[test]
fn years_dates_ordinals() {
    check(YEARS_DATES_ORDINALS);
}

const APPROXIMATION_WORDS: &[Case] = &[
    (
        "sv",
        "cirka 181 dollar",
        &[(181.0, None, Some("USD"), Amount, true)],
    ),
    ("sv", "ungefär 700", &[(700.0, None, None, Count, true)]),
    (
        "sv",
        "nästan 4 procent",
        &[(4.0, None, Some("percent"), Percent, true)],
    ),
    (
        "sv",
        "över 400 miljarder dollar",
        &[(400e9, None, Some("USD"), Amount, true)],
    ),
    (
        "sv",
        "mer än 10 miljarder dollar",
        &[(10e9, None, Some("USD"), Amount, true)],
    ),
    (
        "nl",
        "ongeveer $ 181",
        &[(181.0, None, Some("USD"), Amount, true)],
    ),
    (
        "nl",
        "bijna € 12,1 miljard",
        &[(12.1e9, None, Some("EUR"), Amount, true)],
    ),
    ("nl", "zo'n 150", &[(150.0, None, None, Count, true)]),
    (
        "nl",
        "meer dan 400 miljard dollar",
        &[(400e9, None, Some("USD"), Amount, true)],
    ),
    ("de", "etwa 5 Milliarden", &[(5e9, None, None, Count, true)]),
    (
        "de",
        "fast 50 Milliarden US-Dollar",
        &[(50e9, None, Some("USD"), Amount, true)],
    ),
    (
        "de",
        "über 500 Milliarden US-Dollar",
        &[(500e9, None, Some("USD"), Amount, true)],
    ),
    (
        "en",
        "about $3 billion",
        &[(3e9, None, Some("USD"), Amount, true)],
    ),
    (
        "en",
        "nearly 50%",
        &[(50.0, None, Some("percent"), Percent, true)],
    ),
    (
        "en",
        "over $150 billion",
        &[(150e9, None, Some("USD"), Amount, true)],
    ),
    (
        "sv",
        "den 5 biljoner dollar",
        &[(5e12, None, Some("USD"), Amount, false)],
    ),
];

#[test]
fn approximation_words() {
    check(APPROXIMATION_WORDS);
}

const CODES_AND_NAMES_ARE_NOT_FIGURES: &[Case] = &[
    ("sv", "B2B -handelsplattformar", &[]),
    ("sv", "under COVID-19-krisen", &[]),
    ("sv", "Under Covid-19-pandemin föll vaccinationerna", &[]),
    ("en", "the F-35 and the Covid-19 pandemic", &[]),
    (
        "en",
        "Mid-2025, the company",
        &[(2025.0, None, None, Year, false)],
    ),
    (
        "de",
        "für über-50-Jährige",
        &[(50.0, None, Some("years_old"), Count, false)],
    ),
    ("en", "5G networks and the A380", &[]),
    ("sv", "ring +49 89 674 804", &[]),
    (
        "en",
        "Vision Fund 2 and 3D",
        &[(2.0, None, None, Count, false)],
    ),
];

#[test]
fn codes_and_names_are_not_figures() {
    check(CODES_AND_NAMES_ARE_NOT_FIGURES);
}

/// A number joined by a hyphen to a lower-case word (the Swedish and Dutch spelling of
/// covid-19) is read, and marked as joined: it pairs with an equal but is never missing on its
/// own. A count after an approximation word, and a year, are not marked.
#[test]
fn numbers_joined_to_a_lower_case_word_are_marked() {
    let joined = |text: &str, lang: &str| -> Vec<(f64, bool)> {
        extract(text, lang)
            .iter()
            .map(|f| (f.value, f.after_word))
            .collect()
    };
    assert_eq!(joined("under covid-19-pandemin", "sv"), [(19.0, true)]);
    assert_eq!(joined("tijdens de covid-19-pandemie", "nl"), [(19.0, true)]);
    assert_eq!(joined("på topp-10-listan", "sv"), [(10.0, true)]);
    assert_eq!(joined("für über-50-Jährige", "de"), [(50.0, false)]);
    assert_eq!(joined("by mid-2025 the plant", "en"), [(2025.0, false)]);
    assert_eq!(joined("a 10-year plan", "en"), [(10.0, false)]);
    assert_eq!(joined("top 10", "en"), [(10.0, false)]);
}

/// The notations the figures issue found misread: a currency after the number, krona
/// abbreviations, abbreviated scales, negative amounts, German compounds, ranges across kinds.
const NOTATIONS_OF_THE_PRESS: &[Case] = &[
    // A currency after the number.
    ("sv", "181 €", &[(181.0, None, Some("EUR"), Amount, false)]),
    (
        "de",
        "181,00 US$",
        &[(181.0, None, Some("USD"), Amount, false)],
    ),
    (
        "de",
        "12,1 Milliarden €",
        &[(12.1e9, None, Some("EUR"), Amount, false)],
    ),
    (
        "de",
        "5,83 Mrd. $",
        &[(5.83e9, None, Some("USD"), Amount, false)],
    ),
    (
        "sv",
        "750 mn €",
        &[(750e6, None, Some("EUR"), Amount, false)],
    ),
    ("nl", "181 €", &[(181.0, None, Some("EUR"), Amount, false)]),
    // Swedish krona abbreviations.
    (
        "sv",
        "750 mkr",
        &[(750e6, None, Some("SEK"), Amount, false)],
    ),
    (
        "sv",
        "1,2 mdkr",
        &[(1.2e9, None, Some("SEK"), Amount, false)],
    ),
    (
        "sv",
        "450 tkr",
        &[(450e3, None, Some("SEK"), Amount, false)],
    ),
    ("sv", "75 Mkr", &[(75e6, None, Some("SEK"), Amount, false)]),
    ("sv", "3 Mdkr", &[(3e9, None, Some("SEK"), Amount, false)]),
    ("sv", "120 kr", &[(120.0, None, Some("SEK"), Amount, false)]),
    (
        "sv",
        "SEK 1,2 miljarder",
        &[(1.2e9, None, Some("SEK"), Amount, false)],
    ),
    (
        "sv",
        "300 norska kronor",
        &[(300.0, None, Some("NOK"), Amount, false)],
    ),
    // Abbreviated scale words and their false friends.
    (
        "sv",
        "5,8 md US$",
        &[(5.8e9, None, Some("USD"), Amount, false)],
    ),
    ("sv", "2,5 bn", &[(2.5e12, None, None, Count, false)]),
    ("en", "2.5 bn", &[(2.5e9, None, None, Count, false)]),
    (
        "nl",
        "5,8 mld. euro",
        &[(5.8e9, None, Some("EUR"), Amount, false)],
    ),
    (
        "nl",
        "750 mln. dollar",
        &[(750e6, None, Some("USD"), Amount, false)],
    ),
    ("nl", "2,5 bln.", &[(2.5e12, None, None, Count, false)]),
    ("en", "$2.5T", &[(2.5e12, None, Some("USD"), Amount, false)]),
    ("en", "¥2.5T", &[(2.5e12, None, Some("JPY"), Amount, false)]),
    ("en", "$750M", &[(750e6, None, Some("USD"), Amount, false)]),
    ("en", "$5.8B", &[(5.8e9, None, Some("USD"), Amount, false)]),
    ("en", "12K", &[(12e3, None, None, Count, false)]),
    (
        "en",
        "SEK1,234.50",
        &[(1234.5, None, Some("SEK"), Amount, false)],
    ),
    (
        "fr",
        "5,83 milliards de dollars",
        &[(5.83e9, None, Some("USD"), Amount, false)],
    ),
    (
        "fr",
        "1\u{202f}234\u{202f}567,89 €",
        &[(1_234_567.89, None, Some("EUR"), Amount, false)],
    ),
    ("fr", "2,5 billions", &[(2.5e12, None, None, Count, false)]),
    (
        "es",
        "5,8 mil millones de dólares",
        &[(5.8e9, None, Some("USD"), Amount, false)],
    ),
    ("es", "2,5 billones", &[(2.5e12, None, None, Count, false)]),
    (
        "es",
        "5830 M US$",
        &[(5.83e9, None, Some("USD"), Amount, false)],
    ),
    (
        "it",
        "2,5 mila miliardi",
        &[(2.5e12, None, None, Count, false)],
    ),
    (
        "it",
        "5,8 Mld €",
        &[(5.8e9, None, Some("EUR"), Amount, false)],
    ),
    (
        "pl",
        "5,8 mld zł",
        &[(5.8e9, None, Some("PLN"), Amount, false)],
    ),
    (
        "pl",
        "750 mln dolarów",
        &[(750e6, None, Some("USD"), Amount, false)],
    ),
    ("pl", "2,5 bln", &[(2.5e12, None, None, Count, false)]),
    (
        "da",
        "5,8 mia. kr.",
        &[(5.8e9, None, Some("DKK"), Amount, false)],
    ),
    (
        "nb",
        "5,8 mrd. kroner",
        &[(5.8e9, None, Some("NOK"), Amount, false)],
    ),
    // Negative amounts.
    (
        "en",
        "-€1,234.00",
        &[(-1234.0, None, Some("EUR"), Amount, false)],
    ),
    ("en", "-$2.50", &[(-2.5, None, Some("USD"), Amount, false)]),
    (
        "en",
        "−US$2.50",
        &[(-2.5, None, Some("USD"), Amount, false)],
    ),
    (
        "nl",
        "US$ -1.234,50",
        &[(-1234.5, None, Some("USD"), Amount, false)],
    ),
    (
        "sv",
        "−1\u{a0}234,50\u{a0}kr",
        &[(-1234.5, None, Some("SEK"), Amount, false)],
    ),
    // German compounds that carry the scale and the currency.
    (
        "de",
        "die 500-Milliarden-Dollar-Initiative",
        &[(500e9, None, Some("USD"), Amount, false)],
    ),
    (
        "de",
        "ein 30-Milliarden-Dollar-Engagement",
        &[(30e9, None, Some("USD"), Amount, false)],
    ),
    // A range joins two figures of one kind.
    (
        "sv",
        "1,5 procent till 224 dollar",
        &[
            (1.5, None, Some("percent"), Percent, false),
            (224.0, None, Some("USD"), Amount, false),
        ],
    ),
];

#[test]
fn notations_of_the_press() {
    check(NOTATIONS_OF_THE_PRESS);
}

/// Numbers written as words: alone, with units, and in scale phrases.
const NUMBERS_IN_WORDS: &[Case] = &[
    ("sv", "två år", &[(2.0, None, Some("years"), Count, false)]),
    ("nl", "2 jaar", &[(2.0, None, Some("years"), Count, false)]),
    (
        "sv",
        "tre miljarder dollar",
        &[(3e9, None, Some("USD"), Amount, false)],
    ),
    (
        "sv",
        "en halv miljard",
        &[(0.5e9, None, None, Count, false)],
    ),
    ("de", "drei Milliarden", &[(3e9, None, None, Count, false)]),
    (
        "en",
        "three billion dollars",
        &[(3e9, None, Some("USD"), Amount, false)],
    ),
    ("en", "half a billion", &[(0.5e9, None, None, Count, false)]),
    (
        "en",
        "twenty-two companies",
        &[(22.0, None, Some("companies"), Count, false)],
    ),
    (
        "sv",
        "tjugotvå bolag",
        &[(22.0, None, Some("companies"), Count, false)],
    ),
    (
        "de",
        "zweiundzwanzig Firmen",
        &[(22.0, None, Some("companies"), Count, false)],
    ),
    (
        "nl",
        "tweeëntwintig bedrijven",
        &[(22.0, None, Some("companies"), Count, false)],
    ),
    (
        "da",
        "toogtyve virksomheder",
        &[(22.0, None, Some("companies"), Count, false)],
    ),
    (
        "fr",
        "trois milliards d'euros",
        &[(3e9, None, Some("EUR"), Amount, false)],
    ),
    (
        "es",
        "tres mil millones",
        &[(3e9, None, None, Count, false)],
    ),
    (
        "es",
        "treinta y dos años",
        &[(32.0, None, Some("years"), Count, false)],
    ),
    (
        "it",
        "tre miliardi di euro",
        &[(3e9, None, Some("EUR"), Amount, false)],
    ),
    (
        "pl",
        "trzy miliardy złotych",
        &[(3e9, None, Some("PLN"), Amount, false)],
    ),
    (
        "nb",
        "tre milliarder kroner",
        &[(3e9, None, Some("NOK"), Amount, false)],
    ),
    ("sv", "tre hundra tusen", &[(3e5, None, None, Count, false)]),
    ("sv", "en miljon", &[(1e6, None, None, Count, false)]),
    // Articles alone are no figure; neither is "one" used as a pronoun.
    ("sv", "en bil och ett hus", &[]),
    ("nl", "een auto", &[]),
    ("de", "eine Frage", &[]),
    ("en", "no one knows a thing", &[]),
    ("fr", "un jour", &[]),
];

#[test]
fn numbers_in_words() {
    check(NUMBERS_IN_WORDS);
    assert!(extract("två år", "sv")[0].in_words);
    assert!(!extract("2 år", "sv")[0].in_words);
}

/// Dates and approximations in the languages added with their tables.
const DATES_IN_MORE_LANGUAGES: &[Case] = &[
    (
        "fr",
        "le 11 novembre 2025",
        &[(20_251_111.0, None, None, Date, false)],
    ),
    (
        "es",
        "el 11 de noviembre de 2025",
        &[(20_251_111.0, None, None, Date, false)],
    ),
    (
        "it",
        "l'11 novembre 2025",
        &[(20_251_111.0, None, None, Date, false)],
    ),
    (
        "da",
        "den 11. november 2025",
        &[(20_251_111.0, None, None, Date, false)],
    ),
    (
        "nb",
        "11. november 2025",
        &[(20_251_111.0, None, None, Date, false)],
    ),
    (
        "pl",
        "11 listopada 2025",
        &[(20_251_111.0, None, None, Date, false)],
    ),
    (
        "fr",
        "environ 5 milliards",
        &[(5e9, None, None, Count, true)],
    ),
    ("es", "casi 5 millones", &[(5e6, None, None, Count, true)]),
    ("pl", "około 5 mln", &[(5e6, None, None, Count, true)]),
];

#[test]
fn dates_in_more_languages() {
    check(DATES_IN_MORE_LANGUAGES);
}

#[test]
fn byte_ranges_cover_the_figure_text() {
    let text = "Försäljningen gav 5,83 miljarder dollar, cirka 4,9 procent.";
    let figures = extract(text, "sv");
    let texts: Vec<&str> = figures
        .iter()
        .map(|f| &text[f.byte_range.clone()])
        .collect();
    assert_eq!(texts, ["5,83 miljarder dollar", "4,9 procent"]);
    assert_eq!(figures[0].text, "5,83 miljarder dollar");
    let nl = "Voor $ 5,83 miljard verkocht.";
    let figures = extract(nl, "nl");
    assert_eq!(&nl[figures[0].byte_range.clone()], "$ 5,83 miljard");
}

#[test]
fn precision_follows_the_written_digits() {
    let figures = extract("5,83 miljarder och 16 miljarder och 3 700", "sv");
    let precisions: Vec<f64> = figures.iter().map(|f| f.precision).collect();
    assert!(close(precisions[0], 0.01e9));
    assert!(close(precisions[1], 1e9));
    assert!(close(precisions[2], 1.0));
}

#[test]
fn readings_for_people() {
    let figure = &extract("cirka 5,83 miljarder dollar", "sv")[0];
    assert_eq!(figure.reading(), "5.83 × 10⁹ USD, approx.");
    let figure = &extract("den 11 november 2025", "sv")[0];
    assert_eq!(figure.reading(), "2025-11-11 (date)");
    let figure = &extract("4,9 procent", "sv")[0];
    assert_eq!(figure.reading(), "4.9 %");
}

/// How a language writes amounts, for generated readings.
struct Language {
    code: &'static str,
    sentence: &'static str,
    numbers: &'static [(&'static str, f64)],
    scales: &'static [(&'static str, f64)],
    before: &'static [(&'static str, &'static str)],
    after: &'static [(&'static str, &'static str)],
}

const LANGUAGES: [Language; 4] = [
    Language {
        code: "sv",
        sentence: "Intäkten var {} i fjol.",
        numbers: &[
            ("5,83", 5.83),
            ("100 000", 1e5),
            ("1,176", 1.176),
            ("3 700", 3700.0),
            ("12", 12.0),
        ],
        scales: &[
            ("", 1.0),
            (" miljon", 1e6),
            (" miljoner", 1e6),
            (" miljard", 1e9),
            (" miljarder", 1e9),
            (" biljon", 1e12),
            (" biljoner", 1e12),
        ],
        before: &[("$ ", "USD"), ("€", "EUR")],
        after: &[
            (" dollar", "USD"),
            (" euro", "EUR"),
            (" yen", "JPY"),
            (" kronor", "SEK"),
            (" USD", "USD"),
            (" amerikanska dollar", "USD"),
        ],
    },
    Language {
        code: "nl",
        sentence: "De opbrengst was {} vorig jaar.",
        numbers: &[
            ("5,83", 5.83),
            ("100.000", 1e5),
            ("1,176", 1.176),
            ("3700", 3700.0),
            ("12", 12.0),
        ],
        scales: &[
            ("", 1.0),
            (" miljoen", 1e6),
            (" miljard", 1e9),
            (" biljoen", 1e12),
            (" mln", 1e6),
            (" mld", 1e9),
        ],
        before: &[("$ ", "USD"), ("€ ", "EUR"), ("$", "USD")],
        after: &[
            (" dollar", "USD"),
            (" euro", "EUR"),
            (" yen", "JPY"),
            (" Amerikaanse dollar", "USD"),
            (" EUR", "EUR"),
        ],
    },
    Language {
        code: "de",
        sentence: "Der Umsatz lag bei {} im Vorjahr.",
        numbers: &[
            ("5,83", 5.83),
            ("100.000", 1e5),
            ("1,176", 1.176),
            ("3.700", 3700.0),
            ("12", 12.0),
        ],
        scales: &[
            ("", 1.0),
            (" Million", 1e6),
            (" Millionen", 1e6),
            (" Milliarde", 1e9),
            (" Milliarden", 1e9),
            (" Billion", 1e12),
            (" Billionen", 1e12),
            (" Mio.", 1e6),
            (" Mrd.", 1e9),
        ],
        before: &[("$", "USD"), ("€ ", "EUR")],
        after: &[
            (" US-Dollar", "USD"),
            (" Dollar", "USD"),
            (" Euro", "EUR"),
            (" Yen", "JPY"),
        ],
    },
    Language {
        code: "en",
        sentence: "Revenue was {} last year.",
        numbers: &[
            ("5.83", 5.83),
            ("100,000", 1e5),
            ("1,176", 1176.0),
            ("3,700", 3700.0),
            ("12", 12.0),
        ],
        scales: &[
            ("", 1.0),
            (" million", 1e6),
            (" billion", 1e9),
            (" trillion", 1e12),
            ("bn", 1e9),
            ("m", 1e6),
        ],
        before: &[("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("US$", "USD")],
        after: &[
            (" dollars", "USD"),
            (" euros", "EUR"),
            (" yen", "JPY"),
            (" USD", "USD"),
        ],
    },
];

/// Every number × scale word × currency form of each language, inside a sentence: over a
/// thousand readings that must all come out as one figure with the right value and unit.
#[test]
fn generated_amounts_in_four_languages() {
    let languages = &LANGUAGES;
    let mut checked = 0;
    for language in languages {
        for (number, value) in language.numbers {
            for (scale, factor) in language.scales {
                let forms = language
                    .before
                    .iter()
                    .map(|(symbol, unit)| (format!("{symbol}{number}{scale}"), *unit))
                    .chain(
                        language
                            .after
                            .iter()
                            .map(|(word, unit)| (format!("{number}{scale}{word}"), *unit)),
                    );
                for (written, unit) in forms {
                    let text = language.sentence.replace("{}", &written);
                    let figures = extract(&text, language.code);
                    assert_eq!(figures.len(), 1, "{} {text:?}: {figures:?}", language.code);
                    let figure = &figures[0];
                    assert!(
                        close(figure.value, value * factor),
                        "{} {text:?}: {}",
                        language.code,
                        figure.value
                    );
                    assert_eq!(
                        figure.unit.as_deref(),
                        Some(unit),
                        "{} {text:?}",
                        language.code
                    );
                    assert_eq!(figure.kind, Amount, "{} {text:?}", language.code);
                    assert_eq!(figure.text, written.trim(), "{} {text:?}", language.code);
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 700, "{checked}");
}

/// No input makes the reader panic, and every figure's byte range is a valid slice of its text
/// that holds the figure's text. Pseudo-random strings from the characters numbers are made of.
#[test]
fn no_panic_on_generated_text() {
    const PIECES: [&str; 62] = [
        "mkr",
        "Mrd.",
        "-Milliarden-Dollar-",
        "US$",
        "$US",
        "zł",
        "kr.",
        "mil millones",
        "mila",
        "K",
        "T",
        "tre",
        "en halv",
        "twenty-",
        "two",
        "zweiund",
        "zwanzig",
        "de",
        "'",
        "’",
        "tjugo",
        "två",
        "0",
        "1",
        "5",
        "9",
        "00",
        ",",
        ".",
        " ",
        "\u{a0}",
        "\u{202f}",
        "-",
        "−",
        "–",
        "/",
        "%",
        "$",
        "€",
        "¥",
        "US",
        "miljard",
        "miljarder",
        "Billionen",
        "bn",
        "m",
        "procent",
        "dollar",
        "tussen de",
        "mellan",
        "och",
        "till",
        "bis",
        "oktober",
        "11.",
        "19:e",
        "st",
        "år",
        "å",
        "\n",
        "cirka",
        "B2B",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..12_000 {
        let len = (next() % 12) as usize + 1;
        let text: String = (0..len)
            .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
            .collect();
        for lang in [
            "sv", "nl", "de", "en", "fr", "es", "it", "da", "nb", "pl", "und",
        ] {
            for figure in extract(&text, lang) {
                let slice = text.get(figure.byte_range.clone());
                assert_eq!(slice, Some(figure.text.as_str()), "{text:?} {lang}");
                assert!(figure.value.is_finite(), "{text:?} {lang}");
            }
            let figures = extract(&text, lang);
            let runs: String = segments(&text, &figures)
                .into_iter()
                .map(|(run, _)| run)
                .collect();
            assert_eq!(runs, text);
        }
    }
}
