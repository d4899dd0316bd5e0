//! Links to coverage, measured against a judgement set made by reading the seed texts.
//!
//! `JUDGEMENTS` lists, for body paragraphs of the Xpert article (row = paragraph index, the seed
//! pair aligns one to one), the coverage paragraphs that report the same fact or event:
//! `de` = German news (002), `nl` = Dutch news (003), `en` = English coverage (004). Body
//! paragraphs not listed report nothing the coverage reports. Headings and boilerplate are not
//! judged.

use std::collections::BTreeSet;

use parallel_reader::comparison::Comparison;
use parallel_reader::paragraph::ParagraphKind;

pub const JUDGEMENTS: &[(usize, &[(&str, usize)])] = &[
    (6, &[("de", 0), ("de", 3), ("nl", 1)]),
    (7, &[("en", 9), ("en", 10), ("en", 11), ("de", 1)]),
    (10, &[("de", 0), ("de", 3), ("nl", 1)]),
    (12, &[("de", 1)]),
    (14, &[("de", 0), ("de", 3)]),
    (15, &[("de", 4)]),
    (16, &[("de", 4), ("de", 0)]),
    (20, &[("nl", 1), ("de", 1)]),
    (23, &[("de", 1)]),
    (24, &[("de", 9), ("de", 1)]),
    (25, &[("de", 6)]),
    (27, &[("nl", 0)]),
    (28, &[("nl", 0)]),
    (29, &[("nl", 6), ("de", 5)]),
    (30, &[("de", 4), ("nl", 6)]),
    (38, &[("de", 9), ("de", 1)]),
    (39, &[("de", 9)]),
    (40, &[("de", 11)]),
    (41, &[("de", 11), ("de", 12)]),
    (42, &[("de", 10)]),
    (43, &[("de", 11)]),
    (48, &[("de", 22)]),
    (66, &[("en", 12)]),
    (67, &[("en", 12), ("en", 10), ("en", 11)]),
    (68, &[("en", 10), ("en", 12)]),
    (69, &[("en", 11), ("en", 10)]),
    (83, &[("nl", 1)]),
    (84, &[("nl", 1)]),
    (86, &[("nl", 1)]),
    (87, &[("nl", 1)]),
    (90, &[("nl", 1), ("de", 4)]),
    (92, &[("de", 7), ("nl", 2)]),
    (96, &[("de", 6)]),
    (102, &[("de", 23), ("de", 24), ("de", 17)]),
    (103, &[("de", 13)]),
    (104, &[("en", 10), ("en", 12)]),
    (108, &[("de", 0), ("de", 1)]),
    (109, &[("de", 1)]),
    (110, &[("en", 10), ("en", 12)]),
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
    /// Body paragraphs without counterpart that got a link anyway.
    pub false_paragraphs: Vec<usize>,
    pub misses: Vec<String>,
}

pub fn measure(comparison: &Comparison, k: usize) -> Measured {
    let doc_index = |alias: &str| -> usize {
        let lang = match alias {
            "de" => "de",
            "nl" => "nl",
            _ => "en",
        };
        comparison
            .set
            .documents
            .iter()
            .enumerate()
            .skip(2)
            .find(|(_, d)| d.lang == lang)
            .map(|(i, _)| i)
            .unwrap()
    };
    let judged: Vec<(usize, BTreeSet<(usize, usize)>)> = JUDGEMENTS
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
        false_paragraphs,
        misses,
    }
}

#[test]
fn seed_links_against_the_judgement_set() {
    let comparison = Comparison::build(parallel_reader::set::bundled());
    let measured = measure(&comparison, 3);
    eprintln!(
        "top-3 links: precision {:.2}, recall {:.2}, {} of {} paragraphs with a counterpart hit, {} paragraphs without counterpart linked\n{}",
        measured.precision,
        measured.recall,
        measured.paragraphs_hit,
        measured.paragraphs_judged,
        measured.false_paragraphs.len(),
        measured.misses.join("\n")
    );
    // The levels reached (see the closing note of the linking issue); they may only go up.
    assert!(
        measured.precision >= 0.65,
        "precision {:.2}",
        measured.precision
    );
    assert!(measured.recall >= 0.27, "recall {:.2}", measured.recall);
    assert!(
        measured.paragraphs_hit >= 15,
        "{} paragraphs hit",
        measured.paragraphs_hit
    );
    assert!(
        measured.false_paragraphs.len() <= 4,
        "{:?}",
        measured.false_paragraphs
    );
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
