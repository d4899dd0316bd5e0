//! Reading sets: manifests, folders, files given one by one, and the set built into the binary.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{ArticleSet, Document, LoadWarning, Loaded, Role, SetSource, choose_pair};
use crate::classify::ParagraphKind;
use crate::decode;
use crate::formats::{self, Kind};
use crate::lang;
use crate::progress::{Cancelled, Progress, Stage};

/// The file name of a set manifest.
pub const MANIFEST_NAME: &str = "set.json";

/// The largest manifest read (a list of files is a few kilobytes).
const MAX_MANIFEST_BYTES: u64 = 1 << 20;

/// How a set is opened.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LoadOptions {
    /// Let a manifest name files outside its own folder (`../…`, absolute paths, links that
    /// lead out). A set from someone else must not read the user's other files unasked: the
    /// window asks, the command line takes `--allow-outside-paths`.
    pub allow_outside_paths: bool,
}

/// Why no set could be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// Nothing was given to open.
    #[error("no files given")]
    NothingGiven,
    /// A path does not exist.
    #[error("no such file or folder: {}", .0.display())]
    NotFound(PathBuf),
    /// The manifest is not valid.
    #[error("{reason}: the manifest is not valid: {}", path.display())]
    Manifest {
        /// What is wrong with it.
        reason: String,
        /// The manifest file.
        path: PathBuf,
    },
    /// The left or right document of a manifest could not be read.
    #[error("{problem}: cannot read the {} document: {}", role.as_str(), path.display())]
    Rendering {
        /// Left or right.
        role: Role,
        /// What went wrong.
        problem: String,
        /// The file.
        path: PathBuf,
    },
    /// Fewer than two readable documents.
    #[error("{}a set needs two readable documents and {} could be read: {}", problem_list(problems), found, where_.display())]
    TooFewDocuments {
        /// How many loaded.
        found: usize,
        /// Why the others did not.
        problems: Vec<LoadWarning>,
        /// The folder or first file.
        where_: PathBuf,
    },
    /// A manifest was given together with other files.
    #[error("give one manifest, one folder, or several text files, not a mix: {}", .0.display())]
    Mixed(PathBuf),
    /// A bilingual file (XLIFF, TMX) could not be read.
    #[error("{problem}: cannot read {}", path.display())]
    Bilingual {
        /// What is wrong with it.
        problem: String,
        /// The file.
        path: PathBuf,
    },
    /// A manifest names files outside its own folder, and the user did not allow it.
    #[error(
        "the manifest names {} outside its folder ({}); open it only if you trust where it came from: {}",
        if paths.len() == 1 { "a file" } else { "files" },
        paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", "),
        manifest.display()
    )]
    OutsideFolder {
        /// The files, as the manifest names them joined to its folder.
        paths: Vec<PathBuf>,
        /// The manifest.
        manifest: PathBuf,
    },
    /// The opening was cancelled.
    #[error("cancelled")]
    Cancelled,
}

impl From<Cancelled> for LoadError {
    fn from(_: Cancelled) -> Self {
        Self::Cancelled
    }
}

/// What went wrong with each file, cause first, to start a message ("the file is empty:
/// b.txt; ").
fn problem_list(problems: &[LoadWarning]) -> String {
    if problems.is_empty() {
        return String::new();
    }
    let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
    format!("{}; ", list.join("; "))
}

/// One entry of a manifest.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestEntry {
    /// Path relative to the manifest.
    pub path: String,
    /// Language code; detected when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// Display label; the file name when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// The `set.json` manifest.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// The set's title; the folder name when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The left rendering.
    pub left: ManifestEntry,
    /// The right rendering.
    pub right: ManifestEntry,
    /// Related coverage.
    #[serde(default)]
    pub coverage: Vec<ManifestEntry>,
}

impl Manifest {
    /// Read a manifest file (at most 1 MB; a byte-order mark, as Windows editors write, is
    /// allowed).
    pub fn read(path: &Path) -> Result<Self, LoadError> {
        let invalid = |reason: String| LoadError::Manifest {
            reason,
            path: path.to_owned(),
        };
        let bytes = crate::input::read_capped(path, MAX_MANIFEST_BYTES)
            .map_err(|err| invalid(err.to_string()))?;
        let json = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        serde_json::from_slice(json).map_err(|err| invalid(err.to_string()))
    }

