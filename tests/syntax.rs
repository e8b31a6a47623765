//! The tolerant reader: every mistake of syntax and shape in one pass, each at its line and
//! column with a message in the guide's words; files from every editor; no panic and no
//! unbounded output from any input.
//!
//! Fixtures live in `tests/fixtures/syntax/`, named by the code they show. A folder there holds a
//! guide with a translation beside it (for the translation codes). Every code of the catalogue
//! must appear when the fixtures of `tests/fixtures/check/`, `tests/fixtures/syntax/` and
//! `tests/fixtures/i18n/` are checked: a new code needs a fixture in one of them.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]

mod support;

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use coop_guide::guide::diagnostic::{render_human, render_short, to_json};
use coop_guide::guide::{check_path, check_source, files, Code, Severity, Source};

/// What a fixture must report, all of it: (code, line, column, message).
type Expected = &'static [(&'static str, usize, usize, &'static str)];

const FIXTURES: &[(&str, Expected)] = &[
    (
        "G0003-unclosed-string",
        &[("G0003", 14, 40, "this text is never closed: its closing quote is missing")],
    ),
    (
        "G0004-missing-paren",
        &[("G0004", 13, 17, "`Answer(` is never closed")],
    ),
    (
        "G0004-missing-bracket",
        &[("G0004", 30, 38, "`answers: [` is never closed")],
    ),
    (
        "G0005-stray-bracket",
        &[("G0005", 14, 63, "this `)` has no `(` to close")],
    ),
    (
        "G0006-curly-quotes",
        &[("G0006", 14, 40, "curly quotes from a word processor")],
    ),
    (
        "G0007-hash-comment",
        &[("G0007", 7, 5, "`#` does not start a comment in a guide")],
    ),
    (
        "G0007-dash-comment",
        &[("G0007", 26, 5, "`--` does not start a comment in a guide")],
    ),
    (
        "G0008-unclosed-comment",
        &[("G0008", 26, 5, "this comment is never closed")],
    ),
    (
        "G0009-missing-value",
        &[("G0009", 14, 33, "`label` has no value")],
    ),
    (
        "G0010-missing-colon",
        &[("G0010", 14, 38, "a colon is missing after `label`")],
    ),
    (
        "G0011-too-deep",
        &[("G0011", 2, 206, "brackets are nested more than 128 deep")],
    ),
    (
        "G0012-bad-escape",
        &[("G0012", 10, 25, "`\\q` is not an escape a guide knows")],
    ),
    (
        "G0013-raw-junk",
        &[("G0013", 14, 40, "`r#--B` is neither raw text nor a name")],
    ),
    (
        "G0015-braces",
        &[("G0015", 27, 16, "curly braces { } are not part of the guide format")],
    ),
    (
        "G0101-capital-field",
        &[("G0101", 14, 33, "an answer has no field called `Label`")],
    ),
    (
        "G0103-bare-link",
        &[(
            "G0103",
            13,
            51,
            "`next` should be `Goto(\"question-id\")`, `End(\"outcome-id\")` or `Branch(cases: [ ... ], otherwise: ...)`, not the text \"two\"",
        )],
    ),
    (
        "G0103-wrong-year-bool-list",
        &[
            ("G0103", 14, 53, "`unsure` is true or false, not the text \"yes\""),
            (
                "G0103",
                27,
                50,
                "`pros` should be a list in square brackets [ ... ], not the text \"p\"",
            ),
            (
                "G0103",
                27,
                95,
                "a year is a number like 2024, not the text \"2023\"",
            ),
        ],
    ),
    (
        "G0104-lowercase-link",
        &[("G0104", 13, 51, "`goto` is not a kind of link")],
    ),
    (
        "G0107-some",
        &[
            (
                "G0107",
                14,
                53,
                "`region` does not need `Some( ... )` around its value",
            ),
            (
                "G0107",
                27,
                110,
                "`year` does not need `Some( ... )` around its value",
            ),
        ],
    ),
    (
        "G0108-value-without-field",
        &[("G0108", 14, 33, "a value without a field name in an answer")],
    ),
    (
        "G0109-link-without-id",
        &[("G0109", 13, 51, "`Goto( )` needs a value in its brackets")],
    ),
    (
        "G0110-year-out-of-range",
        &[(
            "G0110",
            27,
            110,
            "a year is a number like 2024; 202345 is too large",
        )],
    ),
    (
        "four-plus-three",
        &[
            ("G0007", 7, 5, "`#` does not start a comment in a guide"),
            ("G0101", 14, 33, "an answer has no field called `Label`"),
            ("G0104", 14, 51, "`goto` is not a kind of link"),
            ("G0001", 15, 44, "a comma is missing between two items"),
            (
                "G0203",
                16,
                56,
                "answer leads to a question that does not exist",
            ),
            (
                "G0210",
                29,
                80,
                "outcome \"done\" lists \"dnoe\" as related, but there is no such outcome",
            ),
            (
                "G0209",
                32,
                62,
                "the test case expects \"nowhere\", but there is no such outcome",
            ),
        ],
    ),
];

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(format!("tests/fixtures/syntax/{name}.ron"))
}

