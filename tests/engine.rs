//! Transition tests of the walk engine and its explanation, on the decision-making guide.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]

use std::path::Path;
use std::sync::Arc;

use coop_guide::engine::{Action, Effect, Explanation, Leads, Place, Walk};
use coop_guide::guide::{check_path, Guide};

fn guide() -> Arc<Guide> {
    let checked = check_path(Path::new("guides/decision-making.ron"));
    assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
    Arc::new(checked.guide.expect("guide loads"))
}

fn q(walk: &Walk, id: &str) -> usize {
    walk.guide().index.question(id).expect("question exists")
}

fn answer(walk: &Walk, question: &str, id: &str) -> usize {
    let qi = q(walk, question);
    walk.guide().questions[qi]
        .answers
        .iter()
        .position(|a| a.id == id)
        .expect("answer exists")
}

fn choose(walk: &mut Walk, question: &str, id: &str) -> Vec<Effect> {
    assert_eq!(
        current(walk),
        Some(question.to_string()),
        "not at {question}"
    );
    let a = answer(walk, question, id);
    walk.apply(Action::Choose(a))
}

fn current(walk: &Walk) -> Option<String> {
    match walk.place() {
        Place::Question { question, .. } => Some(walk.guide().questions[question].id.clone()),
        _ => None,
    }
}

fn outcome_id(walk: &Walk, o: usize) -> String {
    walk.guide().outcomes[o].id.clone()
}

#[test]
fn starts_at_the_start_question_with_honest_progress() {
    let walk = Walk::new(guide());
    assert_eq!(current(&walk), Some("size".into()));
    let p = walk.progress().expect("progress at a question");
    assert_eq!((p.step, p.min_left, p.max_left), (1, 2, 3));
    assert_eq!(p.section, "Your group");
}

#[test]
fn choosing_records_the_answer_and_moves_on() {
    let mut walk = Walk::new(guide());
    let effects = choose(&mut walk, "size", "small");
    assert_eq!(effects, vec![Effect::AnswersChanged, Effect::Moved]);
    assert_eq!(current(&walk), Some("pace".into()));
    let p = walk.progress().expect("progress");
    assert_eq!((p.step, p.min_left, p.max_left), (2, 1, 2));
}

#[test]
fn back_keeps_later_answers() {
    let mut walk = Walk::new(guide());
    choose(&mut walk, "size", "small");
    choose(&mut walk, "pace", "slow");
    assert_eq!(walk.apply(Action::Back), vec![Effect::Moved]);
    assert_eq!(walk.apply(Action::Back), vec![Effect::Moved]);
    assert_eq!(current(&walk), Some("size".into()));
    assert_eq!(walk.apply(Action::Back), vec![Effect::Refused]);
    // Later answers are still there, pre-filled.
    assert_eq!(
        walk.answer_of(q(&walk, "pace")),
        Some(answer(&walk, "pace", "slow"))
    );
    // Choosing the same answer again changes nothing recorded and moves on.
    assert_eq!(choose(&mut walk, "size", "small"), vec![Effect::Moved]);
    assert_eq!(current(&walk), Some("pace".into()));
}

