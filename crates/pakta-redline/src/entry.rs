//! One entry of the redline: a matched pair of units (lines aligned in order, paired, word-diffed, read
//! for flags and stale cross-references), or a unit on one side only.

use std::collections::{HashMap, HashSet};
use std::time::Instant;

use pakta_core::diff::{Change, ChangeOp, SequenceOp, align_keys, word_diff_until};
use pakta_core::{Agreement, crossref};

use crate::align::Fingerprint;
use crate::flags::{self, Findings, Flag};
use crate::units::{EntryKind, Line, Unit};
use crate::{
    ClauseRedline, EntryRedline, Options, ReferenceFault, ReferenceLevel, ReferenceProblem, Status,
};

/// A matched pair of units, by index into each side's unit list.
#[derive(Debug, Clone, Copy)]
pub(crate) struct UnitPair {
    pub old: usize,
    pub new: usize,
    pub similarity: f64,
    /// The pair is outside the longest run that kept its order: the unit was moved.
    pub moved: bool,
}

/// Article identity across the drafts: which article pair a printed number names on each side, and which
/// numbers NEW has, for reading cross-references.
pub(crate) struct Identity {
    /// Folded article number → article pair, per side.
    old: HashMap<String, usize>,
    new: HashMap<String, usize>,
    /// The NEW number of each article pair.
    new_number: Vec<String>,
    /// NEW's article numbers (numbering sequence, folded number), to tell at once whether a reference's
    /// target exists.
    new_numbers: HashSet<(usize, String)>,
    /// Folded numbers of OLD articles that have no counterpart in NEW (deleted), unless a kept article
    /// held the same number too.
    deleted: HashSet<String>,
    /// The word each draft numbers its provisions with ("article", "section", "clause"), so that
    /// "Section 4.2" is read as a reference in a section-structured contract.
    old_word: Option<String>,
    new_word: Option<String>,
}

impl Identity {
    pub fn new(
        old: &Agreement,
        new: &Agreement,
        old_units: &[Unit],
        new_units: &[Unit],
        pairs: &[UnitPair],
    ) -> Identity {
        let mut identity = Identity {
            old: HashMap::new(),
            new: HashMap::new(),
            new_number: Vec::new(),
            new_numbers: new
                .articles
                .iter()
                .map(|a| (a.sequence, pakta_core::words::fold(&a.number)))
                .collect(),
            deleted: HashSet::new(),
            old_word: old.provision_word.clone(),
            new_word: new.provision_word.clone(),
        };
        // Pairs in OLD order, so that the first article holding a duplicated number wins, as before.
        let mut articles: Vec<&UnitPair> = pairs
            .iter()
            .filter(|p| old_units[p.old].kind == EntryKind::Article)
            .collect();
        articles.sort_by_key(|p| p.old);
        for (i, pair) in articles.into_iter().enumerate() {
            let number =
                |u: &Unit| pakta_core::words::fold(u.number.as_deref().unwrap_or_default());
            identity
                .old
                .entry(number(&old_units[pair.old]))
                .or_insert(i);
            identity
                .new
                .entry(number(&new_units[pair.new]))
                .or_insert(i);
            identity
                .new_number
                .push(new_units[pair.new].number.clone().unwrap_or_default());
        }
        let paired: HashSet<usize> = pairs.iter().map(|p| p.old).collect();
        identity.deleted = old_units
            .iter()
            .enumerate()
            .filter(|(i, u)| u.kind == EntryKind::Article && !paired.contains(i))
            .map(|(_, u)| pakta_core::words::fold(u.number.as_deref().unwrap_or_default()))
            .filter(|number| !identity.old.contains_key(number))
            .collect();
        identity
    }

    /// The cross-references of an OLD text, in OLD's vocabulary.
    pub(crate) fn find_old(&self, text: &str) -> Vec<crossref::Reference> {
        crossref::find_in(text, self.old_word.as_deref())
    }

    /// The cross-references of a NEW text, in NEW's vocabulary.
    pub(crate) fn find_new(&self, text: &str) -> Vec<crossref::Reference> {
        crossref::find_in(text, self.new_word.as_deref())
    }

