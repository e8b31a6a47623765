//! The lexer: RON text into tokens, naming the mistakes people make on the way.
//!
//! It accepts what guide files contain: `//` and nested `/* */` comments, strings with escapes
//! over several lines, raw strings `r"..."` and `r#"..."#`, numbers, words, brackets, commas and
//! colons, a byte-order mark and `#![enable(...)]` lines at the start, Windows line endings.
//! What RON does not have is reported once and read as what was meant, so the rest of the file
//! can still be checked: curly quotes become straight ones, `#` and `--` comments are skipped, `=`
//! between a field and its value is read as `:`, and a string whose closing quote is missing is
//! reported at its opening quote and ended where the line's structure resumes.

use std::borrow::Cow;

use super::{Problems, Span};
use crate::guide::diagnostic::{Code, Diagnostic};
use crate::guide::to_u32;

/// Which kind of bracket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bracket {
    /// `( )`
    Paren,
    /// `[ ]`
    Square,
    /// `{ }`
    Curly,
}

impl Bracket {
    /// The opening character.
    pub fn open(self) -> char {
        match self {
            Bracket::Paren => '(',
            Bracket::Square => '[',
            Bracket::Curly => '{',
        }
    }

    /// The closing character.
    pub fn close(self) -> char {
        match self {
            Bracket::Paren => ')',
            Bracket::Square => ']',
            Bracket::Curly => '}',
        }
    }
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tok {
    /// An opening bracket.
    Open(Bracket),
    /// A closing bracket.
    Close(Bracket),
    /// `,`
    Comma,
    /// `:` (or `=`, already reported)
    Colon,
    /// A quoted string (content range in [`Token::content`]).
    Str,
    /// A raw string.
    RawStr,
    /// A character literal.
    Char,
    /// A number as written.
    Number,
    /// A bare word.
    Word,
    /// Characters that cannot start anything (already reported).
    Junk,
    /// The end of the text.
    Eof,
}

/// A token with its place.
#[derive(Debug, Clone, Copy)]
pub struct Token {
    /// What it is.
    pub tok: Tok,
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
    /// For strings: the bytes between the quotes.
    pub content: (u32, u32),
    /// A string whose closing quote was missing (already reported).
    pub unclosed: bool,
    /// Where the token's line starts.
    pub line: u32,
}

/// Reads tokens one at a time.
pub struct Lexer<'t> {
    text: &'t str,
    bytes: &'t [u8],
    pos: usize,
    /// No token read yet (a `#![...]` attribute is only allowed at the start).
    at_start: bool,
    /// Where the last line break before the current position is (for the parser's sense of
    /// lines and indentation); `None` on the first line.
    pub last_newline: Option<usize>,
    /// True when a comment or text ran to the end of the file (what follows was swallowed).
    pub swallowed: bool,
}

impl<'t> Lexer<'t> {
    /// A lexer at the start of `text` (after a byte-order mark, if any).
    pub fn new(text: &'t str) -> Self {
        let pos = if text.starts_with('\u{feff}') { 3 } else { 0 };
        Lexer {
            text,
            bytes: text.as_bytes(),
            pos,
            at_start: true,
            last_newline: None,
            swallowed: false,
        }
    }

    /// Notes the last line break in `self.bytes[from..to]`.
    fn saw_lines(&mut self, from: usize, to: usize) {
        if let Some(k) = memchr::memrchr(b'\n', &self.bytes[from.min(to)..to]) {
            self.last_newline = Some(from + k);
        }
    }

    /// The first byte of the next token, without reading it (comments and spaces before it are
    /// skipped, and their problems reported, once).
    pub fn peek_byte(&mut self, problems: &mut Problems) -> Option<u8> {
        self.skip_trivia(problems);
        self.bytes.get(self.pos).copied()
    }

    /// The next token; problems go to `problems`.
    pub fn next(&mut self, problems: &mut Problems) -> Token {
        self.skip_trivia(problems);
        let line = to_u32(self.last_newline.map_or(0, |n| n + 1));
        let mut token = self.token_here(problems);
        token.line = line;
        token
    }

