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

/// A fixture's guide and its Spanish translation copied to a temporary folder, the guide's text
/// changed by `edit_guide`. Returns the folder (keep it alive), the guide and the translation.
fn fixture_in_temp(
    case: &str,
    edit_guide: impl FnOnce(String) -> String,
) -> (tempfile::TempDir, String, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp");
    let guide = dir.path().join("guide.ron");
    let text = std::fs::read_to_string(fixture(case)).expect("read");
    std::fs::write(&guide, edit_guide(text)).expect("write");
    let es = dir.path().join("guide.es.ron");
    std::fs::copy(format!("tests/fixtures/i18n/{case}/guide.es.ron"), &es).expect("copy");
    (dir, guide.to_str().expect("utf-8").to_string(), es)
}

/// Every entry of a translation file as written, one per line.
fn entry_lines(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|l| l.starts_with("Entry("))
        .collect()
}

fn update(guide: &str) -> Output {
    run(&["i18n", "update", guide, "--lang", "es"], "")
}

#[test]
fn update_adds_an_entry_for_each_missing_text_with_the_guides_text_above_it() {
    let (_dir, guide, es) = fixture_in_temp("missing", |g| g);
    let before = std::fs::read_to_string(&es).expect("read");
    let out = update(&guide);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(
        stdout(&out).contains("84 entries kept, 1 added"),
        "{}",
        stdout(&out)
    );
    let after = std::fs::read_to_string(&es).expect("read");
    assert!(
        after.contains(
            "        // How quickly do most of your decisions need to be made?\n        \
             Entry(key: \"question.pace.text\", source: \"02946ade\", text: \"\"),\n        \
             // How quickly do most of your decisions need to be made?\n        \
             // Full agreement takes time;"
        ),
        "added where the guide has it, the comment that was there kept:\n{after}"
    );
    // Every entry is kept as written; the header too.
    for line in entry_lines(&before) {
        assert!(after.contains(line), "{line} was lost");
    }
    assert_eq!(entry_lines(&after).len(), entry_lines(&before).len() + 1);
    assert!(after.starts_with("// Translation of \"decision-making\" into \"es\"."));
    // The new entry is waiting for a translation: still reported as missing.
    let checked = stdout(&run(&["check", "--format", "short", &guide], ""));
    assert!(checked.contains("warning[G0405]"), "{checked}");
}

#[test]
fn update_marks_a_stale_entry_with_the_text_it_was_translated_from_and_the_text_now() {
    let (_dir, guide, es) = fixture_in_temp("complete", |g| {
        g.replace(
            "How many people take part in decisions?",
            "How many people decide together?",
        )
    });
    let before = std::fs::read_to_string(&es).expect("read");
    let out = update(&guide);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(stdout(&out).contains("1 stale"), "{}", stdout(&out));
    let after = std::fs::read_to_string(&es).expect("read");
    let marked = "        // stale: the guide's text changed after this was translated\n        \
                  // was: How many people take part in decisions?\n        \
                  // now: How many people decide together?\n        \
                  // when the translation says what the guide says now, set source to \
                  \"300028b6\"\n        \
                  Entry(key: \"question.size.text\", source: \"10a91b82\", text: \"[es] How many \
                  people take part in decisions?\"),\n";
    assert!(after.contains(marked), "{after}");
    assert_eq!(
        entry_lines(&after),
        entry_lines(&before),
        "entries untouched"
    );
    // The entry stays stale until the translator says otherwise; `check` still reports it.
    let checked = stdout(&run(&["check", "--format", "short", &guide], ""));
    assert!(checked.contains("warning[G0404]"), "{checked}");

    // Once the translation is brought up to date, the next update takes the mark away.
    let fixed = after.replace(
        "source: \"10a91b82\", text: \"[es] How many people take part in decisions?\"",
        "source: \"300028b6\", text: \"[es] How many people decide together?\"",
    );
    std::fs::write(&es, fixed).expect("write");
    assert_eq!(update(&guide).status.code(), Some(0));
    let done = std::fs::read_to_string(&es).expect("read");
    assert!(!done.contains("// stale:"), "{done}");
    assert!(done.contains(
        "        // How many people decide together?\n        Entry(key: \"question.size.text\""
    ));
    let checked = stdout(&run(&["check", "--format", "short", &guide], ""));
    assert_eq!(checked, "checked 2 files: 0 errors, 0 warnings\n");
}

