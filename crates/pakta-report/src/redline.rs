//! Redline reports for `pakta diff` (terminal, CriticMarkup Markdown, JSON contract) and the `pakta
//! parallel` report.

use std::fmt::Write as _;

use pakta_core::diff::{Change, ChangeOp};
use pakta_redline::parallel::Parallel;
use pakta_redline::{ClauseRedline, EntryKind, EntryRedline, Flag, Redline, Status};
use serde::Serialize;

use crate::coverage::{Subject, to_json};
use crate::style::{Style, critic_markup, escape_markdown, inline_diff};

/// "3 modified, 1 moved, 12 renumbered, 1 added, 1 deleted; flags: 1 modal-weakened, 2 number-changed".
pub fn summary_line(redline: &Redline) -> String {
    let s = &redline.summary;
    let mut line = format!(
        "{} modified, {} moved, {} renumbered, {} added, {} deleted, {} unchanged",
        s.modified, s.moved, s.renumbered, s.added, s.deleted, s.unchanged
    );
    if s.moved_lines > 0 {
        let _ = write!(
            line,
            ", {} paragraph{} moved between articles",
            s.moved_lines,
            if s.moved_lines == 1 { "" } else { "s" }
        );
    }
    if !s.flags.is_empty() {
        let flags: Vec<String> = s
            .flags
            .iter()
            .map(|(f, n)| format!("{n} {}", f.as_str()))
            .collect();
        line.push_str("; flags: ");
        line.push_str(&flags.join(", "));
    }
    if let Some(parts) = parts_line(redline) {
        line.push_str("; ");
        line.push_str(&parts);
    }
    line
}

/// "outside articles: front matter, closing formula changed" — the parts outside articles that differ, so
/// the summary never reads as "no differences" when only the preamble, a date or the closing changed.
pub fn parts_line(redline: &Redline) -> Option<String> {
    let changed = &redline.summary.parts.changed;
    if changed.is_empty() {
        return None;
    }
    let names: Vec<String> = changed
        .iter()
        .map(|k| match k {
            EntryKind::Division => "division headings or text".to_string(),
            EntryKind::Text => "text blocks".to_string(),
            k => k.label().to_lowercase(),
        })
        .collect();
    Some(format!("outside articles: {} changed", names.join(", ")))
}

/// How a reader names an entry's number: "Article 5", "Chapter II", "Preamble".
pub fn entry_number(noun: &str, a: &EntryRedline, number: Option<&str>) -> String {
    match (a.kind, number) {
        (EntryKind::Article, Some(n)) => format!("{noun} {n}"),
        (EntryKind::Division, Some(n)) => n.to_string(),
        (EntryKind::Division, None) => "Heading".to_string(),
        (EntryKind::Text, _) => format!(
            "Text block {}",
            a.new_index.or(a.old_index).map_or(0, |i| i + 1)
        ),
        (kind, _) => kind.label().to_string(),
    }
}

/// Where a line moved between articles went or came from: "moved to Article 7 as (5)", "moved from
/// Article 6 (3), reworded".
pub fn relocation_note(redline: &Redline, clause: &ClauseRedline) -> Option<String> {
    let relocation = clause.relocation.as_ref()?;
    let other = &redline.entries[relocation.entry];
    let (to, number) = relocation_place(redline, clause)?;
    let place = entry_number(&redline.noun_for(other), other, number);
    // "(5)", whether the label is written "5.", "5" or "(5)".
    let label = relocation
        .label
        .as_deref()
        .map(|l| l.trim_matches(|c| c == '(' || c == ')' || c == '.'))
        .filter(|l| !l.is_empty())
        .map(|l| format!(" ({l})"))
        .unwrap_or_default();
    Some(if to {
        format!("moved to {place}{label}")
    } else if relocation.reworded() {
        format!("moved from {place}{label}, reworded")
    } else {
        format!("moved from {place}{label}, unchanged")
    })
}

