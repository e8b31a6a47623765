//! The help overlay, generated from the keymaps: the focused pane's keys, the player's keys when
//! the preview has focus, the legend of marks, and a reminder that the file is the truth.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use super::outline::symbol;
use crate::report::outline::Mark;
use crate::tui::edit::app::{App, Pane};
use crate::tui::edit::keymap;
use crate::tui::keymap::{self as player_keymap, Command as PlayerCommand};
use crate::tui::view::text::{width, wrap, wrap_plain};
use crate::tui::view::{draw_lines, scrollbar};

const WIDTH: u16 = 78;

/// Player commands the preview does not offer (the editor takes their keys, or they write files).
fn offered_in_preview(command: PlayerCommand) -> bool {
    !matches!(
        command,
        PlayerCommand::Help
            | PlayerCommand::Quit
            | PlayerCommand::Interrupt
            | PlayerCommand::Save
            | PlayerCommand::Yes
            | PlayerCommand::No
    )
}

/// Rows of `(keys, what they do)` for the preview's current screen.
fn preview_rows(app: &App) -> Vec<(String, &'static str)> {
    let Some(preview) = app.preview() else {
        return Vec::new();
    };
    let player = preview.player();
    let context = player.context();
    let words = player.strings();
    player_keymap::BINDINGS
        .iter()
        .filter(|b| b.contexts.contains(&context) && offered_in_preview(b.command))
        .filter_map(|b| {
            let keys: Vec<String> = b
                .keys
                .iter()
                .filter(|&&k| !keymap::taken_in_preview(k))
                .map(|k| k.label(words))
                .collect();
            (!keys.is_empty()).then(|| (keys.join(words.key_or), (b.help)(words)))
        })
        .collect()
}

fn lines(app: &App, max: usize) -> Vec<Line<'static>> {
    let s = app.strings();
    let t = app.theme();
    let own = keymap::help(app.pane_context(), s, app.keys());
    let preview = if app.focus() == Pane::Preview {
        preview_rows(app)
    } else {
        Vec::new()
    };
    let keys_w = own
        .iter()
        .chain(&preview)
        .map(|(k, _)| width(k))
        .max()
        .unwrap_or(0)
        .min(max / 3)
        .min(24)
        + 2;
    let table = |rows: Vec<(String, &'static str)>, out: &mut Vec<Line<'static>>| {
        for (keys, text) in rows {
            let first = [Span::styled(format!("{keys:<keys_w$}"), t.key)];
            let rest = [Span::raw(" ".repeat(keys_w))];
            if width(&keys) < keys_w {
                out.extend(wrap(&[Span::styled(text, t.text)], max, &first, &rest));
            } else {
                out.extend(wrap_plain(&keys, t.key, max));
                out.extend(wrap(&[Span::styled(text, t.text)], max, &rest, &rest));
            }
        }
    };
    let mut out = Vec::new();
    table(own, &mut out);
    if !preview.is_empty() {
        out.push(Line::default());
        out.extend(wrap_plain(s.help_preview_keys, t.heading, max));
        table(preview, &mut out);
    }
    out.push(Line::default());
    out.extend(wrap_plain(s.help_marks, t.heading, max));
    let legend = [
        (symbol(Mark::Unreachable), t.dim, s.mark_unreachable),
        (symbol(Mark::DeadEnd), t.bad, s.mark_dead_end),
        (symbol(Mark::Broken), t.error, s.mark_broken),
        ("✗", t.error, s.severity_error),
        ("!", t.bad, s.severity_warning),
    ];
    for (mark, style, text) in legend {
        let first = [Span::styled(format!("{mark}  "), style)];
        let rest = [Span::raw("   ")];
        out.extend(wrap(&[Span::styled(text, t.text)], max, &first, &rest));
    }
    out.push(Line::default());
    out.extend(wrap_plain(s.help_source_of_truth, t.dim, max));
    out
}

/// The box and its content area for `rows` lines, centred.
fn frame_box(area: Rect, rows: usize) -> (Rect, Rect) {
    let w = WIDTH.min(area.width.saturating_sub(2));
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

fn laid_out(app: &App, area: Rect) -> (Rect, Rect, Vec<Line<'static>>) {
    let (_, probe) = frame_box(area, usize::from(area.height));
    let lines = lines(app, usize::from(probe.width.saturating_sub(1)));
    let (outer, inner) = frame_box(area, lines.len());
    (outer, inner, lines)
}

/// Lines of the help and the rows it gets.
pub fn help_geometry(app: &App, area: Rect) -> (usize, usize) {
    let (_, inner, lines) = laid_out(app, area);
    (lines.len(), usize::from(inner.height))
}

/// Draws the help over the panes.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme();
    let (outer, inner, lines) = laid_out(app, area);
    Clear.render(outer, buf);
    buf.set_style(outer, t.base);
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(t.text)
        .title(Line::from(Span::styled(
            format!(" {} ", app.strings().help_title),
            t.title,
        )))
        .render(outer, buf);
    let offset = app
        .help_scroll()
        .min(lines.len().saturating_sub(usize::from(inner.height)));
    draw_lines(&lines, offset, inner, buf);
    if outer.width > 4 {
        let bar = Rect::new(outer.right().saturating_sub(2), inner.y, 1, inner.height);
        scrollbar(lines.len(), offset, bar, t.rule, buf);
    }
}
