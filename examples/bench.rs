//! Speed and memory figures for a book-length set (10,000+ paragraphs a side).
//!
//! `cargo run --release --example bench` builds a synthetic book from the seed pair (80 chapters,
//! numbers changed per chapter, a paragraph deleted now and then on the right), then prints:
//! - the time to load and analyse it (decode, split, classify, align),
//! - the alignment accuracy against the known truth,
//! - peak memory,
//! - the time per frame of the window (headless egui) while paging through the rows.

use std::fmt::Write as _;
use std::time::Instant;

use parallel_reader::app::{Command, ReaderApp, Settings};
use parallel_reader::comparison::Comparison;
use parallel_reader::paragraph::split_paragraphs;

const CHAPTERS: usize = 80;

#[allow(clippy::too_many_lines)] // Split up by the rewrite that follows this restructuring.
fn main() {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let sv = std::fs::read_to_string(seeds.join("000_56c814ddb9b757cd.txt")).expect("seed 000");
    let nl = std::fs::read_to_string(seeds.join("001_0bd7ab58742551fb.txt")).expect("seed 001");
    let sv = split_paragraphs(&sv);
    let nl = split_paragraphs(&nl);

    // Build the book and the truth: for every left paragraph, its right paragraph (if kept).
    let mut left = String::new();
    let mut right = String::new();
    let mut truth: Vec<Option<usize>> = Vec::new();
    let mut right_count = 0;
    let mut deleted = 0;
    for chapter in 0..CHAPTERS {
        for (idx, (a, b)) in sv.iter().zip(&nl).enumerate() {
            let a = shift_numbers(a, chapter);
            let b = shift_numbers(b, chapter);
            write!(left, "{a}\n\n").ok();
            if (chapter * sv.len() + idx) % 97 == 50 {
                truth.push(None);
                deleted += 1;
            } else {
                write!(right, "{b}\n\n").ok();
                truth.push(Some(right_count));
                right_count += 1;
            }
        }
    }
    // Coverage: the three news seeds, once per chapter with that chapter's numbers.
    let mut coverage = [String::new(), String::new(), String::new()];
    for (n, name) in [
        "002_0a61c7d32ba01d67.txt",
        "003_1ff2a8570726df8e.txt",
        "004_77232d68e55bed08.txt",
    ]
    .iter()
    .enumerate()
    {
        let text = std::fs::read_to_string(seeds.join(name)).expect("seed coverage");
        for chapter in 0..CHAPTERS {
            for paragraph in split_paragraphs(&text) {
                write!(coverage[n], "{}\n\n", shift_numbers(&paragraph, chapter)).ok();
            }
        }
    }
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("a.txt"), &left).expect("write");
    std::fs::write(dir.path().join("b.txt"), &right).expect("write");
    for (n, text) in coverage.iter().enumerate() {
        std::fs::write(dir.path().join(format!("c{n}.txt")), text).expect("write");
    }
    std::fs::write(
        dir.path().join("set.json"),
        r#"{"left": {"path": "a.txt", "lang": "sv"}, "right": {"path": "b.txt", "lang": "nl"},
            "coverage": [{"path": "c0.txt", "lang": "de"}, {"path": "c1.txt", "lang": "nl"}, {"path": "c2.txt", "lang": "en"}]}"#,
    )
    .expect("write");
    if let Some(keep) = std::env::var_os("BENCH_KEEP") {
        for entry in std::fs::read_dir(dir.path()).expect("dir").flatten() {
            std::fs::copy(
                entry.path(),
                std::path::Path::new(&keep).join(entry.file_name()),
            )
            .ok();
        }
    }
    println!(
        "book: {} left paragraphs, {} right paragraphs ({deleted} deleted on the right), {:.1} MB of text",
        truth.len(),
        right_count,
        (left.len() + right.len()) as f64 / 1e6
    );

    let start = Instant::now();
    let loaded = parallel_reader::set::load(&[dir.path().to_path_buf()]).expect("load");
    let load_secs = start.elapsed().as_secs_f64();
    let coverage_paragraphs: usize = loaded
        .set
        .coverage()
        .iter()
        .map(|d| d.paragraphs.len())
        .sum();
    let start = Instant::now();
    let rows = parallel_reader::comparison::align_documents(loaded.set.left(), loaded.set.right());
    let align_secs = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let links = parallel_reader::link::link_rows(&loaded.set, &rows);
    let link_secs = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let comparison = Comparison::build(loaded);
    let build_secs = start.elapsed().as_secs_f64();
    println!(
        "coverage: {coverage_paragraphs} paragraphs in 3 documents, {} links",
        links.iter().map(Vec::len).sum::<usize>()
    );
    println!(
        "load (decode, split, classify, figures, language): {:.0} ms",
        load_secs * 1e3
    );
    println!(
        "  of the analysis, align alone:                    {:.0} ms",
        align_secs * 1e3
    );
    println!(
        "  of the analysis, link alone:                     {:.0} ms",
        link_secs * 1e3
    );
    println!(
        "analyse (align, compare figures, link):            {:.0} ms",
        build_secs * 1e3
    );
    println!(
        "open in total (load + analyse):                    {:.0} ms",
        (load_secs + build_secs) * 1e3
    );

    let mut right_of_left: Vec<Vec<usize>> = vec![Vec::new(); truth.len()];
    for row in &comparison.rows {
        for &l in &row.left {
            right_of_left[l] = row.right.clone();
        }
    }
    let correct = truth
        .iter()
        .enumerate()
        .filter(|(l, t)| right_of_left[*l] == t.iter().copied().collect::<Vec<_>>())
        .count();
    println!(
        "alignment: {correct} of {} left paragraphs exactly right ({:.2} %)",
        truth.len(),
        100.0 * correct as f64 / truth.len() as f64
    );
    println!("peak memory (VmHWM): {}", peak_memory());

    // The window, headless: page through the book and time each frame.
    let ctx = egui::Context::default();
    let mut app = ReaderApp::empty(Settings::default());
    app.set_comparison(comparison);
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 860.0),
        )),
        ..Default::default()
    };
    for _ in 0..3 {
        let output = ctx.run_ui(input(), |ui| app.ui_root(ui));
        output.drop_without_applying_deltas();
    }
    let mut frame_ms = Vec::new();
    for step in 0..300 {
        app.push_command(if step % 50 == 49 {
            Command::SelectLast
        } else {
            Command::MoveSelection(7)
        });
        let start = Instant::now();
        let output = ctx.run_ui(input(), |ui| app.ui_root(ui));
        frame_ms.push(start.elapsed().as_secs_f64() * 1e3);
        output.drop_without_applying_deltas();
    }
    frame_ms.sort_by(f64::total_cmp);
    let mean = frame_ms.iter().sum::<f64>() / frame_ms.len() as f64;
    println!(
        "window frame while paging ({} rows): mean {mean:.2} ms, median {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        app.shown_rows().len(),
        frame_ms[frame_ms.len() / 2],
        frame_ms[frame_ms.len() * 95 / 100],
        frame_ms[frame_ms.len() - 1]
    );
}

/// Change every number of a chapter the same way on both sides, so chapters differ.
fn shift_numbers(text: &str, chapter: usize) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if let Some(digit) = c.to_digit(10) {
            let shifted = (digit as usize + chapter) % 10;
            out.push(char::from_digit(shifted as u32, 10).unwrap_or(c));
        } else {
            out.push(c);
        }
    }
    if chapter > 0 && !text.contains('\n') && text.len() > 200 {
        write!(out, " ({chapter})").ok();
    }
    out
}

fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM"))
                .map(|l| l.trim_start_matches("VmHWM:").trim().to_owned())
        })
        .unwrap_or_else(|| "unknown".to_owned())
}
