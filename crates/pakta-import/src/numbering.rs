//! Word's list numbering (`word/numbering.xml`): the label Word shows before an auto-numbered paragraph —
//! "1.", "(a)", "ii)" — which is not in the paragraph's text, so an importer that ignored it would lose
//! every paragraph number a ministry's Word template puts there.
//!
//! The model is the part of ECMA-376 §17.9 that decides a label: a paragraph names a list instance
//! (`w:numId`) and a level (`w:ilvl`); the instance names an abstract definition, whose level gives the
//! number format, the label text (`%1.%2`) and the start value; an instance may override the start.
//! Instances that share an abstract definition without overriding its start continue one count, as in
//! Word. Anything unreadable leaves the paragraph unlabelled rather than failing the import.

use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};

/// Deepest level Word defines (0-based 0..=8).
const LEVELS: usize = 9;

#[derive(Debug, Clone, Default)]
struct Level {
    format: String,
    text: String,
    start: u32,
}

#[derive(Debug, Clone, Default)]
struct Instance {
    abstract_id: String,
    start_overrides: HashMap<usize, u32>,
}

/// The list definitions of a document.
#[derive(Debug, Clone, Default)]
pub struct Numbering {
    abstracts: HashMap<String, Vec<Level>>,
    instances: HashMap<String, Instance>,
}

fn attribute(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

impl Numbering {
    /// Reads `word/numbering.xml`; what cannot be read is left out.
    pub fn parse(xml: &[u8]) -> Numbering {
        let mut numbering = Numbering::default();
        let mut reader = quick_xml::Reader::from_reader(xml);
        let mut buf = Vec::new();
        let mut abstract_id: Option<String> = None;
        let mut instance: Option<(String, Instance)> = None;
        let mut level: Option<usize> = None;
        let mut override_level: Option<usize> = None;
        loop {
            let event = match reader.read_event_into(&mut buf) {
                Ok(Event::Eof) | Err(_) => break,
                Ok(event) => event,
            };
            let (start, e) = match &event {
                Event::Start(e) => (true, e),
                Event::Empty(e) => (false, e),
                Event::End(e) => {
                    match e.local_name().as_ref() {
                        b"abstractNum" => abstract_id = None,
                        b"num" => {
                            if let Some((id, inst)) = instance.take() {
                                numbering.instances.insert(id, inst);
                            }
                        }
                        b"lvl" => level = None,
                        b"lvlOverride" => override_level = None,
                        _ => {}
                    }
                    buf.clear();
                    continue;
                }
                _ => {
                    buf.clear();
                    continue;
                }
            };
            match e.local_name().as_ref() {
                b"abstractNum" if start => {
                    abstract_id = attribute(e, b"abstractNumId");
                    if let Some(id) = &abstract_id {
                        numbering
                            .abstracts
                            .insert(id.clone(), vec![Level::default(); LEVELS]);
                    }
                }
                b"num" if start => {
                    instance = attribute(e, b"numId").map(|id| (id, Instance::default()));
                }
                b"abstractNumId" => {
                    if let (Some((_, inst)), Some(v)) = (&mut instance, attribute(e, b"val")) {
                        inst.abstract_id = v;
                    }
                }
                b"lvlOverride" => {
                    override_level = attribute(e, b"ilvl").and_then(|v| v.parse().ok());
                }
                b"startOverride" => {
                    if let (Some((_, inst)), Some(l), Some(v)) = (
                        &mut instance,
                        override_level,
                        attribute(e, b"val").and_then(|v| v.parse().ok()),
                    ) {
                        inst.start_overrides.insert(l, v);
                    }
                }
                b"lvl" if abstract_id.is_some() => {
                    level = attribute(e, b"ilvl")
                        .and_then(|v| v.parse().ok())
                        .filter(|&l: &usize| l < LEVELS);
                    if let Some(l) = level
                        && let Some(levels) = abstract_id
                            .as_ref()
                            .and_then(|id| numbering.abstracts.get_mut(id))
                    {
                        levels[l] = Level {
                            start: 1,
                            ..Level::default()
                        };
                    }
                }
                name @ (b"start" | b"numFmt" | b"lvlText") if override_level.is_none() => {
                    let (Some(l), Some(levels)) = (
                        level,
                        abstract_id
                            .as_ref()
                            .and_then(|id| numbering.abstracts.get_mut(id)),
                    ) else {
                        buf.clear();
                        continue;
                    };
                    let value = attribute(e, b"val").unwrap_or_default();
                    match name {
                        b"start" => levels[l].start = value.parse().unwrap_or(1),
                        b"numFmt" => levels[l].format = value,
                        _ => levels[l].text = value,
                    }
                }
                _ => {}
            }
            buf.clear();
        }
        numbering
    }

    /// The label of each paragraph, given its list instance and level (`None` for paragraphs outside a
    /// list, bullets, and levels without a number format), counting as Word does through the document.
    pub fn labels(&self, paragraphs: &[(Option<&str>, usize)]) -> Vec<Option<String>> {
        let mut counters: HashMap<String, [u32; LEVELS]> = HashMap::new();
        let mut started: HashMap<String, [bool; LEVELS]> = HashMap::new();
        paragraphs
            .iter()
            .map(|&(num_id, level)| {
                let num_id = num_id?;
                let level = level.min(LEVELS - 1);
                let instance = self.instances.get(num_id)?;
                let levels = self.abstracts.get(&instance.abstract_id)?;
                let definition = &levels[level];
                // An instance that restarts its numbers counts alone; others share their definition's count.
                let key = if instance.start_overrides.is_empty() {
                    format!("a{}", instance.abstract_id)
                } else {
                    format!("n{num_id}")
                };
                let counts = counters.entry(key.clone()).or_insert([0; LEVELS]);
                let seen = started.entry(key).or_insert([false; LEVELS]);
                let start = |l: usize| {
                    instance
                        .start_overrides
                        .get(&l)
                        .copied()
                        .unwrap_or(levels[l].start)
                };
                counts[level] = if seen[level] {
                    counts[level] + 1
                } else {
                    start(level)
                };
                seen[level] = true;
                // A number at one level restarts every deeper level.
                seen[level + 1..].fill(false);
                label(definition, levels, counts, seen, &start)
            })
            .collect()
    }
}

/// The label text of a level: `%N` replaced by level N's number in its own format.
fn label(
    definition: &Level,
    levels: &[Level],
    counts: &[u32; LEVELS],
    seen: &[bool; LEVELS],
    start: &dyn Fn(usize) -> u32,
) -> Option<String> {
    if matches!(definition.format.as_str(), "bullet" | "none" | "") || definition.text.is_empty() {
        return None;
    }
    let mut out = String::new();
    let mut chars = definition.text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek().and_then(|d| d.to_digit(10))) {
            ('%', Some(n @ 1..=9)) => {
                chars.next();
                let l = n as usize - 1;
                let value = if seen[l] { counts[l] } else { start(l) };
                out.push_str(&formatted(value, &levels[l].format)?);
            }
            _ => out.push(c),
        }
    }
    let out = out.trim().to_string();
    (!out.is_empty()).then_some(out)
}