    fn token_here(&mut self, problems: &mut Problems) -> Token {
        let start = self.pos;
        let Some(&b) = self.bytes.get(start) else {
            return self.token(Tok::Eof, start, start);
        };
        self.at_start = false;
        let single = |lexer: &mut Self, tok| {
            lexer.pos += 1;
            lexer.token(tok, start, start + 1)
        };
        match b {
            b'(' => single(self, Tok::Open(Bracket::Paren)),
            b'[' => single(self, Tok::Open(Bracket::Square)),
            b'{' => single(self, Tok::Open(Bracket::Curly)),
            b')' => single(self, Tok::Close(Bracket::Paren)),
            b']' => single(self, Tok::Close(Bracket::Square)),
            b'}' => single(self, Tok::Close(Bracket::Curly)),
            b',' => single(self, Tok::Comma),
            b':' => single(self, Tok::Colon),
            b'=' => {
                problems.push(|| {
                    Diagnostic::new(
                        Code::FieldName,
                        "a field name and its value are joined by `:`, not `=`",
                    )
                    .at_span(span(start, start + 1), "write `:` here")
                    .help("write `label: \"...\"`")
                });
                single(self, Tok::Colon)
            }
            b'"' => self.string(start, start + 1, problems),
            b'b' if self.bytes.get(start + 1) == Some(&b'"') => {
                self.string(start, start + 2, problems)
            }
            b'r' if self.raw_string_ahead(start) => self.raw_string(start, problems),
            b'r' if self.bytes.get(start + 1) == Some(&b'#')
                && !self.text[start + 2..].starts_with(|c: char| is_ident_start(c)) =>
            {
                self.raw_junk(start, problems)
            }
            b'\'' => self.single_quoted(start, problems),
            b'0'..=b'9' => self.number(start),
            b'+' | b'-' | b'.' if self.number_ahead(start) => self.number(start),
            _ => {
                let end = ident_end(self.text, start);
                if end > start {
                    self.pos = end;
                    return self.token(Tok::Word, start, end);
                }
                let c = self.text[start..].chars().next().unwrap_or('\u{fffd}');
                if let Some(kind) = curly_quote(c) {
                    return self.curly_quoted(start, c, kind, problems);
                }
                self.junk(start, problems)
            }
        }
    }

    fn token(&self, tok: Tok, start: usize, end: usize) -> Token {
        Token {
            tok,
            start: to_u32(start),
            end: to_u32(end),
            content: (to_u32(start), to_u32(end)),
            unclosed: false,
            line: 0,
        }
    }

    fn string_token(
        &self,
        start: usize,
        end: usize,
        content: (usize, usize),
        unclosed: bool,
    ) -> Token {
        Token {
            tok: Tok::Str,
            start: to_u32(start),
            end: to_u32(end),
            content: (to_u32(content.0), to_u32(content.1)),
            unclosed,
            line: 0,
        }
    }

