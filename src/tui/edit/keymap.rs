//! The editor's keys as data: one table drives the key handling, the footer and the help, through
//! the same machinery as the player's ([`crate::tui::keymap`]: its [`Key`], [`Hint`], lookup and
//! footer); only the table, its commands and its contexts are the editor's.
//!
//! In the preview pane the editor's table is read first (panes, `e`, help, quit); every other
//! key goes to the player that runs the preview, so the preview answers as the player would.

use crossterm::event::KeyEvent;

use super::strings::{EditStrings, EditWords};
use crate::tui::keymap::{self as machinery, footer_hints, help_lines, lookup, Hint, Key, Scroll};
use crate::tui::strings::Strings;

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

/// One line of the editor's keymap: its texts come from the editor's words and the player's.
pub type Binding = machinery::Binding<Context, Command, EditWords>;

use Context::{Help, Outline, Preview, Problems};

const PANES: &[Context] = &[Outline, Problems, Preview];
const LISTS: &[Context] = &[Outline, Problems];
const SCROLLING: &[Context] = &[Outline, Problems, Help];

/// The keymap. The first binding whose key matches in the context wins; the footer and the help
/// list bindings in this order.
pub static BINDINGS: &[Binding] = &[
    Binding {
        keys: &[Key::Enter],
        command: Command::Open,
        contexts: &[Outline],
        footer: Some(0),
        hint: |w| w.own.hint_play,
        help: |w| w.own.help_play,
    },
    Binding {
        keys: &[Key::Enter],
        command: Command::Open,
        contexts: &[Problems],
        footer: Some(0),
        hint: |w| w.own.hint_jump,
        help: |w| w.own.help_jump,
    },
    Binding {
        keys: &[Key::Up, Key::Char('k')],
        command: Command::Up,
        contexts: LISTS,
        footer: Some(1),
        hint: |w| w.player.hint_move,
        help: |w| w.player.help_up,
    },
    Binding {
        keys: &[Key::Down, Key::Char('j')],
        command: Command::Down,
        contexts: LISTS,
        footer: Some(1),
        hint: |w| w.player.hint_move,
        help: |w| w.player.help_down,
    },
    Binding {
        keys: &[Key::Up, Key::Char('k')],
        command: Command::Up,
        contexts: &[Help],
        footer: Some(2),
        hint: |w| w.player.hint_scroll,
        help: |w| w.player.help_scroll_up,
    },
    Binding {
        keys: &[Key::Down, Key::Char('j')],
        command: Command::Down,
        contexts: &[Help],
        footer: Some(2),
        hint: |w| w.player.hint_scroll,
        help: |w| w.player.help_scroll_down,
    },
    Binding {
        keys: &[Key::PageUp],
        command: Command::PageUp,
        contexts: SCROLLING,
        footer: None,
        hint: |w| w.player.hint_scroll,
        help: |w| w.own.help_page_up,
    },
    Binding {
        keys: &[Key::PageDown, Key::Char(' ')],
        command: Command::PageDown,
        contexts: SCROLLING,
        footer: None,
        hint: |w| w.player.hint_scroll,
        help: |w| w.own.help_page_down,
    },
    Binding {
        keys: &[Key::Home, Key::Char('g')],
        command: Command::Top,
        contexts: SCROLLING,
        footer: None,
        hint: |w| w.player.hint_scroll,
        help: |w| w.player.help_top,
    },
    Binding {
        keys: &[Key::End, Key::Char('G')],
        command: Command::Bottom,
        contexts: SCROLLING,
        footer: None,
        hint: |w| w.player.hint_scroll,
        help: |w| w.player.help_bottom,
    },
    Binding {
        keys: &[Key::Tab],
        command: Command::NextPane,
        contexts: PANES,
        footer: Some(1),
        hint: |w| w.own.hint_pane,
        help: |w| w.own.help_next_pane,
    },
    Binding {
        keys: &[Key::BackTab],
        command: Command::PrevPane,
        contexts: PANES,
        footer: None,
        hint: |w| w.own.hint_pane,
        help: |w| w.own.help_prev_pane,
    },
    Binding {
        keys: &[Key::Char('e')],
        command: Command::Edit,
        contexts: PANES,
        footer: Some(2),
        hint: |w| w.own.hint_edit,
        help: |w| w.own.help_edit,
    },
    Binding {
        keys: &[Key::Esc, Key::Char('?'), Key::Enter],
        command: Command::Close,
        contexts: &[Help],
        footer: Some(0),
        hint: |w| w.player.hint_close,
        help: |w| w.player.help_close,
    },
    Binding {
        keys: &[Key::Char('?')],
        command: Command::Help,
        contexts: PANES,
        footer: Some(3),
        hint: |w| w.player.hint_help,
        help: |w| w.player.help_help,
    },
    Binding {
        keys: &[Key::Char('q')],
        command: Command::Quit,
        contexts: &[Outline, Problems, Preview, Help],
        footer: Some(3),
        hint: |w| w.player.hint_quit,
        help: |w| w.own.help_quit,
    },
    Binding {
        keys: &[Key::Ctrl('c')],
        command: Command::Interrupt,
        contexts: &[Outline, Problems, Preview, Help],
        footer: None,
        hint: |w| w.player.hint_quit,
        help: |w| w.player.help_interrupt,
    },
];

/// The command a key event gives in a context, if any. Key releases give none.
pub fn command(context: Context, event: &KeyEvent) -> Option<Command> {
    lookup(BINDINGS, context, event).map(|b| b.command)
}

/// The footer hints for a context, in table order; neighbouring bindings with the same hint
/// share one entry (`↑↓ move`). `keys` is the player's table, in the same language.
pub fn hints(context: Context, s: &'static EditStrings, keys: &'static Strings) -> Vec<Hint> {
    let words = EditWords {
        own: s,
        player: keys,
    };
    footer_hints(BINDINGS, context, &words, keys)
}

/// The help's lines for a context: every binding's keys and what it does.
pub fn help(
    context: Context,
    s: &'static EditStrings,
    keys: &'static Strings,
) -> Vec<(String, &'static str)> {
    let words = EditWords {
        own: s,
        player: keys,
    };
    help_lines(BINDINGS, context, &words, keys)
}

/// Keys the editor takes for itself in the preview pane: the player never sees them.
pub fn taken_in_preview(key: Key) -> bool {
    BINDINGS
        .iter()
        .filter(|b| b.contexts.contains(&Preview))
        .any(|b| b.keys.contains(&key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::strings::ENGLISH as KEYS;
    use crossterm::event::{KeyCode, KeyModifiers};

    use super::super::strings::ENGLISH;

    #[test]
    fn every_pane_can_quit_get_help_and_change_pane() {
        for context in [Outline, Problems, Preview] {
            let hints = hints(context, &ENGLISH, &KEYS);
            for keys in ["tab", "?", "q", "e"] {
                assert!(
                    hints.iter().any(|h| h.keys == keys),
                    "{context:?}: {keys} missing from {hints:?}"
                );
            }
        }
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for context in [Outline, Problems, Preview, Help] {
            assert_eq!(command(context, &ctrl_c), Some(Command::Interrupt));
        }
    }

    #[test]
    fn the_preview_leaves_answer_keys_to_the_player() {
        for key in [
            Key::Enter,
            Key::Up,
            Key::Char('j'),
            Key::Char('b'),
            Key::Esc,
        ] {
            assert!(!taken_in_preview(key), "{key:?}");
        }
        assert!(taken_in_preview(Key::Tab));
        assert!(taken_in_preview(Key::Char('e')));
    }
}
