//! The redline as one document: NEW's paragraphs in page order with OLD's deleted paragraphs where they
//! stood, and word-level insertions and deletions inside edited paragraphs — what a word processor's
//! tracked changes need.
//!
//! *Architecture Invariant:* taking every paragraph's inserted and equal text gives NEW's page view
//! ([`pakta_core::paragraphs::paragraphs`]) exactly; taking its deleted and equal text gives OLD's. So
//! "accept all" in Word yields NEW and "reject all" yields OLD. Articles are paired by the redline's
//! identity matching; a moved article appears twice (deleted where it was, inserted where it is), because
//! both orders must survive.

use pakta_core::diff::{Change, ChangeOp, SequenceOp, align_keys, word_diff};
use pakta_core::paragraphs::{
    Paragraph, Role, article_heading, clause_line, division_paragraphs, divisions_before_articles,
};
use pakta_core::{Agreement, Article, Clause};

use crate::Redline;

/// One paragraph of the tracked document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrackedParagraph {
    pub role: Role,
    /// Equal, inserted and deleted runs, in reading order.
    pub changes: Vec<Change>,
    /// The paragraph exists only in NEW (its paragraph mark is an insertion) or only in OLD (a deletion).
    pub only: Option<ChangeOp>,
}

impl TrackedParagraph {
    fn whole(role: Role, text: &str, op: ChangeOp) -> TrackedParagraph {
        TrackedParagraph {
            role,
            changes: vec![Change {
                op,
                text: text.to_string(),
            }],
            only: Some(op),
        }
    }

    fn both(role: Role, old: &str, new: &str) -> TrackedParagraph {
        let changes = if old == new {
            vec![Change {
                op: ChangeOp::Equal,
                text: new.to_string(),
            }]
        } else {
            word_diff(old, new)
        };
        TrackedParagraph {
            role,
            changes,
            only: None,
        }
    }

    /// The paragraph's text after accepting (`ChangeOp::Insert`) or rejecting (`ChangeOp::Delete`) every
    /// change; `None` when the paragraph does not exist on that side.
    pub fn text_keeping(&self, side: ChangeOp) -> Option<String> {
        match self.only {
            Some(op) if op != side => return None,
            _ => {}
        }
        Some(
            self.changes
                .iter()
                .filter(|c| c.op == ChangeOp::Equal || c.op == side)
                .map(|c| c.text.as_str())
                .collect(),
        )
    }

    /// Whether anything in the paragraph changed.
    pub fn changed(&self) -> bool {
        self.only.is_some() || self.changes.iter().any(|c| c.op != ChangeOp::Equal)
    }
}

/// NEW with OLD's text tracked in it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TrackedDocument {
    /// Front-matter fields (`signing date: …`), only when they changed: they are not part of the page,
    /// but a changed signing date or party must not be lost in Word. Shown before the page.
    pub front_matter: Vec<TrackedParagraph>,
    pub paragraphs: Vec<TrackedParagraph>,
}

impl TrackedDocument {
    /// The front-matter lines after accepting all changes (NEW) or rejecting them (OLD); empty when the
    /// front matter did not change.
    pub fn front_matter_texts(&self, side: ChangeOp) -> Vec<String> {
        self.front_matter
            .iter()
            .filter_map(|p| p.text_keeping(side))
            .collect()
    }

    /// Every paragraph text after accepting all changes (NEW) or rejecting them (OLD).
    pub fn texts(&self, side: ChangeOp) -> Vec<String> {
        self.paragraphs
            .iter()
            .filter_map(|p| p.text_keeping(side))
            .collect()
    }
}

