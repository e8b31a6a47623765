//! Flow tests: key sequences sent into the real app over the decision-making guide, with the
//! state and the rendered frame checked along the way. No terminal involved.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]

mod support;

use coop_guide::engine::Place;
use coop_guide::save::save_result;
use coop_guide::tui::input::Input;
use coop_guide::tui::layers::Status;
use coop_guide::tui::player::keymap::{self, Context};
use coop_guide::tui::player::{Action, App, Effect as AppEffect, Overlay, Screen};
use coop_guide::tui::shell::Screen as Terminal;
use support::player::{after, app, assert_footer_keys_work, press};
use support::{decision, guide, row_of, text};

fn question_id(app: &App) -> Option<String> {
    match app.screen() {
        Screen::Question { question, .. } => Some(app.guide().questions[question].id.clone()),
        _ => None,
    }
}

fn outcome_id(app: &App) -> Option<String> {
    match app.screen() {
        Screen::Result { outcome } => Some(app.guide().outcomes[outcome].id.clone()),
        _ => None,
    }
}

#[test]
fn a_whole_walk_from_intro_to_result() {
    let mut app = app(decision(), 80, 24);
    assert_eq!(app.screen(), Screen::Intro);
    assert!(text(&app).contains("How should our group make decisions?"));
    // One figure for the length: the median path asks 2 questions, 3 minutes each, rounded to 5.
    assert!(text(&app).contains("about 2 questions, about 5 minutes"));

    press(&mut app, "<enter>");
    assert_eq!(question_id(&app).as_deref(), Some("size"));
    assert!(text(&app).contains("step 1 · about 2–3 left"));

    press(&mut app, "<enter>"); // the first answer: up to about twelve
    assert_eq!(question_id(&app).as_deref(), Some("pace"));
    press(&mut app, "j<enter>"); // often within a few days
    assert!(matches!(app.screen(), Screen::Review { outcome: Some(_) }));
    let review = text(&app);
    assert!(review.contains("Up to about twelve"));
    assert!(review.contains("Often within a few days"));
    assert!(review.contains("› ") && review.contains("See the result"));

    press(&mut app, "<enter>");
    assert_eq!(outcome_id(&app).as_deref(), Some("consent"));
    let result = text(&app);
    assert!(result.contains("Recommended for your group"));
    assert!(result.contains("Consent"));
    assert!(result.contains("1 of "));
}

#[test]
fn the_footer_keys_alone_finish_the_guide() {
    // Every key pressed here is one the footer of the current screen shows.
    let mut app = app(decision(), 80, 24);
    for key in ["<enter>", "<down>", "<enter>", "<enter>", "<enter>"] {
        let shown = text(&app);
        let footer = shown.lines().last().unwrap_or_default().to_string();
        let label = match key {
            "<enter>" => "enter",
            "<down>" => "↑↓",
            other => other,
        };
        assert!(footer.contains(label), "{key} not in footer {footer:?}");
        press(&mut app, key);
    }
    // large → delegation → yes → review → result
    assert_eq!(outcome_id(&app).as_deref(), Some("mandates"));
}

#[test]
fn back_keeps_later_answers_and_marks_them() {
    let mut app = after(decision(), "<enter>11", 80, 24);
    assert_eq!(question_id(&app).as_deref(), Some("disagreement"));
    press(&mut app, "b");
    assert_eq!(question_id(&app).as_deref(), Some("pace"));
    assert_eq!(app.selected(), 0, "the answer given before is selected");
    assert!(text(&app).contains("They can usually wait for the next meeting (your answer)"));
    press(&mut app, "<bs>");
    assert_eq!(question_id(&app).as_deref(), Some("size"));
    press(&mut app, "<enter>");
    assert_eq!(question_id(&app).as_deref(), Some("pace"));
    assert_eq!(
        app.walk()
            .answer_of(app.guide().index.question("pace").unwrap_or(0)),
        Some(0)
    );
}

