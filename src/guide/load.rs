//! Loading a guide: read the file, read its RON with the tolerant reader, clean the text,
//! validate, index.
//!
//! [`check_source`] never fails: whatever the input (random bytes, an empty file, a directory,
//! 50 MB of garbage, brackets nested 200,000 deep) it returns a [`Checked`] with diagnostics.
//! One pass reports every syntax and shape problem the reader finds ([`super::syntax`]) and,
//! when the reader did not have to guess at ids or links, every problem validation finds too,
//! so a misspelt field no longer hides the broken links after it.
//!
//! Session files are read with the same reader ([`crate::engine::session::SessionFile::parse`]).

use std::borrow::Cow;
use std::path::Path;

use super::diagnostic::{Code, Diagnostic, Severity};
use super::model::Guide;
use super::source::{Source, Span};
use super::syntax;
use super::text::{clean, has_unsafe, invisible_in, is_unsafe_char, sanitize_line};
use super::translation::is_language_tag;
use super::validate::validate;

/// The result of loading and validating one guide file.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The file's text (empty when it could not be read).
    pub source: Source,
    /// The guide, when it has no errors (warnings are allowed).
    pub guide: Option<Guide>,
    /// Every error and warning, in the order of the file.
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    /// True when any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity() == Severity::Error)
    }
}

/// Reads and checks the guide at `path`.
pub fn check_path(path: &Path) -> Checked {
    let name = path.display().to_string();
    let unreadable = |message: String, help: &str| Checked {
        source: Source::new(name.clone(), String::new()),
        guide: None,
        diagnostics: vec![Diagnostic::new(Code::Unreadable, message).help(help)],
    };
    if path.is_dir() {
        return unreadable(
            format!("`{name}` is a folder, not a guide file"),
            "give the path of a .ron file inside it",
        );
    }
    match crate::read::bytes(path, crate::read::Kind::Guide) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => check_source(Source::new(name, text)),
            Err(e) => {
                let offset = e.utf8_error().valid_up_to();
                let valid = String::from_utf8_lossy(&e.as_bytes()[..offset]).into_owned();
                let source = Source::new(name.clone(), valid);
                let at = source.line_col(offset);
                Checked {
                    diagnostics: vec![Diagnostic::new(
                        Code::Unreadable,
                        format!(
                            "`{name}` is not UTF-8 text (the first bad byte is at line {}, column {})",
                            at.line, at.col
                        ),
                    )
                    .at_span(Span { start: offset, end: offset }, "here")
                    .help("save the guide as UTF-8 text; is this the right file?")],
                    source,
                    guide: None,
                }
            }
        },
        Err(e) => unreadable(
            format!("cannot read `{name}`: {}", io_reason(&e)),
            "check the path and that you may read the file",
        ),
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// Reads, cleans and validates a guide's text.
pub fn check_source(source: Source) -> Checked {
    let mut read = syntax::read::<Guide>(&source.text);
    let mut diagnostics = std::mem::take(&mut read.diagnostics);
    let mut guide = read.value.take();
    read.release_tree();
    if let Some(guide) = guide.as_mut() {
        let mut later = clean_texts(guide);
        if read.guessed {
            let note = "ids and links are checked once this is fixed";
            if let Some(d) = diagnostics
                .iter_mut()
                .find(|d| d.severity() == Severity::Error && d.note.is_none())
            {
                d.note = Some(note.to_string());
            }
        } else {
            later.extend(validate(guide));
        }
        read.place(&source.text, &mut later);
        diagnostics.extend(later);
    }
    drop(read);
    sort(&mut diagnostics);
    let has_errors = diagnostics.iter().any(|d| d.severity() == Severity::Error);
    Checked {
        source,
        guide: guide.filter(|_| !has_errors),
        diagnostics,
    }
}

/// Diagnostics in the order of the file; those with no place last.
pub(crate) fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by_key(|d| d.span().map_or(usize::MAX, |s| s.start));
}

