//! Views: pure functions from the app's state to a frame. Nothing here changes state.
//!
//! Every frame has the same chrome: a header (where you are), a rule, the body of the screen, and
//! a footer with the keys that work here, generated from the keymap. The layout degrades in
//! steps as the window shrinks ([`Density`]): full (a side pane), compact (80×24), tiny (down to
//! 40×12: less chrome, the question and answers stay usable), then a calm request for a larger
//! window. The geometry functions here are also what the app uses to scroll and to find what a
//! mouse click hit, so what is drawn and what is clicked can't drift apart.

mod intro;
pub(crate) mod overlay;
pub(crate) mod question;
pub(crate) mod result;
mod review;
pub mod text;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use ratatui::Frame;

use super::app::{App, Screen, Status};
use super::keymap::{self, Context, Hint};
use super::strings::{fill, Strings};
use super::theme::Theme;
use text::{truncate, width};

/// Smallest window the player draws in.
pub const MIN_WIDTH: u16 = 40;
/// Smallest window height the player draws in.
pub const MIN_HEIGHT: u16 = 12;

/// How much chrome fits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Density {
    /// At least 100×24: side panes.
    Full,
    /// Around 80×24: one column, generous spacing.
    Compact,
    /// Down to 40×12: the least chrome.
    Tiny,
}

/// The density for a window size; `None` when it is too small to draw in.
pub fn density(size: (u16, u16)) -> Option<Density> {
    let (w, h) = size;
    if w < MIN_WIDTH || h < MIN_HEIGHT {
        None
    } else if w >= 100 && h >= 24 {
        Some(Density::Full)
    } else if w >= 60 && h >= 18 {
        Some(Density::Compact)
    } else {
        Some(Density::Tiny)
    }
}

/// True when the why pane fits beside the question.
pub fn why_pane_fits(size: (u16, u16)) -> bool {
    density(size) == Some(Density::Full)
}

/// The regions of a frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// How much chrome fits.
    pub density: Density,
    /// The top line: where you are.
    pub header: Rect,
    /// The rule under the header, when there is room.
    pub rule: Option<Rect>,
    /// The screen's own content.
    pub body: Rect,
    /// The bottom line: keys or a status.
    pub footer: Rect,
}

/// Splits a frame into its regions; `None` when the window is too small.
pub fn areas(area: Rect) -> Option<Areas> {
    let density = density((area.width, area.height))?;
    let margin = match density {
        Density::Full => 3,
        Density::Compact => 2,
        Density::Tiny => 1,
    };
    let inner_w = area.width.saturating_sub(2 * margin);
    let x = area.x + margin;
    let bottom = area.y + area.height - 1;
    let at = |y: u16, h: u16| Rect::new(x, y, inner_w, h);
    Some(match density {
        Density::Tiny => Areas {
            density,
            header: at(area.y, 1),
            rule: None,
            body: at(area.y + 1, area.height.saturating_sub(2)),
            footer: at(bottom, 1),
        },
        _ => Areas {
            density,
            header: at(area.y, 1),
            rule: Some(Rect::new(area.x, area.y + 1, area.width, 1)),
            body: at(area.y + 3, area.height.saturating_sub(5)),
            footer: at(bottom, 1),
        },
    })
}

/// A column of at most `want` columns in `area`: on the left, like the header and the footer,
/// or centred when the window is much wider than the column.
pub fn column(area: Rect, want: u16) -> Rect {
    let w = area.width.min(want);
    let x = if area.width >= want.saturating_add(40) {
        area.x + (area.width - w) / 2
    } else {
        area.x
    };
    Rect::new(x, area.y, w, area.height)
}

/// Draws the app into a frame.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    render_into(app, area, frame.buffer_mut());
}

