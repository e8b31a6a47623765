//! `check`: every diagnostic code has a fixture that triggers it at a known line and column, and
//! hostile input gets a clear error, never a panic or a hang.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]

mod support;

use std::path::Path;
use std::process::Command;

use coop_guide::guide::{check_path, check_source, Code, Severity, Source};

/// (fixture, code, line, column) — the primary place each fixture's problem is reported.
const FIXTURES: &[(&str, &str, usize, usize)] = &[
    ("G0001-syntax", "G0001", 14, 44),
    ("G0101-unknown-field", "G0101", 14, 33),
    ("G0102-missing-field", "G0102", 14, 17),
    ("G0103-wrong-type", "G0103", 19, 19),
    ("G0104-unknown-link", "G0104", 14, 51),
    ("G0105-duplicate-field", "G0105", 11, 13),
    ("G0106-wrong-name", "G0106", 27, 9),
    ("G0201-duplicate-id", "G0201", 18, 17),
    ("G0202-invalid-id", "G0202", 18, 17),
    ("G0203-missing-question", "G0203", 13, 56),
    ("G0204-missing-outcome", "G0204", 14, 55),
    ("G0205-bad-start", "G0205", 6, 12),
    ("G0206-no-answers", "G0206", 18, 17),
    ("G0207-unknown-value", "G0207", 14, 53),
    ("G0208-test-unknown-answer", "G0208", 30, 47),
    ("G0209-test-unknown-outcome", "G0209", 30, 62),
    ("G0210-unknown-related", "G0210", 27, 80),
    ("G0211-unknown-in-condition", "G0211", 25, 49),
    ("G0211-unknown-in-text", "G0211", 23, 46),
    ("G0212-never-asked-before", "G0212", 16, 60),
    ("G0212-why-reads-a-later-question", "G0212", 12, 45),
    ("G0213-all-hidden", "G0213", 20, 17),
    ("G0214-trapped", "G0214", 18, 17),
    ("G0215-format-version", "G0215", 3, 13),
    ("G0301-unreachable-question", "G0301", 18, 17),
    ("G0302-unreachable-outcome", "G0302", 28, 21),
    ("G0303-dead-end", "G0303", 18, 17),
    ("G0304-cycle", "G0304", 23, 57),
    ("G0305-empty-text", "G0305", 19, 19),
    ("G0306-duplicate-label", "G0306", 14, 40),
    ("G0307-no-pros-or-cons", "G0307", 27, 21),
    ("G0308-no-why", "G0308", 18, 17),
    ("G0309-control-chars", "G0309", 19, 19),
    ("G0320-invisible-chars", "G0320", 19, 19),
    ("G0310-case-never-taken", "G0310", 26, 36),
    ("G0311-otherwise-never-taken", "G0311", 26, 32),
    ("G0312-answer-never-offered", "G0312", 28, 51),
    ("G0313-format-undeclared", "G0313", 12, 24),
    ("G0314-too-many-walks", "G0314", 8, 12),
    ("G0315-never-reached", "G0315", 33, 17),
    ("G0316-item-never-shown", "G0316", 38, 53),
    ("G0316-text-never-shown", "G0316", 23, 36),
    ("G0316-text-never-shown", "G0316", 34, 30),
];

fn fixture(name: &str) -> String {
    format!("tests/fixtures/check/{name}.ron")
}

#[test]
fn the_base_fixtures_are_clean() {
    for base in ["base", "base-conditions"] {
        let checked = check_path(Path::new(&fixture(base)));
        assert!(
            checked.diagnostics.is_empty(),
            "{base}: {:?}",
            checked.diagnostics
        );
    }
}

#[test]
fn every_code_is_reported_at_its_line_and_column() {
    for &(name, code, line, col) in FIXTURES {
        let checked = check_path(Path::new(&fixture(name)));
        let found: Vec<(String, usize, usize)> = checked
            .diagnostics
            .iter()
            .map(|d| {
                let at = d
                    .span()
                    .map(|s| checked.source.line_col(s.start))
                    .unwrap_or_default();
                (d.code.as_str().to_string(), at.line, at.col)
            })
            .collect();
        assert!(
            found.contains(&(code.to_string(), line, col)),
            "{name}: expected {code} at {line}:{col}, found {found:?}"
        );
        let errors_expected = code < "G0300";
        assert_eq!(checked.has_errors(), errors_expected, "{name}: {found:?}");
        assert_eq!(checked.guide.is_some(), !errors_expected, "{name}");
    }
}

