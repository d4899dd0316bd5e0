//! The side-by-side reading view: one row per aligned row, the two cells top-aligned and the row
//! as tall as its taller cell.
//!
//! Only the rows inside the viewport are laid out each frame. Row heights are kept here: rows
//! never seen have an estimate from their text length and the column width, replaced by the
//! measured height once the row has been on screen. That keeps a 10,000-row book as cheap per
//! frame as a short article.
//!
//! This file keeps the rows' places and heights, the scrolling and the header; `row` lays out
//! and paints one row: its two cells (paragraph text with figures marked), its gutter and its
//! coverage markers.

use egui::{Rect, RichText, Ui, pos2, vec2};

use crate::comparison::Comparison;
use crate::set::Document;
use crate::side::Side;

use super::theme::Theme;

mod row;

use row::{RowCells, RowPlace, moved_link_ui};

/// Width of the gutter left of the two columns.
const GUTTER_WIDTH: f32 = 28.0;
/// Space between the two columns.
const COLUMN_GAP: f32 = 16.0;
/// Padding inside a row, above and below the text.
const ROW_PADDING: f32 = 6.0;
/// Base font size of body text at zoom 1.
pub const BASE_FONT_SIZE: f32 = 14.0;
/// Width of the column of coverage link markers right of the text.
const LINKS_WIDTH: f32 = 84.0;
/// Room for the scroll bar.
const SCROLL_BAR: f32 = 12.0;

/// Where the parts of a row go, from the available width (shared with the column header).
#[derive(Clone, Copy, Debug)]
pub struct Geometry {
    /// Width of each text column.
    pub column_width: f32,
    /// Offset of the left column from the row's left edge.
    pub left_x: f32,
    /// Offset of the right column.
    pub right_x: f32,
    /// Offset of the link markers.
    pub links_x: f32,
    /// Width of a row.
    pub row_width: f32,
}

impl Geometry {
    /// The layout for `full_width` points.
    pub fn new(full_width: f32) -> Self {
        let row_width = full_width - SCROLL_BAR;
        let column_width =
            ((row_width - GUTTER_WIDTH - 2.0 * COLUMN_GAP - LINKS_WIDTH) / 2.0).max(120.0);
        let left_x = GUTTER_WIDTH;
        let right_x = left_x + column_width + COLUMN_GAP;
        let links_x = right_x + column_width + COLUMN_GAP;
        Self {
            column_width,
            left_x,
            right_x,
            links_x,
            row_width,
        }
    }
}

/// Where to scroll on the next frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScrollTarget {
    /// Scroll just enough to show this shown-row position.
    Reveal(usize),
    /// Put this shown-row position at the top.
    Top(usize),
}

/// What the view reports back to the app.
#[derive(Clone, Copy, Debug, Default)]
pub struct ViewResponse {
    /// The comparison row the user clicked.
    pub clicked_row: Option<usize>,
    /// The user clicked the coverage markers of this row.
    pub coverage_clicked: bool,
    /// The user followed a moved paragraph's link to this row.
    pub jump_to: Option<usize>,
}

/// State of the reading view (runtime only).
#[derive(Default)]
pub struct ReadingView {
    /// Comparison rows shown, ascending (rows of only boilerplate may be hidden).
    shown: Vec<usize>,
    /// Height of every comparison row (estimated or measured) at the current layout.
    heights: Vec<f32>,
    measured: Vec<bool>,
    /// Top of every shown row, plus the total height at the end.
    tops: Vec<f32>,
    /// Column width and font size the heights are for.
    layout_key: Option<(u32, u32)>,
    scroll_target: Option<(ScrollTarget, u8)>,
    viewport_height: f32,
    scroll_offset: f32,
    /// Rows to tint (those a reload changed), ascending, and how strongly (0 to 1).
    pub flash: (Vec<usize>, f32),
}

impl ReadingView {
    /// Set the rows to show (after a load or a filter change).
    pub fn set_shown(&mut self, comparison: &Comparison, shown: Vec<usize>) {
        if self.heights.len() != comparison.rows.len() {
            self.heights = vec![0.0; comparison.rows.len()];
            self.measured = vec![false; comparison.rows.len()];
            self.layout_key = None;
        }
        self.shown = shown;
        self.tops.clear();
    }

    /// Forget all heights (a new comparison was loaded).
    pub fn reset(&mut self) {
        self.heights.clear();
        self.measured.clear();
        self.tops.clear();
        self.shown.clear();
        self.layout_key = None;
        self.scroll_target = Some((ScrollTarget::Top(0), 2));
    }

