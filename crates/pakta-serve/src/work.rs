//! The work a request asks for, done with the same library calls the command line makes: reading an
//! upload, the redline of two drafts, the coverage of one (or of two compared), two language versions
//! side by side and a draft from a term sheet, in each format the command line writes.
//! Everything here is synchronous; the routes run it on the blocking pool under the time budget.

use pakta_core::Agreement;
use pakta_report::coverage::Subject;
use pakta_standards::{Catalogue, Checker, ModelClauses};

use crate::PdfText;
use crate::store::Doc;

/// The redline's "differences that do not count", written in a URL as letters (`i=cw`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ignore {
    letters: [bool; 4],
}

impl Ignore {
    /// Each option's letter, its words on the page, and its `pakta diff` flag.
    pub const OPTIONS: [(char, &'static str); 4] = [
        ('c', "letter case"),
        ('w', "spacing"),
        ('p', "punctuation"),
        ('n', "numbering"),
    ];

    pub fn from_letters(text: &str) -> Ignore {
        let mut ignore = Ignore::default();
        for (i, (letter, _)) in Self::OPTIONS.iter().enumerate() {
            ignore.letters[i] = text.contains(*letter);
        }
        ignore
    }

    pub fn letters(self) -> String {
        Self::OPTIONS
            .iter()
            .zip(self.letters)
            .filter(|(_, on)| *on)
            .map(|((letter, _), _)| *letter)
            .collect()
    }

    pub fn has(self, letter: char) -> bool {
        Self::OPTIONS
            .iter()
            .zip(self.letters)
            .any(|((l, _), on)| *l == letter && on)
    }

    /// The same options with `letter` switched.
    pub fn toggled(self, letter: char) -> Ignore {
        let mut out = self;
        for (i, (l, _)) in Self::OPTIONS.iter().enumerate() {
            if *l == letter {
                out.letters[i] = !out.letters[i];
            }
        }
        out
    }

    fn options(self) -> pakta_redline::Options {
        let [case, whitespace, punctuation, numbering] = self.letters;
        pakta_redline::Options {
            ignore_case: case,
            ignore_whitespace: whitespace,
            ignore_punctuation: punctuation,
            ignore_numbering: numbering,
        }
    }
}

/// The name a browser sent for a file, without any folders (some browsers send a whole path), made
/// printable and of a sensible length.
pub fn file_name(raw: &str) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or(raw).trim();
    let clean: String = base.chars().filter(|c| !c.is_control()).take(120).collect();
    if clean.is_empty() {
        "upload".to_owned()
    } else {
        clean
    }
}

/// Reads an uploaded file as `pakta` reads a file: the format from its content (and name), imported to
/// Markdown. The error is pakta's own one line, starting with the file's name.
pub fn read(name: &str, bytes: Vec<u8>, pdf_text: &PdfText) -> Result<Doc, String> {
    let format =
        pakta_import::detect(name, &bytes).map_err(|e| one_line(&format!("{name}: {e}")))?;
    let imported = pakta_import::bytes::import(
        name,
        bytes,
        format,
        pakta_import::docx::Changes::Accept,
        "",
        |bytes| pdf_text(name, bytes),
    )
    .map_err(|e: anyhow::Error| one_line(&format!("{e:#}")))?;
    Ok(Doc {
        name: name.to_owned(),
        markdown: imported.markdown,
        summary: imported.summary,
    })
}

/// The first line of a message (errors with a source excerpt have more), without trailing spaces.
pub fn one_line(message: &str) -> String {
    message.lines().next().unwrap_or("").trim_end().to_owned()
}

fn subject<'a>(doc: &'a Doc, agreement: &'a Agreement) -> Subject<'a> {
    Subject {
        title: agreement.title.as_deref(),
        path: &doc.name,
    }
}

/// A download's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Download {
    /// Word: with tracked changes (redline), clean (draft).
    Docx,
    /// Markdown (CriticMarkup for the redline).
    Md,
    Json,
    Html,
    /// Plain text, as the command prints it (language versions, coverage compared).
    Text,
    /// The term sheet (draft).
    Toml,
}

