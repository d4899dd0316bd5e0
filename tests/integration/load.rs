//! Loading sets from manifests, folders and files; decoding; bad input.

use std::path::{Path, PathBuf};

use parallel_reader::classify::ParagraphKind;
use parallel_reader::set::{self, LoadError, Role, SetSource};

use crate::hay::seeds_dir;

fn copy_seed_texts(to: &Path) -> Vec<PathBuf> {
    let mut copied = Vec::new();
    for entry in std::fs::read_dir(seeds_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let target = to.join(path.file_name().unwrap());
            std::fs::copy(&path, &target).unwrap();
            copied.push(target);
        }
    }
    copied.sort();
    copied
}

#[test]
fn bundled_set_is_the_seeds_folder() {
    let bundled = set::bundled();
    let from_disk = set::load(&[seeds_dir()]).unwrap();
    let manifest = set::load(&[seeds_dir().join("set.json")]).unwrap();
    assert!(bundled.warnings.is_empty() && from_disk.warnings.is_empty());
    assert_eq!(
        from_disk.set.source,
        SetSource::Manifest(seeds_dir().join("set.json"))
    );
    for other in [&from_disk, &manifest] {
        assert_eq!(bundled.set.title, other.set.title);
        assert_eq!(bundled.set.documents.len(), other.set.documents.len());
        for (a, b) in bundled.set.documents.iter().zip(&other.set.documents) {
            assert_eq!(
                (&a.id, a.role, &a.lang, &a.label),
                (&b.id, b.role, &b.lang, &b.label)
            );
            assert_eq!(a.paragraphs, b.paragraphs);
        }
    }
    let langs: Vec<&str> = bundled
        .set
        .documents
        .iter()
        .map(|d| d.lang.as_str())
        .collect();
    assert_eq!(langs, ["sv", "nl", "de", "nl", "en"]);
    let roles: Vec<Role> = bundled.set.documents.iter().map(|d| d.role).collect();
    assert_eq!(
        roles,
        [
            Role::Left,
            Role::Right,
            Role::Coverage,
            Role::Coverage,
            Role::Coverage
        ]
    );
    assert_eq!(bundled.set.left().label, "Xpert.Digital — Swedish");
}

#[test]
fn paragraphs_follow_blank_lines_or_lines() {
    let loaded = set::bundled();
    let counts: Vec<usize> = loaded
        .set
        .documents
        .iter()
        .map(|d| d.paragraphs.len())
        .collect();
    assert_eq!(counts[0], 129);
    assert_eq!(counts[1], 129);
    // 004 has no blank lines: one paragraph per non-empty line.
    let english = std::fs::read_to_string(seeds_dir().join("004_77232d68e55bed08.txt")).unwrap();
    let lines = english.lines().filter(|l| !l.trim().is_empty()).count();
    assert_eq!(counts[4], lines);
    for doc in &loaded.set.documents {
        for (idx, paragraph) in doc.paragraphs.iter().enumerate() {
            assert_eq!(paragraph.index, idx);
            assert_eq!(paragraph.text, paragraph.text.trim());
            assert!(!paragraph.text.is_empty());
        }
    }
}

#[test]
fn seed_kinds_mark_chrome_and_keep_the_article() {
    let loaded = set::bundled();
    for doc in [loaded.set.left(), loaded.set.right()] {
        let kinds: Vec<ParagraphKind> = doc.paragraphs.iter().map(|p| p.kind).collect();
        let chrome: Vec<usize> = (0..kinds.len())
            .filter(|&i| kinds[i] == ParagraphKind::Boilerplate)
            .collect();
        let expected: Vec<usize> = [0, 3, 8, 44, 64]
            .into_iter()
            .chain(51..=56)
            .chain(112..=128)
            .collect();
        let mut expected = expected;
        expected.sort_unstable();
        assert_eq!(chrome, expected, "{}", doc.label);
        // The headline and the question headings are headings; the article text is body.
        for idx in [1, 2, 9, 13, 57, 107] {
            assert_eq!(kinds[idx], ParagraphKind::Heading, "{} ¶{idx}", doc.label);
        }
        for idx in [6, 7, 10, 50, 111] {
            assert_eq!(kinds[idx], ParagraphKind::Body, "{} ¶{idx}", doc.label);
        }
    }
    // Plain news has no chrome but its last line.
    let german = &loaded.set.coverage()[0];
    let chrome: Vec<usize> = german
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Boilerplate)
        .map(|p| p.index)
        .collect();
    assert_eq!(chrome, [german.paragraphs.len() - 1]);
    for coverage in &loaded.set.coverage()[1..] {
        assert!(
            coverage
                .paragraphs
                .iter()
                .all(|p| p.kind != ParagraphKind::Boilerplate)
        );
    }
}

