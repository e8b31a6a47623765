//! Where things are on workshop mode's screens: pure layout from the presenter's state, shared
//! by the views that paint it and the presenter that hit-tests and scrolls with it.
//!
//! A question as the room sees it: the section and the question pinned at the top, the answers
//! under them as a numbered list with the raised hands beside each (a number and a bar) and the
//! group's note, scrolling when they do not fit; the calm note when the most hands are tied,
//! pinned to the bottom; and the facilitator notes in a pane beside (wide windows) or below,
//! which the facilitator hides while projecting.

use crate::tui::look::Looks;
use std::ops::Range;

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::clock::minutes_seconds;
use super::comparison::Comparison;
use super::follower::Follower;
use super::keymap;
use super::large::Large;
use super::presenter::Presenter;
use super::view::chart::{self, Bar};
use crate::engine::session::count::Count;
use crate::locale::fill;
use crate::report::doc::{Block, Doc};
use crate::tui::document::{
    self, content_width, contents_hit, page_geometry, DocumentGeometry, Page,
};
use crate::tui::layout::{
    areas, beside, column, help_box as laid_help, rows, why_box as laid_why, Areas, Density,
    Pinned, TextBox,
};
use crate::tui::player::layout::question::AnswerItem;
use crate::tui::text::{pad, width, wrap, wrap_plain};

/// Widest the question column gets (below the projector layout).
const MAIN: u16 = 96;
/// The smallest window the projector layout is used in: the question and the countdown in
/// large type, the answers across the whole width.
pub const PROJECTOR: (u16, u16) = (120, 35);
/// Widest the question and the side pane get together.
const GROUP: u16 = 144;

/// Eighths of a cell, for the end of a bar.
const EIGHTHS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

/// A bar `cells` wide at most, for `n` out of `most`.
pub fn bar(n: usize, most: usize, cells: usize) -> String {
    if n == 0 || most == 0 || cells == 0 {
        return String::new();
    }
    let eighths = (n * cells * 8 / most).max(1);
    let mut out = "█".repeat(eighths / 8);
    out.push_str(EIGHTHS[eighths % 8]);
    out
}

/// Where the facilitator notes pane sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// Beside the question.
    Side(Rect),
    /// Below it.
    Below(Rect),
}

/// A question laid out for the room.
pub struct Question {
    /// The question and its answers with hands.
    pub listing: Pinned,
    /// The tie note and where it goes, when the most hands are tied.
    pub tie: Option<(Rect, Vec<Line<'static>>)>,
    /// The facilitator notes pane, when it is shown.
    pub pane: Option<Pane>,
    /// Rows between the top of the column and the question (a short listing sits a little
    /// down, like a slide); the side pane's text starts level with the question.
    pub top: u16,
    /// The question in large type and where it goes (the projector layout).
    pub large: Option<(Large, Rect)>,
    /// The countdown in large type, where it goes, and whether the time is up.
    pub timer: Option<(Large, Rect, bool)>,
}

/// True when the window is large enough for the projector layout. With a room open the
/// presenter is drawn under the room's line, one row less than the window: the window's size
/// is what counts.
pub fn projector(p: &Presenter) -> bool {
    let (w, h) = p.size();
    let window = h.saturating_add(u16::from(p.is_serving()));
    w >= PROJECTOR.0 && window >= PROJECTOR.1
}

/// The question's head: the note while an answer is being changed, the section in capitals,
/// the question (or, when it is set in large type, the rows it takes, left blank).
fn head(p: &Presenter, question: usize, max: usize, large: Option<&Large>) -> Vec<Line<'static>> {
    let (w, t) = (p.words(), p.theme());
    let q = &p.guide().questions[question];
    let mut lines = Vec::new();
    if p.player().walk().editing() {
        lines.extend(wrap_plain(w.player.editing_note, t.dim, max));
        lines.push(Line::default());
    }
    if !q.section.is_empty() {
        lines.extend(wrap_plain(&q.section.to_uppercase(), t.heading, max));
    }
    match large {
        Some(large) => {
            lines.extend((0..large.height()).map(|_| Line::default()));
        }
        None => lines.extend(wrap_plain(&q.text, t.question, max)),
    }
    lines.push(Line::default());
    lines
}

