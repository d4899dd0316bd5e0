//! Finding and scoring the coverage paragraphs of a row.
//!
//! A row's query joins the profiles of its left and right paragraphs. Coverage paragraphs are
//! found through an inverted index (never by comparing all pairs) and described by measures
//! that do not depend on the set's size:
//! - **figures**: shared figures and dates, weighted by their rarity;
//! - **names**: shared names, weighted by their rarity, their share of the paragraph's names,
//!   and the rarest of them;
//! - **words**: for a coverage document in the language of a side of the row, the cosine of
//!   their word stems (BM25-like weights: sublinear counts × rarity), with the other side's
//!   words carried into that language by the lexicon learned from the set;
//! - **cognates**: across languages, the words of the coverage paragraph whose cognate form
//!   starts with the same five letters as a word of the row (*investering* / *Investition* /
//!   *investment*), rarity-weighted, and their share of the paragraph's words;
//! - **concepts**: the glossary concepts they share (*bubbla* / *Blase*), rarity-weighted, and
//!   their share of the paragraph's concepts;
//! - whether a side shares the coverage document's language.
//!
//! Linking runs in two stages. The first measures every row's candidates and gives each a base
//! score ([`PairFeatures::score`], a logistic model of the measures alone). The second reads
//! each candidate with its context — the base score of the same coverage paragraph for the
//! neighbouring rows, and of the neighbouring coverage paragraphs for this row — through the
//! calibrated forest of [`super::model`]: the probability that the coverage paragraph reports
//! what the row says.

use rustc_hash::FxHashMap;

mod measures;

pub use measures::{FEATURES, PairFeatures};
use measures::{by_rarity, heaviest, merge, merge_into, share, weighted};

use super::lexicon::Lexicon;
use super::model::{Forest, MODEL_FEATURES};
use super::profile::{self, KeyClass, Profile, Rarity, SetWords};
use super::{Link, MAX_LINKS};
use crate::progress::Progress;
use crate::row::Row;
use crate::set::{ArticleSet, Role};
use crate::side::Side;

/// Coverage paragraphs scored exactly per row (the best by a first, cheaper measure).
const CANDIDATES: usize = 16;
/// The rarest word stems and cognate prefixes of a row that look for candidates (every one
/// counts in the exact measures).
const SEARCH_WORDS: usize = 32;

/// A feature is searched whatever its number of paragraphs up to this many.
const CROWDED_AT_LEAST: usize = 64;
/// A figure, date or name in more than this share of all the coverage paragraphs (1 / this)
/// does not look for candidates.
const CROWDED_EXACT: usize = 4;
/// A word stem in more than this share of the coverage paragraphs of its language (1 / this)
/// tells them apart little and costs the most to look up: it does not look for candidates (it
/// still counts in the measures).
const CROWDED_STEM: usize = 8;
/// The same for the weaker evidence across languages (cognate prefixes, glossary concepts),
/// against all the coverage paragraphs.
const CROWDED_ACROSS: usize = 16;

/// A coverage paragraph worth measuring for a row, with its measures and base score.
#[derive(Clone, Copy, Debug)]
pub struct Candidate {
    /// Index of the coverage paragraph among the linker's targets.
    target: u32,
    /// What the row and the paragraph share.
    pub features: PairFeatures,
    /// [`PairFeatures::score`]: the measures alone, without their context.
    pub base: f32,
}

/// A candidate of a row as the model reads it.
#[derive(Clone, Copy, Debug)]
pub struct CandidateInput {
    /// Index of the coverage document in the set's `documents`.
    pub document: usize,
    /// Paragraph index in that document.
    pub paragraph: usize,
    /// What the row and the paragraph share.
    pub features: PairFeatures,
    /// The measures with their context.
    pub input: [f32; MODEL_FEATURES],
}

/// A row after the first stage of linking: its candidates, by target.
#[derive(Default)]
pub struct Measured {
    candidates: Vec<Candidate>,
}

/// A coverage paragraph in the index.
struct Target {
    document: usize,
    paragraph: usize,
    lang: String,
    /// Weighted stems and their norm.
    stems: Vec<(u64, f32)>,
    stem_norm: f32,
    /// Cognate prefixes of its words (not names) with their rarity, sorted, and their sum.
    cognates: Vec<(u64, f32)>,
    cognate_mass: f32,
    /// Its glossary concepts with their rarity, sorted, and their sum.
    concepts: Vec<(u64, f32)>,
    concept_mass: f32,
    /// Its names with their rarity (in the profile's order), and their sum.
    names: Vec<(u64, f32)>,
    name_mass: f32,
    /// The rarity of each of the profile's keys.
    key_rarity: Vec<f32>,
}

