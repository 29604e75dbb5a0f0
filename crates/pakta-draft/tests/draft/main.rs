//! pakta-draft's integration tests: the closed loop (every bundled term sheet drafts, in both languages,
//! agreements that parse cleanly, pass pakta's own check with score 100 as `pakta check --fail-under 100`
//! does, and agree across languages as `pakta parallel` does), the parties' choices shown truthfully,
//! located term-sheet errors, and term-sheet text that stays text. `names` checks how drafts name
//! countries, territories and signatories; `spellings` the closed vocabularies as people write them;
//! `docs` that the term-sheet README lists what the data files accept.

mod docs;
mod names;
mod spellings;

use pakta_core::{Agreement, Language};
use pakta_draft::{Draft, TermSheet};
use pakta_redline::parallel::Parallel;
use pakta_report::Style;
use pakta_report::coverage::Subject;
use pakta_standards::{Catalogue, Checker, Coverage, ModelClauses, Status};
use pakta_tests::repo;

pub fn library() -> (Catalogue, ModelClauses) {
    let catalogue = Catalogue::load(&pakta_standards::embedded_catalogue()).expect("catalogue");
    let mut templates = pakta_standards::embedded_templates();
    templates.extend(pakta_standards::embedded_skeletons());
    let models = ModelClauses::new(&templates).expect("templates");
    (catalogue, models)
}

