//! Input from strangers: manifests that reach out of their folder, bombs, pipes and devices,
//! stray bytes, formulas in CSV, outputs that must not be replaced, and terminal escapes.
//! Every bomb is generated here, never checked in. See issue 22.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use parallel_reader::comparison::Comparison;
use parallel_reader::formats::{self, Kind};
use parallel_reader::input::MAX_PARAGRAPHS;
use parallel_reader::set::{self, LoadError, LoadOptions, WarningKind};

use crate::hay::{seeds_dir, write_manifest};

fn binary() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_parallel-reader"));
    // The review store of these runs is a temporary folder, never the user's.
    command.env(
        "XDG_DATA_HOME",
        std::env::temp_dir().join("parallel-reader-hostile-tests"),
    );
    command
}

fn seed(name: &str) -> String {
    std::fs::read_to_string(seeds_dir().join(name)).unwrap()
}

const SV: &str = "000_56c814ddb9b757cd.txt";
const NL: &str = "001_0bd7ab58742551fb.txt";

/// A folder with the seed pair as `sv.txt` and `nl.txt`.
fn pair_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("sv.txt"), seed(SV)).unwrap();
    std::fs::write(dir.path().join("nl.txt"), seed(NL)).unwrap();
    dir
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

#[test]
fn a_manifest_cannot_read_files_outside_its_folder_unasked() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.txt");
    std::fs::write(&secret, seed(NL)).unwrap();
    let dir = pair_folder();
    let relative = format!(
        "{}/secret.txt",
        "../".repeat(dir.path().components().count())
            + outside.path().strip_prefix("/").unwrap().to_str().unwrap()
    );
    let mut cases = vec![
        relative,
        secret.display().to_string(),
        "../../../../../../etc/passwd".to_owned(),
    ];
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&secret, dir.path().join("link.txt")).unwrap();
        cases.push("link.txt".to_owned());
    }
    for right in cases {
        let manifest = write_manifest(dir.path(), "sv.txt", &right);
        let err = set::load(std::slice::from_ref(&manifest)).unwrap_err();
        assert!(
            matches!(&err, LoadError::OutsideFolder { paths, .. } if paths.len() == 1),
            "{right}: {err}"
        );
        assert!(err.to_string().contains("outside its folder"), "{err}");
        // The command line says so and reads nothing; with the flag the user allows it.
        let refused = binary().arg("export").arg(&manifest).output().unwrap();
        assert_eq!(refused.status.code(), Some(2), "{right}");
        assert!(refused.stdout.is_empty());
        let stderr = String::from_utf8_lossy(&refused.stderr);
        assert!(stderr.contains("--allow-outside-paths"), "{stderr}");
    }
    // Allowed: the file outside is read.
    let manifest = write_manifest(dir.path(), "sv.txt", &secret.display().to_string());
    let options = LoadOptions {
        allow_outside_paths: true,
    };
    let loaded = set::load_with_options(&[manifest], &Default::default(), options).unwrap();
    assert_eq!(loaded.set.right().lang, "nl");
    // Files the user names directly are theirs to name.
    let direct = set::load(&[dir.path().join("sv.txt"), secret]).unwrap();
    assert_eq!(direct.set.documents.len(), 2);
}

