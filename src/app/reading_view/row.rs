//! One row of the reading view: its two cells (the paragraphs with their figures marked), its
//! gutter, its coverage markers and the link of a moved paragraph.

use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat};
use egui::{FontId, Galley, Label, Rect, Sense, Stroke, Ui, Vec2, pos2, vec2};

use crate::classify::ParagraphKind;
use crate::comparison::{Comparison, Mark};
use crate::figures::compare::{FigureRef, Mismatch};
use crate::set::Document;
use crate::side::Side;

use super::super::theme::Theme;
use super::{
    GUTTER_WIDTH, Geometry, LINK_MARKER_STEP, ROW_PADDING, link_markers_height, links_per_document,
};

/// A figure's place in a cell's laid-out text.
#[derive(Clone, Debug)]
pub(super) struct FigureSpan {
    pub(super) char_range: std::ops::Range<usize>,
    pub(super) paragraph: usize,
    pub(super) figure: usize,
}

/// A laid-out cell and where its figures are.
struct Cell {
    galley: Arc<Galley>,
    spans: Vec<FigureSpan>,
}

/// The laid-out text of one row: its left and right cells, and the height its link markers
/// need.
pub(super) struct RowCells {
    cells: [Cell; 2],
    markers: f32,
}

impl RowCells {
    pub(super) fn layout(
        ui: &Ui,
        comparison: &Comparison,
        row_idx: usize,
        column_width: f32,
        font_size: f32,
        theme: &Theme,
    ) -> Self {
        let row = &comparison.rows[row_idx];
        let style = CellStyle {
            width: column_width,
            font_size,
            theme,
        };
        let moved = comparison.moved_partner(row_idx).is_some();
        let cells = Side::BOTH.map(|side| {
            let doc = comparison.set.side(side);
            // The empty side of a moved paragraph's row holds the link to its other end.
            let (job, spans) = if moved && row.side(side).is_empty() {
                (egui::text::LayoutJob::default(), Vec::new())
            } else {
                // The one answer to what is marked, shared with every export.
                let marks: Vec<Vec<Mark>> = row
                    .side(side)
                    .iter()
                    .map(|&p| comparison.figure_marks(row_idx, side, p))
                    .collect();
                cell_job(doc, row.side(side), &marks, &style)
            };
            Cell {
                galley: ui.fonts_mut(|fonts| fonts.layout_job(job)),
                spans,
            }
        });
        Self {
            cells,
            markers: link_markers_height(comparison, row_idx),
        }
    }

    pub(super) fn height(&self) -> f32 {
        let [left, right] = &self.cells;
        left.galley
            .size()
            .y
            .max(right.galley.size().y)
            .max(self.markers)
            + 2.0 * ROW_PADDING
    }

    /// Paint the row into its place; returns (row clicked, coverage markers clicked).
    pub(super) fn ui(
        self,
        ui: &mut Ui,
        place: &RowPlace,
        comparison: &Comparison,
        theme: &Theme,
    ) -> (bool, bool) {
        let RowPlace {
            rect,
            geometry,
            row_idx,
            ..
        } = *place;
        let row_response = ui.interact(rect, ui.scope_id().with(("row", row_idx)), Sense::click());
        let painter = ui.painter_at(rect.expand(1.0));
        gutter_ui(&painter, place, comparison, theme);
        // What the gutter's marks mean, on hover: the mismatch count, the review status dot,
        // the note mark and the row's shape.
        let gutter = Rect::from_min_size(rect.min, vec2(GUTTER_WIDTH, rect.height()));
        ui.interact(
            gutter,
            ui.scope_id().with(("gutter", row_idx)),
            Sense::hover(),
        )
        .on_hover_text_at_pointer(gutter_tooltip(comparison, row_idx));
        link_markers_ui(&painter, place, comparison, theme);
        let mut coverage_clicked = false;
        if !comparison.links[row_idx].is_empty() {
            let markers = Rect::from_min_max(
                pos2(rect.left() + geometry.links_x, rect.top()),
                rect.right_bottom(),
            );
            coverage_clicked = ui
                .interact(
                    markers,
                    ui.scope_id().with(("links", row_idx)),
                    Sense::click(),
                )
                .on_hover_text_at_pointer("Show the coverage of this row")
                .clicked();
        }
        let mut clicked = row_response.clicked();
        for (side, cell) in Side::BOTH.into_iter().zip(self.cells) {
            let x = match side {
                Side::Left => geometry.left_x,
                Side::Right => geometry.right_x,
            };
            clicked |= cell_ui(
                ui,
                cell,
                pos2(rect.left() + x, rect.top() + ROW_PADDING),
                place,
                side,
                comparison,
            );
        }
        (clicked, coverage_clicked)
    }
}

