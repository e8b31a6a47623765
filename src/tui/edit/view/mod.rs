//! The editor's views: pure functions from the editor's state to a frame, painting what
//! [`layout`] placed: the panes with their borders, the header with the problem
//! counts, the line that says which version is shown, the footer, and the help.

mod outline;
mod problems;

use crate::tui::look::Looks;
use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Widget};

use super::app::{App, Pane, Version};
use super::keymap;
use super::layout::{self, Layout, Mode};
use crate::locale::fill;
use crate::tui::layout::rows;
use crate::tui::paint::{
    canvas, draw_lines, fit_hints, help, status_style, status_text, too_small,
};
use crate::tui::player::view as player_view;
use crate::tui::text::{truncate, width, wrap_plain};

/// Draws the editor into a buffer area (what the shell does on the terminal, usable without one).
pub fn render_into(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme();
    let Some(area) = canvas(area, t, buf) else {
        return;
    };
    let Some(layout) = layout::layout(app, area) else {
        too_small(app.words(), t, area, buf);
        return;
    };
    let s = &app.words().editor;
    if let Some(outer) = layout.outline {
        frame_pane(app, &layout, Pane::Outline, s.pane_outline.to_string(), buf);
        let legend = outline::legend(app);
        if layout.mode != Mode::Single && !legend.is_empty() {
            bottom_title(app, outer, &legend, buf);
        }
        if let Some(inner) = layout.inner(Pane::Outline) {
            outline::render(app, inner, app.focus() == Pane::Outline, buf);
        }
    }
    if layout.preview.is_some() {
        let title = match app.preview() {
            Some(p) => format!(
                "{} · {}",
                s.pane_preview,
                fill(s.preview_from, &[("id", &p.from())])
            ),
            None => s.pane_preview.to_string(),
        };
        frame_pane(app, &layout, Pane::Preview, title, buf);
        if let Some(inner) = layout.inner(Pane::Preview) {
            preview(app, inner, buf);
        }
    }
    if layout.problems.is_some() {
        let title = format!("{} · {}", s.pane_problems, counts_text(app));
        frame_pane(app, &layout, Pane::Problems, title, buf);
        if let Some(inner) = layout.inner(Pane::Problems) {
            problems::render(app, inner, buf);
        }
    }
    header(app, &layout, buf);
    if let Some(row) = layout.status {
        notice(app, layout.mode, row, buf);
    }
    if app.help_open() {
        let b = layout::help_box(app, area);
        help(&b, app.words(), t, app.help_scroll(), buf);
    }
    // With the help open, the footer is the editor's even where the player's usually shows.
    let footer_row = Rect::new(area.x, area.bottom() - 1, area.width, 1);
    match layout.footer {
        Some(row) => footer(app, row, buf),
        None if app.help_open() => {
            buf.set_string(
                footer_row.x,
                footer_row.y,
                " ".repeat(usize::from(area.width)),
                t.base,
            );
            footer(app, footer_row, buf);
        }
        None => {}
    }
}

/// The border and title of a pane; the focused one has a heavy border and a `›` before its
/// title, so focus never depends on colour.
fn frame_pane(app: &App, layout: &Layout, pane: Pane, title: String, buf: &mut Buffer) {
    let Some(outer) = layout.outer(pane) else {
        return;
    };
    if layout.mode == Mode::Single {
        return;
    }
    let t = app.theme();
    let focused = app.focus() == pane;
    let (kind, border, title_style, marker) = if focused {
        (BorderType::Thick, t.text, t.title, "› ")
    } else {
        (BorderType::Rounded, t.rule, t.dim, "")
    };
    let room = usize::from(outer.width.saturating_sub(6));
    let title = truncate(&format!("{marker}{title}"), room);
    Block::bordered()
        .border_type(kind)
        .border_style(border)
        .title(Line::from(Span::styled(format!(" {title} "), title_style)))
        .render(outer, buf);
}

/// A short text on a pane's bottom border, on the right.
fn bottom_title(app: &App, outer: Rect, text: &str, buf: &mut Buffer) {
    let room = usize::from(outer.width.saturating_sub(6));
    if room < 12 || outer.height < 3 {
        return;
    }
    let text = truncate(&format!(" {text} "), room);
    let x = outer.right() - 2 - rows(width(&text));
    buf.set_string(x, outer.bottom() - 1, text, app.theme().dim);
}

fn preview(app: &App, inner: Rect, buf: &mut Buffer) {
    match app.preview() {
        Some(preview) => player_view::render_into(preview.player(), inner, buf),
        None => {
            let t = app.theme();
            let area = inner.inner(Margin::new(1, 1));
            let lines = wrap_plain(
                app.words().editor.preview_waiting,
                t.dim,
                usize::from(area.width),
            );
            draw_lines(&lines, 0, area, buf);
        }
    }
}

