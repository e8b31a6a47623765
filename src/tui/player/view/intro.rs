//! Painting the intro: its text with a scrollbar, and the button.

use crate::tui::look::Looks;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::tui::paint::{draw_lines, scrollbar};
use crate::tui::player::app::App;
use crate::tui::player::layout::intro;
use crate::tui::text::{pad, width};

/// Draws the intro.
pub fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let t = app.theme();
    let w = &app.words().player;
    let intro::Intro {
        text,
        button,
        lines,
    } = intro::layout(app, body);
    let content = Rect::new(text.x, text.y, text.width.saturating_sub(2), text.height);
    let offset = app
        .scroll()
        .min(lines.len().saturating_sub(usize::from(text.height)));
    draw_lines(&lines, offset, content, buf);
    let bar = Rect::new(
        text.right().saturating_sub(1),
        text.y,
        text.width.min(1),
        text.height,
    );
    scrollbar(lines.len(), offset, bar, t.rule, buf);

    let label = if app.answer_count() > 0 {
        w.intro_continue
    } else {
        w.intro_start
    };
    let mut line = Line::from(vec![
        Span::styled("› ", t.marker),
        Span::styled(format!(" {label}"), t.selected),
    ]);
    pad(&mut line, width(label) + 5, t.selected);
    draw_lines(&[line], 0, button, buf);
}