#[test]
fn a_folder_without_manifest_finds_the_pair() {
    let dir = tempfile::tempdir().unwrap();
    copy_seed_texts(dir.path());
    let loaded = set::load(&[dir.path().to_path_buf()]).unwrap();
    let ids: Vec<&str> = loaded.set.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(&ids[..2], ["000_56c814ddb9b757cd", "001_0bd7ab58742551fb"]);
    let langs: Vec<&str> = loaded
        .set
        .documents
        .iter()
        .map(|d| d.lang.as_str())
        .collect();
    assert_eq!(langs, ["sv", "nl", "de", "nl", "en"]);
    assert!(loaded.warnings.is_empty());
}

#[test]
fn files_named_one_by_one_are_left_and_right_in_the_order_given() {
    let dir = tempfile::tempdir().unwrap();
    let files = copy_seed_texts(dir.path());
    // Dutch first: the Dutch rendering is the left side, as `check nl.txt sv.txt` asks.
    let given = vec![
        files[1].clone(),
        files[0].clone(),
        files[4].clone(),
        files[2].clone(),
    ];
    let loaded = set::load(&given).unwrap();
    assert_eq!(loaded.set.left().path, files[1]);
    assert_eq!(loaded.set.right().path, files[0]);
    let coverage: Vec<&PathBuf> = loaded.set.coverage().iter().map(|d| &d.path).collect();
    assert_eq!(coverage, [&files[4], &files[2]]);
    // A folder among them: the pair is found by what the files hold.
    let loaded = set::load(&[dir.path().to_path_buf()]).unwrap();
    assert_eq!(loaded.set.left().path, files[0]);
}

#[test]
fn legacy_and_utf16_encodings_and_crlf() {
    let dir = tempfile::tempdir().unwrap();
    // Windows-1252 with CRLF.
    let latin: Vec<u8> = b"Rubrik om f\xF6rs\xE4ljningen\r\n\r\nF\xF6rs\xE4ljningen gav 5,83 miljarder dollar \x80 och mer.\r\n".to_vec();
    std::fs::write(dir.path().join("a.txt"), latin).unwrap();
    // UTF-16LE with BOM and CR line ends.
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "Kop over de verkoop\r\rDe verkoop leverde 5,83 miljard dollar op.\r".encode_utf16()
    {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    std::fs::write(dir.path().join("b.txt"), utf16).unwrap();
    let loaded = set::load(&[dir.path().to_path_buf()]).unwrap();
    let left = loaded.set.left();
    assert_eq!(left.encoding, "windows-1252");
    assert_eq!(left.paragraphs[0].text, "Rubrik om försäljningen");
    assert!(left.paragraphs[1].text.contains("dollar € och"));
    let right = loaded.set.right();
    assert_eq!(right.encoding, "UTF-16LE");
    assert_eq!(right.paragraphs.len(), 2);
    assert_eq!(
        right.paragraphs[1].text,
        "De verkoop leverde 5,83 miljard dollar op."
    );
}

#[test]
fn bad_input_names_the_file_and_the_problem() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nothing-here");
    let err = set::load(std::slice::from_ref(&missing)).unwrap_err();
    assert!(matches!(err, LoadError::NotFound(_)));
    assert!(err.to_string().contains("nothing-here"), "{err}");

    // A folder with one good text, one empty and one binary file.
    std::fs::write(
        dir.path().join("good.txt"),
        "A text.\n\nWith two paragraphs.",
    )
    .unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    std::fs::write(
        dir.path().join("image.dat"),
        [0x89, b'P', b'N', b'G', 0, 0, 0, 13],
    )
    .unwrap();
    let err = set::load(&[dir.path().to_path_buf()]).unwrap_err();
    let message = err.to_string();
    assert!(
        matches!(err, LoadError::TooFewDocuments { found: 1, .. }),
        "{message}"
    );
    assert!(
        message.contains("empty.txt") && message.contains("empty"),
        "{message}"
    );
    assert!(
        message.contains("image.dat") && message.contains("binary"),
        "{message}"
    );

    // With a second good file the set loads and the bad files are warnings.
    std::fs::write(dir.path().join("good2.txt"), "Another text.\n\nAlso two.").unwrap();
    let loaded = set::load(&[dir.path().to_path_buf()]).unwrap();
    assert_eq!(loaded.set.documents.len(), 2);
    let warnings: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings.iter().any(|w| w.contains("empty.txt")));
}

