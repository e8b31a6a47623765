//! `coop-guide facilitate`: workshop mode on a session file, created when it is missing and
//! resumed when it exists; with `--serve`, with a room remote participants join over SSH.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::mpsc::{Receiver, Sender};
use std::sync::Arc;

use super::{ended, in_a_terminal, open_guide, CliError, Exit, Outcome};
use crate::cli::FacilitateArgs;
use crate::engine::session::Session;
use crate::guide::{files, languages, Guide};
use crate::locale::words;
use crate::room::host_key::HostKey;
use crate::room::{address, Languages, Limits, Room, RoomCode, RoomConfig, Stage};
use crate::store::Store;
use crate::tui;
use crate::tui::facilitate::remote::{self, Join, Signal};
use crate::tui::facilitate::Presenter;

/// Runs workshop mode. An existing session is resumed in its own language unless another is
/// asked for; a broken or foreign file is refused and left exactly as it is.
pub fn run(args: FacilitateArgs) -> Outcome {
    let file = args.session.as_path();
    let store = Store::new(file);
    let existing = match store.read() {
        Ok(data) => data,
        Err(e) => {
            return Err(CliError::usage(format!(
                "{}; the file was left untouched",
                super::report::session_error(file, &e)
            ))
            .at(file))
        }
    };
    if let (Some(data), Some(name)) = (&existing, &args.group) {
        if data.group.trim() != name.trim() {
            return Err(CliError::usage(format!(
                "{} is the session of group \"{}\", not \"{name}\"; give each group its own --session file",
                file.display(),
                data.group
            ))
            .at(file));
        }
    }
    if existing.is_none() {
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
    // The room's key and address are checked before any screen opens.
    let host_key = match args.serve {
        Some(_) => Some(
            HostKey::load_or_create(args.host_key.as_deref())
                .map_err(|e| CliError::usage(e.to_string()))?,
        ),
        None => None,
    };
    let fresh = existing.is_none();
    let session = match existing {
        Some(data) => Session::resume(Arc::clone(&guide), data)
            .map_err(|e| CliError::usage(format!("{e}; the file was left untouched")).at(file))?,
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
            .map_err(|e| CliError::file(Exit::Usage, "cannot create the session", file, &e))?;
    }
    let Some((room, join, signals)) = room else {
        return ended(tui::facilitate::run(session, store, theme));
    };
    let presenter = Presenter::new(session, store).with_theme(theme);
    ended(remote::run(presenter, room, join, signals))
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
