//! The guide's source text: lines and columns, and where each value sits.
//!
//! serde gives values without positions, so cross-reference diagnostics ("this answer leads to a
//! question that does not exist") need their own index. [`Source::locate`] reads the text into
//! the reader's syntax tree ([`crate::guide::syntax`]) and follows each value path in it. Paths
//! read like `questions[3].answers[1].next[0]`: fields by name, list items and positional values
//! (a pair's items, the value inside `Goto(...)`) by index, at any depth
//! (`questions[3].answers[1].next.cases[0].when[0][1]`).
//!
//! Columns count characters, as editors do; a byte-order mark at the start of the file is not
//! counted, and a Windows line ending's `\r` belongs to no line.

use std::collections::HashMap;

/// A byte range in the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// A 1-based line and column (the column counts characters, as editors do).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct LineCol {
    /// Line number, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub col: usize,
}

/// A guide file's text with a table of line starts.
#[derive(Debug, Default)]
pub struct Source {
    /// The name shown in diagnostics (the path as the user gave it).
    pub name: String,
    /// The whole text.
    pub text: String,
    /// Byte offsets of line starts, computed the first time a position is needed (a clean
    /// guide never needs one).
    line_starts: std::sync::OnceLock<Vec<usize>>,
    /// The last column computed: `(offset, characters from its line's start)`. Diagnostics are
    /// placed in file order, so the next column on the same line counts on from here: many
    /// diagnostics on one very long line cost one pass over it, not one each.
    last_column: std::sync::Mutex<(usize, usize)>,
}

impl Clone for Source {
    fn clone(&self) -> Self {
        Source {
            name: self.name.clone(),
            text: self.text.clone(),
            line_starts: self.line_starts.clone(),
            last_column: std::sync::Mutex::new((0, 0)),
        }
    }
}

