//! The parser: tokens into a [`Tree`], going on after every mistake.
//!
//! It is a loop over tokens with an explicit stack of open brackets, so no input can overflow
//! the call stack; nesting deeper than [`MAX_DEPTH`] is reported once and skipped. Recovery:
//! - a missing comma between two items is reported and the items are read as two;
//! - a closing bracket that does not match the innermost open one is read with the file's
//!   lines in mind. First on its line, it closes the open bracket whose line has its indentation;
//!   at the end of a line, it is one too many when the next line's closing bracket fits the
//!   innermost one. Otherwise it closes the nearest matching bracket. Brackets it skips over
//!   are reported as never closed, with the bracket that closed them, and end where the outer
//!   structure resumes (a field after a list's values, a value after a part's fields);
//! - at the end of the file, the innermost open bracket is reported (unless a comment or a
//!   text swallowed the rest, which is reported instead);
//! - a field without a value, a field name without its colon or in quotes, `=` for `:`, and a
//!   comma with nothing before it are reported and read as meant.
//!
//! A recovery that had to guess the file's structure (brackets) marks the result as such, so
//! that link checks, which would be misled by a wrong structure, can wait for a fix.

use super::lexer::{Bracket, Lexer, Tok, Token};
use super::tree::{Builder, Kind, Node, Tree, NO_FIELD};
use super::{Problems, Span};
use crate::guide::diagnostic::{Code, Diagnostic};
use crate::guide::to_u32;

/// How deep brackets may nest. A guide needs about a dozen levels.
pub const MAX_DEPTH: usize = 128;

/// A file parsed as well as it could be.
#[derive(Debug)]
pub struct Parsed {
    /// The values found.
    pub tree: Tree,
    /// True when a recovery had to guess where brackets belong.
    pub guessed: bool,
}

/// What follows a name.
enum Ahead {
    Colon,
    Open(Bracket),
    Value,
    Other,
}

struct Frame {
    bracket: Bracket,
    start: u32,
    open: u32,
    indent: u32,
    field: u32,
    items: usize,
    after_item: bool,
    after_unclosed: bool,
    pending_field: u32,
    damaged: bool,
}

struct Parser<'t, 'p> {
    text: &'t str,
    lexer: Lexer<'t>,
    problems: &'p mut Problems,
    peeked: std::collections::VecDeque<Token>,
    stack: Vec<Frame>,
    scratch: Vec<(Node, Kind, bool)>,
    builder: Builder,
    root: Option<(Node, Kind, bool)>,
    guessed: bool,
    last_junk: bool,
}

/// Parses `text`, reporting every syntax problem to `problems`.
pub fn parse(text: &str, problems: &mut Problems) -> Parsed {
    let mut parser = Parser {
        text,
        lexer: Lexer::new(text),
        problems,
        peeked: std::collections::VecDeque::new(),
        stack: Vec::new(),
        scratch: Vec::new(),
        builder: Builder::with_capacity(text.len() / 24 + 1),
        root: None,
        guessed: false,
        last_junk: false,
    };
    parser.run();
    let Parser {
        mut builder,
        root,
        guessed,
        ..
    } = parser;
    if let Some(root) = root {
        builder.append(&[root]);
    }
    Parsed {
        tree: builder.finish(),
        guessed,
    }
}

fn span(start: u32, end: u32) -> Span {
    Span {
        start: start as usize,
        end: end as usize,
    }
}

fn leaf_kind(tok: Tok) -> Kind {
    match tok {
        Tok::Str => Kind::Str,
        Tok::RawStr => Kind::RawStr,
        Tok::Char => Kind::Char,
        Tok::Number => Kind::Number,
        Tok::Word => Kind::Word,
        _ => Kind::Junk,
    }
}

impl Parser<'_, '_> {
    fn next(&mut self) -> Token {
        match self.peeked.pop_front() {
            Some(t) => t,
            None => self.lexer.next(self.problems),
        }
    }

    fn peek(&mut self) -> Token {
        self.peek_nth(0)
    }

    fn peek_nth(&mut self, k: usize) -> Token {
        while self.peeked.len() <= k {
            let t = self.lexer.next(self.problems);
            self.peeked.push_back(t);
        }
        self.peeked[k]
    }

