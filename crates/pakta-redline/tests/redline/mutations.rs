//! A real text, mutated by the test itself: the English part of ILO C189 from the shared corpus as OLD, and
//! a copy with an inserted article, a moved article, "shall" → "may", a changed number, a deleted
//! paragraph, a changed heading and a deleted article as NEW. Every mutation must be found, with the right
//! flags, and nothing else reported as modified.

use pakta_core::Language;
use pakta_norms::quantity;
use pakta_redline::{Flag, Options, Status, redline};

use crate::corpus;

/// An article as the test edits it: heading and its clauses as printed lines.
#[derive(Clone)]
struct Draft {
    heading: Option<String>,
    lines: Vec<String>,
}

fn render(articles: &[Draft]) -> String {
    let mut out = String::from("# Convention\n\n");
    for (i, a) in articles.iter().enumerate() {
        match &a.heading {
            Some(h) => out.push_str(&format!("### Article {} — {h}\n\n", i + 1)),
            None => out.push_str(&format!("### Article {}\n\n", i + 1)),
        }
        for line in &a.lines {
            out.push_str(line);
            out.push_str("\n\n");
        }
    }
    out
}

#[test]
fn every_mutation_of_c189_is_found() {
    let Some(corpus) = corpus("every_mutation_of_c189_is_found") else {
        return;
    };
    let text = std::fs::read_to_string(
        corpus.join("nl-bwb-treaties/BWBV0005977-ilo-c189-domestic-workers-2011.md"),
    )
    .expect("C189 in the corpus");
    let parsed = pakta_core::parse(&text);
    let english: Vec<_> = parsed
        .articles_in(&Language::En)
        .filter(|a| {
            a.sequence
                == parsed
                    .articles_in(&Language::En)
                    .next()
                    .map_or(0, |f| f.sequence)
        })
        .collect();
    assert_eq!(english.len(), 27);
    // Paragraphs as "(n) text" lines, points folded into their paragraph, so the rendering parses back alike.
    let base: Vec<Draft> = english
        .iter()
        .map(|a| Draft {
            heading: a.heading.clone(),
            lines: a
                .clauses
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let mut line = format!("({}) {}", i + 1, c.text);
                    for child in a
                        .clauses_flat()
                        .iter()
                        .filter(|x| x.id.starts_with(&format!("{}__", c.id)))
                    {
                        line.push(' ');
                        line.push_str(&child.text);
                    }
                    line
                })
                .collect(),
        })
        .collect();
    let old_text = render(&base);

    let mut new = base.clone();
    // Changed number: the first paragraph holding a quantity in digits (Article 10: "24 consecutive hours").
    let (na, nl, digits) = new
        .iter()
        .enumerate()
        .flat_map(|(a, d)| {
            d.lines
                .iter()
                .enumerate()
                .map(move |(l, line)| (a, l, line.clone()))
        })
        .find_map(|(a, l, line)| {
            // Skip the paragraph label "(n)" at the start of the line.
            quantity::quantities(&line)
                .into_iter()
                .find(|q| q.start > 4 && q.text.chars().next().is_some_and(|c| c.is_ascii_digit()))
                .map(|q| (a, l, q.text))
        })
        .expect("a number in C189");
    let number: String = digits.chars().take_while(char::is_ascii_digit).collect();
    let bumped = (number.parse::<u32>().expect("digits") + 12).to_string();
    let at = new[na].lines[nl].find(&digits).expect("the quantity");
    new[na].lines[nl].replace_range(at..at + number.len(), &bumped);
    // shall → may in the first article after Article 3 whose first paragraph binds with "shall".
    let weakened = (3..new.len())
        .find(|&i| i != na && new[i].lines.first().is_some_and(|l| l.contains(" shall ")))
        .expect("a shall");
    new[weakened].lines[0] = new[weakened].lines[0].replacen("shall", "may", 1);
    // Deleted paragraph: the last paragraph of Article 7 (0-based 6) — choose an article with several.
    let trimmed = (0..new.len())
        .find(|&i| new[i].lines.len() >= 2 && i != weakened && i != na)
        .expect("an article with two paragraphs");
    new[trimmed].lines.pop();
    // Changed heading on Article 12.
    let retitled = 11;
    new[retitled].heading = Some("Payment of wages".to_string());
    // Deleted article: Article 20.
    let removed = 19;
    new.remove(removed);
    // Moved article: Article 15 goes to the end of the operative articles (after old 19).
    let moved = 14;
    let article = new.remove(moved);
    new.insert(18, article);
    // Inserted article near the top.
    new.insert(
        2,
        Draft {
            heading: Some("Cooperation".into()),
            lines: vec![
                "(1) Members shall cooperate with each other to give effect to this Convention."
                    .into(),
            ],
        },
    );
    let new_text = render(&new);

    let old = pakta_core::parse(&old_text);
    let new_doc = pakta_core::parse(&new_text);
    let r = redline(&old, &new_doc, &Options::default());
    let find = |old_number: usize| {
        r.articles()
            .find(|a| a.old_number.as_deref() == Some(&old_number.to_string()))
            .unwrap_or_else(|| panic!("old {old_number}"))
    };
    for a in r.articles() {
        println!(
            "{:?} {:?}→{:?} moved={} {:?} {:?}",
            a.status, a.old_number, a.new_number, a.moved, a.flags, a.values
        );
    }
    assert_eq!(r.summary.added, 1, "one inserted article");
    assert_eq!(r.summary.deleted, 1, "one deleted article");
    assert_eq!(find(removed + 1).status, Status::Deleted);
    assert!(find(moved + 1).moved, "Article 15 moved");
    assert_eq!(r.summary.moved, 1, "only one article moved");
    assert!(find(weakened + 1).flags.contains(&Flag::ModalWeakened));
    assert!(find(na + 1).flags.contains(&Flag::NumberChanged));
    assert!(
        find(na + 1)
            .values
            .iter()
            .any(|v| v.old.contains(&number) && v.new.contains(&bumped))
    );
    assert_eq!(find(retitled + 1).flags, [Flag::HeadingChanged]);
    let cut = find(trimmed + 1);
    assert_eq!(cut.status, Status::Modified);
    assert!(
        cut.clauses.iter().any(|c| c.new.is_none()),
        "a deleted paragraph in Article {}",
        trimmed + 1
    );
    let touched = [na + 1, weakened + 1, trimmed + 1, retitled + 1, removed + 1];
    for a in r.articles().filter(|a| a.status == Status::Modified) {
        let n: usize = a
            .old_number
            .as_deref()
            .and_then(|n| n.parse().ok())
            .expect("number");
        assert!(
            touched.contains(&n),
            "Article {n} reported modified: {:?} {:?}",
            a.flags,
            a.values
        );
    }
}
