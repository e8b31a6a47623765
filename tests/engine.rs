//! Transition tests of the walk engine and its explanation, on the decision-making guide.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]

use std::path::Path;
use std::sync::Arc;

use coop_guide::engine::{Action, Effect, Explanation, Place, Walk};
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
    // What would change it: one entry per other outcome, under the most direct change that
    // leads there. "fast" (and "unsure", and "objection") lead straight to consent: the
    // earliest, "fast", is kept. "large" opens a question that can reach majority or mandates.
    let changes: Vec<(String, String, Vec<String>)> = result
        .changes
        .iter()
        .map(|c| {
            let question = &g.questions[c.question];
            let outcomes = c
                .outcomes
                .iter()
                .map(|o| {
                    let more = if o.after_more_questions { "+" } else { "" };
                    format!("{}{more}", g.outcomes[o.outcome].id)
                })
                .collect();
            (
                question.id.clone(),
                question.answers[c.answer].id.clone(),
                outcomes,
            )
        })
        .collect();
    assert_eq!(
        changes,
        vec![
            (
                "size".into(),
                "large".into(),
                vec!["majority+".into(), "mandates+".into()]
            ),
            ("pace".into(), "fast".into(), vec!["consent".into()]),
        ]
    );
    assert_eq!(result.other_outcomes(), 3);
    assert_eq!(
        result.related.iter().map(|r| r.outcome).collect::<Vec<_>>(),
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

// ---------------------------------------------------------------------------------------------
// Conditions, on the co-op pay guide: "stage" and "size" are situation questions; "few" has a
// conditional link (running co-ops go on to "current"); "keep-scale" is offered only to running
// co-ops.

fn pay() -> Arc<Guide> {
    let checked = check_path(Path::new("guides/co-op-pay.ron"));
    assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
    Arc::new(checked.guide.expect("guide loads"))
}

fn ids(walk: &Walk, question: &str, answers: &[usize]) -> Vec<String> {
    let qi = q(walk, question);
    answers
        .iter()
        .map(|&a| walk.guide().questions[qi].answers[a].id.clone())
        .collect()
}

#[test]
fn a_conditional_link_leads_where_earlier_answers_say() {
    let mut walk = Walk::new(pay());
    choose(&mut walk, "stage", "running");
    choose(&mut walk, "size", "few");
    assert_eq!(current(&walk), Some("current".into()));
    let mut walk = Walk::new(pay());
    choose(&mut walk, "stage", "starting");
    choose(&mut walk, "size", "few");
    assert_eq!(current(&walk), Some("work".into()));
}

#[test]
fn an_answer_whose_condition_is_false_is_not_offered_and_choosing_it_is_refused() {
    let mut walk = Walk::new(pay());
    for (question, answer) in [("stage", "starting"), ("size", "many"), ("work", "varied")] {
        choose(&mut walk, question, answer);
    }
    let difference = q(&walk, "difference");
    let shown = walk.visible_answers(difference);
    assert_eq!(
        ids(&walk, "difference", &shown),
        ["hours", "role", "unsure"]
    );
    let keep = answer(&walk, "difference", "keep-scale");
    assert!(!walk.offered(difference, keep));
    assert_eq!(walk.apply(Action::Choose(keep)), vec![Effect::Refused]);
    assert_eq!(current(&walk), Some("difference".into()));
    // A running co-op is offered it.
    let mut walk = Walk::new(pay());
    for (question, answer) in [("stage", "running"), ("size", "many"), ("work", "varied")] {
        choose(&mut walk, question, answer);
    }
    let shown = walk.visible_answers(difference);
    assert_eq!(
        ids(&walk, "difference", &shown),
        ["hours", "role", "keep-scale", "unsure"]
    );
}

#[test]
fn progress_follows_the_conditions_exactly() {
    let mut walk = Walk::new(pay());
    let p = walk.progress().expect("progress");
    assert_eq!((p.min_left, p.max_left), (3, 5));
    assert_eq!(walk.length(), Some((3, 5)));
    // A new co-op never sees "current": at most work and difference after size.
    choose(&mut walk, "stage", "starting");
    let p = walk.progress().expect("progress");
    assert_eq!((p.step, p.min_left, p.max_left), (2, 2, 3));
    walk.apply(Action::Back);
    choose(&mut walk, "stage", "running");
    let p = walk.progress().expect("progress");
    assert_eq!((p.step, p.min_left, p.max_left), (2, 2, 4));
}

#[test]
fn an_edit_from_the_review_that_hides_an_answer_asks_its_question_again() {
    let mut walk = Walk::new(pay());
    for (question, answer) in [
        ("stage", "running"),
        ("size", "few"),
        ("current", "no"),
        ("work", "varied"),
        ("difference", "keep-scale"),
    ] {
        choose(&mut walk, question, answer);
    }
    assert!(matches!(walk.place(), Place::Review { .. }));
    assert_eq!(
        walk.outcome().map(|o| outcome_id(&walk, o)),
        Some("keep".into())
    );
    // Now a new co-op: "current" is not asked, and "keep-scale" is not offered any more.
    walk.apply(Action::Edit(q(&walk, "stage")));
    let effects = choose(&mut walk, "stage", "starting");
    assert!(!effects.contains(&Effect::BackToReview), "{effects:?}");
    assert_eq!(current(&walk), Some("difference".into()));
    assert!(walk.editing());
    let difference = q(&walk, "difference");
    assert_eq!(
        walk.prefilled(difference),
        None,
        "the hidden answer is not pre-filled"
    );
    assert_eq!(
        walk.answer_of(difference),
        Some(answer(&walk, "difference", "keep-scale")),
        "but it is kept"
    );
    let stale: Vec<usize> = walk.stale().iter().map(|s| s.question).collect();
    assert_eq!(stale, vec![q(&walk, "current")]);
    let effects = choose(&mut walk, "difference", "role");
    assert!(effects.contains(&Effect::BackToReview), "{effects:?}");
    assert_eq!(
        walk.outcome().map(|o| outcome_id(&walk, o)),
        Some("ratio".into())
    );
    // Back to a running co-op: the branch it left comes back with its answers, and the
    // answer chosen since stays.
    walk.apply(Action::Edit(q(&walk, "stage")));
    let effects = choose(&mut walk, "stage", "running");
    assert!(effects.contains(&Effect::BackToReview), "{effects:?}");
    let path: Vec<String> = walk
        .review()
        .iter()
        .map(|s| walk.guide().questions[s.question].id.clone())
        .collect();
    assert_eq!(path, ["stage", "size", "current", "work", "difference"]);
    assert_eq!(
        walk.outcome().map(|o| outcome_id(&walk, o)),
        Some("ratio".into())
    );
}

#[test]
fn cancelling_an_edit_restores_the_answers_and_what_they_showed() {
    let mut walk = Walk::new(pay());
    for (question, answer) in [
        ("stage", "running"),
        ("size", "many"),
        ("work", "varied"),
        ("difference", "keep-scale"),
    ] {
        choose(&mut walk, question, answer);
    }
    walk.apply(Action::Edit(q(&walk, "stage")));
    choose(&mut walk, "stage", "starting");
    assert_eq!(current(&walk), Some("difference".into()));
    // Back steps back through the path to the edited question; back there cancels the edit.
    for expected in ["work", "size", "stage"] {
        assert_eq!(walk.apply(Action::Back), vec![Effect::Moved]);
        assert_eq!(current(&walk), Some(expected.into()));
        assert!(walk.editing());
    }
    let effects = walk.apply(Action::Back);
    assert!(effects.contains(&Effect::BackToReview), "{effects:?}");
    assert!(!walk.editing());
    assert!(matches!(walk.place(), Place::Review { .. }));
    assert_eq!(
        walk.outcome().map(|o| outcome_id(&walk, o)),
        Some("keep".into())
    );
}

#[test]
fn the_result_says_because_you_are_and_never_offers_a_situation_change() {
    let mut walk = Walk::new(pay());
    for (question, answer) in [
        ("stage", "running"),
        ("size", "few"),
        ("current", "no"),
        ("work", "varied"),
        ("difference", "keep-scale"),
    ] {
        choose(&mut walk, question, answer);
    }
    let result = Explanation::of(&walk).expect("result");
    let g = walk.guide();
    let situation: Vec<&str> = result
        .situation
        .iter()
        .map(|s| g.questions[s.question].id.as_str())
        .collect();
    assert_eq!(situation, ["stage", "size"]);
    assert!(result
        .changes
        .iter()
        .all(|c| !g.questions[c.question].situation));
    let changes: Vec<(&str, &str, Vec<&str>)> = result
        .changes
        .iter()
        .map(|c| {
            let question = &g.questions[c.question];
            (
                question.id.as_str(),
                question.answers[c.answer].id.as_str(),
                c.outcomes
                    .iter()
                    .map(|o| g.outcomes[o.outcome].id.as_str())
                    .collect(),
            )
        })
        .collect();
    // "role" and "unsure" both lead to the ratio: the first is kept.
    assert_eq!(
        changes,
        vec![
            ("work", "alike", vec!["equal"]),
            ("difference", "hours", vec!["hourly"]),
            ("difference", "role", vec!["ratio"]),
        ]
    );
    // A step whose `when` reads a dimension the path placed.
    let keep = g.index.outcome("keep").expect("keep");
    assert_eq!(result.next_steps.here, vec![0, 1]);
    assert_eq!(result.outcome, keep);
}

#[test]
fn conditional_next_steps_follow_the_path() {
    let steps = |stage: &str| {
        let mut walk = Walk::new(pay());
        for (question, answer) in [
            ("stage", stage),
            ("size", "many"),
            ("work", "varied"),
            ("difference", "role"),
        ] {
            choose(&mut walk, question, answer);
        }
        Explanation::of(&walk).expect("result").next_steps
    };
    assert_eq!(steps("running").here, vec![0, 1], "the vote step shows");
    assert_eq!(steps("starting").here, vec![0], "the vote step is left out");
}

#[test]
fn an_edit_from_the_review_changes_which_next_steps_show() {
    let mut walk = Walk::new(pay());
    for (question, answer) in [
        ("stage", "starting"),
        ("size", "many"),
        ("work", "varied"),
        ("difference", "role"),
    ] {
        choose(&mut walk, question, answer);
    }
    assert_eq!(
        Explanation::of(&walk).expect("result").next_steps.here,
        vec![0]
    );
    walk.apply(Action::Edit(q(&walk, "stage")));
    let effects = choose(&mut walk, "stage", "running");
    assert!(effects.contains(&Effect::BackToReview), "{effects:?}");
    let result = Explanation::of(&walk).expect("result");
    assert_eq!(outcome_id(&walk, result.outcome), "ratio");
    assert_eq!(
        result.next_steps.here,
        vec![0, 1],
        "the members' vote now shows"
    );
    // Back again: it goes.
    walk.apply(Action::Edit(q(&walk, "stage")));
    choose(&mut walk, "stage", "starting");
    assert_eq!(
        Explanation::of(&walk).expect("result").next_steps.here,
        vec![0]
    );
}

// ---------------------------------------------------------------------------------------------
// Loops: a path that comes back to a question asks it again; the new answer takes the place
// of the old one, where the question was first asked.

fn looping() -> Arc<Guide> {
    let text = r#"Guide(
        id: "loop", title: "Loop", start: "one",
        questions: [
            Question(id: "one", text: "One?", why: "w", answers: [
                Answer(id: "a", label: "A", next: Goto("two")),
                Answer(id: "b", label: "B", next: End("first")),
            ]),
            Question(id: "two", text: "Two?", why: "w", answers: [
                Answer(id: "again", label: "Again", next: Goto("one")),
                Answer(id: "end", label: "End", next: End("second")),
            ]),
        ],
        outcomes: [
            Outcome(id: "first", title: "First", pros: ["p"], cons: ["c"]),
            Outcome(id: "second", title: "Second", pros: ["p"], cons: ["c"]),
        ],
    )"#;
    let checked = coop_guide::guide::check_source(coop_guide::guide::Source::new("loop", text));
    Arc::new(checked.guide.expect("warnings only"))
}

