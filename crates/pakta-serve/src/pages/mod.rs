//! The workbench's own pages — the forms, the toolbar over a report, the meeting page — and their
//! Content-Security-Policy. Reports themselves are `pakta-html`'s pages, unchanged but for the toolbar.
//!
//! Every piece of text that came from a user or a file (names, messages, profile descriptions) goes
//! through [`escape`].

use std::fmt::Write as _;
use std::sync::OnceLock;

use pakta_html::escape;

use crate::work::Ignore;

mod draft;

pub use draft::{DraftForm, draft_form};

const STYLE: &str = include_str!("../workbench.css");
const MEETING_SCRIPT: &str = include_str!("../meeting.js");

/// The policy of the workbench's own pages: nothing from outside, inline styles, only the meeting
/// script (by its hash), requests and frames only to this server, forms only to it.
pub fn policy() -> &'static str {
    static POLICY: OnceLock<String> = OnceLock::new();
    POLICY.get_or_init(|| {
        use base64::Engine as _;
        use sha2::Digest as _;
        let hash = base64::engine::general_purpose::STANDARD
            .encode(sha2::Sha256::digest(MEETING_SCRIPT.as_bytes()));
        format!(
            "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{hash}'; img-src data:; \
             connect-src 'self'; frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
        )
    })
}

/// Which page of the workbench a page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Compare,
    Check,
    Draft,
    Versions,
    Meeting,
}

