//! The measures of a row and a coverage paragraph ([`PairFeatures`]) and the base score the
//! first stage of linking gives a candidate: shared figures, names, words, cognates and
//! concepts, each weighted by rarity, and the vector arithmetic they are made of.

use super::super::model::MODEL_FEATURES;
use super::super::profile::{KeyClass, Rarity};
use super::{Linker, Query, Target};

/// What is measured of a row and a coverage paragraph.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PairFeatures {
    /// Shared figures and dates, rarity-weighted (0 when none).
    pub figures: f32,
    /// Shared names, rarity-weighted.
    pub names: f32,
    /// The share of the coverage paragraph's names (rarity-weighted) that the row has.
    pub name_share: f32,
    /// The rarest shared name (its rarity, 0..1).
    pub rarest_name: f32,
    /// Cosine of word stems in the coverage document's language (0 when no side shares it).
    pub words: f32,
    /// Words of the coverage paragraph whose cognate form starts like a word of the row
    /// (five letters), rarity-weighted.
    pub cognates: f32,
    /// The share of the coverage paragraph's words (rarity-weighted) that meet a row word so.
    pub cognate_share: f32,
    /// How far that share exceeds the share of the whole coverage document's words that meet
    /// a row word so: what the row and the paragraph share beyond what any paragraph of that
    /// document shares with the row (related languages share many cognates by chance, Dutch
    /// and German far more than English and Italian).
    pub cognate_excess: f32,
    /// A side of the row is written in the coverage document's language.
    pub same_language: bool,
    /// Glossary concepts of the coverage paragraph that a word of the row stands for too,
    /// rarity-weighted (*bubbla* / *Blase*).
    pub concepts: f32,
    /// The share of the coverage paragraph's concepts (rarity-weighted) that the row has.
    pub concept_share: f32,
}

/// How many measures the model reads.
pub const FEATURES: usize = 11;

// The forest reads the measures and two of their context.
const _: () = assert!(MODEL_FEATURES == FEATURES + 2);

/// The base score: bias and weights of a logistic model fitted on the judged links of the
/// bundled set (`cargo test --test integration calibrate_links -- --ignored --nocapture`
/// refits them).
const WEIGHTS: [f32; FEATURES + 1] = [
    -4.14, 4.23, 0.06, 1.53, 1.67, -0.10, 0.65, -0.78, -0.07, 1.49, 0.56, -0.32,
];

impl PairFeatures {
    /// The measures as the model reads them.
    pub fn vector(&self) -> [f32; FEATURES] {
        [
            self.figures.min(3.0),
            self.names.min(3.0),
            self.name_share,
            self.rarest_name,
            self.words,
            self.cognates.min(3.0),
            self.cognate_share,
            f32::from(u8::from(self.same_language)),
            self.concepts.min(3.0),
            self.concept_share,
            self.cognate_excess,
        ]
    }

    /// The base score: how likely the coverage paragraph reports what the row says, from the
    /// measures alone (the forest reads it for the neighbouring pairs).
    pub fn score(&self) -> f32 {
        let x = self.vector();
        let z = WEIGHTS[0] + (0..FEATURES).map(|k| WEIGHTS[k + 1] * x[k]).sum::<f32>();
        1.0 / (1.0 + (-z).exp())
    }
}

impl Linker {
    /// The measures of a row's query and a coverage paragraph.
    /// `cognate_chance` is [`Self::cognate_chance`] of the query's prefixes.
    pub(super) fn features(
        &self,
        query: &Query,
        cognate_chance: &[f32],
        target: &Target,
    ) -> PairFeatures {
        let profile = &self.profiles[target.document][target.paragraph];
        let mut figures = 0.0;
        let mut near = 0.0;
        let mut other = 0.0;
        for (key, rarity) in profile.keys.iter().zip(&target.key_rarity) {
            if let Some((_, class, specificity)) = query.key(key.hash) {
                let weight = class.weight() * specificity * rarity;
                match class {
                    KeyClass::NearFigure => near += weight,
                    _ => {
                        figures += weight;
                        other += weight;
                    }
                }
            }
        }
        let (mut names, mut rarest_name) = (0.0, 0.0f32);
        for &(name, rarity) in &target.names {
            if query.names.binary_search(&name).is_ok() {
                names += rarity;
                rarest_name = rarest_name.max(rarity);
            }
        }
        let name_share = share(names, target.name_mass);
        // A near figure counts only beside a name, a date or an exact figure.
        if other + names > 0.3 {
            figures += near;
        }
        let (words, same_language) =
            query
                .stems
                .iter()
                .find(|s| s.lang == target.lang)
                .map_or((0.0, false), |s| {
                    (
                        dot(&s.vector, &target.stems) / (s.norm * target.stem_norm).max(1e-6),
                        true,
                    )
                });
        let cognates = sorted_overlap(&target.cognates, &query.prefixes);
        let cognate_share = share(cognates, target.cognate_mass);
        let cognate_excess = (cognate_share - cognate_chance[target.document]).max(0.0);
        let concepts = sorted_overlap(&target.concepts, &query.concepts);
        let concept_share = share(concepts, target.concept_mass);
        PairFeatures {
            figures,
            names,
            name_share,
            rarest_name,
            words,
            cognates,
            cognate_share,
            cognate_excess,
            same_language,
            concepts,
            concept_share,
        }
    }
}