    /// References in an added unit's clauses to articles NEW does not have.
    pub fn broken_in(&self, unit: &Unit) -> Vec<ReferenceProblem> {
        unit.lines
            .iter()
            .flat_map(|line| {
                let found = self.find_new(&line.text);
                self.broken(line, &found, unit)
            })
            .collect()
    }

    fn broken(
        &self,
        line: &Line,
        found: &[crossref::Reference],
        unit: &Unit,
    ) -> Vec<ReferenceProblem> {
        if unit.kind != EntryKind::Article {
            return Vec::new();
        }
        found
            .iter()
            .filter_map(|reference| {
                let target = reference.article.clone()?;
                let folded = pakta_core::words::fold(&target);
                let exists = self.new_numbers.contains(&(unit.sequence, folded));
                (!exists).then(|| ReferenceProblem {
                    clause: line.id.to_string(),
                    article: unit.number.clone().unwrap_or_default(),
                    text: line.text[reference.range.clone()].to_string(),
                    target,
                    meant: None,
                    meant_paragraph: None,
                    problem: ReferenceFault::Missing,
                    level: ReferenceLevel::Article,
                })
            })
            .collect()
    }

    /// References in a NEW line whose text is unchanged from OLD but whose target was renumbered: they
    /// now point at another article. Also references to articles NEW does not have.
    fn stale(&self, old_line: &Line, new_line: &Line, new_unit: &Unit) -> Vec<ReferenceProblem> {
        if new_unit.kind != EntryKind::Article {
            return Vec::new();
        }
        // Finding references segments the text into words; an unchanged clause (most of them) needs it
        // once.
        let after = self.find_new(&new_line.text);
        let before = if old_line.text == new_line.text {
            after.clone()
        } else {
            self.find_old(&old_line.text)
        };
        let mut problems = self.broken(new_line, &after, new_unit);
        let same_count = before.len() == after.len();
        for (i, reference) in after.iter().enumerate() {
            let Some(target) = &reference.article else {
                continue;
            };
            let folded = pakta_core::words::fold(target);
            let names = |r: &crossref::Reference| {
                r.article.as_deref().map(pakta_core::words::fold) == Some(folded.clone())
            };
            // A number the drafter left as it was. References are compared in order where the clause has
            // as many as before: "Articles 6 and 7" → "Articles 7 and 8" updated both, although 7 is in
            // both.
            let kept = if same_count {
                names(&before[i])
            } else {
                before.iter().any(names)
            };
            if !kept {
                continue;
            }
            // A number that named a deleted article: NEW either has no such article (`broken` found it) or
            // gave the number to another article, which the reference now silently names.
            if self.deleted.contains(&folded) {
                if let Some(missing) = problems.iter_mut().find(|p| {
                    p.problem == ReferenceFault::Missing
                        && p.text == new_line.text[reference.range.clone()]
                }) {
                    missing.problem = ReferenceFault::Deleted;
                } else {
                    problems.push(ReferenceProblem {
                        clause: new_line.id.to_string(),
                        article: new_unit.number.clone().unwrap_or_default(),
                        text: new_line.text[reference.range.clone()].to_string(),
                        target: target.clone(),
                        meant: None,
                        meant_paragraph: None,
                        problem: ReferenceFault::Reused,
                        level: ReferenceLevel::Article,
                    });
                }
                continue;
            }
            // In OLD this number named the article of pair `p`; where is that article now?
            let Some(&p) = self.old.get(&folded) else {
                continue;
            };
            let now = &self.new_number[p];
            if pakta_core::words::fold(now) != folded {
                problems.push(ReferenceProblem {
                    clause: new_line.id.to_string(),
                    article: new_unit.number.clone().unwrap_or_default(),
                    text: new_line.text[reference.range.clone()].to_string(),
                    target: target.clone(),
                    meant: Some(now.clone()),
                    meant_paragraph: None,
                    problem: ReferenceFault::Renumbered,
                    level: ReferenceLevel::Article,
                });
            }
        }
        problems
    }
}

