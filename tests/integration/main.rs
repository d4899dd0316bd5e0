//! One integration test binary (ripgrep's layout): egui links once.

// Helpers outside #[test] functions may unwrap too: a failure is a test failure.
#![allow(clippy::unwrap_used)]

// Shared helpers: the seed set's paragraphs and perturbations of them.
mod hay;

// Alignment of the seed pair and of perturbed variants.
mod align;
// Loading sets from manifests, folders and files, and bad input.
mod load;
// Web pages, Word, OpenDocument, Markdown, XLIFF and TMX files.
mod formats;
// Input from strangers: manifests reaching out, bombs, pipes, stray bytes, outputs.
mod hostile;
// Bilingual files as translate-toolkit, Trados and memoQ write them.
mod cat;
// Sentence segmentation against a judged set.
mod sentences;
// Links to coverage against a judgement set.
mod links;
// Fitting the link models on that judgement set.
mod calibrate;
// Figures: the seed pair, edited copies, the check command.
mod figures;
// Figures written by CLDR (ICU4X) in every supported locale, read back.
mod cldr;
// The shape of the code: no import cycle, the core never names the window.
mod house;
// The JSON export and the command line.
mod export;
// Review and export: writers, review files, undo/redo, alignment edits.
mod review;
// The window, driven headless with egui_kittest.
mod ui;
