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

/// "Article 5 — Wages", in the article's language.
pub fn article_heading(article: &Article) -> String {
    let mut line = format!("{} {}", article_word(&article.language), article.number);
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

fn division_level(agreement: &Agreement, index: usize) -> usize {
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

/// For each article, the range of divisions that open before it (after the previous article); and the
/// range of divisions after the last article. Divisions are in document order, so these are contiguous.
pub fn divisions_before_articles(
    agreement: &Agreement,
) -> (Vec<std::ops::Range<usize>>, std::ops::Range<usize>) {
    let mut ranges = Vec::with_capacity(agreement.articles.len());
    let mut next = 0;
    for article in &agreement.articles {
        let start = next;
        while next < agreement.divisions.len()
            && agreement.divisions[next].span.start <= article.span.start
        {
            next += 1;
        }
        ranges.push(start..next);
    }
    (ranges, next..agreement.divisions.len())
}

/// An article's paragraphs: its heading line, then every clause depth first.
pub fn article_paragraphs(article: &Article) -> Vec<Paragraph> {
    let mut out = vec![Paragraph {
        role: Role::ArticleHeading,
        text: article_heading(article),
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

/// The whole agreement, page order: title, preamble, then each article preceded by the divisions that
/// open before it, then divisions after the last article, then the closing.
pub fn paragraphs(agreement: &Agreement) -> Vec<Paragraph> {
    let mut out = Vec::new();
    if let Some(title) = &agreement.title {
        out.push(Paragraph {
            role: Role::Title,
            text: title.clone(),
        });
    }
    out.extend(agreement.preamble.iter().map(|b| Paragraph {
        role: Role::Body,
        text: b.text.clone(),
    }));
    let (before, after) = divisions_before_articles(agreement);
    for (article, range) in agreement.articles.iter().zip(before) {
        out.extend(division_paragraphs(agreement, range));
        out.extend(article_paragraphs(article));
    }
    out.extend(division_paragraphs(agreement, after));
    out.extend(agreement.closing.iter().map(|b| Paragraph {
        role: Role::Closing,
        text: b.text.clone(),
    }));
    out
}
