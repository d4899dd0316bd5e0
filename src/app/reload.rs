//! Reloading the open set when one of its files changes on disk: in the background, like any
//! load; the review follows its paragraphs' texts (saved first, restored onto the new texts),
//! and the selection and the first row on screen stay on the same paragraphs.

use std::path::PathBuf;

use super::command::{LoadRequest, ReviewSource};
use super::reading_view::ScrollTarget;
use super::watch::SetWatcher;
use super::{Message, ReaderApp};
use crate::comparison::Comparison;
use crate::review::ReviewFile;
use crate::side::Side;
use crate::words::elided;

/// What a reload keeps from the set it replaces.
pub(super) struct Kept {
    changed: Vec<PathBuf>,
    selected: Option<Anchor>,
    top: Option<Anchor>,
    review: ReviewFile,
    /// The paragraphs of the left and right renderings before the reload (to say what changed).
    old_texts: [Vec<String>; 2],
}

/// How long the rows a reload changed stay tinted.
pub(super) const FLASH_FOR: std::time::Duration = std::time::Duration::from_secs(4);

/// What a reload changed in one rendering: the new paragraph and its old text (`None` for a
/// paragraph that is new).
struct ChangedParagraph {
    paragraph: usize,
    old: Option<String>,
}

/// The paragraphs of `new` that are not in `old`, matched in order (a diff of the paragraph
/// texts: linear in practice, as the texts mostly agree).
fn changed_paragraphs(old: &[String], new: &[String]) -> Vec<ChangedParagraph> {
    use similar::{DiffOp, capture_diff_slices};
    let mut changed = Vec::new();
    for op in capture_diff_slices(similar::Algorithm::Myers, old, new) {
        match op {
            DiffOp::Equal { .. } | DiffOp::Delete { .. } => {}
            DiffOp::Insert {
                new_index, new_len, ..
            } => {
                changed.extend((new_index..new_index + new_len).map(|paragraph| {
                    ChangedParagraph {
                        paragraph,
                        old: None,
                    }
                }));
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => changed.extend((0..new_len).map(|k| ChangedParagraph {
                paragraph: new_index + k,
                old: (k < old_len).then(|| old[old_index + k].clone()),
            })),
        }
    }
    changed
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
            old_texts: [Side::Left, Side::Right].map(|side| {
                comparison
                    .set
                    .side(side)
                    .paragraphs
                    .iter()
                    .map(|p| p.text.clone())
                    .collect()
            }),
        };
        let request = LoadRequest::Paths(comparison.set.source.paths());
        // The review comes across in memory (restored onto the new texts when the reload is
        // done): nothing is written to be read back.
        self.start_load_with_review(ctx, request, ReviewSource::Caller);
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
                self.say(Message::error(format!(
                    "{names} changed on disk but could not be read again ({err}); the last version stays open."
                )));
                return;
            }
        };
        // The review as it stands now (edits made while the files were read again included)
        // follows its paragraphs' texts onto the new comparison; it keeps its file.
        let review = self
            .comparison
            .as_ref()
            .map_or_else(|| kept.review.clone(), Comparison::review_file);
        let messages = comparison.restore_review(&review);
        let review_path = self.review_path.clone();
        let dirty = self.review_dirty;
        self.show_comparison(comparison, None);
        self.review_path = review_path;
        self.review_dirty = dirty;
        if !messages.is_empty() {
            self.say(Message::info(messages.join(" ")));
        }
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
        let changes = self.report_changes(&kept.old_texts);
        self.say(Message::info(format!(
            "Reloaded: {names} changed on disk ({changes}); the review is kept.{}",
            restored.unwrap_or_default()
        )));
    }

    /// Say which rows a reload changed (old → new text, and their figures) in the history, and
    /// tint them; the summary in words for the status bar.
    fn report_changes(&mut self, old_texts: &[Vec<String>; 2]) -> String {
        let Some(comparison) = &self.comparison else {
            return String::new();
        };
        let mut lines = Vec::new();
        let mut rows = Vec::new();
        for (side, old) in [Side::Left, Side::Right].into_iter().zip(old_texts) {
            let doc = comparison.set.side(side);
            let new: Vec<String> = doc.paragraphs.iter().map(|p| p.text.clone()).collect();
            // The row of every paragraph of this side, once (a reload may change many).
            let mut row_of = vec![None; doc.paragraphs.len()];
            for (row_idx, row) in comparison.rows.iter().enumerate() {
                for &p in row.side(side) {
                    row_of[p] = Some(row_idx);
                }
            }
            for change in changed_paragraphs(old, &new) {
                let Some(row) = row_of.get(change.paragraph).copied().flatten() else {
                    continue;
                };
                rows.push(row);
                let paragraph = &doc.paragraphs[change.paragraph];
                let figures: Vec<&str> =
                    paragraph.figures.iter().map(|f| f.text.as_str()).collect();
                let figures = if figures.is_empty() {
                    String::new()
                } else {
                    format!(" [figures: {}]", figures.join(", "))
                };
                lines.push(match &change.old {
                    Some(old) => format!(
                        "Row {} ({}): “{}” → “{}”{figures}",
                        row + 1,
                        doc.label,
                        elided(old, 70),
                        elided(&paragraph.text, 70)
                    ),
                    None => format!(
                        "Row {} ({}): new paragraph “{}”{figures}",
                        row + 1,
                        doc.label,
                        elided(&paragraph.text, 70)
                    ),
                });
            }
        }
        rows.sort_unstable();
        rows.dedup();
        let summary = match rows.len() {
            0 => "no paragraph changed".to_owned(),
            1 => format!("row {} changed", rows[0] + 1),
            n => format!("{n} rows changed"),
        };
        for line in lines {
            self.say(Message::info(line));
        }
        self.reloaded_rows = (!rows.is_empty()).then(|| (std::time::Instant::now(), rows));
        summary
    }
}
