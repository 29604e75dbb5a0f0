//! The agreement as a reader sees it on the page: one paragraph after another, each with its role (title,
//! preamble, division heading, article heading, clause, closing). Word documents and tracked changes are
//! built from this view, and tests compare documents with it.

use crate::model::{Agreement, Article, Clause, Division, DivisionKind, Language};

/// What a paragraph is on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Title,
    /// Text before the first article (and a division's text before its first article).
    Body,
    /// A Part, Chapter, Section or Annex heading, with its nesting level (0 outermost).
    Division {
        level: usize,
    },
    /// "Article 5 — Wages".
    ArticleHeading,
    /// A paragraph or point of an article, with its depth (0 for an article's paragraphs).
    Clause {
        depth: usize,
    },
    /// Closing formula and signature block.
    Closing,
}

/// One paragraph of the page view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub role: Role,
    pub text: String,
}

/// The word an article heading starts with in `language` ("Article", "Pasal").
pub fn article_word(language: &Language) -> &'static str {
    match language {
        Language::Id => "Pasal",
        Language::Nl | Language::De => "Artikel",
        Language::Es => "Art\u{ed}culo",
        _ => "Article",
    }
}

/// The word an article of `agreement` is headed with: the document's own provision word ("Section",
/// "Clause", "Paragraph") where it numbers its provisions that way, else the article word of the
/// article's language ("Article", "Pasal").
pub fn provision_word(agreement: &Agreement, article: &Article) -> &'static str {
    match (agreement.provision_noun(), &article.language) {
        ("Article", language) => article_word(language),
        // *Bagian 1* numbers an Indonesian text's provisions as "Section 1" does an English one.
        ("Section", Language::Id) => "Bagian",
        (noun, _) => noun,
    }
}

/// "Article 5 — Wages" (or "Pasal 5 — Upah", "Section 5 — Wages"), headed with `word`
/// ([`provision_word`]).
pub fn article_heading(word: &str, article: &Article) -> String {
    let mut line = format!("{word} {}", article.number);
    if let Some(heading) = &article.heading {
        line.push_str(" \u{2014} ");
        line.push_str(heading);
    }
    line
}

fn division_word(kind: DivisionKind, language: &Language) -> &'static str {
    let id = *language == Language::Id;
    match kind {
        DivisionKind::Annex => {
            if id {
                "Lampiran"
            } else {
                "Annex"
            }
        }
        DivisionKind::Title => {
            if id {
                "Judul"
            } else {
                "Title"
            }
        }
        DivisionKind::Part => {
            if id {
                "Bagian"
            } else {
                "Part"
            }
        }
        DivisionKind::Chapter => {
            if id {
                "Bab"
            } else {
                "Chapter"
            }
        }
        DivisionKind::Section => {
            if id {
                "Bagian"
            } else {
                "Section"
            }
        }
        DivisionKind::Heading => "",
    }
}

/// "Chapter II — Recruitment"; an unnumbered heading is its text alone.
pub fn division_heading(division: &Division, language: &Language) -> String {
    let word = division_word(division.kind, language);
    let mut line = match (&division.number, word.is_empty()) {
        (Some(number), false) => format!("{word} {number}"),
        (Some(number), true) => number.clone(),
        (None, _) => word.to_string(),
    };
    if let Some(heading) = &division.heading {
        if !line.is_empty() {
            line.push_str(" \u{2014} ");
        }
        line.push_str(heading);
    }
    line
}

/// A clause's line: its label as printed (or canonical) and its text.
pub fn clause_line(clause: &Clause) -> String {
    match clause.marker.as_deref().or(clause.label.as_deref()) {
        Some(label) if !clause.text.is_empty() => format!("{label} {}", clause.text),
        Some(label) => label.to_string(),
        None => clause.text.clone(),
    }
}

/// How deep a division sits (0 outermost), following its parent links.
pub fn division_level(agreement: &Agreement, index: usize) -> usize {
    let mut level = 0;
    let mut parent = agreement.divisions[index].parent;
    while let Some(p) = parent {
        level += 1;
        parent = agreement.divisions.get(p).and_then(|d| d.parent);
        if level > agreement.divisions.len() {
            break;
        }
    }
    level
}

/// The division paragraphs (heading, then its intro text) of the divisions `range` of `agreement`.
pub fn division_paragraphs(agreement: &Agreement, range: std::ops::Range<usize>) -> Vec<Paragraph> {
    let mut out = Vec::new();
    for index in range {
        let division = &agreement.divisions[index];
        let text = division_heading(division, &agreement.language);
        if !text.is_empty() {
            out.push(Paragraph {
                role: Role::Division {
                    level: division_level(agreement, index),
                },
                text,
            });
        }
        out.extend(division.intro.iter().map(|b| Paragraph {
            role: Role::Body,
            text: b.text.clone(),
        }));
    }
    out
}

/// An article's paragraphs: its heading line, then every clause depth first.
pub fn article_paragraphs(agreement: &Agreement, article: &Article) -> Vec<Paragraph> {
    let mut out = vec![Paragraph {
        role: Role::ArticleHeading,
        text: article_heading(provision_word(agreement, article), article),
    }];
    let mut stack: Vec<(&Clause, usize)> = article.clauses.iter().rev().map(|c| (c, 0)).collect();
    while let Some((clause, depth)) = stack.pop() {
        out.push(Paragraph {
            role: Role::Clause { depth },
            text: clause_line(clause),
        });
        stack.extend(clause.children.iter().rev().map(|c| (c, depth + 1)));
    }
    out
}

/// The title as printed on the page: the body's title line, else front matter's title.
pub fn page_title(agreement: &Agreement) -> Option<&String> {
    agreement.title_line.as_ref().or(agreement.title.as_ref())
}

/// The whole agreement, page order: title, preamble, divisions (each heading with its text) and articles,
/// and the closing, each where it starts in the source — so a closing formula that sits between the main
/// text and its annexes stays there. (The redline's units follow the same order.)
pub fn paragraphs(agreement: &Agreement) -> Vec<Paragraph> {
    let blocks = |blocks: &[crate::Block], role: Role| -> Vec<Paragraph> {
        blocks
            .iter()
            .map(|b| Paragraph {
                role,
                text: b.text.clone(),
            })
            .collect()
    };
    let first = |blocks: &[crate::Block]| blocks.first().map_or(0, |b| b.span.start);
    let mut pieces: Vec<(usize, Vec<Paragraph>)> = Vec::new();
    if let Some(title) = page_title(agreement) {
        let title = Paragraph {
            role: Role::Title,
            text: title.clone(),
        };
        pieces.push((1, vec![title]));
    }
    pieces.push((
        first(&agreement.preamble),
        blocks(&agreement.preamble, Role::Body),
    ));
    for (i, division) in agreement.divisions.iter().enumerate() {
        pieces.push((
            division.span.start,
            division_paragraphs(agreement, i..i + 1),
        ));
    }
    for article in &agreement.articles {
        pieces.push((article.span.start, article_paragraphs(agreement, article)));
    }
    pieces.push((
        first(&agreement.closing),
        blocks(&agreement.closing, Role::Closing),
    ));
    // Stable: pieces that start together keep the order above.
    pieces.sort_by_key(|(at, _)| *at);
    pieces.into_iter().flat_map(|(_, p)| p).collect()
}
