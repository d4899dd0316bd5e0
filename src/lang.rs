//! Language identification and language codes.
//!
//! Languages are ISO 639-1 codes (`sv`, `nl`, `de`, `en`) where one exists, else whatlang's
//! ISO 639-3 code. Detection uses `whatlang` on the document text.

/// The code for an undetermined language.
pub const UNDETERMINED: &str = "und";

/// Detect the language of `text`; [`UNDETERMINED`] when the text gives no reliable answer.
pub fn detect(text: &str) -> String {
    // A prefix is enough and keeps detection cheap on book-length files.
    let sample = truncate_at_char(text, 20_000);
    match whatlang::detect(sample) {
        Some(info) if info.confidence() > 0.1 || info.is_reliable() => {
            iso_639_1(info.lang().code()).to_owned()
        }
        _ => UNDETERMINED.to_owned(),
    }
}

fn truncate_at_char(text: &str, max_bytes: usize) -> &str {
    if text.len() <= max_bytes {
        return text;
    }
    let mut end = max_bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Map an ISO 639-3 code to ISO 639-1 where there is one; other codes pass through.
pub fn iso_639_1(code: &str) -> &str {
    match code {
        "afr" => "af",
        "ara" => "ar",
        "bul" => "bg",
        "cat" => "ca",
        "ces" => "cs",
        "cmn" => "zh",
        "dan" => "da",
        "deu" => "de",
        "ell" => "el",
        "eng" => "en",
        "est" => "et",
        "fin" => "fi",
        "fra" => "fr",
        "heb" => "he",
        "hin" => "hi",
        "hrv" => "hr",
        "hun" => "hu",
        "ind" => "id",
        "ita" => "it",
        "jpn" => "ja",
        "kor" => "ko",
        "lav" => "lv",
        "lit" => "lt",
        "nld" => "nl",
        "nob" => "nb",
        "pol" => "pl",
        "por" => "pt",
        "ron" => "ro",
        "rus" => "ru",
        "slk" => "sk",
        "slv" => "sl",
        "spa" => "es",
        "srp" => "sr",
        "swe" => "sv",
        "tur" => "tr",
        "ukr" => "uk",
        "vie" => "vi",
        other => other,
    }
}

/// The English name of a language code, for display ("sv" → "Swedish").
pub fn name(code: &str) -> String {
    let three = match code {
        "de" => "deu",
        "en" => "eng",
        "nl" => "nld",
        "sv" => "swe",
        "da" => "dan",
        "nb" | "no" => "nob",
        "fr" => "fra",
        "es" => "spa",
        "it" => "ita",
        "pt" => "por",
        "fi" => "fin",
        "pl" => "pol",
        other => other,
    };
    whatlang::Lang::from_code(three)
        .map_or_else(|| code.to_owned(), |lang| lang.eng_name().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_the_news_languages() {
        let cases = [
            (
                "Det är en bomb som skakar finans- och teknikvärlden: Japanska SoftBank Group har sålt hela sin andel i chiptillverkaren.",
                "sv",
            ),
            (
                "Het is een bom die de financiële en technologische wereld op zijn grondvesten doet schudden: de Japanse SoftBank Group heeft zijn belang verkocht.",
                "nl",
            ),
            (
                "Der japanische Technologieriese SoftBank Group gab am Dienstag bekannt, dass er letzten Monat alle seine Nvidia-Aktien verkauft habe.",
                "de",
            ),
            (
                "According to informed sources, SoftBank has recently been in talks with banks, hoping to finance ten billion dollars.",
                "en",
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(detect(text), expected, "{text}");
        }
        assert_eq!(detect("1234 5678"), UNDETERMINED);
    }

    #[test]
    fn names_languages() {
        assert_eq!(name("sv"), "Swedish");
        assert_eq!(name("de"), "German");
        assert_eq!(name("xx"), "xx");
    }
}