    /// Skips whitespace and comments, reporting comment styles RON does not have.
    fn skip_trivia(&mut self, problems: &mut Problems) {
        loop {
            // Plain whitespace, the bulk of a file's bytes, in a tight loop.
            let bytes = self.bytes;
            let mut pos = self.pos;
            let mut newline = None;
            while let Some(&b) = bytes.get(pos) {
                match b {
                    b' ' => {
                        // Indentation comes in runs: eight spaces at a time.
                        while let Some(chunk) = bytes.get(pos..pos + 8) {
                            if chunk != b"        " {
                                break;
                            }
                            pos += 8;
                        }
                        pos += usize::from(bytes.get(pos) == Some(&b' '));
                    }
                    b'\t' | b'\r' => pos += 1,
                    b'\n' => {
                        newline = Some(pos);
                        pos += 1;
                    }
                    _ => break,
                }
            }
            self.pos = pos;
            if newline.is_some() {
                self.last_newline = newline;
            }
            let Some(&b) = self.bytes.get(self.pos) else {
                return;
            };
            match b {
                b'/' if self.bytes.get(self.pos + 1) == Some(&b'/') => self.skip_line(),
                b'/' if self.bytes.get(self.pos + 1) == Some(&b'*') => self.block_comment(problems),
                b'#' if self.at_start
                    && self.bytes.get(self.pos + 1) == Some(&b'!')
                    && self.bytes.get(self.pos + 2) == Some(&b'[') =>
                {
                    // `#![enable(implicit_some)]`: ron's way to switch on what the reader
                    // always does. Accepted and skipped.
                    self.pos = memchr::memchr(b']', &self.bytes[self.pos..])
                        .map_or(self.bytes.len(), |k| self.pos + k + 1);
                }
                b'#' => {
                    let start = self.pos;
                    problems.push(|| {
                        Diagnostic::new(
                            Code::CommentStyle,
                            "`#` does not start a comment in a guide",
                        )
                        .at_span(span(start, start + 1), "not a comment")
                        .help("start a comment with `//`")
                    });
                    self.skip_line();
                }
                b'-' if self.bytes.get(self.pos + 1) == Some(&b'-') => {
                    let start = self.pos;
                    problems.push(|| {
                        Diagnostic::new(
                            Code::CommentStyle,
                            "`--` does not start a comment in a guide",
                        )
                        .at_span(span(start, start + 2), "not a comment")
                        .help("start a comment with `//`")
                    });
                    self.skip_line();
                }
                0xc2 | 0xe2 | 0xe3 | 0xef => {
                    let c = self.text[self.pos..].chars().next().unwrap_or(' ');
                    let Some(name) = odd_space(c) else {
                        return;
                    };
                    let start = self.pos;
                    let len = c.len_utf8();
                    if !(c == '\u{feff}' && start == 0) {
                        problems.push(|| {
                            Diagnostic::new(Code::Syntax, format!("{name} (U+{:04X}) where a space or nothing belongs", c as u32))
                                .at_span(span(start, start + len), "here")
                                .help("delete it, or replace it with an ordinary space; word processors add these")
                        });
                    }
                    self.pos += len;
                }
                _ => return,
            }
        }
    }

    fn skip_line(&mut self) {
        match memchr::memchr(b'\n', &self.bytes[self.pos..]) {
            Some(k) => {
                self.last_newline = Some(self.pos + k);
                self.pos += k + 1;
            }
            None => self.pos = self.bytes.len(),
        }
    }

    /// Skips a `/* ... */` comment, which may nest.
    fn block_comment(&mut self, problems: &mut Problems) {
        let start = self.pos;
        self.pos += 2;
        let mut depth = 1usize;
        while depth > 0 {
            let Some(k) = memchr::memchr2(b'/', b'*', &self.bytes[self.pos..]) else {
                self.saw_lines(start, self.bytes.len());
                self.pos = self.bytes.len();
                self.swallowed = true;
                problems.push(|| {
                    Diagnostic::new(Code::UnclosedComment, "this comment is never closed")
                        .at_span(span(start, start + 2), "the comment starts here")
                        .help("close it with `*/`; everything after it was read as comment")
                });
                return;
            };
            let at = self.pos + k;
            match (self.bytes[at], self.bytes.get(at + 1)) {
                (b'/', Some(b'*')) => {
                    depth += 1;
                    self.pos = at + 2;
                }
                (b'*', Some(b'/')) => {
                    depth -= 1;
                    self.pos = at + 2;
                }
                _ => self.pos = at + 1,
            }
        }
        self.saw_lines(start, self.pos);
    }