/// Whether `rest`, a new paragraph, is mostly the words `old` lost on its way to `new`: at least three
/// words struck, and at least two in three of them in `rest`.
fn splits_into(old: &str, new: &str, rest: &str, deadline: Option<Instant>) -> bool {
    let words = |text: &str| -> Vec<String> {
        pakta_norms::lexicon::tokenize(text)
            .iter()
            .map(|t| t.folded.to_string())
            .collect()
    };
    let struck: Vec<String> = word_diff_until(old, new, deadline)
        .changes
        .iter()
        .filter(|c| c.op == ChangeOp::Delete)
        .flat_map(|c| words(&c.text))
        .collect();
    if struck.len() < 3 {
        return false;
    }
    let rest = words(rest);
    let kept = struck.iter().filter(|w| rest.contains(w)).count();
    kept * 3 >= struck.len() * 2
}

/// A paragraph label as a reference writes it: "(1)", "1." and "1" are all "1".
pub(crate) fn paragraph_label(label: &str) -> String {
    label
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// The paragraphs of a matched article whose label changed, old label to new: a paragraph inserted above
/// paragraph 1 makes it paragraph 2. Only the article's own paragraphs (depth 0) count.
fn relabelled_paragraphs(
    old: &Unit,
    new: &Unit,
    aligned: &[(Option<usize>, Option<usize>)],
) -> Vec<(String, String)> {
    aligned
        .iter()
        .filter_map(|&(o, n)| {
            let (before, after) = (&old.lines[o?], &new.lines[n?]);
            if before.depth != 0 || after.depth != 0 {
                return None;
            }
            let (was, now) = (
                paragraph_label(before.label.as_deref()?),
                paragraph_label(after.label.as_deref()?),
            );
            (!was.is_empty() && was != now).then_some((was, now))
        })
        .collect()
}

/// References to a paragraph of the same article ("in breach of paragraph 1", *sebagaimana dimaksud pada
/// ayat (1)*) that kept their number while the paragraph they named was relabelled: they now name
/// another paragraph.
fn stale_paragraphs(
    (before, after): (&Line, &Line),
    new_unit: &Unit,
    relabelled: &[(String, String)],
    identity: &Identity,
) -> Vec<ReferenceProblem> {
    if relabelled.is_empty() || new_unit.kind != EntryKind::Article {
        return Vec::new();
    }
    let own = |r: &crossref::Reference| {
        r.article
            .is_none()
            .then(|| r.paragraph.as_deref().map(paragraph_label))
            .flatten()
    };
    let was: Vec<String> = identity
        .find_old(&before.text)
        .iter()
        .filter_map(own)
        .collect();
    identity
        .find_new(&after.text)
        .iter()
        .filter_map(|r| {
            let target = own(r)?;
            if !was.contains(&target) {
                return None;
            }
            let (_, now) = relabelled.iter().find(|(old, _)| *old == target)?;
            Some(ReferenceProblem {
                clause: after.id.to_string(),
                article: new_unit.number.clone().unwrap_or_default(),
                text: after.text[r.range.clone()].to_string(),
                target: target.clone(),
                meant: Some(now.clone()),
                meant_paragraph: None,
                problem: ReferenceFault::Renumbered,
                level: ReferenceLevel::Paragraph,
            })
        })
        .collect()
}

/// The first row of the table that line `at` is a row of, when it is one and not the first: its column
/// headings say whose column a tick stands in.
/// The list lead-in line `at` is a point of: the nearest line above it at a lesser depth, when that line
/// opens a list (ends with a colon).
fn lead_in<'l>(lines: &'l [Line], at: usize) -> Option<&'l str> {
    let depth = lines.get(at)?.depth;
    let parent = (0..at).rev().find(|&k| lines[k].depth < depth)?;
    let text = lines[parent].text.trim_end();
    text.ends_with(':').then_some(&*lines[parent].text)
}

fn table_header<'l>(lines: &'l [Line], at: usize) -> Option<&'l str> {
    let row = |i: usize| lines[i].text.contains('|');
    if !row(at) {
        return None;
    }
    let first = (0..at).rev().take_while(|&i| row(i)).last()?;
    Some(&lines[first].text)
}