    /// The files the manifest at `manifest_path` names: left, right, then coverage, each
    /// joined to the manifest's folder.
    pub fn files(&self, manifest_path: &Path) -> Vec<PathBuf> {
        let base = folder_of(manifest_path);
        [&self.left, &self.right]
            .into_iter()
            .chain(&self.coverage)
            .map(|entry| base.join(&entry.path))
            .collect()
    }
}

/// The folder a file lies in (`.` for a bare file name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// Where document bytes come from: the disk, or the files built into the binary.
trait FileSource: Sync {
    fn read(&self, path: &Path) -> Result<Vec<u8>, String>;
}

struct Disk;

impl FileSource for Disk {
    fn read(&self, path: &Path) -> Result<Vec<u8>, String> {
        crate::input::read(path).map_err(|err| err.to_string())
    }
}

/// The bundled example set (`seeds/` in the repository), built into the binary.
pub mod bundled_files {
    /// The bundled manifest.
    pub const MANIFEST: &str = include_str!("../../seeds/set.json");
    /// The bundled documents by file name.
    pub const FILES: [(&str, &[u8]); 5] = [
        (
            "000_56c814ddb9b757cd.txt",
            include_bytes!("../../seeds/000_56c814ddb9b757cd.txt"),
        ),
        (
            "001_0bd7ab58742551fb.txt",
            include_bytes!("../../seeds/001_0bd7ab58742551fb.txt"),
        ),
        (
            "002_0a61c7d32ba01d67.txt",
            include_bytes!("../../seeds/002_0a61c7d32ba01d67.txt"),
        ),
        (
            "003_1ff2a8570726df8e.txt",
            include_bytes!("../../seeds/003_1ff2a8570726df8e.txt"),
        ),
        (
            "004_77232d68e55bed08.txt",
            include_bytes!("../../seeds/004_77232d68e55bed08.txt"),
        ),
    ];
}

struct Bundled;

impl FileSource for Bundled {
    fn read(&self, path: &Path) -> Result<Vec<u8>, String> {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        bundled_files::FILES
            .iter()
            .find(|(file, _)| *file == name)
            .map(|(_, bytes)| bytes.to_vec())
            .ok_or_else(|| "file not found".to_owned())
    }
}

/// The example set built into the binary.
pub fn bundled() -> Loaded {
    let manifest_path = PathBuf::from("seeds").join(MANIFEST_NAME);
    let manifest: Manifest = match serde_json::from_str(bundled_files::MANIFEST) {
        Ok(manifest) => manifest,
        Err(err) => unreachable!("the bundled manifest is checked by tests: {err}"),
    };
    match from_manifest(
        &Bundled,
        &manifest,
        &manifest_path,
        SetSource::Bundled,
        &Progress::new(),
    ) {
        Ok(loaded) => loaded,
        Err(err) => unreachable!("the bundled set is checked by tests: {err}"),
    }
}

/// Load a set from a manifest, a folder, or two or more files.
pub fn load(paths: &[PathBuf]) -> Result<Loaded, LoadError> {
    load_with(paths, &Progress::new())
}

/// [`load`], reporting to `progress` and stopping with [`LoadError::Cancelled`] when it is
/// cancelled.
pub fn load_with(paths: &[PathBuf], progress: &Progress) -> Result<Loaded, LoadError> {
    load_with_options(paths, progress, LoadOptions::default())
}

/// [`load_with`], opened as `options` say.
pub fn load_with_options(
    paths: &[PathBuf],
    progress: &Progress,
    options: LoadOptions,
) -> Result<Loaded, LoadError> {
    let Some(first) = paths.first() else {
        return Err(LoadError::NothingGiven);
    };
    for path in paths {
        if !path.exists() {
            return Err(LoadError::NotFound(path.clone()));
        }
    }
    if first.is_file() && is_bilingual(first) {
        return load_bilingual(paths, progress);
    }
    if paths.len() == 1 {
        if first.is_dir() {
            let manifest = first.join(MANIFEST_NAME);
            if manifest.is_file() {
                return load_manifest(&manifest, progress, options);
            }
            return load_loose(
                &folder_files(first),
                first,
                SetSource::Folder(first.clone()),
                progress,
            );
        }
        if is_manifest(first) {
            return load_manifest(first, progress, options);
        }
    }
    let mut files = Vec::new();
    for path in paths {
        if is_manifest(path) {
            return Err(LoadError::Mixed(path.clone()));
        }
        if path.is_dir() {
            files.extend(folder_files(path));
        } else {
            files.push(path.clone());
        }
    }
    load_loose(&files, first, SetSource::Files(paths.to_vec()), progress)
}

