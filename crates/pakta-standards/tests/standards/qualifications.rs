//! The `uncertain` finding sentence by sentence: which norms qualify a protection in a way a reader must
//! look at, and which are harmless (`data/qualifications.toml`, sentences written for this test).

use pakta_norms::{Definitions, Reader};
use pakta_standards::qualifications::qualification;
use serde::Deserialize;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    lang: String,
    text: String,
    expect: String,
    /// `weaker` where the standards call the qualification a taking back, `uncertain` where a reader
    /// must judge; unset where the case does not say.
    #[serde(default)]
    finding: Option<String>,
}

#[test]
fn qualifications_are_read_sentence_by_sentence() {
    let cases: Cases =
        toml::from_str(include_str!("data/qualifications.toml")).expect("valid cases");
    let definitions = Definitions::default();
    let mut failures = Vec::new();
    for case in &cases.case {
        let reader = Reader::new(&definitions, case.lang == "id");
        let norms = reader.read(&case.text, None);
        let qualified: Vec<_> = norms.iter().filter_map(qualification).collect();
        let found: Vec<&str> = qualified.iter().map(|q| q.why).collect();
        let ok = if case.expect == "none" {
            found.is_empty()
        } else {
            qualified.iter().any(|q| {
                q.why.contains(case.expect.as_str())
                    && case.finding.as_deref().is_none_or(|finding| {
                        finding == if q.takes_back { "weaker" } else { "uncertain" }
                    })
            })
        };
        if !ok {
            failures.push(format!(
                "{}: expected {:?} ({:?}), found {qualified:?}\n    norms: {:?}",
                case.text,
                case.expect,
                case.finding,
                norms.iter().map(|n| n.describe()).collect::<Vec<_>>()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
