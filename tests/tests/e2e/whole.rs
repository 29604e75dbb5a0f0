//! The redline sees the whole document through the real binary: a single edit outside the articles — the
//! closing formula, the signing date, a recital, a chapter heading, a signature line — makes `pakta diff`
//! exit 1 and shows the old and the new words, struck and inserted, in every format.

use std::path::Path;

use pakta_tests::{corpus, example, pakta};
use serde_json::Value;

/// The texts inside `open … close` markers of `text`.
fn marked<'a>(text: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(open) {
        let after = &rest[start + open.len()..];
        let Some(end) = after.find(close) else { break };
        out.push(&after[..end]);
        rest = &after[end + close.len()..];
    }
    out
}

fn docx_xml(path: &Path) -> String {
    let file = std::fs::File::open(path).expect("docx");
    let mut zip = zip::ZipArchive::new(file).expect("zip");
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("word/document.xml").expect("part"),
        &mut xml,
    )
    .expect("xml");
    xml
}

/// Runs `pakta diff OLD NEW` in every format and checks that each shows `old` deleted and `new` inserted
/// (either may be empty: a pure insertion or deletion).
fn every_format_shows(
    name: &str,
    old_text: &str,
    new_text: &str,
    old: &str,
    new: &str,
    part: bool,
) {
    // The word diff splits "2025-06-12" into its numbers: what must show deleted are the words of `old`
    // that `new` does not have, and the other way round.
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let (old_words, new_words) = (words(old), words(new));
    let gone: Vec<String> = old_words
        .iter()
        .filter(|w| !new_words.contains(w))
        .cloned()
        .collect();
    let came: Vec<String> = new_words
        .iter()
        .filter(|w| !old_words.contains(w))
        .cloned()
        .collect();
    let dir = tempfile::tempdir().expect("tempdir");
    let (a, b) = (dir.path().join("old.md"), dir.path().join("new.md"));
    std::fs::write(&a, old_text).expect("write");
    std::fs::write(&b, new_text).expect("write");
    let run = |format: &str, out: Option<&Path>| {
        let mut command = pakta();
        command.env("NO_COLOR", "1").arg("diff").arg(&a).arg(&b);
        command.args(["--format", format, "--context", "1000"]);
        if let Some(out) = out {
            command.arg("-o").arg(out);
        }
        let output = command.output().expect("run");
        assert_eq!(
            output.status.code(),
            Some(1),
            "{name}: {format} exit status"
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    let check = |format: &str, deleted: Vec<String>, inserted: Vec<String>| {
        for word in &gone {
            assert!(
                deleted.iter().any(|d| d.contains(word.as_str())),
                "{name}: {format} does not show {word:?} deleted: {deleted:?}"
            );
        }
        for word in &came {
            assert!(
                inserted.iter().any(|i| i.contains(word.as_str())),
                "{name}: {format} does not show {word:?} inserted: {inserted:?}"
            );
        }
    };
    let owned = |v: Vec<&str>| v.into_iter().map(str::to_string).collect::<Vec<_>>();

    let text = run("text", None);
    check(
        "text",
        owned(marked(&text, "[-", "-]")),
        owned(marked(&text, "{+", "+}")),
    );

    let md = run("md", None);
    let mut deleted = owned(marked(&md, "{--", "--}"));
    let mut inserted = owned(marked(&md, "{++", "++}"));
    for sub in marked(&md, "{~~", "~~}") {
        if let Some((d, i)) = sub.split_once("~>") {
            deleted.push(d.to_string());
            inserted.push(i.to_string());
        }
    }
    check("md", deleted, inserted);

    let json: Value = serde_json::from_str(&run("json", None)).expect("json");
    let (mut deleted, mut inserted) = (Vec::new(), Vec::new());
    for entry in json["articles"]
        .as_array()
        .into_iter()
        .chain(json["parts"].as_array())
        .flatten()
    {
        // Numbers and headings are reported beside the word diff, old and new.
        for (old_key, new_key) in [("old_heading", "new_heading"), ("old_number", "new_number")] {
            if entry[old_key] != entry[new_key] {
                deleted.extend(entry[old_key].as_str().map(str::to_string));
                inserted.extend(entry[new_key].as_str().map(str::to_string));
            }
        }
        for change in entry["changes"].as_array().into_iter().flatten() {
            let text = change["text"].as_str().unwrap_or_default().to_string();
            match change["op"].as_str() {
                Some("delete") => deleted.push(text),
                Some("insert") => inserted.push(text),
                _ => {}
            }
        }
    }
    check("json", deleted, inserted);
    assert!(
        !part
            || json["summary"]["parts"]["changed"]
                .as_array()
                .is_some_and(|c| !c.is_empty()),
        "{name}: the JSON summary names the changed part"
    );

    let html_path = dir.path().join("r.html");
    run("html", Some(&html_path));
    let html = std::fs::read_to_string(&html_path).expect("html");
    // `<del>` or `<del class="whole">` around a whole deleted line; the text follows the tag's `>`.
    let inner = |v: Vec<&str>| -> Vec<String> {
        v.into_iter()
            .map(|t| t.split_once('>').map_or(t, |(_, rest)| rest).to_string())
            .collect()
    };
    check(
        "html",
        inner(marked(&html, "<del", "</del>")),
        inner(marked(&html, "<ins", "</ins>")),
    );

    let docx_path = dir.path().join("r.docx");
    run("docx", Some(&docx_path));
    let xml = docx_xml(&docx_path);
    let deleted = marked(&xml, "<w:del ", "</w:del>")
        .into_iter()
        .flat_map(|d| marked(d, ">", "</w:delText>"))
        .map(|t| t.rsplit('>').next().unwrap_or(t).to_string())
        .collect();
    let inserted = marked(&xml, "<w:ins ", "</w:ins>")
        .into_iter()
        .flat_map(|i| marked(i, ">", "</w:t>"))
        .map(|t| t.rsplit('>').next().unwrap_or(t).to_string())
        .collect();
    check("docx", deleted, inserted);
}

fn edited(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "the example has {from:?}");
    text.replacen(from, to, 1)
}

#[test]
fn single_edits_outside_articles_are_seen_in_every_format() {
    for (file, closing_from, closing_to) in [
        (
            "id-tw-mou.en.md",
            "the English text shall prevail",
            "the Indonesian text shall prevail",
        ),
        (
            "id-tw-mou.id.md",
            "bahasa Inggris yang berlaku",
            "bahasa Indonesia yang berlaku",
        ),
    ] {
        let text = std::fs::read_to_string(example(file)).expect("example");
        let closing_old = closing_from.split(' ').nth(1).expect("word");
        let closing_new = closing_to.split(' ').nth(1).expect("word");
        every_format_shows(
            &format!("{file}: closing"),
            &text,
            &edited(&text, closing_from, closing_to),
            closing_old,
            closing_new,
            true,
        );
        every_format_shows(
            &format!("{file}: signing date"),
            &text,
            &edited(&text, "date: 2025-06-12", "date: 2025-07-01"),
            "2025-06-12",
            "2025-07-01",
            true,
        );
        let recital = text
            .lines()
            .skip_while(|l| !l.starts_with("# "))
            .filter(|l| l.ends_with(';'))
            .nth(1)
            .expect("a recital")
            .to_string();
        every_format_shows(
            &format!("{file}: recital deleted"),
            &text,
            &edited(&text, &format!("{recital}\n\n"), ""),
            &recital,
            "",
            true,
        );
        let chapter = text
            .lines()
            .find(|l| l.starts_with("## ") && (l.contains("CHAPTER") || l.contains("BAB")))
            .expect("a chapter heading")
            .to_string();
        every_format_shows(
            &format!("{file}: chapter heading"),
            &text,
            &edited(&text, &chapter, &format!("{chapter} REVISED")),
            "",
            "REVISED",
            true,
        );
        let signature = text
            .lines()
            .rev()
            .find(|l| l.contains("[Name]") || l.contains("[Nama]"))
            .expect("a signature line")
            .to_string();
        every_format_shows(
            &format!("{file}: signature line"),
            &text,
            &edited(&text, &signature, &signature.replace('[', "[Acting ")),
            "",
            "Acting",
            true,
        );
    }
}

#[test]
fn single_edits_outside_articles_of_real_treaties() {
    let Some(corpus) = corpus("single_edits_outside_articles_of_real_treaties") else {
        return;
    };
    let mut edits = 0;
    for name in [
        "BWBV0004587-bla-nl-turkey-1964.md",
        "BWBV0005977-ilo-c189-domestic-workers-2011.md",
        "BWBV0001031-coe-european-convention-legal-status-migrant-workers-1977.md",
    ] {
        let text =
            std::fs::read_to_string(corpus.join("nl-bwb-treaties").join(name)).expect("corpus");
        let lines: Vec<&str> = text.lines().collect();
        // The first body line after the first heading (a preamble), the last line of the file (closing,
        // signatures or annex), and the first heading that is not an article.
        let preamble = lines
            .iter()
            .skip_while(|l| !l.starts_with('#'))
            .skip(1)
            .find(|l| !l.trim().is_empty() && !l.starts_with('#'));
        let last = lines
            .iter()
            .rev()
            .find(|l| l.split_whitespace().count() >= 2);
        let heading = lines.iter().find(|l| {
            l.starts_with('#')
                && !l.to_lowercase().contains("artikel")
                && !l.to_lowercase().contains("article")
        });
        for line in [preamble, last, heading].into_iter().flatten() {
            let Some(word) = line
                .split(|c: char| !c.is_alphabetic())
                .rfind(|w| w.len() >= 4)
            else {
                continue;
            };
            let new_line = line.replacen(word, "Qzedited", 1);
            edits += 1;
            every_format_shows(
                &format!("{name}: {line:?}"),
                &text,
                &text.replacen(line, &new_line, 1),
                word,
                "Qzedited",
                false,
            );
        }
    }
    assert!(edits >= 6, "{edits} edits made");
}

/// One draft's whole text rebuilt from a `diff --format json` report: every entry on that side (`delete`:
/// OLD, `insert`: NEW), in that side's order, as its number, heading and its equal and `side` runs.
fn rebuilt(report: &Value, side: &str) -> String {
    let prefix = if side == "delete" { "old" } else { "new" };
    let mut entries: Vec<(u64, String)> = Vec::new();
    for entry in report["articles"]
        .as_array()
        .into_iter()
        .chain(report["parts"].as_array())
        .flatten()
    {
        let Some(position) = entry[format!("{prefix}_position")].as_u64() else {
            continue;
        };
        let mut text = format!(
            "{} {}\n",
            entry[format!("{prefix}_number")],
            entry[format!("{prefix}_heading")]
        );
        for change in entry["changes"].as_array().into_iter().flatten() {
            let op = change["op"].as_str().unwrap_or_default();
            if op == "equal" || op == side {
                text.push_str(change["text"].as_str().unwrap_or_default());
            }
        }
        entries.push((position, text));
    }
    entries.sort();
    let texts: Vec<String> = entries.into_iter().map(|(_, t)| t).collect();
    texts.join("\n\n")
}

/// `pakta diff A B --format json` as a value (exit status 0 or 1).
fn diff_json(a: &Path, b: &Path) -> Value {
    let output = pakta()
        .arg("diff")
        .arg(a)
        .arg(b)
        .args(["--format", "json"])
        .output()
        .expect("run");
    assert!(matches!(output.status.code(), Some(0 | 1)), "{output:?}");
    serde_json::from_slice(&output.stdout).expect("json")
}

/// Random single-word edits anywhere in the body of bundled and real documents, through the binary: every
/// format shows the old word deleted and the new one inserted. (Front matter and heading lines are covered
/// by the edits above; replacing "Article" in a heading would change the structure, not a word.)
#[test]
fn random_edits_are_seen_in_every_format() {
    let mut files: Vec<std::path::PathBuf> =
        ["id-tw-mou.en.md", "id-tw-mou.id.md", "id-my-domestic.v2.md"]
            .into_iter()
            .map(example)
            .collect();
    if let Some(corpus) = corpus("random_edits_are_seen_in_every_format") {
        for name in [
            "BWBV0005977-ilo-c189-domestic-workers-2011.md",
            "BWBV0004587-bla-nl-turkey-1964.md",
        ] {
            files.push(corpus.join("nl-bwb-treaties").join(name));
        }
    }
    let mut state: u64 = 0x5eed;
    let mut next = |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) as usize) % n.max(1)
    };
    let mut edits = 0;
    for path in &files {
        let text = std::fs::read_to_string(path).expect("document");
        let body_start = text
            .strip_prefix("---\n")
            .and_then(|rest| rest.find("\n---\n").map(|end| end + 9))
            .unwrap_or(0);
        // Words of four letters or more on body lines that are not headings, tags or comments.
        let mut words: Vec<(usize, &str)> = Vec::new();
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            let plain = !line.starts_with('#') && !line.trim_start().starts_with('<');
            if at >= body_start && plain {
                let mut start = None;
                for (i, c) in line.char_indices().chain([(line.len(), ' ')]) {
                    match (c.is_ascii_alphabetic(), start) {
                        (true, None) => start = Some(i),
                        (false, Some(s)) => {
                            if i - s >= 4 {
                                words.push((at + s, &line[s..i]));
                            }
                            start = None;
                        }
                        _ => {}
                    }
                }
            }
            at += line.len();
        }
        for _ in 0..3 {
            let (start, word) = words[next(words.len())];
            let edited = format!("{}Qzedited{}", &text[..start], &text[start + word.len()..]);
            edits += 1;
            let name = format!("{}: {word:?} at byte {start}", path.display());
            every_format_shows(&name, &text, &edited, word, "Qzedited", false);
            // The JSON contract spells both drafts whole: rebuilt from OLD → NEW, each side is what a
            // draft compared with itself spells.
            let dir = tempfile::tempdir().expect("tempdir");
            let (a, b) = (dir.path().join("old.md"), dir.path().join("new.md"));
            std::fs::write(&a, &text).expect("write");
            std::fs::write(&b, &edited).expect("write");
            let report = diff_json(&a, &b);
            assert_eq!(
                rebuilt(&report, "delete"),
                rebuilt(&diff_json(&a, &a), "delete"),
                "{name}: OLD"
            );
            assert_eq!(
                rebuilt(&report, "insert"),
                rebuilt(&diff_json(&b, &b), "insert"),
                "{name}: NEW"
            );
        }
    }
    assert!(edits >= 9, "{edits} edits");
}
