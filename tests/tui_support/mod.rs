//! Helpers shared by the TUI tests: load a guide, drive the app with keys, read the frame.
#![allow(dead_code)]

use std::path::Path;
use std::sync::Arc;

use coop_guide::guide::{check_path, Guide};
use coop_guide::tui::keymap::parse_keys;
use coop_guide::tui::{view, App, AppEffect, Theme};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::Terminal;

/// Loads a guide that must have no errors.
pub fn guide(path: &str) -> Arc<Guide> {
    let checked = check_path(Path::new(path));
    Arc::new(
        checked
            .guide
            .unwrap_or_else(|| panic!("{path} has errors: {:?}", checked.diagnostics)),
    )
}

/// The small decision-making guide, always there.
pub fn decision() -> Arc<Guide> {
    guide("guides/decision-making.ron")
}

/// A fresh app of the given size, default theme.
pub fn app(guide: Arc<Guide>, width: u16, height: u16) -> App {
    App::new(guide)
        .with_theme(Theme::default_theme())
        .with_size(width, height)
}

/// Sends a key sequence (see `parse_keys`) and collects the effects.
pub fn press(app: &mut App, keys: &str) -> Vec<AppEffect> {
    parse_keys(keys)
        .into_iter()
        .flat_map(|k| app.key(k))
        .collect()
}

/// An app after a key sequence.
pub fn after(guide: Arc<Guide>, keys: &str, width: u16, height: u16) -> App {
    let mut a = app(guide, width, height);
    press(&mut a, keys);
    a
}

/// The frame drawn at the app's size, on a test backend (what a snapshot shows).
pub fn backend(app: &App) -> TestBackend {
    let (w, h) = app.size();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    terminal.draw(|f| view::render(app, f)).expect("draw");
    terminal.backend().clone()
}

/// The frame as a buffer.
pub fn buffer(app: &App) -> Buffer {
    let (w, h) = app.size();
    let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
    view::render_into(app, buf.area, &mut buf);
    buf
}

/// The frame's text, one line per row, trailing spaces removed.
pub fn text(app: &App) -> String {
    let buf = buffer(app);
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut row = String::new();
        for x in 0..buf.area.width {
            row.push_str(buf[(x, y)].symbol());
        }
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out
}

/// The row on which a text first appears.
pub fn row_of(app: &App, needle: &str) -> Option<u16> {
    text(app)
        .lines()
        .position(|l| l.contains(needle))
        .map(|r| r as u16)
}
