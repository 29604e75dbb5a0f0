//! pakta-redline: a redline between two drafts that matches articles by identity, not by number, and tells
//! a negotiator what changed in their terms; and consistency checks between language versions.
//!
//! Both drafts are cut into units ([`units`]): front matter, title, preamble, division headings, articles,
//! closing formula and signature block, so that every word of both is compared. Articles (and divisions,
//! and the blocks of a document without articles) are matched by content ([`align`]); the other parts pair
//! by kind. Inside a matched pair, lines are aligned in order and diffed word by word (always with a
//! deadline); [`flags`] reads each change for its meaning.
//! Like every analysis crate, this one does no I/O.

pub mod align;
pub mod document;
mod entry;
pub mod flags;
mod moves;
pub mod parallel;
mod stale;
mod units;

use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, Instant};

use pakta_core::Agreement;
use pakta_core::diff::{Change, ChangeOp};

use align::{Fingerprint, Pair, Sides, in_order, match_items};
use entry::{Identity, UnitPair};
pub use flags::{Findings, Flag, ValueChange};
pub use units::EntryKind;
use units::{Unit, units};

/// What a redline ignores when deciding whether text changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    pub ignore_case: bool,
    pub ignore_whitespace: bool,
    pub ignore_punctuation: bool,
    /// Paragraph labels, and cross-references that only follow the renumbering of their target.
    pub ignore_numbering: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    Unchanged,
    Modified,
    Added,
    Deleted,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Unchanged => "unchanged",
            Status::Modified => "modified",
            Status::Added => "added",
            Status::Deleted => "deleted",
        }
    }
}

/// One clause of a matched article: its old and new ids and the word diff between them.
#[derive(Debug, Clone, PartialEq)]
pub struct ClauseRedline {
    pub old: Option<String>,
    pub new: Option<String>,
    /// The label as printed in NEW (or OLD for a deleted clause): "(1)", "(a)"; a front-matter field's
    /// name ("signing date:").
    pub label: Option<String>,
    /// The label in OLD, for a clause on both sides (it differs from `label` when a paragraph was
    /// relabelled); for a one-sided clause the same as `label`.
    pub old_label: Option<String>,
    pub depth: usize,
    pub changed: bool,
    pub changes: Vec<Change>,
    /// A deadline cut this clause's word diff short: the changes are right but coarser than they could be.
    pub cut_short: bool,
    /// For a line on one side only: the other article it was moved to (from OLD) or from (into NEW).
    pub relocation: Option<Relocation>,
}

/// Where a paragraph deleted from one article went, or where one inserted into another came from: one
/// clause moved between articles, reworded or not ([`moves`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Relocation {
    /// The entry on the other side of the move, as an index into [`Redline::entries`].
    pub entry: usize,
    /// The line's id there (NEW's for a line moved out, OLD's for one moved in).
    pub id: String,
    /// The line's label there ("(5)").
    pub label: Option<String>,
    /// On the NEW side: the word diff from the OLD line's text to the NEW one's (all equal when it moved
    /// unchanged). Empty on the OLD side, which shows the line struck.
    pub changes: Vec<Change>,
    /// A deadline cut `changes` short.
    pub cut_short: bool,
}

impl Relocation {
    /// Whether the words changed on the way.
    pub fn reworded(&self) -> bool {
        self.changes.iter().any(|c| c.op != ChangeOp::Equal)
    }
}

/// One entry of the redline: an article, or a part outside the articles (front matter, title, preamble,
/// division heading, closing formula, signature block, or a block of a document without articles).
#[derive(Debug, Clone, PartialEq)]
pub struct EntryRedline {
    pub kind: EntryKind,
    pub status: Status,
    /// The entry's place among OLD's (NEW's) units, from 0, in document order; `None` on the side it is
    /// missing from. Reading the entries in `old_index` order gives OLD's order back.
    pub old_index: Option<usize>,
    pub new_index: Option<usize>,
    /// An article's number ("5") or a division's ("Chapter II"); `None` for the other parts.
    pub old_number: Option<String>,
    pub new_number: Option<String>,
    pub old_id: Option<String>,
    pub new_id: Option<String>,
    pub old_heading: Option<String>,
    pub new_heading: Option<String>,
    pub renumbered: bool,
    pub moved: bool,
    /// Content similarity of the matched pair, 0–1.
    pub similarity: f64,
    /// For an added article most of whose text comes from an OLD article (a split): that article's number.
    pub split_from: Option<String>,
    /// For a deleted article most of whose text went into a NEW article (a merge): that article's number.
    pub merged_into: Option<String>,
    pub flags: Vec<Flag>,
    pub values: Vec<ValueChange>,
    pub clauses: Vec<ClauseRedline>,
}