    /// A `"..."` string, whose content starts at `content_start`.
    fn string(&mut self, start: usize, content_start: usize, problems: &mut Problems) -> Token {
        let mut i = content_start;
        let close = loop {
            match memchr::memchr2(b'"', b'\\', &self.bytes[i.min(self.bytes.len())..]) {
                Some(k) if self.bytes[i + k] == b'\\' => i += k + 2,
                Some(k) => break Some(i + k),
                None => break None,
            }
        };
        let suspect = match close {
            None => true,
            Some(close) => {
                let after = self.bytes.get(close + 1).copied();
                let glued = after.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_');
                let content = &self.text[content_start..close];
                glued && content.trim_end().ends_with(['(', ':', '[', ',', '{'])
            }
        };
        if suspect {
            let limit = close.unwrap_or(self.bytes.len());
            let end = self.resync(content_start, limit);
            problems.push(|| {
                Diagnostic::new(
                    Code::UnclosedString,
                    "this text is never closed: its closing quote is missing",
                )
                .at_span(span(start, start + 1), "the text opens here")
                .help("add a `\"` where the text ends; a quote inside a text is written \\\"")
            });
            self.pos = end;
            self.saw_lines(start, end);
            check_escapes(self.text, content_start, end, problems);
            return self.string_token(start, end, (content_start, end), true);
        }
        let close = close.unwrap_or(self.bytes.len());
        check_escapes(self.text, content_start, close, problems);
        self.pos = close + 1;
        self.saw_lines(start, close);
        self.string_token(start, close + 1, (content_start, close), false)
    }

    /// Where a string whose closing quote is missing most likely ends: before the first comma or
    /// bracket on its first line after which the line reads like structure again (a field name,
    /// a name with brackets, or nothing), or else at the end of that line.
    fn resync(&self, content_start: usize, limit: usize) -> usize {
        let limit = limit.min(self.bytes.len());
        let line_end = memchr::memchr(b'\n', &self.bytes[content_start..limit])
            .map_or(limit, |k| content_start + k);
        let line = &self.bytes[content_start..line_end];
        for (k, &b) in line.iter().enumerate() {
            if !matches!(b, b',' | b')' | b']') {
                continue;
            }
            let mut j = content_start + k;
            while j < line_end && matches!(self.bytes[j], b',' | b')' | b']' | b' ' | b'\t' | b'\r')
            {
                j += 1;
            }
            if j >= line_end {
                return content_start + k;
            }
            let word_end = ident_end(self.text, j);
            if word_end > j {
                let mut after = word_end;
                while after < line_end && matches!(self.bytes[after], b' ' | b'\t') {
                    after += 1;
                }
                if matches!(self.bytes.get(after), Some(b':' | b'(')) {
                    return content_start + k;
                }
            }
        }
        if line_end > content_start && self.bytes[line_end - 1] == b'\r' {
            line_end - 1
        } else {
            line_end
        }
    }

    fn raw_string_ahead(&self, start: usize) -> bool {
        let mut i = start + 1;
        while self.bytes.get(i) == Some(&b'#') {
            i += 1;
        }
        self.bytes.get(i) == Some(&b'"')
    }

    /// `r"..."` or `r#"..."#`.
    fn raw_string(&mut self, start: usize, problems: &mut Problems) -> Token {
        let mut i = start + 1;
        while self.bytes.get(i) == Some(&b'#') {
            i += 1;
        }
        let hashes = i - start - 1;
        let content_start = i + 1;
        let mut at = content_start;
        while let Some(k) = memchr::memchr(b'"', &self.bytes[at.min(self.bytes.len())..]) {
            let quote = at + k;
            let closing = self.bytes.get(quote + 1..quote + 1 + hashes);
            if closing.is_some_and(|c| c.iter().all(|&b| b == b'#')) {
                self.pos = quote + 1 + hashes;
                self.saw_lines(start, quote);
                return Token {
                    tok: Tok::RawStr,
                    start: to_u32(start),
                    end: to_u32(self.pos),
                    content: (to_u32(content_start), to_u32(quote)),
                    unclosed: false,
                    line: 0,
                };
            }
            at = quote + 1;
        }
        let end = self.resync(content_start, self.bytes.len());
        let closer = format!("\"{}", "#".repeat(hashes));
        problems.push(|| {
            Diagnostic::new(
                Code::UnclosedString,
                "this raw text is never closed: its closing quote is missing",
            )
            .at_span(span(start, content_start), "the text opens here")
            .help(format!("end it with `{closer}`"))
        });
        self.pos = end;
        Token {
            tok: Tok::RawStr,
            start: to_u32(start),
            end: to_u32(end),
            content: (to_u32(content_start), to_u32(end)),
            unclosed: true,
            line: 0,
        }
    }