/// Draws the app into a buffer area (what [`render`] does, usable without a terminal).
pub fn render_into(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(area) = canvas(area, app.theme(), buf) else {
        return;
    };
    let Some(areas) = areas(area) else {
        too_small(app.strings(), app.theme(), area, buf);
        return;
    };
    if let Some(rule) = areas.rule {
        let line = "─".repeat(usize::from(rule.width));
        buf.set_string(rule.x, rule.y, line, app.theme().rule);
    }
    // The body first: the result's header names the section it found while laying out.
    let status = render_body(app, &areas, buf);
    header(app, areas.header, &status, buf);
    footer(app, areas.footer, buf);
    overlay::render(app, area, buf);
}

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

/// Draws the body of the current screen (no header, footer or overlays); returns the text for
/// the right of the header. Workshop mode draws the intro, review and result with it.
pub(crate) fn render_body(app: &App, areas: &Areas, buf: &mut Buffer) -> String {
    match app.screen() {
        Screen::Intro => {
            intro::render(app, areas.body, buf);
            String::new()
        }
        Screen::Question { question, .. } => {
            question::render(app, question, areas.body, areas.density, buf);
            progress(app, areas.density, usize::from(areas.header.width))
        }
        Screen::Review { .. } => {
            review::render(app, areas.body, buf);
            fill(
                app.strings().review_count,
                &[("count", &app.walk().review().len())],
            )
        }
        Screen::Result { .. } => result::render(app, areas.body, areas.density, buf),
    }
}

/// Draws lines into an area, starting at line `offset`; lines are cut at the area's width.
pub fn draw_lines(lines: &[Line<'_>], offset: usize, area: Rect, buf: &mut Buffer) {
    for (i, line) in lines
        .iter()
        .skip(offset)
        .take(usize::from(area.height))
        .enumerate()
    {
        let row = Rect::new(area.x, area.y + i as u16, area.width, 1);
        line.render(row, buf);
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
    for i in 0..height {
        let symbol = if (top..top + thumb).contains(&i) {
            "┃"
        } else {
            "│"
        };
        buf.set_string(area.x, area.y + i as u16, symbol, style);
    }
}

/// The header: the guide's title on the left, where the user is on the right.
fn header(app: &App, area: Rect, right: &str, buf: &mut Buffer) {
    let t = app.theme();
    let right = truncate(right, usize::from(area.width));
    let right_w = width(&right) as u16;
    buf.set_string(area.right() - right_w, area.y, &right, t.text);
    let left_room = usize::from(area.width.saturating_sub(right_w + 3));
    if !matches!(app.screen(), Screen::Intro) && left_room >= 20 {
        buf.set_string(
            area.x,
            area.y,
            truncate(&app.guide().title, left_room),
            t.dim,
        );
    }
}

/// "step 4 · about 3–6 left", shortened when the header is narrow.
pub(crate) fn progress(app: &App, density: Density, room: usize) -> String {
    let s = app.strings();
    let Some(p) = app.walk().progress() else {
        return String::new();
    };
    let long = if p.max_left <= 1 {
        fill(s.progress_last, &[("step", &p.step)])
    } else if p.min_left == p.max_left {
        fill(
            s.progress_exact,
            &[("step", &p.step), ("count", &p.min_left)],
        )
    } else {
        fill(
            s.progress_range,
            &[
                ("step", &p.step),
                ("min", &p.min_left),
                ("max", &p.max_left),
            ],
        )
    };
    if density != Density::Tiny || width(&long) + 10 <= room {
        long
    } else {
        fill(
            s.progress_short,
            &[
                ("step", &p.step),
                ("min", &p.min_left),
                ("max", &p.max_left),
            ],
        )
    }
}

fn footer(app: &App, area: Rect, buf: &mut Buffer) {
    if !draw_status(app.status(), app.theme(), area, buf) {
        hint_line(app, usize::from(area.width)).render(area, buf);
    }
}

/// Draws the status an action just reported on a footer row, in the error style when something
/// failed; false when there is none, leaving the row to the key hints.
pub fn draw_status(status: Option<&Status>, t: &Theme, area: Rect, buf: &mut Buffer) -> bool {
    let (text, style) = match status {
        Some(Status::Done(text)) => (text, t.status),
        Some(Status::Failed(text)) => (text, t.error),
        None => return false,
    };
    buf.set_string(
        area.x,
        area.y,
        truncate(text, usize::from(area.width)),
        style,
    );
    true
}

/// The footer's key hints for the current context, as many as fit in `room` columns; the least
/// important go first when the line is too narrow.
pub fn hint_line(app: &App, room: usize) -> Line<'static> {
    hints_for(app.context(), app.strings(), app.theme(), room)
}

/// The footer's key hints for a context of the player's keymap, as many as fit in `room` columns.
pub fn hints_for(context: Context, s: &Strings, t: &Theme, room: usize) -> Line<'static> {
    fit_hints(keymap::hints(context, s), t, room)
}