impl EntryRedline {
    /// The whole entry as one word diff, line after line (clause labels and front-matter field names
    /// included), one line per line.
    pub fn changes(&self) -> Vec<Change> {
        let mut out: Vec<Change> = Vec::new();
        let mut push = |op: ChangeOp, text: &str| match out.last_mut() {
            _ if text.is_empty() => {}
            Some(last) if last.op == op => last.text.push_str(text),
            _ => out.push(Change {
                op,
                text: text.to_string(),
            }),
        };
        // Each side's lines are separated by a newline on that side only, so that the equal and deleted
        // runs spell OLD's lines exactly and the equal and inserted runs NEW's.
        let (mut old_started, mut new_started) = (false, false);
        for clause in &self.clauses {
            let (on_old, on_new) = (clause.old.is_some(), clause.new.is_some());
            match (on_old && old_started, on_new && new_started) {
                (true, true) => push(ChangeOp::Equal, "\n"),
                (true, false) => push(ChangeOp::Delete, "\n"),
                (false, true) => push(ChangeOp::Insert, "\n"),
                (false, false) => {}
            }
            old_started |= on_old;
            new_started |= on_new;
            for change in relabel_changes(clause).iter().chain(&clause.changes) {
                push(change.op, &change.text);
            }
        }
        out
    }

    /// The entry's line naming it on one side (`Delete`: OLD, `Insert`: NEW): number and heading, as
    /// `Article 5 — Wages` or `Chapter II — Recruitment`; `None` when the entry has neither there.
    pub fn headline(&self, side: ChangeOp) -> Option<String> {
        let (number, heading) = if side == ChangeOp::Delete {
            (&self.old_number, &self.old_heading)
        } else {
            (&self.new_number, &self.new_heading)
        };
        headline(self.kind, number.as_deref(), heading.as_deref())
    }

    /// The entry's whole text on one side (`Delete`: OLD, `Insert`: NEW): its headline, then its lines;
    /// `None` when the entry is not on that side.
    pub fn text_on(&self, side: ChangeOp) -> Option<String> {
        let index = if side == ChangeOp::Delete {
            self.old_index
        } else {
            self.new_index
        };
        index?;
        let mut out = self.headline(side).map(|h| h + "\n").unwrap_or_default();
        for change in self.changes() {
            if change.op == ChangeOp::Equal || change.op == side {
                out.push_str(&change.text);
            }
        }
        Some(out)
    }
}

impl ClauseRedline {
    /// `Delete` for a line only in OLD, `Insert` for one only in NEW, `None` for a line on both sides.
    pub fn only(&self) -> Option<ChangeOp> {
        match (self.old.is_some(), self.new.is_some()) {
            (true, false) => Some(ChangeOp::Delete),
            (false, true) => Some(ChangeOp::Insert),
            _ => None,
        }
    }
}

/// A line's label as changes: equal when it kept its label, else the old one deleted and the new one
/// inserted; a whole line's label takes the line's own operation.
pub fn relabel_changes(clause: &ClauseRedline) -> Vec<Change> {
    let label = |l: &Option<String>| l.as_deref().map(|l| format!("{l} ")).unwrap_or_default();
    let (before, after) = (label(&clause.old_label), label(&clause.label));
    let runs = match clause.only() {
        Some(op) => vec![(op, after)],
        None if before == after => vec![(ChangeOp::Equal, after)],
        None => vec![(ChangeOp::Delete, before), (ChangeOp::Insert, after)],
    };
    runs.into_iter()
        .filter(|(_, text)| !text.is_empty())
        .map(|(op, text)| Change { op, text })
        .collect()
}

