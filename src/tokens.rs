//! Light, language-independent tokens shared by pairing, alignment and linking.
//!
//! Across the ten languages of the figure tables (Swedish, Dutch, German, English, French, Spanish,
//! Italian, Danish, Norwegian, Polish) the surest common ground between two texts is
//! figures, names and acronyms, and word stems that the languages share (cognates). This module
//! turns text into those tokens, without any model.
//!
//! ```
//! use parallel_reader::tokens::{digit_keys, fold};
//! assert_eq!(digit_keys("för 5,83 miljarder och 100 000 jobb"), ["583", "100000"]);
//! assert_eq!(digit_keys("voor $ 5.83 miljard en 100.000 banen"), ["583", "100000"]);
//! assert_eq!(fold("Größe Växjö"), "grosse vaxjo");
//! ```

/// Digits of every number in `text`, with group and decimal separators removed.
///
/// `5,83`, `5.83` → `583`; `100 000`, `100.000`, `100,000` → `100000`. Separators count only
/// between digits (a comma followed by a space ends the number), so this is a key for matching
/// the same figure across languages, not a value.
pub fn digit_keys(text: &str) -> Vec<String> {
    let mut keys = Vec::new();
    for_each_digit_key(text, |key| keys.push(key.to_owned()));
    keys
}

/// Call `each` with the digits of every number in `text`, as [`digit_keys`] finds them, without
/// allocating per number.
pub fn for_each_digit_key(text: &str, mut each: impl FnMut(&str)) {
    let bytes = text.as_bytes();
    let mut key = String::new();
    let mut idx = 0;
    while idx < bytes.len() {
        if !bytes[idx].is_ascii_digit() {
            idx += 1;
            continue;
        }
        key.clear();
        let mut group_len = 0;
        while idx < bytes.len() {
            let byte = bytes[idx];
            if byte.is_ascii_digit() {
                key.push(char::from(byte));
                group_len += 1;
                idx += 1;
                continue;
            }
            // Separators are ASCII or a few spaces; `idx` is on a character boundary here.
            let Some(sep) = text[idx..]
                .chars()
                .next()
                .filter(|c| is_number_separator(*c))
            else {
                break;
            };
            let after = idx + sep.len_utf8();
            if starts_group(&bytes[after..], sep, group_len) {
                group_len = 0;
                idx = after;
            } else {
                break;
            }
        }
        each(&key);
    }
}

/// Whether a separator `sep` after a group of `group_len` digits continues the number.
/// A space only groups thousands: "100 000" is one number, "2025 1 000" is two.
fn starts_group(rest: &[u8], sep: char, group_len: usize) -> bool {
    let digits = rest.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 {
        return false;
    }
    if sep.is_whitespace() || sep == '\'' {
        (1..=3).contains(&group_len) && digits == 3
    } else {
        true
    }
}

fn is_number_separator(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\''
    )
}

/// Lower-case and strip the diacritics of the Latin letters our languages use.
pub fn fold(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization as _;
    use unicode_normalization::char::is_combining_mark;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        match c {
            // Letters that are not a base letter with a mark: written out as the languages do.
            'ß' => out.push_str("ss"),
            'æ' | 'Æ' => out.push_str("ae"),
            'ø' | 'Ø' => out.push('o'),
            _ => {
                for lower in c.to_lowercase() {
                    match common_base_letter(lower) {
                        Some(base) => out.push(base),
                        // Not a letter (a dash, a quote): as it is.
                        None if !lower.is_alphabetic() => out.push(lower),
                        // The base letter of its canonical decomposition, for every other
                        // letter with a mark (ą → a, ő → o, ș → s).
                        None => out.extend(
                            std::iter::once(lower)
                                .nfd()
                                .filter(|&d| !is_combining_mark(d)),
                        ),
                    }
                }
            }
        }
    }
    out
}

/// The base letter of the accented letters of the ten languages, looked up directly: the news
/// texts are full of them, and a table is faster than a decomposition (the bench's alignment
/// went from 73 to 82 ms with NFD for every letter, though noisily).
fn common_base_letter(c: char) -> Option<char> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'ç' | 'č' | 'ć' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' | 'ń' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ō' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
        'ý' | 'ÿ' => 'y',
        'š' | 'ś' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        _ => return None,
    })
}

/// A word of the text with its shape, for deciding what it can tell across languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// The folded (lower-case, no diacritics) word.
    pub folded: String,
    /// Written with a capital inside a sentence, in capitals, or with inner capitals: a name or
    /// an acronym ("Nvidia", "ABB", "OpenAI").
    pub is_name: bool,
}

/// Where a word is, and whether it opens a sentence (so that its capital says nothing).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordSpan {
    /// Its bytes in the text.
    pub range: std::ops::Range<usize>,
    /// The first word of the text or of a sentence, quotation, list item or line.
    pub sentence_start: bool,
}

