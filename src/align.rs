//! Paragraph alignment: pair the paragraphs of two renderings into rows.
//!
//! A row joins zero or more consecutive left paragraphs with zero or more consecutive right
//! paragraphs: 1–1, 1–0 and 0–1 (a paragraph with no counterpart), 2–1, 1–2, 3–1 and 1–3
//! (merges and splits). Rows keep reading order on both sides and cover every paragraph once.
//!
//! # How it works
//!
//! 1. **Features.** Every paragraph becomes a weighted bag of tokens that survive translation
//!    between our languages: figures (digits without separators, so `5,83` = `5.83`), names and
//!    acronyms, five-letter word stems (cognates such as *investering*/*investeerder*), and
//!    layout marks (a final `?` or `:`, a quotation). Only tokens found on both sides count, each
//!    weighted by its rarity (inverse document frequency over both sides).
//! 2. **Anchors.** Tokens that occur exactly once on each side are listed in reading order and
//!    diffed with `similar`'s patience diff; the matched ones are anchor points the alignment
//!    must pass near.
//! 3. **Banded dynamic programming.** Between anchors, a dynamic program over a band around the
//!    anchor path chooses the rows that maximise the total similarity. A pair scores by shared
//!    tokens, by how well its lengths fit the expected length ratio (as in Gale–Church), and by
//!    whether the paragraph kinds agree; a paragraph left unmatched scores zero; merges pay a
//!    penalty. So a short line with no counterpart ("Suitable for this:") stays unmatched
//!    instead of being glued to a neighbour.
//!
//! The band keeps the work near-linear: about `paragraphs × band width × 7` pair scores.
//!
//! ```
//! use parallel_reader::align::{align, Block};
//! use parallel_reader::classify::ParagraphKind::Body;
//! let left = [Block::new("SoftBank sold 32.1 million Nvidia shares.", Body),
//!             Block::new("Suitable for this:", parallel_reader::classify::ParagraphKind::Boilerplate),
//!             Block::new("OpenAI got 22.5 billion dollars from SoftBank.", Body)];
//! let right = [Block::new("SoftBank verkocht 32,1 miljoen aandelen Nvidia.", Body),
//!              Block::new("OpenAI kreeg 22,5 miljard dollar van SoftBank.", Body)];
//! let rows = align(&left, &right);
//! assert_eq!(rows.len(), 3);
//! assert_eq!((rows[1].left.as_slice(), rows[1].right.as_slice()), (&[1][..], &[][..]));
//! ```

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::classify::ParagraphKind;
use crate::side::Side;
use crate::tokens::{self, hash_of};

pub use crate::row::Row;

/// What the aligner needs to know of a paragraph.
#[derive(Clone, Copy, Debug)]
pub struct Block<'a> {
    /// The paragraph text.
    pub text: &'a str,
    /// Its kind.
    pub kind: ParagraphKind,
}

impl<'a> Block<'a> {
    /// A block from text and kind.
    pub fn new(text: &'a str, kind: ParagraphKind) -> Self {
        Self { text, kind }
    }
}

/// The moves of the dynamic program: (left paragraphs, right paragraphs, penalty).
const MOVES: [(usize, usize, f32); 7] = [
    (1, 1, 0.0),
    (1, 0, 0.0),
    (0, 1, 0.0),
    (2, 1, 0.3),
    (1, 2, 0.3),
    (3, 1, 0.6),
    (1, 3, 0.6),
];

/// Weight of shared tokens in a pair's score.
const LEXICAL_WEIGHT: f32 = 2.0;
/// Subtracted from every pair, so that a pair must show some likeness to beat leaving both
/// paragraphs unmatched.
const PAIR_BIAS: f32 = 0.7;
/// Variance of the length difference per character (Gale–Church use 6.8; paragraphs of
/// translated news vary more than sentences of parliamentary proceedings).
const LENGTH_VARIANCE: f32 = 12.0;