    /// `r#` followed by something that is neither raw text nor a name: `r#--`.
    fn raw_junk(&mut self, start: usize, problems: &mut Problems) -> Token {
        let mut end = start + 2;
        while let Some(&b) = self.bytes.get(end) {
            if b.is_ascii_whitespace()
                || matches!(
                    b,
                    b',' | b'(' | b')' | b'[' | b']' | b'{' | b'}' | b':' | b'"'
                )
            {
                break;
            }
            end += 1;
        }
        while !self.text.is_char_boundary(end) {
            end += 1;
        }
        let written = shorten(&self.text[start..end]);
        problems.push(|| {
            Diagnostic::new(
                Code::RawText,
                format!("`{written}` is neither raw text nor a name"),
            )
            .at_span(span(start, end), "not understood")
            .help("raw text is written r#\"like this\"#; ordinary text \"like this\"")
        });
        self.pos = end;
        self.token(Tok::Junk, start, end)
    }

    /// `'c'`, or text in single quotes (reported, read as text).
    fn single_quoted(&mut self, start: usize, problems: &mut Problems) -> Token {
        let line_end =
            memchr::memchr(b'\n', &self.bytes[start..]).map_or(self.bytes.len(), |k| start + k);
        let mut i = start + 1;
        let close = loop {
            match memchr::memchr2(b'\'', b'\\', &self.bytes[i.min(line_end)..line_end]) {
                Some(k) if self.bytes[i + k] == b'\\' => i += k + 2,
                Some(k) => break Some(i + k),
                None => break None,
            }
        };
        let Some(close) = close else {
            return self.junk(start, problems);
        };
        let content = &self.text[start + 1..close];
        let one_char = content.chars().count() == 1
            || (content.starts_with('\\') && unescape(content).chars().count() == 1);
        self.pos = close + 1;
        if one_char {
            return Token {
                tok: Tok::Char,
                start: to_u32(start),
                end: to_u32(close + 1),
                content: (to_u32(start + 1), to_u32(close)),
                unclosed: false,
                line: 0,
            };
        }
        problems.push(|| {
            Diagnostic::new(
                Code::Quotes,
                "text is written in double quotes, not single quotes",
            )
            .at_span(span(start, start + 1), "single quote")
            .help("write \"like this\"")
        });
        self.string_token(start, close + 1, (start + 1, close), false)
    }

    /// Text in curly quotes (or guillemets): reported, and read as text up to the matching
    /// closing quote on the same line.
    fn curly_quoted(
        &mut self,
        start: usize,
        open: char,
        double: bool,
        problems: &mut Problems,
    ) -> Token {
        let content_start = start + open.len_utf8();
        let line_end = memchr::memchr(b'\n', &self.bytes[content_start..])
            .map_or(self.bytes.len(), |k| content_start + k);
        let closer = self.text[content_start..line_end]
            .char_indices()
            .find(|&(_, c)| match curly_quote(c) {
                Some(kind) => kind == double,
                None => c == if double { '"' } else { '\'' },
            })
            .map(|(k, c)| (content_start + k, c.len_utf8()));
        let (content_end, end) = match closer {
            Some((at, len)) => (at, at + len),
            None => {
                let end = self.resync(content_start, line_end);
                (end, end)
            }
        };
        problems.push(|| {
            Diagnostic::new(Code::Quotes, "curly quotes from a word processor")
                .at_span(span(start, content_start), "a curly quote")
                .help("write straight double quotes: \"like this\"; turn off smart quotes, or use a plain-text editor")
        });
        self.pos = end;
        self.string_token(start, end, (content_start, content_end), closer.is_none())
    }

    fn number_ahead(&self, start: usize) -> bool {
        let next = self.bytes.get(start + 1).copied();
        match self.bytes[start] {
            b'.' => next.is_some_and(|b| b.is_ascii_digit()),
            _ => {
                next.is_some_and(|b| b.is_ascii_digit())
                    || (next == Some(b'.')
                        && self.bytes.get(start + 2).is_some_and(u8::is_ascii_digit))
            }
        }
    }

