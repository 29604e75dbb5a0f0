//! What the commands share: reading any input format, writing outputs, the terminal (colour, width,
//! errors), exit codes and validated option values, and loading the catalogue.

pub mod catalogue;
pub mod input;
pub mod output;
pub mod terminal;
pub mod usage;

pub use catalogue::CatalogueArgs;
pub use input::{Input, ReadArgs};
pub use output::{Output, OutputArgs};
pub use usage::{ReportArgs, UsageError, findings};
