//! The problems pane: every error and warning of the guide and its translations, as
//! `file:line:col code message`, errors first; the selected one also shows its suggested fix.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::guide::Severity;
use crate::tui::edit::app::{App, Pane};
use crate::tui::edit::strings::fill;
use crate::tui::view::text::wrap;
use crate::tui::view::{draw_lines, scrollbar};

/// The pane's lines for its content area (one column stays free for the scrollbar), and which
/// lines each problem takes.
pub fn problem_lines(app: &App, area: Rect) -> (Vec<Line<'static>>, Vec<Range<usize>>) {
    let max = usize::from(area.width.saturating_sub(1));
    let t = app.theme();
    let s = app.strings();
    if app.problems().is_empty() {
        let mut lines = wrap(
            &[Span::styled(s.problems_none, t.good)],
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
                let text = fill(s.problem_help, &[("help", help)]);
                lines.extend(wrap(&[Span::styled(text, t.dim)], max, &rest, &rest));
            }
        }
        items.push(start..lines.len());
    }
    (lines, items)
}

/// Draws the problems into the pane's content area.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme();
    let (lines, _) = problem_lines(app, area);
    let height = usize::from(area.height);
    let offset = app
        .problems_offset()
        .min(lines.len().saturating_sub(height));
    let text = Rect::new(area.x, area.y, area.width.saturating_sub(1), area.height);
    draw_lines(&lines, offset, text, buf);
    if lines.len() > height && area.width > 0 {
        let bar = Rect::new(area.right() - 1, area.y, 1, area.height);
        scrollbar(lines.len(), offset, bar, t.rule, buf);
    }
}
