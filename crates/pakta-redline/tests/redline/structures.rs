//! Documents structured without "Article N" — numbered-section contracts, `SEC.` bills, `Paragraph N`
//! memoranda, `Clause N` contracts (the parser's fixtures) — redlined against a second version made by the
//! test itself: one provision deleted (every later number shifted down), one moved to the end, one edited.
//! The redline must report exactly those three, the shifted provisions renumbered and nothing else changed.
//! An annex that numbers its articles again names them with the annex.

use pakta_redline::{Options, Status, redline};

use crate::read;

/// The first line of `text[range]` with its number `from` replaced by `to` (only the first occurrence,
/// which is the provision's own number in its heading or list marker).
fn renumber(line: &str, from: &str, to: &str) -> String {
    match line.find(from) {
        Some(at) => format!("{}{to}{}", &line[..at], &line[at + from.len()..]),
        None => line.to_string(),
    }
}

#[test]
fn provisions_deleted_moved_and_edited_in_every_structure() {
    let mut checked = 0;
    for name in [
        "numbered-sections.md",
        "bill-sections.md",
        "mou-paragraphs.md",
        "clauses-exhibit.md",
        "list-headings.md",
    ] {
        let path = format!("crates/pakta-core/tests/fixtures/{name}");
        let Ok(text) = std::fs::read_to_string(crate::repo().join(&path)) else {
            continue;
        };
        let old = pakta_core::parse(&read(&path));
        let main: Vec<_> = old.articles.iter().filter(|a| a.sequence == 0).collect();
        if main.len() < 6 {
            continue;
        }
        checked += 1;
        // Delete the second provision, edit the fourth, move the third to after the last.
        let (deleted, moved, edited) = (main[1], main[2], main[3]);
        // A provision runs from its start to the next provision's (the last one to the closing, the first
        // division after it, or the end): spans of list-item provisions may cover their first line only.
        // A provision starts at the beginning of its line (a list item's span may start after its marker).
        let line_start = |at: usize| text[..at].rfind('\n').map_or(0, |i| i + 1);
        let starts: Vec<usize> = main.iter().map(|a| line_start(a.span.start)).collect();
        let tail = old
            .closing
            .iter()
            .map(|b| b.span.start)
            .chain(old.divisions.iter().map(|d| d.span.start))
            .filter(|&s| s > main.last().expect("provisions").span.start)
            .min()
            .unwrap_or(text.len());
        let ends: Vec<usize> = (0..main.len())
            .map(|i| starts.get(i + 1).copied().unwrap_or(tail))
            .collect();
        let slice = |a: &pakta_core::Article| {
            let i = main.iter().position(|m| m.id == a.id).expect("provision");
            &text[starts[i]..ends[i]]
        };
        let mut out = String::new();
        out.push_str(&text[..line_start(main[0].span.start)]);
        let mut number_shift: Vec<(String, String)> = Vec::new();
        for (i, article) in main.iter().enumerate() {
            if i >= 2 {
                number_shift.push((article.number.clone(), main[i - 1].number.clone()));
            }
        }
        let shifted = |a: &pakta_core::Article| -> String {
            let body = slice(a);
            let to = number_shift
                .iter()
                .find(|(from, _)| *from == a.number)
                .map(|(_, to)| to.clone());
            match (to, body.split_once('\n')) {
                (Some(to), Some((first, rest))) => {
                    format!("{}\n{rest}", renumber(first, &a.number, &to))
                }
                _ => body.to_string(),
            }
        };
        let last = main.last().expect("provisions");
        for article in &main {
            if article.id == deleted.id || article.id == moved.id {
                continue;
            }
            let mut body = shifted(article);
            if article.id == edited.id {
                let word = body
                    .split_whitespace()
                    .rev()
                    .find(|w| w.len() > 4 && w.chars().all(char::is_alphabetic))
                    .expect("a word to edit")
                    .to_string();
                let at = body.rfind(&word).expect("the word");
                body.replace_range(at..at + word.len(), "Qzamended");
            }
            out.push_str(body.trim_end());
            out.push_str("\n\n");
            if article.id == last.id {
                out.push_str(shifted(moved).trim_end());
                out.push_str("\n\n");
            }
        }
        out.push_str(&text[tail..]);
        let new = pakta_core::parse(&out);
        let r = redline(&old, &new, &Options::default());
        let report: Vec<String> = r
            .articles()
            .filter(|a| a.status != Status::Unchanged || a.moved)
            .map(|a| {
                format!(
                    "{:?} {:?}→{:?} moved={}",
                    a.status, a.old_number, a.new_number, a.moved
                )
            })
            .collect();
        assert_eq!(r.summary.deleted, 1, "{name}: {report:#?}");
        assert_eq!(r.summary.added, 0, "{name}: {report:#?}");
        assert_eq!(r.summary.moved, 1, "{name}: {report:#?}");
        assert_eq!(r.summary.modified, 1, "{name}: {report:#?}");
        let by_old = |n: &str| {
            r.articles()
                .find(|a| a.old_number.as_deref() == Some(n))
                .unwrap_or_else(|| panic!("{name}: old {n}"))
        };
        assert_eq!(by_old(&deleted.number).status, Status::Deleted, "{name}");
        assert!(by_old(&moved.number).moved, "{name}");
        assert_eq!(by_old(&edited.number).status, Status::Modified, "{name}");
        // Every provision after the deleted one follows it down: renumbered, text unchanged.
        for article in &main[4..] {
            let entry = by_old(&article.number);
            assert!(
                entry.renumbered,
                "{name}: {} not renumbered",
                article.number
            );
            assert_eq!(
                entry.status,
                Status::Unchanged,
                "{name}: {} modified",
                article.number
            );
        }
    }
    println!("{checked} structures redlined");
    assert!(
        checked >= 4,
        "only {checked} of the structure fixtures have six provisions"
    );
}

