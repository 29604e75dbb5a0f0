//! pakta-docx: Word documents. A draft becomes a clean .docx; a redline becomes a .docx of NEW in which
//! every difference from OLD is a real tracked change (`w:ins`/`w:del`, paragraph marks included), so
//! "Accept all" yields NEW's text and "Reject all" yields OLD's, and the redline's findings (the summary,
//! each article's flags, moved paragraphs, stale cross-references) are Word comments by "pakta" on the
//! paragraphs they are about, worded as the other reports word them.
//!
//! Headings are Word headings (Title, then Heading 1… for divisions and articles), so the navigation pane
//! shows the agreement's structure. Output is reproducible: the revision date is the caller's, never the
//! clock's. Like every renderer, this crate takes results and returns bytes; it does no I/O.

use docx_rs::{
    BreakType, Comment, Delete, Docx, Insert, LineSpacing, Paragraph, Run, RunFonts, Style,
    StyleType,
};
use pakta_core::Agreement;
use pakta_core::diff::ChangeOp;
use pakta_core::paragraphs::{Role, paragraphs};
use pakta_redline::Redline;
use pakta_redline::document::{TrackedDocument, TrackedParagraph};

/// Who made the tracked changes, and when (ISO 8601, e.g. `2026-03-01` or `2026-03-01T09:00:00Z`).
#[derive(Debug, Clone, Copy)]
pub struct Revision<'a> {
    pub author: &'a str,
    /// When `None`, the Unix epoch (1970-01-01) stands for an unknown date, as docx-rs writes it; never the clock.
    pub date: Option<&'a str>,
}

/// A Word document could not be assembled.
#[derive(Debug, thiserror::Error)]
#[error("cannot write the .docx: {0}")]
pub struct DocxError(String);

const HEADING_LEVELS: usize = 6;

fn styles(docx: Docx) -> Docx {
    let mut docx = docx.add_style(
        Style::new("Title", StyleType::Paragraph)
            .name("Title")
            .size(36)
            .bold(),
    );
    for level in 1..=HEADING_LEVELS {
        docx = docx.add_style(
            Style::new(format!("Heading{level}"), StyleType::Paragraph)
                .name(format!("Heading {level}"))
                .based_on("Normal")
                .next("Normal")
                .size(32usize.saturating_sub(2 * level).max(22))
                .bold()
                .outline_lvl(level - 1),
        );
    }
    docx.default_fonts(
        RunFonts::new()
            .ascii("Times New Roman")
            .hi_ansi("Times New Roman"),
    )
    .default_size(24)
    .default_line_spacing(LineSpacing::new().after(120))
}

