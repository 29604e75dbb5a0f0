//! Model clauses: every requirement has one in English and Indonesian, each renders in strict mode, and
//! each passes pakta's own check as `covered` for the requirement it implements.

use pakta_standards::models::{LANGUAGES, neutral_context};
use pakta_standards::{Checker, ModelClauses, Status};

use crate::catalogue;

#[test]
fn every_model_clause_renders_and_covers_its_requirement() {
    let catalogue = catalogue();
    let models =
        ModelClauses::new(&pakta_standards::embedded_templates()).expect("templates compile");
    models
        .verify(&catalogue)
        .expect("every requirement has templates in en and id");
    let checker = Checker::new(&catalogue);
    let all = catalogue.profile("all").expect("all");
    let mut failures = Vec::new();
    for requirement in &catalogue.requirements {
        for language in LANGUAGES {
            let model = models
                .neutral(&requirement.model_clause, language)
                .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(
                model.articles.len(),
                1,
                "{}.{language}: one article",
                requirement.model_clause
            );
            let mut profile = all.clone();
            profile.requirements = vec![requirement.id.clone()];
            profile.sectors = requirement.sectors.clone();
            let coverage = checker.check(&model, &profile, None);
            let result = &coverage.results[0];
            if result.status != Status::Covered {
                failures.push(format!(
                    "{}.{language}: {} (missing elements {:?}; evidence {:?})",
                    requirement.id,
                    result.status.as_str(),
                    result.elements_missing,
                    result
                        .evidence
                        .iter()
                        .filter(|e| e.kind.as_str().contains("contradiction")
                            || matches!(e.kind.as_str(), "hedge" | "qualification"))
                        .map(|e| format!(
                            "{} [{}] {{{}}}",
                            e.text,
                            e.pattern,
                            e.norm.as_ref().map_or("", |n| n.summary.as_str())
                        ))
                        .collect::<Vec<_>>()
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "model clauses that fail their own check:\n{}",
        failures.join("\n")
    );
    // The neutral context leaves no handlebars behind.
    for requirement in &catalogue.requirements {
        let text = models
            .render(&requirement.model_clause, "en", &neutral_context("en"))
            .expect("renders");
        assert!(
            !text.contains("{{") && !text.contains("}}"),
            "{}: leftover braces",
            requirement.id
        );
    }
}