fn listed(checked: &coop_guide::guide::Checked) -> Vec<(&'static str, usize, usize, String)> {
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
fn every_mistake_is_reported_at_its_place_in_the_guides_words_and_nothing_else() {
    for (name, expected) in FIXTURES {
        let checked = check_path(&fixture(name));
        let found = listed(&checked);
        let expected: Vec<(&str, usize, usize, String)> = expected
            .iter()
            .map(|&(c, l, col, m)| (c, l, col, m.to_string()))
            .collect();
        assert_eq!(found, expected, "{name}");
    }
}

#[test]
fn four_mistakes_of_syntax_and_shape_and_three_broken_links_take_one_run() {
    let output = support::cli::run(
        &[
            "check",
            "--format",
            "short",
            "tests/fixtures/syntax/four-plus-three.ron",
        ],
        "",
    );
    let out = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        out.contains("checked 1 file: 7 errors, 0 warnings"),
        "{out}"
    );
    for code in [
        "G0007", "G0101", "G0104", "G0001", "G0203", "G0210", "G0209",
    ] {
        assert!(out.contains(&format!("error[{code}]")), "{code}: {out}");
    }
}

#[test]
fn the_fixes_are_suggested_in_plain_words() {
    let help = |name: &str, code: &str| -> String {
        check_path(&fixture(name))
            .diagnostics
            .iter()
            .find(|d| d.code.as_str() == code)
            .and_then(|d| d.help.clone())
            .unwrap_or_default()
    };
    assert_eq!(
        help("G0101-capital-field", "G0101"),
        "write `label`: field names are written in small letters"
    );
    assert_eq!(
        help("G0104-lowercase-link", "G0104"),
        "write `Goto`: capital letters matter"
    );
    assert_eq!(
        help("G0103-bare-link", "G0103"),
        "write `Goto(\"two\")` to go on to question \"two\", or `End(\"two\")` to end at outcome \"two\""
    );
    assert_eq!(
        help("G0006-curly-quotes", "G0006"),
        "write straight double quotes: \"like this\"; turn off smart quotes, or use a plain-text editor"
    );
    assert_eq!(
        help("G0007-hash-comment", "G0007"),
        "start a comment with `//`"
    );
    assert_eq!(help("G0107-some", "G0107"), "write `\"UK\"` on its own");
    assert_eq!(
        help("G0003-unclosed-string", "G0003"),
        "add a `\"` where the text ends; a quote inside a text is written \\\""
    );
}

