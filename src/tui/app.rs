//! The player's state and its transitions: a pure state machine over the walk.
//!
//! [`App::handle`] takes an [`Action`] (a key, a click, a resize, the outcome of a save) and
//! returns [`AppEffect`]s for the driver to carry out (quit, save a file). It does no IO, so flow
//! tests drive it with key sequences and look at the state and the rendered frame.
//!
//! What is on screen is derived, not stored: the walk's place decides the screen, and overlays
//! (help, why, quit confirmation) sit on a stack above it; the top one gets the keys and Esc
//! pops it (helix's compositor, without the trait objects).

use std::path::PathBuf;
use std::sync::Arc;

use crossterm::event::{KeyEvent, KeyEventKind};
use ratatui::layout::Rect;

use super::keymap::{self, Command, Context};
use super::strings::{fill, for_language, Strings};
use super::terminal::Input;
use super::theme::Theme;
use super::view;
use super::view::overlay::{help_scrolled, why_geometry};
use crate::engine::{Action as WalkAction, Effect, Place, Walk};
use crate::guide::Guide;
use crate::report::doc::Doc;
use crate::report::result;

/// What the app is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// A key was pressed; the keymap turns it into a command for the current context.
    Key(KeyEvent),
    /// A command, as if its key had been pressed.
    Command(Command),
    /// A left click at a cell.
    Click {
        /// Column.
        column: u16,
        /// Row.
        row: u16,
    },
    /// The mouse wheel turned.
    Wheel {
        /// Towards the end of the text.
        down: bool,
    },
    /// The terminal has a new size.
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
    /// The driver saved the result (the path) or could not (why).
    Saved(Result<PathBuf, String>),
}

/// What the driver must do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppEffect {
    /// Leave the player.
    Quit,
    /// Leave the player at once: the user pressed Ctrl-C.
    Interrupt,
    /// Write the result as Markdown, then report back with [`Action::Saved`].
    SaveResult,
    /// The walk moved to another screen (a view built over the player, such as workshop
    /// mode, follows it).
    Moved,
    /// The recorded answers changed (a session saves now).
    AnswersChanged,
}

/// The screen under the overlays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The guide's welcome.
    Intro,
    /// A question, by position in the guide; `step` counts from 0 on this path.
    Question {
        /// Position of the question in the guide.
        question: usize,
        /// Step on the path, from 0.
        step: usize,
    },
    /// The answers on the path; `outcome` is `None` when opened before the path is complete.
    Review {
        /// Where the path leads, once complete.
        outcome: Option<usize>,
    },
    /// The result.
    Result {
        /// The outcome reached.
        outcome: usize,
    },
}

/// A layer over the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// The keys, generated from the keymap.
    Help,
    /// Why the current question is asked (when there is no room for the side pane).
    Why,
    /// Quitting would lose answers: ask first.
    ConfirmQuit,
}

/// A line shown after an action, until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Something worked; the text says what.
    Done(String),
    /// Something failed; the text says why.
    Failed(String),
}

/// The whole state of the player.
#[derive(Debug, Clone)]
pub struct App {
    walk: Walk,
    strings: &'static Strings,
    theme: Theme,
    size: (u16, u16),
    started: bool,
    review_open: bool,
    /// The edit under way was started from a review opened midway with `r`.
    edit_from_midway: bool,
    selected: usize,
    why_pane: bool,
    scroll: usize,
    section: usize,
    help_scroll: usize,
    why_scroll: usize,
    overlays: Vec<Overlay>,
    status: Option<Status>,
    saved: bool,
    document: Option<Doc>,
    /// The answers changed during the action being handled.
    answers_changed: bool,
}

impl From<Input> for Action {
    fn from(input: Input) -> Self {
        match input {
            Input::Key(key) => Action::Key(key),
            Input::Resize(width, height) => Action::Resize { width, height },
            Input::Click(column, row) => Action::Click { column, row },
            Input::Wheel { down, .. } => Action::Wheel { down },
        }
    }
}

impl App {
    /// A player at the guide's intro, in the guide's language, with the default theme, sized 80×24 until told.
    pub fn new(guide: Arc<Guide>) -> App {
        App::with_walk(Walk::new(guide))
    }

