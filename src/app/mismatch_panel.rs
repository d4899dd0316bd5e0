//! The mismatches tab of the side panel: every open figure mismatch, click to go to its row.

use egui::{RichText, Ui};

use super::ReaderApp;
use super::command::{Command, UiCommand};
use crate::figures::compare::FigureRef;
use crate::set::Document;

impl ReaderApp {
    pub(super) fn mismatch_panel_ui(&mut self, ui: &mut Ui) {
        let Some(comparison) = &self.comparison else {
            return;
        };
        let stats = &self.stats;
        ui.heading(format!("Mismatches ({})", stats.mismatches));
        let keys = |command: UiCommand| command.shortcut_text(ui.ctx()).unwrap_or_default();
        ui.label(
            RichText::new(format!(
                "Figures that disagree between the two renderings. {} / {} move between them.",
                keys(UiCommand::NextMismatch),
                keys(UiCommand::PreviousMismatch)
            ))
            .weak()
            .small(),
        );
        ui.separator();
        if stats.accepted_mismatches > 0 {
            ui.label(
                RichText::new(format!(
                    "{} accepted (see the Review tab with \"Show accepted findings\")",
                    stats.accepted_mismatches
                ))
                .weak(),
            );
        }
        if stats.mismatches == 0 {
            ui.label("The two renderings agree on every figure.");
            return;
        }
        let left = comparison.set.left();
        let right = comparison.set.right();
        let mut clicked = None;
        egui::ScrollArea::vertical()
            .id_salt("mismatch_list")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for row_idx in comparison.mismatch_rows() {
                    for mismatch in comparison.open_mismatches(row_idx) {
                        let text = format!(
                            "Row {}: {} | {}\n{}",
                            row_idx + 1,
                            figure_text(left, mismatch.left),
                            figure_text(right, mismatch.right),
                            mismatch.reason
                        );
                        let selected = self.selected_row == Some(row_idx);
                        if ui.selectable_label(selected, text).clicked() {
                            clicked = Some(row_idx);
                        }
                    }
                }
            });
        if let Some(row) = clicked {
            self.commands.push(Command::Select(row));
        }
    }
}

/// A figure's text as written, or a dash for none.
fn figure_text(doc: &Document, figure: Option<FigureRef>) -> String {
    figure.map_or_else(|| "—".to_owned(), |at| doc.figure(at).text.clone())
}
