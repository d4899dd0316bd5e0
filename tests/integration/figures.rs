//! Figures across the seed pair: zero mismatches as written, and exactly the edits found in
//! edited copies of the Dutch rendering.

use std::path::Path;

use parallel_reader::classify::split_paragraphs;
use parallel_reader::comparison::Comparison;

use crate::hay::{seed_text, seeds_dir};

#[test]
fn the_seed_pair_agrees_on_every_figure() {
    let comparison = Comparison::build(parallel_reader::set::bundled());
    let stats = comparison.stats();
    assert!(stats.figures > 250, "{}", stats.figures);
    let all = findings(&comparison);
    assert!(all.is_empty(), "{all:#?}");
}

/// Every mismatch of a comparison, with its row.
fn findings(comparison: &Comparison) -> Vec<String> {
    comparison
        .mismatches
        .iter()
        .enumerate()
        .flat_map(|(row, ms)| ms.iter().map(move |m| format!("row {row}: {}", m.reason)))
        .collect()
}

/// An edit of one Dutch paragraph: replace `from` (found exactly once) by `to`; the check must
/// report a mismatch in that row whose reason contains `reason`.
pub struct Edit {
    pub paragraph: usize,
    pub from: &'static str,
    pub to: &'static str,
    pub reason: &'static str,
}

pub const EDITS: [Edit; 11] = [
    Edit {
        paragraph: 6,
        from: "$ 5,83 miljard",
        to: "$ 5,38 miljard",
        reason: "5,83 → 5,38: value differs",
    },
    Edit {
        paragraph: 24,
        from: "$ 5,375 miljard",
        to: "$ 5.375 miljard",
        reason: "decimal mark differs: 5,375 → 5.375",
    },
    Edit {
        paragraph: 10,
        from: "32,1 miljoen aandelen",
        to: "32,1 miljard aandelen",
        reason: "scale differs: miljoner vs miljard",
    },
    Edit {
        paragraph: 15,
        from: "1,2 miljard euro",
        to: "1,2 miljard dollar",
        reason: "unit differs: EUR vs USD",
    },
    Edit {
        paragraph: 39,
        from: "$ 100 miljard",
        to: "$ 10 miljard",
        reason: "100 → 10: value differs",
    },
    Edit {
        paragraph: 66,
        from: "In 2019 verkocht",
        to: "In 2018 verkocht",
        reason: "2019 → 2018: year differs",
    },
    Edit {
        paragraph: 46,
        from: "12 november 2025",
        to: "13 november 2025",
        reason: "12 november 2025 → 13 november 2025: date differs",
    },
    Edit {
        paragraph: 85,
        from: "met bijna 4 procent",
        to: "fors",
        reason: "4 procent: missing in nl",
    },
    Edit {
        paragraph: 50,
        from: "De hype rond AI",
        to: "De hype van 2 jaar rond AI",
        reason: "2 jaar: missing in sv",
    },
    Edit {
        paragraph: 84,
        from: "59 procent",
        to: "69 procent",
        reason: "59 → 69: value differs",
    },
    Edit {
        paragraph: 40,
        from: "18 maanden",
        to: "18 weken",
        reason: "unit differs: months vs weeks",
    },
];

pub fn edited_set(dir: &Path, edits: &[Edit]) {
    let mut paragraphs = split_paragraphs(&seed_text("001"));
    for edit in edits {
        let text = &mut paragraphs[edit.paragraph];
        assert_eq!(
            text.matches(edit.from).count(),
            1,
            "¶{} {:?}",
            edit.paragraph,
            edit.from
        );
        *text = text.replace(edit.from, edit.to);
    }
    std::fs::write(dir.join("nl.txt"), paragraphs.join("\n\n")).unwrap();
    std::fs::copy(
        seeds_dir().join("000_56c814ddb9b757cd.txt"),
        dir.join("sv.txt"),
    )
    .unwrap();
    std::fs::write(
        dir.join("set.json"),
        r#"{"left": {"path": "sv.txt", "lang": "sv"}, "right": {"path": "nl.txt", "lang": "nl"}}"#,
    )
    .unwrap();
}

