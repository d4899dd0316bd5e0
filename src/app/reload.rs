//! Reloading the open set when one of its files changes on disk: in the background, like any
//! load; the review follows its paragraphs' texts (saved first, restored onto the new texts),
//! and the selection and the first row on screen stay on the same paragraphs.

use std::path::PathBuf;

use super::command::LoadRequest;
use super::reading_view::ScrollTarget;
use super::watch::SetWatcher;
use super::{Message, ReaderApp};
use crate::comparison::Comparison;
use crate::review::ReviewFile;
use crate::side::Side;

/// What a reload keeps from the set it replaces.
pub(super) struct Kept {
    changed: Vec<PathBuf>,
    selected: Option<Anchor>,
    top: Option<Anchor>,
    review: ReviewFile,
}

/// A row, remembered by one of its paragraphs: its side, position and text.
struct Anchor {
    side: Side,
    paragraph: usize,
    text: String,
}

impl Anchor {
    fn of(comparison: &Comparison, row: usize) -> Option<Self> {
        let row = comparison.rows.get(row)?;
        let side = if row.left.is_empty() {
            Side::Right
        } else {
            Side::Left
        };
        let paragraph = *row.side(side).first()?;
        Some(Self {
            side,
            paragraph,
            text: comparison.set.side(side).paragraphs[paragraph].text.clone(),
        })
    }

    /// The row of the paragraph with the same text nearest the old place, or of the paragraph
    /// now at the old place.
    fn find(&self, comparison: &Comparison) -> Option<usize> {
        let paragraphs = &comparison.set.side(self.side).paragraphs;
        let same_text = paragraphs
            .iter()
            .filter(|p| p.text == self.text)
            .min_by_key(|p| p.index.abs_diff(self.paragraph))
            .map(|p| p.index);
        let paragraph = same_text.or_else(|| {
            let last = paragraphs.len().checked_sub(1)?;
            Some(self.paragraph.min(last))
        })?;
        comparison
            .rows
            .iter()
            .position(|row| row.side(self.side).contains(&paragraph))
    }
}

impl ReaderApp {
    /// Watch the open set's files; reload it once a changed file has been quiet a moment.
    pub(super) fn watch_files(&mut self, ctx: &egui::Context) {
        if self.watch_wanted {
            self.watch_wanted = false;
            self.watcher = self
                .comparison
                .as_ref()
                .and_then(|c| SetWatcher::new(&c.set, ctx.clone()));
        }
        let Some(watcher) = &mut self.watcher else {
            return;
        };
        let (changed, wait) = watcher.poll();
        if let Some(wait) = wait {
            ctx.request_repaint_after(wait);
        }
        // A load already running reads the files as they are now.
        if !changed.is_empty() && self.loading.is_none() {
            self.start_reload(ctx, changed);
        }
    }

    fn start_reload(&mut self, ctx: &egui::Context, changed: Vec<PathBuf>) {
        let Some(comparison) = &self.comparison else {
            return;
        };
        let kept = Kept {
            changed,
            selected: self
                .selected_row
                .and_then(|row| Anchor::of(comparison, row)),
            top: self
                .view
                .shown()
                .get(self.view.first_visible())
                .and_then(|&row| Anchor::of(comparison, row)),
            review: comparison.review_file(),
        };
        let request = LoadRequest::Paths(comparison.set.source.paths());
        self.start_load(ctx, request);
        if let Some(pending) = &mut self.loading {
            pending.reload = Some(kept);
        }
    }

    pub(super) fn finish_reload(&mut self, kept: Kept, result: Result<Comparison, String>) {
        let names: Vec<String> = kept
            .changed
            .iter()
            .map(|p| {
                p.file_name().map_or_else(
                    || p.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                )
            })
            .collect();
        let names = names.join(", ");
        let mut comparison = match result {
            Ok(comparison) => comparison,
            Err(err) => {
                self.message = Some(Message::error(format!(
                    "{names} changed on disk but could not be read again ({err}); the last version stays open."
                )));
                return;
            }
        };
        // Without a review folder the review comes across in memory; with one, it is saved
        // and read back onto the new texts by `set_comparison`.
        if self.reviews_dir.is_none() {
            comparison.restore_review(&kept.review);
        }
        self.set_comparison(comparison);
        if let Some(comparison) = &self.comparison {
            if let Some(row) = kept.selected.and_then(|a| a.find(comparison)) {
                self.selected_row = Some(row);
            }
            if let Some(row) = kept.top.and_then(|a| a.find(comparison)) {
                let pos = self.view.position_of(row);
                self.view.scroll_to(ScrollTarget::Top(pos));
            }
        }
        // What restoring the review had to say comes after.
        let restored = self.message.take().map(|m| format!(" {}", m.text));
        self.message = Some(Message::info(format!(
            "Reloaded: {names} changed on disk; the review is kept.{}",
            restored.unwrap_or_default()
        )));
    }
}
