//! Painting a participant's screen: a pure function of their state, in the frame every view
//! shares (header, rule, body, footer with the keys), degrading with the window like the
//! others do.
//!
//! - the name screen: the name being typed, what it is for, why a name was refused;
//! - the language screen: the guide's languages, numbered;
//! - waiting (the intro, the review): one calm sentence;
//! - a question: the question pinned at the top, the answers numbered as the presenter shows
//!   them, the participant's vote reversed and `›` where Enter would vote, the group's earlier
//!   answer tagged; under them, their vote and until when it can change;
//! - the result: the outcome the group reached, what it is, who it fits, what it gives and
//!   what it costs, scrolling.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use super::keymap::{self, Context};
use super::{Notice, Overlay, Participant, Phase};
use crate::engine::shown;
use crate::guide::item::join;
use crate::locale::{fill, words, Words};
use crate::room::ballot::Refusal;
use crate::room::Stage;
use crate::tui::layout::{self, areas, column, help_box, why_box, Pinned, TextBox};
use crate::tui::paint::{
    draw_lines, frame, help, hinted_footer, more_marks, pinned, scrollbar, why,
};
use crate::tui::player::layout::question::{answer_list, AnswerItem};
use crate::tui::player::view::header;
use crate::tui::text::{wrap, wrap_plain};

/// Widest the text column gets.
const COLUMN: u16 = 84;

/// Draws the participant into `area` of a buffer.
pub fn render(p: &Participant, area: Rect, buf: &mut Buffer) {
    let (w, t) = (p.words(), p.theme());
    let Some((area, areas)) = frame(area, w, t, buf) else {
        return;
    };
    let right = if p.joined() {
        fill(w.room.you, &[("name", &p.name())])
    } else {
        String::new()
    };
    header(&p.guide().title, &right, &areas, t, buf);
    let body = column(areas.body, COLUMN);
    match screen_context(p) {
        Context::Name => name_screen(p, body, buf),
        Context::Language => language_screen(p, body, buf),
        Context::Question => question_screen(p, body, buf),
        Context::Result => result_screen(p, body, buf),
        Context::Waiting | Context::Overlay => waiting_screen(p, body, buf),
    }
    let message = p.notice().map(|n| (notice_text(n, w), t.error));
    hinted_footer(message, || keymap::hints(p.context(), w), &areas, t, buf);
    for layer in p.layers().iter() {
        match layer.kind {
            Overlay::Help => help(&help_layout(p, area), w, t, layer.scroll, buf),
            Overlay::Why => why(&why_layout(p, area), w, t, layer.scroll, buf),
        }
    }
}

/// The context of the screen under the boxes.
fn screen_context(p: &Participant) -> Context {
    match (p.phase(), p.stage()) {
        (Phase::Name { .. }, _) => Context::Name,
        (Phase::Language, _) => Context::Language,
        (Phase::Room, Stage::Question { .. }) => Context::Question,
        (Phase::Room, Stage::Result { .. }) => Context::Result,
        (Phase::Room, _) => Context::Waiting,
    }
}

/// What a notice says.
pub fn notice_text(notice: Notice, w: &Words) -> &'static str {
    match notice {
        Notice::Refused(Refusal::Empty) => w.room.name_empty,
        Notice::Refused(Refusal::Taken) => w.room.name_taken,
        Notice::Refused(Refusal::TooMany) => w.room.name_too_many,
        Notice::Refused(Refusal::Full) => w.room.room_full,
        Notice::Late => w.room.vote_late,
    }
}

fn name_screen(p: &Participant, body: Rect, buf: &mut Buffer) {
    let (w, t) = (p.words(), p.theme());
    let max = usize::from(body.width);
    let Phase::Name { typed, .. } = p.phase() else {
        return;
    };
    let mut lines = wrap_plain(w.room.name_title, t.heading, max);
    lines.push(Line::default());
    let typed: String = typed.iter().collect();
    lines.push(Line::from(vec![
        Span::styled(w.room.name_prompt, t.question),
        Span::styled(typed, t.question),
        Span::styled(" ", t.text.add_modifier(Modifier::REVERSED)),
    ]));
    lines.push(Line::default());
    lines.extend(wrap_plain(w.room.name_note, t.dim, max));
    draw_lines(&lines, 0, body, buf);
}

