//! `coop-guide new`: a commented starter guide that passes `check`.

use std::io::{self, Write};
use std::path::Path;

use super::{print, CliError, Exit, Outcome};
use crate::guide::text::sanitize_line;
use crate::guide::STARTER_GUIDE;

/// Writes the starter guide to a new file; an existing file is never overwritten.
pub fn run(file: &Path) -> Outcome {
    let created = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(file);
    let mut f = match created {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            return Err(CliError::usage(format!(
                "`{}` already exists; choose another name",
                file.display()
            ))
            .at(file))
        }
        Err(e) => return Err(CliError::file(Exit::Usage, "cannot write", file, &e)),
    };
    f.write_all(STARTER_GUIDE.as_bytes())
        .and_then(|()| f.sync_all())
        .map_err(|e| CliError::file(Exit::Usage, "cannot write", file, &e))?;
    let name = sanitize_line(&file.display().to_string());
    print(&format!(
        "wrote {name}; try `coop-guide check {name}` and `coop-guide play {name}`\n"
    ))
}
