//! The player, opened on a guide and driven with keys.

use std::sync::Arc;

use coop_guide::guide::Guide;
use coop_guide::tui::keymap::{self, parse_keys, Context};
use coop_guide::tui::strings::ENGLISH;
use coop_guide::tui::{App, AppEffect, Theme};

use super::key_event;

/// A fresh app of the given size, default theme.
pub fn app(guide: Arc<Guide>, width: u16, height: u16) -> App {
    App::new(guide)
        .with_theme(Theme::default_theme())
        .with_size(width, height)
}

/// Sends a key sequence (see `parse_keys`) and collects the effects.
pub fn press(app: &mut App, keys: &str) -> Vec<AppEffect> {
    parse_keys(keys)
        .into_iter()
        .flat_map(|k| app.key(k))
        .collect()
}

/// An app after a key sequence.
pub fn after(guide: Arc<Guide>, keys: &str, width: u16, height: u16) -> App {
    let mut a = app(guide, width, height);
    press(&mut a, keys);
    a
}

/// Every footer hint of a context comes from a binding whose first key gives a command there.
pub fn assert_footer_keys_work(context: Context) {
    for hint in keymap::hints(context, &ENGLISH) {
        let binding = keymap::BINDINGS
            .iter()
            .find(|b| b.contexts.contains(&context) && (b.hint)(&ENGLISH) == hint.text)
            .expect("hint comes from a binding");
        let event = key_event(binding.keys[0]);
        assert!(
            keymap::command(context, &event).is_some(),
            "{context:?}: {hint:?}"
        );
    }
}
