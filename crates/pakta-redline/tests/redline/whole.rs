//! The whole-document invariant, over random single edits anywhere in real documents: the redline rebuilds
//! both drafts' whole text (front matter, title, preamble, headings, articles, annexes, closing,
//! signatures) from its entries, and reports a difference exactly when the texts differ.

use pakta_core::diff::ChangeOp;
use pakta_redline::{Options, document_text, redline};

use crate::{corpus, read, repo};

/// A small deterministic generator (SplitMix64), so every run makes the same edits.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Byte ranges of the words (runs of ASCII letters of length ≥ 3) of `text`, outside HTML comments.
fn words(text: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(b"<!--") {
            i = text[i..].find("-->").map_or(bytes.len(), |e| i + e + 3);
            continue;
        }
        // An HTML tag (`<meta …>`) is markup, not text a reader sees.
        if bytes[i] == b'<' && bytes.get(i + 1).is_some_and(|b| b.is_ascii_alphabetic()) {
            i = text[i..].find('>').map_or(bytes.len(), |e| i + e + 1);
            continue;
        }
        // So is a link's destination (`[the Convention](../verdrag/convention/…)`): the reader sees the
        // link text, which is compared.
        if bytes[i..].starts_with(b"](") {
            i = text[i..].find(')').map_or(bytes.len(), |e| i + e + 1);
            continue;
        }
        if !text.is_char_boundary(i) {
            i += 1;
            continue;
        }
        if bytes[i].is_ascii_alphabetic() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            if i - start >= 3 {
                out.push(start..i);
            }
        } else {
            i += 1;
        }
    }
    out
}

/// One edit of `text` at a random word: replace it, delete it, or add a word after it.
fn edit(
    text: &str,
    random: &mut Random,
    region: std::ops::Range<usize>,
) -> Option<(String, String)> {
    let candidates: Vec<_> = words(text)
        .into_iter()
        .filter(|w| region.contains(&w.start))
        .collect();
    if candidates.is_empty() {
        return None;
    }
    let word = candidates[random.below(candidates.len())].clone();
    let (what, new) = match random.below(3) {
        0 => (
            format!("replaced {:?}", &text[word.clone()]),
            format!("{}Qzedit{}", &text[..word.start], &text[word.end..]),
        ),
        1 if word.end < text.len() && text.as_bytes()[word.end] == b' ' => (
            format!("deleted {:?}", &text[word.clone()]),
            format!("{}{}", &text[..word.start], &text[word.end + 1..]),
        ),
        _ => (
            format!("added a word after {:?}", &text[word.clone()]),
            format!("{} Qzadded{}", &text[..word.end], &text[word.end..]),
        ),
    };
    Some((format!("{what} at byte {}", word.start), new))
}

fn documents() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut folders = vec![
        repo().join("agreements/examples"),
        repo().join("tests/eval/agreements"),
    ];
    if let Some(corpus) = corpus("whole_document_invariant_over_random_edits") {
        folders.push(corpus.join("nl-bwb-treaties"));
        let tota = corpus.join("tota/xml");
        let mut files: Vec<_> = std::fs::read_dir(&tota)
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.sort();
        for path in files
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "xml"))
        {
            let xml = std::fs::read_to_string(&path).expect("ToTA XML");
            if let Ok(treaty) = pakta_import::tota::read(&xml) {
                out.push((
                    path.display().to_string(),
                    pakta_import::tota::markdown(&treaty, &path.display().to_string()),
                ));
            }
        }
    }
    for folder in folders {
        let mut files: Vec<_> = std::fs::read_dir(&folder)
            .expect("folder")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .collect();
        files.sort();
        for path in files {
            let relative = path
                .strip_prefix(repo())
                .unwrap_or(&path)
                .display()
                .to_string();
            let text = if path.starts_with(repo()) {
                read(&relative)
            } else {
                std::fs::read_to_string(&path).expect("corpus text")
            };
            out.push((relative, text));
        }
    }
    out
}

fn page(agreement: &pakta_core::Agreement) -> Vec<String> {
    pakta_core::paragraphs::paragraphs(agreement)
        .into_iter()
        .map(|p| p.text)
        .collect()
}

/// The redline of `old` → `new`, asserted whole: it rebuilds both drafts' text, reports a difference
/// exactly when the texts differ, and its Word document gives NEW's page on "accept all" and OLD's on
/// "reject all". `case` names the document and the change for a failure.
fn rebuilt(
    case: &str,
    (old, old_text): (&pakta_core::Agreement, &str),
    new: &pakta_core::Agreement,
) -> pakta_redline::Redline {
    let new_text = document_text(new);
    let r = redline(old, new, &Options::default());
    assert_eq!(
        r.side_text(ChangeOp::Delete),
        old_text,
        "{case}: OLD rebuilt"
    );
    assert_eq!(
        r.side_text(ChangeOp::Insert),
        new_text,
        "{case}: NEW rebuilt"
    );
    assert_eq!(
        r.has_differences(),
        new_text != old_text,
        "{case}: a difference"
    );
    let tracked = pakta_redline::document::tracked(old, new, &r);
    assert_eq!(
        tracked.texts(ChangeOp::Insert),
        page(new),
        "{case}: Word, accept all"
    );
    assert_eq!(
        tracked.texts(ChangeOp::Delete),
        page(old),
        "{case}: Word, reject all"
    );
    r
}

