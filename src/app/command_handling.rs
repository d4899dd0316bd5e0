//! What each command does: applied once, at the end of the frame that asked for it.

use std::path::{Path, PathBuf};

use super::command::{Command, LoadRequest, ReviewAction, UiCommand};
use super::dialogs::{ExportWindow, PathPrompt};
use super::file_dialog::{DialogPurpose, PendingDialog};
use super::reading_view::ScrollTarget;
use super::{Message, ReaderApp};
use crate::export;
use crate::review::{Accepted, edit};
use crate::side::Neighbour;

const ZOOM_MIN: f32 = 0.6;
const ZOOM_MAX: f32 = 2.5;
const ZOOM_STEP: f32 = 1.1;

impl ReaderApp {
    pub(super) fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Ui(command) => self.run_ui_command(ctx, command),
            Command::Dialog(purpose) => {
                if self.dialog.is_none() {
                    self.dialog = Some(PendingDialog::spawn(purpose, self.start_dir()));
                }
            }
            Command::PathPrompt(purpose, note) => {
                self.prompt = Some(PathPrompt::new(
                    purpose,
                    note,
                    self.start_dir(),
                    &self.last_typed_path,
                ));
            }
            Command::Load(request) => self.start_load(ctx, request),
            Command::CancelLoad => self.cancel_load(),
            Command::Export(path, format) => self.export_to(&path, format),
            Command::ExportWindow => {
                let format = self
                    .export_window
                    .map_or(export::Format::Html, |w| w.format);
                self.export_window = Some(ExportWindow::new(format));
            }
            Command::Review(action) => self.apply_review(action),
            Command::Select(row) => {
                self.selected_row = Some(row);
                let pos = self.view.position_of(row);
                self.view.scroll_to(ScrollTarget::Reveal(pos));
            }
            Command::MoveSelection(delta) => self.move_selection(delta),
            Command::SelectFirst => {
                if let Some(&row) = self.view.shown().first() {
                    self.selected_row = Some(row);
                    self.view.scroll_to(ScrollTarget::Top(0));
                }
            }
            Command::SelectLast => {
                if let Some(&row) = self.view.shown().last() {
                    let pos = self.view.shown().len() - 1;
                    self.selected_row = Some(row);
                    self.view.scroll_to(ScrollTarget::Reveal(pos));
                }
            }
            Command::Zoom(factor) => {
                self.settings.zoom = (self.settings.zoom * factor).clamp(ZOOM_MIN, ZOOM_MAX);
            }
            Command::SetShowBoilerplate(show) => {
                self.settings.show_boilerplate = show;
                self.refilter();
            }
            Command::SetOnlyMismatches(only) => {
                self.settings.only_mismatches = only;
                self.refilter();
            }
        }
    }

    fn run_ui_command(&mut self, ctx: &egui::Context, command: UiCommand) {
        let page = self.view.rows_per_page().saturating_sub(1).max(1) as isize;
        let next = match command {
            UiCommand::OpenSet => Command::Dialog(DialogPurpose::OpenFiles),
            UiCommand::OpenFolder => Command::Dialog(DialogPurpose::OpenFolder),
            UiCommand::OpenPath => Command::PathPrompt(DialogPurpose::OpenFiles, None),
            UiCommand::OpenBundled => Command::Load(LoadRequest::Bundled),
            UiCommand::Export => Command::ExportWindow,
            UiCommand::ToggleBoilerplate => {
                Command::SetShowBoilerplate(!self.settings.show_boilerplate)
            }
            UiCommand::ToggleOnlyMismatches => {
                Command::SetOnlyMismatches(!self.settings.only_mismatches)
            }
            UiCommand::ZoomIn => Command::Zoom(ZOOM_STEP),
            UiCommand::ZoomOut => Command::Zoom(1.0 / ZOOM_STEP),
            UiCommand::NextRow => Command::MoveSelection(1),
            UiCommand::PreviousRow => Command::MoveSelection(-1),
            UiCommand::PageDown => Command::MoveSelection(page),
            UiCommand::PageUp => Command::MoveSelection(-page),
            UiCommand::FirstRow => Command::SelectFirst,
            UiCommand::LastRow => Command::SelectLast,
            UiCommand::Quit => {
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                return;
            }
            UiCommand::Undo | UiCommand::Redo => {
                self.undo_or_redo(command);
                return;
            }
            UiCommand::ToggleSidePanel => {
                self.settings.show_side_panel = !self.settings.show_side_panel;
                return;
            }
            UiCommand::SwapSides => {
                self.start_swap(ctx);
                return;
            }
            UiCommand::ZoomReset => {
                self.settings.zoom = 1.0;
                return;
            }
            UiCommand::NextMismatch | UiCommand::PreviousMismatch => {
                self.jump_to_mismatch(command == UiCommand::NextMismatch);
                return;
            }
            UiCommand::ShowShortcuts => {
                self.show_shortcuts = true;
                return;
            }
            UiCommand::ShowMessages => {
                self.show_messages = true;
                return;
            }
        };
        self.run_command(ctx, next);
    }

    /// After a filter changed: show the rows that pass, keep the selection in view.
    fn refilter(&mut self) {
        self.refresh_shown();
        if let Some(row) = self.selected_row {
            let pos = self.view.position_of(row);
            self.view.scroll_to(ScrollTarget::Reveal(pos));
        }
    }

    fn move_selection(&mut self, delta: isize) {
        let shown = self.view.shown();
        if shown.is_empty() {
            return;
        }
        let current = self
            .selected_row
            .map_or(-1, |row| self.view.position_of(row) as isize);
        let target = (current + delta).clamp(0, shown.len() as isize - 1) as usize;
        self.selected_row = Some(shown[target]);
        self.view.scroll_to(ScrollTarget::Reveal(target));
    }

    fn jump_to_mismatch(&mut self, forward: bool) {
        let Some(comparison) = &self.comparison else {
            return;
        };
        let rows: Vec<usize> = comparison
            .finding_rows()
            .into_iter()
            .filter(|row| self.view.shown().binary_search(row).is_ok())
            .collect();
        let target = match (self.selected_row, forward) {
            (Some(current), true) => rows.iter().find(|&&r| r > current).or(rows.first()),
            (Some(current), false) => rows.iter().rev().find(|&&r| r < current).or(rows.last()),
            (None, true) => rows.first(),
            (None, false) => rows.last(),
        };
        match target {
            Some(&row) => self.commands.push(Command::Select(row)),
            None => {
                self.say(Message::info(
                    "No findings: the two renderings agree, and no paragraph with figures lacks its counterpart.",
                ));
            }
        }
    }

    fn undo_or_redo(&mut self, command: UiCommand) {
        self.typing_note = None;
        let Some(comparison) = &mut self.comparison else {
            return;
        };
        let undo = command == UiCommand::Undo;
        let done = if undo {
            comparison.undo()
        } else {
            comparison.redo()
        };
        if done {
            self.after_review_edit();
        } else {
            let what = if undo { "undo" } else { "redo" };
            self.say(Message::info(format!("Nothing to {what}.")));
        }
    }

    /// The folder dialogs start in: the open set's.
    fn start_dir(&self) -> Option<PathBuf> {
        let first = self.settings.last_set.first()?;
        if first.is_dir() {
            Some(first.clone())
        } else {
            first.parent().map(PathBuf::from)
        }
    }

    fn export_to(&mut self, path: &Path, format: export::Format) {
        let Some(comparison) = &self.comparison else {
            self.say(Message::error("Nothing to export: no set is open."));
            return;
        };
        let options = self
            .export_window
            .filter(|w| w.format == format)
            .map_or_else(|| export::Options::for_format(format), |w| w.options);
        let result =
            crate::atomic::write_with(path, |out| export::write(comparison, format, options, out));
        self.say(match result {
            Ok(()) => Message::info(format!("Exported {} to {}", format.label(), path.display())),
            Err(err) => Message::error(format!("Could not export ({err}): {}", path.display())),
        });
    }

    fn apply_review(&mut self, action: ReviewAction) {
        let Some(comparison) = &mut self.comparison else {
            return;
        };
        // Keystrokes in one note are one undo step: the note typed last is this window's
        // typing state, forgotten at any other edit.
        let typed_last = self.typing_note.take();
        let applied = match action {
            ReviewAction::Note(row, note) => {
                comparison.edit_note(row, &note, typed_last == Some(row));
                self.typing_note = Some(row);
                true
            }
            ReviewAction::Status(row, status) => {
                comparison.edit_review(row, |r| r.status = status);
                true
            }
            ReviewAction::Accept(row, finding, reason) => {
                comparison.edit_review(row, |r| {
                    if !r.is_accepted(&finding) {
                        r.accepted.push(Accepted { finding, reason });
                    }
                });
                true
            }
            ReviewAction::Unaccept(row, finding) => {
                comparison.edit_review(row, |r| r.accepted.retain(|a| a.finding != finding));
                true
            }
            ReviewAction::MergeWithNext(row) => {
                comparison.edit_alignment(|rows, reviews| edit::merge_with_next(rows, reviews, row))
            }
            ReviewAction::Split(row) => {
                comparison.edit_alignment(|rows, reviews| edit::split(rows, reviews, row))
            }
            ReviewAction::Detach { row, side, end } => comparison
                .edit_alignment(|rows, reviews| edit::detach(rows, reviews, row, side, end)),
            ReviewAction::Attach { row, neighbour } => {
                let done = comparison
                    .edit_alignment(|rows, reviews| edit::attach(rows, reviews, row, neighbour));
                if done && neighbour == Neighbour::Previous {
                    self.selected_row = Some(row - 1);
                }
                done
            }
        };
        if applied {
            self.after_review_edit();
        } else {
            self.say(Message::info(
                "That alignment edit does not apply to this row.",
            ));
        }
    }

    /// After any review edit: rows may have changed; mark the review for saving.
    fn after_review_edit(&mut self) {
        let Some(comparison) = &self.comparison else {
            return;
        };
        if let Some(row) = self.selected_row
            && row >= comparison.rows.len()
        {
            self.selected_row = comparison.rows.len().checked_sub(1);
        }
        self.backlinks = super::coverage_panel::Backlinks::new(comparison);
        self.stats = comparison.stats();
        self.alignment_doubt = comparison.alignment_doubt();
        self.refresh_shown();
        if self.review_dirty.is_none() {
            self.review_dirty = Some(std::time::Instant::now());
        }
    }
}
