//! pakta-draft's integration tests: the closed loop (every example term sheet drafts, in both languages,
//! agreements that parse cleanly, pass pakta's own check with score 100 and agree across languages),
//! the parties' choices shown truthfully, located term-sheet errors, and term-sheet text that stays text.

use pakta_core::Language;
use pakta_draft::{Draft, TermSheet};
use pakta_standards::{Catalogue, Checker, ModelClauses, Status};
use pakta_tests::repo;

fn library() -> (Catalogue, ModelClauses) {
    let catalogue = Catalogue::load(&pakta_standards::embedded_catalogue()).expect("catalogue");
    let mut templates = pakta_standards::embedded_templates();
    templates.extend(pakta_standards::embedded_skeletons());
    let models = ModelClauses::new(&templates).expect("templates");
    (catalogue, models)
}

fn drafts(
    name: &str,
    text: &str,
    catalogue: &Catalogue,
    models: &ModelClauses,
) -> (TermSheet, Vec<Draft>) {
    let sheet = TermSheet::parse(name, text).unwrap_or_else(|e| panic!("{e}"));
    let drafts = pakta_draft::draft(&sheet, name, catalogue, models, &sheet.agreement.languages)
        .unwrap_or_else(|e| panic!("{e}"));
    (sheet, drafts)
}

fn termsheets() -> Vec<(String, String)> {
    let mut files: Vec<_> = std::fs::read_dir(repo().join("agreements/termsheets"))
        .expect("agreements/termsheets")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            (
                format!(
                    "agreements/termsheets/{}",
                    p.file_name().and_then(|n| n.to_str()).unwrap_or_default()
                ),
                std::fs::read_to_string(&p).expect("readable"),
            )
        })
        .collect()
}

#[test]
fn the_closed_loop_holds_for_every_example_term_sheet() {
    let (catalogue, models) = library();
    let checker = Checker::new(&catalogue);
    let sheets = termsheets();
    assert!(sheets.len() >= 3, "three example term sheets");
    let mut fishing = false;
    for (name, text) in &sheets {
        let (sheet, drafts) = drafts(name, text, &catalogue, &models);
        assert_eq!(drafts.len(), 2, "{name}: English and Indonesian");
        fishing |= sheet.covers(pakta_draft::termsheet::Sector::Fishing);
        let profile = catalogue
            .profile(&sheet.standards.profile)
            .expect("profile");
        let mut parsed = Vec::new();
        for draft in &drafts {
            let agreement = pakta_core::parse(&draft.markdown);
            assert!(
                agreement.diagnostics.is_empty(),
                "{name} ({}): {:?}",
                draft.language,
                agreement.diagnostics
            );
            assert!(
                pakta_core::lint::lint(&agreement, &draft.markdown).is_empty(),
                "{name} ({}) lints clean",
                draft.language
            );
            assert_eq!(agreement.articles.len(), draft.articles.len());
            assert_eq!(agreement.language, Language::from_code(&draft.language));
            let coverage = checker.check(&agreement, profile, None);
            let short: Vec<String> = coverage
                .results
                .iter()
                .filter(|r| r.status != Status::Covered && r.status != Status::NotApplicable)
                .map(|r| format!("{} {}", r.requirement, r.status.as_str()))
                .collect();
            assert!(short.is_empty(), "{name} ({}): {short:?}", draft.language);
            assert_eq!(coverage.summary.score, 100.0);
            // Every article says which requirement and instrument articles it implements.
            assert_eq!(
                draft.markdown.matches("<!-- pakta: ").count(),
                draft.articles.len()
            );
            parsed.push(agreement);
        }
        let parallel = pakta_redline::parallel::parallel(&parsed[0], &parsed[1]);
        assert!(
            parallel.inconsistencies.is_empty(),
            "{name}: {:#?}",
            parallel.inconsistencies
        );
    }
    assert!(fishing, "one example term sheet is a fishing corridor");
}

#[test]
fn the_parties_choice_on_costs_is_drafted_and_checked_truthfully() {
    let (catalogue, models) = library();
    let checker = Checker::new(&catalogue);
    let text =
        std::fs::read_to_string(repo().join("agreements/termsheets/id-tw.toml")).expect("id-tw");
    for (costs, expected) in [
        ("employer", Status::Covered),
        ("shared", Status::Weaker),
        ("worker", Status::Weaker),
    ] {
        let changed = text.replace(
            "recruitment_costs = \"employer\"",
            &format!("recruitment_costs = \"{costs}\""),
        );
        let (sheet, drafts) = drafts("id-tw.toml", &changed, &catalogue, &models);
        for draft in &drafts {
            let agreement = pakta_core::parse(&draft.markdown);
            let coverage = checker.check(
                &agreement,
                catalogue
                    .profile(&sheet.standards.profile)
                    .expect("profile"),
                None,
            );
            let fees = coverage.result("no-recruitment-fees").expect("fees");
            assert_eq!(fees.status, expected, "{costs} ({})", draft.language);
        }
    }
}

