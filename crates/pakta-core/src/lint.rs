//! Structural lint of one agreement: the parser's structural diagnostics plus cross-references that point
//! at articles, paragraphs or points that do not exist.

use std::collections::HashMap;

use crate::crossref;
use crate::model::{Agreement, Article, ClauseKind, Diagnostic, Severity, Span};
use crate::numbering::ArticleNumber;
use crate::provision::ProvisionWord;
use crate::source::LineIndex;

/// Everything `pakta lint` reports for `agreement`, parsed from `source`, in source order.
pub fn lint(agreement: &Agreement, source: &str) -> Vec<Diagnostic> {
    let index = LineIndex::new(source);
    let mut out: Vec<Diagnostic> = agreement.diagnostics.clone();
    // References are read in the document's own vocabulary ("Section 4.2" in a document of sections).
    let word = agreement.provision_word.as_deref();
    let noun = word
        .and_then(ProvisionWord::from_name)
        .map_or("Article", ProvisionWord::noun);
    let subdivided = !matches!(
        word.and_then(ProvisionWord::from_name),
        None | Some(ProvisionWord::Article)
    );

    // Articles by numbering sequence (the id prefix) and number value, so `Article V` and `Article 5` agree.
    let mut by_key: HashMap<(usize, (Vec<u32>, u32)), &Article> = HashMap::new();
    for article in &agreement.articles {
        if let Some(number) = ArticleNumber::parse(&article.number) {
            by_key
                .entry((article.sequence, number.key()))
                .or_insert(article);
        }
    }
    for article in &agreement.articles {
        let sequence = article.sequence;
        for clause in article.clauses_flat() {
            for reference in crossref::find_in(&clause.text, word) {
                let shown = describe(&reference, noun);
                let target = match &reference.article {
                    None => Some(article),
                    Some(number) => {
                        let Some(number) = ArticleNumber::parse(number) else {
                            continue;
                        };
                        by_key.get(&(sequence, number.key())).copied()
                    }
                };
                let problem = match target {
                    None => Some(format!(
                        "{shown}: there is no {noun} {}",
                        reference.article.as_deref().unwrap_or_default()
                    )),
                    Some(target) => missing_part(target, &reference, noun, subdivided)
                        .map(|what| format!("{shown}: {what}")),
                };
                if let Some(message) = problem {
                    let span = locate(
                        source,
                        &index,
                        clause.span,
                        &clause.text[reference.range.clone()],
                    );
                    out.push(Diagnostic {
                        severity: Severity::Warning,
                        code: "broken-reference",
                        message,
                        span,
                    });
                }
            }
        }
    }
    out.sort_by_key(|d| (d.span.start, d.code));
    out.dedup();
    out
}

fn describe(reference: &crossref::Reference, noun: &str) -> String {
    let mut out = String::from("reference to ");
    if let Some(point) = &reference.point {
        out.push_str(&format!("point ({point}) of "));
    }
    if let Some(paragraph) = &reference.paragraph {
        out.push_str(&format!("paragraph {paragraph} of "));
    }
    match &reference.article {
        Some(article) => out.push_str(&format!("{noun} {article}")),
        None => out.push_str(&format!("this {}", noun.to_lowercase())),
    }
    out
}

/// What the reference names that the target article lacks, if anything. In a `subdivided` document
/// (sections, clauses) paragraph 2 of Section 4 may be printed `4.2`.
fn missing_part(
    target: &Article,
    reference: &crossref::Reference,
    noun: &str,
    subdivided: bool,
) -> Option<String> {
    let paragraph_label = reference.paragraph.as_deref()?;
    // Articles without numbered paragraphs are referred to loosely; only check where paragraphs exist.
    let paragraphs: Vec<_> = target
        .clauses
        .iter()
        .filter(|c| c.kind == ClauseKind::Paragraph)
        .collect();
    if paragraphs.is_empty() {
        // Its unnumbered paragraphs may be counted ("paragraph 2" of an article of two), but no further:
        // "Pasal 2 ayat (2)" of an article with a single paragraph names nothing. Only where the article
        // is named: a bare "paragraph 22(b)" in a text numbered in paragraphs means its paragraph 22.
        // An article whose paragraphs sit under sub-headings, or that numbers anything, is left alone.
        fn plain(clauses: &[crate::Clause]) -> bool {
            clauses
                .iter()
                .all(|c| c.label.is_none() && plain(&c.children))
        }
        let count = target.clauses.len().max(1);
        return (reference.article.is_some()
            && plain(&target.clauses)
            && paragraph_label.parse::<usize>().is_ok_and(|n| n > count))
        .then(|| {
            format!(
                "{noun} {} has no paragraph {paragraph_label}",
                target.number
            )
        });
    }
    let dotted = format!("{}.{paragraph_label}", target.number);
    let Some(paragraph) = paragraphs.iter().find(|c| {
        c.label.as_deref() == Some(paragraph_label)
            || subdivided && c.label.as_deref() == Some(dotted.as_str())
    }) else {
        return Some(format!(
            "{noun} {} has no paragraph {paragraph_label}",
            target.number
        ));
    };
    let point = reference.point.as_deref()?;
    let wanted = format!("({point})");
    let points: Vec<_> = paragraph
        .children
        .iter()
        .filter(|c| c.kind == ClauseKind::Point)
        .collect();
    if points.is_empty()
        || points
            .iter()
            .any(|c| c.label.as_deref() == Some(wanted.as_str()))
    {
        return None;
    }
    Some(format!(
        "paragraph {paragraph_label} of {noun} {} has no point ({point})",
        target.number
    ))
}

/// The span of `needle` inside the clause's source text, or the clause's own span when it cannot be found
/// (the clause text is whitespace-normalised, so a reference broken over two lines may not match).
pub fn locate(source: &str, index: &LineIndex, clause: Span, needle: &str) -> Span {
    let within = source
        .get(clause.start..clause.end.min(source.len()))
        .unwrap_or("");
    match within.find(needle) {
        Some(offset) => index.span(
            source,
            clause.start + offset,
            clause.start + offset + needle.len(),
        ),
        None => clause,
    }
}
