//! The redline as one document: NEW's paragraphs in page order with OLD's deleted paragraphs where they
//! stood, and word-level insertions and deletions inside edited paragraphs — what a word processor's
//! tracked changes need.
//!
//! *Architecture Invariant:* taking every paragraph's inserted and equal text gives NEW's page view
//! ([`pakta_core::paragraphs::paragraphs`]) exactly; taking its deleted and equal text gives OLD's. So
//! "accept all" in Word yields NEW and "reject all" yields OLD. The document is built from the redline's
//! own entries (articles, divisions, preamble, closing … paired as the redline paired them), so Word and
//! the other formats cannot disagree about what changed; a moved unit appears twice (deleted where it was,
//! inserted where it is), because both orders must survive.

use pakta_core::Agreement;
use pakta_core::diff::{Change, ChangeOp, SequenceOp, align_keys, word_diff};
use pakta_core::paragraphs::{Paragraph, Role};

use crate::units::{Unit, units};
use crate::{EntryKind, Redline, Status};

/// One paragraph of the tracked document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrackedParagraph {
    pub role: Role,
    /// Equal, inserted and deleted runs, in reading order.
    pub changes: Vec<Change>,
    /// The paragraph exists only in NEW (its paragraph mark is an insertion) or only in OLD (a deletion).
    pub only: Option<ChangeOp>,
    /// The redline entry and line the paragraph shows, so a renderer can put the redline's findings
    /// (flags, moves, stale references) beside the words they are about.
    pub source: Source,
}

/// Where a tracked paragraph comes from in the redline: an index into [`Redline::entries`] and, for one of
/// the entry's lines, into its [`crate::EntryRedline::clauses`]. A heading has no clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Source {
    pub entry: Option<usize>,
    pub clause: Option<usize>,
}

/// A page paragraph with the redline entry and line it belongs to.
type Sourced = (Source, Paragraph);

impl TrackedParagraph {
    fn whole((source, p): &Sourced, op: ChangeOp) -> TrackedParagraph {
        TrackedParagraph {
            role: p.role,
            changes: vec![Change {
                op,
                text: p.text.clone(),
            }],
            only: Some(op),
            source: *source,
        }
    }

