//! The note input: a box over the question with the text typed so far, wrapped at spaces, and
//! the cursor drawn as a reversed cell (the terminal's own cursor stays hidden).

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use super::super::note::NoteInput;
use crate::locale::Words;
use crate::tui::layout::{frame_box, offset_for};
use crate::tui::paint::{draw_box, draw_lines};
use crate::tui::text::width;
use crate::tui::theme::Theme;

const WIDTH: u16 = 76;

fn char_width(c: char) -> usize {
    width(c.encode_utf8(&mut [0; 4]))
}

/// The rows of the text at `max` columns, as ranges of characters: broken after a space when a
/// row has one, else inside the word. Always at least one row.
fn rows(chars: &[char], max: usize) -> Vec<Range<usize>> {
    let max = max.max(1);
    let mut rows = Vec::new();
    let (mut start, mut used, mut space) = (0, 0, None);
    for (i, &c) in chars.iter().enumerate() {
        let w = char_width(c);
        if used + w > max && i > start {
            let end = space.map_or(i, |s: usize| s + 1);
            rows.push(start..end);
            start = end;
            used = chars[start..i].iter().map(|&c| char_width(c)).sum();
            space = None;
        }
        if c == ' ' {
            space = Some(i);
        }
        used += w;
    }
    rows.push(start..chars.len());
    rows
}

/// The lines of the input and the row the cursor is on.
fn layout(input: &NoteInput, t: &Theme, max: usize) -> (Vec<Line<'static>>, usize) {
    let chars = input.chars();
    let cursor = input.cursor();
    let cursor_style = t.text.add_modifier(Modifier::REVERSED);
    let mut rows = rows(chars, max);
    // A cursor after a full last row goes on a row of its own.
    let last_full = rows.last().is_some_and(|r| {
        chars[r.clone()]
            .iter()
            .map(|&c| char_width(c))
            .sum::<usize>()
            >= max
    });
    if cursor == chars.len() && last_full {
        rows.push(chars.len()..chars.len());
    }
    let last = rows.len() - 1;
    let mut out = Vec::with_capacity(rows.len());
    let mut cursor_row = last;
    for (n, row) in rows.iter().enumerate() {
        let text = |r: Range<usize>| chars[r].iter().collect::<String>();
        let here = row.contains(&cursor) || (n == last && cursor == row.end);
        if !here {
            out.push(Line::from(Span::styled(text(row.clone()), t.text)));
            continue;
        }
        cursor_row = n;
        let under = chars.get(cursor).filter(|_| cursor < row.end).copied();
        let after = (cursor + usize::from(under.is_some())).min(row.end);
        out.push(Line::from(vec![
            Span::styled(text(row.start..cursor), t.text),
            Span::styled(under.unwrap_or(' ').to_string(), cursor_style),
            Span::styled(text(after..row.end), t.text),
        ]));
    }
    (out, cursor_row)
}

/// Draws the note input over `area`.
pub fn render(w: &Words, t: &Theme, input: &NoteInput, area: Rect, buf: &mut Buffer) {
    let (_, probe) = frame_box(area, WIDTH, usize::from(area.height));
    let max = usize::from(probe.width.saturating_sub(1));
    if max == 0 {
        return;
    }
    let (lines, cursor_row) = layout(input, t, max);
    let (outer, inner) = frame_box(area, WIDTH, lines.len().max(3));
    draw_box(t, outer, w.workshop.note_title, buf);
    let offset = offset_for(cursor_row..cursor_row + 1, usize::from(inner.height));
    draw_lines(&lines, offset, inner, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str, max: usize) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        rows(&chars, max)
            .into_iter()
            .map(|r| chars[r].iter().collect())
            .collect()
    }

    #[test]
    fn rows_break_after_spaces_and_inside_long_words() {
        assert_eq!(shown("one two three", 8), vec!["one two ", "three"]);
        assert_eq!(shown("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(shown("", 4), vec![""]);
    }

    #[test]
    fn the_cursor_is_drawn_where_it_is() {
        let t = Theme::default_theme();
        let mut input = NoteInput::new("abcd");
        let (lines, row) = layout(&input, &t, 4);
        assert_eq!(
            (lines.len(), row),
            (2, 1),
            "a cursor after a full row wraps"
        );
        input.home();
        let (lines, row) = layout(&input, &t, 4);
        assert_eq!(row, 0);
        assert_eq!(lines[0].spans[1].content, "a");
    }
}
