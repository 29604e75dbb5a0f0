//! The language-version comparison of `pakta parallel` as a web page: what one version says and the other
//! does not, article by article.

use std::fmt::Write as _;

use pakta_redline::parallel::Parallel;
use pakta_report::coverage::Subject;

use crate::page::{Head, document, escape, filters, token};

/// The comparison of versions A and B as a self-contained HTML page.
pub fn report(a: &Subject, b: &Subject, result: &Parallel, date: Option<&str>) -> String {
    let a_title = a.title.unwrap_or(a.path);
    let b_title = b.title.unwrap_or(b.path);
    let mut body = String::new();
    body.push_str("<header>\n<p class=\"report-kind\">Language versions</p>\n");
    let _ = writeln!(
        body,
        "<h1>{} \u{2194} {}</h1>",
        escape(a_title),
        escape(b_title)
    );
    let _ = writeln!(
        body,
        "<p class=\"files\">A <code>{}</code> \u{b7} B <code>{}</code>{}</p>\n</header>",
        escape(a.path),
        escape(b.path),
        date.map(|d| format!(" \u{b7} {}", escape(d)))
            .unwrap_or_default()
    );
    let _ = writeln!(
        body,
        "<section class=\"summary\" aria-label=\"Summary\">\n<h2>Summary</h2>\n<dl class=\"counts\">\n\
         <div><dt>articles in A</dt><dd>{}</dd></div><div><dt>articles in B</dt><dd>{}</dd></div>\n\
         <div><dt>aligned</dt><dd>{}</dd></div><div class=\"count-inconsistencies\"><dt>inconsistencies</dt><dd>{}</dd></div>\n\
         </dl>\n</section>",
        result.a_articles,
        result.b_articles,
        result.aligned,
        result.inconsistencies.len()
    );
    if result.inconsistencies.is_empty() {
        body.push_str("<p class=\"consistent\">The versions agree: every article and paragraph has its counterpart, with the same numbers and cross-references.</p>\n");
    } else {
        let mut kinds: Vec<&str> = result
            .inconsistencies
            .iter()
            .map(|i| i.kind.as_str())
            .collect();
        kinds.sort_unstable();
        kinds.dedup();
        body.push_str(&filters(&kinds, &[]));
        body.push_str(
            "<table class=\"inconsistencies\">\n<thead><tr><th>Kind</th><th>Article</th><th>Clause</th>\
             <th>A says</th><th>B says</th></tr></thead>\n<tbody>\n",
        );
        for i in &result.inconsistencies {
            let say = |s: &str| {
                if s.is_empty() {
                    "<span class=\"meta\">(nothing)</span>".to_string()
                } else {
                    escape(s)
                }
            };
            let _ = writeln!(
                body,
                "<tr data-status=\"{}\"><td><span class=\"badge\">{}</span></td><td>{}</td><td><code>{}</code></td><td>{}</td><td>{}</td></tr>",
                token(i.kind.as_str()),
                i.kind.as_str(),
                escape(&i.article),
                escape(i.clause.as_deref().unwrap_or("")),
                say(&i.a),
                say(&i.b)
            );
        }
        body.push_str("</tbody>\n</table>\n");
    }
    let title = format!("Language versions: {a_title} \u{2194} {b_title}");
    document(
        &Head {
            title: &title,
            lang: "en",
            date,
        },
        &body,
    )
}