#[test]
fn answers_on_an_abandoned_branch_are_stale_and_excluded_then_return() {
    let mut walk = Walk::new(guide());
    choose(&mut walk, "size", "small");
    choose(&mut walk, "pace", "slow");
    choose(&mut walk, "disagreement", "block");
    assert!(matches!(walk.place(), Place::Review { .. }));
    // Go back to the first question and take the other branch.
    walk.apply(Action::Edit(q(&walk, "size")));
    choose(&mut walk, "size", "large");
    let stale: Vec<usize> = walk.stale().iter().map(|s| s.question).collect();
    assert_eq!(stale, vec![q(&walk, "pace"), q(&walk, "disagreement")]);
    choose(&mut walk, "delegation", "no");
    let result = Explanation::of(&walk).expect("result");
    assert_eq!(outcome_id(&walk, result.outcome), "majority");
    let on_path: Vec<usize> = result.path.iter().map(|s| s.question).collect();
    assert_eq!(on_path, vec![q(&walk, "size"), q(&walk, "delegation")]);
    // The stale "pace" answer did not place the group on the pace dimension.
    let pace = walk
        .guide()
        .index
        .dimension("pace")
        .expect("pace dimension");
    assert_eq!(result.profile[pace].value, None);
    // Returning to the first branch brings the kept answers back.
    walk.apply(Action::Edit(q(&walk, "size")));
    let effects = choose(&mut walk, "size", "small");
    assert!(effects.contains(&Effect::BackToReview), "{effects:?}");
    assert!(walk
        .stale()
        .iter()
        .all(|s| s.question == q(&walk, "delegation")));
    assert_eq!(
        walk.outcome().map(|o| outcome_id(&walk, o)),
        Some("consensus".into())
    );
}

#[test]
fn review_comes_before_the_result_and_an_edit_returns_to_it() {
    let mut walk = Walk::new(guide());
    choose(&mut walk, "size", "small");
    choose(&mut walk, "pace", "slow");
    choose(&mut walk, "disagreement", "objection");
    let Place::Review { outcome } = walk.place() else {
        panic!("expected the review, got {:?}", walk.place());
    };
    assert_eq!(outcome_id(&walk, outcome), "consent");
    assert_eq!(walk.review().len(), 3);
    // Edit the middle answer; it keeps the path whole, so the review comes back at once.
    assert_eq!(
        walk.apply(Action::Edit(q(&walk, "disagreement"))),
        vec![Effect::Moved]
    );
    assert!(walk.editing());
    let effects = choose(&mut walk, "disagreement", "block");
    assert!(effects.contains(&Effect::BackToReview));
    assert!(matches!(walk.place(), Place::Review { .. }));
    assert_eq!(walk.apply(Action::Confirm), vec![Effect::Moved]);
    let Place::Result { outcome } = walk.place() else {
        panic!("expected the result");
    };
    assert_eq!(outcome_id(&walk, outcome), "consensus");
    // Back from the result is the review.
    walk.apply(Action::Back);
    assert!(matches!(walk.place(), Place::Review { .. }));
}

#[test]
fn an_edit_that_opens_new_questions_asks_them_before_the_review() {
    let mut walk = Walk::new(guide());
    choose(&mut walk, "size", "small");
    choose(&mut walk, "pace", "fast");
    assert!(matches!(walk.place(), Place::Review { .. }));
    walk.apply(Action::Edit(q(&walk, "pace")));
    let effects = choose(&mut walk, "pace", "slow");
    assert!(!effects.contains(&Effect::BackToReview));
    assert_eq!(current(&walk), Some("disagreement".into()));
    let effects = choose(&mut walk, "disagreement", "block");
    assert!(effects.contains(&Effect::BackToReview));
}

