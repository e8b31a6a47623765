//! Loading a guide: read the file, read its RON with the tolerant reader, clean the text,
//! validate, index.
//!
//! [`check_source`] never fails: whatever the input (random bytes, an empty file, a directory,
//! 50 MB of garbage, brackets nested 200,000 deep) it returns a [`Checked`] with diagnostics.
//! One pass reports every syntax and shape problem the reader finds ([`super::syntax`]) and,
//! when the reader did not have to guess at ids or links, every problem validation finds too,
//! so a misspelt field no longer hides the broken links after it.
//!
//! Session files are still read with `ron` (they are written by the program): [`ron_options`]
//! and `translate_ron_error` serve them.

use std::borrow::Cow;
use std::path::Path;

use ron::error::{Error as RonError, Position, SpannedError};
use ron::extensions::Extensions;

use super::diagnostic::{did_you_mean, Code, Diagnostic, Severity};
use super::model::Guide;
use super::source::{LineCol, Source, Span};
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

/// The ron options session files are read with: `Some(...)` is never needed.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
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

fn span_of(source: &Source, e: &SpannedError) -> Span {
    let offset = |p: Position| {
        source.offset(LineCol {
            line: p.line,
            col: p.col,
        })
    };
    let mut start = offset(e.span.start);
    let end = offset(e.span.end).max(start);
    // ron's spans often begin at the whitespace before the token it stopped on.
    let skipped = source.text[start..].len() - source.text[start..].trim_start().len();
    if start + skipped < source.text.len() {
        start += skipped;
    }
    Span {
        start,
        end: end.max(start),
    }
}

/// Names of the format's structs as a person would say them.
fn part_name(outer: Option<&str>) -> &'static str {
    match outer {
        Some("Guide") => "the guide",
        Some("Dimension") => "a dimension",
        Some("Value") => "a dimension value",
        Some("Question") => "a question",
        Some("Answer") => "an answer",
        Some("Outcome") => "an outcome",
        Some("Example") => "an example",
        Some("Step") => "a next step",
        Some("Test") => "a test case",
        Some("Link") => "a link",
        Some("Branch") => "a conditional link",
        Some("Case") => "a case of a conditional link",
        Some("Translation") => "the translation",
        Some("Entry") => "a translation entry",
        _ => "this part",
    }
}

/// Describes what serde expected in words a guide writer uses.
fn plain_expected(expected: &str) -> String {
    let e = expected.trim_start_matches("a ").trim_start_matches("an ");
    let words = match e {
        "string" | "borrowed string" => "text in double quotes",
        "sequence" => "a list in square brackets [ ... ]",
        "boolean" => "true or false",
        "u16" | "u32" | "u64" | "usize" | "i32" | "i64" => "a whole number",
        "tuple of size 2" => "a pair in brackets, like (\"a\", \"b\")",
        _ if e.starts_with("struct ") => {
            return format!(
                "{} in brackets ( ... )",
                part_name(e.strip_prefix("struct "))
            )
        }
        _ if e.starts_with("enum ") => "Goto(\"question-id\") or End(\"outcome-id\")",
        _ => return e.to_string(),
    };
    words.to_string()
}

fn plain_found(found: &str) -> String {
    found
        .replace("the unsigned integer", "the number")
        .replace("the signed integer", "the number")
        .replace("the floating point number", "the number")
        .replace("a sequence", "a list")
        .replace("the string", "the text")
}

