//! # Parallel Reader
//!
//! Read two renderings of the same article side by side, paragraph by paragraph, check that
//! their figures agree, and link each paragraph to other coverage of the same story.
//!
//! This crate is the core: it loads article sets, splits and classifies paragraphs, aligns the
//! two renderings and exports the comparison. It never touches a GUI crate (the window lives in
//! [`app`], behind the default `gui` feature), so `cargo check --lib --no-default-features`
//! keeps it honest.
//!
//! ## The pipeline
//!
//! ```text
//! file ─ input (regular files only, size caps) ─ decode (encodings) ─ formats (page, Markdown,
//!        Word, ODF; XLIFF, TMX, PO: both sides and their units)
//!   ─ classify (split into paragraphs, their kinds)
//!   ─ set (ArticleSet: documents, lang detected, figures read by figures::read with the table
//!        of the text's language)
//!   ─ comparison (align the rows; figures::compare each row; link every row to the coverage
//!        with link; review restores the reviewer's statuses, notes and accepted findings)
//!   ─ export (HTML, Markdown, JSON, TMX, CSV) · check (the QA report) · app (the window)
//! ```
//!
//! `tokens` (words, names, numbers shared by every language), `lang` (detection and codes),
//! `side`, `words` (counts for people), `terminal` and `thread_map` serve them all.
//!
//! ```
//! use parallel_reader::{comparison::Comparison, export, set};
//! let comparison = Comparison::build(set::bundled());
//! let mut json = Vec::new();
//! let options = export::Options::for_format(export::Format::Json);
//! export::write(&comparison, export::Format::Json, options, &mut json).unwrap();
//! assert!(String::from_utf8(json).unwrap().contains("parallel-reader/comparison/1"));
//! ```

#![warn(missing_docs)]

pub mod align;
pub mod atomic;
pub mod check;
pub mod classify;
pub mod comparison;
pub mod decode;
pub mod export;
pub mod figures;
pub mod formats;
pub mod input;
pub mod lang;
pub mod link;
pub mod progress;
pub mod review;
pub mod row;
pub mod sentence;
pub mod set;
pub mod side;
pub mod terminal;
pub mod thread_map;
pub mod tokens;
pub mod words;

#[cfg(feature = "gui")]
pub mod app;
