//! The help overlay, generated from the keymaps: the focused pane's keys, the player's keys when
//! the preview has focus, the legend of marks, and a reminder that the file is the truth.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::outline::symbol;
use crate::report::outline::Mark;
use crate::tui::edit::app::{App, Pane};
use crate::tui::edit::keymap;
use crate::tui::keymap::{self as player_keymap, Command as PlayerCommand};
use crate::tui::view::overlay::{key_table, keys_column, HelpBox};
use crate::tui::view::text::{wrap, wrap_plain};

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
    let keys_w = keys_column(own.iter().chain(&preview), max);
    let mut out = key_table(own, keys_w, t, max);
    if !preview.is_empty() {
        out.push(Line::default());
        out.extend(wrap_plain(s.help_preview_keys, t.heading, max));
        out.extend(key_table(preview, keys_w, t, max));
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

fn laid_out(app: &App, area: Rect) -> HelpBox {
    HelpBox::new(area, WIDTH, |max| lines(app, max))
}

/// Lines of the help and the rows it gets.
pub fn help_geometry(app: &App, area: Rect) -> (usize, usize) {
    laid_out(app, area).geometry()
}

/// Draws the help over the panes.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let title = app.keys().help_title;
    laid_out(app, area).draw(app.theme(), title, app.help_scroll(), buf);
}
