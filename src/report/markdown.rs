//! Markdown escaping shared by every Markdown the app writes.
//!
//! Guide and session text is untrusted: it is sanitised at load, and here it is sanitised again
//! and escaped, so a label or a note can never open a link, an HTML tag, a table, a heading, a
//! list, a quote, a code block or a thematic break in someone's Markdown viewer, nor swallow the
//! rest of a hand-out in a fence. Two rules make that hold for any text:
//!
//! - inside a line, every character that opens inline markup is escaped: `\ * _ ` [ ] < > | ~`,
//!   and `&` where it could start an entity (`&amp;`, `&#27;`);
//! - at the start of every line, whatever can open a block is escaped as well (`#`, `-`, `+`,
//!   `=`, and the `.` or `)` of `1.` / `1)`), and indentation is dropped, so four spaces can
//!   never open a code block and a line can never continue the one above as a heading underline.
//!
//! The writers never wrap, so the only line starts inside a text are its own line breaks.

use crate::guide::text::sanitize;

/// Escapes a text whose lines stay lines (a paragraph, a note): each line is trimmed and made
/// safe at its start, and blank lines are dropped so the text stays one block. Callers split
/// paragraphs (`\n\n`) themselves.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for line in sanitize(text).split('\n') {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        push_line(&mut out, line);
    }
    out
}

/// Escapes a text for one line (a heading, a list item's lead or text): line and paragraph
/// breaks become spaces.
pub fn escape_line(text: &str) -> String {
    let joined = sanitize(text)
        .split('\n')
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let mut out = String::with_capacity(joined.len() + joined.len() / 8);
    push_line(&mut out, &joined);
    out
}

/// Escapes a heading's text: one line, and a trailing run of `#` can never be read as the
/// heading's closing sequence (`## C #` would lose its `#`).
pub fn escape_heading(text: &str) -> String {
    let mut out = escape_line(text);
    let run = out.len() - out.trim_end_matches('#').len();
    if run > 0 {
        let start = out.len() - run;
        if start == 0 || out[..start].ends_with(' ') {
            out.insert(start, '\\');
        }
    }
    out
}

/// Appends one trimmed, non-empty line, escaped.
fn push_line(out: &mut String, line: &str) {
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let ordered = (1..=9).contains(&digits) && line[digits..].starts_with(['.', ')']);
    let rest = if ordered {
        out.push_str(&line[..digits]);
        out.push('\\');
        &line[digits..]
    } else {
        if line.starts_with(['#', '-', '+', '=']) {
            out.push('\\');
        }
        line
    };
    let mut chars = rest.chars().peekable();
    while let Some(c) = chars.next() {
        let entity = c == '&'
            && chars
                .peek()
                .is_some_and(|n| *n == '#' || n.is_ascii_alphanumeric());
        if entity
            || matches!(
                c,
                '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|' | '~'
            )
        {
            out.push('\\');
        }
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_neutralises_links_tags_and_headings() {
        assert_eq!(escape("[x](http://e) <b>"), "\\[x\\](http://e) \\<b\\>");
        assert_eq!(escape("# not a heading"), "\\# not a heading");
        assert_eq!(escape("a_b*c"), "a\\_b\\*c");
    }

    #[test]
    fn every_line_start_that_opens_a_block_is_escaped() {
        assert_eq!(
            escape("a\n~~~\n```\n1. one\n12) two\n- x\n+ y\n---\n===\n> q\n    code"),
            "a\n\\~\\~\\~\n\\`\\`\\`\n1\\. one\n12\\) two\n\\- x\n\\+ y\n\\---\n\\===\n\\> q\ncode"
        );
    }

    #[test]
    fn blank_lines_are_dropped_and_one_line_texts_join_their_lines() {
        assert_eq!(escape("a\n \n\nb"), "a\nb");
        assert_eq!(escape_line(" a\n\n- b\tc "), "a - b c");
        assert_eq!(
            escape_line("keeps\u{a0}this  spacing"),
            "keeps\u{a0}this  spacing"
        );
    }

    #[test]
    fn entities_are_escaped_but_a_lone_ampersand_is_left_alone() {
        assert_eq!(escape("Q & A, &amp; &#x1b;"), "Q & A, \\&amp; \\&#x1b;");
    }

    #[test]
    fn a_trailing_hash_run_is_not_a_closing_sequence() {
        assert_eq!(escape_heading("Learn C #"), "Learn C \\#");
        assert_eq!(escape_heading("C#"), "C#");
        assert_eq!(escape_heading("##"), "\\##");
    }

    #[test]
    fn controls_and_invisible_marks_are_removed_first() {
        assert_eq!(escape_line("a\u{1b}]0;x\u{7}b\u{200b}c"), "a\\]0;xbc");
    }
}
