//! Writing outputs atomically, never over an input and never over an existing file without `--force`.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use super::input::Input;

/// Where a command writes its result.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct OutputArgs {
    /// Write to this file instead of standard output (atomically; missing folders are created). `-` is
    /// standard output, as it is for the input.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

impl OutputArgs {
    pub fn output(&self) -> Output {
        // `-o -` wrote a file named "-" into the working folder.
        let path = self.output.clone().filter(|p| p.as_os_str() != "-");
        Output::new(path, self.force)
    }
}

/// Where a command's result goes.
#[derive(Debug)]
pub struct Output {
    path: Option<PathBuf>,
    force: bool,
}

impl Output {
    pub fn new(path: Option<PathBuf>, force: bool) -> Output {
        Output { path, force }
    }

    /// The file the output goes to; `None` for standard output.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn stdout() -> Output {
        Output {
            path: None,
            force: false,
        }
    }

    /// Writes `content`; to a file, through a temporary file in the same directory renamed into place, so
    /// a reader never sees half a report and a failure never leaves one behind.
    pub fn write(&self, content: &str, inputs: &[&Input]) -> anyhow::Result<()> {
        self.write_bytes(content.as_bytes(), inputs)
    }

    /// Writes binary `content` (a .docx) the same way; refuses a terminal, where it would be noise.
    pub fn write_binary(
        &self,
        what: &str,
        content: &[u8],
        inputs: &[&Input],
    ) -> anyhow::Result<()> {
        if self.path.is_none() && std::io::IsTerminal::is_terminal(&std::io::stdout()) {
            bail!("{what} is a binary file: name one with -o FILE");
        }
        self.write_bytes(content, inputs)
    }

    fn write_bytes(&self, content: &[u8], inputs: &[&Input]) -> anyhow::Result<()> {
        let Some(path) = &self.path else {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`pakta outline x.md | head`) is not an error worth reporting.
            match stdout.write_all(content).and_then(|()| stdout.flush()) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(()),
                other => return other.context("cannot write to standard output"),
            }
        };
        for input in inputs {
            if input.path.as_deref().is_some_and(|p| same_file(p, path)) {
                bail!(
                    "{}: refusing to write the output over an input file",
                    path.display()
                );
            }
        }
        if path.exists() && !self.force {
            bail!(
                "{}: already exists; pass --force to replace it",
                path.display()
            );
        }
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        if !dir.is_dir() {
            // A newcomer's `-o reports/coverage.html` should not fail for want of `mkdir reports`.
            std::fs::create_dir_all(dir).with_context(|| {
                format!(
                    "{}: cannot create the folder {}",
                    path.display(),
                    dir.display()
                )
            })?;
        }
        let mut temp = tempfile::NamedTempFile::new_in(dir).map_err(|e| {
            // tempfile names its random file in the message; the reader needs only the folder and why.
            let why = e.to_string();
            let why = why.split(" at path ").next().unwrap_or(&why).to_string();
            anyhow::anyhow!(
                "{}: cannot write in {}: {why}",
                path.display(),
                dir.display()
            )
        })?;
        temp.write_all(content)
            .with_context(|| format!("{}: cannot write", path.display()))?;
        // A temporary file is private (0600); a report is an ordinary file, readable like any other.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode() & 0o777);
            temp.as_file()
                .set_permissions(std::fs::Permissions::from_mode(mode))
                .with_context(|| format!("{}: cannot set permissions", path.display()))?;
        }
        temp.persist(path)
            .with_context(|| format!("{}: cannot write", path.display()))?;
        Ok(())
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
