//! Plain text: decoding (BOMs, UTF-16, legacy encodings, stray bytes), paragraph splitting,
//! classification and the figure reader, in the language the text is detected as.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallel_reader::set::{Document, Role};

fuzz_target!(|bytes: &[u8]| {
    if let Ok(text) = parallel_reader::decode::decode(bytes) {
        let detected = parallel_reader::lang::detect(&text.text);
        for lang in [detected, "sv".to_owned(), "en".to_owned()] {
            let document = Document::from_text(
                "fuzz".to_owned(),
                Role::Left,
                lang,
                "fuzz".to_owned(),
                "fuzz.txt".into(),
                &text,
            );
            for paragraph in &document.paragraphs {
                for figure in &paragraph.figures {
                    assert!(paragraph.text.get(figure.byte_range.clone()).is_some());
                }
            }
        }
    }
});
