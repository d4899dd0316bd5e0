//! The menu bar: File, Edit, View and Help, and the quick toggles beside them. Every item comes
//! from the command table (its label and shortcut).

use egui::Ui;

use super::ReaderApp;
use super::command::{Command, UiCommand};

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
        ui.separator();
        let has_set = self.comparison.is_some();
        self.menu_item(ui, UiCommand::Export, has_set);
        ui.separator();
        self.menu_item(ui, UiCommand::Quit, true);
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