/// Sums per coverage paragraph, dense, remembering which it touched. One per thread, kept
/// between rows: a sum belongs to the current row only if it carries the row's generation.
#[derive(Default)]
struct Accumulator {
    slots: Vec<Slot>,
    generation: u32,
    touched: Vec<u32>,
}

#[derive(Clone, Copy, Default)]
struct Slot {
    sum: f32,
    generation: u32,
}

impl Accumulator {
    /// Run `fill` on this thread's accumulator, sized for `targets`, and list the `keep`
    /// largest sums, largest first (ties: the lower target first).
    fn top(targets: usize, keep: usize, fill: impl FnOnce(&mut Self)) -> Vec<(u32, f32)> {
        thread_local! {
            static ACCUMULATOR: std::cell::RefCell<Accumulator> =
                std::cell::RefCell::new(Accumulator::default());
        }
        ACCUMULATOR.with_borrow_mut(|acc| {
            if acc.slots.len() < targets {
                acc.slots.resize(targets, Slot::default());
                acc.touched.reserve(targets);
            }
            acc.generation = acc.generation.wrapping_add(1);
            if acc.generation == 0 {
                // Wrapped: no slot may look current.
                acc.slots.fill(Slot::default());
                acc.generation = 1;
            }
            fill(acc);
            // One pass keeping the best few in order: most sums fail the first comparison.
            let before = |a: &(u32, f32), b: &(u32, f32)| {
                b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)) == std::cmp::Ordering::Less
            };
            let mut best: Vec<(u32, f32)> = Vec::with_capacity(keep + 1);
            // The smallest sum kept once `best` is full: anything below it is out at once.
            let mut floor = f32::NEG_INFINITY;
            for &t in &acc.touched {
                let entry = (t, acc.slots[t as usize].sum);
                if entry.1 < floor
                    || (best.len() == keep && !best.last().is_some_and(|last| before(&entry, last)))
                {
                    continue;
                }
                let at = best.partition_point(|b| before(b, &entry));
                best.insert(at, entry);
                best.truncate(keep);
                if best.len() == keep {
                    floor = best[keep - 1].1;
                }
            }
            acc.touched.clear();
            best
        })
    }

    fn add(&mut self, target: u32, value: f32) {
        let slot = &mut self.slots[target as usize];
        if slot.generation != self.generation {
            *slot = Slot {
                sum: 0.0,
                generation: self.generation,
            };
            self.touched.push(target);
        }
        slot.sum += value;
    }
}

/// Everything linking needs of a set, built once per load and kept, so that an alignment
/// edit links its new rows without reading the set again.
pub struct Linker {
    /// The languages of the left and right renderings.
    side_langs: [String; 2],
    /// The languages the coverage is written in, with their number of coverage paragraphs.
    coverage_langs: Vec<(String, usize)>,
    profiles: Vec<Vec<Profile>>,
    rarity: Rarity,
    lexicon: Lexicon,
    targets: Vec<Target>,
    index: FxHashMap<u64, Vec<(u32, f32)>>,
    /// Cognate prefix → per coverage document that has it, the prefix's rarity summed over the
    /// document's paragraphs.
    document_cognates: FxHashMap<u64, Vec<(u32, f32)>>,
    /// Per document of the set, the sum of its paragraphs' cognate masses (0 but for coverage).
    document_cognate_mass: Vec<f32>,
}

/// Weighted word stems of one language, with their norm.
struct LanguageStems {
    lang: String,
    vector: Vec<(u64, f32)>,
    norm: f32,
}

/// A row's query.
struct Query {
    /// Figures and dates with their class and specificity, sorted by hash.
    keys: Vec<(u64, KeyClass, f32)>,
    names: Vec<u64>,
    /// Weighted stems per language (with translations), and norms.
    stems: Vec<LanguageStems>,
    /// Cognate prefixes of the row's words, sorted.
    prefixes: Vec<u64>,
    /// Glossary concepts of the row's words, sorted.
    concepts: Vec<u64>,
}

