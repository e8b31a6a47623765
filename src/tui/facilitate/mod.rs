//! Workshop mode: the presenter view over one session, and the report viewer over several.
//!
//! - [`presenter`]: the presenter's state and transitions, a pure state machine (no IO) that
//!   holds the player for the walk and adds hands, notes, the countdown and time per question;
//! - [`comparison`]: the report viewer's state (the comparison of sessions with a chart);
//! - [`keymap`]: the workshop's keys, laid over the player's;
//! - [`layout`]: where things are on the workshop's screens; [`view`]: painting them;
//! - [`note`] and [`clock`]: the note input and the time (countdown, time on a question);
//! - [`remote`]: the presenter with a room of remote participants (`--serve`).
//!
//! The drivers here are workshop mode's only IO: saving the session after every change (through
//! its [`Store`]), writing the hand-out beside the session file, and the comparison in this
//! folder. The shell wakes the presenter once a second only while a countdown runs, so an idle
//! presenter uses no CPU.

pub mod clock;
pub mod comparison;
pub mod follower;
pub mod keymap;
pub mod large;
pub mod layout;
pub mod note;
pub mod presenter;
pub mod remote;
pub mod view;

use crate::watch::Stamp;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub use comparison::Comparison;
pub use follower::Follower;
pub use presenter::Presenter;

use crate::engine::session::Session;
use crate::report::doc::Doc;
use crate::report::sessions::handout;
use crate::save::{file_safe, save_new};
use crate::store::Store;
use crate::tui::input::Input;
use crate::tui::shell::{self, Screen, View};
use crate::tui::terminal::Ending;
use crate::tui::theme::Theme;

/// How a workshop ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finished {
    /// Quit, or Ctrl-C.
    pub ending: Ending,
    /// Why the last save failed, when the facilitator quit anyway with changes not saved.
    pub unsaved: Option<String>,
}

/// Runs the presenter view, which saves its session after every change, until the facilitator
/// quits or presses Ctrl-C (the session is saved either way, or the ending says it could not
/// be).
pub fn run(mut presenter: Presenter) -> io::Result<Finished> {
    let ending = shell::run_here(
        &mut presenter,
        &mut |p: &mut Presenter, effect, _: &mut Screen| Ok(carry_out(p, effect)),
    )?;
    Ok(Finished {
        ending,
        unsaved: presenter.save_error().map(str::to_string),
    })
}

/// Shows the facilitator's read-only view of a session the process `presenter` has open,
/// following it as its file changes, until the facilitator quits; `updated` is when the session
/// it starts from was saved.
pub fn follow(
    session: Session,
    updated: &str,
    store: Store,
    presenter: Option<u32>,
    theme: Theme,
) -> io::Result<Ending> {
    let guide = std::sync::Arc::clone(session.walk.guide());
    let mut stamp = Stamp::of(&store.target());
    let mut view = Follower::new(session, presenter, crate::store::wall_now())
        .with_theme(theme)
        .saved_at(updated);
    shell::run_here(
        &mut view,
        &mut |view: &mut Follower, effect, _: &mut Screen| {
            Ok(carry_out_follow(view, effect, &store, &guide, &mut stamp))
        },
    )
}

/// Carries out what the facilitator's view asks for: looking at the session file (and reading
/// it when it changed), leaving.
pub fn carry_out_follow(
    view: &mut Follower,
    effect: follower::Effect,
    store: &Store,
    guide: &std::sync::Arc<crate::guide::Guide>,
    stamp: &mut Option<Stamp>,
) -> Option<Ending> {
    use follower::{Action, Effect};
    match effect {
        Effect::Look => {
            let now = Stamp::of(&store.target());
            if now != *stamp {
                *stamp = now;
                let loaded = store.read().map_err(|e| e.to_string()).and_then(|file| {
                    let file = file.ok_or_else(|| "the file is gone".to_string())?;
                    let updated = file.updated.clone();
                    Session::resume(std::sync::Arc::clone(guide), file)
                        .map(|s| (Box::new(s), updated))
                        .map_err(|e| e.to_string())
                });
                view.handle(Action::Loaded(loaded));
            }
            if !store.held() {
                view.handle(Action::PresenterGone);
            }
            None
        }
        Effect::Quit => Some(Ending::Quit),
        Effect::Interrupt => Some(Ending::Interrupted),
    }
}

impl View for Follower {
    type Effect = follower::Effect;

    fn input(&mut self, input: Input) -> Vec<follower::Effect> {
        self.handle(follower::Action::Input(input))
    }

    fn tick(&mut self, now: Duration) -> Vec<follower::Effect> {
        self.handle(follower::Action::Tick(now))
    }

