//! Workshop mode: the presenter view over a [`Session`], and the report viewer over several.
//!
//! - [`presenter`]: the presenter's state and transitions, a pure state machine (no IO) that holds
//!   the player's [`App`](crate::tui::App) for the walk, and adds hands, notes, the countdown and
//!   time per question;
//! - [`comparison`]: the report viewer's state (the comparison of sessions with a chart);
//! - [`view`]: pure functions from either state to a frame;
//! - [`note`] and [`clock`]: the note input and the time (countdown, time on a question).
//!
//! This file is the only IO: the loops that read the terminal and draw, and [`perform`], which
//! carries out what the presenter asks for — saving the session after every change (atomically,
//! with `Session::save`) and writing the hand-out beside the session file.
//!
//! Keys on a question (all in the keymap, so the footer and `?` list them): ↑↓ or a number move
//! `›`, the group's choice, and the hands keys with it; `+`/`→` and `-`/`←` add and remove raised
//! hands (`›` follows an answer with strictly most hands); Enter records the answer marked `›`
//! (on a tie too), `n` writes a note, `t` starts a countdown (2, 5, 10 minutes, off), `h` hides
//! the facilitator notes while projecting, `w` why we ask, `b` back, `r` review, `q` quit. On the
//! result `s` saves the hand-out. In the report viewer `s` saves the comparison in this folder.
//!
//! The loop blocks on the terminal while nothing runs, so an idle presenter uses no CPU; only
//! while a countdown runs does it wake once a second to redraw it.

pub mod clock;
pub mod comparison;
pub mod note;
pub mod presenter;
pub mod view;

use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crossterm::event::{self, Event};

use crate::engine::session::Session;
use crate::report::doc::Doc;
use crate::report::sessions::handout;
use crate::store::Store;
use crate::tui::save::{file_safe, save_new};
pub use crate::tui::terminal::Ending;
use crate::tui::terminal::{draw_frame, tty, Input};
use crate::tui::{terminal, Theme};
pub use comparison::Comparison;
pub use presenter::Presenter;

/// Runs the presenter view on a session saved in `store` after every change, until the
/// facilitator quits or presses Ctrl-C (the session is saved either way).
pub fn run(session: Session, store: Store, theme: Theme) -> io::Result<Ending> {
    let mut presenter = Presenter::new(session, store).with_theme(theme);
    let guard = terminal::Guard::enter()?;
    let ending = present(&mut presenter);
    drop(guard);
    ending
}

/// Shows the comparison of sessions (the hand-out when there is one), with a chart of outcomes
/// across groups.
pub fn report(sessions: Vec<Session>, theme: Theme) -> io::Result<Ending> {
    let mut viewer = Comparison::new(&sessions).with_theme(theme);
    let guard = terminal::Guard::enter()?;
    let ending = show(&mut viewer);
    drop(guard);
    ending
}

/// Carries out what the presenter asked for, reporting each outcome back to it; returns how the
/// loop ends, if it does. Saving never touches the presenter's state beyond that report, so a
/// failed save loses nothing in memory.
pub fn perform(presenter: &mut Presenter, effects: Vec<presenter::Effect>) -> Option<Ending> {
    use presenter::{Action, Effect};
    for effect in effects {
        match effect {
            Effect::SaveSession => {
                let store = presenter.store();
                let file = presenter.record().to_file(presenter.walk(), store.now());
                let saved = store.save(&file).map_err(|e| e.to_string());
                presenter.handle(Action::SessionSaved(saved));
            }
            Effect::SaveHandout => {
                let doc = handout(presenter.walk(), presenter.record());
                let saved = save_handout(&doc, presenter.store().path()).map_err(|e| e.to_string());
                presenter.handle(Action::HandoutSaved(saved));
            }
            Effect::Quit => return Some(Ending::Quit),
            Effect::Interrupt => return Some(Ending::Interrupted),
        }
    }
    None
}

/// Writes the session's hand-out beside its file, as `<session>-handout.md` (or `-1`, `-2` …:
/// an existing file is never overwritten). Returns the path written.
pub fn save_handout(handout: &Doc, path: &Path) -> io::Result<PathBuf> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let stem = path
        .file_stem()
        .map(|s| file_safe(&s.to_string_lossy()))
        .unwrap_or_else(|| "session".to_string());
    save_new(dir, &format!("{stem}-handout"), &handout.to_markdown())
}

impl From<Input> for presenter::Action {
    fn from(input: Input) -> Self {
        match input {
            Input::Key(key) => Self::Key(key),
            Input::Resize(width, height) => Self::Resize { width, height },
            Input::Click(column, row) => Self::Click { column, row },
            Input::Wheel { down, .. } => Self::Wheel { down },
        }
    }
}

impl From<Input> for comparison::Action {
    fn from(input: Input) -> Self {
        match input {
            Input::Key(key) => Self::Key(key),
            Input::Resize(width, height) => Self::Resize { width, height },
            Input::Click(column, row) => Self::Click { column, row },
            Input::Wheel { down, .. } => Self::Wheel { down },
        }
    }
}

/// Writes what the report viewer shows as Markdown into `dir`, as `coop-guide-comparison.md`
/// (`coop-guide-handout.md` for one session), or `-1`, `-2` …: never over an existing file.
pub fn save_comparison(viewer: &Comparison, dir: &Path) -> io::Result<PathBuf> {
    save_new(dir, viewer.file_stem(), &viewer.markdown())
}

/// The next terminal event, waiting at most `wait` (forever when `None`).
fn next_event(wait: Option<Duration>) -> io::Result<Option<Event>> {
    match wait {
        None => event::read().map(Some),
        Some(wait) if event::poll(wait)? => event::read().map(Some),
        Some(_) => Ok(None),
    }
}

fn present(presenter: &mut Presenter) -> io::Result<Ending> {
    use presenter::Action;
    let mut terminal = tty()?;
    let started = Instant::now();
    let size = terminal.size()?;
    presenter.handle(Action::Resize {
        width: size.width,
        height: size.height,
    });
    loop {
        draw_frame(&mut terminal, |f| view::render(presenter, f))?;
        // Sleep until a key, or until a running countdown needs redrawing; then take
        // everything already waiting before drawing again.
        let mut next = next_event(presenter.next_tick())?;
        presenter.handle(Action::Tick(started.elapsed()));
        while let Some(ev) = next {
            let action = terminal::input(ev).map(Action::from);
            if let Some(action) = action {
                let effects = presenter.handle(action);
                if let Some(ending) = perform(presenter, effects) {
                    return Ok(ending);
                }
            }
            next = next_event(Some(Duration::ZERO))?;
        }
    }
}

fn show(viewer: &mut Comparison) -> io::Result<Ending> {
    use comparison::{Action, Effect};
    let mut terminal = tty()?;
    let size = terminal.size()?;
    viewer.handle(Action::Resize {
        width: size.width,
        height: size.height,
    });
    loop {
        draw_frame(&mut terminal, |f| view::comparison::render(viewer, f))?;
        let mut next = next_event(None)?;
        while let Some(ev) = next {
            let action = terminal::input(ev).map(Action::from);
            for effect in action.map(|a| viewer.handle(a)).unwrap_or_default() {
                match effect {
                    Effect::Save => {
                        let saved =
                            save_comparison(viewer, Path::new(".")).map_err(|e| e.to_string());
                        viewer.handle(Action::Saved(saved));
                    }
                    Effect::Quit => return Ok(Ending::Quit),
                    Effect::Interrupt => return Ok(Ending::Interrupted),
                }
            }
            next = next_event(Some(Duration::ZERO))?;
        }
    }
}
