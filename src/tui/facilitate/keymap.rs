//! Workshop mode's keys, laid over the player's ([`crate::tui::keymap::Layered`]): on each of
//! the presenter's screens the workshop's table is read first, then the player's for the same
//! screen, minus the keys the workshop takes. So `b`, `r`, `w`, `?` work as in the player,
//! while Enter records the marked answer, the digits move the marker, and `q` says the session is
//! already saved. The note input and the report viewer have tables of their own here.

use crossterm::event::KeyEvent;

use crate::locale::Words;
use crate::tui::document::Move;
use crate::tui::keymap::{self, Binding, Either, Hint, Key, Layered, Scroll};
use crate::tui::player::keymap::{
    self as player, Command as PlayerCommand, Context as PlayerContext,
};

/// What a key asks workshop mode for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Move the marker `›` up.
    Up,
    /// Move `›` down.
    Down,
    /// Move `›` to answer `n` (0-based).
    Select(usize),
    /// Add a raised hand to the answer `›` was moved to.
    AddHand,
    /// Remove a raised hand from it.
    RemoveHand,
    /// Record the answer marked `›`.
    Record,
    /// Write a note on the question.
    Note,
    /// Start, lengthen or stop the countdown.
    Countdown,
    /// Show or hide the facilitator notes.
    NotesPane,
    /// Show (or close) what the session recorded that this version of the guide no longer asks.
    Earlier,
    /// Save the hand-out (on the result) or the comparison (in the report viewer).
    Save,
    /// Quit (the session is already saved).
    Quit,
    /// Quit at once (Ctrl-C).
    Interrupt,
    /// Keep the note being typed.
    KeepNote,
    /// Leave the note input without keeping what was typed.
    CancelNote,
    /// Move the text cursor left.
    Left,
    /// Move the text cursor right.
    Right,
    /// Move the text cursor to the start.
    Home,
    /// Move the text cursor to the end.
    End,
    /// Delete the character before the cursor.
    Erase,
    /// Delete the character under the cursor.
    EraseForward,
    /// Move through the report viewer's document.
    Document(Move),
    /// Show the help.
    Help,
}

/// Where workshop mode reads its own keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The intro, as the player shows it.
    Intro,
    /// A question on the presenter view, with hands and notes.
    Question,
    /// The review, as the player shows it.
    Review,
    /// The result, whose hand-out is saved beside the session file.
    Result,
    /// The help over any screen.
    Help,
    /// "Why we ask" over a question.
    Why,
    /// Typing a note on a question.
    Note,
    /// What the session recorded that this version of the guide no longer asks.
    Earlier,
    /// The report viewer: the comparison of sessions.
    Comparison,
    /// The facilitator's read-only view of a session a presenter has open.
    Follow,
}

/// Every context of workshop mode.
pub const ALL: &[Context] = &[
    Context::Intro,
    Context::Question,
    Context::Review,
    Context::Result,
    Context::Help,
    Context::Why,
    Context::Note,
    Context::Earlier,
    Context::Comparison,
    Context::Follow,
];

impl Context {
    /// The workshop's context over a screen of the player's.
    pub fn over(screen: PlayerContext) -> Context {
        match screen {
            PlayerContext::Intro => Context::Intro,
            PlayerContext::Review => Context::Review,
            PlayerContext::Result | PlayerContext::SaveOrQuit => Context::Result,
            PlayerContext::Help => Context::Help,
            PlayerContext::Why => Context::Why,
            PlayerContext::Question | PlayerContext::ConfirmQuit => Context::Question,
        }
    }

    /// The player's context a workshop context lays its keys over (`None` for the workshop's
    /// own: the note input, the report viewer).
    pub fn under(self) -> Option<PlayerContext> {
        match self {
            Context::Intro => Some(PlayerContext::Intro),
            Context::Question => Some(PlayerContext::Question),
            Context::Review => Some(PlayerContext::Review),
            Context::Result => Some(PlayerContext::Result),
            Context::Help => Some(PlayerContext::Help),
            // A text over the screen, read and closed like "why we ask".
            Context::Why | Context::Earlier => Some(PlayerContext::Why),
            Context::Note | Context::Comparison | Context::Follow => None,
        }
    }
}