pub(super) fn weighted(list: &[(u64, f32)], rarity: &Rarity) -> (Vec<(u64, f32)>, f32) {
    let out: Vec<(u64, f32)> = list
        .iter()
        .map(|&(hash, count)| (hash, (1.0 + count.ln()) * rarity.idf(hash)))
        .filter(|(_, w)| *w > 0.0)
        .collect();
    let norm = out.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    (out, norm)
}

/// Σ a·b over two lists sorted by hash.
pub(super) fn dot(a: &[(u64, f32)], b: &[(u64, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// Merge two weighted lists sorted by hash (each hash once in each), adding weights of equal
/// hashes; sorted by hash.
pub(super) fn merge_into(a: &[(u64, f32)], b: Vec<(u64, f32)>) -> Vec<(u64, f32)> {
    let mut out: Vec<(u64, f32)> = Vec::with_capacity(a.len() + b.len());
    let mut b = b.into_iter().peekable();
    for &(hash, weight) in a {
        while let Some(smaller) = b.next_if(|(h, _)| *h < hash) {
            out.push(smaller);
        }
        match b.next_if(|(h, _)| *h == hash) {
            Some((_, extra)) => out.push((hash, weight + extra)),
            None => out.push((hash, weight)),
        }
    }
    out.extend(b);
    out
}

/// Merge weighted lists, adding weights of equal hashes; sorted by hash.
pub(super) fn merge(lists: impl IntoIterator<Item = (u64, f32)>) -> Vec<(u64, f32)> {
    let mut all: Vec<(u64, f32)> = lists.into_iter().collect();
    all.sort_unstable_by_key(|(h, _)| *h);
    let mut out: Vec<(u64, f32)> = Vec::with_capacity(all.len());
    for (hash, weight) in all {
        match out.last_mut() {
            Some((last, w)) if *last == hash => *w += weight,
            _ => out.push((hash, weight)),
        }
    }
    out
}

/// Each of `hashes` with its rarity (0..1), in their order, and the sum of the rarities.
pub(super) fn by_rarity(hashes: &[u64], rarity: &Rarity) -> (Vec<(u64, f32)>, f32) {
    let weighted: Vec<(u64, f32)> = hashes.iter().map(|&h| (h, rarity.idf_norm(h))).collect();
    let mass = weighted.iter().map(|(_, w)| w).sum();
    (weighted, mass)
}

/// `part` as a share of `whole` (0 when there is no whole).
pub(super) fn share(part: f32, whole: f32) -> f32 {
    if whole > 0.0 { part / whole } else { 0.0 }
}

/// Σ weight of the items of `weighted` whose hash is in `hashes` (both sorted by hash).
pub(super) fn sorted_overlap(weighted: &[(u64, f32)], hashes: &[u64]) -> f32 {
    let mut sum = 0.0;
    let mut hashes = hashes.iter().peekable();
    for (hash, weight) in weighted {
        while hashes.next_if(|h| *h < hash).is_some() {}
        if hashes.peek() == Some(&hash) {
            sum += weight;
        }
    }
    sum
}

/// The `n` heaviest of `items` (in no particular order).
pub(super) fn heaviest(mut items: Vec<(u64, f32)>, n: usize) -> Vec<(u64, f32)> {
    if items.len() > n {
        items.select_nth_unstable_by(n, |a, b| b.1.total_cmp(&a.1));
        items.truncate(n);
    }
    items
}
