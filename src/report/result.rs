//! The result of a walk as a document (the result screen, the plain mode, the Markdown hand-out)
//! and as JSON (for scripts).
//!
//! Both are built from [`Explanation`], the result composed for the group, so they say the same
//! as each other and only what is for this group: the items whose conditions hold. Only answers
//! on the current path appear; stale answers never do. Answers to situation questions are shown
//! as "Because you are…"; the other answers as the reasons the result fits; "What would change
//! it" lists one line per other outcome, grouped by the choice to change; next steps for other
//! places come last, under "Other countries".

use serde::Serialize;

use super::doc::{Doc, Marker};
use crate::engine::{shown, Explanation, PlacedBy, Shown, Step, Walk};
use crate::guide::item::{join, key_suffixes, ranks, Item};
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
    /// Every list of texts the result shows, with the items shown to this group, by their
    /// translation keys: items whose condition does not hold are not listed.
    pub shown: Vec<ShownJson>,
    /// The next steps for other places ("Other countries"), by their keys.
    pub other_countries: Vec<String>,
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

/// One list of texts and the items of it shown.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct ShownJson {
    /// The list, as the start of its items' keys: `outcome.keep.pros`.
    pub list: String,
    /// The keys of the items shown, in order: `outcome.keep.pros.0`,
    /// `outcome.keep.pros.when(stage=running).0`.
    pub items: Vec<String>,
}

fn step_json<'g>(g: &'g Guide, s: &Step) -> StepJson<'g> {
    let q = &g.questions[s.question];
    StepJson {
        question: &q.id,
        answer: &q.answers[s.answer].id,
        label: &q.answers[s.answer].label,
    }
}

/// A key made of a list's key and an item's suffix (none for the first paragraph).
fn item_key(list: &str, suffix: &str) -> String {
    if suffix.is_empty() {
        list.to_string()
    } else {
        format!("{list}.{suffix}")
    }
}

/// The keys of the items shown of a list (`paragraph: false`) or a paragraph text.
fn shown_json(list: String, items: &[Item], paragraph: bool, shown: &[usize]) -> ShownJson {
    let suffixes = key_suffixes(items, paragraph);
    ShownJson {
        items: shown
            .iter()
            .filter_map(|&i| suffixes.get(i))
            .map(|s| item_key(&list, s))
            .collect(),
        list,
    }
}

/// The keys of an outcome's examples or next steps at `positions`: records are named by their
/// condition and their place among those with the same one, as translations name them.
fn record_keys<'c>(
    list: &str,
    whens: impl Iterator<Item = Option<&'c crate::guide::Condition>>,
    positions: &[usize],
) -> Vec<String> {
    let ranks = ranks(whens);
    positions
        .iter()
        .filter_map(|&i| ranks.get(i))
        .map(|r| item_key(list, &r.suffix(false)))
        .collect()
}

