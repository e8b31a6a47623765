//! Text from guide and session files: making it safe to show, and laying out paragraphs.
//!
//! Every string a guide or a session file holds is untrusted. [`sanitize`] removes what could
//! drive a terminal or reorder what a reader sees (C0 and C1 controls, DEL, bidi overrides and
//! isolates) and what nobody can see (zero-width characters, direction marks, the word joiner
//! and the byte-order mark) before the text reaches any output. The loader applies it to every
//! field once, so the TUI, plain mode and reports all receive clean text; diagnostics apply it to
//! the source lines they quote, and [`reveal`] spells out what was removed where a message must
//! say which character is at fault.
//!
//! Invisible characters are removed because text that looks the same must be the same: an id or
//! a label with a zero-width space inside reads like another and compares unlike it. The price
//! is that a zero-width joiner inside an emoji sequence falls apart into its emoji, and a
//! zero-width non-joiner used by Persian spelling is lost; the terminal shows neither faithfully
//! anyway, and `check` warns wherever one is found.
//!
//! [`normalize`] joins the lines of a multi-line string: authors wrap long text however they like,
//! lines of one paragraph are joined by a space, blank lines separate paragraphs (kept as `\n\n`),
//! and indentation is dropped.

use std::borrow::Cow;
use std::fmt::Write as _;

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

/// True for characters nobody can see: zero-width space, non-joiner and joiner, the left-to-right
/// and right-to-left marks, the word joiner and the zero-width no-break space (byte-order mark).
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{2060}' | '\u{feff}')
}

/// True when a text holds a character [`sanitize`] would change (a byte scan, no decoding:
/// the characters above ASCII it removes are C1 controls `C2 80..9F`, the Arabic letter mark
/// `D8 9C`, `E2 80 8B..8F` / `E2 80 A8..AE` / `E2 81 A0` / `E2 81 A6..A9` for zero-width
/// characters, direction marks, separators, embeddings, the word joiner and isolates, and
/// `EF BB BF` for the byte-order mark).
pub fn has_unsafe(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &c)| match c {
        b'\n' => false,
        0x00..=0x1f | 0x7f => true,
        0xc2 => matches!(b.get(i + 1), Some(0x80..=0x9f)),
        0xd8 => b.get(i + 1) == Some(&0x9c),
        0xe2 => matches!(
            (b.get(i + 1), b.get(i + 2)),
            (Some(0x80), Some(0x8b..=0x8f | 0xa8..=0xae)) | (Some(0x81), Some(0xa0 | 0xa6..=0xa9))
        ),
        0xef => b.get(i + 1) == Some(&0xbb) && b.get(i + 2) == Some(&0xbf),
        _ => false,
    })
}

/// The invisible characters a text holds, each named once in order of first appearance, as
/// `U+200B (zero-width space)`; `None` when there are none.
pub fn invisible_in(s: &str) -> Option<String> {
    let mut seen: Vec<char> = Vec::new();
    for c in s.chars().filter(|c| is_invisible(*c)) {
        if !seen.contains(&c) {
            seen.push(c);
        }
    }
    (!seen.is_empty()).then(|| {
        seen.iter()
            .map(|&c| format!("U+{:04X} ({})", c as u32, invisible_name(c)))
            .collect::<Vec<_>>()
            .join(", ")
    })
}

fn invisible_name(c: char) -> &'static str {
    match c {
        '\u{200b}' => "zero-width space",
        '\u{200c}' => "zero-width non-joiner",
        '\u{200d}' => "zero-width joiner",
        '\u{200e}' => "left-to-right mark",
        '\u{200f}' => "right-to-left mark",
        '\u{2060}' => "word joiner",
        _ => "zero-width no-break space",
    }
}

/// Spells out every character [`sanitize`] would remove or change as `<U+200B>`, so a message can
/// show an id exactly as written (`"exit<U+200B>"`), safely, instead of as a look-alike.
pub fn reveal(s: &str) -> Cow<'_, str> {
    spell_out(s, false)
}

/// Spells out control, unsafe and invisible characters as `<U+XXXX>`; on `one_line`, a tab or a
/// newline becomes a space and a carriage return goes instead.
fn spell_out(s: &str, one_line: bool) -> Cow<'_, str> {
    if !has_unsafe(s) && !s.contains('\n') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\t' | '\n' if one_line => out.push(' '),
            '\r' if one_line => {}
            c if c.is_control() || is_unsafe_char(c) || is_invisible(c) => {
                let _ = write!(out, "<U+{:04X}>", c as u32);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Removes control, bidi-override and invisible characters; tabs become a space. Newlines are
/// kept.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !has_unsafe(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\t' => out.push(' '),
            '\r' => {}
            c if is_unsafe_char(c) || is_invisible(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Like [`sanitize`], and newlines become spaces: for one-line contexts such as ids and labels.
pub fn sanitize_line(s: &str) -> String {
    sanitize(s).replace('\n', " ")
}

/// One line as a diagnostic's snippet shows it: like [`sanitize_line`], except that what it
/// would remove is spelled out (`<U+200B>`), so a mark under an invisible character has
/// something to point at.
pub fn reveal_line(s: &str) -> Cow<'_, str> {
    spell_out(s, true)
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
    fn the_byte_scan_agrees_with_the_character_test_for_every_character() {
        let mut s = String::new();
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            s.clear();
            s.extend(['a', c, 'b']);
            let by_char = c == '\t' || c == '\r' || is_unsafe_char(c) || is_invisible(c);
            assert_eq!(has_unsafe(&s), by_char, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn sanitize_removes_zero_width_characters_and_direction_marks() {
        let hidden = "\u{feff}ex\u{200b}it\u{200c}\u{200d}\u{200e}\u{200f}\u{2060}";
        assert_eq!(sanitize(hidden), "exit");
        assert_eq!(sanitize_line("a\u{200b}\nb"), "a b");
        assert_eq!(clean("  one\u{200f}\n  two "), "one two");
        // Characters next to the removed ones stay: U+2010 (hyphen), U+2061 and U+FEFE.
        assert_eq!(
            sanitize("\u{2010}\u{2061}\u{fefe}"),
            "\u{2010}\u{2061}\u{fefe}"
        );
    }

    #[test]
    fn a_snippet_line_spells_out_what_it_would_hide() {
        assert!(matches!(reveal_line("label"), Cow::Borrowed(_)));
        assert_eq!(reveal_line("la\u{200b}bel\tx\r"), "la<U+200B>bel x");
        assert_eq!(reveal_line("a\u{1b}[2J"), "a<U+001B>[2J");
    }

    #[test]
    fn reveal_spells_out_what_sanitize_removes() {
        assert_eq!(reveal("exit"), "exit");
        assert!(matches!(reveal("exit"), Cow::Borrowed(_)));
        assert_eq!(reveal("ex\u{200b}it\u{1b}]"), "ex<U+200B>it<U+001B>]");
        assert_eq!(reveal("a\nb\u{202e}"), "a<U+000A>b<U+202E>");
    }

    #[test]
    fn invisible_characters_are_named_once_each() {
        assert_eq!(invisible_in("plain \u{202e}"), None);
        assert_eq!(
            invisible_in("a\u{200b}b\u{200f}c\u{200b}"),
            Some("U+200B (zero-width space), U+200F (right-to-left mark)".to_string())
        );
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
