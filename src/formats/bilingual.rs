//! The bilingual files of translation tools: XLIFF 1.2 and 2.x (a source and a target per
//! unit, a translation state, notes) and TMX (translation units with one variant per
//! language). Inline codes (placeholders for the original's formatting) are left out of the
//! text; alternative translations and segmented copies of the source are not read.

use super::xml::{Node, collapse_spaces, walk};

/// A bilingual file: its units in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bilingual {
    /// The format and version, for messages: "XLIFF 1.2", "XLIFF 2.0", "TMX 1.4".
    pub format: String,
    /// The source language, as the file gives it (`en-US`).
    pub source_lang: Option<String>,
    /// The target language.
    pub target_lang: Option<String>,
    /// The units with a source text, in order.
    pub units: Vec<Unit>,
    /// The encoding the file was read as.
    pub encoding: &'static str,
    /// What the reader had to repair.
    pub notes: Vec<crate::decode::ReadNote>,
}

/// One translation unit.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Unit {
    /// The unit's id in the file (`id`, `tuid`; its position when it has none).
    pub id: String,
    /// The source text.
    pub source: String,
    /// The target text, when there is one.
    pub target: Option<String>,
    /// The translation state as the file says it (`translated`, `final`, `needs-review-translation`).
    pub state: Option<String>,
    /// The unit's notes.
    pub notes: Vec<String>,
}