/// The answers with their hands, and the group's note after them; which lines each answer
/// takes.
fn answers(
    p: &Presenter,
    question: usize,
    max: usize,
    gap: usize,
) -> (Vec<Line<'static>>, Vec<Range<usize>>) {
    let (w, t) = (p.words(), p.theme());
    let q = &p.guide().questions[question];
    // What is drawn comes from the counts the recording rule reads: the bar is an answer's
    // total (every source added up) as a share of the most. Its hands are the number; remote
    // votes sit beside them while a room is open (or once any came in), from the same `Count`.
    let counts = p.counts(question);
    let as_count = |n: u32| usize::try_from(n).unwrap_or(usize::MAX);
    let count_of =
        |a: usize, source: fn(&Count) -> u32| counts.get(a).map_or(0, |c| as_count(source(c)));
    let hands: Vec<usize> = (0..q.answers.len())
        .map(|a| count_of(a, |c| c.hands))
        .collect();
    let online: Vec<usize> = (0..q.answers.len())
        .map(|a| count_of(a, |c| c.online))
        .collect();
    let totals: Vec<usize> = (0..q.answers.len())
        .map(|a| count_of(a, Count::total))
        .collect();
    let show_online = p.is_serving() || online.iter().any(|&n| n > 0);
    let most = totals.iter().copied().max().unwrap_or(0);
    let bar_w = match (max, show_online) {
        (110.., _) => max / 3,
        (72.., false) => 24,
        (56..=71, false) => 16,
        (44..=55, false) => 10,
        (_, false) => 6,
        (88.., true) => 16,
        (64..=87, true) => 8,
        (_, true) => 4,
    };
    let online_text = |i: usize| {
        let words = &w.room;
        if max >= 64 {
            let after = if hands[i] == 1 {
                words.hands_online.one
            } else {
                words.hands_online.other
            };
            fill(after, &[("online", &online[i])])
        } else {
            format!("· {}", fill(words.online, &[("n", &online[i])]))
        }
    };
    let online_w = if show_online {
        (0..q.answers.len())
            .map(|i| width(&online_text(i)))
            .max()
            .unwrap_or(0)
    } else {
        0
    };
    let count_w = hands
        .iter()
        .copied()
        .max()
        .unwrap_or(0)
        .to_string()
        .len()
        .max(2);
    let tally_w = count_w + 1 + bar_w + if show_online { online_w + 2 } else { 0 };
    let label_max = max.saturating_sub(tally_w + 2).max(8);
    // Only the answers offered to this group are listed, numbered as shown; the marker is an
    // answer's position in the guide.
    let shown = p.player().walk().visible_answers(question);
    let number_w = shown.len().to_string().len();
    let given = p.player().walk().prefilled(question);
    let standing = p.standing(question);
    let mut lines = Vec::new();
    let mut items = Vec::with_capacity(shown.len());
    for (n, &i) in shown.iter().enumerate() {
        let answer = &q.answers[i];
        if n > 0 {
            lines.extend((0..gap).map(|_| Line::default()));
        }
        let mut item = AnswerItem {
            number: n + 1,
            number_w,
            label: &answer.label,
            tag: (given == Some(i)).then_some(w.workshop.workshop_group_answer),
            cursor: p.cursor() == i,
            chosen: p.cursor() == i,
        }
        .lines(t, label_max);
        if let Some(line) = item.first_mut() {
            pad(line, label_max + 1, t.text);
            // The group's choice is the count: the answer with the most (hands and remote votes
            // together) stands out, wherever the marker is; a count of none is dim.
            let tally_style = |count| {
                if standing.leads(i) {
                    t.title
                } else if count > 0 {
                    t.question
                } else {
                    t.dim
                }
            };
            let count_style = tally_style(hands[i]);
            // The number, then a space before the bar; the online votes bring their own.
            let tally_w = count_w + 2;
            let count = if show_online {
                format!("{:>tally_w$}", hands[i])
            } else {
                format!("{:>tally_w$}", format!("{} ", hands[i]))
            };
            line.spans.push(Span::styled(count, count_style));
            if show_online {
                let text = online_text(i);
                line.spans.push(Span::styled(
                    format!(" {text:<online_w$} "),
                    tally_style(online[i]),
                ));
            }
            line.spans
                .push(Span::styled(bar(totals[i], most, bar_w), t.marker));
        }
        items.push(lines.len()..lines.len() + item.len());
        lines.extend(item);
    }

    if let Some(note) = p.record().notes.get(&q.id) {
        lines.push(Line::default());
        let label = format!("{}: ", w.workshop.workshop_note);
        let indent = " ".repeat(width(&label));
        lines.extend(wrap(
            &[Span::styled(note.as_str(), t.text)],
            max,
            &[Span::styled(label, t.heading)],
            &[Span::raw(indent)],
        ));
    }
    // What the group said with an earlier version of the guide, which this one cannot show as
    // an answer: said in words, never recorded again without asking.
    if let Some(earlier) = p
        .record()
        .earlier(p.guide())
        .into_iter()
        .find(|e| e.in_guide && e.question == q.id)
    {
        let f = &w.facilitator;
        lines.push(Line::default());
        // The answer, the hands, the remote votes: each said in a dim line when there is one.
        let said = [
            earlier.answer.as_ref().map(|answer| {
                let answer = fill(f.quote, &[("text", answer)]);
                fill(f.before, &[("answer", &answer)])
            }),
            (!earlier.hands.is_empty())
                .then(|| fill(f.before_hands, &[("hands", &hands_text(p, &earlier.hands))])),
            (!earlier.online.is_empty()).then(|| {
                fill(
                    f.before_online,
                    &[("votes", &hands_text(p, &earlier.online))],
                )
            }),
        ];
        for text in said.into_iter().flatten() {
            lines.extend(wrap_plain(&text, t.dim, max));
        }
    }
    (lines, items)
}

