//! Links to coverage, measured against a judgement set made by reading the seed texts.
//!
//! `JUDGEMENTS` lists, for body paragraphs of the Xpert article (row = paragraph index, the seed
//! pair aligns one to one), the coverage paragraphs that report the same fact or event:
//! `de` = German news (002), `nl` = Dutch news (003), `en` = English coverage (004).
//! `WITHOUT_COUNTERPART` lists the body paragraphs that report nothing the coverage reports. All
//! 79 body paragraphs were judged by reading the five texts, before the linker was tuned;
//! headings and boilerplate are not judged.

use std::collections::BTreeSet;

use parallel_reader::classify::ParagraphKind;
use parallel_reader::comparison::Comparison;

pub const JUDGEMENTS: &[(usize, &[(&str, usize)])] = &[
    (6, &[("de", 0), ("de", 3), ("nl", 1)]),
    (
        7,
        &[("en", 9), ("en", 10), ("en", 11), ("de", 1), ("de", 6)],
    ),
    (10, &[("de", 0), ("de", 3), ("nl", 1)]),
    (11, &[("de", 3)]),
    (12, &[("de", 1), ("nl", 1), ("en", 4), ("en", 1)]),
    (14, &[("de", 0), ("de", 3)]),
    (15, &[("de", 4), ("de", 0), ("de", 3)]),
    (16, &[("de", 4), ("de", 0), ("nl", 6)]),
    (18, &[("de", 3)]),
    (19, &[("nl", 1), ("de", 1)]),
    (20, &[("de", 1), ("nl", 1)]),
    (23, &[("de", 1), ("de", 6)]),
    (24, &[("de", 1), ("de", 9), ("nl", 0)]),
    (25, &[("de", 6)]),
    (27, &[("nl", 0), ("nl", 6), ("de", 7)]),
    (28, &[("nl", 0)]),
    (29, &[("nl", 6), ("de", 5)]),
    (30, &[("de", 4), ("de", 0), ("nl", 6)]),
    (38, &[("de", 9), ("de", 11)]),
    (39, &[("de", 9), ("de", 12)]),
    (40, &[("de", 11)]),
    (41, &[("de", 11), ("de", 12)]),
    (42, &[("de", 10)]),
    (43, &[("de", 11)]),
    (48, &[("de", 22)]),
    (49, &[("de", 23), ("de", 22)]),
    (59, &[("de", 9), ("de", 12), ("en", 3)]),
    (60, &[("de", 12), ("de", 9)]),
    (61, &[("nl", 2), ("de", 7)]),
    (63, &[("de", 6)]),
    (66, &[("en", 12), ("en", 10), ("en", 9)]),
    (67, &[("en", 12), ("en", 10), ("en", 11), ("en", 9)]),
    (68, &[("en", 10), ("en", 12)]),
    (69, &[("en", 11), ("en", 9), ("en", 10)]),
    (78, &[("de", 4)]),
    (83, &[("nl", 1)]),
    (84, &[("nl", 1)]),
    (85, &[("nl", 1)]),
    (86, &[("nl", 1)]),
    (87, &[("nl", 1), ("de", 1)]),
    (89, &[("nl", 2), ("nl", 1)]),
    (90, &[("nl", 1), ("de", 4)]),
    (91, &[("de", 7), ("nl", 2)]),
    (92, &[("de", 7), ("nl", 2)]),
    (96, &[("de", 6)]),
    (97, &[("de", 18), ("de", 13), ("nl", 5)]),
    (99, &[("de", 9)]),
    (
        102,
        &[("de", 18), ("de", 24), ("de", 23), ("de", 1), ("de", 17)],
    ),
    (103, &[("de", 13), ("nl", 5)]),
    (104, &[("en", 10), ("en", 12)]),
    (108, &[("de", 0), ("de", 3), ("de", 1), ("nl", 1)]),
    (109, &[("de", 1), ("de", 6)]),
    (110, &[("en", 10), ("en", 12)]),
    (111, &[("de", 3)]),
];