fn language_screen(p: &Participant, body: Rect, buf: &mut Buffer) {
    let (w, t) = (p.words(), p.theme());
    let max = usize::from(body.width);
    let mut lines = wrap_plain(w.room.language_title, t.heading, max);
    lines.push(Line::default());
    let count = p.languages().len();
    let number_w = count.to_string().len();
    for n in 0..count {
        let name = language_name(p.languages().tag(n));
        let item = AnswerItem {
            number: n + 1,
            number_w,
            label: name,
            tag: None,
            cursor: n == p.language_cursor(),
            chosen: n == p.language_cursor(),
        };
        lines.extend(item.lines(t, max));
    }
    draw_lines(&lines, 0, body, buf);
}

/// A language's name in itself, as the app's words for it say; the tag for a language the app
/// has no words in.
fn language_name(tag: &str) -> &str {
    let w = words(tag);
    let primary = tag.split('-').next().unwrap_or(tag);
    if w.room.tag == primary {
        w.room.language_name
    } else {
        tag
    }
}

fn waiting_screen(p: &Participant, body: Rect, buf: &mut Buffer) {
    let (w, t) = (p.words(), p.theme());
    let max = usize::from(body.width);
    let said = match p.stage() {
        Stage::Review => w.room.reviewing,
        _ => w.room.waiting,
    };
    let mut lines = wrap_plain(&p.guide().title, t.question, max);
    lines.push(Line::default());
    lines.extend(wrap_plain(said, t.dim, max));
    let top = layout::rows(usize::from(body.height).saturating_sub(lines.len()) / 3);
    let area = Rect::new(body.x, body.y + top, body.width, body.height - top);
    draw_lines(&lines, 0, area, buf);
}

/// A question laid out: the listing, and the line under it saying where the vote stands.
fn question_layout(p: &Participant, body: Rect) -> Option<(Pinned, Rect, Vec<Line<'static>>)> {
    let Stage::Question {
        question,
        shown,
        recorded,
        ..
    } = p.stage()
    else {
        return None;
    };
    let (w, t) = (p.words(), p.theme());
    let q = p.guide().questions.get(*question)?;
    let max = usize::from(body.width.saturating_sub(2));
    let mine = p.vote_on(*question);
    let status = match mine.and_then(|a| shown.iter().position(|&s| s == a)) {
        Some(n) => fill(w.room.your_vote, &[("number", &(n + 1))]),
        None => w.room.no_vote.to_string(),
    };
    let mut status_lines = wrap_plain(&status, if mine.is_some() { t.status } else { t.dim }, max);
    status_lines.truncate(2);
    let status_h = layout::rows(status_lines.len() + 1).min(body.height / 3);
    let listing_area = Rect::new(body.x, body.y, body.width, body.height - status_h);
    let status_area = Rect::new(
        body.x,
        listing_area.bottom() + 1,
        body.width,
        status_h.saturating_sub(1),
    );

    let mut head = Vec::new();
    if !q.section.is_empty() {
        head.extend(wrap_plain(&q.section, t.heading, max));
    }
    head.extend(wrap_plain(&q.text, t.question, max));
    head.push(Line::default());
    let spaced = body.height >= 20;
    let (lines, items) = answer_list(q, shown, t, max, spaced, |a, item| AnswerItem {
        tag: (*recorded == Some(a)).then_some(w.room.group_answer),
        cursor: p.cursor() == a,
        chosen: mine == Some(a),
        ..item
    });
    let at = shown.iter().position(|&a| a == p.cursor()).unwrap_or(0);
    let listing = Pinned::place(head, lines, items, at, listing_area);
    Some((listing, status_area, status_lines))
}

fn question_screen(p: &Participant, body: Rect, buf: &mut Buffer) {
    if let Some((listing, status_area, status)) = question_layout(p, body) {
        pinned(&listing, p.theme(), buf);
        draw_lines(&status, 0, status_area, buf);
    }
}

