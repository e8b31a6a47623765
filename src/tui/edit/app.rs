//! The editor's state and its transitions: a pure state machine, like the player's.
//!
//! [`App::handle`] takes an [`Action`] — an input, the time, a new [`Snapshot`] of the file
//! after a save, the end of an `$EDITOR` run — and returns [`Effect`]s for the driver (quit, open
//! the editor, look whether the file changed). It never reads or writes a file, so tests drive a
//! reload by handing it a snapshot. Whenever it is told the time it asks for a look at the
//! files: the watcher's change events end the shell's wait, so a save is looked at at once. Every
//! [`POLL_EVERY`] the look also compares the files themselves, for file systems that send no
//! events; between looks the shell sleeps.
//!
//! Which version of the guide is on show is the heart of it ([`Version`]): the file as it is when
//! it has no errors; otherwise the last good version, kept for the outline and the preview while
//! the problems pane shows what is wrong now.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use crossterm::event::KeyEvent;

use super::keymap::{self, Command, Context};
use super::layout;
use super::outline::{NodeKey, Outline};
use super::places::Places;
use super::preview::{Divergence, Preview};
use super::snapshot::{Origin, Problem, Snapshot};
use crate::guide::text::sanitize_line;
use crate::guide::{Guide, Severity, Source};
use crate::locale::{fill, words};
use crate::tui::input::Input;
use crate::tui::keymap::Scroll;
use crate::tui::layers::{KeepsStatus, Layers, Status, StatusLine};
use crate::tui::layout::window;
use crate::tui::look::{Look, Looks};
use crate::tui::player::app::{Action as PlayerAction, Effect as PlayerEffect, Screen};
use crate::tui::theme::Theme;

/// How often the files themselves are compared with how they were (their size, time and inode),
/// for file systems that send no change events: a save shows within half a second there too.
pub const POLL_EVERY: Duration = Duration::from_millis(400);

/// The panes, in the order Tab visits them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// Sections, questions, answers and outcomes.
    Outline,
    /// The player, from the selected question.
    Preview,
    /// Errors and warnings of the guide and its translations.
    Problems,
}

impl Pane {
    const ORDER: [Pane; 3] = [Pane::Outline, Pane::Preview, Pane::Problems];

    fn step(self, by: usize) -> Pane {
        let at = Pane::ORDER.iter().position(|&p| p == self).unwrap_or(0);
        Pane::ORDER[(at + by) % Pane::ORDER.len()]
    }
}

/// Which version of the guide the outline and the preview show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    /// The file as it is now: it has no errors.
    Current,
    /// The file has errors; this is the last version that had none.
    LastGood,
    /// The file has errors and never had a good version here: the outline shows it as it is,
    /// and there is no preview.
    Broken,
    /// The file does not parse and never did: nothing to outline or play.
    Unparsed,
}

/// What the editor is told.
#[derive(Debug, Clone)]
pub enum Action {
    /// The user did something: a key, a click, the wheel, a new window size.
    Input(Input),
    /// A command, as if its key had been pressed in the focused pane.
    Command(Command),
    /// The time since the editor started (the shell's clock).
    Tick(Duration),
    /// The file (or a translation) changed and was read again.
    Reloaded(Box<Snapshot>),
    /// `$EDITOR` ended: `Err` says why it could not run or failed.
    EditorClosed(Result<(), String>),
}

/// What the driver must do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Leave the editor.
    Quit,
    /// Leave at once: the user pressed Ctrl-C.
    Interrupt,
    /// Suspend the screen, run `$EDITOR +line file`, then report with [`Action::EditorClosed`].
    OpenEditor {
        /// The file to open.
        file: PathBuf,
        /// 1-based line.
        line: usize,
    },
    /// Look whether the guide or a translation changed on disk (a change event came, or with
    /// `poll`, the files look different); if so, read them again and report with
    /// [`Action::Reloaded`].
    LookAtFiles {
        /// Also compare the files themselves, not only the change events.
        poll: bool,
    },
}

/// The editor's one overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Help;

/// The version on show: the guide, its outline as built, and the outline as shown (laid over
/// the file as it is now: lines now, links broken now).
#[derive(Debug, Clone)]
struct Shown {
    guide: Arc<Guide>,
    built: Outline,
    outline: Outline,
}

