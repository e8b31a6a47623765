//! Drawing what every full-screen view shares: lines and scrollbars, the rule under the header,
//! the footer (key hints, or a status that grows upward when it is long), overlay boxes, a
//! document page with its contents, and the calm request for a larger window. Pure functions
//! into a buffer; the geometry they draw at comes from [`super::layout`] and
//! [`super::document`].

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use super::document::{columns, Page, Reading};
use super::keymap::Hint;
use super::layers::Status;
use super::layout::{rows, Areas, Density, Pinned, TextBox, MIN_HEIGHT, MIN_WIDTH};
use super::text::{line_width, truncate, width, wrap_plain};
use super::theme::Theme;
use crate::locale::{fill, Words};

/// The part of `area` inside the buffer, painted in the theme's base style, where a view draws;
/// `None` when nothing of it is inside.
pub fn canvas(area: Rect, t: &Theme, buf: &mut Buffer) -> Option<Rect> {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return None;
    }
    buf.set_style(area, t.base);
    Some(area)
}

/// The chrome every framed view starts with: the area painted in the theme's base style, split
/// into its regions with the rule under the header drawn; or, when the window is too small, the
/// calm request for a larger one (and `None`: there is nothing else to draw).
pub fn frame(area: Rect, w: &Words, t: &Theme, buf: &mut Buffer) -> Option<(Rect, Areas)> {
    let area = canvas(area, t, buf)?;
    let Some(areas) = super::layout::areas(area) else {
        too_small(w, t, area, buf);
        return None;
    };
    rule(&areas, t, buf);
    Some((area, areas))
}

/// Draws lines into an area, starting at line `offset`; lines are cut at the area's width.
pub fn draw_lines(lines: &[Line<'_>], offset: usize, area: Rect, buf: &mut Buffer) {
    for (y, line) in (area.y..area.bottom()).zip(lines.iter().skip(offset)) {
        line.render(Rect::new(area.x, y, area.width, 1), buf);
    }
}

/// Draws a quiet scrollbar in a one-column area, when the content is longer than the area.
pub fn scrollbar(total: usize, offset: usize, area: Rect, style: Style, buf: &mut Buffer) {
    let height = usize::from(area.height);
    if area.is_empty() || total <= height {
        return;
    }
    let thumb = (height * height / total).clamp(1, height);
    // total > height, so max_offset ≥ 1.
    let max_offset = total - height;
    let top = (height - thumb) * offset.min(max_offset) / max_offset;
    for (i, y) in (area.y..area.bottom()).enumerate() {
        let symbol = if (top..top + thumb).contains(&i) {
            "┃"
        } else {
            "│"
        };
        buf.set_string(area.x, y, symbol, style);
    }
}

/// Marks, in the top and bottom right corners of `area`, that there is more above or below.
pub fn more_marks(above: bool, below: bool, area: Rect, t: &Theme, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let x = area.right().saturating_sub(1);
    if above {
        buf.set_string(x, area.y, "↑", t.dim);
    }
    if below {
        buf.set_string(x, area.bottom() - 1, "↓", t.dim);
    }
}

/// Draws a pinned listing: its head, its items from their offset, and marks when there are
/// more items above or below.
pub fn pinned(listing: &Pinned, t: &Theme, buf: &mut Buffer) {
    draw_lines(&listing.head, 0, listing.head_area, buf);
    draw_lines(&listing.body, listing.offset, listing.body_area, buf);
    more_marks(
        listing.more_above(),
        listing.more_below(),
        listing.body_area,
        t,
        buf,
    );
}

/// The rule under the header, when the frame has one.
pub fn rule(areas: &Areas, t: &Theme, buf: &mut Buffer) {
    if let Some(rule) = areas.rule {
        buf.set_string(rule.x, rule.y, "─".repeat(usize::from(rule.width)), t.rule);
    }
}

/// A text at the right end of a header row, cut to fit; returns the columns left of it.
pub fn header_right(area: Rect, text: &str, style: Style, buf: &mut Buffer) -> u16 {
    let text = truncate(text, usize::from(area.width));
    let w = rows(width(&text));
    buf.set_string(area.right() - w, area.y, &text, style);
    area.width - w
}

/// Key hints in at most `room` columns; the least important (highest rank) go first when the
/// line is too narrow.
pub fn fit_hints(mut hints: Vec<Hint>, t: &Theme, room: usize) -> Line<'static> {
    const GAP: usize = 2;
    let total = |hints: &[Hint]| -> usize {
        hints
            .iter()
            .map(|h| width(&h.keys) + 1 + width(h.text))
            .sum::<usize>()
            + GAP * hints.len().saturating_sub(1)
    };
    while !hints.is_empty() && total(&hints) > room {
        let worst = hints
            .iter()
            .enumerate()
            .max_by_key(|(i, h)| (h.rank, *i))
            .map_or(0, |(i, _)| i);
        hints.remove(worst);
    }
    let mut spans = Vec::new();
    for (i, h) in hints.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw(" ".repeat(GAP)));
        }
        spans.push(Span::styled(h.keys, t.key));
        spans.push(Span::styled(format!(" {}", h.text), t.dim));
    }
    Line::from(spans)
}