/// Whether a moved line went out of its entry (`true`) or came into it, and the number of the entry on
/// the other side as that side prints it (NEW's for a line moved out, OLD's for one moved in).
fn relocation_place<'r>(
    redline: &'r Redline,
    clause: &ClauseRedline,
) -> Option<(bool, Option<&'r str>)> {
    let other = &redline.entries[clause.relocation.as_ref()?.entry];
    let to = clause.only() == Some(ChangeOp::Delete);
    let number = if to {
        other.new_number.as_deref()
    } else {
        other.old_number.as_deref()
    };
    Some((to, number))
}

/// A moved line's text on the side it moved into: the word diff from its OLD text when it was reworded,
/// the plain text when not; `None` for any other line.
fn moved_in(clause: &ClauseRedline) -> Option<&[Change]> {
    let relocation = clause.relocation.as_ref()?;
    (clause.only() == Some(ChangeOp::Insert)).then_some(relocation.changes.as_slice())
}

/// When deadlines cut clause diffs short, the sentence saying so and where, so no one reads a coarse
/// redline as a precise one.
pub fn precision_note(redline: &Redline) -> Option<String> {
    let n = redline.summary.cut_short;
    if n == 0 {
        return None;
    }
    let places: Vec<String> = redline
        .entries
        .iter()
        .filter(|a| a.clauses.iter().any(|c| c.cut_short))
        .map(|a| {
            entry_number(
                &redline.noun_for(a),
                a,
                a.new_number.as_deref().or(a.old_number.as_deref()),
            )
        })
        .collect();
    let shown: Vec<&str> = places.iter().take(10).map(String::as_str).collect();
    let more = if places.len() > shown.len() {
        format!(" and {} more", places.len() - shown.len())
    } else {
        String::new()
    };
    Some(format!(
        "precision: a deadline ({} ms per clause, {} s per redline) cut {n} clause diff{} short, in {}{more}; \
         those changes are correct but shown coarser (larger deletions and insertions) than a full diff would show",
        pakta_core::diff::DIFF_TIMEOUT.as_millis(),
        pakta_redline::REDLINE_BUDGET.as_secs(),
        if n == 1 { "" } else { "s" },
        shown.join(", "),
    ))
}

/// The entry's title line; `changed` marks a heading that changed (old, new) in the format's own way.
pub(crate) fn title(
    noun: &str,
    a: &EntryRedline,
    mut changed: impl FnMut(&str, &str) -> String,
) -> String {
    let numbers = match (&a.old_number, &a.new_number) {
        (Some(o), Some(n)) if o == n => entry_number(noun, a, Some(n)),
        (Some(o), Some(n)) if a.kind == EntryKind::Article => format!("{noun} {o} \u{2192} {n}"),
        (Some(o), Some(n)) => format!("{o} \u{2192} {n}"),
        (o, n) => entry_number(noun, a, n.as_deref().or(o.as_deref())),
    };
    let mut badges = vec![a.status.as_str().to_string()];
    if a.moved {
        badges.push("moved".into());
    }
    if a.renumbered {
        badges.push("renumbered".into());
    }
    if let Some(from) = &a.split_from {
        badges.push(format!("split from {noun} {from}"));
    }
    if let Some(into) = &a.merged_into {
        badges.push(format!("merged into {noun} {into}"));
    }
    let heading = match (&a.old_heading, &a.new_heading) {
        (Some(o), Some(n)) if o != n => format!(" \u{2014} {}", changed(o, n)),
        (None, Some(n)) if a.status != Status::Added => format!(" \u{2014} {}", changed("", n)),
        (Some(o), None) if a.status != Status::Deleted => format!(" \u{2014} {}", changed(o, "")),
        (o, n) => n
            .as_ref()
            .or(o.as_ref())
            .map(|h| format!(" \u{2014} {h}"))
            .unwrap_or_default(),
    };
    format!("{numbers}{heading}  [{}]", badges.join(", "))
}

