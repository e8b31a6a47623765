//! One writer per session: an OS advisory lock held while a presenter has the session open.
//!
//! The lock is taken on a small file beside the session's (`.NAME.lock`), never on the session
//! file itself: every save renames a new file over the session, and a lock on the old one would
//! be lost with it. The lock file holds a note — `pid 12345` — so a second presenter is refused
//! with the process that has the session, and a lock left by a process that died (the OS lets
//! go of a dead process's locks) is simply taken over.
//!
//! Taking the lock is race-free against a presenter that is leaving: the leaving one removes the
//! lock file while it still holds the lock, and the one arriving checks, once it holds the lock,
//! that the file it locked is still the one at the path (else it locked a removed file, and
//! tries again on the new one). Reading the note never takes the lock, so the facilitator's
//! read-only view can name the presenter without ever getting in its way.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use fd_lock::RwLock;

/// The writer's lock on a session, held until dropped; dropping it removes the lock file.
#[derive(Debug)]
pub struct Lock {
    file: Option<RwLock<File>>,
    path: PathBuf,
}

/// Why the lock could not be taken.
#[derive(Debug)]
pub enum LockError {
    /// Another process holds it: its process id, when its note says.
    Held(Option<u32>),
    /// The lock file could not be made or locked.
    Io(io::Error),
}

/// The lock file of a session file (its real path, links followed).
pub fn lock_path(session: &Path) -> PathBuf {
    let name = session
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "session".into());
    session.with_file_name(format!(".{name}.lock"))
}

impl Lock {
    /// Takes the writer's lock on the session file at `session` (its real path), or says who
    /// has it.
    pub fn take(session: &Path) -> Result<Lock, LockError> {
        let path = lock_path(session);
        // A handful of tries: each retry means another presenter left between our open and our
        // lock, which does not happen over and over.
        for _ in 0..8 {
            let file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .map_err(LockError::Io)?;
            let mut lock = RwLock::new(file);
            let taken = match lock.try_write() {
                Ok(mut guard) => {
                    let same = same_file(&guard, &path);
                    let noted = if same { write_note(&mut guard) } else { Ok(()) };
                    // The lock lasts as long as the file stays open: the guard's unlock is not
                    // wanted, closing the file (when the `Lock` drops) lets go.
                    std::mem::forget(guard);
                    Ok((same, noted))
                }
                Err(e) => Err(e),
            };
            match taken {
                Ok((false, _)) => continue,
                Ok((true, noted)) => {
                    noted.map_err(LockError::Io)?;
                    return Ok(Lock {
                        file: Some(lock),
                        path,
                    });
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                    return Err(LockError::Held(holder(session)));
                }
                Err(e) => return Err(LockError::Io(e)),
            }
        }
        Err(LockError::Io(io::Error::other(
            "another presenter kept opening and closing it",
        )))
    }

    /// Where the lock file is.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Removed while still held, then closed: see the module's notes.
        let _ = std::fs::remove_file(&self.path);
        drop(self.file.take());
    }
}

/// The process id the lock note of a session names, if there is a note that names one.
pub fn holder(session: &Path) -> Option<u32> {
    let mut text = String::new();
    File::open(lock_path(session))
        .ok()?
        .take(64)
        .read_to_string(&mut text)
        .ok()?;
    text.trim().strip_prefix("pid ")?.trim().parse().ok()
}

fn write_note(file: &mut File) -> io::Result<()> {
    file.set_len(0)?;
    file.write_all(format!("pid {}\n", std::process::id()).as_bytes())?;
    file.flush()
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &File, path: &Path) -> bool {
    path.exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_is_refused_naming_the_first_and_a_dropped_one_is_gone() {
        let dir = tempfile::tempdir().expect("temp");
        let session = dir.path().join("s.ron");
        let first = Lock::take(&session).expect("the first lock");
        assert!(first.path().ends_with(".s.ron.lock"));
        assert_eq!(holder(&session), Some(std::process::id()));
        match Lock::take(&session) {
            Err(LockError::Held(pid)) => assert_eq!(pid, Some(std::process::id())),
            other => panic!("{other:?}"),
        }
        drop(first);
        assert!(
            !lock_path(&session).exists(),
            "the lock file goes with the lock"
        );
        let again = Lock::take(&session).expect("free again");
        drop(again);
    }

    #[test]
    fn a_lock_file_left_by_a_dead_process_is_taken_over() {
        let dir = tempfile::tempdir().expect("temp");
        let session = dir.path().join("s.ron");
        std::fs::write(lock_path(&session), "pid 999999999\n").expect("a stale note");
        let lock = Lock::take(&session).expect("nobody holds it");
        assert_eq!(holder(&session), Some(std::process::id()));
        drop(lock);
    }
}
