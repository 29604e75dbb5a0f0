//! Word-level diffs with a deadline, shared by the model-clause comparison and the redline.
//!
//! Every diff pakta runs goes through [`word_diff`], so every diff has a deadline: the similar crate's Myers
//! diff is quadratic in the worst case, and a meeting cannot wait on a pathological clause. Callers diff
//! clause against clause, never whole documents.

use std::time::{Duration, Instant};

use similar::{Algorithm, ChangeTag, DiffOp, TextDiff};

/// How long one clause-against-clause diff may run before similar falls back to a coarser answer.
pub const DIFF_TIMEOUT: Duration = Duration::from_millis(250);

/// One run of a word diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub op: ChangeOp,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChangeOp {
    Equal,
    Insert,
    Delete,
}

impl ChangeOp {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeOp::Equal => "equal",
            ChangeOp::Insert => "insert",
            ChangeOp::Delete => "delete",
        }
    }
}

/// A word diff, and whether its deadline cut it short.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordDiff {
    pub changes: Vec<Change>,
    /// The deadline passed before the diff finished, so similar gave a coarser answer for what was left
    /// (correct — accepting it still turns OLD into NEW — but with larger deletions and insertions than
    /// needed). Decided by the clock, so a diff that finished just as its deadline passed counts too.
    pub cut_short: bool,
}

/// Diffs `old` against `new` by Unicode words (whitespace and punctuation are their own tokens) and merges
/// adjacent tokens of the same kind into runs.
pub fn word_diff(old: &str, new: &str) -> Vec<Change> {
    word_diff_until(old, new, None).changes
}

/// [`word_diff`] that stops at `deadline` too (a document's overall budget), and says whether a deadline
/// cut it short.
pub fn word_diff_until(old: &str, new: &str, deadline: Option<Instant>) -> WordDiff {
    let own = Instant::now().checked_add(DIFF_TIMEOUT);
    let deadline = match (own, deadline) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    let mut config = TextDiff::configure();
    config.algorithm(Algorithm::Patience);
    if let Some(deadline) = deadline {
        config.deadline(deadline);
    }
    let diff = config.diff_unicode_words(old, new);
    let cut_short = deadline.is_some_and(|d| Instant::now() >= d);
    let mut out: Vec<Change> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => ChangeOp::Equal,
            ChangeTag::Insert => ChangeOp::Insert,
            ChangeTag::Delete => ChangeOp::Delete,
        };
        let text = change.value();
        match out.last_mut() {
            Some(last) if last.op == op => last.text.push_str(text),
            _ => out.push(Change {
                op,
                text: text.to_string(),
            }),
        }
    }
    WordDiff {
        changes: out,
        cut_short,
    }
}

/// The share of words two texts have in common, 0–1 (similar's ratio over the same word tokens).
pub fn word_similarity(old: &str, new: &str) -> f64 {
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .timeout(DIFF_TIMEOUT)
        .diff_unicode_words(old, new);
    f64::from(diff.ratio())
}

/// One step of aligning two sequences of keys (clauses of two versions of an article).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SequenceOp {
    Equal {
        old: usize,
        new: usize,
        len: usize,
    },
    Delete {
        old: usize,
        len: usize,
    },
    Insert {
        new: usize,
        len: usize,
    },
    Replace {
        old: usize,
        old_len: usize,
        new: usize,
        new_len: usize,
    },
}

/// Aligns two sequences of keys (patience diff, with the same deadline as word diffs). A deletion next to
/// an insertion comes back as one `Replace`, so the caller can pair edited items inside it.
pub fn align_keys(old: &[String], new: &[String]) -> Vec<SequenceOp> {
    let deadline = Instant::now().checked_add(DIFF_TIMEOUT);
    let mut out: Vec<SequenceOp> = Vec::new();
    for op in similar::capture_diff_slices_deadline(Algorithm::Patience, old, new, deadline) {
        let op = match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => SequenceOp::Equal {
                old: old_index,
                new: new_index,
                len,
            },
            DiffOp::Delete {
                old_index, old_len, ..
            } => SequenceOp::Delete {
                old: old_index,
                len: old_len,
            },
            DiffOp::Insert {
                new_index, new_len, ..
            } => SequenceOp::Insert {
                new: new_index,
                len: new_len,
            },
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => SequenceOp::Replace {
                old: old_index,
                old_len,
                new: new_index,
                new_len,
            },
        };
        let merged = match (out.last().copied(), op) {
            (Some(SequenceOp::Delete { old, len }), SequenceOp::Insert { new, len: new_len })
            | (Some(SequenceOp::Insert { new, len: new_len }), SequenceOp::Delete { old, len }) => {
                Some(SequenceOp::Replace {
                    old,
                    old_len: len,
                    new,
                    new_len,
                })
            }
            (
                Some(SequenceOp::Replace {
                    old,
                    old_len,
                    new,
                    new_len,
                }),
                SequenceOp::Insert { len, .. },
            ) => Some(SequenceOp::Replace {
                old,
                old_len,
                new,
                new_len: new_len + len,
            }),
            (
                Some(SequenceOp::Replace {
                    old,
                    old_len,
                    new,
                    new_len,
                }),
                SequenceOp::Delete { len, .. },
            ) => Some(SequenceOp::Replace {
                old,
                old_len: old_len + len,
                new,
                new_len,
            }),
            _ => None,
        };
        match merged {
            Some(replace) => {
                out.pop();
                out.push(replace);
            }
            None => out.push(op),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_runs_and_keeps_every_character() {
        let changes = word_diff(
            "The Parties shall pay 30 days",
            "The Parties may pay 45 days",
        );
        let old: String = changes
            .iter()
            .filter(|c| c.op != ChangeOp::Insert)
            .map(|c| c.text.as_str())
            .collect();
        let new: String = changes
            .iter()
            .filter(|c| c.op != ChangeOp::Delete)
            .map(|c| c.text.as_str())
            .collect();
        assert_eq!(old, "The Parties shall pay 30 days");
        assert_eq!(new, "The Parties may pay 45 days");
        assert!(
            changes
                .iter()
                .any(|c| c.op == ChangeOp::Delete && c.text == "shall")
        );
    }
}
