//! What goes down a participant's channel: the bytes that take their terminal from the frame
//! it shows to the next one, and the farewell that hands the terminal back.
//!
//! A participant's view is drawn into a buffer of their window's size; what is sent is only
//! the cells that differ from the last frame *their terminal actually got* (ratatui's diff,
//! written as crossterm writes it for the local terminal), inside a synchronized update. So a
//! frame that was never sent — skipped because the participant's connection was still busy
//! with an earlier one — costs nothing and breaks nothing: the next diff starts from what they
//! have. The first frame, and the first after a resize, clear the screen and draw it whole.

use std::io::Write;

use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::Buffer;

/// Enters the alternate screen, hides the cursor, clears.
const ENTER: &[u8] = b"\x1b[?1049h\x1b[?25l\x1b[H\x1b[2J";
/// Clears the screen (a new size).
const CLEAR: &[u8] = b"\x1b[H\x1b[2J";
/// Begins a synchronized update (DEC mode 2026): the terminal shows the frame at once.
const BEGIN: &[u8] = b"\x1b[?2026h";
/// Ends it.
const END: &[u8] = b"\x1b[?2026l";
/// Resets the style, shows the cursor, leaves the alternate screen.
const LEAVE: &[u8] = b"\x1b[0m\x1b[?25h\x1b[?1049l";

/// The bytes that take a terminal showing `shown` (nothing yet, for `None`) to `next`; empty
/// when nothing changed.
pub fn update(shown: Option<&Buffer>, next: &Buffer) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(BEGIN);
    let blank;
    let before = match shown {
        Some(before) if before.area == next.area => before,
        _ => {
            out.extend_from_slice(if shown.is_none() { ENTER } else { CLEAR });
            blank = Buffer::empty(next.area);
            &blank
        }
    };
    let changes = before.diff(next);
    if changes.is_empty() && shown.is_some_and(|b| b.area == next.area) {
        return Vec::new();
    }
    let mut backend = CrosstermBackend::new(&mut out);
    // Writing into memory cannot fail; a failure would only shorten the frame.
    let _ = backend.draw(changes.into_iter());
    let _ = Backend::flush(&mut backend);
    out.extend_from_slice(END);
    out
}

/// The bytes that hand the terminal back (the main screen, the cursor) and print `text` there,
/// so it stays in the participant's terminal after the connection closes.
pub fn farewell(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(END);
    out.extend_from_slice(LEAVE);
    for line in text.lines() {
        let _ = write!(out, "{line}\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    fn buffer(w: u16, h: u16, text: &str) -> Buffer {
        let mut b = Buffer::empty(Rect::new(0, 0, w, h));
        b.set_string(0, 0, text, Style::default());
        b
    }

    /// What a terminal shows after the bytes.
    fn shown(bytes: &[u8], w: u16, h: u16) -> String {
        let mut parser = vt100::Parser::new(
            std::num::NonZeroU16::new(h).expect("rows"),
            std::num::NonZeroU16::new(w).expect("cols"),
            0,
        );
        parser.process(bytes);
        parser.screen().contents()
    }

    #[test]
    fn the_first_frame_is_whole_and_later_ones_only_what_changed() {
        let first = update(None, &buffer(20, 3, "hello"));
        assert!(first.starts_with(BEGIN));
        assert!(first.windows(ENTER.len()).any(|w| w == ENTER));
        let second = update(Some(&buffer(20, 3, "hello")), &buffer(20, 3, "help!"));
        assert!(second.len() < first.len());
        let mut all = first.clone();
        all.extend_from_slice(&second);
        assert_eq!(shown(&all, 20, 3).trim(), "help!");
        assert!(update(Some(&buffer(20, 3, "same")), &buffer(20, 3, "same")).is_empty());
    }

    #[test]
    fn a_skipped_frame_breaks_nothing_the_diff_starts_from_what_was_sent() {
        let a = buffer(20, 3, "one");
        let c = buffer(20, 3, "three");
        let mut bytes = update(None, &a);
        // "two" was drawn but never sent: the next update goes from "one" to "three".
        bytes.extend_from_slice(&update(Some(&a), &c));
        assert_eq!(shown(&bytes, 20, 3).trim(), "three");
    }

    #[test]
    fn a_new_size_clears_and_draws_whole() {
        let mut bytes = update(None, &buffer(20, 3, "wide text here"));
        bytes.extend_from_slice(&update(
            Some(&buffer(20, 3, "wide text here")),
            &buffer(10, 3, "narrow"),
        ));
        assert_eq!(shown(&bytes, 20, 3).trim(), "narrow");
    }

    #[test]
    fn the_farewell_hands_the_terminal_back() {
        let mut bytes = update(None, &buffer(20, 3, "frame"));
        bytes.extend_from_slice(&farewell("Bye.\nSee you."));
        let mut parser = vt100::Parser::new(
            std::num::NonZeroU16::new(5).expect("rows"),
            std::num::NonZeroU16::new(20).expect("cols"),
            0,
        );
        parser.process(&bytes);
        let screen = parser.screen();
        assert!(!screen.alternate_screen());
        assert!(!screen.hide_cursor());
        assert!(
            screen.contents().contains("Bye.\nSee you."),
            "{}",
            screen.contents()
        );
    }
}
