//! Diagnostics: what `check` says about a guide, and how it is printed.
//!
//! Every diagnostic has a stable code (documented in the README; tests pin each one to a fixture),
//! a plain-language message in the guide's own words, a place in the file, and where possible a
//! help line. Places are first recorded as value paths (`questions[2].answers[0].next`) and turned
//! into spans in one scan of the source ([`resolve`]), so validation never deals with offsets.
//!
//! Three renderings: `human` (rustc-style with a snippet), `short` (`file:line:col: error[G0203]:
//! message`, for editors and CI) and `json`. All text that came from the guide is sanitised here.

use std::fmt::Write as _;

use serde::Serialize;

use super::source::{LineCol, Source, Span};
use super::text::sanitize_line;

/// How bad a diagnostic is: errors make a guide unusable, warnings point at likely mistakes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The guide can be used, but something is probably wrong.
    Warning,
    /// The guide cannot be used until this is fixed.
    Error,
}

macro_rules! codes {
    ($($variant:ident = $code:literal, $severity:ident, $title:literal;)*) => {
        /// The stable code of each kind of diagnostic.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Code { $(#[doc = $title] $variant,)* }

        impl Code {
            /// Every code, in order (the README's table is checked against this list).
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The code as printed, such as `G0203`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code,)* }
            }

            /// Whether this code is an error or a warning.
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }

            /// A one-line description of the kind of problem.
            pub fn title(self) -> &'static str {
                match self { $(Code::$variant => $title,)* }
            }
        }
    };
}

codes! {
    Syntax = "G0001", Error, "the file is not valid RON (a bracket, comma or quote is off)";
    Unreadable = "G0002", Error, "the file cannot be read (missing, a directory, or not UTF-8 text)";
    UnknownField = "G0101", Error, "a field name the guide format does not have";
    MissingField = "G0102", Error, "a required field is missing";
    WrongType = "G0103", Error, "a field holds the wrong kind of value";
    UnknownVariant = "G0104", Error, "an unknown kind of link or condition";
    DuplicateField = "G0105", Error, "the same field is written twice";
    WrongName = "G0106", Error, "a part of the guide has the wrong name before its brackets";
    DuplicateId = "G0201", Error, "two things of the same kind share an id";
    InvalidId = "G0202", Error, "an id is empty or has characters ids may not have";
    MissingQuestion = "G0203", Error, "an answer leads to a question that does not exist";
    MissingOutcome = "G0204", Error, "an answer ends at an outcome that does not exist";
    BadStart = "G0205", Error, "the guide's start is missing or names no question";
    NoAnswers = "G0206", Error, "a question has no answers";
    UnknownValue = "G0207", Error, "an answer or outcome sets a dimension or value that does not exist";
    TestUnknownAnswer = "G0208", Error, "a test case names a question or answer that does not exist";
    TestUnknownOutcome = "G0209", Error, "a test case expects an outcome that does not exist";
    UnknownRelated = "G0210", Error, "an outcome lists a related outcome that does not exist";
    UnknownInCondition = "G0211", Error, "a condition names a question, answer, dimension or value that does not exist";
    NeverAskedBefore = "G0212", Error, "a condition reads a question that can never have been asked before it";
    AllHidden = "G0213", Error, "on some path every answer of a question is hidden";
    Trapped = "G0214", Error, "a participant can reach questions from which no outcome can be reached";
    FormatVersion = "G0215", Error, "the guide's format version is not one this coop-guide reads";
    UnreachableQuestion = "G0301", Warning, "no path from the start reaches this question";
    UnreachableOutcome = "G0302", Warning, "no path from the start reaches this outcome";
    DeadEnd = "G0303", Warning, "no outcome can be reached from this question, and no path leads to it";
    Cycle = "G0304", Warning, "answers lead in a circle back to an earlier question";
    EmptyText = "G0305", Warning, "a text that people will read is empty";
    DuplicateLabel = "G0306", Warning, "two answers of one question have the same label";
    NoProsOrCons = "G0307", Warning, "an outcome has no pros or no cons";
    NoWhy = "G0308", Warning, "a question does not say why it is asked";
    ControlChars = "G0309", Warning, "a text holds control or bidi characters, which are removed";
    InvisibleChars = "G0320", Warning, "a text holds zero-width characters or direction marks, which are removed";
    CaseNeverTaken = "G0310", Warning, "a case of a conditional link is never taken";
    OtherwiseNeverTaken = "G0311", Warning, "the `otherwise` of a conditional link is never taken";
    AnswerNeverOffered = "G0312", Warning, "an answer's condition never holds, so it is never offered";
    FormatUndeclared = "G0313", Warning, "a guide uses conditions without saying `format: 2`";
    TooManyWalks = "G0314", Warning, "the conditions combine in too many ways to follow every path";
    NeverReached = "G0315", Warning, "the conditions never let a path reach this question or outcome";
    ItemNeverShown = "G0316", Warning, "a conditional example or next step that no path shows";
    TranslationGuide = "G0401", Error, "a translation names another guide";
    TranslationDuplicate = "G0402", Error, "a translation has two entries for the same text";
    TranslationOrphan = "G0403", Warning, "a translation entry names no text of the guide";
    TranslationStale = "G0404", Warning, "the text was changed after it was translated";
    TranslationMissing = "G0405", Warning, "texts of the guide have no translation yet";
    TranslationLanguage = "G0406", Error, "a translation's language differs from its file name";
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a label points: a value path awaiting resolution, or a span in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Locus {
    /// A value path such as `questions[2].answers[0].next`.
    Path(String),
    /// A byte span in the source.
    Span(Span),
}

/// A place in the file with a short text saying what is there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// Where.
    pub at: Locus,
    /// What to say under the snippet.
    pub text: String,
}

