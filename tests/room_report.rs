//! `report` on a session with remote votes: the hand-out and the comparison say them beside
//! the hands, and the JSON carries them; a session without any says nothing of them.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]

mod support;

use support::cli::run;
use support::DECISION;

const WITH_VOTES: &str = r#"Session(
    format: 1,
    guide: "decision-making",
    guide_version: "1.0.0",
    group: "Hybrid",
    answers: [("size", "large")],
    at: "delegation",
    tallies: [Tally(question: "size", hands: [("large", 2)])],
    online: [Online(question: "size", votes: [("large", 7), ("small", 3)])],
)"#;

#[test]
fn the_hand_out_and_the_json_say_the_remote_votes() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("hybrid.ron");
    std::fs::write(&path, WITH_VOTES).expect("write");
    let path = path.to_str().expect("path");
    let md = run(&["report", path, "--guide", DECISION, "--format", "md"], "");
    assert_eq!(
        md.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&md.stderr)
    );
    let md = String::from_utf8_lossy(&md.stdout);
    assert!(md.contains("Hands: More than twelve 2"), "{md}");
    assert!(
        md.contains("Online: Up to about twelve 3 · More than twelve 7"),
        "{md}"
    );
    let json = run(
        &["report", path, "--guide", DECISION, "--format", "json"],
        "",
    );
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let size = json["questions"]
        .as_array()
        .expect("questions")
        .iter()
        .find(|q| q["id"] == "size")
        .expect("size");
    assert_eq!(size["online"]["Hybrid"]["large"], 7);
    assert_eq!(size["hands"]["Hybrid"]["large"], 2);
}

#[test]
fn a_session_without_remote_votes_reports_none() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("room.ron");
    std::fs::write(
        &path,
        WITH_VOTES.replace(
            "    online: [Online(question: \"size\", votes: [(\"large\", 7), (\"small\", 3)])],\n",
            "",
        ),
    )
    .expect("write");
    let path = path.to_str().expect("path");
    let md = run(&["report", path, "--guide", DECISION, "--format", "md"], "");
    assert!(!String::from_utf8_lossy(&md.stdout).contains("Online"));
    let json = run(
        &["report", path, "--guide", DECISION, "--format", "json"],
        "",
    );
    assert!(!String::from_utf8_lossy(&json.stdout).contains("\"online\""));
}
