//! The review tab of the side panel: status and note of the selected row, its findings with
//! "accept" (and a reason), manual alignment edits, and a summary with filters.

use egui::{RichText, Ui};

use crate::comparison::Comparison;
use crate::review::{self, Status};

use super::theme::Theme;

/// A review edit asked for in the panel, applied by the app (so it is undoable and saved).
#[derive(Clone, Debug, PartialEq)]
pub enum ReviewAction {
    /// Set a row's status.
    Status(usize, Status),
    /// Set a row's note (as typed).
    Note(usize, String),
    /// Accept a finding with a reason.
    Accept(usize, String, String),
    /// Take an acceptance back.
    Unaccept(usize, String),
    /// Merge the row with the next one.
    MergeWithNext(usize),
    /// Split a merged row.
    Split(usize),
    /// Detach the first or last paragraph of a side: (row, left side, first paragraph).
    Detach(usize, bool, bool),
    /// Attach the row to its previous (true) or next neighbour.
    Attach(usize, bool),
}

/// Which rows to show, by review.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ReviewFilter {
    /// Every row.
    #[default]
    All,
    /// Rows with this status.
    Status(Status),
    /// Rows with a note.
    WithNote,
    /// Rows with an accepted finding.
    WithAccepted,
}

impl ReviewFilter {
    /// Whether row `row` passes.
    pub fn keeps(self, comparison: &Comparison, row: usize) -> bool {
        let review = &comparison.reviews[row];
        match self {
            Self::All => true,
            Self::Status(status) => review.status == status,
            Self::WithNote => !review.note.trim().is_empty(),
            Self::WithAccepted => !review.accepted.is_empty(),
        }
    }

    fn label(self) -> String {
        match self {
            Self::All => "All rows".to_owned(),
            Self::Status(status) => format!("Status: {}", status.label()),
            Self::WithNote => "Rows with notes".to_owned(),
            Self::WithAccepted => "Rows with accepted findings".to_owned(),
        }
    }
}

/// State of the review tab (runtime only).
#[derive(Default)]
pub struct ReviewPanel {
    /// The note being edited and the row it belongs to.
    note: (Option<usize>, String),
    /// The reason typed for the next acceptance.
    accept_reason: String,
    /// Show accepted findings too.
    pub show_accepted: bool,
}

