//! Validation: every problem in a parsed guide, in one pass, as diagnostics.
//!
//! Errors are things the guide cannot be used with (duplicate or invalid ids, links to nothing, a
//! question without answers...); warnings are things that are probably mistakes (unreachable
//! questions, cycles, empty texts...). Each diagnostic points at a value path; the loader turns
//! paths into spans. Validation also builds the guide's [`Index`].

use std::collections::HashMap;

use super::diagnostic::{did_you_mean, Code, Diagnostic};
use super::index::{Index, Target};
use super::model::{Guide, Link};

/// Checks the guide, stores its index in it, and returns what was found.
pub fn validate(guide: &mut Guide) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    check_ids(guide, &mut out);
    let index = Index::build(guide);
    check_start(guide, &index, &mut out);
    check_questions(guide, &index, &mut out);
    check_outcomes(guide, &index, &mut out);
    check_tests(guide, &index, &mut out);
    check_graph(guide, &index, &mut out);
    guide.index = index;
    out
}

/// Ids may hold lowercase and uppercase letters, digits, `-`, `_` and `.`.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 200
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// Shows whitespace in an id so `"exit "` and `"exit"` look different.
fn visible(id: &str) -> String {
    id.replace(' ', "␣")
}

fn check_id_list<'a>(
    kind: &str,
    ids: impl Iterator<Item = (&'a str, String)>,
    out: &mut Vec<Diagnostic>,
) {
    let mut first: HashMap<&str, String> = HashMap::new();
    let mut folded: HashMap<String, &str> = HashMap::new();
    for (id, path) in ids {
        if !valid_id(id) {
            out.push(
                Diagnostic::new(Code::InvalidId, format!("the {kind} id \"{}\" is not a valid id", visible(id)))
                    .at(path.clone(), "invalid id")
                    .help("ids use letters, digits, `-`, `_` and `.`, with no spaces, like \"second-exit\""),
            );
            continue;
        }
        if let Some(earlier) = first.get(id) {
            out.push(
                Diagnostic::new(Code::DuplicateId, format!("two {kind}s have the id \"{id}\""))
                    .at(path, "second definition")
                    .also(earlier.clone(), "first defined here")
                    .help(format!("give one of them another id; links to \"{id}\" go to the first")),
            );
            continue;
        }
        let lower = id.to_lowercase();
        if let Some(other) = folded.get(&lower) {
            out.push(
                Diagnostic::new(
                    Code::DuplicateId,
                    format!("the {kind} ids \"{other}\" and \"{id}\" differ only in capitals"),
                )
                .at(path.clone(), "too alike")
                .also(first[other].clone(), "the other one")
                .help("ids that differ only in capitals are easy to mix up; rename one"),
            );
        }
        folded.insert(lower, id);
        first.insert(id, path);
    }
}

fn check_ids(guide: &Guide, out: &mut Vec<Diagnostic>) {
    check_id_list(
        "question",
        guide.questions.iter().enumerate().map(|(i, q)| (q.id.as_str(), format!("questions[{i}].id"))),
        out,
    );
    check_id_list(
        "outcome",
        guide.outcomes.iter().enumerate().map(|(i, o)| (o.id.as_str(), format!("outcomes[{i}].id"))),
        out,
    );
    check_id_list(
        "dimension",
        guide.dimensions.iter().enumerate().map(|(i, d)| (d.id.as_str(), format!("dimensions[{i}].id"))),
        out,
    );
    for (d, dim) in guide.dimensions.iter().enumerate() {
        check_id_list(
            &format!("value of dimension \"{}\" with the", dim.id),
            dim.values.iter().enumerate().map(|(v, value)| (value.id.as_str(), format!("dimensions[{d}].values[{v}].id"))),
            out,
        );
    }
    for (q, question) in guide.questions.iter().enumerate() {
        check_id_list(
            &format!("answer of question \"{}\" with the", question.id),
            question.answers.iter().enumerate().map(|(a, answer)| (answer.id.as_str(), format!("questions[{q}].answers[{a}].id"))),
            out,
        );
    }
    if !valid_id(&guide.id) {
        out.push(
            Diagnostic::new(Code::InvalidId, format!("the guide id \"{}\" is not a valid id", visible(&guide.id)))
                .at("id", "invalid id")
                .help("ids use letters, digits, `-`, `_` and `.`, with no spaces"),
        );
    }
}

