//! Plain text → Markdown → pakta's parser: bundled agreements typeset as a PDF's text layer would be
//! (wrapped, hyphenated, paginated with running heads and page numbers) import back to the same structure.

use pakta_core::paragraphs::{Role, article_word, paragraphs};
use pakta_core::{Agreement, parse};
use pakta_import::text::import;

/// How a document is typeset into text, one knob per real-world habit the importer must undo.
#[derive(Debug, Clone)]
struct Typesetting {
    width: usize,
    lines_per_page: usize,
    running_head: Option<&'static str>,
    page_number: fn(usize, usize) -> String,
    /// `Article 5` on one line and `Wages` on the next, instead of `Article 5 — Wages`.
    title_below_heading: bool,
    /// Headings written `5. Wages` instead of `Article 5 — Wages`.
    numbered_headings: bool,
    /// Paragraphs separated by a blank line; otherwise only by where their last line ends.
    blank_between_paragraphs: bool,
    hyphenate: bool,
}

fn page_of(n: usize, total: usize) -> String {
    format!("Page {n} of {total}")
}
fn dashed(n: usize, _: usize) -> String {
    format!("- {n} -")
}
fn halaman(n: usize, _: usize) -> String {
    format!("Halaman {n}")
}

/// Wraps `text` to `width` columns after `indent`, breaking long words with a hyphen the way a
/// typesetter does (never inside a word that has a hyphen or a digit, never leaving fewer than three
/// letters on either side).
fn wrap(text: &str, indent: usize, width: usize, hyphenate: bool, out: &mut Vec<String>) {
    let pad = " ".repeat(indent);
    let mut line = String::new();
    let room = width - indent;
    for word in text.split_whitespace() {
        let used = line.chars().count();
        let needed = if line.is_empty() { 0 } else { 1 } + word.chars().count();
        if used + needed <= room {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        let free = room.saturating_sub(used + 1);
        let breakable = hyphenate
            && word.chars().count() >= 8
            && word.chars().all(|c| c.is_ascii_alphabetic())
            && free >= 4;
        if breakable {
            let cut = (free - 1).min(word.len() - 3);
            if cut >= 3 {
                line.push(' ');
                line.push_str(&word[..cut]);
                line.push('-');
                out.push(format!("{pad}{line}"));
                line = word[cut..].to_string();
                continue;
            }
        }
        out.push(format!("{pad}{line}"));
        line = word.to_string();
    }
    if !line.is_empty() {
        out.push(format!("{pad}{line}"));
    }
}

fn centred(text: &str, width: usize, out: &mut Vec<String>) {
    let mut lines = Vec::new();
    wrap(text, 0, width * 2 / 3, false, &mut lines);
    for l in lines {
        let pad = (width.saturating_sub(l.chars().count())) / 2;
        out.push(format!("{}{l}", " ".repeat(pad)));
    }
}

/// The agreement as the text layer of its PDF.
fn typeset(agreement: &Agreement, style: &Typesetting) -> String {
    let mut lines: Vec<String> = Vec::new();
    let word = article_word(&agreement.language);
    let mut articles = agreement.articles.iter();
    let blank = |lines: &mut Vec<String>| {
        if style.blank_between_paragraphs {
            lines.push(String::new());
        }
    };
    for paragraph in paragraphs(agreement) {
        match paragraph.role {
            Role::Title => {
                centred(&paragraph.text, style.width, &mut lines);
                lines.push(String::new());
            }
            Role::Division { .. } => {
                lines.push(String::new());
                match paragraph.text.split_once(" \u{2014} ") {
                    Some((label, title)) if style.title_below_heading => {
                        centred(&label.to_uppercase(), style.width, &mut lines);
                        centred(&title.to_uppercase(), style.width, &mut lines);
                    }
                    _ => centred(&paragraph.text, style.width, &mut lines),
                }
                lines.push(String::new());
            }
            Role::ArticleHeading => {
                let article = articles.next().expect("an article per heading");
                lines.push(String::new());
                if style.numbered_headings {
                    let heading = article.heading.as_deref().unwrap_or("");
                    lines.push(format!("{}. {heading}", article.number));
                } else if style.title_below_heading {
                    centred(
                        &format!("{word} {}", article.number),
                        style.width,
                        &mut lines,
                    );
                    if let Some(heading) = &article.heading {
                        centred(heading, style.width, &mut lines);
                    }
                } else {
                    lines.push(paragraph.text.clone());
                }
                blank(&mut lines);
            }
            Role::Clause { depth } => {
                wrap(
                    &paragraph.text,
                    depth * 4,
                    style.width,
                    style.hyphenate,
                    &mut lines,
                );
                blank(&mut lines);
            }
            Role::Body | Role::Closing => {
                wrap(&paragraph.text, 0, style.width, style.hyphenate, &mut lines);
                blank(&mut lines);
            }
        }
    }
    let body = style.lines_per_page - 4;
    let pages: Vec<&[String]> = lines.chunks(body).collect();
    let total = pages.len();
    let mut out = String::new();
    for (n, page) in pages.iter().enumerate() {
        if n > 0 {
            out.push('\u{c}');
        }
        if let Some(head) = style.running_head {
            out.push_str(&format!("{head:>width$}\n\n", width = style.width));
        }
        for line in page.iter() {
            out.push_str(line);
            out.push('\n');
        }
        let number = (style.page_number)(n + 1, total);
        out.push_str(&format!(
            "\n{}{number}\n",
            " ".repeat((style.width - number.len()) / 2)
        ));
    }
    out
}

/// What must survive: title, preamble, divisions, each article's number and heading, each clause's id and
/// text, and the closing.
fn structure(agreement: &Agreement) -> Vec<String> {
    let mut out = vec![format!(
        "title: {}",
        agreement.title.as_deref().unwrap_or("")
    )];
    out.extend(
        agreement
            .preamble
            .iter()
            .map(|b| format!("preamble: {}", b.text)),
    );
    out.extend(agreement.divisions.iter().map(|d| {
        format!(
            "division {:?} {} | {}",
            d.kind,
            d.number.as_deref().unwrap_or(""),
            d.heading.as_deref().unwrap_or("").to_uppercase()
        )
    }));
    for article in &agreement.articles {
        out.push(format!(
            "article {} | {}",
            article.number,
            article.heading.as_deref().unwrap_or("")
        ));
        for clause in article.clauses_flat() {
            out.push(format!("  {} {}", clause.id, clause.text));
        }
    }
    // The signature block's line breaks are layout, so the closing is compared as one run of text.
    let closing: Vec<&str> = agreement.closing.iter().map(|b| b.text.as_str()).collect();
    out.push(format!("closing: {}", closing.join(" ")));
    out
}

fn example(name: &str) -> Agreement {
    parse(&std::fs::read_to_string(pakta_tests::example(name)).expect("example"))
}

fn assert_round_trip(name: &str, style: &Typesetting) {
    let original = example(name);
    let text = typeset(&original, style);
    let imported = import(&text, "typeset.txt");
    let back = parse(&imported.markdown);
    let (want, got) = (structure(&original), structure(&back));
    for (w, g) in want.iter().zip(&got) {
        assert_eq!(
            w, g,
            "{name} with {style:?}\n--- text ---\n{text}\n--- markdown ---\n{}",
            imported.markdown
        );
    }
    assert_eq!(want.len(), got.len(), "{name}: {:?}", imported.report);
    assert_eq!(imported.report.pages, text.matches('\u{c}').count() + 1);
    assert!(
        imported.report.furniture >= imported.report.pages,
        "{name}: page numbers not all dropped: {:?}",
        imported.report
    );
}

const PLAIN: Typesetting = Typesetting {
    width: 78,
    lines_per_page: 56,
    running_head: None,
    page_number: page_of,
    title_below_heading: false,
    numbered_headings: false,
    blank_between_paragraphs: true,
    hyphenate: true,
};

#[test]
fn typeset_text_with_running_heads_and_hyphenation_imports_to_the_same_structure() {
    for name in [
        "id-my-domestic.v1.md",
        "id-my-domestic.v2.md",
        "id-tw-mou.en.md",
    ] {
        assert_round_trip(
            name,
            &Typesetting {
                running_head: Some("Draft MoU - restricted"),
                ..PLAIN
            },
        );
    }
}

#[test]
fn headings_with_titles_on_the_next_line_and_indonesian_page_numbers() {
    assert_round_trip(
        "id-tw-mou.id.md",
        &Typesetting {
            title_below_heading: true,
            page_number: halaman,
            running_head: Some("NOTA KESEPAHAMAN KDEI-TETO"),
            width: 72,
            ..PLAIN
        },
    );
}

#[test]
fn paragraphs_without_blank_lines_between_them() {
    for name in ["id-my-domestic.v2.md", "id-tw-mou.id.md"] {
        assert_round_trip(
            name,
            &Typesetting {
                blank_between_paragraphs: false,
                page_number: dashed,
                ..PLAIN
            },
        );
    }
}

#[test]
fn plain_numbered_headings_are_articles_when_no_article_word_is_used() {
    assert_round_trip(
        "ph-sa-domestic.en.md",
        &Typesetting {
            numbered_headings: true,
            ..PLAIN
        },
    );
}

#[test]
fn hyphenation_is_mended_only_where_it_is_typesetting() {
    let text = "Article 1 — Terms\n\n1. The recruit-\nment of workers shall be free of charge for the self-\nemployed and the non-\ndiscriminated; pekerja-\npekerja migran; Indonesia-\nMalaysia; forty-\neight (48) hours.\n";
    let imported = import(text, "t.txt");
    let agreement = parse(&imported.markdown);
    let clause = &agreement.articles[0].clauses[0];
    assert_eq!(
        clause.text,
        "The recruitment of workers shall be free of charge for the self-employed and the non-discriminated; pekerja-pekerja migran; Indonesia-Malaysia; forty-eight (48) hours."
    );
    assert_eq!(imported.report.dehyphenated, 1);
}

#[test]
fn text_without_form_feeds_loses_its_page_numbers_and_the_lines_beside_them() {
    let mut text = String::from("AGREEMENT ON LABOUR\n\nThe Parties have agreed as follows:\n\n");
    for n in 1..=4 {
        text.push_str(&format!(
            "Article {n}\n\nThe Parties shall do thing number {n}.\n\nConfidential draft\nPage {n} of 4\n\n"
        ));
    }
    let imported = import(&text, "t.txt");
    let body = imported
        .markdown
        .split_once("\n---\n\n")
        .map_or(imported.markdown.as_str(), |(_, body)| body);
    assert!(!body.contains("Confidential"), "{}", imported.markdown);
    assert!(!body.contains("Page "), "{}", imported.markdown);
    let agreement = parse(&imported.markdown);
    // The running foot is the draft's status, kept in the front matter without its page numbers.
    assert_eq!(agreement.meta.running_heads, ["Confidential draft"]);
    assert_eq!(agreement.articles.len(), 4);
    assert_eq!(agreement.title.as_deref(), Some("AGREEMENT ON LABOUR"));
    assert_eq!(
        agreement.articles[3].clauses[0].text,
        "The Parties shall do thing number 4."
    );
}

#[test]
fn agreement_text_stays_text() {
    let text = "# Not a heading\n\nArticle 1\n\n<script>alert(1)</script> and *stars* and [a link](javascript:x) and `code`\n\n---\n\n| a | b |\n";
    let imported = import(text, "t.txt");
    let agreement = parse(&imported.markdown);
    assert_eq!(agreement.title.as_deref(), Some("# Not a heading"));
    let texts: Vec<&str> = agreement.articles[0]
        .clauses
        .iter()
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(
        texts,
        [
            "<script>alert(1)</script> and *stars* and [a link](javascript:x) and `code`",
            "---",
            "| a | b |"
        ]
    );
}

#[test]
fn signature_columns_become_a_table_in_the_closing() {
    let text = "Article 1\n\nThe Parties shall cooperate.\n\nDone at Jakarta on 1 May 2025.\n\nFor the Government of          For the Government of\nthe Republic of Indonesia       Malaysia\n";
    let imported = import(text, "t.txt");
    assert!(
        imported
            .markdown
            .contains("| For the Government of | For the Government of |\n| --- | --- |\n| the Republic of Indonesia | Malaysia |"),
        "{}",
        imported.markdown
    );
    let agreement = parse(&imported.markdown);
    assert_eq!(agreement.articles.len(), 1);
    assert!(agreement.closing.len() >= 2, "{:?}", agreement.closing);
}

#[test]
fn empty_and_blank_text_import_to_an_empty_agreement() {
    for text in ["", "\n\n  \n", "\u{c}\u{c}"] {
        let imported = import(text, "t.txt");
        let agreement = parse(&imported.markdown);
        assert!(agreement.articles.is_empty());
        assert_eq!(imported.report.articles, 0);
    }
}

#[test]
fn a_clause_that_ends_two_pages_is_text_not_a_footer() {
    // Two pages whose last lines differ only in a figure, and two whose last lines are the same sentence:
    // both are the agreement's text. The running head and the page numbers that count the pages are
    // furniture.
    let pages = |first: &str, second: &str| {
        format!(
            "Wage Arrangement\n\nArticle 1 \u{2014} Wages\n\nThe employer shall pay the wage monthly.\n{first}\n\nPage 1 of 2\n\u{c}\
             Wage Arrangement\n\nArticle 2 \u{2014} Overtime\n\nOvertime shall be paid at one and a half times the rate.\n{second}\n\nPage 2 of 2\n"
        )
    };
    for (first, second) in [
        (
            "Deductions from wages shall not exceed 10 percent.",
            "Deductions from wages shall not exceed 50 percent.",
        ),
        (
            "Paragraph 1 does not apply to domestic workers.",
            "Paragraph 1 does not apply to domestic workers.",
        ),
    ] {
        let imported = import(&pages(first, second), "t.pdf.txt");
        let agreement = parse(&imported.markdown);
        let texts: Vec<String> = agreement.articles.iter().map(|a| a.text()).collect();
        assert!(texts[0].contains(first), "{texts:?}");
        assert!(texts[1].contains(second), "{texts:?}");
        assert!(
            !imported.markdown.contains("Page 1 of 2"),
            "{}",
            imported.markdown
        );
        assert_eq!(imported.report.furniture, 4, "{}", imported.markdown);
    }
}

/// A tick or a box a PDF's text layer gives as a private-use character (Wingdings' checked box is
/// U+F0FE) is read as the symbol it shows.
#[test]
fn symbol_font_ticks_in_a_text_layer_are_read_as_ticks() {
    let text = "Article 1\n\nCost item | Employer | Worker\nAir fare | \u{f0fe} | \u{f0a8}\n";
    let imported = import(text, "");
    assert!(
        imported.markdown.contains('\u{2611}') && imported.markdown.contains('\u{2610}'),
        "{}",
        imported.markdown
    );
}

/// A PDF's page layout: a paragraph label set off by a tab of any width is no column, so the paragraph's
/// lines join however wide the layout printed the tab; an unnumbered "Annex — …" is an annex; and a cost
/// table whose cells stand close keeps each tick in the column it was printed under.
#[test]
fn a_pdf_layout_keeps_paragraphs_annexes_and_table_columns() {
    let text = "Article 3 — Recruitment Costs\n\
1.      No recruitment agency or Employer shall charge the Migrant Worker\n\
        any fee, directly or indirectly.\n\n\
2.      The cost of the air ticket shall be borne by the Employer.\n\n\
\u{c}Annex — Schedule of Costs\n\
Item                    Paid by Employer        Paid by Worker\n\
Air ticket to Kuwait    \u{2713}\n\
Passport issuance                               \u{2713}\n";
    let imported = import(text, "t.pdf.txt");
    let agreement = parse(&imported.markdown);
    let clauses = &agreement.articles[0].clauses;
    assert_eq!(clauses.len(), 2, "{}", imported.markdown);
    assert_eq!(
        clauses[0].text,
        "No recruitment agency or Employer shall charge the Migrant Worker any fee, directly or indirectly."
    );
    assert!(
        imported.markdown.contains("## Annex — Schedule of Costs"),
        "{}",
        imported.markdown
    );
    assert!(
        imported
            .markdown
            .contains("| Air ticket to Kuwait | \u{2713} |  |"),
        "{}",
        imported.markdown
    );
    assert!(
        imported
            .markdown
            .contains("| Passport issuance |  | \u{2713} |"),
        "{}",
        imported.markdown
    );
}
