//! The egui front end (feature `gui`).
//!
//! [`ReaderApp`] holds the persisted [`Settings`], the loaded [`Comparison`] and the view state.
//! Widgets change view state directly; anything with side effects (opening, loading,
//! exporting) is pushed as a [`Command`] and applied once at the end of the frame, so tests can
//! send the same commands without any dialog.

pub mod coverage_panel;
pub mod file_dialog;
pub mod reading_view;
pub mod review_panel;
pub mod theme;

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use egui::{Key, KeyboardShortcut, Modifiers, RichText, Ui};
use serde::{Deserialize, Serialize};

use crate::comparison::Comparison;
use crate::{export, lang, set};

use coverage_panel::{Backlinks, CoveragePanel};
use file_dialog::{DialogOutcome, DialogPurpose, PendingDialog};
use reading_view::{ReadingView, ScrollTarget};
use review_panel::{ReviewAction, ReviewFilter, ReviewPanel};
use theme::Theme;

/// The application id: names the persistence folder.
pub const APP_ID: &str = "parallel-reader";

const OPEN_SHORTCUT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
const ZOOM_MIN: f32 = 0.6;
const ZOOM_MAX: f32 = 2.5;

/// Open the window. `paths` is a set to open; empty means the last set, or the bundled one.
pub fn run(paths: Vec<PathBuf>) -> eframe::Result {
    let options = eframe::NativeOptions {
        renderer: eframe::Renderer::Glow,
        viewport: egui::ViewportBuilder::default()
            .with_title("Parallel Reader")
            .with_app_id(APP_ID)
            .with_inner_size([1280.0, 860.0])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| Ok(Box::new(ReaderApp::new(paths, cc.storage)))),
    )
}

/// The app's folder for reviews of sets whose own folder cannot be written (and the bundled
/// set's).
pub fn review_dir() -> Option<PathBuf> {
    eframe::storage_dir(APP_ID).map(|dir| dir.join("reviews"))
}

/// View settings remembered between runs (never the loaded texts).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The paths of the last set opened from disk (empty: the bundled set).
    pub last_set: Vec<PathBuf>,
    /// Text zoom factor.
    pub zoom: f32,
    /// Show boilerplate rows (dimmed) or hide them.
    pub show_boilerplate: bool,
    /// Show only rows whose figures disagree.
    pub only_mismatches: bool,
    /// Show the side panel (mismatches, coverage) beside the text.
    pub show_side_panel: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            last_set: Vec::new(),
            zoom: 1.0,
            show_boilerplate: true,
            only_mismatches: false,
            show_side_panel: true,
        }
    }
}

/// What to load.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadRequest {
    /// The example set built into the binary.
    Bundled,
    /// A folder, a manifest, or files.
    Paths(Vec<PathBuf>),
}

impl LoadRequest {
    fn describe(&self) -> String {
        match self {
            Self::Bundled => "the bundled example".to_owned(),
            Self::Paths(paths) => paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}

/// Actions with side effects, applied at the end of a frame.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Show a native dialog.
    Dialog(DialogPurpose),
    /// Show the typed-path field.
    PathPrompt(DialogPurpose, Option<String>),
    /// Load a set (in the background).
    Load(LoadRequest),
    /// Write an export to a file (with the options of the export window).
    Export(PathBuf, export::Format),
    /// Show the export window.
    ExportWindow,
    /// A review edit.
    Review(ReviewAction),
    /// Undo the last review edit.
    Undo,
    /// Redo the last undone review edit.
    Redo,
    /// Select a comparison row and bring it into view.
    Select(usize),
    /// Move the selection by this many shown rows.
    MoveSelection(isize),
    /// Select the first shown row.
    SelectFirst,
    /// Select the last shown row.
    SelectLast,
    /// Multiply the text zoom.
    Zoom(f32),
    /// Back to zoom 1.
    ZoomReset,
    /// Show or hide boilerplate.
    SetShowBoilerplate(bool),
    /// Show only rows with mismatches, or all rows.
    SetOnlyMismatches(bool),
    /// Select the next row with a mismatch (wrapping).
    NextMismatch,
    /// Select the previous row with a mismatch (wrapping).
    PreviousMismatch,
    /// Close the window.
    Quit,
}

/// What the side panel shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PanelTab {
    /// Figure mismatches between the two renderings.
    Mismatches,
    /// Coverage linked to the selected row.
    Coverage,
    /// Status, note and alignment of the selected row.
    Review,
}

/// A message in the status bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// The text.
    pub text: String,
    /// An error (red) or information.
    pub is_error: bool,
}

struct PendingLoad {
    request: LoadRequest,
    receiver: Receiver<Result<Comparison, String>>,
}

/// The typed-path field, offered with every dialog and instead of one where none can be shown.
struct PathPrompt {
    purpose: DialogPurpose,
    text: String,
    note: Option<String>,
}