#[test]
fn after_a_loop_the_answer_that_breaks_it_keeps_the_cursor_on_the_path() {
    let mut walk = Walk::new(looping());
    choose(&mut walk, "one", "a");
    choose(&mut walk, "two", "again");
    // Asked again, as a third step.
    assert_eq!(
        walk.place(),
        Place::Question {
            question: q(&walk, "one"),
            step: 2
        }
    );
    choose(&mut walk, "one", "b");
    assert!(matches!(walk.place(), Place::Review { .. }));
    assert_eq!(walk.review().len(), 1);
    // The first Back at the review goes to the question.
    assert_eq!(walk.apply(Action::Back), vec![Effect::Moved]);
    assert_eq!(
        walk.place(),
        Place::Question {
            question: q(&walk, "one"),
            step: 0
        }
    );
}

#[test]
fn going_round_a_loop_again_stays_on_the_path() {
    let mut walk = Walk::new(looping());
    choose(&mut walk, "one", "a");
    choose(&mut walk, "two", "again");
    // The same answer again: the walk goes round, to the question after it.
    choose(&mut walk, "one", "a");
    assert_eq!(
        walk.place(),
        Place::Question {
            question: q(&walk, "two"),
            step: 1
        }
    );
    assert_eq!(walk.apply(Action::Back), vec![Effect::Moved]);
    assert_eq!(current(&walk), Some("one".into()));
}

