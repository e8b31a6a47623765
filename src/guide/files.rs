//! A guide and the translations beside it, checked together: what `check` and the editor read.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::{
    default_guide, languages, translation, translation_source, Checked, Diagnostic, Guide, Source,
};

/// One file read: a guide, or a translation checked against its guide.
#[derive(Debug, Clone)]
pub struct CheckedFile {
    /// The file's text and name.
    pub source: Source,
    /// What is wrong with it.
    pub diagnostics: Vec<Diagnostic>,
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
    let checked: Checked = match guide_path.as_deref() {
        Some(p) => super::check_path(p),
        None => default_guide(),
    };
    let first_time = guide_path.as_ref().is_none_or(|p| seen.insert(p.clone()));
    if first_time && (asked_language.is_none() || checked.has_errors()) {
        files.push(CheckedFile {
            source: checked.source,
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
        if let Some(source) = translation_source(guide_path.as_deref(), &lang) {
            let t = translation::check(&guide, source);
            files.push(CheckedFile {
                source: t.source,
                diagnostics: t.diagnostics,
            });
        }
    }
    (files, Some(guide))
}
