//! Workshop mode's views: pure functions from the presenter's or the comparison's state to a
//! frame. Nothing here changes state.
//!
//! The chrome is the player's (the same regions, densities, footer hints from the keymap and
//! "make the window larger" screen), and so are the intro, the review and the result, drawn by the
//! player's own views from the player inside the presenter. What is drawn here: the question as
//! the room sees it (with hands), the facilitator notes, the note input, the countdown in the
//! header's corner, and the comparison with its chart.

mod chart;
pub mod comparison;
mod note;
mod question;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::Frame;

use super::clock::minutes_seconds;
use super::presenter::{Layer, Presenter};
use crate::tui::app::{Screen, Status};
use crate::tui::keymap::Context;
use crate::tui::strings::fill;
use crate::tui::theme::Theme;
use crate::tui::view::overlay::{self, HelpPage};
use crate::tui::view::text::{truncate, width, wrap_plain};
use crate::tui::view::{self as player_view, draw_lines, Areas};

/// Draws the presenter into a frame.
pub fn render(p: &Presenter, frame: &mut Frame) {
    let area = frame.area();
    render_into(p, area, frame.buffer_mut());
}

/// Draws the presenter into a buffer area (what [`render`] does, usable without a terminal).
pub fn render_into(p: &Presenter, area: Rect, buf: &mut Buffer) {
    let (s, t) = (p.strings(), p.theme());
    let Some(area) = player_view::canvas(area, t, buf) else {
        return;
    };
    let Some(areas) = player_view::areas(area) else {
        player_view::too_small(s, t, area, buf);
        return;
    };
    rule(&areas, t, buf);
    let right = match p.screen() {
        Screen::Question { question, .. } => {
            question::render(p, question, &areas, buf);
            player_view::progress(p.player(), areas.density, usize::from(areas.header.width))
        }
        _ => player_view::render_body(p.player(), &areas, buf),
    };
    header(p, &areas, &right, buf);
    // A failure just reported comes first, then a save that keeps failing (no success may
    // hide it), then what an action did.
    let message = match (p.notice(), p.status(), p.save_error()) {
        (Some(notice), _, _) => Some((notice, t.heading)),
        (None, Some(Status::Failed(text)), _) => Some((text.as_str(), t.error)),
        (None, _, Some(error)) => Some((error, t.error)),
        (None, Some(Status::Done(text)), None) => Some((text.as_str(), t.status)),
        (None, None, None) => None,
    };
    match message {
        Some((text, style)) => footer_message(text, style, t.base, &areas, buf),
        None => {
            let room = usize::from(areas.footer.width);
            let hints = player_view::hints_for(p.context(), s, t, room);
            buf.set_line(areas.footer.x, areas.footer.y, &hints, areas.footer.width);
        }
    }
    for layer in p.layers() {
        match layer {
            Layer::Help => with_help_page(p, |page| overlay::help_page(page, area, buf)),
            Layer::Why => overlay::why_box(s, t, why_text(p), p.why_scroll(), area, buf),
            Layer::Note { input, .. } => note::render(s, t, input, area, buf),
        }
    }
}