#[test]
fn back_at_the_first_question_returns_to_the_intro_without_losing_answers() {
    let mut app = after(decision(), "<enter>1b", 80, 24);
    assert_eq!(question_id(&app).as_deref(), Some("size"));
    press(&mut app, "<esc>");
    assert_eq!(app.screen(), Screen::Intro);
    assert_eq!(app.answer_count(), 1);
    assert!(text(&app).contains("Continue"));
    press(&mut app, "<enter>");
    assert!(text(&app).contains("(your answer)"));
}

#[test]
fn editing_from_the_review_comes_back_to_the_review() {
    let mut app = after(decision(), "<enter>12", 80, 24);
    assert!(matches!(app.screen(), Screen::Review { .. }));
    press(&mut app, "kk<enter>"); // the first answer on the path: size
    assert_eq!(question_id(&app).as_deref(), Some("size"));
    assert!(app.walk().editing());
    assert!(text(&app).contains("Changing an answer"));
    press(&mut app, "2"); // more than twelve: a new branch with a new question
    assert_eq!(question_id(&app).as_deref(), Some("delegation"));
    press(&mut app, "1");
    assert!(matches!(app.screen(), Screen::Review { outcome: Some(_) }));
    let review = text(&app);
    assert!(review.contains("Not used: on a branch you left"));
    assert!(
        review.contains("Often within a few days"),
        "the stale answer is still shown apart"
    );
    press(&mut app, "<enter>");
    assert_eq!(outcome_id(&app).as_deref(), Some("mandates"));
    assert!(
        !text(&app).contains("Often within a few days"),
        "stale answers never reach the result"
    );
}

#[test]
fn backing_out_of_an_edit_returns_to_the_review_unchanged() {
    let mut app = after(decision(), "<enter>12k<enter>", 80, 24);
    assert_eq!(question_id(&app).as_deref(), Some("pace"));
    press(&mut app, "<esc>");
    assert!(matches!(app.screen(), Screen::Review { outcome: Some(_) }));
    assert!(!app.walk().editing(), "the edit is over");
    press(&mut app, "<enter>");
    assert_eq!(outcome_id(&app).as_deref(), Some("consent"));
    // Going back from there walks back one question at a time again.
    press(&mut app, "bbb");
    assert_eq!(question_id(&app).as_deref(), Some("size"));
}

#[test]
fn review_opened_midway_returns_to_the_question() {
    let mut app = after(decision(), "<enter>1r", 80, 24);
    assert_eq!(app.screen(), Screen::Review { outcome: None });
    assert!(text(&app).contains("Back to the question"));
    press(&mut app, "<enter>");
    assert_eq!(question_id(&app).as_deref(), Some("pace"));
    press(&mut app, "r<esc>");
    assert_eq!(question_id(&app).as_deref(), Some("pace"));
}

#[test]
fn number_keys_choose_directly_and_missing_numbers_do_nothing() {
    let mut app = after(decision(), "<enter>", 80, 24);
    press(&mut app, "9");
    assert_eq!(question_id(&app).as_deref(), Some("size"));
    press(&mut app, "2");
    assert_eq!(question_id(&app).as_deref(), Some("delegation"));
}

#[test]
fn esc_closes_an_overlay_before_it_goes_back() {
    let mut app = after(decision(), "<enter>1?", 80, 24);
    assert_eq!(app.overlays(), &[Overlay::Help]);
    assert!(text(&app).contains("Keys"));
    press(&mut app, "<esc>");
    assert!(app.overlays().is_empty());
    assert_eq!(question_id(&app).as_deref(), Some("pace"));
    press(&mut app, "<esc>");
    assert_eq!(question_id(&app).as_deref(), Some("size"));
    assert_eq!(app.answer_count(), 1, "esc never discards answers");
}