pub fn drafts(
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

/// Every bundled term sheet: `(agreements/termsheets/<file>, text)`, sorted.
pub fn termsheets() -> Vec<(String, String)> {
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

/// A draft as `pakta check` reads it from the file `pakta draft` wrote: decoded like any input, parsed.
pub fn read_back(path: &str, draft: &Draft) -> Agreement {
    let text = pakta_core::decode(path, draft.markdown.clone().into_bytes()).expect("decodes");
    pakta_core::parse(&text)
}

/// `pakta check FILE --profile P --fail-under 100`, through the library: the coverage, whether the exit
/// status would be 0, and the report's score line.
pub fn check_like_the_cli(
    path: &str,
    agreement: &Agreement,
    checker: &Checker,
    profile: &pakta_standards::Profile,
) -> (Coverage, bool, String) {
    let coverage = checker.check(agreement, profile, None);
    let passes = coverage.summary.score >= 100.0;
    let report = pakta_report::coverage::text(
        &Subject {
            title: agreement.title.as_deref(),
            path,
        },
        &coverage,
        None,
        Style::PLAIN,
        100,
    );
    let score_line = report.lines().nth(2).unwrap_or_default().to_string();
    (coverage, passes, score_line)
}

/// `pakta parallel A B`, through the library: the result and its text report.
pub fn parallel_like_the_cli(a: (&str, &Agreement), b: (&str, &Agreement)) -> (Parallel, String) {
    let result = pakta_redline::parallel::parallel(a.1, b.1);
    let report = pakta_report::redline::parallel_text(
        &Subject {
            title: a.1.title.as_deref(),
            path: a.0,
        },
        &Subject {
            title: b.1.title.as_deref(),
            path: b.0,
        },
        &result,
        Style::PLAIN,
    );
    (result, report)
}

#[test]
fn the_closed_loop_holds_for_every_bundled_term_sheet() {
    let (catalogue, models) = library();
    let checker = Checker::new(&catalogue);
    let sheets = termsheets();
    assert!(sheets.len() >= 4, "four bundled term sheets");
    let mut fishing = false;
    for (name, text) in &sheets {
        let (sheet, drafts) = drafts(name, text, &catalogue, &models);
        assert_eq!(drafts.len(), 2, "{name}: English and Indonesian");
        fishing |= sheet.covers(pakta_draft::termsheet::Sector::Fishing);
        let profile = pakta_draft::profile(&sheet, name, &catalogue).expect("profile");
        let stem = name
            .trim_start_matches("agreements/termsheets/")
            .trim_end_matches(".toml");
        let mut parsed = Vec::new();
        for draft in &drafts {
            // As the CI runs it: pakta draft … -o drafts/; pakta check drafts/<stem>.<lang>.md --profile P
            // --fail-under 100.
            let path = format!("drafts/{stem}.{}.md", draft.language);
            let agreement = read_back(&path, draft);
            assert!(
                agreement.diagnostics.is_empty(),
                "{path}: {:?}",
                agreement.diagnostics
            );
            assert!(
                pakta_core::lint::lint(&agreement, &draft.markdown).is_empty(),
                "{path} lints clean"
            );
            assert_eq!(agreement.articles.len(), draft.articles.len());
            assert_eq!(agreement.language, Language::from_code(&draft.language));
            let (coverage, passes, score_line) =
                check_like_the_cli(&path, &agreement, &checker, profile);
            let short: Vec<String> = coverage
                .results
                .iter()
                .filter(|r| r.status != Status::Covered && r.status != Status::NotApplicable)
                .map(|r| format!("{} {}", r.requirement, r.status.as_str()))
                .collect();
            assert!(short.is_empty(), "{path}: {short:?}");
            assert!(passes, "{path}: --fail-under 100 fails: {score_line}");
            assert!(
                score_line.starts_with("Score 100.0/100"),
                "{path}: {score_line}"
            );
            // Every article says which requirement and instrument articles it implements.
            assert_eq!(
                draft.markdown.matches("<!-- pakta: ").count(),
                draft.articles.len()
            );
            parsed.push((path, agreement));
        }
        let (result, report) =
            parallel_like_the_cli((&parsed[0].0, &parsed[0].1), (&parsed[1].0, &parsed[1].1));
        assert!(
            result.inconsistencies.is_empty(),
            "{name}: {:#?}",
            result.inconsistencies
        );
        assert!(report.contains("; 0 inconsistencies"), "{report}");
    }
    assert!(fishing, "one bundled term sheet is a fishing corridor");
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
        ("Worker pays", Status::Weaker),
    ] {
        let changed = text.replace(
            "recruitment_costs = \"employer\"",
            &format!("recruitment_costs = \"{costs}\""),
        );
        let (sheet, drafts) = drafts("id-tw.toml", &changed, &catalogue, &models);
        for draft in &drafts {
            let agreement = pakta_core::parse(&draft.markdown);
            let profile = pakta_draft::profile(&sheet, "id-tw.toml", &catalogue).expect("profile");
            let coverage = checker.check(&agreement, profile, None);
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
        // Profiles are read in any case, with spaces for hyphens.
        &text.replace("profile = \"domestic-work\"", "profile = \"Recruitment\""),
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
    let sheet = TermSheet::parse(
        "id-my.toml",
        &text.replace("profile = \"domestic-work\"", "profile = \"Bla Core\""),
    )
    .expect("parses");
    assert!(pakta_draft::profile(&sheet, "id-my.toml", &catalogue).is_ok());
    let unknown = TermSheet::parse(
        "id-my.toml",
        &text.replace("profile = \"domestic-work\"", "profile = \"domestic\""),
    )
    .expect("parses");
    let message = pakta_draft::profile(&unknown, "id-my.toml", &catalogue)
        .expect_err("unknown profile")
        .to_string();
    let line = text
        .lines()
        .position(|l| l.starts_with("profile"))
        .expect("profile line")
        + 1;
    assert!(
        message.starts_with(&format!(
            "id-my.toml:{line}:11: standards.profile: unknown profile `domestic`"
        )),
        "{message}"
    );
}

#[test]
fn every_bad_field_is_reported_at_once_with_its_path() {
    let text =
        std::fs::read_to_string(repo().join("agreements/termsheets/id-tw.toml")).expect("id-tw");
    let broken = text
        .replacen("weekly_rest_days = 1", "weekly_rest_days = 9", 1)
        .replacen("kind = \"mou\"", "kind = \"treaty\"", 1)
        .replacen("country = \"Taiwan\"", "country = \" \"", 1);
    let problems = TermSheet::parse("sheet.toml", &broken).expect_err("refused");
    let fields: Vec<&str> = problems.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "agreement.kind",
            "parties[1].country",
            "terms.weekly_rest_days"
        ],
        "{problems}"
    );
    let rest = problems
        .for_field("terms.weekly_rest_days")
        .next()
        .expect("the rest days' problem");
    assert_eq!(
        rest.message,
        "terms.weekly_rest_days: expected an integer from 1 to 7, found 9"
    );
    // Printed one a line, each as the command line prints a single one.
    assert_eq!(problems.to_string().lines().count(), 3, "{problems}");
    assert!(
        problems
            .to_string()
            .lines()
            .all(|l| l.starts_with("sheet.toml:")),
        "{problems}"
    );
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
            "agreement.kind: expected \"mou\", \"agreement\" or \"protocol\" (or another spelling such as \"memorandum of understanding\" listed in agreements/termsheets/README.md), found \"treaty\"",
        ),
        (
            "renewal = \"by-agreement\"",
            "renewal = \"sometimes\"",
            "agreement.renewal: expected \"automatic\" or \"by-agreement\"",
        ),
        (
            "languages = [\"en\", \"id\"]",
            "languages = [\"en\", \"fr\"]",
            "agreement.languages: pakta drafts in \"en\" or \"id\"",
        ),
        (
            "currency = \"MYR\"",
            "currency = \"ringgits\"",
            "terms.minimum_monthly_wage.currency: expected an ISO 4217 code such as \"TWD\"",
        ),
        (
            "currency = \"MYR\"",
            "currency = \"dollars\"",
            "terms.minimum_monthly_wage.currency: expected an ISO 4217 code such as \"TWD\", or a sign or name of one currency only such as \"Rp\", \"RM\" or \"NT$\" (listed in agreements/termsheets/README.md), found \"dollars\", which is ambiguous",
        ),
        (
            "minimum_monthly_wage = { amount = 1500, currency = \"MYR\" }",
            "minimum_monthly_wage = \"1500\"",
            "terms.minimum_monthly_wage: expected an amount with its currency, such as \"SAR 1,500\"",
        ),
        (
            "minimum_monthly_wage = { amount = 1500, currency = \"MYR\" }",
            "minimum_monthly_wage = \"$ 400\"",
            "the currency \"$\" is ambiguous: several currencies use it",
        ),
        (
            "minimum_monthly_wage = { amount = 1500, currency = \"MYR\" }",
            "minimum_monthly_wage = \"RM 1,500.50\"",
            "pakta drafts whole amounts of money",
        ),
        (
            "joint_committee_meets = \"twice-a-year\"",
            "joint_committee_meets = \"often\"",
            "terms.joint_committee_meets: expected a number of meetings a year from 1 to 12, or \"annually\"",
        ),
        (
            "joint_committee_meets = \"twice-a-year\"",
            "joint_committee_meets = \"anually\"",
            "(did you mean \"annually\"?)",
        ),
        (
            "joint_committee_meets = \"twice-a-year\"",
            "joint_committee_meets = \"bimonthly\"",
            "found \"bimonthly\", which pakta does not guess: it means every two months or twice a month",
        ),
        (
            "joint_committee_meets = \"twice-a-year\"",
            "joint_committee_meets = 13",
            "from 1 to 12, or \"annually\", \"twice a year\", \"quarterly\", \"monthly\"",
        ),
        (
            "joint_committee_meets = \"twice-a-year\"",
            "joint_committee_meets = true",
            "terms.joint_committee_meets: expected a whole number, or words such as \"twice a year\", found boolean `true`",
        ),
        (
            "joint_committee_meets = \"twice-a-year\"",
            "joint_committee_meets = 2.5",
            "terms.joint_committee_meets: invalid value: floating point `2.5`, expected a whole number",
        ),
        (
            "wage_payment = \"bank-transfer\"",
            "wage_payment = \"cheque\"",
            "terms.wage_payment: expected \"bank-transfer\"",
        ),
        (
            "recruitment_costs = \"employer\"",
            "recruitment_costs = \"the state\"",
            "terms.recruitment_costs: expected \"employer\", \"shared\" or \"worker\"",
        ),
        (
            "sectors = [\"domestic-work\"]",
            "sectors = [\"mining\"]",
            "workers.sectors: expected \"domestic-work\", \"care-work\", \"manufacturing\", \"construction\", \"agriculture\", \"fishing\" or \"other\"",
        ),
        (
            "role = \"destination\"",
            "role = \"employer\"",
            "parties.role: expected \"origin\" or \"destination\"",
        ),
        (
            "country = \"Malaysia\"",
            "country = \"Malaysai\"",
            "parties.country: \"Malaysai\" is not a country or territory in pakta's list (crates/pakta-draft/data/countries.toml); did you mean \"Malaysia\"?",
        ),
        (
            "country = \"Malaysia\"",
            "country = \"the Taipei Economic and Trade Office in Jakarta\"",
            "the office or ministry that signs goes in `signatory`",
        ),
        (
            "country = \"Malaysia\"",
            "country = \"Taiwan\"",
            "parties.signatory: Taiwan is a territory with no government in pakta's list of countries, so name who signs for it",
        ),
        (
            "country = \"Malaysia\"",
            "country = \"ID\"",
            "parties.country: both parties are Indonesia",
        ),
        (
            "authority_id = \"Kementerian Sumber Manusia Malaysia\"",
            "authority_idx = \"Kementerian Sumber Manusia Malaysia\"",
            "unknown field `authority_idx`",
        ),
        (
            "authority_id = \"Kementerian Sumber Manusia Malaysia\"",
            "# no Indonesian name",
            "parties.authority_id: the Indonesian draft needs \"the Ministry of Human Resources of Malaysia\" in Bahasa Indonesia, and pakta does not translate names",
        ),
        (
            "country = \"Malaysia\"",
            "country = \"Malaysia\"\nsignatory = \"the Ministry of Human Resources of Malaysia\"",
            "parties.signatory_id: the Indonesian draft needs \"the Ministry of Human Resources of Malaysia\" in Bahasa Indonesia",
        ),
        (
            "country = \"Malaysia\"",
            "country = \"Canada\"\nsignatory = \"the Government of Canada\"",
            "parties.country_name_id: the Indonesian draft needs \"Canada\" in Bahasa Indonesia",
        ),
        (
            "country = \"Malaysia\"",
            "country = \"  \"",
            "parties.country: must not be empty",
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
        let written = if expected.contains("signatory_id") {
            to.lines().last()
        } else {
            to.lines().next()
        }
        .expect("a line");
        if !expected.starts_with("parties:")
            && !expected.starts_with("parties.authority_id")
            && !expected.contains("both parties")
        {
            assert_eq!(line, line_of(&broken, written), "{message}");
        }
        if expected.starts_with("parties.authority_id") {
            assert_eq!(
                line,
                line_of(&broken, "authority = \"the Ministry of Human"),
                "{message}"
            );
        }
    }
}