/// The facilitator notes of a question as lines.
pub fn notes_lines(p: &Presenter, question: usize, max: usize) -> Vec<Line<'static>> {
    let (w, t) = (p.words(), p.theme());
    let notes = p.walk().notes(question);
    if notes.is_empty() {
        wrap_plain(w.workshop.workshop_no_notes, t.dim, max)
    } else {
        wrap_plain(&notes, t.text, max)
    }
}

/// The question column and the notes pane, if shown. The projector layout uses the whole
/// width.
fn split(p: &Presenter, question: usize, areas: &Areas) -> (Rect, Option<Pane>) {
    let body = areas.body;
    let (main_w, group_w) = if projector(p) {
        (body.width, body.width)
    } else {
        (MAIN, GROUP)
    };
    if !p.notes_pane() {
        return (column(body, main_w), None);
    }
    if areas.density == Density::Full {
        let (main, side) = beside(body, main_w, group_w, (28, 48));
        return (main, Some(Pane::Side(side)));
    }
    if body.height < 9 {
        return (column(body, MAIN), None);
    }
    let wanted = rows(1 + notes_lines(p, question, usize::from(body.width)).len());
    let room = (body.height / 3).max(3);
    let h = wanted.min(room);
    let below = Rect::new(body.x, body.bottom() - h, body.width, h);
    let above = Rect::new(body.x, body.y, body.width, body.height - h - 1);
    (column(above, MAIN), Some(Pane::Below(below)))
}

/// The countdown in large type at the top right of the column, when one runs (projector
/// layout): its text, where it goes, and whether the time is up.
fn timer(p: &Presenter, main: Rect) -> Option<(Large, Rect, bool)> {
    let countdown = p.countdown()?;
    let seconds = countdown.shown_seconds(p.now());
    let large = Large::fit(&minutes_seconds(seconds), main.width / 3, 4)?;
    let (w, h) = (large.width(), large.height() + 1);
    let at = Rect::new(main.right().saturating_sub(w), main.y, w, h);
    Some((large, at, seconds == 0))
}

