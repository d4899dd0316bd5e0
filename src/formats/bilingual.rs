//! The bilingual files of translation tools: XLIFF 1.1, 1.2 and 2.x (a source and a target per
//! unit, a translation state, notes), TMX (translation units with one variant per language) and
//! gettext PO (see [`po`](super::po)). Inline codes (placeholders for the original's
//! formatting) are left out of the text; alternative translations are not read.
//!
//! Files are read as the tools that write them write them, not as a hand-made sample would be:
//!
//! - A unit whose text CAT tools segmented (`<seg-source>` and a `<target>` with
//!   `<mrk mtype="seg">`, as Trados SDLXLIFF, memoQ and Okapi write) becomes one unit per
//!   segment, with ids like `7.1`, `7.2`: the sentences line up as the translator saw them.
//! - The gettext header that `po2xliff` writes as a unit (`restype="x-gettext-domain-header"`)
//!   is not content; a unit marked `translate="no"` is kept as [`Unit::locked`] (shown, never
//!   checked).
//! - What the tool says of a unit is kept: XLIFF `state`, `state-qualifier` and `approved`,
//!   SDLXLIFF's `conf` and `origin`, memoQ's `status`, and TMX `<prop>` and `<note>`.

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

/// One translation unit (or one segment of a segmented unit).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Unit {
    /// The unit's id in the file (`id`, `tuid`; its position when it has none), with the
    /// segment's number after a dot for a segment of a segmented unit (`7.2`).
    pub id: String,
    /// The source text.
    pub source: String,
    /// The target text, when there is one.
    pub target: Option<String>,
    /// The translation state as the file says it (`translated`, `final`,
    /// `needs-review-translation`; SDLXLIFF's `Translated`, memoQ's `ManuallyConfirmed`, PO's
    /// `fuzzy`).
    pub state: Option<String>,
    /// How the translation came about, as the file says it (`exact-match`, `leveraged-mt`;
    /// SDLXLIFF's `tm 100%`).
    pub state_qualifier: Option<String>,
    /// `approved="yes"` (XLIFF 1.x).
    pub approved: bool,
    /// `translate="no"` (or a locked segment): shown, never checked.
    pub locked: bool,
    /// The unit's notes (and, for TMX, its properties as `type: value`).
    pub notes: Vec<String>,
}

impl Unit {
    /// What the tool says of the unit, in words ("translated · leveraged-mt · approved"), or
    /// `None` when it says nothing.
    pub fn tool_status(&self) -> Option<String> {
        let mut parts: Vec<&str> = Vec::new();
        parts.extend(self.state.as_deref());
        parts.extend(self.state_qualifier.as_deref());
        if self.approved {
            parts.push("approved");
        }
        if self.locked {
            parts.push("locked (not to be translated)");
        }
        (!parts.is_empty()).then(|| parts.join(" · "))
    }
}

/// XLIFF elements whose content is not text of the unit.
const XLIFF_SKIPPED: [&str; 11] = [
    "alt-trans",
    "ph",
    "bpt",
    "ept",
    "it",
    "originalData",
    "cp",
    "count-group",
    "prop-group",
    "context-group",
    "header",
];

#[derive(Clone, Copy, Default, PartialEq, Eq)]
enum Capture {
    #[default]
    None,
    Source,
    Target,
    Note,
    /// A TMX `<prop>`.
    Prop,
}

/// A unit being read: the unit, its segments and the tool's segment definitions.
#[derive(Default)]
struct XliffUnit {
    unit: Unit,
    /// A unit that is no content (the gettext header).
    header: bool,
    /// `(mid, text)` of the segments of `<seg-source>`, in order.
    source_segments: Vec<(String, String)>,
    /// `(mid, text)` of the segments of `<target>`.
    target_segments: Vec<(String, String)>,
    /// SDLXLIFF's `sdl:seg` definitions: `(mid, state, qualifier, locked)`.
    segment_defs: Vec<(String, Option<String>, Option<String>, bool)>,
}

/// Where the walk is inside a unit's segments.
#[derive(Default)]
struct Segments {
    in_seg_source: bool,
    in_target: bool,
    /// Open `mrk` elements, and the depth at which a segment's `mrk` opened.
    mrk_depth: usize,
    segment_at: Option<(usize, String)>,
    buffer: String,
}

