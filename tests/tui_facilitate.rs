//! Workshop mode, driven with keys: the presenter over the decision-making guide (hands, the
//! group's choice, notes, the countdown, time per question, autosave and resume, the hand-out),
//! the report viewer with its chart, and snapshots of both. Every change is read back from the
//! session file on disk, through the same `perform` the terminal loop uses.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]

mod support;

use std::time::Duration;

use coop_guide::engine::session::{Session, SessionFile};
use coop_guide::locale::ES;
use coop_guide::store::{now_rfc3339, Store};
use coop_guide::tui::document::Move;
use coop_guide::tui::facilitate::keymap::{self, Command, Context};
use coop_guide::tui::facilitate::presenter::Action;
use coop_guide::tui::facilitate::{save_comparison, Comparison, Presenter};
use coop_guide::tui::input::Input;
use coop_guide::tui::keymap::parse_keys;
use coop_guide::tui::keymap::Scroll;
use coop_guide::tui::layers::Status;
use coop_guide::tui::player::Screen;
use coop_guide::tui::{Ending, Theme};
use insta::assert_snapshot;
use ratatui::style::Modifier;
use support::facilitate::*;
use support::{backend, buffer, buffer_text, decision, guide, text};

/// The words on screen in reading order, one space between them: a sentence wrapped over
/// several rows reads as one.
fn words(screen: &str) -> String {
    screen.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The workshop fixture: a question with four answers, facilitator notes.
fn room() -> std::sync::Arc<coop_guide::guide::Guide> {
    guide("tests/fixtures/workshop/room.ron")
}

fn tally(file: &SessionFile, question: &str) -> Vec<(String, u32)> {
    file.tallies
        .iter()
        .find(|t| t.question == question)
        .map(|t| t.hands.clone())
        .unwrap_or_default()
}

fn pair(a: &str, b: &str) -> (String, String) {
    (a.to_string(), b.to_string())
}

#[test]
fn hands_are_added_and_removed_for_the_selected_answer_and_saved_each_time() {
    let (_dir, path) = workspace();
    let mut p = presenter(decision(), &path, 80, 24);
    press(&mut p, "<enter>");
    assert_eq!(question_id(&p).as_deref(), Some("size"));

    press(&mut p, "+");
    assert_eq!(tally(&on_disk(&path), "size"), vec![("small".into(), 1)]);
    press(&mut p, "<right>=");
    assert_eq!(p.hands(0, 0), 3);
    assert_eq!(tally(&on_disk(&path), "size"), vec![("small".into(), 3)]);

    press(&mut p, "j++");
    assert_eq!(
        tally(&on_disk(&path), "size"),
        vec![("large".into(), 2), ("small".into(), 3)]
    );
    press(&mut p, "-<left>");
    assert_eq!(p.hands(0, 1), 0);
    assert_eq!(tally(&on_disk(&path), "size"), vec![("small".into(), 3)]);
    // Hands never go below zero.
    press(&mut p, "---");
    assert_eq!(p.hands(0, 1), 0);
    let shown = text(&p);
    assert!(shown.contains("3 ████"), "the count and its bar:\n{shown}");
}

#[test]
fn counting_never_moves_the_marker_and_enter_on_the_leader_records_it() {
    let (_dir, path) = workspace();
    let mut p = presenter(decision(), &path, 80, 24);
    // Up to twelve: 1 hand; more than twelve: 2. The marker ends on the first answer.
    press(&mut p, "<enter>+j++k");
    assert_eq!(p.cursor(), 0);
    press(&mut p, "-+");
    assert_eq!(
        p.cursor(),
        0,
        "counting again leaves the marker where it is"
    );
    assert_eq!(p.standing(0).leader(), Some(1), "the count says who leads");
    let buf = buffer(&p);
    let shown = buffer_text(&buf);
    let row = shown
        .lines()
        .position(|l| l.contains("More than"))
        .expect("second answer shown") as u16;
    let count_x = shown
        .lines()
        .nth(usize::from(row))
        .and_then(|l| l.find("2 █"))
        .expect("its count") as u16;
    assert!(
        buf[(count_x, row)].modifier.contains(Modifier::BOLD),
        "the leading count stands out:\n{shown}"
    );
    let marked_row = shown
        .lines()
        .position(|l| l.contains('›'))
        .expect("a marked answer") as u16;
    let label_x = (0..80)
        .find(|&x| buf[(x, marked_row)].symbol() == "U")
        .expect("label");
    assert!(
        buf[(label_x, marked_row)]
            .modifier
            .contains(Modifier::REVERSED),
        "the marked answer is highlighted"
    );

    // Enter on the leader records it at once.
    press(&mut p, "j<enter>");
    assert_eq!(question_id(&p).as_deref(), Some("delegation"));
    let file = on_disk(&path);
    assert_eq!(file.answers, vec![pair("size", "large")]);
    assert_eq!(file.at, "delegation");
}

#[test]
fn recording_an_answer_with_fewer_hands_asks_once_naming_both_counts() {
    let (_dir, path) = workspace();
    let mut p = presenter(decision(), &path, 80, 24);
    press(&mut p, "<enter>j+++k<enter>");
    assert!(p.asking());
    assert_eq!(
        question_id(&p).as_deref(),
        Some("size"),
        "nothing recorded yet"
    );
    let notice = p.notice().expect("the question").to_string();
    assert_eq!(
        notice,
        "Record “Up to about twelve” (0 hands)? “More than twelve” has 3 hands. Enter again records it; Esc or any other key takes the question back."
    );
    assert!(text(&p).contains("Record “Up to about twelve” (0 hands)?"));
    assert!(on_disk(&path).answers.is_empty());
    // Any other key goes back: the next Enter asks again.
    press(&mut p, "x");
    assert!(!p.asking());
    press(&mut p, "<enter>");
    assert!(p.asking());
    // Esc takes the question back and nothing else: the question stays on screen.
    press(&mut p, "<esc>");
    assert!(!p.asking());
    assert_eq!(question_id(&p).as_deref(), Some("size"));
    press(&mut p, "<enter>");
    assert!(p.asking());
    // A second Enter records it anyway.
    press(&mut p, "<enter>");
    assert_eq!(question_id(&p).as_deref(), Some("pace"));
    assert_eq!(on_disk(&path).answers, vec![pair("size", "small")]);
}

#[test]
fn the_three_three_zero_one_tie_records_neither_the_last_counted_nor_silently() {
    // The reported room: hands 3, 3, 0 and 1, counted in order, the marker left on the last.
    let (_dir, path) = workspace();
    let mut p = presenter(room(), &path, 100, 30);
    press(&mut p, "<enter>+++j+++jj+");
    assert_eq!(p.cursor(), 3);
    assert!(p.tied(0));
    assert_eq!(p.standing(0).leaders, vec![0, 1]);
    let shown = text(&p);
    let said = words(&shown);
    assert!(
        said.contains(
            "Tied: “Everyone is paid the same” and “Within a ratio, such as 1 to 3”, 3 hands each."
        ),
        "the screen names the tied answers:\n{shown}"
    );
    // Enter on the answer with 1 hand asks first, naming both tied answers and the counts.
    press(&mut p, "<enter>");
    assert_eq!(question_id(&p).as_deref(), Some("pay"));
    let notice = p.notice().expect("asked").to_string();
    assert!(
        notice.starts_with("Record “Not sure yet” (1 hand)? “Everyone is paid the same” and “Within a ratio, such as 1 to 3” have 3 hands each."),
        "{notice}"
    );
    // Moving to one of the tied answers records it at once.
    press(&mut p, "2<enter>");
    assert_eq!(question_id(&p).as_deref(), Some("hours"));
    assert_eq!(on_disk(&path).answers, vec![pair("pay", "ratio")]);
    assert_eq!(
        tally(&on_disk(&path), "pay"),
        vec![
            ("equal".into(), 3),
            ("ratio".into(), 3),
            ("unsure".into(), 1)
        ]
    );
}

#[test]
fn on_a_tie_enter_records_a_tied_marked_answer_at_once() {
    let (_dir, path) = workspace();
    let mut p = presenter(decision(), &path, 80, 24);
    press(&mut p, "<enter>+j+");
    assert!(p.tied(0));
    assert_eq!(p.cursor(), 1, "› stays where it was moved to");
    let shown = text(&p);
    assert!(
        shown.contains("Tied: “Up to about twelve” and “More than twelve”, 1 hand each."),
        "{shown}"
    );
    let marked: Vec<&str> = shown.lines().filter(|l| l.contains('›')).collect();
    assert_eq!(marked.len(), 1, "only the marked answer: {shown}");
    assert!(marked[0].contains("More than twelve"), "{shown}");
    press(&mut p, "<enter>");
    assert_eq!(p.status(), None, "no question asked");
    assert_eq!(question_id(&p).as_deref(), Some("delegation"));
    assert_eq!(on_disk(&path).answers, vec![pair("size", "large")]);
}

#[test]
fn enter_records_the_answer_marked_with_the_arrow_after_counting_several() {
    // The reported steps, on a question with three answers: 2 hands, 3 hands, then 1 hand.
    let (_dir, path) = workspace();
    let mut p = presenter(decision(), &path, 80, 24);
    press(&mut p, "<enter><enter>"); // size: up to twelve → pace, three answers
    assert_eq!(question_id(&p).as_deref(), Some("pace"));
    press(&mut p, "++<down>+++<down>+");
    assert_eq!(
        p.cursor(),
        2,
        "the marker stays on the answer being counted"
    );
    assert_eq!(p.standing(1).leader(), Some(1), "the count leads");
    let shown = text(&p);
    let marked = shown
        .lines()
        .find(|l| l.contains('›'))
        .expect("an answer is marked");
    assert!(marked.contains("3  Not sure yet"), "{shown}");
    assert!(!shown.contains('['), "nothing bracketed: {shown}");
    press(&mut p, "+");
    assert_eq!(p.hands(1, 2), 2);
    // The marked answer has 2 hands, the leader 3: Enter asks, a second Enter records.
    press(&mut p, "<enter>");
    assert!(p.notice().is_some_and(|n| n
        .starts_with("Record “Not sure yet” (2 hands)? “Often within a few days” has 3 hands.")));
    assert!(on_disk(&path).answers.len() == 1);
    press(&mut p, "<enter>");
    assert_eq!(
        on_disk(&path).answers,
        vec![pair("size", "small"), pair("pace", "unsure")]
    );
}

#[test]
fn the_presenter_help_says_what_the_marker_means() {
    let (_dir, path) = workspace();
    let mut p = presenter(decision(), &path, 100, 40);
    press(&mut p, "<enter>?");
    let shown = text(&p);
    assert!(
        shown.contains("marks the answer you count hands for"),
        "{shown}"
    );
    assert!(shown.contains("record the answer marked ›"), "{shown}");
}

#[test]
fn a_question_answered_before_opens_on_its_answer_not_the_count() {
    let (_dir, path) = workspace();
    let mut p = presenter(decision(), &path, 80, 24);
    // Two hands for "up to twelve", yet the facilitator records "more than twelve".
    press(&mut p, "<enter>++j<enter><enter>b");
    assert_eq!(question_id(&p).as_deref(), Some("size"));
    assert_eq!(p.cursor(), 1);
    assert!(text(&p).contains("(the group's answer)"));
}

#[test]
fn a_note_is_typed_saved_shown_and_can_be_cancelled_or_removed() {
    let (_dir, path) = workspace();
    let mut p = presenter(decision(), &path, 80, 24);
    press(&mut p, "<enter>n");
    assert_eq!(p.context(), Context::Note);
    type_text(&mut p, "We disagreed on pay ratiox");
    press(&mut p, "<bs>s<left><left><del><home><end>");
    assert_eq!(
        p.note_input().map(|n| n.text()).as_deref(),
        Some("We disagreed on pay ratis")
    );
    press(&mut p, "<right><left>");
    type_text(&mut p, "o");
    press(&mut p, "<enter>");
    assert_eq!(p.context(), Context::Question);
    let file = on_disk(&path);
    assert_eq!(file.notes, vec![pair("size", "We disagreed on pay ratios")]);
    assert!(text(&p).contains("Note: We disagreed on pay ratios"));

    // Keys that mean something elsewhere are text here; Esc leaves the note as it was.
    press(&mut p, "n");
    type_text(&mut p, " q?+t");
    assert_eq!(
        p.note_input().map(|n| n.text()).as_deref(),
        Some("We disagreed on pay ratios q?+t")
    );
    press(&mut p, "<esc>");
    assert!(p.layers().is_empty());
    assert_eq!(on_disk(&path).notes, file.notes);

    // Emptying the note removes it.
    press(&mut p, "n<home>");
    for _ in 0..40 {
        press(&mut p, "<del>");
    }
    press(&mut p, "<enter>");
    assert!(on_disk(&path).notes.is_empty());
    assert!(!text(&p).contains("Note:"));
}

#[test]
fn notes_keep_no_control_characters() {
    let (_dir, path) = workspace();
    let mut p = presenter(decision(), &path, 80, 24);
    press(&mut p, "<enter>n");
    type_text(&mut p, "a\u{1b}[31mb\u{7}\u{202e}c\u{9b}");
    press(&mut p, "<c-a><enter>");
    assert_eq!(on_disk(&path).notes, vec![pair("size", "a[31mbc")]);
}

#[test]
fn the_facilitator_notes_are_hidden_until_asked_and_the_choice_is_kept_with_the_session() {
    let (_dir, path) = workspace();
    let mut p = presenter(decision(), &path, 100, 30);
    press(&mut p, "<enter>");
    let notes = "Count the people who";
    assert!(!p.notes_pane(), "projector-safe from the start");
    assert!(!text(&p).contains(notes));
    assert!(!text(&p).contains("Facilitator notes"));
    press(&mut p, "h");
    assert!(p.notes_pane());
    assert!(text(&p).contains(notes));
    assert!(on_disk(&path).notes_shown, "the choice is saved");
    drop(p);

    // Resumed, the notes are as they were left; hidden again, they stay hidden on the next
    // resume.
    let mut p = resume(decision(), &path, 100, 30);
    assert!(text(&p).contains(notes));
    press(&mut p, "h");
    assert!(!on_disk(&path).notes_shown);
    drop(p);
    let p = resume(decision(), &path, 100, 30);
    assert!(!text(&p).contains(notes));
    assert!(!text(&p).contains("Facilitator notes"));
}

#[test]
fn notes_are_absent_from_the_projected_screen_at_start_and_after_resume_at_every_size() {
    let (_dir, path) = workspace();
    let notes = "Watch for names";
    let mut p = presenter(room(), &path, 80, 24);
    press(&mut p, "<enter>++");
    for (w, h) in [(40, 12), (80, 24), (120, 35), (200, 50)] {
        let mut sized = p.clone();
        sized.handle(Action::Input(Input::Resize(w, h)));
        let shown = words(&text(&sized));
        assert!(!shown.contains(notes), "{w}x{h}:\n{shown}");
        assert!(!shown.contains("Facilitator notes"), "{w}x{h}:\n{shown}");
    }
    drop(p);
    let p = resume(room(), &path, 120, 35);
    assert_eq!(question_id(&p).as_deref(), Some("pay"));
    assert!(!words(&text(&p)).contains(notes));
    // Asked for on the command line (`--notes`), they show.
    let p = p.with_notes(true);
    assert!(words(&text(&p)).contains(notes));
}

#[test]
fn the_countdown_cycles_ticks_only_while_it_runs_and_is_saved() {
    let (_dir, path) = workspace();
    let mut p = presenter(decision(), &path, 80, 24);
    press(&mut p, "<enter>");
    assert_eq!(p.next_tick(), None, "idle: no timer, no CPU");

    press(&mut p, "t");
    assert!(text(&p).contains("2:00 left"));
    assert_eq!(p.next_tick(), Some(Duration::from_secs(1)));
    assert_eq!(on_disk(&path).countdowns, vec![("size".to_string(), 120)]);
    at(&mut p, 61);
    assert!(text(&p).lines().next().unwrap_or("").contains("0:59 left"));
    at(&mut p, 120);
    assert!(text(&p).contains("time is up"));
    assert_eq!(p.next_tick(), None);

    press(&mut p, "t");
    assert!(text(&p).contains("5:00 left"));
    press(&mut p, "t");
    assert_eq!(on_disk(&path).countdowns, vec![("size".to_string(), 600)]);
    press(&mut p, "t");
    assert!(p.countdown().is_none());
    assert!(on_disk(&path).countdowns.is_empty());

    // Leaving the question stops its countdown.
    press(&mut p, "t<enter>");
    assert!(p.countdown().is_none());
    assert_eq!(p.next_tick(), None);
}

#[test]
fn time_spent_on_each_question_is_added_up_in_the_session() {
    let (_dir, path) = workspace();
    let mut p = presenter(decision(), &path, 80, 24);
    at(&mut p, 30); // the intro does not count
    press(&mut p, "<enter>");
    at(&mut p, 100);
    press(&mut p, "<enter>"); // 70 s on "size"
    at(&mut p, 105);
    press(&mut p, "b"); // 5 s on "pace"
    at(&mut p, 125);
    press(&mut p, "+"); // 20 s more on "size", saved with the hand
    let file = on_disk(&path);
    assert_eq!(
        file.seconds,
        vec![("pace".to_string(), 5), ("size".to_string(), 90)]
    );
    at(&mut p, 130);
    assert_eq!(press(&mut p, "q"), Some(Ending::Quit));
    assert!(on_disk(&path).seconds.contains(&("size".to_string(), 95)));
}

#[test]
fn resume_opens_at_the_exact_question() {
    let (_dir, path) = workspace();
    let mut p = presenter(decision(), &path, 80, 24);
    press(&mut p, "<enter><enter>");
    assert_eq!(question_id(&p).as_deref(), Some("pace"));
    drop(p);

    let mut p = resume(decision(), &path, 80, 24);
    assert_eq!(
        question_id(&p).as_deref(),
        Some("pace"),
        "no intro on resume"
    );
    assert!(p.notice().is_none(), "same guide version: nothing to say");
    // Going back is remembered too: the walk resumes where it was, not at the first gap.
    press(&mut p, "b");
    drop(p);
    let mut p = resume(decision(), &path, 80, 24);
    assert_eq!(question_id(&p).as_deref(), Some("size"));
    assert_eq!(p.cursor(), 0, "its answer is selected");
    press(&mut p, "<enter>2<enter>");
    drop(p);
    let p = resume(decision(), &path, 80, 24);
    assert!(matches!(p.screen(), Screen::Review { outcome: Some(_) }));
}

#[test]
fn resuming_on_another_guide_version_says_so_once() {
    let (_dir, path) = workspace();
    let mut file = new_session(decision(), &path).to_file(now_rfc3339());
    file.guide_version = "0.9.0".into();
    file.answers = vec![pair("size", "small"), pair("retired-question", "yes")];
    file.at = "pace".into();
    let text_of = |f: &SessionFile| {
        ron::ser::to_string_pretty(f, ron::ser::PrettyConfig::new()).expect("serialises")
    };
    std::fs::write(&path, text_of(&file)).expect("write the old session");

    let mut p = resume(decision(), &path, 80, 24);
    assert_eq!(question_id(&p).as_deref(), Some("pace"));
    let notice = p.notice().expect("a notice").to_string();
    assert!(notice.contains("guide version 0.9.0"), "{notice}");
    assert!(notice.contains("1 answer kept"), "{notice}");
    assert!(text(&p).contains("Resumed from guide version 0.9.0"));
    press(&mut p, "j");
    assert!(p.notice().is_none(), "shown once");
    press(&mut p, "<enter>");
    // The answer this version no longer has is carried along, never dropped.
    assert!(on_disk(&path)
        .answers
        .contains(&pair("retired-question", "yes")));
}

#[test]
fn a_failed_save_shows_in_the_status_line_and_keeps_everything() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("missing-folder").join("group.ron");
    let session = Session::new(decision(), "Group A", now_rfc3339());
    let mut p = Presenter::new(session, Store::new(&path))
        .with_theme(Theme::default_theme())
        .with_size(80, 24);
    press(&mut p, "<enter>++");
    assert_eq!(p.hands(0, 0), 2, "the count is kept in memory");
    let error = p.save_error().expect("the save failed").to_string();
    assert!(error.contains("Could not save the session"), "{error}");
    assert!(
        error.contains(&path.display().to_string()),
        "the error names the file: {error}"
    );
    assert!(text(&p).contains("Could not save the session"));

    // The folder comes back: the next change saves everything.
    std::fs::create_dir(path.parent().expect("parent")).expect("mkdir");
    press(&mut p, "+");
    assert!(p.save_error().is_none());
    assert!(matches!(p.status(), Some(Status::Done(t)) if t.contains("saved again")));
    assert_eq!(tally(&on_disk(&path), "size"), vec![("small".into(), 3)]);

    // Saving fails again: q warns first, a second q quits.
    std::fs::remove_dir_all(path.parent().expect("parent")).expect("rm");
    press(&mut p, "+");
    assert_eq!(press(&mut p, "q"), None);
    assert!(matches!(p.status(), Some(Status::Failed(t)) if t.contains("q again")));
    assert_eq!(press(&mut p, "q"), Some(Ending::Quit));
}

