//! Comparing the figures of an aligned row.
//!
//! Each figure on one side should find a counterpart on the other with the same meaning:
//! equal value within the rounding of the written precision (`16,2 miljarder` = `16 miljard`,
//! `3 700` = `3700`), a compatible unit (a unit written on one side only is compatible; USD and
//! EUR are not) and a compatible kind. Figures without a counterpart are [`Mismatch`]es, each
//! with its reason in words: a changed value, a moved decimal mark, a changed scale word, a
//! changed unit, a changed year or date, or a figure missing on one side.
//!
//! ```
//! use parallel_reader::figures::compare::{compare, SideFigures};
//! use parallel_reader::figures::extract;
//! let sv = extract("Försäljningen gav 5,83 miljarder dollar år 2025.", "sv");
//! let nl = extract("De verkoop leverde $ 5,83 miljoen op in 2025.", "nl");
//! let left = SideFigures { name: "Swedish", paragraphs: vec![(0, &sv[..])] };
//! let right = SideFigures { name: "Dutch", paragraphs: vec![(0, &nl[..])] };
//! let mismatches = compare(&left, &right);
//! assert_eq!(mismatches.len(), 1);
//! assert_eq!(mismatches[0].reason, "scale differs: miljarder vs miljoen");
//! ```

use serde::{Deserialize, Serialize};

use super::{Figure, FigureKind, format_value};
use crate::side::Side;

pub use super::FigureRef;

/// A figure without a counterpart on the other side, or a pair that disagrees.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mismatch {
    /// The left figure, if any.
    pub left: Option<FigureRef>,
    /// The right figure, if any.
    pub right: Option<FigureRef>,
    /// Why, in words: "5,83 → 5,38: value differs".
    pub reason: String,
}

impl Mismatch {
    /// The figure of `side`, if that side has one.
    pub fn figure(&self, side: Side) -> Option<FigureRef> {
        match side {
            Side::Left => self.left,
            Side::Right => self.right,
        }
    }
}

/// The figures of one side of a row.
#[derive(Clone, Debug)]
pub struct SideFigures<'a> {
    /// The side's name for messages: its label ("Xpert.Digital — Dutch").
    pub name: &'a str,
    /// `(paragraph index, its figures)` of the compared paragraphs, in order.
    pub paragraphs: Vec<(usize, &'a [Figure])>,
}

impl<'a> SideFigures<'a> {
    fn flat(&self) -> Vec<(FigureRef, &'a Figure)> {
        self.paragraphs
            .iter()
            .flat_map(|(paragraph, figures)| {
                figures.iter().enumerate().map(move |(figure, f)| {
                    (
                        FigureRef {
                            paragraph: *paragraph,
                            figure,
                        },
                        f,
                    )
                })
            })
            .collect()
    }
}

/// A number written in words without a scale word: "två", "tre år".
fn is_small_word(figure: &Figure) -> bool {
    figure.in_words && figure.scale_word.is_none()
}

/// Broad classes of kinds that may stand for each other when the values agree.
fn kind_class(kind: FigureKind) -> u8 {
    match kind {
        FigureKind::Amount | FigureKind::Count | FigureKind::Percent | FigureKind::Ordinal => 0,
        FigureKind::Year => 1,
        FigureKind::Date => 2,
        FigureKind::Time => 3,
    }
}

fn close(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance + 1e-9 * a.abs().max(b.abs())
}

/// A full hour and the same bare number: `à 13 h` is `alle 13`, where the reader cannot tell
/// the Italian number is a time.
fn hour_and_bare_number(a: &Figure, b: &Figure) -> bool {
    let hour = |f: &Figure| {
        (f.kind == FigureKind::Time && f.value % 100.0 == 0.0).then(|| f.value / 100.0)
    };
    let bare = |f: &Figure| f.kind == FigureKind::Count && f.unit.is_none() && f.upper.is_none();
    hour(a).is_some_and(|h| bare(b) && b.value == h)
        || hour(b).is_some_and(|h| bare(a) && a.value == h)
}

