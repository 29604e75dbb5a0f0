//! What does not address a requirement. The preamble says what the Parties have in mind, not what they
//! agree: a requirement named only there is missing, in either language ("the principles of the
//! International Labour Organisation" is no freedom of association), while the same words in an operative
//! article count. And one word is no match, even where two of the catalogue's context patterns read it.

use pakta_core::Language;
use pakta_standards::{Checker, Status};

use crate::catalogue;

fn status(markdown: &str, lang: &str, requirement: &str) -> Status {
    let catalogue = catalogue();
    let checker = Checker::new(&catalogue);
    let profile = catalogue.profile("all").expect("all");
    let agreement = pakta_core::parse(markdown);
    checker
        .check(&agreement, profile, Some(&Language::from_code(lang)))
        .result(requirement)
        .map_or(Status::Missing, |r| r.status)
}

#[test]
fn a_requirement_named_only_in_the_preamble_is_missing() {
    for (lang, preamble, article, operative) in [
        (
            "en",
            "Desiring to ensure fair recruitment in line with the principles of the International Labour Organisation and the right of workers to organise;",
            "Article",
            "Workers may join and form trade unions of their own choosing.",
        ),
        (
            "id",
            "Berkeinginan menjamin perekrutan yang adil sesuai dengan prinsip-prinsip Organisasi Perburuhan Internasional;",
            "Pasal",
            "Pekerja berhak membentuk dan menjadi anggota serikat pekerja pilihannya.",
        ),
    ] {
        let body = |clause: &str| {
            format!(
                "---\nlanguage: {lang}\n---\n\n# Test\n\n{preamble}\n\n## {article} 1\n\nThe Parties shall cooperate on the placement of workers.\n\n## {article} 2\n\n{clause}\n"
            )
        };
        let without = body("The employer shall pay wages monthly.");
        assert_eq!(
            status(&without, lang, "freedom-of-association"),
            Status::Missing,
            "{lang}"
        );
        assert_eq!(
            status(&body(operative), lang, "freedom-of-association"),
            Status::Covered,
            "{lang}"
        );
    }
}

#[test]
fn one_word_that_two_context_patterns_read_is_one_context_word() {
    let text = "---\nlanguage: id\n---\n\n# Test\n\n## Pasal 1 — Kerja Sama\n\n(1) Para Pihak bekerja sama dengan Organisasi Internasional untuk Migrasi dalam pelatihan calon Pekerja.\n";
    assert_eq!(
        status(text, "id", "freedom-of-association"),
        Status::Missing
    );
}
