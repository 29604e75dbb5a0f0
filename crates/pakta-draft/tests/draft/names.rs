//! How drafts name the parties. A party is a signatory (a government, a ministry, an office such as KDEI
//! or TETO) signing for a country or territory; the clauses speak of the country's nationals and
//! territory. Checked on every bundled term sheet and on a term sheet written in English only for every
//! country and territory in `data/countries.toml`, as origin and as destination:
//! - an Indonesian draft holds no English country, office or government name ("Republic of",
//!   "Kingdom of", "Office", and every English name in the list that Indonesian does not share);
//! - every nationality phrase ("warga negara X", "nationals of X", "penduduk tetap X") and territory
//!   phrase ("wilayah X", "territory of X") names a country or territory of the list, never an office or
//!   a ministry, and a territory's people are never "warga negara" (citizens of a state).

use pakta_draft::countries::{Kind, countries};
use pakta_standards::Checker;

use crate::{check_like_the_cli, drafts, library, parallel_like_the_cli, read_back, termsheets};

/// The draft's text after its front matter, without the provenance comments (which cite instruments in
/// English on purpose).
fn body(markdown: &str) -> String {
    let body = markdown.split("\n---\n").nth(1).unwrap_or(markdown);
    let mut out = String::new();
    let mut rest = body;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        rest = rest[start..]
            .find("-->")
            .map_or("", |end| &rest[start + end + 3..]);
    }
    out.push_str(rest);
    out
}

/// Every country's and territory's names in `language`, without a leading "the", longest first.
fn place_names(language: &str) -> Vec<String> {
    let mut names: Vec<String> = countries()
        .all()
        .iter()
        .flat_map(|c| {
            let n = c.names(language);
            // Aliases name the country too ("Korea", which an old term sheet chose as its short name).
            [n.name.clone(), n.short.clone()]
                .into_iter()
                .chain(c.aliases.iter().cloned())
        })
        .map(|n| n.strip_prefix("the ").unwrap_or(&n).to_string())
        .collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names.dedup();
    names
}

/// Words that are English and never Indonesian: every English name, short name, government and people
/// of the list that differs from all Indonesian names, and the words of English names of offices and
/// states.
fn english_words() -> Vec<String> {
    let indonesian: Vec<String> = countries()
        .all()
        .iter()
        .flat_map(|c| [c.id.name.clone(), c.id.short.clone()])
        .collect();
    let mut words: Vec<String> = countries()
        .all()
        .iter()
        .flat_map(|c| {
            [
                Some(c.en.name.clone()),
                Some(c.en.short.clone()),
                c.en.government.clone(),
                Some(c.en.nationals.clone()),
            ]
        })
        .flatten()
        .map(|n| n.strip_prefix("the ").unwrap_or(&n).to_string())
        .filter(|n| !indonesian.iter().any(|i| i == n))
        .collect();
    words.extend(
        [
            "Republic of",
            "Kingdom of",
            "State of",
            "Sultanate of",
            "Government of",
            "Ministry of",
            "Department of",
            "Office",
            "Economic and Trade",
            "Competent Authority of",
            "territory of",
            "nationals of",
        ]
        .map(String::from),
    );
    words
}

/// Nationality, territory and government phrases in a draft that do not name a country or territory.
fn phrase_problems(text: &str, language: &str) -> Vec<String> {
    let places = place_names(language);
    let (phrases, generic): (&[&str], &[&str]) = if language == "id" {
        (
            &[
                "warga negara ",
                "warga ",
                "penduduk tetap ",
                "wilayah ",
                "Pemerintah ",
            ],
            &["Para Pihak", "Pihak"],
        )
    } else {
        (
            &[
                "nationals of ",
                "national of ",
                "permanent residents of ",
                "permanent resident of ",
                "territory of ",
                "Government of ",
            ],
            &["Parties", "Party"],
        )
    };
    let mut problems = Vec::new();
    for phrase in phrases {
        for (at, _) in text.match_indices(phrase) {
            let rest = &text[at + phrase.len()..];
            // "warga negara X" is read once, as itself.
            if *phrase == "warga " && rest.starts_with("negara ") {
                continue;
            }
            let rest = rest.strip_prefix("the ").unwrap_or(rest);
            if !rest.starts_with(char::is_uppercase) {
                continue; // "warga negara setempat", "territory of each Party"
            }
            let named = places
                .iter()
                .map(String::as_str)
                .chain(generic.iter().copied())
                .any(|n| {
                    rest.strip_prefix(n)
                        .is_some_and(|after| !after.starts_with(char::is_alphanumeric))
                });
            if !named {
                let shown: String = rest
                    .split_whitespace()
                    .take(6)
                    .collect::<Vec<_>>()
                    .join(" ");
                problems.push(format!("{phrase}{shown}"));
            }
        }
    }
    for territory in countries()
        .all()
        .iter()
        .filter(|c| c.kind == Kind::Territory)
    {
        let short = &territory.names(language).short;
        let state = if language == "id" {
            format!("negara {short}")
        } else {
            format!("State of {short}")
        };
        if text.contains(&state) {
            problems.push(format!("{state} (a territory called a state)"));
        }
    }
    problems
}

