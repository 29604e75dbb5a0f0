//! Shared inputs for the pakta benchmarks: the bundled examples, the real corpus (read from
//! `../shared/corpus`, skipped with a notice when it is absent), synthetic inputs scaled from a real
//! treaty, and the prepared state (catalogue, model clauses, alignment sides) the benches time against.
//!
//! Nothing here is timed: benches build their inputs with these helpers, then time one library call.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use pakta_core::Agreement;
use pakta_import::tota::Treaty;
use pakta_redline::align::{Fingerprint, Sides};
use pakta_standards::{Catalogue, ModelClauses};

pub use pakta_core::parse;

/// The bundled examples (`agreements/examples/<name>.md`).
pub const EXAMPLES: &[&str] = &[
    "id-my-domestic.v1",
    "id-my-domestic.v2",
    "id-tw-mou.en",
    "id-tw-mou.id",
    "ph-sa-domestic.en",
];

/// The bundled term sheets (`agreements/termsheets/<name>.toml`).
pub const TERMSHEETS: &[&str] = &["id-kr-fishing", "id-my", "id-tw"];

/// The real-corpus cases every bench uses: two large ToTA treaties and one ILO convention.
pub const CORPUS: &[&str] = &["tota-us-peru", "tota-us-colombia", "ilo-c189"];

/// Growth factors of the synthetic scaling inputs.
pub const SCALES: &[usize] = &[1, 10, 100];

/// The profile the coverage benches check against.
pub const PROFILE: &str = "bla-core";

/// The ToTA pair `pakta diff` is compared on: US–Peru (old) and US–Colombia (new).
pub const TOTA_PAIR: (&str, &str) = ("pta_156", "pta_342");

/// The repository root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The shared corpus: `$PAKTA_CORPUS`, else `../shared/corpus` beside the repository. `None`, with a
/// notice on standard error (once), when it is absent.
pub fn corpus_dir() -> Option<&'static Path> {
    static DIR: OnceLock<Option<PathBuf>> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::var_os("PAKTA_CORPUS")
            .map(PathBuf::from)
            .unwrap_or_else(|| repo_root().join("../shared/corpus"));
        if dir.is_dir() {
            Some(dir)
        } else {
            eprintln!(
                "notice: no corpus at {} (set PAKTA_CORPUS); the real-corpus and scaled benchmarks are skipped",
                dir.display()
            );
            None
        }
    })
    .as_deref()
}

fn read(path: &Path) -> Option<String> {
    match std::fs::read(path) {
        Ok(bytes) => match pakta_core::decode(&path.display().to_string(), bytes) {
            Ok(text) => Some(text),
            Err(e) => {
                eprintln!("notice: {e}; skipped");
                None
            }
        },
        Err(e) => {
            eprintln!("notice: {}: {e}; skipped", path.display());
            None
        }
    }
}

/// A bundled example's Markdown. The examples are part of the repository, so a missing one is a bug.
pub fn example(name: &str) -> String {
    let path = repo_root().join(format!("agreements/examples/{name}.md"));
    read(&path).unwrap_or_else(|| panic!("{}: bundled example missing", path.display()))
}

/// A bundled term sheet's name and TOML text.
pub fn termsheet(name: &str) -> (String, String) {
    let file = format!("agreements/termsheets/{name}.toml");
    let text = read(&repo_root().join(&file))
        .unwrap_or_else(|| panic!("{file}: bundled term sheet missing"));
    (file, text)
}

/// A ToTA treaty (`tota/xml/<id>.xml`, e.g. `pta_156`), read as `pakta import` reads it.
pub fn tota_treaty(id: &str) -> Option<Treaty> {
    let xml = read(&corpus_dir()?.join(format!("tota/xml/{id}.xml")))?;
    match pakta_import::tota::read(&xml) {
        Ok(treaty) => Some(treaty),
        Err(e) => {
            eprintln!("notice: {id}: {e}; skipped");
            None
        }
    }
}

