//! Text from guide and session files: making it safe to show, and laying out paragraphs.
//!
//! Every string a guide or a session file holds is untrusted. [`sanitize`] removes what could
//! drive a terminal or reorder what a reader sees (C0 and C1 controls, DEL, bidi overrides and
//! isolates) before the text reaches any output. The loader applies it to every field once, so
//! the TUI, plain mode and reports all receive clean text; diagnostics apply it to the source
//! lines they quote.
//!
//! [`normalize`] joins the lines of a multi-line string: authors wrap long text however they like,
//! lines of one paragraph are joined by a space, blank lines separate paragraphs (kept as `\n\n`),
//! and indentation is dropped.

use std::borrow::Cow;

/// True for characters that must never reach a terminal from untrusted text.
pub fn is_unsafe_char(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        // bidi embeddings, overrides and isolates; the Arabic letter mark
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{061c}'
        // line and paragraph separators, which some terminals treat as newlines
        | '\u{2028}' | '\u{2029}'
    )
}

/// True when a text holds a character [`sanitize`] would change (a byte scan, no decoding:
/// the unsafe characters above ASCII are C1 controls `C2 80..9F`, the Arabic letter mark
/// `D8 9C`, and `E2 80 A8..AE` / `E2 81 A6..A9` for separators, embeddings and isolates).
pub fn has_unsafe(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &c)| match c {
        b'\n' => false,
        0x00..=0x1f | 0x7f => true,
        0xc2 => matches!(b.get(i + 1), Some(0x80..=0x9f)),
        0xd8 => b.get(i + 1) == Some(&0x9c),
        0xe2 => matches!(
            (b.get(i + 1), b.get(i + 2)),
            (Some(0x80), Some(0xa8..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
        ),
        _ => false,
    })
}

/// Removes control and bidi-override characters; tabs become a space. Newlines are kept.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !has_unsafe(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\t' => out.push(' '),
            '\r' => {}
            c if is_unsafe_char(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Like [`sanitize`], and newlines become spaces: for one-line contexts such as ids and labels.
pub fn sanitize_line(s: &str) -> String {
    sanitize(s).replace('\n', " ")
}

/// Joins wrapped lines into paragraphs: lines are trimmed and joined with a space, runs of blank
/// lines become one paragraph break (`\n\n`), and leading and trailing blank lines go.
pub fn normalize(s: &str) -> String {
    if !s.contains('\n') {
        return s.trim().to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut blank_run = false;
    for line in s.lines() {
        let line = line.trim();
        if line.is_empty() {
            blank_run = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run { "\n\n" } else { " " });
        }
        blank_run = false;
        out.push_str(line);
    }
    out
}

/// Both steps at once, in the order the loader needs: first make safe, then lay out. Borrows
/// when there is nothing to change, which is most texts.
pub fn clean(s: &str) -> Cow<'_, str> {
    if s.len() == s.trim().len() && !s.contains('\n') && !has_unsafe(s) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(normalize(&sanitize(s)))
}

/// Wraps text to `width` columns, breaking at spaces; paragraphs (`\n\n`) are kept with a blank
/// line between them. Used by the plain mode and Markdown; the TUI wraps with ratatui.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(8);
    let mut lines = Vec::new();
    for (i, para) in text.split("\n\n").enumerate() {
        if i > 0 {
            lines.push(String::new());
        }
        let mut line = String::new();
        let mut line_len = 0;
        for word in para.split_whitespace() {
            let len = word.chars().count();
            if line_len > 0 && line_len + 1 + len > width {
                lines.push(std::mem::take(&mut line));
                line_len = 0;
            }
            if line_len > 0 {
                line.push(' ');
                line_len += 1;
            }
            line.push_str(word);
            line_len += len;
        }
        lines.push(line);
    }
    lines
}

/// Escapes a text for a double-quoted string in RON or Graphviz DOT: `"`, `\\` and newlines.
pub fn escape_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_strips_escape_sequences_and_bidi_overrides() {
        let hostile = "a\u{1b}]0;pwned\u{7}b\u{1b}[2Jc\u{202e}d\u{9b}e";
        assert_eq!(sanitize(hostile), "a]0;pwnedb[2Jcde");
    }

    #[test]
    fn the_byte_scan_agrees_with_the_character_test() {
        let samples = [
            "plain",
            "tab\there",
            "cr\r",
            "bell\u{7}",
            "c1\u{85}x",
            "ok é ñ ‘quotes’",
            "lrm\u{202e}x",
            "iso\u{2066}x",
            "alm\u{61c}x",
            "ls\u{2028}x",
            "not bidi \u{2030}",
            "emoji 🙂",
            "del\u{7f}",
        ];
        for s in samples {
            let by_char = s
                .chars()
                .any(|c| c == '\t' || c == '\r' || is_unsafe_char(c));
            assert_eq!(has_unsafe(s), by_char, "{s:?}");
        }
    }

    #[test]
    fn sanitize_keeps_newlines_and_plain_text_borrowed() {
        assert!(matches!(sanitize("plain text"), Cow::Borrowed(_)));
        assert_eq!(sanitize("a\nb\tc\r"), "a\nb c");
    }

    #[test]
    fn normalize_joins_wrapped_lines_and_keeps_paragraphs() {
        let text =
            "\n        First line\n        continues here.\n\n\n        Second paragraph.\n    ";
        assert_eq!(
            normalize(text),
            "First line continues here.\n\nSecond paragraph."
        );
    }

    #[test]
    fn wrap_breaks_at_spaces_and_keeps_paragraph_gaps() {
        let lines = wrap("one two three four\n\nfive", 9);
        assert_eq!(lines, vec!["one two", "three", "four", "", "five"]);
    }
}
