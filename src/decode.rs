//! Turning the bytes of a file into text.
//!
//! Article files come from many tools: UTF-8 with or without a byte-order mark, UTF-16 with a BOM,
//! or a legacy single-byte encoding such as Windows-1252. [`decode`] accepts all of them, guesses
//! the legacy encoding with `chardetng`, normalises CRLF and CR line ends to `\n`, and refuses
//! binary data instead of showing garbage.
//!
//! ```
//! use parallel_reader::decode::decode;
//! let text = decode(b"\xEF\xBB\xBFHej\r\nv\xC3\xA4rlden\r\n").unwrap();
//! assert_eq!(text.text, "Hej\nvärlden\n");
//! assert_eq!(text.encoding, "UTF-8");
//! ```

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// Text decoded from a file, with the name of the encoding it was read as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodedText {
    /// The text with `\n` line ends and no byte-order mark.
    pub text: String,
    /// The encoding's WHATWG name, e.g. `UTF-8` or `windows-1252`.
    pub encoding: &'static str,
    /// What had to be repaired to read it (stray bytes replaced, NUL characters dropped).
    pub notes: Vec<ReadNote>,
}

/// Something a reader had to repair or leave out, in words for a warning that also names the
/// file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadNote {
    /// What was done: "2 bytes that are not UTF-8 replaced with � (lines 3, 17)".
    pub text: String,
    /// Whether part of the file was left out (over a size cap), not only repaired.
    pub cut: bool,
}

impl ReadNote {
    /// A repair: the whole file was read.
    pub fn repaired(text: String) -> Self {
        Self { text, cut: false }
    }

    /// Part of the file was left out.
    pub fn cut(text: String) -> Self {
        Self { text, cut: true }
    }
}

/// A file with at least this many valid UTF-8 multi-byte characters for each stray byte is
/// UTF-8 with those bytes replaced; a file with fewer, or with no valid UTF-8 sequence at all,
/// is in a legacy encoding. (Text in a legacy encoding almost never forms a valid UTF-8
/// sequence: that takes a letter such as `Ã` or `Â` followed by a sign such as `©` or `€`.)
const STRAY_BYTES_PER_VALID: usize = 2;

/// Why bytes could not be read as text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// The file holds no text at all (zero bytes, or only white space).
    #[error("the file is empty")]
    Empty,
    /// The bytes look like a binary file (NUL or other control bytes), not text.
    #[error("the file is binary, not text")]
    Binary,
}

/// Decode `bytes` as text: UTF-8 (BOM stripped), UTF-16 with a BOM, or a detected legacy encoding.
pub fn decode(bytes: &[u8]) -> Result<DecodedText, DecodeError> {
    let mut notes = Vec::new();
    let (text, encoding) = if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        if encoding == UTF_16LE || encoding == UTF_16BE {
            let (text, _had_errors) = encoding.decode_without_bom_handling(body);
            (text.into_owned(), encoding)
        } else {
            check_binary(body)?;
            let (text, _had_errors) = encoding.decode_without_bom_handling(body);
            (text.into_owned(), encoding)
        }
    } else if let Some(encoding) = utf16_without_bom(bytes) {
        let (text, _had_errors) = encoding.decode_without_bom_handling(bytes);
        (text.into_owned(), encoding)
    } else {
        check_binary(bytes)?;
        match std::str::from_utf8(bytes) {
            Ok(text) => (text.to_owned(), UTF_8),
            Err(_) => match mostly_utf8(bytes) {
                Some(stray_lines) => {
                    notes.push(ReadNote::repaired(stray_bytes_note(&stray_lines)));
                    (String::from_utf8_lossy(bytes).into_owned(), UTF_8)
                }
                None => {
                    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
                    detector.feed(bytes, true);
                    let encoding = detector.guess(None, Utf8Detection::Allow);
                    let (text, _, _had_errors) = encoding.decode(bytes);
                    (text.into_owned(), encoding)
                }
            },
        }
    };
    let text = if text.contains('\0') {
        let count = text.matches('\0').count();
        notes.push(ReadNote::repaired(format!(
            "{count} NUL character{} dropped",
            if count == 1 { "" } else { "s" }
        )));
        text.replace('\0', "")
    } else {
        text
    };
    let text = normalize_line_ends(&text);
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(DecodedText {
        text,
        encoding: encoding.name(),
        notes,
    })
}

/// The lines (1-based) of the stray bytes of a file that is UTF-8 but for a few of them: at
/// least one valid multi-byte sequence, and at most one stray byte for every
/// [`STRAY_BYTES_PER_VALID`] valid ones. `None` for a file in a legacy encoding.
fn mostly_utf8(bytes: &[u8]) -> Option<Vec<usize>> {
    let mut valid_multibyte = 0usize;
    let mut stray_lines = Vec::new();
    let mut line = 1usize;
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        valid_multibyte += valid.chars().filter(|c| !c.is_ascii()).count();
        line += valid.matches('\n').count();
        if !chunk.invalid().is_empty() {
            stray_lines.push(line);
        }
    }
    (valid_multibyte > 0 && stray_lines.len() * STRAY_BYTES_PER_VALID <= valid_multibyte)
        .then_some(stray_lines)
}

