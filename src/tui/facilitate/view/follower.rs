//! Painting the facilitator's view: its live document as the report viewer draws a page, the
//! group and the guide in the header.

use crate::tui::look::Looks;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::tui::document::content_width;
use crate::tui::facilitate::follower::Follower;
use crate::tui::facilitate::keymap;
use crate::tui::facilitate::layout::follower_page;
use crate::tui::paint::{draw_page, frame, hinted_footer, status_style, status_text};
use crate::tui::player::view::header;

/// Draws the facilitator's view into `area` of a buffer.
pub fn render_into(f: &Follower, area: Rect, buf: &mut Buffer) {
    let (w, t) = (f.words(), f.theme());
    let Some((_, areas)) = frame(area, w, t, buf) else {
        return;
    };
    let page = follower_page(f, content_width(areas.body, areas.density));
    let here = draw_page(&page, f.reading(), w, t, areas.body, areas.density, buf);
    header(&f.title(), &here, &areas, t, buf);
    let message = f.status().map(|s| (status_text(s), status_style(s, t)));
    hinted_footer(message, || keymap::hints(f.context(), w), &areas, t, buf);
}