// ---------------------------------------------------------------------------------------------
// Generated guides, with and without conditions (and with loops), checked against a brute-force
// reference written straight from the format's definitions, and walked by random actions.

use coop_guide::guide::{Answer, Case, Condition, Link, Outcome, Question};
use coop_guide::report::paths::{count_paths, PathEnd, Paths, Uncounted};

/// A small seeded generator (xorshift64*), so failures can be replayed from the seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
}

/// What a generated guide may use.
#[derive(Clone, Copy)]
struct Shape {
    conditions: bool,
    loops: bool,
}

fn condition(rng: &mut Rng, answers: &[usize], depth: u32) -> Condition {
    let atom = |rng: &mut Rng| {
        if rng.chance(4) {
            Condition::Placed("d".into(), format!("v{}", rng.below(2)))
        } else {
            let q = rng.below(answers.len());
            Condition::Answered(format!("q{q}"), format!("a{}", rng.below(answers[q])))
        }
    };
    if depth == 0 {
        return atom(rng);
    }
    match rng.below(6) {
        0 => Condition::Not(Box::new(condition(rng, answers, depth - 1))),
        1 => Condition::Any(vec![
            condition(rng, answers, depth - 1),
            condition(rng, answers, depth - 1),
        ]),
        2 => Condition::All(vec![
            condition(rng, answers, depth - 1),
            condition(rng, answers, depth - 1),
        ]),
        _ => atom(rng),
    }
}

