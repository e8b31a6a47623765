//! Workshop mode's keys, laid over the player's ([`crate::tui::keymap::Layered`]): on each of
//! the presenter's screens the workshop's table is read first, then the player's for the same
//! screen, minus the keys the workshop takes. So `b`, `r`, `w`, `?` work as in the player,
//! while Enter records the group's choice, the digits move it, and `q` says the session is
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
    /// Move `›` (the group's choice) up.
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
    /// The report viewer: the comparison of sessions.
    Comparison,
}

impl Context {
    /// The player's context a workshop context lays its keys over (`None` for the workshop's
    /// own: the note input, the report viewer).
    pub fn under(self) -> Option<PlayerContext> {
        match self {
            Context::Intro => Some(PlayerContext::Intro),
            Context::Question => Some(PlayerContext::Question),
            Context::Review => Some(PlayerContext::Review),
            Context::Result => Some(PlayerContext::Result),
            Context::Help => Some(PlayerContext::Help),
            Context::Why => Some(PlayerContext::Why),
            Context::Note | Context::Comparison => None,
        }
    }
}

use Context::{Comparison, Intro, Note, Question, Result, Review};

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
pub static BINDINGS: &[Binding<Context, Command>] = &[
    // Counting hands and choosing for the group.
    Binding {
        keys: &[Key::Up, Key::Char('k')],
        command: Command::Up,
        contexts: &[Question],
        footer: Some(1),
        hint: |w| w.common.hint_move,
        help: |w| w.common.help_up,
    },
    Binding {
        keys: &[Key::Down, Key::Char('j')],
        command: Command::Down,
        contexts: &[Question],
        footer: Some(1),
        hint: |w| w.common.hint_move,
        help: |w| w.common.help_down,
    },
    Binding {
        keys: &[Key::Char('+'), Key::Right, Key::Char('=')],
        command: Command::AddHand,
        contexts: &[Question],
        footer: Some(1),
        hint: |w| w.workshop.hint_hands,
        help: |w| w.workshop.help_add_hand,
    },
    Binding {
        keys: &[Key::Char('-'), Key::Left],
        command: Command::RemoveHand,
        contexts: &[Question],
        footer: Some(1),
        hint: |w| w.workshop.hint_hands,
        help: |w| w.workshop.help_remove_hand,
    },
    Binding {
        keys: &[Key::Enter],
        command: Command::Record,
        contexts: &[Question],
        footer: Some(0),
        hint: |w| w.player.hint_choose,
        help: |w| w.workshop.help_record,
    },
    Binding {
        keys: &[Key::Digits],
        command: Command::Select(0),
        contexts: &[Question],
        footer: None,
        hint: |w| w.workshop.hint_select,
        help: |w| w.workshop.help_select,
    },
    Binding {
        keys: &[Key::Char('n')],
        command: Command::Note,
        contexts: &[Question],
        footer: Some(4),
        hint: |w| w.workshop.hint_note,
        help: |w| w.workshop.help_note,
    },
    Binding {
        keys: &[Key::Char('t')],
        command: Command::Countdown,
        contexts: &[Question],
        footer: Some(5),
        hint: |w| w.workshop.hint_countdown,
        help: |w| w.workshop.help_countdown,
    },
    Binding {
        keys: &[Key::Char('h')],
        command: Command::NotesPane,
        contexts: &[Question],
        footer: Some(3),
        hint: |w| w.workshop.hint_notes_pane,
        help: |w| w.workshop.help_notes_pane,
    },
    Binding {
        keys: &[Key::Char('s')],
        command: Command::Save,
        contexts: &[Result],
        footer: None,
        hint: |w| w.common.hint_save,
        help: |w| w.workshop.help_save_handout,
    },
    Binding {
        keys: &[Key::Char('q')],
        command: Command::Quit,
        contexts: &[Intro, Question, Review, Result],
        footer: None,
        hint: |w| w.common.hint_quit,
        help: |w| w.workshop.help_quit_session,
    },
    // Typing a note.
    Binding {
        keys: &[Key::Enter],
        command: Command::KeepNote,
        contexts: &[Note],
        footer: Some(0),
        hint: |w| w.common.hint_save,
        help: |w| w.workshop.help_note_save,
    },
    Binding {
        keys: &[Key::Esc],
        command: Command::CancelNote,
        contexts: &[Note],
        footer: Some(0),
        hint: |w| w.workshop.hint_cancel,
        help: |w| w.workshop.help_note_cancel,
    },
    Binding {
        keys: &[Key::Left],
        command: Command::Left,
        contexts: &[Note],
        footer: Some(2),
        hint: |w| w.common.hint_move,
        help: |w| w.workshop.help_text_left,
    },
    Binding {
        keys: &[Key::Right],
        command: Command::Right,
        contexts: &[Note],
        footer: Some(2),
        hint: |w| w.common.hint_move,
        help: |w| w.workshop.help_text_right,
    },
    Binding {
        keys: &[Key::Home],
        command: Command::Home,
        contexts: &[Note],
        footer: None,
        hint: |w| w.common.hint_move,
        help: |w| w.workshop.help_text_start,
    },
    Binding {
        keys: &[Key::End],
        command: Command::End,
        contexts: &[Note],
        footer: None,
        hint: |w| w.common.hint_move,
        help: |w| w.workshop.help_text_end,
    },
    Binding {
        keys: &[Key::Backspace],
        command: Command::Erase,
        contexts: &[Note],
        footer: None,
        hint: |w| w.common.hint_move,
        help: |w| w.workshop.help_text_erase,
    },
    Binding {
        keys: &[Key::Delete],
        command: Command::EraseForward,
        contexts: &[Note],
        footer: None,
        hint: |w| w.common.hint_move,
        help: |w| w.workshop.help_text_erase_forward,
    },
    // The report viewer.
    Binding {
        keys: &[Key::Up, Key::Char('k')],
        command: Command::Document(Move::Scroll(Scroll::Up)),
        contexts: &[Comparison],
        footer: Some(4),
        hint: |w| w.common.hint_scroll,
        help: |w| w.common.help_scroll_up,
    },
    Binding {
        keys: &[Key::Down, Key::Char('j')],
        command: Command::Document(Move::Scroll(Scroll::Down)),
        contexts: &[Comparison],
        footer: Some(4),
        hint: |w| w.common.hint_scroll,
        help: |w| w.common.help_scroll_down,
    },
    Binding {
        keys: &[Key::PageUp],
        command: Command::Document(Move::Scroll(Scroll::PageUp)),
        contexts: &[Comparison],
        footer: None,
        hint: |w| w.common.hint_scroll,
        help: |w| w.common.help_page_up,
    },
    Binding {
        keys: &[Key::PageDown, Key::Char(' ')],
        command: Command::Document(Move::Scroll(Scroll::PageDown)),
        contexts: &[Comparison],
        footer: None,
        hint: |w| w.common.hint_scroll,
        help: |w| w.common.help_page_down,
    },
    Binding {
        keys: &[Key::Home, Key::Char('g')],
        command: Command::Document(Move::Scroll(Scroll::Top)),
        contexts: &[Comparison],
        footer: None,
        hint: |w| w.common.hint_scroll,
        help: |w| w.common.help_top,
    },
    Binding {
        keys: &[Key::End, Key::Char('G')],
        command: Command::Document(Move::Scroll(Scroll::Bottom)),
        contexts: &[Comparison],
        footer: None,
        hint: |w| w.common.hint_scroll,
        help: |w| w.common.help_bottom,
    },
    Binding {
        keys: &[Key::Tab, Key::Char(']')],
        command: Command::Document(Move::NextSection),
        contexts: &[Comparison],
        footer: Some(4),
        hint: |w| w.common.hint_section,
        help: |w| w.common.help_next_section,
    },
    Binding {
        keys: &[Key::BackTab, Key::Char('[')],
        command: Command::Document(Move::PrevSection),
        contexts: &[Comparison],
        footer: None,
        hint: |w| w.common.hint_section,
        help: |w| w.common.help_prev_section,
    },
    Binding {
        keys: &[Key::Char('s')],
        command: Command::Save,
        contexts: &[Comparison],
        footer: Some(1),
        hint: |w| w.common.hint_save,
        help: |w| w.workshop.help_save_comparison,
    },
    Binding {
        keys: &[Key::Char('?')],
        command: Command::Help,
        contexts: &[Comparison],
        footer: Some(3),
        hint: |w| w.common.hint_help,
        help: |w| w.common.help_help,
    },
    Binding {
        keys: &[Key::Char('q')],
        command: Command::Quit,
        contexts: &[Comparison],
        footer: Some(3),
        hint: |w| w.common.hint_quit,
        help: |w| w.common.hint_quit,
    },
    Binding {
        keys: &[Key::Ctrl('c')],
        command: Command::Interrupt,
        contexts: &[Note, Comparison],
        footer: None,
        hint: |w| w.common.hint_quit,
        help: |w| w.common.help_interrupt,
    },
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
