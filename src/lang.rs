//! Language identification and language codes.
//!
//! Languages are ISO 639-1 codes (`sv`, `nl`, `de`, `en`) where one exists, else whatlang's
//! ISO 639-3 code. Detection uses `whatlang` on the document text (samples of a long one); a
//! short text that is not conclusive is decided among the supported languages and the other
//! languages of its set.

/// The code for an undetermined language.
pub const UNDETERMINED: &str = "und";

/// Languages with a figures table: on a short or mixed text, detection picks among these (and
/// the languages of the rest of the set) before it gives up.
pub const SUPPORTED: [&str; 10] = ["sv", "nl", "de", "en", "fr", "es", "it", "da", "nb", "pl"];

/// How much of a long text detection reads: three samples this long, from the start, the
/// middle and the end (a prefix alone may be a different language's boilerplate).
const SAMPLE_BYTES: usize = 8_000;

/// Detect the language of `text`; [`UNDETERMINED`] when the text gives no reliable answer.
pub fn detect(text: &str) -> String {
    detect_among(text, &[])
}

/// Detect the language of `text`, preferring `hints` (the languages of the rest of a set, or
/// a manifest's) and the supported languages when the text alone is not conclusive, as short
/// texts are not.
pub fn detect_among(text: &str, hints: &[&str]) -> String {
    detect_reliable(text).unwrap_or_else(|| detect_allowed(text, hints))
}

/// The most likely of the supported languages and `hints` for a text whose detection is not
/// reliable, or [`UNDETERMINED`].
fn detect_allowed(text: &str, hints: &[&str]) -> String {
    let sample = sample(text);
    let allowed: Vec<whatlang::Lang> = SUPPORTED
        .iter()
        .chain(hints)
        .filter_map(|code| whatlang::Lang::from_code(iso_639_3(code)))
        .collect();
    let detector = whatlang::Detector::with_allowlist(allowed);
    match detector.detect(&sample) {
        Some(info) if info.confidence() > 0.05 || sample.split_whitespace().count() >= 4 => {
            iso_639_1(info.lang().code()).to_owned()
        }
        _ => UNDETERMINED.to_owned(),
    }
}

/// The language of `text` when the detector is confident of it (a reliable detection), else
/// `None`.
pub fn detect_reliable(text: &str) -> Option<String> {
    let sample = sample(text);
    let info = whatlang::detect(&sample)?;
    info.is_reliable()
        .then(|| iso_639_1(info.lang().code()).to_owned())
}

/// The language to read a text in when a file declares one: the declaration, unless the
/// detector is confident that the text is in another language (tools write their defaults:
/// `po2xliff` declares every source `en-US`, Word every document `en-US`). Returns the code and,
/// when the text won, a note in words ("declares the {side} as en-US; its text is Swedish:
/// read as Swedish", `{side}` for the caller to name). Without a declaration, the text decides.
pub fn declared_or_detected(declared: Option<&str>, text: &str) -> (String, Option<String>) {
    let declared_code = declared
        .map(crate::formats::primary)
        .filter(|code| !code.is_empty() && code != "x" && code != "und");
    let detected = detect_reliable(text);
    match (declared_code, detected) {
        (Some(code), Some(found)) if !same_language(&code, &found) => {
            let note = format!(
                "declares the {{side}} as {}; its text is {}: read as {}",
                declared.unwrap_or_default(),
                name(&found),
                name(&found)
            );
            (found, Some(note))
        }
        (Some(code), _) => (normal_code(&code).to_owned(), None),
        (None, Some(found)) => (found, None),
        // Not reliable: one detection is enough to know that; the allowlist decides.
        (None, None) => (detect_allowed(text, &[]), None),
    }
}

/// Whether two codes name one language (`no` and `nb` are both Norwegian Bokmål here).
fn same_language(a: &str, b: &str) -> bool {
    normal_code(a) == normal_code(b)
}

/// A code as the figure tables name it: `no` is `nb`.
fn normal_code(code: &str) -> &str {
    match code {
        "no" => "nb",
        other => other,
    }
}

/// The text, or three samples of a long one.
fn sample(text: &str) -> std::borrow::Cow<'_, str> {
    if text.len() <= 3 * SAMPLE_BYTES {
        return std::borrow::Cow::Borrowed(text);
    }
    let piece = |from: usize| {
        let mut start = from;
        while !text.is_char_boundary(start) {
            start += 1;
        }
        let mut end = (start + SAMPLE_BYTES).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        &text[start..end]
    };
    let middle = text.len() / 2 - SAMPLE_BYTES / 2;
    let last = text.len() - SAMPLE_BYTES;
    std::borrow::Cow::Owned([piece(0), piece(middle), piece(last)].join("\n"))
}

/// ISO 639-1 to ISO 639-3 for the languages we name (others pass through).
fn iso_639_3(code: &str) -> &str {
    match code {
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
    }
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
    whatlang::Lang::from_code(iso_639_3(code))
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

    /// One short sentence per supported language: the whole text is a headline or a caption.
    #[test]
    fn detects_short_texts() {
        let cases = [
            ("SoftBank sålde alla sina aktier i Nvidia.", "sv"),
            ("SoftBank verkoopt al zijn aandelen in Nvidia.", "nl"),
            ("SoftBank verkauft alle seine Aktien von Nvidia.", "de"),
            ("SoftBank sells all of its shares in Nvidia.", "en"),
            ("SoftBank vend toutes ses actions de Nvidia.", "fr"),
            ("SoftBank vende todas sus acciones de Nvidia.", "es"),
            ("SoftBank vende tutte le sue azioni di Nvidia.", "it"),
            ("SoftBank sælger alle sine aktier i Nvidia.", "da"),
            (
                "SoftBank selger aksjene sine i Nvidia og bruker pengene på nye investeringer.",
                "nb",
            ),
            ("SoftBank sprzedaje wszystkie swoje akcje Nvidii.", "pl"),
        ];
        for (text, expected) in cases {
            assert_eq!(detect(text), expected, "{text}");
        }
    }

    #[test]
    fn a_declaration_holds_unless_the_text_clearly_says_otherwise() {
        let swedish = "Det är en bomb som skakar finans- och teknikvärlden: Japanska SoftBank Group, \
            känd för sina aggressiva och ofta visionära satsningar, har sålt hela sin andel i \
            chiptillverkaren Nvidia. För 5,83 miljarder dollar avyttrade teknikinvesteraren alla aktier.";
        let (lang, note) = declared_or_detected(Some("en-US"), swedish);
        assert_eq!(lang, "sv");
        assert_eq!(
            note.as_deref(),
            Some("declares the {side} as en-US; its text is Swedish: read as Swedish")
        );
        assert_eq!(
            declared_or_detected(Some("sv-SE"), swedish),
            ("sv".to_owned(), None)
        );
        assert_eq!(declared_or_detected(None, swedish), ("sv".to_owned(), None));
        // A text too short to be sure of keeps its declaration.
        assert_eq!(
            declared_or_detected(Some("da"), "Nvidia 5,83"),
            ("da".to_owned(), None)
        );
    }

    #[test]
    fn names_languages() {
        assert_eq!(name("sv"), "Swedish");
        assert_eq!(name("de"), "German");
        assert_eq!(name("xx"), "xx");
    }
}
