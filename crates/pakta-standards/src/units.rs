//! The pieces of an agreement the coverage check matches on its own: clauses, article headings, the
//! preamble; and where each sits, so a match can widen to its paragraph or article.

use std::collections::{BTreeMap, HashMap};

use pakta_core::{Agreement, Article, Clause, Language};
use pakta_norms::lexicon;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UnitKind {
    Heading,
    Clause,
    Preamble,
}

/// Where each unit sits, computed once per check: every requirement looks units up by clause id (to list
/// evidence in document order), by article and by top-level paragraph (to widen a match to its scope), and
/// the first unit of an article (for its number).
/// Scanning all units for each match instead made a check quadratic in the agreement's length.
pub(crate) struct Layout<'u> {
    pub(crate) order: HashMap<&'u str, usize>,
    pub(crate) by_article: HashMap<&'u str, Vec<usize>>,
    pub(crate) by_top: HashMap<usize, Vec<usize>>,
    /// The first unit of each article (by index in the agreement).
    pub(crate) first_of_article: HashMap<usize, usize>,
}

impl<'u> Layout<'u> {
    pub(crate) fn of(units: &'u [Unit]) -> Layout<'u> {
        let mut layout = Layout {
            order: HashMap::with_capacity(units.len()),
            by_article: HashMap::new(),
            by_top: HashMap::new(),
            first_of_article: HashMap::new(),
        };
        for (i, unit) in units.iter().enumerate() {
            layout.order.insert(unit.id, i);
            if let Some(article) = unit.article {
                layout.by_article.entry(article).or_default().push(i);
            }
            if let Some(top) = unit.top {
                layout.by_top.entry(top).or_default().push(i);
            }
            if let Some(a) = unit.article_index {
                layout.first_of_article.entry(a).or_insert(i);
            }
        }
        layout
    }
}

/// A piece of the agreement that is matched on its own.
#[derive(Debug)]
pub(crate) struct Unit<'a> {
    pub(crate) kind: UnitKind,
    pub(crate) id: &'a str,
    pub(crate) text: &'a str,
    pub(crate) article: Option<&'a str>,
    pub(crate) article_index: Option<usize>,
    pub(crate) article_id: Option<&'a str>,
    pub(crate) article_number: Option<&'a str>,
    /// The enclosing clause's unit.
    pub(crate) parent: Option<usize>,
    /// The top-level clause (numbered paragraph) this unit sits in.
    pub(crate) top: Option<usize>,
    pub(crate) secondary: bool,
    /// For a definition that takes something out of the term it defines, the term's byte range (see
    /// [`carved_term`]): read once here, asked by every requirement.
    pub(crate) carved_term: Option<std::ops::Range<usize>>,
}

/// The language version to check when none is asked for.
pub fn checked_language(agreement: &Agreement) -> Language {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for article in &agreement.articles {
        *counts.entry(article.language.code()).or_insert(0) += 1;
    }
    if counts.len() > 1 {
        let en = counts.get("en").copied().unwrap_or(0);
        let id = counts.get("id").copied().unwrap_or(0);
        if en > 0 || id > 0 {
            return if id > en { Language::Id } else { Language::En };
        }
    }
    agreement
        .articles
        .first()
        .map_or_else(|| agreement.language.clone(), |a| a.language.clone())
}

pub(crate) fn units<'a>(agreement: &'a Agreement, language: &Language) -> Vec<Unit<'a>> {
    let mut units = Vec::new();
    for block in &agreement.preamble {
        units.push(Unit {
            kind: UnitKind::Preamble,
            id: "preamble",
            text: &block.text,
            article: None,
            article_index: None,
            article_id: None,
            article_number: None,
            parent: None,
            top: None,
            secondary: true,
            carved_term: None,
        });
    }
    for (a, article) in agreement.articles.iter().enumerate() {
        if &article.language != language {
            continue;
        }
        let secondary_article = article.heading.as_deref().is_some_and(is_framing_heading);
        if let Some(heading) = &article.heading {
            units.push(Unit {
                kind: UnitKind::Heading,
                id: &article.id,
                text: heading,
                article: Some(&article.id),
                article_index: Some(a),
                article_id: Some(&article.id),
                article_number: Some(&article.number),
                parent: None,
                top: None,
                secondary: secondary_article,
                carved_term: None,
            });
        }
        for clause in &article.clauses {
            let top = units.len();
            push_clause(&mut units, article, a, clause, None, top, secondary_article);
        }
    }
    units
}