#[test]
fn result_explains_why_and_what_would_change_it() {
    let mut walk = Walk::new(guide());
    choose(&mut walk, "size", "small");
    choose(&mut walk, "pace", "slow");
    choose(&mut walk, "disagreement", "block");
    let result = Explanation::of(&walk).expect("result");
    assert_eq!(outcome_id(&walk, result.outcome), "consensus");
    // Profile: pace slow (from the pace answer), trust low (from the disagreement answer).
    let g = walk.guide();
    let pace = g.index.dimension("pace").expect("dim");
    let trust = g.index.dimension("trust").expect("dim");
    assert_eq!(result.profile[pace].value, g.index.value(pace, "slow"));
    assert_eq!(result.profile[trust].value, g.index.value(trust, "low"));
    // What would change it: "objection" leads to consent; "fast" leads to consent; "large" opens
    // a question that can reach mandates or majority.
    let changes: Vec<(String, String, String)> = result
        .changes
        .iter()
        .map(|c| {
            let question = &g.questions[c.question];
            let target = match &c.leads {
                Leads::Outcome(o) => g.outcomes[*o].id.clone(),
                Leads::Questions { question, outcomes } => format!(
                    "{}?{}",
                    g.questions[*question].id,
                    outcomes
                        .iter()
                        .map(|o| g.outcomes[*o].id.as_str())
                        .collect::<Vec<_>>()
                        .join("|")
                ),
            };
            (
                question.id.clone(),
                question.answers[c.answer].id.clone(),
                target,
            )
        })
        .collect();
    assert_eq!(
        changes,
        vec![
            (
                "size".into(),
                "large".into(),
                "delegation?majority|mandates".into()
            ),
            ("pace".into(), "fast".into(), "consent".into()),
            ("pace".into(), "unsure".into(), "consent".into()),
            ("disagreement".into(), "objection".into(), "consent".into()),
        ]
    );
    assert_eq!(
        result.related,
        vec![g.index.outcome("consent").expect("outcome")]
    );
}

#[test]
fn unsure_answers_are_listed_to_revisit() {
    let mut walk = Walk::new(guide());
    choose(&mut walk, "size", "small");
    choose(&mut walk, "pace", "unsure");
    let result = Explanation::of(&walk).expect("result");
    assert_eq!(result.unsure.len(), 1);
    assert_eq!(result.unsure[0].question, q(&walk, "pace"));
}

#[test]
fn restart_forgets_everything() {
    let mut walk = Walk::new(guide());
    choose(&mut walk, "size", "small");
    assert_eq!(
        walk.apply(Action::Restart),
        vec![Effect::AnswersChanged, Effect::Moved]
    );
    assert_eq!(current(&walk), Some("size".into()));
    assert!(walk.answers_by_id().is_empty());
}

#[test]
fn choosing_an_answer_that_does_not_exist_is_refused() {
    let mut walk = Walk::new(guide());
    assert_eq!(walk.apply(Action::Choose(9)), vec![Effect::Refused]);
    assert_eq!(current(&walk), Some("size".into()));
}

#[test]
fn back_during_an_edit_from_the_review_returns_to_the_review_unchanged() {
    let mut walk = Walk::new(guide());
    choose(&mut walk, "size", "small");
    choose(&mut walk, "pace", "fast");
    walk.apply(Action::Edit(q(&walk, "size")));
    let effects = walk.apply(Action::Back);
    assert!(effects.contains(&Effect::BackToReview), "{effects:?}");
    assert!(matches!(walk.place(), Place::Review { .. }));
    assert!(!walk.editing());
    assert_eq!(
        walk.outcome().map(|o| outcome_id(&walk, o)),
        Some("consent".into())
    );
}

#[test]
fn back_within_the_questions_an_edit_opened_steps_back_then_cancelling_restores_the_answer() {
    let mut walk = Walk::new(guide());
    choose(&mut walk, "size", "small");
    choose(&mut walk, "pace", "fast");
    // Change pace to "slow": that opens the disagreement question.
    walk.apply(Action::Edit(q(&walk, "pace")));
    choose(&mut walk, "pace", "slow");
    assert_eq!(current(&walk), Some("disagreement".into()));
    // Back from the new question goes to the edited one, still editing.
    assert_eq!(walk.apply(Action::Back), vec![Effect::Moved]);
    assert_eq!(current(&walk), Some("pace".into()));
    assert!(walk.editing());
    // Back again abandons the edit: the old answer comes back, and so does the review.
    let effects = walk.apply(Action::Back);
    assert!(
        effects.contains(&Effect::AnswersChanged) && effects.contains(&Effect::BackToReview),
        "{effects:?}"
    );
    assert!(matches!(walk.place(), Place::Review { .. }));
    assert_eq!(
        walk.answer_of(q(&walk, "pace")),
        Some(answer(&walk, "pace", "fast"))
    );
}
