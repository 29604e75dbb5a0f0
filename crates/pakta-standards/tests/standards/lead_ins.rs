//! Points under a lead-in that ends on a condition ("may change Employer without the consent of the
//! current Employer where:") are conditions of the worker's right: the employer named in the lead-in's
//! condition does not become the bearer, so the right is neither an employer's power nor a hedge.

use pakta_core::Language;
use pakta_standards::{Checker, Status};

use crate::catalogue;

#[test]
fn points_under_a_conditional_lead_in_keep_the_workers_right() {
    for (lang, article, lead_in, points) in [
        (
            "en",
            "Article",
            "1. The Worker may change Employer without the consent of the current Employer where:",
            "   (a) the Employer fails to pay wages for two consecutive months; or\n   (b) the Worker has been subjected to abuse.",
        ),
        (
            "id",
            "Pasal",
            "(1) Pekerja dapat berganti Pemberi Kerja tanpa persetujuan Pemberi Kerja sebelumnya dalam hal:",
            "   a. Pemberi Kerja tidak membayar upah selama dua bulan berturut-turut; atau\n   b. Pekerja mengalami kekerasan.",
        ),
    ] {
        let text = format!(
            "---\nlanguage: {lang}\n---\n\n# Test\n\n## {article} 8 — Change of Employer\n\n{lead_in}\n{points}\n"
        );
        let catalogue = catalogue();
        let checker = Checker::new(&catalogue);
        let profile = catalogue.profile("all").expect("all");
        let coverage = checker.check(
            &pakta_core::parse(&text),
            profile,
            Some(&Language::from_code(lang)),
        );
        for requirement in ["change-of-employer", "abuse-violence"] {
            let status = coverage
                .result(requirement)
                .map_or(Status::Missing, |r| r.status);
            assert!(
                !matches!(status, Status::Weaker | Status::Uncertain),
                "{lang} {requirement}: {status:?}"
            );
        }
    }
}
