//! The catalogue's data: the 42 required ids with everything the issue asks of them, and clear errors for
//! bad catalogue files.

use pakta_standards::{Catalogue, CatalogueFile};

use crate::catalogue;

const REQUIRED: [&str; 42] = [
    "scope-definitions",
    "competent-authorities",
    "joint-committee",
    "information-exchange",
    "interpretation-disputes",
    "duration-termination",
    "amendment-review",
    "international-standards",
    "recruitment-regulation",
    "no-recruitment-fees",
    "misleading-information",
    "information-rights",
    "skills-recognition",
    "medical-examination",
    "travel-costs",
    "written-contract",
    "contract-substitution",
    "equal-treatment",
    "minimum-wage",
    "wage-payment",
    "working-time-rest",
    "occupational-safety-health",
    "accommodation-food",
    "change-of-employer",
    "termination-protection",
    "identity-documents",
    "freedom-of-association",
    "social-security",
    "medical-care",
    "abuse-violence",
    "freedom-of-movement",
    "complaints-access-justice",
    "consular-assistance",
    "transfer-of-earnings",
    "taxation",
    "family-rights",
    "data-protection",
    "gender-responsive",
    "labour-inspection",
    "repatriation",
    "reintegration",
    "irregular-migration",
];

#[test]
fn every_required_requirement_is_complete() {
    let catalogue = catalogue();
    for id in REQUIRED {
        let r = catalogue
            .requirement(id)
            .unwrap_or_else(|| panic!("requirement `{id}` is missing"));
        assert!(!r.sources.is_empty(), "{id}: no sources");
        assert!(
            !r.summary.en.is_empty() && !r.summary.id.is_empty(),
            "{id}: summaries"
        );
        assert!(
            !r.cues.en.is_empty() && !r.cues.id.is_empty(),
            "{id}: cues in en and id"
        );
        if r.obligation {
            assert!(
                !r.contradicts.en.is_empty() && !r.contradicts.id.is_empty(),
                "{id}: contradiction patterns in en and id"
            );
        }
        assert_eq!(r.model_clause, id, "{id}: model clause id");
        for s in &r.sources {
            assert!(
                s.verified || s.note.is_some(),
                "{id}: unverified source without a note"
            );
        }
    }
    let bla_core = catalogue.profile("bla-core").expect("bla-core profile");
    assert_eq!(bla_core.requirements.len(), 42);
    for profile in ["all", "domestic-work", "fishing", "recruitment", "icrmw"] {
        assert!(catalogue.profile(profile).is_some(), "profile {profile}");
    }
    let domestic = catalogue.profile("domestic-work").expect("domestic-work");
    assert!(
        domestic.requirements.len() > 42,
        "domestic-work adds C189 specifics"
    );
}

/// The embedded files, with one file's text changed by `edit`.
fn edited(file: &str, edit: impl Fn(&str) -> String) -> Vec<CatalogueFile> {
    let mut files = pakta_standards::embedded_catalogue();
    let target = files
        .iter_mut()
        .find(|f| f.name.ends_with(file))
        .expect("file exists");
    let before = target.text.clone();
    target.text = edit(&target.text);
    assert_ne!(before, target.text, "the edit changed {file}");
    files
}

fn error(files: &[CatalogueFile]) -> String {
    Catalogue::load(files)
        .expect_err("the catalogue is refused")
        .to_string()
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .expect("needle present")
        + 1
}

#[test]
fn bad_catalogues_are_refused_with_file_and_line() {
    // Duplicate id: the second definition is reported, naming the first.
    let files = edited("c181.toml", |t| {
        t.replacen(
            "id = \"data-protection\"",
            "id = \"no-recruitment-fees\"",
            1,
        )
    });
    let message = error(&files);
    let text = &files
        .iter()
        .find(|f| f.name.ends_with("c181.toml"))
        .expect("c181")
        .text;
    let second = text
        .match_indices("id = \"no-recruitment-fees\"")
        .nth(1)
        .map(|(i, _)| text[..i].lines().count() + 1);
    assert!(
        message.starts_with("agreements/standards/c181.toml:"),
        "{message}"
    );
    assert!(
        message.contains("duplicate requirement id `no-recruitment-fees`"),
        "{message}"
    );
    assert!(
        message.contains(&format!("c181.toml:{}:", second.expect("two definitions"))),
        "{message}"
    );

    // Unknown profile member.
    let files = edited("profiles.toml", |t| {
        t.replacen("\"joint-committee\",", "\"joint-comittee\",", 1)
    });
    let message = error(&files);
    let text = &files
        .iter()
        .find(|f| f.name.ends_with("profiles.toml"))
        .expect("profiles")
        .text;
    assert!(
        message.starts_with(&format!(
            "agreements/standards/profiles.toml:{}:",
            line_of(text, "joint-comittee")
        )),
        "{message}"
    );
    assert!(
        message.contains("unknown requirement `joint-comittee`"),
        "{message}"
    );

    // Malformed TOML.
    let files = edited("icrmw.toml", |t| {
        t.replacen("[[requirement]]", "[[requirement]\n", 1)
    });
    let message = error(&files);
    assert!(
        message.starts_with("agreements/standards/icrmw.toml:"),
        "{message}"
    );
    assert!(message.contains("malformed catalogue TOML"), "{message}");

    // Unknown instrument, unknown key, a pattern that cannot match, an unverified source without a note.
    for (edit, expected) in [
        (
            (
                "c189.toml",
                "instrument = \"C189\"",
                "instrument = \"C190\"",
            ),
            "unknown instrument `C190`",
        ),
        (
            (
                "c189.toml",
                "[[requirement]]\n",
                "[[requirement]]\ncolour = \"red\"\n",
            ),
            "unknown field `colour`",
        ),
        (
            ("gpog.toml", "en = [\"", "en = [\".. \", \""),
            "must stand between two words",
        ),
        (
            // A norm-rule word the reader never sees as written (it reads *setibanya* as "setiba").
            ("gpog.toml", "also = [\"", "also = [\"setibanya\", \""),
            "can never match as written: write `setiba`",
        ),
    ] {
        let (file, from, to) = edit;
        let message = error(&edited(file, |t| t.replacen(from, to, 1)));
        assert!(
            message.contains(file) && message.contains(expected),
            "{message}"
        );
        let location = message.split(": ").next().expect("location");
        assert_eq!(
            location.matches(':').count(),
            2,
            "file:line:column in {message}"
        );
    }
}