/// Judged paragraphs whose counterparts report the same subject but not the same fact (the risk
/// of a bubble, the competition, the dependence on Nvidia's chips): a link to them is right, but
/// a reader would not miss it. Every other judged paragraph has a counterpart that reports the
/// same fact, event or quotation. Told apart by reading, with the judgements.
pub const THEMATIC: &[usize] = &[
    11, 18, 19, 48, 49, 59, 60, 61, 63, 89, 91, 96, 97, 99, 102, 111,
];

/// Body paragraphs judged to have no counterpart in the coverage (read, not left out).
pub const WITHOUT_COUNTERPART: &[usize] = &[
    21, 32, 33, 34, 35, 36, 46, 47, 50, 62, 71, 72, 73, 74, 75, 77, 79, 80, 81, 93, 94, 98, 100,
    105, 106,
];

/// Precision and recall of the top `k` links of every judged body paragraph.
pub struct Measured {
    /// Links in the top k that are in the judgement set / all links in the top k.
    pub precision: f64,
    /// Judged pairs found in the top k / judged pairs (at most k per paragraph).
    pub recall: f64,
    /// Paragraphs with a counterpart that get at least one right link in the top k.
    pub paragraphs_hit: usize,
    /// Paragraphs with a counterpart.
    pub paragraphs_judged: usize,
    /// Paragraphs whose coverage reports the same fact that get a right link in the top k.
    pub same_fact_hit: usize,
    /// Body paragraphs without counterpart that got a link anyway.
    pub false_paragraphs: Vec<usize>,
    pub misses: Vec<String>,
}

/// A set whose links were judged by reading: for each judged body paragraph (row = paragraph
/// index; the sets align one to one), the coverage paragraphs that report the same, named by
/// their document's language and index.
pub struct Judged {
    /// The set's folder under `tests/data` (`None`: the bundled set).
    pub folder: Option<&'static str>,
    pub judgements: &'static [(usize, &'static [(&'static str, usize)])],
    /// Judged paragraphs whose counterparts share only the subject.
    pub thematic: &'static [usize],
    /// Body paragraphs without a counterpart.
    pub without: &'static [usize],
}

/// The bundled set.
pub const SEED: Judged = Judged {
    folder: None,
    judgements: JUDGEMENTS,
    thematic: THEMATIC,
    without: WITHOUT_COUNTERPART,
};

/// A second story, from another field (public health), in other languages: an English report
/// and its French rendering; German, Spanish and Italian news. Written for the tests, after the
/// linker was fitted on the bundled set: each news paragraph reports one fact of the report
/// in other words (a figure, a name, a quotation), or nothing of it (the German cases, the
/// Spanish cases, the football coach). The judgement was written with the texts, before any
/// measure was taken on them.
pub const MEASLES: Judged = Judged {
    folder: Some("measles"),
    judgements: &[
        (1, &[("de", 1)]),
        (2, &[("de", 2)]),
        (3, &[("es", 1)]),
        (4, &[("de", 3)]),
        (5, &[("de", 4)]),
        (6, &[("es", 2)]),
        (7, &[("it", 0)]),
        (8, &[("es", 3)]),
        (9, &[("it", 1)]),
        (12, &[("it", 2)]),
    ],
    thematic: &[],
    without: &[10, 11],
};

/// A third story, from energy policy, in the languages the others leave out: a Danish
/// ministry's announcement and its Polish rendering; English, Norwegian and Swedish news.
/// Written for the tests after the linker was fitted, with its judgement, before any measure
/// was taken: each news paragraph reports one or two facts of the announcement (a figure, a
/// name, a quotation, a date), or nothing of it (the Vestas shares, the Norwegian tender).
/// Polish reads crowns without their country (`koron`) and inflects its months (`w grudniu
/// 2024`); Danish writes `i oktober 13 projekter` with a month before a count.
pub const WINDFARMS: Judged = Judged {
    folder: Some("windfarms"),
    judgements: &[
        // The headline (a body paragraph: it ends like a sentence, on `kr.`) and the news
        // headlines and paragraphs on the subsidy.
        (0, &[("en", 0), ("en", 2), ("nb", 0), ("nb", 1), ("sv", 0)]),
        (1, &[("en", 1), ("sv", 1), ("nb", 2)]),
        (2, &[("en", 2), ("nb", 1)]),
        (3, &[("en", 3)]),
        (5, &[("nb", 2)]),
        (6, &[("nb", 4)]),
        (7, &[("en", 4)]),
        (8, &[("sv", 4)]),
        (10, &[("sv", 3)]),
        (13, &[("sv", 2)]),
    ],
    thematic: &[],
    without: &[4, 9, 11, 12],
};

impl Judged {
    /// The set's comparison.
    pub fn comparison(&self) -> Comparison {
        match self.folder {
            None => Comparison::build(parallel_reader::set::bundled()),
            Some(folder) => {
                let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("tests/data")
                    .join(folder);
                Comparison::build(parallel_reader::set::load(&[path]).unwrap())
            }
        }
    }

    /// The judged body paragraphs with the coverage paragraphs that report the same (none for
    /// those without a counterpart).
    pub fn rows(&self) -> impl Iterator<Item = (usize, &'static [(&'static str, usize)])> {
        self.judgements
            .iter()
            .map(|(row, truth)| (*row, *truth))
            .chain(self.without.iter().map(|row| (*row, &[][..])))
    }

