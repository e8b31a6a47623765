//! Workshop sessions: saved atomically, resumed exactly, reported alone and compared.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]

mod support;

use std::path::Path;
use std::sync::Arc;

use coop_guide::engine::session::{Session, SessionError, SessionFile};
use coop_guide::engine::{Action, Place};
use coop_guide::guide::{check_path, Guide};
use coop_guide::store::{self, Store};

fn guide() -> Arc<Guide> {
    Arc::new(
        check_path(Path::new("guides/decision-making.ron"))
            .guide
            .expect("guide"),
    )
}

/// A new session for a group, started now.
fn new_session(group: &str) -> Session {
    Session::new(guide(), group, store::now_rfc3339())
}

/// Saves a session as the presenter does.
fn save(s: &Session, path: &Path) {
    Store::new(path)
        .save(&s.to_file(store::now_rfc3339()))
        .expect("save");
}

/// Reads a session file back, as `facilitate` and `report` do.
fn read(path: &Path) -> SessionFile {
    store::read_file(path).expect("read")
}

/// Chooses answers by id from wherever the walk is.
fn answer(s: &mut Session, ids: &[&str]) {
    for id in ids {
        let Place::Question { question, .. } = s.walk.place() else {
            panic!("not at a question");
        };
        let a = s.walk.guide().questions[question]
            .answers
            .iter()
            .position(|a| a.id == *id)
            .expect("answer");
        s.walk.apply(Action::Choose(a));
    }
}

fn current(s: &Session) -> String {
    match s.walk.place() {
        Place::Question { question, .. } => s.walk.guide().questions[question].id.clone(),
        other => format!("{other:?}"),
    }
}

#[test]
fn a_session_round_trips_through_its_file() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("a.session.ron");
    let mut s = new_session("Group A");
    s.record.add_hands("size", "small", 5);
    s.record.add_hands("size", "large", 2);
    s.record
        .notes
        .insert("size".into(), "Two people joined late.".into());
    answer(&mut s, &["small", "slow"]);
    s.record.add_seconds("size", 95);
    save(&s, &path);

    let back = Session::resume(guide(), read(&path)).expect("resume");
    assert_eq!(back.record.group, "Group A");
    assert_eq!(current(&back), "disagreement");
    assert_eq!(back.walk.answers_by_id(), s.walk.answers_by_id());
    assert_eq!(back.record.hands("size", "small"), 5);
    assert_eq!(
        back.record.notes.get("size").map(String::as_str),
        Some("Two people joined late.")
    );
    assert_eq!(back.record.seconds.get("size"), Some(&95));
    assert_eq!(back.record.created, s.record.created);
    // The file is readable RON that names the guide and version.
    let text = std::fs::read_to_string(&path).expect("text");
    assert!(text.contains("\nSession(\n"), "{text}");
    assert!(text.contains("guide: \"decision-making\""), "{text}");
    assert!(text.contains("Tally("), "{text}");
    assert!(text.contains("guide_version: \"1.0.0\""), "{text}");
}

#[test]
fn resume_is_at_the_exact_question_even_after_going_back() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("s.ron");
    let mut s = new_session("B");
    answer(&mut s, &["small", "slow"]);
    s.walk.apply(Action::Back);
    assert_eq!(current(&s), "pace");
    save(&s, &path);
    let back = Session::resume(guide(), read(&path)).expect("resume");
    assert_eq!(current(&back), "pace");
    // The later answer is still there, pre-filled.
    assert!(back
        .walk
        .answer_of(back.walk.guide().index.question("pace").expect("q"))
        .is_some());
}

#[test]
fn a_finished_session_resumes_at_its_result() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("s.ron");
    let mut s = new_session("C");
    answer(&mut s, &["large", "yes"]);
    s.walk.apply(Action::Confirm);
    save(&s, &path);
    let back = Session::resume(guide(), read(&path)).expect("resume");
    assert!(matches!(back.walk.place(), Place::Result { .. }));
    assert_eq!(back.to_file(store::now_rfc3339()).result, "mandates");
}

#[test]
fn a_crash_between_write_and_rename_leaves_the_previous_file_intact() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("s.ron");
    let mut s = new_session("D");
    answer(&mut s, &["small"]);
    save(&s, &path);
    let before = std::fs::read(&path).expect("read");
    answer(&mut s, &["slow"]);
    // Write the next version, then "crash" before the rename.
    let staged = Store::new(&path)
        .stage(s.to_file(store::now_rfc3339()).to_text().as_bytes())
        .expect("stage");
    assert!(staged.temp_path().exists());
    std::mem::forget(staged);
    assert_eq!(std::fs::read(&path).expect("read"), before);
    let back = Session::resume(guide(), read(&path)).expect("resume");
    assert_eq!(current(&back), "pace");
}

