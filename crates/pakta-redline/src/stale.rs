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

/// A matched article's OLD and NEW numbers, and each relabelled paragraph's old label with its new one.
type Renumbering<'e> = (&'e str, &'e str, Vec<(String, String)>);

/// Each matched article's relabelled paragraphs (old label → new label), with its OLD and NEW numbers.
fn relabelled_articles(entries: &[EntryRedline]) -> Vec<Renumbering<'_>> {
    entries
        .iter()
        .filter(|e| e.kind == EntryKind::Article)
        .filter_map(|entry| {
            let (Some(old), Some(new)) = (&entry.old_number, &entry.new_number) else {
                return None;
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
            (!moved.is_empty()).then_some((old.as_str(), new.as_str(), moved))
        })
        .collect()
}

/// References already found naming a renumbered article ("Pasal 4 ayat (1)" of what is now Pasal 6) whose
/// paragraph was relabelled too: the paragraph it meant is named, so the fix the report points to ("Pasal
/// 6 ayat (2)") is the right one.
pub(crate) fn renumbered_paragraphs(
    entries: &[EntryRedline],
    identity: &Identity,
    problems: &mut [ReferenceProblem],
) {
    let fold = |n: &str| pakta_core::words::fold(n);
    let relabelled = relabelled_articles(entries);
    if relabelled.is_empty() {
        return;
    }
    for problem in problems
        .iter_mut()
        .filter(|p| p.problem == ReferenceFault::Renumbered && p.level == ReferenceLevel::Article)
    {
        let Some(paragraph) = identity
            .find_new(&problem.text)
            .into_iter()
            .find_map(|r| r.paragraph)
        else {
            continue;
        };
        let paragraph = paragraph_label(&paragraph);
        problem.meant_paragraph = relabelled
            .iter()
            .find(|(old, _, _)| fold(old) == fold(&problem.target))
            .and_then(|(_, _, moved)| moved.iter().find(|(was, _)| *was == paragraph))
            .map(|(_, now)| now.clone());
    }
}

/// The stale paragraph references of the matched articles' unchanged-meaning lines.
pub(crate) fn paragraph_references(
    entries: &[EntryRedline],
    identity: &Identity,
) -> Vec<ReferenceProblem> {
    let fold = |n: &str| pakta_core::words::fold(n);
    // Each matched article's relabelled paragraphs (old label → new label), by its NEW number.
    let relabelled: HashMap<String, Relabelled> = relabelled_articles(entries)
        .into_iter()
        .map(|(old, new, moved)| (fold(new), (old, moved)))
        .collect();
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
                    meant_paragraph: None,
                    problem: ReferenceFault::Renumbered,
                    level: ReferenceLevel::Paragraph,
                });
            }
        }
    }
    problems
}
