//! Where things are on the player's screens: pure layout from the app's state, shared by the
//! views that paint it and the app that scrolls and hit-tests with it. Nothing here draws.
//!
//! - [`intro`]: the welcome text and its button;
//! - [`question`]: the question pinned at the top, its answers below (scrolling when they do
//!   not fit), and "why we ask" beside it when there is room;
//! - [`review`]: every answer on the path, the button, and the answers not used after it;
//! - the result is a [`Page`] of the result document (see [`crate::tui::document`]).

pub mod intro;
pub mod question;
pub mod review;

use ratatui::layout::Rect;

use super::app::{App, Screen};
use super::keymap;
use crate::tui::document::{self, content_width, page_geometry, DocumentGeometry, Page};
use crate::tui::layout::{areas, contains, density, help_box as laid_help, Density, TextBox};

/// True when the why pane fits beside the question.
pub fn why_pane_fits(size: (u16, u16)) -> bool {
    density(size) == Some(Density::Full)
}

/// The result document laid out for `max` columns, under its kicker.
pub fn result_page(app: &App, max: usize) -> Page {
    match app.document() {
        Some(doc) => document::layout(
            doc,
            Some(app.words().player.result_kicker),
            app.theme(),
            max,
        ),
        None => Page::default(),
    }
}

/// The geometry of the scrolling document on the current screen (the intro, the result), if
/// it has one.
pub fn document_geometry(app: &App, area: Rect) -> Option<DocumentGeometry> {
    let areas = areas(area)?;
    match app.screen() {
        Screen::Intro => Some(intro::geometry(app, areas.body)),
        Screen::Result { .. } => {
            let page = result_page(app, content_width(areas.body, areas.density));
            Some(page_geometry(&page, areas.body, areas.density))
        }
        _ => None,
    }
}

/// Lines of the review that can be scrolled past its button (the answers not used, when they
/// don't fit below it); 0 on other screens.
pub fn review_overflow(app: &App, area: Rect) -> usize {
    match (areas(area), app.screen()) {
        (Some(areas), Screen::Review { .. }) => review::past_the_button(app, areas.body),
        _ => 0,
    }
}

/// The help overlay laid out: the keys of the screen below, that going back keeps answers, the
/// mouse.
pub fn help_box(app: &App, area: Rect) -> TextBox {
    let w = app.words();
    let keys = keymap::help(app.screen_context(), w);
    laid_help(
        area,
        app.theme(),
        &[keys],
        &[w.player.help_answers_kept, w.player.help_mouse],
    )
}

/// Why the question on screen is asked, for this group ("" when none is on screen).
pub fn why_text(app: &App) -> String {
    match app.screen() {
        Screen::Question { question, .. } => app.walk().why(question),
        _ => String::new(),
    }
}

/// The "why we ask" overlay laid out.
pub fn why_box(app: &App, area: Rect) -> TextBox {
    crate::tui::layout::why_box(
        area,
        app.theme(),
        &why_text(app),
        app.words().common.why_missing,
    )
}

/// What a click at a cell hits on the current screen: an answer, a review line, the intro's
/// button (0), or a section of the result's contents.
pub fn hit(app: &App, area: Rect, column: u16, row: u16) -> Option<usize> {
    let areas = areas(area)?;
    if !contains(areas.body, column, row) {
        return None;
    }
    match app.screen() {
        Screen::Intro => intro::hit(app, areas.body, row),
        Screen::Question { question, .. } => {
            question::layout(app, question, areas.body, areas.density).hit(column, row)
        }
        Screen::Review { .. } => review::hit(app, areas.body, column, row),
        Screen::Result { .. } => {
            let page = result_page(app, content_width(areas.body, areas.density));
            document::contents_hit(
                &page,
                app.section(),
                app.theme(),
                areas.body,
                areas.density,
                column,
                row,
            )
        }
    }
}