/// How far below the best a pair's bound must be to skip scoring it: far more than the
/// rounding between the bound and the score, so skipping never changes a result.
const BOUND_MARGIN: f32 = 1e-3;

/// Align two paragraph lists into rows.
pub fn align(left: &[Block<'_>], right: &[Block<'_>]) -> Vec<Row> {
    align_with_moves(left, right).0
}

/// A paragraph the alignment leaves unmatched on the left whose counterpart it leaves
/// unmatched on the right, elsewhere: moved by the translator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Moved {
    /// The left paragraph.
    pub left: usize,
    /// The right paragraph.
    pub right: usize,
}

/// A moved pair must score this much as a row of its own: the aligner keeps a pair above 0,
/// a moved paragraph has to be clearly the same text, lengths included. Judged in
/// `tests/integration/align.rs`: paragraphs moved in the Dutch rendering score 2.29 and 1.43;
/// the best pairs of unmatched paragraphs between the Swedish article and the Dutch news,
/// which report the same facts in other words, 0.67 and 0.53.
const MOVED_MIN_SCORE: f32 = 1.0;
/// ... and share this much of its token weight (Dice); the moved pairs above share 0.94 and
/// 0.47.
const MOVED_MIN_DICE: f32 = 0.35;
/// At most this many candidate pairs are scored (unmatched left × unmatched right).
const MOVED_MAX_PAIRS: usize = 4_000_000;

/// Align two paragraph lists into rows, and find the paragraphs that moved: unmatched on both
/// sides, but the same text.
pub fn align_with_moves(left: &[Block<'_>], right: &[Block<'_>]) -> (Vec<Row>, Vec<Moved>) {
    let features = Features::new(left, right);
    let band = Band::new(&features, left.len(), right.len());
    let scorer = Scorer::new(left, right, &features);
    let rows = solve(&scorer, &band, left.len(), right.len());
    let moved = moved(&scorer, &rows);
    (rows, moved)
}

