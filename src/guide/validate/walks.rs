//! What `check` says about the walks a guide allows: questions and outcomes no path reaches,
//! questions that trap a participant, loops, and — following the conditions — answers never
//! offered, questions where every answer can be hidden, cases and `otherwise`s never taken and
//! conditional texts (examples, next steps, list items, paragraphs) never shown.
//!
//! The links alone give a first picture. Where the guide has conditions, its [`Flow`] says which
//! links some walk really takes, and the same checks run on that picture instead.

use super::conditions::{text_note, Faulty};
use crate::guide::diagnostic::{Code, Diagnostic};
use crate::guide::flow::{Flow, Next};
use crate::guide::index::{Index, Route, Target};
use crate::guide::model::{Guide, Link, TextSite};
use crate::guide::to_u32;

/// The links some walk takes, question by question: every link, or those the flow takes.
struct Taken<'i> {
    index: &'i Index,
    /// Questions some walk asks.
    questions: Vec<bool>,
    /// Outcomes some walk reaches.
    outcomes: Vec<bool>,
    /// From the flow: questions each question leads to (a loop back included), and whether it
    /// has a way out (to an outcome, or along a broken link, reported on its own). `None`: every
    /// link counts, and the index answers.
    taken: Option<(Vec<Vec<u32>>, Vec<bool>)>,
}

