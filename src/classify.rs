//! Splitting a text into paragraphs and classifying them: their kinds (the paragraphs of a
//! document, with their figures, are [`crate::set::Paragraph`]).
//!
//! A document's paragraphs are its non-empty blocks separated by blank lines. A document with no
//! blank-line separation at all (one sentence block per line, as many scraped articles are) has
//! one paragraph per non-empty line. White space is trimmed at both ends.
//!
//! Each paragraph then gets a [`ParagraphKind`]: a `heading`, `body`, or `boilerplate` (website
//! chrome: site-icon lines, image credits, "Suitable for this:" link teasers, advertising and
//! contact blocks). [`kinds`] decides it from the text of the whole document, not from a list
//! of known sentences: the signals are layout (length, final punctuation, bullets), repetition
//! inside the document, the site's own name, contact data, and the company boilerplate keeps
//! (a heading that only heads chrome is chrome; a short line between chrome is chrome).
//!
//! ```
//! use parallel_reader::classify::{kinds, split_paragraphs, ParagraphKind};
//! let paragraphs = split_paragraphs("Title of the story\n\nA long body paragraph, with a full stop.\n\nSuitable for this:\n");
//! assert_eq!(paragraphs.len(), 3);
//! let found = kinds(&paragraphs);
//! assert_eq!(found, [ParagraphKind::Heading, ParagraphKind::Body, ParagraphKind::Boilerplate]);
//! ```

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use rustc_hash::FxHashMap;

/// What role a paragraph plays in its document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ParagraphKind {
    /// A title, subtitle or section heading.
    Heading,
    /// Running text of the article.
    Body,
    /// Website chrome: navigation, captions, link teasers, advertising, contact blocks.
    Boilerplate,
}

impl ParagraphKind {
    /// The lower-case name used in exports (`heading`, `body`, `boilerplate`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Heading => "heading",
            Self::Body => "body",
            Self::Boilerplate => "boilerplate",
        }
    }
}

/// Split `text` (with `\n` line ends) into trimmed paragraphs.
pub fn split_paragraphs(text: &str) -> Vec<String> {
    let has_blank_line = text
        .split('\n')
        .collect::<Vec<_>>()
        .windows(3)
        .any(|w| !w[0].trim().is_empty() && w[1].trim().is_empty() && !w[2].trim().is_empty());
    let mut paragraphs = Vec::new();
    if has_blank_line {
        let mut current: Vec<&str> = Vec::new();
        for line in text.split('\n') {
            if line.trim().is_empty() {
                flush(&mut current, &mut paragraphs);
            } else {
                current.push(line);
            }
        }
        flush(&mut current, &mut paragraphs);
    } else {
        paragraphs.extend(
            text.split('\n')
                .map(str::trim)
                .filter(|line| !line.is_empty())
                .map(str::to_owned),
        );
    }
    paragraphs
}

fn flush(current: &mut Vec<&str>, paragraphs: &mut Vec<String>) {
    if current.is_empty() {
        return;
    }
    let joined = current.join("\n");
    let trimmed = joined.trim();
    if !trimmed.is_empty() {
        paragraphs.push(trimmed.to_owned());
    }
    current.clear();
}

/// How sure the text alone is that a paragraph is chrome.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Chrome {
    No,
    /// Chrome only next to other chrome (bullet lists).
    Weak,
    Strong,
}

/// What [`classify`] asks of every paragraph, worked out once.
struct Facts {
    words: usize,
    heading: bool,
    short: bool,
}

impl Facts {
    fn of(text: &str) -> Self {
        let words = word_count(text);
        Self {
            words,
            heading: heading_with(text, words),
            short: words <= 24 && text.len() <= 200,
        }
    }
}

