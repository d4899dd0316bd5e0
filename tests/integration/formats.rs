//! Articles as they arrive: saved web pages, Word and ODF files, Markdown, XLIFF 1.2
//! and 2.0, TMX (the files of `tests/data/`, made by `tests/data/make.py` from the seeds). The
//! oracle is the seed text each file was made from.

use std::path::PathBuf;

use parallel_reader::classify::{ParagraphKind, split_paragraphs};
use parallel_reader::comparison::Comparison;
use parallel_reader::export::{self, Format};
use parallel_reader::review::Status;
use parallel_reader::set::{self, Document, LoadError};

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn seed_paragraphs(prefix: &str) -> Vec<String> {
    split_paragraphs(&crate::hay::seed_text(prefix))
}

fn texts_of(document: &Document, kind: ParagraphKind) -> Vec<&str> {
    document
        .paragraphs
        .iter()
        .filter(|p| p.kind == kind)
        .map(|p| p.text.as_str())
        .collect()
}

#[test]
fn a_saved_web_page_keeps_the_article_and_marks_the_chrome() {
    let loaded = set::load(&[data("softbank-de.html"), data("softbank-nl.docx")]).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let page = loaded.set.left();
    assert_eq!((page.lang.as_str(), page.encoding), ("de", "UTF-8"));
    // The article's paragraphs are the seed's, in order, whole.
    let seed = seed_paragraphs("002");
    let article: Vec<&str> = page
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .filter(|t| seed.iter().any(|s| s == t))
        .collect();
    assert_eq!(
        article,
        seed[..12].iter().map(String::as_str).collect::<Vec<_>>()
    );
    // Headings from the markup; scripts, styles, navigation and buttons are gone.
    assert_eq!(
        texts_of(page, ParagraphKind::Heading),
        [
            "SoftBank verkauft alle Nvidia-Aktien für 5,83 Milliarden US-Dollar",
            "Das große KI-Compute-Wettrüsten vorantreiben"
        ]
    );
    let all: String = page.paragraphs.iter().map(|p| p.text.as_str()).collect();
    for gone in [
        "dataLayer",
        "display: flex",
        "Börse",
        "Akzeptieren",
        "JavaScript",
    ] {
        assert!(!all.contains(gone), "{gone} was read");
    }
    // Cookie notice, site header, share bar, related links and footer are boilerplate.
    assert_eq!(
        texts_of(page, ParagraphKind::Boilerplate),
        [
            "Wir verwenden Cookies.",
            "Tech-Nachrichten",
            "Teilen auf X Auf LinkedIn teilen E-Mail",
            "Mehr zum Thema",
            "Nvidia meldet Rekordumsatz",
            "OpenAI sucht neue Geldgeber",
            "© 2025 Tech-Nachrichten GmbH · Impressum · Datenschutz",
        ]
    );
    // The title's figure is read like any other.
    let title = &page.paragraphs[2];
    assert_eq!(title.figures[0].reading(), "5.83 × 10⁹ USD");
}

#[test]
fn word_and_opendocument_files_keep_their_headings() {
    let seed: Vec<String> = seed_paragraphs("003")
        .into_iter()
        .map(|p| p.replace("date 2025-12-22 ", ""))
        .collect();
    for name in ["softbank-nl.docx", "softbank-nl.odt"] {
        let loaded = set::load(&[data(name), data("softbank-sv.md")]).unwrap();
        let document = loaded.set.left();
        assert_eq!(document.lang, "nl", "{name}");
        let texts: Vec<&str> = document
            .paragraphs
            .iter()
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(texts[0], "SoftBank zet alles op OpenAI", "{name}");
        assert_eq!(
            &texts[1..=seed.len()],
            seed,
            "{name}: the paragraphs of the seed, whole"
        );
        assert_eq!(
            texts_of(document, ParagraphKind::Heading),
            [
                "SoftBank zet alles op OpenAI",
                "Concurrentie van Meta en Google neemt toe"
            ],
            "{name}: a heading style (Dutch style id Kop2, named heading 2) or text:h"
        );
        // Footnotes are not running text.
        assert!(!texts.iter().any(|t| t.contains("Bron: Reuters")), "{name}");
    }
    // A table's cells are paragraphs of the body, not headings.
    let loaded = set::load(&[data("softbank-nl.docx"), data("softbank-sv.md")]).unwrap();
    let last = loaded.set.left().paragraphs.last().unwrap();
    assert_eq!(
        (last.text.as_str(), last.kind),
        ("500 miljard dollar", ParagraphKind::Body)
    );
}

#[test]
fn markdown_headings_and_paragraphs_without_markup() {
    let loaded = set::load(&[data("softbank-sv.md"), data("softbank-nl.docx")]).unwrap();
    let document = loaded.set.left();
    assert_eq!(document.lang, "sv");
    let seed = seed_paragraphs("000");
    assert_eq!(document.paragraphs[0].text, seed[1]);
    assert_eq!(
        texts_of(document, ParagraphKind::Heading),
        [
            seed[1].as_str(),
            "Vad exakt hände?",
            "Hur stor var försäljningen och vilka vinster uppnådde Softbank?"
        ]
    );
    for paragraph in &document.paragraphs {
        assert!(!paragraph.text.contains("**") && !paragraph.text.starts_with('#'));
    }
    // List items are body text, and their figures are read.
    let item = document.paragraphs.last().unwrap();
    assert_eq!(
        (item.text.as_str(), item.kind),
        ("Intäkt: 5,83 miljarder dollar", ParagraphKind::Body)
    );
    assert_eq!(item.figures[0].reading(), "5.83 × 10⁹ USD");
}