fn is_bilingual(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|ext| {
            ["xlf", "xliff", "sdlxliff", "mqxliff", "tmx", "po", "pot"]
                .iter()
                .any(|known| ext.eq_ignore_ascii_case(known))
        })
}

/// A bilingual file: its sources on the left, its targets on the right, its units as the
/// alignment; the files after it are coverage.
fn load_bilingual(paths: &[PathBuf], progress: &Progress) -> Result<Loaded, LoadError> {
    let path = &paths[0];
    progress.start(Stage::Reading, paths.len())?;
    let problem = |problem: String| LoadError::Bilingual {
        problem,
        path: path.clone(),
    };
    let bytes = Disk.read(path).map_err(problem)?;
    let bilingual = formats::read_bilingual(Kind::of(path, &bytes), &bytes).map_err(problem)?;
    let (left, right, rows) = bilingual_sides(path, &bilingual);
    progress.advance(1);
    // Coverage after it.
    let mut ids: HashSet<String> = [left.id.clone(), right.id.clone()].into();
    let mut warnings: Vec<LoadWarning> = LoadWarning::of_notes(&left)
        .chain(LoadWarning::of_notes(&right))
        .collect();
    let (coverage, coverage_warnings) = read_files(&paths[1..], &mut ids, progress)?;
    warnings.extend(coverage_warnings);
    let mut documents = vec![left, right];
    documents.extend(coverage);
    Ok(Loaded {
        set: ArticleSet {
            title: documents[0].headline(),
            source: SetSource::Files(paths.to_vec()),
            documents,
            given: Some(super::GivenAlignment {
                format: bilingual.format,
                rows,
                locked_units: {
                    let mut locked: Vec<String> = bilingual
                        .units
                        .iter()
                        .filter(|unit| unit.locked)
                        .map(|unit| unit.id.clone())
                        .collect();
                    locked.sort();
                    locked
                },
                units: bilingual.units,
            }),
        },
        warnings,
    })
}

/// The two sides of a bilingual file and its units as rows; every paragraph knows its unit.
fn bilingual_sides(
    path: &Path,
    bilingual: &formats::Bilingual,
) -> (Document, Document, Vec<crate::row::Row>) {
    // Every unit is text to translate: headings as the classifier sees them, never
    // boilerplate (boilerplate is not compared, and a unit's figures must be).
    let blocks = |texts: Vec<&String>| {
        let kinds = crate::classify::kinds(&texts);
        formats::Blocks {
            declared_lang: None,
            blocks: texts
                .into_iter()
                .zip(kinds)
                .map(|(text, kind)| formats::Block {
                    text: text.clone(),
                    kind: Some(match kind {
                        ParagraphKind::Boilerplate => ParagraphKind::Body,
                        kind => kind,
                    }),
                })
                .collect(),
            encoding: bilingual.encoding,
            notes: Vec::new(),
        }
    };
    let file_notes = bilingual.notes.clone();
    let stem = file_label(path);
    let side = |id: &str, role, declared: &Option<String>, texts: Vec<&String>| {
        let joined = texts
            .iter()
            .map(|t| t.as_str())
            .collect::<Vec<_>>()
            .join("\n\n");
        let (lang, note) = lang::declared_or_detected(declared.as_deref(), &joined);
        let mut document = Document::from_blocks(
            format!("{stem}-{id}"),
            role,
            lang,
            format!("{stem} ({id})"),
            path.to_owned(),
            &blocks(texts),
        );
        if let Some(note) = note {
            document
                .notes
                .push(crate::decode::ReadNote::repaired(format!(
                    "the file {}",
                    note.replace("{side}", id)
                )));
        }
        document
    };
    let units = &bilingual.units;
    let mut left = side(
        "source",
        Role::Left,
        &bilingual.source_lang,
        units.iter().map(|u| &u.source).collect(),
    );
    let mut right = side(
        "target",
        Role::Right,
        &bilingual.target_lang,
        units.iter().filter_map(|u| u.target.as_ref()).collect(),
    );
    left.notes.splice(0..0, file_notes);
    let mut rows = Vec::with_capacity(units.len());
    let mut next_target = 0;
    for (index, unit) in units.iter().enumerate() {
        left.paragraphs[index].unit = Some(unit.id.clone());
        let mut row = crate::row::Row {
            left: vec![index],
            right: Vec::new(),
        };
        if unit.target.is_some() {
            right.paragraphs[next_target].unit = Some(unit.id.clone());
            row.right.push(next_target);
            next_target += 1;
        }
        rows.push(row);
    }
    (left, right, rows)
}

