//! The facilitator's view: a second, read-only view of a session that a presenter has open in
//! another terminal (`facilitate --session F --notes`), for the facilitator's own screen while
//! the room sees the presenter.
//!
//! It shows what the projected view never does: the facilitator notes of the question the group
//! is on, the time spent on it (live) and on every question so far, the countdown, the hands and
//! remote votes, the group's note, why the question is asked, and what an earlier version of
//! the guide asked.
//! It follows the presenter by watching the session file, which the presenter saves after every
//! change: the shell wakes it four times a second to look (a `stat`, nothing read unless the
//! file changed). It never takes the writer's lock and never writes, so it cannot get in the
//! presenter's way; when the presenter's lock note goes, it says the presenter has closed.
//!
//! A pure state machine like the others: the driver does the looking and reading, and reports
//! with [`Action::Loaded`] and [`Action::PresenterGone`].

use std::time::Duration;

use crossterm::event::KeyEvent;

use super::clock::minutes_seconds;
use super::keymap::{self, Command, Context};
use super::layout;
use crate::engine::session::count::Standing;
use crate::engine::session::time::parse_rfc3339;
use crate::engine::session::Session;
use crate::engine::Place;
use crate::locale::fill;
use crate::report::doc::{Doc, Marker};
use crate::tui::document::{Move, Reading};
use crate::tui::input::Input;
use crate::tui::keymap::Either;
use crate::tui::layers::{KeepsStatus, Status, StatusLine};
use crate::tui::layout::window;
use crate::tui::look::{Look, Looks};
use crate::tui::theme::Theme;

/// How often the session file is looked at.
pub const LOOK_EVERY: Duration = Duration::from_millis(250);

/// What the facilitator's view is told.
#[derive(Debug, Clone)]
pub enum Action {
    /// The facilitator did something: a key, the wheel, a new window size.
    Input(Input),
    /// The time since the view started.
    Tick(Duration),
    /// The session file changed and was read again: the session, and when it was saved (RFC
    /// 3339, as the file says); or why it could not be read.
    Loaded(Result<(Box<Session>, String), String>),
    /// The presenter has closed the session (its lock is gone).
    PresenterGone,
}

/// What the driver must do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Look at the session file; when it changed, read it and report with [`Action::Loaded`];
    /// when the presenter's lock is gone, report [`Action::PresenterGone`].
    Look,
    /// Leave.
    Quit,
    /// Leave at once: Ctrl-C.
    Interrupt,
}

/// The whole state of the facilitator's view.
#[derive(Debug, Clone)]
pub struct Follower {
    session: Session,
    updated: Option<u64>,
    presenter: Option<u32>,
    gone: bool,
    look: Look,
    reading: Reading,
    now: Duration,
    wall: Duration,
    next_look: Duration,
    status: StatusLine,
}

impl KeepsStatus for Follower {
    fn status_line(&mut self) -> &mut StatusLine {
        &mut self.status
    }
}

impl Follower {
    /// The view of a session that the process `presenter` has open; `wall` is the wall clock
    /// at the start of the view's own clock (time since 1970).
    pub fn new(session: Session, presenter: Option<u32>, wall: Duration) -> Follower {
        let words = crate::locale::words(&session.walk.guide().language);
        Follower {
            session,
            updated: None,
            presenter,
            gone: false,
            look: Look::new(words),
            reading: Reading::default(),
            now: Duration::ZERO,
            wall,
            next_look: LOOK_EVERY,
            status: StatusLine::default(),
        }
    }

    /// Uses another theme.
    pub fn with_theme(mut self, theme: Theme) -> Follower {
        self.look.theme = theme;
        self
    }

    /// Sets the window size to lay out for.
    pub fn with_size(mut self, width: u16, height: u16) -> Follower {
        self.handle(Action::Input(Input::Resize(width, height)));
        self
    }

    /// Says when the session shown was saved (RFC 3339, as the file records it), so the time
    /// on the question goes on from there.
    pub fn saved_at(mut self, updated: &str) -> Follower {
        self.updated = parse_rfc3339(updated);
        self
    }

    /// The session as last read.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// Where the reader is.
    pub fn reading(&self) -> Reading {
        self.reading
    }

    /// The line an action just reported, if any.
    pub fn status(&self) -> Option<&Status> {
        self.status.get()
    }

    /// True once the presenter has closed the session.
    pub fn presenter_gone(&self) -> bool {
        self.gone
    }

    /// Where keys go.
    pub fn context(&self) -> Context {
        Context::Follow
    }

    /// The header's left side: the group and the guide.
    pub fn title(&self) -> String {
        let group = &self.session.record.group;
        let title = &self.session.walk.guide().title;
        if group.is_empty() {
            title.clone()
        } else {
            format!("{group} · {title}")
        }
    }

    /// The wall clock now, in seconds since 1970.
    fn wall_now(&self) -> u64 {
        (self.wall + self.now).as_secs()
    }