    /// The comparison rows shown, ascending.
    pub fn shown(&self) -> &[usize] {
        &self.shown
    }

    /// The shown position of a comparison row, or of the nearest shown row after it.
    pub fn position_of(&self, row: usize) -> usize {
        self.shown
            .partition_point(|&r| r < row)
            .min(self.shown.len().saturating_sub(1))
    }

    /// Scroll on the next frames.
    pub fn scroll_to(&mut self, target: ScrollTarget) {
        // Heights of rows not yet seen are estimates: apply the target again once they are
        // measured.
        self.scroll_target = Some((target, 3));
    }

    /// The shown position of the first row on screen.
    pub fn first_visible(&self) -> usize {
        self.tops
            .partition_point(|&y| y <= self.scroll_offset)
            .saturating_sub(1)
    }

    /// About how many rows fit in the viewport (for Page Up / Page Down).
    pub fn rows_per_page(&self) -> usize {
        let first = self.tops.partition_point(|&y| y <= self.scroll_offset);
        let last = self
            .tops
            .partition_point(|&y| y <= self.scroll_offset + self.viewport_height);
        last.saturating_sub(first).max(1)
    }

    /// Draw the rows; `selected` is a comparison row index.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        comparison: &Comparison,
        selected: Option<usize>,
        zoom: f32,
    ) -> ViewResponse {
        let theme = Theme::for_visuals(ui.visuals());
        let full_width = ui.available_width();
        let geometry = Geometry::new(full_width);
        let column_width = geometry.column_width;
        let font_size = BASE_FONT_SIZE * zoom;
        let key = (
            column_width.round() as u32,
            (font_size * 10.0).round() as u32,
        );
        if self.layout_key != Some(key) {
            self.layout_key = Some(key);
            self.measured.iter_mut().for_each(|m| *m = false);
            for (row_idx, height) in self.heights.iter_mut().enumerate() {
                *height = estimate_height(comparison, row_idx, column_width, font_size);
            }
            self.tops.clear();
        }
        if self.tops.len() != self.shown.len() + 1 {
            self.recompute_tops();
        }

        let mut scroll_area = egui::ScrollArea::vertical()
            .id_salt("reading_rows")
            .auto_shrink([false, false]);
        if let Some((target, frames_left)) = self.scroll_target {
            if let Some(offset) = self.target_offset(target) {
                scroll_area = scroll_area.vertical_scroll_offset(offset);
            }
            self.scroll_target = (frames_left > 1).then_some((target, frames_left - 1));
        }

        let mut response = ViewResponse::default();
        let mut changed = false;
        let output = scroll_area.show_viewport(ui, |ui, viewport| {
            let total = self.tops.last().copied().unwrap_or(0.0);
            ui.set_min_height(total);
            ui.set_min_width(geometry.row_width);
            let origin = ui.max_rect().min;
            let first = self
                .tops
                .partition_point(|&y| y <= viewport.min.y)
                .saturating_sub(1);
            let mut y = self.tops.get(first).copied().unwrap_or(0.0);
            let mut pos = first;
            while pos < self.shown.len() && y < viewport.max.y {
                let row_idx = self.shown[pos];
                let cells =
                    RowCells::layout(ui, comparison, row_idx, column_width, font_size, &theme);
                let height = cells.height();
                let rect = Rect::from_min_size(
                    pos2(origin.x, origin.y + y),
                    vec2(geometry.row_width, height),
                );
                let place = RowPlace {
                    rect,
                    geometry,
                    row_idx,
                    is_selected: selected == Some(row_idx),
                    flash: if self.flash.0.binary_search(&row_idx).is_ok() {
                        self.flash.1
                    } else {
                        0.0
                    },
                };
                let (clicked, coverage_clicked) = cells.ui(ui, &place, comparison, &theme);
                if let Some(partner) = moved_link_ui(ui, &place, comparison) {
                    response.jump_to = Some(partner);
                }
                if clicked || coverage_clicked {
                    response.clicked_row = Some(row_idx);
                    response.coverage_clicked = coverage_clicked;
                }
                if (self.heights[row_idx] - height).abs() > 0.5 {
                    self.heights[row_idx] = height;
                    changed = true;
                }
                self.measured[row_idx] = true;
                y += height;
                pos += 1;
            }
        });
        self.viewport_height = output.inner_rect.height();
        self.scroll_offset = output.state.clamped_offset().y;
        if changed {
            self.recompute_tops();
            ui.ctx().request_repaint();
        }
        response
    }

    fn recompute_tops(&mut self) {
        self.tops.clear();
        self.tops.reserve(self.shown.len() + 1);
        let mut y = 0.0;
        for &row_idx in &self.shown {
            self.tops.push(y);
            y += self.heights.get(row_idx).copied().unwrap_or(0.0);
        }
        self.tops.push(y);
    }

    fn target_offset(&self, target: ScrollTarget) -> Option<f32> {
        match target {
            ScrollTarget::Top(pos) => self.tops.get(pos).copied(),
            ScrollTarget::Reveal(pos) => {
                let top = *self.tops.get(pos)?;
                let bottom = *self.tops.get(pos + 1)?;
                if top < self.scroll_offset || bottom - top > self.viewport_height {
                    Some(top)
                } else if bottom > self.scroll_offset + self.viewport_height {
                    Some(bottom - self.viewport_height)
                } else {
                    None
                }
            }
        }
    }
}

