//! What the user can ask the window to do.
//!
//! [`UiCommand`] is the one table of the window's commands: each has its label, its
//! description and its keyboard shortcuts here, and the key handling, the menus and the Help
//! list are all read off this table (rerun's `UICommand`), so a shortcut is written once.
//! [`Command`] is what the frame applies at its end: a `UiCommand`, or an action with data
//! (load these paths, select that row) that widgets and tests push directly.

use std::cmp::Reverse;
use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use super::file_dialog::DialogPurpose;
use crate::export;
use crate::review::Status;
use crate::side::{End, Neighbour, Side};

/// What to load.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadRequest {
    /// The example set built into the binary.
    Bundled,
    /// A folder, a manifest, or files.
    Paths(Vec<PathBuf>),
    /// The same, with the user's leave for its manifest to name files outside its folder.
    TrustedPaths(Vec<PathBuf>),
}

impl LoadRequest {
    /// The request in words, for messages.
    pub fn describe(&self) -> String {
        match self {
            Self::Bundled => "the bundled example".to_owned(),
            Self::Paths(paths) | Self::TrustedPaths(paths) => paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}

/// Where a job's comparison gets its review from.
#[derive(Clone, Debug)]
pub enum ReviewSource {
    /// The review file in the set's folder or the app's reviews folder.
    Disk(PathBuf),
    /// None here: the caller restores it (a reload, from the open review in memory).
    Caller,
}

/// Actions with side effects, applied at the end of a frame.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// A command of the menus and shortcuts.
    Ui(UiCommand),
    /// Show a native dialog.
    Dialog(DialogPurpose),
    /// Show the typed-path field.
    PathPrompt(DialogPurpose, Option<String>),
    /// Load a set (in the background).
    Load(LoadRequest),
    /// Stop the load running in the background, keeping the set that is open.
    CancelLoad,
    /// Write an export to a file (with the options of the export window).
    Export(PathBuf, export::Format),
    /// Show the export window.
    ExportWindow,
    /// A review edit.
    Review(ReviewAction),
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
    /// Show or hide boilerplate.
    SetShowBoilerplate(bool),
    /// Show only rows with mismatches, or all rows.
    SetOnlyMismatches(bool),
}

/// A review edit asked for in the panel, applied by the app (so it is undoable and saved).
#[derive(Clone, Debug, PartialEq)]
pub enum ReviewAction {
    /// Set a row's status.
    Status(usize, Status),
    /// Set a row's note (as typed).
    Note(usize, String),
    /// Accept a finding (its key) with a reason.
    Accept(usize, String, String),
    /// Take an acceptance back.
    Unaccept(usize, String),
    /// Merge the row with the next one.
    MergeWithNext(usize),
    /// Split a merged row.
    Split(usize),
    /// Detach the paragraph at `end` of `side` of `row` into a row of its own.
    Detach {
        /// The row.
        row: usize,
        /// Which side's paragraph.
        side: Side,
        /// The first or the last paragraph of that side.
        end: End,
    },
    /// Attach `row` to its `neighbour`.
    Attach {
        /// The row.
        row: usize,
        /// The row it joins.
        neighbour: Neighbour,
    },
}

/// The commands of the menus and the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UiCommand {
    /// Pick a set.json or files to open.
    OpenSet,
    /// Pick a folder to open.
    OpenFolder,
    /// Type the path of a set to open.
    OpenPath,
    /// Open the example built into the binary.
    OpenBundled,
    /// Show the export window.
    Export,
    /// Close the window.
    Quit,
    /// Undo the last review edit.
    Undo,
    /// Redo the last undone review edit.
    Redo,
    /// Show or hide boilerplate rows.
    ToggleBoilerplate,
    /// Show only rows whose figures disagree.
    ToggleOnlyMismatches,
    /// Show or hide the side panel.
    ToggleSidePanel,
    /// Exchange the left and right renderings.
    SwapSides,
    /// Larger text.
    ZoomIn,
    /// Smaller text.
    ZoomOut,
    /// Text at its normal size.
    ZoomReset,
    /// Select the next row.
    NextRow,
    /// Select the previous row.
    PreviousRow,
    /// A page down.
    PageDown,
    /// A page up.
    PageUp,
    /// Select the first row.
    FirstRow,
    /// Select the last row.
    LastRow,
    /// Select the next row whose figures disagree.
    NextMismatch,
    /// Select the previous row whose figures disagree.
    PreviousMismatch,
    /// List the keyboard shortcuts.
    ShowShortcuts,
    /// Show everything the status bar said since the app started.
    ShowMessages,
}

