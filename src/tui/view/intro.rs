//! The intro: the guide's title and welcome, what it asks about, how long it takes, and a button.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::text::{pad, width, wrap, wrap_plain};
use super::{column, draw_lines, scrollbar, DocumentGeometry};
use crate::tui::app::App;
use crate::tui::strings::fill;

const COLUMN: u16 = 84;

/// The document part of the intro (the button is drawn apart, pinned to the bottom).
fn lines(app: &App, max: usize) -> Vec<Line<'static>> {
    let g = app.guide();
    let s = app.strings();
    let t = app.theme();
    let mut lines = wrap_plain(&g.title, t.title, max);
    lines.push(Line::default());
    if !g.intro.is_empty() {
        lines.extend(wrap_plain(&g.intro, t.text, max));
        lines.push(Line::default());
    }

    let mut facts: Vec<(&str, String)> = Vec::new();
    let sections = sections(app);
    if !sections.is_empty() {
        facts.push((s.intro_asks_about, sections.join(" · ")));
    }
    if !g.dimensions.is_empty() {
        let names: Vec<&str> = g.dimensions.iter().map(|d| d.name.as_str()).collect();
        facts.push((s.intro_places_you, names.join(" · ")));
    }
    if let Some(p) = app.walk().progress() {
        let (min, max) = (p.min_left, p.max_left);
        let (questions, minutes) = if min == max {
            (
                fill(s.intro_questions_exact, &[("count", &min)]),
                fill(s.intro_minutes_exact, &[("count", &min)]),
            )
        } else {
            (
                fill(s.intro_questions_range, &[("min", &min), ("max", &max)]),
                fill(s.intro_minutes_range, &[("min", &min), ("max", &max)]),
            )
        };
        facts.push((s.intro_length, format!("{questions} · {minutes}")));
    }
    let label_w = facts.iter().map(|(l, _)| width(l)).max().unwrap_or(0) + 3;
    let wide = max >= label_w + 24;
    for (label, value) in facts {
        if wide {
            let first = [Span::styled(format!("{label:<label_w$}"), t.dim)];
            let rest = [Span::raw(" ".repeat(label_w))];
            lines.extend(wrap(&[Span::styled(value, t.text)], max, &first, &rest));
        } else {
            lines.push(Line::from(Span::styled(label.to_string(), t.dim)));
            lines.extend(wrap(
                &[Span::styled(value, t.text)],
                max,
                &[Span::raw("  ")],
                &[Span::raw("  ")],
            ));
        }
    }
    lines
}

/// Sections of the questions reachable from the start, in the guide's order.
fn sections(app: &App) -> Vec<String> {
    let g = app.guide();
    let (reachable, _) = g.index.reachable(g.outcomes.len());
    let mut out: Vec<String> = Vec::new();
    for (q, question) in g.questions.iter().enumerate() {
        if reachable.get(q).copied().unwrap_or(false)
            && !question.section.is_empty()
            && !out.contains(&question.section)
        {
            out.push(question.section.clone());
        }
    }
    out
}

/// The text area and the button row: the button follows the text, or sits at the bottom when
/// the text needs all the room.
fn split(app: &App, body: Rect) -> (Rect, Rect, Vec<Line<'static>>) {
    let col = column(body, COLUMN);
    let button_gap = if col.height >= 8 { 2 } else { 1 };
    let text = Rect::new(
        col.x,
        col.y,
        col.width,
        col.height.saturating_sub(button_gap),
    );
    let lines = lines(app, usize::from(text.width.saturating_sub(2)));
    let below = (lines.len() + 1).min(usize::from(col.height.saturating_sub(1))) as u16;
    let button = Rect::new(col.x, col.y + below, col.width, col.height.min(1));
    (text, button, lines)
}

/// Draws the intro.
pub fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let t = app.theme();
    let s = app.strings();
    let (text, button, lines) = split(app, body);
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
        s.intro_continue
    } else {
        s.intro_start
    };
    let mut line = Line::from(vec![
        Span::styled("› ", t.marker),
        Span::styled(format!(" {label}"), t.selected),
    ]);
    pad(&mut line, width(label) + 5, t.selected);
    draw_lines(&[line], 0, button, buf);
}

/// Lines, rows and sections of the intro text.
pub fn geometry(app: &App, body: Rect) -> DocumentGeometry {
    let (text, _, lines) = split(app, body);
    DocumentGeometry {
        lines: lines.len(),
        height: usize::from(text.height),
        sections: vec![0],
    }
}

/// A click on the button starts.
pub fn hit(app: &App, body: Rect, row: u16) -> Option<usize> {
    let (_, button, _) = split(app, body);
    (row == button.y && !button.is_empty()).then_some(0)
}
