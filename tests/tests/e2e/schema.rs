//! `pakta schema NAME` publishes the JSON contracts; real outputs of the bundled examples and the shared
//! corpus validate against them.

use pakta_tests::{example, pakta};
use serde_json::Value;

fn schema(name: &str) -> jsonschema::Validator {
    let out = pakta().args(["schema", name]).output().expect("run");
    assert!(out.status.success());
    let schema: Value = serde_json::from_slice(&out.stdout).expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("schema compiles")
}

fn validate(validator: &jsonschema::Validator, what: &str, args: &[&std::ffi::OsStr]) {
    let out = pakta()
        .args(args)
        .args(["--format", "json"])
        .output()
        .expect("run");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{what}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let value: Value = serde_json::from_slice(&out.stdout).expect("json output");
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .take(5)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what} does not match its schema:\n{}",
        errors.join("\n")
    );
}

#[test]
fn outputs_validate_against_their_schemas() {
    let (outline, check, diff, parallel) = (
        schema("outline"),
        schema("check"),
        schema("diff"),
        schema("parallel"),
    );
    let v1 = example("id-my-domestic.v1.md");
    let v2 = example("id-my-domestic.v2.md");
    let en = example("id-tw-mou.en.md");
    let id = example("id-tw-mou.id.md");
    for file in [&v1, &v2, &en, &id, &example("ph-sa-domestic.en.md")] {
        validate(&outline, "outline", &["outline".as_ref(), file.as_os_str()]);
        validate(&check, "check", &["check".as_ref(), file.as_os_str()]);
    }
    validate(
        &check,
        "check --show-diff",
        &["check".as_ref(), en.as_os_str(), "--show-diff".as_ref()],
    );
    validate(
        &diff,
        "diff",
        &["diff".as_ref(), v1.as_os_str(), v2.as_os_str()],
    );
    validate(
        &diff,
        "diff (same)",
        &["diff".as_ref(), v1.as_os_str(), v1.as_os_str()],
    );
    validate(
        &parallel,
        "parallel",
        &["parallel".as_ref(), en.as_os_str(), id.as_os_str()],
    );
    validate(
        &parallel,
        "parallel (different)",
        &["parallel".as_ref(), v1.as_os_str(), v2.as_os_str()],
    );
    if let Some(corpus) = pakta_tests::corpus("JSON schemas on the corpus") {
        let c189 = corpus.join("nl-bwb-treaties/BWBV0005977-ilo-c189-domestic-workers-2011.md");
        validate(
            &outline,
            "outline C189",
            &["outline".as_ref(), c189.as_os_str()],
        );
        validate(&check, "check C189", &["check".as_ref(), c189.as_os_str()]);
    }
}

#[test]
fn a_schema_rejects_a_wrong_output() {
    // The schemas must be able to fail: an unknown field or a wrong status is refused.
    let check = schema("check");
    let out = pakta()
        .arg("check")
        .arg(example("id-tw-mou.en.md"))
        .args(["--format", "json"])
        .output()
        .expect("run");
    let mut value: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(check.is_valid(&value));
    value["results"][0]["status"] = Value::from("mostly-fine");
    assert!(!check.is_valid(&value));
    value["results"][0]["status"] = Value::from("covered");
    value["surprise"] = Value::from(1);
    assert!(!check.is_valid(&value));
}
