//! The coverage panel: the coverage paragraphs linked to the selected row, with their
//! evidence and their figures (agreeing or conflicting), and a reader for a whole coverage
//! document with the rows that link to each of its paragraphs.

use egui::text::{LayoutJob, TextFormat};
use egui::{Align, FontId, Label, RichText, Ui};

use crate::classify::ParagraphKind;
use crate::comparison::Comparison;
use crate::link::Link;
use crate::set::{Document, Role};

use super::theme::Theme;

/// A coverage document open in the panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    /// Index of the document in the set.
    pub document: usize,
    /// The paragraph to show and highlight.
    pub paragraph: Option<usize>,
    /// Scroll to the paragraph on the next frame.
    pub scroll_pending: bool,
}

/// For every document and paragraph, the rows that link to it.
#[derive(Clone, Debug, Default)]
pub struct Backlinks {
    rows: Vec<Vec<Vec<usize>>>,
}

impl Backlinks {
    /// Collect the backlinks of a comparison (once per load).
    pub fn new(comparison: &Comparison) -> Self {
        let mut rows: Vec<Vec<Vec<usize>>> = comparison
            .set
            .documents
            .iter()
            .map(|doc| vec![Vec::new(); doc.paragraphs.len()])
            .collect();
        for (row_idx, links) in comparison.links.iter().enumerate() {
            for link in links {
                if let Some(list) = rows
                    .get_mut(link.document)
                    .and_then(|doc| doc.get_mut(link.paragraph))
                {
                    list.push(row_idx);
                }
            }
        }
        Self { rows }
    }

    /// The rows linking to `paragraph` of `document`, ascending.
    pub fn rows(&self, document: usize, paragraph: usize) -> &[usize] {
        self.rows
            .get(document)
            .and_then(|doc| doc.get(paragraph))
            .map_or(&[], Vec::as_slice)
    }
}

/// State of the coverage panel (runtime only).
#[derive(Default)]
pub struct CoveragePanel {
    /// The coverage document being read, if any.
    pub reading: Option<Reading>,
}

impl CoveragePanel {
    /// Draw the panel; returns a row the user asked to go to.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        comparison: &Comparison,
        backlinks: &Backlinks,
        selected_row: Option<usize>,
    ) -> Option<usize> {
        let theme = Theme::for_visuals(ui.visuals());
        let mut go_to_row = None;
        match self.reading.clone() {
            Some(reading) => {
                if ui.button("← Back to the links").clicked() {
                    self.reading = None;
                }
                go_to_row = self.reader_ui(ui, comparison, backlinks, &reading, &theme);
            }
            None => self.links_ui(ui, comparison, selected_row, &theme),
        }
        go_to_row
    }

    fn links_ui(
        &mut self,
        ui: &mut Ui,
        comparison: &Comparison,
        selected_row: Option<usize>,
        theme: &Theme,
    ) {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Read:").weak());
            for (doc_idx, doc) in comparison.set.documents.iter().enumerate() {
                if doc.role == Role::Coverage
                    && ui
                        .small_button(format!("{} ({})", doc.label, doc.lang))
                        .on_hover_text_at_pointer(doc.path.display().to_string())
                        .clicked()
                {
                    self.reading = Some(Reading {
                        document: doc_idx,
                        paragraph: None,
                        scroll_pending: true,
                    });
                }
            }
        });
        ui.separator();
        let Some(row_idx) = selected_row else {
            ui.label("Select a row to see the coverage that reports the same thing.");
            return;
        };
        let links = &comparison.links[row_idx];
        ui.heading(format!("Coverage of row {}", row_idx + 1));
        if comparison.set.coverage().is_empty() {
            ui.label("This set has no coverage documents.");
            return;
        }
        if links.is_empty() {
            ui.label("No coverage paragraph reports what this row says.");
            return;
        }
        egui::ScrollArea::vertical()
            .id_salt("coverage_links")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for (n, link) in links.iter().enumerate() {
                    ui.push_id(n, |ui| self.link_ui(ui, comparison, link, theme));
                    ui.add_space(6.0);
                }
            });
    }

    fn link_ui(&mut self, ui: &mut Ui, comparison: &Comparison, link: &Link, theme: &Theme) {
        let doc = &comparison.set.documents[link.document];
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(format!("{} ({}) ¶{}", doc.label, doc.lang, link.paragraph))
                        .strong(),
                );
                let mut score = format!("score {:.2}", link.score);
                if link.via_section {
                    score.push_str(", through the section");
                }
                ui.label(RichText::new(score).weak());
            });
            if !link.evidence.is_empty() {
                ui.label(RichText::new(format!("Evidence: {}", link.evidence.join(" · "))).weak());
            }
            for conflict in &link.figures_conflict {
                ui.colored_label(theme.warning, format!("≠ {}", conflict.reason));
            }
            for agreement in &link.figures_agree {
                ui.label(format!("= {}", agreement.reading));
            }
            let paragraph = &doc.paragraphs[link.paragraph];
            let job = coverage_job(doc, link.paragraph, Some(link), ui.available_width(), theme);
            ui.add(Label::new(job).wrap());
            if ui
                .button(format!("Open in {}", doc.label))
                .on_hover_text_at_pointer("Read the whole document, scrolled to this paragraph")
                .clicked()
            {
                self.reading = Some(Reading {
                    document: link.document,
                    paragraph: Some(paragraph.index),
                    scroll_pending: true,
                });
            }
        });
    }

    fn reader_ui(
        &mut self,
        ui: &mut Ui,
        comparison: &Comparison,
        backlinks: &Backlinks,
        reading: &Reading,
        theme: &Theme,
    ) -> Option<usize> {
        let doc = &comparison.set.documents[reading.document];
        ui.heading(&doc.label);
        ui.label(
            RichText::new(format!(
                "{} · {} paragraphs",
                crate::lang::name(&doc.lang),
                doc.paragraphs.len()
            ))
            .weak(),
        )
        .on_hover_text_at_pointer(doc.path.display().to_string());
        ui.separator();
        let mut go_to_row = None;
        let mut scrolled = false;
        egui::ScrollArea::vertical()
            .id_salt(("coverage_reader", reading.document))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for (para_idx, _) in doc.paragraphs.iter().enumerate() {
                    let is_target = reading.paragraph == Some(para_idx);
                    let frame = egui::Frame::new().inner_margin(4.0).fill(if is_target {
                        theme.target_paragraph
                    } else {
                        egui::Color32::TRANSPARENT
                    });
                    let response = frame
                        .show(ui, |ui| {
                            ui.set_width(ui.available_width());
                            let job =
                                coverage_job(doc, para_idx, None, ui.available_width(), theme);
                            ui.add(Label::new(job).wrap());
                            let rows = backlinks.rows(reading.document, para_idx);
                            if !rows.is_empty() {
                                ui.horizontal_wrapped(|ui| {
                                    ui.label(RichText::new("Linked from").weak().small());
                                    for &row in rows {
                                        if ui.small_button(format!("row {}", row + 1)).clicked() {
                                            go_to_row = Some(row);
                                        }
                                    }
                                });
                            }
                        })
                        .response;
                    if is_target && reading.scroll_pending {
                        response.scroll_to_me(Some(Align::TOP));
                        scrolled = true;
                    }
                }
            });
        if scrolled && let Some(reading) = &mut self.reading {
            reading.scroll_pending = false;
        }
        go_to_row
    }
}