    /// A player over an existing walk (`play --from`, sessions), speaking the guide's language.
    /// It starts at the intro, wherever the walk is; callers that resume a walk skip the intro
    /// with [`App::skip_intro`].
    pub fn with_walk(walk: Walk) -> App {
        let strings = for_language(&walk.guide().language);
        let mut app = App {
            walk,
            strings,
            theme: Theme::default(),
            size: (80, 24),
            started: false,
            review_open: false,
            edit_from_midway: false,
            selected: 0,
            why_pane: true,
            scroll: 0,
            section: 0,
            help_scroll: 0,
            why_scroll: 0,
            overlays: Vec::new(),
            status: None,
            saved: false,
            document: None,
            answers_changed: false,
        };
        app.refresh_document();
        app.enter_screen();
        app
    }

    /// Skips the intro (for `--from` and for tests that start at the first question).
    pub fn skip_intro(mut self) -> App {
        self.started = true;
        self.enter_screen();
        self
    }

    /// Uses another theme.
    pub fn with_theme(mut self, theme: Theme) -> App {
        self.theme = theme;
        self
    }

    /// Uses another table of words.
    pub fn with_strings(mut self, strings: &'static Strings) -> App {
        self.strings = strings;
        self
    }

    /// Sets the terminal size the app lays itself out for.
    pub fn with_size(mut self, width: u16, height: u16) -> App {
        self.size = (width, height);
        self
    }

    /// The walk being played.
    pub fn walk(&self) -> &Walk {
        &self.walk
    }

    /// The guide being played.
    pub fn guide(&self) -> &Guide {
        self.walk.guide()
    }