fn generated(seed: u64, shape: Shape) -> Arc<Guide> {
    let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let n = 3 + rng.below(5);
    let outcomes = 3;
    let answers: Vec<usize> = (0..n).map(|_| 1 + rng.below(3)).collect();
    let plain = |rng: &mut Rng, i: usize| -> Link {
        if shape.loops && rng.chance(8) {
            return Link::Goto(format!("q{}", rng.below(i + 1)));
        }
        if i + 1 < n && !rng.chance(3) {
            Link::Goto(format!("q{}", i + 1 + rng.below(n - i - 1)))
        } else {
            Link::End(format!("o{}", rng.below(outcomes)))
        }
    };
    let mut questions = Vec::new();
    for (i, &count) in answers.iter().enumerate() {
        let mut list = Vec::new();
        for a in 0..count {
            let mut next = plain(&mut rng, i);
            let mut when = None;
            if shape.conditions {
                if rng.chance(3) {
                    let cases = (0..1 + rng.below(2))
                        .map(|_| Case {
                            when: condition(&mut rng, &answers, 2),
                            next: plain(&mut rng, i),
                        })
                        .collect();
                    next = Link::Branch {
                        cases,
                        otherwise: Box::new(next),
                    };
                }
                if rng.chance(4) {
                    when = Some(Box::new(condition(&mut rng, &answers[..i.max(1)], 1)));
                }
            }
            let sets = if rng.chance(3) {
                vec![("d".to_string(), format!("v{}", rng.below(2)))]
            } else {
                Vec::new()
            };
            list.push(Answer {
                id: format!("a{a}"),
                label: format!("Answer {a}"),
                sets,
                when,
                next,
                ..Answer::default()
            });
        }
        questions.push(Question {
            id: format!("q{i}"),
            text: format!("Question {i}?"),
            situation: shape.conditions && rng.chance(4),
            answers: list,
            ..Question::default()
        });
    }
    let mut guide = Guide {
        id: "generated".into(),
        title: "Generated".into(),
        start: "q0".into(),
        dimensions: vec![coop_guide::guide::Dimension {
            id: "d".into(),
            name: "D".into(),
            values: (0..2)
                .map(|v| coop_guide::guide::DimensionValue {
                    id: format!("v{v}"),
                    label: format!("V{v}"),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }],
        questions,
        outcomes: (0..outcomes)
            .map(|o| Outcome {
                id: format!("o{o}"),
                title: format!("Outcome {o}"),
                ..Outcome::default()
            })
            .collect(),
        ..Guide::default()
    };
    // Diagnostics do not matter here: the walk's semantics are defined for any guide.
    coop_guide::guide::validate::validate(&mut guide);
    Arc::new(guide)
}

/// The format's definitions, followed literally: what the group said is the list of answers on
/// its path; `Placed` reads the latest answer on the path that sets the dimension.
mod reference {
    use super::*;

    pub fn holds(guide: &Guide, c: &Condition, said: &[(usize, usize)]) -> bool {
        match c {
            Condition::Answered(q, a) => said.iter().any(|&(sq, sa)| {
                guide.questions[sq].id == *q && guide.questions[sq].answers[sa].id == *a
            }),
            Condition::Placed(d, v) => said
                .iter()
                .rev()
                .find_map(|&(sq, sa)| {
                    guide.questions[sq].answers[sa]
                        .sets
                        .iter()
                        .rev()
                        .find(|(sd, _)| sd == d)
                        .map(|(_, sv)| sv == v)
                })
                .unwrap_or(false),
            Condition::Any(list) => list.iter().any(|c| holds(guide, c, said)),
            Condition::All(list) => list.iter().all(|c| holds(guide, c, said)),
            Condition::Not(c) => !holds(guide, c, said),
        }
    }

    pub fn offered(guide: &Guide, q: usize, a: usize, said: &[(usize, usize)]) -> bool {
        guide.questions[q].answers[a]
            .when
            .as_ref()
            .is_none_or(|c| holds(guide, c, said))
    }

    pub enum To {
        Question(usize),
        Outcome(usize),
    }

    pub fn resolve(guide: &Guide, link: &Link, said: &[(usize, usize)]) -> To {
        match link {
            Link::Goto(id) => To::Question(
                guide
                    .questions
                    .iter()
                    .position(|q| q.id == *id)
                    .expect("generated ids exist"),
            ),
            Link::End(id) => To::Outcome(
                guide
                    .outcomes
                    .iter()
                    .position(|o| o.id == *id)
                    .expect("generated ids exist"),
            ),
            Link::Branch { cases, otherwise } => {
                match cases.iter().find(|c| holds(guide, &c.when, said)) {
                    Some(case) => resolve(guide, &case.next, said),
                    None => resolve(guide, otherwise, said),
                }
            }
        }
    }

    /// The answers said before a point, the question there, and the fewest and most questions
    /// from there to an outcome (it included).
    pub type Point = (Vec<(usize, usize)>, usize, Option<(u32, u32)>);

    /// Every walk, listed depth first in the guide's order of answers.
    #[derive(Default)]
    pub struct Walks {
        pub paths: Vec<(Vec<(usize, usize)>, PathEnd)>,
        pub per_outcome: Vec<u128>,
        pub loops: u128,
        /// Every point a walk reaches a question.
        pub points: Vec<Point>,
    }

    pub fn walks(guide: &Guide) -> Walks {
        let mut w = Walks {
            per_outcome: vec![0; guide.outcomes.len()],
            ..Walks::default()
        };
        let mut said = Vec::new();
        explore(guide, 0, &mut said, &mut w);
        w
    }

    fn explore(
        guide: &Guide,
        q: usize,
        said: &mut Vec<(usize, usize)>,
        w: &mut Walks,
    ) -> Option<(u32, u32)> {
        let mut best: Option<(u32, u32)> = None;
        let mut add = |left: (u32, u32)| {
            best = Some(match best {
                None => left,
                Some((a, b)) => (a.min(left.0), b.max(left.1)),
            })
        };
        for a in 0..guide.questions[q].answers.len() {
            if !offered(guide, q, a, said) {
                continue;
            }
            said.push((q, a));
            match resolve(guide, &guide.questions[q].answers[a].next, said) {
                To::Question(n) if said.iter().any(|&(sq, _)| sq == n) => {
                    w.loops += 1;
                    w.paths.push((said.clone(), PathEnd::Loop(n)));
                }
                To::Question(n) => {
                    if let Some((min, max)) = explore(guide, n, said, w) {
                        add((min + 1, max + 1));
                    }
                }
                To::Outcome(o) => {
                    w.per_outcome[o] += 1;
                    w.paths.push((said.clone(), PathEnd::Outcome(o)));
                    add((1, 1));
                }
            }
            said.pop();
        }
        w.points.push((said.clone(), q, best));
        best
    }
}

const SHAPES: [Shape; 3] = [
    Shape {
        conditions: false,
        loops: false,
    },
    Shape {
        conditions: true,
        loops: false,
    },
    Shape {
        conditions: true,
        loops: true,
    },
];

#[test]
fn path_counts_listings_and_progress_match_brute_force_on_generated_guides() {
    let guides = (0..300u64)
        .flat_map(|seed| SHAPES.map(|shape| (seed, shape)))
        .map(|(seed, shape)| (seed, shape, generated(seed, shape)))
        .chain([(
            0,
            Shape {
                conditions: true,
                loops: false,
            },
            pay(),
        )]);
    for (seed, shape, guide) in guides {
        let truth = reference::walks(&guide);
        let label = format!("seed {seed}, conditions {}", shape.conditions);
        // Listing.
        let listed = Paths::of(&guide);
        let listed: Vec<(Vec<(usize, usize)>, PathEnd)> =
            listed.paths.into_iter().map(|p| (p.steps, p.end)).collect();
        assert_eq!(listed, truth.paths, "{label}: listed paths");
        // Counting.
        match count_paths(&guide).expect("a start") {
            Ok(count) => {
                assert_eq!(truth.loops, 0, "{label}: loops missed");
                assert_eq!(count.per_outcome, truth.per_outcome, "{label}: counts");
            }
            Err(Uncounted::Loops) => assert!(truth.loops > 0, "{label}: loops invented"),
            Err(Uncounted::TooMany) => panic!("{label}: a tiny guide is too many"),
        }
        // Progress at every point a walk reaches.
        for (said, question, left) in &truth.points {
            let mut walk = Walk::new(Arc::clone(&guide));
            for &(_, a) in said {
                let effects = walk.apply(Action::Choose(a));
                assert!(!effects.contains(&Effect::Refused), "{label}: {said:?}");
            }
            assert_eq!(
                walk.place(),
                Place::Question {
                    question: *question,
                    step: said.len()
                },
                "{label}: {said:?}"
            );
            let p = walk.progress().expect("at a question");
            if let Some((min, max)) = left {
                assert_eq!((p.min_left, p.max_left), (*min, *max), "{label}: {said:?}");
            }
            // What is offered here is what the reference offers.
            let offered: Vec<usize> = (0..guide.questions[*question].answers.len())
                .filter(|&a| reference::offered(&guide, *question, a, said))
                .collect();
            assert_eq!(
                walk.visible_answers(*question),
                offered,
                "{label}: {said:?}"
            );
        }
    }
}

/// The walk's invariants, checked after every action.
fn check_invariants(walk: &Walk, label: &str) {
    let guide = walk.guide();
    let steps = walk.review();
    // The path is what the recorded answers give, through the conditions.
    let mut said: Vec<(usize, usize)> = Vec::new();
    let mut at = guide.index.start();
    for step in steps {
        assert_eq!(Some(step.question), at, "{label}: path broken");
        assert!(
            reference::offered(guide, step.question, step.answer, &said),
            "{label}: an answer not offered is on the path"
        );
        assert_eq!(walk.answer_of(step.question), Some(step.answer), "{label}");
        said.push((step.question, step.answer));
        let link = &guide.questions[step.question].answers[step.answer].next;
        at = match reference::resolve(guide, link, &said) {
            reference::To::Question(n) => Some(n),
            reference::To::Outcome(o) => {
                assert_eq!(walk.outcome(), Some(o), "{label}: outcome");
                None
            }
        };
    }
    // The cursor is on the path.
    match walk.place() {
        Place::Question { question, step } => {
            assert!(step <= steps.len(), "{label}: cursor past the path");
            if step < steps.len() {
                assert_eq!(steps[step].question, question, "{label}: cursor");
            } else {
                assert_eq!(at, Some(question), "{label}: the open question");
                assert_eq!(walk.outcome(), None, "{label}");
            }
        }
        Place::Review { outcome } | Place::Result { outcome } => {
            assert_eq!(walk.outcome(), Some(outcome), "{label}");
            assert!(at.is_none(), "{label}");
        }
    }
    // Stale answers are off the path.
    for s in walk.stale() {
        assert!(steps.iter().all(|p| p.question != s.question), "{label}");
    }
    // The result comes only from answers on the path.
    if let Some(e) = Explanation::of(walk) {
        assert_eq!(e.path, steps.to_vec(), "{label}");
        for p in &e.profile {
            match p.by {
                Some(coop_guide::engine::PlacedBy::Answer(s)) => {
                    assert!(steps.contains(&s), "{label}: placed by a stale answer")
                }
                Some(coop_guide::engine::PlacedBy::Outcome) | None => {}
            }
        }
        for c in &e.changes {
            assert!(!guide.questions[c.question].situation, "{label}");
            let i = steps
                .iter()
                .position(|s| s.question == c.question)
                .expect("a change is on the path");
            assert!(
                reference::offered(guide, c.question, c.answer, &said[..i]),
                "{label}: a change not offered"
            );
            assert!(c.outcomes.iter().all(|o| o.outcome != e.outcome), "{label}");
        }
    }
}

#[test]
fn random_actions_keep_the_walk_on_its_path() {
    for seed in 0..200u64 {
        for shape in SHAPES {
            let guide = generated(seed, shape);
            let mut rng = Rng(seed.wrapping_add(7) | 1);
            let mut walk = Walk::new(Arc::clone(&guide));
            let mut log: Vec<String> = Vec::new();
            for _ in 0..80 {
                let before = walk.place();
                let action = match rng.below(12) {
                    0..=4 => match before {
                        Place::Question { question, .. } => {
                            let shown = walk.visible_answers(question);
                            if shown.is_empty() || rng.chance(6) {
                                Action::Choose(rng.below(4))
                            } else {
                                Action::Choose(shown[rng.below(shown.len())])
                            }
                        }
                        _ => Action::Confirm,
                    },
                    5 | 6 => Action::Back,
                    7 => match walk.review().len() {
                        0 => Action::Back,
                        n => Action::Edit(walk.review()[rng.below(n)].question),
                    },
                    8 => Action::Confirm,
                    9 => Action::CancelEdit,
                    10 => Action::GoTo(rng.below(guide.questions.len())),
                    _ if rng.chance(4) => Action::Restart,
                    _ => Action::SkipAnswered,
                };
                log.push(format!("{action:?}"));
                let editing = walk.editing();
                let offered = match (action, before) {
                    (Action::Choose(a), Place::Question { question, .. }) => {
                        Some(walk.offered(question, a))
                    }
                    _ => None,
                };
                let effects = walk.apply(action);
                let label = format!("seed {seed}, conditions {}: {log:?}", shape.conditions);
                if let Some(offered) = offered {
                    assert_eq!(
                        effects.contains(&Effect::Refused),
                        !offered,
                        "{label}: a choice refused or taken wrongly"
                    );
                }
                if let (Action::Back, Place::Review { .. }, false) = (action, before, editing) {
                    assert_eq!(effects, vec![Effect::Moved], "{label}: back at the review");
                    assert!(
                        matches!(walk.place(), Place::Question { step, .. } if step + 1 == walk.review().len()),
                        "{label}: back at the review goes to the last question"
                    );
                }
                check_invariants(&walk, &label);
            }
        }
    }
}

#[test]
fn choosing_a_hidden_answer_is_refused_and_a_shown_one_never_is() {
    for seed in 0..200u64 {
        let guide = generated(
            seed,
            Shape {
                conditions: true,
                loops: false,
            },
        );
        let truth = reference::walks(&guide);
        for (said, question, _) in truth.points.iter().take(20) {
            for a in 0..guide.questions[*question].answers.len() {
                let mut walk = Walk::new(Arc::clone(&guide));
                for &(_, x) in said {
                    walk.apply(Action::Choose(x));
                }
                let refused = walk.apply(Action::Choose(a)).contains(&Effect::Refused);
                assert_eq!(
                    refused,
                    !reference::offered(&guide, *question, a, said),
                    "seed {seed}: {said:?} then {a}"
                );
            }
        }
    }
}
