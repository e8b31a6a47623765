//! Workshop sessions: what a facilitator records beside the group's walk — raised hands per
//! answer, notes, time spent per question, countdowns, answers kept from an older version of the
//! guide, the group and its language — as pure data, and the session file's format.
//!
//! A [`Record`] is what the facilitator adds; the walk itself is the one [`Walk`] the presenter
//! plays, so there is never a second copy to keep in step. A [`Session`] holds the two together
//! where both are read at once (resuming a file, reports). Nothing here reads or writes a file
//! or reads the clock: [`crate::store`] does, and hands times in as text.
//!
//! The file is RON, versioned (`format: 2`; format 1 files read as well) and readable:
//!
//! ```ron
//! Session(
//!     format: 2,
//!     guide: "coop-varieties",
//!     guide_version: "1.0.0",
//!     group: "Group A",
//!     language: "en",
//!     created: "2026-11-27T10:02:11Z",
//!     updated: "2026-11-27T10:31:40Z",
//!     at: "country",
//!     finished: false,
//!     answers: [("motivation", "mix"), ("aspiration", "life-long")],
//!     tallies: [Tally(question: "motivation", hands: [("mix", 5), ("idealists", 2)])],
//!     online: [Online(question: "motivation", votes: [("mix", 7)])],
//!     notes: [("motivation", "We disagreed on pay ratios.")],
//!     seconds: [("motivation", 240)],
//!     countdowns: [("country", 300)],
//!     result: "",
//!     notes_shown: false,
//!     countdown: Some(Deadline(question: "country", seconds: 300, ends: "2026-11-27T10:36:40Z")),
//!     draft: Some(Draft(question: "country", text: "Two members live abro")),
//!     texts: [Seen(question: "motivation", text: "Why do you want…?", answers: [("mix", "A mix")])],
//! )
//! ```
//!
//! `notes_shown` remembers whether the facilitator notes were on the main screen; `countdown` is
//! the countdown running when the file was saved, by its deadline, so it keeps running while the
//! presenter is closed; `draft` is a note being typed and not yet kept, restored after a crash;
//! `texts` holds each question's text and answers' labels as last seen, for every question the
//! session records something for, so that a later version of the guide that drops or renames
//! them still shows what the group saw. `online` holds the votes of remote participants
//! (`facilitate --serve`) per question: counts by answer and, only when the facilitator asked
//! for them (`--record-names`), who voted for what; it is left out when no one voted.
//!
//! **Resuming on a changed guide.** A session records the guide's id and version. Another guide
//! id is refused. Another version of the same guide resumes: ids from the file are cleaned of
//! control and invisible characters first, then every answer whose question and answer ids still
//! exist is replayed; answers, tallies, notes and times for ids the guide no longer has are *kept
//! in the file* (carried along untouched) and listed with their texts as last seen
//! ([`Record::earlier`]), never dropped and never re-recorded. A finished session whose answers
//! still reach a result reopens at it; otherwise the walk resumes at the recorded question if it
//! is still on the path, else at the first question on the path without an answer.

pub mod count;
pub mod time;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::walk::{Action, Place, Walk};
use crate::guide::diagnostic::Severity;
use crate::guide::source::LineCol;
use crate::guide::text::{sanitize, sanitize_line};
use crate::guide::translation::is_language_tag;
use crate::guide::{Guide, Source};

/// The version of the session file format this build writes and reads.
pub const FORMAT: u32 = 2;