use Context::{Comparison, Earlier, Follow, Intro, Note, Question, Result, Review};

/// Player commands the presenter does not offer in its help: the keys are the workshop's, or
/// they would confirm a quit the presenter never asks about.
pub fn offered(command: PlayerCommand) -> bool {
    !matches!(
        command,
        PlayerCommand::Quit
            | PlayerCommand::Save
            | PlayerCommand::Yes
            | PlayerCommand::No
            | PlayerCommand::Choose
            | PlayerCommand::Pick(_)
    )
}

/// The workshop's keymap. The first binding whose key matches in the context wins; the footer
/// and the help list bindings in this order, before the player's. A binding kept out of the
/// footer (`q`, `s` on the result) changes what the player's key does there, and the player's
/// footer hint for it stays.
#[rustfmt::skip]
pub static BINDINGS: &[Binding<Context, Command>] = &[
    // Counting hands and choosing for the group.
    Binding::new(&[Key::Up, Key::Char('k')], Command::Up, &[Question], Some(1), |w| w.common.hint_move, |w| w.common.help_up),
    Binding::new(&[Key::Down, Key::Char('j')], Command::Down, &[Question], Some(1), |w| w.common.hint_move, |w| w.common.help_down),
    Binding::new(&[Key::Char('+'), Key::Right, Key::Char('=')], Command::AddHand, &[Question], Some(1), |w| w.workshop.hint_hands, |w| w.workshop.help_add_hand),
    Binding::new(&[Key::Char('-'), Key::Left], Command::RemoveHand, &[Question], Some(1), |w| w.workshop.hint_hands, |w| w.workshop.help_remove_hand),
    Binding::new(&[Key::Enter], Command::Record, &[Question], Some(0), |w| w.player.hint_choose, |w| w.workshop.help_record),
    Binding::new(&[Key::Digits], Command::Select(0), &[Question], None, |w| w.workshop.hint_select, |w| w.workshop.help_select),
    Binding::new(&[Key::Char('n')], Command::Note, &[Question], Some(4), |w| w.workshop.hint_note, |w| w.workshop.help_note),
    Binding::new(&[Key::Char('t')], Command::Countdown, &[Question], Some(5), |w| w.workshop.hint_countdown, |w| w.workshop.help_countdown),
    Binding::new(&[Key::Char('h')], Command::NotesPane, &[Question], Some(3), |w| w.workshop.hint_notes_pane, |w| w.workshop.help_notes_pane),
    Binding::new(&[Key::Char('e')], Command::Earlier, &[Intro, Question, Review, Result, Earlier], None, |w| w.facilitator.hint_earlier, |w| w.facilitator.help_earlier),
    Binding::new(&[Key::Char('s')], Command::Save, &[Result], None, |w| w.common.hint_save, |w| w.workshop.help_save_handout),
    Binding::new(&[Key::Char('q')], Command::Quit, &[Intro, Question, Review, Result], None, |w| w.common.hint_quit, |w| w.workshop.help_quit_session),
    // Typing a note.
    Binding::new(&[Key::Enter], Command::KeepNote, &[Note], Some(0), |w| w.common.hint_save, |w| w.workshop.help_note_save),
    Binding::new(&[Key::Esc], Command::CancelNote, &[Note], Some(0), |w| w.workshop.hint_cancel, |w| w.workshop.help_note_cancel),
    Binding::new(&[Key::Left], Command::Left, &[Note], Some(2), |w| w.common.hint_move, |w| w.workshop.help_text_left),
    Binding::new(&[Key::Right], Command::Right, &[Note], Some(2), |w| w.common.hint_move, |w| w.workshop.help_text_right),
    Binding::new(&[Key::Home], Command::Home, &[Note], None, |w| w.common.hint_move, |w| w.workshop.help_text_start),
    Binding::new(&[Key::End], Command::End, &[Note], None, |w| w.common.hint_move, |w| w.workshop.help_text_end),
    Binding::new(&[Key::Backspace], Command::Erase, &[Note], None, |w| w.common.hint_move, |w| w.workshop.help_text_erase),
    Binding::new(&[Key::Delete], Command::EraseForward, &[Note], None, |w| w.common.hint_move, |w| w.workshop.help_text_erase_forward),
    // The report viewer.
    Binding::new(&[Key::Up, Key::Char('k')], Command::Document(Move::Scroll(Scroll::Up)), &[Comparison, Follow], Some(4), |w| w.common.hint_scroll, |w| w.common.help_scroll_up),
    Binding::new(&[Key::Down, Key::Char('j')], Command::Document(Move::Scroll(Scroll::Down)), &[Comparison, Follow], Some(4), |w| w.common.hint_scroll, |w| w.common.help_scroll_down),
    Binding::new(&[Key::PageUp], Command::Document(Move::Scroll(Scroll::PageUp)), &[Comparison, Follow], None, |w| w.common.hint_scroll, |w| w.common.help_page_up),
    Binding::new(&[Key::PageDown, Key::Char(' ')], Command::Document(Move::Scroll(Scroll::PageDown)), &[Comparison, Follow], None, |w| w.common.hint_scroll, |w| w.common.help_page_down),
    Binding::new(&[Key::Home, Key::Char('g')], Command::Document(Move::Scroll(Scroll::Top)), &[Comparison, Follow], None, |w| w.common.hint_scroll, |w| w.common.help_top),
    Binding::new(&[Key::End, Key::Char('G')], Command::Document(Move::Scroll(Scroll::Bottom)), &[Comparison, Follow], None, |w| w.common.hint_scroll, |w| w.common.help_bottom),
    Binding::new(&[Key::Tab, Key::Char(']')], Command::Document(Move::NextSection), &[Comparison], Some(4), |w| w.common.hint_section, |w| w.common.help_next_section),
    Binding::new(&[Key::BackTab, Key::Char('[')], Command::Document(Move::PrevSection), &[Comparison], None, |w| w.common.hint_section, |w| w.common.help_prev_section),
    Binding::new(&[Key::Char('s')], Command::Save, &[Comparison], Some(1), |w| w.common.hint_save, |w| w.workshop.help_save_comparison),
    Binding::new(&[Key::Char('?')], Command::Help, &[Comparison], Some(3), |w| w.common.hint_help, |w| w.common.help_help),
    Binding::new(&[Key::Char('q')], Command::Quit, &[Comparison, Follow], Some(3), |w| w.common.hint_quit, |w| w.common.hint_quit),
    Binding::new(&[Key::Ctrl('c')], Command::Interrupt, &[Note, Comparison, Follow], None, |w| w.common.hint_quit, |w| w.common.help_interrupt),
];