/// A section deleted in a contract numbered in sections: the later sections are renumbered, and a reference
/// that follows its target ("Section 4.2" → "Section 3.2") is a cross-reference change, which
/// `--ignore-numbering` ignores.
#[test]
fn section_references_follow_their_renumbered_targets() {
    let sections = [
        ("SCOPE", "(1) This contract covers household work only."),
        ("PROBATION", "(1) The first month is a trial period."),
        (
            "WAGES",
            "(1) Wages are paid monthly into the worker's account.",
        ),
        (
            "DEDUCTIONS",
            "(1) Nothing may be deducted from wages.\n\n(2) A deduction the law requires is shown on the payslip.",
        ),
        (
            "COMPLAINTS",
            "(1) A complaint about a deduction under Section TARGET goes to the labour office.",
        ),
    ];
    // The contract numbered 1, 2, 3 … without the section `omit`, its reference naming `target`.
    let contract = |omit: Option<usize>, target: &str| -> String {
        sections
            .iter()
            .enumerate()
            .filter(|(i, _)| Some(*i) != omit)
            .enumerate()
            .map(|(n, (_, (title, body)))| {
                let body = body.replace("TARGET", target);
                format!("SECTION {}. {title}.\n\n{body}\n\n", n + 1)
            })
            .collect()
    };
    let (old, new) = (contract(None, "4.2"), contract(Some(1), "3.2"));
    let (old, new) = (pakta_core::parse(&old), pakta_core::parse(&new));
    assert_eq!((old.articles.len(), new.articles.len()), (5, 4));
    let strict = redline(&old, &new, &Options::default());
    assert_eq!(strict.summary.deleted, 1);
    assert_eq!(strict.summary.renumbered, 3);
    let complaints = strict
        .articles()
        .find(|a| a.old_number.as_deref() == Some("5"))
        .expect("section 5");
    assert_eq!(
        complaints.flags,
        [pakta_redline::Flag::CrossReferenceChanged]
    );
    let lenient = redline(
        &old,
        &new,
        &Options {
            ignore_numbering: true,
            ..Options::default()
        },
    );
    assert_eq!(
        lenient.summary.modified, 0,
        "renumbering alone is not a modification"
    );
    assert_eq!(lenient.summary.deleted, 1);
}

