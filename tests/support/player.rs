//! The player, opened on a guide and driven with keys.

use std::sync::Arc;

use coop_guide::guide::Guide;
use coop_guide::locale::EN;
use coop_guide::tui::keymap::press as key_event;
use coop_guide::tui::player::keymap::{self, Context};
use coop_guide::tui::player::{App, Effect};
use coop_guide::tui::Theme;

/// A fresh app of the given size, default theme.
pub fn app(guide: Arc<Guide>, width: u16, height: u16) -> App {
    App::new(guide)
        .with_theme(Theme::default_theme())
        .with_size(width, height)
}

/// Sends a key sequence (see `parse_keys`) and collects the effects.
pub fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    super::each_key(keys, |k| app.key(k))
}

/// An app after a key sequence.
pub fn after(guide: Arc<Guide>, keys: &str, width: u16, height: u16) -> App {
    let mut a = app(guide, width, height);
    press(&mut a, keys);
    a
}

/// Every footer hint of a context comes from a binding whose first key gives that binding's
/// command there (not just some command).
pub fn assert_footer_keys_work(context: Context) {
    for hint in keymap::hints(context, &EN) {
        let binding = super::binding_of(keymap::BINDINGS, &context, &hint)
            .expect("hint comes from a binding");
        let event = key_event(binding.keys[0]);
        assert_eq!(
            keymap::command(context, &event, &EN),
            Some(keymap::command_of(binding, &event)),
            "{context:?}: {hint:?}"
        );
    }
}