/// The style a status is shown in.
pub fn status_style(status: &Status, t: &Theme) -> Style {
    match status {
        Status::Done(_) => t.status,
        Status::Failed(_) => t.error,
        Status::Notice(_) => t.heading,
    }
}

/// The text of a status.
pub fn status_text(status: &Status) -> &str {
    match status {
        Status::Done(text) | Status::Failed(text) | Status::Notice(text) => text,
    }
}

/// The footer: a message when there is one (a long one grows upward over the bottom of the
/// body, by up to `grow` lines, ending with `…` if it still does not fit), else the key hints.
pub fn footer(
    message: Option<(&str, Style)>,
    hints: impl FnOnce(usize) -> Line<'static>,
    areas: &Areas,
    grow: usize,
    t: &Theme,
    buf: &mut Buffer,
) {
    let area = areas.footer;
    let Some((text, style)) = message else {
        buf.set_line(area.x, area.y, &hints(usize::from(area.width)), area.width);
        return;
    };
    let mut lines = wrap_plain(text, style, usize::from(area.width));
    let shown = lines
        .len()
        .min(grow.max(1))
        .min(usize::from(areas.body.height) + 1);
    if lines.len() > shown && shown > 0 {
        lines.truncate(shown);
        if let Some(last) = lines.last_mut() {
            let text: String = last.spans.iter().map(|s| s.content.as_ref()).collect();
            *last = Line::from(Span::styled(
                truncate(&format!("{text} …"), usize::from(area.width)),
                style,
            ));
        }
    }
    let top = area.y + 1 - rows(shown);
    let region = Rect::new(area.x, top, area.width, rows(shown));
    for y in region.top()..region.bottom() {
        buf.set_string(region.x, y, " ".repeat(usize::from(region.width)), t.base);
    }
    draw_lines(&lines, 0, region, buf);
}

/// The footer of a view with key hints: its message, growing up to three lines, else its key
/// hints, the least important left out when the line is too narrow.
pub fn hinted_footer(
    message: Option<(&str, Style)>,
    hints: impl FnOnce() -> Vec<Hint>,
    areas: &Areas,
    t: &Theme,
    buf: &mut Buffer,
) {
    footer(
        message,
        |room| fit_hints(hints(), t, room),
        areas,
        3,
        t,
        buf,
    );
}

/// Clears a box and draws its rounded border with a title.
pub fn draw_box(t: &Theme, outer: Rect, title: &str, buf: &mut Buffer) {
    clear_over(outer, buf);
    buf.set_style(outer, t.base);
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(t.text)
        .title(Line::from(Span::styled(format!(" {title} "), t.title)))
        .render(outer, buf);
}

