//! `parallel-reader`: the window, or a headless subcommand.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use parallel_reader::comparison::Comparison;
use parallel_reader::{atomic, export, review, set, terminal};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Read two renderings of an article side by side, check their figures, and link them to
/// related coverage.
#[derive(Parser, Debug)]
#[command(
    name = "parallel-reader",
    version,
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    /// Open this set in the window: a folder, a `set.json`, an XLIFF or TMX file, or two or
    /// more articles (text, web page, Word, ODF, Markdown; left and right in the
    /// order given). Without it, the window opens the set you had open last, or the bundled
    /// example.
    paths: Vec<PathBuf>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Export the comparison of a set without opening a window.
    Export(ExportArgs),
    /// Check that the two renderings agree on every figure: one line per mismatch and a
    /// summary. Exit 0 when they agree, 1 when they differ, 2 on an error.
    Check(CheckArgs),
}

#[derive(clap::Args, Debug)]
struct CheckArgs {
    /// A folder, a `set.json`, an XLIFF or TMX file, or two or more articles (left and right
    /// in the order given).
    #[arg(required = true)]
    paths: Vec<PathBuf>,

    /// Also exit 1 when linked coverage reports a figure differently (by default coverage
    /// conflicts are reported but do not change the exit code).
    #[arg(long)]
    strict_coverage: bool,

    /// Let a `set.json` name files outside its own folder (only for sets you trust: a set
    /// from someone else could otherwise read any of your files into its report).
    #[arg(long)]
    allow_outside_paths: bool,
}

#[derive(clap::Args, Debug)]
struct ExportArgs {
    /// A folder, a `set.json`, an XLIFF or TMX file, or two or more articles (left and right
    /// in the order given).
    #[arg(required = true)]
    paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Json)]
    format: FormatArg,

    /// Include rows of only boilerplate (the default for every format but TMX).
    #[arg(long, overrides_with = "no_boilerplate")]
    boilerplate: bool,

    /// Leave rows of only boilerplate out (the default for TMX).
    #[arg(long)]
    no_boilerplate: bool,

    /// Only rows with open findings or a review.
    #[arg(long)]
    only_findings: bool,

    /// Let a `set.json` name files outside its own folder (only for sets you trust: a set
    /// from someone else could otherwise read any of your files into the export).
    #[arg(long)]
    allow_outside_paths: bool,

    /// Write to this file (atomically) instead of standard output.
    #[arg(long)]
    out: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum FormatArg {
    /// One self-contained HTML page.
    Html,
    /// Markdown.
    Md,
    /// `parallel-reader/comparison/1` JSON.
    Json,
    /// TMX 1.4b translation memory.
    Tmx,
    /// CSV, one line per row.
    Csv,
}

impl From<FormatArg> for export::Format {
    fn from(format: FormatArg) -> Self {
        match format {
            FormatArg::Html => Self::Html,
            FormatArg::Md => Self::Markdown,
            FormatArg::Json => Self::Json,
            FormatArg::Tmx => Self::Tmx,
            FormatArg::Csv => Self::Csv,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Export(args)) => match export_cmd(&args) {
            Ok(code) => code,
            Err(err) => {
                eprintln!("parallel-reader: {}", terminal::escape(&format!("{err:#}")));
                ExitCode::from(2)
            }
        },
        Some(Command::Check(args)) => match check_cmd(&args) {
            Ok(code) => code,
            Err(err) => {
                eprintln!("parallel-reader: {}", terminal::escape(&format!("{err:#}")));
                ExitCode::from(2)
            }
        },
        None => match parallel_reader::app::run(cli.paths) {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => {
                eprintln!(
                    "parallel-reader: cannot open the window: {}",
                    terminal::escape(&err.to_string())
                );
                ExitCode::from(2)
            }
        },
    }
}

