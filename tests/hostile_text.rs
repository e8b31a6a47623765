//! Invisible characters (zero-width characters, direction marks, the word joiner, the byte-order
//! mark) never reach an output, `check` warns about them in texts and names them where an id
//! holds one, so look-alike ids and texts never pass silently.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]

mod support;

use std::path::Path;

use coop_guide::guide::{check_path, translation, Code, Diagnostic, Severity, Source};

const INVISIBLE: [char; 8] = [
    '\u{200b}', '\u{200c}', '\u{200d}', '\u{200e}', '\u{200f}', '\u{2060}', '\u{feff}', '\u{202e}',
];

fn has_invisible(text: &str) -> bool {
    text.contains(INVISIBLE)
}

/// `(code, line, col, message, help)` of every diagnostic.
fn found(source: &Source, diagnostics: &[Diagnostic]) -> Vec<(Code, usize, usize, String, String)> {
    diagnostics
        .iter()
        .map(|d| {
            let at = d
                .span()
                .map(|s| source.line_col(s.start))
                .unwrap_or_default();
            (
                d.code,
                at.line,
                at.col,
                d.message.clone(),
                d.help.clone().unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn a_text_with_invisible_characters_is_warned_about_and_cleaned() {
    let checked = check_path(Path::new("tests/fixtures/check/G0320-invisible-chars.ron"));
    assert_eq!(
        found(&checked.source, &checked.diagnostics),
        [(
            Code::InvisibleChars,
            19,
            19,
            "this text holds invisible characters: U+200B (zero-width space), \
             U+200F (right-to-left mark)"
                .to_string(),
            "delete them: they make text that looks the same compare differently".to_string()
        )]
    );
    assert_eq!(checked.diagnostics[0].severity(), Severity::Warning);
    let guide = checked.guide.expect("warnings only");
    assert_eq!(guide.questions[1].text, "Second?");
}

#[test]
fn look_alike_ids_are_refused_and_spelt_out() {
    let checked = check_path(Path::new("tests/fixtures/check/G0202-invisible-id.ron"));
    assert!(checked.guide.is_none());
    let found = found(&checked.source, &checked.diagnostics);
    let expected = [
        (
            Code::MissingQuestion,
            14,
            56,
            "answer leads to a question that does not exist".to_string(),
            "did you mean \"two<U+200B>\"?".to_string(),
        ),
        (
            Code::InvalidId,
            19,
            17,
            "the question id \"two<U+200B>\" is not a valid id".to_string(),
            "delete the invisible characters in it: U+200B (zero-width space)".to_string(),
        ),
        (
            Code::MissingOutcome,
            23,
            55,
            "answer ends at an outcome that does not exist".to_string(),
            "did you mean \"done\"?".to_string(),
        ),
    ];
    for e in &expected {
        assert!(found.contains(e), "{e:?} not in {found:#?}");
    }
    let labels: Vec<&str> = checked
        .diagnostics
        .iter()
        .filter_map(|d| d.primary.as_ref().map(|l| l.text.as_str()))
        .collect();
    assert!(
        labels.contains(&"no outcome has the id \"done<U+2060>\""),
        "{labels:?}"
    );
}

#[test]
fn check_prints_no_invisible_character() {
    for fixture in ["G0202-invisible-id", "G0320-invisible-chars"] {
        let path = format!("tests/fixtures/check/{fixture}.ron");
        for format in ["human", "short", "json"] {
            let out = support::cli::run(&["check", "--format", format, &path], "");
            let text = String::from_utf8_lossy(&out.stdout);
            assert!(!text.is_empty(), "{fixture} {format}");
            assert!(!has_invisible(&text), "{fixture} {format}: {text:?}");
        }
    }
}

#[test]
fn no_rendering_of_a_guide_keeps_an_invisible_character() {
    let path = "tests/fixtures/check/G0320-invisible-chars.ron";
    let runs: [&[&str]; 3] = [
        &["markdown", path],
        &["graph", path],
        &["play", path, "--plain", "--output", "md"],
    ];
    for args in runs {
        let out = support::cli::run(args, "1\n1\n\n");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("Second?"), "{args:?}: {text}");
        assert!(!has_invisible(&text), "{args:?}: {text:?}");
    }
}

/// The complete translation fixture with `edit` applied to its text, checked against its guide.
fn check_translation(edit: impl FnOnce(String) -> String) -> translation::CheckedTranslation {
    let guide = check_path(Path::new("tests/fixtures/i18n/complete/guide.ron"))
        .guide
        .expect("guide");
    let es = std::fs::read_to_string("tests/fixtures/i18n/complete/guide.es.ron").expect("read");
    translation::check(&guide, Source::new("guide.es.ron", edit(es)))
}

#[test]
fn a_translated_text_with_invisible_or_control_characters_is_warned_about_and_cleaned() {
    let checked = check_translation(|es| {
        es.replace(
            "text: \"[es] Pace of decisions\"",
            "text: \"[es] Pace\\u{200d} of\\u{1b}[2J decisions\"",
        )
    });
    let found = found(&checked.source, &checked.diagnostics);
    assert_eq!(
        found.iter().map(|f| (f.0, f.1, f.2)).collect::<Vec<_>>(),
        [(Code::ControlChars, 16, 69), (Code::InvisibleChars, 16, 69)],
        "{found:#?}"
    );
    let translation = checked.translation.expect("read");
    let entry = translation
        .entries
        .iter()
        .find(|e| e.key == "dimension.pace.name")
        .expect("entry");
    assert_eq!(entry.text, "[es] Pace of[2J decisions");
}

#[test]
fn a_look_alike_translation_key_is_spelt_out() {
    let checked = check_translation(|es| {
        es.replace(
            "key: \"dimension.pace.name\"",
            "key: \"dimension.pace\\u{200b}.name\"",
        )
    });
    let orphan = checked
        .diagnostics
        .iter()
        .find(|d| d.code == Code::TranslationOrphan)
        .expect("orphan");
    assert_eq!(
        orphan.message,
        "\"dimension.pace<U+200B>.name\" names no text of the guide"
    );
}

#[test]
fn a_session_loses_its_invisible_characters() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("s.ron");
    std::fs::write(
        &path,
        "Session(format: 1, guide: \"decision-making\", group: \"Al\\u{200b}pha\\u{feff}\", \
         answers: [(\"size\", \"small\")], notes: [(\"size\", \"We\\u{2060} agreed.\")])",
    )
    .expect("write");
    let out = support::cli::run(
        &[
            "report",
            "--guide",
            support::DECISION,
            "--format",
            "md",
            path.to_str().expect("path"),
        ],
        "",
    );
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(md.starts_with("# Alpha — "), "{md}");
    assert!(md.contains("Note: We agreed."), "{md}");
    assert!(
        md.contains("How many people take part in decisions?"),
        "{md}"
    );
    assert!(md.contains("Up to about twelve"), "{md}");
    assert!(!has_invisible(&md), "{md:?}");
}

/// Writes the clipboard (OSC 52) and sets the window title (OSC 0), as a terminal reads them.
const OSC: &str = "\u{1b}]52;c;cHduZWQ=\u{7}\u{1b}]0;pwned\u{7}";

fn is_raw(text: &str) -> bool {
    text.chars()
        .any(|c| (c.is_control() && c != '\n') || INVISIBLE.contains(&c))
}

#[test]
fn the_template_prints_a_hostile_fingerprint_and_language_harmlessly() {
    let guide = check_path(Path::new("tests/fixtures/i18n/complete/guide.ron"))
        .guide
        .expect("guide");
    let existing = translation::Translation {
        guide: guide.id.clone(),
        language: "es".into(),
        entries: vec![translation::Entry {
            key: "title".into(),
            source: OSC.into(),
            text: format!("Hola{OSC}\u{200b}\nmundo"),
        }],
    };
    let text = translation::template(&guide, &format!("es{OSC}"), Some(&existing));
    assert!(!is_raw(&text), "{text:?}");
    assert!(text.contains("into \"es]52;c;cHduZWQ=]0;pwned\""), "{text}");
    assert!(
        text.contains(
            "Entry(key: \"title\", source: \"]52;c;cHduZWQ=]0;pwned\", \
             text: \"Hola]52;c;cHduZWQ=]0;pwned\\nmundo\"),"
        ),
        "{text}"
    );
}

#[test]
fn i18n_template_never_echoes_an_escape_sequence_from_a_translation() {
    let dir = tempfile::tempdir().expect("temp");
    let guide = dir.path().join("g.ron");
    std::fs::copy("tests/fixtures/i18n/complete/guide.ron", &guide).expect("copy");
    let es = std::fs::read_to_string("tests/fixtures/i18n/complete/guide.es.ron").expect("read");
    let ron_escaped = OSC.replace('\u{1b}', "\\u{1b}").replace('\u{7}', "\\u{7}");
    let es = es.replace(
        "source: \"b07e605b\"",
        &format!("source: \"{ron_escaped}\""),
    );
    assert!(es.contains("\\u{1b}]52;"));
    std::fs::write(dir.path().join("g.es.ron"), es).expect("write");
    let out = support::cli::run(
        &[
            "i18n",
            "template",
            "--lang",
            "es",
            guide.to_str().expect("path"),
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!is_raw(&text), "{text:?}");
    assert!(
        text.contains(
            "Entry(key: \"title\", source: \"]52;c;cHduZWQ=]0;pwned\", \
             text: \"[es] How should our group make decisions?\"),"
        ),
        "{text}"
    );
    // What it printed is still a translation file of the guide.
    let guide = check_path(&guide).guide.expect("guide");
    let back = translation::check(&guide, Source::new("g.es.ron", text.into_owned()));
    assert!(back.translation.is_some(), "{:?}", back.diagnostics);
    assert_eq!(back.coverage.stale, 1, "{:?}", back.diagnostics);
}
