//! Light, language-independent tokens shared by pairing, alignment and linking.
//!
//! Across Swedish, Dutch, German and English the surest common ground between two texts is
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
    let chars: Vec<char> = text.chars().collect();
    let mut keys = Vec::new();
    let mut idx = 0;
    while idx < chars.len() {
        if !chars[idx].is_ascii_digit() {
            idx += 1;
            continue;
        }
        let mut key = String::new();
        let mut group_len = 0;
        while idx < chars.len() {
            let c = chars[idx];
            if c.is_ascii_digit() {
                key.push(c);
                group_len += 1;
                idx += 1;
            } else if is_number_separator(c) && starts_group(&chars[idx + 1..], c, group_len) {
                group_len = 0;
                idx += 1;
            } else {
                break;
            }
        }
        keys.push(key);
    }
    keys
}

/// Whether a separator `sep` after a group of `group_len` digits continues the number.
/// A space only groups thousands: "100 000" is one number, "2025 1 000" is two.
fn starts_group(rest: &[char], sep: char, group_len: usize) -> bool {
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
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'ß' => out.push_str("ss"),
            'æ' | 'Æ' => out.push_str("ae"),
            'ø' | 'Ø' => out.push('o'),
            _ => {
                for lower in c.to_lowercase() {
                    out.push(strip_accent(lower));
                }
            }
        }
    }
    out
}

fn strip_accent(c: char) -> char {
    match c {
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
        other => other,
    }
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

/// The words of `text` (letters only; digits are handled by [`digit_keys`]). Hyphenated
/// compounds are split ("Nvidia-aktier" → "nvidia", "aktier").
pub fn words(text: &str) -> Vec<Word> {
    let mut words = Vec::new();
    let mut sentence_start = true;
    let mut current = String::new();
    let flush = |current: &mut String, sentence_start: &mut bool, words: &mut Vec<Word>| {
        if current.is_empty() {
            return;
        }
        let mut chars = current.chars();
        let first_upper = chars.next().is_some_and(char::is_uppercase);
        let inner_upper = chars.any(char::is_uppercase);
        let is_name = inner_upper || (first_upper && !*sentence_start);
        words.push(Word {
            folded: fold(current),
            is_name,
        });
        *sentence_start = false;
        current.clear();
    };
    for c in text.chars() {
        if c.is_alphabetic() {
            current.push(c);
        } else {
            flush(&mut current, &mut sentence_start, &mut words);
            if matches!(
                c,
                '.' | '!' | '?' | ':' | '"' | '”' | '“' | '„' | '«' | '»' | '•' | '\n'
            ) {
                sentence_start = true;
            }
        }
    }
    flush(&mut current, &mut sentence_start, &mut words);
    words
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
