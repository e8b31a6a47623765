//! Where things are in the editor: pure layout from the editor's state, shared by the views
//! that paint it and the app that scrolls and hit-tests with it. Nothing here draws.
//!
//! The layout degrades in steps ([`Mode`]): side by side when the window is large (outline and
//! preview above, problems across the bottom), stacked at 80×24 (the outline or the preview
//! above the problems, Tab switches), and one pane at a time down to 40×12, where the preview
//! gets the whole window so the player keeps its own minimum size. Below that, a request for a
//! larger window.

use crate::tui::look::Looks;
use std::ops::Range;

use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};

use super::app::{App, Pane, Version};
use super::keymap;
use crate::guide::Severity;
use crate::locale::fill;
use crate::report::outline::Mark;
use crate::tui::layout::{contains, key_table, keys_column, rows, TextBox, MIN_HEIGHT, MIN_WIDTH};
use crate::tui::text::{wrap, wrap_plain};

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
            .find(|(_, r)| contains(*r, column, row))
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
    let wanted = rows(app.problems().len().max(1) + 1).saturating_add(2);
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

/// The pane's lines for its content area (one column stays free for the scrollbar), and which
/// lines each problem takes.
pub fn problem_lines(app: &App, area: Rect) -> (Vec<Line<'static>>, Vec<Range<usize>>) {
    let max = usize::from(area.width.saturating_sub(1));
    let t = app.theme();
    let w = app.words();
    if app.problems().is_empty() {
        let mut lines = wrap(
            &[Span::styled(w.editor.problems_none, t.good)],
            max,
            &[Span::styled("✓ ", t.good)],
            &[Span::raw("  ")],
        );
        lines.truncate(3);
        return (lines, Vec::new());
    }
    let mut lines = Vec::new();
    let mut items = Vec::with_capacity(app.problems().len());
    for (i, p) in app.problems().iter().enumerate() {
        let selected = i == app.problem();
        let (symbol, symbol_style) = match p.severity() {
            Severity::Error => ("✗ ", t.error),
            Severity::Warning => ("! ", t.bad),
        };
        let marker = if selected {
            Span::styled("› ", t.marker)
        } else {
            Span::raw("  ")
        };
        let first = [marker, Span::styled(symbol, symbol_style)];
        let rest = [Span::raw("    ")];
        let highlight = selected && app.focus() == Pane::Problems;
        let over = |style| if highlight { t.selected } else { style };
        let runs = [
            Span::styled(format!("{} ", p.place()), over(t.dim)),
            Span::styled(p.code.as_str(), over(t.key)),
            Span::styled(format!(" {}", p.message), over(t.text)),
        ];
        let start = lines.len();
        lines.extend(wrap(&runs, max, &first, &rest));
        if selected {
            if let Some(help) = &p.help {
                let text = fill(w.editor.problem_help, &[("help", help)]);
                lines.extend(wrap(&[Span::styled(text, t.dim)], max, &rest, &rest));
            }
        }
        items.push(start..lines.len());
    }
    (lines, items)
}

/// The gutter symbol of a mark.
pub fn symbol(mark: Mark) -> &'static str {
    match mark {
        Mark::Fine => " ",
        Mark::Unreachable => "⊘",
        Mark::DeadEnd => "⊣",
        Mark::Broken => "✗",
    }
}

/// Widest the help gets.
const HELP_WIDTH: u16 = 78;

/// The help laid out: the focused pane's keys, the player's keys when the preview has focus,
/// the legend of marks, and a reminder that the file is the truth.
pub fn help_box(app: &App, area: Rect) -> TextBox {
    TextBox::new(area, HELP_WIDTH, |max| help_lines(app, max))
}

fn help_lines(app: &App, max: usize) -> Vec<Line<'static>> {
    let w = app.words();
    let e = &w.editor;
    let t = app.theme();
    let own = keymap::help(app.pane_context(), w);
    let preview = match (app.focus(), app.preview()) {
        (Pane::Preview, Some(preview)) => {
            keymap::preview(preview.player().context()).under_help(w, keymap::offered_in_preview)
        }
        _ => Vec::new(),
    };
    let keys_w = keys_column(own.iter().chain(&preview), max);
    let mut out = key_table(&own, keys_w, t, max);
    if !preview.is_empty() {
        out.push(Line::default());
        out.extend(wrap_plain(e.help_preview_keys, t.heading, max));
        out.extend(key_table(&preview, keys_w, t, max));
    }
    out.push(Line::default());
    out.extend(wrap_plain(e.help_marks, t.heading, max));
    let legend = [
        (symbol(Mark::Unreachable), t.dim, e.mark_unreachable),
        (symbol(Mark::DeadEnd), t.bad, e.mark_dead_end),
        (symbol(Mark::Broken), t.error, e.mark_broken),
        ("✗", t.error, e.severity_error),
        ("!", t.bad, e.severity_warning),
    ];
    for (mark, style, text) in legend {
        let first = [Span::styled(format!("{mark}  "), style)];
        let rest = [Span::raw("   ")];
        out.extend(wrap(&[Span::styled(text, t.text)], max, &first, &rest));
    }
    out.push(Line::default());
    out.extend(wrap_plain(e.help_source_of_truth, t.dim, max));
    out
}