/// Whether `words` occur in `text` as whole words ("Poland" is not in "Polandia").
fn contains_word(text: &str, words: &str) -> bool {
    text.match_indices(words).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + words.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

fn assert_names_right(label: &str, language: &str, markdown: &str) {
    let text = body(markdown);
    let problems = phrase_problems(&text, language);
    assert!(problems.is_empty(), "{label} ({language}): {problems:#?}");
    if language == "id" {
        let english: Vec<String> = english_words()
            .into_iter()
            .filter(|w| contains_word(&text, w))
            .collect();
        assert!(
            english.is_empty(),
            "{label}: English in the Indonesian draft: {english:?}"
        );
    }
}

#[test]
fn drafts_name_countries_and_territories_never_offices() {
    let (catalogue, models) = library();
    for (name, text) in termsheets() {
        let (_, drafts) = drafts(&name, &text, &catalogue, &models);
        for draft in &drafts {
            assert_names_right(&name, &draft.language, &draft.markdown);
        }
    }
}

/// A term sheet written in English only, with `origin` and `destination` as a term sheet names them.
fn english_only(origin: &str, destination: &str, signatories: &str) -> String {
    format!(
        "[agreement]\nkind = \"agreement\"\nlanguages = [\"en\", \"id\"]\n\n[[parties]]\nrole = \"origin\"\ncountry = \"{origin}\"\n{}\n[[parties]]\nrole = \"destination\"\ncountry = \"{destination}\"\n{}\n[workers]\nsectors = [\"domestic-work\", \"manufacturing\"]\n\n[terms]\nminimum_monthly_wage = \"USD 400\"\njoint_committee_meets = \"annually\"\n\n[standards]\nprofile = \"bla-core\"\n",
        signatory_for(origin, signatories),
        signatory_for(destination, signatories),
    )
}

/// The signatory lines for a territory without a government in the list (Taiwan), else nothing.
fn signatory_for<'a>(country: &str, signatories: &'a str) -> &'a str {
    let needs = countries()
        .find(country)
        .is_some_and(|c| c.en.government.is_none());
    if needs { signatories } else { "" }
}

const TAIWAN_SIGNATORY: &str = "signatory = \"the Taipei Economic and Trade Office in Jakarta\"\nsignatory_id = \"Kantor Dagang dan Ekonomi Taipei di Jakarta\"\n";

#[test]
fn every_country_and_territory_is_named_right_from_an_english_only_term_sheet() {
    let (catalogue, models) = library();
    for country in countries().all() {
        let pairs: Vec<(&str, &str)> = if country.code == "ID" {
            vec![("Indonesia", "Malaysia")]
        } else {
            vec![
                ("Indonesia", country.code.as_str()),
                (country.en.short.as_str(), "Indonesia"),
            ]
        };
        for (origin, destination) in pairs {
            let label = format!("{origin} → {destination}");
            let text = english_only(origin, destination, TAIWAN_SIGNATORY);
            let (sheet, drafts) = drafts(&label, &text, &catalogue, &models);
            for draft in &drafts {
                assert_names_right(&label, &draft.language, &draft.markdown);
            }
            let place = if country.code == "ID" {
                &sheet.origin
            } else if origin == "Indonesia" {
                &sheet.destination
            } else {
                &sheet.origin
            };
            assert_eq!(
                place.code.as_deref(),
                Some(country.code.as_str()),
                "{label}"
            );
            let id = &drafts[1].markdown;
            let names = country.names("id");
            assert!(id.contains(&format!("wilayah {}", names.short)), "{label}");
            if country.kind == Kind::State {
                assert!(
                    id.contains(names.government.as_deref().unwrap_or("?")),
                    "{label}"
                );
            }
        }
    }
}

