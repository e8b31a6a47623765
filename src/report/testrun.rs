//! `test`: run a guide's own test cases, then walk every path and report coverage.
//!
//! A test case is replayed on the real walk engine: at each question the case's answer for that
//! question is chosen. A case fails when it reaches another outcome, runs out of answers, or
//! gives an answer the conditions do not offer there, and the report names the path it took.
//! Coverage follows the conditions: an answer counts as taken by the paths only where some path
//! is offered it and goes on to an outcome.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::Arc;

use super::paths::{count_paths, count_text, PathCount, PathEnd, Paths, Uncounted};
use crate::engine::{Action, Effect, Place, Walk};
use crate::guide::{Guide, Target, TestCase};

/// What a test case did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaseEnd {
    /// It reached this outcome.
    Outcome(usize),
    /// It had no answer for this question.
    NoAnswer(usize),
    /// Its answer to this question is not offered there (its `when` does not hold).
    NotOffered(usize),
}

/// One test case's run.
#[derive(Debug, Clone)]
pub struct CaseRun {
    /// The case's name.
    pub name: String,
    /// Whether it reached the expected outcome.
    pub passed: bool,
    /// The `(question, answer)` steps it took.
    pub path: Vec<(usize, usize)>,
    /// Where it ended.
    pub end: CaseEnd,
    /// Answers the case gave for questions its path never asked.
    pub unused: Vec<String>,
    /// The outcome the case expects.
    pub expect: String,
}

/// The whole test report of one guide.
#[derive(Debug, Clone)]
pub struct TestReport {
    /// Each case's run, in the guide's order.
    pub cases: Vec<CaseRun>,
    /// Every path from the start (listed up to a limit).
    pub paths: Paths,
    /// Exact path counts, or why there are none.
    pub count: Result<PathCount, Uncounted>,
    /// Outcomes reached by some path / expected by some passing case.
    pub outcomes_by_paths: Vec<bool>,
    /// Outcomes reached by passing test cases.
    pub outcomes_by_cases: Vec<bool>,
    /// Answers (per question) taken by some path.
    pub answers_by_paths: Vec<Vec<bool>>,
    /// Answers (per question) taken by some test case.
    pub answers_by_cases: Vec<Vec<bool>>,
}

impl TestReport {
    /// True when every case passed and every path ends at an outcome.
    pub fn passed(&self) -> bool {
        self.cases.iter().all(|c| c.passed)
            && !matches!(self.count, Err(Uncounted::Loops))
            && self
                .paths
                .paths
                .iter()
                .all(|p| matches!(p.end, PathEnd::Outcome(_)))
    }
}

/// Replays one test case on the engine.
pub fn run_case(guide: &Arc<Guide>, case: &TestCase) -> CaseRun {
    let answers: HashMap<&str, &str> = case
        .answers
        .iter()
        .map(|(q, a)| (q.as_str(), a.as_str()))
        .collect();
    let mut walk = Walk::new(Arc::clone(guide));
    let mut asked = Vec::new();
    let end = loop {
        match walk.place() {
            Place::Question { question, .. } => {
                let q = &guide.questions[question];
                let chosen = answers
                    .get(q.id.as_str())
                    .and_then(|id| q.answers.iter().position(|a| a.id == *id));
                match chosen {
                    Some(a) if !asked.contains(&question) => {
                        asked.push(question);
                        if walk.apply(Action::Choose(a)).contains(&Effect::Refused) {
                            break CaseEnd::NotOffered(question);
                        }
                    }
                    _ => break CaseEnd::NoAnswer(question),
                }
            }
            Place::Review { outcome } | Place::Result { outcome } => {
                break CaseEnd::Outcome(outcome)
            }
        }
    };
    let path: Vec<(usize, usize)> = walk
        .review()
        .iter()
        .map(|s| (s.question, s.answer))
        .collect();
    let unused = case
        .answers
        .iter()
        .filter(|(q, _)| !path.iter().any(|&(p, _)| guide.questions[p].id == *q))
        .map(|(q, _)| q.clone())
        .collect();
    let passed = matches!(end, CaseEnd::Outcome(o) if guide.outcomes[o].id == case.expect);
    CaseRun {
        name: case.name.clone(),
        passed,
        path,
        end,
        unused,
        expect: case.expect.clone(),
    }
}

