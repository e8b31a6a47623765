//! Reports of workshop sessions: a hand-out for one group, a comparison across several.
//!
//! Only answers on each group's path count (stale answers never do). The comparison says which
//! outcome each group reached, how each question was answered across groups, where groups split
//! (answered the same question differently), and puts the notes side by side.

use std::collections::BTreeMap;

use serde::Serialize;

use super::doc::{Block, Doc, Marker};
use super::result;
use crate::engine::session::{Record, Session};
use crate::engine::Walk;
use crate::guide::Guide;
use crate::locale::{fill, words};

/// A session's tallies for one question as text: `Label 5 · Other 2`.
fn tally_text(guide: &Guide, record: &Record, question: usize) -> String {
    count_text(guide, question, |q, a| record.hands(q, a))
}

/// A session's remote votes (`facilitate --serve`) for one question as text, as hands are.
fn online_text(guide: &Guide, record: &Record, question: usize) -> String {
    count_text(guide, question, |q, a| record.online(q, a))
}

/// Counts per answer of a question as text, answers with none left out.
fn count_text(guide: &Guide, question: usize, count: impl Fn(&str, &str) -> u32) -> String {
    let q = &guide.questions[question];
    q.answers
        .iter()
        .filter_map(|a| {
            let n = count(&q.id, &a.id);
            (n > 0).then(|| format!("{} {n}", a.label))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The hands and the remote votes of a question, as a hand-out's or a comparison's note says
/// them.
fn counts_note(guide: &Guide, record: &Record, question: usize) -> Vec<String> {
    let language = &guide.language;
    let mut note = Vec::new();
    let tally = tally_text(guide, record, question);
    if !tally.is_empty() {
        note.push(format!("{}: {tally}", words(language).report.hands));
    }
    let online = online_text(guide, record, question);
    if !online.is_empty() {
        note.push(format!("{}: {online}", words(language).room.report_online));
    }
    note
}

/// The hand-out of one session: its walk and its record.
pub fn handout(walk: &Walk, record: &Record) -> Doc {
    let guide: &Guide = walk.guide();
    let w = &words(&guide.language).report;
    let mut doc = Doc::default();
    let title = if record.group.is_empty() {
        guide.title.clone()
    } else {
        format!("{} — {}", record.group, guide.title)
    };
    doc.heading(1, title);
    let date = record.created.get(..10).unwrap_or(&record.created);
    doc.paragraph(fill(
        w.session_of,
        &[("date", &date), ("version", &guide.version)],
    ));

    doc.heading(2, w.answers);
    for (i, step) in walk.review().iter().enumerate() {
        let q = &guide.questions[step.question];
        let mut note = counts_note(guide, record, step.question);
        if let Some(secs) = record.seconds.get(&q.id).filter(|s| **s >= 60) {
            note.push(format!("{} {}", secs / 60, w.minutes));
        }
        if let Some(n) = record.notes.get(&q.id) {
            note.push(format!("{}: {n}", w.note));
        }
        doc.item(
            Marker::Number(i + 1),
            q.text.as_str(),
            format!("— {}", q.answers[step.answer].label),
            note.join(" · "),
        );
    }
    if !record.kept.is_empty() {
        doc.heading(3, w.kept);
        for (q, a) in &record.kept {
            doc.bullet(q.as_str(), a.as_str());
        }
    }
    match result::document(walk) {
        Some(result) => {
            // The result's own title becomes a section of the hand-out.
            for block in result.blocks {
                doc.blocks.push(match block {
                    Block::Heading { level, text } => Block::Heading {
                        level: (level + 1).min(4),
                        text,
                    },
                    other => other,
                });
            }
        }
        None => doc.paragraph(w.no_result),
    }
    doc
}

/// Gives every session a distinct group name for a comparison: an empty name becomes the
/// session file's name (`fallbacks`, one per session), and a repeated one gets " (2)", " (3)"...
pub fn name_groups(sessions: &mut [Session], fallbacks: &[String]) {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (i, s) in sessions.iter_mut().enumerate() {
        let s = &mut s.record;
        if s.group.trim().is_empty() {
            s.group = fallbacks
                .get(i)
                .cloned()
                .unwrap_or_else(|| format!("{}", i + 1));
        }
        let n = seen.entry(s.group.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            s.group = format!("{} ({n})", s.group);
        }
    }
}

/// The comparison of several sessions of the same guide.
pub fn comparison(sessions: &[Session]) -> Doc {
    let mut doc = Doc::default();
    let Some(first) = sessions.first() else {
        return doc;
    };
    let guide: &Guide = first.walk.guide();
    let w = &words(&guide.language).report;
    doc.heading(
        1,
        format!(
            "{} — {}",
            fill(w.comparison, &[("n", &sessions.len().to_string())]),
            guide.title
        ),
    );

    doc.heading(2, w.outcomes);
    for s in sessions {
        let outcome = s.walk.outcome().map_or_else(
            || w.no_result.to_string(),
            |o| guide.outcomes[o].title.clone(),
        );
        doc.bullet(group_name(s), outcome);
    }
    for (title, n) in outcome_counts(sessions) {
        doc.item(
            Marker::Bullet,
            title,
            format!("{n} {}", if n == 1 { w.group } else { w.groups }),
            "",
        );
    }

    doc.heading(2, w.by_question);
    for (q, question) in guide.questions.iter().enumerate() {
        let chosen: Vec<Option<usize>> = sessions.iter().map(|s| on_path(s, q)).collect();
        if chosen.iter().all(Option::is_none) {
            continue;
        }
        doc.heading(3, question.text.as_str());
        for (s, answer) in sessions.iter().zip(&chosen) {
            let label = answer.map_or(w.not_asked, |a| question.answers[a].label.as_str());
            doc.item(
                Marker::Bullet,
                group_name(s),
                label,
                counts_note(guide, &s.record, q).join(" · "),
            );
        }
        let answered: Vec<usize> = chosen.iter().flatten().copied().collect();
        let split = answered.windows(2).any(|p| p[0] != p[1]);
        doc.paragraph(match (split, answered.len()) {
            (true, _) => w.split,
            (false, 1) => w.only_one,
            (false, _) => w.agreed,
        });
    }

    let with_notes: Vec<&crate::guide::Question> = guide
        .questions
        .iter()
        .filter(|q| sessions.iter().any(|s| s.record.notes.contains_key(&q.id)))
        .collect();
    if !with_notes.is_empty() {
        doc.heading(2, w.notes);
        for q in with_notes {
            doc.heading(3, q.text.as_str());
            for s in sessions {
                if let Some(n) = s.record.notes.get(&q.id) {
                    doc.bullet(group_name(s), n.as_str());
                }
            }
        }
    }
    doc
}

fn group_name(s: &Session) -> &str {
    if s.record.group.is_empty() {
        "—"
    } else {
        &s.record.group
    }
}

/// The answer a session gave to a question, if the question is on its path.
fn on_path(s: &Session, question: usize) -> Option<usize> {
    s.walk
        .review()
        .iter()
        .find(|st| st.question == question)
        .map(|st| st.answer)
}

/// Outcomes reached and how many groups reached each, most first.
pub fn outcome_counts(sessions: &[Session]) -> Vec<(String, usize)> {
    let Some(first) = sessions.first() else {
        return Vec::new();
    };
    let guide = first.walk.guide();
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for s in sessions {
        if let Some(o) = s.walk.outcome() {
            *counts.entry(o).or_insert(0) += 1;
        }
    }
    let mut list: Vec<(String, usize)> = counts
        .into_iter()
        .map(|(o, n)| (guide.outcomes[o].title.clone(), n))
        .collect();
    list.sort_by_key(|entry| std::cmp::Reverse(entry.1));
    list
}

/// The comparison as JSON.
#[derive(Debug, Serialize)]
pub struct ComparisonJson {
    /// The guide's id.
    pub guide: String,
    /// One entry per session.
    pub sessions: Vec<SessionJson>,
    /// Outcome id → number of groups.
    pub outcomes: BTreeMap<String, usize>,
    /// Per question on any path: group → answer id, and whether groups split.
    pub questions: Vec<QuestionJson>,
}

/// One session in the comparison.
#[derive(Debug, Serialize)]
pub struct SessionJson {
    /// The group.
    pub group: String,
    /// The outcome id, or null.
    pub outcome: Option<String>,
    /// `[question, answer]` on the path.
    pub answers: Vec<[String; 2]>,
    /// Notes by question id.
    pub notes: BTreeMap<String, String>,
}

/// One question across groups.
#[derive(Debug, Serialize)]
pub struct QuestionJson {
    /// The question's id.
    pub id: String,
    /// Group → answer id (groups not asked are left out).
    pub answers: BTreeMap<String, String>,
    /// Raised hands: group → answer id → hands.
    pub hands: BTreeMap<String, BTreeMap<String, u32>>,
    /// Remote votes (`facilitate --serve`): group → answer id → votes; left out when none.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub online: BTreeMap<String, BTreeMap<String, u32>>,
    /// True when groups answered differently.
    pub split: bool,
}

/// Builds the JSON comparison (one session gives a list of one).
pub fn comparison_json(sessions: &[Session]) -> ComparisonJson {
    let guide_id = sessions
        .first()
        .map(|s| s.walk.guide().id.clone())
        .unwrap_or_default();
    let mut outcomes = BTreeMap::new();
    let mut out_sessions = Vec::new();
    for s in sessions {
        let g = s.walk.guide();
        let outcome = s.walk.outcome().map(|o| g.outcomes[o].id.clone());
        if let Some(o) = &outcome {
            *outcomes.entry(o.clone()).or_insert(0) += 1;
        }
        out_sessions.push(SessionJson {
            group: s.record.group.clone(),
            outcome,
            answers: s
                .walk
                .review()
                .iter()
                .map(|st| {
                    [
                        g.questions[st.question].id.clone(),
                        g.questions[st.question].answers[st.answer].id.clone(),
                    ]
                })
                .collect(),
            notes: s.record.notes.clone(),
        });
    }
    let mut questions = Vec::new();
    if let Some(first) = sessions.first() {
        let g = first.walk.guide();
        for (q, question) in g.questions.iter().enumerate() {
            let mut answers = BTreeMap::new();
            let mut hands = BTreeMap::new();
            let mut online = BTreeMap::new();
            for s in sessions {
                if let Some(o) = s.record.online.get(&question.id) {
                    online.insert(s.record.group.clone(), o.votes.clone());
                }
                if let Some(a) = on_path(s, q) {
                    answers.insert(s.record.group.clone(), question.answers[a].id.clone());
                }
                if let Some(t) = s.record.tallies.get(&question.id) {
                    hands.insert(s.record.group.clone(), t.clone());
                }
            }
            if answers.is_empty() {
                continue;
            }
            let mut distinct: Vec<&String> = answers.values().collect();
            distinct.sort();
            distinct.dedup();
            questions.push(QuestionJson {
                id: question.id.clone(),
                split: distinct.len() > 1,
                answers,
                hands,
                online,
            });
        }
    }
    ComparisonJson {
        guide: guide_id,
        sessions: out_sessions,
        outcomes,
        questions,
    }
}