#[test]
fn a_corrupted_or_hostile_session_file_is_an_error_and_stays_untouched() {
    let dir = tempfile::tempdir().expect("temp");
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("garbage", b"Session(format: 1, guide: \"decision-making\", answers: [(\"size\"".to_vec()),
        ("binary", vec![0xff, 0xfe, 0x00, 0x1b, 0x5b, 0x32, 0x4a]),
        ("unknown-field", b"Session(format: 1, guide: \"decision-making\", sneaky: 1)".to_vec()),
        ("escape", b"Session(format: 1, guide: \"decision-making\", group: \"\\u{1b}]0;pwned\\u{7}\", answers: [(\"size\", \"small\")])".to_vec()),
    ];
    for (name, bytes) in cases {
        let path = dir.path().join(format!("{name}.ron"));
        std::fs::write(&path, &bytes).expect("write");
        match store::read_file(&path) {
            Err(SessionError::Invalid(message)) => {
                assert!(message.contains("not"), "{name}: {message}");
                assert!(!message.contains('\u{1b}'), "{name}: escape in message");
            }
            Ok(file) => {
                // A well-formed file with hostile text: it loads, and the text is made safe.
                let s = Session::resume(guide(), file).expect("resume");
                assert_eq!(s.record.group, "]0;pwned", "{name}");
            }
            Err(other) => panic!("{name}: {other}"),
        }
        assert_eq!(
            std::fs::read(&path).expect("read"),
            bytes,
            "{name} was changed"
        );
        // The report command refuses broken files and leaves them as they were.
        let out = support::cli::run(
            &[
                "report",
                "--guide",
                "guides/decision-making.ron",
                path.to_str().expect("path"),
            ],
            "",
        );
        if name != "escape" {
            // A broken session file is a data error, like a broken guide.
            assert_eq!(out.status.code(), Some(1), "{name}");
        }
        assert_eq!(
            std::fs::read(&path).expect("read"),
            bytes,
            "{name} was changed by report"
        );
    }
}

#[test]
fn a_session_of_another_guide_is_refused() {
    let file =
        SessionFile::parse("x", "Session(format: 1, guide: \"other-guide\")").expect("parse");
    assert!(matches!(
        Session::resume(guide(), file),
        Err(SessionError::OtherGuide { .. })
    ));
}

#[test]
fn a_session_from_a_newer_format_is_refused() {
    assert!(matches!(
        SessionFile::parse("x", "Session(format: 99, guide: \"decision-making\")"),
        Err(SessionError::NewerFormat(99))
    ));
}

#[test]
fn a_session_from_an_older_guide_version_resumes_and_keeps_every_answer() {
    // Version 0.9 of the guide had a question "budget" that 1.0.0 no longer has.
    let text = r#"Session(
        format: 1,
        guide: "decision-making",
        guide_version: "0.9.0",
        group: "E",
        at: "budget",
        answers: [("size", "small"), ("budget", "tight"), ("pace", "slow")],
        notes: [("budget", "Money is short.")],
    )"#;
    let file = SessionFile::parse("old.ron", text).expect("parse");
    let s = Session::resume(guide(), file).expect("resume");
    assert_eq!(s.record.older_version.as_deref(), Some("0.9.0"));
    // Answers that still apply are replayed; the walk goes on from the first unanswered question
    // (the recorded question no longer exists).
    assert_eq!(current(&s), "disagreement");
    assert_eq!(
        s.record.kept,
        vec![("budget".to_string(), "tight".to_string())]
    );
    // Saving keeps the vanished answer and its note, now under the new version.
    let saved = s.to_file(store::now_rfc3339());
    assert!(saved
        .answers
        .contains(&("budget".to_string(), "tight".to_string())));
    assert!(saved
        .notes
        .contains(&("budget".to_string(), "Money is short.".to_string())));
    assert_eq!(saved.guide_version, "1.0.0");
}

