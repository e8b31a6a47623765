//! Painting the report viewer: the page as the player draws a result (the same layout, contents
//! and scrollbar), the guide's title and where the reader is in the header.

use crate::tui::look::Looks;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::tui::document::content_width;
use crate::tui::facilitate::comparison::Comparison;
use crate::tui::facilitate::keymap;
use crate::tui::facilitate::layout::{comparison_help, comparison_page};
use crate::tui::paint::{draw_page, frame, help, hinted_footer, status_style, status_text};
use crate::tui::player::view::header;

/// Draws the viewer into `area` of a buffer.
pub fn render_into(c: &Comparison, area: Rect, buf: &mut Buffer) {
    let (w, t) = (c.words(), c.theme());
    let Some((area, areas)) = frame(area, w, t, buf) else {
        return;
    };
    let page = comparison_page(c, content_width(areas.body, areas.density));
    let here = draw_page(&page, c.reading(), w, t, areas.body, areas.density, buf);
    header(c.title(), &here, &areas, t, buf);
    let message = c.status().map(|s| (status_text(s), status_style(s, t)));
    hinted_footer(message, || keymap::hints(c.context(), w), &areas, t, buf);
    if let Some(scroll) = c.help() {
        help(&comparison_help(c, area), w, t, scroll, buf);
    }
}
