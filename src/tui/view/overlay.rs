//! Overlays drawn over the screen, bottom first: the help (generated from the keymap), why a
//! question is asked, and the quit confirmation. The help's box, key tables and scrolling serve
//! workshop mode's and the editor's helps too.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use super::text::{width, wrap, wrap_plain};
use super::{draw_lines, hint_line, scrollbar};
use crate::tui::app::{App, Overlay, Screen};
use crate::tui::keymap::{self, Context, Scroll};
use crate::tui::strings::{fill, Strings};
use crate::tui::theme::Theme;

/// Draws every overlay, bottom first.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    for overlay in app.overlays() {
        match overlay {
            Overlay::Help => help(app, area, buf),
            Overlay::Why => why(app, area, buf),
            Overlay::ConfirmQuit => confirm(app, area, buf),
        }
    }
}

/// The box of an overlay: at most `want` columns wide, tall enough for `rows` of content when
/// it can be, centred. Returns the outer box and the content area inside it.
pub(crate) fn frame_box(area: Rect, want: u16, rows: usize) -> (Rect, Rect) {
    let w = want.min(area.width.saturating_sub(2));
    let h = (rows as u16)
        .saturating_add(4)
        .min(area.height.saturating_sub(2));
    let outer = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    let inner = Rect::new(
        outer.x + 3,
        outer.y + 2,
        outer.width.saturating_sub(6),
        outer.height.saturating_sub(4),
    );
    (outer, inner)
}

/// Clears the box and draws its rounded border with a title.
pub(crate) fn draw_box(t: &Theme, outer: Rect, title: &str, buf: &mut Buffer) {
    Clear.render(outer, buf);
    buf.set_style(outer, t.base);
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(t.text)
        .title(Line::from(Span::styled(format!(" {title} "), t.title)))
        .render(outer, buf);
}

/// A help laid out in its box: every help overlay (the player's, workshop mode's, the editor's)
/// is laid out, measured and drawn with it.
#[derive(Debug, Clone)]
pub(crate) struct HelpBox {
    outer: Rect,
    inner: Rect,
    lines: Vec<Line<'static>>,
}

impl HelpBox {
    /// Lays a help out at most `want` columns wide in `area`: `lines` makes its lines for a width
    /// (the widest the box can be), then the box is sized to them.
    pub(crate) fn new(
        area: Rect,
        want: u16,
        lines: impl FnOnce(usize) -> Vec<Line<'static>>,
    ) -> HelpBox {
        let (_, probe) = frame_box(area, want, usize::from(area.height));
        let lines = lines(usize::from(probe.width.saturating_sub(1)));
        let (outer, inner) = frame_box(area, want, lines.len());
        HelpBox {
            outer,
            inner,
            lines,
        }
    }

    /// Lines of the help and the rows it gets.
    pub(crate) fn geometry(&self) -> (usize, usize) {
        (self.lines.len(), usize::from(self.inner.height))
    }

    /// Draws the box with its title, the lines from `scroll` on, and a scrollbar.
    pub(crate) fn draw(&self, t: &Theme, title: &str, scroll: usize, buf: &mut Buffer) {
        let (outer, inner, lines) = (self.outer, self.inner, &self.lines);
        draw_box(t, outer, title, buf);
        let offset = scroll.min(lines.len().saturating_sub(usize::from(inner.height)));
        draw_lines(lines, offset, inner, buf);
        let bar = Rect::new(outer.right().saturating_sub(2), inner.y, 1, inner.height);
        if outer.width > 4 {
            scrollbar(lines.len(), offset, bar, t.rule, buf);
        }
    }
}

/// Where the help starts after a scrolling step (none: it stays), for the help's `(lines, rows)`:
/// a page is a screenful less one line.
pub(crate) fn help_scrolled(
    scroll: usize,
    step: Option<Scroll>,
    geometry: (usize, usize),
) -> usize {
    let (lines, height) = geometry;
    let max = lines.saturating_sub(height);
    let page = height.saturating_sub(1).max(1);
    step.map_or(scroll, |step| step.applied_to(scroll, page, max))
        .min(max)
}

/// The width of the keys column of a help's key tables: the widest keys of `rows`, at most a
/// third of the line and 24 columns, and a gap.
pub(crate) fn keys_column<'a>(
    rows: impl IntoIterator<Item = &'a (String, &'static str)>,
    max: usize,
) -> usize {
    rows.into_iter()
        .map(|(k, _)| width(k))
        .max()
        .unwrap_or(0)
        .min(max / 3)
        .min(24)
        + 2
}

