//! Loading sets in the background, restoring their reviews, and saving reviews as they change.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::{Duration, Instant};

use super::command::{Command, LoadRequest, ReviewSource};
use super::coverage_panel::{Backlinks, CoveragePanel};
use super::file_dialog::{DialogOutcome, DialogPurpose};
use super::{Message, ReaderApp};
use crate::comparison::Comparison;
use crate::progress::Progress;
use crate::set;

/// How long after the last review edit the review is saved.
const AUTOSAVE_AFTER: Duration = Duration::from_secs(1);
/// A load that takes longer than this shows its stage and progress, with a Cancel button.
const SHOW_PROGRESS_AFTER: Duration = Duration::from_millis(300);

/// A comparison built on a background thread, with its saved review already read back there
/// (no review file is read on the UI thread).
pub(super) struct Opened {
    comparison: Comparison,
    /// What restoring its saved review said; `None` when reviews are not kept or the job
    /// restores none (a reload restores the open review from memory).
    saved: Option<crate::comparison::SavedReview>,
}

impl Opened {
    /// `comparison` with its saved review read back from where `review` says.
    fn with_review(mut comparison: Comparison, review: &ReviewSource) -> Self {
        let saved = match review {
            ReviewSource::Disk(dir) => Some(comparison.restore_saved_review(dir)),
            ReviewSource::Caller => None,
        };
        Self { comparison, saved }
    }
}

/// A set loading on a background thread.
pub(super) struct PendingLoad {
    request: LoadRequest,
    receiver: Receiver<Result<Opened, LoadFailure>>,
    progress: Arc<Progress>,
    started: Instant,
    /// What to keep when this load is a reload of the open set.
    pub(super) reload: Option<super::reload::Kept>,
}

/// Why a load failed: the message, and the files outside its folder that a manifest names when
/// that is why (the window then asks whether to open them anyway).
#[derive(Debug)]
pub struct LoadFailure {
    /// What went wrong, in words.
    pub message: String,
    /// The files a manifest names outside its folder, when that stopped the load.
    pub outside_paths: Vec<PathBuf>,
}

impl From<String> for LoadFailure {
    fn from(message: String) -> Self {
        Self {
            message,
            outside_paths: Vec::new(),
        }
    }
}

impl std::fmt::Display for LoadFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// Load and analyse a set (runs on a background thread in the app).
pub fn load(request: &LoadRequest) -> Result<Comparison, LoadFailure> {
    load_with(request, &Progress::new())
}

/// [`load`], reporting to `progress`; a cancelled load ends with the error "cancelled".
pub fn load_with(request: &LoadRequest, progress: &Progress) -> Result<Comparison, LoadFailure> {
    let loaded = match request {
        LoadRequest::Bundled => set::bundled(),
        LoadRequest::Paths(paths) | LoadRequest::TrustedPaths(paths) => {
            let options = set::LoadOptions {
                allow_outside_paths: matches!(request, LoadRequest::TrustedPaths(_)),
            };
            set::load_with_options(paths, progress, options).map_err(|err| {
                // A manifest reaching out of its folder: the window asks before it reads them.
                let outside_paths = match &err {
                    set::LoadError::OutsideFolder { paths, .. } => paths.clone(),
                    _ => Vec::new(),
                };
                LoadFailure {
                    message: err.to_string(),
                    outside_paths,
                }
            })?
        }
    };
    Comparison::build_with(loaded, progress).map_err(|err| err.to_string().into())
}

/// A set whose manifest names files outside its folder, waiting for the user's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrustPrompt {
    /// What was asked to open.
    pub paths: Vec<PathBuf>,
    /// The files outside the manifest's folder.
    pub outside_paths: Vec<PathBuf>,
}

