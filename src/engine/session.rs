//! Workshop sessions: a walk plus what a facilitator records — raised hands per answer, notes,
//! time spent per question, a countdown — saved after every change and resumed exactly.
//!
//! The file is RON, versioned (`format: 1`) and readable:
//!
//! ```ron
//! Session(
//!     format: 1,
//!     guide: "coop-varieties",
//!     guide_version: "1.0.0",
//!     group: "Group A",
//!     language: "en",
//!     created: "2026-11-27T10:02:11Z",
//!     updated: "2026-11-27T10:31:40Z",
//!     at: "country",
//!     answers: [("motivation", "mix"), ("aspiration", "life-long")],
//!     tallies: [Tally(question: "motivation", hands: [("mix", 5), ("idealists", 2)])],
//!     notes: [("motivation", "We disagreed on pay ratios.")],
//!     seconds: [("motivation", 240)],
//!     result: "spin-off",
//! )
//! ```
//!
//! Saving is atomic: the new text goes to a temporary file in the same folder, is flushed to
//! disk, then renamed over the old one, so a crash or `kill -9` leaves either the old file or the
//! new one, never half of one.
//!
//! **Resuming on a changed guide.** A session records the guide's id and version. Another guide
//! id is refused. Another version of the same guide resumes: every answer whose question and
//! answer ids still exist is replayed; answers, tallies, notes and times for ids the guide no
//! longer has are *kept in the file* (carried along untouched) and listed, never dropped. The walk
//! resumes at the recorded question if it is still on the path, else at the first question on
//! the path without an answer.

use std::collections::BTreeMap;
use std::fmt;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::walk::{Place, Walk};
use crate::guide::load::{ron_options, translate_ron_error};
use crate::guide::text::{sanitize, sanitize_line};
use crate::guide::translation::is_language_tag;
use crate::guide::{Guide, Source};

/// The version of the session file format this build writes and reads.
pub const FORMAT: u32 = 1;

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
    /// The question shown when saved; empty at the review or the result.
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

/// A session in progress: the walk and what the facilitator records.
#[derive(Debug, Clone)]
pub struct Session {
    /// The walk.
    pub walk: Walk,
    /// The group's name.
    pub group: String,
    /// The session's language: the one it was started in. Showing it in another language
    /// (`--lang`) changes the screen, not the record.
    pub language: String,
    /// When the session started.
    pub created: String,
    /// Raised hands: question → answer → hands.
    pub tallies: BTreeMap<String, BTreeMap<String, u32>>,
    /// Notes per question.
    pub notes: BTreeMap<String, String>,
    /// Seconds spent per question.
    pub seconds: BTreeMap<String, u64>,
    /// Countdown per question, in seconds.
    pub countdowns: BTreeMap<String, u64>,
    /// Answers from the file whose ids this version of the guide does not have: kept, never lost.
    pub kept: Vec<(String, String)>,
    /// The guide version the file was saved with, when it differs from the guide's.
    pub older_version: Option<String>,
}

impl Session {
    /// A new session for a group. The name is untrusted text (it comes from the command line)
    /// and is cleaned.
    pub fn new(guide: Arc<Guide>, group: &str) -> Session {
        let guide_language = guide.language.clone();
        Session {
            walk: Walk::new(guide),
            group: sanitize_line(group).trim().to_string(),
            language: guide_language.clone(),
            created: now_rfc3339(),
            tallies: BTreeMap::new(),
            notes: BTreeMap::new(),
            seconds: BTreeMap::new(),
            countdowns: BTreeMap::new(),
            kept: Vec::new(),
            older_version: None,
        }
    }

    /// Reads a session file (never writing to it).
    pub fn read(path: &Path) -> Result<SessionFile, SessionError> {
        let text = crate::read::text(path, crate::read::Kind::Session).map_err(|e| {
            match crate::read::Refusal::of(&e) {
                Some(refusal) => SessionError::Invalid(format!(
                    "cannot read the session `{}`: {refusal}",
                    sanitize_line(&path.display().to_string())
                )),
                None => SessionError::Io(path.to_path_buf(), e),
            }
        })?;
        Self::parse(&path.display().to_string(), &text)
    }

