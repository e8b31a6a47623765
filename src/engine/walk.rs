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
//!
//! Conditions are followed as the path is derived: an answer is only on the path where it is
//! offered (its `when` holds for the answers before its question), and a conditional link leads
//! where its first holding case says. A recorded answer that is no longer offered leaves its
//! question open, to be asked again; the answer stays recorded. A path that comes back to a
//! question already on it stops there and asks it again: the new answer takes the place of the
//! old one, where the question was first asked.

use std::collections::HashMap;
use std::sync::Arc;

use super::shown;
use crate::guide::condition::PathSaid;
use crate::guide::flow::Flow;
use crate::guide::item::join;
use crate::guide::{Guide, Target};

/// What a user can do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Choose answer `n` (its position in the current question); refused when it is not offered.
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
    /// Record answer `answer` (by position) of question `question` without moving, as a
    /// session or an answers file holds it; whether it is on the path is worked out after.
    Record {
        /// Position of the question in the guide.
        question: usize,
        /// Position of the answer in the question.
        answer: usize,
    },
    /// Move to the first question on the path without an answer, or the review when none.
    SkipAnswered,
    /// Move to a question on the current path (by position in the guide); answers are kept.
    GoTo(usize),
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
    /// Nothing could be done (back at the first question, or an answer that does not exist or
    /// is not offered).
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
    /// Every walk the conditions allow from the first question, for exact progress; `None`
    /// for a guide without conditions (its links alone are exact) or one too large to follow.
    flow: Option<Arc<Flow>>,
}

impl Walk {
    /// A new walk at the first question. The guide must have been validated without errors.
    pub fn new(guide: Arc<Guide>) -> Walk {
        let mut walk = Walk {
            answers: HashMap::new(),
            path: Path::default(),
            cursor: 0,
            showing_result: false,
            edit: None,
            first: None,
            flow: guide.index.flow().cloned(),
            guide,
        };
        walk.rebuild();
        walk
    }

    /// A walk starting at another question (`play --from`): the questions before it are skipped.
    pub fn from_question(guide: Arc<Guide>, question: usize) -> Walk {
        let mut walk = Walk::new(guide);
        walk.first = Some(question);
        if walk.guide.index.conditional() && walk.path_start() != walk.guide.index.start() {
            walk.flow =
                Flow::explore(&walk.guide.index, &walk.guide, Some(question), false).map(Arc::new);
        }
        walk.rebuild();
        walk
    }

    /// The guide being walked.
    pub fn guide(&self) -> &Arc<Guide> {
        &self.guide
    }

