//! Diagnostics: what `check` says about a guide, and how it is printed.
//!
//! Every diagnostic has a stable code (documented in the README; tests pin each one to a fixture),
//! a plain-language message in the guide's own words, a place in the file, and where possible a
//! help line. Places are first recorded as value paths (`questions[2].answers[0].next`) and turned
//! into spans with the reader's syntax tree ([`crate::guide::syntax::Read::place`], or
//! [`resolve`]), so validation never deals with offsets.
//!
//! Three renderings: `human` (rustc-style with a snippet), `short` (`file:line:col: error[G0203]:
//! message`, for editors and CI) and `json`. All text that came from the guide is sanitised here,
//! and long ids and texts quoted in messages are shortened. Snippets put the caret under the
//! mistake as a terminal shows the line (wide characters take two columns) and shorten long lines
//! around it, whatever the column.

use std::fmt::Write as _;

use serde::Serialize;
use unicode_width::{UnicodeWidthChar as _, UnicodeWidthStr as _};

use super::source::{LineCol, Source, Span};
use super::syntax::ancestors;
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
    Syntax = "G0001", Error, "the file is not valid RON (a missing comma, a character out of place, text after the end)";
    Unreadable = "G0002", Error, "the file cannot be read (missing, a directory, or not UTF-8 text)";
    UnclosedString = "G0003", Error, "a text is never closed: its closing quote is missing";
    UnclosedBracket = "G0004", Error, "a bracket is never closed";
    StrayBracket = "G0005", Error, "a closing bracket has nothing to close";
    Quotes = "G0006", Error, "curly or single quotes where straight double quotes belong";
    CommentStyle = "G0007", Error, "a comment starts with # or --, which guides do not have (use //)";
    UnclosedComment = "G0008", Error, "a /* comment is never closed";
    MissingValue = "G0009", Error, "a field name has no value after it";
    FieldName = "G0010", Error, "a field name is written wrongly: in quotes, or without its colon";
    TooDeep = "G0011", Error, "brackets are nested too deeply";
    Escape = "G0012", Error, "a backslash in a text starts no escape a guide knows";
    RawText = "G0013", Error, "`r#` starts neither raw text nor a name";
    TooMany = "G0014", Warning, "more problems were found than are listed";
    Braces = "G0015", Error, "curly braces { }, which the guide format does not use";
    UnknownField = "G0101", Error, "a field name the guide format does not have";
    MissingField = "G0102", Error, "a required field is missing";
    WrongType = "G0103", Error, "a field holds the wrong kind of value";
    UnknownVariant = "G0104", Error, "an unknown kind of link or condition";
    DuplicateField = "G0105", Error, "the same field is written twice";
    WrongName = "G0106", Error, "a part of the guide has the wrong name before its brackets";
    Wrapped = "G0107", Warning, "a value is wrapped in Some(...), or None is written: write the value bare, or leave the field out";
    Misplaced = "G0108", Error, "a value without its field name, or a field name inside a list";
    Count = "G0109", Error, "brackets hold more or fewer values than belong there";
    Number = "G0110", Error, "a number is written wrongly or is out of range";
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
    ItemNeverShown = "G0316", Warning, "a conditional text (a list item, a paragraph, an example or a next step) that no path shows";
    TranslationGuide = "G0401", Error, "a translation names another guide";
    TranslationDuplicate = "G0402", Error, "a translation has two entries for the same text";
    TranslationOrphan = "G0403", Warning, "a translation entry names no text of the guide";
    TranslationStale = "G0404", Warning, "the text was changed after it was translated";
    TranslationMissing = "G0405", Warning, "texts of the guide have no translation yet";
    TranslationLanguage = "G0406", Error, "a translation's language differs from its file name";
}

impl Code {
    /// True for the codes of syntax problems (`G00xx`): the file could not be read as written.
    pub fn is_syntax(self) -> bool {
        self.as_str().starts_with("G00")
    }
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