    fn wake_at(&self) -> Option<Duration> {
        (!self.presenter_gone()).then(|| self.next_wake())
    }

    fn render(&self, area: Rect, buf: &mut Buffer) {
        view::follower::render_into(self, area, buf);
    }
}

/// Shows the comparison of sessions (the hand-out when there is one), with a chart of outcomes
/// across groups; `s` saves it in the current folder.
pub fn report(sessions: Vec<Session>, theme: Theme) -> io::Result<Ending> {
    let mut viewer = Comparison::new(&sessions).with_theme(theme);
    shell::run_here(
        &mut viewer,
        &mut |viewer: &mut Comparison, effect, _: &mut Screen| {
            Ok(carry_out_report(viewer, effect, Path::new(".")))
        },
    )
}

impl View for Presenter {
    type Effect = presenter::Effect;

    fn input(&mut self, input: Input) -> Vec<presenter::Effect> {
        self.handle(presenter::Action::Input(input))
    }

    fn tick(&mut self, now: Duration) -> Vec<presenter::Effect> {
        self.handle(presenter::Action::Tick(now))
    }

    fn wake_at(&self) -> Option<Duration> {
        self.next_tick().map(|after| self.now() + after)
    }

    fn render(&self, area: Rect, buf: &mut Buffer) {
        view::render_into(self, area, buf);
    }
}

impl View for Comparison {
    type Effect = comparison::Effect;

    fn input(&mut self, input: Input) -> Vec<comparison::Effect> {
        self.handle(comparison::Action::Input(input))
    }

    fn render(&self, area: Rect, buf: &mut Buffer) {
        view::comparison::render_into(self, area, buf);
    }
}

/// Carries out what the presenter asked for, reporting each outcome back to it; returns how
/// the run ends, if it does. Saving never touches the presenter's state beyond that report, so
/// a failed save loses nothing in memory.
pub fn perform(presenter: &mut Presenter, effects: Vec<presenter::Effect>) -> Option<Ending> {
    effects
        .into_iter()
        .find_map(|effect| carry_out(presenter, effect))
}

/// Carries out one effect of the presenter (see [`perform`]).
pub fn carry_out(presenter: &mut Presenter, effect: presenter::Effect) -> Option<Ending> {
    use presenter::{Action, Effect};
    match effect {
        Effect::SaveSession => {
            let store = presenter.store();
            let file = presenter.record().to_file(presenter.walk(), store.now());
            let saved = store.save(&file).map_err(|e| e.to_string());
            presenter.handle(Action::SessionSaved(saved));
            None
        }
        Effect::SaveHandout => {
            let doc = handout(presenter.walk(), presenter.record());
            let saved = save_handout(&doc, presenter.store().path()).map_err(|e| e.to_string());
            presenter.handle(Action::HandoutSaved(saved));
            None
        }
        Effect::Bell => {
            // The bell goes to the terminal between two frames; a terminal that cannot ring
            // ignores it, and one that is gone is no reason to stop.
            let mut out = io::stdout();
            let _ = out.write_all(b"\x07").and_then(|()| out.flush());
            None
        }
        Effect::Quit => Some(Ending::Quit),
        Effect::Interrupt => Some(Ending::Interrupted),
    }
}

/// Writes a session's hand-out beside its file, as `<session>-handout.md` (or `-1`, `-2` …: an
/// existing file is never overwritten). Returns the path written.
pub fn save_handout(handout: &Doc, session: &Path) -> io::Result<PathBuf> {
    let dir = match session.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let stem = session
        .file_stem()
        .map(|s| file_safe(&s.to_string_lossy()))
        .unwrap_or_else(|| "session".to_string());
    let doc = handout.clone().without_empty_headings();
    save_new(dir, &format!("{stem}-handout"), &doc.to_markdown())
}

/// Carries out what the report viewer asks for: saving what it shows into `folder`, leaving.
pub fn carry_out_report(
    viewer: &mut Comparison,
    effect: comparison::Effect,
    folder: &Path,
) -> Option<Ending> {
    use comparison::{Action, Effect};
    match effect {
        Effect::Save => {
            let saved = save_comparison(viewer, folder).map_err(|e| e.to_string());
            viewer.handle(Action::Saved(saved));
            None
        }
        Effect::Quit => Some(Ending::Quit),
        Effect::Interrupt => Some(Ending::Interrupted),
    }
}

/// Writes what the report viewer shows as Markdown into `dir`, as `coop-guide-comparison.md`
/// (`coop-guide-handout.md` for one session), or `-1`, `-2` …: never over an existing file.
pub fn save_comparison(viewer: &Comparison, dir: &Path) -> io::Result<PathBuf> {
    save_new(dir, viewer.file_stem(), &viewer.markdown())
}
