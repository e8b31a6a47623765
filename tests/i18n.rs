//! Translations: a file keyed by ids overlays a guide; `check` reports missing, orphaned and
//! stale entries; `play --lang` and `i18n status` use them.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]

mod support;

use std::process::Output;

use support::cli::run;

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The complete fixture copied to a temporary folder, its Spanish translation rewritten by
/// `edit`. Returns the folder (keep it alive) and the guide's path.
fn complete_guide_with_translation(
    edit: impl FnOnce(String) -> String,
) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp");
    let guide = dir.path().join("g.ron");
    std::fs::copy(fixture("complete"), &guide).expect("copy");
    let es = std::fs::read_to_string("tests/fixtures/i18n/complete/guide.es.ron").expect("read");
    std::fs::write(dir.path().join("g.es.ron"), edit(es)).expect("write");
    (dir, guide)
}

fn fixture(case: &str) -> String {
    format!("tests/fixtures/i18n/{case}/guide.ron")
}

#[test]
fn a_complete_translation_checks_clean() {
    let out = run(&["check", "--format", "short", &fixture("complete")], "");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "checked 2 files: 0 errors, 0 warnings\n");
}

#[test]
fn a_missing_entry_is_reported() {
    let out = run(&["check", "--format", "short", &fixture("missing")], "");
    assert_eq!(out.status.code(), Some(0), "warnings only");
    let text = stdout(&out);
    assert!(text.contains("missing/guide.es.ron:8:14: warning[G0405]: 1 text(s) have no es translation: question.pace.text"), "{text}");
}

#[test]
fn an_orphaned_entry_is_reported() {
    let text = stdout(&run(
        &["check", "--format", "short", &fixture("orphan")],
        "",
    ));
    assert!(text.contains("orphan/guide.es.ron:181:20: warning[G0403]: \"question.gone.text\" names no text of the guide"), "{text}");
}

#[test]
fn a_stale_entry_is_reported_with_the_new_fingerprint() {
    let text = stdout(&run(&["check", &fixture("stale")], ""));
    assert!(text.contains("warning[G0404]: the guide's text of \"question.size.text\" changed since it was translated"), "{text}");
    assert!(text.contains("stale/guide.es.ron:58:50"), "{text}");
    assert!(text.contains("set `source: \"10a91b82\"`"), "{text}");
}

#[test]
fn checking_the_translation_file_checks_it_against_its_guide() {
    let out = run(
        &[
            "check",
            "--format",
            "short",
            "tests/fixtures/i18n/orphan/guide.es.ron",
        ],
        "",
    );
    let text = stdout(&out);
    assert!(text.contains("warning[G0403]"), "{text}");
    assert!(text.contains("checked 1 file:"), "{text}");
}

#[test]
fn a_translation_for_another_guide_is_an_error() {
    let (_dir, guide) = complete_guide_with_translation(|es| {
        es.replace("guide: \"decision-making\"", "guide: \"other\"")
    });
    let out = run(
        &["check", "--format", "short", guide.to_str().expect("path")],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("error[G0401]"), "{}", stdout(&out));
    // ...and `play --lang es` refuses it with exit 1 rather than showing a mix.
    let out = run(&["play", "--lang", "es", guide.to_str().expect("path")], "");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn play_in_another_language_shows_the_translated_texts() {
    let out = run(&["play", "--lang", "es", &fixture("complete")], "1\n1\n1\n");
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains("[es] How many people take part in decisions?"),
        "{text}"
    );
    assert!(text.contains("[es] Up to about twelve"), "{text}");
    assert!(
        !text.contains("\nHow many people take part in decisions?"),
        "{text}"
    );
}

#[test]
fn a_missing_entry_falls_back_to_the_base_text() {
    let text = stdout(&run(&["play", "--lang", "es", &fixture("missing")], "1\n"));
    assert!(
        text.contains("\nHow quickly do most of your decisions need to be made?"),
        "{text}"
    );
}

#[test]
fn play_in_a_language_with_no_translation_is_a_usage_error() {
    let out = run(&["play", "--lang", "fr", &fixture("complete")], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no \"fr\" translation (it has: en, es)"));
}

#[test]
fn i18n_status_shows_coverage_per_language() {
    let text = stdout(&run(&["i18n", "status", &fixture("missing")], ""));
    let es = text.lines().find(|l| l.starts_with("es ")).expect("es row");
    let cols: Vec<&str> = es.split_whitespace().collect();
    assert_eq!(cols, vec!["es", "84", "0", "1", "0", "98%"], "{text}");
    let text = stdout(&run(&["i18n", "status", &fixture("complete")], ""));
    assert!(
        text.lines()
            .any(|l| l.starts_with("es ") && l.ends_with("100%")),
        "{text}"
    );
}

#[test]
fn the_template_keeps_existing_entries_and_adds_missing_ones() {
    let text = stdout(&run(
        &["i18n", "template", "--lang", "es", &fixture("missing")],
        "",
    ));
    assert!(text.contains("Entry(key: \"question.pace.text\", source: \""));
    assert!(text.contains("text: \"[es] How many people take part in decisions?\""));
    assert_eq!(text.matches("Entry(").count(), 85);
}

#[test]
fn two_entries_for_one_text_are_an_error_showing_both() {
    let (_dir, guide) = complete_guide_with_translation(|es| {
        es.replace(
            "    ],\n)",
            "        Entry(key: \"title\", source: \"b07e605b\", text: \"Otra vez\"),\n    ],\n)",
        )
    });
    let out = run(&["check", guide.to_str().expect("path")], "");
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("error[G0402]: \"title\" is translated twice"),
        "{text}"
    );
    assert!(text.contains("first entry"), "{text}");
}

#[test]
fn a_translation_whose_language_differs_from_its_file_name_is_an_error() {
    let (_dir, guide) =
        complete_guide_with_translation(|es| es.replace("language: \"es\"", "language: \"fr\""));
    let out = run(
        &["check", "--format", "short", guide.to_str().expect("path")],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out)
            .contains("error[G0406]: the file is named for \"es\" but says its language is \"fr\""),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_stale_entry_is_shown_in_the_guides_own_language_not_its_old_translation() {
    // `question.size.text` was translated from an older text: the English text shows instead,
    // while the entries that are up to date are used.
    let out = run(&["play", "--lang", "es", &fixture("stale")], "1\n1\n1\n");
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains("\nHow many people take part in decisions?"),
        "{text}"
    );
    assert!(
        !text.contains("[es] How many people take part in decisions?"),
        "{text}"
    );
    assert!(text.contains("[es] Up to about twelve"), "{text}");
}
