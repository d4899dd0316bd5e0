//! The model that turns what a row and a coverage paragraph share into the probability that
//! the paragraph reports what the row says: a small random forest, monotone in every measure
//! of shared evidence (more shared never lowers the score), fitted on the judged links of the
//! bundled set and compiled in (`assets/link-model.json`).
//!
//! A forest and not a weighted sum, because evidence combines: a shared name counts for much
//! in a paragraph in the row's language and little in another; a shared concept counts when a
//! name or a figure is shared too. On the judged set, held out five ways, the forest finds a
//! right link for about a third more paragraphs than a logistic model at the same false-link
//! rate (`tests/integration/calibrate.rs`, `calibrate_links`).

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// The measures the model reads: the pair's own ([`super::FEATURES`]), then two of its
/// context — the likeliest base score of the same coverage paragraph for the neighbouring
/// rows, and of the neighbouring coverage paragraphs for this row.
pub const MODEL_FEATURES: usize = 13;

/// The model compiled into the program.
const SOURCE: &str = include_str!("../../assets/link-model.json");

/// A node of a tree: a split on `feature` at `threshold` (go left when below), or a leaf
/// (`feature == LEAF`) with the share of right links that reached it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Node {
    /// The measure split on, or [`LEAF`].
    #[serde(rename = "f")]
    pub feature: u8,
    /// Values below go left.
    #[serde(rename = "t")]
    pub threshold: f32,
    /// The index in the tree of the child below the threshold.
    #[serde(rename = "l")]
    pub left: u16,
    /// The index in the tree of the child at or above it.
    #[serde(rename = "r")]
    pub right: u16,
    /// A leaf's probability.
    #[serde(rename = "v")]
    pub value: f32,
}

/// The `feature` of a leaf.
pub const LEAF: u8 = u8::MAX;

/// A forest and the threshold chosen with it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Forest {
    /// What each measure is, in order (for people reading the file).
    pub features: Vec<String>,
    /// Links less likely than this are not kept.
    pub threshold: f32,
    /// The trees, each from its root (index 0).
    pub trees: Vec<Vec<Node>>,
    /// The trees' mean mapped to a probability: (mean, probability) points, ascending, between
    /// which it is interpolated (isotonic regression on held-out scores).
    #[serde(default)]
    pub calibration: Vec<(f32, f32)>,
    /// The trees laid out for reading (empty when a tree is deeper than they allow).
    #[serde(skip)]
    compiled: Vec<Complete>,
}

/// A tree as [`Forest::mean`] reads it: complete to [`COMPLETE_DEPTH`] levels in heap order
/// (the children of node `i` at `2i + 1` and `2i + 2`), a leaf above the last level repeated
/// below it, so that every walk takes the same steps without a branch.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Complete {
    feature: [u8; SPLITS],
    threshold: [f32; SPLITS],
    leaves: [f32; SPLITS + 1],
}

/// The depth of the complete trees.
const COMPLETE_DEPTH: usize = 4;
/// Splits in a complete tree.
const SPLITS: usize = (1 << COMPLETE_DEPTH) - 1;

impl Forest {
    /// The model compiled into the program, read once.
    pub fn get() -> &'static Self {
        static FOREST: OnceLock<Forest> = OnceLock::new();
        // The compiled-in model is checked by the tests.
        FOREST.get_or_init(|| {
            let forest: Self = serde_json::from_str(SOURCE).unwrap_or_default();
            forest.compile()
        })
    }

    /// The probability for the measures `x`: the mean of the trees' leaves, calibrated.
    pub fn predict(&self, x: &[f32; MODEL_FEATURES]) -> f32 {
        self.calibrate(self.mean(x))
    }

    /// The probability for a mean of the trees' leaves.
    pub fn calibrate(&self, mean: f32) -> f32 {
        calibrated(&self.calibration, mean)
    }

    /// The forest laid out for reading: every tree complete to the same depth.
    #[must_use]
    pub fn compile(mut self) -> Self {
        let mut compiled = Vec::with_capacity(self.trees.len());
        for tree in &self.trees {
            let mut complete = Complete {
                feature: [0; SPLITS],
                threshold: [f32::INFINITY; SPLITS],
                leaves: [0.0; SPLITS + 1],
            };
            if !fill(tree, 0, 0, &mut complete) {
                self.compiled = Vec::new();
                return self;
            }
            compiled.push(complete);
        }
        self.compiled = compiled;
        self
    }

    /// The mean of the trees' leaves for the measures `x`, before calibration.
    pub fn mean(&self, x: &[f32; MODEL_FEATURES]) -> f32 {
        if self.trees.is_empty() {
            return 0.0;
        }
        if !self.compiled.is_empty() {
            let walk = |tree: &Complete| {
                let mut at = 0;
                for _ in 0..COMPLETE_DEPTH {
                    let right = x[usize::from(tree.feature[at])] >= tree.threshold[at];
                    at = 2 * at + 1 + usize::from(right);
                }
                tree.leaves[at - SPLITS]
            };
            // Four trees at a time, each into its own sum: four walks in flight instead of one
            // long chain of additions.
            let mut sums = [0.0f32; 4];
            let mut chunks = self.compiled.chunks_exact(4);
            for four in &mut chunks {
                for (sum, tree) in sums.iter_mut().zip(four) {
                    *sum += walk(tree);
                }
            }
            let rest: f32 = chunks.remainder().iter().map(walk).sum();
            let sum = sums.iter().sum::<f32>() + rest;
            return sum / self.compiled.len() as f32;
        }
        let sum: f32 = self
            .trees
            .iter()
            .map(|tree| {
                let mut at = 0;
                loop {
                    let node = tree[at];
                    if node.feature == LEAF {
                        break node.value;
                    }
                    at = if x[usize::from(node.feature)] < node.threshold {
                        usize::from(node.left)
                    } else {
                        usize::from(node.right)
                    };
                }
            })
            .sum();
        sum / self.trees.len() as f32
    }
}

