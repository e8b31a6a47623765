//! A question's layout: its section and text pinned at the top, the answers as a numbered list
//! below them, and "why we ask" in a side pane when there is room.
//!
//! When the answers do not fit, they scroll under the question, which stays where it is
//! ([`Pinned`]): a long answer never pushes its question off the screen.

use crate::tui::look::Looks;
use std::ops::Range;

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::guide;
use crate::tui::layout::{beside, column, Density, Pinned};
use crate::tui::player::app::App;
use crate::tui::text::{line_width, pad, wrap, wrap_plain};
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
    // Only the answers offered to this group are listed, numbered as shown; `selected` is an
    // answer's position in the guide.
    let given = app.walk().prefilled(question);
    let selected = app.selected();
    let your_answer = app.words().player.your_answer;
    answer_list(
        q,
        &app.walk().visible_answers(question),
        t,
        max,
        spaced,
        |a, item| AnswerItem {
            tag: (given == Some(a)).then_some(your_answer),
            cursor: a == selected,
            chosen: a == selected,
            ..item
        },
    )
}

/// The lines of the answers `shown` of a question (their positions in the guide), numbered as
/// shown, spaced or close together, in `max` columns; and which lines each takes. `mark` gives
/// an answer (its position, and its item numbered and labelled) its tag, cursor and choice.
pub fn answer_list<'a>(
    q: &'a guide::Question,
    shown: &[usize],
    t: &Theme,
    max: usize,
    spaced: bool,
    mark: impl Fn(usize, AnswerItem<'a>) -> AnswerItem<'a>,
) -> (Vec<Line<'static>>, Vec<Range<usize>>) {
    let number_w = shown.len().to_string().len();
    let mut lines = Vec::new();
    let mut items = Vec::with_capacity(shown.len());
    for (n, &a) in shown.iter().enumerate() {
        let Some(answer) = q.answers.get(a) else {
            continue;
        };
        if spaced && n > 0 {
            lines.push(Line::default());
        }
        let item = AnswerItem {
            number: n + 1,
            number_w,
            label: &answer.label,
            tag: None,
            cursor: false,
            chosen: false,
        };
        let item = mark(a, item).lines(t, max);
        items.push(lines.len()..lines.len() + item.len());
        lines.extend(item);
    }
    (lines, items)
}

/// Where the selected answer stands among the answers shown.
fn shown_position(app: &App, question: usize) -> usize {
    app.walk()
        .visible_answers(question)
        .iter()
        .position(|&a| a == app.selected())
        .unwrap_or(0)
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
        listing: Pinned::place(head, lines, items, shown_position(app, question), main),
        side,
    }
}
