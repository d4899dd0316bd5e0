//! A translation lexicon learned from the set itself.
//!
//! Once aligned, the two renderings are a parallel text: every one-to-one row is a translation
//! pair. A word of the left language and a word of the right language that keep appearing in
//! the same rows translate each other; the Dice coefficient over rows measures it. The lexicon
//! carries a row's words into the language of a coverage document that is written in one of the
//! renderings' languages, so that a paragraph found only on one side (or paraphrased on the
//! other) still finds coverage in the language it is not written in.

use rustc_hash::FxHashMap;

/// Rows learned from at most: enough for a reliable lexicon, cheap on a book.
const MAX_ROWS: usize = 600;
/// Rows two words must share at least.
const MIN_SHARED: u32 = 2;
/// The Dice coefficient a pair must reach.
const MIN_DICE: f32 = 0.5;

/// Word (stem hash) → its translations in the other rendering's language, with their Dice
/// coefficient.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    translations: FxHashMap<u64, Vec<(u64, f32)>>,
}

impl Lexicon {
    /// Learn from rows given as (left stems, right stems), each deduplicated.
    pub fn learn(rows: &[(Vec<u64>, Vec<u64>)]) -> Self {
        let rows = &rows[..rows.len().min(MAX_ROWS)];
        let mut left_count: FxHashMap<u64, u32> = FxHashMap::default();
        let mut right_count: FxHashMap<u64, u32> = FxHashMap::default();
        for (left, right) in rows {
            for stem in left {
                *left_count.entry(*stem).or_default() += 1;
            }
            for stem in right {
                *right_count.entry(*stem).or_default() += 1;
            }
        }
        // Words in more than a fifth of the rows are function words or the story's subject:
        // they translate nothing useful and would cost the most pairs.
        let common = (rows.len() / 5).max(3) as u32;
        // A pair must share two rows: words seen once cannot.
        let useful = |count: u32| (MIN_SHARED..=common).contains(&count);
        let mut pairs: FxHashMap<(u64, u64), u32> = FxHashMap::default();
        for (left, right) in rows {
            let right: Vec<u64> = right
                .iter()
                .copied()
                .filter(|s| useful(right_count[s]))
                .collect();
            for a in left.iter().filter(|s| useful(left_count[s])) {
                for b in &right {
                    *pairs.entry((*a, *b)).or_default() += 1;
                }
            }
        }
        let mut translations: FxHashMap<u64, Vec<(u64, f32)>> = FxHashMap::default();
        for ((a, b), shared) in pairs {
            if shared < MIN_SHARED {
                continue;
            }
            let dice = 2.0 * shared as f32 / (left_count[&a] + right_count[&b]) as f32;
            if dice >= MIN_DICE {
                translations.entry(a).or_default().push((b, dice));
                translations.entry(b).or_default().push((a, dice));
            }
        }
        for list in translations.values_mut() {
            list.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
            list.truncate(2);
        }
        Self { translations }
    }

    /// The translations of a word (stem hash), best first.
    pub fn translate(&self, stem: u64) -> &[(u64, f32)] {
        self.translations.get(&stem).map_or(&[], Vec::as_slice)
    }

    /// How many words have a translation.
    pub fn len(&self) -> usize {
        self.translations.len()
    }

    /// No word has a translation.
    pub fn is_empty(&self) -> bool {
        self.translations.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_that_share_rows_translate_each_other() {
        // 1 = "vinst" ↔ 101 = "winst"; 2 = "försäljning" ↔ 102 = "verkoop"; 3 and 103 meet once.
        let rows = vec![
            (vec![1, 2, 3], vec![101, 102, 103]),
            (vec![1, 4], vec![101, 104]),
            (vec![2, 5], vec![102, 105]),
            (vec![1, 2], vec![101, 102]),
            (vec![6], vec![106]),
        ];
        let lexicon = Lexicon::learn(&rows);
        assert_eq!(lexicon.translate(1)[0].0, 101);
        assert_eq!(lexicon.translate(102)[0].0, 2);
        assert!(lexicon.translate(3).is_empty());
    }
}
