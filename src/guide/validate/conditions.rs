//! What `check` says about the conditions themselves: the format version they need, ids in
//! conditions that name nothing, and conditions that read a question which can never have been
//! asked before them. Every condition is checked alike: of answers, links, examples, next steps,
//! and of list items and paragraphs (`When(condition, "text")`), each seen from its own place.

use std::collections::HashSet;

use super::{suggestion, visible};
use crate::guide::diagnostic::{did_you_mean, Code, Diagnostic};
use crate::guide::index::{Index, Target};
use crate::guide::model::{Condition, Guide, Link, TextSite, FORMAT};
use crate::guide::order::{can_precede, Cycles};
use crate::guide::to_u32;

/// Paths of conditions with an error: the checks that follow walks say nothing more about them.
pub(super) type Faulty = HashSet<String>;

/// Where a condition is seen from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Site {
    /// An answer's `when`: the answers before question `.0`.
    Before(usize),
    /// A case of a link of question `.0`: the answers before it, and this answer.
    After(usize),
    /// An item of outcome `.0`'s result: every answer on the path.
    End(usize),
    /// A paragraph of the reason of an answer of question `.0`: every answer on a path
    /// through the question.
    Through(usize),
    /// A text of a dimension value: every answer on any path.
    Anywhere,
}

/// One condition written in the guide, with its value path and the place it is seen from.
pub(super) struct Written<'g> {
    pub condition: &'g Condition,
    pub path: String,
    pub site: Site,
    /// For a list item or a paragraph: where it is seen from, and its field.
    pub text: Option<(TextSite, &'static str)>,
}

/// Every condition of the guide, in the file's order (conditional texts last). The index says
/// whether the guide has conditional texts, so a guide without them is not walked for them.
pub(super) fn written<'g>(guide: &'g Guide, index: &Index) -> Vec<Written<'g>> {
    fn visit<'g>(link: &'g Link, at: String, q: usize, out: &mut Vec<Written<'g>>) {
        if let Link::Branch { cases, otherwise } = link {
            for (i, case) in cases.iter().enumerate() {
                out.push(Written {
                    condition: &case.when,
                    path: format!("{at}.cases[{i}].when"),
                    site: Site::After(q),
                    text: None,
                });
                visit(&case.next, format!("{at}.cases[{i}].next"), q, out);
            }
            visit(otherwise, format!("{at}.otherwise"), q, out);
        }
    }
    let mut out = Vec::new();
    for (q, question) in guide.questions.iter().enumerate() {
        for (a, answer) in question.answers.iter().enumerate() {
            if let Some(when) = &answer.when {
                out.push(Written {
                    condition: when,
                    path: format!("questions[{q}].answers[{a}].when"),
                    site: Site::Before(q),
                    text: None,
                });
            }
            if answer.next.is_branch() {
                visit(
                    &answer.next,
                    format!("questions[{q}].answers[{a}].next"),
                    q,
                    &mut out,
                );
            }
        }
    }
    for (o, outcome) in guide.outcomes.iter().enumerate() {
        for (e, example) in outcome.examples.iter().enumerate() {
            if let Some(when) = &example.when {
                out.push(Written {
                    condition: when,
                    path: format!("outcomes[{o}].examples[{e}].when"),
                    site: Site::End(o),
                    text: None,
                });
            }
        }
        for (s, step) in outcome.next_steps.iter().enumerate() {
            if let Some(when) = &step.when {
                out.push(Written {
                    condition: when,
                    path: format!("outcomes[{o}].next_steps[{s}].when"),
                    site: Site::End(o),
                    text: None,
                });
            }
        }
    }
    if index.texts().is_empty() {
        return out;
    }
    guide.visit_conditional_texts(&mut |t, path| {
        let site = match t.site {
            TextSite::Question(q) => Site::Before(q),
            TextSite::Answer(q, _) => Site::Through(q),
            TextSite::Outcome(o) => Site::End(o),
            TextSite::Value(..) => Site::Anywhere,
        };
        out.push(Written {
            condition: t.when,
            path: path(),
            site,
            text: Some((t.site, t.field)),
        });
    });
    out
}

