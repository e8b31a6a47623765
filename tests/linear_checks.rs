//! Checks whose work grows linearly with the guide: a question with 100,000 answers, and a
//! translation with 4,000 orphaned entries, are checked in well under a second. These tests pin
//! what is found, not the time.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]

use std::fmt::Write as _;

use coop_guide::guide::diagnostic::Locus;
use coop_guide::guide::{check_source, default_guide, translation, Code, Source};

/// A guide whose one question has `n` answers; every answer numbered `k * 10_000 - 1` repeats
/// the label of the answer before it, in capitals and with spaces around.
fn many_answers(n: usize) -> String {
    let mut s = String::from(
        "Guide(id: \"many\", version: \"1\", title: \"Many\", start: \"q\", questions: [\n\
         Question(id: \"q\", text: \"Which?\", why: \"Because.\", answers: [\n",
    );
    for i in 0..n {
        let label = if i % 10_000 == 9_999 {
            format!("  OPTION {} ", i - 1)
        } else {
            format!("Option {i}")
        };
        let _ = writeln!(
            s,
            "Answer(id: \"a{i}\", label: \"{label}\", next: End(\"o\")),"
        );
    }
    s.push_str("])], outcomes: [Outcome(id: \"o\", title: \"O\", pros: [\"p\"], cons: [\"c\"])])");
    s
}

#[test]
fn a_question_with_100_000_answers_finds_every_repeated_label() {
    let source = Source::new("many.ron", many_answers(100_000));
    let checked = check_source(source);
    let found: Vec<(Code, String, Option<usize>)> = checked
        .diagnostics
        .iter()
        .map(|d| {
            let line = |locus: &Locus| match locus {
                Locus::Span(span) => Some(checked.source.line_col(span.start).line),
                Locus::Path(_) => None,
            };
            (
                d.code,
                d.message.clone(),
                d.secondary.first().and_then(|l| line(&l.at)),
            )
        })
        .collect();
    let expected: Vec<(Code, String, Option<usize>)> = (1..=10)
        .map(|k| {
            let i = k * 10_000 - 1;
            (
                Code::DuplicateLabel,
                format!("two answers of question \"q\" read \"OPTION {}\"", i - 1),
                // Answer `i - 1` sits on line `i - 1 + 3`.
                Some(i + 2),
            )
        })
        .collect();
    assert_eq!(found, expected);
    let first = &checked.diagnostics[0];
    let at = first.span().map(|s| checked.source.line_col(s.start).line);
    assert_eq!(at, Some(10_002));
}

#[test]
fn labels_repeated_among_a_few_answers_are_found_the_same_way() {
    // 16 answers or fewer are compared pairwise; the same labels must be found.
    for n in [12, 17] {
        let mut text = many_answers(n);
        text = text.replace("\"Option 3\"", "\" option 1\"");
        text = text.replace("\"Option 5\"", "\"OPTION 1\"");
        let checked = check_source(Source::new("few.ron", text));
        let lines: Vec<usize> = checked
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::DuplicateLabel)
            .filter_map(|d| d.span().map(|s| checked.source.line_col(s.start).line))
            .collect();
        assert_eq!(lines, [6, 8], "{n} answers: {:?}", checked.diagnostics);
    }
}

/// The Spanish translation of a guide with the given keys, each with an empty fingerprint.
fn translation_of(guide_id: &str, keys: &[String]) -> Source {
    let mut s = format!("Translation(guide: \"{guide_id}\", language: \"es\", entries: [\n");
    for key in keys {
        let _ = writeln!(s, "Entry(key: \"{key}\", text: \"x\"),");
    }
    s.push_str("])");
    Source::new("guide.es.ron", s)
}

/// `(key, help)` of every orphaned entry.
fn orphans(checked: &translation::CheckedTranslation) -> Vec<(String, String)> {
    checked
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::TranslationOrphan)
        .map(|d| {
            let key = d.message.split('"').nth(1).unwrap_or_default().to_string();
            (key, d.help.clone().unwrap_or_default())
        })
        .collect()
}

const NO_SUGGESTION: &str =
    "the text was removed or its id renamed; remove the entry or rename its key";

#[test]
fn four_thousand_orphans_each_get_their_likely_key() {
    let guide = default_guide().guide.expect("the built-in guide");
    let real: Vec<String> = translation::texts(&guide)
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    assert!(real.len() > 500, "{}", real.len());
    // A typo of every key of the guide, then keys like none of them, 4,000 in all.
    let mut keys: Vec<String> = real.iter().map(|k| format!("{k}x")).collect();
    let typos = keys.len();
    keys.extend((typos..4_000).map(|i| format!("gone.{i}.text")));
    let checked = translation::check(&guide, translation_of(&guide.id, &keys));
    let found = orphans(&checked);
    assert_eq!(found.len(), 4_000);
    assert_eq!(checked.coverage.orphaned, 4_000);
    for ((key, help), meant) in found.iter().zip(&real) {
        assert_eq!(key, &format!("{meant}x"));
        assert_eq!(
            help,
            &format!("did you mean \"{meant}\"? Otherwise remove the entry")
        );
    }
    for (key, help) in &found[typos..] {
        assert_eq!(help, NO_SUGGESTION, "{key}");
    }
}
