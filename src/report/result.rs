//! The result of a walk as Markdown (the hand-out a group keeps) and as JSON (for scripts).
//!
//! Both are built from [`Explanation`], so they say the same as the result screen. Only answers on
//! the current path appear; stale answers never do. Answers to situation questions are shown as
//! "Because you are…"; the other answers as the reasons the result fits; "What would change it"
//! lists one line per other outcome, under the choice to change.

use serde::Serialize;

use super::doc::{Doc, Marker};
use crate::engine::{Explanation, PlacedBy, Step, Walk};
use crate::guide::Guide;
use crate::locale::{fill, words};

/// The result as JSON sees it.
#[derive(Debug, Serialize)]
pub struct ResultJson<'g> {
    /// The guide walked.
    pub guide: GuideRef<'g>,
    /// The outcome reached.
    pub outcome: Named<'g>,
    /// The group's place on each dimension (`value` is null where nothing placed it).
    pub dimensions: Vec<DimensionJson<'g>>,
    /// The questions asked and the answers chosen, in order.
    pub path: Vec<StepJson<'g>>,
    /// The answers to situation questions ("Because you are…"), in order.
    pub situation: Vec<StepJson<'g>>,
    /// Questions answered "not sure yet".
    pub revisit: Vec<&'g str>,
    /// Choices that would lead to other outcomes, grouped by the answer to change.
    pub changes: Vec<ChangeJson<'g>>,
}

/// Which guide, and which version of it.
#[derive(Debug, Serialize)]
pub struct GuideRef<'g> {
    /// The guide's id.
    pub id: &'g str,
    /// The guide's version.
    pub version: &'g str,
    /// The guide's language.
    pub language: &'g str,
}

/// An id with the text people read.
#[derive(Debug, Serialize)]
pub struct Named<'g> {
    /// The id.
    pub id: &'g str,
    /// Its title or label.
    pub title: &'g str,
}

/// One dimension's placement.
#[derive(Debug, Serialize)]
pub struct DimensionJson<'g> {
    /// The dimension's id.
    pub id: &'g str,
    /// The dimension's name.
    pub name: &'g str,
    /// The value, if placed.
    pub value: Option<Named<'g>>,
}

/// One answered question.
#[derive(Debug, Serialize)]
pub struct StepJson<'g> {
    /// The question's id.
    pub question: &'g str,
    /// The chosen answer's id.
    pub answer: &'g str,
    /// The chosen answer's label.
    pub label: &'g str,
}

/// One answer that would change the result.
#[derive(Debug, Serialize)]
pub struct ChangeJson<'g> {
    /// The question.
    pub question: &'g str,
    /// The other answer.
    pub answer: &'g str,
    /// The other answer's label.
    pub label: &'g str,
    /// The other outcomes it leads to (each other outcome is listed under one change only).
    pub outcomes: Vec<OtherJson<'g>>,
}

/// An outcome a change leads to.
#[derive(Debug, Serialize)]
pub struct OtherJson<'g> {
    /// The outcome's id.
    pub id: &'g str,
    /// The outcome's title.
    pub title: &'g str,
    /// True when more questions would be asked first.
    pub after_more_questions: bool,
}

fn step_json<'g>(g: &'g Guide, s: &Step) -> StepJson<'g> {
    let q = &g.questions[s.question];
    StepJson {
        question: &q.id,
        answer: &q.answers[s.answer].id,
        label: &q.answers[s.answer].label,
    }
}

/// Builds the JSON shape of a walk's result; `None` until the walk reaches an outcome.
pub fn json(walk: &Walk) -> Option<ResultJson<'_>> {
    let e = Explanation::of(walk)?;
    let g: &Guide = walk.guide();
    let outcome = &g.outcomes[e.outcome];
    Some(ResultJson {
        guide: GuideRef {
            id: &g.id,
            version: &g.version,
            language: &g.language,
        },
        outcome: Named {
            id: &outcome.id,
            title: &outcome.title,
        },
        dimensions: e
            .profile
            .iter()
            .map(|p| {
                let d = &g.dimensions[p.dimension];
                DimensionJson {
                    id: &d.id,
                    name: &d.name,
                    value: p.value.map(|v| Named {
                        id: &d.values[v].id,
                        title: &d.values[v].label,
                    }),
                }
            })
            .collect(),
        path: e.path.iter().map(|s| step_json(g, s)).collect(),
        situation: e.situation.iter().map(|s| step_json(g, s)).collect(),
        revisit: e
            .unsure
            .iter()
            .map(|s| g.questions[s.question].id.as_str())
            .collect(),
        changes: e
            .changes
            .iter()
            .map(|c| {
                let q = &g.questions[c.question];
                ChangeJson {
                    question: &q.id,
                    answer: &q.answers[c.answer].id,
                    label: &q.answers[c.answer].label,
                    outcomes: c
                        .outcomes
                        .iter()
                        .map(|o| OtherJson {
                            id: &g.outcomes[o.outcome].id,
                            title: &g.outcomes[o.outcome].title,
                            after_more_questions: o.after_more_questions,
                        })
                        .collect(),
                }
            })
            .collect(),
    })
}

