//! TOML → `pakta_draft::TermSheet::parse` → `pakta_draft::draft` (English and Indonesian, the embedded
//! catalogue and model clauses) → `pakta_core::parse` of each draft.
//!
//! Checks the drafting loop's promises (as pakta-draft's tests state them for the example term sheets):
//! every draft parses back to exactly the articles it numbered, each with its provenance comment, two
//! parties, no parse errors, and term-sheet text never becomes markup (no raw `<script` in the body).
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use pakta_fuzz::{MAX_INPUT, body, check_agreement, has_raw_script};
use pakta_standards::{Catalogue, ModelClauses};

fn library() -> &'static (Catalogue, ModelClauses) {
    static LIBRARY: OnceLock<(Catalogue, ModelClauses)> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        let catalogue = Catalogue::load(&pakta_standards::embedded_catalogue())
            .expect("the embedded catalogue loads");
        let mut templates = pakta_standards::embedded_templates();
        templates.extend(pakta_standards::embedded_skeletons());
        let models = ModelClauses::new(&templates).expect("the embedded templates compile");
        (catalogue, models)
    })
}

fuzz_target!(|data: &[u8]| {
    if data.len() > MAX_INPUT {
        return;
    }
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(sheet) = pakta_draft::TermSheet::parse("fuzz.toml", text) else {
        return;
    };
    let (catalogue, models) = library();
    let languages = ["en".to_string(), "id".to_string()];
    let Ok(drafts) = pakta_draft::draft(&sheet, "fuzz", catalogue, models, &languages) else {
        return;
    };
    assert_eq!(drafts.len(), 2);
    for draft in &drafts {
        let agreement = pakta_core::parse(&draft.markdown);
        check_agreement(&agreement, &draft.markdown);
        let numbers: Vec<&str> = agreement
            .articles
            .iter()
            .map(|a| a.number.as_str())
            .collect();
        assert_eq!(
            agreement.articles.len(),
            draft.articles.len(),
            "({}) the draft numbered {} articles but parses to {numbers:?}",
            draft.language,
            draft.articles.len()
        );
        assert_eq!(
            draft.markdown.matches("<!-- pakta: ").count(),
            draft.articles.len(),
            "({}) one provenance comment per article",
            draft.language
        );
        assert_eq!(
            agreement.meta.parties.len(),
            2,
            "({}) two parties in the front matter",
            draft.language
        );
        assert!(
            !agreement.has_errors(),
            "({}) parse errors: {:?}",
            draft.language,
            agreement.diagnostics
        );
        assert!(
            !has_raw_script(body(&draft.markdown)),
            "({}) raw <script in the draft body",
            draft.language
        );
    }
});
