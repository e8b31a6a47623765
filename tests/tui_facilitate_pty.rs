//! Workshop mode end to end, in a pseudo-terminal: `facilitate` starts, a question is answered,
//! Ctrl-C leaves at once with the terminal restored and the answer in the session file; running
//! again resumes at the next question. The report viewer opens and quits the same way.
//!
//! The harness is `support::pty`, as in `tui_pty.rs`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]
#![cfg(unix)]

mod support;

use std::path::Path;

use support::pty::Pty;
use support::DECISION as GUIDE;

/// `coop-guide facilitate GUIDE --session FILE`, with the guide's full path.
fn facilitate(session: &Path) -> Vec<String> {
    let guide = Path::new(env!("CARGO_MANIFEST_DIR")).join(GUIDE);
    vec![
        "facilitate".into(),
        guide.display().to_string(),
        "--session".into(),
        session.display().to_string(),
    ]
}

#[test]
fn ctrl_c_keeps_the_answer_and_the_next_run_resumes_at_the_next_question() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let session = dir.path().join("group-a.ron");
    let mut args = facilitate(&session);
    args.extend(["--group".to_string(), "Group A".to_string()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();

    let mut pty = Pty::spawn_in(dir.path(), &args, &[], 80, 24);
    pty.wait_for("Start");
    pty.send("\r");
    pty.wait_for("How many people take part in decisions?");
    pty.send("++\r");
    pty.wait_for("How quickly");
    pty.send("\x03");
    let status = pty.wait_exit();
    assert_eq!(status.exit_code(), 130, "interrupted: {status:?}");
    pty.assert_restored();

    let file = coop_guide::store::read_file(&session).expect("the session file reads");
    assert_eq!(file.group, "Group A");
    assert_eq!(
        file.answers,
        vec![("size".to_string(), "small".to_string())]
    );
    assert_eq!(file.at, "pace");
    assert_eq!(file.tallies.len(), 1);

    let mut pty = Pty::spawn_in(dir.path(), &args, &[], 80, 24);
    let screen = pty.wait_for("How quickly");
    assert!(!screen.contains("Start"), "no intro on resume:\n{screen}");
    assert!(screen.contains("Group A"), "{screen}");
    pty.send("q");
    assert!(pty.wait_exit().success());
    pty.assert_restored();
}

#[test]
fn the_report_viewer_opens_and_quits() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let guide = Path::new(env!("CARGO_MANIFEST_DIR")).join(GUIDE);
    let guide = guide.to_str().expect("utf-8 path");
    let mut files = Vec::new();
    for (name, answers) in [("a.ron", "small"), ("b.ron", "large")] {
        let path = dir.path().join(name);
        let text = format!(
            "Session(format: 1, guide: \"decision-making\", guide_version: \"1.0.0\", \
             group: \"{name}\", answers: [(\"size\", \"{answers}\")], at: \"size\")"
        );
        std::fs::write(&path, text).expect("write a session");
        files.push(path.to_str().expect("utf-8 path").to_string());
    }
    let mut args = vec!["report", files[0].as_str(), files[1].as_str()];
    args.extend(["--guide", guide]);
    let mut pty = Pty::spawn_in(dir.path(), &args, &[], 80, 24);
    pty.wait_for("Outcomes across groups");
    pty.send("s");
    pty.wait_for("Comparison saved to");
    assert!(dir.path().join("coop-guide-comparison.md").exists());
    pty.send("q");
    assert!(pty.wait_exit().success());
    pty.assert_restored();
}

/// Sends SIGKILL to a process.
fn kill_9(pid: u32) {
    let killed = std::process::Command::new("kill")
        .args(["-9", &pid.to_string()])
        .status()
        .expect("run kill");
    assert!(killed.success());
}

#[test]
fn kill_9_in_the_middle_of_saving_never_leaves_a_session_that_does_not_load() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let session = dir.path().join("group-a.ron");
    let args = facilitate(&session);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut pty = Pty::spawn_in(dir.path(), &args, &[], 80, 24);
    pty.wait_for("Start");
    pty.send("\r");
    pty.wait_for("How many people take part in decisions?");
    // One hand counted: from now on the session resumes on this question.
    pty.send("+q");
    assert!(pty.wait_exit().success());

    // Every `+` saves the session: a stream of them is a stream of writes, and the kill lands
    // at a moment nobody chose, as often as not while a save is under way.
    let mut sent = 1;
    let mut seed: u32 = 7;
    for _ in 0..8 {
        let mut pty = Pty::spawn_in(dir.path(), &args, &[], 80, 24);
        pty.wait_for("How many people take part in decisions?");
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let burst = 20 + (seed >> 16) % 40;
        pty.send(&"+".repeat(burst as usize));
        sent += burst;
        std::thread::sleep(std::time::Duration::from_millis(u64::from(seed % 15)));
        kill_9(pty.pid());
        let _ = pty.wait_exit();
        let file = coop_guide::store::read_file(&session).expect("the session file loads");
        let hands: u32 = file
            .tallies
            .iter()
            .flat_map(|t| t.hands.iter().map(|(_, n)| *n))
            .sum();
        assert!(hands <= sent, "{hands} hands from {sent} keys");
    }
    // The last run's hands are all there once it has time to save them.
    let mut pty = Pty::spawn_in(dir.path(), &args, &[], 80, 24);
    pty.wait_for("How many people take part in decisions?");
    pty.send("q");
    assert!(pty.wait_exit().success());
    coop_guide::store::read_file(&session).expect("the session file loads");
}
