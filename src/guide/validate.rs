//! Validation: every problem in a parsed guide, in one pass, as diagnostics.
//!
//! Errors are things the guide cannot be used with (duplicate or invalid ids, links to nothing, a
//! question without answers...); warnings are things that are probably mistakes (unreachable
//! questions, cycles, empty texts...). Each diagnostic points at a value path; the loader turns
//! paths into spans. Validation also builds the guide's [`Index`].

mod conditions;
mod walks;

use super::diagnostic::{did_you_mean, Code, Diagnostic};
use super::index::{IdMap, Index, Route};
use super::model::{Answer, Guide, Link};
use super::text::{invisible_in, reveal};

/// Checks the guide, stores its index in it, and returns what was found.
pub fn validate(guide: &mut Guide) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    check_ids(guide, &mut out);
    let index = Index::build(guide);
    conditions::check_format(guide, &index, &mut out);
    check_start(guide, &index, &mut out);
    check_questions(guide, &index, &mut out);
    check_outcomes(guide, &index, &mut out);
    check_tests(guide, &index, &mut out);
    let faulty = conditions::check(guide, &index, &mut out);
    walks::check(guide, &index, &faulty, &mut out);
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

/// Shows whitespace and invisible characters in an id so `"exit "`, `"exit<U+200B>"` and
/// `"exit"` look different.
fn visible(id: &str) -> String {
    reveal(id).replace(' ', "␣")
}

/// How to fix an invalid id: an invisible character gets named, since the id looks right.
fn invalid_id_help(id: &str) -> String {
    match invisible_in(id) {
        Some(which) => format!("delete the invisible characters in it: {which}"),
        None => {
            "ids use letters, digits, `-`, `_` and `.`, with no spaces, like \"second-exit\"".into()
        }
    }
}

/// Checks one list of ids for invalid and duplicate ids. `path(i)` names item `i`'s id; it is only
/// called when there is something to report, so a clean guide allocates nothing here.
fn check_id_list(
    kind: &dyn Fn() -> String,
    within: &dyn Fn() -> String,
    ids: &[&str],
    path: &dyn Fn(usize) -> String,
    out: &mut Vec<Diagnostic>,
) {
    // Short lists (the answers of a question) are compared pairwise; long ones use a map.
    let mut first: IdMap<&str, usize> = IdMap::default();
    let mut folded: IdMap<String, usize> = IdMap::default();
    let small = ids.len() <= 16;
    for (i, &id) in ids.iter().enumerate() {
        if !valid_id(id) {
            out.push(
                Diagnostic::new(
                    Code::InvalidId,
                    format!(
                        "the {} id \"{}\"{} is not a valid id",
                        kind(),
                        visible(id),
                        within()
                    ),
                )
                .at(path(i), "invalid id")
                .help(invalid_id_help(id)),
            );
            continue;
        }
        let earlier = if small {
            ids[..i].iter().position(|&e| e == id)
        } else {
            first.get(id).copied()
        };
        if let Some(earlier) = earlier {
            out.push(
                Diagnostic::new(
                    Code::DuplicateId,
                    format!("two {}s{} have the id \"{id}\"", kind(), within()),
                )
                .at(path(i), "second definition")
                .also(path(earlier), "first defined here")
                .help(format!(
                    "give one of them another id; links to \"{id}\" go to the first"
                )),
            );
            continue;
        }
        let alike = if small {
            ids[..i]
                .iter()
                .position(|&e| e != id && e.eq_ignore_ascii_case(id) && valid_id(e))
        } else if id.bytes().any(|b| b.is_ascii_uppercase()) || !folded.is_empty() {
            let lower = id.to_ascii_lowercase();
            let found = folded.get(&lower).copied();
            folded.entry(lower).or_insert(i);
            found
        } else {
            None
        };
        if let Some(other) = alike {
            out.push(
                Diagnostic::new(
                    Code::DuplicateId,
                    format!(
                        "the {} ids \"{}\" and \"{id}\"{} differ only in capitals",
                        kind(),
                        ids[other],
                        within()
                    ),
                )
                .at(path(i), "too alike")
                .also(path(other), "the other one")
                .help("ids that differ only in capitals are easy to mix up; rename one"),
            );
        }
        if !small {
            first.insert(id, i);
        }
    }
}