impl<'i> Taken<'i> {
    fn by_links(index: &'i Index, guide: &Guide) -> Taken<'i> {
        let (questions, outcomes) = index.reachable(guide.outcomes.len());
        Taken {
            index,
            questions,
            outcomes,
            taken: None,
        }
    }

    fn by_flow(index: &'i Index, flow: &Flow, guide: &Guide) -> Taken<'i> {
        let n = guide.questions.len();
        let mut questions = vec![false; n];
        let mut outcomes = vec![false; guide.outcomes.len()];
        let mut next: Vec<Vec<u32>> = vec![Vec::new(); n];
        let mut exit = vec![false; n];
        for s in 0..to_u32(flow.len()) {
            let q = flow.question(s);
            questions[q] = true;
            for e in flow.edges_of(s) {
                match e.next {
                    Next::State(t) => next[q].push(to_u32(flow.question(t))),
                    Next::Loop(t) => next[q].push(t),
                    Next::Outcome(o) => {
                        outcomes[o as usize] = true;
                        exit[q] = true;
                    }
                    Next::Broken => exit[q] = true,
                }
            }
        }
        for list in &mut next {
            list.sort_unstable();
            list.dedup();
        }
        Taken {
            index,
            questions,
            outcomes,
            taken: Some((next, exit)),
        }
    }

    /// The questions a question leads to.
    fn next(&self, q: usize) -> Vec<usize> {
        match &self.taken {
            Some((next, _)) => next[q].iter().map(|&t| t as usize).collect(),
            None => self
                .index
                .links(q)
                .filter_map(|(_, t)| match t {
                    Target::Question(t) => Some(t),
                    _ => None,
                })
                .collect(),
        }
    }

    /// Whether a question has a way out of its own.
    fn exit(&self, q: usize) -> bool {
        match &self.taken {
            Some((_, exit)) => exit[q],
            None => self
                .index
                .links(q)
                .any(|(_, t)| matches!(t, Target::Outcome(_) | Target::Missing)),
        }
    }

    /// Which questions can get out: reach a way out through the links taken.
    fn can_leave(&self) -> Vec<bool> {
        let n = self.questions.len();
        if self.taken.is_none() {
            // Without broken links, the index already knows: an outcome can be reached.
            let broken = (0..n).any(|q| self.index.links(q).any(|(_, t)| t == Target::Missing));
            if !broken {
                return (0..n)
                    .map(|q| self.index.questions_left(q).is_some())
                    .collect();
            }
        }
        let mut back: Vec<Vec<u32>> = vec![Vec::new(); n];
        for q in 0..n {
            for t in self.next(q) {
                back[t].push(to_u32(q));
            }
        }
        let mut out: Vec<bool> = (0..n).map(|q| self.exit(q)).collect();
        let mut stack: Vec<usize> = (0..n).filter(|&q| out[q]).collect();
        while let Some(q) = stack.pop() {
            for &p in &back[q] {
                if !std::mem::replace(&mut out[p as usize], true) {
                    stack.push(p as usize);
                }
            }
        }
        out
    }
}

/// Runs every check about walks.
pub(super) fn check(guide: &Guide, index: &Index, faulty: &Faulty, out: &mut Vec<Diagnostic>) {
    let Some(start) = index.start() else {
        return; // reachability means nothing without a start; G0205 says why
    };
    let links = Taken::by_links(index, guide);
    let flow = index.flow();
    if index.conditional() && flow.is_none() {
        out.push(
            Diagnostic::new(
                Code::TooManyWalks,
                "the conditions combine in too many ways for `check` to follow every path",
            )
            .at("start", "paths from here were not all followed")
            .help("the checks that follow paths (answers never offered, cases never taken, questions where every answer is hidden) were skipped; progress is estimated from the links alone"),
        );
    } else if !index.texts().is_empty() && flow.is_some_and(|f| !f.follows_texts()) {
        out.push(
            Diagnostic::new(
                Code::TooManyWalks,
                "what the conditional texts read combines in too many ways for `check` to follow",
            )
            .at("start", "texts on paths from here were not all followed")
            .help("whether each conditional item and paragraph can be shown was not checked; the walks themselves were"),
        );
    }
    // Conditions with errors make the walks they allow meaningless: follow the links alone.
    let flow = flow.filter(|_| faulty.is_empty());
    let walks = flow.map(|f| Taken::by_flow(index, f, guide));
    let taken = walks.as_ref().unwrap_or(&links);
    let leaves_links = links.can_leave();
    let leaves = taken.can_leave();
    let first_definition = |q: usize| index.question(&guide.questions[q].id) == Some(q);

    for (q, question) in guide.questions.iter().enumerate() {
        if !first_definition(q) {
            continue; // a duplicate id: G0201 already says so, and no link can reach it
        }
        if !links.questions[q] {
            let d = if leaves_links[q] {
                Diagnostic::new(
                    Code::UnreachableQuestion,
                    format!("question \"{}\" is never asked", question.id),
                )
                .at(
                    format!("questions[{q}].id"),
                    "no path from the start leads here",
                )
                .help(format!(
                    "link an answer to it with Goto(\"{}\"), or remove it",
                    question.id
                ))
            } else {
                Diagnostic::new(
                    Code::DeadEnd,
                    format!(
                        "question \"{}\" is never asked, and no outcome can be reached from it",
                        question.id
                    ),
                )
                .at(
                    format!("questions[{q}].id"),
                    "no path leads here, and none leads on to an outcome",
                )
                .help("remove it, or link it into the guide and give it a way to an outcome")
            };
            out.push(d);
        } else if !taken.questions[q] {
            out.push(
                Diagnostic::new(
                    Code::NeverReached,
                    format!(
                        "question \"{}\" is never asked: the conditions that lead here never hold",
                        question.id
                    ),
                )
                .at(format!("questions[{q}].id"), "no path gets here")
                .help("check the conditions of the links that lead here"),
            );
        }
    }
    for (o, outcome) in guide.outcomes.iter().enumerate() {
        if index.outcome(&outcome.id) != Some(o) {
            continue;
        }
        if !links.outcomes[o] {
            out.push(
                Diagnostic::new(
                    Code::UnreachableOutcome,
                    format!("outcome \"{}\" is never reached", outcome.id),
                )
                .at(format!("outcomes[{o}].id"), "no answer ends here")
                .help(format!(
                    "end an answer with End(\"{}\"), or remove it",
                    outcome.id
                )),
            );
        } else if !taken.outcomes[o] {
            out.push(
                Diagnostic::new(
                    Code::NeverReached,
                    format!(
                        "outcome \"{}\" is never reached: the conditions that lead here never hold",
                        outcome.id
                    ),
                )
                .at(format!("outcomes[{o}].id"), "no path ends here")
                .help("check the conditions of the links that end here"),
            );
        }
    }
    let trapped: Vec<bool> = (0..guide.questions.len())
        .map(|q| taken.questions[q] && !leaves[q])
        .collect();
    if trapped.contains(&true) {
        check_traps(guide, taken, &trapped, start, out);
    }
    for (q, a, back) in index.back_links() {
        if trapped[q] {
            continue;
        }
        out.push(
            Diagnostic::new(
                Code::Cycle,
                format!(
                    "answer \"{}\" leads back to question \"{}\", asked earlier on the same path",
                    guide.questions[q].answers[a].id, guide.questions[back].id
                ),
            )
            .at(
                format!("questions[{q}].answers[{a}].next"),
                "goes round in a circle",
            )
            .note(format!("in question \"{}\"", guide.questions[q].id))
            .help("people could answer these questions forever; lead the answer forward instead"),
        );
    }
    if let Some(flow) = flow {
        check_offered(guide, index, flow, out);
        check_branches(guide, index, flow, out);
        check_items(guide, flow, taken, out);
    }
}

/// A set of questions a walk can get into but never out of is an error: reported once, at each
/// question through which walks enter it.
fn check_traps(
    guide: &Guide,
    taken: &Taken,
    trapped: &[bool],
    start: usize,
    out: &mut Vec<Diagnostic>,
) {
    let n = trapped.len();
    let mut entry = vec![false; n];
    if trapped.get(start) == Some(&true) {
        entry[start] = true;
    }
    for q in 0..n {
        if taken.questions[q] && !trapped[q] {
            for t in taken.next(q) {
                if trapped[t] {
                    entry[t] = true;
                }
            }
        }
    }
    for q in (0..n).filter(|&q| entry[q]) {
        // The questions of the trap a walk can go on to from here.
        let mut seen = vec![false; n];
        let mut stack = vec![q];
        let mut inside = Vec::new();
        while let Some(at) = stack.pop() {
            if std::mem::replace(&mut seen[at], true) {
                continue;
            }
            if at != q {
                inside.push(at);
            }
            stack.extend(taken.next(at).into_iter().filter(|&t| trapped[t]));
        }
        inside.sort_unstable();
        let mut d = Diagnostic::new(
            Code::Trapped,
            format!(
                "no outcome can be reached once question \"{}\" is asked: a participant would be trapped",
                guide.questions[q].id
            ),
        )
        .at(
            format!("questions[{q}].id"),
            "every way on from here goes round without reaching an outcome",
        )
        .help("give one of these questions an answer that ends at an outcome, or leads to a question that does");
        if !inside.is_empty() {
            let names: Vec<String> = inside
                .iter()
                .take(6)
                .map(|&t| format!("\"{}\"", guide.questions[t].id))
                .collect();
            let more = inside.len().saturating_sub(6);
            d = d.note(format!(
                "the ways on lead only to {}{}",
                names.join(", "),
                if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                }
            ));
        }
        out.push(d);
    }
}

/// Answers never offered, and questions where no answer is offered on some path.
fn check_offered(guide: &Guide, index: &Index, flow: &Flow, out: &mut Vec<Diagnostic>) {
    let mut reported = vec![false; guide.questions.len()];
    for &s in flow.stuck() {
        let q = flow.question(s);
        if std::mem::replace(&mut reported[q], true) {
            continue;
        }
        let path: Vec<String> = flow
            .example_path(s)
            .iter()
            .map(|&(pq, pa)| {
                let question = &guide.questions[pq];
                format!("{} = {}", question.id, question.answers[pa].id)
            })
            .collect();
        let after = if path.is_empty() {
            "at the start".to_string()
        } else {
            format!("after {}", path.join(", "))
        };
        out.push(
            Diagnostic::new(
                Code::AllHidden,
                format!(
                    "on some paths no answer of question \"{}\" is offered: the group would be stuck",
                    guide.questions[q].id
                ),
            )
            .at(format!("questions[{q}].id"), "every answer can be hidden here")
            .note(format!("for example {after}"))
            .help("give one answer no `when`, or make the answers' conditions cover every path"),
        );
    }
    let seen: Vec<bool> = {
        let mut seen = vec![false; guide.questions.len()];
        for s in 0..to_u32(flow.len()) {
            seen[flow.question(s)] = true;
        }
        seen
    };
    for (q, question) in guide.questions.iter().enumerate() {
        if !seen[q] {
            continue;
        }
        for a in 0..question.answers.len() {
            let path = format!("questions[{q}].answers[{a}].when");
            let never = index.when(q, a).is_some()
                && index
                    .answer_number(q, a)
                    .is_some_and(|n| !flow.offered().get(n).copied().unwrap_or(false));
            if never {
                out.push(
                    Diagnostic::new(
                        Code::AnswerNeverOffered,
                        format!(
                            "answer \"{}\" of question \"{}\" is never offered: its condition never holds when the question is asked",
                            question.answers[a].id, question.id
                        ),
                    )
                    .at(path, "never holds here")
                    .help("check the condition against the paths that lead to this question"),
                );
            }
        }
    }
}

/// Cases and `otherwise`s of conditional links that no walk takes.
fn check_branches(guide: &Guide, index: &Index, flow: &Flow, out: &mut Vec<Diagnostic>) {
    struct Visit<'a> {
        index: &'a Index,
        flow: &'a Flow,
        number: u32,
        out: &'a mut Vec<Diagnostic>,
    }
    fn visit(v: &mut Visit<'_>, link: &Link, at: String) {
        let Link::Branch { cases, otherwise } = link else {
            return;
        };
        let b = v.number;
        v.number += 1;
        debug_assert!(matches!(
            v.index.branch(b).map(|n| n.cases.len()),
            Some(len) if len == cases.len()
        ));
        let whens: Vec<String> = (0..cases.len())
            .map(|i| format!("{at}.cases[{i}].when"))
            .collect();
        if v.flow.branch_seen(b) {
            for (i, when) in whens.iter().enumerate() {
                if v.flow.case_taken(b, i) {
                    continue;
                }
                let (message, label) = if v.flow.case_held(b, i) {
                    (
                        "this case is never taken: an earlier case always holds first",
                        "an earlier case always comes first",
                    )
                } else {
                    (
                        "this case can never hold on any path that gets here",
                        "never holds",
                    )
                };
                v.out.push(
                    Diagnostic::new(Code::CaseNeverTaken, message)
                        .at(when.clone(), label)
                        .help("remove the case, or check its condition against the paths that lead here"),
                );
            }
            if !v.flow.otherwise_taken(b) && !cases.is_empty() {
                v.out.push(
                    Diagnostic::new(
                        Code::OtherwiseNeverTaken,
                        "the `otherwise` of this link is never taken: on every path one of its cases holds",
                    )
                    .at(format!("{at}.otherwise"), "never taken")
                    .help("make the last case the `otherwise`, or check the cases' conditions"),
                );
            }
        }
        for (i, case) in cases.iter().enumerate() {
            visit(v, &case.next, format!("{at}.cases[{i}].next"));
        }
        visit(v, otherwise, format!("{at}.otherwise"));
    }
    let mut v = Visit {
        index,
        flow,
        number: 0,
        out,
    };
    for (q, question) in guide.questions.iter().enumerate() {
        for (a, answer) in question.answers.iter().enumerate() {
            if matches!(index.route(q, a), Route::Branch(_)) {
                visit(
                    &mut v,
                    &answer.next,
                    format!("questions[{q}].answers[{a}].next"),
                );
            }
        }
    }
}

