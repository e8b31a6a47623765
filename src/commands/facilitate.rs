//! `coop-guide facilitate`: workshop mode on a session file, created when it is missing and
//! resumed when it exists; with `--serve`, with a room remote participants join over SSH; or,
//! with `--notes` on a session another presenter has open, the facilitator's read-only view of
//! it.
//!
//! Before anything is shown, in this order: a read-only session file is refused (and left as it
//! is); the writer's lock is taken, or the session is refused naming the process that has it
//! (with `--serve` too: only the presenter that writes a session can open a room for it);
//! temporary files that dead processes left are removed; the file is read (a broken, foreign or
//! newer one is refused, exit 1, and left untouched); with `--serve`, the host key is read (or
//! made) and the room opens, before a new session file is written, so a room that cannot open
//! leaves nothing behind. Exit codes: 0 done, 1 the session file cannot be used or the latest
//! changes could not be saved when the facilitator quit anyway, 2 the command line asks for
//! something that cannot be done (a room that cannot open among them), 130 Ctrl-C.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::mpsc::{Receiver, Sender};
use std::sync::Arc;

use super::{ended, in_a_terminal, open_guide, session_error, session_message, CliError, Outcome};
use crate::cli::FacilitateArgs;
use crate::engine::session::{Session, SessionError, SessionFile};
use crate::guide::text::sanitize_line;
use crate::guide::{files, languages, Guide};
use crate::locale::words;
use crate::room::host_key::HostKey;
use crate::room::{address, Languages, Limits, Room, RoomCode, RoomConfig, Stage};
use crate::store::{self, LockError, Store};
use crate::tui;
use crate::tui::facilitate::remote::{self, Join, Signal};
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
        Err(LockError::Held(pid)) if args.notes && args.serve.is_none() => {
            return follow(&args, &store, pid)
        }
        Err(LockError::Held(pid)) => return Err(held(file, pid, args.serve.is_some())),
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
    // The room's key is checked before any screen opens.
    let host_key = match args.serve {
        Some(_) => Some(
            HostKey::load_or_create(args.host_key.as_deref())
                .map_err(|e| CliError::usage(e.to_string()))?,
        ),
        None => None,
    };
    let fresh = existing.is_none();
    let session = match existing {
        Some(data) => Session::resume(Arc::clone(&guide), data).map_err(|e| untouched(file, &e))?,
        None => {
            let name = args.group.clone().unwrap_or_else(|| {
                file.file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default()
            });
            Session::new(Arc::clone(&guide), &name, store.now())
        }
    };
    // The room opens before a new session file is written: a room that cannot open leaves
    // nothing behind.
    let room = match (args.serve, host_key) {
        (Some(listen), Some(host_key)) => {
            Some(open_room(&args, listen, &host_key, &guide, &session)?)
        }
        _ => None,
    };
    if fresh {
        store
            .save(&session.to_file(store.now()))
            .map_err(|e| CliError::usage(format!("cannot create the session: {e}")).at(file))?;
    }
    let mut presenter = Presenter::new(session, store)
        .with_theme(theme)
        .with_wall_clock(store::wall_now());
    if args.notes {
        presenter = presenter.with_notes(true);
    }
    let finished = match room {
        Some((room, join, signals)) => remote::run(presenter, room, join, signals)?,
        None => tui::facilitate::run(presenter)?,
    };
    drop(lock);
    if let Some(error) = finished.unsaved {
        return Err(CliError::invalid_because(format!(
            "the latest changes to the session `{}` were not saved: {error}",
            file.display()
        ))
        .at(file));
    }
    if finished.ending == tui::Ending::Quit {
        let shown = sanitize_line(&file.display().to_string());
        let hint = words(&guide.language).workshop.resume_hint;
        println!("{}", crate::locale::fill(hint, &[("file", &shown)]));
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
        .ok_or_else(|| held(file, pid, false))?;
    if !in_a_terminal() {
        return Err(CliError::usage("the facilitator's view needs a terminal"));
    }
    let theme = super::theme(args.theme.as_deref())?;
    let lang = args
        .lang
        .as_deref()
        .or(Some(data.language.as_str()).filter(|l| !l.is_empty()));
    let guide = open_guide(args.guide.as_deref(), lang)?;
    let updated = data.updated.clone();
    let session = Session::resume(guide, data).map_err(|e| session_error(file, &e))?;
    ended(tui::facilitate::follow(
        session,
        &updated,
        store.clone(),
        pid,
        theme,
    ))
}