/// Pair unmatched left and right paragraphs that are the same text, best pairs first.
fn moved(scorer: &Scorer<'_>, rows: &[Row]) -> Vec<Moved> {
    let lonely = |side: Side| -> Vec<usize> {
        rows.iter()
            .filter(|row| row.side(side.other()).is_empty())
            .flat_map(|row| row.side(side).iter().copied())
            .filter(|&p| {
                let blocks = match side {
                    Side::Left => scorer.left,
                    Side::Right => scorer.right,
                };
                blocks[p].kind != ParagraphKind::Boilerplate
            })
            .collect()
    };
    let left = lonely(Side::Left);
    let right = lonely(Side::Right);
    if left.is_empty() || right.is_empty() {
        return Vec::new();
    }
    let mut buf = Buffers::default();
    let mut candidates: Vec<(f32, usize, usize)> = Vec::new();
    let mut budget = MOVED_MAX_PAIRS;
    'pairs: for &l in &left {
        for &r in &right {
            if budget == 0 {
                break 'pairs;
            }
            budget -= 1;
            let (l_bag, r_bag) = (&scorer.features.left[l], &scorer.features.right[r]);
            let total = l_bag.weight_sum + r_bag.weight_sum;
            if total <= 0.0 {
                continue;
            }
            let dice = 2.0 * shared_weight(&l_bag.tokens, &r_bag.tokens) / total;
            if dice < MOVED_MIN_DICE {
                continue;
            }
            let score = scorer.pair(l, l + 1, r, r + 1, &mut buf);
            if score >= MOVED_MIN_SCORE {
                candidates.push((score, l, r));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    let mut used_left = FxHashSet::default();
    let mut used_right = FxHashSet::default();
    let mut moved: Vec<Moved> = candidates
        .into_iter()
        .filter(|&(_, l, r)| {
            let free = !used_left.contains(&l) && !used_right.contains(&r);
            if free {
                used_left.insert(l);
                used_right.insert(r);
            }
            free
        })
        .map(|(_, left, right)| Moved { left, right })
        .collect();
    moved.sort_by_key(|m| m.left);
    moved
}

/// A paragraph's features: sorted `(token id, weight)` pairs, plus its length.
#[derive(Clone, Debug, Default)]
struct Bag {
    tokens: Vec<(u32, f32)>,
    weight_sum: f32,
    chars: f32,
}

struct Features {
    left: Vec<Bag>,
    right: Vec<Bag>,
    /// Every paragraph's token ids with their counts (all tokens, for anchoring).
    left_raw: Vec<Vec<(u32, f32)>>,
    right_raw: Vec<Vec<(u32, f32)>>,
}

/// What alignment takes from a distinct word, worked out once per thread.
#[derive(Clone, Copy)]
struct WordKeys {
    /// The folded word as a name token (0 when shorter than two letters).
    name: u64,
    /// Its first five folded letters as a stem token (0 when shorter than five).
    stem: u64,
}

/// Token classes and how much each says, as `(token hash, class weight)`.
fn raw_tokens(text: &str) -> Vec<(u64, f32)> {
    thread_local! {
        static WORDS: std::cell::RefCell<FxHashMap<u64, WordKeys>> =
            std::cell::RefCell::new(FxHashMap::default());
    }
    let mut out = Vec::new();
    tokens::for_each_digit_key(text, |key| out.push((hash_of(('#', key)), 2.0)));
    WORDS.with_borrow_mut(|cache| {
        if cache.len() > 500_000 {
            cache.clear();
        }
        for span in tokens::word_spans(text) {
            let surface = &text[span.range.clone()];
            let keys = *cache.entry(hash_of(surface)).or_insert_with(|| {
                let folded = tokens::fold(surface);
                let letters = folded.chars().count();
                WordKeys {
                    name: if letters >= 2 {
                        hash_of(('=', &folded))
                    } else {
                        0
                    },
                    stem: if letters >= 5 {
                        hash_of(('~', tokens::stem(&folded, 5)))
                    } else {
                        0
                    },
                }
            });
            if keys.name != 0 && span.is_name(text) {
                out.push((keys.name, 1.5));
            }
            if keys.stem != 0 {
                out.push((keys.stem, 1.0));
            }
        }
    });
    let trimmed = text.trim_end();
    if trimmed.ends_with('?') {
        out.push((hash_of("?end"), 1.0));
    }
    if trimmed.ends_with(':') {
        out.push((hash_of(":end"), 1.0));
    }
    if text.contains(['"', '”', '“', '„', '«', '»']) {
        out.push((hash_of("\"quote"), 0.5));
    }
    if text.starts_with(|c: char| !c.is_alphanumeric() && !c.is_whitespace()) {
        out.push((hash_of("^symbol"), 0.5));
    }
    out
}

impl Features {
    fn new(left: &[Block<'_>], right: &[Block<'_>]) -> Self {
        let mut ids: FxHashMap<u64, u32> = FxHashMap::default();
        let mut class_weight: Vec<f32> = Vec::new();
        // Tokenising is the costly part: spread it over the cores, then intern in order.
        let mut intern = |side: &[Block<'_>]| -> Vec<Vec<(u32, f32)>> {
            crate::thread_map::map(side, |block| raw_tokens(block.text))
                .into_iter()
                .map(|tokens| {
                    let mut found: Vec<u32> = tokens
                        .into_iter()
                        .map(|(token, weight)| {
                            let next = ids.len() as u32;
                            let id = *ids.entry(token).or_insert(next);
                            if id as usize == class_weight.len() {
                                class_weight.push(weight);
                            }
                            id
                        })
                        .collect();
                    found.sort_unstable();
                    let mut list: Vec<(u32, f32)> = Vec::with_capacity(found.len());
                    for id in found {
                        match list.last_mut() {
                            Some((last, count)) if *last == id => *count += 1.0,
                            _ => list.push((id, 1.0)),
                        }
                    }
                    list
                })
                .collect()
        };
        let left_raw = intern(left);
        let right_raw = intern(right);
        let token_count = class_weight.len();
        // Document frequency and total occurrences per side.
        let mut df_left = vec![0u32; token_count];
        let mut df_right = vec![0u32; token_count];
        let mut occurrences_left = vec![0f32; token_count];
        let mut occurrences_right = vec![0f32; token_count];
        for list in &left_raw {
            for (id, count) in list {
                df_left[*id as usize] += 1;
                occurrences_left[*id as usize] += count;
            }
        }
        for list in &right_raw {
            for (id, count) in list {
                df_right[*id as usize] += 1;
                occurrences_right[*id as usize] += count;
            }
        }
        let paragraphs = (left.len() + right.len()).max(1) as f32;
        let weight_of = |id: u32| -> f32 {
            let id = id as usize;
            if df_left[id] == 0 || df_right[id] == 0 {
                return 0.0;
            }
            let df = (df_left[id] + df_right[id]) as f32;
            class_weight[id] * ((paragraphs + 1.0) / (df + 0.5)).ln().max(0.05)
        };
        let bags = |raw: &[Vec<(u32, f32)>], side: &[Block<'_>]| -> Vec<Bag> {
            raw.iter()
                .zip(side)
                .map(|(list, block)| {
                    let tokens: Vec<(u32, f32)> = list
                        .iter()
                        .filter_map(|(id, count)| {
                            let weight = weight_of(*id);
                            (weight > 0.0).then(|| (*id, weight * count.min(3.0)))
                        })
                        .collect();
                    let weight_sum = tokens.iter().map(|(_, w)| w).sum();
                    Bag {
                        tokens,
                        weight_sum,
                        chars: block.text.chars().count() as f32,
                    }
                })
                .collect()
        };
        let left_bags = bags(&left_raw, left);
        let right_bags = bags(&right_raw, right);
        Self {
            left: left_bags,
            right: right_bags,
            left_raw,
            right_raw,
        }
    }

    /// Anchor points `(left paragraph, right paragraph)`, in order.
    ///
    /// Tokens that occur exactly once on each side are diffed with the patience algorithm; the
    /// gaps between the anchors found are searched again with tokens unique *within the gap*,
    /// so that names and figures that repeat across a long text still anchor its chapters.
    fn anchors(&self) -> Vec<(usize, usize)> {
        let mut anchors = Vec::new();
        self.anchors_in(
            0..self.left_raw.len(),
            0..self.right_raw.len(),
            0,
            &mut anchors,
        );
        anchors.sort_unstable();
        anchors.dedup();
        anchors
    }

    fn anchors_in(
        &self,
        left: std::ops::Range<usize>,
        right: std::ops::Range<usize>,
        depth: usize,
        out: &mut Vec<(usize, usize)>,
    ) {
        const MAX_DEPTH: usize = 24;
        const MIN_GAP: usize = 3;
        if left.len() < MIN_GAP || right.len() < MIN_GAP || depth > MAX_DEPTH {
            return;
        }
        let mut counts: FxHashMap<u32, (f32, f32)> = FxHashMap::default();
        for para in left.clone() {
            for (id, count) in &self.left_raw[para] {
                counts.entry(*id).or_default().0 += count;
            }
        }
        for para in right.clone() {
            for (id, count) in &self.right_raw[para] {
                counts.entry(*id).or_default().1 += count;
            }
        }
        // A token that occurs as often on both sides gives one key per occurrence, `(token, n)`:
        // unique on each side, so the patience diff can use it. Frequent tokens are kept: on a
        // book of repeated chapters they are the only anchors, and the keys stay unique.
        let keyed = |raw: &[Vec<(u32, f32)>], range: std::ops::Range<usize>| -> Vec<(u64, usize)> {
            let mut seen: FxHashMap<u32, u64> = FxHashMap::default();
            let mut keys = Vec::new();
            for para in range {
                for (id, count) in &raw[para] {
                    let Some(&(on_left, on_right)) = counts.get(id) else {
                        continue;
                    };
                    if on_left != on_right || *count != 1.0 {
                        continue;
                    }
                    let nth = seen.entry(*id).or_default();
                    keys.push(((u64::from(*id) << 32) | *nth, para));
                    *nth += 1;
                }
            }
            keys
        };
        let unique_left = keyed(&self.left_raw, left.clone());
        let unique_right = keyed(&self.right_raw, right.clone());
        let left_ids: Vec<u64> = unique_left.iter().map(|(id, _)| *id).collect();
        let right_ids: Vec<u64> = unique_right.iter().map(|(id, _)| *id).collect();
        let mut found = Vec::new();
        for op in capture_diff_slices(Algorithm::Patience, &left_ids, &right_ids) {
            if let DiffOp::Equal {
                old_index,
                new_index,
                len,
            } = op
            {
                for k in 0..len {
                    found.push((unique_left[old_index + k].1, unique_right[new_index + k].1));
                }
            }
        }
        // Keep a chain increasing on both sides.
        found.sort_unstable();
        found.dedup();
        let mut chain: Vec<(usize, usize)> = Vec::with_capacity(found.len());
        for (i, j) in found {
            if chain.last().is_none_or(|&(pi, pj)| i >= pi && j >= pj) {
                chain.push((i, j));
            }
        }
        if chain.is_empty() {
            return;
        }
        // Search the gaps between anchors again.
        let mut from = (left.start, right.start);
        for &(i, j) in &chain {
            if i > from.0 && j > from.1 {
                self.anchors_in(from.0..i, from.1..j, depth + 1, out);
            }
            from = (from.0.max(i + 1), from.1.max(j + 1));
        }
        if from.0 < left.end && from.1 < right.end {
            self.anchors_in(from.0..left.end, from.1..right.end, depth + 1, out);
        }
        out.extend(chain);
    }
}

/// For every left position `i` in `0..=n`, the range of right positions the path may visit.
struct Band {
    lo: Vec<usize>,
    hi: Vec<usize>,
}

/// Half-width of the band at an anchor.
const BAND_MIN: usize = 10;
/// The band never grows wider than this on either side of its centre.
const BAND_MAX: usize = 250;

impl Band {
    fn new(features: &Features, n: usize, m: usize) -> Self {
        let mut points = vec![(0, 0)];
        for (i, j) in features.anchors() {
            let Some(&(last_i, last_j)) = points.last() else {
                continue;
            };
            if i >= last_i && j >= last_j && (i, j) != (last_i, last_j) {
                points.push((i, j));
            }
        }
        points.push((n, m));
        let mut lo = vec![0; n + 1];
        let mut hi = vec![m; n + 1];
        for segment in points.windows(2) {
            let ((i0, j0), (i1, j1)) = (segment[0], segment[1]);
            let di = i1 - i0;
            let dj = j1.saturating_sub(j0);
            let width = (BAND_MIN + di.abs_diff(dj) + di.max(dj) / 4).min(BAND_MAX);
            for i in i0..=i1 {
                let centre = (dj * (i - i0) + di / 2)
                    .checked_div(di)
                    .map_or(j0, |step| j0 + step);
                let (from, to) = if di == 0 { (j0, j1) } else { (centre, centre) };
                let seg_lo = from.saturating_sub(width);
                let seg_hi = (to + width).min(m);
                if i == i0 && i0 != 0 {
                    lo[i] = lo[i].min(seg_lo);
                    hi[i] = hi[i].max(seg_hi);
                } else {
                    lo[i] = seg_lo;
                    hi[i] = seg_hi;
                }
            }
        }
        // Monotone bounds, with the corners inside.
        lo[0] = 0;
        hi[n] = m;
        for i in (0..n).rev() {
            lo[i] = lo[i].min(lo[i + 1]);
        }
        for i in 1..=n {
            hi[i] = hi[i].max(hi[i - 1]);
        }
        Self { lo, hi }
    }
}

struct Scorer<'a> {
    left: &'a [Block<'a>],
    right: &'a [Block<'a>],
    features: &'a Features,
    /// Expected right length per left character.
    length_ratio: f32,
}