#[test]
fn the_states_as_parties_term_sheet_is_english_only_and_its_indonesian_draft_is_indonesian() {
    let (catalogue, models) = library();
    let checker = Checker::new(&catalogue);
    let (name, text) = termsheets()
        .into_iter()
        .find(|(n, _)| n.ends_with("/id-sa.toml"))
        .expect("agreements/termsheets/id-sa.toml");
    assert!(
        !text.lines().any(|l| l
            .split('=')
            .next()
            .is_some_and(|k| k.trim().ends_with("_id"))),
        "{name} names nothing in Bahasa Indonesia"
    );
    let (sheet, drafts) = drafts(&name, &text, &catalogue, &models);
    assert!(sheet.origin.government && sheet.destination.government);
    let id = &drafts[1];
    assert_eq!(id.language, "id");
    for expected in [
        "Pemerintah Republik Indonesia dan Pemerintah Kerajaan Arab Saudi, yang selanjutnya",
        "\"Pekerja Migran\" adalah warga negara Indonesia yang",
        "di wilayah Arab Saudi berdasarkan Nota Kesepahaman ini",
        "berlaku bagi warga negara Kerajaan Arab Saudi dalam hal upah",
        "a. untuk Indonesia, otoritas yang diberitahukan berdasarkan ayat (3); dan",
        "Otoritas Berwenang Arab Saudi",
        "yang diberi kuasa penuh oleh Pemerintah masing-masing",
        "Untuk Pemerintah Kerajaan Arab Saudi: ____________",
        "SAR 1.500",
    ] {
        assert!(id.markdown.contains(expected), "{expected}");
    }
    for draft in &drafts {
        let path = format!("drafts/id-sa.{}.md", draft.language);
        let agreement = read_back(&path, draft);
        let profile = pakta_draft::profile(&sheet, &name, &catalogue).expect("profile");
        let (_, passes, score) = check_like_the_cli(&path, &agreement, &checker, profile);
        assert!(passes, "{path}: {score}");
    }
}

#[test]
fn offices_sign_for_their_country_and_territory() {
    let (catalogue, models) = library();
    let (name, text) = termsheets()
        .into_iter()
        .find(|(n, _)| n.ends_with("/id-tw.toml"))
        .expect("id-tw");
    let (sheet, drafts) = drafts(&name, &text, &catalogue, &models);
    assert!(sheet.destination.territory && !sheet.destination.government);
    let (en, id) = (&drafts[0].markdown, &drafts[1].markdown);
    for expected in [
        "The Indonesian Economic and Trade Office to Taipei and the Taipei Economic and Trade Office in Jakarta, hereinafter",
        "\"Worker\" means a national of the Republic of Indonesia who",
        "in the territory of Taiwan under this Memorandum",
        "no less favourably than nationals of Taiwan",
        "- (a) for Indonesia, the Ministry of Manpower of the Republic of Indonesia; and",
        "being duly authorised thereto, have signed",
        "For the Taipei Economic and Trade Office in Jakarta: ____________",
        "short: \"TETO\"",
    ] {
        assert!(en.contains(expected), "{expected}");
    }
    for expected in [
        "Kantor Dagang dan Ekonomi Indonesia di Taipei dan Kantor Dagang dan Ekonomi Taipei di Jakarta, yang",
        "\"Pekerja Migran\" adalah warga negara Indonesia yang",
        "di wilayah Taiwan berdasarkan Nota Kesepahaman ini",
        "berlaku bagi warga Taiwan dalam hal upah",
        "- b. untuk Taiwan, Kementerian Tenaga Kerja di Taipei.",
        "yang diberi kuasa penuh untuk itu, telah",
    ] {
        assert!(id.contains(expected), "{expected}");
    }
    for wrong in [
        "warga negara Kantor",
        "wilayah TETO",
        "wilayah KDEI",
        "warga negara Taiwan",
        "Pemerintah masing-masing",
    ] {
        assert!(!id.contains(wrong), "{wrong}");
    }
}

#[test]
fn hong_kong_and_taiwan_drafts_pass_the_check() {
    let (catalogue, models) = library();
    let checker = Checker::new(&catalogue);
    for destination in ["Hong Kong SAR", "Taiwan"] {
        let text = english_only("Indonesia", destination, TAIWAN_SIGNATORY);
        let (sheet, drafts) = drafts(destination, &text, &catalogue, &models);
        let profile = pakta_draft::profile(&sheet, destination, &catalogue).expect("profile");
        let mut parsed = Vec::new();
        for draft in &drafts {
            let path = format!("{destination}.{}.md", draft.language);
            let agreement = read_back(&path, draft);
            let (_, passes, score) = check_like_the_cli(&path, &agreement, &checker, profile);
            assert!(passes, "{path}: {score}");
            parsed.push((path, agreement));
        }
        let (result, _) =
            parallel_like_the_cli((&parsed[0].0, &parsed[0].1), (&parsed[1].0, &parsed[1].1));
        assert!(
            result.inconsistencies.is_empty(),
            "{destination}: {:#?}",
            result.inconsistencies
        );
    }
}

