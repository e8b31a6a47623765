//! One writer per session, end to end with the real binary: a second `facilitate` on an open
//! session is refused naming the file and the process; `--notes` on it opens the facilitator's
//! read-only view, which follows the presenter live and never takes its lock; a read-only file
//! is refused and left as it was; a symbolic link is written through to its target; temporary
//! files of dead processes are cleaned up; a note being typed survives `kill -9`; exit codes.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]
#![cfg(unix)]

mod support;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use coop_guide::store::read_file;
use support::pty::Pty;

const ROOM: &str = "tests/fixtures/workshop/room.ron";

/// `facilitate ROOM --session FILE`, with the guide's full path, and more arguments.
fn facilitate(session: &Path, more: &[&str]) -> Vec<String> {
    let guide = Path::new(env!("CARGO_MANIFEST_DIR")).join(ROOM);
    let mut args = vec![
        "facilitate".to_string(),
        guide.display().to_string(),
        "--session".to_string(),
        session.display().to_string(),
    ];
    args.extend(more.iter().map(|s| s.to_string()));
    args
}

fn spawn(dir: &Path, args: &[String], cols: u16, rows: u16) -> Pty {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    Pty::spawn_in(dir, &args, &[], cols, rows)
}

fn run(args: &[String]) -> std::process::Output {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    support::cli::run(&args, "")
}

/// The names of the files in a folder, sorted.
fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A presenter started on a new session in `dir`, on its first question with two hands.
fn started(dir: &Path, session: &Path) -> Pty {
    let mut pty = spawn(dir, &facilitate(session, &["--group", "Group A"]), 100, 30);
    pty.wait_for("Start");
    pty.send("\r");
    pty.wait_for("How should pay be set?");
    pty.send("++");
    pty.wait_until("two hands saved", |_| {
        read_file(session)
            .map(|f| {
                f.tallies
                    .iter()
                    .any(|t| t.hands == vec![("equal".to_string(), 2)])
            })
            .unwrap_or(false)
    });
    pty
}

#[test]
fn a_second_facilitate_on_an_open_session_is_refused_naming_the_file_and_the_process() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let session = dir.path().join("group-a.ron");
    let mut first = started(dir.path(), &session);
    let before = std::fs::read(&session).expect("read");

    let out = run(&facilitate(&session, &[]));
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains(&session.display().to_string()), "{said}");
    assert!(said.contains(&format!("process {}", first.pid())), "{said}");
    assert!(
        said.contains("--notes"),
        "it says what to do instead: {said}"
    );
    assert_eq!(std::fs::read(&session).expect("read"), before, "untouched");

    // The first presenter goes on saving; once it quits, the session is free again.
    first.send("+q");
    assert!(first.wait_exit().success());
    assert_eq!(
        files_in(dir.path()),
        vec!["group-a.ron"],
        "no lock or temporary file left"
    );
    let mut again = spawn(dir.path(), &facilitate(&session, &[]), 100, 30);
    again.wait_for("How should pay be set?");
    again.send("q");
    assert!(again.wait_exit().success());
}

#[test]
fn the_facilitators_view_follows_the_presenter_live_and_never_takes_its_lock() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let session = dir.path().join("group-a.ron");
    let mut presenter = started(dir.path(), &session);
    let projected = presenter.screen();
    assert!(!projected.contains("Watch for names"), "{projected}");

    let mut notes = spawn(dir.path(), &facilitate(&session, &["--notes"]), 100, 40);
    let screen = notes.wait_for("Facilitator's view");
    assert!(
        screen.contains(&format!("process {}", presenter.pid())),
        "{screen}"
    );
    assert!(
        screen.contains("Watch for names added only to reach a minimum"),
        "{screen}"
    );
    assert!(screen.contains("How should pay be set?"), "{screen}");
    assert!(screen.contains("on this question"), "{screen}");
    assert!(screen.contains("Time per question"), "{screen}");

    // The presenter moves on; the view follows.
    presenter.send("\r");
    presenter.wait_for("Who decides how many hours");
    notes.wait_for("Ask who looks after children or parents.");
    presenter.send("t");
    notes.wait_for("left of 2:00");
    // The projected screen shows the countdown, never the notes.
    let projected = presenter.wait_for("2:00");
    assert!(!projected.contains("Ask who looks after"), "{projected}");

    presenter.send("q");
    assert!(presenter.wait_exit().success());
    notes.wait_for("The presenter has closed this session");
    // The view held no lock: a new presenter starts while it is still open.
    let mut next = spawn(dir.path(), &facilitate(&session, &[]), 100, 30);
    next.wait_for("Who decides how many hours");
    next.send("q");
    assert!(next.wait_exit().success());
    notes.send("q");
    assert!(notes.wait_exit().success());
    notes.assert_restored();
}

#[test]
fn a_read_only_session_is_refused_before_the_workshop_starts_and_left_unchanged() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let session = dir.path().join("group-a.ron");
    let mut first = started(dir.path(), &session);
    first.send("q");
    assert!(first.wait_exit().success());
    std::fs::set_permissions(&session, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let before = std::fs::read(&session).expect("read");
    let modified = std::fs::metadata(&session)
        .and_then(|m| m.modified())
        .expect("mtime");

    let out = run(&facilitate(&session, &[]));
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains(&session.display().to_string()), "{said}");
    assert!(said.contains("read-only"), "{said}");
    assert_eq!(std::fs::read(&session).expect("read"), before);
    assert_eq!(
        std::fs::metadata(&session)
            .and_then(|m| m.modified())
            .expect("mtime"),
        modified
    );
    assert_eq!(
        std::fs::metadata(&session)
            .expect("meta")
            .permissions()
            .mode()
            & 0o777,
        0o444
    );
    assert_eq!(
        files_in(dir.path()),
        vec!["group-a.ron"],
        "nothing made beside it"
    );
}