/// Classify every paragraph of one document.
pub fn kinds<S: AsRef<str>>(paragraphs: &[S]) -> Vec<ParagraphKind> {
    let texts: Vec<&str> = paragraphs.iter().map(AsRef::as_ref).collect();
    let count = texts.len();
    if count == 0 {
        return Vec::new();
    }
    let facts: Vec<Facts> = texts.iter().map(|text| Facts::of(text)).collect();
    let site_names = site_names(&texts, &facts);
    let mut repeats: FxHashMap<&str, usize> = FxHashMap::default();
    for text in &texts {
        *repeats.entry(text).or_default() += 1;
    }
    let chrome: Vec<Chrome> = (0..count)
        .map(|idx| {
            let next = texts.get(idx + 1).copied();
            chrome_signal(texts[idx], &facts[idx], next, &site_names, &repeats)
        })
        .collect();

    // The headline: the first paragraph that is not chrome. It and its repetitions are never chrome.
    let headline = texts
        .iter()
        .zip(&chrome)
        .find(|(_, c)| **c == Chrome::No)
        .map(|(text, _)| *text);
    let is_headline = |idx: usize| headline.is_some_and(|h| texts[idx] == h);
    let is_short = |idx: usize| facts[idx].short;

    let mut boilerplate: Vec<bool> = chrome.iter().map(|c| *c == Chrome::Strong).collect();
    // Weak chrome (bullet lists) next to strong chrome.
    for idx in 0..count {
        if chrome[idx] == Chrome::Weak
            && (idx > 0 && boilerplate[idx - 1] || idx + 1 < count && boilerplate[idx + 1])
        {
            boilerplate[idx] = true;
        }
    }
    // Short lines sandwiched between chrome are chrome (contact names, slogans).
    let mut idx = 0;
    while idx < count {
        if boilerplate[idx] || !is_short(idx) || is_headline(idx) {
            idx += 1;
            continue;
        }
        let run_start = idx;
        while idx < count && !boilerplate[idx] && is_short(idx) && !is_headline(idx) {
            idx += 1;
        }
        let before = run_start > 0 && boilerplate[run_start - 1];
        let after = idx < count && boilerplate[idx];
        let run_len = idx - run_start;
        if before && after && run_len <= 3 {
            boilerplate[run_start..idx].fill(true);
        }
    }
    // After the last chrome paragraph, short lines up to the end are page chrome too.
    if let Some(last) = boilerplate.iter().rposition(|b| *b) {
        let tail_is_short = (last + 1..count).all(|idx| is_short(idx) && !is_headline(idx));
        let body_before = (0..last).any(|idx| !boilerplate[idx] && !is_short(idx));
        if tail_is_short && body_before {
            boilerplate[last + 1..].fill(true);
        }
    }
    // A heading that heads nothing but chrome is chrome. From the end, so that `next` (the first
    // paragraph after `idx` that is not chrome) is known without looking ahead again.
    let mut next = count;
    for idx in (0..count).rev() {
        if !boilerplate[idx] && facts[idx].heading && !is_headline(idx) {
            let heads_chrome = next > idx + 1;
            let ends_at_heading_or_end = next == count || facts[next].heading;
            if heads_chrome && ends_at_heading_or_end {
                boilerplate[idx] = true;
            }
        }
        if !boilerplate[idx] {
            next = idx;
        }
    }

    (0..count)
        .map(|idx| {
            if boilerplate[idx] {
                ParagraphKind::Boilerplate
            } else if facts[idx].heading {
                ParagraphKind::Heading
            } else {
                ParagraphKind::Body
            }
        })
        .collect()
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// A heading is a short single line that does not end like a sentence (or asks a question).
pub fn looks_like_heading(text: &str) -> bool {
    heading_with(text, word_count(text))
}

fn heading_with(text: &str, words: usize) -> bool {
    if words == 0 || words > 16 || text.chars().count() > 140 || text.contains('\n') {
        return false;
    }
    let Some(last) = text.chars().last() else {
        return false;
    };
    match last {
        '?' => true,
        '.' => text.contains('?') && !text.ends_with("..."),
        ':' | ';' | ',' | '…' | '"' | '”' | '“' | '»' | '«' | '\'' | ')' => false,
        _ => true,
    }
}

fn chrome_signal(
    text: &str,
    facts: &Facts,
    next: Option<&str>,
    site_names: &[String],
    repeats: &FxHashMap<&str, usize>,
) -> Chrome {
    let words = facts.words;
    if site_names
        .iter()
        .any(|name| contains_ignoring_case(text, name))
    {
        return Chrome::Strong;
    }
    if has_caption_credit(text) || has_phone_number(text) || has_email(text) {
        return Chrome::Strong;
    }
    if let Some(first) = text.chars().next()
        && is_promo_symbol(first)
    {
        return Chrome::Strong;
    }
    // "Suitable for this:", "More about it here:": a lead-in to links that are not in the text
    // (unlike "He said:" before a quotation).
    let next_is_quote = next.is_some_and(|n| n.starts_with(['"', '”', '“', '„', '«', '»', '\'']));
    if words <= 8 && text.ends_with(':') && !next_is_quote {
        return Chrome::Strong;
    }
    if words <= 8 && repeats.get(text).copied().unwrap_or(0) >= 2 && !facts.heading {
        return Chrome::Strong;
    }
    // "Categories: IT Info" at the very end of a page.
    if next.is_none() && words <= 5 && text.find(':').is_some_and(|pos| !text[..pos].contains(' '))
    {
        return Chrome::Strong;
    }
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines
        .iter()
        .all(|line| line.starts_with(['•', '·', '▪', '■', '►', '-', '*']))
    {
        return Chrome::Weak;
    }
    Chrome::No
}

/// Symbols that open promotional lines: check boxes, arrows, emoji.
fn is_promo_symbol(c: char) -> bool {
    matches!(c as u32,
        0x2600..=0x27BF   // Miscellaneous symbols, dingbats (☑ ✔ ➡).
        | 0x2B00..=0x2BFF // Arrows.
        | 0x1F300..=0x1FAFF // Emoji.
    )
}

/// "… – Bild: Xpert.Digital", "… - Photo: Reuters": an image credit at the end of a paragraph.
fn has_caption_credit(text: &str) -> bool {
    if !text.contains(':') {
        return false;
    }
    let Some((dash_pos, dash_len)) = [" – ", " — ", " - "]
        .iter()
        .filter_map(|dash| text.rfind(dash).map(|pos| (pos, dash.len())))
        .max()
    else {
        return false;
    };
    let tail = text[dash_pos + dash_len..].trim();
    let Some((label, credit)) = tail.split_once(':') else {
        return false;
    };
    !label.is_empty()
        && label.chars().all(char::is_alphabetic)
        && !credit.trim().is_empty()
        && word_count(credit) <= 3
}

fn has_phone_number(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(pos, &b)| {
        if b != b'+' {
            return false;
        }
        let digits = bytes[pos + 1..]
            .iter()
            .take_while(|c| c.is_ascii_digit() || **c == b' ' || **c == b'-')
            .filter(|c| c.is_ascii_digit())
            .count();
        digits >= 8
    })
}