#[test]
fn a_new_profile_or_sector_renumbers_every_reference() {
    let (catalogue, models) = library();
    let text =
        std::fs::read_to_string(repo().join("agreements/termsheets/id-my.toml")).expect("id-my");
    let (_, wide) = drafts("id-my.toml", &text, &catalogue, &models);
    let (_, core) = drafts(
        "id-my.toml",
        &text.replace("profile = \"domestic-work\"", "profile = \"recruitment\""),
        &catalogue,
        &models,
    );
    assert!(core[0].articles.len() < wide[0].articles.len());
    for draft in wide.iter().chain(&core) {
        // Articles are numbered 1..n in order, whatever the profile.
        let numbers: Vec<u32> = draft.articles.iter().map(|(_, n)| *n).collect();
        assert_eq!(numbers, (1..=numbers.len() as u32).collect::<Vec<_>>());
        let agreement = pakta_core::parse(&draft.markdown);
        assert!(
            pakta_core::lint::lint(&agreement, &draft.markdown)
                .iter()
                .all(|d| d.code != "broken-reference")
        );
    }
}

#[test]
fn bad_term_sheets_fail_with_located_messages() {
    let text =
        std::fs::read_to_string(repo().join("agreements/termsheets/id-my.toml")).expect("id-my");
    let line_of =
        |t: &str, needle: &str| t.lines().position(|l| l.contains(needle)).expect("needle") + 1;
    for (from, to, expected) in [
        (
            "weekly_rest_days = 1",
            "weekly_rest_days = \"one\"",
            "terms.weekly_rest_days: expected an integer, found string \"one\"",
        ),
        (
            "weekly_rest_days = 1",
            "weekly_rest_days = 0",
            "terms.weekly_rest_days: expected an integer from 1 to 7, found 0",
        ),
        (
            "annual_leave_days = 8",
            "anual_leave_days = 8",
            "unknown field `anual_leave_days`",
        ),
        (
            "kind = \"mou\"",
            "kind = \"treaty\"",
            "agreement.kind: unknown variant `treaty`",
        ),
        (
            "currency = \"MYR\"",
            "currency = \"ringgit\"",
            "terms.minimum_monthly_wage.currency: expected an ISO 4217 code",
        ),
        (
            "joint_committee_meets = \"twice-a-year\"",
            "joint_committee_meets = \"often\"",
            "terms.joint_committee_meets: expected",
        ),
        (
            "sectors = [\"domestic-work\"]",
            "sectors = [\"mining\"]",
            "unknown variant `mining`",
        ),
        (
            "role = \"destination\"",
            "role = \"origin\"",
            "parties: one party needs role = \"origin\"",
        ),
    ] {
        let broken = text.replacen(from, to, 1);
        assert_ne!(broken, text, "{from}");
        let message = TermSheet::parse("sheet.toml", &broken)
            .expect_err("refused")
            .to_string();
        assert!(message.contains(expected), "{message}");
        let line: usize = message
            .split(':')
            .nth(1)
            .and_then(|l| l.parse().ok())
            .expect("sheet.toml:line:column");
        if !expected.starts_with("parties") {
            assert_eq!(
                line,
                line_of(&broken, to.split(' ').next().expect("key")),
                "{message}"
            );
        }
    }
}

#[test]
fn term_sheet_text_cannot_become_markup() {
    let (catalogue, models) = library();
    let text =
        std::fs::read_to_string(repo().join("agreements/termsheets/id-my.toml")).expect("id-my");
    let evil = text.replacen(
        "short = \"Malaysia\"",
        "short = \"Malaysia\\n\\n# Article 99\\n<script>alert(1)</script>\"",
        1,
    );
    let (_, drafts) = drafts("evil.toml", &evil, &catalogue, &models);
    for draft in &drafts {
        let agreement = pakta_core::parse(&draft.markdown);
        assert!(
            agreement.articles.iter().all(|a| a.number != "99"),
            "a party name made a heading"
        );
        // Front matter holds the name as a quoted YAML string (data); the Markdown body must not hold markup.
        let body = draft
            .markdown
            .split("\n---\n")
            .nth(1)
            .expect("front matter, then body");
        assert!(
            !body.contains("<script>") && body.contains("&lt;script&gt;"),
            "{body}"
        );
        assert_eq!(agreement.meta.parties.len(), 2);
        assert!(
            agreement.diagnostics.is_empty(),
            "{:?}",
            agreement.diagnostics
        );
    }
}