/// Runs every case and walks every path.
pub fn run(guide: &Arc<Guide>) -> TestReport {
    let cases: Vec<CaseRun> = guide.tests.iter().map(|c| run_case(guide, c)).collect();
    let count = count_paths(guide).unwrap_or(Err(Uncounted::Loops));
    // Without a loop every path of a valid guide ends at an outcome, and the count says how
    // many there are: nothing needs listing. Otherwise list paths (within the limits) to show
    // the ones that loop.
    let mut paths = if count.is_ok() {
        Paths::default()
    } else {
        Paths::of(guide)
    };
    paths
        .paths
        .retain(|p| !matches!(p.end, PathEnd::Outcome(_)));
    let blank_answers = || {
        guide
            .questions
            .iter()
            .map(|q| vec![false; q.answers.len()])
            .collect::<Vec<_>>()
    };
    let (outcomes, answers_by_paths) = coverage(guide, blank_answers());
    let mut report = TestReport {
        outcomes_by_paths: outcomes,
        outcomes_by_cases: vec![false; guide.outcomes.len()],
        answers_by_paths,
        answers_by_cases: blank_answers(),
        cases,
        count,
        paths,
    };
    for case in report.cases.iter().filter(|c| c.passed) {
        if let CaseEnd::Outcome(o) = case.end {
            report.outcomes_by_cases[o] = true;
        }
        for &(q, a) in &case.path {
            report.answers_by_cases[q][a] = true;
        }
    }
    report
}

/// Outcomes some path reaches, and answers some path takes on its way to an outcome. Exact:
/// without conditions by reachability (an answer is on some path to an outcome when its
/// question is reachable and it leads to an outcome, or to a question that reaches one), with
/// them from the guide's states.
fn coverage(guide: &Guide, mut answers: Vec<Vec<bool>>) -> (Vec<bool>, Vec<Vec<bool>>) {
    if let Some(flow) = guide.index.flow() {
        for (q, row) in answers.iter_mut().enumerate() {
            for (a, slot) in row.iter_mut().enumerate() {
                *slot = guide
                    .index
                    .answer_number(q, a)
                    .and_then(|n| flow.taken().get(n).copied())
                    .unwrap_or(false);
            }
        }
        let outcomes = flow.per_outcome().iter().map(|&n| n > 0).collect();
        return (outcomes, answers);
    }
    let (questions, outcomes) = guide.index.reachable(guide.outcomes.len());
    for (q, reached) in questions.iter().enumerate() {
        if !reached {
            continue;
        }
        for (a, target) in guide.index.links(q) {
            let leads_on = match target {
                Target::Outcome(_) => true,
                Target::Question(next) => guide.index.questions_left(next).is_some(),
                Target::Missing => false,
            };
            answers[q][a] |= leads_on;
        }
    }
    (outcomes, answers)
}

fn path_text(guide: &Guide, path: &[(usize, usize)]) -> String {
    if path.is_empty() {
        return "(no answers)".to_string();
    }
    path.iter()
        .map(|&(q, a)| {
            format!(
                "{}={}",
                guide.questions[q].id, guide.questions[q].answers[a].id
            )
        })
        .collect::<Vec<_>>()
        .join(" → ")
}

fn count(flags: &[bool]) -> (usize, usize) {
    (flags.iter().filter(|f| **f).count(), flags.len())
}

