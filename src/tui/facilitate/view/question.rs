//! A question as the room sees it: the section, the question in bold, the answers as a numbered
//! list with the raised hands beside each (a number and a bar), the group's note; and the
//! facilitator notes in a pane beside it (wide windows) or below it, which the facilitator hides
//! while projecting.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::super::presenter::Presenter;
use crate::tui::view::question::AnswerItem;
use crate::tui::view::text::{pad, truncate, width, wrap, wrap_plain};
use crate::tui::view::{beside, column, draw_lines, offset_for_selected, Areas, Density};

/// Widest the question column gets.
const MAIN: u16 = 96;
/// Widest the question and the side pane get together.
const GROUP: u16 = 144;

/// The question's lines, and which lines each answer takes.
struct Listing {
    lines: Vec<Line<'static>>,
    answers: Vec<Range<usize>>,
}

/// Where the notes pane sits.
enum Pane {
    Side(Rect),
    Below(Rect),
}

/// Eighths of a cell, for the end of a bar.
const EIGHTHS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

/// A bar `cells` wide at most, for `n` out of `most`.
pub(super) fn bar(n: usize, most: usize, cells: usize) -> String {
    if n == 0 || most == 0 || cells == 0 {
        return String::new();
    }
    let eighths = (n * cells * 8 / most).max(1);
    let mut out = "█".repeat(eighths / 8);
    out.push_str(EIGHTHS[eighths % 8]);
    out
}

fn listing(p: &Presenter, question: usize, max: usize, spaced: bool) -> Listing {
    let (s, t) = (p.strings(), p.theme());
    let q = &p.guide().questions[question];
    let mut lines = Vec::new();
    if p.player().walk().editing() {
        lines.extend(wrap_plain(s.editing_note, t.dim, max));
        lines.push(Line::default());
    }
    if !q.section.is_empty() {
        lines.extend(wrap_plain(&q.section.to_uppercase(), t.heading, max));
    }
    lines.extend(wrap_plain(&q.text, t.question, max));
    lines.push(Line::default());

    let hands: Vec<usize> = (0..q.answers.len())
        .map(|a| p.hands(question, a) as usize)
        .collect();
    let most = hands.iter().copied().max().unwrap_or(0);
    let bar_w = match max {
        72.. => 24,
        56..=71 => 16,
        44..=55 => 10,
        _ => 6,
    };
    let count_w = most.to_string().len().max(2);
    let tally_w = count_w + 1 + bar_w;
    let label_max = max.saturating_sub(tally_w + 2).max(8);
    let number_w = q.answers.len().to_string().len();
    let given = p.player().walk().answer_of(question);
    let counting = (p.cursor() != p.choice()).then_some(p.cursor());
    let counting = counting.unwrap_or(usize::MAX);
    let mut answers = Vec::with_capacity(q.answers.len());
    for (i, answer) in q.answers.iter().enumerate() {
        if spaced && i > 0 {
            lines.push(Line::default());
        }
        let mut item = AnswerItem {
            number: i + 1,
            number_w,
            label: &answer.label,
            tag: (given == Some(i)).then_some(s.workshop_group_answer),
            cursor: p.choice() == i,
            chosen: p.choice() == i,
        }
        .lines(t, label_max);
        if let Some(line) = item.first_mut() {
            pad(line, label_max + 1, t.text);
            let count_style = if hands[i] > 0 { t.question } else { t.dim };
            // The hands keys count for the cursor: when the count moved `›` away from it, its
            // count is bracketed so the facilitator still sees where `+` goes.
            let count = if i == counting {
                format!("[{}]", hands[i])
            } else {
                format!("{} ", hands[i])
            };
            let tally_w = count_w + 2;
            line.spans
                .push(Span::styled(format!("{count:>tally_w$}"), count_style));
            line.spans
                .push(Span::styled(bar(hands[i], most, bar_w), t.marker));
        }
        answers.push(lines.len()..lines.len() + item.len());
        lines.extend(item);
    }

    if let Some(note) = p.record().notes.get(&q.id) {
        lines.push(Line::default());
        let label = format!("{}: ", s.workshop_note);
        let indent = " ".repeat(width(&label));
        lines.extend(wrap(
            &[Span::styled(note.as_str(), t.text)],
            max,
            &[Span::styled(label, t.heading)],
            &[Span::raw(indent)],
        ));
    }
    Listing { lines, answers }
}

/// The main column and the notes pane, if shown.
fn split(p: &Presenter, question: usize, areas: &Areas) -> (Rect, Option<Pane>) {
    let body = areas.body;
    if !p.notes_pane() {
        return (column(body, MAIN), None);
    }
    if areas.density == Density::Full {
        let (main, side) = beside(body, MAIN, GROUP, (28, 48));
        return (main, Some(Pane::Side(side)));
    }
    if body.height < 9 {
        return (column(body, MAIN), None);
    }
    let wanted = 1 + notes_lines(p, question, usize::from(body.width)).len();
    let room = (body.height / 3).max(3);
    let h = (wanted as u16).min(room);
    let below = Rect::new(body.x, body.bottom() - h, body.width, h);
    let above = Rect::new(body.x, body.y, body.width, body.height - h - 1);
    (column(above, MAIN), Some(Pane::Below(below)))
}

fn notes_lines(p: &Presenter, question: usize, max: usize) -> Vec<Line<'static>> {
    let (s, t) = (p.strings(), p.theme());
    let notes = &p.guide().questions[question].notes;
    if notes.is_empty() {
        wrap_plain(s.workshop_no_notes, t.dim, max)
    } else {
        wrap_plain(notes, t.text, max)
    }
}

