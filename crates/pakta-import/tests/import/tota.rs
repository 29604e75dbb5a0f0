//! ToTA XML → Markdown → pakta's parser: one article per XML `<article>`, for every treaty in the corpus.

use pakta_import::tota::{TotaError, markdown, read};

#[test]
fn every_tota_treaty_keeps_its_articles() {
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
    for path in &files {
        let name = path.file_name().and_then(|n| n.to_str()).expect("name");
        let xml = std::fs::read_to_string(path).expect("utf-8");
        let treaty = read(&xml).unwrap_or_else(|e| panic!("{name}: {e}"));
        let xml_articles = xml.matches("<article ").count() + xml.matches("<article>").count();
        assert_eq!(treaty.article_count(), xml_articles, "{name}: reader");
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
        let md = markdown(&treaty, name);
        let agreement = pakta_core::parse(&md);
        if agreement.articles.len() != xml_articles {
            failures.push(format!(
                "{name}: {} articles after import, {xml_articles} in the XML",
                agreement.articles.len()
            ));
        }
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
    assert_eq!(agreement.articles.len(), 3, "{md}");
    assert_eq!(
        agreement
            .meta
            .signed
            .as_ref()
            .and_then(|s| s.date.as_deref()),
        Some("2001-02-03")
    );
    assert_eq!(agreement.meta.parties.len(), 2);
    let article = &agreement.articles[1];
    assert_eq!(article.number, "1.1");
    assert_eq!(article.heading.as_deref(), Some("Rights"));
    assert_eq!(
        article.clauses[0].text,
        "Each Party shall protect *workers* <here>."
    );
    assert_eq!(article.clauses.len(), 2, "{:#?}", article.clauses);
    assert_eq!(agreement.divisions.len(), 2, "{md}");
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
