//! The result of a walk, explained: the outcome, the group's place on each dimension, why, what
//! would change it, what to revisit.
//!
//! A result is a profile, not a word. Only answers on the current path count: stale answers (on
//! a branch the group left) never reach it. "What would change it" tries every other answer of
//! every question on the path, follows the group's own recorded answers from there, and reports
//! the answers that lead to another outcome, or to new questions that could.

use std::collections::BTreeSet;

use super::walk::{Step, Walk};
use crate::guide::{Guide, Target};

/// Where an answer (or the outcome itself) places the group on one dimension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlacedBy {
    /// An answer on the path.
    Answer(Step),
    /// The outcome's own defaults.
    Outcome,
}

/// The group's place on one dimension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    /// Position of the dimension in the guide.
    pub dimension: usize,
    /// Position of the value within the dimension; `None` when nothing on the path placed it.
    pub value: Option<usize>,
    /// What placed it.
    pub by: Option<PlacedBy>,
}

/// Where a different answer would lead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Leads {
    /// Straight to another outcome (with the group's other answers as they are).
    Outcome(usize),
    /// To questions not yet answered, from which these outcomes can be reached.
    Questions {
        /// The first question it would ask.
        question: usize,
        /// Outcomes reachable from there, other than the current one.
        outcomes: Vec<usize>,
    },
}

/// One answer that, changed, leads elsewhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The question on the path.
    pub question: usize,
    /// The other answer.
    pub answer: usize,
    /// Where it leads.
    pub leads: Leads,
}

/// Everything the result screen and the exports show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    /// The outcome reached.
    pub outcome: usize,
    /// The answers that led here, in asking order.
    pub path: Vec<Step>,
    /// The group's place on each dimension, in the guide's order.
    pub profile: Vec<Placement>,
    /// "Not sure yet" answers on the path: things to revisit.
    pub unsure: Vec<Step>,
    /// Answers that, changed, lead elsewhere.
    pub changes: Vec<Change>,
    /// Related outcomes, as the outcome lists them.
    pub related: Vec<usize>,
}

impl Explanation {
    /// Explains the walk's outcome; `None` until the path reaches one.
    pub fn of(walk: &Walk) -> Option<Explanation> {
        let outcome = walk.outcome()?;
        let guide = walk.guide();
        let path = walk.review().to_vec();
        Some(Explanation {
            outcome,
            profile: profile(guide, &path, outcome),
            unsure: path
                .iter()
                .copied()
                .filter(|s| guide.questions[s.question].answers[s.answer].unsure)
                .collect(),
            changes: changes(walk, &path, outcome),
            related: guide.outcomes[outcome]
                .related
                .iter()
                .filter_map(|id| guide.index.outcome(id))
                .collect(),
            path,
        })
    }
}

fn profile(guide: &Guide, path: &[Step], outcome: usize) -> Vec<Placement> {
    let mut placements: Vec<Placement> = (0..guide.dimensions.len())
        .map(|dimension| Placement {
            dimension,
            value: None,
            by: None,
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
    placements
}

fn changes(walk: &Walk, path: &[Step], outcome: usize) -> Vec<Change> {
    let guide = walk.guide();
    let mut changes = Vec::new();
    for step in path {
        for (answer, _) in guide.questions[step.question].answers.iter().enumerate() {
            if answer == step.answer {
                continue;
            }
            let leads = match follow(
                walk,
                guide.index.target(step.question, answer),
                step.question,
            ) {
                Some(Target::Outcome(o)) if o != outcome => Leads::Outcome(o),
                Some(Target::Question(q)) => {
                    let outcomes: Vec<usize> = reachable_outcomes(guide, q)
                        .into_iter()
                        .filter(|&o| o != outcome)
                        .collect();
                    if outcomes.is_empty() {
                        continue;
                    }
                    Leads::Questions {
                        question: q,
                        outcomes,
                    }
                }
                _ => continue,
            };
            changes.push(Change {
                question: step.question,
                answer,
                leads,
            });
        }
    }
    changes
}

/// Follows the walk's recorded answers from `target`, stopping at an unanswered question or an
/// outcome. `from` is the changed question (its recorded answer must not be used again).
fn follow(walk: &Walk, mut target: Target, from: usize) -> Option<Target> {
    let guide = walk.guide();
    let mut seen = BTreeSet::from([from]);
    loop {
        match target {
            Target::Question(q) => {
                if !seen.insert(q) {
                    return None;
                }
                match walk.answer_of(q) {
                    Some(a) => target = guide.index.target(q, a),
                    None => return Some(Target::Question(q)),
                }
            }
            other => return Some(other),
        }
    }
}

/// Outcomes reachable from a question, in the guide's order.
pub fn reachable_outcomes(guide: &Guide, from: usize) -> Vec<usize> {
    let (_, outcomes) = guide.index.reachable_from([from], guide.outcomes.len());
    outcomes
        .iter()
        .enumerate()
        .filter(|(_, r)| **r)
        .map(|(o, _)| o)
        .collect()
}
