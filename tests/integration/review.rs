//! Review and export: the five writers parsed back, the review file (atomic writes, backup,
//! corrupt files, changed texts), undo/redo and manual alignment edits.

use std::path::Path;

use parallel_reader::comparison::Comparison;
use parallel_reader::export::{self, Format, Options};
use parallel_reader::review::{self, Status};
use parallel_reader::side::{End, Neighbour, Side};

use crate::figures::{EDITS, edited_set};

fn edited(dir: &Path) -> Comparison {
    edited_set(dir, &EDITS[..2]);
    Comparison::build(parallel_reader::set::load(&[dir.to_path_buf()]).unwrap())
}

/// Accept the first mismatch of `row` ("rounded on purpose"); its reason.
fn accept_first_mismatch(comparison: &mut Comparison, row: usize) -> String {
    let reason = comparison.mismatches[row][0].reason.clone();
    comparison.edit_review(row, |r| {
        r.accepted.push(review::Accepted {
            finding: review::mismatch_key(&reason),
            reason: "rounded on purpose".to_owned(),
        });
    });
    reason
}

fn exported(comparison: &Comparison, format: Format, options: Options) -> String {
    let mut out = Vec::new();
    export::write(comparison, format, options, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn all_rows() -> Options {
    Options {
        include_boilerplate: true,
        only_findings: false,
    }
}

#[test]
fn html_is_self_contained_and_parses_back_with_its_highlights() {
    let mut comparison = Comparison::build(parallel_reader::set::bundled());
    comparison.edit_review(15, |r| {
        r.status = Status::Question;
        r.note = "Which dollar rate? <check>".to_owned();
    });
    let html = exported(&comparison, Format::Html, all_rows());
    assert!(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"));
    // Parse it back as XML and collect what matters.
    let mut reader = quick_xml::Reader::from_str(&html);
    let mut ids = std::collections::HashSet::new();
    let mut hrefs = Vec::new();
    let mut figure_marks = 0;
    let mut texts = String::new();
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e) => {
                for attr in e.attributes() {
                    let attr = attr.unwrap();
                    let value = attr
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .unwrap()
                        .into_owned();
                    match attr.key.as_ref() {
                        "id" => {
                            ids.insert(value);
                        }
                        "href" => hrefs.push(value),
                        "class" if e.name().as_ref() == "mark" && value.contains("fig") => {
                            figure_marks += 1;
                        }
                        _ => {}
                    }
                }
            }
            quick_xml::events::Event::Text(t) => {
                texts.push_str(&t.xml_content(quick_xml::XmlVersion::Implicit1_0));
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(figure_marks, comparison.stats().figures);
    // Every internal link has its anchor: the summary to rows, rows to coverage paragraphs.
    for href in &hrefs {
        let target = href.trim_start_matches('#');
        assert!(ids.contains(target), "{href} has no anchor");
    }
    assert!(hrefs.iter().any(|h| h == "#row-15"));
    assert!(hrefs.iter().any(|h| h == "#cov-002_0a61c7d32ba01d67-4"));
    assert!(texts.contains("16.2 × 10⁹ USD (approx.) here, 16.6 × 10⁹ USD in German news"));
    assert!(html.contains("Which dollar rate? &lt;check&gt;"));
    assert!(texts.contains("Question"));
}

#[test]
fn html_marks_mismatches_with_their_reason() {
    let dir = tempfile::tempdir().unwrap();
    let comparison = edited(dir.path());
    let html = exported(&comparison, Format::Html, all_rows());
    assert!(html.contains(r#"<mark class="fig mismatch" title="5.38 × 10⁹ USD — 5,83 → 5,38: value differs">$ 5,38 miljard</mark>"#), "{}", &html[..2000]);
    assert!(html.contains(r##"<a href="#row-6">Row 7</a>: 5,83 → 5,38: value differs"##));
    // Only rows with findings.
    let only = Options {
        include_boilerplate: true,
        only_findings: true,
    };
    let html = exported(&comparison, Format::Html, only);
    assert_eq!(html.matches(r#"<tr id="row-"#).count(), 2);
}

#[test]
fn tmx_has_one_unit_per_row_in_both_languages() {
    let mut comparison = Comparison::build(parallel_reader::set::bundled());
    comparison.edit_review(6, |r| {
        r.note = "Checked against the source & the filing".to_owned();
    });
    let tmx = exported(&comparison, Format::Tmx, Options::for_format(Format::Tmx));
    let mut reader = quick_xml::Reader::from_str(&tmx);
    let mut units = 0;
    let mut tuvs_in_unit = Vec::new();
    let mut langs = std::collections::BTreeSet::new();
    let mut srclang = String::new();
    let mut notes = Vec::new();
    let mut in_note = false;
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Start(e) => match e.name().as_ref() {
                "tu" => {
                    units += 1;
                    tuvs_in_unit.push(0);
                }
                "tuv" => {
                    *tuvs_in_unit.last_mut().unwrap() += 1;
                    let lang = e.try_get_attribute("xml:lang").unwrap().unwrap();
                    langs.insert(
                        lang.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .unwrap()
                            .into_owned(),
                    );
                }
                "header" => {
                    srclang = e
                        .try_get_attribute("srclang")
                        .unwrap()
                        .unwrap()
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .unwrap()
                        .into_owned();
                }
                "note" => in_note = true,
                _ => {}
            },
            quick_xml::events::Event::End(e) if e.name().as_ref() == "note" => in_note = false,
            quick_xml::events::Event::Text(t) if in_note => {
                notes.push(
                    t.xml_content(quick_xml::XmlVersion::Implicit1_0)
                        .into_owned(),
                );
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    // Boilerplate left out by default: every matched row of content is one unit.
    let expected = (0..comparison.rows.len())
        .filter(|&r| !comparison.rows[r].is_unmatched() && !comparison.is_boilerplate_row(r))
        .count();
    assert_eq!(units, expected);
    assert!(units < comparison.rows.len());
    assert!(tuvs_in_unit.iter().all(|&n| n == 2));
    assert_eq!(srclang, "sv");
    assert_eq!(langs.into_iter().collect::<Vec<_>>(), ["nl", "sv"]);
    assert!(!notes.is_empty());
    assert!(tmx.contains("<note>Checked against the source &amp; the filing</note>"));
}

#[test]
fn csv_parses_back_with_any_text() {
    let mut comparison = Comparison::build(parallel_reader::set::bundled());
    let tricky = "A \"quoted\" note, with a comma\nand a second line";
    comparison.edit_review(10, |r| {
        r.status = Status::NeedsFix;
        r.note = tricky.to_owned();
    });
    let csv = exported(&comparison, Format::Csv, all_rows());
    let mut reader = csv::ReaderBuilder::new().from_reader(csv.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        headers,
        [
            "row",
            "left",
            "right",
            "mismatches",
            "links",
            "status",
            "note",
            "moved"
        ]
    );
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), comparison.rows.len());
    let row10 = &records[10];
    // Rows count from 1 where a person reads them.
    assert_eq!(&row10[0], "11");
    assert_eq!(&row10[1], comparison.set.left().paragraphs[10].text);
    assert_eq!(&row10[5], "needs_fix");
    assert_eq!(&row10[6], tricky);
    assert!(records[15][3].contains("coverage conflict: German news ¶4"));
    assert!(records[6][4].contains("German news ¶0"));
}

#[test]
fn json_round_trips_with_reviews_and_manual_rows() {
    let mut comparison = Comparison::build(parallel_reader::set::bundled());
    comparison.edit_review(3, |r| r.status = Status::Ok);
    assert!(
        comparison.edit_alignment(|rows, reviews| review::edit::merge_with_next(rows, reviews, 1))
    );
    let json = exported(&comparison, Format::Json, all_rows());
    let parsed: export::json::ComparisonJson = serde_json::from_str(&json).unwrap();
    assert_eq!(parsed.schema, "parallel-reader/comparison/1");
    assert_eq!(parsed.rows.len(), 128);
    assert_eq!(
        (parsed.rows[1].left.clone(), parsed.rows[1].right.clone()),
        (vec![1, 2], vec![1, 2])
    );
    assert_eq!(parsed.rows[2].review.status, "ok");
    assert_eq!(parsed.rows[0].review.status, "unreviewed");
    assert_eq!(parsed.rows[0].review.note, "");
    let again: serde_json::Value = serde_json::to_value(&parsed).unwrap();
    let original: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(again == original, "the JSON export does not round-trip");
}

#[test]
fn markdown_has_the_rows_findings_and_reviews() {
    let dir = tempfile::tempdir().unwrap();
    let mut comparison = edited(dir.path());
    comparison.edit_review(6, |r| r.note = "Typo in the Dutch *amount*".to_owned());
    let md = exported(&comparison, Format::Markdown, all_rows());
    assert!(md.contains("- [Row 7](#row-7): 5,83 → 5,38: value differs"));
    assert!(md.contains("### Row 7"));
    assert!(md.contains("**$ 5,38 miljard**"));
    assert!(md.contains("- Note: Typo in the Dutch \\*amount\\*"));
}

#[test]
fn accepting_a_finding_removes_it_from_the_counts_and_undo_brings_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut comparison = edited(dir.path());
    assert_eq!(comparison.stats().mismatches, 2);
    accept_first_mismatch(&mut comparison, 6);
    assert_eq!(comparison.stats().mismatches, 1);
    assert_eq!(comparison.stats().accepted, 1);
    assert_eq!(comparison.mismatch_rows(), [24]);
    // Still there on request.
    assert_eq!(comparison.mismatches[6].len(), 1);
    assert!(comparison.undo());
    assert_eq!(comparison.stats().mismatches, 2);
    assert!(comparison.redo());
    assert_eq!(comparison.stats().mismatches, 1);
    assert!(!comparison.redo());
}

/// One notion of open findings: a mismatch the reviewer accepted leaves the count of `check`
/// (and its exit code), of every export and of the window alike.
#[test]
fn every_view_counts_findings_the_same_way() {
    let dir = tempfile::tempdir().unwrap();
    let mut comparison = edited(dir.path());
    accept_first_mismatch(&mut comparison, 6);
    let path = review::store::review_path(&comparison.set.source, dir.path());
    review::write(&path, &comparison.review_file()).unwrap();
    let binary = env!("CARGO_BIN_EXE_parallel-reader");
    let run = |args: &[&str]| {
        std::process::Command::new(binary)
            .args(args)
            .arg(dir.path())
            .env("XDG_DATA_HOME", dir.path().join("data"))
            .output()
            .unwrap()
    };
    // `check` reads the review: one open mismatch, one accepted, and only the open one listed.
    let check = run(&["check"]);
    let stdout = String::from_utf8_lossy(&check.stdout);
    assert_eq!(check.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("1 mismatch (1 more accepted in the review)."),
        "{stdout}"
    );
    assert_eq!(stdout.lines().filter(|l| l.starts_with("row ")).count(), 1);
    assert!(stdout.starts_with("row 25:"), "{stdout}");
    // The exports count the same.
    let json: serde_json::Value =
        serde_json::from_slice(&run(&["export", "--format", "json"]).stdout).unwrap();
    assert_eq!(json["summary"]["mismatches"], 1);
    assert_eq!(json["summary"]["accepted_mismatches"], 1);
    assert_eq!(json["rows"][6]["mismatches"][0]["accepted"], true);
    assert_eq!(json["rows"][24]["mismatches"][0]["accepted"], false);
    let html = String::from_utf8(run(&["export", "--format", "html"]).stdout).unwrap();
    assert!(html.contains("· 1 mismatches ·"), "{}", &html[..2000]);
    let markdown = String::from_utf8(run(&["export", "--format", "md"]).stdout).unwrap();
    assert_eq!(markdown.matches("- Mismatch:").count(), 1);
    // With both accepted the gate passes.
    let reason = comparison.mismatches[24][0].reason.clone();
    comparison.edit_review(24, |r| {
        r.accepted.push(review::Accepted {
            finding: review::mismatch_key(&reason),
            reason: String::new(),
        });
    });
    review::write(&path, &comparison.review_file()).unwrap();
    assert_eq!(run(&["check"]).status.code(), Some(0));
    assert_eq!(comparison.stats().mismatches, 0);
    assert_eq!(comparison.stats().accepted_mismatches, 2);
}

#[test]
fn alignment_edits_update_figures_at_once_and_undo() {
    let dir = tempfile::tempdir().unwrap();
    let mut comparison = edited(dir.path());
    let rows_before = comparison.rows.clone();
    // Detach the Dutch paragraph of row 6: both sides become unmatched, no mismatch is left
    // there (unmatched rows are shown as such).
    assert!(
        comparison.edit_alignment(|rows, reviews| review::edit::detach(
            rows,
            reviews,
            6,
            Side::Right,
            End::Last
        ))
    );
    assert_eq!(comparison.rows.len(), 130);
    assert!(comparison.rows[6].right.is_empty() && comparison.rows[7].left.is_empty());
    assert_eq!(comparison.mismatch_rows(), [25]);
    // Attach it back to the previous row: the mismatch is found again.
    assert!(
        comparison.edit_alignment(|rows, reviews| review::edit::attach(
            rows,
            reviews,
            7,
            Neighbour::Previous
        ))
    );
    assert_eq!(comparison.rows, rows_before);
    assert_eq!(comparison.mismatch_rows(), [6, 24]);
    assert!(comparison.undo());
    assert_eq!(comparison.rows.len(), 130);
    assert!(comparison.undo());
    assert_eq!(comparison.rows, rows_before);
    assert!(!comparison.undo());
}

#[test]
fn review_files_survive_changed_texts_and_never_lose_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let mut comparison = edited(dir.path());
    comparison.edit_review(10, |r| {
        r.status = Status::NeedsFix;
        r.note = "Shares, not share classes".to_owned();
    });
    comparison.edit_review(12, |r| r.note = "This paragraph will change".to_owned());
    let path = review::store::review_path(&comparison.set.source, dir.path());
    assert_eq!(path, dir.path().join("set.review.json"));
    review::write(&path, &comparison.review_file()).unwrap();

    // The texts change: a paragraph is added at the top of both sides and ¶12 is rewritten.
    let sv = std::fs::read_to_string(dir.path().join("sv.txt")).unwrap();
    let nl = std::fs::read_to_string(dir.path().join("nl.txt")).unwrap();
    let mut sv_paragraphs = parallel_reader::classify::split_paragraphs(&sv);
    let mut nl_paragraphs = parallel_reader::classify::split_paragraphs(&nl);
    sv_paragraphs[12] = "Helt ny text om något annat.".to_owned();
    nl_paragraphs[12] = "Een geheel nieuwe tekst over iets anders.".to_owned();
    std::fs::write(
        dir.path().join("sv.txt"),
        format!("Ny rubrik\n\n{}", sv_paragraphs.join("\n\n")),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("nl.txt"),
        format!("Nieuwe kop\n\n{}", nl_paragraphs.join("\n\n")),
    )
    .unwrap();
    let mut reopened =
        Comparison::build(parallel_reader::set::load(&[dir.path().to_path_buf()]).unwrap());
    let file = review::read(&path).unwrap().unwrap();
    let messages = reopened.restore_review(&file);
    // The note moved with its paragraph (now row 11)...
    assert_eq!(reopened.reviews[11].note, "Shares, not share classes");
    assert_eq!(reopened.reviews[11].status, Status::NeedsFix);
    // ...the other could not be placed: kept, listed, and saved again.
    assert_eq!(reopened.unplaced.len(), 1);
    assert!(
        messages.iter().any(|m| m.contains("could not be placed")),
        "{messages:?}"
    );
    review::write(&path, &reopened.review_file()).unwrap();
    let saved = review::read(&path).unwrap().unwrap();
    assert_eq!(saved.unplaced.len(), 1);
    assert_eq!(saved.unplaced[0].review.note, "This paragraph will change");
    // The previous version is kept as a backup.
    let backup = std::fs::read_to_string(dir.path().join("set.review.json.bak")).unwrap();
    assert!(backup.contains("This paragraph will change"));
}

#[test]
fn an_interrupted_write_leaves_the_old_review() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("set.review.json");
    std::fs::write(&path, "old content").unwrap();
    let result = parallel_reader::atomic::write_with(&path, |out| {
        out.write_all(b"half of the new cont")?;
        Err(std::io::Error::other("killed half-way"))
    });
    assert!(result.is_err());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "old content");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
    // An export to a place that cannot be written gives a clear error.
    let err =
        parallel_reader::atomic::write(Path::new("/no/such/folder/out.html"), b"x").unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::NotFound);
}

#[test]
fn a_corrupt_review_file_is_set_aside_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("set.review.json");
    std::fs::write(&path, "{ this is not json").unwrap();
    let err = review::read(&path).unwrap_err();
    let message = err.to_string();
    assert!(message.contains("set aside"), "{message}");
    assert!(!path.exists());
    let aside: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(aside.len(), 1);
    assert!(aside[0].starts_with("set.review.json.corrupt-"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join(&aside[0])).unwrap(),
        "{ this is not json"
    );
    assert!(review::read(&path).unwrap().is_none());
}

#[test]
fn command_line_exports_every_format() {
    let binary = env!("CARGO_BIN_EXE_parallel-reader");
    let dir = tempfile::tempdir().unwrap();
    for format in ["html", "md", "json", "tmx", "csv"] {
        let out = dir.path().join(format!("seeds.{format}"));
        let status = std::process::Command::new(binary)
            .arg("export")
            .arg(crate::hay::seeds_dir())
            .args(["--format", format, "--out"])
            .arg(&out)
            .status()
            .unwrap();
        assert!(status.success(), "{format}");
        assert!(std::fs::metadata(&out).unwrap().len() > 1000, "{format}");
    }
}

/// Snapshots of the Markdown and CSV exports of a tiny set (expected text written out in full).
#[test]
fn small_set_snapshots() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Försäljningen\n\nSoftBank sålde aktier för 5,83 miljarder dollar.",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "De verkoop\n\nSoftBank verkocht aandelen voor $ 5,38 miljard.",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("set.json"),
        r#"{"title": "Tiny", "left": {"path": "a.txt", "lang": "sv", "label": "SV"}, "right": {"path": "b.txt", "lang": "nl", "label": "NL"}}"#,
    )
    .unwrap();
    let mut comparison =
        Comparison::build(parallel_reader::set::load(&[dir.path().to_path_buf()]).unwrap());
    comparison.edit_review(1, |r| {
        r.status = Status::NeedsFix;
        r.note = "Ask the translator".to_owned();
    });
    let md = exported(&comparison, Format::Markdown, all_rows());
    let expected_md = "# Tiny

Left: **SV** (sv) · Right: **NL** (nl)

## Summary

- 2 rows, 2 figures, 1 mismatch, 0 coverage conflicts, 0 accepted
- Review: 1 unreviewed, 0 OK, 1 needs a fix, 0 questions, 1 note

- [Row 2](#row-2): 5,83 → 5,38: value differs

## Rows

### Row 1

**SV** (sv)

> ¶0 Försäljningen

**NL** (nl)

> ¶0 De verkoop


### Row 2

**SV** (sv)

> ¶1 SoftBank sålde aktier för **5,83 miljarder dollar**.

**NL** (nl)

> ¶1 SoftBank verkocht aandelen voor **$ 5,38 miljard**.

- Status: Needs fix
- Note: Ask the translator
- Mismatch: 5,83 → 5,38: value differs

";
    assert_eq!(md, expected_md);
    let csv = exported(&comparison, Format::Csv, all_rows());
    let mut reader = csv::ReaderBuilder::new().from_reader(csv.as_bytes());
    let records: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    assert_eq!(
        records,
        [
            vec![
                "1",
                "Försäljningen",
                "De verkoop",
                "",
                "",
                "unreviewed",
                "",
                ""
            ],
            vec![
                "2",
                "SoftBank sålde aktier för 5,83 miljarder dollar.",
                "SoftBank verkocht aandelen voor $ 5,38 miljard.",
                "5,83 → 5,38: value differs",
                "",
                "needs_fix",
                "Ask the translator",
                ""
            ],
        ]
    );
    assert!(csv.starts_with("\u{feff}row,left,right,mismatches,links,status,note,moved\r\n"));
    assert!(csv.contains("\"SoftBank sålde aktier för 5,83 miljarder dollar.\""));
}

#[test]
fn swapping_sides_carries_the_review_and_turns_accepted_mismatches() {
    let dir = tempfile::tempdir().unwrap();
    let mut comparison = edited(dir.path());
    let reason = accept_first_mismatch(&mut comparison, 6);
    comparison.edit_review(6, |r| r.note = "checked with the desk".to_owned());
    comparison.edit_review(15, |r| r.status = Status::Question);
    let progress = parallel_reader::progress::Progress::new();
    let swapped = comparison.swap_sides_with(&progress).unwrap();
    assert_eq!(swapped.set.left().lang, "nl");
    assert_eq!(swapped.set.right().lang, "sv");
    // The row of the same paragraphs keeps its note and status.
    let row_of = |c: &Comparison, side: Side, paragraph: usize| {
        c.rows
            .iter()
            .position(|r| r.side(side).contains(&paragraph))
            .unwrap()
    };
    let left_of_6 = comparison.rows[6].left[0];
    let row6 = row_of(&swapped, Side::Right, left_of_6);
    assert_eq!(swapped.reviews[row6].note, "checked with the desk");
    let left_of_15 = comparison.rows[15].left[0];
    assert_eq!(
        swapped.reviews[row_of(&swapped, Side::Right, left_of_15)].status,
        Status::Question
    );
    // The accepted mismatch reads the other way now, and is still accepted.
    let turned = &swapped.mismatches[row6][0];
    assert_ne!(turned.reason, reason);
    assert_eq!(
        swapped.reviews[row6].accepted[0].finding,
        review::mismatch_key(&turned.reason)
    );
    assert_eq!(swapped.stats().mismatches, comparison.stats().mismatches);
    assert_eq!(swapped.stats().accepted, 1);
    // Twice is the original.
    let back = swapped.swap_sides_with(&progress).unwrap();
    assert_eq!(back.rows, comparison.rows);
    assert_eq!(back.reviews, comparison.reviews);
}

/// A set whose Dutch rendering moved seed paragraph 24 to position 70.
pub fn moved_set(dir: &Path) -> Comparison {
    use crate::hay::{Edit, apply, pieces, seed_text};
    let right = apply(pieces(&seed_text("001")), &[Edit::Move(24, 70)]);
    let right: Vec<String> = right.into_iter().map(|p| p.text).collect();
    std::fs::write(dir.join("a.txt"), seed_text("000")).unwrap();
    std::fs::write(dir.join("b.txt"), right.join("\n\n")).unwrap();
    Comparison::build(parallel_reader::set::load(&[dir.join("a.txt"), dir.join("b.txt")]).unwrap())
}

#[test]
fn a_moved_paragraph_is_linked_both_ways_in_every_export() {
    let dir = tempfile::tempdir().unwrap();
    let comparison = moved_set(dir.path());
    let from = comparison
        .rows
        .iter()
        .position(|r| r.left == [24] && r.right.is_empty())
        .unwrap();
    let to = comparison
        .rows
        .iter()
        .position(|r| r.right == [70] && r.left.is_empty())
        .unwrap();
    assert_eq!(comparison.moved_partner(from), Some(to));
    assert_eq!(comparison.moved_partner(to), Some(from));
    assert_eq!(
        comparison.moved_note(from).unwrap(),
        (to, format!("moved to row {}", to + 1))
    );
    assert_eq!(
        comparison.moved_note(to).unwrap(),
        (from, format!("moved here from row {}", from + 1))
    );
    // Only those two rows.
    let moved: Vec<usize> = (0..comparison.rows.len())
        .filter(|&r| comparison.moved_partner(r).is_some())
        .collect();
    assert_eq!(moved, [from, to]);
    // JSON, read back.
    let json: serde_json::Value =
        serde_json::from_str(&exported(&comparison, Format::Json, all_rows())).unwrap();
    assert_eq!(json["rows"][from]["moved_row"], to);
    assert_eq!(json["rows"][to]["moved_row"], from);
    assert!(json["rows"][0].get("moved_row").is_none());
    // HTML: a link to the other end.
    let html = exported(&comparison, Format::Html, all_rows());
    assert!(html.contains(&format!(
        r##"<a href="#row-{from}">moved here from row {}</a>"##,
        from + 1
    )));
    assert!(html.contains(&format!(
        r##"<a href="#row-{to}">moved to row {}</a>"##,
        to + 1
    )));
    // Markdown and CSV say it too.
    let md = exported(&comparison, Format::Markdown, all_rows());
    assert!(md.contains(&format!("[moved to row {}](#row-{})", to + 1, to + 1)));
    let csv = exported(&comparison, Format::Csv, all_rows());
    let mut reader = csv::ReaderBuilder::new().from_reader(csv.as_bytes());
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(&records[to][7], format!("moved here from row {}", from + 1));
}

/// After every alignment edit, and after undoing them, the links are those of a whole new
/// linking of the rows (headings link through their whole section, a conflict sees every row),
/// though only the changed rows and their neighbours were measured again.
#[test]
fn links_after_an_edit_are_those_of_a_whole_new_linking() {
    use parallel_reader::link::Linker;
    let mut comparison = Comparison::build(parallel_reader::set::bundled());
    let aligned = comparison.rows.clone();
    let original = comparison.links.clone();
    let mut linker = Linker::new(&comparison.set);
    linker.learn(&aligned);
    let relinked = |comparison: &Comparison| linker.link_rows(&comparison.set, &comparison.rows);
    // Row 15 holds a coverage conflict; row 66 the other; row 5 is a heading.
    assert!(
        comparison.edit_alignment(|rows, reviews| review::edit::merge_with_next(rows, reviews, 14))
    );
    assert_eq!(comparison.links, relinked(&comparison));
    assert!(
        comparison.edit_alignment(|rows, reviews| review::edit::detach(
            rows,
            reviews,
            64,
            Side::Right,
            End::Last
        ))
    );
    assert_eq!(comparison.links, relinked(&comparison));
    assert!(
        comparison.edit_alignment(|rows, reviews| review::edit::merge_with_next(rows, reviews, 6))
    );
    assert_eq!(comparison.links, relinked(&comparison));
    assert!(comparison.stats().conflicts >= 1);
    while comparison.undo() {}
    assert_eq!(comparison.rows, aligned);
    assert_eq!(comparison.links, original);
}