#[test]
fn the_leading_answer_needs_a_clear_majority() {
    let mut s = new_session("F");
    let size = s.walk.guide().index.question("size").expect("q");
    assert_eq!(s.record.leading_answer(s.walk.guide(), size), None);
    s.record.add_hands("size", "small", 3);
    s.record.add_hands("size", "large", 3);
    assert_eq!(
        s.record.leading_answer(s.walk.guide(), size),
        None,
        "a tie is the facilitator's call"
    );
    s.record.add_hands("size", "large", 1);
    assert_eq!(s.record.leading_answer(s.walk.guide(), size), Some(1));
    s.record.add_hands("size", "large", -10);
    assert_eq!(s.record.hands("size", "large"), 0);
}

fn save_session(dir: &Path, group: &str, answers: &[&str], note: Option<(&str, &str)>) -> String {
    let mut s = new_session(group);
    answer(&mut s, answers);
    s.walk.apply(Action::Confirm);
    s.record.add_hands("size", answers[0], 4);
    if let Some((q, n)) = note {
        s.record.notes.insert(q.into(), n.into());
    }
    let path = dir.join(format!("{group}.ron"));
    save(&s, &path);
    path.to_str().expect("path").to_string()
}

#[test]
fn a_three_session_report_counts_outcomes_and_finds_splits() {
    let dir = tempfile::tempdir().expect("temp");
    let a = save_session(
        dir.path(),
        "Alpha",
        &["small", "slow", "block"],
        Some(("pace", "We took our time.")),
    );
    let b = save_session(dir.path(), "Beta", &["small", "slow", "objection"], None);
    let c = save_session(
        dir.path(),
        "Gamma",
        &["small", "slow", "block"],
        Some(("pace", "Urgent work worries us.")),
    );
    let run = |format: &str| {
        let out = support::cli::run(
            &[
                "report",
                "--guide",
                "guides/decision-making.ron",
                "--format",
                format,
                &a,
                &b,
                &c,
            ],
            "",
        );
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let json: serde_json::Value = serde_json::from_str(&run("json")).expect("JSON");
    assert_eq!(json["outcomes"]["consensus"], 2);
    assert_eq!(json["outcomes"]["consent"], 1);
    let questions = json["questions"].as_array().expect("questions");
    let split = |id: &str| {
        questions
            .iter()
            .find(|q| q["id"] == id)
            .map(|q| q["split"].clone())
    };
    assert_eq!(split("size"), Some(serde_json::Value::Bool(false)));
    assert_eq!(split("disagreement"), Some(serde_json::Value::Bool(true)));
    assert_eq!(json["questions"][0]["hands"]["Alpha"]["small"], 4);

    let md = run("md");
    assert!(
        md.starts_with("# Comparison of 3 groups — How should our group make decisions?"),
        "{md}"
    );
    assert!(md.contains("- **Consensus:** 2 groups"), "{md}");
    assert!(md.contains("- **Consent:** 1 group\n"), "{md}");
    assert!(md.contains("Groups split here."), "{md}");
    assert!(md.contains("## Notes side by side"), "{md}");
    assert!(md.contains("- **Alpha:** We took our time."), "{md}");
    assert!(md.contains("- **Gamma:** Urgent work worries us."), "{md}");
}

#[test]
fn a_single_session_report_is_a_handout_with_the_result() {
    let dir = tempfile::tempdir().expect("temp");
    let a = save_session(
        dir.path(),
        "Alpha",
        &["large", "no"],
        Some(("size", "Forty people.")),
    );
    let out = support::cli::run(&["report", "--guide", "guides/decision-making.ron", &a], "");
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(
        md.starts_with("# Alpha — How should our group make decisions?"),
        "{md}"
    );
    assert!(md.contains("## Your answers"), "{md}");
    // Hand counts go with the answers; notes and minutes have a section of their own.
    assert!(md.contains("   _Hands: More than twelve 4_"), "{md}");
    let (answers, rest) = md
        .split_once("## Notes and minutes")
        .expect("a section for notes");
    assert!(!answers.contains("Forty people"), "{md}");
    assert!(rest.contains("Note: Forty people."), "{md}");
    assert!(md.contains("## Majority voting"), "{md}");
    assert!(md.contains("### Next steps"), "{md}");
}

#[test]
fn a_group_name_with_control_characters_is_cleaned_before_it_is_saved() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("s.ron");
    let s = new_session(" Group\u{1b}]0;x\u{7} B ");
    assert_eq!(s.record.group, "Group]0;x B");
    save(&s, &path);
    assert!(!std::fs::read_to_string(&path)
        .expect("read")
        .contains('\u{1b}'));
}