/// The heading level articles take: one below the deepest division level present.
fn article_level(roles: impl Iterator<Item = Role>) -> usize {
    let deepest = roles
        .filter_map(|r| match r {
            Role::Division { level } => Some(level + 1),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    (deepest + 1).min(HEADING_LEVELS)
}

fn styled(paragraph: Paragraph, role: Role, article_level: usize) -> Paragraph {
    match role {
        Role::Title => paragraph.style("Title"),
        Role::Division { level } => paragraph
            .style(&format!("Heading{}", (level + 1).min(HEADING_LEVELS)))
            .keep_next(true),
        Role::ArticleHeading => paragraph
            .style(&format!("Heading{article_level}"))
            .keep_next(true),
        Role::Clause { depth } => {
            let indent = i32::try_from(depth.min(8) * 425).unwrap_or(0);
            if indent > 0 {
                paragraph.indent(Some(indent), None, None, None)
            } else {
                paragraph
            }
        }
        Role::Body | Role::Closing => paragraph,
    }
}

/// Runs for `text`, line breaks kept; `deleted` text must use `w:delText`.
fn runs(text: &str, deleted: bool) -> Vec<Run> {
    let mut out = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        let mut run = Run::new();
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        if !line.is_empty() {
            run = if deleted {
                run.add_delete_text(line)
            } else {
                run.add_text(line)
            };
        }
        out.push(run);
    }
    out
}

/// XML 1.0 cannot carry most control characters; agreements extracted from PDFs sometimes hold them.
fn clean_text(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect()
}

fn tracked_paragraph(
    p: &TrackedParagraph,
    revision: &Revision,
    date: &str,
    level: usize,
) -> Paragraph {
    let mut paragraph = Paragraph::new();
    for change in &p.changes {
        let text = clean_text(&change.text);
        match change.op {
            ChangeOp::Equal => {
                for run in runs(&text, false) {
                    paragraph = paragraph.add_run(run);
                }
            }
            ChangeOp::Insert => {
                let mut insert = Insert::new_with_empty().author(revision.author).date(date);
                for run in runs(&text, false) {
                    insert = insert.add_run(run);
                }
                paragraph = paragraph.add_insert(insert);
            }
            ChangeOp::Delete => {
                let mut delete = Delete::new().author(revision.author).date(date);
                for run in runs(&text, true) {
                    delete = delete.add_run(run);
                }
                paragraph = paragraph.add_delete(delete);
            }
        }
    }
    // A paragraph that exists on one side only has its paragraph mark tracked too, so accepting or
    // rejecting removes the paragraph itself rather than leaving an empty line.
    paragraph = match p.only {
        Some(ChangeOp::Insert) => paragraph.insert(revision.author, date),
        Some(ChangeOp::Delete) => paragraph.delete(revision.author, date),
        _ => paragraph,
    };
    styled(paragraph, p.role, level)
}

fn w3c_date(date: Option<&str>) -> String {
    match date {
        Some(d) if d.len() == 10 => format!("{d}T00:00:00Z"),
        Some(d) => d.to_string(),
        None => "1970-01-01T00:00:00Z".to_string(),
    }
}

fn pack(docx: Docx) -> Result<Vec<u8>, DocxError> {
    let mut bytes = std::io::Cursor::new(Vec::new());
    docx.build()
        .pack(&mut bytes)
        .map_err(|e| DocxError(e.to_string()))?;
    Ok(bytes.into_inner())
}

/// The author of the comments: the findings are the tool's reading, not the reviser's.
const NOTE_AUTHOR: &str = "pakta";

/// `paragraph` with `notes` as one comment over the whole paragraph, numbered `id`.
fn commented(paragraph: Paragraph, notes: &[String], id: usize, date: &str) -> Paragraph {
    if notes.is_empty() {
        return paragraph;
    }
    // One paragraph, the notes on lines of their own: docx-rs 0.4 writes a comment once per paragraph
    // it holds, and Word would show each copy as a comment of its own.
    let mut body = Paragraph::new();
    for run in runs(&clean_text(&notes.join("\n")), false) {
        body = body.add_run(run);
    }
    let comment = Comment::new(id)
        .author(NOTE_AUTHOR)
        .date(date)
        .add_paragraph(body);
    // The range must open before the paragraph's first run, so the comment covers the whole paragraph.
    let mut ranged = Paragraph::new().add_comment_start(comment);
    ranged.children.extend(paragraph.children);
    ranged.property = paragraph.property;
    ranged.add_comment_end(id)
}

/// NEW with every difference from OLD as a tracked change, and `redline`'s findings as comments.
pub fn tracked(
    document: &TrackedDocument,
    redline: &Redline,
    revision: &Revision,
) -> Result<Vec<u8>, DocxError> {
    let date = w3c_date(revision.date);
    let level = article_level(document.paragraphs.iter().map(|p| p.role));
    let mut docx = styles(Docx::new()).created_at(&date).updated_at(&date);
    let paragraphs: Vec<&TrackedParagraph> = document
        .front_matter
        .iter()
        .chain(&document.paragraphs)
        .collect();
    let notes = pakta_report::notes::paragraph_notes(redline, paragraphs.iter().copied());
    let mut comments = 0usize;
    for (p, notes) in paragraphs.into_iter().zip(&notes) {
        let mut paragraph = tracked_paragraph(p, revision, &date, level);
        if !notes.is_empty() {
            comments += 1;
            paragraph = commented(paragraph, notes, comments, &date);
        }
        docx = docx.add_paragraph(paragraph);
    }
    pack(docx)
}

/// The agreement as a clean Word document (no tracked changes).
pub fn clean(agreement: &Agreement, date: Option<&str>) -> Result<Vec<u8>, DocxError> {
    let date = w3c_date(date);
    let paragraphs = paragraphs(agreement);
    let level = article_level(paragraphs.iter().map(|p| p.role));
    let mut docx = styles(Docx::new()).created_at(&date).updated_at(&date);
    for p in &paragraphs {
        let mut paragraph = Paragraph::new();
        for run in runs(&clean_text(&p.text), false) {
            paragraph = paragraph.add_run(run);
        }
        docx = docx.add_paragraph(styled(paragraph, p.role, level));
    }
    pack(docx)
}
