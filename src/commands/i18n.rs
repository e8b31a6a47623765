//! `coop-guide i18n`: how much of a guide each translation covers, and templates to translate.

use std::path::Path;

use super::{not_a_language, open_guide, print, CliError, Outcome};
use crate::guide::files::check_translations;
use crate::guide::{translation, translation_source, Code};

/// Prints the coverage of every translation. An unreadable translation is listed with why, and
/// makes the exit code 1.
pub fn status(path: Option<&Path>) -> Outcome {
    let guide = open_guide(path, None)?;
    print(&translation::status_table(&guide, path))?;
    let unreadable = check_translations(&guide, path)
        .iter()
        .any(|file| file.diagnostics.iter().any(|d| d.code == Code::Unreadable));
    if unreadable {
        Err(CliError::invalid_because(
            "a translation cannot be read; the table says which",
        ))
    } else {
        Ok(())
    }
}

/// Prints a translation file with every key of the guide, keeping the entries of an existing
/// translation into `lang`.
pub fn template(path: Option<&Path>, lang: &str) -> Outcome {
    if !translation::is_language_tag(lang) {
        return Err(not_a_language(lang));
    }
    let guide = open_guide(path, None)?;
    let existing = match translation_source(path, lang) {
        Some(Ok(source)) => translation::check(&guide, source).translation,
        Some(Err(unreadable)) => return Err(CliError::usage(unreadable.message)),
        None => None,
    };
    print(&translation::template(&guide, lang, existing.as_ref()))
}