/// The whole state of the editor.
#[derive(Debug, Clone)]
pub struct App {
    path: PathBuf,
    name: String,
    look: Look,
    version: Version,
    shown: Option<Shown>,
    problems: Vec<Problem>,
    /// Where each node is in the file as it is now.
    places: Places,
    focus: Pane,
    selected: usize,
    outline_offset: usize,
    problem: usize,
    problems_offset: usize,
    preview: Option<Preview>,
    layers: Layers<Help>,
    status: StatusLine,
    /// When the files are next compared, on the shell's clock.
    next_look: Duration,
}

impl KeepsStatus for App {
    fn status_line(&mut self) -> &mut StatusLine {
        &mut self.status
    }
}

impl App {
    /// The editor on the guide at `path`, as first read; 80×24 until told, default theme.
    pub fn new(path: impl Into<PathBuf>, snapshot: Snapshot) -> App {
        let path = path.into();
        let mut app = App {
            name: sanitize_line(&path.display().to_string()),
            path,
            look: Look::new(words("")),
            version: Version::Unparsed,
            shown: None,
            problems: Vec::new(),
            places: Places::default(),
            focus: Pane::Outline,
            selected: 0,
            outline_offset: 0,
            problem: 0,
            problems_offset: 0,
            preview: None,
            layers: Layers::default(),
            status: StatusLine::default(),
            next_look: POLL_EVERY,
        };
        app.reload(snapshot);
        app.settle();
        app
    }

    /// Uses another theme (the preview's too).
    pub fn with_theme(mut self, theme: Theme) -> App {
        if let Some(preview) = &mut self.preview {
            preview.set_theme(&theme);
        }
        self.look.theme = theme;
        self
    }

    /// Sets the terminal size the editor lays itself out for.
    pub fn with_size(mut self, width: u16, height: u16) -> App {
        self.look.size = (width, height);
        self.settle();
        self
    }

    /// The guide file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The guide file's name as shown.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Which version of the guide is on show.
    pub fn version(&self) -> Version {
        self.version
    }

    /// The guide on show (the current file or the last good version), if any.
    pub fn guide(&self) -> Option<&Arc<Guide>> {
        self.shown.as_ref().map(|s| &s.guide)
    }

    /// The outline of the guide on show (empty when there is none).
    pub fn outline(&self) -> &Outline {
        static EMPTY: std::sync::OnceLock<Outline> = std::sync::OnceLock::new();
        match &self.shown {
            Some(shown) => &shown.outline,
            None => EMPTY.get_or_init(Outline::default),
        }
    }

    /// The selected outline row.
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The first outline row on screen.
    pub fn outline_offset(&self) -> usize {
        self.outline_offset
    }

    /// Every problem of the file as it is now, errors first.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// The selected problem.
    pub fn problem(&self) -> usize {
        self.problem
    }

    /// The first line of the problems pane on screen.
    pub fn problems_offset(&self) -> usize {
        self.problems_offset
    }

    /// Counts of errors and warnings.
    pub fn counts(&self) -> (usize, usize) {
        let errors = self
            .problems
            .iter()
            .filter(|p| p.severity() == Severity::Error)
            .count();
        (errors, self.problems.len() - errors)
    }

    /// The focused pane.
    pub fn focus(&self) -> Pane {
        self.focus
    }

    /// The preview, when there is a good version to play.
    pub fn preview(&self) -> Option<&Preview> {
        self.preview.as_ref()
    }

    /// True while the help is open.
    pub fn help_open(&self) -> bool {
        !self.layers.is_empty()
    }

    /// Lines scrolled in the help (0 when it is closed).
    pub fn help_scroll(&self) -> usize {
        self.layers.top().map_or(0, |l| l.scroll)
    }

    /// The line shown after an action, until the next key.
    pub fn status(&self) -> Option<&Status> {
        self.status.get()
    }

    /// When the files are next compared, on the shell's clock (the view's wake time).
    pub fn next_look(&self) -> Duration {
        self.next_look
    }

    /// Where keys go.
    pub fn context(&self) -> Context {
        if self.help_open() {
            return Context::Help;
        }
        self.pane_context()
    }

