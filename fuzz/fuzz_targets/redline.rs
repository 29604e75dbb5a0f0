//! Two drafts → `pakta_redline::redline` → `pakta_redline::document::tracked`.
//!
//! Input layout: byte 0 picks the redline options (bit 0 ignore_case, 1 ignore_whitespace,
//! 2 ignore_punctuation, 3 ignore_numbering); the rest is OLD, a 0xFF byte, then NEW (0xFF never occurs
//! in UTF-8). Without a 0xFF, NEW is OLD. Each side is read as lossy UTF-8 and limited to 64 KiB.
//!
//! Checks: the tracked document's "accept all" text is NEW's page view and "reject all" is OLD's (the
//! invariant documented in pakta-redline/src/document.rs); the redline's entries rebuild both drafts'
//! whole text, front matter, preamble, headings and closing included (`Redline::side_text` equals
//! `document_text`, without ignore options), and it reports a difference exactly when those texts
//! differ; a draft compared with itself has every entry unchanged, not moved, not renumbered.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pakta_core::diff::ChangeOp;
use pakta_core::paragraphs::paragraphs;
use pakta_fuzz::MAX_INPUT;
use pakta_redline::{Options, redline};

fn texts(agreement: &pakta_core::Agreement) -> Vec<String> {
    paragraphs(agreement).into_iter().map(|p| p.text).collect()
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let options = Options {
        ignore_case: flags & 1 != 0,
        ignore_whitespace: flags & 2 != 0,
        ignore_punctuation: flags & 4 != 0,
        ignore_numbering: flags & 8 != 0,
    };
    let (old_bytes, new_bytes) = match rest.iter().position(|&b| b == 0xFF) {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    if old_bytes.len() > MAX_INPUT || new_bytes.is_some_and(|b| b.len() > MAX_INPUT) {
        return;
    }
    let old_text = String::from_utf8_lossy(old_bytes);
    let old = pakta_core::parse(&old_text);
    let same = new_bytes.is_none();
    let new = match new_bytes {
        Some(bytes) => pakta_core::parse(&String::from_utf8_lossy(bytes)),
        None => old.clone(),
    };
    let result = redline(&old, &new, &options);
    if same {
        // The exit-code question: a draft compared with itself has no differences, even when it names an
        // article it does not have (that reference problem is reported, not counted).
        assert!(
            !result.has_differences(),
            "a draft compared with itself has differences: {:#?}",
            result.entries
        );
    }
    if options == Options::default() {
        let (old_text, new_text) = (
            pakta_redline::document_text(&old),
            pakta_redline::document_text(&new),
        );
        assert_eq!(result.side_text(ChangeOp::Delete), old_text, "entries do not spell OLD");
        assert_eq!(result.side_text(ChangeOp::Insert), new_text, "entries do not spell NEW");
        assert_eq!(
            result.has_differences(),
            old_text != new_text,
            "a difference in the whole text and the exit status disagree"
        );
    }
    let document = pakta_redline::document::tracked(&old, &new, &result);
    assert_eq!(
        document.texts(ChangeOp::Insert),
        texts(&new),
        "tracked document, accept all != NEW"
    );
    assert_eq!(
        document.texts(ChangeOp::Delete),
        texts(&old),
        "tracked document, reject all != OLD"
    );
});
