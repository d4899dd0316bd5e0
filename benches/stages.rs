//! One benchmark per stage of opening a set, on fixed inputs: the bundled article repeated 10
//! times a side (1,290 paragraphs a side, 570 kB) with its three coverage documents.
//!
//! `cargo bench` runs them (divan prints the fastest, slowest, median and mean of each); a
//! regression in one stage shows in its line. The whole-export figures against the targets are
//! printed by `cargo run --release --example bench`.

use parallel_reader::comparison::{self, Comparison};
use parallel_reader::set::{self, ArticleSet, Document, bundled_files};
use parallel_reader::{classify, decode, export, figures, link};

fn main() {
    divan::main();
}

/// How many times the article is repeated a side.
const COPIES: usize = 10;

/// The bundled file `name` repeated [`COPIES`] times (coverage once), as bytes.
fn repeated(name: &str) -> Vec<u8> {
    let (_, bytes) = bundled_files::FILES
        .iter()
        .find(|(file, _)| file.starts_with(name))
        .expect("a bundled file");
    let text = std::str::from_utf8(bytes).expect("UTF-8").trim();
    let copies = if name == "000" || name == "001" {
        COPIES
    } else {
        1
    };
    vec![text; copies].join("\n\n").into_bytes()
}

/// The fixed set, loaded.
fn fixed_set() -> ArticleSet {
    let mut loaded = set::bundled();
    for (document, name) in loaded
        .set
        .documents
        .iter_mut()
        .zip(["000", "001", "002", "003", "004"])
    {
        let text = decode::decode(&repeated(name)).expect("text");
        *document = Document::from_text(
            document.id.clone(),
            document.role,
            document.lang.clone(),
            document.label.clone(),
            document.path.clone(),
            &text,
        );
    }
    loaded.set
}

/// Decode the bytes of one side, split and classify its paragraphs.
#[divan::bench]
fn decode_and_split(bencher: divan::Bencher<'_, '_>) {
    let bytes = repeated("000");
    bencher.bench(|| {
        let text = decode::decode(divan::black_box(&bytes)).expect("text");
        let paragraphs = classify::split_paragraphs(&text.text);
        classify::kinds(&paragraphs)
    });
}

/// Read the figures of every paragraph of one side.
#[divan::bench]
fn figures(bencher: divan::Bencher<'_, '_>) {
    let bytes = repeated("000");
    let text = decode::decode(&bytes).expect("text");
    let paragraphs = classify::split_paragraphs(&text.text);
    bencher.bench(|| {
        paragraphs
            .iter()
            .map(|p| figures::extract(divan::black_box(p), "sv").len())
            .sum::<usize>()
    });
}

/// Align the two sides.
#[divan::bench]
fn align(bencher: divan::Bencher<'_, '_>) {
    let set = fixed_set();
    bencher.bench(|| comparison::align_documents(set.left(), set.right()));
}

/// Link every row to the coverage (read the coverage, learn the lexicon, link).
#[divan::bench]
fn link(bencher: divan::Bencher<'_, '_>) {
    let set = fixed_set();
    let rows = comparison::align_documents(set.left(), set.right());
    bencher.bench(|| link::link_rows(&set, &rows));
}

/// Write the JSON export of the analysed set.
#[divan::bench]
fn export_json(bencher: divan::Bencher<'_, '_>) {
    let comparison = Comparison::build(set::Loaded {
        set: fixed_set(),
        warnings: Vec::new(),
    });
    let format = export::Format::Json;
    bencher.bench(|| {
        let mut out = Vec::new();
        export::write(
            &comparison,
            format,
            export::Options::for_format(format),
            &mut out,
        )
        .expect("written");
        out
    });
}
