//! The walk: one group's way through a guide, as a pure state machine.
//!
//! [`Walk::apply`] takes an [`Action`] and returns [`Effect`]s as data; the TUI, the plain mode,
//! workshop sessions and the tests all drive the same machine.
//!
//! State is small: every answer ever given (question → answer) and a cursor on the current path.
//! The path is derived: from the start, follow the recorded answers until a question has none or
//! an outcome is reached. So:
//! - going back moves the cursor and keeps every later answer, pre-filled when the user returns;
//! - changing an answer can leave a branch: its answers stay recorded but are *stale* (not on the
//!   path) and never reach the result; choosing the old answer again brings them back;
//! - the end of a path is the review, then the result; editing from the review comes back to it.

use std::collections::HashMap;
use std::sync::Arc;

use crate::guide::{Guide, Target};

/// What a user can do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Choose answer `n` (0-based) of the current question.
    Choose(usize),
    /// Go back one step (from the result to the review, from the review to the last question;
    /// during an edit started from the review, back to the review).
    Back,
    /// Change the answer to this question (by position in the guide); it must be on the path.
    Edit(usize),
    /// From the review, show the result.
    Confirm,
    /// Abandon an edit started from the review: back to the review, answers unchanged.
    CancelEdit,
    /// Forget every answer and go back to the first question.
    Restart,
}

/// What happened, for the driver to act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// The recorded answers changed (sessions save now).
    AnswersChanged,
    /// The walk moved to another place.
    Moved,
    /// An edit made from the review is done: show the review again.
    BackToReview,
    /// Nothing could be done (back at the first question, or an answer that does not exist).
    Refused,
}

/// Where the walk is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// At a question: its position in the guide, and the step on the path (0-based).
    Question {
        /// Position of the question in the guide.
        question: usize,
        /// Step on the path, from 0.
        step: usize,
    },
    /// Every question on the path is answered: the answers are reviewed before the result.
    Review {
        /// Position of the outcome the path reaches.
        outcome: usize,
    },
    /// The result.
    Result {
        /// Position of the outcome.
        outcome: usize,
    },
}

/// One answered question on the path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    /// Position of the question in the guide.
    pub question: usize,
    /// Position of the chosen answer in the question.
    pub answer: usize,
}

/// Progress along a branching path, stated honestly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    /// Section of the current question.
    pub section: String,
    /// Step number on this path, from 1.
    pub step: usize,
    /// Fewest questions left, the current one included.
    pub min_left: u32,
    /// Most questions left, the current one included.
    pub max_left: u32,
}

/// The path derived from the recorded answers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Path {
    /// Answered questions, in asking order.
    steps: Vec<Step>,
    /// The question after the answered ones, if the path stops at one.
    open: Option<usize>,
    /// The outcome, if the path reaches one.
    outcome: Option<usize>,
}

/// An edit started from the review.
#[derive(Debug, Clone, Copy)]
struct Edit {
    step: usize,
    question: usize,
    answer: usize,
}

/// One group's walk through a guide.
#[derive(Debug, Clone)]
pub struct Walk {
    guide: Arc<Guide>,
    answers: HashMap<usize, usize>,
    path: Path,
    /// Position on the path: `steps.len()` means past the last answered question.
    cursor: usize,
    /// At the end of the path: showing the result rather than the review.
    showing_result: bool,
    /// An edit from the review under way: the step it started at, the question, and the answer
    /// it had (restored if the edit is abandoned).
    edit: Option<Edit>,
    /// The first question, when it is not the guide's start (`play --from`).
    first: Option<usize>,
}

impl Walk {
    /// A new walk at the first question. The guide must have been validated without errors.
    pub fn new(guide: Arc<Guide>) -> Walk {
        let mut walk = Walk {
            guide,
            answers: HashMap::new(),
            path: Path::default(),
            cursor: 0,
            showing_result: false,
            edit: None,
            first: None,
        };
        walk.rebuild();
        walk
    }

    /// A walk starting at another question (`play --from`): the questions before it are skipped.
    pub fn from_question(guide: Arc<Guide>, question: usize) -> Walk {
        let mut walk = Walk::new(guide);
        walk.first = Some(question);
        walk.rebuild();
        walk
    }

