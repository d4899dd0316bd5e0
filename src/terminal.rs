//! Text for a terminal: what a file name or a text holds is printed, never obeyed.
//!
//! A file named `\x1b[2J.txt` would clear the screen of whoever runs `check` on it. Every line
//! the command line prints about a file goes through [`escape`], which writes control
//! characters (C0, DEL, C1, and the bidirectional overrides that reorder what is shown) as
//! `\x1b`-style escapes and keeps every other character as it is.
//!
//! ```
//! use parallel_reader::terminal::escape;
//! assert_eq!(escape("a\u{1b}[2J.txt"), "a\\x1b[2J.txt");
//! assert_eq!(escape("Café ¶3 “5,83”"), "Café ¶3 “5,83”");
//! ```

use std::borrow::Cow;
use std::fmt::Write as _;

/// `text` with every control character written as an escape (`\x1b`, `\u{202e}`); tabs and line
/// breaks too, as one line must stay one line.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if needs_escape(c) {
            if (c as u32) < 0x100 {
                write!(out, "\\x{:02x}", c as u32).ok();
            } else {
                write!(out, "\\u{{{:x}}}", c as u32).ok();
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_control_characters_and_keeps_the_rest() {
        let cases = [
            ("plain.txt", "plain.txt"),
            ("\u{1b}[2J", "\\x1b[2J"),
            ("a\nb\tc\r", "a\\x0ab\\x09c\\x0d"),
            ("\u{9b}31m", "\\x9b31m"),
            ("evil\u{202e}txt.exe", "evil\\u{202e}txt.exe"),
            ("Größe “5,83”", "Größe “5,83”"),
        ];
        for (text, expected) in cases {
            assert_eq!(escape(text), expected, "{text:?}");
        }
    }
}