impl<'a> Scorer<'a> {
    fn new(left: &'a [Block<'a>], right: &'a [Block<'a>], features: &'a Features) -> Self {
        let left_chars: f32 = features.left.iter().map(|b| b.chars).sum();
        let right_chars: f32 = features.right.iter().map(|b| b.chars).sum();
        let length_ratio = if left_chars > 0.0 && right_chars > 0.0 {
            (right_chars / left_chars).clamp(0.3, 3.0)
        } else {
            1.0
        };
        Self {
            left,
            right,
            features,
            length_ratio,
        }
    }

    /// Whether merging improves the length fit over the pair of the first paragraphs: merges
    /// that do not are never better and are not scored.
    fn merge_fits(&self, l0: usize, l1: usize, r0: usize, r1: usize) -> bool {
        let chars = |bags: &[Bag]| bags.iter().map(|b| b.chars).sum::<f32>();
        let misfit = |left: f32, right: f32| {
            let expected = left * self.length_ratio;
            (right - expected).abs() / (expected + right + 1.0).sqrt()
        };
        let merged = misfit(
            chars(&self.features.left[l0..l1]),
            chars(&self.features.right[r0..r1]),
        );
        let single_left = misfit(
            self.features.left[l1 - 1].chars,
            self.features.right[r1 - 1].chars,
        );
        let single_first = misfit(self.features.left[l0].chars, self.features.right[r0].chars);
        merged < single_left.max(single_first)
    }

    /// The score of a row joining `left[l0..l1]` with `right[r0..r1]`, both non-empty.
    fn pair(&self, l0: usize, l1: usize, r0: usize, r1: usize, buf: &mut Buffers) -> f32 {
        let left_bags = &self.features.left[l0..l1];
        let right_bags = &self.features.right[r0..r1];
        let (left_tokens, left_sum, left_chars) =
            merged(left_bags, &mut buf.left, &mut buf.scratch);
        let (right_tokens, right_sum, right_chars) =
            merged(right_bags, &mut buf.right, &mut buf.scratch);
        let shared = shared_weight(left_tokens, right_tokens);
        let total = left_sum + right_sum;
        let dice = if total > 0.0 {
            2.0 * shared / total
        } else {
            0.0
        };
        let (length, kind) = self.shape(l0, l1, r0, r1, left_chars, right_chars);
        LEXICAL_WEIGHT * dice + length + kind - PAIR_BIAS
    }

    /// An upper bound of [`Scorer::pair`] that does not look at the tokens: all the tokens of
    /// the lighter side shared. Cells whose best move is already out of its reach skip the
    /// scoring.
    fn pair_bound(&self, l0: usize, l1: usize, r0: usize, r1: usize) -> f32 {
        let (left_sum, left_chars) = extent(&self.features.left[l0..l1]);
        let (right_sum, right_chars) = extent(&self.features.right[r0..r1]);
        let total = left_sum + right_sum;
        let dice = if total > 0.0 {
            2.0 * left_sum.min(right_sum) / total
        } else {
            0.0
        };
        let (length, kind) = self.shape(l0, l1, r0, r1, left_chars, right_chars);
        LEXICAL_WEIGHT * dice + length + kind - PAIR_BIAS
    }

    /// How well the lengths fit (0..1) and how well the kinds agree.
    fn shape(
        &self,
        l0: usize,
        l1: usize,
        r0: usize,
        r1: usize,
        left_chars: f32,
        right_chars: f32,
    ) -> (f32, f32) {
        let expected = left_chars * self.length_ratio;
        let delta = (right_chars - expected)
            / (LENGTH_VARIANCE * (expected + right_chars) / 2.0 + 1.0).sqrt();
        let length = (-0.5 * delta * delta).exp();

        let kinds = |blocks: &[Block<'_>]| {
            let chrome = blocks.iter().any(|b| b.kind == ParagraphKind::Boilerplate);
            let content = blocks.iter().any(|b| b.kind != ParagraphKind::Boilerplate);
            let heading = blocks.iter().any(|b| b.kind == ParagraphKind::Heading);
            let body = blocks.iter().any(|b| b.kind == ParagraphKind::Body);
            (chrome, content, heading, body)
        };
        let (l_chrome, l_content, l_heading, l_body) = kinds(&self.left[l0..l1]);
        let (r_chrome, r_content, r_heading, r_body) = kinds(&self.right[r0..r1]);
        let kind = if (l_chrome && r_content) || (l_content && r_chrome) {
            -0.8
        } else if (l_heading && !l_body && r_body && !r_heading)
            || (l_body && !l_heading && r_heading && !r_body)
        {
            -0.4
        } else {
            0.2
        };
        (length, kind)
    }
}