/// XLIFF elements whose content is not text of the unit.
const XLIFF_SKIPPED: [&str; 10] = [
    "alt-trans",
    "seg-source",
    "ph",
    "bpt",
    "ept",
    "it",
    "originalData",
    "cp",
    "count-group",
    "prop-group",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Capture {
    None,
    Source,
    Target,
    Note,
}

pub(super) fn read_xliff(text: &str) -> Result<Bilingual, String> {
    let mut file = Bilingual::default();
    let mut unit: Option<Unit> = None;
    let mut capture = Capture::None;
    let mut buffer = String::new();
    let mut skipped = 0usize;
    let mut segment_state: Option<String> = None;
    let mut seen_root = false;
    walk(text, |node| match node {
        Node::Open(tag) if skipped > 0 || XLIFF_SKIPPED.contains(&tag.name.as_str()) => {
            skipped += 1;
        }
        Node::Open(tag) => match tag.name.as_str() {
            "xliff" => {
                seen_root = true;
                let version = tag.attr("version").unwrap_or("1.2");
                file.format = format!("XLIFF {version}");
                file.source_lang = tag.attr("srcLang").map(str::to_owned);
                file.target_lang = tag.attr("trgLang").map(str::to_owned);
            }
            "file" => {
                if let Some(lang) = tag.attr("source-language") {
                    file.source_lang.get_or_insert_with(|| lang.to_owned());
                }
                if let Some(lang) = tag.attr("target-language") {
                    file.target_lang.get_or_insert_with(|| lang.to_owned());
                }
            }
            "trans-unit" | "unit" => {
                let id = tag
                    .attr("id")
                    .map_or_else(|| (file.units.len() + 1).to_string(), str::to_owned);
                unit = Some(Unit {
                    id,
                    ..Unit::default()
                });
            }
            "segment" => segment_state = tag.attr("state").map(str::to_owned),
            "source" if unit.is_some() => capture = Capture::Source,
            "target" if unit.is_some() => {
                capture = Capture::Target;
                if let Some(unit) = &mut unit {
                    let state = tag
                        .attr("state")
                        .map(str::to_owned)
                        .or(segment_state.clone());
                    if unit.state.is_none() {
                        unit.state = state;
                    }
                }
            }
            "note" if unit.is_some() => capture = Capture::Note,
            _ => {}
        },
        Node::Close(_) if skipped > 0 => skipped -= 1,
        Node::Close(name) => match name {
            "source" | "target" | "note" => {
                let text = collapse_spaces(&buffer);
                buffer.clear();
                if let Some(unit) = &mut unit {
                    match capture {
                        Capture::Source => append(&mut unit.source, &text),
                        Capture::Target => append(unit.target.get_or_insert_default(), &text),
                        Capture::Note if !text.is_empty() => unit.notes.push(text),
                        Capture::Note | Capture::None => {}
                    }
                }
                capture = Capture::None;
            }
            "segment" => {
                if let (Some(unit), Some(state)) = (&mut unit, segment_state.take())
                    && unit.state.is_none()
                {
                    unit.state = Some(state);
                }
            }
            "trans-unit" | "unit" => {
                if let Some(mut done) = unit.take()
                    && !done.source.is_empty()
                {
                    done.target = done.target.filter(|t| !t.is_empty());
                    file.units.push(done);
                }
            }
            _ => {}
        },
        Node::Text(text) if skipped == 0 && capture != Capture::None => buffer.push_str(&text),
        Node::Text(_) => {}
    })?;
    if !seen_root {
        return Err("not an XLIFF file (no <xliff> element)".to_owned());
    }
    Ok(file)
}

fn append(to: &mut String, text: &str) {
    if text.is_empty() {
        return;
    }
    if !to.is_empty() {
        to.push(' ');
    }
    to.push_str(text);
}

/// TMX elements whose content is not text of the segment.
const TMX_SKIPPED: [&str; 5] = ["bpt", "ept", "ph", "it", "ut"];

/// A TMX unit as read: its id, notes and `(language, text)` variants.
#[derive(Default)]
struct TmxUnit {
    id: String,
    notes: Vec<String>,
    variants: Vec<(String, String)>,
}

pub(super) fn read_tmx(text: &str) -> Result<Bilingual, String> {
    let mut version = None;
    let mut header_lang: Option<String> = None;
    let mut units: Vec<TmxUnit> = Vec::new();
    let mut current: Option<TmxUnit> = None;
    let mut tuv_lang: Option<String> = None;
    let mut capture = Capture::None;
    let mut buffer = String::new();
    let mut skipped = 0usize;
    walk(text, |node| match node {
        Node::Open(tag) if skipped > 0 || TMX_SKIPPED.contains(&tag.name.as_str()) => {
            skipped += 1;
        }
        Node::Open(tag) => match tag.name.as_str() {
            "tmx" => version = Some(tag.attr("version").unwrap_or("1.4").to_owned()),
            "header" => {
                header_lang = tag
                    .attr("srclang")
                    .filter(|l| !l.eq_ignore_ascii_case("*all*"))
                    .map(str::to_owned);
            }
            "tu" => {
                let id = tag
                    .attr("tuid")
                    .map_or_else(|| (units.len() + 1).to_string(), str::to_owned);
                current = Some(TmxUnit {
                    id,
                    ..TmxUnit::default()
                });
            }
            "tuv" => tuv_lang = tag.attr("lang").map(str::to_owned),
            "seg" if tuv_lang.is_some() => capture = Capture::Target,
            "note" if current.is_some() && tuv_lang.is_none() => capture = Capture::Note,
            _ => {}
        },
        Node::Close(_) if skipped > 0 => skipped -= 1,
        Node::Close(name) => match name {
            "seg" | "note" => {
                let text = collapse_spaces(&buffer);
                buffer.clear();
                if let Some(unit) = &mut current {
                    match (capture, &tuv_lang) {
                        (Capture::Target, Some(lang)) => unit.variants.push((lang.clone(), text)),
                        (Capture::Note, _) if !text.is_empty() => unit.notes.push(text),
                        _ => {}
                    }
                }
                capture = Capture::None;
            }
            "tuv" => tuv_lang = None,
            "tu" => units.extend(current.take()),
            _ => {}
        },
        Node::Text(text) if skipped == 0 && capture != Capture::None => buffer.push_str(&text),
        Node::Text(_) => {}
    })?;
    let Some(version) = version else {
        return Err("not a TMX file (no <tmx> element)".to_owned());
    };
    let mut notes = Vec::new();
    let header_lang = header_lang_in_units(header_lang, &units, &mut notes);
    let (source_lang, target_lang) = tmx_languages(header_lang, &units);
    let pick = |variants: &[(String, String)], lang: Option<&str>| {
        let lang = lang?;
        variants
            .iter()
            .find(|(l, text)| primary(l) == primary(lang) && !text.is_empty())
            .map(|(_, text)| text.clone())
    };
    let units = units
        .into_iter()
        .filter_map(|unit| {
            Some(Unit {
                source: pick(&unit.variants, source_lang.as_deref())?,
                target: pick(&unit.variants, target_lang.as_deref()),
                id: unit.id,
                state: None,
                notes: unit.notes,
            })
        })
        .collect();
    Ok(Bilingual {
        format: format!("TMX {version}"),
        source_lang,
        target_lang,
        units,
        encoding: "UTF-8",
        notes,
    })
}

/// The header's source language when a unit has it; else (a tool's default) the first
/// variant's, with a note: the units say what they hold.
fn header_lang_in_units(
    header_lang: Option<String>,
    units: &[TmxUnit],
    notes: &mut Vec<crate::decode::ReadNote>,
) -> Option<String> {
    let lang = header_lang?;
    let in_units = units
        .iter()
        .flat_map(|unit| &unit.variants)
        .any(|(l, _)| primary(l) == primary(&lang));
    if in_units {
        return Some(lang);
    }
    let first = units
        .iter()
        .find_map(|unit| unit.variants.first().map(|(l, _)| l.clone()));
    if let Some(first) = &first {
        notes.push(crate::decode::ReadNote::repaired(format!(
            "the header's srclang is {lang}, which no unit has; read {first} as the source"
        )));
    }
    first
}

/// The source language (the header's, or the first variant's) and the target: the language
/// other than the source that most units have.
fn tmx_languages(
    header_lang: Option<String>,
    units: &[TmxUnit],
) -> (Option<String>, Option<String>) {
    let source_lang = header_lang.or_else(|| {
        units
            .iter()
            .find_map(|unit| unit.variants.first().map(|(lang, _)| lang.clone()))
    });
    let mut others: Vec<(String, usize)> = Vec::new();
    for (lang, _) in units.iter().flat_map(|unit| &unit.variants) {
        if source_lang
            .as_deref()
            .is_some_and(|s| primary(s) == primary(lang))
        {
            continue;
        }
        match others.iter_mut().find(|(l, _)| primary(l) == primary(lang)) {
            Some((_, count)) => *count += 1,
            None => others.push((lang.clone(), 1)),
        }
    }
    let target_lang = others
        .iter()
        .max_by_key(|(_, count)| *count)
        .map(|(lang, _)| lang.clone());
    (source_lang, target_lang)
}

/// The primary language subtag, lower case: `en-US` → `en`.
pub fn primary(lang: &str) -> String {
    lang.split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}