#[test]
fn quitting_asks_first_only_when_answers_would_be_lost() {
    let mut fresh = app(decision(), 80, 24);
    assert_eq!(
        press(&mut fresh, "q"),
        vec![AppEffect::Quit],
        "nothing to lose at the intro"
    );

    let mut app = after(decision(), "<enter>1", 80, 24);
    assert!(press(&mut app, "q").is_empty());
    assert_eq!(app.overlays(), &[Overlay::ConfirmQuit]);
    assert!(text(&app).contains("Your answer is not saved and will be lost."));
    press(&mut app, "n");
    assert!(app.overlays().is_empty());
    press(&mut app, "q");
    assert_eq!(press(&mut app, "y"), vec![AppEffect::Quit]);

    // A result on screen that is not saved asks too, and offers to save it.
    let mut at_result = after(decision(), "<enter>12<enter>", 80, 24);
    assert!(press(&mut at_result, "q").is_empty());
    assert_eq!(at_result.context(), Context::SaveOrQuit);
    let shown = text(&at_result);
    assert!(shown.contains("Your result is not saved"), "{shown}");
    assert!(shown.contains("s save"), "{shown}");
    assert_eq!(press(&mut at_result, "s"), vec![AppEffect::SaveResult]);
    assert!(at_result.overlays().is_empty());
    at_result.handle(Action::Saved(Ok("consent.md".into())));
    assert_eq!(
        press(&mut at_result, "q"),
        vec![AppEffect::Quit],
        "once saved, nothing is lost"
    );
    let mut at_result = after(decision(), "<enter>12<enter>q", 80, 24);
    assert_eq!(press(&mut at_result, "y"), vec![AppEffect::Quit]);
}

#[test]
fn ctrl_c_quits_at_once_everywhere() {
    for keys in [
        "",
        "<enter>1",
        "<enter>1?",
        "<enter>1q",
        "<enter>12",
        "<enter>12<enter>",
    ] {
        let mut app = after(decision(), keys, 80, 24);
        assert_eq!(
            press(&mut app, "<c-c>"),
            vec![AppEffect::Interrupt],
            "after {keys:?}"
        );
    }
}

#[test]
fn saving_reports_the_path_and_then_quits_without_asking() {
    let mut app = after(decision(), "<enter>12<enter>", 80, 24);
    assert_eq!(press(&mut app, "s"), vec![AppEffect::SaveResult]);
    let dir = tempfile::tempdir().expect("temp dir");
    let first = save_result(app.walk(), dir.path()).expect("saved");
    let second = save_result(app.walk(), dir.path()).expect("saved again");
    assert_eq!(
        first.file_name().and_then(|n| n.to_str()),
        Some("coop-guide-result-consent.md")
    );
    assert_eq!(
        second.file_name().and_then(|n| n.to_str()),
        Some("coop-guide-result-consent-1.md")
    );
    let markdown = std::fs::read_to_string(&first).expect("readable");
    assert!(markdown.contains("Consent"));

    app.handle(Action::Saved(Ok(first.clone())));
    assert!(matches!(app.status(), Some(Status::Done(_))));
    assert!(text(&app).contains("coop-guide-result-consent.md"));
    press(&mut app, "r");
    assert!(app.saved());
    assert_eq!(
        press(&mut app, "q"),
        vec![AppEffect::Quit],
        "saved answers are not lost"
    );
}

#[test]
fn a_failed_save_says_why() {
    let mut app = after(decision(), "<enter>12<enter>", 80, 24);
    app.handle(Action::Saved(Err("permission denied".into())));
    assert!(text(&app).contains("Could not save the result: permission denied"));
    press(&mut app, "j");
    assert!(app.status().is_none(), "a status lasts until the next key");
}

#[test]
fn the_result_scrolls_and_jumps_between_sections() {
    let mut app = after(decision(), "<enter>12<enter>", 80, 24);
    assert_eq!((app.scroll(), app.section()), (0, 0));
    press(&mut app, "<tab>");
    assert_eq!(app.section(), 1);
    assert!(app.scroll() > 0);
    let top = text(&app)
        .lines()
        .nth(3)
        .unwrap_or_default()
        .trim()
        .to_string();
    assert!(top.starts_with("Where your answers place you"), "{top:?}");
    assert!(text(&app).contains("2 of "));
    press(&mut app, "]");
    assert_eq!(app.section(), 2);
    press(&mut app, "<s-tab>[");
    assert_eq!(app.section(), 0);
    assert_eq!(app.scroll(), 0);
    press(&mut app, "<end>");
    let end = app.scroll();
    assert!(end > 0);
    press(&mut app, "<pgdn>j");
    assert_eq!(app.scroll(), end, "scrolling stops at the end");
    press(&mut app, "<home>");
    assert_eq!(app.scroll(), 0);
    press(&mut app, "<pgdn>");
    assert!(app.scroll() > 10);
}