/// The refusal of a session another presenter has open; `serving` when a room was asked for.
fn held(file: &Path, pid: Option<u32>, serving: bool) -> CliError {
    let who = match pid {
        Some(pid) => format!("another coop-guide (process {pid})"),
        None => "another coop-guide".to_string(),
    };
    let instead = if serving {
        "Only the presenter that writes a session can open a room for it: close it there and \
         start again with --serve, or follow it with --notes (no room)"
    } else {
        "Close it there, or add --notes to follow it read-only with the facilitator notes"
    };
    CliError::usage(format!(
        "the session `{}` is open in {who}; one presenter writes a session at a time. {instead}",
        sanitize_line(&file.display().to_string())
    ))
    .at(file)
}

/// The same, saying that the file was left as it was.
fn untouched(file: &Path, error: &SessionError) -> CliError {
    CliError::invalid_because(format!(
        "{}; the file was left untouched",
        session_message(file, error)
    ))
    .at(file)
}

/// The channel the presenter's loop waits on with a room open.
type Signals = (Sender<Signal>, Receiver<Signal>);

/// Opens the room for a session: a new code, the limits asked for, the votes recorded with
/// names given back to their names; says how to join.
fn open_room(
    args: &FacilitateArgs,
    listen: SocketAddr,
    host_key: &HostKey,
    guide: &Arc<Guide>,
    session: &Session,
) -> Result<(Room, Join, Signals), CliError> {
    let code =
        RoomCode::random().map_err(|e| CliError::usage(format!("cannot make a room code: {e}")))?;
    let limits = Limits {
        max_participants: args
            .max_participants
            .map_or(Limits::default().max_participants, |n| {
                usize::try_from(n).unwrap_or(usize::MAX)
            }),
        ..Limits::default()
    };
    let seed: BTreeMap<String, BTreeMap<String, String>> = session
        .record
        .online
        .iter()
        .filter(|(_, votes)| !votes.names.is_empty())
        .map(|(q, votes)| (q.clone(), votes.names.clone()))
        .collect();
    let config = RoomConfig {
        listen,
        code: code.clone(),
        host_key: host_key.key.clone(),
        limits,
        record_names: args.record_names,
        languages: Arc::new(every_language(guide, args.guide.as_deref())),
        words: words(&guide.language),
        seed,
        stage: Stage::Waiting,
    };
    let (sender, receiver) = std::sync::mpsc::channel();
    let waker = sender.clone();
    let room = Room::open(config, move || {
        let _ = waker.send(Signal::Wake);
    })
    .map_err(|e| CliError::usage(format!("cannot serve on {listen}: {e}")))?;
    let port = room.address().port();
    let join = Join {
        commands: address::hosts(room.address())
            .iter()
            .map(|host| address::command(host, port))
            .collect(),
        code: code.to_string(),
        fingerprint: host_key.fingerprint(),
        new_key: host_key.new,
    };
    Ok((room, join, (sender, receiver)))
}

/// The guide in the presenter's language first, then in every other language it has (those
/// that can be read without errors).
fn every_language(guide: &Arc<Guide>, path: Option<&Path>) -> Languages {
    let others = files::usable(path, None)
        .map(|base| languages(&base, path))
        .unwrap_or_default()
        .into_iter()
        .enumerate()
        .filter(|(_, tag)| *tag != guide.language)
        .filter_map(|(n, tag)| {
            let translated = if n == 0 {
                files::usable(path, None)
            } else {
                files::usable(path, Some(&tag))
            };
            translated.ok().map(|g| (tag, Arc::new(g)))
        })
        .collect::<Vec<_>>();
    Languages::new(Arc::clone(guide), others)
}