/// In the empty cell of a row whose paragraph moved, a link to the row at the other end:
/// "moved here from row N" beside a translation that moved, "moved to row N" beside its
/// source. Returns the row to jump to when clicked.
pub(super) fn moved_link_ui(
    ui: &mut Ui,
    place: &RowPlace,
    comparison: &Comparison,
) -> Option<usize> {
    let (partner, note) = comparison.moved_note(place.row_idx)?;
    let x = if comparison.rows[place.row_idx].left.is_empty() {
        place.geometry.left_x
    } else {
        place.geometry.right_x
    };
    let text = format!("↪ {note}");
    let at = Rect::from_min_size(
        pos2(place.rect.left() + x, place.rect.top() + ROW_PADDING),
        vec2(place.geometry.column_width, 18.0),
    );
    let builder = egui::UiBuilder::new()
        .max_rect(at)
        .layout(egui::Layout::left_to_right(egui::Align::Min));
    let link = ui
        .scope_builder(builder, |ui| ui.add(egui::Link::new(text)))
        .inner
        .on_hover_text("The same paragraph, moved: go to the other end");
    link.clicked().then_some(partner)
}

/// One cell of a row at `top_left`: its text, the copy menu, and the figures' tooltips.
/// True when clicked.
fn cell_ui(
    ui: &mut Ui,
    cell: Cell,
    top_left: egui::Pos2,
    place: &RowPlace,
    side: Side,
    comparison: &Comparison,
) -> bool {
    let doc = comparison.set.side(side);
    let indices = comparison.rows[place.row_idx].side(side);
    let cell_rect = Rect::from_min_size(top_left, cell.galley.size().max(Vec2::new(1.0, 1.0)));
    let galley = cell.galley.clone();
    let response = ui.put(
        cell_rect,
        Label::new(cell.galley)
            .selectable(false)
            .sense(Sense::click()),
    );
    let clicked = response.clicked();
    response.context_menu(|ui| {
        if ui.button("Copy paragraph text").clicked() {
            ui.ctx().copy_text(crate::export::side_text(doc, indices));
        }
    });
    if let Some(pointer) = response.hover_pos() {
        let char_idx = galley.cursor_from_pos(pointer - cell_rect.min).index.0;
        if let Some(span) = cell
            .spans
            .iter()
            .find(|span| span.char_range.contains(&char_idx))
        {
            let mismatches = &comparison.mismatches[place.row_idx];
            let tip = figure_tooltip(comparison, place.row_idx, side, mismatches, span);
            response.on_hover_text_at_pointer(tip);
        }
    }
    clicked
}

/// The row's background and its gutter: the mismatch bar and count, the review status and
/// note marks, and the shape of the row (a paragraph on one side only, or a merge).
fn gutter_ui(painter: &egui::Painter, place: &RowPlace, comparison: &Comparison, theme: &Theme) {
    let RowPlace {
        rect,
        row_idx,
        is_selected,
        ..
    } = *place;
    let row = &comparison.rows[row_idx];
    let background = if is_selected {
        Some(theme.selected_row)
    } else if row.is_unmatched() {
        Some(theme.unmatched_row)
    } else if row.is_merged() {
        Some(theme.merged_row)
    } else {
        None
    };
    if let Some(color) = background {
        painter.rect_filled(rect, 2.0, color);
    }
    if place.flash > 0.0 {
        painter.rect_filled(rect, 2.0, theme.reloaded_row.gamma_multiply(place.flash));
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
    // The margin: a red bar for rows whose figures disagree.
    let open_count = comparison.open_mismatches(row_idx).count();
    if open_count > 0 {
        let bar = Rect::from_min_max(
            pos2(rect.left() + 2.0, rect.top() + 2.0),
            pos2(rect.left() + 6.0, rect.bottom() - 2.0),
        );
        painter.rect_filled(bar, 1.0, theme.mismatch_marker);
        painter.text(
            pos2(
                rect.left() + GUTTER_WIDTH / 2.0 + 2.0,
                rect.top() + ROW_PADDING,
            ),
            egui::Align2::CENTER_TOP,
            open_count.to_string(),
            FontId::proportional(11.0),
            theme.mismatch_marker,
        );
    }
    review_marks_ui(painter, rect, &comparison.reviews[row_idx], theme);
    // A triangle towards the side that has the only paragraph, or a bracket for a merge.
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
    } else if row.is_merged() {
        let top = centre - vec2(0.0, 6.0);
        let bottom = pos2(centre.x, rect.bottom() - ROW_PADDING);
        painter.line_segment([top, bottom], stroke);
        painter.line_segment([top, top + vec2(4.0, 0.0)], stroke);
        painter.line_segment([bottom, bottom + vec2(4.0, 0.0)], stroke);
    }
}

