//! A remote participant's view: what someone who joined the room over SSH sees and does in
//! their own terminal, at their own size, in the language they pick.
//!
//! The participant is a pure state machine like every other view ([`View`]): it takes
//! [`Action`]s — their keys, where the presenter is now ([`Stage`]), the room's answers to what
//! it asked — and returns [`Effect`]s for the room to carry out (take this name, count this
//! vote, let me go). The room's server ([`crate::room`]) drives one per connection and sends
//! what [`view`] draws, as the changes since the last frame the participant's terminal got.
//!
//! The walk through it: type a name and press Enter; choose a language when the guide has
//! more than one; then follow the presenter. On a question, a number (or ↑↓ and Enter) votes,
//! and another number changes the vote, until the facilitator records the answer and moves
//! on; the participant's vote stays marked if the facilitator comes back to it. At the end
//! they see the group's result. `q` or Ctrl-C leaves; the votes stay counted.

pub mod keymap;
pub mod view;

use std::collections::HashMap;
use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use self::keymap::{Command, Context};
use crate::guide::Guide;
use crate::locale::{fill, words, Words};
use crate::room::ballot::{Refusal, NAME_LIMIT};
use crate::room::{Languages, Stage};
use crate::tui::input::Input;
use crate::tui::layers::Layers;
use crate::tui::shell::View;
use crate::tui::theme::Theme;

/// What a participant is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// A key or a new window size from their terminal.
    Input(Input),
    /// The presenter moved.
    Stage(Stage),
    /// The room's answer to [`Effect::Claim`]: the name as shown and the votes it already has
    /// (question id → answer id), or why not.
    Claimed(Result<(String, HashMap<String, String>), Refusal>),
    /// The room's answer to [`Effect::Vote`]: the participant's vote on the question as it now
    /// stands (`None`: no vote), and whether the vote was refused as too late.
    Counted {
        /// The question's id.
        question: String,
        /// The answer's id the room holds for them.
        answer: Option<String>,
        /// True when the vote came after the question was recorded.
        late: bool,
    },
}

/// What the room must do for a participant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Give them this name, then answer with [`Action::Claimed`].
    Claim(String),
    /// Count their vote, then answer with [`Action::Counted`].
    Vote {
        /// The question's id.
        question: String,
        /// The answer's id.
        answer: String,
    },
    /// Show the farewell and close the connection.
    Leave(Farewell),
}

/// Why a participant's connection ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Farewell {
    /// They left (`q`).
    Left,
    /// They pressed Ctrl-C.
    Interrupted,
    /// The presenter ended the session.
    Ended,
    /// They sent no key for too long.
    Idle,
}

/// Where a participant is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Phase {
    /// Typing a name.
    Name {
        /// The name typed so far.
        typed: Vec<char>,
        /// Waiting for the room's answer to the name.
        asked: bool,
    },
    /// Choosing a language (when the guide has more than one).
    Language,
    /// In the room, following the presenter.
    Room,
}

/// A box over the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// The keys.
    Help,
    /// Why the question is asked.
    Why,
}

/// Something to tell the participant, until their next key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// The name was refused.
    Refused(Refusal),
    /// The vote came after the question was recorded.
    Late,
}

/// A participant's whole state.
#[derive(Debug, Clone)]
pub struct Participant {
    languages: Arc<Languages>,
    language: usize,
    language_cursor: usize,
    theme: Theme,
    size: (u16, u16),
    phase: Phase,
    stage: Stage,
    name: String,
    mine: HashMap<String, String>,
    cursor: usize,
    scroll: usize,
    layers: Layers<Overlay>,
    notice: Option<Notice>,
    /// The outcome the group reached, kept for the farewell once the session has ended.
    outcome: Option<usize>,
}

impl Participant {
    /// A participant who just connected, with a terminal of `size`, shown the guide in
    /// language `language` of `languages` until they choose.
    pub fn new(languages: Arc<Languages>, language: usize, size: (u16, u16)) -> Participant {
        let language = language.min(languages.len().saturating_sub(1));
        Participant {
            languages,
            language,
            language_cursor: language,
            theme: Theme::default_theme(),
            size,
            phase: Phase::Name {
                typed: Vec::new(),
                asked: false,
            },
            stage: Stage::Waiting,
            name: String::new(),
            mine: HashMap::new(),
            cursor: 0,
            scroll: 0,
            layers: Layers::default(),
            notice: None,
            outcome: None,
        }
    }

    /// The guide in the participant's language.
    pub fn guide(&self) -> &Guide {
        self.languages.guide(self.language)
    }

    /// The languages to choose from.
    pub fn languages(&self) -> &Languages {
        &self.languages
    }

    /// The language shown (its number in [`Participant::languages`]).
    pub fn language(&self) -> usize {
        self.language
    }

    /// The language `›` is on, while choosing.
    pub fn language_cursor(&self) -> usize {
        self.language_cursor
    }