#[test]
fn whole_document_invariant_over_random_edits() {
    let mut random = Random(0x05ee_d0f9_a47a);
    let (mut documents_seen, mut edits, mut hidden) = (0, 0, Vec::new());
    for (name, text) in documents() {
        documents_seen += 1;
        let old = pakta_core::parse(&text);
        let old_text = document_text(&old);
        // Identical drafts: nothing to report, and both texts rebuilt.
        let same = redline(&old, &old, &Options::default());
        assert!(
            !same.has_differences(),
            "{name}: a draft differs from itself"
        );
        assert_eq!(same.side_text(ChangeOp::Delete), old_text, "{name}: self");
        // Edits anywhere, and edits aimed at the first and last tenth (front matter, title, preamble;
        // closing, signatures, annexes), where articles are not.
        let len = text.len();
        let regions = [0..len, 0..len, 0..len, 0..len / 10, len - len / 10..len];
        let regions = regions.map(|r| r.start..r.end.max(r.start));
        for region in regions {
            let Some((what, edited)) = edit(&text, &mut random, region) else {
                continue;
            };
            edits += 1;
            let new = pakta_core::parse(&edited);
            if document_text(&new) == old_text {
                hidden.push(format!("{name}: {what} is not in the compared text"));
            }
            rebuilt(&format!("{name}: {what}"), (&old, &old_text), &new);
        }
    }
    println!("{documents_seen} documents, {edits} single edits, every one rebuilt both drafts");
    assert!(documents_seen >= 10, "only {documents_seen} documents");
    assert!(
        hidden.is_empty(),
        "edits the redline cannot see:\n{}",
        hidden.join("\n")
    );
}

/// The same invariant over random moves: a block of text (a paragraph, a heading, a signature table, an
/// annex's first lines) cut from one place and put at another, anywhere after the front matter. Moving
/// the signatures above the final provisions, or an annex below them, changes no word and is still a
/// difference.
#[test]
fn whole_document_invariant_over_random_moves() {
    let mut random = Random(0x0b10_c4ed_5eed);
    let (mut moves, mut reported) = (0, 0);
    for (name, text) in documents() {
        // Blocks are separated by blank lines; the front matter stays where it is.
        let body_start = text
            .strip_prefix("---")
            .map_or(0, |rest| rest.find("\n---").map_or(0, |e| e + 7));
        let (head, body) = text.split_at(body_start.min(text.len()));
        let blocks: Vec<&str> = body.split("\n\n").collect();
        if blocks.len() < 4 {
            continue;
        }
        let old = pakta_core::parse(&text);
        let old_text = document_text(&old);
        // Anywhere, and from the last tenth (closing formula, signatures, annexes) to anywhere before.
        for round in 0..5 {
            let n = blocks.len();
            let (from, to) = if round < 3 {
                (random.below(n), random.below(n))
            } else {
                let from = n - 1 - random.below(n / 10 + 1);
                (from, random.below(from))
            };
            if from == to || blocks[from].trim().is_empty() {
                continue;
            }
            let mut moved = blocks.clone();
            let block = moved.remove(from);
            moved.insert(to, block);
            let edited = format!("{head}{}", moved.join("\n\n"));
            let what = format!("block {from} moved to {to}");
            moves += 1;
            let new = pakta_core::parse(&edited);
            let r = rebuilt(&format!("{name}: {what}"), (&old, &old_text), &new);
            reported += usize::from(r.has_differences());
        }
    }
    println!("{moves} random moves, {reported} reported as differences");
    assert!(moves >= 30, "only {moves} moves");
}

/// Found by fuzzing: a document without articles whose title heading comes after some text. The redline's
/// blocks and Word's page must keep the same order, so "accept all" still gives NEW.
#[test]
fn text_before_the_title_of_a_document_without_articles() {
    let old =
        pakta_core::parse("Opening words of a note.\n\n# Memorandum\n\nA second paragraph.\n");
    let new = pakta_core::parse("Opening words of a note.\n\n# Memorandum\n\nA 2nd paragraph.\n");
    let r = redline(&old, &new, &Options::default());
    assert!(r.has_differences());
    let tracked = pakta_redline::document::tracked(&old, &new, &r);
    assert_eq!(tracked.texts(ChangeOp::Insert), page(&new));
    assert_eq!(tracked.texts(ChangeOp::Delete), page(&old));
}
