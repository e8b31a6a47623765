//! The editor's keys as data: one table drives the key handling, the footer and the help,
//! through the same machinery as every view ([`crate::tui::keymap`]).
//!
//! In the preview pane the editor's table is laid over the player's
//! ([`Layered`](crate::tui::keymap::Layered)): panes, `e`, help and quit are the editor's, and
//! every other key goes to the player that runs the preview, so the preview answers as the
//! player would.

use crossterm::event::KeyEvent;

use crate::locale::Words;
use crate::tui::keymap::{self, Binding, Hint, Key, Layered, Scroll};
use crate::tui::player::keymap::{
    self as player, Command as PlayerCommand, Context as PlayerContext,
};

/// What a key asks the editor for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Move the selection (or scroll the help) up.
    Up,
    /// Move the selection (or scroll the help) down.
    Down,
    /// Up a page.
    PageUp,
    /// Down a page.
    PageDown,
    /// To the top.
    Top,
    /// To the end.
    Bottom,
    /// Outline: play the preview from the selected question. Problems: show its node.
    Open,
    /// Focus the next pane.
    NextPane,
    /// Focus the previous pane.
    PrevPane,
    /// Open `$EDITOR` at the selected node's line.
    Edit,
    /// Show the help.
    Help,
    /// Close the help.
    Close,
    /// Quit.
    Quit,
    /// Quit at once (Ctrl-C).
    Interrupt,
}

impl Command {
    /// The step through the help or down a list this command asks for, if it is one.
    pub fn scroll(self) -> Option<Scroll> {
        match self {
            Command::Up => Some(Scroll::Up),
            Command::Down => Some(Scroll::Down),
            Command::PageUp => Some(Scroll::PageUp),
            Command::PageDown => Some(Scroll::PageDown),
            Command::Top => Some(Scroll::Top),
            Command::Bottom => Some(Scroll::Bottom),
            _ => None,
        }
    }
}

/// Where keys are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The outline pane.
    Outline,
    /// The problems pane.
    Problems,
    /// The preview pane (keys not in this table go to the player).
    Preview,
    /// The help overlay.
    Help,
}

use Context::{Help, Outline, Preview, Problems};

const PANES: &[Context] = &[Outline, Problems, Preview];
const LISTS: &[Context] = &[Outline, Problems];
const SCROLLING: &[Context] = &[Outline, Problems, Help];

/// The keymap. The first binding whose key matches in the context wins; the footer and the help
/// list bindings in this order.
pub static BINDINGS: &[Binding<Context, Command>] = &[
    Binding {
        keys: &[Key::Enter],
        command: Command::Open,
        contexts: &[Outline],
        footer: Some(0),
        hint: |w| w.editor.hint_play,
        help: |w| w.editor.help_play,
    },
    Binding {
        keys: &[Key::Enter],
        command: Command::Open,
        contexts: &[Problems],
        footer: Some(0),
        hint: |w| w.editor.hint_jump,
        help: |w| w.editor.help_jump,
    },
    Binding {
        keys: &[Key::Up, Key::Char('k')],
        command: Command::Up,
        contexts: LISTS,
        footer: Some(1),
        hint: |w| w.common.hint_move,
        help: |w| w.common.help_up,
    },
    Binding {
        keys: &[Key::Down, Key::Char('j')],
        command: Command::Down,
        contexts: LISTS,
        footer: Some(1),
        hint: |w| w.common.hint_move,
        help: |w| w.common.help_down,
    },
    Binding {
        keys: &[Key::Up, Key::Char('k')],
        command: Command::Up,
        contexts: &[Help],
        footer: Some(2),
        hint: |w| w.common.hint_scroll,
        help: |w| w.common.help_scroll_up,
    },
    Binding {
        keys: &[Key::Down, Key::Char('j')],
        command: Command::Down,
        contexts: &[Help],
        footer: Some(2),
        hint: |w| w.common.hint_scroll,
        help: |w| w.common.help_scroll_down,
    },
    Binding {
        keys: &[Key::PageUp],
        command: Command::PageUp,
        contexts: SCROLLING,
        footer: None,
        hint: |w| w.common.hint_scroll,
        help: |w| w.editor.help_page_up,
    },
    Binding {
        keys: &[Key::PageDown, Key::Char(' ')],
        command: Command::PageDown,
        contexts: SCROLLING,
        footer: None,
        hint: |w| w.common.hint_scroll,
        help: |w| w.editor.help_page_down,
    },
    Binding {
        keys: &[Key::Home, Key::Char('g')],
        command: Command::Top,
        contexts: SCROLLING,
        footer: None,
        hint: |w| w.common.hint_scroll,
        help: |w| w.common.help_top,
    },
    Binding {
        keys: &[Key::End, Key::Char('G')],
        command: Command::Bottom,
        contexts: SCROLLING,
        footer: None,
        hint: |w| w.common.hint_scroll,
        help: |w| w.common.help_bottom,
    },
    Binding {
        keys: &[Key::Tab],
        command: Command::NextPane,
        contexts: PANES,
        footer: Some(1),
        hint: |w| w.editor.hint_pane,
        help: |w| w.editor.help_next_pane,
    },
    Binding {
        keys: &[Key::BackTab],
        command: Command::PrevPane,
        contexts: PANES,
        footer: None,
        hint: |w| w.editor.hint_pane,
        help: |w| w.editor.help_prev_pane,
    },
    Binding {
        keys: &[Key::Char('e')],
        command: Command::Edit,
        contexts: PANES,
        footer: Some(2),
        hint: |w| w.editor.hint_edit,
        help: |w| w.editor.help_edit,
    },
    Binding {
        keys: &[Key::Esc, Key::Char('?'), Key::Enter],
        command: Command::Close,
        contexts: &[Help],
        footer: Some(0),
        hint: |w| w.common.hint_close,
        help: |w| w.common.help_close,
    },
    Binding {
        keys: &[Key::Char('?')],
        command: Command::Help,
        contexts: PANES,
        footer: Some(3),
        hint: |w| w.common.hint_help,
        help: |w| w.common.help_help,
    },
    Binding {
        keys: &[Key::Char('q')],
        command: Command::Quit,
        contexts: &[Outline, Problems, Preview, Help],
        footer: Some(3),
        hint: |w| w.common.hint_quit,
        help: |w| w.editor.help_quit,
    },
    Binding {
        keys: &[Key::Ctrl('c')],
        command: Command::Interrupt,
        contexts: &[Outline, Problems, Preview, Help],
        footer: None,
        hint: |w| w.common.hint_quit,
        help: |w| w.common.help_interrupt,
    },
];

