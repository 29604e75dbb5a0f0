//! The bundled redline pair: every planted change of agreements/README.md, and nothing else.

use pakta_redline::{EntryRedline, Flag, Options, Status, redline};

use crate::parse;

fn by_old<'a>(articles: &'a [EntryRedline], old: &str) -> &'a EntryRedline {
    articles
        .iter()
        .find(|a| a.old_number.as_deref() == Some(old))
        .unwrap_or_else(|| panic!("old article {old}"))
}

fn has_value(article: &EntryRedline, flag: Flag, old: &str, new: &str) -> bool {
    article
        .values
        .iter()
        .any(|v| v.flag == flag && v.old.contains(old) && v.new.contains(new))
}

#[test]
fn every_planted_change_of_the_v1_v2_pair() {
    let old = parse("agreements/examples/id-my-domestic.v1.md");
    let new = parse("agreements/examples/id-my-domestic.v2.md");
    let r = redline(&old, &new, &Options::default());
    let a: &[EntryRedline] = &r.articles().cloned().collect::<Vec<_>>();
    for line in a.iter().map(|x| {
        format!(
            "{:?} {:?}→{:?} moved={} renum={} {:?} {:?}",
            x.status, x.old_number, x.new_number, x.moved, x.renumbered, x.flags, x.values
        )
    }) {
        println!("{line}");
    }

    // The mapping table: v1 → v2.
    let mapping = [
        ("1", "1"),
        ("2", "2"),
        ("3", "4"),
        ("4", "5"),
        ("5", "6"),
        ("6", "7"),
        ("7", "8"),
        ("8", "9"),
        ("9", "10"),
        ("10", "11"),
        ("11", "12"),
        ("12", "15"),
        ("13", "13"),
        ("15", "14"),
        ("16", "16"),
        ("17", "17"),
    ];
    for (v1, v2) in mapping {
        assert_eq!(
            by_old(a, v1).new_number.as_deref(),
            Some(v2),
            "v1 Article {v1}"
        );
    }
    // Inserted and deleted.
    let added: Vec<_> = a
        .iter()
        .filter(|x| x.status == Status::Added)
        .map(|x| x.new_number.clone())
        .collect();
    assert_eq!(added, [Some("3".to_string())]);
    let deleted: Vec<_> = a
        .iter()
        .filter(|x| x.status == Status::Deleted)
        .map(|x| x.old_number.clone())
        .collect();
    assert_eq!(deleted, [Some("14".to_string())]);
    // Moved: only Complaints (12 → 15); everything else shifted in order.
    let moved: Vec<_> = a
        .iter()
        .filter(|x| x.moved)
        .map(|x| x.old_number.clone())
        .collect();
    assert_eq!(moved, [Some("12".to_string())]);
    // Unchanged text: Scope; renumbered only: 3, 4, 5, 8, 10.
    assert_eq!(by_old(a, "2").status, Status::Unchanged);
    for v1 in ["3", "4", "5", "8", "10"] {
        let x = by_old(a, v1);
        assert_eq!(
            x.status,
            Status::Unchanged,
            "v1 Article {v1} is only renumbered: {:?}",
            x.values
        );
        assert!(x.renumbered);
    }
    // Amounts and durations.
    assert!(has_value(
        by_old(a, "7"),
        Flag::NumberChanged,
        "1,500",
        "1,200"
    ));
    assert!(has_value(
        by_old(a, "6"),
        Flag::NumberChanged,
        "two years",
        "three years"
    ));
    assert!(has_value(
        by_old(a, "17"),
        Flag::NumberChanged,
        "ninety days",
        "sixty days"
    ));
    // Obligations weakened.
    assert!(by_old(a, "15").flags.contains(&Flag::ModalWeakened));
    assert!(by_old(a, "13").flags.contains(&Flag::ModalWeakened));
    assert!(has_value(
        by_old(a, "13"),
        Flag::ModalWeakened,
        "shall",
        "endeavo"
    ));
    // Negation removed (and the obligation weakened with it).
    assert!(by_old(a, "7").flags.contains(&Flag::NegationRemoved));
    // Cost moved from employer to worker.
    assert!(has_value(
        by_old(a, "11"),
        Flag::PartyChanged,
        "employer",
        "domestic worker"
    ));
    // Heading changed, body unchanged.
    let x = by_old(a, "9");
    assert_eq!(x.flags, [Flag::HeadingChanged]);
    // Cross-references renumbered.
    for v1 in ["1", "6", "12", "15", "16"] {
        assert!(
            by_old(a, v1).flags.contains(&Flag::CrossReferenceChanged),
            "v1 Article {v1}"
        );
    }
    // The stale reference: v2 13(1) still names Article 6, which is now Article 7.
    assert_eq!(r.references.len(), 1, "{:?}", r.references);
    let stale = &r.references[0];
    assert_eq!(
        (
            stale.article.as_str(),
            stale.target.as_str(),
            stale.meant.as_deref()
        ),
        ("13", "6", Some("7"))
    );
    // No flags where nothing of the kind changed.
    for x in a.iter().filter(|x| x.status == Status::Unchanged) {
        assert!(x.flags.is_empty(), "{:?}", x.old_number);
    }
    assert_eq!(
        (r.summary.added, r.summary.deleted, r.summary.moved),
        (1, 1, 1)
    );
}

