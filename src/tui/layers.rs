//! What every full-screen view keeps on top of its screen: the overlays (help, why we ask, a
//! confirmation, a note being typed) as a stack with their scrolling, and the status line an
//! action leaves for a moment. One piece for every view, so the rules are written once:
//!
//! - the top overlay gets the keys, closing it shows the one below (helix's compositor);
//! - an overlay scrolls by lines, pages and the wheel (three lines a turn), never past its end,
//!   and keeps its place within bounds when the window changes size;
//! - a status lasts until the next gesture — a key press, a click, a turn of the wheel — and
//!   then the key hints come back.

use super::input::Input;
use super::keymap::Scroll;

/// Lines a turn of the wheel scrolls.
pub const WHEEL_LINES: usize = 3;

/// An overlay of kind `K` and how far it is scrolled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layer<K> {
    /// What it is.
    pub kind: K,
    /// Lines scrolled.
    pub scroll: usize,
}

/// The overlays open over a screen, bottom first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layers<K> {
    stack: Vec<Layer<K>>,
}

impl<K> Default for Layers<K> {
    fn default() -> Self {
        Layers { stack: Vec::new() }
    }
}

impl<K> Layers<K> {
    /// Opens an overlay on top, scrolled to its start.
    pub fn open(&mut self, kind: K) {
        self.stack.push(Layer { kind, scroll: 0 });
    }

    /// Closes the top overlay, if there is one.
    pub fn close(&mut self) -> Option<K> {
        self.stack.pop().map(|layer| layer.kind)
    }

    /// The top overlay.
    pub fn top(&self) -> Option<&Layer<K>> {
        self.stack.last()
    }

    /// The top overlay, to change it (a note being typed).
    pub fn top_mut(&mut self) -> Option<&mut Layer<K>> {
        self.stack.last_mut()
    }

    /// True when no overlay is open.
    pub fn is_empty(&self) -> bool {
        self.stack.is_empty()
    }

    /// The overlays, bottom first.
    pub fn iter(&self) -> std::slice::Iter<'_, Layer<K>> {
        self.stack.iter()
    }

    /// Scrolls the top overlay by a step (none: it stays), for its `(lines, rows)`; a page is a
    /// screenful less one line.
    pub fn scroll(&mut self, step: Option<Scroll>, geometry: (usize, usize)) {
        if let Some(top) = self.stack.last_mut() {
            top.scroll = scrolled(top.scroll, step, geometry);
        }
    }

    /// Scrolls the top overlay for a turn of the wheel.
    pub fn wheel(&mut self, down: bool, geometry: (usize, usize)) {
        for _ in 0..WHEEL_LINES {
            self.scroll(Some(Scroll::wheel(down)), geometry);
        }
    }

    /// Keeps every overlay's place within its bounds after the window changed size;
    /// `geometry` gives an overlay's `(lines, rows)` at the new size.
    pub fn clamp(&mut self, geometry: impl Fn(&K) -> (usize, usize)) {
        for layer in &mut self.stack {
            let (lines, rows) = geometry(&layer.kind);
            layer.scroll = layer.scroll.min(lines.saturating_sub(rows));
        }
    }
}

impl<K: PartialEq> Layers<K> {
    /// True when the top overlay is of this kind.
    pub fn on_top(&self, kind: &K) -> bool {
        self.top().is_some_and(|l| &l.kind == kind)
    }
}

/// Where a scrolling text starts after a step (none: it stays), for its `(lines, rows)`: a page
/// is a screenful less one line, and it never scrolls past its end.
pub fn scrolled(scroll: usize, step: Option<Scroll>, geometry: (usize, usize)) -> usize {
    let (lines, rows) = geometry;
    let max = lines.saturating_sub(rows);
    let page = rows.saturating_sub(1).max(1);
    step.map_or(scroll, |step| step.applied_to(scroll, page, max))
        .min(max)
}

/// A line shown after an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Something worked; the text says what.
    Done(String),
    /// Something failed; the text says why.
    Failed(String),
    /// Something to know, shown once (a session resumed on another version of its guide).
    Notice(String),
}

/// The status line: what the last action reported, until the next gesture.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatusLine {
    status: Option<Status>,
}

impl StatusLine {
    /// What is shown, if anything.
    pub fn get(&self) -> Option<&Status> {
        self.status.as_ref()
    }

    /// Shows a status.
    pub fn set(&mut self, status: Status) {
        self.status = Some(status);
    }

    /// Shows that something worked.
    pub fn done(&mut self, text: impl Into<String>) {
        self.set(Status::Done(text.into()));
    }

    /// Shows that something failed.
    pub fn failed(&mut self, text: impl Into<String>) {
        self.set(Status::Failed(text.into()));
    }

    /// Shows how writing a file went: `saved` with the `{path}` written, or `failed` with the
    /// `{error}`. True when it was written.
    pub fn report_saved(
        &mut self,
        outcome: &Result<std::path::PathBuf, String>,
        saved: &str,
        failed: &str,
    ) -> bool {
        match outcome {
            Ok(path) => {
                let shown = path.display().to_string();
                self.done(crate::locale::fill(saved, &[("path", &shown)]));
                true
            }
            Err(error) => {
                self.failed(crate::locale::fill(failed, &[("error", error)]));
                false
            }
        }
    }

    /// Shows nothing.
    pub fn clear(&mut self) {
        self.status = None;
    }

    /// The rule every view follows: a status lasts until the next gesture.
    pub fn on_input(&mut self, input: &Input) {
        if input.is_a_gesture() {
            self.clear();
        }
    }
}

/// A view that keeps a status line: the rule for gestures and commands, written once. A gesture
/// takes the status away ([`StatusLine::on_input`]); so does a command, given as if its key had
/// been pressed; then the view handles what it was given.
pub trait KeepsStatus: Sized {
    /// The view's status line.
    fn status_line(&mut self) -> &mut StatusLine;

    /// Hands an input to `handle`, once a gesture has taken the status away.
    fn gesture<E>(&mut self, input: Input, handle: impl FnOnce(&mut Self, Input) -> E) -> E {
        self.status_line().on_input(&input);
        handle(self, input)
    }

    /// Hands a command to `handle`, once the status is gone.
    fn order<C, E>(&mut self, command: C, handle: impl FnOnce(&mut Self, C) -> E) -> E {
        self.status_line().clear();
        handle(self, command)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyEvent};

    #[test]
    fn the_top_overlay_scrolls_within_its_bounds() {
        let mut layers = Layers::default();
        layers.open("help");
        layers.scroll(Some(Scroll::PageDown), (30, 10));
        assert_eq!(layers.top().map(|l| l.scroll), Some(9));
        layers.wheel(true, (30, 10));
        layers.scroll(Some(Scroll::Bottom), (30, 10));
        assert_eq!(layers.top().map(|l| l.scroll), Some(20));
        layers.clamp(|_| (30, 25));
        assert_eq!(layers.top().map(|l| l.scroll), Some(5));
        layers.open("why");
        assert!(layers.on_top(&"why"));
        assert_eq!(layers.close(), Some("why"));
        assert_eq!(
            layers.top().map(|l| l.scroll),
            Some(5),
            "the help keeps its place"
        );
    }

    #[test]
    fn a_status_lasts_until_the_next_gesture() {
        let mut line = StatusLine::default();
        line.done("Saved");
        line.on_input(&Input::Resize(80, 24));
        assert!(line.get().is_some());
        line.on_input(&Input::Key(KeyEvent::from(KeyCode::Char('j'))));
        assert!(line.get().is_none());
    }
}
