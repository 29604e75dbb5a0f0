//! The term-sheet README stays true to the data: it lists every accepted spelling of every closed
//! vocabulary and every country and territory pakta names in both languages.

use pakta_draft::countries::{Kind, countries};
use pakta_draft::vocabulary::vocabulary;
use pakta_tests::repo;

fn readme() -> String {
    std::fs::read_to_string(repo().join("agreements/termsheets/README.md")).expect("README")
}

#[test]
fn the_readme_lists_every_accepted_spelling() {
    let readme = readme();
    let mut missing = Vec::new();
    for (table, words) in vocabulary().tables() {
        for (value, spellings) in &words.spellings {
            for spelling in std::iter::once(value).chain(spellings) {
                if !readme.contains(&format!("`{spelling}`")) {
                    missing.push(format!("[{table}] {value}: `{spelling}`"));
                }
            }
        }
    }
    let (meetings, per_month) = vocabulary().extra_words();
    let ambiguous = vocabulary().ambiguous_words().map(|(w, _)| w.to_string());
    for word in meetings
        .iter()
        .cloned()
        .chain(per_month.iter().cloned())
        .chain(ambiguous)
    {
        if !readme.contains(&format!("`{word}`")) {
            missing.push(format!("`{word}`"));
        }
    }
    assert!(
        missing.is_empty(),
        "not in agreements/termsheets/README.md: {missing:#?}"
    );
}

#[test]
fn the_readme_lists_every_country_and_territory() {
    let readme = readme();
    for country in countries().all() {
        let kind = match country.kind {
            Kind::State => "state",
            Kind::Territory => "territory",
        };
        let row = format!(
            "| `{}` | {} | {} | {kind} |",
            country.code, country.en.short, country.id.short
        );
        assert!(
            readme.contains(&row),
            "not in agreements/termsheets/README.md: {row}"
        );
    }
}