    /// How many judged paragraphs have coverage that reports the same fact.
    pub fn with_fact(&self) -> usize {
        self.judgements.len() - self.thematic.len()
    }
}

/// The coverage document a judgement alias names (the inverse of [`alias`]).
fn doc_index(comparison: &Comparison, alias: &str) -> usize {
    comparison
        .set
        .documents
        .iter()
        .enumerate()
        .skip(2)
        .find(|(_, d)| d.lang == alias)
        .map(|(i, _)| i)
        .unwrap()
}

pub fn measure(judged_set: &Judged, comparison: &Comparison, k: usize) -> Measured {
    let doc_index = |alias: &str| doc_index(comparison, alias);
    let judged: Vec<(usize, BTreeSet<(usize, usize)>)> = judged_set
        .judgements
        .iter()
        .map(|(row, links)| {
            (
                *row,
                links
                    .iter()
                    .map(|(alias, p)| (doc_index(alias), *p))
                    .collect(),
            )
        })
        .collect();
    let mut emitted = 0;
    let mut correct = 0;
    let mut expected = 0;
    let mut found = 0;
    let mut paragraphs_hit = 0;
    let mut same_fact_hit = 0;
    let mut false_paragraphs = Vec::new();
    let mut misses = Vec::new();
    let left = comparison.set.left();
    for (row_idx, row) in comparison.rows.iter().enumerate() {
        let [para] = row.left.as_slice() else {
            continue;
        };
        if left.paragraphs[*para].kind != ParagraphKind::Body {
            continue;
        }
        let top: Vec<(usize, usize)> = comparison.links[row_idx]
            .iter()
            .take(k)
            .map(|l| (l.document, l.paragraph))
            .collect();
        let truth = judged.iter().find(|(r, _)| r == para).map(|(_, t)| t);
        emitted += top.len();
        match truth {
            Some(truth) => {
                let hits = top.iter().filter(|t| truth.contains(t)).count();
                correct += hits;
                expected += truth.len().min(k);
                found += hits;
                if hits > 0 {
                    paragraphs_hit += 1;
                    same_fact_hit += usize::from(!judged_set.thematic.contains(para));
                }
                for t in &top {
                    if !truth.contains(t) {
                        misses.push(format!("¶{para}: extra link {t:?}"));
                    }
                }
                for t in truth {
                    if !top.contains(t) {
                        misses.push(format!("¶{para}: missing {t:?}"));
                    }
                }
            }
            None => {
                assert!(
                    judged_set.without.contains(para),
                    "body paragraph {para} is not judged"
                );
                if !top.is_empty() {
                    false_paragraphs.push(*para);
                    misses.push(format!("¶{para}: no counterpart, got {top:?}"));
                }
            }
        }
    }
    Measured {
        precision: if emitted == 0 {
            1.0
        } else {
            correct as f64 / emitted as f64
        },
        recall: if expected == 0 {
            1.0
        } else {
            found as f64 / expected as f64
        },
        paragraphs_hit,
        paragraphs_judged: judged.len(),
        same_fact_hit,
        false_paragraphs,
        misses,
    }
}

