//! `coop-guide report`: the hand-out of one workshop session, or a comparison of several, on
//! screen in a terminal and as Markdown or JSON otherwise.
//!
//! Each session is resumed on the guide it walked (`--guide`, or the built-in one) in the
//! language it was recorded in. The same file given twice (under any name) is refused. Among
//! several files, one that cannot be read or used is reported and the others are still
//! compared; the command then ends with exit 1, so a script notices. A session recorded with
//! another version of the guide than the one the report uses is reported with a warning, and
//! the hand-out and the JSON say both versions.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::{
    ended, in_a_terminal, open_guide, print, print_json, say, session_error, session_message,
    CliError, Outcome,
};
use crate::cli::ReportFormat;
use crate::engine::session::Session;
use crate::guide::text::sanitize_line;
use crate::report::sessions::{self, recorded_version};
use crate::store;
use crate::tui;

/// Reports on session files (see the module's notes).
pub fn run(files: &[PathBuf], guide_path: Option<&Path>, format: Option<ReportFormat>) -> Outcome {
    refuse_twice(files)?;
    let mut loaded = Vec::new();
    let mut stems = Vec::new();
    let mut failed = 0;
    for file in files {
        let session = match load(file, guide_path) {
            Ok(session) => session,
            // One file alone fails the command; among several it is reported and skipped.
            Err(error) if files.len() == 1 => return Err(error),
            Err(error) => {
                failed += 1;
                say(&error.to_string());
                continue;
            }
        };
        let recorded = recorded_version(&session.walk, &session.record);
        let version = &session.walk.guide().version;
        if &recorded != version {
            say(&format!(
                "{}: this session was recorded with guide version {recorded}; the report uses \
                 version {version} (--guide names the guide it walked)",
                file.display()
            ));
        }
        loaded.push(session);
        // A file name may hold anything; as a group's name it is shown and saved.
        stems.push(
            file.file_stem()
                .map(|s| sanitize_line(&s.to_string_lossy()))
                .unwrap_or_default(),
        );
    }
    if loaded.is_empty() {
        return Err(CliError::invalid_because(
            "none of the session files could be read",
        ));
    }
    sessions::name_groups(&mut loaded, &stems);
    let format = match format {
        Some(format) => format,
        None if in_a_terminal() => {
            ended(tui::facilitate::report(loaded, super::theme(None)?))?;
            return partly(failed, files.len());
        }
        None => ReportFormat::Md,
    };
    match format {
        ReportFormat::Json => print_json(&sessions::comparison_json(&loaded))?,
        ReportFormat::Md => match loaded.as_slice() {
            [one] => print(&sessions::handout(&one.walk, &one.record).to_markdown())?,
            all => print(&sessions::comparison(all).to_markdown())?,
        },
    }
    partly(failed, files.len())
}

/// One session file read and resumed on the guide, or why not (exit 1, naming the file).
fn load(file: &Path, guide_path: Option<&Path>) -> Result<Session, CliError> {
    let data = store::read_file(file).map_err(|e| session_error(file, &e))?;
    let lang = Some(data.language.as_str()).filter(|l| !l.is_empty());
    let guide = open_guide(guide_path, lang)?;
    Session::resume(guide, data).map_err(|e| {
        CliError::invalid_because(format!(
            "{}; pass the guide it walked with --guide",
            session_message(file, &e)
        ))
        .at(file)
    })
}

/// Refuses a session file given twice, under the same name or another (a link, `./`).
fn refuse_twice(files: &[PathBuf]) -> Outcome {
    let mut seen: HashMap<PathBuf, &Path> = HashMap::new();
    for file in files {
        let key = std::fs::canonicalize(file).unwrap_or_else(|_| file.clone());
        if let Some(first) = seen.insert(key, file) {
            let message = if first == file.as_path() {
                format!(
                    "the session `{}` is given twice; give each session once",
                    file.display()
                )
            } else {
                format!(
                    "`{}` and `{}` are the same session file; give each session once",
                    first.display(),
                    file.display()
                )
            };
            return Err(CliError::usage(message).at(file));
        }
    }
    Ok(())
}

/// The outcome once the report is out: exit 1 when some of the files could not be used.
fn partly(failed: usize, of: usize) -> Outcome {
    if failed == 0 {
        return Ok(());
    }
    Err(CliError::invalid_because(format!(
        "{failed} of {of} session files could not be used; the report compares the others"
    )))
}