#[test]
fn clicking_an_answer_chooses_it() {
    let mut app = after(decision(), "<enter>", 80, 24);
    let row = row_of(&app, "More than twelve").expect("answer shown");
    app.handle(Action::Input(Input::Click { column: 10, row }));
    assert_eq!(question_id(&app).as_deref(), Some("delegation"));
    app.handle(Action::Input(Input::Click { column: 10, row: 0 }));
    assert_eq!(
        question_id(&app).as_deref(),
        Some("delegation"),
        "a click on the header does nothing"
    );
}

#[test]
fn the_wheel_scrolls_the_result() {
    let mut app = after(decision(), "<enter>12<enter>", 80, 24);
    app.handle(Action::Input(Input::Wheel {
        down: true,
        column: 0,
        row: 0,
    }));
    assert_eq!(app.scroll(), 3);
    app.handle(Action::Input(Input::Wheel {
        down: false,
        column: 0,
        row: 0,
    }));
    assert_eq!(app.scroll(), 0);
}

#[test]
fn why_is_a_side_pane_when_wide_and_an_overlay_when_narrow() {
    let mut wide = after(decision(), "<enter>", 110, 30);
    assert!(text(&wide).contains("Why we ask"));
    press(&mut wide, "w");
    assert!(!text(&wide).contains("Why we ask"), "w hides the pane");
    press(&mut wide, "w");
    assert!(text(&wide).contains("Why we ask"));

    let mut narrow = after(decision(), "<enter>", 80, 24);
    assert!(!text(&narrow).contains("Why we ask"));
    press(&mut narrow, "w");
    assert_eq!(narrow.overlays(), &[Overlay::Why]);
    assert!(text(&narrow).contains("Ways of deciding"));
    press(&mut narrow, "w");
    assert!(narrow.overlays().is_empty());
}

#[test]
fn resizing_keeps_scrolling_in_range() {
    let mut app = after(decision(), "<enter>12<enter><end>", 40, 12);
    let small_end = app.scroll();
    app.handle(Action::Input(Input::Resize(200, 60)));
    assert!(
        app.scroll() < small_end,
        "a taller window needs less scrolling"
    );
    assert!(text(&app).contains("Consent"));
}

#[test]
fn every_footer_hint_is_a_working_key() {
    for &context in keymap::ALL {
        assert_footer_keys_work(context);
    }
}

#[test]
fn the_help_lists_the_keys_of_the_screen_below_it() {
    let app = after(decision(), "<enter>12<enter>?", 80, 40);
    let shown = text(&app);
    assert!(shown.contains("save the result as Markdown"));
    assert!(shown.contains("next section"));
    assert!(
        !shown.contains("choose the selected answer"),
        "question keys are not result keys"
    );
}

#[test]
fn no_control_character_from_a_hostile_guide_reaches_the_frame() {
    let hostile = guide("tests/fixtures/tui/hostile.ron");
    for keys in [
        "",
        "<enter>",
        "<enter>w",
        "<enter>1",
        "<enter>1<enter>",
        "<enter>1<enter><end>",
    ] {
        for (w, h) in [(80, 24), (120, 40)] {
            let app = after(hostile.clone(), keys, w, h);
            let buf = support::buffer(&app);
            for cell in buf.content.iter() {
                assert!(
                    !cell
                        .symbol()
                        .chars()
                        .any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
                    "control character in the frame after {keys:?}: {:?}",
                    cell.symbol()
                );
            }
        }
    }
    let app = after(hostile, "<enter>", 80, 24);
    assert!(
        text(&app).contains("]0;pwned"),
        "the rest of the text is shown, harmless"
    );
}

