//! Pure geometry every full-screen view lays itself out with: no drawing here, so state
//! machines can ask where things are (to scroll, to find what a click hit) without touching a
//! view.
//!
//! A frame has the same chrome everywhere: a header (where you are), a rule, the body, and a
//! footer with the keys. It degrades in steps as the window shrinks ([`Density`]): full (side
//! panes), compact (80×24), tiny (down to 40×12: the least chrome), then a calm request for a
//! larger window. Overlays are boxes centred over the frame ([`frame_box`]); a help or a "why we
//! ask" text is laid out in one with [`TextBox`].

use std::ops::Range;

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::text::{truncate, width, wrap, wrap_plain};
use super::theme::Theme;

/// Smallest window a view draws in.
pub const MIN_WIDTH: u16 = 40;
/// Smallest window height a view draws in.
pub const MIN_HEIGHT: u16 = 12;

/// How much chrome fits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Density {
    /// At least 100×24: side panes.
    Full,
    /// Around 80×24: one column, generous spacing.
    Compact,
    /// Down to 40×12: the least chrome.
    Tiny,
}

/// The density for a window size; `None` when it is too small to draw in.
pub fn density(size: (u16, u16)) -> Option<Density> {
    let (w, h) = size;
    if w < MIN_WIDTH || h < MIN_HEIGHT {
        None
    } else if w >= 100 && h >= 24 {
        Some(Density::Full)
    } else if w >= 60 && h >= 18 {
        Some(Density::Compact)
    } else {
        Some(Density::Tiny)
    }
}

/// The area of a window of `size`.
pub fn window(size: (u16, u16)) -> Rect {
    Rect::new(0, 0, size.0, size.1)
}

/// The regions of a frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// How much chrome fits.
    pub density: Density,
    /// The top line: where you are.
    pub header: Rect,
    /// The rule under the header, when there is room.
    pub rule: Option<Rect>,
    /// The screen's own content.
    pub body: Rect,
    /// The bottom line: keys or a status.
    pub footer: Rect,
}

/// Splits a frame into its regions; `None` when the window is too small.
pub fn areas(area: Rect) -> Option<Areas> {
    let density = density((area.width, area.height))?;
    let margin = match density {
        Density::Full => 3,
        Density::Compact => 2,
        Density::Tiny => 1,
    };
    let inner_w = area.width.saturating_sub(2 * margin);
    let x = area.x + margin;
    let bottom = area.y + area.height - 1;
    let at = |y: u16, h: u16| Rect::new(x, y, inner_w, h);
    Some(match density {
        Density::Tiny => Areas {
            density,
            header: at(area.y, 1),
            rule: None,
            body: at(area.y + 1, area.height.saturating_sub(2)),
            footer: at(bottom, 1),
        },
        _ => Areas {
            density,
            header: at(area.y, 1),
            rule: Some(Rect::new(area.x, area.y + 1, area.width, 1)),
            body: at(area.y + 3, area.height.saturating_sub(5)),
            footer: at(bottom, 1),
        },
    })
}

/// A column of at most `want` columns in `area`: on the left, like the header and the footer,
/// or centred when the window is much wider than the column.
pub fn column(area: Rect, want: u16) -> Rect {
    let w = area.width.min(want);
    let x = if area.width >= want.saturating_add(40) {
        area.x + (area.width - w) / 2
    } else {
        area.x
    };
    Rect::new(x, area.y, w, area.height)
}

/// A main column at most `main` wide and a side pane at its right, in a group at most `group`
/// wide placed as [`column()`] places it: the pane takes about a third of the group, between the
/// `side` widths, and a gap of four columns.
pub fn beside(body: Rect, main: u16, group: u16, side: (u16, u16)) -> (Rect, Rect) {
    let group = column(body, group);
    let side_w = (group.width * 36 / 100).clamp(side.0, side.1);
    let gap = 4;
    let main_w = group.width.saturating_sub(side_w + gap).min(main);
    let main = Rect::new(group.x, group.y, main_w, group.height);
    let side = Rect::new(
        group.right().saturating_sub(side_w),
        group.y,
        side_w,
        group.height,
    );
    (main, side)
}

/// True when a cell is inside an area.
pub fn contains(area: Rect, column: u16, row: u16) -> bool {
    column >= area.x && column < area.right() && row >= area.y && row < area.bottom()
}

