//! Properties of session files: any session file written reads back the same; any text read as
//! one is refused in printable words or resumed with the walk's invariants kept, reported on,
//! and saved and resumed again to the same session. The fuzz target `session` runs the same
//! checks.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]

mod prop_support;

use std::sync::{Arc, OnceLock};

use coop_guide::engine::session::{Deadline, Draft, Online, Seen, SessionFile, Tally};
use coop_guide::guide::{files, Guide};
use prop_support::{check_session_text, mutate, Edit, PIECES};
use proptest::prelude::*;

/// The built-in guide in English and in Spanish, loaded once.
fn guides() -> &'static [Arc<Guide>] {
    static GUIDES: OnceLock<Vec<Arc<Guide>>> = OnceLock::new();
    GUIDES.get_or_init(|| {
        vec![
            Arc::new(files::usable(None, None).expect("the built-in guide")),
            Arc::new(files::usable(None, Some("es")).expect("its Spanish")),
        ]
    })
}

/// Every `(question, answer)` of the built-in guide, and its outcomes.
fn ids() -> (Vec<(String, String)>, Vec<String>) {
    let guide = &guides()[0];
    let pairs = guide
        .questions
        .iter()
        .flat_map(|q| q.answers.iter().map(|a| (q.id.clone(), a.id.clone())))
        .collect();
    let outcomes = guide.outcomes.iter().map(|o| o.id.clone()).collect();
    (pairs, outcomes)
}

/// Text as a file may hold it: anything, a piece of the format, or a word.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,12}",
        prop::sample::select(PIECES).prop_map(String::from),
        "[a-z-]{0,10}",
    ]
}

fn pair() -> impl Strategy<Value = (String, String)> {
    let (pairs, _) = ids();
    prop_oneof![4 => prop::sample::select(pairs), 1 => (text(), text())]
}

fn question() -> impl Strategy<Value = String> {
    pair().prop_map(|(q, _)| q)
}

prop_compose! {
    fn records()(
        tallies in prop::collection::vec(
            (question(), prop::collection::vec((text(), any::<u32>()), 0..3))
                .prop_map(|(question, hands)| Tally { question, hands }),
            0..4,
        ),
        online in prop::collection::vec(
            (
                question(),
                prop::collection::vec((text(), any::<u32>()), 0..3),
                prop::collection::vec((text(), text()), 0..2),
            )
                .prop_map(|(question, votes, names)| Online { question, votes, names }),
            0..3,
        ),
        notes in prop::collection::vec((question(), text()), 0..3),
        seconds in prop::collection::vec((question(), any::<u64>()), 0..3),
        countdowns in prop::collection::vec((question(), any::<u64>()), 0..2),
        countdown in prop::option::of((question(), any::<u64>(), text())
            .prop_map(|(question, seconds, ends)| Deadline { question, seconds, ends })),
        draft in prop::option::of((question(), text()).prop_map(|(question, text)| Draft { question, text })),
        texts in prop::collection::vec(
            (question(), text(), prop::collection::vec((text(), text()), 0..2))
                .prop_map(|(question, text, answers)| Seen { question, text, answers }),
            0..3,
        ),
    ) -> SessionFile {
        SessionFile { tallies, online, notes, seconds, countdowns, countdown, draft, texts, ..SessionFile::default() }
    }
}

prop_compose! {
    fn session_file()(
        format in 0..=2u32,
        guide in prop_oneof![9 => Just("coop-varieties".to_string()), 1 => text()],
        header in (text(), text(), prop::sample::select(vec!["en", "es", "", "xx-YY", "e\u{1b}s"]), text(), text()),
        at in prop_oneof![question(), Just(String::new())],
        finished in any::<bool>(),
        answers in prop::collection::vec(pair(), 0..14),
        result in prop_oneof![prop::sample::select(ids().1), text()],
        result_title in text(),
        notes_shown in any::<bool>(),
        record in records(),
    ) -> SessionFile {
        let (guide_version, group, language, created, updated) = header;
        SessionFile {
            format, guide, guide_version, group, language: language.to_string(), created,
            updated, at, finished, answers, result, result_title, notes_shown, ..record
        }
    }
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    prop::collection::vec(
        (
            any::<usize>(),
            any::<u8>(),
            prop::sample::select(PIECES).prop_map(String::from),
        ),
        1..5,
    )
}

/// Sessions as the presenter saves them (`fuzz/seeds/session/`).
const SAVED: &[&str] = &[
    include_str!("../fuzz/seeds/session/part-way.ron"),
    include_str!("../fuzz/seeds/session/finished.ron"),
    include_str!("../fuzz/seeds/session/changed.ron"),
    include_str!("../fuzz/seeds/session/spanish.ron"),
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_session_file_written_reads_back_the_same(file in session_file()) {
        let text = file.to_text();
        let back = SessionFile::parse("s.ron", &text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        prop_assert_eq!(back, file);
    }

    #[test]
    fn a_session_file_resumes_and_saves_again_the_same(file in session_file()) {
        check_session_text(guides(), &file.to_text());
    }

    #[test]
    fn any_characters_as_a_session_file_are_refused_or_resumed(text in any::<String>()) {
        check_session_text(guides(), &text);
    }

    #[test]
    fn saved_sessions_mutated_are_refused_or_resumed(
        text in prop::sample::select(SAVED),
        edits in edits(),
    ) {
        check_session_text(guides(), &mutate(text, &edits));
    }
}

#[test]
fn saved_sessions_resume_and_save_again_the_same() {
    for text in SAVED {
        check_session_text(guides(), text);
    }
}

#[test]
fn what_a_file_does_not_keep_leaves_no_texts_behind() {
    // A blank note, hands taken back to none and an empty draft are not saved; the texts of
    // their questions were, so every save of the reopened session changed the file.
    use coop_guide::engine::session::Session;
    let guide = Arc::clone(&guides()[0]);
    let mut session = Session::new(Arc::clone(&guide), "A", "2026-01-01T00:00:00Z".into());
    session
        .record
        .notes
        .insert("motivation".into(), " \n ".into());
    session.record.add_hands("aspiration", "lifestyle", 2);
    session.record.add_hands("aspiration", "lifestyle", -2);
    session.record.draft = Some(("country".into(), String::new()));
    let saved = session.to_file("2026-01-01T00:01:00Z".into());
    assert_eq!(saved.texts, Vec::new());
    assert_eq!(saved.draft, None);
    check_session_text(guides(), &saved.to_text());
}
