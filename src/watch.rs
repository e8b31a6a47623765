//! Noticing when a guide or its translations change on disk, for the editor's live reload.
//!
//! Two ways to notice, one answer:
//!
//! - **Change events** from the operating system (inotify, kqueue, ReadDirectoryChangesW,
//!   through the `notify` crate) on the guide's folder. A save is seen within milliseconds,
//!   and so is a save by rename (vim and many editors write a new file and rename it over the
//!   old one: the folder sees the name arrive, where a watch on the old file would not). Each
//!   event for the guide or a translation beside it raises a flag and calls the `wake` given
//!   to [`Watcher::waking`], from the watching thread, so a view blocked on its input can wake.
//! - **A look at the files** (a `stat` of each: size, time, inode): the fallback where no events
//!   come (some network and container file systems, a system whose watch limit is reached).
//!   It is cheap, and the editor makes it every half second or so.
//!
//! A save is often several events (truncate, write, close); after the first, [`Watcher::look`]
//! waits for the events to stop (a few milliseconds) so the file is read once, whole.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use notify::event::{AccessKind, AccessMode, EventKind};
use notify::{RecommendedWatcher, RecursiveMode, Watcher as _};

/// How long a save has to be quiet before the files are read.
const SETTLE: Duration = Duration::from_millis(3);
/// The longest a burst of events delays the reading.
const SETTLE_AT_MOST: Duration = Duration::from_millis(20);

/// What a file looked like at a look: enough to tell that it was written or replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    modified: Option<SystemTime>,
    len: u64,
    #[cfg(unix)]
    inode: u64,
}

impl Stamp {
    /// The file's stamp now; `None` when it cannot be looked at.
    pub fn of(path: &Path) -> Option<Stamp> {
        let meta = std::fs::metadata(path).ok()?;
        Some(Stamp {
            modified: meta.modified().ok(),
            len: meta.len(),
            #[cfg(unix)]
            inode: std::os::unix::fs::MetadataExt::ino(&meta),
        })
    }
}

/// Watches a guide file and the translations beside it.
pub struct Watcher {
    guide: PathBuf,
    stamps: Vec<(PathBuf, Option<Stamp>)>,
    /// Raised by a change event, lowered by a look.
    raised: Arc<AtomicBool>,
    /// The operating system's watch, while it delivers events.
    events: Option<RecommendedWatcher>,
}

impl std::fmt::Debug for Watcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Watcher")
            .field("guide", &self.guide)
            .field("stamps", &self.stamps)
            .field("events", &self.events.is_some())
            .finish()
    }
}

impl Watcher {
    /// Starts watching; the current state is the baseline.
    pub fn new(guide: &Path) -> Watcher {
        Watcher::waking(guide, || {})
    }

    /// Starts watching, and calls `wake` (on the watching thread) whenever a change event for
    /// the guide or a translation arrives.
    pub fn waking(guide: &Path, wake: impl Fn() + Send + 'static) -> Watcher {
        let raised = Arc::new(AtomicBool::new(false));
        let events = watch(guide, Arc::clone(&raised), wake);
        let mut watcher = Watcher {
            guide: guide.to_path_buf(),
            stamps: Vec::new(),
            raised,
            events,
        };
        watcher.stamps = watcher.stamp();
        watcher
    }

    /// True while change events are delivered; otherwise only looks at the files notice a
    /// change.
    pub fn has_events(&self) -> bool {
        self.events.is_some()
    }

    /// True when the guide or a translation was written, created, renamed or removed since the
    /// last call (or since [`Watcher::new`]): a change event, or a look at every file.
    pub fn changed(&mut self) -> bool {
        self.look(true)
    }

    /// True when a change event came since the last look; with `poll`, also when the files
    /// look different (the fallback for file systems that send no events).
    pub fn look(&mut self, poll: bool) -> bool {
        if self.raised.swap(false, Ordering::SeqCst) {
            let start = Instant::now();
            loop {
                std::thread::sleep(SETTLE);
                let more = self.raised.swap(false, Ordering::SeqCst);
                if !more || start.elapsed() >= SETTLE_AT_MOST {
                    break;
                }
            }
            self.stamps = self.stamp();
            return true;
        }
        if !poll {
            return false;
        }
        let now = self.stamp();
        if now == self.stamps {
            return false;
        }
        self.stamps = now;
        true
    }

    fn stamp(&self) -> Vec<(PathBuf, Option<Stamp>)> {
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
                let stamp = Stamp::of(&path);
                (path, stamp)
            })
            .collect()
    }
}