#[test]
fn an_xliff_1_2_file_is_both_sides_and_their_alignment() {
    let loaded = set::load(&[data("softbank-sv-nl.xlf")]).unwrap();
    let given = loaded.set.given.clone().unwrap();
    assert_eq!(given.format, "XLIFF 1.2");
    let (left, right) = (loaded.set.left(), loaded.set.right());
    assert_eq!((left.lang.as_str(), right.lang.as_str()), ("sv", "nl"));
    // The units are seed paragraphs 4..16 without "Lämplig för detta:"; the last is untranslated.
    let sv = seed_paragraphs("000");
    let nl = seed_paragraphs("001");
    let indices: Vec<usize> = (4..16).filter(|&i| sv[i] != "Lämplig för detta:").collect();
    assert_eq!(left.paragraphs.len(), indices.len());
    assert_eq!(right.paragraphs.len(), indices.len() - 1);
    for (unit, &i) in indices.iter().enumerate() {
        assert_eq!(
            left.paragraphs[unit].text, sv[i],
            "unit {unit}: inline codes dropped"
        );
        assert_eq!(
            left.paragraphs[unit].unit.as_deref(),
            Some(format!("u{}", unit + 1).as_str())
        );
        if unit + 1 < indices.len() {
            assert_eq!(
                right.paragraphs[unit].text, nl[i],
                "unit {unit}: the target, not alt-trans"
            );
        }
    }
    let comparison = Comparison::build(loaded);
    // The rows are the units, taken as given: one to one, the untranslated unit alone.
    assert_eq!(comparison.rows.len(), indices.len());
    for (n, row) in comparison.rows.iter().enumerate() {
        let right: Vec<usize> = if n + 1 < indices.len() {
            vec![n]
        } else {
            Vec::new()
        };
        assert_eq!((row.left.clone(), row.right.clone()), (vec![n], right));
    }
    // States and notes are the review: needs-review-translation needs a fix, final and
    // signed-off are fine; the notes follow their unit.
    let status = |unit: usize| comparison.reviews[unit - 1].status;
    assert_eq!(status(2), Status::NeedsFix);
    assert_eq!(status(1), Status::Ok);
    assert_eq!(status(3), Status::Ok);
    assert_eq!(status(4), Status::Unreviewed);
    assert_eq!(
        comparison.reviews[2].note,
        "Controleer het bedrag in unit 3."
    );
    assert_eq!(
        comparison.reviews[6].note,
        "Controleer het bedrag in unit 7."
    );
}

#[test]
fn an_xliff_2_file_joins_the_segments_of_a_unit() {
    let loaded = set::load(&[data("softbank-nl-sv.xlf")]).unwrap();
    assert_eq!(loaded.set.given.as_ref().unwrap().format, "XLIFF 2.0");
    let (left, right) = (loaded.set.left(), loaded.set.right());
    assert_eq!((left.lang.as_str(), right.lang.as_str()), ("nl", "sv"));
    let sv = seed_paragraphs("000");
    let nl = seed_paragraphs("001");
    let indices: Vec<usize> = (16..26)
        .filter(|&i| nl[i] != "Geschikt hiervoor:")
        .collect();
    let texts = |d: &Document| {
        d.paragraphs
            .iter()
            .map(|p| p.text.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        texts(left),
        indices.iter().map(|&i| nl[i].clone()).collect::<Vec<_>>()
    );
    assert_eq!(
        texts(right),
        indices.iter().map(|&i| sv[i].clone()).collect::<Vec<_>>()
    );
    let comparison = Comparison::build(loaded);
    assert_eq!(comparison.reviews[1].note, "Let op: cijfers nakijken (2).");
    // Units 1 to 4 are reviewed, final, initial, translated: the first two are fine, the
    // others not reviewed yet.
    let statuses: Vec<Status> = comparison.reviews.iter().map(|r| r.status).collect();
    assert_eq!(
        &statuses[..4],
        [
            Status::Ok,
            Status::Ok,
            Status::Unreviewed,
            Status::Unreviewed
        ]
    );
}

/// The units of a TMX text, read back with quick-xml: `(tuid, [(lang, seg text)])`, inline
/// codes left out.
fn tmx_units(tmx: &str) -> Vec<(String, Vec<(String, String)>)> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(tmx);
    let mut units = Vec::new();
    let mut lang = String::new();
    let mut in_seg = false;
    let mut in_code = 0;
    let mut text = String::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) => {
                let attr = |name: &str| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == name)
                        .map(|a| {
                            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .unwrap()
                                .into_owned()
                        })
                };
                match e.name().as_ref() {
                    "tu" => units.push((attr("tuid").unwrap(), Vec::new())),
                    "tuv" => lang = attr("xml:lang").unwrap(),
                    "seg" => in_seg = true,
                    "bpt" | "ept" | "ph" => in_code += 1,
                    _ => {}
                }
            }
            Event::End(e) => match e.name().as_ref() {
                "seg" => {
                    in_seg = false;
                    let unit: &mut (String, Vec<(String, String)>) = units.last_mut().unwrap();
                    unit.1
                        .push((lang.clone(), std::mem::take(&mut text).trim().to_owned()));
                }
                "bpt" | "ept" | "ph" => in_code -= 1,
                _ => {}
            },
            Event::Text(t) if in_seg && in_code == 0 => {
                text.push_str(&t.xml_content(quick_xml::XmlVersion::Implicit1_0));
            }
            Event::GeneralRef(r) if in_seg && in_code == 0 => {
                text.push_str(quick_xml::escape::resolve_predefined_entity(&r).unwrap_or_default());
            }
            Event::Eof => break,
            _ => {}
        }
    }
    units
}

