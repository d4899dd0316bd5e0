//! The egui front end (feature `gui`).
//!
//! [`ReaderApp`] holds the persisted [`Settings`], the loaded [`Comparison`] and the view state.
//! Widgets change view state directly; anything with side effects (opening, loading,
//! exporting) is pushed as a [`Command`] and applied once at the end of the frame, so tests can
//! send the same commands without any dialog.
//!
//! - [`command`]: the commands, and the one table of their labels and shortcuts;
//! - `command_handling`: what each command does;
//! - `loading`: background loads (with progress and Cancel), restoring and autosaving reviews;
//! - `watch`, `reload`: reload on change, keeping the review, the selection and the place;
//! - `menu_bar`, `status_bar`, `dialogs`, `mismatch_panel`: parts of the frame;
//! - [`reading_view`], [`coverage_panel`], [`review_panel`]: the views;
//! - [`theme`]: every colour, and the fonts; [`file_dialog`]: native dialogs off the UI thread.

pub mod command;
mod command_handling;
pub mod coverage_panel;
mod dialogs;
pub mod file_dialog;
mod loading;
mod menu_bar;
mod mismatch_panel;
pub mod reading_view;
mod reload;
pub mod review_panel;
mod review_writer;
mod startup;
mod status_bar;
pub mod theme;
mod watch;

use std::path::{Path, PathBuf};

use egui::Ui;
use serde::{Deserialize, Serialize};

use crate::comparison::{Comparison, FindingFilter, RowFilter, Stats};
use crate::review::ReviewFilter;

pub use command::{Command, LoadRequest, UiCommand};
pub use loading::{LoadFailure, load};

use coverage_panel::{Backlinks, CoveragePanel};
use dialogs::{ExportWindow, PathPrompt};
use file_dialog::PendingDialog;
use loading::PendingLoad;
use reading_view::ReadingView;
use review_panel::ReviewPanel;
use theme::Theme;

/// The application id: names the persistence folder.
pub const APP_ID: &str = crate::review::store::APP_ID;

/// Open the window. `paths` is a set to open; empty means the last set, or the bundled one.
pub fn run(paths: Vec<PathBuf>) -> eframe::Result {
    let started = std::time::Instant::now();
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
        Box::new(move |cc| {
            let mut app = ReaderApp::new(paths, cc.storage);
            app.startup = startup::StartupTimings::from_env(started);
            Ok(Box::new(app))
        }),
    )
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
    /// The last sets opened from disk, newest first (File ▸ Open recent).
    pub recent: Vec<Vec<PathBuf>>,
}

/// How many sets File ▸ Open recent lists.
pub const RECENT_SETS: usize = 10;

impl Settings {
    /// Put a set opened from disk first in the recent list (once, at most [`RECENT_SETS`]).
    pub fn remember_recent(&mut self, paths: &[PathBuf]) {
        if paths.is_empty() {
            return;
        }
        self.recent.retain(|set| set != paths);
        self.recent.insert(0, paths.to_vec());
        self.recent.truncate(RECENT_SETS);
    }
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            last_set: Vec::new(),
            zoom: 1.0,
            show_boilerplate: true,
            only_mismatches: false,
            show_side_panel: true,
            recent: Vec::new(),
        }
    }
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

/// A message in the status bar (and in the history of messages).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// The text.
    pub text: String,
    /// An error (red) or information.
    pub is_error: bool,
}

impl Message {
    /// Information.
    pub fn info(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            is_error: false,
        }
    }

    /// An error.
    pub fn error(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            is_error: true,
        }
    }
}