/// Text normalised as the options say, for deciding whether two texts are the same.
fn normalise(text: &str, options: &Options) -> String {
    let mut out: String = if options.ignore_punctuation {
        let chars: Vec<char> = text.chars().collect();
        // A separator between digits is part of the number: "1,500" is not "1.500", which an English
        // text reads as one and a half.
        let in_number = |i: usize| {
            i > 0
                && chars[i - 1].is_ascii_digit()
                && chars.get(i + 1).is_some_and(char::is_ascii_digit)
        };
        chars
            .iter()
            .enumerate()
            .map(|(i, &c)| {
                if c.is_alphanumeric() || c.is_whitespace() || carries_meaning(c) || in_number(i) {
                    c
                } else {
                    ' '
                }
            })
            .collect()
    } else {
        text.to_string()
    };
    if options.ignore_case {
        out = out.to_lowercase();
    }
    if options.ignore_whitespace || options.ignore_punctuation {
        out = pakta_core::text::collapse_whitespace(&out);
    }
    out
}

/// Signs that are part of an amount or a comparison, not punctuation: "15%" and "15" are different
/// shares, "$250" and "250" different sums, "≥ 8 hours" and "8 hours" different floors.
fn carries_meaning(c: char) -> bool {
    matches!(
        c,
        '%' | '‰'
            | '$'
            | '€'
            | '£'
            | '¥'
            | '¢'
            | '₹'
            | '₱'
            | '₩'
            | '฿'
            | '₫'
            | '₺'
            | '₽'
            | '<'
            | '>'
            | '≤'
            | '≥'
            | '='
            | '+'
            | '±'
    )
}

/// Replaces each cross-reference's article number with the identity of its target (the matched pair), so
/// that a reference that only follows its target's renumbering reads the same on both sides.
fn references_by_identity(
    text: &str,
    numbers: &HashMap<String, usize>,
    found: Vec<crossref::Reference>,
) -> String {
    let mut out = String::new();
    let mut last = 0;
    let mut found = found;
    found.sort_by_key(|r| (r.range.start, r.range.end));
    for reference in found {
        let Some(article) = &reference.article else {
            continue;
        };
        // The references of a list ("Articles 6 and 7") may share words: each one's identity is written,
        // the shared text once.
        let start = reference.range.start.max(last);
        let end = reference.range.end.max(start);
        out.push_str(&text[last..start]);
        match numbers.get(&pakta_core::words::fold(article)) {
            Some(pair) => out.push_str(&format!("\u{27e8}article #{pair}\u{27e9}")),
            None => out.push_str(&text[start..end]),
        }
        if let Some(p) = &reference.paragraph {
            out.push_str(&format!("\u{27e8}{p}\u{27e9}"));
        }
        last = end;
    }
    out.push_str(&text[last..]);
    out
}

/// A line's key for alignment: its text as the options normalise it, with its label unless numbering is
/// ignored (a front-matter field keeps its name as its label, so fields pair by name).
fn line_key(
    line: &Line,
    options: &Options,
    numbers: &HashMap<String, usize>,
    find: impl Fn(&str) -> Vec<crossref::Reference>,
) -> String {
    let text = if options.ignore_numbering && line.clause.is_some() {
        references_by_identity(&line.text, numbers, find(&line.text))
    } else {
        line.text.to_string()
    };
    let text = normalise(&text, options);
    if options.ignore_numbering && line.clause.is_some() {
        text
    } else {
        format!("{}\u{1f}{text}", line.label.as_deref().unwrap_or_default())
    }
}

/// The lines of two units aligned in order: (old index, new index).
fn align_lines(
    old: &[Line],
    new: &[Line],
    old_keys: &[String],
    new_keys: &[String],
) -> Vec<(Option<usize>, Option<usize>)> {
    let mut aligned = Vec::new();
    for op in align_keys(old_keys, new_keys) {
        match op {
            SequenceOp::Equal { old, new, len } => {
                aligned.extend((0..len).map(|i| (Some(old + i), Some(new + i))))
            }
            SequenceOp::Delete { old, len } => {
                aligned.extend((0..len).map(|i| (Some(old + i), None)))
            }
            SequenceOp::Insert { new, len } => {
                aligned.extend((0..len).map(|i| (None, Some(new + i))))
            }
            SequenceOp::Replace {
                old: o,
                old_len,
                new: n,
                new_len,
            } => {
                aligned.extend(pair_block(&old[o..o + old_len], &new[n..n + new_len], o, n));
            }
        }
    }
    aligned
}