#[test]
fn s_on_the_result_saves_the_handout_beside_the_session_never_overwriting() {
    let (dir, path) = workspace();
    let mut p = presenter(decision(), &path, 80, 24);
    press(&mut p, "<enter>+++<enter>j<enter><enter>");
    assert!(matches!(p.screen(), Screen::Result { .. }));
    assert!(on_disk(&path).finished);
    press(&mut p, "s");
    let first = dir.path().join("group-a-handout.md");
    let handout = std::fs::read_to_string(&first).expect("hand-out written");
    assert!(handout.contains("Group A"), "{handout}");
    assert!(handout.contains("Hands: Up to about twelve 3"), "{handout}");
    assert!(matches!(p.status(), Some(Status::Done(t)) if t.contains("group-a-handout.md")));
    press(&mut p, "s");
    assert!(dir.path().join("group-a-handout-1.md").exists());
    assert_eq!(std::fs::read_to_string(&first).expect("kept"), handout);
}

#[test]
fn ctrl_c_saves_and_leaves_at_once_everywhere() {
    let (_dir, path) = workspace();
    for keys in [
        "",
        "<enter>",
        "<enter>n",
        "<enter>?",
        "<enter>w",
        "<enter>1<enter>2<enter>",
    ] {
        let mut p = presenter(decision(), &path, 80, 24);
        press(&mut p, keys);
        assert_eq!(press(&mut p, "<c-c>"), Some(Ending::Interrupted), "{keys}");
        std::fs::remove_file(&path).ok();
    }
}

