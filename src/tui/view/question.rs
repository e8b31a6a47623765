//! A question: its section, the question, the answers as a numbered list, and "why we ask" in a
//! side pane when there is room.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::text::{line_width, pad, wrap, wrap_plain};
use super::{beside, column, draw_lines, offset_for_selected, Density};
use crate::tui::app::App;
use crate::tui::theme::Theme;

const MAIN: u16 = 84;
const GROUP: u16 = 132;

/// The question's lines, and which lines each answer takes.
struct Listing {
    lines: Vec<Line<'static>>,
    answers: Vec<Range<usize>>,
}

fn listing(app: &App, question: usize, max: usize, spaced: bool) -> Listing {
    let s = app.strings();
    let t = app.theme();
    let q = &app.guide().questions[question];
    let mut lines = Vec::new();
    if app.walk().editing() {
        lines.extend(wrap_plain(s.editing_note, t.dim, max));
        lines.push(Line::default());
    }
    if !q.section.is_empty() {
        lines.extend(wrap_plain(&q.section, t.heading, max));
    }
    lines.extend(wrap_plain(&q.text, t.question, max));
    lines.push(Line::default());

    // Only the answers offered to this group are listed, numbered as shown.
    let given = app.walk().prefilled(question);
    let shown = app.walk().visible_answers(question);
    let selected = app.selected();
    let number_w = shown.len().to_string().len();
    let mut answers = Vec::with_capacity(shown.len());
    for (i, &a) in shown.iter().enumerate() {
        let answer = &q.answers[a];
        if spaced && i > 0 {
            lines.push(Line::default());
        }
        let item = AnswerItem {
            number: i + 1,
            number_w,
            label: &answer.label,
            tag: (given == Some(a)).then_some(s.your_answer),
            cursor: a == selected,
            chosen: a == selected,
        }
        .lines(t, max);
        answers.push(lines.len()..lines.len() + item.len());
        lines.extend(item);
    }
    Listing { lines, answers }
}

/// One answer as a question lists it. The player's cursor is its choice; workshop mode's may
/// differ (the hands can choose another answer).
pub(crate) struct AnswerItem<'a> {
    /// Its number, from 1.
    pub number: usize,
    /// Columns of the widest number in the list.
    pub number_w: usize,
    /// Its label.
    pub label: &'a str,
    /// Said after the label, in brackets (the answer given before).
    pub tag: Option<&'a str>,
    /// The cursor is on it: marked with `›`.
    pub cursor: bool,
    /// Enter chooses it: reversed.
    pub chosen: bool,
}

impl AnswerItem<'_> {
    /// Its lines in `max` columns: the marker, the number, the label wrapped under itself; the
    /// chosen answer is reversed to its widest line, so the choice never depends on colour alone.
    pub(crate) fn lines(&self, t: &Theme, max: usize) -> Vec<Line<'static>> {
        let number_w = self.number_w;
        let (number_style, label_style, tag_style) = if self.chosen {
            (t.selected, t.selected, t.selected)
        } else {
            (t.number, t.text, t.dim)
        };
        let marker = if self.cursor {
            Span::styled("› ", t.marker)
        } else {
            Span::raw("  ")
        };
        let first = [
            marker,
            Span::styled(format!(" {:>number_w$}  ", self.number), number_style),
        ];
        let rest = [
            Span::raw("  "),
            Span::styled(" ".repeat(number_w + 3), label_style),
        ];
        let mut runs = vec![Span::styled(self.label, label_style)];
        if let Some(tag) = self.tag {
            runs.push(Span::styled(format!("  ({tag})"), tag_style));
        }
        let mut item = wrap(&runs, max.saturating_sub(1), &first, &rest);
        if self.chosen {
            let w = item.iter().map(line_width).max().unwrap_or(0) + 1;
            for line in &mut item {
                pad(line, w.min(max), t.selected);
            }
        }
        item
    }
}

/// The main column and the why pane, if shown.
fn split(app: &App, body: Rect, density: Density) -> (Rect, Option<Rect>) {
    if density != Density::Full || !app.why_pane() {
        return (column(body, MAIN), None);
    }
    let (main, side) = beside(body, MAIN, GROUP, (28, 44));
    (main, Some(side))
}

/// The listing that fits best: spaced answers when they fit, else close together.
fn fitted(app: &App, question: usize, main: Rect) -> Listing {
    // Two columns stay free on the right for the "more above" mark.
    let max = usize::from(main.width.saturating_sub(2));
    let spaced = listing(app, question, max, true);
    if spaced.lines.len() <= usize::from(main.height) {
        spaced
    } else {
        listing(app, question, max, false)
    }
}

fn offset(app: &App, question: usize, listing: &Listing, height: usize) -> usize {
    let shown = app.walk().visible_answers(question);
    let selected = shown.iter().position(|&a| a == app.selected()).unwrap_or(0);
    offset_for_selected(&listing.answers, selected, height)
}

/// Draws a question.
pub fn render(app: &App, question: usize, body: Rect, density: Density, buf: &mut Buffer) {
    let (main, side) = split(app, body, density);
    let listing = fitted(app, question, main);
    let offset = offset(app, question, &listing, usize::from(main.height));
    draw_lines(&listing.lines, offset, main, buf);
    if offset > 0 && !main.is_empty() {
        buf.set_string(main.right().saturating_sub(1), main.y, "↑", app.theme().dim);
    }
    if let Some(side) = side {
        why_pane(app, question, side, buf);
    }
}

fn why_pane(app: &App, question: usize, side: Rect, buf: &mut Buffer) {
    let s = app.strings();
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
    let why = &app.guide().questions[question].why;
    let mut lines = wrap_plain(s.why_title, t.heading, max);
    lines.push(Line::default());
    if why.is_empty() {
        lines.extend(wrap_plain(s.why_missing, t.dim, max));
    } else {
        lines.extend(wrap_plain(why, t.text, max));
    }
    draw_lines(&lines, 0, inner, buf);
}

/// The answer under a click, if any, as its number among the answers shown.
pub fn hit(
    app: &App,
    question: usize,
    body: Rect,
    density: Density,
    column: u16,
    row: u16,
) -> Option<usize> {
    let (main, _) = split(app, body, density);
    if column < main.x || column >= main.right() || row < main.y || row >= main.bottom() {
        return None;
    }
    let listing = fitted(app, question, main);
    let line =
        offset(app, question, &listing, usize::from(main.height)) + usize::from(row - main.y);
    listing.answers.iter().position(|r| r.contains(&line))
}