/// What is drawn in the question column.
struct Placed {
    /// Where the listing is drawn.
    area: Rect,
    listing: Listing,
    /// The calm note on a tie (Enter records the answer marked `›`), pinned to the bottom of the
    /// column so it can't scroll away.
    tie: Option<(Rect, Vec<Line<'static>>)>,
}

/// The listing, and the note when the most hands are tied.
fn place(p: &Presenter, question: usize, main: Rect, density: Density) -> Placed {
    let (s, t) = (p.strings(), p.theme());
    let tied = p.tied(question);
    let mut main = main;
    let tie = tied.then(|| {
        let max = usize::from(main.width.saturating_sub(2));
        let mut lines = wrap_plain(s.workshop_tied, t.dim, max);
        lines.truncate(2);
        let h = (lines.len() as u16 + 1).min(main.height / 2);
        main.height -= h;
        let at = Rect::new(main.x, main.bottom() + 1, main.width, h.saturating_sub(1));
        (at, lines)
    });
    let (area, listing) = fitted(p, question, main, density);
    Placed { area, listing, tie }
}

/// The listing that fits best (spaced answers when they fit, else close together) and the
/// area it is drawn in: a short listing sits a little down from the top, like a slide.
fn fitted(p: &Presenter, question: usize, main: Rect, density: Density) -> (Rect, Listing) {
    // Two columns stay free on the right for the "more above" mark.
    let max = usize::from(main.width.saturating_sub(2));
    let spaced = listing(p, question, max, true);
    let listing = if spaced.lines.len() <= usize::from(main.height) {
        spaced
    } else {
        listing(p, question, max, false)
    };
    let spare = usize::from(main.height).saturating_sub(listing.lines.len());
    let top = match density {
        Density::Tiny => 0,
        _ => (spare / 4).min(4) as u16,
    };
    let area = Rect::new(main.x, main.y + top, main.width, main.height - top);
    (area, listing)
}

fn offset(p: &Presenter, listing: &Listing, height: usize) -> usize {
    offset_for_selected(&listing.answers, p.cursor(), height)
}

/// Draws the question.
pub fn render(p: &Presenter, question: usize, areas: &Areas, buf: &mut Buffer) {
    let t = p.theme();
    let (main, pane) = split(p, question, areas);
    let Placed { area, listing, tie } = place(p, question, main, areas.density);
    if let Some((at, lines)) = tie {
        draw_lines(&lines, 0, at, buf);
    }
    // The side pane's text starts level with the question.
    let top = area.y - main.y;
    let main = area;
    let height = usize::from(main.height);
    let offset = offset(p, &listing, height);
    draw_lines(&listing.lines, offset, main, buf);
    if !main.is_empty() {
        let mark_x = main.right().saturating_sub(1);
        if offset > 0 {
            buf.set_string(mark_x, main.y, "↑", t.dim);
        }
        if offset + height < listing.lines.len() {
            buf.set_string(mark_x, main.bottom() - 1, "↓", t.dim);
        }
    }
    match pane {
        Some(Pane::Side(side)) => side_pane(p, question, side, top, buf),
        Some(Pane::Below(below)) => pane_below(p, question, below, buf),
        None => {}
    }
}

fn side_pane(p: &Presenter, question: usize, side: Rect, top: u16, buf: &mut Buffer) {
    let (s, t) = (p.strings(), p.theme());
    for y in side.y..side.bottom() {
        buf.set_string(side.x, y, "│", t.rule);
    }
    let inner = Rect::new(
        side.x + 3,
        side.y + top,
        side.width.saturating_sub(3),
        side.height - top,
    );
    let max = usize::from(inner.width);
    let mut lines = wrap_plain(s.workshop_notes_title, t.heading, max);
    lines.push(Line::default());
    lines.extend(notes_lines(p, question, max));
    draw_lines(&lines, 0, inner, buf);
}

fn pane_below(p: &Presenter, question: usize, below: Rect, buf: &mut Buffer) {
    let (s, t) = (p.strings(), p.theme());
    let room = usize::from(below.width);
    let title = truncate(s.workshop_notes_title, room.saturating_sub(4));
    let rule = format!(
        "── {title} {}",
        "─".repeat(room.saturating_sub(width(&title) + 4))
    );
    buf.set_string(below.x, below.y, truncate(&rule, room), t.rule);
    buf.set_string(below.x + 3, below.y, &title, t.heading);
    let text = Rect::new(
        below.x,
        below.y + 1,
        below.width,
        below.height.saturating_sub(1),
    );
    let lines = notes_lines(p, question, room.saturating_sub(2));
    draw_lines(&lines, 0, text, buf);
    if lines.len() > usize::from(text.height) && !text.is_empty() {
        buf.set_string(text.right() - 1, text.bottom() - 1, "↓", t.dim);
    }
}

/// The answer under a click, if any.
pub fn hit(p: &Presenter, question: usize, areas: &Areas, column: u16, row: u16) -> Option<usize> {
    let (main, _) = split(p, question, areas);
    if column < main.x || column >= main.right() || row < main.y || row >= main.bottom() {
        return None;
    }
    let Placed {
        area: main,
        listing,
        ..
    } = place(p, question, main, areas.density);
    if row < main.y || row >= main.bottom() {
        return None;
    }
    let line = offset(p, &listing, usize::from(main.height)) + usize::from(row - main.y);
    listing.answers.iter().position(|r| r.contains(&line))
}

#[cfg(test)]
mod tests {
    use super::bar;

    #[test]
    fn bars_scale_to_the_most_hands_and_never_vanish() {
        assert_eq!(bar(4, 4, 3), "███");
        assert_eq!(bar(1, 4, 2), "▌");
        assert_eq!(bar(1, 1000, 2), "▏");
        assert_eq!(bar(0, 4, 3), "");
    }
}