#[test]
fn every_code_in_the_catalogue_has_a_fixture_or_a_test() {
    // G0002 (unreadable) is made by the hostile-input tests below; translation codes (G04xx) by
    // tests/i18n.rs; the reader's syntax and shape codes by the fixtures in tests/fixtures/syntax
    // (tests/syntax.rs).
    let syntax: Vec<String> = std::fs::read_dir("tests/fixtures/syntax")
        .expect("syntax fixtures")
        .filter_map(|e| Some(e.ok()?.file_name().to_string_lossy().into_owned()))
        .collect();
    for code in Code::ALL {
        let covered = FIXTURES.iter().any(|f| f.1 == code.as_str())
            || code.as_str() == "G0002"
            || code.as_str().starts_with("G04")
            || syntax.iter().any(|f| f.starts_with(code.as_str()));
        assert!(covered, "{code} has no fixture");
    }
}

#[test]
fn diagnostics_suggest_the_likely_fix() {
    let checked = check_path(Path::new(&fixture("G0203-missing-question")));
    let d = checked
        .diagnostics
        .iter()
        .find(|d| d.code == Code::MissingQuestion)
        .expect("G0203");
    assert_eq!(d.help.as_deref(), Some("did you mean \"two\"?"));
    let checked = check_path(Path::new(&fixture("G0101-unknown-field")));
    assert_eq!(
        checked.diagnostics[0].help.as_deref(),
        Some("did you mean `label`?")
    );
    let checked = check_path(Path::new(&fixture("G0211-unknown-in-condition")));
    assert_eq!(
        checked.diagnostics[0].help.as_deref(),
        Some("did you mean \"one\"?")
    );
}

#[test]
fn duplicate_ids_show_both_places() {
    let checked = check_path(Path::new(&fixture("G0201-duplicate-id")));
    let d = checked
        .diagnostics
        .iter()
        .find(|d| d.code == Code::DuplicateId)
        .expect("G0201");
    let first = d.secondary[0].clone();
    let coop_guide::guide::diagnostic::Locus::Span(span) = first.at else {
        panic!("unresolved secondary label");
    };
    assert_eq!(checked.source.line_col(span.start).line, 9);
}

#[test]
fn control_characters_never_reach_the_loaded_guide() {
    let checked = check_path(Path::new(&fixture("G0309-control-chars")));
    let guide = checked.guide.expect("warnings only");
    assert_eq!(guide.questions[1].text, "Second]0;pwned?");
}

fn assert_one_clear_error(checked: &coop_guide::guide::Checked, code: &str) {
    assert!(checked.has_errors());
    assert!(checked.guide.is_none());
    let d = &checked.diagnostics[0];
    assert_eq!(d.code.as_str(), code, "{:?}", checked.diagnostics);
    assert_eq!(d.severity(), Severity::Error);
    assert!(!d.message.is_empty());
}

#[test]
fn hostile_inputs_get_a_clear_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Random bytes (not UTF-8).
    let random: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let path = dir.path().join("random.ron");
    std::fs::write(&path, &random).expect("write");
    assert_one_clear_error(&check_path(&path), "G0002");
    // An empty file.
    let path = dir.path().join("empty.ron");
    std::fs::write(&path, "").expect("write");
    assert_one_clear_error(&check_path(&path), "G0001");
    // A directory.
    assert_one_clear_error(&check_path(dir.path()), "G0002");
    // A missing file.
    assert_one_clear_error(&check_path(&dir.path().join("nope.ron")), "G0002");
    // Deep nesting inside a value.
    let deep = format!(
        "Guide(id: \"g\", title: \"t\", start: \"q\", tests: [Test(name: {}",
        "[".repeat(200_000)
    );
    assert_one_clear_error(&check_source(Source::new("deep.ron", deep)), "G0011");
    let deep = format!("Guide(id: \"g\", title: {}", "(".repeat(200_000));
    let checked = check_source(Source::new("deep.ron", deep));
    assert!(checked.has_errors());
}

