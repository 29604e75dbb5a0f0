//! Invariants the fuzz targets check on everything pakta's parser returns. A failed assertion is a finding,
//! just like a panic inside pakta: the parser "never fails", so its output must always be well formed.

use std::collections::HashSet;

use pakta_core::{Agreement, Block, Clause, MAX_CLAUSE_DEPTH, Span};

/// Inputs above this many bytes are skipped: the targets look for logic errors, not for slowness on size.
pub const MAX_INPUT: usize = 64 * 1024;

/// A span lies inside `source` and has a 1-based line and column.
pub fn check_span(what: &str, span: Span, source: &str) {
    assert!(
        span.start <= span.end && span.end <= source.len(),
        "{what}: span {}..{} outside the text ({} bytes)",
        span.start,
        span.end,
        source.len()
    );
    assert!(
        span.line >= 1 && span.column >= 1,
        "{what}: line {} column {} is not 1-based",
        span.line,
        span.column
    );
}

fn check_blocks(what: &str, blocks: &[Block], source: &str) {
    for block in blocks {
        check_span(what, block.span, source);
    }
}

fn check_clauses(
    clauses: &[Clause],
    level: usize,
    ids: &mut HashSet<String>,
    article: &str,
    source: &str,
) {
    for clause in clauses {
        assert!(
            level <= MAX_CLAUSE_DEPTH,
            "{article}: clause {} at nesting level {level} > MAX_CLAUSE_DEPTH {MAX_CLAUSE_DEPTH}",
            clause.id
        );
        assert!(
            ids.insert(clause.id.clone()),
            "{article}: duplicate clause id {}",
            clause.id
        );
        check_span(&format!("clause {}", clause.id), clause.span, source);
        check_clauses(&clause.children, level + 1, ids, article, source);
    }
}

/// What must hold for any `pakta_core::parse(source)`: unique ids (articles, divisions, clauses: they become
/// Akoma Ntoso eIds), valid division indices without cycles, bounded clause depth, and spans inside the text.
pub fn check_agreement(agreement: &Agreement, source: &str) {
    let divisions = &agreement.divisions;
    let mut division_ids = HashSet::new();
    for (i, division) in divisions.iter().enumerate() {
        assert!(
            division_ids.insert(division.id.as_str()),
            "duplicate division id {}",
            division.id
        );
        check_span(&format!("division {}", division.id), division.span, source);
        check_blocks(
            &format!("division {} intro", division.id),
            &division.intro,
            source,
        );
        // Walking up the parents must end: every index valid, and no cycle.
        let mut up = division.parent;
        let mut steps = 0;
        while let Some(p) = up {
            assert!(
                p < divisions.len(),
                "division {i}: parent index {p} out of range"
            );
            steps += 1;
            assert!(steps <= divisions.len(), "division {i}: cycle in parents");
            up = divisions[p].parent;
        }
    }
    let mut article_ids = HashSet::new();
    let mut clause_ids = HashSet::new();
    for article in &agreement.articles {
        assert!(
            article_ids.insert(article.id.as_str()),
            "duplicate article id {}",
            article.id
        );
        check_span(&format!("article {}", article.id), article.span, source);
        if let Some(d) = article.division {
            assert!(
                d < divisions.len(),
                "article {}: division index {d} out of range",
                article.id
            );
        }
        check_clauses(&article.clauses, 1, &mut clause_ids, &article.id, source);
    }
    check_blocks("preamble", &agreement.preamble, source);
    check_blocks("closing", &agreement.closing, source);
    for diagnostic in &agreement.diagnostics {
        check_span(diagnostic.code, diagnostic.span, source);
    }
}

/// The Markdown body after the front matter (the whole text when there is none).
pub fn body(markdown: &str) -> &str {
    markdown
        .strip_prefix("---\n")
        .and_then(|rest| rest.split_once("\n---\n"))
        .map_or(markdown, |(_, body)| body)
}

/// Whether `text` holds a raw `<script` tag, in any letter case.
pub fn has_raw_script(text: &str) -> bool {
    text.to_ascii_lowercase().contains("<script")
}
