//! The result of a walk, composed for the group that walked it: the outcome, the group's place
//! on each dimension, why, what the group's situation is, what would change it, what to
//! revisit, and which of the guide's texts are for this group.
//!
//! [`Explanation::of`] is the one place a result is put together: the result screen, the plain
//! mode, the Markdown and JSON exports and the workshop hand-out all read it, so they cannot
//! disagree. It holds positions, not texts: which items of each text field this group is shown
//! (the outcome's summary, "who it fits", pros and cons; each placed value's description, pros
//! and cons; each answer's reason; the examples and next steps). An item is shown when it has
//! no condition or its condition holds for every answer on the path, with the outcome's own
//! placements where no answer placed the group (see `docs/guide-format.md`).
//!
//! A result is a profile, not a word. Only answers on the current path count: stale answers (on
//! a branch the group left) never reach it, and an outcome places the group only through its own
//! `sets`, where no answer did.
//!
//! "What would change it" tries every other offered answer of every question on the path that is
//! a choice (never a situation question: where the group is, how many it is), follows the
//! group's own recorded answers from there through the conditions, and keeps one entry per other
//! outcome: the most direct change that leads there (straight to it before one that needs more
//! questions, then the earliest question). Entries are grouped by the answer to change.

use std::collections::BTreeSet;

use super::shown::shown;
use super::walk::{Step, Walk};
use crate::guide::condition::PathSaid;
use crate::guide::{Guide, Target};

/// Which items of a text field a group is shown: positions in the field's items, in order.
pub type Shown = Vec<usize>;

/// Which of a dimension value's texts the group is shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ValueTexts {
    /// Paragraphs of its description.
    pub description: Shown,
    /// Its pros.
    pub pros: Shown,
    /// Its cons.
    pub cons: Shown,
}

/// Which of the outcome's own texts the group is shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutcomeTexts {
    /// Paragraphs of its summary.
    pub summary: Shown,
    /// Paragraphs of "who it fits".
    pub fits: Shown,
    /// Its pros.
    pub pros: Shown,
    /// Its cons.
    pub cons: Shown,
}

/// A related outcome, and the paragraphs of its summary this group would be shown there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    /// Position of the outcome.
    pub outcome: usize,
    /// Paragraphs of its summary.
    pub summary: Shown,
}

/// Where an answer (or the outcome itself) places the group on one dimension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlacedBy {
    /// An answer on the path.
    Answer(Step),
    /// The outcome's own defaults.
    Outcome,
}

/// The group's place on one dimension.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    /// Position of the dimension in the guide.
    pub dimension: usize,
    /// Position of the value within the dimension; `None` when nothing on the path placed it.
    pub value: Option<usize>,
    /// What placed it.
    pub by: Option<PlacedBy>,
    /// Which of the value's texts the group is shown (none when it is not placed).
    pub texts: ValueTexts,
}

/// Another outcome a changed answer leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OtherOutcome {
    /// Position of the outcome.
    pub outcome: usize,
    /// True when more questions would be asked before it (it is one of their possible ends).
    pub after_more_questions: bool,
}

/// One answer that, changed, leads to other outcomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The question on the path (a choice, never a situation question).
    pub question: usize,
    /// The other answer to choose.
    pub answer: usize,
    /// The outcomes it leads to, in the guide's order; each other outcome appears under one
    /// change only.
    pub outcomes: Vec<OtherOutcome>,
}

/// Which of an outcome's next steps are for this group.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NextSteps {
    /// Steps for where the group is (their `region` holds), then steps for everyone: positions
    /// in the outcome's list.
    pub here: Vec<usize>,
    /// Steps for other places, grouped by region in the order regions first appear.
    pub elsewhere: Vec<usize>,
}

/// Everything the result screen and the exports show, for the group that walked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    /// The outcome reached.
    pub outcome: usize,
    /// Which of the outcome's own texts the group is shown.
    pub texts: OutcomeTexts,
    /// The answers that led here, in asking order.
    pub path: Vec<Step>,
    /// For each step of `path`: the paragraphs of its answer's reason the group is shown.
    pub reasons: Vec<Shown>,
    /// The answers to situation questions on the path: "Because you are…".
    pub situation: Vec<Step>,
    /// The group's place on each dimension, in the guide's order.
    pub profile: Vec<Placement>,
    /// "Not sure yet" answers on the path: things to revisit.
    pub unsure: Vec<Step>,
    /// Choices that, changed, lead elsewhere: grouped by the answer to change, in asking order.
    pub changes: Vec<Change>,
    /// Related outcomes, as the outcome lists them.
    pub related: Vec<Related>,
    /// The outcome's examples whose `when` holds, in order.
    pub examples: Vec<usize>,
    /// The outcome's next steps whose `when` holds, where they belong.
    pub next_steps: NextSteps,
}

