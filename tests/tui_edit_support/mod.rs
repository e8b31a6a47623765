//! Helpers shared by the editor's tests: open the editor on a file, drive it with keys, read the
//! frame, and copy a guide into a temporary folder to change it on disk.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use coop_guide::tui::edit::{view, Action, App, Effect, Snapshot};
use coop_guide::tui::keymap::parse_keys;
use coop_guide::tui::Theme;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::Terminal;

/// The small decision-making guide.
pub const DECISION: &str = "guides/decision-making.ron";

/// The editor on a file, at a size, default theme.
pub fn editor(path: impl AsRef<Path>, width: u16, height: u16) -> App {
    let path = path.as_ref();
    App::new(path, Snapshot::read(path))
        .with_theme(Theme::default_theme())
        .with_size(width, height)
}

/// Sends a key sequence (see `parse_keys`) and collects the effects.
pub fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    parse_keys(keys)
        .into_iter()
        .flat_map(|k| app.handle(Action::Key(k)))
        .collect()
}

/// Reads the file again, as the driver does when the watcher sees a change.
pub fn reload(app: &mut App, path: impl AsRef<Path>) {
    app.handle(Action::Reloaded(Box::new(Snapshot::read(path.as_ref()))));
}

/// The frame drawn at the editor's size, on a test backend (what a snapshot shows).
pub fn backend(app: &App) -> TestBackend {
    let (w, h) = app.size();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    terminal.draw(|f| view::render(app, f)).expect("draw");
    terminal.backend().clone()
}

/// The frame as a buffer.
pub fn buffer(app: &App) -> Buffer {
    let (w, h) = app.size();
    let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
    view::render_into(app, buf.area, &mut buf);
    buf
}

/// The frame's text, one line per row, trailing spaces removed.
pub fn text(app: &App) -> String {
    let buf = buffer(app);
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

/// A copy of a guide in a fresh temporary folder: the folder (kept alive) and the file's path.
pub fn copy_to_temp(from: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let name = Path::new(from).file_name().expect("file name");
    let path = dir.path().join(name);
    std::fs::copy(from, &path).expect("copy the guide");
    (dir, path)
}

/// Replaces text in a file on disk, as an editor's save would; panics if `from` is not there.
pub fn rewrite(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).expect("read");
    assert!(text.contains(from), "{from:?} not in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).expect("write");
}

#[cfg(unix)]
pub mod pty;
