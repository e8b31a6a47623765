//! Painting a question: the question pinned at the top, the answers under it with marks when
//! more are above or below, the why pane beside them when there is room; and the header's
//! progress ("step 4 · about 3–6 left", or that an answer is being changed).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::locale::fill;
use crate::tui::layout::{Areas, Density};
use crate::tui::paint::{draw_lines, pinned};
use crate::tui::player::app::App;
use crate::tui::player::layout::question;
use crate::tui::text::{width, wrap_plain};

/// Draws a question.
pub fn render(app: &App, question: usize, areas: &Areas, buf: &mut Buffer) {
    let t = app.theme();
    let laid = question::layout(app, question, areas.body, areas.density);
    pinned(&laid.listing, t, buf);
    if let Some(side) = laid.side {
        why_pane(app, question, side, buf);
    }
}

fn why_pane(app: &App, question: usize, side: Rect, buf: &mut Buffer) {
    let w = &app.words().common;
    let t = app.theme();
    for y in side.y..side.bottom() {
        buf.set_string(side.x, y, "│", t.rule);
    }
    let inner = Rect::new(
        side.x + 3,
        side.y,
        side.width.saturating_sub(3),
        side.height,
    );
    let max = usize::from(inner.width);
    let why = app.walk().why(question);
    let mut lines = wrap_plain(w.why_title, t.heading, max);
    lines.push(Line::default());
    if why.is_empty() {
        lines.extend(wrap_plain(w.why_missing, t.dim, max));
    } else {
        lines.extend(wrap_plain(&why, t.text, max));
    }
    draw_lines(&lines, 0, inner, buf);
}

/// "step 4 · about 3–6 left", shortened when the header is narrow; while an answer is being
/// changed from the review, the header says so first.
pub fn progress_text(app: &App, density: Density, room: usize) -> String {
    let w = &app.words().player;
    let Some(p) = app.walk().progress() else {
        return String::new();
    };
    // Every template takes what it needs of the same values.
    let values: [(&str, &dyn std::fmt::Display); 4] = [
        ("step", &p.step),
        ("count", &p.min_left),
        ("min", &p.min_left),
        ("max", &p.max_left),
    ];
    let template = if p.max_left <= 1 {
        w.progress_last
    } else if p.min_left == p.max_left {
        w.progress_exact
    } else {
        w.progress_range
    };
    let mut progress = fill(template, &values);
    if density == Density::Tiny && width(&progress) + 10 > room {
        progress = fill(w.progress_short, &values);
    }
    if app.walk().editing() {
        format!("{} · {progress}", w.editing_header)
    } else {
        progress
    }
}
