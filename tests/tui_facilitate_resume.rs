//! Workshop mode across a stop: what a session keeps when the presenter is closed, killed or
//! reopened on a changed guide — a note being typed, a countdown's deadline, a finished walk,
//! and everything a newer version of the guide no longer asks, shown with its texts as last seen
//! and never recorded again without asking.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]

mod support;

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use coop_guide::engine::session::{Session, SessionFile};
use coop_guide::guide::Guide;
use coop_guide::store::{read_file, wall_now, Store};
use coop_guide::tui::facilitate::keymap::Context;
use coop_guide::tui::facilitate::presenter::{Action, Effect, Overlay};
use coop_guide::tui::facilitate::Presenter;
use coop_guide::tui::player::Screen;
use coop_guide::tui::Theme;
use support::facilitate::*;
use support::{decision, guide, text};

fn room() -> Arc<Guide> {
    guide("tests/fixtures/workshop/room.ron")
}

/// The next version of the room's guide: "reserve" is gone, "ratio" is now "capped".
fn room_2() -> Arc<Guide> {
    guide("tests/fixtures/workshop/room-2.ron")
}

fn pair(a: &str, b: &str) -> (String, String) {
    (a.to_string(), b.to_string())
}

/// The words on screen in reading order, one space between them.
fn words(screen: &str) -> String {
    screen.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reopens a session with the wall clock at `wall`, as `facilitate` does.
fn reopen_at(guide: Arc<Guide>, path: &Path, wall: Duration) -> Presenter {
    let session = Session::resume(guide, read_file(path).expect("reads")).expect("resumes");
    Presenter::new(session, Store::new(path))
        .with_theme(Theme::default_theme())
        .with_wall_clock(wall)
        .with_size(100, 30)
}

#[test]
fn a_note_being_typed_is_saved_at_every_key_and_comes_back_on_the_next_start() {
    let (_dir, path) = workspace();
    let mut p = presenter(decision(), &path, 80, 24);
    press(&mut p, "<enter>n");
    type_text(&mut p, "We disagreed on pa");
    let draft = on_disk(&path).draft.expect("a draft is saved");
    assert_eq!(
        (draft.question.as_str(), draft.text.as_str()),
        ("size", "We disagreed on pa")
    );
    press(&mut p, "<bs>");
    assert_eq!(
        on_disk(&path).draft.expect("draft").text,
        "We disagreed on p"
    );
    assert!(on_disk(&path).notes.is_empty(), "not kept as a note yet");
    // The presenter goes away without a word (a crash): the next start has the note open.
    drop(p);
    let mut p = resume(decision(), &path, 80, 24);
    assert_eq!(p.context(), Context::Note);
    assert_eq!(
        p.note_input().map(|n| n.text()).as_deref(),
        Some("We disagreed on p")
    );
    assert!(p
        .notice()
        .is_some_and(|n| n.contains("note you were typing is back")));
    type_text(&mut p, "ay");
    press(&mut p, "<enter>");
    let file = on_disk(&path);
    assert_eq!(file.notes, vec![pair("size", "We disagreed on pay")]);
    assert_eq!(file.draft, None, "kept: no draft any more");

    // Esc throws the draft away too.
    press(&mut p, "n");
    type_text(&mut p, " and hours");
    assert!(on_disk(&path).draft.is_some());
    press(&mut p, "<esc>");
    let file = on_disk(&path);
    assert_eq!(file.draft, None);
    assert_eq!(file.notes, vec![pair("size", "We disagreed on pay")]);
}

#[test]
fn a_countdown_is_saved_by_its_deadline_and_runs_on_while_the_presenter_is_closed() {
    let (_dir, path) = workspace();
    // A whole second, so the deadline saved (to the second) is exactly two minutes on.
    let start = Duration::from_secs(wall_now().as_secs());
    let session = new_session(room(), &path);
    let mut p = Presenter::new(session, Store::new(&path))
        .with_wall_clock(start)
        .with_size(120, 35);
    press(&mut p, "<enter>t");
    let deadline = on_disk(&path).countdown.expect("saved with its deadline");
    assert_eq!(deadline.question, "pay");
    assert_eq!(deadline.seconds, 120);
    assert_eq!(deadline.ends_at(), Some(start.as_secs() + 120));
    drop(p);

    // Reopened 30 seconds later: 1:30 left, and it still wakes once a second.
    let p = reopen_at(room(), &path, start + Duration::from_secs(30));
    let c = p.countdown().expect("the countdown runs on");
    assert_eq!(c.shown_seconds(p.now()), 90);
    assert_eq!(p.next_tick(), Some(Duration::from_secs(1)));
    drop(p);

    // Reopened after the deadline: time is up, and no bell rings for a time that ran out while
    // nobody was there.
    let mut p = reopen_at(room(), &path, start + Duration::from_secs(600));
    assert_eq!(p.countdown().map(|c| c.shown_seconds(p.now())), Some(0));
    assert!(p.handle(Action::Tick(Duration::from_secs(1))).is_empty());
    assert_eq!(p.next_tick(), None);
}

#[test]
fn the_bell_rings_once_when_the_countdown_runs_out() {
    let (_dir, path) = workspace();
    let mut p = presenter(room(), &path, 120, 35);
    press(&mut p, "<enter>t");
    assert!(p.handle(Action::Tick(Duration::from_secs(119))).is_empty());
    assert_eq!(
        p.handle(Action::Tick(Duration::from_secs(120))),
        vec![Effect::Bell]
    );
    assert!(p.handle(Action::Tick(Duration::from_secs(121))).is_empty());
    assert!(text(&p).contains("time is up"));
}

#[test]
fn a_finished_session_reopens_at_its_result() {
    let (_dir, path) = workspace();
    let mut p = presenter(room(), &path, 100, 30);
    press(&mut p, "<enter><enter><enter><enter><enter>");
    assert!(
        matches!(p.screen(), Screen::Result { .. }),
        "{:?}",
        p.screen()
    );
    drop(p);
    let p = resume(room(), &path, 100, 30);
    assert!(
        matches!(p.screen(), Screen::Result { .. }),
        "{:?}",
        p.screen()
    );
    assert!(text(&p).contains("Steady pay"));
}

/// A session of the room's first guide: pay "ratio" (3 hands against 2), hours "group", the
/// reserve "three" with 4 hands and a note, and the result reached.
fn a_finished_room_session(path: &Path) {
    let mut p = presenter(room(), path, 100, 30);
    press(&mut p, "<enter>++j+++<enter>2<enter>++++n");
    type_text(&mut p, "Half of us have no savings.");
    press(&mut p, "<enter><enter><enter>");
    assert!(
        matches!(p.screen(), Screen::Result { .. }),
        "{:?}",
        p.screen()
    );
}

#[test]
fn resume_after_removing_a_question_shows_its_hands_and_note() {
    let (_dir, path) = workspace();
    a_finished_room_session(&path);
    let before = on_disk(&path);
    assert!(before
        .texts
        .iter()
        .any(|t| t.question == "reserve" && t.text == "How much money should stay in the bank?"));

    let mut p = resume(room_2(), &path, 100, 30);
    // What the new version no longer asks opens over the screen, with the texts as last seen.
    assert_eq!(p.context(), Context::Earlier);
    let shown = words(&text(&p));
    for said in [
        "From an earlier version of the guide",
        "How much money should stay in the bank?",
        "The group answered: “Three months of pay”",
        "Hands: “Three months of pay” 4",
        "Note: Half of us have no savings.",
        "How should pay be set?",
        "The group answered: “Within a ratio, such as 1 to 3”",
    ] {
        assert!(shown.contains(said), "{said}:\n{}", text(&p));
    }
    assert!(!shown.contains("reserve"), "no raw ids:\n{}", text(&p));
    // Closed, and opened again with e.
    press(&mut p, "<esc>");
    assert!(p.layers().is_empty());
    press(&mut p, "e");
    assert_eq!(
        p.layers().top().map(|l| l.kind.clone()),
        Some(Overlay::Earlier)
    );
    press(&mut p, "e");
    assert!(p.layers().is_empty());

    // Nothing is dropped when the session is saved again under the new version.
    press(&mut p, "+");
    let after = on_disk(&path);
    assert!(after.answers.contains(&pair("reserve", "three")));
    assert!(after.answers.contains(&pair("pay", "ratio")));
    assert!(after
        .notes
        .contains(&pair("reserve", "Half of us have no savings.")));
    assert!(after
        .tallies
        .iter()
        .any(|t| t.question == "reserve" && t.hands == vec![("three".to_string(), 4)]));
    assert!(after
        .texts
        .iter()
        .any(|t| t.question == "reserve" && t.text == "How much money should stay in the bank?"));
    assert_eq!(after.guide_version, "2.0.0");
}

#[test]
fn a_renamed_answer_is_shown_and_never_replaced_without_asking() {
    let (_dir, path) = workspace();
    a_finished_room_session(&path);
    let mut p = resume(room_2(), &path, 100, 30);
    press(&mut p, "<esc>");
    // The pay question lost the group's answer: the walk stops there.
    assert_eq!(question_id(&p).as_deref(), Some("pay"));
    let shown = words(&text(&p));
    assert!(
        shown.contains(
            "Before: the group answered “Within a ratio, such as 1 to 3”, an answer this version of the guide no longer has."
        ),
        "{}",
        text(&p)
    );
    assert!(
        shown.contains(
            "Hands for answers this version no longer has: “Within a ratio, such as 1 to 3” 3."
        ),
        "{}",
        text(&p)
    );
    // Enter on an answer asks first, naming the earlier answer; a second Enter records it.
    press(&mut p, "2<enter>");
    assert_eq!(question_id(&p).as_deref(), Some("pay"));
    let notice = p.notice().expect("asked").to_string();
    assert_eq!(
        notice,
        "Record “Capped: nobody earns more than three times another” (0 hands)? “Everyone is paid the same” has 2 hands. \
         With an earlier version of the guide the group answered “Within a ratio, such as 1 to 3”. \
         Enter again records it; Esc or any other key takes the question back."
    );
    press(&mut p, "<enter>");
    assert_eq!(question_id(&p).as_deref(), Some("hours"));
    let file = on_disk(&path);
    assert!(file.answers.contains(&pair("pay", "capped")));
    assert!(
        file.answers.contains(&pair("pay", "ratio")),
        "the earlier answer is kept beside it"
    );
}

#[test]
fn a_finished_session_that_no_longer_reaches_a_result_says_what_it_had_reached() {
    let (_dir, path) = workspace();
    a_finished_room_session(&path);
    let p = resume(room_2(), &path, 100, 30);
    let notice = p.notice().expect("a notice").to_string();
    assert!(
        notice.contains("This session had reached “Steady pay”; with this version of the guide it needs more answers."),
        "{notice}"
    );
}

#[test]
fn an_answer_id_with_an_invisible_character_is_the_answer_it_looks_like() {
    let (_dir, path) = workspace();
    let text = "Session(format: 1, guide: \"decision-making\", guide_version: \"1.0.0\", \
                at: \"pace\", answers: [(\"size\u{200b}\", \"sma\u{200d}ll\")])";
    std::fs::write(&path, text).expect("write");
    let file = SessionFile::parse("s", text).expect("parses");
    let session = Session::resume(decision(), file).expect("resumes");
    assert_eq!(session.walk.answers_by_id(), vec![pair("size", "small")]);
    assert!(
        session.record.kept.is_empty(),
        "no look-alike kept beside it"
    );
    let mut p = resume(decision(), &path, 80, 24);
    assert_eq!(question_id(&p).as_deref(), Some("pace"));
    press(&mut p, "+");
    assert_eq!(on_disk(&path).answers, vec![pair("size", "small")]);
}

#[test]
fn with_no_hands_counted_enter_still_asks_before_replacing_an_earlier_answer() {
    let (_dir, path) = workspace();
    let text = "Session(format: 2, guide: \"room\", guide_version: \"1.0.0\", at: \"pay\", \
                answers: [(\"pay\", \"ratio\")], \
                texts: [Seen(question: \"pay\", text: \"How should pay be set?\", \
                answers: [(\"ratio\", \"Within a ratio, such as 1 to 3\")])])";
    std::fs::write(&path, text).expect("write");
    let mut p = resume(room_2(), &path, 100, 30);
    press(&mut p, "<esc><enter>");
    assert_eq!(
        p.notice(),
        Some(
            "Record “Everyone is paid the same”? With an earlier version of the guide the group \
             answered “Within a ratio, such as 1 to 3”. Enter again records it; Esc or any other \
             key takes the question back."
        )
    );
    press(&mut p, "<enter>");
    assert_eq!(question_id(&p).as_deref(), Some("hours"));
}

#[test]
fn the_handout_after_a_changed_guide_shows_what_it_no_longer_asks_with_its_texts() {
    let (_dir, path) = workspace();
    a_finished_room_session(&path);
    let p = resume(room_2(), &path, 100, 30);
    let md = coop_guide::report::sessions::handout(p.walk(), p.record()).to_markdown();
    assert!(
        md.contains("## From an earlier version of the guide"),
        "{md}"
    );
    assert!(
        md.contains(
            "- **How much money should stay in the bank?** The group answered: “Three months of pay” · Hands: Three months of pay 4 · Note: Half of us have no savings."
        ),
        "{md}"
    );
    assert!(
        md.contains("- **How should pay be set?** The group answered: “Within a ratio, such as 1 to 3” · Hands: Within a ratio, such as 1 to 3 3"),
        "{md}"
    );
    assert!(
        md.contains("recorded with guide version 1.0.0; this hand-out uses version 2.0.0"),
        "{md}"
    );
}

#[test]
fn answers_ahead_of_where_a_changed_guide_stops_are_not_on_a_branch_the_group_left() {
    let (_dir, path) = workspace();
    a_finished_room_session(&path);
    let mut p = resume(room_2(), &path, 100, 30);
    press(&mut p, "<esc>");
    assert_eq!(question_id(&p).as_deref(), Some("pay"));
    // "hours" still comes after "pay": its answer waits there, it was never left.
    assert!(p.walk().stale().is_empty(), "{:?}", p.walk().stale());
    press(&mut p, "r");
    let shown = text(&p);
    assert!(!shown.contains("branch you left"), "{shown}");

    // A branch really left is still called one.
    let (_dir, path) = workspace();
    let mut p = presenter(decision(), &path, 100, 30);
    press(&mut p, "<enter>2<enter>1<enter>bb1<enter>1<enter>1<enter>");
    assert!(
        matches!(p.screen(), Screen::Review { .. }),
        "{:?}",
        p.screen()
    );
    let stale = p.walk().stale();
    assert_eq!(stale.len(), 1, "{stale:?}");
    assert!(text(&p).contains("on a branch you left"), "{}", text(&p));
}