fn is_manifest(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("json"))
}

/// The documents of a folder, sorted by name: hidden files, JSON, bilingual files, common binary
/// formats and the reader's own HTML exports are left out.
fn folder_files(folder: &Path) -> Vec<PathBuf> {
    const SKIPPED: [&str; 20] = [
        "json", "png", "jpg", "jpeg", "gif", "webp", "pdf", "zip", "gz", "exe", "bin", "tmx",
        "csv", "xlf", "xliff", "sdlxliff", "mqxliff", "po", "pot", "css",
    ];
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.is_file())
        .filter(|path| {
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            let ext = path
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or_default()
                .to_ascii_lowercase();
            !name.starts_with('.') && !SKIPPED.contains(&ext.as_str()) && !is_own_export(path)
        })
        .collect();
    files.sort();
    files
}

/// Whether a file is an HTML export of this program (its `<meta name="generator">`).
fn is_own_export(path: &Path) -> bool {
    use std::io::Read as _;
    let is_html = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
    if !is_html {
        return false;
    }
    let mut head = [0u8; 1024];
    let read = std::fs::File::open(path)
        .and_then(|mut file| file.read(&mut head))
        .unwrap_or(0);
    String::from_utf8_lossy(&head[..read])
        .contains(r#"<meta name="generator" content="Parallel Reader"/>"#)
}

fn load_manifest(
    path: &Path,
    progress: &Progress,
    options: LoadOptions,
) -> Result<Loaded, LoadError> {
    let manifest = Manifest::read(path)?;
    if !options.allow_outside_paths {
        let base = folder_of(path);
        let outside: Vec<PathBuf> = manifest
            .files(path)
            .into_iter()
            .filter(|file| !crate::input::is_inside(file, base))
            .collect();
        if !outside.is_empty() {
            return Err(LoadError::OutsideFolder {
                paths: outside,
                manifest: path.to_owned(),
            });
        }
    }
    from_manifest(
        &Disk,
        &manifest,
        path,
        SetSource::Manifest(path.to_owned()),
        progress,
    )
}

fn from_manifest(
    files: &dyn FileSource,
    manifest: &Manifest,
    manifest_path: &Path,
    source: SetSource,
    progress: &Progress,
) -> Result<Loaded, LoadError> {
    let base = manifest_path.parent().unwrap_or(Path::new(""));
    for (role, entry) in [(Role::Left, &manifest.left), (Role::Right, &manifest.right)] {
        if entry.path.trim().is_empty() {
            return Err(LoadError::Manifest {
                reason: format!("the {} entry has no path", role.as_str()),
                path: manifest_path.to_owned(),
            });
        }
    }
    let mut ids = HashSet::new();
    let mut warnings = Vec::new();
    let mut documents = Vec::new();
    let entries = [(Role::Left, &manifest.left), (Role::Right, &manifest.right)]
        .into_iter()
        .chain(
            manifest
                .coverage
                .iter()
                .map(|entry| (Role::Coverage, entry)),
        );
    let entries: Vec<(Role, &ManifestEntry)> = entries.collect();
    progress.start(Stage::Reading, entries.len())?;
    let read = build_documents(
        &crate::thread_map::map(&entries, |(role, entry)| {
            let path = base.join(&entry.path);
            read_content(files, &path).map(|content| Pending {
                role: *role,
                lang: entry.lang.clone().filter(|l| !l.trim().is_empty()),
                label: entry.label.clone().unwrap_or_else(|| file_label(&path)),
                path,
                content,
            })
        }),
        progress,
    );
    progress.check()?;
    for ((role, entry), result) in entries.into_iter().zip(read) {
        let path = base.join(&entry.path);
        match result {
            Ok(mut document) => {
                document.id = unique_id(&path, &mut ids);
                warnings.extend(LoadWarning::of_notes(&document));
                documents.push(document);
            }
            Err(problem) if role == Role::Coverage => {
                warnings.push(LoadWarning::skipped(problem, path));
            }
            Err(problem) => {
                return Err(LoadError::Rendering {
                    role,
                    problem,
                    path,
                });
            }
        }
    }
    let title = manifest
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| {
            base.file_name()
                .and_then(|n| n.to_str())
                .map_or_else(|| documents[0].headline(), str::to_owned)
        });
    Ok(Loaded {
        set: ArticleSet {
            title,
            source,
            documents,
            given: None,
        },
        warnings,
    })
}

