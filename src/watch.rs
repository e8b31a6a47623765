//! Noticing when a guide or its translations change on disk, for the editor's live reload.
//!
//! Polls the guide's folder: cheap (one `read_dir` and a few `stat`s), portable, and right for
//! editors that save by writing a new file and renaming it over the old one (the path then
//! names a new inode; a watcher on the old file would miss it). The editor polls every 200 ms,
//! so a save shows within half a second; between polls the process sleeps in the event wait.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// What a file looked like at the last look.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp {
    path: PathBuf,
    modified: Option<SystemTime>,
    len: u64,
    #[cfg(unix)]
    inode: u64,
}

/// Watches a guide file and the translations beside it.
#[derive(Debug, Clone)]
pub struct Watcher {
    guide: PathBuf,
    stamps: Vec<Stamp>,
}

impl Watcher {
    /// Starts watching; the current state is the baseline.
    pub fn new(guide: &Path) -> Watcher {
        let mut watcher = Watcher {
            guide: guide.to_path_buf(),
            stamps: Vec::new(),
        };
        watcher.stamps = watcher.look();
        watcher
    }

    /// True when the guide or a translation was written, created, renamed or removed since the
    /// last call (or since [`Watcher::new`]).
    pub fn changed(&mut self) -> bool {
        let now = self.look();
        if now == self.stamps {
            return false;
        }
        self.stamps = now;
        true
    }

    fn look(&self) -> Vec<Stamp> {
        // The guide and the translations beside it, found the way `check` finds them.
        let mut files = vec![self.guide.clone()];
        files.extend(
            crate::guide::translation::find_beside(&self.guide)
                .into_iter()
                .map(|(_, path)| path),
        );
        files.sort();
        files
            .into_iter()
            .map(|path| {
                let meta = std::fs::metadata(&path).ok();
                Stamp {
                    modified: meta.as_ref().and_then(|m| m.modified().ok()),
                    len: meta.as_ref().map_or(u64::MAX, std::fs::Metadata::len),
                    #[cfg(unix)]
                    inode: meta.as_ref().map_or(0, std::os::unix::fs::MetadataExt::ino),
                    path,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notices_writes_renames_and_new_translations() {
        let dir = tempfile::tempdir().expect("temp");
        let guide = dir.path().join("g.ron");
        std::fs::write(&guide, "one").expect("write");
        let mut w = Watcher::new(&guide);
        assert!(!w.changed());
        std::fs::write(&guide, "one two").expect("write");
        assert!(w.changed());
        assert!(!w.changed());
        // Save by rename, as many editors do.
        let temp = dir.path().join(".g.ron.swp");
        std::fs::write(&temp, "three").expect("write");
        std::fs::rename(&temp, &guide).expect("rename");
        assert!(w.changed());
        std::fs::write(dir.path().join("g.es.ron"), "x").expect("write");
        assert!(w.changed());
        // Unrelated files do not count, nor a backup beside the guide.
        std::fs::write(dir.path().join("other.ron"), "x").expect("write");
        std::fs::write(dir.path().join("g.backup.ron"), "x").expect("write");
        assert!(!w.changed());
    }
}