/// What the marks of a row's gutter say, in words.
fn gutter_tooltip(comparison: &Comparison, row_idx: usize) -> String {
    use crate::words::counted;
    let row = &comparison.rows[row_idx];
    let review = &comparison.reviews[row_idx];
    let mut lines = vec![format!("Row {}", row_idx + 1)];
    let open = comparison.open_mismatches(row_idx).count();
    if open > 0 {
        lines.push(format!(
            "Red bar: {}",
            counted(open, "open figure mismatch", "open figure mismatches")
        ));
    }
    lines.push(format!("Dot: review status, {}", review.status.label()));
    if !review.note.trim().is_empty() {
        let note = crate::words::elided(&review.note, 80);
        lines.push(format!("Note mark: “{note}”"));
    }
    if row.is_unmatched() {
        let side = if row.left.is_empty() { "right" } else { "left" };
        lines.push(format!("Triangle: a paragraph on the {side} only"));
    } else if row.is_merged() {
        lines.push("Bracket: paragraphs merged into one row".to_owned());
    }
    lines.join("\n")
}

/// The review status as a dot at the foot of the gutter, and a mark for a note.
fn review_marks_ui(
    painter: &egui::Painter,
    rect: Rect,
    review: &crate::review::RowReview,
    theme: &Theme,
) {
    use crate::review::Status;
    let status_color = match review.status {
        Status::Unreviewed => None,
        Status::Ok => Some(theme.status_ok),
        Status::NeedsFix => Some(theme.mismatch_marker),
        Status::Question => Some(theme.warning),
    };
    let foot = pos2(
        rect.left() + GUTTER_WIDTH / 2.0,
        rect.bottom() - ROW_PADDING - 4.0,
    );
    if let Some(color) = status_color {
        painter.circle_filled(foot, 4.0, color);
    }
    if !review.note.trim().is_empty() {
        painter.rect_stroke(
            Rect::from_center_size(foot - vec2(0.0, 12.0), vec2(8.0, 6.0)),
            1.0,
            Stroke::new(1.0, theme.weak),
            egui::StrokeKind::Inside,
        );
    }
}

/// Where a row is drawn.
#[derive(Clone, Copy)]
pub(super) struct RowPlace {
    pub(super) rect: Rect,
    pub(super) geometry: Geometry,
    pub(super) row_idx: usize,
    pub(super) is_selected: bool,
    /// How strongly the row is tinted as changed by the last reload (0: not at all).
    pub(super) flash: f32,
}

/// Compact markers of a row's coverage links, one line per coverage document ("DE 2"), with
/// "≠" where that coverage reports a figure differently.
fn link_markers_ui(
    painter: &egui::Painter,
    place: &RowPlace,
    comparison: &Comparison,
    theme: &Theme,
) {
    let mut y = place.rect.top() + ROW_PADDING;
    for (doc_idx, count, conflicts) in links_per_document(&comparison.links[place.row_idx]) {
        let doc = &comparison.set.documents[doc_idx];
        let mut text = format!("{} {count}", doc.lang.to_uppercase());
        if conflicts > 0 {
            text.push_str(" ≠");
        }
        let color = if conflicts > 0 {
            theme.warning
        } else {
            theme.link_marker
        };
        let galley = painter.layout_no_wrap(text, FontId::proportional(11.5), color);
        let pos = pos2(place.rect.left() + place.geometry.links_x, y);
        let chip = Rect::from_min_size(pos, galley.size() + vec2(8.0, 2.0));
        painter.rect_filled(chip, 3.0, theme.link_chip);
        painter.galley(pos + vec2(4.0, 1.0), galley, color);
        y += LINK_MARKER_STEP;
    }
}

/// The hover text of a figure: its reading, and why it mismatches.
pub(super) fn figure_tooltip(
    comparison: &Comparison,
    row: usize,
    side: Side,
    mismatches: &[Mismatch],
    span: &FigureSpan,
) -> String {
    let doc = comparison.set.side(side);
    let figure = &doc.paragraphs[span.paragraph].figures[span.figure];
    let mut tip = format!("“{}”: {}", figure.text, figure.reading());
    let this = FigureRef {
        paragraph: span.paragraph,
        figure: span.figure,
    };
    let other_doc = comparison.set.side(side.other());
    for mismatch in mismatches {
        let other = mismatch.figure(side.other());
        if mismatch.figure(side) == Some(this) {
            tip.push_str("\nMismatch: ");
            tip.push_str(&mismatch.reason);
            if let Some(other) = other {
                let other_figure = other_doc.figure(other);
                tip.push_str(&format!(
                    "\n{}: “{}”: {}",
                    other_doc.label,
                    other_figure.text,
                    other_figure.reading()
                ));
            }
        }
    }
    // What the coverage says of it: agreements and conflicts of the row's links.
    for link in &comparison.links[row] {
        let source = &comparison.set.documents[link.document].label;
        let here = |at: &crate::link::RowFigure| {
            at.side == side && at.paragraph == span.paragraph && at.figure == span.figure
        };
        for conflict in link.figures_conflict.iter().filter(|c| here(&c.row_figure)) {
            tip.push_str(&format!(
                "\nCoverage conflict, {source} ¶{}: {}",
                link.paragraph, conflict.reason
            ));
        }
        if link.figures_agree.iter().any(|a| here(&a.row_figure)) {
            tip.push_str(&format!("\nConfirmed by {source} ¶{}", link.paragraph));
        }
    }
    if doc.paragraphs[span.paragraph].kind == ParagraphKind::Boilerplate {
        tip.push_str("\n(boilerplate: read, not compared)");
    }
    tip
}

