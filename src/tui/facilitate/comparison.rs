//! The report viewer: the comparison of workshop sessions (or the hand-out of one), with a chart
//! of the outcomes the groups reached; a pure state machine like the player's.
//!
//! It shows exactly what `coop-guide report --format md` prints for the same sessions, so what is
//! on screen and what `s` saves can't disagree.

use crossterm::event::KeyEvent;

use super::keymap::{self, Command, Context};
use super::layout;
use crate::engine::session::Session;
use crate::locale::words;
use crate::report::doc::Doc;
use crate::report::sessions::{comparison, handout, outcome_counts};
use crate::tui::document::{Move, Reading};
use crate::tui::input::Input;
use crate::tui::keymap::Either;
use crate::tui::layers::{KeepsStatus, Layers, Status, StatusLine};
use crate::tui::layout::window;
use crate::tui::look::{Look, Looks};
use crate::tui::player::app as player;
use crate::tui::player::keymap::Command as PlayerCommand;
use crate::tui::theme::Theme;

/// What the viewer is told: what the player is told, with the viewer's commands.
pub type Action = player::Action<Command>;

/// What the driver must do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Write [`Comparison::markdown`] into the current folder as [`Comparison::file_stem`]`.md`
    /// (never over an existing file), then report with [`Action::Saved`].
    Save,
    /// Leave.
    Quit,
    /// Leave at once: Ctrl-C.
    Interrupt,
}

/// The viewer's one overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Help;

/// An outcome and how many groups reached it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutcomeCount {
    /// The outcome's title.
    pub title: String,
    /// Groups that reached it.
    pub groups: usize,
}

/// The whole state of the report viewer.
#[derive(Debug, Clone)]
pub struct Comparison {
    doc: Doc,
    title: String,
    outcomes: Vec<OutcomeCount>,
    unfinished: usize,
    groups: usize,
    look: Look,
    reading: Reading,
    layers: Layers<Help>,
    status: StatusLine,
}

impl KeepsStatus for Comparison {
    fn status_line(&mut self) -> &mut StatusLine {
        &mut self.status
    }
}

impl Comparison {
    /// The viewer over sessions of one guide: the comparison of several, or the hand-out of one.
    pub fn new(sessions: &[Session]) -> Comparison {
        let (doc, title, language) = match sessions {
            [] => (Doc::default(), String::new(), "en"),
            [one] => (
                handout(&one.walk, &one.record),
                one.walk.guide().title.clone(),
                one.walk.guide().language.as_str(),
            ),
            [first, ..] => (
                comparison(sessions),
                first.walk.guide().title.clone(),
                first.walk.guide().language.as_str(),
            ),
        };
        let outcomes: Vec<OutcomeCount> = outcome_counts(sessions)
            .into_iter()
            .map(|(title, groups)| OutcomeCount { title, groups })
            .collect();
        let finished: usize = outcomes.iter().map(|o| o.groups).sum();
        Comparison {
            doc: doc.without_empty_headings(),
            title,
            unfinished: sessions.len().saturating_sub(finished),
            outcomes,
            groups: sessions.len(),
            look: Look::new(words(language)),
            reading: Reading::default(),
            layers: Layers::default(),
            status: StatusLine::default(),
        }
    }

    /// Uses another theme.
    pub fn with_theme(mut self, theme: Theme) -> Comparison {
        self.look.theme = theme;
        self
    }

    /// Sets the window size to lay out for.
    pub fn with_size(mut self, width: u16, height: u16) -> Comparison {
        self.handle(Action::Input(Input::Resize(width, height)));
        self
    }

    /// The document shown (and saved).
    pub fn doc(&self) -> &Doc {
        &self.doc
    }

    /// The document as Markdown, as `s` saves it.
    pub fn markdown(&self) -> String {
        self.doc.to_markdown()
    }

