//! Reading the files a user (or a stranger's `set.json`) names, safely: only regular files,
//! never blocking on a pipe or a device, and never more than an input may become.
//!
//! A set travels: a colleague mails a folder, a client sends a Word file, a page is saved from a
//! hostile site. Whatever it names, reading it must end, and must end small. [`read`] refuses
//! anything that is not a regular file (a pipe, a device, a socket, a folder) before it opens
//! it, opens without blocking (a file swapped for a pipe after the check cannot hang the
//! program) and stops at [`MAX_FILE_BYTES`] while reading (a file that grows as it is read stops
//! there too). What a file may become once unpacked (a Word file's paragraphs) is capped by
//! [`MAX_TEXT_BYTES`] and [`MAX_PARAGRAPHS`], applied by the readers of each format.
//!
//! ```
//! let dir = tempfile::tempdir().unwrap();
//! let path = dir.path().join("a.txt");
//! std::fs::write(&path, "Hej").unwrap();
//! assert_eq!(parallel_reader::input::read(&path).unwrap(), b"Hej");
//! let err = parallel_reader::input::read(dir.path()).unwrap_err();
//! assert_eq!(err.to_string(), "a folder, not a file");
//! ```

use std::io::{self, Read as _};
use std::path::{Path, PathBuf};

/// The largest file read (a book of 129,000 paragraphs a side is about 40 MB).
pub const MAX_FILE_BYTES: u64 = 100 << 20;

/// The most text one document may hold once unpacked (a Word file inflates many times over).
pub const MAX_TEXT_BYTES: usize = 100 << 20;

/// The most paragraphs one document may hold: more is not an article, and every paragraph costs
/// memory in the analysis. Ten times the longest book measured.
pub const MAX_PARAGRAPHS: usize = 200_000;

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// Nothing at that path.
    #[error("file not found")]
    NotFound,
    /// Not allowed to read it.
    #[error("permission denied")]
    PermissionDenied,
    /// Something other than a regular file: a folder, a pipe, a device, a socket.
    #[error("{0}, not a file")]
    NotAFile(&'static str),
    /// Larger than [`MAX_FILE_BYTES`].
    #[error("larger than {} MB", MAX_FILE_BYTES >> 20)]
    TooLarge,
    /// Another input/output error.
    #[error("{0}")]
    Io(io::Error),
}

impl From<io::Error> for InputError {
    fn from(err: io::Error) -> Self {
        match err.kind() {
            io::ErrorKind::NotFound => Self::NotFound,
            io::ErrorKind::PermissionDenied => Self::PermissionDenied,
            _ => Self::Io(err),
        }
    }
}

/// What a file system entry is, in words, when it is not a regular file.
pub fn not_a_file(metadata: &std::fs::Metadata) -> Option<&'static str> {
    let file_type = metadata.file_type();
    if file_type.is_file() {
        return None;
    }
    if file_type.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if file_type.is_fifo() {
            return Some("a pipe");
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return Some("a device");
        }
        if file_type.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a regular file")
}

/// Read a regular file whole, up to [`MAX_FILE_BYTES`].
pub fn read(path: &Path) -> Result<Vec<u8>, InputError> {
    read_capped(path, MAX_FILE_BYTES)
}

/// Read a regular file whole, refusing one larger than `max_bytes`.
pub fn read_capped(path: &Path, max_bytes: u64) -> Result<Vec<u8>, InputError> {
    // Checked before opening: opening a pipe with no writer blocks.
    let metadata = std::fs::metadata(path)?;
    if let Some(what) = not_a_file(&metadata) {
        return Err(InputError::NotAFile(what));
    }
    if metadata.len() > max_bytes {
        return Err(InputError::TooLarge);
    }
    let file = open_nonblocking(path)?;
    // Checked again on what was opened: the path may have changed in between.
    let opened = file.metadata()?;
    if let Some(what) = not_a_file(&opened) {
        return Err(InputError::NotAFile(what));
    }
    let capacity = usize::try_from(opened.len().min(max_bytes)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    // One byte over the cap tells a file that grew while it was read.
    file.take(max_bytes + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max_bytes {
        return Err(InputError::TooLarge);
    }
    Ok(bytes)
}

/// Whether `path` can be read by [`read`] without waiting: a regular file. `None` when it is,
/// else what it is.
pub fn describe_if_not_a_file(path: &Path) -> Option<&'static str> {
    std::fs::metadata(path)
        .ok()
        .and_then(|metadata| not_a_file(&metadata))
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt as _;
    // O_NONBLOCK: 0o4000 on Linux and the BSDs, 0x0004 on macOS.
    #[cfg(any(target_os = "macos", target_os = "ios"))]
    const O_NONBLOCK: i32 = 0x0004;
    #[cfg(not(any(target_os = "macos", target_os = "ios")))]
    const O_NONBLOCK: i32 = 0o4000;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> io::Result<std::fs::File> {
    std::fs::File::open(path)
}

/// The same file on disk (after links are followed), for "the output is one of the inputs".
pub fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        if let (Ok(a), Ok(b)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return a.dev() == b.dev() && a.ino() == b.ino();
        }
        false
    }
    #[cfg(not(unix))]
    {
        match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        }
    }
}

/// Whether `path`, with every link followed, lies inside `folder` (also with links followed).
/// A path that does not exist is judged by its text after `..` is resolved against the folder.
pub fn is_inside(path: &Path, folder: &Path) -> bool {
    let Ok(folder) = std::fs::canonicalize(folder) else {
        return false;
    };
    let resolved = std::fs::canonicalize(path).unwrap_or_else(|_| lexical_normal(path));
    resolved.starts_with(&folder)
}

/// `path` with `.` and `..` taken out by reading alone (for a path that does not exist).
fn lexical_normal(path: &Path) -> PathBuf {
    use std::path::Component;
    let absolute = if path.is_absolute() {
        path.to_owned()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut out = PathBuf::new();
    for component in absolute.components() {
        match component {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_regular_files_and_names_what_else_it_met() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "text").unwrap();
        assert_eq!(read(&path).unwrap(), b"text");
        assert!(matches!(
            read(&dir.path().join("missing")),
            Err(InputError::NotFound)
        ));
        assert_eq!(
            read(dir.path()).unwrap_err().to_string(),
            "a folder, not a file"
        );
        assert!(matches!(read_capped(&path, 3), Err(InputError::TooLarge)));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn refuses_devices_without_reading_them() {
        // An endless device: refused before a byte is read.
        let err = read(Path::new("/dev/zero")).unwrap_err();
        assert_eq!(err.to_string(), "a device, not a file");
    }

    #[test]
    fn knows_what_lies_inside_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        let inner = dir.path().join("set");
        std::fs::create_dir(&inner).unwrap();
        std::fs::write(inner.join("a.txt"), "a").unwrap();
        assert!(is_inside(&inner.join("a.txt"), &inner));
        assert!(is_inside(&inner.join("missing.txt"), &inner));
        assert!(!is_inside(&inner.join("../../../../etc/passwd"), &inner));
        assert!(!is_inside(Path::new("/etc/passwd"), &inner));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("/etc/hostname", inner.join("link.txt")).unwrap();
            assert!(!is_inside(&inner.join("link.txt"), &inner));
        }
    }
}
