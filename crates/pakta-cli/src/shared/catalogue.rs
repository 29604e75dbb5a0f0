//! Loading the standards catalogue and the model clause templates: embedded by default, or from folders
//! given on the command line (`--catalogue DIR`, `--templates DIR`).

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use pakta_standards::{Catalogue, CatalogueFile, ModelClauses};

#[derive(Debug, Clone, clap::Args)]
pub struct CatalogueArgs {
    /// Use the catalogue in this folder (`instruments.toml`, `profiles.toml`, requirement files) instead of
    /// the one built into pakta.
    #[arg(long, value_name = "DIR")]
    pub catalogue: Option<PathBuf>,
    /// Use the model clause templates in this folder (holding `clauses/*.hbs`) instead of the built-in ones.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

impl CatalogueArgs {
    pub fn catalogue(&self) -> anyhow::Result<Catalogue> {
        let files = match &self.catalogue {
            None => pakta_standards::embedded_catalogue(),
            Some(dir) => read_dir(dir, "toml")?
                .into_iter()
                .map(|(name, text)| CatalogueFile { name, text })
                .collect(),
        };
        Ok(Catalogue::load(&files)?)
    }

    pub fn models(&self, catalogue: &Catalogue) -> anyhow::Result<ModelClauses> {
        let templates = match &self.templates {
            None => {
                let mut all = pakta_standards::embedded_templates();
                all.extend(pakta_standards::embedded_skeletons());
                all
            }
            Some(dir) => {
                let mut all = read_dir(&dir.join("clauses"), "hbs")?;
                all.extend(read_dir(dir, "hbs")?);
                all
            }
        };
        let models = ModelClauses::new(&templates)?;
        models.verify(catalogue)?;
        Ok(models)
    }
}

/// The `(path, text)` of every `*.ext` file in `dir`, sorted by name.
fn read_dir(dir: &Path, ext: &str) -> anyhow::Result<Vec<(String, String)>> {
    if !dir.is_dir() {
        bail!("{}: not a folder", dir.display());
    }
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("{}: cannot list the folder", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some(ext) && p.is_file())
        .collect();
    paths.sort();
    if paths.is_empty() {
        bail!("{}: the folder has no .{ext} files", dir.display());
    }
    paths
        .into_iter()
        .map(|path| {
            let name = path.display().to_string();
            let bytes = std::fs::read(&path).with_context(|| format!("{name}: cannot read"))?;
            let text = pakta_core::decode(&name, bytes)?;
            Ok((name, text))
        })
        .collect()
}
