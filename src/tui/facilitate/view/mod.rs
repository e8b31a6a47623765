//! Workshop mode's views: pure functions from the presenter's or the report viewer's state to a
//! frame, painting what [`layout`] placed. Nothing here changes state.
//!
//! The chrome is the player's (the same regions, densities, footer hints and "make the window
//! larger" screen), and so are the intro, the review and the result, drawn by the player's own
//! views from the player inside the presenter. What is drawn here: the question as the room
//! sees it (with hands), the facilitator notes, the note input, the countdown in the header's
//! corner, and the comparison with its chart.

pub(crate) mod chart;
pub mod comparison;
pub mod follower;
mod note;
mod question;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::clock::minutes_seconds;
use super::keymap;
use super::layout;
use super::presenter::{Overlay, Presenter};
use crate::locale::fill;
use crate::tui::layers::Status;
use crate::tui::layout::{rows, Areas};
use crate::tui::paint::{
    draw_text_box, frame, help, hinted_footer, status_style, status_text, why,
};
use crate::tui::player::app::Screen;
use crate::tui::player::view::{progress_text, render_body};
use crate::tui::text::{truncate, width};

/// Draws the presenter into `area` of a buffer.
pub fn render_into(p: &Presenter, area: Rect, buf: &mut Buffer) {
    let (w, t) = (p.words(), p.theme());
    let Some((area, areas)) = frame(area, w, t, buf) else {
        return;
    };
    let right = match p.screen() {
        Screen::Question { question, .. } => {
            question::render(p, question, &areas, buf);
            let progress =
                progress_text(p.player(), areas.density, usize::from(areas.header.width));
            match p.on_question_seconds().filter(|_| p.times_shown()) {
                Some(seconds) => {
                    let time = minutes_seconds(seconds);
                    let here = fill(w.facilitator.on_question, &[("time", &time)]);
                    format!("{progress} · {here}")
                }
                None => progress,
            }
        }
        _ => render_body(p.player(), &areas, buf),
    };
    header(p, &areas, &right, buf);
    // A failure just reported comes first, then a save that keeps failing (no success may hide
    // it), then what an action did.
    let message = match (p.status(), p.save_error()) {
        (Some(s @ (Status::Failed(_) | Status::Notice(_))), _) => {
            Some((status_text(s), status_style(s, t)))
        }
        (_, Some(error)) => Some((error, t.error)),
        (Some(s), None) => Some((status_text(s), status_style(s, t))),
        (None, None) => None,
    };
    hinted_footer(message, || keymap::hints(p.context(), w), &areas, t, buf);
    for layer in p.layers().iter() {
        match &layer.kind {
            Overlay::Help => help(&layout::help_box(p, area), w, t, layer.scroll, buf),
            Overlay::Why => why(&layout::why_box(p, area), w, t, layer.scroll, buf),
            Overlay::Earlier => draw_text_box(
                &layout::earlier_box(p, area),
                t,
                w.facilitator.earlier_title,
                layer.scroll,
                buf,
            ),
            Overlay::Note { input, .. } => note::render(w, t, input, area, buf),
        }
    }
}

/// The countdown as the header's corner shows it.
fn countdown(p: &Presenter) -> Option<(String, Style)> {
    let (w, t) = (&p.words().workshop, p.theme());
    let c = p.countdown()?;
    let seconds = c.shown_seconds(p.now());
    Some(if seconds == 0 {
        (
            w.countdown_up.to_string(),
            t.error.add_modifier(ratatui::style::Modifier::REVERSED),
        )
    } else {
        let time = minutes_seconds(seconds);
        (fill(w.countdown_left, &[("time", &time)]), t.status)
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
        x -= rows(width(&clock));
        buf.set_string(x, area.y, &clock, style);
        x = x.saturating_sub(3).max(area.x);
    }
    let right_room = usize::from(x - area.x);
    if right_room >= 12 {
        let right = truncate(right, right_room);
        x -= rows(width(&right));
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