    /// The guide being walked.
    pub fn guide(&self) -> &Arc<Guide> {
        &self.guide
    }

    /// Where the walk is.
    pub fn place(&self) -> Place {
        if self.cursor < self.path.steps.len() {
            return Place::Question {
                question: self.path.steps[self.cursor].question,
                step: self.cursor,
            };
        }
        match (self.path.open, self.path.outcome) {
            (Some(question), _) => Place::Question {
                question,
                step: self.cursor,
            },
            (None, Some(outcome)) if self.showing_result => Place::Result { outcome },
            (None, Some(outcome)) => Place::Review { outcome },
            // A validated guide always has a start; an empty path ends nowhere only if it hasn't.
            (None, None) => Place::Question {
                question: 0,
                step: 0,
            },
        }
    }

    /// The answer recorded for a question, stale or not.
    pub fn answer_of(&self, question: usize) -> Option<usize> {
        self.answers.get(&question).copied()
    }

    /// The answered questions on the current path, in asking order (the review).
    pub fn review(&self) -> &[Step] {
        &self.path.steps
    }

    /// The answered questions on the path before the cursor: what has been confirmed so far.
    pub fn answered(&self) -> &[Step] {
        &self.path.steps[..self.cursor.min(self.path.steps.len())]
    }

    /// Answers recorded for questions not on the current path, in the guide's order. They are
    /// kept, but never part of the result or an export.
    pub fn stale(&self) -> Vec<Step> {
        let on_path: std::collections::HashSet<usize> =
            self.path.steps.iter().map(|s| s.question).collect();
        let mut stale: Vec<Step> = self
            .answers
            .iter()
            .filter(|(q, _)| !on_path.contains(q) && self.path.open != Some(**q))
            .map(|(&question, &answer)| Step { question, answer })
            .collect();
        stale.sort_by_key(|s| s.question);
        stale
    }

    /// The outcome the path reaches, once every question on it is answered.
    pub fn outcome(&self) -> Option<usize> {
        self.path.outcome
    }

    /// True while an edit started from the review is under way.
    pub fn editing(&self) -> bool {
        self.edit.is_some()
    }

    /// Section, step and questions left; `None` at the review and the result.
    pub fn progress(&self) -> Option<Progress> {
        let Place::Question { question, step } = self.place() else {
            return None;
        };
        let (min_left, max_left) = self.guide.index.questions_left(question).unwrap_or((1, 1));
        Some(Progress {
            section: self.guide.questions[question].section.clone(),
            step: step + 1,
            min_left,
            max_left,
        })
    }

