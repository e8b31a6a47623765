//! `coop-guide edit`: the authoring view over a guide file (and, with `--lang`, a translation of
//! it), which it never writes.

use std::path::Path;

use super::{ended, in_a_terminal, not_a_language, CliError, Exit, Outcome};
use crate::guide::files::read_guide;
use crate::guide::load::parse_lenient;
use crate::guide::translation;
use crate::tui;

/// Opens the editor on a guide file, previewing it in `language` when one is given. A missing
/// file, something that is not a file, a language the guide has no translation into, or no
/// terminal is a usage error.
pub fn run(guide: &Path, language: Option<&str>, theme: Option<&str>) -> Outcome {
    match std::fs::metadata(guide) {
        Ok(meta) if meta.is_file() => {}
        Ok(_) => {
            return Err(CliError::usage(format!(
                "cannot open `{}`: it is not a guide file",
                guide.display()
            ))
            .at(guide))
        }
        Err(e) => return Err(CliError::file(Exit::Usage, "cannot open", guide, &e)),
    }
    if let Some(language) = language {
        check_language(guide, language)?;
    }
    let theme = super::theme(theme)?;
    if !in_a_terminal() {
        return Err(CliError::usage(
            "the editor needs a terminal; `coop-guide check` works without one",
        ));
    }
    ended(tui::edit::run(
        guide.to_path_buf(),
        language.map(str::to_string),
        theme,
    ))
}

/// A language is one the guide has a translation file into, or the guide's own.
fn check_language(guide: &Path, language: &str) -> Outcome {
    if !translation::is_language_tag(language) {
        return Err(not_a_language(language));
    }
    if translation::path_for(guide, language).exists() {
        return Ok(());
    }
    let checked = read_guide(Some(guide));
    let own = match checked.guide {
        Some(guide) => Some(guide.language),
        None => parse_lenient(&checked.source).map(|g| g.language),
    };
    if own.as_deref() == Some(language) {
        return Ok(());
    }
    let have: Vec<String> = own
        .into_iter()
        .chain(
            translation::find_beside(guide)
                .into_iter()
                .map(|(lang, _)| lang),
        )
        .collect();
    Err(CliError::usage(format!(
        "this guide has no \"{language}\" translation (it has: {}); \
         `coop-guide i18n update {} --lang {language}` starts one",
        have.join(", "),
        guide.display()
    )))
}
