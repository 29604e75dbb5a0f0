//! The redline as a web page: summary box, article list, then each article with its insertions underlined,
//! its deletions struck through, its badges (moved, renumbered, split, merged) and its flags with old → new
//! values.

use std::fmt::Write as _;

use pakta_core::diff::{Change, ChangeOp};
use pakta_redline::{ClauseRedline, EntryKind, EntryRedline, Flag, Redline, Status};
use pakta_report::coverage::Subject;

use crate::page::{Head, anchor, document, escape, filters, token};

/// Flags that change what a party owes, shown with a heavier border.
fn serious(flag: Flag) -> bool {
    matches!(
        flag,
        Flag::ModalWeakened
            | Flag::NegationAdded
            | Flag::NegationRemoved
            | Flag::PartyChanged
            | Flag::ScopeNarrowed
    )
}

fn flag_badge(flag: Flag) -> String {
    format!(
        "<span class=\"flag{}\">{}</span>",
        if serious(flag) { " serious" } else { "" },
        flag.as_str()
    )
}

/// Word changes as `<ins>`/`<del>`; the element, not colour, carries the meaning, so it prints in black and
/// white and reads out in a screen reader.
pub(crate) fn changes_html(changes: &[Change]) -> String {
    let mut out = String::new();
    for change in changes {
        let text = escape(&change.text);
        match change.op {
            ChangeOp::Equal => out.push_str(&text),
            ChangeOp::Insert => {
                let _ = write!(out, "<ins>{text}</ins>");
            }
            ChangeOp::Delete => {
                let _ = write!(out, "<del>{text}</del>");
            }
        }
    }
    out
}

fn article_number(noun: &str, a: &EntryRedline) -> String {
    let name = |n: &str| escape(&pakta_report::redline::entry_number(noun, a, Some(n)));
    match (&a.old_number, &a.new_number) {
        (Some(o), Some(n)) if o == n => name(n),
        (Some(o), Some(n)) if a.kind == EntryKind::Article => {
            format!("{noun} <del>{}</del> <ins>{}</ins>", escape(o), escape(n))
        }
        (Some(o), Some(n)) => format!("<del>{}</del> <ins>{}</ins>", name(o), name(n)),
        (o, n) => escape(&pakta_report::redline::entry_number(
            noun,
            a,
            n.as_deref().or(o.as_deref()),
        )),
    }
}

fn badges(noun: &str, a: &EntryRedline) -> String {
    let mut out = format!("<span class=\"badge {0}\">{0}</span>", a.status.as_str());
    if a.moved {
        out.push_str(" <span class=\"badge moved\">moved</span>");
    }
    if a.renumbered {
        out.push_str(" <span class=\"badge renumbered\">renumbered</span>");
    }
    if let Some(from) = &a.split_from {
        let _ = write!(
            out,
            " <span class=\"badge\">split from {noun} {}</span>",
            escape(from)
        );
    }
    if let Some(into) = &a.merged_into {
        let _ = write!(
            out,
            " <span class=\"badge\">merged into {noun} {}</span>",
            escape(into)
        );
    }
    out
}

fn heading_html(a: &EntryRedline) -> String {
    match (&a.old_heading, &a.new_heading) {
        (Some(o), Some(n)) if o != n => {
            format!("<del>{}</del> <ins>{}</ins>", escape(o), escape(n))
        }
        (_, Some(h)) | (Some(h), None) => escape(h),
        (None, None) => String::new(),
    }
}

