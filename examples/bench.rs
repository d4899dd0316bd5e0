//! Speed and memory figures for book-length sets, against the targets of the README's Speed
//! section. Every time is the median of several runs (this machine's timings are noisy).
//!
//! `cargo run --release --example bench` prints:
//! 1. a varied book built from the seed pair (80 chapters, numbers changed per chapter, a
//!    paragraph deleted now and then on the right): the time of each stage, the figure reader's
//!    throughput on one core, and the alignment accuracy against the known truth;
//! 2. the bundled article repeated 10, 100 and 1,000 times a side with the three coverage
//!    documents (1,290, 12,900 and 129,000 paragraphs a side), the whole export as the command
//!    line does it (load, align, figures, links, JSON), each in a fresh process so that its peak
//!    memory is its own, and how each step grows;
//! 3. the window, headless: the time per frame while scrolling and paging through the 129,000
//!    rows;
//! 4. with a display (`xvfb-run -a cargo run --release --example bench`) and the release binary
//!    built: the time from start to the first frame and to the bundled set on screen;
//! 5. hostile inputs, each read in a fresh process (time and peak memory): a page of 200,000
//!    nested `div`s (2.2 MB) and a Word file whose document.xml inflates to 250 MiB of
//!    paragraphs (`--hostile` prints this part only).
//!
//! `BENCH_QUICK=1` leaves out the 1,000-fold set (a minute and 1.5 GB); `--book` prints part 1
//! only (`cargo run --release --example bench -- --book`); `BENCH_KEEP_BOOK=folder` also writes
//! the varied book there, to profile one export of it (callgrind counts instructions, steadier
//! than this machine's clock).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command as Process;
use std::time::Instant;

use parallel_reader::app::{ReaderApp, Settings};
use parallel_reader::classify::split_paragraphs;
use parallel_reader::comparison::Comparison;
use parallel_reader::{atomic, export, set};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const CHAPTERS: usize = 80;
const SEED_LEFT: &str = "000_56c814ddb9b757cd.txt";
const SEED_RIGHT: &str = "001_0bd7ab58742551fb.txt";
const SEED_COVERAGE: [&str; 3] = [
    "002_0a61c7d32ba01d67.txt",
    "003_1ff2a8570726df8e.txt",
    "004_77232d68e55bed08.txt",
];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() == 3 && args[1] == "--export-once" {
        export_once(Path::new(&args[2]));
        return;
    }
    if args.len() == 3 && args[1] == "--read-once" {
        read_once(Path::new(&args[2]));
        return;
    }
    if args.get(1).is_some_and(|a| a == "--hostile") {
        hostile();
        return;
    }
    varied_book();
    if args.get(1).is_some_and(|a| a == "--book") {
        return;
    }
    let quick = std::env::var_os("BENCH_QUICK").is_some();
    let largest = repeated_sets(if quick { &[10, 100] } else { &[10, 100, 1000] });
    window_frames(&largest);
    startup();
    hostile();
}

