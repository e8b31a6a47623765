//! The authoring view: outline, diagnostics and a live preview of a guide file.

use std::io;
use std::path::PathBuf;

/// How the editor is started.
#[derive(Debug, Clone, Default)]
pub struct EditOptions {
    /// Theme name from `--theme`.
    pub theme: Option<String>,
}

/// Runs the editor on a guide file until the user quits. The file is never written.
pub fn run(guide: PathBuf, options: EditOptions) -> io::Result<()> {
    let _ = (guide, options);
    Err(io::Error::other(
        "the editor is not available in this build",
    ))
}
