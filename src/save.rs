//! Saving the Markdown documents the app writes on request — a result (the player, the plain
//! mode), a workshop hand-out, a comparison of sessions — never over an existing file.

use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::engine::Walk;
use crate::report::result;

/// How many numbered names to try before giving up (`-1` … `-999`).
const ATTEMPTS: usize = 1000;

/// Writes the walk's result as Markdown into `dir`, named `coop-guide-result-<outcome>.md`, or
/// `…-1.md`, `…-2.md` when that exists. Returns the path written.
pub fn save_result(walk: &Walk, dir: &Path) -> io::Result<PathBuf> {
    let markdown = result::document(walk).map(|doc| doc.without_empty_headings().to_markdown());
    let (Some(markdown), Some(outcome)) = (markdown, walk.outcome()) else {
        return Err(io::Error::other("the walk has no result yet"));
    };
    let id = file_safe(&walk.guide().outcomes[outcome].id);
    save_new(dir, &format!("coop-guide-result-{id}"), &markdown)
}

/// Writes `text` into `dir` as `<stem>.md`, or `<stem>-1.md`, `<stem>-2.md` … when that exists:
/// an existing file is never overwritten. Returns the path written.
pub fn save_new(dir: &Path, stem: &str, text: &str) -> io::Result<PathBuf> {
    for n in 0..ATTEMPTS {
        let name = if n == 0 {
            format!("{stem}.md")
        } else {
            format!("{stem}-{n}.md")
        };
        let path = dir.join(name);
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(mut file) => {
                file.write_all(text.as_bytes())?;
                file.sync_all()?;
                return Ok(path);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other(
        "too many saved files with this name in this folder",
    ))
}

/// An id made safe for a file name: letters, digits, `-` and `_` only.
pub fn file_safe(id: &str) -> String {
    let safe: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .take(64)
        .collect();
    if safe.is_empty() {
        "result".to_string()
    } else {
        safe
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_keep_only_safe_characters() {
        assert_eq!(file_safe("worker-co-op"), "worker-co-op");
        assert_eq!(file_safe("../../etc/passwd"), "------etc-passwd");
        assert_eq!(file_safe(""), "result");
    }
}
