//! Cutting text into the tokens figures are read from: number literals, words, symbols.

use std::ops::Range;

/// The Unicode minus sign.
pub const MINUS: char = '\u{2212}';
/// Characters that group digits besides `.`, `,` and `'`: space, no-break space, narrow
/// no-break space, thin space.
pub const SPACES: [char; 4] = [' ', '\u{a0}', '\u{202f}', '\u{2009}'];

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tok {
    /// A number literal as written (`5,83`, `100 000`).
    Num,
    /// A word: letters, with inner apostrophes (`zo'n`, `d'euros`).
    Word,
    /// Any other single character that is not white space.
    Sym(char),
}

/// A token of the text, borrowing it.
#[derive(Clone, Debug)]
pub struct Token<'a> {
    /// What it is.
    pub tok: Tok,
    /// The text of the token.
    pub text: &'a str,
    /// Where it is (bytes).
    pub byte_range: Range<usize>,
    /// White space directly before it.
    pub space_before: bool,
}

/// Cut `text` into numbers, words and symbols.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut pos = 0;
    let mut space_before = true;
    while let Some(c) = text[pos..].chars().next() {
        if c.is_whitespace() {
            space_before = true;
            pos += c.len_utf8();
            continue;
        }
        let start = pos;
        let (tok, end) = if c.is_ascii_digit() {
            (Tok::Num, number_end(text, pos))
        } else if c.is_alphabetic() {
            (Tok::Word, word_end(text, pos))
        } else {
            (Tok::Sym(c), pos + c.len_utf8())
        };
        tokens.push(Token {
            tok,
            text: &text[start..end],
            byte_range: start..end,
            space_before,
        });
        pos = end;
        space_before = false;
    }
    tokens
}

/// The end of a word starting at byte `start`: letters, with apostrophes between letters.
fn word_end(text: &str, start: usize) -> usize {
    let mut chars = text[start..].char_indices().peekable();
    let mut end = start;
    while let Some((offset, c)) = chars.next() {
        let inner_apostrophe = (c == '\'' || c == '’')
            && offset > 0
            && chars.peek().is_some_and(|(_, next)| next.is_alphabetic());
        if !(c.is_alphabetic() || inner_apostrophe) {
            break;
        }
        end = start + offset + c.len_utf8();
    }
    end
}

/// The end of a number literal starting at byte `start`: digits with group and decimal marks
/// between them. A space groups only thousands: "100 000", not "2025 1".
fn number_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let digits_from = |at: usize| {
        bytes[at..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let mut end = start + digits_from(start);
    let first_group_len = end - start;
    let mut group_len = first_group_len;
    while let Some(sep) = text[end..].chars().next() {
        let after = end + sep.len_utf8();
        let digits_after = digits_from(after);
        let continues = if SPACES.contains(&sep) || sep == '\'' {
            digits_after == 3 && (1..=3).contains(&group_len) && first_group_len <= 3
        } else {
            matches!(sep, '.' | ',') && digits_after > 0
        };
        if !continues {
            break;
        }
        group_len = digits_after;
        end = after + digits_after;
    }
    end
}
