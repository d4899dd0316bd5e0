//! Saved web pages: html5ever (through scraper) builds the tree a browser builds; the article's
//! paragraphs are the text between block elements, headings from `h1`–`h6`. Scripts, styles and
//! navigation are dropped; footers, asides, forms, and elements whose class or id says menu,
//! share bar, cookie notice and the like are kept as boilerplate (shown dimmed, never aligned
//! as the article). The encoding comes from a byte-order mark, the page's `<meta charset>`, or
//! detection, in that order.

use ego_tree::iter::Edge;
use scraper::{Html, Node};

use super::{Block, Blocks, nesting};
use crate::classify::ParagraphKind;
use crate::decode;

/// Elements whose content is never article text.
const SKIPPED: [&str; 14] = [
    "script", "style", "noscript", "template", "svg", "nav", "iframe", "head", "object", "canvas",
    "button", "select", "textarea", "math",
];
/// Elements that end a paragraph.
const BLOCKS: [&str; 36] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tr",
    "ul",
    "caption",
    "menu",
];
/// Elements that hold page chrome.
const CHROME: [&str; 5] = ["footer", "aside", "form", "dialog", "menu"];
/// Words in a class or id that mark page chrome.
const CHROME_WORDS: [&str; 20] = [
    "menu",
    "share",
    "social",
    "cookie",
    "consent",
    "breadcrumb",
    "newsletter",
    "related",
    "sidebar",
    "footer",
    "comment",
    "banner",
    "advert",
    "promo",
    "subscribe",
    "navbar",
    "toolbar",
    "skip",
    "popup",
    "paywall",
];
/// ARIA roles of skipped and chrome elements.
const SKIPPED_ROLES: [&str; 2] = ["navigation", "search"];
const CHROME_ROLES: [&str; 4] = ["contentinfo", "complementary", "banner", "dialog"];

pub(super) fn read(bytes: &[u8]) -> Result<Blocks, String> {
    let (text, encoding, notes) = decode_page(bytes)?;
    let text = nesting::flatten(&text, nesting::MAX_DEPTH);
    let page = Html::parse_document(&text);
    let mut walk = Walk::default();
    for edge in page.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(text) if walk.skipped == 0 => walk.text(text),
                Node::Element(element) => walk.open(element),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(element) = node.value() {
                    walk.close(element);
                }
            }
        }
    }
    walk.flush();
    Ok(Blocks {
        blocks: walk.blocks,
        encoding,
        notes,
        declared_lang: walk.declared_lang,
    })
}

/// The page's text: a byte-order mark or valid UTF-8 first, then the `<meta charset>` the page
/// declares (a page that declares UTF-8 but for a few stray bytes is read as UTF-8 with those
/// replaced, and says so), then detection.
fn decode_page(bytes: &[u8]) -> Result<(String, &'static str, Vec<decode::ReadNote>), String> {
    let has_bom = bytes.starts_with(b"\xEF\xBB\xBF")
        || bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF");
    if !has_bom
        && std::str::from_utf8(bytes).is_err()
        && let Some(encoding) = declared_charset(bytes)
        && encoding != encoding_rs::UTF_8
    {
        let (text, _, _) = encoding.decode(bytes);
        return Ok((
            decode::normalize_line_ends(&text),
            encoding.name(),
            Vec::new(),
        ));
    }
    let decoded = super::decoded(bytes)?;
    Ok((decoded.text, decoded.encoding, decoded.notes))
}

/// The encoding a page declares in its first kilobytes (`<meta charset="…">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=…">`).
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let mut rest = head.as_str();
    while let Some(at) = rest.find("charset") {
        rest = &rest[at + "charset".len()..];
        let value = rest.trim_start().strip_prefix('=')?.trim_start();
        let value = value.trim_start_matches(['"', '\'']);
        let label: String = value
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
            .collect();
        if let Some(encoding) = encoding_rs::Encoding::for_label(label.as_bytes()) {
            return Some(encoding);
        }
    }
    None
}

#[derive(Default)]
struct Walk {
    blocks: Vec<Block>,
    buffer: String,
    /// Open elements whose content is dropped.
    skipped: usize,
    /// Open chrome elements.
    chrome: usize,
    /// Open headings.
    headings: usize,
    /// Open `h1` elements (the page's title, a heading even inside chrome).
    titles: usize,
    /// Open `pre` elements (their line breaks are kept).
    pre: usize,
    /// Open `article` and `main` elements (a `header` inside them is the article's).
    article: usize,
    /// For every open element, what it counted (to undo at its end).
    stack: Vec<Counted>,
    /// The page's `<html lang>`.
    declared_lang: Option<String>,
}

#[derive(Clone, Copy, Default)]
struct Counted {
    skipped: bool,
    chrome: bool,
    heading: bool,
    title: bool,
    pre: bool,
    article: bool,
    block: bool,
}

