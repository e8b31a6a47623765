//! The editor's views: pure functions from the editor's state to a frame.
//!
//! The layout degrades in steps ([`Mode`]): side by side when the window is large (outline and
//! preview above, problems across the bottom), stacked at 80×24 (the outline or the preview above
//! the problems, Tab switches), and one pane at a time down to 40×12, where the preview gets the
//! whole window so the player keeps its own minimum size. Below that, a request for a larger
//! window. [`layout`] is also what the app uses to scroll and to find what a click hit.

mod help;
mod outline;
mod problems;

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Widget};
use ratatui::Frame;

use super::app::{App, Pane, Version};
use super::keymap;
use super::strings::fill;
use crate::tui::view::text::{truncate, width, wrap_plain};
use crate::tui::view::{
    self as player_view, draw_lines, draw_status, fit_hints, MIN_HEIGHT, MIN_WIDTH,
};

pub use help::help_geometry;
pub use problems::problem_lines;

/// How the panes share the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// At least 100×28: outline and preview side by side, problems across the bottom.
    Split,
    /// At least 60×20: the outline or the preview above the problems.
    Stacked,
    /// Down to 40×12: one pane at a time.
    Single,
}

/// The mode for a window size; `None` when it is too small to draw in.
pub fn mode(size: (u16, u16)) -> Option<Mode> {
    let (w, h) = size;
    if w < MIN_WIDTH || h < MIN_HEIGHT {
        None
    } else if w >= 100 && h >= 28 {
        Some(Mode::Split)
    } else if w >= 60 && h >= 20 {
        Some(Mode::Stacked)
    } else {
        Some(Mode::Single)
    }
}

/// Rows the player needs in the preview (its own minimum).
const PLAYER_ROWS: u16 = MIN_HEIGHT;

/// The regions of a frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// How the panes share the window.
    pub mode: Mode,
    /// The top line: the file and its problem counts (the panes' tabs in single mode).
    pub header: Rect,
    /// The outline pane, borders included, when shown.
    pub outline: Option<Rect>,
    /// The preview pane, borders included, when shown.
    pub preview: Option<Rect>,
    /// The problems pane, borders included, when shown.
    pub problems: Option<Rect>,
    /// The line that says the file has errors and which version is shown.
    pub status: Option<Rect>,
    /// The keys, or the status after an action. `None` when the preview fills the window and
    /// the player's own footer shows.
    pub footer: Option<Rect>,
}

impl Layout {
    /// A pane's area, borders included.
    pub fn outer(&self, pane: Pane) -> Option<Rect> {
        match pane {
            Pane::Outline => self.outline,
            Pane::Preview => self.preview,
            Pane::Problems => self.problems,
        }
    }

    /// A pane's content area: inside its borders (single mode has none).
    pub fn inner(&self, pane: Pane) -> Option<Rect> {
        let outer = self.outer(pane)?;
        Some(match self.mode {
            Mode::Single => outer,
            Mode::Split | Mode::Stacked => outer.inner(Margin::new(1, 1)),
        })
    }

    /// The pane whose content area holds a cell, and that area.
    pub fn pane_at(&self, column: u16, row: u16) -> Option<(Pane, Rect)> {
        [Pane::Preview, Pane::Outline, Pane::Problems]
            .into_iter()
            .filter_map(|p| Some((p, self.inner(p)?)))
            .find(|(_, r)| column >= r.x && column < r.right() && row >= r.y && row < r.bottom())
    }
}

/// Splits a frame into its regions; `None` when the window is too small.
pub fn layout(app: &App, area: Rect) -> Option<Layout> {
    let mode = mode((area.width, area.height))?;
    let header = Rect::new(area.x, area.y, area.width, 1);
    let footer = Rect::new(area.x, area.bottom() - 1, area.width, 1);
    let focus = app.focus();
    let mut out = Layout {
        mode,
        header,
        outline: None,
        preview: None,
        problems: None,
        status: None,
        footer: Some(footer),
    };
    if mode == Mode::Single && focus == Pane::Preview {
        out.preview = Some(area);
        out.footer = None;
        return Some(out);
    }
    if app.version() != Version::Current {
        out.status = Some(Rect::new(area.x, footer.y - 1, area.width, 1));
    }
    let top = area.y + 1;
    let bottom = out.status.map_or(footer.y, |s| s.y);
    let room = bottom.saturating_sub(top);
    // The problems pane: as tall as its problems (and the selected one's help), within limits.
    let wanted = (app.problems().len().max(1) + 1) as u16 + 2;
    match mode {
        Mode::Single => {
            let body = Rect::new(area.x, top, area.width, room);
            match focus {
                Pane::Problems => out.problems = Some(body),
                _ => out.outline = Some(body),
            }
        }
        Mode::Stacked => {
            let mut rows = wanted.clamp(3, 6);
            if focus == Pane::Preview {
                rows = rows.min(room.saturating_sub(PLAYER_ROWS + 2)).max(3);
            }
            let rows = rows.min(room);
            let main = Rect::new(area.x, top, area.width, room - rows);
            out.problems = Some(Rect::new(area.x, main.bottom(), area.width, rows));
            match focus {
                Pane::Preview => out.preview = Some(main),
                _ => out.outline = Some(main),
            }
        }
        Mode::Split => {
            let rows = wanted.clamp(3, (room / 3).max(5)).min(room);
            let upper = room - rows;
            let left = (area.width * 2 / 5).clamp(36, 64);
            out.outline = Some(Rect::new(area.x, top, left, upper));
            out.preview = Some(Rect::new(area.x + left, top, area.width - left, upper));
            out.problems = Some(Rect::new(area.x, top + upper, area.width, rows));
        }
    }
    Some(out)
}

/// Draws the editor into a frame.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    render_into(app, area, frame.buffer_mut());
}

/// Draws the editor into a buffer area (what [`render`] does, usable without a terminal).
pub fn render_into(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme();
    let Some(area) = player_view::canvas(area, t, buf) else {
        return;
    };
    let Some(layout) = layout(app, area) else {
        player_view::too_small(app.keys(), t, area, buf);
        return;
    };
    let s = app.strings();
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
        help::render(app, area, buf);
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
    let x = outer.right() - 2 - width(&text) as u16;
    buf.set_string(x, outer.bottom() - 1, text, app.theme().dim);
}

fn preview(app: &App, inner: Rect, buf: &mut Buffer) {
    match app.preview() {
        Some(preview) => player_view::render_into(preview.player(), inner, buf),
        None => {
            let t = app.theme();
            let area = inner.inner(Margin::new(1, 1));
            let lines = wrap_plain(
                app.strings().preview_waiting,
                t.dim,
                usize::from(area.width),
            );
            draw_lines(&lines, 0, area, buf);
        }
    }
}

/// "1 error · 2 warnings", or "no problems".
fn counts_text(app: &App) -> String {
    let s = app.strings();
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
    let s = app.strings();
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
    let s = app.strings();
    let area = layout.header;
    buf.set_string(area.x, area.y, " ".repeat(usize::from(area.width)), t.base);
    let single = layout.mode == Mode::Single;
    let right = Line::from(counts_spans(app, single));
    let right_w = right.width() as u16;
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
    let s = app.strings();
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

fn footer(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme();
    if !draw_status(app.status(), t, area, buf) {
        let hints = keymap::hints(app.context(), app.strings(), app.keys());
        fit_hints(hints, t, usize::from(area.width)).render(area, buf);
    }
}