/// Turns a ron error (from a session file) into a diagnostic in the guide's words.
pub(crate) fn translate_ron_error(e: &SpannedError, source: &Source) -> Diagnostic {
    let span = span_of(source, e);
    let (code, message, label, help): (Code, String, &str, Option<String>) = match &e.code {
        RonError::NoSuchStructField {
            expected,
            found,
            outer,
        } => (
            Code::UnknownField,
            format!(
                "{} has no field called `{found}`",
                part_name(outer.as_deref())
            ),
            "unknown field",
            Some(match did_you_mean(found, expected.iter().copied()) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("the fields it can have are: {}", expected.join(", ")),
            }),
        ),
        RonError::MissingStructField { field, outer } => (
            Code::MissingField,
            format!("{} is missing its `{field}`", part_name(outer.as_deref())),
            "this part ends without it",
            Some(format!("add `{field}: ...` inside the brackets")),
        ),
        RonError::DuplicateStructField { field, outer } => (
            Code::DuplicateField,
            format!(
                "`{field}` is written twice in {}",
                part_name(outer.as_deref())
            ),
            "second time",
            Some("keep one of the two".to_string()),
        ),
        RonError::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => {
            let (kind, kinds) = match outer.as_deref() {
                Some("Condition") => ("condition", "a condition is Answered(\"question\", \"answer\"), Placed(\"dimension\", \"value\"), Any([...]), All([...]) or Not(...)"),
                _ => ("link", "a link is Goto(\"question-id\"), End(\"outcome-id\") or Branch(cases: [...], otherwise: ...)"),
            };
            (
                Code::UnknownVariant,
                format!("`{found}` is not a kind of {kind}"),
                if kind == "link" {
                    "unknown link"
                } else {
                    "unknown condition"
                },
                Some(match did_you_mean(found, expected.iter().copied()) {
                    Some(s) => format!(
                        "did you mean `{s}`? {}{}",
                        kinds[..1].to_uppercase(),
                        &kinds[1..]
                    ),
                    None => kinds.to_string(),
                }),
            )
        }
        RonError::InvalidValueForType { expected, found } => (
            Code::WrongType,
            format!(
                "expected {} but found {}",
                plain_expected(expected),
                plain_found(found)
            ),
            "wrong kind of value",
            None,
        ),
        RonError::ExpectedDifferentLength { expected, found } => (
            Code::WrongType,
            format!(
                "expected {} but found {found} item(s)",
                plain_expected(expected)
            ),
            "wrong number of items",
            None,
        ),
        RonError::ExpectedDifferentStructName { expected, found } => (
            Code::WrongName,
            format!(
                "found `{found}(...)` where {} belongs",
                part_name(Some(expected))
            ),
            "wrong name",
            Some(format!("write `{expected}(` here, or leave the name out")),
        ),
        RonError::ExpectedString | RonError::ExpectedStringEnd => (
            Code::WrongType,
            "expected text in double quotes".to_string(),
            "here",
            Some("text is written \"like this\"; a quote inside text is written \\\"".to_string()),
        ),
        RonError::ExceededRecursionLimit => (
            Code::Syntax,
            "brackets are nested too deeply to be a guide".to_string(),
            "too deep",
            Some(
                "a guide is flat lists of questions and outcomes; is this the right file?"
                    .to_string(),
            ),
        ),
        RonError::ExpectedComma => (
            Code::Syntax,
            "a comma is missing between two items".to_string(),
            "expected a comma before this",
            Some("put a comma after the previous item".to_string()),
        ),
        RonError::Eof => (
            Code::Syntax,
            "the file ends in the middle of the guide".to_string(),
            "ends here",
            Some("a closing bracket or quote is probably missing".to_string()),
        ),
        RonError::TrailingCharacters => (
            Code::Syntax,
            "there is more text after the end of the guide".to_string(),
            "unexpected text",
            Some(
                "the guide is one `Guide( ... )`; check the brackets before this point".to_string(),
            ),
        ),
        RonError::UnclosedBlockComment | RonError::UnclosedLineComment => (
            Code::Syntax,
            "a comment is never closed".to_string(),
            "comment starts here",
            Some("close block comments with */".to_string()),
        ),
        RonError::UnexpectedChar(c) => (
            Code::Syntax,
            format!("unexpected character {}", describe_char(*c)),
            "here",
            curly_hint(*c),
        ),
        RonError::Utf8Error(_) => (
            Code::Unreadable,
            "the file is not UTF-8 text".to_string(),
            "here",
            None,
        ),
        RonError::Message(m) => (Code::WrongType, m.clone(), "here", None),
        other => (Code::Syntax, syntax_message(other), "here", None),
    };
    let mut d = Diagnostic::new(code, message).at_span(span, label);
    d.help = help;
    d
}

fn describe_char(c: char) -> String {
    if c.is_control() || is_unsafe_char(c) {
        format!("U+{:04X}", c as u32)
    } else {
        format!("`{c}`")
    }
}

fn curly_hint(c: char) -> Option<String> {
    matches!(c, '“' | '”' | '‘' | '’')
        .then(|| "curly quotes come from word processors: use straight quotes \"".to_string())
}

/// A plain sentence for the remaining syntax errors, from ron's own (already readable) text.
fn syntax_message(e: &RonError) -> String {
    let text = e.to_string();
    let mut s = text.replace("RON", "the guide");
    if let Some(first) = s.get(..1) {
        s = first.to_lowercase() + &s[1..];
    }
    s
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