#[test]
fn an_unclosed_bracket_shows_the_bracket_that_closed_it_wrongly() {
    let checked = check_path(&fixture("G0004-missing-paren"));
    let d = &checked.diagnostics[0];
    let labels: Vec<(usize, usize, &str)> = d
        .secondary
        .iter()
        .map(|l| match l.at {
            coop_guide::guide::diagnostic::Locus::Span(s) => {
                let at = checked.source.line_col(s.start);
                (at.line, at.col, l.text.as_str())
            }
            _ => panic!("a placed secondary label"),
        })
        .collect();
    assert_eq!(
        labels,
        vec![
            (14, 17, "`)` probably belongs before this"),
            (15, 13, "`]` found here while `Answer(` is still open"),
        ]
    );
    assert_eq!(d.help.as_deref(), Some("add `)` where it ends"));
    assert_eq!(
        d.note.as_deref(),
        Some("ids and links are checked once this is fixed")
    );
}

#[test]
fn some_is_treated_alike_everywhere_and_the_guide_stays_usable() {
    let checked = check_path(&fixture("G0107-some"));
    assert!(!checked.has_errors());
    let guide = checked.guide.expect("warnings only");
    assert_eq!(guide.outcomes[0].examples[0].year, Some(2023));
    assert_eq!(guide.questions[0].answers[1].region, "UK");
}

#[test]
fn a_byte_order_mark_is_read_and_columns_stay_right() {
    let base = std::fs::read_to_string("tests/fixtures/check/base.ron").expect("base");
    let checked = check_source(Source::new("bom.ron", format!("\u{feff}{base}")));
    assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
    let broken = std::fs::read_to_string("tests/fixtures/check/G0203-missing-question.ron")
        .expect("fixture");
    let plain = check_source(Source::new("a.ron", broken.clone()));
    let marked = check_source(Source::new("b.ron", format!("\u{feff}{broken}")));
    let place = |c: &coop_guide::guide::Checked| -> Vec<(&str, usize, usize)> {
        listed(c)
            .into_iter()
            .map(|(c, l, col, _)| (c, l, col))
            .collect()
    };
    assert_eq!(place(&marked), place(&plain));
    assert_eq!(place(&plain)[0], ("G0203", 13, 56));
    // On the first line too.
    let first = check_source(Source::new("c.ron", "\u{feff}Guide(x: 1)"));
    assert!(
        place(&first).contains(&("G0101", 1, 7)),
        "{:?}",
        place(&first)
    );
    assert_eq!(place(&first)[0], ("G0102", 1, 1));
}

#[test]
fn windows_line_endings_keep_columns_and_raise_no_control_character_warning() {
    let broken = std::fs::read_to_string("tests/fixtures/check/G0203-missing-question.ron")
        .expect("fixture")
        .replace(
            "why: \"Because.\",\n            answers: [\n                Answer(id: \"a\", label: \"A\", next: Goto(\"tow\")),",
            "why: \"Because\n                we ask.\",\n            answers: [\n                Answer(id: \"a\", label: \"A\", next: Goto(\"tow\")),",
        );
    assert!(
        broken.contains("we ask"),
        "the fixture has a text over two lines"
    );
    let crlf = broken.replace('\n', "\r\n");
    let unix = check_source(Source::new("lf.ron", broken));
    let windows = check_source(Source::new("crlf.ron", crlf));
    let place = |c: &coop_guide::guide::Checked| -> Vec<(&str, usize, usize)> {
        listed(c)
            .into_iter()
            .map(|(c, l, col, _)| (c, l, col))
            .collect()
    };
    assert_eq!(place(&windows), place(&unix));
    assert_eq!(place(&windows)[0], ("G0203", 14, 56));
    assert!(!windows
        .diagnostics
        .iter()
        .any(|d| d.code == Code::ControlChars));
    // And a clean guide with Windows line endings is clean, its texts joined as usual.
    let base = std::fs::read_to_string("tests/fixtures/check/base.ron")
        .expect("base")
        .replace("why: \"Because.\"", "why: \"Because\n    we ask.\"")
        .replace('\n', "\r\n");
    let checked = check_source(Source::new("crlf.ron", base));
    assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
    let guide = checked.guide.expect("clean");
    assert_eq!(guide.questions[0].why, "Because we ask.");
}

