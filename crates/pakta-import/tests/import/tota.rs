//! ToTA XML → Markdown → pakta's parser: one article per XML `<article>` of the body, for every treaty in
//! the corpus; ToTA's Preamble and Conclusion chapters as the preamble and the closing formula.

use pakta_import::origin::Origin;
use pakta_import::tota::{TotaError, Treaty, import, markdown, read};
use pakta_redline::{EntryKind, Status};

/// The fixture ToTA treaty written for these tests (not a real treaty).
fn fixture() -> String {
    std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tota-small.xml"),
    )
    .expect("fixture")
}

fn corpus_treaty(name: &str) -> Option<(Treaty, String)> {
    let corpus = pakta_tests::corpus("ToTA import")?;
    let xml = std::fs::read_to_string(corpus.join("tota/xml").join(name)).expect("ToTA file");
    let treaty = read(&xml).unwrap_or_else(|e| panic!("{name}: {e}"));
    let md = markdown(&treaty, name);
    Some((treaty, md))
}

/// Articles numbered 0.x by the importer: ones whose number it could not read.
fn placeholder_articles(agreement: &pakta_core::Agreement) -> Vec<String> {
    agreement
        .articles
        .iter()
        .filter(|a| a.number.starts_with("0."))
        .map(|a| format!("{} {}", a.number, a.heading.as_deref().unwrap_or("")))
        .collect()
}