#[test]
fn an_article_inserted_near_the_top_changes_nothing_else() {
    let text = crate::read("agreements/examples/id-tw-mou.en.md");
    let old = pakta_core::parse(&text);
    // Insert a new Article 2 and renumber every later article and reference, as a drafter would.
    let mut renumbered = String::new();
    for line in text.lines() {
        renumbered.push_str(&shift_numbers(line));
        renumbered.push('\n');
    }
    let insertion = "### Article 2 — Principles\n\nThe Parties shall be guided by the principles of fair recruitment and decent work.\n\n";
    let at = renumbered
        .find("### Article 3 —")
        .expect("Article 3 after the shift");
    renumbered.insert_str(at, insertion);
    let new = pakta_core::parse(&renumbered);
    assert_eq!(new.articles.len(), old.articles.len() + 1);
    let r = redline(
        &old,
        &new,
        &Options {
            ignore_numbering: true,
            ..Options::default()
        },
    );
    let modified: Vec<_> = r
        .articles()
        .filter(|x| x.status == Status::Modified)
        .map(|x| x.old_number.clone())
        .collect();
    assert!(
        modified.is_empty(),
        "renumbering alone modified {modified:?}"
    );
    assert_eq!(r.summary.added, 1);
    assert_eq!(r.summary.moved, 0);
    assert_eq!(r.summary.renumbered, old.articles.len() - 1);
    assert!(r.references.is_empty(), "{:?}", r.references);
    // Without --ignore-numbering the references that followed their targets are reported, nothing else.
    let strict = redline(&old, &new, &Options::default());
    for x in strict.articles().filter(|x| x.status == Status::Modified) {
        assert_eq!(x.flags, [Flag::CrossReferenceChanged], "{:?}", x.old_number);
    }
}

/// Adds one to every article number ≥ 2 in headings and references ("Article 5" → "Article 6").
fn shift_numbers(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(i) = rest.find("Article ") {
        out.push_str(&rest[..i + 8]);
        rest = &rest[i + 8..];
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        match digits.parse::<u32>() {
            Ok(n) if n >= 2 => out.push_str(&(n + 1).to_string()),
            _ => out.push_str(&digits),
        }
        rest = &rest[digits.len()..];
    }
    out.push_str(rest);
    out
}