#[test]
fn translations_are_read_by_the_same_reader() {
    let mut seen = HashSet::new();
    let (files, _) = files::check_with_translations(
        Some(Path::new(
            "tests/fixtures/syntax/translation-mistakes/guide.ron",
        )),
        &mut seen,
    );
    let translation = files
        .iter()
        .find(|f| f.source.name.ends_with("guide.es.ron"))
        .expect("the translation was checked");
    let found: Vec<(&str, usize, usize)> = translation
        .diagnostics
        .iter()
        .map(|d| {
            let at = translation.source.line_col(d.span().map_or(0, |s| s.start));
            (d.code.as_str(), at.line, at.col)
        })
        .collect();
    assert_eq!(
        found,
        vec![("G0006", 12, 67), ("G0001", 14, 39), ("G0101", 14, 59)]
    );
}

/// Words of the program's own language that guide writers should never read.
const JARGON: &[&str] = &[
    "struct",
    "enum",
    "map",
    "variant",
    "integer",
    "boolean",
    "identifier",
    "sequence",
    "tuple",
    "newtype",
    "u8",
    "u16",
    "u32",
    "u64",
    "i32",
    "i64",
    "usize",
    "f64",
];

fn jargon_in(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        if JARGON.contains(&word.to_lowercase().as_str()) || word == "Option" {
            found.push(word.to_string());
        }
    }
    found
}

/// Every guide fixture: the checker's, the reader's, and the guides with translations.
fn all_fixtures() -> Vec<PathBuf> {
    let mut paths = Vec::new();
    for dir in [
        "tests/fixtures/check",
        "tests/fixtures/syntax",
        "tests/fixtures/i18n",
    ] {
        for entry in std::fs::read_dir(dir).expect("fixture folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                paths.push(path.join("guide.ron"));
            } else if path.extension().is_some_and(|e| e == "ron") {
                paths.push(path);
            }
        }
    }
    paths.sort();
    paths
}

#[test]
fn every_code_is_rendered_from_a_fixture_and_no_message_uses_programmers_words() {
    let mut codes = BTreeSet::new();
    for path in all_fixtures() {
        let mut seen = HashSet::new();
        let (files, _) = files::check_with_translations(Some(&path), &mut seen);
        for file in files {
            codes.extend(file.diagnostics.iter().map(|d| d.code.as_str()));
            // The messages, labels, notes and helps as every format prints them. Lines quoted
            // from the fixture are left out: they are the guide's text, not ours.
            let human = render_human(&file.diagnostics, &file.source);
            let ours: String = human
                .lines()
                .filter(|l| {
                    l.split_once(" | ")
                        .is_none_or(|(g, _)| g.trim().parse::<usize>().is_err())
                })
                .collect::<Vec<_>>()
                .join("\n");
            let short = render_short(&file.diagnostics, &file.source);
            let json =
                serde_json::to_string(&to_json(&file.diagnostics, &file.source)).expect("json");
            for (format, text) in [("human", &ours), ("short", &short), ("json", &json)] {
                let words = jargon_in(text);
                assert!(
                    words.is_empty(),
                    "{} ({format}) says {words:?}:\n{text}",
                    path.display()
                );
            }
        }
    }
    let missing: Vec<&str> = Code::ALL
        .iter()
        .map(|c| c.as_str())
        .filter(|c| !codes.contains(c))
        .collect();
    assert!(missing.is_empty(), "codes with no fixture: {missing:?}");
}

#[test]
fn too_many_problems_end_with_how_many_more() {
    let checked = check_path(&fixture("G0014-too-many"));
    let errors = checked
        .diagnostics
        .iter()
        .filter(|d| d.severity() == Severity::Error)
        .count();
    assert_eq!(errors, 100);
    let last = checked.diagnostics.last().expect("a last diagnostic");
    assert_eq!(last.code, Code::TooMany);
    assert_eq!(
        last.message,
        "50 more problem(s) were found and are not listed"
    );
}