/// Same meaning: compatible kinds and units, equal values within the written precision.
pub fn same_meaning(a: &Figure, b: &Figure) -> bool {
    if hour_and_bare_number(a, b) {
        return true;
    }
    let kinds_ok = a.kind == b.kind
        || (kind_class(a.kind) == kind_class(b.kind) && !(a.unit.is_some() && b.unit.is_some()))
        || (matches!(a.kind, FigureKind::Year | FigureKind::Count)
            && matches!(b.kind, FigureKind::Year | FigureKind::Count)
            && a.unit.is_none()
            && b.unit.is_none());
    if !kinds_ok {
        return false;
    }
    if let (Some(ua), Some(ub)) = (&a.unit, &b.unit)
        && !super::units_agree(ua, ub)
    {
        return false;
    }
    // A sign alone is no difference: the other rendering may say it in words ("a loss of SEK
    // 1.2 billion" is "minus 1,2 miljarder kronor", "fell 3.2%" is "−3,2 %").
    let tolerance = 0.5 * a.precision.max(b.precision);
    let swapped = |f: &Figure| {
        let (year, month, day) = super::date_parts(f.value);
        (year * 10_000 + day * 100 + month) as f64
    };
    let either_order = || {
        (a.day_month_swappable && close(swapped(a), b.value, tolerance))
            || (b.day_month_swappable && close(a.value, swapped(b), tolerance))
    };
    if !close(a.value.abs(), b.value.abs(), tolerance) && !either_order() {
        return false;
    }
    match (a.upper, b.upper) {
        (Some(ua), Some(ub)) => close(ua.abs(), ub.abs(), tolerance),
        (None, None) => true,
        _ => false,
    }
}

/// Compare the figures of the two sides of a row.
pub fn compare(left: &SideFigures<'_>, right: &SideFigures<'_>) -> Vec<Mismatch> {
    let left_figures = left.flat();
    let right_figures = right.flat();
    let mut left_used = vec![false; left_figures.len()];
    let mut right_used = vec![false; right_figures.len()];

    // 1. Counterparts with the same meaning, in reading order.
    for (l, (_, lf)) in left_figures.iter().enumerate() {
        if let Some(r) = (0..right_figures.len())
            .find(|&r| !right_used[r] && same_meaning(lf, right_figures[r].1))
        {
            left_used[l] = true;
            right_used[r] = true;
        }
    }

    // 1b. A range on one side and its two ends as figures of their own on the other ("fra 1.234
    // til 1.299 kr." against "z 1234 kr do 1299 kr"; a score "3-1" against "3:1").
    pair_range_ends(
        &left_figures,
        &mut left_used,
        &right_figures,
        &mut right_used,
    );
    pair_range_ends(
        &right_figures,
        &mut right_used,
        &left_figures,
        &mut left_used,
    );

    // A small number in words ("två år", "one of the two") that found no equal is never a
    // finding on its own: translators write such numbers freely. Nor is a number joined to a
    // word ("covid-19-pandemin" against "coronapandemie"): as often a name as a count. Nor a
    // fraction or a Roman numeral when the other side has nothing of its kind left ("2/3"
    // against "dwóch trzecich", "Ve République" against "Fifth Republic": words the reader
    // does not read); against one, it is compared.
    let others = [
        left_over(&right_used, &right_figures),
        left_over(&left_used, &left_figures),
    ];
    let of_its_kind = |figure: &Figure, other: &Figure| {
        other.kind == figure.kind && (other.may_be_in_words || figure.kind == FigureKind::Ordinal)
    };
    for ((used, figures), others) in [
        (&mut left_used, &left_figures),
        (&mut right_used, &right_figures),
    ]
    .into_iter()
    .zip(others)
    {
        for (flag, (_, figure)) in used.iter_mut().zip(figures.iter()) {
            let unmatched_in_words =
                figure.may_be_in_words && !others.iter().any(|other| of_its_kind(figure, other));
            *flag |= is_small_word(figure) || figure.after_word || unmatched_in_words;
        }
    }

    // 2. Pair what is left by likeness, to say what changed.
    let mut mismatches = Vec::new();
    for (l, (left_ref, lf)) in left_figures.iter().enumerate() {
        if left_used[l] {
            continue;
        }
        let best = (0..right_figures.len())
            .filter(|&r| !right_used[r])
            .filter_map(|r| likeness(lf, right_figures[r].1, l, r).map(|score| (r, score)))
            .max_by(|a, b| a.1.total_cmp(&b.1));
        match best {
            Some((r, _)) => {
                right_used[r] = true;
                left_used[l] = true;
                let (right_ref, rf) = right_figures[r];
                mismatches.push(Mismatch {
                    left: Some(*left_ref),
                    right: Some(right_ref),
                    reason: describe(lf, rf),
                });
            }
            None => mismatches.push(Mismatch {
                left: Some(*left_ref),
                right: None,
                reason: format!("{}: missing in {}", lf.text, right.name),
            }),
        }
    }
    for (r, (right_ref, rf)) in right_figures.iter().enumerate() {
        if !right_used[r] {
            mismatches.push(Mismatch {
                left: None,
                right: Some(*right_ref),
                reason: format!("{}: missing in {}", rf.text, left.name),
            });
        }
    }
    mismatches.sort_by_key(|m| {
        (
            m.left.map(|f| (f.paragraph, f.figure)),
            m.right.map(|f| (f.paragraph, f.figure)),
        )
    });
    mismatches
}