/// One line of an entry; a line moved between articles links to the entry it went to or came from, and
/// on the side it moved into shows what changed on the way.
fn clause_html(redline: &Redline, clause: &ClauseRedline) -> String {
    let depth = clause.depth.min(6);
    let label = clause
        .label
        .as_deref()
        .map(|l| format!("<span class=\"label\">{}</span>", escape(l)))
        .unwrap_or_default();
    let whole: String = clause.changes.iter().map(|c| c.text.as_str()).collect();
    if let (Some(relocation), Some(note)) = (
        &clause.relocation,
        pakta_report::redline::relocation_note(redline, clause),
    ) {
        let note = format!(
            " <a class=\"moved-note\" href=\"#{}\">{}</a>",
            anchor("a", &relocation.entry.to_string()),
            escape(&note)
        );
        return if clause.only() == Some(ChangeOp::Insert) {
            format!(
                "<p class=\"clause moved depth-{depth}\">{label}{}{note}</p>\n",
                changes_html(&relocation.changes)
            )
        } else {
            format!(
                "<p class=\"clause moved depth-{depth}\"><del class=\"whole\">{label}{}</del>{note}</p>\n",
                escape(&whole)
            )
        };
    }
    match (clause.old.is_some(), clause.new.is_some()) {
        (true, false) => format!(
            "<p class=\"clause depth-{depth}\"><del class=\"whole\">{label}{}</del></p>\n",
            escape(&whole)
        ),
        (false, true) => format!(
            "<p class=\"clause depth-{depth}\"><ins class=\"whole\">{label}{}</ins></p>\n",
            escape(&whole)
        ),
        _ if clause.old_label != clause.label => format!(
            "<p class=\"clause depth-{depth}\"><span class=\"label\">{}</span>{}</p>\n",
            changes_html(&pakta_redline::relabel_changes(clause)),
            changes_html(&clause.changes)
        ),
        _ => format!(
            "<p class=\"clause depth-{depth}\">{label}{}</p>\n",
            changes_html(&clause.changes)
        ),
    }
}

fn value_html(value: &str) -> String {
    if value.is_empty() {
        "\u{2013}".to_string()
    } else {
        format!("\u{201c}{}\u{201d}", escape(value))
    }
}

fn article_section(redline: &Redline, index: usize, a: &EntryRedline) -> String {
    let noun = redline.noun;
    let mut out = String::new();
    let flags: Vec<String> = a.flags.iter().map(|f| token(f.as_str())).collect();
    let mut tags = flags.clone();
    if a.moved {
        tags.push("moved".into());
    }
    if a.renumbered {
        tags.push("renumbered".into());
    }
    let long = if a.clauses.len() > 12 { " long" } else { "" };
    let _ = writeln!(
        out,
        "<section class=\"article {kind} {status}{long}\" id=\"{id}\" data-kind=\"{kind}\" data-status=\"{status}\" data-flags=\"{tags}\">",
        kind = a.kind.as_str(),
        status = a.status.as_str(),
        id = anchor("a", &index.to_string()),
        tags = tags.join(" "),
    );
    let heading = heading_html(a);
    let _ = writeln!(
        out,
        "<h2><span class=\"num\">{}</span>{}{}</h2>",
        article_number(noun, a),
        if heading.is_empty() {
            String::new()
        } else {
            format!(" <span class=\"heading\">{heading}</span>")
        },
        format_args!(" {}", badges(noun, a))
    );
    if !a.values.is_empty() || !a.flags.is_empty() {
        out.push_str("<ul class=\"flags\">\n");
        let mut shown: Vec<Flag> = Vec::new();
        for v in &a.values {
            shown.push(v.flag);
            let _ = writeln!(
                out,
                "<li>{} {} \u{2192} {}</li>",
                flag_badge(v.flag),
                value_html(&v.old),
                value_html(&v.new)
            );
        }
        for flag in a.flags.iter().filter(|f| !shown.contains(f)) {
            let _ = writeln!(out, "<li>{}</li>", flag_badge(*flag));
        }
        out.push_str("</ul>\n");
    }
    if a.status == Status::Unchanged {
        out.push_str("<details><summary>Text (unchanged)</summary>\n");
        for clause in &a.clauses {
            out.push_str(&clause_html(redline, clause));
        }
        out.push_str("</details>\n");
    } else {
        for clause in &a.clauses {
            out.push_str(&clause_html(redline, clause));
        }
    }
    out.push_str("</section>\n");
    out
}

fn toc_entry(noun: &str, index: usize, a: &EntryRedline) -> String {
    let heading = a.new_heading.as_ref().or(a.old_heading.as_ref());
    format!(
        "<li><a href=\"#{}\">{}{}</a> <span class=\"badge {}\">{}</span></li>\n",
        anchor("a", &index.to_string()),
        article_number(noun, a),
        heading
            .map(|h| format!(" \u{2014} {}", escape(h)))
            .unwrap_or_default(),
        a.status.as_str(),
        a.status.as_str(),
    )
}

