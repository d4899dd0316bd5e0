//! Exports of a comparison. Each format is a module writing to any `io::Write`; [`write_atomic`]
//! puts the bytes in a file so that a crash never leaves half a file behind.

pub mod json;

use std::io::{self, Write as _};
use std::path::Path;

use crate::comparison::Comparison;

/// The export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `parallel-reader/comparison/1` JSON.
    Json,
}

impl Format {
    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Json => "json",
        }
    }
}

/// Write `comparison` in `format` to `out`.
pub fn write(comparison: &Comparison, format: Format, out: &mut dyn io::Write) -> io::Result<()> {
    match format {
        Format::Json => json::write(comparison, out),
    }
}

/// Write `bytes` to `path` atomically: a temporary file in the same folder, flushed and synced,
/// then renamed over the target.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(folder)?;
    file.write_all(bytes)?;
    file.flush()?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|err| err.error)?;
    Ok(())
}
