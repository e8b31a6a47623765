//! The player's views: pure functions from the app's state to a frame, painting what the
//! [`layout`] placed. Nothing here changes state.
//!
//! Every frame has the same chrome: a header (the guide's title, and where you are), a rule,
//! the body of the screen, and a footer with the keys that work here, generated from the
//! keymap (or a status an action just left). Overlays (help, why, quit) are drawn last.

mod intro;
mod question;
mod result;
mod review;

use crate::tui::look::Looks;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::app::{App, Overlay, Screen};
use super::keymap::{self, Context};
use super::layout;
use crate::locale::{fill, Words};
use crate::tui::keymap::Hint;
use crate::tui::layout::{frame_box, rows, Areas};
use crate::tui::paint::{
    draw_box, draw_lines, fit_hints, frame, help, hinted_footer, status_style, status_text, why,
};
use crate::tui::text::{truncate, width, wrap_plain};
use crate::tui::theme::Theme;

pub use question::progress_text;

/// Draws the app into `area` of a buffer.
pub fn render_into(app: &App, area: Rect, buf: &mut Buffer) {
    let (w, t) = (app.words(), app.theme());
    let Some((area, areas)) = frame(area, w, t, buf) else {
        return;
    };
    // The body first: the result's header names the section it found while laying out.
    let right = render_body(app, &areas, buf);
    let left = match app.screen() {
        Screen::Intro => "",
        _ => app.guide().title.as_str(),
    };
    header(left, &right, &areas, t, buf);
    let message = app.status().map(|s| (status_text(s), status_style(s, t)));
    hinted_footer(message, || player_hints(app), &areas, t, buf);
    overlays(app, area, buf);
}

/// Draws the body of the current screen (no header, footer or overlays); returns the text for
/// the right of the header. Workshop mode draws the intro, review and result with it.
pub fn render_body(app: &App, areas: &Areas, buf: &mut Buffer) -> String {
    match app.screen() {
        Screen::Intro => {
            intro::render(app, areas.body, buf);
            String::new()
        }
        Screen::Question { question, .. } => {
            question::render(app, question, areas, buf);
            question::progress_text(app, areas.density, usize::from(areas.header.width))
        }
        Screen::Review { .. } => {
            review::render(app, areas.body, buf);
            fill(
                app.words().player.review_count,
                &[("count", &app.walk().review().len())],
            )
        }
        Screen::Result { .. } => result::render(app, areas, buf),
    }
}

/// The header: a title on the left (dim) and where the user is on the right. Both are
/// shortened to share the row, and neither is left blank while it has a few columns: the right
/// gets what it needs, the title keeps at least a quarter of the row (12 columns or more).
pub fn header(left: &str, right: &str, areas: &Areas, t: &Theme, buf: &mut Buffer) {
    let area = areas.header;
    let room = usize::from(area.width);
    let gap = 3;
    let (left_w, right_w) = (width(left), width(right));
    let left_min = if left.is_empty() {
        0
    } else {
        left_w.min((room / 4).max(12))
    };
    let right_room = if left_min > 0 {
        room.saturating_sub(gap + left_min)
    } else {
        room
    };
    let right = truncate(right, right_room.min(right_w));
    let used = width(&right);
    buf.set_string(area.right() - rows(used), area.y, &right, t.text);
    let left_room = room.saturating_sub(used + if used > 0 { gap } else { 0 });
    if left_min > 0 && left_room > 1 {
        buf.set_string(area.x, area.y, truncate(left, left_room), t.dim);
    }
}

/// The footer's key hints for the app's context, as many as fit in `room` columns; the why
/// key says whether it shows or hides the pane.
pub fn hint_line(app: &App, room: usize) -> Line<'static> {
    fit_hints(player_hints(app), app.theme(), room)
}

/// The footer's hints for the app's context: the why key says whether it shows or hides the
/// pane, and the changes key shows only where "What would change it" is longer than the
/// result shows at first, saying whether it shows all or fewer.
pub fn player_hints(app: &App) -> Vec<Hint> {
    let w = app.words();
    let mut hints = keymap::hints(app.context(), w);
    if !app.changes_overflow() {
        hints.retain(|h| h.text != w.player.hint_all_changes);
    }
    for hint in &mut hints {
        if app.why_pane_shown() && hint.text == w.player.hint_why {
            hint.text = w.player.hint_why_hide;
        }
        if app.all_changes() && hint.text == w.player.hint_all_changes {
            hint.text = w.player.hint_fewer_changes;
        }
    }
    hints
}

fn overlays(app: &App, area: Rect, buf: &mut Buffer) {
    let (w, t) = (app.words(), app.theme());
    for layer in app.layers().iter() {
        match layer.kind {
            Overlay::Help => help(&layout::help_box(app, area), w, t, layer.scroll, buf),
            Overlay::Why => why(&layout::why_box(app, area), w, t, layer.scroll, buf),
            Overlay::ConfirmQuit => confirm(app, area, buf),
        }
    }
}

/// The quit confirmation: what would be lost, and the keys.
fn confirm(app: &App, area: Rect, buf: &mut Buffer) {
    let (w, t) = (app.words(), app.theme());
    let body = quit_body(app, w);
    let (_, probe) = frame_box(area, 56, usize::from(area.height));
    let max = usize::from(probe.width);
    let mut lines = wrap_plain(&body, t.text, max);
    lines.push(Line::default());
    lines.push(hint_line(app, max));
    let (outer, inner) = frame_box(area, 56, lines.len());
    draw_box(t, outer, w.player.quit_title, buf);
    draw_lines(&lines, 0, inner, buf);
}

fn quit_body(app: &App, w: &Words) -> String {
    if app.context() == Context::SaveOrQuit {
        return w.player.quit_body_result.to_string();
    }
    match app.answer_count() {
        1 => w.player.quit_body_one.to_string(),
        count => fill(w.player.quit_body, &[("count", &count)]),
    }
}