/// Load a set, report its load warnings, analyse it and restore the review it already has
/// (so findings accepted in the window are accepted here too). Returns the comparison and
/// whether a file had a problem.
fn open_reviewed(
    paths: &[PathBuf],
    options: set::LoadOptions,
) -> anyhow::Result<(Comparison, bool)> {
    let loaded =
        set::load_with_options(paths, &parallel_reader::progress::Progress::new(), options)
            .map_err(|err| match err {
                set::LoadError::OutsideFolder { .. } => {
                    anyhow::anyhow!("{err} (give --allow-outside-paths to open it anyway)")
                }
                err => err.into(),
            })?;
    let had_warnings = loaded.warnings.iter().any(set::LoadWarning::is_problem);
    for warning in &loaded.warnings {
        eprintln!(
            "parallel-reader: warning: {}",
            terminal::escape(&warning.to_string())
        );
    }
    let mut comparison = Comparison::build(loaded);
    let reviews_dir = review::store::reviews_dir().unwrap_or_else(std::env::temp_dir);
    let saved = comparison.restore_saved_review(&reviews_dir);
    for message in &saved.messages {
        eprintln!("parallel-reader: {}", terminal::escape(message));
    }
    if let Some(err) = &saved.error {
        eprintln!("parallel-reader: warning: {}", terminal::escape(err));
    }
    Ok((comparison, had_warnings))
}

/// Exit 0 when the two sides agree, 1 when they differ, 2 when a file had a problem.
fn check_cmd(args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let options = set::LoadOptions {
        allow_outside_paths: args.allow_outside_paths,
    };
    let (comparison, had_warnings) = open_reviewed(&args.paths, options)?;
    let mut out = std::io::stdout().lock();
    parallel_reader::check::write_report(&comparison, &mut out)?;
    out.flush()?;
    let stats = comparison.stats();
    Ok(if had_warnings {
        ExitCode::from(2)
    } else if stats.mismatches > 0
        || stats.untranslated > 0
        || (args.strict_coverage && stats.conflicts > 0)
    {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Exit 0 when the export is clean, 2 when a file of the set had a problem (the export is
/// still written from what loaded) or nothing could be exported.
fn export_cmd(args: &ExportArgs) -> anyhow::Result<ExitCode> {
    if let Some(out) = &args.out {
        check_output(out, &args.paths)?;
    }
    let options = set::LoadOptions {
        allow_outside_paths: args.allow_outside_paths,
    };
    let (comparison, had_warnings) = open_reviewed(&args.paths, options)?;
    let format: export::Format = args.format.into();
    let mut options = export::Options::for_format(format);
    if args.boilerplate {
        options.include_boilerplate = true;
    }
    if args.no_boilerplate {
        options.include_boilerplate = false;
    }
    options.only_findings = args.only_findings;
    match &args.out {
        Some(path) => {
            atomic::write_with(path, |out| export::write(&comparison, format, options, out))
                .map_err(|err| anyhow::anyhow!("cannot write {}: {err}", path.display()))?;
        }
        None => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            export::write(&comparison, format, options, &mut out)?;
            out.flush()?;
        }
    }
    // The process ends here: the system frees a book's analysis faster than dropping it.
    std::mem::forget(comparison);
    Ok(if had_warnings {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// Refuse an output that would destroy an input or something that is not a file: one of the
/// files to read (an export over the article), or a pipe, a device or a folder (written through
/// a link to its target is fine: `atomic::write` does).
fn check_output(out: &std::path::Path, inputs: &[PathBuf]) -> anyhow::Result<()> {
    if let Some(what) = parallel_reader::input::describe_if_not_a_file(out) {
        anyhow::bail!("will not write the export over {what}: {}", out.display());
    }
    let mut named: Vec<PathBuf> = inputs.to_vec();
    // A folder's or a manifest's files are inputs too.
    for input in inputs {
        if input.is_dir() {
            if let Ok(entries) = std::fs::read_dir(input) {
                named.extend(entries.filter_map(Result::ok).map(|e| e.path()));
            }
        } else if input
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
            && let Ok(manifest) = set::Manifest::read(input)
        {
            named.extend(manifest.files(input));
        }
    }
    if let Some(input) = named
        .iter()
        .find(|input| parallel_reader::input::same_file(out, input))
    {
        anyhow::bail!(
            "the output is one of the files to read; choose another file for the export: {}",
            input.display()
        );
    }
    Ok(())
}