    /// Parses a session file's text.
    pub fn parse(name: &str, text: &str) -> Result<SessionFile, SessionError> {
        if text.trim().is_empty() {
            return Err(SessionError::Invalid(format!(
                "`{}` is empty, not a session file",
                sanitize_line(name)
            )));
        }
        let parsed: Result<SessionFile, _> = ron_options().from_str(text);
        match parsed {
            Ok(file) if file.format > FORMAT => Err(SessionError::NewerFormat(file.format)),
            Ok(file) => Ok(file),
            Err(e) => {
                let source = Source::new(name, text);
                let d = translate_ron_error(&e, &source);
                let at = d
                    .span()
                    .map(|s| source.line_col(s.start))
                    .unwrap_or_default();
                Err(SessionError::Invalid(format!(
                    "`{}` is not a valid session file: {} (line {}, column {})",
                    sanitize_line(name),
                    sanitize_line(&d.message),
                    at.line,
                    at.col
                )))
            }
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
        // One-line fields lose newlines too; notes keep their paragraphs.
        let clean = |s: &str| sanitize_line(s);
        let mut walk = Walk::new(Arc::clone(&guide));
        let mut kept = Vec::new();
        for (q, a) in &file.answers {
            if !walk.record(q, a) {
                kept.push((clean(q), clean(a)));
            }
        }
        walk.skip_answered();
        if file.finished && walk.outcome().is_some() {
            walk.apply(super::walk::Action::Confirm);
        } else if let Some(q) = guide.index.question(&file.at) {
            walk.go_to(q);
        }
        let older_version =
            (file.guide_version != guide.version).then(|| clean(&file.guide_version));
        Ok(Session {
            walk,
            group: clean(&file.group),
            language: if is_language_tag(&file.language) {
                file.language.clone()
            } else {
                guide.language.clone()
            },
            created: clean(&file.created),
            tallies: file
                .tallies
                .iter()
                .map(|t| {
                    (
                        clean(&t.question),
                        t.hands.iter().map(|(a, n)| (clean(a), *n)).collect(),
                    )
                })
                .collect(),
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
            kept,
            older_version,
        })
    }

    /// The session as it will be stored.
    pub fn to_file(&self) -> SessionFile {
        let guide = self.walk.guide();
        let mut answers = self.walk.answers_by_id();
        answers.extend(self.kept.iter().cloned());
        let (at, finished) = match self.walk.place() {
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
            updated: now_rfc3339(),
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
            result: self
                .walk
                .outcome()
                .map(|o| guide.outcomes[o].id.clone())
                .unwrap_or_default(),
        }
    }

    /// The session's file text.
    pub fn to_text(&self) -> std::io::Result<String> {
        let config = ron::ser::PrettyConfig::new()
            .new_line("\n".to_string())
            .indentor("    ".to_string())
            .struct_names(true);
        let body =
            ron::ser::to_string_pretty(&self.to_file(), config).map_err(std::io::Error::other)?;
        Ok(format!(
            "// A coop-guide workshop session. `coop-guide report FILE` turns it into a hand-out.\n{body}\n"
        ))
    }

    /// Saves atomically: see [`save_atomic`].
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        save_atomic(path, self.to_text()?.as_bytes())
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

    /// The answer with the most hands for a question, if one has strictly more than every other
    /// (a tie leaves the choice to the facilitator). Position in the question's answers.
    pub fn leading_answer(&self, question: usize) -> Option<usize> {
        let q = &self.walk.guide().questions[question];
        let counts: Vec<u32> = q.answers.iter().map(|a| self.hands(&q.id, &a.id)).collect();
        let max = *counts.iter().max()?;
        if max == 0 || counts.iter().filter(|&&c| c == max).count() > 1 {
            return None;
        }
        counts.iter().position(|&c| c == max)
    }

    /// Adds seconds spent on a question.
    pub fn add_seconds(&mut self, question: &str, seconds: u64) {
        let total = self.seconds.entry(question.to_string()).or_insert(0);
        *total = total.saturating_add(seconds);
    }
}

/// Writes `bytes` to `path` atomically: a temporary file beside it, flushed to disk, then renamed
/// over `path`. Either the old content or the new survives a crash, never a mix.
pub fn save_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    stage(path, bytes)?.commit()
}

/// A temporary file holding the next content of a file, not yet renamed over it.
#[derive(Debug)]
pub struct Staged {
    temp: PathBuf,
    target: PathBuf,
}

/// Writes the temporary file of an atomic save (the first half of [`save_atomic`]). The
/// temporary file is created new (never through an existing file or link), takes the target's
/// permissions when the target exists, and is removed again if writing fails.
pub fn stage(path: &Path, bytes: &[u8]) -> std::io::Result<Staged> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "session".into());
    let temp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    // A temporary file left by a crash of this same process id is ours to replace.
    let _ = std::fs::remove_file(&temp);
    let written = (|| {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        if let Ok(meta) = std::fs::metadata(path) {
            file.set_permissions(meta.permissions())?;
        }
        file.write_all(bytes)?;
        file.sync_all()
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temp);
        return Err(e);
    }
    Ok(Staged {
        temp,
        target: path.to_path_buf(),
    })
}

impl Staged {
    /// Renames the temporary file over the target (the second half of [`save_atomic`]).
    pub fn commit(self) -> std::io::Result<()> {
        std::fs::rename(&self.temp, &self.target).inspect_err(|_| {
            let _ = std::fs::remove_file(&self.temp);
        })
    }

    /// Where the temporary file is.
    pub fn temp_path(&self) -> &Path {
        &self.temp
    }
}

/// The current time as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn now_rfc3339() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    rfc3339(secs)
}

/// Formats seconds since 1970 as `YYYY-MM-DDTHH:MM:SSZ` (UTC).
pub fn rfc3339(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Civil from days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_formats_known_dates() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_795_822_931), "2026-11-27T23:42:11Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
    }
}