fn check_ids(guide: &Guide, out: &mut Vec<Diagnostic>) {
    // Lowercase ids never need folding: remember uppercase ones from the start.
    let ids: Vec<&str> = guide.questions.iter().map(|q| q.id.as_str()).collect();
    check_id_list(
        &|| "question".into(),
        &String::new,
        &ids,
        &|i| format!("questions[{i}].id"),
        out,
    );
    let ids: Vec<&str> = guide.outcomes.iter().map(|o| o.id.as_str()).collect();
    check_id_list(
        &|| "outcome".into(),
        &String::new,
        &ids,
        &|i| format!("outcomes[{i}].id"),
        out,
    );
    let ids: Vec<&str> = guide.dimensions.iter().map(|d| d.id.as_str()).collect();
    check_id_list(
        &|| "dimension".into(),
        &String::new,
        &ids,
        &|i| format!("dimensions[{i}].id"),
        out,
    );
    let mut ids: Vec<&str> = Vec::new();
    for (d, dim) in guide.dimensions.iter().enumerate() {
        ids.clear();
        ids.extend(dim.values.iter().map(|v| v.id.as_str()));
        check_id_list(
            &|| "value".into(),
            &|| format!(" of dimension \"{}\"", dim.id),
            &ids,
            &|v| format!("dimensions[{d}].values[{v}].id"),
            out,
        );
    }
    for (q, question) in guide.questions.iter().enumerate() {
        ids.clear();
        ids.extend(question.answers.iter().map(|a| a.id.as_str()));
        check_id_list(
            &|| "answer".into(),
            &|| format!(" of question \"{}\"", question.id),
            &ids,
            &|a| format!("questions[{q}].answers[{a}].id"),
            out,
        );
    }
    if !valid_id(&guide.id) {
        out.push(
            Diagnostic::new(
                Code::InvalidId,
                format!("the guide id \"{}\" is not a valid id", visible(&guide.id)),
            )
            .at("id", "invalid id")
            .help("ids use letters, digits, `-`, `_` and `.`, with no spaces"),
        );
    }
}

fn check_start(guide: &Guide, index: &Index, out: &mut Vec<Diagnostic>) {
    if guide.start.is_empty() {
        out.push(
            Diagnostic::new(
                Code::BadStart,
                "the guide does not say which question comes first",
            )
            .at("", "this guide has no start")
            .help(match guide.questions.first() {
                Some(q) => format!("add `start: \"{}\",` to the guide", q.id),
                None => {
                    "add questions and a `start: \"question-id\",` naming the first".to_string()
                }
            }),
        );
    } else if index.start().is_none() {
        let help = did_you_mean(&guide.start, guide.questions.iter().map(|q| q.id.as_str()))
            .map(|s| format!("did you mean \"{}\"?", visible(s)))
            .unwrap_or_else(|| "`start` must name one of the guide's questions".to_string());
        out.push(
            Diagnostic::new(
                Code::BadStart,
                format!(
                    "the start names \"{}\", but no question has that id",
                    visible(&guide.start)
                ),
            )
            .at("start", "no such question")
            .help(help),
        );
    }
}

fn check_questions(guide: &Guide, index: &Index, out: &mut Vec<Diagnostic>) {
    let warn_empty = |out: &mut Vec<Diagnostic>,
                      text: &str,
                      path: &dyn Fn() -> String,
                      what: &dyn Fn() -> String| {
        if text.trim().is_empty() {
            out.push(
                Diagnostic::new(Code::EmptyText, format!("{} is empty", what()))
                    .at(path(), "empty")
                    .help("write the text people will read here"),
            );
        }
    };
    warn_empty(out, &guide.title, &|| "title".into(), &|| {
        "the guide's title".into()
    });
    for (q, question) in guide.questions.iter().enumerate() {
        let same_labels = SameLabels::new(&question.answers);
        let here = || format!("questions[{q}]");
        warn_empty(out, &question.text, &|| format!("{}.text", here()), &|| {
            format!("the text of question \"{}\"", question.id)
        });
        if question.why.is_blank() && !question.text.trim().is_empty() {
            out.push(
                Diagnostic::new(Code::NoWhy, format!("question \"{}\" does not say why it is asked", question.id))
                    .at(format!("{}.id", here()), "no `why`")
                    .help("add `why: \"...\"`: people trust a question more when they know why it is asked"),
            );
        }
        if question.answers.is_empty() {
            out.push(
                Diagnostic::new(
                    Code::NoAnswers,
                    format!("question \"{}\" has no answers", question.id),
                )
                .at(format!("{}.id", here()), "no way on from here")
                .help("add `answers: [ Answer(id: ..., label: ..., next: ...), ]`"),
            );
        }
        for (a, answer) in question.answers.iter().enumerate() {
            let at = || format!("questions[{q}].answers[{a}]");
            let note = || format!("in question \"{}\", answer {}", question.id, a + 1);
            warn_empty(out, &answer.label, &|| format!("{}.label", at()), &|| {
                format!("the label of answer \"{}\"", answer.id)
            });
            if let Some(earlier) = same_labels.earlier(a) {
                out.push(
                    Diagnostic::new(
                        Code::DuplicateLabel,
                        format!(
                            "two answers of question \"{}\" read \"{}\"",
                            question.id, answer.label
                        ),
                    )
                    .at(format!("{}.label", at()), "same label")
                    .also(
                        format!("questions[{q}].answers[{earlier}].label"),
                        "as this one",
                    )
                    .help("people cannot tell the two apart; reword one"),
                );
            }
            // Only links that name nothing, or have cases, need a closer look.
            if matches!(index.route(q, a), Route::Missing | Route::Branch(_)) {
                check_link(
                    guide,
                    index,
                    &answer.next,
                    &|| format!("{}.next", at()),
                    &note,
                    out,
                );
            }
            check_sets(guide, index, &answer.sets, &at, &note, out);
        }
    }
}

