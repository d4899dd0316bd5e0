//! gettext PO files as a bilingual input: `msgid` on the left, `msgstr` on the right.
//!
//! The format many localisation teams use, and translate-toolkit's hub (its `txt2po`,
//! `xliff2po` and `po2tmx` read and write it). Each entry is a unit: its id is its `msgctxt`
//! or its position, `#.` and `#` comments are its notes, a `fuzzy` flag its state, and a
//! plural's first form its text. The header entry (`msgid ""`) is not content: its
//! `Language:` is the target's language. Obsolete entries (`#~`) are left out.

use super::bilingual::{Bilingual, Unit};

/// One entry as read.
#[derive(Default)]
struct Entry {
    context: Option<String>,
    id: Option<String>,
    translation: Option<String>,
    notes: Vec<String>,
    fuzzy: bool,
}

/// Which string the continuation lines of an entry belong to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    None,
    Context,
    Id,
    IdPlural,
    Translation,
    OtherTranslation,
}

pub(super) fn read_po(text: &str) -> Result<Bilingual, String> {
    let mut file = Bilingual {
        format: "PO".to_owned(),
        encoding: "UTF-8",
        ..Bilingual::default()
    };
    let mut entry = Entry::default();
    let mut field = Field::None;
    let mut entries_seen = 0usize;
    for (line_idx, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            // A comment after the strings starts the next entry.
            if entry.id.is_some() && field != Field::None {
                finish(std::mem::take(&mut entry), &mut file, &mut entries_seen);
                field = Field::None;
            }
            if comment.starts_with('~') {
                continue;
            }
            if let Some(flags) = comment.strip_prefix(',') {
                entry.fuzzy |= flags.split(',').any(|flag| flag.trim() == "fuzzy");
            } else if let Some(note) = comment
                .strip_prefix('.')
                .or_else(|| comment.strip_prefix(' '))
            {
                let note = note.trim();
                if !note.is_empty() {
                    entry.notes.push(note.to_owned());
                }
            }
            continue;
        }
        let (keyword, rest) = match line.find(char::is_whitespace) {
            Some(at) if !line.starts_with('"') => (&line[..at], line[at..].trim_start()),
            _ => ("", line),
        };
        let next_field = match keyword {
            "" => field,
            "msgctxt" => Field::Context,
            "msgid" => Field::Id,
            "msgid_plural" => Field::IdPlural,
            "msgstr" | "msgstr[0]" => Field::Translation,
            k if k.starts_with("msgstr[") => Field::OtherTranslation,
            other => {
                return Err(format!(
                    "not a PO file: unknown keyword {other:?} on line {}",
                    line_idx + 1
                ));
            }
        };
        // A new msgctxt or msgid after a complete entry starts the next one.
        if matches!(next_field, Field::Context | Field::Id)
            && entry.id.is_some()
            && matches!(field, Field::Translation | Field::OtherTranslation)
        {
            finish(std::mem::take(&mut entry), &mut file, &mut entries_seen);
        }
        field = next_field;
        let value = unquote(rest).ok_or_else(|| {
            format!(
                "not a PO file: a string is not quoted on line {}",
                line_idx + 1
            )
        })?;
        let target = match field {
            Field::Context => &mut entry.context,
            Field::Id => &mut entry.id,
            Field::Translation => &mut entry.translation,
            Field::IdPlural | Field::OtherTranslation => continue,
            Field::None => {
                return Err(format!(
                    "not a PO file: a string before any msgid on line {}",
                    line_idx + 1
                ));
            }
        };
        target.get_or_insert_default().push_str(&value);
    }
    if entry.id.is_some() {
        finish(entry, &mut file, &mut entries_seen);
    }
    if entries_seen == 0 {
        return Err("not a PO file (no msgid)".to_owned());
    }
    Ok(file)
}

fn finish(entry: Entry, file: &mut Bilingual, entries_seen: &mut usize) {
    *entries_seen += 1;
    let Some(source) = entry.id else {
        return;
    };
    if source.is_empty() {
        // The header: its Language is the target's.
        if let Some(header) = &entry.translation {
            for line in header.lines() {
                if let Some(lang) = line.strip_prefix("Language:") {
                    let lang = lang.trim();
                    if !lang.is_empty() {
                        file.target_lang = Some(lang.replace('_', "-"));
                    }
                }
            }
        }
        return;
    }
    let source = super::xml::collapse_spaces(&source);
    if source.is_empty() {
        return;
    }
    let target = entry
        .translation
        .map(|t| super::xml::collapse_spaces(&t))
        .filter(|t| !t.is_empty());
    let id = entry
        .context
        .filter(|c| !c.is_empty())
        .unwrap_or_else(|| (file.units.len() + 1).to_string());
    file.units.push(Unit {
        id,
        source,
        target,
        state: entry.fuzzy.then(|| "fuzzy".to_owned()),
        notes: entry.notes,
        ..Unit::default()
    });
}

/// The text of a quoted PO string, escapes resolved; `None` when it is not quoted.
fn unquote(text: &str) -> Option<String> {
    let inner = text.trim().strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_entries_notes_flags_and_the_header() {
        let po = r#"# Translator's comment
msgid ""
msgstr ""
"Project-Id-Version: x\n"
"Language: nl_NL\n"

#. extracted from sv.txt
#: sv.txt:1
msgid "Webbplatsikon Xpert.digital"
msgstr "Website -pictogram Xpert.Digital"

#: sv.txt:3
#, fuzzy
msgctxt "sv.txt:3"
msgid ""
"Försäljningen omfattade 32,1 miljoner "
"aktier och \"5,83\" miljarder."
msgstr "De verkoop omvatte 32,1 miljoen aandelen."

msgid "Otranslaterad"
msgstr ""

#~ msgid "Obsolete"
#~ msgstr "Verouderd"
"#;
        let file = read_po(po).unwrap();
        assert_eq!(file.target_lang.as_deref(), Some("nl-NL"));
        assert_eq!(file.units.len(), 3);
        assert_eq!(file.units[0].id, "1");
        assert_eq!(file.units[0].notes, ["extracted from sv.txt"]);
        assert_eq!(file.units[1].id, "sv.txt:3");
        assert_eq!(
            file.units[1].source,
            "Försäljningen omfattade 32,1 miljoner aktier och \"5,83\" miljarder."
        );
        assert_eq!(file.units[1].state.as_deref(), Some("fuzzy"));
        assert_eq!(file.units[2].target, None);
        assert!(read_po("hello world").is_err());
    }
}
