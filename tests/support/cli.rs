//! The real binary run as a command, with its input piped in: how scripts, pipes and screen
//! readers use the plain mode and the other commands.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `coop-guide ARGS` with `input` on standard input and returns what it wrote.
pub fn run(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_coop-guide"))
        .args(args)
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start coop-guide");
    // The binary may exit before reading everything (a usage error): that is not a failure here.
    let _ = child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes());
    child.wait_with_output().expect("wait")
}
