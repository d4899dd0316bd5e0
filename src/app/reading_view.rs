//! The side-by-side reading view: one row per aligned row, the two cells top-aligned and the row
//! as tall as its taller cell.
//!
//! Only the rows inside the viewport are laid out each frame. Row heights are kept here: rows
//! never seen have an estimate from their text length and the column width, replaced by the
//! measured height once the row has been on screen. That keeps a 10,000-row book as cheap per
//! frame as a short article.

use egui::text::{LayoutJob, TextFormat};
use egui::{FontId, Galley, Label, Rect, Sense, Stroke, Ui, Vec2, pos2, vec2};
use std::sync::Arc;

use crate::comparison::Comparison;
use crate::paragraph::ParagraphKind;
use crate::set::Document;

use super::theme::Theme;

/// Width of the gutter left of the two columns.
const GUTTER_WIDTH: f32 = 28.0;
/// Space between the two columns.
const COLUMN_GAP: f32 = 16.0;
/// Padding inside a row, above and below the text.
const ROW_PADDING: f32 = 6.0;
/// Base font size of body text at zoom 1.
pub const BASE_FONT_SIZE: f32 = 14.0;

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
        let column_width = ((full_width - GUTTER_WIDTH - COLUMN_GAP - 12.0) / 2.0).max(120.0);
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
            ui.set_min_width(full_width - 12.0);
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
                    vec2(full_width - 12.0, height),
                );
                if cells.ui(
                    ui,
                    rect,
                    comparison,
                    row_idx,
                    selected == Some(row_idx),
                    &theme,
                ) {
                    response.clicked_row = Some(row_idx);
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
    side(comparison.set.left(), &row.left).max(side(comparison.set.right(), &row.right))
        + 2.0 * ROW_PADDING
}

/// The laid-out text of one row.
struct RowCells {
    left: Arc<Galley>,
    right: Arc<Galley>,
}

impl RowCells {
    fn layout(
        ui: &Ui,
        comparison: &Comparison,
        row_idx: usize,
        column_width: f32,
        font_size: f32,
        theme: &Theme,
    ) -> Self {
        let row = &comparison.rows[row_idx];
        let left_job = cell_job(
            comparison.set.left(),
            &row.left,
            column_width,
            font_size,
            theme,
        );
        let right_job = cell_job(
            comparison.set.right(),
            &row.right,
            column_width,
            font_size,
            theme,
        );
        let left = ui.fonts_mut(|fonts| fonts.layout_job(left_job));
        let right = ui.fonts_mut(|fonts| fonts.layout_job(right_job));
        Self { left, right }
    }

    fn height(&self) -> f32 {
        self.left.size().y.max(self.right.size().y) + 2.0 * ROW_PADDING
    }