pub(super) fn read_xliff(text: &str) -> Result<Bilingual, String> {
    let mut reader = XliffReader::default();
    walk(text, |node| match node {
        Node::Open(tag) => reader.open(tag),
        Node::Close(name) => reader.close(name),
        Node::Text(text) => reader.text(&text),
    })?;
    if !reader.seen_root {
        return Err("not an XLIFF file (no <xliff> element)".to_owned());
    }
    Ok(reader.file)
}

/// The state of a walk over an XLIFF file.
#[derive(Default)]
struct XliffReader {
    file: Bilingual,
    unit: Option<XliffUnit>,
    capture: Capture,
    buffer: String,
    /// Open elements whose content is not text of the unit.
    skipped: usize,
    segments: Segments,
    /// The state of an XLIFF 2 `<segment>`.
    segment_state: Option<String>,
    seen_root: bool,
}

impl XliffReader {
    fn open(&mut self, tag: &super::xml::Tag) {
        if self.skipped > 0 || XLIFF_SKIPPED.contains(&tag.name.as_str()) {
            self.skipped += 1;
            return;
        }
        match tag.name.as_str() {
            "xliff" => {
                self.seen_root = true;
                let version = tag.attr("version").unwrap_or("1.2");
                self.file.format = format!("XLIFF {version}");
                self.file.source_lang = tag.attr("srcLang").map(str::to_owned);
                self.file.target_lang = tag.attr("trgLang").map(str::to_owned);
            }
            "file" => {
                if let Some(lang) = tag.attr("source-language") {
                    self.file.source_lang.get_or_insert_with(|| lang.to_owned());
                }
                if let Some(lang) = tag.attr("target-language") {
                    self.file.target_lang.get_or_insert_with(|| lang.to_owned());
                }
            }
            "trans-unit" | "unit" => self.open_unit(tag),
            "segment" => {
                self.segment_state = tag.attr("state").map(str::to_owned);
                if let Some(current) = &mut self.unit
                    && tag.attr("translate") == Some("no")
                {
                    current.unit.locked = true;
                }
            }
            "seg-source" if self.unit.is_some() => self.segments.in_seg_source = true,
            "source" if self.unit.is_some() => self.capture = Capture::Source,
            "target" if self.unit.is_some() => self.open_target(tag),
            "mrk" => {
                let segments = &mut self.segments;
                segments.mrk_depth += 1;
                if tag.attr("mtype") == Some("seg")
                    && (segments.in_seg_source || segments.in_target)
                    && segments.segment_at.is_none()
                {
                    let mid = tag.attr("mid").unwrap_or_default().to_owned();
                    segments.segment_at = Some((segments.mrk_depth, mid));
                    segments.buffer.clear();
                }
            }
            // SDLXLIFF's segment definitions (`<sdl:seg id="1" conf="Translated" origin="tm"
            // percent="100"/>`).
            "seg" => {
                if let (Some(current), Some(id)) = (&mut self.unit, tag.attr("id")) {
                    let qualifier = match (tag.attr("origin"), tag.attr("percent")) {
                        (Some(origin), Some(percent)) => Some(format!("{origin} {percent}%")),
                        (Some(origin), None) => Some(origin.to_owned()),
                        _ => None,
                    };
                    current.segment_defs.push((
                        id.to_owned(),
                        tag.attr("conf").map(str::to_owned),
                        qualifier,
                        tag.attr("locked") == Some("true"),
                    ));
                }
            }
            "note" if self.unit.is_some() => self.capture = Capture::Note,
            _ => {}
        }
    }

    fn open_unit(&mut self, tag: &super::xml::Tag) {
        let id = tag
            .attr("id")
            .map_or_else(|| (self.file.units.len() + 1).to_string(), str::to_owned);
        self.unit = Some(XliffUnit {
            unit: Unit {
                id,
                approved: tag.attr("approved") == Some("yes"),
                // memoQ writes `mq:locked="locked"`.
                locked: tag.attr("translate") == Some("no")
                    || matches!(tag.attr("locked"), Some("locked" | "true")),
                // memoQ keeps its own status and match rate on the unit.
                state: tag.attr("status").map(str::to_owned),
                state_qualifier: tag.attr("percent").map(|p| format!("{p}% match")),
                ..Unit::default()
            },
            header: tag.attr("restype") == Some("x-gettext-domain-header"),
            ..XliffUnit::default()
        });
    }

    fn open_target(&mut self, tag: &super::xml::Tag) {
        self.capture = Capture::Target;
        self.segments.in_target = true;
        if let Some(current) = &mut self.unit {
            let state = tag
                .attr("state")
                .map(str::to_owned)
                .or(self.segment_state.clone());
            if let Some(state) = state {
                current.unit.state = Some(state);
            }
            if let Some(qualifier) = tag.attr("state-qualifier") {
                current.unit.state_qualifier = Some(qualifier.to_owned());
            }
        }
    }