/// A session file as stored.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Session")]
pub struct SessionFile {
    /// Format version.
    pub format: u32,
    /// Id of the guide walked.
    pub guide: String,
    /// Version of the guide when the session was last saved.
    #[serde(default)]
    pub guide_version: String,
    /// The group's name.
    #[serde(default)]
    pub group: String,
    /// Language the guide was shown in.
    #[serde(default)]
    pub language: String,
    /// When the session started (UTC, RFC 3339).
    #[serde(default)]
    pub created: String,
    /// When it was last saved.
    #[serde(default)]
    pub updated: String,
    /// The question shown when saved; empty on the intro, at the review or the result.
    #[serde(default)]
    pub at: String,
    /// True when the result was shown.
    #[serde(default)]
    pub finished: bool,
    /// Every answer recorded, `(question, answer)`, stale ones included.
    #[serde(default)]
    pub answers: Vec<(String, String)>,
    /// Raised hands per answer.
    #[serde(default)]
    pub tallies: Vec<Tally>,
    /// Votes from remote participants per answer (`facilitate --serve`); left out when none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub online: Vec<Online>,
    /// Notes per question.
    #[serde(default)]
    pub notes: Vec<(String, String)>,
    /// Seconds spent per question.
    #[serde(default)]
    pub seconds: Vec<(String, u64)>,
    /// Countdown length per question, in seconds, where one was set.
    #[serde(default)]
    pub countdowns: Vec<(String, u64)>,
    /// The outcome reached, when the walk reached one.
    #[serde(default)]
    pub result: String,
    /// The title of that outcome, as last seen.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub result_title: String,
    /// True when the facilitator notes are shown on the main screen.
    #[serde(default)]
    pub notes_shown: bool,
    /// The countdown running when the session was saved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub countdown: Option<Deadline>,
    /// A note being typed and not yet kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<Draft>,
    /// Question texts and answer labels as last seen.
    #[serde(default)]
    pub texts: Vec<Seen>,
}

/// A countdown by its deadline, so that it keeps running while the presenter is closed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Deadline {
    /// The question it runs on.
    pub question: String,
    /// Its length in seconds.
    pub seconds: u64,
    /// When it ends (UTC, RFC 3339).
    pub ends: String,
}

impl Deadline {
    /// When it ends, in seconds since 1970; `None` when the file's text is not a time.
    pub fn ends_at(&self) -> Option<u64> {
        time::parse_rfc3339(&self.ends)
    }
}

/// A note being typed on a question, saved as it is typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    /// The question the note is on.
    pub question: String,
    /// What was typed so far.
    pub text: String,
}

/// A question's text and some of its answers' labels, as the session last saw them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Seen {
    /// The question's id.
    pub question: String,
    /// Its text.
    pub text: String,
    /// `(answer id, label)` for the answers the session records something for.
    #[serde(default)]
    pub answers: Vec<(String, String)>,
}

/// Votes from remote participants for each answer of one question, and who cast them when the
/// facilitator asked for names to be recorded.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Online {
    /// The question.
    pub question: String,
    /// `(answer, votes)` pairs.
    pub votes: Vec<(String, u32)>,
    /// `(name, answer)` pairs, only when names are recorded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<(String, String)>,
}

/// The remote votes on one question, as the room counts them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OnlineVotes {
    /// Answer id → votes.
    pub votes: BTreeMap<String, u32>,
    /// Participant's name → answer id; empty unless names are recorded.
    pub names: BTreeMap<String, String>,
}

/// Raised hands for each answer of one question.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Tally {
    /// The question.
    pub question: String,
    /// `(answer, hands)` pairs.
    pub hands: Vec<(String, u32)>,
}

/// Why a session file could not be used.
#[derive(Debug)]
pub enum SessionError {
    /// The file could not be read.
    Io(PathBuf, std::io::Error),
    /// The file is not a session file (corrupted, hostile or another kind of file).
    Invalid(String),
    /// The session belongs to another guide.
    OtherGuide {
        /// The guide the session was made with.
        session: String,
        /// The guide offered now.
        guide: String,
    },
    /// Written by a newer version of the app.
    NewerFormat(u32),
}