/// A complete page of the workbench around `main`.
pub(crate) fn shell(
    token: &str,
    tab: Tab,
    meeting: bool,
    title: &str,
    main: &str,
    script: bool,
) -> String {
    let mut out = String::with_capacity(main.len() + STYLE.len() + 2048);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    let _ = writeln!(
        out,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        policy()
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n");
    let _ = writeln!(out, "<title>{} \u{2014} pakta</title>", escape(title));
    let _ = writeln!(out, "<style>\n{STYLE}</style>\n</head>\n<body>");
    out.push_str("<header class=\"bar\"><strong>pakta</strong>\n<nav aria-label=\"Workbench\">");
    let mut links = vec![
        (Tab::Compare, "/", "Compare two drafts"),
        (Tab::Check, "/check", "Check against the standards"),
        (Tab::Draft, "/draft", "Draft from a term sheet"),
        (Tab::Versions, "/versions", "Language versions"),
    ];
    if meeting {
        links.push((Tab::Meeting, "/meeting", "Meeting"));
    }
    for (i, (which, path, words)) in links.iter().enumerate() {
        let current = if *which == tab {
            " aria-current=\"page\""
        } else {
            ""
        };
        let _ = write!(
            out,
            "{}<a href=\"{path}?t={}\"{current}>{words}</a>",
            if i == 0 { "" } else { " \u{b7} " },
            escape(token)
        );
    }
    out.push_str("</nav></header>\n");
    out.push_str(main);
    if script {
        let _ = writeln!(out, "<script>{MEETING_SCRIPT}</script>");
    }
    out.push_str("</body>\n</html>\n");
    out
}

pub(crate) fn error_html(error: Option<&str>) -> String {
    error
        .map(|e| format!("<p class=\"error\" role=\"alert\">{}</p>\n", escape(e)))
        .unwrap_or_default()
}

const FORMATS: &str = "Word (.docx), PDF, Markdown, plain text or ToTA treaty XML";

/// The compare form, with an error above it when the last try failed.
pub fn compare_form(token: &str, meeting: bool, error: Option<&str>) -> String {
    let mut main = String::from("<main>\n<h1>Compare two drafts</h1>\n");
    let _ = writeln!(
        main,
        "<p class=\"lead\">Choose the earlier and the later draft ({FORMATS}). pakta shows the redline: \
         articles matched even when renumbered or moved, the changed words, and what each change means. \
         The files are read in memory on this computer; nothing is stored or sent anywhere.</p>"
    );
    main.push_str(&error_html(error));
    let _ = writeln!(
        main,
        "<form method=\"post\" action=\"/compare?t={}\" enctype=\"multipart/form-data\">",
        escape(token)
    );
    main.push_str(
        "<label class=\"file\">Earlier draft <input type=\"file\" name=\"old\" required></label>\n\
         <label class=\"file\">Later draft <input type=\"file\" name=\"new\" required></label>\n\
         <fieldset><legend>Differences that do not count</legend>\n",
    );
    for (letter, words) in Ignore::OPTIONS {
        let _ = writeln!(
            main,
            "<label><input type=\"checkbox\" name=\"i\" value=\"{letter}\"> {words}</label>"
        );
    }
    main.push_str(
        "</fieldset>\n<button type=\"submit\">Show the redline</button>\n</form>\n</main>\n",
    );
    shell(
        token,
        Tab::Compare,
        meeting,
        "Compare two drafts",
        &main,
        false,
    )
}

/// The check form: one agreement and a profile of the catalogue (`(name, description)`).
pub fn check_form(
    token: &str,
    meeting: bool,
    profiles: &[(String, String)],
    error: Option<&str>,
) -> String {
    let mut main = String::from("<main>\n<h1>Check against the standards</h1>\n");
    let _ = writeln!(
        main,
        "<p class=\"lead\">Choose an agreement ({FORMATS}) and what to check it against. pakta shows, for \
         each requirement of the ILO and UN standards in the profile, whether the agreement covers it, \
         partly covers it, dilutes it or misses it, with the clauses that decided it and the model \
         wording beside them. The file is read in memory on this computer; nothing is stored or sent \
         anywhere.</p>"
    );
    main.push_str(&error_html(error));
    let _ = writeln!(
        main,
        "<form method=\"post\" action=\"/check?t={}\" enctype=\"multipart/form-data\">",
        escape(token)
    );
    main.push_str(
        "<label class=\"file\">Agreement <input type=\"file\" name=\"file\" required></label>\n\
         <label class=\"file\">Profile <select name=\"profile\">\n",
    );
    for (name, description) in profiles {
        let _ = writeln!(
            main,
            "<option value=\"{0}\"{2}>{0} \u{2014} {1}</option>",
            escape(name),
            escape(description),
            if name == "bla-core" { " selected" } else { "" }
        );
    }
    main.push_str(
        "</select></label>\n<label class=\"file\">Compare coverage with an earlier draft (optional) \
         <input type=\"file\" name=\"earlier\"></label>\n<p class=\"lead\">With an earlier draft, pakta \
         shows which requirements the agreement gained, lost or moved to other articles since that draft \
         (as <code>pakta check EARLIER --against AGREEMENT</code>).</p>\n\
         <button type=\"submit\">Check</button>\n</form>\n</main>\n",
    );
    shell(
        token,
        Tab::Check,
        meeting,
        "Check against the standards",
        &main,
        false,
    )
}

/// The Versions form: two language versions of one agreement.
pub fn versions_form(token: &str, meeting: bool, error: Option<&str>) -> String {
    let mut main = String::from("<main>\n<h1>Compare language versions</h1>\n");
    let _ = writeln!(
        main,
        "<p class=\"lead\">Choose two language versions of one agreement ({FORMATS}), an English and a \
         Bahasa Indonesia text, say. pakta aligns their articles and paragraphs and lists what one version \
         says and the other does not: missing articles or paragraphs, numbers and amounts in one version \
         only, cross-references to different articles. The files are read in memory on this computer; \
         nothing is stored or sent anywhere.</p>"
    );
    main.push_str(&error_html(error));
    let _ = writeln!(
        main,
        "<form method=\"post\" action=\"/versions?t={}\" enctype=\"multipart/form-data\">",
        escape(token)
    );
    main.push_str(
        "<label class=\"file\">One language version <input type=\"file\" name=\"a\" required></label>\n\
         <label class=\"file\">The other language version <input type=\"file\" name=\"b\" required></label>\n\
         <button type=\"submit\">Compare the versions</button>\n</form>\n</main>\n",
    );
    shell(
        token,
        Tab::Versions,
        meeting,
        "Compare language versions",
        &main,
        false,
    )
}

/// A page that only says what went wrong (a refused request, a forgotten upload).
pub fn message(token: Option<&str>, title: &str, text: &str) -> String {
    match token {
        Some(token) => {
            let main = format!(
                "<main>\n<h1>{}</h1>\n{}</main>\n",
                escape(title),
                error_html(Some(text))
            );
            shell(token, Tab::Compare, false, title, &main, false)
        }
        // Without the token, no links into the workbench.
        None => format!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n<title>{} \u{2014} pakta</title>\n\
             <style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n<h1>{}</h1>\n{}</main>\n</body>\n</html>\n",
            policy(),
            escape(title),
            escape(title),
            error_html(Some(text))
        ),
    }
}

/// One download link.
pub struct Link<'a> {
    pub href: String,
    pub words: &'a str,
}