/// Every list of texts the result shows, with the keys of the items shown.
fn shown_lists(g: &Guide, e: &Explanation) -> Vec<ShownJson> {
    let o = &g.outcomes[e.outcome];
    let at = format!("outcome.{}", o.id);
    let mut lists = vec![
        shown_json(
            format!("{at}.summary"),
            o.summary.items(),
            true,
            &e.texts.summary,
        ),
        shown_json(format!("{at}.fits"), o.fits.items(), true, &e.texts.fits),
        shown_json(format!("{at}.pros"), &o.pros, false, &e.texts.pros),
        shown_json(format!("{at}.cons"), &o.cons, false, &e.texts.cons),
    ];
    for p in &e.profile {
        let Some(v) = p.value else { continue };
        let d = &g.dimensions[p.dimension];
        let value = &d.values[v];
        let at = format!("dimension.{}.value.{}", d.id, value.id);
        lists.push(shown_json(
            format!("{at}.description"),
            value.description.items(),
            true,
            &p.texts.description,
        ));
        lists.push(shown_json(
            format!("{at}.pros"),
            &value.pros,
            false,
            &p.texts.pros,
        ));
        lists.push(shown_json(
            format!("{at}.cons"),
            &value.cons,
            false,
            &p.texts.cons,
        ));
    }
    for (s, shown) in e.path.iter().zip(&e.reasons) {
        let q = &g.questions[s.question];
        let a = &q.answers[s.answer];
        lists.push(shown_json(
            format!("question.{}.answer.{}.reason", q.id, a.id),
            a.reason.items(),
            true,
            shown,
        ));
    }
    lists.push(ShownJson {
        list: format!("{at}.example"),
        items: record_keys(
            &format!("{at}.example"),
            o.examples.iter().map(|x| x.when.as_deref()),
            &e.examples,
        ),
    });
    lists.push(ShownJson {
        list: format!("{at}.step"),
        items: record_keys(
            &format!("{at}.step"),
            o.next_steps.iter().map(|x| x.when.as_deref()),
            &e.next_steps.here,
        ),
    });
    lists
}

/// Builds the JSON shape of a walk's result; `None` until the walk reaches an outcome.
pub fn json(walk: &Walk) -> Option<ResultJson<'_>> {
    let e = Explanation::of(walk)?;
    let g: &Guide = walk.guide();
    let outcome = &g.outcomes[e.outcome];
    let steps_at = format!("outcome.{}.step", outcome.id);
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
        shown: shown_lists(g, &e),
        other_countries: record_keys(
            &steps_at,
            outcome.next_steps.iter().map(|x| x.when.as_deref()),
            &e.next_steps.elsewhere,
        ),
    })
}

/// How much of "What would change it" a document shows: the result screen shows the first
/// lines and says which key shows the rest; every export shows everything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangesShown {
    /// The most lines of changes shown.
    pub lines: usize,
    /// The key that shows the rest, as the footer names it.
    pub key: String,
}

/// The texts of the items shown.
fn texts<'g>(items: &'g [Item], shown: &Shown) -> impl Iterator<Item = &'g str> + 'g {
    shown::texts(items, shown).into_iter()
}

/// The paragraphs shown, joined by blank lines.
fn paragraphs(items: &[Item], shown: &Shown) -> String {
    join(texts(items, shown))
}

