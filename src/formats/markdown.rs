//! Markdown with pulldown-cmark: headings are headings, paragraphs, list items, quotes and code
//! blocks are body paragraphs (the author's markup says what they are); markup characters are
//! gone.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::Block;
use crate::classify::ParagraphKind;

pub(super) fn read(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut buffer = String::new();
    let mut heading = false;
    let flush = |buffer: &mut String, heading: bool, blocks: &mut Vec<Block>| {
        let kind = Some(if heading {
            ParagraphKind::Heading
        } else {
            ParagraphKind::Body
        });
        blocks.extend(Block::new(buffer, kind));
        buffer.clear();
    };
    for event in Parser::new(text) {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                flush(&mut buffer, heading, &mut blocks);
                heading = true;
            }
            Event::End(TagEnd::Heading(_)) => {
                flush(&mut buffer, heading, &mut blocks);
                heading = false;
            }
            Event::Start(
                Tag::Paragraph | Tag::Item | Tag::CodeBlock(_) | Tag::BlockQuote(_) | Tag::TableRow,
            )
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_)
                | TagEnd::TableRow,
            )
            | Event::Rule => flush(&mut buffer, heading, &mut blocks),
            Event::Text(text) | Event::Code(text) => buffer.push_str(&text),
            Event::SoftBreak => buffer.push(' '),
            Event::HardBreak => buffer.push('\n'),
            Event::End(TagEnd::TableCell) => buffer.push_str(" · "),
            _ => {}
        }
    }
    flush(&mut buffer, heading, &mut blocks);
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_paragraphs_and_lists() {
        let blocks = read(
            "# SoftBank sells\n\nThe *Japanese* group sold its\nshares for **$5.83 billion**.\n\n\
             - first item\n- second `item`\n\n> a quote\n",
        );
        let texts: Vec<(&str, bool)> = blocks
            .iter()
            .map(|b| (b.text.as_str(), b.kind == Some(ParagraphKind::Heading)))
            .collect();
        assert_eq!(
            texts,
            [
                ("SoftBank sells", true),
                (
                    "The Japanese group sold its shares for $5.83 billion.",
                    false
                ),
                ("first item", false),
                ("second item", false),
                ("a quote", false),
            ]
        );
    }
}