/// Watches the guide's folder for events about the guide or its translations; `None` when the
/// system will not watch it.
fn watch(
    guide: &Path,
    raised: Arc<AtomicBool>,
    wake: impl Fn() + Send + 'static,
) -> Option<RecommendedWatcher> {
    let folder = guide
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf();
    let name = guide.file_name()?.to_string_lossy().into_owned();
    let stem = guide.file_stem()?.to_string_lossy().into_owned();
    let handler = move |event: notify::Result<notify::Event>| {
        let ours = match event {
            Ok(event) => {
                !is_a_read(&event.kind)
                    && (event.paths.is_empty()
                        || event.paths.iter().any(|p| is_ours(p, &name, &stem)))
            }
            // Events may have been lost (an overflowing queue): better to read again.
            Err(_) => true,
        };
        if ours {
            raised.store(true, Ordering::SeqCst);
            wake();
        }
    };
    let mut watcher = notify::recommended_watcher(handler).ok()?;
    watcher.watch(&folder, RecursiveMode::NonRecursive).ok()?;
    Some(watcher)
}

/// True for events that change nothing: opening, reading, closing without writing (the editor
/// reading the files itself causes these).
fn is_a_read(kind: &EventKind) -> bool {
    matches!(kind, EventKind::Access(access) if *access != AccessKind::Close(AccessMode::Write))
}

/// True for the guide's path, and for paths shaped like its translations (`stem.LANG.ron`).
fn is_ours(path: &Path, name: &str, stem: &str) -> bool {
    let Some(file) = path.file_name().map(|f| f.to_string_lossy()) else {
        return false;
    };
    file == name
        || file
            .strip_prefix(stem)
            .and_then(|rest| rest.strip_prefix('.'))
            .and_then(|rest| rest.strip_suffix(".ron"))
            .is_some_and(crate::guide::translation::is_language_tag)
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
        // The look at the files alone (events, which come when they come, are tested below).
        w.events = None;
        w.raised.store(false, Ordering::SeqCst);
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

    #[test]
    fn the_files_alone_show_a_change_where_no_events_come() {
        let dir = tempfile::tempdir().expect("temp");
        let guide = dir.path().join("g.ron");
        std::fs::write(&guide, "one").expect("write");
        // As on a file system that sends no events: no watch is ever started, so no event from
        // the write below can race the assertions.
        let mut w = Watcher {
            guide: guide.clone(),
            stamps: Vec::new(),
            raised: Arc::new(AtomicBool::new(false)),
            events: None,
        };
        w.stamps = w.stamp();
        std::fs::write(&guide, "one two").expect("write");
        assert!(!w.raised.load(Ordering::SeqCst));
        assert!(!w.look(false), "events only: nothing came");
        assert!(w.look(true), "a look at the files sees it");
    }

    #[test]
    fn events_name_the_guide_and_its_translations_only() {
        let ours = |p: &str| is_ours(Path::new(p), "g.ron", "g");
        assert!(ours("/x/g.ron"));
        assert!(ours("/x/g.es.ron"));
        assert!(ours("/x/g.pt-BR.ron"));
        assert!(!ours("/x/g.backup.ron"));
        assert!(!ours("/x/.g.ron.swp"));
        assert!(!ours("/x/.g.es.ron.123.tmp"));
        assert!(!ours("/x/other.ron"));
        assert!(is_a_read(&EventKind::Access(AccessKind::Open(
            notify::event::AccessMode::Any
        ))));
        assert!(!is_a_read(&EventKind::Access(AccessKind::Close(
            AccessMode::Write
        ))));
    }

    #[test]
    fn a_change_event_wakes_the_waiting_side() {
        let dir = tempfile::tempdir().expect("temp");
        let guide = dir.path().join("g.ron");
        std::fs::write(&guide, "one").expect("write");
        let (tx, rx) = std::sync::mpsc::channel();
        let mut w = Watcher::waking(&guide, move || {
            let _ = tx.send(());
        });
        if !w.has_events() {
            // This system sends no change events here: the look at the files covers it.
            return;
        }
        let temp = dir.path().join(".g.ron.swp");
        std::fs::write(&temp, "two").expect("write");
        std::fs::rename(&temp, &guide).expect("rename");
        rx.recv_timeout(Duration::from_secs(5))
            .expect("woken by the save");
        assert!(w.look(false), "the event alone says so");
        assert!(!w.look(false));
    }
}