    /// The focused pane's context, ignoring the help (the help lists its keys).
    pub fn pane_context(&self) -> Context {
        match self.focus {
            Pane::Outline => Context::Outline,
            Pane::Preview => Context::Preview,
            Pane::Problems => Context::Problems,
        }
    }

    /// Handles one action; returns what the driver must do.
    pub fn handle(&mut self, action: Action) -> Vec<Effect> {
        let effects = match action {
            Action::Input(input) => self.gesture(input, Self::input),
            Action::Command(command) => self.order(command, Self::command),
            Action::Tick(now) => {
                let poll = now >= self.next_look;
                if poll {
                    self.next_look = now + POLL_EVERY;
                }
                return vec![Effect::LookAtFiles { poll }];
            }
            Action::Reloaded(snapshot) => {
                self.reload(*snapshot);
                Vec::new()
            }
            Action::EditorClosed(ended) => {
                match ended {
                    Ok(()) => self.status.done(self.look.words.editor.editor_back),
                    Err(why) => self.status.failed(why),
                }
                Vec::new()
            }
        };
        self.settle();
        effects
    }

    /// Handles a key event (a shortcut for `handle(Action::Input(Input::Key(key)))`).
    pub fn key(&mut self, key: KeyEvent) -> Vec<Effect> {
        self.handle(Action::Input(Input::Key(key)))
    }

    fn input(&mut self, input: Input) -> Vec<Effect> {
        match input {
            Input::Key(key) => {
                let context = self.context();
                match keymap::command(context, &key) {
                    Some(command) => self.command(command),
                    None if context == Context::Preview => {
                        self.play_in_preview(PlayerAction::Input(input));
                        Vec::new()
                    }
                    None => Vec::new(),
                }
            }
            Input::Resize(width, height) => {
                self.look.size = (width, height);
                Vec::new()
            }
            Input::Click { column, row } => {
                self.click(column, row);
                Vec::new()
            }
            Input::Wheel { down, column, row } => {
                self.wheel(down, column, row);
                Vec::new()
            }
        }
    }

    fn command(&mut self, command: Command) -> Vec<Effect> {
        match command {
            Command::Interrupt => return vec![Effect::Interrupt],
            Command::Quit => return vec![Effect::Quit],
            _ => {}
        }
        if self.help_open() {
            match command {
                Command::Close => {
                    self.layers.close();
                }
                other => self.scroll_help(other),
            }
            return Vec::new();
        }
        match command {
            Command::Help => self.layers.open(Help),
            Command::NextPane => self.focus = self.focus.step(1),
            Command::PrevPane => self.focus = self.focus.step(Pane::ORDER.len() - 1),
            Command::Edit => return vec![self.open_here()],
            Command::Open => match self.focus {
                Pane::Outline => self.play_here(),
                Pane::Problems => self.jump(),
                Pane::Preview => {}
            },
            Command::Move(step) => match self.focus {
                Pane::Outline => self.move_outline(step),
                Pane::Problems => self.move_problems(step),
                Pane::Preview => {}
            },
            Command::Close | Command::Quit | Command::Interrupt => {}
        }
        Vec::new()
    }

    /// Sends an action to the player in the preview. The preview never writes files: a save
    /// is answered at once with why not.
    fn play_in_preview(&mut self, action: PlayerAction) {
        let refusal = self.look.words.editor.preview_no_save;
        let Some(preview) = &mut self.preview else {
            return;
        };
        for effect in preview.player_mut().handle(action) {
            if effect == PlayerEffect::SaveResult {
                preview
                    .player_mut()
                    .handle(PlayerAction::Saved(Err(refusal.to_string())));
            }
        }
    }

    // Reloading.

    /// Takes in a new reading of the file: new problems always; a new outline and a replanted
    /// preview when the file is good; otherwise the last good version stays on show, laid over
    /// the file as it is (the nodes' lines now, the links broken now).
    fn reload(&mut self, snapshot: Snapshot) {
        let Snapshot {
            source,
            guide,
            lenient,
            places,
            problems,
        } = snapshot;
        self.problems = problems;
        self.problem = self.problem.min(self.problems.len().saturating_sub(1));
        self.places = places;
        match guide {
            Some(guide) => {
                self.show(guide.clone(), &source, Version::Current);
                self.replant(guide);
            }
            None if matches!(self.version, Version::Current | Version::LastGood) => {
                self.version = Version::LastGood;
                let now = lenient.map(|guide| Outline::build(&guide, &source));
                self.lay_over_the_file(now.as_ref());
            }
            None => {
                self.preview = None;
                match lenient {
                    Some(guide) => self.show(guide, &source, Version::Broken),
                    None => {
                        self.shown = None;
                        self.version = Version::Unparsed;
                        self.selected = 0;
                    }
                }
            }
        }
        self.look.words = words(self.guide().map_or("", |g| g.language.as_str()));
    }

