//! The status bar: counts of the open set (the same counts as `check` and the exports) and the
//! last message, elided to fit with the whole of it on hover; a click on it (or View ▸
//! Messages) shows everything said since the app started.

use egui::Ui;

use super::ReaderApp;
use super::theme::Theme;
use crate::words::counted;

impl ReaderApp {
    pub(super) fn status_bar_ui(&mut self, ui: &mut Ui) {
        let theme = Theme::for_visuals(ui.visuals());
        ui.horizontal(|ui| {
            if let Some(comparison) = &self.comparison {
                let stats = &self.stats;
                let mut figures = format!(
                    "{}, {}",
                    counted(stats.figures, "figure", "figures"),
                    counted(stats.mismatches, "mismatch", "mismatches")
                );
                if stats.untranslated > 0 {
                    figures.push_str(&format!(
                        ", {}",
                        counted(stats.untranslated, "untranslated unit", "untranslated units")
                    ));
                }
                if stats.mismatches + stats.untranslated > 0 {
                    ui.colored_label(theme.mismatch_marker, figures);
                } else {
                    ui.label(figures);
                }
                ui.label(format!(
                    "· {} · {} one-to-one · {} merged · {} · {}",
                    counted(stats.rows, "row", "rows"),
                    crate::words::group_thousands(stats.one_to_one),
                    crate::words::group_thousands(stats.merged),
                    counted(
                        stats.unmatched_paragraphs,
                        "unmatched paragraph",
                        "unmatched paragraphs"
                    ),
                    counted(
                        comparison.set.coverage().len(),
                        "coverage document",
                        "coverage documents"
                    )
                ));
                if !comparison.set.coverage().is_empty() {
                    let text = format!(
                        "· {}, {}",
                        counted(stats.links, "coverage link", "coverage links"),
                        counted(stats.conflicts, "coverage conflict", "coverage conflicts")
                    );
                    if stats.conflicts > 0 {
                        ui.colored_label(theme.warning, text);
                    } else {
                        ui.label(text);
                    }
                }
                if let Some(given) = &comparison.set.given {
                    ui.label(format!(
                        "· alignment as given by the {} file ({})",
                        given.format,
                        counted(given.units.len(), "unit", "units")
                    ))
                    .on_hover_text(
                        "Each row is a unit of the file, taken as it is; correct it in the Review panel.",
                    );
                }
                let hidden = comparison.rows.len() - self.view.shown().len();
                if hidden > 0 {
                    ui.label(format!(
                        "· {} hidden by filters",
                        counted(hidden, "row", "rows")
                    ));
                }
                if !comparison.warnings.is_empty() {
                    let list: Vec<String> =
                        comparison.warnings.iter().map(ToString::to_string).collect();
                    ui.colored_label(
                        theme.warning,
                        format!(
                            "· {}",
                            counted(comparison.warnings.len(), "load warning", "load warnings")
                        ),
                    )
                    .on_hover_text(list.join("\n"));
                }
            }
            if let Some(message) = &self.message {
                let color = if message.is_error { theme.error } else { theme.weak };
                ui.separator();
                // Elided to the room left; the whole text on hover, the history on a click.
                let response = ui
                    .add(
                        egui::Label::new(egui::RichText::new(&message.text).color(color))
                            .truncate()
                            .sense(egui::Sense::click()),
                    )
                    .on_hover_text(format!("{}\n\nClick for every message.", message.text));
                if response.clicked() {
                    self.show_messages = true;
                }
            } else if !self.history.is_empty()
                && ui
                    .small_button("Messages")
                    .on_hover_text("Everything said since the app started")
                    .clicked()
            {
                self.show_messages = true;
            }
        });
    }

    /// View ▸ Messages: everything the status bar said since the app started, newest first.
    pub(super) fn messages_ui(&mut self, ctx: &egui::Context) {
        if !self.show_messages {
            return;
        }
        let theme = Theme::for_visuals(&ctx.global_style().visuals);
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
            self.show_messages = false;
            return;
        }
        let window = super::in_central_area(
            egui::Window::new("Messages")
                .open(&mut self.show_messages)
                .collapsible(false)
                .resizable(true)
                .default_width(560.0)
                .default_height(320.0),
            self.central_rect,
        );
        let now = std::time::Instant::now();
        let history = &self.history;
        window.show(ctx, |ui| {
            if history.is_empty() {
                ui.label("Nothing has been said yet.");
                return;
            }
            egui::ScrollArea::vertical().show(ui, |ui| {
                for (at, message) in history.iter().rev() {
                    let ago = ago(now.duration_since(*at));
                    let color = if message.is_error {
                        theme.error
                    } else {
                        ui.visuals().text_color()
                    };
                    ui.horizontal_top(|ui| {
                        ui.label(egui::RichText::new(ago).weak().monospace());
                        ui.add(
                            egui::Label::new(egui::RichText::new(&message.text).color(color))
                                .wrap(),
                        );
                    });
                    ui.separator();
                }
            });
        });
    }
}

/// How long ago, in a few characters: "now", "12 s", "3 min", "2 h".
fn ago(elapsed: std::time::Duration) -> String {
    let secs = elapsed.as_secs();
    match secs {
        0..5 => "now".to_owned(),
        5..60 => format!("{secs} s"),
        60..3600 => format!("{} min", secs / 60),
        _ => format!("{} h", secs / 3600),
    }
}
