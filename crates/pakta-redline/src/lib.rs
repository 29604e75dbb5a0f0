//! pakta-redline: a redline between two drafts that matches articles by identity, not by number, and tells
//! a negotiator what changed in their terms; and consistency checks between language versions.
//!
//! Articles of OLD and NEW are matched by content ([`align`]); inside a matched pair, clauses are aligned
//! in order and diffed word by word (always with a deadline); [`flags`] reads each change for its meaning.
//! Like every analysis crate, this one does no I/O.

pub mod align;
pub mod document;
pub mod flags;
pub mod parallel;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::time::{Duration, Instant};

use pakta_core::diff::{Change, ChangeOp, SequenceOp, align_keys, word_diff_until};
use pakta_core::{Agreement, Article, Clause, crossref};

use align::{Fingerprint, Pair, Sides, in_order, match_items};
pub use flags::{Findings, Flag, ValueChange};

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
    /// The label as printed in NEW (or OLD for a deleted clause): "(1)", "(a)".
    pub label: Option<String>,
    pub depth: usize,
    pub changed: bool,
    pub changes: Vec<Change>,
    /// A deadline cut this clause's word diff short: the changes are right but coarser than they could be.
    pub cut_short: bool,
}

/// One article of the redline.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleRedline {
    pub status: Status,
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

impl ArticleRedline {
    /// The whole article as one word diff, clause after clause (labels included), one clause per line.
    pub fn changes(&self) -> Vec<Change> {
        let mut out: Vec<Change> = Vec::new();
        let mut push = |op: ChangeOp, text: &str| match out.last_mut() {
            Some(last) if last.op == op => last.text.push_str(text),
            _ => out.push(Change {
                op,
                text: text.to_string(),
            }),
        };
        for (i, clause) in self.clauses.iter().enumerate() {
            let whole = if clause.old.is_none() {
                Some(ChangeOp::Insert)
            } else if clause.new.is_none() {
                Some(ChangeOp::Delete)
            } else {
                None
            };
            let separator = if i == 0 { "" } else { "\n" };
            match whole {
                Some(op) => {
                    push(ChangeOp::Equal, separator);
                    let text: String = clause.changes.iter().map(|c| c.text.as_str()).collect();
                    let label = clause
                        .label
                        .as_deref()
                        .map(|l| format!("{l} "))
                        .unwrap_or_default();
                    push(op, &format!("{label}{text}"));
                }
                None => {
                    let label = clause
                        .label
                        .as_deref()
                        .map(|l| format!("{l} "))
                        .unwrap_or_default();
                    push(ChangeOp::Equal, &format!("{separator}{label}"));
                    for change in &clause.changes {
                        push(change.op, &change.text);
                    }
                }
            }
        }
        out
    }
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
    /// The article it meant, by identity, now that numbers moved; `None` when the target is simply gone.
    pub meant: Option<String>,
}

/// Counts for the summary line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub added: usize,
    pub deleted: usize,
    pub modified: usize,
    pub moved: usize,
    pub renumbered: usize,
    pub unchanged: usize,
    pub flags: BTreeMap<Flag, usize>,
    /// Clause diffs that a deadline cut short (shown coarser than they could be).
    pub cut_short: usize,
}

/// The redline between two drafts.
#[derive(Debug, Clone, PartialEq)]
pub struct Redline {
    pub old_articles: usize,
    pub new_articles: usize,
    /// In NEW's order; a deleted article follows the NEW article matched to its OLD predecessor.
    pub articles: Vec<ArticleRedline>,
    pub references: Vec<ReferenceProblem>,
    pub summary: Summary,
}

impl Redline {
    /// Whether the drafts differ at all (the diff(1)-style exit code). Reference problems are reported
    /// but do not count: a stale reference needs a renumbered article (already a difference), and a
    /// reference to a missing article in two identical drafts was already broken in OLD.
    pub fn has_differences(&self) -> bool {
        self.articles
            .iter()
            .any(|a| a.status != Status::Unchanged || a.renumbered || a.moved)
    }
}

fn number_key(article: &Article) -> String {
    format!(
        "{}:{}",
        article.sequence,
        pakta_core::lexicon::fold(&article.number)
    )
}

fn heading_print(article: &Article) -> Fingerprint {
    Fingerprint::of(article.heading.as_deref().unwrap_or_default())
}