/// The column headers: each side's label and language, over its column.
pub fn header_ui(ui: &mut Ui, comparison: &Comparison) {
    let geometry = Geometry::new(ui.available_width());
    let column = geometry.column_width;
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        ui.add_space(geometry.left_x);
        for side in Side::BOTH {
            let doc = comparison.set.side(side);
            if side == Side::Right {
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
                        RichText::new(format!("{} ({})", crate::lang::name(&doc.lang), doc.lang))
                            .weak(),
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

/// Rough height of a row before it is laid out: lines from the text length and column width.
fn estimate_height(
    comparison: &Comparison,
    row_idx: usize,
    column_width: f32,
    font_size: f32,
) -> f32 {
    let row = &comparison.rows[row_idx];
    let chars_per_line = (column_width / (font_size * 0.5)).max(10.0);
    let line_height = font_size * 1.3;
    let side = |doc: &Document, indices: &[usize]| -> f32 {
        if indices.is_empty() {
            return line_height;
        }
        indices
            .iter()
            .map(|&idx| {
                let chars = doc.paragraphs[idx].text.chars().count() as f32 + 6.0;
                (chars / chars_per_line).ceil() * line_height
            })
            .sum::<f32>()
            + (indices.len() - 1) as f32 * line_height
    };
    side(comparison.set.left(), &row.left)
        .max(side(comparison.set.right(), &row.right))
        .max(link_markers_height(comparison, row_idx))
        + 2.0 * ROW_PADDING
}

/// The height of a link marker, with the gap below it.
const LINK_MARKER_STEP: f32 = 19.0;

/// The height of a row's link markers, one line per coverage document: a row is never shorter,
/// so that no marker is cut off (a one-line heading linked to three documents).
fn link_markers_height(comparison: &Comparison, row_idx: usize) -> f32 {
    let documents = links_per_document(&comparison.links[row_idx]).len();
    (documents as f32 * LINK_MARKER_STEP - 3.0).max(0.0)
}

/// A row's links by coverage document: (document, links, conflicts), by document.
fn links_per_document(links: &[crate::link::Link]) -> Vec<(usize, usize, usize)> {
    let mut per_document: Vec<(usize, usize, usize)> = Vec::new();
    for link in links {
        match per_document
            .iter_mut()
            .find(|(doc, _, _)| *doc == link.document)
        {
            Some(entry) => {
                entry.1 += 1;
                entry.2 += link.figures_conflict.len();
            }
            None => per_document.push((link.document, 1, link.figures_conflict.len())),
        }
    }
    per_document.sort_unstable();
    per_document
}

#[cfg(test)]
mod tests {
    use super::row::{CellStyle, cell_job, figure_tooltip};
    use super::*;
    use crate::figures::compare::FigureRef;
    use egui::text::TextFormat;

    /// A one-line heading linked to three coverage documents is tall enough for its three
    /// markers, laid out or estimated.
    #[test]
    fn a_row_is_tall_enough_for_its_link_markers() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/measles");
        let comparison = Comparison::build(crate::set::load(&[dir]).unwrap());
        let documents: std::collections::BTreeSet<usize> =
            comparison.links[0].iter().map(|l| l.document).collect();
        assert_eq!(documents.len(), 3, "{:?}", comparison.links[0]);
        let markers = link_markers_height(&comparison, 0);
        assert!(markers >= 3.0 * 16.0, "{markers}");
        // Wide columns: the heading's text takes one line.
        assert!(estimate_height(&comparison, 0, 2000.0, 14.0) >= markers + 2.0 * ROW_PADDING);
    }

    fn comparison(sv: &str, nl: &str) -> Comparison {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), sv).unwrap();
        std::fs::write(dir.path().join("b.txt"), nl).unwrap();
        std::fs::write(
            dir.path().join("set.json"),
            r#"{"left": {"path": "a.txt", "lang": "sv"}, "right": {"path": "b.txt", "lang": "nl"}}"#,
        )
        .unwrap();
        Comparison::build(crate::set::load(&[dir.path().to_path_buf()]).unwrap())
    }

    #[test]
    fn figures_become_spans_with_readings_and_reasons() {
        let comparison = comparison(
            "SoftBank sålde aktier för 5,83 miljarder dollar i oktober 2025.",
            "SoftBank verkocht aandelen voor $ 5,38 miljard in oktober 2025.",
        );
        let theme = Theme::for_visuals(&egui::Visuals::light());
        let style = CellStyle {
            width: 400.0,
            font_size: 14.0,
            theme: &theme,
        };
        let row = &comparison.rows[0];
        let mismatches = &comparison.mismatches[0];
        assert_eq!(mismatches.len(), 1);
        let marks: Vec<Vec<crate::comparison::Mark>> = row
            .right
            .iter()
            .map(|&p| comparison.figure_marks(0, Side::Right, p))
            .collect();
        let (job, spans) = cell_job(comparison.set.right(), &row.right, &marks, &style);
        assert_eq!(spans.len(), 2);
        // The span covers the figure's characters in the laid-out text ("¶0 " comes first).
        let chars: Vec<char> = job.text.chars().collect();
        let first: String = chars[spans[0].char_range.clone()].iter().collect();
        assert_eq!(first, "$ 5,38 miljard");
        // The mismatched figure is highlighted, the agreeing one only tinted.
        let formats: Vec<&TextFormat> = job.sections.iter().map(|s| &s.format).collect();
        assert!(
            formats
                .iter()
                .any(|f| f.background == theme.mismatch_background)
        );
        assert!(
            formats
                .iter()
                .any(|f| f.background == theme.figure_background)
        );
        let tip = figure_tooltip(&comparison, 0, Side::Right, mismatches, &spans[0]);
        assert!(tip.contains("5.38 × 10⁹ USD"), "{tip}");
        assert!(tip.contains("5,83 → 5,38: value differs"), "{tip}");
        assert!(tip.contains("\na: “5,83 miljarder dollar”"), "{tip}");
        let tip = figure_tooltip(&comparison, 0, Side::Right, mismatches, &spans[1]);
        assert!(!tip.contains("Mismatch"), "{tip}");
    }

    /// A figure that a coverage source reports differently is marked in the text, not only by
    /// the "≠" in the margin, and its hover says which source says what.
    #[test]
    fn a_conflicting_figure_is_marked_in_its_text() {
        let comparison = Comparison::build(crate::set::bundled());
        let (row_idx, conflict) = (0..comparison.rows.len())
            .find_map(|row| {
                comparison
                    .open_conflicts(row)
                    .next()
                    .map(|(_, c)| (row, c.clone()))
            })
            .expect("the bundled set has a coverage conflict");
        let theme = Theme::for_visuals(&egui::Visuals::light());
        let style = CellStyle {
            width: 400.0,
            font_size: 14.0,
            theme: &theme,
        };
        let side = conflict.row_figure.side;
        let at = FigureRef {
            paragraph: conflict.row_figure.paragraph,
            figure: conflict.row_figure.figure,
        };
        let row = &comparison.rows[row_idx];
        let marks: Vec<Vec<crate::comparison::Mark>> = row
            .side(side)
            .iter()
            .map(|&p| comparison.figure_marks(row_idx, side, p))
            .collect();
        let (job, spans) = cell_job(comparison.set.side(side), row.side(side), &marks, &style);
        let marked: Vec<&str> = job
            .sections
            .iter()
            .filter(|s| s.format.background == theme.conflict_background)
            .map(|s| &job.text[s.byte_range.start.0..s.byte_range.end.0])
            .collect();
        let figure = comparison.set.side(side).figure(at);
        assert_eq!(marked, [figure.text.as_str()]);
        let span = spans
            .iter()
            .find(|s| s.paragraph == at.paragraph && s.figure == at.figure)
            .unwrap();
        let tip = figure_tooltip(&comparison, row_idx, side, &[], span);
        assert!(tip.contains("Coverage conflict"), "{tip}");
        assert!(tip.contains(&conflict.reason), "{tip}");
    }
}
