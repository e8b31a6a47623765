//! Helpers shared by the workshop-mode tests: a session on a guide saved in a temporary folder,
//! a presenter driven with keys through the same `perform` the terminal loop uses, and frames.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use coop_guide::engine::session::Session;
use coop_guide::guide::{check_path, Guide};
use coop_guide::tui::facilitate::presenter::Action;
use coop_guide::tui::facilitate::{perform, view, Comparison, Ending, Presenter};
use coop_guide::tui::keymap::parse_keys;
use coop_guide::tui::Theme;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::Terminal;

/// Loads a guide that must have no errors.
pub fn guide(path: &str) -> Arc<Guide> {
    let checked = check_path(Path::new(path));
    Arc::new(
        checked
            .guide
            .unwrap_or_else(|| panic!("{path} has errors: {:?}", checked.diagnostics)),
    )
}

/// The small decision-making guide.
pub fn decision() -> Arc<Guide> {
    guide("guides/decision-making.ron")
}

/// A folder that disappears with the test, and a session file path in it.
pub fn workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("group-a.ron");
    (dir, path)
}

/// A new session for "Group A", saved at `path` as `facilitate` does before the presenter starts.
pub fn new_session(guide: Arc<Guide>, path: &Path) -> Session {
    let session = Session::new(guide, "Group A");
    session.save(path).expect("first save");
    session
}

/// A presenter over a new session of the guide, default theme, at a size.
pub fn presenter(guide: Arc<Guide>, path: &Path, width: u16, height: u16) -> Presenter {
    Presenter::new(new_session(guide, path), path.to_path_buf())
        .with_theme(Theme::default_theme())
        .with_size(width, height)
}

/// Reopens a session file as `facilitate` does on resume.
pub fn resume(guide: Arc<Guide>, path: &Path, width: u16, height: u16) -> Presenter {
    let file = Session::read(path).expect("session file reads");
    let session = Session::resume(guide, file).expect("session resumes");
    Presenter::new(session, path.to_path_buf())
        .with_theme(Theme::default_theme())
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

/// The presenter's frame at its size as a buffer.
pub fn buffer(p: &Presenter) -> Buffer {
    let (w, h) = p.size();
    let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
    view::render_into(p, buf.area, &mut buf);
    buf
}

/// The presenter's frame on a test backend (what a snapshot shows).
pub fn backend(p: &Presenter) -> TestBackend {
    let (w, h) = p.size();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    terminal.draw(|f| view::render(p, f)).expect("draw");
    terminal.backend().clone()
}

/// The comparison's frame on a test backend.
pub fn comparison_backend(c: &Comparison) -> TestBackend {
    let (w, h) = c.size();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    terminal
        .draw(|f| view::comparison::render(c, f))
        .expect("draw");
    terminal.backend().clone()
}

/// A buffer's text, one line per row, trailing spaces removed.
pub fn buffer_text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut row = String::new();
        for x in 0..buf.area.width {
            row.push_str(buf[(x, y)].symbol());
        }
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out
}

/// The presenter's frame as text.
pub fn text(p: &Presenter) -> String {
    buffer_text(&buffer(p))
}

/// The comparison's frame as text.
pub fn comparison_text(c: &Comparison) -> String {
    let (w, h) = c.size();
    let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
    view::comparison::render_into(c, buf.area, &mut buf);
    buffer_text(&buf)
}

/// The id of the question on screen, if a question is.
pub fn question_id(p: &Presenter) -> Option<String> {
    p.asked().map(|q| p.guide().questions[q].id.clone())
}

/// Types text into the presenter character by character (spaces included, unlike `press`).
pub fn type_text(p: &mut Presenter, text: &str) {
    for c in text.chars() {
        let key = crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Char(c));
        let effects = p.key(key);
        perform(p, effects);
    }
}

/// The session file as saved on disk.
pub fn on_disk(path: &Path) -> coop_guide::engine::session::SessionFile {
    Session::read(path).expect("the session file reads back")
}

/// The flagship guide in Spanish, as `--lang es` loads it.
pub fn flagship_in_spanish() -> Arc<Guide> {
    use coop_guide::guide::{translation, translation_source};
    let path = Path::new("guides/coop-varieties.ron");
    let mut guide = check_path(path).guide.expect("the flagship guide loads");
    let source = translation_source(Some(path), "es").expect("a Spanish translation");
    let checked = translation::check(&guide, source);
    translation::apply(&mut guide, &checked.translation.expect("it parses"));
    Arc::new(guide)
}