/// The application.
pub struct ReaderApp {
    /// Persisted settings.
    pub settings: Settings,
    comparison: Option<Comparison>,
    view: ReadingView,
    selected_row: Option<usize>,
    message: Option<Message>,
    loading: Option<PendingLoad>,
    dialog: Option<PendingDialog>,
    prompt: Option<PathPrompt>,
    commands: Vec<Command>,
    /// What the side panel shows.
    pub panel_tab: PanelTab,
    coverage_panel: CoveragePanel,
    backlinks: Backlinks,
    review_panel: ReviewPanel,
    review_filter: ReviewFilter,
    /// Where reviews go when their set's folder is not writable (and the bundled set's);
    /// `None` turns autosave off (tests that do not ask for it).
    review_dir: Option<PathBuf>,
    /// Where the current set's review is saved.
    review_path: Option<PathBuf>,
    /// Unsaved review edits since.
    review_dirty: Option<std::time::Instant>,
    export_window: Option<ExportWindow>,
    /// Counts of the comparison, computed once per change (not per frame).
    stats: Option<crate::comparison::Stats>,
    show_shortcuts: bool,
}

/// The export window's choices.
#[derive(Clone, Copy, Debug)]
struct ExportWindow {
    format: export::Format,
    options: export::Options,
}

impl ReaderApp {
    /// The app with its settings from `storage`, starting to load `paths` (or the last set, or
    /// the bundled set).
    pub fn new(paths: Vec<PathBuf>, storage: Option<&dyn eframe::Storage>) -> Self {
        let settings: Settings = storage
            .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
            .unwrap_or_default();
        let request = if !paths.is_empty() {
            LoadRequest::Paths(paths)
        } else if !settings.last_set.is_empty() && settings.last_set.iter().all(|p| p.exists()) {
            LoadRequest::Paths(settings.last_set.clone())
        } else {
            LoadRequest::Bundled
        };
        let mut app = Self::empty(settings);
        app.review_dir = review_dir();
        app.commands.push(Command::Load(request));
        app
    }

    /// Keep reviews (autosave) with `dir` as the fallback folder.
    pub fn set_review_dir(&mut self, dir: PathBuf) {
        self.review_dir = Some(dir);
    }

    /// Where the current review is saved, if anywhere.
    pub fn review_path(&self) -> Option<&std::path::Path> {
        self.review_path.as_deref()
    }

    /// The app with default settings and nothing loaded.
    pub fn empty(settings: Settings) -> Self {
        Self {
            settings,
            comparison: None,
            view: ReadingView::default(),
            selected_row: None,
            message: None,
            loading: None,
            dialog: None,
            prompt: None,
            commands: Vec::new(),
            panel_tab: PanelTab::Mismatches,
            coverage_panel: CoveragePanel::default(),
            backlinks: Backlinks::default(),
            review_panel: ReviewPanel::default(),
            review_filter: ReviewFilter::default(),
            review_dir: None,
            review_path: None,
            review_dirty: None,
            export_window: None,
            stats: None,
            show_shortcuts: false,
        }
    }

    /// Load a set now, on this thread (tests and benchmarks).
    pub fn open_now(&mut self, request: &LoadRequest) {
        let result = load(request);
        self.finish_load(request, result);
    }

    /// Show an already built comparison (its review is read back when reviews are kept).
    pub fn set_comparison(&mut self, mut comparison: Comparison) {
        self.save_review();
        self.review_path = None;
        self.review_dirty = None;
        if let Some(dir) = &self.review_dir {
            let existing = crate::review::existing_path(&comparison.set.source, dir);
            self.review_path = Some(
                existing
                    .clone()
                    .unwrap_or_else(|| crate::review::review_path(&comparison.set.source, dir)),
            );
            if let Some(path) = existing {
                match crate::review::read(&path) {
                    Ok(Some(file)) => {
                        let messages = comparison.restore_review(&file);
                        if !messages.is_empty() {
                            self.message = Some(Message {
                                text: messages.join(" "),
                                is_error: false,
                            });
                        }
                    }
                    Ok(None) => {}
                    Err(err) => {
                        self.message = Some(Message {
                            text: format!("{err}: {}", path.display()),
                            is_error: true,
                        });
                    }
                }
            }
        }
        self.selected_row = None;
        self.view.reset();
        self.backlinks = Backlinks::new(&comparison);
        self.coverage_panel = CoveragePanel::default();
        self.stats = Some(comparison.stats());
        self.comparison = Some(comparison);
        self.refresh_shown();
        if !self.view.shown().is_empty() {
            self.selected_row = self.view.shown().first().copied();
        }
    }

    /// The loaded comparison.
    pub fn comparison(&self) -> Option<&Comparison> {
        self.comparison.as_ref()
    }

    /// The selected comparison row.
    pub fn selected_row(&self) -> Option<usize> {
        self.selected_row
    }

    /// The status message, if any.
    pub fn message(&self) -> Option<&Message> {
        self.message.as_ref()
    }

    /// True while a set loads in the background.
    pub fn is_loading(&self) -> bool {
        self.loading.is_some()
    }