#[test]
fn a_language_the_term_sheet_did_not_ask_for_is_drafted_only_with_its_names() {
    let (catalogue, models) = library();
    let text =
        std::fs::read_to_string(repo().join("agreements/termsheets/id-my.toml")).expect("id-my");
    let english_only = text
        .replace("languages = [\"en\", \"id\"]", "languages = [\"en\"]")
        .replace(
            "authority_id = \"Kementerian Sumber Manusia Malaysia\"\n",
            "",
        );
    let sheet = TermSheet::parse("en.toml", &english_only).expect("an English-only sheet parses");
    assert_eq!(sheet.agreement.languages, ["en"]);
    let refused = pakta_draft::draft(&sheet, "en.toml", &catalogue, &models, &["id".to_string()])
        .expect_err("no Indonesian name for the authority");
    assert!(
        refused.to_string().contains("parties.authority_id"),
        "{refused}"
    );
    // One clause (`pakta clause --termsheet`) falls back to the English name instead.
    let context = pakta_draft::context(&sheet, "id");
    assert_eq!(
        context["destination"]["authority"],
        "the Ministry of Human Resources of Malaysia"
    );
}

#[test]
fn term_sheet_text_cannot_become_markup() {
    let (catalogue, models) = library();
    let text =
        std::fs::read_to_string(repo().join("agreements/termsheets/id-my.toml")).expect("id-my");
    let evil = text.replacen(
        "country = \"Malaysia\"",
        "country = \"Malaysia\"\nshort = \"Malaysia\\n\\n# Article 99\\n<script>alert(1)</script>\"\nshort_id = \"Malaysia\\n\\n# Pasal 99\\n<script>alert(3)</script>\"\nsignatory = \"the Government of Malaysia <script>alert(2)</script>\"\nsignatory_id = \"Pemerintah Malaysia\\n## Pasal 98\"",
        1,
    );
    let (_, drafts) = drafts("evil.toml", &evil, &catalogue, &models);
    for draft in &drafts {
        let agreement = pakta_core::parse(&draft.markdown);
        assert!(
            agreement
                .articles
                .iter()
                .all(|a| a.number != "99" && a.number != "98"),
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