/// Lays out a question: spaced answers when everything fits, else close together; the tie
/// note at the bottom of the column when the most hands are tied. In the projector layout the
/// question is set in large type (and the countdown beside it), when it fits in two fifths of
/// the column.
pub fn question(p: &Presenter, question: usize, areas: &Areas) -> Question {
    let (mut main, pane) = split(p, question, areas);
    let t = p.theme();
    let tie = p.tie_text(question).map(|text| {
        let max = usize::from(main.width.saturating_sub(2));
        let mut lines = wrap_plain(&text, t.dim, max);
        lines.truncate(4);
        let h = (rows(lines.len()) + 1).min(main.height / 2);
        main.height -= h;
        let at = Rect::new(main.x, main.bottom() + 1, main.width, h.saturating_sub(1));
        (at, lines)
    });
    // Two columns stay free on the right for the "more" marks.
    let max = usize::from(main.width.saturating_sub(2));
    let timer = projector(p).then(|| timer(p, main)).flatten();
    let large = projector(p)
        .then(|| {
            let beside_timer = timer.as_ref().map_or(0, |(_, at, _)| at.width + 4);
            let text = &p.guide().questions[question].text;
            Large::fit(
                text,
                main.width.saturating_sub(beside_timer + 2),
                main.height * 2 / 5,
            )
        })
        .flatten();
    let mut head = head(p, question, max, large.as_ref());
    // As much room between the answers as the column has: three blank lines on a projector,
    // one in a window, none when even that does not fit.
    let gaps: &[usize] = if projector(p) { &[3, 2, 1, 0] } else { &[1, 0] };
    let room = usize::from(main.height);
    let (mut lines, mut items) = (Vec::new(), Vec::new());
    for &gap in gaps {
        (lines, items) = answers(p, question, max, gap);
        if head.len() + lines.len() <= room {
            break;
        }
    }
    // Large type only where everything fits: a cut head would cut through it.
    let large = match large {
        Some(large) if head.len() + lines.len() <= usize::from(main.height) => Some(large),
        Some(_) => {
            head = self::head(p, question, max, None);
            None
        }
        None => None,
    };
    let spare = usize::from(main.height).saturating_sub(head.len() + lines.len());
    let top = match areas.density {
        Density::Tiny => 0,
        _ => rows((spare / 4).min(4)),
    };
    let column = Rect::new(main.x, main.y + top, main.width, main.height - top);
    let shown_cursor = p
        .player()
        .walk()
        .visible_answers(question)
        .iter()
        .position(|&a| a == p.cursor())
        .unwrap_or(0);
    // The rows of the head above the large type: the editing note, the section.
    let above = rows(
        head.len()
            .saturating_sub(usize::from(large.as_ref().map_or(0, Large::height)) + 1),
    );
    let listing = Pinned::place(head, lines, items, shown_cursor, column);
    let large = large.map(|large| {
        let at = Rect::new(
            listing.head_area.x,
            listing.head_area.y + above,
            listing.head_area.width,
            large.height(),
        );
        (large, at)
    });
    Question {
        listing,
        tie,
        pane,
        top,
        large,
        timer,
    }
}

/// The answer under a click on the question screen, if any, as its position in the guide.
pub fn answer_at(p: &Presenter, area: Rect, column: u16, row: u16) -> Option<usize> {
    let areas = areas(area)?;
    let q = p
        .asked()
        .filter(|_| matches!(p.screen(), crate::tui::player::app::Screen::Question { .. }))?;
    let n = question(p, q, &areas).listing.hit(column, row)?;
    p.player().walk().visible_answers(q).get(n).copied()
}

/// The help laid out: the keys of the screen below (the workshop's, then the player's), what
/// `›` marks on a question, and that everything is saved.
pub fn help_box(p: &Presenter, area: Rect) -> TextBox {
    let w = p.words();
    let context = p.screen_context();
    let keys = keymap::help(context, w);
    let on_question = [w.workshop.help_workshop_choice, w.workshop.help_autosave];
    let remarks = if context == keymap::Context::Question {
        &on_question[..]
    } else {
        &on_question[1..]
    };
    laid_help(area, p.theme(), &[keys], remarks)
}

/// Why the question being asked is asked, for this group ("" when none is).
pub fn why_text(p: &Presenter) -> String {
    p.asked().map_or(String::new(), |q| p.walk().why(q))
}

/// What the session recorded that this version of the guide no longer asks, laid out in a box:
/// each question's text as last seen, then what the group said about it.
pub fn earlier_box(p: &Presenter, area: Rect) -> TextBox {
    let (w, t) = (p.words(), p.theme());
    let f = &w.facilitator;
    let earlier = p.record().earlier(p.guide());
    TextBox::new(area, laid_help_width(), |max| {
        let mut lines = wrap_plain(f.earlier_intro, t.dim, max);
        let indent = [Span::raw("   ")];
        for item in &earlier {
            lines.push(Line::default());
            lines.extend(wrap_plain(&item.text, t.question, max));
            let mut said = Vec::new();
            if let Some(answer) = &item.answer {
                let answer = fill(f.quote, &[("text", answer)]);
                said.push(fill(f.earlier_answer, &[("answer", &answer)]));
            }
            if !item.hands.is_empty() {
                let hands = hands_text(p, &item.hands);
                said.push(fill(f.earlier_hands, &[("hands", &hands)]));
            }
            if !item.online.is_empty() {
                let votes = hands_text(p, &item.online);
                said.push(fill(f.earlier_online, &[("votes", &votes)]));
            }
            if let Some(note) = &item.note {
                said.push(fill(f.earlier_note, &[("note", note)]));
            }
            if item.seconds >= 60 {
                said.push(fill(
                    f.earlier_minutes,
                    &[("minutes", &(item.seconds / 60))],
                ));
            }
            if item.in_guide {
                said.push(f.earlier_still_asked.to_string());
            }
            for line in said {
                lines.extend(wrap(&[Span::styled(line, t.text)], max, &indent, &indent));
            }
        }
        lines
    })
}

