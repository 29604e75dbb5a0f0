//! One module per subcommand, each owning its clap `Args` (formats included) and its `run`.

pub mod check;
pub mod clause;
pub mod completions;
pub mod diff;
pub mod draft;
pub mod export;
pub mod import;
pub mod lint;
pub mod man;
pub mod matrix;
pub mod outline;
pub mod parallel;
pub mod schema;
pub mod serve;
pub mod standards;

/// The output format of the commands that print either a listing or JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TextOrJson {
    Text,
    Json,
}