fn check_start(guide: &Guide, index: &Index, out: &mut Vec<Diagnostic>) {
    if guide.start.is_empty() {
        out.push(
            Diagnostic::new(Code::BadStart, "the guide does not say which question comes first")
                .at("", "this guide has no start")
                .help(match guide.questions.first() {
                    Some(q) => format!("add `start: \"{}\",` to the guide", q.id),
                    None => "add questions and a `start: \"question-id\",` naming the first".to_string(),
                }),
        );
    } else if index.start().is_none() {
        let help = did_you_mean(&guide.start, guide.questions.iter().map(|q| q.id.as_str()))
            .map(|s| format!("did you mean \"{s}\"?"))
            .unwrap_or_else(|| "`start` must name one of the guide's questions".to_string());
        out.push(
            Diagnostic::new(Code::BadStart, format!("the start names \"{}\", but no question has that id", visible(&guide.start)))
                .at("start", "no such question")
                .help(help),
        );
    }
}

fn check_questions(guide: &Guide, index: &Index, out: &mut Vec<Diagnostic>) {
    let warn_empty = |out: &mut Vec<Diagnostic>, text: &str, path: String, what: &str| {
        if text.trim().is_empty() {
            out.push(
                Diagnostic::new(Code::EmptyText, format!("{what} is empty"))
                    .at(path, "empty")
                    .help("write the text people will read here"),
            );
        }
    };
    warn_empty(out, &guide.title, "title".into(), "the guide's title");
    for (q, question) in guide.questions.iter().enumerate() {
        let here = format!("questions[{q}]");
        warn_empty(out, &question.text, format!("{here}.text"), &format!("the text of question \"{}\"", question.id));
        if question.why.trim().is_empty() && !question.text.trim().is_empty() {
            out.push(
                Diagnostic::new(Code::NoWhy, format!("question \"{}\" does not say why it is asked", question.id))
                    .at(format!("{here}.id"), "no `why`")
                    .help("add `why: \"...\"`: people trust a question more when they know why it is asked"),
            );
        }
        if question.answers.is_empty() {
            out.push(
                Diagnostic::new(Code::NoAnswers, format!("question \"{}\" has no answers", question.id))
                    .at(format!("{here}.id"), "no way on from here")
                    .help("add `answers: [ Answer(id: ..., label: ..., next: ...), ]`"),
            );
        }
        let mut labels: HashMap<String, usize> = HashMap::new();
        for (a, answer) in question.answers.iter().enumerate() {
            let at = format!("{here}.answers[{a}]");
            let note = format!("in question \"{}\", answer {}", question.id, a + 1);
            warn_empty(out, &answer.label, format!("{at}.label"), &format!("the label of answer \"{}\"", answer.id));
            let key = answer.label.trim().to_lowercase();
            if !key.is_empty() {
                if let Some(&earlier) = labels.get(&key) {
                    out.push(
                        Diagnostic::new(Code::DuplicateLabel, format!("two answers of question \"{}\" read \"{}\"", question.id, answer.label))
                            .at(format!("{at}.label"), "same label")
                            .also(format!("{here}.answers[{earlier}].label"), "as this one")
                            .help("people cannot tell the two apart; reword one"),
                    );
                } else {
                    labels.insert(key, a);
                }
            }
            check_link(guide, index, q, a, &at, &note, out);
            check_sets(guide, index, &answer.sets, &at, &note, out);
        }
    }
}

