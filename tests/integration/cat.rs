//! Bilingual files as CAT tools really write them (issue 27): made by translate-toolkit's
//! `txt2po`, `po2xliff`, `po2tmx` and `xliff2po` from the bundled pair (tests/data/cat/make.sh,
//! with an edited copy of ten changed figures), and samples shaped after the SDLXLIFF and memoQ
//! specifications (tests/data/cat/samples.py). The tools declare the Swedish source as English;
//! the text wins.

use std::path::PathBuf;

use parallel_reader::comparison::Comparison;
use parallel_reader::review::Status;
use parallel_reader::set::{self, WarningKind};

use crate::hay::seeds_dir;

fn cat(name: &str) -> PathBuf {
    crate::hay::data_dir().join("cat").join(name)
}

fn open(name: &str) -> Comparison {
    Comparison::build(set::load(&[cat(name)]).unwrap())
}

fn seed_paragraphs(name: &str) -> Vec<String> {
    let text = std::fs::read_to_string(seeds_dir().join(name)).unwrap();
    text.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

/// The paragraph numbers (from 0) of the ten figures `tests/data/cat/fill.py` changes.
const EDITED: [usize; 10] = [6, 10, 15, 16, 24, 29, 41, 66, 78, 84];

/// Every file of the unedited pair: the article's paragraphs in order on both sides (the
/// segments of a segmented unit joined), Swedish and Dutch whatever the file declares, no
/// finding, and a warning where a declaration was overruled.
#[test]
fn files_written_by_the_tools_open_as_the_pair_they_hold() {
    let sv = seed_paragraphs("000_56c814ddb9b757cd.txt");
    let nl = seed_paragraphs("001_0bd7ab58742551fb.txt");
    let cases = [
        ("softbank-sv-nl.xlf", Some("en-US")),
        ("softbank-sv-nl.tmx", Some("en")),
        ("softbank-sv-nl.po", None),
        ("softbank-sv-nl.xliff2po.po", None),
        ("softbank-sv-nl.sdlxliff", Some("en-US")),
        ("softbank-sv-nl.mqxliff", Some("en-US")),
    ];
    for (name, declared) in cases {
        let segmented = name.ends_with(".sdlxliff");
        let comparison = open(name);
        let set = &comparison.set;
        assert_eq!(set.left().lang, "sv", "{name}");
        assert_eq!(set.right().lang, "nl", "{name}");
        // Segments of one paragraph share the unit id before the dot.
        let joined = |side: &parallel_reader::set::Document| -> Vec<String> {
            let mut paragraphs: Vec<(String, String)> = Vec::new();
            for p in &side.paragraphs {
                let unit = p.unit.clone().unwrap_or_default();
                let paragraph = unit.split('.').next().unwrap_or_default().to_owned();
                match paragraphs.last_mut() {
                    Some((last, text)) if segmented && *last == paragraph => {
                        text.push(' ');
                        text.push_str(&p.text);
                    }
                    _ => paragraphs.push((paragraph, p.text.clone())),
                }
            }
            paragraphs.into_iter().map(|(_, text)| text).collect()
        };
        assert_eq!(joined(set.left()), sv, "{name}");
        assert_eq!(joined(set.right()), nl, "{name}");
        let stats = comparison.stats();
        assert_eq!(
            (stats.mismatches, stats.untranslated),
            (0, 0),
            "{name}: {:?}",
            comparison.mismatch_rows()
        );
        let overruled: Vec<&str> = comparison
            .warnings
            .iter()
            .filter(|w| w.kind == WarningKind::Repaired)
            .map(|w| w.problem.as_str())
            .collect();
        match declared {
            Some(declared) => assert_eq!(
                overruled,
                [format!(
                    "the file declares the source as {declared}; its text is Swedish: read as Swedish"
                )],
                "{name}"
            ),
            None => assert!(overruled.is_empty(), "{name}: {overruled:?}"),
        }
    }
}

#[test]
fn exactly_the_edited_rows_are_flagged() {
    for name in [
        "softbank-sv-nl-edited.xlf",
        "softbank-sv-nl-edited.tmx",
        "softbank-sv-nl-edited.po",
    ] {
        let comparison = open(name);
        assert_eq!(comparison.mismatch_rows(), EDITED, "{name}");
        assert_eq!(comparison.stats().mismatches, 10, "{name}");
    }
}

/// The gettext header is no row, and what the tools say of a unit is kept: `approved`, the
/// state, the TMX properties.
#[test]
fn tool_made_units_and_what_the_tools_say() {
    for name in ["softbank-sv-nl.xlf", "softbank-sv-nl.po"] {
        let comparison = open(name);
        assert_eq!(comparison.rows.len(), 129, "{name}");
        let first = &comparison.set.left().paragraphs[0].text;
        assert_eq!(first, "Webbplatsikon Xpert.digital", "{name}");
    }
    // po2xliff writes approved="yes" on every translated unit.
    let xliff = open("softbank-sv-nl.xlf");
    assert_eq!(xliff.reviews[0].status, Status::Ok);
    assert_eq!(
        xliff.unit_of_row(0).unwrap().tool_status().as_deref(),
        Some("translated · approved")
    );
    // po2tmx keeps the PO's context as a property: it becomes the row's note.
    let tmx = open("softbank-sv-nl.tmx");
    assert_eq!(tmx.reviews[1].note, "x-context: sv.txt:3");
}

#[test]
fn segmented_units_are_one_row_per_segment() {
    let comparison = open("softbank-sv-nl.sdlxliff");
    let left = comparison.set.left();
    assert!(comparison.rows.len() > 250, "{}", comparison.rows.len());
    // Unit u0007 holds the article's first paragraph of body text, cut into its sentences.
    let ids: Vec<&str> = left
        .paragraphs
        .iter()
        .filter_map(|p| p.unit.as_deref())
        .filter(|id| id.starts_with("u0007."))
        .collect();
    assert_eq!(ids, ["u0007.1", "u0007.2", "u0007.3"]);
    assert!(
        left.paragraphs
            .iter()
            .all(|p| p.unit.as_deref() != Some("0a1b"))
    );
    // The confirmation levels of the segment definitions are review statuses.
    let statuses: Vec<Status> = comparison.reviews.iter().map(|r| r.status).collect();
    assert!(statuses.contains(&Status::Ok) && statuses.contains(&Status::Unreviewed));
    let row = left
        .paragraphs
        .iter()
        .position(|p| p.unit.as_deref() == Some("u0007.1"))
        .unwrap();
    let status = comparison.unit_of_row(row).unwrap().tool_status().unwrap();
    assert!(status.contains('%'), "{status}");
    // The TMX export writes each segment back as a unit of its own.
    let mut tmx = Vec::new();
    let options =
        parallel_reader::export::Options::for_format(parallel_reader::export::Format::Tmx);
    parallel_reader::export::write(
        &comparison,
        parallel_reader::export::Format::Tmx,
        options,
        &mut tmx,
    )
    .unwrap();
    let tmx = String::from_utf8(tmx).unwrap();
    assert!(tmx.contains(r#"<tu tuid="u0007.2">"#));
}

#[test]
fn memoq_statuses_and_locked_units() {
    let comparison = open("softbank-sv-nl.mqxliff");
    assert_eq!(comparison.rows.len(), 129);
    // Unit 5 is Reviewer1Confirmed in the sample, unit 3 PartiallyEdited.
    assert_eq!(comparison.reviews[4].status, Status::Ok);
    let status = comparison.unit_of_row(4).unwrap().tool_status().unwrap();
    assert!(status.starts_with("Reviewer1Confirmed · "), "{status}");
    assert_eq!(comparison.reviews[2].status, Status::Unreviewed);
    // Unit 1 is locked: a figure changed in it is no finding.
    let text = std::fs::read_to_string(cat("softbank-sv-nl.mqxliff")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("locked.mqxliff");
    let edited = text.replacen(
        "Website -pictogram Xpert.Digital</target>",
        "Website -pictogram Xpert.Digital 2024</target>",
        1,
    );
    assert_ne!(edited, text);
    std::fs::write(&path, edited).unwrap();
    let locked = Comparison::build(set::load(&[path]).unwrap());
    assert_eq!(locked.stats().mismatches, 0);
}

/// `translate="no"` units are shown, not checked; a unit whose text has no words is left out.
#[test]
fn units_not_to_translate_are_shown_not_checked() {
    let xliff = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2"><file source-language="sv" target-language="nl"><body>
<trans-unit id="1" translate="no"><source>Nvidia 5,83</source><target>Nvidia 5,38</target></trans-unit>
<trans-unit id="2"><source>Försäljningen omfattade 32,1 miljoner aktier.</source><target>De verkoop omvatte 31,2 miljoen aandelen.</target></trans-unit>
<trans-unit id="3"><source> </source><target> </target></trans-unit>
<trans-unit id="4" translate="no"><source>SoftBank Group</source></trans-unit>
</body></file></xliff>"#;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("units.xlf");
    std::fs::write(&path, xliff).unwrap();
    let comparison = Comparison::build(set::load(&[path]).unwrap());
    assert_eq!(comparison.rows.len(), 3);
    assert_eq!(comparison.mismatch_rows(), [1]);
    // A locked unit without a target is not "untranslated".
    assert_eq!(comparison.stats().untranslated, 0);
}