/// How a redline names an entry: "Article 5 — Wages", "Chapter II — Recruitment", an unnumbered
/// heading's text; `None` for parts that have neither number nor heading.
pub fn headline(kind: EntryKind, number: Option<&str>, heading: Option<&str>) -> Option<String> {
    let number = number.map(|n| match kind {
        EntryKind::Article => format!("Article {n}"),
        _ => n.to_string(),
    });
    match (number, heading) {
        (Some(n), Some(h)) => Some(format!("{n} \u{2014} {h}")),
        (Some(n), None) => Some(n),
        (None, Some(h)) => Some(h.to_string()),
        (None, None) => None,
    }
}

/// A document's whole text as the redline compares it: every unit (front matter, title, preamble,
/// divisions, articles, closing, signatures) in document order, each as its headline and its lines
/// (with their labels), units separated by a blank line. [`Redline::side_text`] rebuilds exactly this
/// from a redline, for either draft.
pub fn document_text(agreement: &Agreement) -> String {
    let texts: Vec<String> = units(agreement)
        .iter()
        .map(|unit| {
            let mut lines: Vec<String> = Vec::new();
            lines.extend(headline(
                unit.kind,
                unit.number.as_deref(),
                unit.heading.as_deref(),
            ));
            let mut body: Vec<String> = Vec::new();
            for line in &unit.lines {
                body.push(match &line.label {
                    Some(label) => format!("{label} {}", line.text),
                    None => line.text.to_string(),
                });
            }
            let body = body.join("\n");
            if lines.is_empty() {
                body
            } else {
                lines.push(body);
                lines.join("\n")
            }
        })
        .collect();
    texts.join("\n\n")
}

/// A cross-reference in NEW that the renumbering left pointing at the wrong article, or at none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferenceProblem {
    /// The NEW clause holding the reference.
    pub clause: String,
    /// The NEW article's printed number.
    pub article: String,
    /// The reference as written ("paragraph 3 of Article 6").
    pub text: String,
    /// The article number it names.
    pub target: String,
    /// The article it meant, by identity, now that numbers moved; `None` when the target is gone.
    pub meant: Option<String>,
    /// For a reference to a paragraph of a renumbered article ("Pasal 4 ayat (1)") whose paragraphs were
    /// relabelled too: the label the paragraph it meant has now ("2"), so following the report does not
    /// land on the paragraph that took its place.
    pub meant_paragraph: Option<String>,
    /// What is wrong with it.
    pub problem: ReferenceFault,
    /// Whether it names an article, or a paragraph of its own article ("paragraph 1", *ayat (1)*), in
    /// which case `target` and `meant` are paragraph labels.
    pub level: ReferenceLevel,
}

/// What a stale cross-reference names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReferenceLevel {
    Article,
    /// A paragraph of the article the reference stands in.
    Paragraph,
}

impl ReferenceLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            ReferenceLevel::Article => "article",
            ReferenceLevel::Paragraph => "paragraph",
        }
    }
}

/// Why a cross-reference in NEW no longer names what it named in OLD.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReferenceFault {
    /// Its target was renumbered and the reference kept the old number.
    Renumbered,
    /// Its target was deleted and NEW has no article with that number.
    Deleted,
    /// Its target was deleted and another article took over the number: the reference now names it.
    Reused,
    /// NEW has no article with that number, and OLD had none either.
    Missing,
}

impl ReferenceFault {
    /// The name used in JSON reports.
    pub fn as_str(self) -> &'static str {
        match self {
            ReferenceFault::Renumbered => "renumbered",
            ReferenceFault::Deleted => "deleted",
            ReferenceFault::Reused => "reused",
            ReferenceFault::Missing => "missing",
        }
    }
}

/// Counts of the parts outside articles, by status.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PartCounts {
    pub added: usize,
    pub deleted: usize,
    pub modified: usize,
    pub unchanged: usize,
    /// The kinds of the parts that changed, in document order, for the summary line ("closing, meta").
    pub changed: Vec<EntryKind>,
}

