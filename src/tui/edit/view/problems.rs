//! The problems pane: every error and warning of the guide and its translations, as
//! `file:line:col code message`, errors first; the selected one also shows its suggested fix.

use crate::tui::look::Looks;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::tui::edit::app::App;
use crate::tui::edit::layout::problem_lines;
use crate::tui::paint::{draw_lines, scrollbar};

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