#[test]
fn old_term_sheets_keep_drafting_the_same_parties() {
    let (catalogue, models) = library();
    let legacy = pakta_tests::repo().join("crates/pakta-draft/tests/draft/legacy");
    for stem in ["id-my", "id-kr-fishing"] {
        let old =
            std::fs::read_to_string(legacy.join(format!("{stem}.toml"))).expect("legacy sheet");
        let (old_sheet, old_drafts) = drafts(stem, &old, &catalogue, &models);
        let new = std::fs::read_to_string(
            pakta_tests::repo().join(format!("agreements/termsheets/{stem}.toml")),
        )
        .expect("bundled sheet");
        let (new_sheet, new_drafts) = drafts(stem, &new, &catalogue, &models);
        assert_eq!(old_sheet.origin.code, new_sheet.origin.code);
        assert_eq!(old_sheet.destination.code, new_sheet.destination.code);
        assert_eq!(old_sheet.origin.id, new_sheet.origin.id, "{stem}");
        for (old, new) in old_drafts.iter().zip(&new_drafts) {
            assert_names_right(stem, &old.language, &old.markdown);
            if stem == "id-my" {
                assert_eq!(old.markdown, new.markdown, "{stem} ({})", old.language);
            }
        }
    }
    // The old Korean sheet chose "Korea" as the short English name: an override it keeps.
    let old = std::fs::read_to_string(legacy.join("id-kr-fishing.toml")).expect("legacy sheet");
    let (sheet, _) = drafts("id-kr-fishing", &old, &catalogue, &models);
    assert_eq!(sheet.destination.en.short, "Korea");
    assert_eq!(
        sheet.destination.en.signatory,
        "the Government of the Republic of Korea"
    );
    assert_eq!(
        sheet.destination.id.as_ref().map(|n| n.short.as_str()),
        Some("Republik Korea")
    );
    // Offices written where the country now goes cannot be read as countries: the message says where
    // each belongs.
    let old = std::fs::read_to_string(legacy.join("id-tw.toml")).expect("legacy sheet");
    let message = pakta_draft::TermSheet::parse("id-tw.toml", &old)
        .expect_err("an office is not a country")
        .to_string();
    assert!(
        message.starts_with("id-tw.toml:12:11: parties.country: \"the Indonesian Economic and Trade Office to Taipei\" is not a country")
            && message.contains("goes in `signatory`"),
        "{message}"
    );
}

/// The sentences that name the parties, from every bundled term sheet's drafts: reviewed wording, so a
/// change to a name or a template shows here line by line.
#[test]
fn party_wording_snapshot() {
    let (catalogue, models) = library();
    let mut out = String::new();
    let keep = [
        "  - name: ",
        "    short: ",
        "# ",
        "hereinafter",
        "yang selanjutnya",
        "Recognising the contribution",
        "Mengakui sumbangan",
        "\"Worker\" means",
        "\"Pekerja Migran\" adalah",
        "no less favourably than nationals of",
        "no less favourably than permanent",
        "perlakuan yang berlaku bagi",
        "- (a) for ",
        "- (b) for ",
        "- a. untuk ",
        "- b. untuk ",
        "IN WITNESS WHEREOF",
        "SEBAGAI BUKTI",
    ];
    for (name, text) in termsheets() {
        let (_, drafts) = drafts(&name, &text, &catalogue, &models);
        for draft in &drafts {
            out.push_str(&format!("== {name} ({})\n", draft.language));
            for line in draft.markdown.lines() {
                let signature = line.ends_with(": ____________");
                if signature
                    || keep
                        .iter()
                        .any(|k| line.starts_with(k) || (k.len() > 10 && line.contains(k)))
                {
                    // The first sentence is the one that names the party (after a point's label "- a. ").
                    let from = if line.starts_with("- ") {
                        5.min(line.len())
                    } else {
                        0
                    };
                    let end = line[from..].find(". ").map_or(line.len(), |i| from + i + 1);
                    out.push_str(&line[..end]);
                    out.push('\n');
                }
            }
        }
    }
    insta::assert_snapshot!(out);
}