/// Counts for the summary line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Articles, by status.
    pub added: usize,
    pub deleted: usize,
    pub modified: usize,
    pub moved: usize,
    pub renumbered: usize,
    pub unchanged: usize,
    /// Everything outside articles.
    pub parts: PartCounts,
    pub flags: BTreeMap<Flag, usize>,
    /// Paragraphs moved from one article to another.
    pub moved_lines: usize,
    /// Line diffs that a deadline cut short (shown coarser than they could be).
    pub cut_short: usize,
}

/// The redline between two drafts.
#[derive(Debug, Clone, PartialEq)]
pub struct Redline {
    /// How NEW names its provisions ("Article", "Section", "Clause"), for reports.
    pub noun: &'static str,
    pub old_articles: usize,
    pub new_articles: usize,
    /// Articles and the parts outside them, in NEW's document order; an entry only in OLD follows the NEW
    /// entry matched to its OLD predecessor.
    pub entries: Vec<EntryRedline>,
    pub references: Vec<ReferenceProblem>,
    pub summary: Summary,
}

impl Redline {
    /// One draft's whole text rebuilt from the redline (`Delete`: OLD, `Insert`: NEW): the entries on
    /// that side in that side's order, each as [`EntryRedline::text_on`]. Without ignore options this is
    /// [`document_text`] of that draft exactly: the redline has seen every word.
    pub fn side_text(&self, side: ChangeOp) -> String {
        let mut entries: Vec<(usize, String)> = self
            .entries
            .iter()
            .filter_map(|e| {
                let index = if side == ChangeOp::Delete {
                    e.old_index
                } else {
                    e.new_index
                };
                Some((index?, e.text_on(side)?))
            })
            .collect();
        entries.sort_by_key(|(i, _)| *i);
        let texts: Vec<String> = entries.into_iter().map(|(_, t)| t).collect();
        texts.join("\n\n")
    }

    /// How a report names an article entry's provision: "Annex I, Article" for an article of an annex or
    /// of another language version whose numbering starts again (its id, `annex_1__art_2`, says so), so
    /// that an annex's Article 2 is never read as the main text's; the plain noun otherwise.
    pub fn noun_for(&self, entry: &EntryRedline) -> std::borrow::Cow<'static, str> {
        let prefix = entry
            .new_id
            .as_deref()
            .or(entry.old_id.as_deref())
            .and_then(|id| id.split_once("__art_"))
            .map(|(prefix, _)| prefix);
        let part = prefix.and_then(|prefix| {
            self.entries
                .iter()
                .filter(|e| e.kind == EntryKind::Division)
                .find(|e| {
                    e.new_id.as_deref() == Some(prefix) || e.old_id.as_deref() == Some(prefix)
                })
                .and_then(|e| {
                    e.new_number
                        .as_deref()
                        .or(e.old_number.as_deref())
                        .or(e.new_heading.as_deref())
                        .or(e.old_heading.as_deref())
                })
        });
        match part {
            Some(part) if entry.kind == EntryKind::Article => {
                std::borrow::Cow::Owned(format!("{part}, {}", self.noun))
            }
            _ => std::borrow::Cow::Borrowed(self.noun),
        }
    }

    /// The article entries, in order.
    pub fn articles(&self) -> impl Iterator<Item = &EntryRedline> {
        self.entries.iter().filter(|e| e.kind == EntryKind::Article)
    }

    /// The entries outside articles, in order.
    pub fn parts(&self) -> impl Iterator<Item = &EntryRedline> {
        self.entries.iter().filter(|e| e.kind != EntryKind::Article)
    }

    /// Whether the drafts differ at all (the diff(1)-style exit code): any entry, article or not, that is
    /// not unchanged, or moved or renumbered. Reference problems are reported but do not count: a stale
    /// reference needs a renumbered article (already a difference), and a reference to a missing article
    /// in two identical drafts was already broken in OLD.
    pub fn has_differences(&self) -> bool {
        self.entries
            .iter()
            .any(|a| a.status != Status::Unchanged || a.renumbered || a.moved)
    }
}

/// How long all the line diffs of one redline may take together.
pub const REDLINE_BUDGET: Duration = Duration::from_secs(10);