/// The rates of a judged set's top-3 links (hit, same-fact hit, false), printed with the misses.
fn report(name: &str, judged: &Judged, comparison: &Comparison) -> (f64, f64, f64) {
    let measured = measure(judged, comparison, 3);
    let hit_rate = measured.paragraphs_hit as f64 / measured.paragraphs_judged as f64;
    let same_fact_rate = measured.same_fact_hit as f64 / judged.with_fact() as f64;
    let false_rate = measured.false_paragraphs.len() as f64 / judged.without.len() as f64;
    eprintln!(
        "{name}, top-3 links: {} of {} paragraphs with a counterpart hit ({:.0} %; {} of {} with the same fact, {:.0} %), {} of {} without one linked ({:.0} %); precision {:.2}, recall {:.2} by pairs\n{}",
        measured.paragraphs_hit,
        measured.paragraphs_judged,
        hit_rate * 100.0,
        measured.same_fact_hit,
        judged.with_fact(),
        same_fact_rate * 100.0,
        measured.false_paragraphs.len(),
        judged.without.len(),
        false_rate * 100.0,
        measured.precision,
        measured.recall,
        measured.misses.join("\n")
    );
    (hit_rate, same_fact_rate, false_rate)
}

#[test]
fn seed_links_against_the_judgement_set() {
    let comparison = SEED.comparison();
    let (hit_rate, same_fact_rate, false_rate) = report("bundled set", &SEED, &comparison);
    // The levels reached (see the closing notes of the linking issue); they may only go up.
    // The model is fitted on these paragraphs: `calibrate_links` prints the levels held out.
    // The issue's goal is 85 %.
    assert!(same_fact_rate >= 0.80, "{same_fact_rate:.2}");
    assert!(hit_rate >= 0.64, "{hit_rate:.2}");
    assert!(false_rate <= 0.10, "false rate {false_rate:.2}");
    // Evidence is shown once per item.
    for links in &comparison.links {
        for link in links {
            let mut seen = std::collections::HashSet::new();
            for item in &link.evidence {
                assert!(
                    seen.insert(item.to_lowercase()),
                    "twice: {item} in {:?}",
                    link.evidence
                );
            }
            let paragraph = &comparison.set.documents[link.document].paragraphs[link.paragraph];
            let text = &paragraph.text;
            for mark in &link.marks {
                assert!(text.get(mark.clone()).is_some(), "{mark:?}");
            }
            // A word written only inside the paragraph's figures ("Milliarden", "gigawatt")
            // is the figure's, not a word of its own.
            for item in link
                .evidence
                .iter()
                .filter(|i| !i.contains(char::is_numeric))
            {
                let at: Vec<usize> = (0..text.len())
                    .filter(|&i| {
                        text.get(i..i + item.len())
                            .is_some_and(|w| w.to_lowercase() == *item)
                    })
                    .collect();
                let in_a_figure = |i: usize| {
                    paragraph
                        .figures
                        .iter()
                        .any(|f| f.byte_range.start <= i && i + item.len() <= f.byte_range.end)
                };
                assert!(
                    at.is_empty() || !at.iter().all(|&i| in_a_figure(i)),
                    "{item} is a figure's word in {:?}",
                    link.evidence
                );
            }
        }
    }
}

/// The second story, never fitted on when first measured: its figures all agree across four
/// notations (127,350 / 127 350 / 127.350), and the links found are right.
#[test]
fn measles_links_against_the_judgement_set() {
    let unreported = [("de", 5), ("de", 6), ("es", 4), ("it", 3)];
    unseen_story("measles set", &MEASLES, 0.6, &unreported);
}

/// A judged story the model was never fitted on: its figures all agree; at least `level` of its
/// paragraphs (and of those with the same fact) get a right link, none without a counterpart
/// gets one, and the news paragraphs in `unreported`, which report nothing of it, get no link
/// from a body row. The levels are those reached (see the closing notes of the linking issue);
/// they may only go up.
fn unseen_story(
    name: &str,
    judged: &Judged,
    level: f64,
    unreported: &[(&str, usize)],
) -> Comparison {
    let comparison = judged.comparison();
    assert_eq!(
        comparison.stats().mismatches,
        0,
        "{:?}",
        comparison.mismatches
    );
    let (hit_rate, same_fact_rate, false_rate) = report(name, judged, &comparison);
    assert!(same_fact_rate >= level, "{same_fact_rate:.2}");
    assert!(hit_rate >= level, "{hit_rate:.2}");
    assert!(false_rate <= 0.0, "false rate {false_rate:.2}");
    for (row, links) in comparison.links.iter().enumerate().skip(1) {
        for link in links {
            let target = (alias(&comparison, link.document), link.paragraph);
            assert!(!unreported.contains(&target), "row {row} → {target:?}");
        }
    }
    comparison
}

