//! Every colour the window uses, for light and dark mode (no other module names a colour),
//! and the fonts.

// The one place that declares colours (clippy.toml forbids them elsewhere).
#![allow(clippy::disallowed_methods)]

use egui::{Color32, Visuals};

/// The colours of the reading view.
#[derive(Clone, Copy, Debug)]
pub struct Theme {
    /// Body text.
    pub text: Color32,
    /// Headings.
    pub heading: Color32,
    /// Boilerplate (dimmed).
    pub boilerplate: Color32,
    /// Paragraph numbers and other quiet labels.
    pub weak: Color32,
    /// Background of the selected row.
    pub selected_row: Color32,
    /// Outline of the selected row.
    pub selected_outline: Color32,
    /// Background of a row with a paragraph on one side only.
    pub unmatched_row: Color32,
    /// Background of rows merging several paragraphs.
    pub merged_row: Color32,
    /// Thin lines between rows.
    pub separator: Color32,
    /// Error messages.
    pub error: Color32,
    /// Warnings.
    pub warning: Color32,
    /// Underline of a figure that agrees with the other side.
    pub figure_underline: Color32,
    /// Background of a figure that agrees (a light tint).
    pub figure_background: Color32,
    /// Background of a mismatched figure.
    pub mismatch_background: Color32,
    /// Text of a mismatched figure.
    pub mismatch_text: Color32,
    /// The margin mark of a row with mismatches.
    pub mismatch_marker: Color32,
    /// Text of a coverage link marker.
    pub link_marker: Color32,
    /// Background of a coverage link marker.
    pub link_chip: Color32,
    /// Background of a figure that agrees with the row, in coverage text.
    pub agree_background: Color32,
    /// Background of a figure that conflicts with the row, in coverage text.
    pub conflict_background: Color32,
    /// Background of the coverage paragraph a link points at.
    pub target_paragraph: Color32,
    /// The review status "OK".
    pub status_ok: Color32,
    /// Rows whose text changed in the last reload (faded out over a few seconds).
    pub reloaded_row: Color32,
}

impl Theme {
    /// The theme for the current light or dark visuals.
    pub fn for_visuals(visuals: &Visuals) -> Self {
        if visuals.dark_mode {
            Self {
                text: Color32::from_gray(225),
                heading: Color32::from_rgb(235, 235, 245),
                boilerplate: Color32::from_gray(120),
                weak: Color32::from_gray(160),
                selected_row: Color32::from_rgb(38, 52, 74),
                selected_outline: Color32::from_rgb(90, 140, 210),
                unmatched_row: Color32::from_rgb(62, 46, 26),
                merged_row: Color32::from_rgb(34, 44, 38),
                separator: Color32::from_gray(55),
                error: Color32::from_rgb(255, 120, 110),
                warning: Color32::from_rgb(235, 190, 90),
                figure_underline: Color32::from_rgb(100, 160, 230),
                figure_background: Color32::from_rgb(30, 42, 58),
                mismatch_background: Color32::from_rgb(150, 30, 40),
                mismatch_text: Color32::from_rgb(255, 240, 240),
                mismatch_marker: Color32::from_rgb(240, 80, 80),
                link_marker: Color32::from_rgb(150, 200, 255),
                link_chip: Color32::from_rgb(32, 48, 70),
                agree_background: Color32::from_rgb(28, 70, 45),
                conflict_background: Color32::from_rgb(100, 70, 10),
                target_paragraph: Color32::from_rgb(38, 52, 74),
                status_ok: Color32::from_rgb(90, 200, 120),
                reloaded_row: Color32::from_rgb(120, 100, 20),
            }
        } else {
            Self {
                text: Color32::from_gray(25),
                heading: Color32::from_rgb(10, 20, 50),
                boilerplate: Color32::from_gray(150),
                weak: Color32::from_gray(95),
                selected_row: Color32::from_rgb(222, 234, 252),
                selected_outline: Color32::from_rgb(70, 120, 200),
                unmatched_row: Color32::from_rgb(253, 240, 218),
                merged_row: Color32::from_rgb(232, 245, 236),
                separator: Color32::from_gray(225),
                error: Color32::from_rgb(190, 30, 30),
                warning: Color32::from_rgb(150, 95, 0),
                figure_underline: Color32::from_rgb(60, 120, 200),
                figure_background: Color32::from_rgb(234, 242, 252),
                mismatch_background: Color32::from_rgb(255, 205, 205),
                mismatch_text: Color32::from_rgb(140, 0, 0),
                mismatch_marker: Color32::from_rgb(210, 40, 40),
                link_marker: Color32::from_rgb(30, 80, 160),
                link_chip: Color32::from_rgb(226, 236, 250),
                agree_background: Color32::from_rgb(214, 240, 220),
                conflict_background: Color32::from_rgb(255, 228, 170),
                target_paragraph: Color32::from_rgb(222, 234, 252),
                status_ok: Color32::from_rgb(30, 140, 70),
                reloaded_row: Color32::from_rgb(255, 236, 150),
            }
        }
    }
}

/// Add `DejaVu Sans` after egui's own fonts: arrows, superscripts and the wider Latin, Greek and
/// Cyrillic ranges of news texts that the default fonts lack. A no-op once installed.
pub fn install_fonts(ctx: &egui::Context) {
    // Weak text (hints, notes under headings) at 0.6 of the text colour reads grey on grey;
    // 0.78 keeps it lighter than text and above a 4.5:1 contrast in both themes.
    ctx.all_styles_mut(|style| style.visuals.weak_text_alpha = 0.78);
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
