//! Where a set's review is kept.
//!
//! A review lives beside the set it is about (`<set name>.review.json` next to the manifest, the
//! folder or the first file), so that it travels with the set. The bundled example's review,
//! and the review of a set whose folder cannot be written, live in the app's data folder
//! ([`reviews_dir`]). The window and the command line find reviews the same way
//! ([`existing_path`]), so a finding accepted in the window is accepted for `check` and
//! `export` too.

use std::io;
use std::path::{Path, PathBuf};

use super::file::{ReviewFile, text_hash, write};
use crate::set::SetSource;

/// The application id: names the data folder (and the window's settings folder).
pub const APP_ID: &str = "parallel-reader";

/// The app's data folder: `$XDG_DATA_HOME/parallel-reader` (or `~/.local/share/…`) on Linux,
/// `~/Library/Application Support/parallel-reader` on macOS, `%APPDATA%\parallel-reader\data`
/// on Windows. The window keeps its settings there too.
pub fn data_dir() -> Option<PathBuf> {
    if cfg!(target_os = "macos") {
        return std::env::home_dir().map(|home| {
            home.join("Library")
                .join("Application Support")
                .join(APP_ID)
        });
    }
    if cfg!(windows) {
        return std::env::var_os("APPDATA")
            .map(PathBuf::from)
            .map(|dir| dir.join(APP_ID).join("data"));
    }
    std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|dir| dir.is_absolute())
        .or_else(|| std::env::home_dir().map(|home| home.join(".local").join("share")))
        .map(|dir| dir.join(APP_ID))
}

/// The folder for reviews that cannot live beside their set (and the bundled set's).
pub fn reviews_dir() -> Option<PathBuf> {
    data_dir().map(|dir| dir.join("reviews"))
}

/// Where the review of a set is kept: `<set name>.review.json` beside the manifest or folder
/// (or the first file); the bundled set's review lives in `fallback_dir`.
pub fn review_path(source: &SetSource, fallback_dir: &Path) -> PathBuf {
    let beside = |path: &Path, name: &str| -> PathBuf {
        path.parent()
            .unwrap_or(Path::new("."))
            .join(format!("{name}.review.json"))
    };
    let stem = |path: &Path| {
        path.file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("set")
            .to_owned()
    };
    match source {
        SetSource::Bundled => fallback_dir.join("bundled-example.review.json"),
        SetSource::Manifest(manifest) => beside(manifest, &stem(manifest)),
        SetSource::Folder(folder) => {
            let name = folder
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("set")
                .to_owned();
            beside(folder, &name)
        }
        SetSource::Files(files) => files.first().map_or_else(
            || fallback_dir.join("files.review.json"),
            |f| beside(f, &stem(f)),
        ),
    }
}

/// The fallback review path for a set whose own folder is not writable: in `data_dir`, named
/// after a hash of the set's location.
pub fn fallback_path(source: &SetSource, data_dir: &Path) -> PathBuf {
    let key: String = source
        .paths()
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join("|");
    data_dir.join(format!("set-{}.review.json", text_hash(&key)))
}

/// The review file a set already has: beside the set, or in `data_dir` where it went when the
/// set's folder was not writable.
pub fn existing_path(source: &SetSource, data_dir: &Path) -> Option<PathBuf> {
    [
        review_path(source, data_dir),
        fallback_path(source, data_dir),
    ]
    .into_iter()
    .find(|path| path.exists())
}

/// Where a review was saved.
#[derive(Debug)]
pub struct Saved {
    /// The file written.
    pub path: PathBuf,
    /// Why the preferred place could not be written, when the review went to the data folder
    /// instead.
    pub fell_back: Option<io::Error>,
}

/// Save `file` at `path` (atomically, keeping a backup); when that folder cannot be written,
/// in `reviews_dir` instead. Fails only when neither can be written.
pub fn save(
    file: &ReviewFile,
    path: &Path,
    source: &SetSource,
    reviews_dir: &Path,
) -> io::Result<Saved> {
    let first = std::fs::create_dir_all(path.parent().unwrap_or(reviews_dir))
        .and_then(|()| write(path, file));
    let Err(err) = first else {
        return Ok(Saved {
            path: path.to_owned(),
            fell_back: None,
        });
    };
    let fallback = fallback_path(source, reviews_dir);
    if fallback == path {
        return Err(err);
    }
    std::fs::create_dir_all(reviews_dir).and_then(|()| write(&fallback, file))?;
    Ok(Saved {
        path: fallback,
        fell_back: Some(err),
    })
}