#[test]
fn a_mistake_past_column_65536_is_shown_without_a_panic() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("r.ron");
    std::fs::write(&path, format!("{}x", " ".repeat(65_536))).expect("write");
    let out = support::cli::run(&["check", path.to_str().expect("path")], "");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("r.ron:1:65537"), "{text}");
    assert!(text.lines().all(|l| l.len() < 300), "{text}");
}

#[test]
fn a_very_long_line_is_shortened_around_the_mistake() {
    let line = format!(
        "Guide(id: \"g\", title: \"{}\", start: \"{}, x: 1)",
        "t".repeat(3_000_000),
        "s".repeat(3_000_000)
    );
    let checked = check_source(Source::new("long.ron", line));
    assert!(checked.has_errors());
    let human = render_human(&checked.diagnostics, &checked.source);
    assert!(human.len() < 4_000, "{}", human.len());
    assert!(human.contains("..."), "{human}");
}

#[test]
fn deep_nesting_is_one_clear_error() {
    for open in ["[", "(", "A("] {
        let text = format!("Guide(id: \"g\", title: {}", open.repeat(200_000));
        let checked = check_source(Source::new("deep.ron", text));
        let codes: Vec<&str> = checked
            .diagnostics
            .iter()
            .map(|d| d.code.as_str())
            .collect();
        assert_eq!(codes, vec!["G0011"], "{open}");
    }
}

#[test]
fn an_empty_file_says_so() {
    for text in ["", "  \n\t", "// only a comment\n"] {
        let checked = check_source(Source::new("empty.ron", text));
        let found = listed(&checked);
        assert_eq!(
            found,
            vec![("G0001", 0, 0, "the file is empty".to_string())],
            "{text:?}"
        );
    }
}

#[test]
fn random_bytes_and_random_text_never_panic_and_stay_bounded() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("random.ron");
    let bytes: Vec<u8> = (0..65_536u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 11) as u8)
        .collect();
    std::fs::write(&path, &bytes).expect("write");
    let checked = check_path(&path);
    assert_eq!(checked.diagnostics[0].code, Code::Unreadable);
    // Text made of the characters that matter to the reader, in random order and length.
    let alphabet: Vec<char> =
        "()[]{},:\"'r#/*-\\ \n\r\tGuide(id:\"x\")Goto End Some 12 3.5 “” é 日 \u{7}"
            .chars()
            .collect();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..400 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let len = (seed % 300) as usize;
        let text: String = (0..len)
            .map(|i| {
                let k = (seed.rotate_left(i as u32 % 64) ^ (i as u64).wrapping_mul(0x2545_f491))
                    as usize;
                alphabet[k % alphabet.len()]
            })
            .collect();
        let checked = check_source(Source::new("random.ron", text.clone()));
        assert!(checked.diagnostics.len() <= 202, "{text:?}");
        let _ = render_human(&checked.diagnostics, &checked.source);
    }
}

#[test]
fn messages_about_ids_read_as_sentences() {
    let text = r#"Guide(id: "g", title: "T", start: "vat",
  dimensions: [Dimension(id: "d", name: "D", values: [Value(id: "v", label: "V"), Value(id: "v", label: "W")])],
  questions: [Question(id: "vat", text: "?", why: "w", answers: [
    Answer(id: "a", label: "A", next: End("zzzzzzzz")),
    Answer(id: "a", label: "B", next: End("done")),
    Answer(id: "A", label: "C", next: End("done")),
  ])],
  outcomes: [Outcome(id: "done", title: "Done", pros: ["p"], cons: ["c"])],
)"#;
    let checked = check_source(Source::new("ids.ron", text));
    let said: Vec<String> = checked
        .diagnostics
        .iter()
        .flat_map(|d| [d.message.clone(), d.help.clone().unwrap_or_default()])
        .collect();
    for sentence in [
        "two values of dimension \"d\" have the id \"v\"",
        "two answers of question \"vat\" have the id \"a\"",
        "the answer ids \"a\" and \"A\" of question \"vat\" differ only in capitals",
        "add an outcome with this id, or link to an existing one",
    ] {
        assert!(said.iter().any(|s| s == sentence), "{sentence}: {said:?}");
    }
}