    /// What follows a name: its colon, its brackets, or a value (a colon is missing). Looks at
    /// one byte when it can, at the next token when it must.
    fn ahead(&mut self) -> Ahead {
        let token = match self.peeked.front() {
            Some(t) => Some(t.tok),
            None => match self.lexer.peek_byte(self.problems) {
                Some(b':' | b'=') => return Ahead::Colon,
                Some(b'(') => return Ahead::Open(Bracket::Paren),
                Some(b'{') => return Ahead::Open(Bracket::Curly),
                Some(b'[') => return Ahead::Value,
                Some(b',' | b')' | b']' | b'}') | None => return Ahead::Other,
                Some(_) => None,
            },
        };
        let tok = match token {
            Some(tok) => tok,
            None => self.peek().tok,
        };
        match tok {
            Tok::Colon => Ahead::Colon,
            Tok::Open(Bracket::Square) => Ahead::Value,
            Tok::Open(b) => Ahead::Open(b),
            Tok::Str | Tok::RawStr | Tok::Number | Tok::Char => Ahead::Value,
            _ => Ahead::Other,
        }
    }

    /// The indentation of a token's line, and whether the token is the first on it.
    fn indent(&self, t: &Token) -> (u32, bool) {
        let bytes = self.text.as_bytes();
        let start = t.line as usize;
        let blank = bytes[start..]
            .iter()
            .take_while(|&&b| b == b' ' || b == b'\t')
            .count();
        (to_u32(blank), start + blank == t.start as usize)
    }

    fn run(&mut self) {
        loop {
            let t = self.next();
            if t.tok == Tok::Eof {
                self.end_of_file();
                return;
            }
            if self.root.is_some() {
                if let Tok::Close(b) = t.tok {
                    self.stray(t, b);
                    continue;
                }
                self.after_the_end(t);
                return;
            }
            match t.tok {
                Tok::Comma => self.comma(t),
                Tok::Colon => self.colon(t),
                Tok::Close(b) => self.close(t, b),
                Tok::Junk => {
                    // Already reported. After a field name it stands for the value; elsewhere
                    // for whatever was meant, a separator included.
                    let pending = self.stack.last().map_or(NO_FIELD, |f| f.pending_field);
                    if pending != NO_FIELD {
                        let field = self.take_field();
                        self.placeholder(t.start, t.end, field);
                    } else if let Some(f) = self.stack.last_mut() {
                        f.after_item = false;
                    }
                }
                _ => self.value(t),
            }
            self.last_junk = t.tok == Tok::Junk;
        }
    }

    fn value(&mut self, t: Token) {
        let in_group = self.stack.last().map(|f| f.bracket);
        if let Some(f) = self.stack.last_mut() {
            if f.after_item {
                if !f.after_unclosed {
                    self.problems.push(|| {
                        Diagnostic::new(Code::Syntax, "a comma is missing between two items")
                            .at_span(span(t.start, t.end), "a comma belongs before this")
                            .help("put a comma after the previous item")
                    });
                }
                f.after_item = false;
            }
        }
        if t.tok == Tok::Word {
            match self.ahead() {
                Ahead::Colon if in_group.is_some() => {
                    self.next();
                    let pending = self.stack.last().map_or(NO_FIELD, |f| f.pending_field);
                    if pending != NO_FIELD {
                        self.missing_value(pending);
                    }
                    if let Some(f) = self.stack.last_mut() {
                        f.pending_field = t.start;
                    }
                    return;
                }
                Ahead::Open(b) => {
                    let open = self.next();
                    self.open(t, open.start, b);
                    return;
                }
                Ahead::Value if in_group.is_some_and(|b| b != Bracket::Square) => {
                    let pending = self.stack.last().map_or(NO_FIELD, |f| f.pending_field);
                    let word = &self.text[t.start as usize..t.end as usize];
                    let looks_like_field = pending == NO_FIELD
                        && word.starts_with(|c: char| c.is_lowercase())
                        && !matches!(word, "true" | "false");
                    if looks_like_field {
                        let name = word.to_string();
                        self.problems.push(|| {
                            Diagnostic::new(
                                Code::FieldName,
                                format!("a colon is missing after `{name}`"),
                            )
                            .at_span(span(t.end, t.end), "a `:` belongs here")
                            .help(format!("write `{name}: ...`"))
                        });
                        if let Some(f) = self.stack.last_mut() {
                            f.pending_field = t.start;
                        }
                        return;
                    }
                }
                _ => {}
            }
        }
        if let Tok::Open(b) = t.tok {
            self.open(t, t.start, b);
            return;
        }
        let node = Node {
            start: t.start,
            end: t.end,
            field: NO_FIELD,
            a: t.content.0,
            b: t.content.1,
        };
        let field = self.take_field();
        self.item(node, leaf_kind(t.tok), false, field, t.unclosed);
    }