/// What is wrong with a cross-reference, in words ("still names Article 6, which is now Article 7").
pub fn reference_problem(noun: &str, r: &pakta_redline::ReferenceProblem) -> String {
    use pakta_redline::{ReferenceFault, ReferenceLevel};
    // A paragraph of the reference's own article ("paragraph 1", *ayat (1)*).
    let noun = match r.level {
        ReferenceLevel::Article => noun,
        ReferenceLevel::Paragraph => "paragraph",
    };
    match (r.problem, &r.meant) {
        (ReferenceFault::Renumbered, Some(meant)) => match &r.meant_paragraph {
            // "Pasal 4 ayat (1)" of what is now Pasal 6, where a new paragraph (1) was put above it.
            Some(paragraph) => format!(
                "still names {noun} {}, which is now {noun} {meant}, and its paragraph is now paragraph {paragraph}",
                r.target
            ),
            None => format!(
                "still names {noun} {}, which is now {noun} {meant}",
                r.target
            ),
        },
        (ReferenceFault::Deleted, _) => format!("names {noun} {}, which was deleted", r.target),
        (ReferenceFault::Reused, _) => format!(
            "still names {noun} {}, which was deleted; {noun} {} is now a different {}",
            r.target,
            r.target,
            noun.to_lowercase()
        ),
        _ => format!("names {noun} {}, which does not exist", r.target),
    }
}

pub(crate) fn value_lines(a: &EntryRedline) -> Vec<String> {
    a.values
        .iter()
        .map(|v| {
            let show = |s: &str| {
                if s.is_empty() {
                    "\u{2013}".to_string()
                } else {
                    format!("\u{201c}{s}\u{201d}")
                }
            };
            format!(
                "{}: {} \u{2192} {}",
                v.flag.as_str(),
                show(&v.old),
                show(&v.new)
            )
        })
        .collect()
}

/// The title line in Markdown: everything escaped except the CriticMarkup of a changed heading.
fn title_markdown(noun: &str, a: &EntryRedline, changed: impl Fn(&str, &str) -> String) -> String {
    // Markers that escaping leaves alone and agreement text cannot contain (private-use characters,
    // removed from the text below), so the escaped title can take the markup back in.
    const OPEN: char = '\u{e000}';
    const CLOSE: char = '\u{e001}';
    let clean = |s: &str| s.replace([OPEN, CLOSE], "");
    let mut marks: Vec<String> = Vec::new();
    let line = title(noun, a, |o, n| {
        marks.push(changed(&clean(o), &clean(n)));
        format!("{OPEN}{}{CLOSE}", marks.len() - 1)
    });
    let mut out = String::new();
    let escaped = escape_markdown(&line);
    let mut rest = escaped.as_str();
    while let Some(start) = rest.find(OPEN) {
        out.push_str(&rest[..start]);
        let after = &rest[start + OPEN.len_utf8()..];
        let end = after.find(CLOSE).unwrap_or(after.len());
        let index: usize = after[..end].parse().unwrap_or(usize::MAX);
        out.push_str(marks.get(index).map_or("", String::as_str));
        rest = &after[(end + CLOSE.len_utf8()).min(after.len())..];
    }
    out.push_str(rest);
    out
}

fn shown(a: &EntryRedline) -> bool {
    a.status != Status::Unchanged || a.moved
}