/// The whole result as a document: what the result screen, the Markdown hand-out and the plain
/// mode show, in that order. `None` until the walk reaches an outcome.
pub fn document(walk: &Walk) -> Option<Doc> {
    let e = Explanation::of(walk)?;
    let g: &Guide = walk.guide();
    let t = &words(&g.language).report;
    let outcome = &g.outcomes[e.outcome];
    let mut doc = Doc::default();
    doc.heading(1, outcome.title.as_str());
    doc.paragraph(outcome.summary.as_str());
    if !outcome.fits.is_empty() {
        doc.item(Marker::Bullet, t.who_it_fits, outcome.fits.as_str(), "");
    }

    if !e.situation.is_empty() {
        doc.heading(2, t.because_you_are);
        for s in &e.situation {
            let q = &g.questions[s.question];
            let a = &q.answers[s.answer];
            doc.item(
                Marker::Bullet,
                q.text.as_str(),
                format!("— {}", a.label),
                a.reason.as_str(),
            );
        }
    }

    doc.heading(2, t.where_you_stand);
    for p in &e.profile {
        let d = &g.dimensions[p.dimension];
        match p.value {
            Some(v) => {
                let value = &d.values[v];
                let by = match p.by {
                    Some(PlacedBy::Outcome) => format!(" {}", t.implied),
                    _ => String::new(),
                };
                doc.heading(3, format!("{}: {}{by}", d.name, value.label));
                doc.paragraph(value.description.as_str());
                for pro in &value.pros {
                    doc.bullet(t.gives, pro.as_str());
                }
                for con in &value.cons {
                    doc.bullet(t.costs, con.as_str());
                }
            }
            None => doc.heading(3, format!("{}: {}", d.name, t.not_placed)),
        }
    }

    doc.bullets(2, t.pros, &outcome.pros);
    doc.bullets(2, t.cons, &outcome.cons);

    let choices: Vec<&Step> = e
        .path
        .iter()
        .filter(|s| !g.questions[s.question].situation)
        .collect();
    if !choices.is_empty() {
        doc.heading(2, t.why_this_fits);
        for (i, s) in choices.into_iter().enumerate() {
            let q = &g.questions[s.question];
            let a = &q.answers[s.answer];
            doc.item(
                Marker::Number(i + 1),
                q.text.as_str(),
                format!("— {}", a.label),
                a.reason.as_str(),
            );
        }
    }

    if !e.unsure.is_empty() {
        doc.heading(2, t.to_revisit);
        for s in &e.unsure {
            let q = &g.questions[s.question];
            doc.item(
                Marker::Bullet,
                q.text.as_str(),
                "",
                q.answers[s.answer].reason.as_str(),
            );
        }
    }

    if !e.changes.is_empty() {
        doc.heading(2, t.what_would_change);
        doc.paragraph(t.other_outcomes.of(e.other_outcomes()));
        for c in &e.changes {
            let q = &g.questions[c.question];
            let a = &q.answers[c.answer];
            doc.heading(
                3,
                fill(
                    t.choose_instead,
                    &[("answer", &a.label), ("question", &q.text)],
                ),
            );
            for o in &c.outcomes {
                let more = if o.after_more_questions {
                    t.after_more_questions
                } else {
                    ""
                };
                doc.item(
                    Marker::Bullet,
                    g.outcomes[o.outcome].title.as_str(),
                    more,
                    "",
                );
            }
        }
    }

    if !e.related.is_empty() {
        doc.heading(2, t.related);
        for &o in &e.related {
            let r = &g.outcomes[o];
            doc.bullet(r.title.as_str(), first_sentence(&r.summary));
        }
    }

    if !e.examples.is_empty() {
        doc.heading(2, t.examples);
        for ex in e.examples.iter().map(|&i| &outcome.examples[i]) {
            let lead = match ex.year {
                Some(y) => format!("{} ({y})", ex.name),
                None => ex.name.clone(),
            };
            let source = if ex.source.is_empty() {
                String::new()
            } else {
                fill(t.source, &[("source", &ex.source)])
            };
            doc.item(Marker::Bullet, lead, ex.text.as_str(), source);
        }
    }

    // Steps for where the group is come first, then steps for everyone; steps for other places
    // are set apart in one last section.
    if !e.next_steps.here.is_empty() {
        doc.heading(2, t.next_steps);
        for step in e.next_steps.here.iter().map(|&i| &outcome.next_steps[i]) {
            doc.bullet(step.region.as_str(), step.text.as_str());
        }
    }
    if !e.next_steps.elsewhere.is_empty() {
        doc.heading(2, t.other_countries);
        for step in e
            .next_steps
            .elsewhere
            .iter()
            .map(|&i| &outcome.next_steps[i])
        {
            doc.bullet(step.region.as_str(), step.text.as_str());
        }
    }
    doc.paragraph(fill(
        t.from_guide,
        &[("title", &g.title), ("version", &g.version)],
    ));
    Some(doc)
}

/// The whole result as a Markdown hand-out; `None` until the walk reaches an outcome.
pub fn markdown(walk: &Walk) -> Option<String> {
    document(walk).map(|d| d.to_markdown())
}

/// The first sentence of a text, for one-line mentions.
pub fn first_sentence(text: &str) -> &str {
    let para = text.split("\n\n").next().unwrap_or("");
    match para.find(". ") {
        Some(i) => &para[..=i],
        None => para,
    }
}