    fn take_field(&mut self) -> u32 {
        self.stack.last_mut().map_or(NO_FIELD, |f| {
            std::mem::replace(&mut f.pending_field, NO_FIELD)
        })
    }

    /// An unreadable value (already reported), kept so that its field is not also missing.
    fn placeholder(&mut self, start: u32, end: u32, field: u32) {
        self.item(Node::junk(start, end), Kind::Junk, false, field, true);
    }

    /// A finished value: the root, or an item of the innermost group.
    fn item(&mut self, mut node: Node, kind: Kind, damaged: bool, field: u32, unclosed: bool) {
        node.field = field;
        match self.stack.last_mut() {
            None => self.root = Some((node, kind, damaged)),
            Some(f) => {
                self.scratch.push((node, kind, damaged));
                f.after_item = true;
                f.after_unclosed = unclosed;
            }
        }
    }

    fn open(&mut self, first: Token, open: u32, bracket: Bracket) {
        let start = first.start;
        if self.stack.len() >= MAX_DEPTH {
            self.stack.iter_mut().for_each(|f| f.damaged = true);
            self.problems.push(|| {
                Diagnostic::new(
                    Code::TooDeep,
                    format!("brackets are nested more than {MAX_DEPTH} deep"),
                )
                .at_span(span(open, open + 1), "too deep")
                .help("a guide is flat lists of questions and outcomes; is this the right file?")
            });
            let end = self.skip_nested();
            let field = self.take_field();
            self.guessed = true;
            self.item(Node::junk(start, end), Kind::Junk, true, field, false);
            return;
        }
        if bracket == Bracket::Curly {
            self.problems.push(|| {
                Diagnostic::new(Code::Braces, "curly braces { } are not part of the guide format")
                    .at_span(span(open, open + 1), "read as ( )")
                    .help("write the parts of a guide with round brackets, `Question( ... )`, and lists with square ones, `[ ... ]`")
            });
        }
        let field = self.take_field();
        let items = self.scratch.len();
        let (indent, _) = self.indent(&first);
        self.stack.push(Frame {
            bracket,
            start,
            open,
            indent,
            field,
            items,
            after_item: false,
            after_unclosed: false,
            pending_field: NO_FIELD,
            damaged: false,
        });
    }

    /// Skips a bracket's content past its closing bracket (or to the end); returns the end.
    fn skip_nested(&mut self) -> u32 {
        let mut depth = 1usize;
        loop {
            let t = self.next();
            match t.tok {
                Tok::Open(_) => depth += 1,
                Tok::Close(_) => depth -= 1,
                Tok::Eof => {
                    // The brackets left open are this one's; do not report them again.
                    self.lexer.swallowed = true;
                    return t.start;
                }
                _ => {}
            }
            if depth == 0 {
                return t.end;
            }
        }
    }

    /// Closes the innermost group, ending at `end`.
    fn close_top(&mut self, end: u32) {
        let pending = self.stack.last().map_or(NO_FIELD, |f| f.pending_field);
        if pending != NO_FIELD {
            self.missing_value(pending);
        }
        let Some(f) = self.stack.pop() else {
            return;
        };
        let first = self.builder.append(&self.scratch[f.items..]);
        let count = to_u32(self.scratch.len() - f.items);
        self.scratch.truncate(f.items);
        let kind = match f.bracket {
            Bracket::Paren => Kind::Paren,
            Bracket::Square => Kind::List,
            Bracket::Curly => Kind::Brace,
        };
        let node = Node {
            start: f.start,
            end,
            field: NO_FIELD,
            a: first,
            b: count,
        };
        self.item(node, kind, f.damaged, f.field, false);
    }

    fn close(&mut self, t: Token, b: Bracket) {
        let Some(top) = self.stack.last() else {
            self.stray(t, b);
            return;
        };
        if top.bracket == b {
            self.close_top(t.end);
            return;
        }
        let (top_bracket, top_indent) = (top.bracket, top.indent);
        let Some(nearest) = self.stack.iter().rposition(|f| f.bracket == b) else {
            self.stray(t, b);
            return;
        };
        let (indent, first_on_line) = self.indent(&t);
        let target = if first_on_line {
            match self
                .stack
                .iter()
                .rposition(|f| f.bracket == b && f.indent == indent)
            {
                Some(k) => k,
                None => nearest,
            }
        } else if self.next_closer_fits(top_bracket, top_indent) {
            self.stray(t, b);
            return;
        } else {
            nearest
        };
        while self.stack.len() > target + 1 {
            self.unclosed(t, b);
        }
        self.guessed = true;
        self.close_top(t.end);
    }