impl Walk {
    fn open(&mut self, element: &scraper::node::Element) {
        let name = element.name();
        if name == "html" && self.declared_lang.is_none() {
            self.declared_lang = element
                .attr("lang")
                .map(str::trim)
                .filter(|lang| !lang.is_empty())
                .map(str::to_owned);
        }
        let role = element.attr("role").unwrap_or_default();
        let counted = Counted {
            skipped: self.skipped > 0
                || SKIPPED.contains(&name)
                || SKIPPED_ROLES.contains(&role)
                || element.attr("hidden").is_some(),
            chrome: CHROME.contains(&name)
                || CHROME_ROLES.contains(&role)
                || (name == "header" && self.article == 0)
                || marks_chrome(element),
            heading: matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6"),
            title: name == "h1",
            pre: name == "pre",
            article: matches!(name, "article" | "main"),
            block: BLOCKS.contains(&name),
        };
        if counted.block {
            self.flush();
        }
        if name == "br" && self.skipped == 0 {
            self.buffer.push('\n');
        }
        self.count(counted, 1);
        self.stack.push(counted);
    }

    fn close(&mut self, element: &scraper::node::Element) {
        if matches!(element.name(), "td" | "th") && self.skipped == 0 {
            self.buffer.push_str(" · ");
        }
        let counted = self.stack.pop().unwrap_or_default();
        if counted.block {
            self.flush();
        }
        self.count(counted, -1);
    }

    fn count(&mut self, counted: Counted, by: isize) {
        let step = |value: &mut usize, on: bool| {
            if on {
                *value = value.saturating_add_signed(by);
            }
        };
        step(&mut self.skipped, counted.skipped);
        step(&mut self.chrome, counted.chrome);
        step(&mut self.headings, counted.heading);
        step(&mut self.titles, counted.title);
        step(&mut self.pre, counted.pre);
        step(&mut self.article, counted.article);
    }

    fn text(&mut self, text: &str) {
        if self.pre > 0 {
            self.buffer.push_str(text);
            return;
        }
        // Source line breaks are spaces in HTML.
        let mut last_space = self.buffer.ends_with([' ', '\n']) || self.buffer.is_empty();
        for c in text.chars() {
            if super::xml::is_breaking_space(c) {
                if !last_space {
                    self.buffer.push(' ');
                    last_space = true;
                }
            } else {
                self.buffer.push(c);
                last_space = false;
            }
        }
    }

    fn flush(&mut self) {
        let text = self
            .buffer
            .trim()
            .trim_end_matches('·')
            .trim_end()
            .to_owned();
        self.buffer.clear();
        // Chrome wins over its own headings ("More on this"), not over the page's title.
        let kind = if self.titles > 0 || (self.headings > 0 && self.chrome == 0) {
            Some(ParagraphKind::Heading)
        } else if self.chrome > 0 {
            Some(ParagraphKind::Boilerplate)
        } else {
            None
        };
        self.blocks.extend(Block::new(&text, kind));
    }
}

/// Whether an element's class or id names page chrome (a share bar, a cookie notice).
fn marks_chrome(element: &scraper::node::Element) -> bool {
    let id = element.id().unwrap_or_default();
    std::iter::once(id).chain(element.classes()).any(|name| {
        let name = name.to_ascii_lowercase();
        CHROME_WORDS.iter().any(|word| name.contains(word))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(html: &str) -> Vec<(String, Option<ParagraphKind>)> {
        read(html.as_bytes())
            .unwrap()
            .blocks
            .into_iter()
            .map(|b| (b.text, b.kind))
            .collect()
    }

    #[test]
    fn article_text_with_headings_and_chrome() {
        let page = r#"<!DOCTYPE html><html><head><title>T</title><script>var x = 1;</script></head>
            <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
            <header class="site">Daily News</header>
            <article><header><h1>SoftBank  sells
              Nvidia</h1></header>
              <p>The group sold <b>32.1 million</b> shares<br>for $5.83&nbsp;billion.</p>
              <ul><li>first</li><li><p>second</p></li></ul>
              <div class="share-bar">Share on X</div>
              <table><tr><td>Q3</td><td>2.5</td></tr></table>
            </article>
            <footer><p>© 2025 Daily News</p></footer></body></html>"#;
        let heading = Some(ParagraphKind::Heading);
        let chrome = Some(ParagraphKind::Boilerplate);
        assert_eq!(
            blocks(page),
            [
                ("Daily News".to_owned(), chrome),
                ("SoftBank sells Nvidia".to_owned(), heading),
                (
                    "The group sold 32.1 million shares\nfor $5.83\u{a0}billion.".to_owned(),
                    None
                ),
                ("first".to_owned(), None),
                ("second".to_owned(), None),
                ("Share on X".to_owned(), chrome),
                ("Q3 · 2.5".to_owned(), None),
                ("© 2025 Daily News".to_owned(), chrome),
            ]
        );
    }

    #[test]
    fn the_declared_charset_decodes_a_legacy_page() {
        let mut page = b"<html><head><meta charset=\"windows-1252\"></head><body><p>".to_vec();
        page.extend_from_slice(b"Caf\xE9 \x80 5");
        page.extend_from_slice(b"</p></body></html>");
        let read = read(&page).unwrap();
        assert_eq!(read.encoding, "windows-1252");
        assert_eq!(read.blocks[0].text, "Café € 5");
    }
}
