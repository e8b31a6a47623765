//! The review's layout: every answer on the path in asking order, grouped by section; a button
//! to the result (or back to the question); and the answers on a branch the group left, after
//! the button, dimmed.
//!
//! Scrolling follows the selected line. The answers not used come after the button, the last
//! line that can be selected: with the button selected, moving on scrolls them into view
//! ([`App::scroll`] counts the lines scrolled past the button).

use crate::tui::look::Looks;
use std::ops::Range;

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::guide::Question;
use crate::tui::layout::{column, contains, offset_for_selected};
use crate::tui::player::app::{App, Screen};
use crate::tui::text::{line_width, pad, wrap, wrap_plain};

const COLUMN: u16 = 88;

/// The review's lines; `items` are the lines of each answer on the path, then the button's.
pub struct Listing {
    /// The lines.
    pub lines: Vec<Line<'static>>,
    /// Which lines each answer on the path takes, then the button.
    pub items: Vec<Range<usize>>,
}

fn listing(app: &App, max: usize, spaced: bool) -> Listing {
    let w = &app.words().player;
    let t = app.theme();
    let g = app.guide();
    let mut lines = wrap_plain(w.review_title, t.title, max);
    let path = app.walk().review();
    let mut items = Vec::with_capacity(path.len() + 1);
    if path.is_empty() {
        lines.push(Line::default());
        lines.extend(wrap_plain(w.review_empty, t.dim, max));
    } else {
        lines.extend(wrap_plain(w.review_help, t.dim, max));
    }

    let mut section: Option<&str> = None;
    for (i, step) in path.iter().enumerate() {
        let q = &g.questions[step.question];
        if section != Some(q.section.as_str()) {
            lines.push(Line::default());
            if !q.section.is_empty() {
                lines.extend(wrap_plain(&q.section, t.heading, max));
            }
            section = Some(q.section.as_str());
        } else if spaced {
            lines.push(Line::default());
        }
        let item = answered(app, q, step.answer, i == app.selected(), max);
        items.push(lines.len()..lines.len() + item.len());
        lines.extend(item);
    }

    lines.push(Line::default());
    items.push(lines.len()..lines.len() + 1);
    lines.push(button(app, app.selected() >= path.len()));
    stale(app, max, spaced, &mut lines);
    Listing { lines, items }
}

/// One answer on the path: the question, then the answer given, indented; the selected one in
/// the selection's colours, padded to one width.
fn answered(
    app: &App,
    q: &Question,
    answer: usize,
    chosen: bool,
    max: usize,
) -> Vec<Line<'static>> {
    let t = app.theme();
    let (question_style, answer_style) = if chosen {
        (t.selected, t.selected)
    } else {
        (t.text, t.question)
    };
    let marker = if chosen {
        Span::styled("› ", t.marker)
    } else {
        Span::raw("  ")
    };
    let mut item = wrap(
        &[Span::styled(q.text.as_str(), question_style)],
        max.saturating_sub(1),
        &[marker, Span::styled(" ", question_style)],
        &[Span::raw("  "), Span::styled(" ", question_style)],
    );
    let indent = [Span::raw("  "), Span::styled("     ", answer_style)];
    item.extend(wrap(
        &[Span::styled(q.answers[answer].label.as_str(), answer_style)],
        max.saturating_sub(1),
        &indent,
        &indent,
    ));
    if chosen {
        let width = item.iter().map(line_width).max().unwrap_or(0) + 1;
        for line in &mut item {
            pad(line, width.min(max), t.selected);
        }
    }
    item
}

/// The button: to the result when the answers reach one, else back to the question.
fn button(app: &App, chosen: bool) -> Line<'static> {
    let (w, t) = (&app.words().player, app.theme());
    let label = match app.screen() {
        Screen::Review { outcome: Some(_) } => w.review_see_result,
        _ => w.review_back_to_question,
    };
    if chosen {
        Line::from(vec![
            Span::styled("› ", t.marker),
            Span::styled(format!(" {label} "), t.selected),
        ])
    } else {
        Line::from(vec![
            Span::raw("   "),
            Span::styled(label.to_string(), t.key),
        ])
    }
}

/// The answers on a branch the group left, dimmed, after the button.
fn stale(app: &App, max: usize, spaced: bool, lines: &mut Vec<Line<'static>>) {
    let (w, t, g) = (&app.words().player, app.theme(), app.guide());
    let stale = app.walk().stale();
    if stale.is_empty() {
        return;
    }
    lines.push(Line::default());
    lines.push(Line::default());
    lines.extend(wrap_plain(w.review_stale, t.dim, max));
    for (i, step) in stale.into_iter().enumerate() {
        let q = &g.questions[step.question];
        if spaced && i > 0 {
            lines.push(Line::default());
        }
        lines.extend(wrap(
            &[Span::styled(q.text.as_str(), t.stale)],
            max,
            &[Span::raw("   ")],
            &[Span::raw("   ")],
        ));
        let indent = [Span::raw("       ")];
        lines.extend(wrap(
            &[Span::styled(q.answers[step.answer].label.as_str(), t.stale)],
            max,
            &indent,
            &indent,
        ));
    }
}

/// The column and the listing that fits it best: spaced when it can be.
pub fn layout(app: &App, body: Rect) -> (Rect, Listing) {
    let col = column(body, COLUMN);
    let max = usize::from(col.width.saturating_sub(2));
    let spaced = listing(app, max, true);
    if spaced.lines.len() <= usize::from(col.height) {
        (col, spaced)
    } else {
        (col, listing(app, max, false))
    }
}

/// The offset that shows the selected line; on the button, further by the lines scrolled past
/// it, as far as the listing goes.
pub fn offset(app: &App, listing: &Listing, height: usize) -> usize {
    let shown = offset_for_selected(&listing.items, app.selected(), height);
    if app.selected() + 1 >= listing.items.len() {
        (shown + app.scroll()).min(listing.lines.len().saturating_sub(height).max(shown))
    } else {
        shown
    }
}

/// How many lines there are to scroll past the button (the answers not used, when they don't
/// fit below it).
pub fn past_the_button(app: &App, body: Rect) -> usize {
    let (col, listing) = layout(app, body);
    let height = usize::from(col.height);
    let last = listing.items.len().saturating_sub(1);
    let shown = offset_for_selected(&listing.items, last, height);
    listing
        .lines
        .len()
        .saturating_sub(height)
        .saturating_sub(shown)
}

/// The review line under a click: an answer on the path, or the button (the last).
pub fn hit(app: &App, body: Rect, column: u16, row: u16) -> Option<usize> {
    let (col, listing) = layout(app, body);
    if !contains(col, column, row) {
        return None;
    }
    let line = offset(app, &listing, usize::from(col.height)) + usize::from(row - col.y);
    listing.items.iter().position(|r| r.contains(&line))
}