    fn both(old: &Sourced, (source, new): &Sourced) -> TrackedParagraph {
        let (role, old, new) = (new.role, old.1.text.as_str(), new.text.as_str());
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
            source: *source,
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
fn diff_lists(out: &mut Vec<TrackedParagraph>, old: &[Sourced], new: &[Sourced]) {
    let keys = |ps: &[Sourced]| ps.iter().map(|(_, p)| p.text.clone()).collect::<Vec<_>>();
    for op in align_keys(&keys(old), &keys(new)) {
        match op {
            SequenceOp::Equal {
                old: o,
                new: n,
                len,
            } => {
                for (a, b) in old[o..o + len].iter().zip(&new[n..n + len]) {
                    out.push(TrackedParagraph::both(a, b));
                }
            }
            SequenceOp::Delete { old: o, len } => {
                for p in &old[o..o + len] {
                    out.push(TrackedParagraph::whole(p, ChangeOp::Delete));
                }
            }
            SequenceOp::Insert { new: n, len } => {
                for p in &new[n..n + len] {
                    out.push(TrackedParagraph::whole(p, ChangeOp::Insert));
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
                    if a.1.role == b.1.role {
                        out.push(TrackedParagraph::both(a, b));
                    } else {
                        out.push(TrackedParagraph::whole(a, ChangeOp::Delete));
                        out.push(TrackedParagraph::whole(b, ChangeOp::Insert));
                    }
                }
                for p in &old[o + paired..o + old_len] {
                    out.push(TrackedParagraph::whole(p, ChangeOp::Delete));
                }
                for p in &new[n + paired..n + new_len] {
                    out.push(TrackedParagraph::whole(p, ChangeOp::Insert));
                }
            }
        }
    }
}

/// One side of a unit: its page paragraphs, headings first and then lines, each with the redline entry
/// that shows the unit and the entry's line whose id (OLD's for `ChangeOp::Delete`, NEW's otherwise) the
/// paragraph's line has.
fn sourced(
    unit: &Unit,
    agreement: &Agreement,
    entry: Option<(usize, &crate::EntryRedline)>,
    side: ChangeOp,
) -> (Vec<Sourced>, Vec<Sourced>) {
    let (heads, lines): (Vec<_>, Vec<_>) = unit
        .page(agreement)
        .into_iter()
        .partition(|(line, _)| line.is_none());
    let source = |line: Option<usize>, p: Paragraph| {
        let clause =
            line.and_then(|i| unit.lines.get(i))
                .zip(entry)
                .and_then(|(line, (_, entry))| {
                    entry.clauses.iter().position(|c| {
                        let id = if side == ChangeOp::Delete {
                            &c.old
                        } else {
                            &c.new
                        };
                        id.as_deref() == Some(&*line.id)
                    })
                });
        let source = Source {
            entry: entry.map(|(i, _)| i),
            clause,
        };
        (source, p)
    };
    let sourced = |page: Vec<(Option<usize>, Paragraph)>| {
        page.into_iter().map(|(line, p)| source(line, p)).collect()
    };
    (sourced(heads), sourced(lines))
}

/// One unit's page paragraphs, all inserted or all deleted.
fn whole_unit(
    out: &mut Vec<TrackedParagraph>,
    (heads, lines): (Vec<Sourced>, Vec<Sourced>),
    op: ChangeOp,
) {
    for p in heads.iter().chain(&lines) {
        out.push(TrackedParagraph::whole(p, op));
    }
}

/// A matched pair of units: the heading paragraphs (article or division heading) diffed, then the lines
/// paired as the redline paired them; lines the redline did not pair fall back to list alignment.
fn matched(
    out: &mut Vec<TrackedParagraph>,
    (old_unit, (old_heads, old_lines)): (&Unit, (Vec<Sourced>, Vec<Sourced>)),
    (new_unit, (new_heads, new_lines)): (&Unit, (Vec<Sourced>, Vec<Sourced>)),
    pairs: &[(Option<String>, Option<String>)],
) {
    for (a, b) in old_heads.iter().zip(&new_heads) {
        out.push(TrackedParagraph::both(a, b));
    }
    diff_lists(
        out,
        &old_heads[new_heads.len().min(old_heads.len())..],
        &new_heads[old_heads.len().min(new_heads.len())..],
    );
    // The page has one paragraph per line, in line order (front matter has none and no pairs reach here).
    let index_of = |unit: &Unit, id: &str| unit.lines.iter().position(|l| l.id == id);
    // Walk the redline's line pairs in order; only accept a pair that keeps both sides in order, so the
    // invariant holds whatever the pairing said.
    let (mut next_old, mut next_new) = (0usize, 0usize);
    let flush =
        |out: &mut Vec<TrackedParagraph>, old_end: usize, new_end: usize, next: (usize, usize)| {
            diff_lists(
                out,
                &old_lines[next.0..old_end],
                &new_lines[next.1..new_end],
            );
        };
    for (old_id, new_id) in pairs {
        let (Some(old_id), Some(new_id)) = (old_id, new_id) else {
            continue;
        };
        let (Some(i), Some(j)) = (index_of(old_unit, old_id), index_of(new_unit, new_id)) else {
            continue;
        };
        if i < next_old || j < next_new || i >= old_lines.len() || j >= new_lines.len() {
            continue;
        }
        flush(out, i, j, (next_old, next_new));
        out.push(TrackedParagraph::both(&old_lines[i], &new_lines[j]));
        next_old = i + 1;
        next_new = j + 1;
    }
    flush(out, old_lines.len(), new_lines.len(), (next_old, next_new));
}

/// A matched pair of units in increasing order on both sides, with the redline's line pairs.
type Anchor = (usize, usize, usize, Vec<(Option<String>, Option<String>)>);

/// Front matter is not part of the page, so Word shows it only when it changed (a signing date, a
/// party's name): then as tracked lines at the top, from the redline's own entry, so no change is lost.
fn front_matter(redline: &Redline) -> Vec<TrackedParagraph> {
    redline
        .entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntryKind::Meta && e.status != Status::Unchanged)
        .flat_map(|(entry, e)| e.clauses.iter().enumerate().map(move |c| (entry, c)))
        .map(|(entry, (i, clause))| TrackedParagraph {
            role: Role::Body,
            changes: crate::relabel_changes(clause)
                .into_iter()
                .chain(clause.changes.iter().cloned())
                .collect(),
            only: clause.only(),
            source: Source {
                entry: Some(entry),
                clause: Some(i),
            },
        })
        .collect()
}

/// The tracked document of `old` → `new`, from the redline's entries: the same units, matched the same
/// way, that the redline reports.
pub fn tracked(old: &Agreement, new: &Agreement, redline: &Redline) -> TrackedDocument {
    let (old_units, new_units) = (units(old), units(new));
    // Anchors: matched, unmoved entries in increasing order on both sides. Every other unit is
    // one-sided: a moved one appears deleted where it was and inserted where it is.
    let mut both: Vec<(usize, &crate::EntryRedline)> = redline
        .entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.old_index.is_some() && e.new_index.is_some() && !e.moved)
        .collect();
    both.sort_by_key(|(_, e)| e.new_index);
    let mut anchors: Vec<Anchor> = Vec::new();
    for (index, entry) in both {
        let (Some(o), Some(n)) = (entry.old_index, entry.new_index) else {
            continue;
        };
        if anchors.last().is_some_and(|x| o <= x.0) {
            continue;
        }
        let pairs = entry
            .clauses
            .iter()
            .map(|c| (c.old.clone(), c.new.clone()))
            .collect();
        anchors.push((o, n, index, pairs));
    }
    // The entry that shows each unit of either side, for the units shown whole.
    let entry_of = |side: ChangeOp, unit: usize| {
        redline.entries.iter().enumerate().find(|(_, e)| {
            let index = if side == ChangeOp::Delete {
                e.old_index
            } else {
                e.new_index
            };
            index == Some(unit)
        })
    };
    let old_side = |unit: usize| {
        sourced(
            &old_units[unit],
            old,
            entry_of(ChangeOp::Delete, unit),
            ChangeOp::Delete,
        )
    };
    let new_side = |unit: usize| {
        sourced(
            &new_units[unit],
            new,
            entry_of(ChangeOp::Insert, unit),
            ChangeOp::Insert,
        )
    };
    let mut out: Vec<TrackedParagraph> = Vec::new();
    let (mut next_old, mut next_new) = (0usize, 0usize);
    for (o, n, index, pairs) in &anchors {
        for unit in next_old..*o {
            whole_unit(&mut out, old_side(unit), ChangeOp::Delete);
        }
        for unit in next_new..*n {
            whole_unit(&mut out, new_side(unit), ChangeOp::Insert);
        }
        let entry = Some((*index, &redline.entries[*index]));
        matched(
            &mut out,
            (
                &old_units[*o],
                sourced(&old_units[*o], old, entry, ChangeOp::Delete),
            ),
            (
                &new_units[*n],
                sourced(&new_units[*n], new, entry, ChangeOp::Insert),
            ),
            pairs,
        );
        next_old = o + 1;
        next_new = n + 1;
    }
    for unit in next_old..old_units.len() {
        whole_unit(&mut out, old_side(unit), ChangeOp::Delete);
    }
    for unit in next_new..new_units.len() {
        whole_unit(&mut out, new_side(unit), ChangeOp::Insert);
    }
    TrackedDocument {
        front_matter: front_matter(redline),
        paragraphs: out,
    }
}