/// An article's title written on the article line, on the next heading line, in bold or in capitals is one
/// title: rewriting it from one form to another is not a change, dropping it is `heading-changed`, and
/// neither is ever a deleted article plus an added one.
#[test]
fn titles_written_anywhere_are_one_title() {
    let body = "1. The employer shall pay the wage by the seventh day of each month.\n\n\
                2. Nothing may be deducted from it without the worker's written consent.\n";
    let forms = [
        format!("### Article 4 — Wages\n\n{body}"),
        format!("### Article 4\n\n#### Wages\n\n{body}"),
        format!("### Article 4\n\n####Wages\n\n{body}"),
        format!("### Article 4\n\n**Wages**\n\n{body}"),
        format!("### Article 4\n\nWAGES\n\n{body}"),
    ];
    let document = |article: &str| {
        format!(
            "# Memorandum\n\n### Article 3 — Scope\n\n1. This applies to domestic work.\n\n{article}\n\
             ### Article 5 — Rest\n\n1. One day a week is free.\n"
        )
    };
    for (i, a) in forms.iter().enumerate() {
        for b in &forms[i + 1..] {
            let (old, new) = (
                pakta_core::parse(&document(a)),
                pakta_core::parse(&document(b)),
            );
            let r = redline(&old, &new, &Options::default());
            let wages = r
                .articles()
                .find(|e| e.old_number.as_deref() == Some("4"))
                .expect("article 4");
            assert_eq!(wages.new_number.as_deref(), Some("4"), "{a:?} → {b:?}");
            // "Wages" and "WAGES" are the same title written in capitals.
            let same = wages.old_heading.as_deref().map(str::to_lowercase)
                == wages.new_heading.as_deref().map(str::to_lowercase);
            assert!(
                same,
                "{a:?} → {b:?}: {:?} → {:?}",
                wages.old_heading, wages.new_heading
            );
            assert_eq!(
                (r.summary.added, r.summary.deleted),
                (0, 0),
                "{a:?} → {b:?}"
            );
            assert!(
                wages.clauses.iter().all(|c| !c.changed),
                "{a:?} → {b:?}: the title became a clause"
            );
        }
    }
    let untitled = format!("### Article 4\n\n{body}");
    let (old, new) = (
        pakta_core::parse(&document(&forms[1])),
        pakta_core::parse(&document(&untitled)),
    );
    let r = redline(&old, &new, &Options::default());
    let wages = r
        .articles()
        .find(|e| e.old_number.as_deref() == Some("4"))
        .expect("article 4");
    assert_eq!(wages.status, Status::Modified);
    assert_eq!(wages.flags, [pakta_redline::Flag::HeadingChanged]);
    assert_eq!((r.summary.added, r.summary.deleted), (0, 0));
}

#[test]
fn an_annex_article_is_named_with_its_annex() {
    // The annex numbers its articles from 1 again: its Article 2 is not the main text's.
    let draft = |penalty: &str| {
        pakta_core::parse(&format!(
            "## Article 1\n\nThe Parties cooperate.\n\n## Article 2\n\nThe Parties exchange data.\n\n\
             # Annex I — Recruitment Rules\n\n## Article 1\n\nAgencies are licensed.\n\n\
             ## Article 2\n\nAn unlicensed recruiter is liable to {penalty}.\n"
        ))
    };
    let r = pakta_redline::redline(
        &draft("penalties"),
        &draft("fines"),
        &pakta_redline::Options::default(),
    );
    let named: Vec<String> = r
        .articles()
        .map(|a| {
            format!(
                "{} {}",
                r.noun_for(a),
                a.new_number.as_deref().unwrap_or("")
            )
        })
        .collect();
    assert_eq!(
        named,
        [
            "Article 1",
            "Article 2",
            "Annex I, Article 1",
            "Annex I, Article 2"
        ]
    );
}

#[test]
fn a_short_article_renumbered_and_edited_pairs_with_its_old_self() {
    // Article 2 is deleted; the passport article becomes 3 and loses its "not". It is one provision,
    // renumbered and weakened, not an article deleted and another added without a flag.
    let old = pakta_core::parse(
        "# T\n\n## 1. Purpose\n\nThis Agreement governs the employment of workers.\n\n\
         ## 2. Fees\n\nThe employer shall pay all fees and the worker shall pay none.\n\n\
         ## 3. Passport\n\nThe employer shall not keep the passport.\n",
    );
    let new = pakta_core::parse(
        "# T\n\n## 1. Purpose\n\nThis Agreement governs the employment of workers.\n\n\
         ## 2. Passport\n\nThe employer may keep the passport.\n",
    );
    let r = redline(&old, &new, &Options::default());
    let passport = r
        .entries
        .iter()
        .find(|e| e.old_number.as_deref() == Some("3"))
        .expect("the passport article is paired");
    assert_eq!(passport.new_number.as_deref(), Some("2"));
    assert!(
        passport.flags.contains(&pakta_redline::Flag::ModalWeakened),
        "{:?}",
        passport.flags
    );
}