/// One finding about a guide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The stable code; also gives the severity.
    pub code: Code,
    /// The message, in the guide's own words.
    pub message: String,
    /// The main place the problem is.
    pub primary: Option<Label>,
    /// Other places worth seeing (the first definition of a duplicate id, say).
    pub secondary: Vec<Label>,
    /// A suggestion for the fix.
    pub help: Option<String>,
    /// Context: which question or answer this is about.
    pub note: Option<String>,
}

impl Diagnostic {
    /// A diagnostic with a code and message and nothing else yet.
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            message: message.into(),
            primary: None,
            secondary: Vec::new(),
            help: None,
            note: None,
        }
    }

    /// Points the diagnostic at a value path.
    pub fn at(mut self, path: impl Into<String>, label: impl Into<String>) -> Self {
        self.primary = Some(Label {
            at: Locus::Path(path.into()),
            text: label.into(),
        });
        self
    }

    /// Points the diagnostic at a span.
    pub fn at_span(mut self, span: Span, label: impl Into<String>) -> Self {
        self.primary = Some(Label {
            at: Locus::Span(span),
            text: label.into(),
        });
        self
    }

    /// Adds another place to show.
    pub fn also(mut self, path: impl Into<String>, label: impl Into<String>) -> Self {
        self.secondary.push(Label {
            at: Locus::Path(path.into()),
            text: label.into(),
        });
        self
    }

    /// Adds a help line.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a note line.
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }

    /// The severity, from the code.
    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    /// The span of the primary label once resolved.
    pub fn span(&self) -> Option<Span> {
        match self.primary.as_ref()?.at {
            Locus::Span(span) => Some(span),
            Locus::Path(_) => None,
        }
    }
}

/// Turns every path label into a span with one scan of the source. A path that cannot be found
/// (it should not happen) falls back to its nearest enclosing value that can.
pub fn resolve(diagnostics: &mut [Diagnostic], source: &Source) {
    let mut wanted: Vec<String> = Vec::new();
    for d in diagnostics.iter() {
        for label in d.primary.iter().chain(&d.secondary) {
            if let Locus::Path(p) = &label.at {
                wanted.extend(ancestors(p).map(str::to_string));
            }
        }
    }
    if wanted.is_empty() {
        return;
    }
    let spans = source.locate(wanted.iter().map(String::as_str));
    for d in diagnostics.iter_mut() {
        for label in d.primary.iter_mut().chain(d.secondary.iter_mut()) {
            if let Locus::Path(p) = &label.at {
                let span = ancestors(p)
                    .find_map(|a| spans.get(a).copied())
                    .unwrap_or_default();
                label.at = Locus::Span(span);
            }
        }
    }
}

/// A path and its enclosing paths, innermost first: `a[1].b`, `a[1]`, `a`, ``.
fn ancestors(path: &str) -> impl Iterator<Item = &str> {
    let mut next = Some(path);
    std::iter::from_fn(move || {
        let current = next?;
        next = current.rfind(['.', '[']).map(|i| &current[..i]);
        if next.is_none() && !current.is_empty() {
            next = Some("");
        }
        Some(current)
    })
}

