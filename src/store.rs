//! Sessions on disk: where a workshop session's file is read from and saved to, who may write
//! it, and the clock its times come from. The record itself ([`crate::engine::session`]) is
//! pure data.
//!
//! Reading goes through [`crate::read`]: a session file is a regular file of at most 8 MB, so a
//! device, a named pipe or a huge file is refused at once and never read.
//!
//! Saving is atomic and durable: the new text goes to a temporary file in the same folder
//! (created new, never through an existing file or link, with the old file's permissions), is
//! flushed to disk, renamed over the old one, and the folder itself is flushed so the rename
//! survives a power cut. A crash or `kill -9` at any moment leaves either the old file or the
//! new one, never half of one. A session file that is a symbolic link is written through to its
//! target (the link stays a link), and its temporary and lock files go beside the target.
//!
//! One writer at a time: [`Store::lock`] takes an OS advisory lock beside the file (see
//! [`lock`]) for as long as a presenter has it open; once it is held, every temporary file of
//! the session left in the folder belongs to a process that died mid-save, and
//! [`Store::clean_up`] removes them. Every error says which file it is about.

pub mod lock;

use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

pub use lock::{Lock, LockError};

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

    /// The file that is written: the session's path with every symbolic link followed (the
    /// path itself when it is no link, or one that cannot be followed).
    pub fn target(&self) -> PathBuf {
        follow_links(&self.path)
    }

    /// Saves a session file atomically: see the module's notes. The error names the file.
    pub fn save(&self, file: &SessionFile) -> io::Result<()> {
        self.stage(file.to_text().as_bytes())?.commit()
    }

    /// Refuses a session file the program may not write, before anything starts: one that is
    /// read-only (whoever runs the program, even an administrator, who could write it anyway),
    /// or one that cannot be opened for writing. Nothing is changed either way. A file that does
    /// not exist yet is fine here.
    pub fn writable(&self) -> io::Result<()> {
        let target = self.target();
        let meta = match std::fs::metadata(&target) {
            Ok(meta) => meta,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(named(&target, &e)),
        };
        if meta.permissions().readonly() {
            return Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                format!(
                    "`{}` is read-only; make it writable (chmod u+w) or choose another file",
                    shown(&target)
                ),
            ));
        }
        if meta.is_file() {
            OpenOptions::new()
                .write(true)
                .open(&target)
                .map_err(|e| named(&target, &e))?;
        }
        Ok(())
    }

    /// Takes the writer's lock on the session, for as long as the returned [`Lock`] lives.
    pub fn lock(&self) -> Result<Lock, LockError> {
        Lock::take(&self.target())
    }

    /// The process that has the session open for writing, as its lock note says (never taking
    /// the lock).
    pub fn holder(&self) -> Option<u32> {
        lock::holder(&self.target())
    }

    /// True while a presenter has the session open: its lock note is there and, where the
    /// system says which processes run, the process it names still does. Never takes the lock.
    pub fn held(&self) -> bool {
        let target = self.target();
        if !lock::lock_path(&target).exists() {
            return false;
        }
        lock::holder(&target).is_none_or(running)
    }

    /// Removes the temporary files of this session that earlier processes left when they died
    /// mid-save; returns how many. Only for the holder of the lock: every other writer is gone.
    pub fn clean_up(&self) -> usize {
        let target = self.target();
        let Some(name) = target.file_name().map(|n| n.to_string_lossy().into_owned()) else {
            return 0;
        };
        let prefix = format!(".{name}.");
        let Ok(entries) = std::fs::read_dir(folder_of(&target)) else {
            return 0;
        };
        entries
            .filter_map(Result::ok)
            .filter(|entry| {
                let file = entry.file_name().to_string_lossy().into_owned();
                file.strip_prefix(&prefix)
                    .and_then(|rest| rest.strip_suffix(".tmp"))
                    .is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
            })
            .filter(|entry| std::fs::remove_file(entry.path()).is_ok())
            .count()
    }

    /// Writes the temporary file of a save (its first half); [`Staged::commit`] finishes it.
    /// The temporary file is removed again if writing fails.
    pub fn stage(&self, bytes: &[u8]) -> io::Result<Staged> {
        let path = self.target();
        let temp = temp_path(&path, std::process::id());
        // A temporary file left by a crash of this same process id is ours to replace.
        let _ = std::fs::remove_file(&temp);
        let written = (|| {
            let mut file = OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&temp)?;
            if let Ok(meta) = std::fs::metadata(&path) {
                file.set_permissions(meta.permissions())?;
            }
            file.write_all(bytes)?;
            file.sync_all()
        })();
        if let Err(e) = written {
            let _ = std::fs::remove_file(&temp);
            return Err(named(&path, &e));
        }
        Ok(Staged { temp, target: path })
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
        std::fs::rename(&self.temp, &self.target).map_err(|e| {
            let _ = std::fs::remove_file(&self.temp);
            named(&self.target, &e)
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
    if let Ok(dir) = std::fs::File::open(folder_of(path)) {
        let _ = dir.sync_all();
    }
}

/// True when a process runs with this id (on systems with `/proc`; elsewhere, assumed).
fn running(pid: u32) -> bool {
    let proc = Path::new("/proc");
    !proc.is_dir() || proc.join(pid.to_string()).exists()
}

/// The folder a file is in (`.` for a bare name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// The temporary file a process with id `pid` saves a session through.
pub fn temp_path(session: &Path, pid: u32) -> PathBuf {
    let name = session
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "session".into());
    session.with_file_name(format!(".{name}.{pid}.tmp"))
}

/// Follows symbolic links from `path` to the file they name (relative links from the link's
/// folder), at most 40 deep, as the system does; a target that does not exist yet is returned
/// as it is, so a link to a session not yet created creates its target.
fn follow_links(path: &Path) -> PathBuf {
    let mut at = path.to_path_buf();
    for _ in 0..40 {
        let is_link = std::fs::symlink_metadata(&at).is_ok_and(|m| m.file_type().is_symlink());
        if !is_link {
            return at;
        }
        let Ok(next) = std::fs::read_link(&at) else {
            return at;
        };
        at = if next.is_absolute() {
            next
        } else {
            folder_of(&at).join(next)
        };
    }
    at
}

/// An IO error that names the file it is about, in a few words.
fn named(path: &Path, error: &io::Error) -> io::Error {
    let reason = match error.kind() {
        io::ErrorKind::NotFound => "no such file or folder".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::ReadOnlyFilesystem => "the file system is read-only".to_string(),
        io::ErrorKind::StorageFull => "the disk is full".to_string(),
        _ => error.to_string(),
    };
    io::Error::new(error.kind(), format!("`{}`: {reason}", shown(path)))
}

/// A path as messages show it: control characters removed.
fn shown(path: &Path) -> String {
    sanitize_line(&path.display().to_string())
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