    /// Puts a version on show, keeping the selection on the same node when it still exists.
    fn show(&mut self, guide: Arc<Guide>, source: &Source, version: Version) {
        let was = self.selected_key();
        let built = Outline::build(&guide, source);
        self.selected = match was {
            Some(key) => built
                .find_nearest(&key)
                .unwrap_or_else(|| self.selected.min(built.len().saturating_sub(1))),
            None => guide
                .index
                .start()
                .and_then(|q| built.question_row(q))
                .unwrap_or(0),
        };
        self.shown = Some(Shown {
            guide,
            outline: built.clone(),
            built,
        });
        self.version = version;
        self.lay_over_the_file(None);
    }

    /// Lays the outline of the version on show over the file as it is now: each row at its
    /// node's line now, and the links that are broken now (in `now`, the outline of the file
    /// when it parses despite its errors) marked. The selection stays on its node.
    fn lay_over_the_file(&mut self, now: Option<&Outline>) {
        let was = self.selected_key();
        let Some(shown) = &mut self.shown else {
            return;
        };
        let mut outline = shown.built.clone();
        if let Some(now) = now {
            outline.mark_broken(now);
        }
        outline.relocate(&self.places);
        let last = outline.len().saturating_sub(1);
        self.selected = was
            .and_then(|key| outline.find_nearest(&key))
            .unwrap_or(self.selected.min(last));
        shown.outline = outline;
    }

    /// The key of the selected row, if there is an outline.
    fn selected_key(&self) -> Option<NodeKey> {
        self.shown
            .as_ref()
            .and_then(|s| s.outline.key(self.selected).cloned())
    }

    /// Moves the preview onto a new good version, keeping its place; or starts it.
    fn replant(&mut self, guide: Arc<Guide>) {
        let Some(preview) = &self.preview else {
            self.follow_selection(false);
            return;
        };
        let (preview, divergence) = preview.replant(guide, &self.look.theme);
        self.preview = Some(preview);
        let e = &self.look.words.editor;
        if let Some(divergence) = divergence {
            self.status.failed(match divergence {
                Divergence::StartGone(id) => fill(e.preview_gone, &[("id", &id)]),
                Divergence::AnswerGone(question, answer) => fill(
                    e.preview_diverged,
                    &[("question", &question), ("answer", &answer)],
                ),
            });
        }
    }

    // The outline and the preview.

    /// Starts the preview at the selected row's question, unless it already plays from there
    /// (or `restart` asks for a fresh start anyway).
    fn follow_selection(&mut self, restart: bool) {
        if !matches!(self.version, Version::Current | Version::LastGood) {
            return;
        }
        let Some(shown) = &self.shown else {
            return;
        };
        let Some(question) = shown.outline.question_of(self.selected) else {
            return;
        };
        let guide = shown.guide.clone();
        let same = self.preview.as_ref().is_some_and(|p| {
            Arc::ptr_eq(p.guide(), &guide) && p.from() == guide.questions[question].id
        });
        if same && !restart {
            return;
        }
        let size = self
            .preview
            .as_ref()
            .map_or(self.look.size, |p| p.player().size());
        self.preview = Some(Preview::start(guide, question, &self.look.theme, size));
    }

    fn select(&mut self, row: usize) {
        self.selected = row.min(self.outline().len().saturating_sub(1));
        self.follow_selection(false);
    }

    fn move_outline(&mut self, step: Scroll) {
        let last = self.outline().len().saturating_sub(1);
        let page = self.pane_height(Pane::Outline).saturating_sub(1).max(1);
        let row = step.applied_to(self.selected, page, last);
        self.select(row);
    }

