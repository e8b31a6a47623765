//! Sessions on disk: where a workshop session's file is read from and saved to, and the clock
//! its times come from. The record itself ([`crate::engine::session`]) is pure data.
//!
//! Reading goes through [`crate::read`]: a session file is a regular file of at most 8 MB, so a
//! device, a named pipe or a huge file is refused at once and never read.
//!
//! Saving is atomic and durable: the new text goes to a temporary file in the same folder
//! (created new, never through an existing file or link, with the old file's permissions), is
//! flushed to disk, renamed over the old one, and the folder itself is flushed so the rename
//! survives a power cut. A crash or `kill -9` at any moment leaves either the old file or the
//! new one, never half of one.

use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::engine::session::{SessionError, SessionFile};
use crate::guide::text::sanitize_line;
use crate::read::{self, Kind, Refusal};

/// A session's file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    path: PathBuf,
}

impl Store {
    /// The store for the session file at `path`.
    pub fn new(path: impl Into<PathBuf>) -> Store {
        Store { path: path.into() }
    }

    /// Where the session is saved.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads the session file (never writing to it); `None` when there is no file yet.
    pub fn read(&self) -> Result<Option<SessionFile>, SessionError> {
        match read_file(&self.path) {
            Err(SessionError::Io(_, e)) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            other => other.map(Some),
        }
    }

    /// Saves a session file atomically: see the module's notes.
    pub fn save(&self, file: &SessionFile) -> io::Result<()> {
        self.stage(file.to_text().as_bytes())?.commit()
    }

    /// Writes the temporary file of a save (its first half); [`Staged::commit`] finishes it.
    /// The temporary file is removed again if writing fails.
    pub fn stage(&self, bytes: &[u8]) -> io::Result<Staged> {
        let path = &self.path;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "session".into());
        let temp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
        // A temporary file left by a crash of this same process id is ours to replace.
        let _ = std::fs::remove_file(&temp);
        let written = (|| {
            let mut file = OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&temp)?;
            if let Ok(meta) = std::fs::metadata(path) {
                file.set_permissions(meta.permissions())?;
            }
            file.write_all(bytes)?;
            file.sync_all()
        })();
        if let Err(e) = written {
            let _ = std::fs::remove_file(&temp);
            return Err(e);
        }
        Ok(Staged {
            temp,
            target: path.clone(),
        })
    }

    /// The time now, as the session file records it.
    pub fn now(&self) -> String {
        now_rfc3339()
    }
}

/// Reads and parses a session file at `path` (never writing to it).
pub fn read_file(path: &Path) -> Result<SessionFile, SessionError> {
    let text = read::text(path, Kind::Session).map_err(|e| match Refusal::of(&e) {
        Some(refusal) => SessionError::Invalid(format!(
            "cannot read the session `{}`: {refusal}",
            sanitize_line(&path.display().to_string())
        )),
        None => SessionError::Io(path.to_path_buf(), e),
    })?;
    SessionFile::parse(&path.display().to_string(), &text)
}

/// A temporary file holding the next content of a session file, not yet renamed over it.
#[derive(Debug)]
pub struct Staged {
    temp: PathBuf,
    target: PathBuf,
}

impl Staged {
    /// Renames the temporary file over the target, then flushes the folder so the rename is on
    /// disk too (the second half of [`Store::save`]).
    pub fn commit(self) -> io::Result<()> {
        std::fs::rename(&self.temp, &self.target).inspect_err(|_| {
            let _ = std::fs::remove_file(&self.temp);
        })?;
        sync_folder(&self.target);
        Ok(())
    }

    /// Where the temporary file is.
    pub fn temp_path(&self) -> &Path {
        &self.temp
    }
}

/// Flushes the folder holding `path`, so a rename in it is durable. Best effort: some file
/// systems cannot flush a folder, and the file itself is already safe.
fn sync_folder(path: &Path) {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if let Ok(dir) = std::fs::File::open(folder) {
        let _ = dir.sync_all();
    }
}

/// The current time as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn now_rfc3339() -> String {
    rfc3339(unix_now())
}

pub use crate::engine::session::time::{parse_rfc3339, rfc3339};

/// Seconds since 1970 now (0 if the clock is before 1970).
pub fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// The time since 1970 now, to the nanosecond (zero if the clock is before 1970).
pub fn wall_now() -> std::time::Duration {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_is_no_session_yet_and_a_device_is_refused() {
        let dir = tempfile::tempdir().expect("temp");
        assert_eq!(Store::new(dir.path().join("s.ron")).read().ok(), Some(None));
        match Store::new("/dev/null").read() {
            Err(SessionError::Invalid(message)) => {
                assert!(message.contains("it is a device"), "{message}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_failed_save_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().expect("temp");
        let store = Store::new(dir.path().join("missing-folder").join("s.ron"));
        assert!(store.save(&SessionFile::default()).is_err());
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .filter_map(Result::ok)
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }
}