impl Explanation {
    /// The result composed for the group that walked: `None` until the path reaches an
    /// outcome.
    pub fn of(walk: &Walk) -> Option<Explanation> {
        let outcome = walk.outcome()?;
        let guide = walk.guide();
        let path = walk.review().to_vec();
        let on_path = || PathSaid::of(guide, path.iter().map(|s| (s.question, s.answer)));
        let said = on_path().with_outcome(guide, outcome);
        let o = &guide.outcomes[outcome];
        Some(Explanation {
            outcome,
            texts: OutcomeTexts {
                summary: shown(guide, o.summary.items(), &said),
                fits: shown(guide, o.fits.items(), &said),
                pros: shown(guide, &o.pros, &said),
                cons: shown(guide, &o.cons, &said),
            },
            reasons: path
                .iter()
                .map(|s| {
                    let answer = &guide.questions[s.question].answers[s.answer];
                    shown(guide, answer.reason.items(), &said)
                })
                .collect(),
            situation: path
                .iter()
                .copied()
                .filter(|s| guide.questions[s.question].situation)
                .collect(),
            profile: profile(guide, &path, outcome, &said),
            unsure: path
                .iter()
                .copied()
                .filter(|s| guide.questions[s.question].answers[s.answer].unsure)
                .collect(),
            changes: changes(walk, &path, outcome),
            related: o
                .related
                .iter()
                .filter_map(|id| guide.index.outcome(id))
                .map(|r| Related {
                    outcome: r,
                    summary: shown(
                        guide,
                        guide.outcomes[r].summary.items(),
                        &on_path().with_outcome(guide, r),
                    ),
                })
                .collect(),
            examples: (0..guide.outcomes[outcome].examples.len())
                .filter(|&e| {
                    guide
                        .index
                        .example_when(outcome, e)
                        .is_none_or(|c| c.holds(&said))
                })
                .collect(),
            next_steps: next_steps(guide, outcome, &said),
            path,
        })
    }

    /// How many other outcomes "what would change it" names.
    pub fn other_outcomes(&self) -> usize {
        self.changes.iter().map(|c| c.outcomes.len()).sum()
    }
}

fn profile(guide: &Guide, path: &[Step], outcome: usize, said: &PathSaid) -> Vec<Placement> {
    let mut placements: Vec<Placement> = (0..guide.dimensions.len())
        .map(|dimension| Placement {
            dimension,
            value: None,
            by: None,
            texts: ValueTexts::default(),
        })
        .collect();
    let mut place = |sets: &[(String, String)], by: PlacedBy, overwrite: bool| {
        for (dim, value) in sets {
            let Some(d) = guide.index.dimension(dim) else {
                continue;
            };
            let Some(v) = guide.index.value(d, value) else {
                continue;
            };
            if overwrite || placements[d].value.is_none() {
                placements[d].value = Some(v);
                placements[d].by = Some(by);
            }
        }
    };
    // Later answers refine earlier ones; the outcome's defaults fill what no answer placed.
    for step in path {
        let answer = &guide.questions[step.question].answers[step.answer];
        place(&answer.sets, PlacedBy::Answer(*step), true);
    }
    place(&guide.outcomes[outcome].sets, PlacedBy::Outcome, false);
    for p in &mut placements {
        if let Some(v) = p.value {
            let value = &guide.dimensions[p.dimension].values[v];
            p.texts = ValueTexts {
                description: shown(guide, value.description.items(), said),
                pros: shown(guide, &value.pros, said),
                cons: shown(guide, &value.cons, said),
            };
        }
    }
    placements
}

fn next_steps(guide: &Guide, outcome: usize, said: &PathSaid) -> NextSteps {
    let steps = &guide.outcomes[outcome].next_steps;
    let mut found = NextSteps::default();
    let mut everyone = Vec::new();
    let mut elsewhere: Vec<(usize, usize)> = Vec::new(); // (region's first position, step)
    for (i, step) in steps.iter().enumerate() {
        if !guide
            .index
            .step_when(outcome, i)
            .is_none_or(|c| c.holds(said))
        {
            continue;
        }
        match guide.index.step_region(outcome, i) {
            None => everyone.push(i),
            Some(region) if region.holds(said) => found.here.push(i),
            Some(_) => {
                let first = steps
                    .iter()
                    .position(|s| s.place == step.place)
                    .unwrap_or(i);
                elsewhere.push((first, i));
            }
        }
    }
    found.here.extend(everyone);
    elsewhere.sort_by_key(|&(first, i)| (first, i));
    found.elsewhere = elsewhere.into_iter().map(|(_, i)| i).collect();
    found
}