fn has_email(text: &str) -> bool {
    text.contains('@')
        && text.split_whitespace().any(|word| {
            let word = word.trim_matches(|c: char| !c.is_alphanumeric());
            word.split_once('@').is_some_and(|(user, domain)| {
                !user.is_empty() && domain.contains('.') && !domain.ends_with('.')
            })
        })
}

/// Domain-like names ("xpert.digital") that the page names in its own chrome: in the first
/// paragraph, or in two or more paragraphs of which one is short.
fn site_names(texts: &[&str], facts: &[Facts]) -> Vec<String> {
    let mut seen: HashMap<String, (usize, bool)> = HashMap::new();
    for (idx, (text, facts)) in texts.iter().zip(facts).enumerate() {
        let short = facts.words <= 8;
        let mut names: Vec<String> = dotted_words(text).filter_map(domain_like).collect();
        names.sort();
        names.dedup();
        for name in names {
            let entry = seen.entry(name).or_insert((0, false));
            entry.0 += 1;
            entry.1 |= short || idx == 0;
        }
    }
    let mut names: Vec<String> = seen
        .into_iter()
        .filter(|(_, (count, short))| *short && (*count >= 2))
        .map(|(name, _)| name)
        .collect();
    if let Some(first) = texts.first()
        && facts[0].words <= 6
    {
        names.extend(first.split_whitespace().filter_map(domain_like));
    }
    names.sort();
    names.dedup();
    names
}

