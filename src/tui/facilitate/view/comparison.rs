//! Painting the report viewer: the page as the player draws a result (the same layout, contents
//! and scrollbar), the guide's title and where the reader is in the header.

use crate::tui::look::Looks;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::tui::document::{content_width, Page, Reading};
use crate::tui::facilitate::comparison::Comparison;
use crate::tui::facilitate::keymap::{self, Context};
use crate::tui::facilitate::layout::{comparison_help, comparison_page};
use crate::tui::layers::Status;
use crate::tui::paint::{draw_page, frame, help, hinted_footer, status_style, status_text};
use crate::tui::player::view::header;

/// Draws the viewer into `area` of a buffer.
pub fn render_into(c: &Comparison, area: Rect, buf: &mut Buffer) {
    let Some(area) = draw_document(
        c,
        comparison_page,
        c.reading(),
        c.title(),
        c.status(),
        c.context(),
        area,
        buf,
    ) else {
        return;
    };
    if let Some(scroll) = c.help() {
        help(&comparison_help(c, area), c.words(), c.theme(), scroll, buf);
    }
}

/// A document as the report viewer draws it (the comparison, and the facilitator's live view):
/// the page at the reader's place, the title and where the reader is in the header, the status
/// or the key hints of `context` in the footer. Returns the frame's area, none when the window
/// is too small.
#[allow(clippy::too_many_arguments)]
pub(super) fn draw_document<V: Looks>(
    view: &V,
    page: fn(&V, usize) -> Page,
    at: Reading,
    title: &str,
    status: Option<&Status>,
    context: Context,
    area: Rect,
    buf: &mut Buffer,
) -> Option<Rect> {
    let (w, t) = (view.words(), view.theme());
    let (area, areas) = frame(area, w, t, buf)?;
    let page = page(view, content_width(areas.body, areas.density));
    let here = draw_page(&page, at, w, t, areas.body, areas.density, buf);
    header(title, &here, &areas, t, buf);
    let message = status.map(|s| (status_text(s), status_style(s, t)));
    hinted_footer(message, || keymap::hints(context, w), &areas, t, buf);
    Some(area)
}