#[test]
fn fifty_megabytes_of_garbage_is_a_bounded_list_of_errors() {
    let garbage: String = "Guide(questions: [ ]] }{ 12 \"x"
        .chars()
        .cycle()
        .take(50 * 1024 * 1024)
        .collect();
    let checked = check_source(Source::new("garbage.ron", garbage));
    assert!(checked.has_errors());
    assert!(
        checked.diagnostics.len() <= 101,
        "{}",
        checked.diagnostics.len()
    );
}

fn run(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_coop-guide"))
        .args(args)
        .output()
        .expect("run binary");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn check_command_names_the_line_and_exits_1_on_errors() {
    let (code, out) = run(&["check", "--format", "short", &fixture("G0001-syntax")]);
    assert_eq!(code, 1);
    assert!(
        out.contains("G0001-syntax.ron:14:44: error[G0001]"),
        "{out}"
    );
    let (code, out) = run(&["check", &fixture("G0203-missing-question")]);
    assert_eq!(code, 1);
    assert!(
        out.contains("--> tests/fixtures/check/G0203-missing-question.ron:13:56"),
        "{out}"
    );
    assert!(out.contains("= help: did you mean \"two\"?"), "{out}");
}

#[test]
fn check_command_exits_0_with_warnings_only() {
    let (code, out) = run(&["check", &fixture("G0304-cycle"), &fixture("base")]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("checked 2 files: 0 errors, 1 warning"),
        "{out}"
    );
}

#[test]
fn check_command_json_lists_every_file() {
    let (code, out) = run(&[
        "check",
        "--format",
        "json",
        &fixture("G0205-bad-start"),
        &fixture("G0304-cycle"),
    ]);
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let list = json.as_array().expect("an array");
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["code"], "G0205");
    assert_eq!(list[0]["start"]["line"], 6);
    assert_eq!(list[1]["severity"], "warning");
}

#[test]
fn check_command_rejects_unknown_options_with_exit_2() {
    let (code, _) = run(&["check", "--format", "xml"]);
    assert_eq!(code, 2);
}

#[test]
fn the_starter_guide_and_the_example_guides_are_clean() {
    let starter = check_source(Source::new("starter", coop_guide::guide::STARTER_GUIDE));
    assert!(starter.diagnostics.is_empty(), "{:?}", starter.diagnostics);
    let default = coop_guide::guide::default_guide();
    assert!(default.diagnostics.is_empty(), "{:?}", default.diagnostics);
    for entry in std::fs::read_dir("guides").expect("guides folder") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "ron")
            && !coop_guide::guide::translation::is_translation_path(&path)
        {
            let checked = check_path(&path);
            assert!(
                checked.diagnostics.is_empty(),
                "{}: {:?}",
                path.display(),
                checked.diagnostics
            );
        }
    }
}

#[test]
fn new_writes_a_starter_that_passes_check_and_never_overwrites() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("mine.ron");
    let file = file.to_str().expect("utf-8 path");
    let (code, _) = run(&["new", file]);
    assert_eq!(code, 0);
    let (code, out) = run(&["check", file]);
    assert_eq!(code, 0, "{out}");
    let (code, out) = run(&["test", file]);
    assert_eq!(code, 0, "{out}");
    let (code, _) = run(&["new", file]);
    assert_eq!(code, 2);
}

#[test]
fn a_long_generated_guide_is_clean_and_its_deepest_path_is_measured() {
    // One branching chain of 20,000 questions: recursion anywhere would overflow the stack.
    let n = 20_000;
    let checked = check_source(Source::new(
        "synthetic.ron",
        coop_guide::guide::synthetic::guide_text(n),
    ));
    assert!(
        checked.diagnostics.is_empty(),
        "{:?}",
        &checked.diagnostics[..checked.diagnostics.len().min(3)]
    );
    let guide = checked.guide.expect("valid");
    let start = guide.index.start().expect("start");
    assert_eq!(guide.index.questions_left(start), Some((1, n as u32)));
}

