//! The redline's findings as notes beside the paragraphs of its tracked document, for a word processor's
//! comments: what the terminal and HTML reports print under an article's title (its flags with old → new
//! values, a move) and beside a line (a paragraph moved between articles, a cross-reference left stale).
//!
//! A Word redline that carried only insertions and deletions would be the one format without the
//! negotiator's analysis; these notes are the same words the other formats print, from the same functions.

use pakta_core::diff::ChangeOp;
use pakta_redline::document::TrackedParagraph;
use pakta_redline::{EntryRedline, Redline};

use crate::redline::{reference_problem, relocation_note, summary_line, title, value_lines};

/// The notes of each paragraph of `paragraphs` (the tracked document's front matter and page, in order),
/// one list per paragraph, empty where there is nothing to say:
/// - the first paragraph carries the redline's summary line, and any stale reference whose line is not
///   on the page, so no finding is lost;
/// - an entry's first paragraph on NEW's side (OLD's, for an entry deleted) carries its title and flags,
///   when it has flags or moved, was split or merged;
/// - a line moved between articles carries where it went or came from, in both places;
/// - the line holding a stale cross-reference carries what is wrong with it.
pub fn paragraph_notes<'a>(
    redline: &Redline,
    paragraphs: impl IntoIterator<Item = &'a TrackedParagraph>,
) -> Vec<Vec<String>> {
    let paragraphs: Vec<&TrackedParagraph> = paragraphs.into_iter().collect();
    let mut notes: Vec<Vec<String>> = vec![Vec::new(); paragraphs.len()];
    if paragraphs.is_empty() {
        return notes;
    }
    notes[0].push(format!("pakta: {}", summary_line(redline)));

    // An entry's notes go where a reader of NEW meets it.
    let mut entry_placed = vec![false; redline.entries.len()];
    for side_of_new in [true, false] {
        for (i, p) in paragraphs.iter().enumerate() {
            let Some(entry) = p.source.entry else {
                continue;
            };
            if entry_placed[entry] || (side_of_new && p.only == Some(ChangeOp::Delete)) {
                continue;
            }
            entry_placed[entry] = true;
            notes[i].extend(entry_notes(redline, &redline.entries[entry]));
        }
    }

    let mut references_placed = vec![false; redline.references.len()];
    for (i, p) in paragraphs.iter().enumerate() {
        let (Some(entry), Some(clause)) = (p.source.entry, p.source.clause) else {
            continue;
        };
        let clause = &redline.entries[entry].clauses[clause];
        if let Some(note) = relocation_note(redline, clause) {
            notes[i].push(note);
        }
        if p.only == Some(ChangeOp::Delete) {
            continue;
        }
        for (r, reference) in redline.references.iter().enumerate() {
            if !references_placed[r] && clause.new.as_deref() == Some(reference.clause.as_str()) {
                references_placed[r] = true;
                notes[i].push(reference_note(redline, reference));
            }
        }
    }
    for (r, reference) in redline.references.iter().enumerate() {
        if !references_placed[r] {
            let note = reference_note(redline, reference);
            notes[0].push(format!(
                "{} {} ({}): {note}",
                redline.noun, reference.article, reference.clause
            ));
        }
    }
    notes
}

/// An entry's title with its badges ("Article 6 → 7 — Wages [modified, moved]") and its flags, one per
/// line; nothing when it has no flag and did not move, split or merge (its tracked changes say it all).
fn entry_notes(redline: &Redline, entry: &EntryRedline) -> Vec<String> {
    let flags = value_lines(entry);
    if flags.is_empty() && !entry.moved && entry.split_from.is_none() && entry.merged_into.is_none()
    {
        return Vec::new();
    }
    let noun = redline.noun_for(entry);
    let heading = title(&noun, entry, |o, n| {
        format!("\u{201c}{o}\u{201d} \u{2192} \u{201c}{n}\u{201d}")
    });
    std::iter::once(heading).chain(flags).collect()
}

fn reference_note(redline: &Redline, reference: &pakta_redline::ReferenceProblem) -> String {
    format!(
        "reference: \u{201c}{}\u{201d} {}",
        reference.text,
        reference_problem(redline.noun, reference)
    )
}
