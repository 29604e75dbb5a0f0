//! What a paragraph style says about its paragraphs (`word/styles.xml`): whether they are headings, and
//! the numbering they carry. A template's "Heading 1" may number itself ("Article 1", "Article 2" …)
//! through the style, with no numbering on the paragraph at all, as LibreOffice's outline numbering and
//! Word's multilevel lists linked to headings do; without it a draft whose headings read "Purpose",
//! "Wages" shows Word's "Article 1 Purpose" and reads as no articles. A custom or translated heading style
//! ("Article Heading" based on "heading 1", a style with an outline level) is a heading too.

use std::collections::HashMap;

use quick_xml::events::Event;

use super::{attr, val};

#[derive(Debug, Default)]
struct Style {
    name: Option<String>,
    outline: Option<u32>,
    num_id: Option<String>,
    level: Option<u32>,
    based_on: Option<String>,
}

/// The paragraph styles of a document, by style id.
#[derive(Debug, Default)]
pub(crate) struct Styles {
    styles: HashMap<String, Style>,
}

impl Styles {
    /// Reads `word/styles.xml`; what cannot be read is left out.
    pub(crate) fn parse(xml: &[u8]) -> Styles {
        let mut styles = HashMap::new();
        let mut reader = quick_xml::Reader::from_reader(xml);
        let mut buf = Vec::new();
        let mut current: Option<(String, Style)> = None;
        let mut in_ppr = false;
        loop {
            let event = match reader.read_event_into(&mut buf) {
                Ok(Event::Eof) | Err(_) => break,
                Ok(event) => event,
            };
            match &event {
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    b"style" => {
                        let paragraph = attr(e, b"type").is_none_or(|t| t == "paragraph");
                        current = attr(e, b"styleId")
                            .filter(|_| paragraph)
                            .map(|id| (id, Style::default()));
                    }
                    b"name" => {
                        if let Some((_, style)) = &mut current {
                            style.name = val(e);
                        }
                    }
                    b"outlineLvl" if in_ppr => {
                        if let Some((_, style)) = &mut current {
                            style.outline = val(e).and_then(|v| v.parse().ok());
                        }
                    }
                    b"basedOn" => {
                        if let Some((_, style)) = &mut current {
                            style.based_on = val(e);
                        }
                    }
                    b"pPr" if matches!(event, Event::Start(_)) => in_ppr = true,
                    b"numId" if in_ppr => {
                        if let Some((_, style)) = &mut current {
                            style.num_id = val(e);
                        }
                    }
                    b"ilvl" if in_ppr => {
                        if let Some((_, style)) = &mut current {
                            style.level = val(e).and_then(|v| v.parse().ok());
                        }
                    }
                    _ => {}
                },
                Event::End(e) => match e.local_name().as_ref() {
                    b"pPr" => in_ppr = false,
                    b"style" => {
                        if let Some((id, style)) = current.take() {
                            styles.insert(id, style);
                        }
                    }
                    _ => {}
                },
                _ => {}
            }
            buf.clear();
        }
        Styles { styles }
    }

    /// The list instance and level style `id` numbers its paragraphs with, through the styles it is based
    /// on; `None` when it numbers nothing (numbering id "0" switches a base style's numbering off).
    pub(crate) fn numbering(&self, id: &str) -> Option<(String, u32)> {
        let mut id = id;
        // A chain of ten styles is deeper than any template; a loop in a broken file ends there.
        for _ in 0..10 {
            let style = self.styles.get(id)?;
            if let Some(num_id) = &style.num_id {
                return (num_id != "0").then(|| (num_id.clone(), style.level.unwrap_or(0)));
            }
            id = style.based_on.as_deref()?;
        }
        None
    }

    /// The Markdown heading level of style `id`'s paragraphs: by its id or its name ("heading 1",
    /// "Title"), else its outline level, else the style it is based on.
    pub(crate) fn heading_level(&self, id: &str) -> Option<usize> {
        let mut id = id;
        for _ in 0..10 {
            if let Some(level) = super::heading_level(id) {
                return Some(level);
            }
            let style = self.styles.get(id)?;
            if let Some(level) = style.name.as_deref().and_then(super::heading_level) {
                return Some(level);
            }
            if let Some(outline) = style.outline.filter(|o| *o < 9) {
                return Some((outline as usize + 2).min(6));
            }
            id = style.based_on.as_deref()?;
        }
        None
    }
}