fn load_loose(
    files: &[PathBuf],
    where_: &Path,
    source: SetSource,
    progress: &Progress,
) -> Result<Loaded, LoadError> {
    progress.start(Stage::Reading, files.len())?;
    let (documents, warnings) = read_files(files, &mut HashSet::new(), progress)?;
    if documents.len() < 2 {
        return Err(LoadError::TooFewDocuments {
            found: documents.len(),
            problems: warnings,
            where_: where_.to_owned(),
        });
    }
    // Files named one by one are left and right in the order given; the files of a folder are
    // paired by what they hold, the first by name on the left.
    let named_one_by_one =
        matches!(&source, SetSource::Files(paths) if paths.iter().all(|p| !p.is_dir()));
    let (left, right) = if named_one_by_one {
        (0, 1)
    } else {
        let (left, right) = choose_pair(&documents);
        if documents[left].path <= documents[right].path {
            (left, right)
        } else {
            (right, left)
        }
    };
    let mut ordered = Vec::with_capacity(documents.len());
    let mut rest = Vec::new();
    let mut left_doc = None;
    let mut right_doc = None;
    for (idx, doc) in documents.into_iter().enumerate() {
        if idx == left {
            left_doc = Some(doc);
        } else if idx == right {
            right_doc = Some(doc);
        } else {
            rest.push(doc);
        }
    }
    let (Some(mut left_doc), Some(mut right_doc)) = (left_doc, right_doc) else {
        unreachable!("choose_pair returns two distinct indices");
    };
    left_doc.role = Role::Left;
    right_doc.role = Role::Right;
    let title = match &source {
        SetSource::Folder(folder) => folder
            .file_name()
            .and_then(|n| n.to_str())
            .map_or_else(|| left_doc.headline(), str::to_owned),
        _ => left_doc.headline(),
    };
    ordered.push(left_doc);
    ordered.push(right_doc);
    ordered.extend(rest);
    Ok(Loaded {
        set: ArticleSet {
            title,
            source,
            documents: ordered,
            given: None,
        },
        warnings,
    })
}

/// Read files given one by one (as coverage, until a caller picks left and right): the
/// documents that could be read, and a warning naming each file that could not.
fn read_files(
    files: &[PathBuf],
    ids: &mut HashSet<String>,
    progress: &Progress,
) -> Result<(Vec<Document>, Vec<LoadWarning>), LoadError> {
    let read = build_documents(
        &crate::thread_map::map(files, |path| {
            read_content(&Disk, path).map(|content| Pending {
                role: Role::Coverage,
                lang: None,
                label: file_label(path),
                path: path.clone(),
                content,
            })
        }),
        progress,
    );
    progress.check()?;
    let mut documents = Vec::new();
    let mut warnings = Vec::new();
    for (path, result) in files.iter().zip(read) {
        match result {
            Ok(mut document) => {
                document.id = unique_id(path, ids);
                warnings.extend(LoadWarning::of_notes(&document));
                documents.push(document);
            }
            Err(problem) => warnings.push(LoadWarning::skipped(problem, path.clone())),
        }
    }
    Ok((documents, warnings))
}

/// A document read and decoded, before its paragraphs are split and its figures read.
struct Pending {
    role: Role,
    /// The language the manifest gives, or the one detected.
    lang: Option<String>,
    label: String,
    path: PathBuf,
    content: Content,
}

