//! Embeds the default catalogue (`agreements/standards/*.toml`) and the model clauses
//! (`templates/clauses/*.hbs`) in the library, so the `pakta` binary works from any directory.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let root = manifest.join("../..");
    let mut out = String::new();
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
        }
        writeln!(out, "];").expect("writing to a String");
    }
    let target =
        PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded.rs");
    std::fs::write(target, out).expect("OUT_DIR is writable");
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