impl Download {
    pub fn from_query(text: &str) -> Option<Download> {
        match text {
            "docx" => Some(Download::Docx),
            "md" => Some(Download::Md),
            "json" => Some(Download::Json),
            "html" => Some(Download::Html),
            "txt" => Some(Download::Text),
            "toml" => Some(Download::Toml),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Download::Docx => "docx",
            Download::Md => "md",
            Download::Json => "json",
            Download::Html => "html",
            Download::Text => "txt",
            Download::Toml => "toml",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Download::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            Download::Md => "text/markdown; charset=utf-8",
            Download::Json => "application/json",
            Download::Html => "text/html; charset=utf-8",
            Download::Text => "text/plain; charset=utf-8",
            Download::Toml => "application/toml",
        }
    }
}

/// The redline of OLD → NEW in `format` (the web page for [`Download::Html`]), as `pakta diff` writes it.
pub fn redline(old: &Doc, new: &Doc, ignore: Ignore, format: Download) -> Result<Vec<u8>, String> {
    let (old_agreement, new_agreement) = parse_both(&old.markdown, &new.markdown);
    let result = pakta_redline::redline(&old_agreement, &new_agreement, &ignore.options());
    let (old_subject, new_subject) = (subject(old, &old_agreement), subject(new, &new_agreement));
    Ok(match format {
        Download::Text | Download::Toml => {
            return Err(format!("the redline has no {} version", format.extension()));
        }
        Download::Html => pakta_html::diff::report(
            &old_subject,
            &new_subject,
            &result,
            &pakta_html::diff::Options::default(),
        )
        .into_bytes(),
        Download::Md => {
            pakta_report::redline::markdown(&old_subject, &new_subject, &result).into_bytes()
        }
        Download::Json => {
            pakta_report::redline::json(&old_subject, &new_subject, &result).into_bytes()
        }
        Download::Docx => {
            let tracked = pakta_redline::document::tracked(&old_agreement, &new_agreement, &result);
            pakta_docx::tracked(
                &tracked,
                &result,
                &pakta_docx::Revision {
                    author: "pakta",
                    date: None,
                },
            )
            .map_err(|e| {
                one_line(&format!(
                    "{}: cannot build the Word document: {e}",
                    new.name
                ))
            })?
        }
    })
}

/// The catalogue and model clauses, loaded once when the server starts.
pub struct Standards {
    pub catalogue: Catalogue,
    pub models: ModelClauses,
}

impl std::fmt::Debug for Standards {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Standards").finish_non_exhaustive()
    }
}

impl Standards {
    /// The catalogue built into pakta, as `pakta check` uses it without `--catalogue`.
    pub fn embedded() -> anyhow::Result<Standards> {
        let catalogue = Catalogue::load(&pakta_standards::embedded_catalogue())?;
        let mut templates = pakta_standards::embedded_templates();
        templates.extend(pakta_standards::embedded_skeletons());
        let models = ModelClauses::new(&templates)?;
        models.verify(&catalogue)?;
        Ok(Standards { catalogue, models })
    }