/// The third judged set: Danish and Polish agree on every figure (crowns named and unnamed,
/// inflected months, a month before a count), and the links found are right.
#[test]
fn windfarm_links_against_the_judgement_set() {
    let comparison = unseen_story("wind farm set", &WINDFARMS, 0.7, &[("en", 5), ("nb", 3)]);
    // A unit written alike in two languages ("3 GW", "(GW)") is evidence as the figure only,
    // never as a name.
    for links in &comparison.links {
        for link in links {
            assert!(
                !link
                    .evidence
                    .iter()
                    .any(|item| parallel_reader::figures::tables::is_unit_symbol(item)),
                "{:?}",
                link.evidence
            );
        }
    }
    // The subsidy in Danish crowns agrees with the English "Danish crowns" and the Norwegian
    // "danske kroner".
    let subsidy = &comparison.links[2];
    for lang in ["en", "nb"] {
        assert!(
            subsidy
                .iter()
                .any(|link| alias(&comparison, link.document) == lang
                    && link
                        .figures_agree
                        .iter()
                        .any(|a| a.reading.starts_with("55.2 × 10⁹"))),
            "{lang}: {subsidy:?}"
        );
    }
}

/// The cases the issue names: the second OpenAI tranche and the Dutch news on the 22.5 billion
/// dollar investment; the 2019 sale of the 4.9 percent stake and the English paragraph on it.
#[test]
fn the_named_links_are_first_with_their_evidence() {
    let comparison = Comparison::build(parallel_reader::set::bundled());
    let first = |row: usize| comparison.links[row].first().unwrap();
    let doc =
        |link: &parallel_reader::link::Link| comparison.set.documents[link.document].lang.clone();
    let tranche = first(28);
    assert_eq!((doc(tranche).as_str(), tranche.paragraph), ("nl", 0));
    assert!(
        tranche.evidence.iter().any(|e| e == "22.5 × 10⁹ USD"),
        "{:?}",
        tranche.evidence
    );
    assert!(
        tranche
            .figures_agree
            .iter()
            .any(|a| a.reading == "22.5 × 10⁹ USD in both")
    );
    let stake = first(66);
    assert_eq!((doc(stake).as_str(), stake.paragraph), ("en", 12));
    assert!(
        stake.evidence.iter().any(|e| e == "4.9 %"),
        "{:?}",
        stake.evidence
    );
    // The proceeds of that sale are reported differently: 3.6 billion here, 3.3 in English.
    assert!(
        stake.figures_conflict.iter().any(|c| c
            .reason
            .starts_with("3.6 × 10⁹ USD (approx.) here, 3.3 × 10⁹ USD")),
        "{:?}",
        stake.figures_conflict
    );
    // The quarterly profit converted at a different rate in the German news.
    let profit = first(15);
    assert_eq!((doc(profit).as_str(), profit.paragraph), ("de", 4));
    assert!(
        profit
            .figures_conflict
            .iter()
            .any(|c| c.reason.contains("16.6 × 10⁹ USD")),
        "{:?}",
        profit.figures_conflict
    );
    // Boilerplate never links.
    for (row_idx, row) in comparison.rows.iter().enumerate() {
        let chrome = row
            .left
            .iter()
            .all(|&i| comparison.set.left().paragraphs[i].kind == ParagraphKind::Boilerplate);
        if chrome {
            assert!(comparison.links[row_idx].is_empty(), "row {row_idx}");
        }
    }
}