    /// The app's words in the participant's language.
    pub fn words(&self) -> &'static Words {
        words(self.languages.tag(self.language))
    }

    /// The theme.
    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    /// The terminal's size.
    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    /// Where they are.
    pub fn phase(&self) -> &Phase {
        &self.phase
    }

    /// Where the presenter is.
    pub fn stage(&self) -> &Stage {
        &self.stage
    }

    /// Their name, once the room gave it to them.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// True once they are in the room with a name.
    pub fn joined(&self) -> bool {
        !self.name.is_empty()
    }

    /// The answer (position) they voted for on a question, if they did.
    pub fn vote_on(&self, question: usize) -> Option<usize> {
        let base = self.languages.base();
        let q = base.questions.get(question)?;
        let answer = self.mine.get(&q.id)?;
        q.answers.iter().position(|a| a.id == *answer)
    }

    /// The answer `›` is on (its position in the guide).
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The first line of the result on screen.
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    /// The boxes over the screen.
    pub fn layers(&self) -> &Layers<Overlay> {
        &self.layers
    }

    /// What they are being told, if anything.
    pub fn notice(&self) -> Option<Notice> {
        self.notice
    }

    /// Where their keys go.
    pub fn context(&self) -> Context {
        if !self.layers.is_empty() {
            return Context::Overlay;
        }
        match (&self.phase, &self.stage) {
            (Phase::Name { .. }, _) => Context::Name,
            (Phase::Language, _) => Context::Language,
            (Phase::Room, Stage::Question { .. }) => Context::Question,
            (Phase::Room, Stage::Result { .. }) => Context::Result,
            (Phase::Room, _) => Context::Waiting,
        }
    }

    /// The text printed in their terminal as the connection closes.
    pub fn farewell(&self, why: Farewell) -> String {
        let w = &self.words().room;
        match why {
            Farewell::Left | Farewell::Interrupted => w.farewell_left.to_string(),
            Farewell::Idle => w.farewell_idle.to_string(),
            Farewell::Ended => match self.outcome {
                Some(outcome) => {
                    let title = self
                        .guide()
                        .outcomes
                        .get(outcome)
                        .map_or("", |o| o.title.as_str());
                    format!(
                        "{}\n{}",
                        w.farewell_ended,
                        fill(w.farewell_result, &[("title", &title)])
                    )
                }
                None => w.farewell_ended.to_string(),
            },
        }
    }

    /// Handles one action; returns what the room must do.
    pub fn handle(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Input(input) => self.input(input),
            Action::Stage(stage) => self.follow(stage),
            Action::Claimed(Ok((name, votes))) => {
                self.name = name;
                self.mine = votes;
                self.notice = None;
                self.phase = if self.languages.len() > 1 {
                    Phase::Language
                } else {
                    Phase::Room
                };
                self.arrive();
                Vec::new()
            }
            Action::Claimed(Err(refusal)) => {
                if let Phase::Name { asked, .. } = &mut self.phase {
                    *asked = false;
                }
                self.notice = Some(Notice::Refused(refusal));
                Vec::new()
            }
            Action::Counted {
                question,
                answer,
                late,
            } => {
                match answer {
                    Some(a) => self.mine.insert(question, a),
                    None => self.mine.remove(&question),
                };
                if late {
                    self.notice = Some(Notice::Late);
                }
                Vec::new()
            }
        }
    }

    fn input(&mut self, input: Input) -> Vec<Effect> {
        match input {
            Input::Resize(w, h) => {
                self.size = (w, h);
                Vec::new()
            }
            Input::Key(key) => {
                if input.is_a_gesture() {
                    self.notice = self
                        .notice
                        .filter(|_| matches!(self.phase, Phase::Name { .. }));
                }
                let context = self.context();
                match keymap::command(context, &key) {
                    Some(command) => self.command(context, command),
                    None if context == Context::Name => {
                        self.type_char(&key);
                        Vec::new()
                    }
                    None => Vec::new(),
                }
            }
            Input::Click { .. } | Input::Wheel { .. } => Vec::new(),
        }
    }

    fn command(&mut self, context: Context, command: Command) -> Vec<Effect> {
        match command {
            Command::Interrupt => return vec![Effect::Leave(Farewell::Interrupted)],
            Command::Leave => return vec![Effect::Leave(Farewell::Left)],
            Command::Help => self.layers.open(Overlay::Help),
            Command::Why => self.layers.open(Overlay::Why),
            Command::Close => {
                self.layers.close();
            }
            Command::Language => {
                self.language = (self.language + 1) % self.languages.len().max(1);
            }
            Command::Join => return self.join(),
            Command::Erase => {
                if let Phase::Name {
                    typed,
                    asked: false,
                } = &mut self.phase
                {
                    typed.pop();
                    self.notice = None;
                }
            }
            Command::Pick(n) => return self.pick(context, Some(n)),
            Command::Choose => return self.pick(context, None),
            Command::Up | Command::Down => self.step(context, command == Command::Down),
            Command::PageUp | Command::PageDown => {
                let page = usize::from(self.size.1.saturating_sub(6)).max(1);
                let down = command == Command::PageDown;
                self.scroll_by(context, page, down);
            }
        }
        Vec::new()
    }

    fn type_char(&mut self, key: &crossterm::event::KeyEvent) {
        use crossterm::event::{KeyCode, KeyModifiers};
        if key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            return;
        }
        if let (
            KeyCode::Char(c),
            Phase::Name {
                typed,
                asked: false,
            },
        ) = (key.code, &mut self.phase)
        {
            let unsafe_char = c.is_control() || crate::guide::text::is_unsafe_char(c);
            if !unsafe_char && typed.len() < NAME_LIMIT {
                typed.push(c);
                self.notice = None;
            }
        }
    }

    fn join(&mut self) -> Vec<Effect> {
        let Phase::Name { typed, asked } = &mut self.phase else {
            return Vec::new();
        };
        if *asked {
            return Vec::new();
        }
        let name: String = typed.iter().collect();
        if name.trim().is_empty() {
            self.notice = Some(Notice::Refused(Refusal::Empty));
            return Vec::new();
        }
        *asked = true;
        vec![Effect::Claim(name)]
    }

    /// A number or Enter: a vote on a question, a language on the language screen.
    fn pick(&mut self, context: Context, number: Option<usize>) -> Vec<Effect> {
        match context {
            Context::Language => {
                let n = number.unwrap_or(self.language_cursor);
                if n < self.languages.len() {
                    self.language = n;
                    self.language_cursor = n;
                    self.phase = Phase::Room;
                    self.arrive();
                }
                Vec::new()
            }
            Context::Question => {
                let Stage::Question {
                    question, shown, ..
                } = &self.stage
                else {
                    return Vec::new();
                };
                let answer = match number {
                    Some(n) => match shown.get(n) {
                        Some(&a) => a,
                        None => return Vec::new(),
                    },
                    None => self.cursor,
                };
                let base = self.languages.base();
                let Some(q) = base.questions.get(*question) else {
                    return Vec::new();
                };
                let Some(a) = q.answers.get(answer) else {
                    return Vec::new();
                };
                self.cursor = answer;
                vec![Effect::Vote {
                    question: q.id.clone(),
                    answer: a.id.clone(),
                }]
            }
            _ => Vec::new(),
        }
    }

    fn step(&mut self, context: Context, down: bool) {
        match context {
            Context::Language => {
                let last = self.languages.len().saturating_sub(1);
                self.language_cursor = if down {
                    (self.language_cursor + 1).min(last)
                } else {
                    self.language_cursor.saturating_sub(1)
                };
            }
            Context::Question => {
                if let Stage::Question { shown, .. } = &self.stage {
                    let at = shown.iter().position(|&a| a == self.cursor).unwrap_or(0);
                    let next = if down {
                        (at + 1).min(shown.len().saturating_sub(1))
                    } else {
                        at.saturating_sub(1)
                    };
                    self.cursor = shown.get(next).copied().unwrap_or(0);
                }
            }
            _ => self.scroll_by(context, 1, down),
        }
    }

    fn scroll_by(&mut self, context: Context, lines: usize, down: bool) {
        match context {
            Context::Overlay => {
                let top = self.layers.top().map_or(0, |l| l.scroll);
                let at = if down {
                    top + lines
                } else {
                    top.saturating_sub(lines)
                };
                let geometry = view::overlay_geometry(self);
                if let Some(layer) = self.layers.top_mut() {
                    layer.scroll = at.min(geometry.0.saturating_sub(geometry.1));
                }
            }
            Context::Result => {
                let (total, rows) = view::result_geometry(self);
                let at = if down {
                    self.scroll + lines
                } else {
                    self.scroll.saturating_sub(lines)
                };
                self.scroll = at.min(total.saturating_sub(rows));
            }
            _ => {}
        }
    }

    /// The presenter moved: a new question closes the boxes and puts `›` on the
    /// participant's vote (or the group's answer, or the first answer); the end of the
    /// session lets them go.
    fn follow(&mut self, stage: Stage) -> Vec<Effect> {
        if stage == self.stage {
            return Vec::new();
        }
        let moved = stage.question() != self.stage.question();
        self.outcome = match stage {
            Stage::Result { outcome, .. } => Some(outcome),
            Stage::Ended => self.outcome,
            _ => None,
        };
        self.stage = stage;
        if self.stage == Stage::Ended {
            return vec![Effect::Leave(Farewell::Ended)];
        }
        if moved {
            self.layers = Layers::default();
            self.notice = None;
            self.scroll = 0;
        }
        self.arrive();
        Vec::new()
    }

    /// `›` on arriving at a question.
    fn arrive(&mut self) {
        if let Stage::Question {
            question,
            shown,
            recorded,
            ..
        } = &self.stage
        {
            let mine = self.vote_on(*question).filter(|a| shown.contains(a));
            self.cursor = mine
                .or(recorded.filter(|a| shown.contains(a)))
                .or(shown.first().copied())
                .unwrap_or(0);
        }
    }
}

impl View for Participant {
    type Effect = Effect;

    fn input(&mut self, input: Input) -> Vec<Effect> {
        self.handle(Action::Input(input))
    }

    fn render(&self, area: Rect, buf: &mut Buffer) {
        view::render(self, area, buf);
    }
}

#[cfg(test)]
mod tests;
