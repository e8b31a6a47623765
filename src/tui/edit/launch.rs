//! Running the user's `$EDITOR` at a line of a file, with the terminal handed over to it.
//!
//! The command line is `$EDITOR +LINE FILE`: the form vi, vim, nvim, nano, emacs, micro, kak and
//! helix all read. `$EDITOR` is split on whitespace, so values like `code -w` or `emacs -nw` work;
//! when it is unset or blank, `vi` is used.

use std::ffi::OsString;
use std::path::Path;
use std::process::Command;

use crate::tui::terminal;

/// The editor when `$EDITOR` says nothing.
pub const FALLBACK: &str = "vi";

/// The program and arguments that open `file` at `line`, from the value of `$EDITOR`.
pub fn command_line(editor: Option<&str>, file: &Path, line: usize) -> (String, Vec<OsString>) {
    let mut words = editor.unwrap_or("").split_whitespace();
    let program = words.next().unwrap_or(FALLBACK).to_string();
    let mut args: Vec<OsString> = words.map(OsString::from).collect();
    args.push(format!("+{}", line.max(1)).into());
    args.push(file.as_os_str().to_owned());
    (program, args)
}

/// Runs the editor and waits for it. The terminal must already be handed back to the normal
/// screen (raw mode off, cursor shown); Ctrl-C meanwhile is the editor's alone. `Err` says, in
/// the user's words, why it failed.
pub fn run(file: &Path, line: usize, failed: &str) -> Result<(), String> {
    let editor = std::env::var("EDITOR").ok();
    let (program, args) = command_line(editor.as_deref(), file, line);
    let why =
        |error: String| crate::locale::fill(failed, &[("editor", &program), ("error", &error)]);
    let status = terminal::leaving_ctrl_c_to(|| Command::new(&program).args(&args).status());
    match status {
        Ok(status) if status.success() => Ok(()),
        Ok(status) => Err(why(status.to_string())),
        Err(e) => Err(why(e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[OsString]) -> Vec<String> {
        args.iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn the_line_comes_before_the_file() {
        let (program, args) = command_line(Some("nvim"), Path::new("g.ron"), 42);
        assert_eq!(program, "nvim");
        assert_eq!(strings(&args), ["+42", "g.ron"]);
    }

    #[test]
    fn editor_values_with_flags_are_split_on_whitespace() {
        let (program, args) = command_line(Some("  code   -w "), Path::new("g.ron"), 7);
        assert_eq!(program, "code");
        assert_eq!(strings(&args), ["-w", "+7", "g.ron"]);
    }

    #[test]
    fn no_editor_means_vi() {
        for value in [None, Some(""), Some("   ")] {
            let (program, args) = command_line(value, Path::new("g.ron"), 0);
            assert_eq!(program, "vi");
            assert_eq!(strings(&args), ["+1", "g.ron"]);
        }
    }
}