/// Reads a guide whose only errors are in its links and ids (validation's) into a model with its
/// index, for tools that show a broken guide as it is (`graph`, the editor's outline). `None`
/// when the file has syntax or shape errors: the reader would have to stand in for the author.
pub fn parse_lenient(source: &Source) -> Option<Guide> {
    let read = syntax::read::<Guide>(&source.text);
    if read.guessed || read.has_errors() {
        return None;
    }
    let mut guide = read.value?;
    clean_texts(&mut guide);
    validate(&mut guide);
    // Ids of a guide with errors were never checked: make them safe to show, keeping the index
    // (built from the raw ids) as it is.
    let safe = |id: &mut String| {
        if has_unsafe(id) || id.contains('\n') {
            *id = sanitize_line(id);
        }
    };
    safe(&mut guide.id);
    for q in &mut guide.questions {
        safe(&mut q.id);
        for a in &mut q.answers {
            safe(&mut a.id);
            a.next.for_each_id_mut(&mut |id| safe(id));
        }
    }
    guide.outcomes.iter_mut().for_each(|o| safe(&mut o.id));
    Some(guide)
}

/// Sanitises and lays out every text of the guide in place, warning where control characters were
/// found (they are removed, never shown).
fn clean_texts(guide: &mut Guide) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    // Fields that are not read as prose still reach output: make them safe, on one line.
    let one_line = |s: &mut String| {
        if has_unsafe(s) || s.contains('\n') {
            *s = sanitize_line(s);
        }
    };
    one_line(&mut guide.version);
    for outcome in &mut guide.outcomes {
        outcome
            .examples
            .iter_mut()
            .for_each(|e| one_line(&mut e.source));
    }
    guide.tests.iter_mut().for_each(|t| one_line(&mut t.name));
    if !guide.language.is_empty() && !is_language_tag(&guide.language) {
        found.push(
            Diagnostic::new(
                Code::InvalidId,
                format!(
                    "the language \"{}\" is not a language tag",
                    sanitize_line(&guide.language)
                ),
            )
            .at("language", "not a language tag")
            .help("write a tag such as \"en\", \"es\" or \"pt-BR\""),
        );
        guide.language.clear();
    }
    for outcome in &mut guide.outcomes {
        for step in &mut outcome.next_steps {
            one_line(&mut step.region);
            step.place = step.region.trim().to_string();
        }
    }
    guide
        .questions
        .iter_mut()
        .flat_map(|q| q.answers.iter_mut())
        .for_each(|a| one_line(&mut a.region));
    guide.visit_texts_mut(&mut |at, text| clean_text(text, &|| at.path(), &mut found));
    found
}

/// Sanitises and lays out one text in place, warning at `path` where control, bidi or invisible
/// characters were found (they are removed, never shown). Translations use it for their texts.
pub(crate) fn clean_text(
    text: &mut String,
    path: &dyn Fn() -> String,
    found: &mut Vec<Diagnostic>,
) {
    let Cow::Owned(cleaned) = clean(text) else {
        return;
    };
    if text.chars().any(is_unsafe_char) {
        found.push(
            Diagnostic::new(
                Code::ControlChars,
                "this text holds control or bidi-override characters",
            )
            .at(path(), "removed before it is shown")
            .help("delete the invisible characters; they can hide or rewrite what people see"),
        );
    }
    if let Some(which) = invisible_in(text) {
        found.push(
            Diagnostic::new(
                Code::InvisibleChars,
                format!("this text holds invisible characters: {which}"),
            )
            .at(path(), "removed before it is shown")
            .help("delete them: they make text that looks the same compare differently"),
        );
    }
    *text = cleaned;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<(&'static str, usize, usize)> {
        let checked = check_source(Source::new("t.ron", text));
        checked
            .diagnostics
            .iter()
            .map(|d| {
                let at = d
                    .span()
                    .map(|s| checked.source.line_col(s.start))
                    .unwrap_or_default();
                (d.code.as_str(), at.line, at.col)
            })
            .collect()
    }

    #[test]
    fn empty_file_is_a_clear_error() {
        assert_eq!(codes("  \n"), vec![("G0001", 0, 0)]);
    }

    #[test]
    fn deep_nesting_is_reported_not_overflowed() {
        let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
        assert_eq!(codes(&deep), vec![("G0011", 1, 129)]);
        let deep_value = format!(
            "Guide(id: \"g\", title: \"t\", start: {}",
            "(".repeat(100_000)
        );
        let found = codes(&deep_value);
        assert!(found.iter().any(|f| f.0 == "G0011"), "{found:?}");
        assert!(
            found
                .iter()
                .all(|f| matches!(f.0, "G0103" | "G0011" | "G0004")),
            "{found:?}"
        );
    }
}
