//! The binary's own surface: help and version. (Behaviour is tested end to end in `tests/`; having an
//! integration test here also makes `cargo test --workspace` build the `pakta` binary those tests run.)

use std::process::Command;

#[test]
fn help_lists_the_commands() {
    let output = Command::new(env!("CARGO_BIN_EXE_pakta"))
        .arg("--help")
        .output()
        .expect("run pakta");
    assert!(output.status.success());
    let help = String::from_utf8_lossy(&output.stdout);
    for command in ["outline", "lint"] {
        assert!(help.contains(command), "{help}");
    }
}

#[test]
fn unknown_arguments_exit_2() {
    let output = Command::new(env!("CARGO_BIN_EXE_pakta"))
        .arg("--no-such-flag")
        .output()
        .expect("run pakta");
    assert_eq!(output.status.code(), Some(2));
}
