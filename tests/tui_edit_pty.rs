//! End-to-end tests of `coop-guide edit` in a pseudo-terminal: every save on disk (in place or
//! by rename) reaches the problems pane, and how long it takes is measured (the median of 20
//! saves is printed; the README quotes it); a save of a translation shows in the preview with
//! `--lang`; `e` hands the terminal to `$EDITOR` at the node's line and takes it back (Ctrl-C
//! meanwhile is the editor's), and every way out restores the terminal.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]
#![cfg(unix)]

mod support;

use std::path::Path;
use std::time::{Duration, Instant};

use support::edit::{copy_to_temp, editor, press, rewrite};
use support::pty::Pty;
use support::DECISION;

#[test]
fn a_save_shows_its_problems_within_two_seconds_and_q_restores() {
    let (_dir, path) = copy_to_temp(DECISION);
    let file = path.to_str().expect("utf-8 path");
    let mut pty = Pty::spawn(&["edit", file], &[], 120, 35);
    pty.wait_for("no problems");
    pty.wait_for("How many people take part in decisions?");

    rewrite(&path, "Goto(\"pace\")", "Goto(\"paec\")");
    let screen = pty.wait_for_within("G0203", Duration::from_secs(2));
    assert!(
        screen.contains("showing the last good version; fix the errors below"),
        "{screen}"
    );
    assert!(
        screen.contains("pace  How quickly") && screen.contains("✗ paec"),
        "the outline keeps the last good guide, with the link broken now marked:\n{screen}"
    );

    // The preview keeps working meanwhile.
    pty.send("\t1");
    pty.wait_for("How quickly do most of your decisions need to be made?");

    rewrite(&path, "Goto(\"paec\")", "Goto(\"pace\")");
    pty.wait_for_within("no problems", Duration::from_secs(2));
    assert!(!pty.screen().contains("G0203"));
    pty.send("q");
    let status = pty.wait_exit();
    assert!(status.success(), "{status:?}");
    pty.assert_restored();
}

#[test]
fn e_opens_the_editor_at_the_nodes_line_and_comes_back() {
    let (dir, path) = copy_to_temp(DECISION);
    let file = path.to_str().expect("utf-8 path");
    // A stand-in editor: it records its arguments and exits. Run through `sh`, which also shows
    // that $EDITOR is split on whitespace.
    let script = dir.path().join("editor.sh");
    let record = dir.path().join("args.txt");
    std::fs::write(
        &script,
        format!("printf '%s\\n' \"$*\" >> '{}'\n", record.display()),
    )
    .expect("write the script");
    let editor_var = format!("sh {}", script.display());

    // The line the editor should open at: the first answer of the first question.
    let mut app = editor(&path, 120, 35);
    press(&mut app, "j");
    let line = app.outline().rows()[app.selected()].line;
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text
        .lines()
        .nth(line - 1)
        .is_some_and(|l| l.contains("Answer(")));

    let mut pty = Pty::spawn(&["edit", file], &[("EDITOR", &editor_var)], 120, 35);
    pty.wait_for("no problems");
    assert_eq!(pty.times_entered(), 1);
    pty.send("j");
    pty.send("e");
    pty.wait_until("the editor to run", |_| record.exists());
    let args = std::fs::read_to_string(&record).expect("read the record");
    assert_eq!(args.trim_end(), format!("+{line} {file}"));

    // The editor's screen came back and was drawn again.
    pty.wait_until("the editor's screen to come back", |p| {
        p.times_entered() >= 2 && p.on_alternate_screen()
    });
    let screen = pty.wait_for("Back from the editor.");
    assert!(screen.contains("Outline") && screen.contains("Up to about twelve"));
    pty.send("q");
    let status = pty.wait_exit();
    assert!(status.success(), "{status:?}");
    pty.assert_restored();
}

#[test]
fn a_missing_editor_is_reported_and_the_editor_goes_on() {
    let (_dir, path) = copy_to_temp(DECISION);
    let file = path.to_str().expect("utf-8 path");
    let mut pty = Pty::spawn(
        &["edit", file],
        &[("EDITOR", "/nonexistent/editor-for-coop-guide-tests")],
        100,
        30,
    );
    pty.wait_for("no problems");
    pty.send("e");
    pty.wait_for("Could not run");
    pty.send("\x03");
    let status = pty.wait_exit();
    assert_eq!(status.exit_code(), 130, "interrupted: {status:?}");
    pty.assert_restored();
}