    /// After a closing bracket at the end of a line: whether the next closing bracket (past
    /// commas) is first on its line, with the innermost open bracket's kind and indentation,
    /// so that it is the one that closes it.
    fn next_closer_fits(&mut self, bracket: Bracket, indent: u32) -> bool {
        for k in 0..3 {
            let t = self.peek_nth(k);
            match t.tok {
                Tok::Comma => continue,
                Tok::Close(b) => {
                    let (at, first) = self.indent(&t);
                    return b == bracket && first && at == indent;
                }
                _ => return false,
            }
        }
        false
    }

    /// Reports the innermost group as never closed and closes it where the outer structure
    /// resumes inside it (its items from there on go to the group around it), or before `t`.
    fn unclosed(&mut self, t: Token, b: Bracket) {
        let Some(f) = self.stack.last() else {
            return;
        };
        let (head, shown) = self.head(f);
        let close = f.bracket.close();
        let items = &self.scratch[f.items..];
        let split = match f.bracket {
            Bracket::Square => items.iter().position(|(n, _, _)| n.field != NO_FIELD),
            _ => {
                let first_field = items.iter().position(|(n, _, _)| n.field != NO_FIELD);
                first_field.and_then(|k| {
                    items[k..]
                        .iter()
                        .position(|(n, _, _)| n.field == NO_FIELD)
                        .map(|j| k + j)
                })
            }
        };
        let wrong = b.close();
        let belongs = split.map(|k| {
            let (n, _, _) = items[k];
            if n.field == NO_FIELD {
                n.start
            } else {
                n.field
            }
        });
        let end = belongs.unwrap_or(t.start);
        self.problems.push(|| {
            let mut d =
                Diagnostic::new(Code::UnclosedBracket, format!("`{shown}` is never closed"))
                    .at_span(head, "opened here");
            if let Some(at) = belongs {
                d = d.also_span(
                    span(at, at),
                    format!("`{close}` probably belongs before this"),
                );
            }
            d.also_span(
                span(t.start, t.end),
                format!("`{wrong}` found here while `{shown}` is still open"),
            )
            .help(format!("add `{close}` where it ends"))
        });
        if let Some(f) = self.stack.last_mut() {
            f.damaged = true;
        }
        match split {
            Some(k) => {
                let at = self.stack.last().map_or(0, |f| f.items) + k;
                let moved: Vec<(Node, Kind, bool)> = self.scratch.drain(at..).collect();
                self.close_top(end);
                if let Some(parent) = self.stack.last_mut() {
                    parent.after_item = true;
                    parent.after_unclosed = false;
                }
                self.scratch.extend(moved);
            }
            None => self.close_top(end),
        }
    }

    fn stray(&mut self, t: Token, b: Bracket) {
        self.problems.push(|| {
            Diagnostic::new(
                Code::StrayBracket,
                format!("this `{}` has no `{}` to close", b.close(), b.open()),
            )
            .at_span(span(t.start, t.end), "nothing to close")
            .help(format!(
                "delete it, or add the `{}` it was meant to close",
                b.open()
            ))
        });
    }

    /// How a group's opening is shown in a message, and its span.
    fn head(&self, f: &Frame) -> (Span, String) {
        let name = self.text[f.start as usize..f.open as usize].trim_end();
        let shown = if name.is_empty() && f.field != NO_FIELD {
            let end = super::lexer::ident_end(self.text, f.field as usize);
            let field = &self.text[f.field as usize..end];
            format!("{}: {}", super::lexer::shorten(field), f.bracket.open())
        } else {
            format!("{}{}", super::lexer::shorten(name), f.bracket.open())
        };
        (span(f.start, f.open + 1), shown)
    }

    fn comma(&mut self, t: Token) {
        let Some(f) = self.stack.last_mut() else {
            self.out_of_place(t, ",");
            return;
        };
        if f.pending_field != NO_FIELD {
            let field = f.pending_field;
            self.missing_value(field);
        } else if !f.after_item && !self.last_junk {
            self.problems.push(|| {
                Diagnostic::new(Code::Syntax, "a comma with nothing before it")
                    .at_span(span(t.start, t.end), "nothing before this comma")
                    .help("delete the extra comma")
            });
        }
        if let Some(f) = self.stack.last_mut() {
            f.after_item = false;
        }
    }

