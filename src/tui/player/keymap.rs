//! The player's keys as data: one table drives the key handling, the footer hints and the help
//! screen (through [`crate::tui::keymap`]). Workshop mode and the editor's preview lay their
//! own keys over this table.

use crossterm::event::KeyEvent;

use crate::locale::Words;
use crate::tui::document::Move;
use crate::tui::keymap::{self, Binding, Hint, Key, Scroll};

/// What a key asks the player for; the app decides what it means on the current screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Move the selection up.
    Up,
    /// Move the selection down.
    Down,
    /// Scroll up one line.
    ScrollUp,
    /// Scroll down one line.
    ScrollDown,
    /// Scroll up a page.
    PageUp,
    /// Scroll down a page.
    PageDown,
    /// Go to the top.
    Top,
    /// Go to the end.
    Bottom,
    /// Jump to the next section.
    NextSection,
    /// Jump to the previous section.
    PrevSection,
    /// Leave the intro and start.
    Start,
    /// Choose the selected answer.
    Choose,
    /// Choose answer `n` (0-based).
    Pick(usize),
    /// Open the selected line of the review.
    Open,
    /// Go back one step.
    Back,
    /// Show the review of the answers.
    Review,
    /// Show (or hide) why the question is asked.
    Why,
    /// Show the help.
    Help,
    /// Save the result.
    Save,
    /// Show every change of "What would change it", or the first few again.
    Changes,
    /// Quit, asking first when answers would be lost.
    Quit,
    /// Quit at once (Ctrl-C).
    Interrupt,
    /// Close the top overlay.
    Close,
    /// Yes (confirm quitting).
    Yes,
    /// No (stay).
    No,
}

impl Command {
    /// The step through a scrolling text or down a list this command asks for, if it is one.
    pub fn scroll(self) -> Option<Scroll> {
        match self {
            Command::ScrollUp => Some(Scroll::Up),
            Command::ScrollDown => Some(Scroll::Down),
            Command::PageUp => Some(Scroll::PageUp),
            Command::PageDown => Some(Scroll::PageDown),
            Command::Top => Some(Scroll::Top),
            Command::Bottom => Some(Scroll::Bottom),
            _ => None,
        }
    }

    /// The move through a document this command asks for, if it is one.
    pub fn document_move(self) -> Option<Move> {
        match self {
            Command::NextSection => Some(Move::NextSection),
            Command::PrevSection => Some(Move::PrevSection),
            other => other.scroll().map(Move::Scroll),
        }
    }
}

/// Where the player reads keys: a screen, or the overlay on top of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The intro screen.
    Intro,
    /// A question.
    Question,
    /// The review of answers.
    Review,
    /// The result.
    Result,
    /// The help overlay.
    Help,
    /// The "why we ask" overlay.
    Why,
    /// The quit confirmation.
    ConfirmQuit,
    /// The quit confirmation over a result that is not saved: save, quit, or stay.
    SaveOrQuit,
}

use Context::{ConfirmQuit, Help, Intro, Question, Result, Review, SaveOrQuit, Why};

/// Every context.
pub const ALL: &[Context] = &[
    Intro,
    Question,
    Review,
    Result,
    Help,
    Why,
    ConfirmQuit,
    SaveOrQuit,
];
const CONFIRMING: &[Context] = &[ConfirmQuit, SaveOrQuit];
/// The screens (not the overlays).
pub const SCREENS: &[Context] = &[Intro, Question, Review, Result];
const DOCUMENTS: &[Context] = &[Intro, Result, Help, Why];
/// Screens that scroll a page at a time (the review: past its button, where the answers not used
/// are).
const PAGES: &[Context] = &[Intro, Result, Help, Why, Review];
const ENDS: &[Context] = &[Question, Review, Result, Help, Why];

