//! Native file dialogs (rfd), run off the UI thread.
//!
//! A desktop portal may wait forever once it accepted a request, so a dialog never runs on the
//! UI thread: it runs on its own thread and the app polls for the answer each frame. Where no
//! dialog can be shown at all (no portal, no zenity) rfd answers "cancelled" at once; an answer
//! that fast is taken to mean "no dialog here", and the app offers a path field instead.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::{Duration, Instant};

/// A cancel faster than this means no dialog was shown.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(150);

/// What a dialog is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogPurpose {
    /// Pick a `set.json` or several text files.
    OpenFiles,
    /// Pick a folder.
    OpenFolder,
    /// Choose where to save an export.
    Export(crate::export::Format),
}

/// The result of a finished dialog.
#[derive(Debug, PartialEq, Eq)]
pub enum DialogOutcome {
    /// The user chose these paths.
    Chosen(DialogPurpose, Vec<PathBuf>),
    /// The user cancelled.
    Cancelled,
    /// No native dialog could be shown here.
    Unavailable(DialogPurpose),
}

/// A dialog running on its own thread.
pub struct PendingDialog {
    purpose: DialogPurpose,
    started: Instant,
    receiver: Receiver<Option<Vec<PathBuf>>>,
}

impl PendingDialog {
    /// Show a native dialog for `purpose` on a new thread.
    pub fn spawn(purpose: DialogPurpose, start_dir: Option<PathBuf>) -> Self {
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            let mut dialog = rfd::FileDialog::new();
            if let Some(dir) = start_dir {
                dialog = dialog.set_directory(dir);
            }
            let chosen = match purpose {
                DialogPurpose::OpenFiles => dialog
                    .set_title("Open an article set: a set.json, an XLIFF or TMX file, or two or more articles")
                    .add_filter(
                        "Articles and sets",
                        &[
                            "json", "txt", "text", "md", "markdown", "html", "htm", "docx", "odt",
                            "xlf", "xliff", "tmx",
                        ],
                    )
                    .add_filter("Bilingual (XLIFF, TMX)", &["xlf", "xliff", "tmx"])
                    .add_filter("All files", &["*"])
                    .pick_files(),
                DialogPurpose::OpenFolder => dialog
                    .set_title("Open a folder of articles")
                    .pick_folder()
                    .map(|folder| vec![folder]),
                DialogPurpose::Export(format) => dialog
                    .set_title(format!("Export the comparison as {}", format.label()))
                    .add_filter(format.label(), &[format.extension()])
                    .set_file_name(format!("comparison.{}", format.extension()))
                    .save_file()
                    .map(|file| vec![file]),
            };
            sender.send(chosen).ok();
        });
        Self {
            purpose,
            started: Instant::now(),
            receiver,
        }
    }

    /// The outcome, once the dialog has closed.
    pub fn poll(&self) -> Option<DialogOutcome> {
        match self.receiver.try_recv() {
            Ok(Some(paths)) if !paths.is_empty() => {
                Some(DialogOutcome::Chosen(self.purpose, paths))
            }
            Ok(_) if self.started.elapsed() < NO_DIALOG_WITHIN => {
                Some(DialogOutcome::Unavailable(self.purpose))
            }
            Ok(_) => Some(DialogOutcome::Cancelled),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(DialogOutcome::Unavailable(self.purpose)),
        }
    }
}
