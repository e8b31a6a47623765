//! Conditions through the commands people run: the plain mode offers only the answers a group
//! is offered, the result says "Because you are…" and lists what would change it one outcome a
//! line, and `paths`, `test` and `markdown` follow the conditions. On `guides/co-op-pay.ron`:
//! "stage" and "size" are situation questions, "few" has a conditional link, "keep-scale" is
//! offered only to running co-ops.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]

mod support;

const PAY: &str = "guides/co-op-pay.ron";

fn run(args: &[&str], input: &str) -> (i32, String) {
    let out = support::cli::run(args, input);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("utf-8"),
    )
}

/// The part of a Markdown document under a `## ` heading.
fn section<'a>(md: &'a str, heading: &str) -> &'a str {
    let start = md
        .find(&format!("## {heading}\n"))
        .unwrap_or_else(|| panic!("no section {heading}:\n{md}"));
    let rest = &md[start + 3..];
    match rest.find("\n## ") {
        Some(end) => &rest[..end],
        None => rest,
    }
}

#[test]
fn the_plain_mode_lists_only_offered_answers_and_numbers_them_as_shown() {
    // A new co-op: "Keep the pay scale we already have" is not offered, so "3" is "Not sure yet".
    let (code, out) = run(&["play", "--plain", PAY], "1\n1\n2\n3\n\n");
    assert_eq!(code, 0, "{out}");
    let asked = out
        .split("What should make one member's pay differ")
        .nth(1)
        .expect("the difference question");
    let listed: Vec<&str> = asked.lines().take(4).collect();
    assert_eq!(
        listed,
        [
            " from another's?",
            "   1. Only the hours each member works",
            "   2. Responsibility or skills, within a limit",
            "   3. Not sure yet",
        ]
    );
    assert!(!out.contains("Keep the pay scale"), "{out}");
    assert!(
        out.contains("To revisit"),
        "\"Not sure yet\" was chosen:\n{out}"
    );
    // A running co-op is offered it, as the third answer.
    let (_, out) = run(&["play", "--plain", PAY], "2\n2\n2\n3\n\n");
    assert!(
        out.contains("   3. Keep the pay scale we already have"),
        "{out}"
    );
    assert!(out.contains("Keep your pay system and review it"), "{out}");
}

#[test]
fn the_result_says_because_you_are_and_what_would_change_it_one_outcome_a_line() {
    let (code, md) = run(
        &["play", "--plain", "--output", "md", PAY],
        "2\n1\n2\n2\n3\n\n",
    );
    assert_eq!(code, 0, "{md}");
    let because = section(&md, "Because you are…");
    assert!(
        because.contains("Where does your group stand?"),
        "{because}"
    );
    assert!(
        because.contains("How many members share the pay?"),
        "{because}"
    );
    let why = section(&md, "Why this fits: your answers");
    assert!(!why.contains("Where does your group stand?"), "{why}");
    let change = section(&md, "What would change it");
    assert!(
        change.contains("Other choices could lead to 3 other outcomes:"),
        "{change}"
    );
    assert!(
        change.contains(
            "- **Choose “Much the same work and hours” at “How alike is the work members do?”** → Equal pay\n"
        ),
        "{change}"
    );
    // Never a situation the group cannot change.
    assert!(!change.contains("Where does your group stand?"), "{change}");
    assert!(!change.contains("How many members"), "{change}");
    // One outcome a line: no line names two outcomes.
    let titles = ["Equal pay", "Equal hourly rate", "Pay within a ratio"];
    for line in change.lines() {
        let named = titles.iter().filter(|t| line.contains(*t)).count();
        assert!(named <= 1, "titles joined on one line: {line}");
    }
    for title in titles {
        assert_eq!(
            change.matches(&format!("** → {title}\n")).count(),
            1,
            "{title} once:\n{change}"
        );
    }
}

#[test]
fn one_other_outcome_is_said_in_the_singular() {
    // Paying by the hour, then the work changed to alike from the review: the kept answer
    // about hours is one change away.
    let (code, md) = run(
        &["play", "--plain", "--output", "md", PAY],
        "1\n1\n2\n1\n3\n1\n\n",
    );
    assert_eq!(code, 0, "{md}");
    assert!(md.starts_with("# Equal pay"), "{md}");
    let change = section(&md, "What would change it");
    assert!(
        change.contains("Another choice could lead to 1 other outcome:"),
        "{change}"
    );
    assert!(change.contains("** → Equal hourly rate\n"), "{change}");
}

#[test]
fn outcomes_after_more_questions_say_so() {
    let (_, md) = run(&["play", "--plain", "--output", "md", PAY], "1\n2\n1\n\n");
    let change = section(&md, "What would change it");
    // One choice leads to both: it heads them, one outcome a line.
    assert!(
        change.contains(
            "### Choose “Different roles, skills or hours” at “How alike is the work members do?”\n\n- → Equal hourly rate (after more questions)\n- → Pay within a ratio (after more questions)\n"
        ),
        "{change}"
    );
}