/// Sizes and colours of a cell's text.
pub(super) struct CellStyle<'a> {
    pub(super) width: f32,
    pub(super) font_size: f32,
    pub(super) theme: &'a Theme,
}

/// The text format of a paragraph of `kind`.
fn paragraph_format(kind: ParagraphKind, style: &CellStyle<'_>) -> TextFormat {
    let (size, color, italics) = match kind {
        ParagraphKind::Heading => (1.2, style.theme.heading, false),
        ParagraphKind::Body => (1.0, style.theme.text, false),
        ParagraphKind::Boilerplate => (0.9, style.theme.boilerplate, true),
    };
    TextFormat {
        font_id: FontId::proportional(style.font_size * size),
        color,
        italics,
        ..Default::default()
    }
}

/// The text of one cell: each paragraph with its number, styled by kind, figures underlined
/// and mismatched figures highlighted.
pub(super) fn cell_job(
    doc: &Document,
    indices: &[usize],
    marks: &[Vec<Mark>],
    style: &CellStyle<'_>,
) -> (LayoutJob, Vec<FigureSpan>) {
    let CellStyle {
        width,
        font_size,
        theme,
    } = *style;
    let mut job = LayoutJob::default();
    job.wrap.max_width = width;
    let mut spans = Vec::new();
    let number_format = TextFormat {
        font_id: FontId::monospace(font_size * 0.72),
        color: theme.weak,
        ..Default::default()
    };
    if indices.is_empty() {
        let format = TextFormat {
            color: theme.weak,
            ..paragraph_format(ParagraphKind::Boilerplate, style)
        };
        let text = format!(
            "no counterpart in the {} text",
            crate::lang::name(&doc.lang)
        );
        job.append(&text, 0.0, format);
        return (job, spans);
    }
    // Characters laid out so far: where each figure starts and ends in the cell's text.
    let mut chars_so_far = 0;
    let append = |job: &mut LayoutJob, chars_so_far: &mut usize, text: &str, format: TextFormat| {
        job.append(text, 0.0, format);
        *chars_so_far += text.chars().count();
        *chars_so_far
    };
    for (n, &idx) in indices.iter().enumerate() {
        let paragraph = &doc.paragraphs[idx];
        if n > 0 {
            append(&mut job, &mut chars_so_far, "\n\n", number_format.clone());
        }
        append(
            &mut job,
            &mut chars_so_far,
            &format!("¶{idx} "),
            number_format.clone(),
        );
        let base = paragraph_format(paragraph.kind, style);
        for (run, figure_idx) in crate::figures::segments(&paragraph.text, &paragraph.figures) {
            let Some(figure_idx) = figure_idx else {
                append(&mut job, &mut chars_so_far, run, base.clone());
                continue;
            };
            let start_chars = chars_so_far;
            let mark = marks
                .get(n)
                .and_then(|m| m.get(figure_idx))
                .unwrap_or(&Mark::Figure);
            let format = match mark {
                Mark::Mismatch(_) => TextFormat {
                    background: theme.mismatch_background,
                    color: theme.mismatch_text,
                    underline: Stroke::new(2.0, theme.mismatch_marker),
                    ..base.clone()
                },
                // A coverage source reports it differently.
                Mark::Conflict(_) => TextFormat {
                    background: theme.conflict_background,
                    underline: Stroke::new(2.0, theme.warning),
                    ..base.clone()
                },
                // Boilerplate is read, not compared: its figures stay untinted.
                Mark::Figure if paragraph.kind == ParagraphKind::Boilerplate => base.clone(),
                Mark::Figure => TextFormat {
                    background: theme.figure_background,
                    underline: Stroke::new(1.0, theme.figure_underline),
                    ..base.clone()
                },
            };
            let end_chars = append(&mut job, &mut chars_so_far, run, format);
            spans.push(FigureSpan {
                char_range: start_chars..end_chars,
                paragraph: idx,
                figure: figure_idx,
            });
        }
    }
    (job, spans)
}