/// The application.
pub struct ReaderApp {
    /// Persisted settings.
    pub settings: Settings,
    comparison: Option<Comparison>,
    /// Counts of the comparison, computed once per change (not per frame).
    stats: Stats,
    view: ReadingView,
    selected_row: Option<usize>,
    message: Option<Message>,
    loading: Option<PendingLoad>,
    /// A set whose manifest names files outside its folder, waiting for the user's leave.
    trust_prompt: Option<loading::TrustPrompt>,
    dialog: Option<PendingDialog>,
    prompt: Option<PathPrompt>,
    export_window: Option<ExportWindow>,
    show_shortcuts: bool,
    commands: Vec<Command>,
    /// What the side panel shows.
    pub panel_tab: PanelTab,
    coverage_panel: CoveragePanel,
    backlinks: Backlinks,
    review_panel: ReviewPanel,
    review_filter: ReviewFilter,
    /// Where reviews go when their set's folder is not writable (and the bundled set's);
    /// `None` turns autosave off (tests that do not ask for it).
    reviews_dir: Option<PathBuf>,
    /// Where the current set's review is saved.
    review_path: Option<PathBuf>,
    /// Unsaved review edits since.
    review_dirty: Option<std::time::Instant>,
    /// The row whose note is being typed: its keystrokes are one undo step.
    typing_note: Option<usize>,
    /// Writes review files off the UI thread (started with the first write).
    review_writer: Option<review_writer::ReviewWriter>,
    /// Which comparison is open: a review written for an earlier one does not move this one's
    /// review file.
    review_generation: u64,
    /// The context, to wake the window when a background job answers.
    egui_ctx: Option<egui::Context>,
    /// Startup timings, when asked for.
    startup: Option<startup::StartupTimings>,
    /// The watch over the open set's files (reload on change).
    watcher: Option<watch::SetWatcher>,
    /// A set was opened: watch its files from the next frame.
    watch_wanted: bool,
    /// Everything the status bar said since the app started, oldest first.
    history: Vec<(std::time::Instant, Message)>,
    /// Show the history of messages.
    show_messages: bool,
    /// The window title last sent (a title sent again every frame would repaint every frame).
    title_sent: Option<String>,
    /// The central area of the last frame: dialogs open inside it, never over the menus.
    central_rect: Option<egui::Rect>,
    /// What was last typed in the Open path field.
    last_typed_path: String,
    /// Rows whose text changed in the last reload, and when: highlighted, fading out.
    reloaded_rows: Option<(std::time::Instant, Vec<usize>)>,
    /// The settings changed in a way that must outlive a crash or a SIGTERM (the recent
    /// list): saved at the end of the frame, not only every 30 s and on a clean exit.
    settings_changed: bool,
    /// The fonts and text style are installed in the context.
    fonts_installed: bool,
    /// A doubt that the two documents are renderings of one article (computed once per set).
    alignment_doubt: Option<String>,
}

/// How many messages the history keeps.
const HISTORY_LEN: usize = 500;

impl ReaderApp {
    /// The app with its settings from `storage`, starting to load `paths` (or the last set, or
    /// the bundled set).
    pub fn new(paths: Vec<PathBuf>, storage: Option<&dyn eframe::Storage>) -> Self {
        let settings: Settings = storage
            .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
            .unwrap_or_default();
        let mut app = Self::starting(paths, settings);
        app.reviews_dir = crate::review::store::reviews_dir();
        app
    }

    /// The app with `settings` as restored, starting to load `paths` (or the last set, or the
    /// bundled set, saying so when the last set cannot be reopened).
    pub fn starting(paths: Vec<PathBuf>, settings: Settings) -> Self {
        let given = !paths.is_empty();
        let missing: Vec<String> = settings
            .last_set
            .iter()
            .filter(|p| !p.exists())
            .map(|p| p.display().to_string())
            .collect();
        let request = if given {
            LoadRequest::Paths(paths)
        } else if !settings.last_set.is_empty() && missing.is_empty() {
            LoadRequest::Paths(settings.last_set.clone())
        } else {
            LoadRequest::Bundled
        };
        let mut app = Self::empty(settings);
        if !given && !missing.is_empty() {
            app.say(Message::error(format!(
                "The set you had open last could not be reopened (not found: {}). Showing the bundled example; File ▸ Open recent lists the other sets.",
                missing.join(", ")
            )));
        }
        app.commands.push(Command::Load(request));
        app
    }

    /// The app with default settings and nothing loaded.
    pub fn empty(settings: Settings) -> Self {
        Self {
            settings,
            comparison: None,
            stats: Stats::default(),
            view: ReadingView::default(),
            selected_row: None,
            message: None,
            loading: None,
            trust_prompt: None,
            dialog: None,
            prompt: None,
            export_window: None,
            show_shortcuts: false,
            commands: Vec::new(),
            panel_tab: PanelTab::Mismatches,
            coverage_panel: CoveragePanel::default(),
            backlinks: Backlinks::default(),
            review_panel: ReviewPanel::default(),
            review_filter: ReviewFilter::default(),
            reviews_dir: None,
            review_path: None,
            review_dirty: None,
            typing_note: None,
            review_writer: None,
            review_generation: 0,
            egui_ctx: None,
            startup: None,
            watcher: None,
            watch_wanted: false,
            history: Vec::new(),
            show_messages: false,
            title_sent: None,
            central_rect: None,
            last_typed_path: String::new(),
            reloaded_rows: None,
            settings_changed: false,
            fonts_installed: false,
            alignment_doubt: None,
        }
    }