/// Key hints in at most `room` columns; the least important (highest rank) go first when the
/// line is too narrow. Every view's footer is drawn with it.
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

/// The calm request for a larger window, centred in `area`.
pub fn too_small(s: &Strings, t: &Theme, area: Rect, buf: &mut Buffer) {
    let size = fill(
        s.too_small_size,
        &[
            ("need_w", &MIN_WIDTH),
            ("need_h", &MIN_HEIGHT),
            ("w", &area.width),
            ("h", &area.height),
        ],
    );
    let max = usize::from(area.width);
    let mut lines = text::wrap_plain(s.too_small, t.question, max);
    lines.extend(text::wrap_plain(&size, t.dim, max));
    for line in &mut lines {
        let w = text::line_width(line);
        line.spans
            .insert(0, Span::raw(" ".repeat(max.saturating_sub(w) / 2)));
    }
    let top = usize::from(area.height).saturating_sub(lines.len()) / 2;
    let body = Rect::new(
        area.x,
        area.y + top as u16,
        area.width,
        area.height - top as u16,
    );
    draw_lines(&lines, 0, body, buf);
}

/// How a scrolling document (the intro, the result) sits in the window: its length in lines, the
/// rows it gets, and where its sections start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentGeometry {
    /// Lines in the whole document.
    pub lines: usize,
    /// Rows on screen.
    pub height: usize,
    /// First line of each section.
    pub sections: Vec<usize>,
}

/// Where a reader is in a scrolling document: lines scrolled and the section they are in. The
/// player's intro and result and the comparison of sessions all move through a document with it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reading {
    /// Lines scrolled.
    pub scroll: usize,
    /// The section the reader is in.
    pub section: usize,
}

impl Reading {
    /// Where a scrolling command leads in a document.
    pub fn after(self, command: keymap::Command, doc: &DocumentGeometry) -> Reading {
        use keymap::Command;
        let max = doc.lines.saturating_sub(doc.height);
        let page = doc.height.saturating_sub(2).max(1);
        let scroll = match command {
            Command::NextSection => {
                let next = (self.section + 1).min(doc.sections.len().saturating_sub(1));
                return self.at_section(next, doc);
            }
            Command::PrevSection => return self.at_section(self.section.saturating_sub(1), doc),
            other => other
                .scroll()
                .map_or(self.scroll, |step| step.applied_to(self.scroll, page, max))
                .min(max),
        };
        // The section is the last one starting at or above the top line. At the very end, a short
        // closing section can't reach the top: keep the one jumped to while its heading shows.
        let derived = section_at(&doc.sections, scroll);
        let jumped_visible = doc
            .sections
            .get(self.section)
            .is_some_and(|&s| s >= scroll && s < scroll + doc.height);
        let section = if scroll == max && self.section > derived && jumped_visible {
            self.section
        } else {
            derived
        };
        Reading { scroll, section }
    }

