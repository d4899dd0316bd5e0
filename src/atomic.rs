//! Writing files atomically: a crash, a full disk or an error half-way never leaves half a file.
//!
//! The bytes go to a temporary file in the target's own folder (so the final rename stays on one
//! file system), which is flushed and synced, then renamed over the target. A file written this
//! way gets the permissions any file the user creates gets (the umask applies), or keeps the
//! permissions of the file it replaces: an export put on a shared drive stays readable to the
//! people it was shared with.
//!
//! ```
//! let dir = tempfile::tempdir().unwrap();
//! let path = dir.path().join("report.txt");
//! parallel_reader::atomic::write(&path, b"first").unwrap();
//! parallel_reader::atomic::write(&path, b"second").unwrap();
//! assert_eq!(std::fs::read(&path).unwrap(), b"second");
//! ```

use std::io::{self, Write as _};
use std::path::Path;

/// Write `bytes` to `path` atomically.
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_with(path, |out| out.write_all(bytes))
}

/// Write to `path` atomically through `write`: if `write` fails half-way, the temporary file is
/// removed and `path` keeps its previous content.
pub fn write_with(
    path: &Path,
    write: impl FnOnce(&mut dyn io::Write) -> io::Result<()>,
) -> io::Result<()> {
    let target = target_of(path)?;
    let path = target.as_path();
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut file = new_temp_file(folder)?;
    {
        let mut buffered = io::BufWriter::new(file.as_file_mut());
        write(&mut buffered)?;
        buffered.flush()?;
    }
    // A file that is replaced keeps its permissions (someone may have shared it on purpose).
    if let Ok(existing) = std::fs::metadata(path) {
        file.as_file().set_permissions(existing.permissions())?;
    }
    file.as_file().sync_all()?;
    file.persist(path).map_err(|err| err.error)?;
    Ok(())
}

/// Where to write for `path`: a link is written through to the file it names (the link stays a
/// link); anything that is not a regular file (a pipe, a device, a folder) is refused, never
/// replaced.
fn target_of(path: &Path) -> io::Result<std::path::PathBuf> {
    let mut target = path.to_owned();
    // A chain of links, followed a bounded number of times (a loop of links ends here).
    for _ in 0..40 {
        match std::fs::symlink_metadata(&target) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                let next = std::fs::read_link(&target)?;
                target = match target.parent() {
                    Some(parent) if next.is_relative() => parent.join(next),
                    _ => next,
                };
            }
            Ok(metadata) => {
                if let Some(what) = crate::input::not_a_file(&metadata) {
                    return Err(io::Error::other(format!(
                        "{what}, not a file: it is not replaced"
                    )));
                }
                return Ok(target);
            }
            Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(target),
            Err(err) => return Err(err),
        }
    }
    Err(io::Error::other("too many levels of links"))
}

/// A temporary file created the way any new file of the user's is: mode 0666 less the umask on
/// Unix (tempfile's own default is owner-only, 0600, which the rename would keep).
fn new_temp_file(folder: &Path) -> io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".parallel-reader-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(folder)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_keeps_the_old_file_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        write(&path, b"old").unwrap();
        let result = write_with(&path, |out| {
            out.write_all(b"half")?;
            Err(io::Error::other("disk full"))
        });
        assert!(result.is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn writes_through_links_and_never_replaces_what_is_not_a_file() {
        use std::os::unix::fs::FileTypeExt as _;
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.txt");
        std::fs::write(&real, b"old").unwrap();
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write(&link, b"new").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&real).unwrap(), b"new");
        // A folder, and a device, stay what they are.
        let err = write(dir.path(), b"x").unwrap_err();
        assert!(err.to_string().contains("a folder"), "{err}");
        #[cfg(target_os = "linux")]
        {
            let err = write(Path::new("/dev/full"), b"x").unwrap_err();
            assert!(err.to_string().contains("a device"), "{err}");
            assert!(
                std::fs::metadata("/dev/full")
                    .unwrap()
                    .file_type()
                    .is_char_device()
            );
        }
    }

    #[cfg(unix)]
    #[test]
    fn new_files_follow_the_umask_and_replaced_files_keep_their_mode() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        // What the system gives a new file of this process (0666 less the umask).
        let probe = dir.path().join("probe");
        std::fs::write(&probe, b"").unwrap();
        let expected = std::fs::metadata(&probe).unwrap().permissions().mode() & 0o777;
        let path = dir.path().join("export.html");
        write(&path, b"<p>").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, expected);
        // A file the user made world-readable stays so when it is written again.
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        write(&path, b"<p>again").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644);
    }
}