/// The summed token weight and the length (characters, with a separator between paragraphs)
/// of consecutive paragraphs.
fn extent(bags: &[Bag]) -> (f32, f32) {
    let chars: f32 = bags.iter().map(|b| b.chars).sum::<f32>() + (bags.len() - 1) as f32;
    let sum: f32 = bags.iter().map(|b| b.weight_sum).sum();
    (sum, chars)
}

#[derive(Default)]
struct Buffers {
    left: Vec<(u32, f32)>,
    right: Vec<(u32, f32)>,
    scratch: Vec<(u32, f32)>,
}

/// The tokens of one or more consecutive paragraphs, summed: borrowed when there is one.
fn merged<'b>(
    bags: &'b [Bag],
    buf: &'b mut Vec<(u32, f32)>,
    scratch: &mut Vec<(u32, f32)>,
) -> (&'b [(u32, f32)], f32, f32) {
    let (sum, chars) = extent(bags);
    if let [single] = bags {
        return (&single.tokens, sum, chars);
    }
    buf.clear();
    buf.extend_from_slice(&bags[0].tokens);
    for bag in &bags[1..] {
        merge_sorted(buf, &bag.tokens, scratch);
        std::mem::swap(buf, scratch);
    }
    (buf.as_slice(), sum, chars)
}

