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

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::time::Duration;

use crossterm::event;
use crossterm::execute;
use crossterm::terminal::{Clear, ClearType};

pub use app::{Action, App, Effect, Pane, Version};
pub use snapshot::{Origin, Problem, Snapshot};

use crate::tui::terminal::{draw_frame, tty, Ending, Guard, Tty};
use crate::watch::Watcher;
use strings::fill;

/// How often the file is looked at while no key is pressed.
pub const TICK: Duration = Duration::from_millis(200);

/// How the editor is started.
#[derive(Debug, Clone, Default)]
pub struct EditOptions {
    /// Theme name from `--theme`.
    pub theme: Option<String>,
}

/// Runs the editor on a guide file until the user quits. The file is never written. Ctrl-C
/// returns an error of kind [`io::ErrorKind::Interrupted`]; a missing file, an unknown theme or
/// a missing terminal one of kind [`io::ErrorKind::InvalidInput`].
pub fn run(guide: PathBuf, options: EditOptions) -> io::Result<()> {
    // Watch first, then read: a save between the two is seen on the first tick.
    let mut watcher = Watcher::new(&guide);
    let snapshot = Snapshot::read(&guide);
    let language = snapshot
        .guide
        .as_deref()
        .or(snapshot.lenient.as_deref())
        .map_or("", |g| g.language.as_str());
    let words = strings::for_language(language);
    let usage = |message: String| io::Error::new(io::ErrorKind::InvalidInput, message);
    let unusable = match std::fs::metadata(&guide) {
        Ok(meta) if meta.is_file() => None,
        Ok(_) => Some(words.not_a_file.to_string()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Some(words.no_such_file.to_string()),
        Err(e) => Some(e.to_string()),
    };
    if let Some(error) = unusable {
        let path = guide.display().to_string();
        return Err(usage(fill(
            words.cannot_open,
            &[("path", &path), ("error", &error)],
        )));
    }
    let theme = crate::tui::theme_for(
        options.theme.as_deref(),
        crate::tui::strings::for_language(language),
    )?;
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        return Err(usage(words.needs_terminal.to_string()));
    }
    let mut app = App::new(guide.clone(), snapshot).with_theme(theme);

    let mut guard = Some(Guard::enter()?);
    let ending = run_loop(&mut app, &guide, &mut watcher, &mut guard);
    drop(guard);
    ending?.into_result()
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
