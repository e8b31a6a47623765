//! The full-screen player (ratatui + crossterm) over the walk engine.

use std::io;
use std::sync::Arc;

use crate::guide::Guide;

/// How the player is started.
#[derive(Debug, Clone, Default)]
pub struct PlayOptions {
    /// Theme name from `--theme` (`default` or `high-contrast`).
    pub theme: Option<String>,
    /// Start at this question (position in the guide) instead of the guide's start.
    pub from: Option<usize>,
}

/// Runs the player until the user quits.
pub fn play(guide: Arc<Guide>, options: PlayOptions) -> io::Result<()> {
    let _ = (guide, options);
    Err(io::Error::other("the full-screen player is not built yet; use --plain"))
}
