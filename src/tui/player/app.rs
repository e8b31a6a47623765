//! The player's state and its transitions: a pure state machine over the walk.
//!
//! [`App::handle`] takes an [`Action`] (an input, a command, the outcome of a save) and returns
//! [`Effect`]s for the driver to carry out (quit, save a file) and for a view built over the
//! player to follow (the walk moved, its answers changed). It does no IO, so flow tests drive it
//! with key sequences and look at the state and the rendered frame.
//!
//! What is on screen is derived, not stored: the walk's place decides the screen, and overlays
//! (help, why, quit confirmation) sit on a stack above it ([`Layers`]); the top one gets the keys
//! and Esc closes it. Where things are — what a click hit, how far a text scrolls — the app asks
//! the player's [`layout`]; it never draws.

use std::cell::OnceCell;
use std::path::PathBuf;
use std::sync::Arc;

use crossterm::event::KeyEvent;

use super::keymap::{self, Command, Context};
use super::layout;
use crate::engine::length;
use crate::engine::{
    Action as WalkAction, Effect as WalkEffect, Estimate, Explanation, Place, Walk,
};
use crate::guide::Guide;
use crate::locale::{words, Words};
use crate::report::doc::{Block, Doc};
use crate::report::result::{self, ChangesShown};
use crate::tui::document::Reading;
use crate::tui::input::Input;
use crate::tui::layers::{KeepsStatus, Layers, Status, StatusLine};
use crate::tui::layout::window;
use crate::tui::look::{Look, Looks};
use crate::tui::theme::Theme;

/// The most lines of "What would change it" the result shows before the rest is asked for
/// ([`Command::Changes`]).
pub const CHANGE_LINES: usize = 6;

/// What the app is told, and, with its own commands, a viewer that saves what it shows (the
/// comparison).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action<C = Command> {
    /// The user did something: a key, a click, the wheel, a new window size.
    Input(Input),
    /// A command, as if its key had been pressed.
    Command(C),
    /// The driver saved what is shown (the path: the player's result, the comparison's
    /// Markdown) or could not (why).
    Saved(Result<PathBuf, String>),
}

/// What the driver must do, or a view over the player must follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Leave the player.
    Quit,
    /// Leave the player at once: the user pressed Ctrl-C.
    Interrupt,
    /// Write the result as Markdown, then report back with [`Action::Saved`].
    SaveResult,
    /// The walk moved to another screen (a view built over the player follows it).
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
    /// Quitting would lose answers, or a result not saved: ask first.
    ConfirmQuit,
}

/// The whole state of the player.
#[derive(Debug, Clone)]
pub struct App {
    walk: Walk,
    look: Look,
    started: bool,
    review_open: bool,
    /// The edit under way was started from a review opened midway with `r`.
    edit_from_midway: bool,
    selected: usize,
    why_pane: bool,
    /// Where the reader is in the intro or the result; in the review, `scroll` counts the lines
    /// scrolled past its button.
    reading: Reading,
    layers: Layers<Overlay>,
    status: StatusLine,
    saved: bool,
    document: Option<Doc>,
    /// "What would change it" is shown in full, not cut to [`CHANGE_LINES`].
    all_changes: bool,
    /// "What would change it" takes more than [`CHANGE_LINES`] lines in full.
    changes_overflow: bool,
    /// The answers changed during the action being handled.
    answers_changed: bool,
    /// How long the guide takes, worked out the first time the intro asks.
    estimate: OnceCell<Option<Estimate>>,
}

impl KeepsStatus for App {
    fn status_line(&mut self) -> &mut StatusLine {
        &mut self.status
    }
}

impl App {
    /// A player at the guide's intro, in the guide's language, with the default theme, sized
    /// 80×24 until told.
    pub fn new(guide: Arc<Guide>) -> App {
        App::with_walk(Walk::new(guide))
    }