#[test]
fn the_help_lists_the_workshop_keys_of_the_screen_below() {
    let (_dir, path) = workspace();
    let mut p = presenter(decision(), &path, 80, 40);
    press(&mut p, "<enter>?");
    let shown = text(&p);
    for line in [
        "add a raised hand",
        "write a note",
        "countdown: 2, 5, 10 minutes",
        "hide the facilitator notes",
        "Every change is saved",
    ] {
        assert!(shown.contains(line), "{line}:\n{shown}");
    }
    press(&mut p, "<esc>1<enter>2<enter><enter>?");
    assert!(text(&p).contains("save the hand-out"));
}

#[test]
fn every_workshop_footer_hint_is_a_working_key() {
    for &context in keymap::ALL {
        assert_workshop_footer_keys_work(context);
    }
}

#[test]
fn spanish_guides_run_workshop_mode_in_spanish() {
    let (_dir, path) = workspace();
    let mut p = presenter(flagship_in_spanish(), &path, 80, 24);
    press(&mut p, "<enter>h");
    let shown = text(&p);
    assert!(
        shown.contains("¿En qué situación está hoy su grupo?"),
        "{shown}"
    );
    assert!(shown.contains("Notas para quien facilita"), "{shown}");
    assert!(shown.contains("manos"), "{shown}");
    press(&mut p, "+j+");
    let shown = words(&text(&p));
    assert!(
        shown.contains("Empate: «Queremos fundar algo nuevo juntos»"),
        "{shown}"
    );
    assert!(
        shown.contains("«Ya trabajamos juntos como freelancers"),
        "{shown}"
    );
    assert!(shown.contains("1 mano cada una."), "{shown}");
    press(&mut p, "t");
    assert!(text(&p).contains("quedan 2:00"));
}