    /// Paint the row into `rect`; true when it was clicked.
    fn ui(
        self,
        ui: &mut Ui,
        rect: Rect,
        comparison: &Comparison,
        row_idx: usize,
        is_selected: bool,
        theme: &Theme,
    ) -> bool {
        let row = &comparison.rows[row_idx];
        let row_response = ui.interact(rect, ui.scope_id().with(("row", row_idx)), Sense::click());
        let painter = ui.painter_at(rect.expand(1.0));
        let background = if is_selected {
            Some(theme.selected_row)
        } else if row.is_unmatched() {
            Some(theme.unmatched_row)
        } else if row.left.len() > 1 || row.right.len() > 1 {
            Some(theme.merged_row)
        } else {
            None
        };
        if let Some(color) = background {
            painter.rect_filled(rect, 2.0, color);
        }
        if is_selected {
            painter.rect_stroke(
                rect.shrink(0.5),
                2.0,
                Stroke::new(1.5, theme.selected_outline),
                egui::StrokeKind::Inside,
            );
        }
        painter.hline(
            rect.x_range(),
            rect.bottom() - 0.5,
            Stroke::new(1.0, theme.separator),
        );
        // The gutter says what kind of row this is: a triangle towards the side that has the
        // only paragraph, or a bracket for a merge.
        let centre = pos2(
            rect.left() + GUTTER_WIDTH / 2.0,
            rect.top() + ROW_PADDING + 7.0,
        );
        let stroke = Stroke::new(1.5, theme.weak);
        if row.is_unmatched() {
            let dir = if row.left.is_empty() { 1.0 } else { -1.0 };
            let points = vec![
                centre + vec2(dir * 5.0, 0.0),
                centre + vec2(-dir * 4.0, -5.0),
                centre + vec2(-dir * 4.0, 5.0),
            ];
            painter.add(egui::Shape::convex_polygon(
                points,
                theme.weak,
                Stroke::NONE,
            ));
        } else if row.left.len() > 1 || row.right.len() > 1 {
            let top = centre - vec2(0.0, 6.0);
            let bottom = pos2(centre.x, rect.bottom() - ROW_PADDING);
            painter.line_segment([top, bottom], stroke);
            painter.line_segment([top, top + vec2(4.0, 0.0)], stroke);
            painter.line_segment([bottom, bottom + vec2(4.0, 0.0)], stroke);
        }
        let left_rect = Rect::from_min_size(
            pos2(rect.left() + GUTTER_WIDTH, rect.top() + ROW_PADDING),
            self.left.size().max(Vec2::new(1.0, 1.0)),
        );
        let right_x = rect.left()
            + GUTTER_WIDTH
            + (rect.width() - GUTTER_WIDTH - COLUMN_GAP) / 2.0
            + COLUMN_GAP;
        let right_rect = Rect::from_min_size(
            pos2(right_x, rect.top() + ROW_PADDING),
            self.right.size().max(Vec2::new(1.0, 1.0)),
        );
        let left_text = joined_text(comparison.set.left(), &row.left);
        let right_text = joined_text(comparison.set.right(), &row.right);
        let left_response = ui.put(
            left_rect,
            Label::new(self.left)
                .selectable(false)
                .sense(Sense::click()),
        );
        let right_response = ui.put(
            right_rect,
            Label::new(self.right)
                .selectable(false)
                .sense(Sense::click()),
        );
        for (response, text) in [(&left_response, left_text), (&right_response, right_text)] {
            response.context_menu(|ui| {
                if ui.button("Copy paragraph text").clicked() {
                    ui.ctx().copy_text(text.clone());
                }
            });
        }
        row_response.clicked() || left_response.clicked() || right_response.clicked()
    }
}

fn joined_text(doc: &Document, indices: &[usize]) -> String {
    indices
        .iter()
        .map(|&idx| doc.paragraphs[idx].text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The text of one cell: each paragraph with its number, styled by kind.
fn cell_job(
    doc: &Document,
    indices: &[usize],
    width: f32,
    font_size: f32,
    theme: &Theme,
) -> LayoutJob {
    let mut job = LayoutJob::default();
    job.wrap.max_width = width;
    let number_format = TextFormat {
        font_id: FontId::monospace(font_size * 0.72),
        color: theme.weak,
        ..Default::default()
    };
    if indices.is_empty() {
        job.append(
            &format!(
                "no counterpart in the {} text",
                crate::lang::name(&doc.lang)
            ),
            0.0,
            TextFormat {
                font_id: FontId::proportional(font_size * 0.9),
                color: theme.weak,
                italics: true,
                ..Default::default()
            },
        );
        return job;
    }
    for (n, &idx) in indices.iter().enumerate() {
        let paragraph = &doc.paragraphs[idx];
        if n > 0 {
            job.append("\n\n", 0.0, number_format.clone());
        }
        job.append(&format!("¶{idx} "), 0.0, number_format.clone());
        let format = match paragraph.kind {
            ParagraphKind::Heading => TextFormat {
                font_id: FontId::proportional(font_size * 1.2),
                color: theme.heading,
                ..Default::default()
            },
            ParagraphKind::Body => TextFormat {
                font_id: FontId::proportional(font_size),
                color: theme.text,
                ..Default::default()
            },
            ParagraphKind::Boilerplate => TextFormat {
                font_id: FontId::proportional(font_size * 0.9),
                color: theme.boilerplate,
                italics: true,
                ..Default::default()
            },
        };
        job.append(&paragraph.text, 0.0, format);
    }
    job
}
