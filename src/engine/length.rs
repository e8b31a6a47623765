//! How long a walk through a guide takes: the number of questions on every path, and the one
//! figure the intro shows ("about 9 questions, about 25 minutes if you talk each one through").
//!
//! The rule, so that a guide's intro never has to state counts or minutes itself: count every
//! path from the walk's first question to an outcome (the paths `coop-guide test` and `paths`
//! count, following the conditions), take the median number of questions over those paths, and
//! allow [`MINUTES_PER_QUESTION`] minutes to talk each one through, rounded to the nearest
//! [`MINUTES_STEP`] minutes (never less than one step). The median is of paths, not of
//! questions: a guide where most ways through ask nine questions says nine, even if a few
//! groups finish after four. Where the paths are too many to count by length
//! ([`MAX_CELLS`]), the middle of the shortest and the longest path stands in for the median.

use crate::guide::flow::{Flow, Next};

use super::Walk;

/// Minutes a group takes to talk one question through, on average: reading it, hearing
/// everyone, agreeing. A workshop that only reads and picks goes faster.
pub const MINUTES_PER_QUESTION: u32 = 3;

/// The estimate in minutes is rounded to this many minutes, and is never less.
pub const MINUTES_STEP: u32 = 5;

/// The most counts kept while counting paths by length (one per state and length the state
/// can still lead to), about 16 MB.
pub const MAX_CELLS: usize = 1_000_000;

/// The intro's estimate: questions on a typical path, and minutes to talk them through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Estimate {
    /// The median number of questions over every path to an outcome.
    pub questions: u32,
    /// Minutes to talk them through, rounded.
    pub minutes: u32,
}

impl Estimate {
    /// The estimate for paths of this many questions.
    pub fn of_questions(questions: u32) -> Estimate {
        let raw = questions.saturating_mul(MINUTES_PER_QUESTION);
        let rounded = raw.saturating_add(MINUTES_STEP / 2) / MINUTES_STEP * MINUTES_STEP;
        Estimate {
            questions,
            minutes: rounded.max(MINUTES_STEP),
        }
    }
}

/// The estimate for a walk, from its first question; `None` when no outcome can be reached.
pub fn estimate(walk: &Walk) -> Option<Estimate> {
    let first = walk.first_question()?;
    let guide = walk.guide();
    let explored;
    let flow: &Flow = match walk.flow() {
        Some(flow) => flow,
        // The index explores a guide with conditions; when that found too many states, so
        // would exploring again.
        None if guide.index.conditional() => return None,
        None => {
            explored = Flow::explore(&guide.index, guide, Some(first), false)?;
            &explored
        }
    };
    let questions = match lengths(flow) {
        Some(counts) => median(&counts)?,
        None => {
            let (min, max) = flow.left(0)?;
            min + (max - min) / 2
        }
    };
    Some(Estimate::of_questions(questions))
}

/// Paths from a flow's first state to an outcome, counted by their number of questions:
/// `counts[n]` paths ask `n` questions (saturating). `None` when counting them would keep more
/// than [`MAX_CELLS`] counts. Paths that loop back or follow a broken link are not counted.
pub fn lengths(flow: &Flow) -> Option<Vec<u128>> {
    let count = flow.len();
    let mut cells = 0usize;
    for s in 0..count {
        if let Some((min, max)) = flow.left(state(s)) {
            cells = cells.saturating_add((max - min) as usize + 1);
        }
    }
    if cells > MAX_CELLS {
        return None;
    }
    // Per state: the fewest questions left, then paths by each length from there. A state
    // from which no outcome can be reached keeps nothing.
    let mut by_state: Vec<Option<(u32, Vec<u128>)>> = vec![None; count];
    for &s in flow.order().iter().rev() {
        let Some((min, max)) = flow.left(s) else {
            continue;
        };
        let mut here = vec![0u128; (max - min) as usize + 1];
        for edge in flow.edges_of(s) {
            match edge.next {
                Next::Outcome(_) => add(&mut here, min, 1, 1),
                Next::State(t) => {
                    if let Some((t_min, t_counts)) = &by_state[t as usize] {
                        for (i, &n) in t_counts.iter().enumerate() {
                            add(&mut here, min, *t_min + 1 + state(i), n);
                        }
                    }
                }
                Next::Loop(_) | Next::Broken => {}
            }
        }
        by_state[s as usize] = Some((min, here));
    }
    let (min, counts) = by_state.first().cloned().flatten()?;
    let mut out = vec![0u128; min as usize];
    out.extend(counts);
    Some(out)
}

/// The median number of questions of paths counted by length (the smallest length that at
/// least half the paths reach); `None` when there are none.
pub fn median(counts: &[u128]) -> Option<u32> {
    let total = counts.iter().fold(0u128, |a, &n| a.saturating_add(n));
    if total == 0 {
        return None;
    }
    let half = total / 2 + total % 2;
    let mut seen = 0u128;
    for (len, &n) in counts.iter().enumerate() {
        seen = seen.saturating_add(n);
        if seen >= half {
            return u32::try_from(len).ok();
        }
    }
    None
}

fn add(counts: &mut [u128], min: u32, length: u32, n: u128) {
    if let Some(slot) = length
        .checked_sub(min)
        .and_then(|i| counts.get_mut(i as usize))
    {
        *slot = slot.saturating_add(n);
    }
}

fn state(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minutes_are_three_a_question_rounded_to_five() {
        assert_eq!(Estimate::of_questions(9).minutes, 25);
        assert_eq!(Estimate::of_questions(4).minutes, 10);
        assert_eq!(Estimate::of_questions(1).minutes, 5);
        assert_eq!(Estimate::of_questions(0).minutes, 5);
        assert_eq!(Estimate::of_questions(10).minutes, 30);
    }

    #[test]
    fn the_median_is_the_length_half_the_paths_reach() {
        assert_eq!(median(&[0, 0, 1, 1, 5]), Some(4));
        assert_eq!(median(&[0, 3, 0, 3]), Some(1));
        assert_eq!(median(&[0, 0, 0, 1]), Some(3));
        assert_eq!(median(&[0, 0]), None);
    }
}