    /// When the view next changes by itself: the next look at the file.
    pub fn next_wake(&self) -> Duration {
        self.next_look
    }

    /// Handles one action; returns what the driver must do.
    pub fn handle(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Input(input) => self.gesture(input, Self::input),
            Action::Tick(now) => {
                self.now = self.now.max(now);
                if self.now >= self.next_look && !self.gone {
                    self.next_look = self.now + LOOK_EVERY;
                    return vec![Effect::Look];
                }
                Vec::new()
            }
            Action::Loaded(Ok((session, updated))) => {
                self.session = *session;
                self.updated = parse_rfc3339(&updated);
                Vec::new()
            }
            Action::Loaded(Err(error)) => {
                let w = &self.look.words.facilitator;
                self.status
                    .failed(fill(w.follow_failed, &[("error", &error)]));
                Vec::new()
            }
            Action::PresenterGone => {
                self.gone = true;
                Vec::new()
            }
        }
    }

    /// Handles a key event.
    pub fn key(&mut self, key: KeyEvent) -> Vec<Effect> {
        self.handle(Action::Input(Input::Key(key)))
    }

    fn input(&mut self, input: Input) -> Vec<Effect> {
        match input {
            Input::Key(key) => match keymap::command(Context::Follow, &key) {
                Some(Either::Top(Command::Quit)) => vec![Effect::Quit],
                Some(Either::Top(Command::Interrupt)) => vec![Effect::Interrupt],
                Some(Either::Top(Command::Document(step))) => {
                    self.read(step);
                    Vec::new()
                }
                _ => Vec::new(),
            },
            Input::Wheel { down, .. } => {
                for _ in 0..crate::tui::layers::WHEEL_LINES {
                    self.read(Move::Scroll(crate::tui::keymap::Scroll::wheel(down)));
                }
                Vec::new()
            }
            Input::Click { .. } => Vec::new(),
            Input::Resize(width, height) => {
                let before = layout::follower_geometry(self, window(self.look.size));
                self.look.size = (width, height);
                if let Some(after) = layout::follower_geometry(self, window(self.look.size)) {
                    self.reading = self.reading.relaid(before.as_ref(), &after);
                }
                Vec::new()
            }
        }
    }

    fn read(&mut self, step: Move) {
        if let Some(doc) = layout::follower_geometry(self, window(self.look.size)) {
            self.reading = self.reading.after(step, &doc);
        }
    }

    /// The question the group is on, if it is on one.
    fn asked(&self) -> Option<usize> {
        match self.session.walk.place() {
            Place::Question { question, .. } if self.session.record.started => Some(question),
            _ => None,
        }
    }

    /// Seconds spent on a question: what the file counted, and on the question the group is on,
    /// the time since the file was saved.
    fn seconds_on(&self, id: &str, current: bool) -> u64 {
        let counted = self.session.record.seconds.get(id).copied().unwrap_or(0);
        match (current && !self.gone, self.updated) {
            (true, Some(updated)) => {
                counted.saturating_add(self.wall_now().saturating_sub(updated))
            }
            _ => counted,
        }
    }

    /// What the view shows, as a document: live, so it is made for each frame.
    pub fn doc(&self) -> Doc {
        let w = &self.look.words.facilitator;
        let session = &self.session;
        let guide = session.walk.guide();
        let record = &session.record;
        let mut doc = Doc::default();
        doc.paragraph(if self.gone {
            w.follow_gone.to_string()
        } else {
            match self.presenter {
                Some(pid) => fill(w.follow_following, &[("pid", &pid)]),
                None => w.follow_following_unknown.to_string(),
            }
        });

        match (self.asked(), session.walk.place()) {
            (Some(q), Place::Question { step, .. }) => {
                let question = &guide.questions[q];
                doc.heading(1, question.text.as_str());
                let time = minutes_seconds(self.seconds_on(&question.id, true));
                let mut where_ = vec![fill(w.follow_step, &[("step", &(step + 1))])];
                if !question.section.is_empty() {
                    where_.insert(0, question.section.clone());
                }
                where_.push(fill(w.on_question, &[("time", &time)]));
                doc.paragraph(where_.join(" · "));
                if let Some(line) = self.countdown_line(&question.id) {
                    doc.paragraph(line);
                }
                doc.heading(2, self.look.words.workshop.workshop_notes_title);
                // Notes and why follow what the group said before this question.
                let notes = session.walk.notes(q);
                doc.paragraph(if notes.is_empty() {
                    self.look.words.workshop.workshop_no_notes.to_string()
                } else {
                    notes
                });
                self.hands(&mut doc, q);
                if let Some(note) = record.notes.get(&question.id) {
                    doc.heading(2, w.group_note_title);
                    doc.paragraph(note.as_str());
                }
                if let Some((_, draft)) = record.draft.as_ref().filter(|(id, _)| *id == question.id)
                {
                    doc.heading(2, w.draft_title);
                    doc.paragraph(draft.as_str());
                }
                let why = session.walk.why(q);
                if !why.is_empty() {
                    doc.heading(2, self.look.words.common.why_title);
                    doc.paragraph(why);
                }
            }
            (_, Place::Result { outcome }) => {
                doc.heading(
                    1,
                    fill(
                        w.follow_result,
                        &[("outcome", &guide.outcomes[outcome].title)],
                    ),
                );
            }
            (_, Place::Review { .. }) => doc.heading(1, w.follow_review),
            _ => doc.heading(1, w.follow_intro),
        }

        self.times(&mut doc);
        let earlier = record.earlier(guide);
        if !earlier.is_empty() {
            doc.heading(2, w.earlier_title);
            for item in earlier {
                let mut said = Vec::new();
                if let Some(answer) = &item.answer {
                    said.push(answer.clone());
                }
                said.extend(item.hands.iter().map(|(label, n)| format!("{label} {n}")));
                said.extend(item.online.iter().map(|(label, n)| {
                    format!("{label} {}", fill(self.look.words.room.online, &[("n", n)]))
                }));
                said.extend(item.note.clone());
                doc.bullet(item.text, said.join(" · "));
            }
        }
        doc
    }

    fn countdown_line(&self, question: &str) -> Option<String> {
        let w = &self.look.words.facilitator;
        let deadline = self
            .session
            .record
            .countdown
            .as_ref()
            .filter(|d| d.question == question)?;
        let ends = deadline.ends_at()?;
        let left = ends.saturating_sub(self.wall_now());
        let length = minutes_seconds(deadline.seconds);
        Some(if left == 0 {
            fill(w.follow_countdown_up, &[("length", &length)])
        } else {
            let time = minutes_seconds(left);
            fill(w.follow_countdown, &[("time", &time), ("length", &length)])
        })
    }

    fn hands(&self, doc: &mut Doc, question: usize) {
        let w = &self.look.words.facilitator;
        let guide = self.session.walk.guide();
        let q = &guide.questions[question];
        let counts = self.session.record.counts(guide, question);
        let shown = self.session.walk.visible_answers(question);
        let standing = Standing::of(&counts, &shown);
        if !standing.counted() {
            return;
        }
        doc.heading(2, w.hands_title);
        // Remote votes are said beside the hands once any came in; `◆` marks the most, of the
        // two together.
        let online = counts.iter().any(|c| c.online > 0);
        let as_count = |n: u32| usize::try_from(n).unwrap_or(usize::MAX);
        for (n, &a) in shown.iter().enumerate() {
            let count = counts.get(a).copied().unwrap_or_default();
            let lead = if standing.leads(a) { " ◆" } else { "" };
            let mut said = w.hands.of(as_count(count.hands));
            if online {
                said.push_str(" · ");
                said.push_str(&fill(self.look.words.room.online, &[("n", &count.online)]));
            }
            doc.item(
                Marker::Number(n + 1),
                q.answers[a].label.as_str(),
                format!("{said}{lead}"),
                "",
            );
        }
    }

    fn times(&self, doc: &mut Doc) {
        let w = &self.look.words.facilitator;
        let guide = self.session.walk.guide();
        let current = self.asked();
        let mut rows = Vec::new();
        for (i, question) in guide.questions.iter().enumerate() {
            let now = current == Some(i);
            let seconds = self.seconds_on(&question.id, now);
            if seconds == 0 && !now {
                continue;
            }
            let mut time = minutes_seconds(seconds);
            if now {
                time = format!("{time} · {}", w.follow_now);
            }
            rows.push((question.text.clone(), time));
        }
        if rows.is_empty() {
            return;
        }
        doc.heading(2, w.times_title);
        for (text, time) in rows {
            doc.bullet(text, time);
        }
    }
}

impl Looks for Follower {
    fn look(&self) -> &Look {
        &self.look
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::sync::Arc;

    use super::*;
    use crate::engine::session::OnlineVotes;
    use crate::guide::check_path;

    #[test]
    fn the_remote_votes_are_said_beside_the_hands() {
        let guide = Arc::new(
            check_path(std::path::Path::new("guides/decision-making.ron"))
                .guide
                .expect("guide"),
        );
        let mut session = Session::new(guide, "G", "2026-01-01T00:00:00Z".into());
        session.record.started = true;
        session.record.add_hands("size", "small", 2);
        session.record.online.insert(
            "size".into(),
            OnlineVotes {
                votes: BTreeMap::from([("large".into(), 3)]),
                names: BTreeMap::new(),
            },
        );
        let follower = Follower::new(session, Some(42), Duration::ZERO);
        let text = follower.doc().to_markdown();
        // 2 hands against 3 votes: the sum leads.
        assert!(text.contains("2 hands · 0 online"), "{text}");
        assert!(text.contains("0 hands · 3 online ◆"), "{text}");
        assert!(!text.contains("2 hands · 0 online ◆"), "{text}");
    }
}