    /// The reader at the start of a section (as far as the document scrolls); unchanged when
    /// there is no such section.
    pub fn at_section(self, section: usize, doc: &DocumentGeometry) -> Reading {
        let Some(&start) = doc.sections.get(section) else {
            return self;
        };
        let max = doc.lines.saturating_sub(doc.height);
        Reading {
            scroll: start.min(max),
            section,
        }
    }

    /// The same place after the document was laid out again (text rewraps on a resize, so line
    /// offsets change meaning): the same distance into the same section.
    pub fn relaid(self, before: Option<&DocumentGeometry>, after: &DocumentGeometry) -> Reading {
        let within = before.and_then(|doc| {
            doc.sections
                .get(self.section)
                .map(|&start| self.scroll.saturating_sub(start))
        });
        let start = after.sections.get(self.section).copied().unwrap_or(0);
        Reading {
            scroll: (start + within.unwrap_or(0)).min(after.lines.saturating_sub(after.height)),
            section: self.section,
        }
    }
}

/// The section a line belongs to: the last one starting at or before it.
fn section_at(starts: &[usize], line: usize) -> usize {
    starts.iter().rposition(|&s| s <= line).unwrap_or(0)
}

/// The geometry of the scrolling document on the current screen, if it has one.
pub fn document_geometry(app: &App, area: Rect) -> Option<DocumentGeometry> {
    let areas = areas(area)?;
    match app.screen() {
        Screen::Intro => Some(intro::geometry(app, areas.body)),
        Screen::Result { .. } => Some(result::geometry(app, areas.body, areas.density)),
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

/// Lines in the help overlay and the rows it gets.
pub fn help_geometry(app: &App, area: Rect) -> (usize, usize) {
    overlay::help_geometry(app, area)
}

/// What a click at a cell hits on the current screen: an answer, a review line, the intro's
/// button (0), or a section of the result's contents.
pub fn hit(app: &App, area: Rect, column: u16, row: u16) -> Option<usize> {
    let areas = areas(area)?;
    let inside = |r: Rect| column >= r.x && column < r.right() && row >= r.y && row < r.bottom();
    if !inside(areas.body) {
        return None;
    }
    match app.screen() {
        Screen::Intro => intro::hit(app, areas.body, row),
        Screen::Question { question, .. } => {
            question::hit(app, question, areas.body, areas.density, column, row)
        }
        Screen::Review { .. } => review::hit(app, areas.body, column, row),
        Screen::Result { .. } => result::hit(app, areas.body, areas.density, column, row),
    }
}

/// The offset that shows the selected item: from the top when it fits, else just enough to show
/// it whole (or its start, when it is taller than the area).
pub fn offset_for(item: std::ops::Range<usize>, height: usize) -> usize {
    if item.end <= height {
        0
    } else {
        (item.end - height).min(item.start)
    }
}

/// The offset that shows the `selected` one of a list's items (the last when it is past them),
/// as [`offset_for`] does.
pub fn offset_for_selected(
    items: &[std::ops::Range<usize>],
    selected: usize,
    height: usize,
) -> usize {
    let selected = selected.min(items.len().saturating_sub(1));
    items
        .get(selected)
        .map_or(0, |item| offset_for(item.clone(), height))
}

/// A main column at most `main` wide and a side pane at its right, in a group at most `group`
/// wide placed as [`column()`] places it: the pane takes about a third of the group, between the
/// `side` widths, and a gap of four columns.
pub fn beside(body: Rect, main: u16, group: u16, side: (u16, u16)) -> (Rect, Rect) {
    let group = column(body, group);
    let side_w = (group.width * 36 / 100).clamp(side.0, side.1);
    let gap = 4;
    let main_w = group.width.saturating_sub(side_w + gap).min(main);
    let main = Rect::new(group.x, group.y, main_w, group.height);
    let side = Rect::new(
        group.right().saturating_sub(side_w),
        group.y,
        side_w,
        group.height,
    );
    (main, side)
}