fn stray_bytes_note(lines: &[usize]) -> String {
    let mut shown: Vec<String> = lines.iter().take(5).map(ToString::to_string).collect();
    if lines.len() > 5 {
        shown.push("…".to_owned());
    }
    let mut unique = lines.to_vec();
    unique.dedup();
    format!(
        "{} byte{} that {} not UTF-8 replaced with \u{fffd} (line{} {})",
        lines.len(),
        if lines.len() == 1 { "" } else { "s" },
        if lines.len() == 1 { "is" } else { "are" },
        if unique.len() == 1 { "" } else { "s" },
        shown.join(", ")
    )
}

/// UTF-16 without a byte-order mark: text in Latin letters has a NUL byte beside every
/// character, on the odd bytes (little-endian) or the even ones (big-endian), and none on the
/// others.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(8192) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_nuls = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nuls = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    // Over half the characters ASCII, and no NUL on the other byte but by chance.
    if odd_nuls * 2 > pairs && even_nuls * 50 <= pairs {
        Some(UTF_16LE)
    } else if even_nuls * 2 > pairs && odd_nuls * 50 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Refuse data with more than a stray NUL byte (one in a hundred) or many control characters:
/// that is a binary file.
fn check_binary(bytes: &[u8]) -> Result<(), DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    let sample = &bytes[..bytes.len().min(8192)];
    let nuls = sample.iter().filter(|&&b| b == 0).count();
    if nuls * 100 > sample.len() {
        return Err(DecodeError::Binary);
    }
    let control = sample
        .iter()
        .filter(|&&b| b != 0 && b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if control * 20 > sample.len() {
        return Err(DecodeError::Binary);
    }
    Ok(())
}

/// Replace CRLF and lone CR line ends with `\n`.
pub fn normalize_line_ends(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_owned();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_the_encodings_we_meet() {
        let cases: [(&[u8], &str, &str); 6] = [
            (b"Hej v\xC3\xA4rlden", "Hej världen", "UTF-8"),
            (b"\xEF\xBB\xBFHej", "Hej", "UTF-8"),
            (b"\xFF\xFEH\0e\0j\0", "Hej", "UTF-16LE"),
            (b"\xFE\xFF\0H\0e\0j", "Hej", "UTF-16BE"),
            (b"a\r\nb\rc\n", "a\nb\nc\n", "UTF-8"),
            (
                b"Gr\xF6\xDFe und M\xE4rkte f\xFCr \x80 5,83 Milliarden",
                "Größe und Märkte für € 5,83 Milliarden",
                "windows-1252",
            ),
        ];
        for (bytes, expected, encoding) in cases {
            let decoded = decode(bytes).unwrap();
            assert_eq!(decoded.text, expected, "{bytes:?}");
            assert_eq!(decoded.encoding, encoding, "{bytes:?}");
        }
    }

    #[test]
    fn refuses_empty_and_binary_input() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\r\n\t"), Err(DecodeError::Empty));
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(DecodeError::Binary)
        );
        assert_eq!(decode(&[1, 2, 3, 4, 5, 6, 7, 8]), Err(DecodeError::Binary));
    }

    #[test]
    fn a_stray_byte_in_utf8_is_replaced_not_a_reason_to_read_all_as_legacy() {
        // UTF-8 throughout but for a lone Windows-1252 é on line 2.
        let bytes = b"Financi\xC3\xABle resultaten\nCaf\xE9\nfinanci\xC3\xABle\n";
        let decoded = decode(bytes).unwrap();
        assert_eq!(decoded.encoding, "UTF-8");
        assert!(decoded.text.contains("financiële"), "{}", decoded.text);
        assert!(decoded.text.contains("Caf\u{fffd}"));
        assert_eq!(decoded.notes.len(), 1);
        assert!(
            decoded.notes[0].text.contains("line 2"),
            "{:?}",
            decoded.notes
        );
        // A legacy file with no UTF-8 sequence at all is still read as legacy.
        let legacy = decode(b"Caf\xE9 och m\xE4rken").unwrap();
        assert_eq!(legacy.encoding, "windows-1252");
        assert_eq!(legacy.text, "Café och märken");
        assert!(legacy.notes.is_empty());
    }

    #[test]
    fn utf16_without_a_bom_is_text() {
        let text = "Nvidia-aandelen voor 5,83 miljard dollar verkocht.";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&le).unwrap().text, text);
        assert_eq!(decode(&le).unwrap().encoding, "UTF-16LE");
        assert_eq!(decode(&be).unwrap().text, text);
    }

    #[test]
    fn a_few_nul_characters_do_not_make_a_page_binary() {
        let mut text = "Ein Absatz mit Zahlen: 5,83 Milliarden Dollar. "
            .repeat(20)
            .into_bytes();
        text[100] = 0;
        text[200] = 0;
        text[300] = 0;
        let decoded = decode(&text).unwrap();
        assert!(!decoded.text.contains('\0'));
        assert_eq!(decoded.notes[0].text, "3 NUL characters dropped");
    }
}