/// A line present on one side only, as a whole insertion or deletion.
fn whole_line(line: &Line, op: ChangeOp) -> ClauseRedline {
    let id = Some(line.id.to_string());
    let (old, new) = if op == ChangeOp::Delete {
        (id, None)
    } else {
        (None, id)
    };
    ClauseRedline {
        old,
        new,
        label: line.label.as_deref().map(str::to_string),
        old_label: line.label.as_deref().map(str::to_string),
        depth: line.depth,
        changed: true,
        changes: vec![Change {
            op,
            text: line.text.to_string(),
        }],
        cut_short: false,
        relocation: None,
    }
}

/// A line on one side only of a matched pair of units, kept apart until the whole redline is known: it may
/// be a paragraph moved to or from another article, to be read against its twin there ([`crate::moves`]).
pub(crate) struct Orphan {
    /// Its index in the entry's clauses.
    pub clause: usize,
    /// What the line says read alone, for when it has no twin.
    pub findings: Findings,
}

/// A matched pair of units: lines aligned and paired, each changed pair word-diffed and read for flags.
/// The lines on one side only come back apart, unread into the entry's flags.
pub(crate) fn matched(
    old: &Unit,
    new: &Unit,
    pair: &UnitPair,
    options: &Options,
    identity: &Identity,
    deadline: Option<Instant>,
) -> (EntryRedline, Vec<ReferenceProblem>, Vec<Orphan>) {
    let old_keys: Vec<String> = old
        .lines
        .iter()
        .map(|l| line_key(l, options, &identity.old, |t| identity.find_old(t)))
        .collect();
    let new_keys: Vec<String> = new
        .lines
        .iter()
        .map(|l| line_key(l, options, &identity.new, |t| identity.find_new(t)))
        .collect();
    // Lines are aligned on their text alone (labels left out, references read by identity), so that a
    // paragraph inserted above the others does not pair each later paragraph with the one that took its
    // number; whether a pair changed is still decided with the labels.
    let unlabelled = Options {
        ignore_numbering: true,
        ..*options
    };
    let keys =
        |unit: &Unit, numbers, find: &dyn Fn(&str) -> Vec<crossref::Reference>| -> Vec<String> {
            unit.lines
                .iter()
                .map(|l| line_key(l, &unlabelled, numbers, find))
                .collect()
        };
    let (old_text_keys, new_text_keys) = if options.ignore_numbering {
        (old_keys.clone(), new_keys.clone())
    } else {
        (
            keys(old, &identity.old, &|t| identity.find_old(t)),
            keys(new, &identity.new, &|t| identity.find_new(t)),
        )
    };
    let aligned = align_lines(&old.lines, &new.lines, &old_text_keys, &new_text_keys);
    let relabelled = relabelled_paragraphs(old, new, &aligned);

    let mut findings = Findings::default();
    let mut clauses = Vec::new();
    let mut problems = Vec::new();
    let mut orphans = Vec::new();
    let mut any_change = false;
    // A paragraph split in two ("… shall be paid at least once a month by bank transfer." → "… shall be
    // paid." + "Payment may be made at least once a month by bank transfer."): the new paragraph right
    // after a changed one holds most of the words the changed one lost. The old paragraph is read
    // against both, so that the modal the moved words now stand under is compared, and the moved
    // words are not reported as struck.
    // For each aligned pair, the new line split off from it.
    let split_into: Vec<Option<usize>> = (0..aligned.len())
        .map(|i| match (aligned[i], aligned.get(i + 1).copied()) {
            ((Some(o), Some(n)), Some((None, Some(m)))) if old_keys[o] != new_keys[n] => {
                splits_into(
                    &old.lines[o].text,
                    &new.lines[n].text,
                    &new.lines[m].text,
                    deadline,
                )
                .then_some(m)
            }
            _ => None,
        })
        .collect();
    // Two paragraphs merged into one ("… eight hours a day." + "The Worker shall be entitled to one rest
    // day each week." → "… eight hours a day, and the Worker shall be entitled to …") is the same the
    // other way round: the old paragraph right after a changed one, gone, whose words are most of what
    // the changed one gained. The two old paragraphs are read as one against the new.
    let merged_from: Vec<Option<usize>> = (0..aligned.len())
        .map(|i| match (aligned[i], aligned.get(i + 1).copied()) {
            ((Some(o), Some(n)), Some((Some(m), None))) if old_keys[o] != new_keys[n] => {
                splits_into(
                    &new.lines[n].text,
                    &old.lines[o].text,
                    &old.lines[m].text,
                    deadline,
                )
                .then_some(m)
            }
            _ => None,
        })
        .collect();
    for (i, &(o, n)) in aligned.iter().enumerate() {
        match (o, n) {
            (Some(o), Some(n)) => {
                let (before, after) = (&old.lines[o], &new.lines[n]);
                let split_off = split_into[i].map(|m| &new.lines[m]);
                let merged = merged_from[i].map(|m| &old.lines[m]);
                let same = old_keys[o] == new_keys[n];
                let (changes, cut_short) = if same {
                    let equal = Change {
                        op: ChangeOp::Equal,
                        text: after.text.to_string(),
                    };
                    (vec![equal], false)
                } else {
                    let diff = word_diff_until(&before.text, &after.text, deadline);
                    (diff.changes, diff.cut_short)
                };
                if !same {
                    any_change = true;
                    let references = (
                        identity.find_old(&before.text),
                        identity.find_new(&after.text),
                    );
                    match (split_off, merged) {
                        (Some(rest), _) => {
                            let joined = format!("{} {}", after.text, rest.text);
                            let joined_changes =
                                word_diff_until(&before.text, &joined, deadline).changes;
                            findings.extend(flags::clause_findings(
                                &before.text,
                                &joined,
                                &joined_changes,
                                (&references.0, &identity.find_new(&joined)),
                            ));
                        }
                        (None, Some(rest)) => {
                            let joined = format!("{} {}", before.text, rest.text);
                            let joined_changes =
                                word_diff_until(&joined, &after.text, deadline).changes;
                            findings.extend(flags::clause_findings(
                                &joined,
                                &after.text,
                                &joined_changes,
                                (&identity.find_old(&joined), &references.1),
                            ));
                        }
                        (None, None) => findings.extend(flags::clause_findings(
                            &before.text,
                            &after.text,
                            &changes,
                            (&references.0, &references.1),
                        )),
                    }
                    findings.extend(flags::table_parties(
                        table_header(&new.lines, n),
                        &before.text,
                        &after.text,
                    ));
                    // A table's first row is its header: its columns say whose each tick below is.
                    let header_row = after.text.contains('|')
                        && (n == 0 || !new.lines[n - 1].text.contains('|'));
                    if header_row {
                        findings.extend(flags::header_parties(&before.text, &after.text));
                    }
                    reference_changes(
                        &references.0,
                        &references.1,
                        (&before.text, &after.text),
                        &mut findings,
                    );
                }
                problems.extend(identity.stale(before, after, new));
                problems.extend(stale_paragraphs(
                    (before, after),
                    new,
                    &relabelled,
                    identity,
                ));
                clauses.push(ClauseRedline {
                    old: Some(before.id.to_string()),
                    new: Some(after.id.to_string()),
                    label: after.label.as_deref().map(str::to_string),
                    old_label: before.label.as_deref().map(str::to_string),
                    depth: after.depth,
                    changed: !same,
                    changes,
                    cut_short,
                    relocation: None,
                });
            }
            (Some(o), None) => {
                any_change = true;
                // A line merged into the one before was read with it.
                if !merged_from.contains(&Some(o)) {
                    orphans.push(Orphan {
                        clause: clauses.len(),
                        findings: flags::whole_clause_findings(
                            &old.lines[o].text,
                            lead_in(&old.lines, o),
                            false,
                        ),
                    });
                }
                clauses.push(whole_line(&old.lines[o], ChangeOp::Delete));
            }
            (None, Some(n)) => {
                any_change = true;
                let line = &new.lines[n];
                // A line split off from the one before was read with it.
                if !split_into.contains(&Some(n)) {
                    orphans.push(Orphan {
                        clause: clauses.len(),
                        findings: flags::whole_clause_findings(
                            &line.text,
                            lead_in(&new.lines, n),
                            true,
                        ),
                    });
                }
                let found = identity.find_new(&line.text);
                problems.extend(identity.broken(line, &found, new));
                clauses.push(whole_line(line, ChangeOp::Insert));
            }
            (None, None) => {}
        }
    }
    let heading_changed = normalise(old.heading.as_deref().unwrap_or_default(), options)
        != normalise(new.heading.as_deref().unwrap_or_default(), options);
    if heading_changed {
        findings.add(
            Flag::HeadingChanged,
            old.heading.clone().unwrap_or_default(),
            new.heading.clone().unwrap_or_default(),
        );
    }
    let mut flags = findings.flags;
    flags.sort();
    flags.dedup();
    let fold = |u: &Unit| pakta_core::words::fold(u.number.as_deref().unwrap_or_default());
    let renumbered = fold(old) != fold(new) || old.sequence != new.sequence;
    // A division renumbered ("Chapter II" → "Chapter III") only follows the articles around it; with
    // numbering ignored it is unchanged, as a renumbered article is.
    let number_changed = renumbered && !options.ignore_numbering && old.kind != EntryKind::Article;
    (
        EntryRedline {
            kind: new.kind,
            old_index: Some(pair.old),
            new_index: Some(pair.new),
            status: if any_change || heading_changed || number_changed {
                Status::Modified
            } else {
                Status::Unchanged
            },
            old_number: old.number.clone(),
            new_number: new.number.clone(),
            old_id: Some(old.id.clone()),
            new_id: Some(new.id.clone()),
            old_heading: old.heading.clone(),
            new_heading: new.heading.clone(),
            renumbered,
            moved: pair.moved,
            similarity: (pair.similarity * 100.0).round() / 100.0,
            split_from: None,
            merged_into: None,
            flags,
            values: findings.values,
            clauses,
        },
        problems,
        orphans,
    )
}