#[test]
fn edited_copies_report_exactly_the_edits() {
    let dir = tempfile::tempdir().unwrap();
    edited_set(dir.path(), &EDITS);
    let loaded = parallel_reader::set::load(&[dir.path().to_path_buf()]).unwrap();
    let comparison = Comparison::build(loaded);
    let mut found: Vec<(usize, String)> = comparison
        .mismatches
        .iter()
        .enumerate()
        .flat_map(|(row, ms)| ms.iter().map(move |m| (row, m.reason.clone())))
        .collect();
    found.sort();
    assert_eq!(found.len(), EDITS.len(), "{found:#?}");
    for edit in &EDITS {
        assert!(
            found
                .iter()
                .any(|(row, reason)| *row == edit.paragraph && reason.contains(edit.reason)),
            "¶{}: no mismatch containing {:?} in {found:#?}",
            edit.paragraph,
            edit.reason
        );
    }
}

#[test]
fn each_edit_alone_is_found_alone() {
    for edit in &EDITS {
        let dir = tempfile::tempdir().unwrap();
        edited_set(dir.path(), std::slice::from_ref(edit));
        let loaded = parallel_reader::set::load(&[dir.path().to_path_buf()]).unwrap();
        let comparison = Comparison::build(loaded);
        let rows = comparison.mismatch_rows();
        assert_eq!(rows, [edit.paragraph], "{}", edit.reason);
        assert_eq!(
            comparison.mismatches[edit.paragraph].len(),
            1,
            "{}",
            edit.reason
        );
    }
}

#[test]
fn check_command_is_a_qa_gate() {
    let binary = env!("CARGO_BIN_EXE_parallel-reader");
    let agree = std::process::Command::new(binary)
        .arg("check")
        .arg(seeds_dir())
        .output()
        .unwrap();
    assert_eq!(agree.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&agree.stdout);
    assert!(
        stdout.lines().next().unwrap().ends_with("0 mismatches."),
        "{stdout}"
    );
    // Coverage conflicts are listed apart and do not change the exit code...
    assert!(
        stdout.contains("conflicts (sources disagree; not translation errors):"),
        "{stdout}"
    );
    assert!(
        stdout.contains("3.3 × 10⁹ USD in English coverage"),
        "{stdout}"
    );
    // ...unless asked to.
    let strict = std::process::Command::new(binary)
        .args(["check", "--strict-coverage"])
        .arg(seeds_dir())
        .output()
        .unwrap();
    assert_eq!(strict.status.code(), Some(1));

    let dir = tempfile::tempdir().unwrap();
    edited_set(dir.path(), &EDITS[..2]);
    let differ = std::process::Command::new(binary)
        .arg("check")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(differ.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&differ.stdout);
    let lines: Vec<&str> = stdout
        .lines()
        .take_while(|l| !l.starts_with("Coverage:"))
        .collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    assert!(
        lines[0].starts_with("row 7: ¶6 “5,83 miljarder dollar” | ¶6 “$ 5,38 miljard”"),
        "{stdout}"
    );
    assert!(lines[2].ends_with("2 mismatches."), "{stdout}");

    let error = std::process::Command::new(binary)
        .args(["check", "/no/such/set"])
        .output()
        .unwrap();
    assert_eq!(error.status.code(), Some(2));
}