/// The paragraphs shown, on one line: for a list item's text or note, which keep no
/// paragraph breaks.
fn inline(items: &[Item], shown: &Shown) -> String {
    texts(items, shown)
        .filter(|t| !t.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The whole result as a document: what the result screen, the Markdown hand-out and the plain
/// mode show, in that order. `None` until the walk reaches an outcome.
pub fn document(walk: &Walk) -> Option<Doc> {
    document_with(walk, None)
}

/// The result as a document, with "What would change it" cut to `changes` lines when given.
pub fn document_with(walk: &Walk, changes: Option<&ChangesShown>) -> Option<Doc> {
    Explanation::of(walk).map(|e| document_of(walk, &e, changes))
}

/// The lines "What would change it" takes in full: one per other outcome, and a heading for
/// each choice that leads to more than one.
pub fn change_lines(e: &Explanation) -> usize {
    e.changes
        .iter()
        .map(|c| match c.outcomes.len() {
            1 => 1,
            n => n + 1,
        })
        .sum()
}

/// The document of an explanation of `walk` (see [`document_with`]).
pub fn document_of(walk: &Walk, e: &Explanation, changes: Option<&ChangesShown>) -> Doc {
    let g: &Guide = walk.guide();
    let t = &words(&g.language).report;
    let outcome = &g.outcomes[e.outcome];
    let reason = |s: &Step| -> String {
        let at = e.path.iter().position(|p| p == s);
        let shown = at.and_then(|i| e.reasons.get(i));
        let items = g.questions[s.question].answers[s.answer].reason.items();
        shown.map_or(String::new(), |shown| inline(items, shown))
    };
    let mut doc = Doc::default();
    doc.heading(1, outcome.title.as_str());
    doc.paragraph(paragraphs(outcome.summary.items(), &e.texts.summary));
    let fits = inline(outcome.fits.items(), &e.texts.fits);
    if !fits.is_empty() {
        doc.item(Marker::Bullet, t.who_it_fits, fits, "");
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
                reason(s),
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
                doc.paragraph(paragraphs(value.description.items(), &p.texts.description));
                for pro in texts(&value.pros, &p.texts.pros) {
                    doc.bullet(t.gives, pro);
                }
                for con in texts(&value.cons, &p.texts.cons) {
                    doc.bullet(t.costs, con);
                }
            }
            None => doc.heading(3, format!("{}: {}", d.name, t.not_placed)),
        }
    }

    let pros: Vec<String> = texts(&outcome.pros, &e.texts.pros)
        .map(str::to_string)
        .collect();
    let cons: Vec<String> = texts(&outcome.cons, &e.texts.cons)
        .map(str::to_string)
        .collect();
    doc.bullets(2, t.pros, &pros);
    doc.bullets(2, t.cons, &cons);

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
                reason(s),
            );
        }
    }

    if !e.unsure.is_empty() {
        doc.heading(2, t.to_revisit);
        for s in &e.unsure {
            let q = &g.questions[s.question];
            doc.item(Marker::Bullet, q.text.as_str(), "", reason(s));
        }
    }

    if !e.changes.is_empty() {
        what_would_change(&mut doc, g, e, changes);
    }

    if !e.related.is_empty() {
        doc.heading(2, t.related);
        for r in &e.related {
            let related = &g.outcomes[r.outcome];
            let summary = paragraphs(related.summary.items(), &r.summary);
            doc.bullet(related.title.as_str(), first_sentence(&summary));
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
    doc
}

/// "What would change it": one line per other outcome, grouped by the choice to change. A
/// choice that leads to one outcome is one line (`Choose “…” at “…” → Outcome`); one that leads
/// to several is a heading with a line per outcome. With a limit, lines stop before it is passed
/// and a last line says how many outcomes are left and which key shows them.
fn what_would_change(doc: &mut Doc, g: &Guide, e: &Explanation, limit: Option<&ChangesShown>) {
    let t = &words(&g.language).report;
    doc.heading(2, t.what_would_change);
    doc.paragraph(t.other_outcomes.of(e.other_outcomes()));
    let room = limit.map_or(usize::MAX, |l| l.lines.max(1));
    let mut used = 0;
    let mut hidden = 0;
    // Once a line is left out, every later one is too: the most direct changes come first.
    let arrow = |o: &crate::engine::OtherOutcome| {
        let title = &g.outcomes[o.outcome].title;
        if o.after_more_questions {
            format!("→ {title} {}", t.after_more_questions)
        } else {
            format!("→ {title}")
        }
    };
    for c in &e.changes {
        let q = &g.questions[c.question];
        let a = &q.answers[c.answer];
        let choose = fill(
            t.choose_instead,
            &[("answer", &a.label), ("question", &q.text)],
        );
        match c.outcomes.as_slice() {
            all if hidden > 0 => hidden += all.len(),
            [one] if used < room => {
                doc.item(Marker::Bullet, choose, arrow(one), "");
                used += 1;
            }
            many if used + 2 <= room => {
                doc.heading(3, choose);
                used += 1;
                for (i, o) in many.iter().enumerate() {
                    if used >= room {
                        hidden += many.len() - i;
                        break;
                    }
                    doc.item(Marker::Bullet, "", arrow(o), "");
                    used += 1;
                }
            }
            all => hidden += all.len(),
        }
    }
    if let (Some(limit), true) = (limit, hidden > 0) {
        doc.paragraph(fill(&t.more_changes.of(hidden), &[("key", &limit.key)]));
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
