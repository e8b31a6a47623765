//! `coop-guide facilitate`: workshop mode on a session file, created when it is missing and
//! resumed when it exists.

use super::{ended, in_a_terminal, open_guide, CliError, Exit, Outcome};
use crate::cli::FacilitateArgs;
use crate::engine::session::Session;
use crate::store::{self, Store};
use crate::tui;
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
    let session = match existing {
        Some(data) => Session::resume(guide, data)
            .map_err(|e| CliError::usage(format!("{e}; the file was left untouched")).at(file))?,
        None => {
            let name = args.group.clone().unwrap_or_else(|| {
                file.file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default()
            });
            let session = Session::new(guide, &name, store.now());
            store
                .save(&session.to_file(store.now()))
                .map_err(|e| CliError::file(Exit::Usage, "cannot create the session", file, &e))?;
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
    if let Some(error) = finished.unsaved {
        return Err(CliError::invalid_because(format!(
            "the latest changes to the session `{}` were not saved: {error}",
            file.display()
        ))
        .at(file));
    }
    ended(Ok(finished.ending))
}