/// Put node `at` of `tree` (and the nodes below it) at place `place` of `complete`; false when
/// the tree is deeper than a complete tree.
fn fill(tree: &[Node], at: usize, place: usize, complete: &mut Complete) -> bool {
    let Some(node) = tree.get(at) else {
        return false;
    };
    let depth = (place + 1).ilog2() as usize;
    if node.feature == LEAF {
        // Every leaf below this place gets the value (splits here never go right).
        let below = COMPLETE_DEPTH - depth;
        let first = ((place + 1) << below) - 1 - SPLITS;
        complete.leaves[first..first + (1 << below)].fill(node.value);
        return true;
    }
    if depth >= COMPLETE_DEPTH || usize::from(node.feature) >= MODEL_FEATURES {
        return false;
    }
    complete.feature[place] = node.feature;
    complete.threshold[place] = node.threshold;
    fill(tree, usize::from(node.left), 2 * place + 1, complete)
        && fill(tree, usize::from(node.right), 2 * place + 2, complete)
}

/// `raw` mapped through the calibration points (itself without any).
fn calibrated(points: &[(f32, f32)], raw: f32) -> f32 {
    let Some(&(first_x, first_y)) = points.first() else {
        return raw;
    };
    if raw <= first_x {
        return first_y;
    }
    for pair in points.windows(2) {
        let ((x0, y0), (x1, y1)) = (pair[0], pair[1]);
        if raw <= x1 {
            let t = if x1 > x0 { (raw - x0) / (x1 - x0) } else { 1.0 };
            return y0 + t * (y1 - y0);
        }
    }
    points.last().map_or(raw, |p| p.1)
}

/// The calibration of scores: isotonic regression (pool adjacent violators) of the labels on
/// the scores, as points (mean score of a block, share of right links in it), ascending.
pub fn isotonic(scored: &[(f32, bool)]) -> Vec<(f32, f32)> {
    let mut sorted: Vec<(f32, bool)> = scored.to_vec();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
    // Blocks: (sum of scores, sum of labels, count).
    let mut blocks: Vec<(f64, f64, f64)> = Vec::new();
    for (score, right) in sorted {
        blocks.push((f64::from(score), f64::from(u8::from(right)), 1.0));
        while blocks.len() >= 2 {
            let (a, b) = (blocks[blocks.len() - 2], blocks[blocks.len() - 1]);
            if a.1 / a.2 < b.1 / b.2 {
                break;
            }
            blocks.pop();
            *blocks.last_mut().unwrap_or(&mut (0.0, 0.0, 0.0)) = (a.0 + b.0, a.1 + b.1, a.2 + b.2);
        }
    }
    // A block's share, smoothed by half a sample each way: a block of ten right links is not
    // a certainty. Kept ascending.
    let mut floor = 0.0f32;
    blocks
        .iter()
        .map(|(x, y, n)| {
            floor = floor.max(((y + 0.5) / (n + 1.0)) as f32);
            ((x / n) as f32, floor)
        })
        .collect()
}

