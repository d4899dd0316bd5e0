//! Figures across sources: within a link, the figures of the row and of the coverage paragraph
//! that describe the same quantity agree ("5.83 × 10⁹ USD in both") or conflict (the same
//! profit converted at a different rate). A conflict is a finding about sources, not a
//! translation error.

use super::profile::figure_display;
use super::{FigureAgreement, FigureConflict, Link, RowFigure};
use crate::classify::ParagraphKind;
use crate::figures::compare::same_meaning;
use crate::figures::{Figure, FigureKind};
use crate::row::Row;
use crate::set::ArticleSet;
use crate::side::Side;

/// The figures of a row to compare with coverage: the left side's, plus right-side figures
/// that have no equal on the left.
pub fn row_figures<'a>(set: &'a ArticleSet, row: &Row) -> Vec<(RowFigure, &'a Figure)> {
    let mut out: Vec<(RowFigure, &Figure)> = Vec::new();
    for (side, doc, indices) in [
        (Side::Left, set.left(), &row.left),
        (Side::Right, set.right(), &row.right),
    ] {
        for &paragraph in indices {
            let p = &doc.paragraphs[paragraph];
            if p.kind == ParagraphKind::Boilerplate {
                continue;
            }
            for (figure, f) in p.figures.iter().enumerate() {
                if side == Side::Right && out.iter().any(|(_, g)| same_meaning(f, g)) {
                    continue;
                }
                out.push((
                    RowFigure {
                        side,
                        paragraph,
                        figure,
                    },
                    f,
                ));
            }
        }
    }
    out
}

/// Agreeing and conflicting figures between a row and a linked coverage paragraph.
///
/// Two figures describe the same quantity when they have the same kind and unit (a crown of no
/// named country is any crown) and values
/// within 12 % of each other; equal within the written precision, they agree; otherwise they
/// conflict, unless either already agrees with another figure of the pair.
pub fn compare_across(
    row: &[(RowFigure, &Figure)],
    coverage: &[Figure],
    coverage_label: &str,
    link: &mut Link,
) {
    let mut row_agrees = vec![false; row.len()];
    let mut coverage_agrees = vec![false; coverage.len()];
    for (r, (row_ref, row_figure)) in row.iter().enumerate() {
        if !is_quantity(row_figure) {
            continue;
        }
        if let Some(c) = (0..coverage.len())
            .find(|&c| !coverage_agrees[c] && same_meaning(row_figure, &coverage[c]))
        {
            row_agrees[r] = true;
            coverage_agrees[c] = true;
            link.figures_agree.push(FigureAgreement {
                row_figure: *row_ref,
                coverage_figure: c,
                reading: format!("{} in both", figure_display(row_figure)),
            });
        }
    }
    for (r, (row_ref, row_figure)) in row.iter().enumerate() {
        if row_agrees[r] || !is_quantity(row_figure) {
            continue;
        }
        let candidate = (0..coverage.len())
            .filter(|&c| !coverage_agrees[c])
            .filter(|&c| same_quantity(row_figure, &coverage[c]))
            .min_by(|&a, &b| {
                relative_gap(row_figure, &coverage[a])
                    .total_cmp(&relative_gap(row_figure, &coverage[b]))
            });
        if let Some(c) = candidate {
            coverage_agrees[c] = true;
            let approx = |f: &Figure| if f.approx { " (approx.)" } else { "" };
            link.figures_conflict.push(FigureConflict {
                row_figure: *row_ref,
                coverage_figure: c,
                reason: format!(
                    "{}{} here, {}{} in {coverage_label}",
                    figure_display(row_figure),
                    approx(row_figure),
                    figure_display(&coverage[c]),
                    approx(&coverage[c])
                ),
            });
        }
    }
}

/// Amounts, percentages and counted things: quantities that sources can disagree on.
fn is_quantity(figure: &Figure) -> bool {
    match figure.kind {
        FigureKind::Amount | FigureKind::Percent => true,
        FigureKind::Count => figure.unit.is_some() || figure.value.abs() >= 100.0,
        _ => false,
    }
}

fn relative_gap(a: &Figure, b: &Figure) -> f64 {
    (a.value - b.value).abs() / a.value.abs().max(b.value.abs()).max(1e-9)
}

fn same_quantity(a: &Figure, b: &Figure) -> bool {
    a.kind == b.kind
        && a.unit
            .as_deref()
            .zip(b.unit.as_deref())
            .is_some_and(|(ua, ub)| crate::figures::units_agree(ua, ub))
        && a.upper.is_none()
        && b.upper.is_none()
        && relative_gap(a, b) <= 0.12
        && !same_meaning(a, b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures::extract;

    #[test]
    fn conflicts_need_the_same_quantity() {
        let row = extract(
            "nettovinst på 2,5 biljoner yen, cirka 16,2 miljarder dollar",
            "sv",
        );
        let coverage = extract("2,5 Billionen Yen (16,6 Milliarden US-Dollar)", "de");
        let refs: Vec<(RowFigure, &Figure)> = row
            .iter()
            .enumerate()
            .map(|(figure, f)| {
                (
                    RowFigure {
                        side: Side::Left,
                        paragraph: 0,
                        figure,
                    },
                    f,
                )
            })
            .collect();
        let mut link = Link {
            document: 2,
            paragraph: 4,
            score: 0.9,
            evidence: Vec::new(),
            figures_agree: Vec::new(),
            figures_conflict: Vec::new(),
            via_section: false,
            marks: Vec::new(),
        };
        compare_across(&refs, &coverage, "German news", &mut link);
        assert_eq!(link.figures_agree.len(), 1);
        assert_eq!(link.figures_agree[0].reading, "2.5 × 10¹² JPY in both");
        assert_eq!(link.figures_conflict.len(), 1);
        assert_eq!(
            link.figures_conflict[0].reason,
            "16.2 × 10⁹ USD (approx.) here, 16.6 × 10⁹ USD in German news"
        );
        // 500 vs 400 billion are different quantities, not a conflict.
        let row = extract("värt 500 miljarder dollar", "sv");
        let coverage = extract("über 400 Milliarden US-Dollar", "de");
        assert!(!same_quantity(&row[0], &coverage[0]));
    }
}
