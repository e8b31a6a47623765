//! A question's layout: its section and text pinned at the top, the answers as a numbered list
//! below them, and "why we ask" in a side pane when there is room.
//!
//! When the answers do not fit, they scroll under the question, which stays where it is: a long
//! answer never pushes its question off the screen. The question keeps at least half the rows
//! when it needs them (a question longer than that ends with `…`).

use std::ops::Range;

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::tui::layout::{beside, column, contains, offset_for_selected, rows, Density};
use crate::tui::player::app::App;
use crate::tui::text::{line_width, pad, truncate, wrap, wrap_plain};
use crate::tui::theme::Theme;

/// Widest the question column gets.
const MAIN: u16 = 84;
/// Widest the question and the why pane get together.
const GROUP: u16 = 132;

/// One answer as a question lists it. The player's cursor is its choice; workshop mode's may
/// differ (the hands can choose another answer).
pub struct AnswerItem<'a> {
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
    pub fn lines(&self, t: &Theme, max: usize) -> Vec<Line<'static>> {
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

/// A listing that keeps its head pinned and scrolls its items: what a question screen (the
/// player's, workshop mode's) lays out.
#[derive(Debug, Clone)]
pub struct Pinned {
    /// The head's lines (the question), as many as are shown.
    pub head: Vec<Line<'static>>,
    /// Where the head goes.
    pub head_area: Rect,
    /// The items' lines (the answers and what follows them).
    pub body: Vec<Line<'static>>,
    /// Which lines each item takes.
    pub items: Vec<Range<usize>>,
    /// Where the items go.
    pub body_area: Rect,
    /// The first line of the items on screen.
    pub offset: usize,
}

impl Pinned {
    /// Places a head and its items in `area`: everything when it fits; else the head keeps
    /// what it needs of the rows (at least half of them, when it needs that many), and the
    /// items scroll below it to show the `selected` one.
    pub fn place(
        mut head: Vec<Line<'static>>,
        body: Vec<Line<'static>>,
        items: Vec<Range<usize>>,
        selected: usize,
        area: Rect,
    ) -> Pinned {
        let height = usize::from(area.height);
        if head.len() + body.len() > height {
            // The blank line under the question is the first thing to give up.
            while head.last().is_some_and(|l| l.width() == 0) {
                head.pop();
            }
        }
        let head_rows = if head.len() + body.len() <= height {
            head.len()
        } else {
            head.len()
                .min((height / 2).max(height.saturating_sub(body.len())))
        };
        if head.len() > head_rows {
            head.truncate(head_rows);
            // A blank line at the cut says nothing: the cut shows on the last line of text.
            while head.last().is_some_and(|l| l.width() == 0) {
                head.pop();
            }
            if let Some(last) = head.last_mut() {
                let style = last.spans.last().map(|s| s.style).unwrap_or_default();
                let text: String = last.spans.iter().map(|s| s.content.as_ref()).collect();
                let max = usize::from(area.width.saturating_sub(2));
                *last = Line::from(Span::styled(truncate(&format!("{text} …"), max), style));
            }
        }
        let head_area = Rect::new(area.x, area.y, area.width, rows(head_rows).min(area.height));
        let body_area = Rect::new(
            area.x,
            head_area.bottom(),
            area.width,
            area.height - head_area.height,
        );
        let offset = offset_for_selected(&items, selected, usize::from(body_area.height));
        Pinned {
            head,
            head_area,
            body,
            items,
            body_area,
            offset,
        }
    }

    /// The item under a click, if any.
    pub fn hit(&self, column: u16, row: u16) -> Option<usize> {
        if !contains(self.body_area, column, row) {
            return None;
        }
        let line = self.offset + usize::from(row - self.body_area.y);
        self.items.iter().position(|r| r.contains(&line))
    }

    /// True when items are above the top of their area.
    pub fn more_above(&self) -> bool {
        self.offset > 0
    }

    /// True when items are below the bottom of their area.
    pub fn more_below(&self) -> bool {
        self.offset + usize::from(self.body_area.height) < self.body.len()
    }
}

/// A question laid out: the question column (with the question pinned and the answers under
/// it) and the why pane, when it is shown.
pub struct Question {
    /// The question and its answers.
    pub listing: Pinned,
    /// The why pane, when it is shown.
    pub side: Option<Rect>,
}