    fn number(&mut self, start: usize) -> Token {
        let mut i = start + 1;
        while let Some(&b) = self.bytes.get(i) {
            let sign_in_exponent = matches!(b, b'+' | b'-')
                && matches!(self.bytes[i - 1], b'e' | b'E')
                && !self.text[start..i].contains(['x', 'X']);
            if b.is_ascii_alphanumeric() || b == b'_' || b == b'.' || sign_in_exponent {
                i += 1;
            } else {
                break;
            }
        }
        self.pos = i;
        self.token(Tok::Number, start, i)
    }

    /// A run of characters that cannot start anything, reported once.
    fn junk(&mut self, start: usize, problems: &mut Problems) -> Token {
        let mut end = start;
        for (k, c) in self.text[start..].char_indices() {
            let starts_something = c.is_whitespace()
                || c.is_alphanumeric()
                || matches!(
                    c,
                    '"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}' | ',' | ':' | '/' | '_'
                )
                || curly_quote(c).is_some()
                || odd_space(c).is_some();
            if k > 0 && starts_something {
                break;
            }
            end = start + k + c.len_utf8();
            if k > 64 {
                break;
            }
        }
        let written = &self.text[start..end];
        let first = written.chars().next().unwrap_or(' ');
        let (message, help) = match first {
            ';' => (
                "`;` where a comma belongs".to_string(),
                "items are separated by commas".to_string(),
            ),
            '\'' => (
                "a lone `'`".to_string(),
                "text is written in double quotes: \"like this\"".to_string(),
            ),
            c if c.is_control() || crate::guide::text::is_unsafe_char(c) => (
                format!("an invisible control character (U+{:04X})", c as u32),
                "delete it".to_string(),
            ),
            _ => (
                format!("`{}` is not understood here", shorten(written)),
                "text is written in double quotes; names and numbers without them".to_string(),
            ),
        };
        problems.push(|| {
            Diagnostic::new(Code::Syntax, message)
                .at_span(span(start, end), "here")
                .help(help)
        });
        self.pos = end;
        self.token(Tok::Junk, start, end)
    }
}

fn span(start: usize, end: usize) -> Span {
    Span { start, end }
}

/// Curly quotes and guillemets; `Some(true)` for double ones, `Some(false)` for single ones.
fn curly_quote(c: char) -> Option<bool> {
    match c {
        '“' | '”' | '„' | '‟' | '«' | '»' => Some(true),
        '‘' | '’' | '‚' | '‛' | '‹' | '›' => Some(false),
        _ => None,
    }
}

/// Spaces and invisible characters that word processors and web pages put in text.
fn odd_space(c: char) -> Option<&'static str> {
    match c {
        '\u{a0}' | '\u{202f}' => Some("a no-break space"),
        '\u{2000}'..='\u{200a}' | '\u{3000}' => Some("a wide space"),
        '\u{200b}'..='\u{200d}' | '\u{2060}' => Some("an invisible zero-width character"),
        '\u{feff}' => Some("an invisible byte-order mark"),
        _ => None,
    }
}

/// Where a name starting at `start` ends (`start` itself when none starts there). A raw name
/// `r#type` counts as one name.
pub fn ident_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    // Most names are ASCII: scan bytes, and fall back to characters only when needed.
    if let Some(&first) = bytes.get(start) {
        if (first.is_ascii_alphabetic() || first == b'_')
            && !(first == b'r' && bytes.get(start + 1) == Some(&b'#'))
        {
            let len = bytes[start..]
                .iter()
                .position(|&b| !(b.is_ascii_alphanumeric() || b == b'_'))
                .unwrap_or(bytes.len() - start);
            if bytes.get(start + len).is_none_or(|b| b.is_ascii()) {
                return start + len;
            }
        }
    }
    let Some(rest) = text.get(start..) else {
        return start;
    };
    let raw = rest.starts_with("r#") && rest[2..].chars().next().is_some_and(is_ident_start);
    let body = if raw { &rest[2..] } else { rest };
    match body.chars().next() {
        Some(c) if is_ident_start(c) => {}
        _ => return start,
    }
    let len = body
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '_'))
        .map_or(body.len(), |(i, _)| i);
    start + if raw { 2 } else { 0 } + len
}