/// Calls `f` with every `Answered` and `Placed` in a condition, and its value path.
fn atoms<'c>(condition: &'c Condition, path: &str, f: &mut dyn FnMut(&'c Condition, &str)) {
    match condition {
        Condition::Answered(..) | Condition::Placed(..) => f(condition, path),
        Condition::Any(list) | Condition::All(list) => {
            for (i, c) in list.iter().enumerate() {
                atoms(c, &format!("{path}[0][{i}]"), f);
            }
        }
        Condition::Not(c) => atoms(c, &format!("{path}[0]"), f),
    }
}

/// A format version this build does not understand is an error; a guide that uses format 2's
/// features without saying so gets a warning, so that older builds fail with a clear message.
pub(super) fn check_format(guide: &Guide, index: &Index, out: &mut Vec<Diagnostic>) {
    match guide.format {
        Some(f) if f > FORMAT => out.push(
            Diagnostic::new(
                Code::FormatVersion,
                format!("this guide is written in format {f}, and this coop-guide reads formats 1 to {FORMAT}"),
            )
            .at("format", "a newer format")
            .help("install a newer coop-guide to use this guide"),
        ),
        Some(0) => out.push(
            Diagnostic::new(Code::FormatVersion, "there is no format 0")
                .at("format", "no such format")
                .help(format!("write `format: {FORMAT},` for a guide with conditions, or leave `format` out")),
        ),
        Some(f) if f >= 2 => {}
        _ => {
            if let Some(path) = first_format_2_feature(guide, index) {
                out.push(
                    Diagnostic::new(
                        Code::FormatUndeclared,
                        "this guide uses conditions but does not say `format: 2`",
                    )
                    .at(path, "a feature of format 2")
                    .help("add `format: 2,` at the top of the guide, so that older coop-guides say they cannot read it"),
                );
            }
        }
    }
}

/// The value path of the first condition, conditional link or situation question, if any.
fn first_format_2_feature(guide: &Guide, index: &Index) -> Option<String> {
    if !index.texts().is_empty() {
        let mut text = None;
        guide.visit_conditional_texts(&mut |_, path| {
            if text.is_none() {
                text = Some(path());
            }
        });
        return text;
    }
    for (q, question) in guide.questions.iter().enumerate() {
        if question.situation {
            return Some(format!("questions[{q}].situation"));
        }
        for (a, answer) in question.answers.iter().enumerate() {
            if answer.when.is_some() {
                return Some(format!("questions[{q}].answers[{a}].when"));
            }
            if answer.next.is_branch() {
                return Some(format!("questions[{q}].answers[{a}].next"));
            }
        }
    }
    for (o, outcome) in guide.outcomes.iter().enumerate() {
        if let Some(e) = outcome.examples.iter().position(|e| e.when.is_some()) {
            return Some(format!("outcomes[{o}].examples[{e}].when"));
        }
        if let Some(s) = outcome.next_steps.iter().position(|s| s.when.is_some()) {
            return Some(format!("outcomes[{o}].next_steps[{s}].when"));
        }
    }
    None
}

fn site_note(guide: &Guide, written: &Written) -> String {
    if let Some((site, field)) = written.text {
        return text_note(guide, site, field);
    }
    match written.site {
        Site::Before(q) => format!(
            "in the condition of an answer of question \"{}\"",
            guide.questions[q].id
        ),
        Site::After(q) => format!(
            "in a conditional link of question \"{}\"",
            guide.questions[q].id
        ),
        Site::End(o) => format!("in the result of outcome \"{}\"", guide.outcomes[o].id),
        Site::Through(q) => format!("in a text of question \"{}\"", guide.questions[q].id),
        Site::Anywhere => "in a text of a dimension value".to_string(),
    }
}

