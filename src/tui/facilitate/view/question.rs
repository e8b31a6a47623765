//! Painting a question as the room sees it: the listing with hands, the tie note, and the
//! facilitator notes beside or below.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::Line;

use crate::tui::facilitate::layout::{self, notes_lines, Pane};
use crate::tui::facilitate::presenter::Presenter;
use crate::tui::layout::{rows, Areas};
use crate::tui::paint::{draw_lines, more_marks, pinned};
use crate::tui::text::{truncate, width, wrap_plain};

/// Draws the question.
pub fn render(p: &Presenter, question: usize, areas: &Areas, buf: &mut Buffer) {
    let t = p.theme();
    let laid = layout::question(p, question, areas);
    if let Some((at, lines)) = &laid.tie {
        draw_lines(lines, 0, *at, buf);
    }
    pinned(&laid.listing, t, buf);
    if let Some((large, at)) = &laid.large {
        large.render(*at, t.question, buf);
    }
    if let Some((large, at, up)) = &laid.timer {
        // Time up is a change anyone sees: the digits reversed in the error colour, and the
        // words under them.
        let style = if *up {
            t.error.add_modifier(Modifier::REVERSED)
        } else {
            t.title
        };
        let digits = Rect::new(at.x, at.y, at.width, at.height.saturating_sub(1));
        if *up {
            buf.set_style(digits, style);
        }
        large.render(digits, style, buf);
        if *up {
            let label = p.words().workshop.countdown_up.to_uppercase();
            let label = truncate(&label, usize::from(at.width));
            let x = at.right().saturating_sub(rows(width(&label)));
            buf.set_string(x, at.bottom().saturating_sub(1), &label, t.error);
        }
    }
    match laid.pane {
        Some(Pane::Side(side)) => side_pane(p, question, side, laid.top, buf),
        Some(Pane::Below(below)) => pane_below(p, question, below, buf),
        None => {}
    }
}

fn side_pane(p: &Presenter, question: usize, side: Rect, top: u16, buf: &mut Buffer) {
    let (w, t) = (p.words(), p.theme());
    for y in side.y..side.bottom() {
        buf.set_string(side.x, y, "│", t.rule);
    }
    let inner = Rect::new(
        side.x + 3,
        side.y + top,
        side.width.saturating_sub(3),
        side.height - top,
    );
    let max = usize::from(inner.width);
    let mut lines = wrap_plain(w.workshop.workshop_notes_title, t.heading, max);
    lines.push(Line::default());
    lines.extend(notes_lines(p, question, max));
    draw_lines(&lines, 0, inner, buf);
}

fn pane_below(p: &Presenter, question: usize, below: Rect, buf: &mut Buffer) {
    let (w, t) = (p.words(), p.theme());
    let room = usize::from(below.width);
    let title = truncate(w.workshop.workshop_notes_title, room.saturating_sub(4));
    let rule = format!(
        "── {title} {}",
        "─".repeat(room.saturating_sub(width(&title) + 4))
    );
    buf.set_string(below.x, below.y, truncate(&rule, room), t.rule);
    buf.set_string(below.x + 3, below.y, &title, t.heading);
    let text = Rect::new(
        below.x,
        below.y + 1,
        below.width,
        below.height.saturating_sub(1),
    );
    let lines = notes_lines(p, question, room.saturating_sub(2));
    draw_lines(&lines, 0, text, buf);
    more_marks(false, lines.len() > usize::from(text.height), text, t, buf);
}
