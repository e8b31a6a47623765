//! Every path from the start to an outcome, for review (`paths`) and for `test`'s full walk.
//!
//! Paths are enumerated depth first without revisiting a question on the same path, so a cycle
//! ends its path as a loop instead of running forever. Conditions are followed: only offered
//! answers are tried, and a conditional link leads where the answers so far say. Branching
//! guides can have very many paths: listing stops at [`PATH_LIMIT`] paths or [`STEP_LIMIT`]
//! steps in all (long paths cost memory too), and says so. [`count_paths`] counts them all
//! without listing: over the questions for a guide without conditions, over the guide's
//! [`crate::guide::flow::Flow`] (questions with what later conditions read) for one with.

use serde::Serialize;

use crate::guide::condition::PathSaid;
use crate::guide::{Guide, Target};

/// The most paths enumerated.
pub const PATH_LIMIT: usize = 100_000;

/// The most steps kept over all listed paths (about 32 MB).
pub const STEP_LIMIT: usize = 2_000_000;

/// How a path ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathEnd {
    /// At an outcome.
    Outcome(usize),
    /// At a question already on the path (a cycle).
    Loop(usize),
    /// At a link that names nothing.
    Broken,
}

/// One path: `(question, answer)` steps and how it ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuidePath {
    /// The steps in asking order.
    pub steps: Vec<(usize, usize)>,
    /// How it ends.
    pub end: PathEnd,
}

/// All paths of a guide (up to the limit).
#[derive(Debug, Clone, Default)]
pub struct Paths {
    /// The paths, in depth-first order (answers in the guide's order).
    pub paths: Vec<GuidePath>,
    /// True when listing stopped at [`PATH_LIMIT`] or [`STEP_LIMIT`].
    pub truncated: bool,
}

impl Paths {
    /// Enumerates the paths from the guide's start.
    pub fn of(guide: &Guide) -> Paths {
        let mut out = Paths::default();
        let Some(start) = guide.index.start() else {
            return out;
        };
        let conditional = guide.index.conditional();
        let mut said = PathSaid::new(guide);
        let mut on_path = vec![false; guide.questions.len()];
        let mut steps_kept = 0usize;
        // Frames: (question, next answer to try). `said` holds the answer taken at every frame
        // but the last.
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        on_path[start] = true;
        while let Some(&mut (q, ref mut next)) = stack.last_mut() {
            let a = *next;
            if a >= guide.questions[q].answers.len() {
                on_path[q] = false;
                stack.pop();
                if conditional && !stack.is_empty() {
                    said.pop(guide);
                }
                continue;
            }
            *next += 1;
            if conditional && !guide.index.offered(q, a, &said) {
                continue;
            }
            if conditional {
                said.push(guide, q, a);
            }
            let end = match guide.index.resolve(q, a, &said) {
                Target::Question(n) if on_path[n] => Some(PathEnd::Loop(n)),
                Target::Question(n) => {
                    on_path[n] = true;
                    // The answer taken at `q` is the one before `next`; recorded when emitting.
                    stack.push((n, 0));
                    None
                }
                Target::Outcome(o) => Some(PathEnd::Outcome(o)),
                Target::Missing => Some(PathEnd::Broken),
            };
            if let Some(end) = end {
                if conditional {
                    said.pop(guide);
                }
                steps_kept += stack.len();
                if out.paths.len() == PATH_LIMIT || steps_kept > STEP_LIMIT {
                    out.truncated = true;
                    return out;
                }
                let steps = stack.iter().map(|&(q, next)| (q, next - 1)).collect();
                out.paths.push(GuidePath { steps, end });
            }
        }
        out
    }

    /// Number of paths ending at each outcome.
    pub fn per_outcome(&self, outcomes: usize) -> Vec<usize> {
        let mut counts = vec![0; outcomes];
        for p in &self.paths {
            if let PathEnd::Outcome(o) = p.end {
                counts[o] += 1;
            }
        }
        counts
    }
}

/// Exact numbers of paths, counted without listing them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathCount {
    /// Paths from the start to any outcome.
    pub total: u128,
    /// Paths ending at each outcome.
    pub per_outcome: Vec<u128>,
}

/// Why paths could not be counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Uncounted {
    /// Some walk comes back to a question it already asked: walks can go on without end.
    Loops,
    /// The conditions combine in too many ways to follow (`check` says so too).
    TooMany,
}

