//! pakta-akn: the parsed agreement as Akoma Ntoso 3.0 XML, for legal-informatics tools.
//!
//! The document is an `<act name="agreement">` with FRBR work, expression and manifestation metadata,
//! the title in `<preface>`, the preamble, the body (Parts, Chapters, Sections and annexes as nested
//! containers; articles; paragraphs, points and subparagraphs) and the closing in `<conclusions>`.
//! Every element carries the eId pakta uses everywhere else (`art_5__para_1__point_a`), so a finding in a
//! JSON report can be looked up in the XML.
//!
//! *Architecture Invariant:* text reaches the XML only through [`escape`], and ids only through
//! [`Ids::unique`], so the output is well-formed for any input.

use std::collections::HashSet;

use pakta_core::paragraphs::article_word;
use pakta_core::{Agreement, Article, Block, Clause, ClauseKind, DivisionKind, Language};

const NAMESPACE: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

/// Escapes text for XML content and attribute values; drops characters XML 1.0 cannot carry.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// eIds must be unique in a document; a parser id repeated by a malformed source gets a suffix.
#[derive(Debug, Default)]
struct Ids {
    seen: HashSet<String>,
}

impl Ids {
    fn unique(&mut self, id: &str) -> String {
        let clean: String = id
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let clean = if clean.starts_with(|c: char| c.is_ascii_alphabetic()) {
            clean
        } else {
            format!("x_{clean}")
        };
        let mut candidate = clean.clone();
        let mut n = 2;
        while !self.seen.insert(candidate.clone()) {
            candidate = format!("{clean}_{n}");
            n += 1;
        }
        candidate
    }
}

/// ISO 639-2 code for FRBRlanguage.
fn language3(language: &Language) -> &str {
    match language {
        Language::En => "eng",
        Language::Id => "ind",
        Language::Nl => "nld",
        Language::Fr => "fra",
        Language::Es => "spa",
        Language::De => "deu",
        Language::Other(code) => code,
        Language::Und => "und",
    }
}

/// A lower-case name for FRBR URIs: letters, digits and hyphens.
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= 60 {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "agreement".to_string()
    } else {
        out
    }
}

/// An ISO date (`YYYY-MM-DD`) at the start of `text`, if there is one.
fn iso_date(text: &str) -> Option<&str> {
    let d = text.get(..10)?;
    let b = d.as_bytes();
    (b[4] == b'-'
        && b[7] == b'-'
        && d.chars()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit()))
    .then_some(d)
}

/// What the export needs beyond the agreement.
#[derive(Debug, Clone, Default)]
pub struct Options<'a> {
    /// A name for the work in FRBR URIs; defaults to a slug of the title.
    pub name: Option<&'a str>,
}

struct Writer<'a> {
    out: String,
    ids: Ids,
    agreement: &'a Agreement,
}