impl fmt::Display for SessionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SessionError::Io(path, e) => write!(f, "cannot read session `{}`: {e}", sanitize_line(&path.display().to_string())),
            SessionError::Invalid(message) => write!(f, "{message}"),
            SessionError::OtherGuide { session, guide } => write!(
                f,
                "this session was made with the guide \"{}\", not \"{}\"",
                sanitize_line(session),
                sanitize_line(guide)
            ),
            SessionError::NewerFormat(v) => write!(f, "this session was saved in format {v} by a newer coop-guide; this one reads format {FORMAT}"),
        }
    }
}

impl std::error::Error for SessionError {}

/// What a facilitator records beside the group's walk.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Record {
    /// The group's name.
    pub group: String,
    /// The session's language: the one it was started in. Showing it in another language
    /// (`--lang`) changes the screen, not the record.
    pub language: String,
    /// When the session started (UTC, RFC 3339).
    pub created: String,
    /// Raised hands: question → answer → hands.
    pub tallies: BTreeMap<String, BTreeMap<String, u32>>,
    /// Notes per question.
    pub notes: BTreeMap<String, String>,
    /// Seconds spent per question.
    pub seconds: BTreeMap<String, u64>,
    /// Countdown per question, in seconds.
    pub countdowns: BTreeMap<String, u64>,
    /// Remote participants' votes per question (`facilitate --serve`).
    pub online: BTreeMap<String, OnlineVotes>,
    /// Answers from the file whose ids this version of the guide does not have: kept, never lost.
    pub kept: Vec<(String, String)>,
    /// The guide version the file was saved with, when it differs from the guide's.
    pub older_version: Option<String>,
    /// True once the group has gone past the guide's intro (a new session opens on it; a
    /// resumed one never does).
    pub started: bool,
    /// True when the facilitator notes are shown on the main screen.
    pub notes_shown: bool,
    /// The countdown running, by its deadline.
    pub countdown: Option<Deadline>,
    /// A note being typed and not yet kept: question id, text.
    pub draft: Option<(String, String)>,
    /// Question texts and answer labels as last seen: question id → (text, answer id → label).
    pub seen: BTreeMap<String, (String, BTreeMap<String, String>)>,
    /// The result the file recorded, when the session was finished: outcome id and title. Kept
    /// to say what the group had reached when this version of the guide no longer reaches it.
    pub reached: Option<(String, String)>,
}

/// Something a session recorded that this version of the guide no longer asks: shown on screen
/// and in the hand-out with the texts as last seen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Earlier {
    /// The question's id.
    pub question: String,
    /// Its text as last seen (the id, for a file that never saved its texts).
    pub text: String,
    /// True when the guide still has the question (only an answer of it is gone).
    pub in_guide: bool,
    /// The answer the group gave, when this version no longer has it: its label as last seen.
    pub answer: Option<String>,
    /// Raised hands for answers this version no longer has (every answer, when the question is
    /// gone): label as last seen, hands.
    pub hands: Vec<(String, u32)>,
    /// Remote votes for answers this version no longer has, the same way: label, votes.
    pub online: Vec<(String, u32)>,
    /// The group's note, when the question is gone.
    pub note: Option<String>,
    /// Seconds spent on it, when the question is gone.
    pub seconds: u64,
}

/// A walk and its record, read together: a session resumed from its file, or reported on.
#[derive(Debug, Clone)]
pub struct Session {
    /// The group's walk.
    pub walk: Walk,
    /// What the facilitator recorded.
    pub record: Record,
}

impl Record {
    /// A new record for a group, started at `created` (RFC 3339). The name is untrusted text
    /// (it comes from the command line) and is cleaned.
    pub fn new(guide: &Guide, group: &str, created: String) -> Record {
        Record {
            group: sanitize_line(group).trim().to_string(),
            language: guide.language.clone(),
            created,
            ..Record::default()
        }
    }