impl WordSpan {
    /// Written with a capital inside a sentence, in capitals, or with inner capitals.
    pub fn is_name(&self, text: &str) -> bool {
        let mut chars = text[self.range.clone()].chars();
        let first_upper = chars.next().is_some_and(char::is_uppercase);
        let inner_upper = chars.any(char::is_uppercase);
        inner_upper || (first_upper && !self.sentence_start)
    }
}

/// The words of `text`: runs of letters (digits are handled by [`digit_keys`]), so hyphenated
/// compounds are split ("Nvidia-aktier" → "Nvidia", "aktier"). The one segmentation that
/// alignment, pairing and linking share.
///
/// Not UAX #29's word boundaries (`unicode-segmentation`): they keep an apostrophe inside a
/// word ("SoftBank's", "l'OMS"), which hid the names SoftBank and OMS from the coverage
/// evidence and changed link scores of two judged sets when tried; here a name is its letters
/// whatever clitic follows.
pub fn word_spans(text: &str) -> impl Iterator<Item = WordSpan> + '_ {
    let mut chars = text.char_indices().peekable();
    let mut sentence_start = true;
    std::iter::from_fn(move || {
        loop {
            let (pos, c) = chars.next()?;
            if is_letter(c) {
                let mut end = pos + c.len_utf8();
                while let Some(&(next_pos, next)) = chars.peek() {
                    if !is_letter(next) {
                        break;
                    }
                    end = next_pos + next.len_utf8();
                    chars.next();
                }
                let span = WordSpan {
                    range: pos..end,
                    sentence_start,
                };
                sentence_start = false;
                return Some(span);
            }
            if matches!(
                c,
                '.' | '!' | '?' | ':' | '"' | '”' | '“' | '„' | '«' | '»' | '•' | '\n'
            ) {
                sentence_start = true;
            }
        }
    })
}

fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        c.is_alphabetic()
    }
}

/// The words of `text`, folded, with whether each is written as a name.
pub fn words(text: &str) -> Vec<Word> {
    word_spans(text)
        .map(|span| Word {
            is_name: span.is_name(text),
            folded: fold(&text[span.range]),
        })
        .collect()
}

/// A fast 64-bit hash of anything hashable: the keys of tokens, stems and names.
pub fn hash_of(value: impl std::hash::Hash) -> u64 {
    use std::hash::Hasher as _;
    let mut hasher = rustc_hash::FxHasher::default();
    value.hash(&mut hasher);
    // Fx leaves the low bits weak for short keys: mix them once more.
    let h = hasher.finish();
    (h ^ (h >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9) ^ (h >> 32)
}

/// The first `len` characters of a folded word: a crude stem that many cognates share
/// ("investering", "investeringen", "investition" → "inves").
pub fn stem(folded: &str, len: usize) -> &str {
    match folded.char_indices().nth(len) {
        Some((pos, _)) => &folded[..pos],
        None => folded,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Letters with a mark fold to their base letter, the ten languages' by a table and every
    /// other by its canonical decomposition (unicode-normalization); letters that are not a
    /// base letter with a mark are written out.
    #[test]
    fn folds_every_letter_with_a_mark() {
        let cases = [
            ("Größe Växjö", "grosse vaxjo"),
            ("Ærø FØROYAR", "aero foroyar"),
            ("Miliardów złotych, będą", "miliardow złotych, beda"),
            ("Șerban Țiriac Őrség", "serban tiriac orseg"),
            ("“5,83” – €", "“5,83” – €"),
        ];
        for (text, expected) in cases {
            assert_eq!(fold(text), expected, "{text}");
        }
    }

    #[test]
    fn digit_keys_ignore_separators_but_not_list_commas() {
        let cases: [(&str, &[&str]); 8] = [
            ("5,83 miljarder", &["583"]),
            ("$5.83 billion", &["583"]),
            ("3 700-faldig och 3700", &["3700", "3700"]),
            ("100\u{202f}000 jobb", &["100000"]),
            ("2019, 2020 och 2021", &["2019", "2020", "2021"]),
            ("år 2025 1 000 gånger", &["2025", "1000"]),
            ("1 000 000 kronor", &["1000000"]),
            ("no digits", &[]),
        ];
        for (text, expected) in cases {
            assert_eq!(digit_keys(text), expected, "{text:?}");
        }
    }

    #[test]
    fn words_know_names() {
        let found = words("Japanska SoftBank sålde Nvidia-aktier. Sedan ABB och Arm");
        let names: Vec<&str> = found
            .iter()
            .filter(|w| w.is_name)
            .map(|w| w.folded.as_str())
            .collect();
        assert_eq!(names, ["softbank", "nvidia", "abb", "arm"]);
        assert_eq!(stem("investeringar", 5), "inves");
        assert_eq!(stem("ai", 5), "ai");
    }
}