/// How a forest is grown.
#[derive(Clone, Copy, Debug)]
pub struct Growth {
    /// Trees in the forest.
    pub trees: usize,
    /// Splits from the root to a leaf, at most.
    pub depth: usize,
    /// Samples a leaf keeps at least.
    pub min_leaf: usize,
    /// Measures tried at each split.
    pub tried: usize,
    /// The seed of the bootstrap and of the measures tried.
    pub seed: u64,
}

impl Default for Growth {
    fn default() -> Self {
        Self {
            trees: 100,
            depth: 4,
            min_leaf: 5,
            tried: 4,
            seed: 1,
        }
    }
}

/// Grow a random forest on `samples` (measures, right link or not): each tree on a bootstrap
/// sample, splits by Gini impurity among `tried` random measures. The measures in
/// `increasing` are monotone: a split on one must not give its lower side the higher
/// probability, and the bound passes down the tree, so raising such a measure never lowers
/// the forest's output.
pub fn grow(
    samples: &[([f32; MODEL_FEATURES], bool)],
    increasing: &[bool; MODEL_FEATURES],
    growth: Growth,
) -> Forest {
    let mut random = Random(growth.seed.max(1));
    let trees = (0..growth.trees)
        .map(|_| {
            let mut counts = vec![0u32; samples.len()];
            for _ in 0..samples.len() {
                counts[random.below(samples.len())] += 1;
            }
            let chosen: Vec<usize> = (0..samples.len()).filter(|&i| counts[i] > 0).collect();
            let mut tree = Vec::new();
            let mut grower = Grower {
                samples,
                counts: &counts,
                increasing,
                growth,
                random: &mut random,
                tree: &mut tree,
            };
            grower.node(&chosen, 0, (0.0, 1.0));
            tree
        })
        .collect();
    Forest {
        features: Vec::new(),
        threshold: 0.5,
        trees,
        calibration: Vec::new(),
        compiled: Vec::new(),
    }
    .compile()
}

struct Grower<'a> {
    samples: &'a [([f32; MODEL_FEATURES], bool)],
    counts: &'a [u32],
    increasing: &'a [bool; MODEL_FEATURES],
    growth: Growth,
    random: &'a mut Random,
    tree: &'a mut Vec<Node>,
}

/// A split found: measure, threshold, and the positive share of each side.
struct Split {
    feature: usize,
    threshold: f32,
    left_share: f32,
    right_share: f32,
}

impl Grower<'_> {
    /// Grow the node for `members` (indices into the samples) within the value bounds; returns
    /// its index.
    fn node(&mut self, members: &[usize], depth: usize, bounds: (f32, f32)) -> u16 {
        let at = self.tree.len();
        let (weight, positive) = self.weigh(members);
        let value = (positive / weight.max(1.0)).clamp(bounds.0, bounds.1);
        self.tree.push(Node {
            feature: LEAF,
            threshold: 0.0,
            left: 0,
            right: 0,
            value,
        });
        let pure = positive == 0.0 || positive == weight;
        let split = if depth < self.growth.depth && !pure {
            self.best_split(members)
        } else {
            None
        };
        if let Some(split) = split {
            let (left, right): (Vec<usize>, Vec<usize>) = members
                .iter()
                .partition(|&&i| self.samples[i].0[split.feature] < split.threshold);
            let (left_bounds, right_bounds) = if self.increasing[split.feature] {
                let middle =
                    f32::midpoint(split.left_share, split.right_share).clamp(bounds.0, bounds.1);
                ((bounds.0, middle), (middle, bounds.1))
            } else {
                (bounds, bounds)
            };
            let left = self.node(&left, depth + 1, left_bounds);
            let right = self.node(&right, depth + 1, right_bounds);
            self.tree[at] = Node {
                feature: u8::try_from(split.feature).unwrap_or(LEAF),
                threshold: split.threshold,
                left,
                right,
                value,
            };
        }
        u16::try_from(at).unwrap_or(u16::MAX)
    }

    /// Total bootstrap weight and positive weight of `members`.
    fn weigh(&self, members: &[usize]) -> (f32, f32) {
        members.iter().fold((0.0, 0.0), |(w, p), &i| {
            let c = self.counts[i] as f32;
            (w + c, if self.samples[i].1 { p + c } else { p })
        })
    }

    fn best_split(&mut self, members: &[usize]) -> Option<Split> {
        let (total, total_positive) = self.weigh(members);
        let mut features: Vec<usize> = (0..MODEL_FEATURES).collect();
        // The first `tried` of a shuffle.
        for i in 0..self.growth.tried.min(MODEL_FEATURES) {
            let j = i + self.random.below(MODEL_FEATURES - i);
            features.swap(i, j);
        }
        let min_leaf = self.growth.min_leaf as f32;
        let mut best: Option<(f32, Split)> = None;
        for &feature in &features[..self.growth.tried.min(MODEL_FEATURES)] {
            let mut sorted: Vec<(f32, f32, bool)> = members
                .iter()
                .map(|&i| {
                    let (x, y) = &self.samples[i];
                    (x[feature], self.counts[i] as f32, *y)
                })
                .collect();
            sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
            let (mut left, mut left_positive) = (0.0f32, 0.0f32);
            for k in 0..sorted.len() - 1 {
                let (value, count, positive) = sorted[k];
                left += count;
                if positive {
                    left_positive += count;
                }
                let next = sorted[k + 1].0;
                if next <= value {
                    continue;
                }
                let right = total - left;
                if left < min_leaf || right < min_leaf {
                    continue;
                }
                let right_positive = total_positive - left_positive;
                let (left_share, right_share) = (left_positive / left, right_positive / right);
                if self.increasing[feature] && left_share > right_share {
                    continue;
                }
                let gini = |n: f32, p: f32| n * (1.0 - (p * p + (1.0 - p) * (1.0 - p)));
                let impurity = gini(left, left_share) + gini(right, right_share);
                if best.as_ref().is_none_or(|(b, _)| impurity < *b) {
                    best = Some((
                        impurity,
                        Split {
                            feature,
                            threshold: f32::midpoint(value, next),
                            left_share,
                            right_share,
                        },
                    ));
                }
            }
        }
        let parent = total
            * (1.0 - {
                let p = total_positive / total;
                p * p + (1.0 - p) * (1.0 - p)
            });
        best.filter(|(impurity, _)| *impurity < parent - 1e-6)
            .map(|(_, split)| split)
    }
}