// The report viewer.

fn finished(group: &str, keys: &str) -> Session {
    let (_dir, path) = workspace();
    let mut p = presenter(decision(), &path, 80, 24);
    press(&mut p, keys);
    let mut record = p.record().clone();
    record.group = group.to_string();
    Session {
        walk: p.walk().clone(),
        record,
    }
}

fn three_groups() -> Vec<Session> {
    vec![
        finished("Group A", "<enter>++j+k<enter>2<enter><enter>"),
        finished("Group B", "<enter>1<enter>2<enter><enter>"),
        finished("Group C", "<enter>2<enter>1<enter><enter>"),
    ]
}

#[test]
fn the_report_charts_outcomes_across_groups_and_scrolls() {
    let mut viewer = Comparison::new(&three_groups()).with_size(80, 24);
    let shown = text(&viewer);
    assert!(shown.contains("Outcomes across groups"), "{shown}");
    let consent = shown
        .lines()
        .find(|l| l.contains("Consent ") && l.contains('█'))
        .expect("a bar for consent");
    assert!(consent.contains("█ 2"), "{consent}");
    assert!(shown
        .lines()
        .any(|l| l.contains("Mandated teams  █") && l.contains(" 1 ")));

    viewer.handle(coop_guide::tui::facilitate::comparison::Action::Command(
        Command::Document(Move::Scroll(Scroll::Bottom)),
    ));
    assert!(viewer.reading().scroll > 0);
    let end = text(&viewer);
    assert!(
        end.contains("Groups split here") || end.contains("agreed"),
        "{end}"
    );
    press_viewer(&mut viewer, "g<tab><tab>");
    assert_eq!(viewer.reading().section, 2);
    assert_eq!(
        press_viewer(&mut viewer, "s"),
        vec![coop_guide::tui::facilitate::comparison::Effect::Save]
    );
    assert_eq!(
        press_viewer(&mut viewer, "q"),
        vec![coop_guide::tui::facilitate::comparison::Effect::Quit]
    );
}