#[test]
fn update_says_when_the_older_text_is_no_longer_in_the_file() {
    let (_dir, guide, es) = fixture_in_temp("stale", |g| g);
    assert_eq!(update(&guide).status.code(), Some(0));
    let after = std::fs::read_to_string(&es).expect("read");
    assert!(
        after.contains(
            "        // was: (not kept in this file; it had the fingerprint \"0badc0de\")\n        \
             // now: How many people take part in decisions?\n"
        ),
        "{after}"
    );
}

#[test]
fn update_keeps_orphaned_entries_at_the_end_under_a_heading() {
    let (_dir, guide, es) = fixture_in_temp("orphan", |g| g);
    let before = std::fs::read_to_string(&es).expect("read");
    let out = update(&guide);
    assert!(stdout(&out).contains("1 orphaned"), "{}", stdout(&out));
    let after = std::fs::read_to_string(&es).expect("read");
    assert!(
        after.ends_with(
            "        // orphaned: no text of the guide has these keys any more (a text was \
             removed or an id\n        // renamed); they are kept so that nothing is lost. \
             `coop-guide check` lists them.\n        \
             Entry(key: \"question.gone.text\", source: \"00000000\", text: \"[es] Gone\"),\n    \
             ],\n)\n"
        ),
        "{after}"
    );
    let mut want = entry_lines(&before);
    let mut got = entry_lines(&after);
    want.sort_unstable();
    got.sort_unstable();
    assert_eq!(got, want, "every entry kept");
}

#[test]
fn update_keeps_the_translators_comments_and_changes_nothing_the_second_time() {
    let (_dir, guide, es) = fixture_in_temp("complete", |g| {
        g.replace("Time to hear everyone", "Time to hear every voice")
    });
    let text = std::fs::read_to_string(&es).expect("read");
    let text = text
        .replace(
            "        // Time to hear everyone\n",
            "        // ojo: revisar con Ana\n        // Time to hear everyone\n",
        )
        .replace(
            "text: \"[es] Fast\"),\n",
            "text: \"[es] Fast\"), // corto a propósito\n",
        );
    std::fs::write(&es, &text).expect("write");
    assert_eq!(update(&guide).status.code(), Some(0));
    let once = std::fs::read_to_string(&es).expect("read");
    assert!(
        once.contains(
            "        // ojo: revisar con Ana\n        // stale: the guide's text changed after \
             this was translated\n        // was: Time to hear everyone\n"
        ),
        "{once}"
    );
    assert!(once.contains("text: \"[es] Fast\"), // corto a propósito\n"));
    let out = update(&guide);
    assert!(
        stdout(&out).contains("needed no change"),
        "{}",
        stdout(&out)
    );
    assert_eq!(std::fs::read_to_string(&es).expect("read"), once);
}

#[cfg(unix)]
#[test]
fn update_replaces_the_file_atomically_keeping_its_permissions() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let (dir, guide, es) = fixture_in_temp("missing", |g| g);
    std::fs::set_permissions(&es, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    let inode = std::fs::metadata(&es).expect("stat").ino();
    assert_eq!(update(&guide).status.code(), Some(0));
    let meta = std::fs::metadata(&es).expect("stat");
    assert_eq!(meta.permissions().mode() & 0o777, 0o640);
    assert_ne!(meta.ino(), inode, "a new file renamed over the old one");
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "no temporary file left: {names:?}");
}

