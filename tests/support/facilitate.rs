//! Workshop mode: a session on a guide saved in a temporary folder, and a presenter driven with
//! keys through the same `perform` the terminal loop uses.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use coop_guide::engine::session::{Session, SessionFile};
use coop_guide::guide::files::usable;
use coop_guide::guide::Guide;
use coop_guide::store::{now_rfc3339, read_file, wall_now, Store};
use coop_guide::tui::facilitate::keymap::{self, Context};
use coop_guide::tui::facilitate::presenter::Action;
use coop_guide::tui::facilitate::{perform, Presenter};
use coop_guide::tui::keymap::parse_keys;
use coop_guide::tui::Ending;
use coop_guide::tui::Theme;
use crossterm::event::{KeyCode, KeyEvent};

/// A folder that disappears with the test, and a session file path in it.
pub fn workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("group-a.ron");
    (dir, path)
}

/// A new session for "Group A", saved at `path` as `facilitate` does before the presenter starts.
pub fn new_session(guide: Arc<Guide>, path: &Path) -> Session {
    let session = Session::new(guide, "Group A", now_rfc3339());
    save(&session, path);
    session
}

/// Saves a session at `path` as the presenter does.
pub fn save(session: &Session, path: &Path) {
    Store::new(path)
        .save(&session.to_file(now_rfc3339()))
        .expect("save");
}

/// A presenter over a new session of the guide, default theme, at a size, its clock started
/// now.
pub fn presenter(guide: Arc<Guide>, path: &Path, width: u16, height: u16) -> Presenter {
    Presenter::new(new_session(guide, path), Store::new(path))
        .with_theme(Theme::default_theme())
        .with_wall_clock(wall_now())
        .with_size(width, height)
}

/// Reopens a session file as `facilitate` does on resume.
pub fn resume(guide: Arc<Guide>, path: &Path, width: u16, height: u16) -> Presenter {
    let file = read_file(path).expect("session file reads");
    let session = Session::resume(guide, file).expect("session resumes");
    Presenter::new(session, Store::new(path))
        .with_theme(Theme::default_theme())
        .with_wall_clock(wall_now())
        .with_size(width, height)
}

/// Sends keys (see `parse_keys`) and carries out the effects as the terminal loop does; returns
/// how the loop would end, if it would.
pub fn press(p: &mut Presenter, keys: &str) -> Option<Ending> {
    for key in parse_keys(keys) {
        let effects = p.key(key);
        if let Some(ending) = perform(p, effects) {
            return Some(ending);
        }
    }
    None
}

/// Moves the presenter's clock to `seconds` after it started.
pub fn at(p: &mut Presenter, seconds: u64) {
    p.handle(Action::Tick(Duration::from_secs(seconds)));
}

/// The id of the question on screen, if a question is.
pub fn question_id(p: &Presenter) -> Option<String> {
    p.asked().map(|q| p.guide().questions[q].id.clone())
}

/// Types text into the presenter character by character (spaces included, unlike `press`).
pub fn type_text(p: &mut Presenter, text: &str) {
    for c in text.chars() {
        let key = KeyEvent::from(KeyCode::Char(c));
        let effects = p.key(key);
        perform(p, effects);
    }
}

/// The session file as saved on disk.
pub fn on_disk(path: &Path) -> SessionFile {
    read_file(path).expect("the session file reads back")
}

/// The flagship guide in Spanish, as `--lang es` loads it.
pub fn flagship_in_spanish() -> Arc<Guide> {
    let path = Path::new("guides/coop-varieties.ron");
    Arc::new(usable(Some(path), Some("es")).expect("the flagship guide loads in Spanish"))
}

/// Every footer hint of a workshop context comes from a binding (the workshop's, or the
/// player's beneath it) whose first key gives that binding's command there.
pub fn assert_workshop_footer_keys_work(context: Context) {
    use coop_guide::locale::EN;
    use coop_guide::tui::keymap::{press, Either};
    use coop_guide::tui::player::keymap as player;
    let hints = keymap::hints(context, &EN);
    assert!(!hints.is_empty(), "{context:?}");
    for hint in hints {
        let top = super::binding_of(keymap::BINDINGS, &context, &hint);
        let expected = match (top, context.under()) {
            (Some(b), _) => {
                let event = press(b.keys[0]);
                (event, Either::Top(keymap::command_of(b, &event)))
            }
            (None, Some(under)) => {
                let b = super::binding_of(player::BINDINGS, &under, &hint)
                    .expect("the hint comes from a binding");
                let key = *b
                    .keys
                    .iter()
                    .find(|&&k| hint.keys.contains(&k.label(&EN.keys)))
                    .expect("a key the hint shows");
                let event = press(key);
                (event, Either::Under(player::command_of(b, &event)))
            }
            (None, None) => panic!("{context:?}: {hint:?} comes from no binding"),
        };
        assert_eq!(
            keymap::command(context, &expected.0),
            Some(expected.1),
            "{context:?}: {hint:?}"
        );
    }
}