/// A coverage paragraph's text with its number; with a link, the figures that agree or
/// conflict with the row are highlighted, and the names and words it shares are underlined.
fn coverage_job(
    doc: &Document,
    para_idx: usize,
    link: Option<&Link>,
    width: f32,
    theme: &Theme,
) -> LayoutJob {
    let paragraph = &doc.paragraphs[para_idx];
    let mut job = LayoutJob::default();
    job.wrap.max_width = width;
    let size = 13.0;
    job.append(
        &format!("¶{para_idx} "),
        0.0,
        TextFormat {
            font_id: FontId::monospace(size * 0.75),
            color: theme.weak,
            ..Default::default()
        },
    );
    let base = TextFormat {
        font_id: FontId::proportional(if paragraph.kind == ParagraphKind::Heading {
            size * 1.15
        } else {
            size
        }),
        color: if paragraph.kind == ParagraphKind::Boilerplate {
            theme.boilerplate
        } else {
            theme.text
        },
        italics: paragraph.kind == ParagraphKind::Boilerplate,
        ..Default::default()
    };
    let marks: &[std::ops::Range<usize>] = link.map_or(&[], |l| l.marks.as_slice());
    let mut offset = 0;
    for (run, figure_idx) in crate::figures::segments(&paragraph.text, &paragraph.figures) {
        let start = offset;
        offset += run.len();
        let Some(figure_idx) = figure_idx else {
            // Names and words the link shares with its row, underlined in the link colour.
            for (piece, marked) in split_marks(run, start, marks) {
                let format = if marked {
                    TextFormat {
                        underline: egui::Stroke::new(1.5, theme.link_marker),
                        color: theme.heading,
                        ..base.clone()
                    }
                } else {
                    base.clone()
                };
                job.append(piece, 0.0, format);
            }
            continue;
        };
        let agrees = link.is_some_and(|l| {
            l.figures_agree
                .iter()
                .any(|a| a.coverage_figure == figure_idx)
        });
        let conflicts = link.is_some_and(|l| {
            l.figures_conflict
                .iter()
                .any(|c| c.coverage_figure == figure_idx)
        });
        let format = if conflicts {
            TextFormat {
                background: theme.conflict_background,
                ..base.clone()
            }
        } else if agrees {
            TextFormat {
                background: theme.agree_background,
                ..base.clone()
            }
        } else {
            TextFormat {
                underline: egui::Stroke::new(1.0, theme.figure_underline),
                ..base.clone()
            }
        };
        job.append(run, 0.0, format);
    }
    job
}

/// Cut `run` (at byte `start` of its paragraph) into pieces inside and outside `marks` (byte
/// ranges of the paragraph, ascending).
fn split_marks<'a>(
    run: &'a str,
    start: usize,
    marks: &[std::ops::Range<usize>],
) -> Vec<(&'a str, bool)> {
    let end = start + run.len();
    let mut pieces = Vec::new();
    let mut at = start;
    for mark in marks.iter().filter(|m| m.end > start && m.start < end) {
        let from = mark.start.max(at);
        let to = mark.end.min(end);
        if from > at && run.is_char_boundary(from - start) {
            pieces.push((&run[at - start..from - start], false));
            at = from;
        }
        if to > at && run.is_char_boundary(to - start) && run.is_char_boundary(at - start) {
            pieces.push((&run[at - start..to - start], true));
            at = to;
        }
    }
    if at < end {
        pieces.push((&run[at - start..], false));
    }
    pieces
}

#[cfg(test)]
mod tests {
    #[test]
    fn marks_cut_runs_where_they_fall() {
        let run = "sold its Nvidia stake";
        let marks = [19..25, 40..41];
        let pieces = super::split_marks(run, 10, &marks);
        assert_eq!(
            pieces,
            [("sold its ", false), ("Nvidia", true), (" stake", false)]
        );
        assert_eq!(super::split_marks(run, 10, &[]), [(run, false)]);
    }
}
