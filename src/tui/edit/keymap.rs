//! The editor's keys as data: one table drives the key handling, the footer and the help,
//! through the same machinery as every view ([`crate::tui::keymap`]).
//!
//! In the preview pane the editor's table is laid over the player's
//! ([`Layered`]): panes, `e`, help and quit are the editor's, and
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
    /// Move the selection of a list (or scroll the help) by a step.
    Move(Scroll),
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

use Context::{Help, Outline, Preview, Problems};

const PANES: &[Context] = &[Outline, Problems, Preview];
const LISTS: &[Context] = &[Outline, Problems];
const SCROLLING: &[Context] = &[Outline, Problems, Help];

/// The keymap. The first binding whose key matches in the context wins; the footer and the help
/// list bindings in this order.
#[rustfmt::skip]
pub static BINDINGS: &[Binding<Context, Command>] = &[
    Binding::new(&[Key::Enter], Command::Open, &[Outline], Some(0), |w| w.editor.hint_play, |w| w.editor.help_play),
    Binding::new(&[Key::Enter], Command::Open, &[Problems], Some(0), |w| w.editor.hint_jump, |w| w.editor.help_jump),
    Binding::new(&[Key::Up, Key::Char('k')], Command::Move(Scroll::Up), LISTS, Some(1), |w| w.common.hint_move, |w| w.common.help_up),
    Binding::new(&[Key::Down, Key::Char('j')], Command::Move(Scroll::Down), LISTS, Some(1), |w| w.common.hint_move, |w| w.common.help_down),
    Binding::new(&[Key::Up, Key::Char('k')], Command::Move(Scroll::Up), &[Help], Some(2), |w| w.common.hint_scroll, |w| w.common.help_scroll_up),
    Binding::new(&[Key::Down, Key::Char('j')], Command::Move(Scroll::Down), &[Help], Some(2), |w| w.common.hint_scroll, |w| w.common.help_scroll_down),
    Binding::new(&[Key::PageUp], Command::Move(Scroll::PageUp), SCROLLING, None, |w| w.common.hint_scroll, |w| w.editor.help_page_up),
    Binding::new(&[Key::PageDown, Key::Char(' ')], Command::Move(Scroll::PageDown), SCROLLING, None, |w| w.common.hint_scroll, |w| w.editor.help_page_down),
    Binding::new(&[Key::Home, Key::Char('g')], Command::Move(Scroll::Top), SCROLLING, None, |w| w.common.hint_scroll, |w| w.common.help_top),
    Binding::new(&[Key::End, Key::Char('G')], Command::Move(Scroll::Bottom), SCROLLING, None, |w| w.common.hint_scroll, |w| w.common.help_bottom),
    Binding::new(&[Key::Tab], Command::NextPane, PANES, Some(1), |w| w.editor.hint_pane, |w| w.editor.help_next_pane),
    Binding::new(&[Key::BackTab], Command::PrevPane, PANES, None, |w| w.editor.hint_pane, |w| w.editor.help_prev_pane),
    Binding::new(&[Key::Char('e')], Command::Edit, PANES, Some(2), |w| w.editor.hint_edit, |w| w.editor.help_edit),
    Binding::new(&[Key::Esc, Key::Char('?'), Key::Enter], Command::Close, &[Help], Some(0), |w| w.common.hint_close, |w| w.common.help_close),
    Binding::new(&[Key::Char('?')], Command::Help, PANES, Some(3), |w| w.common.hint_help, |w| w.common.help_help),
    Binding::new(&[Key::Char('q')], Command::Quit, &[Outline, Problems, Preview, Help], Some(3), |w| w.common.hint_quit, |w| w.editor.help_quit),
    Binding::new(&[Key::Ctrl('c')], Command::Interrupt, &[Outline, Problems, Preview, Help], None, |w| w.common.hint_quit, |w| w.common.help_interrupt),
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
