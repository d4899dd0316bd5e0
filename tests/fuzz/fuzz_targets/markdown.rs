//! The markdown reader: any bytes give blocks or an error in words, never a panic or a hang.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallel_reader::formats::{Kind, read_blocks};

fuzz_target!(|bytes: &[u8]| {
    if let Ok(blocks) = read_blocks(Kind::Markdown, bytes) {
        assert!(blocks.blocks.iter().all(|block| !block.text.is_empty()));
    }
});