impl Query {
    /// The figure or date of the row with this hash.
    fn key(&self, hash: u64) -> Option<&(u64, KeyClass, f32)> {
        self.keys
            .binary_search_by_key(&hash, |(h, _, _)| *h)
            .ok()
            .map(|at| &self.keys[at])
    }
}

impl std::fmt::Debug for Linker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Linker")
            .field("targets", &self.targets.len())
            .field("index_keys", &self.index.len())
            .field("lexicon", &self.lexicon.len())
            .finish_non_exhaustive()
    }
}

impl Linker {
    /// Read the set: words, names, profiles, rarity, the index of the coverage. It does not
    /// need the rows, so it can run while they are aligned; [`Linker::learn`] then learns the
    /// lexicon from them.
    pub fn new(set: &ArticleSet) -> Self {
        let words: SetWords = profile::set_words(set);
        let names = profile::set_names(set, &words);
        let profiles = profile::profiles(set, &words, &names);
        drop(words);
        let rarity = Rarity::new(profiles.iter().flatten());
        let mut targets = Vec::new();
        let mut index: FxHashMap<u64, Vec<(u32, f32)>> = FxHashMap::default();
        let mut document_cognates: FxHashMap<u64, Vec<(u32, f32)>> = FxHashMap::default();
        let mut document_cognate_mass = vec![0.0f32; set.documents.len()];
        for (document, doc) in set.documents.iter().enumerate() {
            if doc.role != Role::Coverage {
                continue;
            }
            for (paragraph, profile) in profiles[document].iter().enumerate() {
                if profile.is_empty() {
                    continue;
                }
                let target = targets.len() as u32;
                let (stems, stem_norm) = weighted(&profile.stems, &rarity);
                for key in &profile.keys {
                    index.entry(key.hash).or_default().push((target, 0.0));
                }
                for name in &profile.names {
                    index.entry(*name).or_default().push((target, 0.0));
                }
                for &(hash, weight) in &stems {
                    index
                        .entry(hash)
                        .or_default()
                        .push((target, weight / stem_norm.max(1e-6)));
                }
                let mut cognates: Vec<(u64, f32)> = profile
                    .words
                    .iter()
                    .filter(|w| w.name == 0 && w.prefix != 0)
                    .map(|w| (w.prefix, rarity.idf_norm(w.stem)))
                    .collect();
                cognates.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
                cognates.dedup_by_key(|c| c.0);
                let cognate_mass = cognates.iter().map(|(_, w)| w).sum();
                for &(hash, weight) in &cognates {
                    index.entry(hash).or_default().push((target, weight));
                    let in_documents = document_cognates.entry(hash).or_default();
                    match in_documents.last_mut() {
                        Some((d, sum)) if *d == document as u32 => *sum += weight,
                        _ => in_documents.push((document as u32, weight)),
                    }
                }
                document_cognate_mass[document] += cognate_mass;
                let (concepts, concept_mass) = by_rarity(&profile.concepts, &rarity);
                for &(hash, weight) in &concepts {
                    index.entry(hash).or_default().push((target, weight));
                }
                let (names, name_mass) = by_rarity(&profile.names, &rarity);
                targets.push(Target {
                    cognates,
                    cognate_mass,
                    concepts,
                    concept_mass,
                    names,
                    name_mass,
                    key_rarity: profile
                        .keys
                        .iter()
                        .map(|k| rarity.idf_norm(k.hash))
                        .collect(),
                    document,
                    paragraph,
                    lang: doc.lang.clone(),
                    stems,
                    stem_norm,
                });
            }
        }
        Self {
            side_langs: [set.left().lang.clone(), set.right().lang.clone()],
            coverage_langs: {
                let mut langs: Vec<(String, usize)> = Vec::new();
                for target in &targets {
                    match langs.iter_mut().find(|(lang, _)| *lang == target.lang) {
                        Some((_, count)) => *count += 1,
                        None => langs.push((target.lang.clone(), 1)),
                    }
                }
                langs
            },
            profiles,
            rarity,
            lexicon: Lexicon::default(),
            targets,
            index,
            document_cognates,
            document_cognate_mass,
        }
    }

    /// Learn the lexicon that carries the words of one rendering into the language of the
    /// other from the one-to-one rows of an alignment.
    pub fn learn(&mut self, rows: &[Row]) {
        self.lexicon = Lexicon::learn(&lexicon_rows(&self.profiles, rows));
    }

