//! Helpers shared by the TUI tests, whichever view they drive: load a guide, draw a view (the
//! player, the editor, workshop mode's presenter and report viewer: every view of the shell) and
//! read its frame.
//!
//! - [`player`], [`edit`], [`facilitate`]: open each view and drive it with keys;
//! - [`pty`]: the real binary in a pseudo-terminal, for the end-to-end tests;
//! - [`cli`]: the real binary as a command with piped input, for the plain mode and the rest.
#![allow(dead_code, clippy::expect_used, clippy::unwrap_used)]

pub mod cli;
pub mod edit;
pub mod facilitate;
pub mod player;
#[cfg(unix)]
pub mod pty;

use std::path::Path;
use std::sync::Arc;

use coop_guide::guide::{check_path, Guide};
use coop_guide::locale::EN;
use coop_guide::tui::facilitate::{Comparison, Presenter};
use coop_guide::tui::input::Input;
use coop_guide::tui::keymap::{parse_keys, press, Binding, Hint, Key};
use crossterm::event::KeyEvent;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::Terminal;

/// The small decision-making guide.
pub const DECISION: &str = "guides/decision-making.ron";

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
    guide(DECISION)
}

/// A full-screen view the tests draw: any view of the shell, with the size it lays itself out
/// for.
pub trait View: coop_guide::tui::shell::View {
    /// The size the view was last told of.
    fn size(&self) -> (u16, u16);

    /// Draws the view into a buffer area.
    fn render_into(&self, area: Rect, buf: &mut Buffer) {
        coop_guide::tui::shell::View::render(self, area, buf);
    }

    /// Tells the view the window has a new size (its effects are dropped).
    fn resize_to(&mut self, width: u16, height: u16) {
        let _ = self.input(Input::Resize(width, height));
    }
}

impl View for coop_guide::tui::player::App {
    fn size(&self) -> (u16, u16) {
        coop_guide::tui::look::Looks::size(self)
    }
}

impl View for coop_guide::tui::edit::App {
    fn size(&self) -> (u16, u16) {
        coop_guide::tui::look::Looks::size(self)
    }
}

impl View for Presenter {
    fn size(&self) -> (u16, u16) {
        self.size()
    }
}

impl View for Comparison {
    fn size(&self) -> (u16, u16) {
        coop_guide::tui::look::Looks::size(self)
    }
}

/// The frame drawn at the view's size, on a test backend (what a snapshot shows).
pub fn backend(view: &impl View) -> TestBackend {
    let (w, h) = view.size();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    terminal
        .draw(|f| view.render_into(f.area(), f.buffer_mut()))
        .expect("draw");
    terminal.backend().clone()
}

/// The frame as a buffer.
pub fn buffer(view: &impl View) -> Buffer {
    let (w, h) = view.size();
    draw(view, w, h)
}

/// The view drawn into a buffer of a size of its own (the size sweeps: nothing may panic, and
/// no wide glyph is left in halves).
pub fn draw(view: &impl View, width: u16, height: u16) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
    view.render_into(buf.area, &mut buf);
    assert_no_half_glyphs(&buf);
    buf
}

/// Every wide glyph (CJK, most emoji) has its whole width on screen: it is not in the last
/// column, and nothing was drawn over its second half.
pub fn assert_no_half_glyphs(buf: &Buffer) {
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let symbol = buf[(x, y)].symbol();
            let w = ratatui::text::Span::raw(symbol).width();
            for dx in 1..w {
                let next = x.checked_add(u16::try_from(dx).unwrap_or(u16::MAX));
                let covered = next
                    .filter(|&n| n < buf.area.width)
                    .map(|n| buf[(n, y)].symbol());
                assert_eq!(
                    covered,
                    Some(" "),
                    "half of {symbol:?} at {x},{y}:\n{}",
                    buffer_text(buf)
                );
            }
        }
    }
}

/// A copy of the view told of each size and drawn at it: a resize can come at any time.
pub fn draw_at_sizes<V: View + Clone>(base: &V, widths: &[u16], heights: &[u16]) {
    for &w in widths {
        for &h in heights {
            let mut view = base.clone();
            view.resize_to(w, h);
            draw(&view, w, h);
        }
    }
}

/// A buffer's text, one line per row, trailing spaces removed.
pub fn buffer_text(buf: &Buffer) -> String {
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

/// The frame's text, one line per row, trailing spaces removed.
pub fn text(view: &impl View) -> String {
    buffer_text(&buffer(view))
}

/// The row on which a text first appears.
pub fn row_of(view: &impl View, needle: &str) -> Option<u16> {
    text(view)
        .lines()
        .position(|l| l.contains(needle))
        .map(|r| r as u16)
}

/// A key event that presses a key of a keymap (for a digit, 1).
pub fn key_event(key: Key) -> KeyEvent {
    press(key)
}

/// What the size sweeps check is on screen at a size: from 40×12 up, each of `wanted`; below
/// it, the request for a larger window (wherever it fits on one line).
pub fn assert_shown_at<V: View + Clone>(base: &V, width: u16, height: u16, wanted: &[&str]) {
    let mut view = base.clone();
    view.resize_to(width, height);
    let shown = buffer_text(&draw(&view, width, height));
    if width >= 40 && height >= 12 {
        for text in wanted {
            assert!(
                shown.contains(text),
                "{width}x{height}: {text:?} is not on screen:\n{shown}"
            );
        }
    } else if width >= 22 && height >= 1 {
        assert!(
            shown.contains("Make the window larger"),
            "{width}x{height}: no request for a larger window:\n{shown}"
        );
    }
}

/// Sends a key sequence (see `parse_keys`) to a view through `key`, and collects the effects.
pub fn each_key<E>(keys: &str, key: impl FnMut(KeyEvent) -> Vec<E>) -> Vec<E> {
    parse_keys(keys).into_iter().flat_map(key).collect()
}

/// The binding a footer hint shown in `context` comes from, if it is one of `bindings`.
pub fn binding_of<'a, C: PartialEq, M>(
    bindings: &'a [Binding<C, M>],
    context: &C,
    hint: &Hint,
) -> Option<&'a Binding<C, M>> {
    bindings
        .iter()
        .find(|b| b.contexts.contains(context) && (b.hint)(&EN) == hint.text)
}
