//! Drafting benchmarks: rendering a whole agreement from each bundled term sheet (`pakta_draft::draft`,
//! every language), one neutral model clause, and compiling the model clause templates.

use divan::{Bencher, black_box};
use pakta_standards::ModelClauses;

fn main() {
    divan::main();
}

#[divan::bench(args = pakta_bench::TERMSHEETS)]
fn draft(bencher: Bencher, name: &str) {
    let (file, text) = pakta_bench::termsheet(name);
    let sheet = pakta_draft::TermSheet::parse(&file, &text).expect("bundled term sheet parses");
    let catalogue = pakta_bench::catalogue();
    let models = pakta_bench::models(&catalogue);
    let languages = sheet.agreement.languages.clone();
    bencher.bench(|| {
        pakta_draft::draft(black_box(&sheet), &file, &catalogue, &models, &languages)
            .expect("bundled term sheet drafts")
    });
}

/// One model clause with neutral wording, as `pakta clause ID` renders it.
#[divan::bench]
fn clause(bencher: Bencher) {
    let catalogue = pakta_bench::catalogue();
    let models = pakta_bench::models(&catalogue);
    let requirement = &catalogue.requirements[0];
    let context = pakta_standards::models::neutral_context("en");
    bencher.bench(|| models.render(black_box(&requirement.model_clause), "en", &context));
}

/// Compiling every template (once per `pakta draft`, `check --show-diff` or `clause` run).
#[divan::bench]
fn compile_templates(bencher: Bencher) {
    let mut templates = pakta_standards::embedded_templates();
    templates.extend(pakta_standards::embedded_skeletons());
    bencher.bench(|| ModelClauses::new(black_box(&templates)));
}