/// Labels that read the same, ignoring case and surrounding space.
fn same_label(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    a.len() == b.len()
        && a.chars()
            .flat_map(char::to_lowercase)
            .eq(b.chars().flat_map(char::to_lowercase))
}

/// Finds, for each answer of a question, the first earlier answer whose label reads the same
/// ([`same_label`]; empty labels match nothing). A few answers are compared pairwise, which
/// allocates nothing; many are hashed by what [`same_label`] compares, so a question with
/// 100,000 answers is checked in linear time.
enum SameLabels<'a> {
    Few(&'a [Answer]),
    Many(Vec<Option<usize>>),
}

impl<'a> SameLabels<'a> {
    fn new(answers: &'a [Answer]) -> Self {
        if answers.len() <= 16 {
            return SameLabels::Few(answers);
        }
        let mut first: IdMap<(usize, String), usize> = IdMap::default();
        let earlier = answers
            .iter()
            .enumerate()
            .map(|(a, answer)| {
                let label = answer.label.trim();
                if label.is_empty() {
                    return None;
                }
                let key = (
                    label.len(),
                    label.chars().flat_map(char::to_lowercase).collect(),
                );
                Some(*first.entry(key).or_insert(a)).filter(|&e| e != a)
            })
            .collect();
        SameLabels::Many(earlier)
    }

    fn earlier(&self, a: usize) -> Option<usize> {
        match self {
            SameLabels::Few(answers) => {
                let label = &answers[a].label;
                answers[..a]
                    .iter()
                    .position(|e| !label.trim().is_empty() && same_label(&e.label, label))
            }
            SameLabels::Many(earlier) => earlier.get(a).copied().flatten(),
        }
    }
}

/// Reports every id in a link (and its cases) that names nothing. `at` gives the link's path
/// (only worked out when there is something to report).
fn check_link(
    guide: &Guide,
    index: &Index,
    link: &Link,
    at: &dyn Fn() -> String,
    note: &dyn Fn() -> String,
    out: &mut Vec<Diagnostic>,
) {
    let question_ids = || guide.questions.iter().map(|q| q.id.as_str());
    let outcome_ids = || guide.outcomes.iter().map(|o| o.id.as_str());
    let d = match link {
        Link::Goto(id) if index.question(id).is_none() => {
            let help = if index.outcome(id).is_some() {
                format!("\"{id}\" is an outcome: write End(\"{id}\") to end the walk there")
            } else {
                suggestion(id, question_ids(), "question")
            };
            Diagnostic::new(
                Code::MissingQuestion,
                "answer leads to a question that does not exist",
            )
            .at(
                format!("{}[0]", at()),
                format!("no question has the id \"{}\"", visible(id)),
            )
            .help(help)
        }
        Link::End(id) if index.outcome(id).is_none() => {
            let help = if index.question(id).is_some() {
                format!("\"{id}\" is a question: write Goto(\"{id}\") to ask it next")
            } else {
                suggestion(id, outcome_ids(), "outcome")
            };
            Diagnostic::new(
                Code::MissingOutcome,
                "answer ends at an outcome that does not exist",
            )
            .at(
                format!("{}[0]", at()),
                format!("no outcome has the id \"{}\"", visible(id)),
            )
            .help(help)
        }
        Link::Goto(_) | Link::End(_) => return,
        Link::Branch { cases, otherwise } => {
            for (i, case) in cases.iter().enumerate() {
                let here = || format!("{}.cases[{i}].next", at());
                check_link(guide, index, &case.next, &here, note, out);
            }
            let here = || format!("{}.otherwise", at());
            check_link(guide, index, otherwise, &here, note, out);
            return;
        }
    };
    out.push(d.note(note()));
}

fn suggestion<'a>(id: &str, ids: impl Iterator<Item = &'a str>, kind: &str) -> String {
    match did_you_mean(id, ids) {
        Some(s) => format!("did you mean \"{}\"?", visible(s)),
        None => {
            let article = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            };
            format!("add {article} {kind} with this id, or link to an existing one")
        }
    }
}