impl ReaderApp {
    /// Ask whether to open a set whose manifest names files outside its folder.
    pub(super) fn trust_prompt_ui(&mut self, ctx: &egui::Context) {
        let Some(prompt) = &self.trust_prompt else {
            return;
        };
        let mut answer = None;
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
            answer = Some(false);
        }
        egui::Window::new("Files outside the set's folder")
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 80.0))
            .show(ctx, |ui| {
                ui.set_max_width(520.0);
                ui.label(
                    "This set's manifest names files outside its own folder. A set from someone \
                     else could read your other files this way. Open these only if you trust \
                     where the set came from:",
                );
                for path in &prompt.outside_paths {
                    ui.monospace(path.display().to_string());
                }
                ui.horizontal(|ui| {
                    if ui.button("Open anyway").clicked() {
                        answer = Some(true);
                    }
                    if ui.button("Cancel").on_hover_text("Esc").clicked() {
                        answer = Some(false);
                    }
                });
            });
        match answer {
            Some(true) => {
                if let Some(prompt) = self.trust_prompt.take() {
                    self.commands
                        .push(Command::Load(LoadRequest::TrustedPaths(prompt.paths)));
                }
            }
            Some(false) => {
                self.trust_prompt = None;
                self.say(Message::info(
                    "Not opened: the set's manifest names files outside its folder.".to_owned(),
                ));
            }
            None => {}
        }
    }

    /// Load a set now, on this thread (tests and benchmarks).
    pub fn open_now(&mut self, request: &LoadRequest) {
        let review = self.disk_review();
        let result = load(request).map(|comparison| Opened::with_review(comparison, &review));
        self.finish_load(request, result);
    }

    pub(super) fn start_load(&mut self, ctx: &egui::Context, request: LoadRequest) {
        let review = self.disk_review();
        self.start_load_with_review(ctx, request, review);
    }

    /// Where a new comparison's review is read from: the disk, when reviews are kept. What is
    /// not saved yet is saved first, so that the job reads the review as it stands.
    fn disk_review(&mut self) -> ReviewSource {
        // The job reads what is on disk: the review being written must be there first.
        self.save_review();
        self.flush_reviews();
        self.reviews_dir
            .clone()
            .map_or(ReviewSource::Caller, ReviewSource::Disk)
    }

    pub(super) fn start_load_with_review(
        &mut self,
        ctx: &egui::Context,
        request: LoadRequest,
        review: ReviewSource,
    ) {
        let job = request.clone();
        self.start_job(ctx, request, review, move |progress| {
            load_with(&job, progress)
        });
    }

    /// Analyse the open set again with its sides exchanged, in the background; its review
    /// comes along (saved first, so that nothing typed meanwhile is lost).
    pub(super) fn start_swap(&mut self, ctx: &egui::Context) {
        let Some(comparison) = &self.comparison else {
            return;
        };
        let request = match &comparison.set.source {
            crate::set::SetSource::Bundled => LoadRequest::Bundled,
            source => LoadRequest::Paths(source.paths()),
        };
        let swap = comparison.prepare_swap();
        let review = self.disk_review();
        self.start_job(ctx, request, review, move |progress| {
            swap.run(progress).map_err(|err| err.to_string().into())
        });
    }

    pub(super) fn start_job(
        &mut self,
        ctx: &egui::Context,
        request: LoadRequest,
        review: ReviewSource,
        job: impl FnOnce(&Progress) -> Result<Comparison, LoadFailure> + Send + 'static,
    ) {
        if let Some(pending) = self.loading.take() {
            pending.progress.cancel();
        }
        let (sender, receiver) = mpsc::channel();
        let repaint = ctx.clone();
        let progress = Arc::new(Progress::new());
        let job_progress = Arc::clone(&progress);
        std::thread::spawn(move || {
            let result =
                job(&job_progress).map(|comparison| Opened::with_review(comparison, &review));
            if !job_progress.is_cancelled() {
                sender.send(result).ok();
                repaint.request_repaint();
            }
        });
        self.loading = Some(PendingLoad {
            request,
            receiver,
            progress,
            started: Instant::now(),
            reload: None,
        });
    }

    /// Stop the background load: the window forgets it at once and keeps the open set; the
    /// loader stops at its next checkpoint.
    pub(super) fn cancel_load(&mut self) {
        let Some(pending) = self.loading.take() else {
            return;
        };
        pending.progress.cancel();
        let kept = if self.comparison.is_some() {
            " The previous set stays open."
        } else {
            ""
        };
        self.say(Message::info(format!(
            "Stopped opening {}.{kept}",
            pending.request.describe()
        )));
    }

    /// The stage and progress of a load that takes a while, with a Cancel button (Esc).
    pub(super) fn load_progress_ui(&mut self, ctx: &egui::Context) {
        let Some(pending) = &self.loading else {
            return;
        };
        if pending.started.elapsed() < SHOW_PROGRESS_AFTER {
            return;
        }
        let snapshot = pending.progress.snapshot();
        let mut cancel = ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
        egui::Window::new("Opening")
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 80.0))
            .show(ctx, |ui| {
                ui.set_width(380.0);
                ui.label(pending.request.describe());
                ui.add(
                    egui::ProgressBar::new(snapshot.fraction())
                        .show_percentage()
                        .animate(true),
                );
                ui.horizontal(|ui| {
                    ui.label(snapshot.describe());
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        cancel |= ui.button("Cancel").on_hover_text("Esc").clicked();
                    });
                });
            });
        if cancel {
            self.commands.push(Command::CancelLoad);
        }
    }

    /// Take the answers of a load or a dialog running in the background.
    pub(super) fn poll_background(&mut self, ctx: &egui::Context) {
        if let Some(writer) = &mut self.review_writer {
            let answers = writer.answers();
            if writer.is_busy() {
                // The writer wakes the window; this is in case an answer and a frame cross.
                ctx.request_repaint_after(Duration::from_millis(100));
            }
            self.review_answers(answers);
        }
        if let Some(pending) = &self.loading {
            let result = match pending.receiver.try_recv() {
                Ok(result) => Some(result),
                Err(TryRecvError::Empty) => {
                    ctx.request_repaint_after(Duration::from_millis(30));
                    None
                }
                Err(TryRecvError::Disconnected) => {
                    Some(Err("the loader stopped unexpectedly".to_owned().into()))
                }
            };
            if let Some(result) = result
                && let Some(pending) = self.loading.take()
            {
                match pending.reload {
                    Some(kept) => self.finish_reload(
                        kept,
                        result
                            .map(|opened| opened.comparison)
                            .map_err(|err| err.message),
                    ),
                    None => self.finish_load(&pending.request, result),
                }
            }
        }
        if let Some(dialog) = &self.dialog {
            match dialog.poll() {
                None => ctx.request_repaint_after(Duration::from_millis(50)),
                Some(outcome) => {
                    self.dialog = None;
                    self.dialog_answered(outcome);
                }
            }
        }
    }

    fn dialog_answered(&mut self, outcome: DialogOutcome) {
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

    fn finish_load(&mut self, request: &LoadRequest, result: Result<Opened, LoadFailure>) {
        match result {
            Ok(Opened { comparison, saved }) => {
                // A message said before the set opened (the last set could not be reopened)
                // stays, unless the set has warnings of its own to say.
                if !comparison.warnings.is_empty() {
                    let list: Vec<String> = comparison
                        .warnings
                        .iter()
                        .map(ToString::to_string)
                        .collect();
                    let problems = crate::words::counted(list.len(), "warning", "warnings");
                    self.say(Message::info(format!(
                        "Opened with {problems}: {}",
                        list.join("; ")
                    )));
                } else if self.message.as_ref().is_some_and(|m| !m.is_error) {
                    self.message = None;
                }
                // Absolute: the app may be started from another folder next time.
                self.settings.last_set = comparison
                    .set
                    .source
                    .paths()
                    .iter()
                    .map(|path| absolute(path))
                    .collect();
                self.settings
                    .remember_recent(&self.settings.last_set.clone());
                self.settings_changed = true;
                self.show_comparison(comparison, saved);
            }
            Err(err) => {
                if !err.outside_paths.is_empty()
                    && let LoadRequest::Paths(paths) = request
                {
                    self.trust_prompt = Some(TrustPrompt {
                        paths: paths.clone(),
                        outside_paths: err.outside_paths,
                    });
                    return;
                }
                let kept = if self.comparison.is_some() {
                    " The previous set stays open."
                } else {
                    ""
                };
                // The cause first ("the file is empty: …"), then what was being opened.
                self.say(Message::error(format!(
                    "{}. Could not open {}.{kept}",
                    capitalised(&err.message),
                    request.describe()
                )));
            }
        }
    }

    /// Show an already built comparison, its review read back here when reviews are kept (tests
    /// and benchmarks; the window's loads read it on their background thread).
    pub fn set_comparison(&mut self, mut comparison: Comparison) {
        self.save_review();
        let saved = self
            .reviews_dir
            .clone()
            .map(|dir| comparison.restore_saved_review(&dir));
        self.show_comparison(comparison, saved);
    }

    /// Show a comparison whose saved review (if any) was already restored.
    pub(super) fn show_comparison(
        &mut self,
        comparison: Comparison,
        saved: Option<crate::comparison::SavedReview>,
    ) {
        self.save_review();
        self.review_generation += 1;
        self.typing_note = None;
        self.review_path = None;
        self.review_dirty = None;
        if let Some(saved) = saved {
            self.review_path = Some(saved.path);
            if let Some(err) = saved.error {
                self.say(Message::error(err));
            } else if !saved.messages.is_empty() {
                self.say(Message::info(saved.messages.join(" ")));
            }
        }
        self.selected_row = None;
        self.view.reset();
        self.watcher = None;
        self.watch_wanted = true;
        self.backlinks = Backlinks::new(&comparison);
        self.coverage_panel = CoveragePanel::default();
        self.stats = comparison.stats();
        self.alignment_doubt = comparison.alignment_doubt();
        if let Some(doubt) = &self.alignment_doubt {
            self.history
                .push((std::time::Instant::now(), Message::info(doubt.clone())));
        }
        self.comparison = Some(comparison);
        self.refresh_shown();
        self.selected_row = self.view.shown().first().copied();
    }

    /// Save the review a second after the last edit.
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        let Some(since) = self.review_dirty else {
            return;
        };
        if since.elapsed() >= AUTOSAVE_AFTER {
            self.save_review();
        } else {
            ctx.request_repaint_after(AUTOSAVE_AFTER.saturating_sub(since.elapsed()));
        }
    }

    /// Write the review now if there are unsaved edits (atomically, keeping a backup). Falls
    /// back to the app's data folder when the set's folder cannot be written.
    pub fn save_review(&mut self) {
        if self.review_dirty.is_none() {
            return;
        }
        let (Some(comparison), Some(dir), Some(path)) =
            (&self.comparison, &self.reviews_dir, &self.review_path)
        else {
            return;
        };
        // Built here (it reads the comparison), written on the writer's thread.
        let file = comparison.review_file();
        let (path, source, dir) = (path.clone(), comparison.set.source.clone(), dir.clone());
        let wake = self.egui_ctx.clone();
        let writer = self.review_writer.get_or_insert_with(|| {
            super::review_writer::ReviewWriter::new(move || {
                if let Some(ctx) = &wake {
                    ctx.request_repaint();
                }
            })
        });
        writer.write(file, path, source, dir, self.review_generation);
        self.review_dirty = None;
    }

    /// Take the answers of the review writer: where the review went, or why it could not be
    /// written (the edits stay open and are written again a second later).
    pub(super) fn review_answers(&mut self, answers: Vec<super::review_writer::Written>) {
        for written in answers {
            let current = written.generation == self.review_generation;
            match written.result {
                Ok(saved) => {
                    if let Some(err) = saved.fell_back {
                        self.say(Message::info(format!(
                            "The set's folder cannot be written ({err}); the review is saved in {}",
                            saved.path.display()
                        )));
                    }
                    if current {
                        self.review_path = Some(saved.path);
                    }
                }
                Err(err) => {
                    self.say(Message::error(format!(
                        "Could not save the review ({err}); it stays open here: {}",
                        written.asked.display()
                    )));
                    if current && self.review_dirty.is_none() {
                        self.review_dirty = Some(Instant::now());
                    }
                }
            }
        }
    }

    /// Wait until every review write asked for is done (on exit, and for tests).
    pub fn flush_reviews(&mut self) {
        if let Some(writer) = &mut self.review_writer {
            let answers = writer.flush();
            self.review_answers(answers);
        }
    }

    /// Where the review is saved, in words for the review panel.
    pub(super) fn where_saved(&self) -> String {
        match (&self.reviews_dir, &self.review_path) {
            (Some(_), Some(path)) => {
                let state = if self.review_dirty.is_some()
                    || self.review_writer.as_ref().is_some_and(|w| w.is_busy())
                {
                    "Saving the review"
                } else {
                    "Reviews are saved automatically"
                };
                format!("{state} to {}", path.display())
            }
            _ => "Reviews are not kept in this session.".to_owned(),
        }
    }
}

/// `text` with its first letter in upper case, to start a sentence.
pub(super) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// `path` from the root: with links resolved when it exists, else joined to the current folder.
pub(super) fn absolute(path: &std::path::Path) -> PathBuf {
    std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_owned())
}