/// Counts (hands, or remote votes) as a sentence lists them: `“A” 3 · “B” 2`.
pub fn hands_text(p: &Presenter, hands: &[(String, u32)]) -> String {
    let f = &p.words().facilitator;
    hands
        .iter()
        .map(|(label, n)| format!("{} {n}", fill(f.quote, &[("text", label)])))
        .collect::<Vec<_>>()
        .join(" · ")
}

fn laid_help_width() -> u16 {
    crate::tui::layout::HELP_WIDTH
}

/// The "why we ask" overlay laid out.
pub fn why_box(p: &Presenter, area: Rect) -> TextBox {
    laid_why(area, p.theme(), &why_text(p), p.words().common.why_missing)
}

// The report viewer.

/// The viewer's page: the document's title, the chart of outcomes across groups as a section of
/// its own, then the rest of the document.
pub fn comparison_page(c: &Comparison, max: usize) -> Page {
    let (w, t) = (c.words(), c.theme());
    let doc = c.doc();
    if doc.blocks.is_empty() {
        return Page::note(w.workshop.comparison_empty, t.dim, max);
    }
    if !c.has_chart() {
        return document::layout(doc, None, t, max);
    }
    let cut = doc
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Heading { level: 2, .. }))
        .unwrap_or(doc.blocks.len());
    let head = Doc {
        blocks: doc.blocks[..cut].to_vec(),
    };
    let rest = Doc {
        blocks: doc.blocks[cut..].to_vec(),
    };
    let mut page = document::layout(&head, None, t, max);
    let mut bars: Vec<Bar<'_>> = c
        .outcomes()
        .iter()
        .map(|o| Bar {
            label: &o.title,
            count: o.groups,
            style: t.marker,
        })
        .collect();
    if c.unfinished() > 0 {
        bars.push(Bar {
            label: w.workshop.chart_unfinished,
            count: c.unfinished(),
            style: t.dim,
        });
    }
    page.push_section(
        w.workshop.chart_title,
        chart::lines(&bars, t.text, max),
        t,
        max,
    );
    page.append(document::layout(&rest, None, t, max));
    page
}

/// Lines, rows and sections of the viewer's page; `None` when the window is too small.
pub fn comparison_geometry(c: &Comparison, area: Rect) -> Option<DocumentGeometry> {
    let areas = areas(area)?;
    let page = comparison_page(c, content_width(areas.body, areas.density));
    Some(page_geometry(&page, areas.body, areas.density))
}

/// The section of the contents under a click, if any.
pub fn section_at(c: &Comparison, area: Rect, column: u16, row: u16) -> Option<usize> {
    let areas = areas(area)?;
    let page = comparison_page(c, content_width(areas.body, areas.density));
    contents_hit(
        &page,
        c.reading().section,
        c.theme(),
        areas.body,
        areas.density,
        column,
        row,
    )
}

/// Lines, rows and sections of the facilitator's view; `None` when the window is too small.
pub fn follower_geometry(f: &Follower, area: Rect) -> Option<DocumentGeometry> {
    let areas = areas(area)?;
    let page = follower_page(f, content_width(areas.body, areas.density));
    Some(page_geometry(&page, areas.body, areas.density))
}

/// The facilitator's view as a page.
pub fn follower_page(f: &Follower, max: usize) -> Page {
    document::layout(&f.doc(), None, f.theme(), max)
}

/// The viewer's help laid out.
pub fn comparison_help(c: &Comparison, area: Rect) -> TextBox {
    let keys = keymap::help(keymap::Context::Comparison, c.words());
    laid_help(area, c.theme(), &[keys], &[])
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