/// A ToTA treaty's raw XML, for the import bench.
pub fn tota_xml(id: &str) -> Option<String> {
    read(&corpus_dir()?.join(format!("tota/xml/{id}.xml")))
}

/// A ToTA treaty as the Markdown `pakta import` writes.
pub fn tota_markdown(id: &str) -> Option<String> {
    let treaty = tota_treaty(id)?;
    Some(pakta_import::tota::markdown(&treaty, &format!("{id}.xml")))
}

/// The Markdown of a corpus case named in [`CORPUS`].
pub fn corpus(case: &str) -> Option<String> {
    match case {
        "tota-us-peru" => tota_markdown(TOTA_PAIR.0),
        "tota-us-colombia" => tota_markdown(TOTA_PAIR.1),
        "ilo-c189" => read(
            &corpus_dir()?.join("nl-bwb-treaties/BWBV0005977-ilo-c189-domestic-workers-2011.md"),
        ),
        other => {
            eprintln!("notice: unknown corpus case {other}; skipped");
            None
        }
    }
}

/// Replaces the first run of digits in `number` with that number plus `offset`.
fn shift_number(number: &str, offset: usize) -> Option<String> {
    let start = number.find(|c: char| c.is_ascii_digit())?;
    let end = number[start..]
        .find(|c: char| !c.is_ascii_digit())
        .map_or(number.len(), |e| start + e);
    let value: usize = number[start..end].parse().ok()?;
    Some(format!(
        "{}{}{}",
        &number[..start],
        value + offset,
        &number[end..]
    ))
}

/// `factor` copies of the treaty's chapters. Copy `c` (from 0) adds `1000 × c` to each article's leading
/// number (`ARTICLE 2.3` → `ARTICLE 1002.3`), and gives unnumbered articles `1000c.k`, so every article
/// number stays unique and in ascending order. Copy 0 is the treaty as it is.
pub fn scaled_treaty(treaty: &Treaty, factor: usize) -> Treaty {
    let mut out = treaty.clone();
    out.chapters.clear();
    for copy in 0..factor {
        let mut unnumbered = 0usize;
        for chapter in &treaty.chapters {
            let mut chapter = chapter.clone();
            if copy > 0 {
                for article in &mut chapter.articles {
                    // A number without digits (a preamble, a Roman numeral) becomes 1000c.k.
                    let shifted = article
                        .number
                        .as_deref()
                        .and_then(|n| shift_number(n, 1000 * copy));
                    article.number = match shifted {
                        Some(n) => Some(n),
                        None => {
                            unnumbered += 1;
                            Some(format!("{}.{unnumbered}", 1000 * copy))
                        }
                    };
                }
                chapter.name = Some(format!(
                    "{} (copy {})",
                    chapter.name.as_deref().unwrap_or("Chapter"),
                    copy + 1
                ));
            }
            out.chapters.push(chapter);
        }
    }
    out
}

/// The Markdown of ToTA treaty `id` scaled `factor` times (see [`scaled_treaty`]).
pub fn scaled_tota(id: &str, factor: usize) -> Option<String> {
    let treaty = scaled_treaty(&tota_treaty(id)?, factor);
    Some(pakta_import::tota::markdown(&treaty, &format!("{id}.xml")))
}

/// The standards catalogue built into pakta.
pub fn catalogue() -> Catalogue {
    Catalogue::load(&pakta_standards::embedded_catalogue()).expect("the embedded catalogue loads")
}

/// The model clauses built into pakta (clause templates and agreement skeletons), verified against the
/// catalogue, as `pakta draft` builds them.
pub fn models(catalogue: &Catalogue) -> ModelClauses {
    let mut templates = pakta_standards::embedded_templates();
    templates.extend(pakta_standards::embedded_skeletons());
    let models = ModelClauses::new(&templates).expect("the embedded templates compile");
    models
        .verify(catalogue)
        .expect("the embedded templates match the catalogue");
    models
}

