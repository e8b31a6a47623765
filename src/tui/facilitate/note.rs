//! The note a facilitator types on a question: one line of text (wrapped on screen) with a
//! cursor. What is typed is sanitised as it arrives: control, bidi-override and line-breaking
//! characters never enter the text, so they can reach neither the terminal nor the session file.

use crate::guide::text::is_unsafe_char;

/// The longest note kept, in characters (a note is a sentence or two, not an essay).
pub const MAX_CHARS: usize = 2000;

/// A note being typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NoteInput {
    text: Vec<char>,
    cursor: usize,
}

impl NoteInput {
    /// An input holding `text` (a note written before), the cursor at its end.
    pub fn new(text: &str) -> NoteInput {
        let mut input = NoteInput::default();
        for c in text.chars() {
            input.insert(if c == '\n' { ' ' } else { c });
        }
        input
    }

    /// The text typed so far.
    pub fn text(&self) -> String {
        self.text.iter().collect()
    }

    /// The characters typed so far.
    pub fn chars(&self) -> &[char] {
        &self.text
    }

    /// The cursor, as a position in the characters (the length when it is at the end).
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Types a character at the cursor. Controls and invisible reordering characters are
    /// dropped, a tab becomes a space, and nothing is added past [`MAX_CHARS`].
    pub fn insert(&mut self, c: char) {
        let c = if c == '\t' { ' ' } else { c };
        if c.is_control() || is_unsafe_char(c) || self.text.len() >= MAX_CHARS {
            return;
        }
        self.text.insert(self.cursor, c);
        self.cursor += 1;
    }

    /// Moves the cursor one character left.
    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    /// Moves the cursor one character right.
    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.text.len());
    }

    /// Moves the cursor to the start.
    pub fn home(&mut self) {
        self.cursor = 0;
    }

    /// Moves the cursor to the end.
    pub fn end(&mut self) {
        self.cursor = self.text.len();
    }

    /// Deletes the character before the cursor.
    pub fn erase(&mut self) {
        if self.cursor > 0 {
            self.cursor -= 1;
            self.text.remove(self.cursor);
        }
    }

    /// Deletes the character under the cursor.
    pub fn erase_forward(&mut self) {
        if self.cursor < self.text.len() {
            self.text.remove(self.cursor);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_edits_at_the_cursor() {
        let mut note = NoteInput::new("ac");
        note.left();
        note.insert('b');
        assert_eq!(note.text(), "abc");
        note.home();
        note.erase_forward();
        note.end();
        note.erase();
        assert_eq!(note.text(), "b");
        assert_eq!(note.cursor(), 1);
    }

    #[test]
    fn control_and_bidi_characters_never_enter_the_text() {
        let mut note = NoteInput::default();
        for c in [
            'a', '\u{1b}', '\u{7}', '\u{202e}', '\n', '\t', 'b', '\u{9b}',
        ] {
            note.insert(c);
        }
        assert_eq!(note.text(), "a b");
        assert_eq!(NoteInput::new("one\ntwo").text(), "one two");
    }

    #[test]
    fn a_note_stops_growing_at_the_limit() {
        let mut note = NoteInput::new(&"x".repeat(MAX_CHARS));
        note.insert('y');
        assert_eq!(note.chars().len(), MAX_CHARS);
    }
}