/// xorshift64*: a small, seeded generator (the same forest from the same samples).
struct Random(u64);

impl Random {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let x = self.0.wrapping_mul(0x2545_f491_4f6c_dd1d);
        ((x >> 33) as usize) % n.max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_model_reads() {
        let forest: Forest = serde_json::from_str(SOURCE).unwrap();
        assert!(!forest.trees.is_empty());
        assert_eq!(forest.features.len(), MODEL_FEATURES);
        assert!(forest.threshold > 0.0 && forest.threshold < 1.0);
    }

    /// Samples whose label follows the first measure, with noise in the others.
    fn samples() -> Vec<([f32; MODEL_FEATURES], bool)> {
        let mut random = Random(7);
        (0..400)
            .map(|_| {
                let mut x = [0.0; MODEL_FEATURES];
                for v in &mut x {
                    *v = random.below(1000) as f32 / 1000.0;
                }
                let y = x[0] + (random.below(100) as f32 / 500.0) > 0.7;
                (x, y)
            })
            .collect()
    }

    #[test]
    fn calibration_is_monotone_and_follows_the_labels() {
        let scored: Vec<(f32, bool)> = (0..100)
            .map(|i| (i as f32 / 100.0, i % 10 < i / 10))
            .collect();
        let points = isotonic(&scored);
        assert!(
            points
                .windows(2)
                .all(|w| w[0].0 <= w[1].0 && w[0].1 <= w[1].1)
        );
        assert!(calibrated(&points, 0.0) < 0.1);
        assert!(calibrated(&points, 0.99) > 0.8);
        assert_eq!(calibrated(&[], 0.3), 0.3);
    }

    #[test]
    fn a_forest_learns_and_stays_monotone() {
        let samples = samples();
        let forest = grow(&samples, &[true; MODEL_FEATURES], Growth::default());
        let mut low = [0.5; MODEL_FEATURES];
        low[0] = 0.1;
        let mut high = low;
        high[0] = 0.95;
        // The forest's mean, before calibration: trees that never split on the measure that
        // matters pull it to the middle.
        assert!(forest.predict(&low) < 0.2, "{}", forest.predict(&low));
        assert!(forest.predict(&high) > 0.6, "{}", forest.predict(&high));
        // Raising any measure never lowers the output.
        for feature in 0..MODEL_FEATURES {
            let mut x = [0.3; MODEL_FEATURES];
            let mut previous = 0.0;
            for step in 0..=20 {
                x[feature] = step as f32 / 20.0;
                let p = forest.predict(&x);
                assert!(
                    p + 1e-6 >= previous,
                    "measure {feature} at {step}: {p} < {previous}"
                );
                previous = p;
            }
        }
    }
}