    /// The session file for this record and its walk, saved at `updated` (RFC 3339).
    pub fn to_file(&self, walk: &Walk, updated: String) -> SessionFile {
        let guide = walk.guide();
        let mut answers = walk.answers_by_id();
        answers.extend(self.kept.iter().cloned());
        let texts = self.texts(guide, &answers);
        let (at, finished) = match walk.place() {
            Place::Question { .. } if !self.started && answers.is_empty() => (String::new(), false),
            Place::Question { question, .. } => (guide.questions[question].id.clone(), false),
            Place::Review { .. } => (String::new(), false),
            Place::Result { .. } => (String::new(), true),
        };
        SessionFile {
            format: FORMAT,
            guide: guide.id.clone(),
            guide_version: guide.version.clone(),
            group: self.group.clone(),
            language: self.language.clone(),
            created: self.created.clone(),
            updated,
            at,
            finished,
            answers,
            tallies: self
                .tallies
                .iter()
                .filter(|(_, hands)| hands.values().any(|n| *n > 0))
                .map(|(q, hands)| Tally {
                    question: q.clone(),
                    hands: hands
                        .iter()
                        .filter(|(_, n)| **n > 0)
                        .map(|(a, n)| (a.clone(), *n))
                        .collect(),
                })
                .collect(),
            notes: self
                .notes
                .iter()
                .filter(|(_, n)| !n.trim().is_empty())
                .map(|(q, n)| (q.clone(), n.clone()))
                .collect(),
            seconds: self.seconds.iter().map(|(q, s)| (q.clone(), *s)).collect(),
            countdowns: self
                .countdowns
                .iter()
                .map(|(q, s)| (q.clone(), *s))
                .collect(),
            result: walk
                .outcome()
                .map(|o| guide.outcomes[o].id.clone())
                .unwrap_or_default(),
            online: self
                .online
                .iter()
                .filter(|(_, o)| o.votes.values().any(|n| *n > 0))
                .map(|(q, o)| Online {
                    question: q.clone(),
                    votes: o
                        .votes
                        .iter()
                        .filter(|(_, n)| **n > 0)
                        .map(|(a, n)| (a.clone(), *n))
                        .collect(),
                    names: o
                        .names
                        .iter()
                        .map(|(n, a)| (n.clone(), a.clone()))
                        .collect(),
                })
                .collect(),
            result_title: walk
                .outcome()
                .map(|o| guide.outcomes[o].title.clone())
                .unwrap_or_default(),
            notes_shown: self.notes_shown,
            countdown: self.countdown.clone(),
            draft: self
                .draft
                .as_ref()
                .filter(|(_, text)| !text.is_empty())
                .map(|(question, text)| Draft {
                    question: question.clone(),
                    text: text.clone(),
                }),
            texts,
        }
    }

    /// The texts to save: for every question the session records something for, its text and
    /// the labels of the answers it records something for — from this guide where it has them,
    /// else as last seen.
    fn texts(&self, guide: &Guide, answers: &[(String, String)]) -> Vec<Seen> {
        let mut wanted: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for (q, a) in answers {
            wanted.entry(q).or_default().insert(a);
        }
        // What the file keeps, as `to_file` writes it: hands counted, remote votes cast, notes
        // with words in them, a draft with something typed (else a reopened session would drop the texts
        // saved for them, and the file would change at every save).
        for (q, hands) in &self.tallies {
            let mut counted = hands
                .iter()
                .filter(|(_, n)| **n > 0)
                .map(|(a, _)| a.as_str())
                .peekable();
            if counted.peek().is_some() {
                wanted.entry(q).or_default().extend(counted);
            }
        }
        for (q, online) in &self.online {
            let mut voted = online
                .votes
                .iter()
                .filter(|(_, n)| **n > 0)
                .map(|(a, _)| a.as_str())
                .peekable();
            if voted.peek().is_some() {
                wanted.entry(q).or_default().extend(voted);
            }
        }
        let noted = self.notes.iter().filter(|(_, n)| !n.trim().is_empty());
        for q in noted.map(|(q, _)| q).chain(self.seconds.keys()) {
            wanted.entry(q).or_default();
        }
        if let Some((q, _)) = self.draft.as_ref().filter(|(_, text)| !text.is_empty()) {
            wanted.entry(q).or_default();
        }
        wanted
            .into_iter()
            .filter_map(|(q, answers)| {
                let current = guide.index.question(q).map(|i| &guide.questions[i]);
                let before = self.seen.get(q);
                let text = current
                    .map(|c| c.text.clone())
                    .or_else(|| before.map(|(text, _)| text.clone()))?;
                let answers = answers
                    .into_iter()
                    .filter_map(|a| {
                        let label = current
                            .and_then(|c| c.answers.iter().find(|x| x.id == a))
                            .map(|x| x.label.clone())
                            .or_else(|| before.and_then(|(_, l)| l.get(a).cloned()))?;
                        Some((a.to_string(), label))
                    })
                    .collect();
                Some(Seen {
                    question: q.to_string(),
                    text,
                    answers,
                })
            })
            .collect()
    }

