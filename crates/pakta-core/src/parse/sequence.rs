//! After the tree is built: numbering sequences (where the numbering restarts, and what is out of order)
//! and the language of each sequence.

use crate::model::{Agreement, Article, Diagnostic, Division, Language, Severity, Span};
use crate::numbering::ArticleNumber;
use crate::source::LineIndex;
use crate::text::detect_language;

/// Checks the order of article numbers within each numbering sequence and reports duplicates and gaps.
///
/// A new sequence starts when the numbering goes back to 1 after a division boundary: an annex, or the
/// second language version of a bilingual treaty.
///
/// `noun` names a provision in messages ("Article", "Section").
pub(super) fn check_sequence(
    articles: &[(ArticleNumber, Article)],
    agreement: &mut Agreement,
    source: &str,
    index: &LineIndex,
    noun: &str,
) {
    let mut previous: Option<&(ArticleNumber, Article)> = None;
    for current in articles {
        let (number, article) = current;
        let Some((prev_number, prev_article)) = previous else {
            if number.main() > 1 && number.key().0.len() == 1 {
                let message = format!("numbering starts at {noun} {number}, not 1");
                agreement
                    .diagnostics
                    .push(warning("skipped-number", message, article.span));
            }
            previous = Some(current);
            continue;
        };
        if article.sequence != prev_article.sequence {
            previous = Some(current);
            continue;
        }
        let (key, prev_key) = (number.key(), prev_number.key());
        if key == prev_key {
            let message = format!(
                "duplicate {} number {number} (also at line {})",
                noun.to_lowercase(),
                index.line_col(source, prev_article.span.start).0
            );
            agreement
                .diagnostics
                .push(warning("duplicate-number", message, article.span));
        } else if key < prev_key {
            let message =
                format!("{noun} {number} comes after {noun} {prev_number}: numbers out of order");
            agreement
                .diagnostics
                .push(warning("out-of-order", message, article.span));
        } else if key.0.len() == prev_key.0.len()
            && key.0[..key.0.len() - 1] == prev_key.0[..prev_key.0.len() - 1]
        {
            let (last, prev_last) = (key.0[key.0.len() - 1], prev_key.0[prev_key.0.len() - 1]);
            if last > prev_last + 1 {
                let missing = if last == prev_last + 2 {
                    format!("{noun} {} is missing", prev_last + 1)
                } else {
                    format!("{noun}s {}–{} are missing", prev_last + 1, last - 1)
                };
                let message = format!("{noun} {number} follows {noun} {prev_number}: {missing}");
                agreement
                    .diagnostics
                    .push(warning("skipped-number", message, article.span));
            }
        }
        previous = Some(current);
    }
}

/// The one rule for where a numbering sequence starts: the numbering goes back to 1 (or `1er`) across a
/// division boundary, as an annex or the second language version of a treaty does.
pub(super) fn restarts_numbering(
    number: &ArticleNumber,
    article: &Article,
    previous: &Article,
) -> bool {
    number.main() <= 1 && article.division != previous.division
}

/// Sets each article's [`Article::sequence`].
pub(super) fn number_sequences(articles: &mut [(ArticleNumber, Article)]) {
    let mut sequence = 0;
    for i in 1..articles.len() {
        let (head, tail) = articles.split_at_mut(i);
        let (number, article) = &mut tail[0];
        if restarts_numbering(number, article, &head[i - 1].1) {
            sequence += 1;
        }
        article.sequence = sequence;
    }
}

/// A heading that restarts the numbering inside a division that already holds articles (the Dutch version's
/// title right after the English text's last annex) starts a new part of the document, not a subdivision of
/// that annex: lift it out to the level where it no longer shares a parent with the earlier articles.
pub(super) fn lift_restarted_sequences(
    divisions: &mut [Division],
    articles: &[(ArticleNumber, Article)],
) {
    let chain = |divisions: &[Division], mut d: Option<usize>| {
        let mut out = Vec::new();
        while let Some(i) = d {
            out.push(i);
            d = divisions[i].parent;
        }
        out
    };
    // The index of the first article inside each division (directly or in a subdivision).
    let mut first_article = vec![usize::MAX; divisions.len()];
    for (j, (_, a)) in articles.iter().enumerate() {
        for d in chain(divisions, a.division) {
            first_article[d] = first_article[d].min(j);
        }
    }
    for i in 1..articles.len() {
        let (number, article) = &articles[i];
        let previous = &articles[i - 1].1;
        if !restarts_numbering(number, article, previous) {
            continue;
        }
        let previous_chain = chain(divisions, previous.division);
        let Some(new_top) = outermost_new_division(divisions, article.division, previous.division)
        else {
            continue;
        };
        // Walk up while the parent also contains articles before this one.
        while let Some(parent) = divisions[new_top].parent {
            let holds_earlier = first_article[parent] < i;
            if !holds_earlier || !previous_chain.contains(&parent) {
                break;
            }
            divisions[new_top].parent = divisions[parent].parent;
        }
    }
}

pub(super) fn warning(code: &'static str, message: String, span: Span) -> Diagnostic {
    Diagnostic {
        severity: Severity::Warning,
        code,
        message,
        span,
    }
}

/// The outermost ancestor of `division` (or itself) that does not also contain `previous`.
pub(super) fn outermost_new_division(
    divisions: &[Division],
    division: Option<usize>,
    previous: Option<usize>,
) -> Option<usize> {
    let ancestors = |mut d: Option<usize>| {
        let mut out = Vec::new();
        while let Some(i) = d {
            out.push(i);
            d = divisions[i].parent;
        }
        out
    };
    let prev_chain = ancestors(previous);
    ancestors(division)
        .into_iter()
        .rfind(|d| !prev_chain.contains(d))
}

/// Languages: front matter names the document's; each numbering sequence (a language version) is detected
/// from its text, so the English and Dutch parts of a bilingual treaty are told apart.
pub(super) fn assign_languages(agreement: &mut Agreement) {
    let declared = agreement.meta.language.as_deref().map(Language::from_code);
    let mut sample = String::new();
    for block in agreement.preamble.iter().take(20) {
        sample.push_str(&block.text);
        sample.push(' ');
    }
    for article in agreement.articles.iter().take(40) {
        sample.push_str(&article.text());
    }
    let detected = detect_language(&sample).language;
    agreement.language = declared.clone().unwrap_or(detected.clone());

    // Each numbering sequence is a language version (or an annex of one).
    let mut sequences: Vec<Vec<usize>> = Vec::new();
    for (i, article) in agreement.articles.iter().enumerate() {
        if sequences.len() <= article.sequence {
            sequences.push(Vec::new());
        }
        if let Some(last) = sequences.last_mut() {
            last.push(i);
        }
    }
    let single = sequences.len() <= 1;
    // A sequence too short to call (a two-article annex) belongs with the language version before it.
    let mut previous = agreement.language.clone();
    for sequence in sequences {
        let language = if single && declared.is_some() {
            agreement.language.clone()
        } else {
            let mut text = String::new();
            for &i in sequence.iter().take(40) {
                text.push_str(&agreement.articles[i].text());
            }
            match detect_language(&text).language {
                Language::Und => previous.clone(),
                language => language,
            }
        };
        previous = language.clone();
        for i in sequence {
            agreement.articles[i].language = language.clone();
        }
    }
}