impl Source {
    /// Wraps a file's text.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Source {
            name: name.into(),
            text: text.into(),
            line_starts: std::sync::OnceLock::new(),
            last_column: std::sync::Mutex::new((0, 0)),
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            let mut starts = vec![0];
            starts.extend(self.text.match_indices('\n').map(|(i, _)| i + 1));
            starts
        })
    }

    /// Where line `index` (from 0) starts, past a byte-order mark on the first line.
    fn line_start(&self, index: usize) -> Option<usize> {
        let start = *self.line_starts().get(index)?;
        Some(if index == 0 && self.text.starts_with('\u{feff}') {
            3
        } else {
            start
        })
    }

    /// Line and column of a byte offset (clamped to the text).
    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = offset.min(self.text.len());
        let line = self.line_starts().partition_point(|&s| s <= offset) - 1;
        let start = self.line_start(line).unwrap_or(0).min(offset);
        let count = |from: usize| {
            self.text
                .get(from..offset)
                .map_or(offset - from, |s| s.chars().count())
        };
        let col = match self.last_column.lock() {
            Ok(mut last) => {
                let col = if last.0 >= start && last.0 <= offset && last.0 > start {
                    last.1 + count(last.0)
                } else {
                    count(start)
                };
                if self.text.is_char_boundary(offset) {
                    *last = (offset, col);
                }
                col
            }
            Err(_) => count(start),
        };
        LineCol {
            line: line + 1,
            col: col + 1,
        }
    }

    /// Byte offset of a 1-based line and character column (clamped to the text).
    pub fn offset(&self, at: LineCol) -> usize {
        let Some(start) = self.line_start(at.line.saturating_sub(1)) else {
            return self.text.len();
        };
        let line = self.line(at.line).unwrap_or("");
        let within: usize = line
            .chars()
            .take(at.col.saturating_sub(1))
            .map(char::len_utf8)
            .sum();
        start + within
    }

    /// The byte range of a 1-based line, without its line break (and without a byte-order
    /// mark on the first line).
    pub fn line_span(&self, line: usize) -> Option<Span> {
        let start = self.line_start(line.checked_sub(1)?)?;
        let text = self.line(line)?;
        Some(Span {
            start,
            end: start + text.len(),
        })
    }

    /// The text of a 1-based line, without its line break.
    pub fn line(&self, line: usize) -> Option<&str> {
        let start = self.line_start(line.checked_sub(1)?)?;
        let end = self
            .line_starts()
            .get(line)
            .map_or(self.text.len(), |&e| e - 1);
        self.text
            .get(start..end)
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
    }

    /// Number of lines.
    pub fn line_count(&self) -> usize {
        self.line_starts().len()
    }

    /// Finds the spans of the values at `paths` (see [`crate::guide::syntax::Tree::find`]).
    /// Paths not present are missing from the map. The text is parsed once per call, so a
    /// clean guide never pays for it.
    pub fn locate<'p>(&self, paths: impl IntoIterator<Item = &'p str>) -> HashMap<String, Span> {
        super::syntax::locate(&self.text, paths)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r##"// a comment with "quotes" and ( brackets
Guide(
    id: "g",
    start: "q1", /* block /* nested */ comment */
    questions: [
        Question(id: "q1", text: r#"raw "text""#, answers: [
            Answer(id: "a", label: "A", sets: [("d", "v")], next: Goto("q2")),
        ]),
    ],
)"##;

    fn text_at(source: &Source, path: &str) -> String {
        let spans = source.locate([path]);
        let span = spans
            .get(path)
            .copied()
            .unwrap_or_else(|| panic!("{path} not found"));
        source.text[span.start..span.end].to_string()
    }

    #[test]
    fn locates_fields_list_items_and_positional_values() {
        let source = Source::new("sample.ron", SAMPLE);
        assert_eq!(text_at(&source, "start"), "\"q1\"");
        assert_eq!(text_at(&source, "questions[0].id"), "\"q1\"");
        assert_eq!(text_at(&source, "questions[0].text"), "r#\"raw \"text\"\"#");
        assert_eq!(
            text_at(&source, "questions[0].answers[0].next"),
            "Goto(\"q2\")"
        );
        assert_eq!(
            text_at(&source, "questions[0].answers[0].next[0]"),
            "\"q2\""
        );
        assert_eq!(
            text_at(&source, "questions[0].answers[0].sets[0][1]"),
            "\"v\""
        );
    }

    #[test]
    fn locates_values_inside_nested_links_and_conditions() {
        let text = r#"Guide(questions: [Question(answers: [Answer(next: Branch(
            cases: [Case(when: Any([Answered("q", "a"), Not(Placed("d", "v"))]), next: Goto("x"))],
            otherwise: End("o"),
        ))])])"#;
        let source = Source::new("nested.ron", text);
        let at = |path: &str| text_at(&source, path);
        assert_eq!(at("questions[0].answers[0].next.otherwise[0]"), "\"o\"");
        assert_eq!(
            at("questions[0].answers[0].next.cases[0].when[0][0][1]"),
            "\"a\""
        );
        assert_eq!(
            at("questions[0].answers[0].next.cases[0].when[0][1][0][0]"),
            "\"d\""
        );
        assert_eq!(at("questions[0].answers[0].next.cases[0].next[0]"), "\"x\"");
        assert!(source
            .locate(["questions[0].answers[0].next.cases[1]"])
            .is_empty());
    }

    #[test]
    fn line_col_counts_characters_from_one() {
        let source = Source::new("s", "ab\nçd\"x\"");
        assert_eq!(source.line_col(0), LineCol { line: 1, col: 1 });
        let quote = source.text.find('"').unwrap_or(0);
        assert_eq!(source.line_col(quote), LineCol { line: 2, col: 3 });
        assert_eq!(source.offset(LineCol { line: 2, col: 3 }), quote);
        assert_eq!(source.line(2), Some("çd\"x\""));
    }

    #[test]
    fn columns_are_the_same_in_any_order_of_asking() {
        let text = format!("{}é{}\nnext", "a".repeat(1000), "b".repeat(1000));
        let source = Source::new("s", text.as_str());
        let fresh = |offset: usize| Source::new("s", text.as_str()).line_col(offset);
        for offset in [5, 999, 1002, 1500, 1500, 20, 2003, 2004, 2006, 7] {
            assert_eq!(source.line_col(offset), fresh(offset), "{offset}");
        }
        assert_eq!(source.line_col(1002), LineCol { line: 1, col: 1002 });
    }

    #[test]
    fn a_byte_order_mark_and_windows_line_endings_leave_columns_as_editors_show_them() {
        let source = Source::new("s", "\u{feff}ab\r\ncd");
        assert_eq!(source.line_col(4), LineCol { line: 1, col: 2 });
        assert_eq!(source.offset(LineCol { line: 1, col: 2 }), 4);
        assert_eq!(source.line(1), Some("ab"));
        assert_eq!(source.line_col(8), LineCol { line: 2, col: 2 });
    }
}