/// "1 error · 2 warnings", or "no problems".
fn counts_text(app: &App) -> String {
    let s = &app.words().editor;
    let (errors, warnings) = app.counts();
    let mut parts = Vec::new();
    match errors {
        0 => {}
        1 => parts.push(s.count_error.to_string()),
        n => parts.push(fill(s.count_errors, &[("count", &n)])),
    }
    match warnings {
        0 => {}
        1 => parts.push(s.count_warning.to_string()),
        n => parts.push(fill(s.count_warnings, &[("count", &n)])),
    }
    if parts.is_empty() {
        s.count_none.to_string()
    } else {
        parts.join(" · ")
    }
}

/// The counts with their symbols, long or short.
fn counts_spans(app: &App, short: bool) -> Vec<Span<'static>> {
    let t = app.theme();
    let s = &app.words().editor;
    let (errors, warnings) = app.counts();
    if errors + warnings == 0 {
        let text = if short {
            "✓".to_string()
        } else {
            format!("✓ {}", s.count_none)
        };
        return vec![Span::styled(text, t.good)];
    }
    let mut spans = Vec::new();
    let mut part = |symbol: &str, n: usize, one: &str, many: &str, style: Style| {
        if n == 0 {
            return;
        }
        if !spans.is_empty() {
            spans.push(Span::raw(if short { " " } else { " · " }));
        }
        let text = match (short, n) {
            (true, n) => format!("{symbol}{n}"),
            (false, 1) => format!("{symbol} {one}"),
            (false, n) => format!("{symbol} {}", fill(many, &[("count", &n)])),
        };
        spans.push(Span::styled(text, style));
    };
    part("✗", errors, s.count_error, s.count_errors, t.error);
    part("!", warnings, s.count_warning, s.count_warnings, t.bad);
    spans
}

/// The top line: the file and the guide's title, the counts on the right; in single mode the
/// panes as tabs instead of the file.
fn header(app: &App, layout: &Layout, buf: &mut Buffer) {
    let t = app.theme();
    let s = &app.words().editor;
    let area = layout.header;
    buf.set_string(area.x, area.y, " ".repeat(usize::from(area.width)), t.base);
    let single = layout.mode == Mode::Single;
    let right = Line::from(counts_spans(app, single));
    let right_w = rows(right.width());
    let left_room = usize::from(area.width.saturating_sub(right_w + 2));
    let mut left: Vec<Span<'static>> = Vec::new();
    if single {
        for (pane, name) in [
            (Pane::Outline, s.pane_outline),
            (Pane::Preview, s.pane_preview),
            (Pane::Problems, s.pane_problems),
        ] {
            if app.focus() == pane {
                left.push(Span::styled("›", t.marker));
                left.push(Span::styled(format!(" {name} "), t.selected));
            } else {
                left.push(Span::styled(format!("  {name} "), t.dim));
            }
        }
    } else {
        left.push(Span::styled(app.name().to_string(), t.title));
        if let Some(guide) = app.guide() {
            left.push(Span::styled(format!(" · {}", guide.title), t.dim));
        }
    }
    let left = fit_spans(left, left_room);
    Line::from(left).render(Rect::new(area.x, area.y, area.width, 1), buf);
    if right_w <= area.width {
        right.render(Rect::new(area.right() - right_w, area.y, right_w, 1), buf);
    }
}

/// Cuts a run of spans to `room` columns, the last one ending with `…`.
fn fit_spans(spans: Vec<Span<'static>>, room: usize) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    let mut used = 0;
    for span in spans {
        let w = span.width();
        if used + w <= room {
            used += w;
            out.push(span);
            continue;
        }
        let cut = truncate(&span.content, room - used);
        if !cut.is_empty() {
            out.push(Span::styled(cut, span.style));
        }
        break;
    }
    out
}

/// The line saying the file has errors and which version the outline and preview show.
fn notice(app: &App, mode: Mode, row: Rect, buf: &mut Buffer) {
    let s = &app.words().editor;
    let short = mode == Mode::Single;
    let text = match (app.version(), short) {
        (Version::Current, _) => return,
        (Version::LastGood, false) => s.last_good,
        (Version::LastGood, true) => s.last_good_short,
        (Version::Broken, _) => s.broken,
        (Version::Unparsed, false) => s.unparsed,
        (Version::Unparsed, true) => s.unparsed_short,
    };
    let text = truncate(&format!("! {text}"), usize::from(row.width));
    buf.set_string(row.x, row.y, text, app.theme().error);
}

/// The footer: a status an action left (one line), else the keys.
fn footer(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme();
    match app.status() {
        Some(status) => {
            let text = truncate(status_text(status), usize::from(area.width));
            buf.set_string(area.x, area.y, text, status_style(status, t));
        }
        None => {
            let hints = keymap::hints(app.context(), app.words());
            fit_hints(hints, t, usize::from(area.width)).render(area, buf);
        }
    }
}