impl Question {
    /// The answer under a click, if any.
    pub fn hit(&self, column: u16, row: u16) -> Option<usize> {
        self.listing.hit(column, row)
    }
}

/// The question's head: the note while an answer is being changed, the section, the question.
fn head(app: &App, question: usize, max: usize) -> Vec<Line<'static>> {
    let w = &app.words().player;
    let t = app.theme();
    let q = &app.guide().questions[question];
    let mut lines = Vec::new();
    if app.walk().editing() {
        lines.extend(wrap_plain(w.editing_note, t.dim, max));
        lines.push(Line::default());
    }
    if !q.section.is_empty() {
        lines.extend(wrap_plain(&q.section, t.heading, max));
    }
    lines.extend(wrap_plain(&q.text, t.question, max));
    lines.push(Line::default());
    lines
}

/// The answers' lines, spaced or close together, and which lines each takes.
fn answers(
    app: &App,
    question: usize,
    max: usize,
    spaced: bool,
) -> (Vec<Line<'static>>, Vec<Range<usize>>) {
    let t = app.theme();
    let q = &app.guide().questions[question];
    let given = app.walk().answer_of(question);
    let selected = app.selected().min(q.answers.len().saturating_sub(1));
    let number_w = q.answers.len().to_string().len();
    let mut lines = Vec::new();
    let mut items = Vec::with_capacity(q.answers.len());
    for (i, answer) in q.answers.iter().enumerate() {
        if spaced && i > 0 {
            lines.push(Line::default());
        }
        let item = AnswerItem {
            number: i + 1,
            number_w,
            label: &answer.label,
            tag: (given == Some(i)).then_some(app.words().player.your_answer),
            cursor: i == selected,
            chosen: i == selected,
        }
        .lines(t, max);
        items.push(lines.len()..lines.len() + item.len());
        lines.extend(item);
    }
    (lines, items)
}

/// The question column and the why pane, if it is shown.
fn split(app: &App, body: Rect, density: Density) -> (Rect, Option<Rect>) {
    if density != Density::Full || !app.why_pane() {
        return (column(body, MAIN), None);
    }
    let (main, side) = beside(body, MAIN, GROUP, (28, 44));
    (main, Some(side))
}

/// Lays out a question in the body: spaced answers when everything fits, else close together.
pub fn layout(app: &App, question: usize, body: Rect, density: Density) -> Question {
    let (main, side) = split(app, body, density);
    // Two columns stay free on the right for the "more" marks.
    let max = usize::from(main.width.saturating_sub(2));
    let head = head(app, question, max);
    let (mut lines, mut items) = answers(app, question, max, true);
    if head.len() + lines.len() > usize::from(main.height) {
        (lines, items) = answers(app, question, max, false);
    }
    Question {
        listing: Pinned::place(head, lines, items, app.selected(), main),
        side,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::text::texts;

    #[test]
    fn the_head_stays_and_the_items_scroll_under_it() {
        let line = |s: &str| Line::from(s.to_string());
        let head = vec![line("Section"), line("The question?"), Line::default()];
        let body: Vec<Line<'static>> = (0..20).map(|i| line(&format!("answer {i}"))).collect();
        let items: Vec<Range<usize>> = (0..20).map(|i| i..i + 1).collect();
        let placed = Pinned::place(head, body, items, 15, Rect::new(0, 0, 30, 8));
        // The blank line under the question is the first to give up its row.
        assert_eq!(texts(&placed.head), ["Section", "The question?"]);
        assert_eq!(placed.body_area, Rect::new(0, 2, 30, 6));
        assert_eq!(placed.offset, 10);
        assert_eq!(placed.hit(0, 7), Some(15));
        assert!(placed.more_above() && placed.more_below());
    }

    #[test]
    fn a_question_taller_than_half_the_rows_is_cut_with_an_ellipsis() {
        let head: Vec<Line<'static>> = (0..10).map(|i| Line::from(format!("q{i}"))).collect();
        let body = vec![Line::from("a"), Line::from("b")];
        let placed = Pinned::place(head, body, vec![0..1, 1..2], 0, Rect::new(0, 0, 20, 6));
        assert_eq!(placed.head.len(), 4);
        assert_eq!(texts(&placed.head)[3], "q3 …");
        assert_eq!(placed.body_area.height, 2);
    }
}