/// Text normalised as the options say, for deciding whether two texts are the same.
fn normalise(text: &str, options: &Options) -> String {
    let mut out: String = if options.ignore_punctuation {
        text.chars()
            .map(|c| {
                if c.is_alphanumeric() || c.is_whitespace() {
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

/// Replaces each cross-reference's article number with the identity of its target (the matched pair), so
/// that a reference that only follows its target's renumbering reads the same on both sides.
fn references_by_identity(text: &str, numbers: &HashMap<String, usize>) -> String {
    let mut out = String::new();
    let mut last = 0;
    for reference in crossref::find(text) {
        let Some(article) = &reference.article else {
            continue;
        };
        out.push_str(&text[last..reference.range.start]);
        match numbers.get(&pakta_core::lexicon::fold(article)) {
            Some(pair) => out.push_str(&format!("\u{27e8}article #{pair}\u{27e9}")),
            None => out.push_str(&text[reference.range.clone()]),
        }
        if let Some(p) = &reference.paragraph {
            out.push_str(&format!("\u{27e8}{p}\u{27e9}"));
        }
        last = reference.range.end;
    }
    out.push_str(&text[last..]);
    out
}

struct Flat<'a> {
    clause: &'a Clause,
    depth: usize,
}

fn flatten(article: &Article) -> Vec<Flat<'_>> {
    let mut out = Vec::new();
    let mut stack: Vec<(&Clause, usize)> = article.clauses.iter().rev().map(|c| (c, 0)).collect();
    while let Some((clause, depth)) = stack.pop() {
        out.push(Flat { clause, depth });
        stack.extend(clause.children.iter().rev().map(|c| (c, depth + 1)));
    }
    out
}

/// How long all the clause diffs of one redline may take together.
pub const REDLINE_BUDGET: Duration = Duration::from_secs(10);

/// Builds the redline of `old` → `new`.
pub fn redline(old: &Agreement, new: &Agreement, options: &Options) -> Redline {
    // Each clause diff has its own deadline; this one bounds them all, so a thousand pathological clauses
    // cannot add up to minutes. Past it, the remaining diffs come back coarse at once (and say so).
    let deadline = Instant::now().checked_add(REDLINE_BUDGET);
    let old_prints: Vec<Fingerprint> = old
        .articles
        .iter()
        .map(|a| Fingerprint::of(&a.text()))
        .collect();
    let new_prints: Vec<Fingerprint> = new
        .articles
        .iter()
        .map(|a| Fingerprint::of(&a.text()))
        .collect();
    let old_headings: Vec<Fingerprint> = old.articles.iter().map(heading_print).collect();
    let new_headings: Vec<Fingerprint> = new.articles.iter().map(heading_print).collect();
    let old_keys: Vec<String> = old.articles.iter().map(number_key).collect();
    let new_keys: Vec<String> = new.articles.iter().map(number_key).collect();
    let pairs = match_items(&Sides {
        old: &old_prints,
        new: &new_prints,
        old_headings: &old_headings,
        new_headings: &new_headings,
        old_keys: &old_keys,
        new_keys: &new_keys,
    });
    let ordered = in_order(&pairs);

    // Article numbers → pair identity, per side, for reading references.
    let new_numbers = article_numbers(new);
    let mut old_identity: HashMap<String, usize> = HashMap::new();
    let mut new_identity: HashMap<String, usize> = HashMap::new();
    for (i, pair) in pairs.iter().enumerate() {
        old_identity
            .entry(pakta_core::lexicon::fold(&old.articles[pair.old].number))
            .or_insert(i);
        new_identity
            .entry(pakta_core::lexicon::fold(&new.articles[pair.new].number))
            .or_insert(i);
    }
    let new_of_old: HashMap<usize, (usize, f64, bool)> = pairs
        .iter()
        .zip(&ordered)
        .map(|(p, keep)| (p.old, (p.new, p.similarity, !keep)))
        .collect();
    let old_of_new: HashMap<usize, usize> = pairs.iter().map(|p| (p.new, p.old)).collect();

    let mut articles: Vec<ArticleRedline> = Vec::new();
    let mut references = Vec::new();
    // Deleted OLD articles, keyed by the NEW index they follow (None: before the first).
    let mut deleted_after: BTreeMap<Option<usize>, Vec<usize>> = BTreeMap::new();
    let mut previous_new: Option<usize> = None;
    for (o, _) in old.articles.iter().enumerate() {
        match new_of_old.get(&o) {
            Some((n, _, _)) => previous_new = Some(*n),
            None => deleted_after.entry(previous_new).or_default().push(o),
        }
    }
    let deleted_article = |o: usize| -> ArticleRedline {
        let article = &old.articles[o];
        let merged_into = best_container(
            &old_prints[o],
            &new_prints,
            &old_of_new.keys().copied().collect::<Vec<_>>(),
        )
        .map(|n| new.articles[n].number.clone());
        ArticleRedline {
            status: Status::Deleted,
            old_number: Some(article.number.clone()),
            new_number: None,
            old_id: Some(article.id.clone()),
            new_id: None,
            old_heading: article.heading.clone(),
            new_heading: None,
            renumbered: false,
            moved: false,
            similarity: 0.0,
            split_from: None,
            merged_into,
            flags: Vec::new(),
            values: Vec::new(),
            clauses: flatten(article)
                .into_iter()
                .map(|f| ClauseRedline {
                    old: Some(f.clause.id.clone()),
                    new: None,
                    label: f.clause.label.clone(),
                    depth: f.depth,
                    changed: true,
                    changes: vec![Change {
                        op: ChangeOp::Delete,
                        text: f.clause.text.clone(),
                    }],
                    cut_short: false,
                })
                .collect(),
        }
    };
    for o in deleted_after.get(&None).into_iter().flatten() {
        articles.push(deleted_article(*o));
    }
    for (n, article) in new.articles.iter().enumerate() {
        match old_of_new.get(&n) {
            Some(&o) => {
                let (_, similarity, moved) = new_of_old[&o];
                let (redline, problems) = matched_article(
                    &old.articles[o],
                    article,
                    similarity,
                    moved,
                    options,
                    &Identity {
                        old: &old_identity,
                        new: &new_identity,
                        pairs: &pairs,
                        new_doc: new,
                        new_numbers: &new_numbers,
                    },
                    deadline,
                );
                articles.push(redline);
                references.extend(problems);
            }
            None => {
                let matched_old: Vec<usize> = new_of_old.keys().copied().collect();
                let split_from = best_container(&new_prints[n], &old_prints, &matched_old)
                    .map(|o| old.articles[o].number.clone());
                articles.push(ArticleRedline {
                    status: Status::Added,
                    old_number: None,
                    new_number: Some(article.number.clone()),
                    old_id: None,
                    new_id: Some(article.id.clone()),
                    old_heading: None,
                    new_heading: article.heading.clone(),
                    renumbered: false,
                    moved: false,
                    similarity: 0.0,
                    split_from,
                    merged_into: None,
                    flags: Vec::new(),
                    values: Vec::new(),
                    clauses: flatten(article)
                        .into_iter()
                        .map(|f| ClauseRedline {
                            old: None,
                            new: Some(f.clause.id.clone()),
                            label: f.clause.label.clone(),
                            depth: f.depth,
                            changed: true,
                            changes: vec![Change {
                                op: ChangeOp::Insert,
                                text: f.clause.text.clone(),
                            }],
                            cut_short: false,
                        })
                        .collect(),
                });
                // References in an added article can only be checked for existence.
                for f in flatten(article) {
                    let found = crossref::find(&f.clause.text);
                    references.extend(broken_references(f.clause, &found, article, &new_numbers));
                }
            }
        }
        for o in deleted_after.get(&Some(n)).into_iter().flatten() {
            articles.push(deleted_article(*o));
        }
    }

    let mut summary = Summary::default();
    for a in &articles {
        match a.status {
            Status::Added => summary.added += 1,
            Status::Deleted => summary.deleted += 1,
            Status::Modified => summary.modified += 1,
            Status::Unchanged => summary.unchanged += 1,
        }
        summary.cut_short += a.clauses.iter().filter(|c| c.cut_short).count();
        summary.moved += usize::from(a.moved);
        summary.renumbered += usize::from(a.renumbered);
        for flag in &a.flags {
            *summary.flags.entry(*flag).or_insert(0) += 1;
        }
    }
    Redline {
        old_articles: old.articles.len(),
        new_articles: new.articles.len(),
        articles,
        references,
        summary,
    }
}

/// The article (among `candidates`) that contains most of `print`'s text, if it holds at least half.
fn best_container(
    print: &Fingerprint,
    others: &[Fingerprint],
    candidates: &[usize],
) -> Option<usize> {
    let mut sorted = candidates.to_vec();
    sorted.sort_unstable();
    sorted
        .into_iter()
        .map(|i| (i, print.contained_in(&others[i])))
        .filter(|(_, share)| *share >= 0.5)
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(i, _)| i)
}

struct Identity<'a> {
    old: &'a HashMap<String, usize>,
    new: &'a HashMap<String, usize>,
    pairs: &'a [Pair],
    new_doc: &'a Agreement,
    /// NEW's article numbers (numbering sequence, folded number), to tell at once whether a reference's
    /// target exists.
    new_numbers: &'a HashSet<(usize, String)>,
}

fn article_numbers(doc: &Agreement) -> HashSet<(usize, String)> {
    doc.articles
        .iter()
        .map(|a| (a.sequence, pakta_core::lexicon::fold(&a.number)))
        .collect()
}

fn clause_key(clause: &Clause, options: &Options, numbers: &HashMap<String, usize>) -> String {
    let text = if options.ignore_numbering {
        references_by_identity(&clause.text, numbers)
    } else {
        clause.text.clone()
    };
    let text = normalise(&text, options);
    if options.ignore_numbering {
        text
    } else {
        format!(
            "{}\u{1f}{text}",
            clause.label.as_deref().unwrap_or_default()
        )
    }
}

fn matched_article(
    old: &Article,
    new: &Article,
    similarity: f64,
    moved: bool,
    options: &Options,
    identity: &Identity,
    deadline: Option<Instant>,
) -> (ArticleRedline, Vec<ReferenceProblem>) {
    let old_flat = flatten(old);
    let new_flat = flatten(new);
    let old_keys: Vec<String> = old_flat
        .iter()
        .map(|f| clause_key(f.clause, options, identity.old))
        .collect();
    let new_keys: Vec<String> = new_flat
        .iter()
        .map(|f| clause_key(f.clause, options, identity.new))
        .collect();

    // Aligned clause pairs in order: (old index, new index).
    let mut aligned: Vec<(Option<usize>, Option<usize>)> = Vec::new();
    for op in align_keys(&old_keys, &new_keys) {
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
                aligned.extend(pair_block(
                    &old_flat[o..o + old_len],
                    &new_flat[n..n + new_len],
                    o,
                    n,
                ));
            }
        }
    }

    let mut findings = Findings::default();
    let mut clauses = Vec::new();
    let mut problems = Vec::new();
    let mut any_change = false;
    for (o, n) in aligned {
        match (o, n) {
            (Some(o), Some(n)) => {
                let (before, after) = (old_flat[o].clause, new_flat[n].clause);
                let same = old_keys[o] == new_keys[n];
                let (changes, cut_short) = if same {
                    let equal = Change {
                        op: ChangeOp::Equal,
                        text: after.text.clone(),
                    };
                    (vec![equal], false)
                } else {
                    let diff = word_diff_until(&before.text, &after.text, deadline);
                    (diff.changes, diff.cut_short)
                };
                if !same {
                    any_change = true;
                    findings.extend(flags::clause_findings(&before.text, &after.text, &changes));
                    reference_changes(&before.text, &after.text, &mut findings);
                }
                problems.extend(stale_references(before, after, new, identity));
                clauses.push(ClauseRedline {
                    old: Some(before.id.clone()),
                    new: Some(after.id.clone()),
                    label: after.label.clone(),
                    depth: new_flat[n].depth,
                    changed: !same,
                    changes,
                    cut_short,
                });
            }
            (Some(o), None) => {
                any_change = true;
                let clause = old_flat[o].clause;
                clauses.push(ClauseRedline {
                    old: Some(clause.id.clone()),
                    new: None,
                    label: clause.label.clone(),
                    depth: old_flat[o].depth,
                    changed: true,
                    changes: vec![Change {
                        op: ChangeOp::Delete,
                        text: clause.text.clone(),
                    }],
                    cut_short: false,
                });
            }
            (None, Some(n)) => {
                any_change = true;
                let clause = new_flat[n].clause;
                let found = crossref::find(&clause.text);
                problems.extend(broken_references(clause, &found, new, identity.new_numbers));
                clauses.push(ClauseRedline {
                    old: None,
                    new: Some(clause.id.clone()),
                    label: clause.label.clone(),
                    depth: new_flat[n].depth,
                    changed: true,
                    changes: vec![Change {
                        op: ChangeOp::Insert,
                        text: clause.text.clone(),
                    }],
                    cut_short: false,
                });
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
    let renumbered = pakta_core::lexicon::fold(&old.number)
        != pakta_core::lexicon::fold(&new.number)
        || old.sequence != new.sequence;
    (
        ArticleRedline {
            status: if any_change || heading_changed {
                Status::Modified
            } else {
                Status::Unchanged
            },
            old_number: Some(old.number.clone()),
            new_number: Some(new.number.clone()),
            old_id: Some(old.id.clone()),
            new_id: Some(new.id.clone()),
            old_heading: old.heading.clone(),
            new_heading: new.heading.clone(),
            renumbered,
            moved,
            similarity: (similarity * 100.0).round() / 100.0,
            split_from: None,
            merged_into: None,
            flags,
            values: findings.values,
            clauses,
        },
        problems,
    )
}

/// Pairs the clauses of a replaced block by similarity, keeping their order; the rest are added or deleted.
fn pair_block(
    old: &[Flat],
    new: &[Flat],
    o0: usize,
    n0: usize,
) -> Vec<(Option<usize>, Option<usize>)> {
    let old_prints: Vec<Fingerprint> = old
        .iter()
        .map(|f| Fingerprint::of(&f.clause.text))
        .collect();
    let new_prints: Vec<Fingerprint> = new
        .iter()
        .map(|f| Fingerprint::of(&f.clause.text))
        .collect();
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
                        + if old[i].clause.label == new[j].clause.label {
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
fn reference_changes(old: &str, new: &str, findings: &mut Findings) {
    let show = |text: &str, r: &crossref::Reference| text[r.range.clone()].to_string();
    let before: Vec<crossref::Reference> = crossref::find(old);
    let after: Vec<crossref::Reference> = crossref::find(new);
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

/// References in a NEW clause whose text is unchanged from OLD but whose target was renumbered: they now
/// point at another article. Also references to articles NEW does not have.
fn stale_references(
    old_clause: &Clause,
    new_clause: &Clause,
    new_article: &Article,
    identity: &Identity,
) -> Vec<ReferenceProblem> {
    // Finding references segments the text into words; an unchanged clause (most of them) needs it once.
    let after = crossref::find(&new_clause.text);
    let before = if old_clause.text == new_clause.text {
        after.clone()
    } else {
        crossref::find(&old_clause.text)
    };
    let mut problems = broken_references(new_clause, &after, new_article, identity.new_numbers);
    for reference in after {
        let Some(target) = &reference.article else {
            continue;
        };
        let folded = pakta_core::lexicon::fold(target);
        let kept = before
            .iter()
            .any(|r| r.article.as_deref().map(pakta_core::lexicon::fold) == Some(folded.clone()));
        if !kept {
            continue;
        }
        // In OLD this number named the article of pair `p`; where is that article now?
        let Some(&p) = identity.old.get(&folded) else {
            continue;
        };
        let now = &identity.new_doc.articles[identity.pairs[p].new].number;
        if pakta_core::lexicon::fold(now) != folded {
            problems.push(ReferenceProblem {
                clause: new_clause.id.clone(),
                article: new_article.number.clone(),
                text: new_clause.text[reference.range.clone()].to_string(),
                target: target.clone(),
                meant: Some(now.clone()),
            });
        }
    }
    problems
}

fn broken_references(
    clause: &Clause,
    found: &[crossref::Reference],
    article: &Article,
    numbers: &HashSet<(usize, String)>,
) -> Vec<ReferenceProblem> {
    found
        .iter()
        .filter_map(|reference| {
            let target = reference.article.clone()?;
            let folded = pakta_core::lexicon::fold(&target);
            let exists = numbers.contains(&(article.sequence, folded));
            (!exists).then(|| ReferenceProblem {
                clause: clause.id.clone(),
                article: article.number.clone(),
                text: clause.text[reference.range.clone()].to_string(),
                target,
                meant: None,
            })
        })
        .collect()
}
