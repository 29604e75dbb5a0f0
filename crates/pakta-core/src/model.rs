//! The agreement model: what a parsed agreement is, independent of the format it came from.
//!
//! Nodes keep the byte span of their source and the line/column where they start, so every later phase can
//! point a reader back at the text. Ids follow the Akoma Ntoso naming convention (`art_5__para_2__point_a`).

use std::fmt;

use serde::{Serialize, Serializer};

/// A byte range in the source text plus the 1-based line and column (in characters) where it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub line: u32,
    pub column: u32,
}

/// A language, as a BCP 47 primary code. Detection knows a handful; front matter may name any.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Language {
    En,
    Id,
    Nl,
    Fr,
    Es,
    De,
    /// Any other code given in front matter, lower-cased.
    Other(String),
    /// Undetermined (the BCP 47 code `und`).
    #[default]
    Und,
}

impl Language {
    /// Reads a language code such as `en`, `EN`, `id-ID` or `ind`.
    pub fn from_code(code: &str) -> Language {
        let primary = code
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "en" | "eng" => Language::En,
            "id" | "ind" | "in" => Language::Id,
            "nl" | "nld" | "dut" => Language::Nl,
            "fr" | "fra" | "fre" => Language::Fr,
            "es" | "spa" => Language::Es,
            "de" | "deu" | "ger" => Language::De,
            "" | "und" => Language::Und,
            _ => Language::Other(primary),
        }
    }

    pub fn code(&self) -> &str {
        match self {
            Language::En => "en",
            Language::Id => "id",
            Language::Nl => "nl",
            Language::Fr => "fr",
            Language::Es => "es",
            Language::De => "de",
            Language::Other(code) => code,
            Language::Und => "und",
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Language {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

/// A parsed agreement: metadata, the text before the first article, the articles, the groupings above them,
/// the closing formula and signature block, and everything the parser noticed along the way.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Agreement {
    pub meta: Meta,
    /// The title from front matter, else the first top-level heading that is not an article or a division.
    pub title: Option<String>,
    /// The title line as written in the body (that first heading), even when front matter's title
    /// overrides it in `title`: the redline compares both, so neither can change unseen.
    pub title_line: Option<String>,
    /// The language from front matter, else detected from the text.
    pub language: Language,
    pub preamble: Vec<Block>,
    /// Part, Chapter, Section, Annex … in document order; each knows its parent and its articles.
    pub divisions: Vec<Division>,
    /// Every article in document order, whichever division it sits in.
    pub articles: Vec<Article>,
    /// The word the document numbers its top-level provisions with, in lower case: `article` (for every
    /// article word: `Article`, `Pasal`, `Art.` …), `section`, `clause` or `paragraph`; `None` for bare
    /// numbers (`## 5. Wages`, a numbered list of titled sections) or when no provision was found. Whatever
    /// the word, each provision is an [`Article`]. Cross-references are read in this vocabulary
    /// ([`crate::crossref::find_in`]).
    pub provision_word: Option<String>,
    /// Closing formula and signature block ("Done at …", "IN WITNESS WHEREOF", "Dibuat di …").
    pub closing: Vec<Block>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Agreement {
    /// The article with this Akoma Ntoso id.
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }

    /// The articles written in `language` (by front matter when it applies to the whole text, else as
    /// detected per language version). Used to take the English part of a bilingual treaty.
    pub fn articles_in(&self, language: &Language) -> impl Iterator<Item = &Article> {
        self.articles
            .iter()
            .filter(move |a| &a.language == language)
    }

    /// How a reader names one of its provisions: "Article", or "Section", "Clause", "Paragraph" in a
    /// document numbered that way ([`Agreement::provision_word`]).
    pub fn provision_noun(&self) -> &'static str {
        self.provision_word
            .as_deref()
            .and_then(crate::provision::ProvisionWord::from_name)
            .map_or("Article", |w| w.noun())
    }

    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// Metadata from YAML (`---`) or TOML (`+++`) front matter.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Meta {
    pub title: Option<String>,
    pub parties: Vec<Party>,
    pub signed: Option<Signed>,
    pub language: Option<String>,
    pub version: Option<String>,
    pub supersedes: Option<String>,
    /// E.g. `illustrative`, `draft`, `signed`, `in-force`.
    pub status: Option<String>,
    pub note: Option<String>,
    /// Sectors the agreement covers, in the catalogue's vocabulary (`domestic-work`, `fishing`, …).
    pub sectors: Vec<String>,
    /// For a draft pakta generated: the term sheet it came from, and the catalogue version.
    pub generated_from: Option<String>,
    pub catalogue: Option<String>,
    /// The running heads and feet an importer took off every page of a PDF or text file ("DRAFT — AD
    /// REFERENDUM", "Agreed text, initialled 14 March 2025"): not text of the agreement, but the status
    /// of the draft, kept so that a changed one is a difference.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub running_heads: Vec<String>,
    /// Keys pakta does not read (`effective`, `signed.witness`, `parties.2.seat`), by dotted path, with
    /// their values as text: the redline still compares them, so no front-matter change goes unseen.
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub other: std::collections::BTreeMap<String, String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Party {
    pub name: String,
    pub short: Option<String>,
    /// `origin` or `destination` in a labour migration corridor; free text otherwise.
    pub role: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Signed {
    /// As written; ISO 8601 (`2025-06-12`) when the source used a date type.
    pub date: Option<String>,
    pub place: Option<String>,
}

/// A grouping level above articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DivisionKind {
    /// Annexes, appendices, schedules, protocols (`Lampiran`, `Bijlage`, `Annexe`).
    Annex,
    /// Title (`Titre`, `Titel`).
    Title,
    /// Part (`Partie`, `Deel`).
    Part,
    /// Chapter (`Bab`, `Chapitre`, `Hoofdstuk`).
    Chapter,
    /// Section (`Bagian`, `Afdeling`).
    Section,
    /// A heading between articles that names no level: a language version's title, a group heading.
    Heading,
}

impl DivisionKind {
    /// The Akoma Ntoso element abbreviation used in ids.
    pub fn eid_prefix(self) -> &'static str {
        match self {
            DivisionKind::Annex => "annex",
            DivisionKind::Title => "title",
            DivisionKind::Part => "part",
            DivisionKind::Chapter => "chp",
            DivisionKind::Section => "sec",
            DivisionKind::Heading => "hcontainer",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Division {
    pub id: String,
    pub kind: DivisionKind,
    /// As printed: "I", "2", "Kesatu"; `None` for an unnumbered heading.
    pub number: Option<String>,
    pub heading: Option<String>,
    /// Index of the enclosing division in [`Agreement::divisions`].
    pub parent: Option<usize>,
    /// Text between the division's heading and its first article.
    pub intro: Vec<Block>,
    pub span: Span,
}

/// A run of text outside articles (preamble, division intro, closing), with its span.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Block {
    pub text: String,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Article {
    /// Akoma Ntoso id: `art_5`; in a restarted numbering (an annex, a second language version) prefixed by
    /// its division, e.g. `annex_1__art_2`.
    pub id: String,
    /// The number as printed: "5", "V", "19.3", "5bis", "1er".
    pub number: String,
    pub heading: Option<String>,
    pub clauses: Vec<Clause>,
    /// Index of the innermost enclosing division in [`Agreement::divisions`].
    pub division: Option<usize>,
    /// Which numbering sequence the article belongs to: 0 for the main text, then one more each time the
    /// numbering restarts at 1 after a division boundary (an annex, another language version).
    pub sequence: usize,
    /// The article's language: its language version's, or the document's.
    pub language: Language,
    pub span: Span,
}

impl Article {
    /// The article's full plain text: every clause with its label, in order, one per line.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for clause in &self.clauses {
            clause.write_text(&mut out, 0);
        }
        out
    }

    /// Every clause in document order, depth first.
    pub fn clauses_flat(&self) -> Vec<&Clause> {
        let mut out = Vec::new();
        let mut stack: Vec<&Clause> = self.clauses.iter().rev().collect();
        while let Some(clause) = stack.pop() {
            out.push(clause);
            stack.extend(clause.children.iter().rev());
        }
        out
    }
}

/// What level a clause sits at. Paragraphs are numbered (`1.`, `(1)`); points are lettered or roman
/// (`(a)`, `(i)`) or bulleted; unlabelled text is a subparagraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClauseKind {
    Paragraph,
    Point,
    Subparagraph,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Clause {
    pub id: String,
    pub kind: ClauseKind,
    /// Canonical label: "1", "(a)", "(i)", "-"; `None` for unlabelled text.
    pub label: Option<String>,
    /// The marker exactly as printed ("1.", "a)", "(iv)"), when there was one.
    pub marker: Option<String>,
    pub text: String,
    pub children: Vec<Clause>,
    pub span: Span,
}

impl Clause {
    fn write_text(&self, out: &mut String, depth: usize) {
        for _ in 0..depth {
            out.push_str("  ");
        }
        if let Some(label) = &self.label {
            out.push_str(label);
            out.push(' ');
        }
        out.push_str(&self.text);
        out.push('\n');
        for child in &self.children {
            child.write_text(out, depth + 1);
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// Something the parser or the linter noticed, at a place in the source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable kebab-case code, e.g. `duplicate-number`, `broken-reference`.
    pub code: &'static str,
    pub message: String,
    pub span: Span,
}