/// A Word file whose document.xml inflates to a million paragraphs: the first
/// `MAX_PARAGRAPHS` are opened, and the reader says so.
#[test]
fn a_zip_bomb_of_paragraphs_opens_its_first_paragraphs_and_says_so() {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("word/document.xml", options).unwrap();
    zip.write_all(br#"<?xml version="1.0"?><w:document xmlns:w="urn:w"><w:body>"#)
        .unwrap();
    let paragraph = b"<w:p><w:r><w:t>SoftBank s\xC3\xA5lde 32,1 miljoner aktier.</w:t></w:r></w:p>";
    for _ in 0..1_000_000 {
        zip.write_all(paragraph).unwrap();
    }
    zip.write_all(b"</w:body></w:document>").unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    // Small on disk, large inside: over fifty times.
    assert!(
        bytes.len() * 50 < paragraph.len() * 1_000_000,
        "{}",
        bytes.len()
    );
    let blocks = formats::read_blocks(Kind::Docx, &bytes).unwrap();
    assert_eq!(blocks.blocks.len(), MAX_PARAGRAPHS);
    assert_eq!(blocks.notes.len(), 1);
    assert_eq!(
        blocks.notes[0].text,
        "more than 200,000 paragraphs; opened the first 200,000"
    );
    assert!(blocks.notes[0].cut);

    // In a set, it is a warning that names the file, and the set loads.
    let dir = pair_folder();
    let docx = dir.path().join("bomb.docx");
    std::fs::write(&docx, &bytes).unwrap();
    let loaded = set::load(&[
        dir.path().join("sv.txt"),
        dir.path().join("nl.txt"),
        docx.clone(),
    ])
    .unwrap();
    let warning = &loaded.warnings[0];
    assert_eq!(warning.path, docx);
    assert_eq!(warning.kind, WarningKind::Partial);
}

#[cfg(unix)]
#[test]
fn pipes_and_devices_are_named_and_never_read() {
    let dir = pair_folder();
    let fifo = dir.path().join("coverage.txt");
    mkfifo(&fifo);
    let sv = dir.path().join("sv.txt");
    let nl = dir.path().join("nl.txt");
    // On the command line, and as coverage.
    let loaded = set::load(&[sv.clone(), nl.clone(), fifo.clone()]).unwrap();
    assert_eq!(loaded.set.documents.len(), 2);
    assert_eq!(loaded.warnings[0].problem, "a pipe, not a file");
    // In a manifest, as a rendering: an error that names it.
    let manifest = write_manifest(dir.path(), "sv.txt", "coverage.txt");
    let err = set::load(&[manifest]).unwrap_err();
    assert!(err.to_string().contains("a pipe, not a file"), "{err}");
    // As the review file.
    let err = parallel_reader::review::file::read(&fifo).unwrap_err();
    assert!(err.to_string().contains("a pipe"), "{err}");
    // An endless device as coverage.
    #[cfg(target_os = "linux")]
    {
        let loaded = set::load(&[sv, nl, PathBuf::from("/dev/zero")]).unwrap();
        assert_eq!(loaded.warnings[0].problem, "a device, not a file");
    }
}

/// Two hundred thousand nested `div`s: opened with its text, the nesting flattened as browsers
/// flatten it (time is measured in the bench, not here).
#[test]
fn deeply_nested_pages_open() {
    let depth = 200_000;
    let page = format!(
        "<!DOCTYPE html><html><body>{}<p>SoftBank sålde 32,1 miljoner aktier.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    assert!(page.len() > 2_000_000);
    let blocks = formats::read_blocks(Kind::Html, page.as_bytes()).unwrap();
    assert_eq!(blocks.blocks.len(), 1);
    assert_eq!(
        blocks.blocks[0].text,
        "SoftBank sålde 32,1 miljoner aktier."
    );
}

#[test]
fn one_stray_byte_is_replaced_and_the_rest_stays_utf8() {
    let dir = pair_folder();
    let mut bytes = seed(NL).into_bytes();
    // "Café" with a Windows-1252 é, on its own line after the first paragraph.
    let at = bytes.iter().position(|&b| b == b'\n').unwrap();
    bytes.splice(at..at, b"\n\nCaf\xE9".iter().copied());
    let path = dir.path().join("nl.txt");
    std::fs::write(&path, &bytes).unwrap();
    let loaded = set::load(&[dir.path().join("sv.txt"), path.clone()]).unwrap();
    let nl = loaded.set.right();
    assert_eq!(nl.encoding, "UTF-8");
    assert!(nl.paragraphs.iter().any(|p| p.text.contains("financiële")));
    let warning = &loaded.warnings[0];
    assert_eq!(warning.kind, WarningKind::Repaired);
    assert_eq!(warning.path, path);
    assert!(warning.problem.contains("line 3"), "{}", warning.problem);

    // An XLIFF that declares UTF-8 with one stray byte.
    let xliff = std::fs::read(crate::hay::data_dir().join("softbank-sv-nl.xlf")).unwrap();
    let text = String::from_utf8(xliff).unwrap();
    let mut bytes = text
        .replacen("Vad exakt hände?", "Vad exakt h\u{0}nde?", 1)
        .into_bytes();
    let nul = bytes.iter().position(|&b| b == 0).unwrap();
    bytes[nul] = 0xE4;
    let path = dir.path().join("article.xlf");
    std::fs::write(&path, &bytes).unwrap();
    let loaded = set::load(&[path]).unwrap();
    assert!(
        loaded
            .set
            .right()
            .paragraphs
            .iter()
            .any(|p| p.text.contains("heroriëntatie")),
        "the rest of the file is still UTF-8"
    );
    assert_eq!(loaded.warnings[0].kind, WarningKind::Repaired);
}

#[test]
fn csv_cells_are_never_formulas() {
    let dir = pair_folder();
    let sv = seed(SV).replacen(
        "\n\n",
        "\n\n=HYPERLINK(\"http://evil.example\",\"Klicka\")\n\n",
        1,
    );
    std::fs::write(dir.path().join("sv.txt"), sv).unwrap();
    let out = binary()
        .args(["export", "--format", "csv"])
        .arg(dir.path().join("sv.txt"))
        .arg(dir.path().join("nl.txt"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let mut reader = csv::Reader::from_reader(&out.stdout[3..]);
    let mut seen = false;
    for record in reader.records() {
        for field in record.unwrap().iter() {
            assert!(
                !field
                    .trim_start_matches(['\t', '\r'])
                    .starts_with(['=', '@'])
                    && !field.starts_with("+c"),
                "{field}"
            );
            seen |= field == "'=HYPERLINK(\"http://evil.example\",\"Klicka\")";
        }
    }
    assert!(seen, "the text is still there, behind an apostrophe");
}

fn xliff_with_untranslated_units() -> String {
    let units: String = (1..=3)
        .map(|n| {
            format!(
                r#"<trans-unit id="{n}"><source>Försäljningen omfattade {n} miljoner aktier.</source></trans-unit>"#
            )
        })
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><xliff version="1.2"><file source-language="sv" target-language="nl"><body>{units}</body></file></xliff>"#
    )
}

#[test]
fn untranslated_units_fail_the_qa_gate() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("untranslated.xlf");
    std::fs::write(&path, xliff_with_untranslated_units()).unwrap();
    let comparison = Comparison::build(set::load(std::slice::from_ref(&path)).unwrap());
    assert_eq!(comparison.stats().untranslated, 3);
    assert_eq!(comparison.untranslated_unit(1), Some("2"));
    let out = binary().arg("check").arg(&path).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("unit 2 is untranslated"), "{stdout}");
    assert!(stdout.contains("3 untranslated"), "{stdout}");
}

#[cfg(unix)]
#[test]
fn the_output_never_replaces_an_input_a_pipe_or_a_device() {
    let dir = pair_folder();
    let sv = dir.path().join("sv.txt");
    let nl = dir.path().join("nl.txt");
    let before = std::fs::read(&sv).unwrap();
    // The article itself, named directly or through the folder.
    for inputs in [vec![sv.clone(), nl.clone()], vec![dir.path().to_owned()]] {
        let out = binary()
            .arg("export")
            .args(&inputs)
            .arg("--out")
            .arg(&sv)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("one of the files to read"));
        assert_eq!(std::fs::read(&sv).unwrap(), before);
    }
    // A pipe stays a pipe (and nothing waits on it).
    let fifo = dir.path().join("out.fifo");
    mkfifo(&fifo);
    let out = binary()
        .arg("export")
        .args([&sv, &nl])
        .arg("--out")
        .arg(&fifo)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("a pipe"));
    // A link is written through, and stays a link.
    let target = dir.path().join("report.json");
    std::fs::write(&target, b"old").unwrap();
    let link = dir.path().join("latest.json");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let out = binary()
        .arg("export")
        .args([&sv, &nl])
        .arg("--out")
        .arg(&link)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .contains("parallel-reader/comparison/1")
    );
}