    /// Applies an action and says what happened.
    pub fn apply(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Choose(answer) => self.choose(answer),
            Action::Back => self.back(),
            Action::Edit(question) => self.edit(question),
            Action::Confirm => match self.place() {
                Place::Review { .. } => {
                    self.showing_result = true;
                    vec![Effect::Moved]
                }
                _ => vec![Effect::Refused],
            },
            Action::CancelEdit => self.cancel_edit(),
            Action::Restart => {
                let had_answers = !self.answers.is_empty();
                self.answers.clear();
                self.cursor = 0;
                self.showing_result = false;
                self.edit = None;
                self.rebuild();
                let mut effects = vec![Effect::Moved];
                if had_answers {
                    effects.insert(0, Effect::AnswersChanged);
                }
                effects
            }
        }
    }

    /// Records an answer by ids, as a session or an answers file holds them, without moving.
    /// Returns false (and records nothing) when either id is unknown.
    pub fn record(&mut self, question: &str, answer: &str) -> bool {
        let Some(q) = self.guide.index.question(question) else {
            return false;
        };
        let Some(a) = self.guide.questions[q]
            .answers
            .iter()
            .position(|x| x.id == answer)
        else {
            return false;
        };
        self.answers.insert(q, a);
        self.rebuild();
        true
    }

    /// Moves to the first question on the path without an answer (or the review when none).
    pub fn skip_answered(&mut self) {
        self.cursor = self.path.steps.len();
    }

    /// Moves to a question on the current path, if it is there; the answers are kept.
    pub fn go_to(&mut self, question: usize) -> bool {
        match self.path.steps.iter().position(|s| s.question == question) {
            Some(step) => {
                self.cursor = step;
                self.showing_result = false;
                true
            }
            None if self.path.open == Some(question) => {
                self.cursor = self.path.steps.len();
                true
            }
            None => false,
        }
    }

    /// Every recorded answer by ids, stale ones included, in the guide's order of questions.
    pub fn answers_by_id(&self) -> Vec<(String, String)> {
        let mut all: Vec<(usize, usize)> = self.answers.iter().map(|(&q, &a)| (q, a)).collect();
        all.sort_unstable();
        all.into_iter()
            .map(|(q, a)| {
                let question = &self.guide.questions[q];
                (question.id.clone(), question.answers[a].id.clone())
            })
            .collect()
    }

    fn choose(&mut self, answer: usize) -> Vec<Effect> {
        let Place::Question { question, .. } = self.place() else {
            return vec![Effect::Refused];
        };
        if answer >= self.guide.questions[question].answers.len() {
            return vec![Effect::Refused];
        }
        let changed = self.answers.insert(question, answer) != Some(answer);
        if changed {
            self.rebuild();
        }
        let mut effects = Vec::new();
        if changed {
            effects.push(Effect::AnswersChanged);
        }
        if self.edit.is_some() {
            // Skip ahead over questions that still have their answers: the edit is done when the
            // path is whole again, or it needs new answers first.
            self.cursor = self.path.steps.len();
            if self.path.open.is_none() {
                self.edit = None;
                effects.push(Effect::BackToReview);
            }
        } else {
            self.cursor += 1;
        }
        effects.push(Effect::Moved);
        effects
    }

    fn back(&mut self) -> Vec<Effect> {
        // Going back to where an edit from the review started abandons it, in every front-end;
        // within the new questions the edit opened, back is an ordinary step back.
        if let Some(edit) = self.edit {
            if self.cursor <= edit.step {
                return self.cancel_edit();
            }
            self.cursor -= 1;
            return vec![Effect::Moved];
        }
        if self.showing_result {
            self.showing_result = false;
            return vec![Effect::Moved];
        }
        if self.cursor == 0 {
            return vec![Effect::Refused];
        }
        self.cursor -= 1;
        vec![Effect::Moved]
    }

    fn edit(&mut self, question: usize) -> Vec<Effect> {
        let Some(step) = self.path.steps.iter().position(|s| s.question == question) else {
            return vec![Effect::Refused];
        };
        self.cursor = step;
        self.showing_result = false;
        self.edit = Some(Edit {
            step,
            question,
            answer: self.path.steps[step].answer,
        });
        vec![Effect::Moved]
    }

    /// Abandons an edit from the review: the answer it had comes back, and so does the review.
    fn cancel_edit(&mut self) -> Vec<Effect> {
        let Some(edit) = self.edit.take() else {
            return vec![Effect::Refused];
        };
        let mut effects = Vec::new();
        if self.answers.insert(edit.question, edit.answer) != Some(edit.answer) {
            self.rebuild();
            effects.push(Effect::AnswersChanged);
        }
        self.cursor = self.path.steps.len();
        if self.path.open.is_none() {
            effects.push(Effect::BackToReview);
        }
        effects.push(Effect::Moved);
        effects
    }

    fn rebuild(&mut self) {
        self.path = self.follow(self.path_start());
        self.cursor = self.cursor.min(self.path.steps.len());
        if self.path.open.is_some() {
            self.showing_result = false;
        }
    }

    fn path_start(&self) -> Option<usize> {
        self.first.or(self.guide.index.start())
    }

    /// Follows recorded answers from `from` until a question has none or an outcome is reached.
    fn follow(&self, from: Option<usize>) -> Path {
        let mut path = Path::default();
        let mut seen = std::collections::HashSet::new();
        let mut at = from;
        while let Some(question) = at {
            if !seen.insert(question) {
                // A cycle in the recorded answers: stop here and ask again.
                path.open = Some(question);
                break;
            }
            let Some(&answer) = self.answers.get(&question) else {
                path.open = Some(question);
                break;
            };
            path.steps.push(Step { question, answer });
            at = match self.guide.index.target(question, answer) {
                Target::Question(next) => Some(next),
                Target::Outcome(outcome) => {
                    path.outcome = Some(outcome);
                    None
                }
                Target::Missing => None,
            };
        }
        path
    }
}