#[test]
fn bad_manifests() {
    let dir = tempfile::tempdir().unwrap();
    copy_seed_texts(dir.path());
    let manifest = dir.path().join("set.json");

    std::fs::write(&manifest, "{ not json").unwrap();
    let err = set::load(std::slice::from_ref(&manifest)).unwrap_err();
    assert!(matches!(err, LoadError::Manifest { .. }));
    assert!(err.to_string().contains("set.json"), "{err}");

    std::fs::write(
        &manifest,
        r#"{"left": {"path": "000_56c814ddb9b757cd.txt"}}"#,
    )
    .unwrap();
    let err = set::load(std::slice::from_ref(&manifest)).unwrap_err();
    assert!(err.to_string().contains("right"), "{err}");

    std::fs::write(
        &manifest,
        r#"{"left": {"path": "gone.txt"}, "right": {"path": "001_0bd7ab58742551fb.txt"}}"#,
    )
    .unwrap();
    let err = set::load(std::slice::from_ref(&manifest)).unwrap_err();
    assert!(
        err.to_string().contains("gone.txt") && err.to_string().contains("left"),
        "{err}"
    );

    // A missing coverage file is a warning; the rest loads, labels and languages are derived.
    std::fs::write(
        &manifest,
        r#"{"left": {"path": "000_56c814ddb9b757cd.txt"}, "right": {"path": "001_0bd7ab58742551fb.txt"},
            "coverage": [{"path": "gone.txt"}, {"path": "002_0a61c7d32ba01d67.txt"}]}"#,
    )
    .unwrap();
    let loaded = set::load(&[dir.path().to_path_buf()]).unwrap();
    assert_eq!(loaded.set.documents.len(), 3);
    assert_eq!(loaded.warnings.len(), 1);
    assert!(loaded.warnings[0].to_string().contains("gone.txt"));
    assert_eq!(loaded.set.left().label, "000_56c814ddb9b757cd");
    assert_eq!(loaded.set.left().lang, "sv");
    assert_eq!(loaded.set.coverage()[0].lang, "de");
}

#[test]
fn no_panic_on_odd_input() {
    let dir = tempfile::tempdir().unwrap();
    let odd: [&[u8]; 8] = [
        b"\n\n\n",
        b"x",
        b"\xFF\xFE",
        b"\xEF\xBB\xBF",
        b"\xC3\x28 broken utf8 \xA0\xA1",
        b"1\n\n2\n\n3",
        b"\xE2\x80\xAF5\xC2\xA0000 \xE2\x88\x92 3,5",
        &[b'a'; 100_000],
    ];
    for (idx, bytes) in odd.iter().enumerate() {
        std::fs::write(dir.path().join(format!("{idx}.txt")), bytes).unwrap();
    }
    let loaded = set::load(&[dir.path().to_path_buf()]).unwrap();
    let comparison = parallel_reader::comparison::Comparison::build(loaded);
    let covered: usize = comparison.rows.iter().map(|r| r.left.len()).sum();
    assert_eq!(covered, comparison.set.left().paragraphs.len());
}

/// Random small sets never make the analysis panic, and rows always cover every paragraph.
#[test]
fn no_panic_on_generated_sets() {
    use parallel_reader::comparison::Comparison;
    use parallel_reader::decode::DecodedText;
    use parallel_reader::set::{ArticleSet, Document, Loaded};
    const WORDS: [&str; 24] = [
        "SoftBank",
        "sålde",
        "5,83",
        "miljarder",
        "dollar",
        "Lämplig för detta:",
        "?",
        "\n\n",
        "\n\n",
        "\n",
        "Nvidia",
        "2019",
        "☑",
        "•",
        "Xpert.Digital",
        "– Bild: X.Y",
        "+49 89 1234 5678",
        "verkocht",
        "$ 5,38 miljard",
        "Milliarden",
        "“",
        "12-minuters",
        "100 000",
        "2019/2020",
    ];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for round in 0..200 {
        let mut text = || -> String {
            let len = (next() % 60) as usize + 1;
            (0..len)
                .map(|_| WORDS[(next() % WORDS.len() as u64) as usize])
                .collect::<Vec<_>>()
                .join(" ")
        };
        let documents: Vec<Document> = ["sv", "nl", "de"]
            .iter()
            .enumerate()
            .map(|(n, lang)| {
                let decoded = DecodedText {
                    text: text(),
                    encoding: "UTF-8",
                    notes: Vec::new(),
                };
                let role = [Role::Left, Role::Right, Role::Coverage][n];
                Document::from_text(
                    format!("d{n}"),
                    role,
                    (*lang).to_owned(),
                    format!("D{n}"),
                    format!("d{n}.txt").into(),
                    &decoded,
                )
            })
            .collect();
        let set = ArticleSet {
            title: format!("round {round}"),
            source: parallel_reader::set::SetSource::Files(Vec::new()),
            documents,
            given: None,
        };
        let comparison = Comparison::build(Loaded {
            set,
            warnings: Vec::new(),
        });
        for side in parallel_reader::side::Side::BOTH {
            let covered: Vec<usize> = comparison
                .rows
                .iter()
                .flat_map(|r| r.side(side).to_vec())
                .collect();
            let all = 0..comparison.set.side(side).paragraphs.len();
            assert_eq!(covered, all.collect::<Vec<_>>());
        }
        let mut out = Vec::new();
        for format in parallel_reader::export::Format::ALL {
            parallel_reader::export::write(
                &comparison,
                format,
                parallel_reader::export::Options::for_format(format),
                &mut out,
            )
            .unwrap();
        }
    }
}