#[test]
fn ctrl_c_while_the_editor_runs_is_left_to_the_editor() {
    let (dir, path) = copy_to_temp(DECISION);
    let file = path.to_str().expect("utf-8 path");
    // A stand-in editor that waits until Ctrl-C, which ends it normally (as it ends a waiting
    // `code -w`); it records both.
    let script = dir.path().join("editor.sh");
    let record = dir.path().join("record.txt");
    std::fs::write(
        &script,
        format!(
            "trap 'echo interrupted >> \"{0}\"; exit 0' INT\necho started >> \"{0}\"\nsleep 10\n",
            record.display()
        ),
    )
    .expect("write the script");
    let editor_var = format!("sh {}", script.display());
    let recorded = |what: &str| std::fs::read_to_string(&record).is_ok_and(|r| r.contains(what));

    let mut pty = Pty::spawn(&["edit", file], &[("EDITOR", &editor_var)], 120, 35);
    pty.wait_for("no problems");
    pty.send("e");
    pty.wait_until("the editor to start", |_| recorded("started"));
    pty.send("\x03");
    pty.wait_until("the editor to see Ctrl-C", |_| recorded("interrupted"));
    pty.wait_for("Back from the editor.");
    pty.send("q");
    let status = pty.wait_exit();
    assert!(
        status.success(),
        "Ctrl-C in the editor ended coop-guide: {status:?}"
    );
    pty.assert_restored();
}

/// Waits, reading the screen every millisecond, until `done` holds; returns how long it took
/// from `since`. Panics (with the screen) after the usual timeout.
fn time_until(pty: &mut Pty, since: Instant, mut done: impl FnMut(&str) -> bool) -> Duration {
    loop {
        let screen = pty.screen();
        if done(&screen) {
            return since.elapsed();
        }
        assert!(
            since.elapsed() < support::pty::timeout(),
            "the save never showed; the screen shows:\n{screen}"
        );
        std::thread::sleep(Duration::from_millis(1));
    }
}

/// Writes a new text over a file as editors do: in place (truncate, write), or as a new file
/// renamed over the old one (vim's way).
fn save(path: &Path, text: &str, by_rename: bool) {
    if by_rename {
        let temp = path.with_file_name(".decision-making.ron.swp");
        std::fs::write(&temp, text).expect("write");
        std::fs::rename(&temp, path).expect("rename");
    } else {
        std::fs::write(path, text).expect("write");
    }
}

#[test]
fn every_save_shows_in_the_problems_pane_at_once_in_place_or_by_rename() {
    let (_dir, path) = copy_to_temp(DECISION);
    let file = path.to_str().expect("utf-8 path");
    let good = std::fs::read_to_string(&path).expect("read");
    let broken = good.replacen("Goto(\"pace\")", "Goto(\"paec\")", 1);
    let mut pty = Pty::spawn(&["edit", file], &[], 120, 35);
    pty.wait_for("no problems");
    pty.wait_for("How many people take part in decisions?");

    // Twenty saves, alternately breaking and fixing the guide, half of them by rename; each
    // must reach the problems pane. The time from the save to the pane is measured.
    let mut times = Vec::new();
    for i in 0..20 {
        let breaking = i % 2 == 0;
        let by_rename = (i / 2) % 2 == 1;
        let start = Instant::now();
        save(&path, if breaking { &broken } else { &good }, by_rename);
        let took = time_until(&mut pty, start, |screen| {
            if breaking {
                screen.contains("G0203 answer leads to a question that does not exist")
            } else {
                screen.contains("no problems") && !screen.contains("G0203")
            }
        });
        times.push(took);
        // Let the screen settle before the next save, as a person typing would.
        std::thread::sleep(Duration::from_millis(30));
    }
    times.sort_unstable();
    let median = (times[9] + times[10]) / 2;
    eprintln!(
        "save → problems pane over 20 saves: median {:.1} ms, fastest {:.1} ms, slowest {:.1} ms",
        median.as_secs_f64() * 1000.0,
        times[0].as_secs_f64() * 1000.0,
        times[19].as_secs_f64() * 1000.0,
    );
    pty.send("q");
    assert!(pty.wait_exit().success());
    pty.assert_restored();
}

#[test]
fn with_lang_a_save_of_the_translation_shows_in_the_preview() {
    let dir = tempfile::tempdir().expect("temp");
    let guide = dir.path().join("guide.ron");
    let es = dir.path().join("guide.es.ron");
    std::fs::copy("tests/fixtures/i18n/complete/guide.ron", &guide).expect("copy");
    std::fs::copy("tests/fixtures/i18n/complete/guide.es.ron", &es).expect("copy");
    let mut pty = Pty::spawn(
        &["edit", guide.to_str().expect("utf-8"), "--lang", "es"],
        &[],
        120,
        35,
    );
    pty.wait_for("[es] How many people take part in decisions?");
    pty.wait_for("Vista previa");
    rewrite(
        &es,
        "text: \"[es] How many people take part in decisions?\"",
        "text: \"¿Cuántas personas deciden?\"",
    );
    pty.wait_for_within("¿Cuántas personas deciden?", Duration::from_secs(2));
    pty.send("q");
    assert!(pty.wait_exit().success());
    pty.assert_restored();
}