fn press_viewer(
    viewer: &mut Comparison,
    keys: &str,
) -> Vec<coop_guide::tui::facilitate::comparison::Effect> {
    parse_keys(keys)
        .into_iter()
        .flat_map(|k| viewer.key(k))
        .collect()
}

#[test]
fn the_report_saves_the_same_markdown_as_report_format_md() {
    let sessions = three_groups();
    let viewer = Comparison::new(&sessions);
    let dir = tempfile::tempdir().expect("temporary folder");
    let first = save_comparison(&viewer, dir.path()).expect("saved");
    assert!(first.ends_with("coop-guide-comparison.md"));
    let second = save_comparison(&viewer, dir.path()).expect("saved again");
    assert!(second.ends_with("coop-guide-comparison-1.md"));
    let markdown = std::fs::read_to_string(first).expect("read");
    assert_eq!(
        markdown,
        coop_guide::report::sessions::comparison(&sessions).to_markdown()
    );
}

// Snapshots: what the room and the facilitator see.

/// A presenter on the first question with hands counted and a note written.
fn counted(width: u16, height: u16) -> (tempfile::TempDir, Presenter) {
    let (dir, path) = workspace();
    let mut p = presenter(decision(), &path, width, height);
    press(&mut p, "<enter>+++++j++n");
    type_text(&mut p, "Two people are new; ask again next week.");
    press(&mut p, "<enter>k");
    p.handle(Action::Tick(Duration::ZERO));
    (dir, p)
}