#[test]
fn groups_with_the_same_name_stay_apart_in_a_comparison() {
    let dir = tempfile::tempdir().expect("temp");
    let a = save_session(dir.path(), "Same", &["small", "slow", "block"], None);
    let b_path = dir.path().join("other.ron");
    let mut s = new_session("Same");
    answer(&mut s, &["small", "slow", "objection"]);
    save(&s, &b_path);
    let out = support::cli::run(
        &[
            "report",
            "--guide",
            "guides/decision-making.ron",
            "--format",
            "json",
            &a,
            b_path.to_str().expect("path"),
        ],
        "",
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let groups: Vec<&str> = json["sessions"]
        .as_array()
        .expect("sessions")
        .iter()
        .filter_map(|s| s["group"].as_str())
        .collect();
    assert_eq!(groups, vec!["Same", "Same (2)"]);
    let disagreement = json["questions"]
        .as_array()
        .expect("questions")
        .iter()
        .find(|q| q["id"] == "disagreement")
        .cloned()
        .expect("q");
    assert_eq!(disagreement["split"], true);
}

#[test]
fn huge_recorded_times_saturate_instead_of_overflowing() {
    let file = SessionFile::parse("x", "Session(format: 1, guide: \"decision-making\", seconds: [(\"size\", 18446744073709551615)])").expect("parse");
    let mut s = Session::resume(guide(), file).expect("resume");
    s.record.add_seconds("size", 10);
    assert_eq!(s.record.seconds.get("size"), Some(&u64::MAX));
}

#[test]
fn showing_a_session_in_another_language_does_not_change_its_record() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("s.ron");
    let mut s = new_session("G");
    answer(&mut s, &["small"]);
    save(&s, &path);
    // The same session shown through a guide whose texts are in Spanish keeps its language.
    let mut spanish = (*guide()).clone();
    spanish.language = "es".into();
    let back = Session::resume(Arc::new(spanish), read(&path)).expect("resume");
    assert_eq!(back.to_file(store::now_rfc3339()).language, "en");
}

