//! The result of a walk as Markdown (the hand-out a group keeps) and as JSON (for scripts).
//!
//! Both are built from [`Explanation`], so they say the same as the result screen. Only answers on
//! the current path appear; stale answers never do.

use serde::Serialize;

use super::doc::{Doc, Marker};
use crate::engine::{Explanation, Leads, PlacedBy, Walk};
use crate::guide::Guide;
use crate::locale::{fill, words, Report};

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
    /// Questions answered "not sure yet".
    pub revisit: Vec<&'g str>,
    /// Other answers that would lead to another outcome.
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
    /// The outcome it leads to, or the outcomes it could lead to after more questions.
    pub outcomes: Vec<&'g str>,
    /// True when more questions would be asked first.
    pub more_questions: bool,
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
        path: e
            .path
            .iter()
            .map(|s| {
                let q = &g.questions[s.question];
                StepJson {
                    question: &q.id,
                    answer: &q.answers[s.answer].id,
                    label: &q.answers[s.answer].label,
                }
            })
            .collect(),
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
                let (outcomes, more_questions) = match &c.leads {
                    Leads::Outcome(o) => (vec![g.outcomes[*o].id.as_str()], false),
                    Leads::Questions { outcomes, .. } => (
                        outcomes
                            .iter()
                            .map(|o| g.outcomes[*o].id.as_str())
                            .collect(),
                        true,
                    ),
                };
                ChangeJson {
                    question: &q.id,
                    answer: &q.answers[c.answer].id,
                    outcomes,
                    more_questions,
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

    doc.heading(2, t.why_this_fits);
    for (i, s) in e.path.iter().enumerate() {
        let q = &g.questions[s.question];
        let a = &q.answers[s.answer];
        doc.item(
            Marker::Number(i + 1),
            q.text.as_str(),
            format!("— {}", a.label),
            a.reason.as_str(),
        );
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
        for c in &e.changes {
            let q = &g.questions[c.question];
            let a = &q.answers[c.answer];
            let leads = match &c.leads {
                Leads::Outcome(o) => g.outcomes[*o].title.clone(),
                Leads::Questions { outcomes, .. } => {
                    let titles: Vec<String> = outcomes
                        .iter()
                        .map(|o| g.outcomes[*o].title.clone())
                        .collect();
                    fill(t.after_more_questions, &[("list", &or_list(t, &titles, 3))])
                }
            };
            let text = fill(
                t.if_you_answer,
                &[("answer", &a.label), ("question", &q.text)],
            );
            doc.item(Marker::Bullet, leads, text, "");
        }
    }

    if !e.related.is_empty() {
        doc.heading(2, t.related);
        for &o in &e.related {
            let r = &g.outcomes[o];
            doc.bullet(r.title.as_str(), first_sentence(&r.summary));
        }
    }

    if !outcome.examples.is_empty() {
        doc.heading(2, t.examples);
        for ex in &outcome.examples {
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

    if !outcome.next_steps.is_empty() {
        // Steps for where the group is come first, then steps for everyone, then other places.
        let here = e
            .path
            .iter()
            .rev()
            .map(|s| g.questions[s.question].answers[s.answer].region.as_str())
            .find(|r| !r.is_empty());
        let (mine, others): (Vec<_>, Vec<_>) = outcome.next_steps.iter().partition(|step| {
            here.is_none() || step.place.is_empty() || Some(step.place.as_str()) == here
        });
        let mine = mine
            .iter()
            .filter(|s| !s.place.is_empty())
            .chain(mine.iter().filter(|s| s.place.is_empty()));
        doc.heading(2, t.next_steps);
        for step in mine {
            doc.bullet(step.region.as_str(), step.text.as_str());
        }
        if !others.is_empty() {
            doc.heading(3, t.other_places);
            for step in others {
                doc.bullet(step.region.as_str(), step.text.as_str());
            }
        }
    }
    doc.paragraph(fill(
        t.from_guide,
        &[("title", &g.title), ("version", &g.version)],
    ));
    Some(doc)
}

/// "A, B or C"; past `most` items, "A, B, C or 4 other outcomes".
fn or_list(t: &Report, items: &[String], most: usize) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        _ if items.len() <= most => {
            let (last, rest) = items.split_last().unwrap_or((&items[0], &[]));
            format!("{} {} {last}", rest.join(", "), t.or)
        }
        _ => {
            let more = fill(
                t.other_outcomes,
                &[("n", &(items.len() - most).to_string())],
            );
            format!("{} {} {more}", items[..most].join(", "), t.or)
        }
    }
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