#[test]
fn presenter_snapshots() {
    for (w, h) in [(80, 24), (40, 12)] {
        let (_dir, mut p) = counted(w, h);
        assert_snapshot!(format!("presenter_{w}x{h}"), backend(&p));
        press(&mut p, "h");
        assert_snapshot!(format!("presenter_notes_shown_{w}x{h}"), backend(&p));
    }
}

#[test]
fn presenter_snapshots_of_the_note_input_a_tie_and_the_wide_layout() {
    let (_dir, mut p) = counted(80, 24);
    press(&mut p, "n");
    assert_snapshot!("presenter_note_input_80x24", backend(&p));

    let (_dir, path) = workspace();
    let mut p = presenter(decision(), &path, 80, 24);
    press(&mut p, "<enter>++j++t");
    assert_snapshot!("presenter_tie_countdown_80x24", backend(&p));

    let (_dir, p) = counted(120, 35);
    assert_snapshot!("presenter_120x35", backend(&p));
}

#[test]
fn report_snapshots() {
    let sessions = three_groups();
    for (w, h) in [(80, 24), (40, 12)] {
        let viewer = Comparison::new(&sessions).with_size(w, h);
        assert_snapshot!(format!("report_{w}x{h}"), backend(&viewer));
    }
}

#[test]
fn a_session_with_hands_but_no_answer_yet_resumes_on_its_question() {
    let (_dir, path) = workspace();
    let mut p = presenter(decision(), &path, 80, 24);
    press(&mut p, "<enter>++");
    drop(p);
    let p = resume(decision(), &path, 80, 24);
    assert_eq!(question_id(&p).as_deref(), Some("size"));
    assert_eq!(p.hands(0, 0), 2);

    // A question with a clear leader opens on it.
    let mut p = resume(decision(), &path, 80, 24);
    press(&mut p, "j+++");
    drop(p);
    let p = resume(decision(), &path, 80, 24);
    assert_eq!(p.cursor(), 1, "three hands beat two");
}