/// The words of `text` (between white space and `(),;|`) with a dot followed by a letter: the
/// only ones that can be domain names. Found from the dots, so running text costs little.
fn dotted_words(text: &str) -> impl Iterator<Item = &str> {
    let is_separator = |c: char| c.is_whitespace() || matches!(c, '(' | ')' | ',' | ';' | '|');
    text.match_indices('.')
        .filter(|(pos, _)| text[pos + 1..].starts_with(char::is_alphabetic))
        .map(move |(pos, _)| {
            let start = text[..pos].rfind(is_separator).map_or(0, |sep| {
                sep + text[sep..].chars().next().map_or(1, char::len_utf8)
            });
            let end = text[pos..]
                .find(is_separator)
                .map_or(text.len(), |sep| pos + sep);
            &text[start..end]
        })
}

/// Whether `text` contains `needle` (lower-case) in any case: "Xpert.Digital" holds
/// "xpert.digital".
fn contains_ignoring_case(text: &str, needle: &str) -> bool {
    if needle.is_ascii() {
        let needle = needle.as_bytes();
        return text
            .as_bytes()
            .windows(needle.len())
            .any(|window| window.eq_ignore_ascii_case(needle));
    }
    text.to_lowercase().contains(needle)
}

/// `Xpert.Digital` → `xpert.digital`; `5.83` or `U.S.` → none.
fn domain_like(word: &str) -> Option<String> {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    let (name, tld) = word.rsplit_once('.')?;
    let valid_tld = (2..=10).contains(&tld.chars().count()) && tld.chars().all(char::is_alphabetic);
    let valid_name = name.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
    (valid_tld && valid_name).then(|| word.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ParagraphKind::{Body, Boilerplate, Heading};

    #[test]
    fn splits_on_blank_lines_or_on_lines() {
        let cases: [(&str, &[&str]); 5] = [
            ("a\n\nb\nc\n\n\n d \n", &["a", "b\nc", "d"]),
            ("one\ntwo\n\nthree", &["one\ntwo", "three"]),
            (
                "line one\nline two\nline three\n",
                &["line one", "line two", "line three"],
            ),
            ("  only  ", &["only"]),
            ("a\n \t \nb", &["a", "b"]),
        ];
        for (text, expected) in cases {
            assert_eq!(split_paragraphs(text), expected, "{text:?}");
        }
    }

    #[test]
    fn headings_are_short_lines_that_do_not_end_a_sentence() {
        let cases = [
            ("What exactly happened?", true),
            (
                "Madness or genius? Why an investor sells the world's most valuable company.",
                true,
            ),
            ("A profitable switch: making money with Nvidia", true),
            ("The company sold all its shares.", false),
            ("He explained:", false),
            (
                "Thinking about it, it is frustrating. I regret selling.",
                false,
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(looks_like_heading(text), expected, "{text:?}");
        }
    }

    #[test]
    fn chrome_is_found_from_the_page_not_from_known_sentences() {
        let body = "This is a real paragraph of the article. It has several sentences, and it goes on for a while to be long enough to count as running text of the article body.";
        let page = [
            "Site icon News.Example",
            "Headline about the markets",
            "Headline about the markets – Photo: News.Example",
            body,
            "Read also:",
            "What happened next?",
            body,
            "Our consulting offer for you",
            "✔ Strategy and planning",
            "Jane Doe",
            "Call me at +49 89 123 456 78 or write to jane@news.example",
            "See you soon.",
            "✔ Marketing",
            "Leave the mobile version",
        ];
        let kinds = kinds(&page);
        assert_eq!(
            kinds,
            [
                Boilerplate,
                Heading,
                Boilerplate,
                Body,
                Boilerplate,
                Heading,
                Body,
                Boilerplate,
                Boilerplate,
                Boilerplate,
                Boilerplate,
                Boilerplate,
                Boilerplate,
                Boilerplate
            ]
        );
    }

    #[test]
    fn plain_articles_have_no_chrome() {
        let page = [
            "$10 billion! Son bets on AI again",
            "According to informed sources, SoftBank has been in talks with banks, hoping to finance $10 billion.",
            "Masayoshi Son stated in June: \"Electricity will be the bottleneck.\"",
            "It is reported that SoftBank sold all of its 4.9% stake in NVIDIA in 2019.",
        ];
        assert_eq!(kinds(&page), [Heading, Body, Body, Body]);
    }
}