/// The terminal redline: summary, reference problems, renumbered-only articles in one line, then each
/// changed article with `context` unchanged clauses around each change.
pub fn text(
    old: &Subject,
    new: &Subject,
    redline: &Redline,
    style: Style,
    context: usize,
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} \u{2192} {}", old.path, new.path);
    let _ = writeln!(out, "{}", style.paint("1", &summary_line(redline)));
    if let Some(note) = precision_note(redline) {
        let _ = writeln!(out, "{}", style.paint("33", &note));
    }
    if !redline.references.is_empty() {
        out.push('\n');
        for r in &redline.references {
            let problem = reference_problem(redline.noun, r);
            let _ = writeln!(
                out,
                "{} {} {} ({}): \u{201c}{}\u{201d} {problem}",
                style.paint("1;31", "reference:"),
                redline.noun,
                r.article,
                r.clause,
                r.text
            );
        }
    }
    let renumbered: Vec<String> = redline
        .articles()
        .filter(|a| !shown(a) && a.renumbered)
        .map(|a| {
            format!(
                "{}\u{2192}{}",
                a.old_number.as_deref().unwrap_or("?"),
                a.new_number.as_deref().unwrap_or("?")
            )
        })
        .collect();
    if !renumbered.is_empty() {
        let _ = writeln!(
            out,
            "\nrenumbered, text unchanged: {}",
            renumbered.join(", ")
        );
    }
    for a in redline.entries.iter().filter(|a| shown(a)) {
        let changed = |o: &str, n: &str| {
            let mut runs = Vec::new();
            for (op, text) in [(ChangeOp::Delete, o), (ChangeOp::Insert, n)] {
                if !text.is_empty() {
                    runs.push(Change {
                        op,
                        text: text.to_string(),
                    });
                }
            }
            inline_diff(&runs, style)
        };
        let _ = writeln!(
            out,
            "\n{}",
            style.paint("1", &title(&redline.noun_for(a), a, changed))
        );
        for line in value_lines(a) {
            let _ = writeln!(out, "  {}", style.paint("33", &line));
        }
        let changed: Vec<bool> = a.clauses.iter().map(|c| c.changed).collect();
        let mut elided = false;
        for (i, clause) in a.clauses.iter().enumerate() {
            let near = (i.saturating_sub(context)
                ..=(i + context).min(changed.len().saturating_sub(1)))
                .any(|j| changed[j]);
            if !near {
                if !elided {
                    let _ = writeln!(out, "  \u{2026}");
                    elided = true;
                }
                continue;
            }
            elided = false;
            let indent = "  ".repeat(clause.depth + 1);
            let label = clause
                .label
                .as_deref()
                .map(|l| format!("{l} "))
                .unwrap_or_default();
            let body = match (clause.old.is_some(), clause.new.is_some()) {
                _ if moved_in(clause).is_some() => {
                    format!(
                        "{label}{}",
                        inline_diff(moved_in(clause).unwrap_or_default(), style)
                    )
                }
                (true, false) => style.paint(
                    "31;9",
                    &format!(
                        "[-{label}{}-]",
                        clause
                            .changes
                            .iter()
                            .map(|c| c.text.as_str())
                            .collect::<String>()
                    ),
                ),
                (false, true) => style.paint(
                    "32;4",
                    &format!(
                        "{{+{label}{}+}}",
                        clause
                            .changes
                            .iter()
                            .map(|c| c.text.as_str())
                            .collect::<String>()
                    ),
                ),
                _ if clause.old_label != clause.label => format!(
                    "{}{}",
                    inline_diff(&pakta_redline::relabel_changes(clause), style),
                    inline_diff(&clause.changes, style)
                ),
                _ => format!("{label}{}", inline_diff(&clause.changes, style)),
            };
            match relocation_note(redline, clause) {
                Some(note) => {
                    let _ = writeln!(
                        out,
                        "{indent}{body}  {}",
                        style.paint("36", &format!("({note})"))
                    );
                }
                None => {
                    let _ = writeln!(out, "{indent}{body}");
                }
            }
        }
    }
    out
}