/// A key table in `max` columns: each row's keys in a column `keys_w` wide and what they do
/// beside them, wrapped; keys too wide for the column get a line of their own.
pub(crate) fn key_table(
    rows: Vec<(String, &'static str)>,
    keys_w: usize,
    t: &Theme,
    max: usize,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for (keys, text) in rows {
        let first = [Span::styled(format!("{keys:<keys_w$}"), t.key)];
        let rest = [Span::raw(" ".repeat(keys_w))];
        if width(&keys) < keys_w {
            lines.extend(wrap(&[Span::styled(text, t.text)], max, &first, &rest));
        } else {
            lines.extend(wrap_plain(&keys, t.key, max));
            lines.extend(wrap(&[Span::styled(text, t.text)], max, &rest, &rest));
        }
    }
    lines
}

const HELP_WIDTH: u16 = 76;

/// What a help overlay lists: the keys of one screen's context, then a few remarks.
#[derive(Debug, Clone, Copy)]
pub(crate) struct HelpPage<'a> {
    /// The screen whose keys are listed.
    pub context: Context,
    /// Remarks below the keys.
    pub remarks: &'a [&'a str],
    /// Words.
    pub strings: &'static Strings,
    /// Styles.
    pub theme: &'a Theme,
    /// Lines scrolled.
    pub scroll: usize,
}

impl HelpPage<'_> {
    /// The page laid out in its box in `area`.
    fn laid_out(&self, area: Rect) -> HelpBox {
        HelpBox::new(area, HELP_WIDTH, |max| self.lines(max))
    }

    fn lines(&self, max: usize) -> Vec<Line<'static>> {
        let rows = keymap::help(self.context, self.strings);
        let keys_w = keys_column(&rows, max);
        let mut lines = key_table(rows, keys_w, self.theme, max);
        lines.push(Line::default());
        for remark in self.remarks {
            lines.extend(wrap_plain(remark, self.theme.dim, max));
        }
        lines
    }
}

/// The player's help: the keys of the screen below, that going back keeps answers, the mouse.
fn player_help<R>(app: &App, with: impl FnOnce(&HelpPage<'_>) -> R) -> R {
    let s = app.strings();
    let remarks = [s.help_answers_kept, s.help_mouse];
    with(&HelpPage {
        context: app.screen_context(),
        remarks: &remarks,
        strings: s,
        theme: app.theme(),
        scroll: app.help_scroll(),
    })
}

/// Lines of the help and the rows it gets.
pub fn help_geometry(app: &App, area: Rect) -> (usize, usize) {
    player_help(app, |page| help_page_geometry(page, area))
}

/// Lines of a help page and the rows it gets in `area`.
pub(crate) fn help_page_geometry(page: &HelpPage<'_>, area: Rect) -> (usize, usize) {
    page.laid_out(area).geometry()
}

fn help(app: &App, area: Rect, buf: &mut Buffer) {
    player_help(app, |page| help_page(page, area, buf));
}

/// Draws a help page as an overlay box.
pub(crate) fn help_page(page: &HelpPage<'_>, area: Rect, buf: &mut Buffer) {
    page.laid_out(area)
        .draw(page.theme, page.strings.help_title, page.scroll, buf);
}

/// Why the question on screen is asked, for the overlay ("" when none is on screen).
fn why_text(app: &App) -> &str {
    match app.screen() {
        Screen::Question { question, .. } => app.guide().questions[question].why.as_str(),
        _ => "",
    }
}

fn why(app: &App, area: Rect, buf: &mut Buffer) {
    why_box(
        app.strings(),
        app.theme(),
        why_text(app),
        app.why_scroll(),
        area,
        buf,
    );
}

/// Lines of the "why we ask" overlay and the rows it gets.
pub fn why_geometry(app: &App, area: Rect) -> (usize, usize) {
    why_laid_out(app.strings(), app.theme(), why_text(app), area).geometry()
}

/// Why a question is asked (or that the guide does not say), laid out in its box.
pub(crate) fn why_laid_out(s: &Strings, t: &Theme, why: &str, area: Rect) -> HelpBox {
    let (text, style): (&str, Style) = if why.is_empty() {
        (s.why_missing, t.dim)
    } else {
        (why, t.text)
    };
    HelpBox::new(area, WHY_WIDTH, |max| wrap_plain(text, style, max))
}

const WHY_WIDTH: u16 = 64;

/// Draws why a question is asked (or that the guide does not say) as an overlay box, from line
/// `scroll`, with the scrollbar the help and the result have when it does not fit.
pub(crate) fn why_box(
    s: &Strings,
    t: &Theme,
    why: &str,
    scroll: usize,
    area: Rect,
    buf: &mut Buffer,
) {
    why_laid_out(s, t, why, area).draw(t, s.why_title, scroll, buf);
}

fn confirm(app: &App, area: Rect, buf: &mut Buffer) {
    let s = app.strings();
    let t = app.theme();
    let count = app.answer_count();
    let body = if count == 1 {
        s.quit_body_one.to_string()
    } else {
        fill(s.quit_body, &[("count", &count)])
    };
    let (_, probe) = frame_box(area, 56, usize::from(area.height));
    let max = usize::from(probe.width);
    let mut lines = wrap_plain(&body, t.text, max);
    lines.push(Line::default());
    lines.push(hint_line(app, max));
    let (outer, inner) = frame_box(area, 56, lines.len());
    draw_box(t, outer, s.quit_title, buf);
    draw_lines(&lines, 0, inner, buf);
}
