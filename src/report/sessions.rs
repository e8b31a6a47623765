//! Reports of workshop sessions: a hand-out for one group, a comparison across several.
//!
//! Only answers on each group's path count (stale answers never do). The comparison says which
//! outcome each group reached, how each question was answered across groups, where groups split
//! (answered the same question differently), and puts the notes side by side.

use std::collections::BTreeMap;

use serde::Serialize;

use super::doc::{Block, Doc, Marker};
use super::result;
use crate::engine::session::count::{Count, Standing};
use crate::engine::session::{Record, Session};
use crate::engine::{Place, Walk};
use crate::guide::Guide;
use crate::locale::{fill, words};

/// A session's counts for one question as text, ties flagged: the hands, then the remote votes
/// (`facilitate --serve`), each list leaving out answers with none — `Hands: Label 5 · Other 2 ·
/// Online: Other 3 (tied)`. `hands` is the word that opens the list of hands. A tie is of the
/// totals, as the recording rule reads them.
fn counts_text(guide: &Guide, record: &Record, question: usize, hands: &str) -> String {
    let words = words(&guide.language);
    let q = &guide.questions[question];
    let counts = record.counts(guide, question);
    let all: Vec<usize> = (0..counts.len()).collect();
    let standing = Standing::of(&counts, &all);
    let list = |source: fn(&Count) -> u32| {
        q.answers
            .iter()
            .zip(&counts)
            .filter(|(_, c)| source(c) > 0)
            .map(|(a, c)| format!("{} {}", a.label, source(c)))
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let mut said = Vec::new();
    let by_hand = list(|c| c.hands);
    if !by_hand.is_empty() {
        said.push(format!("{hands}: {by_hand}"));
    }
    let online = list(|c| c.online);
    if !online.is_empty() {
        said.push(format!("{}: {online}", words.room.report_online));
    }
    let mut text = said.join(" · ");
    if standing.tied() {
        text.push_str(&format!(" ({})", words.report.tied));
    }
    text
}

/// The guide version a session was recorded with.
/// (A file that does not say is taken to be of the guide's own version.)
pub fn recorded_version(walk: &Walk, record: &Record) -> String {
    record
        .older_version
        .clone()
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| walk.guide().version.clone())
}