    /// Every walk the conditions allow from this walk's first question, when the guide has
    /// conditions and they could be followed.
    pub fn flow(&self) -> Option<&Arc<Flow>> {
        self.flow.as_ref()
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

    /// The answer to pre-select at a question: the one recorded, if it is offered there.
    pub fn prefilled(&self, question: usize) -> Option<usize> {
        self.answer_of(question)
            .filter(|&a| self.offered(question, a))
    }

    /// The answers of a question offered to this group (positions in the guide, in order): those
    /// without a `when`, and those whose `when` holds for the answers on the path before the
    /// question. An answer's position stays its identity everywhere; only the choice is narrowed.
    pub fn visible_answers(&self, question: usize) -> Vec<usize> {
        let count = self
            .guide
            .questions
            .get(question)
            .map_or(0, |q| q.answers.len());
        if !self.guide.index.conditional() {
            return (0..count).collect();
        }
        let said = self.said_before(question);
        (0..count)
            .filter(|&a| self.guide.index.offered(question, a, &said))
            .collect()
    }

    /// Whether an answer is offered at a question (see [`Walk::visible_answers`]).
    pub fn offered(&self, question: usize, answer: usize) -> bool {
        let count = self
            .guide
            .questions
            .get(question)
            .map_or(0, |q| q.answers.len());
        if answer >= count {
            return false;
        }
        if self.guide.index.when(question, answer).is_none() {
            return true;
        }
        self.guide
            .index
            .offered(question, answer, &self.said_before(question))
    }

    /// What the group has said before a question: the path up to where the question is first
    /// asked, or the whole path for a question not on it.
    pub fn said_before(&self, question: usize) -> PathSaid {
        let steps = &self.path.steps;
        let end = steps
            .iter()
            .position(|s| s.question == question)
            .unwrap_or(steps.len());
        PathSaid::of(
            &self.guide,
            steps[..end].iter().map(|s| (s.question, s.answer)),
        )
    }

    /// Why a question is asked, for this group: the paragraphs of its `why` whose condition
    /// holds for the answers before it, joined by blank lines ("" when none is shown).
    pub fn why(&self, question: usize) -> String {
        self.guide
            .questions
            .get(question)
            .map_or(String::new(), |q| {
                join(shown::texts(q.why.items(), &self.why_shown(question)).into_iter())
            })
    }

    /// Which paragraphs of a question's `why` [`Walk::why`] shows: positions in its items, the
    /// same in every translation of the guide.
    pub fn why_shown(&self, question: usize) -> Vec<usize> {
        self.guide.questions.get(question).map_or(Vec::new(), |q| {
            shown::shown_lazily(&self.guide, q.why.items(), || self.said_before(question))
        })
    }

    /// A question's facilitator notes for this group, seen as [`Walk::why`] is.
    pub fn notes(&self, question: usize) -> String {
        self.guide
            .questions
            .get(question)
            .map_or(String::new(), |q| {
                let items = q.notes.items();
                let shown = shown::shown_lazily(&self.guide, items, || self.said_before(question));
                join(shown::texts(items, &shown).into_iter())
            })
    }

    /// The answered questions on the current path, in asking order (the review).
    pub fn review(&self) -> &[Step] {
        &self.path.steps
    }

    /// The answered questions on the path before the cursor: what has been confirmed so far.
    pub fn answered(&self) -> &[Step] {
        &self.path.steps[..self.cursor.min(self.path.steps.len())]
    }

    /// Answers recorded for questions on a branch the group left: not on the current path, and
    /// not ahead of it either (a question the path can still reach from where it stops, as
    /// after resuming on a changed guide). In the guide's order. They are kept, but never part
    /// of the result or an export.
    pub fn stale(&self) -> Vec<Step> {
        let on_path: std::collections::HashSet<usize> =
            self.path.steps.iter().map(|s| s.question).collect();
        let ahead = self.ahead();
        let mut stale: Vec<Step> = self
            .answers
            .iter()
            .filter(|(q, _)| !on_path.contains(q) && !ahead.contains(q))
            .map(|(&question, &answer)| Step { question, answer })
            .collect();
        stale.sort_by_key(|s| s.question);
        stale
    }

    /// The questions the path can still reach from the question it stops at, that one
    /// included, whatever the conditions (none when the path reaches an outcome).
    fn ahead(&self) -> std::collections::HashSet<usize> {
        let mut ahead = std::collections::HashSet::new();
        let mut next: Vec<usize> = self.path.open.into_iter().collect();
        while let Some(q) = next.pop() {
            if !ahead.insert(q) {
                continue;
            }
            for (_, target) in self.guide.index.links(q) {
                if let Target::Question(to) = target {
                    next.push(to);
                }
            }
        }
        ahead
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
        let (min_left, max_left) = self.questions_left(question).unwrap_or((1, 1));
        Some(Progress {
            section: self.guide.questions[question].section.clone(),
            step: step + 1,
            min_left,
            max_left,
        })
    }

    /// The question this walk starts at: the guide's start, or the one `play --from` names.
    pub fn first_question(&self) -> Option<usize> {
        self.path_start()
    }

    /// Fewest and most questions a walk from the first question asks, following the conditions
    /// where the guide has them; `None` when no outcome can be reached.
    pub fn length(&self) -> Option<(u32, u32)> {
        match &self.flow {
            Some(flow) => flow.left(0),
            None => self.guide.index.questions_left(self.path_start()?),
        }
    }

    /// Fewest and most questions left from a question of this walk, following the conditions
    /// where the guide has them.
    fn questions_left(&self, question: usize) -> Option<(u32, u32)> {
        if let Some(flow) = &self.flow {
            let steps = &self.path.steps;
            let end = steps
                .iter()
                .position(|s| s.question == question)
                .unwrap_or(steps.len());
            let asked: Vec<usize> = steps[..end].iter().map(|s| s.question).collect();
            let said = self.said_before(question);
            if let Some(state) = flow.state_at(question, &said, &asked) {
                return flow.left(state);
            }
        }
        self.guide.index.questions_left(question)
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
            Action::Record { question, answer } => {
                let exists = self
                    .guide
                    .questions
                    .get(question)
                    .is_some_and(|q| answer < q.answers.len());
                if !exists {
                    return vec![Effect::Refused];
                }
                if self.answers.insert(question, answer) == Some(answer) {
                    return Vec::new();
                }
                self.rebuild();
                vec![Effect::AnswersChanged]
            }
            Action::SkipAnswered => {
                self.cursor = self.path.steps.len();
                vec![Effect::Moved]
            }
            Action::GoTo(question) => {
                match self.path.steps.iter().position(|s| s.question == question) {
                    Some(step) => self.cursor = step,
                    None if self.path.open == Some(question) => self.cursor = self.path.steps.len(),
                    None => return vec![Effect::Refused],
                }
                self.showing_result = false;
                vec![Effect::Moved]
            }
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
        !self
            .apply(Action::Record {
                question: q,
                answer: a,
            })
            .contains(&Effect::Refused)
    }

    /// Moves to the first question on the path without an answer (or the review when none).
    pub fn skip_answered(&mut self) {
        self.apply(Action::SkipAnswered);
    }

    /// Moves to a question on the current path, if it is there; the answers are kept.
    pub fn go_to(&mut self, question: usize) -> bool {
        !self
            .apply(Action::GoTo(question))
            .contains(&Effect::Refused)
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
        if !self.offered(question, answer) {
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
            // On to the step after the question just answered, where the (new) path has it. A
            // question asked again after a loop is answered where it was first asked.
            self.cursor = match self.path.steps.iter().position(|s| s.question == question) {
                Some(step) => step + 1,
                None => self.path.steps.len(),
            };
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

    /// Follows recorded answers from `from` until a question has none (or none that is
    /// offered there), a question comes back, or an outcome is reached.
    fn follow(&self, from: Option<usize>) -> Path {
        let mut path = Path::default();
        let mut seen = std::collections::HashSet::new();
        let index = &self.guide.index;
        let conditional = index.conditional();
        let mut said = PathSaid::new(&self.guide);
        let mut at = from;
        while let Some(question) = at {
            if !seen.insert(question) {
                // A cycle in the recorded answers: stop here and ask again.
                path.open = Some(question);
                break;
            }
            let answer = match self.answers.get(&question) {
                Some(&a) if !conditional || index.offered(question, a, &said) => a,
                _ => {
                    path.open = Some(question);
                    break;
                }
            };
            path.steps.push(Step { question, answer });
            if conditional {
                said.push(&self.guide, question, answer);
            }
            at = match index.resolve(question, answer, &said) {
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
