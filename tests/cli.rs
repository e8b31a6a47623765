//! The commands as a shell sees them: exit codes, messages that name the file involved, input
//! that is not a file (devices, named pipes), closed pipes, and hostile file names and values
//! that must reach the terminal clean.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]

mod support;

use std::path::Path;
use std::time::Duration;

use support::cli::{mkfifo, run, run_with_closed_stdout, run_within};

const GUIDE: &str = "guides/decision-making.ron";
const QUICK: Duration = Duration::from_secs(10);

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn path(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

/// No escape, bell or other control character but newlines (and the tab clap indents with).
fn assert_clean(what: &str, output: &str) {
    assert!(
        !output
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t'),
        "{what} printed a control character: {output:?}"
    );
}

#[test]
fn a_device_is_refused_at_once_by_every_command_that_reads_a_file() {
    let cases: [(&[&str], &str); 5] = [
        (&["check", "/dev/zero"], "it is a device, not a guide file"),
        (&["play", "/dev/zero"], "it is a device, not a guide file"),
        (
            &["play", "--answers", "/dev/zero", GUIDE],
            "cannot read the answers file `/dev/zero`: it is a device, not an answers file",
        ),
        (
            &["report", "/dev/zero"],
            "cannot read the session `/dev/zero`: it is a device, not a session file",
        ),
        (
            &["facilitate", "--session", "/dev/zero"],
            "cannot read the session `/dev/zero`: it is a device, not a session file",
        ),
    ];
    for (args, message) in cases {
        let out = run_within(args, QUICK);
        let said = format!("{}{}", text(&out.stdout), text(&out.stderr));
        assert!(said.contains(message), "{args:?}: {said}");
        // A guide or a session that cannot be used is a data error (1); an answers file is
        // the command line's (2).
        let expected = if args[0] == "play" && args.contains(&"--answers") {
            2
        } else {
            1
        };
        assert_eq!(out.status.code(), Some(expected), "{args:?}: {said}");
    }
}

#[test]
fn a_named_pipe_with_no_writer_never_hangs_a_command() {
    let dir = tempfile::tempdir().expect("temp");
    let fifo = dir.path().join("pipe.ron");
    mkfifo(&fifo);
    let fifo = path(&fifo);
    let cases: [&[&str]; 6] = [
        &["check", fifo],
        &["play", fifo],
        &["graph", fifo],
        &["play", "--answers", fifo, GUIDE],
        &["report", fifo],
        &["facilitate", "--session", fifo],
    ];
    for args in cases {
        let out = run_within(args, QUICK);
        let said = format!("{}{}", text(&out.stdout), text(&out.stderr));
        assert!(said.contains("it is a named pipe"), "{args:?}: {said}");
        assert_ne!(out.status.code(), Some(0), "{args:?}");
    }
}

#[test]
fn a_file_past_its_cap_is_refused_naming_its_size_and_the_cap() {
    let dir = tempfile::tempdir().expect("temp");
    let big = dir.path().join("big.ron");
    std::fs::File::create(&big)
        .and_then(|f| f.set_len(9 * 1024 * 1024))
        .expect("a sparse 9 MB file");
    let out = run_within(&["report", path(&big)], QUICK);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a session file that cannot be used is a data error"
    );
    assert!(
        text(&out.stderr).contains("it is 9 MB, more than the 8 MB a session file may be"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_closed_pipe_ends_every_printing_command_quietly_with_0() {
    let cases: [&[&str]; 8] = [
        &["paths", "--format", "json"],
        &["paths", GUIDE],
        &["check", "--format", "json"],
        &["check", GUIDE],
        &["markdown"],
        &["graph", GUIDE],
        &["test", GUIDE],
        &["i18n", "template", "--lang", "fr"],
    ];
    for args in cases {
        let out = run_with_closed_stdout(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert_eq!(text(&out.stderr), "", "{args:?}");
    }
    // The plain mode's conversation too.
    let out = run_with_closed_stdout(&["play", "--plain", GUIDE]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stderr), "");
}

#[test]
fn a_missing_session_folder_is_a_usage_error_that_names_it() {
    let out = run(
        &[
            "facilitate",
            GUIDE,
            "--session",
            "no-such-folder/group-a.ron",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains(
            "cannot create the session `no-such-folder/group-a.ron`: the folder `no-such-folder` does not exist"
        ),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn hostile_file_names_reach_the_terminal_clean() {
    let dir = tempfile::tempdir().expect("temp");
    let hostile = "g\u{1b}]0;pwned\u{7}\u{1b}[2J";
    // `test FILE` names the file it tested.
    let guide = dir.path().join(format!("{hostile}.ron"));
    std::fs::copy(GUIDE, &guide).expect("copy");
    let out = run(&["test", path(&guide)], "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("g]0;pwned[2J.ron"));
    assert_clean("test", &text(&out.stdout));
    // `new FILE` says where it wrote.
    let new = dir.path().join(format!("new-{hostile}.ron"));
    let out = run(&["new", path(&new)], "");
    assert_eq!(out.status.code(), Some(0));
    assert!(new.exists());
    assert_clean("new", &text(&out.stdout));
    let out = run(&["new", path(&new)], "");
    assert_eq!(out.status.code(), Some(2));
    assert_clean("new again", &text(&out.stderr));
    // `report` names a group without a name after its file.
    let session = dir.path().join(format!("{hostile}.ron"));
    std::fs::write(
        &session,
        "Session(format: 1, guide: \"decision-making\", answers: [(\"size\", \"small\")])",
    )
    .expect("write");
    for format in ["md", "json"] {
        let out = run(
            &[
                "report",
                "--guide",
                GUIDE,
                "--format",
                format,
                path(&session),
            ],
            "",
        );
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        // Markdown escapes the brackets; what matters is that the name is there, clean.
        assert!(text(&out.stdout).contains("pwned"), "{format}");
        assert_clean("report", &text(&out.stdout));
    }
    // Usage errors quote the command line clean.
    let out = run(&["check", &format!("{hostile}-missing.ron")], "");
    assert_clean("check", &text(&out.stdout));
    let out = run(&[&format!("--{hostile}")], "");
    assert_eq!(out.status.code(), Some(2));
    assert_clean("an unknown option", &text(&out.stderr));
}

#[test]
fn i18n_template_takes_only_a_language_tag() {
    let out = run(&["i18n", "template", "--lang", "es\u{1b}]0;x\u{7}"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("is not a language tag"));
    assert_clean("i18n template", &text(&out.stderr));
    assert_eq!(text(&out.stdout), "");
    let out = run(&["i18n", "template", "--lang", "../../etc"], "");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn an_unreadable_translation_is_reported_never_skipped() {
    let dir = tempfile::tempdir().expect("temp");
    let guide = dir.path().join("g.ron");
    std::fs::copy(GUIDE, &guide).expect("copy");
    // A translation that is there but cannot be read: a named pipe.
    mkfifo(&dir.path().join("g.es.ron"));
    let out = run_within(&["check", path(&guide)], QUICK);
    assert_eq!(out.status.code(), Some(1));
    let said = text(&out.stdout);
    assert!(said.contains("error[G0002]"), "{said}");
    assert!(said.contains("g.es.ron"), "{said}");
    assert!(said.contains("checked 2 files: 1 error"), "{said}");

    let out = run_within(&["i18n", "status", path(&guide)], QUICK);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).contains("es         cannot read"),
        "{}",
        text(&out.stdout)
    );

    let out = run_within(&["play", "--plain", "--lang", "es", path(&guide)], QUICK);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("it is a named pipe, not a translation file"),
        "{}",
        text(&out.stderr)
    );
}