#[test]
fn an_article_that_a_division_heading_moved_past_is_a_difference() {
    // Only the line "## Chapter III" moves, above Article 3: the unchanged article now sits in the chapter
    // of the other Party's duties, or in a non-binding annex. Whose duty it is changed.
    let chapter = "# Chapter III — Duties of the Sending Party\n\n";
    let annex = "# Annex — Guidance for Employers, Not Binding\n\n";
    for heading in [chapter, annex] {
        let draft = |before_third: bool| {
            let (early, late) = if before_third {
                (heading, "")
            } else {
                ("", heading)
            };
            pakta_core::parse(&format!(
                "# Chapter II — Duties of the Receiving Party\n\n\
                 ## Article 2\n\nThe Party registers every placement.\n\n{early}\
                 ## Article 3\n\nNo recruitment cost is charged to the worker.\n\n{late}\
                 ## Article 4\n\nThe Party trains workers before departure.\n"
            ))
        };
        let r = redline(&draft(false), &draft(true), &Options::default());
        assert!(r.has_differences(), "{heading}");
        let moved: Vec<_> = r.entries.iter().filter(|e| e.moved).collect();
        assert_eq!(moved.len(), 1, "{heading}");
    }
}

#[test]
fn a_deleted_article_is_merged_only_into_one_that_gained_its_words() {
    let old = pakta_core::parse(
        "## Article 1\n\nThe employer pays a caregiver at least USD 600 each month by bank transfer.\n\n\
         ## Article 2\n\nThe employer pays a domestic worker at least USD 550 each month by bank transfer.\n\n\
         ## Article 3\n\nThe worker may keep a copy of the contract and every payslip in a language understood.\n",
    );
    // Article 2 dropped; Article 1 only cut its amount. The two share their wording, not the floor.
    let dropped = pakta_core::parse(
        "## Article 1\n\nThe employer pays a caregiver at least USD 500 each month by bank transfer.\n\n\
         ## Article 2\n\nThe worker may keep a copy of the contract and every payslip in a language understood.\n",
    );
    // Article 3's text moved into Article 1, which gained it.
    let merged = pakta_core::parse(
        "## Article 1\n\nThe employer pays a caregiver at least USD 600 each month by bank transfer.\n\n\
         The worker may keep a copy of the contract and every payslip in a language understood.\n\n\
         ## Article 2\n\nThe employer pays a domestic worker at least USD 550 each month by bank transfer.\n",
    );
    let merged_into = |new: &pakta_core::Agreement| -> Vec<Option<String>> {
        redline(&old, new, &Options::default())
            .articles()
            .filter(|a| a.status == Status::Deleted)
            .map(|a| a.merged_into.clone())
            .collect()
    };
    assert_eq!(merged_into(&dropped), [None]);
    assert_eq!(merged_into(&merged), [Some("1".to_string())]);
}

/// A clause struck through in a counter-draft ("~~…~~", as Word's hand strikethrough is imported) is a
/// proposed deletion: a difference the redline shows, never "the drafts are the same".
#[test]
fn a_clause_struck_through_is_a_difference() {
    let old = "## Article 12 — Repatriation\n\n1. The Employer shall bear the return fare.\n\n2. The Employer shall bear the cost of repatriating the remains.\n";
    let new = old.replace(
        "2. The Employer shall bear the cost of repatriating the remains.",
        "2. ~~The Employer shall bear the cost of repatriating the remains.~~",
    );
    let r = pakta_redline::redline(
        &pakta_core::parse(old),
        &pakta_core::parse(&new),
        &pakta_redline::Options::default(),
    );
    assert!(r.has_differences());
    let text: String = r
        .articles()
        .next()
        .expect("article")
        .text_on(pakta_core::diff::ChangeOp::Insert)
        .unwrap_or_default();
    assert!(text.contains("~~The Employer"), "{text}");
}