/// A unit on one side only: deleted from OLD (`op` = Delete) or added in NEW (Insert). An article most of
/// whose text is in one of `partners` (the other side's matched units of its kind) was split from it or
/// merged into it.
pub(crate) fn one_sided(
    unit: &Unit,
    index: usize,
    op: ChangeOp,
    (own, others): (&[Unit], &[Unit]),
    partners: &[(usize, usize)],
    (identity, deadline): (&Identity, Option<Instant>),
) -> EntryRedline {
    let deleted = op == ChangeOp::Delete;
    let found = if unit.kind == EntryKind::Article {
        best_container(&unit.print, (own, others), partners)
    } else {
        None
    };
    let container = found.and_then(|i| others[i].number.clone());
    // What the text became in the article it went into (merged) or came from (split): "may change
    // employer without the consent" merged as "… with the consent" is a condition added.
    let carried = found
        .map(|i| carried_findings(unit, &others[i], deleted, (identity, deadline)))
        .unwrap_or_default();
    let side = |value: Option<String>| {
        if deleted {
            (value, None)
        } else {
            (None, value)
        }
    };
    let (old_number, new_number) = side(unit.number.clone());
    let (old_id, new_id) = side(Some(unit.id.clone()));
    let (old_heading, new_heading) = side(unit.heading.clone());
    let (old_index, new_index) = if deleted {
        (Some(index), None)
    } else {
        (None, Some(index))
    };
    EntryRedline {
        kind: unit.kind,
        old_index,
        new_index,
        status: if deleted {
            Status::Deleted
        } else {
            Status::Added
        },
        old_number,
        new_number,
        old_id,
        new_id,
        old_heading,
        new_heading,
        renumbered: false,
        moved: false,
        similarity: 0.0,
        split_from: if deleted { None } else { container.clone() },
        merged_into: if deleted { container } else { None },
        flags: carried.flags,
        values: carried.values,
        clauses: unit.lines.iter().map(|l| whole_line(l, op)).collect(),
    }
}