    /// The learned lexicon.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    fn query(&self, row: &Row) -> Option<Query> {
        let mut keys: Vec<(u64, KeyClass, f32)> = Vec::new();
        let mut names = Vec::new();
        let mut sides: Vec<(Side, Vec<(u64, f32)>)> = Vec::new();
        let mut prefixes = Vec::new();
        let mut concepts = Vec::new();
        for side in Side::BOTH {
            let doc = side.document_index();
            let mut stems = Vec::new();
            for &paragraph in row.side(side) {
                let profile = &self.profiles[doc][paragraph];
                keys.extend(
                    profile
                        .keys
                        .iter()
                        .map(|k| (k.hash, k.class, k.specificity)),
                );
                names.extend_from_slice(&profile.names);
                stems.extend_from_slice(&profile.stems);
                prefixes.extend_from_slice(&profile.prefixes);
                concepts.extend_from_slice(&profile.concepts);
            }
            // One paragraph's stems are already sorted, each once.
            if row.side(side).len() > 1 {
                stems = merge(stems);
            }
            sides.push((side, stems));
        }
        if keys.is_empty() && names.is_empty() && sides.iter().all(|(_, s)| s.is_empty()) {
            return None;
        }
        names.sort_unstable();
        names.dedup();
        prefixes.sort_unstable();
        prefixes.dedup();
        concepts.sort_unstable();
        concepts.dedup();
        let mut stems: Vec<LanguageStems> = Vec::new();
        // Each side weighted once: as itself, and as the other side's carried words.
        let weighted_sides: Vec<Vec<(u64, f32)>> = sides
            .iter()
            .map(|(_, own)| weighted(own, &self.rarity).0)
            .collect();
        for (side, _) in &sides {
            let lang = self.side_langs[side.document_index()].clone();
            let own = &weighted_sides[side.document_index()];
            // The other side's words, carried into this side's language.
            let other_lang = &self.side_langs[side.other().document_index()];
            let vector = if *other_lang == lang {
                own.clone()
            } else {
                let carried: Vec<(u64, f32)> = weighted_sides[side.other().document_index()]
                    .iter()
                    .filter_map(|&(hash, weight)| {
                        let &(translation, dice) = self.lexicon.translate(hash).first()?;
                        Some((translation, 0.7 * dice * weight))
                    })
                    .collect();
                merge_into(own, merge(carried))
            };
            let norm = vector.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            match stems.iter_mut().find(|s| s.lang == lang) {
                Some(entry) => {
                    let joined = merge(entry.vector.iter().copied().chain(vector));
                    entry.norm = joined.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
                    entry.vector = joined;
                }
                None => stems.push(LanguageStems { lang, vector, norm }),
            }
        }
        // One entry a figure: the class it first had, the highest specificity.
        keys.sort_by_key(|(hash, _, _)| *hash);
        keys.dedup_by(|later, first| {
            let same = later.0 == first.0;
            if same {
                first.2 = first.2.max(later.2);
            }
            same
        });
        Some(Query {
            keys,
            names,
            stems,
            prefixes,
            concepts,
        })
    }

    /// Per document of the set: the share of its cognate mass that `prefixes` meet (what any of
    /// its paragraphs shares with the row by chance).
    fn cognate_chance(&self, prefixes: &[u64]) -> Vec<f32> {
        let mut chance = vec![0.0f32; self.document_cognate_mass.len()];
        for prefix in prefixes {
            for &(document, weight) in self
                .document_cognates
                .get(prefix)
                .map_or(&[][..], Vec::as_slice)
            {
                chance[document as usize] += weight;
            }
        }
        for (chance, &mass) in chance.iter_mut().zip(&self.document_cognate_mass) {
            *chance = share(*chance, mass);
        }
        chance
    }

    /// The coverage paragraphs worth measuring for a query, with a first measure of each.
    fn candidates(&self, query: &Query) -> Vec<(u32, f32)> {
        // A feature of too many coverage paragraphs tells them apart little and costs the most
        // to look up (on small sets every feature is cheap and kept).
        let crowded = |paragraphs: usize, share: usize| (paragraphs / share).max(CROWDED_AT_LEAST);
        let postings = |hash: u64, crowded: usize| {
            let list = self.postings(hash);
            if list.len() > crowded { &[][..] } else { list }
        };
        let exact_crowded = crowded(self.targets.len(), CROWDED_EXACT);
        let across_crowded = crowded(self.targets.len(), CROWDED_ACROSS);
        Accumulator::top(self.targets.len(), CANDIDATES, |first| {
            let exact = query
                .keys
                .iter()
                .map(|(hash, class, specificity)| (*hash, class.weight() * specificity))
                .chain(query.names.iter().map(|hash| (*hash, 1.0)));
            for (hash, weight) in exact {
                let idf = self.rarity.idf_norm(hash);
                let value = weight * idf;
                for &(target, _) in postings(hash, exact_crowded) {
                    first.add(target, value);
                }
            }
            // Words in a quarter of the set's paragraphs say little and cost the most to look
            // up.
            let common = 0.25 * self.rarity.paragraphs;
            for LanguageStems { lang, vector, norm } in &query.stems {
                // Stems find only coverage in their own language.
                let Some(&(_, in_language)) = self.coverage_langs.iter().find(|(l, _)| l == lang)
                else {
                    continue;
                };
                let stem_crowded = crowded(in_language, CROWDED_STEM);
                let norm = norm.max(1e-6);
                for (hash, weight) in heaviest(vector.clone(), SEARCH_WORDS) {
                    if self.rarity.df(hash) as f32 > common {
                        continue;
                    }
                    // Stem postings carry their weight divided by their paragraph's norm.
                    let scale = weight / norm;
                    for &(target, target_weight) in postings(hash, stem_crowded) {
                        first.add(target, scale * target_weight);
                    }
                }
            }
            // Cognate prefixes and glossary concepts, across languages.
            for features in [&query.prefixes, &query.concepts] {
                let weighted = features.iter().map(|&p| (p, self.rarity.idf(p))).collect();
                for (feature, _) in heaviest(weighted, SEARCH_WORDS) {
                    if self.rarity.df(feature) as f32 > common {
                        continue;
                    }
                    for &(target, weight) in postings(feature, across_crowded) {
                        first.add(target, weight);
                    }
                }
            }
        })
    }

    /// The coverage paragraphs having a feature, with the feature's weight in each.
    fn postings(&self, hash: u64) -> &[(u32, f32)] {
        self.index.get(&hash).map_or(&[], Vec::as_slice)
    }

    /// The first stage of linking a row: the coverage paragraphs worth measuring with their
    /// measures and base score, by target.
    pub fn measure(&self, row: &Row) -> Measured {
        let Some(query) = self.query(row) else {
            return Measured::default();
        };
        let cognate_chance = self.cognate_chance(&query.prefixes);
        let mut candidates: Vec<Candidate> = self
            .candidates(&query)
            .into_iter()
            .map(|(target, _)| {
                let features =
                    self.features(&query, &cognate_chance, &self.targets[target as usize]);
                Candidate {
                    target,
                    features,
                    base: features.score(),
                }
            })
            .collect();
        candidates.sort_unstable_by_key(|c| c.target);
        Measured { candidates }
    }

    /// What the model reads of each candidate of `row`, given the measured rows before and
    /// after it: the candidate's measures, the best base score of the same coverage paragraph
    /// for the neighbouring rows, and the best base score of the neighbouring paragraphs of
    /// the same coverage document for this row.
    fn model_inputs<'m>(
        &'m self,
        row: &'m Measured,
        before: Option<&'m Measured>,
        after: Option<&'m Measured>,
    ) -> impl Iterator<Item = (&'m Candidate, [f32; MODEL_FEATURES])> + 'm {
        let base_of = |measured: Option<&Measured>, target: u32| {
            measured.and_then(|m| {
                m.candidates
                    .binary_search_by_key(&target, |c| c.target)
                    .ok()
                    .map(|at| m.candidates[at].base)
            })
        };
        row.candidates.iter().map(move |candidate| {
            let target = candidate.target;
            let neighbour_rows = base_of(before, target)
                .unwrap_or(0.0)
                .max(base_of(after, target).unwrap_or(0.0));
            let document = self.targets[target as usize].document;
            let same_document = |t: u32| {
                self.targets
                    .get(t as usize)
                    .is_some_and(|other| other.document == document)
            };
            let neighbour_paragraphs = [target.wrapping_sub(1), target + 1]
                .into_iter()
                .filter(|&t| same_document(t))
                .filter_map(|t| base_of(Some(row), t))
                .fold(0.0f32, f32::max);
            let mut input = [0.0; MODEL_FEATURES];
            input[..FEATURES].copy_from_slice(&candidate.features.vector());
            input[FEATURES] = neighbour_rows;
            input[FEATURES + 1] = neighbour_paragraphs;
            (candidate, input)
        })
    }

    /// The links of a row at or above `threshold`, best first, given it and the rows around it
    /// measured.
    fn finish(
        &self,
        set: &ArticleSet,
        row: (&Row, &Measured),
        before: Option<&Measured>,
        after: Option<&Measured>,
        threshold: f32,
    ) -> Vec<Link> {
        let (row, measured) = row;
        let forest = Forest::get();
        let mut scored: Vec<(f32, &Target)> = self
            .model_inputs(measured, before, after)
            .filter_map(|(candidate, input)| {
                let score = forest.predict(&input);
                (score >= threshold).then(|| (score, &self.targets[candidate.target as usize]))
            })
            .collect();
        // Evidence only for the links kept.
        scored.sort_by(|(a, x), (b, y)| {
            super::link_order((*a, x.document, x.paragraph), (*b, y.document, y.paragraph))
        });
        scored.truncate(MAX_LINKS);
        if scored.is_empty() {
            return Vec::new();
        }
        // The query again, for the evidence: cheaper than keeping every row's.
        let Some(query) = self.query(row) else {
            return Vec::new();
        };
        scored
            .into_iter()
            .map(|(score, target)| self.link(set, &query, target, score))
            .collect()
    }

    /// The first stage for the rows `needed` of `rows` (ascending, each once), on all cores,
    /// counting them in `progress`; `None` for the other rows.
    fn measure_rows(
        &self,
        rows: &[Row],
        needed: &[usize],
        progress: &Progress,
    ) -> Vec<Option<Measured>> {
        let measured = crate::thread_map::map(needed, |&at| {
            if progress.is_cancelled() {
                return Measured::default();
            }
            progress.advance(1);
            self.measure(&rows[at])
        });
        let mut out: Vec<Option<Measured>> =
            std::iter::repeat_with(|| None).take(rows.len()).collect();
        for (&at, measured) in needed.iter().zip(measured) {
            out[at] = Some(measured);
        }
        out
    }

    /// The links of the rows `which` of `rows` (ascending) at or above `threshold`, best
    /// first, each read with its neighbouring rows; every row needed is measured once, counted
    /// in `progress`.
    pub(super) fn links_at(
        &self,
        set: &ArticleSet,
        rows: &[Row],
        which: &[usize],
        threshold: f32,
        progress: &Progress,
    ) -> Vec<Vec<Link>> {
        let mut needed: Vec<usize> = which
            .iter()
            .flat_map(|&at| [at.checked_sub(1), Some(at), Some(at + 1)])
            .flatten()
            .filter(|&at| at < rows.len())
            .collect();
        needed.sort_unstable();
        needed.dedup();
        let measured = self.measure_rows(rows, &needed, progress);
        crate::thread_map::map(which, |&at| match around(&measured, at) {
            Some((row, before, after)) => {
                self.finish(set, (&rows[at], row), before, after, threshold)
            }
            None => Vec::new(),
        })
    }

    /// Every candidate of every row, with what the model reads of it (calibration and
    /// diagnostics).
    pub fn candidate_inputs(&self, rows: &[Row]) -> Vec<Vec<CandidateInput>> {
        let all: Vec<usize> = (0..rows.len()).collect();
        let measured = self.measure_rows(rows, &all, &Progress::new());
        (0..rows.len())
            .map(|i| {
                let Some((row, before, after)) = around(&measured, i) else {
                    return Vec::new();
                };
                self.model_inputs(row, before, after)
                    .map(|(candidate, input)| {
                        let target = &self.targets[candidate.target as usize];
                        CandidateInput {
                            document: target.document,
                            paragraph: target.paragraph,
                            features: candidate.features,
                            input,
                        }
                    })
                    .collect()
            })
            .collect()
    }

    /// A link with its evidence: what the row and the paragraph share, each shown once, and
    /// where it is in the paragraph.
    fn link(&self, set: &ArticleSet, query: &Query, target: &Target, score: f32) -> Link {
        let profile = &self.profiles[target.document][target.paragraph];
        let paragraph = &set.documents[target.document].paragraphs[target.paragraph];
        let text = &paragraph.text;
        let mut evidence: Vec<String> = Vec::new();
        let push = |item: String, evidence: &mut Vec<String>| {
            let seen = evidence.iter().any(|e| e.eq_ignore_ascii_case(&item));
            if !seen && evidence.len() < 10 {
                evidence.push(item);
            }
        };
        let keys: Vec<&profile::Key> = profile
            .keys
            .iter()
            .filter(|k| k.class != KeyClass::NearFigure)
            .filter(|k| query.key(k.hash).is_some())
            .collect();
        let figures = &paragraph.figures;
        let mut shown: Vec<(f32, String, KeyClass)> = keys
            .iter()
            .map(|k| (self.rarity.idf(k.hash), k.display(figures), k.class))
            .collect();
        shown.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        // A date says it once: "December 2025", not also "December" and "2025".
        let displays: Vec<String> = shown.iter().map(|(_, d, _)| d.clone()).collect();
        for (_, display, class) in shown {
            let inside_another = class == KeyClass::Time
                && displays
                    .iter()
                    .any(|d| *d != display && d.contains(display.as_str()));
            if !inside_another {
                push(display, &mut evidence);
            }
        }
        // The query's stems in the paragraph's language, sorted by hash (one language entry).
        let stems: &[(u64, f32)] = query
            .stems
            .iter()
            .find(|s| s.lang == target.lang)
            .map_or(&[], |s| s.vector.as_slice());
        let has_stem = |stem: u64| stems.binary_search_by_key(&stem, |(h, _)| *h).is_ok();
        let mut marks = Vec::new();
        let mut shared_words: Vec<(f32, &str)> = Vec::new();
        // A word of a figure ("gigawatts" in "3 gigawatts", "Milliarden") is the figure's.
        let in_a_figure = |range: &std::ops::Range<usize>| {
            figures
                .iter()
                .any(|f| f.byte_range.start <= range.start && range.end <= f.byte_range.end)
        };
        for word in &profile.words {
            let surface = &text[word.byte_range.clone()];
            if word.name != 0 && query.names.binary_search(&word.name).is_ok() {
                marks.push(word.byte_range.clone());
                push(surface.to_owned(), &mut evidence);
            } else if word.name == 0
                && !in_a_figure(&word.byte_range)
                && surface.chars().count() >= 4
                && (has_stem(word.stem)
                    || query.prefixes.binary_search(&word.prefix).is_ok()
                    || word
                        .concepts
                        .iter()
                        .any(|c| *c != 0 && query.concepts.binary_search(c).is_ok()))
                && self.rarity.idf_norm(word.stem) > 0.35
            {
                marks.push(word.byte_range.clone());
                shared_words.push((self.rarity.idf(word.stem), surface));
            }
        }
        shared_words.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
        let mut shown = 0;
        for (_, surface) in shared_words {
            let before = evidence.len();
            push(surface.to_lowercase(), &mut evidence);
            shown += evidence.len() - before;
            if shown == 4 {
                break;
            }
        }
        marks.sort_by_key(|r| (r.start, r.end));
        marks.dedup();
        Link {
            document: target.document,
            paragraph: target.paragraph,
            score,
            evidence,
            figures_agree: Vec::new(),
            figures_conflict: Vec::new(),
            via_section: false,
            marks,
        }
    }
}

/// The one-to-one rows as translation pairs of stems, for the lexicon.
fn lexicon_rows(profiles: &[Vec<Profile>], rows: &[Row]) -> Vec<(Vec<u64>, Vec<u64>)> {
    rows.iter()
        .filter(|row| row.left.len() == 1 && row.right.len() == 1)
        .map(|row| {
            let stems = |doc: usize, paragraph: usize| -> Vec<u64> {
                profiles[doc][paragraph]
                    .stems
                    .iter()
                    .map(|(h, _)| *h)
                    .collect()
            };
            (stems(0, row.left[0]), stems(1, row.right[0]))
        })
        .filter(|(l, r)| !l.is_empty() && !r.is_empty())
        .collect()
}

/// Row `at` measured, with the rows before and after it (where measured).
fn around(
    measured: &[Option<Measured>],
    at: usize,
) -> Option<(&Measured, Option<&Measured>, Option<&Measured>)> {
    let get = |i: usize| measured.get(i)?.as_ref();
    Some((get(at)?, at.checked_sub(1).and_then(get), get(at + 1)))
}
