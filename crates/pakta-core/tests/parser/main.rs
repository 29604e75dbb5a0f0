//! Parser tests: every Markdown file in `tests/fixtures/` is parsed and its tree compared with a snapshot,
//! and every example and mutated input is checked against the invariants every parse must keep.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use pakta_core::{Agreement, Clause, parse};

mod provisions;

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    files
}

/// A compact, stable rendering of everything the parser decided.
fn dump(agreement: &Agreement) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "title: {:?}", agreement.title);
    let _ = writeln!(out, "language: {}", agreement.language);
    // Only documents numbered by another word say so, so that the snapshots of article documents (and of
    // bare numbers) read as they always did.
    if let Some(word) = agreement
        .provision_word
        .as_deref()
        .filter(|w| *w != "article")
    {
        let _ = writeln!(out, "provisions: {word}");
    }
    let _ = writeln!(out, "meta: {:?}", agreement.meta);
    for block in &agreement.preamble {
        let _ = writeln!(out, "preamble@{}: {}", block.span.line, block.text);
    }
    for d in &agreement.divisions {
        let parent = d.parent.map(|p| agreement.divisions[p].id.as_str());
        let _ = writeln!(
            out,
            "division {} ({:?} {:?} {:?}) parent={parent:?} @{}",
            d.id, d.kind, d.number, d.heading, d.span.line
        );
        for block in &d.intro {
            let _ = writeln!(out, "  intro@{}: {}", block.span.line, block.text);
        }
    }
    for a in &agreement.articles {
        let division = a.division.map(|d| agreement.divisions[d].id.as_str());
        let _ = writeln!(
            out,
            "{} [{}] {:?} in={division:?} lang={} @{}",
            a.id, a.number, a.heading, a.language, a.span.line
        );
        for c in &a.clauses {
            clause(&mut out, c, 1);
        }
    }
    for block in &agreement.closing {
        let _ = writeln!(out, "closing@{}: {}", block.span.line, block.text);
    }
    for d in &agreement.diagnostics {
        let _ = writeln!(
            out,
            "{}:{}: {} [{}] {}",
            d.span.line, d.span.column, d.severity, d.code, d.message
        );
    }
    out
}

fn clause(out: &mut String, c: &Clause, depth: usize) {
    let _ = writeln!(
        out,
        "{}{} {:?} {:?} @{}: {}",
        "  ".repeat(depth),
        c.id,
        c.kind,
        c.label,
        c.span.line,
        c.text
    );
    for child in &c.children {
        clause(out, child, depth + 1);
    }
}

#[test]
fn fixtures_match_snapshots() {
    for path in fixtures() {
        let text = std::fs::read_to_string(&path).expect("read fixture");
        let agreement = parse(&text);
        check_invariants(&text, &agreement);
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("name")
            .to_owned();
        insta::assert_snapshot!(name, dump(&agreement));
    }
}

/// What every parse must guarantee, whatever the input.
fn check_invariants(text: &str, agreement: &Agreement) {
    let mut ids = std::collections::HashSet::new();
    let lines = text.lines().count().max(1) as u32 + 1;
    for a in &agreement.articles {
        assert!(ids.insert(a.id.clone()), "duplicate id {}", a.id);
        assert!(
            a.span.start <= a.span.end && a.span.end <= text.len(),
            "span out of bounds: {:?}",
            a.span
        );
        assert!(a.span.line >= 1 && a.span.line <= lines);
        for c in a.clauses_flat() {
            assert!(ids.insert(c.id.clone()), "duplicate id {}", c.id);
            assert!(c.id.starts_with(&a.id), "{} not under {}", c.id, a.id);
            assert!(c.span.end <= text.len() && text.is_char_boundary(c.span.start));
        }
    }
    for d in &agreement.divisions {
        assert!(ids.insert(d.id.clone()), "duplicate id {}", d.id);
    }
    for d in &agreement.diagnostics {
        assert!(d.span.line >= 1 && d.span.line <= lines, "{d:?}");
    }
}

#[test]
fn heading_styles_are_all_recognised() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/heading-styles.md"),
    )
    .expect("fixture");
    let numbers: Vec<String> = parse(&text)
        .articles
        .into_iter()
        .map(|a| a.number)
        .collect();
    assert_eq!(
        numbers,
        [
            "1", "2", "3", "IV", "5", "6", "6bis", "7", "8", "9", "10", "11", "19.3"
        ]
    );
}

/// A deterministic stand-in for fuzzing: cut, duplicate and corrupt the real fixtures and examples in
/// thousands of ways; the parser must keep its invariants and never panic.
#[test]
fn mutated_inputs_keep_invariants() {
    let mut sources: Vec<String> = fixtures()
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("read"))
        .collect();
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../agreements/examples");
    for entry in std::fs::read_dir(examples).expect("examples") {
        sources.push(std::fs::read_to_string(entry.expect("entry").path()).expect("read"));
    }
    let pieces = [
        "\n",
        "#",
        "###Article ",
        "(",
        ")",
        "(a) ",
        "1. ",
        "- ",
        "  ",
        "---\n",
        "+++\n",
        "**",
        "Article 0 ",
        "Pasal ",
        "\u{301}",
        "é",
        "> ",
        "|",
        "`",
        "<",
        "\r\n",
        "\t",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for round in 0..3000 {
        let base = &sources[round % sources.len()];
        let mut text = base.clone();
        for _ in 0..(1 + next() % 6) {
            let at = floor(&text, (next() as usize) % (text.len() + 1));
            match next() % 4 {
                0 => text.insert_str(at, pieces[(next() as usize) % pieces.len()]),
                1 => {
                    let end = floor(&text, at + (next() as usize % 200)).max(at);
                    text.replace_range(at..end, "");
                }
                2 => {
                    let end = floor(&text, at + (next() as usize % 400)).max(at);
                    let copy = text[at..end].to_owned();
                    text.insert_str(at, &copy);
                }
                _ => text.truncate(at),
            }
        }
        let agreement = parse(&text);
        check_invariants(&text, &agreement);
        let _ = pakta_core::lint::lint(&agreement, &text);
    }
}

fn floor(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}
