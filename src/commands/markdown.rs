//! `coop-guide markdown`: the whole guide as one Markdown document, for proofreading.

use std::path::Path;

use super::{open_guide, print, Outcome};
use crate::report::guide_markdown;

/// Writes the guide as Markdown to standard output.
pub fn run(path: Option<&Path>) -> Outcome {
    let guide = open_guide(path, None)?;
    print(&guide_markdown::render(&guide))
}