#[test]
fn from_a_question_skips_the_intro() {
    let g = decision();
    let pace = g.index.question("pace").expect("pace");
    let walk = coop_guide::engine::Walk::from_question(g, pace);
    let app = App::with_walk(walk).skip_intro().with_size(80, 24);
    assert!(matches!(app.walk().place(), Place::Question { .. }));
    assert_eq!(question_id(&app).as_deref(), Some("pace"));
}

#[test]
fn one_selection_move_writes_under_200_bytes() {
    use std::cell::RefCell;
    use std::io::Write;
    use std::rc::Rc;

    #[derive(Clone, Default)]
    struct Tty(Rc<RefCell<Vec<u8>>>);
    impl Write for Tty {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    for (w, h) in [(80, 24), (200, 50)] {
        let tty = Tty::default();
        let mut screen = Terminal::over(tty.clone(), w, h).expect("a screen");
        screen
            .draw(&after(decision(), "<enter>", w, h))
            .expect("draw");
        let first = tty.0.borrow().len();
        screen
            .draw(&after(decision(), "<enter>j", w, h))
            .expect("draw");
        let moved = tty.0.borrow().len() - first;
        assert!(moved <= 200, "{moved} bytes for one step at {w}x{h}");
    }
}

/// The review after changing the first answer: a path of two answers, and "pace" on the branch
/// left behind; the button is selected.
fn review_with_an_answer_not_used(width: u16, height: u16) -> App {
    let app = after(decision(), "<enter>12kk<enter>21", width, height);
    assert!(matches!(app.screen(), Screen::Review { outcome: Some(_) }));
    assert!(!app.walk().stale().is_empty());
    assert_eq!(app.selected(), app.review_len() - 1);
    app
}

#[test]
fn the_answers_not_used_scroll_into_view_past_the_button() {
    for keys in [
        "<down><down><down><down><down><down><down><down>",
        "<end>",
        "<pgdn>",
    ] {
        let mut app = review_with_an_answer_not_used(40, 12);
        assert_eq!(app.scroll(), 0);
        let shown = text(&app);
        assert!(shown.contains("See the result"), "{shown}");
        assert!(!shown.contains("Often within a few days"), "{shown}");
        press(&mut app, keys);
        let shown = text(&app);
        assert!(
            shown.contains("Not used") && shown.contains("Often within a few days"),
            "{keys}: the answer not used is reachable:\n{shown}"
        );
        assert_eq!(app.selected(), app.review_len() - 1, "still on the button");
        press(&mut app, "<enter>");
        assert_eq!(outcome_id(&app).as_deref(), Some("mandates"));
    }
    // Up scrolls back before it leaves the button; Home goes to the top.
    let mut app = review_with_an_answer_not_used(40, 12);
    press(&mut app, "<end>");
    let scrolled = app.scroll();
    assert!(scrolled > 0);
    press(&mut app, "<up>");
    assert_eq!(app.scroll(), scrolled - 1);
    assert_eq!(app.selected(), app.review_len() - 1);
    press(&mut app, "<home>");
    assert_eq!((app.selected(), app.scroll()), (0, 0));
}

#[test]
fn the_why_overlay_scrolls_with_a_scrollbar_when_it_does_not_fit() {
    let mut app = after(guide("guides/coop-varieties.ron"), "<enter>w", 40, 12);
    assert_eq!(app.overlays(), &[Overlay::Why]);
    let first = text(&app);
    assert!(first.contains('┃'), "a scrollbar:\n{first}");
    press(&mut app, "<down>");
    assert_eq!(app.why_scroll(), 1);
    press(&mut app, "<pgdn><pgdn><pgdn><pgdn><pgdn><pgdn>");
    let end = app.why_scroll();
    assert!(end > 1);
    assert_ne!(text(&app), first, "the text moved");
    press(&mut app, "<pgup><pgup><pgup><pgup><pgup><pgup><pgup>");
    assert_eq!(app.why_scroll(), 0);
    press(&mut app, "<esc>w");
    assert_eq!(app.why_scroll(), 0, "it opens at the top again");
}

#[test]
fn a_status_lasts_until_the_next_key_and_the_hints_come_back() {
    let mut app = after(decision(), "<enter>12<enter>", 80, 24);
    app.handle(Action::Saved(Ok("./decision-result.md".into())));
    let shown = text(&app);
    assert!(shown.contains("Saved to ./decision-result.md"), "{shown}");
    // A key that does nothing here clears it too.
    press(&mut app, "x");
    assert_eq!(app.status(), None);
    let shown = text(&app);
    assert!(!shown.contains("Saved to"), "{shown}");
    assert!(shown.contains("? help"), "the key hints are back:\n{shown}");
}

#[test]
fn back_within_an_edit_steps_back_then_returns_to_the_review() {
    // The review of a whole path.
    let mut app = after(decision(), "<enter>12kk<enter>2", 80, 24);
    assert_eq!(
        question_id(&app).as_deref(),
        Some("delegation"),
        "opened by the edit"
    );
    press(&mut app, "b");
    assert_eq!(
        question_id(&app).as_deref(),
        Some("size"),
        "back to the edited question"
    );
    assert!(app.walk().editing());
    press(&mut app, "b");
    assert!(matches!(app.screen(), Screen::Review { outcome: Some(_) }));
    assert!(!app.walk().editing());
    assert_eq!(app.walk().answer_of(0), Some(0), "the old answer is back");
    assert!(text(&app).contains("Often within a few days"));

    // A review opened midway with r.
    let mut app = after(decision(), "<enter>1r", 80, 24);
    assert_eq!(app.screen(), Screen::Review { outcome: None });
    press(&mut app, "k<enter>2");
    assert_eq!(question_id(&app).as_deref(), Some("delegation"));
    press(&mut app, "b");
    assert_eq!(question_id(&app).as_deref(), Some("size"));
    press(&mut app, "b");
    assert_eq!(
        app.screen(),
        Screen::Review { outcome: None },
        "the review again"
    );
    assert!(text(&app).contains("Back to the question"));
    assert_eq!(app.walk().answer_of(0), Some(0));
    press(&mut app, "<enter>");
    assert_eq!(question_id(&app).as_deref(), Some("pace"));
    // Backing straight out of an edit from a midway review returns there too.
    press(&mut app, "rk<enter><esc>");
    assert_eq!(app.screen(), Screen::Review { outcome: None });
}

#[test]
fn the_result_contents_grow_with_a_wide_window() {
    let app = after(decision(), "<enter>12<enter>", 160, 40);
    let doc = app.document().expect("a result");
    let shown = text(&app);
    let long = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            coop_guide::report::doc::Block::Heading { level: 1 | 2, text } => Some(text),
            _ => None,
        })
        .max_by_key(|t| t.chars().count())
        .expect("sections");
    assert!(long.chars().count() > 26, "a long title: {long}");
    if long.chars().count() <= 38 {
        assert!(
            shown.contains(long.as_str()),
            "{long} shown whole:\n{shown}"
        );
    } else {
        assert!(
            shown.contains(&long.chars().take(36).collect::<String>()),
            "{shown}"
        );
    }
}

