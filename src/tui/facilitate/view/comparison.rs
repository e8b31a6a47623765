//! The report viewer on screen: the document drawn as the player draws a result (the same
//! layout, contents and scrollbar), with the chart of outcomes across groups as a section of its
//! own right after the title.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::Frame;

use super::chart::{self, Bar};
use crate::report::doc::{Block, Doc};
use crate::tui::facilitate::comparison::Comparison;
use crate::tui::view::overlay::{self, HelpPage};
use crate::tui::view::result::{self, Page};
use crate::tui::view::text::{truncate, width, wrap_plain};
use crate::tui::view::{self as player_view, areas, DocumentGeometry};

/// Draws the viewer into a frame.
pub fn render(c: &Comparison, frame: &mut Frame) {
    let area = frame.area();
    render_into(c, area, frame.buffer_mut());
}

/// Draws the viewer into a buffer area (what [`render`] does, usable without a terminal).
pub fn render_into(c: &Comparison, area: Rect, buf: &mut Buffer) {
    let (s, t) = (c.strings(), c.theme());
    let Some(area) = player_view::canvas(area, t, buf) else {
        return;
    };
    let Some(areas) = areas(area) else {
        player_view::too_small(s, t, area, buf);
        return;
    };
    if let Some(rule) = areas.rule {
        buf.set_string(rule.x, rule.y, "─".repeat(usize::from(rule.width)), t.rule);
    }
    let page = page(c, result::content_width(areas.body, areas.density));
    let where_ = result::draw(&page, c.reading(), s, t, areas.body, areas.density, buf);

    let header = areas.header;
    let right = truncate(&where_, usize::from(header.width));
    let right_w = width(&right) as u16;
    buf.set_string(header.right() - right_w, header.y, &right, t.text);
    let left_room = usize::from(header.width.saturating_sub(right_w + 3));
    if left_room >= 20 {
        buf.set_string(header.x, header.y, truncate(c.title(), left_room), t.dim);
    }

    let footer = areas.footer;
    if !player_view::draw_status(c.status(), t, footer, buf) {
        let hints = player_view::hints_for(c.context(), s, t, usize::from(footer.width));
        buf.set_line(footer.x, footer.y, &hints, footer.width);
    }
    if c.help().is_some() {
        overlay::help_page(&help_page(c), area, buf);
    }
}

fn help_page(c: &Comparison) -> HelpPage<'_> {
    HelpPage {
        context: Context::Comparison,
        remarks: &[],
        strings: c.strings(),
        theme: c.theme(),
        scroll: c.help().unwrap_or(0),
    }
}

use crate::tui::keymap::Context;

/// Lines in the help and the rows it gets.
pub fn help_geometry(c: &Comparison, area: Rect) -> (usize, usize) {
    overlay::help_page_geometry(&help_page(c), area)
}

/// Lines, rows and sections of the page; `None` when the window is too small.
pub fn geometry(c: &Comparison, area: Rect) -> Option<DocumentGeometry> {
    let areas = areas(area)?;
    let page = page(c, result::content_width(areas.body, areas.density));
    Some(result::page_geometry(&page, areas.body, areas.density))
}

/// The section of the contents under a click, if any.
pub fn section_at(c: &Comparison, area: Rect, column: u16, row: u16) -> Option<usize> {
    let areas = areas(area)?;
    let page = page(c, result::content_width(areas.body, areas.density));
    result::contents_hit(page.sections.len(), areas.body, areas.density, column, row)
}

/// The page: the document's title, the chart, then the rest of the document.
fn page(c: &Comparison, max: usize) -> Page {
    let (s, t) = (c.strings(), c.theme());
    let doc = c.doc();
    if doc.blocks.is_empty() {
        return Page {
            lines: wrap_plain(s.comparison_empty, t.dim, max),
            sections: Vec::new(),
        };
    }
    if !c.has_chart() {
        return result::layout(doc, None, t, max);
    }
    let cut = doc
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Heading { level: 2, .. }))
        .unwrap_or(doc.blocks.len());
    let head = Doc {
        blocks: doc.blocks[..cut].to_vec(),
    };
    let rest = Doc {
        blocks: doc.blocks[cut..].to_vec(),
    };
    let mut page = result::layout(&head, None, t, max);

    // The chart as a section, spaced like the document's own sections.
    page.lines.extend([Line::default(), Line::default()]);
    page.sections
        .push((s.chart_title.to_string(), page.lines.len()));
    page.lines
        .extend(wrap_plain(s.chart_title, t.heading.patch(t.question), max));
    page.lines.push(Line::default());
    let mut bars: Vec<Bar<'_>> = c
        .outcomes()
        .iter()
        .map(|o| Bar {
            label: &o.title,
            count: o.groups,
            style: t.marker,
        })
        .collect();
    if c.unfinished() > 0 {
        bars.push(Bar {
            label: s.chart_unfinished,
            count: c.unfinished(),
            style: t.dim,
        });
    }
    page.lines.extend(chart::lines(&bars, t.text, max));

    let after = result::layout(&rest, None, t, max);
    page.lines.push(Line::default());
    let offset = page.lines.len();
    page.lines.extend(after.lines);
    page.sections.extend(
        after
            .sections
            .into_iter()
            .map(|(title, line)| (title, line + offset)),
    );
    page
}
