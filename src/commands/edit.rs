//! `coop-guide edit`: the authoring view over a guide file, which it never writes.

use std::path::Path;

use super::{ended, in_a_terminal, CliError, Exit, Outcome};
use crate::tui;

/// Opens the editor on a guide file. A missing file, something that is not a file, or no
/// terminal is a usage error.
pub fn run(guide: &Path, theme: Option<&str>) -> Outcome {
    match std::fs::metadata(guide) {
        Ok(meta) if meta.is_file() => {}
        Ok(_) => {
            return Err(CliError::usage(format!(
                "cannot open `{}`: it is not a guide file",
                guide.display()
            ))
            .at(guide))
        }
        Err(e) => return Err(CliError::file(Exit::Usage, "cannot open", guide, &e)),
    }
    let theme = super::theme(theme)?;
    if !in_a_terminal() {
        return Err(CliError::usage(
            "the editor needs a terminal; `coop-guide check` works without one",
        ));
    }
    ended(tui::edit::run(guide.to_path_buf(), theme))
}