fn check_link(guide: &Guide, index: &Index, q: usize, a: usize, at: &str, note: &str, out: &mut Vec<Diagnostic>) {
    if index.target(q, a) != Target::Missing {
        return;
    }
    let answer = &guide.questions[q].answers[a];
    let question_ids = || guide.questions.iter().map(|q| q.id.as_str());
    let outcome_ids = || guide.outcomes.iter().map(|o| o.id.as_str());
    let d = match &answer.next {
        Link::Goto(id) => {
            let help = if index.outcome(id).is_some() {
                format!("\"{id}\" is an outcome: write End(\"{id}\") to end the walk there")
            } else {
                suggestion(id, question_ids(), "question")
            };
            Diagnostic::new(Code::MissingQuestion, "answer leads to a question that does not exist")
                .at(format!("{at}.next[0]"), format!("no question has the id \"{}\"", visible(id)))
                .help(help)
        }
        Link::End(id) => {
            let help = if index.question(id).is_some() {
                format!("\"{id}\" is a question: write Goto(\"{id}\") to ask it next")
            } else {
                suggestion(id, outcome_ids(), "outcome")
            };
            Diagnostic::new(Code::MissingOutcome, "answer ends at an outcome that does not exist")
                .at(format!("{at}.next[0]"), format!("no outcome has the id \"{}\"", visible(id)))
                .help(help)
        }
    };
    out.push(d.note(note.to_string()));
}

fn suggestion<'a>(id: &str, ids: impl Iterator<Item = &'a str>, kind: &str) -> String {
    match did_you_mean(id, ids) {
        Some(s) => format!("did you mean \"{s}\"?"),
        None => format!("add a {kind} with this id, or link to an existing one"),
    }
}

fn check_sets(guide: &Guide, index: &Index, sets: &[(String, String)], at: &str, note: &str, out: &mut Vec<Diagnostic>) {
    for (i, (dim, value)) in sets.iter().enumerate() {
        match index.dimension(dim) {
            None => out.push(
                Diagnostic::new(Code::UnknownValue, format!("there is no dimension \"{}\"", visible(dim)))
                    .at(format!("{at}.sets[{i}][0]"), "unknown dimension")
                    .help(suggestion(dim, guide.dimensions.iter().map(|d| d.id.as_str()), "dimension"))
                    .note(note.to_string()),
            ),
            Some(d) if index.value(d, value).is_none() => out.push(
                Diagnostic::new(Code::UnknownValue, format!("dimension \"{dim}\" has no value \"{}\"", visible(value)))
                    .at(format!("{at}.sets[{i}][1]"), "unknown value")
                    .help(match did_you_mean(value, guide.dimensions[d].values.iter().map(|v| v.id.as_str())) {
                        Some(s) => format!("did you mean \"{s}\"?"),
                        None => format!(
                            "its values are: {}",
                            guide.dimensions[d].values.iter().map(|v| v.id.as_str()).collect::<Vec<_>>().join(", ")
                        ),
                    })
                    .note(note.to_string()),
            ),
            Some(_) => {}
        }
    }
}

fn check_outcomes(guide: &Guide, index: &Index, out: &mut Vec<Diagnostic>) {
    for (o, outcome) in guide.outcomes.iter().enumerate() {
        let at = format!("outcomes[{o}]");
        if outcome.title.trim().is_empty() {
            out.push(
                Diagnostic::new(Code::EmptyText, format!("the title of outcome \"{}\" is empty", outcome.id))
                    .at(format!("{at}.title"), "empty")
                    .help("write the recommendation in a few words"),
            );
        }
        if outcome.pros.is_empty() || outcome.cons.is_empty() {
            let missing = match (outcome.pros.is_empty(), outcome.cons.is_empty()) {
                (true, true) => "pros or cons",
                (true, false) => "pros",
                _ => "cons",
            };
            out.push(
                Diagnostic::new(Code::NoProsOrCons, format!("outcome \"{}\" lists no {missing}", outcome.id))
                    .at(format!("{at}.id"), format!("no {missing}"))
                    .help("every recommendation has trade-offs; people need both sides"),
            );
        }
        for (r, related) in outcome.related.iter().enumerate() {
            if index.outcome(related).is_none() {
                out.push(
                    Diagnostic::new(Code::UnknownRelated, format!("outcome \"{}\" lists \"{}\" as related, but there is no such outcome", outcome.id, visible(related)))
                        .at(format!("{at}.related[{r}]"), "no such outcome")
                        .help(suggestion(related, guide.outcomes.iter().map(|o| o.id.as_str()), "outcome")),
                );
            }
        }
        check_sets(guide, index, &outcome.sets, &at, &format!("in outcome \"{}\"", outcome.id), out);
    }
}

