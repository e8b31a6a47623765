//! The plain mode and the `test` command, driven through pipes like a script or a screen reader.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]

mod support;

use support::cli::run as run_with_input;

const GUIDE: &str = "guides/decision-making.ron";

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn piped_numbers_walk_to_the_result() {
    // Not a terminal, so plain mode is chosen without --plain.
    let out = run_with_input(&["play", GUIDE], "1\n1\n1\n");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("How many people take part in decisions?"));
    assert!(stdout.contains("   1. Up to about twelve"));
    assert!(stdout.contains("Review your answers"));
    assert!(
        stdout.contains("\nConsensus\n\nDecisions are made when everyone"),
        "{stdout}"
    );
    assert!(stdout.contains("Why this fits: your answers"));
    // No box drawing or escape sequences in plain mode.
    assert!(!stdout.contains('\u{1b}'));
    assert!(!stdout
        .chars()
        .any(|c| ('\u{2500}'..='\u{257f}').contains(&c)));
}

#[test]
fn back_why_and_review_commands_work() {
    let out = run_with_input(&["play", "--plain", GUIDE], "2\nb\n?\n\nr\n1\n\n");
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("Why we ask:"));
    assert!(
        stdout.contains("More than twelve  (your answer; Enter keeps it)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("\nMandated teams\n\nTeams decide"),
        "{stdout}"
    );
}

#[test]
fn editing_from_the_review_changes_the_result() {
    // Reach the review (consensus), change step 3, then confirm.
    let out = run_with_input(&["play", "--plain", GUIDE], "1\n1\n1\n3\n2\n\n");
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("\nConsent\n\nA proposal passes"),
        "{stdout}"
    );
    assert!(
        !stdout.contains("\nConsensus\n\nDecisions are made"),
        "{stdout}"
    );
}

#[test]
fn output_json_goes_to_stdout_and_the_walk_to_stderr() {
    let out = run_with_input(&["play", "--plain", "--output", "json", GUIDE], "2\n1\n");
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    assert_eq!(json["guide"]["id"], "decision-making");
    assert_eq!(json["outcome"]["id"], "mandates");
    assert_eq!(json["outcome"]["title"], "Mandated teams");
    assert_eq!(json["path"][0]["question"], "size");
    assert_eq!(json["path"][0]["answer"], "large");
    assert_eq!(json["path"][1]["answer"], "yes");
    let trust = json["dimensions"]
        .as_array()
        .expect("dimensions")
        .iter()
        .find(|d| d["id"] == "trust")
        .cloned();
    assert_eq!(trust.expect("trust")["value"]["id"], "high");
    assert!(text(&out.stderr).contains("How many people take part in decisions?"));
}

#[test]
fn stale_answers_never_reach_the_json() {
    // Take the small branch to the end, go back to the first question, switch to the large one.
    let out = run_with_input(
        &["play", "--plain", "--output", "json", GUIDE],
        "1\n1\n1\n1\n2\n2\n\n",
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["outcome"]["id"], "majority");
    let path: Vec<&str> = json["path"]
        .as_array()
        .expect("path")
        .iter()
        .filter_map(|s| s["question"].as_str())
        .collect();
    assert_eq!(path, vec!["size", "delegation"]);
    let pace = json["dimensions"]
        .as_array()
        .expect("dims")
        .iter()
        .find(|d| d["id"] == "pace")
        .cloned();
    assert!(pace.expect("pace")["value"].is_null());
}