#[test]
fn the_readme_lists_every_diagnostic_code() {
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    for code in Code::ALL {
        let row = format!(
            "| {} | {} |",
            code.as_str(),
            match code.severity() {
                Severity::Error => "error",
                Severity::Warning => "warning",
            }
        );
        assert!(readme.contains(&row), "README has no row for {code}");
    }
}

#[test]
fn no_field_of_a_hostile_guide_reaches_output_raw() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("hostile.ron");
    let base = std::fs::read_to_string("guides/decision-making.ron").expect("guide");
    let esc = "\\u{1b}]0;pwned\\u{7}";
    let hostile = base
        .replace("version: \"1.0.0\"", &format!("version: \"1{esc}\""))
        .replace(
            "Example(name: \"Many housing co-ops\", text: \"Use consensus for decisions about shared homes.\")",
            &format!("Example(name: \"Many housing co-ops\", text: \"Text.\", source: \"http://x{esc}\")"),
        )
        .replace("name: \"a small group in a hurry\"", &format!("name: \"hurry{esc}\""));
    assert_eq!(
        hostile.matches("pwned").count(),
        3,
        "every field was made hostile"
    );
    std::fs::write(&path, hostile).expect("write");
    let file = path.to_str().expect("path");
    let run = support::cli::run;
    for (args, input) in [
        (vec!["play", "--plain", file], "1\n1\n1\n\n"),
        (vec!["play", "--output", "md", file], "1\n1\n1\n\n"),
        (vec!["test", file], ""),
        (vec!["markdown", file], ""),
        (vec!["paths", file], ""),
        (vec!["i18n", "status", file], ""),
        (vec!["graph", "tests/fixtures/edit/hostile-ids.ron"], ""),
        (
            vec![
                "graph",
                "--format",
                "mermaid",
                "tests/fixtures/edit/hostile-ids.ron",
            ],
            "",
        ),
        (vec!["play", "--lang", "\u{1b}[2J", file], ""),
        (vec!["play", "--from", "\u{1b}[2J", file], ""),
    ] {
        let out = run(&args, input);
        assert!(!out.stdout.contains(&0x1b), "{args:?}: escape on stdout");
        assert!(!out.stderr.contains(&0x1b), "{args:?}: escape on stderr");
    }
    assert_eq!(
        run(&["play", "--lang", "../../x", file], "").status.code(),
        Some(2)
    );
}

#[test]
fn a_language_that_is_not_a_tag_is_reported() {
    let text = std::fs::read_to_string("tests/fixtures/check/base.ron")
        .expect("base")
        .replace(
            "title: \"Base\",",
            "title: \"Base\",\n    language: \"english please\",",
        );
    let checked = check_source(Source::new("lang.ron", text));
    let d = checked
        .diagnostics
        .iter()
        .find(|d| d.code == Code::InvalidId)
        .expect("G0202");
    assert!(d.message.contains("not a language tag"), "{}", d.message);
}

/// (code, line, column, message) of every diagnostic of a guide's text.
fn found(text: &str) -> Vec<(&'static str, usize, usize, String)> {
    let checked = check_source(Source::new("t.ron", text));
    checked
        .diagnostics
        .iter()
        .map(|d| {
            let at = d
                .span()
                .map(|s| checked.source.line_col(s.start))
                .unwrap_or_default();
            (d.code.as_str(), at.line, at.col, d.message.clone())
        })
        .collect()
}

#[test]
fn ids_deep_inside_a_condition_are_located_with_a_suggestion() {
    let base = std::fs::read_to_string(fixture("base-conditions")).expect("base");
    let text = base.replace(
        r#"Case(when: Answered("one", "a"), next: End("done"))"#,
        r#"Case(when: All([Any([Placed("spred", "x")]), Not(Answered("one", "bb"))]), next: End("done"))"#,
    );
    let checked = check_source(Source::new("t.ron", text.as_str()));
    // (line, column, the text pointed at, the help) of the diagnostic whose message says `what`.
    let at = |what: &str| {
        let d = checked
            .diagnostics
            .iter()
            .find(|d| d.message.contains(what))
            .unwrap_or_else(|| panic!("{what}: {:?}", checked.diagnostics));
        assert_eq!(d.code, Code::UnknownInCondition);
        let span = d.span().expect("located");
        let start = checked.source.line_col(span.start);
        (
            start.line,
            start.col,
            checked.source.text[span.start..span.end].to_string(),
            d.help.clone().unwrap_or_default(),
        )
    };
    assert_eq!(
        at("dimension \"spred\""),
        (
            25,
            57,
            "\"spred\"".to_string(),
            "add a dimension with this id, or link to an existing one".to_string()
        )
    );
    assert_eq!(
        at("no answer \"bb\""),
        (
            25,
            94,
            "\"bb\"".to_string(),
            "its answers are: a, b".to_string()
        )
    );
}