/// What the reader needs beyond the redline itself.
#[derive(Debug, Clone, Default)]
pub struct Options<'a> {
    /// A date for the header (`--date`); none by default, so reports are reproducible.
    pub date: Option<&'a str>,
}

/// The redline report of OLD → NEW as one self-contained HTML page.
pub fn report(old: &Subject, new: &Subject, redline: &Redline, options: &Options) -> String {
    let old_title = old.title.unwrap_or(old.path);
    let new_title = new.title.unwrap_or(new.path);
    let mut body = String::new();
    body.push_str("<header>\n<p class=\"report-kind\">Redline</p>\n");
    if old_title == new_title {
        let _ = writeln!(body, "<h1>{}</h1>", escape(new_title));
    } else {
        let _ = writeln!(
            body,
            "<h1>{} \u{2192} {}</h1>",
            escape(old_title),
            escape(new_title)
        );
    }
    let _ = writeln!(
        body,
        "<p class=\"files\"><code>{}</code> \u{2192} <code>{}</code>{}</p>\n</header>",
        escape(old.path),
        escape(new.path),
        options
            .date
            .map(|d| format!(" \u{b7} {}", escape(d)))
            .unwrap_or_default()
    );

    let s = &redline.summary;
    body.push_str("<section class=\"summary\" aria-label=\"Summary\">\n<h2>Summary</h2>\n<dl class=\"counts\">\n");
    for (name, n) in [
        ("modified", s.modified),
        ("added", s.added),
        ("deleted", s.deleted),
        ("moved", s.moved),
        ("renumbered", s.renumbered),
        ("unchanged", s.unchanged),
    ] {
        let _ = writeln!(
            body,
            "<div class=\"count-{name}\"><dt>{name}</dt><dd>{n}</dd></div>"
        );
    }
    body.push_str("</dl>\n");
    let _ = writeln!(
        body,
        "<p class=\"meta\">{} articles before, {} after.</p>",
        redline.old_articles, redline.new_articles
    );
    if let Some(parts) = pakta_report::redline::parts_line(redline) {
        let _ = writeln!(
            body,
            "<p class=\"notice parts\" role=\"note\">{}</p>",
            escape(&parts)
        );
    }
    if let Some(note) = pakta_report::redline::precision_note(redline) {
        let _ = writeln!(
            body,
            "<p class=\"notice\" role=\"note\">{}</p>",
            escape(&note)
        );
    }
    if !s.flags.is_empty() {
        body.push_str("<h3>Flags</h3>\n<ul class=\"flags flag-counts\">\n");
        for (flag, n) in &s.flags {
            let _ = writeln!(body, "<li>{} \u{d7} {n}</li>", flag_badge(*flag));
        }
        body.push_str("</ul>\n");
    }
    if !redline.references.is_empty() {
        body.push_str("<h3>Cross-references to fix</h3>\n<ul class=\"references\">\n");
        for r in &redline.references {
            let _ = writeln!(
                body,
                "<li>{} {} (<code>{}</code>): \u{201c}{}\u{201d} {}</li>",
                redline.noun,
                escape(&r.article),
                escape(&r.clause),
                escape(&r.text),
                escape(&pakta_report::redline::reference_problem(redline.noun, r))
            );
        }
        body.push_str("</ul>\n");
    }
    body.push_str("</section>\n");

    let flag_names: Vec<&str> = s.flags.keys().map(|f| f.as_str()).collect();
    body.push_str(&filters(
        &["modified", "added", "deleted", "unchanged"],
        &flag_names,
    ));
    body.push_str("<nav class=\"toc\" aria-label=\"Contents\">\n<h2>Contents</h2>\n<ol>\n");
    for (i, a) in redline.entries.iter().enumerate() {
        body.push_str(&toc_entry(redline.noun, i, a));
    }
    body.push_str("</ol>\n</nav>\n<main>\n");
    for (i, a) in redline.entries.iter().enumerate() {
        body.push_str(&article_section(redline, i, a));
    }
    body.push_str("</main>\n");
    let title = if old_title == new_title {
        format!("Redline: {new_title}")
    } else {
        format!("Redline: {old_title} \u{2192} {new_title}")
    };
    document(
        &Head {
            title: &title,
            lang: "en",
            date: options.date,
        },
        &body,
    )
}