    /// A player over an existing walk (`play --from`, sessions, the editor's preview), speaking
    /// the guide's language. It starts at the intro, wherever the walk is; callers that resume a
    /// walk skip the intro with [`App::skip_intro`].
    pub fn with_walk(walk: Walk) -> App {
        let words = words(&walk.guide().language);
        let mut app = App {
            walk,
            look: Look::new(words),
            started: false,
            review_open: false,
            edit_from_midway: false,
            selected: 0,
            why_pane: true,
            reading: Reading::default(),
            layers: Layers::default(),
            status: StatusLine::default(),
            saved: false,
            document: None,
            all_changes: false,
            changes_overflow: false,
            answers_changed: false,
            estimate: OnceCell::new(),
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
        self.look.theme = theme;
        self
    }

    /// Uses another table of words.
    pub fn with_words(mut self, words: &'static Words) -> App {
        self.look.words = words;
        self
    }

    /// Sets the window size the app lays itself out for.
    pub fn with_size(mut self, width: u16, height: u16) -> App {
        self.look.size = (width, height);
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

    /// How long the guide takes, for the intro: one figure from its own paths (see
    /// [`crate::engine::length`]); `None` when no outcome can be reached.
    pub fn estimate(&self) -> Option<Estimate> {
        *self.estimate.get_or_init(|| length::estimate(&self.walk))
    }

    /// The selected line: an answer, a review line, or the intro's button.
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// Lines scrolled in the intro or the result; in the review, lines scrolled past its button.
    pub fn scroll(&self) -> usize {
        self.reading.scroll
    }

    /// The result section the user is in.
    pub fn section(&self) -> usize {
        self.reading.section
    }

    /// Where the reader is in the intro or the result.
    pub fn reading(&self) -> Reading {
        self.reading
    }

    /// Lines scrolled in the help overlay (0 when it is closed).
    pub fn help_scroll(&self) -> usize {
        self.overlay_scroll(Overlay::Help)
    }

    /// Lines scrolled in the "why we ask" overlay (0 when it is closed).
    pub fn why_scroll(&self) -> usize {
        self.overlay_scroll(Overlay::Why)
    }

    fn overlay_scroll(&self, kind: Overlay) -> usize {
        self.layers
            .iter()
            .find(|l| l.kind == kind)
            .map_or(0, |l| l.scroll)
    }

    /// True when the why pane is wanted (shown when there is room).
    pub fn why_pane(&self) -> bool {
        self.why_pane
    }

    /// True when the why pane is on screen now.
    pub fn why_pane_shown(&self) -> bool {
        self.why_pane
            && layout::why_pane_fits(self.look.size)
            && matches!(self.screen(), Screen::Question { .. })
    }

    /// The overlays, bottom first.
    pub fn layers(&self) -> &Layers<Overlay> {
        &self.layers
    }

    /// The kinds of overlay open, bottom first.
    pub fn overlays(&self) -> Vec<Overlay> {
        self.layers.iter().map(|l| l.kind).collect()
    }

    /// The status line, if an action just reported something.
    pub fn status(&self) -> Option<&Status> {
        self.status.get()
    }

    /// True once the result has been saved and nothing changed since.
    pub fn saved(&self) -> bool {
        self.saved
    }

    /// The result as a document, once the path reaches an outcome.
    pub fn document(&self) -> Option<&Doc> {
        self.document.as_ref()
    }

    /// Whether "What would change it" is longer than the result shows at first, so its key
    /// ([`Command::Changes`]) shows more, or (once pressed) fewer.
    pub fn changes_overflow(&self) -> bool {
        self.changes_overflow
    }

    /// Whether "What would change it" is shown in full.
    pub fn all_changes(&self) -> bool {
        self.all_changes
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
        match self.layers.top().map(|l| l.kind) {
            Some(Overlay::Help) => Context::Help,
            Some(Overlay::Why) => Context::Why,
            Some(Overlay::ConfirmQuit) if self.result_unsaved() => Context::SaveOrQuit,
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

    /// True when quitting now would lose something: answers given, or a result on screen that
    /// was not saved.
    pub fn answers_at_risk(&self) -> bool {
        self.answer_count() > 0 && !self.saved
    }

    /// True when the result is on screen and not saved.
    pub fn result_unsaved(&self) -> bool {
        matches!(self.screen(), Screen::Result { .. }) && !self.saved
    }

    /// The lines of the review: the answered steps on the path, then the button.
    pub fn review_len(&self) -> usize {
        self.walk.review().len() + 1
    }

    /// Handles one action; returns what the driver must do, and whether the walk moved or its
    /// answers changed.
    pub fn handle(&mut self, action: Action) -> Vec<Effect> {
        let screen = self.screen();
        let mut effects = self.dispatch(action);
        if std::mem::take(&mut self.answers_changed) {
            effects.push(Effect::AnswersChanged);
        }
        if self.screen() != screen {
            effects.push(Effect::Moved);
        }
        effects
    }

    /// Handles a key event (a shortcut for `handle(Action::Input(Input::Key(key)))`).
    pub fn key(&mut self, key: KeyEvent) -> Vec<Effect> {
        self.handle(Action::Input(Input::Key(key)))
    }

    /// Tells the app the window has a new size.
    pub fn resize(&mut self, width: u16, height: u16) -> Vec<Effect> {
        self.handle(Action::Input(Input::Resize(width, height)))
    }

    fn dispatch(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Input(input) => self.gesture(input, Self::input),
            Action::Command(command) => self.order(command, Self::command),
            Action::Saved(outcome) => {
                let w = &self.look.words.player;
                self.saved |= self.status.report_saved(&outcome, w.saved, w.save_failed);
                Vec::new()
            }
        }
    }

    fn input(&mut self, input: Input) -> Vec<Effect> {
        match input {
            Input::Key(key) => match keymap::command(self.context(), &key, self.look.words) {
                Some(command) => self.command(command),
                None => Vec::new(),
            },
            Input::Resize(width, height) => {
                self.relayout(width, height);
                Vec::new()
            }
            Input::Click { column, row } => self.click(column, row),
            Input::Wheel { down, .. } => self.wheel(down),
        }
    }

    fn command(&mut self, command: Command) -> Vec<Effect> {
        if command == Command::Interrupt {
            return vec![Effect::Interrupt];
        }
        match self.context() {
            Context::Help | Context::Why => match command {
                Command::Close => {
                    self.layers.close();
                }
                Command::Quit => return self.quit(),
                other => self.scroll_overlay(other),
            },
            Context::ConfirmQuit | Context::SaveOrQuit => match command {
                Command::Yes => return vec![Effect::Quit],
                Command::No => {
                    self.layers.close();
                }
                Command::Save => {
                    self.layers.close();
                    return self.save();
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
        }
        Vec::new()
    }

    /// Commands that mean the same on every screen, and scrolling.
    fn common(&mut self, command: Command) -> Vec<Effect> {
        match command {
            Command::Help => self.layers.open(Overlay::Help),
            Command::Quit => return self.quit(),
            other => self.scroll_document(other),
        }
        Vec::new()
    }

    fn on_question(&mut self, command: Command) -> Vec<Effect> {
        let Screen::Question { question, .. } = self.screen() else {
            return Vec::new();
        };
        // `selected` is an answer's position in the guide; moving and numbers go by the answers
        // shown (those offered to this group).
        let shown = self.walk.visible_answers(question);
        let at = shown.iter().position(|&a| a == self.selected).unwrap_or(0);
        let last = shown.len().saturating_sub(1);
        let pick = |n: usize| shown.get(n).copied().unwrap_or(0);
        match command {
            Command::Up => self.selected = pick(at.saturating_sub(1)),
            Command::Down => self.selected = pick((at + 1).min(last)),
            Command::Top => self.selected = pick(0),
            Command::Bottom => self.selected = pick(last),
            Command::Choose => self.apply(WalkAction::Choose(self.selected)),
            Command::Pick(n) if n < shown.len() => {
                self.selected = shown[n];
                self.apply(WalkAction::Choose(shown[n]));
            }
            Command::Back => self.back_from_question(),
            Command::Review => {
                self.review_open = true;
                self.enter_screen();
            }
            Command::Why => {
                if layout::why_pane_fits(self.look.size) {
                    self.why_pane = !self.why_pane;
                } else {
                    self.layers.open(Overlay::Why);
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
        if effects.contains(&WalkEffect::Refused) {
            self.started = false;
        }
        self.enter_screen();
    }

    fn on_review(&mut self, command: Command) -> Vec<Effect> {
        let last = self.review_len() - 1;
        // On the button, the last line that can be selected, moving on scrolls what follows it
        // (the answers not used) into view; moving back scrolls back first.
        let past = if self.selected >= last {
            self.review_overflow()
        } else {
            0
        };
        let page = usize::from(self.look.size.1.saturating_sub(6)).max(1);
        let scroll = &mut self.reading.scroll;
        match command {
            Command::Up if *scroll > 0 => *scroll -= 1,
            Command::Up => self.selected = self.selected.saturating_sub(1),
            Command::Down if self.selected >= last => *scroll = (*scroll + 1).min(past),
            Command::Down => self.selected = (self.selected + 1).min(last),
            Command::PageDown if self.selected >= last => *scroll = (*scroll + page).min(past),
            Command::PageUp if *scroll > 0 => *scroll = scroll.saturating_sub(page),
            Command::PageDown => self.selected = last,
            Command::PageUp => self.selected = 0,
            Command::Top => {
                self.selected = 0;
                *scroll = 0;
            }
            Command::Bottom => {
                self.selected = last;
                self.reading.scroll = self.review_overflow();
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
        layout::review_overflow(self, window(self.look.size))
    }

    fn on_result(&mut self, command: Command) -> Vec<Effect> {
        match command {
            Command::Back | Command::Review => self.apply(WalkAction::Back),
            Command::Save => return self.save(),
            Command::Changes => self.toggle_changes(),
            other => return self.common(other),
        }
        Vec::new()
    }

    fn save(&mut self) -> Vec<Effect> {
        if self.document.is_some() {
            return vec![Effect::SaveResult];
        }
        self.status.failed(self.look.words.player.nothing_to_save);
        Vec::new()
    }

    fn quit(&mut self) -> Vec<Effect> {
        if !self.answers_at_risk() {
            return vec![Effect::Quit];
        }
        if !self.layers.on_top(&Overlay::ConfirmQuit) {
            self.layers.open(Overlay::ConfirmQuit);
        }
        Vec::new()
    }

    fn click(&mut self, column: u16, row: u16) -> Vec<Effect> {
        if !self.layers.is_empty() {
            return Vec::new();
        }
        let Some(hit) = layout::hit(self, window(self.look.size), column, row) else {
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

    fn wheel(&mut self, down: bool) -> Vec<Effect> {
        match self.context() {
            Context::Help | Context::Why => {
                let geometry = self.overlay_geometry();
                self.layers.wheel(down, geometry);
            }
            Context::Intro | Context::Result => {
                let step = if down {
                    Command::ScrollDown
                } else {
                    Command::ScrollUp
                };
                for _ in 0..crate::tui::layers::WHEEL_LINES {
                    self.scroll_document(step);
                }
            }
            Context::Question | Context::Review => {
                return self.command(if down { Command::Down } else { Command::Up })
            }
            Context::ConfirmQuit | Context::SaveOrQuit => {}
        }
        Vec::new()
    }

    /// Applies an action to the walk and follows it to its new screen.
    fn apply(&mut self, action: WalkAction) {
        let effects = self.walk.apply(action);
        if effects.contains(&WalkEffect::AnswersChanged) {
            self.answers_changed = true;
            self.saved = false;
            self.refresh_document();
        }
        if effects.contains(&WalkEffect::Refused) {
            return;
        }
        self.enter_screen();
    }

    fn refresh_document(&mut self) {
        let Some(e) = Explanation::of(&self.walk) else {
            self.document = None;
            self.changes_overflow = false;
            return;
        };
        self.changes_overflow = result::change_lines(&e) > CHANGE_LINES;
        let key = keymap::BINDINGS
            .iter()
            .find(|b| b.command == Command::Changes)
            .and_then(|b| b.keys.first())
            .map_or(String::new(), |k| k.label(&self.look.words.keys));
        let cut = ChangesShown {
            lines: CHANGE_LINES,
            key,
        };
        let limit = (!self.all_changes).then_some(&cut);
        self.document = Some(result::document_of(&self.walk, &e, limit).without_empty_headings());
    }

    /// Shows every change of "What would change it", or the first few again, and goes to it.
    fn toggle_changes(&mut self) {
        if !self.changes_overflow {
            return;
        }
        self.all_changes = !self.all_changes;
        self.refresh_document();
        let title = words(&self.guide().language).report.what_would_change;
        let section = self.document.as_ref().and_then(|doc| {
            doc.blocks
                .iter()
                .filter(|b| matches!(b, Block::Heading { level: 1 | 2, text } if !text.trim().is_empty()))
                .position(|b| matches!(b, Block::Heading { text, .. } if text == title))
        });
        if let Some(section) = section {
            self.jump_to_section(section);
        }
    }

    /// Resets what belongs to one screen when arriving on it.
    fn enter_screen(&mut self) {
        self.reading = Reading::default();
        self.selected = match self.screen() {
            Screen::Intro | Screen::Result { .. } => 0,
            Screen::Question { question, .. } => self
                .walk
                .prefilled(question)
                .or_else(|| self.walk.visible_answers(question).first().copied())
                .unwrap_or(0),
            Screen::Review { .. } => self.review_len() - 1,
        };
    }

    fn scroll_document(&mut self, command: Command) {
        let Some(step) = command.document_move() else {
            return;
        };
        if let Some(doc) = layout::document_geometry(self, window(self.look.size)) {
            self.reading = self.reading.after(step, &doc);
        }
    }

    fn jump_to_section(&mut self, section: usize) {
        if let Some(doc) = layout::document_geometry(self, window(self.look.size)) {
            self.reading = self.reading.at_section(section, &doc);
        }
    }

    /// Lines and rows of the overlay on top.
    fn overlay_geometry(&self) -> (usize, usize) {
        let area = window(self.look.size);
        match self.layers.top().map(|l| l.kind) {
            Some(Overlay::Help) => layout::help_box(self, area).geometry(),
            Some(Overlay::Why) => layout::why_box(self, area).geometry(),
            _ => (0, 0),
        }
    }

    fn scroll_overlay(&mut self, command: Command) {
        let geometry = self.overlay_geometry();
        self.layers.scroll(command.scroll(), geometry);
    }

    /// Lays out for a new size. Text rewraps, so line offsets change meaning: the scroll keeps
    /// its place within the current section instead.
    fn relayout(&mut self, width: u16, height: u16) {
        let before = layout::document_geometry(self, window(self.look.size));
        self.look.size = (width, height);
        let area = window(self.look.size);
        if let Some(after) = layout::document_geometry(self, area) {
            self.reading = self.reading.relaid(before.as_ref(), &after);
        }
        if matches!(self.screen(), Screen::Review { .. }) {
            self.reading.scroll = self.reading.scroll.min(self.review_overflow());
        }
        let help = layout::help_box(self, area).geometry();
        let why = layout::why_box(self, area).geometry();
        self.layers.clamp(|kind| match kind {
            Overlay::Help => help,
            Overlay::Why => why,
            Overlay::ConfirmQuit => (0, 0),
        });
    }
}

impl Looks for App {
    fn look(&self) -> &Look {
        &self.look
    }
}