#[test]
fn every_tota_treaty_keeps_its_articles_and_reads_its_preamble_and_closing() {
    let Some(corpus) = pakta_tests::corpus("ToTA import") else {
        return;
    };
    let dir = corpus.join("tota/xml");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tota/xml")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "xml"))
        .collect();
    files.sort();
    assert!(files.len() >= 20, "{} ToTA files", files.len());
    let manifest = std::fs::read_to_string(corpus.join("tota/MANIFEST.tsv")).expect("manifest");
    let mut failures = Vec::new();
    println!("file          <article>s  articles  preamble  closing  0.x");
    for path in &files {
        let name = path.file_name().and_then(|n| n.to_str()).expect("name");
        let xml = std::fs::read_to_string(path).expect("utf-8");
        let treaty = read(&xml).unwrap_or_else(|e| panic!("{name}: {e}"));
        let xml_articles = xml.matches("<article ").count() + xml.matches("<article>").count();
        assert_eq!(treaty.xml_article_count(), xml_articles, "{name}: reader");
        if let Some(row) = manifest
            .lines()
            .find(|l| l.starts_with(&format!("{name}\t")))
        {
            let listed: usize = row
                .split('\t')
                .nth(5)
                .and_then(|n| n.parse().ok())
                .expect("articles column");
            assert_eq!(xml_articles, listed, "{name}: the manifest's count");
        }
        let imported = import(&treaty, name);
        assert_eq!(
            imported.markdown.lines().count(),
            imported.source_map.len(),
            "{name}: one origin per line"
        );
        let agreement = pakta_core::parse(&imported.markdown);
        if agreement.articles.len() != treaty.article_count() {
            failures.push(format!(
                "{name}: {} articles after import, {} in the XML's chapters",
                agreement.articles.len(),
                treaty.article_count()
            ));
        }
        // Every corpus treaty has ToTA's Preamble chapter, and all but one its Conclusion; they become
        // the preamble and the closing, not articles.
        assert!(treaty.preamble.is_some(), "{name}: no preamble chapter");
        if agreement.preamble.is_empty() {
            failures.push(format!("{name}: no preamble after import"));
        }
        if treaty.conclusion.is_some() && agreement.closing.is_empty() {
            failures.push(format!("{name}: no closing after import"));
        }
        let placeholders = placeholder_articles(&agreement);
        if let Some(p) = placeholders.iter().find(|p| p.contains("unnumbered")) {
            failures.push(format!("{name}: {p}"));
        }
        println!(
            "{name:<14}{xml_articles:>10}{:>10}{:>10}{:>9}{:>5}",
            agreement.articles.len(),
            agreement.preamble.len(),
            agreement.closing.len(),
            placeholders.len()
        );
        assert_eq!(
            agreement.meta.title.as_deref(),
            treaty.name.as_deref(),
            "{name}: title"
        );
        assert!(
            !agreement.has_errors(),
            "{name}: {:?}",
            agreement
                .diagnostics
                .iter()
                .find(|d| d.severity == pakta_core::Severity::Error)
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn us_peru_has_a_preamble_and_a_closing_and_no_article_0() {
    let Some((treaty, md)) = corpus_treaty("pta_156.xml") else {
        return;
    };
    let agreement = pakta_core::parse(&md);
    assert_eq!(treaty.xml_article_count(), 279);
    assert_eq!(agreement.articles.len(), 277);
    assert_eq!(placeholder_articles(&agreement), Vec::<String>::new());
    assert!(!md.contains("### Article 0."), "{md}");
    assert_eq!(agreement.preamble[0].text, "PREAMBLE");
    assert!(
        agreement.preamble[1]
            .text
            .starts_with("The Government of the United States of America and the Government of the Republic of Peru"),
        "{:?}",
        agreement.preamble[1]
    );
    assert_eq!(
        agreement.preamble.last().map(|b| b.text.as_str()),
        Some("HAVE AGREED as follows:")
    );
    assert!(agreement.closing[0].text.starts_with("IN WITNESS WHEREOF"));
    assert!(
        agreement
            .closing
            .iter()
            .any(|b| b.text.starts_with("DONE, at Washington"))
    );
    // The closing no longer runs on inside the last article, and "ARTICLES 7.3" is Article 7.3.
    let last = agreement.articles.last().expect("articles");
    assert_eq!(last.number, "23.6");
    assert_eq!(
        last.clauses_flat().last().map(|c| c.text.as_str()),
        Some("The English and Spanish texts of this Agreement are equally authentic.")
    );
    assert!(
        agreement
            .articles
            .iter()
            .any(|a| a.number == "7.3" && a.heading.as_deref() == Some("Trade Facilitation"))
    );
    // No division is left for the preamble or the conclusion.
    assert!(
        agreement
            .divisions
            .iter()
            .all(|d| !matches!(d.heading.as_deref(), Some("Preamble" | "Conclusion"))),
        "{:?}",
        agreement.divisions
    );
}

#[test]
fn other_corpus_treaties_close_with_their_own_formulas() {
    // Eurasian Economic Union: "Done in Astana …"; East African Community: "DONE at Arusha …" then "IN
    // FAITH WHEREOF", and "ARTICLE 140 (A)"; Canada–Colombia: a title page in the preamble.
    for (name, closing, preamble) in [
        (
            "pta_440.xml",
            "Done in Astana on 29 May 2014",
            "TREATY ON THE EURASIAN ECONOMIC UNION",
        ),
        (
            "pta_85.xml",
            "DONE at Arusha",
            "Logo EAST AFRICAN COMMUNITY",
        ),
        ("pta_144.xml", "IN WITNESS WHEREOF", "FREE TRADE AGREEMENT"),
    ] {
        let Some((treaty, md)) = corpus_treaty(name) else {
            return;
        };
        let agreement = pakta_core::parse(&md);
        assert_eq!(agreement.articles.len(), treaty.article_count(), "{name}");
        assert!(!md.contains("## Signatures"), "{name}");
        assert!(
            agreement.closing[0].text.starts_with(closing),
            "{name}: {:?}",
            agreement.closing[0]
        );
        assert!(
            agreement.preamble[0].text.starts_with(preamble),
            "{name}: {:?}",
            agreement.preamble[0]
        );
        assert_eq!(
            placeholder_articles(&agreement),
            Vec::<String>::new(),
            "{name}"
        );
    }
    // The Trans-Pacific treaty has a preamble and no Conclusion chapter.
    if let Some((treaty, md)) = corpus_treaty("pta_449.xml") {
        assert!(treaty.conclusion.is_none());
        let agreement = pakta_core::parse(&md);
        assert!(agreement.preamble[0].text.starts_with("PREAMBLE"));
        assert_eq!(agreement.articles.len(), treaty.article_count());
    }
}

#[test]
fn the_fixture_imports_with_preamble_articles_and_closing() {
    let treaty = read(&fixture()).expect("reads");
    assert_eq!(treaty.xml_article_count(), 6);
    assert_eq!(treaty.article_count(), 4);
    let imported = import(&treaty, "tota-small.xml");
    let md = &imported.markdown;
    let agreement = pakta_core::parse(md);
    let preamble: Vec<&str> = agreement.preamble.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        preamble,
        [
            "PREAMBLE",
            "The Government of Nusantara and the Government of Selatan, wishing to make labour mobility between them safe and fair;",
            "HAVE AGREED as follows:"
        ],
        "{md}"
    );
    let numbers: Vec<&str> = agreement
        .articles
        .iter()
        .map(|a| a.number.as_str())
        .collect();
    assert_eq!(numbers, ["1.1", "1.2", "2.1", "2.1A"], "{md}");
    let closing: Vec<&str> = agreement.closing.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        closing,
        [
            "IN WITNESS WHEREOF, the undersigned, being duly authorised by their respective Governments, have signed this Agreement.",
            "DONE at Jakarta, in duplicate, this second day of May, 2024.",
            "FOR THE GOVERNMENT OF NUSANTARA FOR THE GOVERNMENT OF SELATAN"
        ],
        "{md}"
    );
    assert_eq!(agreement.divisions.len(), 2);
    assert!(
        agreement.diagnostics.is_empty(),
        "{:?}",
        agreement.diagnostics
    );
    // The Markdown, as a person reviews it.
    assert!(
        md.contains(
            "# Nusantara - Selatan Labour Mobility\n\nPREAMBLE\n\nThe Government of Nusantara and the Government of Selatan, wishing to make labour mobility between them safe and fair;\n\nHAVE AGREED as follows:\n\n## CHAPTER ONE \u{2014} General Provisions\n"
        ),
        "{md}"
    );
    assert!(
        md.ends_with(
            "No employer shall keep a worker's passport.\n\nIN WITNESS WHEREOF, the undersigned, being duly authorised by their respective Governments, have signed this Agreement.\n\nDONE at Jakarta, in duplicate, this second day of May, 2024.\n\nFOR THE GOVERNMENT OF NUSANTARA FOR THE GOVERNMENT OF SELATAN\n"
        ),
        "{md}"
    );
}

#[test]
fn every_markdown_line_knows_its_xml_line() {
    let xml = fixture();
    let treaty = read(&xml).expect("reads");
    let imported = import(&treaty, "tota-small.xml");
    let map = &imported.source_map;
    let md: Vec<&str> = imported.markdown.lines().collect();
    assert_eq!(md.len(), map.len());
    let xml_lines: Vec<&str> = xml.lines().collect();
    let origin_of = |wanted: &str| {
        let n = md.iter().position(|l| l.starts_with(wanted)).expect(wanted) + 1;
        map.origin(n)
    };
    let line_of = |wanted: &str| {
        Some(Origin::Line(
            xml_lines
                .iter()
                .position(|l| l.contains(wanted))
                .expect(wanted)
                + 1,
        ))
    };
    assert_eq!(origin_of("---"), None);
    assert_eq!(origin_of("title:"), None);
    assert_eq!(origin_of("# Nusantara"), line_of("<name>"));
    assert_eq!(origin_of("PREAMBLE"), line_of("PREAMBLE"));
    assert_eq!(origin_of("The Government of"), line_of("The Government of"));
    assert_eq!(origin_of("HAVE AGREED"), line_of("HAVE AGREED"));
    assert_eq!(origin_of("## CHAPTER TWO"), line_of("CHAPTER TWO"));
    assert_eq!(origin_of("### Article 1.2"), line_of("ARTICLES 1.2"));
    assert_eq!(origin_of("(b) employer"), line_of("(b) employer"));
    assert_eq!(origin_of("2. No fee"), line_of("2. No fee"));
    assert_eq!(origin_of("DONE at Jakarta"), line_of("DONE at Jakarta"));
    assert_eq!(
        map.origin(md.len()),
        line_of("FOR THE GOVERNMENT"),
        "the last line"
    );
    assert_eq!(
        map.origin(md.len()).map(|o| o.to_string()).as_deref(),
        Some("line 43")
    );
    // Blank lines and front matter have no origin; everything else has one.
    for (n, line) in md.iter().enumerate() {
        let generated =
            line.is_empty() || n < md.iter().skip(1).position(|l| *l == "---").unwrap_or(0) + 2;
        assert_eq!(
            map.origin(n + 1).is_none(),
            generated,
            "line {}: {line}",
            n + 1
        );
    }
}

#[test]
fn a_conclusion_without_a_closing_formula_gets_a_signatures_heading() {
    let xml = fixture().replace("IN WITNESS WHEREOF, the undersigned", "The undersigned");
    let treaty = read(&xml).expect("reads");
    let md = markdown(&treaty, "");
    assert!(md.contains("\n## Signatures\n\nThe undersigned"), "{md}");
    let agreement = pakta_core::parse(&md);
    assert_eq!(agreement.articles.len(), 4);
    assert_eq!(agreement.closing.len(), 4, "{:?}", agreement.closing);
    assert_eq!(
        agreement.articles[3].clauses_flat().len(),
        1,
        "the closing stays out of the last article"
    );
}

#[test]
fn an_empty_source_names_no_file() {
    let treaty = read(&fixture()).expect("reads");
    let named = markdown(&treaty, "tota-small.xml");
    assert!(named.contains("tota-small.xml"));
    let anonymous = markdown(&treaty, "");
    assert!(!anonymous.contains(".xml"), "{anonymous}");
    assert!(!anonymous.contains("()"), "{anonymous}");
    assert!(
        anonymous.contains("note: \"Imported by pakta from ToTA (treaty 9001)\""),
        "{anonymous}"
    );
    // Only the note differs.
    let differing: Vec<(&str, &str)> = named
        .lines()
        .zip(anonymous.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(differing.len(), 1, "{differing:?}");
    // A treaty without a name or identifier says nothing about where it came from.
    let bare = read(
        &fixture()
            .replace("<name>Nusantara - Selatan Labour Mobility</name>", "")
            .replace("<treaty_identifier>9001</treaty_identifier>", ""),
    )
    .expect("reads");
    let md = markdown(&bare, "");
    assert!(md.starts_with("---\nparties:"), "{md}");
    assert!(
        md.contains("note: \"Imported by pakta from ToTA\"\n"),
        "{md}"
    );
    assert!(!md.contains("\n# "), "{md}");
    // Named, the file stands in for the missing name: in the front matter, the heading and the note.
    assert_eq!(markdown(&bare, "a.xml").matches("a.xml").count(), 3);
}

#[test]
fn the_redline_sees_the_preamble_and_the_closing_as_such() {
    let old = fixture();
    let new = old
        .replace("safe and fair", "safe, fair and orderly")
        .replace("second day of May", "third day of May");
    let parse = |xml: &str| pakta_core::parse(&markdown(&read(xml).expect("reads"), ""));
    let redline = pakta_redline::redline(
        &parse(&old),
        &parse(&new),
        &pakta_redline::Options::default(),
    );
    let changed: Vec<EntryKind> = redline
        .entries
        .iter()
        .filter(|e| e.status != Status::Unchanged)
        .map(|e| e.kind)
        .collect();
    assert_eq!(
        changed,
        [EntryKind::Preamble, EntryKind::Closing],
        "{redline:#?}"
    );
    assert_eq!(redline.old_articles, 4);
}

#[test]
fn metadata_and_text() {
    let xml = r#"<?xml version="1.0"?>
<treaty><meta><name>A &amp; B Agreement</name><date_signed>2001-02-03</date_signed><language>en</language>
<parties><partyisocode n="1">AAA</partyisocode><partyisocode n="2">BBB</partyisocode></parties></meta>
<body><chapter name="Preamble"><article>The Parties, 
resolved to cooperate;</article></chapter>
<chapter number="CHAPTER ONE" name="Labour"><article number="ARTICLE 1.1" name="Rights">1. Each Party shall 
protect *workers* &lt;here&gt;.

2. No Party shall fail to enforce its labour laws.

(a) point one;</article><article number="ARTICLE 1.2">----</article></chapter></body></treaty>"#;
    let treaty = read(xml).expect("reads");
    assert_eq!(treaty.parties, vec!["AAA", "BBB"]);
    let md = markdown(&treaty, "x.xml");
    let agreement = pakta_core::parse(&md);
    assert_eq!(agreement.articles.len(), 2, "{md}");
    assert_eq!(
        agreement
            .meta
            .signed
            .as_ref()
            .and_then(|s| s.date.as_deref()),
        Some("2001-02-03")
    );
    assert_eq!(agreement.meta.parties.len(), 2);
    assert_eq!(agreement.preamble.len(), 1);
    assert_eq!(
        agreement.preamble[0].text,
        "The Parties, resolved to cooperate;"
    );
    let article = &agreement.articles[0];
    assert_eq!(article.number, "1.1");
    assert_eq!(article.heading.as_deref(), Some("Rights"));
    assert_eq!(
        article.clauses[0].text,
        "Each Party shall protect *workers* <here>."
    );
    assert_eq!(article.clauses.len(), 2, "{:#?}", article.clauses);
    assert_eq!(agreement.divisions.len(), 1, "{md}");
}

#[test]
fn refusals() {
    assert!(matches!(
        read("<html><body/></html>"),
        Err(TotaError::NotTota(_))
    ));
    assert_eq!(
        read("<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY a \"b\">]><treaty/>"),
        Err(TotaError::DocType)
    );
    assert!(matches!(
        read("<treaty><body><chapter></body></treaty>"),
        Err(TotaError::Xml { .. })
    ));
    assert!(matches!(
        read("<treaty>&bogus;</treaty>"),
        Err(TotaError::Xml { .. })
    ));
}

/// The line, column and message of a refusal for XML that is not well-formed.
fn xml_error(xml: &str) -> (u32, u32, String) {
    match read(xml) {
        Err(TotaError::Xml {
            line,
            column,
            message,
        }) => (line, column, message),
        other => panic!("{xml:?}: expected an XML error, got {other:?}"),
    }
}

#[test]
fn xml_that_is_not_well_formed_is_refused_where_it_goes_wrong() {
    // Input that stops inside the body: the treaty so far must not pass for the whole one.
    let (line, column, message) = xml_error("<treaty><meta><name>x</name></meta><body>unclosed");
    assert_eq!((line, column), (1, 50));
    assert_eq!(
        message,
        "the file ends inside <body> (opened at line 1) and 1 more open element: it is truncated or not well-formed XML"
    );
    let (line, _, message) = xml_error("<treaty>\n<body>\n<chapter>\n<article number=\"1\">Text");
    assert_eq!(line, 4);
    assert!(
        message.starts_with("the file ends inside <article> (opened at line 4) and 3 more"),
        "{message}"
    );
    // An end tag that does not close the open element.
    let (line, column, message) =
        xml_error("<treaty>\n  <body><chapter></article></body></treaty>");
    assert_eq!((line, column), (2, 18));
    assert!(message.contains("`</article>`"), "{message}");
    // Text or a second element after the root.
    let (line, column, message) = xml_error("<treaty><body/></treaty>\n\n  and more");
    assert_eq!((line, column), (3, 3));
    assert_eq!(
        message,
        "text after the end of the root element <treaty> (\u{201c}and more\u{201d}): not well-formed XML"
    );
    let (line, _, message) = xml_error("<treaty/>\n<treaty><body/></treaty>");
    assert_eq!(line, 2);
    assert!(
        message.starts_with("element <treaty> after the end"),
        "{message}"
    );
    assert!(matches!(
        read("<treaty/>&amp;"),
        Err(TotaError::Xml { line: 1, .. })
    ));
    // Input with no root element at all.
    let (_, _, message) = xml_error("<?xml version=\"1.0\"?>\n<!-- nothing -->\n");
    assert!(message.starts_with("no root element"), "{message}");
    assert!(read("").is_err());
    // Trailing white space, comments and a byte-order mark are XML's own and read as before.
    let treaty = read("\u{feff}<?xml version=\"1.0\"?>\n<!-- c -->\n<treaty/>\n<!-- end -->\n\n")
        .expect("empty");
    assert_eq!(treaty.article_count(), 0);
}

#[test]
fn a_file_that_is_not_xml_is_refused_as_tota() {
    // What `--from tota` does with a Markdown agreement: refused at its first character, never read as
    // an empty treaty (two such files would compare as equal).
    let (line, column, message) = xml_error(
        "# Memorandum of Understanding\n\n## Article 1\n\nWages are paid within 30 days.\n",
    );
    assert_eq!((line, column), (1, 1));
    assert_eq!(
        message,
        "text before the root element (\u{201c}# Memorandum of Understanding\u{201d}): this is not XML; ToTA treaty XML starts with <?xml \u{2026}?> or <treaty>"
    );
    let (line, column, _) = xml_error("<?xml version=\"1.0\"?>\n  Article 1 <treaty/>");
    assert_eq!((line, column), (2, 3));
}

#[test]
fn the_fixture_cut_anywhere_is_refused() {
    // Every prefix of a well-formed treaty short of its root's end tag is refused: no cut point of a
    // download yields a shorter treaty.
    let xml = fixture();
    let complete = xml.trim_end().len();
    for cut in (0..=xml.len()).filter(|&i| xml.is_char_boundary(i)) {
        let result = read(&xml[..cut]);
        assert_eq!(
            result.is_ok(),
            cut >= complete,
            "cut at byte {cut}: {result:?}"
        );
    }
}

#[test]
fn a_truncated_corpus_treaty_is_refused() {
    let Some(corpus) = pakta_tests::corpus("ToTA truncation") else {
        return;
    };
    let xml = std::fs::read_to_string(corpus.join("tota/xml/pta_352.xml")).expect("pta_352.xml");
    assert!(read(&xml).is_ok());
    // The tester's cut (70,000 bytes, inside an article) and a cut inside a tag.
    let mut cut = 70_000.min(xml.len().saturating_sub(1));
    while !xml.is_char_boundary(cut) {
        cut -= 1;
    }
    let (line, _, message) = xml_error(&xml[..cut]);
    assert!(line > 1, "{line}");
    assert!(
        message.starts_with("the file ends inside <article>"),
        "{message}"
    );
    let inside_tag = xml.rfind("<article").expect("an article") + "<article".len();
    assert!(read(&xml[..inside_tag]).is_err());
}