    /// Queue a command, as a menu item would.
    pub fn push_command(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// The comparison rows currently shown.
    pub fn shown_rows(&self) -> &[usize] {
        self.view.shown()
    }

    /// Draw the whole app into `ui` (the window's root, or a test harness).
    pub fn ui_root(&mut self, ui: &mut Ui) {
        install_fonts(ui.ctx());
        ui.ctx().options_mut(|o| o.zoom_with_keyboard = false);
        self.poll_background(ui.ctx());
        self.keyboard(ui.ctx());
        self.dropped_files(ui.ctx());

        egui::Panel::top("menu_bar").show(ui, |ui| self.menu_bar_ui(ui));
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar_ui(ui));
        if self.settings.show_side_panel && self.comparison.is_some() {
            egui::Panel::right("side_panel")
                .resizable(true)
                .default_size(340.0)
                .show(ui, |ui| self.side_panel_ui(ui));
        }
        egui::CentralPanel::default().show(ui, |ui| self.central_ui(ui));
        self.prompt_ui(ui.ctx());
        self.export_window_ui(ui.ctx());
        if self.show_shortcuts {
            self.shortcuts_ui(ui.ctx());
        }

        let commands = std::mem::take(&mut self.commands);
        for command in commands {
            self.run_command(ui.ctx(), command);
        }
        // Autosave a second after the last review edit.
        if let Some(since) = self.review_dirty {
            let wait = std::time::Duration::from_secs(1);
            if since.elapsed() >= wait {
                self.save_review();
            } else {
                ui.ctx()
                    .request_repaint_after(wait.saturating_sub(since.elapsed()));
            }
        }
    }

    fn poll_background(&mut self, ctx: &egui::Context) {
        if let Some(pending) = &self.loading {
            match pending.receiver.try_recv() {
                Ok(result) => {
                    let request = pending.request.clone();
                    self.loading = None;
                    self.finish_load(&request, result);
                }
                Err(TryRecvError::Empty) => {
                    ctx.request_repaint_after(std::time::Duration::from_millis(30));
                }
                Err(TryRecvError::Disconnected) => {
                    let request = pending.request.clone();
                    self.loading = None;
                    self.finish_load(&request, Err("the loader stopped unexpectedly".to_owned()));
                }
            }
        }
        if let Some(dialog) = &self.dialog {
            match dialog.poll() {
                None => ctx.request_repaint_after(std::time::Duration::from_millis(50)),
                Some(outcome) => {
                    self.dialog = None;
                    match outcome {
                        DialogOutcome::Chosen(DialogPurpose::Export(format), paths) => {
                            if let Some(path) = paths.into_iter().next() {
                                self.commands.push(Command::Export(path, format));
                            }
                        }
                        DialogOutcome::Chosen(_, paths) => {
                            self.commands.push(Command::Load(LoadRequest::Paths(paths)));
                        }
                        DialogOutcome::Cancelled => {}
                        DialogOutcome::Unavailable(purpose) => {
                            self.commands.push(Command::PathPrompt(
                                purpose,
                                Some("No file dialog can be shown on this system (no desktop portal or zenity). Type the path instead.".to_owned()),
                            ));
                        }
                    }
                }
            }
        }
    }

    fn finish_load(&mut self, request: &LoadRequest, result: Result<Comparison, String>) {
        match result {
            Ok(comparison) => {
                self.message = comparison.warnings.first().map(|_| Message {
                    text: format!(
                        "Opened with {} problem(s): {}",
                        comparison.warnings.len(),
                        comparison
                            .warnings
                            .iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join("; ")
                    ),
                    is_error: false,
                });
                self.settings.last_set = comparison.set.source.paths();
                self.set_comparison(comparison);
            }
            Err(err) => {
                let kept = if self.comparison.is_some() {
                    " The previous set stays open."
                } else {
                    ""
                };
                self.message = Some(Message {
                    text: format!("Could not open {}: {err}.{kept}", request.describe()),
                    is_error: true,
                });
            }
        }
    }

    fn refresh_shown(&mut self) {
        let Some(comparison) = &self.comparison else {
            return;
        };
        let show_boilerplate = self.settings.show_boilerplate;
        let only_mismatches = self.settings.only_mismatches;
        let shown: Vec<usize> = (0..comparison.rows.len())
            .filter(|&idx| show_boilerplate || !comparison.is_boilerplate_row(idx))
            .filter(|&idx| !only_mismatches || comparison.open_mismatches(idx).next().is_some())
            .filter(|&idx| self.review_filter.keeps(comparison, idx))
            .collect();
        self.view.set_shown(comparison, shown);
        if let Some(selected) = self.selected_row
            && !self.view.shown().contains(&selected)
        {
            let pos = self.view.position_of(selected);
            self.selected_row = self.view.shown().get(pos).copied();
        }
    }