/// The fallback key that pairs leftovers: an article's number in its sequence, a division's number.
fn number_key(unit: &Unit) -> String {
    format!(
        "{}:{}",
        unit.sequence,
        pakta_core::words::fold(unit.number.as_deref().unwrap_or_default())
    )
}

/// Matches the units of one kind by content (see [`align`]): indices into `old`/`new`.
fn match_kind(old: &[Unit], new: &[Unit], old_of: &[usize], new_of: &[usize]) -> Vec<Pair> {
    let prints = |of: &[usize], units: &[Unit]| -> Vec<Fingerprint> {
        of.iter().map(|&i| units[i].print.clone()).collect()
    };
    let headings = |of: &[usize], units: &[Unit]| -> Vec<Fingerprint> {
        of.iter()
            .map(|&i| Fingerprint::of(units[i].heading.as_deref().unwrap_or_default()))
            .collect()
    };
    let keys = |of: &[usize], units: &[Unit]| -> Vec<String> {
        of.iter().map(|&i| number_key(&units[i])).collect()
    };
    let (old_prints, new_prints) = (prints(old_of, old), prints(new_of, new));
    let pairs = match_items(&Sides {
        old: &old_prints,
        new: &new_prints,
        old_headings: &headings(old_of, old),
        new_headings: &headings(new_of, new),
        old_keys: &keys(old_of, old),
        new_keys: &keys(new_of, new),
    });
    pairs
        .into_iter()
        .map(|p| Pair {
            old: old_of[p.old],
            new: new_of[p.new],
            similarity: p.similarity,
        })
        .collect()
}

/// Every matched pair of units: articles, divisions and text blocks by content, the parts that occur once
/// by kind. Indices are into the unit lists.
fn match_units(old: &[Unit], new: &[Unit]) -> Vec<UnitPair> {
    let mut out = Vec::new();
    for kind in [EntryKind::Article, EntryKind::Division, EntryKind::Text] {
        let of = |units: &[Unit]| -> Vec<usize> {
            (0..units.len())
                .filter(|&i| units[i].kind == kind)
                .collect()
        };
        let (old_of, new_of) = (of(old), of(new));
        if old_of.is_empty() || new_of.is_empty() {
            continue;
        }
        out.extend(
            match_kind(old, new, &old_of, &new_of)
                .into_iter()
                .map(|pair| UnitPair {
                    old: pair.old,
                    new: pair.new,
                    similarity: pair.similarity,
                    moved: false,
                }),
        );
    }
    // The parts that occur once pair by kind.
    for (o, unit) in old.iter().enumerate().filter(|(_, u)| u.kind.single()) {
        if let Some(n) = new.iter().position(|u| u.kind == unit.kind) {
            out.push(UnitPair {
                old: o,
                new: n,
                similarity: 1.0,
                moved: false,
            });
        }
    }
    // Order is read across kinds, in document order: an unchanged article that a chapter or annex heading
    // moved past now sits in another division ("Obligations of the Sending Party", "non-binding guidance"),
    // which changes whose duty it is or whether it binds at all; and final provisions or an annex that
    // now stand after the signatures ("IN WITNESS WHEREOF …", the signature block moved above them) may
    // be argued to be no part of what was signed.
    out.sort_by_key(|p| p.old);
    let ordered = in_order(
        &out.iter()
            .map(|p| Pair {
                old: p.old,
                new: p.new,
                similarity: p.similarity,
            })
            .collect::<Vec<_>>(),
    );
    for (pair, keep) in out.iter_mut().zip(ordered) {
        pair.moved = !keep;
    }
    out
}

