//! The authoring view (`coop-guide edit GUIDE`): an outline of the guide, its problems, and a live
//! preview that plays it from the selected question, all following the file as it is saved.
//!
//! - [`app`]: the state and its transitions, a pure state machine (no IO);
//! - [`snapshot`]: one reading of the guide file and its translations, the only file reading;
//! - [`outline`]: the outline's rows, with keys that survive a reload;
//! - [`places`]: where each node is in the file as it is now, by ids;
//! - [`preview`]: the player running the preview, replanted on each new good version;
//! - [`keymap`]: the editor's keys, laid over the player's in the preview;
//! - [`layout`]: where the panes are; [`view`]: painting them;
//! - [`launch`]: running `$EDITOR +LINE FILE`;
//! - [`listen`]: the editor's input, the keyboard and the watcher's bell waited on together.
//!
//! The driver here is the editor's only IO. The [`Watcher`] takes change events from the
//! operating system and rings a bell that wakes the shell's wait; the app, told the time, asks
//! to look at the files, and a save (also by rename) is on screen within milliseconds. Where no
//! events come, the app's wake time asks for a look at the files themselves every
//! [`app::POLL_EVERY`]. The text file stays the source of truth: nothing here writes it.

pub mod app;
pub mod keymap;
pub mod launch;
pub mod layout;
pub mod listen;
pub mod outline;
pub mod places;
pub mod preview;
pub mod snapshot;
pub mod view;

use std::io;
use std::path::PathBuf;
use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub use app::{Action, App, Effect, Pane, Version};
pub use snapshot::{Origin, Problem, Snapshot};

use crate::tui::input::{Input, InputSource, Keyboard};
use crate::tui::shell::{self, Screen, View};
use crate::tui::terminal::Ending;
use crate::tui::Theme;
use crate::watch::Watcher;
use listen::Listening;

/// Runs the editor on a guide file until the user quits; with a `language`, the preview and
/// the outline show the guide in that translation. The files are never written.
pub fn run(guide: PathBuf, language: Option<String>, theme: Theme) -> io::Result<Ending> {
    let mut listening = Listening::new()?;
    let bell = listening.bell()?;
    // Watch first, then read: a save between the two is seen at the first look.
    let watcher = Watcher::waking(&guide, move || bell.ring());
    let snapshot = Snapshot::read_in(&guide, language.as_deref());
    let mut app = App::new(guide.clone(), snapshot).with_theme(theme);
    let mut editing = Editing {
        guide,
        language,
        watcher,
    };
    let mut screen = Screen::local()?;
    shell::run(
        &mut app,
        &mut |app: &mut App, effect, screen: &mut Screen| editing.carry_out(app, effect, screen),
        &mut listening,
        &mut screen,
    )
}

impl View for App {
    type Effect = Effect;

    fn input(&mut self, input: Input) -> Vec<Effect> {
        self.handle(Action::Input(input))
    }

    fn tick(&mut self, now: Duration) -> Vec<Effect> {
        self.handle(Action::Tick(now))
    }

    fn wake_at(&self) -> Option<Duration> {
        Some(self.next_look())
    }

    fn render(&self, area: Rect, buf: &mut Buffer) {
        view::render_into(self, area, buf);
    }
}

/// The editor's driver: looks at the files, and hands the terminal to `$EDITOR`.
#[derive(Debug)]
pub struct Editing {
    guide: PathBuf,
    language: Option<String>,
    watcher: Watcher,
}

impl Editing {
    /// Carries out what the editor asks for.
    fn carry_out(
        &mut self,
        app: &mut App,
        effect: Effect,
        screen: &mut Screen,
    ) -> io::Result<Option<Ending>> {
        match effect {
            Effect::Quit => return Ok(Some(Ending::Quit)),
            Effect::Interrupt => return Ok(Some(Ending::Interrupted)),
            Effect::LookAtFiles { poll } => {
                if self.watcher.look(poll) {
                    let snapshot = Snapshot::read_in(&self.guide, self.language.as_deref());
                    app.handle(Action::Reloaded(Box::new(snapshot)));
                }
            }
            Effect::OpenEditor { file, line } => {
                let failed = app.words().editor.editor_failed;
                let ended = screen.suspended(|| launch::run(&file, line, failed))?;
                // The window may have changed size while the editor had it.
                let (width, height) = Keyboard.size()?;
                screen.resize(width, height)?;
                app.handle(Action::Input(Input::Resize(width, height)));
                app.handle(Action::EditorClosed(ended));
            }
        }
        Ok(None)
    }
}
