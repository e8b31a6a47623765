//! The full-screen player (ratatui + crossterm) over the walk engine.
//!
//! - [`app`]: the state and its transitions, a pure state machine (no IO);
//! - [`view`]: pure functions from the state to a frame, with the layouts for each window size;
//! - [`keymap`]: the keys as data, feeding the handling, the footer and the help screen;
//! - [`strings`]: every word of the player's own, one table per language;
//! - [`theme`]: styles by role (default, high contrast, no colour);
//! - [`terminal`]: the guard that restores the terminal on every way out, and what every loop
//!   draws with;
//! - [`save`]: writing the result as Markdown.
//!
//! The loop here is the only IO: one thread blocks on the next terminal event (no CPU while idle),
//! drains whatever else is pending, then draws once.

pub mod app;
pub mod edit;
pub mod facilitate;
pub mod keymap;
pub mod save;
pub mod strings;
pub mod terminal;
pub mod theme;
pub mod view;

use std::io::{self, Write};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use crossterm::event::{self, Event};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;

pub use app::{Action, App, AppEffect, Overlay, Screen, Status};
pub use theme::Theme;

use crate::engine::Walk;
use crate::guide::Guide;
pub use terminal::Ending;
use terminal::{draw_frame, tty};

/// Environment variable that makes the player panic after its first frame, so tests can check
/// that a panic restores the terminal. Not for users.
pub const TEST_PANIC_ENV: &str = "COOP_GUIDE_TEST_PANIC";

/// Runs the player until the user quits, from question `from` (skipping the intro) when one is
/// given. The guide must have a start.
pub fn play(guide: Arc<Guide>, from: Option<usize>, theme: Theme) -> io::Result<Ending> {
    let from = from.filter(|&q| q < guide.questions.len());
    let walk = match from {
        Some(q) => Walk::from_question(guide, q),
        None => Walk::new(guide),
    };
    let mut app = App::with_walk(walk).with_theme(theme);
    if from.is_some() {
        app = app.skip_intro();
    }
    let test_panic = std::env::var_os(TEST_PANIC_ENV).is_some_and(|v| v == "1");

    let guard = terminal::Guard::enter()?;
    let ending = run(&mut app, test_panic);
    drop(guard);
    ending
}

/// The theme named by `--theme` (the default one when none is), without colours when `NO_COLOR`
/// is set; `None` for a name no theme has.
pub fn theme_for(name: Option<&str>) -> Option<Theme> {
    let theme = match name {
        None => Theme::default(),
        Some(name) => Theme::named(name)?,
    };
    Some(
        if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            theme.without_color()
        } else {
            theme
        },
    )
}

fn run(app: &mut App, test_panic: bool) -> io::Result<Ending> {
    let mut terminal = tty()?;
    let size = terminal.size()?;
    app.handle(Action::Resize {
        width: size.width,
        height: size.height,
    });
    let mut first = true;
    loop {
        draw(&mut terminal, app)?;
        if test_panic && first {
            panic!("{TEST_PANIC_ENV}=1: panicking after the first frame, as asked");
        }
        first = false;
        // Block for the next event, then take everything already waiting before drawing again.
        let mut next = Some(event::read()?);
        while let Some(ev) = next {
            if let Some(ending) = on_event(app, ev) {
                return Ok(ending);
            }
            next = if event::poll(Duration::ZERO)? {
                Some(event::read()?)
            } else {
                None
            };
        }
    }
}

/// Draws one frame of the app, inside a synchronized update (see [`draw_frame`]).
pub fn draw<W: Write>(terminal: &mut Terminal<CrosstermBackend<W>>, app: &App) -> io::Result<()> {
    draw_frame(terminal, |frame| view::render(app, frame))
}

/// Turns a terminal event into an action, and carries out what the app asks for.
fn on_event(app: &mut App, ev: Event) -> Option<Ending> {
    let action = Action::from(terminal::input(ev)?);
    for effect in app.handle(action) {
        match effect {
            AppEffect::Quit => return Some(Ending::Quit),
            AppEffect::Interrupt => return Some(Ending::Interrupted),
            AppEffect::Moved | AppEffect::AnswersChanged => {}
            AppEffect::SaveResult => {
                let saved =
                    save::save_result(app.walk(), Path::new(".")).map_err(|e| e.to_string());
                app.handle(Action::Saved(saved));
            }
        }
    }
    None
}