/// Where a conditional text is, in words: `in \`pros\` of outcome "x"`.
pub(super) fn text_note(guide: &Guide, site: TextSite, field: &str) -> String {
    match site {
        TextSite::Question(q) => {
            format!("in `{field}` of question \"{}\"", guide.questions[q].id)
        }
        TextSite::Answer(q, a) => format!(
            "in `{field}` of answer \"{}\" of question \"{}\"",
            guide.questions[q].answers[a].id, guide.questions[q].id
        ),
        TextSite::Outcome(o) => format!("in `{field}` of outcome \"{}\"", guide.outcomes[o].id),
        TextSite::Value(d, v) => format!(
            "in `{field}` of value \"{}\" of dimension \"{}\"",
            guide.dimensions[d].values[v].id, guide.dimensions[d].id
        ),
    }
}

/// Checks the ids in every condition, and that every question a condition reads can have been
/// asked before it. Returns the paths of the conditions found faulty.
pub(super) fn check(guide: &Guide, index: &Index, out: &mut Vec<Diagnostic>) -> Faulty {
    /// One question a condition reads, and the queries that say whether it can be asked where
    /// the condition is seen (any of them will do; none: any path counts).
    /// Kept for every atom of every condition of a large guide: positions as `u32`.
    struct Read {
        path: String,
        written: u32,
        question: u32,
        /// The first query, and how many follow it.
        first: u32,
        count: u32,
    }
    let mut faulty = Faulty::new();
    let all = written(guide, index);
    if all.is_empty() {
        return faulty;
    }
    // Questions each condition reads, to ask in one go whether they can come before it.
    let mut queries: Vec<(usize, Target)> = Vec::new();
    let mut reads: Vec<Read> = Vec::new();
    for (w, written) in all.iter().enumerate() {
        let note = || site_note(guide, written);
        atoms(written.condition, &written.path, &mut |atom, path| {
            let found = unknown_id(guide, index, atom, path);
            if let Some(d) = found {
                out.push(d.note(note()));
                faulty.insert(written.path.clone());
                return;
            }
            let Condition::Answered(qid, _) = atom else {
                return;
            };
            let Some(p) = index.question(qid) else {
                return;
            };
            let first = queries.len();
            match written.site {
                Site::Before(q) if p == q => {
                    let (message, help) = match written.text {
                        Some((_, field)) => (
                            format!("a paragraph of `{field}` of question \"{qid}\" is shown on condition of the answer to \"{qid}\" itself, which is never given before the question is asked"),
                            format!("`{field}` is shown before the question is answered: read an earlier question"),
                        ),
                        None => (
                            format!("an answer of question \"{qid}\" is offered on condition of the answer to \"{qid}\" itself, which is never given before it is asked"),
                            "an answer's `when` reads answers to earlier questions; to lead somewhere depending on this answer, use a conditional link".to_string(),
                        ),
                    };
                    out.push(
                        Diagnostic::new(Code::NeverAskedBefore, message)
                            .at(format!("{path}[0]"), "not answered yet at this point")
                            .help(help)
                            .note(note()),
                    );
                    faulty.insert(written.path.clone());
                    return;
                }
                Site::Before(q) | Site::After(q) => queries.push((p, Target::Question(q))),
                Site::End(o) => queries.push((p, Target::Outcome(o))),
                // The answer's own question is on every path its reason is shown on.
                Site::Through(q) if p == q => return,
                Site::Through(q) => {
                    queries.push((p, Target::Question(q)));
                    queries.push((q, Target::Question(p)));
                }
                Site::Anywhere => {}
            }
            reads.push(Read {
                path: path.to_string(),
                written: to_u32(w),
                question: to_u32(p),
                first: to_u32(first),
                count: to_u32(queries.len() - first),
            });
        });
    }
    if reads.is_empty() {
        return faulty;
    }
    let (reach_q, reach_o) = index.reachable(guide.outcomes.len());
    let possible = if queries.is_empty() {
        Vec::new()
    } else {
        can_precede(index, &Cycles::of(index), &queries)
    };
    for read in &reads {
        let written = &all[read.written as usize];
        let p = read.question as usize;
        let first = read.first as usize;
        let asked = || (first..first + read.count as usize).any(|i| possible[i]);
        let (site_reached, can_be_asked) = match written.site {
            Site::Before(q) | Site::After(q) | Site::Through(q) => (reach_q[q], asked()),
            Site::End(o) => (reach_o[o], asked()),
            Site::Anywhere => (true, reach_q[p]),
        };
        if can_be_asked || !site_reached {
            continue;
        }
        let pid = &guide.questions[p].id;
        let (message, label) = match written.site {
            Site::Before(q) | Site::After(q) => (
                format!(
                    "the condition reads question \"{pid}\", which is never asked before question \"{}\"",
                    guide.questions[q].id
                ),
                format!("never asked before \"{}\"", guide.questions[q].id),
            ),
            Site::Through(q) => (
                format!(
                    "the condition reads question \"{pid}\", which is never asked on a path through question \"{}\"",
                    guide.questions[q].id
                ),
                format!("never asked with \"{}\"", guide.questions[q].id),
            ),
            Site::End(_) => (
                format!("the condition reads question \"{pid}\", which no path to this outcome asks"),
                "never asked on the way here".to_string(),
            ),
            Site::Anywhere => (
                format!("the condition reads question \"{pid}\", which no path asks"),
                "never asked".to_string(),
            ),
        };
        out.push(
            Diagnostic::new(Code::NeverAskedBefore, message)
                .at(format!("{}[0]", read.path), label)
                .help("a condition can only be true when its question is asked earlier on the same path: ask that question earlier, or read another one")
                .note(site_note(guide, written)),
        );
        faulty.insert(written.path.clone());
    }
    faulty
}

