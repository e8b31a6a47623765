//! Overlays drawn over the screen, bottom first: the help (generated from the keymap), why a
//! question is asked, and the quit confirmation.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use super::text::{width, wrap, wrap_plain};
use super::{draw_lines, hint_line, scrollbar};
use crate::tui::app::{App, Overlay, Screen};
use crate::tui::keymap::{self, Context};
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

fn help_lines(page: &HelpPage<'_>, max: usize) -> Vec<Line<'static>> {
    let s = page.strings;
    let t = page.theme;
    let rows = keymap::help(page.context, s);
    let keys_w = rows
        .iter()
        .map(|(k, _)| width(k))
        .max()
        .unwrap_or(0)
        .min(max / 3)
        .min(24)
        + 2;
    let mut lines = Vec::new();
    for (keys, text) in rows {
        let first = [Span::styled(format!("{keys:<keys_w$}"), t.key)];
        let rest = [Span::raw(" ".repeat(keys_w))];
        let keys_fit = width(&keys) < keys_w;
        if keys_fit {
            lines.extend(wrap(&[Span::styled(text, t.text)], max, &first, &rest));
        } else {
            lines.extend(wrap_plain(&keys, t.key, max));
            lines.extend(wrap(&[Span::styled(text, t.text)], max, &rest, &rest));
        }
    }
    lines.push(Line::default());
    for remark in page.remarks {
        lines.extend(wrap_plain(remark, t.dim, max));
    }
    lines
}

fn help_layout(page: &HelpPage<'_>, area: Rect) -> (Rect, Rect, Vec<Line<'static>>) {
    // Lay out at the widest the box can be, then size the box to the lines.
    let (_, probe) = frame_box(area, HELP_WIDTH, usize::from(area.height));
    let lines = help_lines(page, usize::from(probe.width.saturating_sub(1)));
    let (outer, inner) = frame_box(area, HELP_WIDTH, lines.len());
    (outer, inner, lines)
}

/// Lines of the help and the rows it gets.
pub fn help_geometry(app: &App, area: Rect) -> (usize, usize) {
    player_help(app, |page| help_page_geometry(page, area))
}

/// Lines of a help page and the rows it gets in `area`.
pub(crate) fn help_page_geometry(page: &HelpPage<'_>, area: Rect) -> (usize, usize) {
    let (_, inner, lines) = help_layout(page, area);
    (lines.len(), usize::from(inner.height))
}

fn help(app: &App, area: Rect, buf: &mut Buffer) {
    player_help(app, |page| help_page(page, area, buf));
}

/// Draws a help page as an overlay box.
pub(crate) fn help_page(page: &HelpPage<'_>, area: Rect, buf: &mut Buffer) {
    let (outer, inner, lines) = help_layout(page, area);
    draw_box(page.theme, outer, page.strings.help_title, buf);
    let offset = page
        .scroll
        .min(lines.len().saturating_sub(usize::from(inner.height)));
    draw_lines(&lines, offset, inner, buf);
    let bar = Rect::new(outer.right().saturating_sub(2), inner.y, 1, inner.height);
    if outer.width > 4 {
        scrollbar(lines.len(), offset, bar, page.theme.rule, buf);
    }
}

fn why(app: &App, area: Rect, buf: &mut Buffer) {
    let why = match app.screen() {
        Screen::Question { question, .. } => app.guide().questions[question].why.as_str(),
        _ => "",
    };
    why_box(app.strings(), app.theme(), why, area, buf);
}

/// Draws why a question is asked (or that the guide does not say) as an overlay box.
pub(crate) fn why_box(s: &Strings, t: &Theme, why: &str, area: Rect, buf: &mut Buffer) {
    let (text, style): (&str, Style) = if why.is_empty() {
        (s.why_missing, t.dim)
    } else {
        (why, t.text)
    };
    let (_, probe) = frame_box(area, 64, usize::from(area.height));
    let lines = wrap_plain(text, style, usize::from(probe.width));
    let (outer, inner) = frame_box(area, 64, lines.len());
    draw_box(t, outer, s.why_title, buf);
    draw_lines(&lines, 0, inner, buf);
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