/// Markdown with CriticMarkup, one section per changed article.
pub fn markdown(old: &Subject, new: &Subject, redline: &Redline) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Redline: {} \u{2192} {}\n\n**{}**\n",
        escape_markdown(old.title.unwrap_or(old.path)),
        escape_markdown(new.title.unwrap_or(new.path)),
        summary_line(redline)
    );
    if let Some(note) = precision_note(redline) {
        let _ = writeln!(out, "> **Note:** {}\n", escape_markdown(&note));
    }
    if !redline.references.is_empty() {
        out.push_str("## Cross-references to check\n\n");
        for r in &redline.references {
            let problem = escape_markdown(&reference_problem(redline.noun, r));
            let _ = writeln!(
                out,
                "- {} {}: \u{201c}{}\u{201d} {problem}",
                redline.noun,
                escape_markdown(&r.article),
                escape_markdown(&r.text)
            );
        }
        out.push('\n');
    }
    for a in redline.entries.iter().filter(|a| shown(a)) {
        // CriticMarkup in the heading itself: the title's other words are escaped piece by piece.
        let changed = |o: &str, n: &str| match (o.is_empty(), n.is_empty()) {
            (true, _) => format!("{{++{}++}}", escape_markdown(n)),
            (_, true) => format!("{{--{}--}}", escape_markdown(o)),
            _ => format!("{{~~{}~>{}~~}}", escape_markdown(o), escape_markdown(n)),
        };
        let _ = writeln!(
            out,
            "## {}\n",
            title_markdown(&redline.noun_for(a), a, changed)
        );
        for line in value_lines(a) {
            let _ = writeln!(out, "- {}", escape_markdown(&line));
        }
        if !a.values.is_empty() {
            out.push('\n');
        }
        for clause in &a.clauses {
            let label = clause
                .label
                .as_deref()
                .map(|l| format!("{} ", escape_markdown(l)))
                .unwrap_or_default();
            let body = match (clause.old.is_some(), clause.new.is_some()) {
                _ if moved_in(clause).is_some() => {
                    format!(
                        "{label}{}",
                        critic_markup(moved_in(clause).unwrap_or_default())
                    )
                }
                (true, false) => format!(
                    "{{--{label}{}--}}",
                    escape_markdown(
                        &clause
                            .changes
                            .iter()
                            .map(|c| c.text.as_str())
                            .collect::<String>()
                    )
                ),
                (false, true) => format!(
                    "{{++{label}{}++}}",
                    escape_markdown(
                        &clause
                            .changes
                            .iter()
                            .map(|c| c.text.as_str())
                            .collect::<String>()
                    )
                ),
                _ if clause.old_label != clause.label => format!(
                    "{}{}",
                    critic_markup(&pakta_redline::relabel_changes(clause)),
                    critic_markup(&clause.changes)
                ),
                _ => format!("{label}{}", critic_markup(&clause.changes)),
            };
            // CriticMarkup's comment says where a moved paragraph went or came from.
            let note = relocation_note(redline, clause)
                .map(|n| format!("{{>>{}<<}}", escape_markdown(&n)))
                .unwrap_or_default();
            let _ = writeln!(out, "{}{body}{note}\n", "  ".repeat(clause.depth));
        }
    }
    out
}

#[derive(Serialize)]
struct RedlineJson<'a> {
    old: SideJson<'a>,
    new: SideJson<'a>,
    articles: Vec<EntryJson<'a>>,
    /// Everything outside articles, in document order; `before_article` places each among `articles`.
    parts: Vec<EntryJson<'a>>,
    references: Vec<ReferenceJson<'a>>,
    summary: SummaryJson,
}

#[derive(Serialize)]
struct SideJson<'a> {
    path: &'a str,
    title: Option<&'a str>,
    articles: usize,
}

#[derive(Serialize)]
struct EntryJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'static str>,
    /// For a part: the index in `articles` of the article it stands before (`articles.len()`: after the
    /// last).
    #[serde(skip_serializing_if = "Option::is_none")]
    before_article: Option<usize>,
    status: &'static str,
    old_number: Option<&'a str>,
    new_number: Option<&'a str>,
    old_id: Option<&'a str>,
    new_id: Option<&'a str>,
    heading: Option<&'a str>,
    old_heading: Option<&'a str>,
    new_heading: Option<&'a str>,
    /// The entry's place among OLD's (NEW's) articles and parts, from 0; `null` on the side it is missing.
    old_position: Option<usize>,
    new_position: Option<usize>,
    renumbered: bool,
    moved: bool,
    similarity: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    split_from: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    merged_into: Option<&'a str>,
    flags: Vec<&'static str>,
    values: Vec<ValueJson<'a>>,
    changes: Vec<ChangeJson>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    moved_lines: Vec<MovedLineJson<'a>>,
}

