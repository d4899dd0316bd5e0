//! The status bar: counts of the open set (the same counts as `check` and the exports) and the
//! last message.

use egui::Ui;

use super::ReaderApp;
use super::theme::Theme;

impl ReaderApp {
    pub(super) fn status_bar_ui(&mut self, ui: &mut Ui) {
        let theme = Theme::for_visuals(ui.visuals());
        ui.horizontal(|ui| {
            if let Some(comparison) = &self.comparison {
                let stats = &self.stats;
                let figures = format!("{} figures, {} mismatches", stats.figures, stats.mismatches);
                if stats.mismatches > 0 {
                    ui.colored_label(theme.mismatch_marker, figures);
                } else {
                    ui.label(figures);
                }
                ui.label(format!(
                    "· {} rows · {} one-to-one · {} merged · {} unmatched paragraphs · {} coverage documents",
                    stats.rows,
                    stats.one_to_one,
                    stats.merged,
                    stats.unmatched_paragraphs,
                    comparison.set.coverage().len()
                ));
                if !comparison.set.coverage().is_empty() {
                    let text = format!(
                        "· {} coverage links, {} coverage conflicts",
                        stats.links, stats.conflicts
                    );
                    if stats.conflicts > 0 {
                        ui.colored_label(theme.warning, text);
                    } else {
                        ui.label(text);
                    }
                }
                if let Some(given) = &comparison.set.given {
                    ui.label(format!(
                        "· alignment as given by the {} file ({} units)",
                        given.format,
                        given.units.len()
                    ))
                    .on_hover_text(
                        "Each row is a unit of the file, taken as it is; correct it in the Review panel.",
                    );
                }
                let hidden = comparison.rows.len() - self.view.shown().len();
                if hidden > 0 {
                    ui.label(format!("· {hidden} rows hidden by filters"));
                }
                if !comparison.warnings.is_empty() {
                    let list: Vec<String> =
                        comparison.warnings.iter().map(ToString::to_string).collect();
                    ui.colored_label(
                        theme.warning,
                        format!("· {} load warning(s)", comparison.warnings.len()),
                    )
                    .on_hover_text(list.join("\n"));
                }
            }
            if let Some(message) = &self.message {
                let color = if message.is_error { theme.error } else { theme.weak };
                ui.separator();
                ui.colored_label(color, &message.text);
            }
        });
    }
}