/// Renders diagnostics of one source in the human format.
pub fn render_human(diagnostics: &[Diagnostic], source: &Source) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let severity = match d.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let _ = writeln!(out, "{severity}[{}]: {}", d.code, sanitize_line(&d.message));
        let gutter = width_of(source.line_count());
        let primary = d.span();
        match primary {
            Some(span) => {
                let at = source.line_col(span.start);
                let _ = writeln!(
                    out,
                    "{:gutter$}--> {}:{}:{}",
                    "",
                    sanitize_line(&source.name),
                    at.line,
                    at.col
                );
                let text = d.primary.as_ref().map_or("", |l| l.text.as_str());
                snippet(&mut out, source, span, text, '^', gutter);
            }
            None => {
                let _ = writeln!(out, "{:gutter$}--> {}", "", sanitize_line(&source.name));
            }
        }
        for label in &d.secondary {
            if let Locus::Span(span) = label.at {
                snippet(&mut out, source, span, &label.text, '-', gutter);
            }
        }
        if let Some(note) = &d.note {
            let _ = writeln!(out, "{:gutter$} = note: {}", "", sanitize_line(note));
        }
        if let Some(help) = &d.help {
            let _ = writeln!(out, "{:gutter$} = help: {}", "", sanitize_line(help));
        }
        out.push('\n');
    }
    out
}

fn width_of(n: usize) -> usize {
    n.to_string().len()
}

/// Writes the line(s) of a span with a marker under the first line's part of it.
fn snippet(out: &mut String, source: &Source, span: Span, text: &str, mark: char, gutter: usize) {
    let start = source.line_col(span.start);
    let end = source.line_col(span.end.max(span.start));
    let Some(line) = source.line(start.line) else {
        return;
    };
    let line = sanitize_line(line);
    let _ = writeln!(out, "{:gutter$} |", "");
    let _ = writeln!(out, "{:>gutter$} | {}", start.line, line);
    let width = if end.line == start.line {
        end.col.saturating_sub(start.col).max(1)
    } else {
        line.chars().count().saturating_sub(start.col - 1).max(1)
    };
    let marks: String = std::iter::repeat_n(mark, width.min(120)).collect();
    let _ = writeln!(
        out,
        "{:gutter$} | {:pad$}{} {}",
        "",
        "",
        marks,
        sanitize_line(text),
        pad = start.col - 1
    );
}

/// Renders diagnostics in the one-line format.
pub fn render_short(diagnostics: &[Diagnostic], source: &Source) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let at = d
            .span()
            .map(|s| source.line_col(s.start))
            .unwrap_or(LineCol { line: 1, col: 1 });
        let severity = match d.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let _ = writeln!(
            out,
            "{}:{}:{}: {severity}[{}]: {}",
            sanitize_line(&source.name),
            at.line,
            at.col,
            d.code,
            sanitize_line(&d.message)
        );
    }
    out
}

/// One diagnostic as JSON sees it.
#[derive(Debug, Serialize)]
pub struct JsonDiagnostic {
    /// The file.
    pub file: String,
    /// The stable code.
    pub code: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// The message.
    pub message: String,
    /// Where it starts.
    pub start: Option<LineCol>,
    /// Where it ends.
    pub end: Option<LineCol>,
    /// The suggested fix.
    pub help: Option<String>,
    /// Context.
    pub note: Option<String>,
}

/// Converts diagnostics to their JSON shape (the caller serialises the list of all files).
pub fn to_json(diagnostics: &[Diagnostic], source: &Source) -> Vec<JsonDiagnostic> {
    diagnostics
        .iter()
        .map(|d| JsonDiagnostic {
            file: sanitize_line(&source.name),
            code: d.code.as_str(),
            severity: d.severity(),
            message: sanitize_line(&d.message),
            start: d.span().map(|s| source.line_col(s.start)),
            end: d.span().map(|s| source.line_col(s.end)),
            help: d.help.as_deref().map(sanitize_line),
            note: d.note.as_deref().map(sanitize_line),
        })
        .collect()
}

/// Suggests the closest candidate to `word`, if one is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1) + 1;
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, c)| *d <= limit && *d < c.chars().count().max(1) && *d > 0)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Levenshtein distance over characters, case-insensitive.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.to_lowercase().chars().collect();
    let b: Vec<char> = b.to_lowercase().chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            let next = (prev + cost).min(row[j] + 1).min(row[j + 1] + 1);
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn did_you_mean_finds_typos_but_not_strangers() {
        let ids = ["second-exit", "first-exit", "outcome"];
        assert_eq!(did_you_mean("second-exti", ids), Some("second-exit"));
        assert_eq!(did_you_mean("lable", ["label", "reason"]), Some("label"));
        assert_eq!(did_you_mean("zzz", ids), None);
    }

    #[test]
    fn ancestors_walk_out_to_the_root() {
        let all: Vec<&str> = ancestors("a[1].b[0]").collect();
        assert_eq!(all, vec!["a[1].b[0]", "a[1].b", "a[1]", "a", ""]);
    }

    #[test]
    fn codes_are_unique_and_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for code in Code::ALL {
            assert!(seen.insert(code.as_str()), "{code} twice");
            assert!(code.as_str().starts_with('G') && code.as_str().len() == 5);
        }
    }
}