fn formatted(value: u32, format: &str) -> Option<String> {
    Some(match format {
        "decimal" | "decimalZero" | "" => value.to_string(),
        "lowerLetter" => letters(value, b'a'),
        "upperLetter" => letters(value, b'A'),
        "lowerRoman" => pakta_core::numbering::to_roman(value).to_lowercase(),
        "upperRoman" => pakta_core::numbering::to_roman(value),
        _ => return None,
    })
}

/// a … z, then aa, bb … as Word counts letters.
fn letters(value: u32, base: u8) -> String {
    let value = value.max(1) - 1;
    let letter = char::from(base + (value % 26) as u8);
    std::iter::repeat_n(letter, value as usize / 26 + 1).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const NUMBERING: &str = r#"<w:numbering xmlns:w="w">
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%1.%2.%3"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
  <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
</w:abstractNum>
<w:num w:numId="10"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="11"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="12"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="20"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>"#;

    #[test]
    fn labels_count_as_word_shows_them() {
        let numbering = Numbering::parse(NUMBERING.as_bytes());
        let paragraphs = [
            (Some("10"), 0),
            (Some("10"), 1),
            (Some("10"), 1),
            (Some("10"), 2),
            (Some("10"), 0),
            (Some("10"), 1),
            (None, 0),
            (Some("20"), 0),
            // Another instance of the same definition continues the count; one that restarts does not.
            (Some("11"), 0),
            (Some("12"), 0),
            (Some("12"), 0),
            (Some("99"), 0),
        ];
        let labels: Vec<Option<String>> = numbering.labels(&paragraphs);
        let expected = [
            Some("1."),
            Some("(a)"),
            Some("(b)"),
            Some("1.b.i"),
            Some("2."),
            Some("(a)"),
            None,
            None,
            Some("3."),
            Some("1."),
            Some("2."),
            None,
        ];
        assert_eq!(
            labels,
            expected.map(|l| l.map(str::to_string)).to_vec(),
            "labels"
        );
    }

    #[test]
    fn formats() {
        assert_eq!(letters(1, b'a'), "a");
        assert_eq!(letters(27, b'a'), "aa");
        assert_eq!(formatted(4, "upperRoman").as_deref(), Some("IV"));
        assert_eq!(formatted(4, "chineseCounting"), None);
    }

    #[test]
    fn unreadable_numbering_is_empty() {
        let numbering = Numbering::parse(b"<not xml");
        assert_eq!(numbering.labels(&[(Some("1"), 0)]), vec![None]);
    }
}