/// A report page with the workbench's toolbar on top: a way back, the files as read, option switches
/// (links, so the report's own policy, which allows no form, holds) and downloads. Hidden in print.
pub fn with_toolbar(
    report: &str,
    back: Link,
    read: &[String],
    switches: &[(bool, Link)],
    downloads: &[Link],
) -> String {
    let mut bar = String::from(
        "<style>.workbench { font: .9rem/1.6 system-ui, sans-serif; border: 2px solid #1b1b1b; \
         background: #f4f6f8; padding: .5rem .8rem; margin: 0 0 1rem; } .workbench p { margin: .2rem 0; } \
         .workbench a { margin-right: .8rem; } .workbench .read { color: #5b5b5b; } \
         @media print { .workbench { display: none; } }</style>\n\
         <nav class=\"workbench\" aria-label=\"Workbench\">\n",
    );
    let _ = writeln!(
        bar,
        "<p><a href=\"{}\">\u{2190} {}</a></p>",
        escape(&back.href),
        escape(back.words)
    );
    for line in read {
        let _ = writeln!(bar, "<p class=\"read\">{}</p>", escape(line));
    }
    if !switches.is_empty() {
        bar.push_str("<p>Differences that do not count: ");
        for (on, link) in switches {
            let _ = write!(
                bar,
                "<a href=\"{}\" role=\"switch\" aria-checked=\"{on}\" data-ignore>{} {}</a>",
                escape(&link.href),
                if *on { "\u{2611}" } else { "\u{2610}" },
                escape(link.words)
            );
        }
        bar.push_str("</p>\n");
    }
    bar.push_str("<p>Download: ");
    for link in downloads {
        let _ = write!(
            bar,
            "<a href=\"{}\" download>{}</a>",
            escape(&link.href),
            escape(link.words)
        );
    }
    bar.push_str("</p>\n</nav>\n");
    match report.find("<body>\n") {
        Some(at) => {
            let at = at + "<body>\n".len();
            format!("{}{bar}{}", &report[..at], &report[at..])
        }
        None => format!("{bar}{report}"),
    }
}

/// The meeting page: the notice, the time of the last good read, and the redline in a frame that the
/// script reloads when the server says a new one was made.
pub fn meeting(token: &str, old: &str, new: &str, good: u64, notice: Option<&str>) -> String {
    let mut main = String::from("<section class=\"meeting-head\">\n");
    let _ = writeln!(
        main,
        "<p><strong>Meeting mode</strong>: the redline of <code>{}</code> \u{2192} <code>{}</code>, \
         made again within a second of either file being saved.</p>",
        escape(old),
        escape(new)
    );
    let _ = writeln!(
        main,
        "<p id=\"notice\" class=\"notice\" role=\"status\"{}>{}</p>",
        if notice.is_some() { "" } else { " hidden" },
        notice.map(escape).unwrap_or_default()
    );
    main.push_str(
        "<p id=\"stamp\" class=\"lead\"></p>\n<noscript><p class=\"notice\">With JavaScript off the \
         redline does not refresh by itself: reload the page after a save.</p></noscript>\n</section>\n",
    );
    let _ = writeln!(
        main,
        "<iframe id=\"redline\" title=\"Redline\" data-good=\"{good}\" src=\"/meeting/redline?t={}&amp;g={good}\"></iframe>",
        escape(token)
    );
    shell(token, Tab::Meeting, true, "Meeting", &main, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_names_the_meeting_script_and_nothing_outside() {
        use base64::Engine as _;
        use sha2::Digest as _;
        let hash = base64::engine::general_purpose::STANDARD
            .encode(sha2::Sha256::digest(MEETING_SCRIPT.as_bytes()));
        assert!(policy().contains(&hash));
        assert!(policy().starts_with("default-src 'none';"));
        assert!(!policy().contains("http"));
    }

    #[test]
    fn names_and_messages_are_escaped() {
        let page = compare_form(
            "abc",
            false,
            Some("<script>alert(1)</script>.md: the file is empty"),
        );
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;.md"));
        assert!(!page.contains("<script>alert"));
        let page = meeting("abc", "<b>old</b>", "new", 1, Some("<img src=x>"));
        assert!(page.contains("&lt;b&gt;old") && page.contains("&lt;img src=x&gt;"));
    }

    #[test]
    fn the_toolbar_goes_inside_the_report_body() {
        let page = with_toolbar(
            "<!DOCTYPE html>\n<html>\n<head></head>\n<body>\n<header>R</header>\n</body>\n</html>\n",
            Link {
                href: "/?t=k".into(),
                words: "back",
            },
            &["a.docx: Word document".into()],
            &[(
                true,
                Link {
                    href: "/x?t=k&i=c".into(),
                    words: "letter case",
                },
            )],
            &[Link {
                href: "/download?t=k&as=docx".into(),
                words: "Word",
            }],
        );
        let toolbar = page.find("class=\"workbench\"").expect("toolbar");
        assert!(page.find("<body>").expect("body") < toolbar);
        assert!(toolbar < page.find("<header>R").expect("report"));
        assert!(page.contains("href=\"/x?t=k&amp;i=c\""));
    }
}