    fn keyboard(&mut self, ctx: &egui::Context) {
        if ctx.input_mut(|i| i.consume_shortcut(&OPEN_SHORTCUT)) {
            self.commands
                .push(Command::Dialog(DialogPurpose::OpenFiles));
        }
        let zoom_in = [
            KeyboardShortcut::new(Modifiers::COMMAND, Key::Plus),
            KeyboardShortcut::new(Modifiers::COMMAND, Key::Equals),
            KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::Equals),
        ];
        let zoom_out = [
            KeyboardShortcut::new(Modifiers::COMMAND, Key::Minus),
            KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::Minus),
        ];
        for shortcut in zoom_in {
            if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                self.commands.push(Command::Zoom(1.1));
            }
        }
        for shortcut in zoom_out {
            if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                self.commands.push(Command::Zoom(1.0 / 1.1));
            }
        }
        if ctx.input_mut(|i| {
            i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Num0))
        }) {
            self.commands.push(Command::ZoomReset);
        }
        if ctx.egui_wants_keyboard_input() {
            return;
        }
        let redo = [
            KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z),
            KeyboardShortcut::new(Modifiers::COMMAND, Key::Y),
        ];
        for shortcut in redo {
            if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                self.commands.push(Command::Redo);
            }
        }
        if ctx.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Z)))
        {
            self.commands.push(Command::Undo);
        }
        let page = self.view.rows_per_page().saturating_sub(1).max(1) as isize;
        let pressed = |key: Key| ctx.input_mut(|i| i.consume_key(Modifiers::NONE, key));
        if pressed(Key::ArrowDown) || pressed(Key::J) {
            self.commands.push(Command::MoveSelection(1));
        }
        if pressed(Key::ArrowUp) || pressed(Key::K) {
            self.commands.push(Command::MoveSelection(-1));
        }
        if pressed(Key::PageDown) {
            self.commands.push(Command::MoveSelection(page));
        }
        if pressed(Key::PageUp) {
            self.commands.push(Command::MoveSelection(-page));
        }
        if pressed(Key::Home) {
            self.commands.push(Command::SelectFirst);
        }
        if pressed(Key::End) {
            self.commands.push(Command::SelectLast);
        }
        let shift = |key: Key| ctx.input_mut(|i| i.consume_key(Modifiers::SHIFT, key));
        if shift(Key::N) || shift(Key::F8) {
            self.commands.push(Command::PreviousMismatch);
        }
        if pressed(Key::N) || pressed(Key::F8) {
            self.commands.push(Command::NextMismatch);
        }
    }

    fn dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|file| file.path().to_path_buf())
                .filter(|path| !path.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            self.commands
                .push(Command::Load(LoadRequest::Paths(dropped)));
        }
    }

    fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Dialog(purpose) => {
                if self.dialog.is_none() {
                    let start_dir = self.start_dir();
                    self.dialog = Some(PendingDialog::spawn(purpose, start_dir));
                }
            }
            Command::PathPrompt(purpose, note) => {
                let text = match purpose {
                    DialogPurpose::Export(format) => self
                        .start_dir()
                        .map(|d| {
                            d.join(format!("comparison.{}", format.extension()))
                                .display()
                                .to_string()
                        })
                        .unwrap_or_default(),
                    _ => String::new(),
                };
                self.prompt = Some(PathPrompt {
                    purpose,
                    text,
                    note,
                });
            }
            Command::Load(request) => {
                let (sender, receiver) = mpsc::channel();
                let job = request.clone();
                let repaint = ctx.clone();
                std::thread::spawn(move || {
                    sender.send(load(&job)).ok();
                    repaint.request_repaint();
                });
                self.loading = Some(PendingLoad { request, receiver });
            }
            Command::Export(path, format) => self.export_to(&path, format),
            Command::ExportWindow => {
                let format = self
                    .export_window
                    .map_or(export::Format::Html, |w| w.format);
                self.export_window = Some(ExportWindow {
                    format,
                    options: export::Options::for_format(format),
                });
            }
            Command::Review(action) => self.apply_review(action),
            Command::Undo | Command::Redo => {
                let Some(comparison) = &mut self.comparison else {
                    return;
                };
                let done = if command == Command::Undo {
                    comparison.undo()
                } else {
                    comparison.redo()
                };
                if done {
                    self.after_review_edit();
                } else {
                    self.message = Some(Message {
                        text: format!(
                            "Nothing to {}.",
                            if command == Command::Undo {
                                "undo"
                            } else {
                                "redo"
                            }
                        ),
                        is_error: false,
                    });
                }
            }
            Command::Select(row) => {
                self.selected_row = Some(row);
                let pos = self.view.position_of(row);
                self.view.scroll_to(ScrollTarget::Reveal(pos));
            }
            Command::MoveSelection(delta) => {
                let shown = self.view.shown();
                if shown.is_empty() {
                    return;
                }
                let current = self
                    .selected_row
                    .map_or(-1, |row| self.view.position_of(row) as isize);
                let target = (current + delta).clamp(0, shown.len() as isize - 1) as usize;
                let row = shown[target];
                self.selected_row = Some(row);
                self.view.scroll_to(ScrollTarget::Reveal(target));
            }
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
            Command::ZoomReset => self.settings.zoom = 1.0,
            Command::SetShowBoilerplate(show) => {
                self.settings.show_boilerplate = show;
                self.refresh_shown();
                if let Some(row) = self.selected_row {
                    let pos = self.view.position_of(row);
                    self.view.scroll_to(ScrollTarget::Reveal(pos));
                }
            }
            Command::SetOnlyMismatches(only) => {
                self.settings.only_mismatches = only;
                self.refresh_shown();
                if let Some(row) = self.selected_row {
                    let pos = self.view.position_of(row);
                    self.view.scroll_to(ScrollTarget::Reveal(pos));
                }
            }
            Command::NextMismatch | Command::PreviousMismatch => {
                let Some(comparison) = &self.comparison else {
                    return;
                };
                let rows: Vec<usize> = comparison
                    .mismatch_rows()
                    .into_iter()
                    .filter(|row| self.view.shown().binary_search(row).is_ok())
                    .collect();
                let forward = command == Command::NextMismatch;
                let target = match (self.selected_row, forward) {
                    (Some(current), true) => rows.iter().find(|&&r| r > current).or(rows.first()),
                    (Some(current), false) => {
                        rows.iter().rev().find(|&&r| r < current).or(rows.last())
                    }
                    (None, true) => rows.first(),
                    (None, false) => rows.last(),
                };
                match target {
                    Some(&row) => self.commands.push(Command::Select(row)),
                    None => {
                        self.message = Some(Message {
                            text: "No figure mismatches: the two renderings agree.".to_owned(),
                            is_error: false,
                        });
                    }
                }
            }
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    fn start_dir(&self) -> Option<PathBuf> {
        let first = self.settings.last_set.first()?;
        if first.is_dir() {
            Some(first.clone())
        } else {
            first.parent().map(PathBuf::from)
        }
    }

    fn export_to(&mut self, path: &std::path::Path, format: export::Format) {
        let Some(comparison) = &self.comparison else {
            self.message = Some(Message {
                text: "Nothing to export: no set is open.".to_owned(),
                is_error: true,
            });
            return;
        };
        let options = self
            .export_window
            .filter(|w| w.format == format)
            .map_or_else(|| export::Options::for_format(format), |w| w.options);
        let result =
            export::write_atomic_with(path, |out| export::write(comparison, format, options, out));
        self.message = Some(match result {
            Ok(()) => Message {
                text: format!("Exported {} to {}", format.label(), path.display()),
                is_error: false,
            },
            Err(err) => Message {
                text: format!("Could not export ({err}): {}", path.display()),
                is_error: true,
            },
        });
    }

    fn apply_review(&mut self, action: ReviewAction) {
        use crate::review::edit;
        let Some(comparison) = &mut self.comparison else {
            return;
        };
        let applied = match action {
            ReviewAction::Status(row, status) => {
                comparison.edit_review(row, |r| r.status = status);
                true
            }
            ReviewAction::Note(row, note) => {
                comparison.edit_note(row, &note);
                true
            }
            ReviewAction::Accept(row, finding, reason) => {
                comparison.edit_review(row, |r| {
                    if !r.is_accepted(&finding) {
                        r.accepted.push(crate::review::Accepted { finding, reason });
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
            ReviewAction::Detach(row, left, first) => comparison
                .edit_alignment(|rows, reviews| edit::detach(rows, reviews, row, left, first)),
            ReviewAction::Attach(row, to_previous) => {
                let done = comparison
                    .edit_alignment(|rows, reviews| edit::attach(rows, reviews, row, to_previous));
                if done && to_previous {
                    self.selected_row = Some(row - 1);
                }
                done
            }
        };
        if applied {
            self.after_review_edit();
        } else {
            self.message = Some(Message {
                text: "That alignment edit does not apply to this row.".to_owned(),
                is_error: false,
            });
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
        self.backlinks = Backlinks::new(comparison);
        self.stats = Some(comparison.stats());
        self.refresh_shown();
        if self.review_dirty.is_none() {
            self.review_dirty = Some(std::time::Instant::now());
        }
    }

    /// Write the review now if there are unsaved edits (atomically, keeping a backup). Falls
    /// back to the app's data folder when the set's folder cannot be written.
    pub fn save_review(&mut self) {
        if self.review_dirty.is_none() {
            return;
        }
        let (Some(comparison), Some(dir), Some(path)) =
            (&self.comparison, &self.review_dir, self.review_path.clone())
        else {
            return;
        };
        let file = comparison.review_file();
        let result = std::fs::create_dir_all(path.parent().unwrap_or(dir))
            .and_then(|()| crate::review::write(&path, &file));
        match result {
            Ok(()) => self.review_dirty = None,
            Err(err) => {
                let fallback = crate::review::fallback_path(&comparison.set.source, dir);
                let second = std::fs::create_dir_all(dir)
                    .and_then(|()| crate::review::write(&fallback, &file));
                match second {
                    Ok(()) => {
                        self.message = Some(Message {
                            text: format!(
                                "The set's folder cannot be written ({err}); the review is saved in {}",
                                fallback.display()
                            ),
                            is_error: false,
                        });
                        self.review_path = Some(fallback);
                        self.review_dirty = None;
                    }
                    Err(second_err) => {
                        self.message = Some(Message {
                            text: format!(
                                "Could not save the review ({second_err}); it stays open here: {}",
                                path.display()
                            ),
                            is_error: true,
                        });
                    }
                }
            }
        }
    }

    fn menu_bar_ui(&mut self, ui: &mut Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui
                    .add(
                        egui::Button::new("Open set…")
                            .shortcut_text(ui.ctx().format_shortcut(&OPEN_SHORTCUT)),
                    )
                    .clicked()
                {
                    self.commands
                        .push(Command::Dialog(DialogPurpose::OpenFiles));
                }
                if ui.button("Open folder…").clicked() {
                    self.commands
                        .push(Command::Dialog(DialogPurpose::OpenFolder));
                }
                if ui.button("Open path…").clicked() {
                    self.commands
                        .push(Command::PathPrompt(DialogPurpose::OpenFiles, None));
                }
                if ui.button("Open the bundled example").clicked() {
                    self.commands.push(Command::Load(LoadRequest::Bundled));
                }
                ui.separator();
                let has_set = self.comparison.is_some();
                if ui
                    .add_enabled(has_set, egui::Button::new("Export…"))
                    .clicked()
                {
                    self.commands.push(Command::ExportWindow);
                }
                ui.separator();
                if ui.button("Quit").clicked() {
                    self.commands.push(Command::Quit);
                }
            });
            ui.menu_button("Edit", |ui| {
                let (can_undo, can_redo) = self.comparison.as_ref().map_or((false, false), |c| {
                    (c.history.can_undo(), c.history.can_redo())
                });
                if ui
                    .add_enabled(can_undo, egui::Button::new("Undo").shortcut_text("Ctrl+Z"))
                    .clicked()
                {
                    self.commands.push(Command::Undo);
                }
                if ui
                    .add_enabled(
                        can_redo,
                        egui::Button::new("Redo").shortcut_text("Ctrl+Shift+Z"),
                    )
                    .clicked()
                {
                    self.commands.push(Command::Redo);
                }
            });
            ui.menu_button("View", |ui| {
                let mut show = self.settings.show_boilerplate;
                if ui.checkbox(&mut show, "Show boilerplate").changed() {
                    self.commands.push(Command::SetShowBoilerplate(show));
                }
                ui.separator();
                if ui.button("Larger text").clicked() {
                    self.commands.push(Command::Zoom(1.1));
                }
                if ui.button("Smaller text").clicked() {
                    self.commands.push(Command::Zoom(1.0 / 1.1));
                }
                if ui.button("Reset text size").clicked() {
                    self.commands.push(Command::ZoomReset);
                }
                let mut only = self.settings.only_mismatches;
                if ui
                    .checkbox(&mut only, "Only rows with mismatches")
                    .changed()
                {
                    self.commands.push(Command::SetOnlyMismatches(only));
                }
                ui.checkbox(&mut self.settings.show_side_panel, "Side panel");
                if ui.button("Next mismatch (n, F8)").clicked() {
                    self.commands.push(Command::NextMismatch);
                }
                if ui.button("Previous mismatch (Shift+N, Shift+F8)").clicked() {
                    self.commands.push(Command::PreviousMismatch);
                }
                ui.separator();
                egui::global_theme_preference_buttons(ui);
            });
            ui.menu_button("Help", |ui| {
                if ui.button("Keyboard shortcuts").clicked() {
                    self.show_shortcuts = true;
                }
            });
            ui.separator();
            let mut show = self.settings.show_boilerplate;
            if ui
                .checkbox(&mut show, "Boilerplate")
                .on_hover_text("Show website chrome (dimmed), or hide it")
                .changed()
            {
                self.commands.push(Command::SetShowBoilerplate(show));
            }
            let mut only = self.settings.only_mismatches;
            if ui
                .checkbox(&mut only, "Only mismatches")
                .on_hover_text("Show only rows whose figures disagree")
                .changed()
            {
                self.commands.push(Command::SetOnlyMismatches(only));
            }
            if ui
                .small_button("A−")
                .on_hover_text("Smaller text (Ctrl −)")
                .clicked()
            {
                self.commands.push(Command::Zoom(1.0 / 1.1));
            }
            if ui
                .small_button("A+")
                .on_hover_text("Larger text (Ctrl +)")
                .clicked()
            {
                self.commands.push(Command::Zoom(1.1));
            }
            if self.loading.is_some() {
                ui.spinner();
                ui.label("Loading…");
            }
        });
    }

    fn central_ui(&mut self, ui: &mut Ui) {
        let theme = Theme::for_visuals(ui.visuals());
        if let Some(message) = self.message.clone()
            && message.is_error
        {
            ui.horizontal(|ui| {
                ui.colored_label(theme.error, &message.text);
                if ui.small_button("Dismiss").clicked() {
                    self.message = None;
                }
            });
            ui.separator();
        }
        let Some(comparison) = &self.comparison else {
            ui.centered_and_justified(|ui| {
                if self.loading.is_some() {
                    ui.spinner();
                } else {
                    ui.label("Open an article set: File > Open set… (Ctrl+O), or drop files here.");
                }
            });
            return;
        };
        ui.heading(&comparison.set.title);
        header_ui(ui, comparison);
        ui.separator();
        let response = self
            .view
            .ui(ui, comparison, self.selected_row, self.settings.zoom);
        if let Some(row) = response.clicked_row {
            self.selected_row = Some(row);
            if response.coverage_clicked {
                self.panel_tab = PanelTab::Coverage;
                self.settings.show_side_panel = true;
                self.coverage_panel.reading = None;
            }
        }
        let hovering = ui.ctx().input(|i| !i.raw.hovered_files.is_empty());
        if hovering {
            let rect = ui.max_rect();
            ui.painter()
                .rect_filled(rect, 4.0, theme.selected_row.gamma_multiply(0.8));
            ui.painter().text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                "Drop a folder, a set.json, or two or more text files to open them",
                egui::FontId::proportional(20.0),
                theme.heading,
            );
        }
    }

    fn side_panel_ui(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.panel_tab, PanelTab::Mismatches, "Mismatches");
            ui.selectable_value(&mut self.panel_tab, PanelTab::Coverage, "Coverage");
            ui.selectable_value(&mut self.panel_tab, PanelTab::Review, "Review");
        });
        ui.separator();
        match self.panel_tab {
            PanelTab::Review => {
                let Some(comparison) = &self.comparison else {
                    return;
                };
                let where_saved = match (&self.review_dir, &self.review_path) {
                    (Some(_), Some(path)) => {
                        let state = if self.review_dirty.is_some() {
                            "Saving the review"
                        } else {
                            "Reviews are saved automatically"
                        };
                        format!("{state} to {}", path.display())
                    }
                    _ => "Reviews are not kept in this session.".to_owned(),
                };
                let filter_before = self.review_filter;
                let actions = self.review_panel.ui(
                    ui,
                    comparison,
                    &self.stats.unwrap_or_default(),
                    self.selected_row,
                    &mut self.review_filter,
                    &where_saved,
                );
                if self.review_filter != filter_before {
                    self.refresh_shown();
                }
                self.commands
                    .extend(actions.into_iter().map(Command::Review));
            }
            PanelTab::Mismatches => self.mismatch_panel_ui(ui),
            PanelTab::Coverage => {
                let Some(comparison) = &self.comparison else {
                    return;
                };
                if let Some(row) =
                    self.coverage_panel
                        .ui(ui, comparison, &self.backlinks, self.selected_row)
                {
                    self.commands.push(Command::Select(row));
                }
            }
        }
    }

    fn mismatch_panel_ui(&mut self, ui: &mut Ui) {
        let Some(comparison) = &self.comparison else {
            return;
        };
        let stats = self.stats.unwrap_or_default();
        let total = stats.mismatches;
        ui.heading(format!("Mismatches ({total})"));
        ui.label(
            RichText::new(
                "Figures that disagree between the two renderings. n / Shift+N move between them.",
            )
            .weak()
            .small(),
        );
        ui.separator();
        let accepted_mismatches = stats.accepted_mismatches;
        if accepted_mismatches > 0 {
            ui.label(
                RichText::new(format!(
                    "{accepted_mismatches} accepted (see the Review tab with \"Show accepted findings\")"
                ))
                .weak(),
            );
        }
        if total == 0 {
            ui.label("The two renderings agree on every figure.");
            return;
        }
        let left = comparison.set.left();
        let right = comparison.set.right();
        let side_text = |doc: &set::Document, figure: Option<crate::compare::FigureRef>| {
            figure.map_or_else(
                || "—".to_owned(),
                |f| doc.paragraphs[f.paragraph].figures[f.figure].text.clone(),
            )
        };
        egui::ScrollArea::vertical()
            .id_salt("mismatch_list")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for row_idx in 0..comparison.rows.len() {
                    for mismatch in comparison.open_mismatches(row_idx) {
                        let text = format!(
                            "Row {row_idx}: {} | {}\n{}",
                            side_text(left, mismatch.left),
                            side_text(right, mismatch.right),
                            mismatch.reason
                        );
                        let selected = self.selected_row == Some(row_idx);
                        if ui.selectable_label(selected, text).clicked() {
                            self.commands.push(Command::Select(row_idx));
                        }
                    }
                }
            });
    }

    fn status_bar_ui(&mut self, ui: &mut Ui) {
        let theme = Theme::for_visuals(ui.visuals());
        ui.horizontal(|ui| {
            if let Some(comparison) = &self.comparison {
                let stats = self.stats.unwrap_or_default();
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
                    let links: usize = comparison.links.iter().map(Vec::len).sum();
                    let conflicts: usize = comparison
                        .links
                        .iter()
                        .flatten()
                        .map(|l| l.figures_conflict.len())
                        .sum();
                    let text = format!("· {links} coverage links, {conflicts} coverage conflicts");
                    if conflicts > 0 {
                        ui.colored_label(theme.warning, text);
                    } else {
                        ui.label(text);
                    }
                }
                if self.view.shown().len() != comparison.rows.len() {
                    ui.label(format!(
                        "· {} boilerplate rows hidden",
                        comparison.rows.len() - self.view.shown().len()
                    ));
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

    fn shortcuts_ui(&mut self, ctx: &egui::Context) {
        const SHORTCUTS: [(&str, &str); 10] = [
            ("↑ ↓  or  j k", "Previous / next row"),
            ("PgUp PgDn  Home End", "Page up / down, first / last row"),
            ("n  or  F8", "Next row whose figures disagree"),
            (
                "Shift+N  or  Shift+F8",
                "Previous row whose figures disagree",
            ),
            ("Ctrl+O", "Open a set"),
            ("Ctrl + / Ctrl − / Ctrl 0", "Larger / smaller / normal text"),
            ("Ctrl+Z", "Undo a review edit"),
            ("Ctrl+Shift+Z  or  Ctrl+Y", "Redo"),
            (
                "Click a row's DE/NL/EN markers",
                "Show the coverage of the row",
            ),
            ("Right-click a paragraph", "Copy its text"),
        ];
        egui::Window::new("Keyboard shortcuts")
            .open(&mut self.show_shortcuts)
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                    for (keys, action) in SHORTCUTS {
                        ui.label(RichText::new(keys).monospace());
                        ui.label(action);
                        ui.end_row();
                    }
                });
            });
    }

    fn export_window_ui(&mut self, ctx: &egui::Context) {
        let Some(mut window) = self.export_window else {
            return;
        };
        let mut open = true;
        let mut choose = None;
        egui::Window::new("Export")
            .collapsible(false)
            .resizable(false)
            .open(&mut open)
            .show(ctx, |ui| {
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
                    if ui.button("Choose file and export…").clicked() {
                        choose = Some(Command::Dialog(DialogPurpose::Export(window.format)));
                    }
                    if ui.button("Type a path…").clicked() {
                        choose = Some(Command::PathPrompt(
                            DialogPurpose::Export(window.format),
                            None,
                        ));
                    }
                });
            });
        self.export_window = open.then_some(window);
        if let Some(command) = choose {
            self.commands.push(command);
        }
    }

    fn prompt_ui(&mut self, ctx: &egui::Context) {
        let Some(prompt) = &mut self.prompt else {
            return;
        };
        let mut open = true;
        let mut submit = false;
        let mut cancel = false;
        let title = match prompt.purpose {
            DialogPurpose::Export(_) => "Export to",
            _ => "Open a set",
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
                let hint = match prompt.purpose {
                    DialogPurpose::Export(_) => "File to write",
                    _ => "Folder, set.json, or files separated by ;",
                };
                let label = ui.label(hint);
                let edit = ui
                    .add(egui::TextEdit::singleline(&mut prompt.text).desired_width(480.0))
                    .labelled_by(label.id);
                if edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                    submit = true;
                }
                ui.horizontal(|ui| {
                    let action = match prompt.purpose {
                        DialogPurpose::Export(_) => "Export",
                        _ => "Open",
                    };
                    if ui.button(action).clicked() {
                        submit = true;
                    }
                    if ui.button("Cancel").clicked() {
                        cancel = true;
                    }
                });
            });
        if submit {
            let paths: Vec<PathBuf> = prompt
                .text
                .split(';')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(PathBuf::from)
                .collect();
            if !paths.is_empty() {
                self.commands.push(match prompt.purpose {
                    DialogPurpose::Export(format) => Command::Export(paths[0].clone(), format),
                    _ => Command::Load(LoadRequest::Paths(paths)),
                });
                self.prompt = None;
            }
        } else if cancel || !open {
            self.prompt = None;
        }
    }
}