#[test]
fn answers_running_out_exits_3_naming_the_question() {
    let out = run_with_input(&["play", GUIDE], "1\n");
    assert_eq!(out.status.code(), Some(3));
    assert!(
        text(&out.stderr).contains("no answer for question \"pace\""),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn an_answers_file_replays_a_walk() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("answers.txt");
    std::fs::write(&file, "# our workshop\nsize: large\ndelegation = no\n").expect("write");
    let out = run_with_input(
        &[
            "play",
            "--answers",
            file.to_str().expect("path"),
            "--output",
            "md",
            GUIDE,
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let md = text(&out.stdout);
    assert!(md.starts_with("# Majority voting\n"), "{md}");
    assert!(md.contains("## Why this fits: your answers"));
    // An answers file that stops early is "answers missing".
    std::fs::write(&file, "size: small\n").expect("write");
    let out = run_with_input(
        &["play", "--answers", file.to_str().expect("path"), GUIDE],
        "",
    );
    assert_eq!(out.status.code(), Some(3));
    // An answer the guide does not have is a usage error.
    std::fs::write(&file, "size: enormous\n").expect("write");
    let out = run_with_input(
        &["play", "--answers", file.to_str().expect("path"), GUIDE],
        "",
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn from_starts_at_another_question() {
    let out = run_with_input(
        &["play", "--from", "delegation", "--output", "json", GUIDE],
        "1\n",
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["outcome"]["id"], "mandates");
    let out = run_with_input(&["play", "--from", "nowhere", GUIDE], "");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn quitting_exits_0_and_bad_input_asks_again() {
    let out = run_with_input(&["play", GUIDE], "7\nfoo\nq\n");
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    assert_eq!(
        stdout.matches("Type a number from 1 to 2").count(),
        2,
        "{stdout}"
    );
}

#[test]
fn a_broken_guide_is_refused_with_exit_1() {
    let out = run_with_input(
        &["play", "tests/fixtures/check/G0203-missing-question.ron"],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("error[G0203]"));
}

#[test]
fn test_command_passes_on_a_good_guide() {
    let out = run_with_input(&["test", GUIDE], "");
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("5 passed, 0 failed"));
    assert!(stdout.contains("paths: 6 from the start, every one ends at an outcome"));
    assert!(stdout.contains("outcomes reached: 4/4 by paths, 4/4 by test cases"));
}

#[test]
fn test_command_fails_and_names_the_path_on_a_wrong_expectation() {
    let out = run_with_input(&["test", "tests/fixtures/test/wrong-expectation.ron"], "");
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("test a large group that wants to vote ... FAILED"),
        "{stdout}"
    );
    assert!(
        stdout.contains("path:    size=large → delegation=no"),
        "{stdout}"
    );
    assert!(
        stdout.contains("expected mandates, reached majority instead"),
        "{stdout}"
    );
    assert!(stdout.contains("4 passed, 1 failed"));
}

#[test]
fn paths_lists_every_path_with_counts() {
    let out = run_with_input(&["paths", "--format", "json", GUIDE], "");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["paths"].as_array().expect("paths").len(), 6);
    assert_eq!(json["per_outcome"]["consent"], 3);
    let out = run_with_input(&["paths", GUIDE], "");
    assert!(text(&out.stdout).contains("size=large  delegation=yes  → mandates"));
}

#[test]
fn test_command_fails_on_a_guide_whose_answers_loop() {
    let out = run_with_input(&["test", "tests/fixtures/check/G0304-cycle.ron"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).contains("one=a → two=back … loops back to one"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn the_flagship_guide_passes_its_tests_with_every_outcome_and_answer_reached() {
    let out = run_with_input(&["test"], "");
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains(" 0 failed"), "{stdout}");
    assert!(stdout.contains("every one ends at an outcome"), "{stdout}");
    let reached = |line: &str| {
        let (a, rest) = line.split_once('/').expect("n/m");
        let m: String = rest.chars().take_while(char::is_ascii_digit).collect();
        a.trim().rsplit(' ').next() == Some(m.as_str())
    };
    for prefix in ["  outcomes reached: ", "  answers taken:    "] {
        let line = stdout
            .lines()
            .find(|l| l.starts_with(prefix))
            .expect("coverage line");
        let parts: Vec<&str> = line[prefix.len()..].split(", ").collect();
        assert!(
            parts.iter().all(|p| reached(p)),
            "not everything reached: {line}"
        );
    }
}

#[test]
fn the_committed_markdown_of_the_flagship_guide_is_current() {
    let out = run_with_input(&["markdown"], "");
    let committed =
        std::fs::read_to_string("docs/coop-varieties.md").expect("docs/coop-varieties.md");
    assert!(
        text(&out.stdout) == committed,
        "docs/coop-varieties.md is out of date: run `cargo run -- markdown > docs/coop-varieties.md`"
    );
}

#[test]
fn the_question_is_asked_again_after_why_and_review_and_the_last_one_says_so() {
    let out = run_with_input(&["play", "--plain", GUIDE], "?\nr\n1\n1\n");
    let stdout = text(&out.stdout);
    assert_eq!(
        stdout
            .matches("How many people take part in decisions?")
            .count(),
        3,
        "{stdout}"
    );
    assert!(stdout.contains("Step 3 · last question"), "{stdout}");
}

fn guide_path() -> String {
    std::fs::canonicalize(GUIDE)
        .expect("the guide")
        .display()
        .to_string()
}

#[test]
fn the_chosen_answer_is_read_back() {
    let out = run_with_input(&["play", "--plain", GUIDE], "1\nq\n");
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("Your answer: Up to about twelve"),
        "{stdout}"
    );
}

#[test]
fn review_before_any_answer_says_there_is_nothing_to_review() {
    let out = run_with_input(&["play", "--plain", GUIDE], "r\nq\n");
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("Nothing to review yet: no question has an answer."),
        "{stdout}"
    );
    assert!(!stdout.contains("Review your answers"), "{stdout}");
}

#[test]
fn w_says_why_and_the_question_mark_lists_the_commands_and_still_says_why() {
    let out = run_with_input(&["play", "--plain", GUIDE], "w\nq\n");
    let stdout = text(&out.stdout);
    assert!(stdout.contains("Why we ask:"), "{stdout}");
    assert!(!stdout.contains("Commands:"), "{stdout}");
    let out = run_with_input(&["play", "--plain", GUIDE], "?\nq\n");
    let stdout = text(&out.stdout);
    // Wrapped at 78 columns: read as words.
    let flat = stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Commands: a number answers;"), "{stdout}");
    assert!(flat.contains("w says why we ask"), "{stdout}");
    assert!(
        stdout
            .lines()
            .all(|l| l.trim_start_matches("> ").chars().count() <= 78),
        "{stdout}"
    );
    assert!(
        stdout.contains("Why we ask:"),
        "the old key still says why: {stdout}"
    );
}

#[test]
fn the_result_can_be_saved_and_q_on_a_result_not_saved_asks_first() {
    let dir = tempfile::tempdir().expect("temp");
    let guide = guide_path();
    // q asks; anything but y stays; s saves; then q quits without asking.
    let out = support::cli::run_in(
        dir.path(),
        &["play", "--plain", &guide],
        "1\n1\n1\n\nq\nn\ns\nq\n",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("Type s to save this result"), "{stdout}");
    assert!(stdout.contains("The result is not saved."), "{stdout}");
    assert!(
        stdout.contains("Saved to ./coop-guide-result-consensus.md."),
        "{stdout}"
    );
    assert_eq!(
        stdout.matches("The result is not saved.").count(),
        1,
        "{stdout}"
    );
    let saved = std::fs::read_to_string(dir.path().join("coop-guide-result-consensus.md"))
        .expect("the result was saved");
    assert!(saved.starts_with("# Consensus"), "{saved}");
    // y quits without saving.
    let out = support::cli::run_in(
        dir.path(),
        &["play", "--plain", &guide],
        "1\n1\n1\n\nq\ny\n",
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(!dir.path().join("coop-guide-result-consensus-1.md").exists());
}

#[test]
fn a_spanish_guide_asks_to_quit_with_s_for_yes_and_takes_no_y() {
    let dir = tempfile::tempdir().expect("temp");
    let guide = std::fs::canonicalize("tests/fixtures/edit/spanish.ron")
        .expect("the guide")
        .display()
        .to_string();
    // q asks; y is not yes in Spanish, so the result stays; q asks again; s says "sí".
    let out = support::cli::run_in(
        dir.path(),
        &["play", "--plain", &guide],
        "1\n\nq\ny\nq\ns\n",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert_eq!(
        stdout
            .matches("¿Salir sin guardarlo? Escriban s para salir")
            .count(),
        2,
        "{stdout}"
    );
    assert!(!stdout.contains("Type y"), "{stdout}");
    // `s` answered the question; it did not save.
    let saved = std::fs::read_dir(dir.path()).expect("dir").count();
    assert_eq!(saved, 0, "{stdout}");
}

#[test]
fn the_intro_gives_one_length_from_the_guides_paths() {
    let out = run_with_input(&["play", "--plain", GUIDE], "q\n");
    let stdout = text(&out.stdout);
    // The paths ask 2 or 3 questions; most ask 2: 3 minutes each, rounded to 5.
    assert!(
        stdout.contains("Length: about 2 questions, about 5 minutes if you talk each one through."),
        "{stdout}"
    );
    let length = stdout
        .lines()
        .find(|l| l.starts_with("Length:"))
        .expect("a length");
    assert!(!length.contains('–'), "one figure, not a range: {length}");
    let out = run_with_input(
        &["play", "--plain", "tests/fixtures/edit/spanish.ron"],
        "q\n",
    );
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("Duración: 1 pregunta, unos 5 minutos si conversan cada una."),
        "{stdout}"
    );
}

#[test]
fn an_answers_file_takes_comments_and_suggests_the_nearest_id() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("answers.txt");
    let run = |body: &str| {
        std::fs::write(&file, body).expect("write");
        run_with_input(
            &[
                "play",
                "--answers",
                file.to_str().expect("path"),
                "--output",
                "json",
                GUIDE,
            ],
            "",
        )
    };
    let out = run("size: large   # forty of us\ndelegation: no # not yet\n");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["outcome"]["id"], "majority");

    let out = run("# ours\nsiz: large\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr)
            .contains("line 2: the guide has no question \"siz\"; did you mean \"size\"?"),
        "{}",
        text(&out.stderr)
    );
    let out = run("size: larg\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains(
            "line 1: the guide has no answer \"larg\" to the question \"size\"; did you mean \"large\"?"
        ),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn every_prompt_is_flushed_before_input_is_read() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    use std::sync::mpsc;
    use std::time::Duration;
    // Standard input stays open and empty: the prompt must reach the reader anyway.
    let mut child = Command::new(env!("CARGO_BIN_EXE_coop-guide"))
        .args(["play", "--plain", GUIDE])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("start");
    let mut stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut seen = Vec::new();
        let mut byte = [0u8; 1];
        while stdout.read(&mut byte).is_ok_and(|n| n == 1) {
            seen.push(byte[0]);
            if seen.ends_with(b"> ") {
                let _ = tx.send(String::from_utf8_lossy(&seen).into_owned());
                return;
            }
        }
    });
    let shown = rx.recv_timeout(Duration::from_secs(10));
    let _ = child.kill();
    let _ = child.wait();
    let shown = shown.expect("the prompt was flushed while input was still open");
    assert!(
        shown.contains("How many people take part in decisions?"),
        "{shown}"
    );
}

#[test]
fn the_guide_as_markdown_can_be_read_in_a_translation() {
    let out = run_with_input(&["markdown", "--lang", "es"], "");
    assert_eq!(out.status.code(), Some(0));
    let md = text(&out.stdout);
    assert!(
        md.starts_with(
            "# ¿Qué tipo de cooperativa de trabajadores de tecnología le conviene a su grupo?"
        ),
        "{md}"
    );
    assert!(md.contains("language es."), "{md}");
    // A language the guide has no translation for is refused, naming those it has.
    let out = run_with_input(&["markdown", "--lang", "xx"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("(it has: en, es)"));
}
