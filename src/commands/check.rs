//! `coop-guide check`: every mistake in guides and their translations, in one pass.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::PathBuf;

use super::{print, print_json, targets, CliError, Outcome};
use crate::cli::CheckFormat;
use crate::guide::diagnostic::{render_human, render_short, to_json};
use crate::guide::files::check_with_translations;

/// Checks each guide named (the built-in one when none is) with the translations beside it.
/// Exit 1 when any file has an error; warnings are allowed.
pub fn run(guides: &[PathBuf], format: CheckFormat) -> Outcome {
    let mut text = String::new();
    let mut json = Vec::new();
    let (mut errors, mut warnings, mut count) = (0, 0, 0);
    let mut seen = HashSet::new();
    for path in targets(guides) {
        let (files, guide) = check_with_translations(path, &mut seen);
        // The process ends soon after a check: freeing a large guide string by string costs
        // more than the check's own validation (a 100,000-question guide holds over a million
        // strings), and the operating system takes the memory back at exit anyway.
        std::mem::forget(guide);
        for file in files {
            count += 1;
            let e = file
                .diagnostics
                .iter()
                .filter(|d| d.severity() == crate::guide::Severity::Error)
                .count();
            errors += e;
            warnings += file.diagnostics.len() - e;
            match format {
                CheckFormat::Human => text.push_str(&render_human(&file.diagnostics, &file.source)),
                CheckFormat::Short => text.push_str(&render_short(&file.diagnostics, &file.source)),
                CheckFormat::Json => json.extend(to_json(&file.diagnostics, &file.source)),
            }
        }
        // Print as we go, so a long list of guides shows progress.
        if format != CheckFormat::Json {
            print(&text)?;
            text.clear();
        }
    }
    match format {
        CheckFormat::Json => print_json(&json)?,
        _ => {
            let s = |n: usize| if n == 1 { "" } else { "s" };
            let _ = writeln!(
                text,
                "checked {count} file{}: {errors} error{}, {warnings} warning{}",
                s(count),
                s(errors),
                s(warnings)
            );
            print(&text)?;
        }
    }
    if errors > 0 {
        Err(CliError::invalid())
    } else {
        Ok(())
    }
}