    /// Show `message` in the status bar and keep it in the history of messages.
    pub(super) fn say(&mut self, message: Message) {
        if self.history.len() == HISTORY_LEN {
            self.history.remove(0);
        }
        self.history
            .push((std::time::Instant::now(), message.clone()));
        self.message = Some(message);
    }

    /// The rows the last reload changed (tinted for a few seconds).
    pub fn reloaded_rows(&self) -> &[usize] {
        self.reloaded_rows
            .as_ref()
            .map_or(&[], |(_, rows)| rows.as_slice())
    }

    /// Everything said since the app started, oldest first.
    pub fn history(&self) -> impl Iterator<Item = &Message> {
        self.history.iter().map(|(_, message)| message)
    }

    /// Keep reviews (autosave) with `dir` as the fallback folder.
    pub fn set_review_dir(&mut self, dir: PathBuf) {
        self.reviews_dir = Some(dir);
    }

    /// Where the current review is saved, if anywhere.
    pub fn review_path(&self) -> Option<&Path> {
        self.review_path.as_deref()
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

    /// Which rows the reading view shows: the view settings and the review filter.
    fn row_filter(&self) -> RowFilter {
        RowFilter {
            include_boilerplate: self.settings.show_boilerplate,
            findings: if self.settings.only_mismatches {
                FindingFilter::OpenMismatches
            } else {
                FindingFilter::Any
            },
            review: self.review_filter,
        }
    }

    /// Show the rows that pass the current filter, keeping the selection on a shown row.
    fn refresh_shown(&mut self) {
        let filter = self.row_filter();
        let Some(comparison) = &self.comparison else {
            return;
        };
        let shown = comparison.rows_matching(&filter);
        self.view.set_shown(comparison, shown);
        if let Some(selected) = self.selected_row
            && !self.view.shown().contains(&selected)
        {
            let pos = self.view.position_of(selected);
            self.selected_row = self.view.shown().get(pos).copied();
        }
    }

    /// Draw the whole app into `ui` (the window's root, or a test harness).
    pub fn ui_root(&mut self, ui: &mut Ui) {
        if self.egui_ctx.is_none() {
            self.egui_ctx = Some(ui.ctx().clone());
        }
        // Once: adding a font each frame would have the text laid out anew each frame.
        if !self.fonts_installed {
            theme::install_fonts(ui.ctx());
            self.fonts_installed = true;
        }
        ui.ctx().options_mut(|o| o.zoom_with_keyboard = false);
        self.poll_background(ui.ctx());
        self.watch_files(ui.ctx());
        self.commands
            .extend(UiCommand::pressed(ui.ctx()).into_iter().map(Command::Ui));
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
        self.shortcuts_ui(ui.ctx());
        self.load_progress_ui(ui.ctx());
        self.trust_prompt_ui(ui.ctx());
        self.messages_ui(ui.ctx());

        let commands = std::mem::take(&mut self.commands);
        for command in commands {
            self.run_command(ui.ctx(), command);
        }
        self.autosave(ui.ctx());
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

    fn central_ui(&mut self, ui: &mut Ui) {
        let theme = Theme::for_visuals(ui.visuals());
        self.central_rect = Some(ui.max_rect());
        if let Some(message) = self.message.clone()
            && message.is_error
        {
            self.error_banner_ui(ui, &theme, &message.text);
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
        if let Some(doubt) = &self.alignment_doubt {
            ui.add(egui::Label::new(egui::RichText::new(format!("⚠ {doubt}")).color(theme.warning)).wrap())
                .on_hover_text("Red highlights between unrelated texts mean little: check that the two files are the same article in two languages.");
        }
        reading_view::header_ui(ui, comparison);
        ui.separator();
        if self.view.shown().is_empty() {
            ui.add_space(24.0);
            ui.vertical_centered(|ui| {
                let text = if self.settings.only_mismatches {
                    "No row has a mismatch: the two renderings agree on every figure. Turn off \"Only mismatches\" to see every row."
                } else {
                    "No row passes the filters. Show boilerplate, or choose another review filter, to see rows."
                };
                ui.add(egui::Label::new(text).wrap());
            });
            return;
        }
        // The rows the last reload changed, tinted and fading out.
        self.view.flash = match &self.reloaded_rows {
            Some((at, rows)) if at.elapsed() < reload::FLASH_FOR => {
                let left = 1.0 - at.elapsed().as_secs_f32() / reload::FLASH_FOR.as_secs_f32();
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(50));
                (rows.clone(), left)
            }
            _ => (Vec::new(), 0.0),
        };
        let response = self
            .view
            .ui(ui, comparison, self.selected_row, self.settings.zoom);
        if let Some(row) = response.jump_to {
            self.commands.push(Command::Select(row));
        } else if let Some(row) = response.clicked_row {
            self.selected_row = Some(row);
            if response.coverage_clicked {
                self.panel_tab = PanelTab::Coverage;
                self.settings.show_side_panel = true;
                self.coverage_panel.reading = None;
            }
        }
        if ui.ctx().input(|i| !i.raw.hovered_files.is_empty()) {
            drop_target_ui(ui, &theme);
        }
    }

    /// An error above the reading view: wrapped inside the window, Dismiss (or Esc) beside it.
    fn error_banner_ui(&mut self, ui: &mut Ui, theme: &Theme, text: &str) {
        // Esc dismisses it when no dialog is open to take the key.
        let dialog_open = self.prompt.is_some()
            || self.export_window.is_some()
            || self.show_shortcuts
            || self.show_messages
            || self.trust_prompt.is_some()
            || self.loading.is_some();
        let mut dismiss = !dialog_open
            && ui
                .ctx()
                .input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
        const BUTTON_WIDTH: f32 = 90.0;
        let text_width = (ui.available_width() - BUTTON_WIDTH).max(120.0);
        ui.horizontal_top(|ui| {
            ui.allocate_ui_with_layout(
                egui::vec2(text_width, 0.0),
                egui::Layout::top_down(egui::Align::Min),
                |ui| {
                    ui.add(egui::Label::new(egui::RichText::new(text).color(theme.error)).wrap());
                },
            );
            dismiss |= ui.button("Dismiss").on_hover_text("Esc").clicked();
        });
        ui.separator();
        if dismiss {
            self.message = None;
        }
    }

    fn side_panel_ui(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.panel_tab, PanelTab::Mismatches, "Mismatches");
            ui.selectable_value(&mut self.panel_tab, PanelTab::Coverage, "Coverage");
            ui.selectable_value(&mut self.panel_tab, PanelTab::Review, "Review");
        });
        ui.separator();
        let Some(comparison) = &self.comparison else {
            return;
        };
        match self.panel_tab {
            PanelTab::Review => {
                let where_saved = self.where_saved();
                let filter_before = self.review_filter;
                let actions = self.review_panel.ui(
                    ui,
                    comparison,
                    &self.stats,
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
                if let Some(row) =
                    self.coverage_panel
                        .ui(ui, comparison, &self.backlinks, self.selected_row)
                {
                    self.commands.push(Command::Select(row));
                }
            }
        }
    }
}