/// Part 5: inputs made to cost time or memory, each read in a fresh process.
fn hostile() {
    use std::io::Write as _;
    let dir = tempfile::tempdir().expect("temp dir");
    let depth = 200_000;
    let page = dir.path().join("nested.html");
    std::fs::write(
        &page,
        format!(
            "<!DOCTYPE html><html><body>{}<p>SoftBank sålde 32,1 miljoner aktier.</p>{}</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        ),
    )
    .expect("write the page");
    let docx = dir.path().join("bomb.docx");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&docx).expect("create"));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("word/document.xml", options).expect("zip");
    zip.write_all(br#"<?xml version="1.0"?><w:document xmlns:w="urn:w"><w:body>"#)
        .expect("zip");
    let paragraph: &[u8] =
        b"<w:p><w:r><w:t>SoftBank s\xC3\xA5lde 32,1 miljoner aktier.</w:t></w:r></w:p>";
    let mut written = 0usize;
    while written < 250 << 20 {
        zip.write_all(paragraph).expect("zip");
        written += paragraph.len();
    }
    zip.write_all(b"</w:body></w:document>").expect("zip");
    zip.finish().expect("zip");
    println!("5. hostile inputs, read in a fresh process (time, peak memory):");
    for (what, path) in [
        ("200,000 nested divs (2.2 MB page)       ", &page),
        ("Word file inflating to 250 MiB of text", &docx),
    ] {
        let size_kb = std::fs::metadata(path).map_or(0, |m| m.len() / 1024);
        let Ok(out) = Process::new(std::env::current_exe().expect("exe"))
            .arg("--read-once")
            .arg(path)
            .output()
        else {
            println!("   {what}: could not run");
            continue;
        };
        let line = String::from_utf8_lossy(&out.stdout);
        let mut parts = line.split_whitespace();
        let (ms, kb, blocks) = (parts.next(), parts.next(), parts.next());
        println!(
            "   {what} ({size_kb} kB on disk): {} ms, {} MB peak, {} paragraphs kept",
            ms.unwrap_or("?"),
            kb.and_then(|kb| kb.parse::<u64>().ok())
                .map_or(0, |kb| kb / 1024),
            blocks.unwrap_or("?")
        );
    }
}

/// Read one file with the reader of its format and print its time, peak memory and paragraphs.
fn read_once(path: &Path) {
    let start = Instant::now();
    let bytes = parallel_reader::input::read(path).expect("read");
    let format = parallel_reader::formats::Kind::of(path, &bytes);
    let blocks = parallel_reader::formats::read_blocks(format, &bytes).expect("blocks");
    let ms = start.elapsed().as_secs_f64() * 1e3;
    println!("{ms:.0} {} {}", peak_memory_kb(), blocks.blocks.len());
}

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