#[test]
fn a_symbolic_link_is_written_through_to_its_target() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let real = dir.path().join("real");
    std::fs::create_dir(&real).expect("mkdir");
    let target = real.join("group-a.ron");
    let mut first = started(dir.path(), &target);
    first.send("q");
    assert!(first.wait_exit().success());
    let link: PathBuf = dir.path().join("link.ron");
    std::os::unix::fs::symlink("real/group-a.ron", &link).expect("symlink");

    let mut pty = spawn(dir.path(), &facilitate(&link, &[]), 100, 30);
    pty.wait_for("How should pay be set?");
    pty.send("+++");
    pty.wait_until("the target updated", |_| {
        read_file(&target)
            .map(|f| {
                f.tallies
                    .iter()
                    .any(|t| t.hands == vec![("equal".to_string(), 5)])
            })
            .unwrap_or(false)
    });
    pty.send("q");
    assert!(pty.wait_exit().success());
    let meta = std::fs::symlink_metadata(&link).expect("link");
    assert!(meta.file_type().is_symlink(), "the link is still a link");
    assert_eq!(
        std::fs::read_link(&link).expect("read link"),
        Path::new("real/group-a.ron")
    );
    assert_eq!(files_in(dir.path()), vec!["link.ron", "real"]);
    assert_eq!(files_in(&real), vec!["group-a.ron"]);
}

#[test]
fn temporary_files_of_dead_processes_are_cleaned_up_on_the_next_start() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let session = dir.path().join("group-a.ron");
    let mut first = started(dir.path(), &session);
    first.send("q");
    assert!(first.wait_exit().success());
    for pid in ["4242", "999999"] {
        std::fs::write(
            dir.path().join(format!(".group-a.ron.{pid}.tmp")),
            "Session(",
        )
        .expect("w");
    }
    // A file that only looks alike is not ours to remove.
    std::fs::write(dir.path().join(".group-a.ron.notes.tmp"), "mine").expect("w");
    let mut pty = spawn(dir.path(), &facilitate(&session, &[]), 100, 30);
    pty.wait_for("How should pay be set?");
    assert_eq!(
        files_in(dir.path()),
        vec![".group-a.ron.lock", ".group-a.ron.notes.tmp", "group-a.ron"]
    );
    pty.send("q");
    assert!(pty.wait_exit().success());
}

#[test]
fn kill_9_while_typing_a_note_keeps_the_draft() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let session = dir.path().join("group-a.ron");
    let mut pty = started(dir.path(), &session);
    pty.send("n");
    pty.wait_for("Note on this question");
    pty.send("Two members are new");
    pty.wait_until("the draft saved", |_| {
        read_file(&session)
            .ok()
            .and_then(|f| f.draft)
            .is_some_and(|d| d.text == "Two members are new")
    });
    pty.kill_9();
    let _ = pty.wait_exit();

    let mut pty = spawn(dir.path(), &facilitate(&session, &[]), 100, 30);
    let screen = pty.wait_for("Two members are new");
    assert!(screen.contains("Note on this question"), "{screen}");
    pty.send(" today\r");
    pty.wait_for("Note: Two members are new today");
    pty.send("q");
    assert!(pty.wait_exit().success());
    let file = read_file(&session).expect("reads");
    assert_eq!(
        file.notes,
        vec![("pay".to_string(), "Two members are new today".to_string())]
    );
    assert_eq!(file.draft, None);
}

#[test]
fn a_broken_session_file_is_a_data_error_that_names_it() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let session = dir.path().join("group-a.ron");
    std::fs::write(&session, "Session(format: 2, guide: \"room\", answers: [(").expect("w");
    let out = run(&facilitate(&session, &[]));
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("group-a.ron"), "{said}");
    assert!(said.contains("session"), "{said}");
    assert!(!said.contains("guide has errors"), "{said}");
    assert!(said.contains("left untouched"), "{said}");
    assert_eq!(
        files_in(dir.path()),
        vec!["group-a.ron"],
        "the lock went with it"
    );
}

#[test]
fn quitting_anyway_with_changes_not_saved_exits_non_zero_naming_the_session() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let folder = dir.path().join("room");
    std::fs::create_dir(&folder).expect("mkdir");
    let session = folder.join("group-a.ron");
    let mut pty = started(dir.path(), &session);
    // The folder goes away under the presenter: every save now fails.
    std::fs::remove_dir_all(&folder).expect("rm");
    pty.send("+");
    pty.wait_for("Could not save the session");
    pty.send("q");
    pty.wait_for("Press q again to quit anyway");
    pty.send("q");
    let status = pty.wait_exit();
    assert_eq!(status.exit_code(), 1, "{status:?}");
    pty.assert_restored();
    let screen = pty.screen();
    assert!(screen.contains("were not saved"), "{screen}");
    assert!(screen.contains("group-a.ron"), "{screen}");
}
