//! What the full-screen views take in, and where it comes from.
//!
//! [`Input`] is all a view is ever told by its user: a key, a new size, a left click, a turn of
//! the wheel. An [`InputSource`] produces it: [`Keyboard`] reads the local terminal through
//! crossterm; another source (a remote participant's channel) only has to decode its bytes into
//! the same type, and every view works over it unchanged. Events no view uses (focus, mouse
//! moves, paste) are dropped here, once.

use std::collections::VecDeque;
use std::io;
use std::time::{Duration, Instant};

use crossterm::event::{self, Event, KeyEvent, KeyEventKind, MouseButton, MouseEventKind};

/// One thing a user did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// A key was pressed (or released, on terminals that say so).
    Key(KeyEvent),
    /// The window has a new size: columns, rows.
    Resize(u16, u16),
    /// A left click on a cell.
    Click {
        /// Column.
        column: u16,
        /// Row.
        row: u16,
    },
    /// The wheel turned over a cell (`down` is towards the end).
    Wheel {
        /// Towards the end of the text.
        down: bool,
        /// Column under the pointer.
        column: u16,
        /// Row under the pointer.
        row: u16,
    },
}

impl Input {
    /// True for what ends a status line ("it lasts until the next key"): a key press, a click,
    /// a turn of the wheel. Resizes and key releases leave it.
    pub fn is_a_gesture(&self) -> bool {
        match self {
            Input::Key(key) => key.kind != KeyEventKind::Release,
            Input::Click { .. } | Input::Wheel { .. } => true,
            Input::Resize(..) => false,
        }
    }
}

/// Where inputs come from.
pub trait InputSource {
    /// The size of the window inputs are for, as the view starts: columns, rows.
    fn size(&mut self) -> io::Result<(u16, u16)>;

    /// The next input, waiting at most `wait` (forever when `None`); `None` when the wait ran
    /// out first.
    fn next(&mut self, wait: Option<Duration>) -> io::Result<Option<Input>>;
}

/// The local terminal, read through crossterm. It blocks in the operating system while nothing
/// happens, so an idle view uses no CPU.
#[derive(Debug, Clone, Copy, Default)]
pub struct Keyboard;

impl InputSource for Keyboard {
    fn size(&mut self) -> io::Result<(u16, u16)> {
        crossterm::terminal::size()
    }

    fn next(&mut self, wait: Option<Duration>) -> io::Result<Option<Input>> {
        let deadline = wait.map(|wait| Instant::now() + wait);
        loop {
            if let Some(deadline) = deadline {
                let left = deadline.saturating_duration_since(Instant::now());
                if !event::poll(left)? {
                    return Ok(None);
                }
            }
            if let Some(input) = decode(event::read()?) {
                return Ok(Some(input));
            }
        }
    }
}

/// Inputs given in advance, for tests and scripted runs: it never waits, and ends with an
/// error of kind [`io::ErrorKind::UnexpectedEof`] when a view asks for more than there is.
#[derive(Debug, Clone, Default)]
pub struct Script {
    size: (u16, u16),
    inputs: VecDeque<Input>,
}

impl Script {
    /// A script of inputs for a window of `size`.
    pub fn new(size: (u16, u16), inputs: impl IntoIterator<Item = Input>) -> Script {
        Script {
            size,
            inputs: inputs.into_iter().collect(),
        }
    }
}

impl InputSource for Script {
    fn size(&mut self) -> io::Result<(u16, u16)> {
        Ok(self.size)
    }

    fn next(&mut self, wait: Option<Duration>) -> io::Result<Option<Input>> {
        match self.inputs.pop_front() {
            Some(input) => Ok(Some(input)),
            None if wait.is_some() => Ok(None),
            None => Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "the script has no more inputs",
            )),
        }
    }
}

/// Decodes a terminal event, or `None` for events no view uses.
pub fn decode(ev: Event) -> Option<Input> {
    match ev {
        Event::Key(key) => Some(Input::Key(key)),
        Event::Resize(width, height) => Some(Input::Resize(width, height)),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Input::Click {
                column: mouse.column,
                row: mouse.row,
            }),
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => Some(Input::Wheel {
                down: mouse.kind == MouseEventKind::ScrollDown,
                column: mouse.column,
                row: mouse.row,
            }),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyModifiers, MouseEvent};

    #[test]
    fn only_what_views_use_is_decoded() {
        let mouse = |kind| {
            Event::Mouse(MouseEvent {
                kind,
                column: 3,
                row: 4,
                modifiers: KeyModifiers::NONE,
            })
        };
        assert_eq!(
            decode(mouse(MouseEventKind::Down(MouseButton::Left))),
            Some(Input::Click { column: 3, row: 4 })
        );
        assert_eq!(
            decode(mouse(MouseEventKind::ScrollUp)),
            Some(Input::Wheel {
                down: false,
                column: 3,
                row: 4
            })
        );
        assert_eq!(decode(mouse(MouseEventKind::Moved)), None);
        assert_eq!(decode(Event::FocusGained), None);
        assert_eq!(decode(Event::Resize(80, 24)), Some(Input::Resize(80, 24)));
    }

    #[test]
    fn gestures_end_a_status_and_resizes_do_not() {
        let press = KeyEvent::from(KeyCode::Char('j'));
        let mut release = press;
        release.kind = KeyEventKind::Release;
        assert!(Input::Key(press).is_a_gesture());
        assert!(!Input::Key(release).is_a_gesture());
        assert!(!Input::Resize(1, 1).is_a_gesture());
        assert!(Input::Click { column: 0, row: 0 }.is_a_gesture());
    }
}
