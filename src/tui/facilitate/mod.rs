//! Workshop mode: the presenter view over a [`Session`], and the comparison of sessions.

use std::io;
use std::path::PathBuf;

use crate::engine::session::Session;

/// How workshop mode is started.
#[derive(Debug, Clone, Default)]
pub struct FacilitateOptions {
    /// Theme name from `--theme`.
    pub theme: Option<String>,
}

/// Runs the presenter view on a session saved at `path` after every change.
pub fn run(session: Session, path: PathBuf, options: FacilitateOptions) -> io::Result<()> {
    let _ = (session, path, options);
    Err(io::Error::other(
        "workshop mode is not available in this build",
    ))
}

/// Shows the comparison of sessions, with a chart of outcomes across groups.
pub fn report(sessions: Vec<Session>, options: FacilitateOptions) -> io::Result<()> {
    let _ = (sessions, options);
    Err(io::Error::other(
        "the report viewer is not available in this build",
    ))
}
