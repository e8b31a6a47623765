//! Painting the facilitator's view: its live document as the report viewer draws a page, the
//! group and the guide in the header.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::comparison::draw_document;
use crate::tui::facilitate::follower::Follower;
use crate::tui::facilitate::layout::follower_page;

/// Draws the facilitator's view into `area` of a buffer.
pub fn render_into(f: &Follower, area: Rect, buf: &mut Buffer) {
    let title = f.title();
    draw_document(
        f,
        follower_page,
        f.reading(),
        &title,
        f.status(),
        f.context(),
        area,
        buf,
    );
}