#[test]
fn clicking_an_answer_selects_it_without_recording_it() {
    let (_dir, path) = workspace();
    let mut p = presenter(decision(), &path, 80, 24);
    press(&mut p, "<enter>");
    let row = text(&p)
        .lines()
        .position(|l| l.contains("More than twelve"))
        .expect("shown") as u16;
    p.handle(Action::Input(Input::Click { column: 12, row }));
    assert_eq!(p.cursor(), 1);
    assert_eq!(question_id(&p).as_deref(), Some("size"));
    press(&mut p, "+");
    assert_eq!(p.hands(0, 1), 1);
}

#[test]
fn a_group_name_with_control_characters_is_cleaned() {
    let (_dir, path) = workspace();
    let session = Session::new(decision(), "Group \u{1b}]0;pwned\u{7}A", now_rfc3339());
    let mut p = Presenter::new(session, Store::new(&path)).with_size(80, 24);
    press(&mut p, "<enter>");
    assert_eq!(p.record().group, "Group ]0;pwnedA");
    assert_eq!(on_disk(&path).group, "Group ]0;pwnedA");
}

#[test]
fn an_answer_whose_id_changed_is_kept_and_the_notice_says_questions_or_answers() {
    let (_dir, path) = workspace();
    let mut file = new_session(decision(), &path).to_file(now_rfc3339());
    file.guide_version = "0.9.0".into();
    // The question still exists; only its answer's id is gone.
    file.answers = vec![pair("size", "a-retired-answer")];
    std::fs::write(
        &path,
        ron::ser::to_string_pretty(&file, ron::ser::PrettyConfig::new()).expect("serialises"),
    )
    .expect("write the old session");
    let p = resume(decision(), &path, 80, 24);
    let notice = p.notice().expect("a notice");
    assert!(
        notice.contains("1 answer kept from questions or answers this version no longer has."),
        "{notice}"
    );
    assert!(!notice.contains("from a question"), "{notice}");
    let spanish = ES.workshop.notice_kept_one;
    assert!(spanish.contains("preguntas o respuestas"), "{spanish}");
}

