//! Decoding what a participant's terminal sends into the [`Input`]s every view takes.
//!
//! An SSH client in a pseudo-terminal sends bytes as typed: printable text as UTF-8, Enter as
//! a carriage return, control keys as control bytes, and the other keys as escape sequences
//! (`ESC [ A` for ↑ in normal mode, `ESC O A` in application mode). A participant needs few
//! keys — digits, arrows, Enter, Esc, Backspace, letters, Ctrl-C — and those are all decoded
//! here; any other sequence is skipped whole, never read as stray letters. An Esc is a lone
//! escape byte at the end of what arrived: terminals send a key's sequence in one piece.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::tui::input::Input;

/// The inputs in bytes from a participant's terminal, in order.
pub fn decode(bytes: &[u8]) -> Vec<Input> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let (used, key) = next(&bytes[i..]);
        if let Some(key) = key {
            out.push(Input::Key(key));
        }
        i += used.max(1);
    }
    out
}

fn key(code: KeyCode) -> Option<KeyEvent> {
    Some(KeyEvent::new(code, KeyModifiers::NONE))
}

/// The bytes the key at the start of `bytes` takes, and the key (`None` for bytes skipped).
fn next(bytes: &[u8]) -> (usize, Option<KeyEvent>) {
    let first = bytes[0];
    match first {
        b'\r' => {
            // A terminal sending CR LF for Enter gives one Enter.
            let used = if bytes.get(1) == Some(&b'\n') { 2 } else { 1 };
            (used, key(KeyCode::Enter))
        }
        b'\n' => (1, key(KeyCode::Enter)),
        b'\t' => (1, key(KeyCode::Tab)),
        0x7f | 0x08 => (1, key(KeyCode::Backspace)),
        0x1b => escape(bytes),
        0x01..=0x1a => {
            let letter = char::from(b'a' + first - 1);
            (
                1,
                Some(KeyEvent::new(KeyCode::Char(letter), KeyModifiers::CONTROL)),
            )
        }
        0x00..=0x1f => (1, None),
        _ => text(bytes),
    }
}

/// One UTF-8 character; a byte that starts none is skipped.
fn text(bytes: &[u8]) -> (usize, Option<KeyEvent>) {
    let len = match bytes[0] {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return (1, None),
    };
    let Some(slice) = bytes.get(..len) else {
        return (bytes.len(), None);
    };
    match std::str::from_utf8(slice)
        .ok()
        .and_then(|s| s.chars().next())
    {
        Some(c) if !c.is_control() => (len, key(KeyCode::Char(c))),
        Some(_) => (len, None),
        None => (1, None),
    }
}

/// An escape sequence, or Esc itself.
fn escape(bytes: &[u8]) -> (usize, Option<KeyEvent>) {
    match bytes.get(1) {
        None => (1, key(KeyCode::Esc)),
        Some(b'[') => csi(bytes),
        Some(b'O') => match bytes.get(2) {
            Some(&b) => (3, arrow(b)),
            None => (2, None),
        },
        // Another Esc right after: the first one is a key of its own.
        Some(0x1b) => (1, key(KeyCode::Esc)),
        // Alt and a key: not a participant's key; the pair is skipped.
        Some(_) => {
            let (used, _) = next(&bytes[1..]);
            (1 + used, None)
        }
    }
}

/// `ESC [` parameters, then a final byte.
fn csi(bytes: &[u8]) -> (usize, Option<KeyEvent>) {
    let body = &bytes[2..];
    let Some(end) = body.iter().position(|b| (0x40..=0x7e).contains(b)) else {
        return (bytes.len(), None);
    };
    let params = &body[..end];
    let used = 2 + end + 1;
    let code = match (params, body[end]) {
        (_, b'A' | b'B' | b'C' | b'D' | b'H' | b'F') if !params.contains(&b'<') => {
            return (used, arrow(body[end]));
        }
        (_, b'Z') => Some(KeyCode::BackTab),
        (b"1" | b"7", b'~') => Some(KeyCode::Home),
        (b"4" | b"8", b'~') => Some(KeyCode::End),
        (b"3", b'~') => Some(KeyCode::Delete),
        (b"5", b'~') => Some(KeyCode::PageUp),
        (b"6", b'~') => Some(KeyCode::PageDown),
        _ => None,
    };
    (used, code.and_then(key))
}

/// The key of an arrow sequence's final byte.
fn arrow(b: u8) -> Option<KeyEvent> {
    match b {
        b'A' => key(KeyCode::Up),
        b'B' => key(KeyCode::Down),
        b'C' => key(KeyCode::Right),
        b'D' => key(KeyCode::Left),
        b'H' => key(KeyCode::Home),
        b'F' => key(KeyCode::End),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(bytes: &[u8]) -> Vec<(KeyCode, KeyModifiers)> {
        decode(bytes)
            .into_iter()
            .map(|i| match i {
                Input::Key(k) => (k.code, k.modifiers),
                other => panic!("{other:?}"),
            })
            .collect()
    }

    fn plain(code: KeyCode) -> (KeyCode, KeyModifiers) {
        (code, KeyModifiers::NONE)
    }

    #[test]
    fn digits_letters_and_text_are_characters() {
        assert_eq!(
            codes("1q?é€".as_bytes()),
            ['1', 'q', '?', 'é', '€'].map(|c| plain(KeyCode::Char(c)))
        );
    }

    #[test]
    fn enter_backspace_and_control_keys() {
        assert_eq!(
            codes(b"\r\r\n\n\x7f\x08\x03\t"),
            vec![
                plain(KeyCode::Enter),
                plain(KeyCode::Enter),
                plain(KeyCode::Enter),
                plain(KeyCode::Backspace),
                plain(KeyCode::Backspace),
                (KeyCode::Char('c'), KeyModifiers::CONTROL),
                plain(KeyCode::Tab),
            ]
        );
    }

    #[test]
    fn arrows_in_both_modes_and_the_editing_keys() {
        assert_eq!(
            codes(b"\x1b[A\x1bOB\x1b[C\x1bOD\x1b[5~\x1b[6~\x1b[H\x1b[4~\x1b[3~\x1b[Z"),
            vec![
                plain(KeyCode::Up),
                plain(KeyCode::Down),
                plain(KeyCode::Right),
                plain(KeyCode::Left),
                plain(KeyCode::PageUp),
                plain(KeyCode::PageDown),
                plain(KeyCode::Home),
                plain(KeyCode::End),
                plain(KeyCode::Delete),
                plain(KeyCode::BackTab),
            ]
        );
    }

    #[test]
    fn a_lone_escape_is_esc_and_unknown_sequences_are_skipped_whole() {
        assert_eq!(codes(b"\x1b"), vec![plain(KeyCode::Esc)]);
        assert_eq!(codes(b"\x1b\x1b"), vec![plain(KeyCode::Esc); 2]);
        // A mouse report, a function key, an Alt-x, a cut-off sequence: nothing comes out, and
        // nothing after them is lost.
        assert_eq!(
            codes(b"\x1b[<0;12;5M\x1b[15~\x1bx2\x1b[1;5"),
            vec![plain(KeyCode::Char('2'))]
        );
    }

    #[test]
    fn broken_text_is_skipped_without_losing_what_follows() {
        assert_eq!(
            codes(b"\xff\xc3a\x00b"),
            vec![plain(KeyCode::Char('a')), plain(KeyCode::Char('b'))]
        );
        assert_eq!(codes(&[0xe2, 0x82]), vec![]);
    }
}