fn tmx_export(comparison: &Comparison) -> String {
    let mut written = Vec::new();
    let options = export::Options::for_format(Format::Tmx);
    export::write(comparison, Format::Tmx, options, &mut written).unwrap();
    String::from_utf8(written).unwrap()
}

#[test]
fn a_tmx_file_round_trips_its_units() {
    let original = std::fs::read_to_string(data("softbank-sv-nl.tmx")).unwrap();
    let loaded = set::load(&[data("softbank-sv-nl.tmx")]).unwrap();
    assert_eq!(loaded.set.given.as_ref().unwrap().format, "TMX 1.4");
    assert_eq!(loaded.set.left().lang, "sv");
    assert_eq!(loaded.set.right().lang, "nl");
    let comparison = Comparison::build(loaded);
    assert_eq!(
        comparison.reviews[4].note,
        "Gecontroleerd door de eindredactie."
    );
    // The same units, ids and texts come back (languages as primary tags).
    let texts = |tmx: &str| -> Vec<(String, Vec<String>)> {
        tmx_units(tmx)
            .into_iter()
            .map(|(id, segs)| (id, segs.into_iter().map(|(_, t)| t).collect()))
            .collect()
    };
    let before = texts(&original);
    assert_eq!(before.len(), 10);
    assert_eq!(texts(&tmx_export(&comparison)), before);
    // An XLIFF file's units go out with their ids too.
    let comparison = Comparison::build(set::load(&[data("softbank-sv-nl.xlf")]).unwrap());
    let ids: Vec<String> = tmx_units(&tmx_export(&comparison))
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    assert_eq!(ids, (1..=10).map(|n| format!("u{n}")).collect::<Vec<_>>());
}

#[test]
fn bad_files_name_the_file_and_the_problem_and_the_rest_loads() {
    // A Word file cut short and a page with no text, among good files: warnings, the rest loads.
    let loaded = set::load(&[
        data("softbank-sv.md"),
        data("softbank-nl.docx"),
        data("broken.docx"),
        data("empty-page.html"),
        data("softbank-de.html"),
    ])
    .unwrap();
    assert_eq!(loaded.set.documents.len(), 3);
    let warnings: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(
        warnings[0].contains("broken.docx") && warnings[0].contains("zip archive is damaged"),
        "{}",
        warnings[0]
    );
    assert!(
        warnings[1].contains("empty-page.html")
            && warnings[1].contains("no text found in this web page"),
        "{}",
        warnings[1]
    );
    // A malformed XLIFF file cannot be a set: the error names it and says where.
    let err = set::load(&[data("malformed.xlf")]).unwrap_err();
    assert!(matches!(err, LoadError::Bilingual { .. }));
    let message = err.to_string();
    assert!(
        message.contains("malformed.xlf") && message.contains("XML"),
        "{message}"
    );
    // A bilingual file among text files is named, not half read.
    let loaded = set::load(&[
        data("softbank-sv.md"),
        data("softbank-nl.docx"),
        data("softbank-sv-nl.tmx"),
    ])
    .unwrap();
    assert!(
        loaded.warnings[0]
            .to_string()
            .contains("bilingual TMX file")
    );
}

#[test]
fn a_folder_skips_the_readers_own_html_exports() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(data("softbank-sv.md"), dir.path().join("a.md")).unwrap();
    std::fs::copy(data("softbank-de.html"), dir.path().join("b.html")).unwrap();
    let comparison = Comparison::build(set::load(&[dir.path().to_path_buf()]).unwrap());
    let mut html = Vec::new();
    export::write(
        &comparison,
        Format::Html,
        export::Options::for_format(Format::Html),
        &mut html,
    )
    .unwrap();
    std::fs::write(dir.path().join("comparison.html"), html).unwrap();
    let loaded = set::load(&[dir.path().to_path_buf()]).unwrap();
    let names: Vec<String> = loaded
        .set
        .documents
        .iter()
        .map(|d| d.path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["a.md", "b.html"]);
}
