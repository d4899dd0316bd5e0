//! Choosing left and right when no manifest says: the two documents most likely to be
//! renderings of each other.

use std::collections::HashSet;

use super::Document;
use crate::tokens;

/// Pick the two documents most likely to be renderings of each other: similar paragraph
/// structure and length, and many shared figures and names. Returns indices into `documents`.
pub fn choose_pair(documents: &[Document]) -> (usize, usize) {
    if documents.len() <= 2 {
        return (0, 1);
    }
    let profiles: Vec<Profile> = documents.iter().map(Profile::new).collect();
    let mut best = (0, 1, f64::MIN);
    for a in 0..profiles.len() {
        for b in a + 1..profiles.len() {
            let score = profiles[a].rendering_score(&profiles[b]);
            if score > best.2 {
                best = (a, b, score);
            }
        }
    }
    (best.0, best.1)
}

/// What [`choose_pair`] compares: paragraph count, length, and anchors (figures and names).
struct Profile {
    paragraphs: usize,
    chars: usize,
    anchors: HashSet<String>,
}

impl Profile {
    fn new(doc: &Document) -> Self {
        let mut anchors = HashSet::new();
        let mut chars = 0;
        for paragraph in &doc.paragraphs {
            chars += paragraph.text.chars().count();
            for key in tokens::digit_keys(&paragraph.text) {
                anchors.insert(key);
            }
            for word in tokens::words(&paragraph.text) {
                if word.is_name && word.folded.len() >= 3 {
                    anchors.insert(word.folded);
                }
            }
        }
        Self {
            paragraphs: doc.paragraphs.len(),
            chars,
            anchors,
        }
    }

    fn rendering_score(&self, other: &Self) -> f64 {
        let ratio = |a: usize, b: usize| a.min(b) as f64 / a.max(b).max(1) as f64;
        let shared = self.anchors.intersection(&other.anchors).count() as f64;
        let total = (self.anchors.len() + other.anchors.len()).max(1) as f64;
        0.3 * ratio(self.paragraphs, other.paragraphs)
            + 0.2 * ratio(self.chars, other.chars)
            + 0.5 * (2.0 * shared / total)
    }
}
