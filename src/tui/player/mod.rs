//! The player: one group's walk through a guide, full screen.
//!
//! - [`app`]: the state and its transitions, a pure state machine (no IO);
//! - [`keymap`]: its keys as data, feeding the handling, the footer and the help screen;
//! - [`layout`]: where things are on each screen (what the app scrolls and hit-tests with);
//! - [`view`]: painting the frame from the state.
//!
//! [`run`] plays a guide in the shell; the driver here is the player's only IO: writing the
//! result as Markdown when `s` asks for it.

pub mod app;
pub mod keymap;
pub mod layout;
pub mod view;

use std::io;
use std::path::Path;
use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub use app::{Action, App, Effect, Overlay, Screen};

use crate::engine::Walk;
use crate::guide::Guide;
use crate::save::save_result;
use crate::tui::input::Input;
use crate::tui::shell::{self, View};
use crate::tui::terminal::Ending;
use crate::tui::theme::Theme;

/// Plays a guide until the user quits, from question `from` (skipping the intro) when one is
/// given; saved results go to the current folder.
pub fn run(guide: Arc<Guide>, from: Option<usize>, theme: Theme) -> io::Result<Ending> {
    let from = from.filter(|&q| q < guide.questions.len());
    let walk = match from {
        Some(q) => Walk::from_question(guide, q),
        None => Walk::new(guide),
    };
    let mut app = App::with_walk(walk).with_theme(theme);
    if from.is_some() {
        app = app.skip_intro();
    }
    shell::run_here(
        &mut app,
        &mut |app: &mut App, effect, _: &mut shell::Screen| {
            Ok(carry_out(app, effect, Path::new(".")))
        },
    )
}

impl View for App {
    type Effect = Effect;

    fn input(&mut self, input: Input) -> Vec<Effect> {
        self.handle(Action::Input(input))
    }

    fn render(&self, area: Rect, buf: &mut Buffer) {
        view::render_into(self, area, buf);
    }
}

/// Carries out what the player asks for: it leaves on Quit and Ctrl-C, and writes the result
/// into `folder`; the walk's own news needs nothing done.
pub fn carry_out(app: &mut App, effect: Effect, folder: &Path) -> Option<Ending> {
    match effect {
        Effect::Quit => Some(Ending::Quit),
        Effect::Interrupt => Some(Ending::Interrupted),
        Effect::SaveResult => {
            let saved = save_result(app.walk(), folder).map_err(|e| e.to_string());
            app.handle(Action::Saved(saved));
            None
        }
        Effect::Moved | Effect::AnswersChanged => None,
    }
}
