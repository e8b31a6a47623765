//! The editor, opened on a file and driven with keys, and guides copied into a temporary folder
//! to change them on disk.

use std::path::{Path, PathBuf};

use coop_guide::tui::edit::{Action, App, Effect, Snapshot};
use coop_guide::tui::Theme;

/// The editor on a file, at a size, default theme.
pub fn editor(path: impl AsRef<Path>, width: u16, height: u16) -> App {
    let path = path.as_ref();
    App::new(path, Snapshot::read(path))
        .with_theme(Theme::default_theme())
        .with_size(width, height)
}

/// Sends a key sequence (see `parse_keys`) and collects the effects.
pub fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    super::each_key(keys, |k| app.key(k))
}

/// Reads the file again, as the driver does when the watcher sees a change.
pub fn reload(app: &mut App, path: impl AsRef<Path>) {
    app.handle(Action::Reloaded(Box::new(Snapshot::read(path.as_ref()))));
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