/// The flags between the lines of an article deleted into another (`deleted`) or added out of another, and
/// the lines of that other article they became or came from: each line with the most similar line there,
/// when they are alike enough to be one clause reworded.
fn carried_findings(
    unit: &Unit,
    other: &Unit,
    deleted: bool,
    (identity, deadline): (&Identity, Option<Instant>),
) -> Findings {
    let mut findings = Findings::default();
    let prints: Vec<Fingerprint> = other
        .lines
        .iter()
        .map(|l| Fingerprint::of(&l.text))
        .collect();
    for line in &unit.lines {
        let print = Fingerprint::of(&line.text);
        let best = prints
            .iter()
            .enumerate()
            .map(|(i, p)| (i, print.similarity(p).max(print.word_similarity(p))))
            .filter(|(_, s)| *s >= 0.5)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        let Some((i, _)) = best else {
            continue;
        };
        let twin = &other.lines[i];
        if twin.text == line.text {
            continue;
        }
        let (old, new) = if deleted { (line, twin) } else { (twin, line) };
        let changes = word_diff_until(&old.text, &new.text, deadline).changes;
        let references = (identity.find_old(&old.text), identity.find_new(&new.text));
        findings.extend(flags::clause_findings(
            &old.text,
            &new.text,
            &changes,
            (&references.0, &references.1),
        ));
    }
    findings
}