const fn key(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

const fn shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::SHIFT, key)
}

const fn command(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn command_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(
        Modifiers {
            shift: true,
            ..Modifiers::COMMAND
        },
        key,
    )
}

impl UiCommand {
    /// Every command, in the order of the Help list.
    pub const ALL: [Self; 25] = [
        Self::NextRow,
        Self::PreviousRow,
        Self::PageDown,
        Self::PageUp,
        Self::FirstRow,
        Self::LastRow,
        Self::NextMismatch,
        Self::PreviousMismatch,
        Self::OpenSet,
        Self::OpenFolder,
        Self::OpenPath,
        Self::OpenBundled,
        Self::Export,
        Self::ZoomIn,
        Self::ZoomOut,
        Self::ZoomReset,
        Self::ToggleBoilerplate,
        Self::ToggleOnlyMismatches,
        Self::ToggleSidePanel,
        Self::SwapSides,
        Self::Undo,
        Self::Redo,
        Self::ShowShortcuts,
        Self::ShowMessages,
        Self::Quit,
    ];

    /// The label in menus, and what it does (the Help list and tooltips).
    pub fn text_and_description(self) -> (&'static str, &'static str) {
        match self {
            Self::OpenSet => ("Open set…", "Open a set: a set.json, or two or more files"),
            Self::OpenFolder => ("Open folder…", "Open a folder of articles"),
            Self::OpenPath => ("Open path…", "Type the path of a set to open"),
            Self::OpenBundled => ("Open the bundled example", "Open the bundled example"),
            Self::Export => (
                "Export…",
                "Export the comparison (HTML, Markdown, JSON, TMX, CSV)",
            ),
            Self::Quit => ("Quit", "Close the window"),
            Self::Undo => ("Undo", "Undo a review edit"),
            Self::Redo => ("Redo", "Redo"),
            Self::ToggleBoilerplate => (
                "Show boilerplate",
                "Show website chrome (dimmed), or hide it",
            ),
            Self::ToggleOnlyMismatches => (
                "Only rows with mismatches",
                "Show only rows whose figures disagree",
            ),
            Self::ToggleSidePanel => ("Side panel", "Show or hide the side panel"),
            Self::SwapSides => (
                "Swap sides",
                "Show the right rendering on the left and the left on the right (the review comes along)",
            ),
            Self::ZoomIn => ("Larger text", "Larger text"),
            Self::ZoomOut => ("Smaller text", "Smaller text"),
            Self::ZoomReset => ("Reset text size", "Normal text size"),
            Self::NextRow => ("Next row", "Next row"),
            Self::PreviousRow => ("Previous row", "Previous row"),
            Self::PageDown => ("Page down", "Page down"),
            Self::PageUp => ("Page up", "Page up"),
            Self::FirstRow => ("First row", "First row"),
            Self::LastRow => ("Last row", "Last row"),
            Self::NextMismatch => (
                "Next finding",
                "Next row with a finding: a figure mismatch, an untranslated unit, a coverage conflict, or a paragraph with figures and no counterpart",
            ),
            Self::PreviousMismatch => ("Previous finding", "Previous row with a finding"),
            Self::ShowShortcuts => ("Keyboard shortcuts", "List the keyboard shortcuts"),
            Self::ShowMessages => (
                "Messages",
                "Everything the status bar said since the app started",
            ),
        }
    }

