//! What the README promises and no other test checks: `play`'s options work without the
//! command, themes and `NO_COLOR`, the player in Spanish, and `edit` never writing the guide.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]

mod support;

use support::cli::run;
use support::pty::Pty;
use support::DECISION as GUIDE;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn play_options_work_without_the_play_command() {
    let out = run(&["--plain", GUIDE], "1\nq\n");
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("How many people take part in decisions?"));
    // The built-in guide, in Spanish.
    let out = run(&["--plain", "--lang", "es"], "q\n");
    assert_eq!(out.status.code(), Some(0));
    assert!(
        text(&out.stdout).contains("Respondan con un número"),
        "{}",
        text(&out.stdout)
    );
    // Answers from a file, the result on standard output, no command named.
    let dir = tempfile::tempdir().expect("temp");
    let answers = dir.path().join("a.txt");
    std::fs::write(&answers, "size: large\ndelegation: yes\n").expect("write");
    let out = run(
        &[
            "--answers",
            answers.to_str().expect("path"),
            "--output",
            "json",
            GUIDE,
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["outcome"]["id"], "mandates");
    // A command and play's options do not mix.
    let out = run(&["--plain", "check", GUIDE], "");
    assert_eq!(out.status.code(), Some(2));
}

/// The player on a question, in a pseudo-terminal with `args` and `env`: its coloured and
/// reversed cells.
fn colours_on_a_question(args: &[&str], env: &[(&str, &str)]) -> (usize, usize) {
    let mut all = vec!["play"];
    all.extend_from_slice(args);
    all.push(GUIDE);
    let mut pty = Pty::spawn(&all, env, 100, 30);
    pty.wait_for("Start");
    pty.send("\r");
    pty.wait_for("How many people take part in decisions?");
    let colours = pty.colours();
    // Nothing answered yet: q leaves at once.
    pty.send("q");
    assert!(pty.wait_exit().success());
    pty.assert_restored();
    colours
}

#[test]
fn themes_change_the_colours_and_no_color_takes_them_away_but_not_the_selection() {
    let (default, _) = colours_on_a_question(&[], &[]);
    assert!(default > 0, "the default theme has colours");
    let (high, _) = colours_on_a_question(&["--theme", "high-contrast"], &[]);
    assert!(high > 0, "so does high contrast");
    for (args, env) in [
        (&["--theme", "mono"][..], &[][..]),
        (&[][..], &[("NO_COLOR", "1")][..]),
        (&["--theme", "high-contrast"][..], &[("NO_COLOR", "1")][..]),
    ] {
        let (coloured, reversed) = colours_on_a_question(args, env);
        assert_eq!(coloured, 0, "{args:?} {env:?}: no colour at all");
        assert!(reversed > 0, "{args:?} {env:?}: the selection is reversed");
    }
    let out = run(&["play", "--theme", "sepia", GUIDE], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("unknown theme \"sepia\""));
}

#[test]
fn the_player_speaks_the_guides_language() {
    let mut pty = Pty::spawn(&["--lang", "es"], &[], 120, 50);
    let intro = pty.wait_for("Empezar");
    assert!(intro.contains("Pregunta sobre"), "{intro}");
    assert!(intro.contains("enter empezar"), "{intro}");
    pty.send("\r");
    let question = pty.wait_for("paso 1");
    assert!(
        question.contains("elegir"),
        "the footer is Spanish too:\n{question}"
    );
    assert!(question.contains("Por qué preguntamos"), "{question}");
    pty.send("1");
    pty.wait_for("paso 2");
    pty.send("q");
    let asked = pty.wait_for("¿Salir?");
    // Spanish says yes with s ("sí"): the box shows it, and y is not yes.
    assert!(asked.contains("s salir"), "{asked}");
    assert!(!asked.contains("y salir"), "{asked}");
    pty.send("s");
    assert!(pty.wait_exit().success());
    pty.assert_restored();
}

#[test]
fn edit_never_writes_the_guide() {
    let dir = tempfile::tempdir().expect("temp");
    let guide = dir.path().join("guide.ron");
    std::fs::copy(GUIDE, &guide).expect("copy");
    let before = std::fs::read(&guide).expect("read");
    let modified = std::fs::metadata(&guide).and_then(|m| m.modified()).ok();
    let mut pty = Pty::spawn_in(dir.path(), &["edit", "guide.ron"], &[], 120, 35);
    pty.wait_for("Outline");
    // Move, play the preview to the result, try to save there, open and close the help.
    pty.send("jjjj\r");
    pty.wait_for("Preview · from pace");
    pty.send("1");
    pty.send("1");
    pty.send("\r");
    pty.wait_for("Recommended for your group");
    pty.send("s");
    pty.wait_for("the editor does not save results");
    pty.send("\t?");
    pty.wait_for("The file is the source of truth");
    pty.send("\x1b");
    pty.wait_until("the help to close", |p| {
        !p.screen().contains("source of truth")
    });
    pty.send("q");
    assert!(pty.wait_exit().success());
    assert_eq!(std::fs::read(&guide).expect("read"), before);
    assert_eq!(
        std::fs::metadata(&guide).and_then(|m| m.modified()).ok(),
        modified
    );
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        vec!["guide.ron".to_string()],
        "nothing else was written"
    );
}