/// The unit of `others` (among `candidates`: each with its counterpart in `own`, in ascending order) that
/// contains most of `print`'s text, if it holds at least half and the text is not already in its
/// counterpart: a deleted article went into an article that gained its words, not into one that merely
/// shares boilerplate with it ("The employer shall pay … per month").
fn best_container(
    print: &Fingerprint,
    (own, others): (&[Unit], &[Unit]),
    candidates: &[(usize, usize)],
) -> Option<usize> {
    candidates
        .iter()
        .map(|&(i, counterpart)| {
            let share = print.contained_in(&others[i].print);
            let before = print.contained_in(&own[counterpart].print);
            (i, share, share - before)
        })
        .filter(|(_, share, gained)| *share >= 0.5 && *gained >= 0.25)
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(i, _, _)| i)
}

/// Pairs the lines of a replaced block by similarity, keeping their order; the rest are added or deleted.
fn pair_block(
    old: &[Line],
    new: &[Line],
    o0: usize,
    n0: usize,
) -> Vec<(Option<usize>, Option<usize>)> {
    let old_prints: Vec<Fingerprint> = old.iter().map(|l| Fingerprint::of(&l.text)).collect();
    let new_prints: Vec<Fingerprint> = new.iter().map(|l| Fingerprint::of(&l.text)).collect();
    let mut out = Vec::new();
    let mut next_old = 0;
    for (j, np) in new_prints.iter().enumerate() {
        let best = (next_old..old.len())
            .map(|i| {
                (
                    i,
                    old_prints[i]
                        .similarity(np)
                        .max(old_prints[i].word_similarity(np))
                        + if old[i].label == new[j].label {
                            0.1
                        } else {
                            0.0
                        },
                )
            })
            .filter(|(_, s)| *s >= 0.3)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        match best {
            Some((i, _)) => {
                out.extend((next_old..i).map(|k| (Some(o0 + k), None)));
                out.push((Some(o0 + i), Some(n0 + j)));
                next_old = i + 1;
            }
            None => out.push((None, Some(n0 + j))),
        }
    }
    out.extend((next_old..old.len()).map(|k| (Some(o0 + k), None)));
    out
}
/// `cross-reference-changed`: the references of a clause pair differ.
pub(crate) fn reference_changes(
    before: &[crossref::Reference],
    after: &[crossref::Reference],
    (old, new): (&str, &str),
    findings: &mut Findings,
) {
    let show = |text: &str, r: &crossref::Reference| text[r.range.clone()].to_string();
    let key = |r: &crossref::Reference| (r.article.clone(), r.paragraph.clone(), r.point.clone());
    let before_keys: Vec<_> = before.iter().map(key).collect();
    let after_keys: Vec<_> = after.iter().map(key).collect();
    if before_keys == after_keys {
        return;
    }
    let gone: Vec<&crossref::Reference> = before
        .iter()
        .filter(|r| !after_keys.contains(&key(r)))
        .collect();
    let came: Vec<&crossref::Reference> = after
        .iter()
        .filter(|r| !before_keys.contains(&key(r)))
        .collect();
    for i in 0..gone.len().max(came.len()) {
        findings.add(
            Flag::CrossReferenceChanged,
            gone.get(i).map(|r| show(old, r)).unwrap_or_default(),
            came.get(i).map(|r| show(new, r)).unwrap_or_default(),
        );
    }
}