#[test]
fn tmx_stays_well_formed_with_noncharacters() {
    let dir = pair_folder();
    let sv = seed(SV).replacen("SoftBank", "Soft\u{fffe}Bank\u{ffff}", 1);
    std::fs::write(dir.path().join("sv.txt"), sv).unwrap();
    let out = binary()
        .args(["export", "--format", "tmx"])
        .arg(dir.path().join("sv.txt"))
        .arg(dir.path().join("nl.txt"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let tmx = String::from_utf8(out.stdout).unwrap();
    assert!(!tmx.contains(['\u{fffe}', '\u{ffff}']));
    // Read back by the TMX reader: every unit is there.
    let read = parallel_reader::set::load(&[{
        let path = dir.path().join("out.tmx");
        std::fs::write(&path, &tmx).unwrap();
        path
    }])
    .unwrap();
    assert!(read.set.left().paragraphs.len() > 20);
}

#[test]
fn corrupt_review_files_set_aside_in_one_second_are_all_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("review.json");
    for attempt in 0..3 {
        std::fs::write(&path, format!("not json {attempt}")).unwrap();
        parallel_reader::review::file::read(&path).unwrap_err();
    }
    let mut kept: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    kept.sort();
    assert_eq!(kept, ["not json 0", "not json 1", "not json 2"]);
}

#[test]
fn check_escapes_control_characters_of_file_names() {
    let dir = pair_folder();
    let evil = dir.path().join("\u{1b}[2Jnl.txt");
    std::fs::rename(dir.path().join("nl.txt"), &evil).unwrap();
    let edited = seed(NL).replacen("5,83", "5,38", 1);
    std::fs::write(&evil, edited).unwrap();
    let out = binary()
        .arg("check")
        .arg(dir.path().join("sv.txt"))
        .arg(&evil)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(!stdout.contains('\u{1b}'), "{stdout}");
    assert!(stdout.contains("\\x1b[2Jnl"), "{stdout}");
}

#[test]
fn messages_say_what_is_wrong() {
    let dir = pair_folder();
    // A manifest with a byte-order mark.
    let manifest = dir.path().join("set.json");
    std::fs::write(
        &manifest,
        "\u{feff}{\"left\": {\"path\": \"sv.txt\"}, \"right\": {\"path\": \"nl.txt\"}}",
    )
    .unwrap();
    assert!(set::load(&[manifest]).is_ok());
    // UTF-16 without a byte-order mark is text.
    let utf16: Vec<u8> = seed(NL).encode_utf16().flat_map(u16::to_le_bytes).collect();
    let nl16 = dir.path().join("nl16.txt");
    std::fs::write(&nl16, utf16).unwrap();
    let loaded = set::load(&[dir.path().join("sv.txt"), nl16]).unwrap();
    assert_eq!(loaded.set.right().lang, "nl");
    // Three NUL characters in an otherwise good page.
    let mut page = format!(
        "<html><body><p>{}</p></body></html>",
        seed(NL).replace("\n\n", "</p><p>")
    )
    .into_bytes();
    for at in [500, 1500, 2500] {
        page[at] = 0;
    }
    let blocks = formats::read_blocks(Kind::Html, &page).unwrap();
    assert!(blocks.blocks.len() > 20);
    // A TMX whose srclang no unit has.
    let tmx = r#"<?xml version="1.0"?><tmx version="1.4"><header srclang="de" segtype="paragraph" o-tmf="x" adminlang="en" datatype="plaintext" creationtool="x" creationtoolversion="1"/><body><tu><tuv xml:lang="sv"><seg>Försäljningen omfattade 32,1 miljoner aktier.</seg></tuv><tuv xml:lang="nl"><seg>De verkoop omvatte 32,1 miljoen aandelen.</seg></tuv></tu></body></tmx>"#;
    let bilingual = formats::read_bilingual(Kind::Tmx, tmx.as_bytes()).unwrap();
    assert_eq!(bilingual.units.len(), 1);
    assert_eq!(bilingual.source_lang.as_deref(), Some("sv"));
    assert!(bilingual.notes[0].text.contains("srclang is de"));
}

/// Renderings made only of short, repeated or list-like paragraphs: a paragraph repeated in one
/// rendering (so taken for chrome) is compared with its body counterpart like any other.
#[test]
fn repeated_paragraphs_are_compared_like_any_other() {
    let sv = "Vanliga frågor om abonnemanget\n\nVad kostar grundabonnemanget?\n\nDet kostar 120 kronor per månad.\n\nVad kostar familjeabonnemanget?\n\nDet kostar 120 kronor per månad.\n\nHur många enheter ingår?\n\nUpp till 5 enheter ingår i varje abonnemang.\n";
    let nl = "Veelgestelde vragen over het abonnement\n\nWat kost het basisabonnement?\n\nHet kost 120 kronen per maand.\n\nWat kost het gezinsabonnement?\n\nDat kost ook 120 kronen per maand.\n\nHoeveel apparaten zijn inbegrepen?\n\nTot 5 apparaten zijn inbegrepen bij elk abonnement.\n";
    let open = |nl: &str| {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("sv.txt"), sv).unwrap();
        std::fs::write(dir.path().join("nl.txt"), nl).unwrap();
        Comparison::build(
            set::load(&[dir.path().join("sv.txt"), dir.path().join("nl.txt")]).unwrap(),
        )
    };
    let same = open(nl);
    assert_eq!(
        same.stats().mismatches,
        0,
        "no figure is missing: both sides have 120"
    );
    // A changed figure in the paragraph whose counterpart is taken for chrome is found.
    let changed = open(&nl.replace("Dat kost ook 120", "Dat kost ook 150"));
    assert_eq!(changed.stats().mismatches, 1);
    let row = changed.mismatch_rows()[0];
    assert_eq!(changed.rows[row].left.len(), 1);
    assert_eq!(changed.rows[row].right.len(), 1);
    // A list turned into lines, with repeated items.
    let list_sv = "Resultat per kvartal\n\nIntäkt: 5,83 miljarder dollar\n\nRörelseresultat: 1,2 miljarder dollar\n\nIntäkt: 5,83 miljarder dollar\n";
    let list_nl = "Resultaten per kwartaal\n\nOmzet: 5,83 miljard dollar\n\nBedrijfsresultaat: 1,2 miljard dollar\n\nOpbrengst: 5,83 miljard dollar\n";
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("sv.txt"), list_sv).unwrap();
    std::fs::write(dir.path().join("nl.txt"), list_nl).unwrap();
    let list = Comparison::build(
        set::load(&[dir.path().join("sv.txt"), dir.path().join("nl.txt")]).unwrap(),
    );
    assert_eq!(list.stats().mismatches, 0);
}