/// The report as text, as `coop-guide test` prints it.
pub fn to_text(guide: &Guide, name: &str, report: &TestReport) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{name}");
    for case in &report.cases {
        let verdict = if case.passed { "ok" } else { "FAILED" };
        let _ = writeln!(out, "  test {} ... {verdict}", case.name);
        if !case.passed {
            let expected = case_expectation(guide, case);
            let _ = writeln!(out, "      path:    {}", path_text(guide, &case.path));
            let _ = writeln!(out, "      {expected}");
        }
        if !case.unused.is_empty() {
            let _ = writeln!(
                out,
                "      note: answers for questions this path never asks: {}",
                case.unused.join(", ")
            );
        }
    }
    let failed = report.cases.iter().filter(|c| !c.passed).count();
    let _ = writeln!(
        out,
        "  {} passed, {failed} failed",
        report.cases.len() - failed
    );

    let bad: Vec<_> = report
        .paths
        .paths
        .iter()
        .filter(|p| !matches!(p.end, PathEnd::Outcome(_)))
        .collect();
    match (&report.count, bad.is_empty()) {
        // No loop: every path from the start was counted, and each ends at an outcome.
        (Ok(c), true) => {
            let _ = writeln!(
                out,
                "  paths: {} from the start, every one ends at an outcome",
                count_text(c.total)
            );
        }
        (Err(Uncounted::TooMany), true) => {
            let _ = writeln!(
                out,
                "  paths: the conditions combine in too many ways to count every path; none of those listed loops{}",
                if report.paths.truncated { " (listing stopped at its limit)" } else { "" }
            );
        }
        _ => {
            let _ =
                writeln!(
                out,
                "  paths: answers loop back, so some walks never end; {} looping path{} found{}",
                bad.len(),
                if bad.len() == 1 { "" } else { "s" },
                if report.paths.truncated { " before the listing limit" } else { "" }
            );
        }
    }
    for p in bad.iter().take(5) {
        let why = match p.end {
            PathEnd::Loop(q) => format!("loops back to {}", guide.questions[q].id),
            _ => "follows a broken link".to_string(),
        };
        let _ = writeln!(out, "      {} … {why}", path_text(guide, &p.steps));
    }
    let (op, ot) = count(&report.outcomes_by_paths);
    let (oc, _) = count(&report.outcomes_by_cases);
    let answers_paths: Vec<bool> = report.answers_by_paths.iter().flatten().copied().collect();
    let answers_cases: Vec<bool> = report.answers_by_cases.iter().flatten().copied().collect();
    let (ap, at) = count(&answers_paths);
    let (ac, _) = count(&answers_cases);
    let _ = writeln!(
        out,
        "  outcomes reached: {op}/{ot} by paths, {oc}/{ot} by test cases"
    );
    let _ = writeln!(
        out,
        "  answers taken:    {ap}/{at} by paths, {ac}/{at} by test cases"
    );
    let untested: Vec<&str> = report
        .outcomes_by_cases
        .iter()
        .enumerate()
        .filter(|(_, c)| !**c)
        .map(|(o, _)| guide.outcomes[o].id.as_str())
        .collect();
    if !untested.is_empty() {
        let _ = writeln!(
            out,
            "  outcomes no test case reaches: {}",
            untested.join(", ")
        );
    }
    let answers_untested: Vec<String> = report
        .answers_by_cases
        .iter()
        .enumerate()
        .flat_map(|(q, answers)| {
            answers
                .iter()
                .enumerate()
                .filter(|(_, taken)| !**taken)
                .map(move |(a, _)| (q, a))
        })
        .map(|(q, a)| {
            format!(
                "{}={}",
                guide.questions[q].id, guide.questions[q].answers[a].id
            )
        })
        .collect();
    if !answers_untested.is_empty() {
        let more = answers_untested.len().saturating_sub(8);
        let more = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        let listed: Vec<&str> = answers_untested
            .iter()
            .take(8)
            .map(String::as_str)
            .collect();
        let _ = writeln!(
            out,
            "  answers no test case takes: {}{more}",
            listed.join(", ")
        );
    }
    out
}

fn case_expectation(guide: &Guide, case: &CaseRun) -> String {
    let expected = &case.expect;
    match case.end {
        CaseEnd::Outcome(o) => format!(
            "expected {expected}, reached {} instead",
            guide.outcomes[o].id
        ),
        CaseEnd::NoAnswer(q) => format!(
            "expected {expected}, but the case has no answer for question {}",
            guide.questions[q].id
        ),
        CaseEnd::NotOffered(q) => format!(
            "expected {expected}, but the case's answer to question {} is not offered on this path",
            guide.questions[q].id
        ),
    }
}