#[test]
fn a_broken_link_is_reported_once_not_also_as_a_dead_end() {
    let base = std::fs::read_to_string(fixture("base")).expect("base");
    let text = base.replace(
        r#"Answer(id: "a", label: "A", next: End("done")),
            ],"#,
        r#"Answer(id: "a", label: "A", next: Goto("nowhere")),
            ],"#,
    );
    let codes: Vec<&str> = found(&text).iter().map(|f| f.0).collect();
    assert_eq!(codes, ["G0203"]);
}

#[test]
fn a_loop_with_a_way_out_stays_a_warning() {
    let checked = check_path(Path::new(&fixture("G0304-cycle")));
    assert!(!checked.has_errors(), "{:?}", checked.diagnostics);
    let checked = check_path(Path::new(&fixture("G0214-trapped")));
    let codes: Vec<&str> = checked
        .diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .collect();
    assert_eq!(
        codes,
        ["G0214"],
        "one error for the trap, no extra loop warning"
    );
}

#[test]
fn a_generated_guide_with_conditions_everywhere_is_checked_without_errors() {
    let checked = check_source(Source::new(
        "synthetic.ron",
        coop_guide::guide::synthetic::conditional_guide_text(300),
    ));
    assert!(
        !checked.has_errors(),
        "{:?}",
        &checked.diagnostics[..3.min(checked.diagnostics.len())]
    );
    let guide = checked.guide.expect("valid");
    assert!(guide.index.flow().is_some(), "its walks are all followed");
    assert!(checked
        .diagnostics
        .iter()
        .all(|d| d.code != Code::TooManyWalks));
}

#[test]
fn format_0_is_refused_and_format_2_without_conditions_is_fine() {
    let base = std::fs::read_to_string(fixture("base")).expect("base");
    let zero = base.replace("id: \"base\",", "format: 0,\n    id: \"base\",");
    assert_eq!(found(&zero)[0].0, "G0215");
    let two = base.replace("id: \"base\",", "format: 2,\n    id: \"base\",");
    assert!(found(&two).is_empty(), "{:?}", found(&two));
}

#[test]
fn a_misspelt_condition_is_named_as_a_condition() {
    let base = std::fs::read_to_string(fixture("base-conditions")).expect("base");
    let text = base.replace(
        r#"Case(when: Answered("one", "a")"#,
        r#"Case(when: Answerd("one", "a")"#,
    );
    let checked = check_source(Source::new("t.ron", text.as_str()));
    let d = &checked.diagnostics[0];
    assert_eq!(d.code, Code::UnknownVariant);
    assert_eq!(d.message, "`Answerd` is not a kind of condition");
    assert!(
        d.help
            .as_deref()
            .is_some_and(|h| h.starts_with("did you mean `Answered`? A condition is")),
        "{:?}",
        d.help
    );
}

/// A guide of two questions, "one" (A, B) then "two" (A → "done", B → "other"), with `pros`
/// and `why` and `reason` texts given.
fn with_texts(one_why: &str, two_reason: &str, done_pros: &str, value_pros: &str) -> String {
    format!(
        r#"Guide(
    format: 2, id: "t", version: "1", title: "T", start: "one",
    dimensions: [Dimension(id: "d", name: "D", values: [
        Value(id: "v", label: "V", description: "d", pros: [{value_pros}], cons: ["c"]),
    ])],
    questions: [
        Question(id: "one", text: "One?", why: [{one_why}], answers: [
            Answer(id: "a", label: "A", sets: [("d", "v")], next: Goto("two")),
            Answer(id: "b", label: "B", next: Goto("two")),
        ]),
        Question(id: "two", text: "Two?", why: "w", answers: [
            Answer(id: "a", label: "A", reason: [{two_reason}], next: End("done")),
            Answer(id: "b", label: "B", next: End("other")),
        ]),
    ],
    outcomes: [
        Outcome(id: "done", title: "Done", pros: [{done_pros}], cons: ["c"]),
        Outcome(id: "other", title: "Other", pros: ["p"], cons: ["c"]),
    ],
)"#
    )
}