impl eframe::App for ReaderApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let title = self.comparison.as_ref().map_or_else(
            || "Parallel Reader".to_owned(),
            |c| format!("{} — Parallel Reader", c.set.title),
        );
        ui.ctx()
            .send_viewport_cmd(egui::ViewportCommand::Title(title));
        self.ui_root(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
        // Called on exit too: no review edit is left unsaved.
        self.save_review();
    }
}

/// The column headers: each side's label and language, over its column.
fn header_ui(ui: &mut Ui, comparison: &Comparison) {
    let left = comparison.set.left();
    let right = comparison.set.right();
    let geometry = reading_view::Geometry::new(ui.available_width());
    let column = geometry.column_width;
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        ui.add_space(geometry.left_x);
        for (n, doc) in [left, right].into_iter().enumerate() {
            if n == 1 {
                ui.add_space(geometry.right_x - geometry.left_x - column);
            }
            ui.allocate_ui_with_layout(
                egui::vec2(column, 20.0),
                egui::Layout::left_to_right(egui::Align::Center),
                |ui| {
                    ui.set_width(column);
                    ui.spacing_mut().item_spacing.x = 6.0;
                    ui.label(RichText::new(&doc.label).strong());
                    ui.label(
                        RichText::new(format!("{} ({})", lang::name(&doc.lang), doc.lang)).weak(),
                    )
                    .on_hover_text(doc.path.display().to_string());
                },
            );
        }
        if !comparison.set.coverage().is_empty() {
            ui.add_space(geometry.links_x - geometry.right_x - column);
            ui.label(RichText::new("Links").weak())
                .on_hover_text("Paragraphs of the coverage documents that report the same thing, per document; ≠ marks a figure reported differently");
        }
    });
}

/// Add `DejaVu Sans` after egui's own fonts: arrows, superscripts and the wider Latin, Greek and
/// Cyrillic ranges of news texts that the default fonts lack. A no-op once installed.
fn install_fonts(ctx: &egui::Context) {
    const DEJAVU: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
    let families = [egui::FontFamily::Proportional, egui::FontFamily::Monospace]
        .into_iter()
        .map(|family| egui::epaint::text::InsertFontFamily {
            family,
            priority: egui::epaint::text::FontPriority::Lowest,
        })
        .collect();
    ctx.add_font(egui::epaint::text::FontInsert {
        name: "DejaVuSans".to_owned(),
        data: egui::FontData::from_static(DEJAVU),
        families,
    });
}

/// Load and analyse a set (runs on a background thread in the app).
pub fn load(request: &LoadRequest) -> Result<Comparison, String> {
    let loaded = match request {
        LoadRequest::Bundled => set::bundled(),
        LoadRequest::Paths(paths) => set::load(paths).map_err(|err| err.to_string())?,
    };
    Ok(Comparison::build(loaded))
}