#[derive(Serialize)]
struct MovedLineJson<'a> {
    clause: &'a str,
    label: Option<&'a str>,
    direction: &'static str,
    article: Option<&'a str>,
    other_clause: &'a str,
    other_label: Option<&'a str>,
    changes_in_move: Vec<ChangeJson>,
}

#[derive(Serialize)]
struct ValueJson<'a> {
    flag: &'static str,
    old: &'a str,
    new: &'a str,
}

#[derive(Serialize)]
struct ChangeJson {
    op: &'static str,
    text: String,
}

impl ChangeJson {
    fn of(change: &Change) -> ChangeJson {
        ChangeJson {
            op: change.op.as_str(),
            text: change.text.clone(),
        }
    }
}

#[derive(Serialize)]
struct ReferenceJson<'a> {
    clause: &'a str,
    article: &'a str,
    text: &'a str,
    target: &'a str,
    meant: Option<&'a str>,
    meant_paragraph: Option<&'a str>,
    problem: &'static str,
    level: &'static str,
}

#[derive(Serialize)]
struct SummaryJson {
    added: usize,
    deleted: usize,
    modified: usize,
    moved: usize,
    renumbered: usize,
    unchanged: usize,
    parts: PartsJson,
    flags: std::collections::BTreeMap<&'static str, usize>,
    moved_lines: usize,
    cut_short: usize,
}

#[derive(Serialize)]
struct PartsJson {
    added: usize,
    deleted: usize,
    modified: usize,
    unchanged: usize,
    /// The kinds of the parts that changed, in document order.
    changed: Vec<&'static str>,
}

fn entry_json<'a>(
    redline: &'a Redline,
    a: &'a EntryRedline,
    before_article: Option<usize>,
) -> EntryJson<'a> {
    EntryJson {
        kind: before_article.map(|_| a.kind.as_str()),
        before_article,
        status: a.status.as_str(),
        old_number: a.old_number.as_deref(),
        new_number: a.new_number.as_deref(),
        old_id: a.old_id.as_deref(),
        new_id: a.new_id.as_deref(),
        heading: a.new_heading.as_deref().or(a.old_heading.as_deref()),
        old_heading: a.old_heading.as_deref(),
        new_heading: a.new_heading.as_deref(),
        old_position: a.old_index,
        new_position: a.new_index,
        renumbered: a.renumbered,
        moved: a.moved,
        similarity: a.similarity,
        split_from: a.split_from.as_deref(),
        merged_into: a.merged_into.as_deref(),
        flags: a.flags.iter().map(|f| f.as_str()).collect(),
        values: a
            .values
            .iter()
            .map(|v| ValueJson {
                flag: v.flag.as_str(),
                old: &v.old,
                new: &v.new,
            })
            .collect(),
        changes: a.changes().iter().map(ChangeJson::of).collect(),
        moved_lines: a
            .clauses
            .iter()
            .filter_map(|clause| {
                let relocation = clause.relocation.as_ref()?;
                let (to, article) = relocation_place(redline, clause)?;
                Some(MovedLineJson {
                    clause: clause.old.as_deref().or(clause.new.as_deref())?,
                    label: clause.label.as_deref(),
                    direction: if to { "to" } else { "from" },
                    article,
                    other_clause: &relocation.id,
                    other_label: relocation.label.as_deref(),
                    changes_in_move: relocation.changes.iter().map(ChangeJson::of).collect(),
                })
            })
            .collect(),
    }
}

