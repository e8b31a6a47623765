//! The participant's transitions and screens, with no network: actions in, effects and frames
//! out.

use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::*;
use crate::engine::OutcomeTexts;
use crate::guide::files::usable;
use crate::guide::Guide;

fn decision() -> Arc<Guide> {
    Arc::new(
        usable(
            Some(std::path::Path::new("guides/decision-making.ron")),
            None,
        )
        .expect("guide"),
    )
}

fn varieties(lang: &str) -> Arc<Guide> {
    Arc::new(usable(None, Some(lang)).expect("the built-in guide"))
}

fn key(c: char) -> Action {
    Action::Input(Input::Key(KeyEvent::from(KeyCode::Char(c))))
}

fn named(code: KeyCode) -> Action {
    Action::Input(Input::Key(KeyEvent::from(code)))
}

fn typed(p: &mut Participant, text: &str) {
    for c in text.chars() {
        p.handle(key(c));
    }
}

fn screen(p: &Participant) -> String {
    let (w, h) = p.size();
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    p.render(area, &mut buf);
    let mut out = String::new();
    for y in 0..h {
        for x in 0..w {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// Someone who joined as "Ana" with no votes, on a one-language guide, at 80×24.
fn joined() -> Participant {
    let languages = Arc::new(Languages::new(decision(), []));
    let mut p = Participant::new(languages, 0, (80, 24));
    typed(&mut p, "Ana");
    assert_eq!(
        p.handle(named(KeyCode::Enter)),
        vec![Effect::Claim("Ana".into())]
    );
    p.handle(Action::Claimed(Ok(("Ana".into(), HashMap::new()))));
    p
}

/// The result at `outcome` of the decision guide, every text of it shown.
fn result(outcome: usize) -> Stage {
    let guide = decision();
    let o = &guide.outcomes[outcome];
    Stage::Result {
        outcome,
        texts: OutcomeTexts {
            summary: (0..o.summary.items().len()).collect(),
            fits: (0..o.fits.items().len()).collect(),
            pros: (0..o.pros.len()).collect(),
            cons: (0..o.cons.len()).collect(),
        },
    }
}

fn first_question() -> Stage {
    Stage::Question {
        question: 0,
        shown: vec![0, 1],
        recorded: None,
        why: vec![0],
    }
}

#[test]
fn a_name_is_asked_for_once_and_a_refusal_says_why() {
    let languages = Arc::new(Languages::new(decision(), []));
    let mut p = Participant::new(languages, 0, (80, 24));
    assert!(screen(&p).contains("Your name: "), "{}", screen(&p));
    assert!(p.handle(named(KeyCode::Enter)).is_empty(), "no name yet");
    assert!(screen(&p).contains("Type a name first."));
    typed(&mut p, "Bo");
    p.handle(named(KeyCode::Backspace));
    typed(&mut p, "en");
    assert_eq!(
        p.handle(named(KeyCode::Enter)),
        vec![Effect::Claim("Ben".into())]
    );
    assert!(p.handle(named(KeyCode::Enter)).is_empty(), "asked already");
    p.handle(Action::Claimed(Err(Refusal::Taken)));
    let shown = screen(&p);
    assert!(
        shown.contains("Someone in the room has that name"),
        "{shown}"
    );
    assert!(!p.joined());
    p.handle(named(KeyCode::Backspace));
    typed(&mut p, "x");
    assert_eq!(
        p.handle(named(KeyCode::Enter)),
        vec![Effect::Claim("Bex".into())]
    );
}

#[test]
fn a_name_is_limited_and_never_takes_control_characters() {
    let languages = Arc::new(Languages::new(decision(), []));
    let mut p = Participant::new(languages, 0, (80, 24));
    typed(&mut p, &"x".repeat(40));
    typed(&mut p, "\u{202e}\u{7}");
    let Phase::Name { typed, .. } = p.phase() else {
        panic!("{:?}", p.phase())
    };
    assert_eq!(typed.len(), NAME_LIMIT);
    assert!(typed.iter().all(|&c| c == 'x'));
}

#[test]
fn a_vote_names_the_answer_shown_at_that_number_and_can_change() {
    let mut p = joined();
    p.handle(Action::Stage(Stage::Question {
        question: 0,
        shown: vec![1],
        recorded: None,
        why: vec![0],
    }));
    assert!(screen(&p).contains("Press an answer's number to vote."));
    assert_eq!(p.handle(key('2')), vec![], "only one answer is shown");
    assert_eq!(
        p.handle(key('1')),
        vec![Effect::Vote {
            question: "size".into(),
            answer: "large".into()
        }],
        "the first shown is the guide's second"
    );
    p.handle(Action::Stage(first_question()));
    let effects = p.handle(key('2'));
    assert_eq!(
        effects,
        vec![Effect::Vote {
            question: "size".into(),
            answer: "large".into()
        }]
    );
    p.handle(Action::Counted {
        question: "size".into(),
        answer: Some("large".into()),
        late: false,
    });
    assert_eq!(p.vote_on(0), Some(1));
    let shown = screen(&p);
    assert!(shown.contains("Your vote: 2."), "{shown}");
    // ↑ and Enter change it.
    p.handle(named(KeyCode::Up));
    let effects = p.handle(named(KeyCode::Enter));
    assert_eq!(
        effects,
        vec![Effect::Vote {
            question: "size".into(),
            answer: "small".into()
        }]
    );
}

#[test]
fn a_late_vote_is_said_and_the_vote_shown_is_the_rooms() {
    let mut p = joined();
    p.handle(Action::Stage(first_question()));
    p.handle(key('1'));
    p.handle(Action::Counted {
        question: "size".into(),
        answer: None,
        late: true,
    });
    assert_eq!(p.vote_on(0), None);
    assert!(screen(&p).contains("already recorded"), "{}", screen(&p));
    p.handle(named(KeyCode::Down));
    assert!(!screen(&p).contains("already recorded"), "a key clears it");
}

#[test]
fn following_the_presenter_closes_boxes_and_marks_the_vote_or_the_groups_answer() {
    let mut p = joined();
    p.handle(Action::Stage(first_question()));
    p.handle(key('w'));
    assert_eq!(p.context(), Context::Overlay);
    p.handle(Action::Stage(Stage::Question {
        question: 1,
        shown: vec![0, 1],
        recorded: Some(1),
        why: vec![0],
    }));
    assert_eq!(p.context(), Context::Question, "the box closed");
    assert_eq!(p.cursor(), 1, "on the group's answer");
    let shown = screen(&p);
    assert!(shown.contains("(the group's answer)"), "{shown}");
    // Back to a question they voted on: their vote is marked.
    p.handle(Action::Counted {
        question: "size".into(),
        answer: Some("large".into()),
        late: false,
    });
    p.handle(Action::Stage(first_question()));
    assert_eq!(p.cursor(), 1);
}

#[test]
fn a_vote_given_back_on_joining_again_is_marked() {
    let languages = Arc::new(Languages::new(decision(), []));
    let mut p = Participant::new(languages, 0, (80, 24));
    p.handle(Action::Stage(first_question()));
    typed(&mut p, "Ana");
    p.handle(named(KeyCode::Enter));
    let votes = HashMap::from([("size".to_string(), "large".to_string())]);
    p.handle(Action::Claimed(Ok(("Ana".into(), votes))));
    assert_eq!(p.vote_on(0), Some(1));
    assert_eq!(p.cursor(), 1);
    assert!(screen(&p).contains("Your vote: 2."));
}

#[test]
fn the_end_lets_them_go_with_the_groups_result() {
    let mut p = joined();
    p.handle(Action::Stage(result(0)));
    let title = p.guide().outcomes[0].title.clone();
    assert!(screen(&p).contains(&title), "{}", screen(&p));
    assert_eq!(
        p.handle(Action::Stage(Stage::Ended)),
        vec![Effect::Leave(Farewell::Ended)]
    );
    let farewell = p.farewell(Farewell::Ended);
    assert!(
        farewell.contains("has ended") && farewell.contains(&title),
        "{farewell}"
    );
}

#[test]
fn q_and_ctrl_c_leave_everywhere() {
    let mut p = joined();
    for stage in [Stage::Waiting, first_question(), Stage::Review, result(0)] {
        p.handle(Action::Stage(stage));
        assert_eq!(p.handle(key('q')), vec![Effect::Leave(Farewell::Left)]);
        let ctrl_c = Input::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
        assert_eq!(
            p.handle(Action::Input(ctrl_c)),
            vec![Effect::Leave(Farewell::Interrupted)]
        );
    }
}

#[test]
fn a_guide_with_translations_asks_for_a_language_and_l_switches_it() {
    let languages = Arc::new(Languages::new(
        varieties("en"),
        [("es".to_string(), varieties("es"))],
    ));
    let mut p = Participant::new(languages, 0, (80, 24));
    typed(&mut p, "Ana");
    p.handle(named(KeyCode::Enter));
    p.handle(Action::Claimed(Ok(("Ana".into(), HashMap::new()))));
    assert_eq!(p.context(), Context::Language);
    let shown = screen(&p);
    assert!(
        shown.contains("English") && shown.contains("Español"),
        "{shown}"
    );
    p.handle(key('2'));
    assert_eq!(p.language(), 1);
    assert!(screen(&p).contains("Esperando"), "{}", screen(&p));
    p.handle(key('l'));
    assert_eq!(p.language(), 0);
    assert!(screen(&p).contains("Waiting"), "{}", screen(&p));
}

#[test]
fn every_screen_draws_at_every_size_without_panicking() {
    let stages = [Stage::Waiting, first_question(), Stage::Review, result(0)];
    for (w, h) in [
        (0, 0),
        (1, 1),
        (20, 5),
        (39, 11),
        (40, 12),
        (80, 24),
        (300, 100),
    ] {
        let languages = Arc::new(Languages::new(decision(), []));
        let mut p = Participant::new(languages, 0, (w, h));
        screen(&p);
        typed(&mut p, "Ana");
        p.handle(named(KeyCode::Enter));
        p.handle(Action::Claimed(Ok(("Ana".into(), HashMap::new()))));
        for stage in &stages {
            p.handle(Action::Stage(stage.clone()));
            screen(&p);
            p.handle(key('?'));
            screen(&p);
            p.handle(named(KeyCode::Esc));
            for _ in 0..5 {
                p.handle(named(KeyCode::PageDown));
            }
            screen(&p);
        }
    }
}
