//! Painting the review: the listing at its offset, with marks when there is more above or below.

use crate::tui::look::Looks;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::tui::paint::{draw_lines, more_marks};
use crate::tui::player::app::App;
use crate::tui::player::layout::review;

/// Draws the review.
pub fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let (col, listing) = review::layout(app, body);
    let offset = review::offset(app, &listing, usize::from(col.height));
    draw_lines(&listing.lines, offset, col, buf);
    let below = offset + usize::from(col.height) < listing.lines.len();
    more_marks(offset > 0, below, col, app.theme(), buf);
}