    /// Adds (or with a negative `delta`, removes) raised hands for an answer of a question.
    pub fn add_hands(&mut self, question: &str, answer: &str, delta: i32) {
        let hands = self
            .tallies
            .entry(question.to_string())
            .or_default()
            .entry(answer.to_string())
            .or_insert(0);
        *hands = hands.saturating_add_signed(delta);
    }

    /// Raised hands for an answer.
    pub fn hands(&self, question: &str, answer: &str) -> u32 {
        self.tallies
            .get(question)
            .and_then(|t| t.get(answer))
            .copied()
            .unwrap_or(0)
    }

    /// Remote participants' votes for an answer.
    pub fn online(&self, question: &str, answer: &str) -> u32 {
        self.online
            .get(question)
            .and_then(|o| o.votes.get(answer))
            .copied()
            .unwrap_or(0)
    }

    /// What an answer has from every source: raised hands and remote votes. Its
    /// [`count::Count::total`] is the number the recording rule reads.
    pub fn count(&self, question: &str, answer: &str) -> count::Count {
        count::Count {
            hands: self.hands(question, answer),
            online: self.online(question, answer),
        }
    }

    /// The counts of each answer of a question of `guide` (hands and remote votes), in the
    /// guide's order, as the recording rule reads them.
    pub fn counts(&self, guide: &Guide, question: usize) -> Vec<count::Count> {
        let q = &guide.questions[question];
        q.answers.iter().map(|a| self.count(&q.id, &a.id)).collect()
    }

    /// The answer with the largest count (hands and remote votes together) for a question of
    /// `guide`, if one has strictly more than every other (a tie leaves the choice to the
    /// facilitator). Position in the question's answers.
    pub fn leading_answer(&self, guide: &Guide, question: usize) -> Option<usize> {
        let counts = self.counts(guide, question);
        let all: Vec<usize> = (0..counts.len()).collect();
        count::Standing::of(&counts, &all).leader()
    }

    /// What the session recorded that this version of the guide no longer asks, with the texts
    /// as last seen: questions it no longer has (their answer, hands, note and time), and
    /// answers it no longer has of questions it still asks (the answer given, the hands). In
    /// the order the answers were recorded, then the questions' ids.
    pub fn earlier(&self, guide: &Guide) -> Vec<Earlier> {
        let mut order: Vec<&str> = self.kept.iter().map(|(q, _)| q.as_str()).collect();
        let mut rest: BTreeSet<&str> = self.tallies.keys().map(String::as_str).collect();
        rest.extend(self.online.keys().map(String::as_str));
        rest.extend(self.notes.keys().map(String::as_str));
        rest.extend(self.seconds.keys().map(String::as_str));
        order.extend(rest);
        let mut seen_question = BTreeSet::new();
        order.retain(|q| seen_question.insert(*q));
        order
            .into_iter()
            .filter_map(|q| self.earlier_question(guide, q))
            .collect()
    }