fn check_sets(
    guide: &Guide,
    index: &Index,
    sets: &[(String, String)],
    at: &dyn Fn() -> String,
    note: &dyn Fn() -> String,
    out: &mut Vec<Diagnostic>,
) {
    for (i, (dim, value)) in sets.iter().enumerate() {
        let found = index.dimension(dim);
        if found.is_some_and(|d| index.value(d, value).is_some()) {
            continue;
        }
        let (at, note) = (at(), note());
        match found {
            None => out.push(
                Diagnostic::new(
                    Code::UnknownValue,
                    format!("there is no dimension \"{}\"", visible(dim)),
                )
                .at(format!("{at}.sets[{i}][0]"), "unknown dimension")
                .help(suggestion(
                    dim,
                    guide.dimensions.iter().map(|d| d.id.as_str()),
                    "dimension",
                ))
                .note(note.to_string()),
            ),
            Some(d) if index.value(d, value).is_none() => out.push(
                Diagnostic::new(
                    Code::UnknownValue,
                    format!("dimension \"{dim}\" has no value \"{}\"", visible(value)),
                )
                .at(format!("{at}.sets[{i}][1]"), "unknown value")
                .help(
                    match did_you_mean(
                        value,
                        guide.dimensions[d].values.iter().map(|v| v.id.as_str()),
                    ) {
                        Some(s) => format!("did you mean \"{}\"?", visible(s)),
                        None => format!(
                            "its values are: {}",
                            guide.dimensions[d]
                                .values
                                .iter()
                                .map(|v| v.id.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    },
                )
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
                Diagnostic::new(
                    Code::EmptyText,
                    format!("the title of outcome \"{}\" is empty", outcome.id),
                )
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
                Diagnostic::new(
                    Code::NoProsOrCons,
                    format!("outcome \"{}\" lists no {missing}", outcome.id),
                )
                .at(format!("{at}.id"), format!("no {missing}"))
                .help("every recommendation has trade-offs; people need both sides"),
            );
        }
        for (r, related) in outcome.related.iter().enumerate() {
            if index.outcome(related).is_none() {
                out.push(
                    Diagnostic::new(
                        Code::UnknownRelated,
                        format!(
                            "outcome \"{}\" lists \"{}\" as related, but there is no such outcome",
                            outcome.id,
                            visible(related)
                        ),
                    )
                    .at(format!("{at}.related[{r}]"), "no such outcome")
                    .help(suggestion(
                        related,
                        guide.outcomes.iter().map(|o| o.id.as_str()),
                        "outcome",
                    )),
                );
            }
        }
        check_sets(
            guide,
            index,
            &outcome.sets,
            &|| at.clone(),
            &|| format!("in outcome \"{}\"", outcome.id),
            out,
        );
    }
}

fn check_tests(guide: &Guide, index: &Index, out: &mut Vec<Diagnostic>) {
    for (t, test) in guide.tests.iter().enumerate() {
        let at = format!("tests[{t}]");
        let note = format!("in test case \"{}\"", test.name);
        for (i, (qid, aid)) in test.answers.iter().enumerate() {
            match index.question(qid) {
                None => out.push(
                    Diagnostic::new(
                        Code::TestUnknownAnswer,
                        format!(
                            "the test case answers \"{}\", but there is no such question",
                            visible(qid)
                        ),
                    )
                    .at(format!("{at}.answers[{i}][0]"), "unknown question")
                    .help(suggestion(
                        qid,
                        guide.questions.iter().map(|q| q.id.as_str()),
                        "question",
                    ))
                    .note(note.clone()),
                ),
                Some(q) if !guide.questions[q].answers.iter().any(|a| a.id == *aid) => out.push(
                    Diagnostic::new(
                        Code::TestUnknownAnswer,
                        format!("question \"{qid}\" has no answer \"{}\"", visible(aid)),
                    )
                    .at(format!("{at}.answers[{i}][1]"), "unknown answer")
                    .help(
                        match did_you_mean(
                            aid,
                            guide.questions[q].answers.iter().map(|a| a.id.as_str()),
                        ) {
                            Some(s) => format!("did you mean \"{}\"?", visible(s)),
                            None => format!(
                                "its answers are: {}",
                                guide.questions[q]
                                    .answers
                                    .iter()
                                    .map(|a| a.id.as_str())
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                        },
                    )
                    .note(note.clone()),
                ),
                Some(_) => {}
            }
        }
        if index.outcome(&test.expect).is_none() {
            out.push(
                Diagnostic::new(
                    Code::TestUnknownOutcome,
                    format!(
                        "the test case expects \"{}\", but there is no such outcome",
                        visible(&test.expect)
                    ),
                )
                .at(format!("{at}.expect"), "no such outcome")
                .help(suggestion(
                    &test.expect,
                    guide.outcomes.iter().map(|o| o.id.as_str()),
                    "outcome",
                ))
                .note(note),
            );
        }
    }
}
