//! Painting the result: the result document as a scrolling page with its contents, and the
//! header's text — the outcome, and which section, of how many.

use crate::tui::look::Looks;
use ratatui::buffer::Buffer;

use crate::locale::fill;
use crate::tui::document::content_width;
use crate::tui::layout::Areas;
use crate::tui::paint::draw_page;
use crate::tui::player::app::App;
use crate::tui::player::layout::result_page;

/// Draws the result; returns the header's text: the outcome, then (past its first section)
/// which section the reader is in, of how many.
pub fn render(app: &App, areas: &Areas, buf: &mut Buffer) -> String {
    let page = result_page(app, content_width(areas.body, areas.density));
    let w = app.words();
    let here = draw_page(
        &page,
        app.reading(),
        w,
        app.theme(),
        areas.body,
        areas.density,
        buf,
    );
    let section = app.section();
    match (page.sections.first(), page.sections.get(section)) {
        (Some((outcome, _)), Some((title, _))) if section > 0 => fill(
            w.player.result_outcome_section,
            &[
                ("outcome", outcome),
                ("index", &(section + 1)),
                ("count", &page.sections.len()),
                ("title", title),
            ],
        ),
        _ => here,
    }
}