// The rough edges of the player, each pinned.

/// The first row of the frame: the header.
fn header(app: &App) -> String {
    text(app).lines().next().unwrap_or("").to_string()
}

#[test]
fn the_result_header_keeps_the_guide_title_and_the_outcome_shortened_never_blank() {
    let long = guide("tests/fixtures/tui/long.ron");
    for (w, h) in [(80, 24), (60, 20), (40, 12)] {
        let mut app = after(long.clone(), "<enter><end><enter>", w, h);
        assert!(matches!(app.screen(), Screen::Review { .. }));
        press(&mut app, "<enter>");
        assert!(matches!(app.screen(), Screen::Result { .. }));
        let top = header(&app);
        assert!(top.trim_start().starts_with("A guide"), "{w}x{h}: {top:?}");
        assert!(
            top.contains('…'),
            "{w}x{h}: the title is shortened: {top:?}"
        );
        assert!(top.contains("An outcome"), "{w}x{h}: {top:?}");
        // Past the first section the outcome stays in the header, before the section.
        press(&mut app, "<tab>");
        let top = header(&app);
        assert!(top.contains("An outcome"), "{w}x{h}: {top:?}");
        assert!(top.trim_start().starts_with("A guide"), "{w}x{h}: {top:?}");
    }
    let mut app = after(decision(), "<enter>12<enter><tab>", 80, 24);
    assert!(header(&app).contains("Consent · 2 of 8 · Where your answers place you"));
    press(&mut app, "<s-tab>");
    assert!(
        header(&app).ends_with("1 of 8 · Consent"),
        "{:?}",
        header(&app)
    );
}

