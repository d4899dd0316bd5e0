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
}

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
    } else {
        check_binary(bytes)?;
        match std::str::from_utf8(bytes) {
            Ok(text) => (text.to_owned(), UTF_8),
            Err(_) => {
                let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
                detector.feed(bytes, true);
                let encoding = detector.guess(None, Utf8Detection::Allow);
                let (text, _, _had_errors) = encoding.decode(bytes);
                (text.into_owned(), encoding)
            }
        }
    };
    if text.contains('\0') {
        return Err(DecodeError::Binary);
    }
    let text = normalize_line_ends(&text);
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(DecodedText {
        text,
        encoding: encoding.name(),
    })
}

/// Refuse data with NUL bytes or many control characters: that is a binary file.
fn check_binary(bytes: &[u8]) -> Result<(), DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.contains(&0) {
        return Err(DecodeError::Binary);
    }
    let control = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
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
}
