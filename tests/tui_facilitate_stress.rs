//! Workshop mode under `kill -9`: the real binary in a pseudo-terminal, killed 100 times at
//! moments chosen by a seeded generator while keys are being sent — raised hands, and a note
//! being typed (saved as a draft at every key). After every kill the session file must load,
//! hold every keystroke the program had already shown it saved, and at most the one keystroke
//! in flight may be missing; after every start, no temporary file of a dead process is left.
//!
//! A hundred processes started and killed (several seconds, more on a busy machine), so it is
//! ignored by default; `.ci/run` runs it with
//! `cargo test --test tui_facilitate_stress -- --ignored`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]
#![cfg(unix)]

mod support;

use std::path::Path;
use std::time::{Duration, Instant};

use coop_guide::engine::session::SessionFile;
use coop_guide::store::read_file;
use support::pty::Pty;

const ROOM: &str = "tests/fixtures/workshop/room.ron";
const KILLS: usize = 100;

/// A small linear congruential generator: the same moments on every run.
struct Moments(u64);

impl Moments {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below.max(1)
    }
}

fn hands(file: &SessionFile) -> u32 {
    file.tallies
        .iter()
        .flat_map(|t| t.hands.iter().map(|(_, n)| *n))
        .sum()
}

fn draft(file: &SessionFile) -> Option<String> {
    file.draft.as_ref().map(|d| d.text.clone())
}

/// The session file as it is now: it must always load.
fn loaded(path: &Path) -> SessionFile {
    read_file(path).unwrap_or_else(|e| panic!("the session file does not load: {e}"))
}

/// Waits until the saved session satisfies `done`.
fn saved(path: &Path, what: &str, done: impl Fn(&SessionFile) -> bool) {
    let start = Instant::now();
    loop {
        if read_file(path).is_ok_and(|f| done(&f)) {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "timed out waiting for {what}: {:?}",
            read_file(path).map(|f| (hands(&f), draft(&f)))
        );
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// Temporary files in the folder.
fn temporary_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

#[test]
#[ignore = "a hundred real processes killed; .ci/run runs it"]
fn a_hundred_kill_9s_while_keys_are_sent_lose_at_most_the_keystroke_in_flight() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let session = dir.path().join("group-a.ron");
    let guide = Path::new(env!("CARGO_MANIFEST_DIR")).join(ROOM);
    let args = [
        "facilitate",
        guide.to_str().expect("utf-8 path"),
        "--session",
        session.to_str().expect("utf-8 path"),
    ];
    // The workshop starts: on the first question, from then on every start resumes there.
    let mut pty = Pty::spawn_in(dir.path(), &args, &[], 100, 30);
    pty.wait_for("Start");
    pty.send("\r+");
    saved(&session, "the first hand", |f| hands(f) == 1);
    pty.send("q");
    assert!(pty.wait_exit().success());

    let mut moments = Moments(12);
    let (mut lost, mut typed_in_notes) = (0, 0);
    let started = Instant::now();
    for kill in 0..KILLS {
        let before = loaded(&session);
        let mut pty = Pty::spawn_in(dir.path(), &args, &[], 100, 30);
        pty.wait_for("How should pay be set?");
        let ours = format!(".group-a.ron.{}.tmp", pty.pid());
        let left: Vec<String> = temporary_files(dir.path())
            .into_iter()
            .filter(|n| *n != ours)
            .collect();
        assert!(left.is_empty(), "start {kill}: left behind {left:?}");

        let typing = moments.next(3) == 0;
        let mut hands_now = hands(&before);
        let mut note = draft(&before);
        if typing {
            if note.is_none() {
                // The note input opens on `n`, on the note kept before; a note being typed
                // before opens by itself.
                pty.send("n");
                pty.wait_for("Note on this question");
                let kept = before.notes.iter().find(|(q, _)| q == "pay");
                note = Some(kept.map(|(_, n)| n.clone()).unwrap_or_default());
            }
        } else if note.is_some() {
            // Keep the note being typed, to count hands again.
            pty.send("\r");
            saved(&session, "the note kept", |f| f.draft.is_none());
            note = None;
        }
        // Keys the program is seen to save, one at a time...
        for _ in 0..moments.next(4) {
            if typing {
                let mut text = note.clone().unwrap_or_default();
                text.push('x');
                pty.send("x");
                saved(&session, "a character of the note", |f| {
                    draft(f).as_deref() == Some(text.as_str())
                });
                note = Some(text);
                typed_in_notes += 1;
            } else {
                pty.send("+");
                hands_now += 1;
                saved(&session, "a hand", |f| hands(f) == hands_now);
            }
        }
        let loaded_before_kill = loaded(&session);
        // ...then one in flight, and the kill at a moment nobody chose.
        pty.send(if typing { "y" } else { "+" });
        std::thread::sleep(Duration::from_micros(moments.next(6000)));
        pty.kill_9();
        let _ = pty.wait_exit();

        let after = loaded(&session);
        if typing {
            // What the file is known to hold: the draft seen saved (none when the note input
            // was just opened and nothing typed in it was saved yet), or that and the key in
            // flight.
            let seen = note.clone().unwrap_or_default();
            let known = draft(&loaded_before_kill).map(|_| seen.clone());
            let kept = draft(&after);
            assert!(
                kept == known || kept == Some(format!("{seen}y")),
                "kill {kill}: the draft {kept:?} after {known:?}"
            );
            lost += usize::from(kept == known);
        } else {
            let kept = hands(&after);
            assert!(
                kept == hands_now || kept == hands_now + 1,
                "kill {kill}: {kept} hands saved after {hands_now}"
            );
            lost += usize::from(kept == hands_now);
        }
    }

    // The next start cleans up after the last kill, and a clean quit leaves only the session.
    let mut pty = Pty::spawn_in(dir.path(), &args, &[], 100, 30);
    pty.wait_for("How should pay be set?");
    let ours = format!(".group-a.ron.{}.tmp", pty.pid());
    assert!(temporary_files(dir.path()).iter().all(|n| *n == ours));
    pty.send("\x03");
    let _ = pty.wait_exit();
    loaded(&session);
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, vec!["group-a.ron"]);
    eprintln!(
        "{KILLS} kills in {:.1?}: 0 unloadable files, {lost} keystrokes in flight lost, \
         {typed_in_notes} note characters typed",
        started.elapsed()
    );
}
