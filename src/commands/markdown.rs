//! `coop-guide markdown`: the whole guide as one Markdown document, for proofreading.

use std::path::Path;

use super::{open_guide, print, Outcome};
use crate::report::guide_markdown;

/// Writes the guide as Markdown to standard output, translated into `language` when given.
pub fn run(path: Option<&Path>, language: Option<&str>) -> Outcome {
    let guide = open_guide(path, language)?;
    print(&guide_markdown::render(&guide))
}
