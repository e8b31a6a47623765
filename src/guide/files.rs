//! A guide and the translations beside it: the one way every command and the editor open them.
//!
//! A guide is read within the bounds of [`crate::read`] and checked; its translations are found
//! beside it (or embedded, for the built-in guide) and checked against it. A translation that
//! exists but cannot be read is a file with an unreadable-file diagnostic, never skipped as if
//! it were not there: `check`, `i18n status`, the editor and `play --lang` all say so.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::{
    check_path, default_guide, languages, translation, translation_source, Checked, Diagnostic,
    Guide, Severity, Source,
};

/// One file read: a guide, or a translation checked against its guide.
#[derive(Debug, Clone)]
pub struct CheckedFile {
    /// The file's text and name.
    pub source: Source,
    /// The file on disk (`None` for the built-in guide and its translations).
    pub path: Option<PathBuf>,
    /// What is wrong with it.
    pub diagnostics: Vec<Diagnostic>,
}

impl CheckedFile {
    /// True when any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity() == Severity::Error)
    }
}

/// The guide at `path`, read and checked; the built-in guide for `None`.
pub fn read_guide(path: Option<&Path>) -> Checked {
    match path {
        Some(path) => check_path(path),
        None => default_guide(),
    }
}

/// The translation of a guide into `language`, checked against `base` (the guide, or the guide
/// as it parses despite errors). `None` when there is no such translation.
pub fn check_translation(
    base: &Guide,
    guide_path: Option<&Path>,
    language: &str,
) -> Option<CheckedFile> {
    let path = guide_path.map(|p| translation::path_for(p, language));
    Some(match translation_source(guide_path, language)? {
        Ok(source) => {
            let checked = translation::check(base, source);
            CheckedFile {
                source: checked.source,
                path,
                diagnostics: checked.diagnostics,
            }
        }
        Err(unreadable) => {
            let name = path
                .as_ref()
                .map_or_else(|| language.to_string(), |p| p.display().to_string());
            CheckedFile {
                source: Source::new(name, String::new()),
                path,
                diagnostics: vec![*unreadable],
            }
        }
    })
}

/// Every translation of a guide (those beside its file, or the built-in guide's), checked
/// against `base`, in the order of their languages.
pub fn check_translations(base: &Guide, guide_path: Option<&Path>) -> Vec<CheckedFile> {
    languages(base, guide_path)
        .into_iter()
        .skip(1)
        .filter_map(|lang| check_translation(base, guide_path, &lang))
        .collect()
}

/// Checks a guide and the translations beside it; given a translation file, checks it against
/// its guide (and the guide only when the guide has errors). `None` is the built-in guide.
/// Files already in `seen` are skipped, so a list of paths checks each file once. Returns the
/// files with their diagnostics, and the guide when it has no errors.
pub fn check_with_translations(
    path: Option<&Path>,
    seen: &mut HashSet<PathBuf>,
) -> (Vec<CheckedFile>, Option<Guide>) {
    let mut files = Vec::new();
    let asked_language = path.and_then(translation::split_path).map(|(_, lang)| lang);
    let guide_path = match path.and_then(translation::split_path) {
        Some((base, _)) => Some(base),
        None => path.map(Path::to_path_buf),
    };
    let checked = read_guide(guide_path.as_deref());
    let first_time = guide_path.as_ref().is_none_or(|p| seen.insert(p.clone()));
    if first_time && (asked_language.is_none() || checked.has_errors()) {
        files.push(CheckedFile {
            source: checked.source,
            path: guide_path.clone(),
            diagnostics: checked.diagnostics,
        });
    }
    let Some(guide) = checked.guide else {
        return (files, None);
    };
    let wanted = languages(&guide, guide_path.as_deref())
        .into_iter()
        .skip(1)
        .filter(|l| asked_language.as_ref().is_none_or(|a| a == l));
    for lang in wanted {
        if let Some(p) = guide_path.as_deref() {
            if !seen.insert(translation::path_for(p, &lang)) {
                continue;
            }
        }
        files.extend(check_translation(&guide, guide_path.as_deref(), &lang));
    }
    (files, Some(guide))
}

