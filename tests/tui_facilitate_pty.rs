//! Workshop mode end to end, in a pseudo-terminal: `facilitate` starts, a question is answered,
//! Ctrl-C leaves at once with the terminal restored and the answer in the session file; running
//! again resumes at the next question. The report viewer opens and quits the same way. A room's
//! faults as a facilitator meets them: the 3–3–0–1 tie, the facilitator notes kept off the
//! projected screen, a resume after the guide dropped a question.
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
    // After quitting (not after Ctrl-C), the facilitator is told how to go on.
    let after = pty.screen();
    assert!(
        after.contains("To go on later: coop-guide facilitate --session"),
        "{after}"
    );
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
        pty.kill_9();
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

/// `facilitate GUIDE --session FILE` on a guide of the fixtures.
fn facilitate_on(guide: &str, session: &Path) -> Vec<String> {
    let guide = Path::new(env!("CARGO_MANIFEST_DIR")).join(guide);
    vec![
        "facilitate".into(),
        guide.display().to_string(),
        "--session".into(),
        session.display().to_string(),
    ]
}

fn spawn(dir: &Path, args: &[String], cols: u16, rows: u16) -> Pty {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    Pty::spawn_in(dir, &args, &[], cols, rows)
}

/// The words on screen in reading order, one space between them.
fn words(screen: &str) -> String {
    screen.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_three_three_zero_one_tie_names_the_tied_answers_and_enter_asks_first() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let session = dir.path().join("group-a.ron");
    let args = facilitate_on("tests/fixtures/workshop/room.ron", &session);
    let mut pty = spawn(dir.path(), &args, 100, 30);
    pty.wait_for("Start");
    pty.send("\r");
    pty.wait_for("How should pay be set?");
    // 3, 3, 0 and 1 hands, counted in order; the marker is left on the last answer.
    pty.send("+++j+++jj+");
    pty.wait_until("the tie named", |p| {
        words(&p.screen()).contains(
            "Tied: “Everyone is paid the same” and “Within a ratio, such as 1 to 3”, 3 hands each.",
        )
    });
    pty.send("\r");
    pty.wait_until("the question asked", |p| {
        words(&p.screen()).contains("Record “Not sure yet” (1 hand)?")
    });
    let file = coop_guide::store::read_file(&session).expect("reads");
    assert!(
        file.answers.is_empty(),
        "nothing recorded: {:?}",
        file.answers
    );
    // Back to a tied answer: recorded at once.
    pty.send("1\r");
    pty.wait_for("Who decides how many hours");
    pty.send("q");
    assert!(pty.wait_exit().success());
    let file = coop_guide::store::read_file(&session).expect("reads");
    assert_eq!(file.answers, vec![("pay".to_string(), "equal".to_string())]);
}

#[test]
fn notes_are_absent_from_the_projected_screen_at_start_and_after_resume() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let session = dir.path().join("group-a.ron");
    let args = facilitate_on("tests/fixtures/workshop/room.ron", &session);
    for (cols, rows) in [(80, 24), (120, 35)] {
        std::fs::remove_file(&session).ok();
        let mut pty = spawn(dir.path(), &args, cols, rows);
        pty.wait_for("Start");
        pty.send("\r+");
        pty.wait_for("Everyone is paid the same");
        let screen = pty.screen();
        assert!(
            !screen.contains("Watch for names"),
            "{cols}x{rows}:\n{screen}"
        );
        assert!(
            !screen.contains("Facilitator notes"),
            "{cols}x{rows}:\n{screen}"
        );
        pty.send("q");
        assert!(pty.wait_exit().success());

        let mut pty = spawn(dir.path(), &args, cols, rows);
        let screen = pty.wait_for("Everyone is paid the same");
        assert!(
            !screen.contains("Watch for names"),
            "{cols}x{rows}:\n{screen}"
        );
        // Shown on the facilitator's word, and remembered for the next start.
        pty.send("h");
        pty.wait_for("Watch for names");
        pty.send("q");
        assert!(pty.wait_exit().success());
        let mut pty = spawn(dir.path(), &args, cols, rows);
        pty.wait_for("Watch for names");
        pty.send("hq");
        assert!(pty.wait_exit().success());
        let mut pty = spawn(dir.path(), &args, cols, rows);
        let screen = pty.wait_for("Everyone is paid the same");
        assert!(
            !screen.contains("Watch for names"),
            "{cols}x{rows}:\n{screen}"
        );
        pty.send("q");
        assert!(pty.wait_exit().success());
    }
}

#[test]
fn resume_after_removing_a_question_shows_its_hands_and_note() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let session = dir.path().join("group-a.ron");
    let first = facilitate_on("tests/fixtures/workshop/room.ron", &session);
    let mut pty = spawn(dir.path(), &first, 100, 30);
    pty.wait_for("Start");
    pty.send("\r");
    pty.wait_for("How should pay be set?");
    pty.send("\r");
    pty.wait_for("Who decides how many hours");
    pty.send("\r");
    pty.wait_for("How much money should stay in the bank?");
    pty.send("++++n");
    pty.wait_for("Note on this question");
    pty.send("Half of us have no savings.\r");
    pty.wait_for("Note: Half of us");
    pty.send("q");
    assert!(pty.wait_exit().success());

    // The next version of the guide no longer asks about the reserve.
    let second = facilitate_on("tests/fixtures/workshop/room-2.ron", &session);
    let mut pty = spawn(dir.path(), &second, 100, 30);
    pty.wait_until("what is no longer asked", |p| {
        let said = words(&p.screen());
        said.contains("From an earlier version of the guide")
            && said.contains("How much money should stay in the bank?")
            && said.contains("Hands: “Three months of pay” 4")
            && said.contains("Note: Half of us have no savings.")
    });
    pty.send("\x1b");
    pty.wait_until("the overlay closed", |p| {
        !p.screen().contains("From an earlier version")
    });
    pty.send("q");
    assert!(pty.wait_exit().success());
    let file = coop_guide::store::read_file(&session).expect("reads");
    assert!(file.notes.contains(&(
        "reserve".to_string(),
        "Half of us have no savings.".to_string()
    )));
}
