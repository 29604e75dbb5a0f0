//! The Draft page's work, as `pakta draft` does it: the form's values written as a term sheet (TOML),
//! read by `pakta_draft::TermSheet::parse` (whose problems, by field, go back to the form), drafted by
//! `pakta_draft::draft`; then the drafts shown side by side by `pakta-html` and offered as the files the
//! command writes.

use pakta_draft::TermSheet;
use pakta_draft::form::FormValues;

use crate::work::{Download, Standards, one_line};

/// What the page calls the term sheet, and the name of its download: `pakta draft termsheet.toml` then
/// writes `termsheet.en.md` and `termsheet.id.md`, the page's downloads.
pub const SHEET_NAME: &str = "termsheet.toml";

/// A term sheet and the drafts made from it.
#[derive(Debug)]
pub struct Drafted {
    pub toml: String,
    pub drafts: Vec<pakta_draft::Draft>,
}

/// Why a form gave no draft.
#[derive(Debug)]
pub enum Refused {
    /// The term sheet's problems, each with the field it concerns.
    Invalid(pakta_draft::TermSheetErrors),
    /// Another of pakta's one-line messages (a template that failed, say).
    Other(String),
}

impl Standards {
    /// Drafts what the form asked for, in the term sheet's languages.
    pub fn draft(&self, values: &FormValues) -> Result<Drafted, Refused> {
        let toml = values.to_toml();
        let sheet = TermSheet::parse(SHEET_NAME, &toml).map_err(Refused::Invalid)?;
        let drafts = pakta_draft::draft(
            &sheet,
            SHEET_NAME,
            &self.catalogue,
            &self.models,
            &sheet.agreement.languages,
        )
        .map_err(|e| Refused::Other(one_line(&e.to_string())))?;
        Ok(Drafted { toml, drafts })
    }

    /// The drafts side by side, each article under the requirement it implements.
    pub fn draft_page(&self, drafted: &Drafted) -> String {
        let side_by_side = pakta_draft::SideBySide::of(&drafted.drafts);
        pakta_html::draft::report(SHEET_NAME, &side_by_side, &self.catalogue)
    }
}

/// The stem of the files `pakta draft termsheet.toml` writes.
fn stem() -> &'static str {
    SHEET_NAME.trim_end_matches(".toml")
}

/// One file of a draft: the term sheet (TOML), a language version (Markdown or Word, as `pakta draft
/// --format md|docx` writes it) or the page; (bytes, file name).
pub fn download(
    standards: &Standards,
    drafted: &Drafted,
    language: &str,
    format: Download,
) -> Result<(Vec<u8>, String), String> {
    if format == Download::Toml {
        return Ok((drafted.toml.clone().into_bytes(), SHEET_NAME.to_owned()));
    }
    if format == Download::Html {
        return Ok((
            standards.draft_page(drafted).into_bytes(),
            format!("{}.html", stem()),
        ));
    }
    let draft = drafted
        .drafts
        .iter()
        .find(|d| d.language == language)
        .ok_or_else(|| format!("this draft has no version in `{language}`"))?;
    let name = format!("{}.{}.{}", stem(), draft.language, format.extension());
    match format {
        Download::Md => Ok((draft.markdown.clone().into_bytes(), name)),
        Download::Docx => {
            let agreement = pakta_core::parse(&draft.markdown);
            let docx = pakta_docx::clean(&agreement, None)
                .map_err(|e| one_line(&format!("{name}: cannot build the Word document: {e}")))?;
            Ok((docx, name))
        }
        other => Err(format!("a draft has no {} version", other.extension())),
    }
}