/// The figures not paired yet.
fn left_over<'f>(used: &[bool], figures: &[(FigureRef, &'f Figure)]) -> Vec<&'f Figure> {
    figures
        .iter()
        .zip(used)
        .filter(|(_, used)| !**used)
        .map(|((_, f), _)| *f)
        .collect()
}

/// Pair each range of `ranges` that found no equal with two figures of `others`, not yet
/// paired, that are its two ends.
fn pair_range_ends(
    ranges: &[(FigureRef, &Figure)],
    ranges_used: &mut [bool],
    others: &[(FigureRef, &Figure)],
    others_used: &mut [bool],
) {
    for (r, (_, range)) in ranges.iter().enumerate() {
        let Some(upper) = range.upper else {
            continue;
        };
        if ranges_used[r] {
            continue;
        }
        let end = |value: f64| Figure {
            value,
            upper: None,
            ..(*range).clone()
        };
        let (low, high) = (end(range.value), end(upper));
        let Some(first) =
            (0..others.len()).find(|&o| !others_used[o] && same_meaning(&low, others[o].1))
        else {
            continue;
        };
        let Some(second) = (0..others.len())
            .find(|&o| o != first && !others_used[o] && same_meaning(&high, others[o].1))
        else {
            continue;
        };
        ranges_used[r] = true;
        others_used[first] = true;
        others_used[second] = true;
    }
}

/// How likely two figures are the same figure changed (None: not comparable at all).
fn likeness(a: &Figure, b: &Figure, a_pos: usize, b_pos: usize) -> Option<f64> {
    let same_class = kind_class(a.kind) == kind_class(b.kind);
    if !same_class {
        return None;
    }
    let mut score = 0.0;
    if a.kind == b.kind {
        score += 2.0;
    }
    let units_agree = match (&a.unit, &b.unit) {
        (Some(ua), Some(ub)) => super::units_agree(ua, ub),
        (ua, ub) => ua == ub,
    };
    if units_agree {
        score += 2.0;
    }
    if a.digits == b.digits {
        score += 3.0;
    }
    if a.scale_word.is_some() == b.scale_word.is_some() {
        score += 1.0;
    }
    let magnitude = |v: f64| v.abs().max(1.0).log10();
    score -= (magnitude(a.value) - magnitude(b.value)).abs() * 0.3;
    score -= (a_pos as f64 - b_pos as f64).abs() * 0.2;
    Some(score)
}

