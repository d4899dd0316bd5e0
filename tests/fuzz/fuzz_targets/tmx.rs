//! The tmx reader: any bytes give units or an error in words, never a panic or a hang.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallel_reader::formats::{Kind, read_bilingual};

fuzz_target!(|bytes: &[u8]| {
    if let Ok(file) = read_bilingual(Kind::Tmx, bytes) {
        assert!(file.units.iter().all(|unit| !unit.source.is_empty()));
    }
});