    fn earlier_question(&self, guide: &Guide, question: &str) -> Option<Earlier> {
        let current = guide.index.question(question).map(|i| &guide.questions[i]);
        let seen = self.seen.get(question);
        let label = |a: &str| {
            seen.and_then(|(_, labels)| labels.get(a).cloned())
                .unwrap_or_else(|| a.to_string())
        };
        let gone = |a: &str| current.is_none_or(|q| q.answers.iter().all(|x| x.id != a));
        let answer = self
            .kept
            .iter()
            .find(|(q, a)| q == question && gone(a))
            .map(|(_, a)| label(a));
        let hands: Vec<(String, u32)> = self
            .tallies
            .get(question)
            .into_iter()
            .flatten()
            .filter(|(a, n)| **n > 0 && gone(a))
            .map(|(a, n)| (label(a), *n))
            .collect();
        let online: Vec<(String, u32)> = self
            .online
            .get(question)
            .into_iter()
            .flat_map(|o| &o.votes)
            .filter(|(a, n)| **n > 0 && gone(a))
            .map(|(a, n)| (label(a), *n))
            .collect();
        let (note, seconds) = match current {
            Some(_) => (None, 0),
            None => (
                self.notes.get(question).cloned(),
                self.seconds.get(question).copied().unwrap_or(0),
            ),
        };
        if answer.is_none()
            && hands.is_empty()
            && online.is_empty()
            && note.is_none()
            && seconds == 0
        {
            return None;
        }
        let text = current
            .map(|q| q.text.clone())
            .or_else(|| seen.map(|(text, _)| text.clone()))
            .unwrap_or_else(|| question.to_string());
        Some(Earlier {
            question: question.to_string(),
            text,
            in_guide: current.is_some(),
            answer,
            hands,
            online,
            note,
            seconds,
        })
    }

    /// The answer the group gave to a question of this guide with an earlier version, when this
    /// version no longer has that answer: its label as last seen.
    pub fn earlier_answer(&self, guide: &Guide, question: usize) -> Option<String> {
        let q = guide.questions.get(question)?;
        self.earlier_question(guide, &q.id)?.answer
    }

    /// Adds seconds spent on a question.
    pub fn add_seconds(&mut self, question: &str, seconds: u64) {
        let total = self.seconds.entry(question.to_string()).or_insert(0);
        *total = total.saturating_add(seconds);
    }

    /// True when anything was recorded: hands, remote votes, notes, times, countdowns or kept
    /// answers.
    pub fn has_entries(&self) -> bool {
        !self.kept.is_empty()
            || !self.tallies.is_empty()
            || !self.notes.is_empty()
            || !self.seconds.is_empty()
            || !self.countdowns.is_empty()
            || !self.online.is_empty()
    }
}

impl Session {
    /// A new session for a group at the guide's first question, started at `created`.
    pub fn new(guide: Arc<Guide>, group: &str, created: String) -> Session {
        Session {
            record: Record::new(&guide, group, created),
            walk: Walk::new(guide),
        }
    }