/// Two lists of paragraphs of one role group, aligned by equal text; edited neighbours are paired in order
/// and word-diffed, the rest deleted or inserted.
fn diff_lists(out: &mut Vec<TrackedParagraph>, old: &[Paragraph], new: &[Paragraph]) {
    let keys = |ps: &[Paragraph]| ps.iter().map(|p| p.text.clone()).collect::<Vec<_>>();
    for op in align_keys(&keys(old), &keys(new)) {
        match op {
            SequenceOp::Equal {
                old: o,
                new: n,
                len,
            } => {
                for (a, b) in old[o..o + len].iter().zip(&new[n..n + len]) {
                    out.push(TrackedParagraph::both(b.role, &a.text, &b.text));
                }
            }
            SequenceOp::Delete { old: o, len } => {
                for p in &old[o..o + len] {
                    out.push(TrackedParagraph::whole(p.role, &p.text, ChangeOp::Delete));
                }
            }
            SequenceOp::Insert { new: n, len } => {
                for p in &new[n..n + len] {
                    out.push(TrackedParagraph::whole(p.role, &p.text, ChangeOp::Insert));
                }
            }
            SequenceOp::Replace {
                old: o,
                old_len,
                new: n,
                new_len,
            } => {
                let paired = old_len.min(new_len);
                for (a, b) in old[o..o + paired].iter().zip(&new[n..n + paired]) {
                    if a.role == b.role {
                        out.push(TrackedParagraph::both(b.role, &a.text, &b.text));
                    } else {
                        out.push(TrackedParagraph::whole(a.role, &a.text, ChangeOp::Delete));
                        out.push(TrackedParagraph::whole(b.role, &b.text, ChangeOp::Insert));
                    }
                }
                for p in &old[o + paired..o + old_len] {
                    out.push(TrackedParagraph::whole(p.role, &p.text, ChangeOp::Delete));
                }
                for p in &new[n + paired..n + new_len] {
                    out.push(TrackedParagraph::whole(p.role, &p.text, ChangeOp::Insert));
                }
            }
        }
    }
}

fn blocks(blocks: &[pakta_core::Block], role: Role) -> Vec<Paragraph> {
    blocks
        .iter()
        .map(|b| Paragraph {
            role,
            text: b.text.clone(),
        })
        .collect()
}

/// One side of the document around articles: where each article's divisions and text come from.
struct Side<'a> {
    agreement: &'a Agreement,
    divisions: Vec<std::ops::Range<usize>>,
}