/// A candidate entry of "what would change it": the change, where it leads, and how direct it
/// is (lower sorts first).
struct Candidate {
    rank: (bool, usize, usize),
    question: usize,
    answer: usize,
    outcome: usize,
    after_more_questions: bool,
}

fn changes(walk: &Walk, path: &[Step], outcome: usize) -> Vec<Change> {
    let guide = walk.guide();
    let mut candidates: Vec<Candidate> = Vec::new();
    for (i, step) in path.iter().enumerate() {
        if guide.questions[step.question].situation {
            continue;
        }
        let before = PathSaid::of(guide, path[..i].iter().map(|s| (s.question, s.answer)));
        for answer in 0..guide.questions[step.question].answers.len() {
            if answer == step.answer || !guide.index.offered(step.question, answer, &before) {
                continue;
            }
            let mut said = before.clone();
            said.push(guide, step.question, answer);
            let asked: Vec<usize> = path[..=i].iter().map(|s| s.question).collect();
            let (ends, more) = match follow(walk, step.question, answer, said, asked) {
                Some(Ending::Outcome(o)) => (vec![o], false),
                Some(Ending::Question(ends)) => (ends, true),
                None => continue,
            };
            for o in ends.into_iter().filter(|&o| o != outcome) {
                candidates.push(Candidate {
                    rank: (more, i, answer),
                    question: step.question,
                    answer,
                    outcome: o,
                    after_more_questions: more,
                });
            }
        }
    }
    // One entry per other outcome: its most direct change.
    candidates.sort_by_key(|c| (c.outcome, c.rank));
    candidates.dedup_by_key(|c| c.outcome);
    candidates.sort_by_key(|c| (c.rank.1, c.answer, c.outcome));
    let mut grouped: Vec<Change> = Vec::new();
    for c in candidates {
        let entry = OtherOutcome {
            outcome: c.outcome,
            after_more_questions: c.after_more_questions,
        };
        match grouped.last_mut() {
            Some(last) if last.question == c.question && last.answer == c.answer => {
                last.outcomes.push(entry)
            }
            _ => grouped.push(Change {
                question: c.question,
                answer: c.answer,
                outcomes: vec![entry],
            }),
        }
    }
    grouped
}

/// Where a changed answer ends up.
enum Ending {
    /// At an outcome, with the group's other answers as they are.
    Outcome(usize),
    /// At a question without an answer: the outcomes reachable from there.
    Question(Vec<usize>),
}

/// Follows a changed answer through the conditions and the walk's recorded answers, stopping
/// at an unanswered question or an outcome; `None` for a broken link or a loop.
fn follow(
    walk: &Walk,
    question: usize,
    answer: usize,
    mut said: PathSaid,
    mut asked: Vec<usize>,
) -> Option<Ending> {
    let guide = walk.guide();
    let mut seen: BTreeSet<usize> = asked.iter().copied().collect();
    let mut target = guide.index.resolve(question, answer, &said);
    loop {
        match target {
            Target::Question(q) => {
                if !seen.insert(q) {
                    return None;
                }
                match walk
                    .answer_of(q)
                    .filter(|&a| guide.index.offered(q, a, &said))
                {
                    Some(a) => {
                        said.push(guide, q, a);
                        asked.push(q);
                        target = guide.index.resolve(q, a, &said);
                    }
                    None => {
                        let ends = match walk
                            .flow()
                            .and_then(|f| Some((f, f.state_at(q, &said, &asked)?)))
                        {
                            Some((flow, state)) => flow.outcomes_from(state),
                            None => reachable_outcomes(guide, q),
                        };
                        return Some(Ending::Question(ends));
                    }
                }
            }
            Target::Outcome(o) => return Some(Ending::Outcome(o)),
            Target::Missing => return None,
        }
    }
}

/// Outcomes reachable from a question by the links alone, in the guide's order.
pub fn reachable_outcomes(guide: &Guide, from: usize) -> Vec<usize> {
    let (_, outcomes) = guide.index.reachable_from([from], guide.outcomes.len());
    outcomes
        .iter()
        .enumerate()
        .filter(|(_, r)| **r)
        .map(|(o, _)| o)
        .collect()
}