/// A small set in other languages: English and German renderings, Swedish and Dutch coverage.
#[test]
fn synthetic_set_in_other_languages() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write(
        "en.txt",
        "Airbus raises its forecast\n\nAirbus delivered 766 aircraft in 2024 and expects revenue of €69.2 billion, chief executive Guillaume Faury said in Toulouse.\n\nThe weather in the city was pleasant and many visitors walked along the river in the evening.",
    );
    write(
        "de.txt",
        "Airbus hebt seine Prognose an\n\nAirbus lieferte 2024 insgesamt 766 Flugzeuge aus und erwartet einen Umsatz von 69,2 Milliarden Euro, sagte Vorstandschef Guillaume Faury in Toulouse.\n\nDas Wetter in der Stadt war angenehm und viele Besucher spazierten am Abend am Fluss entlang.",
    );
    write(
        "sv.txt",
        "Flygplanstillverkaren Airbus levererade 766 flygplan under 2024, enligt vd Guillaume Faury. Intäkterna väntas bli 69,2 miljarder euro.\n\nI Stockholm öppnade en ny tunnelbanestation på måndagen efter flera års byggande.",
    );
    write(
        "nl.txt",
        "Concurrent Boeing leverde vorig jaar minder toestellen af door problemen in de fabriek.\n\nDe voetbalclub won zondag met 3-1 van de nummer twee van de competitie.",
    );
    write(
        "set.json",
        r#"{"left": {"path": "en.txt", "lang": "en"}, "right": {"path": "de.txt", "lang": "de"},
            "coverage": [{"path": "sv.txt", "lang": "sv"}, {"path": "nl.txt", "lang": "nl"}]}"#,
    );
    let comparison =
        Comparison::build(parallel_reader::set::load(&[dir.path().to_path_buf()]).unwrap());
    assert_eq!(comparison.rows.len(), 3);
    let links = &comparison.links[1];
    assert_eq!(links.len(), 1, "{links:?}");
    assert_eq!((links[0].document, links[0].paragraph), (2, 0));
    assert!(
        links[0].evidence.iter().any(|e| e == "69.2 × 10⁹ EUR"),
        "{:?}",
        links[0].evidence
    );
    assert!(
        links[0].evidence.iter().any(|e| e == "Faury"),
        "{:?}",
        links[0].evidence
    );
    assert!(
        links[0]
            .figures_agree
            .iter()
            .any(|a| a.reading == "69.2 × 10⁹ EUR in both")
    );
    // The weather paragraph has nothing in the coverage.
    assert!(comparison.links[2].is_empty(), "{:?}", comparison.links[2]);
    // The heading links through its section.
    assert!(comparison.links[0].iter().all(|l| l.via_section));
    assert_eq!(comparison.links[0].len(), 1);
}

#[test]
fn json_export_carries_links() {
    let comparison = Comparison::build(parallel_reader::set::bundled());
    let json = serde_json::to_value(parallel_reader::export::json::to_json(&comparison)).unwrap();
    let links = json["rows"][66]["links"].as_array().unwrap();
    let first = &links[0];
    assert_eq!(first["document"], "004_77232d68e55bed08");
    assert_eq!(first["paragraph"], 12);
    assert!(first["score"].as_f64().unwrap() > 0.45);
    assert!(
        first["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e == "4.9 %")
    );
    let conflict = &first["figures_conflict"][0];
    assert_eq!(conflict["row_figure"]["side"], "left");
    assert_eq!(conflict["row_figure"]["paragraph"], 66);
    assert_eq!(conflict["coverage_figure"]["paragraph"], 12);
    assert!(
        conflict["reason"]
            .as_str()
            .unwrap()
            .contains("3.3 × 10⁹ USD")
    );
    // Sorted by score, highest first.
    for rows in json["rows"].as_array().unwrap() {
        let scores: Vec<f64> = rows["links"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["score"].as_f64().unwrap())
            .collect();
        assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    }
}

/// A source that reports the same quantity a little differently still links, and the
/// difference shows as a conflict, not as a translation mismatch.
#[test]
fn a_differently_reported_figure_links_as_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write(
        "sv.txt",
        "Rubrik\n\nEricsson redovisade i oktober en nettovinst på 16,2 miljarder dollar för kvartalet.",
    );
    write(
        "nl.txt",
        "Kop\n\nEricsson rapporteerde in oktober een nettowinst van 16,2 miljard dollar over het kwartaal.",
    );
    write(
        "en.txt",
        "Ericsson reported in October a net profit of $16.6 billion for the quarter, analysts said.\n\nUnrelated: the weather in Stockholm was fine.",
    );
    write(
        "set.json",
        r#"{"left": {"path": "sv.txt", "lang": "sv"}, "right": {"path": "nl.txt", "lang": "nl"},
            "coverage": [{"path": "en.txt", "lang": "en"}]}"#,
    );
    let comparison =
        Comparison::build(parallel_reader::set::load(&[dir.path().to_path_buf()]).unwrap());
    assert_eq!(comparison.stats().mismatches, 0);
    let links = &comparison.links[1];
    assert_eq!(links.len(), 1, "{links:?}");
    assert_eq!(links[0].paragraph, 0);
    assert_eq!(
        links[0].figures_conflict[0].reason,
        "16.2 × 10⁹ USD here, 16.6 × 10⁹ USD in en"
    );
}