#[test]
fn json_carries_the_path_the_situation_and_the_changes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let answers = dir.path().join("answers.txt");
    std::fs::write(
        &answers,
        "stage: running\nsize: few\ncurrent: no\nwork: varied\ndifference: keep-scale\n",
    )
    .expect("write");
    let (code, out) = run(
        &[
            "play",
            "--answers",
            answers.to_str().expect("path"),
            "--output",
            "json",
            PAY,
        ],
        "",
    );
    assert_eq!(code, 0, "{out}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(json["outcome"]["id"], "keep");
    assert_eq!(json["path"].as_array().map(Vec::len), Some(5));
    let situation: Vec<&str> = json["situation"]
        .as_array()
        .expect("situation")
        .iter()
        .filter_map(|s| s["question"].as_str())
        .collect();
    assert_eq!(situation, ["stage", "size"]);
    let changes = json["changes"].as_array().expect("changes");
    let flat: Vec<(String, String, String, bool)> = changes
        .iter()
        .flat_map(|c| {
            c["outcomes"]
                .as_array()
                .expect("outcomes")
                .iter()
                .map(move |o| {
                    (
                        c["question"].as_str().unwrap_or("").to_string(),
                        c["answer"].as_str().unwrap_or("").to_string(),
                        o["id"].as_str().unwrap_or("").to_string(),
                        o["after_more_questions"].as_bool().unwrap_or(true),
                    )
                })
        })
        .collect();
    let expected = [
        ("work", "alike", "equal"),
        ("difference", "hours", "hourly"),
        ("difference", "role", "ratio"),
    ]
    .map(|(q, a, o)| (q.to_string(), a.to_string(), o.to_string(), false));
    assert_eq!(flat, expected);
}

#[test]
fn a_replayed_answer_that_is_not_offered_is_asked_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    let answers = dir.path().join("answers.txt");
    // "keep-scale" is only for running co-ops: the question is asked, and input runs out there.
    std::fs::write(
        &answers,
        "stage: starting\nsize: many\nwork: varied\ndifference: keep-scale\n",
    )
    .expect("write");
    let out = support::cli::run(
        &["play", "--answers", answers.to_str().expect("path"), PAY],
        "",
    );
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("\"difference\""), "{err}");
}

#[test]
fn paths_and_test_follow_the_conditions() {
    let (code, table) = run(&["paths", PAY], "");
    assert_eq!(code, 0, "{table}");
    assert!(table.contains("\n19 paths\n"), "{table}");
    // New co-ops never see "current" nor "keep-scale".
    for line in table.lines().filter(|l| l.contains("stage=starting")) {
        assert!(
            !line.contains("current=") && !line.contains("keep-scale"),
            "{line}"
        );
    }
    let (code, report) = run(&["test", PAY], "");
    assert_eq!(code, 0, "{report}");
    assert!(
        report.contains("paths: 19 from the start, every one ends at an outcome"),
        "{report}"
    );
    assert!(
        report.contains("answers taken:    12/12 by paths, 12/12 by test cases"),
        "{report}"
    );
}

#[test]
fn the_guide_as_markdown_tags_conditional_items_in_words() {
    let (code, md) = run(&["markdown", PAY], "");
    assert_eq!(code, 0, "{md}");
    assert!(
        md.contains(
            "only its fairness is in question. \\[only if: Where does your group stand? = We already run a co-op together\\]"
        ),
        "the conditional answer is tagged:\n{md}"
    );
    assert!(
        md.contains("→ Q3 Does the way you pay members now work for everyone? (only if: Where does your group stand? = We already run a co-op together); otherwise → Q4 How alike is the work members do?"),
        "the conditional link lists its cases:\n{md}"
    );
    assert!(
        md.contains(
            "Next step (only if: Where does your group stand? = We already run a co-op together)"
        ),
        "the conditional step is tagged:\n{md}"
    );
    assert!(
        md.contains("Next step (only if: Spread of pay = Graded)"),
        "{md}"
    );
    assert!(md.contains("About the group's situation"), "{md}");
    // Conditional items and paragraphs are all listed, each tagged.
    for tagged in [
        "- **Pro (only if: How many members share the pay? = More than ten):** A written ratio",
        "- **Costs (only if: Where does your group stand? = We are starting a new co-op):** A new co-op has to agree the grades",
        "- **Why we ask (only if: Where does your group stand? = We already run a co-op together):** Think of the work as it is now",
        "- **Facilitator notes (only if: How many members share the pay? = More than ten):** In a group this size",
        "(only if: Spread of pay = Graded) Your scale pays roles differently",
        "_A small group can talk pay through together. \\[only if: Where does your group stand? = We already run a co-op together\\] You can start from what each member is paid today._",
    ] {
        assert!(md.contains(tagged), "{tagged}\n{md}");
    }
}