/// A count of rows as a height in cells (saturating: no window is that tall).
pub fn rows(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// The offset that shows an item: from the top when it fits, else just enough to show it whole
/// (or its start, when it is taller than the area).
pub fn offset_for(item: Range<usize>, height: usize) -> usize {
    if item.end <= height {
        0
    } else {
        (item.end - height).min(item.start)
    }
}

/// The offset that shows the `selected` one of a list's items (the last when it is past them),
/// as [`offset_for`] does.
pub fn offset_for_selected(items: &[Range<usize>], selected: usize, height: usize) -> usize {
    let selected = selected.min(items.len().saturating_sub(1));
    items
        .get(selected)
        .map_or(0, |item| offset_for(item.clone(), height))
}

/// The box of an overlay: at most `want` columns wide, tall enough for `rows` of content when
/// it can be, centred. Returns the outer box and the content area inside it.
pub fn frame_box(area: Rect, want: u16, content_rows: usize) -> (Rect, Rect) {
    let w = want.min(area.width.saturating_sub(2));
    let h = rows(content_rows)
        .saturating_add(4)
        .min(area.height.saturating_sub(2));
    let outer = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    let inner = Rect::new(
        outer.x + 3,
        outer.y + 2,
        outer.width.saturating_sub(6),
        outer.height.saturating_sub(4),
    );
    (outer, inner)
}

/// A text laid out in an overlay box: every help and every "why we ask" box is laid out,
/// measured and drawn with it.
#[derive(Debug, Clone)]
pub struct TextBox {
    /// The box, border included.
    pub outer: Rect,
    /// Where the lines go.
    pub inner: Rect,
    /// The lines, all of them (the box shows as many as fit).
    pub lines: Vec<Line<'static>>,
}

impl TextBox {
    /// Lays a text out at most `want` columns wide in `area`: `lines` makes its lines for a width
    /// (the widest the box can be, less a column for the scrollbar), then the box is sized to
    /// them.
    pub fn new(area: Rect, want: u16, lines: impl FnOnce(usize) -> Vec<Line<'static>>) -> TextBox {
        let (_, probe) = frame_box(area, want, usize::from(area.height));
        let lines = lines(usize::from(probe.width.saturating_sub(1)));
        let (outer, inner) = frame_box(area, want, lines.len());
        TextBox {
            outer,
            inner,
            lines,
        }
    }

    /// Lines of the text and the rows it gets.
    pub fn geometry(&self) -> (usize, usize) {
        (self.lines.len(), usize::from(self.inner.height))
    }
}

/// Widest a help box gets.
pub const HELP_WIDTH: u16 = 76;
/// Widest a "why we ask" box gets.
pub const WHY_WIDTH: u16 = 64;

/// A help laid out: key tables, then remarks below them.
pub fn help_box(
    area: Rect,
    t: &Theme,
    tables: &[Vec<(String, &'static str)>],
    remarks: &[&str],
) -> TextBox {
    TextBox::new(area, HELP_WIDTH, |max| {
        let keys_w = keys_column(tables.iter().flatten(), max);
        let mut lines = Vec::new();
        for table in tables {
            if !lines.is_empty() && !table.is_empty() {
                lines.push(Line::default());
            }
            lines.extend(key_table(table, keys_w, t, max));
        }
        lines.push(Line::default());
        for remark in remarks {
            lines.extend(wrap_plain(remark, t.dim, max));
        }
        lines
    })
}

/// Why a question is asked (or `missing`, when the guide does not say), laid out in its box.
pub fn why_box(area: Rect, t: &Theme, why: &str, missing: &str) -> TextBox {
    let (text, style) = if why.is_empty() {
        (missing, t.dim)
    } else {
        (why, t.text)
    };
    TextBox::new(area, WHY_WIDTH, |max| wrap_plain(text, style, max))
}

/// The width of the keys column of a help's key tables: the widest keys of `rows`, at most a
/// third of the line and 24 columns, and a gap.
pub fn keys_column<'a>(
    rows: impl IntoIterator<Item = &'a (String, &'static str)>,
    max: usize,
) -> usize {
    rows.into_iter()
        .map(|(k, _)| width(k))
        .max()
        .unwrap_or(0)
        .min(max / 3)
        .min(24)
        + 2
}

/// A key table in `max` columns: each row's keys in a column `keys_w` wide and what they do
/// beside them, wrapped; keys too wide for the column get a line of their own.
pub fn key_table(
    rows: &[(String, &'static str)],
    keys_w: usize,
    t: &Theme,
    max: usize,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for (keys, text) in rows {
        let first = [Span::styled(format!("{keys:<keys_w$}"), t.key)];
        let rest = [Span::raw(" ".repeat(keys_w))];
        if width(keys) < keys_w {
            lines.extend(wrap(&[Span::styled(*text, t.text)], max, &first, &rest));
        } else {
            lines.extend(wrap_plain(keys, t.key, max));
            lines.extend(wrap(&[Span::styled(*text, t.text)], max, &rest, &rest));
        }
    }
    lines
}

/// A listing that keeps its head pinned and scrolls its items: what a question screen (the
/// player's, workshop mode's) lays out. When everything does not fit, the head keeps the rows it
/// needs (at least half of them, when it needs that many; a head longer than that ends with
/// `…`), and the items scroll beneath it: a long answer never pushes its question off screen.
#[derive(Debug, Clone)]
pub struct Pinned {
    /// The head's lines (the question), as many as are shown.
    pub head: Vec<Line<'static>>,
    /// Where the head goes.
    pub head_area: Rect,
    /// The items' lines (the answers and what follows them).
    pub body: Vec<Line<'static>>,
    /// Which lines each item takes.
    pub items: Vec<Range<usize>>,
    /// Where the items go.
    pub body_area: Rect,
    /// The first line of the items on screen.
    pub offset: usize,
}

impl Pinned {
    /// Places a head and its items in `area`: everything when it fits; else the head keeps
    /// what it needs of the rows (at least half of them, when it needs that many), and the
    /// items scroll below it to show the `selected` one.
    pub fn place(
        mut head: Vec<Line<'static>>,
        body: Vec<Line<'static>>,
        items: Vec<Range<usize>>,
        selected: usize,
        area: Rect,
    ) -> Pinned {
        let height = usize::from(area.height);
        if head.len() + body.len() > height {
            // The blank line under the question is the first thing to give up.
            while head.last().is_some_and(|l| l.width() == 0) {
                head.pop();
            }
        }
        let head_rows = if head.len() + body.len() <= height {
            head.len()
        } else {
            head.len()
                .min((height / 2).max(height.saturating_sub(body.len())))
        };
        if head.len() > head_rows {
            head.truncate(head_rows);
            // A blank line at the cut says nothing: the cut shows on the last line of text.
            while head.last().is_some_and(|l| l.width() == 0) {
                head.pop();
            }
            if let Some(last) = head.last_mut() {
                let style = last.spans.last().map(|s| s.style).unwrap_or_default();
                let text: String = last.spans.iter().map(|s| s.content.as_ref()).collect();
                let max = usize::from(area.width.saturating_sub(2));
                *last = Line::from(Span::styled(truncate(&format!("{text} …"), max), style));
            }
        }
        let head_area = Rect::new(area.x, area.y, area.width, rows(head_rows).min(area.height));
        let body_area = Rect::new(
            area.x,
            head_area.bottom(),
            area.width,
            area.height - head_area.height,
        );
        let offset = offset_for_selected(&items, selected, usize::from(body_area.height));
        Pinned {
            head,
            head_area,
            body,
            items,
            body_area,
            offset,
        }
    }

    /// The item under a click, if any.
    pub fn hit(&self, column: u16, row: u16) -> Option<usize> {
        if !contains(self.body_area, column, row) {
            return None;
        }
        let line = self.offset + usize::from(row - self.body_area.y);
        self.items.iter().position(|r| r.contains(&line))
    }

    /// True when items are above the top of their area.
    pub fn more_above(&self) -> bool {
        self.offset > 0
    }

    /// True when items are below the bottom of their area.
    pub fn more_below(&self) -> bool {
        self.offset + usize::from(self.body_area.height) < self.body.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::text::texts;

    #[test]
    fn densities_step_down_with_the_window() {
        assert_eq!(density((120, 30)), Some(Density::Full));
        assert_eq!(density((80, 24)), Some(Density::Compact));
        assert_eq!(density((40, 12)), Some(Density::Tiny));
        assert_eq!(density((39, 12)), None);
        assert_eq!(density((80, 11)), None);
    }

    #[test]
    fn offsets_show_the_selected_item_whole() {
        assert_eq!(offset_for(2..4, 10), 0);
        assert_eq!(offset_for(12..14, 10), 4);
        assert_eq!(offset_for(12..30, 10), 12, "a tall item shows its start");
        assert_eq!(offset_for_selected(&[0..2, 20..22], 5, 10), 12);
    }

    #[test]
    fn the_head_stays_and_the_items_scroll_under_it() {
        let line = |s: &str| Line::from(s.to_string());
        let head = vec![line("Section"), line("The question?"), Line::default()];
        let body: Vec<Line<'static>> = (0..20).map(|i| line(&format!("answer {i}"))).collect();
        let items: Vec<Range<usize>> = (0..20).map(|i| i..i + 1).collect();
        let placed = Pinned::place(head, body, items, 15, Rect::new(0, 0, 30, 8));
        // The blank line under the question is the first to give up its row.
        assert_eq!(texts(&placed.head), ["Section", "The question?"]);
        assert_eq!(placed.body_area, Rect::new(0, 2, 30, 6));
        assert_eq!(placed.offset, 10);
        assert_eq!(placed.hit(0, 7), Some(15));
        assert!(placed.more_above() && placed.more_below());
    }

    #[test]
    fn a_question_taller_than_half_the_rows_is_cut_with_an_ellipsis() {
        let head: Vec<Line<'static>> = (0..10).map(|i| Line::from(format!("q{i}"))).collect();
        let body = vec![Line::from("a"), Line::from("b")];
        let placed = Pinned::place(head, body, vec![0..1, 1..2], 0, Rect::new(0, 0, 20, 6));
        assert_eq!(placed.head.len(), 4);
        assert_eq!(texts(&placed.head)[3], "q3 …");
        assert_eq!(placed.body_area.height, 2);
    }
}
