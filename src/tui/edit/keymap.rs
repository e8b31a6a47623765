//! The editor's keys as data: one table drives the key handling, the footer and the help, as the
//! player's does ([`crate::tui::keymap`], whose [`Key`] and [`Hint`] this table shares).
//!
//! In the preview pane the editor's table is read first (panes, `e`, help, quit); every other
//! key goes to the player that runs the preview, so the preview answers as the player would.

use crossterm::event::{KeyEvent, KeyEventKind};

use super::strings::EditStrings;
use crate::tui::keymap::{Hint, Key};
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

/// One line of the editor's keymap.
#[derive(Debug)]
pub struct Binding {
    /// The keys, the first one shown in the footer.
    pub keys: &'static [Key],
    /// What they do.
    pub command: Command,
    /// Where they work.
    pub contexts: &'static [Context],
    /// Place in the footer (`None`: help only); the highest numbers go first when it is narrow.
    pub footer: Option<u8>,
    /// Short footer text.
    pub hint: fn(&EditStrings) -> &'static str,
    /// Help screen text.
    pub help: fn(&EditStrings) -> &'static str,
}

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
        hint: |s| s.hint_play,
        help: |s| s.help_play,
    },
    Binding {
        keys: &[Key::Enter],
        command: Command::Open,
        contexts: &[Problems],
        footer: Some(0),
        hint: |s| s.hint_jump,
        help: |s| s.help_jump,
    },
    Binding {
        keys: &[Key::Up, Key::Char('k')],
        command: Command::Up,
        contexts: LISTS,
        footer: Some(1),
        hint: |s| s.hint_move,
        help: |s| s.help_up,
    },
    Binding {
        keys: &[Key::Down, Key::Char('j')],
        command: Command::Down,
        contexts: LISTS,
        footer: Some(1),
        hint: |s| s.hint_move,
        help: |s| s.help_down,
    },
    Binding {
        keys: &[Key::Up, Key::Char('k')],
        command: Command::Up,
        contexts: &[Help],
        footer: Some(2),
        hint: |s| s.hint_scroll,
        help: |s| s.help_scroll_up,
    },
    Binding {
        keys: &[Key::Down, Key::Char('j')],
        command: Command::Down,
        contexts: &[Help],
        footer: Some(2),
        hint: |s| s.hint_scroll,
        help: |s| s.help_scroll_down,
    },
    Binding {
        keys: &[Key::PageUp],
        command: Command::PageUp,
        contexts: SCROLLING,
        footer: None,
        hint: |s| s.hint_scroll,
        help: |s| s.help_page_up,
    },
    Binding {
        keys: &[Key::PageDown, Key::Char(' ')],
        command: Command::PageDown,
        contexts: SCROLLING,
        footer: None,
        hint: |s| s.hint_scroll,
        help: |s| s.help_page_down,
    },
    Binding {
        keys: &[Key::Home, Key::Char('g')],
        command: Command::Top,
        contexts: SCROLLING,
        footer: None,
        hint: |s| s.hint_scroll,
        help: |s| s.help_top,
    },
    Binding {
        keys: &[Key::End, Key::Char('G')],
        command: Command::Bottom,
        contexts: SCROLLING,
        footer: None,
        hint: |s| s.hint_scroll,
        help: |s| s.help_bottom,
    },
    Binding {
        keys: &[Key::Tab],
        command: Command::NextPane,
        contexts: PANES,
        footer: Some(1),
        hint: |s| s.hint_pane,
        help: |s| s.help_next_pane,
    },
    Binding {
        keys: &[Key::BackTab],
        command: Command::PrevPane,
        contexts: PANES,
        footer: None,
        hint: |s| s.hint_pane,
        help: |s| s.help_prev_pane,
    },
    Binding {
        keys: &[Key::Char('e')],
        command: Command::Edit,
        contexts: PANES,
        footer: Some(2),
        hint: |s| s.hint_edit,
        help: |s| s.help_edit,
    },
    Binding {
        keys: &[Key::Esc, Key::Char('?'), Key::Enter],
        command: Command::Close,
        contexts: &[Help],
        footer: Some(0),
        hint: |s| s.hint_close,
        help: |s| s.help_close,
    },
    Binding {
        keys: &[Key::Char('?')],
        command: Command::Help,
        contexts: PANES,
        footer: Some(3),
        hint: |s| s.hint_help,
        help: |s| s.help_help,
    },
    Binding {
        keys: &[Key::Char('q')],
        command: Command::Quit,
        contexts: &[Outline, Problems, Preview, Help],
        footer: Some(3),
        hint: |s| s.hint_quit,
        help: |s| s.help_quit,
    },
    Binding {
        keys: &[Key::Ctrl('c')],
        command: Command::Interrupt,
        contexts: &[Outline, Problems, Preview, Help],
        footer: None,
        hint: |s| s.hint_quit,
        help: |s| s.help_interrupt,
    },
];

/// The command a key event gives in a context, if any. Key releases give none.
pub fn command(context: Context, event: &KeyEvent) -> Option<Command> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    BINDINGS
        .iter()
        .filter(|b| b.contexts.contains(&context))
        .find(|b| b.keys.iter().any(|k| k.matches(event)))
        .map(|b| b.command)
}

/// The footer hints for a context, in table order; neighbouring bindings with the same hint
/// share one entry (`↑↓ move`). `keys` names the keys.
pub fn hints(context: Context, s: &EditStrings, keys: &Strings) -> Vec<Hint> {
    let mut out: Vec<Hint> = Vec::new();
    for b in BINDINGS.iter().filter(|b| b.contexts.contains(&context)) {
        let (Some(rank), Some(key)) = (b.footer, b.keys.first()) else {
            continue;
        };
        let text = (b.hint)(s);
        let label = key.label(keys);
        match out.last_mut() {
            Some(last) if last.text == text => {
                let single = last.keys.chars().count() == 1 && label.chars().count() == 1;
                if !single {
                    last.keys.push('/');
                }
                last.keys.push_str(&label);
            }
            _ => out.push(Hint {
                keys: label,
                text,
                rank,
            }),
        }
    }
    out
}

/// The help's lines for a context: every binding's keys and what it does.
pub fn help(context: Context, s: &EditStrings, keys: &Strings) -> Vec<(String, &'static str)> {
    BINDINGS
        .iter()
        .filter(|b| b.contexts.contains(&context))
        .map(|b| {
            let names: Vec<String> = b.keys.iter().map(|k| k.label(keys)).collect();
            (names.join(keys.key_or), (b.help)(s))
        })
        .collect()
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