/// The diagnostic for an `Answered` or `Placed` that names something the guide does not have.
fn unknown_id(guide: &Guide, index: &Index, atom: &Condition, path: &str) -> Option<Diagnostic> {
    match atom {
        Condition::Answered(q, a) => {
            let Some(qi) = index.question(q) else {
                return Some(
                    Diagnostic::new(
                        Code::UnknownInCondition,
                        format!(
                            "the condition names question \"{}\", but there is no such question",
                            visible(q)
                        ),
                    )
                    .at(format!("{path}[0]"), "no such question")
                    .help(suggestion(
                        q,
                        guide.questions.iter().map(|q| q.id.as_str()),
                        "question",
                    )),
                );
            };
            let answers = &guide.questions[qi].answers;
            if answers.iter().any(|x| x.id == *a) {
                return None;
            }
            Some(
                Diagnostic::new(
                    Code::UnknownInCondition,
                    format!("question \"{q}\" has no answer \"{}\"", visible(a)),
                )
                .at(format!("{path}[1]"), "no such answer")
                .help(
                    match did_you_mean(a, answers.iter().map(|x| x.id.as_str())) {
                        Some(s) => format!("did you mean \"{s}\"?"),
                        None => format!(
                            "its answers are: {}",
                            answers
                                .iter()
                                .map(|x| x.id.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    },
                ),
            )
        }
        Condition::Placed(d, v) => {
            let Some(di) = index.dimension(d) else {
                return Some(
                    Diagnostic::new(
                        Code::UnknownInCondition,
                        format!(
                            "the condition names dimension \"{}\", but there is no such dimension",
                            visible(d)
                        ),
                    )
                    .at(format!("{path}[0]"), "no such dimension")
                    .help(suggestion(
                        d,
                        guide.dimensions.iter().map(|d| d.id.as_str()),
                        "dimension",
                    )),
                );
            };
            if index.value(di, v).is_some() {
                return None;
            }
            let values = &guide.dimensions[di].values;
            Some(
                Diagnostic::new(
                    Code::UnknownInCondition,
                    format!("dimension \"{d}\" has no value \"{}\"", visible(v)),
                )
                .at(format!("{path}[1]"), "no such value")
                .help(
                    match did_you_mean(v, values.iter().map(|x| x.id.as_str())) {
                        Some(s) => format!("did you mean \"{s}\"?"),
                        None => format!(
                            "its values are: {}",
                            values
                                .iter()
                                .map(|x| x.id.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    },
                ),
            )
        }
        _ => None,
    }
}