fn seed(name: &str) -> String {
    std::fs::read_to_string(seeds().join(name)).expect("the seeds are in the repository")
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// Time `run` `times` times; the median in milliseconds.
fn median_ms(times: usize, run: impl FnMut()) -> f64 {
    median(times_ms(times, run))
}

/// Time `run` `times` times, in milliseconds, fastest first.
fn times_ms(times: usize, mut run: impl FnMut()) -> Vec<f64> {
    let mut ms: Vec<f64> = (0..times)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    ms
}

/// The varied book (part 1): stages and alignment accuracy.
fn varied_book() {
    let sv = split_paragraphs(&seed(SEED_LEFT));
    let nl = split_paragraphs(&seed(SEED_RIGHT));
    // The book and the truth: for every left paragraph, its right paragraph (if kept).
    let mut left = String::new();
    let mut right = String::new();
    let mut truth: Vec<Option<usize>> = Vec::new();
    let mut right_count = 0;
    for chapter in 0..CHAPTERS {
        for (idx, (a, b)) in sv.iter().zip(&nl).enumerate() {
            write!(left, "{}\n\n", shift_numbers(a, chapter)).ok();
            if (chapter * sv.len() + idx) % 97 == 50 {
                truth.push(None);
            } else {
                write!(right, "{}\n\n", shift_numbers(b, chapter)).ok();
                truth.push(Some(right_count));
                right_count += 1;
            }
        }
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let coverage = |text: &str| {
        let mut book = String::new();
        for chapter in 0..CHAPTERS {
            for paragraph in split_paragraphs(text) {
                write!(book, "{}\n\n", shift_numbers(&paragraph, chapter)).ok();
            }
        }
        book
    };
    write_set(dir.path(), &left, &right, coverage);
    // The book as files, for a profiler (`BENCH_KEEP_BOOK=/tmp/book`).
    if let Some(keep) = std::env::var_os("BENCH_KEEP_BOOK") {
        let keep = PathBuf::from(keep);
        std::fs::create_dir_all(&keep).expect("create the folder for the book");
        write_set(&keep, &left, &right, coverage);
    }
    println!(
        "1. varied book: {} left paragraphs, {right_count} right ({} deleted), {:.1} MB of text",
        truth.len(),
        truth.len() - right_count,
        (left.len() + right.len()) as f64 / 1e6
    );
    let paths = [dir.path().join("set.json")];
    let load_ms = median_ms(5, || drop(set::load(&paths).expect("load")));
    let loaded = set::load(&paths).expect("load");
    let align_ms = median_ms(5, || {
        drop(parallel_reader::comparison::align_documents(
            loaded.set.left(),
            loaded.set.right(),
        ));
    });
    let rows = parallel_reader::comparison::align_documents(loaded.set.left(), loaded.set.right());
    let link_line = link_stages(&loaded.set, &rows);
    let build_ms = median_ms(5, || {
        drop(Comparison::build(set::load(&paths).expect("load")));
    }) - load_ms;
    println!("   load (decode, split, classify, figures, language): {load_ms:6.0} ms");
    println!("   align alone:                                       {align_ms:6.0} ms");
    println!("{link_line}");
    println!("   analyse (align, compare figures, link):            {build_ms:6.0} ms");
    println!(
        "   open in total:                                     {:6.0} ms",
        load_ms + build_ms
    );
    // The figure reader's throughput, one core: every paragraph of each side, read again.
    for document in [loaded.set.left(), loaded.set.right()] {
        let bytes: usize = document.paragraphs.iter().map(|p| p.text.len()).sum();
        let ms = median_ms(5, || {
            for paragraph in &document.paragraphs {
                std::hint::black_box(parallel_reader::figures::extract(
                    &paragraph.text,
                    &document.lang,
                ));
            }
        });
        println!(
            "   figures read ({}), one core: {:.1} MB/s",
            document.lang,
            bytes as f64 / 1e6 / (ms / 1e3)
        );
    }
    let comparison = Comparison::build(loaded);
    let mut right_of_left: Vec<Vec<usize>> = vec![Vec::new(); truth.len()];
    for row in &comparison.rows {
        for &l in &row.left {
            right_of_left[l].clone_from(&row.right);
        }
    }
    let correct = truth
        .iter()
        .enumerate()
        .filter(|(l, t)| right_of_left[*l] == t.iter().copied().collect::<Vec<_>>())
        .count();
    println!(
        "   alignment: {correct} of {} left paragraphs exactly right ({:.2} %)",
        truth.len(),
        100.0 * correct as f64 / truth.len() as f64
    );
    edit_and_undo(comparison);
}

/// A manual alignment edit in the middle of the book and its undo: the changed rows and their
/// neighbours are measured again, headings and conflicts finished over every row.
fn edit_and_undo(mut comparison: Comparison) {
    let middle = comparison.rows.len() / 2;
    let ms = median_ms(5, || {
        assert!(comparison.edit_alignment(|rows, reviews| {
            parallel_reader::review::edit::merge_with_next(rows, reviews, middle)
        }));
        assert!(comparison.undo());
    });
    println!("   an alignment edit and its undo (merge two rows, then undo): {ms:.0} ms");
}

/// Linking alone and its stages: reading the set, learning the lexicon, linking the rows.
fn link_stages(
    set: &parallel_reader::set::ArticleSet,
    rows: &[parallel_reader::align::Row],
) -> String {
    // Nine runs: on a shared two-core machine single runs of the same binary vary by a third.
    let link = times_ms(9, || drop(parallel_reader::link::link_rows(set, rows)));
    let (link_ms, fastest_ms) = (median(link.clone()), link[0]);
    let read_ms = median_ms(5, || drop(parallel_reader::link::Linker::new(set)));
    let mut linker = parallel_reader::link::Linker::new(set);
    let learn_ms = median_ms(5, || linker.learn(rows));
    let rows_ms = median_ms(5, || drop(linker.link_rows(set, rows)));
    format!(
        "   link alone:                                        {link_ms:6.0} ms \
         (median of 9, fastest {fastest_ms:.0}; read the set {read_ms:.0}, learn the lexicon \
         {learn_ms:.0}, link the rows {rows_ms:.0})"
    )
}

/// Write a set: the two sides and the coverage seeds, each made by `coverage` from a seed.
fn write_set(dir: &Path, left: &str, right: &str, coverage: impl Fn(&str) -> String) {
    std::fs::write(dir.join("000.txt"), left).expect("write");
    std::fs::write(dir.join("001.txt"), right).expect("write");
    for (n, name) in SEED_COVERAGE.iter().enumerate() {
        std::fs::write(dir.join(format!("c{}.txt", n + 2)), coverage(&seed(name))).expect("write");
    }
    std::fs::write(
        dir.join("set.json"),
        r#"{"left": {"path": "000.txt", "lang": "sv"}, "right": {"path": "001.txt", "lang": "nl"},
            "coverage": [{"path": "c2.txt", "lang": "de"}, {"path": "c3.txt", "lang": "nl"}, {"path": "c4.txt", "lang": "en"}]}"#,
    )
    .expect("write");
}

/// The bundled article repeated (part 2): the whole export, each run in a fresh process.
/// Returns the folder of the largest set (kept for the window).
fn repeated_sets(copies: &[usize]) -> tempfile::TempDir {
    println!(
        "2. the bundled article repeated, the whole export (load, align, figures, links, JSON):"
    );
    let exe = std::env::current_exe().expect("the bench's path");
    let mut previous: Option<f64> = None;
    let mut largest = None;
    for &n in copies {
        let dir = tempfile::tempdir().expect("temp dir");
        let repeat = |text: &str| vec![text.trim(); n].join("\n\n");
        write_set(
            dir.path(),
            &repeat(&seed(SEED_LEFT)),
            &repeat(&seed(SEED_RIGHT)),
            str::to_owned,
        );
        let runs = if n >= 1000 { 3 } else { 5 };
        let mut times = Vec::new();
        let mut memory = Vec::new();
        let mut paragraphs = 0;
        for _ in 0..runs {
            let output = Process::new(&exe)
                .args(["--export-once".as_ref(), dir.path().as_os_str()])
                .output()
                .expect("run the bench again");
            let text = String::from_utf8_lossy(&output.stdout);
            let fields: Vec<f64> = text
                .split_whitespace()
                .filter_map(|f| f.parse().ok())
                .collect();
            let [ms, kb, count] = fields[..] else {
                panic!(
                    "the export run failed: {text} {}",
                    String::from_utf8_lossy(&output.stderr)
                );
            };
            times.push(ms);
            memory.push(kb);
            paragraphs = count as usize;
        }
        let ms = median(times);
        let mb = median(memory) / 1024.0;
        let growth =
            previous.map_or_else(String::new, |p| format!(", {:.1}× the step before", ms / p));
        println!(
            "   ×{n:<5} {paragraphs:>7} paragraphs a side: {ms:7.0} ms, {mb:6.0} MB peak (median of {runs}){growth}"
        );
        previous = Some(ms);
        largest = Some(dir);
    }
    largest.expect("at least one size")
}

/// The child process of [`repeated_sets`]: one export of the set in `dir`, then its time in
/// milliseconds, its peak memory in kB and the paragraphs of the left side.
fn export_once(dir: &Path) {
    let start = Instant::now();
    let loaded = set::load(&[dir.join("set.json")]).expect("load");
    let paragraphs = loaded.set.left().paragraphs.len();
    let comparison = Comparison::build(loaded);
    let format = export::Format::Json;
    atomic::write_with(&dir.join("export.json"), |out| {
        export::write(
            &comparison,
            format,
            export::Options::for_format(format),
            out,
        )
    })
    .expect("export");
    let ms = start.elapsed().as_secs_f64() * 1e3;
    println!("{ms:.1} {} {paragraphs}", peak_memory_kb());
    std::mem::forget(comparison);
}

/// The window, headless (part 3): scroll with the wheel and page with the keyboard through every row.
fn window_frames(dir: &tempfile::TempDir) {
    let comparison = Comparison::build(set::load(&[dir.path().join("set.json")]).expect("load"));
    let rows = comparison.rows.len();
    let ctx = egui::Context::default();
    let mut app = ReaderApp::empty(Settings::default());
    app.set_comparison(comparison);
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 860.0));
    let mut frame = |events: Vec<egui::Event>| {
        let start = Instant::now();
        let output = ctx.run_ui(
            egui::RawInput {
                screen_rect: Some(screen),
                events,
                ..Default::default()
            },
            |ui| app.ui_root(ui),
        );
        let ms = start.elapsed().as_secs_f64() * 1e3;
        output.drop_without_applying_deltas();
        ms
    };
    for _ in 0..3 {
        frame(vec![egui::Event::PointerMoved(egui::pos2(400.0, 400.0))]);
    }
    let wheel = || egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Line,
        delta: egui::vec2(0.0, -3.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: egui::Modifiers::NONE,
    };
    let wheel_ms: Vec<f64> = (0..300).map(|_| frame(vec![wheel()])).collect();
    let key = |key: egui::Key| egui::Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    };
    let mut page_ms = Vec::new();
    for step in 0..300 {
        let pressed = match step % 60 {
            59 => egui::Key::End,
            29 => egui::Key::Home,
            _ => egui::Key::PageDown,
        };
        page_ms.push(frame(vec![key(pressed)]));
    }
    println!("3. the window, headless, {rows} rows:");
    for (what, mut ms) in [
        ("scrolling with the wheel", wheel_ms),
        ("paging (PgDn, Home, End)", page_ms),
    ] {
        ms.sort_by(f64::total_cmp);
        println!(
            "   {what}: median {:.2} ms, p95 {:.2} ms, max {:.2} ms per frame",
            ms[ms.len() / 2],
            ms[ms.len() * 95 / 100],
            ms[ms.len() - 1]
        );
    }
}