    fn play_here(&mut self) {
        if !matches!(self.version, Version::Current | Version::LastGood) {
            self.status.failed(self.look.words.editor.preview_waiting);
            return;
        }
        if self.outline().question_of(self.selected).is_none() {
            self.status.done(self.look.words.editor.preview_outcome);
            return;
        }
        self.follow_selection(true);
        self.focus = Pane::Preview;
    }

    // Problems.

    fn move_problems(&mut self, step: Scroll) {
        let last = self.problems.len().saturating_sub(1);
        let page = (self.pane_height(Pane::Problems) / 2).max(1);
        self.problem = step.applied_to(self.problem, page, last);
    }

    /// Shows the selected problem's node in the outline.
    fn jump(&mut self) {
        let Some(problem) = self.problems.get(self.problem) else {
            return;
        };
        if problem.origin == Origin::Translation {
            self.status.done(fill(
                self.look.words.editor.jump_translation,
                &[("file", &problem.name)],
            ));
            return;
        }
        let line = problem.line;
        let row = problem
            .node
            .as_ref()
            .and_then(|node| self.outline().find_nearest(node));
        match row {
            Some(row) => {
                self.focus = Pane::Outline;
                self.select(row);
            }
            None => self.status.done(fill(
                self.look.words.editor.jump_outside,
                &[("line", &line)],
            )),
        }
    }

    // Opening the editor.

    /// Where `e` opens the editor: the selected node, the selected problem, or the preview's
    /// question; the top of the guide when there is nothing selected.
    fn open_here(&self) -> Effect {
        let at = |line: usize| Effect::OpenEditor {
            file: self.path.clone(),
            line: line.max(1),
        };
        let row_line = |row: Option<usize>| {
            row.and_then(|r| self.outline().rows().get(r))
                .map_or(1, |r| r.line)
        };
        match self.focus {
            Pane::Outline => at(row_line(Some(self.selected))),
            Pane::Problems => match self.problems.get(self.problem) {
                Some(p) => Effect::OpenEditor {
                    file: p.file.clone(),
                    line: p.line.max(1),
                },
                None => at(1),
            },
            Pane::Preview => {
                let Some(preview) = &self.preview else {
                    return at(row_line(Some(self.selected)));
                };
                // By id: the preview may play another version than the file has now.
                let guide = preview.guide();
                let node = match preview.player().screen() {
                    Screen::Question { question, .. } => {
                        NodeKey::Question(guide.questions[question].id.clone())
                    }
                    Screen::Result { outcome } => {
                        NodeKey::Outcome(guide.outcomes[outcome].id.clone())
                    }
                    Screen::Intro | Screen::Review { .. } => {
                        NodeKey::Question(preview.from().to_string())
                    }
                };
                at(self.places.line(&node).unwrap_or(1))
            }
        }
    }

    // The mouse.

    fn click(&mut self, column: u16, row: u16) {
        if self.help_open() {
            return;
        }
        let Some(layout) = self.layout() else {
            return;
        };
        match layout.pane_at(column, row) {
            Some((Pane::Preview, inner)) => {
                self.focus = Pane::Preview;
                self.play_in_preview(PlayerAction::Input(Input::Click {
                    column: column - inner.x,
                    row: row - inner.y,
                }));
            }
            Some((Pane::Outline, inner)) => {
                self.focus = Pane::Outline;
                let at = self.outline_offset + usize::from(row - inner.y);
                if at < self.outline().len() {
                    self.select(at);
                }
            }
            Some((Pane::Problems, inner)) => {
                self.focus = Pane::Problems;
                let line = self.problems_offset + usize::from(row - inner.y);
                let (_, items) = layout::problem_lines(self, inner);
                if let Some(i) = items.iter().position(|r| r.contains(&line)) {
                    self.problem = i;
                }
            }
            None => {}
        }
    }

    fn wheel(&mut self, down: bool, column: u16, row: u16) {
        if self.help_open() {
            let geometry = self.help_geometry();
            self.layers.wheel(down, geometry);
            return;
        }
        let Some(layout) = self.layout() else {
            return;
        };
        let step = Scroll::wheel(down);
        match layout.pane_at(column, row) {
            Some((Pane::Preview, inner)) => {
                self.play_in_preview(PlayerAction::Input(Input::Wheel {
                    down,
                    column: column - inner.x,
                    row: row - inner.y,
                }))
            }
            Some((Pane::Outline, _)) => {
                for _ in 0..3 {
                    self.move_outline(step);
                }
            }
            Some((Pane::Problems, _)) => self.move_problems(step),
            None => {}
        }
    }