/// The command a binding gives for a key event: a digit key selects its answer.
pub fn command_of(binding: &Binding<Context, Command>, event: &KeyEvent) -> Command {
    match binding.command {
        Command::Select(_) => Command::Select(Key::digit(event).map_or(0, |n| n - 1)),
        command => command,
    }
}

/// The workshop's keys in a context, over the player's keys for the same screen.
fn layered(context: Context) -> Layered<'static, Context, Command, PlayerContext, PlayerCommand> {
    Layered {
        top: BINDINGS,
        top_context: context,
        under: match context.under() {
            Some(_) => player::BINDINGS,
            None => &[],
        },
        under_context: context.under().unwrap_or(PlayerContext::Help),
    }
}

/// The command a key event gives in a context: the workshop's, or the player's beneath it.
pub fn command(context: Context, event: &KeyEvent) -> Option<Either<Command, PlayerCommand>> {
    Some(match layered(context).lookup(event)? {
        Either::Top(b) => Either::Top(command_of(b, event)),
        Either::Under(b) => Either::Under(player::command_of(b, event)),
    })
}

/// The footer hints in a context.
pub fn hints(context: Context, words: &Words) -> Vec<Hint> {
    layered(context).hints(words)
}

/// The help lines in a context: the workshop's keys, then the player's it offers.
pub fn help(context: Context, words: &Words) -> Vec<(String, &'static str)> {
    layered(context).help(words, offered)
}

/// The workshop's own bindings in a context (without the player's).
pub fn own_hints(context: Context, words: &Words) -> Vec<Hint> {
    keymap::footer_hints(BINDINGS, context, words)
}