#[test]
fn reopening_a_session_under_another_group_name_is_refused_and_leaves_it_untouched() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("team-a.ron");
    save(&new_session("Team A"), &path);
    let before = std::fs::read(&path).expect("read");
    let out = support::cli::run(
        &[
            "facilitate",
            "guides/decision-making.ron",
            "--session",
            path.to_str().expect("path"),
            "--group",
            "Team Z",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("is the session of group \"Team A\", not \"Team Z\""));
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

/// Runs `report --guide guides/decision-making.ron ARGS…` and returns (exit code, standard
/// output, standard error).
fn report(args: &[&str]) -> (Option<i32>, String, String) {
    let mut all = vec!["report", "--guide", "guides/decision-making.ron"];
    all.extend_from_slice(args);
    let out = support::cli::run(&all, "");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_json_report_carries_guide_versions_finished_times_and_hands() {
    let dir = tempfile::tempdir().expect("temp");
    let a = save_session(dir.path(), "Alpha", &["large", "no"], None);
    let path = dir.path().join("Beta.ron");
    let mut s = new_session("Beta");
    answer(&mut s, &["small"]);
    s.record.add_hands("size", "small", 3);
    s.record.add_hands("size", "large", 3);
    s.record.add_seconds("size", 130);
    save(&s, &path);
    let (code, out, err) = report(&["--format", "json", &a, path.to_str().expect("path")]);
    assert_eq!(code, Some(0), "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(json["guide_version"], "1.0.0");
    let alpha = &json["sessions"][0];
    assert_eq!(alpha["guide_version"], "1.0.0");
    assert_eq!(alpha["finished"], true);
    assert_eq!(alpha["outcome"], "majority");
    assert_eq!(alpha["hands"]["size"]["large"], 4);
    assert!(alpha["created"].as_str().is_some_and(|c| c.ends_with('Z')));
    let beta = &json["sessions"][1];
    assert_eq!(beta["finished"], false);
    assert_eq!(beta["seconds"]["size"], 130);
    assert_eq!(beta["hands"]["size"]["small"], 3);
}

#[test]
fn the_markdown_flags_ties_and_keeps_notes_and_minutes_apart_from_hands() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("tie.ron");
    let mut s = new_session("Tie");
    answer(&mut s, &["small", "slow", "block"]);
    s.walk.apply(Action::Confirm);
    s.record.add_hands("size", "small", 3);
    s.record.add_hands("size", "large", 3);
    s.record.add_seconds("pace", 300);
    s.record
        .notes
        .insert("pace".into(), "Urgent work worries us.".into());
    save(&s, &path);
    let (code, md, err) = report(&[path.to_str().expect("path")]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        md.contains("_Hands: Up to about twelve 3 · More than twelve 3 (tied)_"),
        "{md}"
    );
    let (answers, rest) = md.split_once("## Notes and minutes").expect("{md}");
    assert!(
        !answers.contains("min") && !answers.contains("Urgent"),
        "{answers}"
    );
    assert!(
        rest.contains("- **How quickly do most of your decisions need to be made?**\n  _5 min spent on it · Note: Urgent work worries us._"),
        "{rest}"
    );
    // The comparison flags the tie too.
    let other = save_session(dir.path(), "Other", &["small", "slow", "objection"], None);
    let (_, md, _) = report(&[path.to_str().expect("path"), &other]);
    assert!(
        md.contains("Up to about twelve 3 · More than twelve 3 (tied)"),
        "{md}"
    );
}

#[test]
fn the_same_session_file_given_twice_is_refused() {
    let dir = tempfile::tempdir().expect("temp");
    let a = save_session(dir.path(), "Alpha", &["large", "no"], None);
    let (code, out, err) = report(&[&a, &a]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("is given twice"), "{err}");
    assert!(out.is_empty());
    // Under another name: a link to it.
    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink(&a, &link).expect("symlink");
    let (code, _, err) = report(&[&a, link.to_str().expect("path")]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("are the same session file"), "{err}");
}

#[test]
fn one_unreadable_file_among_several_is_reported_and_the_others_compared() {
    let dir = tempfile::tempdir().expect("temp");
    let a = save_session(dir.path(), "Alpha", &["large", "no"], None);
    let b = save_session(dir.path(), "Beta", &["large", "yes"], None);
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "Session(format: 2, guide: ").expect("write");
    let (code, md, err) = report(&[&a, broken.to_str().expect("path"), &b]);
    assert_eq!(code, Some(1), "the failure is not hidden: {err}");
    assert!(err.contains("broken.ron"), "{err}");
    assert!(
        err.contains("1 of 3 session files could not be used"),
        "{err}"
    );
    assert!(md.starts_with("# Comparison of 2 groups"), "{md}");
    assert!(
        md.contains("**Alpha:**") && md.contains("**Beta:**"),
        "{md}"
    );
}

#[test]
fn a_report_on_a_session_of_another_guide_version_says_so_and_what_it_had_reached() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("old.ron");
    // Recorded with version 0.9.0, where "budget" came before the result "consensus".
    let text = r#"Session(
        format: 2,
        guide: "decision-making",
        guide_version: "0.9.0",
        group: "Old",
        finished: true,
        answers: [("size", "small"), ("pace", "slow"), ("budget", "tight")],
        tallies: [Tally(question: "budget", hands: [("tight", 6)])],
        notes: [("budget", "Money is short.")],
        result: "consensus",
        result_title: "Consensus",
        texts: [Seen(question: "budget", text: "How much money can you spend?", answers: [("tight", "Very little")])],
    )"#;
    std::fs::write(&path, text).expect("write");
    let (code, md, err) = report(&[path.to_str().expect("path")]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains("recorded with guide version 0.9.0; the report uses version 1.0.0"),
        "{err}"
    );
    assert!(
        md.contains("recorded with guide version 0.9.0; this hand-out uses version 1.0.0"),
        "{md}"
    );
    assert!(
        md.contains("The session reached “Consensus” with guide version 0.9.0"),
        "{md}"
    );
    assert!(!md.contains("has not reached a result yet"), "{md}");
    // What this version no longer asks, with the question's text as last seen.
    assert!(
        md.contains("## From an earlier version of the guide"),
        "{md}"
    );
    assert!(
        md.contains("- **How much money can you spend?** The group answered: “Very little” · Hands: Very little 6 · Note: Money is short."),
        "{md}"
    );
    assert!(!md.contains("budget"), "no raw ids: {md}");
    let (_, json, _) = report(&["--format", "json", path.to_str().expect("path")]);
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(json["guide_version"], "1.0.0");
    assert_eq!(json["sessions"][0]["guide_version"], "0.9.0");
    assert_eq!(json["sessions"][0]["finished"], true);
    assert_eq!(json["sessions"][0]["recorded_outcome"], "consensus");
}
