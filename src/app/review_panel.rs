//! The review tab of the side panel: status and note of the selected row, its findings with
//! "accept" (and a reason), manual alignment edits, and a summary with filters.

use egui::{RichText, Ui};

use super::command::{ReviewAction, UiCommand};
use crate::comparison::{Comparison, Stats};
use crate::review::{ReviewFilter, Status, edit};
use crate::side::{End, Neighbour, Side};

use super::theme::Theme;

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
        stats: &Stats,
        selected_row: Option<usize>,
        filter: &mut ReviewFilter,
        where_saved: &str,
    ) -> Vec<ReviewAction> {
        let mut actions = Vec::new();
        summary_ui(ui, stats, filter);
        ui.label(RichText::new(where_saved).weak().small());
        ui.separator();
        let Some(row) = selected_row else {
            ui.label("Select a row to review it.");
            return actions;
        };
        ui.heading(format!("Review of row {}", row + 1));
        // What the translation tool says of the unit (its state, match, approval).
        if let Some(unit) = comparison.unit_of_row(row) {
            let tool = unit
                .tool_status()
                .map_or_else(String::new, |status| format!(": {status}"));
            ui.label(RichText::new(format!("Unit {}{tool}", unit.id)).small())
                .on_hover_text(
                    "As the bilingual file gives it; the review status below starts from it.",
                );
        }
        status_ui(ui, comparison, row, &mut actions);
        self.note_ui(ui, comparison, row, &mut actions);
        self.findings_ui(ui, comparison, row, &mut actions);
        alignment_ui(ui, comparison, row, &mut actions);
        let keys = |command: UiCommand| command.shortcut_text(ui.ctx()).unwrap_or_default();
        ui.label(
            RichText::new(format!(
                "{} undoes, {} redoes every review edit.",
                keys(UiCommand::Undo),
                keys(UiCommand::Redo)
            ))
            .weak()
            .small(),
        );
        unplaced_ui(ui, comparison);
        actions
    }

    fn note_ui(
        &mut self,
        ui: &mut Ui,
        comparison: &Comparison,
        row: usize,
        actions: &mut Vec<ReviewAction>,
    ) {
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
    }

    /// The row's findings, each with Accept (or Un-accept).
    fn findings_ui(
        &mut self,
        ui: &mut Ui,
        comparison: &Comparison,
        row: usize,
        actions: &mut Vec<ReviewAction>,
    ) {
        let theme = Theme::for_visuals(ui.visuals());
        if comparison.findings(row).next().is_none() {
            return;
        }
        ui.separator();
        ui.label(RichText::new("Findings").strong());
        let reason_label = ui.label("Reason for accepting (optional)");
        ui.add(
            egui::TextEdit::singleline(&mut self.accept_reason)
                .hint_text("e.g. rounded in the source; kept with the finding")
                .desired_width(ui.available_width().max(160.0)),
        )
        .labelled_by(reason_label.id);
        ui.checkbox(&mut self.show_accepted, "Show accepted findings");
        for (n, finding) in comparison.findings(row).enumerate() {
            let key = finding.key(&comparison.set);
            let accepted = comparison.reviews[row]
                .accepted
                .iter()
                .find(|a| a.finding == key);
            if accepted.is_some() && !self.show_accepted {
                continue;
            }
            let (prefix, color) = if finding.is_conflict() {
                ("Coverage conflict", theme.warning)
            } else {
                ("Mismatch", theme.mismatch_marker)
            };
            let text = format!("{prefix}: {}", finding.describe(&comparison.set));
            ui.push_id(n, |ui| {
                ui.horizontal_wrapped(|ui| match accepted {
                    Some(a) => {
                        ui.label(RichText::new(text).strikethrough().color(theme.weak));
                        if !a.reason.is_empty() {
                            ui.label(RichText::new(format!("(accepted: {})", a.reason)).weak());
                        }
                        if ui.small_button("Un-accept").clicked() {
                            actions.push(ReviewAction::Unaccept(row, key.clone()));
                        }
                    }
                    None => {
                        ui.colored_label(color, text);
                        if ui.small_button("Accept").clicked() {
                            actions.push(ReviewAction::Accept(
                                row,
                                key.clone(),
                                std::mem::take(&mut self.accept_reason),
                            ));
                        }
                    }
                });
            });
        }
    }
}

/// The status buttons of a row.
fn status_ui(ui: &mut Ui, comparison: &Comparison, row: usize, actions: &mut Vec<ReviewAction>) {
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
}

/// Manual alignment: merge, split, attach, detach.
fn alignment_ui(ui: &mut Ui, comparison: &Comparison, row: usize, actions: &mut Vec<ReviewAction>) {
    ui.separator();
    ui.label(RichText::new("Alignment").strong());
    let current = &comparison.rows[row];
    let last = comparison.rows.len().saturating_sub(1);
    ui.horizontal_wrapped(|ui| {
        let buttons = [
            (
                "Merge with next row",
                row < last,
                ReviewAction::MergeWithNext(row),
            ),
            ("Split row", current.is_merged(), ReviewAction::Split(row)),
            (
                "Attach to previous row",
                row > 0,
                ReviewAction::Attach {
                    row,
                    neighbour: Neighbour::Previous,
                },
            ),
            (
                "Attach to next row",
                row < last,
                ReviewAction::Attach {
                    row,
                    neighbour: Neighbour::Next,
                },
            ),
        ];
        for (label, enabled, action) in buttons {
            if ui.add_enabled(enabled, egui::Button::new(label)).clicked() {
                actions.push(action);
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        for side in Side::BOTH {
            let can_detach = edit::can_detach(current, side);
            let ends: &[(End, &str)] = if current.side(side).len() > 1 {
                &[(End::First, "first"), (End::Last, "last")]
            } else {
                &[(End::First, "first")]
            };
            for &(end, end_name) in ends {
                let label = format!("Detach {end_name} {} ¶", side.as_str());
                if ui
                    .add_enabled(can_detach, egui::Button::new(label))
                    .clicked()
                {
                    actions.push(ReviewAction::Detach { row, side, end });
                }
            }
        }
    });
}

/// Notes of an earlier review that could not be placed on the changed texts.
fn unplaced_ui(ui: &mut Ui, comparison: &Comparison) {
    if comparison.unplaced.is_empty() {
        return;
    }
    let theme = Theme::for_visuals(ui.visuals());
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

/// Counts by status, accepted findings and notes, and the filter.
fn summary_ui(ui: &mut Ui, stats: &Stats, filter: &mut ReviewFilter) {
    use crate::words::{counted, group_thousands};
    ui.add(
        egui::Label::new(format!(
            "{} unreviewed · {} OK · {} · {} · {} · {} accepted",
            group_thousands(stats.statuses[0]),
            group_thousands(stats.statuses[1]),
            counted(stats.statuses[2], "needs a fix", "need a fix"),
            counted(stats.statuses[3], "question", "questions"),
            counted(stats.notes, "note", "notes"),
            group_thousands(stats.accepted)
        ))
        .wrap(),
    );
    // The label first, then what it chooses.
    ui.horizontal(|ui| {
        let label = ui.label("Show");
        egui::ComboBox::from_id_salt("review_filter")
            .selected_text(filter.label())
            .show_ui(ui, |ui| {
                for option in ReviewFilter::ALL {
                    ui.selectable_value(filter, option, option.label());
                }
            })
            .response
            .labelled_by(label.id);
    });
}
