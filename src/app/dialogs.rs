//! The window's own dialogs: the typed-path field (offered with every native dialog and
//! instead of one where none can be shown), the export window, and the keyboard shortcuts.

use std::path::PathBuf;

use egui::{Key, RichText};

use super::ReaderApp;
use super::command::{Command, LoadRequest, UiCommand};
use super::file_dialog::DialogPurpose;
use crate::export;

/// What the Help list shows besides the commands' shortcuts.
const MOUSE_HELP: [(&str, &str); 2] = [
    (
        "Click a row's DE/NL/EN markers",
        "Show the coverage of the row",
    ),
    ("Right-click a paragraph", "Copy its text"),
];

/// The typed-path field.
pub(super) struct PathPrompt {
    purpose: DialogPurpose,
    text: String,
    note: Option<String>,
    /// The field has been given the keyboard (once, when the dialog opens).
    focused: bool,
}

impl PathPrompt {
    /// A field for `purpose`; an export starts with a file name in `start_dir`.
    pub(super) fn new(
        purpose: DialogPurpose,
        note: Option<String>,
        start_dir: Option<PathBuf>,
        last_typed: &str,
    ) -> Self {
        let text = match purpose {
            DialogPurpose::Export(format) => start_dir
                .map(|d| {
                    d.join(format!("comparison.{}", format.extension()))
                        .display()
                        .to_string()
                })
                .unwrap_or_default(),
            // What was typed last time, to correct or reuse.
            _ => last_typed.to_owned(),
        };
        Self {
            purpose,
            text,
            note,
            focused: false,
        }
    }

    /// What the typed text asks for, if anything.
    fn command(&self) -> Option<Command> {
        let paths: Vec<PathBuf> = self
            .text
            .split(';')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
            .collect();
        let first = paths.first()?.clone();
        Some(match self.purpose {
            DialogPurpose::Export(format) => Command::Export(first, format),
            _ => Command::Load(LoadRequest::Paths(paths)),
        })
    }
}

/// The export window's choices.
#[derive(Clone, Copy, Debug)]
pub(super) struct ExportWindow {
    pub(super) format: export::Format,
    pub(super) options: export::Options,
}

impl ExportWindow {
    pub(super) fn new(format: export::Format) -> Self {
        Self {
            format,
            options: export::Options::for_format(format),
        }
    }
}

impl ReaderApp {
    pub(super) fn prompt_ui(&mut self, ctx: &egui::Context) {
        let Some(prompt) = &mut self.prompt else {
            return;
        };
        let mut open = true;
        let mut submit = false;
        let mut cancel = false;
        let is_export = matches!(prompt.purpose, DialogPurpose::Export(_));
        let (title, hint, action) = if is_export {
            ("Export to", "File to write", "Export")
        } else {
            (
                "Open a set",
                "Folder, set.json, or files separated by ;",
                "Open",
            )
        };
        egui::Window::new(title)
            .collapsible(false)
            .resizable(false)
            .open(&mut open)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                if let Some(note) = &prompt.note {
                    ui.label(note);
                }
                let label = ui.label(hint);
                let edit = ui
                    .add(egui::TextEdit::singleline(&mut prompt.text).desired_width(480.0))
                    .labelled_by(label.id);
                if !prompt.focused {
                    edit.request_focus();
                    prompt.focused = true;
                }
                if edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                    submit = true;
                }
                ui.horizontal(|ui| {
                    submit |= ui.button(action).clicked();
                    cancel = ui.button("Cancel").clicked();
                });
            });
        if !is_export {
            self.last_typed_path.clone_from(&prompt.text);
        }
        if submit {
            if let Some(command) = prompt.command() {
                self.commands.push(command);
                self.prompt = None;
            }
        } else if cancel || !open {
            self.prompt = None;
        }
    }

    pub(super) fn export_window_ui(&mut self, ctx: &egui::Context) {
        let Some(mut window) = self.export_window else {
            return;
        };
        let mut open = true;
        let mut choose = None;
        let dialog = egui::Window::new("Export")
            .collapsible(false)
            .resizable(false)
            .open(&mut open);
        super::in_central_area(dialog, self.central_rect).show(ctx, |ui| {
            ui.label("Format");
            ui.horizontal(|ui| {
                for format in export::Format::ALL {
                    if ui
                        .radio_value(&mut window.format, format, format.label())
                        .changed()
                    {
                        window.options = export::Options::for_format(format);
                    }
                }
            });
            ui.checkbox(
                &mut window.options.include_boilerplate,
                "Include boilerplate",
            );
            ui.checkbox(
                &mut window.options.only_findings,
                "Only rows with findings or a review",
            );
            ui.horizontal(|ui| {
                let purpose = DialogPurpose::Export(window.format);
                if ui.button("Choose file and export…").clicked() {
                    choose = Some(Command::Dialog(purpose));
                }
                if ui.button("Type a path…").clicked() {
                    choose = Some(Command::PathPrompt(purpose, None));
                }
            });
        });
        self.export_window = open.then_some(window);
        if let Some(command) = choose {
            self.commands.push(command);
        }
    }

    /// Help ▸ Keyboard shortcuts: read off the command table.
    pub(super) fn shortcuts_ui(&mut self, ctx: &egui::Context) {
        if !self.show_shortcuts {
            return;
        }
        let window = egui::Window::new("Keyboard shortcuts")
            .open(&mut self.show_shortcuts)
            .collapsible(false)
            .resizable(false);
        super::in_central_area(window, self.central_rect).show(ctx, |ui| {
            egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                for command in UiCommand::ALL {
                    let Some(keys) = command.shortcut_text(ctx) else {
                        continue;
                    };
                    ui.label(RichText::new(keys).monospace());
                    ui.label(command.text_and_description().1);
                    ui.end_row();
                }
                for (keys, action) in MOUSE_HELP {
                    ui.label(RichText::new(keys).monospace());
                    ui.label(action);
                    ui.end_row();
                }
            });
        });
    }
}