#[test]
fn texts_that_read_what_the_path_said_are_clean() {
    // Only texts read "one": the checks still follow it to the ends of the paths.
    let text = with_texts(
        r#""w""#,
        r#""r", When(Answered("one", "b"), "After B.")"#,
        r#""p", When(Answered("one", "a"), "After A."), When(Answered("two", "a"), "Always here.")"#,
        r#""p", When(Not(Answered("one", "b")), "Only A places here.")"#,
    );
    assert!(found(&text).is_empty(), "{:?}", found(&text));
}

#[test]
fn a_reason_may_read_its_own_question_and_later_ones_but_not_another_branch() {
    let later = with_texts(
        r#""w""#,
        r#"When(Answered("two", "a"), "Its own answer.")"#,
        r#""p""#,
        r#""p""#,
    );
    assert!(found(&later).is_empty(), "{:?}", found(&later));
    // "done" is reached from "two" only; a reason of "one"'s answers reading "two" is fine
    // (it is asked later on the same path), and so is a pro of "done" reading "one".
    let text = with_texts(r#""w""#, r#""r""#, r#""p""#, r#""p""#).replace(
        r#"Answer(id: "a", label: "A", sets: [("d", "v")], next: Goto("two")),"#,
        r#"Answer(id: "a", label: "A", sets: [("d", "v")], reason: [When(Answered("two", "b"), "Later.")], next: Goto("two")),
            Answer(id: "c", label: "C", reason: [When(Answered("three", "x"), "Never.")], next: End("other")),"#,
    )
    .replace(
        r#"    outcomes: ["#,
        r#"        Question(id: "three", text: "Three?", why: "w", answers: [
            Answer(id: "x", label: "X", next: End("other")),
        ]),
    ],
    outcomes: ["#,
    )
    .replace("        ]),\n    ],\n        Question(id: \"three\"", "        ]),\n        Question(id: \"three\"");
    let found = found(&text);
    let codes: Vec<&str> = found.iter().map(|f| f.0).collect();
    // "three" is never asked on a path through "one" = "c" (nor anywhere: it is unreachable).
    assert!(codes.contains(&"G0212"), "{found:?}");
    let message = &found.iter().find(|f| f.0 == "G0212").expect("G0212").3;
    assert_eq!(
        message,
        "the condition reads question \"three\", which is never asked on a path through question \"one\""
    );
}

#[test]
fn a_why_may_not_read_its_own_question() {
    let text = with_texts(
        r#""w", When(Answered("one", "a"), "Not yet.")"#,
        r#""r""#,
        r#""p""#,
        r#""p""#,
    );
    let found = found(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "G0212");
    assert_eq!(
        found[0].3,
        "a paragraph of `why` of question \"one\" is shown on condition of the answer to \"one\" itself, which is never given before the question is asked"
    );
}

#[test]
fn a_value_text_that_holds_at_no_end_is_reported() {
    let text = with_texts(
        r#""w""#,
        r#""r""#,
        r#""p""#,
        r#""p", When(All([Answered("one", "a"), Answered("one", "b")]), "Never both.")"#,
    );
    let found = found(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "G0316");
    assert_eq!(
        found[0].3,
        "this item in `pros` of value \"v\" of dimension \"d\" is never shown: its condition never holds at the end of any path"
    );
}

#[test]
fn conditional_texts_alone_ask_for_format_2() {
    let text = with_texts(
        r#""w""#,
        r#""r""#,
        r#""p", When(Answered("one", "a"), "A.")"#,
        r#""p""#,
    )
    .replace("format: 2, ", "");
    let found = found(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "G0313");
    assert_eq!((found[0].1, found[0].2), (17, 61), "at the condition");
}
