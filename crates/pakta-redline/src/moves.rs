//! Paragraphs moved between articles: a line struck from one matched article and a line added to another
//! that are one clause, reworded or not, are paired and read against each other, so that words that only
//! moved are neither reported struck in one article nor new in the other ("No deduction shall be made" is
//! no `negation-removed` in Article 6 and `negation-added` in Article 7), and a word changed on the way is
//! shown as a change.

use std::time::Instant;

use pakta_core::diff::{ChangeOp, word_diff_until};

use crate::align::Fingerprint;
use crate::entry::{Identity, Orphan, reference_changes};
use crate::flags::{self, Findings};
use crate::{EntryRedline, Relocation};

/// How alike two lines must be, on their bigrams or their words, to be one clause moved.
const MOVED_LINE_SIMILARITY: f64 = 0.6;

/// Lines of fewer words pair only when their text is the same: "(a) wages;" or "Article 5 applies." may
/// stand in several articles without one having moved to another.
const SHORT_LINE_WORDS: usize = 6;

/// One line on one side only, as the pairing reads it.
struct Candidate<'e> {
    entry: usize,
    clause: usize,
    text: &'e str,
    print: Fingerprint,
    words: usize,
}

/// Pairs the lines that `entry::matched` left on one side only across entries, and settles the flags of
/// every such line: a pair is read as one clause changed, its flags going to the entry it moved into, and
/// a line without a twin as the deletion or insertion it is. `orphans` holds each matched entry's index
/// with its orphans. Returns the number of lines moved.
pub(crate) fn settle(
    entries: &mut [EntryRedline],
    orphans: Vec<(usize, Vec<Orphan>)>,
    identity: &Identity,
    deadline: Option<Instant>,
) -> usize {
    let candidates = |op: ChangeOp, entries: &[EntryRedline]| -> Vec<(usize, usize)> {
        orphans
            .iter()
            .flat_map(|(e, list)| list.iter().map(move |o| (*e, o.clause)))
            .filter(|&(e, c)| entries[e].clauses[c].only() == Some(op))
            .collect()
    };
    let (struck, added) = (
        candidates(ChangeOp::Delete, entries),
        candidates(ChangeOp::Insert, entries),
    );
    let pairs = if struck.is_empty() || added.is_empty() {
        Vec::new()
    } else {
        pair(entries, &struck, &added)
    };
    let mut paired: Vec<(usize, usize)> = Vec::new();
    for &((from, from_clause), (to, to_clause)) in &pairs {
        let old_text = line_text(&entries[from], from_clause);
        let new_text = line_text(&entries[to], to_clause);
        let diff = word_diff_until(&old_text, &new_text, deadline);
        let references = (identity.find_old(&old_text), identity.find_new(&new_text));
        let mut findings = flags::clause_findings(
            &old_text,
            &new_text,
            &diff.changes,
            (&references.0, &references.1),
        );
        reference_changes(
            &references.0,
            &references.1,
            (&old_text, &new_text),
            &mut findings,
        );
        absorb(&mut entries[to], findings);
        let (struck_line, added_line) = (
            &entries[from].clauses[from_clause],
            &entries[to].clauses[to_clause],
        );
        let to_here = Relocation {
            entry: to,
            id: added_line.new.clone().unwrap_or_default(),
            label: added_line.label.clone(),
            changes: Vec::new(),
            cut_short: false,
        };
        let from_here = (
            struck_line.old.clone().unwrap_or_default(),
            struck_line.label.clone(),
        );
        entries[from].clauses[from_clause].relocation = Some(to_here);
        entries[to].clauses[to_clause].relocation = Some(Relocation {
            entry: from,
            id: from_here.0,
            label: from_here.1,
            changes: diff.changes,
            cut_short: diff.cut_short,
        });
        paired.extend([(from, from_clause), (to, to_clause)]);
    }
    for (e, list) in orphans {
        for orphan in list {
            if !paired.contains(&(e, orphan.clause)) {
                absorb(&mut entries[e], orphan.findings);
            }
        }
    }
    pairs.len()
}

/// The struck and added lines that are one clause, best pairs first, each line in one pair at most: a
/// greedy pairing on similarity, ties broken by document order so that the result is stable.
fn pair(
    entries: &[EntryRedline],
    struck: &[(usize, usize)],
    added: &[(usize, usize)],
) -> Vec<((usize, usize), (usize, usize))> {
    let read = |list: &[(usize, usize)]| -> Vec<Candidate> {
        list.iter()
            .map(|&(entry, clause)| {
                let text = entries[entry].clauses[clause]
                    .changes
                    .first()
                    .map_or("", |c| c.text.as_str());
                Candidate {
                    entry,
                    clause,
                    text,
                    print: Fingerprint::of(text),
                    words: text.split_whitespace().count(),
                }
            })
            .collect()
    };
    let (struck, added) = (read(struck), read(added));
    let mut scored: Vec<(f64, usize, usize)> = Vec::new();
    for (i, s) in struck.iter().enumerate() {
        for (j, a) in added.iter().enumerate() {
            if s.entry == a.entry {
                continue;
            }
            let score = if s.words.min(a.words) < SHORT_LINE_WORDS {
                if s.text.split_whitespace().eq(a.text.split_whitespace()) {
                    1.0
                } else {
                    continue;
                }
            } else {
                s.print
                    .similarity(&a.print)
                    .max(s.print.word_similarity(&a.print))
            };
            if score >= MOVED_LINE_SIMILARITY {
                scored.push((score, i, j));
            }
        }
    }
    scored.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let (mut used_struck, mut used_added) = (vec![false; struck.len()], vec![false; added.len()]);
    let mut out = Vec::new();
    for (_, i, j) in scored {
        if used_struck[i] || used_added[j] {
            continue;
        }
        used_struck[i] = true;
        used_added[j] = true;
        out.push((
            (struck[i].entry, struck[i].clause),
            (added[j].entry, added[j].clause),
        ));
    }
    out.sort_unstable();
    out
}

/// A one-sided line's whole text, as its only change holds it.
fn line_text(entry: &EntryRedline, clause: usize) -> String {
    entry.clauses[clause]
        .changes
        .iter()
        .map(|c| c.text.as_str())
        .collect()
}

/// Adds findings to an entry's flags and values, keeping its flags sorted and each value once.
fn absorb(entry: &mut EntryRedline, findings: Findings) {
    for flag in findings.flags {
        if !entry.flags.contains(&flag) {
            entry.flags.push(flag);
        }
    }
    entry.flags.sort();
    for value in findings.values {
        if !entry.values.contains(&value) {
            entry.values.push(value);
        }
    }
}