/// The real window (part 4): start to first frame and to the bundled set on screen.
fn startup() {
    let binary = std::env::current_exe()
        .ok()
        .and_then(|exe| Some(exe.parent()?.parent()?.join("parallel-reader")));
    let Some(binary) = binary.filter(|b| b.is_file()) else {
        println!("4. startup: build the app first (cargo build --release)");
        return;
    };
    if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
        println!("4. startup: no display (run under xvfb-run -a for these figures)");
        return;
    }
    let mut first = Vec::new();
    let mut shown = Vec::new();
    for _ in 0..5 {
        let output = Process::new(&binary)
            .arg(seeds().join("set.json"))
            .env("PARALLEL_READER_TIMINGS", "exit")
            .output()
            .expect("run the app");
        let text = String::from_utf8_lossy(&output.stderr);
        let numbers: Vec<f64> = text
            .lines()
            .find(|l| l.starts_with("timings:"))
            .map(|l| {
                l.split_whitespace()
                    .filter_map(|w| w.parse().ok())
                    .collect()
            })
            .unwrap_or_default();
        if let [f, s] = numbers[..] {
            first.push(f);
            shown.push(s);
        }
    }
    if first.is_empty() {
        println!("4. startup: the app printed no timings");
        return;
    }
    println!(
        "4. startup on the bundled set: first frame {:.0} ms, set on screen {:.0} ms (median of {})",
        median(first.clone()),
        median(shown),
        first.len()
    );
}

/// Change every number of a chapter the same way on both sides, so chapters differ.
fn shift_numbers(text: &str, chapter: usize) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c.to_digit(10) {
            Some(digit) => {
                let shifted = (digit as usize + chapter) % 10;
                out.push(char::from_digit(shifted as u32, 10).unwrap_or(c));
            }
            None => out.push(c),
        }
    }
    if chapter > 0 && !text.contains('\n') && text.len() > 200 {
        write!(out, " ({chapter})").ok();
    }
    out
}

/// The peak resident memory of this process (`VmHWM`), in kB.
fn peak_memory_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}
