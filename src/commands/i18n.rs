//! `coop-guide i18n`: how much of a guide each translation covers, templates to translate, and
//! bringing a translation up to date after its guide changed.
//!
//! `update` is the one command that writes a translation file, and it writes it as sessions are
//! written ([`crate::store`]): a temporary file beside it, with its permissions, flushed, then
//! renamed over it, so the file is never half written. `template` only prints, and refuses to
//! print onto the very file it reads (`> GUIDE.L.ron`: the shell empties the file before the
//! program starts, so nothing would be kept).

use std::path::Path;

use super::{not_a_language, open_guide, print, print_errors, CliError, Exit, Outcome};
use crate::guide::files::{check_translations, CheckedFile};
use crate::guide::text::sanitize_line;
use crate::guide::translation::update::{self, Refused, Updated};
use crate::guide::{translation, translation_source, Code};
use crate::store::Store;

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
/// translation into `lang`. Refuses when its output is that translation file itself.
pub fn template(path: Option<&Path>, lang: &str) -> Outcome {
    if !translation::is_language_tag(lang) {
        return Err(not_a_language(lang));
    }
    if let Some(guide) = path {
        if let Some(refusal) = output_is_the_translation(guide, lang) {
            return Err(refusal);
        }
    }
    let guide = open_guide(path, None)?;
    let existing = match translation_source(path, lang) {
        Some(Ok(source)) => translation::check(&guide, source).translation,
        Some(Err(unreadable)) => return Err(CliError::usage(unreadable.message)),
        None => None,
    };
    print(&translation::template(&guide, lang, existing.as_ref()))
}

/// Brings the translation of the guide at `guide_path` into `lang` up to date, in place (see
/// [`mod@update`]); writes a new one, with every key, when there is none. A translation with errors
/// is not touched.
pub fn update(guide_path: &Path, lang: &str) -> Outcome {
    if !translation::is_language_tag(lang) {
        return Err(not_a_language(lang));
    }
    let guide = open_guide(Some(guide_path), None)?;
    if lang == guide.language {
        return Err(CliError::usage(format!(
            "\"{lang}\" is the guide's own language; a translation is into another one"
        )));
    }
    let file = translation::path_for(guide_path, lang);
    let name = file.display().to_string();
    let source = match translation_source(Some(guide_path), lang) {
        None => {
            let text = translation::template(&guide, lang, None);
            write_in_place(&file, &text)?;
            let count = translation::texts(&guide).len();
            return print(&said(&format!(
                "wrote `{name}`: {count} entries to translate"
            )));
        }
        Some(Err(unreadable)) => return Err(CliError::usage(unreadable.message)),
        Some(Ok(source)) => source,
    };
    match update::update(&guide, &source) {
        Ok(updated) if updated.text == source.text => print(&said(&format!(
            "`{name}` needed no change: {}",
            counts(&updated)
        ))),
        Ok(updated) => {
            write_in_place(&file, &updated.text)?;
            print(&said(&format!(
                "updated `{name}`: {} entries kept, {} added; {}",
                updated.kept,
                updated.added,
                counts(&updated)
            )))
        }
        Err(Refused::Errors(diagnostics)) => {
            print_errors(&CheckedFile {
                source,
                path: Some(file.clone()),
                diagnostics,
            });
            Err(CliError::invalid_because(format!(
                "`{name}` has errors, listed above, and was left as it is: fix them, then run \
                 `coop-guide i18n update` again"
            )))
        }
        Err(Refused::Empty) => Err(CliError::invalid_because(format!(
            "`{name}` is empty, and was left as it is. If a redirect emptied it, get its \
             entries back from version control (`git checkout -- {name}`) or from your editor \
             (undo, or its backup) first; to start afresh, delete it and run this again"
        ))),
        Err(Refused::Unmatched) => Err(CliError::invalid_because(format!(
            "could not tell where each entry of `{name}` is written, so it was left as it is"
        ))),
    }
}

/// The counts after an update, in words.
fn counts(updated: &Updated) -> String {
    format!(
        "{} stale (marked with the old and the new text), {} orphaned (kept at the end), \
         {} to translate",
        updated.stale, updated.orphaned, updated.untranslated
    )
}

/// A line for standard output, made safe (it names a file the user gave).
fn said(line: &str) -> String {
    format!("{}\n", sanitize_line(line))
}

/// Replaces a translation file atomically, keeping its permissions. Through a symbolic link,
/// the file it names is replaced and the link stays.
fn write_in_place(file: &Path, text: &str) -> Outcome {
    let linked = std::fs::symlink_metadata(file).is_ok_and(|m| m.file_type().is_symlink());
    let target = if linked {
        std::fs::canonicalize(file).unwrap_or_else(|_| file.to_path_buf())
    } else {
        file.to_path_buf()
    };
    Store::new(&target)
        .stage(text.as_bytes())
        .and_then(|staged| staged.commit())
        .map_err(|e| CliError::file(Exit::Usage, "cannot write", file, &e))
}

/// The refusal when standard output is the translation `template` would read: the shell has
/// already emptied it (`>`), or would get a second translation appended (`>>`).
fn output_is_the_translation(guide: &Path, lang: &str) -> Option<CliError> {
    let file = translation::path_for(guide, lang);
    if !is_standard_output(&file) {
        return None;
    }
    let f = file.display();
    let update = format!("coop-guide i18n update {} --lang {lang}", guide.display());
    let emptied = std::fs::metadata(&file).is_ok_and(|m| m.len() == 0);
    Some(CliError::usage(if emptied {
        format!(
            "the output goes to `{f}`, the translation this command reads, and the shell \
             emptied it before coop-guide started: the entries it held are gone from it. Get \
             them back from version control (`git checkout -- {f}`) or from your editor (undo, \
             or its backup), then run `{update}`, which brings the file up to date in place"
        )
    } else {
        format!(
            "the output goes to `{f}`, the translation this command reads: appending to it \
             would leave two translations in one file. Run `{update}` instead, which brings \
             the file up to date in place"
        )
    }))
}

/// True when standard output is the file at `path` (the same device and inode).
#[cfg(unix)]
fn is_standard_output(path: &Path) -> bool {
    use std::os::fd::AsFd;
    use std::os::unix::fs::MetadataExt;
    let Ok(file) = std::fs::metadata(path) else {
        return false;
    };
    let out = std::io::stdout();
    let Ok(fd) = out.as_fd().try_clone_to_owned() else {
        return false;
    };
    std::fs::File::from(fd)
        .metadata()
        .is_ok_and(|out| out.dev() == file.dev() && out.ino() == file.ino())
}

/// Standard output cannot be compared with a file here: never refused.
#[cfg(not(unix))]
fn is_standard_output(_path: &Path) -> bool {
    false
}
