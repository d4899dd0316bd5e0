//! Pages nested deeper than any browser renders: flattened before they are parsed.
//!
//! html5ever looks through the stack of open elements for many start and end tags, so a page
//! of 100,000 nested `div`s costs it time quadratic in its depth (half a minute for 1 MB).
//! Browsers do not render such depth either: Blink stops nesting at 512 elements and puts
//! deeper elements beside the last one. [`flatten`] does the same before parsing: start tags
//! deeper than [`MAX_DEPTH`] are left out, with their end tags, and their text stays where it
//! was. A page within the limit is passed on unchanged, byte for byte.
//!
//! The scan knows what changes the depth in HTML: void elements (`br`, `img`) and elements
//! whose end tag may be left out (`p`, `li`, `td`) never count; comments and the raw text of
//! `script` and `style` are skipped; a `/>` closes only inside SVG and `MathML`.

use std::borrow::Cow;

/// The deepest nesting kept (Blink's limit).
pub(super) const MAX_DEPTH: usize = 512;

/// Elements with no content.
const VOID: [&str; 15] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr",
];
/// Elements whose end tag may be left out: the parser closes them itself, so they never
/// nest deep.
const OPTIONAL_END: [&str; 19] = [
    "body", "caption", "colgroup", "dd", "dt", "head", "html", "li", "optgroup", "option", "p",
    "rb", "rp", "rt", "rtc", "tbody", "td", "tfoot", "th",
];
/// Elements whose content is raw text, up to their own end tag.
const RAW_TEXT: [&str; 8] = [
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
    "script",
    "style",
    "textarea",
    "xmp",
];

/// `html` with every start tag deeper than `max_depth` (and its end tag) left out.
pub(super) fn flatten(html: &str, max_depth: usize) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut open: Vec<String> = Vec::new();
    let mut foreign = 0usize;
    // Start tags left out whose end tags are still to come.
    let mut dropped = 0usize;
    let mut cut: Vec<(usize, usize)> = Vec::new();
    let mut at = 0usize;
    while let Some(offset) = memchr_lt(&bytes[at..]) {
        let start = at + offset;
        let rest = &bytes[start..];
        if rest.starts_with(b"<!--") {
            at = find(bytes, start + 4, b"-->").map_or(bytes.len(), |end| end + 3);
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            at = find(bytes, start + 2, b">").map_or(bytes.len(), |end| end + 1);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        let name_end = bytes[name_start..]
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b':' | b'_')))
            .map_or(bytes.len(), |len| name_start + len);
        if name_end == name_start || !bytes[name_start].is_ascii_alphabetic() {
            at = start + 1;
            continue;
        }
        let name = html[name_start..name_end].to_ascii_lowercase();
        let end = tag_end(bytes, name_end);
        let self_closing = end >= 2 && bytes[end - 2] == b'/';
        let tag_range = (start, end.min(bytes.len()));
        at = tag_range.1;
        if closing {
            if dropped > 0 {
                dropped -= 1;
                cut.push(tag_range);
            } else if let Some(pos) = open.iter().rposition(|n| *n == name) {
                for closed in open.drain(pos..) {
                    if matches!(closed.as_str(), "svg" | "math") {
                        foreign = foreign.saturating_sub(1);
                    }
                }
            }
            continue;
        }
        if VOID.contains(&name.as_str()) || (self_closing && foreign > 0) {
            continue;
        }
        if RAW_TEXT.contains(&name.as_str()) {
            let closing_tag = format!("</{name}");
            at = find_ignore_case(bytes, at, closing_tag.as_bytes()).unwrap_or(bytes.len());
            continue;
        }
        if OPTIONAL_END.contains(&name.as_str()) {
            continue;
        }
        if open.len() >= max_depth {
            dropped += 1;
            cut.push(tag_range);
            continue;
        }
        if matches!(name.as_str(), "svg" | "math") {
            foreign += 1;
        }
        open.push(name);
    }
    if cut.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut from = 0;
    for (start, end) in cut {
        out.push_str(&html[from..start]);
        from = end;
    }
    out.push_str(&html[from..]);
    Cow::Owned(out)
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

/// The end of a tag (just past its `>`), quoted attribute values skipped.
fn tag_end(bytes: &[u8], mut at: usize) -> usize {
    let mut quote: Option<u8> = None;
    while at < bytes.len() {
        let b = bytes[at];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return at + 1,
            None => {}
        }
        at += 1;
    }
    bytes.len()
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|pos| from + pos)
}

fn find_ignore_case(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|pos| from + pos)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_within_the_limit_is_unchanged() {
        let page = r#"<html><head><script>if (a < b && c > "</div>") {}</script></head>
            <body><!-- <div><div> --><div class="a>b"><p>One<p>Two<br><img src=x>
            <ul><li>a<li>b</ul><svg><path d="M0"/><path/></svg></div></body></html>"#;
        assert!(matches!(flatten(page, 3), Cow::Borrowed(_)));
    }

    #[test]
    fn tags_past_the_limit_are_left_out_and_their_text_kept() {
        let page = "<div><div><div><div>deep</div></div> text</div></div>";
        assert_eq!(flatten(page, 2), "<div><div>deep text</div></div>");
        // Ten thousand levels become two; the text is all there.
        let deep = format!("{}x{}", "<div>".repeat(10_000), "</div>".repeat(10_000));
        assert_eq!(flatten(&deep, 2), "<div><div>x</div></div>");
    }

    #[test]
    fn unclosed_paragraphs_and_self_closed_divs_count_as_browsers_count_them() {
        // A thousand unclosed paragraphs nest nothing.
        let paragraphs = "<p>a".repeat(1000);
        assert!(matches!(flatten(&paragraphs, 4), Cow::Borrowed(_)));
        // `<div/>` opens a div in HTML: a thousand of them nest a thousand deep.
        let divs = "<div/>".repeat(1000);
        assert_eq!(flatten(&divs, 4), "<div/>".repeat(4));
    }
}