    /// The name `s` saves under, without `.md`.
    pub fn file_stem(&self) -> &'static str {
        if self.groups == 1 {
            "coop-guide-handout"
        } else {
            "coop-guide-comparison"
        }
    }

    /// The guide's title.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// Outcomes reached, most first.
    pub fn outcomes(&self) -> &[OutcomeCount] {
        &self.outcomes
    }

    /// Groups that have not reached a result.
    pub fn unfinished(&self) -> usize {
        self.unfinished
    }

    /// True when the chart is shown: there are several groups to compare.
    pub fn has_chart(&self) -> bool {
        self.groups > 1
    }

    /// Where the reader is.
    pub fn reading(&self) -> Reading {
        self.reading
    }

    /// Lines scrolled in the help, when it is open.
    pub fn help(&self) -> Option<usize> {
        self.layers.top().map(|l| l.scroll)
    }

    /// The line an action just reported, if any.
    pub fn status(&self) -> Option<&Status> {
        self.status.get()
    }

    /// Where keys go.
    pub fn context(&self) -> Context {
        if self.layers.is_empty() {
            Context::Comparison
        } else {
            Context::Help
        }
    }

    /// Handles one action; returns what the driver must do.
    pub fn handle(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Input(input) => self.gesture(input, Self::input),
            Action::Command(command) => self.order(command, Self::command),
            Action::Saved(outcome) => {
                let w = &self.look.words.workshop;
                self.status
                    .report_saved(&outcome, w.comparison_saved, w.comparison_failed);
                Vec::new()
            }
        }
    }

    /// Handles a key event (a shortcut for `handle(Action::Input(Input::Key(key)))`).
    pub fn key(&mut self, key: KeyEvent) -> Vec<Effect> {
        self.handle(Action::Input(Input::Key(key)))
    }

    fn input(&mut self, input: Input) -> Vec<Effect> {
        match input {
            Input::Key(key) => match keymap::command(self.context(), &key) {
                Some(Either::Top(command)) => self.command(command),
                Some(Either::Under(command)) => self.in_help(command),
                None => Vec::new(),
            },
            Input::Wheel { down, .. } => {
                if self.layers.is_empty() {
                    for _ in 0..crate::tui::layers::WHEEL_LINES {
                        self.read(Move::Scroll(crate::tui::keymap::Scroll::wheel(down)));
                    }
                } else {
                    let geometry = self.help_geometry();
                    self.layers.wheel(down, geometry);
                }
                Vec::new()
            }
            Input::Click { column, row } => {
                if self.layers.is_empty() {
                    if let Some(section) =
                        layout::section_at(self, window(self.look.size), column, row)
                    {
                        if let Some(doc) = layout::comparison_geometry(self, window(self.look.size))
                        {
                            self.reading = self.reading.at_section(section, &doc);
                        }
                    }
                }
                Vec::new()
            }
            Input::Resize(width, height) => {
                let before = layout::comparison_geometry(self, window(self.look.size));
                self.look.size = (width, height);
                if let Some(after) = layout::comparison_geometry(self, window(self.look.size)) {
                    self.reading = self.reading.relaid(before.as_ref(), &after);
                }
                let help = self.help_geometry();
                self.layers.clamp(|_| help);
                Vec::new()
            }
        }
    }

    fn command(&mut self, command: Command) -> Vec<Effect> {
        match command {
            Command::Interrupt => return vec![Effect::Interrupt],
            Command::Quit => return vec![Effect::Quit],
            Command::Help => self.layers.open(Help),
            Command::Save if self.groups > 0 => return vec![Effect::Save],
            Command::Document(step) => self.read(step),
            _ => {}
        }
        Vec::new()
    }

    /// A key of the player's help overlay, over the viewer.
    fn in_help(&mut self, command: PlayerCommand) -> Vec<Effect> {
        match command {
            PlayerCommand::Interrupt => return vec![Effect::Interrupt],
            PlayerCommand::Quit => return vec![Effect::Quit],
            PlayerCommand::Close => {
                self.layers.close();
            }
            other => {
                let geometry = self.help_geometry();
                self.layers.scroll(other.scroll(), geometry);
            }
        }
        Vec::new()
    }

    fn help_geometry(&self) -> (usize, usize) {
        layout::comparison_help(self, window(self.look.size)).geometry()
    }

    fn read(&mut self, step: Move) {
        if let Some(doc) = layout::comparison_geometry(self, window(self.look.size)) {
            self.reading = self.reading.after(step, &doc);
        }
    }
}

impl Looks for Comparison {
    fn look(&self) -> &Look {
        &self.look
    }
}