/// Clears an area about to be drawn over, and a wide glyph just left of it whose second half
/// the area would cover: half a glyph is never left on screen.
pub fn clear_over(area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if area.x > buf.area.x {
        for y in area.top()..area.bottom() {
            let left = &mut buf[(area.x - 1, y)];
            if Span::raw(left.symbol()).width() > 1 {
                left.set_symbol(" ");
            }
        }
    }
    Clear.render(area, buf);
}

/// Draws a laid-out text box with its title, its lines from `scroll` on, and a scrollbar when
/// they do not fit.
pub fn draw_text_box(b: &TextBox, t: &Theme, title: &str, scroll: usize, buf: &mut Buffer) {
    draw_box(t, b.outer, title, buf);
    let offset = scroll.min(b.lines.len().saturating_sub(usize::from(b.inner.height)));
    draw_lines(&b.lines, offset, b.inner, buf);
    if b.outer.width > 4 {
        let bar = Rect::new(
            b.outer.right().saturating_sub(2),
            b.inner.y,
            1,
            b.inner.height,
        );
        scrollbar(b.lines.len(), offset, bar, t.rule, buf);
    }
}

/// Draws a help laid out in its box (see [`super::layout::help_box`]), scrolled.
pub fn help(b: &TextBox, w: &Words, t: &Theme, scroll: usize, buf: &mut Buffer) {
    draw_text_box(b, t, w.common.help_title, scroll, buf);
}

/// Draws "why we ask" laid out in its box (see [`super::layout::why_box`]), scrolled.
pub fn why(b: &TextBox, w: &Words, t: &Theme, scroll: usize, buf: &mut Buffer) {
    draw_text_box(b, t, w.common.why_title, scroll, buf);
}

/// Draws a page (a document laid out with [`super::document::layout`]) with its scrollbar,
/// and its contents when there is room; returns the header's text: which section, of how many.
pub fn draw_page(
    page: &Page,
    at: Reading,
    w: &Words,
    t: &Theme,
    body: Rect,
    density: Density,
    buf: &mut Buffer,
) -> String {
    let split = columns(body, density);
    let height = usize::from(split.content.height);
    let offset = at.scroll.min(page.lines.len().saturating_sub(height));
    draw_lines(&page.lines, offset, split.content, buf);
    scrollbar(page.lines.len(), offset, split.bar, t.rule, buf);
    if let Some(toc) = split.toc {
        contents(page, at.section, w, t, toc, buf);
    }
    let Some((title, _)) = page.sections.get(at.section) else {
        return String::new();
    };
    fill(
        w.player.result_section,
        &[
            ("index", &(at.section + 1)),
            ("count", &page.sections.len()),
            ("title", title),
        ],
    )
}

/// The table of contents (see [`super::document::contents`]).
fn contents(page: &Page, section: usize, w: &Words, t: &Theme, toc: Rect, buf: &mut Buffer) {
    let (lines, _) = super::document::contents(page, section, w.player.result_contents, t, toc);
    draw_lines(&lines, 0, toc, buf);
}

/// The calm request for a larger window, centred in `area`.
pub fn too_small(w: &Words, t: &Theme, area: Rect, buf: &mut Buffer) {
    let size = fill(
        w.common.too_small_size,
        &[
            ("need_w", &MIN_WIDTH),
            ("need_h", &MIN_HEIGHT),
            ("w", &area.width),
            ("h", &area.height),
        ],
    );
    let max = usize::from(area.width);
    let mut lines = wrap_plain(w.common.too_small, t.question, max);
    lines.extend(wrap_plain(&size, t.dim, max));
    for line in &mut lines {
        let lw = line_width(line);
        line.spans
            .insert(0, Span::raw(" ".repeat(max.saturating_sub(lw) / 2)));
    }
    let top = rows(usize::from(area.height).saturating_sub(lines.len()) / 2);
    let body = Rect::new(area.x, area.y + top, area.width, area.height - top);
    draw_lines(&lines, 0, body, buf);
}