/// Conditional examples and next steps no walk's result shows.
fn check_items(guide: &Guide, flow: &Flow, taken: &Taken, out: &mut Vec<Diagnostic>) {
    for (o, outcome) in guide.outcomes.iter().enumerate() {
        if !taken.outcomes[o] {
            continue;
        }
        let items = outcome
            .examples
            .iter()
            .enumerate()
            .filter(|(e, x)| x.when.is_some() && !flow.example_shown(o, *e))
            .map(|(e, _)| (format!("outcomes[{o}].examples[{e}].when"), "example"))
            .chain(
                outcome
                    .next_steps
                    .iter()
                    .enumerate()
                    .filter(|(s, x)| x.when.is_some() && !flow.step_shown(o, *s))
                    .map(|(s, _)| (format!("outcomes[{o}].next_steps[{s}].when"), "next step")),
            );
        for (path, what) in items {
            out.push(
                Diagnostic::new(
                    Code::ItemNeverShown,
                    format!("this {what} of outcome \"{}\" is never shown: its condition never holds at the end of a path", outcome.id),
                )
                .at(path, "never holds here")
                .help("check the condition against the paths that end at this outcome"),
            );
        }
    }
    if !flow.follows_texts() {
        return;
    }
    let any_end = taken.outcomes.contains(&true);
    let mut number = 0;
    guide.visit_conditional_texts(&mut |t, path| {
        let n = number;
        number += 1;
        let (reached, seen) = match t.site {
            TextSite::Question(q) => (taken.questions[q], "when the question is asked"),
            TextSite::Outcome(o) => (taken.outcomes[o], "at the end of a path"),
            TextSite::Answer(..) | TextSite::Value(..) => (any_end, "at the end of any path"),
        };
        if flow.text_shown(n) || !reached {
            return;
        }
        let kind = if matches!(t.field, "pros" | "cons") {
            "item"
        } else {
            "paragraph"
        };
        out.push(
            Diagnostic::new(
                Code::ItemNeverShown,
                format!(
                    "this {kind} {} is never shown: its condition never holds {seen}",
                    text_note(guide, t.site, t.field)
                ),
            )
            .at(path(), "never holds here")
            .help("check the condition against the paths that lead here"),
        );
    });
}