/// Merge two token lists sorted by id into `out`, adding the weights of equal ids.
fn merge_sorted(a: &[(u32, f32)], b: &[(u32, f32)], out: &mut Vec<(u32, f32)>) {
    out.clear();
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => {
                out.push(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(b[j]);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push((a[i].0, a[i].1 + b[j].1));
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
}

/// Sum over shared tokens of the smaller weight (both lists sorted by id).
fn shared_weight(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut shared) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += a[i].1.min(b[j].1);
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

fn solve(scorer: &Scorer<'_>, band: &Band, n: usize, m: usize) -> Vec<Row> {
    // Row `i` of the table holds positions `band.lo[i]..=band.hi[i]`.
    let mut offsets = Vec::with_capacity(n + 2);
    let mut total = 0;
    for i in 0..=n {
        offsets.push(total);
        total += band.hi[i] - band.lo[i] + 1;
    }
    let mut score = vec![f32::NEG_INFINITY; total];
    let mut back = vec![u8::MAX; total];
    let cell = |i: usize, j: usize| -> Option<usize> {
        (j >= band.lo[i] && j <= band.hi[i]).then(|| offsets[i] + j - band.lo[i])
    };
    if let Some(start) = cell(0, 0) {
        score[start] = 0.0;
    }
    let mut buf = Buffers::default();
    // Moves that leave a paragraph unmatched first: they cost nothing to score and give a
    // best that most pairs are then out of reach of (`pair_bound`). The winner is the same as
    // in the order of `MOVES`: the highest total, the earlier move on a tie.
    let order = {
        let mut order: Vec<usize> = (0..MOVES.len()).collect();
        order.sort_by_key(|&k| MOVES[k].0 != 0 && MOVES[k].1 != 0);
        order
    };
    for i in 0..=n {
        for j in band.lo[i]..=band.hi[i] {
            let Some(here) = cell(i, j) else { continue };
            let mut best = score[here];
            let mut best_move = back[here];
            for &move_idx in &order {
                let (a, b, penalty) = MOVES[move_idx];
                if a > i || b > j {
                    continue;
                }
                let Some(from) = cell(i - a, j - b) else {
                    continue;
                };
                let base = score[from];
                if base == f32::NEG_INFINITY {
                    continue;
                }
                let gain = if a == 0 || b == 0 {
                    0.0
                } else if a + b > 2 && !scorer.merge_fits(i - a, i, j - b, j) {
                    // A merge that fits the lengths worse than either of its end pairs
                    // does not win: skip the costly scoring.
                    continue;
                } else if base + scorer.pair_bound(i - a, i, j - b, j) - penalty
                    < best - BOUND_MARGIN
                {
                    continue;
                } else {
                    scorer.pair(i - a, i, j - b, j, &mut buf) - penalty
                };
                let total = base + gain;
                if total > best || (total == best && (move_idx as u8) < best_move) {
                    best = total;
                    best_move = move_idx as u8;
                }
            }
            score[here] = best;
            back[here] = best_move;
        }
    }
    // Walk back from the end.
    let mut rows = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let Some(here) = cell(i, j) else { break };
        let Some(&(a, b, _)) = MOVES.get(back[here] as usize) else {
            break;
        };
        rows.push(Row {
            left: (i - a..i).collect(),
            right: (j - b..j).collect(),
        });
        i -= a;
        j -= b;
    }
    // The band always reaches (0, 0); this only guards against a broken table.
    rows.extend((0..i).rev().map(|l| Row {
        left: vec![l],
        right: Vec::new(),
    }));
    rows.extend((0..j).rev().map(|r| Row {
        left: Vec::new(),
        right: vec![r],
    }));
    rows.reverse();
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use ParagraphKind::{Body, Boilerplate, Heading};

    fn blocks<'a>(items: &[(&'a str, ParagraphKind)]) -> Vec<Block<'a>> {
        items.iter().map(|(t, k)| Block::new(t, *k)).collect()
    }

    fn shape(rows: &[Row]) -> Vec<(Vec<usize>, Vec<usize>)> {
        rows.iter()
            .map(|r| (r.left.clone(), r.right.clone()))
            .collect()
    }

    #[test]
    fn empty_sides() {
        assert!(align(&[], &[]).is_empty());
        let one = blocks(&[("Text", Body)]);
        assert_eq!(shape(&align(&one, &[])), [(vec![0], vec![])]);
        assert_eq!(shape(&align(&[], &one)), [(vec![], vec![0])]);
    }

    #[test]
    fn merges_and_unmatched_lines() {
        let left = blocks(&[
            ("Vad hände i oktober 2025?", Heading),
            (
                "SoftBank sålde 32,1 miljoner aktier i Nvidia för 5,83 miljarder dollar.",
                Body,
            ),
            ("Intäkten gick till OpenAI och Stargate i Texas.", Body),
            ("Lämplig för detta:", Boilerplate),
            ("Hur reagerade marknaden?", Heading),
            ("Aktien föll 10 procent efter rapporten från Reuters.", Body),
        ]);
        let right = blocks(&[
            ("Wat gebeurde er in oktober 2025?", Heading),
            (
                "SoftBank verkocht 32,1 miljoen aandelen Nvidia voor 5,83 miljard dollar. De opbrengst ging naar OpenAI en Stargate in Texas.",
                Body,
            ),
            ("Hoe reageerde de markt?", Heading),
            (
                "Het aandeel daalde 10 procent na het rapport van Reuters.",
                Body,
            ),
        ]);
        assert_eq!(
            shape(&align(&left, &right)),
            [
                (vec![0], vec![0]),
                (vec![1, 2], vec![1]),
                (vec![3], vec![]),
                (vec![4], vec![2]),
                (vec![5], vec![3]),
            ]
        );
    }
}