fn is_ident_start(c: char) -> bool {
    c.is_alphabetic() || c == '_'
}

/// Reports escapes RON does not know in `text[from..to]`.
fn check_escapes(text: &str, from: usize, to: usize, problems: &mut Problems) {
    let bytes = text.as_bytes();
    let mut i = from;
    while let Some(k) = memchr::memchr(b'\\', &bytes[i.min(to)..to]) {
        let at = i + k;
        let (len, ok) = escape_at(&text[at..to]);
        if !ok {
            let end = (at + len.max(2)).min(to);
            let end = (end..=to).find(|&e| text.is_char_boundary(e)).unwrap_or(to);
            let written = shorten(&text[at..end]);
            problems.push(|| {
                Diagnostic::new(Code::Escape, format!("`{written}` is not an escape a guide knows"))
                    .at_span(span(at, end), "unknown escape")
                    .help("write \\\\ for a backslash, \\\" for a quote, \\n for a line break, \\u{e9} for é")
            });
        }
        i = at + len.max(1);
    }
}

/// Reads the escape at the start of `s` (which starts with a backslash): its length in bytes and
/// whether it is valid.
fn escape_at(s: &str) -> (usize, bool) {
    let b = s.as_bytes();
    match b.get(1) {
        Some(b'\'' | b'"' | b'\\' | b'n' | b'r' | b't' | b'0' | b'/') => (2, true),
        Some(b'x') => {
            let ok = b.len() >= 4 && b[2].is_ascii_hexdigit() && b[3].is_ascii_hexdigit();
            (if ok { 4 } else { 2 }, ok)
        }
        Some(b'u') if b.get(2) == Some(&b'{') => {
            let digits = b[3..].iter().take_while(|c| c.is_ascii_hexdigit()).count();
            let closed = b.get(3 + digits) == Some(&b'}');
            let ok = (1..=6).contains(&digits)
                && closed
                && u32::from_str_radix(&s[3..3 + digits], 16)
                    .ok()
                    .and_then(char::from_u32)
                    .is_some();
            (3 + digits + usize::from(closed), ok)
        }
        Some(_) => (1 + s[1..].chars().next().map_or(1, char::len_utf8), false),
        None => (1, false),
    }
}

