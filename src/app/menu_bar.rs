//! The menu bar: File, Edit, View and Help, and the quick toggles beside them. Every item comes
//! from the command table (its label and shortcut).

use egui::Ui;

use super::ReaderApp;
use super::command::{Command, LoadRequest, UiCommand};

impl ReaderApp {
    pub(super) fn menu_bar_ui(&mut self, ui: &mut Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| self.file_menu_ui(ui));
            ui.menu_button("Edit", |ui| {
                let (can_undo, can_redo) = self.comparison.as_ref().map_or((false, false), |c| {
                    (c.history.can_undo(), c.history.can_redo())
                });
                self.menu_item(ui, UiCommand::Undo, can_undo);
                self.menu_item(ui, UiCommand::Redo, can_redo);
            });
            ui.menu_button("View", |ui| self.view_menu_ui(ui));
            ui.menu_button("Help", |ui| {
                self.menu_item(ui, UiCommand::ShowShortcuts, true);
            });
            ui.separator();
            self.toggles_ui(ui);
            if self.loading.is_some() {
                ui.spinner();
                ui.label("Loading…");
            }
        });
    }

    fn menu_item(&mut self, ui: &mut Ui, command: UiCommand, enabled: bool) {
        if command.menu_item(ui, enabled) {
            self.commands.push(Command::Ui(command));
        }
    }

    /// A checkbox for a command that switches something on or off.
    fn toggle_item(&mut self, ui: &mut Ui, command: UiCommand, on: bool, label: &str) {
        let mut checked = on;
        if ui
            .checkbox(&mut checked, label)
            .on_hover_text(command.text_and_description().1)
            .changed()
        {
            self.commands.push(Command::Ui(command));
        }
    }

    fn file_menu_ui(&mut self, ui: &mut Ui) {
        for command in [
            UiCommand::OpenSet,
            UiCommand::OpenFolder,
            UiCommand::OpenPath,
            UiCommand::OpenBundled,
        ] {
            self.menu_item(ui, command, true);
        }
        ui.menu_button("Open recent", |ui| self.recent_menu_ui(ui));
        ui.separator();
        let has_set = self.comparison.is_some();
        self.menu_item(ui, UiCommand::Export, has_set);
        ui.separator();
        self.menu_item(ui, UiCommand::Quit, true);
    }

    /// The last sets opened, newest first; a set whose files are gone is shown, not offered.
    fn recent_menu_ui(&mut self, ui: &mut Ui) {
        if self.settings.recent.is_empty() {
            ui.label("No sets opened yet");
            return;
        }
        let mut open = None;
        for paths in &self.settings.recent {
            let missing: Vec<String> = paths
                .iter()
                .filter(|p| !p.exists())
                .map(|p| p.display().to_string())
                .collect();
            let response = ui
                .add_enabled(missing.is_empty(), egui::Button::new(recent_label(paths)))
                .on_hover_text(
                    paths
                        .iter()
                        .map(|p| p.display().to_string())
                        .collect::<Vec<_>>()
                        .join("\n"),
                )
                .on_disabled_hover_text(format!("Not found any more: {}", missing.join(", ")));
            if response.clicked() {
                open = Some(paths.clone());
            }
        }
        ui.separator();
        if ui.button("Clear the list").clicked() {
            self.settings.recent.clear();
            self.settings_changed = true;
        }
        if let Some(paths) = open {
            self.commands.push(Command::Load(LoadRequest::Paths(paths)));
        }
    }

    fn view_menu_ui(&mut self, ui: &mut Ui) {
        let boilerplate = self.settings.show_boilerplate;
        self.toggle_item(
            ui,
            UiCommand::ToggleBoilerplate,
            boilerplate,
            UiCommand::ToggleBoilerplate.text(),
        );
        ui.separator();
        for command in [UiCommand::ZoomIn, UiCommand::ZoomOut, UiCommand::ZoomReset] {
            self.menu_item(ui, command, true);
        }
        let only = self.settings.only_mismatches;
        self.toggle_item(
            ui,
            UiCommand::ToggleOnlyMismatches,
            only,
            UiCommand::ToggleOnlyMismatches.text(),
        );
        let side_panel = self.settings.show_side_panel;
        self.toggle_item(
            ui,
            UiCommand::ToggleSidePanel,
            side_panel,
            UiCommand::ToggleSidePanel.text(),
        );
        self.menu_item(ui, UiCommand::NextMismatch, true);
        self.menu_item(ui, UiCommand::PreviousMismatch, true);
        self.menu_item(ui, UiCommand::ShowMessages, true);
        ui.separator();
        let has_set = self.comparison.is_some() && self.loading.is_none();
        self.menu_item(ui, UiCommand::SwapSides, has_set);
        ui.separator();
        egui::global_theme_preference_buttons(ui);
    }

    /// The toggles and text size buttons right of the menus.
    fn toggles_ui(&mut self, ui: &mut Ui) {
        let boilerplate = self.settings.show_boilerplate;
        self.toggle_item(ui, UiCommand::ToggleBoilerplate, boilerplate, "Boilerplate");
        let only = self.settings.only_mismatches;
        self.toggle_item(ui, UiCommand::ToggleOnlyMismatches, only, "Only mismatches");
        for (label, command) in [("A−", UiCommand::ZoomOut), ("A+", UiCommand::ZoomIn)] {
            let hover = format!(
                "{} ({})",
                command.text(),
                command.shortcut_text(ui.ctx()).unwrap_or_default()
            );
            if ui.small_button(label).on_hover_text(hover).clicked() {
                self.commands.push(Command::Ui(command));
            }
        }
    }
}

/// A recent set in a few words: its file names (and the folder of the first).
fn recent_label(paths: &[std::path::PathBuf]) -> String {
    let name = |p: &std::path::PathBuf| {
        p.file_name().map_or_else(
            || p.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    };
    let folder = paths
        .first()
        .and_then(|p| p.parent())
        .and_then(|p| p.file_name())
        .map(|n| format!("{}/", n.to_string_lossy()))
        .unwrap_or_default();
    let names: Vec<String> = paths.iter().take(3).map(name).collect();
    let more = if paths.len() > 3 {
        format!(" +{}", paths.len() - 3)
    } else {
        String::new()
    };
    format!("{folder}{}{more}", names.join(", "))
}