/// What a monolingual file holds.
enum Content {
    /// Plain text, paragraphs still to split.
    Text(decode::DecodedText),
    /// The paragraphs of a structured file (web page, Word, Markdown).
    Blocks(formats::Blocks),
}

impl Content {
    /// The text, for language detection.
    fn text(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Self::Text(text) => std::borrow::Cow::Borrowed(&text.text),
            Self::Blocks(blocks) => std::borrow::Cow::Owned(blocks.text()),
        }
    }
}

/// Detect the language of every document the manifest gives none for — a short text that is
/// not conclusive alone is decided among the languages of the rest of the set — then split
/// paragraphs and read figures. Decoding, splitting and reading figures is the bulk of
/// loading: one document per core.
fn build_documents(
    read: &[Result<Pending, String>],
    progress: &Progress,
) -> Vec<Result<Document, String>> {
    // The manifest's language is a person's word and stands; a file's own declaration (a
    // page's `<html lang>`, Word's default language) stands unless the text clearly says
    // otherwise, and then a note says so.
    let detected: Vec<Option<LangChoice>> = crate::thread_map::map(read, |result| {
        let pending = result.as_ref().ok()?;
        if let Some(lang) = &pending.lang {
            return Some((lang.clone(), None));
        }
        let declared = match &pending.content {
            Content::Blocks(blocks) => blocks.declared_lang.as_deref(),
            Content::Text(_) => None,
        };
        let (lang, note) = lang::declared_or_detected(declared, &pending.content.text());
        let note = note.map(|note| format!("the file {}", note.replace("{side}", "text")));
        Some((lang, note))
    });
    let hints: Vec<&str> = detected
        .iter()
        .flatten()
        .map(|(lang, _)| lang.as_str())
        .filter(|l| *l != lang::UNDETERMINED)
        .collect();
    let items: Vec<(&Result<Pending, String>, Option<&LangChoice>)> = read
        .iter()
        .zip(detected.iter().map(Option::as_ref))
        .collect();
    crate::thread_map::map(&items, |(result, detected)| {
        let pending = result.as_ref().map_err(Clone::clone)?;
        if progress.is_cancelled() {
            return Err("cancelled".to_owned());
        }
        let lang = match detected.map(|(lang, _)| lang.as_str()) {
            Some(lang::UNDETERMINED) | None => lang::detect_among(&pending.content.text(), &hints),
            Some(lang) => lang.to_owned(),
        };
        let declaration_note = detected.and_then(|(_, note)| note.clone());
        let document = match &pending.content {
            Content::Text(text) => Document::from_text(
                String::new(),
                pending.role,
                lang,
                pending.label.clone(),
                pending.path.clone(),
                text,
            ),
            Content::Blocks(blocks) => Document::from_blocks(
                String::new(),
                pending.role,
                lang,
                pending.label.clone(),
                pending.path.clone(),
                blocks,
            ),
        };
        let mut document = document;
        if let Some(note) = declaration_note {
            document.notes.push(crate::decode::ReadNote::repaired(note));
        }
        progress.advance(1);
        Ok(document)
    })
}

/// The language a document is read in, and the note that says why when the text overruled
/// what the file declares.
type LangChoice = (String, Option<String>);

/// Read a monolingual file in any format the reader knows.
fn read_content(files: &dyn FileSource, path: &Path) -> Result<Content, String> {
    let bytes = files.read(path)?;
    match Kind::of(path, &bytes) {
        Kind::Text => formats::decoded(&bytes).map(Content::Text),
        format if format.is_bilingual() => Err(format!(
            "a bilingual {} file holds both sides of a set: open it on its own (or first, with coverage after it)",
            format.describe()
        )),
        format => formats::read_blocks(format, &bytes).map(Content::Blocks),
    }
}

fn unique_id(path: &Path, ids: &mut HashSet<String>) -> String {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("document")
        .to_owned();
    let mut id = stem.clone();
    let mut counter = 2;
    while !ids.insert(id.clone()) {
        id = format!("{stem}-{counter}");
        counter += 1;
    }
    id
}

fn file_label(path: &Path) -> String {
    path.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("document")
        .to_owned()
}