    /// The label in menus.
    pub fn text(self) -> &'static str {
        self.text_and_description().0
    }

    /// The keys that run the command; the first is shown in menus.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        // A constant per list, so that the lists live for the whole program.
        macro_rules! keys {
            ($($shortcut:expr),* $(,)?) => {{
                const KEYS: &[KeyboardShortcut] = &[$($shortcut),*];
                KEYS
            }};
        }
        match self {
            Self::OpenSet => keys![command(Key::O)],
            Self::Undo => keys![command(Key::Z)],
            Self::Redo => keys![command_shift(Key::Z), command(Key::Y)],
            Self::ZoomIn => keys![
                command(Key::Plus),
                command(Key::Equals),
                command_shift(Key::Equals),
            ],
            Self::ZoomOut => keys![command(Key::Minus), command_shift(Key::Minus)],
            Self::ZoomReset => keys![command(Key::Num0)],
            Self::NextRow => keys![key(Key::ArrowDown), key(Key::J)],
            Self::PreviousRow => keys![key(Key::ArrowUp), key(Key::K)],
            Self::PageDown => keys![key(Key::PageDown)],
            Self::PageUp => keys![key(Key::PageUp)],
            Self::FirstRow => keys![key(Key::Home)],
            Self::LastRow => keys![key(Key::End)],
            Self::NextMismatch => keys![key(Key::N), key(Key::F8)],
            Self::PreviousMismatch => keys![shift(Key::N), shift(Key::F8)],
            Self::OpenFolder
            | Self::OpenPath
            | Self::OpenBundled
            | Self::Export
            | Self::Quit
            | Self::ToggleBoilerplate
            | Self::ToggleOnlyMismatches
            | Self::ToggleSidePanel
            | Self::SwapSides
            | Self::ShowShortcuts
            | Self::ShowMessages => &[],
        }
    }

    /// Shortcuts that work while a text field has the keyboard (they cannot be typed text).
    fn works_while_typing(self) -> bool {
        matches!(
            self,
            Self::OpenSet | Self::ZoomIn | Self::ZoomOut | Self::ZoomReset
        )
    }

    /// All shortcuts in words ("n  or  F8"), or `None` for a command without one.
    pub fn shortcut_text(self, ctx: &egui::Context) -> Option<String> {
        let shortcuts = self.shortcuts();
        if shortcuts.is_empty() {
            return None;
        }
        let texts: Vec<String> = shortcuts
            .iter()
            .map(|shortcut| ctx.format_shortcut(shortcut))
            .collect();
        Some(texts.join("  or  "))
    }

    /// A menu item for the command: its label and first shortcut. True when clicked.
    pub fn menu_item(self, ui: &mut egui::Ui, enabled: bool) -> bool {
        let mut button = egui::Button::new(self.text());
        if let Some(first) = self.shortcuts().first() {
            button = button.shortcut_text(ui.ctx().format_shortcut(first));
        }
        ui.add_enabled(enabled, button)
            .on_hover_text(self.text_and_description().1)
            .clicked()
    }

    /// The commands whose shortcuts were pressed this frame (their key presses are consumed).
    /// While a text field has the keyboard only shortcuts that cannot be typed text count.
    pub fn pressed(ctx: &egui::Context) -> Vec<Self> {
        let typing = ctx.egui_wants_keyboard_input();
        let mut shortcuts: Vec<(Self, KeyboardShortcut)> = Self::ALL
            .iter()
            .filter(|command| !typing || command.works_while_typing())
            .flat_map(|&command| {
                command
                    .shortcuts()
                    .iter()
                    .map(move |&shortcut| (command, shortcut))
            })
            .collect();
        // The most specific first: Shift+N before N, Ctrl+Shift+Z before Ctrl+Z (egui ignores
        // extra Shift when matching).
        shortcuts.sort_by_key(|(_, shortcut)| Reverse(modifier_count(shortcut.modifiers)));
        let mut pressed = Vec::new();
        ctx.input_mut(|input| {
            for (command, shortcut) in shortcuts {
                if input.consume_shortcut(&shortcut) && !pressed.contains(&command) {
                    pressed.push(command);
                }
            }
        });
        pressed
    }
}

fn modifier_count(modifiers: Modifiers) -> usize {
    [
        modifiers.alt,
        modifiers.ctrl,
        modifiers.shift,
        modifiers.mac_cmd,
        modifiers.command,
    ]
    .into_iter()
    .filter(|&on| on)
    .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shortcut_belongs_to_one_command() {
        let mut seen = Vec::new();
        for command in UiCommand::ALL {
            for shortcut in command.shortcuts() {
                assert!(
                    !seen.contains(shortcut),
                    "{shortcut:?} of {command:?} is taken"
                );
                seen.push(*shortcut);
            }
        }
    }
}