impl<'a> Side<'a> {
    fn new(agreement: &'a Agreement) -> Side<'a> {
        let (divisions, _) = divisions_before_articles(agreement);
        Side {
            agreement,
            divisions,
        }
    }

    fn divisions_before(&self, article: usize) -> Vec<Paragraph> {
        division_paragraphs(self.agreement, self.divisions[article].clone())
    }

    /// The whole article on one side only (inserted or deleted), with the divisions before it.
    fn whole(&self, out: &mut Vec<TrackedParagraph>, article: usize, op: ChangeOp) {
        for p in self.divisions_before(article) {
            out.push(TrackedParagraph::whole(p.role, &p.text, op));
        }
        for p in pakta_core::paragraphs::article_paragraphs(&self.agreement.articles[article]) {
            out.push(TrackedParagraph::whole(p.role, &p.text, op));
        }
    }
}

fn flat(article: &Article) -> Vec<(&Clause, usize)> {
    let mut out = Vec::new();
    let mut stack: Vec<(&Clause, usize)> = article.clauses.iter().rev().map(|c| (c, 0)).collect();
    while let Some((clause, depth)) = stack.pop() {
        out.push((clause, depth));
        stack.extend(clause.children.iter().rev().map(|c| (c, depth + 1)));
    }
    out
}

/// A matched article pair: divisions diffed as lists, the heading line word-diffed, and clauses paired as
/// the redline paired them (clauses the redline did not mention fall back to list alignment).
fn matched(
    out: &mut Vec<TrackedParagraph>,
    old: &Side,
    new: &Side,
    (o, n): (usize, usize),
    pairs: &[(Option<String>, Option<String>)],
) {
    diff_lists(out, &old.divisions_before(o), &new.divisions_before(n));
    let (a, b) = (&old.agreement.articles[o], &new.agreement.articles[n]);
    out.push(TrackedParagraph::both(
        Role::ArticleHeading,
        &article_heading(a),
        &article_heading(b),
    ));
    let (old_clauses, new_clauses) = (flat(a), flat(b));
    let index_of =
        |clauses: &[(&Clause, usize)], id: &str| clauses.iter().position(|(c, _)| c.id == id);
    // Walk the redline's clause pairs in order; only accept a pair that keeps both sides in order, so the
    // invariant holds whatever the pairing said.
    let (mut next_old, mut next_new) = (0usize, 0usize);
    let flush = |out: &mut Vec<TrackedParagraph>,
                 old_end: usize,
                 new_end: usize,
                 next_old: &mut usize,
                 next_new: &mut usize| {
        let olds: Vec<Paragraph> = old_clauses[*next_old..old_end]
            .iter()
            .map(|(c, d)| Paragraph {
                role: Role::Clause { depth: *d },
                text: clause_line(c),
            })
            .collect();
        let news: Vec<Paragraph> = new_clauses[*next_new..new_end]
            .iter()
            .map(|(c, d)| Paragraph {
                role: Role::Clause { depth: *d },
                text: clause_line(c),
            })
            .collect();
        diff_lists(out, &olds, &news);
        *next_old = old_end;
        *next_new = new_end;
    };
    for (old_id, new_id) in pairs {
        let (Some(old_id), Some(new_id)) = (old_id, new_id) else {
            continue;
        };
        let (Some(i), Some(j)) = (
            index_of(&old_clauses, old_id),
            index_of(&new_clauses, new_id),
        ) else {
            continue;
        };
        if i < next_old || j < next_new {
            continue;
        }
        flush(out, i, j, &mut next_old, &mut next_new);
        let ((oc, _), (nc, depth)) = (old_clauses[i], new_clauses[j]);
        out.push(TrackedParagraph::both(
            Role::Clause { depth },
            &clause_line(oc),
            &clause_line(nc),
        ));
        next_old = i + 1;
        next_new = j + 1;
    }
    flush(
        out,
        old_clauses.len(),
        new_clauses.len(),
        &mut next_old,
        &mut next_new,
    );
}

/// A matched article pair in increasing order on both sides, with the redline's clause pairs.
type Anchor = (usize, usize, Vec<(Option<String>, Option<String>)>);

/// The tracked document of `old` → `new`, from the redline's article matching.
pub fn tracked(old: &Agreement, new: &Agreement, redline: &Redline) -> TrackedDocument {
    let mut out: Vec<TrackedParagraph> = Vec::new();
    let mut front_matter: Vec<TrackedParagraph> = Vec::new();
    // Front matter is not part of the page, so Word shows it only when it changed (a signing date, a
    // party's name): then as tracked lines at the top, from the redline's own entry, so no change is lost.
    for entry in redline
        .parts()
        .filter(|e| e.kind == crate::EntryKind::Meta && e.status != crate::Status::Unchanged)
    {
        for clause in &entry.clauses {
            let mut changes = crate::relabel_changes(clause);
            changes.extend(clause.changes.iter().cloned());
            let only = match (clause.old.is_some(), clause.new.is_some()) {
                (true, false) => Some(ChangeOp::Delete),
                (false, true) => Some(ChangeOp::Insert),
                _ => None,
            };
            front_matter.push(TrackedParagraph {
                role: Role::Body,
                changes,
                only,
            });
        }
    }
    let title = |a: &Agreement| {
        a.title
            .iter()
            .map(|t| Paragraph {
                role: Role::Title,
                text: t.clone(),
            })
            .collect::<Vec<_>>()
    };
    diff_lists(&mut out, &title(old), &title(new));
    diff_lists(
        &mut out,
        &blocks(&old.preamble, Role::Body),
        &blocks(&new.preamble, Role::Body),
    );

    let old_index = |id: &str| old.articles.iter().position(|a| a.id == id);
    let new_index = |id: &str| new.articles.iter().position(|a| a.id == id);
    // Anchors: matched pairs in increasing order on both sides. Every other article is one-sided.
    let mut anchors: Vec<Anchor> = Vec::new();
    let mut last_old: Option<usize> = None;
    for a in redline.articles() {
        let (Some(o), Some(n)) = (
            a.old_id.as_deref().and_then(old_index),
            a.new_id.as_deref().and_then(new_index),
        ) else {
            continue;
        };
        if a.moved || last_old.is_some_and(|l| o <= l) || anchors.last().is_some_and(|x| n <= x.1) {
            continue;
        }
        last_old = Some(o);
        let pairs = a
            .clauses
            .iter()
            .map(|c| (c.old.clone(), c.new.clone()))
            .collect();
        anchors.push((o, n, pairs));
    }
    let (old_side, new_side) = (Side::new(old), Side::new(new));
    let (mut next_old, mut next_new) = (0usize, 0usize);
    for (o, n, pairs) in &anchors {
        for i in next_old..*o {
            old_side.whole(&mut out, i, ChangeOp::Delete);
        }
        for j in next_new..*n {
            new_side.whole(&mut out, j, ChangeOp::Insert);
        }
        matched(&mut out, &old_side, &new_side, (*o, *n), pairs);
        next_old = o + 1;
        next_new = n + 1;
    }
    for i in next_old..old.articles.len() {
        old_side.whole(&mut out, i, ChangeOp::Delete);
    }
    for j in next_new..new.articles.len() {
        new_side.whole(&mut out, j, ChangeOp::Insert);
    }
    let trailing = |a: &Agreement| {
        let (_, after) = divisions_before_articles(a);
        division_paragraphs(a, after)
    };
    diff_lists(&mut out, &trailing(old), &trailing(new));
    diff_lists(
        &mut out,
        &blocks(&old.closing, Role::Closing),
        &blocks(&new.closing, Role::Closing),
    );
    TrackedDocument {
        front_matter,
        paragraphs: out,
    }
}