/// Builds the redline of `old` → `new`.
pub fn redline(old: &Agreement, new: &Agreement, options: &Options) -> Redline {
    // Each line diff has its own deadline; this one bounds them all, so a thousand pathological clauses
    // cannot add up to minutes. Past it, the remaining diffs come back coarse at once (and say so).
    let deadline = Instant::now().checked_add(REDLINE_BUDGET);
    let (old_units, new_units) = (units(old), units(new));
    let pairs = match_units(&old_units, &new_units);
    let identity = Identity::new(old, new, &old_units, &new_units, &pairs);

    let new_of_old: HashMap<usize, &UnitPair> = pairs.iter().map(|p| (p.old, p)).collect();
    let old_of_new: HashMap<usize, &UnitPair> = pairs.iter().map(|p| (p.new, p)).collect();
    // OLD units with no partner, keyed by the NEW unit they follow (None: before the first).
    let mut deleted_after: BTreeMap<Option<usize>, Vec<usize>> = BTreeMap::new();
    let mut previous_new: Option<usize> = None;
    for o in 0..old_units.len() {
        match new_of_old.get(&o) {
            Some(p) => previous_new = Some(p.new),
            None => deleted_after.entry(previous_new).or_default().push(o),
        }
    }
    // The matched articles of each side, computed once: an unmatched article whose text went into one of
    // them was split from it or merged into it.
    // Each matched article on one side with its counterpart on the other, in ascending order.
    let mut matched_old: Vec<(usize, usize)> = pairs
        .iter()
        .filter(|p| old_units[p.old].kind == EntryKind::Article)
        .map(|p| (p.old, p.new))
        .collect();
    let mut matched_new: Vec<(usize, usize)> = matched_old.iter().map(|&(o, n)| (n, o)).collect();
    matched_old.sort_unstable();
    matched_new.sort_unstable();

    let mut entries: Vec<EntryRedline> = Vec::new();
    let mut references = Vec::new();
    // The lines of matched entries on one side only, per entry, until the moves between them are known.
    let mut orphans = Vec::new();
    let deleted = |o: usize| {
        entry::one_sided(
            &old_units[o],
            o,
            ChangeOp::Delete,
            (&old_units, &new_units),
            &matched_new,
            (&identity, deadline),
        )
    };
    for &o in deleted_after.get(&None).into_iter().flatten() {
        entries.push(deleted(o));
    }
    for (n, unit) in new_units.iter().enumerate() {
        match old_of_new.get(&n) {
            Some(pair) => {
                let (entry, problems, left) = entry::matched(
                    &old_units[pair.old],
                    unit,
                    pair,
                    options,
                    &identity,
                    deadline,
                );
                if !left.is_empty() {
                    orphans.push((entries.len(), left));
                }
                entries.push(entry);
                references.extend(problems);
            }
            None => {
                entries.push(entry::one_sided(
                    unit,
                    n,
                    ChangeOp::Insert,
                    (&new_units, &old_units),
                    &matched_old,
                    (&identity, deadline),
                ));
                // References in an added article can only be checked for existence.
                references.extend(identity.broken_in(unit));
            }
        }
        for &o in deleted_after.get(&Some(n)).into_iter().flatten() {
            entries.push(deleted(o));
        }
    }
    let moved_lines = moves::settle(&mut entries, orphans, &identity, deadline);
    stale::renumbered_paragraphs(&entries, &identity, &mut references);
    references.extend(stale::paragraph_references(&entries, &identity));
    let mut summary = summarise(&entries);
    summary.moved_lines = moved_lines;
    Redline {
        noun: new.provision_noun(),
        old_articles: old.articles.len(),
        new_articles: new.articles.len(),
        summary,
        entries,
        references,
    }
}

fn summarise(entries: &[EntryRedline]) -> Summary {
    let mut summary = Summary::default();
    for a in entries {
        summary.cut_short += a.clauses.iter().filter(|c| c.cut_short).count();
        for flag in &a.flags {
            *summary.flags.entry(*flag).or_insert(0) += 1;
        }
        if a.kind != EntryKind::Article {
            let parts = &mut summary.parts;
            match a.status {
                Status::Added => parts.added += 1,
                Status::Deleted => parts.deleted += 1,
                Status::Modified => parts.modified += 1,
                Status::Unchanged => parts.unchanged += 1,
            }
            if (a.status != Status::Unchanged || a.moved || a.renumbered)
                && !parts.changed.contains(&a.kind)
            {
                parts.changed.push(a.kind);
            }
            continue;
        }
        match a.status {
            Status::Added => summary.added += 1,
            Status::Deleted => summary.deleted += 1,
            Status::Modified => summary.modified += 1,
            Status::Unchanged => summary.unchanged += 1,
        }
        summary.moved += usize::from(a.moved);
        summary.renumbered += usize::from(a.renumbered);
    }
    summary
}