/// The reason two paired figures differ, in words.
fn describe(a: &Figure, b: &Figure) -> String {
    if let (Some(ua), Some(ub)) = (&a.unit, &b.unit)
        && !super::units_agree(ua, ub)
    {
        return format!("unit differs: {ua} vs {ub} ({} → {})", a.text, b.text);
    }
    let is_time = |f: &Figure| matches!(f.kind, FigureKind::Date | FigureKind::Year);
    if is_time(a) || is_time(b) {
        let what = if a.kind == FigureKind::Year && b.kind == FigureKind::Year {
            "year differs"
        } else {
            "date differs"
        };
        return format!("{} → {}: {what}", number_text(a), number_text(b));
    }
    if a.digits == b.digits && !close(a.scale, b.scale, 1e-9) {
        if let (Some(sa), Some(sb)) = (&a.scale_word, &b.scale_word) {
            return format!("scale differs: {sa} vs {sb}");
        }
        return format!("scale differs: {} vs {}", a.text, b.text);
    }
    if a.digits == b.digits && a.upper.is_none() == b.upper.is_none() {
        return format!(
            "decimal mark differs: {} → {} ({} vs {})",
            number_text(a),
            number_text(b),
            format_value(a.value, a.kind),
            format_value(b.value, b.kind)
        );
    }
    match (a.upper, b.upper) {
        (Some(_), None) | (None, Some(_)) => {
            return format!("{} → {}: range differs", a.text, b.text);
        }
        _ => {}
    }
    if a.in_words || b.in_words {
        return format!("{} → {}: value differs", a.text, b.text);
    }
    format!("{} → {}: value differs", number_text(a), number_text(b))
}