/// Why a guide cannot be used as asked.
#[derive(Debug, Clone)]
pub enum Unusable {
    /// The guide, or its translation into the language asked for, has errors (or cannot be
    /// read): the file with its diagnostics.
    Invalid(Box<CheckedFile>),
    /// The language asked for is not a language tag (the text as given).
    NotALanguage(String),
    /// The guide has no translation into the language asked for.
    NoTranslation {
        /// The language asked for.
        language: String,
        /// The languages the guide can be played in.
        have: Vec<String>,
    },
}

/// The guide at `path` (the built-in guide for `None`) when it has no errors, translated into
/// `language` when one is asked for and it is not the guide's own.
pub fn usable(path: Option<&Path>, language: Option<&str>) -> Result<Guide, Unusable> {
    let checked = read_guide(path);
    let Some(mut guide) = checked.guide else {
        return Err(Unusable::Invalid(Box::new(CheckedFile {
            source: checked.source,
            path: path.map(Path::to_path_buf),
            diagnostics: checked.diagnostics,
        })));
    };
    let Some(lang) = language.filter(|l| *l != guide.language) else {
        return Ok(guide);
    };
    if !translation::is_language_tag(lang) {
        return Err(Unusable::NotALanguage(lang.to_string()));
    }
    let Some(source) = translation_source(path, lang) else {
        return Err(Unusable::NoTranslation {
            language: lang.to_string(),
            have: languages(&guide, path),
        });
    };
    let file_path = path.map(|p| translation::path_for(p, lang));
    let source = match source {
        Ok(source) => source,
        Err(unreadable) => {
            return Err(Unusable::Invalid(Box::new(CheckedFile {
                source: Source::new(lang, String::new()),
                path: file_path,
                diagnostics: vec![*unreadable],
            })))
        }
    };
    let checked = translation::check(&guide, source);
    if let Some(t) = checked.usable() {
        translation::apply(&mut guide, t);
        return Ok(guide);
    }
    Err(Unusable::Invalid(Box::new(CheckedFile {
        source: checked.source,
        path: file_path,
        diagnostics: checked.diagnostics,
    })))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unreadable_translation_is_a_file_with_a_diagnostic() {
        // A folder where the Spanish translation should be: found, and cannot be read.
        let dir = tempfile::tempdir().expect("temp");
        std::fs::create_dir(dir.path().join("g.es.ron")).expect("folder");
        let guide = dir.path().join("g.ron");
        std::fs::copy("guides/decision-making.ron", &guide).expect("copy");
        let mut seen = HashSet::new();
        let (files, usable_guide) = check_with_translations(Some(&guide), &mut seen);
        assert!(usable_guide.is_some());
        let spanish = files
            .iter()
            .find(|f| f.path.as_deref() == Some(dir.path().join("g.es.ron").as_path()))
            .expect("the translation is listed");
        assert_eq!(spanish.diagnostics[0].code, super::super::Code::Unreadable);
        assert!(
            spanish.diagnostics[0].message.contains("g.es.ron"),
            "{:?}",
            spanish.diagnostics
        );
        assert!(matches!(
            usable(Some(&guide), Some("es")),
            Err(Unusable::Invalid(_))
        ));
    }

    #[test]
    fn a_language_without_a_translation_lists_the_ones_there_are() {
        match usable(None, Some("fr")) {
            Err(Unusable::NoTranslation { language, have }) => {
                assert_eq!(language, "fr");
                assert_eq!(have, vec!["en".to_string(), "es".to_string()]);
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            usable(None, Some("e\u{1b}s")),
            Err(Unusable::NotALanguage(_))
        ));
        assert_eq!(usable(None, Some("es")).expect("Spanish").language, "es");
    }
}