/// A reference to a list of articles ("Articles 6 and 7", *Pasal 6 dan 7*, "Articles 6 to 8") is read
/// by identity like a single one: a draft against itself, or against its renumbered self, is unchanged
/// (it used to panic with `--ignore-numbering`).
#[test]
fn references_to_lists_of_articles_are_read_by_identity() {
    for (word, list, shifted) in [
        ("Article", "Articles 6 and 7", "Articles 7 and 8"),
        ("Article", "Articles 6 to 8", "Articles 7 to 9"),
        ("Pasal", "Pasal 6 dan 7", "Pasal 7 dan 8"),
    ] {
        // Articles 1 to 9, then one citing the list; the later draft has a new first article.
        let draft = |first: Option<&str>, list: &str| {
            let mut text = String::from("# Test\n\n");
            let offset = usize::from(first.is_some());
            if let Some(first) = first {
                text.push_str(&format!("## {word} 1\n\n{first}\n\n"));
            }
            let topics = [
                "wages",
                "rest days",
                "passports",
                "recruitment fees",
                "return travel",
                "insurance",
                "complaints",
                "housing",
                "training",
            ];
            for (n, topic) in topics.iter().enumerate() {
                let number = n + 1 + offset;
                text.push_str(&format!(
                    "## {word} {number}\n\nThe Parties shall cooperate on {topic}.\n\n"
                ));
            }
            text.push_str(&format!(
                "## {word} {}\n\nComplaints under {list} go to the committee.\n",
                10 + offset
            ));
            pakta_core::parse(&text)
        };
        let old = draft(None, list);
        let options = Options {
            ignore_numbering: true,
            ..Options::default()
        };
        let same = redline(&old, &old, &options);
        assert!(
            same.articles().all(|x| x.status == Status::Unchanged),
            "{list}"
        );
        let new = draft(Some("A new first article."), shifted);
        let r = redline(&old, &new, &options);
        assert_eq!(r.summary.added, 1, "{list}");
        let modified: Vec<_> = r
            .articles()
            .filter(|x| x.status == Status::Modified)
            .map(|x| &x.old_number)
            .collect();
        assert!(modified.is_empty(), "{list}: {modified:?}");
        // Both numbers were updated, so no reference is stale, with or without the option.
        assert!(r.references.is_empty(), "{list}: {:?}", r.references);
        let strict = redline(&old, &new, &Options::default());
        assert!(
            strict.references.is_empty(),
            "{list}: {:?}",
            strict.references
        );
    }
}

/// A paragraph inserted above the one a reference names ("in breach of paragraph 1", *sebagaimana
/// dimaksud pada ayat (1)*) leaves the reference naming another paragraph; the later paragraphs pair with
/// their own text, not with the paragraph that took their number.
/// Numbered paragraphs as they read after one is inserted above them: "1. …" becomes "2. …", "(1)" "(2)".
fn shifted_down(paragraphs: &[&str]) -> Vec<String> {
    paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let (label, rest) = p.split_once(' ').expect("a label");
            let next = label.replace(&(i + 1).to_string(), &(i + 2).to_string());
            format!("{next} {rest}")
        })
        .collect()
}

#[test]
fn a_paragraph_reference_left_behind_by_an_inserted_paragraph_is_reported() {
    for (word, paragraphs, inserted, reference) in [
        (
            "Article",
            [
                "1. No agency shall charge the worker any fee.",
                "2. The employer shall bear the cost of the visa.",
                "3. Any fee collected in breach of paragraph 1 shall be refunded within thirty days.",
            ],
            "1. The Parties shall license every recruitment agency.",
            "paragraph 1",
        ),
        (
            "Pasal",
            [
                "(1) Agensi dilarang memungut biaya dari Pekerja.",
                "(2) Pengguna wajib menanggung biaya visa.",
                "(3) Biaya yang dipungut sebagaimana dimaksud pada ayat (1) wajib dikembalikan dalam 30 hari.",
            ],
            "(1) Para Pihak memberikan izin kepada setiap agensi.",
            "ayat (1)",
        ),
    ] {
        let old = format!("# Test\n\n## {word} 3\n\n{}\n", paragraphs.join("\n\n"));
        let renumbered = shifted_down(&paragraphs);
        let new = format!(
            "# Test\n\n## {word} 3\n\n{inserted}\n\n{}\n",
            renumbered.join("\n\n")
        );
        let r = redline(
            &pakta_core::parse(&old),
            &pakta_core::parse(&new),
            &Options::default(),
        );
        assert_eq!(r.references.len(), 1, "{word}: {:?}", r.references);
        let problem = &r.references[0];
        assert_eq!(problem.text, reference);
        assert_eq!(problem.level, pakta_redline::ReferenceLevel::Paragraph);
        assert_eq!(
            (problem.target.as_str(), problem.meant.as_deref()),
            ("1", Some("2"))
        );
        // Each old paragraph pairs with its own text: nothing but the new paragraph and the labels moved.
        let article = r.articles().next().expect("the article");
        assert!(
            !article.flags.contains(&Flag::NegationRemoved),
            "{word}: {:?}",
            article.flags
        );
    }
}

