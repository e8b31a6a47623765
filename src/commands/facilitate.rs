//! `coop-guide facilitate`: workshop mode on a session file, created when it is missing and
//! resumed when it exists; or, with `--notes` on a session another presenter has open, the
//! facilitator's read-only view of it.
//!
//! Before anything is shown, in this order: a read-only session file is refused (and left as it
//! is); the writer's lock is taken, or the session is refused naming the process that has it;
//! temporary files that dead processes left are removed; the file is read (a broken, foreign or
//! newer one is refused, exit 1, and left untouched). Exit codes: 0 done, 1 the session file
//! cannot be used or the latest changes could not be saved when the facilitator quit anyway,
//! 2 the command line asks for something that cannot be done, 130 Ctrl-C.

use std::path::Path;

use super::{ended, in_a_terminal, open_guide, CliError, Outcome};
use crate::cli::FacilitateArgs;
use crate::engine::session::{Session, SessionError, SessionFile};
use crate::guide::text::sanitize_line;
use crate::store::{self, LockError, Store};
use crate::tui;
use crate::tui::facilitate::Presenter;

/// Runs workshop mode. An existing session is resumed in its own language unless another is
/// asked for; a broken or foreign file is refused and left exactly as it is.
pub fn run(args: FacilitateArgs) -> Outcome {
    let file = args.session.as_path();
    let store = Store::new(file);
    store.writable().map_err(|e| {
        CliError::usage(format!("cannot open the session for writing: {e}")).at(file)
    })?;
    // Looked at before anything is made beside it: a device, a pipe or a broken file is
    // refused here, and a new session's folder must exist.
    let looked = store.read().map_err(|e| untouched(file, &e))?;
    check_group(file, looked.as_ref(), args.group.as_deref())?;
    if looked.is_none() {
        if let Some(folder) = file
            .parent()
            .filter(|p| !p.as_os_str().is_empty() && !p.is_dir())
        {
            return Err(CliError::usage(format!(
                "cannot create the session `{}`: the folder `{}` does not exist",
                file.display(),
                folder.display()
            ))
            .at(file));
        }
    }
    let lock = match store.lock() {
        Ok(lock) => lock,
        Err(LockError::Held(pid)) if args.notes => return follow(&args, &store, pid),
        Err(LockError::Held(pid)) => return Err(held(file, pid)),
        Err(LockError::Io(e)) => {
            return Err(CliError::usage(format!(
                "cannot lock the session `{}` for writing: {}",
                file.display(),
                super::reason(&e)
            ))
            .at(file))
        }
    };
    store.clean_up();
    // Read again now that nobody else can write it: this is the session that is resumed.
    let existing = store.read().map_err(|e| untouched(file, &e))?;
    check_group(file, existing.as_ref(), args.group.as_deref())?;
    if !in_a_terminal() {
        return Err(CliError::usage(
            "workshop mode needs a terminal; `play --plain` works without one",
        ));
    }
    let theme = super::theme(args.theme.as_deref())?;
    let lang = args.lang.as_deref().or(existing
        .as_ref()
        .map(|d| d.language.as_str())
        .filter(|l| !l.is_empty()));
    let guide = open_guide(args.guide.as_deref(), lang)?;
    let session = match existing {
        Some(data) => Session::resume(guide, data).map_err(|e| untouched(file, &e))?,
        None => {
            let name = args.group.clone().unwrap_or_else(|| {
                file.file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default()
            });
            let session = Session::new(guide, &name, store.now());
            store
                .save(&session.to_file(store.now()))
                .map_err(|e| CliError::usage(format!("cannot create the session: {e}")).at(file))?;
            session
        }
    };
    let mut presenter = Presenter::new(session, store)
        .with_theme(theme)
        .with_wall_clock(store::wall_now());
    if args.notes {
        presenter = presenter.with_notes(true);
    }
    let finished = tui::facilitate::run(presenter)?;
    drop(lock);
    if let Some(error) = finished.unsaved {
        return Err(CliError::invalid_because(format!(
            "the latest changes to the session `{}` were not saved: {error}",
            file.display()
        ))
        .at(file));
    }
    ended(Ok(finished.ending))
}

/// Refuses a session of another group than the one named on the command line.
fn check_group(file: &Path, data: Option<&SessionFile>, group: Option<&str>) -> Outcome {
    let (Some(data), Some(name)) = (data, group) else {
        return Ok(());
    };
    if data.group.trim() == name.trim() {
        return Ok(());
    }
    Err(CliError::usage(format!(
        "{} is the session of group \"{}\", not \"{name}\"; give each group its own --session file",
        file.display(),
        data.group
    ))
    .at(file))
}

/// The facilitator's read-only view of a session another presenter has open.
fn follow(args: &FacilitateArgs, store: &Store, pid: Option<u32>) -> Outcome {
    let file = store.path();
    let data = store
        .read()
        .map_err(|e| session_error(file, &e))?
        .ok_or_else(|| held(file, pid))?;
    if !in_a_terminal() {
        return Err(CliError::usage("the facilitator's view needs a terminal"));
    }
    let theme = super::theme(args.theme.as_deref())?;
    let lang = args
        .lang
        .as_deref()
        .or(Some(data.language.as_str()).filter(|l| !l.is_empty()));
    let guide = open_guide(args.guide.as_deref(), lang)?;
    let session = Session::resume(guide, data).map_err(|e| session_error(file, &e))?;
    ended(tui::facilitate::follow(session, store.clone(), pid, theme))
}

/// The refusal of a session another presenter has open.
fn held(file: &Path, pid: Option<u32>) -> CliError {
    let who = match pid {
        Some(pid) => format!("another coop-guide (process {pid})"),
        None => "another coop-guide".to_string(),
    };
    CliError::usage(format!(
        "the session `{}` is open in {who}; one presenter writes a session at a time. Close it \
         there, or add --notes to follow it read-only with the facilitator notes",
        sanitize_line(&file.display().to_string())
    ))
    .at(file)
}

/// A session file that cannot be used, as a data error naming it (exit 1).
pub fn session_error(file: &Path, error: &SessionError) -> CliError {
    CliError::invalid_because(session_message(file, error)).at(file)
}

/// Why a session file cannot be used, naming it.
pub fn session_message(file: &Path, error: &SessionError) -> String {
    match error {
        SessionError::Io(path, e) => format!(
            "cannot read the session `{}`: {}",
            path.display(),
            super::reason(e)
        ),
        SessionError::OtherGuide { .. } | SessionError::NewerFormat(_) => {
            format!("{}: {error}", file.display())
        }
        SessionError::Invalid(_) => error.to_string(),
    }
}

/// The same, saying that the file was left as it was.
fn untouched(file: &Path, error: &SessionError) -> CliError {
    CliError::invalid_because(format!(
        "{}; the file was left untouched",
        session_message(file, error)
    ))
    .at(file)
}