    // Layout.

    fn layout(&self) -> Option<layout::Layout> {
        layout::layout(self, window(self.look.size))
    }

    fn pane_height(&self, pane: Pane) -> usize {
        self.layout()
            .and_then(|l| l.inner(pane))
            .map_or(1, |r| usize::from(r.height))
    }

    fn help_geometry(&self) -> (usize, usize) {
        layout::help_box(self, window(self.look.size)).geometry()
    }

    fn scroll_help(&mut self, command: Command) {
        let geometry = self.help_geometry();
        let step = match command {
            Command::Move(step) => Some(step),
            _ => None,
        };
        self.layers.scroll(step, geometry);
    }

    /// After every change: scroll the lists to their selections and size the preview to its pane.
    fn settle(&mut self) {
        let Some(layout) = self.layout() else {
            return;
        };
        if let Some(inner) = layout.inner(Pane::Outline) {
            let rows = self.outline().len();
            self.outline_offset = follow(
                self.outline_offset,
                self.selected..self.selected + 1,
                usize::from(inner.height),
                rows,
            );
        }
        if let Some(inner) = layout.inner(Pane::Problems) {
            let (lines, items) = layout::problem_lines(self, inner);
            let item = items.get(self.problem).cloned().unwrap_or(0..0);
            self.problems_offset = follow(
                self.problems_offset,
                item,
                usize::from(inner.height),
                lines.len(),
            );
        }
        if let (Some(preview), Some(inner)) = (&mut self.preview, layout.inner(Pane::Preview)) {
            if preview.player().size() != (inner.width, inner.height) {
                preview.player_mut().resize(inner.width, inner.height);
            }
        }
        if self.help_open() {
            let help = self.help_geometry();
            self.layers.clamp(|_| help);
        }
    }
}

/// The first line to show so that `item` is on screen, moving as little as possible from
/// `offset`, and never past the end.
pub fn follow(offset: usize, item: Range<usize>, height: usize, total: usize) -> usize {
    if height == 0 {
        return 0;
    }
    let mut top = offset.min(total.saturating_sub(height));
    if item.start < top {
        top = item.start;
    } else if item.end > top + height {
        top = (item.end - height).min(item.start);
    }
    top
}

impl Looks for App {
    fn look(&self) -> &Look {
        &self.look
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follow_moves_only_as_far_as_needed() {
        assert_eq!(follow(0, 3..4, 10, 50), 0);
        assert_eq!(follow(0, 12..13, 10, 50), 3);
        assert_eq!(follow(8, 5..6, 10, 50), 5);
        assert_eq!(follow(45, 5..6, 10, 50), 5);
        assert_eq!(follow(45, 48..49, 10, 50), 40, "never past the end");
        assert_eq!(follow(3, 0..30, 10, 50), 0, "tall items show their start");
        assert_eq!(follow(0, 20..40, 10, 50), 20, "tall items show their start");
    }

    #[test]
    fn every_tick_looks_for_change_events_and_some_compare_the_files() {
        let mut app = App::new("g.ron", Snapshot::read(Path::new("no-such-guide.ron")));
        let look = |poll| vec![Effect::LookAtFiles { poll }];
        assert_eq!(
            app.handle(Action::Tick(Duration::from_millis(10))),
            look(false)
        );
        assert_eq!(app.handle(Action::Tick(POLL_EVERY)), look(true));
        assert_eq!(app.next_look(), POLL_EVERY * 2);
        assert_eq!(
            app.handle(Action::Tick(POLL_EVERY + Duration::from_millis(1))),
            look(false)
        );
    }

    #[test]
    fn tab_visits_every_pane_and_comes_back() {
        let mut pane = Pane::Outline;
        let mut seen = Vec::new();
        for _ in 0..3 {
            seen.push(pane);
            pane = pane.step(1);
        }
        assert_eq!(pane, Pane::Outline);
        assert_eq!(seen, Pane::ORDER);
        assert_eq!(Pane::Outline.step(2), Pane::Problems);
    }
}