#[test]
fn json_export_carries_figures_and_mismatches() {
    let dir = tempfile::tempdir().unwrap();
    edited_set(dir.path(), &EDITS[..1]);
    let comparison =
        Comparison::build(parallel_reader::set::load(&[dir.path().to_path_buf()]).unwrap());
    let json = parallel_reader::export::json::to_json(&comparison);
    let value = serde_json::to_value(&json).unwrap();
    let paragraph = &value["documents"][0]["paragraphs"][6];
    let figure = &paragraph["figures"][0];
    assert_eq!(figure["text"], "5,83 miljarder dollar");
    assert_eq!(figure["value"], 5.83e9);
    assert_eq!(figure["unit"], "USD");
    assert_eq!(figure["kind"], "amount");
    assert_eq!(figure["approx"], false);
    assert!(figure["upper"].is_null());
    let text = paragraph["text"].as_str().unwrap();
    let (start, end) = (
        figure["start"].as_u64().unwrap() as usize,
        figure["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[start..end], "5,83 miljarder dollar");
    let mismatch = &value["rows"][6]["mismatches"][0];
    assert_eq!(mismatch["left"]["paragraph"], 6);
    assert_eq!(mismatch["left"]["figure"], 0);
    assert_eq!(mismatch["right"]["paragraph"], 6);
    assert_eq!(mismatch["reason"], "5,83 → 5,38: value differs");
}

/// A short document is still read in its language, and findings name the sides by their
/// labels, never "und".
#[test]
fn short_documents_are_detected_and_sides_named_by_label() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Intäkterna steg till 750 mkr under två år.",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "De inkomsten stegen in 2 jaar tot 750 miljoen euro en 3 procent.",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("set.json"),
        r#"{"left": {"path": "a.txt", "label": "Swedish draft"}, "right": {"path": "b.txt", "label": "Dutch draft"}}"#,
    )
    .unwrap();
    let comparison =
        Comparison::build(parallel_reader::set::load(&[dir.path().to_path_buf()]).unwrap());
    assert_eq!(comparison.set.left().lang, "sv");
    assert_eq!(comparison.set.right().lang, "nl");
    let reasons: Vec<&str> = comparison.mismatches[0]
        .iter()
        .map(|m| m.reason.as_str())
        .collect();
    // Two years in words and in digits agree; the currency differs; the percentage is missing.
    assert_eq!(
        reasons,
        [
            "3 procent: missing in Swedish draft",
            "unit differs: SEK vs EUR (750 mkr → 750 miljoen euro)",
        ]
    );
}

/// Pairs of renderings in other pairs of languages, written for the tests with the notations
/// each language uses in news (times of day, crowns with and without their country, ranges
/// written as one figure or two, fractions, Roman centuries, ages, fiscal years, scores).
const NOTATIONS: [&str; 16] = [
    "da-pl", "fr-en", "es-it", "de-nl", "sv-nb", "en-de", "en-sv", "en-es", "en-it", "nl-fr",
    "pl-de", "fr-it", "nb-da", "en-fr", "de-sv", "it-en",
];

fn notations_dir(pair: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/notations")
        .join(pair)
}

/// Every pair agrees on every figure as written; and a digit changed in any figure of the
/// right rendering is found in its row, so the agreement is not for want of reading them.
#[test]
fn other_language_pairs_agree_and_every_changed_digit_is_found() {
    for pair in NOTATIONS {
        let dir = notations_dir(pair);
        let comparison =
            Comparison::build(parallel_reader::set::load(std::slice::from_ref(&dir)).unwrap());
        let stats = comparison.stats();
        assert!(stats.figures >= 25, "{pair}: {} figures", stats.figures);
        let found = findings(&comparison);
        assert!(found.is_empty(), "{pair}: {found:#?}");

        let right = &comparison.set.documents[1];
        let right_file = format!("{}.txt", right.lang);
        let texts: Vec<&str> = right.paragraphs.iter().map(|p| p.text.as_str()).collect();
        let mut edits = 0;
        for (p, paragraph) in right.paragraphs.iter().enumerate() {
            // The first digit of the paragraph's first figure written with one.
            let Some(at) = paragraph.figures.iter().find_map(|f| {
                let text = &paragraph.text[f.byte_range.clone()];
                text.find(|c: char| c.is_ascii_digit())
                    .map(|offset| f.byte_range.start + offset)
            }) else {
                continue;
            };
            let digit = paragraph.text.as_bytes()[at] - b'0';
            let mut edited = paragraph.text.clone();
            edited.replace_range(at..=at, &((digit + 1) % 10).to_string());
            let mut paragraphs = texts.clone();
            paragraphs[p] = &edited;
            let copy = tempfile::tempdir().unwrap();
            for file in std::fs::read_dir(&dir).unwrap() {
                let file = file.unwrap().path();
                std::fs::copy(&file, copy.path().join(file.file_name().unwrap())).unwrap();
            }
            std::fs::write(copy.path().join(&right_file), paragraphs.join("\n\n")).unwrap();
            let changed =
                Comparison::build(parallel_reader::set::load(&[copy.path().to_owned()]).unwrap());
            let row = changed
                .rows
                .iter()
                .position(|r| r.right.contains(&p))
                .unwrap();
            assert!(
                !changed.mismatches[row].is_empty(),
                "{pair}: ¶{p} edited to {edited:?} is not found"
            );
            edits += 1;
        }
        assert!(edits >= 6, "{pair}: {edits} edits");
    }
}