/// The numeric part of a figure's text ("5,83" of "5,83 miljarder dollar").
fn number_text(figure: &Figure) -> String {
    let text = figure.text.as_str();
    let start = text.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
    let end = text
        .rfind(|c: char| c.is_ascii_digit())
        .map_or(text.len(), |pos| pos + 1);
    if figure.kind == FigureKind::Date {
        return text.to_owned();
    }
    text[start..end].to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures::extract;

    fn reasons(sv: &str, nl: &str) -> Vec<String> {
        reasons_in(("sv", sv), ("nl", nl))
    }

    /// The reasons of the mismatches between two texts, each in its language.
    fn reasons_in(left: (&str, &str), right: (&str, &str)) -> Vec<String> {
        let left_figures = extract(left.1, left.0);
        let right_figures = extract(right.1, right.0);
        let left = SideFigures {
            name: if left.0 == "sv" { "Swedish" } else { left.0 },
            paragraphs: vec![(0, &left_figures[..])],
        };
        let right = SideFigures {
            name: if right.0 == "nl" { "Dutch" } else { right.0 },
            paragraphs: vec![(0, &right_figures[..])],
        };
        compare(&left, &right)
            .into_iter()
            .map(|m| m.reason)
            .collect()
    }

    #[test]
    fn equal_figures_written_differently_agree() {
        let cases = [
            ("5,83 miljarder dollar", "$ 5,83 miljard"),
            ("100 000 jobb", "100.000 banen"),
            ("en 3 700-faldig ökning", "een 3700-voudige toename"),
            ("12,1 miljarder euro", "€ 12,1 miljard"),
            (
                "cirka 16,2 miljarder amerikanska dollar",
                "ongeveer 16 miljard dollar",
            ),
            ("4,9 procent", "4,9 %"),
            ("den 11 november 2025", "op 11 november 2025"),
            (
                "150 till 200 miljarder dollar",
                "tussen de $ 150 en $ 200 miljard",
            ),
            ("5,83 miljarder dollar", "5,83 miljard"),
            ("2019 och 2020", "2019 en 2020"),
            // Words on one side, digits on the other.
            ("under två år", "gedurende 2 jaar"),
            ("tre miljarder dollar", "$ 3 miljard"),
            ("en halv miljard euro", "€ 0,5 miljard"),
            // A small number in words without counterpart is never a finding alone.
            ("en av de två största", "een van de grootste"),
            // A currency after the number.
            ("181 €", "€ 181"),
            ("750 mkr", "750 miljoen Zweedse kronen"),
        ];
        for (sv, nl) in cases {
            assert!(
                reasons(sv, nl).is_empty(),
                "{sv} / {nl}: {:?}",
                reasons(sv, nl)
            );
        }
    }

    #[test]
    fn every_real_difference_is_found_with_its_reason() {
        let cases = [
            (
                "5,83 miljarder dollar",
                "$ 5,38 miljard",
                "5,83 → 5,38: value differs",
            ),
            (
                "5,375 miljarder dollar",
                "$ 5.375 miljard",
                "decimal mark differs: 5,375 → 5.375 (5.375 × 10⁹ vs 5.375 × 10¹²)",
            ),
            (
                "5,83 miljarder dollar",
                "$ 5,83 miljoen",
                "scale differs: miljarder vs miljoen",
            ),
            (
                "5,83 miljarder dollar",
                "5,83 miljard euro",
                "unit differs: USD vs EUR (5,83 miljarder dollar → 5,83 miljard euro)",
            ),
            (
                "100 miljarder dollar",
                "$ 10 miljard",
                "100 → 10: value differs",
            ),
            (
                "År 2019 sålde",
                "In 2018 verkocht",
                "2019 → 2018: year differs",
            ),
            (
                "den 11 november 2025",
                "op 12 november 2025",
                "11 november 2025 → 12 november 2025: date differs",
            ),
            (
                "32,1 miljoner aktier och 5 procent",
                "32,1 miljoen aandelen",
                "5 procent: missing in Dutch",
            ),
            (
                "sålde aktier",
                "verkocht 3 miljoen aandelen",
                "3 miljoen aandelen: missing in Swedish",
            ),
            ("4,9 procent", "4,8 procent", "4,9 → 4,8: value differs"),
            (
                "i oktober 2025",
                "in september 2025",
                "oktober 2025 → september 2025: date differs",
            ),
            ("181 €", "$ 181", "unit differs: EUR vs USD (181 € → $ 181)"),
            (
                "750 mkr",
                "750 miljoen euro",
                "unit differs: SEK vs EUR (750 mkr → 750 miljoen euro)",
            ),
            (
                "tre miljarder dollar",
                "$ 4 miljard",
                "tre miljarder dollar → $ 4 miljard: value differs",
            ),
            (
                "räkenskapsåret 2019/2020",
                "boekjaar 2019/2021",
                "2019/2020 → 2019/2021: year differs",
            ),
        ];
        for (sv, nl, reason) in cases {
            assert_eq!(reasons(sv, nl), [reason], "{sv} / {nl}");
        }
    }

    #[test]
    fn a_range_agrees_with_its_two_ends_written_apart() {
        // Danish reads "fra … til" as a range; Polish "z … do" as two amounts.
        assert!(
            reasons_in(
                ("da", "steg fra 1.234,50 kr. til 1.299 kr."),
                ("pl", "wzrosła z 1234,50 koron do 1299 koron")
            )
            .is_empty()
        );
        // "met … tot" (by … to) reads as a range whose scale is not the first number's.
        assert!(
            reasons_in(
                ("nl", "daalde met 25.300 tot 2,56 miljoen"),
                ("de", "sank um 25.300 auf 2,56 Millionen")
            )
            .is_empty()
        );
        // A score: "3-1" is read as a range, "3:1" as two numbers.
        assert!(reasons_in(("da", "endte 3-1"), ("pl", "wynikiem 3:1")).is_empty());
        // An end that differs is still found.
        assert_eq!(
            reasons_in(("da", "endte 3-1"), ("pl", "wynikiem 3:2")).len(),
            2,
            "{:?}",
            reasons_in(("da", "endte 3-1"), ("pl", "wynikiem 3:2"))
        );
    }

    #[test]
    fn a_roman_numeral_is_compared_with_an_ordinal_only() {
        assert!(reasons_in(("fr", "au XXIe siècle"), ("en", "in the 21st century")).is_empty());
        // In words on the other side, which are not read.
        assert!(reasons_in(("fr", "la Ve République"), ("en", "the Fifth Republic")).is_empty());
        assert_eq!(
            reasons_in(("fr", "au XXIe siècle"), ("en", "in the 20th century")),
            ["XXIe → 20: value differs"]
        );
    }

    #[test]
    fn a_date_in_digits_in_either_order_where_it_is_a_guess() {
        // American English writes the month first.
        assert!(reasons_in(("en", "on 11/12/2025"), ("de", "am 12.11.2025")).is_empty());
        // British English the day: the order is a guess in English.
        assert!(reasons_in(("en", "on 11/12/2025"), ("de", "am 11.12.2025")).is_empty());
        // French is never a guess, and another date is another date.
        assert_eq!(
            reasons_in(("fr", "le 11/12/2025"), ("de", "am 12.11.2025")).len(),
            1
        );
        assert_eq!(
            reasons_in(("en", "on 11/12/2025"), ("de", "am 13.11.2025")).len(),
            1
        );
    }

    #[test]
    fn a_sign_alone_is_no_difference() {
        assert!(reasons_in(("da", "var −5 grader"), ("pl", "wynosiła minus 5 stopni")).is_empty());
        // The sign in words on one side: a loss, a fall.
        assert!(
            reasons_in(
                ("en", "an operating loss of SEK 1.2 billion"),
                ("sv", "ett rörelseresultat på minus 1,2 miljarder kronor")
            )
            .is_empty()
        );
        assert!(reasons_in(("en", "shares fell 3.2%"), ("sv", "aktien −3,2 %")).is_empty());
        // A changed value with its sign is still found.
        assert_eq!(
            reasons_in(("en", "shares fell 3.2%"), ("sv", "aktien −3,4 %")),
            ["3.2 → 3,4: value differs"]
        );
    }

    #[test]
    fn a_full_hour_agrees_with_the_same_bare_number() {
        // Italian "alle 13" is a time the reader cannot tell is one.
        assert!(reasons_in(("fr", "vers 13 h, le"), ("it", "alle 13, il")).is_empty());
        assert_eq!(
            reasons_in(("fr", "vers 13 h, le"), ("it", "alle 14, il")).len(),
            2
        );
        assert_eq!(
            reasons_in(("fr", "à 13 h 30"), ("it", "alle 13, il")).len(),
            2
        );
    }

    #[test]
    fn an_age_in_years_is_years() {
        assert!(
            reasons_in(
                ("fr", "le PDG, âgé de 58 ans"),
                ("en", "the 58-year-old CEO")
            )
            .is_empty()
        );
        assert_eq!(
            reasons_in(
                ("fr", "le PDG, âgé de 58 ans"),
                ("en", "the 59-year-old CEO")
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_fraction_is_compared_with_a_fraction_only() {
        // Words on the other side, which are not read.
        assert!(
            reasons_in(
                ("da", "omkring 2/3 af vælgerne"),
                ("pl", "około dwóch trzecich wyborców")
            )
            .is_empty()
        );
        assert!(reasons_in(("en", "(2/3 of voters)"), ("pl", "2/3 wyborców")).is_empty());
        assert_eq!(
            reasons_in(("en", "2/3 of voters"), ("pl", "3/4 wyborców")),
            ["2/3 → 3/4: value differs"]
        );
    }

    #[test]
    fn a_crown_of_no_named_country_is_any_crown() {
        // Polish names no country: the Danish crowns it translates.
        assert!(reasons_in(("da", "op til 55,2 mia. kr."), ("pl", "do 55,2 mld koron")).is_empty());
        assert!(reasons_in(("da", "250 mio. kr."), ("en", "250 million crowns")).is_empty());
        // A named country that is not the other's is still a changed unit.
        assert_eq!(
            reasons_in(("da", "250 mio. kr."), ("pl", "250 mln koron szwedzkich")),
            ["unit differs: DKK vs SEK (250 mio. kr. → 250 mln koron szwedzkich)"]
        );
        // A crown is no other currency, and a changed value is still found.
        assert_eq!(
            reasons_in(("pl", "250 mln koron"), ("en", "250 million euros")),
            ["unit differs: crowns vs EUR (250 mln koron → 250 million euros)"]
        );
        assert_eq!(
            reasons_in(("da", "250 mio. kr."), ("pl", "260 mln koron")),
            ["250 → 260: value differs"]
        );
    }

    #[test]
    fn a_number_joined_to_a_word_is_never_missing_on_its_own() {
        // The Swedish spelling of covid-19 against the Dutch word for the pandemic.
        assert!(reasons("under covid-19-pandemin", "tijdens de coronapandemie").is_empty());
        // It still pairs with an equal, and an unequal figure on the other side is found.
        assert!(reasons("på topp-10-listan", "in de top 10").is_empty());
        assert_eq!(
            reasons("på topp-10-listan", "in de top 20"),
            ["20: missing in Swedish"]
        );
        // A count after an approximation word is a figure like any other.
        assert_eq!(
            reasons("över-50-åringar", "ouderen"),
            ["50-åringar: missing in Dutch"]
        );
    }
}