/// The JSON contract of `pakta diff --format json`.
pub fn json(old: &Subject, new: &Subject, redline: &Redline) -> String {
    let s = &redline.summary;
    to_json(&RedlineJson {
        old: SideJson {
            path: old.path,
            title: old.title,
            articles: redline.old_articles,
        },
        new: SideJson {
            path: new.path,
            title: new.title,
            articles: redline.new_articles,
        },
        articles: redline
            .articles()
            .map(|a| entry_json(redline, a, None))
            .collect(),
        parts: {
            let mut articles_before = 0;
            let mut parts = Vec::new();
            for a in &redline.entries {
                if a.kind == EntryKind::Article {
                    articles_before += 1;
                } else {
                    parts.push(entry_json(redline, a, Some(articles_before)));
                }
            }
            parts
        },
        references: redline
            .references
            .iter()
            .map(|r| ReferenceJson {
                clause: &r.clause,
                article: &r.article,
                text: &r.text,
                target: &r.target,
                meant: r.meant.as_deref(),
                meant_paragraph: r.meant_paragraph.as_deref(),
                problem: r.problem.as_str(),
                level: r.level.as_str(),
            })
            .collect(),
        summary: SummaryJson {
            added: s.added,
            deleted: s.deleted,
            modified: s.modified,
            moved: s.moved,
            renumbered: s.renumbered,
            unchanged: s.unchanged,
            parts: PartsJson {
                added: s.parts.added,
                deleted: s.parts.deleted,
                modified: s.parts.modified,
                unchanged: s.parts.unchanged,
                changed: s.parts.changed.iter().map(|k| k.as_str()).collect(),
            },
            flags: Flag::ALL
                .iter()
                .filter_map(|f| s.flags.get(f).map(|n| (f.as_str(), *n)))
                .collect(),
            moved_lines: s.moved_lines,
            cut_short: s.cut_short,
        },
    })
}

/// `pakta parallel`, as text.
pub fn parallel_text(a: &Subject, b: &Subject, result: &Parallel, style: Style) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "A: {}\nB: {}", a.path, b.path);
    let _ = writeln!(
        out,
        "{} articles in A, {} in B, {} aligned; {} inconsistencies",
        result.a_articles,
        result.b_articles,
        result.aligned,
        result.inconsistencies.len()
    );
    for i in &result.inconsistencies {
        let show = |s: &str| {
            if s.is_empty() {
                "(nothing)".to_string()
            } else {
                format!("\u{201c}{s}\u{201d}")
            }
        };
        let place = i
            .clause
            .as_deref()
            .map(|c| format!(" ({c})"))
            .unwrap_or_default();
        // An inconsistency outside the articles (the closing formula) has no article number.
        let article = if i.article.is_empty() {
            String::new()
        } else {
            format!(" Article {}", i.article)
        };
        let _ = writeln!(
            out,
            "{}{article}{place}: A {} · B {}",
            style.paint("1;31", &format!("{:<9}", i.kind.as_str())),
            show(&i.a),
            show(&i.b)
        );
    }
    out
}

#[derive(Serialize)]
struct ParallelJson<'a> {
    a: SideJson<'a>,
    b: SideJson<'a>,
    aligned: usize,
    inconsistencies: Vec<InconsistencyJson<'a>>,
}

#[derive(Serialize)]
struct InconsistencyJson<'a> {
    kind: &'static str,
    article: &'a str,
    clause: Option<&'a str>,
    a: &'a str,
    b: &'a str,
}

/// `pakta parallel --format json`.
pub fn parallel_json(a: &Subject, b: &Subject, result: &Parallel) -> String {
    to_json(&ParallelJson {
        a: SideJson {
            path: a.path,
            title: a.title,
            articles: result.a_articles,
        },
        b: SideJson {
            path: b.path,
            title: b.title,
            articles: result.b_articles,
        },
        aligned: result.aligned,
        inconsistencies: result
            .inconsistencies
            .iter()
            .map(|i| InconsistencyJson {
                kind: i.kind.as_str(),
                article: &i.article,
                clause: i.clause.as_deref(),
                a: &i.a,
                b: &i.b,
            })
            .collect(),
    })
}
