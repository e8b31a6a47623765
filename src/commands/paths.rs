//! `coop-guide paths`: every path from the start to an outcome.

use std::path::Path;

use super::{open_guide, print, print_json, Outcome};
use crate::cli::PathsFormat;
use crate::report::paths;

/// Lists the paths of a guide as a table or as JSON.
pub fn run(path: Option<&Path>, format: PathsFormat) -> Outcome {
    let guide = open_guide(path, None)?;
    let all = paths::Paths::of(&guide);
    match format {
        PathsFormat::Table => print(&paths::to_table(&guide, &all)),
        PathsFormat::Json => print_json(&paths::to_json(&guide, &all)),
    }
}
