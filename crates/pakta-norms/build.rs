//! Parses `data/lexicon.toml` at build time into the encoded form of `pakta-prebuilt`, which the library
//! reads at run time instead of parsing the TOML (a tenth of a short `pakta check`).

use std::path::PathBuf;

fn main() {
    let source =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"))
            .join("data/lexicon.toml");
    println!("cargo:rerun-if-changed={}", source.display());
    let text = std::fs::read_to_string(&source).expect("data/lexicon.toml is readable");
    // A lexicon that does not encode (a TOML error) is embedded without its encoded form: the library
    // then parses the TOML and reports the error with its line and column.
    let encoded = pakta_prebuilt::encode(&text).unwrap_or_else(|why| {
        println!("cargo:warning=data/lexicon.toml: {why}");
        Vec::new()
    });
    let target =
        PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("lexicon.bin");
    std::fs::write(target, encoded).expect("OUT_DIR is writable");
}
