//! The report viewer: the comparison of workshop sessions (or the hand-out of one), with a chart
//! of the outcomes the groups reached; a pure state machine like the player's.
//!
//! It shows exactly what `coop-guide report --format md` prints for the same sessions, so what is
//! on screen and what `s` saves can't disagree.

use std::path::PathBuf;

use crossterm::event::{KeyEvent, KeyEventKind};
use ratatui::layout::Rect;

use super::view::comparison as view;
use crate::engine::session::Session;
use crate::report::doc::Doc;
use crate::report::sessions::{comparison, handout, outcome_counts};
use crate::tui::app::Status;
use crate::tui::keymap::{self, Command, Context};
use crate::tui::strings::{fill, for_language, Strings};
use crate::tui::theme::Theme;
use crate::tui::view::Reading;

/// What the viewer is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// A key was pressed.
    Key(KeyEvent),
    /// A command, as if its key had been pressed.
    Command(Command),
    /// The mouse wheel turned.
    Wheel {
        /// Towards the end.
        down: bool,
    },
    /// A left click at a cell (the contents, in wide windows).
    Click {
        /// Column.
        column: u16,
        /// Row.
        row: u16,
    },
    /// The terminal has a new size.
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
    /// The driver saved the Markdown (where), or could not (why).
    Saved(Result<PathBuf, String>),
}

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
    strings: &'static Strings,
    theme: Theme,
    size: (u16, u16),
    reading: Reading,
    help: Option<usize>,
    status: Option<Status>,
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
            doc,
            title,
            unfinished: sessions.len().saturating_sub(finished),
            outcomes,
            groups: sessions.len(),
            strings: for_language(language),
            theme: Theme::default(),
            size: (80, 24),
            reading: Reading::default(),
            help: None,
            status: None,
        }
    }

    /// Uses another theme.
    pub fn with_theme(mut self, theme: Theme) -> Comparison {
        self.theme = theme;
        self
    }

    /// Sets the terminal size to lay out for.
    pub fn with_size(mut self, width: u16, height: u16) -> Comparison {
        self.handle(Action::Resize { width, height });
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

    /// The words in use.
    pub fn strings(&self) -> &'static Strings {
        self.strings
    }

    /// The theme in use.
    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    /// The size last told of.
    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    /// Where the reader is.
    pub fn reading(&self) -> Reading {
        self.reading
    }

    /// Lines scrolled in the help, when it is open.
    pub fn help(&self) -> Option<usize> {
        self.help
    }

    /// The line an action just reported, if any.
    pub fn status(&self) -> Option<&Status> {
        self.status.as_ref()
    }

    /// Where keys go.
    pub fn context(&self) -> Context {
        if self.help.is_some() {
            Context::Help
        } else {
            Context::Comparison
        }
    }

    /// Handles one action; returns what the driver must do.
    pub fn handle(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Key(key) if key.kind == KeyEventKind::Release => Vec::new(),
            Action::Key(key) => match keymap::command(self.context(), &key) {
                Some(command) => self.command(command),
                None => Vec::new(),
            },
            Action::Command(command) => self.command(command),
            Action::Wheel { down } => {
                self.status = None;
                let step = Command::wheel(down);
                for _ in 0..3 {
                    self.scroll(step);
                }
                Vec::new()
            }
            Action::Click { column, row } => {
                self.status = None;
                let area = Rect::new(0, 0, self.size.0, self.size.1);
                if self.help.is_none() {
                    if let Some(section) = view::section_at(self, area, column, row) {
                        self.jump_to(section);
                    }
                }
                Vec::new()
            }
            Action::Resize { width, height } => {
                let before = view::geometry(self, Rect::new(0, 0, self.size.0, self.size.1));
                self.size = (width, height);
                let area = Rect::new(0, 0, width, height);
                if let Some(after) = view::geometry(self, area) {
                    self.reading = self.reading.relaid(before.as_ref(), &after);
                }
                if let Some(scroll) = self.help {
                    let (lines, rows) = view::help_geometry(self, area);
                    self.help = Some(scroll.min(lines.saturating_sub(rows)));
                }
                Vec::new()
            }
            Action::Saved(outcome) => {
                let s = self.strings;
                self.status = Some(match outcome {
                    Ok(path) => {
                        let shown = path.display().to_string();
                        Status::Done(fill(s.comparison_saved, &[("path", &shown)]))
                    }
                    Err(error) => Status::Failed(fill(s.comparison_failed, &[("error", &error)])),
                });
                Vec::new()
            }
        }
    }

    /// Handles a key event (a shortcut for `handle(Action::Key(key))`).
    pub fn key(&mut self, key: KeyEvent) -> Vec<Effect> {
        self.handle(Action::Key(key))
    }

    fn command(&mut self, command: Command) -> Vec<Effect> {
        self.status = None;
        match command {
            Command::Interrupt => return vec![Effect::Interrupt],
            Command::Quit => return vec![Effect::Quit],
            Command::Close => self.help = None,
            Command::Help => self.help = Some(0),
            Command::Save if self.groups > 0 => return vec![Effect::Save],
            other => self.scroll(other),
        }
        Vec::new()
    }

    fn scroll(&mut self, command: Command) {
        let area = Rect::new(0, 0, self.size.0, self.size.1);
        if let Some(scroll) = self.help {
            let (lines, height) = view::help_geometry(self, area);
            let doc = crate::tui::view::DocumentGeometry {
                lines,
                height,
                sections: vec![0],
            };
            let here = Reading { scroll, section: 0 };
            self.help = Some(here.after(command, &doc).scroll);
            return;
        }
        if let Some(doc) = view::geometry(self, area) {
            self.reading = self.reading.after(command, &doc);
        }
    }

    fn jump_to(&mut self, section: usize) {
        let area = Rect::new(0, 0, self.size.0, self.size.1);
        if let Some(doc) = view::geometry(self, area) {
            self.reading = self.reading.at_section(section, &doc);
        }
    }
}
