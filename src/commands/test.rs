//! `coop-guide test`: a guide's own test cases, and every path walked.

use std::path::PathBuf;

use super::{open_guide, print, targets, CliError, Outcome};
use crate::guide::text::sanitize_line;
use crate::guide::DEFAULT_GUIDE_NAME;
use crate::report::testrun;

/// Runs the test cases of each guide named (the built-in one when none is). Exit 1 when a case
/// fails or a guide cannot be used.
pub fn run(guides: &[PathBuf]) -> Outcome {
    let mut failed = false;
    for path in targets(guides) {
        // A file name is the user's, not the program's: it may hold anything.
        let name = path.map_or_else(
            || DEFAULT_GUIDE_NAME.to_string(),
            |p| sanitize_line(&p.display().to_string()),
        );
        let Ok(guide) = open_guide(path, None) else {
            failed = true;
            continue;
        };
        let report = testrun::run(&guide);
        failed |= !report.passed();
        print(&testrun::to_text(&guide, &name, &report))?;
    }
    if failed {
        Err(CliError::invalid())
    } else {
        Ok(())
    }
}
