//! A small walk over an XML text with quick-xml: start and end tags by local name (namespace
//! prefixes dropped), their attributes, and text with entities resolved.

use std::borrow::Cow;

use quick_xml::XmlVersion;
use quick_xml::events::Event;

/// What the walk meets.
pub(super) enum Node<'a> {
    /// A start tag (an empty element gives an `Open` and a `Close`).
    Open(&'a Tag),
    /// An end tag.
    Close(&'a str),
    /// Text, entities resolved.
    Text(Cow<'a, str>),
}

/// A start tag: its local name and attributes (by local name).
pub(super) struct Tag {
    pub name: String,
    attributes: Vec<(String, String)>,
}

impl Tag {
    /// The value of attribute `name` (local name: `xml:lang` is `lang`).
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }
}

/// Whether a walk goes on after a node.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Flow {
    /// Read on.
    Continue,
    /// Stop here: the reader has all it keeps (a cap on what one input may become).
    Stop,
}

/// Walk `text`, calling `on` for every tag and text. Malformed XML (mismatched or unclosed
/// tags, bad entities) is an error in words, with the byte position.
pub(super) fn walk(text: &str, mut on: impl FnMut(Node<'_>)) -> Result<(), String> {
    walk_reader(text.as_bytes(), |node| {
        on(node);
        Flow::Continue
    })
}

/// [`walk`] over a stream (a part of a zip archive, inflated as it is read), stopping as soon
/// as `on` says so: memory stays proportional to what the reader keeps, not to the file.
pub(super) fn walk_reader(
    input: impl std::io::BufRead,
    mut on: impl FnMut(Node<'_>) -> Flow,
) -> Result<(), String> {
    let mut reader = quick_xml::Reader::from_reader(input);
    let mut depth = 0usize;
    let mut buf = Vec::new();
    loop {
        let position = reader.buffer_position();
        buf.clear();
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|err| format!("malformed XML near byte {position}: {err}"))?;
        let flow = match event {
            Event::Start(start) => {
                depth += 1;
                on(Node::Open(&tag(&start)?))
            }
            Event::Empty(start) => {
                let tag = tag(&start)?;
                match on(Node::Open(&tag)) {
                    Flow::Continue => on(Node::Close(&tag.name)),
                    Flow::Stop => Flow::Stop,
                }
            }
            Event::End(end) => {
                depth = depth.saturating_sub(1);
                on(Node::Close(end.local_name().as_ref()))
            }
            Event::Text(text) => on(Node::Text(text.xml_content(XmlVersion::Implicit1_0))),
            Event::CData(data) => on(Node::Text(data.xml_content(XmlVersion::Implicit1_0))),
            Event::GeneralRef(reference) => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(c)) => Some(c.to_string()),
                    Ok(None) => {
                        quick_xml::escape::resolve_predefined_entity(&reference).map(str::to_owned)
                    }
                    Err(err) => return Err(format!("malformed XML near byte {position}: {err}")),
                };
                match resolved {
                    Some(text) => on(Node::Text(Cow::Owned(text))),
                    None => Flow::Continue,
                }
            }
            Event::Eof => break,
            _ => Flow::Continue,
        };
        if flow == Flow::Stop {
            return Ok(());
        }
    }
    if depth > 0 {
        return Err("the XML ends before its elements are closed (is the file cut short?)".into());
    }
    Ok(())
}

fn tag(start: &quick_xml::events::BytesStart<'_>) -> Result<Tag, String> {
    let mut attributes = Vec::new();
    for attr in start.attributes() {
        let attr = attr.map_err(|err| format!("malformed XML attribute: {err}"))?;
        let value = attr
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|err| format!("malformed XML attribute: {err}"))?;
        attributes.push((
            attr.key.local_name().as_ref().to_owned(),
            value.into_owned(),
        ));
    }
    Ok(Tag {
        name: start.local_name().as_ref().to_owned(),
        attributes,
    })
}

/// Whether `c` is white space that separates words (not a no-break space, which holds a figure
/// together: `5 000` with a no-break space).
pub(super) fn is_breaking_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}')
}

/// Collapse runs of breaking white space into one space and trim.
pub(super) fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(is_breaking_space).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}