/// The presenter's help: the keys of the screen below, what `›` marks on a question, and that
/// everything is saved.
fn with_help_page<R>(p: &Presenter, with: impl FnOnce(&HelpPage<'_>) -> R) -> R {
    let s = p.strings();
    let on_question = [s.help_workshop_choice, s.help_autosave];
    let remarks = if p.screen_context() == Context::Presenter {
        &on_question[..]
    } else {
        &on_question[1..]
    };
    with(&HelpPage {
        context: p.screen_context(),
        remarks,
        strings: s,
        theme: p.theme(),
        scroll: p.help_scroll(),
    })
}

/// Why the question being asked is asked ("" when none is).
fn why_text(p: &Presenter) -> &str {
    p.asked()
        .map_or("", |q| p.guide().questions[q].why.as_str())
}

/// Lines of the "why we ask" overlay and the rows it gets.
pub fn why_geometry(p: &Presenter, area: Rect) -> (usize, usize) {
    overlay::why_laid_out(p.strings(), p.theme(), why_text(p), area).geometry()
}

/// Lines in the help and the rows it gets.
pub fn help_geometry(p: &Presenter, area: Rect) -> (usize, usize) {
    with_help_page(p, |page| overlay::help_page_geometry(page, area))
}

/// The answer under a click on the question screen, if any.
pub fn answer_at(p: &Presenter, area: Rect, column: u16, row: u16) -> Option<usize> {
    let areas = player_view::areas(area)?;
    let Screen::Question { question, .. } = p.screen() else {
        return None;
    };
    question::hit(p, question, &areas, column, row)
}

fn rule(areas: &Areas, t: &Theme, buf: &mut Buffer) {
    if let Some(rule) = areas.rule {
        let line = "─".repeat(usize::from(rule.width));
        buf.set_string(rule.x, rule.y, line, t.rule);
    }
}

/// The countdown as the header's corner shows it.
fn countdown(p: &Presenter) -> Option<(String, Style)> {
    let (s, t) = (p.strings(), p.theme());
    let c = p.countdown()?;
    let seconds = c.shown_seconds(p.now());
    Some(if seconds == 0 {
        (s.countdown_up.to_string(), t.error)
    } else {
        let time = minutes_seconds(seconds);
        (fill(s.countdown_left, &[("time", &time)]), t.status)
    })
}

/// The header: the group and the guide on the left; where the walk is and the countdown on the
/// right (the countdown wins when there is no room for both).
fn header(p: &Presenter, areas: &Areas, right: &str, buf: &mut Buffer) {
    let t = p.theme();
    let area = areas.header;
    let room = usize::from(area.width);
    let mut x = area.right();
    if let Some((clock, style)) = countdown(p) {
        let clock = truncate(&clock, room);
        x -= width(&clock) as u16;
        buf.set_string(x, area.y, &clock, style);
        x = x.saturating_sub(3).max(area.x);
    }
    let right_room = usize::from(x - area.x);
    if right_room >= 12 {
        let right = truncate(right, right_room);
        x -= width(&right) as u16;
        buf.set_string(x, area.y, &right, t.text);
    }
    let left_room = usize::from(x.saturating_sub(area.x + 3));
    if left_room < 8 {
        return;
    }
    let group = p.record().group.as_str();
    let title = if matches!(p.screen(), Screen::Intro) {
        ""
    } else {
        p.guide().title.as_str()
    };
    let mut spans = Vec::new();
    if !group.is_empty() {
        spans.push(Span::styled(truncate(group, left_room), t.question));
    }
    let used = spans.iter().map(Span::width).sum::<usize>();
    if !title.is_empty() && left_room >= used + 3 + 12 {
        let sep = if used > 0 { " · " } else { "" };
        spans.push(Span::styled(
            format!("{sep}{}", truncate(title, left_room - used - width(sep))),
            t.dim,
        ));
    }
    buf.set_line(area.x, area.y, &Line::from(spans), area.width);
}

/// A notice or a status in the footer; a long one grows upward, over the bottom of the body, by
/// up to three lines.
fn footer_message(text: &str, style: Style, base: Style, areas: &Areas, buf: &mut Buffer) {
    let area = areas.footer;
    let mut lines = wrap_plain(text, style, usize::from(area.width));
    let rows = lines.len().min(3).min(usize::from(areas.body.height) + 1);
    if lines.len() > rows && rows > 0 {
        lines.truncate(rows);
        if let Some(last) = lines.last_mut() {
            let shown: String = last.spans.iter().map(|s| s.content.as_ref()).collect();
            *last = Line::from(Span::styled(
                truncate(&format!("{shown} …"), usize::from(area.width)),
                style,
            ));
        }
    }
    let top = area.y + 1 - rows as u16;
    let region = Rect::new(area.x, top, area.width, rows as u16);
    for y in region.top()..region.bottom() {
        buf.set_string(region.x, y, " ".repeat(usize::from(region.width)), base);
    }
    draw_lines(&lines, 0, region, buf);
}