/// The keymap. Order matters: the first binding whose key matches in the context wins, and the
/// footer and help list bindings in this order.
#[rustfmt::skip]
pub static BINDINGS: &[Binding<Context, Command>] = &[
    // Starting (first, so the intro's footer leads with it).
    Binding::new(&[Key::Enter], Command::Start, &[Intro], Some(0), |w| w.player.hint_start, |w| w.player.help_start),
    // Moving.
    Binding::new(&[Key::Up, Key::Char('k')], Command::Up, &[Question, Review], Some(1), |w| w.common.hint_move, |w| w.common.help_up),
    Binding::new(&[Key::Down, Key::Char('j')], Command::Down, &[Question, Review], Some(1), |w| w.common.hint_move, |w| w.common.help_down),
    Binding::new(&[Key::Up, Key::Char('k')], Command::ScrollUp, DOCUMENTS, Some(4), |w| w.common.hint_scroll, |w| w.common.help_scroll_up),
    Binding::new(&[Key::Down, Key::Char('j')], Command::ScrollDown, DOCUMENTS, Some(4), |w| w.common.hint_scroll, |w| w.common.help_scroll_down),
    Binding::new(&[Key::PageUp], Command::PageUp, PAGES, None, |w| w.common.hint_scroll, |w| w.common.help_page_up),
    Binding::new(&[Key::PageDown, Key::Char(' ')], Command::PageDown, PAGES, None, |w| w.common.hint_scroll, |w| w.common.help_page_down),
    Binding::new(&[Key::Home, Key::Char('g')], Command::Top, ENDS, None, |w| w.common.hint_scroll, |w| w.common.help_top),
    Binding::new(&[Key::End, Key::Char('G')], Command::Bottom, ENDS, None, |w| w.common.hint_scroll, |w| w.common.help_bottom),
    Binding::new(&[Key::Tab, Key::Char(']')], Command::NextSection, &[Result], Some(4), |w| w.common.hint_section, |w| w.common.help_next_section),
    Binding::new(&[Key::BackTab, Key::Char('[')], Command::PrevSection, &[Result], None, |w| w.common.hint_section, |w| w.common.help_prev_section),
    // Deciding.
    Binding::new(&[Key::Enter], Command::Choose, &[Question], Some(0), |w| w.player.hint_choose, |w| w.player.help_choose),
    Binding::new(&[Key::Digits], Command::Pick(0), &[Question], Some(6), |w| w.player.hint_pick, |w| w.player.help_pick),
    Binding::new(&[Key::Enter], Command::Open, &[Review], Some(0), |w| w.player.hint_open, |w| w.player.help_open),
    Binding::new(&[Key::Char('b'), Key::Backspace, Key::Esc], Command::Back, &[Question, Review], Some(2), |w| w.player.hint_back, |w| w.player.help_back),
    Binding::new(&[Key::Char('b'), Key::Backspace, Key::Esc], Command::Back, &[Result], None, |w| w.player.hint_back, |w| w.player.help_back_result),
    Binding::new(&[Key::Char('r')], Command::Review, &[Question, Result], Some(4), |w| w.player.hint_review, |w| w.player.help_review),
    Binding::new(&[Key::Char('w')], Command::Why, &[Question], Some(5), |w| w.player.hint_why, |w| w.player.help_why),
    Binding::new(&[Key::Char('s')], Command::Save, &[Result], Some(1), |w| w.common.hint_save, |w| w.player.help_save),
    Binding::new(&[Key::Char('c')], Command::Changes, &[Result], Some(2), |w| w.player.hint_all_changes, |w| w.player.help_changes),
    // Overlays.
    Binding::new(&[Key::Char('y'), Key::Enter], Command::Yes, CONFIRMING, Some(0), |w| w.player.hint_yes_quit, |w| w.player.help_yes),
    Binding::new(&[Key::Char('q')], Command::Yes, CONFIRMING, None, |w| w.player.hint_yes_quit, |w| w.player.help_yes),
    Binding::new(&[Key::Char('n'), Key::Esc], Command::No, CONFIRMING, Some(0), |w| w.player.hint_no_stay, |w| w.player.help_no),
    Binding::new(&[Key::Char('s')], Command::Save, &[SaveOrQuit], Some(0), |w| w.common.hint_save, |w| w.player.help_save),
    Binding::new(&[Key::Esc, Key::Char('?'), Key::Enter], Command::Close, &[Help], Some(0), |w| w.common.hint_close, |w| w.common.help_close),
    Binding::new(&[Key::Esc, Key::Char('w'), Key::Enter], Command::Close, &[Why], Some(0), |w| w.common.hint_close, |w| w.common.help_close),
    // Everywhere.
    Binding::new(&[Key::Char('?')], Command::Help, SCREENS, Some(3), |w| w.common.hint_help, |w| w.common.help_help),
    Binding::new(&[Key::Char('q')], Command::Quit, &[Intro, Question, Review, Result, Help, Why], Some(3), |w| w.common.hint_quit, |w| w.player.help_quit),
    Binding::new(&[Key::Ctrl('c')], Command::Interrupt, ALL, None, |w| w.common.hint_quit, |w| w.common.help_interrupt),
];

/// The command a binding gives for a key event: a digit key picks its answer.
pub fn command_of(binding: &Binding<Context, Command>, event: &KeyEvent) -> Command {
    match binding.command {
        Command::Pick(_) => Command::Pick(Key::digit(event).map_or(0, |n| n - 1)),
        command => command,
    }
}

/// The command a key event gives in a context, if any. Key releases give none.
pub fn command(context: Context, event: &KeyEvent) -> Option<Command> {
    keymap::lookup(BINDINGS, context, event).map(|b| command_of(b, event))
}

/// The footer hints for a context.
pub fn hints(context: Context, words: &Words) -> Vec<Hint> {
    keymap::footer_hints(BINDINGS, context, words)
}

/// The help screen's lines for a context.
pub fn help(context: Context, words: &Words) -> Vec<(String, &'static str)> {
    keymap::help_lines(BINDINGS, context, words)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::EN;
    use crate::tui::keymap::press;

    #[test]
    fn every_context_can_quit_and_every_screen_has_help() {
        for &context in ALL {
            assert_eq!(
                command(context, &press(Key::Ctrl('c'))),
                Some(Command::Interrupt),
                "{context:?}"
            );
        }
        for &context in SCREENS {
            let hints = hints(context, &EN);
            assert!(
                hints.iter().any(|h| h.keys == "?"),
                "{context:?}: {hints:?}"
            );
        }
    }

    #[test]
    fn digits_pick_answers_counting_from_zero() {
        let three = KeyEvent::from(crossterm::event::KeyCode::Char('3'));
        assert_eq!(command(Context::Question, &three), Some(Command::Pick(2)));
        assert_eq!(command(Context::Review, &three), None);
    }

    #[test]
    fn neighbouring_hints_with_the_same_text_share_an_entry() {
        let hints = hints(Context::Question, &EN);
        assert_eq!(hints[0].keys, "↑↓");
        assert_eq!(hints[0].text, "move");
    }
}