    fn close(&mut self, name: &str) {
        if self.skipped > 0 {
            self.skipped -= 1;
            return;
        }
        match name {
            "mrk" => {
                let segments = &mut self.segments;
                let depth = segments.mrk_depth;
                if let Some((_, mid)) = segments.segment_at.take_if(|(at, _)| *at == depth) {
                    let text = collapse_spaces(&segments.buffer);
                    segments.buffer.clear();
                    if let Some(current) = &mut self.unit {
                        if segments.in_seg_source {
                            current.source_segments.push((mid, text));
                        } else if segments.in_target {
                            current.target_segments.push((mid, text));
                        }
                    }
                }
                segments.mrk_depth = segments.mrk_depth.saturating_sub(1);
            }
            "seg-source" => self.segments.in_seg_source = false,
            "source" | "target" | "note" => {
                let text = collapse_spaces(&self.buffer);
                self.buffer.clear();
                if let Some(current) = &mut self.unit {
                    let unit = &mut current.unit;
                    match self.capture {
                        Capture::Source => append(&mut unit.source, &text),
                        Capture::Target => append(unit.target.get_or_insert_default(), &text),
                        Capture::Note if !text.is_empty() => unit.notes.push(text),
                        Capture::Note | Capture::Prop | Capture::None => {}
                    }
                }
                if name == "target" {
                    self.segments.in_target = false;
                }
                self.capture = Capture::None;
            }
            "segment" => {
                if let (Some(current), Some(state)) = (&mut self.unit, self.segment_state.take())
                    && current.unit.state.is_none()
                {
                    current.unit.state = Some(state);
                }
            }
            "trans-unit" | "unit" => {
                if let Some(done) = self.unit.take()
                    && !done.header
                {
                    finish_unit(done, &mut self.file.units);
                }
            }
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if self.skipped > 0 {
            return;
        }
        if self.segments.segment_at.is_some() {
            self.segments.buffer.push_str(text);
        }
        if self.capture != Capture::None {
            self.buffer.push_str(text);
        }
    }
}

/// A unit read: one unit, or one per segment when the tool segmented it.
fn finish_unit(done: XliffUnit, units: &mut Vec<Unit>) {
    let XliffUnit {
        unit,
        source_segments,
        target_segments,
        segment_defs,
        ..
    } = done;
    if source_segments.is_empty() {
        if !unit.source.is_empty() {
            let target = unit.target.clone().filter(|t| !t.is_empty());
            units.push(Unit { target, ..unit });
        }
        return;
    }
    for (number, (mid, source)) in source_segments.into_iter().enumerate() {
        if source.is_empty() {
            continue;
        }
        let target = target_segments
            .iter()
            .find(|(target_mid, _)| *target_mid == mid)
            .map(|(_, text)| text.clone())
            .filter(|t| !t.is_empty());
        let mut segment = Unit {
            id: format!("{}.{}", unit.id, number + 1),
            source,
            target,
            ..unit.clone()
        };
        if let Some((_, state, qualifier, locked)) =
            segment_defs.iter().find(|(def_mid, ..)| *def_mid == mid)
        {
            segment.state = state.clone().or(segment.state);
            segment.state_qualifier = qualifier.clone().or(segment.state_qualifier);
            segment.locked |= *locked;
        }
        units.push(segment);
    }
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
    let mut prop_type = String::new();
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
            "prop" if current.is_some() && tuv_lang.is_none() => {
                capture = Capture::Prop;
                prop_type = tag.attr("type").unwrap_or("prop").to_owned();
            }
            _ => {}
        },
        Node::Close(_) if skipped > 0 => skipped -= 1,
        Node::Close(name) => match name {
            "seg" | "note" | "prop" => {
                let text = collapse_spaces(&buffer);
                buffer.clear();
                if let Some(unit) = &mut current {
                    match (capture, &tuv_lang) {
                        (Capture::Target, Some(lang)) => unit.variants.push((lang.clone(), text)),
                        (Capture::Note, _) if !text.is_empty() => unit.notes.push(text),
                        (Capture::Prop, _) if !text.is_empty() => {
                            unit.notes.push(format!("{prop_type}: {text}"));
                        }
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
                notes: unit.notes,
                ..Unit::default()
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
