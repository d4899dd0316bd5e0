//! The one answer to "which figure is marked here, and why": the window and every export draw
//! their highlights from [`Comparison::figure_marks`].

use crate::figures::FigureRef;
use crate::side::Side;

use super::Comparison;

/// How a figure of a row is marked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mark {
    /// The two renderings disagree on it (an open mismatch): the reason.
    Mismatch(String),
    /// A coverage source reports it differently (an open conflict): the source and the reason
    /// ("German news ¶4: 16.2 × 10⁹ USD (approx.) here, 16.6 × 10⁹ USD in German news").
    Conflict(String),
    /// Read, with nothing to say against it.
    Figure,
}

impl Comparison {
    /// The mark of every figure of paragraph `paragraph` of `side`, in the paragraph's order,
    /// as row `row` shows it: a mismatch first, then a coverage conflict, else a plain figure.
    /// Accepted findings mark nothing.
    pub fn figure_marks(&self, row: usize, side: Side, paragraph: usize) -> Vec<Mark> {
        let doc = self.set.side(side);
        let count = doc.paragraphs[paragraph].figures.len();
        let mut marks = vec![Mark::Figure; count];
        for (link, conflict) in self.open_conflicts(row) {
            let at = &conflict.row_figure;
            if at.side == side && at.paragraph == paragraph && at.figure < count {
                let source = &self.set.documents[link.document].label;
                marks[at.figure] =
                    Mark::Conflict(format!("{source} ¶{}: {}", link.paragraph, conflict.reason));
            }
        }
        for mismatch in self.open_mismatches(row) {
            if let Some(FigureRef {
                paragraph: p,
                figure,
            }) = mismatch.figure(side)
                && p == paragraph
                && figure < count
            {
                marks[figure] = Mark::Mismatch(mismatch.reason.clone());
            }
        }
        marks
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mismatches_and_conflicts_are_marked_where_they_are() {
        let comparison = Comparison::build(crate::set::bundled());
        // The bundled pair agrees; its coverage conflicts are marked on the row's figure.
        let (row, link, conflict) = (0..comparison.rows.len())
            .find_map(|row| {
                comparison
                    .open_conflicts(row)
                    .next()
                    .map(|(l, c)| (row, l.clone(), c.clone()))
            })
            .unwrap();
        let at = &conflict.row_figure;
        let marks = comparison.figure_marks(row, at.side, at.paragraph);
        let source = &comparison.set.documents[link.document].label;
        assert_eq!(
            marks[at.figure],
            Mark::Conflict(format!("{source} ¶{}: {}", link.paragraph, conflict.reason))
        );
        assert!(
            marks
                .iter()
                .enumerate()
                .all(|(k, m)| k == at.figure || *m == Mark::Figure)
        );
    }
}