impl ReviewPanel {
    /// Draw the tab; returns the edits asked for.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        comparison: &Comparison,
        stats: &crate::comparison::Stats,
        selected_row: Option<usize>,
        filter: &mut ReviewFilter,
        where_saved: &str,
    ) -> Vec<ReviewAction> {
        let theme = Theme::for_visuals(ui.visuals());
        let mut actions = Vec::new();
        summary_ui(ui, stats, filter);
        ui.label(RichText::new(where_saved).weak().small());
        ui.separator();
        let Some(row) = selected_row else {
            ui.label("Select a row to review it.");
            return actions;
        };
        ui.heading(format!("Review of row {row}"));
        ui.horizontal_wrapped(|ui| {
            let current = comparison.reviews[row].status;
            for status in Status::ALL {
                if ui
                    .selectable_label(current == status, status.label())
                    .clicked()
                    && current != status
                {
                    actions.push(ReviewAction::Status(row, status));
                }
            }
        });
        if self.note.0 != Some(row) {
            self.note = (Some(row), comparison.reviews[row].note.clone());
        } else if self.note.1 != comparison.reviews[row].note
            && !ui.memory(|m| m.focused().is_some())
        {
            // Undo or redo changed the note under us.
            self.note.1.clone_from(&comparison.reviews[row].note);
        }
        let label = ui.label("Note");
        let response = ui
            .add(
                egui::TextEdit::multiline(&mut self.note.1)
                    .desired_rows(3)
                    .desired_width(f32::INFINITY)
                    .hint_text("What did you find?"),
            )
            .labelled_by(label.id);
        if response.changed() {
            actions.push(ReviewAction::Note(row, self.note.1.clone()));
        }

        // Findings of the row.
        let mismatches = &comparison.mismatches[row];
        let mut conflicts = Vec::new();
        for link in &comparison.links[row] {
            for conflict in &link.figures_conflict {
                conflicts.push((
                    comparison.conflict_key(link, conflict),
                    conflict.reason.clone(),
                ));
            }
        }
        if !mismatches.is_empty() || !conflicts.is_empty() {
            ui.separator();
            ui.label(RichText::new("Findings").strong());
            let reason_label = ui.label("Reason for accepting (optional)");
            ui.add(
                egui::TextEdit::singleline(&mut self.accept_reason).desired_width(f32::INFINITY),
            )
            .labelled_by(reason_label.id);
            ui.checkbox(&mut self.show_accepted, "Show accepted findings");
            let findings = mismatches
                .iter()
                .map(|m| (review::mismatch_key(&m.reason), m.reason.clone(), false))
                .chain(
                    conflicts
                        .into_iter()
                        .map(|(key, reason)| (key, reason, true)),
                );
            for (n, (key, reason, is_conflict)) in findings.enumerate() {
                let accepted = comparison.reviews[row]
                    .accepted
                    .iter()
                    .find(|a| a.finding == key);
                if accepted.is_some() && !self.show_accepted {
                    continue;
                }
                ui.push_id(n, |ui| {
                    ui.horizontal_wrapped(|ui| {
                        let prefix = if is_conflict {
                            "Coverage conflict"
                        } else {
                            "Mismatch"
                        };
                        let color = if is_conflict {
                            theme.warning
                        } else {
                            theme.mismatch_marker
                        };
                        match accepted {
                            Some(a) => {
                                ui.label(
                                    RichText::new(format!("{prefix}: {reason}"))
                                        .strikethrough()
                                        .color(theme.weak),
                                );
                                if !a.reason.is_empty() {
                                    ui.label(
                                        RichText::new(format!("(accepted: {})", a.reason)).weak(),
                                    );
                                }
                                if ui.small_button("Un-accept").clicked() {
                                    actions.push(ReviewAction::Unaccept(row, key.clone()));
                                }
                            }
                            None => {
                                ui.colored_label(color, format!("{prefix}: {reason}"));
                                if ui.small_button("Accept").clicked() {
                                    actions.push(ReviewAction::Accept(
                                        row,
                                        key.clone(),
                                        std::mem::take(&mut self.accept_reason),
                                    ));
                                }
                            }
                        }
                    });
                });
            }
        }

        // Manual alignment.
        ui.separator();
        ui.label(RichText::new("Alignment").strong());
        let current = &comparison.rows[row];
        let merged = current.left.len() > 1 || current.right.len() > 1;
        let last = comparison.rows.len().saturating_sub(1);
        ui.horizontal_wrapped(|ui| {
            if ui
                .add_enabled(row < last, egui::Button::new("Merge with next row"))
                .clicked()
            {
                actions.push(ReviewAction::MergeWithNext(row));
            }
            if ui
                .add_enabled(merged, egui::Button::new("Split row"))
                .clicked()
            {
                actions.push(ReviewAction::Split(row));
            }
            if ui
                .add_enabled(row > 0, egui::Button::new("Attach to previous row"))
                .clicked()
            {
                actions.push(ReviewAction::Attach(row, true));
            }
            if ui
                .add_enabled(row < last, egui::Button::new("Attach to next row"))
                .clicked()
            {
                actions.push(ReviewAction::Attach(row, false));
            }
        });
        ui.horizontal_wrapped(|ui| {
            for (left, name) in [(true, "left"), (false, "right")] {
                let side_len = if left {
                    current.left.len()
                } else {
                    current.right.len()
                };
                let other_len = if left {
                    current.right.len()
                } else {
                    current.left.len()
                };
                let can_detach = side_len > 1 || (side_len == 1 && other_len > 0);
                if ui
                    .add_enabled(
                        can_detach,
                        egui::Button::new(format!("Detach first {name} ¶")),
                    )
                    .clicked()
                {
                    actions.push(ReviewAction::Detach(row, left, true));
                }
                if side_len > 1
                    && ui
                        .add_enabled(
                            can_detach,
                            egui::Button::new(format!("Detach last {name} ¶")),
                        )
                        .clicked()
                {
                    actions.push(ReviewAction::Detach(row, left, false));
                }
            }
        });
        ui.label(
            RichText::new("Ctrl+Z undoes, Ctrl+Shift+Z redoes every review edit.")
                .weak()
                .small(),
        );

        if !comparison.unplaced.is_empty() {
            ui.separator();
            ui.colored_label(
                theme.warning,
                format!(
                    "{} note(s) from an earlier review could not be placed on the changed texts (kept in the review file):",
                    comparison.unplaced.len()
                ),
            );
            for saved in &comparison.unplaced {
                let start = saved
                    .left
                    .first()
                    .or(saved.right.first())
                    .map_or(String::new(), |p| p.start.clone());
                ui.label(format!(
                    "“{start}…”: {} — {}",
                    saved.review.status.label(),
                    saved.review.note
                ));
            }
        }
        actions
    }
}

/// Counts by status, accepted findings and notes, and the filter.
fn summary_ui(ui: &mut Ui, stats: &crate::comparison::Stats, filter: &mut ReviewFilter) {
    ui.label(format!(
        "{} unreviewed · {} OK · {} need a fix · {} questions · {} notes · {} accepted",
        stats.statuses[0],
        stats.statuses[1],
        stats.statuses[2],
        stats.statuses[3],
        stats.notes,
        stats.accepted
    ));
    egui::ComboBox::from_label("Show")
        .selected_text(filter.label())
        .show_ui(ui, |ui| {
            let options = [
                ReviewFilter::All,
                ReviewFilter::Status(Status::Unreviewed),
                ReviewFilter::Status(Status::Ok),
                ReviewFilter::Status(Status::NeedsFix),
                ReviewFilter::Status(Status::Question),
                ReviewFilter::WithNote,
                ReviewFilter::WithAccepted,
            ];
            for option in options {
                ui.selectable_value(filter, option, option.label());
            }
        });
}