    fn colon(&mut self, t: Token) {
        if let Some(f) = self.stack.last() {
            let quoted_name = f.after_item
                && f.pending_field == NO_FIELD
                && f.bracket != Bracket::Square
                && self.scratch.len() > f.items
                && self
                    .scratch
                    .last()
                    .is_some_and(|(n, k, _)| *k == Kind::Str && n.field == NO_FIELD);
            if quoted_name {
                if let Some((node, _, _)) = self.scratch.pop() {
                    let name = super::lexer::shorten(&self.text[node.a as usize..node.b as usize]);
                    self.problems.push(|| {
                        Diagnostic::new(Code::FieldName, "field names are written without quotes")
                            .at_span(span(node.start, node.end), "quoted")
                            .help(format!("write `{name}: ...`"))
                    });
                    if let Some(f) = self.stack.last_mut() {
                        f.pending_field = node.a;
                        f.after_item = false;
                    }
                    return;
                }
            }
        }
        self.out_of_place(t, ":");
    }

    fn out_of_place(&mut self, t: Token, what: &str) {
        let help = if what == ":" {
            "a colon goes between a field name and its value: `label: \"...\"`"
        } else {
            "delete it"
        };
        self.problems.push(|| {
            Diagnostic::new(Code::Syntax, format!("`{what}` is out of place here"))
                .at_span(span(t.start, t.end), "here")
                .help(help)
        });
    }

    fn missing_value(&mut self, field: u32) {
        let end = to_u32(super::lexer::ident_end(self.text, field as usize));
        if let Some(f) = self.stack.last_mut() {
            f.pending_field = NO_FIELD;
        }
        self.placeholder(end, end, field);
        let name = super::lexer::shorten(&self.text[field as usize..end as usize]);
        self.problems.push(|| {
            Diagnostic::new(Code::MissingValue, format!("`{name}` has no value"))
                .at_span(span(field, end.max(field + 1)), "no value after this")
                .help(format!(
                    "write its value after the colon, or delete `{name}:`"
                ))
        });
    }

    fn end_of_file(&mut self) {
        let swallowed = self.lexer.swallowed;
        if let Some(f) = self.stack.last().filter(|_| !swallowed) {
            let (head, shown) = self.head(f);
            let close = f.bracket.close();
            let around = self.stack.len() - 1;
            self.problems.push(|| {
                let mut d = Diagnostic::new(
                    Code::UnclosedBracket,
                    format!("the file ends before `{shown}` is closed"),
                )
                .at_span(head, "opened here")
                .help(format!("add `{close}` where it ends"));
                if around > 0 {
                    d = d.note(format!(
                        "the {around} bracket(s) around it are not closed either"
                    ));
                }
                d
            });
        }
        if !self.stack.is_empty() {
            // Only the outermost bracket left open, and nothing swallowed by a comment or a
            // text: everything inside it is as written.
            self.guessed |= self.stack.len() > 1 || swallowed;
            let end = to_u32(self.text.len());
            while !self.stack.is_empty() {
                if let Some(f) = self.stack.last_mut() {
                    f.damaged = true;
                }
                self.close_top(end);
            }
        }
        if self.root.is_none() {
            self.problems.push(|| {
                Diagnostic::new(Code::Syntax, "the file is empty")
                    .help("start from `coop-guide new FILE`, which writes a commented example")
            });
        }
    }