    /// The coverage of `doc` against `profile` in `format`, as `pakta check --format …` writes it (the
    /// model wording beside the agreement's, as the web page always shows it).
    pub fn coverage(&self, doc: &Doc, profile: &str, format: Download) -> Result<String, String> {
        let profile_def = self.catalogue.profile(profile).ok_or_else(|| {
            format!(
                "unknown profile `{profile}` (profiles: {})",
                self.catalogue
                    .profiles
                    .keys()
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })?;
        let agreement = pakta_core::parse(&doc.markdown);
        let coverage = Checker::new(&self.catalogue).check(&agreement, profile_def, None);
        let comparisons = pakta_standards::model_comparisons(
            &agreement,
            &coverage,
            &self.catalogue,
            &self.models,
        )
        .map_err(|e| one_line(&e.to_string()))?;
        let subject = subject(doc, &agreement);
        Ok(match format {
            Download::Html => pakta_html::check::report(
                &subject,
                &coverage,
                &self.catalogue,
                Some(comparisons.as_slice()),
                None,
            ),
            Download::Json => pakta_report::coverage::json(
                &subject,
                &coverage,
                &self.catalogue,
                Some(comparisons.as_slice()),
            ),
            Download::Md | Download::Docx | Download::Text | Download::Toml => {
                pakta_report::coverage::markdown(
                    &subject,
                    &coverage,
                    &self.catalogue,
                    Some(comparisons.as_slice()),
                )
            }
        })
    }
}

impl Standards {
    /// The coverage of OLD compared with NEW in `format`, as `pakta check OLD --against NEW --format …`
    /// writes it (text for [`Download::Text`]).
    pub fn against(
        &self,
        old: &Doc,
        new: &Doc,
        profile: &str,
        format: Download,
    ) -> Result<String, String> {
        let profile_def = self
            .catalogue
            .profile(profile)
            .ok_or_else(|| format!("unknown profile `{profile}`"))?;
        let (old_agreement, new_agreement) = parse_both(&old.markdown, &new.markdown);
        let checker = Checker::new(&self.catalogue);
        let before = checker.check(&old_agreement, profile_def, None);
        let after = checker.check(&new_agreement, profile_def, None);
        let changes = pakta_standards::compare(&before, &after);
        let (old_subject, new_subject) =
            (subject(old, &old_agreement), subject(new, &new_agreement));
        Ok(match format {
            Download::Json => pakta_report::coverage::against_json(
                &old_subject,
                &new_subject,
                &before,
                &after,
                &changes,
            ),
            Download::Html => pakta_html::check::against(
                &old_subject,
                &new_subject,
                &before,
                &after,
                &changes,
                &self.catalogue,
                None,
            ),
            _ => pakta_report::coverage::against_text(
                &old_subject,
                &new_subject,
                &before,
                &after,
                &changes,
                pakta_report::Style::PLAIN,
            ),
        })
    }
}

/// Two texts parsed on two threads, as `pakta diff` and `pakta parallel` parse their inputs.
fn parse_both(a: &str, b: &str) -> (Agreement, Agreement) {
    std::thread::scope(|scope| {
        let parsed = scope.spawn(|| pakta_core::parse(a));
        let second = pakta_core::parse(b);
        match parsed.join() {
            Ok(first) => (first, second),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// Two language versions compared in `format`, as `pakta parallel --format text|json|html` writes it.
pub fn versions(a: &Doc, b: &Doc, format: Download) -> Result<String, String> {
    let (a_agreement, b_agreement) = parse_both(&a.markdown, &b.markdown);
    let result = pakta_redline::parallel::parallel(&a_agreement, &b_agreement);
    let (a_subject, b_subject) = (subject(a, &a_agreement), subject(b, &b_agreement));
    match format {
        Download::Html => Ok(pakta_html::parallel::report(
            &a_subject, &b_subject, &result, None,
        )),
        Download::Json => Ok(pakta_report::redline::parallel_json(
            &a_subject, &b_subject, &result,
        )),
        Download::Text => Ok(pakta_report::redline::parallel_text(
            &a_subject,
            &b_subject,
            &result,
            pakta_report::Style::PLAIN,
        )),
        other => Err(format!(
            "the comparison of language versions has no {} version",
            other.extension()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignore_letters_round_trip_and_toggle() {
        let ignore = Ignore::from_letters("nwx");
        assert_eq!(ignore.letters(), "wn");
        assert!(ignore.has('w') && !ignore.has('c'));
        assert_eq!(ignore.toggled('w').letters(), "n");
        assert_eq!(ignore.toggled('c').letters(), "cwn");
        assert!(ignore.options().ignore_numbering && !ignore.options().ignore_case);
    }

    #[test]
    fn file_names_lose_their_folders_and_controls() {
        assert_eq!(file_name("C:\\Users\\x\\draft v2.docx"), "draft v2.docx");
        assert_eq!(file_name("/tmp/a.md"), "a.md");
        assert_eq!(file_name("a\u{7}b.md"), "ab.md");
        assert_eq!(file_name(""), "upload");
    }
}