/// The text of a quoted string's content: escapes decoded (an unknown one is kept as written)
/// and Windows line endings turned into `\n`.
pub fn unescape(content: &str) -> Cow<'_, str> {
    if memchr::memchr2(b'\\', b'\r', content.as_bytes()).is_none() {
        return Cow::Borrowed(content);
    }
    let mut out = String::with_capacity(content.len());
    let mut rest = content;
    while let Some(k) = memchr::memchr2(b'\\', b'\r', rest.as_bytes()) {
        out.push_str(&rest[..k]);
        rest = &rest[k..];
        if rest.starts_with('\r') {
            if !rest[1..].starts_with('\n') {
                out.push('\r');
            }
            rest = &rest[1..];
            continue;
        }
        let (len, ok) = escape_at(rest);
        let len = len.min(rest.len());
        let len = (len..=rest.len())
            .find(|&l| rest.is_char_boundary(l))
            .unwrap_or(rest.len());
        if ok {
            match rest.as_bytes()[1] {
                b'n' => out.push('\n'),
                b'r' => out.push('\r'),
                b't' => out.push('\t'),
                b'0' => out.push('\0'),
                b'x' => out.push(char::from(
                    u8::from_str_radix(&rest[2..4], 16).unwrap_or(b'?') & 0x7f,
                )),
                b'u' => out.push(
                    u32::from_str_radix(&rest[3..len - 1], 16)
                        .ok()
                        .and_then(char::from_u32)
                        .unwrap_or('\u{fffd}'),
                ),
                other => out.push(char::from(other)),
            }
        } else {
            out.push_str(&rest[..len]);
        }
        rest = &rest[len..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// At most 40 characters of something written in the file, for a message.
pub fn shorten(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex(text: &str) -> (Vec<(Tok, String)>, Vec<Diagnostic>) {
        let mut problems = Problems::new(100);
        let mut lexer = Lexer::new(text);
        let mut out = Vec::new();
        loop {
            let t = lexer.next(&mut problems);
            if t.tok == Tok::Eof {
                break;
            }
            let content = if matches!(t.tok, Tok::Str | Tok::RawStr | Tok::Char) {
                text[t.content.0 as usize..t.content.1 as usize].to_string()
            } else {
                text[t.start as usize..t.end as usize].to_string()
            };
            out.push((t.tok, content));
        }
        (out, problems.list)
    }

    fn codes(problems: &[Diagnostic]) -> Vec<&'static str> {
        problems.iter().map(|d| d.code.as_str()).collect()
    }

    #[test]
    fn reads_the_tokens_guides_use() {
        let (tokens, problems) = lex(
            "\u{feff}#![enable(implicit_some)]\r\n// c\nGuide(id: \"a\\\"b\", n: -1.5e3, r: r#\"x\"y\"#, /* a /* nested */ one */ t: true,)",
        );
        assert!(problems.is_empty(), "{problems:?}");
        let kinds: Vec<Tok> = tokens.iter().map(|t| t.0).collect();
        assert_eq!(kinds[0], Tok::Word);
        assert_eq!(tokens[4], (Tok::Str, "a\\\"b".to_string()));
        assert_eq!(tokens[8], (Tok::Number, "-1.5e3".to_string()));
        assert_eq!(tokens[12], (Tok::RawStr, "x\"y".to_string()));
        assert_eq!(tokens.last().map(|t| t.0), Some(Tok::Close(Bracket::Paren)));
    }

    #[test]
    fn an_unclosed_string_ends_where_the_structure_resumes() {
        let (tokens, problems) = lex("Answer(id: \"b\", label: \"B, next: End(\"done\")),");
        assert_eq!(codes(&problems), vec!["G0003"]);
        assert_eq!(problems[0].span().map(|s| s.start), Some(23));
        assert!(tokens.contains(&(Tok::Str, "B".to_string())), "{tokens:?}");
        assert!(
            tokens.contains(&(Tok::Str, "done".to_string())),
            "{tokens:?}"
        );
        let (tokens, problems) = lex("text: \"First?\n why: \"Because.\",");
        assert_eq!(codes(&problems), vec!["G0003"]);
        assert_eq!(tokens[2], (Tok::Str, "First?".to_string()));
        assert_eq!(tokens[3], (Tok::Word, "why".to_string()));
    }

    #[test]
    fn a_missing_comma_after_a_string_is_not_an_unclosed_string() {
        let (_, problems) = lex("label: \"B\" next: End(\"done\")");
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn wrong_quotes_and_comments_are_named() {
        let (tokens, problems) = lex("a: “Yes”, b: 'no way', # note\n c: 1 -- note\n");
        assert_eq!(codes(&problems), vec!["G0006", "G0006", "G0007", "G0007"]);
        assert_eq!(tokens[2], (Tok::Str, "Yes".to_string()));
        assert_eq!(tokens[6], (Tok::Str, "no way".to_string()));
        assert_eq!(tokens.len(), 11, "{tokens:?}");
    }

    #[test]
    fn escapes_are_checked_and_decoded() {
        let (_, problems) = lex(r#""a\qb \u{e9} \x41""#);
        assert_eq!(codes(&problems), vec!["G0012"]);
        assert_eq!(unescape(r"a\nb\u{e9}\x41\q"), "a\nbéA\\q");
        assert_eq!(unescape("one\r\ntwo"), "one\ntwo");
        assert!(matches!(unescape("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn raw_junk_and_unclosed_comments_are_reported() {
        let (_, problems) = lex("r#-- x");
        assert_eq!(codes(&problems)[0], "G0013");
        let (_, problems) = lex("a /* b /* c */");
        assert_eq!(codes(&problems), vec!["G0008"]);
    }

    #[test]
    fn names_may_be_raw_or_accented() {
        assert_eq!(ident_end("r#type: 1", 0), 6);
        assert_eq!(ident_end("descripción: 1", 0), "descripción".len());
        assert_eq!(ident_end("“x", 0), 0);
    }
}
