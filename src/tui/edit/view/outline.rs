//! The outline pane: one row per section, question, answer and outcome, with where each answer
//! leads and the node's line in the file; under an answer, dimmed, what depends on earlier
//! answers (when it is offered, the cases of its link). Unreachable, dead-end and broken nodes
//! carry a symbol in a gutter and a style, so they never depend on colour alone.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::report::outline::{Mark, Row, RowKind};
use crate::tui::edit::app::{App, Version};
use crate::tui::edit::layout::symbol;
use crate::tui::edit::outline::NodeKey;
use crate::tui::paint::{draw_lines, scrollbar};
use crate::tui::text::{pad, truncate, width, wrap_plain};
use crate::tui::theme::Theme;

fn mark_style(t: &Theme, mark: Mark) -> Style {
    match mark {
        Mark::Fine => t.text,
        Mark::Unreachable => t.dim,
        Mark::DeadEnd => t.bad,
        Mark::Broken => t.error,
    }
}

/// The marks present in the outline, as a legend for the pane's border.
pub fn legend(app: &App) -> String {
    let s = &app.words().editor;
    let rows = app.outline().rows();
    let mut parts = Vec::new();
    for (mark, text) in [
        (Mark::Unreachable, s.mark_unreachable),
        (Mark::DeadEnd, s.mark_dead_end),
        (Mark::Broken, s.mark_broken),
    ] {
        if rows.iter().any(|r| r.mark == mark) {
            let name = text.split(':').next().unwrap_or(text);
            parts.push(format!("{} {name}", symbol(mark)));
        }
    }
    parts.join("  ")
}

/// Draws the outline into the pane's content area.
pub fn render(app: &App, area: Rect, focused: bool, buf: &mut Buffer) {
    let t = app.theme();
    let outline = app.outline();
    if outline.is_empty() {
        if app.version() == Version::Unparsed {
            let lines = wrap_plain(
                app.words().editor.outline_unparsed,
                t.dim,
                usize::from(area.width),
            );
            draw_lines(&lines, 0, area, buf);
        }
        return;
    }
    let height = usize::from(area.height);
    let rows = outline.rows();
    let scrolls = rows.len() > height;
    let width = usize::from(area.width.saturating_sub(u16::from(scrolls)));
    let offset = app.outline_offset().min(rows.len().saturating_sub(height));
    let digits = rows
        .iter()
        .map(|r| r.line)
        .max()
        .unwrap_or(0)
        .to_string()
        .len();
    let lines: Vec<Line<'static>> = rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, row)| {
            let selected = i == app.selected();
            let part = matches!(outline.key(i), Some(NodeKey::Part(..)));
            let shape = Shape {
                selected,
                highlight: selected && focused,
                part,
            };
            line(app, row, shape, width, digits)
        })
        .collect();
    draw_lines(&lines, 0, area, buf);
    if scrolls {
        let bar = Rect::new(area.right() - 1, area.y, 1, area.height);
        scrollbar(rows.len(), offset, bar, t.rule, buf);
    }
}

/// How a row is drawn.
#[derive(Debug, Clone, Copy)]
struct Shape {
    /// The row is selected (`›`).
    selected: bool,
    /// The row is selected in the focused pane.
    highlight: bool,
    /// The row is a part of an answer (a condition, a case of its link).
    part: bool,
}

/// One row: marker, gutter mark, indented text; the target and line number on the right.
fn line(app: &App, row: &Row, shape: Shape, room: usize, digits: usize) -> Line<'static> {
    let Shape {
        selected,
        highlight,
        part,
    } = shape;
    let t = app.theme();
    let over = |style: Style| if highlight { t.selected } else { style };
    let unreachable = row.mark == Mark::Unreachable;
    let body_style = |style: Style| over(if unreachable { t.stale } else { style });

    let marker = if selected {
        Span::styled("›", t.marker)
    } else {
        Span::raw(" ")
    };
    let gutter = Span::styled(symbol(row.mark), mark_style(t, row.mark));
    let indent = "  ".repeat(usize::from(row.depth));

    // The right part: where an answer leads, then the line in the file.
    let mut right: Vec<Span<'static>> = Vec::new();
    if !row.target.is_empty() {
        let style = match row.mark {
            Mark::Broken => t.error,
            _ if row.target.starts_with('⇒') => t.heading,
            _ => t.dim,
        };
        right.push(Span::styled(row.target.clone(), over(style)));
    }
    let show_line =
        row.line > 0 && room >= 40 && !matches!(row.kind, RowKind::Section | RowKind::Outcomes);
    if show_line {
        right.push(Span::styled(
            format!("  {:>digits$}", row.line),
            over(t.dim),
        ));
    }
    let fixed = 3 + width(&indent);
    let mut right_w: usize = right.iter().map(Span::width).sum();
    // Keep at least a short text on the left: shorten the target when it crowds the row.
    let min_left = 12.min(room.saturating_sub(fixed));
    if fixed + min_left + 2 + right_w > room && !right.is_empty() {
        let keep = room.saturating_sub(fixed + min_left + 2);
        let joined: String = right.iter().map(|s| s.content.as_ref()).collect();
        let style = right[0].style;
        right = vec![Span::styled(truncate(joined.trim_start(), keep), style)];
        right_w = right[0].width();
    }
    let left_room = room.saturating_sub(fixed + right_w + usize::from(right_w > 0) * 2);

    let mut spans = vec![
        marker,
        gutter,
        Span::styled(format!(" {indent}"), over(t.text)),
    ];
    match row.kind {
        RowKind::Section => spans.push(Span::styled(
            truncate(&row.text, left_room),
            over(t.heading),
        )),
        RowKind::Outcomes => spans.push(Span::styled(
            truncate(app.words().editor.outline_outcomes, left_room),
            over(t.heading),
        )),
        RowKind::Question(_) | RowKind::Outcome(_) => {
            let (id, text) = row.text.split_once("  ").unwrap_or((&row.text, ""));
            let id = truncate(id, left_room);
            let rest = truncate(&format!("  {text}"), left_room.saturating_sub(width(&id)));
            spans.push(Span::styled(id, body_style(t.key)));
            spans.push(Span::styled(rest, body_style(t.text)));
        }
        RowKind::Answer(..) => {
            spans.push(Span::styled(
                truncate(&row.text, left_room),
                body_style(if part { t.dim } else { t.text }),
            ));
        }
    }
    let mut line = Line::from(spans);
    if !right.is_empty() {
        let left_w = line.width();
        pad(&mut line, room.saturating_sub(right_w), over(t.text));
        if left_w + right_w <= room {
            line.spans.extend(right);
        }
    } else if highlight {
        pad(&mut line, room, t.selected);
    }
    line
}