/// The result's lines at `max` columns: the heading, the outcome, what it is, who it fits,
/// what it gives and costs.
fn result_lines(p: &Participant, max: usize) -> Vec<Line<'static>> {
    let (w, t) = (p.words(), p.theme());
    let Stage::Result { outcome, texts } = p.stage() else {
        return Vec::new();
    };
    let Some(o) = p.guide().outcomes.get(*outcome) else {
        return Vec::new();
    };
    let mut lines = wrap_plain(w.room.result_title, t.heading, max);
    lines.push(Line::default());
    lines.extend(wrap_plain(&o.title, t.question, max));
    // Only the texts the group is shown, as the presenter's result composed them.
    for (paragraphs, shown) in [(&o.summary, &texts.summary), (&o.fits, &texts.fits)] {
        let text = join(shown::texts(paragraphs.items(), shown).into_iter());
        if !text.is_empty() {
            lines.push(Line::default());
            lines.extend(wrap_plain(&text, t.text, max));
        }
    }
    for (heading, items, shown) in [
        (w.report.pros, &o.pros, &texts.pros),
        (w.report.cons, &o.cons, &texts.cons),
    ] {
        let items = shown::texts(items, shown);
        if items.is_empty() {
            continue;
        }
        lines.push(Line::default());
        lines.extend(wrap_plain(heading, t.heading, max));
        for item in items {
            lines.extend(wrap(
                &[Span::styled(item.to_string(), t.text)],
                max,
                &[Span::styled("• ", t.marker)],
                &[Span::raw("  ")],
            ));
        }
    }
    lines
}

/// The result's area (text, scrollbar) in the body.
fn result_areas(body: Rect) -> (Rect, Rect) {
    let text = Rect::new(body.x, body.y, body.width.saturating_sub(2), body.height);
    let bar = Rect::new(body.right().saturating_sub(1), body.y, 1, body.height);
    (text, bar)
}

/// Lines of the result and the rows it gets, at the participant's size.
pub fn result_geometry(p: &Participant) -> (usize, usize) {
    let Some(a) = areas(layout::window(p.size())) else {
        return (0, 0);
    };
    let (text, _) = result_areas(column(a.body, COLUMN));
    let total = result_lines(p, usize::from(text.width)).len();
    (total, usize::from(text.height))
}

fn result_screen(p: &Participant, body: Rect, buf: &mut Buffer) {
    let (text, bar) = result_areas(body);
    let lines = result_lines(p, usize::from(text.width));
    let offset = p
        .scroll()
        .min(lines.len().saturating_sub(usize::from(text.height)));
    draw_lines(&lines, offset, text, buf);
    scrollbar(lines.len(), offset, bar, p.theme().rule, buf);
    let below = offset + usize::from(text.height) < lines.len();
    more_marks(offset > 0, below, text, p.theme(), buf);
}

fn help_layout(p: &Participant, area: Rect) -> TextBox {
    let w = p.words();
    let keys = keymap::help(screen_context(p), w);
    help_box(area, p.theme(), &[keys], &[])
}

/// "Why we ask" for the question being asked: the paragraphs the walk shows this group.
fn why_layout(p: &Participant, area: Rect) -> TextBox {
    let why = match p.stage() {
        Stage::Question { question, why, .. } => p
            .guide()
            .questions
            .get(*question)
            .map(|q| join(shown::texts(q.why.items(), why).into_iter()))
            .unwrap_or_default(),
        _ => String::new(),
    };
    why_box(area, p.theme(), &why, p.words().common.why_missing)
}

/// Lines and rows of the box on top, at the participant's size.
pub fn overlay_geometry(p: &Participant) -> (usize, usize) {
    let area = layout::window(p.size());
    match p.layers().top().map(|l| l.kind) {
        Some(Overlay::Help) => help_layout(p, area).geometry(),
        Some(Overlay::Why) => why_layout(p, area).geometry(),
        None => (0, 0),
    }
}