/// Counts the paths from the start to each outcome (a branching guide can have billions of
/// paths: counting does not list them). Without conditions, by dynamic programming over the
/// questions in topological order, in time linear in the guide; with conditions, the same over
/// the guide's states. Counts saturate at `u128::MAX`. `None` without a start.
pub fn count_paths(guide: &Guide) -> Option<Result<PathCount, Uncounted>> {
    let start = guide.index.start()?;
    if guide.index.conditional() {
        let Some(flow) = guide.index.flow() else {
            return Some(Err(Uncounted::TooMany));
        };
        if flow.loops() > 0 {
            return Some(Err(Uncounted::Loops));
        }
        let per_outcome = flow.per_outcome().to_vec();
        let total = per_outcome.iter().fold(0u128, |a, b| a.saturating_add(*b));
        return Some(Ok(PathCount { total, per_outcome }));
    }
    let (reachable, _) = guide.index.reachable(guide.outcomes.len());
    let n = guide.questions.len();
    let mut incoming = vec![0usize; n];
    for q in (0..n).filter(|&q| reachable[q]) {
        for (_, t) in guide.index.links(q) {
            if let Target::Question(next) = t {
                incoming[next] += 1;
            }
        }
    }
    let mut ways = vec![0u128; n];
    ways[start] = 1;
    let mut per_outcome = vec![0u128; guide.outcomes.len()];
    let mut ready: Vec<usize> = (0..n)
        .filter(|&q| reachable[q] && incoming[q] == 0)
        .collect();
    let mut done = 0;
    while let Some(q) = ready.pop() {
        done += 1;
        for (_, t) in guide.index.links(q) {
            match t {
                Target::Question(next) => {
                    ways[next] = ways[next].saturating_add(ways[q]);
                    incoming[next] -= 1;
                    if incoming[next] == 0 {
                        ready.push(next);
                    }
                }
                Target::Outcome(o) => per_outcome[o] = per_outcome[o].saturating_add(ways[q]),
                Target::Missing => {}
            }
        }
    }
    if done < reachable.iter().filter(|r| **r).count() {
        return Some(Err(Uncounted::Loops));
    }
    let total = per_outcome.iter().fold(0u128, |a, b| a.saturating_add(*b));
    Some(Ok(PathCount { total, per_outcome }))
}

/// A path count as text: exact, or "more than 10^38" where counting saturated.
pub fn count_text(n: u128) -> String {
    if n == u128::MAX {
        "more than 10^38".to_string()
    } else {
        n.to_string()
    }
}

/// Path counts per outcome: exact where they can be counted, else those of the listed paths.
fn outcome_counts(guide: &Guide, paths: &Paths) -> (Vec<u128>, Option<u128>) {
    match count_paths(guide) {
        Some(Ok(c)) => (c.per_outcome, Some(c.total)),
        _ => (
            paths
                .per_outcome(guide.outcomes.len())
                .into_iter()
                .map(|n| n as u128)
                .collect(),
            None,
        ),
    }
}

/// A path as JSON sees it.
#[derive(Debug, Serialize)]
pub struct PathJson<'g> {
    /// `[question-id, answer-id]` pairs.
    pub answers: Vec<[&'g str; 2]>,
    /// The outcome id, or null for a loop or a broken link.
    pub outcome: Option<&'g str>,
}

/// The paths as JSON: `{ "paths": [...], "per_outcome": {...}, "truncated": bool }`.
pub fn to_json(guide: &Guide, paths: &Paths) -> serde_json::Value {
    let list: Vec<PathJson> = paths
        .paths
        .iter()
        .map(|p| PathJson {
            answers: p
                .steps
                .iter()
                .map(|&(q, a)| {
                    [
                        guide.questions[q].id.as_str(),
                        guide.questions[q].answers[a].id.as_str(),
                    ]
                })
                .collect(),
            outcome: match p.end {
                PathEnd::Outcome(o) => Some(guide.outcomes[o].id.as_str()),
                _ => None,
            },
        })
        .collect();
    let per_outcome: serde_json::Map<String, serde_json::Value> = outcome_counts(guide, paths)
        .0
        .into_iter()
        .enumerate()
        .map(|(o, n)| {
            (
                guide.outcomes[o].id.clone(),
                u64::try_from(n).unwrap_or(u64::MAX).into(),
            )
        })
        .collect();
    serde_json::json!({ "guide": guide.id, "paths": list, "per_outcome": per_outcome, "truncated": paths.truncated })
}

/// The paths as a readable table: one block per path, then counts per outcome.
pub fn to_table(guide: &Guide, paths: &Paths) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    for (i, p) in paths.paths.iter().enumerate() {
        let end = match p.end {
            PathEnd::Outcome(o) => format!("→ {}", guide.outcomes[o].id),
            PathEnd::Loop(q) => format!("↺ loops back to {}", guide.questions[q].id),
            PathEnd::Broken => "✗ broken link".to_string(),
        };
        let steps: Vec<String> = p
            .steps
            .iter()
            .map(|&(q, a)| {
                format!(
                    "{}={}",
                    guide.questions[q].id, guide.questions[q].answers[a].id
                )
            })
            .collect();
        let _ = writeln!(out, "{:>4}  {}  {end}", i + 1, steps.join("  "));
    }
    let (counts, total) = outcome_counts(guide, paths);
    let _ = match total {
        Some(total) if paths.truncated => writeln!(
            out,
            "\nthe first {} of {} paths are listed",
            paths.paths.len(),
            count_text(total)
        ),
        Some(total) => writeln!(out, "\n{} paths", count_text(total)),
        None if matches!(count_paths(guide), Some(Err(Uncounted::TooMany))) => writeln!(
            out,
            "\n{} paths listed; the conditions combine in too many ways to count them all",
            paths.paths.len()
        ),
        None => writeln!(
            out,
            "\n{} paths listed; answers loop, so walks can go on without end",
            paths.paths.len()
        ),
    };
    for (o, n) in counts.into_iter().enumerate() {
        let _ = writeln!(out, "{:>8}  {}", count_text(n), guide.outcomes[o].id);
    }
    out
}