/// The same, where the reference names its article: from another article ("paragraph 1 of Article 3",
/// *Pasal 3 ayat (1)*) or from the article itself by its number ("Article 3(1)").
#[test]
fn a_reference_to_a_paragraph_of_a_named_article_left_behind_is_reported() {
    for (word, paragraphs, inserted, citing, reference) in [
        (
            "Article",
            [
                "1. No agency shall charge the worker any fee.",
                "2. The employer shall bear the cost of the visa.",
            ],
            "1. The Parties shall license every recruitment agency.",
            "## Article 12\n\n1. Complaints about a breach of paragraph 1 of Article 3 go to the Joint Working Group.",
            "paragraph 1 of Article 3",
        ),
        (
            "Pasal",
            [
                "(1) Agensi dilarang memungut biaya dari Pekerja.",
                "(2) Pengguna wajib menanggung biaya visa.",
            ],
            "(1) Para Pihak memberikan izin kepada setiap agensi.",
            "## Pasal 12\n\n(1) Pengaduan atas pelanggaran Pasal 3 ayat (1) disampaikan kepada Kelompok Kerja Bersama.",
            "Pasal 3 ayat (1)",
        ),
        (
            "Article",
            [
                "1. No agency shall charge the worker any fee.",
                "2. Any fee collected in breach of Article 3(1) shall be refunded within thirty days.",
            ],
            "1. The Parties shall license every recruitment agency.",
            "## Article 12\n\n1. This Agreement enters into force on signature.",
            "Article 3(1)",
        ),
    ] {
        let old = format!(
            "# Test\n\n## {word} 3\n\n{}\n\n{citing}\n",
            paragraphs.join("\n\n")
        );
        let renumbered = shifted_down(&paragraphs);
        let new = format!(
            "# Test\n\n## {word} 3\n\n{inserted}\n\n{}\n\n{citing}\n",
            renumbered.join("\n\n")
        );
        let r = redline(
            &pakta_core::parse(&old),
            &pakta_core::parse(&new),
            &Options::default(),
        );
        assert_eq!(r.references.len(), 1, "{reference}: {:?}", r.references);
        let problem = &r.references[0];
        assert_eq!(problem.text, reference);
        assert_eq!(
            (problem.target.as_str(), problem.meant.as_deref()),
            ("1", Some("2"))
        );
        // Updated by hand, it is no longer reported.
        let fixed = new.replace(reference, &reference.replace('1', "2"));
        let r = redline(
            &pakta_core::parse(&old),
            &pakta_core::parse(&fixed),
            &Options::default(),
        );
        assert!(r.references.is_empty(), "{reference}: {:?}", r.references);
    }
}

/// A paragraph split so that its key words move under "may" (*dapat*) is read as one paragraph against
/// the two: the modal is weakened, and the moved words are not reported struck.
#[test]
fn a_paragraph_split_under_a_weaker_modal_is_modal_weakened() {
    for (word, old, new, modals) in [
        (
            "Article",
            "1. Wages shall be paid to the worker at least once a month by bank transfer.\n\n2. No deduction shall be made.",
            "1. Wages shall be paid to the worker.\n\n2. Payment may be made at least once a month by bank transfer.\n\n3. No deduction shall be made.",
            ("shall", "may"),
        ),
        (
            "Pasal",
            "(1) Upah wajib dibayarkan kepada Pekerja paling sedikit satu kali setiap bulan melalui transfer bank.\n\n(2) Upah tidak boleh dipotong.",
            "(1) Upah wajib dibayarkan kepada Pekerja.\n\n(2) Pembayaran dapat dilakukan paling sedikit satu kali setiap bulan melalui transfer bank.\n\n(3) Upah tidak boleh dipotong.",
            ("wajib", "dapat"),
        ),
    ] {
        let parse = |body: &str| pakta_core::parse(&format!("# Test\n\n## {word} 6\n\n{body}\n"));
        let r = redline(&parse(old), &parse(new), &Options::default());
        let article = r.articles().next().expect("the article");
        assert!(
            has_value(article, Flag::ModalWeakened, modals.0, modals.1),
            "{word}: {:?} {:?}",
            article.flags,
            article.values
        );
        assert!(
            !article.flags.contains(&Flag::NumberChanged),
            "{word}: {:?}",
            article.values
        );
    }
}