    /// Resumes a session from its file on a guide (see the module's policy).
    pub fn resume(guide: Arc<Guide>, file: SessionFile) -> Result<Session, SessionError> {
        if file.guide != guide.id {
            return Err(SessionError::OtherGuide {
                session: file.guide,
                guide: guide.id.clone(),
            });
        }
        // One-line fields lose newlines too; notes keep their paragraphs. Ids are cleaned
        // before they are matched, so an id with an invisible character is the id it looks
        // like, never a look-alike kept beside it.
        let clean = |s: &str| sanitize_line(s);
        let mut walk = Walk::new(Arc::clone(&guide));
        let mut kept = Vec::new();
        for (q, a) in &file.answers {
            let (q, a) = (clean(q), clean(a));
            if !walk.record(&q, &a) && !kept.contains(&(q.clone(), a.clone())) {
                kept.push((q, a));
            }
        }
        walk.skip_answered();
        if file.finished && walk.outcome().is_some() {
            walk.apply(Action::Confirm);
        } else if let Some(q) = guide.index.question(&clean(&file.at)) {
            walk.go_to(q);
        }
        let older_version =
            (file.guide_version != guide.version).then(|| clean(&file.guide_version));
        let reached = (file.finished && !file.result.is_empty()).then(|| {
            let id = clean(&file.result);
            let title = guide
                .index
                .outcome(&id)
                .map(|o| guide.outcomes[o].title.clone())
                .or_else(|| Some(clean(&file.result_title)).filter(|t| !t.is_empty()))
                .unwrap_or_else(|| id.clone());
            (id, title)
        });
        let record = Record {
            group: clean(&file.group),
            language: if is_language_tag(&file.language) {
                file.language.clone()
            } else {
                guide.language.clone()
            },
            created: clean(&file.created),
            tallies: {
                let mut tallies: BTreeMap<String, BTreeMap<String, u32>> = BTreeMap::new();
                for t in &file.tallies {
                    let hands = tallies.entry(clean(&t.question)).or_default();
                    for (a, n) in &t.hands {
                        let total = hands.entry(clean(a)).or_insert(0);
                        *total = total.saturating_add(*n);
                    }
                }
                tallies
            },
            notes: file
                .notes
                .iter()
                .map(|(q, n)| (clean(q), sanitize(n).into_owned()))
                .collect(),
            seconds: file.seconds.iter().map(|(q, s)| (clean(q), *s)).collect(),
            countdowns: file
                .countdowns
                .iter()
                .map(|(q, s)| (clean(q), *s))
                .collect(),
            // A question or an answer said twice (or two ids that clean to one) adds up, as
            // hands do.
            online: {
                let mut online: BTreeMap<String, OnlineVotes> = BTreeMap::new();
                for o in &file.online {
                    let votes = online.entry(clean(&o.question)).or_default();
                    for (a, n) in &o.votes {
                        let total = votes.votes.entry(clean(a)).or_insert(0);
                        *total = total.saturating_add(*n);
                    }
                    votes
                        .names
                        .extend(o.names.iter().map(|(n, a)| (clean(n), clean(a))));
                }
                online
            },
            kept,
            older_version,
            started: !file.at.is_empty() || !file.answers.is_empty() || file.finished,
            notes_shown: file.notes_shown,
            countdown: file.countdown.as_ref().map(|d| Deadline {
                question: clean(&d.question),
                seconds: d.seconds,
                ends: clean(&d.ends),
            }),
            draft: file
                .draft
                .as_ref()
                .map(|d| (clean(&d.question), sanitize_line(&d.text)))
                .filter(|(_, text)| !text.is_empty()),
            seen: file
                .texts
                .iter()
                .map(|seen| {
                    let answers = seen
                        .answers
                        .iter()
                        .map(|(a, label)| (clean(a), clean(label)))
                        .collect();
                    (clean(&seen.question), (clean(&seen.text), answers))
                })
                .collect(),
            reached,
        };
        Ok(Session { walk, record })
    }

    /// The session file, saved at `updated`.
    pub fn to_file(&self, updated: String) -> SessionFile {
        self.record.to_file(&self.walk, updated)
    }
}