/// The command a key event gives in a context, if any. Key releases give none.
pub fn command(context: Context, event: &KeyEvent) -> Option<Command> {
    keymap::lookup(BINDINGS, context, event).map(|b| b.command)
}

/// The footer hints for a context, in table order.
pub fn hints(context: Context, words: &Words) -> Vec<Hint> {
    keymap::footer_hints(BINDINGS, context, words)
}

/// The help's lines for a context: every binding's keys and what it does.
pub fn help(context: Context, words: &Words) -> Vec<(String, &'static str)> {
    keymap::help_lines(BINDINGS, context, words)
}

/// The editor's keys in the preview pane, over the player's on the preview's screen.
pub fn preview(
    on: PlayerContext,
) -> Layered<'static, Context, Command, PlayerContext, PlayerCommand> {
    Layered {
        top: BINDINGS,
        top_context: Preview,
        under: player::BINDINGS,
        under_context: on,
    }
}

/// Player commands the preview offers (the editor takes the others' keys, or they would write
/// files).
pub fn offered_in_preview(command: PlayerCommand) -> bool {
    !matches!(
        command,
        PlayerCommand::Help
            | PlayerCommand::Quit
            | PlayerCommand::Interrupt
            | PlayerCommand::Save
            | PlayerCommand::Yes
            | PlayerCommand::No
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::EN;
    use crate::tui::keymap::press;

    #[test]
    fn every_pane_can_quit_get_help_and_change_pane() {
        for context in [Outline, Problems, Preview] {
            let hints = hints(context, &EN);
            for keys in ["tab", "?", "q", "e"] {
                assert!(
                    hints.iter().any(|h| h.keys == keys),
                    "{context:?}: {keys} missing from {hints:?}"
                );
            }
        }
        for context in [Outline, Problems, Preview, Help] {
            assert_eq!(
                command(context, &press(Key::Ctrl('c'))),
                Some(Command::Interrupt)
            );
        }
    }

    #[test]
    fn the_preview_leaves_answer_keys_to_the_player() {
        let layered = preview(PlayerContext::Question);
        for key in [
            Key::Enter,
            Key::Up,
            Key::Char('j'),
            Key::Char('b'),
            Key::Esc,
        ] {
            assert!(!layered.taken(key), "{key:?}");
        }
        assert!(layered.taken(Key::Tab));
        assert!(layered.taken(Key::Char('e')));
    }
}