    fn after_the_end(&mut self, t: Token) {
        let Some((root, _, _)) = self.root else {
            return;
        };
        let name = super::lexer::ident_end(self.text, root.start as usize);
        let name = &self.text[root.start as usize..name];
        let whole = if name.is_empty() {
            "the file's first value".to_string()
        } else {
            format!("`{name}( ... )`")
        };
        self.guessed = true;
        // The root's last character: a bracket, or the end of a bare value (any character).
        let end = root.end as usize;
        let last = self
            .text
            .get(..end)
            .and_then(|s| s.char_indices().next_back());
        let closing = span(last.map_or(root.end, |(i, _)| to_u32(i)), root.end);
        self.problems.push(|| {
            Diagnostic::new(
                Code::Syntax,
                format!("there is more after the end of {whole}"),
            )
            .at_span(span(t.start, t.end), "not read")
            .also_span(closing, "it ends here")
            .help("is there an extra closing bracket before this? Everything after it was not read")
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(text: &str) -> (Parsed, Vec<Diagnostic>) {
        let mut problems = Problems::new(100);
        let parsed = parse(text, &mut problems);
        (parsed, problems.list)
    }

    fn codes(problems: &[Diagnostic]) -> Vec<&'static str> {
        problems.iter().map(|d| d.code.as_str()).collect()
    }

    #[test]
    fn builds_groups_fields_and_lists() {
        let text = "Guide(id: \"g\", questions: [Q(id: \"a\"), (1, 2)], next: Goto(\"x\"))";
        let (parsed, problems) = parse_text(text);
        assert!(problems.is_empty(), "{problems:?}");
        let tree = &parsed.tree;
        let root = tree.root().expect("root");
        assert_eq!(tree.name(text, root), Some("Guide"));
        let q = tree.find(text, "questions[0].id").expect("found");
        assert_eq!(tree.text(text, q), "a");
        let two = tree.find(text, "questions[1][1]").expect("found");
        assert_eq!(tree.raw(text, two), "2");
        let x = tree.find(text, "next[0]").expect("found");
        assert_eq!(tree.raw(text, x), "\"x\"");
        assert!(tree.find(text, "questions[2]").is_none());
        assert!(!parsed.guessed);
    }

    #[test]
    fn a_missing_comma_is_reported_and_both_items_kept() {
        let text = "A(a: \"x\" b: 1)";
        let (parsed, problems) = parse_text(text);
        assert_eq!(codes(&problems), vec!["G0001"]);
        assert_eq!(problems[0].span().map(|s| s.start), Some(9));
        assert!(parsed.tree.find(text, "b").is_some());
        assert!(!parsed.guessed);
    }

    #[test]
    fn a_wrong_closing_bracket_names_the_unclosed_one() {
        let text = "G(list: [A(x: 1,\n A(x: 2),\n ], y: 3)";
        let (parsed, problems) = parse_text(text);
        assert_eq!(codes(&problems), vec!["G0004"], "{problems:?}");
        assert_eq!(problems[0].message, "`A(` is never closed");
        assert_eq!(problems[0].span().map(|s| s.start), Some(9));
        assert!(parsed.guessed);
        assert!(parsed.tree.find(text, "y").is_some());
    }

    #[test]
    fn the_end_of_the_file_names_the_innermost_open_bracket() {
        let (_, problems) = parse_text("G(a: [1, 2");
        assert_eq!(codes(&problems), vec!["G0004"]);
        assert_eq!(problems[0].message, "the file ends before `a: [` is closed");
    }

    #[test]
    fn a_closing_bracket_at_the_end_of_a_line_is_one_too_many_when_the_next_line_fits() {
        let text = "G(list: [\n    A(x: 1)),\n],\ny: 3)";
        let (parsed, problems) = parse_text(text);
        assert_eq!(codes(&problems), vec!["G0005"], "{problems:?}");
        assert_eq!(problems[0].span().map(|s| s.start), Some(21));
        assert!(!parsed.guessed);
        assert!(parsed.tree.find(text, "y").is_some());
    }

    #[test]
    fn a_closing_bracket_first_on_its_line_closes_the_bracket_opened_at_its_indentation() {
        let text = "G(\n  list: [\n    A(x: 1,\n    A(x: 2),\n  ],\n  y: 3)";
        let (parsed, problems) = parse_text(text);
        assert_eq!(codes(&problems), vec!["G0004"], "{problems:?}");
        let list = parsed.tree.find(text, "list").expect("list");
        assert_eq!(
            parsed.tree.items(list).len(),
            2,
            "the second A( is an item of the list"
        );
    }

    #[test]
    fn deep_nesting_is_one_problem_and_no_overflow() {
        let text = "[".repeat(200_000);
        let (_, problems) = parse_text(&text);
        assert_eq!(codes(&problems), vec!["G0011"]);
    }

    #[test]
    fn stray_brackets_and_text_after_the_end() {
        let (parsed, problems) = parse_text("G(a: 1))");
        assert_eq!(codes(&problems), vec!["G0005"]);
        assert!(!parsed.guessed);
        let (_, problems) = parse_text("G(a: 1]) x");
        assert_eq!(codes(&problems), vec!["G0005", "G0001"]);
    }

    #[test]
    fn field_name_mistakes_are_read_as_meant() {
        let text = "G(\"a\": 1, b 2, c = 3, d: , e: 4)";
        let (parsed, problems) = parse_text(text);
        assert_eq!(
            codes(&problems),
            vec!["G0010", "G0010", "G0010", "G0009"],
            "{problems:?}"
        );
        for field in ["a", "b", "c", "e"] {
            assert!(parsed.tree.find(text, field).is_some(), "{field}");
        }
    }
}
