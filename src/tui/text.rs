//! Laying out text: wrapping styled runs into lines of a given width, measuring, truncating.
//!
//! The views wrap text themselves instead of leaving it to `Paragraph::wrap`, because they need
//! to know how many rows a text takes: to scroll to the selected answer, to clamp scrolling at
//! the end of the result, and to find what a mouse click hit. Widths are display columns
//! (ratatui's `Span::width`), never bytes or chars.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Display width of a string in terminal columns.
pub fn width(s: &str) -> usize {
    Span::raw(s).width()
}

/// Display width of a line.
pub fn line_width(line: &Line<'_>) -> usize {
    line.spans.iter().map(Span::width).sum()
}

enum Token<'a> {
    Piece(&'a str, Style),
    Space(Style),
    Newline,
}

fn tokens<'a>(runs: &'a [Span<'a>]) -> Vec<Token<'a>> {
    let mut out = Vec::new();
    for span in runs {
        let text: &str = &span.content;
        let mut start = 0;
        for (i, c) in text.char_indices() {
            if c == '\n' || c.is_whitespace() {
                if start < i {
                    out.push(Token::Piece(&text[start..i], span.style));
                }
                out.push(if c == '\n' {
                    Token::Newline
                } else {
                    Token::Space(span.style)
                });
                start = i + c.len_utf8();
            }
        }
        if start < text.len() {
            out.push(Token::Piece(&text[start..], span.style));
        }
    }
    out
}

/// A line being filled.
struct Filling {
    spans: Vec<Span<'static>>,
    width: usize,
    words: bool,
}

impl Filling {
    fn new(prefix: &[Span<'static>]) -> Filling {
        Filling {
            spans: prefix.to_vec(),
            width: prefix.iter().map(Span::width).sum(),
            words: false,
        }
    }

    fn push(&mut self, text: &str, style: Style) {
        self.width += width(text);
        self.words = true;
        match self.spans.last_mut() {
            Some(last) if last.style == style && self.words => last.content.to_mut().push_str(text),
            _ => self.spans.push(Span::styled(text.to_string(), style)),
        }
    }
}

/// Wraps styled runs to `max` columns, breaking at spaces (and inside words longer than a line).
/// `first` starts the first line and `rest` every other one, for markers and hanging indents.
/// A `\n` breaks the line; `\n\n` leaves a blank line between paragraphs. Runs of spaces collapse.
/// Always returns at least one line.
pub fn wrap(
    runs: &[Span<'_>],
    max: usize,
    first: &[Span<'static>],
    rest: &[Span<'static>],
) -> Vec<Line<'static>> {
    let tokens = tokens(runs);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut line = Filling::new(first);
    let mut space: Option<Style> = None;
    let mut i = 0;
    while i < tokens.len() {
        match tokens[i] {
            Token::Newline => {
                lines.push(Line::from(
                    std::mem::replace(&mut line, Filling::new(rest)).spans,
                ));
                space = None;
                i += 1;
            }
            Token::Space(style) => {
                if line.words {
                    space = Some(style);
                }
                i += 1;
            }
            Token::Piece(..) => {
                // A unit: pieces with no space between them, which must stay together if they can.
                let end = (i..tokens.len())
                    .find(|&j| !matches!(tokens[j], Token::Piece(..)))
                    .unwrap_or(tokens.len());
                let unit_width: usize = tokens[i..end]
                    .iter()
                    .map(|t| match t {
                        Token::Piece(text, _) => width(text),
                        _ => 0,
                    })
                    .sum();
                let gap = usize::from(space.is_some() && line.words);
                if line.words && line.width + gap + unit_width > max {
                    lines.push(Line::from(
                        std::mem::replace(&mut line, Filling::new(rest)).spans,
                    ));
                } else if let (1, Some(style)) = (gap, space) {
                    line.push(" ", style);
                }
                for token in &tokens[i..end] {
                    if let Token::Piece(text, style) = *token {
                        place(&mut line, &mut lines, text, style, max, rest);
                    }
                }
                space = None;
                i = end;
            }
        }
    }
    if line.words || lines.is_empty() {
        lines.push(Line::from(line.spans));
    }
    lines
}

/// Puts a piece on the line, breaking it across lines when it is wider than what is left.
fn place(
    line: &mut Filling,
    lines: &mut Vec<Line<'static>>,
    text: &str,
    style: Style,
    max: usize,
    rest: &[Span<'static>],
) {
    if line.width + width(text) <= max {
        line.push(text, style);
        return;
    }
    let mut start = 0;
    let mut taken = 0;
    for (i, c) in text.char_indices() {
        let w = width(&text[i..i + c.len_utf8()]);
        if line.width + taken + w > max && (line.words || start < i) {
            if start < i {
                line.push(&text[start..i], style);
            }
            lines.push(Line::from(
                std::mem::replace(line, Filling::new(rest)).spans,
            ));
            start = i;
            taken = 0;
        }
        taken += w;
    }
    if start < text.len() {
        line.push(&text[start..], style);
    }
}

/// Wraps one plain text in one style.
pub fn wrap_plain(text: &str, style: Style, max: usize) -> Vec<Line<'static>> {
    wrap(&[Span::styled(text, style)], max, &[], &[])
}

/// Pads a line with spaces to `to` columns, in `style`.
pub fn pad(line: &mut Line<'static>, to: usize, style: Style) {
    let w = line_width(line);
    if w < to {
        line.spans.push(Span::styled(" ".repeat(to - w), style));
    }
}

/// Cuts a text to `max` columns, ending with `…` when something was cut.
pub fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for (i, c) in text.char_indices() {
        let w = width(&text[i..i + c.len_utf8()]);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// The text of each line, without its styles (what the tests of wrapped lines compare).
#[cfg(test)]
pub(crate) fn texts(lines: &[Line<'_>]) -> Vec<String> {
    lines
        .iter()
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_with_a_hanging_indent() {
        let lines = wrap(
            &[Span::raw("one two three four")],
            10,
            &[Span::raw("- ")],
            &[Span::raw("  ")],
        );
        assert_eq!(texts(&lines), vec!["- one two", "  three", "  four"]);
    }

    #[test]
    fn keeps_paragraph_breaks_and_breaks_long_words() {
        let lines = wrap_plain("ab\n\nabcdefghij", Style::new(), 4);
        assert_eq!(texts(&lines), vec!["ab", "", "abcd", "efgh", "ij"]);
    }

    #[test]
    fn measures_wide_characters_by_columns() {
        let lines = wrap_plain("日本語 日本語", Style::new(), 7);
        assert_eq!(texts(&lines), vec!["日本語", "日本語"]);
        assert_eq!(truncate("日本語", 5), "日本…");
    }

    #[test]
    fn never_loops_when_there_is_no_room() {
        for max in 0..4 {
            let lines = wrap(
                &[Span::raw("abc def")],
                max,
                &[Span::raw("› ")],
                &[Span::raw("  ")],
            );
            assert!(!lines.is_empty());
        }
    }

    #[test]
    fn styles_across_runs_stay_together_as_one_word() {
        let lines = wrap(&[Span::raw("(a"), Span::raw("b) c")], 5, &[], &[]);
        assert_eq!(texts(&lines), vec!["(ab)", "c"]);
    }
}