/// The judgement set's name for a coverage document: its language.
pub fn alias(comparison: &Comparison, doc: usize) -> &str {
    &comparison.set.documents[doc].lang
}

/// A small set in two other languages: French and Spanish renderings, Italian and Polish
/// coverage. The links were judged by writing the texts: the Italian paragraph reports the
/// acquisition (a figure and names), the Polish one the factory (names and a date); the
/// renderings' third paragraph has no counterpart.
#[test]
fn synthetic_set_in_french_and_spanish() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write(
        "fr.txt",
        "Renault rachète Ampère\n\nLe constructeur Renault a annoncé le rachat de la société Ampère pour 2,4 milliards d'euros, a déclaré Luca de Meo à Boulogne-Billancourt.\n\nLa nouvelle usine de batteries de Douai ouvrira en mars 2026 et emploiera 1 200 personnes.\n\nLe temps était doux et les terrasses des cafés étaient pleines tout le week-end.",
    );
    write(
        "es.txt",
        "Renault compra Ampère\n\nEl fabricante Renault anunció la compra de la empresa Ampère por 2.400 millones de euros, declaró Luca de Meo en Boulogne-Billancourt.\n\nLa nueva fábrica de baterías de Douai abrirá en marzo de 2026 y empleará a 1.200 personas.\n\nEl tiempo fue templado y las terrazas de los cafés estuvieron llenas todo el fin de semana.",
    );
    write(
        "it.txt",
        "Il gruppo Renault ha acquistato Ampère per 2,4 miliardi di euro, secondo l'amministratore delegato Luca de Meo.\n\nLa squadra di calcio locale ha vinto la partita di domenica.",
    );
    write(
        "pl.txt",
        "Fabryka akumulatorów Renault w Douai zostanie otwarta w marcu 2026 roku.\n\nW Warszawie otwarto nową linię tramwajową.",
    );
    write(
        "set.json",
        r#"{"left": {"path": "fr.txt", "lang": "fr"}, "right": {"path": "es.txt", "lang": "es"},
            "coverage": [{"path": "it.txt", "lang": "it"}, {"path": "pl.txt", "lang": "pl"}]}"#,
    );
    let comparison =
        Comparison::build(parallel_reader::set::load(&[dir.path().to_path_buf()]).unwrap());
    assert_eq!(comparison.rows.len(), 4);
    assert_eq!(
        comparison.stats().mismatches,
        0,
        "{:?}",
        comparison.mismatches
    );
    let first = |row: usize| {
        comparison.links[row]
            .first()
            .map(|l| (l.document, l.paragraph))
    };
    assert_eq!(first(1), Some((2, 0)), "{:?}", comparison.links[1]);
    assert!(
        comparison.links[1][0]
            .figures_agree
            .iter()
            .any(|a| a.reading == "2.4 × 10⁹ EUR in both"),
        "{:?}",
        comparison.links[1][0]
    );
    assert_eq!(first(2), Some((3, 0)), "{:?}", comparison.links[2]);
    assert!(comparison.links[3].is_empty(), "{:?}", comparison.links[3]);
}

/// A row links to a coverage paragraph at most once.
#[test]
fn links_are_unique_per_row() {
    let comparison = Comparison::build(parallel_reader::set::bundled());
    for (row, links) in comparison.links.iter().enumerate() {
        let mut seen = std::collections::HashSet::new();
        for link in links {
            assert!(
                seen.insert((link.document, link.paragraph)),
                "row {row}: twice {:?}",
                (link.document, link.paragraph)
            );
        }
    }
}