fn check_tests(guide: &Guide, index: &Index, out: &mut Vec<Diagnostic>) {
    for (t, test) in guide.tests.iter().enumerate() {
        let at = format!("tests[{t}]");
        let note = format!("in test case \"{}\"", test.name);
        for (i, (qid, aid)) in test.answers.iter().enumerate() {
            match index.question(qid) {
                None => out.push(
                    Diagnostic::new(Code::TestUnknownAnswer, format!("the test case answers \"{}\", but there is no such question", visible(qid)))
                        .at(format!("{at}.answers[{i}][0]"), "unknown question")
                        .help(suggestion(qid, guide.questions.iter().map(|q| q.id.as_str()), "question"))
                        .note(note.clone()),
                ),
                Some(q) if !guide.questions[q].answers.iter().any(|a| a.id == *aid) => out.push(
                    Diagnostic::new(Code::TestUnknownAnswer, format!("question \"{qid}\" has no answer \"{}\"", visible(aid)))
                        .at(format!("{at}.answers[{i}][1]"), "unknown answer")
                        .help(match did_you_mean(aid, guide.questions[q].answers.iter().map(|a| a.id.as_str())) {
                            Some(s) => format!("did you mean \"{s}\"?"),
                            None => format!(
                                "its answers are: {}",
                                guide.questions[q].answers.iter().map(|a| a.id.as_str()).collect::<Vec<_>>().join(", ")
                            ),
                        })
                        .note(note.clone()),
                ),
                Some(_) => {}
            }
        }
        if index.outcome(&test.expect).is_none() {
            out.push(
                Diagnostic::new(Code::TestUnknownOutcome, format!("the test case expects \"{}\", but there is no such outcome", visible(&test.expect)))
                    .at(format!("{at}.expect"), "no such outcome")
                    .help(suggestion(&test.expect, guide.outcomes.iter().map(|o| o.id.as_str()), "outcome"))
                    .note(note),
            );
        }
    }
}

fn check_graph(guide: &Guide, index: &Index, out: &mut Vec<Diagnostic>) {
    if index.start().is_none() {
        return; // reachability means nothing without a start; G0205 says why
    }
    let (questions, outcomes) = index.reachable(guide.outcomes.len());
    for (q, reached) in questions.iter().enumerate() {
        if index.question(&guide.questions[q].id) != Some(q) {
            continue; // a duplicate id: G0201 already says so, and no link can reach it
        }
        if !reached {
            out.push(
                Diagnostic::new(Code::UnreachableQuestion, format!("question \"{}\" is never asked", guide.questions[q].id))
                    .at(format!("questions[{q}].id"), "no path from the start leads here")
                    .help(format!("link an answer to it with Goto(\"{}\"), or remove it", guide.questions[q].id)),
            );
        } else if index.questions_left(q).is_none() {
            out.push(
                Diagnostic::new(Code::DeadEnd, format!("no outcome can be reached from question \"{}\"", guide.questions[q].id))
                    .at(format!("questions[{q}].id"), "every way on from here loops back")
                    .help("give one of the answers on this loop an End(...) link"),
            );
        }
    }
    for (o, reached) in outcomes.iter().enumerate() {
        if !reached && index.outcome(&guide.outcomes[o].id) == Some(o) {
            out.push(
                Diagnostic::new(Code::UnreachableOutcome, format!("outcome \"{}\" is never reached", guide.outcomes[o].id))
                    .at(format!("outcomes[{o}].id"), "no answer ends here")
                    .help(format!("end an answer with End(\"{}\"), or remove it", guide.outcomes[o].id)),
            );
        }
    }
    for (q, a) in index.back_links() {
        let Target::Question(back) = index.target(q, a) else {
            continue;
        };
        out.push(
            Diagnostic::new(
                Code::Cycle,
                format!("answer \"{}\" leads back to question \"{}\", asked earlier on the same path", guide.questions[q].answers[a].id, guide.questions[back].id),
            )
            .at(format!("questions[{q}].answers[{a}].next"), "goes round in a circle")
            .note(format!("in question \"{}\"", guide.questions[q].id))
            .help("people could answer these questions forever; lead the answer forward instead"),
        );
    }
}
