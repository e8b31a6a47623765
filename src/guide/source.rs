//! The guide's source text: where each value sits, for diagnostics and for jumping to a node.
//!
//! serde gives values without positions, so cross-reference diagnostics ("this answer leads to a
//! question that does not exist") need their own index. [`Source::locate`] scans the RON text
//! once with a small tokenizer and returns the byte span of every value whose path was asked for.
//! Paths read like `questions[3].answers[1].next[0]`: fields by name, list items and positional
//! values (a tuple's items, the string inside `Goto(...)`) by index.
//!
//! The scan only runs when there is something to locate, so a clean guide never pays for it.
//! It is only run on text that `ron` already parsed, so its nesting depth is bounded by ron's
//! recursion limit and the recursive descent is safe.

use std::collections::{HashMap, HashSet};

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
#[derive(Debug, Clone, Default)]
pub struct Source {
    /// The name shown in diagnostics (the path as the user gave it).
    pub name: String,
    /// The whole text.
    pub text: String,
    /// Byte offsets of line starts, computed the first time a position is needed (a clean
    /// guide never needs one).
    line_starts: std::sync::OnceLock<Vec<usize>>,
}

impl Source {
    /// Wraps a file's text.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Source {
            name: name.into(),
            text: text.into(),
            line_starts: std::sync::OnceLock::new(),
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            let mut starts = vec![0];
            starts.extend(self.text.match_indices('\n').map(|(i, _)| i + 1));
            starts
        })
    }

    /// Line and column of a byte offset (clamped to the text).
    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = offset.min(self.text.len());
        let line = self.line_starts().partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts()[line];
        let col = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        LineCol {
            line: line + 1,
            col: col + 1,
        }
    }

    /// Byte offset of a 1-based line and character column (clamped to the text).
    pub fn offset(&self, at: LineCol) -> usize {
        let Some(&start) = self.line_starts().get(at.line.saturating_sub(1)) else {
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

    /// The text of a 1-based line, without its line break.
    pub fn line(&self, line: usize) -> Option<&str> {
        let start = *self.line_starts().get(line.checked_sub(1)?)?;
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

    /// Finds the spans of the values at `paths`. Paths not present are missing from the map.
    pub fn locate<'p>(&self, paths: impl IntoIterator<Item = &'p str>) -> HashMap<String, Span> {
        let wanted: HashSet<&str> = paths.into_iter().collect();
        let mut found = HashMap::new();
        if wanted.is_empty() {
            return found;
        }
        let mut scanner = Scanner {
            bytes: self.text.as_bytes(),
            pos: 0,
            wanted: &wanted,
            found: &mut found,
        };
        let mut path = String::new();
        scanner.skip_trivia();
        // A file may start with `#![enable(...)]` attributes.
        while scanner.peek() == Some(b'#') {
            scanner.skip_attribute();
            scanner.skip_trivia();
        }
        scanner.value(&mut path);
        found
    }
}

struct Scanner<'a, 'w> {
    bytes: &'a [u8],
    pos: usize,
    wanted: &'w HashSet<&'w str>,
    found: &'w mut HashMap<String, Span>,
}

impl<'a> Scanner<'a, '_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_trivia(&mut self) {
        loop {
            match self.peek() {
                Some(b) if b.is_ascii_whitespace() => self.pos += 1,
                Some(b'/') if self.bytes.get(self.pos + 1) == Some(&b'/') => {
                    while let Some(b) = self.peek() {
                        self.pos += 1;
                        if b == b'\n' {
                            break;
                        }
                    }
                }
                Some(b'/') if self.bytes.get(self.pos + 1) == Some(&b'*') => {
                    self.pos += 2;
                    let mut depth = 1;
                    while depth > 0 && self.pos < self.bytes.len() {
                        if self.bytes[self.pos..].starts_with(b"/*") {
                            depth += 1;
                            self.pos += 2;
                        } else if self.bytes[self.pos..].starts_with(b"*/") {
                            depth -= 1;
                            self.pos += 2;
                        } else {
                            self.pos += 1;
                        }
                    }
                }
                _ => return,
            }
        }
    }

    fn skip_attribute(&mut self) {
        while let Some(b) = self.peek() {
            self.pos += 1;
            if b == b']' {
                return;
            }
        }
    }

    fn record(&mut self, path: &str, start: usize) {
        if self.wanted.contains(path) {
            self.found.insert(
                path.to_string(),
                Span {
                    start,
                    end: self.pos,
                },
            );
        }
    }

    /// Scans one value at the cursor and records its span under `path`.
    fn value(&mut self, path: &mut String) {
        self.skip_trivia();
        let start = self.pos;
        match self.peek() {
            None => return,
            Some(b'"') => self.string(),
            Some(b'\'') => self.char_literal(),
            Some(b'(') => self.group(path, b')'),
            Some(b'[') => self.group(path, b']'),
            Some(b'{') => self.group(path, b'}'),
            Some(b'r') if matches!(self.bytes.get(self.pos + 1), Some(b'#' | b'"')) => {
                self.raw_string()
            }
            Some(b'b') if self.bytes.get(self.pos + 1) == Some(&b'"') => {
                self.pos += 1;
                self.string();
            }
            Some(_) => {
                self.word();
                let after_word = self.pos;
                self.skip_trivia();
                if self.peek() == Some(b'(') {
                    self.group(path, b')');
                } else {
                    self.pos = after_word;
                }
            }
        }
        self.record(path, start);
    }

    /// Scans `( … )`, `[ … ]` or `{ … }` with the cursor on the opening bracket.
    fn group(&mut self, path: &mut String, close: u8) {
        self.pos += 1;
        let mut index = 0;
        loop {
            self.skip_trivia();
            match self.peek() {
                None => return,
                Some(b) if b == close => {
                    self.pos += 1;
                    return;
                }
                Some(b',') => {
                    self.pos += 1;
                    continue;
                }
                _ => {}
            }
            let before = self.pos;
            let base = path.len();
            if close == b')' {
                if let Some(field) = self.field_name() {
                    path.push('.');
                    path.push_str(field);
                    if base == 0 {
                        path.remove(0);
                    }
                    self.value(path);
                    path.truncate(base);
                    continue;
                }
            }
            path.push_str(&format!("[{index}]"));
            self.value(path);
            if close == b'}' {
                // A map entry: `key: value`; both sit under the entry's index.
                self.skip_trivia();
                if self.peek() == Some(b':') {
                    self.pos += 1;
                    self.value(path);
                }
            }
            path.truncate(base);
            index += 1;
            if self.pos == before {
                // Not a value we understand: step over it rather than loop.
                self.pos += 1;
            }
        }
    }

    /// If the cursor is on `name:` (a struct field), consumes it and returns the name.
    fn field_name(&mut self) -> Option<&'a str> {
        let start = self.pos;
        let mut end = start;
        if self.bytes[end..].starts_with(b"r#") {
            end += 2;
        }
        let ident_start = end;
        while end < self.bytes.len()
            && (self.bytes[end].is_ascii_alphanumeric() || self.bytes[end] == b'_')
        {
            end += 1;
        }
        if end == ident_start {
            return None;
        }
        let mut after = end;
        while after < self.bytes.len() && self.bytes[after].is_ascii_whitespace() {
            after += 1;
        }
        if self.bytes.get(after) != Some(&b':') {
            return None;
        }
        self.pos = after + 1;
        std::str::from_utf8(&self.bytes[ident_start..end]).ok()
    }

    fn word(&mut self) {
        let start = self.pos;
        while let Some(b) = self.peek() {
            if b.is_ascii_alphanumeric()
                || matches!(b, b'_' | b'.' | b'+' | b'-' | b'#')
                || b >= 0x80
            {
                self.pos += 1;
            } else {
                break;
            }
        }
        if self.pos == start {
            self.pos += 1;
        }
    }

    fn string(&mut self) {
        self.pos += 1;
        while let Some(b) = self.peek() {
            self.pos += 1;
            match b {
                b'\\' => self.pos += 1,
                b'"' => return,
                _ => {}
            }
        }
    }

    fn char_literal(&mut self) {
        self.pos += 1;
        while let Some(b) = self.peek() {
            self.pos += 1;
            match b {
                b'\\' => self.pos += 1,
                b'\'' => return,
                _ => {}
            }
        }
    }

    fn raw_string(&mut self) {
        self.pos += 1;
        let mut hashes = 0;
        while self.peek() == Some(b'#') {
            hashes += 1;
            self.pos += 1;
        }
        if self.peek() != Some(b'"') {
            return;
        }
        self.pos += 1;
        while self.pos < self.bytes.len() {
            let closing = self.bytes.get(self.pos + 1..self.pos + 1 + hashes);
            if self.bytes[self.pos] == b'"' && closing.is_some_and(|c| c.iter().all(|&b| b == b'#'))
            {
                self.pos += 1 + hashes;
                return;
            }
            self.pos += 1;
        }
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
    fn line_col_counts_characters_from_one() {
        let source = Source::new("s", "ab\nçd\"x\"");
        assert_eq!(source.line_col(0), LineCol { line: 1, col: 1 });
        let quote = source.text.find('"').unwrap_or(0);
        assert_eq!(source.line_col(quote), LineCol { line: 2, col: 3 });
        assert_eq!(source.offset(LineCol { line: 2, col: 3 }), quote);
        assert_eq!(source.line(2), Some("çd\"x\""));
    }
}