impl SessionFile {
    /// Parses a session file's text; `name` is the file's name for messages.
    pub fn parse(name: &str, text: &str) -> Result<SessionFile, SessionError> {
        if text.trim().is_empty() {
            return Err(SessionError::Invalid(format!(
                "`{}` is empty, not a session file",
                sanitize_line(name)
            )));
        }
        // The tolerant reader the guides use: its messages speak of the file's own parts
        // (`Tally( ... )`, `hands`), never of the types behind them.
        let read = crate::guide::syntax::read::<SessionFile>(text);
        if let Some(file) = read.value.as_ref().filter(|f| f.format > FORMAT) {
            return Err(SessionError::NewerFormat(file.format));
        }
        let error = read
            .diagnostics
            .iter()
            .find(|d| d.severity() == Severity::Error);
        match (read.value, error) {
            (Some(file), None) => Ok(file),
            (_, error) => {
                let source = Source::new(name, text);
                let (message, at) = error.map_or_else(
                    || ("it holds no session".to_string(), LineCol::default()),
                    |d| {
                        let at = d.span().map(|s| source.line_col(s.start));
                        (d.message.clone(), at.unwrap_or_default())
                    },
                );
                Err(SessionError::Invalid(format!(
                    "`{}` is not a valid session file: {} (line {}, column {})",
                    sanitize_line(name),
                    sanitize_line(&message),
                    at.line,
                    at.col
                )))
            }
        }
    }

    /// The file's text: readable RON under a one-line comment.
    pub fn to_text(&self) -> String {
        let config = ron::ser::PrettyConfig::new()
            .new_line("\n".to_string())
            .indentor("    ".to_string())
            .struct_names(true);
        // Every field is a string, a number, a bool or a list of them: serialising cannot fail.
        let body = ron::ser::to_string_pretty(self, config).unwrap_or_default();
        format!(
            "// A coop-guide workshop session. `coop-guide report FILE` turns it into a hand-out.\n{body}\n"
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::check_path;
    use std::path::Path;

    fn guide() -> Arc<Guide> {
        Arc::new(
            check_path(Path::new("guides/decision-making.ron"))
                .guide
                .expect("guide"),
        )
    }

    #[test]
    fn a_record_and_its_walk_round_trip_through_the_file_text() {
        let mut session = Session::new(guide(), "A", "2026-01-01T00:00:00Z".into());
        session.walk.apply(Action::Choose(0));
        session.record.add_hands("size", "small", 3);
        let text = session.to_file("2026-01-01T00:01:00Z".into()).to_text();
        let back = Session::resume(guide(), SessionFile::parse("s", &text).expect("parses"))
            .expect("resumes");
        assert_eq!(back.walk.answers_by_id(), session.walk.answers_by_id());
        assert_eq!(back.record.hands("size", "small"), 3);
        assert_eq!(back.record.created, "2026-01-01T00:00:00Z");
    }

    #[test]
    fn remote_votes_round_trip_and_count_with_the_hands() {
        let mut session = Session::new(guide(), "A", "2026-01-01T00:00:00Z".into());
        session.record.add_hands("size", "small", 2);
        session.record.online.insert(
            "size".into(),
            OnlineVotes {
                votes: BTreeMap::from([("large".into(), 3), ("small".into(), 0)]),
                names: BTreeMap::from([("Ana".into(), "large".into())]),
            },
        );
        let size = session.walk.guide().index.question("size").expect("size");
        // Two hands for "small", three votes for "large": the sum decides.
        assert_eq!(
            session.record.leading_answer(session.walk.guide(), size),
            Some(1)
        );
        let text = session.to_file("2026-01-01T00:01:00Z".into()).to_text();
        assert!(text.contains("online: ["), "{text}");
        assert!(
            !text.contains("(\"small\", 0)"),
            "empty counts are left out: {text}"
        );
        let back = Session::resume(guide(), SessionFile::parse("s", &text).expect("parses"))
            .expect("resumes");
        assert_eq!(back.record.online("size", "large"), 3);
        assert_eq!(back.record.count("size", "small").total(), 2);
        assert_eq!(
            back.record.online["size"]
                .names
                .get("Ana")
                .map(String::as_str),
            Some("large")
        );
    }

    #[test]
    fn a_session_without_remote_votes_has_no_online_field() {
        let session = Session::new(guide(), "A", "2026-01-01T00:00:00Z".into());
        let text = session.to_file("2026-01-01T00:01:00Z".into()).to_text();
        assert!(!text.contains("online"), "{text}");
    }
}