/// What the article alignment works on, built as `pakta_redline::redline` builds it: a fingerprint of
/// each article's text and heading, and its number key.
#[derive(Debug)]
pub struct AlignInput {
    pub old_prints: Vec<Fingerprint>,
    pub new_prints: Vec<Fingerprint>,
    pub old_headings: Vec<Fingerprint>,
    pub new_headings: Vec<Fingerprint>,
    pub old_keys: Vec<String>,
    pub new_keys: Vec<String>,
}

/// The article fingerprints of one side.
pub fn fingerprints(agreement: &Agreement) -> Vec<Fingerprint> {
    agreement
        .articles
        .iter()
        .map(|a| Fingerprint::of(&a.text()))
        .collect()
}

impl AlignInput {
    pub fn new(old: &Agreement, new: &Agreement) -> AlignInput {
        let headings = |a: &Agreement| -> Vec<Fingerprint> {
            a.articles
                .iter()
                .map(|a| Fingerprint::of(a.heading.as_deref().unwrap_or_default()))
                .collect()
        };
        let keys = |a: &Agreement| -> Vec<String> {
            a.articles
                .iter()
                .map(|a| format!("{}:{}", a.sequence, pakta_core::words::fold(&a.number)))
                .collect()
        };
        AlignInput {
            old_prints: fingerprints(old),
            new_prints: fingerprints(new),
            old_headings: headings(old),
            new_headings: headings(new),
            old_keys: keys(old),
            new_keys: keys(new),
        }
    }

    pub fn sides(&self) -> Sides<'_> {
        Sides {
            old: &self.old_prints,
            new: &self.new_prints,
            old_headings: &self.old_headings,
            new_headings: &self.new_headings,
            old_keys: &self.old_keys,
            new_keys: &self.new_keys,
        }
    }
}

/// The texts of clauses that have the same id in both agreements and differ: the word-diff workload.
pub fn changed_clauses(old: &Agreement, new: &Agreement) -> Vec<(String, String)> {
    let old_text: HashMap<&str, &str> = old
        .articles
        .iter()
        .flat_map(|a| a.clauses_flat())
        .map(|c| (c.id.as_str(), c.text.as_str()))
        .collect();
    new.articles
        .iter()
        .flat_map(|a| a.clauses_flat())
        .filter_map(|c| {
            let before = old_text.get(c.id.as_str())?;
            (*before != c.text).then(|| (before.to_string(), c.text.clone()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shifts_the_leading_number() {
        assert_eq!(
            shift_number("ARTICLE 2.3", 1000).as_deref(),
            Some("ARTICLE 1002.3")
        );
        assert_eq!(shift_number("5bis", 2000).as_deref(), Some("2005bis"));
        assert_eq!(shift_number("Preamble", 1000), None);
    }

    #[test]
    fn scaled_treaty_keeps_article_numbers_unique() {
        let Some(treaty) = tota_treaty(TOTA_PAIR.0) else {
            return;
        };
        let scaled = scaled_treaty(&treaty, 3);
        assert_eq!(scaled.article_count(), 3 * treaty.article_count());
        let agreement = parse(&pakta_import::tota::markdown(&scaled, "scaled.xml"));
        assert_eq!(agreement.articles.len(), 3 * treaty.article_count());
        let mut ids: Vec<&str> = agreement.articles.iter().map(|a| a.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), agreement.articles.len(), "article ids repeat");
    }

    #[test]
    fn examples_and_termsheets_load() {
        for name in EXAMPLES {
            assert!(!parse(&example(name)).articles.is_empty(), "{name}");
        }
        for name in TERMSHEETS {
            assert!(!termsheet(name).1.is_empty());
        }
        let catalogue = catalogue();
        assert!(catalogue.profile(PROFILE).is_some());
        models(&catalogue);
    }
}