#[test]
fn update_leaves_a_translation_with_errors_as_it_is() {
    let (_dir, guide, es) = fixture_in_temp("missing", |g| g);
    let broken = std::fs::read_to_string(&es).expect("read").replacen(
        "Entry(key: \"title\"",
        "Entry(key: \"title",
        1,
    );
    std::fs::write(&es, &broken).expect("write");
    let out = update(&guide);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("error[G0003]"), "{said}");
    assert!(said.contains("was left as it is"), "{said}");
    assert_eq!(std::fs::read_to_string(&es).expect("read"), broken);
}

#[test]
fn update_writes_a_new_translation_with_every_key_when_there_is_none() {
    let (_dir, guide, es) = fixture_in_temp("missing", |g| g);
    std::fs::remove_file(&es).expect("remove");
    let out = update(&guide);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(stdout(&out).contains("85 entries to translate"));
    let text = std::fs::read_to_string(&es).expect("read");
    assert_eq!(entry_lines(&text).len(), 85);
    let out = run(&["check", "--format", "short", &guide], "");
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn the_template_refuses_to_be_written_onto_the_file_it_reads() {
    let (_dir, guide, es) = fixture_in_temp("complete", |g| g);
    // `coop-guide i18n template guide.ron --lang es > guide.es.ron`: the shell empties the file
    // before the program starts.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_coop-guide"))
        .args(["i18n", "template", &guide, "--lang", "es"])
        .stdout(std::fs::File::create(&es).expect("truncate"))
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    for words in [
        "the translation this command reads",
        "the shell emptied it",
        "git checkout -- ",
        "coop-guide i18n update ",
    ] {
        assert!(said.contains(words), "{words:?}: {said}");
    }
    assert_eq!(std::fs::read_to_string(&es).expect("read"), "");

    // `>>` would append a second translation to the file: refused too, the file unchanged.
    std::fs::copy("tests/fixtures/i18n/complete/guide.es.ron", &es).expect("copy");
    let append = std::fs::OpenOptions::new()
        .append(true)
        .open(&es)
        .expect("open");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_coop-guide"))
        .args(["i18n", "template", &guide, "--lang", "es"])
        .stdout(append)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("two translations in one file"));
    assert_eq!(
        std::fs::read_to_string(&es).expect("read"),
        std::fs::read_to_string("tests/fixtures/i18n/complete/guide.es.ron").expect("read")
    );
}

#[test]
fn update_keeps_odd_text_byte_for_byte_and_prints_nothing_hostile() {
    let (dir, _guide, es) = fixture_in_temp("complete", |g| {
        g.replace("Time to hear everyone", "Time to hear every voice")
    });
    // A folder name with an escape sequence, and entries with wide, right-to-left and control
    // characters, and a comment that holds an escape sequence.
    let odd = dir.path().join("o\u{1b}]0;x\u{7}dd");
    std::fs::create_dir(&odd).expect("folder");
    let guide = odd.join("guide.ron");
    std::fs::copy(dir.path().join("guide.ron"), &guide).expect("copy");
    let text = std::fs::read_to_string(&es).expect("read").replace(
        "        Entry(key: \"dimension.pace.value.slow.pros.0\"",
        "        // 注意 \u{1b}[31m rojo\n        Entry(key: \"dimension.pace.value.slow.pros.0\"",
    );
    let text = text.replace("[es] Fast\"", "[es] \u{202e}Rápido 速い\\u{1b}\"");
    let es = odd.join("guide.es.ron");
    std::fs::write(&es, &text).expect("write");
    let out = update(guide.to_str().expect("utf-8"));
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(!out.stdout.contains(&0x1b), "{}", stdout(&out));
    let after = std::fs::read_to_string(&es).expect("read");
    assert!(after.contains("        // 注意 \u{1b}[31m rojo\n"));
    assert!(after.contains("[es] \u{202e}Rápido 速い\\u{1b}\""));
    assert_eq!(entry_lines(&after), entry_lines(&text));
}
