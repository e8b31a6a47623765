//! The authoring view (`coop-guide edit GUIDE`): an outline of the guide, its problems, and a live
//! preview that plays it from the selected question, all following the file as it is saved.
//!
//! - [`app`]: the state and its transitions, a pure state machine (no IO);
//! - [`snapshot`]: one reading of the guide file and its translations, the only file reading;
//! - [`outline`]: the outline's rows with their extents in the file and keys that survive a reload;
//! - [`preview`]: the player running the preview, replanted on each new good version;
//! - [`view`]: pure functions from the state to a frame, in three layouts by window size;
//! - [`keymap`], [`strings`]: the editor's keys and words, as data;
//! - [`launch`]: running `$EDITOR +LINE FILE`.
//!
//! The loop here is the only IO. Unlike the player it ticks: it waits for input at most 200 ms,
//! then asks the [`Watcher`] whether the guide or a translation changed (a save, also by rename),
//! so a save shows within half a second. The text file stays the source of truth: nothing here
//! writes it.

pub mod app;
pub mod keymap;
pub mod launch;
pub mod outline;
pub mod preview;
pub mod snapshot;
pub mod strings;
pub mod view;

use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crossterm::event;
use crossterm::execute;
use crossterm::terminal::{Clear, ClearType};

pub use app::{Action, App, Effect, Pane, Version};
pub use snapshot::{Origin, Problem, Snapshot};

use crate::tui::terminal::{draw_frame, tty, Ending, Guard, Tty};
use crate::tui::Theme;
use crate::watch::Watcher;

/// How often the file is looked at while no key is pressed.
pub const TICK: Duration = Duration::from_millis(200);

/// Runs the editor on a guide file until the user quits. The file is never written.
pub fn run(guide: PathBuf, theme: Theme) -> io::Result<Ending> {
    // Watch first, then read: a save between the two is seen on the first tick.
    let mut watcher = Watcher::new(&guide);
    let snapshot = Snapshot::read(&guide);
    let mut app = App::new(guide.clone(), snapshot).with_theme(theme);
    let mut guard = Some(Guard::enter()?);
    let ending = run_loop(&mut app, &guide, &mut watcher, &mut guard);
    drop(guard);
    ending
}

fn run_loop(
    app: &mut App,
    path: &Path,
    watcher: &mut Watcher,
    guard: &mut Option<Guard>,
) -> io::Result<Ending> {
    let mut terminal = tty()?;
    resize(&mut terminal, app)?;
    let mut dirty = true;
    loop {
        if dirty {
            draw_frame(&mut terminal, |frame| view::render(app, frame))?;
            dirty = false;
        }
        if event::poll(TICK)? {
            // Take everything already waiting before drawing again.
            let mut next = Some(event::read()?);
            while let Some(ev) = next {
                dirty = true;
                for effect in app.handle_event(ev) {
                    match effect {
                        Effect::Quit => return Ok(Ending::Quit),
                        Effect::Interrupt => return Ok(Ending::Interrupted),
                        Effect::OpenEditor { file, line } => {
                            let failed = app.strings().editor_failed;
                            let ended = suspended(guard, || launch::run(&file, line, failed))?;
                            // A fresh terminal over a cleared screen: everything is drawn again.
                            // (`Terminal::clear` would ask the terminal where its cursor is.)
                            execute!(io::stdout(), Clear(ClearType::All))?;
                            terminal = tty()?;
                            resize(&mut terminal, app)?;
                            app.handle(Action::EditorClosed(ended));
                        }
                    }
                }
                next = if event::poll(Duration::ZERO)? {
                    Some(event::read()?)
                } else {
                    None
                };
            }
        }
        if watcher.changed() {
            app.handle(Action::Reloaded(Box::new(Snapshot::read(path))));
            dirty = true;
        }
    }
}

/// Hands the terminal back (main screen, cooked mode, cursor shown, mouse off), runs `f`, then
/// takes it again. The caller redraws everything afterwards.
fn suspended<T>(guard: &mut Option<Guard>, f: impl FnOnce() -> T) -> io::Result<T> {
    *guard = None;
    let out = f();
    *guard = Some(Guard::enter()?);
    Ok(out)
}

fn resize(terminal: &mut Tty, app: &mut App) -> io::Result<()> {
    let size = terminal.size()?;
    app.handle(Action::Resize {
        width: size.width,
        height: size.height,
    });
    Ok(())
}
