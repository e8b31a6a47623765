//! One reading of a guide file and the translations beside it: the guide (when usable), the
//! guide as it is (when it parses despite errors), where each node is in the file now, and every
//! problem, as the editor lists them, each with the node it is about (found by ids, so it is
//! found in an outline of an older version too).
//!
//! The files are opened the one way every command opens them ([`crate::guide::files`]): within
//! bounds, and a translation that cannot be read is a problem, never skipped. This is the
//! editor's only file reading; the app receives snapshots and never touches the disk.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::outline::NodeKey;
use super::places::Places;
use crate::guide::diagnostic::Diagnostic;
use crate::guide::files::{check_translations, read_guide};
use crate::guide::load::parse_lenient;
use crate::guide::text::sanitize_line;
use crate::guide::translation;
use crate::guide::{Code, Guide, Severity, Source};

/// Which file a problem is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The guide itself.
    Guide,
    /// A translation beside it.
    Translation,
}

/// One diagnostic, placed in its file, ready to show (`file:line:col code message`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file to open.
    pub file: PathBuf,
    /// The file's name as shown (the path as given, sanitised).
    pub name: String,
    /// The guide or a translation.
    pub origin: Origin,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
    /// The stable code.
    pub code: Code,
    /// The message, sanitised.
    pub message: String,
    /// The suggested fix, sanitised.
    pub help: Option<String>,
    /// The question, answer, part of an answer or outcome it is about, when it is in one.
    pub node: Option<NodeKey>,
}

impl Problem {
    /// Error or warning.
    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    /// `file:line:col`.
    pub fn place(&self) -> String {
        format!("{}:{}:{}", self.name, self.line, self.col)
    }
}

/// What one reading found.
#[derive(Debug, Clone)]
pub struct Snapshot {
    /// The guide file's text (empty when it could not be read).
    pub source: Source,
    /// The guide, when it has no errors.
    pub guide: Option<Arc<Guide>>,
    /// The guide as it is, when it has errors but parses (to outline a guide never yet good, and
    /// to mark the links broken now on the last good version).
    pub lenient: Option<Arc<Guide>>,
    /// Where each node is in the guide file as it is.
    pub places: Places,
    /// Problems of the guide, then of its translations; errors before warnings.
    pub problems: Vec<Problem>,
}

impl Snapshot {
    /// Reads and checks the guide at `path` and every translation beside it. Never fails: an
    /// unreadable file is a problem like any other.
    pub fn read(path: &Path) -> Snapshot {
        Snapshot::read_in(path, None)
    }

    /// Reads as [`Snapshot::read`] does; with a `language` other than the guide's own, the
    /// guide to show is translated into it (by the translation beside it, as `play --lang`
    /// plays it). A translation that cannot be used (it has errors, or there is none) makes the
    /// reading one with errors, like a guide with errors: the last good version stays on show.
    pub fn read_in(path: &Path, language: Option<&str>) -> Snapshot {
        let checked = read_guide(Some(path));
        let mut lenient = match (&checked.guide, checked.source.text.trim().is_empty()) {
            (None, false) => parse_lenient(&checked.source).map(Arc::new),
            _ => None,
        };
        let mut guide = checked.guide.map(Arc::new);
        // Translations are checked against the guide as written, never as translated.
        let base_guide = guide.clone();
        let mut unusable = Vec::new();
        if let (Some(language), Some(base)) = (language, &guide) {
            if language != base.language {
                match translated(base, path, language) {
                    Ok(translated) => guide = Some(Arc::new(translated)),
                    Err(why) => {
                        unusable = why;
                        lenient = guide.take();
                    }
                }
            }
        }
        let places = Places::read(&checked.source);
        let mut problems = problems(
            &checked.diagnostics,
            &checked.source,
            path,
            Origin::Guide,
            Some(&places),
        );
        if let Some(base) = base_guide.as_deref().or(lenient.as_deref()) {
            for file in check_translations(base, Some(path)) {
                let on_disk = file.path.clone().unwrap_or_else(|| path.to_path_buf());
                problems.extend(self::problems(
                    &file.diagnostics,
                    &file.source,
                    &on_disk,
                    Origin::Translation,
                    None,
                ));
            }
        }
        problems.extend(unusable);
        // Errors first: they are what stops the guide; the sort keeps file order within each.
        problems.sort_by_key(|p| p.severity() != Severity::Error);
        Snapshot {
            source: checked.source,
            guide,
            lenient,
            places,
            problems,
        }
    }

    /// True when the guide has errors.
    pub fn has_errors(&self) -> bool {
        self.guide.is_none()
    }
}

/// The guide translated into `language` by the translation beside it; otherwise the problems to
/// list (none when they are listed with every translation's already).
fn translated(base: &Guide, path: &Path, language: &str) -> Result<Guide, Vec<Problem>> {
    let source = match crate::guide::translation_source(Some(path), language) {
        Some(Ok(source)) => source,
        Some(Err(_)) => return Err(Vec::new()),
        None => {
            let file = translation::path_for(path, language);
            let missing = crate::guide::unreadable(
                &file.display().to_string(),
                &std::io::Error::from(std::io::ErrorKind::NotFound),
            );
            let source = Source::new(file.display().to_string(), String::new());
            return Err(problems(
                &[missing],
                &source,
                &file,
                Origin::Translation,
                None,
            ));
        }
    };
    let checked = translation::check(base, source);
    let t = checked.usable().ok_or_else(Vec::new)?;
    let mut guide = base.clone();
    translation::apply(&mut guide, t);
    Ok(guide)
}

fn problems(
    diagnostics: &[Diagnostic],
    source: &Source,
    file: &Path,
    origin: Origin,
    places: Option<&Places>,
) -> Vec<Problem> {
    let name = sanitize_line(&source.name);
    diagnostics
        .iter()
        .map(|d| {
            let span = d.span();
            let at = span.map(|s| source.line_col(s.start));
            let node = places
                .zip(span)
                .and_then(|(places, s)| places.at(s.start))
                .cloned();
            Problem {
                file: file.to_path_buf(),
                name: name.clone(),
                origin,
                line: at.map_or(1, |a| a.line),
                col: at.map_or(1, |a| a.col),
                code: d.code,
                message: sanitize_line(&d.message),
                help: d.help.as_deref().map(sanitize_line),
                node,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_is_a_problem_not_a_failure() {
        let snapshot = Snapshot::read(Path::new("tests/fixtures/edit/no-such-file.ron"));
        assert!(snapshot.has_errors());
        assert_eq!(snapshot.problems[0].code, Code::Unreadable);
        assert!(snapshot.lenient.is_none());
    }

    #[test]
    fn translations_beside_the_guide_are_checked_too() {
        let snapshot = Snapshot::read(Path::new("tests/fixtures/i18n/stale/guide.ron"));
        assert!(snapshot.guide.is_some());
        assert!(snapshot
            .problems
            .iter()
            .any(|p| p.origin == Origin::Translation && p.code == Code::TranslationStale));
    }
}
