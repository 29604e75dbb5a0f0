//! Embeds the default catalogue (`agreements/standards/*.toml`) and the model clauses
//! (`templates/clauses/*.hbs`) in the library, so the `pakta` binary works from any directory. Each
//! catalogue file is also parsed here into the encoded form of `pakta-prebuilt`, which the loader reads
//! instead of parsing the TOML: parsing it was a third of a short `pakta check`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let root = manifest.join("../..");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut out = String::new();
    let mut encoded = String::from("pub const CATALOGUE_ENCODED: &[&[u8]] = &[\n");
    for (name, dir, ext) in [
        ("CATALOGUE_FILES", root.join("agreements/standards"), "toml"),
        ("CLAUSE_TEMPLATES", root.join("templates/clauses"), "hbs"),
        ("SKELETON_TEMPLATES", root.join("templates"), "hbs"),
    ] {
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut files = list(&dir, ext);
        files.sort();
        writeln!(out, "pub const {name}: &[(&str, &str)] = &[").expect("writing to a String");
        for file in files {
            println!("cargo:rerun-if-changed={}", file.display());
            let file_name = file
                .file_name()
                .and_then(|n| n.to_str())
                .expect("UTF-8 file name");
            let absolute = file.canonicalize().expect("embedded file exists");
            writeln!(
                out,
                "    ({file_name:?}, include_str!({:?})),",
                absolute.display().to_string()
            )
            .expect("writing to a String");
            if name == "CATALOGUE_FILES" {
                let bin = out_dir.join(format!("{file_name}.bin"));
                std::fs::write(&bin, encode(&file)).expect("OUT_DIR is writable");
                writeln!(
                    encoded,
                    "    include_bytes!({:?}),",
                    bin.display().to_string()
                )
                .expect("writing to a String");
            }
        }
        writeln!(out, "];").expect("writing to a String");
    }
    writeln!(encoded, "];").expect("writing to a String");
    out.push_str(&encoded);
    std::fs::write(out_dir.join("embedded.rs"), out).expect("OUT_DIR is writable");
}

/// A catalogue file in the encoded form, in the order of `CATALOGUE_FILES`; empty when the TOML does not
/// parse, so that the loader parses it and reports the error with its line and column.
fn encode(file: &Path) -> Vec<u8> {
    let text = std::fs::read_to_string(file).expect("embedded file is readable");
    pakta_prebuilt::encode(&text).unwrap_or_else(|why| {
        println!("cargo:warning={}: {why}", file.display());
        Vec::new()
    })
}

fn list(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some(ext))
        .collect()
}
