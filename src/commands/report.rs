//! `coop-guide report`: the hand-out of one workshop session, or a comparison of several, on
//! screen in a terminal and as Markdown or JSON otherwise.

use std::path::{Path, PathBuf};

use super::{ended, in_a_terminal, open_guide, print, print_json, CliError, Outcome};
use crate::cli::ReportFormat;
use crate::engine::session::Session;
use crate::guide::text::sanitize_line;
use crate::report::sessions;
use crate::store;
use crate::tui;

/// Reports on session files, each resumed on the guide it walked (`--guide`, or the built-in
/// one) in the language it was recorded in.
pub fn run(files: &[PathBuf], guide_path: Option<&Path>, format: Option<ReportFormat>) -> Outcome {
    let mut loaded = Vec::new();
    let mut stems = Vec::new();
    for file in files {
        let data =
            store::read_file(file).map_err(|e| super::facilitate::session_error(file, &e))?;
        let lang = Some(data.language.as_str()).filter(|l| !l.is_empty());
        let guide = open_guide(guide_path, lang)?;
        let session = Session::resume(guide, data).map_err(|e| {
            CliError::usage(format!(
                "{}: {e}; pass the guide it walked with --guide",
                file.display()
            ))
            .at(file)
        })?;
        loaded.push(session);
        // A file name may hold anything; as a group's name it is shown and saved.
        stems.push(
            file.file_stem()
                .map(|s| sanitize_line(&s.to_string_lossy()))
                .unwrap_or_default(),
        );
    }
    sessions::name_groups(&mut loaded, &stems);
    let format = match format {
        Some(format) => format,
        None if in_a_terminal() => {
            return ended(tui::facilitate::report(loaded, super::theme(None)?));
        }
        None => ReportFormat::Md,
    };
    match format {
        ReportFormat::Json => print_json(&sessions::comparison_json(&loaded)),
        ReportFormat::Md => match loaded.as_slice() {
            [one] => print(&sessions::handout(&one.walk, &one.record).to_markdown()),
            all => print(&sessions::comparison(all).to_markdown()),
        },
    }
}
