//! A remote participant's keys, as data: one table drives the handling, the footer and the help
//! screen. Few keys, all of them on any terminal: digits to vote, the arrows and Enter, `w` why
//! we ask, `l` another language, `?` help, `q` and Ctrl-C to leave.

use crossterm::event::KeyEvent;

use crate::locale::Words;
use crate::tui::keymap::{self, Binding, Hint, Key};

/// What a participant's key asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Vote for answer `n` as shown (0-based), or choose language `n`.
    Pick(usize),
    /// Move `›` up.
    Up,
    /// Move `›` down.
    Down,
    /// Vote for (or choose) the answer marked `›`.
    Choose,
    /// Join with the name typed.
    Join,
    /// Delete the last letter of the name.
    Erase,
    /// Scroll up a page.
    PageUp,
    /// Scroll down a page.
    PageDown,
    /// Why the question is asked.
    Why,
    /// The next language.
    Language,
    /// The keys.
    Help,
    /// Close the box on top.
    Close,
    /// Leave the room.
    Leave,
    /// Leave at once (Ctrl-C).
    Interrupt,
}

/// Where the keys are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Typing a name.
    Name,
    /// Choosing a language.
    Language,
    /// A question to vote on.
    Question,
    /// Waiting: the intro, the review.
    Waiting,
    /// The group's result.
    Result,
    /// The help or "why we ask" over any screen.
    Overlay,
}

use Context::{Language, Name, Overlay, Question, Result, Waiting};

/// Every context, for tests.
pub const ALL: &[Context] = &[Name, Language, Question, Waiting, Result, Overlay];

/// The participant's keymap: the first binding whose key matches in the context wins.
#[rustfmt::skip]
pub static BINDINGS: &[Binding<Context, Command>] = &[
    Binding::new(&[Key::Enter], Command::Join, &[Name], Some(0), |w| w.room.hint_join, |w| w.room.help_join),
    Binding::new(&[Key::Backspace], Command::Erase, &[Name], None, |w| w.room.hint_join, |w| w.room.help_erase),
    Binding::new(&[Key::Digits], Command::Pick(0), &[Question], Some(0), |w| w.room.hint_vote, |w| w.room.help_vote),
    Binding::new(&[Key::Digits], Command::Pick(0), &[Language], Some(0), |w| w.player.hint_choose, |w| w.room.help_choose_language),
    Binding::new(&[Key::Up, Key::Char('k')], Command::Up, &[Question, Language], Some(1), |w| w.common.hint_move, |w| w.common.help_up),
    Binding::new(&[Key::Down, Key::Char('j')], Command::Down, &[Question, Language], Some(1), |w| w.common.hint_move, |w| w.common.help_down),
    Binding::new(&[Key::Enter], Command::Choose, &[Question], None, |w| w.room.hint_vote, |w| w.room.help_choose),
    Binding::new(&[Key::Enter], Command::Choose, &[Language], None, |w| w.player.hint_choose, |w| w.room.help_choose_language),
    Binding::new(&[Key::Up, Key::Char('k')], Command::Up, &[Result, Overlay], Some(1), |w| w.common.hint_scroll, |w| w.common.help_scroll_up),
    Binding::new(&[Key::Down, Key::Char('j')], Command::Down, &[Result, Overlay], Some(1), |w| w.common.hint_scroll, |w| w.common.help_scroll_down),
    Binding::new(&[Key::PageUp], Command::PageUp, &[Result, Overlay], None, |w| w.common.hint_scroll, |w| w.common.help_page_up),
    Binding::new(&[Key::PageDown, Key::Char(' ')], Command::PageDown, &[Result, Overlay], None, |w| w.common.hint_scroll, |w| w.common.help_page_down),
    Binding::new(&[Key::Char('w')], Command::Why, &[Question], Some(2), |w| w.player.hint_why, |w| w.player.help_why),
    Binding::new(&[Key::Char('l')], Command::Language, &[Question, Waiting, Result], Some(3), |w| w.room.hint_language, |w| w.room.help_language),
    Binding::new(&[Key::Char('?')], Command::Help, &[Question, Waiting, Result], Some(4), |w| w.common.hint_help, |w| w.common.help_help),
    Binding::new(&[Key::Esc, Key::Char('?'), Key::Char('w'), Key::Char('q')], Command::Close, &[Overlay], Some(0), |w| w.common.hint_close, |w| w.common.help_close),
    Binding::new(&[Key::Char('q')], Command::Leave, &[Language, Question, Waiting, Result], Some(2), |w| w.room.hint_leave, |w| w.room.help_leave),
    Binding::new(&[Key::Esc], Command::Leave, &[Name], Some(2), |w| w.room.hint_leave, |w| w.room.help_leave),
    Binding::new(&[Key::Ctrl('c')], Command::Interrupt, &[Name, Language, Question, Waiting, Result, Overlay], None, |w| w.room.hint_leave, |w| w.common.help_interrupt),
];

/// The command a key gives in a context: a digit picks its answer.
pub fn command(context: Context, event: &KeyEvent) -> Option<Command> {
    let binding = keymap::lookup(BINDINGS, context, event)?;
    Some(match binding.command {
        Command::Pick(_) => Command::Pick(Key::digit(event).map_or(0, |n| n - 1)),
        other => other,
    })
}

/// The footer hints in a context.
pub fn hints(context: Context, words: &Words) -> Vec<Hint> {
    keymap::footer_hints(BINDINGS, context, words)
}

/// The help lines in a context.
pub fn help(context: Context, words: &Words) -> Vec<(String, &'static str)> {
    keymap::help_lines(BINDINGS, context, words)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::{EN, ES};
    use crossterm::event::{KeyCode, KeyModifiers};

    #[test]
    fn every_context_can_be_left_and_shows_how() {
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for &context in ALL {
            assert_eq!(
                command(context, &ctrl_c),
                Some(Command::Interrupt),
                "{context:?}"
            );
            for words in [&EN, &ES] {
                let hints = hints(context, words);
                assert!(!hints.is_empty(), "{context:?}");
            }
        }
    }

    #[test]
    fn digits_vote_by_their_number() {
        let three = KeyEvent::from(KeyCode::Char('3'));
        assert_eq!(command(Question, &three), Some(Command::Pick(2)));
        assert_eq!(command(Waiting, &three), None, "nothing to vote on");
    }
}
