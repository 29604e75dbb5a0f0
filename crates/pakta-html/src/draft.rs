//! A drafted agreement as a web page: its language versions side by side, article by article, each
//! article under the requirement it implements and the instrument articles that requirement comes from.

use std::fmt::Write as _;

use pakta_core::{Agreement, Clause};
use pakta_draft::SideBySide;
use pakta_standards::Catalogue;

use crate::page::{Head, anchor, document, escape, token};

/// One language version of the draft, parsed as pakta reads it.
#[derive(Debug, Clone, Copy)]
struct Version<'a> {
    /// `en` or `id`.
    pub language: &'a str,
    pub agreement: &'a Agreement,
}

fn clause_html(out: &mut String, clause: &Clause, depth: usize) {
    let _ = write!(out, "<p class=\"clause depth-{}\">", depth.min(6));
    if let Some(label) = &clause.label {
        let _ = write!(out, "<span class=\"label\">{}</span>", escape(label));
    }
    let _ = writeln!(out, "{}</p>", escape(&clause.text));
    for child in &clause.children {
        clause_html(out, child, depth + 1);
    }
}

/// The preamble or the closing of every version, side by side (nothing when no version has one).
fn blocks_row(
    out: &mut String,
    class: &str,
    versions: &[Version],
    blocks: impl Fn(&Agreement) -> &Vec<pakta_core::Block>,
) {
    if versions.iter().all(|v| blocks(v.agreement).is_empty()) {
        return;
    }
    let _ = writeln!(
        out,
        "<section class=\"{class}\"><div class=\"versions cols-{}\">",
        versions.len().max(1)
    );
    for version in versions {
        let _ = writeln!(
            out,
            "<div class=\"version\" lang=\"{}\">",
            token(version.language)
        );
        for block in blocks(version.agreement) {
            let _ = writeln!(out, "<p>{}</p>", escape(&block.text));
        }
        out.push_str("</div>\n");
    }
    out.push_str("</div></section>\n");
}

fn language_name(code: &str) -> &str {
    match code {
        "en" => "English",
        "id" => "Bahasa Indonesia",
        other => other,
    }
}

/// The draft's versions (in the term sheet's order) as a self-contained HTML page, each article under the
/// requirement it implements; `source` names the term sheet.
pub fn report(source: &str, drafted: &SideBySide, catalogue: &Catalogue) -> String {
    let versions: Vec<Version> = drafted
        .versions
        .iter()
        .map(|(language, agreement)| Version {
            language,
            agreement,
        })
        .collect();
    let versions = versions.as_slice();
    let articles = drafted.articles.as_slice();
    let title = versions
        .first()
        .and_then(|v| v.agreement.title.as_deref())
        .unwrap_or(source);
    let mut body = String::new();
    body.push_str("<header>\n<p class=\"report-kind\">Draft from a term sheet</p>\n");
    let _ = writeln!(body, "<h1>{}</h1>", escape(title));
    let languages: Vec<&str> = versions.iter().map(|v| language_name(v.language)).collect();
    let _ = writeln!(
        body,
        "<p class=\"files\">term sheet <code>{}</code> \u{b7} {}</p>\n</header>",
        escape(source),
        escape(&languages.join(" \u{b7} "))
    );
    let _ = writeln!(
        body,
        "<section class=\"summary\" aria-label=\"Summary\">\n<h2>Summary</h2>\n<dl class=\"counts\">\n\
         <div><dt>articles</dt><dd>{}</dd></div><div><dt>languages</dt><dd>{}</dd></div>\n</dl>\n\
         <p class=\"meta\">Each article is the model clause of one requirement of the standards; the line above \
         it names the requirement and the instrument articles it implements.</p>\n</section>",
        articles.len(),
        versions.len()
    );
    let columns = versions.len().max(1);
    body.push_str("<main>\n");
    let _ = writeln!(
        body,
        "<div class=\"versions cols-{columns}\">{}</div>",
        versions
            .iter()
            .map(|v| format!(
                "<h2 lang=\"{0}\" class=\"version-head\">{1}</h2>",
                token(v.language),
                escape(language_name(v.language))
            ))
            .collect::<String>()
    );
    blocks_row(&mut body, "preamble", versions, |a| &a.preamble);
    for (requirement, number) in articles {
        let found = catalogue.requirement(requirement);
        let _ = writeln!(
            body,
            "<section class=\"article drafted\" id=\"{}\" data-requirement=\"{}\">",
            anchor("a", &number.to_string()),
            token(requirement)
        );
        let sources = found
            .map(|r| pakta_standards::catalogue::cited_sources(&r.sources))
            .unwrap_or_default();
        let _ = writeln!(
            body,
            "<p class=\"provenance\">Article {number} implements <code>{}</code> {} \u{2014} {}</p>",
            escape(requirement),
            escape(found.map_or("", |r| r.title.get("en"))),
            escape(&sources)
        );
        let _ = writeln!(body, "<div class=\"versions cols-{columns}\">");
        for version in versions {
            let article = version
                .agreement
                .articles
                .iter()
                .find(|a| a.number == number.to_string() && a.sequence == 0);
            let _ = writeln!(
                body,
                "<div class=\"version\" lang=\"{}\">",
                token(version.language)
            );
            match article {
                Some(article) => {
                    let word = if version.language == "id" {
                        "Pasal"
                    } else {
                        "Article"
                    };
                    let _ = writeln!(
                        body,
                        "<h3>{word} {}{}</h3>",
                        escape(&article.number),
                        article
                            .heading
                            .as_deref()
                            .map(|h| format!(" \u{2014} {}", escape(h)))
                            .unwrap_or_default()
                    );
                    for clause in &article.clauses {
                        clause_html(&mut body, clause, 0);
                    }
                }
                None => body.push_str("<p class=\"meta\">(no such article in this version)</p>\n"),
            }
            body.push_str("</div>\n");
        }
        body.push_str("</div>\n</section>\n");
    }
    blocks_row(&mut body, "closing", versions, |a| &a.closing);
    body.push_str("</main>\n");
    let page_title = format!("Draft: {title}");
    document(
        &Head {
            title: &page_title,
            lang: "en",
            date: None,
        },
        &body,
    )
}