#[test]
fn contents_entries_are_not_cut_when_there_is_room() {
    let app = after(decision(), "<enter>12<enter>", 120, 40);
    let shown = text(&app);
    let toc: Vec<String> = shown
        .lines()
        .map(|l| {
            l.chars()
                .skip(3)
                .take(30)
                .collect::<String>()
                .trim()
                .to_string()
        })
        .collect();
    assert!(
        toc.iter().any(|l| l == "Where your answers place"),
        "{shown}"
    );
    assert!(
        toc.iter().any(|l| l == "you"),
        "the title goes on below: {shown}"
    );
    assert!(!shown.contains("place …"), "{shown}");
}

#[test]
fn while_an_answer_is_changed_from_the_review_the_header_says_so() {
    let mut app = after(decision(), "<enter>12", 80, 24);
    assert!(matches!(app.screen(), Screen::Review { .. }));
    press(&mut app, "<home><enter>");
    assert!(app.walk().editing());
    assert!(
        header(&app).contains("changing an answer · step 1"),
        "{}",
        header(&app)
    );
    press(&mut app, "<esc>");
    assert!(!header(&app).contains("changing an answer"));
}

#[test]
fn the_footer_says_whether_w_shows_or_hides_the_why_pane() {
    let footer = |app: &App| text(app).lines().last().unwrap_or("").to_string();
    let mut app = after(decision(), "<enter>", 110, 30);
    assert!(app.why_pane_shown());
    assert!(footer(&app).contains("w hide why"), "{}", footer(&app));
    press(&mut app, "w");
    assert!(!app.why_pane_shown());
    assert!(footer(&app).contains("w show why"), "{}", footer(&app));
    // Without room for the pane, w opens the overlay: it shows.
    let app = after(decision(), "<enter>", 80, 24);
    assert!(footer(&app).contains("w show why"), "{}", footer(&app));
}

#[test]
fn answers_that_do_not_fit_scroll_under_their_question() {
    let long = guide("tests/fixtures/tui/long.ron");
    for (w, h) in [(40, 12), (60, 18), (80, 24)] {
        let mut app = after(long.clone(), "<enter>", w, h);
        press(&mut app, "<end>");
        let shown = text(&app);
        assert!(
            shown.contains("Which of these"),
            "{w}x{h}: the question stays:\n{shown}"
        );
        assert!(
            shown.contains("Twelfth"),
            "{w}x{h}: the selection shows:\n{shown}"
        );
        assert!(shown.contains('↑'), "{w}x{h}: more above:\n{shown}");
        press(&mut app, "<home>");
        let shown = text(&app);
        assert!(shown.contains("Which of these"), "{w}x{h}:\n{shown}");
        assert!(shown.contains('↓'), "{w}x{h}: more below:\n{shown}");
    }
}

#[test]
fn no_section_heading_stands_without_content() {
    let bare = guide("tests/fixtures/tui/no-dimensions.ron");
    let app = after(bare, "<enter>1<enter>", 100, 30);
    assert!(matches!(app.screen(), Screen::Result { .. }));
    let shown = text(&app);
    assert!(!shown.contains("Where your answers place you"), "{shown}");
    assert!(shown.contains("Pros"), "{shown}");
    let out = support::cli::run(
        &["play", "--plain", "tests/fixtures/tui/no-dimensions.ron"],
        "1\n\n",
    );
    let plain = String::from_utf8_lossy(&out.stdout);
    assert!(plain.contains("Why this fits"), "{plain}");
    assert!(!plain.contains("Where your answers place you"), "{plain}");
}