    /// Adds another place to show, by span.
    pub fn also_span(mut self, span: Span, label: impl Into<String>) -> Self {
        self.secondary.push(Label {
            at: Locus::Span(span),
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

/// Turns every path label into a span (the source is parsed once). A path that cannot be found
/// falls back to its nearest enclosing value that can.
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

/// Renders diagnostics of one source in the human format.
pub fn render_human(diagnostics: &[Diagnostic], source: &Source) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let severity = match d.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let _ = writeln!(out, "{severity}[{}]: {}", d.code, plain(&d.message));
        let gutter = width_of(source.line_count());
        let pad = " ".repeat(gutter);
        let primary = d.span();
        match primary {
            Some(span) => {
                let at = source.line_col(span.start);
                let _ = writeln!(
                    out,
                    "{pad}--> {}:{}:{}",
                    sanitize_line(&source.name),
                    at.line,
                    at.col
                );
                let text = d.primary.as_ref().map_or("", |l| l.text.as_str());
                snippet(&mut out, source, span, text, '^', gutter);
            }
            None => {
                let _ = writeln!(out, "{pad}--> {}", sanitize_line(&source.name));
            }
        }
        for label in &d.secondary {
            if let Locus::Span(span) = label.at {
                snippet(&mut out, source, span, &label.text, '-', gutter);
            }
        }
        if let Some(note) = &d.note {
            let _ = writeln!(out, "{pad} = note: {}", plain(note));
        }
        if let Some(help) = &d.help {
            let _ = writeln!(out, "{pad} = help: {}", plain(help));
        }
        out.push('\n');
    }
    out
}

fn width_of(n: usize) -> usize {
    n.to_string().len()
}

/// How many columns a snippet line may take before it is shortened around the mistake.
const SNIPPET_COLUMNS: usize = 100;

/// How much of a long line a snippet looks at, in bytes either side of the mistake (so a
/// line of a gigabyte is never read, let alone copied, in full).
const SNIPPET_BYTES: usize = 4 * SNIPPET_COLUMNS;

/// Writes the line of a span with a marker under it. Columns are counted as a terminal shows
/// them (a wide character takes two), tabs and control characters as the sanitised line prints
/// them; a long line is shortened around the mark, with `...` where text was left out.
fn snippet(out: &mut String, source: &Source, span: Span, text: &str, mark: char, gutter: usize) {
    let at = source.line_col(span.start);
    let (Some(line), Some(range)) = (source.line(at.line), source.line_span(at.line)) else {
        return;
    };
    let from = floor(line, span.start.clamp(range.start, range.end) - range.start);
    let to = if span.end <= range.end {
        span.end.max(span.start) - range.start
    } else {
        line.len()
    };
    let to = ceil(line, to.max(from)).max(ceil(line, from + 1).min(line.len()));
    let lo = floor(line, from.saturating_sub(SNIPPET_BYTES));
    let hi = ceil(line, to.saturating_add(SNIPPET_BYTES).min(line.len()));
    let before = sanitize_line(&line[lo..from]);
    let marked = sanitize_line(&line[from..to]);
    let after = sanitize_line(&line[to..hi]);
    let mut cut_left = lo > 0;
    let mut cut_right = hi < line.len();
    let total = before.width() + marked.width() + after.width();
    let (before, marked, after) = if total <= SNIPPET_COLUMNS && !cut_left && !cut_right {
        (before, marked, after)
    } else {
        let keep_before = SNIPPET_COLUMNS / 3;
        let before = if before.width() > keep_before {
            cut_left = true;
            last_columns(&before, keep_before)
        } else {
            before
        };
        let room = SNIPPET_COLUMNS.saturating_sub(before.width()).max(1);
        let marked = if marked.width() > room {
            cut_right = true;
            first_columns(&marked, room)
        } else {
            marked
        };
        let room = room.saturating_sub(marked.width());
        let after = if after.width() > room {
            cut_right = true;
            first_columns(&after, room)
        } else {
            after
        };
        (before, marked, after)
    };
    let left = if cut_left { "..." } else { "" };
    let right = if cut_right { "..." } else { "" };
    let pad = " ".repeat(gutter);
    let _ = writeln!(out, "{pad} |");
    let _ = writeln!(
        out,
        "{:>gutter$} | {left}{before}{marked}{after}{right}",
        at.line
    );
    let indent = " ".repeat(left.len() + before.width());
    let marks: String = std::iter::repeat_n(mark, marked.width().max(1)).collect();
    let _ = writeln!(out, "{pad} | {indent}{marks} {}", plain(text));
}

/// The largest char boundary of `s` at or before `i`.
fn floor(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `s` at or after `i`.
fn ceil(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The first characters of `s` that fit in `columns`.
fn first_columns(s: &str, columns: usize) -> String {
    let mut used = 0;
    s.chars()
        .take_while(|c| {
            used += c.width().unwrap_or(0);
            used <= columns
        })
        .collect()
}

/// The last characters of `s` that fit in `columns`.
fn last_columns(s: &str, columns: usize) -> String {
    let mut used = 0;
    let kept: Vec<char> = s
        .chars()
        .rev()
        .take_while(|c| {
            used += c.width().unwrap_or(0);
            used <= columns
        })
        .collect();
    kept.into_iter().rev().collect()
}

/// A message, help or label as printed: sanitised, on one line, with long quoted ids and texts
/// shortened.
fn plain(text: &str) -> String {
    shorten_quoted(&sanitize_line(text))
}

/// Quoted runs longer than this many characters are shortened.
const QUOTED_CHARS: usize = 48;

/// Shortens what sits between double quotes or backticks when it is long: `"a very long id…"`.
/// The whole text is kept under a few hundred characters.
pub fn shorten_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(512));
    let mut rest = text;
    while let Some(open) = rest.find(['"', '`']) {
        let quote = rest[open..].chars().next().unwrap_or('"');
        out.push_str(&rest[..=open]);
        let inside = &rest[open + 1..];
        let Some(close) = inside.find(quote) else {
            rest = inside;
            break;
        };
        let quoted = &inside[..close];
        if quoted.chars().count() > QUOTED_CHARS {
            out.extend(quoted.chars().take(QUOTED_CHARS - 8));
            out.push('…');
        } else {
            out.push_str(quoted);
        }
        out.push(quote);
        rest = &inside[close + 1..];
    }
    out.push_str(rest);
    if out.chars().count() > 400 {
        out = out.chars().take(399).collect();
        out.push('…');
    }
    out
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
            plain(&d.message)
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
            message: plain(&d.message),
            start: d.span().map(|s| source.line_col(s.start)),
            end: d.span().map(|s| source.line_col(s.end)),
            help: d.help.as_deref().map(plain),
            note: d.note.as_deref().map(plain),
        })
        .collect()
}

