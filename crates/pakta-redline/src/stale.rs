//! References to a paragraph of a named article ("paragraph 1 of Article 3", "Article 3(1)", *Pasal 4
//! ayat (2)*) that kept their paragraph number while a paragraph inserted or struck above it relabelled
//! the paragraph they named: they now name another one. A reference without an article number names a
//! paragraph of its own article and is read where the lines are aligned (`entry::stale_paragraphs`); this
//! pass needs every article's relabelling, so it runs once the entries are built.

use std::collections::HashMap;

use pakta_core::diff::ChangeOp;

use crate::entry::{Identity, paragraph_label};
use crate::units::EntryKind;
use crate::{EntryRedline, ReferenceFault, ReferenceLevel, ReferenceProblem};

/// An article's relabelled paragraphs: its OLD number, and each paragraph's old label with its new one.
type Relabelled<'e> = (&'e str, Vec<(String, String)>);

/// The stale paragraph references of the matched articles' unchanged-meaning lines.
pub(crate) fn paragraph_references(
    entries: &[EntryRedline],
    identity: &Identity,
) -> Vec<ReferenceProblem> {
    let fold = |n: &str| pakta_core::words::fold(n);
    // Each matched article's relabelled paragraphs (old label → new label), by its NEW number.
    let mut relabelled: HashMap<String, Relabelled> = HashMap::new();
    for entry in entries.iter().filter(|e| e.kind == EntryKind::Article) {
        let (Some(old), Some(new)) = (&entry.old_number, &entry.new_number) else {
            continue;
        };
        let moved: Vec<(String, String)> = entry
            .clauses
            .iter()
            .filter(|c| c.old.is_some() && c.new.is_some() && c.depth == 0)
            .filter_map(|c| {
                let was = paragraph_label(c.old_label.as_deref()?);
                let now = paragraph_label(c.label.as_deref()?);
                (!was.is_empty() && was != now).then_some((was, now))
            })
            .collect();
        if !moved.is_empty() {
            relabelled.insert(fold(new), (old.as_str(), moved));
        }
    }
    // Most redlines relabel no paragraph, and then no line needs reading again.
    if relabelled.is_empty() {
        return Vec::new();
    }
    let mut problems = Vec::new();
    for entry in entries.iter().filter(|e| e.kind == EntryKind::Article) {
        let Some(article) = &entry.new_number else {
            continue;
        };
        for clause in entry.clauses.iter().filter(|c| c.only().is_none()) {
            let side = |op: ChangeOp| -> String {
                clause
                    .changes
                    .iter()
                    .filter(|c| c.op == ChangeOp::Equal || c.op == op)
                    .map(|c| c.text.as_str())
                    .collect()
            };
            let (before, after) = (side(ChangeOp::Delete), side(ChangeOp::Insert));
            let was = identity.find_old(&before);
            for reference in identity.find_new(&after) {
                let (Some(target), Some(paragraph)) = (&reference.article, &reference.paragraph)
                else {
                    continue;
                };
                let Some((old_number, moved)) = relabelled.get(&fold(target)) else {
                    continue;
                };
                let paragraph = paragraph_label(paragraph);
                // The reference stood in OLD too, naming the same paragraph number of the same article
                // (by its number then): the drafter left it as it was.
                let kept = was.iter().any(|r| {
                    r.paragraph.as_deref().map(paragraph_label).as_deref()
                        == Some(paragraph.as_str())
                        && r.article.as_deref().map(fold) == Some(fold(old_number))
                });
                if !kept {
                    continue;
                }
                let Some((_, now)) = moved.iter().find(|(old, _)| *old == paragraph) else {
                    continue;
                };
                problems.push(ReferenceProblem {
                    clause: clause.new.clone().unwrap_or_default(),
                    article: article.clone(),
                    text: after[reference.range.clone()].to_string(),
                    target: paragraph.clone(),
                    meant: Some(now.clone()),
                    problem: ReferenceFault::Renumbered,
                    level: ReferenceLevel::Paragraph,
                });
            }
        }
    }
    problems
}