impl Writer<'_> {
    fn line(&mut self, depth: usize, text: &str) {
        for _ in 0..depth {
            self.out.push_str("  ");
        }
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn blocks(&mut self, depth: usize, blocks: &[Block]) {
        for block in blocks {
            let text = escape(&block.text).replace('\n', "<eol/>");
            self.line(depth, &format!("<p>{text}</p>"));
        }
    }

    fn clause(&mut self, depth: usize, clause: &Clause) {
        let element = match clause.kind {
            ClauseKind::Paragraph => "paragraph",
            ClauseKind::Point => "point",
            ClauseKind::Subparagraph => "subparagraph",
        };
        let id = self.ids.unique(&clause.id);
        self.line(depth, &format!("<{element} eId=\"{id}\">"));
        if let Some(num) = clause.marker.as_deref().or(clause.label.as_deref()) {
            self.line(depth + 1, &format!("<num>{}</num>", escape(num)));
        }
        let text = escape(&clause.text).replace('\n', "<eol/>");
        if clause.children.is_empty() {
            self.line(depth + 1, &format!("<content><p>{text}</p></content>"));
        } else {
            if !clause.text.is_empty() {
                self.line(depth + 1, &format!("<intro><p>{text}</p></intro>"));
            }
            for child in &clause.children {
                self.clause(depth + 1, child);
            }
        }
        self.line(depth, &format!("</{element}>"));
    }

    fn article(&mut self, depth: usize, article: &Article) {
        let id = self.ids.unique(&article.id);
        self.line(depth, &format!("<article eId=\"{id}\">"));
        self.line(
            depth + 1,
            &format!(
                "<num>{} {}</num>",
                article_word(&article.language),
                escape(&article.number)
            ),
        );
        if let Some(heading) = &article.heading {
            self.line(
                depth + 1,
                &format!("<heading>{}</heading>", escape(heading)),
            );
        }
        if article.clauses.is_empty() {
            self.line(depth + 1, "<content><p/></content>");
        }
        for clause in &article.clauses {
            self.clause(depth + 1, clause);
        }
        self.line(depth, "</article>");
    }

    /// A division and, inside it, its child divisions and articles in document order.
    fn division(&mut self, depth: usize, index: usize) {
        let division = &self.agreement.divisions[index];
        let (open, close) = match division.kind {
            DivisionKind::Part => ("<part".to_string(), "</part>"),
            DivisionKind::Chapter => ("<chapter".to_string(), "</chapter>"),
            DivisionKind::Section => ("<section".to_string(), "</section>"),
            DivisionKind::Title => ("<title".to_string(), "</title>"),
            DivisionKind::Annex => ("<hcontainer name=\"annex\"".to_string(), "</hcontainer>"),
            DivisionKind::Heading => ("<hcontainer name=\"heading\"".to_string(), "</hcontainer>"),
        };
        let id = self.ids.unique(&division.id);
        self.line(depth, &format!("{open} eId=\"{id}\">"));
        if let Some(number) = &division.number {
            self.line(depth + 1, &format!("<num>{}</num>", escape(number)));
        }
        if let Some(heading) = &division.heading {
            self.line(
                depth + 1,
                &format!("<heading>{}</heading>", escape(heading)),
            );
        }
        let children = self.children(Some(index));
        if !division.intro.is_empty() {
            if children.is_empty() {
                self.line(depth + 1, "<content>");
                let intro = division.intro.clone();
                self.blocks(depth + 2, &intro);
                self.line(depth + 1, "</content>");
            } else {
                self.line(depth + 1, "<intro>");
                let intro = division.intro.clone();
                self.blocks(depth + 2, &intro);
                self.line(depth + 1, "</intro>");
            }
        } else if children.is_empty() {
            self.line(depth + 1, "<content><p/></content>");
        }
        self.items(depth + 1, &children);
        self.line(depth, close);
    }

    /// Child divisions and articles of `parent` (`None`: the body), in document order.
    fn children(&self, parent: Option<usize>) -> Vec<Item> {
        let mut items: Vec<(usize, Item)> = Vec::new();
        for (i, d) in self.agreement.divisions.iter().enumerate() {
            if d.parent == parent {
                items.push((d.span.start, Item::Division(i)));
            }
        }
        for (i, a) in self.agreement.articles.iter().enumerate() {
            if a.division == parent {
                items.push((a.span.start, Item::Article(i)));
            }
        }
        items.sort_by_key(|(start, _)| *start);
        items.into_iter().map(|(_, item)| item).collect()
    }

    fn items(&mut self, depth: usize, items: &[Item]) {
        for item in items {
            match *item {
                Item::Division(i) => self.division(depth, i),
                Item::Article(i) => {
                    let article = &self.agreement.articles[i];
                    self.article(depth, article);
                }
            }
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Item {
    Division(usize),
    Article(usize),
}

/// The agreement as an Akoma Ntoso 3.0 document.
pub fn export(agreement: &Agreement, options: &Options) -> String {
    let title = agreement
        .title
        .clone()
        .or_else(|| agreement.meta.title.clone())
        .unwrap_or_else(|| "Agreement".to_string());
    let name = options.name.map_or_else(|| slug(&title), slug);
    let signed = agreement
        .meta
        .signed
        .as_ref()
        .and_then(|s| s.date.as_deref())
        .and_then(iso_date);
    // FRBRdate is required; an agreement without a signing date gets the conventional unknown date.
    let (date, date_name) = match signed {
        Some(d) => (d.to_string(), "signature"),
        None => ("9999-01-01".to_string(), "unknown"),
    };
    let lang = language3(&agreement.language).to_string();
    let work = format!("/akn/int/act/{date}/{name}");
    let expression = format!("{work}/{lang}@");
    let mut w = Writer {
        out: String::new(),
        ids: Ids::default(),
        agreement,
    };
    w.line(0, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    w.line(0, &format!("<akomaNtoso xmlns=\"{NAMESPACE}\">"));
    w.line(1, "<act name=\"agreement\">");
    w.line(2, "<meta>");
    w.line(3, "<identification source=\"#pakta\">");
    w.line(4, "<FRBRWork>");
    w.line(5, &format!("<FRBRthis value=\"{}/!main\"/>", escape(&work)));
    w.line(5, &format!("<FRBRuri value=\"{}\"/>", escape(&work)));
    w.line(
        5,
        &format!("<FRBRdate date=\"{date}\" name=\"{date_name}\"/>"),
    );
    for i in 0..agreement.meta.parties.len().max(1) {
        let who = if agreement.meta.parties.is_empty() {
            "#pakta".to_string()
        } else {
            format!("#party_{}", i + 1)
        };
        w.line(5, &format!("<FRBRauthor href=\"{who}\"/>"));
    }
    w.line(5, "<FRBRcountry value=\"int\"/>");
    w.line(5, &format!("<FRBRname value=\"{}\"/>", escape(&title)));
    w.line(4, "</FRBRWork>");
    w.line(4, "<FRBRExpression>");
    w.line(
        5,
        &format!("<FRBRthis value=\"{}/!main\"/>", escape(&expression)),
    );
    w.line(5, &format!("<FRBRuri value=\"{}\"/>", escape(&expression)));
    w.line(
        5,
        &format!("<FRBRdate date=\"{date}\" name=\"{date_name}\"/>"),
    );
    w.line(5, "<FRBRauthor href=\"#pakta\"/>");
    w.line(
        5,
        &format!("<FRBRlanguage language=\"{}\"/>", escape(&lang)),
    );
    w.line(4, "</FRBRExpression>");
    w.line(4, "<FRBRManifestation>");
    w.line(
        5,
        &format!("<FRBRthis value=\"{}/!main.xml\"/>", escape(&expression)),
    );
    w.line(
        5,
        &format!("<FRBRuri value=\"{}.akn\"/>", escape(&expression)),
    );
    w.line(
        5,
        &format!("<FRBRdate date=\"{date}\" name=\"{date_name}\"/>"),
    );
    w.line(5, "<FRBRauthor href=\"#pakta\"/>");
    w.line(4, "</FRBRManifestation>");
    w.line(3, "</identification>");
    w.line(3, "<references source=\"#pakta\">");
    w.line(
        4,
        "<TLCOrganization eId=\"pakta\" href=\"/ontology/organization/pakta\" showAs=\"pakta\"/>",
    );
    for (i, party) in agreement.meta.parties.iter().enumerate() {
        w.line(
            4,
            &format!(
                "<TLCOrganization eId=\"party_{}\" href=\"/ontology/organization/{}\" showAs=\"{}\"/>",
                i + 1,
                slug(&party.name),
                escape(&party.name)
            ),
        );
    }
    w.line(3, "</references>");
    w.line(2, "</meta>");
    w.line(2, "<preface>");
    w.line(
        3,
        &format!("<longTitle><p>{}</p></longTitle>", escape(&title)),
    );
    w.line(2, "</preface>");
    if !agreement.preamble.is_empty() {
        w.line(2, "<preamble>");
        w.blocks(3, &agreement.preamble);
        w.line(2, "</preamble>");
    }
    w.line(2, "<body>");
    let top = w.children(None);
    if top.is_empty() {
        // The body needs at least one hierarchical element.
        w.line(3, "<hcontainer name=\"empty\" eId=\"hcontainer_empty\"><content><p/></content></hcontainer>");
    }
    w.items(3, &top);
    w.line(2, "</body>");
    if !agreement.closing.is_empty() {
        w.line(2, "<conclusions>");
        w.blocks(3, &agreement.closing);
        w.line(2, "</conclusions>");
    }
    w.line(1, "</act>");
    w.line(0, "</akomaNtoso>");
    w.out
}