/// The hand-out of one session: its walk and its record. The answers come with their hand
/// counts and remote votes (ties flagged); the notes and minutes follow in a section of their
/// own; then what an earlier version of the guide asked, with its texts as last seen; then the
/// result.
pub fn handout(walk: &Walk, record: &Record) -> Doc {
    let guide: &Guide = walk.guide();
    let words = words(&guide.language);
    let w = &words.report;
    let mut doc = Doc::default();
    let title = if record.group.is_empty() {
        guide.title.clone()
    } else {
        format!("{} — {}", record.group, guide.title)
    };
    doc.heading(1, title);
    let date = record.created.get(..10).unwrap_or(&record.created);
    let recorded = recorded_version(walk, record);
    doc.paragraph(if recorded == guide.version {
        fill(
            w.session_of,
            &[("date", &date), ("version", &guide.version)],
        )
    } else {
        fill(
            w.session_recorded,
            &[
                ("date", &date),
                ("recorded", &recorded),
                ("version", &guide.version),
            ],
        )
    });

    doc.heading(2, w.answers);
    let mut notes = Vec::new();
    for (i, step) in walk.review().iter().enumerate() {
        let q = &guide.questions[step.question];
        let hands = counts_text(guide, record, step.question, &capitalised(w.hands));
        doc.item(
            Marker::Number(i + 1),
            q.text.as_str(),
            format!("— {}", q.answers[step.answer].label),
            hands,
        );
        let mut said = Vec::new();
        if let Some(secs) = record.seconds.get(&q.id).filter(|s| **s >= 60) {
            said.push(format!("{} {}", secs / 60, w.minutes));
        }
        if let Some(n) = record.notes.get(&q.id) {
            said.push(format!("{}: {n}", w.note));
        }
        if !said.is_empty() {
            notes.push((q.text.clone(), said.join(" · ")));
        }
    }
    if !notes.is_empty() {
        doc.heading(2, w.notes_and_minutes);
        for (question, said) in notes {
            doc.item(Marker::Bullet, question, "", said);
        }
    }
    let earlier = record.earlier(guide);
    if !earlier.is_empty() {
        let f = &words.facilitator;
        doc.heading(2, w.kept);
        for item in earlier {
            let mut said = Vec::new();
            if let Some(answer) = &item.answer {
                let answer = fill(f.quote, &[("text", answer)]);
                said.push(fill(f.earlier_answer, &[("answer", &answer)]));
            }
            if !item.hands.is_empty() {
                said.push(fill(f.earlier_hands, &[("hands", &tally(&item.hands))]));
            }
            if !item.online.is_empty() {
                said.push(fill(f.earlier_online, &[("votes", &tally(&item.online))]));
            }
            if item.seconds >= 60 {
                said.push(fill(
                    f.earlier_minutes,
                    &[("minutes", &(item.seconds / 60))],
                ));
            }
            if let Some(note) = &item.note {
                said.push(fill(f.earlier_note, &[("note", note)]));
            }
            doc.bullet(item.text, said.join(" · "));
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
        None => match &record.reached {
            Some((_, title)) => doc.paragraph(fill(
                w.reached_before,
                &[("outcome", title), ("version", &recorded)],
            )),
            None => doc.paragraph(w.no_result),
        },
    }
    doc
}

/// A word with its first letter in capitals.
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
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
                counts_text(guide, &s.record, q, w.hands),
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
    /// The version of the guide the report was made with.
    pub guide_version: String,
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
    /// The version of the guide the session was recorded with.
    pub guide_version: String,
    /// When the session started (UTC, RFC 3339).
    pub created: String,
    /// True when the session reached its result (with this version of the guide, or the one
    /// it was recorded with).
    pub finished: bool,
    /// The outcome id, or null.
    pub outcome: Option<String>,
    /// The outcome the session recorded, when this version of the guide no longer reaches it.
    pub recorded_outcome: Option<String>,
    /// `[question, answer]` on the path.
    pub answers: Vec<[String; 2]>,
    /// Raised hands by question id, then answer id.
    pub hands: BTreeMap<String, BTreeMap<String, u32>>,
    /// Remote votes (`facilitate --serve`) by question id, then answer id; left out when none.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub online: BTreeMap<String, BTreeMap<String, u32>>,
    /// Seconds spent per question id.
    pub seconds: BTreeMap<String, u64>,
    /// Notes by question id.
    pub notes: BTreeMap<String, String>,
    /// Answers recorded for questions or answers this version of the guide no longer has:
    /// `[question, answer]`.
    pub earlier: Vec<[String; 2]>,
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
        let finished = matches!(s.walk.place(), Place::Result { .. }) || s.record.reached.is_some();
        out_sessions.push(SessionJson {
            group: s.record.group.clone(),
            guide_version: recorded_version(&s.walk, &s.record),
            created: s.record.created.clone(),
            finished,
            recorded_outcome: s
                .record
                .reached
                .as_ref()
                .filter(|_| outcome.is_none())
                .map(|(id, _)| id.clone()),
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
            hands: s
                .record
                .tallies
                .iter()
                .map(|(q, hands)| {
                    let hands: BTreeMap<String, u32> = hands
                        .iter()
                        .filter(|(_, n)| **n > 0)
                        .map(|(a, n)| (a.clone(), *n))
                        .collect();
                    (q.clone(), hands)
                })
                .filter(|(_, hands)| !hands.is_empty())
                .collect(),
            online: s
                .record
                .online
                .iter()
                .map(|(q, o)| {
                    let votes: BTreeMap<String, u32> = o
                        .votes
                        .iter()
                        .filter(|(_, n)| **n > 0)
                        .map(|(a, n)| (a.clone(), *n))
                        .collect();
                    (q.clone(), votes)
                })
                .filter(|(_, votes)| !votes.is_empty())
                .collect(),
            seconds: s.record.seconds.clone(),
            notes: s.record.notes.clone(),
            earlier: s
                .record
                .kept
                .iter()
                .map(|(q, a)| [q.clone(), a.clone()])
                .collect(),
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
        guide_version: sessions
            .first()
            .map(|s| s.walk.guide().version.clone())
            .unwrap_or_default(),
        sessions: out_sessions,
        outcomes,
        questions,
    }
}

/// Counts by label, as a hand-out lists them: "Small 3 · Large 2".
fn tally<L: std::fmt::Display>(counts: &[(L, u32)]) -> String {
    counts
        .iter()
        .map(|(label, n)| format!("{label} {n}"))
        .collect::<Vec<_>>()
        .join(" · ")
}