/// Suggests the closest candidate to `word`, if one is close enough to be a likely typo. A
/// candidate that differs only in capitals (`Label` for `label`, `goto` for `Goto`) comes first.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1) + 1;
    candidates
        .into_iter()
        .filter(|c| *c != word)
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, c)| *d <= limit && *d < c.chars().count().max(1))
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
        assert_eq!(did_you_mean("Label", ["id", "label"]), Some("label"));
        assert_eq!(did_you_mean("goto", ["Goto", "End"]), Some("Goto"));
        assert_eq!(did_you_mean("label", ["label"]), None);
    }

    #[test]
    fn ancestors_walk_out_to_the_root() {
        let all: Vec<&str> = ancestors("a[1].b[0]").collect();
        assert_eq!(all, vec!["a[1].b[0]", "a[1].b", "a[1]", "a", ""]);
    }

    fn caret_line(rendered: &str) -> (&str, &str) {
        let lines: Vec<&str> = rendered.lines().collect();
        let at = lines
            .iter()
            .position(|l| l.contains('^'))
            .expect("a caret line");
        (lines[at - 1], lines[at])
    }

    #[test]
    fn carets_line_up_under_wide_characters() {
        let text = "Guide(title: \"日本語 🙂\", start: Goto(\"x\"))";
        let source = Source::new("w.ron", text);
        let start = text.find("Goto").expect("Goto");
        let d = Diagnostic::new(Code::WrongType, "m").at_span(
            Span {
                start,
                end: start + 4,
            },
            "here",
        );
        let out = render_human(&[d], &source);
        let (line, carets) = caret_line(&out);
        let prefix_columns = line[..line.find("Goto").expect("shown")].width();
        assert_eq!(carets.find('^'), Some(prefix_columns), "{out}");
        assert!(carets.contains("^^^^ here"), "{out}");
    }

    #[test]
    fn a_mistake_past_column_65536_is_shown_around_the_caret() {
        let text = format!("{}x", " ".repeat(65_536));
        let source = Source::new("r.ron", text.as_str());
        let d = Diagnostic::new(Code::Syntax, "m").at_span(
            Span {
                start: 65_536,
                end: 65_537,
            },
            "here",
        );
        let out = render_human(&[d], &source);
        assert!(out.contains("r.ron:1:65537"), "{out}");
        let (line, carets) = caret_line(&out);
        assert!(line.len() < 200, "shortened: {}", line.len());
        assert!(
            line.starts_with("1 | ...") && line.ends_with(" x"),
            "{line}"
        );
        assert_eq!(carets.find('^'), line.find('x'));
    }

    #[test]
    fn a_very_long_line_is_never_shown_whole() {
        let text = format!("{}\"oops{}", "a".repeat(5_000_000), "b".repeat(5_000_000));
        let source = Source::new("long.ron", text.as_str());
        let start = 5_000_000;
        let d = Diagnostic::new(Code::UnclosedString, "m").at_span(
            Span {
                start,
                end: text.len(),
            },
            "here",
        );
        let out = render_human(&[d], &source);
        assert!(out.len() < 1_000, "{}", out.len());
        let (line, carets) = caret_line(&out);
        assert!(line.contains("...aaaa"), "{line}");
        assert!(line.ends_with("bbb..."), "{line}");
        assert_eq!(carets.find('^'), line.find('"'));
    }

    #[test]
    fn long_quoted_ids_are_shortened_in_messages() {
        let id = "x".repeat(10_000);
        let message = format!("no question has the id \"{id}\"");
        let shown = shorten_quoted(&message);
        assert!(shown.len() < 100, "{shown}");
        assert!(shown.starts_with("no question has the id \"xxxx"));
        assert!(shown.ends_with("x…\""), "{shown}");
        assert_eq!(shorten_quoted("a \"short\" one"), "a \"short\" one");
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