#[test]
fn a_status_goes_on_the_next_key_or_when_the_countdown_ends() {
    let (_dir, path) = workspace();
    let mut p = presenter(decision(), &path, 80, 24);
    press(&mut p, "<enter>t");
    assert!(text(&p).contains("Countdown: 2 minutes."));
    at(&mut p, 60);
    assert!(text(&p).contains("Countdown: 2 minutes."), "still running");
    at(&mut p, 120);
    let shown = text(&p);
    assert!(shown.contains("time is up"), "{shown}");
    assert!(!shown.contains("Countdown: 2 minutes."), "{shown}");
    assert!(shown.contains("? help"), "the key hints are back:\n{shown}");

    // Any key clears a status, even one that does nothing here.
    press(&mut p, "n");
    type_text(&mut p, "Ask again.");
    press(&mut p, "<enter>");
    assert!(text(&p).contains("Note saved."));
    press(&mut p, "x");
    assert_eq!(p.status(), None);
    assert!(text(&p).contains("? help"));
}

#[test]
fn the_why_overlay_scrolls_in_the_presenter() {
    let (_dir, path) = workspace();
    let mut p = presenter(guide("guides/coop-varieties.ron"), &path, 40, 12);
    press(&mut p, "<enter>w");
    assert!(text(&p).contains('┃'), "a scrollbar:\n{}", text(&p));
    let first = text(&p);
    press(&mut p, "<down><pgdn>");
    assert!(p.why_scroll() > 1);
    assert_ne!(text(&p), first);
    press(&mut p, "<home>");
    assert_eq!(p.why_scroll(), 0);
}

#[test]
fn the_presenter_review_scrolls_past_its_button_to_the_answers_not_used() {
    let (_dir, path) = workspace();
    let mut p = presenter(decision(), &path, 40, 12);
    // Size: up to twelve; pace: often within days; then change size to more than twelve.
    press(&mut p, "<enter><enter>2<enter>kk<enter>2<enter><enter>");
    assert!(matches!(p.screen(), Screen::Review { outcome: Some(_) }));
    assert!(!text(&p).contains("Often within a few days"));
    press(&mut p, "<end>");
    assert!(text(&p).contains("Often within a few days"), "{}", text(&p));
}

#[test]
fn back_within_an_edit_in_the_presenter_returns_to_the_review() {
    let (_dir, path) = workspace();
    let mut p = presenter(decision(), &path, 80, 24);
    press(&mut p, "<enter><enter>2<enter>kk<enter>2<enter>");
    assert_eq!(question_id(&p).as_deref(), Some("delegation"));
    press(&mut p, "b");
    assert_eq!(question_id(&p).as_deref(), Some("size"));
    press(&mut p, "b");
    assert!(matches!(p.screen(), Screen::Review { outcome: Some(_) }));
    assert_eq!(
        on_disk(&path).answers,
        vec![pair("size", "small"), pair("pace", "fast")]
    );

    // From a review opened midway with r.
    let (_dir, path) = workspace();
    let mut p = presenter(decision(), &path, 80, 24);
    press(&mut p, "<enter><enter>rk<enter>2<enter>");
    assert_eq!(question_id(&p).as_deref(), Some("delegation"));
    press(&mut p, "bb");
    assert_eq!(p.screen(), Screen::Review { outcome: None });
    assert_eq!(on_disk(&path).answers, vec![pair("size", "small")]);
}

#[test]
fn on_a_projector_the_question_and_the_countdown_are_in_large_type() {
    let (_dir, path) = workspace();
    let mut p = presenter(room(), &path, 120, 35);
    press(&mut p, "<enter>+++t");
    let shown = text(&p);
    // The question is drawn in block characters, not as a line of ordinary text.
    assert!(!shown.contains("How should pay be set?"), "{shown}");
    let blocks = shown
        .chars()
        .filter(|c| ('\u{2580}'..='\u{259f}').contains(c))
        .count();
    assert!(blocks > 100, "large type:\n{shown}");
    // Answers, numbers and counts use the width: the bar reaches past the old 96 columns.
    let first = shown
        .lines()
        .find(|l| l.contains("Everyone is paid the same"))
        .expect("the answer");
    assert!(first.contains("1  Everyone"), "{first}");
    assert!(first.trim_end().chars().count() > 100, "{first}");

    // Time up: the large digits turn to the error colour, reversed, and say so.
    p.handle(Action::Tick(Duration::from_secs(120)));
    let buf = buffer(&p);
    let shown = buffer_text(&buf);
    assert!(shown.contains("TIME IS UP"), "{shown}");
    let reversed = buf
        .content
        .iter()
        .filter(|c| c.modifier.contains(Modifier::REVERSED))
        .count();
    assert!(reversed > 20, "the timer is reversed: {reversed} cells");

    // Smaller windows keep the ordinary layouts.
    p.handle(Action::Input(Input::Resize(100, 30)));
    let shown = text(&p);
    assert!(shown.contains("How should pay be set?"), "{shown}");
}