fn push_clause<'a>(
    units: &mut Vec<Unit<'a>>,
    article: &'a Article,
    a: usize,
    clause: &'a Clause,
    parent: Option<usize>,
    top: usize,
    secondary_article: bool,
) {
    let index = units.len();
    let definition = is_definition(&clause.text);
    units.push(Unit {
        kind: UnitKind::Clause,
        id: &clause.id,
        text: &clause.text,
        article: Some(&article.id),
        article_index: Some(a),
        article_id: Some(&article.id),
        article_number: Some(&article.number),
        parent,
        top: Some(top),
        secondary: secondary_article || definition,
        carved_term: definition.then(|| carved_term(&clause.text)).flatten(),
    });
    for child in &clause.children {
        push_clause(
            units,
            article,
            a,
            child,
            Some(index),
            top,
            secondary_article,
        );
    }
}

/// Headings of articles that frame the agreement rather than regulate: purposes and definitions. Their
/// mentions of a topic ("to shield workers from recruitment fees") are not the operative clause.
fn is_framing_heading(heading: &str) -> bool {
    let folded = lexicon::fold(heading);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let framing = [
        "purpose",
        "purposes",
        "objective",
        "objectives",
        "aim",
        "aims",
        "definitions",
        "definition",
        "tujuan",
        "maksud",
        "definisi",
        "pengertian",
        "istilah",
    ];
    !words.is_empty()
        && words.len() <= 4
        && words.iter().any(|w| framing.contains(w))
        && !words.iter().any(|w| *w == "scope" || *w == "lingkup")
}

/// A definition: `"Employer" means …`, `… berarti …`, `yang dimaksud dengan …`.
fn is_definition(text: &str) -> bool {
    // The first 160 characters, sliced rather than collected one character at a time: every clause of
    // the agreement is asked.
    let end = text
        .char_indices()
        .nth(160)
        .map_or(text.len(), |(at, _)| at);
    let folded = lexicon::fold(&text[..end]);
    // Every English form holds " means", which most clauses do not: one search instead of five.
    folded.contains(" means")
        && (folded.contains("\u{201d} means")
            || folded.contains("\" means")
            || folded.contains("' means")
            || folded.contains("\u{2019} means")
            || folded.contains(" means any "))
        || (folded.contains('"') || folded.contains('\u{201c}'))
            && (folded.contains(" berarti ") || folded.contains(" adalah "))
        || folded.contains("yang dimaksud dengan")
}

/// Where a definition takes something out of the term it defines: the byte range of its defined term
/// (the first quoted words) when the words after the term carve something out ("'Recruitment costs' means
/// … ; the agency's service charge is not a recruitment cost", *"Pemberi Kerja" adalah … , tidak termasuk
/// kontraktor*). A protection keyed to the term then reaches less than it seems to, and only a reader can
/// say whether what was left out matters.
pub(crate) fn carved_term(definition: &str) -> Option<std::ops::Range<usize>> {
    use pakta_norms::lexicon::{Qualifier, speaks_of};
    let open = definition.find(['"', '\u{201c}'])?;
    let start = open + definition[open..].chars().next()?.len_utf8();
    let close = start + definition[start..].find(['"', '\u{201d}'])?;
    let rest = pakta_norms::lexicon::fold(&definition[close..]);
    // "… is not working time", *… bukan waktu kerja*: the term itself denied.
    let term = pakta_norms::lexicon::fold(&definition[start..close]);
    let denied_term = ["not ", "bukan "]
        .iter()
        .any(|not| rest.contains(&format!("{not}{term}")));
    (denied_term || speaks_of(Qualifier::CarveOut, &rest)).then_some(start..close)
}