    /// The words in use.
    pub fn strings(&self) -> &'static Strings {
        self.strings
    }

    /// The theme in use.
    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    /// The size the app was last told of.
    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    /// The selected line: an answer, a review line, or the intro's button.
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// Lines scrolled in the intro or the result; in the review, lines scrolled past its button.
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    /// The result section the user is in.
    pub fn section(&self) -> usize {
        self.section
    }

    /// Lines scrolled in the help overlay.
    pub fn help_scroll(&self) -> usize {
        self.help_scroll
    }

    /// Lines scrolled in the "why we ask" overlay.
    pub fn why_scroll(&self) -> usize {
        self.why_scroll
    }

    /// True when the why pane is wanted (shown when there is room).
    pub fn why_pane(&self) -> bool {
        self.why_pane
    }

    /// The overlays, bottom first.
    pub fn overlays(&self) -> &[Overlay] {
        &self.overlays
    }

    /// The status line, if an action just reported something.
    pub fn status(&self) -> Option<&Status> {
        self.status.as_ref()
    }

    /// True once the result has been saved and nothing changed since.
    pub fn saved(&self) -> bool {
        self.saved
    }

    /// The result as a document, once the path reaches an outcome.
    pub fn document(&self) -> Option<&Doc> {
        self.document.as_ref()
    }

    /// The screen under the overlays.
    pub fn screen(&self) -> Screen {
        if !self.started {
            return Screen::Intro;
        }
        match self.walk.place() {
            Place::Question { .. } if self.review_open => Screen::Review { outcome: None },
            Place::Question { question, step } => Screen::Question { question, step },
            Place::Review { outcome } => Screen::Review {
                outcome: Some(outcome),
            },
            Place::Result { outcome } => Screen::Result { outcome },
        }
    }

    /// Where keys go: the top overlay, or the screen.
    pub fn context(&self) -> Context {
        match self.overlays.last() {
            Some(Overlay::Help) => Context::Help,
            Some(Overlay::Why) => Context::Why,
            Some(Overlay::ConfirmQuit) => Context::ConfirmQuit,
            None => self.screen_context(),
        }
    }

    /// The context of the screen itself, ignoring overlays (the help lists its keys).
    pub fn screen_context(&self) -> Context {
        match self.screen() {
            Screen::Intro => Context::Intro,
            Screen::Question { .. } => Context::Question,
            Screen::Review { .. } => Context::Review,
            Screen::Result { .. } => Context::Result,
        }
    }

    /// Number of answers recorded, stale ones included.
    pub fn answer_count(&self) -> usize {
        self.walk.review().len() + self.walk.stale().len()
    }

    /// True when quitting now would lose answers: some are recorded, the result is not on
    /// screen, and it has not been saved.
    pub fn answers_at_risk(&self) -> bool {
        self.answer_count() > 0 && !matches!(self.screen(), Screen::Result { .. }) && !self.saved
    }

    /// The lines of the review: the answered steps on the path, then the button.
    pub fn review_len(&self) -> usize {
        self.walk.review().len() + 1
    }

    /// Handles one action; returns what the driver must do, and whether the walk moved or its
    /// answers changed.
    pub fn handle(&mut self, action: Action) -> Vec<AppEffect> {
        let screen = self.screen();
        let mut effects = self.dispatch(action);
        if std::mem::take(&mut self.answers_changed) {
            effects.push(AppEffect::AnswersChanged);
        }
        if self.screen() != screen {
            effects.push(AppEffect::Moved);
        }
        effects
    }

    fn dispatch(&mut self, action: Action) -> Vec<AppEffect> {
        match action {
            Action::Resize { width, height } => {
                self.resize(width, height);
                Vec::new()
            }
            Action::Saved(outcome) => {
                self.status = Some(match outcome {
                    Ok(path) => {
                        self.saved = true;
                        let shown = path.display().to_string();
                        Status::Done(fill(self.strings.saved, &[("path", &shown)]))
                    }
                    Err(error) => {
                        Status::Failed(fill(self.strings.save_failed, &[("error", &error)]))
                    }
                });
                Vec::new()
            }
            Action::Key(key) => {
                // A status lasts until the next key, whatever it does: then the key hints
                // come back.
                if key.kind != KeyEventKind::Release {
                    self.status = None;
                }
                match keymap::command(self.context(), &key) {
                    Some(command) => self.command(command),
                    None => Vec::new(),
                }
            }
            Action::Command(command) => self.command(command),
            Action::Click { column, row } => {
                self.status = None;
                self.click(column, row)
            }
            Action::Wheel { down } => {
                self.status = None;
                self.wheel(down)
            }
        }
    }

    /// Handles a key event (a shortcut for `handle(Action::Key(key))`).
    pub fn key(&mut self, key: KeyEvent) -> Vec<AppEffect> {
        self.handle(Action::Key(key))
    }

    fn command(&mut self, command: Command) -> Vec<AppEffect> {
        self.status = None;
        if command == Command::Interrupt {
            return vec![AppEffect::Interrupt];
        }
        match self.context() {
            Context::Help => match command {
                Command::Close => {
                    self.overlays.pop();
                }
                Command::Quit => return self.quit(),
                other => self.scroll_help(other),
            },
            Context::Why => match command {
                Command::Close => {
                    self.overlays.pop();
                }
                Command::Quit => return self.quit(),
                other => self.scroll_why(other),
            },
            Context::ConfirmQuit => match command {
                Command::Yes => return vec![AppEffect::Quit],
                Command::No => {
                    self.overlays.pop();
                }
                _ => {}
            },
            Context::Intro => match command {
                Command::Start => {
                    self.started = true;
                    self.enter_screen();
                }
                other => return self.common(other),
            },
            Context::Question => return self.on_question(command),
            Context::Review => return self.on_review(command),
            Context::Result => return self.on_result(command),
            // Workshop mode's own screens; the player is never in them.
            Context::Presenter | Context::Note | Context::WorkshopResult | Context::Comparison => {}
        }
        Vec::new()
    }

    /// Commands that mean the same on every screen, and scrolling.
    fn common(&mut self, command: Command) -> Vec<AppEffect> {
        match command {
            Command::Help => {
                self.help_scroll = 0;
                self.overlays.push(Overlay::Help);
            }
            Command::Quit => return self.quit(),
            Command::ScrollUp
            | Command::ScrollDown
            | Command::PageUp
            | Command::PageDown
            | Command::Top
            | Command::Bottom
            | Command::NextSection
            | Command::PrevSection => self.scroll_document(command),
            _ => {}
        }
        Vec::new()
    }

    fn on_question(&mut self, command: Command) -> Vec<AppEffect> {
        let Screen::Question { question, .. } = self.screen() else {
            return Vec::new();
        };
        let count = self.guide().questions[question].answers.len();
        match command {
            Command::Up => self.selected = self.selected.saturating_sub(1),
            Command::Down => self.selected = (self.selected + 1).min(count.saturating_sub(1)),
            Command::Top => self.selected = 0,
            Command::Bottom => self.selected = count.saturating_sub(1),
            Command::Choose => self.apply(WalkAction::Choose(self.selected)),
            Command::Pick(n) if n < count => {
                self.selected = n;
                self.apply(WalkAction::Choose(n));
            }
            Command::Back => self.back_from_question(),
            Command::Review => {
                self.review_open = true;
                self.enter_screen();
            }
            Command::Why => {
                if view::why_pane_fits(self.size) {
                    self.why_pane = !self.why_pane;
                } else {
                    self.why_scroll = 0;
                    self.overlays.push(Overlay::Why);
                }
            }
            other => return self.common(other),
        }
        Vec::new()
    }

    fn back_from_question(&mut self) {
        // Back during an edit from the review steps back within the questions the edit opened;
        // at the edited question the engine restores the old answer and ends the edit, and the
        // review comes back. A review opened midway (`r`) is not a place of the walk, so it is
        // opened again here.
        if self.walk.editing() {
            let from_midway = self.edit_from_midway;
            self.apply(WalkAction::Back);
            if !self.walk.editing() {
                self.edit_from_midway = false;
                if from_midway && matches!(self.walk.place(), Place::Question { .. }) {
                    self.review_open = true;
                    self.enter_screen();
                }
            }
            return;
        }
        let effects = self.walk.apply(WalkAction::Back);
        if effects.contains(&Effect::Refused) {
            self.started = false;
        }
        self.enter_screen();
    }

    fn on_review(&mut self, command: Command) -> Vec<AppEffect> {
        let last = self.review_len() - 1;
        // On the button, the last line that can be selected, moving on scrolls what follows it
        // (the answers not used) into view; moving back scrolls back first.
        let past = if self.selected >= last {
            self.review_overflow()
        } else {
            0
        };
        let page = usize::from(self.size.1.saturating_sub(6)).max(1);
        match command {
            Command::Up if self.scroll > 0 => self.scroll -= 1,
            Command::Up => self.selected = self.selected.saturating_sub(1),
            Command::Down if self.selected >= last => self.scroll = (self.scroll + 1).min(past),
            Command::Down => self.selected = (self.selected + 1).min(last),
            Command::PageDown if self.selected >= last => {
                self.scroll = (self.scroll + page).min(past);
            }
            Command::PageUp if self.scroll > 0 => self.scroll = self.scroll.saturating_sub(page),
            Command::PageDown => self.selected = last,
            Command::PageUp => self.selected = 0,
            Command::Top => {
                self.selected = 0;
                self.scroll = 0;
            }
            Command::Bottom => {
                self.selected = last;
                self.scroll = self.review_overflow();
            }
            Command::Open if self.selected >= last => {
                if self.review_open {
                    self.review_open = false;
                    self.enter_screen();
                } else {
                    self.apply(WalkAction::Confirm);
                }
            }
            Command::Open => {
                let question = self.walk.review()[self.selected].question;
                self.edit_from_midway = self.review_open;
                self.review_open = false;
                self.apply(WalkAction::Edit(question));
            }
            Command::Back => {
                if self.review_open {
                    self.review_open = false;
                    self.enter_screen();
                } else {
                    self.apply(WalkAction::Back);
                }
            }
            other => return self.common(other),
        }
        Vec::new()
    }

    /// Lines of the review past its button, at the current size.
    fn review_overflow(&self) -> usize {
        view::review_overflow(self, Rect::new(0, 0, self.size.0, self.size.1))
    }

    fn on_result(&mut self, command: Command) -> Vec<AppEffect> {
        match command {
            Command::Back | Command::Review => self.apply(WalkAction::Back),
            Command::Save => {
                if self.document.is_some() {
                    return vec![AppEffect::SaveResult];
                }
                self.status = Some(Status::Failed(self.strings.nothing_to_save.to_string()));
            }
            other => return self.common(other),
        }
        Vec::new()
    }

    fn quit(&mut self) -> Vec<AppEffect> {
        if !self.answers_at_risk() {
            return vec![AppEffect::Quit];
        }
        if self.overlays.last() != Some(&Overlay::ConfirmQuit) {
            self.overlays.push(Overlay::ConfirmQuit);
        }
        Vec::new()
    }

    fn click(&mut self, column: u16, row: u16) -> Vec<AppEffect> {
        if !self.overlays.is_empty() {
            return Vec::new();
        }
        let area = Rect::new(0, 0, self.size.0, self.size.1);
        let Some(hit) = view::hit(self, area, column, row) else {
            return Vec::new();
        };
        match (self.screen(), hit) {
            (Screen::Intro, _) => self.command(Command::Start),
            (Screen::Question { .. }, n) => self.command(Command::Pick(n)),
            (Screen::Review { .. }, n) => {
                self.selected = n;
                self.command(Command::Open)
            }
            (Screen::Result { .. }, n) => {
                self.jump_to_section(n);
                Vec::new()
            }
        }
    }

    fn wheel(&mut self, down: bool) -> Vec<AppEffect> {
        let step = Command::wheel(down);
        let mv = if down { Command::Down } else { Command::Up };
        match self.context() {
            Context::Help => {
                for _ in 0..3 {
                    self.scroll_help(step);
                }
            }
            Context::Why => {
                for _ in 0..3 {
                    self.scroll_why(step);
                }
            }
            Context::Intro | Context::Result => {
                for _ in 0..3 {
                    self.scroll_document(step);
                }
            }
            Context::Question | Context::Review => return self.command(mv),
            Context::ConfirmQuit
            | Context::Presenter
            | Context::Note
            | Context::WorkshopResult
            | Context::Comparison => {}
        }
        Vec::new()
    }

    /// Applies an action to the walk and follows it to its new screen.
    fn apply(&mut self, action: WalkAction) {
        let effects = self.walk.apply(action);
        if effects.contains(&Effect::AnswersChanged) {
            self.answers_changed = true;
            self.saved = false;
            self.refresh_document();
        }
        if effects.contains(&Effect::Refused) {
            return;
        }
        self.enter_screen();
    }

    fn refresh_document(&mut self) {
        self.document = result::document(&self.walk);
    }

    /// Resets what belongs to one screen when arriving on it.
    fn enter_screen(&mut self) {
        self.scroll = 0;
        self.section = 0;
        self.selected = match self.screen() {
            Screen::Intro | Screen::Result { .. } => 0,
            Screen::Question { question, .. } => self.walk.answer_of(question).unwrap_or(0),
            Screen::Review { .. } => self.review_len() - 1,
        };
    }

    fn scroll_document(&mut self, command: Command) {
        self.move_reading(|here, doc| here.after(command, doc));
    }

    fn jump_to_section(&mut self, section: usize) {
        self.move_reading(|here, doc| here.at_section(section, doc));
    }

    /// Where the reader is in the intro or the result.
    fn reading(&self) -> view::Reading {
        view::Reading {
            scroll: self.scroll,
            section: self.section,
        }
    }

    /// Moves the reader in the document on screen, if there is one.
    fn move_reading(
        &mut self,
        to: impl FnOnce(view::Reading, &view::DocumentGeometry) -> view::Reading,
    ) {
        let area = Rect::new(0, 0, self.size.0, self.size.1);
        let Some(doc) = view::document_geometry(self, area) else {
            return;
        };
        let there = to(self.reading(), &doc);
        self.scroll = there.scroll;
        self.section = there.section;
    }

    fn scroll_why(&mut self, command: Command) {
        let area = Rect::new(0, 0, self.size.0, self.size.1);
        let geometry = why_geometry(self, area);
        self.why_scroll = help_scrolled(self.why_scroll, command.scroll(), geometry);
    }

    fn scroll_help(&mut self, command: Command) {
        let area = Rect::new(0, 0, self.size.0, self.size.1);
        let geometry = view::help_geometry(self, area);
        self.help_scroll = help_scrolled(self.help_scroll, command.scroll(), geometry);
    }

    /// Lays out for a new size. Text rewraps, so line offsets change meaning: the scroll keeps
    /// its place within the current section instead.
    fn resize(&mut self, width: u16, height: u16) {
        let old = Rect::new(0, 0, self.size.0, self.size.1);
        let before = view::document_geometry(self, old);
        self.size = (width, height);
        let area = Rect::new(0, 0, width, height);
        if let Some(after) = view::document_geometry(self, area) {
            self.scroll = self.reading().relaid(before.as_ref(), &after).scroll;
        }
        if matches!(self.screen(), Screen::Review { .. }) {
            self.scroll = self.scroll.min(self.review_overflow());
        }
        let (lines, height) = view::help_geometry(self, area);
        self.help_scroll = self.help_scroll.min(lines.saturating_sub(height));
        let (lines, height) = why_geometry(self, area);
        self.why_scroll = self.why_scroll.min(lines.saturating_sub(height));
    }
}