impl eframe::App for ReaderApp {
    fn ui(&mut self, ui: &mut Ui, frame: &mut eframe::Frame) {
        let title = self.comparison.as_ref().map_or_else(
            || "Parallel Reader".to_owned(),
            |c| format!("{} — Parallel Reader", c.set.title),
        );
        // Sent when it changes only: every viewport command asks for another frame, and a
        // title sent each frame kept the window drawing 30 frames a second at rest.
        if self.title_sent.as_ref() != Some(&title) {
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_sent = Some(title);
        }
        self.ui_root(ui);
        if std::mem::take(&mut self.settings_changed)
            && let Some(storage) = frame.storage_mut()
        {
            eframe::set_value(storage, eframe::APP_KEY, &self.settings);
            storage.flush();
        }
        if let Some(startup) = &mut self.startup {
            startup.frame_drawn(ui.ctx(), self.comparison.is_some());
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
        // Called on exit too: no review edit is left unsaved, and every write asked for is
        // done before the process ends.
        self.save_review();
        self.flush_reviews();
    }
}

/// A dialog placed in the central area, below its top, and kept inside it: never over the menu
/// bar or the status bar.
fn in_central_area(window: egui::Window<'_>, central: Option<egui::Rect>) -> egui::Window<'_> {
    match central {
        Some(rect) => window
            .pivot(egui::Align2::CENTER_TOP)
            .default_pos(rect.center_top() + egui::vec2(0.0, 40.0))
            .constrain_to(rect),
        None => window,
    }
}

/// The hint over the reading view while files are dragged over the window.
fn drop_target_ui(ui: &Ui, theme: &Theme) {
    let rect = ui.max_rect();
    ui.painter()
        .rect_filled(rect, 4.0, theme.selected_row.gamma_multiply(0.8));
    ui.painter().text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        "Drop a folder, a set.json, an XLIFF or TMX file, or two or more articles to open them",
        egui::FontId::proportional(20.0),
        theme.heading,
    );
}
