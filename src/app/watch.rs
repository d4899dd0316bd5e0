//! Reload on change: the folders of the open set's files are watched (a translator fixes the
//! text in an editor, which often saves by writing a new file and renaming it over the old
//! one, so the folder is watched, not the file). Changes are gathered until the files have
//! been quiet for a moment, then the window reloads the set in the background.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher as _};

use crate::set::{ArticleSet, SetSource};

/// How long the files must be quiet before the set reloads (editors write in bursts).
pub(super) const QUIET_FOR: Duration = Duration::from_millis(400);

/// The watch over an open set's files.
pub(super) struct SetWatcher {
    _watcher: notify::RecommendedWatcher,
    events: Receiver<notify::Result<notify::Event>>,
    files: BTreeSet<PathBuf>,
    /// Files changed since the last reload, and when the last change came.
    changed: BTreeSet<PathBuf>,
    last_change: Option<Instant>,
}

impl SetWatcher {
    /// Watch the files of `set` (nothing for the bundled example). `None` when the system
    /// cannot watch them (the set still works; it just does not reload by itself).
    pub(super) fn new(set: &ArticleSet, repaint: egui::Context) -> Option<Self> {
        let mut files: BTreeSet<PathBuf> = set
            .documents
            .iter()
            .map(|doc| absolute(&doc.path))
            .collect();
        match &set.source {
            SetSource::Bundled => return None,
            SetSource::Manifest(manifest) => {
                files.insert(absolute(manifest));
            }
            SetSource::Folder(_) | SetSource::Files(_) => {}
        }
        let (sender, events) = mpsc::channel();
        let mut watcher = notify::recommended_watcher(move |event| {
            sender.send(event).ok();
            repaint.request_repaint();
        })
        .ok()?;
        let folders: BTreeSet<&Path> = files.iter().filter_map(|f| f.parent()).collect();
        for folder in folders {
            watcher.watch(folder, RecursiveMode::NonRecursive).ok()?;
        }
        Some(Self {
            _watcher: watcher,
            events,
            files,
            changed: BTreeSet::new(),
            last_change: None,
        })
    }

    /// Take the events that arrived; the files that changed once they have been quiet for
    /// [`QUIET_FOR`], and how long to wait before asking again when a change is pending.
    pub(super) fn poll(&mut self) -> (Vec<PathBuf>, Option<Duration>) {
        while let Ok(event) = self.events.try_recv() {
            let Ok(event) = event else { continue };
            if event.kind.is_access() {
                continue;
            }
            for path in event.paths {
                let path = absolute(&path);
                if self.files.contains(&path) {
                    self.changed.insert(path);
                    self.last_change = Some(Instant::now());
                }
            }
        }
        let Some(last) = self.last_change else {
            return (Vec::new(), None);
        };
        let quiet = last.elapsed();
        if quiet < QUIET_FOR {
            return (Vec::new(), Some(QUIET_FOR - quiet));
        }
        self.last_change = None;
        (
            std::mem::take(&mut self.changed).into_iter().collect(),
            None,
        )
    }
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_owned())
}
